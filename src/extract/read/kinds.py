"""Value kinds and the header vocabulary of KPI tables: the one place that says what a column is.

`classify_header("Target Mar-24")` → value column, kind target, period `Target Mar-24`;
`classify_header("Reporting Basis")` → the row's reporting basis; `classify_header("RAG")` → status.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract.errors import MappingError
from extract.mappings import mappings_dir, read_csv
from extract.model import VALUE_KINDS, normalise_space
from extract.read.needs import needed_words, words_in

# Column roles other than "value".
ROLES = ("name", "code", "period", "value", "polarity", "basis", "status", "comment", "formula", "ignore", "blank")

_PERIOD_IN_HEADER = re.compile(
    r"(?:\b\d{1,2}(?:st|nd|rd|th)?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s*[\-’' ]?\s*"
    r"(?:\d{4}|\d{2})\b|\b(?:\d{4}|\d{2})\s*[/\-–]\s*(?:\d{4}|\d{2})\b|\bq[1-4]\b|\b(?:quarter|qtr|ch|chwarter)\s*[1-4]\b"
    r"|\b(?:19|20)\d{2}\b",
    re.I,
)

# The value-kind vocabulary is reviewed data (mappings/header_words.csv): per vocabulary, rows in
# order, and the first pattern that matches a header decides (sentence kinds are the narrative
# reader's words). Roles are tried before kinds; benchmarks come
# before "actual" so that "National 2023/24 Actual" is a benchmark.
_VOCABULARIES = ("role", "kind", "polarity", "basis", "sentence_kind", "round")


def _header_words() -> dict[str, tuple[tuple[str, re.Pattern[str]], ...]]:
    rows = read_csv(mappings_dir() / "header_words.csv", ("vocabulary", "meaning", "pattern", "note"))
    found: dict[str, list[tuple[str, re.Pattern[str]]]] = {v: [] for v in _VOCABULARIES}
    for row in rows:
        if row["vocabulary"] not in found:
            raise MappingError(f"header_words.csv: unknown vocabulary {row['vocabulary']!r}")
        if row["vocabulary"] == "role" and row["meaning"] not in ROLES:
            raise MappingError(f"header_words.csv: unknown role {row['meaning']!r}")
        try:
            found[row["vocabulary"]].append((row["meaning"], re.compile(row["pattern"], re.I)))
        except re.error as exc:
            raise MappingError(f"header_words.csv: bad pattern {row['pattern']!r}: {exc}") from exc
    return {v: tuple(entries) for v, entries in found.items()}


_HEADER_WORDS = _header_words()
# each pattern with the words it cannot match without (needs.py): a label holding none is not searched
_ROLE_RES = tuple((role, pattern, needed_words(pattern)) for role, pattern in _HEADER_WORDS["role"])
_KIND_RES = tuple((kind, pattern, needed_words(pattern)) for kind, pattern in _HEADER_WORDS["kind"])
_NEEDED = tuple(sorted({word for _, _, needs in _ROLE_RES + _KIND_RES for word in needs or ()}))


def _block_labels() -> dict[str, str]:
    rows = read_csv(mappings_dir() / "block_labels.csv", ("label", "kind", "note"))
    labels: dict[str, str] = {}
    for row in rows:
        if row["kind"] not in VALUE_KINDS:
            raise MappingError(f"block_labels.csv: unknown value kind {row['kind']!r}")
        labels[normalise_space(row["label"]).lower()] = row["kind"]
    return labels


#: label → value kind for KPI blocks (`Latest: 22.2%  Floor: 30%`), reviewed data in
#: mappings/block_labels.csv
BLOCK_LABELS: dict[str, str] = _block_labels()

#: the words that make a figure in a sentence a target or a benchmark (`England (28%)`), as
#: (kind, pattern) for the narrative reader, which places them around the figure
SENTENCE_KIND_WORDS: tuple[tuple[str, str], ...] = tuple(
    (kind, pattern.pattern) for kind, pattern in _HEADER_WORDS["sentence_kind"]
)


def _council_label_re() -> re.Pattern[str] | None:
    """A column headed by a council's own name (`Haringey`, `Harrow 15/16`, `Kent County Council`)
    holds that council's figures: its actuals. Names from mappings/councils.csv, and the abbreviations
    councils print for themselves (`B&NES 2023-24`) from mappings/council_short_names.csv."""
    path = mappings_dir() / "councils.csv"
    if not path.exists():
        return None
    names: set[str] = set()
    for row in read_csv(path, ("council", "short_name")):
        names.update(n.strip() for n in (row["council"], row["short_name"], *row.get("alt_names", "").split("|")))
    short = mappings_dir() / "council_short_names.csv"
    if short.exists():
        names.update(row["short_name"].strip() for row in read_csv(short, ("short_name", "council", "note")))
    names.discard("")
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    suffix = r"(?:\s+(?:(?:metropolitan\s+)?borough|county(?:\s+borough)?|city|district)?\s*council)?"
    prefix = r"^(?:the\s+)?(?:london\s+borough\s+of\s+)?"
    return re.compile(rf"{prefix}(?P<name>{alternatives}){suffix}\b(?P<rest>.*)$", re.I)


_COUNCIL_LABEL = _council_label_re()


@dataclass(frozen=True)
class HeaderMeaning:
    role: str
    kind: str | None = None
    period_label: str | None = None  # the header itself when it dates the column


_MARKUP = re.compile(r"[*#_`]")


def clean_header(label: str) -> str:
    return normalise_space(_MARKUP.sub(" ", label))


@lru_cache(maxsize=65536)  # pure, and asked of the same labels by every grid test on a page
def classify_header(label: str) -> HeaderMeaning:
    text = clean_header(label)
    if not text:
        return HeaderMeaning("blank")
    found = words_in(text, _NEEDED)
    for role, pattern, needs in _ROLE_RES:
        if (found is None or needs is None or not needs.isdisjoint(found)) and pattern.search(text):
            return HeaderMeaning(role)
    has_period = _has_period(text)
    for kind, pattern, needs in _KIND_RES:
        if (found is None or needs is None or not needs.isdisjoint(found)) and pattern.search(text):
            return HeaderMeaning("value", kind, text if has_period else None)
    if has_period and _is_mostly_period(text):
        # a bare dated column (`Mar-23`, `2022/23`, `Q2`) holds that period's actual
        return HeaderMeaning("value", "actual", text)
    if council_named(text) is not None:
        return HeaderMeaning("value", "actual", text if has_period else None)
    return _bilingual(text)


_TRANSLATION = re.compile(r"\s+/\s+")  # `Ch4 / Q4`, `Dangosydd / Indicator`: a label and its translation


def _bilingual(text: str) -> HeaderMeaning:
    """A label printed in two languages parted by a spaced slash (Welsh / English): what either half
    says, when the label as a whole says nothing (`2016/17` and `High/Low` have no spaced slash)."""
    halves = _TRANSLATION.split(text)
    if len(halves) != 2:
        return _said_twice(text)
    for half in reversed(halves):  # (the second half first: Welsh papers print the English second)
        meaning = classify_header(half)
        if meaning.role not in ("ignore", "blank"):
            return meaning
    return HeaderMeaning("ignore")


_TWICE_WORDS = 8  # a label said twice is short: `Canlyniad Ch1 2019-20 Q1 2019-20 result`


def _said_twice(text: str) -> HeaderMeaning:
    """A label printed in two languages side by side with no slash (`Mesur Measure`, `Statws Status`):
    the role both halves name when they name the same one; a label whose words say two things stays
    unread."""
    words = text.split()
    if len(words) > _TWICE_WORDS:
        return HeaderMeaning("ignore")  # (a sentence is no label; and each half is classified again)
    for cut in range(1, len(words)):
        first = classify_header(" ".join(words[:cut]))
        if first.role in ("ignore", "blank", "value"):
            continue  # (the second half is classified only when the first names a role)
        second = classify_header(" ".join(words[cut:]))
        if first.role == second.role:
            return second
    return HeaderMeaning("ignore")


@lru_cache(maxsize=65536)  # pure, and asked again of the same column labels (table_model.py)
def council_named(label: str) -> str | None:
    """The council a column label names with nothing else but a period (`Haringey`, `Harrow 15/16`),
    lowercased; None when the label says more (or names no council)."""
    if _COUNCIL_LABEL is None:
        return None
    council = _COUNCIL_LABEL.match(clean_header(label))
    if council is None:
        return None
    rest = council.group("rest").strip()
    if rest and not (_has_period(rest) and _is_mostly_period(rest)):
        return None
    return council.group("name").lower()


def _has_period(text: str) -> bool:
    # every period the pattern knows prints a digit: a label without one is ruled out at once
    return _DIGIT.search(text) is not None and _PERIOD_IN_HEADER.search(text) is not None


_DIGIT = re.compile(r"\d")
_RATE_BASE = re.compile(r"\bper\s+\d{1,3}(?:[, ]?000)+\b", re.I)


def _is_mostly_period(text: str) -> bool:
    rest = _PERIOD_IN_HEADER.sub(" ", text)
    rest = re.sub(r"\b(to|at|as|end|of|the|q[1-4]|(?:quarter|qtr|chwarter|ch)(?:\s*[1-4])?|month|year|ytd)\b|[\-–/,()]",
                  " ", rest, flags=re.I)  # (`Quarter 3 2018/19` is a period, its digit too; Ch: the Welsh quarter)
    # a rate's base printed under the period (`1999-2000` over `per 1,000`): the period's rate is its actual
    rest = _RATE_BASE.sub(" ", rest)
    for _, pattern in _HEADER_WORDS["round"]:  # `Phase 9 2023–24`: the round of a survey that covers the period
        rest = pattern.sub(" ", rest)
    return not rest.strip()


def read_polarity(text: str) -> str | None:
    for polarity, pattern in _HEADER_WORDS["polarity"]:
        if pattern.search(text.strip()):
            return polarity
    return None


# Reporting basis → how a single month label is to be read (see periods.parse_period month_as).
def read_basis(text: str) -> str | None:
    for basis, pattern in _HEADER_WORDS["basis"]:
        if pattern.search(text):
            return basis
    return None


_STATUS_WORD = re.compile(r"^(red|amber|green|r|a|g|blue|grey|gray|on\s+track|off\s+track|improv\w*|declin\w*)$", re.I)


@lru_cache(maxsize=65536)  # pure, and asked of every value cell of every row
def is_status(text: str) -> bool:
    """A RAG word or a symbol cell (`●`, `▲`, `★`, `⬇️`, `↑`, `▬`): no letters or digits."""
    t = text.strip()
    if not t:
        return False
    if _STATUS_WORD.match(t):
        return True
    return not any(ch.isalnum() for ch in t) and len(t) <= 4


# a measure's title and its definition on one line, closed by a full stop (`Absence Management: Percentage of
# working days lost for all Finance & Corporate Support staff.`): a heading, not a sentence
_DEFINED_TITLE = re.compile(r"^[A-Z][A-Za-z ]{2,40}: [A-Z][^.;:]*[a-z)]\.$")


def defined_title(text: str) -> str:
    """A `Heading: definition.` line without its full stop (it names a measure); any other text as it is."""
    return text[:-1] if _DEFINED_TITLE.match(text) else text
