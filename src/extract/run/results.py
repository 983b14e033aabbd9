"""What the stages of a run hand each other: a document's parse, its finished rows, a run's summary."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

# What the parse stage records of a document besides its rows.
META_KEYS = (
    "sha256", "bytes", "pages", "parser", "parser_version", "status", "error", "seconds",
    "council_from_parser", "council_from_text", "date_from_parser", "date_from_text",
    "report_period", "notes",
)  # fmt: skip


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
    # set by a worker that also finished the document (runner.py's finisher): its documents.parquet
    # row and its rows as an Arrow table, so the main process only files them
    finished: tuple | None = None


@dataclass
class DocumentResult:
    document: dict
    observations: list[dict] = field(default_factory=list)


@dataclass
class RunSummary:
    documents: list[dict]
    rows: int = 0  # observations written
    matched: int = 0  # of which matched to the catalogue
    unmatched_names: int = 0  # distinct names not matched (the review queue's length)
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
        return self.matched / self.rows if self.rows else 0.0

    @property
    def ok(self) -> bool:
        return all(d["status"] == "ok" for d in self.documents)
