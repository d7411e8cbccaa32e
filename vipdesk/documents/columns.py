"""Column widths of the letters' tables, worked out from what the cells hold.

Fixed widths cannot know the data: a total of "Q 999,999,999.99" in bold overran its column
and printed over the next one. A table says instead how each column takes its width:

- ``FIT``: exactly as wide as its widest cell and its header (dates, numbers, short codes);
- ``Share(weight)``: a share of the width the ``FIT`` columns leave, never narrower than its
  longest unbreakable content: a whole amount or label (plain strings never wrap), the longest
  word of a paragraph, the longest word of its header.

When the columns cannot fit at the table's type size, the body is set smaller, step by step;
if they still cannot, amounts and labels become paragraphs that may wrap at their spaces
("Q" above the figures) rather than overlap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from vipdesk.documents.fonts import BOLD, REGULAR

_HUGE = 100_000.0
# Type sizes the body of a crowded table steps down through before its cells wrap, and then
# while they wrap (only amounts in the billions, several in a row, come this far).
SIZES = (8.0, 7.5, 7.0, 6.5, 6.0, 5.5)
WRAPPED_SIZES = (5.5, 5.0)


class Column:
    """How a column takes its width: ``FIT`` or a ``Share``."""


@dataclass(frozen=True)
class Share(Column):
    """A column that takes ``weight`` shares of the width the ``FIT`` columns leave."""

    weight: float = 1.0


class _Fit(Column):
    def __repr__(self) -> str:
        return "FIT"


FIT = _Fit()


def natural_width(cell: object, font: str, size: float) -> float:
    """The width ``cell`` takes on one line (a paragraph: its longest line, breaks kept)."""
    if isinstance(cell, str):
        return max((stringWidth(line, font, size) for line in cell.split("\n")), default=0.0)
    if isinstance(cell, Paragraph):
        cell.wrap(_HUGE, _HUGE)
        return max(cell.getActualLineWidths0(), default=0.0)
    if isinstance(cell, list | tuple):
        return max((natural_width(x, font, size) for x in cell), default=0.0)
    return 0.0


def narrowest(cell: object, font: str, size: float) -> float:
    """The width ``cell`` cannot go below without breaking a word (a string: all of it)."""
    if isinstance(cell, str):
        return natural_width(cell, font, size)
    if isinstance(cell, Paragraph):
        return float(cell.minWidth())
    if isinstance(cell, list | tuple):
        return max((narrowest(x, font, size) for x in cell), default=0.0)
    return 0.0


def _header_words(label: object) -> tuple[float, float]:
    """(whole, longest word) of a header label, in the header's bold 8 pt."""
    if isinstance(label, Paragraph):
        return natural_width(label, BOLD, 8), narrowest(label, BOLD, 8)
    if isinstance(label, str):
        words = label.split() or [""]
        return stringWidth(label, BOLD, 8), max(stringWidth(w, BOLD, 8) for w in words)
    return 0.0, 0.0


def widths(
    rows: Sequence[Sequence[object]],
    columns: Sequence[Column],
    total: float,
    *,
    size: float,
    bold_rows: Sequence[int] = (),
    header: bool = True,
    padding: float = 10.0,
    wrapping: bool = False,
    squeeze: bool = False,
) -> list[float] | None:
    """The width of each of ``columns`` for ``rows`` at type size ``size``, adding up to
    ``total``; None when they cannot fit. ``wrapping``: strings are measured by their longest
    word (the caller makes them paragraphs). ``squeeze``: rather than None, every column
    narrowed in proportion (a paragraph then breaks its longest words)."""
    body = rows[1:] if header else rows
    first = 1 if header else 0
    need: list[float] = []  # FIT: its width; Share: its minimum
    for index, column in enumerate(columns):
        widest = 0.0
        for offset, row in enumerate(body):
            cell = row[index]
            font = BOLD if offset + first in bold_rows else REGULAR
            if isinstance(column, Share) or wrapping:
                if wrapping and isinstance(cell, str):
                    cell_width = max((stringWidth(w, font, size) for w in cell.split()), default=0)
                else:
                    cell_width = narrowest(cell, font, size)
            else:
                cell_width = natural_width(cell, font, size)
            widest = max(widest, cell_width)
        if header:
            whole, word = _header_words(rows[0][index])
            widest = max(widest, word if isinstance(column, Share) else whole)
        need.append(widest + padding)
    found = _share_out(need, columns, total)
    if found is None and squeeze:
        return [w * total / sum(need) for w in need]
    return found


def _share_out(need: list[float], columns: Sequence[Column], total: float) -> list[float] | None:
    """``FIT`` columns get what they need, ``Share`` columns the rest by weight, each at least
    what it needs; None if that is more than ``total``."""
    fixed = sum(w for w, c in zip(need, columns, strict=True) if not isinstance(c, Share))
    shares = {i: c.weight for i, c in enumerate(columns) if isinstance(c, Share)}
    if not shares:
        if fixed > total + 0.01:
            return None
        spare = (total - fixed) / len(columns)  # nothing flexible: spread what is left
        return [w + spare for w in need]
    left = total - fixed
    out = list(need)
    free = dict(shares)
    # Share out what is left by weight; a column whose share is below its minimum keeps its
    # minimum and leaves the rest to the others, until every share holds.
    while free:
        weight = sum(free.values())
        short = {i for i, w in free.items() if left * w / weight < need[i]}
        if not short:
            for i, w in free.items():
                out[i] = left * w / weight
            return out
        for i in short:
            left -= need[i]
            del free[i]
        if left < -0.01:
            return None
    return out if left > -0.01 else None


def wrapped_cell(text: str, size: float, *, bold: bool, right: bool) -> Paragraph:
    """A string cell that may wrap at its spaces, as the table would have set it."""
    style = ParagraphStyle(
        "wrapped",
        fontName=BOLD if bold else REGULAR,
        fontSize=size,
        leading=size + 2,
        alignment=TA_RIGHT if right else TA_LEFT,
    )
    return Paragraph(escape(text), style)
