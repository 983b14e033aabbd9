"""Spot values found in each PDF rendering of the seeds: council exports against reportlab's.

    python benchmarks/bench_renderings.py [--missing]

Scores every committed council-style rendering (tests/renderings/<case>/<rendering>.pdf: Word,
Excel and HTML saved as PDF, the other tool chains of scripts/render_other_toolchains.py and the third of
scripts/render_third_toolchains.py)
and the seeds rendered in every reportlab style of tests/pdf_render.py (prefixed ``rl-``,
rendered to a temporary folder), plus the seed text itself for reference. Prints one row per
case and one column per rendering: the percentage of the case's hand-written truth
(tests/cases/<case>/truth.csv) found. A cell marked ``!`` was not claimed by the case's own
parser (or its status was not ok); the claims are listed below the table. ``--missing`` also
prints the spot rows each rendering missed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "scripts"))  # pdf_render: the reportlab renderer of the seed PDFs

from render_other_toolchains import RENDERINGS as OTHER_TOOLCHAINS  # noqa: E402
from render_third_toolchains import RENDERINGS as THIRD_TOOLCHAINS  # noqa: E402

from extract.run.pipeline import Pipeline  # noqa: E402
from pdf_render import STYLES, render_text_to_pdf  # noqa: E402
from spot_scores import CASES, process, renderings, score_result, seed_of_cases  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--missing", action="store_true", help="print the spot rows each rendering missed")
    args = parser.parse_args(argv)
    pipeline = Pipeline()
    started = time.perf_counter()
    scores: dict[tuple[str, str], float] = {}
    claims: dict[tuple[str, str], str] = {}
    missing = {}
    with tempfile.TemporaryDirectory() as tmp:
        sources: list[tuple[str, str, Path]] = []
        for case in seed_of_cases():
            sources.append((case, "text", CASES / case / "input.txt"))
        sources += [(pdf.parent.name, pdf.stem, pdf) for pdf in renderings()]
        for case in seed_of_cases():
            text = (CASES / case / "input.txt").read_text(encoding="utf-8")
            for style in STYLES:
                pdf = render_text_to_pdf(text, Path(tmp) / case / f"rl-{style}.pdf", style)
                sources.append((case, f"rl-{style}", pdf))
        for case, rendering, path in sources:
            result = process(path, pipeline)
            share, miss = score_result(result, case)
            scores[case, rendering] = share
            missing[case, rendering] = miss
            doc = result.document
            claims[case, rendering] = doc["parser"] if doc["status"] == "ok" else f"{doc['status']}: {doc['error']}"

    cases = sorted({c for c, _ in scores})
    columns = list(dict.fromkeys(r for _, r in scores))
    width = max(len(c) for c in cases)
    cell = {r: max(6, len(r)) for r in columns}
    print(f"{'case':<{width}}  " + "  ".join(f"{r:>{cell[r]}}" for r in columns) + f"  {'mean':>6}")
    for case in cases:
        cells = []
        for r in columns:
            if (case, r) not in scores:
                cells.append(f"{'-':>{cell[r]}}")
                continue
            mark = "" if claims[case, r] == case else "!"
            cells.append(f"{100 * scores[case, r]:>{cell[r] - 1}.1f}{mark or ' '}")
        own = [scores[case, r] for r in columns if (case, r) in scores]
        print(f"{case:<{width}}  " + "  ".join(cells) + f"  {100 * sum(own) / len(own):>6.1f}")
    means = []
    for r in columns:
        own = [scores[c, r] for c in cases if (c, r) in scores]
        means.append(sum(own) / len(own))
    print(
        f"{'mean':<{width}}  " + "  ".join(f"{100 * m:>{cell[r] - 1}.1f} " for r, m in zip(columns, means, strict=True))
    )
    pdf_scores = [s for (_, r), s in scores.items() if r != "text"]
    groups = {
        "council renderings": [s for (_, r), s in scores.items()
                               if r != "text" and not r.startswith("rl-") and r not in OTHER_TOOLCHAINS
                               and r not in THIRD_TOOLCHAINS],
        "other tool chains": [s for (_, r), s in scores.items() if r in OTHER_TOOLCHAINS],
        "third tool chains": [s for (_, r), s in scores.items() if r in THIRD_TOOLCHAINS],
        "reportlab styles": [s for (_, r), s in scores.items() if r.startswith("rl-")],
    }  # fmt: skip
    means = ", ".join(f"{name} {100 * sum(g) / len(g):.1f}%" for name, g in groups.items() if g)
    print(f"\noverall mean over PDFs: {100 * sum(pdf_scores) / len(pdf_scores):.1f}%  ({means})")
    other = [s for (_, r), s in scores.items() if r in OTHER_TOOLCHAINS]
    if other:
        at_goal = sum(s >= 0.97 for s in other)
        print(f"other tool chains: lowest {100 * min(other):.1f}%, {at_goal} of {len(other)} at the 97 % goal")
    third = [s for (_, r), s in scores.items() if r in THIRD_TOOLCHAINS]
    if third:
        print(f"third tool chains: lowest {100 * min(third):.1f}%, {sum(s >= 0.95 for s in third)} of {len(third)}"
              " at issue 8's 95 %")  # fmt: skip
    claimed = sum(claims[k] == k[0] for k in claims)
    print(f"claimed by the case's own parser: {claimed} of {len(claims)}")
    for (case, r), parser_name in sorted(claims.items()):
        if parser_name != case:
            print(f"  ! {case}/{r}: {parser_name}")
    if args.missing:
        for (case, r), miss in sorted(missing.items()):
            if len(miss):
                print(f"\n{case}/{r}: {len(miss)} missing")
                print(miss[["indicator_text", "value_kind", "period_end", "value", "source"]].to_string(index=False))
    print(f"\n{len(scores)} documents in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
