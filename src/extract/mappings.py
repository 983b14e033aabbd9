"""The reviewed CSV data under mappings/: catalogue, aliases, matching vocabularies, councils.

Mappings ship inside the installed package (`extract_mappings`, built from the repo's
`mappings/` folder), so the tool never needs anything outside itself at run time.
`EXTRACT_MAPPINGS` points at another folder (tests, or a maintainer's working copy).
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from extract.errors import MappingError

CATALOGUE_COLUMNS = (
    "indicator_id",
    "name",
    "definition",
    "unit",
    "polarity",
    "domain",
    "welsh_code",
    "dfe_dashboard_measure",
    "lait_measure",
    "official_codes",
)
# Catalogue columns the matcher reads besides those of catalogue.parquet (SCHEMA.md).
MATCHING_COLUMNS = ("facets", "source")
QUALIFIER_RULES = ("strict", "stated", "conflict", "same", "soft", "denominator", "needed")


def mappings_dir() -> Path:
    override = os.environ.get("EXTRACT_MAPPINGS")
    if override:
        return Path(override)
    import extract_mappings

    return Path(extract_mappings.__file__).parent


def read_csv(path: Path, required: tuple[str, ...]) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise MappingError(f"{path}: missing columns {missing}")
        rows = []
        for lineno, row in enumerate(reader, start=2):
            if None in row:
                raise MappingError(f"{path}:{lineno}: more fields than the header")
            rows.append({k: (v or "").strip() for k, v in row.items()})
        return rows


@dataclass(frozen=True)
class Indicator:
    indicator_id: str
    name: str
    definition: str
    unit: str
    polarity: str
    domain: str
    welsh_code: str
    dfe_dashboard_measure: str
    lait_measure: str
    official_codes: str = ""  # "SCC/004|PM33|NI 62"
    facets: str = ""  # facets the name cannot say, as "measure=rate_per_100k; population=cla"
    source: str = ""

    @property
    def codes(self) -> list[str]:
        codes = [c.strip() for c in self.welsh_code.split("|") if c.strip()]
        return codes + [c.strip() for c in self.official_codes.split("|") if c.strip() and c.strip() not in codes]

    @property
    def official_names(self) -> list[str]:
        return [n for n in (self.dfe_dashboard_measure, self.lait_measure) if n]

    def facet_overrides(self) -> dict[str, str]:
        out = {}
        for part in self.facets.split(";"):
            if "=" in part:
                k, v = part.split("=", 1)
                out[k.strip()] = v.strip()
        return out


@dataclass(frozen=True)
class Alias:
    alias: str
    indicator_id: str
    scope: str | None  # None: global; else a parser name or council GSS code


@dataclass
class Mappings:
    root: Path
    indicators: dict[str, Indicator]
    aliases: list[Alias]
    abbreviations: list[tuple[str, str]]
    synonyms: list[tuple[str, str]] = field(default_factory=list)
    number_words: list[tuple[str, str]] = field(default_factory=list)
    period_patterns: list[str] = field(default_factory=list)
    measure_patterns: list[tuple[str, str]] = field(default_factory=list)
    qualifiers: list[tuple[str, str, str, str]] = field(default_factory=list)  # group, value, phrase, rule
    code_families: list[tuple[str, str, str]] = field(default_factory=list)  # family, pattern, canonical
    population_parts: list[tuple[str, str]] = field(default_factory=list)  # part, whole (population values)
    # a concept's stem and the population it implies (a placement is a child in care's): population_concepts.csv
    population_concepts: list[tuple[str, str]] = field(default_factory=list)
    councils: list[dict[str, str]] = field(default_factory=list)
    version: str = ""  # every mapping file (matches are keyed on it)
    reading_version: str = ""  # the mapping files readers and parsers read (parses are keyed on it)


def load_catalogue(path: Path) -> dict[str, Indicator]:
    from extract.model import POLARITIES, UNITS  # (here: `extract match` with a kept matcher never needs it)

    indicators: dict[str, Indicator] = {}
    for row in read_csv(path, CATALOGUE_COLUMNS):
        ind = Indicator(**{c: row.get(c, "") for c in CATALOGUE_COLUMNS + MATCHING_COLUMNS})
        if not ind.indicator_id or not ind.name:
            raise MappingError(f"{path}: a row without indicator_id or name")
        if ind.indicator_id in indicators:
            raise MappingError(f"{path}: duplicate indicator_id {ind.indicator_id}")
        if ind.unit not in UNITS:
            raise MappingError(f"{path}: {ind.indicator_id} has unit {ind.unit!r}, not one of {UNITS}")
        if ind.polarity not in POLARITIES:
            raise MappingError(f"{path}: {ind.indicator_id} has polarity {ind.polarity!r}")
        indicators[ind.indicator_id] = ind
    return indicators


def load_aliases(root: Path, indicators: dict[str, Indicator]) -> list[Alias]:
    files: list[tuple[Path, str | None]] = [(root / "aliases.csv", None)]
    alias_dir = root / "aliases"
    if alias_dir.is_dir():
        files += [(p, p.stem) for p in sorted(alias_dir.glob("*.csv"))]
    aliases = []
    for path, scope in files:
        if not path.exists():
            continue
        for row in read_csv(path, ("alias", "indicator_id")):
            if not row["alias"]:
                continue
            if row["indicator_id"] not in indicators:
                raise MappingError(f"{path}: alias {row['alias']!r} names unknown indicator {row['indicator_id']!r}")
            aliases.append(Alias(row["alias"], row["indicator_id"], scope))
    return aliases


#: mapping files only matching reads (the catalogue and the alias files): editing them changes what
#: matches, not what a parse gives
_MATCHING_ONLY = ("indicators.csv", "aliases.csv", "aliases")


def fingerprint(root: Path, reading: bool = False) -> str:
    """A short hash of every mapping file: the catalogue version cached results are keyed on.
    `reading`: of the files the readers and parsers may read (every one but the catalogue and the
    alias files), which a cached parse is keyed on: a reviewed header word or unit label changes
    what a parse gives, so an edited vocabulary parses documents again."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.csv")):
        first = path.relative_to(root).parts[0]
        if first == "official" or (reading and first in _MATCHING_ONLY):  # official: reference figures
            continue
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _compiled(path: Path, column: str) -> None:
    for lineno, pattern in enumerate(column, start=2):
        try:
            re.compile(pattern)
        except re.error as err:
            raise MappingError(f"{path}:{lineno}: not a regular expression: {err}") from err


@cache
def load_mappings(root: Path | None = None) -> Mappings:
    root = root or mappings_dir()
    indicators = load_catalogue(root / "indicators.csv")
    abbreviations = [
        (r["abbreviation"].lower(), r["expansion"].lower())
        for r in read_csv(root / "abbreviations.csv", ("abbreviation", "expansion"))  # expansion may be empty
    ]
    synonyms = [
        (r["phrase"].lower(), r["canonical"].lower()) for r in read_csv(root / "synonyms.csv", ("phrase", "canonical"))
    ]
    number_words = [(r["word"].lower(), r["number"]) for r in read_csv(root / "number_words.csv", ("word", "number"))]
    periods = [r["pattern"] for r in read_csv(root / "period_phrases.csv", ("pattern",))]
    _compiled(root / "period_phrases.csv", periods)
    measures = [(r["measure"], r["pattern"]) for r in read_csv(root / "measure_words.csv", ("measure", "pattern"))]
    _compiled(root / "measure_words.csv", [p for _, p in measures])
    qualifiers = []
    for r in read_csv(root / "qualifier_words.csv", ("group", "value", "phrase", "rule")):
        if r["rule"] not in QUALIFIER_RULES:
            raise MappingError(f"qualifier_words.csv: rule must be one of {QUALIFIER_RULES}, got {r['rule']!r}")
        qualifiers.append((r["group"], r["value"], r["phrase"].lower(), r["rule"]))
    codes = [
        (r["family"], r["pattern"], r["canonical"])
        for r in read_csv(root / "code_families.csv", ("family", "pattern", "canonical"))
    ]
    _compiled(root / "code_families.csv", [p for _, p, _ in codes])
    parts_path = root / "population_parts.csv"
    parts = [(r["part"], r["whole"]) for r in read_csv(parts_path, ("part", "whole"))] if parts_path.exists() else []
    concepts_path = root / "population_concepts.csv"
    concepts = []
    if concepts_path.exists():
        concepts = [(r["stem"].lower(), r["population"]) for r in read_csv(concepts_path, ("stem", "population"))]
    councils_path = root / "councils.csv"
    councils = read_csv(councils_path, ("council_id", "council")) if councils_path.exists() else []
    return Mappings(
        root=root,
        indicators=indicators,
        aliases=load_aliases(root, indicators),
        abbreviations=abbreviations,
        synonyms=synonyms,
        number_words=number_words,
        period_patterns=periods,
        measure_patterns=measures,
        qualifiers=qualifiers,
        code_families=codes,
        population_parts=parts,
        population_concepts=concepts,
        councils=councils,
        version=fingerprint(root),
        reading_version=fingerprint(root, reading=True),
    )
