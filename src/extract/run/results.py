"""What the stages of a run hand each other: a document's parse, its finished rows, a run's summary."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

CACHE_DIR = ".extract-cache"  # under OUT: the per-document cache (cache.py), the store, warm.py's record

# What the parse stage records of a document besides its rows (`title`: its first line, the page context
# of rows with no section, Pipeline.match_rows).
META_KEYS = (
    "sha256", "bytes", "pages", "parser", "parser_version", "status", "error", "seconds",
    "council_from_parser", "council_from_text", "date_from_parser", "date_from_text",
    "report_period", "notes", "title",
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


@dataclass
class Progress:
    """What the run has done, for a progress display. Text documents count as one page."""

    total: int
    done: int = 0
    pages: int = 0  # pages of finished documents
    cached_pages: int = 0  # of which read from the cache (they say nothing of the rate)
    started: float = field(default_factory=time.perf_counter)
    pdf_bytes_left: int = 0  # PDFs not started yet
    text_left: int = 0
    inflight: dict[int, dict] = field(default_factory=dict)  # index -> name, pages, page, started
    skipped_folders: list[str] = field(default_factory=list)
    _pages_per_byte: float = 0.0
    _pdf_bytes_done: int = 0
    _pdf_pages_done: int = 0

    def add(self, result: DocumentResult, cached: bool = False) -> None:
        self.done += 1
        pages = result.document["pages"] or 1
        self.pages += pages
        if cached:
            self.cached_pages += pages
        if result.document["pages"] and result.document["bytes"]:
            self._pdf_bytes_done += result.document["bytes"]
            self._pdf_pages_done += result.document["pages"]

    def rate(self, now: float | None = None) -> float:
        """Pages a second read in this run (not from the cache)."""
        elapsed = (now or time.perf_counter()) - self.started
        parsed = self.pages - self.cached_pages + sum(self.inflight_pages(d, None) for d in self.inflight.values())
        return parsed / elapsed if elapsed > 0.5 and parsed else 0.0

    def inflight_pages(self, doc: dict, now: float | None) -> int:
        """Pages of a document in progress: as the worker reports them, else estimated from
        the time it has taken at the pages-a-second rate of the documents done."""
        if doc.get("page") is not None:
            return doc["page"]
        total = doc.get("pages")
        if not total or now is None or self.done == 0:
            return 0
        elapsed = time.perf_counter() - self.started
        rate = (self.pages - self.cached_pages) / elapsed if elapsed > 0 else 0.0
        return min(total - 1, int((now - doc["started"]) * rate))

    def pages_done(self, now: float | None = None) -> int:
        now = now or time.perf_counter()
        return self.pages + sum(self.inflight_pages(d, now) for d in self.inflight.values())

    def pages_total(self) -> int:
        """Known pages (finished and started documents) plus an estimate for the rest: PDF bytes
        left at the pages-per-byte of the PDFs done (one page per 50 KB before any is done)."""
        known = self.pages + sum(d.get("pages") or 1 for d in self.inflight.values())
        per_byte = self._pdf_pages_done / self._pdf_bytes_done if self._pdf_bytes_done else 1 / 50_000
        return known + int(self.pdf_bytes_left * per_byte) + self.text_left

    def seconds_left(self, now: float | None = None) -> float | None:
        now = now or time.perf_counter()
        elapsed = now - self.started
        parsed = self.pages_done(now) - self.cached_pages
        if elapsed < 1 or parsed <= 0:
            return None
        return max(0.0, (self.pages_total() - self.pages_done(now)) / (parsed / elapsed))


def summarise(summary: RunSummary) -> Iterable[str]:
    statuses = ", ".join(f"{k} {v}" for k, v in sorted(summary.statuses.items()))
    yield f"documents: {len(summary.documents)} ({statuses})"
    yield f"rows: {summary.rows}"
    # no rows (every document bad or empty): a share of nothing would read as a matcher that failed
    yield f"matched: {summary.matched_share:.1%} of rows" if summary.rows else "matched: no rows to match"
    yield f"unmatched names: {summary.unmatched_names}"
