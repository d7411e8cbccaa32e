"""Adding or changing one of the debtor's contacts, in a small dialog.

Checked with the same rules the service applies (``contacts.check_contact``) when the user
presses Save and, from then on, as they type; each message sits under its field. The dialog
only builds the command: the page runs it. Cancelling typed work asks first.
"""

from __future__ import annotations

from uuid import UUID, uuid4

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from vipdesk.services import contacts
from vipdesk.services.dto import ContactInfo, ContactSave
from vipdesk.ui import labels
from vipdesk.ui.case.record_dialog import RecordDialog
from vipdesk.ui.widgets import named


class ContactDialog(RecordDialog):
    def __init__(
        self,
        debtor_id: UUID,
        contact: ContactInfo | None = None,
        parent: QWidget | None = None,
        interactive: bool = True,
    ) -> None:
        super().__init__(parent, interactive)
        self.setObjectName("contactDialog")
        self.setModal(True)
        self.setMinimumWidth(460)
        self.debtor_id = debtor_id
        self.contact = contact
        self.command: ContactSave | None = None

        self.heading = named(QLabel(), "dialogHeading")
        self.kind = named(QComboBox(), "contactKindCombo")
        for code in contacts.KINDS:
            self.kind.addItem("", code)
        self.label = named(QLineEdit(), "contactLabelEdit")
        self.value = named(QLineEdit(), "contactValueEdit")
        self.best_hours = named(QLineEdit(), "contactHoursEdit")
        self.preferred = named(QCheckBox(), "contactPreferredCheck")
        self.inputs = {
            "kind": self.kind, "label": self.label, "value": self.value,
            "best_hours": self.best_hours,
        }  # fmt: skip
        self.captions: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setVerticalSpacing(8)
        for name, widget in self.inputs.items():
            caption = named(QLabel(), "fieldLabel")
            caption.setBuddy(widget)
            form.addRow(caption, self.errors.wrap(name, widget))
            self.captions[name] = caption
        form.addRow("", self.preferred)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        if contact is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(contact.kind)))
            self.label.setText(contact.label)
            self.value.setText(contact.value)
            self.best_hours.setText(contact.best_hours)
            self.preferred.setChecked(contact.preferred)
        self._initial = self._typed()
        for edit in (self.label, self.value, self.best_hours):
            edit.textChanged.connect(self.recheck)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._retranslate()
        (self.label if contact else self.kind).setFocus()

    def _retranslate(self) -> None:
        editing = self.contact is not None
        self.setWindowTitle(self.tr("Edit contact") if editing else self.tr("Add contact"))
        self.heading.setText(self.windowTitle())
        for index in range(self.kind.count()):
            self.kind.setItemText(index, labels.contact_kind_label(self.kind.itemData(index)))
        captions = {"kind": self.tr("&Kind"), "label": self.tr("&Label"),
                    "value": self.tr("&Value"), "best_hours": self.tr("&Best hours")}  # fmt: skip
        for name, text in captions.items():
            self.captions[name].setText(text)
            self.inputs[name].setAccessibleName(text.replace("&", ""))
        self.label.setPlaceholderText(self.tr("e.g. Mobile, Office, Home"))
        self.best_hours.setPlaceholderText(self.tr("e.g. Weekdays 9:00–12:00"))
        self._kind_changed()
        self.preferred.setText(self.tr("&Preferred contact of this kind"))
        self.preferred.setToolTip(self.tr("Marking it unmarks the debtor's other ones of its kind"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _kind_changed(self) -> None:
        hints = {
            "phone": self.tr("e.g. +502 5555-1234"),
            "email": self.tr("e.g. name@example.com"),
            "address": self.tr("Street, number, zone, city"),
        }
        self.value.setPlaceholderText(hints.get(self._kind_code(), ""))
        self.recheck()

    def _kind_code(self) -> str:
        data = self.kind.currentData()
        return str(data) if data is not None else ""

    def _typed(self) -> tuple[str, str, str, str, bool]:
        return (self._kind_code(), self.label.text(), self.value.text(),
                self.best_hours.text(), self.preferred.isChecked())  # fmt: skip

    def has_unsaved_changes(self) -> bool:
        return self._typed() != self._initial

    def check(self) -> dict[str, str]:
        return contacts.check_contact(
            self._kind_code(), self.label.text(), self.value.text(), self.best_hours.text()
        )

    def accept(self) -> None:
        if not self.validate():
            return  # stays open, the messages next to the fields
        seen = self.contact
        self.command = ContactSave(
            debtor_id=self.debtor_id,
            contact_id=seen.id if seen else uuid4(),
            kind=self._kind_code(),
            label=self.label.text(),
            value=self.value.text(),
            preferred=self.preferred.isChecked(),
            best_hours=self.best_hours.text(),
            seen_label=seen.label if seen else None,
            seen_value=seen.value if seen else None,
            seen_best_hours=seen.best_hours if seen else None,
        )
        super().accept()

    def discard_question(self) -> str:
        return self.tr("Discard what you typed in this contact?")
