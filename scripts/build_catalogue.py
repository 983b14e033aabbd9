# ruff: noqa: E501  (the tables below hold names as published, one per line)
"""Extend mappings/indicators.csv with the national indicator lists users recognise.

Adds, to the hand-written rows already in the catalogue (`source` = hand), one row per
measure of:

  * DfE's Children's Social Care National Framework dashboard
    (dfe/summary_page_metadata.csv, `metric_display_text`), except the four national
    counts of councils by Ofsted leadership rating (not a council's own figure);
  * DfE's Local Authority Interactive Tool (dfe/lait_data_dictionary.csv, `Measure`),
    every distinct measure, children's services, education, health and finance topics;
  * the Welsh social services performance measures PM24-PM35 (2016-2019 framework);
  * the children's and young people's National Indicators (NI, 2008-2010).

A measure already linked to a catalogue row (its `dfe_dashboard_measure` or
`lait_measure`, or an alias noted "LAIT wording" / "DfE CSC dashboard wording") is not
added again. Codes of the Welsh and NI lists that name an existing indicator are added to
that row's `official_codes` instead of creating a second row for the same measure.

Reads the shared reference-data folder (never read by the tool at run time):
    python scripts/build_catalogue.py [--data-dir ../shared/data]

Rewrites mappings/indicators.csv in place: hand rows first (unchanged but for
`official_codes`), then generated rows, each with its `source`. Stdlib only; the result is
deterministic, so re-running after an edit of the tables below gives a reviewable diff.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

from extract.mappings import CATALOGUE_COLUMNS, MATCHING_COLUMNS

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = PROJECT_ROOT / ".." / "shared" / "data"
CATALOGUE = PROJECT_ROOT / "mappings" / "indicators.csv"
ALIASES = PROJECT_ROOT / "mappings" / "aliases.csv"
# facts about an entry its name leaves out (an age band read from its definition), reviewed, each row noted
ENTRY_FACETS = PROJECT_ROOT / "mappings" / "entry_facets.csv"

COLUMNS = [*CATALOGUE_COLUMNS, *MATCHING_COLUMNS]  # the catalogue file the engine reads

DASHBOARD = "DfE CSC dashboard (summary_page_metadata.csv, CSC_outcomes_and_enablers @2f5d11a)"
LAIT = "DfE LAIT (lait_data_dictionary.csv, local-authority-interactive-tool @2e30e39)"
WELSH_PM = "Welsh Government PM24-PM35 (StatsWales 'Quantitative social services performance measures - Children and Care Leavers')"
NI = "National Indicator Set 2008 (CLG Handbook of Definitions, Annex 2: Children and Young People)"

# --------------------------------------------------------------------------------------
# Codes of the national lists that name an indicator already in the catalogue.
EXTRA_CODES = {
    "plc_3plus_placements_pct": ["NI 62", "PM33", "PAM/029"],
    "plc_long_term_stability_pct": ["NI 63"],
    "cp_ceased_plans_2yrs_plus_pct": ["NI 64"],
    "cp_second_or_subsequent_plan_pct": ["NI 65"],
    "cla_reviews_in_timescale_pct": ["NI 66"],
    "cp_reviews_in_timescale_pct": ["NI 67"],
    "csc_ia_7wd_pct": ["NI 59"],
    "csc_core_assess_35wd_pct": ["NI 60"],
    "cl_suitable_accom_age19_pct": ["NI 147"],
    "cl_eet_age19_pct": ["NI 148"],
    "hlt_sdq_avg_score": ["NI 58"],
    "ex_permanent_exclusions_rate_pct": ["NI 114"],
    "cla_school_moves_pct": ["PM32"],
    "hlt_cla_registered_gp_pct": ["PM31"],
    "edu_cla_ks2_csi_pct": ["PM29a"],
}

# Welsh public accountability measures (Data Cymru PAM set, children's services) that are a Welsh
# performance measure already generated below: the PAM code is one more code of that row.
WELSH_PAM = {"PM24": ["PAM/028"]}

# Dashboard measures that are the same indicator as a LAIT measure: one row, both links.
DASHBOARD_SAME_AS_LAIT = {
    8: "% session missed through overall absence",
    9: "% session missed through overall absence for CIN who are subject to a Child Protection Plan",
    10: "CLA Overall Absence",
    12: "% of Children in Need subject to a Child Protection Plan who are persistent absentees",
    17: "% of CIN achieving expected standard KS2 in Reading, Writing and Maths",
    18: "% of children with a CPP achieving expected standard KS2 in Reading, Writing and Maths",
    19: "CLA Key Stage 2 - Expected Std Reading, Writing & Maths",
    20: "CIN Average Attainment 8 score per pupil KS4",
    21: "Children with CPP Average Attainment 8 score per pupil",
    22: "CLA Key Stage 4 - AVG Attainment 8 score",
    25: "Emergency Hospital Admissions 0-14yr olds",
    44: "CLA ceased because of a residence order or child arrangement order  - Total (%)",
    50: "% of CLA in independent and semi-independent living arrangements/supported accommodation",
}
DASHBOARD_SKIP = {59, 60, 61, 62}  # national counts of councils by Ofsted rating

# LAIT repeats some measures under a second topic with other words: the second is the
# same indicator and is not added again.
LAIT_DUPLICATES = {
    "LAC Unauthorised Absence": "CLA Unauthorised Absence",
    "LAC Overall Absence": "CLA Overall Absence",
    "Percentage of LAC who are classed as persistent absentees": "Percentage of CLA who are classed as persistent absentees",
    "Percentage of LAC pupil with at least one fixed exclusion": "Percentage of CLA pupil with at least one fixed exclusion",
    "CIN - % sessions missed through authorised absence": "% sessions missed through authorised absence",
    "CIN - % sessions missed through unauthorised absence": "% sessions missed through unauthorised absence",
    "CIN - % session missed through overall absence": "% session missed through overall absence",
    "% session missed through overall absence for CIN who are subject to a Child Protection Plan 3 Terms": "% session missed through overall absence for CIN who are subject to a Child Protection Plan",
    "% of Children in Need who are persistent absentees 3 Terms": "% of Children in Need who are persistent absentees",
    "% of Children in Need subject to a Child Protection Plan who are persistent absentees 3 Terms": "% of Children in Need subject to a Child Protection Plan who are persistent absentees",
    "CIN - % with at least one fixed period exclusion": "% with at least one fixed period exclusion",
    "CIN - % with at least one permanent exclusion": "% with at least one permanent exclusion",
}

# LAIT measures that are an indicator already in the catalogue (same measure, other words)
# but are not yet linked: linked to that row when its lait_measure is free.
LAIT_SAME_AS_EXISTING = {
    "Children in Need rate per 10,000": "cin_rate_per_10k",
    "Number of Children looked after": "cla_count",
    "Children looked after rate per 10,000": "cla_rate_per_10k",
}

# NI and Welsh codes whose own LAIT row is generated below: code -> LAIT measure.
CODES_ON_LAIT = {
    "Under 18 Conception rates": ["NI 112"],
    "Prevalence of breastfeeding": ["NI 53"],
    "Children in  reception year who are overweight or obese": ["NI 55"],
    "Children in year 6 who are overweight or obese": ["NI 56"],
    "First Time entrants to the Youth Justice System": ["NI 111"],
    "Level 2 qualification by the age of 19": ["NI 79"],
    "Level 3 qualification by the age of 19": ["NI 80"],
    "Inequality gap in Level 3 qualification": ["NI 81"],
    "Inequality gap in Level 2 qualification": ["NI 82"],
    "Percentage of children in low income families": ["NI 116"],
    "Secondary Persistent Absence (new definition)": ["NI 87"],
    "Emergency Hospital Admissions 0-14yr olds": [],
    # round 7: NI 48 is this measure (children KSI); NI 47 is all ages, another indicator
    "Children killed or seriously injured in road traffic accidents": ["NI 48"],
}

# Plain names for LAIT measures whose Measure text is a column label rather than a name.
LAIT_NAMES = {
    "Primary Authorised": "Authorised absence from primary schools",
    "Primary Unauthorised": "Unauthorised absence from primary schools",
    "Total Primary Absence": "Overall absence from primary schools",
    "Secondary Authorised": "Authorised absence from secondary schools",
    "Secondary Unauthorised": "Unauthorised absence from secondary schools",
    "Total Secondary Absence": "Overall absence from secondary schools",
    "Special Authorised": "Authorised absence from special schools",
    "Special Unauthorised": "Unauthorised absence from special schools",
    "Total Special Absence": "Overall absence from special schools",
    "Total School Authorised": "Authorised absence (all schools)",
    "Total School Unauthorised": "Unauthorised absence (all schools)",
    "Primary Free School Meals": "Primary pupils eligible for free school meals",
    "Secondary Free School Meals": "Secondary pupils eligible for free school meals",
    "Primary Free School Meals 6": "Primary pupils eligible for free school meals in the last 6 years",
    "Secondary Free School Meals 6": "Secondary pupils eligible for free school meals in the last 6 years",
    "September Guarantee Offers": "September Guarantee offers of education or training to 16 and 17 year olds",
    "Number of initial requests": "Initial requests for an EHC needs assessment (number)",
    "Number of assessments (in year)": "EHC needs assessments in the year (number)",
    "Total number of cases (during year)": "EHC plans during the year (number)",
    "Number of cases held by LA": "Social work cases held by the local authority (number)",
    "Total Permanent Exclusions": "Permanent exclusions (all schools)",
    "Total Suspensions": "Suspensions (all schools)",
    "Placement 1 - Number of CLA with three or more placements": "Children in care with three or more placements in the year (number)",
    "Leaving Care 2 & 4 - Number of former relevant young people  (Care Leavers)": "Care leavers aged 19-21 (former relevant young people) (number)",
    "Leaving Care 3 - Number of former relevant young people who were in suitable accommodation": "Care leavers aged 19-21 in suitable accommodation (number)",
    "Leaving Care 2 - Number of former relevant young people who were in education, employment or training": "Care leavers aged 19-21 in education, employment or training (number)",
    "Leaving Care 4 - Number of former relevant young people who were in higher education": "Care leavers aged 19-21 in higher education (number)",
    "Care Leavers - Higher Education (%)": "Care leavers aged 19-21 in higher education",
    "Care Leavers - Local authority not in touch (%)": "Care leavers aged 19-21 the local authority is not in touch with",
    "Care Leavers - Staying with their former foster carers (%)": "Care leavers aged 19 or 20 staying with their former foster carers",
    "Review of Child Protection Cases": "Child protection cases reviewed (of those that should have been)",
    "Ceased to be subject to Child Protection Plan": "Child protection plans ceasing in the year per 10,000 children",
    "Duration subject to a child protection plan - number": "Children ceasing a child protection plan after 2 years or more (number)",
    "Emotional Health of Looked after Children": "Emotional and behavioural health of looked after children (SDQ score)",
    "Long Term Placement Stability (Num)": "Children in care in the same placement for 2 or more years (number)",
    "Number FTE of children's social workers": "Children's social workers (FTE)",
}

TOPIC_DOMAIN = {
    "Health and Wellbeing": "health",
    "Child Protection": "child_protection",
    "Children's Services Workforce": "workforce",
    "Early Years": "education",
    "Foundation Stage": "education",
    "Key Stage 1 and Phonics": "education",
    "Key Stage 2": "education",
    "Key Stage 4": "education",
    "Key Stage 5": "education",
    "Attainment by age 19": "education",
    "Further & Higher Education": "education",
    "Adoption": "children_in_care",
    "Children Looked After": "children_in_care",
    "Children in Need": "children_in_need",
    "Children with SEN": "send",
    "All Pupil Absence & Exclusions": "attendance_exclusions",
    "Youth Offending": "youth_justice",
    "Economic Factors": "other",
    "Contextual\\Other": "other",
    "Children's Service Finance": "finance",
}
DOMAIN_PREFIX = {
    "health": "hlt",
    "child_protection": "cp",
    "workforce": "wf",
    "education": "edu",
    "children_in_care": "cla",
    "children_in_need": "cin",
    "send": "send",
    "attendance_exclusions": "att",
    "youth_justice": "yj",
    "other": "oth",
    "finance": "fin",
    "care_leavers": "cl",
    "contacts_referrals": "csc",
    "assessments": "csc",
    "placements": "plc",
    "early_help": "eh",
}
UNIT_SUFFIX = {
    "percent": "pct",
    "count": "count",
    "rate_per_10k": "rate_per_10k",
    "rate_per_1k": "rate_per_1k",
    "score": "score",
    "days": "days",
    "gbp": "gbp",
    "ratio": "ratio",
    "rate_per_100k": "rate_per_100k",
}

# --------------------------------------------------------------------------------------
# Welsh performance measures 2016-2019 (code, name as published, unit, polarity, existing id).
WELSH_PMS = [
    (
        "PM24",
        "The percentage of assessments completed for children within statutory timescales",
        "percent",
        "higher_is_better",
        "assessments",
    ),
    (
        "PM25",
        "The percentage of children supported to remain living within their family at 31 March",
        "percent",
        "higher_is_better",
        "children_in_need",
    ),
    (
        "PM26",
        "The percentage of looked after children returned home from care during the year",
        "percent",
        "unknown",
        "children_in_care",
    ),
    (
        "PM27",
        "The percentage of re-registrations of children on local authority Child Protection Registers",
        "percent",
        "lower_is_better",
        "child_protection",
    ),
    (
        "PM28",
        "The average length of time for all children who were on Child Protection Registers during the year (days)",
        "days",
        "unknown",
        "child_protection",
    ),
    (
        "PM29b",
        "Percentage of children looked after achieving the core subject indicator at Key Stage 4",
        "percent",
        "higher_is_better",
        "education",
    ),
    (
        "PM30",
        "The percentage of children seen by a registered dentist within 3 months of becoming looked after",
        "percent",
        "higher_is_better",
        "health",
    ),
    (
        "PM34a",
        "The percentage of all care leavers who are in education, training or employment at 12 months after leaving care",
        "percent",
        "higher_is_better",
        "care_leavers",
    ),
    (
        "PM34b",
        "The percentage of all care leavers who are in education, training or employment at 24 months after leaving care",
        "percent",
        "higher_is_better",
        "care_leavers",
    ),
    (
        "PM35",
        "The percentage of care leavers who have experienced homelessness during the year",
        "percent",
        "lower_is_better",
        "care_leavers",
    ),
]

# National Indicators (children and young people) not already on a catalogue or LAIT row.
# (code, name, unit, polarity, domain, verified) - verified: the title was read verbatim in a
# public copy (URL in SOURCES.md); the others follow the handbook's list of titles.
NIS = [
    (
        "NI 43",
        "Young people within the Youth Justice System receiving a conviction in court who are sentenced to custody",
        "percent",
        "lower_is_better",
        "youth_justice",
        False,
    ),
    (
        "NI 45",
        "Young offenders engagement in suitable education, training and employment",
        "percent",
        "higher_is_better",
        "youth_justice",
        False,
    ),
    (
        "NI 46",
        "Young offenders access to suitable accommodation",
        "percent",
        "higher_is_better",
        "youth_justice",
        False,
    ),
    (
        "NI 19",
        "Rate of proven re-offending by young offenders",
        "rate_per_100k",
        "lower_is_better",
        "youth_justice",
        False,
    ),
    ("NI 50", "Emotional health of children", "percent", "higher_is_better", "health", True),
    (
        "NI 51",
        "Effectiveness of child and adolescent mental health services (CAMHS)",
        "score",
        "higher_is_better",
        "health",
        True,
    ),
    ("NI 52", "Take up of school lunches", "percent", "higher_is_better", "health", False),
    ("NI 54", "Services for disabled children", "score", "higher_is_better", "other", False),
    (
        "NI 57",
        "Children and young people's participation in high-quality PE and sport",
        "percent",
        "higher_is_better",
        "health",
        False,
    ),
    (
        "NI 61",
        "Timeliness of placements of looked after children for adoption following an agency decision that the child should be placed for adoption",
        "percent",
        "higher_is_better",
        "children_in_care",
        True,
    ),
    (
        "NI 68",
        "Percentage of referrals to children's social care going on to initial assessment",
        "percent",
        "unknown",
        "contacts_referrals",
        False,
    ),
    ("NI 69", "Children who have experienced bullying", "percent", "lower_is_better", "health", True),
    (
        "NI 70",
        "Reduce emergency hospital admissions caused by unintentional and deliberate injuries to children and young people",
        "rate_per_10k",
        "lower_is_better",
        "health",
        False,
    ),
    ("NI 71", "Children who have run away from home/care overnight", "count", "lower_is_better", "other", False),
    (
        "NI 72",
        "Achievement of at least 78 points across the Early Years Foundation Stage with at least 6 in each of the scales in Personal Social and Emotional Development and Communication, Language and Literacy",
        "percent",
        "higher_is_better",
        "education",
        False,
    ),
    (
        "NI 73",
        "Achievement at level 4 or above in both English and Maths at Key Stage 2",
        "percent",
        "higher_is_better",
        "education",
        False,
    ),
    (
        "NI 75",
        "Achievement of 5 or more A*-C grades at GCSE or equivalent including English and Maths",
        "percent",
        "higher_is_better",
        "education",
        False,
    ),
    (
        "NI 92",
        "Narrowing the gap between the lowest achieving 20% in the Early Years Foundation Stage Profile and the rest",
        "percent",
        "lower_is_better",
        "education",
        False,
    ),
    (
        "NI 99",
        "Looked after children reaching level 4 in English at Key Stage 2",
        "percent",
        "higher_is_better",
        "education",
        False,
    ),
    (
        "NI 100",
        "Looked after children reaching level 4 in Maths at Key Stage 2",
        "percent",
        "higher_is_better",
        "education",
        False,
    ),
    (
        "NI 101",
        "Looked after children achieving 5 A*-C GCSEs (or equivalent) at Key Stage 4 (including English and Maths)",
        "percent",
        "higher_is_better",
        "education",
        False,
    ),
    (
        "NI 102",
        "Achievement gap between pupils eligible for free school meals and their peers achieving the expected level at Key Stages 2 and 4",
        "percent",
        "lower_is_better",
        "education",
        False,
    ),
    (
        "NI 103",
        "Special Educational Needs - statements issued within 26 weeks",
        "percent",
        "higher_is_better",
        "send",
        False,
    ),
    (
        "NI 104",
        "The Special Educational Needs (SEN)/non-SEN gap - achieving Key Stage 2 English and Maths threshold",
        "percent",
        "lower_is_better",
        "send",
        False,
    ),
    (
        "NI 105",
        "The Special Educational Needs (SEN)/non-SEN gap - achieving 5 A*-C GCSE inc. English and Maths",
        "percent",
        "lower_is_better",
        "send",
        False,
    ),
    ("NI 110", "Young people's participation in positive activities", "percent", "higher_is_better", "other", True),
    ("NI 115", "Substance misuse by young people", "percent", "lower_is_better", "health", False),
    (
        "NI 117",
        "16 to 18 year olds who are not in education, employment or training (NEET)",
        "percent",
        "lower_is_better",
        "education",
        True,
    ),
    (
        "NI 118",
        "Take up of formal childcare by low-income working families",
        "percent",
        "higher_is_better",
        "other",
        False,
    ),
]

PM_EXISTING_NOTE = {code: ids for ids, codes in EXTRA_CODES.items() for code in codes}


def slug(text: str, limit: int = 52) -> str:
    """Words of the name without filler; when too long, its first and last words (the last
    ones tell breakdowns apart: "- White", "- Reading")."""
    t = text.lower().replace("%", " pct ").replace("&", " and ").replace("+", " plus ")
    t = re.sub(r"[^a-z0-9]+", "_", t).strip("_")
    stop = {
        "the",
        "of",
        "a",
        "an",
        "who",
        "which",
        "were",
        "are",
        "is",
        "to",
        "in",
        "for",
        "by",
        "with",
        "and",
        "pct",
        "percentage",
        "percent",
        "number",
        "num",
        "s",
        "at",
        "on",
        "from",
        "all",
    }
    words = [w for w in t.split("_") if w and w not in stop]
    if len("_".join(words)) <= limit:
        return "_".join(words)
    head, tail = words[:4], []
    for w in reversed(words[4:]):
        if len("_".join([*head, w, *tail])) > limit:
            break
        tail.insert(0, w)
    return "_".join(head + tail)


def lait_unit(measure: str, title: str, yaxis: str) -> str:
    y, t, m = yaxis.lower(), title.lower(), measure.lower()
    if "100,000" in y or "100,000" in t or "100000" in y:
        return "rate_per_100k"
    if "10,000" in y or "10,000" in t or "10,000" in m:
        return "rate_per_10k"
    if "1000" in y or "1,000" in y:
        return "rate_per_1k"
    if y in ("unit cost", "spend"):
        return "gbp"
    if y == "case load":
        return "ratio"
    if "score" in y or "average" in y or ("score" in m and "%" not in t):
        return "score"
    if (
        "(num)" in t
        or "number" in t
        or y.startswith("number")
        or y.startswith("total")
        or y in ("social workers", "starters fte", "leavers fte")
    ) and "%" not in t:
        return "count"
    if "%" in t or "%" in y or "rate" in y or y.startswith("% ") or "percent" in m.lower():
        return "percent"
    if "rate" in t:
        return "rate_per_10k"
    return "count" if "number" in m else "percent"


def polarity(p: str) -> str:
    return {"High": "higher_is_better", "Low": "lower_is_better"}.get(p.strip(), "unknown")


def first_sentence(text: str, limit: int = 300) -> str:
    t = re.sub(r"\s+", " ", text or "").strip()
    m = re.match(r"(.{20,}?[.!?])(\s|$)", t)
    t = m.group(1) if m else t
    return t if len(t) <= limit else t[: limit - 1].rsplit(" ", 1)[0] + "…"


def clean_lait_name(measure: str) -> str:
    if measure in LAIT_NAMES:
        return LAIT_NAMES[measure]
    n = re.sub(r"\s+", " ", measure).strip()
    n = re.sub(r"^(Placement \d|Leaving Care [\d & ]+) - ", "", n)
    n = re.sub(r"\s*\((new definition|from 20\d\d)\)", "", n)
    n = re.sub(r"\s*\(%\)$", "", n)
    n = n.replace("Statement/EHCP", "EHCP").replace("statement/EHCP", "EHCP")
    return n


def lait_facets(measure: str, unit: str, yaxis: str, title: str) -> str:
    """Facets the matcher reads besides the name: LAIT's chart title and axis, which often say
    the age band or timescale the measure name leaves out ("Under 18 conception rates (15-17
    yr olds)"). (A rate per 100,000 is its unit, `rate_per_100k`, since schema 1.4.)"""
    parts = []
    also = re.sub(r"\s+", " ", f"{title} {yaxis}" if re.search(r"\d", yaxis) else title).strip()
    if re.sub(r"\W+", " ", also.lower()).strip() != re.sub(r"\W+", " ", measure.lower()).strip():
        parts.append("also=" + also.replace(";", ","))
    return "; ".join(parts)


def build(data_dir: Path) -> list[dict]:
    with CATALOGUE.open(newline="", encoding="utf-8") as fh:
        existing = list(csv.DictReader(fh))
    hand = [r for r in existing if r.get("source", "hand") in ("", "hand")]
    for r in hand:
        r["source"] = "hand"
        codes = [c for c in (r.get("official_codes") or "").split("|") if c]
        for c in r["welsh_code"].split("|"):
            if c and c not in codes:
                codes.append(c)
        for c in EXTRA_CODES.get(r["indicator_id"], []):
            if c not in codes:
                codes.append(c)
            if c.startswith("PM") and c not in r["welsh_code"].split("|"):
                r["welsh_code"] = "|".join(filter(None, [r["welsh_code"], c]))
        r["official_codes"] = "|".join(codes)
        r["facets"] = r.get("facets") or ""
    by_id = {r["indicator_id"]: r for r in hand}
    ids = set(by_id)

    linked_dash = {r["dfe_dashboard_measure"] for r in hand if r["dfe_dashboard_measure"]}
    linked_lait = {r["lait_measure"] for r in hand if r["lait_measure"]}
    with ALIASES.open(newline="", encoding="utf-8") as fh:
        for a in csv.DictReader(fh):
            if "LAIT wording" in (a.get("note") or ""):
                linked_lait.add(a["alias"])
            if "dashboard wording" in (a.get("note") or ""):
                linked_dash.add(a["alias"])
    for measure, iid in LAIT_SAME_AS_EXISTING.items():
        if not by_id[iid]["lait_measure"]:
            by_id[iid]["lait_measure"] = measure
        linked_lait.add(measure)

    def new_id(domain: str, text: str, unit: str) -> str:
        base = f"{DOMAIN_PREFIX[domain]}_{slug(text)}_{UNIT_SUFFIX[unit]}"
        base = re.sub(r"_+", "_", base)
        base = re.sub(r"_(\w+)_\1$", r"_\1", base)
        iid, k = base, 2
        while iid in ids:
            iid, k = f"{base}_{k}", k + 1
        ids.add(iid)
        return iid

    generated: list[dict] = []

    # LAIT
    with (data_dir / "dfe" / "lait_data_dictionary.csv").open(newline="", encoding="utf-8-sig") as fh:
        lait_rows = list(csv.DictReader(fh))
    lait_by_measure: dict[str, dict] = {}
    for x in lait_rows:
        lait_by_measure.setdefault(x["Measure"], x)
    dash_for_lait = {}
    with (data_dir / "dfe" / "summary_page_metadata.csv").open(newline="", encoding="utf-8") as fh:
        dash_rows = list(csv.DictReader(fh))
    for d in dash_rows:
        so = int(d["sort_order"])
        if so in DASHBOARD_SAME_AS_LAIT:
            dash_for_lait[DASHBOARD_SAME_AS_LAIT[so]] = d["metric_display_text"].strip()

    for measure, x in lait_by_measure.items():
        if measure in linked_lait or measure in LAIT_DUPLICATES:
            continue
        domain = TOPIC_DOMAIN[x["Topic"]]
        if domain == "children_in_care" and re.search(r"care leaver|leaving care", measure, re.I):
            domain = "care_leavers"
        unit = lait_unit(measure, x["Chart_title"], x["y_axis_name"])
        name = clean_lait_name(measure)
        title = x["Chart_title"].strip()
        if (
            domain == "children_in_need"
            and not re.search(r"\b(cin|cpp?|child(ren)? in need|protection)\b", name, re.I)
            and title.lower().startswith("children in need")
        ):
            name = re.sub(r"\s*\(%\)$", "", title)  # "% sessions missed ..." is about children in need: say so
        row = {
            "indicator_id": new_id(domain, name, unit),
            "name": name,
            "definition": first_sentence(x["Description"]),
            "unit": unit,
            "polarity": polarity(x["Polarity"]),
            "domain": domain,
            "welsh_code": "",
            "dfe_dashboard_measure": dash_for_lait.get(measure, ""),
            "lait_measure": measure,
            "official_codes": "|".join(CODES_ON_LAIT.get(measure, [])),
            "facets": lait_facets(measure, unit, x["y_axis_name"], x["Chart_title"]),
            "source": LAIT,
        }
        generated.append(row)
    missing = [m for m in DASHBOARD_SAME_AS_LAIT.values() if m not in lait_by_measure]
    missing += [m for m in CODES_ON_LAIT if m not in lait_by_measure]
    missing += [m for m in LAIT_SAME_AS_EXISTING if m not in lait_by_measure]
    if missing:
        sys.exit(f"LAIT measures named in the tables but not in the dictionary: {missing}")

    # Dashboard (the ones not already linked, not merged into a LAIT row)
    for d in dash_rows:
        so, text = int(d["sort_order"]), d["metric_display_text"].strip()
        if so in DASHBOARD_SKIP or so in DASHBOARD_SAME_AS_LAIT or text in linked_dash:
            continue
        unit = (
            "percent"
            if d["value_format"] == "percent"
            else (
                "rate_per_10k"
                if "10,000" in text
                else "gbp"
                if "spend" in text.lower() and "per capita" in text.lower()
                else "score"
            )
        )
        domain = {"Outcomes": "other"}.get(d["tab_name"], "other")
        if "absentees" in text.lower():
            domain = "attendance_exclusions"
        elif "spend" in text.lower():
            domain = "finance"
        elif (
            "abuse" in text.lower()
            or "exploitation" in text.lower()
            or re.search(r"Gangs|missing|Trafficking|Neglect", text)
        ):
            domain = "children_in_need"
        elif "UASC" in text or "adoption" in text.lower() or "order" in text.lower() or "CLA" in text:
            domain = "children_in_care"
        elif "spend" in text.lower():
            domain = "finance"
        elif "Social workers" in text:
            domain = "workforce"
        name = re.sub(r"\s+", " ", text)
        polarity_ = "unknown"
        generated.append(
            {
                "indicator_id": new_id(domain, name, unit),
                "name": name,
                "definition": f"DfE children's social care dashboard: {d['heading_text']} ({d['tab_name']}).",
                "unit": unit,
                "polarity": polarity_,
                "domain": domain,
                "welsh_code": "",
                "dfe_dashboard_measure": text,
                "lait_measure": "",
                "official_codes": "",
                "facets": "",
                "source": DASHBOARD,
            }
        )

    # Welsh PMs and NIs
    for code, name, unit, pol, domain in WELSH_PMS:
        generated.append(
            {
                "indicator_id": new_id(domain, name.removeprefix("The "), unit),
                "name": name,
                "definition": f"Welsh social services performance measure {code} (2016-2019).",
                "unit": unit,
                "polarity": pol,
                "domain": domain,
                "welsh_code": code,
                "dfe_dashboard_measure": "",
                "lait_measure": "",
                "official_codes": "|".join([code, *WELSH_PAM.get(code, [])]),
                # scoped to Welsh councils' papers (Settings.match.weights.welsh): each
                # has an English near-twin measured otherwise (PM24's statutory timescale, PM27's
                # registers, PM26's returns home)
                "facets": "nation=wales",
                "source": WELSH_PM,
            }
        )
    for code, name, unit, pol, domain, verified in NIS:
        generated.append(
            {
                "indicator_id": new_id(domain, name, unit),
                "name": name,
                "definition": f"National Indicator {code} (2008-2010 National Indicator Set).",
                "unit": unit,
                "polarity": pol,
                "domain": domain,
                "welsh_code": "",
                "dfe_dashboard_measure": "",
                "lait_measure": "",
                "official_codes": code,
                "facets": "",
                "source": NI + ("" if verified else " - title from the handbook's list, not re-read"),
            }
        )
    return with_entry_facets(hand + generated)


def with_entry_facets(rows: list[dict]) -> list[dict]:
    """Add the reviewed facts of mappings/entry_facets.csv to the `facets` column (`ages=10-11`): the
    matcher reads them as facets the entry has, never as words of its name (issue 9 round 11)."""
    by_id = {r["indicator_id"]: r for r in rows}
    with ENTRY_FACETS.open(newline="", encoding="utf-8") as fh:
        for f in csv.DictReader(fh):
            r = by_id[f["indicator_id"]]  # a row for an entry the catalogue lacks is an error
            part = f"{f['facet']}={f['value']}"
            parts = [p.strip() for p in r["facets"].split(";") if p.strip() and not p.strip().startswith(f["facet"] + "=")]
            r["facets"] = "; ".join([*parts, part])
    return rows


def check(rows: list[dict]) -> None:
    seen, codes = set(), {}
    for r in rows:
        assert re.fullmatch(r"[a-z0-9_]+", r["indicator_id"]), r["indicator_id"]
        assert r["indicator_id"] not in seen, r["indicator_id"]
        seen.add(r["indicator_id"])
        for c in filter(None, r["official_codes"].split("|")):
            key = re.sub(r"[\s\-/]", "", c).upper()
            assert key not in codes, (c, r["indicator_id"], codes.get(key))
            codes[key] = r["indicator_id"]
    for col in ("dfe_dashboard_measure", "lait_measure"):
        vals = [r[col] for r in rows if r[col]]
        dup = {v for v in vals if vals.count(v) > 1}
        assert not dup, (col, dup)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    args = ap.parse_args()
    rows = build(args.data_dir)
    check(rows)
    with CATALOGUE.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c, "") for c in COLUMNS})
    by_source: dict[str, int] = {}
    for r in rows:
        by_source[r["source"].split(" (")[0]] = by_source.get(r["source"].split(" (")[0], 0) + 1
    print(f"{CATALOGUE.relative_to(PROJECT_ROOT)}: {len(rows)} indicators", by_source)


if __name__ == "__main__":
    main()
