"""Command line: `extract CORPUS --out OUT` and `extract match NAME ...`."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import signal
import sys
import threading
import time
from pathlib import Path

# numpy's OpenBLAS starts a thread pool when numpy is imported, a third of numpy's import time;
# nothing here multiplies matrices (set before anything imports numpy; a value given is kept)
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import click

from extract import __version__
from extract.settings import DEFAULT_SETTINGS  # cheap: dataclasses only; the options' defaults

# Commands that live beside their feature's code, imported only when run (pandas, the PDF
# engine and the matcher cost half a second): name -> (module, attribute, one-line help).
LAZY_COMMANDS = {
    "inspect": ("extract.tools.inspect", "inspect_command",
                "Show which parsers claim FILE, where its figures are, and the first rows they give."),
    "new-parser": ("extract.tools.scaffold", "new_parser_command",
                   "Start a parser for a new format: parsers/SLUG.py, tests/cases/SLUG/, mappings/aliases/SLUG.csv."),
    "reconcile": ("extract.tools.reconcile", "reconcile_command",
                  "Compare OUT's extracted actuals with DfE's official local-authority figures."),
    "report": ("extract.write.report", "report_command",
               "Write OUT/report.html: summary, coverage and charts of the dataset in OUT, in one file."),
    "review": ("extract.write.review", "review_command",
               "Decide, name by name, what OUT/unmatched.csv's names are; decisions become alias rows."),
}  # fmt: skip


IMPLIED_RUN = "extract.implied_run"  # ctx.meta key: the command line did not name `run`


class DefaultRunGroup(click.Group):
    """`extract CORPUS --out OUT` is `extract run CORPUS --out OUT`: the main job needs no verb.
    Options first (`extract --out OUT CORPUS`) are the main job's too, but for the group's own."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in LAZY_COMMANDS:
            own = {o for p in self.get_params(ctx) for o in (*p.opts, *p.secondary_opts)}
            if not args[0].startswith("-") or args[0].split("=", 1)[0] not in own:
                args = ["run", *args]
                ctx.meta[IMPLIED_RUN] = True
        return super().parse_args(ctx, args)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in LAZY_COMMANDS:
            import importlib

            module, attribute, _ = LAZY_COMMANDS[name]
            self.add_command(getattr(importlib.import_module(module), attribute), name)
        return self.commands.get(name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list without importing the lazy commands (their one-line help is above)."""
        limit = 200  # a whole first sentence, wrapped by write_dl: cut at the width it read "...and..."
        rows = []
        for name in self.list_commands(ctx):
            if name in self.commands:
                rows.append((name, self.commands[name].get_short_help_str(limit)))
            else:
                rows.append((name, click.Command(name, help=LAZY_COMMANDS[name][2]).get_short_help_str(limit)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """`extract --help` lists the main job's options too: most people run nothing else."""
        super().format_options(ctx, formatter)
        run = self.commands.get("run")
        if run is None:
            return
        run_ctx = click.Context(run, info_name="run", parent=ctx)
        records = [
            r for p in run.get_params(run_ctx)
            if isinstance(p, click.Option) and "--help" not in p.opts and (r := p.get_help_record(run_ctx))
        ]  # fmt: skip
        with formatter.section("Options of the main job (extract CORPUS --out OUT [OPTIONS])"):
            formatter.write_dl(records)


@click.group(cls=DefaultRunGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="extract")
def main() -> None:
    """Council performance figures from committee papers, as a tidy Parquet dataset.

    \b
    extract CORPUS --out OUT        read every paper under CORPUS, write OUT/*.parquet
    extract match NAME [NAME ...]   show how names match the indicator catalogue
    """


def is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class ProgressDisplay:
    """What a run prints while it goes.

    On a terminal: a bar of documents and pages with the rate and the time left (reckoned from
    pages, not documents), the document being read and its page; a line for each document that
    is not `ok`, as it happens. Otherwise a line per document that is not `ok` (every document
    for small corpora); --quiet prints nothing, --verbose a line per document with its parser.
    """

    def __init__(self, terminal: bool, quiet: bool = False, verbose: bool = False, every: float = 0.1) -> None:
        self.terminal = terminal and not quiet and not verbose
        self.quiet, self.verbose, self.every = quiet, verbose, every
        self.drawn = False
        self.last = 0.0

    def __call__(self, result, tracker) -> None:
        if result is None:
            if self.terminal:
                self.draw(tracker)
            return
        doc = result.document
        if self.terminal:
            if doc["status"] != "ok":
                self.clear()
                click.echo(self.line(doc), err=True)
            self.draw(tracker, force=tracker.done == tracker.total)
            return
        if self.quiet or (doc["status"] == "ok" and not self.verbose and tracker.total > 200):
            return
        click.echo(self.line(doc), err=True)

    def line(self, doc: dict) -> str:
        message = f"  {doc['status']:<13} {doc['document']} ({doc['observations']} rows)"
        if self.verbose:
            message += f" parser={doc['parser']} {doc['seconds']:.2f}s"
        if doc["error"]:
            message += f": {doc['error']}"
        elif doc.get("notes") and (self.verbose or not self.terminal):
            message += f" [{doc['notes']}]"
        return message

    def clear(self) -> None:
        if self.drawn:
            click.echo("\r\x1b[K", err=True, nl=False)
            self.drawn = False

    def draw(self, tracker, force: bool = False) -> None:
        now = time.perf_counter()
        if not force and now - self.last < self.every:
            return
        self.last = now
        width = shutil.get_terminal_size((100, 24)).columns
        click.echo("\r" + bar_text(tracker, now)[: width - 1] + "\x1b[K", err=True, nl=False)
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            click.echo("", err=True)
            self.drawn = False


def bar_text(tracker, now: float | None = None) -> str:
    """`[#####.....] 12/40 documents, 230/~900 pages, 14.2 pages/s, ~47 s left; reading x.pdf (page ~120/2000)`"""
    now = now or time.perf_counter()
    pages, total = tracker.pages_done(now), max(tracker.pages_total(), 1)
    filled = min(30, int(30 * pages / total))
    rate, left = tracker.rate(now), tracker.seconds_left(now)
    text = (f"[{'#' * filled}{'.' * (30 - filled)}] {tracker.done}/{tracker.total} documents, "
            f"{pages}/{'' if tracker.done == tracker.total else '~'}{total} pages")  # fmt: skip
    if rate:
        text += f", {rate:.1f} pages/s"
    if left is not None and tracker.done < tracker.total:
        text += f", ~{_duration(left)} left"
    if tracker.inflight:
        doc = max(tracker.inflight.values(), key=lambda d: (d.get("pages") or 0, -d["started"]))
        text += f"; reading {doc['name']}"
        if doc.get("pages"):
            page = doc["page"] if doc.get("page") is not None else f"~{tracker.inflight_pages(doc, now)}"
            text += f" (page {page}/{doc['pages']})"
    return text


def _duration(seconds: float) -> str:
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 5400:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


class RunContext(click.Context):
    """Usage errors of the main job name the command as it was typed: `extract CORPUS --out OUT`
    when the word `run` was implied (the README never writes it), `extract run ...` when typed."""

    @property
    def command_path(self) -> str:
        if self.parent is not None and self.meta.get(IMPLIED_RUN):
            return self.parent.command_path
        return super().command_path


class RunCommand(click.Command):
    context_class = RunContext

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        return ["CORPUS", "--out", "OUT", "[OPTIONS]"]  # --out is required: the usage line shows it


def _fail(message: str, code: int) -> None:
    click.echo(f"extract: {message}", err=True)
    sys.exit(code)


def _os_error(exc: OSError, out: Path) -> str:
    where = exc.filename or out
    if exc.errno == errno.ENOSPC:
        return f"no space left on the device writing {where}; {out} keeps its previous outputs"
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"cannot write {where}: {exc.strerror}; {out} keeps its previous outputs"
    # no file named (a Dask scheduler that cannot be reached): no OUT in brackets, as if it were the cause
    named = f" ({exc.filename})" if exc.filename else ""
    return f"{exc.strerror or exc}{named}; {out} keeps its previous outputs"


@main.command("run", cls=RunCommand)
@click.argument("corpus", type=click.Path(exists=True, path_type=Path))
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path), help="output folder")
@click.option(
    "--workers", type=click.IntRange(min=0), default=0, show_default=True,
    help=f"worker processes; 0 means one per core (all {os.cpu_count() or 1} cores of this machine)",
)  # fmt: skip
@click.option("--force", is_flag=True, help="ignore the per-document cache under OUT and parse everything again")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=DEFAULT_SETTINGS.run.timeout,
    show_default=True,
    help="seconds one document may take before it is recorded as `timeout`",
)
@click.option(
    "--memory-mb",
    type=click.IntRange(min=0),
    default=DEFAULT_SETTINGS.run.memory_mb,
    show_default=True,
    help="memory one worker may add while reading a document (0: no limit)",
)
@click.option(
    "--max-mb", type=click.FloatRange(min=0), default=DEFAULT_SETTINGS.run.max_mb, show_default=True,
    help="a file larger than this is not read (status `too_large`); 0: no limit",
)  # fmt: skip
@click.option("--follow-links", is_flag=True, help="read symbolic links that lead outside CORPUS")
@click.option("--scheduler", default=None, help="address of a dask.distributed scheduler to parse on")
@click.option(
    "--prune", is_flag=True,
    help="delete every cached result this run does not use; without it, a run of another folder than the "
    "last run's (a subset of the corpus) keeps the other documents' cached parses",
)  # fmt: skip
@click.option("-q", "--quiet", is_flag=True, help="print only the summary")
@click.option("--verbose", is_flag=True, help="a line for every document, with its parser and time")
def run_command(
    corpus: Path, out: Path, workers: int, force: bool, timeout: float, memory_mb: int, max_mb: float,
    follow_links: bool, scheduler: str | None, prune: bool, quiet: bool, verbose: bool,
) -> None:  # fmt: skip
    """Read every .pdf, .txt and .md file (and DfE tidy .csv table) under CORPUS and write the dataset to OUT.

    The main job: `extract CORPUS --out OUT` runs it without the word `run`.

    Exit status: 0 when every document is `ok`, 1 when any is not or the run could not finish
    (OUT then keeps its previous outputs), 2 for a usage error, 130 when interrupted (Ctrl-C),
    143 when terminated (SIGTERM).
    """
    from extract.errors import CorpusError, ManifestError, OutputError
    from extract.run import interrupts
    from extract.run.interrupts import Terminated
    from extract.run.results import summarise
    from extract.run.warm import replay  # light: the pipeline is imported only when something changed

    display = ProgressDisplay(is_terminal(sys.stderr), quiet, verbose)

    def on_stop(signum, frame) -> None:
        stop = KeyboardInterrupt if signum == signal.SIGINT else Terminated
        interrupts.ask(stop)  # remembered: a stop raised inside a finaliser is dropped by Python
        raise stop()

    reconciled = (out / "reconciliation.parquet").is_symlink()  # `extract reconcile OUT` made one
    previous: dict[int, object] = {}
    interrupts.clear()
    unraisable_hook = sys.unraisablehook
    sys.unraisablehook = interrupts.quiet_dropped_stops(unraisable_hook)
    if threading.current_thread() is threading.main_thread():
        previous = {signum: signal.signal(signum, on_stop) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        summary = replay(corpus, out, DEFAULT_SETTINGS, display, force=force, max_mb=max_mb, follow_links=follow_links)
        if summary is None:
            from extract.run.pipeline import Pipeline

            summary = Pipeline().run(
                corpus, out, progress=display, workers=workers, force=force, timeout=timeout, memory_mb=memory_mb,
                scheduler=scheduler, max_mb=max_mb, follow_links=follow_links, prune=prune, replay=False,
            )  # fmt: skip
    except KeyboardInterrupt:
        display.close()
        _fail(f"interrupted: workers stopped; {out} keeps its previous outputs", 130)
    except Terminated:
        display.close()
        _fail(f"stopped (SIGTERM): workers stopped; {out} keeps its previous outputs", 128 + signal.SIGTERM)
    except (CorpusError, ManifestError) as exc:
        display.close()
        _fail(str(exc), 2)
    except OutputError as exc:
        display.close()
        _fail(str(exc), 1)
    except OSError as exc:
        display.close()
        _fail(_os_error(exc, out), 1)
    except Exception as exc:
        display.close()
        if os.environ.get("EXTRACT_TRACEBACK"):
            raise
        _fail(f"internal error: {type(exc).__name__}: {exc} (EXTRACT_TRACEBACK=1 shows where); "
              f"{out} keeps its previous outputs", 1)  # fmt: skip
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        sys.unraisablehook = unraisable_hook
    display.close()
    for line in summarise(summary):
        click.echo(line)
    if not quiet:
        cached = summary.parsed + summary.rematched < len(summary.documents)
        click.echo(f"parsed: {_documents(summary.parsed)}, re-matched: {summary.rematched}"
                   + (", the rest from the cache" if cached else ""))  # fmt: skip
        if summary.cache_kept:
            click.echo(f"cache: kept {summary.cache_kept} cached {_noun(summary.cache_kept)} not in {corpus} (an "
                       "earlier run read another folder into OUT); the outputs hold only this run's documents; "
                       "--prune deletes the rest")  # fmt: skip
        for folder in summary.skipped:
            click.echo(f"skipped: {folder} (an extract output folder inside CORPUS)")
    click.echo(f"written: {out / 'observations.parquet'}, {out / 'documents.parquet'}, {out / 'catalogue.parquet'}")
    if not quiet:
        click.echo(f"review: {out / 'unmatched.csv'}, {out / 'report.html'}")
        if reconciled and not (out / "reconciliation.parquet").exists():
            click.echo(f"removed: {out / 'reconciliation.parquet'} (it compared the previous run's observations; "
                       f"`extract reconcile {out}` compares these)")  # fmt: skip
    sys.exit(0 if summary.ok else 1)


def _noun(count: int) -> str:
    return "document" if count == 1 else "documents"


def _documents(count: int) -> str:
    return f"{count} {_noun(count)}"


def _check_scopes(council: str | None, parser: str | None) -> None:
    """A usage error (exit 2) for a council code or parser name the tool does not know."""
    from extract.mappings import mappings_dir, read_csv

    root = mappings_dir()
    own = {p.stem for p in (root / "aliases").glob("*.csv")}  # alias files: parsers' and councils'
    if council and council not in own:
        rows = read_csv(root / "councils.csv", ("council_id",))
        known = {r["council_id"] for r in rows} | {c for r in rows for c in r.get("former_gss_codes", "").split("|")}
        if council not in known:
            raise click.BadParameter(
                f"{council!r} is no council code in mappings/councils.csv (a GSS code such as E06000005)",
                param_hint="--council",
            )
    if parser and parser not in own:
        from extract.plugins.parser import discover

        names = sorted(p.name for p in discover())
        if parser not in names:
            raise click.BadParameter(f"no parser {parser!r}; parsers: {', '.join(names)}", param_hint="--parser")


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
    with _no_cycle_collection():
        _match_names(names, council, parser, kind)


@contextlib.contextmanager
def _no_cycle_collection():
    """A command that lives a fraction of a second: the cyclic collector would walk every object the
    imports and the kept matcher make, several times while they load and twice more at exit, and find
    nothing to free (a sixth of `extract match`'s CPU); reference counting frees what a match leaves.
    Off while the command runs, and what there is frozen at exit (the collector's state is restored
    after the command, so a process that calls it, a test, collects as before until it exits)."""
    import atexit
    import gc

    enabled = gc.isenabled()
    gc.disable()
    atexit.unregister(gc.freeze)  # (once is enough)
    atexit.register(gc.freeze)  # (atexit runs before the interpreter's last collections)
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _match_names(names: tuple[str, ...], council: str | None, parser: str | None, kind: str) -> None:
    from extract.tidy.matcher_store import matcher_from_files

    _check_scopes(council, parser)  # a typo would otherwise match without the aliases it meant
    matcher = matcher_from_files()  # (the mapping files are read only when no kept matcher is theirs)
    rule = DEFAULT_SETTINGS.fuzzy_rule(kind)
    scopes = [parser or "", council or ""]
    if council:
        # a council's own wording lives in the alias files of the parsers that read its papers
        from extract.plugins.parser import discover

        scopes += [p.name for p in discover() if council in p.councils]
    for name in names:
        found = matcher.match(name, scopes=tuple(scopes), rule=rule, candidates=DEFAULT_SETTINGS.match.candidates)
        click.echo(json.dumps(found.as_json(), ensure_ascii=False))


if __name__ == "__main__":
    main()
