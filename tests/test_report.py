"""OUT/report.html: a self-contained page over the shipped corpus, checked in a real headless browser."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from extract.write.report import write_report

pytestmark = pytest.mark.slow  # every test reads the corpus run

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
# src="http…", href='//…', url(https:…): anything that would make the page fetch from the network
EXTERNAL = re.compile(r"""(?:\b(?:src|href)\s*=\s*["']?|url\(\s*["']?)\s*(?:https?:|//)""", re.IGNORECASE)
# what chromium prints when the page itself did not load (not its usual dbus/GPU noise)
LOAD_FAILURE = re.compile(r"ERR_FILE_NOT_FOUND|ERR_ACCESS_DENIED|ERR_FAILED|net::ERR_|Failed to load|Page load failed")


@pytest.fixture(scope="module")
def report(corpus_run, tmp_path_factory) -> Path:
    """The shared run of the shipped corpus, copied (OUT's links and all) and its report rewritten."""
    out = tmp_path_factory.mktemp("report") / "out"
    shutil.copytree(corpus_run[1], out, symlinks=True)
    return write_report(out)


def test_report_is_self_contained(report: Path) -> None:
    assert report.exists() and report.name == "report.html"
    html = report.read_text(encoding="utf-8")
    assert not EXTERNAL.findall(html)
    assert "<script src" not in html and "<link" not in html and "<img" not in html
    assert html.count("<svg") >= 20
    assert "Darlington" in html and "Devon" in html


def test_report_is_deterministic(report: Path) -> None:
    first = report.read_bytes()
    assert write_report(report.parent).read_bytes() == first
    assert not list(report.parent.glob(".report.html.*"))  # no temporary file left behind


def test_report_command(report: Path) -> None:
    from click.testing import CliRunner

    from extract.write.report import report_command

    result = CliRunner().invoke(report_command, [str(report.parent)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == str(report)


def chromium(report: Path, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", *args, report.resolve().as_uri(),
    ]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (the CI script installs it)")
def test_report_renders_in_chromium(report: Path, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    done = chromium(report, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1280,4000")
    assert done.returncode == 0, done.stderr
    assert not LOAD_FAILURE.search(done.stderr), done.stderr
    assert shot.exists() and shot.stat().st_size > 20_000

    dom = chromium(report, tmp_path / "profile-dom", "--dump-dom")
    assert dom.returncode == 0, dom.stderr
    assert not LOAD_FAILURE.search(dom.stderr), dom.stderr
    assert dom.stdout.count("<svg") >= 20
    assert "Devon County Council" in dom.stdout


def _dataset(folder: Path, documents: int) -> Path:
    """`documents` papers without a known council, each with a year of monthly actuals and an
    undated target of one indicator: rows grow with documents, indicators x councils do not."""
    from datetime import date

    from extract.write.output import write_dataset

    rows, docs = [], []
    for n in range(documents):
        name = f"paper{n:05d}.txt"
        docs.append({"document": name, "status": "ok", "observations": 13, "parser": "generic"})
        for month in range(1, 13):
            rows.append({"document": name, "page": 1, "parser": "generic", "indicator_raw": "Children in care",
                         "indicator_id": "cla_rate_per_10k", "value_kind": "actual", "value": 50.0 + n % 7 + month,
                         "value_raw": "x", "period_end": date(2024, month, 28), "unit": "rate_per_10k", "flags": []})
        rows.append({"document": name, "page": 1, "parser": "generic", "indicator_raw": "Children in care",
                     "indicator_id": "cla_rate_per_10k", "value_kind": "target", "value": 55.0, "value_raw": "55",
                     "flags": []})  # fmt: skip
    catalogue = [{"indicator_id": "cla_rate_per_10k", "name": "Children looked after", "unit": "rate_per_10k"}]
    folder.mkdir(parents=True)
    write_dataset(folder, rows, docs, catalogue)
    return folder


def test_report_size_follows_indicators_and_councils_not_rows(tmp_path: Path) -> None:
    from extract.settings import DEFAULT_SETTINGS
    from extract.write.report import UNKNOWN_COUNCIL, write_report_file

    small = write_report_file(_dataset(tmp_path / "small", DEFAULT_SETTINGS.report.max_documents + 1))
    large = write_report_file(_dataset(tmp_path / "large", 4 * DEFAULT_SETTINGS.report.max_documents))
    html = large.read_text(encoding="utf-8")
    assert html.count("<svg") == small.read_text(encoding="utf-8").count("<svg")
    assert html.count(f"<th>{UNKNOWN_COUNCIL}</th>") == 1, "documents without a council are one column"
    assert html.count("<circle") <= DEFAULT_SETTINGS.report.max_points + 10, "points per chart are capped"
    assert large.stat().st_size < 1.1 * small.stat().st_size, "the report grew with the rows"
