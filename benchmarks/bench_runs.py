"""Whole runs: where the time goes, cold against warm (the cache under OUT), 1 worker against 2.

    python benchmarks/bench_runs.py [CORPUS] [--synthetic N | --pdfs N] [--no-workers-1] [--keep DIR]

By default the corpus is the shipped text seeds, the seeds rendered as PDF in every test
style, and the real PDFs in ../shared/pdfs. `--synthetic N` instead generates N text papers
(default 5,000; not committed: written under a temporary folder) from the seeds, each with its
own figures so that every one is a new document. `--pdfs N` instead makes N PDFs (default 200):
the seeds rendered in every test style, each copy made a new document by a comment after its
end. `--keep DIR` writes the corpus and OUT folders under DIR and keeps them. Each run is a fresh
process (no run inherits another's warm caches) and prints:

- time per stage of the main process (walk, hash, cache read, match, assemble, flags, write,
  review queue, report, prune) and the workers' parse and match time summed over documents;
- pages a second (a text paper counts as one page), the warm/cold ratio, the names the main
  process ranked (0 when a warm run ranks nothing);
- the peak memory of the main process and of the largest worker: USS (what the process alone
  holds, which is what another process would get back if it ended; sampled every 0.5 s, since
  each sample costs CPU the workers would otherwise have) and RSS (the kernel's exact peak);
- the speed-up from 1 to 2 workers, with the load average beside it (the machine is shared:
  compare ratios within one run, not seconds across runs), and the machine's own ceiling for
  it: one pure-Python CPU-bound loop run alone, then two copies at once in two processes, the
  ratio of their throughputs (measured before the 2-worker run and after the 1-worker run; a
  ceiling under 1.7x is said, since no two workers can then scale 1.7x); and the same for the
  tool's own work with no pool: a quarter of the corpus (all of a small one) parsed and matched in one process
  (`Pipeline.process`, start-up apart) alone, then in two processes at once, with the CPU each
  spends over what it spends alone (what two workers cost beyond one when nothing of the
  pool is involved: the machine's shared caches and memory, not the pool's messages);
- how long `extract --help` and `extract match` take to start, and how many distinct names a
  second `extract match` scores after its start;
- each run's CPU time (main process and workers), so that a reader can judge a shared machine.
"""

from __future__ import annotations

import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "scripts"))  # pdf_render: the reportlab renderer of the seed PDFs


# -- corpora -------------------------------------------------------------------------------------
def build_corpus(work: Path) -> Path:
    from pdf_render import STYLES, render_text_to_pdf

    corpus = work / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    for source in sorted((ROOT / "tests" / "cases").glob("*/input.txt")):
        for style in STYLES:
            render_text_to_pdf(
                source.read_text(encoding="utf-8"), corpus / "pdf" / f"{source.parent.name}-{style}.pdf", style
            )
    shared = ROOT.parent / "shared" / "pdfs"
    for pdf in sorted(shared.glob("*.pdf")) if shared.exists() else []:
        shutil.copy(pdf, corpus / "pdf" / pdf.name)
    return corpus


def pdf_corpus(work: Path, count: int) -> Path:
    """`count` PDFs: the seeds rendered in every style, in turn, each copy a new document."""
    from pdf_render import STYLES, render_text_to_pdf

    rendered = work / "rendered"
    for source in sorted((ROOT / "tests" / "cases").glob("*/input.txt")):
        for style in STYLES:
            target = rendered / f"{source.parent.name}-{style}.pdf"
            render_text_to_pdf(source.read_text(encoding="utf-8"), target, style)
    pdfs = sorted(rendered.glob("*.pdf"))
    corpus = work / f"pdfs-{count}"
    corpus.mkdir(parents=True)
    for n in range(count):
        pdf = pdfs[n % len(pdfs)]
        # bytes after %%EOF are ignored by readers: a new SHA-256, the same document
        (corpus / f"{n:04d}-{pdf.name}").write_bytes(pdf.read_bytes() + f"\n% copy {n}\n".encode())
    return corpus


_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:\.\d)?)(?![\w.])")


def synthetic_corpus(work: Path, count: int, seed: int = 12) -> Path:
    """`count` text papers: the seeds in turn, each figure nudged at random (a new document,
    the same layout and names), 100 papers to a folder."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    seeds += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "cases").glob("*/input.txt"))]
    rng = random.Random(seed)
    corpus = work / f"synthetic-{count}"
    for n in range(count):
        text = seeds[n % len(seeds)]

        def nudge(m: re.Match) -> str:
            value = float(m.group(1))
            new = max(0.0, value + rng.choice((-2, -1, 1, 2)) * (0.1 if "." in m.group(1) else 1))
            return f"{new:.1f}" if "." in m.group(1) else str(int(new))

        folder = corpus / f"batch{n // 100:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"paper{n:05d}.txt").write_text(_NUMBER.sub(nudge, text), encoding="utf-8")
    return corpus


# -- one run, in its own process -----------------------------------------------------------------
def _memory(pid: int) -> tuple[int, int]:
    """(USS, RSS) of a process in bytes, from /proc/PID/smaps_rollup; (0, 0) when gone."""
    uss = rss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                key, _, rest = line.partition(":")
                if key in ("Private_Clean", "Private_Dirty"):
                    uss += int(rest.split()[0]) * 1024
                elif key == "Rss":
                    rss = int(rest.split()[0]) * 1024
    except (OSError, ValueError):
        pass
    return uss, rss


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                found += [int(c) for c in fh.read().split()]
    except OSError:
        pass
    return found


SAMPLE_SECONDS = 0.5  # between two memory samples (USS); peak RSS comes from the kernel, exact


def one_run(corpus: str, out: str, workers: int) -> None:
    """Run CORPUS into OUT in this process, sampling memory; print the figures as JSON."""
    from extract.run.pipeline import Pipeline

    peak = {"parent_uss": 0, "parent_rss": 0, "worker_uss": 0, "worker_rss": 0}
    stop = threading.Event()

    def sample() -> None:
        me = os.getpid()
        uss, rss = _memory(me)
        peak["parent_uss"], peak["parent_rss"] = max(peak["parent_uss"], uss), max(peak["parent_rss"], rss)
        for child in _children(me):
            uss, rss = _memory(child)
            peak["worker_uss"], peak["worker_rss"] = max(peak["worker_uss"], uss), max(peak["worker_rss"], rss)

    def sampling() -> None:
        # reading smaps_rollup costs a few ms a process: sampled every 50 ms it took about a
        # fifth of a core, which a 2-worker run on 2 cores pays and a 1-worker run does not
        while not stop.wait(SAMPLE_SECONDS):
            sample()

    # The timed span is what `extract CORPUS --out OUT` does after its imports: build the
    # pipeline and run it. Memory is sampled before it, every SAMPLE_SECONDS during it (from a
    # thread) and after it: a sample costs a few ms, as much as a warm run's own work.
    sample()
    sampler = threading.Thread(target=sampling, daemon=True)
    started = time.perf_counter()
    sampler.start()
    pipeline = Pipeline()
    summary = pipeline.run(Path(corpus), Path(out), workers=workers)
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    sample()
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    # the kernel's exact peaks (RSS, KB on Linux) where the samples may have missed one
    peak["parent_rss"] = max(peak["parent_rss"], me.ru_maxrss * 1024)
    peak["worker_rss"] = max(peak["worker_rss"], children.ru_maxrss * 1024)
    cpu = {"cpu_main": me.ru_utime + me.ru_stime, "cpu_workers": children.ru_utime + children.ru_stime}
    pages = sum((d["pages"] or 1) for d in summary.documents if d["status"] == "ok")
    pdf_pages = sum(d["pages"] or 0 for d in summary.documents)
    print(json.dumps({
        "seconds": seconds, "timings": summary.timings, "pages": pages, "pdf_pages": pdf_pages,
        "documents": len(summary.documents), "rows": summary.rows, "parsed": summary.parsed,
        "rematched": summary.rematched, "ranked": summary.ranked, **peak, **cpu,
    }))  # fmt: skip


def run(corpus: Path, out: Path, workers: int) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--one", str(corpus), str(out), str(workers)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"the run failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- the machine's own ceiling for two processes ---------------------------------------------------
SPIN_LOOPS = 12_000_000  # about a second of one core here


def spin(loops: int) -> None:
    """A pure-Python CPU-bound loop (no allocation that lives, no I/O); print its wall and CPU seconds."""
    total, started, cpu = 0, time.perf_counter(), time.process_time()
    for i in range(loops):
        total += i * i % 7
    print(json.dumps({"wall": time.perf_counter() - started, "cpu": time.process_time() - cpu, "total": total}))


def _spins(copies: int, loops: int) -> list[dict]:
    started = [
        subprocess.Popen([sys.executable, __file__, "--spin", str(loops)], stdout=subprocess.PIPE, text=True)
        for _ in range(copies)
    ]
    return [json.loads(p.communicate()[0]) for p in started]


def machine_ceiling(rounds: int = 3, loops: int = SPIN_LOOPS) -> tuple[float, float, list[float]]:
    """(ceiling, cpu ratio, each round's ceiling): the throughput of two copies of one CPU-bound
    loop run at once over that of one copy alone (2.0: two free cores; 1.0: one), the median of
    `rounds` rounds (alone, then two at once), and the CPU seconds a copy spent at once over
    alone (above 1: the machine itself charges more CPU for the same work when both run)."""
    ceilings, cpu_ratios = [], []
    for _ in range(rounds):
        alone = _spins(1, loops)[0]
        two = _spins(2, loops)
        ceilings.append(sum(alone["wall"] / r["wall"] for r in two))
        cpu_ratios.append(sum(r["cpu"] for r in two) / (2 * alone["cpu"]))
    return sorted(ceilings)[rounds // 2], sorted(cpu_ratios)[rounds // 2], ceilings


def process_files(listing: str) -> None:
    """Parse and match the files listed (one path a line) in this process, as one worker does
    (`Pipeline.process`, start-up apart); print its wall and CPU seconds."""
    from extract.run.pipeline import Pipeline
    from extract.run.workers import settle_heap

    paths = [Path(line) for line in Path(listing).read_text(encoding="utf-8").splitlines() if line]
    pipeline = Pipeline()
    pipeline.matcher, pipeline.parsers, pipeline.councils  # noqa: B018 - start-up, as a pool's workers inherit it
    settle_heap()
    print("ready", flush=True)
    sys.stdin.readline()  # the go: copies run at once start their timed work together
    started, cpu = time.perf_counter(), time.process_time()
    for path in paths:
        pipeline.process(path, path.parent)
    print(json.dumps({"wall": time.perf_counter() - started, "cpu": time.process_time() - cpu}))


def work_ceiling(corpus: Path, work: Path, share: int = 4) -> tuple[float, float, list[float]]:
    """machine_ceiling for the tool's own work: every `share`-th file of the corpus (all of a small
    one) parsed and matched by one process alone, then by two processes at once, their timed work
    started together after their start-up (two rounds, the better one)."""
    listing = work / "ceiling-files.txt"
    files = sorted(p for p in corpus.rglob("*") if p.is_file())
    files = files[::share] if len(files) >= 20 * share else files  # (a small corpus: all of it)
    listing.write_text("".join(f"{p}\n" for p in files), encoding="utf-8")

    def spins(copies: int) -> list[dict]:
        started = [
            subprocess.Popen([sys.executable, __file__, "--process", str(listing)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
            for _ in range(copies)
        ]  # fmt: skip
        for p in started:  # each builds its pipeline (start-up, not timed), then all start at once
            p.stdout.readline()
        for p in started:
            p.stdin.write("go\n")
            p.stdin.flush()
        return [json.loads(p.communicate()[0].strip().splitlines()[-1]) for p in started]

    ceilings, cpu_ratios = [], []
    for _ in range(2):
        alone, two = spins(1)[0], spins(2)
        ceilings.append(sum(alone["wall"] / r["wall"] for r in two))
        cpu_ratios.append(sum(r["cpu"] for r in two) / (2 * alone["cpu"]))
    best = max(range(2), key=lambda k: ceilings[k])
    return ceilings[best], cpu_ratios[best], ceilings


def ceiling_line(label: str, measured: tuple[float, float, list[float]]) -> str:
    ceiling, cpu_ratio, rounds = measured
    each = ", ".join(f"{c:.2f}" for c in rounds)
    note = "" if ceiling >= 1.7 else ": below 1.7x, so no two workers could scale 1.7x on this machine now"
    return (f"  machine ceiling {label}: {ceiling:.2f}x (a pure-Python CPU loop, two copies at once against one "
            f"alone; rounds {each}; CPU per copy {cpu_ratio:.2f}x alone){note}")


# -- printing ------------------------------------------------------------------------------------
def mb(n: int) -> str:
    return f"{n / 1e6:,.0f} MB"


def show(title: str, r: dict) -> None:
    print(f"\n{title}: {r['seconds']:.3f} s, {r['documents']:,} documents ({r['parsed']:,} parsed), "
          f"{r['rows']:,} rows, {r['pages'] / r['seconds']:.1f} pages/s")  # fmt: skip
    for stage, seconds in sorted(r["timings"].items(), key=lambda kv: -kv[1]):
        print(f"  {stage:<24} {seconds:8.2f} s")
    print(f"  CPU time: main process {r['cpu_main']:.2f} s, workers {r['cpu_workers']:.2f} s")
    print(f"  names ranked by the main process: {r['ranked']:,}; documents re-matched: {r['rematched']:,}")
    print(f"  peak memory: main process USS {mb(r['parent_uss'])} (RSS {mb(r['parent_rss'])}); "
          f"largest worker USS {mb(r['worker_uss'])} (RSS {mb(r['worker_rss'])})")  # fmt: skip


def startup(args: list[str], tries: int = 5) -> float:
    exe = shutil.which("extract") or str(Path(sys.executable).with_name("extract"))
    best = float("inf")
    for _ in range(tries):
        started = time.perf_counter()
        subprocess.run([exe, *args], capture_output=True, check=False)
        best = min(best, time.perf_counter() - started)
    return best


def cli_wall(corpus: Path, out: Path, tries: int = 3) -> tuple[float, float]:
    """Wall seconds of `extract CORPUS --out OUT` into a new OUT (cold), then again (warm, best of `tries`)."""
    exe = shutil.which("extract") or str(Path(sys.executable).with_name("extract"))

    def once() -> float:
        started = time.perf_counter()
        subprocess.run([exe, str(corpus), "--out", str(out), "--quiet"], capture_output=True, check=False)
        return time.perf_counter() - started

    cold = once()
    return cold, min(once() for _ in range(tries))


def match_rate(count: int = 2000) -> tuple[float, int]:
    """Distinct names a second `extract match` scores after its start: the time for `count`
    names less the time for one, over count - 1; and how many names were asked."""
    sys.path.insert(0, str(ROOT / "src"))
    from extract.mappings import load_mappings

    rng = random.Random(7)
    words = sorted({w for ind in load_mappings().indicators.values() for w in ind.name.split() if w.isalpha()})
    names = sorted({" ".join(rng.sample(words, rng.randint(3, 8))) for _ in range(count * 2)})[:count]
    one = startup(["match", names[0]], tries=3)
    many = startup(["match", *names], tries=1)
    return (len(names) - 1) / max(many - one, 1e-9), len(names)


def main(argv: list[str]) -> None:
    if argv[:1] in (["-h"], ["--help"]):
        print(__doc__)
        return
    if argv[:1] == ["--one"]:
        one_run(argv[1], argv[2], int(argv[3]))
        return
    if argv[:1] == ["--spin"]:
        spin(int(argv[1]))
        return
    if argv[:1] == ["--process"]:
        process_files(argv[1])
        return
    def option(name: str, default: int) -> int | None:
        if name not in argv:
            return None
        at = argv.index(name)
        following = argv[at + 1] if at + 1 < len(argv) else ""
        del argv[at : at + (2 if following.isdigit() else 1)]
        return int(following) if following.isdigit() else default

    synthetic, pdfs = option("--synthetic", 5000), option("--pdfs", 200)
    keep = None
    if "--keep" in argv:
        at = argv.index("--keep")
        keep = Path(argv[at + 1])
        del argv[at : at + 2]
    skip_one = "--no-workers-1" in argv
    argv = [a for a in argv if a != "--no-workers-1"]
    with tempfile.TemporaryDirectory() as tmp:
        work = keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        if argv:
            corpus = Path(argv[0])
        elif synthetic:
            corpus = synthetic_corpus(work, synthetic)
        elif pdfs:
            corpus = pdf_corpus(work, pdfs)
        else:
            corpus = build_corpus(work)
        files = sum(1 for p in corpus.rglob("*") if p.is_file())
        kind = "given" if argv else ("synthetic" if synthetic else f"{pdfs} PDFs" if pdfs else "shipped")
        print(f"corpus: {corpus} ({kind}), {files:,} files")
        print(f"start-up: extract --help {startup(['--help']):.2f} s, "
              f"extract match {startup(['match', 'Children in care']):.2f} s (best of 5, wall)")  # fmt: skip
        rate, asked = match_rate()
        print(f"extract match after start-up: {rate:,.0f} distinct names a second ({asked:,} names)")
        run(corpus, work / "warm-up", 1) if not synthetic else None  # the OS's file cache
        ceiling_before = machine_ceiling() if not skip_one else None
        load = os.getloadavg()
        two = run(corpus, work / "two", 2)
        show("cold, 2 workers", two)
        warms = sorted((run(corpus, work / "two", 2) for _ in range(3)), key=lambda r: r["seconds"])
        warm = warms[1]  # the median of three
        show("warm, unchanged, 2 workers (the median of 3 runs)", warm)
        times = ", ".join(f"{r['seconds'] * 1000:.1f} ms" for r in warms)
        print(f"  the three warm runs: {times}")
        print(f"\nwarm/cold: {two['seconds'] / warm['seconds']:.1f}x faster (2 workers; timed: Pipeline() and its run, "
              "after the imports)")
        cli_cold, cli_warm = cli_wall(corpus, work / "cli")
        print(f"`extract CORPUS --out OUT` wall time (a process of its own, start-up and imports included): "
              f"cold {cli_cold:.2f} s, warm {cli_warm:.3f} s (best of 3), {cli_cold / cli_warm:.1f}x")
        if not skip_one:
            load_one = os.getloadavg()
            one = run(corpus, work / "one", 1)
            show("cold, 1 worker", one)
            ceiling_after = machine_ceiling()
            print(f"\n1 -> 2 workers: {one['seconds'] / two['seconds']:.2f}x "
                  f"(load average before the 2-worker run: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}, before the "
                  f"1-worker run: {load_one[0]:.2f}, after: {os.getloadavg()[0]:.2f}, on {os.cpu_count()} cores)")
            print(ceiling_line("before the 2-worker run", ceiling_before))
            print(ceiling_line("after the 1-worker run", ceiling_after))
            ours, cpu_ratio, rounds = work_ceiling(corpus, work)
            each = ", ".join(f"{c:.2f}" for c in rounds)
            print(f"  the tool's own work, no pool (a quarter of the corpus or all of a small one, by Pipeline.process "
                  f"in one process alone, then in two at once, started together): {ours:.2f}x (rounds {each}); "
                  f"CPU per process {cpu_ratio:.2f}x alone")
            parse_one, parse_two = (r["timings"].get("parse (workers, wall)", 0.0) for r in (one, two))
            serial_one, serial_two = one["seconds"] - parse_one, two["seconds"] - parse_two
            best = (serial_one + parse_one) / (serial_two + parse_one / max(ours, 1e-9))
            print(f"  at best, with the parse stage at that ceiling and the main process's serial stages as measured "
                  f"(1 worker {serial_one:.2f} s, 2 workers {serial_two:.2f} s): {best:.2f}x; parse stage alone "
                  f"{parse_one / max(parse_two, 1e-9):.2f}x")
            print(f"  CPU time: 1 worker {one['cpu_main'] + one['cpu_workers']:.1f} s, "
                  f"2 workers {two['cpu_main'] + two['cpu_workers']:.1f} s")
            print(f"pages/s per worker: {one['pages'] / one['seconds']:.1f} (1 worker), "
                  f"{two['pages'] / two['seconds'] / 2:.1f} (2 workers)")  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1:])
