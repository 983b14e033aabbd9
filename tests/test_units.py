"""Small pure functions: periods, values, header kinds, table finding."""

from __future__ import annotations

from datetime import date

import pytest

from extract.errors import LoadError, SettingsError
from extract.load.files import decode_text, text_lines
from extract.read.kinds import classify_header
from extract.read.periods import parse_period, shift_years
from extract.read.tables.find import find_tables
from extract.read.values import is_no_value, parse_cell, parse_fraction
from extract.settings import (
    DEFAULT_SETTINGS,
    MatchSettings,
    NarrativeSettings,
    PdfSettings,
    RunSettings,
    Settings,
    TableSettings,
)


@pytest.mark.parametrize(
    ("label", "kwargs", "ptype", "start", "end"),
    [
        ("Mar-24", {}, "month", date(2024, 3, 1), date(2024, 3, 31)),
        ("Mar-23", {"month_as": "quarter"}, "quarter", date(2023, 1, 1), date(2023, 3, 31)),
        ("Mar-23", {"month_as": "point_in_time"}, "point_in_time", None, date(2023, 3, 31)),
        ("At Sep 23", {}, "point_in_time", None, date(2023, 9, 30)),
        ("Apr-Jun 23", {}, "quarter", date(2023, 4, 1), date(2023, 6, 30)),
        ("Oct 22-Sep 23", {}, "rolling_12_months", date(2022, 10, 1), date(2023, 9, 30)),
        ("2022/23", {}, "financial_year", date(2022, 4, 1), date(2023, 3, 31)),
        ("2022/23", {"year_kind": "academic"}, "academic_year", date(2022, 9, 1), date(2023, 8, 31)),
        ("2023", {}, "calendar_year", date(2023, 1, 1), date(2023, 12, 31)),
        ("Q1 2023/24", {}, "quarter", date(2023, 4, 1), date(2023, 6, 30)),
        ("Q4 2023/24", {}, "quarter", date(2024, 1, 1), date(2024, 3, 31)),
        ("quarter two", {"fy_end_year": 2024}, "quarter", date(2023, 7, 1), date(2023, 9, 30)),
        ("30 September 2023", {}, "point_in_time", None, date(2023, 9, 30)),
        ("as at the end of March 2024", {}, "point_in_time", None, date(2024, 3, 31)),
        ("National 2023/24", {}, "financial_year", date(2023, 4, 1), date(2024, 3, 31)),
    ],
)
def test_periods(label, kwargs, ptype, start, end):
    period = parse_period(label, **kwargs)
    assert (period.type, period.start, period.end) == (ptype, start, end)
    assert period.label == label


def test_unknown_periods_are_not_guessed():
    for label in ("new", "TBC", "", "quarter two"):
        assert parse_period(label).end is None


def test_year_ago_keeps_month_ends():
    assert shift_years(parse_period("At Feb 24"), -1).end == date(2023, 2, 28)
    assert shift_years(parse_period("Apr-Jun 23"), -1).start == date(2022, 4, 1)


@pytest.mark.parametrize(
    ("raw", "value"),
    [("86.5%", 86.5), ("2,720", 2720.0), ("0.49%", 0.49), ("12.82", 12.82), ("5 by 2030", 5.0), ("403,090", 403090.0),
     ("TBC", None), ("N/A", None), ("Tracker", None), ("TBC Jan/Feb", None), ("13.2.25", None)],
)  # fmt: skip
def test_cells(raw, value):
    assert parse_cell(raw).value == value


def test_placeholders():
    placeholders = ("TBC", "N/A", "n/a", "Tracker", "TBC Jan/Feb", "NA", "to follow", "WC 24 Feb", "w/c 3 March")
    assert all(is_no_value(t) for t in placeholders)
    assert not is_no_value("wcb 12")
    assert not any(is_no_value(t) for t in ("86%", "Snapshot", ""))


@pytest.mark.parametrize(
    ("text", "fraction"),
    [("$588/1837 = 0.32$", (588, 1837)), ("(1,119 / 1,374)", (1119, 1374)), ("Final - 15/15", (15, 15)),
     ("$(4220/146874)*10000 = 287$", (4220, 146874)), ("$((554*12)/146874)*10000 = 453$", None),
     ("TBC Jan/Feb", None), ("Annual Indicator", None)],
)  # fmt: skip
def test_fractions(text, fraction):
    assert parse_fraction(text) == fraction


@pytest.mark.parametrize(
    ("label", "role", "kind"),
    [("Target Mar-24", "value", "target"), ("Actual Mar-24", "value", "actual"), ("Mar-23", "value", "actual"),
     ("12 months earlier", "value", "year_ago"), ("Result 12 Months Ago", "value", "year_ago"),
     ("Previous years Actual", "value", "previous_year"), ("Previous Period", "value", "previous_period"),
     ("NE average", "value", "regional"), ("National average", "value", "national"),
     ("Statistical Neighbours 2023/24", "value", "statistical_neighbours"),
     ("Comparator Group", "value", "comparator_group"), ("Intervention", "value", "intervention"),
     ("Tolerance", "value", "tolerance"), ("Performance Indicator", "name", None), ("RAG", "status", None),
     ("Reporting Basis", "basis", None), ("Good Performance High/Low", "polarity", None), ("", "blank", None)],
)  # fmt: skip
def test_header_kinds(label, role, kind):
    meaning = classify_header(label)
    assert (meaning.role, meaning.kind) == (role, kind)


def test_value_shifted_right_by_a_missing_column_lands_under_its_period():
    """The repair is a strategy a parser opts into (one seed's export quirk), off by default."""
    text = (
        "\tBasis\tMar-23\tJun-23\tActual Mar-24\t\tComments\n"
        "Number of Children with an EHCP\tSnapshot\t5,400\t5,576\t\t6,056\t\n"
    )
    (table,) = find_tables(text_lines(text), DEFAULT_SETTINGS, repair_shifts=True)
    actual = next(c for c in table.columns if c.label == "Actual Mar-24")
    assert table.rows[0].cells[actual.index] == "6,056"
    assert table.report.shifted_cells == 1
    (plain,) = find_tables(text_lines(text), DEFAULT_SETTINGS)
    assert plain.rows[0].cells[actual.index] == "" and plain.report.shifted_cells == 0


def test_two_row_header_merges_period_and_kind():
    text = (
        "Ref\tMeasure\tJul-24\tAug-24\t\n"
        "\t\tActual\tActual\tNumber\n"
        "1.7\tRepeat referrals\t18%\t17%\t$127/554 = 0.23$\n"
    )
    (table,) = find_tables(text_lines(text), DEFAULT_SETTINGS)
    labels = [c.label for c in table.columns]
    assert labels[2:4] == ["Jul-24 Actual", "Aug-24 Actual"]
    assert table.columns[4].role == "formula"


def test_binary_and_bad_text_are_unreadable():
    with pytest.raises(LoadError) as err:
        decode_text(b"\x00\x01\x02binary")
    assert err.value.status == "unreadable"
    assert decode_text("£5 café".encode("cp1252")) == "£5 café"


def test_settings_are_validated():
    with pytest.raises(SettingsError):
        Settings(match=MatchSettings(threshold=120))
    with pytest.raises(SettingsError):
        Settings(match=MatchSettings(floor=90, threshold=80))
    with pytest.raises(SettingsError):
        Settings(tables=TableSettings(min_row_cells=0))
    with pytest.raises(SettingsError):
        Settings(narrative=NarrativeSettings(recent_figures=-1))
    with pytest.raises(SettingsError):
        Settings(run=RunSettings(timeout="soon"))
    with pytest.raises(SettingsError):
        Settings(tables=PdfSettings())


def test_the_matchers_penalties_are_settings_and_reach_it():
    from dataclasses import replace

    from extract.mappings import load_mappings
    from extract.settings import ScoreWeights
    from extract.tidy.matching import Matcher

    with pytest.raises(SettingsError):
        ScoreWeights(age=-1)
    mappings = load_mappings()
    strict = Matcher(mappings, replace(ScoreWeights(), vetoed=10.0))
    assert strict.penalties.vetoed == 10.0 and Matcher(mappings).penalties == ScoreWeights()
