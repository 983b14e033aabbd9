"""All tunables in one validated settings object (as pdfplumber does with its table settings)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass, replace


class SettingsError(ValueError):
    pass


def _check_numbers(obj: object, positive: bool = True) -> None:
    """Every field of a settings dataclass is a number (and, unless noted, not negative)."""
    for f in fields(obj):
        value = getattr(obj, f.name)
        if is_dataclass(value):
            continue
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise SettingsError(f"{type(obj).__name__}.{f.name} must be a number, got {value!r}")
        if positive and value < 0:
            raise SettingsError(f"{type(obj).__name__}.{f.name} must not be negative, got {value!r}")


@dataclass(frozen=True)
class PdfSettings:
    """How a PDF page's glyphs become words, lines and cells, and which paths are rules.
    Distances are multiples of the line's font height unless they say points."""

    word_gap: float = 0.18  # a gap wider than this between two glyphs ends a word
    cell_gap: float = 0.6  # a gap wider than this between two words starts a new cell
    stretched_space_cap: float = 1.2  # justified prose: gaps up to this, uniform on the line, stay spaces
    line_overlap: float = 0.25  # a word joins a line when its middle is this close to the line's middle
    rule_thickness: float = 2.5  # points: a path thinner than this is a ruling line
    rule_min_length: float = 4.0  # points: a shorter one is a tick or a bullet, not a rule
    max_path_segments: int = 400  # a path with more segments is a chart or a glyph: not read for rules
    max_chars_per_page: int = 200_000  # a page with more glyphs is read as text only (pathological)

    def __post_init__(self) -> None:
        _check_numbers(self)


@dataclass(frozen=True)
class TableSettings:
    """The grid builder (tables.py and grid.py). Distances in points unless they say heights."""

    snap_tolerance: float = 3.0  # rules this close are one rule (double borders, anti-aliasing)
    join_tolerance: float = 3.0  # collinear rules with a gap this small are one rule
    intersection_tolerance: float = 3.0  # a rule ending this close to another meets it
    min_ruled_rows: int = 2  # a ruled grid holds at least this many rows ...
    min_ruled_columns: int = 2  # ... and columns
    row_gap_heights: float = 1.6  # unruled: a gap between lines wider than this (in line heights) ends a table
    min_column_gap: float = 4.0  # unruled: an empty vertical strip this wide separates two columns
    min_anchor_cells: int = 2  # unruled: a line with this many cells outside the name column anchors a row

    def __post_init__(self) -> None:
        _check_numbers(self)


@dataclass(frozen=True)
class FuzzyRule:
    """A fuzzy match is accepted only when it leads the best other indicator (after vetoes):
    by `margin` when its score reaches `threshold`, or by the wider `floor_margin` when it
    only reaches `floor`. A runner-up that is nearly as good means the name does not say
    which indicator it is, however high the score."""

    threshold: float = 64.0
    floor: float = 56.0
    margin: float = 4.0
    floor_margin: float = 10.0
    floor_explained: float = 0.4  # below the threshold, the share of the printed name's words the match must have

    def accepts(self, best: float, runner_up: float, explained: float = 1.0) -> bool:
        lead = best - runner_up
        if best >= self.threshold and lead >= self.margin:
            return True
        return best >= self.floor and lead >= self.floor_margin and explained >= self.floor_explained


@dataclass(frozen=True)
class ReportSettings:
    """How much report.html shows: its size follows indicators x councils, never rows or documents."""

    max_points: int = 400  # points on one chart; beyond it medians per council, kind and date, then the latest dates
    max_documents: int = 300  # documents listed one by one (those not `ok` first); documents.parquet has them all

    def __post_init__(self) -> None:
        _check_numbers(self)
        if self.max_points < 1:
            raise SettingsError("report.max_points must be at least 1")


@dataclass(frozen=True)
class RunSettings:
    """How a run over many documents bounds the main process."""

    # names ranked by the workers that the main process keeps, for workers started later (a
    # cache only: beyond it, a later worker may rank a name again)
    ranked_kept: int = 50_000

    def __post_init__(self) -> None:
        _check_numbers(self)


@dataclass(frozen=True)
class Settings:
    # Tables
    min_value_columns: int = 2  # a header names at least this many value columns
    min_row_cells: int = 3  # a table row has at least this many non-empty cells
    # Matching (scores 0-100, see matching.Matcher). Table names from council parsers:
    fuzzy_threshold: float = 64.0  # accepted at or above this score when it also leads by fuzzy_margin
    fuzzy_floor: float = 56.0  # ... or at or above this when it leads by fuzzy_floor_margin
    fuzzy_margin: float = 4.0  # the lead over the best other indicator, after vetoes
    fuzzy_floor_margin: float = 10.0
    fuzzy_floor_explained: float = 0.4  # ... and has this share of the name's words (one shared word is no match)
    # Stricter for rows of the generic parser (unknown layouts) and for narrative phrases.
    generic_fuzzy_threshold: float = 85.0
    generic_fuzzy_floor: float = 70.0
    narrative_fuzzy_threshold: float = 80.0
    narrative_fuzzy_floor: float = 70.0
    candidates: int = 3  # how many candidates `extract match` lists
    pdf: PdfSettings = field(default_factory=PdfSettings)
    tables: TableSettings = field(default_factory=TableSettings)
    report: ReportSettings = field(default_factory=ReportSettings)
    run: RunSettings = field(default_factory=RunSettings)

    def __post_init__(self) -> None:
        _check_numbers(self, positive=False)
        if not isinstance(self.pdf, PdfSettings) or not isinstance(self.tables, TableSettings):
            raise SettingsError("pdf and tables must be PdfSettings and TableSettings")
        if not isinstance(self.report, ReportSettings) or not isinstance(self.run, RunSettings):
            raise SettingsError("report and run must be ReportSettings and RunSettings")
        for f in fields(self):
            if "fuzzy" in f.name and not 0 <= getattr(self, f.name) <= 100:
                raise SettingsError(f"{f.name} must be between 0 and 100")
        for prefix in ("", "generic_", "narrative_"):
            floor = getattr(self, f"{prefix}fuzzy_floor")
            if floor > getattr(self, f"{prefix}fuzzy_threshold"):
                raise SettingsError(f"{prefix}fuzzy_floor must not exceed {prefix}fuzzy_threshold")
        if self.min_value_columns < 1 or self.min_row_cells < 1 or self.candidates < 1:
            raise SettingsError("min_value_columns, min_row_cells and candidates must be at least 1")

    def fuzzy_rule(self, kind: str = "table") -> FuzzyRule:
        """The acceptance rule for `table` rows, `narrative` phrases or `generic` parser rows."""
        if kind == "generic":
            rule = (self.generic_fuzzy_threshold, self.generic_fuzzy_floor)
        elif kind == "narrative":
            rule = (self.narrative_fuzzy_threshold, self.narrative_fuzzy_floor)
        else:
            rule = (self.fuzzy_threshold, self.fuzzy_floor)
        return FuzzyRule(*rule, self.fuzzy_margin, self.fuzzy_floor_margin, self.fuzzy_floor_explained)

    def with_(self, **changes) -> Settings:
        return replace(self, **changes)


DEFAULT_SETTINGS = Settings()
