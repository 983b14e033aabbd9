"""`extract reconcile OUT`: extracted actuals against DfE's official local-authority figures."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from extract.run.pipeline import Pipeline
from extract.tools.reconcile import COLUMNS, official_path, reconcile, reconcile_command

ROOT = Path(__file__).resolve().parents[1]
DARLINGTON = "E06000005"


@pytest.fixture(scope="module")
def corpus_out(corpus_run, tmp_path_factory) -> Path:
    """A copy of the session's run of the shipped corpus (reconcile writes into its folder)."""
    out = tmp_path_factory.mktemp("reconcile") / "out"
    shutil.copytree(corpus_run[1], out, symlinks=True)
    return out


def test_official_figures_ship_with_the_mappings() -> None:
    official = pd.read_csv(official_path(), dtype=str)
    assert list(official.columns) == [
        "council_id", "indicator_id", "time_period", "value", "unit", "source_file", "source_measure"
    ]
    assert not official.duplicated(["council_id", "indicator_id", "time_period"]).any()
    row = official[(official.council_id == DARLINGTON) & (official.indicator_id == "csc_re_referrals_12m_pct")
                   & (official.time_period == "2024")]
    assert row["value"].tolist() == ["23.1"]  # DfE c1 file, rereferral_percent, 2023/24


@pytest.mark.slow  # reads the corpus run
def test_darlington_re_referrals_2023_24(corpus_out: Path) -> None:
    result = reconcile(corpus_out)
    assert list(result.columns) == COLUMNS
    assert (corpus_out / "reconciliation.parquet").exists()
    rows = result[(result.council_id == DARLINGTON) & (result.indicator_id == "csc_re_referrals_12m_pct")
                  & (result.year == 2024)]
    assert len(rows) == 1
    row = rows.iloc[0]
    assert row.extracted_value == pytest.approx(24.2)
    assert row.official_value == pytest.approx(23.1)
    assert row.difference == pytest.approx(1.1)
    assert bool(row.differs_from_official) is True
    assert row.unit == "percent"
    assert "24.2%" in row.context
    written = pd.read_parquet(corpus_out / "reconciliation.parquet")
    assert len(written) == len(result)
    assert str(written["year"].dtype) == "int32"


@pytest.mark.slow  # reads the corpus run
def test_reconcile_command_prints_darlington(corpus_out: Path) -> None:
    result = CliRunner().invoke(reconcile_command, [str(corpus_out), "--tolerance", "0.5"])
    assert result.exit_code == 0, result.output
    line = next(line for line in result.output.splitlines() if "csc_re_referrals_12m_pct" in line)
    assert "Darlington" in line and "2023/24" in line
    assert "24.2" in line and "23.1" in line and "+1.1" in line and "DIFFERS" in line
    assert "differ from the official figure" in result.output


def _obs(indicator_id: str, period_type: str, period_end: date, value: float | None, label: str,
         kind: str = "actual", council_id: str | None = DARLINGTON) -> dict:
    return {
        "council_id": council_id, "council": "Darlington Borough Council", "document": "hand.txt", "page": None,
        "indicator_id": indicator_id, "period_label": label, "period_type": period_type, "period_end": period_end,
        "value_kind": kind, "value": value, "unit": "percent", "context": f"{label}: {value}",
    }


def test_year_and_period_rules(tmp_path: Path) -> None:
    rr, vac = "csc_re_referrals_12m_pct", "wf_sw_vacancy_rate_pct"
    rows = [
        # compared: official Darlington re-referrals 2023 = 17.9, 2024 = 23.1, 2025 = 13; vacancies Sep 2024 = 1.1
        _obs(rr, "financial_year", date(2024, 3, 31), 23.1, "2023/24"),
        _obs(rr, "month", date(2023, 3, 31), 18.5, "Mar-23"),
        _obs(rr, "rolling_12_months", date(2025, 3, 31), 13.2, "Apr 24-Mar 25"),
        _obs(vac, "point_in_time", date(2024, 9, 30), 1.0, "At Sep 24"),
        # not compared
        _obs(rr, "month", date(2024, 6, 30), 20.0, "Jun-24"),  # does not end a reporting year
        _obs(rr, "year_to_date", date(2024, 12, 31), 20.0, "YTD Dec-24"),
        _obs(rr, "calendar_year", date(2023, 12, 31), 20.0, "2023"),
        _obs(rr, "academic_year", date(2024, 8, 31), 20.0, "2023/24 academic"),
        _obs(rr, "unknown", date(2024, 3, 31), 20.0, "latest"),
        _obs(rr, "financial_year", date(2024, 3, 31), 25.0, "Target 2023/24", kind="target"),
        _obs(rr, "financial_year", date(2024, 3, 31), 20.0, "2023/24", council_id=None),
        _obs(rr, "financial_year", date(2024, 3, 31), None, "2023/24"),
        _obs(rr, "financial_year", date(2018, 3, 31), 20.0, "2017/18"),  # before the shipped years
        _obs(vac, "financial_year", date(2024, 3, 31), 1.0, "2023/24"),  # the workforce year ends in September
    ]
    pd.DataFrame(rows).to_parquet(tmp_path / "observations.parquet")

    result = reconcile(tmp_path)
    got = {(r.indicator_id, r.year, r.period_label): (r.official_value, r.difference, r.differs_from_official)
           for r in result.itertuples()}
    assert got == {
        (rr, 2024, "2023/24"): (23.1, 0.0, False),
        (rr, 2023, "Mar-23"): (17.9, 0.6, True),
        (rr, 2025, "Apr 24-Mar 25"): (13.0, 0.2, False),
        (vac, 2024, "At Sep 24"): (1.1, -0.1, False),
    }
    assert result["page"].isna().all()

    looser = reconcile(tmp_path, tolerance=1.0)
    assert not looser["differs_from_official"].any()


@pytest.fixture(scope="module")
def official_out(tmp_path_factory) -> Path:
    """Darlington's paper and a DfE tidy table (Darlington's 2023/24 re-referral rate changed from
    DfE's 23.1 to 23.9, so the shipped official file cannot be what reconcile read)."""
    tmp_path = tmp_path_factory.mktemp("official")
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    (corpus / "darlington.txt").write_bytes((ROOT / "corpus" / "002_db4118e4560db15c.txt").read_bytes())
    table = (ROOT / "tests" / "cases" / "dfe_official" / "input.csv").read_text(encoding="utf-8")
    assert ",Darlington,Referrals and Re-referrals,1539,356,23.1," in table
    table = table.replace(",Darlington,Referrals and Re-referrals,1539,356,23.1,",
                          ",Darlington,Referrals and Re-referrals,1539,356,23.9,")
    (corpus / "c1_referrals.csv").write_text(table, encoding="utf-8")
    Pipeline().run(corpus, out, workers=1)
    return out


def test_official_rows_in_the_dataset_are_what_reconcile_reads(official_out: Path) -> None:
    out = official_out
    observations = pd.read_parquet(out / "observations.parquet")
    official = observations[observations.source == "official"]
    assert len(official) == 24 and set(official.value_kind) == {"actual"}
    # an in-year figure that differs from DfE's (24.2 against 23.9) is no conflicting duplicate
    assert not any("conflicting_duplicate" in list(f) for f in official["flags"])
    result = reconcile(out)
    row = result[(result.council_id == DARLINGTON) & (result.indicator_id == "csc_re_referrals_12m_pct")
                 & (result.year == 2024)].iloc[0]
    assert row.extracted_value == pytest.approx(24.2)
    assert row.official_value == pytest.approx(23.9)
    assert not result.context.str.contains("Referrals and Re-referrals").any()  # official rows are never compared


def test_readme_duckdb_query_lists_official_beside_in_year(official_out: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    query = readme.split("side by side (DuckDB):\n\n```sql\n")[1].split("```")[0]
    rows = duckdb.sql(query.replace("'out/", f"'{official_out}/")).fetchall()
    by_year = {r[0]: (r[2], r[5]) for r in rows}
    assert by_year["2024"] == (pytest.approx(23.9), pytest.approx(24.2))


def test_the_reconciliation_belongs_to_the_generation_it_compared(official_out: Path, tmp_path: Path) -> None:
    """OUT/reconciliation.parquet is a file of the generation whose observations it compared: listed
    in its manifest, kept by `extract report` (same dataset), removed by a later run (with a line)."""
    import json

    from extract.cli import main
    from extract.write.output import check_generation, current_generation

    out = tmp_path / "out"
    shutil.copytree(official_out, out, symlinks=True)
    before = current_generation(out)
    assert CliRunner().invoke(reconcile_command, [str(out)]).exit_code == 0
    current = current_generation(out)
    assert current != before and (current / "reconciliation.parquet").is_file()
    assert (out / "reconciliation.parquet").resolve() == current / "reconciliation.parquet"
    manifest = json.loads((out / "generation.json").read_text(encoding="utf-8"))
    assert "reconciliation.parquet" in manifest["files"]
    previous = json.loads((before / "generation.json").read_text(encoding="utf-8"))
    kept = {k: v for k, v in previous.items() if k not in ("generation", "written", "files")}
    assert kept.items() <= manifest.items()  # the run's facts stay: a warm re-run can still replay
    assert check_generation(out)[0], check_generation(out)[1]

    from extract.write.report import write_report

    write_report(out)
    assert current_generation(out) != current and (out / "reconciliation.parquet").is_file()

    corpus = out.parent / "corpus"
    shutil.copytree(official_out.parent / "corpus", corpus)
    rerun = CliRunner().invoke(main, [str(corpus), "--out", str(out), "--workers", "1"])
    assert rerun.exit_code == 0, rerun.output
    assert not (out / "reconciliation.parquet").exists() and not (out / "reconciliation.parquet").is_symlink()
    assert f"removed: {out / 'reconciliation.parquet'}" in rerun.output
    assert "reconciliation.parquet" not in json.loads((out / "generation.json").read_text(encoding="utf-8"))["files"]
    assert check_generation(out)[0]

    # a plain file there (an earlier version wrote it beside the outputs) is nobody's to delete
    (out / "reconciliation.parquet").write_bytes(b"old")
    again = CliRunner().invoke(main, [str(corpus), "--out", str(out), "--workers", "1", "-q"])
    assert again.exit_code == 0 and (out / "reconciliation.parquet").read_bytes() == b"old"
