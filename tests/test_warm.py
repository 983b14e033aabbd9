"""A re-run with nothing changed (run/warm.py): the current generation linked again, nothing
loaded; and every input that changes the outputs sends the run the full way."""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from extract.cli import main
from extract.run import warm
from extract.run.pipeline import Pipeline
from extract.settings import DEFAULT_SETTINGS
from extract.write.output import MANIFEST, OUTPUT_FILES, current_generation

ROOT = Path(__file__).resolve().parents[1]


def small_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for path in sorted((ROOT / "corpus").glob("*.txt"))[:2]:
        shutil.copy2(path, folder / path.name)
    return folder


def replayed(summary) -> bool:
    return "check inputs" in summary.timings


def outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUT_FILES}


def settle(*paths: Path) -> None:
    """Date files back, so that their stat alone may vouch for them (see warm.RACY_NS)."""
    old = time.time() - 3600
    for path in paths:
        for file in [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]:
            os.utime(file, (old, old))


@pytest.fixture
def ran(tmp_path):
    corpus = settle_corpus(small_corpus(tmp_path / "corpus"))
    out = tmp_path / "out"
    first = Pipeline().run(corpus, out, workers=1)
    assert not replayed(first) and warm.record_path(out).exists()
    return corpus, out, first


def test_a_report_rewritten_by_extract_report_keeps_the_run_facts_and_the_next_run_replays(ran):
    """`extract report OUT` makes a generation of its own: its manifest keeps the run's facts (SCHEMA.md:
    documents, observations, matched, dataset_inputs ...), so the next run with nothing changed still replays."""
    from extract.write.report import write_report

    corpus, out, _ = ran
    before = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    write_report(out)
    after = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert after["generation"] != before["generation"]
    for key in ("documents", "observations", "matched", "unmatched_names", "dataset_inputs", "report_inputs"):
        assert after[key] == before[key], key
    second = Pipeline().run(corpus, out, workers=1)
    assert replayed(second) and second.parsed == 0


def settle_corpus(corpus: Path) -> Path:
    settle(corpus)
    return corpus


def test_a_rerun_with_nothing_changed_links_the_same_files_without_loading_parsers(ran):
    corpus, out, first = ran
    before, generation = outputs(out), current_generation(out)
    pipeline = Pipeline()
    second = pipeline.run(corpus, out, workers=1)
    assert replayed(second) and second.parsed == 0
    assert pipeline._parsers is None and pipeline._mappings is None  # nothing imported, nothing read
    assert outputs(out) == before and current_generation(out) != generation  # a new generation, the same bytes
    assert second.documents == first.documents
    assert (second.rows, second.matched, second.unmatched_names) == (first.rows, first.matched, first.unmatched_names)
    manifest = json.loads((out / MANIFEST).read_text())
    assert manifest["observations"] == first.rows and manifest["documents"] == len(first.documents)


def test_a_changed_document_same_size_and_date_is_read_again(ran):
    corpus, out, _ = ran
    path = sorted(corpus.glob("*.txt"))[0]
    text = path.read_text(encoding="utf-8")
    at = text.index("1")  # the first figure: a digit swapped keeps the size
    changed = text[:at] + "7" + text[at + 1 :]
    assert changed != text
    stat = path.stat()
    path.write_text(changed, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the same size and mtime: only ctime and bytes differ
    second = Pipeline().run(corpus, out, workers=1)
    assert not replayed(second) and second.parsed == 1
    third = Pipeline().run(corpus, out, workers=1)  # recorded again: the next run replays
    assert replayed(third)


def test_a_new_file_a_removed_file_and_a_changed_manifest_are_seen(ran):
    corpus, out, _ = ran
    (corpus / "new.txt").write_text("Indicator\tValue\nChildren in care\t12\n", encoding="utf-8")
    assert not replayed(Pipeline().run(corpus, out, workers=1))
    (corpus / "new.txt").unlink()
    assert not replayed(Pipeline().run(corpus, out, workers=1))
    assert replayed(Pipeline().run(corpus, out, workers=1))
    (corpus / "manifest.csv").write_text("path,council_id,report_date\n", encoding="utf-8")
    assert not replayed(Pipeline().run(corpus, out, workers=1))


def test_other_settings_or_options_are_a_full_run(ran):
    corpus, out, _ = ran
    other = DEFAULT_SETTINGS.with_(match=DEFAULT_SETTINGS.match.__class__(candidates=5))
    assert not replayed(Pipeline(settings=other).run(corpus, out, workers=1))
    assert not replayed(Pipeline().run(corpus, out, workers=1))  # back to the defaults: recorded again
    assert not replayed(Pipeline().run(corpus, out, workers=1, max_mb=1))
    assert not replayed(Pipeline().run(corpus, out, workers=1, force=True))
    assert replayed(Pipeline().run(corpus, out, workers=1, force=False))  # --force gives the same record


def test_a_run_with_parsers_given_in_code_writes_no_record(ran, pipeline):
    corpus, out, _ = ran
    Pipeline(parsers=list(pipeline.parsers)).run(corpus, out, workers=1)
    assert not warm.record_path(out).exists()
    assert not replayed(Pipeline().run(corpus, out, workers=1))


def test_a_damaged_output_is_written_again(ran):
    corpus, out, _ = ran
    before = outputs(out)
    target = current_generation(out) / "unmatched.csv"
    target.write_bytes(target.read_bytes() + b"x")
    second = Pipeline().run(corpus, out, workers=1)
    assert not replayed(second)
    assert outputs(out) == before


def test_a_changed_code_or_mapping_file_or_a_new_distribution_is_a_full_run(ran, tmp_path, monkeypatch):
    corpus, out, _ = ran
    code = tmp_path / "code"
    code.mkdir()
    module = code / "extra_parser.py"
    module.write_text("VERSION = '1'\n")
    settle(module)
    site = tmp_path / "site"
    site.mkdir()
    roots = warm._code_roots()
    monkeypatch.setattr(warm, "_code_roots", lambda: [*roots, str(code)])
    monkeypatch.setattr(sys, "path", [*sys.path, str(site)])
    Pipeline().run(corpus, out, workers=1)
    assert replayed(Pipeline().run(corpus, out, workers=1))
    stat = module.stat()
    module.write_text("VERSION = '2'\n")  # same size, same mtime: the content decides
    os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert not replayed(Pipeline().run(corpus, out, workers=1))
    assert replayed(Pipeline().run(corpus, out, workers=1))
    (code / "another.py").write_text("")  # a new module in a recorded folder
    assert not replayed(Pipeline().run(corpus, out, workers=1))
    dist = site / "plugin-1.0.dist-info"  # a distribution installed: its entry points may add parsers
    dist.mkdir()
    (dist / "entry_points.txt").write_text("[extract.parsers]\n")
    assert not replayed(Pipeline().run(corpus, out, workers=1))
    assert replayed(Pipeline().run(corpus, out, workers=1))
    (dist / "entry_points.txt").write_text("[console_scripts]\nx = y:z\n")  # any change: content compared
    assert not replayed(Pipeline().run(corpus, out, workers=1))


def test_the_real_roots_are_the_package_the_parsers_and_the_mappings():
    import extract
    import extract_parsers
    from extract.mappings import mappings_dir

    roots = {Path(r) for r in warm._code_roots()}
    assert Path(extract.__file__).parent.resolve() in {r.resolve() for r in roots}
    assert {Path(p).resolve() for p in extract_parsers.__path__} <= {r.resolve() for r in roots}
    assert mappings_dir().resolve() in {r.resolve() for r in roots}


def test_a_recent_file_is_compared_by_content_an_old_one_by_stat(tmp_path):
    path = tmp_path / "f.txt"
    path.write_text("abc")
    stat = warm.stat_of(path)
    wrong = {str(path): [*stat, "0" * 64]}  # the stat as recorded, another content
    assert not warm._files_match(wrong, time.time_ns())  # changed moments before the record: hashed
    assert warm._files_match(wrong, stat[1] + 2 * warm.RACY_NS)  # long before: the stat vouches
    assert warm._files_match({str(path): [*stat, warm.sha_of(path)]}, time.time_ns())
    assert not warm._files_match({str(tmp_path / "gone.txt"): [*stat, None]}, time.time_ns())
    assert warm._files_match({str(tmp_path / "gone.txt"): None}, time.time_ns())


def test_the_command_line_prints_the_same_for_a_replayed_run(tmp_path, monkeypatch):
    corpus = settle_corpus(small_corpus(tmp_path / "corpus"))
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(main, [str(corpus), "--out", str(out), "--workers", "1"]).exit_code == 0

    def refuse(*args, **kwargs):
        raise AssertionError("the pipeline ran")

    with monkeypatch.context() as patch:
        patch.setattr(Pipeline, "run", refuse)
        replay = runner.invoke(main, [str(corpus), "--out", str(out), "--workers", "1"])
    warm.record_path(out).unlink()  # the same re-run the full way
    full = runner.invoke(main, [str(corpus), "--out", str(out), "--workers", "1"])
    assert replay.exit_code == full.exit_code == 0
    assert replay.output == full.output
    assert pd.read_parquet(out / "observations.parquet").shape[0] > 0


def test_a_changed_mapping_file_is_a_full_run(ran, tmp_path, monkeypatch):
    from extract.mappings import load_mappings, mappings_dir

    corpus, out, _ = ran
    mappings = tmp_path / "mappings"
    shutil.copytree(mappings_dir(), mappings)
    settle(mappings)
    monkeypatch.setenv("EXTRACT_MAPPINGS", str(mappings))
    load_mappings.cache_clear()  # loaded from the copy from here on
    try:
        assert not replayed(Pipeline().run(corpus, out, workers=1))
        assert replayed(Pipeline().run(corpus, out, workers=1))
        aliases = mappings / "aliases.csv"
        aliases.write_text(aliases.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        load_mappings.cache_clear()
        assert not replayed(Pipeline().run(corpus, out, workers=1))
    finally:
        monkeypatch.delenv("EXTRACT_MAPPINGS")
        load_mappings.cache_clear()


def test_charts_drawn_by_two_processes_are_those_one_draws(monkeypatch):
    from extract.write import report_charts

    monkeypatch.setattr(report_charts, "PARALLEL_ROWS", 0)
    items = list(range(40))
    parent = os.getpid()

    def draw(i: int) -> str:
        return f"<svg>{i} é \udce9</svg>"

    def fails_in_the_child(i: int) -> str:
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return draw(i)

    expected = [draw(i) for i in items]
    assert report_charts.render_in_two(items, [i + 1 for i in items], draw) == expected
    assert report_charts.render_in_two(items, [1] * 40, fails_in_the_child) == expected  # drawn again here
    assert report_charts.render_in_two(items, [1] * 40, lambda i: f"a\0b{i}") == [f"a\0b{i}" for i in items]


def test_a_report_drawn_by_two_processes_has_the_same_bytes(corpus_run, tmp_path, monkeypatch):
    from extract.write import report, report_charts

    _, out = corpus_run
    folder = tmp_path / "report"
    folder.mkdir()
    for name in ("observations.parquet", "documents.parquet", "catalogue.parquet", "unmatched.csv"):
        shutil.copy(out / name, folder / name)
    monkeypatch.setattr(report_charts, "PARALLEL_ROWS", 10**12)
    one = report.write_report_file(folder).read_bytes()
    monkeypatch.setattr(report_charts, "PARALLEL_ROWS", 0)
    two = report.write_report_file(folder).read_bytes()
    assert one == two and one == (out / "report.html").read_bytes()
