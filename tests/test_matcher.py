"""The matcher against the reviewed must-match and must-not-match lists, the held-out set
of real names labelled by hand (never used to write aliases or tune rules) and the dev set
the rules were tuned on."""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path

import pandas as pd
import pytest

from extract.mappings import load_mappings
from extract.settings import DEFAULT_SETTINGS
from extract.tidy.matching import Matcher

LISTS = Path(__file__).parent / "matcher"
MUST_MATCH = pd.read_csv(LISTS / "must_match.csv", dtype=str, keep_default_na=False)
MUST_NOT = pd.read_csv(LISTS / "must_not_match.csv", dtype=str, keep_default_na=False)
# A fourth held-out set (issue 9 round 3: councils' FOI answers, minutes and scorecards, Welsh, NI
# and national releases, none of them a source of an earlier set), labelled by hand and committed
# alone before the matcher was run on it (git log tests/matcher/heldout4.csv).
HELDOUT4 = pd.read_csv(LISTS / "heldout4.csv", dtype=str, keep_default_na=False)
# An eighth held-out set (issue 9 round 12: Northumberland's performance portal, Medway and North
# Northamptonshire minutes, FOI answers (Thurrock, Devon, Wokingham, Moray), DfE's adoption scorecard
# announcement, its KS2 performance-table metadata and a children-in-need data set, the Welsh NAWPI
# education indicators, LG Inform metric-type lists, the Youth Custody Service annex, Cafcass and
# Trafford Data Lab's indicator notes, none of them a source of an earlier set), labelled by hand
# against mappings/indicators.csv and committed alone before any rule of the round. 80 names: the
# search corpus gave no more from sources no earlier set used.
HELDOUT8 = pd.read_csv(LISTS / "heldout8.csv", dtype=str, keep_default_na=False)
# A ninth held-out set (issue 9 round 13: Wokingham, Haringey, Middlesbrough, Leeds, Herefordshire,
# Sefton and Wolverhampton minutes, West Sussex's performance portal, Waltham Forest's JSNA, Missing
# People, the Fostering Network and workforce and fostering articles, none of them a source of an
# earlier set), labelled by hand against mappings/indicators.csv and committed alone before any rule
# of the round. 51 names: the search corpus gave no more from sources no earlier set used.
HELDOUT9 = pd.read_csv(LISTS / "heldout9.csv", dtype=str, keep_default_na=False)
# The tenth held-out set (issue 9 round 14), promoted to dev in round 16 as `dev_real10.csv` (its untouched score,
# 0.821 / 0.681, 1 of 20, was reported in round 14): 150 (name, section) pairs the tool itself extracts from the
# PDFs of tests/heldout/dev (95) and ../shared/pdfs (55), names in no mappings file and no other set, drawn with a
# fixed seed across documents (100 table rows, 50 narrative phrases), labelled by hand against
# mappings/indicators.csv. Its `section` is the page's section or table title the row was read under (empty for
# most narrative phrases). Scored as its own dev slice (test_dev_real10_names).
DEV_REAL10 = pd.read_csv(LISTS / "dev_real10.csv", dtype=str, keep_default_na=False)
# The eleventh held-out set (issue 9 round 16), promoted to dev in round 22 as `dev_real11.csv` (its untouched score,
# 0.824 / 0.412, 2 of 24, was reported in round 16 and had not moved since): 104 (name, section) pairs from 44 pages
# of the search tool's pages corpus no earlier set or mappings file used (council minutes and FOI answers from Torbay,
# Blackpool, Wirral, Surrey, Rotherham, Darlington, Vale of Glamorgan, Monmouthshire, Croydon, Bromley and others;
# DfE, Welsh and Scottish Government releases and workforce, health-visiting and adoption pages), labelled by hand
# against mappings/indicators.csv. Scored as its own dev slice (test_dev_real11_names).
DEV_REAL11 = pd.read_csv(LISTS / "dev_real11.csv", dtype=str, keep_default_na=False)
# A twelfth held-out set (issue 9 round 17): 103 (name, section) pairs, the indicator names of hand-written truth.csv
# files of tests/heldout/dev fixtures (layouts21 15e47ad, layouts22 4d2c8a6 and narrative15 5c03286, then main's
# 9989da5, 621c4a1, f35fcf3, 6705565, 87566e6, fa70939 and cd7a59b for the rest), names as councils print them, in no
# mappings file and no other set (nor within a token overlap of 0.75 of one), each with its fixture's section or table
# title, labelled by hand against mappings/indicators.csv and committed alone before any rule of the round.
HELDOUT12 = pd.read_csv(LISTS / "heldout12.csv", dtype=str, keep_default_na=False)
# A thirteenth held-out set (issue 9 round 21): 105 (name, section) pairs from 64 pages of the search tool's pages
# corpus no earlier set, mappings file or tests/heldout/dev source note used (FOI answers from Wokingham, Barnet,
# Scottish Borders, Pembrokeshire, Herefordshire; news about adoption, absence, EHCPs, child protection and placements;
# Scottish, Welsh, Northern Irish and Irish releases; NSPCC, SCRA, Flying Start, Careers Wales, youth justice pages),
# names within 0.75 token overlap of a mappings name or another set's row left out, labelled by hand against
# mappings/indicators.csv and committed alone before the matcher was run on it (git log tests/matcher/heldout13.csv).
HELDOUT13 = pd.read_csv(LISTS / "heldout13.csv", dtype=str, keep_default_na=False)
DEV = pd.read_csv(LISTS / "dev.csv", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def matcher():
    return Matcher(load_mappings())


def _match(matcher, query, council="", section=None):
    return matcher.match(query, scopes=(council,), rule=DEFAULT_SETTINGS.fuzzy_rule(), section=section)


@pytest.mark.parametrize("row", MUST_MATCH.to_dict("records"), ids=list(MUST_MATCH["query"]))
def test_must_match(matcher, row):
    found = _match(matcher, row["query"], row.get("council_id", ""))
    assert found.indicator_id == row["indicator_id"], found.as_json()


@pytest.mark.parametrize("row", MUST_NOT.to_dict("records"), ids=list(MUST_NOT["query"]))
def test_must_not_match(matcher, row):
    found = _match(matcher, row["query"])
    assert found.indicator_id != row["indicator_id"], found.as_json()


def _score(matcher, table: pd.DataFrame) -> dict:
    """Precision, recall and near-miss false matches of the matcher over a labelled set.
    A row labelled with an id is a positive; an empty label means no catalogue entry is
    that indicator; a note starting "near miss" marks a name close to an entry but a
    different indicator. A set with a `section` column (dev_real10, dev_real11, held-out 12 and 13) is matched with each
    row's section."""
    tp = fp = positives = near = near_matched = 0
    for row in table.to_dict("records"):
        got = _match(matcher, row["query"], section=row.get("section") or None).indicator_id
        positives += bool(row["indicator_id"])
        if row["note"].startswith("near miss"):
            near += 1
            near_matched += got is not None
        if got and got == row["indicator_id"]:
            tp += 1
        elif got:
            fp += 1
    return {
        "names": len(table),
        "positives": positives,
        "answered": tp + fp,
        "correct": tp,
        "precision": tp / max(tp + fp, 1),
        "recall": tp / max(positives, 1),
        "near_misses": near,
        "near_miss_false_match_rate": near_matched / max(near, 1),
    }


def _report(label: str, s: dict) -> None:
    print(
        f"\n{label}: {s['names']} names, {s['positives']} with a catalogue id; answered {s['answered']}, "
        f"correct {s['correct']}; precision {s['precision']:.3f}, recall {s['recall']:.3f}; "
        f"near misses matched {s['near_miss_false_match_rate']:.1%} of {s['near_misses']}"
    )


# Issue 9's targets on the held-out sets; the matcher is not there yet. The floors hold it to what
# it achieves so a change cannot make it worse; raise them as it improves, never lower them.
# (Held-out 1, heldout.csv, was promoted to dev in round 5, held-out 3, heldout3.csv, in round 6,
# held-out 2, heldout2.csv, in round 7, held-out 5, heldout5.csv, in round 8, held-out 6, heldout6.csv,
# in round 10 and held-out 7, heldout7.csv, in round 12: DEV_ROUND5_START, DEV_ROUND6_START,
# DEV_ROUND7_START, DEV_ROUND8_START, DEV_ROUND10_START and DEV_ROUND12_START below; held-out 10 in round 16 and
# held-out 11 in round 22, each its own slice: test_dev_real10_names, test_dev_real11_names.)
HELDOUT_TARGET = {"precision": 0.95, "recall": 0.85}


# held-out 4 with the matcher as it was when the set was committed (round 3, before its rules):
# 152 names, precision 0.924, recall 0.762 (61 of 80), 3 of 65 near misses matched; after round 3's
# rules 0.925, 0.775 (62 of 80), 3 of 65; after round 5's 0.939, 0.775, 2 of 65; after round 7's 0.940,
# 0.787 (63 of 80), 2 of 65; after round 9's 0.942, 0.812 (65 of 80), 2 of 65; after round 17's 0.943, 0.825 (66 of
# 80), 2 of 65.
HELDOUT4_FLOOR = {"precision": 0.94, "recall": 0.82, "near_miss_matched": 2}
# held-out 8 with the matcher as it was when the set was committed (round 12, before its rules):
# 80 names, precision 0.826, recall 0.731 (19 of 26), 4 of 36 near misses matched.
HELDOUT8_FLOOR = {"precision": 0.82, "recall": 0.73, "near_miss_matched": 4}
# held-out 9 with the matcher as it was when the set was committed (round 13, before any rule):
# 51 names, precision 0.600, recall 0.400 (6 of 15, 10 answered), 3 of 22 near misses matched.
HELDOUT9_FLOOR = {"precision": 0.60, "recall": 0.40, "near_miss_matched": 3}
# held-out 12 with the matcher as it was when the set was committed (round 17, before any rule of the round; each
# row matched with its section): 103 names, precision 0.765, recall 0.591 (13 of 22, 17 answered), 3 of 19 near
# misses matched. After round 17's rules (printed once, at the round's end): 0.812, 0.591 (13 of 22, 16
# answered), 2 of 19.
HELDOUT12_FLOOR = {"precision": 0.81, "recall": 0.59, "near_miss_matched": 2}
# held-out 13 with the matcher as it was when the set was committed (round 21, before any rule of the round; each
# row matched with its section): 105 names, precision 0.667, recall 0.258 (8 of 31, 12 answered), 3 of 40 near
# misses matched. After round 22's rules (printed at the round's end): 0.692, 0.290 (9 of 31, 13 answered), 3 of 40.
HELDOUT13_FLOOR = {"precision": 0.69, "recall": 0.29, "near_miss_matched": 3}


def test_heldout_names_precision_and_recall(matcher):
    """The held-out sets: real names from public papers, labelled by hand, kept out of the
    aliases and out of tuning. Targets: precision >= 0.95, recall >= 0.85 (HELDOUT_TARGET);
    the floor holds the matcher to what it reaches. The set is printed."""
    sets = (  # (name, rows, floor, at least this many names, of them near misses)
        ("held-out 4", HELDOUT4, HELDOUT4_FLOOR, 150, 40),
        ("held-out 8", HELDOUT8, HELDOUT8_FLOOR, 80, 30),
        ("held-out 9", HELDOUT9, HELDOUT9_FLOOR, 50, 20),
        ("held-out 12", HELDOUT12, HELDOUT12_FLOOR, 100, 15),
        ("held-out 13", HELDOUT13, HELDOUT13_FLOOR, 100, 20),
    )
    for name, rows, floor, least, least_near in sets:
        assert len(rows) >= least and (rows["note"].str.startswith("near miss")).sum() >= least_near, name
        score = _score(matcher, rows)
        _report(name, score)
        assert score["precision"] >= floor["precision"], (name, score)
        assert score["recall"] >= floor["recall"], (name, score)
        assert round(score["near_miss_false_match_rate"] * score["near_misses"]) <= floor["near_miss_matched"], (
            name,
            score,
        )


# The dev set grew from 278 to 403 names in issue 9's fourth round (125 names from other councils'
# minutes, FOI answers and national releases, labelled before the matcher was run on them): the
# matcher read the 403 at precision 0.976, recall 0.868 before the round's rules and 0.991, 0.897 after.
# Round 2 added 36 FOI and minutes names (27 near misses), labelled first: 439 names read at 0.986,
# 0.888 with round 1's matcher and 0.991, 0.909 after round 2's rules.
# Round 3 read the 439 at 1.000, 0.909; round 13 at 1.000, 0.905 (a narrower entry needs a lead: "Child in need
# reviews" left unmatched, the children-in-need count 17.5 points behind the reviews entry).
# Round 19 (framing words set apart): 1.000, 0.909 (219 of 241).
DEV_FLOOR = {"precision": 0.995, "recall": 0.905}
# Issue 9's third round appended 151 names (62 with an id, 72 near misses) from yet other councils'
# FOI answers, minutes and scorecards, labelled first: read at 0.868, 0.532 by round 2's matcher and
# 0.979, 0.742 after round 3's rules and 1.000, 0.742 after round 7's. Held to their own floor so that the 439
# keep theirs.
DEV_ROUND3_START = 439
DEV_ROUND3_FLOOR = {"precision": 0.995, "recall": 0.75}
# Issue 9's fifth round promoted held-out 1 (heldout.csv: 159 names, 86 with an id, 44 near misses,
# scored too often to stay held out) to dev: its rows follow round 3's 151, each note saying so. Read
# at 0.865, 0.744 (4 of 44 near misses matched) when promoted, 0.938, 0.872 (2 of 44) after round 5's
# rules and 0.950, 0.884 (1 of 44) after rounds 7 and 8 (docs/matching.md); held to their own floor.
DEV_ROUND5_START = 590
# Round 23 (an every-child concept, 'missing', takes no children in care entry):
# 0.963, 0.919 (79 of 86; 82 answered), 0 of 44 (from 1).
DEV_ROUND5_FLOOR = {"precision": 0.96, "recall": 0.91, "near_miss_matched": 0}
# Issue 9's sixth round promoted held-out 3 (heldout3.csv: 150 names, 59 with an id, 74 near misses;
# read at 0.800, 0.475 when committed in round 4 and 0.875, 0.593, 2 of 74 after round 5) to dev: its
# rows follow round 5's 159, each note saying so. Read at 0.918, 0.763 (2 of 74) after round 6's rules
# and 0.958, 0.780 (2 of 74) after round 7's (docs/matching.md); held to their own floor.
DEV_ROUND6_START = 749
# Round 16 (a narrower entry needs 33 points of lead, not 25): 1.000, 0.780 (46 of 59), 0 of 74.
# Round 21 (synonyms: open to an early help assessment, section 47 referrals): 1.000, 0.814 (48 of 59), 0 of 74.
DEV_ROUND6_FLOOR = {"precision": 0.995, "recall": 0.81, "near_miss_matched": 0}
# Issue 9's seventh round promoted held-out 2 (heldout2.csv: 120 names, 52 with an id, 24 near misses;
# 0.927 / 0.731 after round 1, 0.929 / 0.750 after round 2, 0.930 / 0.769, 0 of 24 after round 5) to dev:
# its rows follow round 6's 150, each note saying so. Read at 0.930, 0.769 (40 of 52), 0 of 24 when
# promoted and 1.000, 0.981 (51 of 52), 0 of 24 after round 7's rules; held to their own floor.
DEV_ROUND7_START = 899
DEV_ROUND7_FLOOR = {"precision": 0.995, "recall": 0.98, "near_miss_matched": 0}
# Issue 9's eighth round promoted held-out 5 (heldout5.csv: 152 names, 57 with an id, 43 near misses,
# from councils' scorecards, minutes and FOI answers, DfE, Ofsted, PHE, Welsh, Scottish and NI releases;
# committed alone in round 7 and scored untouched at 0.659, 0.474 (27 of 57), 11 of 43, the same after
# round 7's rules) to dev: its rows follow round 7's 120, each note saying so. Read at 0.830, 0.772 (44 of
# 57; 53 answered), 9 of 43 after round 8's rules (docs/matching.md); held to their own floor. Round 9:
# 0.833, 0.789 (45 of 57), 9 of 43. Round 13 (a narrower entry needs a lead): 0.882, 0.789 (45 of 57; 51
# answered), 6 of 43.
DEV_ROUND8_START = 1019
# Round 16 (narrow_margin 33): 0.900, 0.789 (45 of 57; 50 answered), 5 of 43.
# Round 19 (framing words set apart): 0.902, 0.807 (46 of 57; 51 answered), 5 of 43.
# Round 23 ('Primary school attendance' not the CLA's): 0.920, 0.807 (46 of 57; 50 answered), 4 of 43 (from 5).
DEV_ROUND8_FLOOR = {"precision": 0.92, "recall": 0.80, "near_miss_matched": 4}
# Issue 9's tenth round promoted held-out 6 (heldout6.csv: 157 names, 79 with an id, 48 near misses, from
# OHID Fingertips, DfE's SEND and AP dashboard, Welsh, Scottish and NI releases, workforce releases, school
# results pages, council minutes, JSNAs and FOI answers; committed alone in round 9 and scored untouched at
# 0.769, 0.506 (40 of 79), 8 of 48, and 0.774, 0.519 (41 of 79), 8 of 48 after round 9's rules) to dev:
# its rows follow round 8's 152, each note saying so; held to their own floor. After round 10's rules:
# 0.786, 0.557 (44 of 79; 56 answered), 8 of 48. Round 13: 0.807, 0.582 (46 of 79; 57 answered), 8 of 48.
DEV_ROUND10_START = 1171
# Round 17 (synonyms: 'carried out' = completed, 'assessed as being in need' = in need): 0.814, 0.608 (48 of 79; 59
# answered), 8 of 48.
# Round 19 (framing words set apart): 0.823, 0.646 (51 of 79; 62 answered), 8 of 48.
# Round 20 (with and without SEN, absence, communication and language, community settings): 0.879, 0.646 (51 of 79; 58
# answered), 5 of 48.
# Round 22 (the share of words over all an entry's names): 0.881, 0.658 (52 of 79; 59 answered), 5 of 48.
DEV_ROUND10_FLOOR = {"precision": 0.88, "recall": 0.65, "near_miss_matched": 5}
# Issue 9's twelfth round promoted held-out 7 (heldout7.csv: 151 names, 39 with an id, 72 near misses, from
# council plans and scorecards, LAA and NI-era tables, inphase pages, LG Inform metric types, FOI questions,
# corporate parenting and scrutiny minutes, Scottish, Welsh, NI, DfE and ONS releases; committed alone in
# round 10 and scored untouched at 0.800, 0.615 (24 of 39), 6 of 72, the same after rounds 10 and 11) to
# dev: its rows follow round 10's 157, each note saying so; held to their own floor. After round 12's
# rules: 0.897, 0.667 (26 of 39; 29 answered), 3 of 72. Round 13: 0.929, 0.667 (26 of 39; 28 answered), 2 of 72.
DEV_ROUND12_START = 1328
# Round 16 (offending is an event): 0.963, 0.667 (26 of 39; 27 answered), 1 of 72.
# Round 19 (framing words set apart): 0.967, 0.744 (29 of 39; 30 answered), 1 of 72.
# Round 20 (a level the name states is the entry's): 1.000, 0.744 (29 of 39; 29 answered), 0 of 72.
# Round 21 (a decimal percentage in a name is its value; children looked after by / living with foster carers are
# in foster care): 0.970, 0.821 (32 of 39; 33 answered), 1 of 72.
# Both rounds together: 1.000, 0.821 (32 of 39; 32 answered), 0 of 72.
DEV_ROUND12_FLOOR = {"precision": 0.995, "recall": 0.82, "near_miss_matched": 0}


def test_dev_names_precision_and_recall(matcher):
    """The dev set the rules were tuned on (other sources than the held-out set)."""
    s = _score(matcher, DEV.iloc[:DEV_ROUND3_START])
    _report("dev (first 439)", s)
    s3 = _score(matcher, DEV.iloc[DEV_ROUND3_START:DEV_ROUND5_START])
    _report("dev (round 3's 151)", s3)
    promoted = DEV.iloc[DEV_ROUND5_START:DEV_ROUND6_START]
    assert len(promoted) == 159 and promoted["note"].str.contains("promoted from heldout.csv in round 5").all()
    s5 = _score(matcher, promoted)
    _report("dev (round 5's 159, promoted from held-out 1)", s5)
    promoted6 = DEV.iloc[DEV_ROUND6_START:DEV_ROUND7_START]
    assert len(promoted6) == 150 and promoted6["note"].str.contains("promoted from heldout3.csv in round 6").all()
    s6 = _score(matcher, promoted6)
    _report("dev (round 6's 150, promoted from held-out 3)", s6)
    promoted7 = DEV.iloc[DEV_ROUND7_START:DEV_ROUND8_START]
    assert len(promoted7) == 120 and promoted7["note"].str.contains("promoted from heldout2.csv in round 7").all()
    s7 = _score(matcher, promoted7)
    _report("dev (round 7's 120, promoted from held-out 2)", s7)
    promoted8 = DEV.iloc[DEV_ROUND8_START:DEV_ROUND10_START]
    assert len(promoted8) == 152 and promoted8["note"].str.contains("promoted from heldout5.csv in round 8").all()
    s8 = _score(matcher, promoted8)
    _report("dev (round 8's 152, promoted from held-out 5)", s8)
    promoted10 = DEV.iloc[DEV_ROUND10_START:DEV_ROUND12_START]
    assert len(promoted10) == 157 and promoted10["note"].str.contains("promoted from heldout6.csv in round 10").all()
    s10 = _score(matcher, promoted10)
    _report("dev (round 10's 157, promoted from held-out 6)", s10)
    promoted12 = DEV.iloc[DEV_ROUND12_START:]
    assert len(promoted12) == 151 and promoted12["note"].str.contains("promoted from heldout7.csv in round 12").all()
    s12 = _score(matcher, promoted12)
    _report("dev (round 12's 151, promoted from held-out 7)", s12)
    _report("dev", _score(matcher, DEV))
    assert s["precision"] >= DEV_FLOOR["precision"] and s["recall"] >= DEV_FLOOR["recall"], s
    assert s3["precision"] >= DEV_ROUND3_FLOOR["precision"] and s3["recall"] >= DEV_ROUND3_FLOOR["recall"], s3
    assert s5["precision"] >= DEV_ROUND5_FLOOR["precision"] and s5["recall"] >= DEV_ROUND5_FLOOR["recall"], s5
    assert round(s5["near_miss_false_match_rate"] * s5["near_misses"]) <= DEV_ROUND5_FLOOR["near_miss_matched"], s5
    assert s6["precision"] >= DEV_ROUND6_FLOOR["precision"] and s6["recall"] >= DEV_ROUND6_FLOOR["recall"], s6
    assert round(s6["near_miss_false_match_rate"] * s6["near_misses"]) <= DEV_ROUND6_FLOOR["near_miss_matched"], s6
    assert s7["precision"] >= DEV_ROUND7_FLOOR["precision"] and s7["recall"] >= DEV_ROUND7_FLOOR["recall"], s7
    assert round(s7["near_miss_false_match_rate"] * s7["near_misses"]) <= DEV_ROUND7_FLOOR["near_miss_matched"], s7
    assert s8["precision"] >= DEV_ROUND8_FLOOR["precision"] and s8["recall"] >= DEV_ROUND8_FLOOR["recall"], s8
    assert round(s8["near_miss_false_match_rate"] * s8["near_misses"]) <= DEV_ROUND8_FLOOR["near_miss_matched"], s8
    assert s10["precision"] >= DEV_ROUND10_FLOOR["precision"] and s10["recall"] >= DEV_ROUND10_FLOOR["recall"], s10
    assert round(s10["near_miss_false_match_rate"] * s10["near_misses"]) <= DEV_ROUND10_FLOOR["near_miss_matched"], s10
    assert s12["precision"] >= DEV_ROUND12_FLOOR["precision"] and s12["recall"] >= DEV_ROUND12_FLOOR["recall"], s12
    assert round(s12["near_miss_false_match_rate"] * s12["near_misses"]) <= DEV_ROUND12_FLOOR["near_miss_matched"], s12


# Held-out 10 promoted to dev in round 16 (dev_real10.csv): read at 0.821, 0.681 (32 of 47, 39 answered), 1 of 20
# near misses matched when committed in round 14 and when promoted; held to its own floor.
# After round 16's rules (a notification is an event): 0.842, 0.681 (32 of 47, 38 answered), 1 of 20.
# After round 17's synonyms ('including English and maths' a condition, 'carried out' = completed, 'cases referred' =
# referrals): 0.875, 0.745 (35 of 47, 40 answered), 1 of 20; with a note after 'NB' set apart: 0.878, 0.766 (36 of
# 47, 41 answered), 1 of 20.
# After round 20's sibling_margin ('Special schools', 'No further action' refused): 0.923, 0.766 (36 of 47, 39
# answered), 0 of 20.
DEV_REAL10_FLOOR = {"precision": 0.92, "recall": 0.76, "near_miss_matched": 0}


def test_dev_real10_names(matcher):
    """Held-out 10, promoted to dev in round 16: names with their sections as the tool reads them from PDFs."""
    assert len(DEV_REAL10) == 150 and (DEV_REAL10["note"].str.startswith("near miss")).sum() >= 20
    s = _score(matcher, DEV_REAL10)
    _report("dev (real10, promoted from held-out 10)", s)
    assert s["precision"] >= DEV_REAL10_FLOOR["precision"] and s["recall"] >= DEV_REAL10_FLOOR["recall"], s
    assert round(s["near_miss_false_match_rate"] * s["near_misses"]) <= DEV_REAL10_FLOOR["near_miss_matched"], s


# Held-out 11 promoted to dev in round 22 (dev_real11.csv): read at 0.824, 0.412 (14 of 34, 17 answered), 2 of 24
# near misses matched when committed in round 16, unchanged through rounds 16-21 and when promoted; held to its own
# floor. After round 22's rules ('absenteeism' = absence; 'primary and secondary schools' = all schools and
# 'state-funded' set apart; 'deaths and serious injuries' = killed or seriously injured; '6/8 weeks' a span of time;
# the share of words over all an entry's names): 0.870, 0.588 (20 of 34, 23 answered), 2 of 24.
DEV_REAL11_FLOOR = {"precision": 0.86, "recall": 0.58, "near_miss_matched": 2}


def test_dev_real11_names(matcher):
    """Held-out 11, promoted to dev in round 22: names with their sections from council minutes, FOI answers and
    national releases."""
    assert len(DEV_REAL11) == 104 and (DEV_REAL11["note"].str.startswith("near miss")).sum() >= 20
    s = _score(matcher, DEV_REAL11)
    _report("dev (real11, promoted from held-out 11)", s)
    assert s["precision"] >= DEV_REAL11_FLOOR["precision"] and s["recall"] >= DEV_REAL11_FLOOR["recall"], s
    assert round(s["near_miss_false_match_rate"] * s["near_misses"]) <= DEV_REAL11_FLOOR["near_miss_matched"], s


def test_alias_names_with_the_aliases_taken_away():
    """Every alias name matched by a matcher built without any alias file: how far the
    reading and scoring carry on their own (README "How well it does")."""
    import dataclasses

    mappings = load_mappings()
    bare = Matcher(dataclasses.replace(mappings, aliases=[]))
    names: dict[str, str] = {}
    for alias in mappings.aliases:
        names.setdefault(" ".join(alias.alias.lower().split()), alias.indicator_id)
    got = {q: _match(bare, q).indicator_id for q in names}
    correct = sum(got[q] == iid for q, iid in names.items())
    answered = sum(g is not None for g in got.values())
    precision, recall = correct / max(answered, 1), correct / len(names)
    print(
        f"\naliases taken away: {len(names)} names; answered {answered}, correct {correct}; "
        f"precision {precision:.3f}, recall {recall:.3f}"
    )
    assert precision >= 0.99 and recall >= 0.89, (precision, recall)


def test_heldout_names_are_not_in_the_mappings(matcher):
    """No held-out name is written in mappings/ (as an alias or a catalogue name): the set
    measures names nobody wrote an alias for. (Some equal an alias once timing words, codes
    and synonyms are read away - that is the reading at work, not a copied name.)"""

    def plain(text: str) -> str:
        return " ".join(text.lower().split())

    written = {plain(a.alias) for a in matcher.mappings.aliases}
    for ind in matcher.mappings.indicators.values():
        written |= {plain(ind.name), *(plain(n) for n in ind.official_names)}
    # held-out 1's, 3's, 2's and 5's names, promoted to dev in rounds 5-8, are still written nowhere in mappings/
    assert not [q for q in DEV["query"].iloc[DEV_ROUND5_START:] if plain(q) in written]
    assert not [q for q in HELDOUT4["query"] if plain(q) in written]
    assert not [q for q in HELDOUT8["query"] if plain(q) in written]
    assert not [q for q in HELDOUT9["query"] if plain(q) in written]
    assert not [q for q in DEV_REAL10["query"] if plain(q) in written]
    assert not [q for q in DEV_REAL11["query"] if plain(q) in written]
    assert not [q for q in HELDOUT12["query"] if plain(q) in written]
    assert not [q for q in HELDOUT13["query"] if plain(q) in written]


def test_every_label_is_a_catalogue_id(matcher):
    for table in (HELDOUT4, HELDOUT8, HELDOUT9, HELDOUT12, HELDOUT13, DEV_REAL10, DEV_REAL11, DEV, MUST_MATCH):
        unknown = set(table["indicator_id"]) - set(matcher.mappings.indicators) - {""}
        assert not unknown


def test_one_indicator_written_many_ways_lands_on_one_id(matcher):
    names = [
        "% re-referrals to Social Care within 12 months",
        "Children's social care re-referrals",
        "% of referrals which are repeat referrals",
        "SCC/010 % of repeat referrals within 12 months",
    ]
    ids = {_match(matcher, n).indicator_id for n in names}
    assert len(ids) == 1 and None not in ids


def test_distinct_pairs_stay_apart(matcher):
    pairs = [
        ("Children's social care referrals per 10,000 population", "Number of referrals"),
        ("% Care Leavers in Touch (17-18 years old)", "% Care Leavers in Touch (19-21 years old)"),
        ("% of Child Protection Plans lasting 2 years or more",
         "% of children with a second or subsequent Child Protection Plan"),
        ("% of draft EHCPs issued within 16 weeks of the date of request",
         "% of EHCPs issued within 20 weeks of the date of request"),
    ]  # fmt: skip
    for a, b in pairs:
        ma, mb = _match(matcher, a), _match(matcher, b)
        assert ma.indicator_id and mb.indicator_id, (ma.as_json(), mb.as_json())
        assert ma.indicator_id != mb.indicator_id, (a, b, ma.indicator_id)


def test_a_code_wins_over_the_words(matcher):
    found = matcher.match("SCC/010 something printed differently")
    assert found.method == "code"


def test_nonsense_is_unmatched_with_candidates(matcher):
    found = _match(matcher, "Number of potholes repaired on the A38")
    assert found.indicator_id is None and found.method == "unmatched"
    assert len(found.candidates) == DEFAULT_SETTINGS.match.candidates


@pytest.mark.slow  # runs every golden case
def _outside_catalogue(case) -> dict[str, str]:
    """A case's table names the catalogue has no indicator for (`outside_catalogue.csv`:
    `indicator_raw,reason`), kept unmatched on purpose rather than forced onto a near miss."""
    path = case / "outside_catalogue.csv"
    if not path.exists():
        return {}
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert all(r["indicator_raw"] and r["reason"] for r in rows), f"{path}: every row needs a name and a reason"
    return {r["indicator_raw"]: r["reason"] for r in rows}


def test_every_seed_table_name_matches(pipeline):
    """Every indicator printed in a seed's KPI table lands on a catalogue id, but for the names its
    case lists as outside the catalogue; each of those must still be printed and unmatched (a listed
    name the tool now matches, or no longer reads, is taken off the list)."""
    from helpers import case_dirs, run_case

    unmatched, stale = [], []
    for case in case_dirs():
        outside = _outside_catalogue(case)
        table_rows = [row for row in run_case(case, pipeline).observations if row["source"] == "table"]
        left = {row["indicator_raw"] for row in table_rows if row["indicator_id"] is None}
        unmatched += [(case.name, name) for name in left if name not in outside]
        stale += [(case.name, name) for name in outside if name not in left]
    assert not sorted(set(unmatched))
    assert not sorted(stale), "listed in outside_catalogue.csv but matched or not read: take them off the list"


def test_outside_catalogue_lists_are_read(tmp_path):
    """A case's outside_catalogue.csv is read, and a row without a reason is refused."""
    (tmp_path / "outside_catalogue.csv").write_text(
        "indicator_raw,reason\nYour Call clean ups delivered,street cleaning: no children's-services entry\n",
        encoding="utf-8",
    )
    expected = {"Your Call clean ups delivered": "street cleaning: no children's-services entry"}
    assert _outside_catalogue(tmp_path) == expected
    (tmp_path / "outside_catalogue.csv").write_text("indicator_raw,reason\nSome name,\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="needs a name and a reason"):
        _outside_catalogue(tmp_path)


@pytest.mark.parametrize(
    ("name", "council_code"),
    [
        ("Within 6 weeks: decisions to assess", None),  # a word and a number are words
        ("Under 18 conception rate", None),
        ("EHCP 20 wks", None),
        ("L2 at 19", None),
        ("GCSE 9-4 English and maths", None),
        ("CP1- Number of children in care", "CP1"),  # a council's own code
        ("KPI 12 Number of referrals", "KPI12"),
        ("EA3: Percentage of Early Years settings", "EA3"),
    ],
)
def test_council_codes_are_codes_and_words_are_words(matcher, name, council_code):
    assert matcher.read(name).council_code == council_code


@pytest.mark.parametrize(
    ("name", "ages", "numbers"),
    [
        ("16- to 17-year-olds NEET", {(16, 17)}, set()),
        ("% of 17-18 year-old care leavers in touch", {(17, 18)}, set()),
        ("Assessments completed within 45 working-days", set(), {"45d"}),
        ("Within 6 weeks", set(), {"6w"}),
        ("Plans lasting over 2 years", set(), {"24m"}),
        # round 22: a span of time with a slash or "to" is the span, not an age ("at 6") and a time
        ("Breastfeeding at 6/8 weeks of age", set(), {"6-8w"}),
        ("Breastfeeding at 6 to 8 weeks", set(), {"6-8w"}),
        ("Care leavers aged 19 to 21 years", {(19, 21)}, set()),
    ],
)
def test_hyphenated_ages_and_times(matcher, name, ages, numbers):
    r = matcher.read(name)
    assert set(r.ages) == ages and set(r.numbers) == numbers, r


@pytest.mark.parametrize(
    ("name", "measures"),
    [
        ("# of referrals", {"count"}),
        ("Referrals (No.)", {"count"}),
        ("Referrals (rate/10k)", {"rate_per_10k"}),
        ("Referrals %age", {"percent"}),
        ("Children's services spend per child", {"gbp"}),
    ],
)
def test_measure_words(matcher, name, measures):
    r = matcher.read(name)
    assert set(r.measures) == measures and not r.numbers, r


def test_the_matcher_cache_key_reads_every_module_the_matcher_is_built_from():
    """A pickled matcher is reused while its key holds: the key must hash every project module
    extract.tidy.matching imports, directly or through another, or an edit to one of them would
    keep serving a matcher built by the old code."""
    import ast
    import importlib

    from extract.tidy import matcher_store

    def project_imports(module: str) -> set[str]:
        tree = ast.parse(Path(importlib.import_module(module).__file__).read_text())
        return {
            n.module
            for n in ast.walk(tree)
            if isinstance(n, ast.ImportFrom) and n.module and n.module.startswith("extract.")
        }

    seen, todo = set(), ["extract.tidy.matching"]
    while todo:
        m = todo.pop()
        if m not in seen:
            seen.add(m)
            todo += project_imports(m)
    key_source = Path(matcher_store.__file__).read_text().split("def _matcher_key", 1)[1].split("\ndef ", 1)[0]
    missing = {m for m in seen if f'"{m}"' not in key_source}
    assert not missing, f"modules the matcher is built from but its cache key does not read: {sorted(missing)}"



def test_extract_match_reads_the_mapping_files_only_to_build_a_matcher(tmp_path, monkeypatch):
    """`extract match` finds a kept matcher by the mapping files' fingerprint without loading
    them; with none kept it loads them, builds one and keeps it (the same matcher either way)."""
    from extract import mappings as mappings_module
    from extract.mappings import load_mappings
    from extract.tidy import matcher_store

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("EXTRACT_NO_MATCHER_CACHE", raising=False)
    loads = []
    monkeypatch.setattr(mappings_module, "load_mappings", lambda root=None: loads.append(root) or load_mappings(root))
    built = matcher_store.matcher_from_files()
    assert len(loads) == 1 and list((tmp_path / "extract").glob("matcher-*.pickle"))
    kept = matcher_store.matcher_from_files()
    assert len(loads) == 1, "a kept matcher for these mapping files is used without loading them"
    assert kept.mappings.version == built.mappings.version == load_mappings().version
    name = "Percentage of children looked after with 3 or more placements"
    assert kept.match(name).as_json() == built.match(name).as_json()

@pytest.mark.parametrize(
    ("name", "in_the_year"),
    [
        ("% of statutory visits to LAC due in the year that took place", True),
        ("Initial assessments completed during the year", True),
        ("Re-referrals within 12 months of a previous referral", False),
        ("Children looked after for at least 12 months", False),
        ("Children in care with 3 or more placements in the year and 2 years in one", False),
    ],
)
def test_in_the_year_is_the_reporting_period_not_a_timescale(matcher, name, in_the_year):
    assert matcher.read(name).in_the_year is in_the_year


def test_an_entry_stating_no_time_is_not_blocked_by_in_the_year():
    """The reporting period ("in the year") is left unsaid by most entries; "within 12 months" is a
    timescale and still needs an entry that states it."""
    import dataclasses

    from extract.settings import ScoreWeights

    bare = Matcher(dataclasses.replace(load_mappings(), aliases=[]))
    year = bare.read("statutory visits to children in care in the year")
    ok, penalty = bare._allowed(year, None)
    i = bare.index_of["cla_visits_in_timescale_pct"]
    assert ok[i] and penalty[i] >= ScoreWeights().year_only
    ok, _ = bare._allowed(bare.read("statutory visits to children in care within 12 months"), None)
    assert not ok[i]


@pytest.mark.parametrize("name", ["16/17-year-olds presenting as homeless", "16/17 year olds", "16 / 17 year old"])
def test_two_ages_joined_by_a_slash_are_an_age_band(matcher, name):
    r = matcher.read(name)
    assert r.ages == {(16, 17)} and not r.numbers, r


def test_the_acceptance_rule_floors():
    """Below the floor a table row is accepted only when every printed word is the one allowed
    entry's (sole) or when it states a timescale or threshold that entry shares (anchored); the
    generic and narrative rules never relax."""
    table, generic = DEFAULT_SETTINGS.fuzzy_rule(), DEFAULT_SETTINGS.fuzzy_rule("generic")
    assert not table.accepts(50.0, 30.0, 0.5)
    assert table.accepts(50.0, 30.0, 0.5, anchored=True)
    assert not table.accepts(50.0, 45.0, 0.5, anchored=True)  # the floor's lead still holds
    assert not table.accepts(50.0, 30.0, 0.3, anchored=True)  # ... and its share of words
    assert table.accepts(42.0, 10.0, 1.0) and not table.accepts(42.0, 10.0, 0.8)
    assert not generic.accepts(50.0, 0.0, 1.0, anchored=True) and not generic.accepts(42.0, 0.0, 1.0)


def test_a_score_near_the_floor_needs_a_wider_lead():
    """Issue 9 round 4: below `close_until` (66) every acceptance path also needs `margin` (4) plus
    `close_slope` (0.5) points of lead per point short of it; at and above 66 the lead is `margin`."""
    table = DEFAULT_SETTINGS.fuzzy_rule()
    assert table.accepts(66.0, 62.0) and table.accepts(64.0, 59.0)
    assert not table.accepts(64.0, 59.5)  # lead 4.5 clears the margin, not the 5 a 64 needs
    assert table.accepts(50.0, 38.0, 0.5, anchored=True)  # an anchored 50 needs a lead of 12 ...
    assert not table.accepts(50.0, 39.0, 0.5, anchored=True)  # ... where the floor's lead alone is 10
    plain = dataclasses.replace(table, close_slope=0.0)
    assert plain.accepts(64.0, 59.5) and plain.accepts(50.0, 39.0, 0.5, anchored=True)


def test_a_narrower_entry_needs_a_lead_over_one_that_is_not():
    """Issue 9 round 13: an entry narrower than the name (it pays for a population part, qualifier, age
    band or timescale the name does not state) is accepted only when it leads every allowed entry that
    is not narrower by `narrow_margin` (25; 33 since round 16); an entry that is not narrower is not held to it."""
    table = DEFAULT_SETTINGS.fuzzy_rule()
    assert table.narrow_margin == 33.0
    assert not table.accepts(84.7, 77.1, narrower=True, plain_runner_up=77.1)
    assert not table.accepts(67.4, 40.2, narrower=True, plain_runner_up=40.2)  # round 16: 27 points is not enough
    assert table.accepts(84.7, 77.1, narrower=True, plain_runner_up=51.7)
    assert table.accepts(84.7, 77.1, narrower=False, plain_runner_up=77.1)
    assert dataclasses.replace(table, narrow_margin=0.0).accepts(84.7, 77.1, narrower=True, plain_runner_up=77.1)


@pytest.mark.parametrize(
    "name, indicator_id",
    [
        # the children-in-need entry is about part of the children; the all-pupils entry, 7 points behind,
        # agrees with all the name says: the name does not say which (before: the children-in-need entry)
        ("Proportion of children achieving the expected standard in maths at KS2", None),
        ("Children achieving the expected standard in reading at Key Stage 2 (%)", None),
        # children in care, or young people in treatment (before: the children-in-care entry)
        ("Children with substance misuse problems (%)", None),
        # a PEP, or a PEP within 20 school days (before: the 20-day entry)
        ("Children with a PEP", None),
        # guards: a narrower entry no other entry comes near, and entries that are not narrower
        ("Looked after children placed within 20 miles", "plc_within_20_miles_pct"),
        ("up to date dental checks", "hlt_dental_check_pct"),
        ("Percentage of young people with a substance misuse problem", "hlt_substance_misuse_young_people_pct"),
        (
            "Proportion of children reaching the expected standard in maths at Key Stage 2",
            "edu_ks2_expected_standard_maths_pupils_pct",
        ),
    ],
)
def test_round13_narrower_entries(matcher, name, indicator_id):
    assert _match(matcher, name).indicator_id == indicator_id


def test_one_entry_agreeing_on_every_stated_facet_is_accepted_lower(matcher):
    """Issue 9 round 11: when the facets leave one entry, the name states its measure and its population
    and the entry states nothing the name lacks, a table row is accepted from `agreed_floor` (50); a
    generic or narrative row never is, and a name stating no population is not."""
    table, narrative = DEFAULT_SETTINGS.fuzzy_rule(), DEFAULT_SETTINGS.fuzzy_rule("narrative")
    assert table.accepts(52.0, 0.0, 0.3, agreed=True) and not table.accepts(52.0, 0.0, 0.3)
    assert not table.accepts(48.0, 0.0, 0.3, agreed=True) and not narrative.accepts(52.0, 0.0, 0.3, agreed=True)
    found = _match(matcher, "Percentage of child protection visits due in the period completed within 10 days")
    assert found.indicator_id == "cp_visits_10wd_pct", found.as_json()
    # "staff" is no population: the social worker turnover entry stays unmatched at its low score
    assert _match(matcher, "The % of annual staff turnover").indicator_id is None


@pytest.mark.parametrize(
    "name, indicator_id",
    [
        ("Excess weight 10 - 11 years", "hlt_children_year_6_overweight_or_obese_pct"),
        (
            "Children killed or seriously injured in road traffic accidents aged 0-15",
            "hlt_children_killed_or_seriously_road_traffic_accidents_rate_per_100k",
        ),
    ],
)
def test_an_age_band_from_the_entrys_definition_agrees(matcher, name, indicator_id):
    """Issue 9 round 11: mappings/entry_facets.csv gives an entry the age band its definition states
    (NCMP year 6 'aged 10-11'), which a name may print where the entry's own name has none."""
    assert _match(matcher, name).indicator_id == indicator_id
    # a fact of the entry, not a word of its name: a name stating no age pays nothing for it
    assert _match(matcher, "Children in year 6 who are overweight or obese").indicator_id == (
        "hlt_children_year_6_overweight_or_obese_pct"
    )


@pytest.mark.parametrize(
    ("name", "indicator_id"),
    [
        (
            "Percentage of disadvantaged 2 year olds benefitting from funded early education",
            "edu_2_year_old_children_funded_early_education_pct",
        ),
        ("Percentage of assessments where an EHC plan was issued", "send_assessments_where_plan_was_issued_pct"),
        (
            "Re-offending rate of young offenders aged 10-17",
            "yj_rate_proven_re_offending_young_offenders_rate_per_100k",
        ),
    ],
)
def test_a_qualifier_from_the_entrys_definition_agrees(matcher, name, indicator_id):
    """Issue 9 round 18: mappings/entry_facets.csv gives an entry a qualifier its definition states (LAIT: the
    funded offer is for eligible, disadvantaged 2-year-olds): a name stating it agrees (all three were refused)."""
    assert _match(matcher, name).indicator_id == indicator_id
    # implied, not a word of its name: a name leaving it unsaid is not refused, one stating another value is
    assert _match(matcher, "Percentage of 2 year olds benefitting from funded early education").indicator_id == (
        "edu_2_year_old_children_funded_early_education_pct"
    )
    other = "Percentage of non-disadvantaged 2 year olds benefitting from funded early education"
    assert _match(matcher, other).indicator_id != "edu_2_year_old_children_funded_early_education_pct"


def test_a_vetoed_candidate_is_no_rival(matcher):
    """The lead is over the best other indicator the facets allow: final EHCPs in 20 weeks are
    not held back by the 16-week draft plans, which the name's 20 weeks rule out."""
    import dataclasses

    bare = Matcher(dataclasses.replace(load_mappings(), aliases=[]))
    found = _match(bare, "final EHCPs issued within 20 weeks")
    assert found.indicator_id == "ehcp_issued_20wks_pct", found.as_json()


def test_welsh_measure_stands_for_welsh_papers():
    """PM24 (Welsh statutory timescale) and the English 45-working-day measure share their words:
    outside a Welsh council's papers the English one is meant; in a Welsh council's, PM24. Scored
    without the alias files (they name the English measure for these words everywhere)."""
    import dataclasses

    bare = Matcher(dataclasses.replace(load_mappings(), aliases=[]))
    name = "Child and family assessments completed within timescale"
    welsh = "csc_assessments_completed_children_within_timescales_pct"
    assert _match(bare, name).indicator_id != welsh
    assert _match(bare, name, "W06000002").indicator_id == welsh  # Gwynedd
    assert bare.match("PM24 assessments completed in timescale").indicator_id == welsh  # its code decides


def test_a_sum_of_orders_is_not_one_of_them(matcher):
    """A name naming several values of one group ("adoption and special guardianship") is their
    sum: an entry naming only one is a part, another indicator."""
    found = _match(matcher, "Children leaving care through adoption and special guardianship orders (%)")
    assert found.indicator_id not in {"cla_ceased_sgo_pct", "cla_adopted_pct"}, found.as_json()
    assert _match(matcher, "Children leaving care through a special guardianship order (%)").indicator_id == (
        "cla_ceased_sgo_pct"
    )


def test_returning_to_care_is_reentering_it():
    """'Re-entries to care' is a child starting care again, not 'returned home from care' (PM26)."""
    import dataclasses

    bare = Matcher(dataclasses.replace(load_mappings(), aliases=[]))
    assert _match(bare, "Re-entries into care within 12 months (%)").indicator_id == "cla_re_entries_12m_pct"


def test_what_is_excluded_is_another_count(matcher):
    """'Children in care excluding UASC' leaves the UASC out: the UASC entry is another count, and
    the words after 'excluding' state no qualifier of the name."""
    name = "Number of children in care excluding unaccompanied asylum-seeking children"
    r = matcher.read(name)
    assert "population:uasc" in r.excluded and "population:uasc" not in r.quals, r
    assert _match(matcher, name).indicator_id != "cla_uasc_count"


def test_a_bracket_saying_what_is_included_narrows_nothing(matcher):
    r = matcher.read("Children (including unborn children) on child protection plans")
    assert not any(q.startswith("unborn:") for q in r.quals), r
    assert any(q.startswith("unborn:") for q in matcher.read("Unborn children on child protection plans").quals)


def test_in_the_year_does_not_make_a_count_a_share(matcher):
    """'in the year' is the reporting period: a count of plans starting is not taken for a rate."""
    assert _match(matcher, "Child protection plans starting in the year").indicator_id == "cp_plan_starts_count"


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("Dental health checks completed", {"health_check:dental"}),
        ("Whether the child had their teeth checked by a dentist", {"health_check:dental"}),
        ("Review health checks completed", {"health_check:health_assessment"}),
    ],
)
def test_which_health_check(matcher, name, check):
    assert {q for q in matcher.read(name).quals if q.startswith("health_check:")} == check


def test_secure_is_part_of_a_secure_and_childrens_homes_entry(matcher):
    """'secure children's homes' is read as secure only; its own rule is 'same': the entry for
    secure homes and children's homes together is a sum the name is part of. A name about
    children's homes still reaches that entry."""
    quals = matcher.read("Children in secure children's homes").quals
    assert {q for q in quals if q.startswith("placement_type:")} == {"placement_type:secure"}
    assert _match(matcher, "Children accommodated in secure children's homes").indicator_id is None
    assert _match(matcher, "% of looked after children in children's homes").indicator_id == "plc_childrens_homes_pct"


@pytest.mark.parametrize(
    "name",
    [
        "Number of children waiting for adoption",
        "Number of privately fostered children",
        "Staff sickness absence days per FTE",
        "Percentage of children placed out of area",
        "Looked after children placed in private residential",
        "Cost of children's social care per child",
        "Children receiving short breaks",
    ],
)
def test_a_qualifier_no_entry_shares_leaves_a_name_unmatched(matcher, name):
    """Waiting (a state), private fostering, staff sickness, out of area, private providers, money,
    short breaks: a name stating one needs an entry that states it (qualifier_words.csv)."""
    assert _match(matcher, name).indicator_id is None, _match(matcher, name).as_json()


def test_a_group_rule_is_its_first_rows(matcher):
    assert matcher.vocab.rules["placement_type"] == "stated"
    assert matcher.vocab.value_rules["placement_type:secure"] == "same"


def test_an_including_clause_ending_the_name_narrows_nothing(matcher):
    r = matcher.read("Children in care including 16 and 17 year olds")
    assert not r.ages and r.text == "children care", r
    assert _match(matcher, "Children in care including unaccompanied minors").indicator_id == "cla_count"
    assert "exceptions:including" in matcher.read("EHCPs issued within 20 weeks including exception cases").quals


def test_a_share_of_children_in_care_is_not_a_share_of_fostered_children(matcher):
    """The denominator rule: a conflict only when both sides name one, free when the name names none."""
    name = "Percentage of looked after children placed in in-house foster care"
    assert _match(matcher, name).indicator_id is None
    assert _match(matcher, "% of fostered children placed with in-house foster carers").indicator_id == (
        "plc_in_house_fostering_pct"
    )
    bare = matcher.read("In-house foster placements")
    assert not any(q.startswith("denominator:") for q in bare.quals)


def test_decided_match_without_ranking_is_the_same_match(matcher):
    """The pipeline skips ranking when a code, the exact name or an alias decides; the match is
    the same, only without candidates (kept for unmatched names alone). Names from must_match.csv."""
    decided = 0
    for row in MUST_MATCH.to_dict("records"):
        scopes = (row.get("council_id", ""),)
        ranked = matcher.match(row["query"], scopes=scopes, rule=DEFAULT_SETTINGS.fuzzy_rule())
        quick = matcher.match(row["query"], scopes=scopes, rule=DEFAULT_SETTINGS.fuzzy_rule(), rank_decided=False)
        assert (quick.indicator_id, quick.method, quick.score) == (ranked.indicator_id, ranked.method, ranked.score)
        if ranked.method in {"code", "exact", "alias"}:
            decided += 1
            assert quick.candidates == [] and ranked.candidates
        else:
            assert quick.candidates == ranked.candidates
    assert decided  # the list holds names a code, exact name or alias decides


@pytest.mark.parametrize(
    "name",
    ["Children in need per 10,000 population (0-17 years)", "Children in need per 10,000 0-17 population"],
)
def test_the_age_of_a_rates_base_is_no_timescale_and_no_word(matcher, name):
    """Issue 9 round 5: "(0-17 years)" after a rate is the base's (default) age band, not a time of
    0 to 17 years; "per 10,000 0-17 population" is the base, none of the indicator's words."""
    r = matcher.read(name)
    assert not r.numbers and not r.ages and "population" not in r.text.split(), r


def test_round5_readings(matcher):
    """'> 1' is 'more than 1' (2 or more); what follows a timescale's 'of' starts its clock and
    states no qualifier; a bracket opening 'all children' defines the count and narrows nothing."""
    assert "n2" in matcher.read("% of children with > 1 placement").numbers
    clock = matcher.read("Initial conferences held within 15 days of the strategy discussion or referral")
    assert "event:referral" not in clock.quals and "15d" in clock.numbers, clock
    defined = matcher.read("Children in need (all children with an open referral)")
    assert "event:referral" not in defined.quals and "referral" not in defined.text.split(), defined


def test_round6_readings(matcher):
    """DfE's OC2 cohort ('looked after continuously for at least 12 months') is no 12-month
    timescale; a 12-month timescale still is one; '16- and 17-year-olds' is one age band; 'in each
    of the last N years' is the reporting periods; an absence threshold DfE defines is its entry's."""
    cohort = matcher.read("Children looked after continuously for at least 12 months with a dental check")
    assert "12m" not in cohort.numbers and "cohort:oc2" in cohort.quals and "population:cla" in cohort.quals, cohort
    assert "12m" in matcher.read("Children re-entering care within 12 months").numbers
    assert "cohort:oc2" not in matcher.read("Children in care 12 months on 31 March").quals
    assert (16, 17) in matcher.read("16- and 17-year-olds not in education, employment or training").ages
    assert not matcher.read("Children placed for adoption in each of the last 3 years").numbers
    severe = _match(matcher, "Severely absent pupils (50% or more of sessions)")
    assert severe.indicator_id == "att_severe_absence_pct", severe.as_json()
    persistent = _match(matcher, "Pupils persistently absent (10% or more sessions missed)")
    assert persistent.indicator_id == "att_persistent_absence_pct", persistent.as_json()
    assert _match(matcher, "Number of Section 47 investigations").indicator_id == "cp_s47_count"


def test_round7_readings(matcher):
    """An official code no entry carries names a measure the catalogue lacks; a care plan is a plan
    of its own; the YJB's cohort wording is youth justice; 'open to social care' is in need; a
    bracket '(includes all children ...)' defines; every school phase is all schools; a dotted
    reference is a council's code; an allocated worker is any worker; a step up or down is a move
    between services; each time a name states must be the entry's."""
    assert _match(matcher, "NI 39 Rate of hospital admissions for alcohol related harm").indicator_id is None
    ksi_all_ages = _match(matcher, "NI 47 Killed or seriously injured casualties in road traffic accidents")
    assert ksi_all_ages.indicator_id is None, ksi_all_ages.as_json()
    # Wales's 2020 codes are carried only in part: the words still decide
    assert _match(matcher, "CH/015 The number of children looked after").indicator_id == "cla_count"
    ksi = matcher.match("NI 48 Children killed or seriously injured in road traffic accidents")
    assert ksi.method == "code" and ksi.indicator_id.startswith("hlt_children_killed"), ksi.as_json()
    assert "care_plan:care_plan" in matcher.read("Children on a child protection plan with a care plan").quals
    assert _match(matcher, "% of children subject to a child protection plan who have a care plan").indicator_id is None
    yj = matcher.read("Children in the community and being released from custody in suitable accommodation")
    assert "population:youth_justice" in yj.quals and "custody:custody" not in yj.quals, yj
    assert "population:cin" in matcher.read("Children open to social care per 10,000").quals
    defined = matcher.read("Children in need per 10,000 (includes all children with an open referral)")
    assert "event:referral" not in defined.quals, defined
    phases = matcher.read("Pupils in good schools (primary, secondary and special)")
    assert not any(q.startswith("school_phase:") for q in phases.quals), phases
    assert matcher.read("2.1.3 Percentage of re-referrals within 12 months").council_code == "2.1.3"
    assert _match(matcher, "Children in need with an allocated worker").indicator_id is None
    assert _match(matcher, "Early help families stepped up to children's social care").indicator_id is None
    stability = _match(matcher, "Children looked after for 3 years who have been in the same placement for 2 years")
    assert stability.indicator_id != "plc_long_term_stability_pct", stability.as_json()


def test_round8_readings(matcher):
    """Issue 9 round 8 (held-out 5 promoted), each rule probed with names of its own: dates with short
    month names, 'at the end of 2022/23', 'in the calendar year', a census and
    Northern Ireland's Trusts are when or whose, not which indicator; wordings as councils write them;
    'three- and four-year-olds' is one age band; staff 'in post' are a count; an under-16 entry is no
    answer to a name that states no age."""
    assert not matcher.read("Social workers at 30 Sept").numbers
    assert "end" not in matcher.read("Children looked after at the end of 2022/23").text.split()
    assert "calendar" not in matcher.read("Adoptions in the calendar year of 2019").text.split()
    assert "census" not in matcher.read("Children looked after recorded in the SSDA903 census").text.split()
    assert "trusts" not in matcher.read("Care leavers in touch with Health and Social Care Trusts").text.split()
    assert matcher.read("Three- and four-year-olds taking up a funded place").ages == {(3, 4)}
    assert matcher.read("Qualified social workers in post").measures == {"count"}
    assert "fsm:fsm" in matcher.read("Pupils known to be eligible for free meals").quals
    assert "eligible" in matcher.read("Pupils entitled to free school meals").text.split()
    assert "disability:disabled" in matcher.read("Children in need who had a disability").quals
    assert "visited" not in matcher.read("Children in care who visited a dentist").text.split()
    assert "not_known:not_known" in matcher.read("16-17 year olds NEET (inc not known)").quals
    assert "status:neet" in matcher.read("Not in education, employment and training").quals
    assert "semh" in matcher.read("Pupils with social, emotional and mental health needs").text.split()
    assert "framework" in matcher.read("CAFs initiated").text.split()
    assert "caution" in matcher.read("Young people given a police warning").text.split()
    assert "breastfeeding" in matcher.read("Breast feeding at 6-8 weeks").text.split()
    assert "astarc" in matcher.read("Pupils with 5 A*- C grades").named
    assert "funded" in matcher.read("Two year olds benefiting from the 2 year old offer").text.split()
    assert "funded" in matcher.read("Take up of the universal 15 hours").text.split()
    assert "population:cp" in matcher.read("Children becoming the subject of a protection plan").quals
    bare = Matcher(dataclasses.replace(load_mappings(), aliases=[]))
    under16 = bare.index_of["plc_under16_unregistered_count"]
    assert not bare._allowed(bare.read("Children placed in unregistered accommodation"), None)[0][under16]
    assert bare._allowed(bare.read("Children under 16 placed in unregistered accommodation"), None)[0][under16]


# Issue 9 round 9: the same indicator name as councils decorate it in a KPI table (column labels run into
# the name, dates, footnote markers, a target printed with its value): each decoration is when, whose or a
# note, never which indicator, so the answer must not move. Written for the round from ten catalogue
# indicators; no held-out name.
ROUND9_BASES = {
    "Children in need per 10,000": "cin_rate_per_10k",
    "Re-referrals within 12 months (%)": "csc_re_referrals_12m_pct",
    "Care leavers in suitable accommodation aged 19-21": "cl_suitable_accom_19_21_pct",
    "Assessments completed within 45 working days": "csc_assessments_45d_pct",
    "New EHCPs issued within 20 weeks": "ehcp_issued_20wks_pct",
    "Social worker vacancy rate": "wf_sw_vacancy_rate_pct",
    "Persistent absence": "att_persistent_absence_pct",
    "Initial child protection conferences held within 15 working days": "cp_icpc_15wd_pct",
    "Children subject to a child protection plan": "cp_plans_count",
}
ROUND9_DECORATIONS = [
    "{} (Mar-24)", "{} - Sep 23", "{} at 30/09/2023", "{} on 31.03.2024", "{} (Apr-Jun)", "{} as at end of March",
    "{} (end of quarter)", "{} - position at 31 March", "{} (latest)", "{} latest quarter", "{} this quarter",
    "{} (financial year)", "{} in the academic year", "{} R12M", "{} [note 1]", "{} (see note)", "{} (target 90%)",
    "{} (KPI)", "{} (local measure)", "{} (annual)", "{} (FY)", "{} - actual",
]


@pytest.mark.parametrize("base", list(ROUND9_BASES))
def test_round9_decorations_do_not_move_the_answer(matcher, base):
    moved = {}
    for d in ROUND9_DECORATIONS:
        got = _match(matcher, d.format(base)).indicator_id
        if got != ROUND9_BASES[base]:
            moved[d] = got
    assert not moved, moved


def test_round9_readings(matcher):
    """Issue 9 round 9: an age bound written with a hyphen or as a plural ('under-18', 'under-16s') is
    the age band 'under 18' is; a comparator row ('- England average') is another figure, left unmatched."""
    assert matcher.read("Under-16s placed in unregistered accommodation").ages == matcher.read(
        "Children under 16 placed in unregistered accommodation"
    ).ages
    assert not matcher.read("Under-18 conception rate").numbers
    assert _match(matcher, "Under-18 conceptions").indicator_id == "hlt_under_18_conception_rates_rate_per_1k"
    assert _match(matcher, "Persistent absence - England average").indicator_id is None


# Issue 9 round 9: short forms as scorecards print them (my own probes, no held-out name), each read by
# a general rule: a reviewed abbreviation (s.47, EHCNA, accom., w/d, EXS), '(n)' for a count, '> 20
# miles', an acronym before an age range is no council code (NEET 16-17) and a dotted number is the
# council code's (CSC 3.2), 'per 10,000 0-17 year olds'
# is the rate's base, and a bounded entry (plans lasting 2 years or more) is no answer to a name
# that states no bound when the unbounded count is there.
ROUND9_FORMS = {
    "s.47 enquiries (No.)": "cp_s47_count",
    "EHCNA requests": "ehcp_requests_count",
    "CL aged 19-21 in suitable accom.": "cl_suitable_accom_19_21_pct",
    "% ICPC within 15 w/d": "cp_icpc_15wd_pct",
    "KS2 - RWM EXS": "edu_ks2_rwm_expected_pct",
    "Number of LAC (n)": "cla_count",
    "LAC placed > 20 miles from home": "plc_over_20_miles_pct",
    "NEET 16-17": "edu_16_17_neet_pct",
    "Children in care per 10,000 0-17 year olds": "cla_rate_per_10k",
    "Children on CP Plans": "cp_plans_count",
    "Children on the child protection register (rolling 12 months)": "cp_plans_count",
    "CSC 3.2 Children in care per 10,000": "cla_rate_per_10k",
    "Care leavers aged 19, 20 and 21 in suitable accommodation": "cl_suitable_accom_19_21_pct",
    "19, 20 and 21 year old care leavers in EET": "cl_eet_19_21_pct",
    "Number of children we look after": "cla_count",
    "% achieving 9-5 in English and maths": "edu_achieving_9_5_pass_english_maths_pct",
    "Infant deaths per 1,000 live births": "hlt_infant_mortality_rate_per_1k",
    "Suspensions per 100 pupils": "ex_suspensions_rate_pct",
}


@pytest.mark.parametrize("name", list(ROUND9_FORMS))
def test_round9_short_forms(matcher, name):
    assert _match(matcher, name).indicator_id == ROUND9_FORMS[name]


def test_round9_breakdowns_stay_unmatched(matcher):
    assert _match(matcher, "Age of children on a child protection plan at 31 March").indicator_id is None


def test_round10_readings(matcher):
    """Issue 9 round 10 (my own probes, no held-out name): an age band printed unbracketed after the name, as
    public-health tables print it ('..., 15 - 24 years', '0 - 15 years'), is an age band, not two numbers;
    '< 18 years' is 'under 18'; a duration ('for 1 - 2 years', 'by duration (1-2 years)') stays a duration."""
    assert matcher.read("Care leavers in suitable accommodation, 19 - 21 years").ages == matcher.read(
        "Care leavers in suitable accommodation (19-21 years)"
    ).ages
    assert not matcher.read("Care leavers in education, employment or training, 17 - 18 years").numbers
    assert matcher.read("Admissions < 18 years").ages == matcher.read("Admissions under 18 years").ages
    assert matcher.read("Children in need for 1 - 2 years").ages == frozenset()
    assert _match(matcher, "Care leavers in suitable accommodation, 19 - 21 years").indicator_id == (
        "cl_suitable_accom_19_21_pct"
    )
    assert _match(matcher, "Children in Need, by duration (1-2 years)").indicator_id == (
        "cin_children_need_duration_1_2_years_pct"
    )


def test_round10_vocabulary(matcher):
    """Issue 9 round 10: OHID's 'excess weight' is overweight or obese; a 'high school' is a secondary school
    (synonyms.csv; my own probes)."""
    assert _match(matcher, "Year 6: prevalence of excess weight").indicator_id == (
        "hlt_children_year_6_overweight_or_obese_pct"
    )
    assert _match(matcher, "Reception: prevalence of excess weight").indicator_id == (
        "hlt_children_reception_year_overweight_or_obese_pct"
    )
    assert _match(matcher, "High school persistent absence").indicator_id == "att_secondary_persistent_absence_pct"


def test_round10_denominator_phrase(matcher):
    """Issue 9 round 10: 'with whom the local authority is in touch' says whose denominator a care leaver
    measure has (period_phrases.csv); 'not in touch with' stays its own measure (my own probes)."""
    name = "Care leavers aged 19-21 in education, employment or training with whom the local authority is in touch"
    assert _match(matcher, name).indicator_id == "cl_eet_19_21_pct"
    assert _match(matcher, "Care leavers aged 19-21 the local authority is not in touch with").indicator_id == (
        "cl_care_leavers_aged_19_21_local_authority_not_touch_pct"
    )


@pytest.mark.parametrize(
    "name, op, indicator_id",
    [
        # 'taken into care' is starting to be looked after; 'in the last three months' is the period of a count
        ("Number of children taken into care in the last 3 months", "==", "cla_starts_count"),
        ("Children taken into care during the quarter", "==", "cla_starts_count"),
        # a referral source the name states is its own breakdown
        (
            "Referrals from the police closed with no further action",
            "!=",
            "cp_referrals_children_social_care_no_further_action_pct",
        ),
        ("Percentage of referrals from police that were re-referrals", "!=", "csc_re_referrals_12m_pct"),
        # Supporting Families' employment claims are not its significant and sustained outcomes
        ("Number of families achieving sustained employment outcomes", "!=", "eh_supporting_families_outcomes_count"),
        (
            "Families with continuous employment outcomes (Supporting Families)",
            "!=",
            "eh_supporting_families_outcomes_count",
        ),
        # DfE's children-in-care offending measure is of children aged 10 or over (entry_facets.csv)
        (
            "Percentage of children looked after aged 10 to 17 who were convicted or cautioned",
            "==",
            "yj_cla_convictions_pct",
        ),
        # 'aged 10 or over' (an open band) agrees with the entry's band from the same age (match_filter.py)
        ("Children looked after aged 10 or over who were convicted", "==", "yj_cla_convictions_pct"),
        # distance from home is only the 20-miles entries' (guards: these pass without the rule too)
        ("Distance from home of children in care", "!=", "cla_count"),
        ("Average distance from home of children in foster care", "!=", "plc_foster_care_pct"),
    ],
)
def test_round12_readings(matcher, name, op, indicator_id):
    got = _match(matcher, name).indicator_id
    assert (got == indicator_id) if op == "==" else (got != indicator_id), got


def test_the_match_benchmark_reads_every_names_file():
    """benchmarks/bench_match.py takes its real names from every tests/matcher CSV with a `query` column
    (a new file of another shape, such as the real-row audit, must not break it)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import bench_match

    names = bench_match.real_names()
    assert len(names) > 1000 and all(isinstance(n, str) and n.strip() for n in names)


def test_including_english_and_maths_is_a_condition_scored_bracketed_or_not(matcher):
    """Round 17: '(including English and Maths)' is a condition of the attainment measure, not what a count takes in:
    its words are scored whether the bracket is printed or not, so NI 75's entry (its words unbracketed) and a name
    printing them in a bracket meet, and the children-in-care entry (NI 101) no longer takes an all-pupils name."""
    bracketed = matcher.read("Pupils achieving five or more A*-C GCSEs (including English and Maths)").text
    plain = matcher.read("Achievement of 5 or more A*-C grades at GCSE or equivalent including English and Maths").text
    assert "english maths" in bracketed and "english maths" in plain
    found = _match(matcher, "Pupils achieving five or more A*-C GCSEs (including English and Maths)")
    assert found.indicator_id != "edu_looked_after_children_achieving_english_maths_pct"
    assert "edu_achievement_5_or_more_including_english_maths_pct" in [c.indicator_id for c in found.candidates]


def test_a_note_after_nb_is_not_the_name(matcher):
    """Round 17: 'NB Relates to academic years' says how to read the figure (period_phrases.csv)."""
    name = "16 to 18 year olds who are not in education, employment or training (NEET)"
    assert matcher.read(f"{name} NB Relates to academic years").text == matcher.read(name).text


@pytest.mark.parametrize(
    "name, indicator_id",
    [
        # issue 9 round 20: each entry is narrower than the name in another way (suspensions or absence of special
        # schools; assessments or referrals ending in no further action): the name chooses neither (before: the first)
        ("Special schools", None),
        ("No further action", None),
        # guards: the name states the event that sets one entry apart; the statutory reviews entry is narrower in
        # another way 12.8 points behind (sibling_margin 12)
        ("Assessments with no further action", "csc_assessments_nfa_pct"),
        ("Referrals with no further action", "cp_referrals_children_social_care_no_further_action_pct"),
        ("Child in need reviews carried out in timescale", "cin_reviews_in_timescale_pct"),
    ],
)
def test_round20_entries_narrower_in_other_ways(matcher, name, indicator_id):
    assert _match(matcher, name).indicator_id == indicator_id
    assert DEFAULT_SETTINGS.fuzzy_rule().sibling_margin == 12.0
    off = dataclasses.replace(DEFAULT_SETTINGS.fuzzy_rule(), sibling_margin=0.0)
    if indicator_id is None:  # without the rule, the first entry was taken
        assert matcher.match(name, rule=off).indicator_id is not None


def test_with_and_without_sen_names_both_groups(matcher):
    """Issue 9 round 20 (synonyms.csv): 'pupils with and without SEN' names both groups (a breakdown), never the
    entry of pupils with SEN; 'without SEN' is no SEN."""
    assert {"sen_status:sen", "sen_status:no_sen"} <= matcher.read("pupils with and without SEN").quals
    assert _match(matcher, "Average Progress 8 score, for pupils with and without SEN").indicator_id is None
    assert matcher.read("Pupils without special educational needs").quals == {"sen_status:no_sen"}


def test_a_level_the_name_states_is_the_entrys(matcher):
    """Issue 9 round 20: a level is the standard a measure counts: 'Level 4+' at KS2 (before 2016) is not the
    expected standard that replaced it, though both are KS2 (before: the FSM expected-standard entry)."""
    name = "Achievement at key stage 2, Level 4+ in Reading, Writing, Maths - pupils eligible for free school meals"
    assert _match(matcher, name).indicator_id is None
    found = _match(matcher, "Achievement at Level 4 or above in English and Maths at KS2")
    assert found.indicator_id == "edu_achievement_level_4_or_english_maths_key_stage_2_pct"


def test_a_name_about_absence_needs_an_entry_about_absence(matcher):
    """Issue 9 round 20 (qualifier_words.csv, group `absence`, rule `needed`): the absence rate of pupils with SEN is
    not the share of pupils on SEN support (before: that entry); an entry about absence pays nothing when the name
    leaves absence unsaid ('Special schools' stays unanswered between their suspensions and their absence)."""
    assert _match(matcher, "Absence rate for pupils with SEN").indicator_id is None
    assert _match(matcher, "Social worker absence rate").indicator_id == "wf_social_worker_absence_rate_pct"
    assert _match(matcher, "Pupils persistently absent").indicator_id == "att_persistent_absence_pct"
    assert _match(matcher, "Special schools").indicator_id is None


@pytest.mark.parametrize(
    "name, indicator_id",
    [
        # issue 9 round 20 (qualifier_words.csv): communication and language is an EYFS area of its own, as literacy
        # is (before: the literacy entry); Scotland's community settings are no family setting (before: that entry)
        (
            "School readiness: percentage of children achieving at least the expected level of development in "
            "communication and language and literacy skills at the end of Reception",
            None,
        ),
        ("looked after children placed in community settings", None),
        ("Foundation Stage - Communication & Language", "edu_foundation_stage_communication_language_pct"),
    ],
)
def test_round20_areas_and_settings_the_entry_lacks(matcher, name, indicator_id):
    assert _match(matcher, name).indicator_id == indicator_id
