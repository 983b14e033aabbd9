"""Shares of two groups compared in one sentence: `Boys were more likely to consider themselves to be "very
active" (55%) than girls (45%)`. Each share is the one group's: named by its group and what the sentence says
of both (`Boys consider themselves to be "very active"`, `girls consider themselves to be "very active"`)."""

from __future__ import annotations

import re

from extract.read.narrative.figures import _Fig
from extract.read.narrative.indicators import _clean

_GROUP = r"[A-Za-z][\w'’ -]{0,40}?"
# `<group> were more likely to <verb phrase> (55%) than <group> (45%)`
_LIKELIER = re.compile(
    rf"^\s*(?P<a>{_GROUP})\s+(?:were|was|are|is)\s+(?:\w+\s+)?(?:more|less)\s+likely\s+(?:than\s+{_GROUP}\s+)?to\s+"
    rf"(?P<vp>[^()\d;:]+?)\s*\(\s*$",
    re.I,
)
_THAN = re.compile(rf"^\s*\)\s*,?\s*than\s+(?:(?:those|the)\s+)?(?P<b>{_GROUP})\s*\(\s*$", re.I)


def compared_groups(sentence: str, figs: list[_Fig]) -> None:
    """Name the two shares of `A were more likely to ... (x%) than B (y%)` by each group and the verb phrase."""
    for i in range(len(figs) - 1):
        f, g = figs[i], figs[i + 1]
        if not (f.percent and g.percent):
            continue
        first = _LIKELIER.match(sentence[: f.start])
        second = _THAN.match(sentence[f.tail : g.start])
        if first and second and re.match(r"\s*\)", sentence[g.tail :]):
            verb_phrase = first.group("vp")
            f.indicator = _clean(f"{first.group('a')} {verb_phrase}")
            g.indicator = _clean(f"{second.group('b')} {verb_phrase}")
