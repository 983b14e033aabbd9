"""Fault injection: kill runs and their workers at random moments, fill the disk, run two runs
at once; after every fault, check that OUT shows one complete generation.

    python benchmarks/bench_faults.py [--trials 20] [--seed 13] [--workers 2]

The corpus is the shipped one plus two documents that take a second each to parse (so that
kills land while workers are busy as well as while the main process matches and writes).
Runs go through tests/slow_extract.py, which is the `extract` command line with only that
delay added. Each trial is one of:
- parent: SIGKILL (or SIGTERM) the run at a random moment of a forced run; no worker may
  outlive it, and OUT must show one complete generation;
- worker: SIGKILL a random worker at a random moment; the run must finish (exit 0) with the
  same dataset as an undisturbed run.
Then: a disk that fills up under OUT (a small tmpfs when this process may mount one, else a
file-size limit, which fails writes with EFBIG the same way); two runs into one OUT at once.
Prints one line per fault and, at the end, whether every OUT it saw was one complete generation.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from fault_tools import SLOW_EXTRACT, TINY, alive, children, kill_all, wait_until  # noqa: E402

from extract.write.output import check_generation  # noqa: E402


class Checker:
    def __init__(self) -> None:
        self.seen = 0
        self.bad: list[str] = []

    def check(self, out: Path, what: str) -> str:
        ok, seen = check_generation(out)
        self.seen += 1
        if not ok:
            self.bad.append(f"{what}: {seen}")
        return ("OK " if ok else "BAD ") + seen


def extract(args: list, slow: float = 1.0, preexec=None) -> subprocess.Popen:
    env = {**os.environ, "EXTRACT_TEST_SLOW": str(slow)}
    return subprocess.Popen(
        [sys.executable, str(SLOW_EXTRACT), *map(str, args)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, preexec_fn=preexec,
    )  # fmt: skip


def finish(process: subprocess.Popen, timeout: float = 300) -> tuple[int, str]:
    _, err = process.communicate(timeout=timeout)
    return process.returncode, err


def dataset(out: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    obs = pd.read_parquet(out / "observations.parquet")
    docs = pd.read_parquet(out / "documents.parquet").drop(columns=["seconds"])
    return obs, docs


def same_rows_except(obs: pd.DataFrame, reference: pd.DataFrame, documents: list[str]) -> bool:
    """The rows of every other document are the undisturbed run's (flags aside: a conflict across
    documents depends on the documents present)."""
    mine = obs.drop(columns=["flags"]).reset_index(drop=True)
    theirs = reference[~reference.document.isin(documents)].drop(columns=["flags"]).reset_index(drop=True)
    return mine.equals(theirs)


def build_corpus(work: Path) -> Path:
    corpus = work / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    for name in ("slow-a.txt", "slow-b.txt"):
        (corpus / name).write_text(f"{TINY}\nPaper {name}\n", encoding="utf-8")
    return corpus


def reference_run(corpus: Path, out: Path, workers: int) -> dict:
    """An undisturbed run: how long it takes, and when its workers exist."""
    process = extract([corpus, "--out", out, "--workers", workers, "--force", "--quiet"])
    start, seen = time.monotonic(), []
    while process.poll() is None:
        if children(process.pid):
            seen.append(time.monotonic() - start)
        time.sleep(0.01)
    code, err = finish(process)
    assert code == 0, err
    return {"run": time.monotonic() - start, "workers": (min(seen), max(seen)) if seen else (0.1, 1.0)}


def reap(pids: list[int]) -> bool:
    """True when none of these processes is left running within 5 s."""
    return wait_until(lambda: not any(alive(p) for p in pids), 5)


def parent_trial(n: int, corpus: Path, out: Path, timing: dict, rng: random.Random, workers: int,
                 checker: Checker) -> None:  # fmt: skip
    """Kill the run: at a random moment, or (every other time) just as it writes its new generation."""
    how = signal.SIGTERM if rng.random() < 0.25 else signal.SIGKILL
    while_writing = n % 4 == 3
    delay = rng.uniform(0.05, timing["run"] * 0.95)
    generations = out / ".generations"
    before = set(os.listdir(generations)) if generations.exists() else set()
    process = extract([corpus, "--out", out, "--workers", workers, "--force", "--quiet"])
    start = time.monotonic()
    seen_workers: set[int] = set()

    def writing() -> bool:
        return generations.exists() and bool(set(os.listdir(generations)) - before)

    while process.poll() is None and (not writing() if while_writing else time.monotonic() - start < delay):
        seen_workers.update(children(process.pid))
        time.sleep(0.005)
    if while_writing:
        time.sleep(rng.uniform(0, 0.3))
        delay = time.monotonic() - start
    current = children(process.pid)
    finished = process.poll() is not None
    if not finished:
        os.kill(process.pid, how)
    code, _ = finish(process)
    orphans = not reap(current)
    kill_all(current)
    state = checker.check(out, f"trial {n}")
    when = "while it writes its new generation" if while_writing else "at a random moment"
    event = "finished before the kill" if finished else f"{signal.Signals(how).name} parent {when}, {delay:5.2f} s"
    tail = f", exit {code}" + (", ORPHANED WORKERS" if orphans else "")
    if orphans:
        checker.bad.append(f"trial {n}: workers outlived their parent")
    print(f"trial {n:2}: {event} ({len(seen_workers)} workers seen){tail} -> {state}")


def worker_trial(n: int, corpus: Path, out: Path, timing: dict, rng: random.Random, workers: int,
                 reference, checker: Checker) -> None:  # fmt: skip
    """Kill one or two workers while they exist (busy or idle); the run must go on unchanged."""
    process = extract([corpus, "--out", out, "--workers", workers, "--force", "--quiet"])
    start, kills = time.monotonic(), 0
    first, last = timing["workers"]
    for delay in sorted(rng.uniform(first, last) for _ in range(rng.randint(1, 2))):
        while time.monotonic() - start < delay and process.poll() is None:
            time.sleep(0.02)
        wait_until(lambda: bool(children(process.pid)) or process.poll() is not None, 2)
        pool = children(process.pid)
        if pool and process.poll() is None:
            os.kill(rng.choice(pool), signal.SIGKILL)
            kills += 1
    code, err = finish(process)
    state = checker.check(out, f"trial {n}")
    obs, docs = dataset(out)
    same = obs.equals(reference[0]) and docs.equals(reference[1])
    # A document whose worker dies twice is recorded as an `error` (it is tried once more, not
    # forever): with two kills that is the expected outcome when both hit the same document.
    twice = docs[docs.error.fillna("").str.contains("crashed twice")].document.tolist()
    expected = same or (kills == 2 and bool(twice) and same_rows_except(obs, reference[0], twice))
    if code != (1 if twice else 0) or not expected:
        checker.bad.append(f"trial {n}: exit {code}, same dataset: {same}: {err.strip()[-300:]}")
    outcome = ("same dataset as undisturbed: True" if same else
               f"{', '.join(twice)} recorded as crashed twice (both kills hit it), the rest the same: {expected}")
    print(f"trial {n:2}: SIGKILL {kills} worker(s) at random moments, run went on: exit {code}, {outcome} -> {state}")


def try_mount_tmpfs(path: Path, size: str) -> bool:
    path.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True)
    return done.returncode == 0


def disk_full(corpus: Path, work: Path, workers: int, checker: Checker) -> None:
    disk = work / "small-disk"
    mounted = try_mount_tmpfs(disk, "4m")
    out = disk / "out"
    try:
        code, err = finish(extract([corpus, "--out", out, "--workers", workers, "--quiet"]))
        print(f"disk full: first run into {'a 4 MB tmpfs' if mounted else 'a folder'}: exit {code} -> "
              f"{checker.check(out, 'disk full, first run')}")  # fmt: skip
        before = (out / "observations.parquet").read_bytes()
        (corpus / "extra.txt").write_text(f"{TINY}\nPaper extra\n", encoding="utf-8")
        if mounted:
            free = shutil.disk_usage(disk).free
            with open(disk / "filler", "wb") as fh:  # leave room for the cache, not for a generation
                fh.write(b"\0" * max(0, free - 150_000))
            preexec, how = None, "the tmpfs filled to 150 KB free"
        else:
            def preexec():  # files over 200 KB fail with EFBIG, as a full disk fails them
                resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))

            how = "a 200 KB file-size limit (no tmpfs: not allowed to mount here)"
        code, err = finish(extract([corpus, "--out", out, "--workers", workers, "--force", "--quiet"],
                                   preexec=preexec))  # fmt: skip
        lines = err.strip().splitlines()
        kept = (out / "observations.parquet").read_bytes() == before
        state = checker.check(out, "disk full")
        print(f"disk full: {how}: exit {code}, {len(lines)} line(s) on stderr: {lines[-1] if lines else ''!r}; "
              f"previous outputs kept: {kept} -> {state}")  # fmt: skip
        if code != 1 or "Traceback" in err or not kept:
            checker.bad.append(f"disk full: exit {code}, kept {kept}: {err[-300:]}")
        (disk / "filler").unlink(missing_ok=True)
        code, _ = finish(extract([corpus, "--out", out, "--workers", workers, "--quiet"]))
        print(f"disk full: with room again the next run completes: exit {code} -> {checker.check(out, 'after')}")
        (corpus / "extra.txt").unlink()
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def two_runs(corpus: Path, out: Path, workers: int, checker: Checker) -> None:
    first = extract([corpus, "--out", out, "--workers", workers, "--force", "--quiet"], slow=3.0)
    wait_until(lambda: (out / ".extract.lock").exists() and (out / ".extract.lock").read_text().strip() != "", 20)
    wait_until(lambda: (out / ".extract.lock").read_text().split()[:1] == [str(first.pid)], 20)
    code2, err2 = finish(extract([corpus, "--out", out, "--workers", workers, "--quiet"]))
    code1, _ = finish(first)
    refused = code2 == 1 and f"pid {first.pid}" in err2
    print(f"two runs at once: the second exits {code2}: {err2.strip()!r}")
    print(f"two runs at once: the first completes: exit {code1} -> {checker.check(out, 'two runs')}")
    if not refused or code1 != 0:
        checker.bad.append(f"two runs: second exit {code2} ({err2.strip()}), first exit {code1}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    checker = Checker()
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = build_corpus(work)
        out = work / "out"
        timing = reference_run(corpus, out, args.workers)
        reference = dataset(out)
        print(f"reference run: {timing['run']:.1f} s (workers from {timing['workers'][0]:.1f} to "
              f"{timing['workers'][1]:.1f} s), {len(reference[1])} documents, {len(reference[0])} rows -> "
              f"{checker.check(out, 'reference')}")  # fmt: skip
        for n in range(1, args.trials + 1):
            if n % 2:
                parent_trial(n, corpus, out, timing, rng, args.workers, checker)
            else:
                worker_trial(n, corpus, out, timing, rng, args.workers, reference, checker)
        code, _ = finish(extract([corpus, "--out", out, "--workers", args.workers, "--quiet"]))
        same = dataset(out)[0].equals(reference[0])
        print(f"after the trials a plain run completes: exit {code}, same dataset: {same} -> "
              f"{checker.check(out, 'after the trials')}")  # fmt: skip
        if code != 0 or not same:
            checker.bad.append(f"after the trials: exit {code}, same {same}")
        disk_full(corpus, work, args.workers, checker)
        two_runs(corpus, out, args.workers, checker)
    print(f"{time.monotonic() - started:.0f} s")
    if checker.bad:
        print(f"NOT every OUT was one complete generation, or a fault was not handled ({len(checker.bad)}):")
        for line in checker.bad:
            print(f"  {line}")
        return 1
    print(f"every OUT seen ({checker.seen} checks after {args.trials} trials, a full disk and two runs at once) "
          "was one complete generation")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
