"""Build mappings/districts.csv: the current English district (lower-tier) councils, each with the
county council whose area it lies in.

A district is an area, not a council that runs children's services: a table of a county's districts
(`Adur | Arun | ... | West Sussex`) is a table whose rows are areas, and a district's own row gives no
council's figure (read/tables/areas.py). Reads, from the shared reference-data folder (never at tool
run time), register/mysociety_uk_local_authorities.csv; keeps nation England, powers "lower tier",
current-authority True and an empty end-date.

Usage (from the project root):
    python scripts/build_districts.py [--data-dir ../shared/data] [--out mappings/districts.csv]
Stdlib only.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = PROJECT_ROOT / ".." / "shared" / "data"
DEFAULT_OUT = PROJECT_ROOT / "mappings" / "districts.csv"
COLUMNS = ["district_id", "district", "county_code"]
EXPECTED = 164  # current English lower-tier districts in the register's commit


def build(data_dir: Path) -> list[dict[str, str]]:
    path = data_dir / "register" / "mysociety_uk_local_authorities.csv"
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    out = [
        {"district_id": r["gss-code"], "district": re.sub(r"\s+", " ", r["nice-name"]).strip(),
         "county_code": r["county-la"]}
        for r in rows
        if r["nation"] == "England" and r["powers"] == "lower tier" and r["current-authority"] == "True"
        and not r["end-date"]
    ]
    return sorted(out, key=lambda r: r["district_id"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    rows = build(args.data_dir)
    if len(rows) != EXPECTED:
        print(f"expected {EXPECTED} districts, found {len(rows)}", file=sys.stderr)
        return 1
    with args.out.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} districts to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
