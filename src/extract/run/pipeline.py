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
import os
import stat
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from extract.errors import LoadError, VocabularyError
from extract.load import load_document
from extract.load.files import (
    SUPPORTED_SUFFIXES,
    display_name,
    file_kind,
    hash_file,
    relative_name,
)
from extract.mappings import Mappings, load_mappings
from extract.model import Document, Period, RawFigure, check_vocabulary
from extract.plugins.parser import Parser, discover
from extract.read.tables.areas import carry_titles
from extract.read.tables.find import document_cell_text
from extract.read.values import parse_cell
from extract.settings import DEFAULT_SETTINGS, FuzzyRule, Settings
from extract.tidy.councils import CouncilFinder, ManifestEntry, report_date_in
from extract.tidy.matching import Matcher

MANIFEST_NAME = "manifest.csv"
# What the parse stage records of a document besides its rows.
META_KEYS = (
    "sha256", "bytes", "pages", "parser", "parser_version", "status", "error", "seconds",
    "council_from_parser", "council_from_text", "date_from_parser", "date_from_text",
    "report_period", "notes",
)  # fmt: skip
# How many candidates the review queue lists for an unmatched name (review.py).
REVIEW_CANDIDATES = 3
# Kinds printed without a date of their own are set against the period of their table row.
UNDATED_KINDS = frozenset(
    ("target", "tolerance", "intervention", "national", "regional", "statistical_neighbours", "comparator_group",
     "change")
)


@dataclass
class ParsedDocument:
    """What the parse stage learns of one file: independent of catalogue, manifest and path."""

    meta: dict  # sha256, bytes, pages, parser, parser_version, status, error, seconds, hints
    rows: list[dict] = field(default_factory=list)
    # set by a worker that also matched the rows (runner.py): the matches, and whether it saved
    # the parse and the matches in the cache
    matches: list[dict] | None = None
    saved: bool = False
    match_seconds: float = 0.0
    ranked: list | None = None  # the worker's newly ranked names: ((name, scope, ...), Match) pairs


@dataclass
class DocumentResult:
    document: dict
    observations: list[dict] = field(default_factory=list)


@dataclass
class RunSummary:
    documents: list[dict]
    observations: list[dict]
    parsed: int = 0  # documents parsed in this run (the others came from the cache)
    rematched: int = 0  # documents re-matched from cached parses
    skipped: list[str] = field(default_factory=list)  # output folders inside CORPUS, not read
    # seconds per stage of the run (runner.py): the main process's wall-clock time per stage,
    # and the workers' parse and match time summed over documents ("workers: ...")
    timings: dict[str, float] = field(default_factory=dict)
    ranked: int = 0  # names the main process ranked against the catalogue (0 in a warm run)
    cache_removed: int = 0  # cached results deleted after the run (see Cache.prune)
    cache_kept: int = 0  # cached parses of documents not in this CORPUS, kept (no --prune)

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


@dataclass
class CorpusEntry:
    """One file under CORPUS: a path to read, or a path with the reason it is not read."""

    path: Path
    rel: str  # relative to the corpus, / separators, printable
    problem: tuple[str, str] | None = None  # (status, message) when the file is not read


@dataclass
class CorpusListing:
    entries: list[CorpusEntry]
    skipped: list[str] = field(default_factory=list)  # output folders found inside CORPUS

    @property
    def readable(self) -> int:
        return sum(1 for e in self.entries if e.path.suffix.lower() in SUPPORTED_SUFFIXES)


# What a run writes at the top of OUT (output.py, reconcile.py).
OUT_NAMES = frozenset(
    ("observations.parquet", "documents.parquet", "catalogue.parquet", "unmatched.csv", "report.html",
     "generation.json", "reconciliation.parquet")
)  # fmt: skip


def _is_output_folder(path: Path) -> bool:
    """A folder an `extract` run writes (it holds the run's lock file or cache)."""
    return (path / ".extract.lock").exists() or (path / ".extract-cache").is_dir()


def scan_corpus(corpus: Path, follow_links: bool = False, out: Path | None = None) -> CorpusListing:
    """Every file under CORPUS, sorted, each with a reason when it is not read.

    Hidden files and folders and the corpus's own manifest are left out. A FIFO, socket or
    device, a dangling or looping symbolic link, a link that leaves CORPUS (unless
    follow_links) and a folder that cannot be listed are entries with a problem, so that every
    file gets a row. Output folders of `extract` (OUT, when it lies inside CORPUS) are skipped.
    """
    if not corpus.is_dir():
        return CorpusListing([CorpusEntry(corpus, relative_name(corpus, corpus.parent))])
    root = Path(os.path.abspath(corpus))
    root_real = root.resolve()
    out_real = Path(os.path.realpath(out)) if out is not None else None
    listing = CorpusListing([])
    seen_dirs: set[tuple[int, int]] = set()
    out_is_root = out_real == root_real  # `--out CORPUS`: its outputs are not inputs

    def inside(target: Path) -> bool:
        return target == root_real or root_real in target.parents

    def rel(path: Path) -> str:
        return display_name(path.relative_to(root).as_posix())

    def problem(path: Path, status: str, message: str) -> None:
        listing.entries.append(CorpusEntry(path, rel(path), (status, message)))

    def visit(folder: Path) -> None:
        try:
            info = folder.stat()
            if (info.st_dev, info.st_ino) in seen_dirs:
                return
            seen_dirs.add((info.st_dev, info.st_ino))
            children = sorted(os.scandir(folder), key=lambda e: os.fsencode(e.name))
        except OSError as exc:
            problem(folder, "unreadable", f"cannot list this folder: {exc.strerror or exc}")
            return
        for entry in children:
            path = folder / entry.name
            if entry.name.startswith("."):
                continue
            if path.parent == root and (entry.name == MANIFEST_NAME or (out_is_root and entry.name in OUT_NAMES)):
                continue
            try:
                link = entry.is_symlink()
                mode = entry.stat(follow_symlinks=False).st_mode
            except OSError as exc:
                problem(path, "unreadable", f"cannot read the file: {exc.strerror or exc}")
                continue
            if link:
                try:
                    target = path.resolve(strict=True)
                    mode = path.stat().st_mode
                except FileNotFoundError:
                    problem(path, "unreadable", f"a symbolic link to {os.readlink(path)!r}, which does not exist")
                    continue
                except (OSError, RuntimeError) as exc:  # a loop: RuntimeError before Python 3.13
                    problem(path, "unreadable", f"a symbolic link that cannot be followed: {exc}")
                    continue
                what = "folder" if stat.S_ISDIR(mode) else "file"
                if not inside(target) and not follow_links:
                    where = display_name(str(target))
                    problem(path, "unreadable", f"a symbolic link to a {what} outside CORPUS ({where}): "
                            "not followed; pass --follow-links to read it")  # fmt: skip
                    continue
                if stat.S_ISDIR(mode) and not follow_links:
                    continue  # a link to a folder inside CORPUS: its files are listed where they are
            if stat.S_ISDIR(mode):
                real = Path(os.path.realpath(path))
                if (out_real is not None and real == out_real) or _is_output_folder(path):
                    listing.skipped.append(rel(path))
                    continue
                visit(path)
            elif stat.S_ISREG(mode):
                listing.entries.append(CorpusEntry(path, rel(path)))
            else:
                problem(path, "unreadable", f"not a regular file: {file_kind(mode)}")

    visit(root)
    listing.entries.sort(key=lambda e: e.path.relative_to(root).parts)
    return listing


def walk_corpus(corpus: Path) -> list[Path]:
    """Every readable file under the corpus, sorted (see scan_corpus for the rest)."""
    return [e.path for e in scan_corpus(corpus).entries if e.problem is None]


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
    return None, "unclaimed", "no parser recognises this document's format"


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
            figures = list(parser.parse(document, settings))
            carry_titles(figures)  # an area table split over pages keeps its title
            if not figures and not parser.empty_ok:
                meta["status"], meta["error"] = "empty", f"parser {parser.name} found no figures"
            rows = [raw_row(f, parser) for f in figures]
    except LoadError as exc:
        meta["status"], meta["error"] = exc.status, str(exc)
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
    }


class Pipeline:
    def __init__(
        self,
        settings: Settings = DEFAULT_SETTINGS,
        parsers: list[Parser] | None = None,
        mappings: Mappings | None = None,
    ) -> None:
        self.settings = settings
        self.parsers = parsers if parsers is not None else discover()
        self._from_files = mappings is None  # the mapping files as they are: the matcher may come from disk
        self.mappings = mappings or load_mappings()
        self._matcher: Matcher | None = None
        # each distinct (name, code, scope, rule, unit) is ranked once per run: workers send the
        # names they ranked with their document, and workers started later inherit them
        self.ranked: dict[tuple, object] = {}
        self.ranked_new: list[tuple] = []
        self.councils = CouncilFinder(self.mappings.councils)

    @property
    def parsers_version(self) -> str:
        return parsers_version(self.parsers)

    @property
    def matcher(self) -> Matcher:
        """Built on first use: a warm run (everything from the cache) never needs it."""
        if self._matcher is None:
            from extract.tidy.matcher_store import load_matcher

            self._matcher = load_matcher(self.mappings) if self._from_files else Matcher(self.mappings)
        return self._matcher

    def parse(self, path: Path) -> ParsedDocument:
        return parse_document(path, self.parsers, self.councils, settings=self.settings)

    def process(self, path: Path, root: Path, manifest: ManifestEntry | None = None) -> DocumentResult:
        """Parse and finish one document in this process."""
        return self.finish(self.parse(path), relative_name(path, root), manifest)

    # -- the finish stage -------------------------------------------------------------------
    def match_rows(self, rows: list[dict], council_hint: str | None) -> list[dict]:
        """Catalogue-dependent columns for parsed rows (what a catalogue change recomputes)."""
        out = []
        for row in rows:
            rule = self.rule_for(row["fallback"], row["source"])
            scopes = (row["parser"], council_hint or "")
            key = (row["indicator_raw"], row["indicator_code"], scopes, rule, self.settings.match.candidates,
                   row["unit_printed"])  # fmt: skip
            match = self.ranked.get(key)
            if match is None:
                match = self.matcher.match(
                    row["indicator_raw"],
                    code=row["indicator_code"],
                    scopes=scopes,
                    rule=rule,
                    candidates=self.settings.match.candidates,
                    unit=row["unit_printed"],
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
            matches = self.match_rows(parsed.rows, council_id)
        observations = []
        # an area table's benchmark rows of a document whose council is not known are set against
        # the council the document's area tables are about: their first council row (a LAIT export)
        subject = council_id or next(
            (r["area_council_id"] for r in parsed.rows if r.get("area") and r.get("area_council_id")), None
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
            "flags": _merge_flags(
                row.get("flags_printed") or [],
                row_flags(row["value"], match["unit"], row["numerator"], row["denominator"]),
            ),
        }

    @staticmethod
    def _row_flags(row: dict, match: dict) -> list[str]:
        return row_flags(row["value"], match["unit"], row["numerator"], row["denominator"])

    def rule_for(self, fallback: bool, source: str) -> FuzzyRule:
        if fallback:
            return self.settings.fuzzy_rule("generic")
        return self.settings.fuzzy_rule("narrative" if source == "narrative" else "table")

    # -- the run ------------------------------------------------------------------------
    def run(self, corpus: Path, out: Path, progress=None, **options) -> RunSummary:
        from extract.run.runner import run_corpus

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


def _merge_flags(*lists: list[str]) -> list[str]:
    return list(dict.fromkeys(f for flags in lists for f in flags))


def date_undated(observations: list[dict], report_period: Period | None = None) -> int:
    """Targets, tolerances, intervention levels and benchmarks printed without a date of their own
    take the period they are set against: that of the latest dated actual in the same table row
    (same page, source, context and name), else the report's period when the parser knows it.
    period_label stays as printed; period_basis says which. Returns how many rows were dated."""
    latest: dict[tuple, dict] = {}
    for o in observations:
        if o["value_kind"] == "actual" and o["period_end"] is not None:
            key = (o["page"], o["source"], o["context"], o["indicator_raw"])
            best = latest.get(key)
            if best is None or o["period_end"] > best["period_end"]:
                latest[key] = o
    dated = 0
    for o in observations:
        if o["period_end"] is not None or o["value_kind"] not in UNDATED_KINDS:
            continue
        actual = latest.get((o["page"], o["source"], o["context"], o["indicator_raw"]))
        if actual is not None:
            o["period_type"], o["period_start"], o["period_end"] = (
                actual["period_type"], actual["period_start"], actual["period_end"]
            )
            o["period_basis"] = "row_actual"
        elif report_period is not None and report_period.end is not None:
            o["period_type"], o["period_start"], o["period_end"] = (
                report_period.type, report_period.start, report_period.end
            )
            o["period_basis"] = "report_period"
        else:
            continue
        dated += 1
    return dated


def flag_conflicts(observations: list[dict]) -> int:
    """`conflicting_duplicate`: the same council, indicator, period and kind with different values,
    within one document or across documents (a document whose council is not known counts as its
    own council). Every row of such a group is flagged; returns how many. DfE's official figures
    (`source=official`) are grouped apart: an in-year figure that differs from the year-end one is
    what `extract reconcile` shows, not a conflict; the change of an aggregate row of an area
    table (England's, the region's: no council) is no council's and never grouped."""
    groups: dict[tuple, list[dict]] = {}
    for o in observations:
        if o["value_kind"] == "change" and not o["council_id"]:
            continue
        if o["indicator_id"] and o["period_end"] and o["value"] is not None:
            council = o["council_id"] or ("document", o["document"])
            key = (council, o["indicator_id"], o["period_type"], o["period_end"], o["value_kind"],
                   o.get("source") == "official")
            groups.setdefault(key, []).append(o)
    flagged = 0
    for rows in groups.values():
        if len({r["value"] for r in rows}) > 1:
            for r in rows:
                if "conflicting_duplicate" not in r["flags"]:
                    r["flags"] = [*r["flags"], "conflicting_duplicate"]
                    flagged += 1
    return flagged


def summarise(summary: RunSummary) -> Iterable[str]:
    statuses = ", ".join(f"{k} {v}" for k, v in sorted(summary.statuses.items()))
    yield f"documents: {len(summary.documents)} ({statuses})"
    yield f"rows: {len(summary.observations)}"
    yield f"matched: {summary.matched_share:.1%} of rows"
    yield f"unmatched names: {len(summary.unmatched_names)}"
