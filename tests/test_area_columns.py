"""Tables whose columns are areas (read/tables/area_columns.py): councils side by side under a
`Local authority` header, one row per measure. Each council's column gives that council's actual,
with its own council_id; no council of such a table stands in for the document's unknown council."""

from __future__ import annotations

from pathlib import Path

from extract.read.tables.area_columns import areas_across, header_areas

SOUTH_TYNESIDE = Path(__file__).parent / "heldout" / "dev" / "south_tyneside_lac_2015_16_comparator_columns"
COUNCILS = {"120": "E06000002", "105": "E06000001", "101": "E08000024", "99": "E08000023"}  # Middlesbrough, ...


def test_a_header_of_councils_over_measures_is_areas_across() -> None:
    labels = ["Local authority", "Middlesbrough", "Hartlepool", "Sunderland", "South Tyneside"]
    assert areas_across(labels, [["Rate per 10,000", "120", "105", "101", "99"]])
    assert not areas_across(labels, [["2015/16", "120", "105", "101", "99"]])  # (a period leads: not a measure)
    # one council beside its benchmarks is the council's own table, read as any KPI table
    assert header_areas(["Measure", "South Tyneside", "North East", "England"]) is None
    assert header_areas(["Measure", "Target", "Actual", "England"]) is None


def test_south_tyneside_benchmarking_table_gives_each_councils_rate(pipeline) -> None:
    result = pipeline.process(SOUTH_TYNESIDE / "document.pdf", SOUTH_TYNESIDE)
    rows = [o for o in result.observations if o["context"].startswith("Rate per 10,000")]
    assert {o["value_raw"]: o["council_id"] for o in rows} == COUNCILS
    assert {(o["value_kind"], o["period_label"], o["indicator_id"]) for o in rows} == {
        ("actual", "2015/16", "cla_rate_per_10k")}
    assert {o["indicator_raw"] for o in rows} == {"Rate of looked after children per 10,000"}
    # the document's own rows keep the document's council (unknown here), not the table's first column's
    others = [o for o in result.observations if o not in rows]
    assert others and {o["council_id"] for o in others} == {None}

