"""Counts of a whole in a sentence: `Of the 196 children ..., 7 became ...` (7 of 196), `300 children ...,
18 of which ...`, and a count out of its whole with its share in brackets (`60 out of 136 care leavers
(44%) ...`), which name the same measure."""

from __future__ import annotations

import itertools
import re

from extract.read.narrative.counts import _MODIFIER, _NOUNS
from extract.read.narrative.figures import _Fig
from extract.read.narrative.indicators import _clean


def assign_wholes(sentence: str, figs: list[_Fig]) -> None:
    """`Of the 196 children ..., 7 became ...` and `300 children ..., 18 of which ...`: 7 of 196, 18 of 300."""
    counts = [f for f in figs if not f.percent and f.rate_unit is None and f.attached_to is None]
    # (`2.1 Of the 58 children ...`: a numbered paragraph's number before it is no figure of the sentence)
    whole = re.match(r"\s*(?:\*\*)?\s*(?:\d{1,2}(?:\.\d{1,2})+\s+)?Of\s+(?:the\s+|these\s+|those\s+)?", sentence)
    if whole and counts and counts[0].start < whole.end():
        counts = counts[1:]  # the paragraph number, read as a figure
    if whole and len(counts) > 1 and counts[0].start == whole.end():
        part = counts[1]
        if part.kind == "actual" and part.numerator is None and part.value <= counts[0].value:
            part.numerator, part.denominator = part.value, counts[0].value
    for i, f in enumerate(counts):
        if f.of_which and i and f.numerator is None and f.value <= counts[i - 1].value:
            f.numerator, f.denominator = f.value, counts[i - 1].value


_SHARE_BRACKET = re.compile(r"\s*([A-Za-z][^()]{0,80}?)\s*\(\s*")
_CLAUSE_END = re.compile(r"[,;:.](?:\s|$)|\s+(?:but|while|whereas|compared)\b")


def shares_of_counts(sentence: str, figs: list[_Fig]) -> None:
    """`60 out of 136 care leavers (44%) aged 19-21 are in suitable accommodation`: a percentage in brackets
    after a count's noun phrase that is the count's share of its whole (60/136 = 44%) measures the same
    thing. Both are named by the noun phrase and what the sentence goes on to say of it, and the share
    keeps the count and its whole."""
    for f, g in itertools.pairwise(figs):
        if f.numerator is None or not f.denominator or not g.percent or g.attached_to is not None:
            continue
        noun = _SHARE_BRACKET.fullmatch(sentence[f.tail : g.start])
        close = re.match(r"\s*\)", sentence[g.tail :])
        if not noun or not close or abs(100 * f.numerator / f.denominator - g.value) > 0.6:
            continue
        rest = _CLAUSE_END.split(sentence[g.tail + close.end() :])[0]
        f.indicator = g.indicator = _clean(f"{noun.group(1)} {rest}")
        g.numerator, g.denominator = f.numerator, f.denominator


# `Activity information for 193 care leavers (77%) is ...`: a count of a counted noun, its share in brackets
_COUNT_BESIDE_SHARE = re.compile(rf"\s*((?:{_MODIFIER}\s+){{0,3}}?(?:{_NOUNS}))\s*\(\s*$", re.I)
_CHANGE_OF = re.compile(r"\b(?:increase|rise|decrease|fall|drop|reduction|change|growth)\s+of\s*$", re.I)
_STATEMENT_END = re.compile(
    r"[,;:.](?:\s|$)|\s+(?:but|while|whereas|compared)\b|\s+and\s+(?:this|that|it|there|these|they)\b", re.I
)
_CLAUSE_START = re.compile(r"(?:^|[,;:]\s+)(?=[^,;:]*$)")


def shares_of_bare_counts(sentence: str, figs: list[_Fig]) -> None:
    """`Activity information for 193 care leavers (77%) is recorded as not known`, `166 children (31%) are placed
    outside ...`: a share in brackets right after a count of a counted noun is the count's share, so the count is
    its numerator; both say one thing, named by the clause less the figures (never a change: `an increase of 96
    children (20%)`)."""
    for f, g in itertools.pairwise(figs):
        if f.percent or f.rate_unit or f.numerator is not None or not g.percent or g.numerator is not None:
            continue
        noun = _COUNT_BESIDE_SHARE.fullmatch(sentence[f.tail : g.start])
        close = re.match(r"\s*\)", sentence[g.tail :])
        if not noun or not close or not f.value.is_integer() or _CHANGE_OF.search(sentence[: f.start]):
            continue
        before = sentence[: f.start]
        lead = before[_CLAUSE_START.search(before).end() :]  # type: ignore[union-attr]
        rest = _STATEMENT_END.split(sentence[g.tail + close.end() :])[0]
        if not rest.strip():
            continue  # `166 children (31%).`: the noun alone names no measure
        g.indicator = _clean(f"{lead} {noun.group(1)} {rest}")
        g.numerator = f.value
