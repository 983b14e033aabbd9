"""Text turned 90 degrees (a narrow header cell of a spreadsheet), set at an angle, or stacked one
upright letter per line: each printed label read as one word, placed where it is printed.

pdfium gives a rotated glyph a box where it is drawn, but read one by one the glyphs of a label
turned 90 degrees are stacked one above the other: each falls into a "line" of its own and the
label scrambles with the upright text beside it. pdf.py hands the page's glyph boxes here; the
labels come back as `RotatedWord`s and their glyphs as spaces.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extract.load.turned import page_turn
from extract.model import Word, normalise_space
from extract.settings import PdfSettings

Glyph = tuple[str, float, float, float, float]  # text, x0, top, x1, bottom (top-down points), as pdf.py
_UPRIGHT = 0.01  # radians: a glyph turned less than this (or this short of a full turn) is upright
_BLANK: Glyph = (" ", 0.0, 0.0, 0.0, 0.0)
_STACK_PITCH = 1.8  # glyph heights: stacked letters further apart than this are rows of a table
_OBLIQUE = 0.2  # radians (about 11 degrees): a turn this far from a quarter turn is angled text


@dataclass(frozen=True, slots=True)
class RotatedWord(Word):
    """A label printed turned 90 degrees, set at an angle or stacked (a narrow header cell): its box is
    tall and narrow. An angled label's box spans its height but, across, only its lowest glyph's: the
    label belongs to the column it stands on, not to the columns it leans over. Its lines run `lean`
    points across for each point down the page (0: not angled), through (the box's middle, `foot`), so
    a reader that knows the row's bottom rule finds where the label meets it."""

    lean: float = 0.0
    foot: float = 0.0


def _right_angle(angle: float) -> bool:
    """Turned a quarter turn either way (within `_OBLIQUE`); other turns are angled text."""
    return min(abs(angle - np.pi / 2), abs(angle - 3 * np.pi / 2)) < _OBLIQUE


def _stacked(inked: np.ndarray, box: np.ndarray, settings: PdfSettings) -> list[int]:
    """Glyphs whose neighbour in the text sits above or below them rather than beside them.

    Upright text moves across from glyph to glyph and down only at a line end (back to the
    line's start); rotated text moves along the page's y axis. Vectorised: no pdfium call for
    the glyphs of upright text. Neighbours are the next inked glyph, across any generated break.
    """
    if len(inked) < 2:
        return []
    first, second = inked[:-1], inked[1:]
    ink_box = box[inked].T  # (the inked glyphs' columns, taken once)
    left, top, right, bottom = ink_box  # (pdfium's box, y up)
    size = np.maximum((right - left)[:-1], (right - left)[1:])
    mid_x, mid_y = left + right, top + bottom
    across = np.abs(mid_x[1:] - mid_x[:-1]) / 2
    along = np.abs(mid_y[1:] - mid_y[:-1]) / 2
    stacked = (across < settings.stacked_across * size) & (along > settings.stacked_along * size)
    # text set at an angle moves across (rightwards) and along together, a glyph or so a step; upright
    # text does so only at a line end, back to the left
    rightwards = (mid_x[1:] - mid_x[:-1]) / 2
    diagonal = (
        (rightwards > settings.stacked_along * size)
        & (along > settings.stacked_along * size)
        & (np.maximum(rightwards, along) < 2 * size)
        & (np.minimum(rightwards, along) > 0.4 * np.maximum(rightwards, along))
    )
    stacked |= diagonal
    return sorted(set(first[stacked].tolist()) | set(second[stacked].tolist()))


def _along_gap(a: Glyph, b: Glyph) -> float:
    """The empty space between two glyphs of one rotated line, along the page's y axis."""
    return max(b[2] - a[4], a[2] - b[4])


def _centre(g: Glyph) -> tuple[float, float]:
    return (g[1] + g[3]) / 2, (g[2] + g[4]) / 2


def _glyph_size(g: Glyph) -> float:
    return max(g[3] - g[1], g[4] - g[2], 1.0)


def _spaced(glyphs: list[Glyph], a: int, b: int) -> bool:
    """A space (or a break pdfium generated) is drawn between glyphs a and b."""
    return any(glyphs[k][0] == " " for k in range(a + 1, b))


def angled_labels(glyphs: list[Glyph], order: list[int], angles: dict[int, float],
                  ink_rank: dict[int, int]) -> list[tuple[list[list[int]], str]]:
    """Labels set at an angle (Excel's "angle counterclockwise", 45 degrees): the lines of each label
    (glyph indexes, in the order drawn) and its text. A line's glyphs are drawn one after the other,
    each a glyph or so further along the text's direction and hardly off it; the next line of a
    wrapped label is drawn next, one line pitch to the side, overlapping it along."""

    def frame(i: int, j: int) -> tuple[float, float]:  # (along, across) the text's direction, from i to j
        (xi, yi), (xj, yj) = _centre(glyphs[i]), _centre(glyphs[j])
        dx, dy = np.cos(angles[i]), np.sin(angles[i])  # pdfium's angle, clockwise on the page: top-down y
        return (xj - xi) * dx + (yj - yi) * dy, (xj - xi) * -dy + (yj - yi) * dx

    def drawn_next(i: int, j: int) -> bool:
        return ink_rank[j] == ink_rank[i] + 1 and abs(angles[i] - angles[j]) < _UPRIGHT

    lines: list[list[int]] = []
    for index in order:
        if lines and drawn_next(lines[-1][-1], index):
            along, across = frame(lines[-1][-1], index)
            size = _glyph_size(glyphs[index])
            if 0 < along < 2.5 * size and abs(across) < 0.5 * size:
                lines[-1].append(index)
                continue
        lines.append([index])
    labels: list[list[list[int]]] = []
    for line in lines:
        if labels and drawn_next(labels[-1][-1][-1], line[0]):
            prev = labels[-1][-1]
            start, across = frame(prev[0], line[0])
            end, length = frame(prev[0], line[-1])[0], frame(prev[0], prev[-1])[0]
            size = _glyph_size(glyphs[line[0]])
            # aligned with the line before (left, right or centred, as a cell aligns its lines): the
            # next column's label, drawn next beside it, is not
            aligned = min(abs(start), abs(end - length), abs(start + end - length) / 2) < size
            if 0.5 * size < abs(across) < 1.6 * size and aligned:
                labels[-1].append(line)
                continue
        labels.append([line])
    out = []
    for label in labels:
        words = []
        for line in label:
            chars = [glyphs[line[0]][0]]
            for a, b in itertools.pairwise(line):
                chars.extend((" ", glyphs[b][0]) if _spaced(glyphs, a, b) else (glyphs[b][0],))
            words.append("".join(chars))
        out.append((label, normalise_space(" ".join(words))))
    return out


def stacked_letters(glyphs: list[Glyph], order: list[int], ink_rank: dict[int, int]) -> list[tuple[list[int], str]]:
    """Labels of upright letters set one under another (Excel's "vertical text"): the glyphs of each
    (in the order drawn) and its text. Three or more single glyphs drawn one after the other, each
    straight below the last at one line pitch (two where the label has a space), the pitch no more
    than `_STACK_PITCH` glyph heights (lines of type set solid, not rows of a table), and a letter or a
    slash among them (a column of single digits is a column of values)."""
    runs: list[list[int]] = []
    for index in order:
        if runs and ink_rank[index] == ink_rank[runs[-1][-1]] + 1:
            (xa, ya), (xb, yb) = _centre(glyphs[runs[-1][-1]]), _centre(glyphs[index])
            size = _glyph_size(glyphs[index])
            if abs(xb - xa) < 0.5 * size and yb - ya > 0.5 * size:
                runs[-1].append(index)
                continue
        runs.append([index])
    out = []
    for run in runs:
        if len(run) < 3 or not any(glyphs[i][0].isalpha() or glyphs[i][0] == "/" for i in run):
            continue
        # glyph middles step unevenly (capitals, x-height letters, descenders): one pitch is half to one
        # and a half of the usual step, two (a space) up to two and a half
        steps = [_centre(glyphs[b])[1] - _centre(glyphs[a])[1] for a, b in itertools.pairwise(run)]
        pitch = float(np.median(steps))
        height = float(np.median([glyphs[i][4] - glyphs[i][2] for i in run]))
        if pitch > _STACK_PITCH * height or not all(0.5 * pitch < step < 2.5 * pitch for step in steps):
            continue
        chars = [glyphs[run[0]][0]]
        for step, b in zip(steps, run[1:], strict=True):
            chars.extend((" ", glyphs[b][0]) if step > 1.5 * pitch else (glyphs[b][0],))
        out.append((run, "".join(chars)))
    return out


def take_rotated_labels(
    glyphs: list[Glyph],
    textpage: pdfium.PdfTextPage,
    inked: np.ndarray,
    box: np.ndarray,
    settings: PdfSettings,
    rotated: list[Word],
    candidates: list[int] | None = None,
) -> Sequence[Glyph]:
    """Each rotated, angled or stacked label as one word: its text read by where its glyphs are
    printed, its box where it is printed (an angled label: see `RotatedWord`).

    A header cell turned 90 degrees draws its glyphs one above the other; read one by one they
    fall into as many "lines" as glyphs and scramble with the upright text beside them. Angles
    are read for the stacked glyphs only, then for the glyphs next to a rotated one (a one-letter
    word), so a page with no rotated text costs no pdfium call here. pdfium's generated breaks
    inside a rotated line are dropped; a space is put where the glyphs leave a gap. The lines of
    a wrapped label (drawn one after the other, side by side, one pitch apart) make one label,
    also where labels too wide for a short row run into and over one another.
    """
    if candidates is None:
        candidates = _stacked(inked, box, settings)
    if not candidates:
        return glyphs
    ink_rank = {index: rank for rank, index in enumerate(inked.tolist())}
    angles: dict[int, float] = {}
    # a page stored turned (/Rotate, turned.py): angles as the page is shown, not as it is stored
    turn = np.deg2rad(page_turn(textpage))

    def is_rotated(index: int) -> bool:
        if index not in angles:
            angle = float(pdfium_c.FPDFText_GetCharAngle(textpage.raw, index))
            angles[index] = (angle + turn) % (2 * np.pi) if angle >= 0 and turn else angle  # (pdfium: clockwise)
        angle = angles[index]
        return angle >= 0 and _UPRIGHT < angle < 2 * np.pi - _UPRIGHT

    todo = list(candidates)
    turned: set[int] = set()
    while todo:
        index = todo.pop()
        if index in turned or not is_rotated(index):
            continue
        turned.add(index)
        rank = ink_rank[index]
        for other_rank in (rank - 1, rank + 1):  # the next inked glyph either way
            if 0 <= other_rank < len(inked):
                todo.append(int(inked[other_rank]))
    # `glyphs` may be a view that makes each glyph when asked (pdf.py): copied only once a label is
    # taken (most pages with stacked glyphs have none, and then `glyphs` comes back as it is)
    out: list[Glyph] | None = None
    found: list[tuple[int, RotatedWord]] = []  # (first glyph drawn, label)

    def take(members: list[int], text: str, across: Glyph, lean: float = 0.0) -> None:
        """The label as one word, boxed down the page over all its glyphs and across over `across`'s."""
        nonlocal out
        if out is None:
            out = list(glyphs)
        top, bottom = min(glyphs[i][2] for i in members), max(glyphs[i][4] for i in members)
        first, last = min(members), max(members)
        out[first : last + 1] = [_BLANK] * (last + 1 - first)
        word = RotatedWord(text, min(across[1], across[3]), top, max(across[1], across[3]), bottom, lean,
                           (across[2] + across[4]) / 2)
        found.append((first, word))

    for run, text in stacked_letters(glyphs, sorted(set(candidates) - turned), ink_rank):
        take(run, text, (text, min(glyphs[i][1] for i in run), 0.0, max(glyphs[i][3] for i in run), 0.0))
    oblique = sorted(i for i in turned if not _right_angle(angles[i]))
    for label, text in angled_labels(glyphs, oblique, angles, ink_rank):
        # an angled label leans over the columns beside its own (after it when it rises to the right,
        # before it when it falls to the right): it belongs to the column it stands on, where its
        # lines meet the row's bottom rule (the reader knows the rules: here, its lowest glyph)
        members = [i for line in label for i in line]
        lowest = max(members, key=lambda i: (glyphs[i][4], -i))
        # pdfium's angle turns clockwise on the page: the line runs (cos, sin) in top-down points
        lean = float(np.cos(angles[lowest]) / np.sin(angles[lowest]))
        take(members, text, glyphs[lowest], lean)
    turned -= set(oblique)
    if not turned:
        rotated.extend(word for _, word in sorted(found, key=lambda f: f[0]))
        return glyphs if out is None else out
    if out is None:
        out = list(glyphs)
    order = sorted(turned)

    def size(i: int, j: int) -> float:
        return max(glyphs[i][3] - glyphs[i][1], glyphs[j][3] - glyphs[j][1], 1.0)

    def across(i: int, j: int) -> float:
        return abs((glyphs[j][1] + glyphs[j][3]) - (glyphs[i][1] + glyphs[i][3])) / 2

    def in_sequence(i: int, j: int) -> bool:  # nothing upright drawn between them, same angle
        return ink_rank[j] == ink_rank[i] + 1 and abs(angles[i] - angles[j]) < _UPRIGHT

    def along(i: int, j: int) -> float:  # signed: which way a line's glyphs move along y (down the page: +)
        return (glyphs[j][2] + glyphs[j][4]) - (glyphs[i][2] + glyphs[i][4])

    # which way the page's rotated lines read (up or down it): most glyphs drawn one after the other
    # on one line step that way
    steps = [along(i, j) for i, j in itertools.pairwise(order)
             if in_sequence(i, j) and across(i, j) < settings.stacked_across * size(i, j)]
    reading = -1.0 if sum(1 for d in steps if d < 0) > len(steps) / 2 else 1.0

    def drawn_after(i: int, j: int) -> bool:  # only rotated text drawn between them, same angle
        ranks = range(ink_rank[i] + 1, ink_rank[j])
        return ink_rank[j] > ink_rank[i] and abs(angles[i] - angles[j]) < _UPRIGHT and all(
            int(inked[k]) in turned for k in ranks)

    def goes_on(last: int, index: int, near: bool = False) -> bool:
        """The glyph after `last` on its printed line: moving the way lines read, not printed over it
        (a glyph printed over the last is another label's); `near`: within a glyph or so of it."""
        ahead = along(last, index) * reading  # twice the distance between their middles
        return across(last, index) < settings.stacked_across * size(last, index) and (
            0.25 * size(last, index) < ahead) and (not near or ahead < 4 * size(last, index))

    # lines: rotated glyphs drawn in sequence on one printed line (a new line moves across; a glyph
    # that moves back along the line is the first of another label printed over this one, and the
    # line may go on after it: labels too wide for a short row are drawn over one another)
    lines: list[list[int]] = [[order[0]]]
    for index in order[1:]:
        last = lines[-1][-1]
        if in_sequence(last, index) and goes_on(last, index):
            lines[-1].append(index)
            continue
        earlier = next((line for line in lines[-3:-1]
                        if drawn_after(line[-1], index) and goes_on(line[-1], index, near=True)), None)
        if earlier is not None:
            earlier.append(index)
        else:
            lines.append([index])

    def centre(line: list[int]) -> float:  # across: rotated lines stand side by side along x
        return sum(glyphs[i][1] + glyphs[i][3] for i in line) / (2 * len(line))

    def continues(label: list[list[int]], line: list[int]) -> bool:
        """The line is the label's next: drawn after it, overlapping it along, one step across the
        way its lines step (a step back, or a short or long one, is another cell's label)."""
        prev = label[-1]
        a, b = prev[-1], line[0]
        top_a, bottom_a = min(glyphs[i][2] for i in prev), max(glyphs[i][4] for i in prev)
        top_b, bottom_b = min(glyphs[i][2] for i in line), max(glyphs[i][4] for i in line)
        # drawn after the label's line began: in a short row LibreOffice may draw a line (`7` of
        # `2016/1` / `7` / `Target`) before the end of the line above it
        if not drawn_after(prev[0], b) or min(bottom_a, bottom_b) - max(top_a, top_b) <= 0:
            return False
        step = centre(line) - centre(prev)
        if len(label) > 1:  # the label's own pitch: the same step again, the same way
            first = centre(label[1]) - centre(label[0])
            return step * first > 0 and settings.wrapped_label_step <= step / first <= 1 / settings.wrapped_label_step
        # side by side (not printed over it), within a line pitch
        return 0.5 * size(a, b) <= abs(step) and across(a, b) < settings.wrapped_label_pitch * size(a, b)

    def pitch(label: list[list[int]]) -> float | None:
        return abs(centre(label[1]) - centre(label[0])) if len(label) > 1 else None

    # labels: the next line of a wrapped label is drawn next, one line pitch across, overlapping along.
    # In a row too short for them, labels wider than their columns run into one another and a line of
    # the next cell's label may be drawn before the last line of this one: of the labels still being
    # drawn, the line goes to the one it continues at the steadiest pitch
    labels: list[list[list[int]]] = []
    for line in lines:
        usual = next((p for p in map(pitch, reversed(labels)) if p), None)
        best: tuple[float, int] | None = None
        for k in range(max(0, len(labels) - 3), len(labels)):
            if not continues(labels[k], line):
                continue
            expected = pitch(labels[k]) or usual
            step = abs(centre(line) - centre(labels[k][-1]))
            score = abs(step / expected - 1) if expected else 0.0
            if best is None or score < best[0]:
                best = (score, k)
        if best is None:
            labels.append([line])
        else:
            labels[best[1]].append(line)
    for label in labels:
        # read by position, not in the order drawn: along each line the way lines read, and line after
        # line the way they step (text reading down the page wraps leftwards, reading up: rightwards)
        for line in label:
            line.sort(key=lambda i: (glyphs[i][2] + glyphs[i][4]) * reading)
        label.sort(key=lambda line: centre(line) * -reading)
        words = []
        for line in label:
            chars = [glyphs[line[0]][0]]
            for a, b in itertools.pairwise(line):
                if _along_gap(glyphs[a], glyphs[b]) > settings.word_gap * size(a, b):
                    chars.append(" ")
                chars.append(glyphs[b][0])
            words.append("".join(chars))
        members = [i for line in label for i in line]
        box_of = (
            min(glyphs[i][1] for i in members),
            min(glyphs[i][2] for i in members),
            max(glyphs[i][3] for i in members),
            max(glyphs[i][4] for i in members),
        )
        first, last = min(members), max(members)
        out[first : last + 1] = [_BLANK] * (last + 1 - first)
        found.append((first, RotatedWord(normalise_space(" ".join(words)), *box_of)))
    rotated.extend(word for _, word in sorted(found, key=lambda f: f[0]))  # in the order drawn
    return out
