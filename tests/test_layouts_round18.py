"""Round 18 (tests/heldout/README.md): a measure's card of `label | figure` rows read as one row (cards.py);
figures printed with a unit or a bound (mappings/figure_words.csv); a table of periods over one row of figures
named by the measure quoted above it (quoted_names.py); benchmarks named by their clause's verb, and by the
measure an earlier sentence named (narrative/referents.py)."""

from __future__ import annotations

from extract.mappings import mappings_dir, read_csv
from extract.model import Cell, Line, RawFigure, Word
from extract.read.kinds import classify_header
from extract.read.narrative.reader import extract_narrative
from extract.read.narrative.referents import named_by_earlier, quoted_measure
from extract.read.tables.cards import card_grid, is_card
from extract.read.tables.cells import Grid
from extract.read.tables.quoted_names import name_period_rows
from extract.read.values import parse_cell

CARD = [
    ["Indicator: The average processing time of major planning applications. Standard: Less than 30 weeks.", ""],
    ["Past results", ""],
    ["2019/20", "42.4 weeks"],
    ["2020/21", "39.2 weeks"],
    ["2023/24", "2023/24"],
    ["Mid and East Antrim Borough Council result", "67.4 weeks"],
    ["Status and trend", "Target not achieved. Significant decrease in performance from 2022/23."],
    ["Northern Ireland council average", "46.5 weeks"],
    ["Mid and East Antrim comparative council position", "9th"],
]


def _grid(rows: list[list[str]], top: float = 100.0, method: str = "ruled") -> Grid:
    width = 400.0 / len(rows[0])
    columns = [(40.0 + i * width, 40.0 + (i + 1) * width) for i in range(len(rows[0]))]
    return Grid(method, columns, rows, [" | ".join(r) for r in rows], 0, top, top + 20.0 * len(rows))


def test_a_figure_with_its_unit_or_its_bound_is_a_number():
    assert parse_cell("42.4 weeks").value == 42.4
    assert parse_cell("144 jobs").value == 144
    assert parse_cell("Minimum 70%") .value == 70 and parse_cell("Minimum 70%").percent
    assert parse_cell("Maximum 30 weeks").value == 30
    assert parse_cell("Less than 30 weeks.").value == 30
    # words that are no unit or bound of the vocabulary leave the cell a label
    assert parse_cell("12 months").value is None and parse_cell("Within 2 weeks").value is None
    rows = read_csv(mappings_dir() / "figure_words.csv", ("text", "place", "note"))
    assert rows and all(r["place"] in {"before", "after"} and r["note"].strip() for r in rows)


def test_standard_and_the_northern_ireland_average_are_header_words():
    assert classify_header("Standard").kind == "target"
    assert classify_header("2023/24 Northern Ireland council average").kind == "regional"
    assert classify_header("Minimum standard").kind == "intervention"  # (the floor's words win, as before)


def test_a_measures_card_is_read_as_one_row():
    grid = card_grid(_grid(CARD))
    assert grid is not None and is_card(grid)
    labels, values = grid.rows
    assert values[0] == "The average processing time of major planning applications"
    assert dict(zip(labels, values, strict=True)) == {
        "Indicator": "The average processing time of major planning applications",
        "Standard": "Less than 30 weeks",
        "2019/20": "42.4 weeks",
        "2020/21": "39.2 weeks",
        "2023/24 Mid and East Antrim Borough Council result": "67.4 weeks",
        "2023/24 Northern Ireland council average": "46.5 weeks",
    }
    # its rest at the next page's top, pairs under no name row, takes the card's name
    rest = card_grid(_grid([["2021/22", "90.5%"], ["2023/24", ""], ["Northern Ireland council average", "74.2%"],
                            ["Mid and East Antrim Borough Council result", "87.3%"]]), continued=grid)
    assert rest is not None and rest.rows[1][0] == values[0]
    assert rest.rows[0][1:] == ["2021/22", "2023/24 Northern Ireland council average",
                                "2023/24 Mid and East Antrim Borough Council result"]


def test_a_two_column_table_that_is_no_card_is_left_alone():
    # no field label naming the measure in a merged first row: a table of labels and figures like any other
    assert card_grid(_grid([["Measure", "2023/24"], ["Children in care", "354"], ["Care leavers", "46"],
                            ["Adoptions", "12"], ["Fostering households", "80"]])) is None
    assert card_grid(_grid([["Indicator: Children in care", ""], ["2022/23", "354"]])) is None  # too few figures
    assert card_grid(_grid([[*r, ""] for r in CARD])) is None  # three columns


def _line(text: str, top: float) -> Line:
    words = tuple(Word(w, 40.0 + 30 * n, top, 65.0 + 30 * n, top + 10.0) for n, w in enumerate(text.split()))
    return Line((Cell(text, 40.0, 500.0, words),), top, top + 10.0)


def test_periods_over_one_row_of_figures_are_named_by_the_measure_quoted_above():
    lines = [
        _line("Performance is monitored by the statutory measure \u201cThe percentage of initial assessments", 40.0),
        _line("completed within 7 working days\u201d. The target for this measure is 80%.", 52.0),
        _line("Whilst the performance has seen a drop, we see a trend of improvement.", 130.0),
        _line("The majority of children in care have stable placements.", 210.0),
    ]
    first = _grid([["2013/14", "2014/15", "2015/16"], ["82.1%", "79.2%", "76.1%"]], top=70.0)
    second = _grid([["Q1 2015/16", "Q2 2015/16", ""], ["65.2%", "80.7%", ""]], top=150.0)
    third = _grid([["2013/14", "2014/15"], ["12", "14"]], top=230.0)
    named = name_period_rows([first, second, third], lines)
    name = "The percentage of initial assessments completed within 7 working days"
    assert named[0].rows == [["Indicator", "2013/14", "2014/15", "2015/16"], [name, "82.1%", "79.2%", "76.1%"]]
    assert named[1].rows[1][0] == name  # (the short paragraph between quotes none: the same measure)
    # under prose speaking of a population of its own (`children in care`), a table is not the measure's
    assert named[2].rows == third.rows
    labelled = _grid([["Measure", "2013/14", "2014/15"], ["Referrals", "12", "14"]], top=70.0)
    assert name_period_rows([labelled], lines)[0].rows == labelled.rows


def test_a_quoted_measure_and_this_measure():
    sentence = "Performance is monitored by the statutory measure \u201cThe percentage of initial assessments " \
               "completed within 7 working days\u201d."
    quoted = quoted_measure(sentence)
    assert quoted == "The percentage of initial assessments completed within 7 working days"
    target = RawFigure(indicator_raw="Annual Report 2015-16", value_raw="80%", value_kind="target",
                       context="The target for this measure is 80%.")
    renamed = named_by_earlier([target], "The target for this measure is 80%.", [], quoted)
    assert renamed[0].indicator_raw == quoted
    assert named_by_earlier([target], "The target for this year is 80%.", [], quoted)[0].indicator_raw \
        == "Annual Report 2015-16"


def test_benchmarks_named_by_their_verb_and_by_the_measure_before():
    text = (
        "The proportion of children subject to a second or subsequent Child Protection Plan has demonstrated "
        "improving performance, but remains red at 16% against the target of 14%. Nationally there is an average "
        "of 20.2% of repeat child protection plans, regionally this is 20.7% and statistical neighbours are higher "
        "at 21.5%."
    )
    found = {(f.value_raw, f.value_kind, f.indicator_raw) for f in extract_narrative(text, strict=True)}
    name = "proportion of children subject to a second or subsequent Child Protection Plan"
    assert found == {("16%", "actual", name), ("14%", "target", name), ("20.2%", "national", name),
                     ("20.7%", "regional", name), ("21.5%", "statistical_neighbours", name)}


def test_a_subgroups_benchmarks_keep_their_own_sentence():
    # a sentence the reader can name by nothing but itself is no benchmark of the measure before it
    text = (
        "The proportion of 5-year old children in England who were free from visually obvious dental decay was "
        "75%. Children living in the most deprived 20% of areas in England had higher levels of decay (33.7% with "
        "decay experience) than those from the least deprived 20% (13.6%)."
    )
    for f in extract_narrative(text, strict=True):
        if f.value_raw in {"33.7%", "13.6%"}:
            assert "free from visually obvious dental decay" not in (f.indicator_raw or "")


def test_the_measure_a_figure_is_set_beside_names_it_and_its_target():
    text = ("Cheshire West has experienced a significant reduction in the number of children in need, currently at "
            "262.3 per 10,000, below the target of 310 per 10,000.")
    found = {(f.value_raw, f.value_kind, f.indicator_raw) for f in extract_narrative(text, strict=True)}
    assert found == {("262.3", "actual", "number of children in need"), ("310", "target", "number of children in need")}


def test_a_kind_for_a_period_for_a_measure_and_a_performance_of_no_measure():
    text = (
        "Stability of placements\n\nThe target for 2014/15 (annual measure) for the percentage of children looked "
        "after on 31 March who have had three or more placements during the year was 9.5% (lower is better). "
        "Conwy\u2019s actual performance for 2015/16 was 10.6%, as 18 children out of a total of 170, had moved "
        "placement twice or more during the year.\n\nThe indicator is SCC/004 \u201cThe percentage of children "
        "looked after on 31 March who have had three or more placements during the year.\u201d\n\nConwy\u2019s "
        "actual performance for 2014/15 was 11.4%, as 18 children out of a total of 158, had moved placement."
    )
    found = {(f.value_raw, f.value_kind, (f.indicator_raw or "").lower()) for f in extract_narrative(text, strict=True)}
    name = "the percentage of children looked after on 31 march who have had three or more placements during the year"
    assert {("9.5%", "target", name), ("10.6%", "actual", name), ("11.4%", "actual", name)} <= found
