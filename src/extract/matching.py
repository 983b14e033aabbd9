"""Matching printed indicator names to the catalogue: the one place that decides an indicator_id.

Order: code (a printed `SCC/010`), exact (normalised name), alias (normalised alias; the
parser's and the council's own alias files first), fuzzy (rapidfuzz) above a threshold.
Fuzzy candidates are vetoed when they disagree on what tells indicators apart: the numbers
in the name (17-18 vs 19-21, 16 vs 20 weeks), the unit (a rate per 10,000 vs a count),
and contrast words from mappings/contrast_words.csv (primary vs secondary, draft vs final).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from extract.mappings import Mappings
from extract.settings import FuzzyRule

_PUNCT = re.compile(r"[^\w%&/+ ]+")
_SPACE = re.compile(r"\s+")
_CODE_PREFIX = re.compile(r"^\s*(?:[A-Z]{2,5}\s?/\s?\d+[a-z]*|CSPI\s?\d+|KPI\s?\d+[a-z]?)\s*[-–:]?\s*", re.I)
# Filler words that carry no meaning for telling indicators apart.
_FILLER = {"the", "of", "a", "an", "who", "which", "that", "with", "are", "is", "were", "was", "by", "for", "as"}


@dataclass(frozen=True)
class Candidate:
    indicator_id: str
    name: str
    score: float


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


class Normaliser:
    """Lower case, abbreviations expanded, punctuation and filler words dropped."""

    def __init__(self, abbreviations: list[tuple[str, str]]) -> None:
        # Longest first, so that `cp plan` wins over `cp`.
        ordered = sorted(abbreviations, key=lambda a: -len(a[0]))
        self._rules = [(re.compile(rf"(?<![\w]){re.escape(a)}(?![\w])"), e) for a, e in ordered]

    @lru_cache(maxsize=50_000)  # noqa: B019 - one normaliser per run; names repeat across documents
    def __call__(self, text: str) -> str:
        t = _CODE_PREFIX.sub("", text).lower()
        t = t.replace("’", "'").replace("'s ", " ").replace("-", " ").replace("–", " ")
        t = re.sub(r"(\d),(\d{3})", r"\1\2", t)  # 10,000 → 10000
        t = re.sub(r"(\d)\+", r"\1 plus", t)
        t = re.sub(r"(\d)\s*(yrs?|years?)\b", r"\1 years", t)
        t = _PUNCT.sub(" ", t)
        t = re.sub(r"(?<=\w)/(?=\w)", " / ", t)
        t = _SPACE.sub(" ", t).strip()
        for pattern, expansion in self._rules:
            t = pattern.sub(expansion, t)
        t = _PUNCT.sub(" ", t.replace("/", " "))
        words = [w for w in t.split() if w not in _FILLER]
        return " ".join(words)


VETOED = 45.0  # a vetoed candidate's score: listed as a candidate, never accepted


def numbers_in(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\d+(?:\.\d+)?", text))


def unit_hint(normalised: str) -> str | None:
    if re.search(r"\bper 10000\b|\bper 1000\b|\brate per\b", normalised):
        return "rate"
    if re.search(r"\bpercent\b|\bproportion\b", normalised):
        return "percent"
    if re.search(r"^(number|count|total)\b|\bnumber of\b|^average\b", normalised):
        return "count"
    return None


# Units that say what a number is; the others (days, score, ratio, unknown) say too little to veto.
_TYPED_UNITS = {"percent", "count", "rate_per_10k", "rate_per_1k", "gbp"}


def units_agree(printed: str | None, catalogue: str) -> bool:
    return printed not in _TYPED_UNITS or catalogue not in _TYPED_UNITS or printed == catalogue


def unit_hint_of_catalogue(unit: str) -> str | None:
    return {"percent": "percent", "rate_per_10k": "rate", "rate_per_1k": "rate", "count": "count"}.get(unit)


class Matcher:
    def __init__(self, mappings: Mappings) -> None:
        self.mappings = mappings
        self.normalise = Normaliser(mappings.abbreviations)
        self.by_code: dict[str, str] = {}
        for ind in mappings.indicators.values():
            for code in ind.codes:
                self.by_code[_code_key(code)] = ind.indicator_id
        self.exact: dict[str, str] = {}
        for ind in mappings.indicators.values():
            self.exact.setdefault(self.normalise(ind.name), ind.indicator_id)
        # alias lookups per scope (None = global)
        self.aliases: dict[str | None, dict[str, str]] = {}
        for alias in mappings.aliases:
            self.aliases.setdefault(alias.scope, {})[self.normalise(alias.alias)] = alias.indicator_id
        # fuzzy choices: every catalogue name and every alias, normalised
        self._choices: list[str] = []
        self._choice_ids: list[str] = []
        self._choice_scopes: list[str | None] = []
        for ind in mappings.indicators.values():
            self._add_choice(self.normalise(ind.name), ind.indicator_id, None)
        for alias in mappings.aliases:
            self._add_choice(self.normalise(alias.alias), alias.indicator_id, alias.scope)
        self._index = TokenIndex(self._choices)
        self._contrast_groups = [({stem(w) for w in g}, strict) for g, strict in mappings.contrast_groups.values()]

    def _add_choice(self, text: str, indicator_id: str, scope: str | None) -> None:
        if text:
            self._choices.append(text)
            self._choice_ids.append(indicator_id)
            self._choice_scopes.append(scope)

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

    @lru_cache(maxsize=50_000)  # noqa: B019 - the matcher lives for one run; names repeat
    def _match(
        self, name: str, code: str | None, scopes: tuple[str, ...], rule: FuzzyRule, n: int, unit: str | None
    ) -> Match:
        ranked = self._ranked(name, scopes, max(n, 2), unit)
        for found in (self._by_code(name, code), self._by_exact_or_alias(name, scopes)):
            if found is not None and units_agree(unit, self.mappings.indicators[found[0]].unit):
                indicator_id, method = found
                return Match(name, indicator_id, self._name(indicator_id), 100.0, method, ranked[:n])
        if ranked and rule.accepts(ranked[0].score, ranked[1].score if len(ranked) > 1 else 0.0):
            best = ranked[0]
            return Match(name, best.indicator_id, best.name, best.score, "fuzzy", ranked[:n])
        ranked = ranked[:n]
        score = ranked[0].score if ranked else 0.0
        return Match(name, None, None, score, "unmatched", ranked)

    def _name(self, indicator_id: str) -> str:
        return self.mappings.indicators[indicator_id].name

    def _by_code(self, name: str, code: str | None) -> tuple[str, str] | None:
        codes = [code] if code else []
        m = _CODE_PREFIX.match(name)
        if m:
            codes.append(m.group(0))
        for c in codes:
            found = self.by_code.get(_code_key(c))
            if found:
                return found, "code"
        return None

    def _by_exact_or_alias(self, name: str, scopes: tuple[str, ...]) -> tuple[str, str] | None:
        key = self.normalise(name)
        if not key:
            return None
        for scope in scopes:
            found = self.aliases.get(scope, {}).get(key)
            if found:
                return found, "alias"
        if key in self.exact:
            return self.exact[key], "exact"
        found = self.aliases.get(None, {}).get(key)
        if found:
            return found, "alias"
        return None

    def _ranked(self, name: str, scopes: tuple[str, ...], n: int, unit: str | None = None) -> list[Candidate]:
        """The best-scoring indicators, one entry each, after the vetoes."""
        query = self.normalise(name)
        if not query:
            return []
        q_numbers, q_unit = numbers_in(query), unit_hint(query)
        q_words = {stem(w) for w in query.split()}
        q_tokens = self._index.tokens(query)
        best: dict[str, float] = {}
        for index, choice in enumerate(self._choices):
            scope = self._choice_scopes[index]
            if scope is not None and scope not in scopes:
                continue
            score = self._index.score(query, q_tokens, index)
            indicator_id = self._choice_ids[index]
            ind = self.mappings.indicators[indicator_id]
            score = self._adjust(score, q_numbers, q_unit, q_words, choice, ind.unit)
            if not units_agree(unit, ind.unit):
                score = min(score, VETOED)
            if score > best.get(indicator_id, -1):
                best[indicator_id] = score
        ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
        return [Candidate(i, self._name(i), s) for i, s in ranked]

    def _adjust(self, score: float, q_numbers, q_unit, q_words: set[str], choice: str, unit: str) -> float:
        c_numbers = numbers_in(choice)
        if c_numbers - q_numbers and q_numbers:
            # the candidate names a number the query does not (19-21 vs 17-18, 20 vs 16 weeks)
            return min(score, VETOED)
        if c_numbers and not q_numbers:
            # the name does not say which age band or timescale: don't pick one for it
            score -= 15.0
        elif q_numbers != c_numbers:
            score -= 5.0
        c_unit = unit_hint(choice) or unit_hint_of_catalogue(unit)
        if q_unit and c_unit and q_unit != c_unit:
            return min(score, VETOED)
        c_words = {stem(w) for w in choice.split()}
        for words, strict in self._contrast_groups:
            q_side, c_side = q_words & words, c_words & words
            # strict groups: presence must agree; others: only a conflict when both name one
            if q_side != c_side and (strict or (q_side and c_side)):
                return min(score, VETOED)
        return score


def _code_key(code: str) -> str:
    return re.sub(r"[\s\-–:]", "", code).upper()


def stem(word: str) -> str:
    """A light stem so that `placements`/`placement` and `reviewed`/`review` meet."""
    for suffix in ("ings", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


class TokenIndex:
    """Scores a query against every choice: IDF-weighted token overlap blended with rapidfuzz.

    Plain edit-distance scorers rate `percent children in care …` close to every other
    `percent children in care …` name; weighting words by how rare they are across the
    catalogue makes the words that tell indicators apart (`placements`, `stability`) count.
    """

    def __init__(self, choices: list[str]) -> None:
        self.choice_tokens = [self.tokens(c) for c in choices]
        self.choices = choices
        counts: dict[str, int] = {}
        for tokens in self.choice_tokens:
            for t in tokens:
                counts[t] = counts.get(t, 0) + 1
        total = max(len(choices), 1)
        self.idf = {t: math.log((1 + total) / (1 + c)) + 0.2 for t, c in counts.items()}
        self.unseen_weight = math.log(1 + total) + 0.2

    @staticmethod
    def tokens(text: str) -> frozenset[str]:
        return frozenset(stem(w) for w in text.split())

    def weight(self, tokens: frozenset[str]) -> float:
        return sum(self.idf.get(t, self.unseen_weight) for t in tokens)

    def score(self, query: str, q_tokens: frozenset[str], index: int) -> float:
        c_tokens = self.choice_tokens[index]
        common = q_tokens & c_tokens
        dice = 2 * self.weight(common) / (self.weight(q_tokens) + self.weight(c_tokens)) if common else 0.0
        order = fuzz.token_sort_ratio(query, self.choices[index]) / 100
        return 100 * (0.75 * dice + 0.25 * order)
