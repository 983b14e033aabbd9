"""Command line: `extract CORPUS --out OUT` and `extract match NAME ...`."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click

from extract import __version__


class DefaultRunGroup(click.Group):
    """`extract CORPUS --out OUT` is `extract run CORPUS --out OUT`: the main job needs no verb."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args = ["run", *args]
        return super().parse_args(ctx, args)


@click.group(cls=DefaultRunGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="extract")
def main() -> None:
    """Council performance figures from committee papers, as a tidy Parquet dataset.

    \b
    extract CORPUS --out OUT        read every paper under CORPUS, write OUT/*.parquet
    extract match NAME [NAME ...]   show how names match the indicator catalogue
    """


@main.command("run")
@click.argument("corpus", type=click.Path(exists=True, path_type=Path))
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path), help="output folder")
@click.option(
    "--workers", type=click.IntRange(min=0), default=0, help="worker processes (default: the machine's cores)"
)
@click.option("--force", is_flag=True, help="ignore the per-document cache under OUT and parse everything again")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=120.0,
    show_default=True,
    help="seconds one document may take before it is recorded as `timeout`",
)
@click.option(
    "--memory-mb",
    type=click.IntRange(min=0),
    default=2048,
    show_default=True,
    help="memory one worker may add while reading a document (0: no limit)",
)
@click.option("--scheduler", default=None, help="address of a dask.distributed scheduler to parse on")
@click.option("--quiet", is_flag=True, help="print only the summary")
@click.option("--verbose", is_flag=True, help="a line for every document, with its parser and time")
def run_command(
    corpus: Path, out: Path, workers: int, force: bool, timeout: float, memory_mb: int, scheduler: str | None,
    quiet: bool, verbose: bool,
) -> None:  # fmt: skip
    """Read every .pdf, .txt and .md file under CORPUS and write the dataset to OUT."""
    from extract.pipeline import Pipeline, summarise

    bar = sys.stderr.isatty() and not quiet and not verbose

    def progress(result, tracker) -> None:
        doc = result.document
        if bar:
            elapsed = time.perf_counter() - tracker.started
            rate = tracker.done / elapsed if elapsed else 0.0
            left = (tracker.total - tracker.done) / rate if rate else 0.0
            filled = int(30 * tracker.done / max(tracker.total, 1))
            click.echo(
                f"\r[{'#' * filled}{'.' * (30 - filled)}] {tracker.done}/{tracker.total} documents, "
                f"{tracker.pages} pages, {rate:.1f} docs/s, {left:.0f} s left ",
                err=True,
                nl=tracker.done == tracker.total,
            )
            return
        if quiet or (doc["status"] == "ok" and not verbose and tracker.total > 200):
            return
        message = f"  {doc['status']:<13} {doc['document']} ({doc['observations']} rows)"
        if verbose:
            message += f" parser={doc['parser']} {doc['seconds']:.2f}s"
        if doc["error"]:
            message += f": {doc['error']}"
        click.echo(message, err=True)

    summary = Pipeline().run(
        corpus, out, progress=progress, workers=workers, force=force, timeout=timeout, memory_mb=memory_mb,
        scheduler=scheduler,
    )  # fmt: skip
    for line in summarise(summary):
        click.echo(line)
    if not quiet:
        click.echo(f"parsed: {summary.parsed} documents, re-matched: {summary.rematched}, the rest from the cache")
    click.echo(f"written: {out / 'observations.parquet'}, {out / 'documents.parquet'}, {out / 'catalogue.parquet'}")
    if not quiet:
        click.echo(f"review: {out / 'unmatched.csv'}, {out / 'report.html'}")
    sys.exit(0 if summary.ok else 1)


@main.command("match")
@click.argument("names", nargs=-1, required=True)
@click.option("--council", "council", default=None, help="council GSS code, to use its own aliases")
@click.option("--parser", "parser", default=None, help="parser name, to use its alias file")
@click.option(
    "--kind",
    type=click.Choice(["table", "narrative", "generic"]),
    default="table",
    help="which acceptance rule to apply: names from council tables, sentences, or the generic parser",
)
def match_command(names: tuple[str, ...], council: str | None, parser: str | None, kind: str) -> None:
    """Print how each NAME matches the catalogue, one JSON object per line."""
    from extract.mappings import load_mappings
    from extract.matching import Matcher
    from extract.settings import DEFAULT_SETTINGS

    matcher = Matcher(load_mappings())
    rule = DEFAULT_SETTINGS.fuzzy_rule(kind)
    scopes = [parser or "", council or ""]
    if council:
        # a council's own wording lives in the alias files of the parsers that read its papers
        from extract.parser import discover

        scopes += [p.name for p in discover() if council in p.councils]
    for name in names:
        found = matcher.match(name, scopes=tuple(scopes), rule=rule, candidates=DEFAULT_SETTINGS.candidates)
        click.echo(json.dumps(found.as_json(), ensure_ascii=False))


def _register() -> None:
    """Commands that live beside their feature's code."""
    from extract.inspect_cmd import inspect_command
    from extract.reconcile import reconcile_command
    from extract.report import report_command
    from extract.review import review_command
    from extract.scaffold import new_parser_command

    for command in (review_command, inspect_command, new_parser_command, reconcile_command, report_command):
        main.add_command(command)


_register()

if __name__ == "__main__":
    main()
