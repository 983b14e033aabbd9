"""`extract report OUT`: one self-contained HTML page describing a run's dataset.

OUT/report.html holds a run summary, a coverage grid (indicators × councils), a contents list of
the indicators (with a filter box), an inline SVG line chart per matched indicator (actuals solid,
targets dashed, per council; values with a data-quality flag ringed in red), the values that have
no date (listed, not dropped) and the document list. No fonts, images or links to anything
outside the file; one small inline script filters the indicators (the page works without it);
the same dataset always gives the same bytes.
"""

from __future__ import annotations

import math
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

import click
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from extract.settings import DEFAULT_SETTINGS
from extract.write.report_charts import (  # noqa: F401 - the chart helpers, where callers have found them
    FLAG_COLOUR,
    MAX_POINTS,
    SERIES_ORDER,
    UNIT_LABELS,
    InTwo,
    capped,
    filter_key,
    indicator_chart,
)

REPORT_NAME = "report.html"
UNKNOWN_COUNCIL = "(council not known)"
# Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#8C564B")
CHART_KINDS = ("actual", "target")

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
nav.toc ul{columns:3 22em;font-size:13px;padding-left:1.2em}nav.toc li{break-inside:avoid;overflow-wrap:anywhere}
table.sources td:first-child{overflow-wrap:anywhere;min-width:16em}
nav.toc input{font-size:14px;padding:3px 6px;width:24em}.hidden{display:none}
"""
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

    observations: pa.Table  # REPORT_COLUMNS and `label`; `flags` joined by ", " ("" when none)
    documents: pd.DataFrame
    catalogue: pd.DataFrame
    names: dict[str, str] = field(default_factory=dict)  # indicator_id -> catalogue name
    units: dict[str, str] = field(default_factory=dict)  # indicator_id -> catalogue unit
    flag_counts: dict[str, int] = field(default_factory=dict)  # flag -> rows


def council_label(council: object, council_id: object, document: str = "") -> str:
    """The council's name; documents without a council are grouped under one label (the
    report's size follows indicators × councils, not documents)."""
    if isinstance(council, str) and council:
        return council
    if isinstance(council_id, str) and council_id:
        return council_id
    return UNKNOWN_COUNCIL


REPORT_COLUMNS = ["council_id", "council", "document", "page", "indicator_raw", "indicator_id", "period_label",
                  "period_end", "value_kind", "value", "value_raw", "flags"]  # fmt: skip


# text columns read dictionary-encoded: a few distinct values each, repeated over many rows
DICTIONARY_COLUMNS = ["council_id", "council", "document", "indicator_raw", "indicator_id", "period_label",
                      "value_kind", "value_raw"]  # fmt: skip


def load_run(out: Path) -> Run:
    """The run's tables; observations stay Arrow columns, their text dictionary-encoded (a
    section turns into pandas only the rows it shows, one indicator's at a time for the charts)."""
    with pq.ParquetFile(out / "observations.parquet", read_dictionary=DICTIONARY_COLUMNS) as handle:
        table = handle.read(columns=REPORT_COLUMNS, use_threads=False)
    flags = pc.list_flatten(table.column("flags")).value_counts().to_pylist()
    joined = pc.dictionary_encode(pc.fill_null(pc.binary_join(table.column("flags"), ", "), ""))
    table = table.set_column(table.schema.get_field_index("flags"), "flags", joined)
    # one label per council: its name, else its id, else UNKNOWN_COUNCIL
    council, council_id = table.column("council"), table.column("council_id")
    unknown = pa.scalar(UNKNOWN_COUNCIL).cast(council_id.type)
    label = pc.if_else(_present(council), council, pc.if_else(_present(council_id), council_id, unknown))
    table = table.append_column("label", label).unify_dictionaries()  # one dictionary a column: group_by needs it
    docs = pd.read_parquet(out / "documents.parquet")
    cat = pd.read_parquet(out / "catalogue.parquet")
    names = dict(zip(cat["indicator_id"], cat["name"], strict=True))
    units = dict(zip(cat["indicator_id"], cat["unit"], strict=True))
    counts = {f["values"]: f["counts"] for f in flags}
    return Run(table, docs.sort_values("document"), cat, names, units, counts)


def _present(column) -> pa.ChunkedArray:
    """Not null and not empty."""
    return pc.fill_null(pc.not_equal(column, ""), False)


def _plain(table: pa.Table) -> pa.Table:
    """Dictionary-encoded text as plain text (categories and dictionaries sort otherwise)."""
    plain = pa.schema([f.with_type(f.type.value_type) if pa.types.is_dictionary(f.type) else f for f in table.schema])
    return table.cast(plain)


def _frame(table: pa.Table) -> pd.DataFrame:
    """Rows as pandas, with plain text."""
    return _plain(table).to_pandas(date_as_object=True)


def _distinct(values) -> list:
    return [v for v in pc.unique(values).to_pylist() if v is not None]


def _chartable(obs: pa.Table) -> pa.ChunkedArray:
    kinds = pc.is_in(obs.column("value_kind"), pa.array(CHART_KINDS))
    return pc.and_(pc.and_(pc.is_valid(obs.column("indicator_id")), pc.fill_null(kinds, False)),
                   pc.is_valid(obs.column("value")))  # fmt: skip


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
    rows = obs.num_rows
    matched = rows - obs.column("indicator_id").null_count
    flag_rows = sorted((str(f), int(n)) for f, n in run.flag_counts.items())
    unmatched = obs.column("indicator_raw").filter(pc.is_null(obs.column("indicator_id")))
    unknown_docs = docs.loc[docs["council_id"].isna() & (docs["observations"] > 0), "document"]
    facts = [
        ("observations (rows)", f"{rows:,}"),
        ("rows matched to the catalogue", f"{matched:,} ({percent(matched, rows)})"),
        ("unmatched indicator names", f"{len(_distinct(unmatched)):,} names in {len(unmatched):,} rows"),
        ("matched indicators", f"{len(_distinct(obs.column('indicator_id'))):,}"),
        ("councils (known)", f"{len(_distinct(obs.column('council_id'))):,}"),
        ("documents with rows whose council is not known", f"{unknown_docs.nunique():,}"),
        ("rows without a date (period end)", f"{obs.column('period_end').null_count:,}"),
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
    valued = obs.filter(pc.and_(pc.is_valid(obs.column("indicator_id")), pc.is_valid(obs.column("value"))))
    councils = sorted(_distinct(obs.column("label")))
    pairs = _frame(valued.group_by(["indicator_id", "label"]).aggregate([("value", "count")]))
    grid = pairs.pivot(index="indicator_id", columns="label", values="value_count")  # the one pivot
    grid = grid.fillna(0).astype("int64") if not pairs.empty else pd.DataFrame(index=pd.Index([], name="indicator_id"))
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
    limit = DEFAULT_SETTINGS.report.max_documents
    more = max(0, len(docs) - limit)
    if more:  # those not `ok` first, then in order of name
        docs = docs.assign(_ok=docs["status"] == "ok").sort_values(["_ok", "document"], kind="stable").head(limit)
        docs = docs.sort_values("document", kind="stable")
    pairs = run.observations.group_by(["council_id", "council"]).aggregate([])
    names = dict(zip(pairs.column("council_id").to_pylist(), pairs.column("council").to_pylist(), strict=True))
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
        + html_table(SOURCE_COLUMNS, rows, {5}, css="sources")  # long file names wrap, the page keeps its width
        + (f'<p class="note">{more:,} more documents (all <code>ok</code>) are listed in documents.parquet.</p>'
           if more else "")
    )


def toc_section(run: Run) -> str:
    """Every matched indicator, with a link to its chart (or its undated values), and a filter box."""
    obs = run.observations
    charted = pc.and_(_chartable(obs), pc.is_valid(obs.column("period_end")))
    dated = set(_distinct(obs.column("indicator_id").filter(charted)))
    per = pc.value_counts(obs.column("indicator_id").filter(pc.is_valid(obs.column("indicator_id")))).to_pylist()
    counts = {p["values"]: p["counts"] for p in per}
    items = []
    for ind in sorted(counts):
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
    """Matched actuals and targets that have no date: not on any chart, so counted here per
    indicator, council and kind (the first as printed, as an example)."""
    obs = run.observations
    undated = _frame(obs.filter(pc.and_(_chartable(obs), pc.is_null(obs.column("period_end"))))).sort_values(
        ["indicator_id", "label", "document", "page"], kind="stable"
    )
    if undated.empty:
        return '<h2 id="undated">Values without a date</h2><p class="note">Every charted value has a date.</p>'
    keys = ["indicator_id", "label", "value_kind"]
    groups = undated.groupby(keys, sort=True).agg(
        values=("value", "size"), period=("period_label", "first"), raw=("value_raw", "first"),
        document=("document", "first"), page=("page", "first"),
    ).reset_index()  # fmt: skip
    rows = [
        (r.indicator_id, r.label, r.value_kind, int(r.values), r.period, r.raw, r.document,
         "" if pd.isna(r.page) else int(r.page))
        for r in groups.itertuples(index=False)
    ]  # fmt: skip
    header = ("indicator", "council", "kind", "values", "first: period as printed", "value", "document", "page")
    table = html_table(header, rows, {3, 7})
    return (
        '<h2 id="undated">Values without a date</h2>'
        f'<p class="note">{len(undated):,} matched actual and target values have no period end, so no chart '
        "can place them: counted here for each indicator, council and kind, with the first as printed "
        "(observations.parquet has every one).</p>"
        f'<div class="scroll">{table}</div>'
    )


class ChartsSection:
    """The charts, an indicator at a time (rows sorted by indicator: pandas never holds the
    corpus); `share` of them drawn by a forked child (InTwo) once `start()` is called."""

    def __init__(self, run: Run, share: float) -> None:
        obs = run.observations
        self.run = run
        dated = obs.filter(pc.and_(_chartable(obs), pc.is_valid(obs.column("period_end"))))
        dated = _plain(dated.select(["indicator_id", *SERIES_ORDER, "period_label", "value_raw", "flags"]))
        # one stable sort by indicator, then each indicator's series in order (Arrow's sort is stable)
        self.dated = dated.take(pc.sort_indices(dated, [(n, "ascending") for n in ("indicator_id", *SERIES_ORDER)]))
        labels = sorted(_distinct(obs.column("label")))
        self.colours = {label: PALETTE[i % len(PALETTE)] for i, label in enumerate(labels)}
        groups, charted, start = [], set(), 0
        for run_of in pc.value_counts(self.dated.column("indicator_id")).to_pylist() if self.dated.num_rows else []:
            groups.append((run_of["values"], start, run_of["counts"]))
            charted.add(run_of["values"])
            start += run_of["counts"]
        self.undated = sorted(set(_distinct(obs.column("indicator_id"))) - charted)
        self.job = InTwo(groups, [count for _, _, count in groups], self.chart, share)

    def chart(self, group: tuple[str, int, int]) -> str:
        ind, start, count = group
        rows = capped(_frame(self.dated.slice(start, count)))
        name, unit = self.run.names.get(ind, ind), self.run.units.get(ind, "unknown")
        return indicator_chart(ind, name, unit, rows, self.colours)

    def html(self) -> str:
        figures = self.job.finish()
        missing = (
            f'<p class="note">Matched indicators with no dated actual or target value (no chart): '
            f"{escape(', '.join(self.undated))}.</p>"
            if self.undated
            else ""
        )
        return (
            "<h2>Values over time</h2>"
            '<p class="note">Actuals are solid lines with filled dots, targets dashed lines with hollow squares, '
            "placed at the end of their period. Several values for one council and date are all drawn. "
            f'<span style="color:{FLAG_COLOUR}">Values with a data-quality flag are ringed in red</span> '
            "(hover for the flags). Values without a date are listed under "
            '<a href="#undated">Values without a date</a>.</p>'
            + f'<div class="charts">{"".join(figures)}</div>'
            + missing
        )


def charts_section(run: Run) -> str:
    section = ChartsSection(run, 0.5)
    section.job.start()
    try:
        return section.html()
    finally:
        section.job.wait(kill=True)


# The charts' share drawn by the child while this process writes the other sections (about a
# third of the report's time besides the charts, on the 200-PDF benchmark): two thirds.
CHILD_SHARE = 2 / 3


# ---- the page --------------------------------------------------------------------------------------------------


def render(run: Run) -> str:
    charts = ChartsSection(run, CHILD_SHARE)
    charts.job.start()
    try:
        before = [summary_section(run), coverage_section(run), toc_section(run)]
        after = [undated_section(run), sources_section(run)]
        sections = [*before, charts.html(), *after]
    finally:
        charts.job.wait(kill=True)
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


def report_inputs(folder: Path) -> str | None:
    """What report.html is made from: the three dataset files and the report's own code. A
    generation whose inputs are those of the current one links its report (same bytes)."""
    import hashlib

    from extract.write.output import file_sha256

    digest = hashlib.sha256()
    try:
        for name in ("observations.parquet", "documents.parquet", "catalogue.parquet"):
            digest.update(file_sha256(folder / name).encode())
        digest.update(Path(__file__).read_bytes())
    except OSError:
        return None
    return digest.hexdigest()


def write_report(out: Path) -> Path:
    """Rewrite OUT/report.html. In an OUT written by a run, as a new generation (the dataset
    files linked from the current one, its manifest's facts kept): OUT never shows a report of
    another dataset, and the next run can still replay it."""
    import json

    from extract.write.output import DERIVED_FILES, MANIFEST, OUTPUT_FILES, Generation, RunLock, current_generation

    out = Path(out)
    if current_generation(out) is None:
        return write_report_file(out)
    with RunLock(out):
        generation = Generation(out)
        try:
            # (the derived files too: the dataset they were made from is unchanged)
            generation.link_from_current(tuple(n for n in (*OUTPUT_FILES, *DERIVED_FILES) if n != REPORT_NAME))
            current = current_generation(out)
            previous = json.loads((current / MANIFEST).read_text(encoding="utf-8")) if current else {}
            write_report_file(generation.dir)
            facts = {k: v for k, v in previous.items() if k not in ("generation", "written", "files")}
            facts["report_inputs"] = report_inputs(generation.dir)  # (this code's report of this dataset)
            generation.commit(**facts)
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
