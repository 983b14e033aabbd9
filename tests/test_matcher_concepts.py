"""Issue 9 round 23: what a name's concept says of its population (mappings/population_concepts.csv)."""

import pytest

from extract.mappings import load_mappings
from extract.settings import DEFAULT_SETTINGS
from extract.tidy.matching import Matcher


@pytest.fixture(scope="module")
def matcher():
    return Matcher(load_mappings())


def _match(matcher, name, section=None):
    return matcher.match(name, rule=DEFAULT_SETTINGS.fuzzy_rule(), section=section)


@pytest.mark.parametrize(
    "name, narrower",
    [
        ("Primary school attendance", "att_cla_primary_attendance_pct"),
        ("Children with a missing incident", "cla_children_looked_after_missing_pct"),
    ],
)
def test_an_every_child_concept_does_not_take_a_part_of_the_children(matcher, name, narrower):
    """Attendance and missing episodes are every child's: a name stating no population (nor its page) is not the
    children in care's measure, which stays a candidate (and a rival) but is not the answer."""
    found = _match(matcher, name)
    assert found.indicator_id is None, found.as_json()
    assert found.candidates[0].indicator_id == narrower and found.candidates[0].allowed


def test_the_population_stated_by_the_name_or_its_page_is_taken(matcher):
    assert _match(matcher, "Looked after children primary school attendance").indicator_id == (
        "att_cla_primary_attendance_pct"
    )
    assert _match(matcher, "Primary school attendance", "Children in Care performance").indicator_id == (
        "att_cla_primary_attendance_pct"
    )
    # a measure of every pupil still finds every pupil's entry
    assert _match(matcher, "Persistent absence").indicator_id == "att_persistent_absence_pct"


def test_a_word_implying_the_population_lifts_the_refusal(matcher):
    """'in placements': a placement is a child in care's (SSDA903), so the children in care's entry may answer."""
    k = matcher.index_of["att_cla_primary_attendance_pct"]
    assert matcher._unimplied(matcher.read("Primary school attendance"), None, None)[k]
    assert not matcher._unimplied(matcher.read("Primary school attendance in placements"), None, None)[k]
    # a concept that is not every child's (a placement alone) refuses nothing
    assert not matcher._unimplied(matcher.read("Placement stability"), None, None).any()


def test_every_concept_row_names_a_known_population(matcher):
    populations = {v for g, v, _, _ in matcher.mappings.qualifiers if g == "population"} | {"all"}
    assert matcher.mappings.population_concepts
    assert {p for _, p in matcher.mappings.population_concepts} <= populations
