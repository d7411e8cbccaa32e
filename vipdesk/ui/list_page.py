"""What the top-level list pages ('Mi día', Aprobaciones, Recibidos) share: the dark header band
(title, subtitle, "loading…" and the counts), the problem label under it, a table of records
that remembers its column widths, and the handling of a load that failed.

This module holds no texts: each page sets its own in ``retranslate``, so that they keep the
page's class as their translation context.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QAbstractItemModel, QEvent, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vipdesk.core.errors import VipDeskError
from vipdesk.ui.column_memory import ColumnMemory
from vipdesk.ui.dialogs import error_text
from vipdesk.ui.widgets import empty_overlay, named, record_table
from vipdesk.ui.workers import Failure, TaskRunner


class ListPage(QWidget):
    """A page built around one list loaded off the GUI thread. Subclasses lay out :attr:`band`,
    :attr:`problem` and their table as they like, and implement :meth:`retranslate`."""

    failed = Signal(object)  # a Failure that is a bug: the window reports it

    def __init__(self, name: str, parent: QWidget | None = None, max_threads: int = 1) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.last_failure: Failure | None = None
        self.runner = TaskRunner(self, max_threads=max_threads)

        self.band = named(QFrame(), "headerBand")
        self._title = named(QLabel(), "headerTitle")
        self.subtitle = named(QLabel(), "headerSubtitle")
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self._title)
        titles.addWidget(self.subtitle)
        self.counts_label = named(QLabel(), "agendaCounts")
        self.loading_label = named(QLabel(), "loadingLabel")
        band_layout = QHBoxLayout(self.band)
        band_layout.setContentsMargins(20, 12, 20, 12)
        band_layout.setSpacing(12)
        band_layout.addLayout(titles)
        band_layout.addStretch(1)
        band_layout.addWidget(self.loading_label)
        band_layout.addWidget(self.counts_label)

        self.problem = named(QLabel(), "errorLabel")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)  # messages may quote what was typed
        self.problem.hide()

    def list_table(
        self,
        name: str,
        model: QAbstractItemModel,
        settings: QSettings | None,
        fit: Callable[[], None],
    ) -> QTableView:
        """The page's table (object name and settings key ``name``), with its overlay for an
        empty list (:attr:`empty_label`) and its column memory (:attr:`columns`)."""
        table = record_table(name, model)
        table.verticalHeader().setDefaultSectionSize(30)
        table.horizontalHeader().setHighlightSections(False)
        self.empty_label = empty_overlay(table)
        self.columns = ColumnMemory(table, settings, name, fit)
        return table

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _failed(self, failure: Failure) -> None:
        """A refused load is the user's to read above the list; anything else is a bug."""
        self.last_failure = failure
        self.loading_label.hide()
        if isinstance(failure.error, VipDeskError):
            self.problem.setText(error_text(failure.error))
            self.problem.show()
        else:
            self.failed.emit(failure)

    def shutdown(self) -> None:
        self.runner.shutdown()


def fit_columns(table: QTableView, caps: Mapping[int, int], stretch: int | None = None) -> None:
    """Fit the columns to their contents, capping the widths in ``caps`` (column: pixels; the
    whole text is in the tooltip) and letting column ``stretch``, if any, take the slack."""
    header = table.horizontalHeader()
    table.resizeColumnsToContents()
    for column, widest in caps.items():
        header.resizeSection(column, min(header.sectionSize(column), widest))
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
