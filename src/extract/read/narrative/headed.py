"""Headings over narrative figures: which name a measure, and which sentence is about the one its
heading names (reader.py asks them of every heading and block)."""

from __future__ import annotations

import re

from extract.mappings import mappings_dir, read_csv
from extract.read.narrative.text import _STOPWORDS, _words
from extract.read.needs import gated


def _measure_words() -> re.Pattern[str]:
    """The measure vocabulary (mappings/measure_words.csv: rate, percentage, number, average, ...)."""
    rows = read_csv(mappings_dir() / "measure_words.csv", ("measure", "pattern"))
    return re.compile("|".join(f"(?:{row['pattern']})" for row in rows), re.I)


_MEASURE_WORDS = _measure_words()


def _section_headings() -> re.Pattern[str]:
    """Headings of a report's own structure (mappings/section_headings.csv: Going well, Issues, Summary)."""
    rows = read_csv(mappings_dir() / "section_headings.csv", ("pattern", "note"))
    return re.compile("|".join(f"(?:{row['pattern']})" for row in rows), re.I)


_SECTION_HEADINGS = gated(_section_headings())


_STEM = 5  # letters compared: `achieving` and `achieved`, `indicators` and `indicator` are one word


def _about(heading: str, sentence: str) -> bool:
    """A sentence about the one measure its heading names: the sentence repeats most of the heading's
    words (compared by their first letters), and the heading lists no second measure (`A and B`)."""
    if re.search(r",|;|&|\band\b", heading):
        return False
    own = {w.lower()[:_STEM] for w in _words(heading) if len(w) > 3 and w.lower() not in _STOPWORDS}
    said = {w.lower()[:_STEM] for w in _words(sentence) if len(w) > 3 and w.lower() not in _STOPWORDS}
    return len(own) >= 2 and len(own & said) >= 0.6 * len(own)


def _names_a_measure(heading: str) -> bool:
    """A heading that can name the figures under it: one with a measure word (`KPI 17 - Average social
    worker caseload`) or a topic (`Elective Home Education`); never a section of the report's own
    structure (`Going Well`, `Issues we are addressing`), never a caption (`Table 10: Number of UAS
    children by gender`): it names its table or chart, not the sentences printed after it; nor a banner
    naming the council."""
    if _CAPTION.match(heading) or _COUNCIL_BANNER.search(heading):
        return False
    return bool(_MEASURE_WORDS.search(heading)) or not _SECTION_HEADINGS.search(heading)


_CAPTION = re.compile(r"^\s*(?:table|figure|fig\.|chart|graph|map|exhibit)\s*\d+[a-z]?\b", re.I)
# `West Sussex County Council – Performance Dashboard`: a council's name is the paper's banner, no measure's
_COUNCIL_BANNER = re.compile(r"\b(?:county|borough|city|district|metropolitan)\s+council\b", re.I)
