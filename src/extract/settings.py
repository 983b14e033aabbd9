"""All tunables in one validated settings object (as pdfplumber does with its table settings)."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace


class SettingsError(ValueError):
    pass


@dataclass(frozen=True)
class Settings:
    # Tables
    min_value_columns: int = 2  # a header names at least this many value columns
    min_row_cells: int = 3  # a table row has at least this many non-empty cells
    # Matching (rapidfuzz scores, 0-100)
    fuzzy_threshold: float = 88.0  # below this a name is `unmatched`
    generic_fuzzy_threshold: float = 93.0  # stricter for rows from the generic parser
    narrative_fuzzy_threshold: float = 90.0  # narrative phrases are noisier than table names
    candidates: int = 3  # how many candidates `extract match` lists

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise SettingsError(f"{f.name} must be a number, got {value!r}")
        for name in ("fuzzy_threshold", "generic_fuzzy_threshold", "narrative_fuzzy_threshold"):
            if not 0 <= getattr(self, name) <= 100:
                raise SettingsError(f"{name} must be between 0 and 100")
        if self.min_value_columns < 1 or self.min_row_cells < 1 or self.candidates < 1:
            raise SettingsError("min_value_columns, min_row_cells and candidates must be at least 1")

    def with_(self, **changes) -> Settings:
        return replace(self, **changes)


DEFAULT_SETTINGS = Settings()
