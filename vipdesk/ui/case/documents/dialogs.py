"""The documents page's two forms: "Generar carta…" (which letter; what the rules refuse is
said under the choice, naming the missing field) and "Enviar a jurídico…" (a note)."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QWidget

from vipdesk.core.text import clean_text
from vipdesk.services import documents, letters
from vipdesk.services.agreement_dto import DocumentInfo
from vipdesk.services.dto import CaseDetail
from vipdesk.ui.case.base import CaseEnv
from vipdesk.ui.case.documents.labels import kind_hint, kind_label
from vipdesk.ui.case.form_dialog import FormDialog, new_form
from vipdesk.ui.resources import icon_path
from vipdesk.ui.widgets import named


class GenerateDialog(FormDialog):
    """Choose the letter; Generate renders and stores it (off the GUI thread) and returns its
    DocumentInfo through ``saved``."""

    def __init__(
        self, env: CaseEnv, detail: CaseDetail, kinds: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(env.interactive, parent)
        self.setObjectName("generateDialog")
        self.setWindowIcon(QIcon(str(icon_path())))
        self.env, self.detail, self.kinds = env, detail, tuple(kinds)
        self.kind = named(QComboBox(), "letterKind")
        for kind in self.kinds:
            self.kind.addItem("", kind)
        self.hint = named(QLabel(), "hintLabel")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setMinimumHeight(48)
        self.kind.currentIndexChanged.connect(lambda _i: self._show_hint())
        form = new_form()
        self.add_row(form, "kind", self.kind)
        form.addRow("", self.hint)
        self.lay_out(form, min_width=520)
        self.retranslate()
        self.remember_initial()

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Generate letter"))
        self.heading.setText(self.tr("Generate letter · {case}").format(case=self.detail.number))
        self.set_captions({"kind": self.tr("&Letter")})
        for index, kind in enumerate(self.kinds):
            self.kind.setItemText(index, kind_label(kind))
        self.save_button.setText(self.tr("&Generate"))
        self._show_hint()

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        self.status_label.setText(self.tr("Generating the letter…") if busy else "")

    def chosen(self) -> str:
        return str(self.kind.currentData() or "")

    def choose(self, kind: str) -> None:
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))

    def _show_hint(self) -> None:
        self.hint.setText(kind_hint(self.chosen()))

    def snapshot(self) -> object:
        return None  # nothing typed: closing loses nothing

    def build_command(self) -> str:
        return self.chosen()

    def save(self, command: str) -> DocumentInfo:
        return letters.generate_letter(self.env.uow_factory(), self.env.actor, self.detail.id,
                                       command)  # fmt: skip


class HandoffDialog(FormDialog):
    """Send a convenio or an expediente to legal, with a note for them."""

    def __init__(self, env: CaseEnv, info: DocumentInfo, parent: QWidget | None = None) -> None:
        super().__init__(env.interactive, parent)
        self.setObjectName("handoffDialog")
        self.setWindowIcon(QIcon(str(icon_path())))
        self.env, self.info = env, info
        self.summary = named(QLabel(), "hintLabel")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = named(QPlainTextEdit(), "handoffNote")
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(100)
        form = new_form()
        form.addRow(self.summary)
        self.add_row(form, "note", self.note)
        self.lay_out(form, min_width=560)
        self.retranslate()
        self.remember_initial()

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Send to legal"))
        self.heading.setText(self.tr("Send {number} to legal").format(number=self.info.number))
        pages = self.tr("%n page(s)", "", self.info.pages)
        self.summary.setText(f"{kind_label(self.info.kind)} · {pages}\nSHA-256: {self.info.sha256}")
        self.set_captions({"note": self.tr("&Note for legal")})
        self.note.setPlaceholderText(self.tr("What legal should know (optional)"))
        self.save_button.setText(self.tr("&Send"))

    def snapshot(self) -> object:
        return self.note.toPlainText()

    def build_command(self) -> str:
        return clean_text(self.note.toPlainText(), "note", max_length=documents.MAX_NOTE,
                          required=False, multiline=True)  # fmt: skip

    def save(self, command: str) -> UUID:
        return documents.handoff(self.env.uow_factory(), self.env.actor, self.info.id, command)
