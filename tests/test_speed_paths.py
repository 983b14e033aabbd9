"""Speed paths that must not change what they make: words built in bulk, the settled heap."""

from __future__ import annotations

import dataclasses
import gc
import pickle

import pytest

from extract.model import Word, make_words
from extract.run.workers import YOUNG_COLLECTION, settle_heap


def test_make_words_makes_the_words_word_makes() -> None:
    texts, x0, top, x1, bottom = ["2007", "ﬁnal", "-0.5"], [1.0, 20.5, -3.25], [2.0, 2.0, 7.0], [9.0, 30.0, 0.0], [
        12.0, 12.5, 17.0]  # fmt: skip
    made = make_words(texts, x0, top, x1, bottom)
    expected = [Word(*values) for values in zip(texts, x0, top, x1, bottom, strict=True)]
    assert made == expected
    assert [type(w) for w in made] == [Word] * 3
    assert [hash(w) for w in made] == [hash(w) for w in expected]
    assert [repr(w) for w in made] == [repr(w) for w in expected]
    assert pickle.loads(pickle.dumps(made)) == expected
    with pytest.raises(dataclasses.FrozenInstanceError):
        made[0].x0 = 5.0  # type: ignore[misc]


def test_settle_heap_freezes_what_exists_and_collects_young_objects_less_often() -> None:
    before = gc.get_threshold()
    try:
        settle_heap()
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold() == (YOUNG_COLLECTION, *before[1:])
        cycle: list = []
        cycle.append(cycle)  # garbage made after settling is still collected
        del cycle
        assert gc.collect() >= 1
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
