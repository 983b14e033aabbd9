"""The fast page readers give exactly what the plain ones give.

pdf.py reads glyph boxes through an address-taking ctypes prototype and path objects through
raw pdfium handles; councils.py finds names with one combined regex. Each is checked here
against the straightforward version it replaced (one wrapped call per glyph, one pypdfium2
object per page object, one search per council name), on committed renderings and on a PDF
with the awkward characters (spaces of every kind, characters outside the BMP).
"""

from __future__ import annotations

import ctypes
import random
import re
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from extract.load.pdf import _path_segments, glyphs_to_words, page_glyphs, page_words, paths_to_rules
from extract.load.words import words_from_arrays
from extract.model import Rule, Word, normalise_space
from extract.settings import DEFAULT_SETTINGS
from extract.tidy.councils import CouncilFinder
from pdf_render import render_text_to_pdf

HERE = Path(__file__).parent
RENDERINGS = sorted((HERE / "renderings").glob("*/*.pdf"))


def plain_glyphs(textpage: pdfium.PdfTextPage, height: float) -> list[tuple]:
    """One wrapped pdfium call per glyph: the reference the fast reader must equal."""
    count = textpage.count_chars()
    out = []
    for i in range(count):
        ch = textpage.get_text_range(i, 1)[:1] or " "
        if ch.isspace():
            out.append((" ", 0.0, 0.0, 0.0, 0.0))
            continue
        ch = "-" if ch in "\ufffe\x02" else ch
        box = pdfium_c.FS_RECTF()
        pdfium_c.FPDFText_GetLooseCharBox(textpage.raw, i, ctypes.byref(box))
        out.append((ch, box.left, height - box.top, box.right, height - box.bottom))
    return out


def plain_rules(page: pdfium.PdfPage, height: float) -> list[Rule]:
    """The rule reader through pypdfium2's object wrappers (one Python object per page object)."""
    settings = DEFAULT_SETTINGS.pdf
    thick, shortest = settings.rule_thickness, settings.rule_min_length
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    rules = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=4):
        left, bottom, right, top = obj.get_bounds()
        width, tall = right - left, top - bottom
        if width < shortest and tall < shortest:
            continue
        if tall <= thick and width >= shortest:
            rules.append(Rule("h", left, height - (top + bottom) / 2, right, height - (top + bottom) / 2))
            continue
        if width <= thick and tall >= shortest:
            rules.append(Rule("v", (left + right) / 2, height - top, (left + right) / 2, height - bottom))
            continue
        pdfium_c.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(fill), ctypes.byref(stroke))
        if not stroke.value:
            continue
        for x0, y0, x1, y1 in _path_segments(obj.raw, settings.max_path_segments):
            if abs(y0 - y1) <= 0.5 and abs(x1 - x0) >= shortest:
                rules.append(Rule("h", min(x0, x1), height - y0, max(x0, x1), height - y0))
            elif abs(x0 - x1) <= 0.5 and abs(y1 - y0) >= shortest:
                rules.append(Rule("v", x0, height - max(y0, y1), x0, height - min(y0, y1)))
    return rules


def _pages(path: Path):
    pdf = pdfium.PdfDocument(str(path))
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            yield page, page.get_size()[1]
            page.close()
    finally:
        pdf.close()


@pytest.fixture(scope="module")
def awkward_pdf(tmp_path_factory) -> Path:
    text = (
        "Awkward\u00a0spaces\tand  runs\u2003of them, a soft-hyphen\u00ad word, £ and – and ’\n"
        "Indicator\tQ1\tQ2\n"
        "Children 👶 in need\t12.5%\t1,234\n"
        "Arrows ↑ ▲ and Cyrillic Жж\t-\tN/A\n"
    )
    return render_text_to_pdf(text, tmp_path_factory.mktemp("awkward") / "awkward.pdf", "ruled")


@pytest.mark.slow  # reads every page of the committed renderings
def test_glyphs_equal_one_call_per_glyph(awkward_pdf):
    paths = [awkward_pdf, *RENDERINGS[:6]]
    seen = 0
    for path in paths:
        for page, height in _pages(path):
            textpage = page.get_textpage()
            try:
                fast = page_glyphs(textpage, height, DEFAULT_SETTINGS.pdf.max_chars_per_page)
                assert fast == plain_glyphs(textpage, height), path.name
                seen += len(fast)
            finally:
                textpage.close()
    assert seen > 1000


@pytest.mark.slow  # reads every page of the committed renderings
def test_page_words_equal_the_glyph_loop(awkward_pdf):
    """The numpy word finder (words.py) gives the words of the per-glyph loop, value for value."""
    settings, seen = DEFAULT_SETTINGS.pdf, 0
    for path in [awkward_pdf, *RENDERINGS]:
        for page, height in _pages(path):
            textpage = page.get_textpage()
            try:
                rotated, plain_rotated = [], []
                words, _ = page_words(textpage, height, settings, rotated)
                plain = glyphs_to_words(page_glyphs(textpage, height, 200_000, settings, plain_rotated), settings)
                assert words == plain and rotated == plain_rotated, path.name
                seen += len(words)
            finally:
                textpage.close()
    assert seen > 10_000


def _random_glyphs(rng: random.Random, n: int) -> list[tuple]:
    """Glyph streams that test every branch of the word test: sizes that grow and shrink within a
    word, superscripts, overlaps, backward steps, gaps either side of the limit, spaces, and the
    letters of a ligature (a glyph with the box of the glyph before it)."""
    glyphs, x, base = [], 10.0, 100.0
    for _ in range(n):
        if glyphs and glyphs[-1][0] != " " and rng.random() < 0.08:
            glyphs.append(("i", *glyphs[-1][1:]))
            continue
        if rng.random() < 0.12:
            glyphs.append((" ", 0.0, 0.0, 0.0, 0.0))
            continue
        if rng.random() < 0.05:  # a new line
            x, base = rng.uniform(0, 50), base + rng.choice([12.0, 6.0, 0.5, -3.0])
        size = rng.choice([10.0, 10.0, 10.0, 6.0, 14.0, 0.5, 2.0, 30.0])
        top = base - size + rng.choice([0.0, 0.0, -2.0, 2.5, rng.uniform(-5, 5)])
        width = rng.choice([5.0, 3.0, 0.0, rng.uniform(0, 8)])
        glyphs.append((rng.choice("ab1.%"), x, top, x + width, top + size))
        x += width + rng.choice([0.0, 0.0, 0.5, 1.8, 1.81, -1.0, -6.0, 4.0, rng.uniform(-3, 5)])
    return glyphs


def test_numpy_words_equal_the_loop_on_random_glyphs():
    import numpy as np

    rng, settings, checked = random.Random(12), DEFAULT_SETTINGS.pdf, 0
    for _ in range(300):
        glyphs = _random_glyphs(rng, rng.randint(0, 400))
        inked = [i for i, g in enumerate(glyphs) if g[0] != " "]
        boxes = np.array([glyphs[i][1:] for i in inked], dtype=np.float64).reshape(-1, 4)
        forced = np.array([k == 0 or inked[k] - inked[k - 1] > 1 for k in range(len(inked))], dtype=bool)
        chars = "".join(glyphs[i][0] for i in inked)
        words = words_from_arrays(chars, *boxes.T, forced, settings.word_gap)
        if words is not None:  # None: the caller runs the loop (a page whose guesses do not settle)
            assert words == glyphs_to_words(glyphs, settings)
            checked += 1
    assert checked >= 150  # these streams are harsher than print: some do not settle (real pages do)


def test_glyphs_respect_the_page_limit(awkward_pdf):
    pdf = pdfium.PdfDocument(str(awkward_pdf))
    page = pdf[0]
    textpage = page.get_textpage()
    try:
        height = page.get_size()[1]
        assert page_glyphs(textpage, height, 10) == plain_glyphs(textpage, height)[:10]
        assert page_glyphs(textpage, height, 0) == []
    finally:
        textpage.close()
        page.close()
        pdf.close()


@pytest.mark.slow  # reads every page of the committed renderings
def test_rules_equal_the_wrapped_object_walk():
    compared = 0
    for path in RENDERINGS:
        for page, height in _pages(path):
            plain = plain_rules(page, height)
            assert paths_to_rules(page, height, DEFAULT_SETTINGS.pdf) == plain, path.name
            compared += len(plain)
    assert compared > 100


COUNCILS = [
    {"council_id": "A", "council": "City of York Council", "alt_names": ""},
    {"council_id": "B", "council": "York Council", "alt_names": ""},
    {"council_id": "C", "council": "North Yorkshire Council", "alt_names": "North Yorks Council|NYC"},
    {"council_id": "D", "council": "Durham County Council", "alt_names": "County Durham Council"},
    {"council_id": "E", "council": "Isle of Wight Council", "alt_names": ""},
]


def per_name_search(finder: CouncilFinder, text: str) -> str | None:
    flat = normalise_space(text)
    names = {
        c["council_id"]: {c["council"]} | {n for n in c["alt_names"].split("|") if n.lower().endswith("council")}
        for c in COUNCILS
    }
    found = {
        cid for cid, ns in names.items() for n in ns if re.search(rf"\b{re.escape(normalise_space(n))}\b", flat, re.I)
    }
    return found.pop() if len(found) == 1 else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Report to City of York Council, June 2024", None),  # York Council inside it too
        ("Report to YORK COUNCIL", "B"),
        ("durham county council and county durham council", "D"),
        ("North Yorks Council", "C"),
        ("NYC", None),  # an alternative name that is no council name is not searched
        ("Isle of Wight Councillors", None),  # a word boundary is needed
        ("", None),
    ],
)
def test_council_names(text, expected):
    assert CouncilFinder(COUNCILS).find_in_text(text) == expected


def test_council_finder_equals_one_search_per_name():
    finder = CouncilFinder(COUNCILS)
    names = [n for c in COUNCILS for n in [c["council"], *c["alt_names"].split("|")] if n]
    rng = random.Random(12)
    for _ in range(500):
        parts = []
        for _ in range(rng.randint(0, 3)):
            name = rng.choice(names)
            name = name.upper() if rng.random() < 0.3 else name
            parts.append(name[rng.randint(0, 4) :] if rng.random() < 0.3 else name)
        text = rng.choice(["", " x ", " of ", "\n"]).join(parts) + rng.choice(["", "s", "."])
        assert finder.find_in_text(text) == per_name_search(finder, text), text


def test_rules_inside_nested_forms_equal_the_wrapped_walk(tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    # rules drawn inside form XObjects nested six deep: the walk descends as far as the
    # wrapped one does (four levels) and no further
    canvas = Canvas(str(tmp_path / "forms.pdf"))
    for depth in range(6):
        canvas.beginForm(f"f{depth}")
        canvas.line(10 + depth, 100 + 40 * depth, 300, 100 + 40 * depth)
        canvas.rect(20 + 30 * depth, 50, 1, 60, fill=1, stroke=0)
        if depth:
            canvas.doForm(f"f{depth - 1}")
        canvas.endForm()
    canvas.drawString(100, 700, "Text")
    canvas.line(50, 500, 400, 500)
    canvas.doForm("f5")
    canvas.translate(100, 100)
    canvas.doForm("f2")
    canvas.showPage()
    canvas.save()
    for page, height in _pages(tmp_path / "forms.pdf"):
        fast = paths_to_rules(page, height, DEFAULT_SETTINGS.pdf)
        assert fast == plain_rules(page, height)
        assert 6 <= len(fast) < 1 + 2 * 9  # some rules are inside forms, the deepest are not read


def test_ligature_letters_stay_in_their_word():
    """pdfium gives a ligature (`fi`) as its letters, each with the ligature's whole box: the second
    letter starts where the first does, a step back wider than a glyph overlap, yet one word."""
    import numpy as np

    settings = DEFAULT_SETTINGS.pdf
    glyphs = [
        ("n", 0.0, 0.0, 4.1, 7.6),
        ("f", 4.1, 0.0, 8.2, 7.6),
        ("i", 4.1, 0.0, 8.2, 7.6),
        ("c", 8.2, 0.0, 11.8, 7.6),
    ]
    boxes = np.array([g[1:] for g in glyphs], dtype=np.float64)
    forced = np.array([True, False, False, False])
    expected = [Word("nfic", 0.0, 0.0, 11.8, 7.6)]
    assert glyphs_to_words(glyphs, settings) == expected
    assert words_from_arrays("nfic", *boxes.T, forced, settings.word_gap) == expected


def test_breaks_pdfium_makes_up_inside_words_are_no_word_ends():
    # Chromium's sparse last page: pdfium's text-flow guess puts a generated break between every
    # glyph (`t h e d a t e o f`); touching glyphs on one line join, a real gap still parts words
    path = HERE / "renderings" / "tcs_quarterly_scorecard" / "gdocs-html.pdf"
    pages = len(pdfium.PdfDocument(str(path)))
    for number, (page, height) in enumerate(_pages(path), 1):
        if number < pages:
            continue
        textpage = page.get_textpage()
        try:
            raw = textpage.get_text_range()
            words, _ = page_words(textpage, height, DEFAULT_SETTINGS.pdf, [])
            glyphs = page_glyphs(textpage, height, 200_000, DEFAULT_SETTINGS.pdf, [])
            loop = glyphs_to_words(glyphs, DEFAULT_SETTINGS.pdf)
        finally:
            textpage.close()
    assert "t\r\nh\r\ne\r\nd\r\na\r\nt\r\ne" in raw  # what pdfium gives
    texts = [w.text for w in words]
    assert texts[:3] == ["the", "date", "of"] and "request" in texts
    assert words == loop


def test_a_space_the_file_writes_is_kept_however_close_its_glyphs():
    # italic text sets its words' glyphs touching across a real space: only generated breaks join
    path = HERE / "cases" / "generic" / "input.pdf"  # pages of an Ofsted report
    texts = set()
    for page, height in _pages(path):
        textpage = page.get_textpage()
        try:
            texts.update(w.text for w in page_words(textpage, height, DEFAULT_SETTINGS.pdf, [])[0])
        finally:
            textpage.close()
    assert {"Raising", "concerns", "making", "complaints"} <= texts
    assert not any("concernsand" in t for t in texts)


def _printed_glyphs(rng: random.Random, n: int, odd: float) -> list[tuple]:
    """Glyph streams as print sets them: lines of one band stepping right, word gaps and spaces;
    with chance `odd` a glyph of another size (a superscript, a taller capital) or a step back."""
    glyphs, x, base = [], 10.0, 100.0
    for _ in range(n):
        if rng.random() < 0.1:
            glyphs.append((" ", 0.0, 0.0, 0.0, 0.0))
            continue
        if rng.random() < 0.04:  # a new line
            x, base = rng.uniform(0, 50), base + 12.0
        top, bottom, width = base - 10.0, base, rng.choice([5.0, 3.0, 4.5])
        if rng.random() < odd:
            top, bottom = top + rng.choice([-20.0, -2.0, 3.0, 7.0]), bottom + rng.choice([-7.0, -4.0, 1.0, 8.0])
            x, width = x - rng.choice([0.0, 2.0, 6.0, 10.0]), width + rng.choice([0.0, 0.0, 8.0])
        glyphs.append((rng.choice("ab1.%"), x, top, x + width, bottom))
        x += width + rng.choice([0.0, 0.0, 0.3, 2.5, 6.0])
    return glyphs


def test_words_of_print_equal_the_loop_with_and_without_the_ranks(monkeypatch):
    """Where every word's glyphs only grow rightwards and downwards and rise, the first guess is
    the answer and no ranks are taken; where one does not, the ranks settle it: both as the loop."""
    import numpy as np

    from extract.load import words as words_module

    ranked = []
    monkeypatch.setattr(words_module, "_ranks", lambda a: ranked.append(1) or np.unique(a, return_inverse=True))
    rng, settings, by_path = random.Random(7), DEFAULT_SETTINGS.pdf, {True: 0, False: 0}
    for k in range(300):
        glyphs = _printed_glyphs(rng, rng.randint(1, 300), odd=0.0 if k % 2 else 0.05)
        inked = [i for i, g in enumerate(glyphs) if g[0] != " "]
        boxes = np.array([glyphs[i][1:] for i in inked], dtype=np.float64).reshape(-1, 4)
        forced = np.array([k == 0 or inked[k] - inked[k - 1] > 1 for k in range(len(inked))], dtype=bool)
        before = len(ranked)
        words = words_from_arrays("".join(glyphs[i][0] for i in inked), *boxes.T, forced, settings.word_gap)
        if words is not None:
            assert words == glyphs_to_words(glyphs, settings)
            by_path[len(ranked) == before] += 1
    assert by_path[True] >= 100 and by_path[False] >= 20, by_path


@pytest.mark.parametrize(
    "glyphs",
    [
        # a wide glyph, a narrow one inside it, then one just short of the wide one's right edge
        [("A", 0.0, 0.0, 20.0, 10.0), ("b", 15.5, 0.0, 16.5, 10.0), ("c", 19.0, 0.0, 24.0, 10.0)],
        # a tall glyph, a small one at its foot, then one in the tall glyph's band above the small one
        [("A", 0.0, 0.0, 5.0, 30.0), ("b", 5.0, 25.0, 10.0, 30.0), ("c", 10.0, 4.0, 15.0, 12.0)],
        # a tall glyph, a small one at its head, then one in the tall glyph's band below the small one
        [("A", 0.0, 0.0, 5.0, 30.0), ("b", 5.0, 0.0, 10.0, 5.0), ("c", 10.0, 18.0, 15.0, 26.0)],
    ],
)
def test_a_word_is_judged_by_its_running_box_not_its_last_glyph(glyphs):
    """The third glyph joins the word by the box of the glyphs so far, not by the second
    glyph's own box (the shortcut for print that only grows must not be taken here)."""
    import numpy as np

    settings = DEFAULT_SETTINGS.pdf
    boxes = np.array([g[1:] for g in glyphs], dtype=np.float64)
    forced = np.array([True, False, False])
    words = words_from_arrays("".join(g[0] for g in glyphs), *boxes.T, forced, settings.word_gap)
    assert words == glyphs_to_words(glyphs, settings)
    assert [w.text for w in words] == ["Abc"]
