"""The numbers of a sentence that are measures (not years, labels, definitions or changes), and their kinds
(actual, target, national, regional, statistical neighbours)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.model import Period
from extract.read.kinds import SENTENCE_KIND_WORDS
from extract.read.narrative.phrases import _Mention
from extract.read.narrative.text import _STOPWORDS, _VERBS, _after, _before, _cover, _words, _wordset
from extract.read.needs import gated

# --------------------------------------------------------------------------- numbers

_MASK = gated(re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|<(sup|sub)>.*?</\1>|<[^>]+>|\$[^$]{1,200}\$", re.I))
_NUMBER = re.compile(r"(?<![\w.,/%$+\-−–:])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d)(?![.,:]\d)")
_PERCENT_TAIL = re.compile(r"\s?(?:%|per\s?cent\b|percent\b)")
_FRACTION = gated(re.compile(
    r"(?<![\w.,/])(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s*/\s*(?P<d>\d{1,3}(?:,\d{3})+|\d+)(?![\w/%]|[.,]\d|-?\s*years?\b)"
))
_PAREN_FRACTION = re.compile(r"\s*\(\s*(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s*/\s*(?P<d>\d{1,3}(?:,\d{3})+|\d+)\s*\)")
_OUT_OF = re.compile(r"\s+out\s+of\s+(?P<d>\d{1,3}(?:,\d{3})+|\d+)(?!\d|[.,]\d|\s?%)")
# `350 per 10,000`, and a base in brackets after the figure: `the national average of 45.7 (per 10,000)`
_RATE_TAIL = re.compile(r"\s*(?:\(\s*)?per\s+(?P<base>10,000|10000|10k|1,000|1000|1k)\b", re.I)
# `The CIN rate per 10,000 which for Buckinghamshire was 272.3`: the rate's base named in its subject, the figure
# after the subject's verb in the same clause
_RATE_NAMED_BEFORE = gated(re.compile(
    r"(?P<name>(?:\b[\w'’-]+\s+){0,4}?rates?\s+per\s+(?P<base>10,000|10000|1,000|1000))\b[^.;:%()\d]{0,80}?\b"
    r"(?:was|is|were|are|stood\s+at|stands\s+at)"
    r"\s*$",
    re.I,
))
_GLUED_WORDS = _wordset("in of to at and from the for on with per")
_LABEL_BEFORE = re.compile(
    r"(?:\b(?:kpi|pi|q|quarter|year|yr|day|week|month|phase|stage|step|level|tier|item|page|pg|slide|appendix|annex"
    r"|section|s|paragraph|para|table|graph|figure|fig|chart|extension|ext|tel|telephone|version|part|chapter"
    r"|pillar|round|cohort|wave|grade|ward|room|line|column|row|recommendation|priority|objective|action|question"
    r"|point|option|no|key\s+stage|ks|capping|indicator)\.?\s*[:#]?\s*$)",
    re.I,
)
# `During the year 104 children entered care`: a period word after its article, then a count too big for a label
_AFTER_THE_PERIOD = re.compile(r"\b(?:the|this|that|last|each)\s+(?:year|month|quarter)\s*$", re.I)


def _counted_after_period(before: str, plain: str) -> bool:
    """`During the year 104 children ...`: after `the year`, a whole number no school year, month or quarter has."""
    return bool(_AFTER_THE_PERIOD.search(before)) and plain.isdigit() and int(plain) > 13


_QUARTER_BEFORE = re.compile(r"\b(?:q|quarter)\.?\s*[:#]?\s*$", re.I)
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
# `aged 5`, `post 16`, `by the age of 5`: an age, never a measure
_AGE_BEFORE = gated(re.compile(r"\b(?:aged|age|ages|post|pre)\s*[-]?\s*$|\bages?\s+of\s+$|(?:<=?|>=?|=)\s*$", re.I))
_BOUND_BEFORE = gated(re.compile(
    r"\b(?:under|over|above|below|at\s*least|up\s+to|(?:more|less|fewer|greater)\s+than(?:\s+or\s+equal\s+to)?"
    r"|equal\s+to|within)\s*$",
    re.I,
))
_RATE_THRESHOLD_BEFORE = re.compile(
    r"\brate\s+(?:above|below|over|under|of\s+(?:over|more\s+than|at\s+least))\s*$", re.I
)
# (`missed their target by more than 5%`: a margin, never a level of the measure)
_HEDGE = (
    r"(?:almost|nearly|around|about|approximately|approx\.?|over|just|some|only|a\s+further|roughly|circa"
    r"|(?:more|less|fewer)\s+than|at\s+least|up\s+to)?"
)
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
# `an increase of 96 children (20%)`: the figure in brackets after a change's amount is the same change, relative
_CHANGE_IN_BRACKETS = gated(re.compile(
    rf"\b(?:increase|decrease|rise|fall|reduction|growth|drop|change|improvement|decline|uplift)s?"
    rf"(?:\s+in\s+[\w'’ -]{{1,40}}?)?\s+(?:of|by)\s*{_HEDGE}\s*\d[\d,.]*\s*(?:%|per\s*cent)?"
    r"(?:\s+[\w'’-]+){0,3}\s*\(\s*$",
    re.I,
))
# `95% confidence intervals`, `with 95% confidence`: the level of a statistical method, no measure
_CONFIDENCE_AFTER = re.compile(r"^\s*(?:%|per\s*cent)?\s*(?:confiden(?:ce|t)|credible)\b", re.I)


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
    part_of: bool = False  # `..., accounting for 20% of referrals`: a verb of part before it, `of` its whole
    restating: bool = False  # `Over three-fifths (61%) reported ...`: a share in brackets restating words before it
    period: Period | None = None
    indicator: str = ""









def _num(text: str) -> float:
    return float(text.replace(",", ""))


_A_DIGIT = re.compile(r"\d")


def _masked(sentence: str, mentions: list[_Mention]) -> bytearray:
    """1 at every position no figure may start: links, markup and period phrases."""
    mask = bytearray(len(sentence) + 1)
    for m in _MASK.finditer(sentence):
        _cover(mask, m.start(), m.end())
    for x in mentions:
        # the whole phrase is no figure, but a figure glued to its preposition (`13in 2023/24`) stays
        first_digit = _A_DIGIT.search(sentence[x.start : x.end])
        _cover(mask, x.start + first_digit.start() if first_digit else x.start, x.end)
    return mask





# (_not_a_measure's own patterns, compiled once: it asks them of every number of every sentence)
_LETTERS = re.compile(r"[A-Za-z]+")
_LEADING_ZERO = re.compile(r"0\d")
_WITHIN_END = re.compile(r"\bwithin\s*$")
_RANGE_BEFORE = re.compile(r"\d\s*[-–]\s*$|\b(?:aged|ages?)\s+\d{1,2}\s+(?:to|and)\s+$", re.I)  # (`aged 19 to 21`)
_RANGE_AFTER = re.compile(r"\s*[-–]\s*\d")
_SLASH_BEFORE = re.compile(r"/\s*$")
_SLASH_AFTER = re.compile(r"\s*/")
_NOTE_MARK_BEFORE = re.compile(r"[\[#]\s*$")
_PER_BEFORE = re.compile(r"\bper\s*$", re.I)
# a list of age bands goes on after `aged`: every number of `aged under 5, 0-14 and 15 to 24` is an age
_AGE_BAND = r"(?:(?:under|over)\s+)?\d{1,2}(?:\s*(?:[-–]|to)\s*\d{1,2})?"
_AGE_LIST_BEFORE = re.compile(
    rf"\b(?:aged|ages)\s+{_AGE_BAND}(?:\s*(?:,|and|or)\s*{_AGE_BAND})*\s*(?:,|and|or|to|[-–])\s*$", re.I
)
_AGE_LIST_GOES_ON = re.compile(r"^\s*(?:[-–]|to\b|,|and\b|or\b|years?\b|yrs?\b|\)|$)", re.I)
# a share that picks out areas or cases (`the most deprived 20% of areas`, `the top 10% of schools`) is a
# definition, not a level of any measure
_PERCENTILE_BEFORE = re.compile(
    r"\b(?:(?:most|least)\s+(?:deprived|affluent|disadvantaged)|top|bottom|poorest|richest|wealthiest)\s*$",
    re.I,
)
_PERCENTILE_AFTER = re.compile(r"^\s*(?:%|per\s*cent)?\s*(?:most|least)\s+(?:deprived|affluent|disadvantaged)\b", re.I)

# `..., up 8% on phase eight`, `is down 12%`: a change (never `up to 35%`, nor `made up 96.6%`)
_UP_DOWN_BEFORE = gated(re.compile(
    r"(?:\b(?:is|are|was|were|been|being|be|now|also|still)\s+|[,;(–-]\s*|^\s*)(?:up|down)\s*$", re.I
))
# `fluctuated between 30 and 50%`, a key's `19% to 48%`: the ends of a range, no level of the measure
_BETWEEN_FIRST = re.compile(r"\bbetween\s*$", re.I)
_BETWEEN_SECOND = gated(re.compile(r"\bbetween\s+\d[\d.,]*\s*%?\s+and\s*$", re.I))
_AND_AFTER = re.compile(r"^\s*%?\s*and\s+\d", re.I)
_PERCENT_TO_AFTER = re.compile(r"^%\s*(?:to|[-–])\s*\d[\d.,]*\s*%", re.I)
_PERCENT_TO_BEFORE = re.compile(r"\d[\d.,]*\s*%\s*(?:to|[-–])\s*$", re.I)
_FROM_END = re.compile(r"\bfrom\s*$", re.I)
# a key's open band after its ranges (`6% to 10% Under 6%`, `40% – 50% 50% and over`): a band, no level
_KEY_BOUND_BEFORE = re.compile(
    r"\d[\d.,]*\s*%\s*(?:to|[-–])\s*\d[\d.,]*\s*%\s*(?:under|below|over|above|less\s+than|more\s+than)\s*$", re.I
)
# `one in 49 people`: the 49 is the ratio's other side, no count of its own
_ONE_IN_BEFORE = re.compile(r"\b(?:one|1)\s+in\s*$", re.I)


def _not_a_measure(sentence: str, start: int, end: int, raw: str, percent: bool) -> bool:
    """True for numbers that are labels, dates, definitions, thresholds or changes rather than measures."""
    before, after = _before(sentence, start), _after(sentence, end)
    glued = _LETTERS.match(after)
    if glued and not percent and glued.group(0).lower() not in _GLUED_WORDS:
        return True  # `72hrs`, `4th`, `£1.2m`
    plain = raw.replace(",", "")
    if "." not in raw and "," not in raw and not percent and 1900 <= int(plain) <= 2100:
        return True
    if _LEADING_ZERO.match(plain) or ("." not in raw and "," not in raw and len(plain) >= 5):
        return True  # phone numbers, codes
    if (
        _LABEL_BEFORE.search(before)
        and not percent
        and not _counted_after_period(before, plain)
        and not (_QUARTER_BEFORE.search(before) and _num(raw) > 4)
    ):
        return True  # `Year 10`, `quarter 3` (a quarter is numbered 1 to 4: `At the end of the quarter 79` counts)
    if _ACRONYM_BEFORE.search(before) and not percent:
        return True
    if _DURATION_AFTER.search(after) and not _AVERAGE_BEFORE.search(before):
        return True
    if _THRESHOLD_AFTER.search(after) or _AGE_BEFORE.search(before) or _RATE_THRESHOLD_BEFORE.search(before):
        return True
    bound = _BOUND_BEFORE.search(before)
    moving = bound is not None and bound.group(0).lower().startswith("up") and _movement(before[: bound.start()])
    if bound and (not percent or _WITHIN_END.search(before)) and not moving:
        return True
    if _RANGE_BEFORE.search(before) or _RANGE_AFTER.match(after):
        return True  # ranges: `aged 19-21`, `22- 25`
    if _SLASH_BEFORE.search(before) or _SLASH_AFTER.match(after) or _NOTE_MARK_BEFORE.search(before):
        return True  # `87/88%`, `16 / 17-year-olds`, `[1]`
    if _PER_BEFORE.search(before):
        return True  # the 10,000 of `per 10,000`
    if not percent and "." not in raw and (_age_list_goes_on(before, after) or _ONE_IN_BEFORE.search(before)):
        return True
    if percent and (_PERCENTILE_BEFORE.search(before) or _PERCENTILE_AFTER.match(after)):
        return True
    if percent and (_CONFIDENCE_AFTER.match(after) or _CHANGE_IN_BRACKETS.search(before)):
        return True
    if _UP_DOWN_BEFORE.search(before) or _range_end(before, after, percent):
        return True
    return bool(_CHANGE_BEFORE.search(before) or _EXCEPT_BEFORE.search(before))


def _range_end(before: str, after: str, percent: bool) -> bool:
    """An end of a range: `between 30 and 50%`, or `19% to 48%` where no `from` or verb of movement
    makes it a change (`rose from 19% to 48%`, `increased 19% to 48%` are read as they are)."""
    if (_BETWEEN_FIRST.search(before) and _AND_AFTER.match(after)) or _BETWEEN_SECOND.search(before):
        return True
    if not percent:
        return False
    if _KEY_BOUND_BEFORE.search(before):
        return True
    if _PERCENT_TO_AFTER.match(after):
        return not (_FROM_END.search(before) or _movement(before))
    first = _PERCENT_TO_BEFORE.search(before)
    return first is not None and not (_FROM_END.search(before[: first.start()]) or _movement(before[: first.start()]))


def _age_list_goes_on(before: str, after: str) -> bool:
    """`aged under 5, 0-14 and 15 to 24`: each number after `aged` and its bands is an age; after a bare
    comma only when the list goes on (`aged 19 to 21, 60 (44%) are ...` ends the list at the comma)."""
    listed = _AGE_LIST_BEFORE.search(before)
    if listed is None:
        return False
    return not before.rstrip().endswith(",") or _AGE_LIST_GOES_ON.match(after) is not None


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
        named = _RATE_NAMED_BEFORE.search(sentence, 0, start)
        rate = _RATE_TAIL.match(sentence, raw_end) or named
        if rate and not percent:
            fig.rate_unit = "rate_per_10k" if rate.group("base").startswith("10") else "rate_per_1k"
            if rate is named:  # its name: the words of the rate's noun phrase, after any function word or number
                words = named.group("name").split()
                cut = max(
                    (k + 1 for k, w in enumerate(words[:-3]) if w.lower() in _STOPWORDS or w[0].isdigit()), default=0
                )
                fig.own = " ".join(words[cut:])
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

_KIND_WORDS = SENTENCE_KIND_WORDS  # mappings/header_words.csv, vocabulary sentence_kind
_KIND_ANY = "|".join(f"(?P<{k}>{p})" for k, p in _KIND_WORDS)
_KIND_BEFORE = gated(re.compile(
    rf"\b(?:{_KIND_ANY})\b(?P<fill>(?:\s+[\w'’-]+){{0,2}}?)\s*(?:\bof\b|\bis\b|\bwas\b|\bat\b|:|=)?"
    r"\s*(?:(?:also|still|only|just)\s+)?[(\[]?\s*(?:\*\*)?\s*$",
    re.I,
))
# `the national rate in 2013–14 for all care leavers of 45%`: a longer phrase ending in `of` or `(`
_KIND_BEFORE_LONG = re.compile(rf"\b(?:{_KIND_ANY})\b(?:\s+[\w'’–-]+){{3,7}}?\s+(?:of|\()\s*$", re.I)
# `our comparators who as at 2021/22 were all at 84%`, `our statistical neighbour rate data for 2017/18 which
# is 51`: the benchmark (with the words of its measure, no clause break between), then a clause about it
_KIND_BEFORE_CLAUSE = gated(re.compile(
    rf"\b(?:{_KIND_ANY})(?:\s+[\w/'’-]+){{0,5}}?\s+(?:who|which|that)\b[^.;()%]{{0,60}}\b(?:at|of|is|was|were|are)\s*$",
    re.I,
))
# `regionally this is 20.7%`, `statistical neighbours are higher at 21.5%`: the benchmark's word, a pronoun or
# none, a verb and perhaps a comparison, then the figure
_KIND_BEFORE_VERB = re.compile(
    rf"\b(?:{_KIND_ANY})\s+(?:(?:this|it|they|that)\s+)?(?:is|was|are|were|stands?|stood)\s+"
    r"(?:(?:slightly\s+|much\s+|far\s+)?(?:higher|lower|better|worse)\s+)?(?:at\s+)?$",
    re.I,
)
_KIND_AFTER = re.compile(
    rf"^\s*(?:\*\*)?\s*(?:(?:the|our)\s+)?(?:in\s+(?:the\s+)?|for\s+)?(?:{_KIND_ANY})\b",
    re.I,
)
_KINDS_AFTER = {"target", "tolerance", "national", "regional", "statistical_neighbours", "comparator_group"}
_LIST_JOINT = re.compile(r"\s*(?:,|and|or|,\s*and)\s*")
_COMPARED_BEFORE = re.compile(r"\b(?:compared\s+(?:with|to)|than|against|versus|vs\.?)\s*$", re.I)
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


def _assign_kinds(sentence: str, figs: list[_Fig], subject: str | None, window: int) -> None:
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
    subject_compares = bool(subject and re.search(rf"\bthan\s+(?:the\s+)?(?:{_KIND_ANY})", subject, re.I))
    from_after: set[int] = set()
    for i, f in enumerate(figs):
        if i in respectively:
            f.kind = respectively[i]
            continue
        left_from = figs[i - 1].tail if i else 0
        before = sentence[max(left_from, f.start - window) : f.start]
        kind = (
            _kind_finder(_KIND_BEFORE, before)
            or _kind_finder(_KIND_BEFORE_LONG, before)
            or _kind_finder(_KIND_BEFORE_CLAUSE, before)
            or _kind_finder(_KIND_BEFORE_VERB, before)
        )
        after = _kind_finder(_KIND_AFTER, _after(sentence, f.tail, 60))
        if after in _KINDS_AFTER and kind is None:
            kind = after
            from_after.add(i)
        if kind is None and subject_kind is not None and (
            not subject_compares or _COMPARED_BEFORE.search(sentence[max(left_from, f.start - 30) : f.start])
        ):
            # `A higher percentage of children than the national average had ... (13% compared with
            # 11%)`: the subject compares with the benchmark; only the figure compared with is it
            kind = subject_kind
        f.kind = kind or "actual"
    # `59% and 61% in England`: figures listed before the words that name their kind share it
    for i in sorted(from_after, reverse=True):
        j = i - 1
        while j >= 0 and figs[j].kind == "actual" and _LIST_JOINT.fullmatch(sentence[figs[j].tail : figs[j + 1].start]):
            figs[j].kind = figs[i].kind
            j -= 1
