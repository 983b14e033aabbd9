"""The narrative reader's gates (speed only): a period pattern is skipped on a sentence its gate
finds nothing in, so every gate must find something wherever its pattern does."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.read.narrative import extract_narrative, narrative_blocks, sentences
from extract.read.narrative.phrases import _GATES, _PERIOD_PATTERNS
from extract.read.narrative.reader import _MEASURE_NOUN, _MEASURE_PHRASE

CASES = Path(__file__).parent / "cases"
CRAFTED = [
    "In the 12 months to MARCH 2024, 45% of children were seen.",
    "Between April and June the rate fell to 12.5 per 10,000.",
    "From Sept 2023 to Jan 2024 there were 31 referrals (Q3 2023/24).",
    "Performance in quarter two of 2022-23 was 88%, up from 80% the previous year.",
    "Over the last six Months, 14 children, down since then, and in 2021, 9.",
    "The re-referral RATE was 22% on 3rd Feb, 2025; the Percentage in EET 55%.",
    "Apr-Jun 23 saw 40 visits, against 35 in Jan 2023 - Mar 2023 and 30 in Oct to Dec, 2022.",
]


def _sentences() -> list[str]:
    out = list(CRAFTED)
    for source in sorted(CASES.glob("*/input.txt")):
        for block in narrative_blocks(source.read_text(encoding="utf-8")):
            out.extend(sentences(block))
    return out


SENTENCES = _sentences()


def test_every_pattern_has_a_gate_slot():
    assert len(_GATES) == len(_PERIOD_PATTERNS)


@pytest.mark.parametrize("index", range(len(_PERIOD_PATTERNS)), ids=[k for k, _ in _PERIOD_PATTERNS])
def test_a_gate_finds_something_wherever_its_pattern_does(index):
    (_, pattern), gate = _PERIOD_PATTERNS[index], _GATES[index]
    found = [s for s in SENTENCES if pattern.search(s)]
    assert found, "a pattern the sentences never exercise"
    if gate is not None:
        assert all(gate.search(s) for s in found)


def test_the_measure_phrase_needs_its_noun():
    found = [s for s in SENTENCES if _MEASURE_PHRASE.search(s)]
    assert found and all(_MEASURE_NOUN.search(s) for s in found)


def test_a_count_out_of_its_whole_and_its_share_in_brackets_name_the_same_measure():
    # ../shared/pdfs ofsted-sif-sunderland-2015 p.33: the 60 was named `care leavers` and matched as the count
    # of care leavers; the 44% (60/136) says what the 60 counts
    figures = extract_narrative(
        "Only 60 out of 136 care leavers (44%) aged 19 to 21 years are in suitable accommodation.", strict=True)
    name = "care leavers aged 19 to 21 years are in suitable accommodation"
    assert [(f.indicator_raw, f.value_raw, f.numerator, f.denominator) for f in figures] == [
        (name, "60", 60, 136), (name, "44%", 60, 136)]
    # a bracketed percentage that is not the count's share (12/40 is 30%) is not taken for it
    figures = extract_narrative("12 out of 40 children (50%) were seen within a week.", strict=True)
    assert [f.numerator for f in figures if f.value_raw == "50%"] == [None]


def test_the_upper_end_of_an_age_range_in_words_is_no_figure():
    # `aged 19 to 21`: the 21 was read as a count of 21 of the 136
    figures = extract_narrative("Of the 136 care leavers aged 19 to 21, 60 (44%) are in suitable accommodation.",
                                strict=True)  # fmt: skip
    assert "21" not in [f.value_raw for f in figures]
    assert [(f.value_raw, f.numerator, f.denominator) for f in figures if f.value_raw == "60"] == [("60", 60, 136)]


def test_a_list_of_age_bands_after_aged_gives_no_figure():
    # a health profile's caption: `15` and `24` were read as rates per 10,000
    figures = extract_narrative(
        "Crude rate (per 10,000) of hospital admissions for unintentional and deliberate injuries in children "
        "aged under 5, 0-14 and 15 to 24 (2017/18)", strict=False)  # fmt: skip
    assert figures == []
    # shares after a list of ages are still shares (a Darlington seed sentence)
    figures = extract_narrative(
        "98.4% of our care leavers aged 19-21 and 97.9% of our care leavers aged 22-25 were in suitable "
        "accommodation.", strict=True)  # fmt: skip
    assert [f.value_raw for f in figures] == ["98.4%", "97.9%"]


def test_a_share_that_picks_out_areas_is_no_figure():
    sentence = ("Children living in the most deprived 20% of areas in England had higher levels of decay "
                "(33.7% with decay experience) than those from the least deprived 20% (13.6%).")
    assert [f.value_raw for f in extract_narrative(sentence, strict=True)] == ["33.7%", "13.6%"]
    for sentence in ("Four small areas in Arun are among the 10% most deprived areas in England.",
                     "West Sussex is among the 15% least deprived upper tier local authorities in England.",
                     "In the top 10% of schools, 95% of pupils reached the expected standard."):
        assert "10%" not in [f.value_raw for f in extract_narrative(sentence, strict=True)]
        assert "15%" not in [f.value_raw for f in extract_narrative(sentence, strict=True)]

    # the poorest / wealthiest N% pick out a cohort too (an ADCS report)
    sentence = ("Children from the poorest 20% of households are four times as likely to have serious mental "
                "health difficulties by the age of 11 as those from the wealthiest 20%.")
    assert "20%" not in [f.value_raw for f in extract_narrative(sentence, strict=True)]


def test_a_key_band_after_its_ranges_is_no_figure():
    sentence = "% of Children in Low Income Households 19% to 48% 10% to 19% 6% to 10% Under 6%"
    assert [f.value_raw for f in extract_narrative(sentence, strict=True)] == []
    # a bound after a change stays a figure: `fell from 12% to 9%, under 10% for the first time`
    figures = extract_narrative("Persistent absence was 9% in 2023, under 10% for the first time.", strict=True)
    assert "9%" in [f.value_raw for f in figures]


def test_the_other_side_of_one_in_n_is_no_count():
    figures = extract_narrative("One in five people in the North live in poverty compared with one in 49 people "
                                "in London.", strict=False)  # fmt: skip
    assert "49" not in [f.value_raw for f in figures]


def test_a_change_after_up_or_down_and_the_ends_of_a_range_are_no_levels():
    def read(sentence: str) -> list[str]:
        return [f.value_raw for f in extract_narrative(sentence, strict=True)]

    assert read("Contacts topped three million in the year, up 8% on phase eight of the research.") == []
    assert read("The proportion has fluctuated between 30 and 50%, and has been higher than nationally.") == []
    assert read("% of Children in Low Income Households 19% to 48% 10% to 19%") == []
    # a change stated from one level to another, `up to` and `made up` are read as before
    assert read("The rate rose from 19% to 48% in the year.") == ["19%", "48%"]
    assert read("The proportion went up to 35% in March.") == ["35%"]
    assert "96.6%" in read("White British and White Other made up 96.6% of the total population of West Sussex.")
