"""Build mappings/official/dfe_la_figures.csv: DfE's official local-authority figures for the
catalogue indicators that DfE publishes, in long form, for `extract reconcile`.

Reads (from the shared reference-data folder, never at tool run time) the Explore Education
Statistics files in dfe/, copied unmodified from dfe-analytical-services/CSC_outcomes_and_enablers
(commit 2f5d11a, Open Government Licence v3.0):

  c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv
  b1_children_in_need_2013_to_2025.csv
  d3_cpps_subsequent_plan_2013_to_2025.csv
  d5_cpps_at31march_by_duration_2013_to_2025.csv
  cla_number_and_rate_per_10k_children.csv
  la_cla_placement_stability.csv
  csww_indicators_2017_to_2025.csv

Rules:
- `geographic_level == "Local authority"` rows only; `time_period` 2019-2025, the year in which DfE's
  reporting year ends: 2024 = 2023/24 (year to, or at, 31 March 2024), except the workforce file,
  whose year ends on 30 September (2024 = at 30 September 2024).
- council_id is DfE's `new_la_code` when it is a current council in mappings/councils.csv; otherwise
  DfE's 3-digit `old_la_code` when it is a current council's `dfe_la_number` (DfE keeps the number
  for a continuing authority: North Yorkshire 815, Somerset 933 and Buckinghamshire 825 before
  their unitary codes; Barnsley 370 and Sheffield 373 under their 2025 workforce codes). Rows of
  abolished or split authorities (Cumbria, Northamptonshire, old Dorset, Bournemouth, Poole) and
  the shared workforce rows of two councils ("E09000021 / E09000027") are dropped.
- Suppressed or missing cells (x, c, u, k, z, csww's "low", blank) give no row; values are copied as printed.
- Each indicator id must exist in mappings/indicators.csv; `unit` is the catalogue's unit.

Not shipped: `cla_starts_*` / `cla_ends_*` (in the CLA file, left out to keep this file under 2 MB),
`csc_referrals_rate_per_10k` and `cin_rate_per_10k` (the c1/b1 files hold counts only,
no rates or populations), and `csc_re_referrals_12m_count` (the catalogue counts children, the c1
re-referral percentage counts referrals; shipping either count beside it would mislead).

Usage (from the project root):
    python scripts/build_official.py [--data-dir ../shared/data] [--out mappings/official/dfe_la_figures.csv]

Stdlib only.
"""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = PROJECT_ROOT / ".." / "shared" / "data"
DEFAULT_OUT = PROJECT_ROOT / "mappings" / "official" / "dfe_la_figures.csv"
MAPPINGS = PROJECT_ROOT / "mappings"

COLUMNS = ["council_id", "indicator_id", "time_period", "value", "unit", "source_file", "source_measure"]
YEARS = range(2019, 2026)
# EES symbols (x, c, u, k, z) and csww's "low" (a figure that rounds below 0.5) carry no number
SUPPRESSED = {"", "x", "c", "u", "k", "z", "low"}

C1 = "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"
B1 = "b1_children_in_need_2013_to_2025.csv"
D3 = "d3_cpps_subsequent_plan_2013_to_2025.csv"
D5 = "d5_cpps_at31march_by_duration_2013_to_2025.csv"
CLA = "cla_number_and_rate_per_10k_children.csv"
PLC = "la_cla_placement_stability.csv"
CSWW = "csww_indicators_2017_to_2025.csv"

CLA_AT_31 = "Children looked after on 31 March each year"
# Each placement_stability value below occurs in one cla_group only, so it alone selects the row:
# "CLA on 31 March" and "Children looked after continuously for at least 2.5 years on 31 March aged under 16 years".
PLC_SHORT = "With 3 or more placements during the year"
PLC_LONG = "Living with the same carer for at least 2 years"


@dataclass(frozen=True)
class Measure:
    indicator_id: str
    file: str
    column: str  # the DfE value column
    where: tuple[tuple[str, str], ...] = ()  # (column, value) filters selecting the DfE row

    def describe(self) -> str:
        """`source_measure`: the value column, with the row filters in brackets."""
        return self.column + (f" [{'; '.join(v for _, v in self.where)}]" if self.where else "")


MEASURES = [
    # c1: referrals in the year and the share that were within 12 months of a previous referral
    Measure("csc_referrals_count", C1, "referral_count"),
    Measure("csc_re_referrals_12m_pct", C1, "rereferral_percent"),
    # b1: children in need at 31 March (a child has one open episode at a time, so episodes = children)
    Measure("cin_count", B1, "At31_episodes"),
    # d3: CP plans starting in the year, and those that were a second or subsequent plan (ever)
    Measure("cp_plan_starts_count", D3, "CPP_start"),
    Measure("cp_second_or_subsequent_plan_count", D3, "CPP_subsequent"),
    Measure("cp_second_or_subsequent_plan_pct", D3, "CPP_subsequent_percent"),
    # d5: children on a CP plan at 31 March, and the share whose plan had lasted 2 years or more
    Measure("cp_plans_count", D5, "CPP_At31"),
    Measure("cp_plans_2yrs_plus_pct", D5, "2_years_or_more_percent"),
    # cla_number_and_rate: children looked after at 31 March (the rate is a whole number)
    Measure("cla_count", CLA, "children_count", (("population_type", CLA_AT_31),)),
    Measure("cla_rate_per_10k", CLA, "rate_per_10000", (("population_type", CLA_AT_31),)),
    # placement stability (percentages are whole numbers): short term (3+ placements in the year)
    # and long term (under 16s in care 2.5+ years, same carer for 2+ years)
    Measure("plc_3plus_placements_pct", PLC, "children_percent", (("placement_stability", PLC_SHORT),)),
    Measure("plc_long_term_stability_pct", PLC, "children_percent", (("placement_stability", PLC_LONG),)),
    # csww: children and family social workers (FTE). DfE's workforce year ends on 30 September, not 31 March:
    # time_period 2024 = at 30 September 2024 (turnover: leavers in the year to then). `extract reconcile`
    # matches these rows to figures for periods ending 30 September.
    Measure("wf_sw_fte_count", CSWW, "inpost_fte"),
    Measure("wf_sw_turnover_pct", CSWW, "turnover_rate_fte"),
    Measure("wf_agency_sw_pct", CSWW, "agency_rate_fte"),
    Measure("wf_sw_vacancy_rate_pct", CSWW, "vacancy_rate_fte"),
    Measure("wf_sw_caseload_avg", CSWW, "caseload_fte"),
]


def read_rows(path: Path) -> list[dict[str, str]]:
    # utf-8-sig: the CLA and placement files start with a byte-order mark
    with path.open(newline="", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def council_resolver(councils_csv: Path):
    """Map a DfE row to a current council id (None when the authority is not a current council)."""
    rows = read_rows(councils_csv)
    current = {r["council_id"] for r in rows}
    by_number = {r["dfe_la_number"]: r["council_id"] for r in rows if r["dfe_la_number"]}

    def resolve(row: dict[str, str]) -> str | None:
        code = row["new_la_code"].strip()
        if code in current:
            return code
        return by_number.get(row["old_la_code"].strip())

    return resolve


def build(data_dir: Path) -> list[dict[str, str]]:
    units = {r["indicator_id"]: r["unit"] for r in read_rows(MAPPINGS / "indicators.csv")}
    unknown = [m.indicator_id for m in MEASURES if m.indicator_id not in units]
    if unknown:
        sys.exit(f"indicator ids not in mappings/indicators.csv: {unknown}")
    resolve = council_resolver(MAPPINGS / "councils.csv")
    cache: dict[str, list[dict[str, str]]] = {}
    out: dict[tuple[str, str, str], dict[str, str]] = {}
    for m in MEASURES:
        rows = cache.setdefault(m.file, read_rows(data_dir / "dfe" / m.file))
        if m.column not in rows[0]:
            sys.exit(f"{m.file}: no column {m.column!r}")
        for row in rows:
            if row["geographic_level"] != "Local authority" or int(row["time_period"]) not in YEARS:
                continue
            if any(row[col] != val for col, val in m.where):
                continue
            value = row[m.column].strip()
            council_id = resolve(row)
            if value.lower() in SUPPRESSED or council_id is None:
                continue
            float(value)  # fails loudly on anything that is not a number
            key = (council_id, m.indicator_id, row["time_period"])
            if key in out and out[key]["value"] != value:
                sys.exit(f"conflicting values for {key}: {out[key]['value']} and {value}")
            out[key] = {
                "council_id": council_id,
                "indicator_id": m.indicator_id,
                "time_period": row["time_period"],
                "value": value,
                "unit": units[m.indicator_id],
                "source_file": m.file,
                "source_measure": m.describe(),
            }
    return [out[k] for k in sorted(out)]


def check(rows: list[dict[str, str]]) -> None:
    """Anchor: Darlington's 2023/24 re-referral rate as published by DfE."""
    anchor = [r for r in rows if (r["council_id"], r["indicator_id"], r["time_period"])
              == ("E06000005", "csc_re_referrals_12m_pct", "2024")]
    if [r["value"] for r in anchor] != ["23.1"]:
        sys.exit(f"anchor check failed: Darlington 2023/24 re-referrals {anchor}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    rows = build(args.data_dir)
    check(rows)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".tmp")
    with tmp.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    tmp.replace(args.out)
    councils = len({r["council_id"] for r in rows})
    print(f"{args.out}: {len(rows)} rows, {councils} councils, {len({r['indicator_id'] for r in rows})} indicators")


if __name__ == "__main__":
    main()
