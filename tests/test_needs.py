"""needs.py: the words a pattern cannot match without rule patterns out only when they cannot match."""

from __future__ import annotations

import re
from pathlib import Path

from extract.mappings import mappings_dir, read_csv
from extract.read.needs import FOLDS_TO_ASCII, needed_words, words_in

ROOT = Path(__file__).resolve().parent.parent


def _can_match(pattern: re.Pattern[str], text: str) -> bool:
    needs = needed_words(pattern)
    found = words_in(text, tuple(sorted(needs or ())))
    return needs is None or found is None or not needs.isdisjoint(found)


def test_needed_words_of_simple_patterns():
    assert needed_words(re.compile(r"\bregion(al)?\b|north\s+east", re.I)) == {"region", "north"}
    assert needed_words(re.compile(r"^\+/-|\+\s*/\s*-", re.I)) == {"+"}  # (`+/-` holds `+`: one word)
    assert needed_words(re.compile(r"(?:q[1-4])?\s*(year|month)s?", re.I)) == {"year", "month"}
    assert needed_words(re.compile(r"(?:abc)+x", re.I)) == {"abc"}  # (a repeat at least once: its words)
    assert needed_words(re.compile(r"\d+|actual", re.I)) is None  # (one branch needs no word)
    assert needed_words(re.compile(r"(?:target)?\d", re.I)) is None  # (an optional word is needed by nothing)


def test_letters_that_fold_to_ascii_rule_nothing_out():
    # under IGNORECASE `ſ` matches `s` and the Kelvin sign `k`: lowercasing would miss them
    for text in ("ſource", "\u212api", "İndicator", "ındicator"):
        assert words_in(text, ("source", "kpi", "indicator")) is None
    assert re.compile(r"source", re.I).search("ſource")
    assert _can_match(re.compile(r"source", re.I), "ſource")
    # other letters beyond ASCII are only themselves: `Statws – ŵ` is tested as any text
    assert words_in("Statws – ŵ “x”", ("statws", "tws", "kpi")) == {"statws", "tws"}


def test_fold_to_ascii_is_every_letter_ignorecase_matches_to_ascii():
    """FOLDS_TO_ASCII is exactly the characters beyond ASCII that an ASCII character matches under
    IGNORECASE, or whose lowercase holds an ASCII character (every code point is asked)."""
    ascii_class = re.compile(r"[\x00-\x7f]", re.I)
    found = set()
    for point in range(128, 0x110000):
        if 0xD800 <= point < 0xE000:
            continue
        char = chr(point)
        if ascii_class.fullmatch(char) or any(c.isascii() for c in char.lower()):
            found.add(char)
    assert found == FOLDS_TO_ASCII


def test_a_pattern_is_never_ruled_out_of_a_text_it_matches():
    """Every header_words.csv pattern over the notes' examples, the corpus' lines and their words."""
    rows = read_csv(mappings_dir() / "header_words.csv", ("vocabulary", "meaning", "pattern", "note"))
    patterns = [re.compile(row["pattern"], re.I) for row in rows]
    texts = {t for row in rows for t in re.findall(r"`([^`]+)`|\(([^()]+)\)", row["note"]) for t in t if t}
    texts |= {t for row in rows for t in re.split(r"[,;:]\s*", row["note"]) if t}
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        texts |= set(lines) | {c.strip() for ln in lines for c in ln.split("|") if c.strip()}
    matched = 0
    for pattern in patterns:
        for text in texts:
            if pattern.search(text):
                matched += 1
                assert _can_match(pattern, text), (pattern.pattern, text)
    assert matched > 500, matched  # (the texts exercise the patterns)
