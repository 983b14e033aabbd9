"""Reading an indicator name into facets: what it counts, of whom, how, over what time.

A name such as "CH04 The number of Looked After Children (rate per 10k population 0-17)
- snapshot" is read in this order, each step with a reviewed vocabulary from mappings/:

1. reference codes (code_families.csv): official ones (SCC/010, PM24, NI 62, CH/012) and a
   council's own leading code (CH04, OP504) are taken out before any number is read;
2. words that say when or how it is measured (period_phrases.csv: "as at quarter end",
   "(quarterly)", "snapshot", "Reduce the ...", dates) are set apart: they name no
   different indicator;
3. abbreviations.csv, synonyms.csv and number_words.csv bring wordings to one form
   (LAC / CLA / CiC -> children in care; child protection register -> plan; two -> 2);
4. facets are read: the measure (measure_words.csv: percent, count, rate per 10,000 /
   1,000 / 100,000, average), age bands (0-17 and under 18 are the default population
   and say nothing), time and count thresholds (45 working days, 20 weeks, 3 or more),
   named numbers (KS2, Level 2, 9-4 pass) and qualifiers (qualifier_words.csv: population,
   SEN status, school phase, second or subsequent, FTE or headcount, ...); a bracket
   "(including unborn children)", or an unbracketed "including ..." ending the name, narrows
   nothing, and what follows "excluding" is kept apart (`excluded`: an entry about it is
   another count);
5. what is left is the text that is scored.

The same reading is applied once to every catalogue entry (its name and official names)
and to every printed name, so both sides meet in one vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.read.needs import needed_words, words_in
from extract.tidy.ages import read_ages
from extract.tidy.alternation import Alternation
from extract.tidy.wording import (
    DIGIT,
    FILLER,
    KEY_FILLER,
    WORD_SPLIT,
    Phrases,
    apply_phrases,
    first_words,
    one_of,
    pre_clean,
    tidy,
)

# Measures a catalogue unit stands for, and what an unstated kind of rate may be.
UNIT_MEASURES = {
    "percent": {"percent"},
    "count": {"count"},
    "rate_per_10k": {"rate_per_10k"},
    "rate_per_1k": {"rate_per_1k"},
    "rate_per_100k": {"rate_per_100k"},
    "score": {"score"},
    "days": {"days"},
    "weeks": {"days"},
    "ratio": {"ratio"},
    "gbp": {"gbp"},
}
WORD_MEASURES = {
    "rate": {"percent", "rate_per_10k", "rate_per_1k", "rate_per_100k"},
    "average": {"score", "days", "ratio", "gbp"},
}
_COMMON_WORD_PLACES = {
    "reading",
    "bury",
    "reading borough council",
}  # councils named like words of indicator names  # "aged 0-17", "under 18": all children

_TIME_UNITS = {
    "working day": ("d", 1),
    "working days": ("d", 1),
    "day": ("d", 1),
    "days": ("d", 1),
    "week": ("w", 1),
    "weeks": ("w", 1),
    "wks": ("w", 1),
    "wk": ("w", 1),
    "month": ("m", 1),
    "months": ("m", 1),
    "mths": ("m", 1),
    "mth": ("m", 1),
    "year": ("m", 12),
    "years": ("m", 12),
    "yrs": ("m", 12),
    "yr": ("m", 12),
    "hour": ("h", 1),
    "hours": ("h", 1),
    "hrs": ("h", 1),
    "hr": ("h", 1),
    "h": ("h", 1),
}
_NUM = r"\d+(?:\.\d+)?"
_TIME_RE = re.compile(
    rf"\b({_NUM})(?:\s*-\s*({_NUM}))?\s*(working days?|days?|weeks?|wks?|months?|mths?|years?|yrs?|hours?|hrs?|h)\b"
    r"(?!\s*olds?\b)(?!\s*old\b)"
)
# "6/8 weeks", "10 to 20 days": a span of time written with a slash or "to" is the span "6-8 weeks" writes (round 22:
# NI 53's breastfeeding at 6/8 weeks read "at 6" as an age); years are left to the age bands ("19 to 21 years")
_TIME_SPAN = re.compile(
    rf"\b({_NUM})\s*(?:/|to)\s*({_NUM})\s*(?=(?:working days?|days?|weeks?|wks?|months?|mths?|hours?|hrs?)\b)"
)
# "within 15 days of strategy discussion/referral": what follows a timescale's "of" / "from" starts its clock;
# it names no event or state of the indicator (read for the text, not for qualifiers)
_CLOCK_START = re.compile(
    rf"\b(?:within|in|by)\s+{_NUM}\s*(?:working days?|days?|weeks?|wks?|months?|hours?)\s+(?:of|from|after)\s+([^()]+)"
)
# "looked after continuously for (at least) 12 months": DfE's OC2 cohort, the children in care whom the
# health, absence and SEN measures count; not a 12-month timescale. It is written as the marker word
# "carecohort", which the cohort group of qualifier_words.csv reads (rule conflict: a name stating it
# may take an entry whose definition implies it; an entry whose name states it costs a name that does not)
# (written with "continuously", "for", "at least" or "or more": "CLA 12 months on 31 March" is left alone)
_CARE_COHORT = re.compile(
    r"\bin care (?:(?:continuously |for )+(?:at least |more than |over )?|(?:at least |more than |over ))"
    r"(?:12|twelve) months(?: or (?:more|longer))?(?: continuously)?\b"
    r"|\bin care (?:12|twelve) months or (?:more|longer)\b"
)
_COHORT_TIME = re.compile(r"(?:at least |more than |over )?(?:12|twelve) months(?: or (?:more|longer))?")
# "in the year", "during the year": the reporting period, not a 12-month timescale ("within 12 months")
_IN_THE_YEAR = re.compile(r"\b(in|during|over|for|of) (the |a )?(current )?year\b(?! olds?\b)")
_YEAR_PHRASE = re.compile(
    r"\b(in|during|within|over|for|of) (the |a )?(last |previous |past |current )?(12 months|year|twelve months)\b"
)
_COMPARATORS = re.compile(
    r"\b(or more|or longer|or over|and over|or above|and above|more than|at least|over|plus|or less|less than)\b|>|\+"
)
_EXCLUDING = re.compile(r"\b(excluding|excl|exc|except)\b(?!\s+exception)[^()]*")
# "(including unborn children)": a bracket that says what the count takes in narrows nothing
_INCLUDING = re.compile(r"\(\s*(including|incl|inc)\b[^()]*\)")
# "Children in care including unaccompanied minors": an unbracketed "including ..." that ends the name
# says the same (not "including exception cases": the exceptions group reads that)
_INCLUDING_TAIL = re.compile(r"\bincluding\b(?!\s+exception)[^()]*$")
_NAMED = re.compile(r"\b(ks[1-5]|year\d+|level\d|pass9[45]|attainment8|progress8|astarc|reception)\b")
_KEY_PUNCT = re.compile(r"[()\-/]")
_TEXT_PUNCT = re.compile(r"[()\-/&+%*'\"]")
_BRACKETED = re.compile(r"\([^()]*\)")
_ALL_AGES = re.compile(r"\ball ages\b")
ALL_PHASES = {"school_phase:primary", "school_phase:secondary", "school_phase:special"}
_PHASE_WORDS = re.compile(r"\b(primary|secondary|special)\b")
# a bracket opening "(all children" says what the whole count takes in: it narrows nothing, is no indicator's words
_ALL_BRACKET = re.compile(r"\(\s*(?:(?:includes|including|incl|inc)\s+)?all (?:children|young people|pupils)\b[^()]*\)")
_MILES_UNDER = re.compile(r"within|under|less than|up to|<")
_MILES_OVER = re.compile(r"more than|over|plus|or more|>")
# "> 20 miles", "< 20 miles" as tables print them (round 9)
_MILES = re.compile(rf"(within|under|less than|up to|more than|over|>|<)?\s*({_NUM})\s*(plus|or more)?\s*miles?\b")
# "> 1 placement" is written for "more than 1 placement"
_MORE_THAN_N = re.compile(
    rf"(?:\bmore than|>)\s*({_NUM})\b(?!\s*(?:working days?|days?|weeks?|months?|years?|hours?|%))"
)
# "less than 3 months" vs "3 months or more": which side of a time the name counts. The bound is
# written at the end of the name as marker words ("timebound below"/"timebound above") the time_bound group of
# qualifier_words.csv reads (a name bounded one way never takes an entry bounded the other). "Within 45
# working days" is left alone: it is how every timescale is written, bounded or not
_TIME_UNIT = r"(?:working days?|days?|weeks?|wks?|months?|mths?|years?|yrs?)"
_BOUND_BELOW = re.compile(
    rf"\b(?:less than|fewer than|under|up to|no more than|shorter than)\s+({_NUM}\s*{_TIME_UNIT})\b"
)
_BOUND_ABOVE = re.compile(
    rf"\b(?:more than|longer than|over|at least)\s+({_NUM}\s*{_TIME_UNIT})\b"
    rf"|\b({_NUM}\s*{_TIME_UNIT})\s+(?:or more|or longer|or over|and over|plus)\b"
    rf"|\b({_NUM})\s+(?:or more|or longer)\s+({_TIME_UNIT})\b"
)
_BOUND_MARKERS = re.compile(r"\btimebound (?:below|above)\b|\bcarecohort\b")
_BARE_NUMBER = re.compile(rf"(?<![\w.]){_NUM}(?![\w.])")
_RATE_WORD = re.compile(r"\brates?\b")
PER_N_RATES = {"rate_per_10k", "rate_per_1k", "rate_per_100k"}
_SECTION_N = re.compile(r"\bsection (\d+)\b")
_LAST_12 = re.compile(r"\b(last|previous|past) 12 months\b")
MEASURE_NAMES = {"attainment8", "progress8", "pass94", "pass95", "astarc"}  # named numbers that are the measure itself
@dataclass(frozen=True)
class Reading:
    """A name read into facets. `key` is the whole normalised name (for exact and alias
    lookups); `text` is what is left to score once facets and timing words are out."""

    key: str
    text: str
    measures: frozenset[str]
    ages: frozenset[tuple[int, int]]
    numbers: frozenset[str]
    named: frozenset[str]
    quals: frozenset[str]  # "group:value"
    codes: tuple[str, ...]  # official codes, canonical ("SCC/010", "NI 62")
    council_code: str | None
    in_the_year: bool = False  # its only time is "in the year" (the reporting period), see _IN_THE_YEAR
    excluded: frozenset[str] = frozenset()  # "group:value" named after "excluding": an entry about it is another


@dataclass
class Vocabulary:
    """The reviewed word lists of mappings/, compiled once."""

    abbreviations: list[tuple[str, str]]
    synonyms: list[tuple[str, str]]
    number_words: list[tuple[str, str]]
    period_patterns: list[str]
    measure_patterns: list[tuple[str, str]]
    qualifiers: list[tuple[str, str, str, str]]  # group, value, phrase, rule
    code_families: list[tuple[str, str, str]]  # family, pattern, canonical
    place_names: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        # one pass over all period phrases, in file order (a year range before a year); a phrase starts
        # where a word does (every pattern opens with \b, ^, a bracket or a dash), and saying so up front
        # lets the regex skip the positions inside words: 2.7x faster (round 9)
        # (tried at each place with only the phrases that can start with its character: tidy/alternation.py)
        self._periods = Alternation("(?<![a-z0-9])", self.period_patterns) if self.period_patterns else None
        # every phrase as the text is when it is looked for: cleaned and tidied (a hyphen
        # between words is a space)
        self._abbrev_map = {tidy(pre_clean(a)): pre_clean(e) for a, e in self.abbreviations}
        # an acronym's plural ("SDQs", "CINs") is the acronym: listed ones stand, two-letter ones
        # are left alone ("ha" -> "has")
        for a, e in list(self._abbrev_map.items()):
            if len(a) >= 3 and a.isalpha() and not a.endswith("s"):
                self._abbrev_map.setdefault(a + "s", e)
        self._abbrev = Phrases(list(self._abbrev_map)) or None
        # a synonym's phrase as the text is when synonyms apply: tidied, and after the
        # abbreviation step ("send assessments" is met as "special educational needs and
        # disabilities assessments"); and as written
        self._syn_map = {}
        for a, c in self.synonyms:
            written = tidy(pre_clean(a))  # "yr" -> "years", as the text is when synonyms apply
            for phrase in (apply_phrases(self._abbrev, self._abbrev_map, written), written, pre_clean(a)):
                self._syn_map.setdefault(phrase, pre_clean(c))
        self._syn = Phrases(list(self._syn_map)) or None
        self._numw_map = {tidy(w): n for w, n in self.number_words}
        self._numw = Phrases(list(self._numw_map)) or None
        self._measures = [(m, re.compile(p)) for m, p in self.measure_patterns]
        # all measure patterns in one: no pattern matches before where it first matches, so each is searched
        # from there (a lookbehind and \b still see what is before); none matches when it does not
        self._any_measure = one_of([p for _, p in self.measure_patterns])
        self._codes = [(f, re.compile(p), c) for f, p, c in self.code_families]
        # the words an official code's pattern cannot match without ("scc", "pm", "cspi"): most names hold
        # none of most families' (read/needs.py; None: always searched)
        self._code_needs = [
            tuple(sorted(needs)) if f != "not_a_code" and (needs := needed_words(rx)) else None
            for f, rx, _ in self._codes
        ]
        self.rules: dict[str, str] = {}  # a group's rule: its first row's
        # "group:value" -> that value's own rule ("soft" groups; "same" on a value of a "stated" group)
        self.value_rules: dict[str, str] = {}
        groups: dict[str, list[tuple[str, str]]] = {}
        for group, value, phrase, rule in self.qualifiers:
            self.rules.setdefault(group, rule)
            self.value_rules[f"{group}:{value}"] = rule
            groups.setdefault(group, []).append((value, tidy(pre_clean(phrase))))
        self._quals = {g: (Phrases([p for _, p in vs]), {p: v for v, p in vs}) for g, vs in groups.items()}
        # the words a group's phrases start with: a name with none of them skips the group
        self._qual_first_words = {g: {WORD_SPLIT.split(p.strip())[0] for _, p in vs} for g, vs in groups.items()}
        # ... and the other way round: a name's words find the few groups to look in (not all 71 asked)
        self._groups_of_word: dict[str, list[str]] = {}
        for g, first in self._qual_first_words.items():
            for w in first:
                self._groups_of_word.setdefault(w, []).append(g)
        places = sorted(
            {pre_clean(p) for p in self.place_names if len(p) > 3} - _COMMON_WORD_PLACES, key=len, reverse=True
        )
        self._places_first = {WORD_SPLIT.split(p)[0] for p in places}
        self._phrase_steps = [
            (self._abbrev, self._abbrev_map, first_words(self._abbrev_map)),
            (self._syn, self._syn_map, first_words(self._syn_map)),
            (self._numw, self._numw_map, first_words(self._numw_map)),
        ]
        self._places = (r"\b(?:" + "|".join(re.escape(p) for p in places) + r")(?: s)?\b") if places else None

    def __getstate__(self) -> dict:
        """Kept (pickled, extract.tidy.matcher_store) with the place names' regex as its pattern: it is
        compiled at first need, as few names need it."""
        state = dict(self.__dict__)
        if isinstance(self._places, re.Pattern):
            state["_places"] = self._places.pattern
        return state

    # -- steps ---------------------------------------------------------------------------
    def codes_of(self, text: str) -> tuple[str, list[str], str | None]:
        """Official codes anywhere in the name and a council's leading code, taken out."""
        official: list[str] = []
        council = None
        skip_council = any(rx.search(text) for family, rx, _ in self._codes if family == "not_a_code")
        for (family, rx, canonical), needs in zip(self._codes, self._code_needs, strict=True):
            if family == "not_a_code":
                continue
            if family.startswith("council"):
                if skip_council or council:
                    continue
                m = rx.search(text)
                if m:
                    council = re.sub(r"\s+", "", m.group(1)).upper()
                    text = (text[: m.start()] + " " + text[m.end() :]).strip(" -:.)")
                continue
            if needs is not None and words_in(text, needs) == frozenset():  # (None: a letter that may fold)
                continue  # none of the words it needs (in the text as earlier families left it): no match
            found = list(rx.finditer(text))
            if found:
                official += [canonical.format(*[g.upper() for g in m.groups()]) for m in found]
                text = rx.sub(" ", text)
        return text, official, council

    def normalise(self, text: str) -> str:
        t = text
        if self._periods:
            t = self._periods.sub(" ", t)
        if self._places and not self._places_first.isdisjoint(WORD_SPLIT.split(t)):
            if isinstance(self._places, str):
                self._places = re.compile(self._places)  # compiled at first need (few names): 4 ms of start-up
            t = self._places.sub(" ", t)
        t = tidy(t)
        for phrases, mapping, first in self._phrase_steps:  # abbreviations, synonyms, number words
            if first is None or not first.isdisjoint(WORD_SPLIT.split(t)):
                t = apply_phrases(phrases, mapping, t)
        if "section" in t:  # section 47 (of the Children Act) names a thing, it is not a number
            t = _SECTION_N.sub(r"section\1", t)
        if "year" in t or "12 months" in t or "twelve" in t:
            t = _YEAR_PHRASE.sub(" 12 months ", t)
            t = _LAST_12.sub("12 months", t)
        return " ".join((t).split())

    def read(self, name: str, unit: str | None = None) -> Reading:
        t = pre_clean(name)
        t, official, council = self.codes_of(t)
        in_the_year = "year" in t and bool(_IN_THE_YEAR.search(t)) and not _TIME_RE.search(t)
        t = self.normalise(t)
        if "/" in t or " to " in t:
            t = _TIME_SPAN.sub(r"\1-\2 ", t)
        if "in care" in t and "months" in t:
            t, cohort = _CARE_COHORT.subn(lambda m: _COHORT_TIME.sub(" ", m.group(0)), t)  # its words stay
            t += " carecohort" * bool(cohort)
        key = " ".join(w for w in _KEY_PUNCT.sub(" ", t).split() if w not in KEY_FILLER)
        outside = _BRACKETED.sub(" ", t) if "(" in t else t
        digits = DIGIT.search(t) is not None

        hit = self._any_measure.search(t) if self._any_measure else None
        start = hit.start() if hit else (-1 if self._any_measure else 0)
        measures = {m for m, rx in self._measures if start >= 0 and rx.search(t, start)}
        if measures & {"rate_per_10k", "rate_per_1k", "rate_per_100k"}:
            measures -= {"count", "rate", "percent"}
        elif "percent" in measures:
            measures -= {"count", "rate"}
        if "days" in measures:
            measures -= {"average", "count"}  # "average number of days": days, not a count
        stated = set()
        for m in measures:
            stated |= WORD_MEASURES.get(m, {m})
        if unit and unit in UNIT_MEASURES:
            stated |= UNIT_MEASURES[unit]
        t = _strip_measure_words(t)
        if stated & PER_N_RATES:  # "rate(s)" only repeats what "per 10,000" says
            t = _RATE_WORD.sub(" ", t)

        if "including" in t:
            t = _INCLUDING_TAIL.sub(" ", t)
        if "all ages" in t:
            t = _ALL_AGES.sub(" ", t)  # no age band
        if "all " in t and "(" in t:  # "(all children aged 0-17 with an open referral, CIN, CPP and LAC)": a definition
            t = _ALL_BRACKET.sub(" ", t)
        ages, t = read_ages(t) if digits or "under" in t else (set(), t)
        named = frozenset(_NAMED.findall(t))
        if "year1" in named and "phonics" in t:  # the phonics check is taken in Year 1: it narrows nothing
            named = named - {"year1"}
        numbers: set[str] = set()

        def miles(m: re.Match) -> str:
            before, n, after = m.group(1) or "", m.group(2), m.group(3) or ""
            if _MILES_UNDER.search(before):
                numbers.add(f"n{n}mi<")
            elif _MILES_OVER.search(before + " " + after):
                numbers.add(f"n{n}mi>")
            else:
                numbers.update({f"n{n}mi<", f"n{n}mi>"})
            return " "

        if digits:
            t = _MILES.sub(miles, t)
            if "timebound" not in t:  # the marker words go at the end; the name's own words stay as they were
                below, above = _BOUND_BELOW.search(t), _BOUND_ABOVE.search(t)
                t += " timebound below" * bool(below) + " timebound above" * bool(above)
            t = _MORE_THAN_N.sub(lambda m: str(int(float(m.group(1))) + 1), t)  # more than 3 placements = 4 or more
        t = _COMPARATORS.sub(" ", t)

        def time_tag(m: re.Match) -> str:
            lo, hi, u = m.group(1), m.group(2), m.group(3)
            kind, mult = _TIME_UNITS.get(u, _TIME_UNITS.get(u.rstrip("s"), ("d", 1)))
            lo_v = _num(lo) * mult
            tag = f"{_fmt(lo_v)}{kind}" if not hi else f"{_fmt(lo_v)}-{_fmt(_num(hi) * mult)}{kind}"
            numbers.add(tag)
            return " "

        clock = _CLOCK_START.search(t) if digits else None
        if digits:
            t = _TIME_RE.sub(time_tag, t)
            for n in _BARE_NUMBER.findall(t):
                numbers.add(f"n{_fmt(_num(n))}")
            t = _BARE_NUMBER.sub(" ", t)

        quals: set[str] = set()
        excluded: set[str] = set()
        t_quals = t
        if "exc" in t:  # "(excluding family and friends fostering)" narrows nothing ...
            for m in _EXCLUDING.finditer(t):  # ... but an entry about what is left out is another count
                excluded |= self._quals_in(m.group(0), set(WORD_SPLIT.split(m.group(0))))
            t_quals = _EXCLUDING.sub(" ", t)
            outside = _EXCLUDING.sub(" ", outside)
        if "inc" in t_quals and "(" in t_quals:
            t_quals = _INCLUDING.sub(" ", t_quals)
            outside = _INCLUDING.sub(" ", outside)
        if clock and clock.group(1).strip() in t_quals:
            t_quals = t_quals.replace(clock.group(1).strip(), " ")
        for group in self._groups_in(set(WORD_SPLIT.split(t_quals))):  # no other group's phrase can start here
            phrase_value = self._quals[group][1]
            src = outside if group == "population" else t_quals
            for phrase in self._quals[group][0].findall(src):
                quals.add(f"{group}:{phrase_value[phrase]}")
        if quals >= ALL_PHASES:  # "(Primary, Secondary or Special)": every phase is all schools (round 7)
            quals -= ALL_PHASES
            t = _PHASE_WORDS.sub(" ", t)
        if "timebound" in t or "carecohort" in t:
            t = _BOUND_MARKERS.sub(" ", t)
        words = [w for w in _TEXT_PUNCT.sub(" ", t).split() if w not in FILLER]
        return Reading(
            key=key,
            text=" ".join(words),
            measures=frozenset(stated),
            ages=frozenset(ages),
            numbers=frozenset(numbers),
            named=named,
            quals=frozenset(quals),
            codes=tuple(official),
            council_code=council,
            in_the_year=in_the_year and numbers == {"12m"},
            excluded=frozenset(excluded - quals),
        )

    def _quals_in(self, text: str, present: set[str]) -> set[str]:
        """The "group:value" qualifiers a piece of text names (the flow group aside: "excluding those
        starting" says which children, not that the count is of no flow)."""
        found = set()
        for group in self._groups_in(present):
            if group == "flow":
                continue
            phrase_value = self._quals[group][1]
            found |= {f"{group}:{phrase_value[phrase]}" for phrase in self._quals[group][0].findall(text)}
        return found

    def _groups_in(self, present: set[str]) -> set[str]:
        """The qualifier groups one of whose phrases starts with one of these words."""
        return {g for w in present for g in self._groups_of_word.get(w, ())}


_MEASURE_WORDS = re.compile(
    r"%\s?age\b|%|\bpercent(age)?s?\b|\bper cent\b|\bproportion\b|\bpct\b|\bnumbers? of\b|\bnumbers?\b|\bcount\b"
    # "per 10,000 of the children population": the base of the rate, none of an indicator's words (before the
    # shorter form, which would take "per 10000" alone)
    r"|\bper (100000|10000|1000) of (?:the )?(?:child |children |under 18 |0 17 |0 to 17 )?(?:population|pop)\b"
    r"|\bper (100000|10000|1000)(?: 0 ?(?:-|to) ?1[78])?"  # "per 10,000 0-17 population": the base's age
    r"(?: (?:population|pop|child population|children population|people|residents|live births|year olds))?\b"
    r"|/\s*(100000|10000|1000)(?: pop(?:ulation)?)?\b|\b(100000|10000|1000) population\b|\bshare of\b"
    r"|#|\(\s*no\s*\)|\(\s*n\s*\)|\bper 100 (?:pupils|children|pupil enrolments|enrolments)\b"
)


def _strip_measure_words(t: str) -> str:
    return " ".join((_MEASURE_WORDS.sub(" ", t)).split())


def _num(s: str) -> float:
    return float(s)


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"
