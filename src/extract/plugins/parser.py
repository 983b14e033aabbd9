"""The parser contract and automatic discovery.

A parser is one class in one module under `parsers/` (installed as the `extract_parsers`
package). It declares `name`, `version`, the councils it covers, a cheap content
fingerprint `detect(document)` and `parse(document, settings)`, which yields RawFigures. It does not
open files, match names or write output.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import inspect
import pkgutil
from collections.abc import Iterable, Iterator
from datetime import date
from typing import ClassVar

from extract.errors import ParserError
from extract.model import Document, Period, RawFigure
from extract.settings import Settings


class Parser:
    #: slug, unique across all parsers; also the name of its alias file mappings/aliases/<name>.csv
    name: ClassVar[str] = ""
    version: ClassVar[str] = "0"
    #: ONS GSS codes of the councils whose papers this format covers (empty: not known / several)
    councils: ClassVar[tuple[str, ...]] = ()
    #: a parser that legitimately finds nothing in some documents says so; otherwise empty is an error
    empty_ok: ClassVar[bool] = False
    #: the generic fallback is tried only when no council parser claims a document
    fallback: ClassVar[bool] = False
    #: table-reading strategies this format needs (tables.STRATEGIES): a quirk of one format is
    #: opted into by its parser, never applied to every document
    strategies: ClassVar[tuple[str, ...]] = ()

    def detect(self, document: Document) -> bool:
        """True when this document is in this parser's format. Content only, never the file name."""
        raise NotImplementedError

    def parse(self, document: Document, settings: Settings) -> Iterable[RawFigure]:
        """The figures of a document this parser claimed. `settings` is the run's (tables, narrative, ...):
        pass it on to the readers, never read module defaults."""
        raise NotImplementedError

    def council_id(self, document: Document) -> str | None:
        """The council the document belongs to, when the format says; None lets the text decide."""
        return self.councils[0] if len(self.councils) == 1 else None

    def report_date(self, document: Document) -> date | None:
        """The meeting or report date; None lets the pipeline look for one in the text."""
        return None

    def report_period(self, document: Document) -> Period | None:
        """The period the report covers, when the format tells it."""
        return None


ENTRY_POINT_GROUP = "extract.parsers"


def discover(package: str = "extract_parsers", group: str | None = ENTRY_POINT_GROUP) -> list[Parser]:
    """Every Parser subclass defined in the modules of `package`, one instance each, and those
    other installed packages register under the entry-point group `group` (an entry point names
    a Parser subclass, or a module whose own Parser subclasses are taken).

    Duplicate names are an error: two parsers answering to one name would make the output's
    `parser` column ambiguous and their alias files collide.
    """
    pkg = importlib.import_module(package)
    found: dict[str, Parser] = {}
    origins: dict[str, str] = {}

    def add(cls: type[Parser], origin: str) -> None:
        parser = cls()
        if not parser.name:
            raise ParserError(f"parser class {cls.__qualname__} in {origin} has no name")
        if parser.name in found:
            raise ParserError(f"duplicate parser name {parser.name!r}: {origins[parser.name]} and {origin}")
        found[parser.name], origins[parser.name] = parser, origin

    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{package}.{info.name}")
        for cls in _parser_classes(module):
            add(cls, module.__name__)
    if group:
        for entry in sorted(importlib.metadata.entry_points(group=group), key=lambda e: (e.name, e.value)):
            obj = entry.load()
            origin = f"entry point {entry.name!r} ({entry.value})"
            if inspect.isclass(obj) and issubclass(obj, Parser) and obj is not Parser:
                add(obj, origin)
            elif inspect.ismodule(obj):
                for cls in _parser_classes(obj):
                    add(cls, origin)
            else:
                raise ParserError(f"{origin} in group {group!r} is neither a Parser subclass nor a module")
    return list(found.values())


def _parser_classes(module) -> Iterator[type[Parser]]:
    for _, obj in inspect.getmembers(module, inspect.isclass):
        if issubclass(obj, Parser) and obj is not Parser and obj.__module__ == module.__name__:
            yield obj
