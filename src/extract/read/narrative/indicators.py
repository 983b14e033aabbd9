"""The indicator phrase each figure of a sentence measures."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from extract.mappings import mappings_dir, read_csv
from extract.model import normalise_space
from extract.read.narrative.figures import _RATE_TAIL, _Fig
from extract.read.narrative.phrases import _Mention
from extract.read.narrative.text import (
    _GENERIC_WORDS,
    _PRONOUNS,
    _STOPWORDS,
    _VERBS,
    _WORD,
    _after,
    _has_verb,
    _is_noun_start,
    _words,
    _wordset,
)
from extract.read.needs import gated

# --------------------------------------------------------------------------- indicator phrases

_STOP_PHRASE = re.compile(
    r",?\s+(?:\*\*)?(?:which|this(?!\s+(?:year|quarter|month|reporting))|that\s+is|and\s+(?:is|was|are|were|has|have|does"
    r"|did|do|remains?|continues?|this)|but|although|though|however|whereas|while|compared|in\s+comparison|against"
    r"|similar\s+to|in\s+line\s+with|bringing|slightly|so\s+that|due\s+to|as\s+a\s+result|meaning|an?\s+(?:\*\*)?(?:increase|decrease|reduction|rise"
    r"|fall|improvement|drop)|despite|thus|hence|therefore|positively|negatively|significantly"
    r"|(?:well\s+|just\s+|slightly\s+|far\s+)?(?:above|below))\b"
    # `... and just under a quarter achieved A*`: a share in words begins the next statement
    r"|\s+and\s+(?:(?:just|nearly|almost|about|around|over|under)\s+){0,2}(?:a|one|two|three)\s+"
    r"(?:half|thirds?|quarters?|fifths?)\b"
    r"|\s+[-–—]\s+|[;:?!]|\.(?=\s|$)",
    re.I,
)
# breaks between a leading period phrase and a figure (`in 2021/22, however DCC is lower ... (445 ...)`)
_CLAUSE_BREAK = re.compile(
    r"[;:]|,\s*(?:however|but|although|though|whereas|while|which)\b"
    r"|\s(?:but|however|although|whereas)\b|\sand\s+(?:is|was|are|were|has|have)\b",
    re.I,
)
# a percentage, or a difference of two in points (`, 7.7 percentage points above ...`): never a measure's words
_ANY_PERCENT = re.compile(r"(?<![\w.])\d+(?:[.,/]\d+)*(?:\s?%|\s+percentage\s+points?\b)", re.I)
_ATTACH = re.compile(r",?\s*\b(?:with|from)\s+$", re.I)
# what a phrase never ends / starts with (trimmed in plain Python: nested regex quantifiers backtrack badly)
_TRIM_END_CHARS = " ,;:(-–*"
_TRIM_START_CHARS = " ,;:*)"
_TRIM_END_WORDS = _wordset(
    "and or with from to of in at for by the a an which who that as than on is are was were has have been being "
    "had it its their our"
)
_TRIM_START_WORDS = _wordset("the a an our all of its their these those respectively")
_MAX_WORDS = 30
_BENCHMARK_WORDS = re.compile(
    r"\b(?:latest|current|overall|national(?:ly)?|england|regional|north\s+east|statistical\s+neighbours?)\b\s*", re.I
)
_MEASURE_BEFORE = gated(re.compile(
    r"(?P<np>(?:[\w'’-]+\s+){0,3}?(?:rates?|average|total|number|percentage|proportion|figure|score|caseloads?"
    r"|ratio))\s*(?:\bof\b|\bwas\b|\bis\b|\bat\b|:)?\s*(?:\*\*)?\s*$",
    re.I,
))
_MEASURE_OF = re.compile(r"\b(?:number|rate|percentage|proportion)\s+of\b", re.I)
_LEAD_IN = re.compile(
    r"(?:(?:however|currently|overall|specifically|additionally|also|furthermore|similarly|therefore|again"
    r"|in\s+addition|as\s+a\s+result|as\s+such|in\s+lieu\s+of\s+data)\b[^,]*,\s*|\*\*[^*]+\*\*:?\s*"
    r"|(?:as\s+of|as\s+at|at|in|during|by|for|since|from|between|after|following|over)\b[^,]{0,60},\s*)+",
    re.I,
)
_PUNCTUATION_RUN = re.compile(r"[ ,(*]*")
_DASHED, _COMMA = re.compile(r"\s+[-–—]\s+"), re.compile(r",\s+")  # (_subject's clauses)
_PERCENT_PHRASE, _RATE_PHRASE = re.compile(r"%|(?:percentage|proportion)\b"), re.compile(r"per\s*1[0,]*0{3}|per\s*10k")
_QUALIFIER_JOINS = re.compile(r"(?:per|for|aged|among|amongst)\b|[a-z]+ed\b", re.I)


def _clean(text: str) -> str:
    """Trim a phrase to its words: no leading article, no trailing preposition or bracket."""
    text = normalise_space(text.replace("**", " "))
    previous = None
    while previous != text:
        previous = text
        words = text.lstrip(_TRIM_START_CHARS).rstrip(_TRIM_END_CHARS).split(" ")
        while words and words[-1].lower() in _TRIM_END_WORDS:
            words.pop()
        while words and words[0].lower().rstrip(",;:") in _TRIM_START_WORDS:
            words.pop(0)
        text = " ".join(words).strip()
        opened = _first_unclosed(text)
        if opened is not None:
            text = text[:opened]  # `aged 0-19 in West Sussex (ONS`: a name cut inside a bracket ends before it
    return " ".join(text.split(" ")[:_MAX_WORDS])


def _first_unclosed(text: str) -> int | None:
    """Index of the first `(` that no `)` after it closes."""
    stack: list[int] = []
    for i, ch in enumerate(text):
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            stack.pop()
    return stack[0] if stack else None


def _unbalanced_close(text: str) -> int | None:
    """Index of the first `)` that closes a bracket opened before text began."""
    depth = 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return i
            depth -= 1
    return None


def _noun_after(sentence: str, pos: int) -> tuple[str, int] | None:
    """The head noun right after a count (`families`, `young people`, `care leavers`) and where it ends."""
    words: list[str] = []
    end = pos
    for m in re.finditer(r"\s*(?:\*\*)?([A-Za-z][A-Za-z'’-]*)", _after(sentence, pos)):
        if m.start() != end - pos or not _is_noun_start(m.group(1)) or len(words) >= 3:
            break
        words.append(m.group(1))
        end = pos + m.end()
        if m.group(1).lower().endswith("s") or m.group(1).lower() in {"people", "children"}:
            break
    return (" ".join(words), end) if words else None


def _mark_attachments(sentence: str, figs: list[_Fig]) -> None:
    """`121 children ... from 81 families`, `197 families with 423 children`: the second count hangs on the first."""
    for i, f in enumerate(figs):
        if i == 0 or f.percent or f.rate_unit:
            continue
        base = next((j for j in range(i - 1, -1, -1) if not figs[j].percent and figs[j].attached_to is None), None)
        noun = _noun_after(sentence, f.tail)
        if base is None or noun is None or not _ATTACH.search(sentence[figs[i - 1].tail : f.start]):
            continue
        if _noun_after(sentence, figs[base].tail) is None:
            continue
        f.attached_to, f.noun = base, noun[0]


@dataclass
class _Parts:
    """A sentence with its figures and period phrases, indexed by position."""

    text: str
    figs: list[_Fig]
    mentions: list[_Mention]
    fig_starts: list[int] = field(init=False)
    mention_starts: list[int] = field(init=False)
    mention_ends: list[int] = field(init=False)
    own: list[_Mention] = field(init=False)  # the sentence's own periods: dated, not compared with, not relative
    own_starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.fig_starts = [f.start for f in self.figs]
        self.mention_starts = [x.start for x in self.mentions]
        self.mention_ends = [x.end for x in self.mentions]
        self.own = [x for x in self.mentions if x.period and x.period.end and not x.comparison and not x.relative]
        self.own_starts = [x.start for x in self.own]

    def next_fig(self, pos: int, me: int = -1) -> int:
        """Index of the first figure starting at or after pos, other than `me`; len(figs) when none."""
        i = bisect_left(self.fig_starts, pos)
        return i + 1 if i == me else i

    def next_mention(self, pos: int) -> _Mention | None:
        i = bisect_left(self.mention_starts, pos)
        return self.mentions[i] if i < len(self.mentions) else None

    def previous_mention(self, pos: int) -> _Mention | None:
        """The last period phrase ending at or before pos."""
        i = bisect_right(self.mention_ends, pos) - 1
        return self.mentions[i] if i >= 0 else None

    def any_fig_between(self, start: int, end: int) -> bool:
        i = bisect_left(self.fig_starts, start)
        return i < len(self.fig_starts) and self.fig_starts[i] < end


def _scan(parts: _Parts, pos: int, me: int) -> str:
    """The phrase from pos: up to the next figure, period phrase or clause break.

    A period phrase is stepped over when the words so far hold no verb and a verb follows it
    (`Children in Care, as at March 2024, have had ...`); a `with/from N <noun>` attachment is
    stepped over and the words after it are given to the attached figure as its own predicate.
    """
    sentence, figs = parts.text, parts.figs
    pieces: list[str] = []
    stepped: list[tuple[_Fig, int]] = []
    limit = len(sentence)
    while True:
        j = parts.next_fig(pos, me)
        fig_at = figs[j].start if j < len(figs) else limit
        mention = parts.next_mention(pos)
        mention_at = mention.start if mention else limit
        horizon = min(fig_at, mention_at)
        stop = _STOP_PHRASE.search(sentence, pos, min(horizon + 2, limit))  # `.` needs its next character
        while stop and _CHANGE_NOUN.match(stop.group(0)) and _verb_ends(sentence[pos : stop.start()]):
            # `respondents reported an increase in ...`: after a verb, the change is its object, not set beside
            stop = _STOP_PHRASE.search(sentence, stop.end(), min(horizon + 2, limit))
        percent = _ANY_PERCENT.search(sentence, pos, horizon)  # `87/88%` is no figure but still ends the phrase
        breaks = min(stop.start() if stop else limit, percent.start() if percent else limit)
        close = _unbalanced_close(sentence[pos : min(horizon, breaks)])
        breaks = pos + close if close is not None else breaks
        end = min(fig_at, mention_at, breaks)
        chunk = sentence[pos:end]
        if end == fig_at < limit and figs[j].attached_to == me:
            att = _ATTACH.search(chunk)
            noun = _noun_after(sentence, figs[j].tail)
            if att and noun:
                pieces.append(chunk[: att.start()])
                stepped.append((figs[j], len(pieces)))
                pos = noun[1]
                continue
        if mention and end == mention_at < min(fig_at, breaks):
            resumes = re.match(r"[\s,]*([A-Za-z]+)", _after(sentence, mention.end, 40))
            verb_next = resumes is not None and resumes.group(1).lower() in _VERBS
            if verb_next and not _has_verb(" ".join([*pieces, chunk])):
                pieces.append(chunk)
                pos = mention.end
                continue
        pieces.append(chunk)
        for f, index in stepped:
            f.rest = _join(pieces[index:])
        return _join(pieces)


_CHANGE_NOUN = re.compile(r"\s+(?:\*\*)?an?\s", re.I)  # `an increase` with no comma before it


def _verb_ends(text: str) -> bool:
    words = _words(text)
    return bool(words) and (words[-1].lower() in _VERBS or words[-1].lower().endswith("ed"))


def _join(pieces: list[str]) -> str:
    """Pieces of a phrase that skipped a period phrase or an attachment, each trimmed, as one phrase."""
    return _clean(" ".join(c for c in (_clean(p) for p in pieces) if c))


def _subject(sentence: str, mentions: list[_Mention], figs: list[_Fig]) -> tuple[str | None, str | None]:
    """The sentence's subject (the words before its main verb) and how it is generic.

    The second value is None for a real name, `pronoun` for `This`/`We` (it points back to the
    sentence before) and `noun` for `The KPI`/`The percentage` (it points to the heading).
    """
    pos = 0
    moved = True
    while moved:  # step over lead-ins (`Currently, ...`) and a leading period phrase (`In 2023/24, ...`)
        moved = False
        skip = _PUNCTUATION_RUN.match(sentence, pos)
        pos = skip.end() if skip else pos
        lead = _LEAD_IN.match(sentence, pos)
        if lead and lead.end() > pos and not _has_verb(lead.group(0)):
            pos, moved = lead.end(), True
        for x in mentions:
            if x.start == pos:
                pos, moved = x.end, True
    first_fig = min((f.start for f in figs if f.start >= pos), default=len(sentence))
    relative_at: int | None = None  # word index of `who/which/that`: its clause's verb is not the main one
    for index, m in enumerate(_WORD.finditer(sentence, pos)):
        if m.start() >= first_fig:
            return None, "noun"
        low = m.group(0).lower()
        if low in {"who", "which", "that"}:
            relative_at = index
            continue
        if low not in _VERBS:
            continue
        if relative_at is not None and index - relative_at <= 3:
            relative_at = index  # `who have been ...`: still the relative clause
            continue
        end = min([x.start for x in mentions if pos <= x.start < m.start()] + [m.start()])
        text = _DASHED.split(sentence[pos:end])[-1]  # `In lieu of data - we ...`
        clause = _COMMA.split(text)[-1]
        if _words(clause) and _words(clause)[0].lower() in _PRONOUNS:
            text = clause  # `In the January auditing cycle, we saw ...`
        subject = _clean(text)
        words = [w.lower() for w in _words(subject)]
        if not words or words[0] in _PRONOUNS:
            return subject or None, "pronoun"
        return subject, "noun" if all(w in _GENERIC_WORDS for w in words) else None
    return None, "noun"


def _phrase_class(phrase: str) -> str:
    """What a phrase measures: `percent`, `rate`, `count`, or `any` when it does not say."""
    low = phrase.lower()
    if _PERCENT_PHRASE.match(low):
        return "percent"
    if _RATE_PHRASE.search(low):
        return "rate"
    if low.startswith("number"):
        return "count"
    return "any"


def _fig_class(f: _Fig) -> str:
    if f.percent:
        return "percent"
    if f.rate_unit:
        return "rate"
    cls = _phrase_class(f.indicator or f.own or "")
    return "count" if cls == "any" and (f.own or f.noun) else cls


def _compatible(a: str, b: str) -> bool:
    return a == b or "any" in (a, b)


# (_analyse_phrases' patterns, compiled once: it asks them of every figure)
_PAREN_AFTER = re.compile(r"\s*\(([^()]*)\)")
_CLOSE_AFTER = re.compile(r"\s*\)")
_OF_AFTER = re.compile(r"\s*(?:\*\*)?\s*of\s+(?:the\s+|our\s+|all\s+|these\s+|those\s+|its\s+|their\s+)?", re.I)
_WORD_AFTER = re.compile(r"\s*(?:\*\*)?\s*([A-Za-z][A-Za-z'’-]*)")


def _analyse_phrases(sentence: str, figs: list[_Fig], mentions: list[_Mention]) -> None:
    """Each figure's own phrase, predicate or qualifier, read from the words after it."""
    parts = _Parts(sentence, figs, mentions)
    for i, f in enumerate(figs):
        if f.attached_to is not None:
            continue
        pos = f.tail
        paren = _PAREN_AFTER.match(_after(sentence, pos))
        inside = parts.next_fig(pos, i)
        if paren and inside < len(figs) and figs[inside].start < pos + paren.end():
            pos += paren.end()  # `558 (65%) of CiC ...`: the words after the bracket belong to both
        inner = _CLOSE_AFTER.match(_after(sentence, pos))
        if inner and i and re.fullmatch(r"\s*\(\s*", sentence[figs[i - 1].tail : f.start]):
            pos += inner.end()  # the `65%` of `558 (65%) of CiC ...` shares the words after the bracket
        elif inner and f.percent and _own_bracket(sentence, f):
            # `Over three-fifths (61%) reported ...`: the share in brackets restates the words before it, the
            # sentence states its measure; `Just over a third (36%) of respondents said ...`, `A high proportion of
            # children (86%) are subject to ...`: what follows the bracket is what it is of, or what is said of it
            f.restating = True
            if _restates(sentence, f, pos + inner.end()):
                pos += inner.end()
        after = _after(sentence, pos)
        of = _OF_AFTER.match(after)
        word = _WORD_AFTER.match(after)
        first = word.group(1).lower() if word else ""
        mention = parts.next_mention(pos)
        if of and re.match(r"(?:which|whom|them)\b", after[of.end() :], re.I):
            f.of_which = True
            rel = re.match(r"\w+", after[of.end() :])
            f.predicate = _scan(parts, pos + of.end() + (rel.end() if rel else 0), i)
        elif of and not (mention and mention.start <= pos + of.end()):
            phrase = _scan(parts, pos + of.end(), i)
            if _LETTER_A.match(sentence, pos + of.end()) and phrase and not phrase.startswith("A "):
                phrase = f"A {phrase}"  # `99.1% of A level students`: after `of`, a capital A is a letter, no article
            _set_own(f, phrase)
            f.of_all = bool(re.search(r"\ball\s+$", of.group(0), re.I))
            f.part_of = bool(_PART_VERB.search(sentence[max(0, f.start - 40) : f.start]))
        elif _RATE_TAIL.match(after):
            f.qualifier = _scan(parts, pos, i)
        elif word and _is_noun_start(word.group(1)):
            _set_own(f, _scan(parts, pos + word.start(1), i))
        elif word and first in {"who", "which", "that"} and not f.percent:
            f.inherit_full = True
            f.predicate = _scan(parts, pos + word.start(1), i)
        elif word and first in _VERBS and (not f.percent or inner):
            f.predicate = _scan(parts, pos + word.start(1), i)
        else:
            f.qualifier = _scan(parts, pos, i)
        if not f.qualifier:
            f.qualifier = f.own or f.weak or f.predicate or ""


# `samples represented 8% of the population`, `..., accounting for 20% of all referrals`: a verb saying the figure
# is a part of the words after `of` (mappings/part_verbs.csv)
_PART_VERB = re.compile(
    r"\b(?:" + "|".join(f"(?:{r['pattern']})" for r in read_csv(mappings_dir() / "part_verbs.csv", ("pattern", "note")))
    + r")\s+(?:(?:about|around|approximately|almost|nearly|over|just\s+over|just\s+under|some)\s+)?$",
    re.I,
)
_OPENS_OWN_BRACKET = re.compile(r"[A-Za-z]\s*\(\s*$")  # `a third (` before the figure: a bracket of its own


_LETTER_A = re.compile(r"A\s+[a-z*]")


def _own_bracket(sentence: str, f: _Fig) -> bool:
    """`a third (` before the figure, no figure among those words (`166 children (31%)` restates a count)."""
    before = sentence[max(0, f.start - 40) : f.start]
    return bool(_OPENS_OWN_BRACKET.search(before)) and not re.search(r"\d", " ".join(before.split(" ")[-4:]))


_SHARE_BEFORE = re.compile(r"\b(?:percentage|proportion)\s+of\s+[^,;:()]+\(\s*$", re.I)


def _restates(sentence: str, f: _Fig, pos: int) -> bool:
    """After a figure's own bracket, `of <noun phrase>`, or a verb after `proportion of <noun phrase> (`: the
    sentence goes on with what the share is of, or what it says of them."""
    after = _after(sentence, pos)
    if _OF_AFTER.match(after):
        return True
    word = _WORD_AFTER.match(after)
    verb = word is not None and word.group(1).lower() in _VERBS and word.start(1) <= 1
    return verb and bool(_SHARE_BEFORE.search(sentence[max(0, f.start - 200) : f.start]))


def _set_own(f: _Fig, phrase: str) -> None:
    words = _words(phrase)
    if len(words) >= 2 and not all(w.lower() in _GENERIC_WORDS for w in words):
        f.own = phrase
    elif phrase:
        f.weak = phrase


def _last_word(phrase: str) -> str:
    words = _words(phrase)
    return words[-1].lower() if words else ""


def _head_noun(phrase: str) -> str:
    """`children who became subject to ...` → `children`: the words before the first verb or relative."""
    out: list[str] = []
    for w in phrase.split(" "):
        if w.lower() in _VERBS or w.lower() in _PRONOUNS or w.lower() in {"who", "whom"}:
            break
        out.append(w)
    return " ".join(out) or phrase


def _predicate(phrase: str) -> str:
    return phrase[len(_head_noun(phrase)) :].strip()


def _left_measure(sentence: str, f: _Fig, clause_start: int) -> str | None:
    """`a rate of 65.6 per 10,000 population with a CP plan` → `rate per 10,000 population with a CP plan`."""
    m = _MEASURE_BEFORE.search(sentence[clause_start : f.start])
    if not m:
        return None
    words = _BENCHMARK_WORDS.sub("", m.group("np")).split()
    while words and len(words) > 1 and (not words[0].isalpha() or words[0].lower() in _STOPWORDS | _VERBS):
        words = words[1:]
    if any(w.lower() in _STOPWORDS | _VERBS or not re.match(r"[A-Za-z]", w) for w in words[:-1]):
        words = words[-1:]
    np = " ".join(words)
    if f.rate_unit and f.qualifier:
        return _clean(f"{np} {f.qualifier}")
    return np or None


def _paren_measure(sentence: str, f: _Fig, figs: list[_Fig], mentions: list[_Mention]) -> str | None:
    """`the number of children coming into care ... (13in 2023/24 from 22 in 2022/23)` → that phrase."""
    opening = sentence.rfind("(", max(0, f.start - 300), f.start)
    if opening < 0 or ")" in sentence[opening : f.start]:
        return None
    first_inside = min([g.start for g in figs if g.start > opening] + [x.start for x in mentions if x.start > opening])
    if sentence[opening + 1 : first_inside].strip(" *"):
        return None
    earlier = [g.tail for g in figs if g.tail <= opening] + [x.end for x in mentions if x.end <= opening]
    measures = list(_MEASURE_OF.finditer(sentence, max(earlier, default=0), opening))
    if not measures:
        return None
    return _clean(re.split(r"\s+(?:than|compared|against|versus)\b", sentence[measures[-1].start() : opening])[0])
