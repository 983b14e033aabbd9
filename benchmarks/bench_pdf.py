"""PDF speed and memory: `extract`'s reader against a naive pdfplumber loop, in one run.

    python benchmarks/bench_pdf.py [PDF_DIR ...]

By default it reads the real PDFs in ../shared/pdfs (beside the repository) and the five
seeds rendered as PDF in two styles. Each measurement runs in a fresh child process, so
that its peak memory (max RSS) is its own. Prints pages per second for both, their ratio,
and peak memory, including `extract` alone on the longest PDF. Compare the ratio, not the
absolute figures: the machine is shared and noisy.
"""

from __future__ import annotations

import multiprocessing as mp
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


def run_extract(paths: list[str], queue) -> None:
    from extract.run.pipeline import Pipeline

    pipeline = Pipeline()
    started, pages, rows, statuses = time.perf_counter(), 0, 0, {}
    for path in map(Path, paths):
        result = pipeline.process(path, path.parent)
        pages += result.document["pages"] or 0
        rows += len(result.observations)
        statuses[result.document["status"]] = statuses.get(result.document["status"], 0) + 1
    queue.put(
        {
            "seconds": time.perf_counter() - started,
            "pages": pages,
            "rows": rows,
            "peak_mb": _peak_mb(),
            "statuses": statuses,
        }
    )


def run_naive(paths: list[str], queue) -> None:
    import pdfplumber

    started, pages = time.perf_counter(), 0
    for path in paths:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_tables()
                page.extract_text()
                pages += 1
    queue.put({"seconds": time.perf_counter() - started, "pages": pages, "peak_mb": _peak_mb()})


def measure(target, paths: list[Path]) -> dict:
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    child = ctx.Process(target=target, args=([str(p) for p in paths], queue))
    child.start()
    result = queue.get()
    child.join()
    return result


def default_pdfs(work: Path) -> list[Path]:
    from pdf_render import render_text_to_pdf

    shared = ROOT.parent / "shared" / "pdfs"
    real = sorted(p for p in shared.glob("*.pdf") if p.read_bytes()[:4] == b"%PDF") if shared.exists() else []
    seeds = []
    for source in sorted((ROOT / "tests" / "cases").glob("*/input.txt")):
        case, text = source.parent, source.read_text(encoding="utf-8")
        for style in ("ruled", "landscape"):
            seeds.append(render_text_to_pdf(text, work / f"{case.name}-{style}.pdf", style))
    return real + seeds


def main(argv: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pdfs = [p for d in argv for p in sorted(Path(d).glob("*.pdf"))] if argv else default_pdfs(Path(tmp))
        print(f"{len(pdfs)} PDFs")
        ours = measure(run_extract, pdfs)
        naive = measure(run_naive, pdfs)
        ours_rate = ours["pages"] / ours["seconds"]
        naive_rate = naive["pages"] / naive["seconds"]
        print(
            f"extract:      {ours['pages']} pages in {ours['seconds']:.1f} s = {ours_rate:.1f} pages/s, "
            f"peak {ours['peak_mb']:.0f} MB, {ours['rows']} rows, statuses {ours['statuses']}"
        )
        print(
            f"naive loop:   {naive['pages']} pages in {naive['seconds']:.1f} s = {naive_rate:.1f} pages/s, "
            f"peak {naive['peak_mb']:.0f} MB (pdfplumber extract_tables + extract_text on every page)"
        )
        print(f"ratio:        {ours_rate / naive_rate:.1f}x the naive loop's pages per second")
        longest = max(pdfs, key=lambda p: p.stat().st_size)
        alone = measure(run_extract, [longest])
        print(
            f"longest file: {longest.name}: {alone['pages']} pages, {alone['seconds']:.1f} s, "
            f"peak {alone['peak_mb']:.0f} MB with extract"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
