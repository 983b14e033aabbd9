"""The words that gate the set-form patterns of stated.py (`between`, `from`, `to`) are words every
match of those patterns has, in any letter case: a gate never skips a clause its pattern reads."""

from __future__ import annotations

import pytest

from extract.read.narrative import stated

CLAUSES = [
    "The rate of children in care per 10,000 rose from 52.1 to 54.9 this year",
    "THE RATE OF CHILDREN IN CARE PER 10,000 ROSE FROM 52.1 TO 54.9",
    "The Number Of Children Subject To A Plan Fell From 312 To 298",
    "The percentage of re-referrals has increased to 23% in March 2023",
    "The Percentage Of Re-Referrals Has Increased TO 23%",
    "The number of children in need has risen between March 2022 (3,010) and March 2023 (3,240)",
    "The Number of Children in Need Has Risen BETWEEN March 2022 (3,010) AND March 2023 (3,240)",
    "Average caseload was 17.2 in Q3",
]


@pytest.mark.parametrize("clause", CLAUSES)
def test_a_gate_word_is_in_every_clause_its_pattern_matches(clause: str) -> None:
    low = clause.lower()
    for pattern, words in ((stated._BETWEEN, ("between",)), (stated._FROM_TO, ("from", "to")), (stated._TO, ("to",))):
        if pattern.match(clause):
            assert all(w in low for w in words), (pattern.pattern[:40], clause)

