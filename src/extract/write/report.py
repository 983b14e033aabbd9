"""`extract report OUT`: one self-contained HTML page describing a run's dataset.

OUT/report.html holds a run summary, a coverage grid (indicators × councils), a contents list of
the indicators (with a filter box), an inline SVG line chart per matched indicator (actuals solid,
targets dashed, per council; values with a data-quality flag ringed in red), the values that have
no date (listed, not dropped) and the document list. No fonts, images or links to anything
outside the file; one small inline script filters the indicators (the page works without it);
the same dataset always gives the same bytes.
"""

from __future__ import annotations

import calendar
import math
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from html import escape
from pathlib import Path

import click
import pandas as pd

REPORT_NAME = "report.html"
UNKNOWN_COUNCIL = "(council not known)"
# Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#8C564B")
UNIT_LABELS = {
    "percent": "%", "count": "count", "rate_per_10k": "rate per 10,000", "rate_per_1k": "rate per 1,000",
    "ratio": "ratio", "days": "days", "weeks": "weeks", "score": "score", "gbp": "£", "unknown": "unit not known",
}  # fmt: skip
CHART_KINDS = ("actual", "target")
# At most this many points on one chart: beyond it, the values of one council, kind and date
# are drawn as their median, and then only the latest dates are kept.
MAX_POINTS = 400
SERIES_ORDER = ["label", "value_kind", "period_end", "value", "document"]

# Chart geometry, in SVG user units.
WIDTH, PLOT_HEIGHT = 600, 220
LEFT, RIGHT, TOP_PAD = 64, 36, 10
TITLE_LINE, LEGEND_LINE, AXIS_SPACE = 17, 18, 42
TITLE_CHARS = 78  # a title line's length before it wraps

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:24px;color:#222;max-width:1400px}
h1{font-size:1.6em}h2{margin-top:1.6em;border-bottom:1px solid #ccc;padding-bottom:4px}
table{border-collapse:collapse;font-size:13px;margin:8px 0}
th,td{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f3f3f3}td.n{text-align:right;font-variant-numeric:tabular-nums}
table.grid td.n{min-width:3em}table.grid td.z{background:#fafafa}
table.grid thead th{position:sticky;top:0;z-index:1}table.grid td:nth-child(2){min-width:22em}
.scroll{max-height:640px;max-width:100%;overflow:auto;display:inline-block;border:1px solid #ddd}.scroll table{margin:0}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(560px,1fr));gap:16px}
figure{margin:0;border:1px solid #e3e3e3;border-radius:4px;padding:6px;background:#fff}
figure svg{width:100%;height:auto;display:block}
.note{color:#555;font-size:13px}code{font-size:12px}
nav.toc ul{columns:3 22em;font-size:13px;padding-left:1.2em}nav.toc li{break-inside:avoid}
nav.toc input{font-size:14px;padding:3px 6px;width:24em}.hidden{display:none}
"""
FLAG_COLOUR = "#C00000"
# Filters the contents list and the charts by the text typed; no data is interpolated into it.
FILTER_SCRIPT = """
(function(){var box=document.getElementById('filter');if(!box)return;box.hidden=false;
box.addEventListener('input',function(){var q=box.value.toLowerCase();
document.querySelectorAll('[data-filter]').forEach(function(el){
el.classList.toggle('hidden',q!==''&&el.getAttribute('data-filter').indexOf(q)<0);});});})();
"""


# ---- loading ---------------------------------------------------------------------------------------------------


@dataclass
class Run:
    """The three tables of one run, with a display label for every observation's council."""

    observations: pd.DataFrame
    documents: pd.DataFrame
    catalogue: pd.DataFrame
    names: dict[str, str] = field(default_factory=dict)  # indicator_id -> catalogue name
    units: dict[str, str] = field(default_factory=dict)  # indicator_id -> catalogue unit


def council_label(council: object, council_id: object, document: str = "") -> str:
    """The council's name; documents without a council are grouped under one label (the
    report's size follows indicators × councils, not documents)."""
    if isinstance(council, str) and council:
        return council
    if isinstance(council_id, str) and council_id:
        return council_id
    return UNKNOWN_COUNCIL


def load_run(out: Path) -> Run:
    obs = pd.read_parquet(out / "observations.parquet")
    docs = pd.read_parquet(out / "documents.parquet")
    cat = pd.read_parquet(out / "catalogue.parquet")
    # one label per council (name, else id), computed per distinct pair rather than per row
    label = obs["council"].where(obs["council"].notna() & (obs["council"] != ""), obs["council_id"])
    label = label.where(label.notna() & (label != ""), UNKNOWN_COUNCIL)
    obs["label"] = label.astype(object)
    names = dict(zip(cat["indicator_id"], cat["name"], strict=True))
    units = dict(zip(cat["indicator_id"], cat["unit"], strict=True))
    return Run(obs, docs.sort_values("document"), cat, names, units)


# ---- HTML helpers ----------------------------------------------------------------------------------------------


def cell(value: object, numeric: bool = False) -> str:
    text = "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)
    return f'<td class="n">{escape(text)}</td>' if numeric else f"<td>{escape(text)}</td>"


def html_table(header: Iterable[str], rows: Iterable[Iterable[object]], numeric: set[int] | None = None,
               css: str = "") -> str:  # fmt: skip
    numeric = numeric or set()
    # a document standing in for an unknown council is a long header: break it after the marker
    marker = escape(UNKNOWN_COUNCIL) + " "
    head = "".join(f"<th>{escape(h).replace(marker, marker.strip() + '<br>')}</th>" for h in header)
    body = "".join("<tr>" + "".join(cell(v, i in numeric) for i, v in enumerate(row)) + "</tr>" for row in rows)
    return f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "n/a"


# ---- sections --------------------------------------------------------------------------------------------------


def summary_section(run: Run) -> str:
    obs, docs = run.observations, run.documents
    statuses = docs["status"].value_counts().sort_index()
    status_rows = [*((s, int(n)) for s, n in statuses.items()), ("total", len(docs))]
    matched = int(obs["indicator_id"].notna().sum())
    flags = pd.Series([f for fl in obs["flags"] for f in (fl if fl is not None else [])], dtype=object)
    flag_rows = sorted((str(f), int(n)) for f, n in flags.value_counts().items())
    unmatched = obs.loc[obs["indicator_id"].isna(), "indicator_raw"]
    unknown_docs = docs.loc[docs["council_id"].isna() & (docs["observations"] > 0), "document"]
    facts = [
        ("observations (rows)", f"{len(obs):,}"),
        ("rows matched to the catalogue", f"{matched:,} ({percent(matched, len(obs))})"),
        ("unmatched indicator names", f"{unmatched.nunique():,} names in {len(unmatched):,} rows"),
        ("matched indicators", f"{obs['indicator_id'].nunique():,}"),
        ("councils (known)", f"{obs['council_id'].dropna().nunique():,}"),
        ("documents with rows whose council is not known", f"{unknown_docs.nunique():,}"),
        ("rows without a date (period end)", f"{int(obs['period_end'].isna().sum()):,}"),
    ]
    return (
        "<h2>Run summary</h2>"
        + html_table(("measure", "value"), facts, {1})
        + "<h3>Documents by status</h3>"
        + html_table(("status", "documents"), status_rows, {1})
        + "<h3>Data-quality flags</h3>"
        + (html_table(("flag", "rows"), flag_rows, {1}) if flag_rows else '<p class="note">No rows are flagged.</p>')
    )


def coverage_section(run: Run) -> str:
    """Indicators as rows, councils as columns: the number of values read for each pair."""
    obs = run.observations
    valued = obs[obs["indicator_id"].notna() & obs["value"].notna()]
    councils = sorted(obs["label"].unique())
    grid = valued.groupby(["indicator_id", "label"]).size().unstack(fill_value=0)  # the one pivot
    grid = grid.reindex(index=sorted(grid.index), columns=councils, fill_value=0)
    header = ["indicator", "name", *councils]
    rows = [
        (ind, run.names.get(ind, ""), *(int(v) or "" for v in values))
        for ind, values in zip(grid.index, grid.to_numpy().tolist(), strict=True)
    ]
    numeric = set(range(2, len(header)))
    return (
        "<h2>Coverage</h2>"
        '<p class="note">Values read (any kind: actual, target, benchmarks …) for each matched indicator and '
        f"council. Documents without a known council are grouped as {escape(UNKNOWN_COUNCIL)}.</p>"
        + f'<div class="scroll">{html_table(header, rows, numeric, "grid")}</div>'
    )


SOURCE_COLUMNS = ("document", "council", "parser", "version", "status", "rows", "sha256", "error or note")


def sources_section(run: Run) -> str:
    docs = run.documents
    names = dict(zip(run.observations["council_id"], run.observations["council"], strict=True))
    rows = [
        (
            d.document,
            names.get(d.council_id, d.council_id) if isinstance(d.council_id, str) else UNKNOWN_COUNCIL,
            d.parser, d.parser_version, d.status, int(d.observations),
            d.document_sha256[:12] if isinstance(d.document_sha256, str) else "",
            d.error if isinstance(d.error, str) else getattr(d, "notes", None),
        )
        for d in docs.itertuples(index=False)
    ]  # fmt: skip
    return (
        "<h2>Where the data came from</h2>"
        '<p class="note">Every figure above was read from these documents (paths relative to the corpus); '
        "each row of observations.parquet keeps its document, page and the context it was read from.</p>"
        + html_table(SOURCE_COLUMNS, rows, {5})
    )


def _chartable(obs: pd.DataFrame) -> pd.Series:
    return obs["indicator_id"].notna() & obs["value_kind"].isin(CHART_KINDS) & obs["value"].notna()


def filter_key(indicator_id: str, name: str) -> str:
    return f"{indicator_id} {name}".lower()


def toc_section(run: Run) -> str:
    """Every matched indicator, with a link to its chart (or its undated values), and a filter box."""
    obs = run.observations
    chartable = obs[_chartable(obs)]
    dated = set(chartable.loc[chartable["period_end"].notna(), "indicator_id"])
    counts = obs[obs["indicator_id"].notna()].groupby("indicator_id").size()
    items = []
    for ind in sorted(counts.index):
        name = run.names.get(ind, ind)
        target = f"#{escape(ind)}" if ind in dated else "#undated"
        where = "" if ind in dated else " (no chart: no dated actual or target)"
        items.append(f'<li data-filter="{escape(filter_key(ind, name))}"><a href="{target}">{escape(name)}</a> '
                     f'<code>{escape(ind)}</code> · {int(counts[ind])} rows{where}</li>')  # fmt: skip
    return (
        '<h2 id="indicators">Indicators</h2><nav class="toc">'
        '<p class="note">Every matched indicator, linked to its chart. '
        '<input type="search" id="filter" placeholder="filter by indicator name or id" hidden></p>'
        f"<ul>{''.join(items)}</ul></nav>"
    )


def undated_section(run: Run) -> str:
    """Matched actuals and targets that have no date: not on any chart, so listed here."""
    obs = run.observations
    undated = obs[_chartable(obs) & obs["period_end"].isna()].sort_values(
        ["indicator_id", "label", "document", "page"], kind="stable"
    )
    if undated.empty:
        return '<h2 id="undated">Values without a date</h2><p class="note">Every charted value has a date.</p>'
    rows = [
        (r.indicator_id, r.label, r.value_kind, r.period_label, r.value_raw, r.document,
         "" if pd.isna(r.page) else int(r.page), ", ".join(r.flags) if r.flags is not None else "")
        for r in undated.itertuples(index=False)
    ]  # fmt: skip
    table = html_table(("indicator", "council", "kind", "period as printed", "value", "document", "page", "flags"),
                       rows, {6})  # fmt: skip
    return (
        '<h2 id="undated">Values without a date</h2>'
        f'<p class="note">{len(rows):,} matched actual and target values have no period end, so no chart '
        "can place them; here they are, as printed.</p>"
        f'<div class="scroll">{table}</div>'
    )


def charts_section(run: Run) -> str:
    obs = run.observations
    dated = obs[_chartable(obs) & obs["period_end"].notna()]
    columns = ["indicator_id", *SERIES_ORDER, "period_label", "value_raw", "flags"]
    # sorted once: each indicator's group keeps this order (series_of need not sort again)
    dated = dated[columns].sort_values(["indicator_id", *SERIES_ORDER], kind="stable")
    colours = {label: PALETTE[i % len(PALETTE)] for i, label in enumerate(sorted(obs["label"].unique()))}
    figures = [
        indicator_chart(ind, run.names.get(ind, ind), run.units.get(ind, "unknown"), capped(group), colours)
        for ind, group in dated.groupby("indicator_id", sort=True)
    ]
    undated = sorted(set(obs["indicator_id"].dropna()) - set(dated["indicator_id"]))
    missing = (
        f'<p class="note">Matched indicators with no dated actual or target value (no chart): '
        f"{escape(', '.join(undated))}.</p>"
        if undated
        else ""
    )
    return (
        "<h2>Values over time</h2>"
        '<p class="note">Actuals are solid lines with filled dots, targets dashed lines with hollow squares, '
        "placed at the end of their period. Several values for one council and date are all drawn. "
        f'<span style="color:{FLAG_COLOUR}">Values with a data-quality flag are ringed in red</span> '
        "(hover for the flags). Values without a date are listed under "
        '<a href="#undated">Values without a date</a>.</p>' + f'<div class="charts">{"".join(figures)}</div>' + missing
    )


# ---- charts ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Point:
    day: date
    value: float
    tip: str  # hover text: council, kind, period and the value as printed
    flagged: bool = False


def capped(group: pd.DataFrame, limit: int = MAX_POINTS) -> pd.DataFrame:
    """At most `limit` points (sorted as SERIES_ORDER): past it, one point per council, kind and
    date (the median, its hover text saying of how many values), then the latest dates only."""
    if len(group) <= limit:
        return group
    keys = ["label", "value_kind", "period_end"]
    flagged = group["flags"].map(lambda f: f is not None and len(f) > 0)
    merged = (
        group.assign(flagged=flagged)
        .groupby(keys, sort=True)
        .agg(
            value=("value", "median"), n=("value", "size"), flagged=("flagged", "any"), label_=("period_label", "first")
        )
        .reset_index()
    )
    merged["period_label"] = merged["label_"]
    merged["value_raw"] = [
        f"median {v:g} of {n} values" if n > 1 else f"{v:g}" for v, n in zip(merged["value"], merged["n"], strict=True)
    ]
    merged["flags"] = [["flagged values among them"] if f else None for f in merged["flagged"]]
    merged["document"] = ""
    if len(merged) > limit:
        latest = sorted(set(merged["period_end"]), reverse=True)
        keep: list = []
        for day in latest:  # whole dates, latest first, while they fit
            n = int((merged["period_end"] == day).sum())
            if keep and sum(c for _, c in keep) + n > limit:
                break
            keep.append((day, n))
        merged = merged[merged["period_end"].isin({d for d, _ in keep})]
    return merged[[*SERIES_ORDER, "period_label", "value_raw", "flags"]]


def series_of(group: pd.DataFrame) -> dict[tuple[str, str], list[Point]]:
    """(council label, kind) -> its points in date order (the group is sorted as SERIES_ORDER)."""
    series: dict[tuple[str, str], list[Point]] = {}
    columns = [
        group[c].tolist() for c in ("label", "value_kind", "period_end", "value", "period_label", "value_raw", "flags")
    ]
    for label, kind, end, value, period_label, raw, flags in zip(*columns, strict=True):
        flags = list(flags) if flags is not None else []
        tip = f"{label}, {kind}, {period_label or end}: {raw}"
        if flags:
            tip += f" (flagged: {', '.join(flags)})"
        series.setdefault((label, kind), []).append(Point(end, float(value), tip, bool(flags)))
    return series


def nice_step(span: float, count: int = 5) -> float:
    raw = span / count
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def value_ticks(lo: float, hi: float, ceiling: float | None = None) -> list[float]:
    """Round tick values covering lo..hi, padded; never above `ceiling` when the values are not."""
    pad = (hi - lo) * 0.05 if hi - lo > 1e-9 else max(abs(hi) * 0.1, 1.0)  # keep points off the frame
    top = min(hi + pad, ceiling) if ceiling is not None and hi <= ceiling else hi + pad
    lo, hi = (max(lo - pad, 0.0) if lo >= 0 else lo - pad), top  # no negative axis for positive values
    step = nice_step(hi - lo)
    first, last = math.floor(lo / step), math.ceil(hi / step)
    return [round(i * step, 10) for i in range(first, last + 1)]


def tick_text(value: float, step: float) -> str:
    decimals = max(0, -math.floor(math.log10(step))) if step < 1 else 0
    while decimals < 6 and abs(step * 10**decimals - round(step * 10**decimals)) > 1e-9:
        decimals += 1  # 0.25 needs two decimals, not one
    return f"{value:,.{decimals}f}"


def month_end(index: int) -> date:
    """The last day of month `index` (year * 12 + month - 1)."""
    year, month = divmod(index, 12)
    return date(year, month + 1, calendar.monthrange(year, month + 1)[1])


def date_domain(days: list[date]) -> tuple[int, int]:
    """Ordinal day range holding every point, padded so none sits on the frame."""
    lo, hi = min(days).toordinal(), max(days).toordinal()
    pad = max((hi - lo) * 0.04, 30 if hi > lo else 75)
    return round(lo - pad), round(hi + pad)


def date_ticks(lo: int, hi: int) -> list[date]:
    """Month ends inside lo..hi, every 1, 3, 6, 12 … months (March-aligned), at most 7 of them."""
    start, end = date.fromordinal(lo), date.fromordinal(hi)
    months = range(start.year * 12 + start.month - 1, end.year * 12 + end.month)
    for step in (1, 2, 3, 6, 12, 24, 60, 120):
        ticks = [month_end(i) for i in months if i % step == 2 % step]
        ticks = [t for t in ticks if lo <= t.toordinal() <= hi]
        if len(ticks) <= 7:
            return ticks
    return []


def wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


@dataclass(frozen=True)
class Frame:
    """Maps data to SVG coordinates inside the plot area."""

    x0: int
    x1: int
    y0: float
    y1: float
    top: float

    def x(self, day: date) -> float:
        return LEFT + (day.toordinal() - self.x0) / (self.x1 - self.x0) * (WIDTH - LEFT - RIGHT)

    def y(self, value: float) -> float:
        return self.top + PLOT_HEIGHT - (value - self.y0) / (self.y1 - self.y0) * PLOT_HEIGHT


def axes_svg(frame: Frame, yticks: list[float], xticks: list[date], unit: str) -> str:
    bottom, right = frame.top + PLOT_HEIGHT, WIDTH - RIGHT
    step = yticks[1] - yticks[0] if len(yticks) > 1 else 1.0
    parts = [f'<rect x="{LEFT}" y="{frame.top:.1f}" width="{right - LEFT}" height="{PLOT_HEIGHT}" fill="#fcfcfc" '
             'stroke="#999"/>']  # fmt: skip
    for v in yticks:
        y = frame.y(v)
        parts.append(f'<line x1="{LEFT}" x2="{right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e4e4e4"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{escape(tick_text(v, step))}</text>')
    for d in xticks:
        x = frame.x(d)
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{bottom}" y2="{bottom + 5}" stroke="#666"/>')
        parts.append(f'<text x="{x:.1f}" y="{bottom + 18}" text-anchor="middle">{d:%b %Y}</text>')
    mid = frame.top + PLOT_HEIGHT / 2
    parts.append(f'<text x="14" y="{mid:.1f}" text-anchor="middle" transform="rotate(-90 14 {mid:.1f})">'
                 f"{escape(UNIT_LABELS.get(unit, unit))}</text>")  # fmt: skip
    parts.append(f'<text x="{(LEFT + right) / 2:.1f}" y="{bottom + 36}" text-anchor="middle" fill="#555">'
                 "period end</text>")  # fmt: skip
    return "".join(parts)


def marker(x: float, y: float, colour: str, kind: str, tip: str, flagged: bool = False) -> str:
    tip_el = f"<title>{escape(tip)}</title>"
    ring = (f'<circle class="flagged" cx="{x:.1f}" cy="{y:.1f}" r="7" fill="none" stroke="{FLAG_COLOUR}" '
            f'stroke-width="2">{tip_el}</circle>' if flagged else "")  # fmt: skip
    if kind == "target":
        return ring + (f'<rect x="{x - 3.5:.1f}" y="{y - 3.5:.1f}" width="7" height="7" fill="#fff" stroke="{colour}" '
                       f'stroke-width="1.6">{tip_el}</rect>')  # fmt: skip
    return ring + f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}">{tip_el}</circle>'


def series_svg(frame: Frame, points: list[Point], colour: str, kind: str) -> str:
    coords = [(frame.x(p.day), frame.y(p.value)) for p in points]
    dash = ' stroke-dasharray="6 4"' if kind == "target" else ""
    line = ""
    if len(coords) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        line = f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>'
    return line + "".join(
        marker(x, y, colour, kind, p.tip, p.flagged) for (x, y), p in zip(coords, points, strict=True)
    )


def legend_svg(keys: list[tuple[str, str]], colours: dict[str, str], top: float) -> str:
    parts = []
    for i, (label, kind) in enumerate(keys):
        y = top + i * LEGEND_LINE
        colour = colours[label]
        dash = ' stroke-dasharray="6 4"' if kind == "target" else ""
        parts.append(f'<line x1="{LEFT}" x2="{LEFT + 28}" y1="{y:.1f}" y2="{y:.1f}" stroke="{colour}" '
                     f'stroke-width="2"{dash}/>')  # fmt: skip
        parts.append(marker(LEFT + 14, y, colour, kind, f"{label}, {kind}"))
        parts.append(f'<text x="{LEFT + 36}" y="{y + 4:.1f}">{escape(label)} — {escape(kind)}</text>')
    return "".join(parts)


def indicator_chart(indicator_id: str, name: str, unit: str, group: pd.DataFrame, colours: dict[str, str]) -> str:
    """One figure: a line per council and kind, the catalogue's name and unit as title."""
    series = series_of(group)
    points = [p for ps in series.values() for p in ps]
    title = wrap(f"{name} ({UNIT_LABELS.get(unit, unit)})", TITLE_CHARS)
    top = TOP_PAD + TITLE_LINE * (len(title) + 1) + 8
    ceiling = 100.0 if unit == "percent" else None
    yticks = value_ticks(min(p.value for p in points), max(p.value for p in points), ceiling)
    x0, x1 = date_domain([p.day for p in points])
    frame = Frame(x0, x1, yticks[0], yticks[-1], top)
    keys = sorted(series)
    height = top + PLOT_HEIGHT + AXIS_SPACE + LEGEND_LINE * len(keys) + 4
    title_svg = "".join(
        f'<text x="{LEFT - 50}" y="{TOP_PAD + TITLE_LINE * (i + 1) - 4}" font-size="14" font-weight="bold">'
        f"{escape(line)}</text>"
        for i, line in enumerate(title)
    )
    id_svg = (f'<text x="{LEFT - 50}" y="{TOP_PAD + TITLE_LINE * (len(title) + 1) - 6}" fill="#666">'
              f"{escape(indicator_id)} · {len(points)} value{'s' if len(points) != 1 else ''}</text>")  # fmt: skip
    body = "".join(series_svg(frame, series[k], colours[k[0]], k[1]) for k in keys)
    svg = (
        f'<svg viewBox="0 0 {WIDTH} {height:.0f}" font-size="12" '
        f'font-family="system-ui,Arial,sans-serif" role="img" aria-label="{escape(name)}">'
        f"<title>{escape(name)}</title>{title_svg}{id_svg}"
        f"{axes_svg(frame, yticks, date_ticks(x0, x1), unit)}{body}"
        f"{legend_svg(keys, colours, top + PLOT_HEIGHT + AXIS_SPACE + 8)}</svg>"
    )
    key = escape(filter_key(indicator_id, name))
    return f'<figure id="{escape(indicator_id)}" data-filter="{key}">{svg}</figure>'


# ---- the page --------------------------------------------------------------------------------------------------


def render(run: Run) -> str:
    sections = [summary_section(run), coverage_section(run), toc_section(run), charts_section(run),
                undated_section(run), sources_section(run)]  # fmt: skip
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>extract: run report</title><style>{CSS}</style></head><body>"
        "<h1>Children's services performance: run report</h1>"
        '<p class="note">Made by <code>extract report</code> from observations.parquet, documents.parquet and '
        "catalogue.parquet in the output folder.</p>"
        + "".join(sections)
        + f"<script>{FILTER_SCRIPT}</script></body></html>\n"
    )


def write_report_file(folder: Path) -> Path:
    """Read the Parquet files in `folder` and write folder/report.html (a temporary name, renamed)."""
    folder = Path(folder)
    html = render(load_run(folder))
    path = folder / REPORT_NAME
    fd, tmp = tempfile.mkstemp(prefix=f".{REPORT_NAME}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(html)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the report is for reading
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_report(out: Path) -> Path:
    """Rewrite OUT/report.html. In an OUT written by a run, as a new generation (the dataset
    files linked from the current one): OUT never shows a report of another dataset."""
    from extract.write.output import OUTPUT_FILES, Generation, RunLock, current_generation

    out = Path(out)
    if current_generation(out) is None:
        return write_report_file(out)
    with RunLock(out):
        generation = Generation(out)
        try:
            generation.link_from_current(tuple(n for n in OUTPUT_FILES if n != REPORT_NAME))
            write_report_file(generation.dir)
            generation.commit()
        except BaseException:
            generation.abort()
            raise
    return out / REPORT_NAME


@click.command("report")
@click.argument("out", type=click.Path(exists=True, file_okay=False, path_type=Path))
def report_command(out: Path) -> None:
    """Write OUT/report.html: summary, coverage and charts of the dataset in OUT, in one file."""
    missing = [n for n in ("observations.parquet", "documents.parquet", "catalogue.parquet") if not (out / n).exists()]
    if missing:
        raise click.ClickException(f"{', '.join(missing)} not found in {out}: run `extract CORPUS --out {out}` first")
    from extract.errors import OutputError

    try:
        click.echo(str(write_report(out)))
    except (OutputError, OSError) as exc:  # another run writing OUT, a full disk: one line, no traceback
        raise click.ClickException(str(exc)) from exc
