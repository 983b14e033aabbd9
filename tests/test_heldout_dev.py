"""Every dev held-out document reads every row of its hand-written truth (tests/heldout/README.md).

The blind documents are never read here: benchmarks/bench_heldout.py --split blind scores them."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import bench_heldout

DEV = Path(__file__).resolve().parent / "heldout" / "dev"
DOCUMENTS = sorted(p.name for p in DEV.iterdir() if (p / "truth.csv").exists())


# Truth rows a dev document is known not to give yet, each with why: the test fails when one is
# read (take it off the list) as much as when another goes missing.
ANGUS = "The average number of working days per employee lost through sickness absence for Teachers (SPI)"

KNOWN_MISSES: dict[str, set[tuple[str, str, str, int]]] = {
    # the last slide's figure stands alone, with no label or comparison beside it
    "rbwm_ipmr_q2_2015_16_slides": {("Library and museum income", "actual", "£146,987", 5)},
    # round 11 dev documents as first scored, before any rule for their layouts (tests/heldout/README.md):
    # each entry is taken off as the reader learns the layout; what is left, with why:
    # aberdeenshire_ell_q3_2010_11_quarter_columns: 16/18; the year to date stated in a comment's sentence
    # (`Over Quarters 1-3 there have been 91.6% positive inspections`): a comment saying more than dated figures
    # is left as words
    "aberdeenshire_ell_q3_2010_11_quarter_columns": {
        ("% positive HMIe preschool inspections", "actual", "100%", 1),
        ("% positive HMIe school inspections", "actual", "91.6%", 1),
    },
    # lancashire_cpb_oct_2019_label_dash_figures (9/11 after leftovers2): 2/11 -> 3/11 (narrative round 11: `1194 (48.2
    # per 10,000)`, a count
    # beside its rate, counts what the rate is of); (narrative round 14: `reduced from 1296 since ...` after the count
    # and its rate in brackets is the same count's earlier level, previous_period, read/narrative/counts.py; `the
    # national average of 45.7 (per 10,000)`: a base in brackets after a figure makes it a rate, figures.py);
    # (round 14: `increase in Fostering to 61.1%` opening its sentence names the level by the thing that moved,
    # read/narrative/moves.py); (leftovers2: `Timeliness – 6 month rate 85% (...)`, a verbless label ending on its
    # measure words before the line's first figure, names it and the `78% in 2017/18` after it, choice.py); `October
    # performance 89%` on the next line is left under the sentence, and the rate beside the count is named `(rate per
    # 10,000)` as every such rate is
    "lancashire_cpb_oct_2019_label_dash_figures": {
        ("Children Protection Plans", "actual", "48.2", 1),
        ("Timeliness", "actual", "89%", 1),
    },
    # round 12 dev documents as first scored, before any rule for their layouts (tests/heldout/README.md):
    # (county_area_targets_2004_07_stacked_kpis: 0/30 -> 30/30, KPIs as lines of one cell with stacked targets)
    # (knowsley_cla_2007_08_merged_name_two_rows: 4/9 -> 6/9 -> 8/9 (round 13: the rate row's label joins the
    # merged name) -> 9/9 (leftovers2: `During the year 104 children ...`: after `the year` a count too big for a
    # label, figures.py; its name ends before `, primarily due to ...`, counts.py))
    # (knowsley_cla_2007_08_side_by_side_tables: 3/7 -> 7/7 (round 16): with no column headed as names nor one of
    # long words, a first column of short word labels (`Aged 0-4`) beside value columns only names the rows)
    # round 14 dev documents as first scored, before any rule for their layouts (tests/heldout/README.md):
    # blaenau_gwent 2/2, south_tyneside 9/9, warwickshire 8/8 untouched; the misses below, by cause:
    # (plymouth_children_numbers_category_tables: 0/7 -> 7/7: a ruled two-column table, names under a blank header and
    # figures under `Number` / `Number of children`)
    # (salford_agreement_2008_11_code_over_name: 0/16 -> 16/16: `NI 73` before the name is its code, `2008/9` a year,
    # `Targets` merged over the year columns in the first header row heads each of them)
    # (salford_lpsa_q4_2002_03_long_sentence_names: 0/9 -> 9/9: the `(1) ... (8)` row numbers the columns, names none)
    # round 15 dev documents as first scored, before any rule for their layouts (tests/heldout/README.md):
    # (bathnes_education_2023_24_region_england_columns: 2/5 -> 5/5: `B&NES 2023-24`, a council's own abbreviation
    # over a year (mappings/council_short_names.csv), heads the council's actuals)
    # (bathnes_education_2023_24_digest_paragraphs: 0/5 -> 5/5: a heading in a larger type over a sentence is no first
    # line of that sentence; it names the small table under the sentence)
    # narrative round 10 dev documents as first scored, before any rule for them (tests/heldout/README.md):
    # ceredigion_safeguarding_2018_19_register_subsets: 0/5 -> 3/5 (narrative round 11: a bare count the sentence
    # names by a counted noun, mappings/counted_nouns.csv, and its part, read/narrative/counts.py); the parts are
    # read under `children on the child protection register were subject to ...`, with the sentence's verb (leaving
    # the copula out, tried in leftovers2, renames the shipped Darlington seed's `children were subject to a Child
    # Protection plan (CP)` row: the shipped corpus must not change)
    "ceredigion_safeguarding_2018_19_register_subsets": {
        ("children on the child protection register subject to the three toxic risk factors", "actual", "19", 1),
        ("children on the child protection register subject to the three toxic risk factors of domestic abuse, "
         "parental substance misuse and parental mental health", "actual", "24", 1),
    },
    # dorset_audit_scrutiny_second_plans_from_to: 0/3 (unclaimed) -> 2/3 (narrative round 11: `the number of
    # children subject to ...` names the counts `from 243 to 292`); `with the total figure for the year at 24`
    # names no counted noun at its figure
    "dorset_audit_scrutiny_second_plans_from_to": {
        ("children who become the subject of a second child protection plan within 12 months", "actual", "24", 1),
    },
    # bathnes_child_protection_2011_12_dash_clause: 0/1 (unclaimed); the count after a dash clause
    # (`... in the final quarter – 106 represented the highest number since the late 1990's`)
    "bathnes_child_protection_2011_12_dash_clause": {
        ("number of children with protection plans", "actual", "106", 1),
    },
    # narrative round 11 dev documents as first scored, before any rule for them (tests/heldout/README.md):
    # bradford_workloads_2012_from_to_paragraphs: 0/9 -> 1/9 (narrative round 11: `the number of children in care
    # dropped to 889`, a count after its subject's verb) -> 5/9 (leftovers2: `fell from 5,498 in 2011 to 4,859 for the
    # year ending June 2012`: `the year ending June 2012` is a rolling year after its figure, and a counted noun phrase
    # moving `from A to B` counts both, counts.py; `..., and the number of ... reduced from 8,518 to 7,659`: the
    # earlier of a from-to pair takes no period an earlier clause named, moves.py); `with 227 cases ...` and `a rise to
    # 51` name no counted noun (`cases` may be cases of anything); `at 32.7 per cent` is read under the whole sentence
    "bradford_workloads_2012_from_to_paragraphs": {
        ("Children from ethnic minority communities among children in care", "actual", "32.7 per cent", 1),
        ("number of children in Public Law Care Proceedings", "actual", "227", 1),
        ("number of children in Public Law Care Proceedings", "previous_period", "187", 1),
        ("adoptions", "actual", "51", 1),
    },
    # redcar_children_in_care_q1_2022_23_sections: 0/9 -> 2/9 (narrative round 11: `354 children in our care`,
    # `147 young people who had left care ...`) -> 3/9 (leftovers2: `..., of whom 34 had been ...` named by the whole's
    # noun phrase and `who`, read/narrative/choice.py); `26 children were subject to ...` is read with the sentence's
    # verb, `when there were 360` and `the 19 it already looks after` name no noun at the figure; the shares are read
    # under `children in our care were living within the borough` (36.2 per cent too, a wrong name); `Of the 147, 92
    # are now in ...` is named by the 147's words and its own verb phrase (leftovers2, choice.py), not as the truth
    # writes it (`young people who had left care in education, training or employment`)
    "redcar_children_in_care_q1_2022_23_sections": {
        ("children in our care", "actual", "360", 1),
        ("children in our care living within the borough", "actual", "63.8 per cent", 1),
        ("children in our care placed in other areas", "actual", "36.2 per cent", 1),
        ("young people who had left care in education, training or employment", "actual", "92", 1),
        ("unaccompanied asylum seeking children the council looks after", "actual", "19", 1),
        ("children subject to vulnerable, missing, exploited and trafficked (VEMT) procedures", "actual", "26", 1),
    },
    # redcar_cpb_may_2024_minutes_bullets: 0/3 (unclaimed) -> 1/3 (narrative round 11: `22 migrant asylum-seeking
    # children in our care`); `143 care experienced young people` is read under those words (the team that supports
    # them is before the figure), `46 care leavers.` says only the noun, no measure, and is left
    "redcar_cpb_may_2024_minutes_bullets": {
        ("care leavers supported by the Asylum Through Care Team", "actual", "46", 1),
        ("care experienced young people supported by the Leaving Care Team", "actual", "143", 1),
    },
    # round 16 dev documents as first scored, before any rule for their layouts (tests/heldout/README.md):
    # north_lanarkshire_schools 16/16 and north_lanarkshire_reports 8/8 untouched; the misses below, by cause:
    # west_sussex_cla_dec_2018_dashboard_measure_updates: 0/3 -> 2/3 (tiles captioned `Latest` and `Statistical
    # neighbours 2017/18` under the measure's heading); the August figure is in a sentence under its month's heading
    # (`... was sitting at 39.5 at end of August ...`), no named measure in it
    "west_sussex_cla_dec_2018_dashboard_measure_updates": {
        ("Children Looked After per 10,000 children", "actual", "39.5", 1),
    },
    # (epping_forest_kpis_q1_2019_20_status_words: 3/4 -> 4/4: an `Update` column is the row's comment, and a
    # comment stating the row's revised target, `the target has now been revised upwards to 75%`, gives it)
    # round 17 dev documents as first scored, before any rule for their layouts (tests/heldout/README.md):
    # cambridgeshire_yss_neet 76/102 -> 102/102 (a year over the word `Measure` is that year's actual column);
    # west_lothian_factfile 0/13 -> 13/13 (a tile's figure heading the sentence under it, with its comparisons);
    # (northumberland_portal 12/16 (after a CSV quoting fix of its truth; no rule) -> 16/16 (leftovers2: a comment
    # cell's `the national average of 43` and `the annual figure for 2023-24 of 76%` are the row's national average
    # and whole-year figure, read/tables/comment_figures.py))
    # round 18 dev documents as first scored, before any rule for their layouts (tests/heldout/README.md):
    # mid_east_antrim_planning cards 0/21 -> 21/21 (a measure's card read as one row, read/tables/cards.py);
    # mid_east_antrim_2024_25 summary 2/8 -> 8/8 (`144 jobs`, `Minimum 111 jobs`: mappings/figure_words.csv);
    # cheshire_west outcomes 2/7 (truth as corrected) -> 7/7 (benchmarks named by their clause's verb and by the
    # measure the sentence before named, read/narrative/referents.py); conwy 0/13 -> 8/13 (periods over one row of
    # figures named by the measure quoted above, read/tables/quoted_names.py; `this measure`) -> 12/13 (`The target
    # for 2014/15 (...) for the percentage of ... was 9.5%`; `Conwy's actual performance for 2015/16 was 10.6%`, a
    # performance of no measure named, is the measure the block named or the text quoted last): `The target is
    # 9.5%.` after the quoted measure, a kind's word and one figure, is that kind of the measure the block quoted last
    # (leftovers2, referents.py): 13/13
    # narrative round 12 dev documents as first scored, before any rule for them (tests/heldout/README.md):
    # (cheshire_west_annual_report_2019_education_paragraphs: 6/8 -> 8/8: `N percentage points`, a difference of two
    # shares, ends a measure's words as a percentage does)
    # cheshire_east_education_2011_12_minutes_sentences: 3/9 -> 4/9 (`by the age of 5`: an age, no figure, so the
    # name goes on) -> 5/9 (`of A level students`: after `of`, a capital A is a letter; `and just under a quarter`
    # begins the next statement); the counts after a comma with their subject left out (`269 attended ...`) are
    # read since narrative round 14 (a list's noun carried to each member: `pupils attended the borough's four
    # special schools`, found loosely; the truth writes the predicate alone), the gap is named after its `20% of`
    "cheshire_east_education_2011_12_minutes_sentences": {
        ("attended the borough’s four special schools", "actual", "269", 1),
        ("were educated at the pupil referral unit", "actual", "34", 1),
        ("achievement gap between the lowest 20% of pupils and the rest in Cheshire East", "actual", "25%", 1),
        ("achievement gap between the lowest 20% of pupils and the rest in Cheshire East", "actual", "32%", 1),
    },
    # devon_csc_performance_2022_minutes_dash_points: 1/8 -> 3/8 (`the average caseload had now reduced to 17,
    # compared to 23 in March 2022`: an average of a named thing is a measure, an adverb may stand after `had`); the
    # rate is named `Referral rates per 10,000`, the share `percentage of agency social workers`; (narrative round 14:
    # `the significant number of unaccompanied asylum seeking children, now currently standing at 48, compared to 10
    # in October 2021`: the participle's count is of the noun phrase before its comma, the count compared with is
    # the same count's, read/narrative/counts.py, mappings/standing_words.csv)
    "devon_csc_performance_2022_minutes_dash_points": {
        ("Referral rates", "actual", "484 per 10,000", 1),
        ("Referral rates", "national", "465", 1),
        ("agency social workers", "actual", "37.9%", 1),
    },
    # round 20 dev documents as first scored, before any rule for their layouts (tests/heldout/README.md):
    # (ecs_trend_charts_q4_2014_15_label_value_block: 0/1 -> 1/1: a `label | value` box under its name, `Data Period`
    # the period, read as one row (label_blocks.py))
    # angus_performs_2012_13_year_rows_blank_cells: 0/12 -> 8/12 (an `ITEM` column numbering the rows before the years;
    # the heading two paragraphs above names the `VALUE | TARGET` columns, headings.py); `BENCHMARK MEDIAN` does not
    # say whose median (only the paragraph calls it the Scottish median): left, not guessed national
    "angus_performs_2012_13_year_rows_blank_cells": {
        (ANGUS, "national", "7.30", 1),
        (ANGUS, "national", "6.50", 1),
        (ANGUS, "national", "6.34", 1),
        (ANGUS, "national", "6.62", 1),
    },
    # round 21 dev documents as first scored, before any rule for their layouts (tests/heldout/README.md):
    # sunderland_q3_2017_18_period_column_comparator 5/5 untouched;
    # (wirral_plan_q1_2018_19_pledge_rows_workbook: 6/13 -> 13/13: rows boxed apart under a borderless pledge row, on
    # the same columns as the table above, are its rows (ruled_runs.py))
    # central_bedfordshire_portal_2019_measure_page: 0/2 -> 1/2 (the breadcrumb trail over the heading is no word of
    # the KPI box's name, tiles.BREADCRUMB); the chart's `Period | 2015/16 | Mar 2019` over `Actual | 4.1% | 2.5%`
    # table names no measure (its first column holds kinds, the page heading is further up, over the KPI box and a
    # paragraph): left, not guessed
    "central_bedfordshire_portal_2019_measure_page": {
        ("Children's Safeguarding - Referrals as a percentage of the child population", "actual", "4.1%", 1),
    },
    # round 22 dev documents as first scored, before any rule for their layouts (tests/heldout/README.md):
    # (moray_ceo_q2_2017_18_pentana_value_under_periods 28/28 untouched)
    # (torbay_asc_outcomes_2022_23_outturn_target_england: 0/41 -> 41/41: `ASC 1A:` / `ASC 1C part 2A:`, a set's code
    # with a colon before the name, is the row's code, wide.py DEFAULT_CODE_RE)
    # (vale_of_glamorgan_dfg_2013_wrapped_year_columns: 11/13 -> 13/13: `569.` under a value column, a whole number with
    # a stray full stop, is the number, wide.py strip_stray_stop)
    # narrative round 13 dev documents as first scored, before any rule for them (tests/heldout/README.md):
    # east_sussex_lac_statistics_2022_23_numbered_paragraphs: 1/8; counts named with their auxiliary (`children were
    # living in foster care`: the clause as printed, the truth writes the measure without `were`; not changed to fit);
    # (narrative15: `Of that number, 268 were ...` is read as a part of the count before, read/narrative/referred.py,
    # and `At the end of the quarter 79 children ...` as a count, a quarter being numbered 1 to 4; both named with
    # `were`, so still missed strictly)
    "east_sussex_lac_statistics_2022_23_numbered_paragraphs": {
        ("children living in foster care", "actual", "358", 1),
        ("children living with East Sussex County Council (ESCC) carers", "actual", "268", 1),
        ("children placed with foster carers who were also approved as adopters", "actual", "7", 1),
        ("children living with agency carers", "actual", "90", 1),
        ("young people living in supported housing options, homes or hostels", "actual", "83", 1),
        ("children placed for adoption", "actual", "19", 1),
        ("children living with kinship foster carers", "actual", "79", 1),
    },
    # somerset_safeguarding_2016_17_intelligence_sentences: 1/14 -> 4/14 (narrative15: `There were 4,777 referrals
    # during 2016/17, compared to 4,133 in 2015/16` and `950 re-referrals`: casework counted after `There were` in a
    # period is a measure, mappings/counted_nouns.csv `alone`; the count compared with after the count's own words is
    # the same count's); `children in need in Somerset` (the place kept in the name), the previous year's count after
    # a change not read; the share and the region's and England's named `re-referrals as a share of all referrals`
    # (mappings/part_verbs.csv), found loosely
    # (narrative16: the sources' shares, named by their whole sentence before, are the parts `respectively` deals out
    # to the subject's members and the members listed after `, followed by`, named `referrals from the police` by
    # the predicate's `sources`, read/narrative/respective.py and mappings/relation_nouns.csv)
    "somerset_safeguarding_2016_17_intelligence_sentences": {
        ("children in need", "actual", "3,109", 1),
        ("children in need", "previous_period", "2,903", 1),
        ("re-referrals", "actual", "20%", 1),
        ("re-referrals", "regional", "23%", 1),
        ("re-referrals", "national", "22%", 1),
    },
    # buckinghamshire_jsna_safeguarding_2021_comparators_in_sentences: 2/13 -> 5/13 (narrative15: `The CIN rate per
    # 10,000 which for Buckinghamshire was 272.3`: a rate's base named in its subject before its verb, figures.py; a
    # benchmark in brackets after the rate in its sentence, `the national average (41.4)`, is in the rate's unit,
    # reader.py) -> 8/13 (`This compares against statistical neighbours at 245.1, the South-East at 301.9 and England
    # at 321.2`: benchmarks of a sentence referring back are the last named actual's, not the heading's, choice.py);
    # (narrative16: the earlier year's count in brackets, `(from 9,204 in 2017)`: a bracket opening on `from` with
    # only a count and a period phrase is where the kept count before it started, read/narrative/counts.py);
    # left: the counts' `from 1,117 children to 1318` / `from 542 to 759` (the subject read as `up` out of
    # `(up to March 2022)`)
    "buckinghamshire_jsna_safeguarding_2021_comparators_in_sentences": {
        ("Children In Need", "actual", "1,117", 1),
        ("Children In Need", "actual", "1318", 1),
        ("children recorded on Child Protection Plans", "actual", "542", 1),
        ("children recorded on Child Protection Plans", "actual", "759", 1),
    },
}


@pytest.fixture(scope="module")
def pipeline():
    from extract.run.pipeline import Pipeline

    return Pipeline()


def test_the_dev_documents_are_found():
    assert len(DOCUMENTS) >= 48, DOCUMENTS


@pytest.mark.parametrize("slug", DOCUMENTS)
def test_dev_document_reads_every_truth_row(slug, pipeline, tmp_path):
    score = bench_heldout().score_folder("dev", DEV / slug, pipeline, tmp_path)
    missing = {(t.indicator, t.value_kind, t.value_raw, t.page)
               for t, found in zip(score.truths, score.strict_found, strict=True) if found is None}  # fmt: skip
    assert score.truths and missing == KNOWN_MISSES.get(slug, set()), sorted(missing)
