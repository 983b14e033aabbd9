"""A re-run with nothing changed: the current generation's files linked again, nothing imported.

A run that finished with a settled cache records under OUT/.extract-cache/warm.json what its
outputs were made from:

- every file of the `extract` package, of the parsers' package, of the mappings folder and the
  module of each discovered parser; the entry-point declarations (`entry_points.txt` of every
  installed distribution on sys.path), each folder's listing (a file added or removed), as
  (size, mtime, ctime, inode, SHA-256);
- CORPUS's listing (every file, with the reason when it is not read; the output folders skipped),
  each file's stat and SHA-256, and its manifest's;
- the settings, Python's version, sys.path, CORPUS and OUT, the options that change outputs
  (`--max-mb`, `--follow-links`), and the generation's `dataset_inputs`;
- every file of OUT's cache folder with its stat (a cache damaged or changed since is judged by
  the full run).

The next run into OUT first compares: a file whose stat is as recorded (and older than the record
by more than RACY_NS, so that a change in the same clock tick cannot hide) is the same file;
any other is hashed and compared by content. When everything is the same and OUT still shows
that generation whole (`check_generation`: every file's SHA-256), the run links the generation's
files into a new generation and returns the recorded documents: no parser is imported, no
mapping file read, no Parquet file opened. Anything else, and `--force`, is the full run
(runner.py), which removes the record first and writes it again at its end.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import sys
import time
from pathlib import Path

from extract.run import interrupts
from extract.run.corpus import CorpusListing, scan_corpus
from extract.run.results import CACHE_DIR, DocumentResult, Progress, RunSummary
from extract.write.generations import (
    MANIFEST,
    OUTPUT_FILES,
    Generation,
    RunLock,
    check_generation,
    clean_stale,
    current_generation,
    write_text_atomic,
)

RECORD = "warm.json"
FORMAT = 1  # bumped when the record's contents change
# A file changed less than this before the record was taken may keep its recorded stat (clocks
# tick coarsely): its content is compared instead.
RACY_NS = 2_000_000_000
# The facts a generation's manifest keeps besides its files (runner.py writes them).
FACTS = ("observations", "matched", "unmatched_names", "report_inputs")
_METADATA_SUFFIXES = (".dist-info", ".egg-info", ".egg-link", ".pth")
_METADATA_TAG = os.sep + "*metadata*"  # a folder of sys.path: only its distributions' names are compared


def record_path(out: Path) -> Path:
    return Path(out) / CACHE_DIR / RECORD


def stat_of(path: str | Path) -> list[int] | None:
    """(size, mtime, ctime, inode) of a file (links followed), or None when it is not there."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


def sha_of(path: str | Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def _metadata(folder: str) -> list[str]:
    """The installed distributions' metadata in a folder of sys.path."""
    return [n for n in _listing(folder) or [] if n.endswith(_METADATA_SUFFIXES)]


def _listing(folder: str) -> list[str] | None:
    try:
        return sorted(n for n in os.listdir(folder) if n != "__pycache__")
    except OSError:
        return None


def _code_roots() -> list[str]:
    """The folders whose files the outputs are made with: this package, the parsers', the mappings'."""
    import extract

    roots = [os.path.dirname(os.path.abspath(extract.__file__))]
    spec = importlib.util.find_spec("extract_parsers")
    if spec is not None and spec.submodule_search_locations:
        roots += [os.path.abspath(p) for p in spec.submodule_search_locations]
    override = os.environ.get("EXTRACT_MAPPINGS")  # as mappings.mappings_dir(), without importing the package
    if override:
        roots.append(os.path.abspath(override))
    else:
        spec = importlib.util.find_spec("extract_mappings")
        if spec is not None and spec.submodule_search_locations:
            roots += [os.path.abspath(p) for p in spec.submodule_search_locations]
    return roots


def key(corpus: Path, out: Path, settings, max_mb: float, follow_links: bool) -> dict:
    """What must be equal, not merely unchanged on disk."""
    return {
        "format": FORMAT, "python": sys.version, "path": list(sys.path), "settings": repr(settings),
        "corpus": os.path.abspath(corpus), "out": os.path.abspath(out), "max_mb": max_mb,
        "follow_links": follow_links, "roots": _code_roots(),
    }  # fmt: skip


class Snapshot:
    """The code's and the installation's files, taken at the start of a full run (before any
    parser is imported: a file changed during the run then differs from the record)."""

    def __init__(self, roots: list[str]) -> None:
        self.taken_ns = time.time_ns()
        self.files: dict[str, list | None] = {}
        self.dirs: dict[str, list[str] | None] = {}
        for root in roots:
            for folder, subdirs, names in os.walk(root):
                subdirs[:] = sorted(d for d in subdirs if d != "__pycache__")
                self.dirs[folder] = _listing(folder)
                for name in sorted(names):
                    self.add(os.path.join(folder, name))
        for entry in sys.path:  # installed distributions: their entry points may add parsers
            folder = os.path.abspath(entry or ".")
            if not os.path.isdir(folder):
                continue
            names = _metadata(folder)
            self.dirs[folder + _METADATA_TAG] = names
            for name in names:
                if name.endswith((".dist-info", ".egg-info")):
                    self.add(os.path.join(folder, name, "entry_points.txt"))

    def add(self, path: str) -> None:
        if path in self.files:
            return
        stat = stat_of(path)  # before the content: a change after it shows in the stat
        self.files[path] = None if stat is None else [*stat, sha_of(path)]


def _dirs_match(dirs: dict) -> bool:
    for folder, names in dirs.items():
        listed = _metadata(folder[:-len(_METADATA_TAG)]) if folder.endswith(_METADATA_TAG) else _listing(folder)
        if listed != names:
            return False
    return True


def _files_match(files: dict, taken_ns: int) -> bool:
    settled = taken_ns - RACY_NS
    for path, want in files.items():
        stat = stat_of(path)
        if want is None or stat is None:
            if want is not stat:
                return False
            continue
        if stat == want[:4] and stat[1] < settled:
            continue
        if want[4] is None or sha_of(path) != want[4]:
            return False
    return True


def _cache_state(out: Path) -> list[list]:
    """Every file under OUT's cache folder but the record, with its stat: a cache changed since
    the record (damaged, replaced, pruned by hand) sends the run the full way, which judges it."""
    root = str(Path(out) / CACHE_DIR)
    state = []
    for folder, subdirs, names in os.walk(root):
        subdirs.sort()
        for name in sorted(names):
            path = os.path.join(folder, name)
            if path != os.path.join(root, RECORD):
                state.append([os.path.relpath(path, root), *(stat_of(path) or [])])
    return state


def _signature(listing: CorpusListing) -> list:
    return [[e.rel, *(e.problem or ("", ""))] for e in listing.entries] + [["skipped", *listing.skipped]]


def replay(
    corpus: Path, out: Path, settings, progress=None, force: bool = False, max_mb: float = 0.0,
    follow_links: bool = False, **_options,
) -> RunSummary | None:  # fmt: skip
    """The run's summary when nothing changed since the recorded run (OUT then shows a new
    generation of the same files); None when the full run must decide."""
    started = time.perf_counter()
    if force:
        return None
    try:
        record = json.loads(record_path(out).read_text(encoding="utf-8"))
        if record.get("key") != key(corpus, out, settings, max_mb, follow_links):
            return None
        if not _dirs_match(record["dirs"]) or not _files_match(record["files"], record["taken_ns"]):
            return None
        listing = scan_corpus(corpus, follow_links=follow_links, out=out)
        if _signature(listing) != record["listing"] or _cache_state(out) != record["cache"]:
            return None
        checked = time.perf_counter()
        with RunLock(out):
            clean_stale(out)
            if not check_generation(out)[0]:
                return None
            current = current_generation(out)
            assert current is not None
            previous = json.loads((current / MANIFEST).read_text(encoding="utf-8"))
            if previous.get("dataset_inputs") != record["dataset_inputs"] or any(k not in previous for k in FACTS):
                return None
            generation = Generation(out)
            try:
                generation.link_from_current(OUTPUT_FILES)
                facts = {k: previous[k] for k in FACTS}
                interrupts.check()  # never commit a run that was asked to stop
                generation.commit(
                    previous["files"], documents=len(listing.entries), dataset_inputs=record["dataset_inputs"], **facts
                )
            except BaseException:
                generation.abort()
                raise
    except (OSError, ValueError, KeyError, TypeError):
        return None  # no record, or one this version cannot read: the full run decides
    documents = record["documents"]
    tracker = Progress(len(documents), skipped_folders=list(listing.skipped))
    for document in documents:
        result = DocumentResult(document)
        tracker.add(result, cached=True)
        if progress:
            progress(result, tracker)
    timings = {"check inputs": checked - started, "link": time.perf_counter() - checked}
    return RunSummary(
        documents, rows=facts["observations"], matched=facts["matched"], unmatched_names=facts["unmatched_names"],
        skipped=list(listing.skipped), timings=timings,
    )  # fmt: skip


def forget(out: Path) -> None:
    """A full run starts: the record no longer says what OUT is made from."""
    with contextlib.suppress(OSError):
        record_path(out).unlink()


class Recorder:
    """What a full run notes for its record: the snapshot taken at its start, each corpus file's
    stat (taken before the file is hashed) and SHA-256."""

    def __init__(self, corpus: Path, out: Path, settings, max_mb: float, follow_links: bool) -> None:
        self.key = key(corpus, out, settings, max_mb, follow_links)
        self.snapshot = Snapshot(self.key["roots"])
        self.corpus_files: dict[str, list | None] = {}
        self.complete = True  # False: a file's result may differ on another try (no record)

    def stat(self, path: Path) -> list[int] | None:
        stat = stat_of(path)
        if stat is None:
            self.complete = False
        return stat

    def hashed(self, path: Path, stat: list[int] | None, sha: str | None) -> None:
        """A file the run hashed (sha None: it was not read, e.g. too large)."""
        if stat is not None:
            self.corpus_files[str(path)] = [*stat, sha]

    def manifest(self, path: Path) -> None:
        self.corpus_files[str(path)] = None if (stat := stat_of(path)) is None else [*stat, sha_of(path)]

    def save(self, out: Path, listing: CorpusListing, parsers: list, documents: list[dict], inputs: str) -> None:
        """What this run's outputs were made from (see the module's docstring)."""
        if not self.complete:
            return
        for parser in parsers:  # parsers from entry points live outside the recorded folders
            module = sys.modules.get(type(parser).__module__)
            if getattr(module, "__file__", None):
                self.snapshot.add(os.path.abspath(module.__file__))
        record = {
            "key": self.key, "taken_ns": self.snapshot.taken_ns, "dirs": self.snapshot.dirs,
            "files": {**self.snapshot.files, **self.corpus_files}, "listing": _signature(listing),
            "documents": documents, "dataset_inputs": inputs, "cache": _cache_state(out),
        }  # fmt: skip
        with contextlib.suppress(OSError):  # without a record the next run is a full one, no more
            write_text_atomic(record_path(out), json.dumps(record))
