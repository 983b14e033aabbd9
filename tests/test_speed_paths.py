"""Speed paths that must not change what they make: words built in bulk, the settled heap."""

from __future__ import annotations

import dataclasses
import gc
import pickle
import shutil
from pathlib import Path

import pytest

from extract.load.files import hash_file
from extract.model import Cell, Line, Word, make_cell, make_line, make_words
from extract.run.cache import Cache
from extract.run.pipeline import Pipeline
from extract.run.workers import YOUNG_COLLECTION, WorkerPool, settle_heap

CASES = Path(__file__).parent / "cases"


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


def test_make_cell_and_make_line_make_what_cell_and_line_make() -> None:
    words = (Word("12.5", 1.0, 2.0, 9.0, 12.0), Word("%", 9.5, 2.0, 12.0, 12.0))
    cell, expected_cell = make_cell("12.5 %", 1.0, 12.0, words), Cell("12.5 %", 1.0, 12.0, words)
    line, expected_line = make_line((cell,), 2.0, 12.0), Line((expected_cell,), 2.0, 12.0)
    for made, expected in ((cell, expected_cell), (line, expected_line)):
        assert made == expected and type(made) is type(expected)
        assert hash(made) == hash(expected) and repr(made) == repr(expected)
        assert vars(made) == vars(expected) and list(vars(made)) == list(vars(expected))
        assert pickle.dumps(made) == pickle.dumps(expected)
    assert line.text == "12.5 %" and line.texts == ["12.5 %"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        cell.text = "13"  # type: ignore[misc]


def test_settle_heap_freezes_what_exists_and_collects_young_objects_less_often() -> None:
    before = gc.get_threshold()
    try:
        gc.collect()
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


def _worker_gc(index: int, parsed, matches) -> tuple:
    """A finisher (it runs in the worker): the worker's collector, as the parse left it."""
    return ("gc", gc.get_freeze_count(), gc.get_threshold()[0], parsed.meta["status"])


def test_a_worker_starts_settled_and_the_main_process_collects_as_before(tmp_path: Path) -> None:
    path = tmp_path / "paper.txt"
    shutil.copy(CASES / "tcs_quarterly_scorecard" / "input.txt", path)
    sha, size = hash_file(path)
    pipeline = Pipeline()
    cache = Cache(tmp_path / "out", pipeline.parsers_version, pipeline.mappings.version)
    threshold, got = gc.get_threshold(), {}
    pool = WorkerPool(pipeline, 1, 60.0, 0, 50, cache, finish=_worker_gc)
    pool.run([(0, str(path), sha, size)], lambda index, parsed: got.setdefault(index, parsed))
    _, frozen, young, status = got[0].finished
    assert status == "ok" and frozen > 10_000 and young == YOUNG_COLLECTION  # the pipeline's objects, frozen
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == threshold


def _phrase_regex(phrases: list[str]):
    """The one regex alternation extract.tidy.wording.Phrases stands for (wording.phrase_regex until
    speed15): the longest phrase first, bounded by characters outside [\\w*]."""
    import re

    phrases = sorted({p for p in phrases if p}, key=len, reverse=True)
    return re.compile(r"(?<![\w*])(?:" + "|".join(re.escape(p) for p in phrases) + r")(?![\w*])")


def test_phrases_find_what_one_regex_alternation_finds() -> None:
    """Phrases looks a text up run by run until compiling its alternation pays: the same phrases at the
    same places either way, over the vocabularies' own phrases and texts made of their pieces, signs and the
    characters at the edges of the word class (*, _, digits, letters beyond ASCII)."""
    import random

    from extract.mappings import load_mappings
    from extract.tidy.matching import Matcher
    from extract.tidy.wording import Phrases, apply_phrases

    vocab = Matcher(load_mappings()).vocab
    tables = [list(vocab._abbrev_map), list(vocab._syn_map), list(vocab._numw_map)]
    tables += [list(values) for _, values in vocab._quals.values()]
    tables += [["% schools", "%", "&", "a&b", "a", "ab", "*x", "x*", "é t", "_u", "care", "care leaver", "leaver s"]]
    rng = random.Random(15)
    pieces = ["%", "&", "*", "_", "-", "(", ")", "é", "1", " ", " ", " ", "s", "'", "/"]
    checked = 0
    for searched, phrases in [(False, p) for p in tables] + [(True, p) for p in tables]:
        rx, found = _phrase_regex(phrases), Phrases(phrases)
        found.COMPILE_AFTER = 0 if searched else 10**9  # looked up run by run, or searched with its own regex
        words = [w for p in phrases for w in p.split()] or ["x"]
        texts = list(phrases)
        for _ in range(300):
            parts = [rng.choice(phrases) if rng.random() < 0.4 else rng.choice(words) for _ in range(rng.randint(1, 6))]
            texts.append("".join(part + rng.choice(pieces) * rng.randint(0, 2) for part in parts))
        mapping = {p: f"<{p}>" for p in phrases}
        for text in texts:
            expected = [(m.start(), m.end(), m.group(0)) for m in rx.finditer(text)]
            assert found.spans(text) == expected, text
            assert found.findall(text) == [p for _, _, p in expected]
            replaced = " ".join(rx.sub(lambda m, to=mapping: f" {to[m.group(0)]} ", text).split())
            assert apply_phrases(found, mapping, text) == replaced, text
            checked += 1
        assert (found.regex is not None) is searched
    assert checked > 20_000


def test_an_alternation_tried_by_first_character_finds_what_the_whole_one_finds() -> None:
    """tidy/alternation.py tries at each place only the patterns that can start with its character: the
    same substitutions as the one alternation, over the period phrases (every name the matcher tests and
    the benchmark ask, and texts made of the phrases' own words, digits, signs, spaces and letters beyond
    ASCII), and over patterns it cannot read (each kept as the one alternation)."""
    import random
    import re
    import sys

    from extract.mappings import load_mappings
    from extract.tidy.alternation import Alternation, first_chars
    from extract.tidy.wording import pre_clean

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import bench_match

    periods = load_mappings().period_patterns
    assert first_chars(r"\bas at\b") == (frozenset("a"), False)
    assert first_chars(r"^\s*(reduce|increase)")[0] >= {" ", "r", "i"}
    assert first_chars(r"\b\d+") == (frozenset("0123456789"), True)
    assert first_chars(r"(a)?\1") is None and first_chars(r"x*") is None and first_chars(r"(?i:as)") is None
    assert Alternation("(?<![a-z0-9])", periods).by_char is not None  # (the period phrases are all read)
    odd = [r"\bq[1-4]\b", r"(?:x)?y?", r"é\w+", r"[^a-z]\d", r"\bas\b(?=\s)", r"(19|20)\d\d", r".\bq"]
    rng = random.Random(15)
    words = [w for p in periods for w in re.findall(r"[a-z]+", p)] + ["2023", "24", "1st", "31", "é", "the"]
    pieces = [" ", " ", " ", "(", ")", "-", "/", ":", ".", "é", "\u2013", "[", "]", "%", ">", "\u00a0"]
    texts = [pre_clean(n) for n in bench_match.real_names()]
    texts += ["".join(rng.choice(words) + rng.choice(pieces) for _ in range(rng.randint(1, 9))) for _ in range(5000)]
    for patterns in (periods, odd, odd[:1] + odd[2:3] + odd[4:6], periods[:5] + odd[:1]):
        whole = re.compile("(?<![a-z0-9])(?:" + "|".join(f"(?:{p})" for p in patterns) + ")")
        tried = Alternation("(?<![a-z0-9])", patterns)
        for text in texts:
            assert tried.sub(" ", text) == whole.sub(" ", text), (patterns[:2], text)
