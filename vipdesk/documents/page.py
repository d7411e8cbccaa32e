"""What every page carries: the letterhead (with the logo, when there is one), the reference
in the footer and "Página X de Y".

The page count is known only when the last page is laid out, so the canvas keeps each page's
drawing state and writes the numbers when the document is saved (two passes over the pages,
one layout).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from io import BytesIO
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Image, Table

from vipdesk.documents.fonts import REGULAR
from vipdesk.documents.placeholders import TAX_ID_LABELS
from vipdesk.documents.snapshot import Letterhead
from vipdesk.documents.styles import (
    ACCENT,
    FRAME_WIDTH,
    MARGIN_X,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    esc,
    para,
    plain_style,
)

TOP = 34.0  # from the top edge of the paper to the letterhead
FOOTER_Y = 34.0
LOGO_HEIGHT = 42.0
LOGO_MAX_WIDTH = 120.0


class Band:
    """The letterhead, laid out once and drawn on every page."""

    def __init__(self, head: Letterhead) -> None:
        names = [
            para(esc(head.trade_name), "letterhead_name"),
            para(
                f"{esc(head.legal_name)}<br/>{TAX_ID_LABELS[head.country]} {esc(head.tax_id)}",
                "letterhead_small",
            ),
        ]
        contact = [head.address, head.city, f"Tel. {head.phone}", head.email, head.website]
        right = para("<br/>".join(esc(x) for x in contact if x.strip()), "letterhead_right")
        cells: list[object] = [names, right]
        widths = [FRAME_WIDTH - 175, 175.0]
        if head.logo is not None:
            logo = Image(BytesIO(head.logo))
            scale = min(LOGO_HEIGHT / logo.imageHeight, LOGO_MAX_WIDTH / logo.imageWidth)
            logo.drawWidth, logo.drawHeight = logo.imageWidth * scale, logo.imageHeight * scale
            logo.hAlign = "LEFT"
            cells.insert(0, logo)
            widths = [logo.drawWidth + 10, widths[0] - logo.drawWidth - 10, widths[1]]
        self.table = Table([cells], colWidths=widths, hAlign="LEFT")
        self.table.setStyle(
            plain_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        _width, self.height = self.table.wrap(FRAME_WIDTH, PAGE_HEIGHT)

    @property
    def top_margin(self) -> float:
        """Where the text frame starts, below the letterhead and its rule."""
        return TOP + float(self.height) + 24

    def draw(self, canvas: Canvas) -> None:
        y = PAGE_HEIGHT - TOP - self.height
        self.table.drawOn(canvas, MARGIN_X, y)
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(1.4)
        canvas.line(MARGIN_X, y - 8, PAGE_WIDTH - MARGIN_X, y - 8)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN_X, y - 10.5, PAGE_WIDTH - MARGIN_X, y - 10.5)


def page_decorator(band: Band, reference: str) -> Callable[[Canvas, Any], None]:
    """The ``onPage`` callback: letterhead on top, reference and rule at the foot."""

    def decorate(canvas: Canvas, _doc: Any) -> None:
        canvas.saveState()
        band.draw(canvas)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN_X, FOOTER_Y + 11, PAGE_WIDTH - MARGIN_X, FOOTER_Y + 11)
        canvas.setFont(REGULAR, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN_X, FOOTER_Y, reference)
        canvas.restoreState()

    return decorate


def canvas_maker(issued_on: date, pages: list[int]) -> Callable[..., Canvas]:
    """A canvas class for ``doc.build(canvasmaker=...)`` that numbers the pages, dates the
    file by ``issued_on`` (not by the clock, so the same data gives the same bytes) and
    appends the page count to ``pages``."""
    stamp = f"D:{issued_on:%Y%m%d}000000"

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.setDateFormatter(lambda *_parts: stamp)
            self._states: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._states.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._states)
            for number, state in enumerate(self._states, start=1):
                self.__dict__.update(state)
                self.setFont(REGULAR, 7.5)
                self.setFillColor(MUTED)
                self.drawRightString(PAGE_WIDTH - MARGIN_X, FOOTER_Y, f"Página {number} de {total}")
                super().showPage()
            pages.append(total)
            super().save()

    return NumberedCanvas
