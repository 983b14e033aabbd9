"""scripts/update_golden.py: no case named is a usage error, a diff is shown and written only
with --accept, a failed or empty case is never written, and it reads nothing from tests/."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import CASES, GOLDEN_COLUMNS

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "update_golden.py"


@pytest.fixture(scope="module")
def script():
    spec = importlib.util.spec_from_file_location("update_golden", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def snapshots() -> dict[str, bytes]:
    return {p.parent.name: p.read_bytes() for p in CASES.glob("*/snapshot.csv")}


def test_no_argument_is_a_usage_error_and_writes_nothing(script, capsys):
    before = snapshots()
    assert script.main([]) == 2
    err = capsys.readouterr().err
    assert err.startswith("usage:") and all(name in err for name in before)
    assert snapshots() == before
    assert script.main(["--accept"]) == 2  # --accept alone names no case either
    assert snapshots() == before


def test_list_names_every_case_and_writes_nothing(script, capsys):
    before = snapshots()
    assert script.main(["--list"]) == 0
    assert capsys.readouterr().out.split() == sorted(before)
    assert snapshots() == before


def test_the_script_runs_alone_without_the_tests_folder(tmp_path):
    """Run as a maintainer runs it, from a copy of scripts/ with no tests/ beside it: it imports
    only the installed package (no `sys.path` games reaching into tests/)."""
    (tmp_path / "scripts").mkdir()
    shutil.copy(SCRIPT, tmp_path / "scripts" / SCRIPT.name)
    (tmp_path / "tests" / "cases").mkdir(parents=True)
    run = subprocess.run(
        [sys.executable, str(tmp_path / "scripts" / SCRIPT.name)], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 2 and run.stderr.startswith("usage:"), run.stderr


def test_a_closed_pipe_is_one_line_and_no_traceback(tmp_path):
    """`update_golden.py CASE | head`: the reader stops early; the script says so in one line."""
    (tmp_path / "scripts").mkdir()
    shutil.copy(SCRIPT, tmp_path / "scripts" / SCRIPT.name)
    case = tmp_path / "tests" / "cases" / "welsh_scc_indicators"
    shutil.copytree(CASES / "welsh_scc_indicators", case)
    (case / "snapshot.csv").write_text(",".join(GOLDEN_COLUMNS) + "\n")  # every row is in the diff
    proc = subprocess.Popen(
        [sys.executable, str(tmp_path / "scripts" / SCRIPT.name), case.name],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    proc.stdout.close()  # the reader is gone before the first line
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 1
    assert "Traceback" not in err and "closed pipe" in err, err
    assert (case / "snapshot.csv").read_text() == ",".join(GOLDEN_COLUMNS) + "\n"


def test_an_unknown_case_is_a_usage_error(script, capsys):
    assert script.main(["no_such_case"]) == 2
    assert "unknown case" in capsys.readouterr().err


def test_a_diff_is_shown_and_written_only_with_accept(script, tmp_path, capsys):
    case = tmp_path / "welsh_scc_indicators"
    shutil.copytree(CASES / "welsh_scc_indicators", case)
    right = (case / "snapshot.csv").read_text()
    lines = right.splitlines(True)
    wrong = "".join(lines[:1] + lines[2:])  # one row missing
    (case / "snapshot.csv").write_text(wrong)
    assert script.update(case, accept=False) == 1
    out = capsys.readouterr().out
    assert "+" + lines[1].rstrip("\n") in out and "not written" in out
    assert (case / "snapshot.csv").read_text() == wrong
    assert script.update(case, accept=True) == 0
    assert (case / "snapshot.csv").read_text() == right
    assert script.update(case, accept=False) == 0  # unchanged now


@pytest.mark.parametrize("text", ["", "Minutes of the meeting. Nothing to report.\n"])
def test_a_failed_or_empty_case_is_never_written(script, tmp_path, capsys, text):
    case = tmp_path / "broken"
    case.mkdir()
    (case / "SOURCE.md").write_text("# broken\n")
    (case / "input.txt").write_text(text)
    header = ",".join(GOLDEN_COLUMNS) + "\n"
    (case / "snapshot.csv").write_text(header)
    assert script.update(case, accept=True) == 2
    assert "refusing" in capsys.readouterr().err
    assert (case / "snapshot.csv").read_text() == header
