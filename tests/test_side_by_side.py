"""Prose set in columns side by side, age bands over columns, and figures of two cohorts sharing one
verb, as a pupil survey prints them (../shared/pdfs wsx-shec-send-survey-2025: a sentence left, a
question caption right, and `8-10 | 11-12 | 13-14 | 15+` age columns)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.model import Cell, Line
from extract.read.narrative import extract_narrative
from extract.read.narrative.columns import prose_columns
from extract.read.tables.table_model import build_columns

SHEC = Path(__file__).resolve().parents[2] / "shared" / "pdfs" / "wsx-shec-send-survey-2025.pdf"


def _line(top: float, *cells: tuple[str, float]) -> Line:
    return Line(tuple(Cell(text, x0, x0 + 4.2 * len(text)) for text, x0 in cells), top, top + 9)  # (9 pt type)


def test_prose_side_by_side_is_read_column_by_column():
    lines = [
        _line(329.4, ("91% of boys and 89% of girls said they feel safe out", 58),
              ("Q22. Percentage answering that they feel safe out near", 316)),
        _line(340.3, ("near their home in the day.", 58), ("their home in the day.", 316)),
        _line(367.9, ("8-10", 352), ("11-12", 397), ("13-14", 442), ("15+", 487)),
        _line(381.7, ("Boys", 313), ("86", 347), ("89", 392), ("96", 437), ("90", 482)),
    ]
    texts = [ln.text for ln in prose_columns(lines)]
    assert texts == [
        "91% of boys and 89% of girls said they feel safe out", "near their home in the day.",
        "Q22. Percentage answering that they feel safe out near", "their home in the day.",
        "8-10 11-12 13-14 15+", "Boys 86 89 96 90",
    ]  # fmt: skip


def test_a_two_column_page_is_read_column_by_column_where_its_lines_do_not_line_up():
    # ../shared/pdfs wsx-needs-assessment-vulnerable-lac-2008 p.8: a justified right column, some of its lines
    # between the left column's, one split into runs by its word spacing
    lines = [
        _line(92.6, ("People's Plan). This is a 1.7% increase since 2002.", 57),
              ("A large proportion of West Sussex looked after", 316)),
        _line(104.6, ("According to the definition of vulnerable children as", 57),
              ("children are placed with foster carers (72% in", 316)),
        _line(116.6, ("disadvantaged children who would benefit from", 57),
              ("2007/08), with the majority placed inside the local", 316)),
        _line(128.6, ("extra help from public agencies in order to make", 57), ("authority (63%).", 316),
              ("Around one in ten looked after", 397)),
        _line(277.1, ("Between 2000 and 2007 there has been a 10% rise", 316)),
        _line(285.1, ("Those under 18 years who are considered by", 74)),
        _line(289.1, ("in the proportion of looked after children taking", 316)),
    ]  # fmt: skip
    texts = [ln.text for ln in prose_columns(lines)]
    assert texts[:5] == [
        "People's Plan). This is a 1.7% increase since 2002.", "According to the definition of vulnerable children as",
        "disadvantaged children who would benefit from", "extra help from public agencies in order to make",
        "Those under 18 years who are considered by",
    ]  # fmt: skip
    assert texts[5:] == [
        "A large proportion of West Sussex looked after", "children are placed with foster carers (72% in",
        "2007/08), with the majority placed inside the local", "authority (63%). Around one in ten looked after",
        "Between 2000 and 2007 there has been a 10% rise", "in the proportion of looked after children taking",
    ]  # fmt: skip


def test_lines_whose_second_runs_do_not_line_up_are_left_as_printed():
    lines = [
        _line(10, ("Number of children in care fell this", 58), ("See the appendix for how it is", 316)),
        _line(20, ("quarter to 312 from 330 last quarter.", 58), ("Source: the council's returns", 400)),
    ]
    assert prose_columns(lines) == lines  # a second run 84 points apart: not one column
    rows = [_line(10, ("Boys", 58), ("86", 316)), _line(20, ("Girls", 58), ("80", 316))]
    assert prose_columns(rows) == rows  # labels and figures: a table's rows, not prose


def test_two_cohorts_sharing_one_verb_are_named_each_by_its_cohort():
    figures = extract_narrative("71% of girls and 62% of boys achieved a good level of development.", strict=True)
    assert [(f.indicator_raw, f.value_raw) for f in figures] == [
        ("girls achieved a good level of development", "71%"),
        ("boys achieved a good level of development", "62%"),
    ]
    figures = extract_narrative("50% of boys and 57% of girls said they feel safe out near their home when it's dark.",
                                strict=True)  # fmt: skip
    assert [(f.indicator_raw, f.value_raw) for f in figures] == [
        ("boys said they feel safe out near their home when it's dark", "50%"),
        ("girls said they feel safe out near their home when it's dark", "57%"),
    ]


def test_age_bands_over_columns_are_no_periods():
    columns = build_columns(["", "8-10", "11-12", "West Sussex 13-14", "15+"])
    assert not [c for c in columns if c.role == "value"]  # `11-12` among `8-10` and `15+` is an age, not 2011-12
    years = build_columns(["Indicator", "21-22", "22-23", "Target"])
    assert [c.label for c in years if c.role == "value"] == ["21-22", "22-23", "Target"]  # years stay years


@pytest.mark.skipif(not SHEC.exists(), reason="needs ../shared/pdfs, the project's reference PDFs (present in CI)")
def test_the_pupil_survey_reads_each_sentence_whole_and_no_age_as_a_year():
    from extract.load import load_document
    from extract.plugins.parser import discover
    from extract.settings import DEFAULT_SETTINGS

    document = load_document(SHEC, SHEC.parent)
    generic = next(p for p in discover() if p.name == "generic")
    figures = list(generic.parse(document, DEFAULT_SETTINGS))
    on_17 = {(f.indicator_raw, f.value_raw) for f in figures if f.page == 17}
    assert ("boys said they feel safe out near their home in the day", "91%") in on_17
    assert ("girls said they feel safe out near their home when it's dark", "57%") in on_17
    assert not [f for f in figures if f.period is not None and f.period.label in ("11-12", "West Sussex 13-14")]
