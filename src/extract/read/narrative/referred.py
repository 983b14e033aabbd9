"""A count said to be part of the count the sentence before gave: `A total of 358 children were living in foster
care at the end of December. Of that number, 268 were living with ... carers.` The part opens its sentence after
`Of that number,` / `Of these,` / `Of them,`, its verb right after it; it counts the earlier count's noun (a counted
noun, mappings/counted_nouns.csv) at the earlier count's date, and is named by that noun and its own predicate
(`children were living with ... carers`). For the strict reader, which leaves a bare count with no noun of its own."""

from __future__ import annotations

import re

from extract.model import RawFigure
from extract.read.narrative.counts import _NOUNS

_OF_THAT = re.compile(
    r"^\s*(?:\d{1,2}(?:\.\d{1,2})+\s+)?of\s+(?:(?:that|this|the)\s+(?:number|total|figure|group|cohort)|these|those"
    r"|them)\s*,?\s*(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+(?P<pred>(?:were|was|are|is|had|have|has)\s+[^,;:]*?)\.?\s*$",
    re.I,
)
_HEAD = re.compile(rf"(?<![\w'’-])(?:{_NOUNS})(?![\w'’-])", re.I)


def part_of_earlier(sentence: str, before: list[tuple[str, RawFigure]], previous: str | None) -> RawFigure | None:
    """The part `Of that number, 268 were ...` of the last count of the sentence before, or None."""
    m = _OF_THAT.match(sentence)
    if m is None or not before or before[-1][0] != previous:
        return None
    whole = before[-1][1]
    noun = _HEAD.search(whole.indicator_raw or "")
    if whole.unit != "count" or whole.value is None or noun is None:
        return None
    value = float(m.group("n").replace(",", ""))
    if value >= whole.value:
        return None  # a part is smaller than its whole
    return RawFigure(
        indicator_raw=f"{noun.group(0)} {m.group('pred').strip()}",
        value_raw=m.group("n"),
        value_kind="actual",
        context=sentence,
        source="narrative",
        period=whole.period,
        unit="count",
        value=value,
        section=whole.section,
        page=whole.page,
    )
