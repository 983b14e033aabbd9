"""Values and units: the one place that reads a printed cell or phrase as a number.

`86.5%` → 86.5 percent; `2,720` → 2720; `TBC`, `N/A`, `Tracker` → no number (the row keeps
its value_raw); `$588/1837 = 0.32$` → numerator 588, denominator 1837.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract.errors import MappingError
from extract.mappings import mappings_dir, read_csv

# A number as printed: optional sign, thousands separators, decimals, optional % sign.
NUMBER_RE = re.compile(r"(?<![\w.])[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s?%)?(?![\w])")
_CELL_NUMBER = re.compile(r"^[£]?\s*([-−+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(%|per\s*cent)?$", re.I)
_LEADING_NUMBER = re.compile(r"^[£]?\s*([-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(%)?(?=\s|$)")
FRACTION_RE = re.compile(
    r"(?<![\w.*/])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*/\s*(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w.]*\s*[*])(?![\d,])"
)
# a footnote's mark printed after a figure (`45%¹`, `12.3†`): not part of the number
_FOOTNOTE_MARK = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰†‡§¶]+$|(?<=%)\d{1,2}$")  # (`45%1`: a raised mark read as a digit)
# Cells that stand for "no value" but are still worth keeping as value_raw.
def _placeholders() -> dict[str, tuple[str, ...]]:
    """The reviewed placeholder vocabulary (mappings/placeholders.csv) by how it matches a cell."""
    rows = read_csv(mappings_dir() / "placeholders.csv", ("text", "match", "note"))
    found: dict[str, list[str]] = {"whole": [], "first_word": [], "prefix": []}
    for row in rows:
        if row["match"] not in found:
            raise MappingError(f"placeholders.csv: match must be whole, first_word or prefix, got {row['match']!r}")
        found[row["match"]].append(row["text"].lower())
    return {match: tuple(texts) for match, texts in found.items()}


_PLACEHOLDERS = _placeholders()
# a cell that is only this is no value; first words and prefixes also stand for one on their own
NO_VALUE_WORDS = frozenset(_PLACEHOLDERS["whole"] + _PLACEHOLDERS["first_word"] + _PLACEHOLDERS["prefix"])


def _figure_words() -> re.Pattern[str]:
    """A figure printed with its unit after it or its bound before it (mappings/figure_words.csv):
    `42.4 weeks`, `144 jobs`, `Minimum 111 jobs`, `Maximum 30 weeks`, `Minimum 70%`."""
    rows = read_csv(mappings_dir() / "figure_words.csv", ("text", "place", "note"))
    words: dict[str, list[str]] = {"before": [], "after": []}
    for row in rows:
        if row["place"] not in words:
            raise MappingError(f"figure_words.csv: place must be before or after, got {row['place']!r}")
        words[row["place"]].append(re.escape(row["text"].lower()).replace(r"\ ", r"\s+"))
    # longest first: `working days` before `days`
    before = "|".join(sorted(words["before"], key=len, reverse=True)) or "(?!)"
    after = "|".join(sorted(words["after"], key=len, reverse=True)) or "(?!)"
    return re.compile(
        rf"^(?:({before})\s+)?([-−]?(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?)\s*(%)?(?:\s+({after}))?\.?$", re.I
    )


_WORDED_NUMBER = _figure_words()


@dataclass(frozen=True)
class ParsedValue:
    value: float | None
    percent: bool = False  # printed with a % sign


# Pure functions of a cell's text, called for every cell by every table reader (grid rows,
# columns, header tests): memoised, since a page repeats its cells (`-`, `N/A`, `2023/24`).
@lru_cache(maxsize=65536)
def parse_cell(text: str) -> ParsedValue:
    """Read a table cell. A cell holding a number followed by words (`5 by 2030`) keeps the number."""
    cleaned = _FOOTNOTE_MARK.sub("", text.strip()).strip("*$").strip()
    m = _CELL_NUMBER.match(cleaned)
    if m:
        return ParsedValue(float(m.group(1).replace(",", "").replace("−", "-")), bool(m.group(2)))
    m = _LEADING_NUMBER.match(cleaned)
    if m and re.search(r"\bby\s+(19|20)\d{2}\b", cleaned):
        return ParsedValue(float(m.group(1).replace(",", "")), bool(m.group(2)))
    m = _WORDED_NUMBER.match(cleaned)
    if m and (m.group(1) or m.group(4)):
        return ParsedValue(float(m.group(2).replace(",", "").replace("−", "-")), bool(m.group(3)))
    return ParsedValue(None)


@lru_cache(maxsize=65536)
def is_no_value(text: str) -> bool:
    """`TBC`, `N/A`, `Tracker`, `TBC Jan/Feb`: a placeholder, not a number and not a label."""
    t = text.strip().lower()
    if not t:
        return False
    if t in NO_VALUE_WORDS:
        return True
    # a prefix is followed by the rest of the note (`WC 24 Feb`, `to follow in March`)
    return t.split()[0] in _PLACEHOLDERS["first_word"] or t.startswith(_PREFIXES_THEN_SPACE)


_PREFIXES_THEN_SPACE = tuple(p + " " for p in _PLACEHOLDERS["prefix"])  # (built once, not per cell)


def parse_fraction(text: str) -> tuple[float, float] | None:
    """The first plain `a/b` in text (`16/208`, `(1,119 / 1,374)`, `$588/1837 = 0.32$`).

    Only a fraction of two printed counts: `((554*12)/146874)*10000` is a formula, not a
    numerator and denominator, and dates such as `13.2.25` or `Jan/Feb` never match.
    """
    for m in FRACTION_RE.finditer(text):
        before = text[: m.start()].rstrip()
        if before.endswith(("*", ")")):  # `(554*12)/146874`
            continue
        num = float(m.group(1).replace(",", ""))
        den = float(m.group(2).replace(",", ""))
        if den == 0:
            continue
        return num, den
    return None


# (infer_unit's patterns, compiled once)
_PER_CENT = re.compile(r"\bper\s*cent\b", re.I)
_PER_10K = re.compile(r"per\s*10[, ]?000|per\s*10k|\(per 10,000\)")
_PER_1K = re.compile(r"per\s*1[, ]?000\b|per\s*1k")
_PERCENT_NAME = re.compile(r"^\s*%|\bpercentage\b|\bproportion\b|\brate\s*%|%")
_SCORE_NAME = re.compile(r"\b(average|mean)\b.*\bscore\b|\bscore\b")
_COUNT_NAME = re.compile(
    r"\b(number|count|no\.)\b|^\s*(children|families|pupils|young people)\b(?!.*\b(?:reaching|achieving|attaining)\b)"
)
_CASELOAD_NAME = re.compile(r"\baverage\b.*\bcaseloads?\b|\bcaseloads?\b")
_DAYS_NAME = re.compile(r"\b(days|time taken)\b")


@lru_cache(maxsize=65536)  # pure, and asked once per figure of every row
def infer_unit(value_raw: str, indicator: str = "", header: str = "") -> str | None:
    """The unit the printed text itself shows; None when the text does not say."""
    raw = value_raw.strip()
    name = f"{indicator} {header}".lower()
    if "%" in raw or _PER_CENT.search(raw):
        return "percent"
    if _PER_10K.search(name):
        return "rate_per_10k"
    if _PER_1K.search(name):
        return "rate_per_1k"
    if _PERCENT_NAME.match(name):
        return "percent"
    if "£" in raw:
        return "gbp"
    if _SCORE_NAME.search(name):
        return "score"
    # (a population that reaches or achieves a level is an attainment share, not a count: `Children in
    # care reaching level 4 in English`, printed without its % sign)
    if _COUNT_NAME.search(name):
        return "count"
    if _CASELOAD_NAME.search(name):
        return "count"
    if _DAYS_NAME.search(name):
        return "days"
    return None


_FORMULA = re.compile(
    r"(?<![\w.*/(])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*/\s*(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*=\s*"
    r"(-?\d+(?:\.\d+)?)\s*(%)?"
)


def formula_disagrees(text: str) -> bool:
    """A printed calculation `a/b = r` whose result does not follow from its own fraction
    (`760/787 = 0.97%`: the fraction is 96.6 %). Results printed as proportions
    (`588/1837 = 0.32`) or percentages both agree when they match."""
    m = _FORMULA.search(text)
    if m is None:
        return False
    numerator, denominator = float(m.group(1).replace(",", "")), float(m.group(2).replace(",", ""))
    if not denominator:
        return False
    ratio, value = numerator / denominator, float(m.group(3))
    candidates = (ratio * 100,) if m.group(4) else (ratio, ratio * 100)
    return not any(abs(value - c) <= max(0.006 * max(c, 1), 0.011) for c in candidates)
