"""Faults that used to lose a run or its consistency (issue 13, items 1-8), each with its test."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from fault_tools import TINY, alive, children, kill_all, start_extract, tiny_corpus, wait_until
from reportlab.pdfgen import canvas

from extract.cli import main

ROOT = Path(__file__).resolve().parents[1]


def run(corpus: Path, out: Path, *args: str):
    return CliRunner().invoke(main, [str(corpus), "--out", str(out), *map(str, args)])


def documents(out: Path) -> pd.DataFrame:
    return pd.read_parquet(out / "documents.parquet").set_index("document")


def check_generation(out: Path) -> tuple[bool, str]:
    from extract.write.output import (
        check_generation,  # (imported here: the tests must run, and fail, before it existed)
    )

    return check_generation(out)


# 1 ------------------------------------------------------------------------------------------
def test_a_worker_that_dies_while_idle_is_replaced_and_the_run_goes_on(pipeline, tmp_path):
    from extract.run.runner import WorkerPool

    corpus = tiny_corpus(tmp_path / "corpus", ("a.txt", "b.txt", "c.txt"))
    tasks = [(i, str(corpus / n), None, None) for i, n in enumerate(("a.txt", "b.txt", "c.txt"))]
    pool = WorkerPool(pipeline, 1, timeout=30, memory_mb=0, recycle=50)
    got = {}

    def on_result(index, parsed):
        got[index] = parsed.meta["status"]
        if index == 0:  # the OOM killer takes the worker while it waits for its next document
            worker = pool.workers[0].process
            os.kill(worker.pid, signal.SIGKILL)
            worker.join(5)

    pool.run(tasks, on_result)
    assert got == {0: "ok", 1: "ok", 2: "ok"}


# 2 ------------------------------------------------------------------------------------------
def test_a_file_name_that_is_not_utf8_is_a_row_shown_with_escapes(tmp_path):
    corpus = tiny_corpus(tmp_path / "corpus", ("good.txt",))
    with open(os.fsencode(corpus) + b"/caf\xe9.txt", "w", encoding="utf-8") as fh:  # a Latin-1 name
        fh.write(TINY)
    out = tmp_path / "out"
    result = run(corpus, out, "--workers", "1")
    assert result.exit_code == 0, result.output
    docs = documents(out)
    assert list(docs.index) == ["caf\\xe9.txt", "good.txt"] and set(docs.status) == {"ok"}
    assert "caf\\xe9.txt" in set(pd.read_parquet(out / "observations.parquet").document)


# 3 ------------------------------------------------------------------------------------------
def test_a_file_that_vanishes_between_hashing_and_parsing_is_unreadable_and_the_run_completes(
    tmp_path, monkeypatch
):
    from extract.run.cache import Cache

    corpus = tiny_corpus(tmp_path / "corpus", ("gone.txt", "kept.txt"))
    load_parsed = Cache.load_parsed

    def hashed_then_gone(self, sha):  # called once a file is hashed, before a worker reads it
        (corpus / "gone.txt").unlink(missing_ok=True)
        return load_parsed(self, sha)

    monkeypatch.setattr(Cache, "load_parsed", hashed_then_gone)
    out = tmp_path / "out"
    result = run(corpus, out, "--workers", "1")
    assert result.exit_code == 1, result.output
    docs = documents(out)
    assert docs.loc["gone.txt", "status"] == "unreadable" and "cannot read" in docs.loc["gone.txt", "error"]
    assert docs.loc["kept.txt", "status"] == "ok"
    assert (out / "report.html").exists() and check_generation(out)[0]


# 4 ------------------------------------------------------------------------------------------
def test_files_are_hashed_in_chunks_and_a_file_over_max_mb_is_too_large(tmp_path):
    corpus = tiny_corpus(tmp_path / "corpus", ("good.txt",))
    with open(corpus / "zeros.txt", "wb") as fh:  # sparse: costs no disk
        fh.truncate(40_000_000)
    with open(corpus / "huge.pdf", "wb") as fh:
        fh.truncate(60_000_000)
    out = tmp_path / "out"
    tracemalloc.start()
    try:
        result = run(corpus, out, "--workers", "1", "--max-mb", "50")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.exit_code == 1, result.output
    assert peak < 20_000_000, f"the main process held {peak / 1e6:.0f} MB: files are read whole"
    docs = documents(out)
    assert docs.loc["huge.pdf", "status"] == "too_large" and "50 MB" in docs.loc["huge.pdf", "error"]
    assert docs.loc["huge.pdf", "bytes"] == 60_000_000 and pd.isna(docs.loc["huge.pdf", "document_sha256"])
    assert docs.loc["zeros.txt", "status"] == "unreadable" and docs.loc["good.txt", "status"] == "ok"


# 5 ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_workers_do_not_outlive_a_killed_parent(tmp_path, how):
    corpus = tiny_corpus(tmp_path / "corpus", ("slow-1.txt", "slow-2.txt", "slow-3.txt"))
    process = start_extract(corpus, "--out", tmp_path / "out", "--workers", "2")
    workers: list[int] = []
    try:
        assert wait_until(lambda: len(children(process.pid)) >= 2, 20), "the workers did not start"
        workers = children(process.pid)
        time.sleep(0.3)
        os.kill(process.pid, how)
        process.wait(10)
        assert wait_until(lambda: not any(alive(p) for p in workers), 5), "workers outlived their parent"
        if how == signal.SIGTERM:
            assert process.returncode == 128 + signal.SIGTERM
            assert "Traceback" not in process.stderr.read()
    finally:
        kill_all([process.pid, *workers])


# 6 and 11 (a full disk) ------------------------------------------------------------------------
def test_outputs_switch_as_one_generation_and_a_full_disk_keeps_the_previous_one(tmp_path, monkeypatch):
    from extract.write.output import CURRENT, GENERATIONS

    corpus = tiny_corpus(tmp_path / "corpus", ("a.txt",))
    out = tmp_path / "out"
    assert run(corpus, out, "--workers", "1").exit_code == 0
    ok, seen = check_generation(out)
    assert ok, seen
    before = {n: (out / n).read_bytes() for n in ("observations.parquet", "unmatched.csv", "report.html")}
    first = os.path.realpath(out / CURRENT)
    # stale leftovers of a killed run are cleaned by the next one
    (out / ".observations.parquet.abc.tmp").write_bytes(b"half")
    (out / GENERATIONS / "19990101T000000-1-dead").mkdir()

    (corpus / "b.txt").write_text(TINY.replace("22.2%", "23.3%"), encoding="utf-8")

    def disk_full(folder):  # the last file of the new generation cannot be written
        raise OSError(errno.ENOSPC, "No space left on device", str(folder / "report.html"))

    monkeypatch.setattr("extract.run.runner.write_report_file", disk_full)
    result = run(corpus, out, "--workers", "1")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.strip().splitlines()[-1].startswith("extract: no space left on the device")
    assert os.path.realpath(out / CURRENT) == first and check_generation(out)[0]
    assert {n: (out / n).read_bytes() for n in before} == before
    assert sorted(p.name for p in (out / GENERATIONS).iterdir()) == [Path(first).name]
    assert not list(out.glob(".*.tmp"))


def test_an_out_written_before_generations_is_adopted_and_kept_as_the_previous_one(tmp_path):
    from extract.write.output import GENERATIONS, MANIFEST

    corpus = tiny_corpus(tmp_path / "corpus", ("a.txt",))
    out = tmp_path / "out"
    assert run(corpus, out, "--workers", "1").exit_code == 0
    legacy = tmp_path / "legacy"
    legacy.mkdir()
    for name in ("observations.parquet", "documents.parquet", "catalogue.parquet", "unmatched.csv", "report.html"):
        shutil.copy(out / name, legacy / name)  # plain files, as runs wrote them before
    old = (legacy / "observations.parquet").read_bytes()
    assert run(corpus, legacy, "--workers", "1").exit_code == 0 and check_generation(legacy)[0]
    kept = [p for p in (legacy / GENERATIONS).iterdir() if p.resolve() != (legacy / ".current").resolve()]
    assert len(kept) == 1 and (kept[0] / "observations.parquet").read_bytes() == old
    assert "written before generations" in (kept[0] / MANIFEST).read_text()


# 7 ------------------------------------------------------------------------------------------
def test_a_second_run_into_the_same_out_is_refused_naming_the_first(tmp_path):
    corpus = tiny_corpus(tmp_path / "corpus", ("a.txt",))
    out = tmp_path / "out"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from extract.write.output import RunLock\n"
         f"with RunLock({str(out)!r}):\n    print('locked', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "locked"
        result = run(corpus, out, "--workers", "1")
        assert result.exit_code == 1
        assert f"another extract run (pid {holder.pid})" in result.output, result.output
        assert not (out / "observations.parquet").exists()
    finally:
        kill_all([holder.pid])
        holder.wait()
    assert run(corpus, out, "--workers", "1").exit_code == 0  # the lock dies with its holder


# 8 ------------------------------------------------------------------------------------------
def test_the_time_limit_fires_on_time_while_the_parent_is_busy_matching(tmp_path, monkeypatch):
    from extract.run.pipeline import Pipeline

    corpus = tiny_corpus(tmp_path / "corpus", ("a.txt", "hang.txt"))
    (corpus / "a.txt").write_text(TINY * 5, encoding="utf-8")  # 35 rows to match
    parse = Pipeline.parse

    def hang_or_parse(self, path):  # inherited by the forked workers
        if Path(path).name == "hang.txt":
            time.sleep(60)
        return parse(self, path)

    match_rows = Pipeline.match_rows

    def slow_match(self, rows, council, title=None):  # matching that keeps the parent busy for 3.5 s
        time.sleep(0.1 * len(rows))
        return match_rows(self, rows, council, title)

    monkeypatch.setattr(Pipeline, "parse", hang_or_parse)
    monkeypatch.setattr(Pipeline, "match_rows", slow_match)
    out = tmp_path / "out"
    result = run(corpus, out, "--workers", "2", "--timeout", "1")
    assert result.exit_code == 1, result.output
    docs = documents(out)
    assert docs.loc["hang.txt", "status"] == "timeout" and docs.loc["a.txt", "status"] == "ok"
    # a limit that waited for the parent's matching would fire after 3.5 s; 2.5 leaves room for a
    # loaded machine (CI has two shared cores)
    assert docs.loc["hang.txt", "seconds"] < 2.5, "the time limit fired late"


def test_pathological_text_is_read_in_seconds(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    row = "% of referrals which are repeat referrals\t"
    (corpus / "digits.txt").write_text(
        "Indicator\tActual\tTarget\tIntervention\n" + row + "9" * 100_000 + "\t23.5%\t27.2%\n" + "x\n" * 2000
    )
    words = ("the", "rate", "of", "children", "was", "12.5%", "in", "2023/24", "against", "target", "and", "450")
    (corpus / "prose.txt").write_text(" ".join(words[i * 7 % len(words)] for i in range(20_000))[:100_000] + "\n")
    started = time.monotonic()
    # seconds on any machine; a backtracking or quadratic reader would take minutes on these
    result = run(corpus, tmp_path / "out", "--workers", "2", "--timeout", "30")
    docs = documents(tmp_path / "out")
    assert "timeout" not in set(docs.status), docs[["status", "error"]]
    assert time.monotonic() - started < 30
    assert "pathological length cut" in docs.loc["digits.txt", "notes"], result.output


def _runs_on_one_line(path: Path, runs: int = 10_000) -> None:
    doc = canvas.Canvas(str(path), pagesize=(14_400, 200))
    doc.setFont("Helvetica", 4)
    for i in range(runs):
        doc.drawString(10 + i * 1.4, 100, str(i % 97))
    doc.showPage()
    doc.save()


def test_a_pdf_page_with_10000_text_runs_loads_in_seconds(tmp_path):
    pdf = tmp_path / "runs.pdf"
    _runs_on_one_line(pdf)
    code = (
        f"from pathlib import Path\nfrom extract.load import load_document\nload_document(Path({str(pdf)!r}), Path())"
    )
    started = time.monotonic()
    try:
        subprocess.run([sys.executable, "-c", code], check=True, timeout=15)
    except subprocess.TimeoutExpired:  # about 1 s idle; a per-run quadratic step takes minutes
        pytest.fail("a page of 10,000 text runs took over 15 s to load")
    assert time.monotonic() - started < 15


# the fault-injection script, in short (benchmarks/bench_faults.py runs it at length) ------------
def test_killing_a_run_at_random_moments_leaves_one_complete_generation(tmp_path):
    from extract.write.output import GENERATIONS

    corpus = tiny_corpus(tmp_path / "corpus", ("a.txt", "slow-b.txt", "slow-c.txt"))
    out = tmp_path / "out"
    assert run(corpus, out, "--workers", "1").exit_code == 0
    (corpus / "d.txt").write_text(TINY.replace("9.5%", "9.7%"), encoding="utf-8")
    for delay in (0.6, 2.2):  # while the workers parse; while the outputs are written
        process = start_extract(corpus, "--out", out, "--workers", "2", "--force", slow=0.4)
        time.sleep(delay)
        workers = children(process.pid)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(10)
        kill_all(workers)
        ok, seen = check_generation(out)
        assert ok, f"killed after {delay} s: {seen}"
    result = run(corpus, out, "--workers", "2")
    assert result.exit_code == 0 and check_generation(out)[0]
    assert len(documents(out)) == 4
    assert len(list((out / GENERATIONS).iterdir())) <= 2
    shutil.rmtree(out)
