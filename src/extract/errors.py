"""Every error the tool raises on purpose, in one place (the base layer: any stage may raise them)."""

from __future__ import annotations


class LoadError(Exception):
    """A file that cannot be read as a document. `status` is its documents.parquet status."""

    def __init__(self, status: str, message: str, pages: int | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.pages = pages  # a PDF's page count when it was read that far (`no_text_layer`)


class VocabularyError(ValueError):
    """A row holds a word outside its column's vocabulary: the document is an `error`, never
    written. The message names the parser that made the row."""


class SettingsError(ValueError):
    """Settings that fail validation: a threshold of the wrong type or sign."""


class ManifestError(ValueError):
    """A corpus manifest.csv that cannot be read or names an unknown council."""


class MappingError(ValueError):
    """A mapping file is malformed: a reviewed file must never be half-read."""


class OutputError(Exception):
    """OUT cannot be written or read as asked; the message is one line for the user."""


class OutputBusy(OutputError):
    """Another run holds OUT's lock."""


class SchemaMismatch(OutputError):
    """A Parquet file as written does not have the schema it must have (SCHEMA.md)."""


class ParserError(Exception):
    """A parser could not read a document it claimed."""


class CorpusError(ValueError):
    """CORPUS cannot be run: nothing in it to read."""


class ScaffoldError(ValueError):
    """A scaffold the command refuses to write (bad slug, a file already there)."""
