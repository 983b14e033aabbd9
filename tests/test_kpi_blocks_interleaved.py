"""KPI blocks side by side as a second tool chain prints them (issue 8, dev_alt_all: Darlington's Word tile
papers through LibreOffice HTML and Chromium): the columns' lines interleave, a period line of one column stands
tight above the other's values, and the titles of blocks side by side run together into one line of the text
layer. A lone period line or a line of labelled values is never a measure's name, and a name cut or run into
its neighbour's gives no row: a wrong name is worse than a missing one (read/tables/blocks.py, parsers/generic.py)."""

from __future__ import annotations

from extract.model import Document, Page
from extract.read.tables.blocks import kpi_blocks, labelled_line
from extract.settings import BlockSettings, Settings
from extract_parsers.generic import Generic
from helpers import text_line as line

TITLES = {
    "Percentage of referrals screened and completed within one working day",
    "Percentage of Children in Care reviews completed within timescale",
}


def interleaved() -> Page:
    return Page(1, [
        line(240, (304, "Percentage of Children in Care reviews")),
        line(250, (57, "Percentage of referrals screened and completed"), (304, "completed within timescale")),
        line(262, (57, "within one working day")),
        line(274, (304, "Q2 2022/23")),
        line(284, (57, "Q2 2022/23")),
        line(296, (304, "Latest: 98.9% Previous: 98.8%")),
        line(306, (57, "Latest: 84.4% Target: 90% Previous: 79.6% RED")),
    ], width=595.0, height=842.0)


def test_a_period_line_of_the_column_beside_is_no_name_of_a_blocks_values():
    names = {f.indicator_raw for f, _ in kpi_blocks(interleaved(), BlockSettings())}
    assert names <= TITLES


def test_a_line_of_the_column_beside_between_the_period_line_and_the_title_is_passed_over():
    figures = [f for f, _ in kpi_blocks(interleaved(), BlockSettings())]
    got = {(f.indicator_raw, f.value_kind, f.value_raw, f.period.label) for f in figures}
    left, right = sorted(TITLES, key=len, reverse=True)
    assert got == {
        (left, "actual", "84.4%", "Q2 2022/23"), (left, "target", "90%", "Q2 2022/23"),
        (left, "previous_period", "79.6%", None),
        (right, "actual", "98.9%", "Q2 2022/23"), (right, "previous_period", "98.8%", None),
    }


def test_a_line_of_labelled_values_is_no_sentence_and_names_no_figure():
    assert labelled_line(line(306, (57, "Latest: 84.4% Target: 90% Previous: 79.6% RED")))
    assert labelled_line(line(475, (57, "Latest: 100% Previous: 100%"), (304, "GREEN")))
    assert not labelled_line(line(100, (57, "The latest figure, 84.4%, is below the target of 90%.")))
    assert not labelled_line(line(100, (57, "GREEN")))
    document = Document("x.pdf", "0" * 64, 1, "pdf", [interleaved()])
    names = {f.indicator_raw for f in Generic().parse(document, Settings())}
    assert names <= TITLES


def test_titles_side_by_side_run_into_one_line_give_no_name():
    # the three titles' first lines are one run of words from the left column across the other two
    p = Page(1, [
        line(348, (57, "Statutory Child Protection visits completed within Statutory Child Protection visits "
                       "completed within Statutory Looked After Children visits completed"), char=3.5),
        line(358, (57, "15 working days"), (295, "10 working days"), (533, "within timescale")),
        line(379, (57, "Latest:"), (295, "Latest:"), (533, "Latest:")),
        line(397, (57, "95.7%"), (295, "79.4%"), (533, "82.6%")),
    ], width=842.0, height=595.0)
    assert [f.indicator_raw for f, _ in kpi_blocks(p, BlockSettings())] == []


def test_labels_run_into_one_cell_take_the_figures_run_into_the_cell_under_them_in_order():
    p = Page(1, [
        line(517, (64, "Referrals screened and completed"), (248, "RED")),
        line(528, (64, "within one working day")),
        line(559, (64, "Latest Target")),
        line(578, (64, "79.8% 90%")),
    ], width=595.0, height=842.0)
    name = "Referrals screened and completed within one working day"
    assert {(f.indicator_raw, f.value_kind, f.value_raw) for f, _ in kpi_blocks(p, BlockSettings())} == {
        (name, "actual", "79.8%"), (name, "target", "90%")}


def test_the_same_labels_run_twice_on_a_line_are_blocks_not_told_apart_and_give_no_row():
    # the two titles ran into one line and the second block's column starts under no title of its own
    p = Page(1, [
        line(109, (57, "Referrals screened and completed within one day Re-referrals repeated within 12 months"),
             char=4.0),
        line(151, (57, "Latest: Target:"), (295, "Latest: Target:")),
        line(169, (57, "98.2% 90%"), (295, "17.5% 18%")),
    ], width=842.0, height=595.0)
    assert list(kpi_blocks(p, BlockSettings())) == []
