"""The run: load → choose parser → parse → tidy and match → write.

One document's failure is one row in documents.parquet with its status; it never stops the run.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from extract.councils import CouncilFinder, ManifestEntry, read_manifest, report_date_in
from extract.load import SUPPORTED_SUFFIXES, LoadError, load_document, relative_name, sha256_of
from extract.mappings import CATALOGUE_COLUMNS, Mappings, load_mappings
from extract.matching import Matcher
from extract.model import Document, RawFigure
from extract.output import write_dataset
from extract.parser import Parser, discover
from extract.settings import DEFAULT_SETTINGS, FuzzyRule, Settings
from extract.values import parse_cell

MANIFEST_NAME = "manifest.csv"


@dataclass
class DocumentResult:
    document: dict
    observations: list[dict] = field(default_factory=list)


@dataclass
class RunSummary:
    documents: list[dict]
    observations: list[dict]

    @property
    def statuses(self) -> Counter:
        return Counter(d["status"] for d in self.documents)

    @property
    def matched_share(self) -> float:
        if not self.observations:
            return 0.0
        return sum(1 for o in self.observations if o["indicator_id"]) / len(self.observations)

    @property
    def unmatched_names(self) -> Counter:
        return Counter(o["indicator_raw"] for o in self.observations if not o["indicator_id"])

    @property
    def ok(self) -> bool:
        return all(d["status"] == "ok" for d in self.documents)


def walk_corpus(corpus: Path) -> list[Path]:
    """Every file under the corpus, sorted, except hidden files and the corpus's own manifest."""
    if corpus.is_file():
        return [corpus]
    files = []
    for path in sorted(corpus.rglob("*")):
        rel = path.relative_to(corpus)
        if not path.is_file() or any(part.startswith(".") for part in rel.parts):
            continue
        if rel.as_posix() == MANIFEST_NAME:
            continue
        files.append(path)
    return files


def choose_parser(document: Document, parsers: list[Parser]) -> tuple[Parser | None, str | None, str | None]:
    """(parser, status, message): the one council parser that claims the document, else the fallback."""
    claims = [p for p in parsers if not p.fallback and p.detect(document)]
    if len(claims) == 1:
        return claims[0], None, None
    if len(claims) > 1:
        names = ", ".join(sorted(p.name for p in claims))
        return None, "ambiguous", f"claimed by more than one parser: {names}"
    fallbacks = [p for p in parsers if p.fallback and p.detect(document)]
    if fallbacks:
        return fallbacks[0], None, None
    return None, "unclaimed", "no parser recognises this document's format"


class Pipeline:
    def __init__(
        self,
        settings: Settings = DEFAULT_SETTINGS,
        parsers: list[Parser] | None = None,
        mappings: Mappings | None = None,
    ) -> None:
        self.settings = settings
        self.parsers = parsers if parsers is not None else discover()
        self.mappings = mappings or load_mappings()
        self.matcher = Matcher(self.mappings)
        self.councils = CouncilFinder(self.mappings.councils)

    # -- one document -------------------------------------------------------------------
    def process(self, path: Path, root: Path, manifest: ManifestEntry | None = None) -> DocumentResult:
        started = time.perf_counter()
        rel = relative_name(path, root)
        row = {
            "document": rel,
            "document_sha256": None,
            "bytes": None,
            "pages": None,
            "council_id": manifest.council_id if manifest else None,
            "parser": None,
            "parser_version": None,
            "status": "ok",
            "error": None,
            "observations": 0,
            "seconds": 0.0,
        }
        observations: list[dict] = []
        try:
            data = path.read_bytes()
            row["bytes"] = len(data)
            row["document_sha256"] = sha256_of(data)
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                raise LoadError("unsupported", f"unsupported file type {path.suffix or '(none)'}")
            if not data:
                raise LoadError("unreadable", "the file is empty (0 bytes)")
            document = load_document(path, root)
            row["pages"] = len(document.pages) if document.kind == "pdf" else None
            parser, status, message = choose_parser(document, self.parsers)
            if parser is None:
                row["status"], row["error"] = status, message
            else:
                row["parser"], row["parser_version"] = parser.name, parser.version
                observations = self._parse(document, parser, manifest, row)
        except LoadError as exc:
            row["status"], row["error"] = exc.status, str(exc)
        except Exception as exc:  # a parser bug must cost one document, not the run
            row["status"], row["error"] = "error", f"{type(exc).__name__}: {exc}"
            observations = []
        row["observations"] = len(observations)
        row["seconds"] = round(time.perf_counter() - started, 4)
        return DocumentResult(row, observations)

    def _parse(self, document: Document, parser: Parser, manifest: ManifestEntry | None, row: dict) -> list[dict]:
        council_id = row["council_id"] or parser.council_id(document) or self.councils.find_in_text(document.head())
        row["council_id"] = council_id
        report_date = (manifest.report_date if manifest else None) or parser.report_date(document)
        report_date = report_date or report_date_in(document.head())
        figures = list(parser.parse(document))
        if not figures and not parser.empty_ok:
            row["status"], row["error"] = "empty", f"parser {parser.name} found no figures"
            return []
        return [self.tidy(f, document, parser, council_id, report_date) for f in figures]

    # -- tidy and match -------------------------------------------------------------------
    def rule_for(self, parser: Parser, figure: RawFigure) -> FuzzyRule:
        if parser.fallback:
            return self.settings.fuzzy_rule("generic")
        return self.settings.fuzzy_rule("narrative" if figure.source == "narrative" else "table")

    def tidy(
        self, f: RawFigure, document: Document, parser: Parser, council_id: str | None, report_date: date | None
    ) -> dict:
        match = self.matcher.match(
            f.indicator_raw,
            code=f.indicator_code,
            scopes=(parser.name, council_id or ""),
            rule=self.rule_for(parser, f),
            candidates=self.settings.candidates,
            unit=f.unit,
        )
        indicator = self.mappings.indicators.get(match.indicator_id) if match.indicator_id else None
        value = f.value if f.value is not None else parse_cell(f.value_raw).value
        unit = f.unit or (indicator.unit if indicator else None) or "unknown"
        polarity = f.polarity or (indicator.polarity if indicator else None) or "unknown"
        return {
            "council_id": council_id,
            "council": self.councils.name_of(council_id),
            "document": document.path,
            "document_sha256": document.sha256,
            "page": f.page,
            "parser": parser.name,
            "parser_version": parser.version,
            "section": f.section,
            "indicator_code": f.indicator_code,
            "indicator_raw": f.indicator_raw,
            "indicator_id": match.indicator_id,
            "match_method": match.method,
            "match_score": round(match.score, 2),
            "period_label": f.period.label,
            "period_type": f.period.type,
            "period_start": f.period.start,
            "period_end": f.period.end,
            "value_kind": f.value_kind,
            "value": value,
            "value_raw": f.value_raw,
            "unit": unit,
            "numerator": f.numerator,
            "denominator": f.denominator,
            "polarity": polarity,
            "status": f.status,
            "source": f.source,
            "context": f.context,
            "report_date": report_date,
            "flags": row_flags(value, unit, f.numerator, f.denominator),
        }

    # -- the run ------------------------------------------------------------------------
    def run(self, corpus: Path, out: Path, progress=None) -> RunSummary:
        root = corpus if corpus.is_dir() else corpus.parent
        manifest = read_manifest(root / MANIFEST_NAME, set(self.councils.names))
        documents: list[dict] = []
        observations: list[dict] = []
        for path in walk_corpus(corpus):
            rel = relative_name(path, root)
            result = self.process(path, root, manifest.get(rel))
            documents.append(result.document)
            observations.extend(result.observations)
            if progress:
                progress(result)
        catalogue = [
            {c: getattr(ind, c) or None for c in CATALOGUE_COLUMNS} for ind in self.mappings.indicators.values()
        ]
        write_dataset(out, observations, documents, catalogue)
        return RunSummary(documents, observations)


def row_flags(value: float | None, unit: str, numerator: float | None, denominator: float | None) -> list[str]:
    """Data-quality findings about one row on its own (SCHEMA.md `flags`)."""
    flags = []
    if value is not None and unit == "percent" and not 0 <= value <= 100:
        flags.append("percent_out_of_range")
    # `7 … of the 196`: the value is the count on top, not a ratio of the two
    if value is not None and numerator is not None and denominator and value != numerator:
        ratio = numerator / denominator
        # A percentage is the fraction × 100; a rate × 10,000 or 1,000; anything else may be
        # printed as the proportion itself or as a percentage without its % sign.
        scales = RATIO_SCALES.get(unit, (1, 100))
        # allow for rounding to whole numbers as printed (23% for 22.9 %)
        if not any(abs(value - ratio * s) <= max(0.6, abs(ratio * s) * 0.02) for s in scales):
            flags.append("ratio_mismatch")
    return flags


RATIO_SCALES = {"percent": (100,), "rate_per_10k": (10_000,), "rate_per_1k": (1_000,)}


def summarise(summary: RunSummary) -> Iterable[str]:
    statuses = ", ".join(f"{k} {v}" for k, v in sorted(summary.statuses.items()))
    yield f"documents: {len(summary.documents)} ({statuses})"
    yield f"rows: {len(summary.observations)}"
    yield f"matched: {summary.matched_share:.1%} of rows"
    yield f"unmatched names: {len(summary.unmatched_names)}"
