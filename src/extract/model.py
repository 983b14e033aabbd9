"""Core data types shared by loaders, parsers and the pipeline.

A document is a list of pages; a page is a list of lines; a line is a list of cells.
Text inputs are one page without positions (cells come from tab stops); PDF pages carry
word positions (cells come from gaps between words). Parsers only ever see these types.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal, get_args

from extract.errors import VocabularyError

ValueKind = Literal[
    "actual",
    "target",
    "tolerance",
    "intervention",
    "forecast",
    "previous_period",
    "previous_year",
    "year_ago",
    "national",
    "regional",
    "statistical_neighbours",
    "comparator_group",
    "change",
]
VALUE_KINDS: tuple[str, ...] = get_args(ValueKind)

PeriodType = Literal[
    "month",
    "quarter",
    "financial_year",
    "academic_year",
    "calendar_year",
    "rolling_12_months",
    "year_to_date",
    "point_in_time",
    "unknown",
]
PERIOD_TYPES: tuple[str, ...] = get_args(PeriodType)
Unit = Literal[
    "percent", "count", "rate_per_10k", "rate_per_1k", "rate_per_100k", "ratio", "days", "weeks", "score", "gbp",
    "unknown",
]  # fmt: skip
UNITS: tuple[str, ...] = get_args(Unit)
Polarity = Literal["higher_is_better", "lower_is_better", "target_is_best", "unknown"]
POLARITIES: tuple[str, ...] = get_args(Polarity)
MatchMethod = Literal["code", "exact", "alias", "fuzzy", "unmatched"]
MATCH_METHODS: tuple[str, ...] = get_args(MatchMethod)
Source = Literal["table", "narrative", "official"]
SOURCES: tuple[str, ...] = get_args(Source)

#: The typed columns of a row and the words each may hold (SCHEMA.md). `unit` may be None in a
#: parsed row (the pipeline infers it), never in an observation.
VOCABULARIES: dict[str, tuple[str, ...]] = {
    "value_kind": VALUE_KINDS,
    "unit": UNITS,
    "period_type": PERIOD_TYPES,
    "source": SOURCES,
    "match_method": MATCH_METHODS,
}


_VOCABULARY_SETS = tuple((column, frozenset(words)) for column, words in VOCABULARIES.items())


def check_vocabulary(row: dict, parser: str | None, nullable: tuple[str, ...] = ()) -> None:
    """Raise VocabularyError when a typed column of `row` (those of VOCABULARIES it holds) is
    outside its vocabulary; columns in `nullable` may also be None."""
    for column, allowed in _VOCABULARY_SETS:  # (asked of every row: sets, not tuples)
        if column not in row:
            continue
        value = row[column]
        if value is None and column in nullable:
            continue
        try:
            known = value in allowed
        except TypeError:  # unhashable: in no vocabulary
            known = False
        if not known:
            words = VOCABULARIES[column]
            name = row.get("indicator_raw")
            raise VocabularyError(
                f"parser {parser or '(none)'} wrote {column} {value!r} for {name!r}: "
                f"not one of {', '.join(words)}"
            )
DOCUMENT_STATUSES = (
    "ok",
    "empty",
    "unclaimed",
    "ambiguous",
    "unreadable",
    "encrypted",
    "no_text_layer",
    "unsupported",
    "timeout",
    "too_large",
    "error",
)



def normalise_space(text: str) -> str:
    """Collapse every run of whitespace (tabs, newlines, NBSP) to one space and strip."""
    return " ".join(text.split())  # str.split() splits on what `\s` matches, NBSP included, and faster


@dataclass(frozen=True, slots=True)
class Word:
    """A run of glyphs with no space or gap in it, in PDF points, top-down (as pdfplumber)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


def make_words(texts: list[str], x0: list[float], top: list[float], x1: list[float], bottom: list[float]) -> list[Word]:
    """`list(map(Word, texts, x0, top, x1, bottom))` at a third of the cost: a page's words are
    made by the thousand, and a frozen dataclass's __init__ sets each field through
    object.__setattr__. Here each word is made as a plain twin with Word's slots (its own
    __init__ stores them directly), then becomes a Word: Python allows the change of class only
    between classes of the same layout, and checks it."""
    words = list(map(_WordSlots, texts, x0, top, x1, bottom))
    for word in words:
        word.__class__ = Word  # type: ignore[assignment]
    return words  # type: ignore[return-value]


class _WordSlots:
    """Word's slots, settable (only make_words uses it, for a moment)."""

    __slots__ = ("bottom", "text", "top", "x0", "x1")  # (Python lays slots out by name: as Word)

    def __init__(self, text: str, x0: float, top: float, x1: float, bottom: float) -> None:
        self.text, self.x0, self.top, self.x1, self.bottom = text, x0, top, x1, bottom


@dataclass(frozen=True, slots=True)
class Rule:
    """A ruling line the page draws (a table border): `h`orizontal at y=top=bottom, or `v`ertical."""

    orientation: Literal["h", "v"]
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True)
class Cell:
    """One table cell or text run. x0/x1 are PDF points from the page's left edge (None for text);
    a PDF cell keeps the words it was made of."""

    text: str
    x0: float | None = None
    x1: float | None = None
    words: tuple[Word, ...] = ()


def make_cell(text: str, x0: float | None, x1: float | None, words: tuple[Word, ...]) -> Cell:
    """`Cell(text, x0, x1, words)` at half the cost (the loader makes a page's cells by the
    hundred; a frozen dataclass's __init__ sets each field through object.__setattr__)."""
    cell = object.__new__(Cell)
    fields = cell.__dict__
    fields["text"], fields["x0"], fields["x1"], fields["words"] = text, x0, x1, words
    return cell


@dataclass(frozen=True)
class Line:
    """One line of a page. For text input, cells are the tab-separated fields (empty ones kept)."""

    cells: tuple[Cell, ...]
    top: float | None = None
    bottom: float | None = None

    @property
    def text(self) -> str:
        """The line as printed, whitespace normalised (the `context` of a table row)."""
        return normalise_space(" ".join(c.text for c in self.cells))

    @property
    def texts(self) -> list[str]:
        return [c.text.strip() for c in self.cells]

    @property
    def is_blank(self) -> bool:
        return not any(c.text.strip() for c in self.cells)


def make_line(cells: tuple[Cell, ...], top: float | None, bottom: float | None) -> Line:
    """`Line(cells, top, bottom)` at half the cost (see make_cell)."""
    line = object.__new__(Line)
    fields = line.__dict__
    fields["cells"], fields["top"], fields["bottom"] = cells, top, bottom
    return line


@dataclass
class Page:
    number: int | None  # 1-based PDF page; None for text inputs
    lines: list[Line]
    width: float | None = None
    height: float | None = None
    rules: list[Rule] = field(default_factory=list)  # PDF ruling lines (table borders)
    cache: dict = field(default_factory=dict, repr=False, compare=False)  # what readers found (grids)

    @property
    def text(self) -> str:
        # asked again by every parser's detect (Document.head): kept while the page's lines are
        # the same list of the same length (the loader replaces the list when it moves lines)
        cached = self.cache.get("text")
        if cached is None or cached[0] is not self.lines or cached[1] != len(self.lines):
            text = "\n".join(["\t".join([c.text for c in ln.cells]) for ln in self.lines])
            cached = (self.lines, len(self.lines), text)
            self.cache["text"] = cached
        return cached[2]


@dataclass
class Document:
    path: str  # relative to the corpus root, with / separators
    sha256: str
    size: int
    kind: Literal["text", "pdf"]
    pages: list[Page]
    notes: list[str] = field(default_factory=list)  # loader warnings worth keeping
    #: a PDF's table cells read cell by cell, top-down (set by the table reader before detection):
    #: a word that a narrow column breaks over two lines comes together again here
    cell_text: str = ""
    _flat: dict = field(default_factory=dict, repr=False, compare=False)  # flat() per (chars, cell_text)

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.pages)

    def head(self, chars: int = 6000) -> str:
        """The first few thousand characters: what a cheap `detect` should look at."""
        out: list[str] = []
        size = 0
        for page in self.pages:
            t = page.text
            out.append(t)
            size += len(t)
            if size >= chars:
                break
        return "\n".join(out)[:chars]

    def flat(self, chars: int | None = None) -> str:
        """Lower-case text with all whitespace as single spaces and straight quotes: what a
        content fingerprint should test, since PDF cells wrap and text exports use tabs."""
        key = (chars, self.cell_text)  # every parser's detect asks again: computed once per document
        if key not in self._flat:
            text = self.head(chars) if chars else self.text
            cells = self.cell_text[:chars] if chars else self.cell_text
            self._flat[key] = normalise_space(f"{text}\n{cells}").lower().replace("’", "'").replace("‘", "'")
        return self._flat[key]

    def has_words(self, *words: str, chars: int | None = None) -> bool:
        """Every word occurs somewhere. For table headers, whose words a narrow PDF column
        wraps and interleaves with other cells, this is sturdier than a phrase; a word broken
        inside a cell (`Interven` over `tion`) is found in the cells read without spaces."""
        key = ("words", chars, self.cell_text)  # the cells read without spaces, as flat itself: once per document
        if key not in self._flat:
            self._flat[key] = re.sub(r"\s+", "", self.cell_text[:chars] if chars else self.cell_text).lower()
        flat, joined = self.flat(chars), self._flat[key]
        return all(_is_token_of(w.lower(), flat) or w.lower() in joined for w in words)


_TOKEN = re.compile(r"[\w/'-]+")  # a word of flat text: a whole run of these characters


def _is_token_of(word: str, text: str) -> bool:
    """`word in set(_TOKEN.findall(text))`, found where `word` occurs with no token character on
    either side (a document's text is long; the words asked of it are few)."""
    if not _TOKEN.fullmatch(word):
        return False
    size, start = len(word), text.find(word)
    while start != -1:
        end = start + size
        if (start == 0 or not _TOKEN.match(text, start - 1, start)) and not _TOKEN.match(text, end, end + 1):
            return True
        start = text.find(word, start + 1)
    return False


@dataclass(frozen=True)
class Period:
    label: str | None
    type: PeriodType = "unknown"
    start: date | None = None
    end: date | None = None


@dataclass
class RawFigure:
    """One number as a parser read it, before tidying and matching.

    Parsers fill what the source says; the pipeline derives the rest (value from value_raw,
    unit from the text, the indicator id from the catalogue).
    """

    indicator_raw: str
    value_raw: str
    value_kind: ValueKind
    context: str
    source: Source = "table"
    period: Period = field(default_factory=lambda: Period(None))
    indicator_code: str | None = None
    unit: Unit | None = None  # None: the pipeline infers it
    value: float | None = None  # None with a numeric value_raw: the pipeline parses it
    numerator: float | None = None
    denominator: float | None = None
    polarity: str | None = None
    status: str | None = None
    section: str | None = None
    heading: str | None = None  # the heading over the figure's text: matching's page context, not output
    page: int | None = None
    flags: list[str] = field(default_factory=list)  # data-quality findings the parser could see
    #: the council a row of an area table is about (`881 Essex`), or the document's own council
    #: for its benchmark rows; None: the document's council (manifest, parser, text)
    council_id: str | None = None
    #: an area table's aggregate row the document's council is not known for (`England`):
    #: the council stays null and this name goes in front of the indicator name
    area: str | None = None
    #: the area heads the figure's column, not its row (area_columns.py: councils side by side): it is
    #: no table's subject, so it never stands in for the document's unknown council
    area_column: bool = False
