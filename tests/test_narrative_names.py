"""Names and kinds of figures in sentences (issue 8, narrative round 12; docs/narrative-audit.md): a benchmark
named before its figure sets its kind, a symbol-font bullet ends a sentence."""

from __future__ import annotations

from extract.read.narrative import extract_narrative, sentences


def _read(text: str, strict: bool = True) -> list[tuple[str, str, str]]:
    return [(f.value_raw, f.value_kind, f.indicator_raw or "") for f in extract_narrative(text, strict=strict)]


def test_benchmark_with_its_measure_words_before_a_which_clause_sets_the_kind():
    text = "We continue to be under our statistical neighbour rate data for 2017/18 which is 51 per 10,000."
    assert [(v, k) for v, k, _ in _read(text)] == [("51", "statistical_neighbours")]


def test_a_clause_break_stops_the_benchmark_before_a_which_clause():
    # the benchmark is in another clause: the council's own figure stays its actual
    text = "Compared with England, the proportion of children who were seen in time is 81%."
    assert [(v, k) for v, k, _ in _read(text)] == [("81%", "actual")]


def test_english_as_a_subject_or_a_language_is_no_national_benchmark():
    text = (
        "The proportion of children and young people with English as an additional language: \uf02d in primary "
        "schools is 5% (the national average is 19%) \uf02d in secondary schools is 4% (the national average is 14%)."
    )
    kinds = [(v, k) for v, k, _ in _read(text)]
    assert kinds == [("5%", "actual"), ("19%", "national"), ("4%", "actual"), ("14%", "national")]
    gcse = "The proportion gaining five GCSE grades A*-C including English and mathematics is low at 20%."
    assert [(v, k) for v, k, _ in _read(gcse)] == [("20%", "actual")]


def test_the_next_symbol_bullet_item_names_its_figures():
    text = (
        "The proportion of children entitled to free school meals: \uf02d in primary schools is 19% (the national "
        "average is 17%) \uf02d in secondary schools is 17% (the national average is 15%)."
    )
    secondary = [n for v, k, n in _read(text)][2:]
    assert secondary == ["proportion of children entitled to free school meals: in secondary schools"] * 2


def test_a_symbol_font_bullet_after_a_full_stop_starts_the_next_sentence():
    block = "This is 22% of the total population in the area. \uf06e Approximately 21% of the children are in poverty."
    assert sentences(block) == [
        "This is 22% of the total population in the area.",
        "Approximately 21% of the children are in poverty.",
    ]


def test_a_council_banner_over_the_sentences_names_none_of_their_figures():
    text = (
        "West Sussex County Council – Performance Dashboard\n\n"
        "We continue to be under our statistical neighbour rate data for 2017/18 which is 51 per 10,000."
    )
    (figure,) = extract_narrative(text, strict=True)
    assert figure.value_kind == "statistical_neighbours"
    assert "Council" not in (figure.indicator_raw or "").split("We continue")[0]
