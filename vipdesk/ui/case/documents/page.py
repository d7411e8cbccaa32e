"""Documentos: the letters generated for the case, newest first, with the selected one shown
beside the list. "Generar carta…" renders a new one (the rules that refuse it are said in the
dialog, naming what is missing); "Imprimir…", "Guardar en carpeta…" and "Enviar a jurídico…"
act on the selected one; its SHA-256 is shown whole and copied with Ctrl+Shift+C.

The list and each PDF are read by the services on the tab's runner, never on the GUI thread;
the PDF is checked against its SHA-256 before it is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from uuid import UUID

from PySide6.QtCore import QDir, QStandardPaths, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from vipdesk.core.catalog import Role
from vipdesk.core.errors import VipDeskError
from vipdesk.services import documents
from vipdesk.services.agreement_dto import DocumentInfo
from vipdesk.services.dto import CaseDetail
from vipdesk.ui.case.base import CaseEnv, CasePage
from vipdesk.ui.case.documents.dialogs import GenerateDialog, HandoffDialog
from vipdesk.ui.case.documents.labels import handoff_text, kind_label
from vipdesk.ui.case.documents.model import DocumentsModel
from vipdesk.ui.case.documents.preview import PdfPreview
from vipdesk.ui.case.form_dialog import FormDialog
from vipdesk.ui.column_memory import ColumnMemory
from vipdesk.ui.dialogs import error_text, report_failure
from vipdesk.ui.formatting import datetime_text
from vipdesk.ui.widgets import empty_overlay, named, record_table
from vipdesk.ui.workers import Failure, TaskRunner

LIST = "documents"  # the runner's channels
PDF = "document-pdf"
ACTION = "document-action"
FOLDER_KEY = "documents/folder"


def letter_kinds(role: str) -> tuple[str, ...]:
    """What the user may generate: everything for whoever works the case, the expediente for
    legal, nothing for an admin."""
    if role == Role.LEGAL:
        return ("expediente",)
    if role in (Role.EXECUTIVE, Role.SUPERVISOR):
        return documents.KINDS
    return ()


class DocumentsPage(CasePage):
    slug = "documentos"

    def __init__(self, env: CaseEnv, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(env, runner, parent)
        self.rows: list[DocumentInfo] | None = None
        self.pdf: bytes | None = None  # the selected document's, once read and verified
        self.pdf_id: UUID | None = None
        self.dialog: FormDialog | None = None
        self.last_saved: Path | None = None
        self._select: UUID | None = None
        self.model = DocumentsModel(self)
        self.table = record_table("documentsTable", self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.columns = ColumnMemory(self.table, env.settings, "documentsTable", self._fit_columns)
        self.empty_label = empty_overlay(self.table)
        self.count_label = named(QLabel(), "countLabel")
        self.problem = named(QLabel(), "errorLabel")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.hide()
        self.details = named(QLabel(), "documentDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = named(QLabel(), "statusLabel")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.generate_button = named(QPushButton(), "primaryButton")
        self.handoff_button = named(QPushButton(), "handoffButton")
        self.save_button = named(QPushButton(), "saveCopyButton")
        self.print_button = named(QPushButton(), "printButton")
        self.copy_button = named(QPushButton(), "copyHashButton")
        self.generate_button.clicked.connect(lambda: self.open_generate())
        self.handoff_button.clicked.connect(lambda: self.open_handoff())
        self.save_button.clicked.connect(lambda: self.save_to_folder())
        self.print_button.clicked.connect(lambda: self.ask_print())
        self.copy_button.clicked.connect(self.copy_hash)
        # Keys that work while the page has the focus (each open case has its own page).
        self.generate_action = self._action("generateLetterAction", "Ctrl+G",
                                            lambda: self.open_generate())  # fmt: skip
        self.print_action = self._action("printDocumentAction", "Ctrl+P", lambda: self.ask_print())
        self.copy_action = self._action("copyHashAction", "Ctrl+Shift+C", self.copy_hash)
        self.preview = PdfPreview()
        self.preview.setMinimumWidth(360)

        bar = QHBoxLayout()
        bar.addWidget(self.count_label, 1)
        for button in (self.generate_button, self.handoff_button, self.save_button,
                       self.print_button):  # fmt: skip
            bar.addWidget(button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(8)
        left_layout.addWidget(self.table, 1)
        hash_row = QHBoxLayout()
        hash_row.addWidget(self.details, 1)
        hash_row.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)
        left_layout.addLayout(hash_row)
        left_layout.addWidget(self.status)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([820, 440])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(8)
        layout.addLayout(bar)
        layout.addWidget(self.problem)
        layout.addWidget(splitter, 1)
        runner.busyChanged.connect(self._busy_changed)
        self.retranslate()

    def _action(self, name: str, keys: str, slot: Callable[[], object]) -> QAction:
        action = named(QAction(self), name)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def title(self) -> str:
        return self.tr("Documents")

    def retranslate(self) -> None:
        self.generate_button.setText(self.tr("&Generate letter…"))
        self.handoff_button.setText(self.tr("Send to &legal…"))
        self.save_button.setText(self.tr("Save to &folder…"))
        self.print_button.setText(self.tr("&Print…"))
        self.copy_button.setText(self.tr("Copy SHA-256"))
        self.generate_action.setText(self.tr("Generate letter…"))
        self.print_action.setText(self.tr("Print the document…"))
        self.copy_action.setText(self.tr("Copy the document's SHA-256"))
        for button, action in ((self.generate_button, self.generate_action),
                               (self.print_button, self.print_action),
                               (self.copy_button, self.copy_action)):  # fmt: skip
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(f"{action.text()} ({keys})")
        for button in (self.generate_button, self.handoff_button, self.save_button,
                       self.print_button, self.copy_button):  # fmt: skip
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
        self.table.setAccessibleName(self.tr("Documents of the case"))
        self.details.setAccessibleName(self.tr("Details of the selected document"))
        self.empty_label.setText(self.tr("No documents yet: generate a letter."))
        self.model.retranslate()
        self.preview.retranslate()
        self._show_count()
        self._show_selected()

    # -- loading ----------------------------------------------------------------------------

    def show_detail(self, detail: CaseDetail) -> None:
        super().show_detail(detail)
        env, case_id = self.env, detail.id
        self.runner.submit(LIST, lambda: documents.documents_of(env.uow_factory(), env.actor,
                                                                case_id),
                           self._loaded, self._failed)  # fmt: skip

    def _loaded(self, rows: list[DocumentInfo]) -> None:
        chosen = self.selected()
        keep = self._select or (chosen.id if chosen is not None else None)
        self._select = None
        self.rows = rows
        self.problem.hide()
        self.model.set_rows(rows)
        self.columns.apply()
        self._show_count()
        row = self.model.row_of(keep) if keep is not None else -1
        if row < 0 and rows:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self._selection_changed()

    def _failed(self, failure: Failure) -> None:
        if isinstance(failure.error, VipDeskError):
            self.problem.setText(error_text(failure.error))
            self.problem.show()
        else:
            report_failure(self, failure)

    def _show_count(self) -> None:
        count = self.model.rowCount()
        self.count_label.setText(self.tr("%n document(s), newest first", "", count))
        self.empty_label.setVisible(self.rows is not None and not count)

    def _fit_columns(self) -> None:
        self.table.resizeColumnsToContents()

    # -- the selected document --------------------------------------------------------------

    def selected(self) -> DocumentInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        info = self.selected()
        self._show_selected()
        if info is None:
            self.pdf, self.pdf_id = None, None
            self.preview.clear()
            self._update_buttons()
            return
        if info.id == self.pdf_id:
            self._update_buttons()  # the same letter, reloaded: its hand-off may have moved
            return
        self.pdf, self.pdf_id = None, None
        self.preview.clear()
        env, document_id = self.env, info.id
        self.runner.submit(
            PDF, lambda: (document_id, documents.document_pdf(env.uow_factory(), env.actor,
                                                              document_id)),
            self._pdf_loaded, self._pdf_failed,
        )  # fmt: skip
        self._update_buttons()

    def _pdf_loaded(self, loaded: tuple[UUID, bytes]) -> None:
        document_id, pdf = loaded
        info = self.selected()
        if info is None or info.id != document_id:
            return
        self.pdf, self.pdf_id = pdf, document_id
        self.preview.show_pdf(pdf, info.number)
        self._update_buttons()

    def _pdf_failed(self, failure: Failure) -> None:
        self.preview.clear()
        self._failed(failure)  # a PDF that no longer matches its SHA-256 says so, loudly

    def _show_selected(self) -> None:
        info = self.selected()
        if info is None:
            self.details.clear()
            self.copy_button.setEnabled(False)
            return
        lines = [
            self.tr("{kind} {number} · template {template} v{version} · {when} by {author}")
            .format(kind=kind_label(info.kind), number=info.number, template=info.template,
                    version=info.template_version, when=datetime_text(info.generated_at),
                    author=info.author),
            f"SHA-256: {info.sha256}",
        ]  # fmt: skip
        sent = handoff_text(info)
        if sent:
            lines.append(sent)
        self.details.setText("\n".join(lines))
        self.copy_button.setEnabled(True)

    def _busy_changed(self, _busy: bool) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        info = self.selected()
        working = self.runner.is_busy(ACTION)
        self.generate_button.setEnabled(
            self.detail is not None and bool(letter_kinds(self.env.actor.role))
        )
        ready = info is not None and self.pdf is not None and self.pdf_id == info.id
        self.save_button.setEnabled(ready and not working)
        self.print_button.setEnabled(ready and not working)
        self.handoff_button.setEnabled(
            info is not None and not working and info.kind in documents.HANDED_KINDS
            and info.handed_off_at is None
            and self.env.actor.role in (Role.EXECUTIVE, Role.SUPERVISOR)
        )  # fmt: skip

    # -- actions ----------------------------------------------------------------------------

    def _open(self, dialog: FormDialog) -> FormDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)
        dialog.destroyed.connect(lambda _obj=None: self._forget(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _forget(self, dialog: FormDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def open_generate(self, kind: str | None = None) -> GenerateDialog | None:
        kinds = letter_kinds(self.env.actor.role)
        if self.detail is None or not kinds:
            return None
        if isinstance(self.dialog, GenerateDialog) and self.dialog.isVisible():
            return self.dialog
        dialog = GenerateDialog(self.env, self.detail, kinds, self)
        if kind is not None:
            dialog.choose(kind)
        self._open(dialog)
        return dialog

    def open_handoff(self) -> HandoffDialog | None:
        info = self.selected()
        if info is None or not self.handoff_button.isEnabled():
            return None
        dialog = HandoffDialog(self.env, info, self)
        self._open(dialog)
        return dialog

    def _saved(self, result: object) -> None:
        if isinstance(result, DocumentInfo):
            self._select = result.id
            self.status.setText(self.tr("{number} generated.").format(number=result.number))
        else:
            chosen = self.selected()
            self._select = chosen.id if chosen is not None else None
            self.status.setText(self.tr("Sent to legal."))
        self.changed.emit()

    def save_to_folder(self, folder: Path | None = None) -> bool:
        """Save the selected PDF into ``folder`` (None: ask which); never over an existing
        file. Returns False if nothing was started."""
        info, pdf = self.selected(), self.pdf
        if info is None or pdf is None or self.pdf_id != info.id:
            return False
        if folder is None:
            folder = self._ask_folder()
            if folder is None:
                return False
        name = info.file_name
        self.runner.submit(ACTION, lambda: documents.save_copy(pdf, folder, name),
                           self._copy_saved, self._failed)  # fmt: skip
        self._update_buttons()
        return True

    def _ask_folder(self) -> Path | None:
        settings = self.env.settings
        start = str(settings.value(FOLDER_KEY, "")) if settings is not None else ""
        if not start or not Path(start).is_dir():
            # The user's documents folder, if it exists (a fresh account may have none).
            documents_folder = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation
            )
            start = documents_folder if Path(documents_folder).is_dir() else QDir.homePath()
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Save to folder"), start)
        if not chosen:
            return None
        if settings is not None:
            settings.setValue(FOLDER_KEY, chosen)
        return Path(chosen)

    def _copy_saved(self, path: Path) -> None:
        self.last_saved = path
        self.status.setText(self.tr("Saved as {path}").format(path=str(path)))
        self._update_buttons()

    def ask_print(self) -> bool:
        """Choose a printer and print the selected document on it."""
        if not self.print_button.isEnabled():
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("printDialog")
        dialog.setWindowTitle(self.tr("Print document"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.print_on(printer)

    def print_on(self, printer: QPrinter) -> bool:
        pages = self.preview.print_to(printer)
        if pages:
            self.status.setText(self.tr("%n page(s) sent to the printer.", "", pages))
        else:
            self.status.setText(self.tr("The printer could not be used."))
        return bool(pages)

    def copy_hash(self) -> None:
        info = self.selected()
        if info is not None:
            QGuiApplication.clipboard().setText(info.sha256)
            self.status.setText(self.tr("SHA-256 copied."))

    def has_unsaved_changes(self) -> bool:
        dialog = self.dialog
        return dialog is not None and dialog.isVisible() and dialog.has_typed()
