"""A tile whose big figure heads a sentence: `48.5%` over `of total waste was recycled against a 50% target`.

Annual reports' summary pages print a figure first and the words that finish it under it, in small type:
the sentence names the measure and may end in the figure's comparisons, `against a target of 480`,
`against a 50% target`, `from 90.1% in 2015/16`. The name is the sentence up to its first comparison;
a comparison's kind comes from the header vocabulary (mappings/header_words.csv) applied to its label
word, as a column header's does (`target`, `England average`); a `from X in <period>` is the figure the
measure had in that period. A period ending the name (`... Care Service in 2016/17`) dates the big
figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.model import normalise_space
from extract.read.kinds import classify_header
from extract.read.periods import parse_period

_FIG = r"£?-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?"
_ARTICLE = r"(?:an?|the)\s+"
# `against a target of 480`, `against the England average of 55%`, `against a target of the same value`
_LABEL = r"(?P<label>[A-Za-z][A-Za-z '’-]*?)"
_LABEL_OF = re.compile(
    rf",?\s+against\s+{_ARTICLE}{_LABEL}\s+of\s+(?P<fig>{_FIG}|the\s+same\s+value)(?=[\s.,;]|$)", re.I
)
# `against a 50% target`
_FIG_LABEL = re.compile(rf",?\s+against\s+{_ARTICLE}(?P<fig>{_FIG})\s+{_LABEL}(?=[.,;]|$)", re.I)
# `from 90.1% in 2015/16`: the figure the measure had then
_FROM = re.compile(rf",?\s+from\s+(?P<fig>{_FIG})\s+in\s+(?P<period>[^,.;]+?)(?=[.,;]|$)", re.I)
_PERIOD_AT_END = re.compile(r"\s+(?:in|for|during)\s+(?P<period>[^\s,.;]*\d[^\s,.;]*)$", re.I)


@dataclass(frozen=True)
class TileSentence:
    name: str
    period: str | None  # the big figure's period, when the sentence ends its name with one
    others: tuple[tuple[str, str, str | None], ...]  # (figure, kind, period) of the comparisons


def read_tile_sentence(text: str) -> TileSentence | None:
    """The name and comparisons of the sentence under a tile's figure, or None when it is no such
    sentence: it must carry on from the figure (start with a small letter: `of`, `jobs were ...`)."""
    text = normalise_space(text)
    if not text[:1].islower():
        return None
    clauses: list[tuple[int, tuple[str, str, str | None] | None]] = []
    for pattern in (_LABEL_OF, _FIG_LABEL):
        for m in pattern.finditer(text):
            meaning = classify_header(m.group("label"))
            if meaning.role != "value" or meaning.kind is None:
                continue
            same = m.group("fig").lower().startswith("the")
            clauses.append((m.start(), None if same else (m.group("fig"), meaning.kind, None)))
    for m in _FROM.finditer(text):
        period = m.group("period").strip()
        if parse_period(period).type == "unknown":
            continue
        clauses.append((m.start(), (m.group("fig"), "actual", period)))
    cut = min((start for start, _ in clauses), default=len(text))
    name = text[:cut].strip(" ,;.")
    period = None
    ending = _PERIOD_AT_END.search(name)
    if ending and parse_period(ending.group("period")).type != "unknown":
        period, name = ending.group("period"), name[: ending.start()].strip(" ,")
    if not name:
        return None
    return TileSentence(name, period, tuple(c for _, c in sorted(clauses, key=lambda c: c[0]) if c is not None))
