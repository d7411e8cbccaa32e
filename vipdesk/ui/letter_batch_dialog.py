"""File → "Generar cartas en lote…": one letter of a kind for each case listed in the
portfolio now (its current search and filters), or for every case of the user, saved into a
folder. The batch runs off the GUI thread with a progress bar (count and time left) and
Cancel, which stops it between two letters and keeps those done; it ends with a summary: how
many were generated and, case by case, why the others were refused."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDir, QStandardPaths, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from vipdesk.services import letters, portfolio
from vipdesk.services.document_dto import BatchResult
from vipdesk.services.dto import Actor, PortfolioQuery
from vipdesk.ui.case.documents.labels import kind_label
from vipdesk.ui.case.documents.page import letter_kinds
from vipdesk.ui.dialogs import error_text, report_failure
from vipdesk.ui.resources import icon_path
from vipdesk.ui.widgets import named
from vipdesk.ui.workers import Failure, TaskRunner

MAX_REFUSALS_SHOWN = 500


def run_batch(
    uow_factory: Callable[[], Any], actor: Actor, numbers: Sequence[str] | None, kind: str,
    folder: Path, progress: Callable[[int, int], None], cancelled: Callable[[], bool],
) -> BatchResult:  # fmt: skip
    """On a pool thread: the cases (``numbers``, or None for every case the user sees), then
    the batch."""
    if numbers is None:
        numbers = portfolio.case_numbers(uow_factory(), actor, PortfolioQuery())
    ids = [row.case_id for row in portfolio.rows(uow_factory(), actor, list(numbers))]
    return letters.generate_batch(uow_factory, actor, ids, kind, progress, cancelled,
                                  folder=folder)  # fmt: skip


class LetterBatchDialog(QDialog):
    progressed = Signal(int, int)
    finished_batch = Signal(object)  # the BatchResult

    def __init__(
        self, uow_factory: Callable[[], Any], actor: Actor, listed: Sequence[str],
        interactive: bool = True, parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("letterBatchDialog")
        self.setWindowIcon(QIcon(str(icon_path())))
        self.uow_factory, self.actor, self.listed = uow_factory, actor, list(listed)
        self.interactive = interactive
        self.result_value: BatchResult | None = None
        self.cancel_requested = threading.Event()
        self.started_at = 0.0
        self.runner = TaskRunner(self, max_threads=1)
        self.heading = named(QLabel(), "dialogHeading")
        self.kind = named(QComboBox(), "batchKind")
        for kind in letter_kinds(actor.role):
            self.kind.addItem("", kind)
        self.listed_choice = named(QRadioButton(), "batchListed")
        self.all_choice = named(QRadioButton(), "batchAll")
        self.scope = QButtonGroup(self)
        self.scope.addButton(self.listed_choice)
        self.scope.addButton(self.all_choice)
        (self.listed_choice if self.listed else self.all_choice).setChecked(True)
        self.listed_choice.setEnabled(bool(self.listed))
        self.folder = named(QLineEdit(), "batchFolder")
        self.folder.setText(str(_default_folder()))
        self.browse_button = named(QPushButton(), "browseFolderButton")
        self.browse_button.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse_button)
        self.captions = [named(QLabel(), "fieldLabel") for _ in range(3)]
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.addRow(self.captions[0], self.kind)
        scope_box = QVBoxLayout()
        scope_box.addWidget(self.listed_choice)
        scope_box.addWidget(self.all_choice)
        form.addRow(self.captions[1], scope_box)
        form.addRow(self.captions[2], folder_row)
        self.captions[0].setBuddy(self.kind)
        self.captions[2].setBuddy(self.folder)
        self.bar = named(QProgressBar(), "batchProgress")
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.bar.setTextVisible(False)
        self.progress_label = named(QLabel(), "statusLabel")
        self.summary = named(QPlainTextEdit(), "batchSummary")
        self.summary.setReadOnly(True)
        self.summary.hide()
        self.problem = named(QLabel(), "errorLabel")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.start_button = named(QPushButton(), "primaryButton")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(lambda: self.start())
        self.cancel_button = named(QPushButton(), "cancelButton")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.bar)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.problem)
        layout.addWidget(self.summary, 1)
        layout.addLayout(buttons)
        self.setMinimumWidth(620)
        self.progressed.connect(self._progress)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Generate letters in batch"))
        self.heading.setText(self.windowTitle())
        texts = (self.tr("&Letter"), self.tr("Cases"), self.tr("Save in &folder"))
        for caption, text in zip(self.captions, texts, strict=True):
            caption.setText(text)
        for index in range(self.kind.count()):
            self.kind.setItemText(index, kind_label(str(self.kind.itemData(index))))
        self.kind.setAccessibleName(self.tr("Letter"))
        self.listed_choice.setText(self.tr("The %n case(s) listed in the portfolio now", "",
                                           len(self.listed)))  # fmt: skip
        self.all_choice.setText(self.tr("All my cases"))
        self.folder.setAccessibleName(self.tr("Folder to save the letters in"))
        self.browse_button.setText(self.tr("C&hoose…"))
        self.bar.setAccessibleName(self.tr("Progress of the batch"))
        self.start_button.setText(self.tr("&Generate"))
        self.cancel_button.setText(self.tr("Close") if self.result_value else self.tr("Cancel"))

    # -- choosing ---------------------------------------------------------------------------

    def chosen_kind(self) -> str:
        return str(self.kind.currentData() or "")

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Save in folder"),
                                                  self.folder.text())  # fmt: skip
        if chosen:
            self.folder.setText(chosen)

    # -- running ----------------------------------------------------------------------------

    def is_running(self) -> bool:
        return self.runner.is_busy("batch")

    def start(self) -> bool:
        """Start the batch (once); False when it cannot start (no folder, nothing to do)."""
        if self.is_running() or self.result_value is not None:
            return False
        folder = Path(self.folder.text().strip()).expanduser()
        if not self.folder.text().strip() or not folder.is_dir():
            self.problem.setText(self.tr("Choose an existing folder to save the letters in."))
            self.problem.show()
            self.folder.setFocus()
            return False
        self.problem.hide()
        numbers = list(self.listed) if self.listed_choice.isChecked() else None
        kind, factory, actor = self.chosen_kind(), self.uow_factory, self.actor
        cancel = self.cancel_requested
        for widget in (self.kind, self.listed_choice, self.all_choice, self.folder,
                       self.browse_button, self.start_button):  # fmt: skip
            widget.setEnabled(False)
        self.started_at = time.monotonic()
        self.bar.setRange(0, 0)
        self.progress_label.setText(self.tr("Preparing…"))
        self.runner.submit(
            "batch", lambda: run_batch(factory, actor, numbers, kind, folder, self.report,
                                       cancel.is_set),
            self._done, self._failed,
        )  # fmt: skip
        return True

    def report(self, done: int, total: int) -> None:
        """Called on the worker thread; the signal carries it to the GUI thread."""
        self.progressed.emit(done, total)

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        elapsed = time.monotonic() - self.started_at
        left = elapsed / done * (total - done) if done else 0.0
        self.progress_label.setText(
            self.tr("{done} of {total} · about {seconds} s left").format(
                done=f"{done:,}", total=f"{total:,}", seconds=f"{left:,.0f}")
        )  # fmt: skip

    def request_cancel(self) -> None:
        self.cancel_requested.set()
        self.cancel_button.setEnabled(False)
        self.progress_label.setText(self.tr("Cancelling after the letter under way…"))

    def _done(self, result: BatchResult) -> None:
        self.result_value = result
        count = len(result.generated)
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        facts = [self.tr("%n letter(s) generated", "", count)]
        if count:
            per_letter = f"{result.seconds * 1000 / count:,.0f}"
            timing = self.tr("{ms} ms per letter, {seconds} s in all")
            facts.append(timing.format(ms=per_letter, seconds=f"{result.seconds:,.1f}"))
        if result.refused:
            facts.append(self.tr("%n refused", "", len(result.refused)))
        if result.cancelled:
            facts.append(self.tr("cancelled before the end"))
        self.progress_label.setText(" · ".join(facts))
        lines = [self.tr("Saved in {folder}").format(folder=self.folder.text())]
        for refusal in result.refused[:MAX_REFUSALS_SHOWN]:
            lines.append(f"{refusal.case_number}: {error_text(refusal.error)}")
        if len(result.refused) > MAX_REFUSALS_SHOWN:
            lines.append("…")
        self.summary.setPlainText("\n".join(lines))
        self.summary.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Close"))
        self.finished_batch.emit(result)

    def _failed(self, failure: Failure) -> None:
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Close"))
        self.bar.setRange(0, 1)
        report_failure(self, failure)

    # -- closing ----------------------------------------------------------------------------

    def reject(self) -> None:
        if self.is_running():
            # Cancel stops the batch; the dialog stays to show what was done and refused.
            self.request_cancel()
            return
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.reject()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_running():
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self.runner.shutdown()
        super().done(result)


def _default_folder() -> Path:
    """The user's documents folder, if it exists (a fresh account may have none)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path(QDir.homePath())
