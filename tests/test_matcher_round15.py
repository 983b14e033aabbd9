"""Issue 9 round 15: words that say who holds, reports or is asked for a figure ("by the local authority",
"Please provide", "currently") are set apart like the reporting period (mappings/period_phrases.csv): they
name no different indicator. The probes are names of this file's own, none from a held-out set."""

from __future__ import annotations

import pytest

from extract.mappings import load_mappings
from extract.settings import DEFAULT_SETTINGS
from extract.tidy.matching import Matcher


@pytest.fixture(scope="module")
def matcher():
    return Matcher(load_mappings())


@pytest.mark.parametrize(
    "framed, plain",
    [
        ("Children looked after by the local authority", "Children looked after"),
        ("Social work cases held by local authorities", "Social work cases held"),
        ("Care leavers supported by the council", "Care leavers supported"),
        ("Unaccompanied children looked after by you", "Unaccompanied children looked after"),
        ("Please provide the number of children on a plan", "the number of children on a plan"),
        ("Please tell us how many children are currently in care", "how many children are in care"),
    ],
)
def test_who_holds_or_asks_for_a_figure_is_no_word_of_the_indicator(matcher, framed, plain):
    a, b = matcher.read(framed), matcher.read(plain)
    assert (a.text, a.quals, a.measures) == (b.text, b.quals, b.measures)


def test_what_the_authority_is_to_the_children_stays(matcher):
    assert "location:out_of_area" in matcher.read("Children placed outside the local authority").quals
    assert "council" in matcher.read("Children in care placed with the council").text  # whose carers, not who reports


@pytest.mark.parametrize(
    "name, indicator_id",
    [
        # a bracket saying what the count takes in narrows nothing (round 4) and is none of the indicator's words:
        # before round 15 its words were scored, so the entry about what it takes in came first or nothing cleared
        ("Children in care (including UASC)", "cla_count"),
        ("Children on a child protection plan (including unborn)", "cp_plans_count"),
        ("Referrals (including re-referrals)", "csc_referrals_count"),
        ("Number of children in care (incl. respite)", "cla_count"),
        ("Total children looked after (including those placed for adoption)", "cla_count"),
        # guards: an including or excluding bracket about exceptions still decides between the two entries
        ("EHCPs issued within 20 weeks (including exceptions)", "ehcp_issued_20wks_pct"),
        ("EHCPs issued within 20 weeks (excluding exceptions)", "ehcp_issued_20wks_excl_exceptions_pct"),
    ],
)
def test_an_including_bracket_is_not_scored(matcher, name, indicator_id):
    assert matcher.match(name, rule=DEFAULT_SETTINGS.fuzzy_rule()).indicator_id == indicator_id
