"""PDF speed and memory: `extract` end to end against a naive pdfplumber loop and pypdfium2's
bare text extraction, in one run.

    python benchmarks/bench_pdf.py [PDF_DIR ...]

By default it reads the real PDFs in ../shared/pdfs (beside the repository), the committed
renderings of the seeds (tests/renderings/*/*.pdf) and the seeds rendered as PDF in two
styles. Each measurement runs in a fresh child process, one process = one worker, so that its
peak memory (max RSS) and CPU time are its own:

- extract: `Pipeline.process` on every file (load, detect, parse, tidy and match: what one
  worker of a run does), after the pipeline and its matcher are built (start-up is printed
  apart, since a worker pays it once, not per document);
- naive loop: pdfplumber's extract_tables + extract_text on every page;
- text floor: pypdfium2 opening each page and reading its text, nothing else: no reader can
  be faster than this with pdfium.

The machine is shared: wall-clock pages/s moves with the load average (printed beside each
figure), pages per CPU-second much less. Compare ratios within one run, not across runs.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "scripts"))  # pdf_render: the reportlab renderer of the seed PDFs


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class _Clock:
    """Wall and CPU seconds of one measurement in this process."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def result(self, pages: int, **extra) -> dict:
        return {
            "seconds": time.perf_counter() - self.wall,
            "cpu": time.process_time() - self.cpu,
            "pages": pages,
            "peak_mb": _peak_mb(),
            **extra,
        }


def run_extract(paths: list[str], queue) -> None:
    from extract.run.pipeline import Pipeline

    started = time.perf_counter()
    pipeline = Pipeline()
    pipeline.matcher  # noqa: B018 - built once per worker: start-up, not per-document work
    pipeline.parsers, pipeline.councils  # noqa: B018 - as a run's pool loads them before its workers fork
    try:  # as a run's workers start: the long-lived state left out of garbage collection
        from extract.run.workers import settle_heap
    except ImportError:  # code from before settle_heap (a comparison with an older checkout)
        settle_heap = None
    if settle_heap is not None:
        settle_heap()
    startup = time.perf_counter() - started
    clock, pages, rows, statuses = _Clock(), 0, 0, {}
    for path in map(Path, paths):
        result = pipeline.process(path, path.parent)
        pages += result.document["pages"] or 0
        rows += len(result.observations)
        statuses[result.document["status"]] = statuses.get(result.document["status"], 0) + 1
    queue.put(clock.result(pages, rows=rows, statuses=statuses, startup=startup))


def run_naive(paths: list[str], queue) -> None:
    import pdfplumber

    clock, pages = _Clock(), 0
    for path in paths:
        try:
            pdf = pdfplumber.open(path)
        except Exception:  # a file that is no PDF counts no pages, as in extract
            continue
        with pdf:
            for page in pdf.pages:
                page.extract_tables()
                page.extract_text()
                pages += 1
    queue.put(clock.result(pages))


def run_floor(paths: list[str], queue) -> None:
    import pypdfium2 as pdfium

    clock, pages = _Clock(), 0
    for path in paths:
        try:
            pdf = pdfium.PdfDocument(path)
        except pdfium.PdfiumError:
            continue
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
            pages += 1
        pdf.close()
    queue.put(clock.result(pages))


def measure(target, paths: list[Path]) -> dict:
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    child = ctx.Process(target=target, args=([str(p) for p in paths], queue))
    load_before = os.getloadavg()[0]
    child.start()
    result = queue.get()
    child.join()
    result["load"] = (load_before, os.getloadavg()[0])
    return result


def default_pdfs(work: Path) -> list[Path]:
    from pdf_render import render_text_to_pdf

    shared = ROOT.parent / "shared" / "pdfs"
    real = sorted(p for p in shared.glob("*.pdf") if p.read_bytes()[:4] == b"%PDF") if shared.exists() else []
    renderings = sorted((ROOT / "tests" / "renderings").glob("*/*.pdf"))
    seeds = []
    for source in sorted((ROOT / "tests" / "cases").glob("*/input.txt")):
        case, text = source.parent, source.read_text(encoding="utf-8")
        for style in ("ruled", "landscape"):
            seeds.append(render_text_to_pdf(text, work / f"{case.name}-{style}.pdf", style))
    return real + renderings + seeds


def _line(label: str, r: dict, note: str = "") -> str:
    rate, per_cpu = r["pages"] / r["seconds"], r["pages"] / max(r["cpu"], 1e-9)
    return (
        f"{label:<13} {r['pages']} pages in {r['seconds']:.1f} s = {rate:.1f} pages/s "
        f"({per_cpu:.1f} per CPU-second), peak {r['peak_mb']:.0f} MB, "
        f"load {r['load'][0]:.2f}→{r['load'][1]:.2f}{note}"
    )


def main(argv: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pdfs = [p for d in argv for p in sorted(Path(d).glob("*.pdf"))] if argv else default_pdfs(Path(tmp))
        print(f"{len(pdfs)} PDFs, one worker each; {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")
        ours = measure(run_extract, pdfs)
        floor = measure(run_floor, pdfs)
        naive = measure(run_naive, pdfs)
        print(
            _line("extract:", ours, f"; {ours['rows']} rows, statuses {ours['statuses']}, "
                  f"start-up {ours['startup']:.1f} s apart")
        )  # fmt: skip
        print(_line("naive loop:", naive, " (pdfplumber extract_tables + extract_text on every page)"))
        print(_line("text floor:", floor, " (pypdfium2: open each page, read its text)"))
        for unit, key in (("wall", "seconds"), ("CPU", "cpu")):
            ours_rate = ours["pages"] / ours[key]
            print(
                f"ratio ({unit}):  {ours_rate / (naive['pages'] / naive[key]):.1f}x the naive loop, "
                f"{(floor['pages'] / floor[key]) / ours_rate:.1f}x slower than the text floor"
            )
        longest = max(pdfs, key=lambda p: p.stat().st_size)
        alone = measure(run_extract, [longest])
        print(
            f"longest file: {longest.name}: {alone['pages']} pages, {alone['seconds']:.1f} s, "
            f"peak {alone['peak_mb']:.0f} MB with extract"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
