"""Parallel, incremental and distributed runs give the same dataset; nothing is lost on failure."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from fault_tools import SLOW_EXTRACT
from reportlab.pdfgen import canvas

from extract.cli import main
from extract.run.pipeline import Pipeline
from helpers import CASES
from pdf_render import render_text_to_pdf

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The shipped corpus plus PDF renderings of two seeds, in a sub-folder."""
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(ROOT / "corpus", root, dirs_exist_ok=True)
    (root / "pdf").mkdir()
    for name, style in (("tcs_quarterly_scorecard", "ruled"), ("welsh_scc_indicators", "landscape")):
        render_text_to_pdf((CASES / name / "input.txt").read_text(), root / "pdf" / f"{name}.pdf", style)
    return root


@pytest.fixture(scope="module")
def baseline(corpus, tmp_path_factory):
    """One run of `corpus` with one worker, shared: tests that continue from a finished run take a
    copy of its folder (cache included) instead of running the corpus again."""
    out = tmp_path_factory.mktemp("baseline") / "out"
    result, frames = run(corpus, out, "--workers", "1")
    assert result.exit_code == 0, result.output
    return out, frames


def copy_of(baseline, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    shutil.copytree(baseline[0], out, symlinks=True)
    return out


def run(corpus: Path, out: Path, *args: str):
    result = CliRunner().invoke(main, [str(corpus), "--out", str(out), "--quiet", *args])
    frames = {n: pd.read_parquet(out / f"{n}.parquet") for n in ("observations", "documents")}
    return result, frames


def _comparable(docs: pd.DataFrame) -> pd.DataFrame:
    return docs.drop(columns=["seconds"])


def test_one_and_two_workers_give_the_same_dataset_row_for_row(corpus, baseline, tmp_path):
    a = baseline[1]
    two, b = run(corpus, tmp_path / "two", "--workers", "2")
    assert two.exit_code == 0, two.output
    pd.testing.assert_frame_equal(a["observations"], b["observations"])
    pd.testing.assert_frame_equal(_comparable(a["documents"]), _comparable(b["documents"]))
    assert len(a["documents"]) == 7 and set(a["documents"].status) == {"ok"}


def test_warm_rerun_parses_nothing_and_gives_the_same_dataset(corpus, baseline, tmp_path):
    out, a = copy_of(baseline, tmp_path), baseline[1]
    warm = CliRunner().invoke(main, [str(corpus), "--out", str(out)])
    assert "parsed: 0 documents, re-matched: 0, the rest from the cache" in warm.output, warm.output
    b = pd.read_parquet(out / "observations.parquet")
    pd.testing.assert_frame_equal(a["observations"], b)
    forced = CliRunner().invoke(main, [str(corpus), "--out", str(out), "--force"])
    assert "parsed: 7 documents, re-matched: 0\n" in forced.output  # (none from the cache: it does not say so)


def test_changed_and_removed_documents(corpus, tmp_path):
    work = tmp_path / "corpus"
    shutil.copytree(corpus, work)
    out = tmp_path / "out"
    run(work, out)
    # change one document, remove another
    target = work / "004_fc0e892b28d7762b.txt"
    target.write_text(
        target.read_text().replace(
            "SCC/002 % of LAC with one or more changes of school\t7.70",
            "SCC/002 % of LAC with one or more changes of school\t7.90",
        )
    )
    (work / "002_db4118e4560db15c.txt").unlink()
    result = CliRunner().invoke(main, [str(work), "--out", str(out)])
    assert "parsed: 1 document," in result.output, result.output
    obs = pd.read_parquet(out / "observations.parquet")
    assert "002_db4118e4560db15c.txt" not in set(obs.document)
    assert "7.90" in set(obs[obs.document == "004_fc0e892b28d7762b.txt"].value_raw)
    cached = list((out / ".extract-cache" / "parsed").glob("*.parquet"))
    assert len(cached) == 6, "the removed and the old version's cache entries are pruned"


def _run_with_edited_mappings(corpus: Path, out: Path, tmp_path: Path, monkeypatch, file: str, row: str) -> str:
    """The run's output after `row` is appended to a copy of the shipped mapping `file`."""
    mappings = tmp_path / "mappings"
    shutil.copytree(ROOT / "mappings", mappings)
    with (mappings / file).open("a", encoding="utf-8") as fh:
        fh.write(row + "\n")
    monkeypatch.setenv("EXTRACT_MAPPINGS", str(mappings))
    from extract.mappings import load_mappings

    load_mappings.cache_clear()
    try:
        return CliRunner().invoke(main, [str(corpus), "--out", str(out)]).output
    finally:
        load_mappings.cache_clear()


def test_a_catalogue_change_rematches_without_reparsing(corpus, baseline, tmp_path, monkeypatch):
    out = copy_of(baseline, tmp_path)
    output = _run_with_edited_mappings(
        corpus, out, tmp_path, monkeypatch, "aliases.csv", "absence rate,att_overall_absence_pct,test alias")
    assert "parsed: 0 documents, re-matched: 7" in output, output
    obs = pd.read_parquet(out / "observations.parquet")
    aliased = obs[obs.indicator_raw == "absence rate"]  # unmatched before the alias
    assert not aliased.empty and (aliased.indicator_id == "att_overall_absence_pct").all()


def test_a_dask_cluster_gives_the_local_dataset(corpus, baseline, tmp_path):
    distributed = pytest.importorskip("dask.distributed", reason="the dask extra is not installed")
    local = baseline[1]
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        result, remote = run(corpus, tmp_path / "dask", "--scheduler", cluster.scheduler_address)
    assert result.exit_code == 0, result.output
    pd.testing.assert_frame_equal(local["observations"], remote["observations"])
    pd.testing.assert_frame_equal(_comparable(local["documents"]), _comparable(remote["documents"]))


def _big_pdf(path: Path, pages: int, lines: int = 1) -> None:
    doc = canvas.Canvas(str(path))
    for number in range(pages):
        for line in range(lines):
            doc.drawString(
                72, 760 - 12 * line, f"Page {number}: in 2023/24, 12.{line}% of referrals were repeat referrals."
            )
        doc.showPage()
    doc.save()


def test_pathological_and_junk_inputs_become_rows(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CASES / "welsh_scc_indicators" / "input.txt", corpus / "good.txt")
    _big_pdf(corpus / "huge.pdf", 2000, lines=25)
    (corpus / "junk.txt").write_bytes(os.urandom(4096))
    (corpus / "latin1.md").write_bytes("Caf\xe9 50% \x00\x01".encode("latin-1"))
    (corpus / "empty.pdf").write_bytes(b"")
    result, frames = run(corpus, tmp_path / "out", "--timeout", "1", "--workers", "2")
    assert result.exit_code == 1
    status = frames["documents"].set_index("document").status.to_dict()
    assert status == {"empty.pdf": "unreadable", "good.txt": "ok", "huge.pdf": "timeout",
                      "junk.txt": "unreadable", "latin1.md": "unreadable"}  # fmt: skip
    errors = frames["documents"].set_index("document").error
    assert "time limit" in errors["huge.pdf"]
    assert set(frames["observations"].document) == {"good.txt"}


def test_a_run_killed_part_way_leaves_the_previous_output_whole(corpus, baseline, tmp_path):
    out, before = copy_of(baseline, tmp_path), baseline[1]
    work = tmp_path / "corpus"
    shutil.copytree(corpus, work)
    for i in range(6):
        _big_pdf(work / f"extra-{i}.pdf", 300)
    # a document that takes 60 s to parse (tests/slow_extract.py) keeps the run busy until the kill,
    # however fast the rest is
    (work / "slow.txt").write_text("nothing to read")
    process = subprocess.Popen(
        [sys.executable, str(SLOW_EXTRACT), str(work), "--out", str(out), "--force", "--quiet"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        env={**os.environ, "EXTRACT_TEST_SLOW": "60"},
    )  # fmt: skip
    time.sleep(2.5)
    assert process.poll() is None, "the run finished before it could be killed"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    after = {n: pd.read_parquet(out / f"{n}.parquet") for n in ("observations", "documents")}
    pd.testing.assert_frame_equal(before["observations"], after["observations"])
    pd.testing.assert_frame_equal(before["documents"], after["documents"])
    # and the next run completes, reusing what the killed run had cached
    (work / "slow.txt").unlink()
    result, done = run(work, out)
    assert result.exit_code == 0 and len(done["documents"]) == 13


def test_pipeline_api_matches_cli(corpus, tmp_path):
    summary = Pipeline().run(corpus, tmp_path / "api", workers=1)
    assert summary.ok and summary.parsed == 7


def test_memory_limit_turns_a_greedy_document_into_an_error_row(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    row = "% of referrals which are repeat referrals\t23.6%\t23.5%\t27.2%\n"
    (corpus / "big.txt").write_text("Title\tActual\tTarget\tIntervention\n" + row * 800_000)  # ~40 MB
    result, frames = run(corpus, tmp_path / "out", "--memory-mb", "16", "--workers", "1")
    assert result.exit_code == 1
    doc = frames["documents"].iloc[0]
    assert doc.status == "error" and "memory" in doc.error


def test_log_lines_when_not_a_terminal(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CASES / "welsh_scc_indicators" / "input.txt", corpus / "welsh.txt")
    (corpus / "notes.docx").write_bytes(b"PK")
    verbose = CliRunner().invoke(main, [str(corpus), "--out", str(tmp_path / "a"), "--verbose"])
    assert "ok            welsh.txt (261 rows) parser=welsh_scc_indicators" in verbose.output
    assert "unsupported   notes.docx" in verbose.output
    quiet = CliRunner().invoke(main, [str(corpus), "--out", str(tmp_path / "b"), "--quiet"])
    assert "welsh.txt" not in quiet.output and quiet.output.startswith("documents: 2")


def test_a_worker_finishes_its_document_and_sends_no_rows(tmp_path):
    """A worker with a cache and a finisher sends what the finisher made of its document, and
    not the rows (already in the cache): the main process only files the result."""
    from extract.load.files import hash_file
    from extract.run.cache import Cache
    from extract.run.workers import WorkerPool

    path = tmp_path / "paper.txt"
    shutil.copy(CASES / "tcs_quarterly_scorecard" / "input.txt", path)
    sha, size = hash_file(path)
    pipeline = Pipeline()
    cache = Cache(tmp_path / "out", pipeline.parsers_version, pipeline.mappings.version)
    got = {}

    def finisher(index, parsed, matches):
        return ("finished", index, len(parsed.rows), len(matches))

    pool = WorkerPool(pipeline, 1, 60.0, 0, 50, cache, finish=finisher)
    pool.run([(0, str(path), sha, size)], lambda index, parsed: got.setdefault(index, parsed))
    parsed = got[0]
    assert parsed.meta["status"] == "ok" and parsed.saved
    rows = parsed.finished[2]
    assert rows > 10 and parsed.finished == ("finished", 0, rows, rows)
    assert parsed.rows == [] and parsed.matches == []
    assert len(cache.load_parsed(sha).rows) == rows  # the rows are in the cache


def test_a_parse_cached_by_another_engine_is_not_reused(tmp_path, monkeypatch):
    """Parsers are versioned, but they call the readers and the matcher: a cache written by other
    engine code (an upgraded install with the same parser versions) gets another key."""
    import hashlib

    import extract
    from extract.run import cache as cache_module

    root = Path(extract.__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    assert cache_module.engine_digest() == digest.hexdigest()[:12]  # every module of the package counts

    before = cache_module.Cache(tmp_path, "generic=1.5", "catalogue").parsers_key
    monkeypatch.setattr(cache_module, "engine_digest", lambda: "another")
    after = cache_module.Cache(tmp_path, "generic=1.5", "catalogue").parsers_key
    assert before != after


def test_a_reading_vocabulary_change_parses_again(corpus, baseline, tmp_path, monkeypatch):
    """A reviewed vocabulary the readers use (here the unit row labels) changes what a parse gives:
    cached parses are not replayed after it is edited (an alias edit re-matches only, above)."""
    out = copy_of(baseline, tmp_path)
    output = _run_with_edited_mappings(corpus, out, tmp_path, monkeypatch, "unit_row_labels.csv",
                                       "per cent,test row: a unit word added by a maintainer")
    assert "parsed: 7 documents" in output, output
