"""The look of the letters: page, colours, type and table styles, and the escaping of text.

One typeface (DejaVu Sans, embedded) in a few sizes; a dark blue for headings and table heads,
light zebra rows; amounts right-aligned.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Table, TableStyle

from vipdesk.documents.columns import SIZES, WRAPPED_SIZES, Column, widths, wrapped_cell
from vipdesk.documents.fonts import BOLD, OBLIQUE, REGULAR, register_fonts
from vipdesk.documents.wording import printable_text

# Carta (US Letter): the usual paper in Guatemala and Mexico.
PAGE_WIDTH, PAGE_HEIGHT = LETTER
MARGIN_X = 56.0  # from the paper's edge to the text, on both sides
MARGIN_BOTTOM = 52.0
FRAME_PADDING = 6.0  # ReportLab's frames pad their content by this much
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X  # the width of the text (and of every table)

ACCENT = colors.HexColor("#1F3A5F")
ACCENT_LIGHT = colors.HexColor("#E6ECF3")
ZEBRA = colors.HexColor("#F4F6F9")
RULE = colors.HexColor("#B8C4D3")
MUTED = colors.HexColor("#5A6675")
TEXT = colors.HexColor("#1A1A1A")


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle(
        "body",
        fontName=REGULAR,
        fontSize=9.5,
        leading=13.5,
        textColor=TEXT,
        alignment=TA_JUSTIFY,
        spaceAfter=6,
    )
    cell = ParagraphStyle(
        "cell", parent=body, fontSize=8, leading=10, alignment=TA_LEFT, spaceAfter=0
    )
    return {
        "body": body,
        "left": ParagraphStyle("left", parent=body, alignment=TA_LEFT),
        "title": ParagraphStyle(
            "title",
            parent=body,
            fontName=BOLD,
            fontSize=13,
            leading=17,
            textColor=ACCENT,
            alignment=TA_CENTER,
            spaceBefore=2,
            spaceAfter=10,
        ),
        "heading": ParagraphStyle(
            "heading",
            parent=body,
            fontName=BOLD,
            fontSize=10.5,
            leading=14,
            textColor=ACCENT,
            alignment=TA_LEFT,
            spaceBefore=8,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "subheading": ParagraphStyle(
            "subheading",
            parent=body,
            fontName=BOLD,
            fontSize=9.5,
            alignment=TA_LEFT,
            spaceBefore=4,
            spaceAfter=2,
            keepWithNext=1,
        ),
        "bullet": ParagraphStyle(
            "bullet",
            parent=body,
            leftIndent=16,
            bulletIndent=5,
            spaceAfter=3,
        ),
        "party": ParagraphStyle("party", parent=body, leftIndent=14),
        "dateline": ParagraphStyle("dateline", parent=body, alignment=TA_RIGHT, spaceAfter=0),
        "reference": ParagraphStyle(
            "reference",
            parent=body,
            fontSize=8,
            leading=10,
            textColor=MUTED,
            alignment=TA_RIGHT,
            spaceAfter=10,
        ),
        "small": ParagraphStyle("small", parent=cell, fontSize=7.5, leading=9.5, textColor=MUTED),
        "hash": ParagraphStyle("hash", parent=cell, fontSize=7, leading=8.5),
        "cell_small": ParagraphStyle("cell_small", parent=cell, fontSize=7.5, leading=9),
        "cell_small_bold": ParagraphStyle(
            "cell_small_bold", parent=cell, fontSize=7.5, leading=9, fontName=BOLD
        ),
        "empty": ParagraphStyle("empty", parent=body, fontName=OBLIQUE, textColor=MUTED),
        "cell": cell,
        "cell_bold": ParagraphStyle("cell_bold", parent=cell, fontName=BOLD),
        "cell_right": ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        "cell_head": ParagraphStyle(
            "cell_head", parent=cell, fontName=BOLD, textColor=colors.white
        ),
        "cell_head_right": ParagraphStyle(
            "cell_head_right",
            parent=cell,
            fontName=BOLD,
            textColor=colors.white,
            alignment=TA_RIGHT,
        ),
        "letterhead_name": ParagraphStyle(
            "letterhead_name",
            parent=body,
            fontName=BOLD,
            fontSize=13,
            leading=16,
            textColor=ACCENT,
            alignment=TA_LEFT,
            spaceAfter=1,
        ),
        "letterhead_small": ParagraphStyle(
            "letterhead_small",
            parent=cell,
            fontSize=7.5,
            leading=9.5,
            textColor=MUTED,
        ),
        "letterhead_right": ParagraphStyle(
            "letterhead_right",
            parent=cell,
            fontSize=7.5,
            leading=9.5,
            textColor=MUTED,
            alignment=TA_RIGHT,
        ),
    }


def esc(value: str) -> str:
    """User text as paragraph markup: composed accents, ``&``, ``<`` and ``>`` escaped."""
    return escape(printable_text(value))


def esc_lines(value: str) -> str:
    """Like :func:`esc`, keeping the text's line breaks."""
    return "<br/>".join(esc(line) for line in printable_text(value).strip().split("\n"))


def para(markup: str, style: str = "body") -> Paragraph:
    """A paragraph of ``markup`` (already escaped)."""
    return Paragraph(markup, styles()[style])


def text_paragraphs(value: str, style: str = "body") -> list[Paragraph]:
    """Free text as paragraphs: a blank line starts a new one, a single line break stays."""
    blocks = [b.strip() for b in printable_text(value).split("\n\n")]
    return [para(esc_lines(b), style) for b in blocks if b]


def plain_style(commands: list[tuple[object, ...]]) -> TableStyle:
    """A table style that sets our font: a table names a font for every cell, even one holding
    only paragraphs, and ReportLab's default would list Helvetica (not embedded) in the file."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), *commands])


def grid(
    rows: Sequence[Sequence[object]],
    columns: Sequence[Column],
    *,
    header: bool = True,
    right: Sequence[int] = (),
    emphasis: Sequence[int] = (),
    zebra: bool = True,
    split_in_row: bool = False,
    padding: float = 5.0,
    total: float = FRAME_WIDTH,
) -> Table:
    """A table in the letters' style, ``total`` wide (the text's width): a dark header row
    repeated on every page, zebra rows, columns ``right`` right-aligned, rows ``emphasis``
    (indexes into ``rows``) bold on a tint. Each of ``columns`` is ``FIT`` or a ``Share``
    (documents/columns.py): the widths come from what the cells hold, so nothing overlaps."""
    rows = [list(row) for row in rows]
    if header:  # header labels wrap within their column, like the cells under them
        rows[0] = [
            para(esc(x), "cell_head_right" if i in right else "cell_head")
            if isinstance(x, str)
            else x
            for i, x in enumerate(rows[0])
        ]
    first = 1 if header else 0

    def fit(size: float, wrapping: bool = False, squeeze: bool = False) -> list[float] | None:
        return widths(rows, columns, total, size=size, bold_rows=emphasis, header=header,
                      padding=2 * padding, wrapping=wrapping, squeeze=squeeze)  # fmt: skip

    size, found = SIZES[0], None
    for size in SIZES:
        found = fit(size)
        if found is not None:
            break
    if found is None:  # too crowded even in small type: amounts wrap at their spaces
        plain = rows
        for size in WRAPPED_SIZES:
            rows = [
                [
                    wrapped_cell(x, size, bold=r in emphasis, right=i in right)
                    if r >= first and isinstance(x, str)
                    else x
                    for i, x in enumerate(row)
                ]
                for r, row in enumerate(plain)
            ]
            # The last size squeezes whatever is left: the figures of absurd amounts break.
            found = fit(size, wrapping=True, squeeze=size == WRAPPED_SIZES[-1])
            if found is not None:
                break
    assert found is not None
    table = Table(
        rows,
        colWidths=found,
        repeatRows=1 if header else 0,
        hAlign="LEFT",
        splitInRow=1 if split_in_row else 0,
    )
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("LEADING", (0, 0), (-1, -1), 10),
        ("FONTSIZE", (0, first), (-1, -1), size),
        ("LEADING", (0, first), (-1, -1), size + 2),
        ("TEXTCOLOR", (0, 0), (-1, -1), TEXT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
        ("LINEBELOW", (0, -1), (-1, -1), 0.6, ACCENT),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
            ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
            ("FONTNAME", (0, 0), (-1, 0), BOLD),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ]
    if zebra and len(rows) > first:
        commands.append(("ROWBACKGROUNDS", (0, first), (-1, -1), [colors.white, ZEBRA]))
    else:
        commands.append(("LINEBELOW", (0, first), (-1, -2), 0.25, RULE))
    for column in right:
        commands.append(("ALIGN", (column, 0), (column, -1), "RIGHT"))
    for row in emphasis:
        commands += [
            ("BACKGROUND", (0, row), (-1, row), ACCENT_LIGHT),
            ("FONTNAME", (0, row), (-1, row), BOLD),
            ("LINEABOVE", (0, row), (-1, row), 0.6, ACCENT),
        ]
    table.setStyle(TableStyle(commands))
    return table


def key_values(rows: list[tuple[str, str]], label_width: float, *, compact: bool = False) -> Table:
    """Label and value pairs (values already worded, escaped here) on a light box."""
    label_style, value_style = (
        ("cell_small_bold", "cell_small") if compact else ("cell_bold", "cell")
    )
    cells = [[para(esc(k), label_style), para(esc(v), value_style)] for k, v in rows]
    table = Table(cells, colWidths=[label_width, FRAME_WIDTH - label_width], hAlign="LEFT")
    padding = 1.5 if compact else 3
    table.setStyle(
        plain_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ROWBACKGROUNDS", (0, 0), (-1, -1), [ACCENT_LIGHT, None]),
                ("BOX", (0, 0), (-1, -1), 0.6, ACCENT),
                ("TOPPADDING", (0, 0), (-1, -1), padding),
                ("BOTTOMPADDING", (0, 0), (-1, -1), padding + 0.5),
            ]
        )
    )
    return table
