"""The report's charts: one inline SVG line chart per matched indicator (report.py lays out the page).

Actuals solid, targets dashed, a line per council; values with a data-quality flag ringed in
red. A chart holds at most ReportSettings.max_points points, whatever the number of rows.
"""

from __future__ import annotations

import calendar
import contextlib
import math
import os
import signal
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

import pandas as pd

from extract.settings import DEFAULT_SETTINGS

UNIT_LABELS = {
    "percent": "%", "count": "count", "rate_per_10k": "rate per 10,000", "rate_per_1k": "rate per 1,000",
    "rate_per_100k": "rate per 100,000", "ratio": "ratio", "days": "days", "weeks": "weeks", "score": "score",
    "gbp": "£", "unknown": "unit not known",
}  # fmt: skip
# At most this many points on one chart: beyond it, the values of one council, kind and date
# are drawn as their median, and then only the latest dates are kept.
MAX_POINTS = DEFAULT_SETTINGS.report.max_points
SERIES_ORDER = ["label", "value_kind", "period_end", "value", "document"]
FLAG_COLOUR = "#C00000"

# Chart geometry, in SVG user units.
WIDTH, PLOT_HEIGHT = 600, 220
LEFT, RIGHT, TOP_PAD = 64, 36, 10
TITLE_LINE, LEGEND_LINE, AXIS_SPACE = 17, 18, 42
TITLE_CHARS = 78  # a title line's length before it wraps


# Charts of at least this many rows in all are drawn by two processes (a fork costs ~10 ms).
PARALLEL_ROWS = 20_000


class InTwo:
    """[render(item) for item in items], a share of them (by weight, the last ones) drawn by a
    forked child on the machine's other core while this process does other work and draws the
    rest: the report is the longest part of a run after its documents are read, and one core
    is idle then. `start()` forks; `finish()` draws this process's share and collects the child's:
    the same strings in the same order. Anything amiss with the child (no fork, a failure) and
    this process draws it all."""

    def __init__(self, items: Sequence, weights: Sequence[int], render: Callable[[object], str], share: float) -> None:
        self.items, self.render = list(items), render
        self.pid, self.read = 0, -1
        total = sum(weights)
        self.split = len(self.items)  # the child draws items[split:]
        if total < PARALLEL_ROWS or len(self.items) < 2 or (os.cpu_count() or 1) < 2 or not hasattr(os, "fork"):
            return
        mine = 0
        for split, weight in enumerate(weights):
            if split and mine + weight > total * (1 - share):
                self.split = split
                break
            mine += weight

    def start(self) -> InTwo:
        if self.split >= len(self.items):
            return self
        read, write = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read)
            os.close(write)
            self.split = len(self.items)
            return self
        if pid == 0:  # the child: draw its share, send it, leave without running any exit handler
            code = 1
            try:
                os.close(read)
                signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C: the parent cleans up
                data = "\0".join(self.render(item) for item in self.items[self.split :])
                with os.fdopen(write, "wb") as out:
                    out.write(data.encode("utf-8", "surrogatepass"))
                code = 0
            finally:
                os._exit(code)
        os.close(write)
        self.pid, self.read = pid, read
        return self

    def finish(self) -> list[str]:
        first = [self.render(item) for item in self.items[: self.split]]
        if self.split >= len(self.items):
            return first
        chunks: list[bytes] = []
        with os.fdopen(self.read, "rb") as handle:
            self.read = -1
            while chunk := handle.read(1 << 20):
                chunks.append(chunk)
        status = self.wait()
        second = b"".join(chunks).decode("utf-8", "surrogatepass").split("\0")
        if status != 0 or len(second) != len(self.items) - self.split:
            second = [self.render(item) for item in self.items[self.split :]]
        return first + second

    def wait(self, kill: bool = False) -> int:
        """Reap the child (killed first when its work is no longer wanted); its exit status."""
        if self.read != -1:
            os.close(self.read)
            self.read = -1
        if not self.pid:
            return 0
        if kill:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
        _, status = os.waitpid(self.pid, 0)
        self.pid = 0
        return status


def render_in_two(items: Sequence, weights: Sequence[int], render: Callable[[object], str]) -> list[str]:
    """InTwo with nothing else to do meanwhile: half each."""
    job = InTwo(items, weights, render, 0.5).start()
    try:
        return job.finish()
    finally:
        job.wait(kill=True)


def filter_key(indicator_id: str, name: str) -> str:
    return f"{indicator_id} {name}".lower()


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
    flagged = group["flags"] != ""  # a row's flags joined by ", " (report.load_run)
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
    merged["flags"] = ["flagged values among them" if f else "" for f in merged["flagged"]]
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
        tip = f"{label}, {kind}, {period_label or end}: {raw}"
        if flags:
            tip += f" (flagged: {flags})"
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
