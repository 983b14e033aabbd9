"""Output identity across a speed change: write everything `extract` reads and writes for every
PDF we have, then compare a later run with it, value for value.

    python scripts/compare_outputs.py --write DIR   # the reference (run it on the commit before)
    python scripts/compare_outputs.py --check DIR   # the same with the code now: exit 1 on a difference

The PDFs: the real ones in ../shared/pdfs, the committed renderings (tests/renderings), the dev
held-out PDFs (tests/heldout/dev; never the blind split), the PDF cases (tests/cases) and the seeds
rendered as PDF in two styles (what benchmarks/bench_pdf.py reads). Two records are compared:

- load: every page of every PDF as `load_pdf` returns it (each line's top and bottom, each cell's
  text and span, each word's text and box, the page's rules, width and height, the notes, or
  the LoadError), so that a change in the loader is caught where it happens;
- run: `extract CORPUS --out OUT --workers N --force` (N: `--workers`, 1 unless given) over all
  of them, then every column of observations.parquet, documents.parquet and catalogue.parquet
  and the text of unmatched.csv (seconds, the one column that is a measurement, left out).

Floats are compared by repr: identical means identical, not close.
"""

from __future__ import annotations

import argparse
import difflib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))  # pdf_render: the seeds rendered as PDF
_TIMING_COLUMNS = {"seconds"}


def corpus_pdfs(work: Path) -> list[tuple[str, Path]]:
    """(unique name, path) of every PDF compared; seeds are rendered into `work`."""
    from pdf_render import render_text_to_pdf

    found: list[tuple[str, Path]] = []
    shared = ROOT.parent / "shared" / "pdfs"
    found += [(f"shared__{p.name}", p) for p in sorted(shared.glob("*.pdf"))]
    for pattern, prefix in (("tests/renderings/*/*.pdf", "rendering"), ("tests/heldout/dev/*/*.pdf", "dev"),
                            ("tests/cases/*/*.pdf", "case")):  # fmt: skip
        found += [(f"{prefix}__{p.parent.name}__{p.name}", p) for p in sorted(ROOT.glob(pattern))]
    for source in sorted((ROOT / "tests" / "cases").glob("*/input.txt")):
        text = source.read_text(encoding="utf-8")
        for style in ("ruled", "landscape"):
            name = f"seed__{source.parent.name}-{style}.pdf"
            found.append((name, render_text_to_pdf(text, work / name, style)))
    return found


def load_record(path: Path) -> list[str]:
    """What load_pdf makes of one file, one text line per line of the page (exact floats)."""
    from extract.errors import LoadError
    from extract.load.pdf import load_pdf

    try:
        document = load_pdf(path, path.parent)
    except LoadError as exc:
        return [f"LoadError {exc.status}: {exc}"]
    out = [f"document {document.sha256} {document.size} notes={document.notes!r}"]
    for page in document.pages:
        rules = [(r.orientation, r.x0, r.top, r.x1, r.bottom) for r in page.rules]
        out.append(f"page {page.number} {page.width!r} {page.height!r} rules={rules!r}")
        for line in page.lines:
            cells = [(c.text, c.x0, c.x1, [(w.text, w.x0, w.top, w.x1, w.bottom, type(w).__name__) for w in c.words])
                     for c in line.cells]  # fmt: skip
            out.append(f"  line {line.top!r} {line.bottom!r} {cells!r}")
    return out


def run_record(pdfs: list[tuple[str, Path]], work: Path, workers: int = 1) -> dict[str, list[str]]:
    """The written dataset of one run over every PDF: one text line per row, by file."""
    import pyarrow.parquet as pq

    corpus, out = work / "corpus", work / "out"
    corpus.mkdir()
    for name, path in pdfs:
        shutil.copyfile(path, corpus / name)
    command = [sys.executable, "-m", "extract.cli", str(corpus), "--out", str(out)]
    command += ["--workers", str(workers), "--force"]
    done = subprocess.run(command, capture_output=True, text=True)  # exit 1: a document is not ok
    if done.returncode not in (0, 1) or not (out / "observations.parquet").exists():
        raise SystemExit(f"the run failed ({done.returncode}): {done.stderr[-2000:]}")
    record: dict[str, list[str]] = {}
    for name in ("observations", "documents", "catalogue"):
        table = pq.read_table(out / f"{name}.parquet")
        columns = [c for c in table.column_names if c not in _TIMING_COLUMNS]
        rows = table.select(columns).to_pylist()
        record[name] = [repr(columns)] + [repr(list(r.values())) for r in rows]
    record["unmatched.csv"] = (out / "unmatched.csv").read_text(encoding="utf-8").splitlines()
    return record


def build(work: Path, workers: int = 1) -> dict[str, list[str]]:
    pdfs = corpus_pdfs(work)
    record = {f"load {name}": load_record(path) for name, path in pdfs}
    record.update({f"run {k}": v for k, v in run_record(pdfs, work, workers).items()})
    return record


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", type=Path, metavar="DIR", help="write the reference record to DIR")
    mode.add_argument("--check", type=Path, metavar="DIR", help="compare with the reference record in DIR")
    parser.add_argument("--workers", type=int, default=1, help="worker processes of the run (the same output)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        record = build(Path(tmp), args.workers)
    if args.write:
        args.write.mkdir(parents=True, exist_ok=True)
        (args.write / "record.json").write_text(json.dumps(record, indent=0), encoding="utf-8")
        print(f"wrote {len(record)} records ({sum(map(len, record.values()))} lines) to {args.write}")
        return 0
    reference = json.loads((args.check / "record.json").read_text(encoding="utf-8"))
    differ = 0
    for key in sorted(set(reference) | set(record)):
        before, after = reference.get(key), record.get(key)
        if before == after:
            continue
        differ += 1
        print(f"DIFFERS: {key}")
        if before is None or after is None:
            print("  only in the " + ("reference" if after is None else "new run"))
            continue
        diff = list(difflib.unified_diff(before, after, "reference", "now", n=0, lineterm=""))
        print("\n".join(line[:300] for line in diff[:12]))
    print(f"{len(record)} records compared: {'all identical' if not differ else f'{differ} differ'}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
