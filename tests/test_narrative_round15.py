"""Narrative round 15 (narrative15): numbers of a method, changes in brackets, headings over a block's one figure,
read/narrative/figures.py and reader.py. Hand-written probe sentences, none a dev document's."""

from __future__ import annotations

from extract.read.narrative import extract_narrative


def _rows(text: str) -> list[tuple[str, str, str]]:
    return [(f.value_raw, f.value_kind, f.indicator_raw or "") for f in extract_narrative(text, strict=True)]


def test_a_confidence_level_is_no_figure():
    text = ("Rates are shown with 95% confidence intervals and should be compared with care. The upper limit is "
            "known with 90% confidence. In 2019, 12% of pupils smoked.")
    assert [value for value, *_ in _rows(text)] == ["12%"]


def test_a_share_in_brackets_after_a_change_is_the_change():
    text = "There were 412 children in care at 31 March. This is a decrease of 38 children (8%) since March 2022."
    assert [value for value, *_ in _rows(text)] == ["412"]


def test_a_heading_names_the_one_figure_only_when_its_name_is_about_the_heading():
    text = ("Smoking among young people in Westshire\n\n"
            "A survey of smoking among young people in Westshire ran in 2019 and of the 2,400 pupils who answered "
            "it, few were looked after.")
    assert all(name != "Smoking among young people in Westshire" for _, _, name in _rows(text))


def test_a_share_after_a_verb_of_part_is_named_by_the_part():
    got = {value: name for value, _, name in _rows("In 2022, excluded girls represented 31% of the pupils excluded.")}
    assert got["31%"] == "excluded girls as a share of pupils excluded"


def test_casework_counted_after_there_were_in_a_period_and_the_count_compared_with():
    text = ("There were 2,310 contacts during 2022/23, compared to 2,050 in 2021/22. There were 410 assessments in "
            "the year to March 2023, accounting for 18% of contacts.")
    got = {value: (kind, name) for value, kind, name in _rows(text)}
    assert got["2,310"] == ("actual", "contacts")
    assert got["2,050"] == ("actual", "contacts")
    assert got["410"] == ("actual", "assessments")
    assert got["18%"] == ("actual", "assessments as a share of contacts")


def test_casework_counted_as_someone_s_doing_is_no_figure():
    assert _rows("These managers have signed off only 14 assessments since March 2022.") == []


def test_a_part_of_the_count_the_sentence_before_gave():
    text = ("Westshire supports 140 care leavers aged 18 to 21. Of these, 52 were in higher education. Of that number, "
            "9 have graduated.")
    got = {value: name for value, _, name in _rows(text)}
    assert got["52"] == "care leavers were in higher education"
    assert got["9"] == "care leavers have graduated"  # a part of a part still counts the noun
    assert [v for v, *_ in _rows("We held 30 meetings. Of these, 12 were late.")] == []  # no counted noun: none


def test_a_quarter_is_numbered_one_to_four():
    got = {value: name for value, _, name in _rows("At the end of the quarter 79 children were living with relatives.")}
    assert got == {"79": "children were living with relatives"}


def test_shares_listed_after_with_are_parts_of_the_population_the_first_restates():
    text = "Just over half of pupils (52%) walk to school, with 30% travelling by car and 18% by bus."
    got = {value: name for value, _, name in _rows(text)}
    assert got == {"52%": "pupils walk to school", "30%": "pupils travelling by car", "18%": "pupils by bus"}


def test_a_share_after_with_of_its_own_population_is_left_to_the_general_reader():
    text = "Most of the pupils (80%) passed, with 55% of boys and 60% of girls at the higher grade."
    got = {name for _, _, name in _rows(text)}
    assert "pupils at the higher grade" not in got and "pupils 55% of boys" not in got


def test_a_rate_whose_base_its_subject_names_and_benchmarks_in_brackets_in_its_unit():
    text = ("The EHCP rate per 1,000 pupils which for Westshire was 41.2 in 2023. The rate of referrals (512 per "
            "10,000 children) is close to the national average (538) and above statistical neighbours (470).")
    got = {value: (kind, name) for value, kind, name in _rows(text)}
    assert got["41.2"] == ("actual", "EHCP rate per 1,000")
    assert got["538"] == ("national", "rate of referrals")
    assert got["470"] == ("statistical_neighbours", "rate of referrals")


def test_benchmarks_of_a_sentence_referring_back_are_the_statement_before_s_not_the_heading_s():
    text = ("Children looked after\n\nThe CLA rate per 10,000 which for Westshire was 61.3 at March 2023. This "
            "compares against statistical neighbours at 70.2 and England at 71.0.")
    got = {value: (kind, name) for value, kind, name in _rows(text)}
    assert got["70.2"] == ("statistical_neighbours", got["61.3"][1])
    assert got["71.0"] == ("national", got["61.3"][1])


def test_the_whole_of_a_part_ends_where_the_part_s_second_predicate_begins():
    text = "In 2023, boys represented 61% of pupils excluded and accounted for 70% of all days lost."
    got = {value: name for value, _, name in _rows(text)}
    assert got["61%"] == "boys as a share of pupils excluded"
