"""Issue 9 round 14: the page's section or table title speaks for the population a name leaves unsaid.
A row named `Neglect` under `Child protection plans by category` is about plans, not the children-in-need
factor rate its words reach. The probes are names of this file's own, none from a held-out set."""

from __future__ import annotations

import pytest

from extract.mappings import load_mappings
from extract.settings import DEFAULT_SETTINGS
from extract.tidy.matching import Matcher


@pytest.fixture(scope="module")
def matcher():
    return Matcher(load_mappings())


def _match(matcher, name: str, section: str | None):
    return matcher.match(name, rule=DEFAULT_SETTINGS.fuzzy_rule(), section=section)


@pytest.mark.parametrize(
    "name, section, refused",
    [
        # the entry is about another population than the page's: refused, whatever its words
        ("Neglect", "Child protection plans by category", "cin_rate_neglect_per_10_000_children_rate_per_10k"),
        ("Emotional abuse", "Child protection plans by category",
         "cin_rate_emotional_abuse_per_10_000_children_rate_per_10k"),
        ("Dental checks", "Child protection", "hlt_dental_check_pct"),
        # children in care are children in need, but an entry whose own name says "in care" is not the
        # figure of a page about all children in need
        ("Up-to-date immunisations", "Children in need – health", "hlt_immunisations_up_to_date_pct"),
    ],
)
def test_an_entry_about_another_population_than_the_pages_is_refused(matcher, name, section, refused):
    assert _match(matcher, name, None).indicator_id == refused  # what the name alone reaches
    assert _match(matcher, name, section).indicator_id != refused


@pytest.mark.parametrize(
    "name, section, indicator_id",
    [
        # the page's population decides between entries the name alone does not
        ("Allocated to a social worker", "Children in need", "cin_allocated_sw_pct"),
        ("Allocated to a social worker", "Children in care", "cla_allocated_sw_pct"),
        ("Reviews held within timescale", "Child protection", "cp_reviews_in_timescale_pct"),
        ("Going missing", "Children in care scorecard", "cla_children_looked_after_missing_pct"),
        # guards: an entry about a part of the page's population only by its domain is kept
        # (mappings/population_parts.csv: a child protection plan is part of "in need")
        ("% Strategy discussions took place in 5 working days", "Children in Need of Help & Protection",
         "cp_strategy_discussions_5wd_pct"),
        ("Dental checks", "Children looked after", "hlt_dental_check_pct"),
        # a name that states its population is read as it is: the page does not override it
        ("Children in care allocated to a social worker", "Child protection", "cla_allocated_sw_pct"),
        # an entry about no population stays allowed under a page that states one
        ("Referrals per 10,000 children", "Children in need 2022", "csc_referrals_rate_per_10k"),
    ],
)
def test_the_pages_population_takes_part_in_the_facet_check(matcher, name, section, indicator_id):
    assert _match(matcher, name, section).indicator_id == indicator_id


def test_the_page_is_read_for_populations_and_their_parts(matcher):
    assert matcher.page_populations(None) is None
    assert matcher.page_populations("Quarter 3 performance indicators") is None  # states none: as no page
    assert matcher.page_populations("Children in need") == (("cin",), ("cla", "cp", "uasc"))
    assert matcher.page_populations("Looked after children") == (("cla",), ("uasc",))
    # without a section, or with one stating no population, the answer is the name's alone
    for section in (None, "", "Quarter 3 performance indicators"):
        assert _match(matcher, "Allocated to a social worker", section).indicator_id is None


def test_the_pipeline_matches_a_row_with_its_section(pipeline):
    """Pipeline.match_rows gives the row's section to the matcher (and keys its per-run cache on it)."""
    row = {"indicator_raw": "Neglect", "indicator_code": None, "fallback": False, "source": "table",
           "parser": "devon_improvement_board", "unit_printed": None, "polarity_printed": None}  # fmt: skip
    alone = pipeline.match_rows([{**row, "section": None}], None)
    under_plans = pipeline.match_rows([{**row, "section": "Child protection plans by category"}], None)
    assert alone[0]["indicator_id"] == "cin_rate_neglect_per_10_000_children_rate_per_10k"
    assert under_plans[0]["indicator_id"] is None


def test_the_documents_title_speaks_for_rows_with_no_section(pipeline):
    """A row with no section takes the document's title as its page when the title states a population
    (issue 9): a title stating none, or a row's own section, leave the answer as it was."""
    row = {"indicator_raw": "Neglect", "indicator_code": None, "fallback": False, "source": "table",
           "parser": "devon_improvement_board", "unit_printed": None, "polarity_printed": None}  # fmt: skip
    plans = "Child protection plans by category – Quarter 3"
    assert pipeline.match_rows([{**row, "section": None}], None, plans)[0]["indicator_id"] is None
    alone = "cin_rate_neglect_per_10_000_children_rate_per_10k"
    assert pipeline.match_rows([{**row, "section": None}], None, "Quarter 3 performance")[0]["indicator_id"] == alone
    assert pipeline.match_rows([{**row, "section": None}], None, None)[0]["indicator_id"] == alone


def test_the_documents_title_is_its_first_line(tmp_path):
    from extract.load import load_document
    from extract.run.pipeline import document_title

    path = tmp_path / "report.txt"
    path.write_text("\n  Children Looked After –\tAnnual Report 2007/08\nNumber of children looked after\t512\n")
    assert document_title(load_document(path, tmp_path)) == "Children Looked After – Annual Report 2007/08"


def test_a_narrative_figure_keeps_the_heading_it_stands_under():
    """The heading over a figure's line is kept as its page context (not output): `Visits in Timescale – 92%`
    under `Children Looked After` (Lancashire's Corporate Parenting Board briefing, audit F031)."""
    from extract.read.narrative.reader import extract_narrative

    text = "Children Looked After\n\nVisits in Timescale – 92%\n"
    figures = extract_narrative(text)
    assert [(f.value_raw, f.heading, f.section) for f in figures] == [("92%", "Children Looked After", None)]
    assert [f.heading for f in extract_narrative(text, section="Placements")] == [None]  # a section comes first


def test_the_heading_speaks_before_the_title(pipeline):
    row = {"indicator_raw": "Visits in Timescale", "indicator_code": None, "fallback": True, "source": "narrative",
           "parser": "generic", "unit_printed": "percent", "polarity_printed": None, "section": None}  # fmt: skip
    assert pipeline.match_rows([{**row, "heading": None}], None)[0]["indicator_id"] == "csc_initial_visits_in_time_pct"
    assert pipeline.match_rows([{**row, "heading": "Children Looked After"}], None)[0]["indicator_id"] is None
    assert pipeline.match_rows([{**row, "heading": "Placements"}], None, "Children in Care")[0]["indicator_id"] is None
