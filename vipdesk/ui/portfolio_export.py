"""File > Export list…: the portfolio list as shown (search, filters, order) to Excel or CSV.
A mixin of :class:`MainWindow`; its strings belong to the "MainWindow" context.

The export runs off the GUI thread. It reports progress through a small shared object the
GUI polls (the worker thread never touches a widget), and a progress dialog with Cancel
appears only if the export takes more than a moment.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication, QDir, QObject, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QProgressDialog,
    QTableView,
    QWidget,
)

from vipdesk.services import export
from vipdesk.services.dto import Actor, SortKey
from vipdesk.ui import formatting, labels
from vipdesk.ui.columns import COLUMNS
from vipdesk.ui.widgets import named

if TYPE_CHECKING:
    from vipdesk.ui.portfolio_model import PortfolioModel
    from vipdesk.ui.workers import Failure, TaskRunner

PROGRESS_DELAY_MS = 400  # a small list is done before a dialog would even appear

_LABELS = {
    export.Field.SEGMENT: labels.segment_label,
    export.Field.BUCKET: labels.bucket_label,
    export.Field.PROMISE_STATUS: labels.promise_status_label,
    export.Field.STATUS: labels.case_status_label,
}


def export_headers() -> dict[export.Field, str]:
    """The file's column titles in the interface language: the table's own titles (one line
    each), plus the next action's date, which the table shows in the next action's column."""
    f = export.Field
    return {
        f.CASE_NUMBER: QCoreApplication.translate("PortfolioModel", "Case"),
        f.DEBTOR: QCoreApplication.translate("PortfolioModel", "Debtor"),
        f.SEGMENT: QCoreApplication.translate("PortfolioModel", "Segment"),
        f.CURRENCY: QCoreApplication.translate("PortfolioModel", "Currency"),
        f.EXPOSURE: QCoreApplication.translate("PortfolioModel", "Exposure"),
        f.DAYS_PAST_DUE: QCoreApplication.translate("PortfolioModel", "Days past due"),
        f.BUCKET: QCoreApplication.translate("PortfolioModel", "Bucket"),
        f.LAST_CONTACT: QCoreApplication.translate("PortfolioModel", "Last contact"),
        f.NEXT_ACTION_DATE: QCoreApplication.translate("MainWindow", "Next action date"),
        f.NEXT_ACTION: QCoreApplication.translate("PortfolioModel", "Next action"),
        f.PROMISE_STATUS: QCoreApplication.translate("PortfolioModel", "Promise"),
        f.PRIORITY: QCoreApplication.translate("PortfolioModel", "Priority"),
        f.EXECUTIVE: QCoreApplication.translate("PortfolioModel", "Executive"),
        f.STATUS: QCoreApplication.translate("PortfolioModel", "Status"),
    }


def export_fields(header: QHeaderView) -> tuple[export.Field, ...]:
    """The table's columns in the order the user arranged them, hidden ones left out; the next
    action's column gives its date and its text."""
    fields: list[export.Field] = []
    for visual in range(header.count()):
        logical = header.logicalIndex(visual)
        if header.isSectionHidden(logical):
            continue
        key = COLUMNS[logical].key
        if key is SortKey.NEXT_ACTION:
            fields.append(export.Field.NEXT_ACTION_DATE)
        fields.append(export.Field(key.value))
    return tuple(fields)


def export_layout(fields: Sequence[export.Field] = tuple(export.Field)) -> export.Layout:
    return export.Layout(
        headers=export_headers(),
        label=lambda field, code: _LABELS[field](code),
        sheet_title=QCoreApplication.translate("MainWindow", "Portfolio"),
        fields=tuple(fields),
    )


class _Progress:
    """Written by the export thread, read by the GUI's timer; plain ints and a flag."""

    def __init__(self) -> None:
        self.done = 0
        self.total = 0
        self.cancel = threading.Event()

    def update(self, done: int, total: int) -> None:
        self.done, self.total = done, total


class PortfolioExport:
    # Provided by MainWindow.
    actor: Actor
    uow_factory: Any
    interactive: bool
    model: PortfolioModel
    table: QTableView
    _runner: TaskRunner
    exportFinished: Any  # noqa: N815 - the window's Qt signal (path, cases written)

    if TYPE_CHECKING:

        def _failed(self, failure: Failure) -> None: ...
        def _exported_text(self, count: int) -> str: ...

    def _build_export_action(self) -> QAction:
        self.export_action = named(QAction(cast(QObject, self)), "exportAction")
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(lambda: self.export_list())
        self._export_progress: _Progress | None = None
        self._export_dialog: QProgressDialog | None = None
        self._export_timer = QTimer(cast(QObject, self), interval=100)
        self._export_timer.timeout.connect(self._show_export_progress)
        return self.export_action

    def _retranslate_export(self) -> None:
        self.export_action.setText(QCoreApplication.translate("MainWindow", "&Export list…"))
        self.export_action.setToolTip(
            QCoreApplication.translate(
                "MainWindow", "Save the cases listed now, in this order, to Excel or CSV"
            )
        )

    def export_list(self, path: Path | None = None) -> bool:
        """Export the list as shown; ``path`` None asks where (Excel or CSV by the file
        type chosen). Returns False if nothing was started."""
        if self._export_progress is not None:
            return False  # one at a time
        if path is None:
            path = self._ask_export_path()
            if path is None:
                return False
        numbers = self.model.case_numbers()
        progress = _Progress()
        self._export_progress = progress
        layout = export_layout(export_fields(self.table.horizontalHeader()))
        factory, actor = self.uow_factory, self.actor
        self._runner.submit(
            "export",
            lambda: export.export_cases(factory, actor, numbers, path, layout,
                                        progress=progress.update,
                                        cancelled=progress.cancel.is_set),
            lambda count: self._export_done(path, count),
            self._export_failed,
        )  # fmt: skip
        self._export_timer.start()
        return True

    def _ask_export_path(self) -> Path | None:
        window = cast(QWidget, self)
        excel = QCoreApplication.translate("MainWindow", "Excel workbook (*.xlsx)")
        comma = QCoreApplication.translate("MainWindow", "CSV, comma-separated (*.csv)")
        folder = (
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            or QDir.homePath()
        )
        name = QCoreApplication.translate("MainWindow", "portfolio") + f"-{formatting.today()}.xlsx"
        chosen, selected = QFileDialog.getSaveFileName(
            window,
            QCoreApplication.translate("MainWindow", "Export list"),
            str(Path(folder) / name),
            f"{excel};;{comma}",
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_name(path.name + (".csv" if selected == comma else ".xlsx"))
        return path

    def _show_export_progress(self) -> None:
        progress = self._export_progress
        if progress is None:
            return
        if self._export_dialog is None and self.interactive:
            dialog = named(QProgressDialog(cast(QWidget, self)), "exportProgress")
            dialog.setWindowTitle(QCoreApplication.translate("MainWindow", "Export list"))
            dialog.setLabelText(QCoreApplication.translate("MainWindow", "Exporting cases…"))
            dialog.setCancelButtonText(QCoreApplication.translate("MainWindow", "Cancel"))
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(PROGRESS_DELAY_MS)
            dialog.canceled.connect(progress.cancel.set)
            self._export_dialog = dialog
        if self._export_dialog is not None and progress.total:
            self._export_dialog.setMaximum(progress.total)
            self._export_dialog.setValue(min(progress.done, progress.total - 1))

    def cancel_export(self) -> None:
        if self._export_progress is not None:
            self._export_progress.cancel.set()

    def _end_export(self) -> None:
        self._export_timer.stop()
        self._export_progress = None
        if self._export_dialog is not None:
            self._export_dialog.canceled.disconnect()
            self._export_dialog.close()
            self._export_dialog.deleteLater()
            self._export_dialog = None

    def _export_done(self, path: Path, count: int) -> None:
        self._end_export()
        self.exportFinished.emit(str(path), count)
        message = self._exported_text(count).format(path=str(path))
        cast(Any, self).statusBar().showMessage(message, 10_000)
        if self.interactive:
            QMessageBox.information(
                cast(QWidget, self), QCoreApplication.translate("MainWindow", "Export list"),
                message,
            )  # fmt: skip

    def _export_failed(self, failure: Failure) -> None:
        self._end_export()
        if isinstance(failure.error, export.ExportCancelled):
            self.exportFinished.emit("", 0)
            return
        self.exportFinished.emit("", -1)
        self._failed(failure)
