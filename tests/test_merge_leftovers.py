"""No tracked text file keeps a merge's conflict markers.

A conflict resolved by committing the file as git left it once shipped `<<<<<<< HEAD` in
tests/heldout/README.md; this keeps that from happening again.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEXT_SUFFIXES = {".py", ".md", ".csv", ".toml", ".txt", ".json", ".yml", ".yaml", ".cfg"}
MARKER = re.compile(r"^(<{7} |={7}$|>{7} )", re.MULTILINE)


def tracked_text_files() -> list[Path]:
    try:
        listed = subprocess.run(
            ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout: the tracked files cannot be listed")
    return [ROOT / name for name in listed if Path(name).suffix in TEXT_SUFFIXES]


def test_no_conflict_markers_in_tracked_files():
    leftovers = []
    for path in tracked_text_files():
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in MARKER.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            leftovers.append(f"{path.relative_to(ROOT)}:{line}")
    assert not leftovers, "merge conflict markers left in: " + ", ".join(leftovers)
