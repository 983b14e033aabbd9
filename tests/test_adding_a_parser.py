"""docs/adding-a-parser.md, followed word for word, gives a green suite.

In a temporary copy of the repository (its tracked and new files), the guide's own commands are
run in its order with tests/fixtures/new_parser/sample.txt as the sample: `extract inspect`,
`extract new-parser`, the worked example's parser (the guide's code block), `extract match` and
the guide's alias row, truth.csv (hand-written facts about the sample), `scripts/update_golden.py`,
then `ruff check .` and the tests the guide lists for a new parser. The copy imports its own
`extract`, `extract_parsers` and `extract_mappings` (this environment's packages, pointed at the
copy), as a maintainer's editable install of the copy would.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "adding-a-parser.md"
FIXTURE = Path(__file__).parent / "fixtures" / "new_parser"
VENV_BIN = Path(sys.executable).parent
SLUG = "my_council"
KINDS = ("inspect", "new-parser", "match", "update_golden", "pytest")  # what each guide command does
PACKAGES = (("extract", "src/extract"), ("extract_parsers", "parsers"), ("extract_mappings", "mappings"))


def doc_commands(text: str) -> list[str]:
    """The guide's indented `.venv/bin/...` command lines, in order, without trailing comments."""
    lines = [ln.strip() for ln in text.splitlines() if ln.startswith("    .venv/bin/")]
    return [re.sub(r"\s+#.*$", "", ln) for ln in lines]


def doc_parser(text: str) -> str:
    """The worked example: the guide's Python block holding a whole parser module."""
    blocks = [b for b in re.findall(r"```python\n(.*?)```", text, re.S) if b.startswith('"""')]
    assert len(blocks) == 1, "the guide holds one worked example module"
    return blocks[0]


def doc_alias_rows(text: str) -> list[str]:
    """The rows under the guide's indented `alias,indicator_id,note` header."""
    lines = text.splitlines()
    start = lines.index("    alias,indicator_id,note") + 1
    rows = []
    for ln in lines[start:]:
        if not ln.startswith("    ") or not ln.strip():
            break
        rows.append(ln.strip())
    return rows


def doc_listed_tests(text: str) -> list[str]:
    """The test files step 7 names as what checks a new parser."""
    section = text[text.index("## 7.") : text.index("## 8.")]
    return sorted(set(re.findall(r"`(tests/test_\w+\.py)`", section)))


def repository_files() -> list[str]:
    run = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, check=True,
    )  # fmt: skip
    return [f for f in run.stdout.decode().split("\0") if f and (ROOT / f).is_file()]


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> Path:
    """A copy of the repository; a folder of links makes its packages the importable ones."""
    base = tmp_path_factory.mktemp("checkout")
    repo = base / "repo"
    for name in repository_files():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, repo / name)
    links = base / "site"
    links.mkdir()
    for package, folder in PACKAGES:
        (links / package).symlink_to(repo / folder, target_is_directory=True)
    if (ROOT.parent / "shared").is_dir():  # tests read the shared reference data as ../shared
        (base / "shared").symlink_to(ROOT.parent / "shared", target_is_directory=True)
    return repo


def sh(repo: Path, command: str, expect: int = 0) -> str:
    """Run one of the guide's commands from the copy's root, with this environment's tools."""
    env = {**os.environ, "PYTHONPATH": str(repo.parent / "site"), "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("PYTEST_ADDOPTS", None)
    run = subprocess.run(
        command.replace(".venv/bin/", f"{VENV_BIN}/"), shell=True, cwd=repo, env=env,
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    output = run.stdout + run.stderr
    assert run.returncode == expect, f"$ {command}\nexit {run.returncode}, expected {expect}:\n{output[-6000:]}"
    return output


def test_the_guide_lists_the_commands_this_test_follows():
    commands = doc_commands(DOC.read_text(encoding="utf-8"))
    kinds = [next((k for k in KINDS if k in c), c) for c in commands]
    expected = ["inspect", "new-parser", "match", "update_golden", "update_golden", "update_golden", "pytest"]
    assert kinds == expected, commands


def test_following_the_guide_gives_a_green_suite(copy):
    text = (copy / "docs" / "adding-a-parser.md").read_text(encoding="utf-8")
    commands = doc_commands(text)
    by_kind = {k: [c for c in commands if k in c] for k in KINDS}
    shutil.copy(FIXTURE / "sample.txt", copy / "sample.txt")
    as_run = {c: c.replace("sample.pdf", "sample.txt") for c in commands}  # the guide: a .txt works too

    # 2. inspect: no council parser reads the sample yet
    assert "pipeline would choose: generic" in sh(copy, as_run[by_kind["inspect"][0]])

    # 3. scaffold; the new case's golden tests fail until its truth and snapshot are written
    out = sh(copy, as_run[by_kind["new-parser"][0]])
    case = copy / "tests" / "cases" / SLUG
    written = [copy / "parsers" / f"{SLUG}.py", case / "input.txt", case / "SOURCE.md", case / "snapshot.csv",
               case / "truth.csv", copy / "mappings" / "aliases" / f"{SLUG}.csv"]  # fmt: skip
    assert all(p.is_file() for p in written), out
    sh(copy, f".venv/bin/pytest -q -p no:cacheprovider tests/test_golden.py -k {SLUG}", expect=1)

    # 4. the worked example as the parser
    (copy / "parsers" / f"{SLUG}.py").write_text(doc_parser(text), encoding="utf-8")
    inspect_fixture = as_run[by_kind["inspect"][0]].replace("sample.txt", str(case / "input.txt"))
    assert f"pipeline would choose: {SLUG}" in sh(copy, inspect_fixture)

    # 5. the name the guide shows unmatched, then its alias row
    match = by_kind["match"][0]
    assert '"method": "unmatched"' in sh(copy, match)
    with (copy / "mappings" / "aliases" / f"{SLUG}.csv").open("a", encoding="utf-8") as fh:
        fh.writelines(row + "\n" for row in doc_alias_rows(text))
    rematched = sh(copy, match)
    assert '"method": "alias"' in rematched and '"indicator_id": "cp_second_or_subsequent_plan_pct"' in rematched

    # 6. truth by reading the sample; the snapshot through update_golden.py
    shutil.copy(FIXTURE / "truth.csv", case / "truth.csv")
    listing, show, accept = by_kind["update_golden"]
    assert SLUG in sh(copy, listing).split()
    assert "+++ pipeline" in sh(copy, show, expect=1)
    assert len((case / "snapshot.csv").read_text().splitlines()) == 1, "showing the diff writes nothing"
    sh(copy, accept)
    assert len((case / "snapshot.csv").read_text().splitlines()) > 10

    # 7. ruff, and the tests the guide names (the whole suite is the README's command; it would
    # run this test again inside the copy)
    command = by_kind["pytest"][0]
    assert command.startswith(".venv/bin/ruff check . && .venv/bin/pytest -q"), command
    sh(copy, ".venv/bin/ruff check .")
    listed = doc_listed_tests(text)
    assert "tests/test_golden.py" in listed and "tests/test_claims.py" in listed
    out = sh(copy, ".venv/bin/pytest -v -p no:cacheprovider " + " ".join(listed))
    for test in (f"test_snapshot[{SLUG}]", f"test_every_truth_row_holds[{SLUG}]",
                 f"test_only_its_own_parser_claims_a_case[{SLUG}]"):  # fmt: skip
        assert f"{test} PASSED" in out, out[-4000:]
