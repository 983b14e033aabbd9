"""The facet filter of the matcher (extract.tidy.matching): which catalogue entries agree with what a
printed name states, and what each entry pays for what it states and the name does not.

Every entry's facets (read once by extract.tidy.facets from its name and official names) are kept
as bitsets, one row per entry, so that one printed name is checked against every entry at once
with numpy; names that state the same facets share one answer (cached).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from extract.tidy.facets import MEASURE_NAMES, UNIT_MEASURES, Reading

# What an entry pays per facet it states and the printed name does not: Settings.match.weights
# (ScoreWeights), read as `self.penalties` (set by the Matcher).
TYPED_UNITS = {"percent", "count", "rate_per_10k", "rate_per_1k", "rate_per_100k", "gbp"}
TIMELY = re.compile(r"\b(timescales?|on time|in time|timely|timeliness)\b")
# The populations a row's page states (its section or table title), for a name that states none, and their
# parts (mappings/population_parts.csv); None when the page is not known or states none
# (extract.tidy.matching.Matcher.page_populations).
Page = tuple[tuple[str, ...], tuple[str, ...]] | None


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
    # qualifiers only its definition states (mappings/entry_facets.csv: the funded 2-year-old offer is for
    # disadvantaged children): a name stating one agrees, a name leaving it unsaid is not refused (round 18)
    implied: set[str] = field(default_factory=set)


class FacetFilter:
    """The vetoes and penalties of facets; mixed into extract.tidy.matching.Matcher, which sets
    `facets`, `rules` and `vocab` before calling `_build_facet_arrays`."""

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
        self.entry_age_bands = sorted({a for f in self.facets for a in f.ages})
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
                kinds.setdefault(number_kind(v[2:]), []).append(v)
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
        own = [{q.split(":")[0] for q in f.quals - f.implied} for f in self.facets]  # implied: not what refuses
        self.group_stated = {g: np.array([g in o for o in own], dtype=bool) for g in self.group_mask}
        self.group_named = {g: self._entry_names(m) for g, m in self.group_mask.items()}
        self.no_measure_name = ~np.any((self.entry_bits & self.measure_name_mask) != 0, axis=1)
        # an entry whose own name bounds the children from above ("under 16", 0-15; the default 0-17 is
        # no band): a part of all children, never the answer to a name that states no age (round 8)
        self.under_age_named = self._entry_names(self._mask([v for v in values if v.startswith("a:(0,")]))
        # groups a name leaves unstated, all at once: rows of what blocks and what costs
        self.group_order = list(self.group_mask)
        self.group_row = {g: i for i, g in enumerate(self.group_order)}
        blocks, costs, narrower = [], [], []
        for g in self.group_order:
            rule = self.rules.get(g, "stated")
            blocks.append(self.group_stated[g] if rule == "strict" else np.zeros(len(self.facets), dtype=bool))
            cost = self.penalties
            # a denominator ("of children in care") the name leaves unsaid costs nothing: most names do
            # "needed" (round 20): what the name states the entry must, and an entry stating it alone pays nothing
            # and is no narrower (what a measure is about, which a page or a heading may leave unsaid)
            free = ("strict", "denominator", "needed")
            weight = 0.0 if rule in free else cost.group if rule == "stated" else cost.entry_only
            costs.append(self.group_named[g] * weight)
            narrower.append(self.group_named[g] & (rule not in free))
        self.unstated_blocks = np.array(blocks).reshape(len(blocks), len(self.facets))
        self.unstated_costs = np.array(costs, dtype=float).reshape(len(costs), len(self.facets))
        self.unstated_narrower = np.array(narrower, dtype=bool).reshape(len(narrower), len(self.facets))
        # ... and their totals over every group: a name states few groups, so what the groups it leaves
        # unstated block, cost and narrow is the total less the rows of those it states (counts, and costs
        # when every cost is a whole number of points, so that the difference is exact)
        self.unstated_block_count = self.unstated_blocks.sum(axis=0, dtype=np.int64)
        self.unstated_narrow_count = self.unstated_narrower.sum(axis=0, dtype=np.int64)
        self.unstated_cost_total = self.unstated_costs.sum(axis=0)
        self.whole_costs = bool(np.all(self.unstated_costs == np.rint(self.unstated_costs)))
        # each word of the bitsets as one row over the entries (contiguous), and its complement
        self.entry_cols = np.ascontiguousarray(self.entry_bits.T)
        self.entry_cols_lack = ~self.entry_cols
        self.kind_bits = {k: self._int_mask(m) for k, m in self.kind_mask.items()}
        self.number_kind_bits = {k: self._int_mask(m) for k, m in self.number_kind_mask.items()}
        self.measure_name_bits = self._int_mask(self.measure_name_mask)
        self.group_bits = {g: self._int_mask(m) for g, m in self.group_mask.items()}
        self.weak_numbers = np.array([f.weak_numbers for f in self.facets])
        self.named_count = np.array([f.named_count for f in self.facets])
        self.weak_penalty = np.where(self.weak_numbers, self.penalties.weak_number, self.penalties.number)
        self.count_only = np.array([f.measures == {"count"} for f in self.facets])
        per_n = {"rate_per_10k", "rate_per_1k", "rate_per_100k"}
        # a rate per N, or money: a name about either says so (per 10,000; £, spend, budget)
        self.per_n_rate = np.array([bool(f.measures) and f.measures <= per_n | {"gbp"} for f in self.facets])
        # a concept's stem and the population it implies (mappings/population_concepts.csv: a placement is a
        # child in care's), read from a name that states no population (issue 9 round 23)
        self.concepts = [(re.compile(r"\b" + re.escape(s)), p) for s, p in self.mappings.population_concepts]

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

    def _query_bits(self, keys: list[str]) -> tuple[int, bool]:
        """The query's bits (as one int); False when it states a value no entry has (nothing can agree)."""
        m = 0
        known = True
        for k in keys:
            b = self.bits.get(k)
            if b is None:
                known = False
                continue
            m |= 1 << b
        return m, known

    def _int_mask(self, mask: np.ndarray) -> int:
        return sum(int(w) << (64 * i) for i, w in enumerate(mask.tolist()))

    def _having(self, q: int) -> np.ndarray:
        """The entries that have any bit of q: np.any(entry_bits & q != 0, axis=1), one word of q at a time."""
        return self._per_word(self.entry_cols, q)

    def _lacking(self, q: int) -> np.ndarray:
        """The entries that lack some bit of q: np.any(q & ~entry_bits != 0, axis=1)."""
        return self._per_word(self.entry_cols_lack, q)

    def _per_word(self, cols: np.ndarray, q: int) -> np.ndarray:
        out = np.zeros(cols.shape[1], dtype=bool)
        word = 0
        while q:
            part = q & 0xFFFF_FFFF_FFFF_FFFF
            if part:
                out |= (cols[word] & np.uint64(part)) != 0
            q >>= 64
            word += 1
        return out

    def _allowed(self, r: Reading, unit: str | None, page: Page = None) -> tuple[np.ndarray, np.ndarray]:
        """Which entries agree with every facet the name states, and what each pays for the
        facets it states that the name does not. Names that state the same facets get the
        same answer, so it is kept per set of facets."""
        return self._facet_answer(r, unit, page)[:2]

    def _narrower(self, r: Reading, unit: str | None, page: Page = None) -> np.ndarray:
        """The entries narrower than the name: each states a population part, qualifier, named number,
        age band or timescale / threshold the name does not (what it pays for), other than its measure
        and "in the year" (a count's reporting period). Round 13's acceptance rule: such an entry is the
        answer only when it leads every allowed entry that is not narrower by `narrow_margin`."""
        return self._facet_answer(r, unit, page)[2]

    def _unimplied(self, r: Reading, unit: str | None, page: Page = None) -> np.ndarray:
        """For a name whose concept every child has (attendance, missing: mappings/population_concepts.csv `all`) and
        that, with its page, states no population: the entries whose own name states a population no word of the name
        implies (round 23: 'Primary school attendance' is not the children in care's). Such an entry is never the
        answer, and is still a rival (the name is about a measure the catalogue may lack)."""
        return self._facet_answer(r, unit, page)[3]

    def _plain_without_unit(self, reading: Reading, scopes: tuple[str, ...], best: str, page: Page) -> float:
        """The best score of an entry other than `best` that the words alone allow and that is not narrower
        than the name: the entry the words name when the printed unit vetoes it (a count entry for a
        printed %) still speaks against an entry narrower than the name (docs/match-audit.md)."""
        found = self._ranked(reading, scopes, 5, None, page)[0]
        narrower = self._narrower(reading, None, page)
        plain = [c for c in found if c.allowed and c.indicator_id != best]
        return max((c.score for c in plain if not narrower[self.index_of[c.indicator_id]]), default=0.0)

    def _differently_narrower(self, r: Reading, unit: str | None, page: Page, best: int) -> np.ndarray:
        """The entries narrower than the name that are no narrowing of entry `best`: each states something the
        name does not, and not all that `best` states beyond it (another event, kind or population). Between
        two such entries the name chooses neither (issue 9 round 20: 'Special schools' is not the special
        schools' suspensions more than their absence)."""
        said = {"q:" + q for q in r.quals} | {f"a:{a}" for a in r.ages} | {"n:" + x for x in r.numbers}
        said |= {"k:" + x for x in r.named}
        adds = self._mask([k for k in self.facets[best].primary if k not in said])
        narrowing = np.all((self.primary_bits & adds) == adds, axis=1)
        return self._narrower(r, unit, page) & ~narrowing

    # asked up to four times for a name, one call after another: a few recent readings are enough (each
    # answer holds three arrays over the entries; _allowed_for bounds how many distinct ones live)
    @lru_cache(maxsize=256)  # noqa: B019 - one matcher per run
    def _facet_answer(
        self, r: Reading, unit: str | None, page: Page = None
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        timely = bool(TIMELY.search(r.key))
        implied = tuple(sorted({"q:population:" + p for rx, p in self.concepts if rx.search(r.key)}))
        if "q:population:all" not in implied:  # the name's concept is not one every child has: nothing to refuse
            implied = None
        return self._allowed_for(
            r.measures, r.ages, r.numbers, r.named, r.quals, timely, unit, r.in_the_year, r.excluded, page, implied
        )

    @lru_cache(maxsize=20_000)  # noqa: B019 - one matcher per run
    def _allowed_for(
        self, measures, ages, numbers, named, quals, timely: bool, unit: str | None, in_the_year: bool, excluded=(),
        page: Page = None, implied: tuple[str, ...] | None = None,
    ):  # fmt: skip
        r = Reading("", "", measures, ages, numbers, named, quals, (), None)
        n = len(self.facets)
        ok = np.ones(n, dtype=bool)
        penalty = np.zeros(n)
        narrow = np.zeros(n, dtype=bool)  # pays for a facet the name lacks, other than measure or "in the year"
        unimplied = np.zeros(n, dtype=bool)  # about a population neither the name, its concept nor its page states
        has_any, lacks_any = self._having, self._lacking  # (bitsets as ints: see _query_bits)

        # measure: a stated kind must be one the entry is measured in
        if r.measures:
            q, _ = self._query_bits(["m:" + m for m in r.measures])
            ok &= has_any(q & self.kind_bits["m"]) | self.unknown_measure
        elif unit in TYPED_UNITS:
            pass  # the printed value's unit says what is measured (checked below): nothing to guess
        elif (any(number_kind(x) == "time" for x in r.numbers) and not in_the_year) or timely:
            # a timescale makes it a share; "in the year" is only the reporting period
            penalty += (self.named_count | self.count_only) * self.penalties.timely_count  # timeliness is a share
        else:
            penalty += np.where(self.per_n_rate, self.penalties.rate, self.named_count * self.penalties.count)
        if unit in TYPED_UNITS:
            q, _ = self._query_bits(["m:" + m for m in UNIT_MEASURES[unit]])
            ok &= has_any(q & self.kind_bits["m"]) | self.unknown_measure

        # age bands, time / count thresholds, named numbers: when the name states some, the
        # entry must share one; when only the entry does, it pays
        # "aged 10 or over" (an open band) agrees with an entry's band from the same age ("aged 10-17")
        open_bands = [f"a:{b}" for a in r.ages if a[1] == 99 for b in self.entry_age_bands if b[0] == a[0]]
        for kind, values in (("a", [f"a:{a}" for a in r.ages] + open_bands), ("k", ["k:" + x for x in r.named])):
            if values:
                q, _ = self._query_bits(values)
                ok &= has_any(q & self.kind_bits[kind])
            else:
                penalty += self.kind_named[kind] * (self.penalties.age if kind == "a" else self.penalties.entry_only)
                narrow |= self.kind_named[kind]
                if kind == "a":  # children under 16 are not all the children a name without an age counts
                    ok &= ~self.under_age_named
        # a level (Level 2, Level 4) is the standard the measure counts: each one the name states must be the entry's,
        # beside a key stage they share (round 20: KS2 Level 4+ is not the expected standard that replaced it)
        for v in (x for x in r.named if x.startswith("level")):
            ok &= has_any(self._query_bits(["k:" + v])[0] & self.kind_bits["k"])
        # Attainment 8, Progress 8, a 9-4 pass: the measure itself, named or not on both sides
        stated_measure_names = ["k:" + x for x in r.named if x in MEASURE_NAMES]
        if stated_measure_names:
            q_measure_names, _ = self._query_bits(stated_measure_names)
            ok &= ~has_any(self.measure_name_bits & ~q_measure_names)
        else:
            ok &= self.no_measure_name
        # numbers: within each kind the name states (a time, a count, a distance), the entry
        # must share each; kinds the name does not state cost the entry
        stated_kinds: dict[str, list[str]] = {}
        for x in r.numbers:
            stated_kinds.setdefault(number_kind(x), []).append("n:" + x)
        for kind, mask in self.number_kind_bits.items():
            values = stated_kinds.get(kind)
            if values:
                q, _ = self._query_bits(values)
                if kind == "time" and in_the_year:
                    timeless = ~has_any(mask)
                    ok &= has_any(q & mask) | timeless
                    penalty += timeless * self.penalties.year_only
                else:  # every one the name states (round 7: "for 4 years ... same placement for 2 years" is
                    for v in values:  # not the 2.5-year stability entry because it shares the 2 years)
                        ok &= has_any(self._query_bits([v])[0] & mask)
            elif kind == "time":
                if not timely:  # "in timescale" names no time: an entry with one is not narrower
                    penalty += self.number_kind_named[kind] * self.weak_penalty
                    narrow |= self.number_kind_named[kind] & ~self.weak_numbers  # "during the year" is no timescale
            else:
                penalty += self.number_kind_named[kind] * self.penalties.number
                narrow |= self.number_kind_named[kind]
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
        rows = [self.group_row[g] for g in stated if g in self.group_row]
        pop_row = self.group_row.get("population")
        page_speaks = page is not None and pop_row is not None and pop_row not in rows
        if rows:
            ok &= self.unstated_block_count == self.unstated_blocks[rows].sum(axis=0, dtype=np.int64)
            if self.whole_costs:
                penalty += self.unstated_cost_total - self.unstated_costs[rows].sum(axis=0)
            else:  # (a fraction of a point: added up in order, as the totals are)
                unstated = np.ones(len(self.group_order), dtype=bool)
                unstated[rows] = False
                penalty += self.unstated_costs[unstated].sum(axis=0)
            narrow_count = self.unstated_narrow_count - self.unstated_narrower[rows].sum(axis=0, dtype=np.int64)
        else:
            ok &= self.unstated_block_count == 0
            penalty += self.unstated_cost_total
            narrow_count = self.unstated_narrow_count
        if page_speaks:  # the page states the population the name leaves unsaid (issue 9 round 14): an entry
            # whose name states another is refused; one about the page's pays nothing and is not narrower
            narrow_count = narrow_count - self.unstated_narrower[pop_row]
        narrow |= narrow_count > 0
        if page_speaks:
            stated_pops, part_pops = page
            mask = self.group_bits["population"]
            agree = has_any(self._query_bits(["q:population:" + v for v in stated_pops])[0] & mask)
            ok &= ~self.group_named["population"] | agree
            # an entry about a population only by its domain or facets (strategy discussions: child protection)
            # may be about a part of the page's (mappings/population_parts.csv: a plan is part of "in need")
            whole = has_any(self._query_bits(["q:population:" + v for v in stated_pops + part_pops])[0] & mask)
            ok &= ~self.group_has["population"] | whole
            penalty = penalty - self.unstated_costs[pop_row] * agree
        elif implied is not None and pop_row is not None and pop_row not in rows:
            # neither the name nor its page states a population and its concept is every child's (round 23): an entry
            # whose own name states one is about a part of the children the name counts, the answer only when a word
            # of the name implies it ('attendance in placements': mappings/population_concepts.csv)
            implies = has_any(self._query_bits(list(implied))[0] & self.group_bits["population"])
            unimplied = self.group_named["population"] & ~implies
        for g in stated:
            if g not in self.group_mask:
                continue
            mask, rule, values, ent = self.group_bits[g], self.rules.get(g, "stated"), stated[g], self.group_has[g]
            q, known = self._query_bits(values)
            q &= mask
            if rule in ("conflict", "denominator"):
                # one value: an entry naming another is another indicator; several ("adoption and
                # special guardianship"): the name is their sum, an entry naming only some is a part
                ok &= ~ent | (has_any(q) if len(values) == 1 else ~lacks_any(q))
                continue
            if rule == "soft":  # conflicting values block; an entry naming none pays ...
                ok &= ~ent | has_any(q)
                hard = [v for v in values if self.vocab.value_rules.get(v[2:]) == "stated"]
                if hard:  # ... unless the value's own rule is "stated"
                    qh, _ = self._query_bits(hard)
                    ok &= ~lacks_any(qh)
                else:
                    penalty += ~ent * self.penalties.number
                    narrow |= ~ent
                continue
            missing = lacks_any(q) | (not known)  # the name states a value the entry lacks
            ok &= ~missing
            if rule in ("strict", "same") or any(self.vocab.value_rules.get(v[2:]) == "same" for v in values):
                # a value whose own rule is "same" (secure): an entry naming it with others is a sum
                extra = has_any(mask & ~q)
                ok &= ~extra
        for g in stated:  # a group no entry has: no entry can agree
            if g not in self.group_mask and self.rules.get(g) not in ("conflict", "denominator"):
                ok[:] = False
        if excluded:  # "children in care excluding UASC": an entry about the UASC is another count
            q_excluded, _ = self._query_bits(["q:" + v for v in excluded])
            ok &= ~has_any(q_excluded)
        for a in (ok, penalty, narrow, unimplied):
            a.setflags(write=False)  # shared by every name with these facets
        return ok, penalty, narrow, unimplied


def number_kind(tag: str) -> str:
    """A time (45d, 20w, 12m, 72h), a distance (n20mi<) or a count threshold (n3)."""
    if tag.endswith(("mi<", "mi>")):
        return "distance"
    if tag.startswith("n"):
        return "count"
    return "time"


# An entry of these domains is about this population even when its name does not say so.
DOMAIN_POPULATION = {
    "children_in_care": ("cla",),
    "placements": ("cla",),
    "care_leavers": ("care_leaver",),
    "child_protection": ("cp",),
    "children_in_need": ("cin",),
}
