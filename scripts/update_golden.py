"""Show, and on request write, the change to a case's snapshot (tests/cases/<case>/snapshot.csv).

    python scripts/update_golden.py --list                            # list the cases
    python scripts/update_golden.py devon_improvement_board           # print the diff; writes nothing
    python scripts/update_golden.py devon_improvement_board --accept  # write it

A snapshot is every row the pipeline writes for the case's input, not a truth: review the diff
against the input before accepting, and list rows known to be wrong in the case's known_wrong.csv.
A case whose document does not come out `ok`, or comes out with no rows, is never written.
Exit status: 0 when nothing changed or the change was written, 1 when a diff is shown and not
accepted or when the reader of the output stopped early (`... | head`: one line, no traceback), 2 on a
usage error (no case named, an unknown case) or a refused case.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from extract.tools.golden import as_golden_frame, case_dirs, frame_csv, run_case, snapshot_diff

CASES = Path(__file__).resolve().parents[1] / "tests" / "cases"


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
    diff = snapshot_diff(case, new)
    if not diff:
        print(f"{case.name}: snapshot unchanged ({len(new.splitlines()) - 1} rows)")
        return 0
    sys.stdout.writelines(diff)
    if not accept:
        print(f"{case.name}: snapshot differs; not written (pass --accept after reviewing the diff)")
        return 1
    (case / "snapshot.csv").write_text(new, encoding="utf-8")
    print(f"{case.name}: wrote {len(new.splitlines()) - 1} rows")
    return 0


def main(argv: list[str] | None = None, cases_dir: Path = CASES) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", help="case folder names (tests/cases/<case>)")
    parser.add_argument("--accept", action="store_true", help="write the snapshot after showing the diff")
    parser.add_argument("--list", action="store_true", help="list the cases and exit")
    args = parser.parse_args(argv)
    cases = {c.name: c for c in case_dirs(cases_dir)}
    if args.list:
        print("\n".join(cases))
        return 0
    if not args.cases:
        parser.print_usage(sys.stderr)
        print(f"name one or more cases: {', '.join(cases)}", file=sys.stderr)
        return 2
    unknown = [n for n in args.cases if n not in cases]
    if unknown:
        print(f"unknown case(s): {', '.join(unknown)}; known: {', '.join(cases)}", file=sys.stderr)
        return 2
    return max(update(cases[name], args.accept) for name in args.cases)


if __name__ == "__main__":
    try:
        status = main()
        sys.stdout.flush()  # a closed pipe shows here, not as a traceback at exit
    except BrokenPipeError:  # `... | head` stopped reading: nothing after that point was written
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        print("update_golden: output cut short (closed pipe); nothing written after it", file=sys.stderr)
        status = 1
    sys.exit(status)
