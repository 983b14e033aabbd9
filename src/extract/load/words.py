"""Glyphs → words with numpy: the same words as `pdf.glyphs_to_words`, without a Python step per glyph.

A glyph continues the word before it when it sits in the word's band and no further from its
right edge than a word gap; the word's band and right edge are the running min/max over its
glyphs so far, so each decision depends on the ones before. The decisions are found as a fixed
point: guess where words start, compute every running band under that guess (segmented
cumulative min/max, exact), decide every glyph against the band before it, and repeat with the
decisions until they agree with the guess. When they agree the guess is the sequential answer
(by induction along the glyphs: each decision is made against the band the sequential loop
would have), and each round fixes at least the first glyph the guess had wrong. Ordinary text
agrees on the first or second round; a page that does not within a few rounds is read by the
sequential loop. Arithmetic is the loop's, in float64, so each comparison comes out the same.
"""

from __future__ import annotations

import numpy as np

from extract.model import Word, make_words

_ROUNDS = 6  # guesses before the sequential loop takes over (ordinary pages need one or two)


def _segmented(ranks: np.ndarray, values: np.ndarray, segment: np.ndarray, span: int, largest: bool) -> np.ndarray:
    """Running max (or min) of `values` within each segment, exact: on integer ranks lifted by
    the segment's number so that no segment's running value reaches into the next."""
    if largest:
        key = np.maximum.accumulate(ranks + segment * span)
        return values[key - segment * span]
    key = np.minimum.accumulate(ranks - segment * span)
    return values[key + segment * span]


def _ranks(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    unique, ranks = np.unique(values, return_inverse=True)
    return unique, ranks.astype(np.int64)


def segment_starts(
    x0: np.ndarray, top: np.ndarray, x1: np.ndarray, bottom: np.ndarray, forced: np.ndarray, word_gap: float
) -> np.ndarray | None:
    """Which glyphs start a word (bool per glyph), or None if the guesses do not settle.

    `forced`: glyphs that start a word whatever their place (the first, and any after a space).
    A glyph with the box of the glyph before it (a ligature such as `fi`, which pdfium gives as
    its letters, each with the ligature's box) continues the word whatever the running box.
    """
    n = len(x0)
    if n == 0:
        return np.zeros(0, dtype=bool)
    ligature = np.zeros(n, dtype=bool)
    ligature[1:] = (x0[1:] == x0[:-1]) & (x1[1:] == x1[:-1]) & (top[1:] == top[:-1]) & (bottom[1:] == bottom[:-1])
    ligature &= ~forced
    glyph_size = bottom - top
    middle = (top + bottom) / 2
    x0_next, size_next, middle_next = x0[1:], glyph_size[1:], middle[1:]
    starts = forced.copy()
    starts[1:] |= ~_joins(x1[:-1], top[:-1], bottom[:-1], x0_next, size_next, middle_next, word_gap)
    starts &= ~ligature
    # the common page: within each guessed word the right edges and bottoms only grow and the
    # tops only rise, so every running box is its last glyph's own and the decisions are the
    # guess itself (no ranks needed)
    goes_on = ~starts[1:]
    if not (
        ((x1[1:] < x1[:-1]) & goes_on).any()
        or ((top[1:] > top[:-1]) & goes_on).any()
        or ((bottom[1:] < bottom[:-1]) & goes_on).any()
    ):
        return starts
    ranked = [_ranks(a) for a in (x1, top, bottom)]
    for _ in range(_ROUNDS):
        segment = np.cumsum(starts) - 1
        run_x1, run_top, run_bottom = (
            _segmented(ranks, unique, segment, len(unique), largest)
            for (unique, ranks), largest in zip(ranked, (True, False, True), strict=True)
        )
        decided = forced.copy()
        decided[1:] |= ~_joins(run_x1[:-1], run_top[:-1], run_bottom[:-1], x0_next, size_next, middle_next, word_gap)
        decided &= ~ligature
        if np.array_equal(decided, starts):
            return starts
        starts = decided
    return None


def _joins(
    x1: np.ndarray, top: np.ndarray, bottom: np.ndarray,
    g0: np.ndarray, glyph_size: np.ndarray, middle: np.ndarray, word_gap: float,
) -> np.ndarray:  # fmt: skip
    """Whether each glyph joins a word with this running box: `glyphs_to_words`' test, elementwise."""
    size = bottom - top
    size = np.where(glyph_size > size, glyph_size, size)
    size = np.where(size < 1.0, 1.0, size)
    gap = g0 - x1
    return (
        (top - 0.2 * size <= middle)
        & (middle <= bottom + 0.2 * size)
        & (-0.5 * size <= gap)
        & (gap <= word_gap * size)
    )


def _unordered(values: np.ndarray) -> bool:
    """NaN (which max/min treat unlike the loop's comparisons) or a negative zero (which the
    ranks take for a zero): left to the sequential loop, so that every value comes out the same."""
    return bool(np.isnan(values).any() or (np.signbit(values) & (values == 0)).any())


def words_from_arrays(
    chars: str, x0: np.ndarray, top: np.ndarray, x1: np.ndarray, bottom: np.ndarray, forced: np.ndarray,
    word_gap: float,
) -> list[Word] | None:  # fmt: skip
    """The words of a page's inked glyphs (`chars`, one per glyph, and their boxes), or None if
    the page needs the sequential loop (see the module's note)."""
    if len(chars) != len(x0) or any(_unordered(a) for a in (x0, top, x1, bottom)):
        return None
    starts = segment_starts(x0, top, x1, bottom, forced, word_gap)
    if starts is None:
        return None
    first = np.flatnonzero(starts)
    if not len(first):
        return []
    ends = [*first[1:].tolist(), len(chars)]
    begins = first.tolist()
    texts = [chars[a:b] for a, b in zip(begins, ends, strict=True)]
    return make_words(
        texts,
        x0[first].tolist(),
        np.minimum.reduceat(top, first).tolist(),
        np.maximum.reduceat(x1, first).tolist(),
        np.maximum.reduceat(bottom, first).tolist(),
    )
