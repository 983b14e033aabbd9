"""`extract reconcile OUT`: extracted actuals beside DfE's official local-authority figures.

The official figures are read from the dataset itself: the rows with `source=official` that a
run wrote from DfE's tidy tables in the corpus (parsers/dfe_official.py). Where the dataset has
none for a council, indicator and year, the figures shipped with the tool are used, from the
mappings package (`official/dfe_la_figures.csv`, built by `scripts/build_official.py`): one row
per council, catalogue indicator and DfE reporting year, `time_period` being the year in which
that reporting year ends (2024 = 2023/24).

An extracted row is compared when it is an `actual` with a council, an indicator and a value, and
its period ends where DfE's year ends: 31 March (a financial year, or a month, quarter, point in
time, rolling 12 months or year to date ending 31 March), or 30 September for the workforce
figures (DfE's social work workforce year ends then). Its year is `period_end.year`.
"""

from __future__ import annotations

from pathlib import Path

import click
import pandas as pd
import pyarrow as pa

from extract.mappings import mappings_dir
from extract.write.output import OBSERVATIONS_SCHEMA, commit_derived, write_atomic

RECONCILIATION = "reconciliation.parquet"

OFFICIAL_FILE = Path("official") / "dfe_la_figures.csv"

# Period types that can describe DfE's year when they end on its last day.
YEAR_PERIOD_TYPES = frozenset(
    {"financial_year", "point_in_time", "month", "quarter", "rolling_12_months", "year_to_date"}
)
# (month, day) on which a DfE source's reporting year ends; 31 March unless listed here.
MARCH_31 = (3, 31)
YEAR_END_BY_SOURCE_PREFIX = {"csww_": (9, 30)}  # children's social work workforce: at 30 September

def _observed(name: str) -> pa.Field:
    return OBSERVATIONS_SCHEMA.field(name)  # columns shared with observations keep their types


RECONCILIATION_SCHEMA = pa.schema(
    [
        _observed("council_id"),
        _observed("council"),
        _observed("indicator_id"),
        ("year", pa.int32()),
        ("extracted_value", pa.float64()),
        ("official_value", pa.float64()),
        ("difference", pa.float64()),
        _observed("unit"),
        ("differs_from_official", pa.bool_()),
        _observed("document"),
        _observed("page"),
        _observed("period_label"),
        _observed("context"),
    ]
)
COLUMNS = RECONCILIATION_SCHEMA.names


def official_path() -> Path:
    return mappings_dir() / OFFICIAL_FILE


def year_end(source_file: str) -> tuple[int, int]:
    for prefix, end in YEAR_END_BY_SOURCE_PREFIX.items():
        if source_file.startswith(prefix):
            return end
    return MARCH_31


def load_official(path: Path | None = None) -> pd.DataFrame:
    """The shipped official figures, with the (month, day) each row's year ends on."""
    official = pd.read_csv(
        path or official_path(),
        dtype={"council_id": str, "indicator_id": str, "time_period": int, "value": float, "unit": str,
               "source_file": str, "source_measure": str},
        keep_default_na=False,
    )
    ends = official["source_file"].map(year_end)
    return pd.DataFrame(
        {
            "council_id": official["council_id"],
            "indicator_id": official["indicator_id"],
            "year": official["time_period"].astype("int64"),
            "official_value": official["value"],
            "official_unit": official["unit"],
            "end_month": ends.str[0].astype("int64"),
            "end_day": ends.str[1].astype("int64"),
        }
    )


def official_from_dataset(observations: pd.DataFrame) -> pd.DataFrame:
    """The dataset's `source=official` rows in load_official's form."""
    if "source" not in observations.columns:
        return load_official().iloc[0:0]
    rows = observations[
        (observations["source"] == "official")
        & (observations["value_kind"] == "actual")
        & observations["council_id"].notna()
        & observations["indicator_id"].notna()
        & observations["value"].notna()
        & observations["period_end"].notna()
    ]
    end = pd.to_datetime(rows["period_end"])
    return pd.DataFrame(
        {
            "council_id": rows["council_id"],
            "indicator_id": rows["indicator_id"],
            "year": end.dt.year.astype("int64"),
            "official_value": rows["value"],
            "official_unit": rows["unit"],
            "end_month": end.dt.month.astype("int64"),
            "end_day": end.dt.day.astype("int64"),
        }
    ).drop_duplicates(["council_id", "indicator_id", "year", "end_month", "end_day"])


def combine_official(from_dataset: pd.DataFrame, shipped: pd.DataFrame) -> pd.DataFrame:
    """The dataset's official figures, and the shipped ones for what the dataset lacks."""
    key = ["council_id", "indicator_id", "year"]
    if from_dataset.empty:
        return shipped
    have = from_dataset[key].drop_duplicates()
    rest = shipped.merge(have, on=key, how="left", indicator=True)
    rest = rest[rest["_merge"] == "left_only"].drop(columns="_merge")
    return pd.concat([from_dataset, rest], ignore_index=True)


def comparable_actuals(observations: pd.DataFrame) -> pd.DataFrame:
    """Actual values with a council, indicator and a period that can end a DfE year; adds `year`.
    The official rows themselves are what the actuals are compared with, never compared."""
    if "source" in observations.columns:
        observations = observations[observations["source"] != "official"]
    obs = observations[
        (observations["value_kind"] == "actual")
        & observations["council_id"].notna()
        & observations["indicator_id"].notna()
        & observations["value"].notna()
        & observations["period_type"].isin(YEAR_PERIOD_TYPES)
        & observations["period_end"].notna()
    ].copy()
    end = pd.to_datetime(obs["period_end"])
    obs["year"] = end.dt.year.astype("int64")
    obs["obs_end_month"] = end.dt.month.astype("int64")
    obs["obs_end_day"] = end.dt.day.astype("int64")
    return obs


def reconcile_frames(observations: pd.DataFrame, official: pd.DataFrame, tolerance: float = 0.5) -> pd.DataFrame:
    obs = comparable_actuals(observations)
    joined = obs.merge(official, on=["council_id", "indicator_id", "year"], how="inner")
    # A financial year always ends on 31 March, so it only ever meets a 31 March source.
    joined = joined[(joined["obs_end_month"] == joined["end_month"]) & (joined["obs_end_day"] == joined["end_day"])]
    result = pd.DataFrame(
        {
            "council_id": joined["council_id"],
            "council": joined["council"],
            "indicator_id": joined["indicator_id"],
            "year": joined["year"],
            "extracted_value": joined["value"],
            "official_value": joined["official_value"],
            # rounded so that 24.2 - 23.1 is 1.1, not 1.0999999999999979
            "difference": (joined["value"] - joined["official_value"]).round(6),
            "unit": joined["official_unit"],  # the catalogue's unit
            "document": joined["document"],
            "page": joined["page"],
            "period_label": joined["period_label"],
            "context": joined["context"],
        }
    )
    result["differs_from_official"] = result["difference"].abs() > tolerance
    result = result.sort_values(["council_id", "indicator_id", "year", "document", "page", "period_label"],
                                na_position="first", kind="stable")
    result["page"] = result["page"].astype("Int32")
    result["year"] = result["year"].astype("int32")
    return result[COLUMNS].reset_index(drop=True)


def reconcile(out: Path, tolerance: float = 0.5) -> pd.DataFrame:
    """Compare OUT/observations.parquet with the official figures; write OUT/reconciliation.parquet
    into a new generation beside the observations it compared (listed in OUT/generation.json; a
    later run's generation holds none, so OUT never shows one of other observations)."""
    results: list[pd.DataFrame] = []

    def write(folder: Path) -> None:
        observations = pd.read_parquet(folder / "observations.parquet")
        official = combine_official(official_from_dataset(observations), load_official())
        results.append(reconcile_frames(observations, official, tolerance))
        table = pa.Table.from_pandas(results[0], schema=RECONCILIATION_SCHEMA, preserve_index=False)
        write_atomic(table, folder / RECONCILIATION)

    commit_derived(Path(out), RECONCILIATION, write)
    return results[0]


def _number(value: float) -> str:
    return f"{value:,.6g}" if abs(value) >= 1000 else f"{value:.6g}"


def year_label(year: int, end: tuple[int, int]) -> str:
    """DfE's name for the year: `2023/24` for a year ending 31 March 2024, `Sep 2024` for 30 September."""
    return f"{year - 1}/{year % 100:02d}" if end == MARCH_31 else f"{pd.Timestamp(year, *end):%b} {year}"


def format_table(result: pd.DataFrame, ends: dict[str, tuple[int, int]] | None = None) -> list[str]:
    """Aligned lines for the terminal; `ends` gives each indicator's year end (31 March when absent)."""
    ends = ends or {}
    header = ("council", "indicator", "year", "extracted", "official", "difference", "flag")
    rows = [
        (
            str(r.council if pd.notna(r.council) else r.council_id)[:32],
            r.indicator_id,
            year_label(int(r.year), ends.get(r.indicator_id, MARCH_31)),
            _number(r.extracted_value),
            _number(r.official_value),
            f"{r.difference:+.6g}",
            "DIFFERS" if r.differs_from_official else "ok",
        )
        for r in result.itertuples(index=False)
    ]
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    right = {2, 3, 4, 5}  # numbers line up on the right
    return [
        "  ".join(str(cell).rjust(w) if i in right else str(cell).ljust(w) for i, (cell, w) in
                  enumerate(zip(row, widths, strict=True))).rstrip()
        for row in [header, *rows]
    ]


@click.command("reconcile")
@click.argument("out", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--tolerance", type=click.FloatRange(min=0), default=0.5, show_default=True,
              help="largest difference, in the indicator's unit, still counted as agreeing")
def reconcile_command(out: Path, tolerance: float) -> None:
    """Compare OUT's extracted actuals with DfE's official local-authority figures.

    Writes OUT/reconciliation.parquet and prints each comparison. The year is DfE's reporting
    year (2023/24 ends 31 March 2024; workforce figures are at 30 September).
    """
    if not (out / "observations.parquet").exists():
        raise click.ClickException(f"{out / 'observations.parquet'} not found: run `extract CORPUS --out {out}` first")
    result = reconcile(out, tolerance)
    official = load_official()
    ends = {r.indicator_id: (r.end_month, r.end_day) for r in official.drop_duplicates("indicator_id").itertuples()}
    if result.empty:
        click.echo("no extracted actuals match an official figure")
    else:
        for line in format_table(result, ends):
            click.echo(line)
    differing = int(result["differs_from_official"].sum())
    click.echo(f"\n{len(result)} compared, {differing} differ from the official figure by more than {tolerance:g}")
    click.echo(f"written: {out / 'reconciliation.parquet'}")
