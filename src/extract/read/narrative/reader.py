"""Figures written in sentences: `In 2023/24, 81.4% (1,119 / 1,374) of the children had ...`.

The reader is rule-based and general: it knows English function words, period phrases and
benchmark words (target, national, regional, statistical neighbours), never a council's
indicator names. Every row's `context` is one sentence exactly as printed (whitespace
normalised) and its `value_raw` is a substring of that sentence.

Per sentence: find period phrases, then candidate numbers, drop the ones that are not
measures (years, dates, labels such as `KPI 3`, definitions such as `within 12 months`,
changes such as `16.5% increase`), then give each figure a kind, a period, an indicator
phrase and, where printed, a numerator and denominator.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from extract.model import Period, RawFigure, normalise_space
from extract.read.narrative.figures import _assign_kinds, _Fig, _figures
from extract.read.narrative.indicators import (
    _CLAUSE_BREAK,
    _STOP_PHRASE,
    _analyse_phrases,
    _choose_indicators,
    _clean,
    _mark_attachments,
    _Memory,
    _Parts,
    _subject,
)
from extract.read.narrative.phrases import _period_mentions, _Setting
from extract.read.narrative.text import _BULLET_START, _HEADING_LINE, _before, _words, narrative_blocks, sentences
from extract.read.values import infer_unit
from extract.settings import NarrativeSettings

# --------------------------------------------------------------------------- periods of figures


def _from_to(sentence: str, figs: list[_Fig]) -> set[int]:
    """`from 2,553 to 2,973`: the second is the current level, whatever the sentence compares with."""
    out: set[int] = set()
    for i in range(1, len(figs)):
        between = sentence[figs[i - 1].tail : figs[i].start]
        if re.fullmatch(r"\s*to\s*", between) and re.search(r"\bfrom\s*$", _before(sentence, figs[i - 1].start, 12)):
            out.add(i)
    return out


def _period_for(parts: _Parts, f: _Fig, s: _Setting, current: bool) -> Period | None:
    """The period phrase nearest the figure in its clause, else the sentence's own period, else the report's.

    parts holds the sentence's main figures only: attachments take their base's period.
    """
    sentence = parts.text
    benchmark = f.kind in {"national", "regional", "statistical_neighbours", "comparator_group"}
    right = parts.next_mention(f.tail)
    if (
        right
        and right.trailing
        and right.period
        and not parts.any_fig_between(f.tail, right.start)
        and not _STOP_PHRASE.search(sentence[f.tail : right.start])
    ):
        return right.period
    left = parts.previous_mention(f.start)
    if left and left.blocking:
        return None if benchmark else s.report_period
    same_clause = left is not None and not _CLAUSE_BREAK.search(sentence[left.end : f.start])
    if left and left.period and left.leading and same_clause and not (current and left.comparison):
        return left.period
    if benchmark:
        return None  # benchmarks without their own date keep no period
    if parts.own:
        i = bisect_left(parts.own_starts, f.start)
        near = parts.own[max(0, i - 1) : i + 1]
        return min(near, key=lambda x: min(abs(x.start - f.tail), abs(f.start - x.end))).period
    return s.report_period


# --------------------------------------------------------------------------- counts of a whole


def _assign_wholes(sentence: str, figs: list[_Fig]) -> None:
    """`Of the 196 children ..., 7 became ...` and `300 children ..., 18 of which ...`: 7 of 196, 18 of 300."""
    counts = [f for f in figs if not f.percent and f.rate_unit is None and f.attached_to is None]
    whole = re.match(r"\s*(?:\*\*)?\s*Of\s+(?:the\s+|these\s+|those\s+)?", sentence)
    if whole and len(counts) > 1 and counts[0].start == whole.end():
        part = counts[1]
        if part.kind == "actual" and part.numerator is None and part.value <= counts[0].value:
            part.numerator, part.denominator = part.value, counts[0].value
    for i, f in enumerate(counts):
        if f.of_which and i and f.numerator is None and f.value <= counts[i - 1].value:
            f.numerator, f.denominator = f.value, counts[i - 1].value


# --------------------------------------------------------------------------- units and output


def _unit(f: _Fig, raw: str) -> str:
    """percent, rate, days/weeks, what values.infer_unit reads from the indicator, else count for whole numbers."""
    if f.percent:
        return "percent"
    if f.rate_unit or f.forced_unit:
        return f.rate_unit or f.forced_unit or "unknown"
    inferred = infer_unit(raw, f.indicator)
    if inferred and inferred != "percent":
        return inferred
    if f.numerator is not None or f.noun or f.own or f.weak or f.predicate or f.value.is_integer():
        return "count"
    return "unknown"


def _keep(f: _Fig, unit: str, strict: bool) -> bool:
    if not strict:
        return True
    # a count with its whole (`41 of the 52`) is a figure; `2/1` is more likely a broken date
    has_whole = f.denominator is not None and f.numerator is not None and f.denominator >= max(f.numerator, 2)
    return unit in {"percent", "rate_per_10k", "rate_per_1k"} or has_whole or f.kind == "target"


def _sentence_figures(sentence: str, s: _Setting, memory: _Memory) -> list[RawFigure]:
    """The figures of one sentence, in the order they are printed."""
    if len(_words(sentence)) < 4:
        return []
    mentions = _period_mentions(sentence, s)
    figs = _figures(sentence, mentions)
    if not figs:
        return []
    subject = _subject(sentence, mentions, figs)
    _assign_kinds(sentence, figs, subject[0], s.limits.kind_window)
    _mark_attachments(sentence, figs)
    _analyse_phrases(sentence, figs, mentions)
    _choose_indicators(sentence, figs, mentions, subject, memory, s.section)
    current = _from_to(sentence, figs)
    parts = _Parts(sentence, [f for f in figs if f.attached_to is None], mentions)
    for i, f in enumerate(figs):
        if f.attached_to is None:
            f.period = _period_for(parts, f, s, i in current)
    for f in figs:
        if f.attached_to is not None:
            f.period = figs[f.attached_to].period
    _assign_wholes(sentence, figs)
    out: list[RawFigure] = []
    for f in figs:
        raw = sentence[f.start : f.end]
        unit = "gbp" if raw.startswith("£") else _unit(f, raw)
        if not _keep(f, unit, s.strict):
            continue
        out.append(
            RawFigure(
                indicator_raw=f.indicator,
                value_raw=raw,
                value_kind=f.kind,
                context=sentence,
                source="narrative",
                period=f.period or Period(None),
                unit=unit,
                value=f.value,
                numerator=f.numerator,
                denominator=f.denominator,
                section=s.section,
                page=s.page,
            )
        )
    return out


def _heading(block: str) -> str | None:
    """A short title (`KPI 17 - Average social worker caseload`, `#### **Early Help**`), else None."""
    markdown = bool(_HEADING_LINE.match(block))
    if not markdown and ("\n" in block.strip() or _BULLET_START.match(block)):
        return None
    text = _clean(re.sub(r"^\s*#+\s*|\*", " ", normalise_space(block)))
    words = _words(text)
    if not words or len(words) > 20 or re.search(r"[.%]$", text) or (not markdown and len(words) < 3):
        return None
    return text


DEFAULT_NARRATIVE = NarrativeSettings()


def extract_narrative(
    text: str,
    *,
    report_period: Period | None = None,
    section: str | None = None,
    page: int | None = None,
    strict: bool = False,
    settings: NarrativeSettings = DEFAULT_NARRATIVE,
) -> list[RawFigure]:
    """Every figure stated in the prose of `text`, one RawFigure each (source `narrative`).

    report_period: the period the document reports on; figures whose sentence names none get it.
    strict: only percentages, rates, fractions and explicit targets (for documents of unknown format).
    settings: the reader's thresholds (Settings.narrative of the run).
    """
    setting = _Setting(report_period, strict, section, page, settings)
    memory = _Memory(settings.recent_figures)
    out: list[RawFigure] = []
    for block in narrative_blocks(text):
        heading = _heading(block)
        if heading is not None:  # measures named under an earlier heading are not this one's
            memory.heading = heading
            memory.named = []
        for sentence in sentences(block):
            out.extend(_sentence_figures(sentence, setting, memory))
    return out
