"""`increase in Fostering to 61.1%`, `a reduction in supported accommodation to 6.7%`: a change noun (mappings/
statement_verbs.csv, role `change`) said of a thing, then `to` and the figure: the figure is the level the thing
moved to, so the thing names it (not the change, nor a heading above it)."""

from __future__ import annotations

import re

from extract.read.narrative.figures import _Fig
from extract.read.narrative.indicators import _clean
from extract.read.narrative.phrases import _Mention
from extract.read.narrative.stated import _V
from extract.read.narrative.text import _has_verb

# the change noun opens the sentence (after a bullet glyph, an article): with a subject before it, the thing after
# `in` is a cohort of that subject (`Persistent absence saw an increase in the secondary phase to 14.2%`)
_MOVED_TO = re.compile(
    rf"^\s*(?:[^\w\s]\s*|\S\s+)?(?:an?\s+|the\s+)?(?:{_V['change']})\s+in\s+(?:the\s+)?"
    r"(?P<thing>[A-Za-z][^\d,;:()%]{1,60}?)\s+to\s*$",
    re.I,
)


def moved_to(sentence: str, figs: list[_Fig]) -> None:
    """Name the figure after `<change> in <thing> to` by the thing (no verb nor number in it)."""
    for f in figs:
        if f.attached_to is not None:
            continue
        m = _MOVED_TO.search(sentence[: f.start])
        if m and not _has_verb(m.group("thing")):
            f.indicator = _clean(m.group("thing"))


# `..., and the number of ... reduced from`: a new clause with its own subject
_NEW_CLAUSE = re.compile(r"[;:]|,\s+(?:and|but|while|whereas)\s+(?:the|this|these|it|there)\b", re.I)


def moved_from(sentence: str, earlier: _Fig, later: _Fig, mentions: list[_Mention]) -> bool:
    """`an increase from 8% to 9%`, nothing between the two figures but `to`: the earlier is where the measure
    was (the previous period's), not a second value of the later's period, nor of a period an earlier clause
    named (`... 4,859 for the year ending June 2012, and the number of ... reduced from 8,518 to 7,659`)."""
    if earlier.kind != "actual" or later.kind != "actual":
        return False
    if earlier.period == later.period:
        return True
    named = [m for m in mentions if m.period is not None and m.period == earlier.period and m.end <= earlier.start]
    return bool(named) and all(_NEW_CLAUSE.search(sentence[m.end : earlier.start]) for m in named)
