"""Narrative round 10: figures in sentences named by what the sentence says, never twice, never by its speaker."""

from __future__ import annotations

from extract.read.narrative import extract_narrative


def _named(text: str, strict: bool = False) -> dict[str, tuple[str | None, float | None, float | None]]:
    return {f.value_raw: (f.indicator_raw, f.numerator, f.denominator) for f in extract_narrative(text, strict=strict)}


def test_a_numbered_paragraphs_count_of_its_whole_is_read_and_named_once():
    # dev ceredigion_safeguarding_2018_19_register_subsets, 2.1: the paragraph number before `Of the 58`
    text = (
        "2.1\tOf the 58 children on the child protection register at the end of quarter 2, 24 were subject to "
        "the three toxic risk factors of domestic abuse, parental substance misuse and parental mental health."
    )
    name, numerator, denominator = _named(text, strict=True)["24"]
    assert (numerator, denominator) == (24, 58)
    assert name == (
        "children on the child protection register were subject to the three toxic risk factors of domestic "
        "abuse, parental substance misuse and parental mental health"
    )
    assert name.count("were subject to") == 1


def test_the_speaker_of_a_reported_sentence_is_no_part_of_the_name():
    text = (
        "The Director explained that the number of children subject to child protection plans had increased "
        "significantly in the last year, from 243 to 292."
    )
    named = _named(text)
    assert named["292"][0] == named["243"][0] == "number of children subject to child protection plans"


def test_a_cohort_that_said_it_stays_in_the_name():
    # `15-year olds ... said that they ...`: the pronoun points back at the cohort measured
    text = "31% of 15-year olds who responded to the survey said that they had been bullied in the past months."
    assert "15-year olds" in (_named(text)["31%"][0] or "")


def test_that_after_a_verb_of_saying_restates_no_figure():
    said = "A survey of year 6 pupils found that 10.5% of pupils met the recommended level of physical activity."
    assert _named(said, strict=True)["10.5%"][0] == "pupils met the recommended level of physical activity"
    assert _named("Members noted that 45% of children were seen within 5 days.")["45%"][0]
    assert "5%" not in _named("We hold no data on that approx. 5% of cases, the rest being seen.")


def test_a_paragraph_or_section_number_is_no_figure():
    # ../shared/pdfs West Sussex needs assessment p.42 `6.0 Targets relating to LAC ...` gave 6.0 as a figure
    assert "2.1" not in _named("2.1\tOf the 58 children on the register at the end of quarter 2, 24 were seen.")
    assert "6.0" not in _named("6.0 Targets relating to LAC and vulnerable children were set for 2008 to 2011.")
    assert not (_named("4.5 Children were seen within 5 days in 45% of cases.")["45%"][0] or "").startswith("4.5")
