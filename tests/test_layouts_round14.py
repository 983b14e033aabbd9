"""Round 14 (tests/heldout/README.md): a split year printed with one digit after the slash (`2008/9`); a set's
code with a space before its number leading a name (`NI 73 Achievement ...`) is its code; a group heading in a
header boxed apart from the rows, its cell merged over the year columns in the first row only (`Targets` over
`2008/9 | 2009/10 | 2010/11`); a population that reaches or achieves a level is not counted."""

from __future__ import annotations

from extract.read.periods import parse_period, split_year
from extract.read.tables.ruled import Region, _merged_boundaries
from extract.read.tables.wide import DEFAULT_CODE_RE, split_code
from extract.read.values import infer_unit


def test_a_split_year_with_one_digit_after_the_slash():
    assert split_year("2008/9") == 2009 and split_year("2009/0") == 2010
    assert split_year("2008/7") is None
    period = parse_period("2006/7")
    assert (period.type, period.start.year, period.end.year) == ("financial_year", 2006, 2007)
    assert parse_period("Targets 2008/9").end.year == 2009
    assert parse_period("12/9").type == "unknown" and parse_period("2008/91").type == "unknown"


def test_a_national_code_before_the_name_is_its_code():
    assert split_code("NI 73 Achievement at level 4 or above", DEFAULT_CODE_RE) == (
        "NI 73", "Achievement at level 4 or above")
    assert split_code("BV 43 Percentage of statements", DEFAULT_CODE_RE)[0] == "BV 43"


def test_a_number_that_belongs_to_the_name_stays():
    for name in ("KS 2 Reading results", "EHCP 20 Weeks", "CIN 31 March Snapshot", "NEET 16-17 year olds",
                 "Q1 Figures", "Y 6 Pupils"):
        assert split_code(name, DEFAULT_CODE_RE) == (None, name)


def _region(first_row_gap: bool, rows: int = 2) -> Region:
    horizontals = [float(20 * n) for n in range(rows + 1)]
    top, bottom = horizontals[0], horizontals[-1]
    inner = ((20.0, bottom),) if first_row_gap else ((top, bottom),)
    spans = (((top, bottom),), ((top, bottom),), inner, ((top, bottom),))
    return Region(horizontals, [0.0, 100.0, 150.0, 200.0], 0.0, top, 200.0, bottom, spans)


def test_a_boundary_missing_only_in_the_first_row_is_merged_there():
    region = _region(first_row_gap=True)
    assert _merged_boundaries(region, region.horizontals) == {(0, 2)}
    region = _region(first_row_gap=False)
    assert _merged_boundaries(region, region.horizontals) == set()


def test_a_population_reaching_a_level_is_a_share_not_a_count():
    assert infer_unit("", "Children in care reaching level 4 in English at Key Stage 2") is None
    assert infer_unit("", "Children in care achieving 5 A*-C GCSEs") is None
    assert infer_unit("", "Children in care") == "count"


def test_a_row_of_column_numbers_names_no_column():
    from extract.read.tables.headers import is_column_numbers, merge_header

    numbers = ["(1)", "(2)", "(3)", "(4)"]
    assert is_column_numbers(numbers) and not is_column_numbers(["(1)", "", "(2)"])
    assert not is_column_numbers(["2007", "2008", "2009"])
    assert merge_header([["LPSA No.", "Performance indicator", "2002/03 Actual", "Target 2005"], numbers]) == [
        "LPSA No.", "Performance indicator", "2002/03 Actual", "Target 2005"]


def _two_columns(first: str, second: str) -> list:
    from extract.read.kinds import classify_header
    from extract.read.tables.table_model import Column

    return [Column(0, first, classify_header(first)), Column(1, second, classify_header(second))]


def test_names_under_a_blank_header_beside_a_count_are_a_table():
    from extract.read.tables.grid import _blank_named_figures

    body = [["Children with a child protection plan", "266"], ["Children looked after", "426"]]
    for head in ("Number", "Number of children"):
        columns = _blank_named_figures(_two_columns("", head), body)
        assert columns is not None and [c.role for c in columns] == ["name", "value"]
        assert columns[1].meaning.kind == "actual"


def test_a_two_column_list_with_another_header_is_no_table():
    from extract.read.tables.grid import _blank_named_figures

    body = [["Children's social care scorecard", "2"], ["Education scorecard", "5"]]
    assert _blank_named_figures(_two_columns("", "Page"), body) is None
    assert _blank_named_figures(_two_columns("Measure", "Number"), body) is None
    assert _blank_named_figures(_two_columns("", "Number"), [["A", "Yes"], ["B", "No"]]) is None


def test_a_year_in_brackets_after_a_figure_dates_it_under_an_undated_column():
    from extract.read.kinds import classify_header
    from extract.read.tables.table_model import Column, QualityReport, Table, TableRow
    from extract.read.tables.wide import WideOptions, figures_from_table

    labels = ["Indicator", "Baseline", "Target 2005"]
    columns = [Column(i, label, classify_header(label)) for i, label in enumerate(labels)]
    rows = [TableRow(["Secondary school persistent absence rate", "8.4% (2006/7)", "5%"], ""),
            TableRow(["Young people in 3 sports", "56.3% (May 2002)", "70.3%"], ""),
            TableRow(["Adults qualified to Level 2", "70.8% (for 2006)", "72%"], "")]
    table = Table(columns, rows, None, "", QualityReport())
    baselines = [f for f in figures_from_table(table, WideOptions()) if f.value_kind == "actual"]
    assert [(f.period.label, f.period.end.year if f.period.end else None) for f in baselines] == [
        ("2006/7", 2007), ("May 2002", 2002), (None, None)]


def _scorecard(title: str, labels: list[str]):
    from extract.read.kinds import classify_header
    from extract.read.tables.table_model import Column, QualityReport, Table, TableRow

    columns = [Column(i, label, classify_header(label)) for i, label in enumerate(["Measure", *labels])]
    return Table(columns, [TableRow(["Children in care", *["1"] * len(labels)], "")], title, "", QualityReport())


def test_a_latest_column_takes_the_period_printed_only_in_the_title():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "parsers"))
    from generic import latest_labels, title_period

    assert {"latest", "current"} <= latest_labels()
    period = title_period(_scorecard("Warwickshire County Council – Children in Care Scorecard, February 2022",
                                     ["Previous", "Latest"]))
    assert period is not None and period.label == "February 2022" and period.end.month == 2
    # a baseline (undated, not a latest word) or a title naming no month keeps its columns undated
    assert title_period(_scorecard("Scorecard, February 2022", ["Baseline", "Latest"])) is None
    assert title_period(_scorecard("Children in Care Scorecard", ["Latest"])) is None
    assert title_period(_scorecard("Scorecard 2021/22", ["Latest"])) is None
