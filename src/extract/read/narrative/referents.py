"""Figures whose sentence names no measure of its own, named by what an earlier sentence of the block named.

- `Nationally there is an average of 20.2% of repeat child protection plans, regionally this is 20.7% and
  statistical neighbours are higher at 21.5%.` after `The proportion of children subject to a second or
  subsequent Child Protection Plan ... remains red at 16% against the target of 14%.`: a sentence of
  benchmarks only, whose figures' own words speak of that measure again (two or more of its words: `repeat
  child protection plans`), gives the benchmarks of the measure the block's earlier sentence named
  (Cheshire West's outcome pages). A sentence the reader could name by nothing but itself keeps that name:
  the benchmarks of a subgroup (`Children living in the most deprived 20% of areas ...`) are no benchmarks
  of the measure before them.
- `Cheshire West has experienced a significant reduction in the number of children in need, currently at 262.3
  per 10,000, below the target of 310 per 10,000.`: the measure phrase the figure is set beside (`the number of
  ..., currently at`) names it, not the sentence's subject (a council); the sentence's other figures the reader
  named as it did that one (the target) follow it.
- `The target for 2014/15 (annual measure) for the percentage of children looked after ... was 9.5%`: the
  kind's word, its period, then the measure `for the percentage of ...` the figure is of; `Conwy's actual
  performance for 2015/16 was 10.6%` after it, a performance of no measure named, is that measure's.
- `The target for this measure is 80%.` after `Performance is monitored by the statutory measure “The
  percentage of initial assessments completed within 7 working days”.`: `this measure` is the measure the
  block quoted last (Conwy's annual report).
"""

from __future__ import annotations

import re
from dataclasses import replace

from extract.model import Period, RawFigure, normalise_space
from extract.read.kinds import classify_header
from extract.read.narrative.text import _STOPWORDS

BENCHMARK_KINDS = frozenset({"national", "regional", "statistical_neighbours", "comparator_group"})
_THIS_MEASURE = re.compile(r"\b(?:this|that|the\s+same)\s+(?:measure|indicator|performance\s+indicator)\b", re.I)
# a name in typographic or straight double quotes, of three words or more
_QUOTED = re.compile(r"[“\"]([A-Z][^“”\"]{10,200}?)[”\"]")


def quoted_measure(sentence: str) -> str | None:
    """The last name a sentence quotes (`the statutory measure “The percentage of ...”`), or None."""
    found = [normalise_space(q).rstrip(".").strip() for q in _QUOTED.findall(sentence)]
    found = [q for q in found if len(q.split()) >= 3]
    return found[-1] if found else None


# `... the number of children in need, currently at 262.3 per 10,000`: a measure phrase, then `currently at`
_CURRENTLY_AT = re.compile(
    r"\b(?:the\s+)?((?:number|rate|percentage|proportion)\s+of\s+[^,;:()]{3,80}?),\s+(?:currently|now)\s+at\s*$",
    re.I,
)


# `The target for 2014/15 (annual measure) for the percentage of ... was 9.5%`
_KIND_FOR_MEASURE = re.compile(
    r"^The\s+(?P<kind>[a-z]+)\s+for\s+(?:[^\s()]*\d[^\s()]*)\s+(?:\([^()]{1,40}\)\s+)?for\s+"
    r"(?P<measure>the\s+(?:percentage|proportion|number|rate)\s+of\s+[^()%]{5,200}?)\s+(?:was|is)\s+[\d.,]+%?",
    re.I,
)
# `Conwy's actual performance`, `performance`: a performance of no measure named
_BARE_PERFORMANCE = re.compile(r"^(?:[A-Z][\w’'-]*(?:’s|'s)\s+)?(?:(?:actual|overall)\s+)?performance$", re.I)


def named_by_form(found: list[RawFigure], sentence: str) -> list[RawFigure]:
    """`The target for 2014/15 (...) for the percentage of ... was 9.5%`: the first figure is of that kind
    (the header vocabulary's word) and of that measure."""
    m = _KIND_FOR_MEASURE.match(sentence)
    if m is None or not found or (found[0].indicator_raw != sentence and (found[0].indicator_raw or "") in sentence):
        return found  # (the sentence's own measure wins over a name from outside it: a heading's, a section's)
    meaning = classify_header(m.group("kind"))
    if meaning.role != "value" or meaning.kind is None:
        return found
    first = replace(found[0], indicator_raw=normalise_space(m.group("measure")), value_kind=meaning.kind)
    return [first, *found[1:]]


def named_beside(found: list[RawFigure], sentence: str) -> list[RawFigure]:
    """The sentence's figures, the one set beside `the <measure>, currently at` named by that measure and
    the others the reader named alike following it."""
    for f in found:
        at = sentence.find(f.value_raw)
        m = _CURRENTLY_AT.search(sentence[:at]) if at > 0 else None
        if m is None or m.group(1) == f.indicator_raw:
            continue
        old, new = f.indicator_raw, normalise_space(m.group(1))
        return [replace(g, indicator_raw=new) if g.indicator_raw == old else g for g in found]
    return found


def named_by_earlier(
    found: list[RawFigure], sentence: str, earlier: list[tuple[str, RawFigure]], quoted: str | None,
    topic: str | None = None, where: tuple[int | None, str | None] = (None, None),
) -> list[RawFigure]:
    """The sentence's figures, renamed when the sentence names no measure of its own (see the module);
    where: the page and section of the text, for a figure only the quoted measure names."""
    if not found:
        return _bare_kind(sentence, quoted, *where)
    found = named_by_form(named_beside(found, sentence), sentence)
    own = [f for s, f in earlier if f.indicator_raw and f.indicator_raw != s and not _BARE_PERFORMANCE.match(
        f.indicator_raw)]
    if (own or topic) and any(_BARE_PERFORMANCE.match(f.indicator_raw or "") for f in found):
        # (the block's own measure, else the one the text under the same heading quoted last)
        measure = own[-1].indicator_raw if own else topic
        found = [replace(f, indicator_raw=measure) if _BARE_PERFORMANCE.match(f.indicator_raw or "") else f
                 for f in found]
    if quoted and _THIS_MEASURE.search(sentence) and quoted not in sentence:
        return [f if (f.indicator_raw or "") in sentence else replace(f, indicator_raw=quoted) for f in found]
    if all(f.value_kind in BENCHMARK_KINDS for f in found):
        named = [f for s, f in earlier if f.indicator_raw and f.indicator_raw != s and f.value_kind == "actual"]
        measure = named[-1].indicator_raw if named else None
        if measure and all(
                f.indicator_raw != sentence and _same_subject(f.indicator_raw or "", measure) for f in found):
            return [replace(f, indicator_raw=measure) for f in found]
    return found


_CONTENT = re.compile(r"[a-z]{4,}")
MIN_SHARED_WORDS = 2


def _stems(text: str) -> set[str]:
    return {w[:-1] if w.endswith("s") else w for w in _CONTENT.findall(text.lower()) if w not in _STOPWORDS}


def _same_subject(name: str, measure: str) -> bool:
    """A benchmark's own words that speak of the measure again (`repeat child protection plans` of `children
    subject to a second or subsequent Child Protection Plan`): two or more of their words are the measure's."""
    return len(_stems(name) & _stems(measure)) >= MIN_SHARED_WORDS


# `The target is 9.5%.`: a kind's word and its figure, nothing else
_BARE_KIND = re.compile(
    r"^\s*The\s+(?P<kind>[A-Za-z]+(?:\s+[A-Za-z]+)?)\s+(?:is|was)\s+(?P<fig>\d[\d,]*(?:\.\d+)?\s?%?)\s*\.?\s*$"
)


def _bare_kind(sentence: str, quoted: str | None, page: int | None, section: str | None) -> list[RawFigure]:
    """`The target is 9.5%.` after the block quoted `“The percentage of children looked after ... during the
    year.”`: a sentence of a kind's word (the header vocabulary's: target, national average) and one figure is that
    kind of the measure the block quoted last; with no measure quoted it names nothing, and gives nothing."""
    m = _BARE_KIND.match(sentence)
    if m is None or quoted is None:
        return []
    meaning = classify_header(m.group("kind"))
    if meaning.role != "value" or meaning.kind is None or meaning.kind == "actual":
        return []
    fig = m.group("fig").strip()
    return [RawFigure(indicator_raw=quoted, value_raw=fig, value_kind=meaning.kind, context=sentence,
                      source="narrative", period=Period(None), unit="percent" if fig.endswith("%") else None,
                      section=section, page=page)]  # fmt: skip
