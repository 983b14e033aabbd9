"""Sentences a page break cut are read whole (extract.load.page_text); running feet holding the page
number are no text (extract.load.furniture)."""

from __future__ import annotations

from extract.load.furniture import drop_numbered_furniture
from extract.load.page_text import join_broken_sentences
from extract.model import Cell, Line, Page, Word
from extract.settings import PdfSettings

SETTINGS = PdfSettings()


def prose(top: float, text: str, x0: float = 72.0, x1: float = 520.0) -> Line:
    return Line((Cell(text, x0, x1, (Word(text, x0, top, x1, top + 10),)),), top, top + 10)


def page(number: int, *lines: Line) -> Page:
    return Page(number, list(lines), width=595.0, height=842.0)


def test_the_end_of_a_cut_sentence_moves_to_the_page_where_it_began():
    cut = prose(700, "Engagement rose compared to previous years (2022/23, 84.6% in 72hrs")
    first = page(1, cut, prose(800, "3", 290, 296))  # a page number under it
    second = page(2, prose(60, "with 59.1% engagement and 51.2% the year before)."), prose(74, "Next paragraph."))
    join_broken_sentences([first, second], SETTINGS)
    assert [ln.text for ln in first.lines][-1] == "with 59.1% engagement and 51.2% the year before)."
    assert first.lines[-1].top > 700  # below the sentence's start, read top-down
    assert [ln.text for ln in second.lines] == ["Next paragraph."]


def test_a_finished_sentence_a_new_one_or_a_table_row_stays_on_its_page():
    ended = page(1, prose(700, "Engagement rose compared to previous years."))
    opens = page(2, prose(60, "with 59.1% engagement."))
    join_broken_sentences([ended, opens], SETTINGS)
    assert len(opens.lines) == 1
    cut = page(1, prose(700, "Engagement rose compared to previous years (2022/23, 84.6% in 72hrs"))
    capital = page(2, prose(60, "Children in care rose."))
    join_broken_sentences([cut, capital], SETTINGS)
    assert len(capital.lines) == 1
    row = Line((Cell("been subject to", 72, 140, ()), Cell("85%", 300, 320, ())), 60, 70)
    table = page(2, row, prose(74, "end."))
    join_broken_sentences([page(1, prose(700, "Engagement rose compared to previous years and")), table], SETTINGS)
    assert len(table.lines) == 2
    narrow = page(1, prose(700, "plan who have", 72, 140))  # a table's wrapped name, not prose
    follows = page(2, prose(60, "been subject to a plan."))
    join_broken_sentences([narrow, follows], SETTINGS)
    assert len(follows.lines) == 1


def test_prose_in_a_column_narrower_than_half_a_landscape_page_is_joined():
    def landscape(number: int, *lines: Line) -> Page:
        return Page(number, list(lines), width=842.0, height=595.0)

    cut = landscape(3, prose(500, "compared to 2022/23, the number of visits has had a", 36, 384))
    follows = landscape(4, prose(38, "16.5% increase (from 2,553 to 2,973 visits) along with", 36, 389),
                        prose(50, "the share carried out in time (67.8% within 10 days).", 36, 383))
    join_broken_sentences([cut, follows], SETTINGS)
    assert [ln.text for ln in cut.lines][1:] == ["16.5% increase (from 2,553 to 2,973 visits) along with",
                                                 "the share carried out in time (67.8% within 10 days)."]
    assert follows.lines == []


def test_a_running_foot_holding_the_page_number_is_dropped_and_a_cut_sentence_then_joins():
    url = "https://democracy.example.gov.uk/s12345/report.html"
    pages = [page(n, prose(60, f"Paragraph {n} says 1{n}% rose."), prose(700, "This is a continual increase"),
                  prose(800, f"{url} {n}/4"))
             for n in range(1, 5)]
    pages[1].lines[0] = prose(60, "when compared to 2022/23 (1,461).")
    drop_numbered_furniture(pages)
    assert all(url not in ln.text for p in pages for ln in p.lines)
    join_broken_sentences(pages, SETTINGS)
    assert pages[0].lines[-1].text == "when compared to 2022/23 (1,461)."


def test_a_foot_holding_a_number_other_than_the_pages_stays():
    pages = [page(n, prose(60, "Body text."), prose(800, "Total 12 of 40")) for n in range(1, 5)]
    drop_numbered_furniture(pages)
    assert all(p.lines[-1].text == "Total 12 of 40" for p in pages)
