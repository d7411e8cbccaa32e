"""Adding or changing one of the debtor's related parties (a guarantor, legal representative
or co-debtor), in a small dialog.

Like the contact dialog: checked with the service's own rules (``related_parties.check_party``,
identifiers by the debtor's country) when the user presses Save and, from then on, as they
type; each message sits under its field. The dialog only builds the command: the page runs it.
Cancelling typed work asks first.
"""

from __future__ import annotations

from uuid import UUID, uuid4

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from vipdesk.core import identifiers
from vipdesk.core.catalog import Country
from vipdesk.services import related_parties
from vipdesk.services.dto import PartySave, RelatedPartyInfo
from vipdesk.ui.case.debtor_models import role_label
from vipdesk.ui.case.record_dialog import RecordDialog
from vipdesk.ui.widgets import named


class PartyDialog(RecordDialog):
    def __init__(
        self,
        debtor_id: UUID,
        country: str,
        party: RelatedPartyInfo | None = None,
        parent: QWidget | None = None,
        interactive: bool = True,
    ) -> None:
        super().__init__(parent, interactive)
        self.setObjectName("partyDialog")
        self.setModal(True)
        self.setMinimumWidth(480)
        self.debtor_id = debtor_id
        self.country = country  # the debtor's: its rules for the tax id and identity document
        self.party = party
        self.command: PartySave | None = None

        self.heading = named(QLabel(), "dialogHeading")
        self.role = named(QComboBox(), "partyRoleCombo")
        for code in related_parties.ROLES:
            self.role.addItem("", code)
        self.name = named(QLineEdit(), "partyNameEdit")
        self.capacity = named(QLineEdit(), "partyCapacityEdit")
        self.tax_id = named(QLineEdit(), "partyTaxIdEdit")
        self.id_document = named(QLineEdit(), "partyIdDocumentEdit")
        self.phone = named(QLineEdit(), "partyPhoneEdit")
        self.email = named(QLineEdit(), "partyEmailEdit")
        self.edits: dict[str, QLineEdit] = {
            "name": self.name, "capacity": self.capacity, "tax_id": self.tax_id,
            "id_document": self.id_document, "phone": self.phone, "email": self.email,
        }  # fmt: skip
        self.inputs = {"role": self.role, **self.edits}
        self.captions: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setVerticalSpacing(8)
        for name, widget in self.inputs.items():
            caption = named(QLabel(), "fieldLabel")
            caption.setBuddy(widget)
            form.addRow(caption, self.errors.wrap(name, widget))
            self.captions[name] = caption
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        if party is not None:
            self.role.setCurrentIndex(max(0, self.role.findData(party.role)))
            for name, edit in self.edits.items():
                edit.setText(getattr(party, name))
        self._initial = self._typed()
        for edit in self.edits.values():
            edit.textChanged.connect(self.recheck)
        self.role.currentIndexChanged.connect(self.recheck)
        self._retranslate()
        (self.name if party else self.role).setFocus()

    def _retranslate(self) -> None:
        editing = self.party is not None
        self.setWindowTitle(
            self.tr("Edit related party") if editing else self.tr("Add related party")
        )
        self.heading.setText(self.windowTitle())
        for index in range(self.role.count()):
            self.role.setItemText(index, role_label(self.role.itemData(index)))
        captions = {
            "role": self.tr("&Role"), "name": self.tr("&Name"), "capacity": self.tr("C&apacity"),
            "tax_id": self.tr("&Tax id"), "id_document": self.tr("I&dentity document"),
            "phone": self.tr("&Phone"), "email": self.tr("&Email"),
        }  # fmt: skip
        for name, text in captions.items():
            self.captions[name].setText(text)
            self.inputs[name].setAccessibleName(text.replace("&", ""))
        self.name.setPlaceholderText(self.tr("Full name, or the company's legal name"))
        self.capacity.setPlaceholderText(self.tr("e.g. Sole administrator, spouse, partner"))
        if self.country == Country.GUATEMALA:
            tax_id = self.tr("NIT, e.g. {example}").format(example=identifiers.NIT_EXAMPLE)
            document = self.tr("DPI, 13 digits")
        elif self.country == Country.MEXICO:
            tax_id = self.tr("RFC, e.g. {example}").format(
                example=identifiers.RFC_INDIVIDUAL_EXAMPLE
            )
            document = self.tr("CURP, e.g. {example}").format(example=identifiers.CURP_EXAMPLE)
        else:
            tax_id = document = ""
        self.tax_id.setPlaceholderText(tax_id)
        self.id_document.setPlaceholderText(document)
        self.phone.setPlaceholderText(self.tr("e.g. +502 5555-1234"))
        self.email.setPlaceholderText(self.tr("e.g. name@example.com"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.recheck()  # messages in the new language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _role_code(self) -> str:
        data = self.role.currentData()
        return str(data) if data is not None else ""

    def _typed(self) -> tuple[str, ...]:
        return (self._role_code(), *(edit.text() for edit in self.edits.values()))

    def has_unsaved_changes(self) -> bool:
        return self._typed() != self._initial

    def check(self) -> dict[str, str]:
        texts = {name: edit.text() for name, edit in self.edits.items()}
        return related_parties.check_party(self._role_code(), **texts, country=self.country)

    def accept(self) -> None:
        if not self.validate():
            return  # stays open, the messages next to the fields
        seen = self.party
        self.command = PartySave(
            debtor_id=self.debtor_id,
            party_id=seen.id if seen else uuid4(),
            role=self._role_code(),
            name=self.name.text(),
            capacity=self.capacity.text(),
            tax_id=self.tax_id.text(),
            id_document=self.id_document.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            seen_role=seen.role if seen else None,
            seen_name=seen.name if seen else None,
            seen_capacity=seen.capacity if seen else None,
            seen_tax_id=seen.tax_id if seen else None,
            seen_id_document=seen.id_document if seen else None,
            seen_phone=seen.phone if seen else None,
            seen_email=seen.email if seen else None,
        )
        super().accept()

    def discard_question(self) -> str:
        return self.tr("Discard what you typed in this related party?")
