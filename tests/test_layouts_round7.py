"""Issue 8, round 7 (held-out dev documents added before these rules): floors and thresholds in layouts no
rule was written for: target and baseline written together in one cell, numbered Word sections whose
heading names the one figure of the sentence under it, a place's average beside the national one, and a
box's label line beside a sentence; each dev document's truth is checked by tests/test_heldout_dev.py."""

from __future__ import annotations

import pytest

from extract.model import Page
from extract.read.kinds import classify_header
from extract.read.narrative import extract_narrative
from extract.read.tables.blocks import kpi_blocks
from extract.read.tables.wide import labelled_pairs
from extract.settings import BlockSettings
from extract_parsers.generic import _paragraphs
from helpers import text_line as line

# -- headers ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Kent average", "comparator_group"),
        ("County average", "comparator_group"),
        ("National average", "national"),
        ("Welsh average", "regional"),
        ("Family average", "statistical_neighbours"),
    ],
)
def test_a_place_before_average_is_its_group_s_figure(label, kind):
    meaning = classify_header(label)
    assert (meaning.role, meaning.kind) == ("value", kind)


@pytest.mark.parametrize("label", ["Monthly average", "Rolling average", "Year average", "Target average"])
def test_an_average_over_time_is_no_comparator(label):
    assert classify_header(label).kind != "comparator_group"


# -- labelled values in one cell --------------------------------------------------------------------------


def test_a_cell_of_labelled_values_gives_each_figure_its_label_s_kind():
    assert labelled_pairs("Target 55% / Baseline 50%") == [("target", "55%"), ("actual", "50%")]
    assert labelled_pairs("Target 85% | Floor 80%") == [("target", "85%"), ("intervention", "80%")]


def test_an_unset_label_in_the_cell_is_dropped():
    assert labelled_pairs("Target 100% / Baseline n/a") == [("target", "100%")]


@pytest.mark.parametrize("text", ["55%", "Target 55%", "Target 55% achieved", "Target 55% by March / 60%"])
def test_a_cell_that_is_not_only_labelled_values_is_left_to_its_column(text):
    assert labelled_pairs(text) is None


# -- headings over sentences ---------------------------------------------------------------------------


def names(text: str) -> set[tuple[str, str]]:
    return {(f.indicator_raw or "", f.value_raw) for f in extract_narrative(text, strict=True)}


def test_a_heading_names_the_one_figure_of_the_sentence_about_it():
    got = names(
        "2.4 Children's services indicators achieving their quarter target\n\n"
        "In quarter 3, 50% of the children's services indicators achieved their quarter target."
    )
    assert got == {("Children's services indicators achieving their quarter target", "50%")}


def test_a_heading_over_two_figures_names_neither():
    got = names(
        "Children's services indicators achieving their quarter target\n\n"
        "In quarter 3, 50% of the children's services indicators achieved their quarter target, against 61% "
        "in quarter 2."
    )
    assert all(name != "Children's services indicators achieving their quarter target" for name, _ in got)


def test_a_heading_the_sentence_does_not_repeat_names_nothing():
    got = names("Early help and prevention services\n\nIn quarter 3, 50% of referrals were seen within a week.")
    assert all(name != "Early help and prevention services" for name, _ in got)


def test_a_heading_of_two_measures_names_nothing():
    got = names(
        "Indicators achieving target and improving\n\n"
        "In quarter 3, 50% of the indicators achieved their target and improved."
    )
    assert all("and improving" not in name for name, _ in got)


# -- paragraphs of the generic parser's prose -------------------------------------------------------------



def test_a_gap_wider_than_a_line_starts_a_paragraph():
    got = _paragraphs([
        line(100, (40, "Performance indicators achieving quarterly targets")),
        line(125, (40, "Of the indicators, 49.2% achieved their quarterly targets")),
        line(136, (40, "this quarter.")),
    ])  # fmt: skip
    assert got == ["Performance indicators achieving quarterly targets", "",
                   "Of the indicators, 49.2% achieved their quarterly targets", "this quarter."]  # fmt: skip


# -- a box's label line beside a sentence ---------------------------------------------------------------


def test_a_line_of_labels_over_their_figures_is_taken_from_the_prose():
    lines = [
        line(159, (57, "Key indicators failing to achieve target"), height=14),
        line(181, (413, "Last year"), height=10),
        line(186, (57, "32% of key indicators failed to achieve their target."), height=12),
        line(191, (413, "36%"), height=15),
    ]
    taken: set[int] = set()
    for _, lines_taken in kpi_blocks(Page(1, lines, width=595.0, height=842.0), BlockSettings()):
        taken |= lines_taken
    assert taken == {1, 3}


def test_function_words_of_a_heading_are_not_counted():
    # `that` is in the heading and not the sentence; `fell` and `fallen` differ: two of three words remain
    got = names("Key indicators that fell back\n\n39% of indicators have fallen back.")
    assert got == {("Key indicators that fell back", "39%")}
