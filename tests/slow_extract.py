"""`python tests/slow_extract.py ARGS …`: the `extract` command line, except that a document
whose file name starts with `slow` takes EXTRACT_TEST_SLOW seconds (default 30) to parse. The
fault tests and benchmarks/bench_faults.py use it to kill runs while workers are busy."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from extract.cli import main
from extract.run.pipeline import Pipeline

_parse = Pipeline.parse


def slow_parse(self, path):
    if Path(path).name.startswith("slow"):
        time.sleep(float(os.environ.get("EXTRACT_TEST_SLOW", "30")))
    return _parse(self, path)


Pipeline.parse = slow_parse  # forked workers inherit it

if __name__ == "__main__":
    sys.exit(main())
