"""Periods: the one place that turns printed period labels into typed date ranges.

Labels seen in council papers: `Mar-24`, `Jan-25`, `At Sep 23`, `Apr-Jun 23`, `July-Sep 23`,
`Oct 22-Sep 23`, `2022/23`, `2023-24`, `2023`, `June 2023`, `Q1 2023/24`, `quarter two`,
`30 September 2023`, `March 2024`, `1 April 2017 – 31 March 2018`, `2017/18 Q1`.
Anything else is `unknown` with null dates, never guessed.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache
from typing import Literal

from extract.model import Period
from extract.read.needs import gated

YearKind = Literal["financial", "academic"]

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_YEAR2OR4 = r"(?:\d{4}|\d{2})"
QUARTER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def month_number(name: str) -> int:
    return MONTHS[name[:3].lower()]


def full_year(text: str) -> int:
    y = int(text)
    return y if y >= 100 else 2000 + y


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(d: date, months: int) -> date:
    """First day of the month `months` after d's month (negative goes back)."""
    index = d.year * 12 + (d.month - 1) + months
    return date(index // 12, index % 12 + 1, 1)


def month_period(label: str, year: int, month: int) -> Period:
    return Period(label, "month", date(year, month, 1), month_end(year, month))


def point_in_time(label: str, day: date) -> Period:
    return Period(label, "point_in_time", None, day)


def financial_year(label: str, end_year: int) -> Period:
    """UK financial year ending 31 March of end_year (2023/24 → end_year 2024)."""
    return Period(label, "financial_year", date(end_year - 1, 4, 1), date(end_year, 3, 31))


def academic_year(label: str, end_year: int) -> Period:
    return Period(label, "academic_year", date(end_year - 1, 9, 1), date(end_year, 8, 31))


def calendar_year(label: str, year: int) -> Period:
    return Period(label, "calendar_year", date(year, 1, 1), date(year, 12, 31))


def quarter_ending(label: str, year: int, month: int) -> Period:
    return Period(label, "quarter", add_months(date(year, month, 1), -2), month_end(year, month))


def fiscal_quarter(label: str, quarter: int, fy_end_year: int) -> Period:
    """Quarter n of the financial year ending in fy_end_year (Q1 = Apr-Jun)."""
    end_month = 3 * quarter + 3  # Q1→6, Q2→9, Q3→12, Q4→15 (= March next year)
    year = fy_end_year - 1
    if end_month > 12:
        end_month -= 12
        year += 1
    return quarter_ending(label, year, end_month)


def rolling_12_months(label: str, end_year: int, end_month: int) -> Period:
    end = month_end(end_year, end_month)
    return Period(label, "rolling_12_months", add_months(date(end_year, end_month, 1), -11), end)


def span_period(label: str, first: date, last_year: int, last_month: int) -> Period:
    """The months from `first` to the end of (last_year, last_month), typed by what the span is.

    Twelve months from April are a financial year and from September an academic year; three
    months a quarter; other twelve-month spans rolling years. The one rule for every reader: a
    table header `Apr 23 - Mar 24` and a sentence `from April 2023 to March 2024` give one period.
    """
    end = month_end(last_year, last_month)
    months = (last_year * 12 + last_month) - (first.year * 12 + first.month) + 1
    if months == 12 and first.month == 4:
        return financial_year(label, last_year)
    if months == 12 and first.month == 9:
        return academic_year(label, last_year)
    if months == 12:
        return rolling_12_months(label, last_year, last_month)
    if months == 3:
        return quarter_ending(label, last_year, last_month)
    return Period(label, "unknown", first, end)


def split_year(text: str) -> int | None:
    """`2023/24`, `2023-24`, `2023/2024`, `23/24`, `2008/9` → the ending year (2024, 2009)."""
    m = re.fullmatch(r"(\d{2}|\d{4})\s*[/\-–]\s*(\d{2}|\d{4})", text.strip())
    one = None if m else re.fullmatch(r"(\d{4})\s*/\s*(\d)", text.strip())  # `2008/9`: the end year's last digit
    if one:
        start = int(one.group(1))
        return start + 1 if (start + 1) % 10 == int(one.group(2)) else None
    if not m:
        return None
    start, end = full_year(m.group(1)), full_year(m.group(2))
    if end != start + 1:
        return None
    return end


# Two days joined by a dash or `to`: a span dated at both ends (the first day's year may be left out)
DAY_RANGE = re.compile(
    rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\s*,?\s*(\d{{4}})?\s*(?:[\-–—]|\bto\b)\s*"
    rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\s*,?\s+(\d{{4}})",
    re.I,
)

_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # 12 months to March 2024, 12 months ending Sep 23 (rolling year)
    (
        re.compile(rf"12\s+months\s+(?:to|ending)\s+(?:the\s+end\s+of\s+)?({_MONTH})\s*[\-’']?\s*({_YEAR2OR4})", re.I),
        "rolling",
    ),
    # 1 April 2017 – 31 March 2018, 1 April to 30 June 2017 (a span dated at both ends)
    (DAY_RANGE, "day_range"),
    # Q1 2023/24, Quarter 2 2023/24, Qtr 3 2023/24, quarter two, 2023/24 Q1 (the year before the quarter)
    (
        re.compile(
            r"(?:(\d{2,4}\s*[/\-–]\s*\d{2,4})\s*[,:\-–]?\s*)?"
            r"(?:q|quarter\s*|qtr\.?\s*|\bch(?:warter)?\s*)(one|two|three|four|[1-4])"  # (Ch: the Welsh chwarter)
            r"(?:\s*,?\s*(\d{2,4}\s*[/\-–]\s*\d{2,4}))?", re.I
        ),
        "fq",
    ),
    # Oct 22-Sep 23 / Oct 2022 - Sep 2023 (rolling year)
    (
        re.compile(rf"({_MONTH})\s*[\-’']?\s*({_YEAR2OR4})\s*[\-–to]+\s*({_MONTH})\s*[\-’']?\s*({_YEAR2OR4})", re.I),
        "range_years",
    ),
    # Apr-Jun 23, July-Sep 23 (a quarter or other span within one year)
    (re.compile(rf"({_MONTH})\s*[\-–]\s*({_MONTH})\s*[\-’']?\s*({_YEAR2OR4})", re.I), "range"),
    # 30 September 2023, 31st March 2024
    (re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\s*,?\s+(\d{{4}})", re.I), "day"),
    # At Sep 23, as at March 2024, at end of March 2024
    (
        re.compile(
            rf"(?:(?:as\s+)?at\s+(?:the\s+)?(?:end\s+of\s+)?|(?:the\s+)?end\s+of\s+)({_MONTH})\s*[\-’']?\s*({_YEAR2OR4})",
            re.I,
        ),
        "at",
    ),
    # 2023/24, 2023-24
    (re.compile(r"(\d{4}|\d{2})\s*[/\-–]\s*(\d{2}|\d{4})"), "split"),
    # 2008/9, 2006/7 (the end year's last digit only)
    (re.compile(r"(?<!\d)\d{4}\s*/\s*\d(?![\d/])"), "split"),
    # Mar-24, Jan 2025, June 2023
    (re.compile(rf"({_MONTH})\s*[\-’' ]?\s*({_YEAR2OR4})", re.I), "month"),
    # 2023
    (re.compile(r"((?:19|20)\d{2})"), "year"),
]


@lru_cache(maxsize=65536)  # pure, Period is frozen; tables repeat their period labels row after row
def parse_period(
    label: str | None,
    *,
    year_kind: YearKind = "financial",
    fy_end_year: int | None = None,
    month_as: Literal["month", "point_in_time", "quarter", "rolling_12_months", "year_to_date"] = "month",
) -> Period:
    """Read one printed period label.

    year_kind: how to read a split year (`2022/23`): financial (to 31 March) or academic (31 August).
    fy_end_year: the report's financial year, for labels without one (`quarter two`).
    month_as: how a single month (`Mar-24`) is meant: the month itself, a snapshot at its end,
      the quarter or 12 months ending with it, or the year to date (the row's reporting basis).
    """
    if label is None:
        return Period(None)
    text = label.strip()
    if not text:
        return Period(None)
    for pattern, kind in _PATTERNS:
        m = pattern.fullmatch(text) or (pattern.search(text) if kind != "year" else pattern.fullmatch(text))
        if not m:
            continue
        period = _from_match(text, kind, m, year_kind=year_kind, fy_end_year=fy_end_year, month_as=month_as)
        if period is not None:
            return period
    return Period(text)


def _from_match(text, kind, m, *, year_kind, fy_end_year, month_as) -> Period | None:
    if kind == "fq":
        quarter = QUARTER_WORDS[m.group(2).lower()]
        if m.group(3):  # `Q1 2023/24`
            end_year = split_year(m.group(3))
        else:  # `2023/24 Q1`, or the report's year (a number before it that is no year span is not read)
            end_year = (split_year(m.group(1)) if m.group(1) else None) or fy_end_year
        if end_year is None:
            return None
        return fiscal_quarter(text, quarter, end_year)
    if kind == "day_range":
        return _day_range(text, m)
    if kind == "rolling":
        return rolling_12_months(text, full_year(m.group(2)), month_number(m.group(1)))
    if kind == "range_years":
        start = date(full_year(m.group(2)), month_number(m.group(1)), 1)
        end_year, end_month = full_year(m.group(4)), month_number(m.group(3))
        if (end_year, end_month) < (start.year, start.month):
            return None
        return span_period(text, start, end_year, end_month)
    if kind == "range":
        first, last, year = month_number(m.group(1)), month_number(m.group(2)), full_year(m.group(3))
        return span_period(text, date(year - 1 if first > last else year, first, 1), year, last)
    if kind == "day":
        try:
            day = date(int(m.group(3)), month_number(m.group(2)), int(m.group(1)))
        except ValueError:
            return None
        return point_in_time(text, day)
    if kind == "at":
        return point_in_time(text, month_end(full_year(m.group(2)), month_number(m.group(1))))
    if kind == "split":
        end_year = split_year(m.group(0))
        if end_year is None:
            return None
        return academic_year(text, end_year) if year_kind == "academic" else financial_year(text, end_year)
    if kind == "month":
        year, month = full_year(m.group(2)), month_number(m.group(1))
        return month_in_basis(text, year, month, month_as)
    if kind == "year":
        return calendar_year(text, int(m.group(1)))
    return None


def _day_range(text: str, m: re.Match[str]) -> Period | None:
    """`1 April 2017 – 31 March 2018`: whole months are typed as any month span; other days stay a dated span."""
    last_year, last_month = int(m.group(6)), month_number(m.group(5))
    first_month = month_number(m.group(2))
    first_year = int(m.group(3)) if m.group(3) else (last_year - 1 if first_month > last_month else last_year)
    try:
        first, last = date(first_year, first_month, int(m.group(1))), date(last_year, last_month, int(m.group(4)))
    except ValueError:
        return None
    if last < first:
        return None
    if first.day == 1 and last == month_end(last_year, last_month):
        return span_period(text, first, last_year, last_month)
    return Period(text, "unknown", first, last)


def month_in_basis(label: str, year: int, month: int, basis: str) -> Period:
    if basis == "point_in_time":
        return point_in_time(label, month_end(year, month))
    if basis == "quarter":
        return quarter_ending(label, year, month)
    if basis == "rolling_12_months":
        return rolling_12_months(label, year, month)
    if basis == "year_to_date":
        fy_start_year = year if month >= 4 else year - 1
        return Period(label, "year_to_date", date(fy_start_year, 4, 1), month_end(year, month))
    return month_period(label, year, month)


def shift_years(period: Period, years: int, label: str | None = None) -> Period:
    """The same period `years` later (negative: earlier), e.g. for `12 months earlier` columns."""

    def move(d: date | None) -> date | None:
        if d is None:
            return None
        if d.month == 2 and d.day == 29:
            return date(d.year + years, 2, 28)
        moved = date(d.year + years, d.month, 1)
        # keep month ends on month ends
        if d == month_end(d.year, d.month):
            return month_end(moved.year, moved.month)
        return date(moved.year, moved.month, d.day)

    if period.end is None:
        return Period(label or period.label)
    return Period(label, period.type, move(period.start), move(period.end))


def shift_months(period: Period, months: int, label: str | None = None) -> Period:
    """A period of the same type moved by whole months (for `Previous Period` of a monthly report)."""
    if period.end is None:
        return Period(label)
    end_first = add_months(date(period.end.year, period.end.month, 1), months)
    end = month_end(end_first.year, end_first.month)
    start = None
    if period.start is not None:
        start = add_months(period.start, months)
    return Period(label, period.type, start, end)


_ACADEMIC_HINT = gated(re.compile(
    r"\b(school|schools|pupils?|ks[1-5]|key\s+stage|gcse|a\s*level|eyfs|early\s+years\s+foundation|attainment"
    r"|attendance|absen\w*|exclu\w*|suspensions?|free\s+school\s+meals|fsm|sen\s+support|progress\s*8|attainment\s*8)\b",
    re.I,
))


def year_kind_for(indicator: str) -> YearKind:
    """School measures count in academic years (to 31 August); everything else in financial years."""
    return "academic" if _ACADEMIC_HINT.search(indicator) else "financial"
