"""Issue 8, round 11 (held-out dev documents added before these rules): an inspectorate's profile with a year over
`actual` / `per 1,000` / `Quartile` columns (merged in Excel, repeated in each unruled Word header cell with the rate
base on a line of its own), a Scottish appendix with `Achieved in 2009/10`, wrapped `Quarter 1` / `2010/11` headers
and an objective merged across above them, and a key-stats page of months as columns with a year a row under a
chart; each dev document's truth is checked by tests/test_heldout_dev.py."""

from __future__ import annotations

import pytest

from extract.model import Cell, Line, Period, Word
from extract.read.kinds import classify_header
from extract.read.periods import parse_period
from extract.read.tables.cells import join_cell_lines
from extract.read.tables.headers import header_row_count
from extract.read.tables.sections import banner_rows
from extract.read.tables.table_model import title_above, title_of
from extract.read.tables.transposed import month_of, periods_down


def _line(texts: list[str], y: float, xs: list[float] | None = None) -> Line:
    xs = xs or [20.0 + 120 * k for k in range(len(texts))]
    cells = tuple(
        Cell(t, x, x + 5 * len(t), (Word(t, x, y, x + 5 * len(t), y + 8),)) for t, x in zip(texts, xs, strict=False)
    )
    return Line(cells, y, y + 8)


# -- headers ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("label", ["1999-2000 per 1,000", "2023/24 per 10,000", "2000-2001 per 1000"])
def test_a_period_over_a_rate_base_is_that_periods_actual(label):
    meaning = classify_header(label)
    assert (meaning.role, meaning.kind, meaning.period_label) == ("value", "actual", label)


def test_a_rate_base_alone_or_a_position_stays_unread():
    assert classify_header("per 1,000").role == "ignore"
    assert classify_header("1999-2000 Quartile").role == "ignore"


def test_what_was_achieved_in_a_period_is_its_actual():
    meaning = classify_header("Achieved in 2009/10")
    assert (meaning.role, meaning.kind) == ("value", "actual")
    assert classify_header("Target in 2010/11").kind == "target"
    assert classify_header("Target achieved").kind == "target"  # (a yes/no column keeps its first word)


def test_a_labels_number_over_a_year_is_two_words():
    words = [[Word("Quarter", 0, 0, 30, 8), Word("1", 32, 0, 36, 8)], [Word("2010/11", 0, 10, 30, 18)]]
    assert join_cell_lines(words) == "Quarter 1 2010/11"
    # a number the column was too narrow for is still one
    assert join_cell_lines([[Word("506/58", 0, 0, 30, 8)], [Word("6", 0, 10, 5, 18)]]) == "506/586"
    assert join_cell_lines([[Word("91.3", 0, 0, 20, 8)], [Word("%", 0, 10, 5, 18)]]) == "91.3%"


def test_a_rate_base_under_a_header_ending_in_per_is_the_headers():
    rows = [
        ["Key performance indicators", "1998-1999 actual", "1998-1999 per", "Quartile"],
        ["", "", "1,000", ""],
        ["Child protection (CP) referrals (aged 0-15)", "569", "11.8", "1"],
    ]
    assert header_row_count(rows) == 2
    # a figure under a header that does not end in `per` is a row
    assert header_row_count([[*rows[0][:2], "Rate", ""], ["", "", "1,000", ""], rows[2]]) == 1


def test_an_objective_merged_across_is_a_banner_not_a_label():
    objective = "Objective 1 To have successful learners, confident individuals and responsible"
    header = [
        [objective] * 6 + ["citizens.", "", "", ""],
        ["", "Key performance measure", "Achieved in 2009/10", "Target in 2010/11", "Quarter 1 2010/11",
         "Quarter 2 2010/11", "Quarter 3 2010/11", "Are we getting better?", "Commentary", ""],
    ]
    assert banner_rows(header) == 1
    # a group label over a few columns (`2015/16` over `Target` and `Actual`) is the header's
    assert banner_rows([["", "2015/16", "2015/16", "2016/17", "2016/17"], ["", "Target", "Actual", "T", "A"]]) == 0
    # nor is a header of one row a banner
    assert banner_rows([header[1]]) == 0


# -- titles -------------------------------------------------------------------------------------------


def test_a_title_and_its_definition_keeps_the_title():
    title = "Absence Management: Percentage of working days lost for all Finance & Corporate Support staff"
    assert title_of(_line([title + "."], 0)) == title
    # a sentence stays a sentence
    assert title_of(_line(["Absence for November 2011 was 4.7%, an increase from previous months."], 0)) is None


def test_a_charts_axis_between_a_title_and_its_table_is_passed_over():
    lines = [_line(["Percentage of working days lost for all staff"], 0)]
    lines += [_line([tick], 12 + 10 * k) for k, tick in enumerate(["6", "4", "2", "0"])]
    lines.append(_line(["Period", "Apr", "May"], 60))
    assert title_above(lines, len(lines) - 1) == "Percentage of working days lost for all staff"


# -- months as columns, a year a row ------------------------------------------------------------------


def test_one_year_row_under_a_header_of_months_is_a_transposed_table():
    labels = ["Period", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"]
    body = [["2011/12", "4.9%", "4.7%", "5.5%", "6.0%", "5.1%", "5.8%", "5.9%", "6.1%", "", "", "", ""]]
    assert periods_down(body, labels)
    assert not periods_down(body)  # (one row of periods alone is no table)
    assert not periods_down(body, ["Measure", "Apr", "Target", "Actual"])


def test_a_month_column_is_thatmonth_of_the_rows_year():
    year = parse_period("2011/12")
    jan = month_of("Jan", year)
    assert isinstance(jan, Period) and (jan.start.year, jan.start.month) == (2012, 1)
    apr = month_of("Apr", year)
    assert (apr.start.year, apr.start.month) == (2011, 4)
    assert month_of("Target", year) is None


# -- figures beside figures, in comments, and margins ------------------------------------------------------


def test_a_count_with_its_share_in_brackets_gives_both():
    from extract.read.tables.wide import _SHARE, split_note

    figure, note = split_note("5,670 (4.2%)")
    assert (figure, note) == ("5,670", "4.2%") and _SHARE.fullmatch(note)
    assert not _SHARE.fullmatch(split_note("91.7% (11/12 inspections)")[1])  # (a count under a share is its fraction)


@pytest.mark.parametrize(
    ("comment", "found"),
    [
        ("2007/08 91.6% 2008/09 90.1%", [("2007/08", "91.6%"), ("2008/09", "90.1%")]),
        ("3.3% in 2008", [("2008", "3.3%")]),
    ],
)
def test_a_comment_of_nothing_but_dated_figures_gives_them(comment, found):
    from extract.read.tables.wide import _FIGURE_IN_YEAR, _YEAR_FIGURE, _YEAR_FIGURES

    if _YEAR_FIGURES.fullmatch(comment):
        pairs = [(m["year"], m["fig"].strip()) for m in _YEAR_FIGURE.finditer(comment)]
    else:
        m = _FIGURE_IN_YEAR.fullmatch(comment)
        pairs = [(m["year"], m["fig"].strip())]
    assert pairs == found


@pytest.mark.parametrize(
    "comment", ["Over Quarters 1-3 there have been 91.6% positive inspections (11/12)", "Down from 2019/20 45% to 40%"]
)
def test_a_comment_that_says_more_is_left_as_words(comment):
    from extract.read.tables.wide import _FIGURE_IN_YEAR, _YEAR_FIGURES

    assert not _YEAR_FIGURES.fullmatch(comment) and not _FIGURE_IN_YEAR.fullmatch(comment)


def test_a_target_missed_by_more_than_a_margin_is_no_figure():
    from extract.read.narrative.reader import extract_narrative

    text = "Indicators that missed their quarterly target by more than 5% are reported as exceptions."
    assert [f.value_raw for f in extract_narrative(text, strict=True)] == []


def test_a_defined_title_is_a_heading_not_a_sentence():
    from extract.read.narrative.reader import _heading

    title = "Absence Management: Percentage of working days lost for all Finance & Corporate Support staff"
    assert _heading(title + ".") == title
    assert _heading("Absence for November 2011 was 4.7%, an increase from previous months.") is None


@pytest.mark.parametrize(("cell", "value"), [("45%¹", 45.0), ("45%1", 45.0), ("12.3†", 12.3), ("2,345‡", 2345.0)])
def test_a_footnote_mark_after_a_figure_is_not_part_of_it(cell, value):
    from extract.read.values import parse_cell

    assert parse_cell(cell).value == value


# -- section titles inside a table ---------------------------------------------------------------------


def test_a_section_title_under_a_header_naming_values_is_no_header_row():
    rows = [
        ["Performance measure", "Good performance is", "Baseline", "2018/2019 target", "Half year performance"],
        ["1. Your Call – improvements to make Blackburn with Darwen cleaner and greener", "", "", "", ""],
        ["Your Call clean ups delivered", "Higher", "On-going delivery", "90", "56"],
    ]
    assert header_row_count(rows) == 1
    # a name column's label wrapped onto a second header line stays the header's
    assert header_row_count([rows[0], ["measure", "", "", "", ""], rows[2]]) == 2


def test_a_section_title_row_reaches_the_figures_under_it(tmp_path):
    from pathlib import Path

    from extract.run.pipeline import Pipeline

    pdf = Path(__file__).parent / "heldout" / "dev" / "blackburn_half_year_2018_19_outcome_headings" / "document.pdf"
    result = Pipeline().process(pdf, tmp_path)
    sections = {o["indicator_raw"]: o["section"] for o in result.observations}
    assert sections["Your Call clean ups delivered"].startswith("1. Your Call")
    assert sections["Number of RIDDOR reportable incidents"].startswith("3. Resources")


def test_a_title_row_is_one_text_starting_as_a_title_does():
    from extract.read.tables.headers import is_title_row

    merged = "3. Resources – developing the organisation and improving employee well-being"
    assert is_title_row([merged, merged, "", ""], 0)  # (a cell merged over two columns spreads its text)
    assert is_title_row(["Children looked after – numbers and placements", "", ""], 0)
    assert not is_title_row(["the date of request", "", ""], 0)  # a wrapped name's end
    assert not is_title_row(["Volunteers supporting council services", "Higher", "711"], 0)


def test_a_sheets_title_run_over_the_first_columns_is_a_banner():
    title = "Blackburn with Darwen Borough Council – Corporate Plan 2018/2019: Performance Report"
    header = [
        [title] * 4 + [""] * 5,
        ["Performance measure", "Good performance is", "2018/19 target", "Q1", "Q2 (half year)", "Q3", "Q4",
         "Year end 2018/19", "RAG"],
    ]
    assert banner_rows(header) == 1
    # a measure's name over its two year columns (measures as columns) is a group label, not a title
    measure = "Number of children subject to a child protection plan per 10,000 children"
    years = ["", "2016/17", "2017/18", "2016/17", "2017/18"]
    assert banner_rows([["", measure, measure, "Other", "Other"], years]) == 0


def test_a_ruled_table_of_bare_month_columns_is_read():
    from extract.model import Page, Rule
    from extract.read.tables.grid import page_tables
    from extract.read.tables.wide import WideOptions, figures_from_table
    from extract.settings import DEFAULT_SETTINGS

    rows = [
        ["Measure", "Apr", "May", "Jun", "Target"],
        ["Re-referrals within 12 months", "19.1%", "18.4%", "20.2%", "20%"],
        ["Children looked after", "412", "418", "421", ""],
    ]
    xs, top, height = [40.0, 260.0, 320.0, 380.0, 440.0, 500.0], 100.0, 14.0
    rules = [Rule("h", xs[0], top + k * height, xs[-1], top + k * height) for k in range(len(rows) + 1)]
    rules += [Rule("v", x, top, x, top + height * len(rows)) for x in xs]
    lines = [_line(texts, top + k * height + 3, [x + 2 for x in xs]) for k, texts in enumerate(rows)]
    (table,) = page_tables(Page(number=1, lines=lines, rules=rules), DEFAULT_SETTINGS.tables, 2)
    got = {(f.indicator_raw, f.value_raw, f.value_kind) for f in figures_from_table(table, WideOptions(page=1))}
    assert ("Re-referrals within 12 months", "18.4%", "actual") in got
    assert ("Children looked after", "421", "actual") in got
    assert ("Re-referrals within 12 months", "20%", "target") in got


# -- prose beside a ruled table --------------------------------------------------------------------------


def _generic():
    import importlib
    import sys
    from pathlib import Path

    root = str(Path(__file__).resolve().parents[1])
    if root not in sys.path:
        sys.path.insert(0, root)  # (parsers/ is imported by path, as the plugin loader does)
    return importlib.import_module("parsers.generic")


def test_a_box_label_over_its_text_is_a_block_of_its_own():
    _paragraphs = _generic()._paragraphs
    lines = [_line(["Narrative"], 100), _line(["Absence for November 2011 was 4.7%, above the target."], 110)]
    assert _paragraphs(lines) == ["Narrative", "", "Absence for November 2011 was 4.7%, above the target."]
    # a wrapped sentence's lower-case line goes on
    lines = [_line(["Absence"], 100), _line(["for November 2011 was 4.7%."], 110)]
    assert "" not in _paragraphs(lines)


def test_words_right_of_a_ruled_grid_on_its_rows_lines_are_prose():
    from extract.model import Page

    _beside = _generic()._beside

    row = _line(["2011/12", "4.9%", "4.7%", "Absence for November 2011 was 6.07%, well above the"], 100,
                [40.0, 100.0, 140.0, 420.0])
    page = Page(number=1, lines=[row], rules=[])
    beside = _beside(page, [(95.0, 115.0, 300.0)])
    assert beside[0].text == "Absence for November 2011 was 6.07%, well above the"
    assert _beside(page, [(95.0, 115.0, float("inf"))]) == {}  # (an unruled grid's edge is not known)


def test_a_lead_word_of_a_defined_heading_names_the_figure_by_the_heading():
    from extract.read.narrative.reader import extract_narrative

    heading = "Absence Management: Percentage of working days lost for all Finance & Corporate Support staff"
    text = heading + ".\n\nAbsence for November 2011 was 4.7%, above the Council target of 4%."
    assert {f.indicator_raw for f in extract_narrative(text, strict=True)} == {heading}
    # a heading with no lead and definition renames nothing (`EHCPs` under `EHCPs completed within 20 weeks`)
    text = "EHCPs completed within 20 weeks\n\nIn 2022 EHCPs were 45% of requests."
    assert heading not in {f.indicator_raw for f in extract_narrative(text, strict=True)}
