"""Round 13 (tests/heldout/README.md): a row label beside a name merged over two rows joins the name unless it
is a bare unit word (mappings/unit_row_labels.csv); the table-title target rule reads the word `target(s)`
from the reviewed vocabulary (mappings/header_words.csv) and still leaves a `Council Plan` alone."""

from __future__ import annotations

from extract.read.kinds import classify_header
from extract.read.tables.row_labels import label_column, shares_name, unit_row_labels, with_row_label
from extract.read.tables.table_model import Column, TableRow, targets_by_title


def _rows(*names: str) -> list[TableRow]:
    return [TableRow([name, "", ""], name) for name in names]


def test_a_label_that_changes_the_measure_joins_a_shared_name():
    name = "Children looked after at 31 March"
    assert with_row_label(name, "Rate per 10,000 aged 0-17", True) == f"{name} – Rate per 10,000 aged 0-17"


def test_a_bare_unit_word_does_not_join():
    assert {"number", "%", "percentage"} <= unit_row_labels()
    for label in ("Number", "No.", "%", "Percentage"):
        assert with_row_label("Children looked after", label, True) == "Children looked after"


def test_a_name_of_its_own_row_keeps_its_name():
    assert with_row_label("Children looked after aged 0-4", "% of children looked after", False) == (
        "Children looked after aged 0-4"
    )
    assert with_row_label("Children looked after", "290", True) == "Children looked after"


def test_a_name_is_shared_only_with_a_neighbouring_row():
    rows = _rows("A measure", "A measure", "Another", "A measure")
    assert shares_name(rows, rows[0], 0) and shares_name(rows, rows[1], 0)
    assert not shares_name(rows, rows[2], 0) and not shares_name(rows, rows[3], 0)


def test_the_label_column_is_the_unlabelled_one_after_the_name():
    columns = [Column(0, "Measure", classify_header("Measure")), Column(1, "", classify_header("")),
               Column(2, "March 2008", classify_header("March 2008"))]
    assert label_column(columns, 0) is columns[1]
    assert label_column(columns, 1) is None


def test_the_title_target_rule_reads_the_word_not_a_plan():
    columns = [Column(0, "Indicator", classify_header("Indicator")), Column(1, "04/05", classify_header("04/05"))]
    assert targets_by_title(columns, "Strategic objectives / AREAS AND TARGETS")[1].meaning.kind == "target"
    assert targets_by_title(columns, "Cumbria Council Plan")[1].meaning.kind != "target"
