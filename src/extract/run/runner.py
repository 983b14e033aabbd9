"""Running a corpus: cache lookups, worker processes (workers.py) or a Dask cluster, assembly in order.

The main process lists and hashes the files (in chunks), gives the next document to a freed
worker before anything else, and only assembles results: workers parse, match and cache their
documents. (Parses from a Dask cluster, and cached parses whose catalogue changed, are matched
in the main process in short slices between looking after the workers, so a time limit fires
on time while it matches.)

Rows stay columns: a document finished in an earlier run comes from the assembled store
(store.py) as a slice of one Arrow table; one finished in this run becomes an Arrow table at
once. Conflicts across documents are decided on a few columns of all rows at once (flags.py);
observations.parquet and the store are written by batches, so the main process's memory
follows a batch and those few columns, not the corpus. The outputs are written as one new
generation of OUT (see output.py). Results are assembled in file order, so the dataset is the
same row for row whatever the number of workers.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.compute as pc

from extract.errors import CorpusError, LoadError
from extract.load.files import hash_file
from extract.mappings import CATALOGUE_COLUMNS
from extract.run import interrupts, warm
from extract.run.assembly import Assembly
from extract.run.cache import TRANSIENT_STATUSES, Cache, settings_key
from extract.run.corpus import scan_corpus
from extract.run.results import DocumentResult, ParsedDocument, Progress, RunSummary
from extract.run.store import ROWS_SCHEMA, Spill, Store, document_key
from extract.run.workers import (
    DEFAULT_MAX_MB,
    DEFAULT_MEMORY_MB,
    DEFAULT_RECYCLE,
    DEFAULT_TIMEOUT,
    MATCH_SLICE,
    Task,
    WorkerPool,
    failed_meta,
    run_on_dask,
)
from extract.tidy.councils import read_manifest
from extract.tidy.flags import add_conflicts
from extract.write.output import (
    MANIFEST,
    OBSERVATIONS_SCHEMA,
    OUTPUT_FILES,
    SCHEMA_VERSION,
    Generation,
    RunLock,
    check_generation,
    clean_stale,
    current_generation,
    file_sha256,
    rebatch,
    table_from_rows,
    write_dataset,
    write_stream,
)
from extract.write.report import REPORT_NAME, write_report_file
from extract.write.review import REVIEW_COLUMNS, QueueBuilder, write_unmatched

if TYPE_CHECKING:  # type hints only: the pipeline imports this module
    from extract.run.pipeline import Pipeline


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
    replay: bool = True  # nothing changed since the last run: link its outputs (warm.py)


# -- the run ------------------------------------------------------------------------------------
def _report_inputs(folder: Path) -> str | None:
    from extract.write.report import report_inputs  # (the report's module is imported only when needed)

    return report_inputs(folder)


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
    recorder = None
    if pipeline.replayable:  # the installed parsers and mapping files: what warm.py fingerprints
        warm_options = {"force": options.force, "max_mb": options.max_mb, "follow_links": options.follow_links}
        if options.replay:
            summary = warm.replay(corpus, out, pipeline.settings, progress, **warm_options)
            if summary is not None:
                return summary
        recorder = warm.Recorder(corpus, out, pipeline.settings, options.max_mb, options.follow_links)
    stages = Stages()
    root = corpus if corpus.is_dir() else corpus.parent
    with stages("walk"):
        if recorder is not None:  # before it is read: a change from here on shows in its stat
            recorder.manifest(root / "manifest.csv")
        manifest = read_manifest(root / "manifest.csv", set(pipeline.councils.names))
        listing = scan_corpus(corpus, follow_links=options.follow_links, out=out)
    if not listing.readable:
        kinds = ".pdf, .txt, .md or .csv file"
        where = f"{corpus} is no {kinds}" if corpus.is_file() else f"no {kinds} under {corpus}"
        raise CorpusError(f"{where}: nothing to read")
    with RunLock(out):
        warm.forget(out)
        clean_stale(out)
        return _run_locked(pipeline, listing, out, manifest, options, progress, stages, corpus, recorder)


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
    pipeline: Pipeline, listing, out: Path, manifest, options: RunOptions, progress, stages: Stages, corpus: Path,
    recorder: warm.Recorder | None,
) -> RunSummary:  # fmt: skip
    entries = listing.entries
    parse_key = f"{pipeline.parsers_version};{settings_key(pipeline.settings)};{pipeline.mappings.reading_version}"
    cache = Cache(out, parse_key, pipeline.mappings.version)
    store = Store(cache.root, cache.parsers_key, cache.catalogue_key)
    with stages("cache read"):
        store.load()  # read even with --force: a subset run keeps the rest's rows (see prune)
    tracker = Progress(len(entries), skipped_folders=list(listing.skipped))
    assembly = Assembly(store, Spill(store.folder), len(entries))
    try:
        return _assemble(
            pipeline, listing, out, manifest, options, progress, stages, corpus, cache, assembly, tracker, recorder
        )
    finally:
        assembly.close()


def _assemble(
    pipeline: Pipeline, listing, out: Path, manifest, options: RunOptions, progress, stages: Stages, corpus: Path,
    cache: Cache, assembly: Assembly, tracker: Progress, recorder: warm.Recorder | None,
) -> RunSummary:  # fmt: skip
    entries, store = listing.entries, assembly.store
    documents, keys = assembly.documents, assembly.keys
    rels = [e.rel for e in entries]
    counts = {"parsed": 0, "rematched": 0}
    to_match: deque[tuple[int, ParsedDocument, list[dict]]] = deque()

    def build(index: int, parsed: ParsedDocument, matches: list[dict] | None) -> tuple[dict, pa.Table]:
        """A document's documents.parquet row and its rows as Arrow: in a worker (see workers.py)
        or here."""
        result = pipeline.finish(parsed, rels[index], manifest.get(rels[index]), matches or [])
        for observation, match in zip(result.observations, matches or [], strict=False):
            observation["candidates"] = match.get("candidates") if observation["indicator_id"] is None else None
        return result.document, table_from_rows(result.observations, ROWS_SCHEMA)

    def finish(index: int, parsed: ParsedDocument, matches: list[dict] | None = None, cached: bool = False) -> None:
        started = time.perf_counter()
        document, table = parsed.finished or build(index, parsed, matches)
        parsed.finished = None
        assembly.sources[index] = assembly.spill.add(table)
        documents[index] = document
        result = DocumentResult(document)
        if parsed.meta["sha256"] and parsed.meta["status"] not in TRANSIENT_STATUSES:
            keys[index] = document_key(parsed.meta["sha256"], rels[index], manifest.get(rels[index]))
        stages.add("assemble", time.perf_counter() - started)
        done(index, result, cached)

    def done(index: int, result: DocumentResult, cached: bool) -> None:
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
            index, parsed, matched = to_match[0]
            step = parsed.rows[len(matched) : len(matched) + 4]
            matched.extend(pipeline.match_rows(step, council_hint(index, parsed), parsed.meta.get("title")))
            if len(matched) == len(parsed.rows):
                to_match.popleft()
                if parsed.meta["sha256"]:
                    cache.save_matched(parsed.meta["sha256"], matched)
                finish(index, parsed, matched)
        stages.add("match (main process)", time.perf_counter() - started)
        return bool(to_match)

    def parsed_result(index: int, parsed: ParsedDocument) -> None:
        counts["parsed"] += 1
        stages.add("workers: parse", parsed.meta["seconds"] or 0.0)
        stages.add("workers: match", parsed.match_seconds)
        matches, parsed.matches = parsed.matches, None
        if parsed.ranked and len(pipeline.ranked) < pipeline.settings.run.ranked_kept:
            pipeline.ranked.update(parsed.ranked)  # workers started from now on need not rank these again
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
                stat = recorder.stat(entry.path) if recorder else None  # before the bytes: see warm.py
                sha, size = hash_file(entry.path, max_bytes)
                if recorder:
                    recorder.hashed(entry.path, stat, sha)
        except LoadError as exc:
            size = None
            if recorder and exc.status == "too_large":  # decided by the size: the stat says it again
                recorder.hashed(entry.path, stat, None)
            elif recorder:
                recorder.complete = False
            if exc.status == "too_large":
                with contextlib.suppress(OSError):
                    size = entry.path.stat().st_size
            finish(index, failed_meta(None, size, exc.status, str(exc)))
            continue
        except OSError as exc:
            if recorder:
                recorder.complete = False
            finish(index, failed_meta(None, None, "unreadable", f"cannot read the file: {exc.strerror or exc}"))
            continue
        key = document_key(sha, rels[index], manifest.get(rels[index]))
        if key in store.documents and not options.force:  # finished by an earlier run: its rows stay columns
            keys[index] = assembly.sources[index] = key
            documents[index] = store.documents[key][0]
            cache.keep(sha)
            done(index, DocumentResult(documents[index]), cached=True)
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
                    matches = pipeline.match_rows(cached.rows, council_hint(index, cached), cached.meta.get("title"))
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
            run_on_dask(options.scheduler, type(pipeline), tasks, parsed_result, match_slice)
        else:
            workers = options.workers or os.cpu_count() or 1
            pool = WorkerPool(
                pipeline, min(workers, len(tasks)), options.timeout, options.memory_mb, options.recycle, cache,
                finish=build, pages=progress is not None,  # a run that shows no progress: no page reports
            )
            pool.run(tasks, parsed_result, on_event, match_slice)
    while match_slice():
        pass
    if tasks:  # the main process's wall-clock time while the workers ran (it matched meanwhile)
        stages.add("parse (workers, wall)", time.perf_counter() - workers_started)

    assembly.spilled = assembly.spill.close()
    catalogue = [
        {c: getattr(ind, c) or None for c in CATALOGUE_COLUMNS} for ind in pipeline.mappings.indicators.values()
    ]
    inputs = assembly.inputs((cache.parsers_key, cache.catalogue_key, SCHEMA_VERSION, file_sha256(Path(__file__))))
    previous = _current_facts(out)
    generation = Generation(out)
    try:
        same = inputs is not None and previous.get("dataset_inputs") == inputs and not options.force
        if same and all(k in previous for k in FACTS):
            # nothing the outputs are made from changed: the current generation's files (checked
            # against its manifest), linked
            with stages("link"):
                if check_generation(out)[0]:
                    generation.link_from_current(OUTPUT_FILES)
        if all((generation.dir / name).exists() for name in OUTPUT_FILES):
            facts = {k: previous[k] for k in FACTS}
        else:
            facts = _write_outputs(pipeline, assembly, generation, catalogue, stages, previous)
        interrupts.check()  # never commit a run that was asked to stop
        generation.commit(documents=len(entries), dataset_inputs=inputs, **facts)
    except BaseException as exc:
        generation.abort()
        if isinstance(exc, OSError) and not exc.filename:
            exc.filename = str(generation.dir)  # say where the disk was full
        raise
    with stages("prune"):
        keep_others = not options.prune and not cache.same_corpus(corpus)
        used = {k for k in assembly.keys if k is not None}
        others_kept = keep_others and any(k not in used for k in store.order)
        if assembly.store_changed(keep_others):
            # a store that cannot be written (a full disk) costs the next run time, not this run
            with stages("write cache"), contextlib.suppress(OSError):
                assembly.write_store(keep_others)
        store.prune()
        pruned, kept = cache.prune(corpus, everything=options.prune)
    if recorder is not None and inputs is not None and not others_kept and not kept:
        # the cache holds this corpus's results only: a re-run with nothing changed has nothing to do
        with stages("record"):
            recorder.save(out, listing, pipeline.parsers, [d for d in documents if d is not None], inputs)
    ranked = len(pipeline.take_ranked())  # by this process
    return RunSummary(
        [d for d in documents if d is not None], rows=facts["observations"], matched=facts["matched"],
        unmatched_names=facts["unmatched_names"], parsed=counts["parsed"], rematched=counts["rematched"],
        skipped=list(listing.skipped), timings=dict(stages), ranked=ranked, cache_removed=pruned, cache_kept=kept,
    )  # fmt: skip


FACTS = ("observations", "matched", "unmatched_names", "report_inputs")  # a generation's manifest keeps them


def _write_outputs(
    pipeline: Pipeline, assembly: Assembly, generation: Generation, catalogue: list[dict], stages: Stages,
    previous: dict,
) -> dict:  # fmt: skip
    """Write the five outputs into the generation from the assembled rows; the facts to keep."""
    with stages("flags"):
        conflicts = assembly.conflicts()
    tally = {"observations": 0, "matched": 0}
    queue = QueueBuilder()

    def observations() -> Iterator[pa.Table]:
        at = 0
        for table in rebatch(assembly.tables()):  # a batch of many documents: few Arrow calls
            flagged = add_conflicts(table, conflicts[at : at + table.num_rows])
            at += table.num_rows
            tally["observations"] += flagged.num_rows
            tally["matched"] += flagged.num_rows - flagged.column("indicator_id").null_count
            if flagged.column("indicator_id").null_count:  # the review queue's rows, reduced as they pass
                queue.add(flagged.filter(pc.is_null(flagged.column("indicator_id"))).select(list(REVIEW_COLUMNS)))
            yield flagged.drop_columns(["candidates"])

    with stages("write"):
        write_stream(generation.dir / "observations.parquet", OBSERVATIONS_SCHEMA, observations())
        write_dataset(generation.dir, None, [d for d in assembly.documents if d is not None], catalogue)
    with stages("review queue"):
        fallbacks = {p.name for p in pipeline.parsers if p.fallback}
        matcher = LazyMatcher(pipeline)  # built only if a name's candidates are not known
        queued = queue.rows(matcher, pipeline.rule_for, fallbacks)
        write_unmatched(generation.dir, queued)
    with stages("report"):
        report_inputs = _report_inputs(generation.dir)
        if report_inputs is not None and report_inputs == previous.get("report_inputs"):
            generation.link_from_current((REPORT_NAME,))  # the same dataset: the same report
        if not (generation.dir / REPORT_NAME).exists():
            write_report_file(generation.dir)
    return {**tally, "unmatched_names": len(queued), "report_inputs": report_inputs}
