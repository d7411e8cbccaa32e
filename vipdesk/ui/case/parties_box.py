"""The related parties box of the Deudor page: guarantors, legal representatives and
co-debtors in a table, added, edited (double-click or Enter on a row) and removed the way the
debtor's contacts are.

The dialog builds the command; the box runs it on the tab's runner (busy key "party") and
emits ``changed`` once it is stored, so the tab reloads the case. A refusal (a conflict, a
party removed meanwhile) is explained, then the case is reloaded to show it as it is now.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vipdesk.services import related_parties
from vipdesk.services.dto import CaseDetail, PartyRemoval, PartySave, RelatedPartyInfo
from vipdesk.ui.case.base import CaseEnv
from vipdesk.ui.case.debtor_models import RelatedPartiesModel, role_label
from vipdesk.ui.case.party_dialog import PartyDialog
from vipdesk.ui.dialogs import report_failure
from vipdesk.ui.widgets import named, record_table
from vipdesk.ui.workers import Failure, TaskRunner

BUSY = "party"  # the runner's channel for saving and removing parties
_EMAIL_COLUMN = 5  # the one column that takes the room the others leave


class PartiesBox(QGroupBox):
    changed = Signal()  # a party was saved or removed (or refused): reload the case

    def __init__(self, env: CaseEnv, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("debtorBox")
        self.env, self.runner = env, runner
        self.detail: CaseDetail | None = None
        self.dialog: PartyDialog | None = None

        self.model = RelatedPartiesModel(self)
        self.view = record_table("relatedPartiesTable", self.model)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.activated.connect(lambda _index: self.edit_party())
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.add_button = named(QPushButton(), "addPartyButton")
        self.edit_button = named(QPushButton(), "editPartyButton")
        self.remove_button = named(QPushButton(), "removePartyButton")
        self.add_button.clicked.connect(self.add_party)
        self.edit_button.clicked.connect(self.edit_party)
        self.remove_button.clicked.connect(self.remove_party)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self._update_buttons()
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Related parties"))
        self.view.setAccessibleName(self.tr("Guarantors, legal representatives and co-debtors"))
        self.add_button.setText(self.tr("Add &party…"))
        self.edit_button.setText(self.tr("Edit part&y…"))
        self.remove_button.setText(self.tr("Rem&ove party"))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_detail(self, detail: CaseDetail) -> None:
        self.detail = detail
        self.model.set_rows(detail.related_parties)
        # Every column as wide as its contents but the email, which takes the rest.
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(_EMAIL_COLUMN, QHeaderView.ResizeMode.Stretch)
        self._update_buttons()

    def has_unsaved_changes(self) -> bool:
        dialog = self.dialog
        return dialog is not None and dialog.isVisible() and dialog.has_unsaved_changes()

    def selected_party(self) -> RelatedPartyInfo | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        busy = self.runner.is_busy(BUSY)
        chosen = self.selected_party() is not None
        self.add_button.setEnabled(self.detail is not None and not busy)
        self.edit_button.setEnabled(chosen and not busy)
        self.remove_button.setEnabled(chosen and not busy)

    def add_party(self) -> None:
        self._open_dialog(None)

    def edit_party(self) -> None:
        party = self.selected_party()
        if party is not None:
            self._open_dialog(party)

    def _open_dialog(self, party: RelatedPartyInfo | None) -> None:
        if self.detail is None:
            return
        detail = self.detail
        dialog = PartyDialog(detail.debtor_id, detail.country, party, self, self.env.interactive)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._save(dialog.command))
        dialog.destroyed.connect(lambda: self._forget(dialog))
        self.dialog = dialog
        dialog.open()

    def _forget(self, dialog: PartyDialog) -> None:
        if self.dialog is dialog:  # not a newer one, opened before this one was deleted
            self.dialog = None

    def _save(self, command: PartySave | None) -> None:
        if command is None:
            return
        env = self.env
        self._run(lambda: related_parties.save_party(env.uow_factory(), env.actor, command))

    def remove_party(self) -> None:
        party = self.selected_party()
        if party is None or self.detail is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove related party"),
            self.tr("Remove {name} ({role}) from the related parties of {debtor}?").format(
                name=party.name, role=role_label(party.role), debtor=self.detail.debtor_name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("removePartyBox")
        box.setTextFormat(Qt.TextFormat.PlainText)  # a name may hold "<b>": it is text
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        if box.exec() != QMessageBox.StandardButton.Yes:
            return
        env, command = self.env, PartyRemoval(self.detail.debtor_id, party.id)
        self._run(lambda: related_parties.remove_party(env.uow_factory(), env.actor, command))

    def _run(self, call: Callable[[], object]) -> None:
        self.runner.submit(BUSY, call, self._done, self._failed)
        self._update_buttons()

    def _done(self, _result: object) -> None:
        self._update_buttons()
        self.changed.emit()

    def _failed(self, failure: Failure) -> None:
        self._update_buttons()
        # A conflict or a party removed meanwhile: say why, then show it as it is now.
        report_failure(self, failure)
        self.changed.emit()
