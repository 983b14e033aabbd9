"""Render every seed text (tests/cases/*/input.txt) as PDFs in the test rendering styles.

    python scripts/render_seed_pdfs.py OUT_DIR [--style S ...]

writes OUT_DIR/<case>/<style>.pdf for every case and every style (or only the styles given).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from pdf_render import STYLES, render_text_to_pdf  # noqa: E402


def seed_inputs() -> list[Path]:
    return sorted((ROOT / "tests" / "cases").glob("*/input.txt"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path, metavar="OUT_DIR")
    parser.add_argument("--style", action="append", choices=sorted(STYLES), help="render only this style (repeatable)")
    args = parser.parse_args(argv)
    styles = args.style or list(STYLES)
    start = time.perf_counter()
    count = 0
    for source in seed_inputs():
        text = source.read_text(encoding="utf-8")
        for style in styles:
            out = render_text_to_pdf(text, args.out_dir / source.parent.name / f"{style}.pdf", style)
            print(out)
            count += 1
    print(f"{count} PDFs in {time.perf_counter() - start:.2f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
