"""One owner for periods: a phrase names the same period in a table header and in a sentence.

The table readers call `parse_period` on a header cell; the narrative reader finds the phrase in a
sentence and asks `extract.read.periods` what it names. Both must give the same type and dates.
"""

from __future__ import annotations

import pytest

from extract.read.narrative import extract_narrative
from extract.read.periods import parse_period

# (phrase as printed, how a sentence leads with it, expected type)
PHRASES = [
    ("2023/24", "In 2023/24", "financial_year"),
    ("2022-23", "In 2022-23", "financial_year"),
    ("Q2 2023/24", "In Q2 2023/24", "quarter"),
    ("Quarter 3 2024/25", "In Quarter 3 2024/25", "quarter"),
    ("30 September 2023", "On 30 September 2023", "point_in_time"),
    ("31st March 2024", "On 31st March 2024", "point_in_time"),
    ("March 2024", "In March 2024", "month"),
    ("Jan-25", "In Jan-25", "month"),
    ("Apr 2023 - Mar 2024", "From Apr 2023 - Mar 2024", "financial_year"),
    ("April 2023 to March 2024", "From April 2023 to March 2024", "financial_year"),
    ("Oct 2022 - Sep 2023", "From Oct 2022 - Sep 2023", "rolling_12_months"),
    ("Sep 2023 - Aug 2024", "From Sep 2023 - Aug 2024", "academic_year"),
    ("Apr-Jun 23", "In Apr-Jun 23", "quarter"),
    ("July-Sep 2023", "In July-Sep 2023", "quarter"),
    ("12 months to March 2024", "In the 12 months to March 2024", "rolling_12_months"),
    ("2023", "In 2023", "calendar_year"),
]


@pytest.mark.parametrize(("phrase", "lead", "period_type"), PHRASES, ids=[p[0] for p in PHRASES])
def test_a_phrase_names_one_period_in_headers_and_sentences(phrase, lead, period_type):
    header = parse_period(phrase)
    figures = extract_narrative(f"{lead}, 45% of the children were seen within ten working days.")
    found = [f for f in figures if f.value_raw == "45%"]
    assert len(found) == 1, f"the sentence gave {[(f.value_raw, f.period) for f in figures]}"
    sentence = found[0].period
    assert header.type == period_type, f"header {phrase!r} read as {header}"
    assert (sentence.type, sentence.start, sentence.end) == (header.type, header.start, header.end), (
        f"{phrase!r}: header {header} but sentence {sentence}"
    )


def test_a_snapshot_phrase_is_a_point_in_time_both_ways():
    header = parse_period("As at March 2024")
    sentence = extract_narrative("As at March 2024, 45% of the children had an up to date plan.")[0].period
    assert header.type == sentence.type == "point_in_time"
    assert header.end == sentence.end
