"""The review queue: names the catalogue does not know yet, and a maintainer's decisions on them.

Every run writes OUT/unmatched.csv (name as printed, how often, which councils and parsers,
the top candidates with scores). `extract review OUT` walks through it; each decision becomes
an alias row in mappings/: in the council's own file when all the name's rows come from one
known council, else in the parser's file when one parser printed it, else in aliases.csv.
The next run matches those names.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from pathlib import Path

import click
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from extract.mappings import load_mappings, mappings_dir
from extract.write.output import write_text_atomic

UNMATCHED_COLUMNS = [
    "indicator_raw", "rows", "councils", "parsers", "alias_file",
    "candidate_1", "score_1", "candidate_2", "score_2", "candidate_3", "score_3",
]  # fmt: skip


# The columns of an unmatched row the review queue is made from (runner.py selects them).
REVIEW_COLUMNS = ("indicator_raw", "council_id", "parser", "indicator_code", "source", "unit", "candidates")


def unmatched_rows(
    observations: list[dict], matcher, rule_for, fallbacks: set[str], known: dict[str, list[dict] | None] | None = None
) -> list[dict]:
    """One row per unmatched name, most frequent first. `known`: a name's candidates as its
    first row's match found them (cached with the match); a name not there is ranked now."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for o in observations:
        if not o["indicator_id"]:
            groups[o["indicator_raw"]].append(o)
    out = []
    for name, rows in groups.items():
        councils = sorted({o["council_id"] for o in rows if o["council_id"]})
        parsers = sorted({o["parser"] for o in rows})
        unknown_council = any(not o["council_id"] for o in rows)
        found = (known or {}).get(name)
        out.append(_queue_row(name, len(rows), councils, parsers, unknown_council, rows[0], found, matcher,
                              rule_for, fallbacks))  # fmt: skip
    out.sort(key=lambda r: (-r["rows"], r["indicator_raw"]))
    return out


class QueueBuilder:
    """unmatched_rows over unmatched rows given as columns (REVIEW_COLUMNS, in file order, in as
    many tables as come; each row's `candidates` as its match found them). Each table is reduced
    at once to what the queue needs per name (rows, first row, councils, parsers), so memory
    and Python work follow the names, not the rows."""

    def __init__(self) -> None:
        self.seen = 0  # rows added so far: the position of the next table's first row
        self.firsts: list[pa.Table] = []  # per table: each name's first row, its position and count
        self.pairs: dict[str, dict[str, set[str]]] = {"council_id": defaultdict(set), "parser": defaultdict(set)}
        self.unknown: set[str] = set()  # names with a row whose council is not known

    def add(self, table: pa.Table) -> None:
        if not table.num_rows:
            return
        rows = np.arange(self.seen, self.seen + table.num_rows, dtype=np.int64)
        self.seen += table.num_rows
        table = table.append_column("row", pa.array(rows))
        per_name = table.group_by("indicator_raw").aggregate([("row", "count"), ("row", "min")])
        offsets = pc.subtract(per_name.column("row_min"), rows[0])
        first = table.take(offsets).append_column("count", per_name.column("row_count"))
        self.firsts.append(first)
        known = pc.fill_null(pc.not_equal(table.column("council_id"), ""), False)
        for column, subset in (("council_id", table.filter(known)), ("parser", table)):
            distinct = subset.group_by(["indicator_raw", column]).aggregate([])
            names, values = distinct.column("indicator_raw").to_pylist(), distinct.column(column).to_pylist()
            for name, value in zip(names, values, strict=True):
                if value is not None:
                    self.pairs[column][name].add(value)
        self.unknown.update(table.filter(pc.invert(known)).column("indicator_raw").unique().to_pylist())

    def rows(self, matcher, rule_for, fallbacks: set[str]) -> list[dict]:
        if not self.firsts:
            return []
        firsts = pa.concat_tables(self.firsts)
        counts = firsts.group_by("indicator_raw").aggregate([("count", "sum"), ("row", "min")])
        total = dict(zip(counts.column("indicator_raw").to_pylist(), counts.column("count_sum").to_pylist(),
                         strict=True))  # fmt: skip
        earliest = set(counts.column("row_min").to_pylist())
        out = []
        for first in firsts.filter(pc.is_in(firsts.column("row"), pa.array(sorted(earliest)))).to_pylist():
            name = first["indicator_raw"]
            out.append(_queue_row(name, total[name], sorted(self.pairs["council_id"][name]),
                                  sorted(self.pairs["parser"][name]), name in self.unknown, first,
                                  first["candidates"], matcher, rule_for, fallbacks))  # fmt: skip
        out.sort(key=lambda r: (-r["rows"], r["indicator_raw"]))
        return out


def unmatched_table_rows(table: pa.Table | None, matcher, rule_for, fallbacks: set[str]) -> list[dict]:
    """unmatched_rows over one table of unmatched rows as columns (see QueueBuilder)."""
    queue = QueueBuilder()
    if table is not None:
        queue.add(table)
    return queue.rows(matcher, rule_for, fallbacks)


def _queue_row(name: str, rows: int, councils: list[str], parsers: list[str], unknown_council: bool, first: dict,
               found: list[dict] | None, matcher, rule_for, fallbacks: set[str]) -> dict:  # fmt: skip
    if found is not None:
        ranked = [(c["indicator_id"], c["score"]) for c in found]
    else:
        match = matcher.match(
            name,
            code=first["indicator_code"],
            scopes=(first["parser"], first["council_id"] or ""),
            rule=rule_for(first["parser"] in fallbacks, first["source"]),
            unit=first["unit"] if first["unit"] != "unknown" else None,
        )
        ranked = [(c.indicator_id, c.score) for c in match.candidates]
    if len(councils) == 1 and not unknown_council:
        alias_file = f"aliases/{councils[0]}.csv"
    elif len(parsers) == 1:
        alias_file = f"aliases/{parsers[0]}.csv"
    else:
        alias_file = "aliases.csv"
    row = {"indicator_raw": name, "rows": rows, "councils": "|".join(councils),
           "parsers": "|".join(parsers), "alias_file": alias_file}  # fmt: skip
    for k in range(3):
        candidate = ranked[k] if k < len(ranked) else None
        row[f"candidate_{k + 1}"] = candidate[0] if candidate else ""
        row[f"score_{k + 1}"] = round(candidate[1], 1) if candidate else ""
    return row


# A cell a spreadsheet would run as a formula starts with one of these (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: object) -> object:
    """A text cell that a spreadsheet would run (`=HYPERLINK(…)`, `+1`, `@SUM`) gets a leading `'`,
    which spreadsheets show as text; so does one that already starts with quotes before such a
    character, so that `restore` gives back exactly what was printed."""
    if isinstance(cell, str) and cell.lstrip("'").startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def restore(cell: str) -> str:
    """The text `neutralise` was given."""
    if cell.startswith("'") and cell[1:].lstrip("'").startswith(FORMULA_STARTS):
        return cell[1:]
    return cell


def write_unmatched(out: Path, rows: list[dict]) -> Path:
    target = out / "unmatched.csv"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=UNMATCHED_COLUMNS)
    writer.writeheader()
    writer.writerows({k: neutralise(v) for k, v in row.items()} for row in rows)
    write_text_atomic(target, buffer.getvalue())
    return target


def read_unmatched(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as fh:
        return [{k: restore(v or "") for k, v in row.items()} for row in csv.DictReader(fh)]


_ALIAS_FILE = re.compile(r"aliases\.csv|aliases/[A-Za-z0-9][A-Za-z0-9_.-]*\.csv")


def alias_path(mappings: Path, alias_file: str) -> Path | None:
    """Where an alias row for `alias_file` goes: `aliases.csv` or `aliases/<name>.csv` inside the
    mappings folder, and nowhere else (not through `..`, an absolute path or a symbolic link)."""
    if not _ALIAS_FILE.fullmatch(alias_file) or ".." in alias_file:
        return None
    root = mappings.resolve()
    path = (mappings / alias_file).resolve()
    return path if root in path.parents else None


def append_alias(mappings: Path, alias_file: str, alias: str, indicator_id: str, note: str) -> Path:
    """Add one alias row to a mapping file (created with its header when new), inside `mappings` only."""
    path = alias_path(mappings, alias_file)
    if path is None:
        raise ValueError(f"{alias_file!r} is not an alias file inside {mappings}")
    path.parent.mkdir(parents=True, exist_ok=True)
    new = not path.exists() or path.stat().st_size == 0
    with path.open("a", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        if new:
            writer.writerow(["alias", "indicator_id", "note"])
        writer.writerow([alias, indicator_id, note])
    return path


@click.command("review")
@click.argument("out", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--mappings", "mappings_path", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="mapping folder to write aliases to (default: the one the tool reads)")  # fmt: skip
def review_command(out: Path, mappings_path: Path | None) -> None:
    """Decide, name by name, what OUT/unmatched.csv's names are; decisions become alias rows.

    \b
    At each name: 1, 2 or 3 accepts that candidate; an indicator id gives it;
    s (or Enter) skips the name; q stops.
    """
    queue = out / "unmatched.csv"
    if not queue.exists():
        raise click.ClickException(f"{queue} not found: run `extract CORPUS --out {out}` first")
    target = mappings_path or mappings_dir()
    if mappings_path and not (mappings_path / "indicators.csv").is_file():
        raise click.BadParameter(f"{mappings_path} is no mappings folder (it has no indicators.csv)",
                                 param_hint="--mappings")  # fmt: skip
    known = load_mappings(target).indicators if mappings_path else load_mappings().indicators
    rows = read_unmatched(queue)
    decided = 0
    for number, row in enumerate(rows, start=1):
        if alias_path(target, row.get("alias_file") or "") is None:
            click.echo(f"\n[{number}/{len(rows)}] {row['indicator_raw']!r}: skipped, its alias file "
                       f"{row.get('alias_file')!r} is not inside {target}")  # fmt: skip
            continue
        click.echo(f"\n[{number}/{len(rows)}] {row['indicator_raw']!r}  ({row['rows']} rows; "
                   f"councils: {row['councils'] or 'not known'}; parsers: {row['parsers']})")  # fmt: skip
        candidates = [row[f"candidate_{k}"] for k in (1, 2, 3) if row[f"candidate_{k}"]]
        for k, candidate in enumerate(candidates, start=1):
            name = known[candidate].name if candidate in known else "?"
            click.echo(f"  {k}. {candidate}  {row[f'score_{k}']}  {name}")
        while True:
            try:
                answer = click.prompt("  choice", default="s", show_default=False).strip()
            except click.Abort:  # end of input (Ctrl-D, a piped file run out) or Ctrl-C: say what is kept
                click.echo(f"\nstopped before the end of the queue: {decided} alias"
                           f"{'' if decided == 1 else 'es'} written")  # fmt: skip
                raise SystemExit(1) from None
            if answer in ("s", ""):
                break
            if answer == "q":
                click.echo(f"{decided} alias{'' if decided == 1 else 'es'} written")
                return
            chosen = candidates[int(answer) - 1] if answer.isdigit() and 0 < int(answer) <= len(candidates) else answer
            if chosen not in known:
                click.echo(f"  {chosen!r} is not an indicator id in the catalogue; try again")
                continue
            path = append_alias(target, row["alias_file"], row["indicator_raw"], chosen, "accepted in extract review")
            click.echo(f"  → {chosen} (written to {path})")
            decided += 1
            break
    click.echo(f"{decided} alias{'' if decided == 1 else 'es'} written")
