"""The words a pattern cannot match without: a cheap test that rules a pattern out before its search.

`needed_words(re.compile(r"\\bregion(al)?\\b|north\\s+east", re.I))` → `{"region", "north"}`: a text
the pattern matches holds one of them (lowercased). The header vocabulary's patterns are searched in
order over every label a grid test asks about, most of which hold none of a pattern's words; `in` on
a lowercased text costs a fraction of a regex search. Derived from the parsed pattern, so that a
new row of mappings/header_words.csv needs nothing here; a pattern whose parse is not understood
needs nothing (always searched).

Only ASCII literals count. Under IGNORECASE four non-ASCII letters match ASCII ones (`ſ` and `s`,
the Kelvin sign and `k`, `İ` and `ı` and `i`), which lowercasing would miss: a text holding one of
them is searched by every pattern (`words_in`; tests/test_needs.py checks that there are no others).
"""

from __future__ import annotations

import re

try:  # (Python 3.11+: the parser CPython's own `re` uses; a pattern it cannot read needs nothing)
    from re import _constants as _sre  # type: ignore[attr-defined]
    from re import _parser as _parse
except ImportError:  # pragma: no cover
    _sre = _parse = None  # type: ignore[assignment]


def needed_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lowercase ASCII strings one of which every match of `pattern` contains; None when none is known."""
    if _parse is None:
        return None
    try:
        needs = _needs(_parse.parse(pattern.pattern, pattern.flags))
    except Exception:  # (an unfamiliar parse tree: the pattern is always searched)
        return None
    if not needs:
        return None
    # (a word holding another of the set adds nothing: `+/-` beside `+`)
    return frozenset(w for w in needs if not any(o != w and o in w for o in needs))


#: the letters beyond ASCII that IGNORECASE matches to ASCII ones: İ ı (i), ſ (s), the Kelvin sign (k)
FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")


def words_in(text: str, words: tuple[str, ...]) -> frozenset[str] | None:
    """Which of `words` (needed words of some patterns) `text` holds, lowercased; None for a text
    with a letter of FOLDS_TO_ASCII (every pattern is searched). A pattern with needed words
    `needs` can match only when `needs` meets this set (`not needs.isdisjoint(found)`): one pass
    over the words for a text, then a set test a pattern."""
    if not text.isascii() and not FOLDS_TO_ASCII.isdisjoint(text):
        return None
    lowered = text.lower()
    return frozenset([word for word in words if word in lowered])


def _needs(items) -> frozenset[str] | None:
    """For a sequence of parsed items: a set of strings one of which a match contains, the strongest
    found (its shortest string the longest); None when none is known."""
    found: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _sre.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        if op is _sre.AT:
            continue  # (zero width: the literals either side are adjacent in the text)
        if run:
            found.append(frozenset(("".join(run),)))
            run = []
        if op is _sre.SUBPATTERN:
            inner = _needs(av[-1])
        elif op is _sre.BRANCH:
            branches = [_needs(b) for b in av[1]]
            inner = None if any(b is None for b in branches) else frozenset().union(*branches)  # type: ignore[arg-type]
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            inner = _needs(av[2])
        else:
            inner = None
        if inner:
            found.append(inner)
    if run:
        found.append(frozenset(("".join(run),)))
    return max(found, key=lambda s: (min(map(len, s)), -len(s))) if found else None


def holds_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether `text` holds one of `words` (lowercase ASCII), ignoring case; True for a text with a
    letter of FOLDS_TO_ASCII (a pattern is searched as it would be with no gate)."""
    if not text.isascii() and not FOLDS_TO_ASCII.isdisjoint(text):
        return True
    return any(map(text.lower().__contains__, words))


class Gated:
    """A compiled pattern that answers "no match" at once for a text holding none of its needed
    words, and is searched as usual otherwise: for a pattern asked of many texts that seldom hold
    them (`respectively`, a benchmark's label). Every search, match, finditer, findall, sub, subn
    and split gives what the pattern gives (a pos/endpos slice is tested on the whole text: a
    weaker test, as true); anything else is the pattern's own (`.pattern`, `.flags`)."""

    __slots__ = ("_pattern", "_words")

    def __init__(self, pattern: re.Pattern[str], words: frozenset[str]) -> None:
        self._pattern, self._words = pattern, tuple(sorted(words, key=len))  # (short words, likelier, first)

    def __getattr__(self, name: str):
        return getattr(self._pattern, name)

    def __repr__(self) -> str:
        return f"Gated({self._pattern!r})"

    def search(self, text: str, *args, **kwargs) -> re.Match[str] | None:
        return self._pattern.search(text, *args, **kwargs) if holds_any(text, self._words) else None

    def match(self, text: str, *args, **kwargs) -> re.Match[str] | None:
        return self._pattern.match(text, *args, **kwargs) if holds_any(text, self._words) else None

    def fullmatch(self, text: str, *args, **kwargs) -> re.Match[str] | None:
        return self._pattern.fullmatch(text, *args, **kwargs) if holds_any(text, self._words) else None

    def finditer(self, text: str, *args, **kwargs):
        return self._pattern.finditer(text, *args, **kwargs) if holds_any(text, self._words) else iter(())

    def findall(self, text: str, *args, **kwargs) -> list:
        return self._pattern.findall(text, *args, **kwargs) if holds_any(text, self._words) else []

    def sub(self, repl, text: str, *args, **kwargs) -> str:
        return self._pattern.sub(repl, text, *args, **kwargs) if holds_any(text, self._words) else text

    def subn(self, repl, text: str, *args, **kwargs) -> tuple[str, int]:
        return self._pattern.subn(repl, text, *args, **kwargs) if holds_any(text, self._words) else (text, 0)

    def split(self, text: str, *args, **kwargs) -> list:
        return self._pattern.split(text, *args, **kwargs) if holds_any(text, self._words) else [text]


def gated(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` behind the test of its needed words (Gated), or itself when it has none known."""
    words = needed_words(pattern)
    return pattern if not words else Gated(pattern, words)  # type: ignore[return-value]
