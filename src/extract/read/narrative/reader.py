"""Figures written in sentences: `In 2023/24, 81.4% (1,119 / 1,374) of the children had ...`.

The reader is rule-based and general: it knows English function words, period phrases and
benchmark words (target, national, regional, statistical neighbours), never a council's
indicator names. Every row's `context` is one sentence exactly as printed (whitespace
normalised) and its `value_raw` is a substring of that sentence.

Per sentence: find period phrases, then candidate numbers, drop the ones that are not
measures (years, dates, labels such as `KPI 3`, definitions such as `within 12 months`,
changes such as `16.5% increase`), then give each figure a kind, a period, an indicator
phrase and, where printed, a numerator and denominator.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from extract.model import Period, RawFigure, normalise_space
from extract.read.periods import (
    add_months,
    financial_year,
    month_end,
    month_period,
    parse_period,
    point_in_time,
    shift_months,
    shift_years,
    split_year,
)
from extract.read.values import infer_unit


def _wordset(text: str, sep: str | None = None) -> frozenset[str]:
    return frozenset(text.split(sep))


# --------------------------------------------------------------------------- blocks

_BULLET_CHARS = "-–—*•·▪■□◦●○►▶➤➢✓✔>\uf0a7\uf0b7\uf0d8\uf076"
_SEPARATOR_LINE = re.compile(
    rf"^\s*(?:\(?\d{{1,3}}[.,)]?|\(?[a-z][.)]|\(?[ivx]{{1,5}}[.)]|[{re.escape(_BULLET_CHARS)}o]+)\s*$", re.I
)
_BULLET_START = re.compile(rf"^\s*(?:[{re.escape(_BULLET_CHARS)}]|o(?=\s)|\d{{1,2}}[.)](?=\s)|\([a-z0-9]{{1,3}}\))\s*")
_HEADING_LINE = re.compile(r"^\s*#{1,6}\s")
_TABLE_MIN_CELLS = 3


def _is_table_line(line: str) -> bool:
    cells = [c.strip() for c in line.split("\t") if c.strip()]
    if line.count("\t") >= _TABLE_MIN_CELLS - 1:
        return True
    if "\t" in line and len(cells) > 1 and re.fullmatch(r"[\d.,%£]+", cells[-1]):
        return True  # `Key to Symbols<TAB>2`: a contents or key row
    stripped = line.strip()
    return stripped.startswith("|") and stripped.count("|") >= _TABLE_MIN_CELLS


def _continues(previous: str, line: str) -> bool:
    """A wrapped sentence broken by a blank line: no closing punctuation, lower-case next line."""
    return not re.search(r"[.!?:;]\W*$", previous.rstrip()) and bool(re.match(r"\s*[a-z]", line))


def narrative_blocks(text: str) -> list[str]:
    """Split page text into prose blocks (paragraphs and bullets).

    Lines holding only a paragraph number or bullet glyphs, and table-like lines (3+ tab
    cells), end the block and are dropped: text is never joined across them, so every
    block's normalised text stays a substring of the normalised page.
    """
    blocks: list[str] = []
    current: list[str] = []
    blank_before = False

    def flush() -> None:
        if current and normalise_space("\n".join(current)):
            blocks.append("\n".join(current))
        current.clear()

    for line in text.splitlines():
        if _is_table_line(line) or _SEPARATOR_LINE.match(line):
            flush()
            blank_before = False
            continue
        if not line.strip():
            blank_before = True
            continue
        starts = bool(_BULLET_START.match(line) or _HEADING_LINE.match(line))
        if current and (starts or (blank_before and not _continues(current[-1], line))):
            flush()
        current.append(line)
        blank_before = False
        if _HEADING_LINE.match(line):
            flush()
    flush()
    return blocks


# --------------------------------------------------------------------------- sentences

_ABBREVIATIONS = _wordset(
    "approx e.g eg i.e ie no nos vs cf dr mr mrs ms st cllr prof fig figs incl excl est ref para paras sec dept "
    "govt approx. c ca"
)
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[*]*[A-Z0-9£])")
_BLOCK_MARKER = re.compile(
    rf"^(?:#{{1,6}}\s+)?(?:(?:[{re.escape(_BULLET_CHARS)}]|o(?=\s))\s*)*"
    r"(?:\(?[a-z]\)\s+|\(?[ivx]{1,5}\)\s+|\d{1,3}[.)]\s+|\d{1,3}\s+(?=[A-Z][a-z]|[A-Z]{2}))?"
)


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    m = re.search(r"([\w.]+)$", text[:dot])
    if not m:
        return False
    word = m.group(1).lower()
    return word in _ABBREVIATIONS or bool(re.fullmatch(r"[a-z]|(?:[a-z]\.)+[a-z]", word))


def sentences(block: str) -> list[str]:
    """Whitespace-normalised sentences of a block, without its leading bullet or paragraph number.

    Never splits inside decimals (`81.4%`), after abbreviations (`approx.`, `e.g.`) or initials.
    """
    text = normalise_space(block)
    marker = _BLOCK_MARKER.match(text)
    text = text[marker.end() :] if marker else text
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if _is_abbreviation(text, m.start()):
            continue
        out.append(text[start : m.end()].strip())
        start = m.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


# --------------------------------------------------------------------------- words

_PREPOSITIONS = _wordset(
    "of in on at to for from with by within over under into onto than as per via about around between "
    "during since until after before across against among amongst through throughout towards upon"
)
_STOPWORDS = _PREPOSITIONS | _wordset(
    "the a an and or but nor so yet our their its his her my your this that these those which who whom whose "
    "what where when while it we they there he she i you all any each every some no not only also further "
    "more most less fewer least just very still now currently then been being such both either neither "
    "if because whereas although though however"
)
_VERBS = _wordset(
    "is are was were be been being am has have had having do does did will would can could shall should may "
    "might must remain remains remained continue continues continued saw see sees seen show shows showed shown "
    "came come comes become becomes became went go goes gone got get gets took take takes taken made make makes "
    "held hold holds sat sits stood stands stand rose rise rises risen fell fall falls fallen grew grow grows "
    "grown increased increases decreased decreases improved improves reduced reduces dropped drops climbed climbs "
    "ceased represents represented represent reached reaches averaged averaging equates equated accounted "
    "accounts comprise comprises comprised received receives hit hits achieved achieves met meets exceeded "
    "exceeds surpassed needs sees performed performs"
)
_GENERIC_WORDS = _wordset(
    "percentage rate rates kpi figure figures number proportion position performance data trend measure latest "
    "current overall month quarter year for the of this our average level levels total value result outturn "
    "indicator it its"
)
_PRONOUNS = _wordset("this that these those it we they there he she i you which what")
_MONTH_WORDS = _wordset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’&-]*")


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _has_verb(text: str) -> bool:
    for i, w in enumerate(_words(text)):
        low = w.lower()
        if low in _VERBS or (i > 0 and len(low) > 4 and low.endswith("ed") and low != "need"):
            return True
    return False


def _is_noun_start(word: str) -> bool:
    """Could this word begin a noun phrase (`children`, `EHCPs`)? Not a function word, verb, month or participle."""
    low = word.lower()
    participle = (len(low) > 4 and low.endswith("ed") and low != "need") or (len(low) > 5 and low.endswith("ing"))
    return low not in _STOPWORDS and low not in _VERBS and low not in _MONTH_WORDS and not participle


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
        rf"\b(?:the\s+)?12\s+months\s+(?:to|ending)\s+(?:the\s+end\s+of\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?"
        rf"(?P<m>{_M})(?:\s+(?P<y>{_Y4}))?", re.I)),
    ("span", re.compile(rf"\b(?P<m1>{_M})\s+(?P<y1>{_Y4})\s*(?:-|–|—|to|and|until)\s*(?P<m2>{_M})\s+(?P<y2>{_Y4})",
                        re.I)),
    ("day", re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_M})\s*,?\s+(?P<y>{_Y4})", re.I)),
    ("span", re.compile(rf"\b(?P<m1>{_M})\s*(?:-|–|—|to|and|until)\s*(?P<m2>{_M})\s*,?\s+(?P<y2>{_Y4})", re.I)),
    ("span", re.compile(rf"\b(?:[Ff]rom|[Bb]etween)\s+(?P<m1>{_M_CAP})\s+(?:to|and|until)\s+(?P<m2>{_M_CAP})")),
    ("quarter", re.compile(
        r"\b(?:Q|[Qq]uarter\s*)(?P<q>[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[1-4])\b"
        r"(?:\s*,?\s*(?P<fy>(?:19|20)\d{2}\s*[/-]\s*\d{2,4}))?")),
    ("split", re.compile(r"(?<![\d/.,])(?P<a>(?:19|20)\d{2})\s*[/\-–]\s*(?P<b>\d{4}|\d{2})(?![\d/%])")),
    ("split", re.compile(r"(?<![\d/.,])(?P<a>\d{2})/(?P<b>\d{2})(?![\d/%]|-?\s*years?\b|-year)")),
    ("month", re.compile(rf"\b(?P<m>{_M})(?P<sep>\s*[-’']\s*|\s+)(?P<y>{_Y4}|\d{{2}})(?![\d/%]|[.,]\d)", re.I)),
    ("month_alone", re.compile(rf"\b(?P<m>{_M_CAP})\b(?!['’]s\b)")),
    ("year", re.compile(rf"(?<![\d,.£/])(?P<y>{_Y4})(?![\d,%]|\.\d)")),
    ("relative", re.compile(
        r"\b(?:the\s+)?(?:same\s+(?:point|period|time)\s+)?(?:last|previous|prior)\s+(?P<unit>year|quarter|month)\b"
        r"|\b(?:12\s+months|a\s+year)\s+(?:ago|earlier)\b", re.I)),
    ("since", re.compile(r"\bsince\s+then\b", re.I)),
]  # fmt: skip
_PREP_TAIL = re.compile(
    r"(?<![A-Za-z])(?P<prep>as\s+at\s+the\s+end\s+of|as\s+at|as\s+of|at\s+the\s+end\s+of|the\s+end\s+of|end\s+of"
    r"|compared\s+(?:to|with)|in\s+comparison\s+(?:to|with)|at|in|during|for|by|over|of|on|from|to|since|until"
    r"|between|throughout|within|than)\s+(?:the\s+)?$",
    re.I,
)
_TRAILING_PREPS = _wordset(
    "as at the end of|as at|as of|at the end of|the end of|end of|at|in|during|for|by|over|of|on|within", "|"
)
_SNAPSHOT_PREPS = _wordset("as at the end of|as at|as of|at the end of|the end of|end of|at|by", "|")
_MONTH_ALONE_PREPS = _SNAPSHOT_PREPS | {"in", "during", "for", "since", "from", "to", "until", "of", "on", "over"}
_COMPARISON = re.compile(
    r"\b(?:compared|comparison|than|from|previous|versus|vs|(?:down|up|reduction|increase|decrease|rise|fall)\s+on)\b",
    re.I,
)
_ACADEMIC = re.compile(r"\bacademic\b|\bterms?\b|\bschool\s+year\b", re.I)


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


def _month(name: str) -> int:
    return int(
        {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
         "nov": 11, "dec": 12}[name[:3].lower()]
    )  # fmt: skip


def _span_period(label: str, first: date, last_year: int, last_month: int) -> Period:
    end = month_end(last_year, last_month)
    months = (last_year * 12 + last_month) - (first.year * 12 + first.month) + 1
    if months == 12 and first.month == 4:
        return financial_year(label, last_year)
    if months == 3:
        return Period(label, "quarter", first, end)
    if months == 12:
        return Period(label, "rolling_12_months", first, end)
    return Period(label, "unknown", first, end)


def _atom_period(kind: str, m: re.Match[str], academic: bool, prep: str | None, s: _Setting) -> Period | None:
    """The period one matched phrase names; None when it names none a figure could have."""
    label = m.group(0)
    snapshot = prep in _SNAPSHOT_PREPS
    if kind == "rolling":
        month = _month(m.group("m"))
        year = int(m.group("y")) if m.group("y") else s.month_year(month)
        if year is None:
            return Period(label)
        end = month_end(year, month)
        return Period(label, "rolling_12_months", add_months(date(year, month, 1), -11), end)
    if kind == "span":
        m1, m2 = _month(m.group("m1")), _month(m.group("m2"))
        y2 = int(m.group("y2")) if m.groupdict().get("y2") else s.month_year(m2)
        if y2 is None:
            return Period(label)
        y1 = int(m.group("y1")) if m.groupdict().get("y1") else (y2 if m1 <= m2 else y2 - 1)
        if (y1, m1) > (y2, m2):
            return None
        return _span_period(label, date(y1, m1, 1), y2, m2)
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
        year, month = int(m.group("y")), _month(m.group("m"))
        year = year if year >= 100 else 2000 + year
        if snapshot:
            return point_in_time(f"{prep} {label}", month_end(year, month))
        return month_period(label, year, month)
    if kind == "month_alone":
        if prep not in _MONTH_ALONE_PREPS:
            return None
        month = _month(m.group("m"))
        year = s.month_year(month)
        if year is None:
            return Period(label)
        if snapshot:
            return point_in_time(f"{prep} {label}", month_end(year, month))
        return month_period(label, year, month)
    if kind == "year":
        if prep not in {"in", "during", "for", "of", "by", "end of", "the end of", "at the end of"}:
            return None
        y = int(m.group("y"))
        return Period(label, "calendar_year", date(y, 1, 1), date(y, 12, 31))
    return None


def _period_mentions(sentence: str, s: _Setting) -> list[_Mention]:
    """Every period phrase of the sentence, with the preposition that tells how it binds to figures."""
    taken: list[tuple[int, int, str, re.Match[str]]] = []
    covered = bytearray(len(sentence) + 1)
    for kind, pattern in _PERIOD_PATTERNS:  # in order of preference: a longer phrase wins over its parts
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
        clause_start = first == 0 or bool(re.search(r"(?:[(,;:]|\band)\s*$", _before(sentence, first, 20)))
        followed = bool(re.match(r"\s*[,(:]", _after(sentence, end, 5)))
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
                trailing=relative or prep in _TRAILING_PREPS,
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


# --------------------------------------------------------------------------- numbers

_MASK = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|<(sup|sub)>.*?</\1>|<[^>]+>|\$[^$]{1,200}\$", re.I)
_NUMBER = re.compile(r"(?<![\w.,/%$+\-−–:])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d)(?![.,:]\d)")
_PERCENT_TAIL = re.compile(r"\s?(?:%|per\s?cent\b|percent\b)")
_FRACTION = re.compile(
    r"(?<![\w.,/])(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s*/\s*(?P<d>\d{1,3}(?:,\d{3})+|\d+)(?![\w/%]|[.,]\d|-?\s*years?\b)"
)
_PAREN_FRACTION = re.compile(r"\s*\(\s*(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s*/\s*(?P<d>\d{1,3}(?:,\d{3})+|\d+)\s*\)")
_OUT_OF = re.compile(r"\s+out\s+of\s+(?P<d>\d{1,3}(?:,\d{3})+|\d+)(?!\d|[.,]\d|\s?%)")
_RATE_TAIL = re.compile(r"\s*per\s+(?P<base>10,000|10000|10k|1,000|1000|1k)\b", re.I)
_GLUED_WORDS = _wordset("in of to at and from the for on with per")
_LABEL_BEFORE = re.compile(
    r"(?:\b(?:kpi|pi|q|quarter|year|yr|day|week|month|phase|stage|step|level|tier|item|page|pg|slide|appendix|annex"
    r"|section|s|paragraph|para|table|graph|figure|fig|chart|extension|ext|tel|telephone|version|part|chapter"
    r"|pillar|round|cohort|wave|grade|ward|room|line|column|row|recommendation|priority|objective|action|question"
    r"|point|option|no|key\s+stage|ks|capping|indicator)\.?\s*[:#]?\s*$)",
    re.I,
)
_ACRONYM_BEFORE = re.compile(r"\b[A-Z][A-Z0-9&]{1,5}\)?\s*[/-]?\s*$")
_DURATION_AFTER = re.compile(
    r"^\s*(?:\+|plus)?\s*[-–]?\s*(?:working\s+|calendar\s+|school\s+|full\s+|consecutive\s+|direct\s+)?"
    r"(?:days?|weeks?|months?|years?|yrs?|hours?|hrs?|minutes?|mins?|miles?|mi|km|kilometres?|mths?|wks?|decades?"
    r"|nights?|-?year-olds?|year\s+olds?)\b",
    re.I,
)
_AVERAGE_BEFORE = re.compile(
    r"\b(?:average[ds]?(?:\s+[a-z]+){0,3}?(?:\s+of|\s+at|\s+is|\s+was|\s+were)?|averaging(?:\s+at)?|mean\s+of|took|taking"
    r"|taken(?:\s+was|\s+is)?)\s*(?:\*\*)?\s*$",
    re.I,
)
_THRESHOLD_AFTER = re.compile(
    r"^\s*(?:\+|plus\b|or\s+(?:more|over|fewer|less|above|below|under|older|younger)\b)", re.I
)
_AGE_BEFORE = re.compile(r"\b(?:aged|age|ages|post|pre)\s*[-]?\s*$|(?:<=?|>=?|=)\s*$", re.I)
_BOUND_BEFORE = re.compile(
    r"\b(?:under|over|above|below|at\s*least|up\s+to|(?:more|less|fewer|greater)\s+than(?:\s+or\s+equal\s+to)?"
    r"|equal\s+to|within)\s*$",
    re.I,
)
_RATE_THRESHOLD_BEFORE = re.compile(
    r"\brate\s+(?:above|below|over|under|of\s+(?:over|more\s+than|at\s+least))\s*$", re.I
)
_HEDGE = r"(?:almost|nearly|around|about|approximately|approx\.?|over|just|some|only|a\s+further|roughly|circa)?"
_CHANGE_BEFORE = re.compile(
    rf"(?:\bby|[+−]|(?<![\w\s])-|\b(?:increase|decrease|rise|fall|reduction|growth|drop|change|improvement|decline"
    rf"|uplift)s?(?:\s+in\s+[\w'’ -]{{1,40}}?)?\s+(?:of|by))\s*{_HEDGE}\s*(?:\*\*)?\s*$",
    re.I,
)
_CHANGE_AFTER = re.compile(
    r"^\s*(?:\*\*)?\s*(?:percentage\s+points?|pp|ppts?|points?)?\s*(?:\*\*)?\s*(?:increase|decrease|rise|fall"
    r"|reduction|growth|drop|improvement|decline|more|fewer|less|higher|lower|up|down|uplift|change|behind|ahead"
    r"|above|below)\b"
    r"|^\s*(?:on|than)\s+(?:last|the\s+previous|previous|the\s+same)\b",
    re.I,
)
_EXCEPT_BEFORE = re.compile(r"\bexcept(?:\s+for)?\s*$", re.I)


@dataclass
class _Fig:
    start: int
    end: int  # value_raw is sentence[start:end]
    tail: int  # where the words after the figure begin (after `%`, `(a / b)`, `out of n`)
    value: float
    percent: bool
    numerator: float | None = None
    denominator: float | None = None
    rate_unit: str | None = None
    forced_unit: str | None = None
    kind: str = "actual"
    own: str | None = None  # an indicator phrase of its own (`81.4% of the children had ...`)
    weak: str | None = None  # a one-word or generic phrase (`2,973 visits`)
    qualifier: str = ""  # the words right after it, to pick the indicator it compares with
    attached_to: int | None = None  # `from 81 families` after `121 children ...`
    noun: str | None = None  # the head noun of an attachment (`families`)
    rest: str | None = None  # the words after an attachment, shared with the count it hangs on
    inherit_full: bool = False  # `the 18 who came into care ...`: same indicator as the figure before
    predicate: str | None = None  # `were placed out of county` after a count with no noun
    of_which: bool = False
    of_all: bool = False  # `6% of all children in care`: the whole, not the measure
    period: Period | None = None
    indicator: str = ""


_WINDOW = 120  # characters looked at on either side of a number: the words that qualify it are near


def _before(text: str, pos: int, width: int = _WINDOW) -> str:
    return text[max(0, pos - width) : pos]


def _after(text: str, pos: int, width: int = _WINDOW) -> str:
    return text[pos : pos + width]


def _num(text: str) -> float:
    return float(text.replace(",", ""))


def _masked(sentence: str, mentions: list[_Mention]) -> bytearray:
    """1 at every position no figure may start: links, markup and period phrases."""
    mask = bytearray(len(sentence) + 1)
    for m in _MASK.finditer(sentence):
        _cover(mask, m.start(), m.end())
    for x in mentions:
        # the whole phrase is no figure, but a figure glued to its preposition (`13in 2023/24`) stays
        first_digit = re.search(r"\d", sentence[x.start : x.end])
        _cover(mask, x.start + first_digit.start() if first_digit else x.start, x.end)
    return mask


def _cover(mask: bytearray, start: int, end: int) -> None:
    mask[start:end] = b"\x01" * (end - start)


def _not_a_measure(sentence: str, start: int, end: int, raw: str, percent: bool) -> bool:
    """True for numbers that are labels, dates, definitions, thresholds or changes rather than measures."""
    before, after = _before(sentence, start), _after(sentence, end)
    glued = re.match(r"[A-Za-z]+", after)
    if glued and not percent and glued.group(0).lower() not in _GLUED_WORDS:
        return True  # `72hrs`, `4th`, `£1.2m`
    plain = raw.replace(",", "")
    if "." not in raw and "," not in raw and not percent and 1900 <= int(plain) <= 2100:
        return True
    if re.match(r"0\d", plain) or ("." not in raw and "," not in raw and len(plain) >= 5):
        return True  # phone numbers, codes
    if _LABEL_BEFORE.search(before) and not percent:
        return True
    if _ACRONYM_BEFORE.search(before) and not percent:
        return True
    if _DURATION_AFTER.search(after) and not _AVERAGE_BEFORE.search(before):
        return True
    if _THRESHOLD_AFTER.search(after) or _AGE_BEFORE.search(before) or _RATE_THRESHOLD_BEFORE.search(before):
        return True
    bound = _BOUND_BEFORE.search(before)
    moving = bound is not None and bound.group(0).lower().startswith("up") and _movement(before[: bound.start()])
    if bound and (not percent or re.search(r"\bwithin\s*$", before)) and not moving:
        return True
    if re.search(r"\d\s*[-–]\s*$", before) or re.match(r"\s*[-–]\s*\d", after):
        return True  # ranges: `aged 19-21`, `22- 25`
    if re.search(r"/\s*$", before) or re.match(r"\s*/", after) or re.search(r"[\[#]\s*$", before):
        return True  # `87/88%`, `16 / 17-year-olds`, `[1]`
    if re.search(r"\bper\s*$", before, re.I):
        return True  # the 10,000 of `per 10,000`
    return bool(_CHANGE_BEFORE.search(before) or _EXCEPT_BEFORE.search(before))


def _movement(before: str) -> bool:
    """`went up to 35`, `rose to 18%`: a verb of movement makes `up to` a level, not a bound."""
    words = _words(before)
    return bool(words) and words[-1].lower() in _VERBS


def _change_after(sentence: str, tail: int) -> bool:
    return bool(_CHANGE_AFTER.search(_after(sentence, tail)))


def _figures(sentence: str, mentions: list[_Mention]) -> list[_Fig]:
    masked = _masked(sentence, mentions)
    figs: list[_Fig] = []
    for m in _FRACTION.finditer(sentence):
        if masked[m.start()] or re.search(r"\(\s*$", _before(sentence, m.start(), 10)):
            continue  # `(1,119 / 1,374)` belongs to the figure before it, handled below
        before = _before(sentence, m.start())
        if _LABEL_BEFORE.search(before) or _AGE_BEFORE.search(before) or _BOUND_BEFORE.search(before):
            continue
        n, d = _num(m.group("n")), _num(m.group("d"))
        if d == 0:
            continue
        figs.append(_Fig(m.start("n"), m.end("n"), m.end(), n, False, n, d))
        _cover(masked, m.start(), m.end())  # its numbers are read
    for m in _NUMBER.finditer(sentence):
        start, end = m.start(), m.end()
        if masked[start]:
            continue
        pct = _PERCENT_TAIL.match(sentence, end)
        percent = bool(pct)
        raw_end = pct.end() if pct else end
        if _not_a_measure(sentence, start, end, m.group(0), percent):
            continue
        if start > 0 and sentence[start - 1] == "£":
            start -= 1
        fig = _Fig(start, raw_end, raw_end, _num(m.group(0)), percent)
        if not percent and _DURATION_AFTER.search(_after(sentence, end)):
            unit = re.search(r"day|week", sentence[end : end + 20], re.I)
            fig.forced_unit = {"day": "days", "week": "weeks"}.get(unit.group(0).lower()) if unit else "unknown"
        rate = _RATE_TAIL.match(sentence, raw_end)
        if rate and not percent:
            fig.rate_unit = "rate_per_10k" if rate.group("base").startswith("10") else "rate_per_1k"
        paren = _PAREN_FRACTION.match(sentence, raw_end)
        if paren:
            fig.numerator, fig.denominator = _num(paren.group("n")), _num(paren.group("d"))
            fig.tail = paren.end()
            _cover(masked, paren.start(), paren.end())
        out_of = _OUT_OF.match(sentence, raw_end)
        if out_of and not percent:
            fig.numerator, fig.denominator = fig.value, _num(out_of.group("d"))
            fig.tail = out_of.end()
            _cover(masked, out_of.start(), out_of.end())
        if _change_after(sentence, fig.tail):
            continue
        figs.append(fig)
    figs.sort(key=lambda f: f.start)
    return figs


# --------------------------------------------------------------------------- kinds

_KIND_WORDS: list[tuple[str, str]] = [
    ("target", r"targets?"),
    ("tolerance", r"tolerances?"),
    ("statistical_neighbours", r"statistical\s+(?:neighbours?|comparators?)|stat\s+neighbours?|comparators?|SNs?"),
    ("national", r"national(?:ly)?|england|Eng|english"),
    ("regional", r"regional(?:ly)?|north[\s-]+east|NE|region"),
]
_KIND_ANY = "|".join(f"(?P<{k}>{p})" for k, p in _KIND_WORDS)
_KIND_BEFORE = re.compile(
    rf"\b(?:{_KIND_ANY})\b(?P<fill>(?:\s+[\w'’-]+){{0,2}}?)\s*(?:\bof\b|\bis\b|\bwas\b|\bat\b|:|=)?\s*[(\[]?\s*(?:\*\*)?\s*$",
    re.I,
)
_KIND_AFTER = re.compile(
    rf"^\s*(?:\*\*)?\s*(?:(?:the|our)\s+)?(?:in\s+(?:the\s+)?|for\s+)?(?:{_KIND_ANY})\b",
    re.I,
)
_RESPECTIVELY = re.compile(r"\(([^()]*?)\s*,?\s+respectively\s*\)", re.I)


def _kind_of(match: re.Match[str]) -> str | None:
    for kind, _ in _KIND_WORDS:
        text = match.group(kind)
        if text is None:
            continue
        if text in {"Eng", "NE", "SN", "SNs"} or text.lower() not in {"eng", "ne", "sn", "sns"}:
            return kind
    return None


def _kind_finder(pattern: re.Pattern[str], text: str) -> str | None:
    m = pattern.search(text)
    if m is None:
        return None
    # filler words between `target` and the number must be modifiers, not `with`, `and` ...
    if any(w.lower() in _STOPWORDS or w.lower() in _VERBS for w in _words(m.groupdict().get("fill") or "")):
        return None
    return _kind_of(m)


def _assign_kinds(sentence: str, figs: list[_Fig], subject: str | None) -> None:
    """target / tolerance / national / regional / statistical_neighbours from the words next to each figure."""
    respectively: dict[int, str] = {}
    for m in _RESPECTIVELY.finditer(sentence):
        inside = [i for i, f in enumerate(figs) if m.start(1) <= f.start < m.end(1)]
        before = sentence[: m.start()]
        named = [k for k in (_kind_of(x) for x in re.finditer(rf"\b(?:{_KIND_ANY})\b", before, re.I)) if k]
        named = [k for k in named if k not in {"target", "tolerance"}]
        if inside and len(named) >= len(inside):
            respectively.update(zip(inside, named[-len(inside) :], strict=True))
    subject_kind = None
    if subject:
        sm = re.search(rf"\b(?:{_KIND_ANY})\b", subject, re.I)
        subject_kind = _kind_of(sm) if sm else None
        if subject_kind in {"target", "tolerance"} and not re.match(
            r"(?:\w+\s+)?(?:targets?|tolerances?)\b", subject, re.I
        ):
            subject_kind = None  # `our target for audit completion ... is 75%`, not `performance against target`
    for i, f in enumerate(figs):
        if i in respectively:
            f.kind = respectively[i]
            continue
        left_from = figs[i - 1].tail if i else 0
        kind = _kind_finder(_KIND_BEFORE, sentence[max(left_from, f.start - _WINDOW) : f.start])
        after = _kind_finder(_KIND_AFTER, _after(sentence, f.tail, 60))
        if after in {"target", "tolerance", "national", "regional"} and kind is None:
            kind = after
        if kind is None and subject_kind is not None:
            kind = subject_kind
        f.kind = kind or "actual"


# --------------------------------------------------------------------------- indicator phrases

_STOP_PHRASE = re.compile(
    r",?\s+(?:\*\*)?(?:which|this(?!\s+(?:year|quarter|month|reporting))|that\s+is|and\s+(?:is|was|are|were|has|have|does"
    r"|did|do|remains?|continues?|this)|but|although|though|however|whereas|while|compared|in\s+comparison|against"
    r"|bringing|slightly|so\s+that|due\s+to|as\s+a\s+result|meaning|an?\s+(?:\*\*)?(?:increase|decrease|reduction|rise"
    r"|fall|improvement|drop)|despite|thus|hence|therefore|positively|negatively|significantly)\b"
    r"|\s+[-–—]\s+|[;:?!]|\.(?=\s|$)",
    re.I,
)
# breaks between a leading period phrase and a figure (`in 2021/22, however DCC is lower ... (445 ...)`)
_CLAUSE_BREAK = re.compile(
    r"[;:]|,\s*(?:however|but|although|though|whereas|while|which)\b"
    r"|\s(?:but|however|although|whereas)\b|\sand\s+(?:is|was|are|were|has|have)\b",
    re.I,
)
_ANY_PERCENT = re.compile(r"(?<![\w.])\d+(?:[.,/]\d+)*\s?%")
_ATTACH = re.compile(r",?\s*\b(?:with|from)\s+$", re.I)
# what a phrase never ends / starts with (trimmed in plain Python: nested regex quantifiers backtrack badly)
_TRIM_END_CHARS = " ,;:(-–*"
_TRIM_START_CHARS = " ,;:*)"
_TRIM_END_WORDS = _wordset(
    "and or with from to of in at for by the a an which who that as than on is are was were has have been being "
    "had it its their our"
)
_TRIM_START_WORDS = _wordset("the a an our all of its their these those respectively")
_MAX_WORDS = 30
_BENCHMARK_WORDS = re.compile(
    r"\b(?:latest|current|overall|national(?:ly)?|england|regional|north\s+east|statistical\s+neighbours?)\b\s*", re.I
)
_MEASURE_BEFORE = re.compile(
    r"(?P<np>(?:[\w'’-]+\s+){0,3}?(?:rates?|average|total|number|percentage|proportion|figure|score|caseloads?"
    r"|ratio))\s*(?:\bof\b|\bwas\b|\bis\b|\bat\b|:)?\s*(?:\*\*)?\s*$",
    re.I,
)
_MEASURE_OF = re.compile(r"\b(?:number|rate|percentage|proportion)\s+of\b", re.I)
_LEAD_IN = re.compile(
    r"(?:(?:however|currently|overall|specifically|additionally|also|furthermore|similarly|therefore|again"
    r"|in\s+addition|as\s+a\s+result|as\s+such|in\s+lieu\s+of\s+data)\b[^,]*,\s*|\*\*[^*]+\*\*:?\s*"
    r"|(?:as\s+of|as\s+at|at|in|during|by|for|since|from|between|after|following|over)\b[^,]{0,60},\s*)+",
    re.I,
)
_PUNCTUATION_RUN = re.compile(r"[ ,(*]*")
_QUALIFIER_JOINS = re.compile(r"(?:per|for|aged|among|amongst)\b|[a-z]+ed\b", re.I)


def _clean(text: str) -> str:
    """Trim a phrase to its words: no leading article, no trailing preposition or bracket."""
    text = normalise_space(text.replace("**", " "))
    previous = None
    while previous != text:
        previous = text
        words = text.lstrip(_TRIM_START_CHARS).rstrip(_TRIM_END_CHARS).split(" ")
        while words and words[-1].lower() in _TRIM_END_WORDS:
            words.pop()
        while words and words[0].lower().rstrip(",;:") in _TRIM_START_WORDS:
            words.pop(0)
        text = " ".join(words).strip()
    return " ".join(text.split(" ")[:_MAX_WORDS])


def _unbalanced_close(text: str) -> int | None:
    """Index of the first `)` that closes a bracket opened before text began."""
    depth = 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return i
            depth -= 1
    return None


def _noun_after(sentence: str, pos: int) -> tuple[str, int] | None:
    """The head noun right after a count (`families`, `young people`, `care leavers`) and where it ends."""
    words: list[str] = []
    end = pos
    for m in re.finditer(r"\s*(?:\*\*)?([A-Za-z][A-Za-z'’-]*)", _after(sentence, pos)):
        if m.start() != end - pos or not _is_noun_start(m.group(1)) or len(words) >= 3:
            break
        words.append(m.group(1))
        end = pos + m.end()
        if m.group(1).lower().endswith("s") or m.group(1).lower() in {"people", "children"}:
            break
    return (" ".join(words), end) if words else None


def _mark_attachments(sentence: str, figs: list[_Fig]) -> None:
    """`121 children ... from 81 families`, `197 families with 423 children`: the second count hangs on the first."""
    for i, f in enumerate(figs):
        if i == 0 or f.percent or f.rate_unit:
            continue
        base = next((j for j in range(i - 1, -1, -1) if not figs[j].percent and figs[j].attached_to is None), None)
        noun = _noun_after(sentence, f.tail)
        if base is None or noun is None or not _ATTACH.search(sentence[figs[i - 1].tail : f.start]):
            continue
        if _noun_after(sentence, figs[base].tail) is None:
            continue
        f.attached_to, f.noun = base, noun[0]


@dataclass
class _Parts:
    """A sentence with its figures and period phrases, indexed by position."""

    text: str
    figs: list[_Fig]
    mentions: list[_Mention]
    fig_starts: list[int] = field(init=False)
    mention_starts: list[int] = field(init=False)
    mention_ends: list[int] = field(init=False)
    own: list[_Mention] = field(init=False)  # the sentence's own periods: dated, not compared with, not relative
    own_starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.fig_starts = [f.start for f in self.figs]
        self.mention_starts = [x.start for x in self.mentions]
        self.mention_ends = [x.end for x in self.mentions]
        self.own = [x for x in self.mentions if x.period and x.period.end and not x.comparison and not x.relative]
        self.own_starts = [x.start for x in self.own]

    def next_fig(self, pos: int, me: int = -1) -> int:
        """Index of the first figure starting at or after pos, other than `me`; len(figs) when none."""
        i = bisect_left(self.fig_starts, pos)
        return i + 1 if i == me else i

    def next_mention(self, pos: int) -> _Mention | None:
        i = bisect_left(self.mention_starts, pos)
        return self.mentions[i] if i < len(self.mentions) else None

    def previous_mention(self, pos: int) -> _Mention | None:
        """The last period phrase ending at or before pos."""
        i = bisect_right(self.mention_ends, pos) - 1
        return self.mentions[i] if i >= 0 else None

    def any_fig_between(self, start: int, end: int) -> bool:
        i = bisect_left(self.fig_starts, start)
        return i < len(self.fig_starts) and self.fig_starts[i] < end


def _scan(parts: _Parts, pos: int, me: int) -> str:
    """The phrase from pos: up to the next figure, period phrase or clause break.

    A period phrase is stepped over when the words so far hold no verb and a verb follows it
    (`Children in Care, as at March 2024, have had ...`); a `with/from N <noun>` attachment is
    stepped over and the words after it are given to the attached figure as its own predicate.
    """
    sentence, figs = parts.text, parts.figs
    pieces: list[str] = []
    stepped: list[tuple[_Fig, int]] = []
    limit = len(sentence)
    while True:
        j = parts.next_fig(pos, me)
        fig_at = figs[j].start if j < len(figs) else limit
        mention = parts.next_mention(pos)
        mention_at = mention.start if mention else limit
        horizon = min(fig_at, mention_at)
        stop = _STOP_PHRASE.search(sentence, pos, min(horizon + 2, limit))  # `.` needs its next character
        percent = _ANY_PERCENT.search(sentence, pos, horizon)  # `87/88%` is no figure but still ends the phrase
        breaks = min(stop.start() if stop else limit, percent.start() if percent else limit)
        close = _unbalanced_close(sentence[pos : min(horizon, breaks)])
        breaks = pos + close if close is not None else breaks
        end = min(fig_at, mention_at, breaks)
        chunk = sentence[pos:end]
        if end == fig_at < limit and figs[j].attached_to == me:
            att = _ATTACH.search(chunk)
            noun = _noun_after(sentence, figs[j].tail)
            if att and noun:
                pieces.append(chunk[: att.start()])
                stepped.append((figs[j], len(pieces)))
                pos = noun[1]
                continue
        if mention and end == mention_at < min(fig_at, breaks):
            resumes = re.match(r"[\s,]*([A-Za-z]+)", _after(sentence, mention.end, 40))
            verb_next = resumes is not None and resumes.group(1).lower() in _VERBS
            if verb_next and not _has_verb(" ".join([*pieces, chunk])):
                pieces.append(chunk)
                pos = mention.end
                continue
        pieces.append(chunk)
        for f, index in stepped:
            f.rest = _join(pieces[index:])
        return _join(pieces)


def _join(pieces: list[str]) -> str:
    """Pieces of a phrase that skipped a period phrase or an attachment, each trimmed, as one phrase."""
    return _clean(" ".join(c for c in (_clean(p) for p in pieces) if c))


def _subject(sentence: str, mentions: list[_Mention], figs: list[_Fig]) -> tuple[str | None, str | None]:
    """The sentence's subject (the words before its main verb) and how it is generic.

    The second value is None for a real name, `pronoun` for `This`/`We` (it points back to the
    sentence before) and `noun` for `The KPI`/`The percentage` (it points to the heading).
    """
    pos = 0
    moved = True
    while moved:  # step over lead-ins (`Currently, ...`) and a leading period phrase (`In 2023/24, ...`)
        moved = False
        skip = _PUNCTUATION_RUN.match(sentence, pos)
        pos = skip.end() if skip else pos
        lead = _LEAD_IN.match(sentence, pos)
        if lead and lead.end() > pos and not _has_verb(lead.group(0)):
            pos, moved = lead.end(), True
        for x in mentions:
            if x.start == pos:
                pos, moved = x.end, True
    first_fig = min((f.start for f in figs if f.start >= pos), default=len(sentence))
    relative_at: int | None = None  # word index of `who/which/that`: its clause's verb is not the main one
    for index, m in enumerate(_WORD.finditer(sentence, pos)):
        if m.start() >= first_fig:
            return None, "noun"
        low = m.group(0).lower()
        if low in {"who", "which", "that"}:
            relative_at = index
            continue
        if low not in _VERBS:
            continue
        if relative_at is not None and index - relative_at <= 3:
            relative_at = index  # `who have been ...`: still the relative clause
            continue
        end = min([x.start for x in mentions if pos <= x.start < m.start()] + [m.start()])
        text = re.split(r"\s+[-–—]\s+", sentence[pos:end])[-1]  # `In lieu of data - we ...`
        clause = re.split(r",\s+", text)[-1]
        if _words(clause) and _words(clause)[0].lower() in _PRONOUNS:
            text = clause  # `In the January auditing cycle, we saw ...`
        subject = _clean(text)
        words = [w.lower() for w in _words(subject)]
        if not words or words[0] in _PRONOUNS:
            return subject or None, "pronoun"
        return subject, "noun" if all(w in _GENERIC_WORDS for w in words) else None
    return None, "noun"


def _phrase_class(phrase: str) -> str:
    """What a phrase measures: `percent`, `rate`, `count`, or `any` when it does not say."""
    low = phrase.lower()
    if re.match(r"%|(?:percentage|proportion)\b", low):
        return "percent"
    if re.search(r"per\s*1[0,]*0{3}|per\s*10k", low):
        return "rate"
    if low.startswith("number"):
        return "count"
    return "any"


def _fig_class(f: _Fig) -> str:
    if f.percent:
        return "percent"
    if f.rate_unit:
        return "rate"
    cls = _phrase_class(f.indicator or f.own or "")
    return "count" if cls == "any" and (f.own or f.noun) else cls


def _compatible(a: str, b: str) -> bool:
    return a == b or "any" in (a, b)


def _analyse_phrases(sentence: str, figs: list[_Fig], mentions: list[_Mention]) -> None:
    """Each figure's own phrase, predicate or qualifier, read from the words after it."""
    parts = _Parts(sentence, figs, mentions)
    for i, f in enumerate(figs):
        if f.attached_to is not None:
            continue
        pos = f.tail
        paren = re.match(r"\s*\(([^()]*)\)", _after(sentence, pos))
        inside = parts.next_fig(pos, i)
        if paren and inside < len(figs) and figs[inside].start < pos + paren.end():
            pos += paren.end()  # `558 (65%) of CiC ...`: the words after the bracket belong to both
        inner = re.match(r"\s*\)", _after(sentence, pos))
        if inner and i and re.fullmatch(r"\s*\(\s*", sentence[figs[i - 1].tail : f.start]):
            pos += inner.end()  # the `65%` of `558 (65%) of CiC ...` shares the words after the bracket
        after = _after(sentence, pos)
        of = re.match(r"\s*(?:\*\*)?\s*of\s+(?:the\s+|our\s+|all\s+|these\s+|those\s+|its\s+|their\s+)?", after, re.I)
        word = re.match(r"\s*(?:\*\*)?\s*([A-Za-z][A-Za-z'’-]*)", after)
        first = word.group(1).lower() if word else ""
        mention = parts.next_mention(pos)
        if of and re.match(r"(?:which|whom|them)\b", after[of.end() :], re.I):
            f.of_which = True
            rel = re.match(r"\w+", after[of.end() :])
            f.predicate = _scan(parts, pos + of.end() + (rel.end() if rel else 0), i)
        elif of and not (mention and mention.start <= pos + of.end()):
            _set_own(f, _scan(parts, pos + of.end(), i))
            f.of_all = bool(re.search(r"\ball\s+$", of.group(0), re.I))
        elif _RATE_TAIL.match(after):
            f.qualifier = _scan(parts, pos, i)
        elif word and _is_noun_start(word.group(1)):
            _set_own(f, _scan(parts, pos + word.start(1), i))
        elif word and first in {"who", "which", "that"} and not f.percent:
            f.inherit_full = True
            f.predicate = _scan(parts, pos + word.start(1), i)
        elif word and first in _VERBS and (not f.percent or inner):
            f.predicate = _scan(parts, pos + word.start(1), i)
        else:
            f.qualifier = _scan(parts, pos, i)
        if not f.qualifier:
            f.qualifier = f.own or f.weak or f.predicate or ""


def _set_own(f: _Fig, phrase: str) -> None:
    words = _words(phrase)
    if len(words) >= 2 and not all(w.lower() in _GENERIC_WORDS for w in words):
        f.own = phrase
    elif phrase:
        f.weak = phrase


def _head_noun(phrase: str) -> str:
    """`children who became subject to ...` → `children`: the words before the first verb or relative."""
    out: list[str] = []
    for w in phrase.split(" "):
        if w.lower() in _VERBS or w.lower() in _PRONOUNS or w.lower() in {"who", "whom"}:
            break
        out.append(w)
    return " ".join(out) or phrase


def _predicate(phrase: str) -> str:
    return phrase[len(_head_noun(phrase)) :].strip()


def _left_measure(sentence: str, f: _Fig, clause_start: int) -> str | None:
    """`a rate of 65.6 per 10,000 population with a CP plan` → `rate per 10,000 population with a CP plan`."""
    m = _MEASURE_BEFORE.search(sentence[clause_start : f.start])
    if not m:
        return None
    words = _BENCHMARK_WORDS.sub("", m.group("np")).split()
    while words and len(words) > 1 and (not words[0].isalpha() or words[0].lower() in _STOPWORDS | _VERBS):
        words = words[1:]
    if any(w.lower() in _STOPWORDS | _VERBS or not re.match(r"[A-Za-z]", w) for w in words[:-1]):
        words = words[-1:]
    np = " ".join(words)
    if f.rate_unit and f.qualifier:
        return _clean(f"{np} {f.qualifier}")
    return np or None


def _paren_measure(sentence: str, f: _Fig, figs: list[_Fig], mentions: list[_Mention]) -> str | None:
    """`the number of children coming into care ... (13in 2023/24 from 22 in 2022/23)` → that phrase."""
    opening = sentence.rfind("(", max(0, f.start - 300), f.start)
    if opening < 0 or ")" in sentence[opening : f.start]:
        return None
    first_inside = min([g.start for g in figs if g.start > opening] + [x.start for x in mentions if x.start > opening])
    if sentence[opening + 1 : first_inside].strip(" *"):
        return None
    earlier = [g.tail for g in figs if g.tail <= opening] + [x.end for x in mentions if x.end <= opening]
    measures = list(_MEASURE_OF.finditer(sentence, max(earlier, default=0), opening))
    if not measures:
        return None
    return _clean(re.split(r"\s+(?:than|compared|against|versus)\b", sentence[measures[-1].start() : opening])[0])


_RECENT = 12  # how many earlier figures may lend their name: what a sentence compares with is near


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


@dataclass
class _Memory:
    """What earlier text offers as indicator names: the last heading, and the figures named since it."""

    heading: str | None = None
    named: list[_Fig] = field(default_factory=list)


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
    previous = [g for g in owned[-_RECENT:] if _compatible(cls, _fig_class(g))]
    if f.attached_to is not None and f.noun:
        return _clean(f"{f.noun} {f.rest or _predicate(figs[f.attached_to].indicator)}"), True
    if f.own and f.of_all and name and not generic and _phrase_class(name) == "percent":
        return name, True  # `The % of UASC ... at 6% of all Looked After Children`
    if f.own:
        return _shared_predicate(f, i, sentence, figs), True
    if f.inherit_full and previous:
        return previous[-1].indicator, False
    following = figs[i + 1] if i + 1 < len(figs) else None
    if following and following.own and re.fullmatch(r"\s*(?:,|and|or)\s*", sentence[f.tail : following.start]):
        return following.own, False  # `16% and 13% respectively, of audits grading ...`
    if f.predicate:
        head = _head_noun(previous[-1].indicator) if previous else (name if name and not generic else None)
        if head:
            return _clean(f"{head} {f.predicate}"), True
    found = _paren_measure(sentence, f, figs, mentions)
    measure = _left_measure(sentence, f, figs[i - 1].tail if i else 0)
    if found is None and measure and len(_words(measure)) >= 2 and f.kind not in {"target", "tolerance"}:
        found = measure
    if found:
        return found, True
    if previous:
        return _best_match(f, previous) or previous[-1].indicator, False
    benchmark_subject = bool(name and re.search(rf"\b(?:{_KIND_ANY})\b", name, re.I)) and f.kind != "actual"
    if name and not generic and not benchmark_subject and _compatible(_phrase_class(name), cls):
        return (_clean(f"{name} {f.qualifier}") if _QUALIFIER_JOINS.match(f.qualifier) else name), True
    specific = [x for x in (f.weak, measure) if x and not all(w.lower() in _GENERIC_WORDS for w in _words(x))]
    if vague == "noun" and not specific and (memory.heading or section):
        return memory.heading or section or "", False  # `The KPI for the month was at 16.76`
    found = _best_match(f, memory.named[-_RECENT:]) or _best_match(f, figs[max(0, i - _RECENT) : i])
    fallback = [*specific, memory.heading, section, name, f.weak, measure, f.predicate, sentence]
    return found or next(x for x in fallback if x), False


def _shared_predicate(f: _Fig, i: int, sentence: str, figs: list[_Fig]) -> str:
    """`98.4% of our care leavers aged 19-21 and 97.9% of ... were in suitable accommodation`: share the verb."""
    own = f.own or ""
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


# --------------------------------------------------------------------------- periods of figures


def _from_to(sentence: str, figs: list[_Fig]) -> set[int]:
    """`from 2,553 to 2,973`: the second is the current level, whatever the sentence compares with."""
    out: set[int] = set()
    for i in range(1, len(figs)):
        between = sentence[figs[i - 1].tail : figs[i].start]
        if re.fullmatch(r"\s*to\s*", between) and re.search(r"\bfrom\s*$", _before(sentence, figs[i - 1].start, 12)):
            out.add(i)
    return out


def _period_for(parts: _Parts, f: _Fig, s: _Setting, current: bool) -> Period | None:
    """The period phrase nearest the figure in its clause, else the sentence's own period, else the report's.

    parts holds the sentence's main figures only: attachments take their base's period.
    """
    sentence = parts.text
    benchmark = f.kind in {"national", "regional", "statistical_neighbours", "comparator_group"}
    right = parts.next_mention(f.tail)
    if (
        right
        and right.trailing
        and right.period
        and not parts.any_fig_between(f.tail, right.start)
        and not _STOP_PHRASE.search(sentence[f.tail : right.start])
    ):
        return right.period
    left = parts.previous_mention(f.start)
    if left and left.blocking:
        return None if benchmark else s.report_period
    same_clause = left is not None and not _CLAUSE_BREAK.search(sentence[left.end : f.start])
    if left and left.period and left.leading and same_clause and not (current and left.comparison):
        return left.period
    if benchmark:
        return None  # benchmarks without their own date keep no period
    if parts.own:
        i = bisect_left(parts.own_starts, f.start)
        near = parts.own[max(0, i - 1) : i + 1]
        return min(near, key=lambda x: min(abs(x.start - f.tail), abs(f.start - x.end))).period
    return s.report_period


# --------------------------------------------------------------------------- counts of a whole


def _assign_wholes(sentence: str, figs: list[_Fig]) -> None:
    """`Of the 196 children ..., 7 became ...` and `300 children ..., 18 of which ...`: 7 of 196, 18 of 300."""
    counts = [f for f in figs if not f.percent and f.rate_unit is None and f.attached_to is None]
    whole = re.match(r"\s*(?:\*\*)?\s*Of\s+(?:the\s+|these\s+|those\s+)?", sentence)
    if whole and len(counts) > 1 and counts[0].start == whole.end():
        part = counts[1]
        if part.kind == "actual" and part.numerator is None and part.value <= counts[0].value:
            part.numerator, part.denominator = part.value, counts[0].value
    for i, f in enumerate(counts):
        if f.of_which and i and f.numerator is None and f.value <= counts[i - 1].value:
            f.numerator, f.denominator = f.value, counts[i - 1].value


# --------------------------------------------------------------------------- units and output


def _unit(f: _Fig, raw: str) -> str:
    """percent, rate, days/weeks, what values.infer_unit reads from the indicator, else count for whole numbers."""
    if f.percent:
        return "percent"
    if f.rate_unit or f.forced_unit:
        return f.rate_unit or f.forced_unit or "unknown"
    inferred = infer_unit(raw, f.indicator)
    if inferred and inferred != "percent":
        return inferred
    if f.numerator is not None or f.noun or f.own or f.weak or f.predicate or f.value.is_integer():
        return "count"
    return "unknown"


def _keep(f: _Fig, unit: str, strict: bool) -> bool:
    if not strict:
        return True
    # a count with its whole (`41 of the 52`) is a figure; `2/1` is more likely a broken date
    has_whole = f.denominator is not None and f.numerator is not None and f.denominator >= max(f.numerator, 2)
    return unit in {"percent", "rate_per_10k", "rate_per_1k"} or has_whole or f.kind == "target"


def _sentence_figures(sentence: str, s: _Setting, memory: _Memory) -> list[RawFigure]:
    """The figures of one sentence, in the order they are printed."""
    if len(_words(sentence)) < 4:
        return []
    mentions = _period_mentions(sentence, s)
    figs = _figures(sentence, mentions)
    if not figs:
        return []
    subject = _subject(sentence, mentions, figs)
    _assign_kinds(sentence, figs, subject[0])
    _mark_attachments(sentence, figs)
    _analyse_phrases(sentence, figs, mentions)
    _choose_indicators(sentence, figs, mentions, subject, memory, s.section)
    current = _from_to(sentence, figs)
    parts = _Parts(sentence, [f for f in figs if f.attached_to is None], mentions)
    for i, f in enumerate(figs):
        if f.attached_to is None:
            f.period = _period_for(parts, f, s, i in current)
    for f in figs:
        if f.attached_to is not None:
            f.period = figs[f.attached_to].period
    _assign_wholes(sentence, figs)
    out: list[RawFigure] = []
    for f in figs:
        raw = sentence[f.start : f.end]
        unit = "gbp" if raw.startswith("£") else _unit(f, raw)
        if not _keep(f, unit, s.strict):
            continue
        out.append(
            RawFigure(
                indicator_raw=f.indicator,
                value_raw=raw,
                value_kind=f.kind,
                context=sentence,
                source="narrative",
                period=f.period or Period(None),
                unit=unit,
                value=f.value,
                numerator=f.numerator,
                denominator=f.denominator,
                section=s.section,
                page=s.page,
            )
        )
    return out


def _heading(block: str) -> str | None:
    """A short title (`KPI 17 - Average social worker caseload`, `#### **Early Help**`), else None."""
    markdown = bool(_HEADING_LINE.match(block))
    if not markdown and ("\n" in block.strip() or _BULLET_START.match(block)):
        return None
    text = _clean(re.sub(r"^\s*#+\s*|\*", " ", normalise_space(block)))
    words = _words(text)
    if not words or len(words) > 20 or re.search(r"[.%]$", text) or (not markdown and len(words) < 3):
        return None
    return text


def extract_narrative(
    text: str,
    *,
    report_period: Period | None = None,
    section: str | None = None,
    page: int | None = None,
    strict: bool = False,
) -> list[RawFigure]:
    """Every figure stated in the prose of `text`, one RawFigure each (source `narrative`).

    report_period: the period the document reports on; figures whose sentence names none get it.
    strict: only percentages, rates, fractions and explicit targets (for documents of unknown format).
    """
    setting = _Setting(report_period, strict, section, page)
    memory = _Memory()
    out: list[RawFigure] = []
    for block in narrative_blocks(text):
        heading = _heading(block)
        if heading is not None:  # measures named under an earlier heading are not this one's
            memory.heading = heading
            memory.named = []
        for sentence in sentences(block):
            out.extend(_sentence_figures(sentence, setting, memory))
    return out
