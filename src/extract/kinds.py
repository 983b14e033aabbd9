"""Value kinds and the header vocabulary of KPI tables: the one place that says what a column is.

`classify_header("Target Mar-24")` → value column, kind target, period `Target Mar-24`;
`classify_header("Reporting Basis")` → the row's reporting basis; `classify_header("RAG")` → status.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract.model import normalise_space

# Column roles other than "value".
ROLES = ("name", "code", "period", "value", "polarity", "basis", "status", "comment", "formula", "ignore", "blank")

_PERIOD_IN_HEADER = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s*[\-’' ]?\s*(?:\d{4}|\d{2})\b"
    r"|\b(?:\d{4}|\d{2})\s*[/\-–]\s*(?:\d{4}|\d{2})\b|\bq[1-4]\b|\b(?:19|20)\d{2}\b",
    re.I,
)

# Ordered: the first pattern that matches a header decides. Benchmarks before "actual" so that
# "National 2023/24 Actual" is a benchmark.
_KIND_PATTERNS: tuple[tuple[str, str], ...] = (
    # a difference between two values is never a value of either: `Change from previous year`
    ("change",
     r"\bchange\b|^\+\s*/\s*-$|^\+/-|^-\s*/\s*\+$|\bvariance\b|\bdifference\b|\bmovement\b"),
    ("year_ago", r"12\s*months?\s*(ago|earlier|previous)|same\s+(period|time|point)\s+last\s+year|year\s+ago"),
    ("previous_year",
     r"previous\s+years?'?\s*(actual|outturn|result)?|last\s+years?'?\s*(actual|outturn)|prior\s+year"),
    ("previous_period", r"previous\s+(period|quarter|month)|^previous$|last\s+(quarter|month|period)"),
    ("statistical_neighbours", r"stat(istical)?\.?\s*neighbou?rs?|^sn\b|\bsn\s+(av|average)"),
    ("comparator_group", r"comparator"),
    ("regional",
     r"\bregion(al)?\b|^ne\b|\bne\s+av(erage)?\b|north\s+east|north\s+west|south\s+(east|west)|yorkshire"
     r"|midlands|\blondon\b|wales\s+av"),
    ("national", r"\bnational\b|\bengland\b|\beng\s+av|\bnat\.?\s+av"),
    ("intervention", r"\bintervention\b|\bfloor\b"),
    ("tolerance", r"\btolerance\b"),
    ("target", r"\btarget\b|\bplan\b|\bgoal\b"),
    ("forecast", r"\bforecast\b|\bprojected\b|\bprojection\b"),
    ("actual", r"\bactual\b|\bperformance\b|\blatest\b|\bcurrent\b|\bresult\b|\bvalue\b|\boutturn\b|\bposition\b"),
)  # fmt: skip
_KIND_RES = tuple((kind, re.compile(p, re.I)) for kind, p in _KIND_PATTERNS)

_ROLE_PATTERNS: tuple[tuple[str, str], ...] = (
    # a position among councils is no figure of the indicator (`Latest National Rank`, LAIT's
    # `Latest Quartile Banding`)
    ("ignore", r"\brank(ing)?\b|\bquartile\b|\bbanding\b|\bdecile\b"),
    ("polarity", r"good\s+performance|polarity|bigger\s+is\s+better|high/low|direction\s+of\s+good"),
    ("basis", r"reporting\s+basis|^basis$|frequency"),
    ("status", r"^rag$|rag\s+(rating|status)|^status$|^rating$|direction\s+of\s+travel|^dot$"),
    ("comment", r"^comments?$|commentary|^notes?$|data\s+obtained|^source$|^updated$|oflog|^owner$"),
    ("code", r"^ref(erence)?\.?$|^code$|^kpi\s*(no|ref)\.?$|^pi\s*(no|ref)\.?$|^no\.?$|^id$"),
    ("name", r"^(measure|indicator|title|performance\s+indicator|kpi|description|metric|pi)(\s+name)?$"),
    ("period", r"^period$|^date$|^as\s+at$|^time\s+period$"),
    ("formula", r"^number$|^calculation$|^numerator|^formula$"),
)  # fmt: skip
_ROLE_RES = tuple((role, re.compile(p, re.I)) for role, p in _ROLE_PATTERNS)


@dataclass(frozen=True)
class HeaderMeaning:
    role: str
    kind: str | None = None
    period_label: str | None = None  # the header itself when it dates the column


def clean_header(label: str) -> str:
    return normalise_space(re.sub(r"[*#_`]", " ", label))


@lru_cache(maxsize=65536)  # pure, and asked of the same labels by every grid test on a page
def classify_header(label: str) -> HeaderMeaning:
    text = clean_header(label)
    if not text:
        return HeaderMeaning("blank")
    for role, pattern in _ROLE_RES:
        if pattern.search(text):
            return HeaderMeaning(role)
    has_period = bool(_PERIOD_IN_HEADER.search(text))
    for kind, pattern in _KIND_RES:
        if pattern.search(text):
            return HeaderMeaning("value", kind, text if has_period else None)
    if has_period and _is_mostly_period(text):
        # a bare dated column (`Mar-23`, `2022/23`, `Q2`) holds that period's actual
        return HeaderMeaning("value", "actual", text)
    return HeaderMeaning("ignore")


def _is_mostly_period(text: str) -> bool:
    rest = _PERIOD_IN_HEADER.sub(" ", text)
    rest = re.sub(r"\b(to|at|as|end|of|the|q[1-4]|quarter|month|year|ytd)\b|[\-–/,()]", " ", rest, flags=re.I)
    return not rest.strip()


POLARITY_WORDS: tuple[tuple[str, str], ...] = (
    (r"bigger\s+is\s+better|higher\s+is\s+better|^high(er)?$|^up$|increase", "higher_is_better"),
    (r"smaller\s+is\s+better|lower\s+is\s+better|^low(er)?$|^down$|decrease", "lower_is_better"),
    (r"plan\s+is\s+best|target\s+is\s+best|on\s+target", "target_is_best"),
)


def read_polarity(text: str) -> str | None:
    for pattern, polarity in POLARITY_WORDS:
        if re.search(pattern, text.strip(), re.I):
            return polarity
    return None


# Reporting basis → how a single month label is to be read (see periods.parse_period month_as).
BASIS_WORDS: tuple[tuple[str, str], ...] = (
    (r"snapshot|point\s+in\s+time|as\s+at", "point_in_time"),
    (r"latest\s+quarter|quarterly|\bquarter\b", "quarter"),
    (r"rolling", "rolling_12_months"),
    (r"year\s+to\s+date|\bytd\b|cumulative", "year_to_date"),
    (r"monthly|\bmonth\b", "month"),
    (r"annual", "rolling_12_months"),
)


def read_basis(text: str) -> str | None:
    for pattern, basis in BASIS_WORDS:
        if re.search(pattern, text, re.I):
            return basis
    return None


_STATUS_WORD = re.compile(r"^(red|amber|green|r|a|g|blue|grey|gray|on\s+track|off\s+track|improv\w*|declin\w*)$", re.I)


def is_status(text: str) -> bool:
    """A RAG word or a symbol cell (`●`, `▲`, `★`, `⬇️`, `↑`, `▬`): no letters or digits."""
    t = text.strip()
    if not t:
        return False
    if _STATUS_WORD.match(t):
        return True
    return not any(ch.isalnum() for ch in t) and len(t) <= 4
