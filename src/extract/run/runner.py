"""Running a corpus: cache lookups, worker processes or a Dask cluster, assembly in order.

The parse stage runs in worker processes that receive paths, never open documents (PDF
objects neither pickle nor share threads). Each worker has a memory limit, is recycled after
a number of documents so memory cannot creep, and is killed if one document's parse takes
longer than the time limit (that document becomes a `timeout` row; matching its rows
afterwards may take ten times as long). A worker that dies is replaced:
its document is tried once more, then recorded as an `error`; a worker that died while idle
costs nothing. Workers exit when the run's process is gone, however it ended.

A worker parses its document, matches its rows against the catalogue (the manifest's council,
sent with the path, scopes the match) and saves both to the cache; the main process lists and
hashes the files (in chunks), gives the next document to the freed worker before anything
else, and only assembles results. (Parses from a Dask cluster, and cached parses whose
catalogue changed, are matched in the main process in short slices between looking after the
workers, so a time limit fires on time while it matches.) The outputs are written as one new
generation of OUT (see output.py).
Results are assembled in file order, so the dataset is the same row for row whatever the
number of workers.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import multiprocessing as mp
import os
import resource
import signal
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path

from extract.errors import CorpusError, LoadError
from extract.load import files as load
from extract.load.files import hash_file
from extract.mappings import CATALOGUE_COLUMNS
from extract.run.cache import Cache
from extract.run.pipeline import (
    META_KEYS,
    DocumentResult,
    ParsedDocument,
    Pipeline,
    RunSummary,
    flag_conflicts,
    parse_document,
    scan_corpus,
)
from extract.tidy.councils import read_manifest
from extract.write.output import (
    MANIFEST,
    Generation,
    RunLock,
    clean_stale,
    current_generation,
    file_sha256,
    write_dataset,
)
from extract.write.report import REPORT_NAME, write_report_file
from extract.write.review import unmatched_rows, write_unmatched

Task = tuple  # index, path, sha256, bytes[, manifest entry]
DEFAULT_TIMEOUT = 120.0
DEFAULT_MEMORY_MB = 2048
DEFAULT_RECYCLE = 50
DEFAULT_MAX_MB = 500.0
MATCH_LIMIT_FACTOR = 10  # a worker matching its parsed rows gets this many time limits more
MATCH_SLICE = 0.05  # seconds of matching between two looks at the workers


@dataclass
class RunOptions:
    workers: int = 0  # 0: the machine's cores
    force: bool = False
    timeout: float = DEFAULT_TIMEOUT
    memory_mb: int = DEFAULT_MEMORY_MB
    recycle: int = DEFAULT_RECYCLE
    scheduler: str | None = None  # a dask.distributed scheduler address
    max_mb: float = DEFAULT_MAX_MB  # a larger file is a `too_large` row (0: no limit)
    follow_links: bool = False  # read symbolic links that leave CORPUS
    prune: bool = False  # delete every cached result this run did not use (see Cache.prune)


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


def failed_meta(sha: str | None, size: int | None, status: str, error: str, seconds: float = 0.0) -> ParsedDocument:
    meta = dict.fromkeys(META_KEYS)
    meta.update(sha256=sha, bytes=size, status=status, error=error, seconds=round(seconds, 4))
    return ParsedDocument(meta)


# -- worker processes ---------------------------------------------------------------------------
_WORKER_PIPELINE: Pipeline | None = None
_WORKER_CACHE: Cache | None = None
PR_SET_PDEATHSIG = 1


def _limit_memory(memory_mb: int) -> None:
    """Cap this process's address space at what it uses now plus memory_mb."""
    if memory_mb <= 0:
        return
    try:
        with open("/proc/self/statm") as fh:
            current = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        limit = current + memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (OSError, ValueError):  # not Linux, or not allowed: run without the limit
        pass


def _die_with_parent(parent_pid: int) -> None:
    """Be killed when the run's process dies, even by SIGKILL (Linux), while busy or idle."""
    with contextlib.suppress(Exception):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent_pid:  # it died before the request took effect
        os._exit(0)


def _pdf_pages(path: str) -> int | None:
    """The page count of a PDF (its page tree only, no page is read), for the progress display."""
    try:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(path)
        try:
            return len(pdf)
        finally:
            pdf.close()
    except Exception:
        return None


def _worker_main(conn: Connection, recycle: int, memory_mb: int, inherited: list[Connection], parent: int) -> None:
    # The parent's ends of every pipe (this worker's and the others'): holding them would keep
    # this worker from ever seeing the end of its own pipe when the parent is gone.
    for other in inherited:
        other.close()
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _limit_memory(memory_mb)
    pipeline, cache = _WORKER_PIPELINE, _WORKER_CACHE
    assert pipeline is not None
    try:
        for _ in range(recycle):
            try:
                task = conn.recv()
            except (EOFError, OSError):
                return
            if task is None:
                return
            index, path, manifest = task
            last = [0.0]

            def on_page(done: int, total: int, index: int = index, last: list[float] = last) -> None:
                now = time.monotonic()
                if now - last[0] >= 0.25 or done == total:
                    last[0] = now
                    conn.send(("page", index, done, total))

            if path.lower().endswith(".pdf"):
                conn.send(("pages", index, _pdf_pages(path)))
            load.PAGE_HOOK = on_page
            try:
                parsed = parse_document(Path(path), pipeline.parsers, pipeline.councils, settings=pipeline.settings)
            finally:
                load.PAGE_HOOK = None
            matches = None
            if parsed.rows:
                conn.send(("parsed", index))  # the time limit is the parse's: matching is bounded
                started = time.perf_counter()
                matches = pipeline.match_rows(parsed.rows, pipeline.council_for(parsed, manifest))
                parsed.match_seconds = time.perf_counter() - started
                parsed.ranked = pipeline.take_ranked()
            saved = False
            if cache is not None:
                try:
                    cache.save_parsed(parsed)
                    if matches is not None and parsed.meta["sha256"]:
                        cache.save_matched(parsed.meta["sha256"], matches)
                    saved = True
                except OSError:  # a full disk: the parent saves again, and says so if it fails too
                    pass
            parsed.matches, parsed.saved = matches, saved
            conn.send(("done", index, parsed))
    except (BrokenPipeError, ConnectionResetError, EOFError):
        return  # the parent is gone
    finally:
        conn.close()


@dataclass
class _Worker:
    process: mp.Process
    conn: Connection
    task: tuple | None = None  # index, path, manifest entry
    started: float = 0.0
    done: int = 0
    parsed_at: float | None = None  # when the worker said its document was parsed (it matches now)


class WorkerPool:
    def __init__(
        self, pipeline: Pipeline, workers: int, timeout: float, memory_mb: int, recycle: int, cache: Cache | None = None
    ) -> None:
        global _WORKER_PIPELINE, _WORKER_CACHE
        _WORKER_PIPELINE = pipeline  # inherited by forked workers: parsers and mappings load once
        _WORKER_CACHE = cache  # workers save what they parse and match
        pipeline.matcher  # noqa: B018 - built once here, before forking, not once per worker
        import extract.load.pdf  # noqa: F401 - load the PDF engine before forking, not under a worker's memory cap
        self.context = mp.get_context("fork")
        self.size, self.timeout, self.memory_mb, self.recycle = workers, timeout, memory_mb, max(1, recycle)
        self.workers: list[_Worker] = []

    def _spawn(self) -> _Worker:
        parent, child = self.context.Pipe()
        inherited = [parent, *(w.conn for w in self.workers)]
        process = self.context.Process(
            target=_worker_main, args=(child, self.recycle, self.memory_mb, inherited, os.getpid()), daemon=True
        )
        process.start()
        child.close()
        worker = _Worker(process, parent)
        self.workers.append(worker)
        return worker

    def _retire(self, worker: _Worker, kill: bool = False) -> None:
        if kill and worker.process.is_alive():
            worker.process.kill()
        worker.process.join(timeout=5)
        worker.conn.close()
        self.workers.remove(worker)

    def _dispatch(self, pending: deque) -> None:
        """Give pending documents to idle workers, starting workers up to the pool's size. A
        worker that died while idle (killed from outside) is replaced; the document waits."""
        failures = 0
        while pending:
            idle = next((w for w in self.workers if w.task is None), None)
            if idle is None:
                if len(self.workers) >= self.size:
                    return
                idle = self._spawn()
            index, path = pending[0][:2]
            manifest = pending[0][5]
            try:
                if not idle.process.is_alive():
                    raise BrokenPipeError("the worker is gone")
                idle.conn.send((index, path, manifest))
            except OSError:
                self._retire(idle, kill=True)
                failures += 1
                if failures > 3 * self.size + 3:
                    raise RuntimeError("worker processes die as soon as they start") from None
                continue
            pending.popleft()
            idle.task, idle.started, idle.parsed_at = (index, path, manifest), time.monotonic(), None

    def run(
        self,
        tasks: list[Task],
        on_result: Callable[[int, ParsedDocument], None],
        on_event: Callable[[str, int, tuple], None] | None = None,
        background: Callable[[], bool] | None = None,
    ) -> None:
        """tasks: (index, path, sha256, bytes[, manifest entry]). Calls on_result(index, parsed)
        as documents finish (parsed.matches: the worker's matches of its rows, None when it did
        not match; parsed.saved: the worker put both in the cache), on_event with what workers
        report on the way (`start`, `pages`, `page`), and background() (a slice of other work,
        True while there is more) whenever it would otherwise wait.
        A freed worker is given its next document before a result is handled."""
        pending = deque((t[0], t[1], t[2], t[3], 0, t[4] if len(t) > 4 else None) for t in tasks)
        info = {p[0]: (p[2], p[3], 0) for p in pending}
        manifests = {p[0]: p[5] for p in pending}
        more, last_tick = False, time.monotonic()
        try:
            while pending or any(w.task for w in self.workers):
                before = {w.task[0] for w in self.workers if w.task}
                self._dispatch(pending)
                if on_event:
                    for w in self.workers:
                        if w.task and w.task[0] not in before:
                            on_event("start", w.task[0], (w.task[1],))
                    if time.monotonic() - last_tick >= 0.5:  # let a display move while documents are long
                        last_tick = time.monotonic()
                        on_event("tick", -1, ())
                # idle workers are watched too: one that dies is replaced before it is needed
                ready = wait(
                    [w.conn for w in self.workers if w.task] + [w.process.sentinel for w in self.workers],
                    timeout=0 if more else 0.2,
                )
                now = time.monotonic()
                finished: list[tuple] = []
                for worker in list(self.workers):
                    if worker.task is None:
                        if not worker.process.is_alive():
                            self._retire(worker)
                        continue
                    index = worker.task[0]
                    sha, size, attempts = info[index]
                    if worker.conn in ready:
                        got = self._receive(worker, on_event)
                        if got is not None:
                            finished.append(got)
                            if worker.done >= self.recycle:
                                self._retire(worker)
                            continue
                    if worker.task is None:
                        continue
                    if not worker.process.is_alive():
                        code = worker.process.exitcode
                        path = worker.task[1]
                        self._retire(worker)
                        if attempts == 0:  # a crash can be the machine's, not the file's: once more
                            pending.appendleft((index, path, sha, size, 1, manifests.get(index)))
                            info[index] = (sha, size, 1)
                        else:
                            finished.append(
                                (index, failed_meta(sha, size, "error", f"worker crashed twice (exit code {code})"))
                            )
                    elif (
                        now - worker.started > self.timeout
                        if worker.parsed_at is None
                        else now - worker.parsed_at > MATCH_LIMIT_FACTOR * self.timeout
                    ):
                        self._retire(worker, kill=True)
                        finished.append((
                            index,
                            failed_meta(
                                sha, size, "timeout", f"took longer than the {self.timeout:g} s time limit",
                                now - worker.started,
                            ),
                        ))  # fmt: skip
                if finished:
                    self._dispatch(pending)  # the freed workers start their next document first
                    for index, parsed in finished:
                        on_result(index, parsed)
                more = background() if background else False
        finally:
            for worker in list(self.workers):
                with contextlib.suppress(OSError):
                    worker.conn.send(None)
                self._retire(worker, kill=True)

    def _receive(self, worker: _Worker, on_event) -> tuple | None:
        """Read what the worker sent; (index, parsed) when its document is done."""
        index = worker.task[0]
        try:
            while worker.conn.poll():
                tag, got, *rest = worker.conn.recv()
                if got != index:
                    continue
                if tag == "parsed":
                    worker.parsed_at = time.monotonic()
                    continue
                if tag == "done":
                    worker.task, worker.done = None, worker.done + 1
                    return (index, rest[0])
                if on_event:
                    on_event(tag, index, tuple(rest))
        except (EOFError, OSError, ValueError, TypeError):
            pass  # a worker that died mid-message: the death is handled by the caller
        return None


# -- Dask -----------------------------------------------------------------------------------
_DASK_PIPELINE: Pipeline | None = None


def dask_parse(path: str) -> ParsedDocument:
    """The parse stage on a Dask worker (the parsers and mappings load once per worker)."""
    global _DASK_PIPELINE
    if _DASK_PIPELINE is None:
        _DASK_PIPELINE = Pipeline()
    return parse_document(
        Path(path), _DASK_PIPELINE.parsers, _DASK_PIPELINE.councils, settings=_DASK_PIPELINE.settings
    )


def run_on_dask(address: str, tasks, on_result, background: Callable[[], bool] | None = None) -> None:
    try:
        from dask.distributed import Client, as_completed
    except ImportError as exc:  # pragma: no cover - depends on the optional extra
        raise RuntimeError("--scheduler needs the dask extra: pip install '.[dask]'") from exc
    with Client(address) as client:
        futures = {}
        for index, path, _sha, _size, *_ in tasks:
            futures[client.submit(dask_parse, path, key=f"extract-parse-{index}-{_sha}", pure=False)] = index
        for future in as_completed(futures):
            index = futures[future]
            try:
                parsed = future.result()
            except Exception as exc:  # a task the cluster could not finish
                sha, size = tasks[[t[0] for t in tasks].index(index)][2:4]
                parsed = failed_meta(sha, size, "error", f"Dask task failed: {type(exc).__name__}: {exc}")
            on_result(index, parsed)
            while background and background():
                pass


# -- the run ------------------------------------------------------------------------------------
def _report_inputs(folder: Path) -> str | None:
    """What report.html is made from: the three dataset files and the report's own code. A
    generation whose inputs are those of the current one links its report (same bytes)."""
    import hashlib

    import extract.write.report

    digest = hashlib.sha256()
    try:
        for name in ("observations.parquet", "documents.parquet", "catalogue.parquet"):
            digest.update(file_sha256(folder / name).encode())
        digest.update(Path(extract.write.report.__file__).read_bytes())
    except OSError:
        return None
    return digest.hexdigest()


def _current_facts(out: Path) -> dict:
    current = current_generation(out)
    try:
        return json.loads((current / MANIFEST).read_text(encoding="utf-8")) if current else {}
    except (OSError, ValueError):
        return {}


class LazyMatcher:
    """The pipeline's matcher, built when first asked to match."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline

    def match(self, *args, **kwargs):
        return self.pipeline.matcher.match(*args, **kwargs)


def run_corpus(pipeline: Pipeline, corpus: Path, out: Path, progress=None, **kwargs) -> RunSummary:
    """Run CORPUS into OUT. Raises CorpusError (nothing to read), ManifestError, OutputError
    (OUT cannot be written, or another run holds it) or OSError (a full disk, …); in every
    case, and when interrupted, OUT keeps its previous generation."""
    options = RunOptions(**kwargs)
    stages = Stages()
    root = corpus if corpus.is_dir() else corpus.parent
    with stages("walk"):
        manifest = read_manifest(root / "manifest.csv", set(pipeline.councils.names))
        listing = scan_corpus(corpus, follow_links=options.follow_links, out=out)
    if not listing.readable:
        raise CorpusError(f"no .pdf, .txt or .md file under {corpus}: nothing to read")
    with RunLock(out):
        clean_stale(out)
        return _run_locked(pipeline, listing, out, manifest, options, progress, stages, corpus)


class Stages(dict):
    """Seconds per stage of a run: `with stages("hash"): ...` adds to that stage."""

    @contextlib.contextmanager
    def __call__(self, name: str):
        started = time.perf_counter()
        try:
            yield
        finally:
            self[name] = self.get(name, 0.0) + time.perf_counter() - started

    def add(self, name: str, seconds: float) -> None:
        self[name] = self.get(name, 0.0) + seconds


def _run_locked(
    pipeline: Pipeline, listing, out: Path, manifest, options: RunOptions, progress, stages: Stages, corpus: Path
) -> RunSummary:
    entries = listing.entries
    cache = Cache(out, pipeline.parsers_version, pipeline.mappings.version)
    tracker = Progress(len(entries), skipped_folders=list(listing.skipped))
    results: list[DocumentResult | None] = [None] * len(entries)
    candidates: list[dict | None] = [None] * len(entries)
    rels = [e.rel for e in entries]
    counts = {"parsed": 0, "rematched": 0}
    to_match: deque[tuple[int, ParsedDocument, list[dict]]] = deque()

    def finish(index: int, parsed: ParsedDocument, matches: list[dict] | None = None, cached: bool = False) -> None:
        started = time.perf_counter()
        result = pipeline.finish(parsed, rels[index], manifest.get(rels[index]), matches or [])
        stages.add("assemble", time.perf_counter() - started)
        results[index] = result
        review: dict[str, list[dict] | None] = {}  # an unmatched name's candidates, at its first row
        for row, match in zip(parsed.rows, matches or [], strict=True):
            if match["indicator_id"] is None and row["indicator_raw"] not in review:
                review[row["indicator_raw"]] = match.get("candidates")
        candidates[index] = review
        tracker.inflight.pop(index, None)
        tracker.add(result, cached=cached)
        if progress:
            progress(result, tracker)

    def council_hint(index: int, parsed: ParsedDocument) -> str | None:
        return pipeline.council_for(parsed, manifest.get(rels[index]))

    def match_slice() -> bool:
        """Match queued rows for up to MATCH_SLICE seconds; True while rows remain."""
        deadline = time.monotonic() + MATCH_SLICE
        started = time.perf_counter()
        while to_match and time.monotonic() < deadline:
            index, parsed, done = to_match[0]
            step = parsed.rows[len(done) : len(done) + 4]
            done.extend(pipeline.match_rows(step, council_hint(index, parsed)))
            if len(done) == len(parsed.rows):
                to_match.popleft()
                if parsed.meta["sha256"]:
                    cache.save_matched(parsed.meta["sha256"], done)
                finish(index, parsed, done)
        stages.add("match (main process)", time.perf_counter() - started)
        return bool(to_match)

    def parsed_result(index: int, parsed: ParsedDocument) -> None:
        counts["parsed"] += 1
        stages.add("workers: parse", parsed.meta["seconds"] or 0.0)
        stages.add("workers: match", parsed.match_seconds)
        matches, parsed.matches = parsed.matches, None
        if parsed.ranked:  # workers started from now on need not rank these names again
            pipeline.ranked.update(parsed.ranked)
            parsed.ranked = None
        if parsed.saved:  # by the worker
            cache.mark_used(parsed, matched=matches is not None)
        else:
            cache.save_parsed(parsed)
            if matches is not None and parsed.meta["sha256"]:
                cache.save_matched(parsed.meta["sha256"], matches)
        if matches is not None:
            finish(index, parsed, matches)
        elif parsed.rows:
            to_match.append((index, parsed, []))
        else:
            finish(index, parsed)

    tasks: list[Task] = []
    sizes: dict[int, int] = {}
    max_bytes = int(options.max_mb * 1_000_000) if options.max_mb else None
    for index, entry in enumerate(entries):
        if entry.problem:
            status, message = entry.problem
            finish(index, failed_meta(None, None, status, message))
            continue
        try:
            with stages("hash"):
                sha, size = hash_file(entry.path, max_bytes)
        except LoadError as exc:
            size = None
            if exc.status == "too_large":
                with contextlib.suppress(OSError):
                    size = entry.path.stat().st_size
            finish(index, failed_meta(None, size, exc.status, str(exc)))
            continue
        except OSError as exc:
            finish(index, failed_meta(None, None, "unreadable", f"cannot read the file: {exc.strerror or exc}"))
            continue
        with stages("cache read"):
            cached = None if options.force else cache.load_parsed(sha)
            matches = cache.load_matched(sha) if cached is not None else None
        if cached is not None:
            if matches is not None and len(matches) != len(cached.rows):
                matches = None
            if matches is None and cached.rows:
                counts["rematched"] += 1
                with stages("match (main process)"):
                    matches = pipeline.match_rows(cached.rows, council_hint(index, cached))
                    cache.save_matched(sha, matches)
            finish(index, cached, matches, cached=True)
        else:
            tasks.append((index, str(entry.path), sha, size, manifest.get(rels[index])))
            sizes[index] = size
            if entry.path.suffix.lower() == ".pdf":
                tracker.pdf_bytes_left += size
            else:
                tracker.text_left += 1

    def on_event(tag: str, index: int, data: tuple) -> None:
        if tag == "start":
            doc = {"name": rels[index], "pages": None, "page": None, "started": time.perf_counter()}
            tracker.inflight[index] = doc
            if entries[index].path.suffix.lower() == ".pdf":
                tracker.pdf_bytes_left -= sizes.get(index, 0)
            else:
                tracker.text_left = max(0, tracker.text_left - 1)
        elif index in tracker.inflight:
            if tag == "pages":
                tracker.inflight[index]["pages"] = data[0]
            elif tag == "page":
                tracker.inflight[index]["page"], tracker.inflight[index]["pages"] = data
        if progress:
            progress(None, tracker)

    workers_started = time.perf_counter()
    if tasks:
        if options.scheduler:
            run_on_dask(options.scheduler, tasks, parsed_result, match_slice)
        else:
            workers = options.workers or os.cpu_count() or 1
            pool = WorkerPool(
                pipeline, min(workers, len(tasks)), options.timeout, options.memory_mb, options.recycle, cache
            )
            pool.run(tasks, parsed_result, on_event, match_slice)
    while match_slice():
        pass
    if tasks:  # the main process's wall-clock time while the workers ran (it matched meanwhile)
        stages.add("parse (workers, wall)", time.perf_counter() - workers_started)

    documents = [r.document for r in results if r is not None]
    observations = [o for r in results if r is not None for o in r.observations]
    catalogue = [
        {c: getattr(ind, c) or None for c in CATALOGUE_COLUMNS} for ind in pipeline.mappings.indicators.values()
    ]
    with stages("flags"):
        flag_conflicts(observations)
    generation = Generation(out)
    try:
        with stages("write"):
            write_dataset(generation.dir, observations, documents, catalogue)
        with stages("review queue"):
            fallbacks = {p.name for p in pipeline.parsers if p.fallback}
            known: dict[str, list[dict] | None] = {}
            for review in candidates:
                for name, found in (review or {}).items():
                    known.setdefault(name, found)
            matcher = LazyMatcher(pipeline)  # built only if a name's candidates are not known
            rows = unmatched_rows(observations, matcher, pipeline.rule_for, fallbacks, known)
            write_unmatched(generation.dir, rows)
        with stages("report"):
            report_inputs = _report_inputs(generation.dir)
            if report_inputs is not None and report_inputs == _current_facts(out).get("report_inputs"):
                generation.link_from_current((REPORT_NAME,))  # the same dataset: the same report
            if not (generation.dir / REPORT_NAME).exists():
                write_report_file(generation.dir)
        generation.commit(documents=len(documents), observations=len(observations), report_inputs=report_inputs)
    except BaseException as exc:
        generation.abort()
        if isinstance(exc, OSError) and not exc.filename:
            exc.filename = str(generation.dir)  # say where the disk was full
        raise
    with stages("prune"):
        pruned, kept = cache.prune(corpus, everything=options.prune)
    ranked = len(pipeline.take_ranked())  # by this process
    return RunSummary(
        documents, observations, parsed=counts["parsed"], rematched=counts["rematched"], skipped=list(listing.skipped),
        timings=dict(stages), ranked=ranked, cache_removed=pruned, cache_kept=kept,
    )  # fmt: skip
