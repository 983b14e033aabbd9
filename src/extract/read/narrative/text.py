"""Narrative text as blocks, sentences and words, and the windows of text around a position."""

from __future__ import annotations

import re

from extract.model import normalise_space


def _wordset(text: str, sep: str | None = None) -> frozenset[str]:
    return frozenset(text.split(sep))


# --------------------------------------------------------------------------- blocks

_BULLET_CHARS = "-–—*•·▪■□◦●○►▶➤➢✓✔>\uf0a7\uf0b7\uf0d8\uf076"
# the glyphs only a list draws (not `-`, `*` or `>`, which may be a line's own text)
_BULLET_GLYPHS = "•·▪■□◦●○►▶➤➢✓✔\uf0a7\uf0b7\uf0d8\uf076"


def without_bullet_glyph(text: str) -> str:
    """A line's text without the bullet glyphs it opens with: a list item's label or heading
    (`• KPI 3 - % of re-referrals`, a slide's bullet) as it reads without its list."""
    return text.lstrip(_BULLET_GLYPHS + " \t")


_SEPARATOR_LINE = re.compile(
    rf"^\s*(?:\(?\d{{1,3}}[.,)]?|\(?[a-z][.)]|\(?[ivx]{{1,5}}[.)]|[{re.escape(_BULLET_CHARS)}o]+)\s*$", re.I
)
# `**78%** in October` is bold text, not a `*` bullet: a line starting with it continues the sentence
_BULLET_START = re.compile(
    rf"^\s*(?!\*\*)(?:[{re.escape(_BULLET_CHARS)}]|o(?=\s)|\d{{1,2}}[.)](?=\s)|\([a-z0-9]{{1,3}}\))\s*"
)
_HEADING_LINE = re.compile(r"^\s*#{1,6}\s")
_TABLE_MIN_CELLS = 3


_KEY_NUMBER = re.compile(r"[\d.,%£]+")  # (the patterns of the helpers below, compiled once)
_CLOSED = re.compile(r"[.!?:;]\W*$")
_LOWER_START = re.compile(r"\s*[a-z]")
_INITIALS = re.compile(r"[a-z]|(?:[a-z]\.)+[a-z]")


def _is_table_line(line: str) -> bool:
    cells = [c.strip() for c in line.split("\t") if c.strip()]
    if line.count("\t") >= _TABLE_MIN_CELLS - 1:
        return True
    if "\t" in line and len(cells) > 1 and _KEY_NUMBER.fullmatch(cells[-1]):
        return True  # `Key to Symbols<TAB>2`: a contents or key row
    stripped = line.strip()
    return stripped.startswith("|") and stripped.count("|") >= _TABLE_MIN_CELLS


def _continues(previous: str, line: str) -> bool:
    """A wrapped sentence broken by a blank line: no closing punctuation, lower-case next line."""
    return not _CLOSED.search(previous.rstrip()) and bool(_LOWER_START.match(line))


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
# a symbol-font bullet (a private-use glyph: `area. \uf06e Approximately 21% ...`) after a full stop starts the next
# sentence and belongs to neither
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?P<glyph>[\ue000-\uf8ff]\s*)?(?=[\"'“‘(\[*]*[A-Z0-9£])")
_BLOCK_MARKER = re.compile(
    rf"^(?:#{{1,6}}\s+)?(?:(?:[{re.escape(_BULLET_CHARS)}]|o(?=\s))\s*)*"
    r"(?:\(?[a-z]\)\s+|\(?[ivx]{1,5}\)\s+|\d{1,3}[.)]\s+|\d{1,3}\s+(?=[A-Z][a-z]|[A-Z]{2}))?"
)


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    start = dot  # walk back over the word before the dot ([\w.]+): a $-anchored search rescans the text
    while start and (text[start - 1].isalnum() or text[start - 1] in "_."):
        start -= 1
    if start == dot:
        return False
    word = text[start:dot].lower()
    return word in _ABBREVIATIONS or bool(_INITIALS.fullmatch(word))


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
        out.append(text[start : m.start("glyph") if m.group("glyph") else m.end()].strip())
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
    "exceeds surpassed needs sees performed performs say says said tell tells told feel feels felt"
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




_WINDOW = 120  # characters looked at on either side of a number: the words that qualify it are near


def _before(text: str, pos: int, width: int = _WINDOW) -> str:
    return text[max(0, pos - width) : pos]


def _after(text: str, pos: int, width: int = _WINDOW) -> str:
    return text[pos : pos + width]


def _cover(mask: bytearray, start: int, end: int) -> None:
    mask[start:end] = b"\x01" * (end - start)
