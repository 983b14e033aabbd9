"""The review queue: unmatched.csv on every run, decisions as alias rows, matched next run."""

from __future__ import annotations

import csv
import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from extract.cli import main
from extract.mappings import load_mappings
from extract.tidy.flags import flag_conflicts

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow  # reads and repeats the corpus run
def test_every_run_writes_the_queue_and_review_decisions_are_matched_next_run(corpus_run, tmp_path, monkeypatch):
    out = tmp_path / "out"
    shutil.copytree(corpus_run[1], out, symlinks=True)  # the shared run of the shipped corpus, cache included
    with (out / "unmatched.csv").open(encoding="utf-8") as fh:
        queue = list(csv.DictReader(fh))
    assert queue and int(queue[0]["rows"]) >= int(queue[-1]["rows"])
    by_name = {r["indicator_raw"]: r for r in queue}
    darlington = next(r for r in queue if r["councils"] == "E06000005")
    assert darlington["alias_file"] == "aliases/E06000005.csv", "a council's own wording goes to its own file"
    assert darlington["candidate_1"] and float(darlington["score_1"]) > 0

    mappings = tmp_path / "mappings"
    shutil.copytree(ROOT / "mappings", mappings)
    # names whose best candidate is a real option (not one vetoed for its unit, scored at most 45)
    viable = [r for r in queue if r["candidate_1"] and float(r["score_1"]) > 45]
    first, second = viable[0]["indicator_raw"], viable[1]["indicator_raw"]
    typed = by_name[second]["candidate_1"]
    skips = "s\n" * queue.index(by_name[first])
    between = "s\n" * (queue.index(by_name[second]) - queue.index(by_name[first]) - 1)
    # accept candidate 1 for the first name, type an id (after one wrong try) for the second, then stop
    answers = f"{skips}1\n{between}not_an_id\n{typed}\nq\n"
    result = CliRunner().invoke(main, ["review", str(out), "--mappings", str(mappings)], input=answers)
    assert result.exit_code == 0, result.output
    assert "2 aliases written" in result.output and "is not an indicator id" in result.output
    for name, expected_id in ((first, by_name[first]["candidate_1"]), (second, typed)):
        target = mappings / by_name[name]["alias_file"]
        rows = list(csv.DictReader(target.open(encoding="utf-8")))
        assert {"alias": name, "indicator_id": expected_id} in [
            {"alias": r["alias"], "indicator_id": r["indicator_id"]} for r in rows
        ]

    monkeypatch.setenv("EXTRACT_MAPPINGS", str(mappings))
    load_mappings.cache_clear()
    try:
        CliRunner().invoke(main, [str(ROOT / "corpus"), "--out", str(out), "--quiet"])
    finally:
        load_mappings.cache_clear()
    obs = pd.read_parquet(out / "observations.parquet")
    assert set(obs[obs.indicator_raw == second].indicator_id) == {typed}
    assert set(obs[obs.indicator_raw == second].match_method) == {"alias"}


def test_conflicting_duplicates_across_documents_are_flagged():
    def row(doc, value, kind="actual"):
        return {
            "council_id": "E06000005", "indicator_id": "csc_re_referrals_12m_pct", "period_type": "financial_year",
            "period_end": date(2024, 3, 31), "value_kind": kind, "value": value, "document": doc, "flags": [],
        }  # fmt: skip

    rows = [row("a.pdf", 24.2), row("b.pdf", 23.1), row("b.pdf", 23.1, "target"), row("c.pdf", 99.0, "target")]
    assert flag_conflicts(rows) == 4
    assert all("conflicting_duplicate" in r["flags"] for r in rows)
    same = [row("a.pdf", 24.2), row("b.pdf", 24.2), row("a.pdf", 20.0, "target")]
    assert flag_conflicts(same) == 0


def test_typo_fractions_are_flagged_as_ratio_mismatch():
    obs = pd.read_csv(ROOT / "tests" / "cases" / "devon_improvement_board" / "snapshot.csv", dtype=str)
    flagged = obs[obs["flags"].fillna("").str.contains("ratio_mismatch")]
    assert set(flagged.indicator_code) == {"6.15", "7.1"}  # `760/787 = 0.97%`, `137/159 = 0.862%`


def test_review_stopped_by_the_end_of_input_says_what_it_wrote(tmp_path):
    """Input that runs out (Ctrl-D, a piped file) stops the review with its count, not click's bare `Aborted!`."""
    out = tmp_path / "out"
    out.mkdir()
    header = "indicator_raw,rows,councils,parsers,alias_file," + ",".join(f"candidate_{k},score_{k}" for k in (1, 2, 3))
    (out / "unmatched.csv").write_text(
        header + "\nRepeat referrals,2,E06000005,generic,aliases/E06000005.csv,csc_re_referrals_12m_pct,60.0,,,,\n",
        encoding="utf-8",
    )
    mappings = tmp_path / "mappings"
    shutil.copytree(ROOT / "mappings", mappings)
    result = CliRunner().invoke(main, ["review", str(out), "--mappings", str(mappings)], input="")
    assert result.exit_code == 1, result.output
    assert "stopped before the end of the queue: 0 aliases written" in result.output
    assert "Aborted" not in result.output


@pytest.mark.parametrize("folder", ["missing", "empty"])
def test_review_into_a_folder_that_is_no_mappings_folder_is_a_usage_error(tmp_path, folder):
    out = tmp_path / "out"
    out.mkdir()
    (out / "unmatched.csv").write_text("indicator_raw,rows,councils,parsers,alias_file\n", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(main, ["review", str(out), "--mappings", str(tmp_path / folder)])
    assert result.exit_code == 2, result.output
    assert "no mappings folder (it has no indicators.csv)" in result.output and "Traceback" not in result.output
