"""Show, and on request write, the change to a case's snapshot (tests/cases/<case>/snapshot.csv).

    python scripts/update_golden.py                          # list the cases; writes nothing
    python scripts/update_golden.py devon_improvement_board  # print the diff; writes nothing
    python scripts/update_golden.py devon_improvement_board --accept   # write it

A snapshot is every row the pipeline writes for the case's input, not a truth: review the diff
against the input before accepting, and list rows known to be wrong in the case's KNOWN_WRONG.md.
A case whose document does not come out `ok`, or comes out with no rows, is never written.
Exit status: 0 when nothing changed or the change was written, 1 when a diff is shown and not
accepted, 2 on a usage error or a refused case.
"""

from __future__ import annotations

import argparse
import difflib
import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from helpers import as_golden_frame, case_dirs, run_case


def frame_csv(frame) -> str:
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


def update(case: Path, accept: bool) -> int:
    result = run_case(case)
    status = result.document["status"]
    if status != "ok":
        print(f"{case.name}: status {status} ({result.document['error']}); refusing to write", file=sys.stderr)
        return 2
    if not result.observations:
        print(f"{case.name}: no rows; refusing to write an empty snapshot", file=sys.stderr)
        return 2
    new = frame_csv(as_golden_frame(result.observations))
    path = case / "snapshot.csv"
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if new == old:
        print(f"{case.name}: snapshot unchanged ({len(new.splitlines()) - 1} rows)")
        return 0
    sys.stdout.writelines(
        difflib.unified_diff(old.splitlines(True), new.splitlines(True), f"{case.name}/snapshot.csv", "pipeline")
    )
    if not accept:
        print(f"{case.name}: snapshot differs; not written (pass --accept after reviewing the diff)")
        return 1
    path.write_text(new, encoding="utf-8")
    print(f"{case.name}: wrote {len(new.splitlines()) - 1} rows")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", help="case folder names (tests/cases/<case>)")
    parser.add_argument("--accept", action="store_true", help="write the snapshot after showing the diff")
    args = parser.parse_args(argv)
    cases = {c.name: c for c in case_dirs()}
    if not args.cases:
        print("cases (name one or more to see the diff; add --accept to write):")
        for name in cases:
            print(f"  {name}")
        return 0
    unknown = [n for n in args.cases if n not in cases]
    if unknown:
        print(f"unknown case(s): {', '.join(unknown)}; known: {', '.join(cases)}", file=sys.stderr)
        return 2
    return max(update(cases[name], args.accept) for name in args.cases)


if __name__ == "__main__":
    sys.exit(main())
