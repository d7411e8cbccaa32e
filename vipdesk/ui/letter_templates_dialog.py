"""Archivo → "Plantillas de cartas…" (admins only): each kind of letter's template as text,
edited here, previewed with sample data and saved for every letter from then on.

The text and its problems come from the service (services/letter_templates.py), which checks
an edit with the very parser that prints it; each problem names its line. Unsaved edits are
kept per kind while the dialog is open, and closing with any asks first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from vipdesk.core.errors import ValidationError
from vipdesk.services import letter_templates
from vipdesk.services.agreement_dto import LetterTemplateInfo, LetterTemplateSave
from vipdesk.services.dto import Actor
from vipdesk.ui.case.documents.labels import KIND_LABELS
from vipdesk.ui.case.documents.preview import PdfPreview
from vipdesk.ui.dialogs import report_failure
from vipdesk.ui.widgets import named
from vipdesk.ui.workers import Failure, TaskRunner


class LetterTemplatesDialog(QDialog):
    saved = Signal(str)  # the kind whose template changed

    def __init__(self, uow_factory: Callable[[], Any], actor: Actor, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("letterTemplatesDialog")
        self.setModal(True)
        self.resize(1180, 760)
        self.uow_factory, self.actor, self.runner = uow_factory, actor, runner
        self.templates: dict[str, LetterTemplateInfo] = {}
        self.drafts: dict[str, str] = {}  # unsaved text by kind
        self.kind = ""
        self.heading = named(QLabel(), "dialogHeading")
        self.hint = named(QLabel(), "hintLabel")
        self.hint.setWordWrap(True)
        self.kinds = named(QListWidget(), "templateKinds")
        self.kinds.currentRowChanged.connect(self._choose)
        self.state = named(QLabel(), "templateState")
        self.editor = named(QPlainTextEdit(), "templateEditor")
        self.editor.setFont(QFont("DejaVu Sans Mono", 10))
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.editor.textChanged.connect(self._edited)
        self.problems = named(QLabel(), "fieldError")
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.hide()
        self.preview = PdfPreview()
        self.preview_button = named(QPushButton(), "previewTemplateButton")
        self.preview_button.clicked.connect(self.show_preview)
        self.restore_button = named(QPushButton(), "restoreTemplateButton")
        self.restore_button.clicked.connect(self.restore_shipped)
        self.save_button = named(QPushButton(), "saveTemplateButton")
        self.save_button.clicked.connect(self.save)
        self.save_button.setDefault(True)
        self.close_button = named(QPushButton(), "closeButton")
        self.close_button.clicked.connect(self.close)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence("Ctrl+P"), self, self.show_preview)
        self._layout()
        self.retranslate()
        self._set_enabled(False)
        runner.submit("letterTemplates", lambda: letter_templates.letter_templates(uow_factory()),
                      self._show_templates, self._failed)  # fmt: skip

    def _layout(self) -> None:
        editor_side = QWidget()
        column = QVBoxLayout(editor_side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.state)
        column.addWidget(self.editor, 1)
        column.addWidget(self.problems)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.save_button)
        column.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.kinds)
        splitter.addWidget(editor_side)
        splitter.addWidget(self.preview)
        splitter.setSizes([210, 560, 410])
        splitter.setChildrenCollapsible(False)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Letter templates"))
        self.heading.setText(self.windowTitle())
        self.hint.setText(self.tr(
            "Each letter is printed from its template. Names in curly braces, such as "
            "{debtor_name}, are filled with the case's data, [[blocks]] print tables and "
            "signatures, [[if …]] … [[end]] prints a part only when it applies, and **text** "
            "is bold. Raise the version on the first line with every change: each document "
            "records the version it was made with."
        ))  # fmt: skip
        self.kinds.setAccessibleName(self.tr("Kind of letter"))
        self.editor.setAccessibleName(self.tr("Template text"))
        self.preview_button.setText(self.tr("&Preview"))
        self.preview_button.setToolTip(self.tr("A sample letter printed with this text (Ctrl+P)"))
        self.restore_button.setText(self.tr("&Restore the original"))
        self.save_button.setText(self.tr("&Save template"))
        self.close_button.setText(self.tr("Close"))
        for row in range(self.kinds.count()):
            item = self.kinds.item(row)
            kind = item.data(Qt.ItemDataRole.UserRole)
            item.setText(QCoreApplication.translate("documents", KIND_LABELS.get(kind, kind)))
        self._show_state()

    # -- loading and choosing ---------------------------------------------------------------

    def _show_templates(self, templates: list[LetterTemplateInfo]) -> None:
        self.templates = {t.kind: t for t in templates}
        self.kinds.clear()
        for info in templates:
            self.kinds.addItem(info.kind)
            self.kinds.item(self.kinds.count() - 1).setData(Qt.ItemDataRole.UserRole, info.kind)
        self.retranslate()
        self._set_enabled(True)
        self.kinds.setCurrentRow(0)

    def _choose(self, row: int) -> None:
        if row < 0:
            return
        if self.kind:
            self._keep_draft()
        self.kind = self.kinds.item(row).data(Qt.ItemDataRole.UserRole)
        text = self.drafts.get(self.kind, self.templates[self.kind].text)
        self.editor.blockSignals(True)
        self.editor.setPlainText(text)
        self.editor.blockSignals(False)
        self.problems.hide()
        self._show_state()
        self.show_preview()

    def _keep_draft(self) -> None:
        text = self.editor.toPlainText()
        if text != self.templates[self.kind].text:
            self.drafts[self.kind] = text
        else:
            self.drafts.pop(self.kind, None)

    def _edited(self) -> None:
        self.problems.hide()
        if self.kind:
            self._keep_draft()
            self._show_state()

    def _show_state(self) -> None:
        info = self.templates.get(self.kind)
        if info is None:
            self.state.setText("")
            return
        origin = self.tr("edited by an administrator") if info.customised else self.tr(
            "as shipped")  # fmt: skip
        text = self.tr("Version {version} · {origin}").format(version=info.version, origin=origin)
        if self.kind in self.drafts:
            text += " · " + self.tr("unsaved changes")
        self.state.setText(text)
        self.restore_button.setEnabled(info.customised or self.kind in self.drafts)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.editor, self.preview_button, self.save_button, self.kinds):
            widget.setEnabled(enabled)

    # -- preview, save, restore ---------------------------------------------------------------

    def show_preview(self) -> None:
        kind, text = self.kind, self.editor.toPlainText()
        if not kind:
            return
        self.runner.submit("letterTemplatePreview",
                           lambda: letter_templates.preview_template(kind, text),
                           self._previewed, self._refused)  # fmt: skip

    def _previewed(self, pdf: bytes) -> None:
        # Problems stay until the text changes: a preview of the text as loaded may well
        # arrive after a refused save of the edited one.
        self.preview.show_pdf(pdf, self.kinds.currentItem().text())

    def save(self) -> None:
        if self.kind:
            self._send(LetterTemplateSave(self.kind, self.editor.toPlainText()))

    def restore_shipped(self) -> None:
        answer = QMessageBox.question(
            self, self.windowTitle(),
            self.tr("Go back to the template shipped with VIP Desk? Your edits to this one "
                    "are lost."),
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            self._send(LetterTemplateSave(self.kind, ""))

    def _send(self, command: LetterTemplateSave) -> None:
        uow_factory, actor = self.uow_factory, self.actor
        self.save_button.setEnabled(False)
        self.runner.submit("letterTemplateSave",
                           lambda: letter_templates.save_letter_template(uow_factory(), actor,
                                                                         command),
                           self._saved, self._save_failed)  # fmt: skip

    def _saved(self, info: LetterTemplateInfo) -> None:
        self.save_button.setEnabled(True)
        self.templates[info.kind] = info
        self.drafts.pop(info.kind, None)
        if info.kind == self.kind:
            self.editor.blockSignals(True)
            self.editor.setPlainText(info.text)
            self.editor.blockSignals(False)
        self.problems.hide()
        self._show_state()
        self.saved.emit(info.kind)
        self.show_preview()

    def _save_failed(self, failure: Failure) -> None:
        self.save_button.setEnabled(True)
        self._refused(failure)

    def _refused(self, failure: Failure) -> None:
        if isinstance(failure.error, ValidationError):
            lines = [p.translated(QCoreApplication.translate) for p in failure.error.problems]
            self.problems.setText("\n".join(lines))
            self.problems.show()
            return
        report_failure(self, failure)

    def _failed(self, failure: Failure) -> None:
        report_failure(self, failure)

    # -- closing ----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.kind:
            self._keep_draft()
        if self.drafts:
            answer = QMessageBox.question(
                self, self.windowTitle(),
                self.tr("Discard the unsaved changes to %n template(s)?", "", len(self.drafts)),
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        event.accept()

    def reject(self) -> None:
        self.close()
