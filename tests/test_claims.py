"""Each parser claims its own documents and no other, from content alone."""

from __future__ import annotations

import shutil

import pytest

from extract.errors import ParserError
from extract.load import load_document
from extract.plugins.parser import discover
from helpers import case_dirs, case_input

CASES = case_dirs()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_only_its_own_parser_claims_a_case(case, pipeline, tmp_path):
    # Under a neutral name, so that no file name could be what a parser recognises.
    renamed = tmp_path / ("document" + case_input(case).suffix)
    shutil.copy(case_input(case), renamed)
    document = load_document(renamed, tmp_path)
    claims = sorted(p.name for p in pipeline.parsers if not p.fallback and p.detect(document))
    fallbacks = {p.name: p for p in pipeline.parsers if p.fallback}
    if case.name in fallbacks:  # a layout no council parser knows: none claims it, the fallback does
        assert claims == []
        assert fallbacks[case.name].detect(document)
    else:
        assert claims == [case.name]


def test_every_discovered_parser_has_its_case_folder_and_back():
    # (unique names are discover()'s own check: test_duplicate_parser_names_are_an_error)
    names = {p.name for p in discover()}
    assert names == {c.name for c in CASES}, "one case folder per parser, named after it"


def test_duplicate_parser_names_are_an_error(tmp_path, monkeypatch):
    package = tmp_path / "dup_parsers"
    package.mkdir()
    (package / "__init__.py").write_text("")
    body = (
        "from extract.plugins.parser import Parser\n"
        "class P{n}(Parser):\n    name = 'same'\n"
        "    def detect(self, d): return False\n    def parse(self, d): return []\n"
    )
    (package / "a.py").write_text(body.format(n=1))
    (package / "b.py").write_text(body.format(n=2))
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ParserError, match="duplicate parser name 'same'"):
        discover("dup_parsers")


@pytest.mark.parametrize(
    ("text", "claimed"),
    [
        # figures written in sentences and bullets, with no percentage, table or labelled value
        ("Children in care\n\nThe rate of children in care per 10,000 rose from 52.1 to 54.9 this year.\n\n"
         "The number of children subject to a plan fell from 312 to 298 between Q1 and Q2.\n", True),
        # a measure's earlier and latest figures are worth reading even alone (Cambridgeshire's `from 2.85 to 2.92`)
        ("Minutes of the meeting\n\nThe rate of children in care per 10,000 rose from 52.1 to 54.9.\n", True),
        # one stated figure is a note that mentions a figure, not a performance paper
        ("Minutes of the meeting\n\nThe rate of children in care per 10,000 was 54.9 at year end.\n", False),
        ("Apologies were received from three members. The meeting closed at 8.15pm.\n", False),
    ],
)
def test_the_generic_parser_claims_a_paper_of_stated_figures_only(text, claimed, tmp_path):
    from extract.plugins.parser import discover

    path = tmp_path / "paper.txt"
    path.write_text(text)
    generic = next(p for p in discover() if p.name == "generic")
    assert generic.detect(load_document(path, tmp_path)) is claimed
