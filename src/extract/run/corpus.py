"""The corpus: every file under CORPUS, each with the reason when it is not read."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from extract.load.files import SUPPORTED_SUFFIXES, display_name, file_kind, relative_name

MANIFEST_NAME = "manifest.csv"


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
