"""Round 15 (tests/heldout/README.md): a council's own abbreviation over a year (`B&NES 2023-24`) heads the
council's actuals (mappings/council_short_names.csv); a heading set larger than the sentence under it is no first
line of that sentence, so it names the small table under the sentence."""

from __future__ import annotations

from extract.mappings import mappings_dir, read_csv
from extract.model import Cell, Line, Word
from extract.read.kinds import classify_header, council_named
from extract.read.tables.table_model import title_above


def test_a_councils_own_abbreviation_heads_its_actuals():
    assert council_named("B&NES 2023-24") == "b&nes"
    meaning = classify_header("B&NES 2022-23")
    assert (meaning.role, meaning.kind) == ("value", "actual")
    assert council_named("BANESE 2023") is None


def test_every_short_name_says_where_it_was_seen():
    rows = read_csv(mappings_dir() / "council_short_names.csv", ("short_name", "council", "note"))
    councils = {r["council"] for r in read_csv(mappings_dir() / "councils.csv", ("council", "short_name"))}
    assert rows and all(r["note"].strip() and r["council"] in councils for r in rows)


def _line(text: str, top: float, size: float, right: float) -> Line:
    words = tuple(Word(w, 10.0 + 30 * n, top, 35.0 + 30 * n, top + size) for n, w in enumerate(text.split()))
    return Line((Cell(text, 10.0, right, words),), top, top + size)


def test_a_larger_heading_over_a_sentence_names_the_table_under_it():
    lines = [
        _line("Education digest", 40.0, 16.7, 200.0),
        _line("Key stage 2: pupils reaching the expected standard", 90.0, 12.3, 520.0),
        _line("Key stage 2: results have not returned to their level.", 105.0, 11.2, 500.0),
        _line("Area 2022-23 2023-24", 130.0, 11.2, 300.0),
    ]
    assert title_above(lines, 3) == "Key stage 2: pupils reaching the expected standard"
    # the same heading in the sentence's own type is read as the sentence's first line, as before
    lines[1] = _line("Key stage 2: pupils reaching the expected standard", 93.0, 11.2, 520.0)
    assert title_above(lines, 3) == "Education digest"
