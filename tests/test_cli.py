"""The command line as a user runs it: bad input is a row with a status, never a crash."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
from click.testing import CliRunner

from extract.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "cases" / "welsh_scc_indicators" / "input.txt"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], prog_name="extract")


def test_bad_inputs_are_rows_and_the_run_goes_on(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    shutil.copy(SEED, corpus / "sub" / "welsh.txt")
    (corpus / "notes.docx").write_bytes(b"PK\x03\x04 not really")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "junk.md").write_bytes(bytes(range(256)) * 4)
    (corpus / "recipe.txt").write_text("Mix the flour and the eggs.\n")
    out = tmp_path / "out"
    result = run(corpus, "--out", out)
    assert result.exit_code == 1, result.output
    docs = pq.read_table(out / "documents.parquet").to_pandas().set_index("document")
    assert docs.loc["sub/welsh.txt", "status"] == "ok"
    assert docs.loc["notes.docx", "status"] == "unsupported"
    assert docs.loc["empty.txt", "status"] == "unreadable"
    assert docs.loc["junk.md", "status"] == "unreadable"
    assert docs.loc["recipe.txt", "status"] == "unclaimed"
    assert "the generic one included" in docs.loc["recipe.txt", "error"]  # not only "write a parser"
    assert docs.drop(index="sub/welsh.txt").error.notna().all()
    obs = pq.read_table(out / "observations.parquet").to_pandas()
    assert set(obs.document) == {"sub/welsh.txt"}
    assert "documents: 5" in result.output


def test_manifest_sets_council_and_report_date(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / "welsh.txt")
    (corpus / "manifest.csv").write_text("path,council_id,report_date\nwelsh.txt,W06000015,2014-06-30\n")
    out = tmp_path / "out"
    assert run(corpus, "--out", out).exit_code == 0
    obs = pq.read_table(out / "observations.parquet").to_pandas()
    assert set(obs.council_id) == {"W06000015"}
    assert set(obs.council) == {"City of Cardiff Council"}
    assert {str(d) for d in obs.report_date} == {"2014-06-30"}
    docs = pq.read_table(out / "documents.parquet").to_pandas()
    assert list(docs.document) == ["welsh.txt"], "the manifest is not an input"


def test_unknown_council_stays_null(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / "welsh.txt")
    out = tmp_path / "out"
    assert run(corpus, "--out", out).exit_code == 0
    obs = pq.read_table(out / "observations.parquet").to_pandas()
    assert len(obs) == 261  # every row of the paper, none with a council
    assert obs.council_id.isna().all() and obs.council.isna().all()


def test_match_prints_one_json_object_per_name():
    result = run("match", "% of repeat referrals within 12 months", "Number of potholes filled")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert len(lines) == 2
    assert set(lines[0]) == {"query", "indicator_id", "name", "score", "method", "candidates"}
    assert lines[0]["indicator_id"] and lines[1]["method"] == "unmatched"
    assert len(lines[1]["candidates"]) == 3
    assert set(lines[1]["candidates"][0]) == {"indicator_id", "name", "score"}


def test_match_refuses_an_unknown_council_or_parser():
    """A typo in --council or --parser would silently match without the aliases it meant."""
    council = run("match", "Re-referrals", "--council", "E0600005")
    assert council.exit_code == 2 and "no council code" in council.output
    parser = run("match", "Re-referrals", "--parser", "durham")
    assert parser.exit_code == 2 and "no parser 'durham'" in parser.output
    assert "durham_performance_report" in parser.output  # the names it knows
    known = run("match", "Re-referrals", "--council", "E06000005", "--parser", "generic")
    assert known.exit_code == 0, known.output


def test_help_lists_each_command_with_its_whole_first_sentence():
    """`extract --help` once cut each command's line at the terminal width ("where its figures are, and...")."""
    result = run("--help")
    assert result.exit_code == 0
    commands = result.output.split("Commands:")[1].split("Options of the main job")[0]
    assert "..." not in commands and "the first rows they give." in " ".join(commands.split())


def test_an_os_error_naming_no_file_does_not_blame_out(tmp_path):
    """A scheduler that cannot be reached is a TimeoutError with no file: OUT is not put in brackets
    as if it were the cause (it read "Timed out trying to connect ... after 30 s (OUT)")."""
    from extract.cli import _os_error

    out = tmp_path / "out"
    message = _os_error(TimeoutError("Timed out trying to connect to tcp://127.0.0.1:1 after 30 s"), out)
    assert message == f"Timed out trying to connect to tcp://127.0.0.1:1 after 30 s; {out} keeps its previous outputs"
    named = _os_error(OSError(5, "Input/output error", str(out / "x.parquet")), out)
    assert named == f"Input/output error ({out / 'x.parquet'}); {out} keeps its previous outputs"


def test_usage_errors_name_the_command_as_typed(tmp_path):
    """The README writes `extract CORPUS --out OUT`: without the word `run`, a usage error says so
    (and points at `extract --help`); with it typed, it says `extract run`."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for args, error in [
        ((corpus,), "Missing option '--out'"),
        ((tmp_path / "nowhere", "--out", tmp_path / "out"), "'CORPUS': Path"),
        (("--out", tmp_path / "out"), "Missing argument 'CORPUS'"),  # options first: still the main job
    ]:
        result = run(*args)
        assert result.exit_code == 2, result.output
        assert "Usage: extract CORPUS --out OUT [OPTIONS]" in result.output
        assert "Try 'extract --help' for help." in result.output
        assert error in result.output
        assert "extract run" not in result.output
    typed = run("run", corpus)
    assert typed.exit_code == 2
    assert "Usage: extract run CORPUS --out OUT [OPTIONS]" in typed.output
    assert "Try 'extract run --help' for help." in typed.output
    assert run("--version").exit_code == 0  # the group's own options stay the group's
    assert "Commands:" in run("-h").output


def test_quiet_has_a_short_form(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / "welsh.txt")
    long, short = run(corpus, "--out", tmp_path / "a", "--quiet"), run(corpus, "--out", tmp_path / "b", "-q")
    assert long.exit_code == short.exit_code == 0, short.output
    assert short.output.replace(str(tmp_path / "b"), "OUT") == long.output.replace(str(tmp_path / "a"), "OUT")
    assert "parsed:" not in short.output  # the summary only


def test_a_run_without_rows_does_not_print_a_match_rate(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "recipe.txt").write_text("Mix the flour and the eggs.\n")
    result = run(corpus, "--out", tmp_path / "out")
    assert result.exit_code == 1, result.output
    assert "rows: 0\nmatched: no rows to match\n" in result.output and "0.0%" not in result.output
