"""The matcher against the reviewed must-match and must-not-match lists."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from extract.mappings import load_mappings
from extract.matching import Matcher
from extract.settings import DEFAULT_SETTINGS

LISTS = Path(__file__).parent / "matcher"
MUST_MATCH = pd.read_csv(LISTS / "must_match.csv", dtype=str, keep_default_na=False)
MUST_NOT = pd.read_csv(LISTS / "must_not_match.csv", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def matcher():
    return Matcher(load_mappings())


def _match(matcher, query, council=""):
    return matcher.match(query, scopes=(council,), rule=DEFAULT_SETTINGS.fuzzy_rule())


@pytest.mark.parametrize("row", MUST_MATCH.to_dict("records"), ids=list(MUST_MATCH["query"]))
def test_must_match(matcher, row):
    found = _match(matcher, row["query"], row.get("council_id", ""))
    assert found.indicator_id == row["indicator_id"], found.as_json()


@pytest.mark.parametrize("row", MUST_NOT.to_dict("records"), ids=list(MUST_NOT["query"]))
def test_must_not_match(matcher, row):
    found = _match(matcher, row["query"])
    assert found.indicator_id != row["indicator_id"], found.as_json()


def test_one_indicator_written_many_ways_lands_on_one_id(matcher):
    names = [
        "% re-referrals to Social Care within 12 months",
        "Children's social care re-referrals",
        "% of referrals which are repeat referrals",
        "SCC/010 % of repeat referrals within 12 months",
    ]
    ids = {_match(matcher, n).indicator_id for n in names}
    assert len(ids) == 1 and None not in ids


def test_distinct_pairs_stay_apart(matcher):
    pairs = [
        ("Children's social care referrals per 10,000 population", "Number of referrals"),
        ("% Care Leavers in Touch (17-18 years old)", "% Care Leavers in Touch (19-21 years old)"),
        ("% of Child Protection Plans lasting 2 years or more",
         "% of children with a second or subsequent Child Protection Plan"),
        ("% of draft EHCPs issued within 16 weeks of the date of request",
         "% of EHCPs issued within 20 weeks of the date of request"),
    ]  # fmt: skip
    for a, b in pairs:
        ma, mb = _match(matcher, a), _match(matcher, b)
        assert ma.indicator_id and mb.indicator_id, (ma.as_json(), mb.as_json())
        assert ma.indicator_id != mb.indicator_id, (a, b, ma.indicator_id)


def test_a_code_wins_over_the_words(matcher):
    found = matcher.match("SCC/010 something printed differently")
    assert found.method == "code"


def test_nonsense_is_unmatched_with_candidates(matcher):
    found = _match(matcher, "Number of potholes repaired on the A38")
    assert found.indicator_id is None and found.method == "unmatched"
    assert len(found.candidates) == DEFAULT_SETTINGS.candidates


def test_every_seed_table_name_matches(pipeline):
    """Every indicator printed in a seed's KPI table lands on a catalogue id."""
    from helpers import case_dirs, run_case

    unmatched = []
    for case in case_dirs():
        for row in run_case(case, pipeline).observations:
            if row["source"] == "table" and row["indicator_id"] is None:
                unmatched.append((case.name, row["indicator_raw"]))
    assert not sorted(set(unmatched))
