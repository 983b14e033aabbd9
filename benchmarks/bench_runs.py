"""Whole runs: cold against warm (the cache under OUT), and one worker against two.

    python benchmarks/bench_runs.py [CORPUS]

By default the corpus is the shipped text seeds, the seeds rendered as PDF in every test
style, and the real PDFs in ../shared/pdfs. Prints the cold and warm times and their ratio,
and the speed-up from 1 to 2 workers. Times are wall-clock: compare ratios within one run.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from extract.pipeline import Pipeline  # noqa: E402


def build_corpus(work: Path) -> Path:
    from pdf_render import STYLES, render_text_to_pdf

    corpus = work / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    for source in sorted((ROOT / "tests" / "cases").glob("*/input.txt")):
        for style in STYLES:
            render_text_to_pdf(
                source.read_text(encoding="utf-8"), corpus / "pdf" / f"{source.parent.name}-{style}.pdf", style
            )
    shared = ROOT.parent / "shared" / "pdfs"
    for pdf in sorted(shared.glob("*.pdf")) if shared.exists() else []:
        shutil.copy(pdf, corpus / "pdf" / pdf.name)
    return corpus


def timed(pipeline: Pipeline, corpus: Path, out: Path, **options) -> tuple[float, object]:
    """One run; a cold run gets a fresh Pipeline so no run inherits another's warm caches."""
    started = time.perf_counter()
    summary = pipeline.run(corpus, out, **options)
    return time.perf_counter() - started, summary


def main(argv: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = Path(argv[0]) if argv else build_corpus(work)
        files = sum(1 for p in corpus.rglob("*") if p.is_file())
        timed(Pipeline(), corpus, work / "warm-up", workers=1)  # imports and the OS's file cache
        two, _ = timed(Pipeline(), corpus, work / "two", workers=2)
        one, summary = timed(Pipeline(), corpus, work / "one", workers=1)
        warm, warm_summary = timed(Pipeline(), corpus, work / "two", workers=2)
        pages = sum(d["pages"] or 0 for d in summary.documents)
        print(f"corpus: {files} files, {pages} PDF pages, {len(summary.observations)} rows")
        print(f"cold, 1 worker:  {one:.2f} s")
        print(f"cold, 2 workers: {two:.2f} s  (speed-up {one / two:.2f}x)")
        print(f"warm, unchanged: {warm:.2f} s  (parsed {warm_summary.parsed} documents)")
        print(f"cold/warm: {one / warm:.1f}x against 1 worker, {two / warm:.1f}x against 2 workers")


if __name__ == "__main__":
    main(sys.argv[1:])
