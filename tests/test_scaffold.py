"""`extract new-parser` (the scaffold, into temporary folders) and `extract inspect`."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract.errors import ScaffoldError
from extract.load import load_document
from extract.plugins.parser import Parser
from extract.settings import DEFAULT_SETTINGS
from extract.tools.inspect import inspect_command
from extract.tools.scaffold import scaffold, skeleton
from helpers import CASES, GOLDEN_COLUMNS, TRUTH_COLUMNS

SAMPLE = CASES / "welsh_scc_indicators" / "input.txt"


@pytest.fixture
def dirs(tmp_path: Path) -> dict[str, Path]:
    out = {k: tmp_path / k for k in ("parsers_dir", "tests_dir", "mappings_dir")}
    for d in out.values():
        d.mkdir()
    return out


def load_class(path: Path) -> type[Parser]:
    spec = importlib.util.spec_from_file_location(f"scaffolded_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    classes = [
        v for v in vars(module).values()
        if isinstance(v, type) and issubclass(v, Parser) and v.__module__ == module.__name__
    ]
    assert len(classes) == 1
    return classes[0]


def test_scaffold_writes_a_working_skeleton(dirs, tmp_path):
    written = scaffold("my_council", SAMPLE, council="E06000001", **dirs)
    case = dirs["tests_dir"] / "cases" / "my_council"
    assert set(written) == {
        dirs["parsers_dir"] / "my_council.py",
        case / "input.txt",
        case / "SOURCE.md",
        case / "snapshot.csv",
        case / "truth.csv",
        dirs["mappings_dir"] / "aliases" / "my_council.csv",
    }
    assert (case / "input.txt").read_bytes() == SAMPLE.read_bytes()
    assert "TODO" in (case / "SOURCE.md").read_text()
    assert (case / "snapshot.csv").read_text().splitlines() == [",".join(GOLDEN_COLUMNS)]
    assert (case / "truth.csv").read_text().splitlines() == [",".join(TRUTH_COLUMNS)]
    assert (dirs["mappings_dir"] / "aliases" / "my_council.csv").read_text() == "alias,indicator_id,note\n"

    cls = load_class(dirs["parsers_dir"] / "my_council.py")
    assert (cls.name, cls.version, cls.councils) == ("my_council", "0.1", ("E06000001",))
    parser = cls()
    document = load_document(case / "input.txt", case)
    assert parser.detect(document)
    figures = list(parser.parse(document, DEFAULT_SETTINGS))
    assert figures and all(f.value_raw for f in figures)
    # the fingerprint is the sample's: an unrelated format is not claimed
    other = CASES / "darlington_scrutiny_narrative" / "input.txt"
    assert not parser.detect(load_document(other, other.parent))


def test_skeleton_todo_names_only_what_the_family_has(dirs):
    # the TODO list once told a newcomer to pass `WideOptions` to "the table chain below", which the
    # skeleton does not have: what it names must be hooks of the class it subclasses
    written = scaffold("my_council", SAMPLE, council="E06000001", **dirs)
    text = (dirs["parsers_dir"] / "my_council.py").read_text()
    assert "WideOptions" not in text and "table chain below" not in text
    cls = load_class(dirs["parsers_dir"] / "my_council.py")
    for hook in ("report_period", "read_narrative", "parse", "report_date"):
        assert f"{hook}" in text and hasattr(cls, hook), hook
    assert written


@pytest.mark.parametrize("slug", ["MyCouncil", "my-council", "1council", "class", ""])
def test_scaffold_refuses_bad_slugs(dirs, slug):
    with pytest.raises(ScaffoldError, match="lowercase"):
        scaffold(slug, SAMPLE, **dirs)
    assert not any(p.is_file() for d in dirs.values() for p in d.rglob("*"))


def test_scaffold_refuses_existing_files(dirs):
    (dirs["mappings_dir"] / "aliases").mkdir()
    (dirs["mappings_dir"] / "aliases" / "my_council.csv").write_text("alias,indicator_id,note\nx,y,z\n")
    with pytest.raises(ScaffoldError, match="refusing to overwrite"):
        scaffold("my_council", SAMPLE, **dirs)
    assert not (dirs["parsers_dir"] / "my_council.py").exists()
    assert (dirs["mappings_dir"] / "aliases" / "my_council.csv").read_text().endswith("x,y,z\n")


def test_inspect_names_the_claiming_parser_and_shows_rows():
    result = CliRunner().invoke(inspect_command, [str(SAMPLE)])
    assert result.exit_code == 0, result.output
    assert "claims          welsh_scc_indicators" in result.output
    assert "pipeline would choose: welsh_scc_indicators" in result.output
    assert "rows from welsh_scc_indicators (first 10 of" in result.output
    assert "% of LAC with one or more changes of school | actual |" in result.output


def test_inspect_reports_an_unreadable_file(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf at all")
    result = CliRunner().invoke(inspect_command, [str(bad)])
    assert result.exit_code == 1
    assert "unreadable" in result.output


def test_new_parser_command_refuses_a_bad_slug_with_exit_2():
    from extract.tools.scaffold import new_parser_command

    result = CliRunner().invoke(new_parser_command, ["My-Council", str(SAMPLE)])
    assert result.exit_code == 2
    assert "lowercase" in result.output


def test_inspect_tables_prints_the_grid_of_a_page():
    """`--tables --page N` shows the grid the reader rebuilt: a ruled Word export's cells, each
    row as printed under its column labels, and what each column was read as."""
    pdf = Path(__file__).parent / "renderings" / "welsh_scc_indicators" / "docx-ruled.pdf"
    result = CliRunner().invoke(inspect_command, [str(pdf), "--tables", "--page", "1"])
    assert result.exit_code == 0, result.output
    assert "page 1: 2 table(s)" in result.output  # the second: a header whose rows are on page 2
    assert "ruled grid, 9 rows x 9 columns" in result.output
    assert "SCC/002 % of LAC with one or more changes of school | 7.70 | 8.00 | 10.00" in result.output
    assert "'Intervention' -> intervention" in result.output
    assert "page 2" not in result.output


def test_inspect_page_alone_shows_that_pages_grid():
    """`extract inspect FILE --page N` without `--tables` is what a newcomer types: it shows
    page N's grid, never silently the whole report; a page the file lacks is a usage error."""
    pdf = Path(__file__).parent / "renderings" / "welsh_scc_indicators" / "docx-ruled.pdf"
    result = CliRunner().invoke(inspect_command, [str(pdf), "--page", "1"])
    assert result.exit_code == 0, result.output
    assert "page 1: 2 table(s)" in result.output and "parsers:" not in result.output
    missing = CliRunner().invoke(inspect_command, [str(pdf), "--tables", "--page", "99"])
    assert missing.exit_code == 2
    assert "no page 99: the document has" in missing.output
    assert CliRunner().invoke(inspect_command, [str(pdf), "--page", "0"]).exit_code == 2


def test_skeleton_lines_fit_ruff_with_a_long_slug():
    """The generated module passes `ruff check` (line length 120) whatever the slug's length."""
    slug = "north_east_lincolnshire_childrens_services_scorecard"
    text = skeleton(slug, "sample.pdf", ["polarity", "target"], "E06000012")
    assert max(len(line) for line in text.splitlines()) <= 120


def test_inspect_an_empty_pdf_says_it_is_empty(tmp_path):
    """As the run's documents row says it, not "not a PDF (starts with '')"."""
    (tmp_path / "empty.pdf").write_bytes(b"")
    result = CliRunner().invoke(inspect_command, [str(tmp_path / "empty.pdf")])
    assert result.exit_code == 1
    assert "unreadable: the file is empty (0 bytes)" in result.output
