"""Tables whose rows are areas (issue 11): golden cases and the register of areas.

tests/areas/<case>/ holds a document as text and as PDFs (scripts/render_area_cases.py) and
truth.csv, every cell it prints with the council the row is about. Each input must give every
cell with the right council, kind, period and value (all of them), and no cell
of an area table may come out as an indicator named after an area.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from extract.read.kinds import classify_header
from extract.read.tables.areas import register
from extract.read.values import parse_cell

AREAS = Path(__file__).parent / "areas"
INPUTS = sorted(p for p in AREAS.glob("*/*") if p.suffix in (".txt", ".pdf"))
INDICATOR = {"lait_essex_re_referrals": "csc_re_referrals_12m_pct", "scorecard_benchmarking": "cla_rate_per_10k"}


def test_every_area_case_has_its_inputs():
    # the parametrised test below would silently run on nothing without them
    cases = sorted(p for p in AREAS.iterdir() if (p / "truth.csv").exists())
    assert cases and all(any(p.parent == case for p in INPUTS) for case in cases), INPUTS


def truth_of(case: Path) -> list[dict]:
    with (case / "truth.csv").open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def score(observations: list[dict], truth: list[dict], indicator: str | None = None) -> tuple[float, list[dict]]:
    """The share of truth cells found: same council (null for ""), indicator, kind, period end and value."""
    have = {
        (o["council_id"] or "", o["indicator_id"], o["value_kind"], o["period_end"], o["value"])
        for o in observations
    }
    missed = [
        t for t in truth
        if (t["council_id"], t.get("indicator_id") or indicator, t["value_kind"],
            date.fromisoformat(t["period_end"]), parse_cell(t["value_raw"]).value) not in have
    ]  # fmt: skip
    return 1 - len(missed) / len(truth), missed


@pytest.mark.parametrize("source", INPUTS, ids=[f"{p.parent.name}/{p.name}" for p in INPUTS])
def test_area_table_cells(source, pipeline):
    result = pipeline.process(source, source.parent)
    assert result.document["status"] == "ok", result.document["error"]
    truth = truth_of(source.parent)
    share, missed = score(result.observations, truth, INDICATOR.get(source.parent.name))
    assert not missed, f"{share:.1%} of cells; missed {missed[:5]}"
    area_names = {t["area"] for t in truth}
    assert not [o for o in result.observations if o["indicator_raw"] in area_names]
    # every area cell is one of the truth cells: nothing read twice, nothing invented
    table_cells = [o for o in result.observations if o["value_kind"] != "target" and o["period_end"]
                   and o["period_end"].year <= 2023 and o["period_end"].month == 3]
    assert len(table_cells) == len(truth)
    assert {o["indicator_id"] for o in table_cells} == {t.get("indicator_id") or INDICATOR[source.parent.name]
                                                        for t in truth}


def test_register_knows_former_councils():
    reg = register()
    assert reg.lookup("881 Essex").council_id == "E10000012"
    dorset = reg.lookup("835 Dorset")
    assert dorset.council_id == "E06000059" and "838" in dorset.note  # old county → Dorset Council
    assert reg.lookup("836 Poole").council_id == "E06000058"
    assert reg.lookup("Bournemouth").council_id == "E06000058"
    assert reg.lookup("838 Dorset").council_id == "E06000059" and reg.lookup("838 Dorset").note is None
    split = reg.lookup("928 Northamptonshire")
    assert split.kind == "council" and split.council_id is None and "split" in split.note
    assert reg.lookup("England").kind == "national"
    assert reg.lookup("Statistical Neighbours average").kind == "statistical_neighbours"
    assert reg.lookup("London").kind == "regional"
    assert reg.lookup("Percentage of re-referrals") is None


@pytest.mark.parametrize("label", ["Change from previous year", "+/-", "Variance", "Change since last year"])
def test_differences_are_change(label):
    meaning = classify_header(label)
    assert (meaning.role, meaning.kind) == ("value", "change")


def test_official_measures_agree_with_build_official():
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("build_official", AREAS.parents[1] / "scripts" / "build_official.py")
    build = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_official", build)  # dataclasses look their module up
    spec.loader.exec_module(build)
    with (AREAS.parents[1] / "mappings" / "official" / "measures.csv").open(newline="", encoding="utf-8") as fh:
        shipped = [(r["indicator_id"], r["column"], r["measure"]) for r in csv.DictReader(fh)]
    assert shipped == [(m.indicator_id, m.column, m.describe()) for m in build.MEASURES]


def test_former_councils_in_an_area_table(tmp_path, pipeline):
    doc = tmp_path / "sw.txt"
    doc.write_text(
        "Rate of children looked after per 10,000 children\n"
        "LA number\tLA name\t2017\t2018\t2019\t2020\n"
        "835\tDorset\t50\t52\t54\t\n"
        "836\tPoole\t60\t62\t64\t\n"
        "838\tDorset\t\t\t\t55\n"
        "928\tNorthamptonshire\t58\t59\t60\t\n"
        "\tSouth West\t49\t50\t51\t52\n",
        encoding="utf-8",
    )
    result = pipeline.process(doc, tmp_path)
    rows = {(o["context"].split()[0], o["period_label"]): o for o in result.observations}
    assert rows[("835", "2019")]["council_id"] == "E06000059" and "former_council" in rows[("835", "2019")]["flags"]
    assert rows[("836", "2017")]["council_id"] == "E06000058"
    assert rows[("838", "2020")]["council_id"] == "E06000059" and not rows[("838", "2020")]["flags"]
    split = rows[("928", "2018")]
    assert split["council_id"] is None and "former_council" in split["flags"]
    region = rows[("South", "2018")]
    assert region["value_kind"] == "regional" and region["council_id"] == "E06000059"  # the table's first council
    assert {o["indicator_id"] for o in result.observations} == {"cla_rate_per_10k"}
    assert {o["period_end"].isoformat() for o in result.observations if o["period_label"] == "2019"} == {"2019-03-31"}
