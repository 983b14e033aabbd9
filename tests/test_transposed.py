"""Issue 8: transposed tables (held-out dev documents added before these rules: Medway's RAG bands as columns,
Copeland's one KPI with Target / Actual columns, Broxbourne's two measures as columns): one row per period,
one column per measure or per kind; each dev document's truth is checked by tests/test_heldout_dev.py."""

from __future__ import annotations

from extract.read.tables.table_model import QualityReport, Table, TableRow, build_columns, title_above
from extract.read.tables.transposed import is_transposed, periods_down, split_lead_code
from extract.read.tables.wide import WideOptions, figures_from_table
from helpers import text_line as line


def _table(labels: list[str], rows: list[list[str]], title: str | None = None) -> Table:
    body = [TableRow(cells, " ".join(cells)) for cells in rows]
    return Table(build_columns(labels), body, title, " | ".join(labels), QualityReport(rows=len(rows)))


def _read(table: Table) -> list[tuple[str, str, str | None, str]]:
    return [(f.indicator_raw, f.value_kind, f.period.label, f.value_raw)
            for f in figures_from_table(table, WideOptions(page=1))]


def test_measures_as_columns_are_named_by_their_headers():
    table = _table(
        ["Year", "C6 Percentage of council tax collected", "C7 Percentage of business rates collected"],
        [["2013/14", "97.9%", "98.8%"], ["2014/15", "98.0%", "99.2%"]],
        title="Collection statistics",
    )
    assert _read(table) == [
        ("Percentage of council tax collected", "actual", "2013/14", "97.9%"),
        ("Percentage of business rates collected", "actual", "2013/14", "98.8%"),
        ("Percentage of council tax collected", "actual", "2014/15", "98.0%"),
        ("Percentage of business rates collected", "actual", "2014/15", "99.2%"),
    ]
    codes = {f.indicator_code for f in figures_from_table(table, WideOptions(page=1))}
    assert codes == {"C6", "C7"}


def test_kinds_as_columns_are_named_by_the_title():
    table = _table(["Year", "Target", "Actual"], [["2017/18", "98.30%", "94.49%"], ["2018/19", "95.00%", "97.05%"]],
                   title="KPI 1.1 Percentage of Council Tax collected")
    assert _read(table) == [
        ("Percentage of Council Tax collected", "target", "2017/18", "98.30%"),
        ("Percentage of Council Tax collected", "actual", "2017/18", "94.49%"),
        ("Percentage of Council Tax collected", "target", "2018/19", "95.00%"),
        ("Percentage of Council Tax collected", "actual", "2018/19", "97.05%"),
    ]


def test_kinds_as_columns_without_a_title_give_nothing():
    table = _table(["Quarter", "Target", "Actual"], [["Q1 2023/24", "80%", "78%"], ["Q2 2023/24", "80%", "81%"]])
    assert is_transposed(table)
    assert _read(table) == []


def test_months_as_rows_read_each_month():
    table = _table(["Month", "Target", "Actual"], [["Apr-24", "90%", "88%"], ["May-24", "90%", "91%"]],
                   title="Calls answered within 60 seconds")
    periods = {(p, k) for _, k, p, _ in _read(table)}
    assert periods == {("Apr-24", "target"), ("Apr-24", "actual"), ("May-24", "target"), ("May-24", "actual")}


def test_rag_band_counts_are_named_by_their_band():
    table = _table(
        ["Quarter", "Green: achieved target", "Amber: within acceptable variance", "Red: outside acceptable variance"],
        [["Quarter 3 2010/11", "36", "4", "11"], ["Quarter 1 2011/12", "32", "4", "11"]],
        title="Key measures rated each quarter",
    )
    read = _read(table)
    assert ("Green: achieved target", "actual", "Quarter 3 2010/11", "36") in read
    assert ("Red: outside acceptable variance", "actual", "Quarter 1 2011/12", "11") in read
    assert len(read) == 6


def test_rag_band_thresholds_are_left_out():
    # band boundaries have no value kind in SCHEMA.md: only the measured figure is read
    table = _table(
        ["Quarter", "Rate of repeat referrals", "Red", "Amber", "Green"],
        [["Q1 2023/24", "21%", ">25%", "20-25%", "<20%"], ["Q2 2023/24", "19%", ">25%", "20% to 25%", "<20%"]],
    )
    assert _read(table) == [
        ("Rate of repeat referrals", "actual", "Q1 2023/24", "21%"),
        ("Rate of repeat referrals", "actual", "Q2 2023/24", "19%"),
    ]


def test_a_table_of_named_rows_is_not_transposed():
    table = _table(["Indicator", "2022/23", "2023/24"], [["Re-referrals within 12 months", "21%", "19%"],
                                                       ["Children in care per 10,000", "70", "72"]])
    assert not is_transposed(table)
    names = {name for name, *_ in _read(table)}
    assert names == {"Re-referrals within 12 months", "Children in care per 10,000"}


def test_one_row_that_is_no_period_keeps_the_table_as_it_was():
    rows = [["2022/23", "21%", "19%"], ["Average of the two years", "20%", "20%"]]
    assert not periods_down(rows)
    assert not is_transposed(_table(["Year", "Measure one", "Measure two"], rows))


def test_periods_down_needs_two_rows_with_figures():
    assert periods_down([["Q1 2023/24", "5"], ["Q2 2023/24", "6"]])
    assert not periods_down([["Q1 2023/24", "5"]])
    assert not periods_down([["Q1 2023/24", "n/a"], ["Q2 2023/24", "6"]])


def test_split_lead_code():
    assert split_lead_code("KPI 1.1 Percentage of Council Tax collected") == (
        "KPI 1.1", "Percentage of Council Tax collected")
    assert split_lead_code("NI 181 Time taken") == ("NI 181", "Time taken")
    assert split_lead_code("Percentage collected") == (None, "Percentage collected")


def test_a_sentence_wrapped_above_a_table_is_not_its_title():
    lines = [
        line(100, (50, "KPI 1.1 Percentage of Council Tax collected")),
        line(120, (50, "Comment: collection fell in one year after a cyber-attack and")),
        line(129, (50, "recovered in the years after.")),
        line(150, (50, "Year"), (150, "Target"), (250, "Actual")),
    ]
    assert title_above(lines, 3) == "KPI 1.1 Percentage of Council Tax collected"


def test_a_title_line_apart_from_the_sentence_below_it_stays_a_title():
    lines = [
        line(100, (50, "Heading of the section")),
        line(120, (50, "Table of collection rates")),
        line(150, (50, "A sentence on its own line.")),
        line(170, (50, "Year"), (150, "Target"), (250, "Actual")),
    ]
    assert title_above(lines, 3) == "Table of collection rates"


def test_a_series_of_statistics_per_area_is_no_transposed_kpi_table():
    # a public-health series (../shared/pdfs wsx-h4f: years down, per area a count, denominator, rate and
    # confidence limits across): its columns are no measures of their own, so nothing is read as one
    labels = ["Year", "Count", "Denominator", "Arun Rate", "LCI", "UCI", "West Sussex Rate", "West Sussex LCI"]
    rows = [["1998", "96", "2,081", "46.1", "56.3", "37.4", "37.0", "40.5"],
            ["1999", "75", "2,033", "36.9", "46.2", "29.0", "31.3", "34.5"]]  # fmt: skip
    assert not is_transposed(_table(labels, rows, title="Crude rate of conceptions to women aged under 18"))
    assert is_transposed(_table(["Year", "Count", "Rate"], rows, title="Conceptions"))  # no limits: a KPI table
