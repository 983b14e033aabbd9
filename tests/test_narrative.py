"""Figures in sentences: the Darlington year-end report (seed 002) read by hand, plus the
commentary of the Durham (001) and Devon (003) papers and the invariants on all five seeds."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from extract.model import RawFigure, normalise_space
from extract.read import periods
from extract.read.narrative import extract_narrative, narrative_blocks, sentences, without_bullet_glyph

# The seed texts, as kept in the golden case folders (the corpus holds the same files).
CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SEED_FILES = sorted(CORPUS.glob("[0-9][0-9][0-9]_*.txt"))


def test_the_seed_files_are_found() -> None:
    # the parametrised invariants below would silently run on nothing without them
    assert len(SEED_FILES) >= 5, SEED_FILES


def seed(prefix: str) -> str:
    return next(CORPUS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


FY24 = periods.financial_year("2023/24", 2024)


@pytest.fixture(scope="module")
def darlington() -> list[RawFigure]:
    return extract_narrative(seed("002"), report_period=FY24, section="Performance", page=3)


def key(r: RawFigure) -> tuple[str, str, date | None, float | None, float | None]:
    return (r.value_raw, r.value_kind, r.period.end, r.numerator, r.denominator)


def find(rows: list[RawFigure], value_raw: str, context: str = "") -> RawFigure:
    hits = [r for r in rows if r.value_raw == value_raw and context in r.context]
    assert len(hits) == 1, f"{value_raw!r} / {context!r}: {len(hits)} rows"
    return hits[0]


M21, M22, M23, M24 = date(2021, 3, 31), date(2022, 3, 31), date(2023, 3, 31), date(2024, 3, 31)

# Every figure of paragraphs 10-25 of seed 002, checked against the text by hand:
# (value_raw, value_kind, period_end, numerator, denominator)
DARLINGTON = [
    # 10
    ("1.7%", "actual", M24, None, None),
    ("5%", "target", M24, None, None),
    ("197", "actual", M24, None, None),
    ("423", "actual", M24, None, None),
    ("64", "actual", M24, None, None),
    ("125", "actual", M24, None, None),
    ("87.8%", "actual", M24, None, None),
    ("76.9%", "actual", M24, None, None),
    ("84.6%", "actual", M23, None, None),
    ("59.1%", "actual", M23, None, None),
    ("75.8%", "actual", M22, None, None),
    ("51.2%", "actual", M22, None, None),
    ("146", "actual", M24, None, None),
    ("65.6", "actual", M24, None, None),
    ("100%", "actual", M24, None, None),
    ("98.5%", "actual", M24, None, None),
    ("196", "actual", M24, None, None),
    ("7", "actual", M24, 7.0, 196.0),
    ("6%", "target", M24, None, None),
    ("3.6%", "actual", M24, None, None),
    # 11
    ("300", "actual", M24, None, None),
    ("18", "actual", M24, 18.0, 300.0),
    ("134.8", "actual", M24, None, None),
    ("142.3", "actual", M23, None, None),
    ("120.0", "actual", M21, None, None),
    # 12
    ("121", "actual", M24, None, None),
    ("81", "actual", M24, None, None),
    ("149", "actual", M23, None, None),
    ("104", "actual", M23, None, None),
    ("11", "actual", M24, None, None),
    ("18", "actual", M23, None, None),
    # 13
    ("143", "actual", M24, None, None),
    ("112", "actual", M24, None, None),
    ("13", "actual", M24, None, None),
    ("22", "actual", M23, None, None),
    ("42.7%", "actual", M24, None, None),
    ("21.0%", "actual", M23, None, None),
    ("28.3%", "actual", M22, None, None),
    ("27.5%", "actual", date(2020, 6, 30), None, None),
    # 14-16
    ("10.4%", "actual", M24, 29.0, 278.0),
    ("37", "actual", M23, None, None),
    ("100.0%", "actual", M24, None, None),
    ("93.5%", "actual", M24, None, None),
    ("91.1%", "actual", M24, None, None),
    ("90.7%", "actual", M24, None, None),
    # 17
    ("98.4%", "actual", M24, None, None),
    ("97.9%", "actual", M24, None, None),
    ("30%", "target", M24, None, None),
    ("22.6%", "actual", M24, None, None),
    ("14.6%", "actual", M24, None, None),
    ("193.4%", "actual", M24, None, None),
    ("58.1%", "actual", M24, None, None),
    ("8.3%", "actual", M24, None, None),
    ("77.1%", "actual", M24, None, None),
    # 18-19
    ("81.4%", "actual", M24, 1119.0, 1374.0),
    ("84.1%", "actual", M23, None, None),
    ("90%", "target", M24, None, None),
    ("332", "actual", M24, None, None),
    ("198", "actual", M24, None, None),
    ("24.2%", "actual", M24, None, None),
    # 20
    ("1,554", "actual", M24, None, None),
    ("1,461", "actual", M23, None, None),
    ("806", "actual", M22, None, None),
    ("692", "actual", M21, None, None),
    ("62.7%", "actual", M24, 975.0, 1554.0),
    ("90.0%", "target", M24, None, None),
    ("52.5%", "actual", date(2023, 10, 31), None, None),
    ("80.5%", "actual", M24, None, None),
    # 21-22
    ("79.5%", "actual", M24, None, None),
    ("95%", "target", M24, None, None),
    ("69.0%", "actual", M24, 2050.0, 2973.0),
    ("90.4%", "actual", M24, 2688.0, 2973.0),
    ("2,553", "actual", M23, None, None),
    ("2,973", "actual", M24, None, None),
    ("67.8%", "actual", M23, None, None),
    ("90.0%", "actual", M23, None, None),
    # 23-25
    ("81.0%", "actual", M24, 3079.0, 3801.0),
    ("93.1%", "actual", M21, None, None),
    ("90.1%", "actual", M22, None, None),
    ("83.4%", "actual", M23, None, None),
    ("61.1%", "actual", M24, None, None),
    ("68%", "target", M24, None, None),
    ("17.0%", "actual", M24, None, None),
    ("10.0%", "target", M24, None, None),
]


def test_darlington_every_figure(darlington: list[RawFigure]) -> None:
    assert Counter(key(r) for r in darlington) == Counter(DARLINGTON)


def test_darlington_rows_carry_what_was_passed(darlington: list[RawFigure]) -> None:
    assert {(r.source, r.section, r.page) for r in darlington} == {("narrative", "Performance", 3)}


def test_darlington_values_and_units(darlington: list[RawFigure]) -> None:
    assert find(darlington, "193.4%").value == 193.4  # a typo in the paper, kept as printed
    assert (find(darlington, "81.4%").value, find(darlington, "81.4%").unit) == (81.4, "percent")
    assert (find(darlington, "1,554").value, find(darlington, "1,554").unit) == (1554.0, "count")
    assert find(darlington, "65.6").unit == "rate_per_10k"
    assert find(darlington, "134.8").unit == "rate_per_10k"
    assert find(darlington, "142.3").unit == "rate_per_10k"  # a comparison of the same rate
    assert find(darlington, "197").unit == "count"


def test_darlington_period_types(darlington: list[RawFigure]) -> None:
    cp = find(darlington, "146").period
    assert (cp.type, cp.end, cp.label) == ("point_in_time", M24, "as at the end of March 2024")
    assert find(darlington, "1,554").period == periods.financial_year("2023/24", 2024)
    assert find(darlington, "1,461").period.type == "financial_year"
    assert find(darlington, "27.5%").period.type == "quarter"
    assert find(darlington, "52.5%").period.start == date(2023, 4, 1)  # Between April and October 2023
    assert find(darlington, "90%").period == FY24  # a target with no date of its own: the report's year


def test_darlington_indicators(darlington: list[RawFigure]) -> None:
    assert find(darlington, "81.4%").indicator_raw == "children had their referral completed within 1 working day"
    assert find(darlington, "146").indicator_raw == "children were subject to a Child Protection plan (CP)"
    assert find(darlington, "65.6").indicator_raw == "rate per 10,000 population with a CP plan"
    assert find(darlington, "423").indicator_raw == "children open to the Building Stronger Families team"
    assert find(darlington, "197").indicator_raw == "families open to the Building Stronger Families team"
    assert find(darlington, "81").indicator_raw == "families came into care"
    assert find(darlington, "1,461").indicator_raw == find(darlington, "1,554").indicator_raw
    assert find(darlington, "90%").indicator_raw == find(darlington, "81.4%").indicator_raw
    # the compared years of `(2022/23, 84.6% in 72hrs with 59.1% engagement ...)` follow 87.8% and 76.9%
    assert find(darlington, "84.6%").indicator_raw == find(darlington, "87.8%").indicator_raw
    assert find(darlington, "51.2%").indicator_raw == find(darlington, "76.9%").indicator_raw
    assert find(darlington, "67.8%").indicator_raw == find(darlington, "69.0%").indicator_raw
    assert "asylum- seekers" in find(darlington, "18", "of which").indicator_raw
    assert all(r.indicator_raw.strip() for r in darlington)


def test_darlington_skips_changes_dates_and_definitions(darlington: list[RawFigure]) -> None:
    raws = {r.value_raw for r in darlington}
    # 16.5% increase; 3 working days; 1 working day; 12 months; 72 hours; 2.5 years; 20 or more miles;
    # aged 19-21; 45 days; 15 working days; `2 July 2018`; `2 SEPTEMBER 2024`; Extension 6091; S17
    assert raws.isdisjoint({"16.5%", "3", "1", "12", "72", "2.5", "20", "19", "21", "45", "15", "2", "6091", "17"})
    assert not [r for r in darlington if re.fullmatch(r"(?:19|20)\d\d(?:/\d\d)?", r.value_raw)]


def test_darlington_strict_keeps_percentages_rates_fractions_and_targets() -> None:
    rows = extract_narrative(seed("002"), report_period=FY24, strict=True)
    assert rows
    for r in rows:
        # narrative round 11: and bare counts named by a counted noun at the figure (counts.py)
        kept = {"percent", "rate_per_10k", "rate_per_1k", "count"}
        assert r.unit in kept or r.denominator or r.value_kind == "target"
    raws = {r.value_raw for r in rows}
    assert {"65.6", "134.8", "7", "81.4%"} <= raws  # 7 has a denominator (7 of the 196)
    # `146 children were subject to ...`, `1,554 children had a C&F assessment completed`, `197 families with 423
    # children open to ...`, `300 children were in care`: each names what it counts
    assert {"146", "1,554", "197", "300"} <= raws
    counts = {r.value_raw: r.indicator_raw for r in rows if r.unit == "count"}
    assert counts["146"] == "children were subject to a Child Protection plan (CP)"
    assert counts["423"] == "children open to the Building Stronger Families team"
    # years, durations and distances of the same sentences stay out (`within 12 months`, `20 or more miles`)
    assert raws.isdisjoint({"2023", "12", "20", "2"})


# --------------------------------------------------------------------------- Durham (001)


@pytest.fixture(scope="module")
def durham() -> list[RawFigure]:
    return extract_narrative(seed("001"), report_period=periods.fiscal_quarter("Q2 2023/24", 2, 2024))


def test_durham_markdown_bold_and_benchmarks(durham: list[RawFigure]) -> None:
    national = find(durham, "7.3%")
    assert (national.value, national.value_kind, national.period.end) == (7.3, "national", date(2023, 8, 31))
    assert find(durham, "7.7%").value_kind == "regional"
    assert find(durham, "7.6%").value_kind == "actual"
    # `... lower than their Statistical Neighbours and the North East (445 and 471 respectively)`
    sn, ne = find(durham, "445"), find(durham, "471")
    assert (sn.value_kind, ne.value_kind) == ("statistical_neighbours", "regional")
    assert sn.period.end is None and ne.period.end is None  # benchmarks without a date of their own
    assert find(durham, "334").period.end == M22  # `England average of 334 in 2021/22`
    assert find(durham, "4.7%").value_kind == "national"  # `4.7% nationally`


def test_durham_quarters_and_rates(durham: list[RawFigure]) -> None:
    latest = find(durham, "18%", "The latest rate was")
    assert latest.period.end == date(2023, 9, 30)  # `in quarter two` of the report's year
    assert find(durham, "16%", "The latest rate was").period.end == date(2023, 6, 30)
    assert find(durham, "358").unit == "rate_per_10k"
    assert find(durham, "358").indicator_raw == "Children in Need rates per 10,000 children aged 0-17"
    assert find(durham, "738").period.end == date(2023, 9, 30)  # `at the end of September`
    raws = {r.value_raw for r in durham}
    assert raws.isdisjoint({"79%", "+39%", "68%", "11%", "9%", "55%", "3.4%", "0.25%", "2023", "12"})


# --------------------------------------------------------------------------- Devon (003)


@pytest.fixture(scope="module")
def devon() -> list[RawFigure]:
    return extract_narrative(seed("003"), report_period=periods.month_period("Jan-25", 2025, 1))


def test_devon_kpi_commentary(devon: list[RawFigure]) -> None:
    kpi = find(devon, "16.76")
    assert (kpi.value_kind, kpi.unit) == ("actual", "count")
    assert kpi.indicator_raw == "KPI 17 - Average social worker caseload"
    target = find(devon, "16", "for a target of 16")
    assert (target.value_kind, target.value) == ("target", 16.0)
    accommodation = find(devon, "85%", "The KPI is at 85% for January")
    assert (accommodation.period.type, accommodation.period.start, accommodation.period.end) == (
        "month",
        date(2025, 1, 1),
        date(2025, 1, 31),
    )
    december = find(devon, "32")
    assert (december.numerator, december.denominator, december.unit) == (32.0, 381.0, "count")
    assert december.period.end == date(2024, 12, 31)
    assert (find(devon, "35", "398").denominator, find(devon, "35", "398").period.end) == (398.0, date(2025, 1, 31))
    assert find(devon, "21%", "tolerance of 21%").value_kind == "tolerance"


def test_devon_skips_dates_and_labels(devon: list[RawFigure]) -> None:
    assert not [r for r in devon if "13.2.25" in r.context or "27.2.25" in r.context]
    assert not [r for r in devon if r.value_raw in {"4", "4th", "11", "12", "2.5", "24"}]
    assert not [r for r in devon if "16 / 17-year-olds" in r.context]


# --------------------------------------------------------------------------- all seeds


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
@pytest.mark.parametrize("strict", [False, True])
def test_invariants_on_every_seed(path: Path, strict: bool) -> None:
    text = path.read_text(encoding="utf-8")
    flat = normalise_space(text)
    for r in extract_narrative(text, report_period=FY24, strict=strict):
        assert r.context in flat
        assert r.value_raw in r.context
        assert r.indicator_raw.strip()
        assert r.source == "narrative"
        assert r.value is not None
        assert not re.fullmatch(r"(?:19|20)\d\d", r.value_raw)


def test_without_a_report_period_the_same_figures_are_read_with_printed_periods_only() -> None:
    # The report period only dates figures printed without a period of their own: it never adds
    # or drops a figure, and without it every period comes from a phrase printed in the sentence.
    # (Names may differ: two figures of one name that only the report's period tells apart, such as
    # `74 ... compared to 54 the previous year`, are named by their sentence when it is unknown.)
    def key(r: RawFigure) -> tuple:
        return (r.context, r.value_raw, r.value_kind)

    total = 0
    for path in SEED_FILES:
        text = path.read_text(encoding="utf-8")
        bare, dated = extract_narrative(text), extract_narrative(text, report_period=FY24)
        assert sorted(map(key, bare)) == sorted(map(key, dated)), path.name
        for r in bare:
            assert r.period.end is None or r.period.label, (path.name, r.context)
        total += len(bare)
    assert total > 0


# --------------------------------------------------------------------------- small cases


@pytest.mark.parametrize(
    "text",
    [
        "The indicator set was agreed on 2 July 2018 and reviewed on 4th March 2025 and again on 13.2.25.",
        "Sharon Raine Head of Performance and Transformation: Extension 6091",
        "KPI 3 shows Q1 performance for Year 11 pupils at Day 5 of the 20-week process.",
        "Care leavers aged 19-21 with 3 or more placements for at least 2 years were seen within 72 hours.",
        "Children placed 20 or more miles away had a review within 12 months and within 15 working days.",
        "The number of visits has had a 16.5% increase and referrals decreased by 3% with 5 more staff.",
        "We saw 16 / 17-year-olds presented as homeless during the year in the county.",
    ],
)
def test_not_figures(text: str) -> None:
    assert extract_narrative(text, report_period=FY24) == []


def test_fraction_rate_and_money() -> None:
    rows = extract_narrative("There were 1,234 children in need at 31 March 2024, a rate of 45.2 per 10,000 children.")
    assert [(r.value, r.unit, r.period.end) for r in rows] == [
        (1234.0, "count", date(2024, 3, 31)),
        (45.2, "rate_per_10k", date(2024, 3, 31)),
    ]
    assert rows[0].indicator_raw == "children in need"
    money = extract_narrative("Costs were £1,250 per placement in 2023/24 across the service.")
    assert [(r.value_raw, r.value, r.unit) for r in money] == [("£1,250", 1250.0, "gbp")]
    days = extract_narrative("The average time taken was 23 days for assessments in 2023/24.")
    assert [(r.value, r.unit) for r in days] == [(23.0, "days")]


def test_benchmarks_named_in_the_sentence() -> None:
    rows = extract_narrative("The rate was 12.5% against an England average of 10.1% and a target of 11% in 2022/23.")
    assert [(r.value, r.value_kind) for r in rows] == [(12.5, "actual"), (10.1, "national"), (11.0, "target")]


def test_sentences_keep_decimals_abbreviations_and_initials() -> None:
    block = "Approx. 5% of e.g. children were seen by Dr. J. Smith.\nNo. 5 was 81.4% in 2023. Then 12\nwent home."
    assert sentences(block) == [
        "Approx. 5% of e.g. children were seen by Dr. J. Smith.",
        "No. 5 was 81.4% in 2023.",
        "Then 12 went home.",
    ]
    assert sentences("- ▶ 47% in January.") == ["47% in January."]
    assert sentences(" 6 Children's social care improved.") == ["Children's social care improved."]


def test_blocks_drop_paragraph_numbers_bullets_and_tables() -> None:
    text = "Re-referrals are being scrutinised\n 20.\n\n24,\nduring the weekly meeting.\n•\nA\tB\tC\nlast line"
    assert narrative_blocks(text) == ["Re-referrals are being scrutinised", "during the weekly meeting.", "last line"]
    # a sentence wrapped across a blank line stays one block (the blank collapses to one space)
    assert narrative_blocks("raised by the committee\n\nregarding the data.\n\nNew paragraph.") == [
        "raised by the committee\nregarding the data.",
        "New paragraph.",
    ]
    assert narrative_blocks("- first bullet\n- second bullet") == ["- first bullet", "- second bullet"]


def test_a_caption_names_no_sentence_printed_after_it() -> None:
    # ../shared/pdfs ADCS SP9 p.52: the caption names its table; the sentence after it says what it measures
    text = (
        "Table 10: Number of UAS children by gender at period end\n\n"
        "Most (89%) of UAS children in care in 2023-24 are aged 16 plus, with 17-year-olds the age group "
        "with the highest number.\n"
    )
    [figure] = [f for f in extract_narrative(text) if f.value_raw == "89%"]
    # (the share in brackets restates `Most`: what follows the bracket is what it is of)
    assert figure.indicator_raw.startswith("UAS children in care are aged 16 plus")
    # under the same words as a heading, not a caption, the figure's own words still come first
    [headed] = [f for f in extract_narrative(text.replace("Table 10: ", "")) if f.value_raw == "89%"]
    assert headed.indicator_raw == figure.indicator_raw


def test_a_lines_bullet_glyphs_are_not_its_text_but_a_dash_or_star_may_be():
    assert without_bullet_glyph("• KPI 3 - % of re-referrals") == "KPI 3 - % of re-referrals"
    assert without_bullet_glyph("▪  \uf0b7 Commentary") == "Commentary"
    assert without_bullet_glyph("- KPI 5 - % of ICPCs") == "- KPI 5 - % of ICPCs"
    assert without_bullet_glyph("**78%** in October") == "**78%** in October"
