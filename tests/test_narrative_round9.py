"""Round 9 (issue 8): figures written in sentences, under headings and in bullet lists.

The sentences are those of the round-9 dev documents (tests/heldout/dev: Shropshire, Caerphilly,
Maidstone, Cambridgeshire, Barking and Dagenham) and the forms they stand for; the reader is called as
the generic parser calls it, in strict mode (documents of unknown format). Sentences that must give
nothing are tested as much as the ones that must give figures.
"""

from __future__ import annotations

from extract.read.narrative import extract_narrative
from extract.read.narrative.stated import Context, about_heading, read_stated

LAC = "Rate of Looked After Children per 10,000 population (0-17 years)"
CPP = "Rate of children with a Child Protection Plan per 10,000 population (0-18 years)"


def stated(sentence: str, ctx: Context | None = None) -> list | None:
    return read_stated(sentence, ctx or Context(), page=1, section=None)


def rows(text: str, strict: bool = True) -> list[tuple[str, str, str, str | None]]:
    return [
        (f.indicator_raw, f.value_kind, f.value_raw, f.period.label) for f in extract_narrative(text, strict=strict)
    ]


# --------------------------------------------------------------------------- label lines and bullets


def test_a_bullet_label_names_its_figure_and_the_bracketed_target():
    text = "Strategic scorecard:\n\n• Percentage of successful relief duty outcomes: 54.33% (target 60.00%)"
    assert rows(text) == [
        ("Percentage of successful relief duty outcomes", "actual", "54.33%", None),
        ("Percentage of successful relief duty outcomes", "target", "60.00%", None),
    ]


def test_a_count_named_by_its_label_is_kept_by_the_strict_reader():
    text = "• Number of students benefiting from the museums educational service: 1,027 (target 1,450)"
    assert [(k, v) for _, k, v, _ in rows(text)] == [("actual", "1,027"), ("target", "1,450")]
    assert {f.unit for f in extract_narrative(text, strict=True)} == {"count"}


def test_a_label_with_figures_and_a_kind_word_in_it_is_still_the_measure():
    # `acceptable levels` is the Welsh floor's word, but a long label is a measure's name
    text = "• The percentage of land and highways with acceptable levels of litter: 98.34% (target 98.00%)"
    assert [k for _, k, _, _ in rows(text)] == ["actual", "target"]
    assert rows("• Success rate for planning appeals (6mth rolling): 59.09% (target 75%)")[0][0] == (
        "Success rate for planning appeals (6mth rolling)"
    )


def test_a_kind_label_or_an_unknown_bracket_is_no_set_form():
    assert stated("Target: 85%") is None
    # a bracket that is not a kind's label (`an increase of 14`) leaves the sentence to the general reader
    assert stated("The number of children looked after rose to 412 (an increase of 14).") is None


# --------------------------------------------------------------------------- clauses naming their measure


def test_a_paragraph_naming_two_measures_gives_each_figure_to_its_own():
    text = (
        "2.1 The percentage of care leavers in education, training or employment 12 months after leaving care was "
        "51.35% in 2018-19 (2017-18: 51.16%), and the percentage of care leavers in education, training or "
        "employment 24 months after leaving care was 45.16% (2017-18: 60.78%)."
    )
    twelve = "percentage of care leavers in education, training or employment 12 months after leaving care"
    twenty_four = twelve.replace("12 months", "24 months")
    assert rows(text) == [
        (twelve, "actual", "51.35%", "2018-19"),
        (twelve, "actual", "51.16%", "2017-18"),
        (twenty_four, "actual", "45.16%", "2018-19"),  # the sentence's period, its clause giving none
        (twenty_four, "actual", "60.78%", "2017-18"),
    ]


def test_a_level_with_an_earlier_one_in_brackets_and_a_target():
    assert rows("The number of children looked after rose to 412 (March 2023: 398).", strict=False) == [
        ("number of children looked after", "actual", "412", None),
        ("number of children looked after", "actual", "398", "March 2023"),
    ]
    heading = "Initial assessments completed within 45 working days"
    text = f"{heading}\n\nPerformance this quarter was 82.1% against a target of 85% (last quarter 79.4%)."
    assert rows(text) == [
        (heading, "actual", "82.1%", None),
        (heading, "target", "85%", None),
        (heading, "previous_period", "79.4%", None),
    ]


def test_a_vague_subject_without_a_measure_heading_is_no_set_form():
    sentence = "Performance this quarter was 82.1% against a target of 85% (last quarter 79.4%)."
    assert stated(sentence) is None


def test_a_rate_from_one_level_to_another_and_a_trailing_comment():
    text = (
        "Child protection\n\nThe overall rate of registration per 1,000 0-18 year olds in Cambridgeshire increased "
        "slightly throughout the year from 2.85 to 2.92, a high rate in comparison to other comparator "
        "authorities in the previous year."
    )
    name = "overall rate of registration per 1,000 0-18 year olds in Cambridgeshire"
    assert rows(text) == [(name, "previous_period", "2.85", None), (name, "actual", "2.92", None)]
    assert {f.unit for f in extract_narrative(text, strict=True)} == {"rate_per_1k"}


def test_a_change_gives_no_row_and_dated_levels_keep_their_periods():
    text = (
        "• a 43% increase in the number of children meeting the threshold for statutory intervention from "
        "Children's Social Care, from 2,349 at the end of 2019/20 to 3,357 at present;"
    )
    name = "number of children meeting the threshold for statutory intervention from Children's Social Care"
    assert rows(text) == [(name, "actual", "2,349", "at the end of 2019/20"), (name, "actual", "3,357", None)]
    # a change alone names no level
    assert rows("• a 31% increase over the same period in the number of children meeting the threshold;") == []


# --------------------------------------------------------------------------- headings naming one measure


def test_a_subject_repeating_the_heading_takes_its_full_name_and_unit():
    text = (
        f"{LAC}\n\nLooked After Children, rate per 10,000 children aged under 18.\n\n"
        "The rate of Looked After Children per 10,000 children aged under 18 has risen during quarter 4 to 56.9.\n\n"
        "This is a raise from 54.9 at the end of quarter 3, and a rise from 49.1 at the end of March 2017. "
        "Shropshire's rate is now similar to statistical neighbour averages."
    )
    assert rows(text) == [
        (LAC, "actual", "56.9", "quarter 4"),
        (LAC, "actual", "54.9", "quarter 3"),
        (LAC, "actual", "49.1", "at the end of March 2017"),
    ]
    assert {f.unit for f in extract_narrative(text, strict=True)} == {"rate_per_10k"}


def test_levels_between_two_periods_in_brackets():
    text = f"{CPP}\n\nThe rate of Child Protection plans increased between Q4 17/18 (31.8) and Q2 18/19 (40.7)."
    assert rows(text) == [(CPP, "actual", "31.8", "Q4 17/18"), (CPP, "actual", "40.7", "Q2 18/19")]


def test_a_subject_about_another_measure_keeps_its_own_name():
    text = f"{LAC}\n\nThe number of foster carers was 112 (2022/23: 120)."
    assert [name for name, *_ in rows(text)] == ["number of foster carers", "number of foster carers"]
    assert about_heading(CPP, "rate of Child Protection plans")
    assert not about_heading("Children in care and care leavers", "number of children in care")  # two measures


def test_going_back_needs_a_measure_stated_before():
    # `This is a raise from 54.9` with no measure stated before it in the section names nothing
    assert stated("This is a raise from 54.9 at the end of quarter 3.", Context(LAC)) is None


def test_a_leading_count_under_its_heading_is_read_by_the_strict_reader():
    text = (
        "LAA indicators achieving their Year 1 target\n\n20 Local Area Agreement indicators achieved their Year 1 "
        "targets. The figures include the changes reported to Cabinet on 4 June 2009."
    )
    assert rows(text) == [("LAA indicators achieving their Year 1 target", "actual", "20", None)]


def test_other_numbers_under_a_heading_give_nothing():
    # a contents line's section number, an age, a leading number under a heading the sentence is not about
    assert rows("4 Children's social care ........\n\n4.1 Contacts with children's social care..........40") == []
    assert rows("What is Family Assist?\n\nAnyone in West Sussex with a child under the age of 3 can register.") == []
    assert rows("LAA indicators achieving their Year 1 target\n\n3 The council met in June to agree the plan.") == []


def test_a_year_is_no_level():
    assert stated("The number of children looked after was 2019 in total.") is None


# --------------------------------------------------------------------------- a kind's label over its figure


def test_a_kind_label_over_a_figure_under_the_sentence_is_the_heading_measure():
    heading = "Performance indicators achieving quarterly targets"
    text = (
        f"2.1\t{heading}\n\nOf the indicators that can be calculated quarterly, 49.2% achieved or exceeded their "
        "quarterly targets this quarter.\n\nPrevious quarter\n61%"
    )
    assert rows(text) == [(heading, "actual", "49.2%", None), (heading, "previous_period", "61%", None)]


def test_a_label_over_a_figure_gives_nothing_without_a_measure_heading_or_a_kind():
    assert rows("Children in care and care leavers\n\nTarget\n80%") == []  # the heading names two measures
    assert rows("GCSE passes at 5 A*-C across the Island\n\n2023/24\n61%") == []  # a period is no kind
    assert rows("GCSE passes at 5 A*-C across the Island\n\nContacts\n61") == []
    assert rows("Target\n80%") == []  # no heading at all


# --------------------------------------------------------------------------- `Area = figure` lists


def test_area_lines_after_a_dated_lead_in_are_the_heading_measure_benchmarks():
    text = (
        f"{LAC}\n\nLatest benchmarking figures for March 2016 show LAC rates of:\n\n"
        "Shropshire = 47\nStatistical neighbours = 53.8\nEngland = 60"
    )
    assert rows(text) == [
        (LAC, "actual", "47", "March 2016"),
        (LAC, "statistical_neighbours", "53.8", "March 2016"),
        (LAC, "national", "60", "March 2016"),
    ]


def test_area_lines_give_nothing_without_a_lead_in_a_measure_heading_or_known_labels():
    lines = "Shropshire = 47\nEngland = 60"
    assert rows(f"{LAC}\n\n{lines}") == []  # no lead-in ending with a colon
    assert rows(f"Children in care and care leavers\n\nFigures for March 2016:\n\n{lines}") == []
    assert rows(f"{LAC}\n\nFigures for March 2016:\n\nContacts = 47\nEngland = 60") == []  # every line or none


# --------------------------------------------------------------------------- more of the same forms


def test_label_lines_with_a_dash_a_target_clause_a_dated_name_and_several_brackets():
    assert rows("• Re-referrals within 12 months – 21.3% (target 20%)") == [
        ("Re-referrals within 12 months", "actual", "21.3%", None),
        ("Re-referrals within 12 months", "target", "20%", None),
    ]
    assert [k for _, k, _, _ in rows("• Re-referrals within 12 months: 21.3% against a target of 20%")] == [
        "actual",
        "target",
    ]
    name = "Care leavers in education, employment or training"
    assert rows(f"• {name} (Q3 2023/24): 58% (target 60%; last quarter 55%)") == [
        (name, "actual", "58%", "Q3 2023/24"),
        (name, "target", "60%", None),
        (name, "previous_period", "55%", None),
    ]
    assert rows("2019 - 20: 45%") == []  # a year is no measure's name


def test_a_level_compared_with_an_earlier_one_and_a_rate_per_10000():
    name = "percentage of EHCPs issued within 20 weeks"
    assert rows(f"The {name} was 64% in Q2, compared with 58% in Q1.") == [
        (name, "actual", "64%", "Q2"),
        (name, "actual", "58%", "Q1"),
    ]
    assert [k for _, k, _, _ in rows("The number of children looked after was 412, up from 398 last year.")] == [
        "actual",
        "previous_year",
    ]
    figures = extract_narrative("The rate of children in need was 350 per 10,000 (England 343).", strict=True)
    assert [(f.indicator_raw, f.value_kind, f.unit) for f in figures] == [
        ("rate of children in need", "actual", "rate_per_10k"),
        ("rate of children in need", "national", "rate_per_10k"),
    ]


def test_label_lines_that_are_a_documents_fields_give_nothing():
    assert rows("Wards affected: 2") == []  # a bare number whose label says nothing it counts
    assert rows("Report date: 2023") == []
    assert rows("Agenda item: 7 (target 3)") == []
    assert rows("Children looked after: 412 (target 400)") == [
        ("Children looked after", "actual", "412", None),
        ("Children looked after", "target", "400", None),
    ]


def test_a_cohort_after_the_figure_is_no_set_form():
    # the figure of a cohort is no level of the whole measure: left to the general reader, which keeps
    # what it can tell apart
    for sentence in (
        "The percentage of pupils achieving the expected standard was 45% in the most deprived areas.",
        "The percentage of pupils achieving the expected standard was 65%, for boys.",
        "The rate of children looked after has risen in the most deprived areas to 56.1.",
    ):
        assert stated(sentence) is None, sentence
    assert stated("The rate of children looked after has risen during quarter 4 to 56.9.") is not None


def test_a_range_before_a_dash_is_no_label():
    # a risk matrix's key: `High 13 - 25` is the end of a range, not a measure's name and its figure
    assert rows("Level of Risk Score Low 1 - 6 Moderate 7 - 12 High 13 - 25") == []


# --------------------------------------------------------------------------- a percentage first


def test_a_percentage_first_with_its_target_and_an_earlier_value_in_brackets():
    name = "assessments were completed within 45 working days"
    assert rows("82.1% of assessments were completed within 45 working days (target 85%; last quarter 79.4%).") == [
        (name, "actual", "82.1%", None),
        (name, "target", "85%", None),
        (name, "previous_period", "79.4%", None),
    ]
    # the lead dates the figure, the bracket its earlier one (the general reader had dated 82.1% by Q2)
    assert rows("In Q3, 82.1% of assessments were completed within 45 working days (Q2: 79.4%).") == [
        (name, "actual", "82.1%", "Q3"),
        (name, "actual", "79.4%", "Q2"),
    ]


def test_a_percentage_first_holding_a_second_figure_or_a_dash_is_left_to_the_general_reader():
    assert stated(
        "100% of Child Protection Cases were allocated to a qualified social worker and 98.5% of Child "
        "Protection reviews have been completed within the required timescales."
    ) is None
    assert stated("46.9% of infants were breastfed in Arun – a smaller proportion than West Sussex.") is None
