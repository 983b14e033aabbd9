"""Bad PDFs are rows with a status and a clear message; the rest of the run is unaffected."""

from __future__ import annotations

import pyarrow.parquet as pq
from click.testing import CliRunner
from reportlab.lib import pdfencrypt
from reportlab.pdfgen import canvas

from extract.cli import main
from helpers import CASES
from pdf_render import render_text_to_pdf


def _make_corpus(root):
    good = render_text_to_pdf((CASES / "welsh_scc_indicators" / "input.txt").read_text(), root / "good.pdf", "ruled")
    data = good.read_bytes()
    (root / "truncated.pdf").write_bytes(data[: len(data) // 3])
    (root / "zero.pdf").write_bytes(b"")
    (root / "html-error-page.pdf").write_text("<!DOCTYPE html><html><body>404 Not Found</body></html>")
    locked = canvas.Canvas(str(root / "encrypted.pdf"), encrypt=pdfencrypt.StandardEncryption("secret"))
    locked.drawString(72, 720, "SCC/010 % of repeat referrals 23.60")
    locked.save()
    scanned = canvas.Canvas(str(root / "scanned.pdf"))
    for _ in range(3):  # pages of pictures only: what a scan without OCR looks like
        scanned.rect(72, 72, 300, 400, fill=1)
        scanned.showPage()
    scanned.save()


def test_each_bad_pdf_gets_its_status_and_the_good_one_is_read(tmp_path):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    _make_corpus(corpus)
    result = CliRunner().invoke(main, [str(corpus), "--out", str(out)])
    assert result.exit_code == 1, result.output
    docs = pq.read_table(out / "documents.parquet").to_pandas().set_index("document")
    expected = {
        "good.pdf": "ok",
        "truncated.pdf": "unreadable",
        "zero.pdf": "unreadable",
        "html-error-page.pdf": "unreadable",
        "encrypted.pdf": "encrypted",
        "scanned.pdf": "no_text_layer",
    }
    assert docs.status.to_dict() == expected
    assert "not a PDF" in docs.loc["html-error-page.pdf", "error"]
    assert "password" in docs.loc["encrypted.pdf", "error"]
    assert "pages 1-3" in docs.loc["scanned.pdf", "error"]
    assert docs.loc["scanned.pdf", "pages"] == 3  # the scan's page count is known, though it has no text
    assert docs.drop(index=["good.pdf", "scanned.pdf"]).pages.isna().all()
    assert docs.isna().loc["good.pdf", "error"] and docs.loc["good.pdf", "pages"] >= 1
    assert docs.drop(index="good.pdf").error.str.len().gt(10).all()
    obs = pq.read_table(out / "observations.parquet").to_pandas()
    assert set(obs.document) == {"good.pdf"} and len(obs) > 100
    assert obs.page.notna().all()
