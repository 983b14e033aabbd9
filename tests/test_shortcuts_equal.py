"""Shortcuts a speed change took are held equal to the plain code they stand for, on made-up input
that reaches their edge cases (speed16): side_by_side's per-run test of two cells a side, and
dated_boxes' one-pass test of a date-like line."""

from __future__ import annotations

import random

from extract.model import Cell, Line
from extract.read.gutters import crosses, edges, line_part
from extract.read.tables import dated_boxes, side_by_side

_TEXTS = ["West Sussex", "England", "7,486", "87.3", "12%", "Area", "Count", "Value", "Green", "2019/20",
          "New birth visits within 14 days", "-", "n/a", "South East", "1,210", "0.5"]


def _reference_side_by_side(lines: list[Line]) -> list[list[Line]] | None:
    """side_by_side as it was before the shortcut (every run's sides made and asked)."""
    min_rows = side_by_side._MIN_ROWS
    for edge in edges(lines, min_rows + 1):
        i = 0
        while i < len(lines):
            end = i
            while end < len(lines) and not crosses(lines[end], edge):
                end += 1
            if end - i > 2 * min_rows:
                lefts = [line_part(ln, edge, right=False) for ln in lines[i:end]]
                if side_by_side._is_table(lefts, right=False) and side_by_side._is_table(
                        rights := [line_part(ln, edge, right=True) for ln in lines[i:end]], right=True):
                    return [lines[:i], [ln for ln in lefts if ln is not None],
                            [ln for ln in rights if ln is not None], lines[end:]]  # fmt: skip
            i = max(end, i + 1)
    return None


def _page(rng: random.Random) -> list[Line]:
    lines = []
    columns = sorted(rng.sample(range(20, 800, 10), rng.randint(2, 9)))
    for k in range(rng.randint(3, 30)):
        chosen = sorted(rng.sample(columns, rng.randint(1, len(columns))))
        cells = []
        for n, x in enumerate(chosen):
            x0: float | None = x + rng.choice([0.0, 0.5, -2.5, 3.0])
            width = rng.choice([10.0, 30.0, 60.0, 300.0])
            if rng.random() < 0.02:  # (a NaN only first: `edges` rounds the others' starts, and fails on one)
                x0 = None if n or rng.random() < 0.5 else float("nan")
            cells.append(Cell(rng.choice(_TEXTS), x0, None if x0 is None else (x0 if x0 == x0 else 0.0) + width))
        lines.append(Line(tuple(cells), 100.0 + 12 * k, 110.0 + 12 * k))
    return lines


def test_side_by_side_gives_what_every_run_asked_gives():
    rng = random.Random(16)
    found = 0
    for _ in range(800):
        lines = _page(rng)
        expected = _reference_side_by_side(lines)
        assert side_by_side.side_by_side(lines) == expected
        found += expected is not None
    assert found >= 5  # (the made-up pages do reach tables side by side: 12 of 800)


def test_date_like_is_the_patterns_search():
    rng = random.Random(16)
    alphabet = "abcXYZ 19-/\n.é٣"  # (a digit beyond ASCII, a letter beyond ASCII, a line break)
    texts = ["", "Sep 18", "30 Sep 18", "Q3", "abc", "123", "ab1c", "a\nbc1", "1\nabc", "abc\n1", "٣abc"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(20000)]
    for text in texts:
        assert dated_boxes._date_like(text) == (dated_boxes._DATE_LIKE.search(text) is not None), text


def _gated_patterns() -> list[tuple[str, object]]:
    import importlib
    import pkgutil

    import extract.read
    from extract.read.needs import Gated

    found = []
    for info in pkgutil.walk_packages(extract.read.__path__, "extract.read."):
        module = importlib.import_module(info.name)
        found += [(f"{info.name}.{name}", value) for name, value in vars(module).items() if isinstance(value, Gated)]
    return found


def _texts() -> list[str]:
    from pathlib import Path

    from extract.read.narrative import narrative_blocks, sentences

    out = []
    for source in sorted((Path(__file__).parent / "cases").glob("*/input.txt")):
        text = source.read_text(encoding="utf-8")
        out += text.split("\n")
        for block in narrative_blocks(text):
            out += sentences(block)
    # each in capitals too, and with the letters beyond ASCII that IGNORECASE takes for ASCII ones
    variants = [t.upper() for t in out] + [t.replace("s", "\u017f").replace("i", "\u0131") for t in out]
    return sorted({*out, *variants, "", "respectively", "(A and B, respectively)", "rate per 10,000 was", "x = 5"})


def test_gated_patterns_give_what_their_patterns_give():
    patterns = _gated_patterns()
    assert len(patterns) >= 20
    texts = _texts()
    for name, gate in patterns:
        plain = gate._pattern  # type: ignore[attr-defined]
        for k, text in enumerate(texts):
            assert [m.span() for m in gate.finditer(text)] == [m.span() for m in plain.finditer(text)], (name, text)
            if k % 10:
                continue  # (the other asks pass the same gate: a tenth of the texts for them)
            assert gate.sub("#", text) == plain.sub("#", text), (name, text)
            for ask in ("search", "match", "fullmatch"):
                got, want = getattr(gate, ask)(text), getattr(plain, ask)(text)
                assert (got and got.span()) == (want and want.span()), (name, ask, text)
            assert gate.split(text) == plain.split(text) and gate.findall(text) == plain.findall(text), (name, text)
