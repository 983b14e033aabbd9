"""Build mappings/councils.csv: the register of current English and Welsh councils
that run children's services.

Reads (from the shared reference-data folder, never at tool run time):
  register/mysociety_uk_local_authorities.csv
  register/mysociety_lookup_name_to_registry.csv
  register/mysociety_lookup_gss_to_registry.csv
  register/dfe_la_number_to_gss.csv

Selection rule: nation is England or Wales, powers is "unitary" or "upper tier",
current-authority is True and end-date is empty. That keeps English unitary
authorities, metropolitan districts, London boroughs, the City of London, the
Isles of Scilly and county councils, and the 22 Welsh principal councils; it drops
district (lower-tier) councils, combined/strategic authorities, abolished
councils, and Scottish and Northern Irish councils.

Usage (from the project root):
    python scripts/build_councils.py [--data-dir ../shared/data] [--out mappings/councils.csv]

Exits non-zero if a consistency check fails (see check_register).
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
DEFAULT_OUT = PROJECT_ROOT / "mappings" / "councils.csv"

COLUMNS = [
    "council_id",
    "council",
    "short_name",
    "nation",
    "region",
    "council_type",
    "registry_code",
    "dfe_la_number",
    "former_gss_codes",
    "alt_names",
]

NATIONS = {"England", "Wales"}
CHILDRENS_SERVICES_POWERS = {"unitary", "upper tier"}
# mySociety local-authority-type codes expected to pass the powers filter.
EXPECTED_TYPES = {"UA", "MD", "LBO", "CC", "CTY", "WPA"}

# Rows that must be present, exactly as given (council_id -> (council, short_name)).
ANCHORS = {
    "E06000005": ("Darlington Borough Council", "Darlington"),
    "E06000047": ("Durham County Council", "County Durham"),
    "E10000008": ("Devon County Council", "Devon"),
}
EXPECTED_COUNTS = {"England": 153, "Wales": 22}

# Mis-encoded spellings in the mySociety alt-names / name lookup (double-encoded
# UTF-8). Repaired to the intended spelling; anything else still mis-encoded is
# dropped with a warning.
MOJIBAKE_FIXES = {
    "Sir Ynys M\u00ef\u00bf\u00bdn": "Sir Ynys M\u00f4n",
    "City\u00ef\u00be\u00a0and County of Swansea": "City and County of Swansea",
}
MOJIBAKE_MARKERS = ("\ufffd", "\u00ef\u00bf", "\u00ef\u00be")

# DfE region names that are finer than the ONS regions mySociety uses.
DFE_REGION_TO_ONS = {"Inner London": "London", "Outer London": "London"}
ONS_ENGLISH_REGIONS = {
    "North East",
    "North West",
    "Yorkshire and The Humber",
    "East Midlands",
    "West Midlands",
    "East of England",
    "London",
    "South East",
    "South West",
}


def warn(message: str) -> None:
    print(f"WARNING: {message}", file=sys.stderr)


def clean(text: str) -> str:
    """Strip and collapse runs of whitespace (the source has e.g. 'North Somerset  Council')."""
    return re.sub(r"\s+", " ", text).strip()


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def split_alt_names(raw: str, known: set[str]) -> list[str]:
    """Split mySociety's comma-joined alt-names.

    Separators are commas not followed by a space ("Bristol, City of" is one name).
    Pieces are re-joined where the joined string is a spelling listed for the same
    authority in the name lookup (e.g. "rhondda,cynon,taff").
    """
    if not raw:
        return []
    pieces = re.split(r",(?! )", raw)
    names: list[str] = []
    i = 0
    while i < len(pieces):
        for j in range(len(pieces), i + 1, -1):
            joined = ",".join(pieces[i:j])
            if joined in known:
                names.append(joined)
                i = j
                break
        else:
            names.append(pieces[i])
            i += 1
    return names


def repair_name(name: str, code: str) -> str | None:
    name = MOJIBAKE_FIXES.get(name, name)
    if any(marker in name for marker in MOJIBAKE_MARKERS):
        warn(f"{code}: dropping mis-encoded alternative name {name!r}")
        return None
    return clean(name) or None


def merge_names(council: str, candidates: list[str]) -> list[str]:
    """De-duplicate case-insensitively (first spelling wins), excluding the council name."""
    seen = {council.casefold()}
    out = []
    for name in candidates:
        key = name.casefold()
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out


def select(authorities: list[dict[str, str]]) -> list[dict[str, str]]:
    selected = []
    for row in authorities:
        if row["nation"] not in NATIONS:
            continue
        is_current = row["current-authority"] == "True"
        if is_current == bool(row["end-date"]):
            warn(
                f"{row['local-authority-code']}: current-authority={row['current-authority']}"
                f" but end-date={row['end-date']!r}; excluded"
            )
        if row["powers"] not in CHILDRENS_SERVICES_POWERS:
            continue
        if not is_current or row["end-date"]:
            continue
        if row["local-authority-type"] not in EXPECTED_TYPES:
            warn(
                f"{row['local-authority-code']}: unexpected type {row['local-authority-type']!r}"
                f" with powers {row['powers']!r}; included"
            )
        selected.append(row)
    return selected


def build(data_dir: Path) -> tuple[list[dict[str, str]], list[str]]:
    reg = data_dir / "register"
    authorities = read_csv(reg / "mysociety_uk_local_authorities.csv")
    name_lookup = read_csv(reg / "mysociety_lookup_name_to_registry.csv")
    gss_lookup = read_csv(reg / "mysociety_lookup_gss_to_registry.csv")
    dfe = read_csv(reg / "dfe_la_number_to_gss.csv")

    names_by_code: dict[str, list[str]] = {}
    for row in name_lookup:
        names_by_code.setdefault(row["local-authority-code"], []).append(row["la-name"])
    gss_by_code: dict[str, list[str]] = {}
    for row in gss_lookup:
        gss_by_code.setdefault(row["local-authority-code"], []).append(row["gss-code"])
    dfe_by_gss: dict[str, list[dict[str, str]]] = {}
    for row in dfe:
        dfe_by_gss.setdefault(row["new_la_code"], []).append(row)

    problems: list[str] = []
    out = []
    for row in select(authorities):
        code = row["local-authority-code"]
        gss = row["gss-code"]
        council = clean(row["official-name"])
        if council != row["official-name"]:
            warn(f"{code}: official-name whitespace normalised: {row['official-name']!r}")

        dfe_rows = sorted(dfe_by_gss.get(gss, []), key=lambda r: int(r["last_year"]))
        dfe_number = dfe_rows[-1]["old_la_code"].zfill(3) if dfe_rows else ""

        region = row["region"]
        if dfe_rows:
            dfe_region = dfe_rows[-1]["region_name"]
            dfe_region = DFE_REGION_TO_ONS.get(dfe_region, dfe_region)
            if dfe_region in ONS_ENGLISH_REGIONS and dfe_region != region:
                warn(f"{code} {council}: mySociety region {region!r} disagrees with DfE {dfe_region!r}; using DfE")
                region = dfe_region
        if not region:
            problems.append(f"{code}: no region")

        former = [g for g in row["former-gss-codes"].split(",") if g]
        former += [g for g in gss_by_code.get(code, []) if g and g != gss]
        former = list(dict.fromkeys(former))

        known = set(names_by_code.get(code, []))
        candidates = split_alt_names(row["alt-names"], known)
        candidates += names_by_code.get(code, [])
        candidates += [r["la_name"] for r in reversed(dfe_rows)]
        repaired = [repair_name(n, code) for n in candidates]
        alt_names = merge_names(council, [n for n in repaired if n])

        for value in [council, row["nice-name"], *alt_names]:
            if "|" in value:
                problems.append(f"{code}: '|' in name {value!r}")

        out.append(
            {
                "council_id": gss,
                "council": council,
                "short_name": clean(row["nice-name"]),
                "nation": row["nation"],
                "region": region,
                "council_type": row["local-authority-type-name"],
                "registry_code": code,
                "dfe_la_number": dfe_number,
                "former_gss_codes": "|".join(former),
                "alt_names": "|".join(alt_names),
            }
        )
    out.sort(key=lambda r: r["council_id"])
    problems += check_register(out, dfe)
    return out, problems


def check_register(rows: list[dict[str, str]], dfe: list[dict[str, str]]) -> list[str]:
    """Return a list of failed checks; print informational warnings."""
    problems = []
    ids = [r["council_id"] for r in rows]
    if len(ids) != len(set(ids)):
        problems.append("duplicate council_id")
    if any(not re.fullmatch(r"[EW]\d{8}", i) for i in ids):
        problems.append("malformed council_id")
    numbers = [r["dfe_la_number"] for r in rows if r["dfe_la_number"]]
    if len(numbers) != len(set(numbers)):
        problems.append("duplicate dfe_la_number")

    by_id = {r["council_id"]: r for r in rows}
    for gss, (council, short) in ANCHORS.items():
        row = by_id.get(gss)
        if row is None or (row["council"], row["short_name"]) != (council, short):
            problems.append(f"anchor {gss} {council!r} missing or different: {row}")

    for nation, expected in EXPECTED_COUNTS.items():
        n = sum(r["nation"] == nation for r in rows)
        if n != expected:
            warn(f"{nation}: {n} councils (expected about {expected})")

    latest = max(int(r["last_year"]) for r in dfe)
    dfe_current = {r["new_la_code"]: r for r in dfe if int(r["last_year"]) == latest}
    for gss, d in sorted(dfe_current.items()):
        if gss not in by_id:
            problems.append(f"DfE LA {d['old_la_code']} {d['la_name']} ({gss}) current in {latest} not in register")
        elif by_id[gss]["dfe_la_number"] != d["old_la_code"].zfill(3):
            problems.append(f"{gss}: DfE number mismatch")
    for r in rows:
        if r["nation"] == "England" and r["council_id"] not in dfe_current:
            warn(f"{r['council_id']} {r['council']}: not in DfE list for {latest}")
    return problems


def write(rows: list[dict[str, str]], out_path: Path) -> None:
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with out_path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=" ".join(__doc__.split("\n\n")[0].split()))
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=DEFAULT_DATA_DIR,
        help="shared reference-data folder (default: ../shared/data relative to the project root)",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output CSV")
    args = parser.parse_args(argv)

    rows, problems = build(args.data_dir)
    for problem in problems:
        print(f"ERROR: {problem}", file=sys.stderr)
    if problems:
        return 1
    write(rows, args.out)
    counts = {n: sum(r["nation"] == n for r in rows) for n in sorted(NATIONS)}
    with_dfe = sum(bool(r["dfe_la_number"]) for r in rows)
    print(f"wrote {args.out}: {len(rows)} councils {counts}; {with_dfe} with a DfE LA number")
    return 0


if __name__ == "__main__":
    sys.exit(main())
