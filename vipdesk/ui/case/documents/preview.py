"""A generated PDF shown inside the app, and printed.

The bytes come from the service (already checked against their SHA-256) and are read from
memory (a QBuffer): a confidential letter is never written to a temporary file to be shown.
Printing draws each page, rendered at the printer's resolution, on the chosen printer.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from vipdesk.ui.widgets import named


class PdfPreview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self._title = ""
        self.view = named(QPdfView(self), "pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.caption = named(QLabel(), "countLabel")
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        # A narrow preview shortens the caption, never the zoom buttons' words.
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.fit_width = named(QPushButton(), "fitWidthButton")
        self.fit_page = named(QPushButton(), "fitPageButton")
        self.fit_width.setCheckable(True)
        self.fit_page.setCheckable(True)
        self.fit_width.setChecked(True)
        self.fit_width.clicked.connect(lambda: self._zoom(QPdfView.ZoomMode.FitToWidth))
        self.fit_page.clicked.connect(lambda: self._zoom(QPdfView.ZoomMode.FitInView))
        self.empty = named(QLabel(), "emptyLabel")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.caption, 1)
        bar.addWidget(self.fit_width)
        bar.addWidget(self.fit_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)
        self.view.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.fit_width.setText(self.tr("Fit width"))
        self.fit_page.setText(self.tr("Whole page"))
        self.fit_width.setToolTip(self.tr("Zoom so the page fills the width"))
        self.fit_page.setToolTip(self.tr("Zoom so a whole page is seen"))
        self.view.setAccessibleName(self.tr("Preview of the document"))
        self.empty.setText(self.tr("Select a document to see it here."))
        self._show_caption()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- content ----------------------------------------------------------------------------

    def show_pdf(self, pdf: bytes, title: str = "") -> bool:
        """Show ``pdf``; False (and the preview cleared) when Qt cannot read it."""
        self.clear()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer
        self._title = title
        self.document.load(buffer)
        ok = self.document.status() == QPdfDocument.Status.Ready
        self.view.setVisible(ok)
        self.empty.setVisible(not ok)
        self._show_caption()
        return ok

    def clear(self) -> None:
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None
        self._title = ""
        self.view.hide()
        self.empty.show()
        self._show_caption()

    def page_count(self) -> int:
        return self.document.pageCount() if self._buffer is not None else 0

    def _show_caption(self) -> None:
        count = self.page_count()
        pages = self.tr("%n page(s)", "", count) if count else ""
        text = " · ".join(part for part in (self._title, pages) if part)
        self.caption.setText(text)
        self.caption.setToolTip(text)
        for button in (self.fit_width, self.fit_page):
            button.setEnabled(bool(count))

    def _zoom(self, mode: QPdfView.ZoomMode) -> None:
        self.view.setZoomMode(mode)
        self.fit_width.setChecked(mode == QPdfView.ZoomMode.FitToWidth)
        self.fit_page.setChecked(mode == QPdfView.ZoomMode.FitInView)

    # -- printing ---------------------------------------------------------------------------

    def print_to(self, printer: QPrinter) -> int:
        """Print every page of the document shown on ``printer``; returns the pages printed
        (0 when nothing is shown or the printer cannot be opened)."""
        count = self.page_count()
        if not count:
            return 0
        painter = QPainter()
        if not painter.begin(printer):
            return 0
        try:
            resolution = printer.resolution()
            for page in range(count):
                if page:
                    printer.newPage()
                size = self.document.pagePointSize(page)
                # Points are 1/72 inch: the page at the printer's own resolution.
                pixels = QSize(round(size.width() * resolution / 72),
                               round(size.height() * resolution / 72))  # fmt: skip
                image = self.document.render(page, pixels)
                area = painter.viewport()
                fitted = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(area.topLeft(), fitted), image)
        finally:
            painter.end()
        return count
