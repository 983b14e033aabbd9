"""A county's districts are areas (mappings/districts.csv): a table of them is a table of areas whose
district rows give no figure, and a year merged over the measures after it heads each of them
(West Sussex LAC needs assessment p.52: `2007` over `Under 16s total | Income Deprived Under 16s | ...`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.read.tables.areas import DISTRICT, register

LAC = Path(__file__).resolve().parents[2] / "shared" / "pdfs" / "wsx-needs-assessment-vulnerable-lac-2008.pdf"


def test_districts_are_areas_but_no_councils() -> None:
    reg = register()
    for name in ("Adur", "Mid Sussex", "Worthing Borough Council"):
        area = reg.lookup(name)
        assert area is not None and area.kind == DISTRICT and area.council_id is None, name
    assert reg.lookup("West Sussex").council_id == "E10000032"  # (a county is a council still)
    assert reg.lookup("Durham").kind == "council"  # (a council's name is never taken for a district's)


@pytest.mark.skipif(not LAC.exists(), reason="needs ../shared/pdfs, the project's reference PDFs (present in CI)")
def test_a_year_over_measures_of_a_county_and_its_districts(tmp_path, pipeline) -> None:
    result = pipeline.process(LAC, LAC.parent)
    rows = {(o["indicator_raw"], o["period_label"]): (o["value_raw"], o["council_id"], o["value_kind"])
            for o in result.observations if o["page"] == 52 and o["period_label"]}
    # the county's row, by hand from the page: 2007 then 2004
    assert rows == {
        ("Under 16s total", "2007"): ("143,970", "E10000032", "actual"),
        ("Income Deprived Under 16s", "2007"): ("19,640", "E10000032", "actual"),
        ("% U16s Income Deprived", "2007"): ("13.6", "E10000032", "actual"),
        ("Under 16s total", "2004"): ("144,270", "E10000032", "actual"),
        ("Income Deprived Under 16s", "2004"): ("18,060", "E10000032", "actual"),
        ("% U16s Income Deprived", "2004"): ("12.5", "E10000032", "actual"),
    }
    # no district's row gives a figure, under its own name or the county's (p.50: `Adur` had named 2002's 14,000)
    districts = {"Adur", "Arun", "Chichester", "Crawley", "Horsham", "Mid Sussex", "Worthing"}
    assert not [o for o in result.observations if o["indicator_raw"] in districts]
    assert "14,000" not in {o["value_raw"] for o in result.observations if o["page"] == 50}


def test_an_area_names_no_indicator() -> None:
    from extract.read.tables.areas import names_area

    assert names_area("Mid Sussex") and names_area("South East region") and names_area("England")
    assert not names_area("332 children from 198 families have had a new referral")  # (no LA number asked)
    assert not names_area("Children looked after per 10,000")


PROFILE = LAC.parent / "wsx-h4f-cyp-health-profile-arun-2019-20.pdf"


@pytest.mark.skipif(not PROFILE.exists(), reason="needs ../shared/pdfs, the project's reference PDFs (present in CI)")
def test_rows_of_areas_in_a_table_not_read_as_one_name_no_indicator(pipeline) -> None:
    # p.29 and p.43: an area table with several cohorts' value columns beside their confidence limits is not
    # read as one (which figure a limit bounds is not said); its rows had named Arun, Crawley, England ... as
    # indicators, under West Sussex's council
    result = pipeline.process(PROFILE, PROFILE.parent)
    named = {o["indicator_raw"] for o in result.observations if o["page"] in (29, 43)}
    assert not {"Arun", "Crawley", "West Sussex", "England", "South East", "South East region"} & named
