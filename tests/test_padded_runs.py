"""A run the cell gap kept whole is parted where a gap is a narrow column's padding, not a space
(load/spaces.py): the page's word space is measured on its runs of three or more words."""

from __future__ import annotations

from extract.load.pdf import words_to_page_lines
from extract.load.spaces import page_space
from extract.model import Word
from extract.settings import DEFAULT_SETTINGS

SIZE = 13.4  # type height
SPACE = 3.3  # a word space of that type (a font box's advance)


def _run(texts: list[str], x0: float, top: float, gaps: list[float] | None = None) -> list[Word]:
    """Words of 6 points a letter, a word space apart unless `gaps` says."""
    words, x = [], x0
    for k, text in enumerate(texts):
        width = 6.0 * len(text)
        words.append(Word(text, x, top, x + width, top + SIZE))
        x += width + (gaps[k] if gaps and k < len(gaps) else SPACE)
    return words


def _names(top: float) -> list[Word]:
    return _run(["Children", "in", "need", "per", "10,000"], 100.0, top)


def _page(extra: list[Word]) -> list[list[str]]:
    words = [*_names(20.0), *_names(40.0), *_names(60.0), *extra]
    return [[c.text for c in line.cells] for line in words_to_page_lines(words, DEFAULT_SETTINGS.pdf)]


def test_a_figure_padded_from_the_next_column_word_is_two_cells() -> None:
    # 8.0 points: under the cell gap (0.6 of 13.4 = 8.04), 2.4 word spaces
    row = _run(["1,210", "Tracker"], 500.0, 80.0, gaps=[8.0])
    assert _page(row)[-1] == ["1,210", "Tracker"]
    figures = _run(["983", "1,230"], 500.0, 100.0, gaps=[8.0])
    assert _page(figures)[-1] == ["983", "1,230"]


def test_a_double_space_and_a_label_stay_one_cell() -> None:
    # two spaces (a typed double space after a full stop) are spaces still
    assert _page(_run(["rose.", "The", "rate"], 100.0, 80.0, gaps=[2 * SPACE]))[-1] == ["rose. The rate"]
    assert _page(_run(["Actual", "Number"], 500.0, 80.0))[-1] == ["Actual Number"]


def test_justified_prose_with_stretched_even_gaps_stays_one_cell() -> None:
    # every gap of the line stretched alike (about 2.3 spaces each): no gap is padding
    line = _run(["the", "rate", "of", "children", "in", "need"], 100.0, 80.0, gaps=[7.6, 7.9, 7.7, 7.8, 7.6])
    assert _page(line)[-1] == ["the rate of children in need"]


def test_a_page_with_too_few_runs_measures_no_space() -> None:
    lines = words_to_page_lines([*_names(20.0), *_run(["1,210", "Tracker"], 500.0, 80.0, gaps=[8.0])],
                                DEFAULT_SETTINGS.pdf)
    assert page_space(lines) is None
    assert [c.text for c in lines[-1].cells] == ["1,210 Tracker"]  # (nothing to measure a space by)
