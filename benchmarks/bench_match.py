"""How many distinct indicator names the matcher reads per second, on one core.

Usage: python benchmarks/bench_match.py [--names N]

Throughput is names per CPU second of this one process (the wall-clock rate is printed
too; on a shared machine it is lower). Start-up (loading mappings/, reading every catalogue
entry into facets) is timed apart.
The names are real ones (tests/matcher/*.csv and the alias files) and, to reach N, the
same names with a period printed after them ("... (Q2 2023/24)"): every name is a new
string, so nothing comes from the matcher's per-name cache. Names that read alike (a name
and the same with a period) share one decision; the last line is the rate over one name per
reading, with a new matcher. rapidfuzz runs with workers=1 and numpy does no threading for
these array sizes, so this is one core; pin it with
`taskset -c 0` to be sure.
"""

from __future__ import annotations

import argparse
import csv
import os
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from extract.mappings import load_mappings
from extract.settings import DEFAULT_SETTINGS
from extract.tidy.matching import Matcher

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = 5
PERIODS = [
    "(Q1 2023/24)",
    "(Q2 2023/24)",
    "(Q3 2023/24)",
    "(Q4 2023/24)",
    "as at 31 March 2024",
    "(rolling 12 months)",
    "- March 2025",
    "(snapshot)",
    "YTD 2024/25",
    "(2022-23)",
]


def real_names() -> list[str]:
    names: list[str] = []
    for f in sorted((ROOT / "tests" / "matcher").glob("*.csv")):
        with f.open(newline="", encoding="utf-8") as fh:
            names += [r["query"] for r in csv.DictReader(fh) if "query" in r]  # (the audit file: `name`)
    with (ROOT / "mappings" / "aliases.csv").open(newline="", encoding="utf-8") as fh:
        names += [r["alias"] for r in csv.DictReader(fh)]
    return list(dict.fromkeys(n for n in names if n.strip()))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--names", type=int, default=5000)
    n = ap.parse_args().names
    base = real_names()
    names = list(base)
    k = 0
    while len(names) < n:
        names.append(f"{base[k % len(base)]} {PERIODS[(k // len(base)) % len(PERIODS)]}")
        k += 1
    names = list(dict.fromkeys(names))[:n]

    t0 = time.perf_counter()
    matcher = Matcher(load_mappings())
    startup = time.perf_counter() - t0
    rule = DEFAULT_SETTINGS.fuzzy_rule()

    # rounds of distinct names; on a machine shared with other work the best round is the
    # closest to what one free core does
    rounds = [names[i::ROUNDS] for i in range(ROUNDS)]
    rates, cpu_rates, matched = [], [], 0
    for batch in rounds:
        t0, c0 = time.perf_counter(), time.process_time()
        for name in batch:
            matched += matcher.match(name, rule=rule).indicator_id is not None
        took, cpu = time.perf_counter() - t0, time.process_time() - c0
        rates.append(len(batch) / took)
        cpu_rates.append(len(batch) / max(cpu, 1e-9))
    print(f"start-up {startup:.2f} s ({len(matcher.ids)} indicators, {len(matcher.choice_text)} names scored against)")
    print(
        f"{len(names)} distinct names in {ROUNDS} rounds ({matched} matched): best round {max(rates):,.0f} names/s "
        f"wall, {max(cpu_rates):,.0f} names per CPU second; median round {sorted(rates)[ROUNDS // 2]:,.0f}/s wall"
    )
    # Names that read alike (the same name with another period) are decided once; the same figure
    # over one name per reading, with a new matcher (nothing cached), is what each new wording costs.
    apart = list({matcher.read(name): name for name in reversed(names)}.values())[::-1]
    fresh = Matcher(load_mappings())
    rounds = [apart[i::ROUNDS] for i in range(ROUNDS)]
    cpu_rates = []
    for batch in rounds:
        c0 = time.process_time()
        for name in batch:
            fresh.match(name, rule=rule)
        cpu_rates.append(len(batch) / max(time.process_time() - c0, 1e-9))
    print(
        f"{len(apart)} of them that each read differently: best round {max(cpu_rates):,.0f} names per CPU second; "
        f"median round {sorted(cpu_rates)[ROUNDS // 2]:,.0f}"
    )


if __name__ == "__main__":
    main()
