"""Deudor: who the debtor is (identity, editable in part), how to reach them (contacts) and
who stands beside them (guarantors, legal representative, co-debtors)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vipdesk.services import contacts
from vipdesk.services.dto import CaseDetail, ContactInfo, ContactRemoval, ContactSave
from vipdesk.ui.case.base import CaseEnv, CasePage
from vipdesk.ui.case.contact_dialog import ContactDialog
from vipdesk.ui.case.debtor_identity import IdentityForm
from vipdesk.ui.case.debtor_models import ContactsModel
from vipdesk.ui.case.parties_box import PartiesBox
from vipdesk.ui.dialogs import report_failure
from vipdesk.ui.widgets import named, record_table
from vipdesk.ui.workers import Failure, TaskRunner


def _table(name: str) -> QTableView:
    table = record_table(name)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    return table


class DebtorPage(CasePage):
    slug = "deudor"

    def __init__(self, env: CaseEnv, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(env, runner, parent)
        self.identity_box = named(QGroupBox(), "debtorBox")
        self.identity = IdentityForm(env, runner)
        self.identity.saved.connect(self.changed)
        QVBoxLayout(self.identity_box).addWidget(self.identity)

        self.contacts_box = named(QGroupBox(), "debtorBox")
        self.contacts_model = ContactsModel(self)
        self.contacts_view = _table("contactsTable")
        self.contacts_view.setModel(self.contacts_model)
        self.contacts_view.activated.connect(lambda _index: self.edit_contact())
        self.contacts_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.add_button = named(QPushButton(), "addContactButton")
        self.edit_button = named(QPushButton(), "editContactButton")
        self.remove_button = named(QPushButton(), "removeContactButton")
        self.add_button.clicked.connect(self.add_contact)
        self.edit_button.clicked.connect(self.edit_contact)
        self.remove_button.clicked.connect(self.remove_contact)
        contact_buttons = QHBoxLayout()
        contact_buttons.addWidget(self.add_button)
        contact_buttons.addWidget(self.edit_button)
        contact_buttons.addWidget(self.remove_button)
        contact_buttons.addStretch(1)
        contacts_layout = QVBoxLayout(self.contacts_box)
        contacts_layout.addWidget(self.contacts_view, 1)
        contacts_layout.addLayout(contact_buttons)

        # Guarantors, legal representatives and co-debtors: edited like contacts, in a box of
        # their own (parties_box.py).
        self.parties_box = PartiesBox(env, runner)
        self.parties_box.changed.connect(self.changed)
        self.parties_model = self.parties_box.model
        self.parties_view = self.parties_box.view

        right = QVBoxLayout()
        right.setSpacing(16)
        right.addWidget(self.contacts_box, 3)
        right.addWidget(self.parties_box, 2)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(16)
        layout.addWidget(self.identity_box, 2)
        layout.addLayout(right, 3)
        self.contact_dialog: ContactDialog | None = None
        self.setTabOrder(self.identity.save_button, self.contacts_view)
        self._update_buttons()
        self.retranslate()

    def title(self) -> str:
        return self.tr("Debtor")

    def retranslate(self) -> None:
        self.identity_box.setTitle(self.tr("Identity"))
        self.contacts_box.setTitle(self.tr("Contacts"))
        self.contacts_view.setAccessibleName(self.tr("Contacts of the debtor"))
        self.add_button.setText(self.tr("A&dd contact…"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.remove_button.setText(self.tr("Re&move"))
        self.identity.retranslate()
        self.contacts_model.retranslate()
        self.parties_box.retranslate()

    def show_detail(self, detail: CaseDetail) -> None:
        super().show_detail(detail)
        self.identity.show_detail(detail)
        self.contacts_model.set_rows(detail.contacts)
        self.parties_box.show_detail(detail)
        # Every column as wide as its contents but one that takes the rest: the value (a long
        # address is elided, whole in its tooltip).
        header = self.contacts_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self._update_buttons()

    def has_unsaved_changes(self) -> bool:
        dialog = self.contact_dialog
        return (
            self.identity.has_unsaved_changes()
            or (dialog is not None and dialog.isVisible() and dialog.has_unsaved_changes())
            or self.parties_box.has_unsaved_changes()
        )

    # -- contacts ---------------------------------------------------------------------------

    def selected_contact(self) -> ContactInfo | None:
        rows = self.contacts_view.selectionModel().selectedRows()
        return self.contacts_model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        busy = self.runner.is_busy("contact")
        chosen = self.selected_contact() is not None
        self.add_button.setEnabled(self.detail is not None and not busy)
        self.edit_button.setEnabled(chosen and not busy)
        self.remove_button.setEnabled(chosen and not busy)

    def add_contact(self) -> None:
        self._open_dialog(None)

    def edit_contact(self) -> None:
        contact = self.selected_contact()
        if contact is not None:
            self._open_dialog(contact)

    def _open_dialog(self, contact: ContactInfo | None) -> None:
        if self.detail is None:
            return
        dialog = ContactDialog(self.detail.debtor_id, contact, self, self.env.interactive)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._save(dialog.command))
        dialog.destroyed.connect(lambda: setattr(self, "contact_dialog", None))
        self.contact_dialog = dialog
        dialog.open()

    def _save(self, command: ContactSave | None) -> None:
        if command is None:
            return
        env = self.env
        self._run(lambda: contacts.save_contact(env.uow_factory(), env.actor, command))

    def remove_contact(self) -> None:
        contact = self.selected_contact()
        if contact is None or self.detail is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove contact"),
            self.tr("Remove the contact {value} of {debtor}?").format(
                value=contact.value, debtor=self.detail.debtor_name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # an address may hold "<b>": it is text
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        answer = box.exec()
        if answer != QMessageBox.StandardButton.Yes:
            return
        env, command = self.env, ContactRemoval(self.detail.debtor_id, contact.id)
        self._run(lambda: contacts.remove_contact(env.uow_factory(), env.actor, command))

    def _run(self, call: Callable[[], object]) -> None:
        self.runner.submit("contact", call, self._contact_done, self._contact_failed)
        self._update_buttons()

    def _contact_done(self, _result: object) -> None:
        self._update_buttons()
        self.changed.emit()

    def _contact_failed(self, failure: Failure) -> None:
        self._update_buttons()
        # A conflict or a contact removed meanwhile: say why, then show it as it is now.
        report_failure(self, failure)
        self.changed.emit()
