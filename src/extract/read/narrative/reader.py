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

import itertools
import re
from bisect import bisect_left
from dataclasses import replace
from datetime import date

from extract.model import Period, RawFigure, normalise_space
from extract.read.kinds import defined_title
from extract.read.narrative.choice import _choose_indicators, _Memory
from extract.read.narrative.counts import count_name
from extract.read.narrative.counts import counted as counts_said
from extract.read.narrative.figures import _assign_kinds, _Fig, _figures
from extract.read.narrative.groups import compared_groups
from extract.read.narrative.headed import _about, _names_a_measure
from extract.read.narrative.indicators import (
    _CLAUSE_BREAK,
    _STOP_PHRASE,
    _analyse_phrases,
    _clean,
    _mark_attachments,
    _Parts,
    _subject,
)
from extract.read.narrative.members import with_members
from extract.read.narrative.moves import moved_from, moved_to
from extract.read.narrative.naming import (
    _names_something,
    _said_that,
    _unambiguous,
    _with_predicate,
    _without_speaker,
)
from extract.read.narrative.phrases import _Mention, _period_mentions, _Setting
from extract.read.narrative.referents import named_by_earlier, quoted_measure
from extract.read.narrative.referred import part_of_earlier
from extract.read.narrative.respective import respective_shares
from extract.read.narrative.stated import Context, read_area_lines, read_kind_over_figure, read_stated
from extract.read.narrative.text import (
    _BULLET_START,
    _HEADING_LINE,
    _after,
    _before,
    _has_verb,
    _words,
    narrative_blocks,
    sentences,
)
from extract.read.narrative.wholes import assign_wholes, shares_of_bare_counts, shares_of_counts
from extract.read.needs import gated
from extract.read.periods import add_months, span_period
from extract.read.values import infer_unit
from extract.settings import NarrativeSettings

# --------------------------------------------------------------------------- periods of figures


_DIGIT = re.compile(r"\d")
_BENCHMARKS = frozenset({"national", "regional", "statistical_neighbours", "comparator_group"})
_BRACKET_OPEN = re.compile(r"\s*\(")  # a name up to its first bracket
_RATE_OPENS = re.compile(r"\(\s*(?:a\s+rate\s+of\s+)?$", re.I)  # `... (a rate of 88 per 10,000)`
_RATE_IN_BRACKETS = re.compile(r"\s*\(\s*(?:a\s+rate\s+of\s+)?", re.I)
_RESTATED = re.compile(r"\b(?:that|those|these)\s+(?:(?:approx\.?|approximately|about|around|roughly|some)\s+)?$", re.I)
_NUMBERED_PARAGRAPH = re.compile(r"^\s*\d{1,3}\.\s+[A-Z]")
_SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\s+(?=[A-Z])")
_APPOSED = re.compile(r"(?:^|[,;:]\s*)([A-Z][^,;:()]{3,80}?),\s+at\s*$")  # `..., Key Stage 2 results, at `
_CLAUSE_JOINT = re.compile(r",\s+(?:and|but|while|whereas)\s+(?:the|this|these|it|there)\b", re.I)
_ABSOLUTE = re.compile(r",\s+with\s", re.I)  # after a clause with its verb, `, with ...` says something more
# words that judge a measure, not name it (`a consistently low re-referral rate`)
_EVALUATIVE = re.compile(r"^(?:(?:\w+ly|low|high|higher|lower|good|poor|strong|stable)\s+)+", re.I)
# a measure named in words: `re-referral rate`, `percentage of care leavers in EET`
_MEASURE_PHRASE = re.compile(r"\b((?:[a-z][\w'’-]*\s+){1,3}(?:rate|percentage|proportion|caseload|timeliness))\b", re.I)
# what _MEASURE_PHRASE ends on
_MEASURE_NOUN = gated(re.compile(r"rate|percentage|proportion|caseload|timeliness", re.I))
_PLAN_KINDS = frozenset({"target", "tolerance", "intervention", "forecast"})  # for the period ahead
_FUTURE_BEFORE = re.compile(
    r"\b(?:expects?|expected|anticipates?|hopes?|aims?|plans?|intends?|projected|forecast)\s+to\s+(?:\w+\s+){0,2}$",
    re.I,
)
_FUTURE_AFTER = re.compile(r"^[^.;,]{0,40}?\b(?:we|they|who|which)\s+(?:hope|expect|anticipate|aim|plan)\b", re.I)
_NATIONAL_END = gated(
    re.compile(r"\b(?:nationally|(?:in|across)\s+england|in\s+the\s+country(?:\s+as\s+a\s+whole)?)$", re.I)
)
_EARLIER_BEFORE = re.compile(
    r"\b(?:following|after)\s+(?:an?\s+|the\s+)?(?:increase|rise|decrease|fall|drop|reduction|peak|spike)\s+(?:to|of)\s*$",
    re.I,
)
# an age band: `aged 19-21`, `aged 18 to 25`, `under 18s`, `16-17 year olds`
_AGE_BAND = re.compile(
    r"\baged?\s+\d{1,2}\s*(?:-|–|to)\s*\d{1,2}\b|\bunder\s+\d{1,2}s?\b"
    r"|\b\d{1,2}\s*(?:-|–|to)\s*\d{1,2}[- ]years?[- ]olds?\b",
    re.I,
)
_NOW_AFTER = re.compile(
    r"\s*(?:at|by)\s+the\s+time\s+of\s+(?:the\s+|this\s+)?(?:inspection|writing|report|visit)\b", re.I
)
_NOW_BEFORE = re.compile(r"\b(?:currently|now|at\s+present|presently)\b[^,;:()]*$", re.I)


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
    if left and left.blocking and (since := _since_period(parts, left, s)) is not None:
        return None if benchmark else since
    if (left and left.blocking) or _NOW_BEFORE.search(_before(sentence, f.start, 40)) or _NOW_AFTER.match(
        _after(sentence, f.tail, 50)
    ):
        # `since then`, `currently stands at 40%`: the present, not a period named earlier
        return None if benchmark else s.report_period
    same_clause = left is not None and not _CLAUSE_BREAK.search(sentence[left.end : f.start])
    if left and left.period and left.leading and same_clause and not (current and left.comparison):
        return left.period
    if left and left.period and left.comparison and same_clause and not current and f.kind not in _PLAN_KINDS:
        # `an improvement on 2013–14 when they were at 85%`: what is compared with is of its period
        return left.period
    if benchmark and left and left.period and left.end >= f.start - 50 and not parts.any_fig_between(left.end, f.start):
        return left.period  # `our comparators who as at 2021/22 were all at 84%`: the benchmark's own date
    if benchmark:
        return None  # benchmarks without their own date keep no period
    if parts.own:
        i = bisect_left(parts.own_starts, f.start)
        near = parts.own[max(0, i - 1) : i + 1]
        nearest = min(near, key=lambda x: min(abs(x.start - f.tail), abs(f.start - x.end)))
        if not (nearest.start >= f.tail and _STOP_PHRASE.search(sentence[f.tail : nearest.start])):
            return nearest.period
        # `67% ..., well above the national rate in 2013–14 ...`: a period set apart after it is another's
    return s.report_period


def _since_period(parts: _Parts, since: _Mention, s: _Setting) -> Period | None:
    """`Between April and October 2023 ... 52.5%, since then ... 80.5%`: from the month after the
    period named before `since then` to the end of the report's period, when both are known."""
    earlier = [m for m in parts.mentions if m.end <= since.start and m.period is not None and m.period.end]
    report = s.report_period
    if not earlier or report is None or report.end is None:
        return None
    last = earlier[-1].period.end  # type: ignore[union-attr]
    if report.end <= last:
        return None
    first = add_months(date(last.year, last.month, 1), 1)
    return span_period(parts.text[since.start : since.end], first, report.end.year, report.end.month)


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


def _keep(f: _Fig, unit: str, strict: bool, said: bool) -> bool:
    if not strict:
        return True
    # a count with its whole (`41 of the 52`) is a figure; `2/1` is more likely a broken date
    has_whole = f.denominator is not None and f.numerator is not None and f.denominator >= max(f.numerator, 2)
    # a bare count whose sentence says what it counts (`58 children on ...`: counts.py) is one too
    return unit in {"percent", "rate_per_10k", "rate_per_1k"} or has_whole or f.kind == "target" or (
        said and unit == "count"
    )


def _sentence_figures(sentence: str, s: _Setting, memory: _Memory) -> list[RawFigure]:
    """The figures of one sentence, in the order they are printed."""
    if len(_words(sentence)) < 4 or not _DIGIT.search(sentence):
        return []  # a figure is printed in digits: a sentence without one has none
    mentions = _period_mentions(sentence, s)
    figs = _figures(sentence, mentions)
    numbered = _SECTION_NUMBER.match(sentence.lstrip())
    if numbered:  # `2.1\tOf the 58 children ...`: the paragraph's number is no figure of it
        first = len(sentence) - len(sentence.lstrip()) + numbered.end()
        figs = [f for f in figs if f.start >= first]
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
    for f in figs:
        if f.kind == "actual" and _NATIONAL_END.search(f.indicator or ""):
            f.kind = "national"  # `16% of children looked after nationally`, `64% of all children in England`
    for f in figs:
        if f.kind == "actual" and (
            _FUTURE_BEFORE.search(_before(sentence, f.start, 40)) or _FUTURE_AFTER.match(_after(sentence, f.tail, 60))
        ):
            # `expect to support 10 participants who we hope will join us`: a plan, not a result
            f.kind, f.period = "forecast", None
    for f in figs:
        if f.kind == "actual" and _EARLIER_BEFORE.search(_before(sentence, f.start, 40)):
            # `Following an increase to 20%, ... has reduced to 14%`: where it was, not where it is
            f.kind, f.period = "previous_period", None
    for i in current:
        earlier, later = figs[i - 1], figs[i]
        if moved_from(sentence, earlier, later, mentions):
            # `an increase from 8% to 9%` with no period of its own: the earlier value is the
            # previous period's, not a second value of the same one
            earlier.kind, earlier.period = "previous_period", None
    for a, b in itertools.pairwise(figs):
        between = sentence[a.tail : b.start]
        if not b.rate_unit or a.rate_unit or a.percent or not _RATE_OPENS.search(between):
            continue
        if _RATE_IN_BRACKETS.fullmatch(between):
            a.forced_unit = "count"  # `190 (83 per 10,000 children)`: the count, beside its rate
        counted = _BRACKET_OPEN.split(a.indicator or "")[0]
        if counted and not counted.lower().startswith("rate"):
            a.indicator = counted  # the count's name stops where its rate's bracket opens
            # `200 children are being looked after ... (a rate of 88 per 10,000)`: the rate of what a counts
            base = "10,000" if b.rate_unit == "rate_per_10k" else "1,000"
            b.indicator = _clean(f"{counted} (rate per {base})")
    for f in figs:
        rated = [g for g in figs if g.start < f.start and g.kind == "actual" and g.rate_unit]
        if f.kind in _BENCHMARKS and rated and not (f.percent or f.rate_unit or f.forced_unit):
            # `... (40.9 per 10,000 population) is similar to the national average (41.4)`: a benchmark of the rate
            # before it in the sentence is in the rate's unit
            f.rate_unit = rated[-1].rate_unit
    assign_wholes(sentence, figs)
    shares_of_counts(sentence, figs)
    shares_of_bare_counts(sentence, figs)
    compared_groups(sentence, figs)
    with_members(sentence, figs)
    moved_to(sentence, figs)
    bands = {normalise_space(m.group(0)).lower() for m in _AGE_BAND.finditer(sentence)}
    said = counts_said(sentence, figs, mentions) if s.strict else {}
    out: list[tuple[_Fig, RawFigure]] = []
    for i, f in enumerate(figs):
        if _RESTATED.search(sentence[: f.start]) and not _said_that(sentence[: f.start]):
            continue  # `data on that approx. 5%`, `Of these 79 children`: a figure given before, restated
        raw = sentence[f.start : f.end]
        unit = "gbp" if raw.startswith("£") else _unit(f, raw)
        if not _keep(f, unit, s.strict, i in said):
            continue
        figure = RawFigure(
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
        apposed = _APPOSED.search(sentence[: f.start])
        if apposed and (figure.indicator_raw or "") not in sentence:
            # `Key Stage 2 results in reading, at 68%, matched ...`: the phrase the figure is set beside
            # names it, not a measure remembered from an earlier sentence
            figure = replace(figure, indicator_raw=_clean(apposed.group(1)))
        figure = replace(figure, indicator_raw=_with_predicate(sentence, f, figure.indicator_raw or ""))
        if figure.indicator_raw != sentence:
            named = _SECTION_NUMBER.sub("", figure.indicator_raw or "")  # `4.5 Children were seen ...`
            # `59% of respondents said that ...`: the ones who said it are the share's own cohort, not a speaker
            said_by_cohort = bool(f.own) and named.startswith(f.own.split(" ")[0])
            figure = replace(figure, indicator_raw=named if said_by_cohort else _without_speaker(named))
        cut = _CLAUSE_JOINT.split(figure.indicator_raw or "")[0]
        absolute = _ABSOLUTE.search(cut)
        if absolute and _has_verb(cut[: absolute.start()]):
            cut = cut[: absolute.start()]  # `are aged 16 plus, with 17-year-olds the age group ...`: a new statement
        if cut != figure.indicator_raw and figure.indicator_raw != sentence:
            # `rate per 10,000, and the reasons`: the name ends where the next clause begins
            figure = replace(figure, indicator_raw=_clean(cut))
        if i in said:  # the subject the figure's verb follows names it, else the name read, tidied
            figure = replace(figure, indicator_raw=said[i] or count_name(figure.indicator_raw or ""))
        if not _names_something(figure.indicator_raw):
            # `This`, `there`, `English average`: no measure named; a benchmark's is that of the sentence's actual
            # before it (`10% of children looked after were convicted ... and the English average of 6%`), else
            # the sentence is the honest name
            actual = [g.indicator_raw for _, g in out if g.value_kind == "actual" and g.indicator_raw != sentence]
            figure = replace(figure, indicator_raw=actual[-1] if actual and f.kind != "actual" else sentence)
        elif len(bands) == 1 and not _AGE_BAND.search(figure.indicator_raw):
            # a sentence about one cohort (`For those aged 18-20, the KPI is at 48%`) names it for
            # every figure it gives: cohorts of one measure are different indicators
            figure = replace(figure, indicator_raw=f"{figure.indicator_raw} ({next(iter(bands))})")
        out.append((f, figure))
    return _unambiguous(sentence, out)


def _named_by(heading: str, figure: RawFigure) -> RawFigure:
    """A figure named by a word or two of a `Lead: definition` heading's lead (`Absence` under `Absence
    Management: Percentage of working days lost ...`) takes the heading's full name."""
    lead, colon, _ = heading.partition(": ")
    words = [w.lower() for w in _words(figure.indicator_raw or "")]
    said = {w.lower() for w in _words(lead)}
    return replace(figure, indicator_raw=heading) if colon and 0 < len(words) <= 2 and set(words) <= said else figure


_MARKDOWN_MARKS = gated(re.compile(r"^\s*#+\s*|\*"))  # (_heading's patterns, compiled once)
_ENDS_LIKE_PROSE = re.compile(r"[.%]$")


def _heading(block: str) -> str | None:
    """A short title (`KPI 17 - Average social worker caseload`, `#### **Early Help**`), else None."""
    markdown = bool(_HEADING_LINE.match(block))
    if not markdown and ("\n" in block.strip() or _BULLET_START.match(block)):
        return None
    text = _clean(_MARKDOWN_MARKS.sub(" ", normalise_space(block)))
    text = _SECTION_NUMBER.sub("", text)  # `2.1 Performance indicators ...`: the report's section number
    text = defined_title(text)  # `Absence Management: Percentage of working days lost ... staff.`
    words = _words(text)
    if not words or len(words) > 20 or _ENDS_LIKE_PROSE.search(text) or (not markdown and len(words) < 3):
        return None
    return text


DEFAULT_NARRATIVE = NarrativeSettings()


def _counted_under(block: str, heading: str, setting: _Setting) -> list[tuple[str, RawFigure]]:
    """The one figure of a block under a heading naming one measure, read as a document of known format
    reads it: `20 Local Area Agreement indicators achieved their Year 1 targets` under `LAA indicators
    achieving their Year 1 target` is a count the heading names, though the strict reader leaves bare
    counts. Nothing when the block holds more than one figure or its sentence is not about the heading."""
    loose = replace(setting, strict=False)
    memory = _Memory(setting.limits.recent_figures)
    memory.heading = heading
    said = sentences(block)
    text = normalise_space(block)
    lead = _LEAD_COUNT.match(text)
    if not (lead and said and text[lead.end() :].startswith(said[0])):
        return []
    # `20 Local Area Agreement indicators achieved ...`: under a heading the leading number is the count
    # the heading names, not a paragraph number (a numbered paragraph names no measure above it); only
    # that count, never a figure further on (`a child under the age of 3`)
    sentence = text[: lead.end()] + said[0]
    found = _sentence_figures(sentence, loose, memory)
    if len(found) != 1 or found[0].value_raw != lead.group(0).strip() or not _about(heading, sentence):
        return []
    return [(sentence, found[0])]


_LEAD_COUNT = re.compile(r"^\d{1,3}(?:,\d{3})*\s+(?=[A-Z])")
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
    strict: only percentages, rates, fractions, explicit targets and counts the sentence names by a counted
    noun at the figure (counts.py), for documents of unknown format.
    settings: the reader's thresholds (Settings.narrative of the run).
    """
    setting = _Setting(report_period, strict, section, page, settings)
    memory = _Memory(settings.recent_figures)
    out: list[RawFigure] = []
    just_headed: str | None = None  # the heading of the block before, when it names a measure
    topic: str | None = None
    last: str | None = None  # the last heading: the figures' page context when they have no section
    stated = Context(report=report_period)  # for sentences in a set form (stated.py)
    for block in narrative_blocks(text):
        last = (heading := _heading(block)) or last
        under, just_headed = just_headed, None
        topic = None if heading is not None else topic  # the measure the text quoted last (referents.py)
        if heading is not None:  # measures named under an earlier heading are not this one's
            # a heading names the figures under it only when it names a measure (`KPI 17 - Average
            # social worker caseload`), never a section (`Going Well`, `Early Help`)
            memory.heading = heading if _names_a_measure(heading) else None
            memory.named = []
            just_headed = memory.heading
            if block.rstrip().endswith(":"):
                stated.lead = normalise_space(block)  # `... for March 2016 show LAC rates of:`: a lead-in
            else:
                stated = Context(memory.heading, report=report_period)
        elif _NUMBERED_PARAGRAPH.match(block):
            # `64. Performance in the GCSE examinations ...`: a numbered paragraph is a topic of its own
            memory.named = []
        memory.phrase = None
        labelled = read_kind_over_figure(block, stated, page=page, section=section) or read_area_lines(
            block, stated, page=page, section=section
        )
        if labelled:
            # `Previous quarter` over `61%`, `England = 60` lines: figures of the measure the heading names
            out.extend(f if f.section else replace(f, heading=last) for f in labelled)
            continue
        if not _DIGIT.search(block) and not _MEASURE_NOUN.search(block):
            continue  # no sentence of it holds a figure or names a measure: none changes anything
        in_block: list[tuple[str, RawFigure]] = []
        quoted: str | None = None  # the measure the block quoted last (referents.py)
        previous: str | None = None
        for sentence in sentences(block):
            # a sentence in a set form (`Measure: 23 (target 25)`, `The rate of ... rose to 412 (March
            # 2023: 398)`) is read whole by its form; any other by the general reader
            found = read_stated(sentence, stated, page=page, section=section) if _DIGIT.search(sentence) else None
            if found is None:
                found = _sentence_figures(sentence, setting, memory)
                found = named_by_earlier(found, sentence, in_block, quoted, topic, (page, section))
                found = respective_shares(sentence, found)  # `A and B (accounting for 28% and 17% of ...)`
                part = part_of_earlier(sentence, in_block, previous) if setting.strict and not found else None
                found = [part] if part else found  # `Of that number, 268 were living with ...`
            previous = sentence
            quoted = quoted_measure(sentence) or quoted
            topic = quoted or topic
            stated.lead = sentence if not found and sentence.endswith(":") else None
            in_block.extend((sentence, figure) for figure in found)
            if not found:
                # the measure noun first: most sentences have none, and the phrase search is slow
                named = _MEASURE_PHRASE.findall(sentence) if _MEASURE_NOUN.search(sentence) else []
                memory.phrase = _clean(_EVALUATIVE.sub("", named[-1])) if named else memory.phrase
        if under is not None and not in_block and setting.strict:
            in_block = _counted_under(block, under, setting)
        if under is not None and len(in_block) == 1 and _about(under, in_block[0][0]) and _about(
            under, in_block[0][1].indicator_raw or ""
        ):
            # the sentence and the figure's own name both about the heading (`Of the 5292 pupils who
            # completed the survey` under `Lifestyles of 14-15 year old LAC` is another count in its sentence)
            # `2.4 Children's services indicators achieving their quarter target` over the one figure of
            # `In quarter 3, 50% of the children's services indicators achieved ...`: the heading names it
            in_block = [(in_block[0][0], replace(in_block[0][1], indicator_raw=under))]
        if memory.heading:  # `Absence for November 2011 was 6.07%` under `Absence Management: Percentage of ...`
            in_block = [(sentence, _named_by(memory.heading, f)) for sentence, f in in_block]
        out.extend(figure if figure.section else replace(figure, heading=last) for _, figure in in_block)
    return out
