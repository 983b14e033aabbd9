"""Naming the figures of a sentence: a name completed from what the sentence says of it, figures one name
leaves indistinguishable told apart, and the sentence as the name where no name holds."""

from __future__ import annotations

import re
from dataclasses import replace

from extract.mappings import mappings_dir, read_csv
from extract.model import RawFigure
from extract.read.narrative.figures import _Fig
from extract.read.narrative.indicators import (
    _clean,
)
from extract.read.narrative.phrases import _period_mentions, _Setting
from extract.read.narrative.text import (
    _GENERIC_WORDS,
    _STOPWORDS,
    _has_verb,
    _words,
)
from extract.read.needs import gated
from extract.settings import NarrativeSettings

_OF_THESE = re.compile(r"^\s*Of\s+(?:the|these|those)\s+[\d,]+\b", re.I)  # `Of these 79 children, 67% are ...`


# `A slightly higher percentage of children than the national average`: a comparison, then what it is of
_COMPARED_SUBJECT = re.compile(
    r"^(?:an?\s+)?(?:\w+\s+)?(?:higher|lower|greater|smaller)\s+(?:percentage|proportion|number|rate)\s+of\s+"
    r"(?:the\s+)?(.+?)\s+than\s+(?:the\s+)?[\w\s]{2,40}$",
    re.I,
)


# `Nearly two thirds of children`: a quantity in words, then what it is of
_QUANTITY_SUBJECT = re.compile(
    r"^(?:nearly|almost|about|around|over|under|more\s+than|less\s+than|just\s+(?:over|under))?\s*(?:a|one|two|three)?\s*"
    r"(?:half|halves|thirds?|quarters?|fifths?)\s+of\s+(?:the\s+)?(.+)$",
    re.I,
)


# `remain in the same placement for two years or more`, `had missed the deadline ...` (to the clause's end)
_VERB_PHRASE = re.compile(
    r"^\s*((?:are|were|is|was|had|have|has|remain|remained|remains)\s+[^,.;()]{3,80}?)\s*(?:[,.;()]|$|\s+which\b)", re.I
)


_RELATIVE_WORDS = frozenset({"which", "who", "whom", "whose", "where", "whereby"})


_WHEN_WORDS = frozenset({"last", "previous", "next", "prior", "same", "period"})  # `last year's figure`


_BENCHMARK_WORD = re.compile(
    r"english|england|national(?:ly)?|regional(?:ly)?|comparators?|neighbours?|statistical", re.I
)


def _with_predicate(sentence: str, f: _Fig, name: str) -> str:
    """A name completed by what the sentence says of it.

    - `Nearly two thirds of children remain in the same placement ...`: a quantity in words is no
      name; the rest of the subject and its verb phrase are;
    - `49% of assessments (94) had missed the deadline`: a one- or two-word phrase takes the verb
      phrase after the count in brackets;
    - `Of these 79 children, 67% are from the Gypsy or Roma traveller communities`: a name lent by an
      earlier sentence takes the verb phrase after the figure.
    """
    quantity = _QUANTITY_SUBJECT.match(name) or _COMPARED_SUBJECT.match(name)
    if quantity and name in sentence:
        rest = sentence[sentence.index(name) + len(name) :]
        verb = _VERB_PHRASE.match(rest)
        return _clean(f"{quantity.group(1)} {verb.group(1)}") if verb else name
    words = _words(name)
    if 0 < len(words) <= 2 and re.match(rf"\s*of\s+(?:the\s+)?{re.escape(name)}\s+and\s+\d", sentence[f.tail :]):
        return sentence  # `90% of parent/carers and 87% of children ... happy with`: the list shares one predicate
    if 0 < len(words) <= 2:
        after = re.match(rf"\s*(?:of\s+(?:the\s+)?)?{re.escape(name)}\s*\(\s*[\d,]+\s*\)(.*)", sentence[f.tail :])
        verb = _VERB_PHRASE.match(after.group(1)) if after else None
        if verb:
            return _clean(f"{name} {verb.group(1)}")
    if name and name not in sentence and _OF_THESE.match(sentence):
        verb = _VERB_PHRASE.match(sentence[f.tail :])
        if verb and _clean(verb.group(1)).lower() not in name.lower():
            # (a name that already says it, `... children on the register were subject to ...`, keeps it once)
            return _clean(f"{name} {verb.group(1)}")
    return name


def _reporting_verbs() -> str:
    """`The Director explained that ...`: verbs of saying before `that` (mappings/reporting_verbs.csv)."""
    rows = read_csv(mappings_dir() / "reporting_verbs.csv", ("pattern", "note"))
    return "|".join(f"(?:{row['pattern']})" for row in rows)


_SAYING = _reporting_verbs()
_REPORTED = gated(re.compile(rf"^(?:[^,;:()]{{0,60}}?\s)?(?:{_SAYING})\s+that\s+(?=\S)", re.I))
_SAID_THAT = re.compile(rf"\b(?:{_SAYING})\s+that\s+$", re.I)


def _said_that(before: str) -> bool:
    """`Members noted that 45% of ...`: `that` after a verb of saying opens what was said, it points back at no
    figure given before (`data on that approx. 5%`)."""
    return bool(_SAID_THAT.search(before))


def _without_speaker(name: str) -> str:
    """`Director explained that the number of children subject to child protection plans`: the name is
    what was said (`number of children subject to child protection plans`), not who said it."""
    said = _REPORTED.match(name)
    rest = _clean(name[said.end() :]) if said else ""
    if not rest or _PRONOUN_START.match(rest):
        # `15-year olds who responded to the survey said that they were active`: the ones who said it are
        # the cohort measured, the pronoun points back at them
        return name
    return rest


_PRONOUN_START = re.compile(r"(?:they|it|he|she|we|you|i|this|these|those|there)\b", re.I)


_POSSESSIVE = re.compile(r"['’]s$")


def _names_something(name: str | None) -> bool:
    """A phrase with a word that is not a function word, a pronoun, a generic measure word or a
    benchmark's (`England average`, `the national rate`)."""
    words = [_POSSESSIVE.sub("", w).lower() for w in _words(name or "")]
    if words and words[0] in _RELATIVE_WORDS:
        return False  # `which senior managers accept`: a relative clause, not a name
    words = [w for w in words if w not in _STOPWORDS and w not in _GENERIC_WORDS and w not in _WHEN_WORDS]
    return any(not _BENCHMARK_WORD.fullmatch(w) for w in words)


# the words right after a figure that name its own cohort, place or group: `22.6% for care leavers aged
# 19-21`, `5% in primary schools`, `18% (aged 16-17)`
_COHORT = re.compile(r"^\(?\s*(?:for|aged|among|amongst|in|of|at)\b", re.I)


_LIST_LABEL_WORDS = 3  # `Torbay`, `in primary schools`: a list item's label, which names no measure itself


_NOT_LABELS = frozenset(
    ["compared", "compare", "against", "versus", "than", "and", "or", "but", "improvement", "following"]
)


_NO_SETTING = _Setting(None, False, None, None, NarrativeSettings())


def _label_before(sentence: str, f: _Fig, figs: list[_Fig]) -> str:
    """The words printed between the figure before this one and this one (`, Plymouth 26` → `Plymouth`)."""
    start = max((g.end for g in figs if g.end <= f.start), default=0)
    between = sentence[start : f.start].strip(" ,;:()")
    if start and _COHORT.match(between):  # `50% of boys and 57% of girls`: `of boys` is the cohort of the figure before
        return ""
    return _clean(between)


_SYMBOL_GLYPH = re.compile("[\ue000-\uf8ff]")  # a private-use glyph of a symbol font: a bullet in extracted text


def _told_apart(base: str, label: str) -> str:
    """A figure's name from the label printed before it, when that is a list item's label: a few words,
    no verb, no period and no sentence break (`CiC placed out of county (Plymouth)`); else empty."""
    words = _words(label)
    if label.lower() in base.lower():  # the words the name itself was read from
        return ""
    item = label.strip()
    if item[:1] and _SYMBOL_GLYPH.match(item[:1]) and item[0] in base and 0 < len(words) <= _LIST_LABEL_WORDS:
        # `... free school meals: \uf02d in primary schools is 19% ... \uf02d in secondary schools is 17%`: the
        # name was read up to the first item of a symbol-font bullet list; the next item's label takes its place
        return _clean(f"{base[: base.index(item[0])]} {item[1:]}")
    if not words or len(words) > _LIST_LABEL_WORDS or _has_verb(label) or re.search(r"[.;]\s", label):
        return ""
    if _period_mentions(label, _NO_SETTING) or words[0].lower() in _NOT_LABELS:
        return ""
    if all(w.lower() in _STOPWORDS for w in words):  # `to`, `of the`: a joint, not a label
        return ""
    return f"{base} ({label.strip(' -–')})"


def _unambiguous(sentence: str, found: list[tuple[_Fig, RawFigure]]) -> list[RawFigure]:
    """Figures the sentence leaves indistinguishable, told apart or dropped.

    Two values of one indicator, kind, period and unit are different cohorts, places or things
    (`22.6% for care leavers aged 19-21 and 14.6% for those aged 22-25`, `Torbay 52, Plymouth 26`).
    They are told apart by the words after each that name its group (`for those aged 22-25`), or
    by the short label printed before each (`Plymouth`); a benchmark takes the name of the figure
    it follows (`19% (the national average is 17%)`). Otherwise each is named by its sentence, as
    the reader names every figure it cannot name: no row then says which indicator it is wrongly.
    """

    def key(figure: RawFigure) -> tuple:
        p = figure.period
        return (figure.indicator_raw, figure.value_kind, p.type, p.start, p.end, figure.unit)

    figs = [f for f, _ in found]
    groups: dict[tuple, list[tuple[_Fig, RawFigure]]] = {}
    for pair in found:
        groups.setdefault(key(pair[1]), []).append(pair)
    named: dict[int, RawFigure] = {}  # id(figure) → the row kept
    unnamed: set[str] = set()  # names whose figures could not be told apart
    # a figure named by its whole sentence is already marked as one the reader could not name
    ambiguous = [
        m for m in groups.values() if len({figure.value for _, figure in m}) > 1 and m[0][1].indicator_raw != sentence
    ]
    for members in groups.values():
        if not any(members is m for m in ambiguous):
            named.update((id(figure), figure) for _, figure in members)
    # actuals first: a benchmark may take the name its actual ends up with
    for members in sorted(ambiguous, key=lambda m: m[0][1].value_kind != "actual"):
        base = members[0][1].indicator_raw
        qualifiers = [f.qualifier.strip() for f, _ in members]
        if all(_COHORT.match(q) for q in qualifiers):
            names = [_clean(f"{base} {q.strip('() ')}") for q in qualifiers]
        elif members[0][1].value_kind != "actual":
            names = [_name_of_actual_before(f, found, named) for f, _ in members]
        else:
            names = [_told_apart(base, _label_before(sentence, f, figs)) for f, _ in members]
            if names.count("") == 1:  # the one figure the name was read from (`302 were placed out of county`)
                names[names.index("")] = base
        if not (all(names) and len(set(names)) == len(names)):
            # not told apart: each keeps its sentence as its name, the reader's mark for a figure it
            # could not name (never matched to an indicator), rather than a name that is wrong;
            # the benchmarks that compare with them follow, so they are still dated with them
            unnamed.add(base)
            names = [sentence] * len(members)
        for (_, figure), name in zip(members, names, strict=True):
            named[id(figure)] = replace(figure, indicator_raw=name)
    for key_, figure in list(named.items()):
        if figure.value_kind != "actual" and figure.indicator_raw in unnamed:
            named[key_] = replace(figure, indicator_raw=sentence)
    return [named[id(figure)] for _, figure in found if id(figure) in named]


def _name_of_actual_before(f: _Fig, found: list[tuple[_Fig, RawFigure]], named: dict[int, RawFigure]) -> str:
    """The name kept for the nearest actual printed before a benchmark figure, else empty."""
    before = [figure for g, figure in found if g.end <= f.start and figure.value_kind == "actual"]
    kept = [named[id(figure)] for figure in before if id(figure) in named]
    return kept[-1].indicator_raw if kept and before and kept[-1] is named.get(id(before[-1])) else ""
