"""Worker processes (or a Dask cluster) that parse, match and cache documents for a run.

The parse stage runs in worker processes that receive paths, never open documents (PDF
objects neither pickle nor share threads). Each worker has a memory limit, is recycled after
a number of documents so memory cannot creep, and is killed if one document's parse takes
longer than the time limit (that document becomes a `timeout` row; matching its rows
afterwards may take ten times as long). A worker that dies is replaced:
its document is tried once more, then recorded as an `error`; a worker that died while idle
costs nothing. Workers exit when the run's process is gone, however it ended.

A worker parses its document, matches its rows against the catalogue (the manifest's council,
sent with the path, scopes the match) and saves both to the cache (runner.py assembles).
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing as mp
import os
import resource
import selectors
import signal
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING

from extract.load import files as load
from extract.run import interrupts
from extract.run.cache import Cache
from extract.run.results import META_KEYS, ParsedDocument
from extract.settings import DEFAULT_SETTINGS

if TYPE_CHECKING:  # type hints only: the pipeline imports the runner, which imports this
    from extract.run.pipeline import Pipeline

Task = tuple  # index, path, sha256, bytes[, manifest entry]
# the CLI's defaults: Settings.run, where each has its reason
DEFAULT_TIMEOUT = DEFAULT_SETTINGS.run.timeout
DEFAULT_MEMORY_MB = DEFAULT_SETTINGS.run.memory_mb
DEFAULT_RECYCLE = DEFAULT_SETTINGS.run.recycle
DEFAULT_MAX_MB = DEFAULT_SETTINGS.run.max_mb
MATCH_LIMIT_FACTOR = 10  # a worker matching its parsed rows gets this many time limits more
MATCH_SLICE = 0.05  # seconds of matching between two looks at the workers


def failed_meta(sha: str | None, size: int | None, status: str, error: str, seconds: float = 0.0) -> ParsedDocument:
    meta = dict.fromkeys(META_KEYS)
    meta.update(sha256=sha, bytes=size, status=status, error=error, seconds=round(seconds, 4))
    return ParsedDocument(meta)


# -- worker processes ---------------------------------------------------------------------------
YOUNG_COLLECTION = 100_000  # container allocations between two collections of the youngest objects


def settle_heap() -> None:
    """In a worker, once the long-lived state is there (parsers, mappings, the matcher: inherited
    from the parent, frozen as it forked, see WorkerPool._spawn): the collector leaves it alone
    and collects young objects less often.

    A full collection walks every object the process holds, and a worker holds that state for
    its whole life (over one pass of the bench PDFs, 7 full collections took 0.54 s of a 9.8 s
    parse); frozen, it is never walked again, and the worker's copy of its memory stays shared
    with the parent (a walk writes to each object's header). Parsing makes and drops containers
    by the million, almost none of them in reference cycles: collecting the youngest every
    20,000 allocations instead of 700 finds the same garbage (at most a few MB later) for a
    sixth of the time; every 100,000, the young collections of one pass of the bench PDFs took
    0.09 s instead of 0.24 s (one collection instead of 17 and a middle-aged one: almost nothing a
    document makes is in a cycle, so little waits the longer). Identical output: nothing the tool
    reads depends on when cycles go.
    """
    gc.freeze()
    gc.set_threshold(YOUNG_COLLECTION, *gc.get_threshold()[1:])


_WORKER_PIPELINE: Pipeline | None = None
_WORKER_CACHE: Cache | None = None
# finish(index, parsed, matches) -> what the main process files for the document (runner.py), or
# None: set before the workers fork, so a worker finishes its documents itself
_WORKER_FINISH: Callable[[int, ParsedDocument, list[dict] | None], tuple] | None = None
# whether the run shows progress: a worker then reports a PDF's pages and the page it is on
_WORKER_PAGES = True
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
    settle_heap()
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

            if _WORKER_PAGES and path.lower().endswith(".pdf"):
                conn.send(("pages", index, _pdf_pages(path)))
            load.PAGE_HOOK = on_page if _WORKER_PAGES else None
            try:
                parsed = pipeline.parse(Path(path))
            finally:
                load.PAGE_HOOK = None
            matches = None
            if parsed.rows:
                conn.send(("parsed", index))  # the time limit is the parse's: matching is bounded
                started = time.perf_counter()
                matches = pipeline.match_rows(
                    parsed.rows, pipeline.council_for(parsed, manifest), parsed.meta.get("title")
                )
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
            if _WORKER_FINISH is not None and saved and (matches is not None or not parsed.rows):
                try:  # the parent files the result and need not build it (nor be sent the rows)
                    parsed.finished = _WORKER_FINISH(index, parsed, matches)
                    parsed.rows, parsed.matches = [], (None if matches is None else [])
                except Exception:  # the parent finishes it, and meets the same error itself
                    parsed.finished = None
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
        self, pipeline: Pipeline, workers: int, timeout: float, memory_mb: int, recycle: int,
        cache: Cache | None = None, finish: Callable[[int, ParsedDocument, list[dict] | None], tuple] | None = None,
        pages: bool = True,
    ) -> None:  # fmt: skip
        """pages: whether workers report a PDF's page count and the page they are on (for a
        progress display; a run that shows none need not be sent a message a page)."""
        global _WORKER_PIPELINE, _WORKER_CACHE, _WORKER_FINISH, _WORKER_PAGES
        _WORKER_PIPELINE = pipeline  # inherited by forked workers: parsers and mappings load once
        _WORKER_CACHE = cache  # workers save what they parse and match
        _WORKER_FINISH = finish  # and finish it (only with a cache: the parent then needs no rows)
        _WORKER_PAGES = pages
        pipeline.matcher  # noqa: B018 - built once here, before forking, not once per worker
        pipeline.parsers, pipeline.councils  # noqa: B018 - the same for the parsers (imported lazily)
        import extract.load.pdf  # noqa: F401 - load the PDF engine before forking, not under a worker's memory cap
        self.context = mp.get_context("fork")
        self.size, self.timeout, self.memory_mb, self.recycle = workers, timeout, memory_mb, max(1, recycle)
        self.workers: list[_Worker] = []
        # every worker's pipe and process sentinel, registered once (while run() runs): one
        # selector for the run, not one built by connection.wait() on each pass of its loop
        self.selector: selectors.BaseSelector | None = None

    def _watch(self, worker: _Worker) -> None:
        if self.selector is not None:
            self.selector.register(worker.conn, selectors.EVENT_READ, worker)
            self.selector.register(worker.process.sentinel, selectors.EVENT_READ, None)

    def _unwatch(self, worker: _Worker) -> None:
        if self.selector is not None:
            for fileobj in (worker.conn, worker.process.sentinel):
                with contextlib.suppress(KeyError, ValueError, OSError):
                    self.selector.unregister(fileobj)

    def _spawn(self) -> _Worker:
        parent, child = self.context.Pipe()
        inherited = [parent, *(w.conn for w in self.workers)]
        process = self.context.Process(
            target=_worker_main, args=(child, self.recycle, self.memory_mb, inherited, os.getpid()), daemon=True
        )
        gc.freeze()  # the worker's copy of everything there is now starts frozen (settle_heap)
        try:
            process.start()
        finally:
            gc.unfreeze()  # this process collects as before (a frozen object is never collected)
        child.close()
        worker = _Worker(process, parent)
        self.workers.append(worker)
        self._watch(worker)
        return worker

    def _retire(self, worker: _Worker, kill: bool = False) -> None:
        if kill and worker.process.is_alive():
            worker.process.kill()
        self._unwatch(worker)
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
        # largest first, so that no worker is left with a long document while the others wait at
        # the end (results are filed by index: the order they come in changes no output)
        ordered = sorted(tasks, key=lambda t: -(t[3] or 0))
        pending = deque((t[0], t[1], t[2], t[3], 0, t[4] if len(t) > 4 else None) for t in ordered)
        info = {p[0]: (p[2], p[3], 0) for p in pending}
        manifests = {p[0]: p[5] for p in pending}
        more, last_tick = False, time.monotonic()
        self.selector = selectors.DefaultSelector()
        for worker in self.workers:
            self._watch(worker)
        try:
            while pending or any(w.task for w in self.workers):
                interrupts.check()  # a Ctrl-C that a finaliser dropped stops the run here
                before = {w.task[0] for w in self.workers if w.task}
                self._dispatch(pending)
                if on_event:
                    for w in self.workers:
                        if w.task and w.task[0] not in before:
                            on_event("start", w.task[0], (w.task[1],))
                    if time.monotonic() - last_tick >= 0.5:  # let a display move while documents are long
                        last_tick = time.monotonic()
                        on_event("tick", -1, ())
                # idle workers are watched too (their sentinels): one that dies is replaced
                # before it is needed; an idle worker's pipe is not read (as it says nothing)
                ready = {key.fileobj for key, _ in self.selector.select(timeout=0 if more else 0.2)}
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
            self.selector.close()
            self.selector = None

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


def dask_parse(make_pipeline: Callable[[], Pipeline], path: str) -> ParsedDocument:
    """The parse stage on a Dask worker (the parsers and mappings load once per worker).
    make_pipeline: the Pipeline class, pickled by name (this module does not import it)."""
    global _DASK_PIPELINE
    if _DASK_PIPELINE is None:
        _DASK_PIPELINE = make_pipeline()
    return _DASK_PIPELINE.parse(Path(path))


def run_on_dask(
    address: str, make_pipeline, tasks, on_result, background: Callable[[], bool] | None = None
) -> None:
    try:
        from dask.distributed import Client, as_completed
    except ImportError as exc:  # pragma: no cover - depends on the optional extra
        raise RuntimeError("--scheduler needs the dask extra: pip install '.[dask]'") from exc
    with Client(address) as client:
        futures = {}
        for index, path, _sha, _size, *_ in tasks:
            future = client.submit(dask_parse, make_pipeline, path, key=f"extract-parse-{index}-{_sha}", pure=False)
            futures[future] = index
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
