"""Matching printed indicator names to the catalogue: the one place that decides an indicator_id.

Order: code (an official code printed in the name or given by the parser: `SCC/010`,
`PM24`, `NI 62`), exact (the normalised name is a catalogue name), alias (the normalised
name, or a council's own code, is in an alias file; the parser's and the council's own
files first), then fuzzy.

Fuzzy matching reads the name into facets (extract.tidy.facets): population, measure (count,
percent, rate per 10,000 / 1,000 / 100,000, average), age band, time and count
thresholds, named numbers (KS2, Level 2) and qualifiers. Every catalogue entry is read the
same way once, from its name and official names. An entry is a candidate only when it
agrees with every facet the printed name states: a facet the name states and the entry
contradicts, or states and the entry lacks, blocks it. Words that say when or how the
figure is measured ("as at quarter end", "snapshot", "Reduce the ...") are set apart
and not scored. The candidates left are scored with rapidfuzz (`process.cdist`) and an
IDF-weighted word overlap; facets the entry states but the name does not cost a few
points. A name matches only when the best indicator clears the threshold and leads the
next indicator by the margin; otherwise it is `unmatched` and keeps its top candidates
for the review queue.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from extract.mappings import Mappings
from extract.settings import FuzzyRule
from extract.tidy.facets import MEASURE_NAMES, UNIT_MEASURES, Reading, Vocabulary, stem


@dataclass(frozen=True)
class Candidate:
    indicator_id: str
    name: str
    score: float
    explained: float = field(default=1.0, compare=False)  # share of the printed name's words this name has


@dataclass(frozen=True)
class Match:
    query: str
    indicator_id: str | None
    name: str | None
    score: float
    method: str
    candidates: list[Candidate] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "query": self.query,
            "indicator_id": self.indicator_id,
            "name": self.name,
            "score": round(self.score, 1),
            "method": self.method,
            "candidates": [
                {"indicator_id": c.indicator_id, "name": c.name, "score": round(c.score, 1)} for c in self.candidates
            ],
        }


VETOED = 45.0  # a vetoed candidate's score: listed as a candidate, never accepted
PRUNE_ABOVE = 60  # more scored names than this: rapidfuzz runs only for those that can reach the top
# What an entry pays, per facet it states and the printed name does not:
ENTRY_ONLY_PENALTY = 5.0  # ... a qualifier or named number
GROUP_PENALTY = 8.0  # ... a population or pupil group ("stated" qualifiers): it is about part of them
AGE_PENALTY = 8.0  # ... an age band: the entry is about part of the name's population
NUMBER_PENALTY = 8.0  # ... a timescale or threshold: the entry is a narrower indicator
WEAK_PENALTY = 8.0  # ... "in the year" (12 months) only
# When the printed name states no measure: a rate per 10,000 / 1,000 / 100,000 pays (rates
# say so), and so does an entry whose own name says it is a count ("Number of ...").
RATE_PENALTY = 12.0
COUNT_PENALTY = 7.0
# score = 100 × (IDF dice + share of the printed name explained + share of the choice found
# + rapidfuzz token_sort_ratio), weighted; then the penalties above
SCORE_WEIGHTS = (0.5, 0.15, 0.15, 0.2)
_TYPED_UNITS = {"percent", "count", "rate_per_10k", "rate_per_1k", "gbp"}
_TIMELY = re.compile(r"\b(timescales?|on time|in time|timely|timeliness)\b")
_BARE_CODE = re.compile(r"^\s*[A-Za-z]{1,6}\s?\d{1,4}[a-z]{0,2}\s*$")


def units_agree(printed: str | None, catalogue: str) -> bool:
    return printed not in _TYPED_UNITS or catalogue not in _TYPED_UNITS or printed == catalogue


def code_key(code: str) -> str:
    return re.sub(r"[\s\-–:/\\]", "", code).upper()


@dataclass
class EntryFacets:
    """What a catalogue entry says, read once from its name and official names."""

    measures: set[str]
    ages: set[tuple[int, int]]
    numbers: set[str]
    named: set[str]
    quals: set[str]
    primary: set[str] = field(default_factory=set)  # facet keys its own name states (what it pays for)
    weak_numbers: bool = False  # its only time facet is "12 months" ("during the year")
    named_count: bool = False  # one of its names says it is a count ("Number of ...", "(num)")


class Matcher:
    def __init__(self, mappings: Mappings) -> None:
        self.mappings = mappings
        places = [c.get("short_name") or "" for c in mappings.councils] + [
            c.get("council") or "" for c in mappings.councils
        ]
        self.vocab = Vocabulary(
            abbreviations=mappings.abbreviations,
            synonyms=mappings.synonyms,
            number_words=mappings.number_words,
            period_patterns=mappings.period_patterns,
            measure_patterns=mappings.measure_patterns,
            qualifiers=mappings.qualifiers,
            code_families=mappings.code_families,
            place_names=places,
        )
        self.rules = self.vocab.rules
        self.weights = SCORE_WEIGHTS
        self.ids = list(mappings.indicators)
        self.index_of = {iid: k for k, iid in enumerate(self.ids)}

        self.by_code: dict[str, str] = {}
        for ind in mappings.indicators.values():
            for c in ind.codes:
                self.by_code.setdefault(code_key(c), ind.indicator_id)

        # facets of each entry: the union over its name and official names
        self.facets: list[EntryFacets] = []
        self.exact: dict[str, str] = {}
        for ind in mappings.indicators.values():
            over = ind.facet_overrides()
            readings = [self.read(ind.name)] + [self.read(n) for n in ind.official_names]
            facet_readings = readings + ([self.read(over["also"])] if over.get("also") else [])
            f = EntryFacets(set(), set(), set(), set(), set())
            for r in facet_readings:
                f.ages |= r.ages
                f.numbers |= r.numbers
                f.named |= r.named
                f.quals |= r.quals
            p = readings[0]
            f.primary = {"q:" + q for q in p.quals} | {f"a:{a}" for a in p.ages} | {"n:" + x for x in p.numbers}
            f.primary |= {"k:" + x for x in p.named}
            f.weak_numbers = {x for x in p.numbers if _number_kind(x) == "time"} == {"12m"}
            f.named_count = bool(readings[0].measures - {"percent"}) or (
                ind.unit == "count" and any("count" in r.measures for r in facet_readings)
            )
            f.measures = set(UNIT_MEASURES.get(over.get("measure", ind.unit), set()))
            for g in ("population",):
                if over.get(g):
                    f.quals |= {f"{g}:{v.strip()}" for v in over[g].split(",")}
            f.quals |= {f"population:{p}" for p in _DOMAIN_POPULATION.get(ind.domain, ())}
            self.facets.append(f)
            self.exact.setdefault(readings[0].key, ind.indicator_id)

        # aliases per scope (None = global); a council's own codes are aliases too
        self.aliases: dict[str | None, dict[str, str]] = {}
        for alias in mappings.aliases:
            table = self.aliases.setdefault(alias.scope, {})
            if _BARE_CODE.match(alias.alias):
                table[f"code:{code_key(alias.alias)}"] = alias.indicator_id
                continue
            table[self.read(alias.alias).key] = alias.indicator_id

        # scored choices: every entry name, official name and alias
        texts: list[str] = []
        owners: list[int] = []
        scopes: list[str | None] = []
        for ind in mappings.indicators.values():
            for n in [ind.name, *ind.official_names]:
                texts.append(self.read(n).text)
                owners.append(self.index_of[ind.indicator_id])
                scopes.append(None)
        for alias in mappings.aliases:
            texts.append(self.read(alias.alias).text)
            owners.append(self.index_of[alias.indicator_id])
            scopes.append(alias.scope)
        self.choice_text = texts
        self.choice_owner = np.array(owners, dtype=np.int32)
        self.choice_scope = scopes
        self._global_choice = np.array([s is None for s in scopes])
        self.max_choices = int(np.bincount(self.choice_owner).max()) if owners else 1  # names of one indicator
        self._build_token_index()
        self._build_facet_arrays()

    # -- reading ------------------------------------------------------------------------
    @lru_cache(maxsize=100_000)  # noqa: B019 - one matcher per run; names repeat
    def read(self, name: str, unit: str | None = None) -> Reading:
        return self.vocab.read(name, unit)

    def _tokens(self, text: str) -> list[str]:
        return sorted({stem(w) for w in text.split()})

    def _build_token_index(self) -> None:
        vocab: dict[str, int] = {}
        postings: list[list[int]] = []
        choice_tokens: list[list[int]] = []
        for c, text in enumerate(self.choice_text):
            ids = []
            for tok in self._tokens(text):
                t = vocab.setdefault(tok, len(vocab))
                if t == len(postings):
                    postings.append([])
                postings[t].append(c)
                ids.append(t)
            choice_tokens.append(ids)
        n = max(len(self.choice_text), 1)
        df = np.array([len(p) for p in postings], dtype=np.float64)
        self.idf = np.log((1 + n) / (1 + df)) + 0.2
        self.unseen_idf = float(np.median(self.idf)) if len(self.idf) else 1.0
        self.vocab_ids = vocab
        self.postings = [np.array(p, dtype=np.int32) for p in postings]
        self.choice_weight = np.array([self.idf[ids].sum() for ids in choice_tokens])

    def _build_facet_arrays(self) -> None:
        """Bitsets of each entry's facet values, so that one query checks all entries at once."""
        values: dict[str, int] = {}

        def bit(v: str) -> int:
            return values.setdefault(v, len(values))

        for f in self.facets:
            for q in f.quals:
                bit("q:" + q)
            for a in f.ages:
                bit(f"a:{a}")
            for x in f.numbers:
                bit("n:" + x)
            for x in f.named:
                bit("k:" + x)
            for m in f.measures:
                bit("m:" + m)
        for m in ("percent", "count", "rate_per_10k", "rate_per_1k", "rate_per_100k", "score", "days", "ratio", "gbp"):
            bit("m:" + m)
        self.bits = values
        words = (len(values) + 63) // 64
        self.n_words = words
        arr = np.zeros((len(self.facets), words), dtype=np.uint64)
        for i, f in enumerate(self.facets):
            keys = ["q:" + q for q in f.quals] + [f"a:{a}" for a in f.ages] + ["n:" + x for x in f.numbers]
            keys += ["k:" + x for x in f.named] + ["m:" + m for m in f.measures]
            for k in keys:
                b = values[k]
                arr[i, b // 64] |= np.uint64(1) << np.uint64(b % 64)
        self.entry_bits = arr
        prim = np.zeros((len(self.facets), words), dtype=np.uint64)
        for i, f in enumerate(self.facets):
            for k in f.primary:
                b = values[k]
                prim[i, b // 64] |= np.uint64(1) << np.uint64(b % 64)
        self.primary_bits = prim
        # masks per facet kind and per qualifier group
        self.kind_mask = {k: self._mask([v for v in values if v.startswith(k + ":")]) for k in ("a", "n", "k", "m")}
        kinds: dict[str, list[str]] = {}
        for v in values:
            if v.startswith("n:"):
                kinds.setdefault(_number_kind(v[2:]), []).append(v)
        self.number_kind_mask = {k: self._mask(vs) for k, vs in kinds.items()}
        self.measure_name_mask = self._mask([v for v in values if v.startswith("k:") and v[2:] in MEASURE_NAMES])
        groups: dict[str, list[str]] = {}
        for v in values:
            if v.startswith("q:"):
                groups.setdefault(v[2:].split(":")[0], []).append(v)
        self.group_mask = {g: self._mask(vs) for g, vs in groups.items()}
        self.unknown_measure = np.array([not f.measures for f in self.facets])
        # what each entry has and names of each mask, once: a query only combines them
        self.kind_named = {k: self._entry_names(m) for k, m in self.kind_mask.items()}
        self.number_kind_named = {k: self._entry_names(m) for k, m in self.number_kind_mask.items()}
        self.group_has = {g: self._entry_has(m) for g, m in self.group_mask.items()}
        self.group_named = {g: self._entry_names(m) for g, m in self.group_mask.items()}
        self.no_measure_name = ~np.any((self.entry_bits & self.measure_name_mask) != 0, axis=1)
        # groups a name leaves unstated, all at once: rows of what blocks and what costs
        self.group_order = list(self.group_mask)
        self.group_row = {g: i for i, g in enumerate(self.group_order)}
        blocks, costs = [], []
        for g in self.group_order:
            rule = self.rules.get(g, "stated")
            blocks.append(self.group_has[g] if rule == "strict" else np.zeros(len(self.facets), dtype=bool))
            weight = 0.0 if rule == "strict" else GROUP_PENALTY if rule == "stated" else ENTRY_ONLY_PENALTY
            costs.append(self.group_named[g] * weight)
        self.unstated_blocks = np.array(blocks).reshape(len(blocks), len(self.facets))
        self.unstated_costs = np.array(costs, dtype=float).reshape(len(costs), len(self.facets))
        self.weak_numbers = np.array([f.weak_numbers for f in self.facets])
        self.named_count = np.array([f.named_count for f in self.facets])
        self.weak_penalty = np.where(np.array([f.weak_numbers for f in self.facets]), WEAK_PENALTY, NUMBER_PENALTY)
        self.count_only = np.array([f.measures == {"count"} for f in self.facets])
        per_n = {"rate_per_10k", "rate_per_1k", "rate_per_100k"}
        self.per_n_rate = np.array([bool(f.measures) and f.measures <= per_n for f in self.facets])

    def _entry_has(self, mask: np.ndarray) -> np.ndarray:
        return np.any((self.entry_bits & mask) != 0, axis=1)

    def _entry_names(self, mask: np.ndarray) -> np.ndarray:  # stated by the entry's own name
        return np.any((self.primary_bits & mask) != 0, axis=1)

    def _mask(self, keys: list[str]) -> np.ndarray:
        m = np.zeros(self.n_words, dtype=np.uint64)
        for k in keys:
            b = self.bits[k]
            m[b // 64] |= np.uint64(1) << np.uint64(b % 64)
        return m

    def _query_bits(self, keys: list[str]) -> tuple[np.ndarray, bool]:
        """The query's bits; False when it states a value no entry has (nothing can agree)."""
        m = np.zeros(self.n_words, dtype=np.uint64)
        known = True
        for k in keys:
            b = self.bits.get(k)
            if b is None:
                known = False
                continue
            m[b // 64] |= np.uint64(1) << np.uint64(b % 64)
        return m, known

    # -- matching -----------------------------------------------------------------------
    def match(
        self,
        name: str,
        *,
        code: str | None = None,
        scopes: tuple[str, ...] = (),
        rule: FuzzyRule | None = None,
        candidates: int = 3,
        unit: str | None = None,
    ) -> Match:
        """Match a printed name. `unit` is what the printed value itself shows (`18%` → percent):
        an indicator measured in another unit is never the answer, whatever the name says."""
        rule = rule or FuzzyRule()
        return self._match(name, code, tuple(s for s in scopes if s), rule, candidates, unit)

    @lru_cache(maxsize=100_000)  # noqa: B019 - the matcher lives for one run; names repeat
    def _match(
        self, name: str, code: str | None, scopes: tuple[str, ...], rule: FuzzyRule, n: int, unit: str | None
    ) -> Match:
        reading = self.read(name)
        ranked = self._ranked(reading, scopes, max(n, 2), unit)
        for found in (self._by_code(reading, code, scopes), self._by_exact_or_alias(reading, scopes, unit)):
            if found is not None and units_agree(unit, self.mappings.indicators[found[0]].unit):
                indicator_id, method = found
                return Match(name, indicator_id, self._name(indicator_id), 100.0, method, ranked[:n])
        if ranked and rule.accepts(ranked[0].score, ranked[1].score if len(ranked) > 1 else 0.0, ranked[0].explained):
            best = ranked[0]
            return Match(name, best.indicator_id, best.name, best.score, "fuzzy", ranked[:n])
        ranked = ranked[:n]
        score = ranked[0].score if ranked else 0.0
        return Match(name, None, None, score, "unmatched", ranked)

    def _name(self, indicator_id: str) -> str:
        return self.mappings.indicators[indicator_id].name

    def _by_code(self, reading: Reading, code: str | None, scopes: tuple[str, ...]) -> tuple[str, str] | None:
        codes = list(reading.codes)
        council = None
        if code:
            given = self.vocab.read(code)
            codes = list(given.codes) + codes
            council = code_key(given.council_code or code)
            codes.append(code)
        for c in codes:
            found = self.by_code.get(code_key(c))
            if found:
                return found, "code"
        for c in (council, code_key(reading.council_code or "")):
            if not c:
                continue
            for scope in (*scopes, None):
                found = self.aliases.get(scope, {}).get(f"code:{c}")
                if found:
                    return found, "alias"
        return None

    def _by_exact_or_alias(
        self, reading: Reading, scopes: tuple[str, ...], unit: str | None = None
    ) -> tuple[str, str] | None:
        """The scoped aliases in order, the catalogue's own names, then the shared aliases; one
        whose indicator is measured in another unit than the printed value is passed over (a
        parser's `CiC` count alias does not decide the council's `children in care` percentage)."""
        key = reading.key
        if not key:
            return None
        found = [(self.aliases.get(scope, {}).get(key), "alias") for scope in scopes]
        found += [(self.exact.get(key), "exact"), (self.aliases.get(None, {}).get(key), "alias")]
        for indicator_id, method in found:
            if indicator_id and units_agree(unit, self.mappings.indicators[indicator_id].unit):
                return indicator_id, method
        return None

    def _allowed(self, r: Reading, unit: str | None) -> tuple[np.ndarray, np.ndarray]:
        """Which entries agree with every facet the name states, and what each pays for the
        facets it states that the name does not. Names that state the same facets get the
        same answer, so it is kept per set of facets."""
        timely = bool(_TIMELY.search(r.key))
        return self._allowed_for(r.measures, r.ages, r.numbers, r.named, r.quals, timely, unit)

    @lru_cache(maxsize=20_000)  # noqa: B019 - one matcher per run
    def _allowed_for(self, measures, ages, numbers, named, quals, timely: bool, unit: str | None):
        r = Reading("", "", measures, ages, numbers, named, quals, (), None)
        e = self.entry_bits
        n = len(self.facets)
        ok = np.ones(n, dtype=bool)
        penalty = np.zeros(n)

        def has_any(q: np.ndarray, mask: np.ndarray) -> np.ndarray:
            return np.any((e & (q & mask)) != 0, axis=1)

        # measure: a stated kind must be one the entry is measured in
        if r.measures:
            q, _ = self._query_bits(["m:" + m for m in r.measures])
            ok &= has_any(q, self.kind_mask["m"]) | self.unknown_measure
        elif any(_number_kind(x) == "time" for x in r.numbers) or timely:
            penalty += (self.named_count | self.count_only) * COUNT_PENALTY  # timeliness is a share
        else:
            penalty += np.where(self.per_n_rate, RATE_PENALTY, self.named_count * COUNT_PENALTY)
        if unit in _TYPED_UNITS:
            q, _ = self._query_bits(["m:" + m for m in UNIT_MEASURES[unit]])
            ok &= has_any(q, self.kind_mask["m"]) | self.unknown_measure

        # age bands, time / count thresholds, named numbers: when the name states some, the
        # entry must share one; when only the entry does, it pays
        for kind, values in (("a", [f"a:{a}" for a in r.ages]), ("k", ["k:" + x for x in r.named])):
            if values:
                q, _ = self._query_bits(values)
                ok &= has_any(q, self.kind_mask[kind])
            else:
                penalty += self.kind_named[kind] * (AGE_PENALTY if kind == "a" else ENTRY_ONLY_PENALTY)
        # Attainment 8, Progress 8, a 9-4 pass: the measure itself, named or not on both sides
        stated_measure_names = ["k:" + x for x in r.named if x in MEASURE_NAMES]
        if stated_measure_names:
            q_measure_names, _ = self._query_bits(stated_measure_names)
            ok &= ~np.any((e & self.measure_name_mask & ~q_measure_names) != 0, axis=1)
        else:
            ok &= self.no_measure_name
        # numbers: within each kind the name states (a time, a count, a distance), the entry
        # must share one; kinds the name does not state cost the entry
        stated_kinds: dict[str, list[str]] = {}
        for x in r.numbers:
            stated_kinds.setdefault(_number_kind(x), []).append("n:" + x)
        for kind, mask in self.number_kind_mask.items():
            values = stated_kinds.get(kind)
            if values:
                q, _ = self._query_bits(values)
                ok &= has_any(q, mask)
            elif kind == "time":
                if not timely:  # "in timescale" names no time: an entry with one is not narrower
                    penalty += self.number_kind_named[kind] * self.weak_penalty
            else:
                penalty += self.number_kind_named[kind] * NUMBER_PENALTY
        for kind in stated_kinds:
            if kind not in self.number_kind_mask:
                ok[:] = False

        # qualifiers, by each group's rule
        stated = {}
        for qv in r.quals:
            g = qv.split(":")[0]
            stated.setdefault(g, []).append("q:" + qv)
        # groups the name does not state: a strict group the entry has blocks it; a population
        # or pupil group only the entry names is part of the name's population and costs
        unstated = np.ones(len(self.group_order), dtype=bool)
        for g in stated:
            if g in self.group_row:
                unstated[self.group_row[g]] = False
        ok &= ~self.unstated_blocks[unstated].any(axis=0)
        penalty += self.unstated_costs[unstated].sum(axis=0)
        for g in stated:
            if g not in self.group_mask:
                continue
            mask, rule, values, ent = self.group_mask[g], self.rules.get(g, "stated"), stated[g], self.group_has[g]
            q, known = self._query_bits(values)
            q &= mask
            if rule == "conflict":
                ok &= ~ent | has_any(q, mask)
                continue
            if rule == "soft":  # conflicting values block; an entry naming none pays ...
                ok &= ~ent | has_any(q, mask)
                hard = [v for v in values if self.vocab.value_rules.get(v[2:]) == "stated"]
                if hard:  # ... unless the value's own rule is "stated"
                    qh, _ = self._query_bits(hard)
                    ok &= ~np.any((qh & ~e) != 0, axis=1)
                else:
                    penalty += ~ent * NUMBER_PENALTY
                continue
            missing = np.any((q & ~e) != 0, axis=1) | (not known)  # the name states a value the entry lacks
            ok &= ~missing
            if rule in ("strict", "same"):
                extra = np.any((e & mask & ~q) != 0, axis=1)
                ok &= ~extra
        for g in stated:  # a group no entry has: no entry can agree
            if g not in self.group_mask and self.rules.get(g) != "conflict":
                ok[:] = False
        ok.setflags(write=False)  # shared by every name with these facets
        penalty.setflags(write=False)
        return ok, penalty

    def _ranked(self, r: Reading, scopes: tuple[str, ...], n: int, unit: str | None = None) -> list[Candidate]:
        """The best-scoring indicators, one entry each, after the vetoes."""
        if not r.text:
            return []
        ok, penalty = self._allowed(r, unit)
        q_tokens = self._tokens(r.text)
        common = np.zeros(len(self.choice_text))
        q_weight = 0.0
        for tok in q_tokens:
            t = self.vocab_ids.get(tok)
            if t is None:
                q_weight += self.unseen_idf
                continue
            w = self.idf[t]
            q_weight += w
            common[self.postings[t]] += w
        in_scope = self._scope_mask(scopes)
        live = (common > 0) & in_scope
        n_live = int(np.count_nonzero(live))
        if n_live <= self.max_choices * n and np.unique(self.choice_owner[live]).size < n:
            # too few indicators share a word: list the closest anyway
            live = in_scope
        idx = np.nonzero(live)[0]
        if not len(idx):
            return []
        owner = self.choice_owner[idx]
        c, cw = common[idx], self.choice_weight[idx]
        w_dice, w_q, w_c, w_order = self.weights
        # IDF dice + share of the printed name explained + share of the choice found, less penalties
        words = 100 * c * (2 * w_dice / (q_weight + cw) + w_q / q_weight + w_c / cw) - penalty[owner]
        allowed = ok[owner]
        if len(idx) > PRUNE_ABOVE:
            # rapidfuzz only for the names that can still reach the top n: the order term adds
            # at most 100 * w_order, so a name whose best case is below the n-th best worst case
            # is out
            low = np.where(allowed, words, np.minimum(words, VETOED))
            high = np.where(allowed, words + 100 * w_order, np.minimum(words + 100 * w_order, VETOED))
            best_low = np.full(len(self.ids), -math.inf)
            np.maximum.at(best_low, owner, low)
            lows = best_low[best_low > -math.inf]
            floor = -np.partition(-lows, n - 1)[n - 1] if len(lows) >= n else -math.inf
            keep = high >= floor
            idx, owner, words, allowed = idx[keep], owner[keep], words[keep], allowed[keep]
        texts = self.choice_text
        order = process.cdist([r.text], [texts[i] for i in idx], scorer=fuzz.token_sort_ratio, workers=1)[0]
        score = words + w_order * order
        score = np.where(allowed, score, np.minimum(score, VETOED))
        best_of: dict[int, float] = {}  # each indicator's best name
        explained_of: dict[int, float] = {}
        shares = (common[idx] / q_weight).tolist()
        for o, sc, sh in zip(owner.tolist(), score.tolist(), shares, strict=True):
            if sc > best_of.get(o, -math.inf):
                best_of[o] = sc
                explained_of[o] = sh
        best = best_of.__getitem__
        top = list(best_of)
        if len(top) > 4 * n:  # only the few best need sorting (ties at the cut all kept)
            cut = sorted(best_of.values(), reverse=True)[4 * n]
            top = [o for o in top if best_of[o] >= cut]
        ranked = sorted(top, key=lambda i: (-best(i), self.ids[i]))[:n]
        return [Candidate(self.ids[i], self._name(self.ids[i]), float(best(i)), explained_of[i]) for i in ranked]

    @lru_cache(maxsize=1024)  # noqa: B019 - a handful of scope tuples per run
    def _scope_mask(self, scopes: tuple[str, ...]) -> np.ndarray:
        if not scopes:
            return self._global_choice
        return self._global_choice | np.array([s in scopes for s in self.choice_scope])


def _number_kind(tag: str) -> str:
    """A time (45d, 20w, 12m, 72h), a distance (n20mi<) or a count threshold (n3)."""
    if tag.endswith(("mi<", "mi>")):
        return "distance"
    if tag.startswith("n"):
        return "count"
    return "time"


# An entry of these domains is about this population even when its name does not say so.
_DOMAIN_POPULATION = {
    "children_in_care": ("cla",),
    "placements": ("cla",),
    "care_leavers": ("care_leaver",),
    "child_protection": ("cp",),
    "children_in_need": ("cin",),
}
