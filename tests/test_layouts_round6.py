"""Issue 8, round 6 (held-out dev documents added before these rules): KPI reports with latest / target /
floor / previous figures in layouts no rule was written for: a table with a period column per row and a
tall wrapped row, Word KPIs as small two-row tables between paragraphs, an Excel sheet under grouped
`Performance` / `Thresholds` headers, slides with a big figure and comparison boxes beside it, names in a
narrow column beside a code column; each dev document's hand-written truth is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.model import Line, Page
from extract.read.kinds import classify_header
from extract.read.tables.blocks import kpi_blocks
from extract.read.tables.cells import Grid
from extract.read.tables.headers import merge_header
from extract.read.tables.ruled import split_at_headers
from extract.settings import BlockSettings
from helpers import text_line as line

HERE = Path(__file__).parent
DEV = HERE / "heldout" / "dev"

# (every truth row of the round-6 dev documents, and the misses still known: tests/test_heldout_dev.py)


# -- headers ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Previous (Sep 2018)", "previous_period"),
        ("Previous\n(Q4 15/16)", "previous_period"),
        ("Previous: Q4", "previous_period"),
        ("Previous", "previous_period"),
        ("Previous year", "previous_year"),
        ("Tolerance", "tolerance"),
        ("Floor", "intervention"),
    ],
)
def test_round6_header_words(label, kind):
    meaning = classify_header(label)
    assert (meaning.role, meaning.kind) == ("value", kind)


def test_a_name_that_starts_with_previous_is_no_header():
    assert classify_header("Previous referral within 12 months").role == "ignore"


def test_a_group_saying_only_performance_yields_to_the_column_s_own_kind():
    labels = merge_header(
        [
            ["", "Performance", "", "Thresholds", ""],
            ["Indicator", "Previous (Q4 15/16)", "Latest (Q1 16/17)", "Target", "Floor"],
        ]
    )
    kinds = [classify_header(label).kind for label in labels[1:]]
    assert kinds == ["previous_period", "actual", "target", "intervention"]


def test_a_group_that_says_the_kind_still_heads_a_dated_column():
    labels = merge_header([["", "Target", "Target"], ["Indicator", "Mar-24", "Mar-25"]])
    assert labels[1:] == ["Target Mar-24", "Target Mar-25"]
    assert classify_header(labels[1]).kind == "target"


def _grid(rows: list[list[str]]) -> Grid:
    return Grid(
        "ruled", [(float(k), k + 0.9) for k in range(len(rows[0]))], rows, [" ".join(r) for r in rows], 0, 0.0, 100.0
    )


def test_a_row_whose_name_holds_a_kind_word_and_has_a_figure_does_not_start_a_table():
    # `as a result of` reads as a header word and the period cell as a dated column: the figure says data
    rows = [
        ["Ref", "Indicator", "Period", "Latest", "Target"],
        ["CL04", "16-18 year olds NEET or not known", "Q3 2019/20", "3.5%", "3.5%"],
        ["CL05", "Children who ceased to be looked after as a result of permanency", "Q3 2019/20", "12.4%", ""],
        ["CL06", "Children leaving care for adoption", "Q3 2019/20", "7.6%", "8%"],
    ]
    assert len(split_at_headers(_grid(rows), 2)) == 1


def test_a_second_header_under_a_table_still_starts_a_table():
    rows = [
        ["Ref", "Indicator", "Latest", "Target"],
        ["A1", "Children in care", "146", "120"],
        ["Ref", "Indicator", "Latest", "Previous"],
        ["B1", "Children on a plan", "105", "171"],
    ]
    assert len(split_at_headers(_grid(rows), 2)) == 2


# -- KPI blocks ---------------------------------------------------------------------------------------



def read(*lines: Line) -> set[tuple[str, str, str]]:
    p = Page(1, list(lines), width=595.0, height=842.0)
    return {(f.indicator_raw, f.value_kind, f.value_raw) for f, _ in kpi_blocks(p, BlockSettings())}


def test_a_comment_between_a_name_and_its_values_is_no_part_of_the_name():
    got = read(
        line(100, (40, "Number of children subject to a child protection plan")),
        line(111, (40, "Fewer children are now subject to a plan; some moved into care so that they")),
        line(122, (40, "could be protected.")),
        line(136, (50, "Latest (Mar 2018)"), (160, "Previous (Mar 2017)")),
        line(147, (60, "105"), (180, "171")),
    )
    name = "Number of children subject to a child protection plan"
    assert got == {(name, "actual", "105"), (name, "previous_period", "171")}


def test_a_name_ending_in_a_short_sentence_keeps_it():
    got = read(
        line(100, (40, "Care leavers in suitable accommodation")),
        line(111, (40, "Aged nineteen plus.")),
        line(125, (40, "Latest: 91%"), (160, "Target: 90%")),
    )
    assert {name for name, _, _ in got} == {"Care leavers in suitable accommodation Aged nineteen plus."}


def test_a_name_over_values_centred_in_their_box_names_them():
    got = read(
        line(100, (51, "Placement stability")),
        line(115, (88, "Latest")),
        line(126, (88, "56%")),
    )
    assert got == {("Placement stability", "actual", "56%")}


def test_a_headline_figure_left_of_its_comparisons_takes_the_title_above_it():
    got = read(
        line(40, (40, "Key Performance Indicators on target"), height=20),
        line(150, (40, "44%"), (437, "Same time last year"), height=50),
        line(171, (437, "52%"), height=18),
    )
    name = "Key Performance Indicators on target"
    assert got == {(name, "actual", "44%"), (name, "year_ago", "52%")}


def test_labelled_values_with_text_left_of_them_take_no_headline():
    # the text left of the labels is a sentence, not a bare figure: nothing to name the values by
    got = read(
        line(40, (40, "Key Performance Indicators on target"), height=20),
        line(150, (40, "Fewer than last year"), (437, "Same time last year"), height=12),
        line(171, (437, "52%"), height=12),
    )
    assert not any(value == "44%" for _, _, value in got)
    assert ("Key Performance Indicators on target", "actual", "52%") not in got


def test_a_box_beside_a_text_takes_the_heading_tight_above_it():
    got = read(
        line(159, (57, "Key indicators achieving target"), height=14),
        line(181, (413, "Last year"), height=10),
        line(186, (57, "57% of the key indicators achieved their target in 2008-09."), height=12),
        line(191, (413, "32%"), height=15),
    )
    assert ("Key indicators achieving target", "previous_year", "32%") in got


def test_a_box_under_a_sentence_takes_no_title_from_it():
    got = read(
        line(159, (57, "The figures include the changes reported to Cabinet."), height=14),
        line(181, (413, "Last year"), height=10),
        line(191, (413, "32%"), height=15),
    )
    assert not got
