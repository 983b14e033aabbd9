"""Render every held-out fixture's document.pdf from its source file.

    python scripts/render_heldout.py [SLUG ...]

Sources live in tests/heldout/{dev,blind}/<slug>/document.{docx,xlsx,html}: Word and Excel
files go through LibreOffice (`soffice --headless --convert-to pdf`), HTML through headless
Chromium's print-to-PDF, the way councils' own exports are made. Needs `soffice` and
`chromium` on PATH (Debian: libreoffice-writer, libreoffice-calc, chromium, fonts-liberation).
With slugs, only those folders are rendered. The truth files are tied to the page numbers of
these PDFs: after re-rendering, check that the pages have not moved.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "tests" / "heldout"
SPLITS = ("dev", "blind")
OFFICE = {".docx", ".xlsx", ".odt", ".ods", ".doc", ".xls"}


def sources() -> list[Path]:
    found = []
    for split in SPLITS:
        for folder in sorted((HELDOUT / split).iterdir()):
            if folder.is_dir():
                found.extend(p for p in sorted(folder.glob("document.*")) if p.suffix != ".pdf")
    return found


def render_office(source: Path, target: Path) -> None:
    # a private profile: another soffice running on the machine must not block this one
    with tempfile.TemporaryDirectory() as work:
        profile = Path(work) / "profile"
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                work,
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        shutil.move(Path(work) / f"{source.stem}.pdf", target)


def render_html(source: Path, target: Path) -> None:
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(
            [
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
                f"--user-data-dir={work}/profile",
                f"--print-to-pdf={target}",
                source.resolve().as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )


def render(source: Path) -> Path:
    target = source.with_suffix(".pdf")
    if source.suffix in OFFICE:
        render_office(source, target)
    elif source.suffix in {".html", ".htm"}:
        render_html(source, target)
    else:
        raise ValueError(f"no renderer for {source}")
    return target


def main(argv: list[str]) -> int:
    wanted = set(argv)
    todo = [s for s in sources() if not wanted or s.parent.name in wanted]
    if not todo:
        print("nothing to render", file=sys.stderr)
        return 1
    for source in todo:
        target = render(source)
        print(f"{target.relative_to(ROOT)}  {target.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
