"""Small unruled tables set side by side, each under its own title and header, as the West Sussex
health profile prints PHE's health-visiting metrics (../shared/pdfs wsx-h4f-cyp-health-profile-arun-2019-20,
p.7: five tables, two across, the rows of the lower pair on different lines)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.model import Cell, Line
from extract.read.tables.side_by_side import side_by_side

PROFILE = Path(__file__).resolve().parents[2] / "shared" / "pdfs" / "wsx-h4f-cyp-health-profile-arun-2019-20.pdf"


def _line(top: float, *cells: tuple[str, float, float]) -> Line:
    return Line(tuple(Cell(text, x0, x0 + width) for text, x0, width in cells), top, top + 10)


def _pair(right_names: list[str]) -> list[Line]:
    lines = [_line(100, ("New birth visits within 14 days", 40, 200), ("Reviews at 2-2½ years", 570, 180)),
             _line(115, ("Area", 40, 30), ("Count", 180, 30), ("Value", 260, 30),
                   ("Area", 570, 30), ("Count", 700, 30), ("Value", 780, 30))]
    for k, (left, right) in enumerate(zip(["West Sussex", "South East", "England"], right_names, strict=True)):
        lines.append(_line(130 + 15 * k, (left, 40, 60), ("7,486", 180, 30), ("87.3", 260, 25),
                           (right, 570, 60), ("7,350", 700, 30), ("78.3", 780, 25)))
    return lines


def test_two_tables_each_with_its_title_header_and_names_are_read_apart():
    split = side_by_side(_pair(["West Sussex", "South East", "England"]))
    assert split is not None
    _, left, right, _ = split
    assert [ln.text for ln in left][:2] == ["New birth visits within 14 days", "Area Count Value"]
    assert [ln.text for ln in right][2] == "West Sussex 7,350 78.3"


def test_a_status_column_before_more_figures_is_one_tables():
    # `Green | 7,350 | 78.3` after the figures: a RAG column, not the names of a second table
    assert side_by_side(_pair(["Green", "Amber", "Green"])) is None
    assert side_by_side(_pair(["▲", "▼", "▲"])) is None


def test_a_table_whose_header_runs_across_is_not_split():
    lines = _pair(["West Sussex", "South East", "England"])
    lines[1] = _line(115, ("Area Count Value over the whole width of the table", 40, 800))
    lines[0] = _line(100, ("One title across the table", 40, 800))
    assert side_by_side(lines) is None


@pytest.mark.skipif(not PROFILE.exists(), reason="needs ../shared/pdfs, the project's reference PDFs (present in CI)")
def test_the_profiles_five_health_visiting_tables_are_each_read():
    from extract.load import load_document
    from extract.read.tables.find import page_tables
    from extract.settings import DEFAULT_SETTINGS

    document = load_document(PROFILE, PROFILE.parent)
    tables = page_tables(document.pages[6], DEFAULT_SETTINGS)
    # (before: one grid of both top tables' rows, and the lower three lost)
    assert len(tables) == 5
    for table in tables:
        assert [row.cells[0] for row in table.rows][:2] == ["West Sussex", "South East region"]
        assert len(table.value_columns) == 1
    values = {(t.section, t.rows[0].cells[t.value_columns[0].index]) for t in tables}
    assert ("% receiving ASQ", "100.0") in values and ("% of NBV within 14 days", "87.3") in values


@pytest.mark.skipif(not PROFILE.exists(), reason="needs ../shared/pdfs, the project's reference PDFs (present in CI)")
def test_each_table_of_areas_gives_its_measure_for_the_council_the_region_and_england():
    from extract.load import load_document
    from extract.read.tables.find import page_tables
    from extract.read.tables.wide import WideOptions, figures_from_table
    from extract.settings import DEFAULT_SETTINGS

    document = load_document(PROFILE, PROFILE.parent)
    figures = [f for t in page_tables(document.pages[6], DEFAULT_SETTINGS)
               for f in figures_from_table(t, WideOptions(page=7))]  # fmt: skip
    got = {(f.indicator_raw, f.value_kind, f.value_raw) for f in figures if f.indicator_raw == "% receiving ASQ"}
    # one `Value` column under the measure's caption, the rows West Sussex, `South East region` and England
    assert got == {("% receiving ASQ", "actual", "100.0"), ("% receiving ASQ", "regional", "97.4"),
                   ("% receiving ASQ", "national", "90.3")}  # fmt: skip
    assert {f.council_id for f in figures if f.value_kind == "actual"} == {"E10000032"}
