"""Matcher identity across a speed change: every answer of Matcher.match, exact, for a fixed set
of names and options, written once and compared with the code now.

    python scripts/compare_matches.py --write FILE   # the reference (run it on the commit before)
    python scripts/compare_matches.py --check FILE   # the same with the code now: exit 1 on a difference

The names: every query of tests/matcher/*.csv and 3,000 of benchmarks/bench_match.py's (the real
names, then the same with a period). Each is matched six ways: the three acceptance rules, with
and without scopes (a council, a Welsh council), printed units, five candidates, rank_decided off,
a pickled matcher (as extract.tidy.matcher_store keeps it) and one with fractional weights. An
answer is its id, name, method, score, and each candidate's id, name, score, share explained and
whether it is allowed, floats by repr. Held-out rows are written as a hash of their answers and
never printed (a difference there says only which row number differs).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import pickle
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def names() -> list[tuple[str, str, tuple[str, ...]]]:
    """(key, name, scopes): the matcher test files' queries, then the benchmark's names."""
    import bench_match

    found = []
    for f in sorted((ROOT / "tests" / "matcher").glob("*.csv")):
        with f.open(newline="", encoding="utf-8") as fh:
            for i, row in enumerate(csv.DictReader(fh)):
                if "query" in row:  # (the real-row audit names its column `name`)
                    found.append((f"{f.stem}:{i}", row["query"], (row.get("council_id") or "",)))
    base = bench_match.real_names()
    extra, k = list(base), 0
    while len(extra) < 3000:
        extra.append(f"{base[k % len(base)]} {bench_match.PERIODS[(k // len(base)) % len(bench_match.PERIODS)]}")
        k += 1
    return found + [(f"bench:{i}", n, ()) for i, n in enumerate(extra)]


def answers() -> dict[str, str]:
    from extract.mappings import load_mappings
    from extract.settings import DEFAULT_SETTINGS, ScoreWeights
    from extract.tidy.matching import Matcher

    maps = load_mappings()
    councils = [c["council_id"] for c in maps.councils]
    wales = [c["council_id"] for c in maps.councils if c.get("nation") == "Wales"]
    plain = Matcher(maps)
    kept = pickle.loads(pickle.dumps(Matcher(maps), protocol=pickle.HIGHEST_PROTOCOL))
    fractional = Matcher(maps, replace(ScoreWeights(), group=7.3, entry_only=4.1, number=7.7, prune_above=10))
    rules = [DEFAULT_SETTINGS.fuzzy_rule(kind) for kind in ("table", "narrative", "generic")]

    def exact(found) -> list:
        ranked = [(c.indicator_id, c.name, repr(c.score), repr(c.explained), c.allowed) for c in found.candidates]
        return [found.query, found.indicator_id, found.name, repr(found.score), found.method, ranked]

    out = {}
    for j, (key, name, scopes) in enumerate(names()):
        asked = [
            (plain, dict(rule=rules[0])),
            (plain, dict(rule=rules[1], scopes=(*scopes, wales[j % len(wales)]))),
            (plain, dict(rule=rules[2], unit="percent", candidates=5)),
            (plain, dict(rule=rules[0], unit="count", rank_decided=False)),
            (kept, dict(rule=rules[0], scopes=(councils[j % len(councils)],), unit="rate_per_10k")),
            (fractional, dict(rule=rules[0], scopes=scopes)),
        ]
        line = json.dumps([exact(matcher.match(name, **options)) for matcher, options in asked])
        out[key] = hashlib.sha256(line.encode()).hexdigest() if key.startswith("heldout") else line
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path)
    group.add_argument("--check", type=Path)
    args = ap.parse_args()
    now = answers()
    if args.write:
        args.write.write_text("".join(f"{k}\t{v}\n" for k, v in now.items()), encoding="utf-8")
        print(f"wrote {len(now)} names' answers to {args.write}")
        return
    before = dict(line.rstrip("\n").split("\t", 1) for line in args.check.read_text(encoding="utf-8").splitlines())
    differ = [k for k in before if before[k] != now.get(k)] + [k for k in now if k not in before]
    for k in differ[:10]:
        if k.startswith("heldout"):
            print(f"{k}: differs (held out: not shown)")
        else:
            print(f"{k}:\n  before {before.get(k, '(none)')[:800]}\n  now    {now.get(k, '(none)')[:800]}")
    print(f"{len(now)} names compared: {'all identical' if not differ else f'{len(differ)} differ'}")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
