"""Shared by the fault tests and benchmarks/bench_faults.py: tiny corpora, slow documents, and
looking at the processes a run leaves behind."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SLOW_EXTRACT = Path(__file__).with_name("slow_extract.py")

# A document the generic parser reads in a few milliseconds: 7 rows, all matched.
TINY = """Children's services performance summary

Percentage of referrals which are repeat referrals
Latest: 22.2%  Target: 25%  Floor: 30%  Previous: 21.9%  Green

Percentage of children in care with three or more placements
Latest: 9.5%  Target: 10%  Previous: 10.2%  Amber
"""


def tiny_corpus(folder: Path, names: tuple[str, ...] = ("a.txt", "b.txt")) -> Path:
    """Tiny documents, each with its own bytes (the cache knows a document by its SHA-256)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(f"{TINY}\nPaper {name}\n", encoding="utf-8")
    return folder


def start_extract(*args: str | Path, slow: float = 30.0, env: dict | None = None) -> subprocess.Popen:
    """`extract ARGS` in its own session, where documents named slow* take `slow` seconds."""
    environment = {**os.environ, "EXTRACT_TEST_SLOW": str(slow), **(env or {})}
    return subprocess.Popen(
        [sys.executable, str(SLOW_EXTRACT), *map(str, args)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True, env=environment,
    )  # fmt: skip


def children(pid: int) -> list[int]:
    """The pids of a process's children (Linux /proc)."""
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                found += [int(p) for p in fh.read().split()]
    except OSError:
        pass
    return found


def alive(pid: int) -> bool:
    """Running (a zombie waiting for its parent to reap it has finished)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def wait_until(predicate, timeout: float, step: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


def kill_all(pids) -> None:
    """Clean up after a test: SIGKILL these pids (ours or our children's), if still there."""
    for pid in pids:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
