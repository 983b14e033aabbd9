"""Pages stored turned: a page whose /Rotate (90, 180 or 270 degrees clockwise) tells viewers to
show it turned, as some printer drivers and exporters store landscape pages (portrait paper, the
content drawn a quarter turn round). pdfium gives glyph boxes and paths in the page's own (unturned)
space, but its size as shown; such a page is read as it is shown, both turned here to where a viewer shows them. Only
when its text then stands upright: a page of upright text turned to show it sideways (a landscape
chart bound into a portrait report) is read as stored, the way a reader turns the paper.
"""

from __future__ import annotations

import math

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extract.model import Rule

_SAMPLE = 60  # glyphs whose angle decides which way a turned page's text stands
_ANGLE_SLACK = 0.2  # radians


def page_turn(textpage: pdfium.PdfTextPage) -> int:
    """The turn (0, 90, 180 or 270) to read a page's glyphs by: its /Rotate when most of a sample
    of its glyphs stand upright as the page is shown, else 0 (read as stored). pdfium gives a
    glyph's angle clockwise, so a glyph at `a` stands at `a + turn` as shown."""
    rotation = textpage.page.get_rotation()
    if rotation not in (90, 180, 270):
        return 0
    count = textpage.count_chars()
    step = max(1, count // _SAMPLE)
    shown = stored = 0
    for index in range(0, count, step):
        angle = float(pdfium_c.FPDFText_GetCharAngle(textpage.raw, index))
        if angle < 0:
            continue
        for turn, tally in ((rotation, "shown"), (0, "stored")):
            off = (angle + math.radians(turn)) % (2 * math.pi)
            if min(off, 2 * math.pi - off) <= _ANGLE_SLACK:
                if tally == "shown":
                    shown += 1
                else:
                    stored += 1
    return rotation if shown > stored else 0


def shown_size(width: float, height: float, rotation: int) -> tuple[float, float]:
    """The (width, height) a page of `width` x `height` is shown at, turned by `rotation`."""
    return (height, width) if rotation in (90, 270) else (width, height)


def turn_boxes(box: np.ndarray, rotation: int, width: float, height: float) -> np.ndarray:
    """Boxes (rows of left, top, right, bottom; y up) of a `width` x `height` page's own space,
    where a viewer shows them when the page is turned `rotation` degrees clockwise (y up)."""
    left, top, right, bottom = box.T
    if rotation == 90:  # shown at (y, width - x)
        turned = (bottom, width - left, top, width - right)
    elif rotation == 180:  # (width - x, height - y)
        turned = (width - right, height - bottom, width - left, height - top)
    elif rotation == 270:  # (height - y, x)
        turned = (height - top, right, height - bottom, left)
    else:
        return box
    return np.stack(turned, axis=1)


def turn_rule(rule: Rule, rotation: int, width: float, height: float) -> Rule:
    """A rule read top-down in a `width` x `height` page's own space, as the turned page shows it."""

    def point(x: float, t: float) -> tuple[float, float]:  # (x, top-down y) as shown
        if rotation == 90:
            return height - t, x
        if rotation == 180:
            return width - x, height - t
        return t, width - x  # 270

    if rotation not in (90, 180, 270):
        return rule
    (ax, at), (bx, bt) = point(rule.x0, rule.top), point(rule.x1, rule.bottom)
    orientation = rule.orientation if rotation == 180 else ("v" if rule.orientation == "h" else "h")
    return Rule(orientation, min(ax, bx), min(at, bt), max(ax, bx), max(at, bt))
