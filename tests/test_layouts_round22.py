"""Round 22 (tests/heldout/README.md): a set's code with a colon before a name (`ASC 1A: ...`, `ASC 1C part 2A: ...`);
a whole number with a stray full stop typed after it under a value column (`569.`)."""

from __future__ import annotations

from extract.read.tables.wide import DEFAULT_CODE_RE, split_code, strip_stray_stop


def test_a_code_with_a_colon_leads_the_name():
    assert split_code("ASC 1A: Social care-related quality of life", DEFAULT_CODE_RE) == (
        "ASC 1A", "Social care-related quality of life")
    assert split_code("ASC 1C part 2A: The proportion of people using social care", DEFAULT_CODE_RE) == (
        "ASC 1C part 2A", "The proportion of people using social care")
    assert split_code("NI 157a: Processing of planning applications", DEFAULT_CODE_RE)[0] == "NI 157a"
    # a key stage, a qualification level or a disease's number is the name's own
    assert split_code("KS 2: Pupils reaching the expected standard", DEFAULT_CODE_RE)[0] is None
    assert split_code("SCQF 6: Pupils gaining 5 or more awards", DEFAULT_CODE_RE)[0] is None
    assert split_code("COVID 19: Vaccinations given", DEFAULT_CODE_RE)[0] is None
    assert split_code("Year 6: Obesity prevalence", DEFAULT_CODE_RE)[0] is None


def test_a_stray_full_stop_after_a_whole_number_is_dropped():
    assert strip_stray_stop("569.") == ("569", True)
    assert strip_stray_stop("1,139.") == ("1,139", True)
    assert strip_stray_stop("56.9") == ("56.9", False)
    assert strip_stray_stop("N/A") == ("N/A", False)
    assert strip_stray_stop("12.5%.") == ("12.5%.", False)
