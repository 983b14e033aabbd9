"""Issue 8, round 5 (held-out dev documents added before these rules): Excel workbooks as people print
them (one page scaled down with a chart sheet, hidden and too-narrow columns, a title only in the page
header), Welsh measure tables in Word (abbreviations defined in a footnote, bilingual headers) and an
HTML definition list; each dev document's hand-written truth is read in full."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from extract.load.pdf import load_pdf
from extract.model import Cell, Line, Page, Word
from extract.read.kinds import classify_header
from extract.read.tables.cells import is_value_like
from extract.read.tables.groups import header_rows
from extract.read.tables.ruled import _run_middles
from extract.read.tables.wide import DEFAULT_CODE_RE, split_code, trim_name

HERE = Path(__file__).parent
DEV = HERE / "heldout" / "dev"
sys.path.insert(0, str(HERE.parent / "parsers"))
from generic import abbreviations_defined, axis_ticks, names_from_page_before  # noqa: E402  (parsers/ is no package)

# (every truth row of the round-5 dev documents: tests/test_heldout_dev.py)


# -- an indicator with one figure under the header is a row, not a header row -----------------------


def test_a_row_with_one_figure_ends_the_header():
    rows = [
        ["Ref", "Indicator", "Polarity", "2019/20 outturn", "2020/21 outturn", "Target 2020/21"],
        ["CYP01", "Initial conferences held within 15 working days", "High", "", "94.4%", ""],
        ["CYP02", "Children in Care with an allocated social worker", "High", "", "100.0%", ""],
        ["CYP06", "Statutory visits completed within timescale", "High", "89.0%", "93.1%", "90%"],
    ]
    assert header_rows(rows) == 1


def test_a_group_row_over_the_header_is_still_header():
    rows = [
        ["", "", "Outturn", "", ""],
        ["Ref", "Indicator", "2008/09", "2009/10", "Direction of travel"],
        ["NI 59", "Initial assessments within 7 working days", "37.4%", "75.9%", "Improved"],
    ]
    assert header_rows(rows) == 2


def test_the_one_page_scorecard_keeps_its_single_figure_rows_named():
    page = load_pdf(DEV / "darlington_year_end_2020_21_one_page" / "document.pdf", DEV).pages[0]
    from extract.read.tables.find import tables_by_page
    from extract.settings import DEFAULT_SETTINGS

    (table,) = [t for _, t in tables_by_page([page], DEFAULT_SETTINGS, ())]
    labels = [c.label for c in table.value_columns]
    assert "2020/21 outturn" in labels and not any("94.4%" in label for label in labels)


# -- abbreviations a document defines -----------------------------------------------------------------


def test_abbreviations_defined_in_a_footnote_are_found():
    text = (
        "(ii) ALP – Acceptable Level of Performance. (iii) TTAF – Target to Aim For. "
        "SN - Statistical Neighbours; RAG: see the key below"
    )
    assert abbreviations_defined(text) == {
        "ALP": "Acceptable Level of Performance",
        "TTAF": "Target to Aim For",
        "SN": "Statistical Neighbours",
    }


def test_words_that_do_not_spell_the_letters_define_nothing():
    # `see below` does not spell RAG; `children in need` does spell CIN
    assert abbreviations_defined("RAG – see below. CIN: children in need") == {"CIN": "children in need"}


def test_an_expanded_header_reads_as_the_words_it_stands_for():
    assert classify_header("Target to Aim For 2013/14").kind == "target"
    assert classify_header("Acceptable Level of Performance Target 2012/13").kind == "intervention"


# -- header words of the round-5 layouts -------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "role", "kind"),
    [
        ("Annual Perf. 2012/13 (i)", "value", "actual"),
        ("Quarter 1 Performance against target", "value", "actual"),
        ("Swansea's position in Wales 2011/12", "ignore", None),
        ("Position at 31 March", "value", "actual"),
        ("PI & Desired Direction of Travel", "name", None),
        ("Measure or actions to achieve objective", "name", None),
        ("Direction of Travel (qtr 2 v qtr 1)", "status", None),
        ("Minimum standard", "value", "intervention"),
        # scorecard abbreviations: `Perf.` is performance, but `Good perf is` heads the polarity
        ("Good perf is", "polarity", None),
        ("Good is", "polarity", None),
        ("Stat Neigh", "value", "statistical_neighbours"),
        ("Best Stat Neigh", "ignore", None),
        ("Prev Yr", "value", "previous_year"),
        ("Tgt", "value", "target"),
    ],
)
def test_round5_header_words(label, role, kind):
    meaning = classify_header(label)
    assert (meaning.role, meaning.kind) == (role, kind)


# -- what a name cell prints besides the name -------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "code", "name"),
    [
        (
            "CRE4 The percentage of priority graffiti jobs completed within 7 days ↑",
            "CRE4",
            "The percentage of priority graffiti jobs completed within 7 days",
        ),
        ("KS2 attainment in reading", None, "KS2 attainment in reading"),
        ("SCC/002 % of children looked after", "SCC/002", "% of children looked after"),
        (
            "Composite measure of 5 households in poverty indicators 1. Households receiving out of work benefits,",
            None,
            "Composite measure of 5 households in poverty indicators",
        ),
    ],
)
def test_a_name_cell_keeps_its_code_arrow_and_list_apart(raw, code, name):
    found, rest = split_code(raw, DEFAULT_CODE_RE)
    assert (found, trim_name(rest)) == (code, name)


# -- a chart's axis is no sentence ---------------------------------------------------------------------------


def _lines(texts: list[str]) -> Page:
    return Page(number=1, lines=[Line((Cell(t),)) for t in texts])


def test_evenly_stepped_lone_figures_are_an_axis():
    page = _lines(
        ["2020/21 outturn by indicator", "120.0%", "100.0%", "80.0%", "Legend", "60.0%", "40.0%", "20.0%", "0.0%"]
    )
    assert axis_ticks(page) == {1, 2, 3, 5, 6, 7, 8}


def test_lone_figures_that_do_not_step_evenly_are_kept():
    assert axis_ticks(_lines(["Latest", "94.4%", "Target", "90%", "Previous", "89%", "England", "81%"])) == set()


# -- spreadsheets printed with borders round the header only, or none at all ------------------------------


def test_a_figure_with_its_period_in_brackets_is_a_value():
    assert is_value_like("55.7 (for 2009)") and is_value_like("31.9% (to May 07)")
    assert not is_value_like("Priority Outcome (economy)")


def test_a_printed_line_is_not_split_between_rows_by_its_glyphs():
    # `Key` and `performance` reach lower than `indicator` (descenders): one run, one middle
    words = [
        Word("Key", 137, 113.8, 152, 122.6),
        Word("performance", 155, 113.8, 210, 122.6),
        Word("indicator", 213, 113.6, 251, 120.9),
    ]
    middles = _run_middles(words)
    assert len({middles[id(w)] for w in words}) == 1


def test_a_header_with_borders_reads_the_unruled_rows_under_it():
    page = load_pdf(DEV / "hertfordshire_cypp_review_2006_07_grouped" / "document.pdf", DEV).pages[0]
    from extract.read.tables.grid import page_grids
    from extract.settings import DEFAULT_SETTINGS

    (grid,) = page_grids(page, DEFAULT_SETTINGS.tables, 2)
    assert ["BEING HEALTHY", "", "", "", "", "", ""] in grid.rows  # a section title: a row of its own
    assert any(row[0] == "1.2" and row[3:6] == ["0%", "60%", "55%"] for row in grid.rows)


def test_section_titles_between_a_header_and_its_rows_are_no_row_s_name():
    page = load_pdf(DEV / "cumbria_council_plan_indicators_2010" / "document.pdf", DEV).pages[0]
    from extract.read.tables.grid import page_grids
    from extract.settings import DEFAULT_SETTINGS

    (grid,) = page_grids(page, DEFAULT_SETTINGS.tables, 2)
    assert grid.rows[0][:3] == ["Theme and Outcome", "PI", "Description"]
    assert grid.rows[1][2] == "New business registrations per 10,000 adult population"


# -- Welsh and bilingual labels ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "role", "kind"),
    [
        ("Ch4 / Q4", "value", "actual"),
        ("Dangosydd / Indicator", "name", None),
        ("Cod / Code", "code", None),
        ("CAG / RAG", "status", None),
        ("Targed", "value", "target"),
        ("Canlyniad Ch3", "value", "actual"),
        ("Cyfartaledd Cymru", "value", "regional"),
        ("Perfformiad yn erbyn y targed", "value", "actual"),
        ("Tuedd / Trend", "ignore", None),
        ("High/Low", "polarity", None),  # no spaced slash: no translation
    ],
)
def test_welsh_and_bilingual_labels(label, role, kind):
    meaning = classify_header(label)
    assert (meaning.role, meaning.kind) == (role, kind)


def test_a_welsh_quarter_is_a_quarter():
    from extract.read.periods import parse_period

    welsh, english = parse_period("Ch3 2017/18"), parse_period("Q3 2017/18")
    assert (welsh.type, welsh.start, welsh.end) == (english.type, english.start, english.end) == (
        "quarter",
        english.start,
        english.end,
    ) and english.start is not None
    assert classify_header("Ch4").period_label == "Ch4"
    assert classify_header("reach 3").role == "ignore"


def test_a_name_wrapped_over_its_values_is_no_section_title():
    from extract.read.tables.sections import starts_outside_names

    columns = [(40.0, 200.0), (210.0, 250.0), (260.0, 300.0)]
    wrapped = Line((Cell("% in care aged 16, now aged 19-21 yrs in suitable", 40.0, 190.0),))
    section = Line((Cell("Wealthier Theme", 10.0, 80.0),))
    assert not starts_outside_names(wrapped, columns, {0})
    assert starts_outside_names(section, columns, {0})


def test_a_header_boxed_apart_from_its_boxed_rows_heads_them():
    page = load_pdf(DEV / "cumbria_council_plan_indicators_2010_boxed" / "document.pdf", DEV).pages[0]
    from extract.read.tables.grid import page_grids
    from extract.settings import DEFAULT_SETTINGS

    (grid,) = page_grids(page, DEFAULT_SETTINGS.tables, 2)
    assert grid.method == "ruled"
    assert grid.rows[0] == ["PI", "Description", "Baseline Performance", "2010/11", "2011/12", "2012/13"]
    assert grid.rows[1][0] == "Wealthier Theme"  # a section title between them: a row of its own
    assert grid.rows[3][:2] == ["NI 171 (LAA)", "New business registrations per 10,000 adult population"]


def _boxed(rows: list[list[str]], top: float, xs: list[float], height: float = 14.0):
    """Rules and lines of a boxed grid: one row of cells per `rows` item, column edges at `xs`."""
    from extract.model import Rule

    bottom = top + height * len(rows)
    rules = [Rule("h", xs[0], top + k * height, xs[-1], top + k * height) for k in range(len(rows) + 1)]
    rules += [Rule("v", x, top, x, bottom) for x in xs]
    lines = []
    for k, texts in enumerate(rows):
        y = top + k * height + 3
        cells = tuple(
            Cell(t, xs[c] + 2, xs[c] + 2 + 5 * len(t), (Word(t, xs[c] + 2, y, xs[c] + 2 + 5 * len(t), y + 8),))
            for c, t in enumerate(texts)
            if t
        )
        lines.append(Line(cells, y, y + 8))
    return rules, lines


def test_a_boxed_key_over_a_table_with_its_own_header_stays_apart():
    from extract.read.tables.grid import page_grids
    from extract.settings import DEFAULT_SETTINGS

    xs = [40.0, 240.0, 300.0, 360.0]
    key_rules, key_lines = _boxed([["Green: on target", "Red: off target", "Blue: best"]], 100.0, xs)
    table = [
        ["Indicator", "2019/20", "2020/21"],
        ["Re-referrals within 12 months", "18%", "17%"],
        ["Assessments within 45 days", "90%", "93%"],
    ]
    rules, lines = _boxed(table, 130.0, xs)
    page = Page(number=1, lines=key_lines + lines, rules=key_rules + rules)
    grids = page_grids(page, DEFAULT_SETTINGS.tables, 2)
    assert not any(g.rows[0][0].startswith("Green") and "Indicator" in " ".join(g.rows[1]) for g in grids)
    assert any(g.rows[0] == ["Indicator", "2019/20", "2020/21"] for g in grids)


# -- what spreadsheets print in a figure's cell -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "figure", "mark"),
    [("12.3 ▲", "12.3", "▲"), ("93%↑", "93%", "↑"), ("↓ 67.2%", "67.2%", "↓"), ("60.9% RED", "60.9%", "RED")],
)
def test_an_arrow_typed_after_a_figure_is_its_mark(raw, figure, mark):
    from extract.read.tables.wide import split_mark

    assert split_mark(raw) == (figure, mark)


@pytest.mark.parametrize("raw", ["#N/A", "#DIV/0!", "#VALUE!", "#REF!"])
def test_a_spreadsheet_error_value_is_no_figure(raw):
    from extract.read.values import is_no_value

    assert is_no_value(raw) and is_value_like(raw)


# -- a sheet wider than the page: names on one page, the same rows' figures on the next --------------------------


def _row_line(texts: list[str], top: float) -> Line:
    return Line(tuple(Cell(t, 40.0 + 120 * k, 150.0 + 120 * k) for k, t in enumerate(texts)), top, top + 9)


def _figures_table(rows: list[list[str]]):
    from extract.read.tables.table_model import Column, Table, TableRow

    columns = [Column(k, label, classify_header(label)) for k, label in enumerate(["Baseline", "Target 06/07"])]
    return Table(columns, [TableRow(r, " ".join(r)) for r in rows], None, "", None)


def test_names_printed_on_the_page_before_at_the_same_heights_name_the_rows():
    before = Page(
        1,
        [
            _row_line(["BH2", "Percentage of schools with Healthy School Status"], 159.0),
            _row_line(["BH3", "Percentage of pupils travelling sustainably"], 189.0),
        ],
    )
    page = Page(2, [_row_line(["0%", "60%"], 158.6), _row_line(["56.5%", "58%"], 188.8)])
    table = names_from_page_before(_figures_table([["0%", "60%"], ["56.5%", "58%"]]), page, before)
    assert [r.cells[-1] for r in table.rows] == [
        "Percentage of schools with Healthy School Status",
        "Percentage of pupils travelling sustainably",
    ]


def test_rows_at_other_heights_than_the_page_before_get_no_names():
    before = Page(1, [_row_line(["A title over something else entirely"], 100.0)])
    page = Page(2, [_row_line(["0%", "60%"], 158.6), _row_line(["56.5%", "58%"], 188.8)])
    table = names_from_page_before(_figures_table([["0%", "60%"], ["56.5%", "58%"]]), page, before)
    assert not any(c.role == "name" for c in table.columns)
