"""Where a page's CPU goes: `Pipeline.process` over the bench_pdf files, by stage, with no profiler.

    python benchmarks/bench_stages.py

The files are bench_pdf.py's (the real PDFs in ../shared/pdfs, the committed renderings, the
seeds rendered as PDF). The pipeline is built first (start-up apart, as a worker pays it once);
then a few functions are wrapped to add up the CPU seconds spent inside them (the outermost
call only; a generator's steps are summed) while every file is processed once. Stages inside
another are indented under it; what no stage names (detection, the parsers' own work,
carried titles) is the rest. A profiler (cProfile) inflates Python's share and a sampling one
needs a package the project does not use: wrapped functions cost almost nothing.
"""

from __future__ import annotations

import collections
import inspect
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "scripts"))

SPENT: collections.Counter[str] = collections.Counter()


def _timed(function, key: str):
    """`function` adding the CPU seconds of its outermost calls to SPENT[key]."""
    if inspect.isgeneratorfunction(function):

        def steps(*args, **kwargs):
            inner = function(*args, **kwargs)
            while True:
                started = time.process_time()
                try:
                    item = next(inner)
                except StopIteration:
                    return
                finally:
                    SPENT[key] += time.process_time() - started
                yield item

        return steps
    depth = [0]

    def timed(*args, **kwargs):
        depth[0] += 1
        started = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            depth[0] -= 1
            if not depth[0]:
                SPENT[key] += time.process_time() - started

    return timed


def _wrap(owner, name: str, key: str) -> None:
    """Wrap owner.name and every module's binding of the same function (`from x import name`)."""
    function = getattr(owner, name)
    wrapped = _timed(function, key)
    setattr(owner, name, wrapped)
    for module in list(sys.modules.values()):
        if getattr(module, name, None) is function:
            setattr(module, name, wrapped)


STAGES = (  # (module, function, label): the label's indent puts it inside the stage above
    ("extract.run.pipeline", "load_document", "load (pypdfium2 to lines of cells)"),
    ("pypdfium2", "PdfDocument.__getitem__", "  pdfium: load the page"),
    ("pypdfium2", "PdfPage.get_textpage", "  pdfium: its text page"),
    ("extract.load.pdf", "page_words", "  words"),
    ("extract.load.pdf", "_glyph_arrays", "    glyph text and boxes (one pdfium call per glyph)"),
    ("extract.load.pdf", "paths_to_rules", "  rules (pdfium path objects)"),
    ("extract.load.pdf", "words_to_page_lines", "  lines and cells"),
    ("extract.read.tables.grid", "_page_grids", "table grids (for detection's cell text; parsers reuse them)"),
    ("extract.read.narrative.reader", "extract_narrative", "narrative reader"),
    ("extract.read.tables.find", "tables_by_page", "tables from the grids"),
    ("extract.read.tables.blocks", "kpi_blocks", "KPI blocks"),
    ("extract.run.pipeline", "Pipeline.finish", "finish (match, flags)"),
)


def main() -> None:
    import importlib

    import bench_pdf

    from extract.run.pipeline import Pipeline
    from extract.run.workers import settle_heap

    with tempfile.TemporaryDirectory() as tmp:
        pdfs = bench_pdf.default_pdfs(Path(tmp))
        pipeline = Pipeline()
        pipeline.matcher, pipeline.parsers, pipeline.councils  # noqa: B018 - start-up apart
        for module, name, label in STAGES:
            owner = importlib.import_module(module)
            *path, attribute = name.split(".")
            for part in path:
                owner = getattr(owner, part)
            _wrap(owner, attribute, label)
        settle_heap()
        load, started, pages = os.getloadavg()[0], time.process_time(), 0
        for path in pdfs:
            pages += pipeline.process(path, path.parent).document["pages"] or 0
        total = time.process_time() - started
    print(f"{len(pdfs)} PDFs, {pages} pages, {total:.2f} CPU s = {pages / total:.1f} pages per CPU-second; "
          f"load average {load:.2f}→{os.getloadavg()[0]:.2f}")  # fmt: skip
    top = sum(v for k, v in SPENT.items() if not k.startswith(" "))
    for label, seconds in [(label, SPENT[label]) for _, _, label in STAGES] + [("the rest", total - top)]:
        print(f"  {seconds:6.2f} s {100 * seconds / total:5.1f} % {1000 * seconds / pages:5.2f} ms/page  {label}")


if __name__ == "__main__":
    main()
