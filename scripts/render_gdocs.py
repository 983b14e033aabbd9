"""The ``gdocs-html`` rendering of scripts/render_other_toolchains.py: a seed as Google Docs
exports a document to HTML (classed ``<p><span>`` in every cell, 1pt black borders, 5pt
padding, top-aligned cells, equal columns beside a wider name column, Arial), for Chromium to
print on US Letter."""

from __future__ import annotations

import html

from render_council_pdfs import Block, Table, is_numeric, rag_fill


def title_of(blocks: list[Block]) -> str:
    return next((str(v).strip() for k, v in blocks if k == "prose"), "Report")


_GDOCS_CSS = """
@page { size: Letter portrait; margin: 0; }
body { max-width: 468pt; padding: 72pt; margin: 0; background: #fff; overflow-wrap: break-word; }
.c0 { color: #000; font-weight: 400; font-size: 11pt; font-family: "Arial"; }
.c1 { padding-top: 0; padding-bottom: 0; line-height: 1.15; text-align: left; margin: 0; }
.c2 { border: 1pt solid #000; padding: 5pt; vertical-align: top; overflow-wrap: break-word; }
.c3 { font-size: 8pt; } .c4 { font-weight: 700; } .c5 { text-align: right; }
.c6 { border-spacing: 0; border-collapse: collapse; margin-right: auto; table-layout: fixed; }
.c7 { height: 11pt; }
"""


def build_gdocs(blocks: list[Block]) -> str:
    parts = [f'<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"><style>{_GDOCS_CSS}'
             f"</style><title>{html.escape(title_of(blocks))}</title></head><body>"]
    for kind, value in blocks:
        if kind != "table":
            text = html.escape(str(value).strip()) if kind == "prose" else ""
            parts.append(f'<p class="c1{"" if text else " c7"}"><span class="c0">{text}</span></p>')
            continue
        t: Table = value  # type: ignore[assignment]
        name_width = 468 * (0.3 if t.ncols > 3 else 0.5)  # the name column dragged wider, the rest as Docs sets them
        widths = [name_width] + [(468 - name_width) / (t.ncols - 1)] * (t.ncols - 1)
        parts.append('<table class="c6"><colgroup>' + "".join(f'<col style="width:{w:.1f}pt">' for w in widths)
                     + "</colgroup>")
        for r, row in enumerate(t.rows):
            parts.append("<tr>")
            for j, cell in enumerate(row):
                fill = rag_fill(cell) if r >= t.nhead and j else None
                style = f' style="background-color:#{fill}"' if fill else ""
                right = " c5" if r >= t.nhead and is_numeric(cell) else ""
                bold = " c4" if r < t.nhead else ""
                parts.append(f'<td class="c2"{style}><p class="c1{right}"><span class="c0 c3{bold}">'
                             f"{html.escape(cell)}</span></p></td>")
            parts.append("</tr>")
        parts.append("</table>")
    parts.append("</body></html>\n")
    return "".join(parts)
