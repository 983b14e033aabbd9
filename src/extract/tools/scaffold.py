"""`extract new-parser SLUG SAMPLE`: the files a new council format starts from.

Writes a skeleton parser whose `detect` tests a few distinctive words of the sample, the
golden case folder (the sample, a SOURCE.md to fill in, a snapshot.csv and a truth.csv with
the header only, so the golden tests fail until the rows are generated and the facts written)
and an empty alias file.
"""

from __future__ import annotations

import ast
import keyword
import re
import shutil
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import click

from extract.errors import LoadError, ScaffoldError
from extract.load import load_document
from extract.model import Document, normalise_space
from extract.read.tables.find import tables_by_page
from extract.settings import DEFAULT_SETTINGS

SLUG_RE = re.compile(r"^[a-z][a-z0-9_]*$")
GSS_RE = re.compile(r"^[ENSW]\d{8}$")
DETECT_CHARS = 20000  # how much of a document the skeleton's detect reads
ALIAS_HEADER = "alias,indicator_id,note\n"
TRUTH_HEADER = "indicator_text,value_kind,period_end,value,unit,numerator,denominator,indicator_id,source\n"
_WORD = re.compile(r"[\w/'-]+")  # as Document.has_words splits text
# words every KPI paper prints: useless as a fingerprint
_COMMON_WORDS = """
    about above after again against also among annual april august average below between both children
    childrens committee council councils county current data december during each england february from
    have indicator indicators into january july june latest march month months national november number
    october other over performance period previous quarter rating report result same september service
    services should since social status target targets than that their there these they this those through
    total under until what when where which while will with within would year years young people actual
"""
_COMMON = frozenset(_COMMON_WORDS.split())


def repo_dirs() -> tuple[Path, Path, Path]:
    """(parsers, tests, mappings) of the repository the installed packages come from."""
    import extract_mappings
    import extract_parsers

    parsers_dir = Path(extract_parsers.__file__).parent
    return parsers_dir, parsers_dir.parent / "tests", Path(extract_mappings.__file__).parent


def golden_columns(tests_dir: Path) -> list[str]:
    """GOLDEN_COLUMNS of tests/helpers.py, read without importing it (tests_dir's, else this repo's)."""
    for helpers in (tests_dir / "helpers.py", repo_dirs()[1] / "helpers.py"):
        if not helpers.exists():
            continue
        for node in ast.parse(helpers.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "GOLDEN_COLUMNS" for t in node.targets):
                return list(ast.literal_eval(node.value))
    raise ScaffoldError("cannot find GOLDEN_COLUMNS in tests/helpers.py")


def class_name(slug: str) -> str:
    return "".join(part.capitalize() for part in slug.split("_") if part)


def _tokens(text: str) -> list[str]:
    flat = normalise_space(text).lower().replace("’", "'").replace("‘", "'")
    return [w for w in _WORD.findall(flat) if re.fullmatch(r"[a-z]{4,}", w) and w not in _COMMON]


def _first_header(document: Document) -> str:
    for _, table in tables_by_page(document.pages, DEFAULT_SETTINGS):
        return table.header_context
    return ""


def _other_fixture_words(tests_dir: Path, sample: Path) -> Counter[str]:
    """In how many other golden inputs each word occurs: the less, the better a fingerprint."""
    counts: Counter[str] = Counter()
    cases = tests_dir / "cases"
    if not cases.is_dir():
        return counts
    for path in sorted(cases.glob("*/input.*")):
        if path.resolve() == sample.resolve():
            continue
        try:
            document = load_document(path, path.parent)
        except (LoadError, OSError):
            continue
        counts.update(set(_tokens(document.flat(DETECT_CHARS))))
    return counts


def fingerprint_words(document: Document, others: Counter[str] | None = None, count: int = 4) -> list[str]:
    """3–4 distinctive words: words no other fixture prints first, then from the first table
    header before the first lines before the rest, longer words first."""
    others = others or Counter()
    first_lines = "\n".join(ln.text for ln in document.pages[0].lines[:40]) if document.pages else ""
    rank: dict[str, tuple[int, int, int]] = {}
    for i, source in enumerate((_first_header(document), first_lines, document.flat(DETECT_CHARS))):
        for word in _tokens(source):
            rank.setdefault(word, (others[word], i, -len(word)))
    ordered = sorted(rank, key=lambda w: rank[w])
    return [w for w in ordered if document.has_words(w, chars=DETECT_CHARS)][:count]


def skeleton(slug: str, sample_name: str, words: Sequence[str], council: str | None) -> str:
    councils = f'("{council}",)' if council else "()"
    args = ", ".join(f'"{w}"' for w in words)
    call = f"document.has_words({args}, chars={DETECT_CHARS})"
    if len(call) > 100:  # keep the generated module within the line length
        lines = "".join(f'            "{w}",\n' for w in words)
        call = f"document.has_words(\n{lines}            chars={DETECT_CHARS},\n        )"
    return f'''"""TODO: one line on this format (council, committee, what the paper is).

Generated by `extract new-parser` from the sample {sample_name}. TODO, in order:
1. detect(): the words below were picked automatically from the sample's first table header
   and first lines. Keep words this format always prints (table headers, fixed titles) and
   other formats do not; test phrases in prose with `"..." in document.flat(chars)`.
   `pytest tests/test_claims.py` shows whether it claims its own fixture and no other.
2. parse(): the table chain below reads wide KPI tables. Pass `WideOptions(report_period=...)`
   when the paper states its period (override `report_period`), and add
   `extract.read.narrative.extract_narrative(page.text, ...)` for figures written in sentences.
3. councils: the GSS codes this format covers; `report_date` if the paper prints its date.
4. Aliases: `extract match "Name as printed" --parser {slug}`
   shows how a name matches; for each name it places wrongly, add a row to
   mappings/aliases/{slug}.csv.
5. Truth: write tests/cases/{slug}/truth.csv by reading the sample (facts that must hold).
   Snapshot: `python scripts/update_golden.py {slug}` shows the diff; `--accept` writes it.
"""

from __future__ import annotations

from collections.abc import Iterator

from extract.model import Document, RawFigure
from extract.plugins.parser import Parser
from extract.read.tables.find import tables_by_page
from extract.read.tables.wide import WideOptions, figures_from_table
from extract.settings import Settings


class {class_name(slug)}(Parser):
    name = "{slug}"
    version = "0.1"
    councils = {councils}

    def detect(self, document: Document) -> bool:
        # TODO: keep only words that fingerprint this format (content only, never the file name)
        return {call}

    def parse(self, document: Document, settings: Settings) -> Iterator[RawFigure]:
        for page, table in tables_by_page(document.pages, settings):
            yield from figures_from_table(table, WideOptions(page=page.number))
'''


def source_template(slug: str, input_name: str, council: str | None) -> str:
    return f"""# {slug} golden case

- {input_name}: TODO where the file came from, and whether it was changed (e.g. text exported from the PDF).
- Council: TODO name ({council or "GSS code"})
- Meeting: TODO committee or board
- Date: TODO YYYY-MM-DD
- Link: TODO URL of the published paper
- truth.csv: facts written by reading {input_name} (never from the tool's output); all must hold.
- snapshot.csv: every row the pipeline writes for this input (selected columns), written by
  `python scripts/update_golden.py {slug} --accept`. A change to it is a change in output: review
  the diff; wrong rows go in KNOWN_WRONG.md.
"""


def scaffold(
    slug: str,
    sample: Path,
    parsers_dir: Path,
    tests_dir: Path,
    mappings_dir: Path,
    council: str | None = None,
) -> list[Path]:
    """Write a new parser's files; returns their paths. Raises ScaffoldError and writes nothing
    when the slug is not a lowercase identifier, the sample is unreadable or a file exists."""
    if not SLUG_RE.fullmatch(slug) or keyword.iskeyword(slug):
        raise ScaffoldError(f"SLUG must be a lowercase Python identifier (a-z, 0-9, _), got {slug!r}")
    if council is not None and not GSS_RE.fullmatch(council):
        raise ScaffoldError(f"--council must be an ONS GSS code such as E06000001, got {council!r}")
    sample = Path(sample)
    if not sample.is_file():
        raise ScaffoldError(f"sample file not found: {sample}")
    case = tests_dir / "cases" / slug
    input_name = "input" + sample.suffix.lower()
    targets = {
        "parser": parsers_dir / f"{slug}.py",
        "input": case / input_name,
        "source": case / "SOURCE.md",
        "snapshot": case / "snapshot.csv",
        "truth": case / "truth.csv",
        "aliases": mappings_dir / "aliases" / f"{slug}.csv",
    }
    existing = [str(p) for p in targets.values() if p.exists()]
    if existing:
        raise ScaffoldError("refusing to overwrite: " + ", ".join(existing))
    try:
        document = load_document(sample, sample.parent)
    except LoadError as exc:
        raise ScaffoldError(f"cannot read the sample ({exc.status}): {exc}") from exc
    words = fingerprint_words(document, _other_fixture_words(tests_dir, sample))
    if not words:
        raise ScaffoldError("the sample holds no words to fingerprint it by")
    columns = golden_columns(tests_dir)

    for path in targets.values():
        path.parent.mkdir(parents=True, exist_ok=True)
    targets["parser"].write_text(skeleton(slug, sample.name, words, council), encoding="utf-8")
    shutil.copyfile(sample, targets["input"])
    targets["source"].write_text(source_template(slug, input_name, council), encoding="utf-8")
    targets["snapshot"].write_text(",".join(columns) + "\n", encoding="utf-8")
    targets["truth"].write_text(TRUTH_HEADER, encoding="utf-8")
    targets["aliases"].write_text(ALIAS_HEADER, encoding="utf-8")
    return list(targets.values())


@click.command("new-parser")
@click.argument("slug")
@click.argument("sample_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--council", default=None, help="GSS code of the council whose papers this format covers")
def new_parser_command(slug: str, sample_file: Path, council: str | None) -> None:
    """Start a parser for a new format: parsers/SLUG.py, tests/cases/SLUG/, mappings/aliases/SLUG.csv."""
    from extract.plugins.parser import discover

    if slug in {p.name for p in discover()}:
        raise click.UsageError(f"a parser named {slug!r} already exists")
    parsers_dir, tests_dir, mappings_dir = repo_dirs()
    try:
        written = scaffold(slug, sample_file, parsers_dir, tests_dir, mappings_dir, council)
    except ScaffoldError as exc:
        raise click.UsageError(str(exc)) from exc
    root = parsers_dir.parent
    for path in written:
        click.echo(f"wrote {path.relative_to(root) if path.is_relative_to(root) else path}")
    click.echo(
        f"next: edit parsers/{slug}.py (detect, parse), then `python scripts/update_golden.py {slug} --accept`, "
        f"write tests/cases/{slug}/truth.csv from the sample and run pytest (the golden test fails until then)"
    )
