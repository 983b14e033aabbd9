"""Parsers published by other packages under the `extract.parsers` entry-point group."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from extract.errors import ParserError
from extract.plugins.parser import discover

MODULE = """\
from extract.plugins.parser import Parser


class ExampleParser(Parser):
    name = {name!r}
    version = "0.1"

    def detect(self, document):
        return False

    def parse(self, document, settings):
        return []
"""


@pytest.fixture(autouse=True)
def forget_example_modules():
    """The example packages are imported by discover(); drop them again after each test."""
    yield
    for name in [m for m in sys.modules if m.startswith("example_")]:
        del sys.modules[name]


def install(site: Path, package: str, parser_name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Lay out a package as pip would (the module and its dist-info) in `site`, put it on sys.path."""
    (site / package).mkdir(parents=True)
    (site / package / "__init__.py").write_text(MODULE.format(name=parser_name))
    dist_info = site / f"{package}-0.1.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {package}\nVersion: 0.1\n")
    (dist_info / "entry_points.txt").write_text(f"[extract.parsers]\nexample = {package}:ExampleParser\n")
    monkeypatch.syspath_prepend(str(site))
    importlib.invalidate_caches()


def test_entry_point_parsers_are_discovered(tmp_path, monkeypatch):
    install(tmp_path, "example_parser_pkg", "example_entry_point", monkeypatch)
    names = [p.name for p in discover()]
    assert "example_entry_point" in names
    assert "welsh_scc_indicators" in names  # the package's own parsers are still there
    assert "example_entry_point" not in [p.name for p in discover(group=None)]


def test_duplicate_name_from_an_entry_point_is_an_error(tmp_path, monkeypatch):
    install(tmp_path, "example_dup_parser_pkg", "welsh_scc_indicators", monkeypatch)
    with pytest.raises(ParserError, match="duplicate parser name 'welsh_scc_indicators'"):
        discover()
