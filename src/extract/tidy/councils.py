"""Which council a document belongs to, and when its report is dated.

Sources, strongest first: corpus/manifest.csv, the parser, the document's text. A council
is taken from the text only when exactly one registered council's full name appears there;
otherwise it stays null — never guessed.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from extract.errors import ManifestError
from extract.model import normalise_space
from extract.read.periods import DAY_RANGE, month_number


@dataclass(frozen=True)
class ManifestEntry:
    council_id: str | None
    report_date: date | None


def read_manifest(path: Path, known_councils: set[str]) -> dict[str, ManifestEntry]:
    """manifest.csv: path (relative to the corpus, / separators), council_id, report_date (YYYY-MM-DD)."""
    if not path.exists():
        return {}
    entries: dict[str, ManifestEntry] = {}
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or "path" not in reader.fieldnames:
            raise ManifestError(f"{path}: needs a header with a `path` column")
        for lineno, row in enumerate(reader, start=2):
            doc = (row.get("path") or "").strip()
            council = (row.get("council_id") or "").strip() or None
            when = (row.get("report_date") or "").strip()
            if council and known_councils and council not in known_councils:
                raise ManifestError(f"{path}:{lineno}: unknown council_id {council!r}")
            try:
                report = date.fromisoformat(when) if when else None
            except ValueError as exc:
                raise ManifestError(f"{path}:{lineno}: report_date {when!r} is not YYYY-MM-DD") from exc
            entries[doc] = ManifestEntry(council, report)
    return entries


def _starts_of_any(names: set[str]) -> re.Pattern[str] | None:
    """One regex that finds every position where one of `names` starts (case-insensitive,
    whole words). A lookahead, so that names that overlap or nest (`City of York Council`,
    `York Council`) are all seen; alternatives grouped by first letter, so that each word
    start tries one group, not every name."""
    groups: dict[str, list[str]] = {}
    for name in sorted(n for n in names if n):
        groups.setdefault(name[0].lower(), []).append(name)  # same first letter under re.I
    alternatives = [
        re.escape(group[0][0]) + "(?:" + "|".join(re.escape(n[1:]) for n in group) + ")" for group in groups.values()
    ]
    if "" in names:  # an empty name matches at every word boundary, as its own search would
        alternatives.append("")
    return re.compile(rf"(?=\b(?:{'|'.join(alternatives)})\b)", re.I) if alternatives else None


class CouncilFinder:
    def __init__(self, councils: list[dict[str, str]]) -> None:
        self.names = {c["council_id"]: c["council"] for c in councils}
        patterns = []
        searched: set[str] = set()
        for c in councils:
            names = {c["council"]}
            names |= {n for n in c.get("alt_names", "").split("|") if n.strip().lower().endswith("council")}
            for name in names:
                searched.add(normalise_space(name))
                patterns.append((re.compile(rf"\b{re.escape(normalise_space(name))}\b", re.I), c["council_id"]))
        self._patterns = patterns
        self._starts = _starts_of_any(searched)

    def name_of(self, council_id: str | None) -> str | None:
        return self.names.get(council_id) if council_id else None

    def find_in_text(self, text: str) -> str | None:
        """The one council whose name the text prints; None for none or several. Names are
        tried one by one only where the combined regex says some name starts."""
        if self._starts is None:
            return None
        flat = normalise_space(text)
        found = {
            cid
            for start in self._starts.finditer(flat)
            for pattern, cid in self._patterns
            if pattern.match(flat, start.start())
        }
        return found.pop() if len(found) == 1 else None


_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# a day not after a decimal point: `381.5` over a wrapped `March 2018` is no 5 March
_DATE = re.compile(rf"(?<![.,])\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\s*,?\s+(\d{{4}})\b", re.I)


# `1 April 2016 – 31` and, a line or three later, `March 2017`: a span's end wrapped in a table cell
_RANGE_GOES_ON = re.compile(
    rf"[ \t]*(?:[\-–—]|to)[ \t]*\d{{1,2}}(?:st|nd|rd|th)?[ \t]*\n(?:[^\n]*\n){{0,2}}[ \t]*{_MONTH}\s+\d{{4}}\b", re.I
)


def report_date_in(text: str, lines: int = 40) -> date | None:
    """The first full date in the first lines of a document: where papers print the meeting date.
    A date that is one end of a span (`1 April 2017 – 31 March 2018`) dates figures, not the paper."""
    head = "\n".join(text.splitlines()[:lines])
    spans = [r.span() for r in DAY_RANGE.finditer(head)]
    for m in _DATE.finditer(head):
        if any(start <= m.start() < end for start, end in spans) or _RANGE_GOES_ON.match(head, m.end()):
            continue
        try:
            return date(int(m.group(3)), month_number(m.group(2)), int(m.group(1)))
        except ValueError:
            continue
    return None
