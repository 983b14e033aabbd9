"""Shares of one population listed after `, with`: `The majority of children (70.9%) in West Sussex live in married
couple households, with 18.3% living in lone parent households, 10% in co-habiting households and 0.8% "not in a
family"`. The first share restates `<amount> of <noun>` in brackets; the shares after `, with`, with no `of` of their
own, are parts of the same population: each is named by the population's noun and its own words (`children living
in lone parent households`, `children in co-habiting households`), the first by the noun and the clause after its
bracket (`children in West Sussex live in married couple households`)."""

from __future__ import annotations

import re

from extract.read.narrative.figures import _Fig
from extract.read.narrative.indicators import _clean

# `The majority of children (`, `Just over half of pupils (`: the population the bracketed share restates
_OF_NOUN = re.compile(r"\bof\s+(?:the\s+|all\s+)?(?P<noun>[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2})\s*\(\s*$")
_WITH = re.compile(r",\s+with\s+$", re.I)
_JOINT = re.compile(r"^(?P<words>[^,;:()\d]*?)\s*(?:,\s*(?:and\s+)?|\s+and\s+)$", re.I)
_LAST = re.compile(r"^(?P<words>[^,;:()\d]*?)\s*(?:[(.;]|$)")


def with_members(sentence: str, figs: list[_Fig]) -> None:
    """Name the shares of `<amount> of <noun> (x%) <clause>, with y% <words>, z% <words> and w% <words>`."""
    if len(figs) < 3 or not all(f.percent for f in figs):
        return
    first = figs[0]
    population = _OF_NOUN.search(sentence[: first.start])
    close = re.match(r"\s*\)", sentence[first.tail :])
    if population is None or close is None:
        return
    start = first.tail + close.end()
    head = sentence[start : figs[1].start]
    lead = _WITH.search(head)
    if lead is None or re.search(r"[,;:]", head[: lead.start()]):
        return
    noun = population.group("noun")
    names = [_clean(f"{noun} {head[: lead.start()]}")]
    for k, f in enumerate(figs[1:], start=1):
        after = sentence[f.tail : figs[k + 1].start] if k + 1 < len(figs) else sentence[f.tail :]
        words = (_JOINT if k + 1 < len(figs) else _LAST).match(after)
        if words is None or not words.group("words").strip() or re.match(r"\s*of\b", after, re.I):
            return  # `..., with 55% of ...`: a share of its own population, not a part of this one
        names.append(_clean(f"{noun} {words.group('words')}"))
    for f, name in zip(figs, names, strict=True):
        f.indicator = name
