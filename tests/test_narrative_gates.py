"""The narrative reader's gates (speed only): a period pattern is skipped on a sentence its gate
finds nothing in, so every gate must find something wherever its pattern does."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.read.narrative import narrative_blocks, sentences
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
