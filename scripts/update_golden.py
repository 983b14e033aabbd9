"""Regenerate tests/cases/<case>/expected.csv from the current pipeline.

    python scripts/update_golden.py                # every case
    python scripts/update_golden.py devon_improvement_board

The output is a proposal: review `git diff tests/cases` against the input by hand before
committing, since the golden files are what the tests hold the parsers to.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from helpers import as_golden_frame, case_dirs, run_case


def main(names: list[str]) -> None:
    for case in case_dirs():
        if names and case.name not in names:
            continue
        result = run_case(case)
        frame = as_golden_frame(result.observations)
        frame.to_csv(case / "expected.csv", index=False)
        print(f"{case.name}: {len(frame)} rows, status {result.document['status']}")


if __name__ == "__main__":
    main(sys.argv[1:])
