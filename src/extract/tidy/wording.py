"""Wording: the text steps every name goes through before its facets are read (extract.tidy.facets):
one case, one kind of quote and dash, no thousands separators, punctuation that says nothing
made a space, the filler words, reviewed phrase lists (Phrases: looked up run by run, then one regex each), and
a light stem."""

from __future__ import annotations

import re
from functools import lru_cache

DIGIT = re.compile(r"\d")
WORD_SPLIT = re.compile(r"[\s()\-/&+%*'\"]+")
KEY_FILLER = {"the", "of", "a", "an", "who", "which", "that", "with", "are", "is", "were", "was", "by", "for", "as"}
FILLER = {
    "the",
    "of",
    "a",
    "an",
    "who",
    "which",
    "that",
    "with",
    "are",
    "is",
    "were",
    "was",
    "by",
    "for",
    "as",
    "to",
    "in",
    "on",
    "at",
    "and",
    "or",
    "their",
    "its",
    "has",
    "have",
    "had",
    "been",
    "be",
    "from",
    "this",
    "those",
    "these",
    "all",
    "our",
    "within",
    "during",
    "per",
    "into",
    "s",
    "percent",
    "number",
    "whose",
    "did",
    "do",
    "does",
    "what",
    "there",
    "than",
    "it",
    "received",  # "contacts received", "referrals received": the contacts, the referrals
}
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "½": ".5", "\u00a0": " "})
_THOUSANDS = re.compile(r"(\d),(\d{3})\b")
_HALF = re.compile(r"(\d)\s+1/2\b")  # "2 1/2 years" as printed for 2½: 2.5
_K = re.compile(r"(\d)\s?k\b")
_APOS_S = re.compile(r"'s\b")
_CHILDRENS = re.compile(r"\bchildrens\b")
# "17-year-olds", "16- to 17-year-olds", "16- and 17-year-olds": a hyphen between a number and its unit or range word
_HYPHEN_UNIT = re.compile(r"(\d)\s*-\s*(?=(?:to|and|years?|yrs?|months?|weeks?|days?|hours?)\b)")
# "three- and four-year-olds": the same suspended hyphen after a number word (round 8)
_WORD_HYPHEN_RANGE = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen)\s*-\s+(?=(?:to|and)\b)"
)
# "16/17 year olds", "16/17-year-olds": two ages joined by a slash are an age band, not a number and an age
_SLASH_AGES = re.compile(r"\b(\d{1,2})\s*/\s*(\d{1,2})(?=\s*-?\s*(?:years?|yrs?)[\s-]*olds?\b)")
# "under-18", "under-16s", "over 18s": an age bound written with a hyphen or as a plural (round 9)
_UNDER_N = re.compile(r"\b(under|over)\s*-?\s*(\d{1,2})s?\b")
# "< 18 years", "<18 yrs": the sign before an age is "under" (round 10; '<' before miles is read in facets)
_LT_AGE = re.compile(r"<\s*(\d{1,2})\s*(?=(?:years?|yrs?)\b)")
# "aged 19, 20 and 21", "19, 20 or 21 year olds": a run of ages listed one by one is the band from the first
# to the last (round 9)
_AGE_LIST = re.compile(
    r"\b(aged |ages )?(\d{1,2})(?:\s*,\s*\d{1,2})+\s*,?\s*(?:and|or|&)\s*(\d{1,2})\b"
    r"(?(1)|(?=\s*-?\s*(?:years?|yrs?)[\s-]*olds?\b))"
)
_HYPHEN_WORDS = re.compile(r"\b(years?|yrs?|working)-(olds?|days?)\b")  # year-olds, working-days
_DOT = re.compile(r"(?<!\d)\.|\.(?!\d)")
_PUNCT = re.compile(r"[,;:!?\"_\[\]{}|#~^=<]")
_N_PLUS = re.compile(r"(\d)\+")
_WORD_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z])")
_RE_HYPHEN = re.compile(r"\bre-(?=[a-z])")  # re-offending / reoffending, re-referral / rereferral: one word
_HASH = re.compile(r"(?<!\w)#\s*(?:of\s+)?(?=[a-z])")  # "# of referrals", "# referrals": a count
_YRS = re.compile(r"\byrs?\b")
_N_YEARS = re.compile(r"(\d)\s*(yrs?|years?)\b")
_N_MONTHS = re.compile(r"(\d)\s*(mths?|months?)\b")
_N_WEEKS = re.compile(r"(\d)\s*(wks?|weeks?)\b")
_N_HOURS = re.compile(r"(\d)\s*(hrs?)\b")
_N_PCT = re.compile(r"(\d)%")


def pre_clean(text: str) -> str:
    """Lower case, one kind of quote and dash, numbers without thousands separators."""
    t = text.translate(_QUOTES).lower()
    if DIGIT.search(t):
        t = _THOUSANDS.sub(r"\1\2", t)
        t = _K.sub(r"\g<1>000", t)  # 10k -> 10000
        if "/" in t:
            t = _HALF.sub(r"\1.5", t)
            t = _SLASH_AGES.sub(r"\1 to \2", t)
        t = _HYPHEN_UNIT.sub(r"\1 ", t)  # 17-year-olds -> 17 year-olds; 16- to 17 -> 16 to 17
        if "," in t:
            t = _AGE_LIST.sub(lambda m: f"{m.group(1) or ''}{m.group(2)} to {m.group(3)}", t)  # aged 19, 20 and 21
        if "<" in t:
            t = _LT_AGE.sub(r"under \1 ", t)  # < 18 years -> under 18 years
        if "under" in t or "over" in t:
            t = _UNDER_N.sub(r"\1 \2", t)  # under-18 -> under 18; under-16s -> under 16
    if "-" in t:
        t = _HYPHEN_WORDS.sub(r"\1 \2", t)  # ... -> 17 year olds
        t = _WORD_HYPHEN_RANGE.sub(r"\1 ", t)  # three- and four-year-olds -> three and four-year-olds
    t = _APOS_S.sub("", t)
    t = t.replace("'", "")
    if "childrens" in t:  # "childrens homes" as printed without the apostrophe: "children's homes"
        t = _CHILDRENS.sub("children", t)
    return " ".join((t).split())


def tidy(t: str) -> str:
    """Punctuation that says nothing becomes a space; % & + / - ( ) * stay for the facets."""
    if "." in t:
        t = _DOT.sub(" ", t)  # a decimal point survives
    if "#" in t:
        t = _HASH.sub("number of ", t)
    if "re-" in t:
        t = _RE_HYPHEN.sub("re", t)
    if "-" in t:
        t = _WORD_HYPHEN.sub(" ", t)  # asylum-seeking, in-house, up-to-date: words
    t = _PUNCT.sub(" ", t)
    if "yr" in t:
        t = _YRS.sub("years", t)
    if DIGIT.search(t):
        t = _N_PLUS.sub(r"\1 plus ", t)
        t = _N_YEARS.sub(r"\1 years", t)
        t = _N_MONTHS.sub(r"\1 months", t)
        t = _N_WEEKS.sub(r"\1 weeks", t)
        t = _N_HOURS.sub(r"\1 hours", t)
        t = _N_PCT.sub(r"\1 %", t)
    return " ".join((t).split())


def first_words(phrases) -> set[str] | None:
    """The words the phrases start with, for a quick "can any of them be here?"; None when a
    phrase starts with a sign rather than a word (then always look)."""
    first = set()
    for p in phrases:
        w = WORD_SPLIT.split(p.strip())[0]
        if not w:
            return None
        first.add(w)
    return first


_RUN = re.compile(r"[\w*]+")  # a phrase is bounded by characters outside this class


class Phrases:
    """Any of the phrases as a whole run of word characters (\\w and *), the longest first where
    several start at one place, leftmost first and never overlapping: what the one regex alternation
    `(?<![\\w*])(?:longest|...|shortest)(?![\\w*])` finds. Compiling that regex takes time (the 526
    synonyms' 8 ms, most of what a kept matcher's first name cost `extract match`), searching with it
    less than looking the text up here: the first COMPILE_AFTER texts are looked up, later ones searched.

    A phrase can start only where a run of word characters does (or, for a phrase opening with a
    sign such as "%", at that sign), and the run that starts there must be the phrase's own leading
    run: it ends where the phrase's does, at a sign inside the phrase or at the phrase's end, which
    the next character bounds. So each phrase is filed under its leading run (a sign phrase under
    its sign), and a text is looked up run by run: a dictionary lookup, then a few startswith."""

    COMPILE_AFTER = 300  # texts: a process reading more compiles once (8 ms, the synonyms) and saves 2 us a text

    def __init__(self, phrases: list[str]) -> None:
        self.by_start: dict[str, list[str]] = {}
        ordered = sorted({p for p in phrases if p}, key=len, reverse=True)
        signs = set()
        for p in ordered:
            head = _RUN.match(p)
            if head is None:
                signs.add(p[0])
            self.by_start.setdefault(head.group(0) if head else p[0], []).append(p)
        # where a phrase can start: a run not preceded by a word character, or a sign phrase's sign
        signs_class = "".join(re.escape(c) for c in sorted(signs))
        self.starts = re.compile(r"(?<![\w*])(?:[\w*]+" + (f"|[{signs_class}]" if signs else "") + ")")
        # grouped by first character, the longest first within each: re skips a branch whose first character
        # differs at once (five times faster than one flat alternation, with the same matches)
        groups: dict[str, list[str]] = {}
        for p in ordered:
            groups.setdefault(p[0], []).append(re.escape(p[1:]))
        alternatives = [re.escape(c) + (f"(?:{'|'.join(rest)})" if len(rest) > 1 else rest[0])
                        for c, rest in groups.items()]  # fmt: skip
        self.pattern = r"(?<![\w*])(?:" + "|".join(alternatives) + r")(?![\w*])"
        self.regex: re.Pattern | None = None
        self.asked = 0

    def __bool__(self) -> bool:
        return bool(self.by_start)

    def __getstate__(self) -> dict:
        return {**self.__dict__, "regex": None, "asked": 0}  # (kept without the regex: compiled when it pays)

    def _search(self) -> re.Pattern | None:
        """The compiled regex once COMPILE_AFTER texts have been looked up."""
        if self.regex is None:
            self.asked += 1
            if self.asked > self.COMPILE_AFTER:
                self.regex = re.compile(self.pattern)
        return self.regex

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, phrase) of each phrase found in the text, left to right."""
        rx = self._search()
        if rx is not None:
            return [(m.start(), m.end(), m.group(0)) for m in rx.finditer(text)]
        return self._scan(text)

    def _scan(self, text: str) -> list[tuple[int, int, str]]:
        """spans() without the regex: the text looked up run by run."""
        found: list[tuple[int, int, str]] = []
        taken = 0
        by_start, run = self.by_start, _RUN
        for m in self.starts.finditer(text):
            phrases = by_start.get(m.group())
            if phrases is None:
                continue
            s = m.start()
            if s < taken:
                continue
            for p in phrases:
                e = s + len(p)
                if text.startswith(p, s) and not run.match(text, e):
                    found.append((s, e, p))
                    taken = e
                    break
        return found

    def findall(self, text: str) -> list[str]:
        """The phrases found, left to right (what finditer's group(0) gives)."""
        rx = self._search()
        return rx.findall(text) if rx is not None else [p for _, _, p in self._scan(text)]


def apply_phrases(phrases: Phrases | None, mapping: dict[str, str], text: str) -> str:
    """Each phrase found replaced with what `mapping` says it stands for, as a whole word run."""
    if phrases is None:
        return text
    rx = phrases._search()
    if rx is not None:
        return " ".join((rx.sub(lambda m: f" {mapping[m.group(0)]} ", text)).split())
    found = phrases._scan(text)
    if not found:
        return " ".join(text.split())
    parts, last = [], 0
    for s, e, p in found:
        parts += [text[last:s], " ", mapping[p], " "]
        last = e
    parts.append(text[last:])
    return " ".join("".join(parts).split())


def one_of(patterns: list[str]) -> re.Pattern | None:
    """The patterns as one alternation; None when there are none or one uses group numbers or flags."""
    if not patterns or any(re.search(r"\\[1-9]|\(\?P=|\(\?\(|\(\?[aiLmsux]", p) for p in patterns):
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns))


@lru_cache(maxsize=50_000)  # words repeat from name to name
def stem(word: str) -> str:
    """A light stem so that `placements`/`placement` and `reviewed`/`review` meet."""
    for suffix in ("ings", "ing", "ied", "ies", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + ("y" if suffix in ("ied", "ies") else "")
            break
    if len(word) > 4 and word.endswith("e"):  # cease / ceased, place / placed
        word = word[:-1]
    return word
