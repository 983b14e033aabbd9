"""The kept matcher (extract.tidy.matcher_store): `extract match` and a run's first match start from a
pickled matcher in the user's cache folder. A damaged or stale file is rebuilt, never trusted, and
the tool works where the cache folder cannot be written."""

from __future__ import annotations

import dataclasses
import json
import pickle

from click.testing import CliRunner

from extract.cli import main
from extract.mappings import fingerprint, load_mappings, mappings_dir
from extract.settings import ScoreWeights
from extract.tidy import matcher_store

NAME = "Percentage of children looked after with 3 or more placements"


def _kept(tmp_path):
    """The path the matcher for today's mapping files is kept at (under XDG_CACHE_HOME, tmp_path)."""
    return matcher_store._cache_path(fingerprint(mappings_dir()), ScoreWeights())


def _use_cache(monkeypatch, folder) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    monkeypatch.delenv("EXTRACT_NO_MATCHER_CACHE", raising=False)


def test_a_damaged_kept_matcher_is_rebuilt_and_replaced(tmp_path, monkeypatch):
    _use_cache(monkeypatch, tmp_path)
    expected = matcher_store.matcher_from_files().match(NAME).as_json()
    path = _kept(tmp_path)
    for damage in (b"", b"not a pickle", path.read_bytes()[: 1000], pickle.dumps({"a": "dict"})):
        path.write_bytes(damage)
        assert matcher_store.matcher_from_files().match(NAME).as_json() == expected
        assert pickle.loads(path.read_bytes()).match(NAME).as_json() == expected  # kept again, whole


def test_a_matcher_kept_for_other_mapping_files_is_not_trusted(tmp_path, monkeypatch):
    """A file at the key's path whose matcher was built from other mapping files (a stale or mixed-up
    cache) is refused: the version it carries must be the files' own."""
    _use_cache(monkeypatch, tmp_path)
    expected = matcher_store.matcher_from_files().match(NAME).as_json()
    path = _kept(tmp_path)
    stale = pickle.loads(path.read_bytes())
    stale.mappings.version = "another version"
    answer = expected["indicator_id"]
    stale.mappings.indicators[answer] = dataclasses.replace(stale.mappings.indicators[answer], name="stale")
    assert stale.match(NAME).as_json() != expected
    path.write_bytes(pickle.dumps(stale, protocol=pickle.HIGHEST_PROTOCOL))
    assert matcher_store.matcher_from_files().match(NAME).as_json() == expected
    assert pickle.loads(path.read_bytes()).mappings.version == load_mappings().version


def test_extract_match_works_where_the_cache_folder_cannot_be_made(tmp_path, monkeypatch):
    """XDG_CACHE_HOME naming a file (no folder can be made under it, even as root): built every time."""
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    _use_cache(monkeypatch, blocked)
    result = CliRunner().invoke(main, ["match", NAME], prog_name="extract")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["indicator_id"]
    assert blocked.read_text() == "" and not (tmp_path / "extract").exists()


def test_extract_match_builds_and_keeps_a_matcher_where_there_is_none(tmp_path, monkeypatch):
    _use_cache(monkeypatch, tmp_path / "absent" / "cache")
    first = CliRunner().invoke(main, ["match", NAME], prog_name="extract")
    assert first.exit_code == 0, first.output
    assert list((tmp_path / "absent" / "cache" / "extract").glob("matcher-*.pickle"))
    again = CliRunner().invoke(main, ["match", NAME], prog_name="extract")
    assert again.output == first.output


def test_the_cache_folder_keeps_the_newest_matchers_only(tmp_path, monkeypatch):
    """Every version of the mapping files and of the code makes a kept matcher: building one removes all
    but the KEEP newest, the one just made among them, and leaves other files alone."""
    import os

    _use_cache(monkeypatch, tmp_path)
    folder = tmp_path / "extract"
    folder.mkdir()
    old = [folder / f"matcher-old{i:02d}.pickle" for i in range(matcher_store.KEEP + 3)]
    for i, p in enumerate(old):
        p.write_bytes(b"an older matcher")
        os.utime(p, (1_000_000 + i, 1_000_000 + i))
    (folder / "notes.txt").write_text("not a matcher")
    matcher_store.matcher_from_files()
    left = sorted(p.name for p in folder.glob("matcher-*.pickle"))
    assert _kept(tmp_path).name in left and len(left) == matcher_store.KEEP
    assert set(left) - {_kept(tmp_path).name} == {p.name for p in old[-(matcher_store.KEEP - 1) :]}
    assert (folder / "notes.txt").exists()
    # a kept matcher read is one used now: it outlives those made since
    first = _kept(tmp_path)
    os.utime(first, (1_000_000, 1_000_000))
    assert matcher_store.matcher_from_files() and first.stat().st_mtime > 1_000_000
