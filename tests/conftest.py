from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
# scripts/pdf_render.py renders the seed PDFs some tests read (the fixture scripts use it too)
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def pipeline():
    from extract.run.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def corpus_run(tmp_path_factory):
    """One run of the main job over the shipped corpus, shared by the output tests."""
    from click.testing import CliRunner

    from extract.cli import main

    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(main, [str(ROOT / "corpus"), "--out", str(out)])
    return result, out
