"""Data-quality flags and dating over finished rows: per row, per document, and across documents."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from extract.model import Period

# Kinds printed without a date of their own are set against the period of their table row.
UNDATED_KINDS = frozenset(
    ("target", "tolerance", "intervention", "national", "regional", "statistical_neighbours", "comparator_group",
     "change")
)


def row_flags(value: float | None, unit: str, numerator: float | None, denominator: float | None) -> list[str]:
    """Data-quality findings about one row on its own (SCHEMA.md `flags`)."""
    flags = []
    if value is not None and unit == "percent" and not 0 <= value <= 100:
        flags.append("percent_out_of_range")
    # `7 … of the 196`: the value is the count on top, not a ratio of the two
    if value is not None and numerator is not None and denominator and value != numerator:
        ratio = numerator / denominator
        # A percentage is the fraction × 100; a rate × 10,000 or 1,000; anything else may be
        # printed as the proportion itself or as a percentage without its % sign.
        scales = RATIO_SCALES.get(unit, (1, 100))
        # allow for rounding to whole numbers as printed (23% for 22.9 %)
        if not any(abs(value - ratio * s) <= max(0.6, abs(ratio * s) * 0.02) for s in scales):
            flags.append("ratio_mismatch")
    return flags


RATIO_SCALES = {"percent": (100,), "rate_per_10k": (10_000,), "rate_per_1k": (1_000,)}


def merge_flags(*lists: list[str]) -> list[str]:
    return list(dict.fromkeys(f for flags in lists for f in flags))


def date_undated(observations: list[dict], report_period: Period | None = None) -> int:
    """Targets, tolerances, intervention levels and benchmarks printed without a date of their own
    take the period they are set against: that of the latest dated actual in the same table row
    (same page, source, context and name), else the report's period when the parser knows it.
    period_label stays as printed; period_basis says which. Returns how many rows were dated."""
    latest: dict[tuple, dict] = {}
    for o in observations:
        if o["value_kind"] == "actual" and o["period_end"] is not None:
            key = (o["page"], o["source"], o["context"], o["indicator_raw"])
            best = latest.get(key)
            if best is None or o["period_end"] > best["period_end"]:
                latest[key] = o
    dated = 0
    for o in observations:
        if o["period_end"] is not None or o["value_kind"] not in UNDATED_KINDS:
            continue
        actual = latest.get((o["page"], o["source"], o["context"], o["indicator_raw"]))
        if actual is not None:
            o["period_type"], o["period_start"], o["period_end"] = (
                actual["period_type"], actual["period_start"], actual["period_end"]
            )
            o["period_basis"] = "row_actual"
        elif report_period is not None and report_period.end is not None:
            o["period_type"], o["period_start"], o["period_end"] = (
                report_period.type, report_period.start, report_period.end
            )
            o["period_basis"] = "report_period"
        else:
            continue
        dated += 1
    return dated


def flag_conflicts(observations: list[dict]) -> int:
    """`conflicting_duplicate`: the same council, indicator, period and kind with different values,
    within one document or across documents (a document whose council is not known counts as its
    own council). Every row of such a group is flagged; returns how many. DfE's official figures
    (`source=official`) are grouped apart: an in-year figure that differs from the year-end one is
    what `extract reconcile` shows, not a conflict; the change of an aggregate row of an area
    table (England's, the region's: no council) is no council's and never grouped."""
    groups: dict[tuple, list[dict]] = {}
    for o in observations:
        if o["value_kind"] == "change" and not o["council_id"]:
            continue
        if o["indicator_id"] and o["period_end"] and o["value"] is not None:
            council = o["council_id"] or ("document", o["document"])
            key = (council, o["indicator_id"], o["period_type"], o["period_end"], o["value_kind"],
                   o.get("source") == "official")
            groups.setdefault(key, []).append(o)
    flagged = 0
    for rows in groups.values():
        if len({r["value"] for r in rows}) > 1:
            for r in rows:
                if "conflicting_duplicate" not in r["flags"]:
                    r["flags"] = [*r["flags"], "conflicting_duplicate"]
                    flagged += 1
    return flagged


CONFLICT = "conflicting_duplicate"
# The columns `conflicting_duplicate` is decided on (see flag_conflicts).
CONFLICT_COLUMNS = ("council_id", "document", "indicator_id", "period_type", "period_end", "value_kind", "source",
                    "value")  # fmt: skip


def conflict_mask(table: pa.Table) -> np.ndarray:
    """flag_conflicts over columns (CONFLICT_COLUMNS of every row of the run, in any order):
    True for each row of a group whose values differ. One hash aggregation and one join in
    Arrow: no row becomes a Python object."""
    council, document = table.column("council_id"), table.column("document")
    known = pc.fill_null(pc.not_equal(council, ""), False)
    eligible = pc.and_(
        pc.and_(pc.fill_null(pc.not_equal(table.column("indicator_id"), ""), False),
                pc.is_valid(table.column("period_end"))),
        pc.and_(pc.is_valid(table.column("value")),
                pc.invert(pc.and_(pc.fill_null(pc.equal(table.column("value_kind"), "change"), False),
                                  pc.invert(known)))),
    )  # fmt: skip
    # a document whose council is not known counts as its own council (`document`: its path, or
    # any number that stands for it)
    blank = pa.scalar("" if pa.types.is_string(document.type) else -1, document.type)
    keys = pa.table({
        "council": pc.if_else(known, council, ""),
        "document": pc.if_else(known, blank, document),
        "indicator": table.column("indicator_id"),
        "type": pc.fill_null(table.column("period_type"), "\x00"),
        "end": table.column("period_end"),
        "kind": pc.fill_null(table.column("value_kind"), "\x00"),
        "official": pc.fill_null(pc.equal(table.column("source"), "official"), False),
        "value": table.column("value"),
        "row": pa.array(np.arange(table.num_rows, dtype=np.int64)),
    }).filter(eligible)  # fmt: skip
    mask = np.zeros(table.num_rows, dtype=bool)
    if not keys.num_rows:
        return mask
    group = ["council", "document", "indicator", "type", "end", "kind", "official"]
    distinct = keys.group_by(group).aggregate([("value", "count_distinct")])
    differ = distinct.filter(pc.greater(distinct.column("value_count_distinct"), 1)).select(group)
    if differ.num_rows:
        flagged = keys.select([*group, "row"]).join(differ, keys=group, join_type="inner")
        mask[flagged.column("row").to_numpy()] = True
    return mask


def add_conflicts(table: pa.Table, mask: np.ndarray) -> pa.Table:
    """`table` with `conflicting_duplicate` added to the flags of the rows `mask` marks (once)."""
    if not mask.any():
        return table
    at = table.schema.get_field_index("flags")
    flags = table.column(at).combine_chunks()
    flat = pc.list_flatten(flags)
    has = np.zeros(len(flags), dtype=bool)
    hits = pc.list_parent_indices(flags).to_numpy()[pc.equal(flat, CONFLICT).to_numpy(zero_copy_only=False)]
    has[hits] = True
    need = (mask & ~has).astype(np.int64)
    if not need.any():
        return table
    lengths = pc.fill_null(pc.list_value_length(flags), 0).to_numpy().astype(np.int64)
    offsets = np.zeros(len(flags) + 1, dtype=np.int64)
    np.cumsum(lengths + need, out=offsets[1:])
    values = np.empty(offsets[-1], dtype=object)
    # the old flags keep their order; the new one goes last in its row
    old_at = np.arange(len(flat)) + np.repeat(offsets[:-1] - np.concatenate(([0], np.cumsum(lengths)[:-1])), lengths)
    values[old_at] = flat.to_numpy(zero_copy_only=False)
    values[offsets[1:][need.astype(bool)] - 1] = CONFLICT
    merged = pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), pa.array(values, pa.string()))
    return table.set_column(at, table.schema.field(at), merged)
