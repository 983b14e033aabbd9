"""Write the golden cases of tables whose rows are areas (issue 11): tests/areas/<case>/.

Each case is a text document (input.txt), its PDF renderings (one per style below, made with
tests/pdf_render.py) and truth.csv: every (area, period, kind) cell the document prints, with the
council the row is about and the value, written from the same numbers the document is made of.

- lait_essex_re_referrals: a DfE LAIT statistical-neighbour export as the tool prints it: one
  indicator, Essex (881), its ten statistical neighbours, the neighbour average and England, by
  LA number and name, ten years (2013 ... 2022, the year each financial year ends in) and a
  `Change from previous year` column; `x` where DfE suppresses a figure.
- lait_essex_three_indicators: three indicators in one export (years 2014 ... 2023), with LAIT's
  rank and quartile columns and `... Average` aggregate rows.
- scorecard_benchmarking: a council scorecard (Havering) whose KPI table is followed by a
  benchmarking table: Havering, its statistical neighbours, London and England over three years
  and a `+/-` column.

Usage (from the project root): python scripts/render_area_cases.py
Deterministic: the same script writes the same bytes.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "areas"

from pdf_render import render_text_to_pdf  # noqa: E402

STYLES = ("ruled", "landscape", "unruled", "split", "wrapped")
TRUTH_COLUMNS = ["area", "council_id", "value_kind", "period_label", "period_end", "value_raw", "indicator_id"]

LAIT_AREAS = [
    ("881", "Essex", "E10000012"),
    ("850", "Hampshire", "E10000014"),
    ("886", "Kent", "E10000016"),
    ("919", "Hertfordshire", "E10000015"),
    ("938", "West Sussex", "E10000032"),
    ("936", "Surrey", "E10000030"),
    ("888", "Lancashire", "E10000017"),
    ("860", "Staffordshire", "E10000028"),
    ("885", "Worcestershire", "E10000034"),
    ("916", "Gloucestershire", "E10000013"),
    ("891", "Nottinghamshire", "E10000024"),
]


def lait_case(rng: random.Random) -> tuple[str, list[dict]]:
    years = list(range(2013, 2023))
    title = "Percentage of referrals that were re-referrals within 12 months"
    lines = [
        "Local Authority Interactive Tool (LAIT)",
        "Statistical neighbour comparison for Essex",
        "",
        title,
        "\t".join(["LA number", "LA name", *map(str, years), "Change from previous year"]),
    ]
    truth: list[dict] = []
    rows = [(n, name, cid, "actual") for n, name, cid in LAIT_AREAS]
    rows += [("", "Statistical Neighbours", None, "statistical_neighbours"), ("", "England", None, "national")]
    for number, name, cid, kind in rows:
        cells = [number, name]
        last = prev = None
        for year in years:
            if kind == "actual" and rng.random() < 0.04:
                cells.append("x")
                last = None
                continue
            value = f"{rng.uniform(12, 30):.1f}"
            cells.append(value)
            prev, last = last, value
            truth.append(
                {"area": name, "council_id": cid or "E10000012", "value_kind": kind, "period_label": str(year),
                 "period_end": f"{year}-03-31", "value_raw": value}
            )
        if last is not None and prev is not None:
            change = f"{float(last) - float(prev):.1f}"
            cells.append(change)
            truth.append(
                {"area": name, "council_id": cid or "", "value_kind": "change", "period_label": str(years[-1]),
                 "period_end": f"{years[-1]}-03-31", "value_raw": change}
            )
        else:
            cells.append("x")
        lines.append("\t".join(cells))
    lines += ["", "Source: DfE, children in need census. x = suppressed."]
    return "\n".join(lines) + "\n", truth


LAIT_TITLES = (
    ("Percentage of children who became the subject of a child protection plan for a second or subsequent time",
     "cp_second_or_subsequent_plan_pct"),
    ("Children looked after rate per 10,000 children aged under 18", "cla_rate_per_10k"),
    ("Percentage of referrals that were re-referrals within 12 months", "csc_re_referrals_12m_pct"),
)


def lait_three_case(rng: random.Random) -> tuple[str, list[dict]]:
    """Three indicators in one export, years printed as DfE's `2014` ... `2023`, the aggregate
    rows named `Statistical Neighbour Average` and `England Average`, and LAIT's trailing
    `Latest National Rank` and `Latest Quartile Banding` columns (positions, not figures)."""
    years = list(range(2014, 2024))
    lines = ["Local Authority Interactive Tool (LAIT)", "Local authority: Essex", ""]
    truth: list[dict] = []
    for title, indicator in LAIT_TITLES:
        lines += [title, "\t".join(["LA Number", "LA Name", *map(str, years), "Change from previous year",
                                      "Latest National Rank", "Latest Quartile Banding"])]
        rows = [(n, name, cid, "actual") for n, name, cid in LAIT_AREAS]
        rows += [("", "Statistical Neighbour Average", None, "statistical_neighbours"),
                 ("", "England Average", None, "national")]
        for number, name, cid, kind in rows:
            cells = [number, name]
            values = [f"{rng.uniform(8, 60):.1f}" for _ in years]
            if kind == "actual" and rng.random() < 0.3:
                values[rng.randrange(len(years) - 2)] = "x"
            cells += values
            for year, value in zip(years, values, strict=True):
                if value != "x":
                    truth.append({"area": name, "council_id": cid or "E10000012", "value_kind": kind,
                                  "period_label": str(year), "period_end": f"{year}-03-31", "value_raw": value,
                                  "indicator_id": indicator})
            change = f"{float(values[-1]) - float(values[-2]):+.1f}"
            cells.append(change)
            truth.append({"area": name, "council_id": cid or "", "value_kind": "change",
                          "period_label": str(years[-1]), "period_end": f"{years[-1]}-03-31", "value_raw": change,
                          "indicator_id": indicator})
            cells += [str(rng.randint(1, 152)), rng.choice("ABCD")] if cid else ["", ""]
            lines.append("\t".join(cells))
        lines.append("")
    lines.append("Source: DfE LAIT. x = suppressed. Rank 1 = best.")
    return "\n".join(lines) + "\n", truth


def scorecard_case(rng: random.Random) -> tuple[str, list[dict]]:
    lines = [
        "London Borough of Havering",
        "Children's Services Performance Scorecard - Quarter 3 2023/24",
        "",
        "\t".join(["Indicator", "Target", "Actual Dec-23", "RAG"]),
        "\t".join(["Percentage of re-referrals within 12 months", "20%", "18.5%", "Green"]),
        "\t".join(["Percentage of single assessments completed within 45 days", "90%", "84.1%", "Amber"]),
        "",
        "Benchmarking: rate of children looked after per 10,000 children",
        "\t".join(["Area", "2020/21", "2021/22", "2022/23", "+/-"]),
    ]
    truth: list[dict] = []
    years = ["2020/21", "2021/22", "2022/23"]
    areas = [
        ("Havering", "E09000016", "actual"),
        ("Statistical neighbours", "E09000016", "statistical_neighbours"),
        ("London", "E09000016", "regional"),
        ("England", "E09000016", "national"),
    ]
    for name, cid, kind in areas:
        values = [f"{rng.uniform(30, 80):.0f}" for _ in years]
        change = f"{int(values[-1]) - int(values[-2]):+d}"
        lines.append("\t".join([name, *values, change]))
        for label, value in zip(years, values, strict=True):
            end = f"20{label[-2:]}-03-31"
            truth.append({"area": name, "council_id": cid, "value_kind": kind, "period_label": label,
                          "period_end": end, "value_raw": value})
        truth.append({"area": name, "council_id": cid if kind == "actual" else "", "value_kind": "change",
                      "period_label": years[-1], "period_end": "2023-03-31", "value_raw": change})
    lines += ["", "Havering's rate stays below its statistical neighbours and London."]
    return "\n".join(lines) + "\n", truth


def write_case(name: str, text: str, truth: list[dict]) -> None:
    folder = OUT / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "input.txt").write_text(text, encoding="utf-8")
    with (folder / "truth.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, TRUTH_COLUMNS, restval="")
        writer.writeheader()
        writer.writerows(truth)
    for style in STYLES:
        render_text_to_pdf(text, folder / f"{style}.pdf", style)


def main() -> None:
    write_case("lait_essex_re_referrals", *lait_case(random.Random(11)))
    write_case("lait_essex_three_indicators", *lait_three_case(random.Random(13)))
    write_case("scorecard_benchmarking", *scorecard_case(random.Random(12)))


if __name__ == "__main__":
    main()
