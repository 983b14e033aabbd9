"""Period phrases in a sentence (`in 2023/24`, `as at the end of March`, `the previous year`) and how they bind
to the figures around them. What period a phrase names is always decided by extract.read.periods."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from extract.model import Period, normalise_space
from extract.read.narrative.text import _after, _before, _cover, _has_verb, _wordset
from extract.read.needs import gated
from extract.read.periods import (
    add_months,
    calendar_year,
    full_year,
    month_end,
    month_number,
    month_period,
    parse_period,
    point_in_time,
    rolling_12_months,
    shift_months,
    shift_years,
    span_period,
    split_year,
)
from extract.settings import NarrativeSettings

# --------------------------------------------------------------------------- period phrases

_M = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])"
)
_M_CAP = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?![a-z])"
)
_Y4 = r"(?:19|20)\d{2}"
_PERIOD_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("rolling", re.compile(
        rf"\b(?:the\s+)?(?:12\s+months|year)\s+(?:to|ending|ended)\s+(?:the\s+end\s+of\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?"
        rf"(?P<m>{_M})(?:\s+(?P<y>{_Y4}))?", re.I)),
    ("span", re.compile(rf"\b(?P<m1>{_M})\s+(?P<y1>{_Y4})\s*(?:-|–|—|to|and|until)\s*(?P<m2>{_M})\s+(?P<y2>{_Y4})",
                        re.I)),
    ("day", re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_M})\s*,?\s+(?P<y>{_Y4})", re.I)),
    ("span", re.compile(rf"\b(?P<m1>{_M})\s*(?:-|–|—|to|and|until)\s*(?P<m2>{_M})\s*,?\s+(?P<y2>{_Y4})", re.I)),
    ("span", re.compile(rf"\b(?P<m1>{_M})\s*[-–]\s*(?P<m2>{_M})\s*[-’']?\s*(?P<y2>\d{{2}})(?![\d/%]|[.,]\d)", re.I)),
    ("span", re.compile(rf"\b(?:[Ff]rom|[Bb]etween)\s+(?P<m1>{_M_CAP})\s+(?:to|and|until)\s+(?P<m2>{_M_CAP})")),
    ("quarter", re.compile(
        r"\b(?:Q|[Qq]uarter\s*)(?P<q>[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[1-4])\b"
        r"(?:\s*,?\s*(?P<fy>(?:19|20)\d{2}\s*[/-]\s*\d{2,4}))?")),
    ("split", re.compile(r"(?<![\d/.,])(?P<a>(?:19|20)\d{2})\s*[/\-–]\s*(?P<b>\d{4}|\d{2})(?![\d/%])")),
    ("split", re.compile(r"(?<![\d/.,])(?P<a>\d{2})/(?P<b>\d{2})(?![\d/%]|-?\s*years?\b|-year)")),
    ("month", re.compile(rf"\b(?P<m>{_M})(?P<sep>\s*[-’']\s*|\s+)(?P<y>{_Y4}|\d{{2}})(?![\d/%]|[.,]\d)", re.I)),
    ("month_alone", re.compile(rf"\b(?P<m>{_M_CAP})\b(?!['’]s\b)")),
    ("year", re.compile(rf"(?<![\d,.£/])(?P<y>{_Y4})(?![\d,%]|\.\d)")),
    # `In 2023, ...`: a year before a comma is a period only after its preposition (`Act 1989, ...` is a name)
    ("year", re.compile(rf"(?:(?<=\b[Ii]n\s)|(?<=\bduring\s)|(?<=\bfor\s)|(?<=\bby\s))(?P<y>{_Y4})(?=,\D)")),
    # `over the last 6 months`: the months up to the report's end
    ("last_months", re.compile(
        r"\b(?:the\s+)?(?:last|past|previous)\s+(?P<n>[2-9]|1[01]|two|three|four|five|six|seven|eight|nine)\s+months\b",
        re.I)),
    ("relative", re.compile(
        r"\b(?:the\s+)?(?:same\s+(?:point|period|time)\s+)?(?:last|previous|prior)\s+(?P<unit>year|quarter|month)\b"
        r"|\b(?:12\s+months|a\s+year)\s+(?:ago|earlier)\b", re.I)),
    ("since", re.compile(r"\bsince\s+then\b", re.I)),
]  # fmt: skip
# What each pattern cannot match without (None: always run it), searched once per sentence: a
# sentence without a month name skips the eight month patterns.
_ANY_MONTH = re.compile(rf"\b{_M}", re.I)  # every month pattern has a month name at a word start
_ANY_Y4 = re.compile(r"[12][09]\d\d")  # what every _Y4 matches (and a little more)
_GATES: list[re.Pattern[str] | None] = [
    _ANY_MONTH, _ANY_MONTH, _ANY_MONTH, _ANY_MONTH, _ANY_MONTH, _ANY_MONTH,  # rolling, span, day, span x3
    re.compile(r"[Qq]"),  # quarter
    _ANY_Y4, re.compile("/"),  # split
    _ANY_MONTH, _ANY_MONTH,  # month, month_alone
    _ANY_Y4, _ANY_Y4,  # year
    re.compile(r"months", re.I),  # last_months
    None,  # relative
    re.compile(r"since", re.I),
]  # fmt: skip
_PREP_TAIL = re.compile(
    r"(?<![A-Za-z])(?P<prep>as\s+at\s+the\s+end\s+of|as\s+at|as\s+of|at\s+the\s+end\s+of|the\s+end\s+of|end\s+of"
    r"|compared\s+(?:to|with)|in\s+comparison\s+(?:to|with)|at|in|during|for|by|over|of|on|from|to|since|until"
    r"|between|throughout|within|than)\s+(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?$",  # `in late September`
    re.I,
)
_TRAILING_PREPS = _wordset(
    "as at the end of|as at|as of|at the end of|the end of|end of|at|in|during|for|by|over|of|on|within", "|"
)
_SNAPSHOT_PREPS = _wordset("as at the end of|as at|as of|at the end of|the end of|end of|at|by", "|")
_MONTH_ALONE_PREPS = _SNAPSHOT_PREPS | {"in", "during", "for", "since", "from", "to", "until", "of", "on", "over"}
_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_COMPARISON = re.compile(
    r"\b(?:compared|comparison|than|from|previous|versus|vs|same\s+as"
    r"|(?:down|up|reduction|increase|decrease|rise|fall|improvement|deterioration)\s+on)\b",
    re.I,
)
_ACADEMIC = gated(re.compile(r"\bacademic\b|\bterms?\b|\bschool\s+year\b", re.I))


@dataclass(frozen=True)
class _Mention:
    """A period phrase in a sentence. `period` None: a date-like span that is no figure's period."""

    start: int  # including its preposition
    end: int
    period: Period | None
    trailing: bool  # can belong to the figure before it (`84.1% in 2022/23`)
    leading: bool  # governs the figures after it (`In 2023/24, ...`, `2022/23 (1,461)`)
    comparison: bool  # an earlier period the sentence compares with
    blocking: bool = False  # `since then`: figures after it belong to no earlier phrase
    relative: bool = False  # `the previous year`: dated from the sentence's own period


@dataclass(frozen=True)
class _Setting:
    """What every sentence of a call shares."""

    report_period: Period | None
    strict: bool
    section: str | None
    page: int | None
    limits: NarrativeSettings

    @property
    def fy_end_year(self) -> int | None:
        p = self.report_period
        if p is None or p.end is None:
            return None
        if p.type == "financial_year":
            return p.end.year
        return p.end.year + 1 if p.end.month >= 4 else p.end.year

    def month_year(self, month: int) -> int | None:
        """The year of the latest `month` that ends on or before the report's end (`January` in a Jan-25 report)."""
        p = self.report_period
        if p is None or p.end is None:
            return None
        return p.end.year if month <= p.end.month else p.end.year - 1


def _atom_period(kind: str, m: re.Match[str], academic: bool, prep: str | None, s: _Setting) -> Period | None:
    """The period one matched phrase names; None when it names none a figure could have."""
    label = m.group(0)
    snapshot = prep in _SNAPSHOT_PREPS
    if kind == "rolling":
        month = month_number(m.group("m"))
        year = int(m.group("y")) if m.group("y") else s.month_year(month)
        if year is None:
            return Period(label)
        return rolling_12_months(label, year, month)
    if kind == "span":
        m1, m2 = month_number(m.group("m1")), month_number(m.group("m2"))
        y2 = full_year(m.group("y2")) if m.groupdict().get("y2") else s.month_year(m2)
        if y2 is None:
            return Period(label)
        y1 = int(m.group("y1")) if m.groupdict().get("y1") else (y2 if m1 <= m2 else y2 - 1)
        if (y1, m1) > (y2, m2):
            return None
        return span_period(label, date(y1, m1, 1), y2, m2)
    if kind == "day":
        return parse_period(label)
    if kind == "quarter":
        p = parse_period(label, fy_end_year=s.fy_end_year)
        return p if p.end else Period(label)
    if kind == "split":
        if split_year(label) is None:
            return None
        year_kind = "academic" if academic else "financial"
        p = parse_period(label, year_kind=year_kind)
        return point_in_time(f"{prep} {label}", p.end) if snapshot and p.end else p
    if kind == "month":
        if m.group("m") == "may" or (len(m.group("y")) == 2 and len(m.group("m")) > 4 and not m.group("sep").strip()):
            return None  # `may 12`, `September 20 children`: not a month label
        year, month = full_year(m.group("y")), month_number(m.group("m"))
        if snapshot:
            return point_in_time(f"{prep} {label}", month_end(year, month))
        return month_period(label, year, month)
    if kind == "month_alone":
        if prep not in _MONTH_ALONE_PREPS:
            return None
        month = month_number(m.group("m"))
        year = s.month_year(month)
        if year is None:
            return Period(label)
        if snapshot:
            return point_in_time(f"{prep} {label}", month_end(year, month))
        return month_period(label, year, month)
    if kind == "last_months":
        report = s.report_period
        if report is None or report.end is None:
            return Period(label)
        n = _COUNT_WORDS.get(m.group("n").lower()) or int(m.group("n"))
        first = add_months(date(report.end.year, report.end.month, 1), 1 - n)
        return span_period(label, first, report.end.year, report.end.month)
    if kind == "year":
        if prep not in {"in", "during", "for", "of", "by", "end of", "the end of", "at the end of"}:
            return None
        return calendar_year(label, int(m.group("y")))
    return None


# (_period_mentions' patterns, compiled once: it asks them of every period phrase)
_CLAUSE_END = re.compile(r"(?:[(,;:]|\band)\s*$")
_FOLLOWED = re.compile(r"\s*[,(:]")


def _period_mentions(sentence: str, s: _Setting) -> list[_Mention]:
    """Every period phrase of the sentence, with the preposition that tells how it binds to figures."""
    taken: list[tuple[int, int, str, re.Match[str]]] = []
    covered = bytearray(len(sentence) + 1)
    present: dict[re.Pattern[str], bool] = {}
    for (kind, pattern), gate in zip(_PERIOD_PATTERNS, _GATES, strict=True):
        # in order of preference: a longer phrase wins over its parts
        if gate is not None:
            if gate not in present:
                present[gate] = gate.search(sentence) is not None
            if not present[gate]:
                continue  # what the pattern cannot match without is missing: it finds nothing
        for m in pattern.finditer(sentence):
            if any(covered[m.start() : m.end()]):
                continue
            _cover(covered, m.start(), m.end())
            taken.append((m.start(), m.end(), kind, m))
    taken.sort()
    academic = bool(_ACADEMIC.search(sentence))
    mentions: list[_Mention] = []
    previous_end = 0
    for start, end, kind, m in taken:
        lead_from = max(previous_end, start - 40)
        pm = _PREP_TAIL.search(sentence[lead_from:start])
        prep = normalise_space(pm.group("prep")).lower() if pm else None
        first = lead_from + pm.start() if pm else start
        window = sentence[max(previous_end, start - 200) : start]
        window = window[max(window.rfind(";"), window.rfind(". ")) + 1 :]
        clause_start = first == 0 or bool(_CLAUSE_END.search(_before(sentence, first, 20)))
        followed = bool(_FOLLOWED.match(_after(sentence, end, 5)))
        listed = bool(mentions) and mentions[-1].comparison and not _has_verb(window)
        relative = kind == "relative"
        if kind == "since" or prep == "since":
            mentions.append(_Mention(first, end, None, False, False, False, blocking=True))
            previous_end = end
            continue
        period = None if relative else _atom_period(kind, m, academic, prep, s)
        mentions.append(
            _Mention(
                start=first,
                end=end,
                period=period,
                # `... 92% completed within 15 days (2013–14)`: a bracketed period is the figure's before it
                trailing=relative or prep in _TRAILING_PREPS or (prep is None and sentence[start - 1 : start] == "("),
                leading=prep is None
                or prep.startswith(("compared", "in comparison", "than", "from", "between"))
                or followed
                or clause_start,
                comparison=bool(_COMPARISON.search(window))
                or bool(prep and prep.startswith(("compared", "in comp")))
                or listed,
                relative=relative,
            )
        )
        previous_end = end
    return _resolve_relative(mentions, sentence, s)


def _resolve_relative(mentions: list[_Mention], sentence: str, s: _Setting) -> list[_Mention]:
    """`the previous year`, `last quarter`: one year / quarter / month before the sentence's own period."""
    base = next((x.period for x in mentions if x.period and x.period.end and not x.comparison), s.report_period)
    out: list[_Mention] = []
    for x in mentions:
        if x.relative:
            label = sentence[x.start : x.end]
            unit = "quarter" if "quarter" in label.lower() else "month" if "month" in label.lower() else "year"
            if base is None or base.end is None:
                period = Period(label)
            elif unit == "year" or (unit == "month" and "12 months" in label.lower()):
                period = shift_years(base, -1, label)
            else:
                period = shift_months(base, -3 if unit == "quarter" else -1, label)
            x = replace(x, period=period)
        out.append(x)
    return out
