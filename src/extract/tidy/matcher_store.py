"""A built matcher kept on disk, so that `extract match` and a run's first match start quickly."""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

from extract.mappings import Mappings
from extract.settings import ScoreWeights
from extract.tidy.matching import Matcher


def _matcher_key(version: str, weights: ScoreWeights) -> str:
    """The mapping files' version (Mappings.version) and the code that builds a matcher from them."""
    import importlib.util
    import sys

    import numpy
    import rapidfuzz

    digest = hashlib.sha256(
        f"{version};{weights!r};{sys.version};{numpy.__version__};{rapidfuzz.__version__}".encode()
    )
    # the code a pickled matcher was built by: a change to any of it builds a new one (found, not imported:
    # extract.model's record types are needed only to check the catalogue's units when the files are read)
    modules = ("extract.tidy.matching", "extract.tidy.match_filter", "extract.tidy.facets", "extract.tidy.ages",
               "extract.tidy.alternation", "extract.tidy.wording", "extract.read.needs", "extract.mappings",
               "extract.settings", "extract.model", "extract.errors")  # fmt: skip
    for name in modules:
        digest.update(Path(importlib.util.find_spec(name).origin).read_bytes())
    return digest.hexdigest()[:20]


def load_matcher(mappings: Mappings, weights: ScoreWeights | None = None) -> Matcher:
    """A matcher for the mapping files as loaded from disk. Building one (each catalogue
    entry's facts) takes most of a second, so it is kept in the user's cache folder
    ($XDG_CACHE_HOME/extract or ~/.cache/extract), keyed by the mapping files' version and
    the matcher's code; EXTRACT_NO_MATCHER_CACHE=1 builds it every time."""
    import pickle
    import tempfile

    weights = weights or ScoreWeights()

    if os.environ.get("EXTRACT_NO_MATCHER_CACHE") or not mappings.version:
        return Matcher(mappings, weights)
    path = _cache_path(mappings.version, weights)
    if path is None:
        return Matcher(mappings, weights)
    matcher = _cached(path, mappings.version)
    if matcher is not None:
        return matcher
    matcher = Matcher(mappings, weights)
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".matcher.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(matcher, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        finally:
            Path(tmp).unlink(missing_ok=True)
        _prune(folder, path)
    except OSError:
        pass  # a read-only home: build it next time too
    return matcher


KEEP = 8  # kept matchers (1.6 MB each): one is made for every version of the mapping files and of the code


def _prune(folder: Path, made: Path) -> None:
    """All but the KEEP kept matchers used last removed (without it the folder grows with every edit of a
    mapping file: 350 files, 490 MB, on a machine where the project's sessions ran). A process reading
    one as it goes has it open; one about to read it finds none and builds its own."""
    kept = []
    for p in folder.glob("matcher-*.pickle"):
        try:
            kept.append((p.stat().st_mtime, p))
        except OSError:
            continue  # (removed by another process meanwhile)
    for _, p in sorted(kept, reverse=True)[KEEP:]:
        if p != made:
            p.unlink(missing_ok=True)


def _cache_path(version: str, weights: ScoreWeights) -> Path | None:
    try:
        folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "extract"
        return folder / f"matcher-{_matcher_key(version, weights)}.pickle"
    except (OSError, RuntimeError):
        return None


def _cached(path: Path, version: str) -> Matcher | None:
    """The matcher kept at `path` when it is one for mapping files of this version."""
    import pickle

    try:
        with open(path, "rb") as fh:
            matcher = pickle.load(fh)
        if isinstance(matcher, Matcher) and matcher.mappings.version == version:
            with contextlib.suppress(OSError):  # (a folder it cannot write: the matcher is good all the same)
                os.utime(path)  # used now: the ones used last are kept (_prune)
            return matcher
    except Exception:  # missing, damaged, or from another version of a library: build it
        pass
    return None


def matcher_from_files(root: Path | None = None, weights: ScoreWeights | None = None) -> Matcher:
    """load_matcher(load_mappings(root)) without reading the mapping files when a kept matcher
    is there for them: their fingerprint (Mappings.version) finds it, and the files are read
    (and checked) only to build one (`extract match` starts in a fifth of a second)."""
    from extract.mappings import fingerprint, load_mappings, mappings_dir

    root = root or mappings_dir()
    weights = weights or ScoreWeights()
    if not os.environ.get("EXTRACT_NO_MATCHER_CACHE"):
        version = fingerprint(root)
        path = _cache_path(version, weights)
        matcher = _cached(path, version) if path is not None else None
        if matcher is not None:
            return matcher
    return load_matcher(load_mappings(root), weights)
