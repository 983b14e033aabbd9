"""Short group labels centred over runs of columns in an unruled table (`Females aged 15-24` over
`Count | N | Value | LCI | UCI`), as the West Sussex health profile prints its PHE tables
(../shared/pdfs wsx-h4f-cyp-health-profile-arun-2019-20, p.29)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.model import Cell, Line
from extract.read.tables.headers import is_group_label_row

PROFILE = Path(__file__).resolve().parents[2] / "shared" / "pdfs" / "wsx-h4f-cyp-health-profile-arun-2019-20.pdf"
COLUMNS = [(41, 118), (138, 165), (180, 220), (237, 264), (279, 307), (322, 349),
           (364, 392), (408, 449), (463, 491), (506, 534), (545, 573)]


def _line(*cells: tuple[str, float, float]) -> Line:
    return Line(tuple(Cell(text, x0, x1) for text, x0, x1 in cells), 287.0, 297.0)


def test_short_labels_set_apart_over_runs_of_columns_are_a_group_row():
    assert is_group_label_row(_line(("Females aged 15-24", 201, 282), ("Males aged 15-24", 431, 502)), COLUMNS)


def test_a_title_a_sentence_or_figures_are_no_group_row():
    title = ("Rate of chlamydia detection per 100,000 young people aged 15-24", 36, 551)
    assert not is_group_label_row(_line(title), COLUMNS)  # one run across the table
    assert not is_group_label_row(_line(("Females aged 15-24", 201, 282)), COLUMNS)  # one label alone
    assert not is_group_label_row(
        _line(("The rate fell in every area", 150, 300), ("while it rose", 400, 500)), COLUMNS)  # fmt: skip
    assert not is_group_label_row(_line(("2,204", 237, 264), ("1,250", 463, 491)), COLUMNS)
    # two labels over one column are a row of its cells, not groups
    assert not is_group_label_row(_line(("Females", 180, 240), ("Males", 238, 300)), COLUMNS)


@pytest.mark.skipif(not PROFILE.exists(), reason="needs ../shared/pdfs, the project's reference PDFs (present in CI)")
def test_each_value_column_keeps_its_group():
    from extract.load import load_document
    from extract.read.tables.find import page_tables
    from extract.settings import DEFAULT_SETTINGS

    document = load_document(PROFILE, PROFILE.parent)
    tables = page_tables(document.pages[28], DEFAULT_SETTINGS)
    chlamydia = [t for t in tables if "chlamydia" in (t.section or "").lower()]
    assert len(chlamydia) == 1
    values = [c.label for c in chlamydia[0].value_columns]
    # (before, three `Value` columns no reader could tell apart)
    assert values == ["Females aged 15-24 Value", "Males aged 15-24 Value", "Persons aged 15-24 Value"]


def test_a_source_or_note_line_names_no_table_below_it():
    from extract.read.tables.table_model import title_above, title_of

    def one(text: str, top: float) -> Line:
        return Line((Cell(text, 40, 400),), top, top + 10)

    assert title_of(one("Source: MYE ONS", 100)) is None
    assert title_of(one("Note: Includes all care leavers whose 17th–25th birthday was in the year", 100)) is None
    lines = [one("West Sussex population aged 0-19 and change between 2002 and 2006", 80), one("Source: MYE ONS", 95),
             one("Area", 110)]  # (the source line of a table above stands between the title and the header)
    assert title_above(lines, 2) == "West Sussex population aged 0-19 and change between 2002 and 2006"


LAC = PROFILE.parent / "wsx-needs-assessment-vulnerable-lac-2008.pdf"


@pytest.mark.skipif(not LAC.exists(), reason="needs ../shared/pdfs, the project's reference PDFs (present in CI)")
def test_a_table_with_a_title_of_its_own_does_not_continue_the_header_left_on_the_page_before():
    from extract.load import load_document
    from extract.read.tables.find import tables_by_page
    from extract.settings import DEFAULT_SETTINGS

    document = load_document(LAC, LAC.parent)
    pages = [p for p in document.pages if p.number in (50, 51, 52)]
    on_52 = [t for page, t in tables_by_page(pages, DEFAULT_SETTINGS, ()) if page.number == 52]
    # p.51 ends on the header of p.50's table (`2002 | 2006 | Change over last 5 years | % Change`); p.52's own
    # table, under its own title, is no foot of it (before: its 2007 counts were read as 2002's and as changes)
    assert not any("2002" in c.label or "Change" in c.label for t in on_52 for c in t.columns)


@pytest.mark.skipif(not LAC.exists(), reason="needs ../shared/pdfs, the project's reference PDFs (present in CI)")
def test_a_caption_at_the_next_pages_top_is_no_end_of_the_last_row():
    from extract.load import load_document
    from extract.read.tables.find import tables_by_page
    from extract.settings import DEFAULT_SETTINGS

    document = load_document(LAC, LAC.parent)
    pages = [p for p in document.pages if p.number in (50, 51)]
    names = [row.cells[0] for page, t in tables_by_page(pages, DEFAULT_SETTINGS, ()) for row in t.rows]
    # p.51 opens on the caption `Figure 8.2` over a chart: it was joined to p.50's last row, `West Sussex`
    assert "West Sussex" in names and not any("Figure" in name for name in names)
