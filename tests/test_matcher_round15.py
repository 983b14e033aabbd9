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


@pytest.mark.parametrize(
    "name, indicator_id",
    [
        # who holds or is asked for the figure (the base left each unmatched)
        ("Number of unaccompanied asylum seeking children looked after by the local authority", "cla_uasc_count"),
        ("Please provide the percentage of social workers who are agency staff", "wf_agency_sw_pct"),
        ("Number of referrals received by the local authority", "csc_referrals_count"),
        # a percentage printed in the name is the figure, not a threshold (the base left each unmatched) ...
        ("Re-referral rate 19.7% - March 2024", "csc_re_referrals_12m_pct"),
        ("Care leavers in suitable accommodation (87%)", "cl_suitable_accom_pct"),
        ("Children in care placed in foster care (71.5%)", "plc_foster_care_pct"),
        ("Child protection plans lasting 2 years or more 3.1%", "cp_plans_2yrs_plus_pct"),
        # ... while a whole-number threshold still names the indicator
        ("Persistent absence (10% or more of sessions)", "att_persistent_absence_pct"),
        ("Severe absence (50% or more)", "att_severe_absence_pct"),
    ],
)
def test_who_holds_the_figure_and_the_figure_itself_are_set_apart(matcher, name, indicator_id):
    assert matcher.match(name, rule=DEFAULT_SETTINGS.fuzzy_rule()).indicator_id == indicator_id
