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
