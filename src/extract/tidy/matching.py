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
points (those vetoes and penalties are in extract.tidy.match_filter). A name matches only when
the best indicator clears the threshold and leads the next indicator by the margin;
otherwise it is `unmatched` and keeps its top candidates for the review queue.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from extract.mappings import Mappings
from extract.settings import FuzzyRule, ScoreWeights
from extract.tidy.facets import UNIT_MEASURES, Reading, Vocabulary
from extract.tidy.match_filter import (
    DOMAIN_POPULATION,
    TYPED_UNITS,
    EntryFacets,
    FacetFilter,
    Page,
    number_kind,
)
from extract.tidy.wording import stem


@dataclass(frozen=True)
class Candidate:
    indicator_id: str
    name: str
    score: float
    explained: float = field(default=1.0, compare=False)  # share of the printed name's words the entry's names have
    allowed: bool = field(default=True, compare=False)  # agrees with every facet the printed name states


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


# score = 100 × (IDF dice + share of the printed name explained + share of the choice found
# + rapidfuzz token_sort_ratio), weighted; then the penalties of extract.tidy.match_filter
SCORE_WEIGHTS = (0.5, 0.15, 0.15, 0.2)
_BARE_CODE = re.compile(r"^\s*[A-Za-z]{1,6}\s?\d{1,4}[a-z]{0,2}\s*$")


def _sorted_words(text: str) -> str:
    """The words of a text in sorted order, as rapidfuzz's token_sort_ratio compares them."""
    return " ".join(sorted(text.split()))


def units_agree(printed: str | None, catalogue: str) -> bool:
    return printed not in TYPED_UNITS or catalogue not in TYPED_UNITS or printed == catalogue


def code_key(code: str) -> str:
    return re.sub(r"[\s\-–:/\\]", "", code).upper()


def code_stem(key: str) -> str:
    """A code without its part letter: NI102B and SCC042A are parts of NI102 and SCC042."""
    return re.sub(r"(?<=\d)[A-Z]+$", "", key)


# The code lists the catalogue carries whole for children's services (mappings/SOURCES.md): the
# National Indicators, Wales's SCC/ indicators and PM24-PM35. A code of one of them that no entry
# carries is a measure the catalogue lacks; Wales's PAM and 2020 codes are carried only in part.
LISTED_CODES = re.compile(r"^(NI|SCC|PM)\d")


class Matcher(FacetFilter):
    def __init__(self, mappings: Mappings, weights: ScoreWeights | None = None) -> None:
        self.mappings = mappings
        self.penalties = weights or ScoreWeights()  # Settings.match.weights: what facets cost an entry
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
        self.code_stems = {code_stem(k) for k in self.by_code}

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
            f.weak_numbers = {x for x in p.numbers if number_kind(x) == "time"} == {"12m"}
            f.named_count = bool(readings[0].measures - {"percent"}) or (
                ind.unit == "count" and any("count" in r.measures for r in facet_readings)
            )
            f.measures = set(UNIT_MEASURES.get(over.get("measure", ind.unit), set()))
            for band in filter(None, over.get("ages", "").split(",")):  # mappings/entry_facets.csv
                low, high = band.split("-")
                f.ages.add((int(low), int(high)))  # a fact of the entry, not a word of its name: costs nothing
            for g in ("population", *(k for k in over if k in self.rules and k != "population")):
                if over.get(g):  # a qualifier of the entry's definition (mappings/entry_facets.csv): costs nothing
                    given = {f"{g}:{v.strip()}" for v in over[g].split(",")}
                    f.quals |= given
                    f.implied |= given if g != "population" else set()  # a name leaving it unsaid is not refused
            f.quals |= {f"population:{p}" for p in DOMAIN_POPULATION.get(ind.domain, ())}
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
            also = ind.facet_overrides().get("also")  # a chart title or definition's wording
            for n in [ind.name, *ind.official_names, *([also] if also else [])]:
                texts.append(self.read(n).text)
                owners.append(self.index_of[ind.indicator_id])
                scopes.append(None)
        for alias in mappings.aliases:
            texts.append(self.read(alias.alias).text)
            owners.append(self.index_of[alias.indicator_id])
            scopes.append(alias.scope)
        self.choice_text = texts
        # the same strings with their words sorted, taken by index in one step: rapidfuzz's ratio of sorted
        # words is its token_sort_ratio, without sorting each choice's words again for every name
        self._choice_sorted = np.array([_sorted_words(t) for t in texts], dtype=object)
        self.choice_owner = np.array(owners, dtype=np.int32)
        self.choice_scope = scopes
        self._global_choice = np.array([s is None for s in scopes])
        self.max_choices = int(np.bincount(self.choice_owner).max()) if owners else 1  # names of one indicator
        self._build_token_index()
        self._build_facet_arrays()
        # Entries of the Welsh framework (facet nation=wales) stand for names in a Welsh council's
        # papers; elsewhere they pay weights.welsh, so that the English measure of the same name
        # (another timescale or definition) comes first when there is one.
        self.welsh_councils = frozenset(c["council_id"] for c in mappings.councils if c.get("nation") == "Wales")
        nations = [ind.facet_overrides().get("nation", "") for ind in mappings.indicators.values()]
        self.welsh_cost = np.array([self.penalties.welsh if n == "wales" else 0.0 for n in nations])

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
        rank_decided: bool = True,
        section: str | None = None,
    ) -> Match:
        """Match a printed name. `unit` is what the printed value itself shows (`18%` → percent):
        an indicator measured in another unit is never the answer, whatever the name says.
        rank_decided: list the candidates also when a code, the exact name or an alias decides (the
        `match` command shows them); the pipeline, which keeps candidates only for unmatched names,
        skips that ranking. `section`: the section or table title the row was read under (None when
        not known): it speaks for the population a name leaves unsaid (page_populations)."""
        rule = rule or FuzzyRule()
        page = self.page_populations(section)  # what the section says, not its words, keys the cache
        return self._match(name, code, tuple(s for s in scopes if s), rule, candidates, unit, rank_decided, page)

    def page_populations(self, section: str | None) -> Page:
        """The populations a section or table title states ("Children in Care – Performance" → cla) and
        their parts: None when there is no section or it states none (issue 9 round 14)."""
        quals = self.read(section).quals if section else frozenset()
        stated = {q.split(":", 1)[1] for q in quals if q.startswith("population:")}
        if not stated:
            return None
        parts: set[str] = set()
        while True:  # a part of a part (UASC of children in care of children in need)
            more = {part for part, whole in self.mappings.population_parts if whole in stated | parts} - parts - stated
            if not more:
                break
            parts |= more
        return tuple(sorted(stated)), tuple(sorted(parts))

    @lru_cache(maxsize=100_000)  # noqa: B019 - the matcher lives for one run; names repeat
    def _match(
        self, name: str, code: str | None, scopes: tuple[str, ...], rule: FuzzyRule, n: int, unit: str | None,
        rank_decided: bool = True, page: Page = None,
    ) -> Match:  # fmt: skip
        reading = self.read(name)
        if any(q.startswith("population:") for q in reading.quals):
            page = None  # the page speaks only for a population the name leaves unsaid
        decided = self._decide(reading, code, scopes, rule, n, unit, rank_decided, page)
        indicator_id, entry, score, method, ranked = decided
        return Match(name, indicator_id, entry, score, method, list(ranked))

    @lru_cache(maxsize=100_000)  # noqa: B019 - the matcher lives for one run
    def _decide(
        self, reading: Reading, code: str | None, scopes: tuple[str, ...], rule: FuzzyRule, n: int, unit: str | None,
        rank_decided: bool, page: Page,
    ) -> tuple[str | None, str | None, float, str, tuple[Candidate, ...]]:  # fmt: skip
        """The answer for a name as read: names that read alike ("... (Q1 2023/24)", "... (Q2 2023/24)": the
        period words are set apart) are decided once."""
        for found in (self._by_code(reading, code, scopes), self._by_exact_or_alias(reading, scopes, unit)):
            if found is not None and units_agree(unit, self.mappings.indicators[found[0]].unit):
                indicator_id, method = found
                ranked = self._ranked(reading, scopes, max(n, 2), unit, page)[0][:n] if rank_decided else []
                return indicator_id, self._name(indicator_id), 100.0, method, tuple(ranked)
        ranked, rival, plain_rival = self._ranked(reading, scopes, max(n, 2), unit, page)
        # an official code no entry carries (NI 39, NI 47) is a national measure the catalogue lacks:
        # its words name that measure, not the nearest entry's (issue 9 round 7)
        keys = [code_key(c) for c in reading.codes]
        listed = any(LISTED_CODES.match(k) for k in keys)
        unknown_code = listed and not any(code_stem(k) in self.code_stems for k in keys)
        # the lead is over the best other indicator the facets allow: a vetoed one is no rival
        anchored = bool(reading.numbers) and not reading.in_the_year  # a timescale or threshold the entry shares
        narrower = bool(ranked) and bool(self._narrower(reading, unit, page)[self.index_of[ranked[0].indicator_id]])
        if narrower and unit in TYPED_UNITS:
            plain_rival = max(plain_rival, self._plain_without_unit(reading, scopes, ranked[0].indicator_id, page))
        if (
            ranked
            and ranked[0].allowed
            and not unknown_code
            and not self._unimplied(reading, unit, page)[self.index_of[ranked[0].indicator_id]]
            and not (
                narrower and self._sibling_close(reading, scopes, unit, page, rule.sibling_margin, ranked[0], rival)
            )
            and rule.accepts(
                ranked[0].score,
                rival,
                ranked[0].explained,
                anchored,
                self._agreed(reading, ranked[0], unit, page),
                narrower,
                plain_rival,
            )
        ):
            best = ranked[0]
            return best.indicator_id, best.name, best.score, "fuzzy", tuple(ranked[:n])
        ranked = ranked[:n]
        score = ranked[0].score if ranked else 0.0
        return None, None, score, "unmatched", tuple(ranked)

    def _sibling_close(
        self, reading: Reading, scopes: tuple[str, ...], unit: str | None, page: Page, margin: float, best: Candidate,
        rival: float,
    ) -> bool:  # fmt: skip
        """An allowed entry narrower than the name in another way than the best scores within `margin` of it: the
        name does not say which (round 20). The lead over the best allowed rival bounds it: most names skip this."""
        if best.score - rival >= margin:
            return False
        other = self._differently_narrower(reading, unit, page, self.index_of[best.indicator_id])
        found = self._ranked(reading, scopes, 10, unit, page)[0][1:]
        return any(best.score - c.score < margin for c in found if c.allowed and other[self.index_of[c.indicator_id]])

    def _agreed(self, r: Reading, best: Candidate, unit: str | None, page: Page = None) -> bool:
        """The facets leave one entry, the best, and the name states both its measure (one kind) and
        its population (a population word or an age band), while the entry states nothing the name does
        not (it pays no penalty): every facet is stated on both sides and none contradicts (round 11)."""
        if len(r.measures) != 1 or not (r.ages or any(q.startswith("population:") for q in r.quals)):
            return False
        ok, penalty = self._allowed(r, unit, page)
        k = self.index_of[best.indicator_id]
        return bool(ok[k]) and penalty[k] == 0 and int(np.count_nonzero(ok)) == 1

    def _name(self, indicator_id: str) -> str:
        return self.mappings.indicators[indicator_id].name

    def _by_code(self, reading: Reading, code: str | None, scopes: tuple[str, ...]) -> tuple[str, str] | None:
        codes = list(reading.codes)
        # a name printing the codes of two entries (a paragraph listing SCC/011b, SCC/016, ...) names no one
        # measure: its codes decide nothing (docs/match-audit.md)
        if len({self.by_code[k] for k in map(code_key, codes) if k in self.by_code}) > 1:
            codes = []
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

    def _ranked(
        self, r: Reading, scopes: tuple[str, ...], n: int, unit: str | None = None, page: Page = None
    ) -> tuple[list[Candidate], float, float]:
        """The best-scoring indicators, one entry each, after the vetoes; the best score of an
        allowed indicator other than the first, and of one that is not narrower than the name
        (0 when there is none)."""
        if not r.text:
            return [], 0.0, 0.0
        ok, penalty = self._allowed(r, unit, page)
        if not self.welsh_councils.intersection(scopes):
            penalty = penalty + self.welsh_cost
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
            return [], 0.0, 0.0
        owner = self.choice_owner[idx]
        c, cw = common[idx], self.choice_weight[idx]
        w_dice, w_q, w_c, w_order = self.weights
        # IDF dice + share of the printed name explained + share of the choice found, less penalties
        words = 100 * c * (2 * w_dice / (q_weight + cw) + w_q / q_weight + w_c / cw) - penalty[owner]
        allowed = ok[owner]
        # the share of the printed name's words an entry has, over all its names (round 22), not the best one's only
        entry_share = np.zeros(len(self.ids))
        np.maximum.at(entry_share, owner, c / q_weight)
        if len(idx) > self.penalties.prune_above:
            # rapidfuzz only for the names that can still reach the top n: the order term adds
            # at most 100 * w_order, so a name whose best case is below the n-th best worst case
            # is out
            low = np.where(allowed, words, np.minimum(words, self.penalties.vetoed))
            high = np.where(allowed, words + 100 * w_order, np.minimum(words + 100 * w_order, self.penalties.vetoed))
            best_low = np.full(len(self.ids), -math.inf)
            np.maximum.at(best_low, owner, low)
            lows = best_low[best_low > -math.inf]
            floor = -np.partition(-lows, n - 1)[n - 1] if len(lows) >= n else -math.inf
            keep = high >= floor
            idx, owner, words, allowed = idx[keep], owner[keep], words[keep], allowed[keep]
        choices = self._choice_sorted[idx].tolist()
        order = process.cdist([_sorted_words(r.text)], choices, scorer=fuzz.ratio, workers=1)[0]
        score = words + w_order * order
        score = np.where(allowed, score, np.minimum(score, self.penalties.vetoed))
        # each indicator's best name: its highest score, the first of equal ones (a stable sort by
        # owner, then score); a name scored -inf or NaN is no indicator's best
        valid = score > -math.inf
        if not valid.all():
            owner, score, allowed = owner[valid], score[valid], allowed[valid]
        perm = np.lexsort((-score, owner))
        firsts = np.ones(len(perm), dtype=bool)
        firsts[1:] = owner[perm][1:] != owner[perm][:-1]
        sel = perm[firsts]
        owners, bests = owner[sel], score[sel]
        if len(sel) > 4 * n:  # only the few best need sorting (ties at the cut all kept)
            cut = -np.partition(-bests, 4 * n)[4 * n]
            top = np.nonzero(bests >= cut)[0].tolist()
        else:
            top = list(range(len(sel)))
        owner_of, best_of = owners.tolist(), bests.tolist()
        ids = self.ids
        ranked = sorted(top, key=lambda k: (-best_of[k], ids[owner_of[k]]))[:n]
        first = ranked[0] if ranked else -1
        rivals = allowed[sel]  # the best allowed indicator other than the first
        if first >= 0:
            rivals[first] = False
        rival = float(bests[rivals].max()) if rivals.any() else 0.0
        plain = rivals & ~self._narrower(r, unit, page)[owners]  # ... and the best of those not narrower than the name
        plain_rival = float(bests[plain].max()) if plain.any() else 0.0
        explained_of, allowed_of = entry_share[owners].tolist(), allowed[sel].tolist()
        found = [
            Candidate(ids[owner_of[k]], self._name(ids[owner_of[k]]), float(best_of[k]), explained_of[k], allowed_of[k])
            for k in ranked
        ]
        return found, float(rival), plain_rival

    @lru_cache(maxsize=1024)  # noqa: B019 - a handful of scope tuples per run
    def _scope_mask(self, scopes: tuple[str, ...]) -> np.ndarray:
        if not scopes:
            return self._global_choice
        return self._global_choice | np.array([s in scopes for s in self.choice_scope])
