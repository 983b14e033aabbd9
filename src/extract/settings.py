"""All tunables in one validated settings object (as pdfplumber does with its table settings)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass, replace
from functools import lru_cache

from extract.errors import SettingsError


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
    break_join_gap: float = 0.05  # a break pdfium made up between glyphs of one line this close is none
    cell_gap: float = 0.6  # a gap wider than this between two words starts a new cell
    stretched_space_cap: float = 1.2  # justified prose: gaps up to this, uniform on the line, stay spaces
    # a gap in a run wider than this many of the page's word spaces (and than `min_column_space`
    # heights) is a narrow column's padding, not a space: it parts the run (load/spaces.py)
    column_space_factor: float = 2.2
    min_column_space: float = 0.4
    # two figures side by side (`87.1% 91%`) part at a gap this many word spaces wide: a cell holds one figure
    figure_space_factor: float = 1.5
    line_overlap: float = 0.25  # a word joins a line when its middle is this close to the line's middle
    rule_thickness: float = 2.5  # points: a path thinner than this is a ruling line
    rule_min_length: float = 4.0  # points: a shorter one is a tick or a bullet, not a rule
    max_path_segments: int = 400  # a path with more segments is a chart or a glyph: not read for rules
    max_chars_per_page: int = 200_000  # a page with more glyphs is read as text only (pathological)
    sentence_join_lines: int = 6  # a sentence cut by a page break ends within this many lines of the next page
    prose_line_width: float = 0.5  # share of the page width: a single run this wide is a line of prose
    # rotated text (a header cell turned 90 degrees): two glyphs in a row of the text whose centres are
    # within `stacked_across` glyph sizes across and at least `stacked_along` apart along are stacked, so
    # candidates for a rotated run (and two a glyph or so apart both rightwards and along: text set at an
    # angle); only those have their angle read (one pdfium call each)
    stacked_across: float = 0.5
    stacked_along: float = 0.15
    wrapped_label_pitch: float = 1.8  # glyph sizes: a rotated line this close across continues the label before
    # a wrapped rotated label's lines step one way across at one pitch: a line that steps back, or steps
    # less than this share of the label's first step (or more than its inverse), starts the next cell's
    # label (labels too wide for a short row run into one another)
    wrapped_label_step: float = 0.85

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
    min_value_columns: int = 2  # a header names at least this many value columns (one is a list, not a table)
    min_row_cells: int = 3  # a text table row has at least this many non-empty cells (name and two figures)
    interleave_heights: float = 1.0  # unruled: values lines closer than this (line heights) interleave: one row
    offset_figures_reach: float = 2.0  # unruled: a one-line cell has no text of its column this near (line heights)
    continued_leading_cost: float = 0.5  # unruled, no header above: per line left to the previous page's row
    pitch_tolerance: float = 0.15  # unruled: a line after the body this share further than the line pitch is not its
    trailing_header_lines: int = 8  # a header at a page foot spans up to this many lines (two rows, wrapped)
    wrapped_pitch_heights: float = 2.0  # unruled: a wrapped cell's next line is at most this far (body heights) below
    max_wrapped_lines: int = 16  # unruled: a row's name or comment wraps over at most this many lines past its values
    type_size_tolerance: float = 0.25  # unruled: a line this share outside the body's line heights is another type size
    # the unruled rows' partition of each column (read/tables/rows.py), in line heights:
    drop_cost: float = 1.0  # leaving a line out of the table (a heading or a note above or under it)
    crossing_weight: float = 0.25  # per line height a centred block reaches past halfway to a neighbour's values
    empty_block_cost: float = 0.5  # a row left without text in a column that has text for every row
    edge_alignment_factor: float = 1.5  # top or bottom alignment must explain the table this much better than centring

    def __post_init__(self) -> None:
        _check_numbers(self)
        if self.min_value_columns < 1 or self.min_row_cells < 1:
            raise SettingsError("tables.min_value_columns and tables.min_row_cells must be at least 1")


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
    # A short name every word of which is in the one indicator its facets allow scores low (the
    # entry's own name is longer), yet nothing else comes near: accepted from `sole_floor` when
    # it leads by `sole_margin` and has `sole_explained` of the name's words.
    sole_floor: float = 100.0
    sole_margin: float = 100.0
    sole_explained: float = 1.0
    # The facets leave one entry, and the name states its measure and its population (a population
    # word or an age band), which the entry shares, while the entry states nothing the name lacks:
    # accepted from `agreed_floor` (issue 9 round 11).
    agreed_floor: float = 100.0
    # A name stating a timescale or threshold (20 weeks, 3 or more) leaves few entries its facets
    # allow: the floor is `anchored_floor` when it does (with the floor's lead and share of words).
    anchored_floor: float = 100.0
    # The closer a score is to the bottom of what is accepted, the wider the lead it needs: below
    # `close_until` every path also needs `margin` + `close_slope` points per point short of it
    # (issue 9 round 4: chosen by cross-validation on the dev names and the alias-free check,
    # docs/matching.md). Off (0) for a rule that sets none.
    close_until: float = 0.0
    close_slope: float = 0.0
    # An entry narrower than the name (it states a population part, qualifier, age band or timescale
    # the name does not) is the answer only when it leads every allowed entry that is not narrower by
    # `narrow_margin`: otherwise the name does not say which it is (issue 9 round 13). Off (0) by default.
    narrow_margin: float = 0.0
    # ... and one narrower than the name needs `sibling_margin` over every allowed entry narrower in another way
    # (stating another event, kind or population the name does not): the name chooses neither (round 20). Off (0).
    sibling_margin: float = 0.0

    def accepts(
        self,
        best: float,
        runner_up: float,
        explained: float = 1.0,
        anchored: bool = False,
        agreed: bool = False,
        narrower: bool = False,
        plain_runner_up: float = 0.0,
    ) -> bool:
        lead = best - runner_up
        if lead < self.margin + self.close_slope * max(0.0, self.close_until - best):
            return False
        if narrower and best - plain_runner_up < self.narrow_margin:
            return False
        if best >= self.threshold and lead >= self.margin:
            return True
        if best >= self.sole_floor and lead >= self.sole_margin and explained >= self.sole_explained:
            return True
        if agreed and best >= self.agreed_floor:
            return True
        floor = min(self.floor, self.anchored_floor) if anchored else self.floor
        return best >= floor and lead >= self.floor_margin and explained >= self.floor_explained


@dataclass(frozen=True)
class ScoreWeights:
    """What a catalogue entry pays in score points (0-100) against a printed name, per facet it states
    and the name does not, and how a vetoed candidate is listed. Tuned together on the dev names and
    the alias names with their aliases removed (tests/test_matcher.py); change them as a set."""

    entry_only: float = 5.0  # a qualifier or named number the entry states and the name does not
    group: float = 8.0  # a population or pupil group: the entry is about part of the name's population
    age: float = 20.0  # an age band: the entry is about another (narrower) population, another indicator
    number: float = 8.0  # a timescale or threshold: the entry is a narrower indicator
    weak_number: float = 8.0  # "in the year" (12 months) only
    year_only: float = 10.0  # the name's only time is "in the year" and the entry states none
    rate: float = 20.0  # the name states no measure and the entry is a rate per population (a rate says so)
    count: float = 7.0  # the name states no measure and the entry's own name says it is a count
    timely_count: float = 15.0  # a count entry, when the name is about timeliness ("in timescale"): a share
    welsh: float = 20.0  # a Welsh framework entry, for a name outside a Welsh council's papers
    vetoed: float = 45.0  # a vetoed candidate's score: listed for review, never accepted
    prune_above: int = 60  # more scored names than this: rapidfuzz runs only for those that can reach the top

    def __post_init__(self) -> None:
        _check_numbers(self)


@dataclass(frozen=True)
class MatchSettings:
    """Fuzzy matching of printed names to the catalogue (scores 0-100, see tidy.matching.Matcher)."""

    # Table names from council parsers: the printed layout says which cell is the name.
    threshold: float = 64.0  # accepted at or above this score when it also leads by `margin`
    floor: float = 56.0  # ... or at or above this when it leads by `floor_margin`
    margin: float = 4.0  # the lead over the best other indicator, after vetoes: a close runner-up means doubt
    floor_margin: float = 10.0  # the wider lead a score between floor and threshold needs
    floor_explained: float = 0.4  # ... with this share of the name's words (one shared word is no match)
    # ... or at or above `sole_floor` when it leads by `sole_margin` with `sole_explained` of the name's
    # words: every word printed is the entry's, and no other indicator comes near (table rows only)
    sole_floor: float = 40.0
    sole_margin: float = 25.0
    sole_explained: float = 0.99
    anchored_floor: float = 46.0  # ... or from this when the name states a timescale or threshold the entry shares
    # ... or from this when the facets leave one entry, the name states its measure and population and the
    # entry states nothing the name lacks (table rows only; issue 9 round 11)
    agreed_floor: float = 50.0
    # ... and whichever path accepts, a score below `close_until` needs `margin` + `close_slope` points of
    # lead per point it is short of it (the lead grows as the score nears the floor)
    close_until: float = 66.0
    close_slope: float = 0.5
    # ... and an entry narrower than the name (it states a population part, qualifier, age band or
    # timescale the name does not: it pays a penalty for it) needs this lead over the best allowed entry
    # that is not narrower (issue 9 round 13; 25 → 33 in round 16, docs/matching.md)
    narrow_margin: float = 33.0
    # ... and that narrower entry needs this lead over every allowed entry narrower than the name in another way
    # than it (another event, kind or population: 'Special schools' names neither their suspensions nor their
    # absence; issue 9 round 20, docs/matching.md)
    sibling_margin: float = 12.0
    # Stricter for rows of the generic parser (unknown layouts: the name may be a fragment) and for
    # narrative phrases (cut from sentences, so they carry words about other things).
    generic_threshold: float = 85.0
    generic_floor: float = 70.0
    narrative_threshold: float = 80.0
    narrative_floor: float = 70.0
    candidates: int = 3  # how many candidates `extract match` and the review queue keep
    weights: ScoreWeights = field(default_factory=ScoreWeights)

    def __post_init__(self) -> None:
        _check_numbers(self)
        for f in fields(self):
            if f.name not in ("candidates", "weights") and not 0 <= getattr(self, f.name) <= 100:
                raise SettingsError(f"match.{f.name} must be between 0 and 100")
        for prefix in ("", "generic_", "narrative_"):
            if getattr(self, f"{prefix}floor") > getattr(self, f"{prefix}threshold"):
                raise SettingsError(f"match.{prefix}floor must not exceed match.{prefix}threshold")
        if self.candidates < 1:
            raise SettingsError("match.candidates must be at least 1")

    def rule(self, kind: str = "table") -> FuzzyRule:
        """The acceptance rule for `table` rows, `narrative` phrases or `generic` parser rows."""
        return _rule(self, kind)

    def _rule(self, kind: str) -> FuzzyRule:
        if kind == "generic":
            pair = (self.generic_threshold, self.generic_floor)
        elif kind == "narrative":
            pair = (self.narrative_threshold, self.narrative_floor)
        else:
            pair = (self.threshold, self.floor)
        rule = replace(
            FuzzyRule(*pair, self.margin, self.floor_margin, self.floor_explained),
            close_until=self.close_until,
            close_slope=self.close_slope,
            narrow_margin=self.narrow_margin,
            sibling_margin=self.sibling_margin,
        )
        if kind in ("generic", "narrative"):  # a fragment or a phrase cut from a sentence: never on few words
            return rule
        return replace(
            rule,
            sole_floor=self.sole_floor,
            sole_margin=self.sole_margin,
            sole_explained=self.sole_explained,
            anchored_floor=self.anchored_floor,
            agreed_floor=self.agreed_floor,
        )


@lru_cache(maxsize=64)  # asked once per row; the settings are frozen, so the rule is too
def _rule(match: MatchSettings, kind: str) -> FuzzyRule:
    return match._rule(kind)


@dataclass(frozen=True)
class NarrativeSettings:
    """The reader of figures in sentences (read/narrative)."""

    kind_window: int = 120  # characters before a number searched for its kind word (target, national): they are near
    recent_figures: int = 12  # how many earlier figures may lend a figure their name: comparisons are near

    def __post_init__(self) -> None:
        _check_numbers(self)


@dataclass(frozen=True)
class BlockSettings:
    """KPI blocks of the generic parser: a title over a value and labelled figures, placed by position."""

    title_lines: int = 6  # a block's title runs over at most this many lines above its values
    title_gap: float = 0.25  # line heights: a gap wider than this and than the block's own line gaps ends a title
    tile_figure_height: float = 1.8  # a tile's big figure stands this many times the page's usual line height
    tile_gap: float = 1.2  # line heights: a wider gap above a title line or below a label line ends the tile
    tile_heading_height: float = 1.4  # a heading over captioned tiles stands this many times the usual line height

    def __post_init__(self) -> None:
        _check_numbers(self)


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
    """A run's defaults (the CLI's options start from these) and how it bounds the main process."""

    timeout: float = 120.0  # seconds a worker may spend on one document before it is killed (status `timeout`)
    memory_mb: int = 2048  # address space a worker may add before the document is an `error` (out of memory)
    recycle: int = 50  # documents a worker reads before it is replaced (bounds leaks in the PDF engine)
    max_mb: float = 500.0  # larger files are `too_large`, not read
    # names ranked by the workers that the main process keeps, for workers started later (a
    # cache only: beyond it, a later worker may rank a name again)
    ranked_kept: int = 50_000

    def __post_init__(self) -> None:
        _check_numbers(self)


@dataclass(frozen=True)
class Settings:
    """Every tunable, grouped by the stage that uses it; passed down from the run to the parsers."""

    pdf: PdfSettings = field(default_factory=PdfSettings)
    tables: TableSettings = field(default_factory=TableSettings)
    narrative: NarrativeSettings = field(default_factory=NarrativeSettings)
    blocks: BlockSettings = field(default_factory=BlockSettings)
    match: MatchSettings = field(default_factory=MatchSettings)
    report: ReportSettings = field(default_factory=ReportSettings)
    run: RunSettings = field(default_factory=RunSettings)

    def __post_init__(self) -> None:
        for f in fields(self):
            if not isinstance(getattr(self, f.name), f.default_factory):  # type: ignore[arg-type]
                raise SettingsError(f"settings.{f.name} must be a {f.default_factory.__name__}")  # type: ignore[union-attr]

    def fuzzy_rule(self, kind: str = "table") -> FuzzyRule:
        """The acceptance rule for `table` rows, `narrative` phrases or `generic` parser rows."""
        return self.match.rule(kind)

    def with_(self, **changes) -> Settings:
        return replace(self, **changes)


DEFAULT_SETTINGS = Settings()
