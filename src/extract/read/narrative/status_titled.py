"""Narratives under status-titled names: a measure's name with its RAG word in brackets after it, and under
it a sentence or two about the measure (a council's web page of quarterly narratives):

    Electric Vehicle Charging Points (EVCP's) commissioned (cumulative) (Red)
    135 Electric Vehicle Charging Points were commissioned (installed and ready to use) this year,
    against a target of 156. Project delivery will continue into 2023/24, ...

The bracketed status word closing the name (on its line or alone on the next, when the name wraps) marks
the line as the measure's name, and the first sentence under it states the measure's result: its first
figure that is no date or period is the actual, a `target of N` in it the target. The sentence's other
figures (`comprising of 16 on-street hangars`, `9kg better than our target`) are parts or differences,
not the measure's value, and are left. A page needs two such names at least: one line ending in
`(Green)` is no layout.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extract.model import Line, Page, Period, RawFigure, normalise_space
from extract.read.kinds import is_status

MIN_TITLES = 2
MAX_TITLE_WORDS = 25
_STATUS_END = re.compile(r"^(?P<name>.*?)\s*\((?P<status>[A-Za-z]{3,10})\)\s*$")
# a figure: thousands separators, decimals, a per cent sign; never part of a date or code (`2023/24`, `A1`)
_NUMBER = re.compile(r"(?<![\w/.,£$-])[£$]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?(?![\w/])")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
# the first sentence: up to a full stop before the next capital (never a decimal point); the narrative
# reader's sentences() would drop a leading count as a paragraph number (`135 Electric Vehicle ...`)
_FIRST_SENTENCE = re.compile(r"^.*?[.!?](?=\s+[A-Z(]|$)|^.*$")
_TARGET_OF = re.compile(r"\btarget\s+(?:of\s+)?(?P<value>[£$]?\d[\d,]*(?:\.\d+)?%?)", re.I)


def _status_title(lines: list[Line], i: int) -> tuple[str, str, int] | None:
    """The name, its status word and the index of the title's last line, when line i starts one."""
    text = normalise_space(lines[i].text)
    m = _STATUS_END.match(text)
    end = i
    if (not m or not m.group("name")) and i + 1 < len(lines):
        m = _STATUS_END.match(f"{text} {normalise_space(lines[i + 1].text)}")
        if not m or normalise_space(lines[i + 1].text) != f"({m.group('status')})":
            return None  # (a wrapped name: the status alone on the next line)
        end = i + 1
    if not m or not m.group("name") or not is_status(m.group("status")):
        return None
    name = m.group("name").strip()
    if len(name.split()) > MAX_TITLE_WORDS or name.endswith((".", ":", ";")) or not re.search(r"[A-Za-z]{3}", name):
        return None
    return name, m.group("status"), end


def _first_figure(sentence: str) -> str | None:
    for m in _NUMBER.finditer(sentence):
        token = m.group(0)
        if _YEAR.match(token):
            continue  # a year, `in 2023`
        return token
    return None


def status_titled_figures(page: Page, taken: frozenset[int] = frozenset()) -> Iterator[tuple[RawFigure, set[int]]]:
    """Each titled narrative's actual (and target), with the page lines read for it (name and sentences)."""
    lines = page.lines
    titles: list[tuple[int, str, str, int]] = []
    i = 0
    while i < len(lines):
        found = _status_title(lines, i) if i not in taken and len(lines[i].cells) == 1 else None
        if found:
            titles.append((i, *found))
            i = found[2] + 1
        else:
            i += 1
    if len(titles) < MIN_TITLES:
        return
    starts = [t[0] for t in titles] + [len(lines)]
    for (start, name, status, end), after in zip(titles, starts[1:], strict=True):
        body = [k for k in range(end + 1, after) if k not in taken and len(lines[k].cells) == 1]
        # the narrative: the lines right under the name, up to the next name or a line the page's tables took
        body = [k for n, k in enumerate(body) if k == end + 1 + n]
        if not body:
            continue
        first = _FIRST_SENTENCE.match(normalise_space(" ".join(lines[k].text for k in body))).group(0)
        value = _first_figure(first)
        if value is None:
            continue
        used = set(range(start, end + 1)) | set(body)
        yield RawFigure(
            indicator_raw=name, value_raw=value, value_kind="actual", context=first, section=name,
            page=page.number, status=status, source="narrative", period=Period(None),
        ), used
        target = _TARGET_OF.search(first)
        if target and target.group("value") != value:
            yield RawFigure(
                indicator_raw=name, value_raw=target.group("value"), value_kind="target", context=first,
                section=name, page=page.number, source="narrative", period=Period(None),
            ), used
