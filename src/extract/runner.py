"""Running a corpus: cache lookups, worker processes or a Dask cluster, assembly in order.

The parse stage runs in worker processes that receive paths, never open documents (PDF
objects neither pickle nor share threads). Each worker has a memory limit, is recycled after
a number of documents so memory cannot creep, and is killed if one document takes longer
than the time limit (that document becomes a `timeout` row). A worker that dies is replaced
and its document tried once more, then recorded as an `error`. Results are assembled in file
order, so the dataset is the same row for row whatever the number of workers.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import resource
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path

from extract.cache import Cache
from extract.councils import read_manifest
from extract.load import relative_name, sha256_of
from extract.mappings import CATALOGUE_COLUMNS
from extract.output import write_dataset
from extract.pipeline import (
    META_KEYS,
    DocumentResult,
    ParsedDocument,
    Pipeline,
    RunSummary,
    flag_conflicts,
    parse_document,
    walk_corpus,
)
from extract.report import write_report
from extract.review import unmatched_rows, write_unmatched

Task = tuple[int, str, str | None, int | None]  # index, path, sha256, bytes
DEFAULT_TIMEOUT = 120.0
DEFAULT_MEMORY_MB = 2048
DEFAULT_RECYCLE = 50


@dataclass
class RunOptions:
    workers: int = 0  # 0: the machine's cores
    force: bool = False
    timeout: float = DEFAULT_TIMEOUT
    memory_mb: int = DEFAULT_MEMORY_MB
    recycle: int = DEFAULT_RECYCLE
    scheduler: str | None = None  # a dask.distributed scheduler address


@dataclass
class Progress:
    total: int
    done: int = 0
    pages: int = 0
    started: float = field(default_factory=time.perf_counter)

    def add(self, result: DocumentResult) -> None:
        self.done += 1
        self.pages += result.document["pages"] or 0


def failed_meta(sha: str | None, size: int | None, status: str, error: str, seconds: float = 0.0) -> ParsedDocument:
    meta = dict.fromkeys(META_KEYS)
    meta.update(sha256=sha, bytes=size, status=status, error=error, seconds=round(seconds, 4))
    return ParsedDocument(meta)


# -- worker processes ---------------------------------------------------------------------------
_WORKER_PIPELINE: Pipeline | None = None


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


def _worker_main(conn: Connection, recycle: int, memory_mb: int) -> None:
    _limit_memory(memory_mb)
    pipeline = _WORKER_PIPELINE
    assert pipeline is not None
    for _ in range(recycle):
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        index, path = task
        parsed = parse_document(Path(path), pipeline.parsers, pipeline.councils)
        conn.send((index, parsed))
    conn.close()


@dataclass
class _Worker:
    process: mp.Process
    conn: Connection
    task: tuple[int, str] | None = None
    started: float = 0.0
    done: int = 0


class WorkerPool:
    def __init__(self, pipeline: Pipeline, workers: int, timeout: float, memory_mb: int, recycle: int) -> None:
        global _WORKER_PIPELINE
        _WORKER_PIPELINE = pipeline  # inherited by forked workers: parsers and mappings load once
        import extract.pdf  # noqa: F401 - load the PDF engine before forking, not under a worker's memory cap
        self.context = mp.get_context("fork")
        self.size, self.timeout, self.memory_mb, self.recycle = workers, timeout, memory_mb, max(1, recycle)
        self.workers: list[_Worker] = []

    def _spawn(self) -> _Worker:
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_worker_main, args=(child, self.recycle, self.memory_mb), daemon=True)
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

    def run(
        self, tasks: list[tuple[int, str, str | None, int | None]], on_result: Callable[[int, ParsedDocument], None]
    ):
        """tasks: (index, path, sha256, bytes). Calls on_result as documents finish."""
        pending = deque((index, path, sha, size, 0) for index, path, sha, size in tasks)
        info = {index: (sha, size, attempts) for index, _, sha, size, attempts in pending}
        try:
            while pending or any(w.task for w in self.workers):
                while pending and (len(self.workers) < self.size or any(w.task is None for w in self.workers)):
                    idle = next((w for w in self.workers if w.task is None), None) or self._spawn()
                    index, path, sha, size, attempts = pending.popleft()
                    info[index] = (sha, size, attempts)
                    idle.task, idle.started = (index, path), time.monotonic()
                    idle.conn.send((index, path))
                busy = [w for w in self.workers if w.task]
                ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=0.2)
                now = time.monotonic()
                for worker in busy:
                    index = worker.task[0]
                    sha, size, attempts = info[index]
                    if worker.conn in ready:
                        try:
                            got_index, parsed = worker.conn.recv()
                        except (EOFError, OSError):
                            got_index = None
                        if got_index == index:
                            worker.task, worker.done = None, worker.done + 1
                            on_result(index, parsed)
                            if worker.done >= self.recycle:
                                self._retire(worker)
                            continue
                    if not worker.process.is_alive():
                        code = worker.process.exitcode
                        self._retire(worker)
                        if attempts == 0:  # a crash can be the machine's, not the file's: once more
                            pending.appendleft((index, worker.task[1], sha, size, 1))
                        else:
                            on_result(
                                index, failed_meta(sha, size, "error", f"worker crashed twice (exit code {code})")
                            )
                    elif now - worker.started > self.timeout:
                        self._retire(worker, kill=True)
                        on_result(
                            index,
                            failed_meta(
                                sha,
                                size,
                                "timeout",
                                f"took longer than the {self.timeout:g} s time limit",
                                now - worker.started,
                            ),
                        )
        finally:
            for worker in list(self.workers):
                with contextlib.suppress(OSError):
                    worker.conn.send(None)
                self._retire(worker, kill=True)


# -- Dask -----------------------------------------------------------------------------------
_DASK_PIPELINE: Pipeline | None = None


def dask_parse(path: str) -> ParsedDocument:
    """The parse stage on a Dask worker (the parsers and mappings load once per worker)."""
    global _DASK_PIPELINE
    if _DASK_PIPELINE is None:
        _DASK_PIPELINE = Pipeline()
    return parse_document(Path(path), _DASK_PIPELINE.parsers, _DASK_PIPELINE.councils)


def run_on_dask(address: str, tasks, on_result) -> None:
    try:
        from dask.distributed import Client, as_completed
    except ImportError as exc:  # pragma: no cover - depends on the optional extra
        raise RuntimeError("--scheduler needs the dask extra: pip install '.[dask]'") from exc
    with Client(address) as client:
        futures = {}
        for index, path, _sha, _size in tasks:
            futures[client.submit(dask_parse, path, key=f"extract-parse-{index}-{_sha}", pure=False)] = index
        for future in as_completed(futures):
            index = futures[future]
            try:
                on_result(index, future.result())
            except Exception as exc:  # a task the cluster could not finish
                sha, size = tasks[[t[0] for t in tasks].index(index)][2:4]
                on_result(index, failed_meta(sha, size, "error", f"Dask task failed: {type(exc).__name__}: {exc}"))


# -- the run ------------------------------------------------------------------------------------
def run_corpus(pipeline: Pipeline, corpus: Path, out: Path, progress=None, **kwargs) -> RunSummary:
    options = RunOptions(**kwargs)
    root = corpus if corpus.is_dir() else corpus.parent
    manifest = read_manifest(root / "manifest.csv", set(pipeline.councils.names))
    files = walk_corpus(corpus)
    cache = Cache(out, pipeline.parsers_version, pipeline.mappings.version)
    tracker = Progress(len(files))
    results: list[DocumentResult | None] = [None] * len(files)
    rels = [relative_name(p, root) for p in files]
    counts = {"parsed": 0, "rematched": 0}

    def finish(index: int, parsed: ParsedDocument, matches: list[dict] | None = None, fresh: bool = False) -> None:
        if fresh:
            counts["parsed"] += 1
            cache.save_parsed(parsed)
        sha = parsed.meta["sha256"]
        if matches is None and parsed.rows:
            matches = pipeline.match_rows(parsed.rows, pipeline.council_for(parsed, manifest.get(rels[index])))
            if sha:
                cache.save_matched(sha, matches)
        result = pipeline.finish(parsed, rels[index], manifest.get(rels[index]), matches or [])
        results[index] = result
        tracker.add(result)
        if progress:
            progress(result, tracker)

    tasks: list[Task] = []
    for index, path in enumerate(files):
        try:
            data = path.read_bytes()
        except OSError as exc:
            finish(index, failed_meta(None, None, "unreadable", f"cannot read the file: {exc}"))
            continue
        sha = sha256_of(data)
        cached = None if options.force else cache.load_parsed(sha)
        if cached is not None:
            matches = cache.load_matched(sha)
            if matches is None and cached.rows:
                counts["rematched"] += 1
            finish(index, cached, matches)
        else:
            tasks.append((index, str(path), sha, len(data)))

    def parsed_result(index: int, parsed: ParsedDocument) -> None:
        finish(index, parsed, fresh=True)

    if tasks:
        if options.scheduler:
            run_on_dask(options.scheduler, tasks, parsed_result)
        else:
            workers = options.workers or os.cpu_count() or 1
            WorkerPool(pipeline, min(workers, len(tasks)), options.timeout, options.memory_mb, options.recycle).run(
                tasks, parsed_result
            )

    documents = [r.document for r in results if r is not None]
    observations = [o for r in results if r is not None for o in r.observations]
    catalogue = [
        {c: getattr(ind, c) or None for c in CATALOGUE_COLUMNS} for ind in pipeline.mappings.indicators.values()
    ]
    flag_conflicts(observations)
    write_dataset(out, observations, documents, catalogue)
    fallbacks = {p.name for p in pipeline.parsers if p.fallback}
    write_unmatched(out, unmatched_rows(observations, pipeline.matcher, pipeline.rule_for, fallbacks))
    write_report(out)
    cache.prune()
    return RunSummary(documents, observations, parsed=counts["parsed"], rematched=counts["rematched"])
