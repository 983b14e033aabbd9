"""`python tests/slow_extract.py ARGS …`: the `extract` command line, except that a document
whose file name starts with `slow` takes EXTRACT_TEST_SLOW seconds (default 30) to parse. The
fault tests and benchmarks/bench_faults.py use it to kill runs while workers are busy."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import extract.run.runner as runner
from extract.cli import main

_parse = runner.parse_document


def slow_parse(path, *args, **kwargs):
    if Path(path).name.startswith("slow"):
        time.sleep(float(os.environ.get("EXTRACT_TEST_SLOW", "30")))
    return _parse(path, *args, **kwargs)


runner.parse_document = slow_parse  # forked workers inherit it

if __name__ == "__main__":
    sys.exit(main())
