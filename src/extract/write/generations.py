"""OUT's generations, without pyarrow: a run that only links the current generation's files
again (a warm re-run, see run/warm.py) imports nothing heavy. Described in output.py."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
import secrets
import shutil
import tempfile
import time
from pathlib import Path

from extract.errors import OutputBusy, OutputError

SCHEMA_VERSION = "1.5"
OUTPUT_FILES = ("observations.parquet", "documents.parquet", "catalogue.parquet", "unmatched.csv", "report.html")
# Files a later command makes from one generation's dataset (`extract reconcile`): written into a
# new generation beside the files they were made from and listed in its manifest. A run's new
# generation does not carry them (they describe other observations): OUT's link to one goes.
DERIVED_FILES = ("reconciliation.parquet",)
MANIFEST = "generation.json"
GENERATIONS = ".generations"
CURRENT = ".current"
LOCK_NAME = ".extract.lock"


def readable_mode(path: str | Path) -> None:
    """mkstemp makes private files; outputs get the permissions of an ordinary new file."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(path, 0o666 & ~umask)


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

    def commit(self, known: dict | None = None, **facts) -> None:
        """Write the manifest and switch OUT to this generation in one rename. `known`: the
        manifest entries of files linked from a generation whose files were just checked against
        its manifest (check_generation): the same bytes, written to disk by that generation."""
        files = {}
        for name in (*OUTPUT_FILES, *DERIVED_FILES):
            path = self.dir / name
            if name in DERIVED_FILES and not path.exists():
                continue
            if known and name in known:
                files[name] = known[name]
            elif path.exists():
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


def commit_derived(out: Path, name: str, write) -> None:
    """A new generation: the current one's outputs linked and its manifest's facts kept, plus
    DERIVED_FILES' `name` made by `write(folder)` from the files in `folder` (under OUT's lock)."""
    assert name in DERIVED_FILES
    with RunLock(out):
        generation = Generation(out)
        try:
            generation.link_from_current(OUTPUT_FILES)
            current = current_generation(out)
            previous = json.loads((current / MANIFEST).read_text(encoding="utf-8")) if current else {}
            write(generation.dir)
            facts = {k: v for k, v in previous.items() if k not in ("generation", "written", "files")}
            generation.commit(**facts)  # (schema_version among them: the linked files' own)
        except BaseException:
            generation.abort()
            raise


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
    for name in DERIVED_FILES:
        link, target = out / name, f"{CURRENT}/{name}"
        if (out / target).exists():
            if not (link.is_symlink() and os.readlink(link) == target):
                _replace_link(link, target)  # (a plain file an earlier version wrote there too)
        elif link.is_symlink() and os.readlink(link) == target:
            link.unlink()  # the generation it led to made it; this one has none


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
    if not set(OUTPUT_FILES) <= set(manifest.get("files", {})) <= {*OUTPUT_FILES, *DERIVED_FILES}:
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
