"""`extract inspect FILE`: what a maintainer needs before writing a parser for a document.

Which parsers claim it and which one the pipeline would choose, the pages that hold
figures (tables found by the table chain, percentages in prose) and the first rows each
claiming parser would produce.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click

from extract.errors import LoadError
from extract.load import load_document
from extract.model import Document, Page
from extract.plugins.parser import Parser, discover
from extract.read.narrative import narrative_blocks
from extract.read.tables.find import document_cell_text, tables_by_page
from extract.run.pipeline import choose_parser
from extract.settings import DEFAULT_SETTINGS

ROWS_SHOWN = 10
ROW_FIELDS = ("indicator_raw", "value_kind", "period_label", "value_raw", "page")
_PERCENT = re.compile(r"\d\s?%")


def _page_label(page: Page, index: int) -> str:
    return f"page {page.number}" if page.number is not None else f"page {index + 1} (text)"


def _claims(parser: Parser, document: Document) -> str:
    try:
        return "claims" if parser.detect(document) else "does not claim"
    except Exception as exc:  # a broken detect is worth seeing, not a crash
        return f"detect failed: {type(exc).__name__}: {exc}"


def _figure_pages(document: Document) -> list[str]:
    """One line per page holding tables or percentages in prose."""
    tables: dict[int, list[str]] = {}
    for page, table in tables_by_page(document.pages, DEFAULT_SETTINGS):
        tables.setdefault(id(page), []).append(f"{table.section or '(untitled)'} [{len(table.rows)} rows]")
    out = []
    for i, page in enumerate(document.pages):
        found = tables.get(id(page), [])
        percents = sum(len(_PERCENT.findall(block)) for block in narrative_blocks(page.text))
        if not found and not percents:
            continue
        parts = []
        if found:
            parts.append(f"{len(found)} table{'s' if len(found) > 1 else ''}: " + "; ".join(found))
        if percents:
            parts.append(f"{percents} percentage{'s' if percents > 1 else ''} in prose")
        out.append(f"  {_page_label(page, i)}: " + ", ".join(parts))
    return out


def _rows(parser: Parser, document: Document) -> list[str]:
    try:
        figures = list(parser.parse(document, DEFAULT_SETTINGS))
    except Exception as exc:
        return [f"  parse failed: {type(exc).__name__}: {exc}"]
    lines = [f"rows from {parser.name} (first {min(ROWS_SHOWN, len(figures))} of {len(figures)}):"]
    lines.append("  " + " | ".join(ROW_FIELDS))
    for f in figures[:ROWS_SHOWN]:
        values = (f.indicator_raw, f.value_kind, f.period.label, f.value_raw, f.page)
        lines.append("  " + " | ".join("" if v is None else str(v) for v in values))
    return lines


def show_tables(document: Document, page_number: int | None) -> list[str]:
    """The grids the table reader found (rows x columns, cell text, how each was found) and the
    table each became: every column's label and role, and its quality report."""
    out: list[str] = []
    pages = [(i, p) for i, p in enumerate(document.pages) if page_number is None or (p.number or i + 1) == page_number]
    if not pages:
        return [f"no page {page_number}: the document has {len(document.pages)}"]
    tables = {}
    for page, table in tables_by_page(document.pages, DEFAULT_SETTINGS):
        tables.setdefault(id(page), []).append(table)
    for i, page in pages:
        found = tables.get(id(page), [])
        rules = f", {len(page.rules)} ruling lines" if page.rules else ""
        out.append(f"{_page_label(page, i)}: {len(found)} table(s){rules}")
        shown_grids = set()
        for table in found:
            if table.grid is not None and id(table.grid) not in shown_grids:
                shown_grids.add(id(table.grid))
                out.extend("  " + line for line in table.grid.show().splitlines())
            out.append("  table: " + (table.section or "(untitled)"))
            for col in table.columns:
                meaning = col.meaning.kind or col.role
                out.append(f"    column {col.index}: {col.label or '(blank)'!r} -> {meaning}")
            if table.grid is None:
                out.extend("    " + " | ".join(c or "·" for c in row.cells) for row in table.rows)
            r = table.report
            out.append(f"    quality: {r.rows} rows, {r.numeric_cells}/{r.value_cells} value cells numeric, "
                       f"{r.shifted_cells} shifted, {r.unaligned_cells} unaligned")
    return out


@click.command("inspect")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--tables", "show", is_flag=True, help="Print the grid of every table found (rows x columns, cells).")
@click.option(
    "--page", "page_number", type=click.IntRange(min=1), default=None,
    help="Print the grid of this page only (1-based); implies --tables.",
)  # fmt: skip
def inspect_command(file: Path, show: bool, page_number: int | None) -> None:
    """Show which parsers claim FILE, where its figures are, and the first rows they give;
    with --tables, the grid the table reader found on each page (or --page N)."""
    show = show or page_number is not None  # `--page N` alone means the grid of page N
    try:
        document = load_document(file, file.parent)
    except LoadError as exc:
        click.echo(f"{file}: {exc.status}: {exc}")
        sys.exit(1)
    click.echo(f"{file}: {document.kind}, {len(document.pages)} page(s), {document.size} bytes")
    for note in document.notes:
        click.echo(f"  note: {note}")
    if show:
        numbers = {p.number or i + 1 for i, p in enumerate(document.pages)}
        if page_number is not None and page_number not in numbers:
            message = f"no page {page_number}: the document has {len(document.pages)}"
            raise click.BadParameter(message, param_hint="--page")
        click.echo("\n".join(show_tables(document, page_number)))
        return
    if document.kind == "pdf":
        document.cell_text = document_cell_text(document, DEFAULT_SETTINGS)  # what detect reads

    parsers = sorted(discover(), key=lambda p: (p.fallback, p.name))
    click.echo("parsers:")
    verdicts = {p.name: _claims(p, document) for p in parsers}
    for p in parsers:
        kind = " (fallback)" if p.fallback else ""
        click.echo(f"  {verdicts[p.name]:<15} {p.name} {p.version}{kind}")
    try:
        chosen, status, message = choose_parser(document, parsers, DEFAULT_SETTINGS)
    except Exception as exc:
        chosen, status, message = None, "error", f"{type(exc).__name__}: {exc}"
    click.echo(f"pipeline would choose: {chosen.name if chosen else f'none ({status}: {message})'}")

    click.echo("pages with figures:")
    click.echo("\n".join(_figure_pages(document)) or "  none found")

    claiming = [p for p in parsers if not p.fallback and verdicts[p.name] == "claims"]
    if not claiming and chosen is not None:
        claiming = [chosen]  # the fallback
    for parser in claiming:
        for line in _rows(parser, document):
            click.echo(line)
