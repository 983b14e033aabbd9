"""Writing the dataset: the one place that knows the Parquet schemas of SCHEMA.md, and how
OUT holds one run's outputs as one generation.

    OUT/.generations/<id>/   observations.parquet, documents.parquet, catalogue.parquet,
                             unmatched.csv, report.html and generation.json (the manifest)
    OUT/.current             symbolic link to the generation in use
    OUT/observations.parquet symbolic link to .current/observations.parquet (and so on)
    OUT/.extract.lock        held by the run writing OUT; names its pid

A run writes a whole new generation folder, then switches `.current` with one rename: a run
killed at any moment, or a full disk, leaves OUT showing the previous generation complete,
never a mix. generation.json lists every file with its size and SHA-256 (`check_generation`).
The previous generation is kept until the next run (a reader may still have it open).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import operator
import os
import secrets
import shutil
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from extract.errors import OutputBusy, OutputError, SchemaMismatch

SCHEMA_VERSION = "1.4"
OUTPUT_FILES = ("observations.parquet", "documents.parquet", "catalogue.parquet", "unmatched.csv", "report.html")
MANIFEST = "generation.json"
GENERATIONS = ".generations"
CURRENT = ".current"
LOCK_NAME = ".extract.lock"

OBSERVATIONS_SCHEMA = pa.schema(
    [
        ("council_id", pa.string()),
        ("council", pa.string()),
        ("document", pa.string()),
        ("document_sha256", pa.string()),
        ("page", pa.int32()),
        ("parser", pa.string()),
        ("parser_version", pa.string()),
        ("section", pa.string()),
        ("indicator_code", pa.string()),
        ("indicator_raw", pa.string()),
        ("indicator_id", pa.string()),
        ("match_method", pa.string()),
        ("match_score", pa.float64()),
        ("period_label", pa.string()),
        ("period_type", pa.string()),
        ("period_start", pa.date32()),
        ("period_end", pa.date32()),
        ("value_kind", pa.string()),
        ("value", pa.float64()),
        ("value_raw", pa.string()),
        ("unit", pa.string()),
        ("numerator", pa.float64()),
        ("denominator", pa.float64()),
        ("polarity", pa.string()),
        ("status", pa.string()),
        ("source", pa.string()),
        ("context", pa.string()),
        ("report_date", pa.date32()),
        ("flags", pa.list_(pa.string())),
        ("period_basis", pa.string()),
    ]
)

DOCUMENTS_SCHEMA = pa.schema(
    [
        ("document", pa.string()),
        ("document_sha256", pa.string()),
        ("bytes", pa.int64()),
        ("pages", pa.int32()),
        ("council_id", pa.string()),
        ("parser", pa.string()),
        ("parser_version", pa.string()),
        ("status", pa.string()),
        ("error", pa.string()),
        ("observations", pa.int64()),
        ("seconds", pa.float64()),
        ("notes", pa.string()),
    ]
)

CATALOGUE_SCHEMA = pa.schema(
    [
        ("indicator_id", pa.string()),
        ("name", pa.string()),
        ("definition", pa.string()),
        ("unit", pa.string()),
        ("polarity", pa.string()),
        ("domain", pa.string()),
        ("welsh_code", pa.string()),
        ("dfe_dashboard_measure", pa.string()),
        ("lait_measure", pa.string()),
        ("official_codes", pa.string()),  # 1.4: "SCC/010|NI 65", `|`-separated
    ]
)


def table_from_rows(rows: list[dict], schema: pa.Schema) -> pa.Table:
    names = schema.names
    try:  # rows that hold every column (a run's observations): transposed in C
        values = list(zip(*map(operator.itemgetter(*names), rows), strict=True)) if len(names) > 1 and rows else None
    except KeyError:
        values = None
    if values is not None:
        columns = dict(zip(names, map(list, values), strict=True))
    else:
        columns = {f.name: [r.get(f.name) for r in rows] for f in schema}
    try:
        return pa.Table.from_pydict(columns, schema=schema)
    except (UnicodeEncodeError, pa.ArrowInvalid):  # text that is not valid Unicode (lone surrogates)
        return pa.Table.from_pydict({k: [_printable(v) for v in vs] for k, vs in columns.items()}, schema=schema)


def _printable(value):
    """Text any writer accepts: characters that cannot be UTF-8 (lone surrogates) as `\\udce9`."""
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, list):
        return [_printable(v) for v in value]
    return value


def readable_mode(path: str | Path) -> None:
    """mkstemp makes private files; outputs get the permissions of an ordinary new file."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(path, 0o666 & ~umask)


def check_parquet_schema(path: str | Path, schema: pa.Schema, name: str | None = None) -> None:
    """Read back a written Parquet file's schema and compare it with the one it must have
    (names, types and order; metadata aside). Raises SchemaMismatch naming the difference."""
    written = pq.read_schema(path).remove_metadata()
    want = schema.remove_metadata()
    if written.equals(want):
        return
    got_fields = {f.name: f.type for f in written}
    want_fields = {f.name: f.type for f in want}
    problems = [f"missing {n}" for n in want_fields if n not in got_fields]
    problems += [f"unexpected {n}" for n in got_fields if n not in want_fields]
    problems += [
        f"{n} is {got_fields[n]}, not {t}" for n, t in want_fields.items() if n in got_fields and got_fields[n] != t
    ]
    if not problems:
        problems = [f"columns in the order {written.names}, not {want.names}"]
    raise SchemaMismatch(f"{name or Path(path).name}: the written schema differs from its own: {'; '.join(problems)}")


def write_atomic(table: pa.Table, path: Path, schema: pa.Schema | None = None) -> None:
    """Write `table` to `path` in one rename, after checking the file's schema as written against
    `schema` (default: the table's own). A mismatch raises SchemaMismatch and leaves `path` as it was."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        pq.write_table(table, tmp)
        check_parquet_schema(tmp, schema if schema is not None else table.schema, path.name)
        readable_mode(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        readable_mode(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# Rows a row group of a streamed file holds: the writer's memory is this many rows, whatever the corpus.
BATCH_ROWS = 65_536


def rebatch(tables: Iterable[pa.Table], rows: int = BATCH_ROWS) -> Iterator[pa.Table]:
    """The rows of `tables` in order, as tables of exactly `rows` rows (the last: what is left),
    so that a file's row groups do not depend on how its rows arrived."""
    pending: list[pa.Table] = []
    held = 0
    for table in tables:
        if not table.num_rows:
            continue
        pending.append(table)
        held += table.num_rows
        while held >= rows:
            joined = pa.concat_tables(pending)
            yield joined.slice(0, rows)
            rest = joined.slice(rows)
            pending, held = ([rest] if rest.num_rows else []), rest.num_rows
    if held:
        yield pa.concat_tables(pending)


def write_stream(path: Path, schema: pa.Schema, tables: Iterable[pa.Table]) -> int:
    """Write `tables` (in `schema`) to `path` by batches, check the file's schema as written and
    rename it into place: memory holds one batch, not the file. Returns the rows written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    written = 0
    try:
        with pq.ParquetWriter(tmp, schema) as writer:
            for batch in rebatch(tables):
                writer.write_table(batch)
                written += batch.num_rows
        check_parquet_schema(tmp, schema, path.name)
        readable_mode(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return written


def write_dataset(
    out: Path, observations: list[dict] | None, documents: list[dict], catalogue: list[dict]
) -> None:
    """The three Parquet files from rows (observations None: written already, by write_stream)."""
    # Build every table first: a schema error must not leave a mix of old and new files.
    schemas = {
        "observations.parquet": OBSERVATIONS_SCHEMA,
        "documents.parquet": DOCUMENTS_SCHEMA,
        "catalogue.parquet": CATALOGUE_SCHEMA,
    }
    rows = {"observations.parquet": observations, "documents.parquet": documents, "catalogue.parquet": catalogue}
    tables = {name: table_from_rows(rows[name], schema) for name, schema in schemas.items() if rows[name] is not None}
    for name, table in tables.items():
        write_atomic(table, out / name, schemas[name])  # each file read back and checked


# -- one run at a time ------------------------------------------------------------------------
class RunLock:
    """An exclusive lock on OUT (a POSIX lock on OUT/.extract.lock, released by the kernel
    when the holder dies, not inherited by worker processes). The holder writes its pid there."""

    def __init__(self, out: Path) -> None:
        self.out = Path(out)
        self.fd: int | None = None

    def __enter__(self) -> RunLock:
        try:
            self.out.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.out / LOCK_NAME, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
        except OSError as exc:
            raise OutputError(f"cannot write to {self.out}: {exc.strerror or exc}") from exc
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").split()
            os.close(fd)
            if exc.errno in (errno.EACCES, errno.EAGAIN):
                pid = holder[0] if holder else "unknown"
                raise OutputBusy(
                    f"{self.out} is being written by another extract run (pid {pid}); "
                    "wait for it to finish or choose another --out"
                ) from exc
            raise OutputError(f"cannot lock {self.out / LOCK_NAME}: {exc.strerror or exc}") from exc
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()} {time.strftime('%Y-%m-%dT%H:%M:%S')}\n".encode(), 0)
        self.fd = fd
        return self

    def __exit__(self, *exc_info) -> None:
        if self.fd is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self.fd, 0)
            os.close(self.fd)  # closing the file releases the lock
            self.fd = None


# -- generations ----------------------------------------------------------------------------
def _fsync(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def current_generation(out: Path) -> Path | None:
    """The generation folder OUT shows, or None when it has none yet."""
    link = Path(out) / CURRENT
    if not link.is_symlink():
        return None
    return Path(os.path.realpath(link))


def generation_id(now_ns: int, pid: int, newest: str | None = None) -> str:
    """A generation's name: names sort in the order generations are made, since the previous
    generation is the last name before the current one. The time is read once (a second read
    for the fraction could fall in the next second and sort first) and in UTC (local time steps
    back an hour in autumn); when the clock is behind the newest name, the new one continues it."""
    seconds, fraction = divmod(now_ns, 1_000_000_000)
    stamp = f"{time.strftime('%Y%m%dT%H%M%S', time.gmtime(seconds))}.{fraction:09d}"
    newest_stamp = newest.rsplit("-", 1)[0] if newest else ""
    if stamp <= newest_stamp:
        stamp = newest_stamp + "0"  # a longer name with the same start sorts after it
    return f"{stamp}-{pid}"


class Generation:
    """A new generation folder under OUT: write the outputs into `.dir`, then `commit()`."""

    def __init__(self, out: Path, adopt: bool = True) -> None:
        self.out = Path(out)
        if adopt:
            adopt_legacy_files(self.out)  # first, so that the old files are the older generation
        folder = self.out / GENERATIONS
        made = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
        self.id = generation_id(time.time_ns(), os.getpid(), made[-1] if made else None)
        self.dir = self.out / GENERATIONS / self.id
        self.dir.mkdir(parents=True)
        self.switched = False

    def link_from_current(self, names: tuple[str, ...]) -> None:
        """Start from the current generation's files (hard links, or copies where links fail)."""
        source = current_generation(self.out) or self.out
        for name in names:
            if (source / name).exists():
                try:
                    os.link(os.path.realpath(source / name), self.dir / name)
                except OSError:
                    shutil.copy2(source / name, self.dir / name)

    def commit(self, **facts) -> None:
        """Write the manifest and switch OUT to this generation in one rename."""
        files = {}
        for name in OUTPUT_FILES:
            path = self.dir / name
            if path.exists():
                _fsync(path)
                files[name] = {"bytes": path.stat().st_size, "sha256": file_sha256(path)}
        manifest = {"generation": self.id, "schema_version": SCHEMA_VERSION,
                    "written": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "files": files, **facts}  # fmt: skip
        write_text_atomic(self.dir / MANIFEST, json.dumps(manifest, indent=2, sort_keys=True) + "\n")
        _fsync(self.dir)
        _replace_link(self.out / CURRENT, f"{GENERATIONS}/{self.id}")
        self.switched = True  # from here on OUT shows this generation: it is never removed
        ensure_links(self.out)
        _fsync(self.out)
        remove_old_generations(self.out)

    def abort(self) -> None:
        """Remove the generation, unless OUT already shows it (an interruption after the switch)."""
        if not self.switched and current_generation(self.out) != Path(os.path.realpath(self.dir)):
            shutil.rmtree(self.dir, ignore_errors=True)


def _replace_link(path: Path, target: str) -> None:
    """Point the symbolic link `path` at `target` in one atomic rename."""
    tmp = path.with_name(f".{path.name.lstrip('.')}.{os.getpid()}.{secrets.token_hex(3)}.tmp")
    os.symlink(target, tmp)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def ensure_links(out: Path) -> None:
    """OUT/observations.parquet … point at .current/…: set once, never changed by a switch."""
    for name in (*OUTPUT_FILES, MANIFEST):
        link, target = out / name, f"{CURRENT}/{name}"
        if not (link.is_symlink() and os.readlink(link) == target):
            _replace_link(link, target)


def adopt_legacy_files(out: Path) -> None:
    """An OUT written before generations (plain files at the top) becomes a generation of its
    own first, so that replacing each file by its link never shows a mix of two runs."""
    if (out / CURRENT).is_symlink():
        return
    legacy = [n for n in OUTPUT_FILES if (out / n).is_file() and not (out / n).is_symlink()]
    if not legacy:
        return
    old = Generation(out, adopt=False)
    old.link_from_current(tuple(legacy))
    files = {n: {"bytes": (old.dir / n).stat().st_size, "sha256": file_sha256(old.dir / n)} for n in legacy}
    manifest = {"generation": old.id, "schema_version": "unknown (written before generations)", "files": files}
    write_text_atomic(old.dir / MANIFEST, json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    _replace_link(out / CURRENT, f"{GENERATIONS}/{old.id}")
    ensure_links(out)


def remove_old_generations(out: Path, previous: int = 1) -> None:
    """Keep the current generation and the one before it; remove older and unfinished ones."""
    folder = Path(out) / GENERATIONS
    if not folder.is_dir():
        return
    current = current_generation(out)
    keep: set[str] = set()
    if current is not None:
        keep.add(current.name)
        earlier = sorted(p.name for p in folder.iterdir() if (p / MANIFEST).exists() and p.name < current.name)
        keep.update(earlier[len(earlier) - previous :] if previous else [])
    for path in folder.iterdir():
        if path.name in keep:
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def clean_stale(out: Path) -> None:
    """What a killed run left behind: temporary files and unfinished generations. Called by the
    run that holds the lock, so nothing it removes is being written."""
    out = Path(out)
    for tmp in out.glob(".*.tmp"):
        with contextlib.suppress(OSError):
            tmp.unlink()
    remove_old_generations(out)


def check_generation(out: Path) -> tuple[bool, str]:
    """(complete, what was seen): OUT shows one generation whose every file matches its manifest,
    and every output name in OUT leads to that generation."""
    out = Path(out)
    current = current_generation(out)
    if current is None:
        return False, "no generation (no OUT/.current link)"
    try:
        manifest = json.loads((current / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return False, f"generation {current.name}: no readable manifest ({exc})"
    if set(manifest.get("files", {})) != set(OUTPUT_FILES):
        return False, f"generation {current.name}: manifest lists {sorted(manifest.get('files', {}))}"
    for name, want in manifest["files"].items():
        path = current / name
        try:
            if path.stat().st_size != want["bytes"] or file_sha256(path) != want["sha256"]:
                return False, f"generation {current.name}: {name} does not match the manifest"
        except OSError as exc:
            return False, f"generation {current.name}: {name}: {exc}"
        if Path(os.path.realpath(out / name)) != path:
            return False, f"OUT/{name} does not lead to generation {current.name}"
    return True, f"generation {manifest['generation']} complete ({len(manifest['files'])} files)"
