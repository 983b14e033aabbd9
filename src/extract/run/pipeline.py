"""The run: load → choose parser → parse → tidy and match → write.

Two stages per document:
- parse (`parse_document`): load, choose the parser, read its figures into rows that do not
  depend on the catalogue or the manifest. It runs in worker processes (or on a Dask cluster)
  and its result is cached per document (see cache.py);
- finish (`Pipeline.finish`): the manifest's council and date, matching against the
  catalogue, units and polarity from the catalogue, data-quality flags.
One document's failure is one row in documents.parquet with its status; it never stops the run.
"""

from __future__ import annotations

import hashlib
import time
from datetime import date
from pathlib import Path

from extract.errors import LoadError, VocabularyError
from extract.load import load_document
from extract.load.files import SUPPORTED_SUFFIXES, display_name, hash_file, relative_name
from extract.mappings import Mappings, load_mappings
from extract.model import (
    Document,
    Period,
    RawFigure,
    check_vocabulary,
    normalise_space,
)
from extract.plugins.parser import Parser, discover
from extract.read.tables.areas import carry_titles
from extract.read.tables.find import document_cell_text
from extract.read.values import parse_cell
from extract.run.results import META_KEYS, DocumentResult, ParsedDocument, RunSummary, summarise  # noqa: F401
from extract.run.runner import run_corpus
from extract.settings import DEFAULT_SETTINGS, FuzzyRule, Settings
from extract.tidy.councils import CouncilFinder, ManifestEntry, report_date_in
from extract.tidy.flags import (
    date_undated,
    merge_flags,
    row_flags,
)
from extract.tidy.matching import Matcher

# How many candidates the review queue lists for an unmatched name (review.py).
REVIEW_CANDIDATES = 3


def choose_parser(
    document: Document, parsers: list[Parser], settings: Settings = DEFAULT_SETTINGS
) -> tuple[Parser | None, str | None, str | None]:
    """(parser, status, message): the one council parser that claims the document, else the fallback."""
    if document.kind == "pdf" and not document.cell_text:
        document.cell_text = document_cell_text(document, settings)
    claims = [p for p in parsers if not p.fallback and p.detect(document)]
    if len(claims) == 1:
        return claims[0], None, None
    if len(claims) > 1:
        names = ", ".join(sorted(p.name for p in claims))
        return None, "ambiguous", f"claimed by more than one parser: {names}"
    fallbacks = [p for p in parsers if p.fallback and p.detect(document)]
    if fallbacks:
        return fallbacks[0], None, None
    return None, "unclaimed", ("no parser recognises this document's format, the generic one included "
                               "(no KPI table, labelled value or figures in sentences found)")


def parsers_version(parsers: list[Parser]) -> str:
    """Which parsers (and versions) a cached parse was made with."""
    return ",".join(f"{p.name}={p.version}" for p in sorted(parsers, key=lambda p: p.name))


# -- the parse stage ------------------------------------------------------------------------
def period_meta(period: Period | None) -> dict | None:
    """A period as JSON-friendly metadata (ISO dates), or None when it has no end date."""
    if period is None or period.end is None:
        return None
    return {"label": period.label, "type": period.type, "start": period.start.isoformat() if period.start else None,
            "end": period.end.isoformat()}  # fmt: skip


def period_from_meta(meta: dict | None) -> Period | None:
    if not meta:
        return None
    start = date.fromisoformat(meta["start"]) if meta.get("start") else None
    return Period(meta.get("label"), meta.get("type") or "unknown", start, date.fromisoformat(meta["end"]))


def parse_document(
    path: Path,
    parsers: list[Parser],
    councils: CouncilFinder,
    data: bytes | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> ParsedDocument:
    started = time.perf_counter()
    meta: dict = dict.fromkeys(META_KEYS)
    meta.update(status="ok", seconds=0.0)
    rows: list[dict] = []
    try:
        if data is None:
            meta["sha256"], meta["bytes"] = hash_file(path)
        else:
            meta["bytes"], meta["sha256"] = len(data), hashlib.sha256(data).hexdigest()
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            raise LoadError("unsupported", f"unsupported file type {display_name(path.suffix) or '(none)'}")
        if not meta["bytes"]:
            raise LoadError("unreadable", "the file is empty (0 bytes)")
        document = load_document(path, path.parent)
        meta["pages"] = len(document.pages) if document.kind == "pdf" else None
        meta["notes"] = "; ".join(document.notes) or None
        parser, status, message = choose_parser(document, parsers, settings)
        if parser is None:
            meta["status"], meta["error"] = status, message
        else:
            meta["parser"], meta["parser_version"] = parser.name, parser.version
            meta["council_from_parser"] = parser.council_id(document)
            meta["council_from_text"] = councils.find_in_text(document.head())
            meta["date_from_parser"] = parser.report_date(document)
            meta["date_from_text"] = report_date_in(document.head())
            meta["report_period"] = period_meta(parser.report_period(document))
            meta["title"] = document_title(document)
            figures = list(parser.parse(document, settings))
            carry_titles(figures)  # an area table split over pages keeps its title
            if not figures and not parser.empty_ok:
                meta["status"], meta["error"] = "empty", f"parser {parser.name} found no figures"
            rows = [raw_row(f, parser) for f in figures]
    except LoadError as exc:
        meta["status"], meta["error"], meta["pages"] = exc.status, str(exc), exc.pages
    except OSError as exc:  # gone, or unreadable, since the corpus was listed
        meta["status"], meta["error"] = "unreadable", f"cannot read the file: {exc.strerror or exc}"
        meta["sha256"] = meta["bytes"] = None
    except MemoryError:
        meta["status"], meta["error"] = "error", "ran out of memory (over the per-document memory limit)"
        rows = []
    except Exception as exc:  # a parser bug must cost one document, not the run
        meta["status"], meta["error"] = "error", f"{type(exc).__name__}: {exc}"
        rows = []
    meta["seconds"] = round(time.perf_counter() - started, 4)
    return ParsedDocument(meta, rows)


def document_title(document: Document) -> str | None:
    """The document's first line: its title, which may state the population its measures are about
    (`Children Looked After – Annual Report 2007/08`)."""
    first = next((ln for ln in document.head(2000).split("\n") if ln.strip()), None)
    return normalise_space(first.replace("\t", " ")) if first else None


def raw_row(f: RawFigure, parser: Parser) -> dict:
    """A figure as a row, before the catalogue: unit and polarity as printed (may be null).
    A word outside its column's vocabulary raises VocabularyError naming the parser."""
    typed = {"indicator_raw": f.indicator_raw, "value_kind": f.value_kind, "period_type": f.period.type,
             "source": f.source, "unit": f.unit}  # fmt: skip
    check_vocabulary(typed, parser.name, nullable=("unit",))
    return {
        "page": f.page,
        "parser": parser.name,
        "parser_version": parser.version,
        "fallback": parser.fallback,
        "section": f.section,
        "heading": f.heading,
        "indicator_code": f.indicator_code,
        "indicator_raw": f.indicator_raw,
        "period_label": f.period.label,
        "period_type": f.period.type,
        "period_start": f.period.start,
        "period_end": f.period.end,
        "value_kind": f.value_kind,
        "value": f.value if f.value is not None else parse_cell(f.value_raw).value,
        "value_raw": f.value_raw,
        "unit_printed": f.unit,
        "numerator": f.numerator,
        "denominator": f.denominator,
        "polarity_printed": f.polarity,
        "status": f.status,
        "source": f.source,
        "context": f.context,
        "flags_printed": list(f.flags),
        "area": f.area,
        "area_council_id": f.council_id,
        "area_column": f.area_column,
    }


class Pipeline:
    def __init__(
        self,
        settings: Settings = DEFAULT_SETTINGS,
        parsers: list[Parser] | None = None,
        mappings: Mappings | None = None,
    ) -> None:
        self.settings = settings
        # parsers, mappings and councils are loaded when first used: a warm re-run whose inputs
        # are all unchanged (warm.py) imports no parser and reads no mapping file
        self._parsers = parsers
        self.discovered = parsers is None  # the installed parsers (what warm.py fingerprints)
        self._from_files = mappings is None  # the mapping files as they are: the matcher may come from disk
        self._mappings = mappings
        self._councils: CouncilFinder | None = None
        self._matcher: Matcher | None = None
        # each distinct (name, code, scope, rule, unit, section) is ranked once per run: workers send the
        # names they ranked with their document, and workers started later inherit them
        self.ranked: dict[tuple, object] = {}
        self.ranked_new: list[tuple] = []

    @property
    def parsers(self) -> list[Parser]:
        if self._parsers is None:
            self._parsers = discover()
        return self._parsers

    @property
    def mappings(self) -> Mappings:
        if self._mappings is None:
            self._mappings = load_mappings()
        return self._mappings

    @property
    def councils(self) -> CouncilFinder:
        if self._councils is None:
            self._councils = CouncilFinder(self.mappings.councils)
        return self._councils

    @property
    def replayable(self) -> bool:
        """The installed parsers and the mapping files as they are on disk: what a re-run with
        nothing changed can check without loading them (warm.py)."""
        return self.discovered and self._from_files

    @property
    def parsers_version(self) -> str:
        return parsers_version(self.parsers)

    @property
    def matcher(self) -> Matcher:
        """Built on first use: a warm run (everything from the cache) never needs it."""
        if self._matcher is None:
            from extract.tidy.matcher_store import load_matcher

            weights = self.settings.match.weights
            self._matcher = (
                load_matcher(self.mappings, weights) if self._from_files else Matcher(self.mappings, weights)
            )
        return self._matcher

    def parse(self, path: Path) -> ParsedDocument:
        return parse_document(path, self.parsers, self.councils, settings=self.settings)

    def process(self, path: Path, root: Path, manifest: ManifestEntry | None = None) -> DocumentResult:
        """Parse and finish one document in this process."""
        return self.finish(self.parse(path), relative_name(path, root), manifest)

    # -- the finish stage -------------------------------------------------------------------
    def match_rows(self, rows: list[dict], council_hint: str | None, title: str | None = None) -> list[dict]:
        """Catalogue-dependent columns for parsed rows (what a catalogue change recomputes); `title`: the
        document's, the page context of a row with no section when it states a population."""
        out = []
        def stated(context: str | None) -> str | None:  # a heading or title speaks only for a population
            return context if context and self.matcher.page_populations(context) else None

        title = stated(title)
        for row in rows:
            rule = self.rule_for(row["fallback"], row["source"])
            scopes = (row["parser"], council_hint or "")
            # the section or table title speaks for a population the name leaves unsaid (issue 9 round 14)
            # else the heading over the row's text, else the document's title
            section = row.get("section") or stated(row.get("heading")) or title
            key = (row["indicator_raw"], row["indicator_code"], scopes, rule, self.settings.match.candidates,
                   row["unit_printed"], section)  # fmt: skip
            match = self.ranked.get(key)
            if match is None:
                match = self.matcher.match(
                    row["indicator_raw"],
                    code=row["indicator_code"],
                    scopes=scopes,
                    rule=rule,
                    candidates=self.settings.match.candidates,
                    unit=row["unit_printed"],
                    rank_decided=False,  # candidates are kept for unmatched names only
                    section=section,
                )
                self.ranked[key] = match
                self.ranked_new.append((key, match))
            indicator = self.mappings.indicators.get(match.indicator_id) if match.indicator_id else None
            out.append(
                {
                    "indicator_id": match.indicator_id,
                    "match_method": match.method,
                    "match_score": round(match.score, 2),
                    "unit": row["unit_printed"] or (indicator.unit if indicator else None) or "unknown",
                    "polarity": row["polarity_printed"] or (indicator.polarity if indicator else None) or "unknown",
                    # the review queue's candidates, kept with the match (and cached with it) so
                    # that writing unmatched.csv ranks nothing again
                    "candidates": (
                        [{"indicator_id": c.indicator_id, "score": c.score} for c in match.candidates[:3]]
                        if match.indicator_id is None and self.settings.match.candidates == REVIEW_CANDIDATES
                        else None
                    ),
                }
            )
        return out

    def take_ranked(self) -> list[tuple]:
        """The names ranked since the last call, to send to the main process."""
        taken, self.ranked_new = self.ranked_new, []
        return taken

    def council_for(self, parsed: ParsedDocument, manifest: ManifestEntry | None) -> str | None:
        meta = parsed.meta
        return (manifest.council_id if manifest else None) or meta["council_from_parser"] or meta["council_from_text"]

    def finish(
        self,
        parsed: ParsedDocument,
        rel: str,
        manifest: ManifestEntry | None,
        matches: list[dict] | None = None,
    ) -> DocumentResult:
        meta = parsed.meta
        council_id = self.council_for(parsed, manifest)
        report_date: date | None = (
            (manifest.report_date if manifest else None) or meta["date_from_parser"] or meta["date_from_text"]
        )
        if matches is None:
            matches = self.match_rows(parsed.rows, council_id, meta.get("title"))
        observations = []
        # an area table's benchmark rows of a document whose council is not known are set against
        # the council the document's area tables are about: their first council row (a LAIT export)
        subject = council_id or next(
            (r["area_council_id"] for r in parsed.rows
             if r.get("area") and r.get("area_council_id") and not r.get("area_column")), None
        )
        for row, match in zip(parsed.rows, matches, strict=True):
            observations.append(self.observation(row, match, rel, meta["sha256"], council_id, report_date, subject))
        date_undated(observations, period_from_meta(meta.get("report_period")))
        try:  # the contract of every written row (a cached parse, the catalogue's units, the matcher)
            for o in observations:
                check_vocabulary(o, o["parser"])
        except VocabularyError as exc:
            meta = {**meta, "status": "error", "error": f"VocabularyError: {exc}"}
            observations = []
        document = {
            "document": rel,
            "document_sha256": meta["sha256"],
            "bytes": meta["bytes"],
            "pages": meta["pages"],
            "council_id": council_id if meta["parser"] else (manifest.council_id if manifest else None),
            "parser": meta["parser"],
            "parser_version": meta["parser_version"],
            "status": meta["status"],
            "error": display_name(meta["error"]) if meta["error"] else None,
            "observations": len(observations),
            "seconds": meta["seconds"],
            "notes": meta.get("notes"),
        }
        return DocumentResult(document, observations)

    def observation(
        self, row: dict, match: dict, rel: str, sha: str, council_id: str | None, report_date,
        subject: str | None = None,
    ) -> dict:
        council_id = row_council(row, council_id or subject)
        return {
            "council_id": council_id,
            "council": self.councils.name_of(council_id),
            "document": rel,
            "document_sha256": sha,
            "page": row["page"],
            "parser": row["parser"],
            "parser_version": row["parser_version"],
            "section": row["section"],
            "indicator_code": row["indicator_code"],
            "indicator_raw": row["indicator_raw"],
            "indicator_id": match["indicator_id"],
            "match_method": match["match_method"],
            "match_score": match["match_score"],
            "period_label": row["period_label"],
            "period_type": row["period_type"],
            "period_start": row["period_start"],
            "period_end": row["period_end"],
            "period_basis": "parser" if row["period_end"] else None,
            "value_kind": row["value_kind"],
            "value": row["value"],
            "value_raw": row["value_raw"],
            "unit": match["unit"],
            "numerator": row["numerator"],
            "denominator": row["denominator"],
            "polarity": match["polarity"],
            "status": row["status"],
            "source": row["source"],
            "context": row["context"],
            "report_date": report_date,
            "flags": merge_flags(
                row.get("flags_printed") or [],
                row_flags(row["value"], match["unit"], row["numerator"], row["denominator"]),
            ),
        }

    def rule_for(self, fallback: bool, source: str) -> FuzzyRule:
        if fallback:
            return self.settings.fuzzy_rule("generic")
        return self.settings.fuzzy_rule("narrative" if source == "narrative" else "table")

    # -- the run ------------------------------------------------------------------------
    def run(self, corpus: Path, out: Path, progress=None, **options) -> RunSummary:
        return run_corpus(self, corpus, out, progress=progress, **options)


def row_council(row: dict, document_council: str | None) -> str | None:
    """A row of an area table (areas.py) is about the council it names; its benchmark rows
    (England, the region, the statistical neighbours) are set against the document's own council
    (else the council its area tables are about); any other row of an area that is no council
    (the change of England's figure) is no council's."""
    if row.get("area") is None:
        return document_council
    if row["value_kind"] in ("national", "regional", "statistical_neighbours", "comparator_group"):
        return document_council
    return row.get("area_council_id")
