"""Recall on the held-out PDFs: how many hand-written truth rows the pipeline finds.

    python benchmarks/bench_heldout.py [--split dev|blind|dev_alt|dev_alt_all] [--any-page] [--missing SLUG]

Each folder under tests/heldout/{dev,blind} holds a document.pdf and a truth.csv written by
hand from that PDF (indicator, value_kind, period_label, value_raw, page). The PDF goes
through `extract.run.pipeline.Pipeline().process`, and a truth row counts as found when one
observation, not already used by another truth row, has

- the same value_kind,
- the same number (value_raw parsed: the first number in it, commas and % dropped),
- the same page, and
- strict: the same indicator name once whitespace and case are ignored;
  loose: the truth name inside indicator_raw or indicator_raw inside the truth name.

Prints, per document, the parser that claimed it, the status, the number of observations
and found/total for both scores, then totals per split. `--missing SLUG` lists the truth
rows of that document not found strictly, with the observations that have the same number
on the same page (what the reader made of them). The blind split is for measuring only:
look at its misses to report them, not to tune parsers on. `--split dev_alt` scores the dev
sources rendered by a second tool chain (scripts/render_heldout_alt.py; not in the default run).
`--split dev_alt_all` scores the other dev Word and Excel sources through that chain, with the dev
truth whose pages were not re-checked: score it with `--any-page` (a truth row's page is ignored).
"""

from __future__ import annotations

import argparse
import csv
import math
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "tests" / "heldout"
SPLITS = ("dev", "blind")
# dev_alt: the same dev sources through a second tool chain; dev_alt_all: the other dev Word and Excel
# sources through it, their truth's pages not re-checked (score with --any-page)
ALL_SPLITS = (*SPLITS, "dev_alt", "dev_alt_all")
NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?|-?\.\d+")


def parse_number(raw: object) -> float | None:
    if raw is None:
        return None
    if isinstance(raw, int | float):
        return None if isinstance(raw, float) and math.isnan(raw) else float(raw)
    match = NUMBER.search(str(raw))
    if not match:
        return None
    try:
        return float(match.group().replace(",", ""))
    except ValueError:
        return None


def squash(name: object) -> str:
    """Whitespace and case ignored: wrapped cells change where the spaces fall."""
    return re.sub(r"\s+", "", str(name or "")).casefold()


def same_number(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


@dataclass
class TruthRow:
    indicator: str
    value_kind: str
    period_label: str
    value_raw: str
    page: int
    number: float | None = field(init=False)

    def __post_init__(self) -> None:
        self.number = parse_number(self.value_raw)


def load_truth(path: Path) -> list[TruthRow]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            TruthRow(r["indicator"], r["value_kind"], r["period_label"], r["value_raw"], int(r["page"]))
            for r in csv.DictReader(handle)
        ]


def observation_number(o: dict) -> float | None:
    value = o.get("value")
    number = parse_number(value) if value is not None else None
    return number if number is not None else parse_number(o.get("value_raw"))


def candidates(truth: TruthRow, observations: list[dict], any_page: bool = False) -> list[int]:
    """Observations with the truth row's kind, number and page (any page if asked), whatever their name."""
    return [
        i
        for i, o in enumerate(observations)
        if o.get("value_kind") == truth.value_kind
        and (any_page or o.get("page") == truth.page)
        and same_number(observation_number(o), truth.number)
    ]


def strict_name(truth: TruthRow, o: dict) -> bool:
    return squash(o.get("indicator_raw")) == squash(truth.indicator)


def loose_name(truth: TruthRow, o: dict) -> bool:
    mine, theirs = squash(truth.indicator), squash(o.get("indicator_raw"))
    return bool(mine and theirs) and (mine in theirs or theirs in mine)


def match(truths: list[TruthRow], observations: list[dict], name_ok, any_page: bool = False) -> list[int | None]:
    """One observation per truth row at most, taken in truth order."""
    used: set[int] = set()
    found: list[int | None] = []
    for truth in truths:
        pick = next(
            (i for i in candidates(truth, observations, any_page) if i not in used and name_ok(truth, observations[i])),
            None,
        )
        if pick is not None:
            used.add(pick)
        found.append(pick)
    return found


@dataclass
class Score:
    split: str
    slug: str
    parser: str
    status: str
    rows: int
    total: int
    strict: int
    loose: int
    truths: list[TruthRow]
    observations: list[dict]
    strict_found: list[int | None]


def score_folder(split: str, folder: Path, pipeline, work: Path, any_page: bool = False) -> Score:
    truths = load_truth(folder / "truth.csv")
    result = pipeline.process(folder / "document.pdf", work)
    observations = list(result.observations)
    strict = match(truths, observations, strict_name, any_page)
    loose = match(truths, observations, loose_name, any_page)
    return Score(
        split=split,
        slug=folder.name,
        parser=str(result.document.get("parser") or "-"),
        status=str(result.document.get("status") or "-"),
        rows=len(observations),
        total=len(truths),
        strict=sum(i is not None for i in strict),
        loose=sum(i is not None for i in loose),
        truths=truths,
        observations=observations,
        strict_found=strict,
    )


def folders(splits: tuple[str, ...]) -> list[tuple[str, Path]]:
    return [
        (split, folder)
        for split in splits
        for folder in sorted((HELDOUT / split).iterdir())
        if (folder / "truth.csv").exists() and (folder / "document.pdf").exists()
    ]


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "   - "


def print_table(scores: list[Score]) -> None:
    header = f"{'split':<7} {'document':<40} {'parser':<28} {'status':<10} {'rows':>5} {'strict':>13} {'loose':>13}"
    print(header)
    print("-" * len(header))
    for s in scores:
        print(
            f"{s.split:<7} {s.slug:<40} {s.parser[:28]:<28} {s.status:<10} {s.rows:>5} "
            f"{s.strict:>3}/{s.total:<3} {pct(s.strict, s.total)} {s.loose:>3}/{s.total:<3} {pct(s.loose, s.total)}"
        )
    print("-" * len(header))
    for split in ALL_SPLITS:
        part = [s for s in scores if s.split == split]
        if not part:
            continue
        total = sum(s.total for s in part)
        strict = sum(s.strict for s in part)
        loose = sum(s.loose for s in part)
        print(
            f"{split:<7} {f'TOTAL ({len(part)} documents)':<40} {'':<28} {'':<10} {sum(s.rows for s in part):>5} "
            f"{strict:>3}/{total:<3} {pct(strict, total)} {loose:>3}/{total:<3} {pct(loose, total)}"
        )


def print_missing(score: Score, any_page: bool = False) -> None:
    print(f"\nmissing in {score.split}/{score.slug} (strict): {score.total - score.strict} of {score.total}")
    for truth, found in zip(score.truths, score.strict_found, strict=True):
        if found is not None:
            continue
        print(
            f"- p{truth.page} {truth.value_kind:<22} {truth.value_raw:<14} {truth.period_label or '-':<24} "
            f"{truth.indicator}"
        )
        near = [
            o
            for o in score.observations
            if (any_page or o.get("page") == truth.page) and same_number(observation_number(o), truth.number)
        ]
        for o in near[:4]:
            print(
                f"      read as: {o.get('value_kind')!s:<22} {o.get('value_raw')!s:<14} "
                f"{o.get('period_label') or '-'!s:<24} {o.get('indicator_raw')}"
            )
        if not near:
            print("      (no observation with this number on this page)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=ALL_SPLITS, help="only this split")
    parser.add_argument(
        "--missing",
        metavar="SLUG",
        action="append",
        default=[],
        help="list the truth rows of this document that were not found (repeatable)",
    )
    parser.add_argument(
        "--any-page",
        action="store_true",
        help="a truth row is found on any page (for truth whose pages were not re-checked: dev_alt_all)",
    )
    args = parser.parse_args(argv)

    from extract.run.pipeline import Pipeline

    pipeline = Pipeline()
    splits = (args.split,) if args.split else SPLITS
    todo = folders(splits)
    unknown = set(args.missing) - {folder.name for _, folder in todo}
    if unknown:
        print(f"no such held-out document: {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as work:
        scores = [score_folder(split, folder, pipeline, Path(work), args.any_page) for split, folder in todo]
    print_table(scores)
    for slug in args.missing:
        for score in scores:
            if score.slug == slug:
                print_missing(score, args.any_page)
    return 0


if __name__ == "__main__":
    sys.exit(main())
