"""Age bands in an indicator name ("aged 10-17", "under 16", "(19-21 years)", "16+"), read by
extract.tidy.facets: each is taken out of the text and kept as a (low, high) band; all children
(0-17, under 18) is no band."""

from __future__ import annotations

import re

DEFAULT_AGES = {(0, 17), (0, 18), (0, 19)}
_NUM = r"\d+(?:\.\d+)?"
_AGE_PATTERNS = [
    # "(17 to 18 years)", "(19-21 years)", "(0-17 years)": a bracketed span of teenage years, or from birth
    # to a teenage year, is an age band (not a time: no timescale runs from 0 to 17 years)
    re.compile(r"\(\s*(0|1[1-9]|2[0-5])\s*(?:-|to)\s*(1[1-9]|2[0-5])\s*(?:years?|yrs?)\s*\)"),
    # "aged 17-18", "(19-21 years old)", "16 and 17 year olds", "19 to 21", "aged 19 or 20"
    re.compile(
        rf"\b(?:aged|age|ages|now aged)\s+({_NUM})\s*(?:-|to|and|or)\s*({_NUM})"
        r"(?:\s*(?:years? olds?|yr olds?|years? old|yrs? old|years|yrs))?\b"
    ),
    re.compile(rf"\b({_NUM})\s*(?:-|to|and|or)\s*({_NUM})\s*(?:years? olds?|yr olds?|years? old|yrs? old)\b"),
    re.compile(
        rf"(?<![\w.])({_NUM})\s*-\s*({_NUM})"
        r"(?!\s*(?:working days?|days?|weeks?|wks?|months?|mths?|years?|yrs?|hours?|hrs?|miles?|%|percent))(?![\w.])"
    ),
    # "aged 16+", "aged 16 and over"
    re.compile(rf"\b(?:aged|age)\s+({_NUM})\s*(?:\+|plus|and over|or over)"),
    # "under 16", "aged under 13"
    re.compile(rf"\b(?:aged )?under\s+({_NUM})\b(?!\s*(?:working days?|days?|weeks?|months?|hours?))"),
    # "aged 16", "at age 19", "at 16", "age of 19", "by the age of 19"
    re.compile(
        rf"\b(?:aged|at age|age of|age|at)\s+({_NUM})\b"
        r"(?!\s*(?:-\s*\d|working days?|days?|weeks?|months?|hours?|miles?|%|percent))"
    ),
    # "2 year olds", "19 years old"
    re.compile(rf"\b({_NUM})\s*(?:years? olds?|yr olds?|years? old|yrs? old)\b"),
    # "0 - 15 years", "10 - 11 years", ", 15 - 24 years": the same span unbracketed, as OHID's Fingertips and
    # other public-health tables print an age band (round 10). Only a span ending in the teens or early
    # twenties, and not after a word that makes it a duration ("for", "within", "lasting", "over", "after")
    re.compile(
        r"(?<!\bfor )(?<!\bwithin )(?<!\blasting )(?<!\bover )(?<!\bafter )"
        r"(?<![\w.])([0-9]|1[0-9]|2[0-5])\s*(?:-|to)\s*(1[1-9]|2[0-5])\s*(?:years?|yrs?)\b"
        r"(?!\s*(?:olds?|old|of|or more|and over|ago))"
    ),
]


def read_ages(t: str) -> tuple[set[tuple[int, int]], str]:
    ages: set[tuple[int, int]] = set()
    for i, rx in enumerate(_AGE_PATTERNS):

        def take(m: re.Match, i=i) -> str:
            g = [x for x in m.groups() if x is not None]
            lo = int(float(g[0]))
            if i == 4:
                band = (lo, 99)
            elif i == 5:
                band = (0, lo - 1)
            elif len(g) > 1:
                band = (lo, int(float(g[1])))
            else:
                band = (lo, lo)
            if band[0] > 25 or band[1] < band[0] or band[1] > 99:
                return m.group(0)  # not an age: "45-50", "9-4"
            if band not in DEFAULT_AGES:
                ages.add(band)
            return " "

        t = rx.sub(take, t)
    return ages, " ".join((t).split())
