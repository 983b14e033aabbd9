"""Bare counts a sentence says what they count, for the strict reader of papers of unknown format.

The strict reader keeps percentages, rates, fractions and targets, and leaves bare counts: a loose
reader would also read ages, money, paragraph numbers and durations as figures. A count is kept
only when the sentence names what is counted as a counted noun (mappings/counted_nouns.csv: the
people a children's service is for and the casework about them, plural) right at the figure:

- the noun phrase follows it and says which of them: `58 children on the child protection
  register`, `22 migrant asylum-seeking children in our care`, `143 care experienced young people`
  (modifiers before the noun, or words after it up to the clause's end that are more than a period:
  a bare `46 care leavers.`, `126 young people in the 12 months to March`, `166 children (31%)` say
  only the noun, which names no measure);
- it is a part of such a count, said so: `Of the 58 children ..., 24 were subject to ...`, `53
  children ..., 19 of whom were ...`, `147 young people ..., of whom 34 had been ...`;
- its measure is named `the number of` such a noun: `the number of children subject to child
  protection plans had increased ..., from 243 to 292` (never `a high number of`).
- it follows a participle set after such a noun phrase and its comma (`... unaccompanied asylum seeking
  children, now currently standing at 48`, mappings/standing_words.csv), or the words `compared to` after
  a count kept (`..., compared to 10 in October 2021`: the same count, earlier);
- it is a member of a list of counts, its verb right after it, after a kept count with its noun (`50,119
  pupils attending ..., 269 attended the borough's four special schools and 34 were educated at ...`): the
  list's noun is carried to it (`pupils attended the borough's four special schools`).

Never kept: the whole of a fraction (`98 of the 101 care leavers`: the 98 is the figure), a count
after a negation (`no record of 72 children having been seen`), a ratio (`22 boys for every girl`),
a scale (`4.3 million children`), a count that is no whole number. Years, dates, ages, durations,
ranges, money and section numbers never reach this test (figures.py leaves them out); staff,
buildings and meetings are no counted noun, nor are `cases` (of anything).
"""

from __future__ import annotations

import re

from extract.mappings import mappings_dir, read_csv
from extract.read.narrative.figures import _Fig
from extract.read.narrative.naming import _without_speaker
from extract.read.narrative.phrases import _Mention
from extract.read.narrative.stated import _V
from extract.read.narrative.text import _STOPWORDS, _VERBS, _has_verb, _words


def _counted_nouns() -> str:
    rows = read_csv(mappings_dir() / "counted_nouns.csv", ("noun", "note"))
    nouns = sorted({row["noun"].strip().lower() for row in rows if row["noun"].strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in noun.split()) for noun in nouns)


_NOUNS = _counted_nouns()
# casework counted alone (`alone` yes): `There were 4,777 referrals during 2016/17` is a measure of its period
_ALONE = re.compile(
    r"(?:"
    + "|".join(
        re.escape(r["noun"].strip().lower())
        for r in read_csv(mappings_dir() / "counted_nouns.csv", ("noun", "alone", "note"))
        if r["alone"] == "yes"
    )
    + r")$",
    re.I,
)
_MODIFIER = r"[a-z][\w'’]*(?:-\s?[\w'’]+)*-?"  # `asylum-seeking`, `asylum- seeking` (a hyphen at a line end)
# the words right after the figure: lower-case modifiers, then the counted noun, not possessive nor part of a word
_NOUN_AFTER = re.compile(rf"\s+((?:{_MODIFIER}\s+){{0,3}}?)(?:{_NOUNS})(?![\w'’-])")
_SCALE = frozenset({"million", "millions", "billion", "thousand", "thousands", "hundred", "hundreds", "m", "bn", "k"})
# where the words that say which of them end: a clause break, a bracket, a dash, a bullet (private-use glyphs)
_QUALIFIER_END = re.compile(r"[.,;:()\[\]–—]|\s-\s|[\ue000-\uf8ff]|$")
_RATIO = re.compile(r"^\s*(?:for\s+(?:every|each)|per|to\s+every|in\s+every)\b", re.I)
_NEGATED = re.compile(r"\b(?:no|not|none|never|without)\b(?:\s+[\w'’]+){0,3}\s*$", re.I)
_WHOLE = re.compile(r"^\s*(?:out\s+)?of\s+(?:the\s+|all\s+|a\s+total\s+of\s+)?$", re.I)  # `98 of the 101 ...`
_PART_BEFORE = re.compile(r"\bof\s+(?:whom|which|these|them|those)\s*$", re.I)
_PART_AFTER = re.compile(r"^\s*of\s+(?:whom|which|these|them|those)\b", re.I)
_WHOLE_INTRODUCED = re.compile(r"(?:^|[,;:]\s*)of\s+(?:the|these|those)\s+$", re.I)  # `Of the 58 children ...`
_PART_VERB = re.compile(r"^\s*(?:were|was|are|is|had|have|has)\b", re.I)
# `the number of children subject to ...` (its speaker cut: `The Director explained that ...`)
_NUMBER_OF = re.compile(
    rf"^(?:the\s+)?(?:total\s+)?numbers?\s+of\s+(?:{_MODIFIER}\s+){{0,3}}?(?:{_NOUNS})(?![\w'’-])", re.I
)
# `the number of children in care dropped to 889`: a counted noun phrase that is the clause's subject, its verb
# (mappings/statement_verbs.csv) right before the figure
# (a bare copula only after `the number of`: `children ... are 18`, `are 13 times more likely` are no counts)
_COPULA = re.compile(r"^(?:is|are|was|were)$", re.I)
_VERB = (
    rf"(?P<verb>(?:(?:had|has|have)\s+)?(?:{_V['level']}|{_V['move']}))(?:\s+[a-z]+ly)?"
    rf"(?:\s+(?:to|at)|(?<=\w)(?P<from>\s+from))?"
)
_SUBJECT_BEFORE = re.compile(
    r"(?:^|[;:]\s*|,\s*(?:and|while|but|whereas)\s+|\b(?:while|whereas)\s+)"
    r"(?P<number>the\s+(?:total\s+)?numbers?\s+of\s+)?"
    rf"(?P<name>(?:{_MODIFIER}\s+){{0,3}}?(?:{_NOUNS})(?:\s+[^,;:()]*?)?)\s+{_VERB}\s*$",
    re.I,
)
_SECTION_START = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})+\s+")
_MOVE_VERB = re.compile(rf"(?:{_V['move']})$", re.I)
# `fell from 5,498 in 2011 to 4,859`: the count moved to, after the count it moved from (and that one's period)
_MOVED_TO_AFTER = re.compile(
    r"^\s*(?:(?:in|for|during|at|by)\s+[^,;:()\d]{0,30}?\d{4}(?:[/-]\d{2,4})?\s+)?to\s*$", re.I
)
# `... the number of unaccompanied asylum seeking children, now currently standing at 48`: a participle set after
# a comma says where the noun phrase before it stands (mappings/standing_words.csv)
_STANDING = re.compile(
    r",\s+(?:(?:now|currently|presently|at\s+present)\s+){0,2}(?:"
    + "|".join(f"(?:{r['pattern']})" for r in read_csv(mappings_dir() / "standing_words.csv", ("pattern", "note")))
    + r")\s*$",
    re.I,
)
_CLAUSE_START = re.compile(r"(?:^|[,;:]\s+)(?=[^,;:]*$)")
# `standing at 48, compared to 10 in October 2021`: the value compared with is the same count's, earlier
# and `1194 (48.2 per 10,000), reduced from 1296 since September 2019`: where the count was before
_COMPARED = re.compile(
    r"^\s*(?:\([^()]*\))?\s*,?\s*(?:compared\s+(?:to|with)|(?P<moved>(?:up|down|reduced|increased|fallen|risen|dropped)"
    r"\s+from))\s*$",
    re.I,
)
# `50,119 pupils attending ..., 269 attended ... and 34 were educated ...`: members of a list of counts
_MEMBER_JOINT = re.compile(r"(?:,\s*(?:and\s+)?|\sand\s+)$", re.I)
_AMOUNT = frozenset({"number", "numbers", "significant", "large", "high", "small", "low", "total"})
_MEMBER_VERB = re.compile(r"\s+(?:were|was|are|is|had|have|has|[a-z]+ed)\s+(?P<pred>[^,;:()]*)", re.I)
_THERE_WERE = re.compile(
    r"\bthere\s+(?:were|was|are|is|have\s+been|has\s+been|had\s+been)\s+(?:(?:a\s+total\s+of|some|about|around"
    r"|approximately|over|almost|nearly)\s+)?$",
    re.I,
)
_TIME_WORDS = frozenset({"year", "years", "month", "months", "quarter", "week", "weeks", "period", "day", "days"})


def _content(text: str) -> bool:
    """A word that says something: not a function word, a verb's auxiliary, a number or a time word."""
    return any(
        w.lower() not in _STOPWORDS and w.lower() not in _TIME_WORDS and not w[0].isdigit() for w in _words(text)
    )


def _noun_after(sentence: str, f: _Fig, mentions: list[_Mention]) -> bool:
    m = _NOUN_AFTER.match(sentence, f.tail)
    if m is None:
        return False
    modifiers = m.group(1).split()
    if any(w.lower().rstrip("-") in _STOPWORDS or w.lower() in _VERBS or w.lower() in _SCALE for w in modifiers):
        return False
    rest = sentence[m.end() :]
    if _RATIO.match(rest):
        return False
    if modifiers:
        return True
    # no modifier: the words after the noun, less any period phrase, must say which of them
    clause = rest[: _QUALIFIER_END.search(rest).start()]  # type: ignore[union-attr]
    if (
        _ALONE.search(m.group(0).strip())
        and _THERE_WERE.search(sentence[: f.start])
        and any(m.end() <= x.start < m.end() + len(clause) for x in mentions)
    ):
        # `There were 4,777 referrals during 2016/17`: casework said to be, counted in a period, is its measure
        # (not `These workers have completed only 18 assessments since March 2014`: the workers' doing)
        return True
    chars = list(clause)
    for x in mentions:
        for k in range(max(x.start, m.end()), min(x.end, m.end() + len(chars))):
            chars[k - m.end()] = " "
    return _content("".join(chars))


_HEAD_NOUN = re.compile(rf"(?:^|\s)(?:{_NOUNS})$", re.I)


def _beside_its_rate(figs: list[_Fig], i: int) -> bool:
    """A count printed with its rate per population in brackets (the reader names both from the words
    before the count: `Children Protection Plans 1194 (48.2 per 10,000)`), when those words end on a
    counted noun: what the rate is a rate of, the count counts."""
    f = figs[i]
    return (
        f.forced_unit == "count"
        and i + 1 < len(figs)
        and figs[i + 1].rate_unit is not None
        and bool(_HEAD_NOUN.search(f.indicator or ""))
    )


def _whole_of_part(sentence: str, figs: list[_Fig], i: int) -> bool:
    """`98 of the 101 care leavers`: the 101 is what the 98 is of, not a figure of its own."""
    return i > 0 and bool(_WHOLE.match(sentence[figs[i - 1].tail : figs[i].start]))


def _part(sentence: str, figs: list[_Fig], i: int, out: set[int]) -> bool:
    """A count said to be part of the count kept just before it in the sentence."""
    if not i or i - 1 not in out:
        return False
    f, whole = figs[i], figs[i - 1]
    if _PART_BEFORE.search(sentence[whole.tail : f.start]) or _PART_AFTER.match(sentence[f.tail :]):
        return True  # `..., of whom 34 had been ...`, `19 of whom were ...`
    # `Of the 58 children ..., 24 were ...`: the whole named first, the part with its verb
    return bool(_WHOLE_INTRODUCED.search(sentence[: whole.start]) and _PART_VERB.match(sentence[f.tail :]))


def subject_before(sentence: str, f: _Fig) -> str | None:
    """The counted noun phrase whose verb the figure follows (`the number of children in care dropped to 889`,
    `... while looked after children numbers stood at 412`), as its name, else None. Not the figures of
    `from A to B`: which period each is of is the general reader's to say, and it may not know."""
    m = _SUBJECT_BEFORE.search(_SECTION_START.sub("", sentence[: f.start]))
    if m is None or (_COPULA.match(m.group("verb")) and not m.group("number")):
        return None
    if m.group("from") and not _MOVE_VERB.search(m.group("verb")):
        return None  # `... were from ...`: a source, no move
    name = m.group("name").strip()
    return f"number of {name}" if m.group("number") else name


def counted(sentence: str, figs: list[_Fig], mentions: list[_Mention]) -> dict[int, str | None]:
    """The figs that are counts the sentence names as counts of a counted noun: index → the name the
    clause gives it when the figure follows its subject's verb (else None: the reader's name stands)."""
    out: dict[int, str | None] = {}
    for i, f in enumerate(figs):
        if f.percent or f.rate_unit or f.denominator is not None or not f.value.is_integer():
            continue  # kept or left by their own rules; a count is a whole number
        if out and (start := _started_from(sentence, f, mentions)) is not None:
            # `10,774 referrals ... in 2021 ... (from 9,204 in 2017)`: the kept count where it started
            out[i] = out[max(out)] or count_name(figs[max(out)].indicator or "")
            if f.kind == "actual" and not start:
                f.kind, f.period = "previous_period", None  # `(from 30)`: of no period of its own
            continue
        if _whole_of_part(sentence, figs, i) or _NEGATED.search(sentence[: f.start]) or _bracketed(sentence, f):
            continue
        named = f.indicator != sentence and _NUMBER_OF.match(_without_speaker(f.indicator or ""))
        if named and not _said_the_number(sentence, f):
            named = None
        if _noun_after(sentence, f, mentions) or named or _part(sentence, figs, i, set(out)):
            out[i] = None
        elif _beside_its_rate(figs, i):
            out[i] = f.indicator  # `Children Protection Plans 1194 (48.2 per 10,000)`: the rate's name less its base
        elif subject := subject_before(sentence, f):
            out[i] = subject
        elif standing := _standing(sentence, f):
            out[i] = standing
        elif out and (compared := _compared(sentence[figs[max(out)].tail : f.start])):
            # `standing at 48, compared to 10 in October 2021`: the same count, earlier (its rate in brackets between)
            out[i] = out[max(out)] or count_name(figs[max(out)].indicator or "")
            if compared.group("moved") and f.kind == "actual" and f.period is None:
                f.kind = "previous_period"  # `reduced from 1296`: the level it moved from, of no period of its own
        elif i - 1 in out and out[i - 1] and _moved_pair(sentence, figs, i):
            out[i] = out[i - 1]  # `Referrals ... fell from 5,498 in 2011 to 4,859 ...`: the same count, moved
        elif (member := _member(sentence, figs, i, out)) is not None:
            out[i] = member
    return out


def _moved_pair(sentence: str, figs: list[_Fig], i: int) -> bool:
    """Fig i is the level the count before it moved to: `from <fig i-1> [in <year>] to <fig i>`."""
    before = _SUBJECT_BEFORE.search(_SECTION_START.sub("", sentence[: figs[i - 1].start]))
    return bool(before and before.group("from") and _MOVED_TO_AFTER.match(sentence[figs[i - 1].tail : figs[i].start]))


def _compared(between: str) -> re.Match[str] | None:
    """`standing at 48, compared to 10`, and after the count's own words with no verb nor clause of their own
    (`4,777 referrals during 2016/17, compared to 4,133 in 2015/16`)."""
    at = between.rfind(",")
    if _COMPARED.match(between) or at < 0 or re.search(r"[;:()]", between[:at]) or _has_verb(between[:at]):
        return _COMPARED.match(between)
    return _COMPARED.match(between[at:])


def _standing(sentence: str, f: _Fig) -> str | None:
    """`the significant number of unaccompanied asylum seeking children, now currently standing at 48`: the counted
    noun phrase before the comma is what the participle's figure counts (from the words before its noun that are
    no function word nor amount, to the comma: `children missing from home`)."""
    before = sentence[: f.start]
    m = _STANDING.search(before)
    clause = before[: m.start()] if m else ""
    clause = clause[_CLAUSE_START.search(clause).end() :]  # type: ignore[union-attr]
    nouns = list(re.finditer(rf"(?<![\w'’-])(?:{_NOUNS})(?![\w'’-])", clause, re.I))
    if not nouns:
        return None
    words: list[str] = []
    for w in reversed(clause[: nouns[-1].start()].split()):
        low = w.lower()
        if len(words) == 3 or low in _STOPWORDS or low in _VERBS or low in _AMOUNT or not re.fullmatch(_MODIFIER, low):
            break
        words.insert(0, w)
    return " ".join([*words, clause[nouns[-1].start() :].strip()])


def _joined(sentence: str, figs: list[_Fig], k: int) -> bool:
    """Fig k follows fig k-1 as the next member of a list: after a comma or `and`, with no other number between
    (`..., 31 March 2024 was the count date and 16 ...`) and no verb but the one of fig k-1's own predicate."""
    between = sentence[figs[k - 1].tail : figs[k].start]
    if not _MEMBER_JOINT.search(between) or re.search(r"[;.:()\d]", between):
        return False
    return bool(_MEMBER_VERB.match(sentence, figs[k - 1].tail)) or not _has_verb(between)


def _member(sentence: str, figs: list[_Fig], i: int, out: dict[int, str | None]) -> str | None:
    """`50,119 pupils attending mainstream schools, 269 attended the borough's four special schools and 34 were
    educated at ...`: a count set after a kept count of a list, its verb right after it and no noun of its own,
    counts the same noun; named by that noun and its own predicate."""
    if i - 1 not in out or not _joined(sentence, figs, i):
        return None
    m = _MEMBER_VERB.match(sentence, figs[i].tail)
    first = i - 1  # the list's first member, whose noun the list counts
    while first - 1 in out and _joined(sentence, figs, first):
        first -= 1
    noun = _NOUN_AFTER.match(sentence, figs[first].tail)
    if m is None or noun is None:
        return None
    head = re.search(rf"(?:{_NOUNS})$", noun.group(0).strip(), re.I)
    pred = re.split(r"\s+and\s+(?=\d)", sentence[m.start() : m.end()].strip())[0].rstrip(".")
    return f"{head.group(0) if head else noun.group(0).strip()} {pred}".strip()


def _said_the_number(sentence: str, f: _Fig) -> bool:
    """`the number of children ...`, not `a high number of assessments (94)`: the measure, not an amount."""
    before = sentence[: f.start]
    at = before.lower().rfind("number")
    return at >= 0 and bool(re.search(r"(?:^|\bthe\s+|\btotal\s+)$", before[:at], re.I))


_FROM_OPENS = re.compile(r"\(\s*from\s*$", re.I)


def _started_from(sentence: str, f: _Fig, mentions: list[_Mention]) -> bool | None:
    """`(from 9,204 in 2017)`: a bracket opening on `from` and holding only the count and at most a period phrase
    says where the count before it started (not `(from 12 families)`: a noun of its own is another count).
    None if not; else whether the bracket names the count's period."""
    close = sentence.find(")", f.tail)
    if close < 0 or not _FROM_OPENS.search(sentence[: f.start]):
        return None
    chars = list(sentence[f.tail : close])
    inside = [x for x in mentions if x.period is not None and f.tail <= x.start < close]
    for x in inside:
        for k in range(x.start, min(x.end, close)):
            chars[k - f.tail] = " "
    return None if _content("".join(chars)) else bool(inside)


def _bracketed(sentence: str, f: _Fig) -> bool:
    """`8.5% of all children in care (about 7,106 children according to ...)`, `... remains much higher than a
    decade ago (83,630 compared to 68,790)`: a count in brackets is an aside to the figure or words outside
    them, not a measure of its own."""
    before = sentence[: f.start]
    return before.count("(") > before.count(")")


_TRAILING_PART = re.compile(r",?\s*of\s+(?:whom|which)\s*$", re.I)
_GLYPH = re.compile(r"\s*[\ue000-\uf8ff].*$", re.S)  # a bullet drawn from a symbol font starts the next item


_ASIDE = re.compile(r",\s+[a-z]+ly\b.*$", re.S)  # `..., primarily due to ...`: why, said after the count's name
# `re-referrals in the year` (`... in the year to 31 March 2017`): what is left of a period phrase cut off
_PERIOD_LEFT = re.compile(r"\s+(?:in|during|over|for)\s+(?:the|this|that)\s+(?:year|quarter|month|period)$", re.I)


def count_name(name: str) -> str:
    """`147 young people who had left care ..., of whom 34 ...`: the count's name ends before its part,
    before the next bullet of a list printed as one line (`... independent living \uf02d seven ...`), and before an
    aside opening on an adverb (`104 children ... entered our care, primarily due to ...`)."""
    return _PERIOD_LEFT.sub("", _TRAILING_PART.sub("", _ASIDE.sub("", _GLYPH.sub("", name))).strip()) or name
