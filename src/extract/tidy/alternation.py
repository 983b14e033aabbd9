"""One regex alternation of reviewed patterns, tried at each place only with the patterns that can start there.

The period phrases (mappings/period_phrases.csv) are 82 patterns searched as one alternation at every
place a word can start: trying each of them there was a tenth of what reading a name cost (31 us a
name), and compiling the alternation 5 ms of `extract match`'s start-up. A pattern can start only with
certain characters (`\\bas at\\b` with "a"; `^\\s*(reduce|increase)` with a space, "r" or "i"), read
from its parsed form (`first_chars`). At each place the patterns that can start with the character
there are tried, in their order, as one smaller alternation compiled at first need: the same matches
(at the leftmost place, the first pattern that matches there), as a pattern left out cannot match
there. A pattern whose start is not read here, that can match nothing, or that uses group references
or flags (numbered among all the patterns' groups) keeps the one alternation for all.
"""

from __future__ import annotations

import re

try:  # (the parser CPython's own `re` uses, as extract.read.needs does; without it: one alternation)
    from re import _constants as _sre  # type: ignore[attr-defined]
    from re import _parser as _parse
except ImportError:  # pragma: no cover
    _sre = _parse = None  # type: ignore[assignment]

ASCII = [chr(i) for i in range(128)]
_REFERS = re.compile(r"\\[1-9]|\(\?P=|\(\?\(|\(\?[aiLmsux]")  # group references, conditionals, flags


class _Unread(Exception):
    """A construct first_chars does not read."""


def first_chars(pattern: str) -> tuple[frozenset[str], bool] | None:
    """The ASCII characters a match of `pattern` can start with, and whether it can start with one beyond
    ASCII; None when that is not known, or the pattern can match nothing, or uses group references."""
    if _parse is None or _REFERS.search(pattern):
        return None
    try:
        chars, beyond, nullable = _first(list(_parse.parse(pattern)))
    except (_Unread, re.error):
        return None
    return None if nullable else (frozenset(chars), beyond)


def _first(items) -> tuple[set[str], bool, bool]:
    """(ASCII characters, one beyond ASCII, can match nothing) for a sequence of parsed items."""
    chars: set[str] = set()
    beyond = False
    for op, av in items:
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            continue  # zero width: what follows starts at the same place
        if op is _sre.LITERAL:
            more, wider, nullable = {chr(av)} if av < 128 else set(), av >= 128, False
        elif op is _sre.IN:
            more, wider, nullable = *_in(av), False
        elif op is _sre.SUBPATTERN:
            more, wider, nullable = _first(list(av[-1]))
        elif op is _sre.ATOMIC_GROUP:
            more, wider, nullable = _first(list(av))
        elif op is _sre.BRANCH:
            more, wider, nullable = set(), False, False
            for branch in av[1]:
                c, b, n = _first(list(branch))
                more, wider, nullable = more | c, wider or b, nullable or n
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            more, wider, nullable = _first(list(av[2]))
            nullable = nullable or av[0] == 0
        else:  # ANY, NOT_LITERAL, group references: not read
            raise _Unread
        chars |= more
        beyond = beyond or wider
        if not nullable:
            return chars, beyond, False
    return chars, beyond, True


def _in(items) -> tuple[set[str], bool]:
    """The characters of a [...] set (or \\d, \\s, \\w)."""
    chars: set[str] = set()
    beyond = False
    for op, av in items:
        if op is _sre.LITERAL:
            chars |= {chr(av)} if av < 128 else set()
            beyond = beyond or av >= 128
        elif op is _sre.RANGE:
            chars |= {chr(i) for i in range(av[0], min(av[1], 127) + 1)}
            beyond = beyond or av[1] >= 128
        elif op is _sre.CATEGORY and av in _CATEGORIES:
            rx = re.compile(_CATEGORIES[av])
            chars |= {c for c in ASCII if rx.match(c)}
            beyond = True
        else:  # a negated set or category: not read
            raise _Unread
    return chars, beyond


_CATEGORIES = (
    {_sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_SPACE: r"\s", _sre.CATEGORY_WORD: r"\w"} if _sre is not None else {}
)


class Alternation:
    """`prefix` then the first of `patterns` that matches: what re.compile(prefix + "(?:(?:p1)|(?:p2)|...)")
    matches, searched at each place with only the patterns that can start there (the module's docstring)."""

    def __init__(self, prefix: str, patterns: list[str]) -> None:
        self.prefix, self.patterns = prefix, list(patterns)
        self.pattern = self._source(range(len(self.patterns)))
        re.compile(self.pattern)  # (a bad pattern fails here, as the mapping files are read)
        self._compiled: dict[tuple[int, ...], re.Pattern] = {}
        self.by_char: dict[str, tuple[int, ...]] | None = None  # a character -> the patterns that can start with it
        self.beyond: tuple[int, ...] = ()  # the patterns that can start with a character beyond ASCII
        self.starts = ""  # where one can start
        firsts = [first_chars(p) for p in self.patterns]
        if all(f is not None for f in firsts):
            self.by_char = {c: g for c in ASCII if (g := tuple(k for k, f in enumerate(firsts) if c in f[0]))}
            self.beyond = tuple(k for k, f in enumerate(firsts) if f[1])
            chars = "".join(re.escape(c) for c in self.by_char)
            self.starts = f"{prefix}(?=[{chars}]" + (r"|[^\x00-\x7f]" if self.beyond else "") + ")"

    def _source(self, group) -> str:
        return self.prefix + "(?:" + "|".join(f"(?:{self.patterns[k]})" for k in group) + ")"

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_compiled": {}}  # (kept without its regexes: each compiled at first need)

    def _regex(self, group: tuple[int, ...]) -> re.Pattern:
        """The alternation of these patterns (() for the places where one can start)."""
        rx = self._compiled.get(group)
        if rx is None:
            rx = self._compiled[group] = re.compile(self._source(group) if group else self.starts)
        return rx

    def sub(self, replacement: str, text: str) -> str:
        """re.sub of the alternation with a plain replacement (no group references in it)."""
        if self.by_char is None:
            return self._regex(tuple(range(len(self.patterns)))).sub(replacement, text)
        parts: list[str] = []
        last = 0
        by_char, beyond = self.by_char, self.beyond
        for place in self._regex(()).finditer(text):
            at = place.start()
            if at < last:
                continue  # inside the last match
            c = text[at]
            group = by_char.get(c) if c < "\x80" else beyond
            found = self._regex(group).match(text, at) if group else None
            if found:
                parts += [text[last:at], replacement]
                last = found.end()
        if not parts:
            return text
        parts.append(text[last:])
        return "".join(parts)
