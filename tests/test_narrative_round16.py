"""Narrative round 16 (narrative16): shares dealt out by `respectively`, read/narrative/respective.py. Hand-written
probe sentences, none a dev document's."""

from __future__ import annotations

from extract.read.narrative import extract_narrative


def _rows(text: str) -> list[tuple[str, str]]:
    return [(f.value_raw, f.indicator_raw or "") for f in extract_narrative(text, strict=True)]


def test_respectively_deals_the_shares_to_the_subjects_members_in_order():
    text = ("Schools and GPs remain the main sources of contacts (accounting for 31% and 12% of contacts "
            "respectively), followed by the police (9%) and housing services (4%).")
    assert _rows(text) == [
        ("31%", "contacts from Schools"),
        ("12%", "contacts from GPs"),
        ("9%", "contacts from the police"),
        ("4%", "contacts from housing services"),
    ]


def test_without_a_relation_noun_a_member_is_a_share_of_the_whole():
    text = "Boys and girls make up 58% and 42% of the cohort respectively."
    assert _rows(text) == [("58%", "Boys as a share of the cohort"), ("42%", "girls as a share of the cohort")]


def test_members_and_shares_that_do_not_pair_leave_the_sentence_as_read():
    text = ("Boys, girls and others make up 55%, 40% and 5% of the cohort respectively, which is typical. "
            "The police and schools (accounting for 28% and 17% of referrals respectively) lead.")
    names = [name for _, name in _rows(text)]
    assert not any("as a share of" in n or " from " in n for n in names), names


def _kinds(text: str) -> list[tuple[str, str, str, str | None]]:
    return [(f.value_raw, f.value_kind, f.indicator_raw or "", f.period.label)
            for f in extract_narrative(text, strict=True)]


def test_a_count_in_brackets_after_from_is_where_the_kept_count_started():
    text = "There were 812 referrals to early help in 2022, a steady rise (from 640 in 2018)."
    assert _kinds(text) == [("812", "actual", "referrals to early help", "2022"),
                            ("640", "actual", "referrals to early help", "2018")]
    text = "There were 45 children in care in 2021 (from 30)."
    assert _kinds(text)[1] == ("30", "previous_period", "children in care", None)


def test_a_count_in_brackets_with_a_noun_of_its_own_is_no_earlier_level():
    assert [v for v, *_ in _kinds("There were 45 children in care (from 12 families) in 2021.")] == ["45"]
