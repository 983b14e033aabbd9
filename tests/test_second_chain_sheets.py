"""Issue 8 item 3, the dev Word and Excel sources through a second tool chain (tests/heldout/dev_alt_all/README.md).

LibreOffice Calc's one-page-per-sheet export fits a sheet's text to the page but may draw its cell borders on
past it, at another scale: a rule wholly off the page is not shown and is dropped, unless text is set off the
page beside it; one running off it is kept whole, as a table's borders may run on under the page's foot
(load/rules.py rules_on_page). A section title just above a ruled table whose descender (`Improving`'s `g`)
reaches over the table's top rule stays out of the table; a cell's text overflowing the outer rule of a row
too short for it still belongs to the table (read/tables/ruled.py region_words)."""

from __future__ import annotations

from extract.load.rules import rules_on_page
from extract.model import Rule, Word
from extract.read.tables.ruled import Region, region_words
from helpers import text_line


def test_rules_wholly_off_the_page_are_dropped_and_rules_running_off_it_kept_whole():
    rules = [
        Rule("h", 0.0, 52.0, 4045.0, 52.0),  # runs off the right edge: kept whole
        Rule("h", 0.0, 157.0, 4045.0, 157.0),  # under a 105 pt page: dropped
        Rule("v", 1135.0, 52.0, 1135.0, 105.0),  # on the page: kept
        Rule("v", 2121.0, 0.0, 2121.0, 52.0),  # right of the page: dropped
        Rule("v", 36.0, 512.0, 36.0, 990.0),  # a table's border running on under the page's foot: kept whole
    ]
    assert rules_on_page(rules, [], 1148.0, 595.0) == [rules[0], rules[1], rules[2], rules[4]]
    assert rules_on_page(rules, [], 1148.0, 105.0) == [rules[0], rules[2]]
    # text set under the page's foot too: the rules beside it frame it
    under = Word("83", 40.0, 600.0, 50.0, 608.0)
    assert rules_on_page(rules, [under], 1148.0, 105.0) == [rules[0], rules[1], rules[2], rules[4]]


def _region(top: float, bottom: float) -> Region:
    return Region([top, bottom], [0.0, 360.0, 860.0], -1.0, top, 861.0, bottom)


def _words(line) -> list[str]:
    return [w.text for w in line]


def test_a_descender_over_the_top_rule_leaves_its_title_out_of_the_table():
    # `Improving`'s `g` reaches 0.7 pt under the rule at 88: under a tenth of the word, a descender's tip
    improving = text_line(80.26, (1, "Improving"), height=8.44)
    rest = text_line(80.26, (47, "educational attainment"), height=6.62)
    row = text_line(100.0, (2, "NI 72 Achievement"), (400, "52%"))
    assert _words(region_words([improving, rest, row], _region(88.0, 130.0))) == ["NI", "72", "Achievement", "52%"]


def test_a_cells_text_overflowing_the_bottom_rule_stays_in_the_table():
    row = text_line(110.0, (2, "Percentage of journeys"), (400, "56.5%"))
    # the row's last wrapped line printed over the table's bottom rule at 124: a quarter of it inside
    overflow = text_line(122.5, (2, "(cycling, walking)"), height=5.8)
    assert _words(region_words([row, overflow], _region(60.0, 124.0))) == [
        "Percentage", "of", "journeys", "56.5%", "(cycling,", "walking)"]
