"""Narrative round 14: counts and shares the strict reader used to leave or misname (read/narrative/counts.py,
wholes.py, groups.py). Hand-written probe sentences, none a dev document's."""

from __future__ import annotations

from extract.read.narrative import extract_narrative


def _rows(text: str) -> list[tuple[str, str, str, float | None]]:
    found = extract_narrative(text, strict=True)
    return [(f.value_raw, f.value_kind, f.indicator_raw or "", f.numerator) for f in found]


def test_a_participle_after_a_counted_noun_phrase_gives_its_count_and_the_count_compared_with():
    text = ("Referrals have risen, mainly because of the high number of children missing from home, now standing "
            "at 61, compared to 40 in March 2023.")
    got = {value: (kind, name) for value, kind, name, _ in _rows(text)}
    assert got["61"] == ("actual", "children missing from home")
    assert got["40"] == ("actual", "children missing from home")  # dated: that month's level


def test_a_count_moved_from_after_a_count_beside_its_rate_is_its_earlier_level():
    text = "Looked after children\n\n412 (61.3 per 10,000), down from 430 since March, remains above the region."
    got = {value: (kind, name) for value, kind, name, _ in _rows(text)}
    assert got["430"] == ("previous_period", got["412"][1])


def test_a_participle_after_no_counted_noun_reads_nothing():
    text = "The budget for the service, now standing at 48, was agreed in 2019, compared to 10 in October 2021."
    assert [value for value, *_ in _rows(text)] == []


def test_members_of_a_list_of_counts_carry_the_list_noun():
    text = ("There were 1,204 children receiving early help, 310 were supported by family hubs and 92 had a "
            "lead professional.")
    got = {value: name for value, _, name, _ in _rows(text)}
    assert got["310"] == "children were supported by family hubs"
    assert got["92"] == "children had a lead professional"


def test_a_list_member_needs_its_verb_and_a_noun_before_it():
    # a date, an age or money after a comma is no member of the list
    text = "There were 1,204 children receiving early help, 31 March 2024 was the count date and 16 was the age limit."
    assert {value for value, *_ in _rows(text)} == {"1,204"}
    text = "The service spent £310 on transport, 92 had a lead professional."
    assert [value for value, *_ in _rows(text)] == []


def test_a_share_in_brackets_beside_a_count_has_the_count_as_numerator():
    text = "Pathway plans for 88 care leavers (64%) are out of date."
    assert _rows(text) == [("64%", "actual", "Pathway plans for care leavers are out of date", 88.0)]
    text = "As a result, 120 children (18%) are placed more than 20 miles from home and this is too many."
    assert _rows(text) == [("18%", "actual", "children are placed more than 20 miles from home", 120.0)]


def test_a_change_with_its_share_in_brackets_is_no_numerator():
    text = "This is an increase of 96 children (20%) since March 2014."
    assert all(numerator is None for *_, numerator in _rows(text))


def test_two_groups_compared_name_each_share_by_its_group():
    text = "Girls were more likely to report feeling lonely (32%) than boys (21%)."
    got = {value: name for value, _, name, _ in _rows(text)}
    assert got == {"32%": "Girls report feeling lonely", "21%": "boys report feeling lonely"}


def test_a_rate_base_in_brackets_after_a_figure_makes_it_a_rate():
    text = "Rate of children in need stood at 301.2, above the national average of 330.4 (per 10,000)."
    got = {value: unit for value, unit in ((f.value_raw, f.unit) for f in extract_narrative(text, strict=True))}
    assert got == {"330.4": "rate_per_10k"}  # 301.2, printed with no base, stays a bare number the strict reader leaves


def test_a_change_opening_its_sentence_names_the_level_by_what_moved():
    found = extract_narrative("- A reduction in agency staff to 12.5% in Q3.", strict=True)
    got = {f.value_raw: f.indicator_raw for f in found}
    assert got == {"12.5%": "agency staff"}
    # with a subject before the change, the words after `in` are its cohort, not the measure
    text = "Persistent absence saw an increase in the secondary phase to 14.2% this term."
    assert all(f.indicator_raw != "secondary phase" for f in extract_narrative(text, strict=True))
