"""The indicator each figure of a sentence measures, chosen among its own words, the measures the sentence
names, its subject, the measures of earlier sentences and the heading (indicators.py reads the phrases)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from extract.read.narrative.counts import count_name
from extract.read.narrative.figures import _KIND_ANY, _Fig
from extract.read.narrative.indicators import (
    _QUALIFIER_JOINS,
    _clean,
    _compatible,
    _fig_class,
    _head_noun,
    _last_word,
    _left_measure,
    _paren_measure,
    _phrase_class,
    _predicate,
)
from extract.read.narrative.naming import _SAYING, _names_something
from extract.read.narrative.phrases import _Mention
from extract.read.narrative.text import _GENERIC_WORDS, _STOPWORDS, _has_verb, _words


@lru_cache(maxsize=4096)
def _tokens(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z]+|\d+(?:\.\d+)?", text.lower()) if w not in _STOPWORDS)


def _overlap(a: str, b: str) -> int:
    return len(_tokens(a) & _tokens(b))


def _best_match(f: _Fig, candidates: list[_Fig]) -> str | None:
    """The candidate whose indicator shares most words with the figure's own words (`in 72hrs` → `within 72 hours`)."""
    fitting = [g for g in candidates if _compatible(_fig_class(f), _fig_class(g))]
    if not fitting:
        return None
    return max(reversed(fitting), key=lambda g: _overlap(f.qualifier, g.indicator)).indicator


_SECOND_PREDICATE = re.compile(r"\s+(?:and|but)\s+[a-z]{3,}ed(?:\s+(?:for|to|at|in|of|by))?\s*$")
_REFERS_BACK = re.compile(r"^\s*(?:this|that|it)\s+(?:compares|is|was|remains|sits|stands)\b", re.I)
_SAID = re.compile(rf"(?:{_SAYING})\b", re.I)  # `said that ...` right after a share (mappings/reporting_verbs.csv)
_SHARE_OF = re.compile(r"(?:percentage|proportion)\s+of\s+", re.I)


@dataclass
class _Memory:
    """What earlier text offers as indicator names: the last heading, and the figures named since it."""

    recent: int  # how many earlier figures may lend their name (NarrativeSettings.recent_figures)
    heading: str | None = None
    named: list[_Fig] = field(default_factory=list)
    # the last measure an earlier sentence of the block named without a figure (`a consistently low
    # re-referral rate for ...`): what `The latest rate` after it refers to
    phrase: str | None = None


def _choose_indicator(
    f: _Fig, i: int, sentence: str, figs: list[_Fig], mentions: list[_Mention], subject: tuple[str | None, str | None],
    owned: list[_Fig], memory: _Memory, section: str | None,
) -> tuple[str, bool]:  # fmt: skip
    """The indicator phrase, and whether it came from the figure's own words (then later figures may reuse it).

    Order: the figure's own words; the measure it compares with in this sentence; the sentence's
    subject; the measures of earlier sentences; the heading; the section.
    """
    name, vague = subject
    generic = vague is not None
    cls = _fig_class(f)
    previous = [g for g in owned[-memory.recent :] if _compatible(cls, _fig_class(g))]
    if f.attached_to is not None and f.noun:
        return _clean(f"{f.noun} {f.rest or _predicate(figs[f.attached_to].indicator)}"), True
    if not i and (whole := _restated_whole(f, sentence, memory)):
        return whole, True  # `Of the 147, 92 are ...`: the 147 an earlier sentence named
    if f.own and f.of_all and name and not generic and _phrase_class(name) == "percent":
        return name, True  # `The % of UASC ... at 6% of all Looked After Children`
    if f.own and f.of_all and name and not generic and f.percent:
        # `UASC now comprise 6% of all children in care`: the subject's share of the whole
        return _clean(f"{name} as a share of all {f.own}"), True
    part = _part(f, i, sentence, figs, None if generic else name)
    if part:
        # `samples collected represented 8% of the population of that age group`: the part's share of the whole
        # the whole ends where a second predicate of the part, whose object is the next figure, begins (`... of
        # children in care nationally and accounted for 17% ...`)
        whole = _SECOND_PREDICATE.split(f.own or f.weak or "")[0]
        return _clean(f"{part} as a share of {'all ' if f.of_all else ''}{whole}"), True
    if f.own:
        return _shared_predicate(f, i, sentence, figs), True
    if f.weak and (shared := _shared_predicate(f, i, sentence, figs)) != f.weak:
        return shared, True  # `50% of boys and 57% of girls said they ...`: a cohort of one word shares it too
    if f.inherit_full and previous:
        return previous[-1].indicator, False
    following = figs[i + 1] if i + 1 < len(figs) else None
    if following and following.own and re.fullmatch(r"\s*(?:,|and|or)\s*", sentence[f.tail : following.start]):
        return following.own, False  # `16% and 13% respectively, of audits grading ...`
    if f.predicate and previous and previous[-1].predicate == f.predicate:
        return previous[-1].indicator, True  # `59 (6.0%) were LAC`: the share of the count before it says the same
    if f.predicate:
        head = _whole_head(previous[-1].indicator) if previous else (name if name and not generic else None)
        if head:
            return _clean(f"{head} {f.predicate}"), True
    found = _paren_measure(sentence, f, figs, mentions)
    share = _SHARE_OF.match(found or "")
    if share and f.percent and f.predicate:
        # `A high proportion of children in Sunderland (86%) are subject to a plan ...`: as `86% of children in
        # Sunderland are subject to ...`, what the share is of and what the sentence says of them
        return _clean(f"{found[share.end():]} {f.predicate}"), True
    measure = _left_measure(sentence, f, figs[i - 1].tail if i else 0)
    if measure and not i and all(x.start > f.start for x in mentions) and (
        label := _label_line(sentence[: f.start], measure)
    ):
        measure = label  # `Timeliness – 6 month rate 85% (...)`: the words before the line's first figure name it
    if found is None and measure and len(_words(measure)) >= 2 and f.kind not in {"target", "tolerance"}:
        found = measure
    if found and f.kind != "actual" and not _names_something(found):
        # `... and the English average of 6%`: a benchmark's words name no measure; it is the actual's before it
        actual = [g.indicator for g in figs[:i] if g.kind == "actual" and g.indicator]
        if actual:
            return actual[-1], False
    if found:
        return found, True
    if previous:
        return _best_match(f, previous) or previous[-1].indicator, False
    benchmark_subject = bool(name and re.search(rf"\b(?:{_KIND_ANY})\b", name, re.I)) and f.kind != "actual"
    if name and not generic and not benchmark_subject and _compatible(_phrase_class(name), cls):
        return (_clean(f"{name} {f.qualifier}") if _QUALIFIER_JOINS.match(f.qualifier) else name), True
    specific = [x for x in (f.weak, measure) if x and not all(w.lower() in _GENERIC_WORDS for w in _words(x))]
    lead = name or sentence[: figs[0].start]  # `The latest rate, 18% ...`: the words before the figures
    if vague == "noun" and not specific and memory.phrase and _last_word(lead) == _last_word(memory.phrase):
        return memory.phrase, False  # `The latest rate was 18%` after `... a low re-referral rate for ...`
    earlier = [g for g in memory.named[-memory.recent :] if g.kind == "actual" and _compatible(cls, _fig_class(g))]
    if f.kind != "actual" and earlier and _REFERS_BACK.match(sentence) and all(g.kind != "actual" for g in figs):
        # `This compares against statistical neighbours at 245.1 ...` after `The CIN rate ... was 272.3`: benchmarks
        # of the statement before, not of the heading over it
        return earlier[-1].indicator, False
    if vague == "noun" and not specific and (memory.heading or section):
        return memory.heading or section or "", False  # `The KPI for the month was at 16.76`
    if f.restating and f.kind == "actual":
        # `Over three-fifths (61%) reported ...`: the sentence states the measure, no earlier one or heading names it
        return sentence, False
    found = _best_match(f, memory.named[-memory.recent :]) or _best_match(f, figs[max(0, i - memory.recent) : i])
    if found and f.percent and _SAID.match(f.qualifier):
        # `Over 70% said that they had received ...` after `91% of pupils said they had ...`: what was said is the
        # measure, another question than the earlier one
        found = None
    fallback = [*specific, memory.heading, section, name, f.weak, measure, f.predicate, sentence]
    return found or next(x for x in fallback if x), False


def _part(f: _Fig, i: int, sentence: str, figs: list[_Fig], subject: str | None) -> str | None:
    """What a share after a verb of part is the part of (`950 re-referrals ..., accounting for 20% of all
    referrals`: the count before the comma; `samples collected represented 8% of ...`: the subject), or None."""
    if not ((f.own or f.weak) and f.part_of and f.percent):
        return None
    before = figs[i - 1] if i else None
    if before is not None and not before.percent and "," in sentence[before.tail : f.start]:
        return count_name(before.own or before.weak or "") or None
    return subject if subject and not _SHARE_OF.match(subject) else None
_PART_OF = re.compile(r",?\s+of\s+(whom|which)$", re.I)  # `982 young people of whom 59 ...`: the whole's words


_OF_THE = re.compile(r"^\W*of\s+(?:the|these|those)\s+$", re.I)


def _restated_whole(f: _Fig, sentence: str, memory: _Memory) -> str | None:
    """`Of the 147, 92 are now in ...`: the count an earlier sentence of the block gave and named, by its name,
    when the words after it name nothing."""
    if not _OF_THE.match(sentence[: f.start]) or not sentence[f.tail :].lstrip().startswith(","):
        return None  # (`Of these 76 looked after children 69 ...` names its own noun)
    same = [g.indicator for g in memory.named if g.value == f.value and g.indicator]
    return same[-1] if same else None


def _whole_head(phrase: str) -> str:
    """The words of an earlier figure's name a figure's predicate completes: the head noun (`children` of `children
    who became subject to ...`), or the whole noun phrase of the whole a part is of, as a relative clause: `young
    people who had left care ..., of whom 34 had been ...` → `young people who had left care ... who`."""
    whole = _PART_OF.search(phrase)
    if whole:
        return f"{phrase[: whole.start()]} {'who' if whole.group(1).lower() == 'whom' else 'which'}"
    return _head_noun(phrase)


_LABEL_LINE = re.compile(r"[A-Za-z][\w'’]*(?:\s+[-–—]\s+|\s+)(?:[\w'’-]+\s+){0,8}?[\w'’-]+")


def _label_line(before: str, measure: str) -> str | None:
    """A line that opens on a label with no verb and no clause mark (`Timeliness – 6 month rate`) ending on the
    measure words before its first figure: the whole label, up to ten words."""
    label = before.strip()
    if not _LABEL_LINE.fullmatch(label) or not label.endswith(measure.split(" ")[-1]) or _has_verb(label):
        return None
    return label if len(_words(label)) <= 10 and _names_something(label) else None


def _shared_predicate(f: _Fig, i: int, sentence: str, figs: list[_Fig]) -> str:
    """`98.4% of our care leavers aged 19-21 and 97.9% of ... were in suitable accommodation`: share the verb."""
    own = f.own or f.weak or ""
    if _has_verb(own) or i + 1 >= len(figs) or not figs[i + 1].own:
        return own
    following = figs[i + 1].own or ""
    if not _has_verb(following) or not re.search(r"\band\s*$", sentence[f.tail : figs[i + 1].start]):
        return own
    return _clean(f"{own} {_predicate(following)}")


def _choose_indicators(
    sentence: str, figs: list[_Fig], mentions: list[_Mention], subject: tuple[str | None, str | None], memory: _Memory,
    section: str | None,
) -> None:  # fmt: skip
    owned: list[_Fig] = []
    for i, f in enumerate(figs):
        f.indicator, is_own = _choose_indicator(f, i, sentence, figs, mentions, subject, owned, memory, section)
        if is_own:
            owned.append(f)
    memory.named.extend(owned)
