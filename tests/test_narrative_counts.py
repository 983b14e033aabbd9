"""Bare counts in sentences of papers of unknown format (strict narrative reader, read/narrative/counts.py).

Hand-written probe sentences: a count is read when the sentence names what it counts by a counted
noun (mappings/counted_nouns.csv) right at the figure, and never when the number is a year, a date,
an age, money, a section or paragraph number, a duration, an ordinal, list numbering, a count of
staff, buildings or meetings, the whole of a fraction, a ratio, a scale, an aside in brackets or a
count the sentence denies.
"""

from __future__ import annotations

import pytest

from extract.read.narrative import extract_narrative


def _counts(text: str) -> list[tuple[str, str, str]]:
    return [
        (f.value_raw, f.value_kind, f.indicator_raw)
        for f in extract_narrative(text, strict=True)
        if f.unit == "count"
    ]


@pytest.mark.parametrize(
    ("text", "value", "name"),
    [
        ("There were 53 children on the child protection register at the end of quarter 3.", "53",
         "children on the child protection register"),
        ("At 31 March 2015, 200 children are being looked after by the local authority.", "200",
         "children are being looked after by the local authority"),
        ("The Asylum Team supported 22 migrant asylum-seeking children in our care.", "22",
         "migrant asylum-seeking children in our care"),
        ("The Leaving Care Team provided support to 143 care experienced young people.", "143",
         "care experienced young people"),
        ("In 2006/07 the service received 192 referrals for tier three treatment.", "192",
         "referrals for tier three treatment"),
        ("By May 2015 all 275 families have been turned around by the programme.", "275",
         "families have been turned around by the programme"),
        ("Officers started 91 new care plans.", "91", "new care plans"),
    ],
)
def test_a_count_named_by_its_counted_noun_is_read(text, value, name):
    assert (value, "actual", name) in _counts(text)


def test_the_part_of_a_count_is_read_with_its_whole():
    text = ("Of the 58 children on the child protection register at the end of quarter 2, 24 were subject to "
            "the three toxic risk factors.")
    got = {value for value, _, _ in _counts(text)}
    assert got == {"58", "24"}
    text = "147 young people who had left care accessed support, of whom 34 had been unaccompanied children."
    got = {value: name for value, _, name in _counts(text)}
    assert got["147"] == "young people who had left care accessed support"  # not `..., of whom`
    assert "34" in got


def test_the_number_of_a_counted_noun_names_its_counts():
    text = ("The Director explained that the number of children subject to child protection plans had "
            "increased significantly in the last year, from 243 to 292.")
    got = {(value, kind) for value, kind, _ in _counts(text)}
    assert got == {("243", "previous_period"), ("292", "actual")}


def test_a_count_after_its_subjects_verb_is_named_by_the_subject():
    text = ("The number of full-time social workers fell from 187 to 178 in six months, while the number of "
            "children in care dropped to 889.")
    assert _counts(text) == [("889", "actual", "number of children in care")]  # staff are no counted noun
    # a bare copula names a count only after `the number of`: an age or a multiple follows it otherwise
    assert _counts("Many children who attend a residential school will stay there until they are 18.") == []
    assert _counts("Children from the poorest families are 13 times more likely to die in an accident.") == []
    assert _counts("The number of children looked after was 412 at the end of the year.")[0][:2] == ("412", "actual")


def test_a_count_beside_its_rate_counts_what_the_rate_is_of():
    # (a board note's line, as the Lancashire dev document prints it after the line before)
    text = ("Timeliness - October performance 89% Children Protection Plans 1194 (48.2 per 10,000), reduced from 1296 "
            "since September 2019.")
    got = {(value, name) for value, _, name in _counts(text)}
    assert ("1194", "Children Protection Plans") in got
    # the words before the count must end on a counted noun
    assert _counts("Performance in October 1194 (48.2 per 10,000) was reported to the board.") == []


@pytest.mark.parametrize(
    "text",
    [
        # years, dates, ages, durations, ordinals
        "In 2019 there was a review of the service and the plans for children were changed.",
        "The panel met on 12 March to review the plans for children in care.",
        "Support is offered to young people aged 16 and to children aged 10 to 15 in the area.",
        "Most 16 year olds in care were in education, and children under 5 were seen quickly.",
        "Assessments should be completed within 45 working days for children referred to the service.",
        "Reviews are held every 6 months for children subject to a plan.",
        "This was the 3rd quarter in which children waited longer than expected.",
        # money
        "The council spent £1,250 per child on services for children in care last year.",
        "A budget of £2.5 million supports 4 children's homes and their staff.",
        # section, paragraph, page and list numbers
        "Section 20 children are accommodated with the agreement of their parents.",
        "See paragraph 12 for the plans agreed for children in care.",
        "3 Children in Our Care and Care Leavers Update Report",
        "2.4 Children in care were visited on time in most cases.",
        "In quarter 2 children were seen on time, and Section 47 enquiries rose for children in need.",
        "Year 6 pupils did well, and Key Stage 2 pupils achieved more than the year before.",
        "Over 100 children were seen and up to 20 families were offered a place.",
        # staff, buildings, meetings, and cases of anything
        "There were 36 foster carers approved and 5 social workers left the service.",
        "There are now 290 social workers employed by children's services.",
        "The council runs 4 children's homes and 12 children's centres.",
        "There were 36 child protection conferences held in the quarter.",
        "There were 27 cases in 2013–14 and the audit reviewed only 14 cases.",
        # a bare noun says no measure
        "The figure rests on 11 children.",
        "The programme has gone up by 20% to 126 young people in the 12 months to 31 March 2015.",
        "Activity information for 193 care leavers (77%) is recorded as not known.",
        # the whole of a fraction, a ratio, a scale, an aside in brackets, a denial, an amount
        "Local authority data shows that 98 of the 101 care leavers aged 16–21 live in suitable accommodation.",
        "There are 22 boys for every girl among unaccompanied children in care.",
        "An estimated 4.3 million children were living in poverty in 2022–23.",
        "UAS children are 8.5% of all children in care (about 7,106 children according to the latest data).",
        "At the time of the inspection, there is no record of 72 children having been seen by a social worker.",
        "This inspection identified a high number of assessments (94) that were not completed within timescales.",
    ],
)
def test_numbers_that_are_no_count_of_a_counted_noun_are_left(text):
    assert _counts(text) == []


def test_a_sibling_in_a_list_is_no_part_of_the_count_before_it():
    # narrative round 14: a sibling is a member of the list, read with the list's noun carried to it (it was left
    # before), never as a part of the count before it (no whole)
    text = "There are currently 36 care leavers in independent living, 12 are staying put and 4 are in lodgings."
    assert _counts(text) == [
        ("36", "actual", "care leavers in independent living"),
        ("12", "actual", "care leavers are staying put"),
        ("4", "actual", "care leavers are in lodgings"),
    ]
    assert all(f.denominator is None for f in extract_narrative(text, strict=True))


def test_the_loose_reader_is_unchanged():
    text = "There were 27 cases in 2013–14."
    assert [f.value_raw for f in extract_narrative(text, strict=False)] == ["27"]
