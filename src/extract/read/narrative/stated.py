"""Figures stated in a set form, read whole or not at all.

Council reports state a measure's figures in a few set forms:

- a label line or bullet: `Percentage of successful relief duty outcomes: 54.33% (target 60.00%)`;
- a clause whose subject names the measure and whose verb gives its level: `The percentage of care
  leavers in EET 12 months after leaving care was 51.35% in 2018-19 (2017-18: 51.16%)`, `The rate ...
  has risen during quarter 4 to 56.9`, `The overall rate ... increased slightly from 2.85 to 2.92`,
  `The rate of Child Protection plans increased between Q4 17/18 (31.8) and Q2 18/19 (40.7)`,
  `a 43% increase in the number of ..., from 2,349 at the end of 2019/20 to 3,357 at present`;
  clauses joined by `, and the ...` or `;` each name their own figures;
- a sentence that goes back to the measure stated just before: `This is a raise from 54.9 at the end of
  quarter 3, and a rise from 49.1 at the end of March 2017`.

A bracket after a figure (`(target 60%)`, `(2017-18: 51.16%)`, `(last quarter 79.4%)`) is read with the
vocabulary of column headers (read.kinds.classify_header), so it means here what it means over a column.
A sentence is read here only when its clauses are all in one of these forms; any other sentence is left to
the general reader. A subject repeating most of the words of the measure heading above it takes the
heading's full name (`The rate of Looked After Children per 10,000 children aged under 18` under
`Rate of Looked After Children per 10,000 population (0-17 years)`). The verbs are a reviewed vocabulary
(mappings/statement_verbs.csv).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from extract.mappings import mappings_dir, read_csv
from extract.model import Period, RawFigure
from extract.read.kinds import classify_header
from extract.read.narrative.phrases import _period_mentions, _Setting
from extract.read.narrative.text import _STOPWORDS, _words
from extract.read.needs import gated
from extract.read.periods import parse_period
from extract.read.values import infer_unit
from extract.settings import NarrativeSettings

_FIG = r"£?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s?%|\s+per\s?cent\b)?"


def _verbs() -> dict[str, str]:
    """role → alternation of the verb phrases of that role (mappings/statement_verbs.csv)."""
    out: dict[str, list[str]] = {}
    for row in read_csv(mappings_dir() / "statement_verbs.csv", ("role", "pattern", "note")):
        out.setdefault(row["role"], []).append(row["pattern"])
    return {role: "|".join(f"(?:{p})" for p in patterns) for role, patterns in out.items()}


_V = _verbs()
# the words a measure's name starts with, after an article or an adjective (`The overall rate of ...`)
_MEASURE_START = re.compile(
    r"^(?:(?:overall|annual|average|total|monthly|quarterly|latest|current)\s+)?"
    r"(?:percentage|proportion|number|rate|average|total|ratio|share)\s+of\s+\S"
    r"|^(?:average|mean|median)\s+(?!of\b)[a-z][\w-]*$",  # `the average caseload`: an average of what it names
    re.I,
)
_NAME = r"[^;:()]+?(?:\s*\([A-Za-z][A-Za-z\s]{0,20}\)[^;:()]*?)*"  # `... Plan (CPP) for year ending June 2017`
_WHEN = r"(?:(?:in|at|for|during|as\s+at|by)\s+(?:the\s+end\s+of\s+)?[^,;()]{2,30}?)"
_ADVERB = r"(?:\s+(?:\w+ly|just|around|about|approximately|only))"
_SPAN = r"(?:\s+(?:during|in|over|throughout|since)\s+[^,;()]{2,30}?)"  # `has risen during quarter 4 to`
_BRACKETS = r"(?:\s*\([^()]*\))*"
# `350 per 10,000 children`: the base printed after a rate
_PER = r"(?P<per>\s+per\s+(?:100,000|10,000|1,000)(?:\s+(?:children|population|people|young\s+people|under\s+18s))?)?"
# `..., compared with 58% in Q1`, `, up from 412 in March 2022`: the level compared with
_RELATIVE = (
    r"(?:(?:in\s+)?(?:the\s+)?(?:last|previous|same)\s+(?:year|quarter|month|period)(?:\s+last\s+year)?|a\s+year\s+ago)"
)
_COMPARED = (
    rf"(?:,?\s+(?:compared\s+(?:with|to)|up\s+from|down\s+from)\s+(?P<cfig>{_FIG})"
    rf"(?P<cwhen>\s+{_RELATIVE}|\s+{_WHEN})?)?"
)
_TARGET = rf"(?:,?\s+(?:against|compared\s+(?:with|to))\s+(?:an?\s+|the\s+)?target\s+of\s+(?P<tfig>{_FIG}))?"
# `, a high rate in comparison to ...`: words, no figure; never a cohort (`, for boys`), which would be lost
_TAIL = r"(?P<tail>(?:,\s+(?!(?:for|among|amongst|in|of|aged|at|within)\b)[^\d;]*)?)"
_MOVE = _V["move"]

_LEVEL = re.compile(
    rf"^(?:the\s+)?(?P<name>{_NAME})\s+(?:{_V['level']}){_ADVERB}?\s+(?P<fig>{_FIG}){_PER}(?P<when>\s+{_WHEN})?"
    rf"(?P<br>{_BRACKETS}){_COMPARED}{_TARGET}(?P<br2>{_BRACKETS}){_TAIL}$",
    re.I,
)
_TO = gated(re.compile(
    rf"^(?:the\s+)?(?P<name>{_NAME})\s+(?:(?:has|have|had)\s+(?:now\s+)?)?(?:{_MOVE}){_ADVERB}?(?P<span>{_SPAN})?\s+to\s+"
    rf"(?P<fig>{_FIG}){_PER}(?P<when>\s+{_WHEN})?(?P<br>{_BRACKETS}){_COMPARED}{_TARGET}(?P<br2>{_BRACKETS}){_TAIL}$",
    re.I,
))
_FROM_TO = re.compile(
    rf"^(?:an?\s+{_FIG}\s+(?:{_V['change']})\s+in\s+)?(?:the\s+)?(?P<name>{_NAME})"
    rf"(?:\s+(?:has\s+|have\s+|had\s+)?(?:{_MOVE}){_ADVERB}?(?P<span>{_SPAN})?)?,?\s+from\s+(?P<fig0>{_FIG})(?P<when0>\s+{_WHEN})?"
    rf"\s+to\s+(?P<fig>{_FIG})(?P<when>\s+{_WHEN})?{_TAIL}$",
    re.I,
)
_BETWEEN = re.compile(
    rf"^(?:the\s+)?(?P<name>{_NAME})\s+(?:has\s+)?(?:{_MOVE}){_ADVERB}?\s+between\s+(?P<p0>[^()]{{2,25}}?)\s*\((?P<fig0>{_FIG})\)"
    rf"\s+and\s+(?P<p1>[^()]{{2,25}}?)\s*\((?P<fig>{_FIG})\){_TAIL}$",
    re.I,
)
_BACK = re.compile(
    rf"^(?:this|that|it)\s+(?:is|was|represents|marks)\s+an?\s+(?:{_V['change']})\s+(?:from|on)\s+(?P<fig0>{_FIG})"
    rf"(?P<when0>\s+{_WHEN})?(?:,?\s+and\s+an?\s+(?:{_V['change']})\s+(?:from|on)\s+(?P<fig1>{_FIG})(?P<when1>\s+{_WHEN})?)?"
    rf"{_TAIL}$",
    re.I,
)
# `In Q3, 82.1% of assessments were completed within 45 working days (target 85%; Q2: 79.4%)`
_FIRST = re.compile(
    rf"^(?:(?P<lead>(?:in|during|at\s+the\s+end\s+of|by\s+the\s+end\s+of|as\s+at)\s+[^,;()]{{2,30}}?),\s+)?"
    rf"(?P<fig>\d+(?:\.\d+)?\s?%)\s+of\s+(?:the\s+|all\s+|our\s+)?(?P<subj>[^,;:()\d]+?)\s+"
    rf"(?P<pred>(?:were|was|are|is|had|have|has)\s+[^,;:()%–—]+?)(?P<br>{_BRACKETS}){_COMPARED}{_TARGET}(?P<br2>{_BRACKETS})"
    rf"{_TAIL}$",
    re.I,
)
_LABEL = re.compile(
    rf"^(?P<name>[A-Za-z][^:]{{4,160}}?)(?:\s*:|\s+[–—-])\s*(?P<fig>{_FIG})(?P<br>{_BRACKETS}){_TARGET}(?P<br2>{_BRACKETS})"
    r"\s*(?:and)?$",
    re.I,
)
_PARTS = re.compile(r";\s*|,(?!\d{3})\s*")  # `(target 60%; last quarter 55%)`, `(target 15%, England 23%)`
_PART = re.compile(rf"^(?P<label>[^():;]{{1,40}}?)\s*:?\s*(?P<fig>{_FIG})$")
_CLAUSES = re.compile(r";\s+(?:and\s+)?|,\s+(?:and|while|whereas|but)\s+(?=the\s)", re.I)
# a subject that names no measure but points to the one the heading above names
_VAGUE = re.compile(
    r"^(?:performance|figure|result|outturn)(?:\s+(?:this|last|for\s+the)\s+(?:quarter|month|year))?$", re.I
)
_AREA = re.compile(rf"^(?P<label>[A-Z][A-Za-z'’ -]{{1,40}}?)\s*[=:]\s*(?P<fig>{_FIG})$")
_LIST_HEADING = re.compile(r",(?!\d{3})|;|&|\band\b")  # `A and B`, `A, B`: a heading of more than one measure
# a label that says what its number counts or measures (mappings/measure_words.csv: number of, rate, average)
_COUNTED = re.compile(
    "|".join(f"(?:{row['pattern']})" for row in read_csv(mappings_dir() / "measure_words.csv", ("measure", "pattern"))),
    re.I,
)
_FIELD = re.compile(
    "|".join(f"(?:{row['pattern']})" for row in read_csv(mappings_dir() / "label_fields.csv", ("pattern", "note"))),
    re.I,
)
# what any set form holds: a measure's subject, a label's colon or dash, a word going back, a vague subject
_QUICK = re.compile(
    r"\b(?:percentage|proportion|number|rate|average|total|ratio|share)\s+of\b|[:–—]|\s-\s"
    r"|^(?:this|that|it)\b|^(?:performance|figure|result|outturn)\b|%\s+of\b",
    re.I,
)
_NUMBERING = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})+\s+(?=[A-Za-z])")
_YEAR = re.compile(r"(?:19|20)\d\d")
_LEAD = re.compile(r"^(?:in|at|for|during|as\s+at|by)\s+(?:the\s+end\s+of\s+)?", re.I)
_STEM = 5
_NO_SETTING = _Setting(None, False, None, None, NarrativeSettings())  # a period phrase read on its own


@dataclass
class Context:
    """What a sentence's figures may be named by: the measure heading above, the measure last stated."""

    heading: str | None = None
    last_name: str | None = None
    lead: str | None = None  # the sentence before when it ends with a colon (`... for March 2016 show:`)
    report: Period | None = None  # the report's period: a level printed with no period of its own is of it


@dataclass(frozen=True)
class _Item:
    name: str
    raw: str
    kind: str
    period: Period
    unit: str | None = None  # printed beside the figure (`per 10,000`); else read from the name


def _stems(text: str) -> set[str]:
    return {w.lower().rstrip("s")[:_STEM] for w in _words(text) if len(w) > 3 and w.lower() not in _STOPWORDS}


def about_heading(heading: str, name: str) -> bool:
    """A subject repeating most words of a heading that names one measure (no `A and B`, no list)."""
    if _LIST_HEADING.search(heading):
        return False
    own = _stems(heading)
    return len(own) >= 2 and len(own & _stems(name)) >= 0.6 * len(own)


def _period(when: str | None) -> Period:
    """`in 2018-19`, `at the end of March 2017` (a point in time), `during quarter 4`: the period the
    general reader's period phrases give it (phrases.py), else the label read alone; `at present`: none."""
    text = (when or "").strip()
    found = [m.period for m in _period_mentions(text, _NO_SETTING) if m.period is not None]
    if len(found) == 1:
        return found[0]
    text = _LEAD.sub("", text)
    if not text or not re.search(r"\d", text):
        return Period(None)
    return parse_period(text)


def _brackets(text: str, name: str) -> list[_Item] | None:
    """`(target 60%)  (2017-18: 51.16%)  (target 60%; last quarter 55%)`: each part of each bracket a figure
    of a kind its label gives (the column headers' vocabulary), else None."""
    items: list[_Item] = []
    for group in re.findall(r"\(([^()]*)\)", text):
        for part in _PARTS.split(group):
            m = _PART.match(part.strip())
            if not m:
                return None
            meaning = classify_header(m.group("label"))
            if meaning.role != "value" or meaning.kind is None:
                return None
            period = parse_period(meaning.period_label) if meaning.period_label else Period(None)
            items.append(_Item(name, m.group("fig"), meaning.kind, period))
    return items if not re.sub(r"\([^()]*\)", "", text).strip() else None


_NAME_PERIOD = re.compile(
    r"\s+(?:for|in|at|during|as\s+at)\s+(?:the\s+)?((?:year|quarter|month)\s+ending\s+.+|\S.{2,25})$"
)


_NOW = re.compile(
    r"^(?:(?:at|as\s+at)\s+present|at\s+the\s+(?:moment|time\s+of\s+writing)|"
    r"(?:at\s+the\s+end\s+of|throughout|over|during|in)\s+the\s+(?:year|quarter|month))$",
    re.I,
)


def _when_ok(*phrases: str | None) -> bool:
    """Each phrase after a figure or its verb dates it (`in 2018-19`, `during quarter 4`, `at present`):
    `in the most deprived areas` is a cohort, whose figure is no level of the whole measure."""
    for phrase in phrases:
        text = (phrase or "").strip()
        relative = classify_header(re.sub(r"^(?:in\s+)?(?:the\s+)?", "", text, flags=re.I)).kind
        if text and not _NOW.match(text) and _period(text).label is None and relative in {None, "actual"}:
            return False  # `last year`, `the same period last year`: relative, dated by their kind
    return True


def _split_name(name: str) -> tuple[str, Period]:
    """`annual rate of ... Plan (CPP) for year ending June 2017`: the name, and the period at its end."""
    m = _NAME_PERIOD.search(name)
    if m:
        # read with its preposition as the general reader reads it (`at March 2024`: a point in time)
        period = _period(m.group(0))
        period = period if period.label else parse_period(m.group(1))
        if period.type != "unknown":
            return name[: m.start()], period
    return name, Period(None)


def _measure_name(name: str, ctx: Context) -> str | None:
    """The clause's subject as the measure's name (the heading's, when it repeats it); None when the
    subject names no measure (`Performance`, `This`)."""
    name = re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.I)
    if _VAGUE.match(name):
        return ctx.heading  # `Performance this quarter was 82.1%` under a heading naming one measure
    if not _MEASURE_START.match(name) or len(_words(name)) > 25:
        return None
    if ctx.heading and about_heading(ctx.heading, name):
        return ctx.heading
    return name


def _not_figure(raw: str) -> bool:
    return bool(_YEAR.fullmatch(raw))  # `... was 2019`: a year, not a level


def _clause(clause: str, ctx: Context) -> list[_Item] | None:
    clause = clause.strip().rstrip(".;,").strip()
    # each form's own word gates its pattern (no letter of them has another case under re.I)
    low = clause.lower()
    if "between" in low and (m := _BETWEEN.match(clause)):
        name, _ = _split_name(m.group("name"))
        named = _measure_name(name, ctx)
        p0, p1 = parse_period(m.group("p0")), parse_period(m.group("p1"))
        if named is None or p0.type == "unknown" or p1.type == "unknown":
            return None
        return [_Item(named, m.group("fig0"), "actual", p0), _Item(named, m.group("fig"), "actual", p1)]
    if "from" in low and (m := _FROM_TO.match(clause)):
        name, own = _split_name(m.group("name"))
        named = _measure_name(name, ctx)
        if named is None:
            return None
        when0, when = m.group("when0"), m.group("when")
        if not _when_ok(when0, when, m.group("span")):
            return None
        earlier = _period(when0)
        # `from 2.85 to 2.92`: where it began is the previous level; dated (`at the end of 2019/20`), that period's
        kind0 = "actual" if earlier.type != "unknown" or earlier.label else "previous_period"
        later = _period(when) if when else own
        return [_Item(named, m.group("fig0"), kind0, earlier), _Item(named, m.group("fig"), "actual", later)]
    for pattern in (_LEVEL, _TO) if "to" in low else (_LEVEL,):
        if m := pattern.match(clause):
            name, own = _split_name(m.group("name"))
            named = _measure_name(name, ctx)
            if named is None or _not_figure(m.group("fig")):
                return None
            when = m.group("when") or (m.groupdict().get("span") or "")
            if not _when_ok(m.group("when"), m.groupdict().get("span"), m.group("cwhen")):
                return None
            period = _period(when) if when.strip() else own
            per = infer_unit("", m.group("per")) if m.group("per") else None  # `350 per 10,000`
            items = [_Item(named, m.group("fig"), "actual", period, per)]
            extra = _brackets(m.group("br") + m.group("br2"), named)
            if extra is None:
                return None
            if m.group("cfig"):
                # `64% in Q2, compared with 58% in Q1`: dated, that period's level; else the one before
                relative = classify_header(re.sub(r"^\s*(?:in\s+)?(?:the\s+)?", "", m.group("cwhen") or ""))
                earlier = Period(None) if relative.kind and relative.kind != "actual" else _period(m.group("cwhen"))
                kind = relative.kind if relative.kind and relative.kind != "actual" else None
                kind = kind or ("actual" if earlier.label else "previous_period")
                items.append(_Item(named, m.group("cfig"), kind, earlier, per))
            if m.group("tfig"):
                items.append(_Item(named, m.group("tfig"), "target", Period(None), per))
            return items + [replace(item, unit=per) for item in extra]
    if m := _FIRST.match(clause):
        return _figure_first(m, ctx)
    if (m := _BACK.match(clause)) and ctx.last_name and _when_ok(m.group("when0"), m.group("when1")):
        items = []
        for fig, when in (("fig0", "when0"), ("fig1", "when1")):
            if m.group(fig):
                period = _period(m.group(when))
                kind = "actual" if period.type != "unknown" or period.label else "previous_period"
                items.append(_Item(ctx.last_name, m.group(fig), kind, period))
        return items
    return None


def _figure_first(m: re.Match[str], ctx: Context) -> list[_Item] | None:
    """`82.1% of assessments were completed within 45 working days`: named, as the general reader names
    it, by what the figure is of and what is said of them; dated by the lead (`In Q3,`) or the period
    ending the predicate (`... in 2023/24`)."""
    pred, own = _split_name(m.group("pred"))
    name = re.sub(r"\s+", " ", f"{m.group('subj')} {pred}").strip()
    if len(_words(name)) > 25 or not _when_ok(m.group("lead"), m.group("cwhen")):
        return None
    if ctx.heading and about_heading(ctx.heading, name):
        name = ctx.heading
    period = _period(m.group("lead")) if m.group("lead") else own
    items = [_Item(name, m.group("fig"), "actual", period)]
    extra = _brackets(m.group("br") + m.group("br2"), name)
    if extra is None:
        return None
    if m.group("cfig"):
        relative = classify_header(re.sub(r"^\s*(?:in\s+)?(?:the\s+)?", "", m.group("cwhen") or ""))
        earlier = Period(None) if relative.kind and relative.kind != "actual" else _period(m.group("cwhen"))
        kind = relative.kind if relative.kind and relative.kind != "actual" else None
        items.append(_Item(name, m.group("cfig"), kind or ("actual" if earlier.label else "previous_period"), earlier))
    if m.group("tfig"):
        items.append(_Item(name, m.group("tfig"), "target", Period(None)))
    return items + extra


def _label_line(sentence: str) -> list[_Item] | None:
    """`Measure: 23 (target 25)`: the label names the figure and the brackets beside it."""
    m = _LABEL.match(sentence.strip().rstrip(".;,").strip())
    if not m:
        return None
    name = m.group("name").strip()
    if not re.search(r"[A-Za-z)]$", name):
        return None  # `Low 1 - 6 Moderate 7 - 12 High 13 - 25`: a range's end, not a measure's name
    words = _words(name)
    short_kind = len(words) <= 3 and classify_header(name).role == "value"
    if len(words) < 2 or len(words) > 25 or short_kind or re.search(r"[.!?]\s", name):
        return None  # `Target: 85%` is a label of a kind, not a measure; `... rates of:` a lead-in
    if _not_figure(m.group("fig")) or _FIELD.search(name):
        return None  # `Report date: 2023`, `Agenda item: 7`: a document's field, not a measure
    compared = m.group("tfig") or m.group("br") or m.group("br2")
    if not re.search(r"%|per\s?cent", m.group("fig")) and not _COUNTED.search(name) and not compared:
        # `Wards affected: 2`: a bare number is a measure's where the label says what it counts or the
        # line gives it a target or an earlier value (`Children looked after: 412 (target 400)`)
        return None
    period = Period(None)
    if (dated := re.search(r"\s*\(([^()]+)\)$", name)) and parse_period(dated.group(1)).type != "unknown":
        # `Care leavers in EET (Q3 2023/24): 58%`: the bracket dates the figure, it is no part of the name
        name, period = name[: dated.start()], parse_period(dated.group(1))
    extra = _brackets(m.group("br") + m.group("br2"), name)
    if extra is None:
        return None
    target = [_Item(name, m.group("tfig"), "target", Period(None))] if m.group("tfig") else []
    return [_Item(name, m.group("fig"), "actual", period), *target, *extra]


_KIND_OVER_FIGURE = re.compile(rf"^\s*(?P<label>[A-Za-z][A-Za-z0-9 /'’-]{{1,40}}?)\s*:?\s*\n\s*(?P<fig>{_FIG})\s*$")


def read_kind_over_figure(block: str, ctx: Context, *, page: int | None, section: str | None) -> list[RawFigure]:
    """`Previous quarter` over `61%` (a small table's label and figure, under the sentence holding the
    latest figure): that kind's figure of the one measure the heading above names; nothing when the
    label is no kind's (`Contacts`, `Page`) or no heading names one measure."""
    m = _KIND_OVER_FIGURE.match(block)
    if not m or not ctx.heading or _LIST_HEADING.search(ctx.heading):
        return []
    label = m.group("label").strip()
    meaning = classify_header(label)
    if meaning.role != "value" or meaning.kind in {None, "actual"} or len(_words(label)) > 4:
        return []  # a dated label (`2023/24`) over a figure says nothing of which measure it is
    item = _Item(ctx.heading, m.group("fig"), meaning.kind, Period(None))
    return _figures([item], re.sub(r"\s+", " ", block).strip(), page, section)


def _area_line(sentence: str, ctx: Context) -> list[_Item] | None:
    """`England = 60`, `Shropshire: 47` in a list under a heading naming one measure, after a lead-in
    ending with a colon (`Latest benchmarking figures for March 2016 show LAC rates of:`): the figure of
    the area or kind the label names (read.kinds.classify_header), dated by the lead-in."""
    m = _AREA.match(sentence.strip().rstrip(".;,"))
    if not m or not ctx.heading or not ctx.lead or _LIST_HEADING.search(ctx.heading):
        return None
    meaning = classify_header(m.group("label"))
    if meaning.role != "value" or meaning.kind is None or meaning.period_label:
        return None
    return [_Item(ctx.heading, m.group("fig"), meaning.kind, _period(ctx.lead))]


def read_area_lines(block: str, ctx: Context, *, page: int | None, section: str | None) -> list[RawFigure]:
    """A list of `Area = figure` lines (a bullet each, or lines of one block): every line in that form,
    else nothing."""
    if not ctx.heading or not ctx.lead:
        return []  # asked of every block: most have no measure heading and lead-in above them
    lines = [re.sub(r"\s+", " ", ln).strip(" \t•·-–") for ln in block.splitlines() if ln.strip()]
    out: list[RawFigure] = []
    for line in lines:
        items = _area_line(line, ctx)
        if items is None:
            return []
        out.extend(_figures(items, line, page, section))
    return out


def _clauses(text: str) -> list[str]:
    """The clauses a sentence joins with `;` or `, and the`, never split inside brackets
    (`(target 85%; last quarter 79.4%)`)."""
    out, start = [], 0
    for m in _CLAUSES.finditer(text):
        if text.count("(", 0, m.start()) == text.count(")", 0, m.start()):
            out.append(text[start : m.start()])
            start = m.end()
    return [*out, text[start:]]


def read_stated(sentence: str, ctx: Context, *, page: int | None, section: str | None) -> list[RawFigure] | None:
    """The figures of a sentence in a set form, or None when any of its clauses is in none."""
    text = _NUMBERING.sub("", sentence)  # `2.1 The percentage of ...`: the paragraph's number
    if not _QUICK.search(text):
        return None  # most sentences are in no set form: what every form needs is looked for once
    items = _label_line(text)
    if items is None:
        items = []
        for clause in _clauses(text):
            if items and not re.search(r"\d", clause):
                continue  # `...; this has now fallen below the national average`: a comment, no figure
            found = _clause(clause, ctx)
            if found is None:
                return None
            if items and found and found[0].kind == "actual" and found[0].period.label is None:
                # `... was 51.35% in 2018-19 (...), and the percentage ... was 45.16%`: the sentence's period
                found[0] = replace(found[0], period=items[0].period)
            items.extend(found)
    if not items:
        return None
    ctx.last_name = items[0].name
    if ctx.report is not None:
        # as the general reader dates them: a level with no period printed is the report's
        items = [replace(i, period=ctx.report) if i.kind == "actual" and i.period.label is None else i for i in items]
    return _figures(items, sentence, page, section)


def _figures(items: list[_Item], sentence: str, page: int | None, section: str | None) -> list[RawFigure]:
    return [
        RawFigure(
            value=float(re.sub(r"[^\d.]", "", item.raw)),
            indicator_raw=item.name,
            value_raw=item.raw,
            value_kind=item.kind,  # type: ignore[arg-type]
            context=sentence,
            source="narrative",
            period=item.period,
            unit=_unit(item),
            section=section,
            page=page,
        )
        for item in items
    ]


def _unit(item: _Item) -> str:
    if item.unit:
        return item.unit
    if item.raw.endswith("%") or item.raw.endswith("cent"):
        return "percent"
    if item.raw.startswith("£"):
        return "gbp"
    if re.search(r"\baverage\b.*\bdays\b", item.name, re.I):
        return "days"  # `The average number of working days by which ... was 38`: days, though `number of`
    # a rate with no base printed is no count
    return infer_unit(item.raw, item.name) or ("unknown" if re.search(r"\brate\b", item.name, re.I) else "count")
