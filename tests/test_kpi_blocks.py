"""KPI blocks as councils lay them out (issue 8, deliverable 4): a wrapped title over labelled
values, blocks two or three across, labels beside or over their values, with or without a colon,
a period in the label, a label wrapped inside its block, a block broken by a page break
(extract/read/tables/blocks.py, run by the generic parser). The dev documents of
tests/heldout/dev/ in these layouts are read end to end at the bottom."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.model import Line, Page
from extract.read.tables.blocks import kpi_blocks
from extract.settings import BlockSettings
from helpers import bench_heldout
from helpers import text_line as line

HERE = Path(__file__).parent
DEV = HERE / "heldout" / "dev"



def page(*lines: Line, number: int = 1) -> Page:
    return Page(number, list(lines), width=595.0, height=842.0)


def read(p: Page, previous: Page | None = None) -> set[tuple[str, str, str]]:
    return {(f.indicator_raw, f.value_kind, f.value_raw) for f, _ in kpi_blocks(p, BlockSettings(), previous=previous)}


def test_a_period_in_the_label_dates_its_value_whatever_the_kind():
    p = page(
        line(100, (40, "Children in Care with an up-to-date care plan")),
        line(111, (40, "Latest (Q3 2023/24): 77%"), (160, "Previous (Q2 2023/24): 75%")),
    )
    got = {(f.value_kind, f.value_raw, f.period.label) for f, _ in kpi_blocks(p, BlockSettings())}
    assert got == {("actual", "77%", "Q3 2023/24"), ("previous_period", "75%", "Q2 2023/24")}


def test_the_words_after_a_label_say_its_kind_and_a_bare_period_dates_it():
    p = page(
        line(100, (40, "Children subject to a plan per 10,000")),
        line(111, (40, "Latest quarter: 51.7 per 10,000"), (220, "Previous quarter 49.0")),
        line(122, (40, "Previous year 45.1"), (220, "Target 2023/24: 50")),
    )
    got = {(f.value_kind, f.value_raw, f.period.label) for f, _ in kpi_blocks(p, BlockSettings())}
    assert got == {
        ("actual", "51.7", None),
        ("previous_period", "49.0", None),
        ("previous_year", "45.1", None),
        ("target", "50", "2023/24"),
    }


def test_a_label_with_no_figure_keeps_the_others_of_its_line_and_a_neutral_word_keeps_the_kind():
    p = page(
        line(100, (40, "Care leavers in suitable accommodation")),
        line(111, (40, "Latest value: 91%  Target: TBC  Previous figure: 88%  Floor: -")),
    )
    assert read(p) == {
        ("Care leavers in suitable accommodation", "actual", "91%"),
        ("Care leavers in suitable accommodation", "previous_period", "88%"),
    }


def test_a_title_that_says_previous_12_months_is_no_labelled_value():
    p = page(
        line(100, (40, "Latest 6.5%")),
        line(111, (40, "Children in Care with three or more placements within the")),
        line(122, (40, "previous 12 months")),
        line(133, (40, "Latest 7.1%")),
    )
    got = read(p)
    assert ("Children in Care with three or more placements within the previous 12 months", "actual", "7.1%") in got
    assert all(kind != "previous_period" for _, kind, _ in got)


def test_labels_without_a_colon_beside_their_values_three_blocks_across():
    p = page(
        line(100, (40, "Re-referrals within 12 months"), (240, "Children in Care"), (440, "Care leavers in")),
        line(111, (40, "of a previous referral"), (440, "touch")),
        line(122, (40, "Latest 10.8%"), (110, "Target 18%"), (240, "Latest 271"), (440, "Floor 85%")),
    )
    assert read(p) == {
        ("Re-referrals within 12 months of a previous referral", "actual", "10.8%"),
        ("Re-referrals within 12 months of a previous referral", "target", "18%"),
        ("Children in Care", "actual", "271"),
        ("Care leavers in touch", "intervention", "85%"),
    }


def test_a_label_wrapped_inside_its_block_is_read_whole():
    # `Previous (Jun` at the end of one line, `2023): 334` back at the block's left on the next,
    # where the block beside has its own values
    p = page(
        line(100, (40, "Number of Children in Care"), (240, "Unaccompanied children")),
        line(111, (40, "Latest (Sep 2023): 334"), (150, "Previous (Jun")),
        line(122, (40, "2023): 330"), (240, "Latest (Sep 2023): 26")),
    )
    assert read(p) == {
        ("Number of Children in Care", "actual", "334"),
        ("Number of Children in Care", "previous_period", "330"),
        ("Unaccompanied children", "actual", "26"),
    }


def test_a_caption_wrapped_over_two_lines_takes_the_figure_under_it():
    # tab stops in a Word cell: the last caption wraps, its last word back at the cell's left
    p = page(
        line(100, (40, "Statutory visits within 10 working days")),
        line(111, (40, "Latest"), (110, "Target"), (180, "Same period last")),
        line(121, (40, "year")),
        line(131, (40, "93.6%"), (110, "90%"), (180, "81.9%"), height=11.0),
    )
    assert read(p) == {
        ("Statutory visits within 10 working days", "actual", "93.6%"),
        ("Statutory visits within 10 working days", "target", "90%"),
        ("Statutory visits within 10 working days", "year_ago", "81.9%"),
    }


def test_a_caption_takes_the_figure_under_it_not_a_neighbours_on_the_next_line():
    # blocks of one row are not aligned: the neighbour's figures come first, then this block's
    p = page(
        line(100, (40, "Referrals completed within one day"), (290, "Re-referrals within 12 months")),
        line(113, (40, "GREEN"), (290, "Latest:"), (365, "Target:")),
        line(124, (40, "Latest:"), (115, "Target:")),
        line(135, (290, "17.5%"), (365, "18%")),
        line(148, (40, "98.2%"), (115, "90%")),
    )
    assert read(p) == {
        ("Referrals completed within one day", "actual", "98.2%"),
        ("Referrals completed within one day", "target", "90%"),
        ("Re-referrals within 12 months", "actual", "17.5%"),
        ("Re-referrals within 12 months", "target", "18%"),
    }


def test_a_figure_of_the_block_above_starts_no_block_column():
    # `90%` of the block above stands where this block's second caption starts
    p = page(
        line(100, (40, "Visits within timescale")),
        line(111, (40, "Latest"), (110, "Target")),
        line(121, (40, "93.6%"), (110, "90%")),
        line(140, (40, "Children with three or more placements")),
        line(151, (40, "Latest"), (110, "Same period last year")),
        line(161, (40, "6.5%"), (110, "13%")),
    )
    got = read(p)
    assert ("Children with three or more placements", "year_ago", "13%") in got
    assert ("Visits within timescale", "target", "90%") in got


def test_the_note_under_the_block_above_is_no_part_of_the_title():
    p = page(
        line(100, (40, "Referrals screened within one day")),
        line(111, (40, "Latest 79.8%")),
        line(121, (40, "Below target; an area of focus.")),
        line(132, (40, "Re-referrals within 12 months")),
        line(143, (40, "Latest 16.7%")),
    )
    assert ("Re-referrals within 12 months", "actual", "16.7%") in read(p)


def test_a_block_broken_by_a_page_break_keeps_its_title_from_the_page_before():
    footer = (150, "Borough Council – Scrutiny Committee")
    first = page(
        line(700, (40, "Care Leavers not in employment,"), (290, "Care Leavers in suitable")),
        line(711, (40, "education or training"), (290, "accommodation")),
        line(798, footer),
        line(810, (290, "1")),
    )
    second = page(
        line(53, (40, "Latest"), (290, "Latest")),
        line(63, (40, "29.6%"), (290, "100%"), height=11.0),
        line(798, footer),
        number=2,
    )
    assert read(second, previous=first) == {
        ("Care Leavers not in employment, education or training", "actual", "29.6%"),
        ("Care Leavers in suitable accommodation", "actual", "100%"),
    }
    assert read(second) == set()  # alone, the page's figures have no names
    assert all(f.page == 2 for f, _ in kpi_blocks(second, BlockSettings(), previous=first))


def test_a_page_that_opens_on_a_title_takes_nothing_from_the_page_before():
    first = page(line(700, (40, "Children in care")), line(711, (40, "per 10,000")))
    second = page(line(53, (40, "Care leavers in touch")), line(64, (40, "Latest: 91%")), number=2)
    assert read(second, previous=first) == {("Care leavers in touch", "actual", "91%")}


def test_a_rag_word_beside_a_wrapped_title_is_the_actuals_status_not_part_of_the_title():
    p = page(
        line(100, (40, "Referrals screened and completed  RED"), (240, "Re-referrals within 12"), (330, "GREEN")),
        line(111, (40, "within one working day"), (240, "months ●")),
        line(122, (40, "Latest: 79.8%"), (240, "Latest: 16.7%")),
    )
    got = {(f.indicator_raw, f.value_raw, f.status) for f, _ in kpi_blocks(p, BlockSettings())}
    assert got == {
        ("Referrals screened and completed within one working day", "79.8%", "RED"),
        ("Re-referrals within 12 months", "16.7%", "GREEN"),
    }


def test_a_block_written_as_a_row_takes_the_name_left_of_its_values():
    # the name wraps over three lines, its values on the middle one (vertically centred)
    p = page(
        line(100, (40, "Children on a plan for a second")),
        line(109, (40, "or subsequent time within"), (240, "Latest: 22.2%"), (330, "Floor: 25%")),
        line(118, (40, "two years")),
        line(140, (40, "Care leavers in touch"), (240, "Latest: 91%"), (330, "Previous: 90%")),
    )
    assert read(p) == {
        ("Children on a plan for a second or subsequent time within two years", "actual", "22.2%"),
        ("Children on a plan for a second or subsequent time within two years", "intervention", "25%"),
        ("Care leavers in touch", "actual", "91%"),
        ("Care leavers in touch", "previous_period", "90%"),
    }


def test_a_row_of_captions_set_in_from_the_title_in_a_small_table_two_blocks_across():
    # a table in each block: its cells' padding sets the captions 8 points in from the title
    p = page(
        line(
            100, (50, "EHCPs issued within 20 weeks"), (275, "RED"), (318, "Social worker posts filled"), (530, "AMBER")
        ),
        line(111, (50, "(rolling 12 months)"), (318, "by permanent staff")),
        line(124, (58, "Latest"), (98, "Target"), (138, "Floor"), (175, "Previous"), (326, "Latest"), (366, "Floor")),
        line(138, (58, "38.2%"), (98, "60%"), (138, "50%"), (175, "34.0%"), (326, "82.1%"), (366, "75%")),
    )
    got = {(f.indicator_raw, f.value_kind, f.value_raw, f.status) for f, _ in kpi_blocks(p, BlockSettings())}
    assert got == {
        ("EHCPs issued within 20 weeks (rolling 12 months)", "actual", "38.2%", "RED"),
        ("EHCPs issued within 20 weeks (rolling 12 months)", "target", "60%", None),
        ("EHCPs issued within 20 weeks (rolling 12 months)", "intervention", "50%", None),
        ("EHCPs issued within 20 weeks (rolling 12 months)", "previous_period", "34.0%", None),
        ("Social worker posts filled by permanent staff", "actual", "82.1%", "AMBER"),
        ("Social worker posts filled by permanent staff", "intervention", "75%", None),
    }


def test_captions_stacked_each_over_its_figure_all_take_the_title():
    p = page(
        line(100, (50, "Children on a plan for a second")),
        line(111, (50, "or subsequent time")),
        line(122, (50, "Latest")),
        line(133, (50, "17.9%"), height=12.0),
        line(147, (50, "Target")),
        line(158, (50, "20%"), height=12.0),
        line(172, (50, "Previous")),
        line(183, (50, "18.4%"), height=12.0),
    )
    title = "Children on a plan for a second or subsequent time"
    assert read(p) == {(title, "actual", "17.9%"), (title, "target", "20%"), (title, "previous_period", "18.4%")}


def test_a_label_and_its_figure_apart_on_one_line_a_row_each_blocks_side_by_side():
    # `Latest ........ 81.0%` one row per label, the figure at the block's right edge
    p = page(
        line(82, (50, "Referrals completed within one"), (229, "Child Protection visits within 15")),
        line(93, (50, "working day"), (229, "working days")),
        line(108, (50, "Latest"), (180, "81.0%"), (229, "Latest"), (360, "94.9%")),
        line(118, (50, "Target"), (187, "90%"), (229, "Same period last year"), (360, "70.1%")),
    )
    assert read(p) == {
        ("Referrals completed within one working day", "actual", "81.0%"),
        ("Referrals completed within one working day", "target", "90%"),
        ("Child Protection visits within 15 working days", "actual", "94.9%"),
        ("Child Protection visits within 15 working days", "year_ago", "70.1%"),
    }


def test_a_caption_takes_no_figure_of_the_block_beside_it():
    # the left block's captions stand each over its figure; the right block's figures share their lines
    p = page(
        line(100, (50, "Second or subsequent plans"), (318, "Average caseload")),
        line(111, (318, "Latest")),
        line(122, (50, "Latest"), (318, "16.2")),
        line(133, (50, "17.9%"), (318, "Target")),
        line(144, (318, "18")),
    )
    assert read(p) == {
        ("Second or subsequent plans", "actual", "17.9%"),
        ("Average caseload", "actual", "16.2"),
        ("Average caseload", "target", "18"),
    }


def test_a_heading_set_larger_right_over_the_first_block_is_no_part_of_its_title():
    p = page(
        line(98, (90, "Quarterly Performance Report"), height=13.0),
        line(116, (90, "Percentage of EHC plans issued within 20")),
        line(131, (90, "weeks (rolling 12 months)")),
        line(146, (90, "Latest: 38.2%"), (236, "Floor Standard: 50%"), (380, "Previous")),
        line(160, (90, "Quarter: 34.0%")),
    )
    title = "Percentage of EHC plans issued within 20 weeks (rolling 12 months)"
    assert read(p) == {(title, "actual", "38.2%"), (title, "intervention", "50%"), (title, "previous_period", "34.0%")}
    taken = set().union(*(lines for _, lines in kpi_blocks(p, BlockSettings())))
    assert 4 in taken  # the wrapped label's line is the block's, not prose for the narrative reader


def test_a_title_printed_again_on_the_next_page_is_no_running_head():
    title = ("Social worker posts held by", "permanent qualified staff")
    first = page(line(700, (90, title[0])), line(711, (90, title[1])))
    second = page(
        line(60, (90, "Current Performance 82.1%"), (258, "Target 85%")),
        line(400, (90, title[0])),
        line(411, (90, title[1])),
        line(422, (90, "Latest: 80%")),
        number=2,
    )
    got = read(second, previous=first)
    assert ("Social worker posts held by permanent qualified staff", "actual", "82.1%") in got
    assert ("Social worker posts held by permanent qualified staff", "target", "85%") in got


def test_narrow_boxes_a_label_over_its_value_the_label_wrapped_under_itself():
    # boxes side by side, each a label over its value; `Latest (Q3` wraps its period under itself,
    # and the title's last line holds no word (`19-21)`)
    p = page(
        line(82, (50, "Care leavers in education, employment or training (aged")),
        line(93, (50, "19-21)")),
        line(110, (52, "Latest (Q3"), (107, "Target"), (163, "Floor"), (218, "Previous (Q2")),
        line(119, (52, "2023/24)"), (107, "60%"), (163, "50%"), (218, "2023/24)")),
        line(128, (52, "58.1%"), (218, "55.0%")),
    )
    got = {(f.indicator_raw, f.value_kind, f.value_raw, f.period.label) for f, _ in kpi_blocks(p, BlockSettings())}
    title = "Care leavers in education, employment or training (aged 19-21)"
    assert got == {
        (title, "actual", "58.1%", "Q3 2023/24"),
        (title, "target", "60%", None),
        (title, "intervention", "50%", None),
        (title, "previous_period", "55.0%", "Q2 2023/24"),
    }


def test_a_period_said_in_words_between_title_and_values_dates_them_and_a_title_with_a_year_stays_whole():
    p = page(
        line(100, (40, "Children in care")),
        line(111, (40, "As at 31 December 2023")),
        line(122, (40, "Latest: 271")),
        line(150, (40, "16-17 year olds NEET")),
        line(161, (40, "Latest: 4.1%")),
    )
    got = {(f.indicator_raw, f.value_raw, f.period.label) for f, _ in kpi_blocks(p, BlockSettings())}
    assert got == {("Children in care", "271", "As at 31 December 2023"), ("16-17 year olds NEET", "4.1%", None)}


def test_rag_words_and_bare_labels_are_no_values():
    p = page(
        line(100, (40, "Children with a plan"), (240, "RED"), (300, "RED")),
        line(111, (40, "Latest:"), (110, "Target:")),
        line(122, (40, "RED"), (110, "GREEN")),
    )
    assert read(p) == set()


# -- the dev documents in these layouts, end to end -------------------------------------------------

BLOCK_DOCUMENTS = (
    "haringey_cpac_blocks_q2_2023_24",  # CSS grid, three across, `Latest (Sep 2023): 77%`, a label wrapped
    "darlington_q3_2021_22_blocks",  # flex rows, two across, RAG symbol beside the title, no colon
    "darlington_q1_2020_21_tiles_table",  # Word table of tiles, captions over figures, across a page break
    "darlington_q4_2018_19_label_over_value",  # borderless Word table, `Latest:` over `98.2%`
)


@pytest.fixture(scope="module")
def pipeline():
    from extract.run.pipeline import Pipeline

    return Pipeline()


@pytest.mark.parametrize("slug", BLOCK_DOCUMENTS)
def test_kpi_block_dev_document_reads_every_truth_row_and_little_else(slug, pipeline, tmp_path):
    score = bench_heldout().score_folder("dev", DEV / slug, pipeline, tmp_path)
    missing = [t for t, found in zip(score.truths, score.strict_found, strict=True) if found is None]
    assert not missing, [(t.indicator, t.value_kind, t.value_raw, t.page) for t in missing]
    assert score.rows <= score.total + 1, score.rows  # no pseudo-values out of labels or RAG words


def test_table_figures_whose_row_has_no_name_give_way_to_the_blocks():
    from extract.model import Period, RawFigure
    from extract_parsers.generic import _named

    def figure(name: str) -> RawFigure:
        return RawFigure(indicator_raw=name, value_raw="60%", value_kind="target", context="", section="",
                         period=Period(None), page=1, source="table")

    names = ["2023/24)", "Care leavers in touch", "NI 43", "1.2", ""]
    kept = list(_named(iter([figure(name) for name in names])))
    assert [f.indicator_raw for f in kept] == ["Care leavers in touch", "NI 43", ""]


def test_the_rows_of_a_table_of_areas_are_no_block():
    # a health profile's table of areas, its last row `England` (a national label) and its figures: the area
    # names over it are no wrapped title, and `England 55,977,180 3,346,730 ...` is no labelled value
    p = page(
        line(100, (40, "Area"), (160, "All ages"), (240, "0 to 4"), (320, "5 to 9")),
        line(111, (40, "Chichester"), (160, "120,750"), (240, "5,710"), (320, "6,630")),
        line(122, (40, "Crawley"), (160, "112,450"), (240, "8,010"), (320, "8,290")),
        line(133, (40, "West Sussex"), (160, "858,850"), (240, "46,820"), (320, "52,170")),
        line(144, (40, "England"), (160, "55,977,180"), (240, "3,346,730"), (320, "3,523,870")),
    )
    assert read(p) == set()
    # (a block's own labelled values beside one another are still read)
    p = page(line(100, (40, "Children in care")), line(111, (40, "England 67"), (160, "Latest 72")))
    assert read(p) == {("Children in care", "national", "67"), ("Children in care", "actual", "72")}
