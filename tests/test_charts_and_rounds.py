"""A chart's axis read as a grid, survey rounds over periods, and a grid read twice, as the ADCS
Safeguarding Pressures report prints them (../shared/pdfs adcs-safeguarding-pressures-phase9-2025)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from extract.read.kinds import classify_header
from extract.read.periods import parse_period
from extract.read.tables.charts import is_axis_row

ADCS = Path(__file__).resolve().parents[2] / "shared" / "pdfs" / "adcs-safeguarding-pressures-phase9-2025.pdf"


def test_figures_stepping_evenly_up_from_zero_are_a_charts_axis():
    assert is_axis_row(["", "0% 10% 20% 30%", "40% 50% 60%", "70%", "80%", "90%", "100%"])
    assert is_axis_row(["0", "10", "20", "30", "Your School 40", "50"])  # the legend printed among the labels
    assert not is_axis_row(["Referrals", "0", "10", "20", "30"])  # four: too few for an axis
    assert not is_axis_row(["Re-referrals %", "23%", "20%", "20%", "21%", "20%", "22%"])
    assert not is_axis_row(["Placements", "0", "10", "20", "35", "40"])  # an uneven step is a row of figures


@pytest.mark.parametrize("label", ["Phase 9 2023–24", "Round 3 2023-24", "Wave 2 2021/22"])
def test_a_survey_round_before_its_period_heads_that_periods_figures(label):
    meaning = classify_header(label)
    assert (meaning.role, meaning.kind) == ("value", "actual")
    assert parse_period(meaning.period_label).start is not None
    assert classify_header("Year 2 2023-24").role == "ignore"  # a school year is no round
    assert classify_header("SP 9 2023-24").period_label == "SP 9 2023-24"  # (ADCS: the Safeguarding Pressures phase)


@pytest.mark.skipif(not ADCS.exists(), reason="needs ../shared/pdfs, the project's reference PDFs (present in CI)")
def test_the_adcs_report_reads_its_phase_tables_once_and_no_chart():
    from extract.load import load_document
    from extract.plugins.parser import discover
    from extract.settings import DEFAULT_SETTINGS

    document = load_document(ADCS, ADCS.parent)
    generic = next(p for p in discover() if p.name == "generic")
    figures = list(generic.parse(document, DEFAULT_SETTINGS))
    care_leavers = {(f.value_raw, f.value_kind, f.period.label) for f in figures
                    if f.page == 54 and f.indicator_raw == "Care leavers"}  # fmt: skip
    # (the table's own `Phase 9 2023–24` header, not the `Change P8 to P9` column of the table carried from p.53)
    assert ("70,991", "actual", "Phase 9 2023–24") in care_leavers
    assert not [f for f in figures if f.page == 54 and f.value_kind == "change"]
    on_50 = Counter((f.indicator_raw, f.value_raw, f.period.label) for f in figures if f.page == 50)
    assert on_50 and max(on_50.values()) == 1  # Table 9 read once
    assert not [f for f in figures if f.page == 38 and f.indicator_raw and "Phase 5 Phase 6" in f.indicator_raw]


@pytest.mark.skipif(not ADCS.exists(), reason="needs ../shared/pdfs, the project's reference PDFs (present in CI)")
def test_a_numbered_heading_at_the_next_pages_top_is_no_end_of_the_tables_last_row():
    from extract.load import load_document
    from extract.read.tables.find import tables_by_page
    from extract.settings import DEFAULT_SETTINGS

    document = load_document(ADCS, ADCS.parent)
    names = [row.cells[0] for page, table in tables_by_page(document.pages[53:55], DEFAULT_SETTINGS)
             for row in table.rows]  # fmt: skip
    # p.55 opens with `4.7 Exiting from care and adoption`, under the name column of p.54's Table 12
    assert "Care leavers minus UAS children care leavers" in names
    assert not [n for n in names if "Exiting" in n]


LAA = Path(__file__).resolve().parents[2] / "shared" / "pdfs" / "wsx-needs-assessment-vulnerable-lac-2008.pdf"


@pytest.mark.parametrize(("label", "role"), [
    ("National Indicator No National Indicator No", "code"),  # (a cell merged over two header rows)
    ("Indicator No.", "code"),
    ("National Indicators*", "name"),
    ("National average", "value"),
    ("Indicator number of children", "ignore"),
])  # fmt: skip
def test_a_national_indicator_sets_number_and_name_columns_are_no_national_figures(label, role):
    assert classify_header(label).role == role


@pytest.mark.skipif(not LAA.exists(), reason="needs ../shared/pdfs, the project's reference PDFs (present in CI)")
def test_the_laa_target_tables_take_the_codes_of_their_indicators():
    from extract.load import load_document
    from extract.plugins.parser import discover
    from extract.settings import DEFAULT_SETTINGS

    document = load_document(LAA, LAA.parent)
    generic = next(p for p in discover() if p.name == "generic")
    codes = {(f.page, f.indicator_code) for f in generic.parse(document, DEFAULT_SETTINGS) if f.page in (119, 120)}
    # p.119: the `National Indicator No` column; p.120 (the table carried on): the code printed with each name,
    # not the end of the row above's wrapped name the page set in the code column (`Stage 3`)
    assert {(119, "NI 59"), (119, "NI 147"), (120, "NI 83"), (120, "NI 99"), (120, "NI 101")} <= codes
    assert not [c for _, c in codes if c and c.startswith("Stage")]


def test_a_sentence_over_a_column_of_no_figures_heads_no_values():
    from extract.read.tables.table_model import build_columns, reclassify_by_content

    labels = ["National Indicators", "Baseline", "Target 08/09",
              "Statutory partners who have signed up to the target and any which are acting as lead partner/s"]
    rows = [["% of initial assessments within 7 working days", "64.3%", "60.0%", "West Sussex County Council*"],
            ["Children who have experienced bullying", "TBC", "To be set in 2009", "Sussex Police; Sussex Learning"]]
    roles = [c.role for c in reclassify_by_content(build_columns(labels), rows)]
    assert roles == ["name", "value", "value", "ignore"]  # (a short label over words stays: `To be set in 2009`)
