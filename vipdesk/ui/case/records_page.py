"""A case page listing records of one kind, newest first, with a button to add one.

After a form saved a record the page emits ``changed`` (the tab reloads the case) and, when the
reloaded case arrives, selects the new row and scrolls to it.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from PySide6.QtCore import QItemSelection, QModelIndex, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vipdesk.services.dto import CaseDetail
from vipdesk.ui.case.activity_models import RowsModel
from vipdesk.ui.case.base import CaseEnv, CasePage
from vipdesk.ui.case.form_dialog import FormDialog
from vipdesk.ui.column_memory import ColumnMemory
from vipdesk.ui.widgets import empty_overlay, named, record_table
from vipdesk.ui.workers import TaskRunner

MAX_COLUMN_WIDTH = 340
MIN_SHRUNK_WIDTH = 160


class RecordsPage(CasePage):
    def __init__(
        self,
        env: CaseEnv,
        runner: TaskRunner,
        model: RowsModel[Any],
        table_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(env, runner, parent)
        self.model = model
        self.dialog: FormDialog | None = None
        self._select: UUID | None = None
        self.count_label = named(QLabel(), "countLabel")
        self.new_button = named(QPushButton(), "primaryButton")
        self.new_button.clicked.connect(self.open_form)
        self.new_button.setEnabled(False)  # until the case is loaded
        self.table = record_table(table_name, self.model)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.columns = ColumnMemory(self.table, env.settings, table_name, self._fit_columns)
        # Over the empty rows, under the column titles: "nothing yet" rather than a blank box.
        self.empty_label = empty_overlay(self.table)
        bar = QHBoxLayout()
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        bar.addWidget(self.new_button)
        self.page_layout = QVBoxLayout(self)
        self.page_layout.setContentsMargins(16, 12, 16, 16)
        self.page_layout.setSpacing(10)
        self.page_layout.addLayout(bar)
        self.page_layout.addWidget(self.table, 3)

    # -- for subclasses ---------------------------------------------------------------------

    def rows_of(self, detail: CaseDetail) -> tuple[Any, ...]:
        raise NotImplementedError

    def make_dialog(self, detail: CaseDetail) -> FormDialog:
        raise NotImplementedError

    def show_selected(self, row: Any | None) -> None:
        """The selected record changed (``None``: nothing selected)."""

    def count_text(self, count: int) -> str:
        raise NotImplementedError

    def empty_text(self) -> str:
        """What the empty table says (the case has no record of this kind yet)."""
        return ""

    # -- shared -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.model.retranslate()
        self.count_label.setText(self.count_text(self.model.rowCount()))
        self._show_empty()

    def _show_empty(self) -> None:
        self.empty_label.setText(self.empty_text())
        self.empty_label.setVisible(self.detail is not None and self.model.rowCount() == 0)

    def show_detail(self, detail: CaseDetail) -> None:
        chosen = self.selected()
        keep = self._select or (chosen.id if chosen is not None else None)
        super().show_detail(detail)
        self.model.set_rows(self.rows_of(detail))
        self.columns.apply()
        self.count_label.setText(self.count_text(self.model.rowCount()))
        self._show_empty()
        self.new_button.setEnabled(True)
        row = self.model.row_of(keep) if keep is not None else -1
        if row < 0 and self.model.rowCount():
            row = 0  # the newest
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        else:
            self.show_selected(None)
        self._select = None

    def _fit_columns(self) -> None:
        # Widths from the first rows only: Qt reads 1,000 by default, which with a case of
        # 5,000 contacts is most of the time it takes to open the tab.
        self.table.horizontalHeader().setResizeContentsPrecision(80)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount() - 1):
            # Long free text (notes) must not push the later columns off screen.
            header.resizeSection(column, min(header.sectionSize(column) + 16, MAX_COLUMN_WIDTH))
        # Still wider than the table: take the excess from the widest column (the notes, whole
        # in the details below), never below a readable width.
        excess = header.length() - self.table.viewport().width()
        widest = max(range(self.model.columnCount()), key=header.sectionSize, default=None)
        if excess > 0 and widest is not None:
            size = header.sectionSize(widest)
            header.resizeSection(widest, max(MIN_SHRUNK_WIDTH, size - excess))

    def selected(self) -> Any | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self.show_selected(self.selected())

    def open_form(self) -> FormDialog | None:
        if self.detail is None or (self.dialog is not None and self.dialog.isVisible()):
            return self.dialog
        dialog = self.make_dialog(self.detail)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)
        dialog.destroyed.connect(lambda _obj=None: self._forget(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _forget(self, dialog: FormDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _saved(self, record_id: object) -> None:
        self._select = record_id if isinstance(record_id, UUID) else None
        self.changed.emit()

    def has_unsaved_changes(self) -> bool:
        dialog = self.dialog
        return dialog is not None and dialog.isVisible() and dialog.has_typed()

    def current_index(self) -> QModelIndex:
        return self.table.currentIndex()
