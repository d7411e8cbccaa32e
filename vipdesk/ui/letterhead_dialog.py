"""File → "Membrete y logotipo…" (admins only): the company as every letter's letterhead shows
it, the creditor's bank account for each currency (where debtors pay) and the logo.

The logo is chosen from a file: one over 512 KB is refused before it is read, anything that is
not a whole PNG or JPEG picture (a renamed text file, a cut-off download) when it is read; the
service checks it all again. Every message sits under its field."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QDir, QStandardPaths, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from vipdesk.core.errors import QT_TRANSLATE_NOOP, ValidationError
from vipdesk.core.money import SUPPORTED_CURRENCIES
from vipdesk.services import letterhead
from vipdesk.services.document_dto import LETTERHEAD_FIELDS, LetterheadInfo, LetterheadSave
from vipdesk.services.dto import Actor
from vipdesk.ui.case.form_dialog import FormDialog, field_column, new_form
from vipdesk.ui.resources import icon_path
from vipdesk.ui.widgets import named
from vipdesk.ui.workers import Failure

CURRENCIES = tuple(sorted(SUPPORTED_CURRENCIES))
LOGO_SIZE = 180  # the preview's longest side, in pixels
COUNTRY_NAMES = {
    "GT": QT_TRANSLATE_NOOP("LetterheadDialog", "Guatemala (NIT)"),
    "MX": QT_TRANSLATE_NOOP("LetterheadDialog", "Mexico (RFC)"),
}


class LetterheadDialog(FormDialog):
    def __init__(
        self, uow_factory: Any, actor: Actor, interactive: bool = True,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(interactive, parent)
        self.setObjectName("letterheadDialog")
        self.setWindowIcon(QIcon(str(icon_path())))
        self.uow_factory, self.actor = uow_factory, actor
        self.loaded: LetterheadInfo | None = None
        self.logo: bytes | None = None
        self.edits: dict[str, QLineEdit] = {}
        form = new_form()
        for name in LETTERHEAD_FIELDS:
            if name == "country":
                self.country = named(QComboBox(), "letterheadCountry")
                for code in letterhead.COUNTRIES:
                    self.country.addItem("", code)
                self.add_row(form, name, self.country)
            elif name == "complaints":
                self.complaints = named(QPlainTextEdit(), "letterheadComplaints")
                self.complaints.setTabChangesFocus(True)
                self.complaints.setFixedHeight(72)
                self.add_row(form, name, self.complaints)
            else:
                edit = named(QLineEdit(), f"letterhead_{name}")
                edit.setMaxLength(letterhead.LIMITS[name][0] + 50)  # over it: a clear message
                self.edits[name] = edit
                self.add_row(form, name, edit)
        self.accounts_box = named(QGroupBox(), "bankAccounts")
        grid = QGridLayout(self.accounts_box)
        grid.setHorizontalSpacing(12)
        self.account_titles = [named(QLabel(), "fieldLabel") for _ in range(2)]
        grid.addWidget(self.account_titles[0], 0, 1)
        grid.addWidget(self.account_titles[1], 0, 2)
        self.bank_edits: dict[str, QLineEdit] = {}
        for row, currency in enumerate(CURRENCIES, start=1):
            grid.addWidget(named(QLabel(currency), "fieldLabel"), row, 0, Qt.AlignmentFlag.AlignTop)
            for column, part in enumerate(("bank", "account"), start=1):
                key = f"bank_accounts.{currency}.{part}"
                edit = named(QLineEdit(), f"bank_{currency}_{part}")
                self.bank_edits[key] = edit
                cell = QWidget()
                cell.setLayout(field_column(edit, self.add_field(key, edit)))
                grid.addWidget(cell, row, column)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.logo_box = named(QGroupBox(), "logoBox")
        self.logo_view = named(QLabel(), "logoPreview")
        self.logo_view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_view.setFixedSize(LOGO_SIZE + 20, LOGO_SIZE // 2 + 20)
        self.choose_button = named(QPushButton(), "chooseLogoButton")
        self.remove_button = named(QPushButton(), "removeLogoButton")
        self.choose_button.clicked.connect(lambda: self.choose_logo())
        self.remove_button.clicked.connect(self.remove_logo)
        self.logo_note = named(QLabel(), "hintLabel")
        self.logo_note.setWordWrap(True)
        logo_buttons = QVBoxLayout()
        logo_buttons.addWidget(self.choose_button)
        logo_buttons.addWidget(self.remove_button)
        logo_buttons.addWidget(self.logo_note)
        logo_buttons.addStretch(1)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_view)
        logo_row.addLayout(logo_buttons, 1)
        logo_layout = QVBoxLayout(self.logo_box)
        logo_layout.addLayout(logo_row)
        logo_layout.addWidget(self.add_field("logo", self.choose_button))
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 8, 0)
        body_layout.addLayout(form)
        body_layout.addWidget(self.accounts_box)
        body_layout.addWidget(self.logo_box)
        scroll = named(QScrollArea(), "letterheadScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.lay_out(scroll, min_width=760)
        self.resize(820, 760)
        self.save_button.setEnabled(False)  # until the letterhead in force is shown
        self.retranslate()
        self._runner.submit("load", lambda: letterhead.letterhead(uow_factory()),
                            self.show_letterhead, self.refuse)  # fmt: skip

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Letterhead and logo"))
        self.heading.setText(self.windowTitle())
        self.set_captions({
            "trade_name": self.tr("&Company"),
            "legal_name": self.tr("Le&gal name"),
            "country": self.tr("C&ountry"),
            "tax_id": self.tr("&Tax id"),
            "address": self.tr("&Address"),
            "city": self.tr("C&ity"),
            "phone": self.tr("&Phone"),
            "email": self.tr("&Email"),
            "website": self.tr("&Website"),
            "complaints": self.tr("Where debtors may &complain"),
            "signatory_name": self.tr("Signs agreements: &name"),
            "signatory_id_document": self.tr("Signatory's identity &document"),
            "signatory_capacity": self.tr("Signatory's capacit&y"),
        })  # fmt: skip
        for index, code in enumerate(letterhead.COUNTRIES):
            self.country.setItemText(index, self.tr(COUNTRY_NAMES[code]))
        self.accounts_box.setTitle(self.tr("The creditor's bank accounts, where debtors pay"))
        self.account_titles[0].setText(self.tr("Bank"))
        self.account_titles[1].setText(self.tr("Account"))
        for key, edit in self.bank_edits.items():
            _prefix, currency, part = key.split(".")
            text = self.tr("{currency}: bank") if part == "bank" else self.tr("{currency}: account")
            edit.setAccessibleName(text.format(currency=currency))
        self.logo_box.setTitle(self.tr("Logo"))
        self.choose_button.setText(self.tr("C&hoose logo…"))
        self.remove_button.setText(self.tr("&Remove logo"))
        self.choose_button.setAccessibleName(self.tr("Choose logo"))
        self.remove_button.setAccessibleName(self.tr("Remove logo"))
        self.logo_note.setText(self.tr("PNG or JPEG, at most 512 KB."))
        self._show_logo()

    # -- showing ------------------------------------------------------------------------------

    def show_letterhead(self, info: LetterheadInfo) -> None:
        self.loaded = info
        for name, edit in self.edits.items():
            edit.setText(info.fields.get(name, ""))
        self.country.setCurrentIndex(max(self.country.findData(info.fields.get("country")), 0))
        self.complaints.setPlainText(info.fields.get("complaints", ""))
        for currency in CURRENCIES:
            account = info.bank_accounts.get(currency)
            for part in ("bank", "account"):
                text = getattr(account, part) if account is not None else ""
                self.bank_edits[f"bank_accounts.{currency}.{part}"].setText(text)
        self.logo = info.logo
        self._show_logo()
        self.save_button.setEnabled(True)
        self.remember_initial()

    def _show_logo(self) -> None:
        pixmap = QPixmap()
        if self.logo is not None and pixmap.loadFromData(QByteArray(self.logo)):
            keep, smooth = (
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            self.logo_view.setPixmap(pixmap.scaled(LOGO_SIZE, LOGO_SIZE // 2, keep, smooth))
        else:
            self.logo_view.setPixmap(QPixmap())
            self.logo_view.setText(self.tr("No logo"))
        self.remove_button.setEnabled(self.logo is not None)

    # -- the logo -----------------------------------------------------------------------------

    def choose_logo(self, path: Path | None = None) -> bool:
        """Take the logo from ``path`` (None: ask for a file). A file that cannot be the logo
        is refused with the reason under the logo; returns whether it was taken."""
        if path is None:
            pictures = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.PicturesLocation
            )
            # An existing folder: a fresh account may have no pictures folder yet.
            start = pictures if pictures and Path(pictures).is_dir() else QDir.homePath()
            chosen, _filter = QFileDialog.getOpenFileName(
                self, self.tr("Choose logo"), start, self.tr("Images (*.png *.jpg *.jpeg)")
            )
            if not chosen:
                return False
            path = Path(chosen)
        try:
            # The size first: a 50 MB file is not read into memory only to be refused.
            letterhead.check_logo_size(path.stat().st_size)
            data = path.read_bytes()
            letterhead.check_logo(data)
        except ValidationError as error:
            self.show_problems(error.problems)
            return False
        except OSError as error:
            reason = error.strerror or str(error)
            self.show_general(
                lambda: self.tr("The file could not be read: {reason}").format(reason=reason)
            )
            return False
        self.clear_problems()
        self.logo = data
        self._show_logo()
        return True

    def remove_logo(self) -> None:
        self.logo = None
        self._show_logo()

    # -- saving -------------------------------------------------------------------------------

    def snapshot(self) -> object:
        return (
            tuple(e.text() for e in self.edits.values()), self.country.currentIndex(),
            self.complaints.toPlainText(), tuple(e.text() for e in self.bank_edits.values()),
            self.logo,
        )  # fmt: skip

    def build_command(self) -> LetterheadSave:
        fields = {name: edit.text() for name, edit in self.edits.items()}
        fields["country"] = str(self.country.currentData() or "")
        # One paragraph in the letter: lines typed in the box are joined.
        fields["complaints"] = " ".join(self.complaints.toPlainText().split("\n"))
        accounts = {
            currency: {
                part: self.bank_edits[f"bank_accounts.{currency}.{part}"].text()
                for part in ("bank", "account")
            }
            for currency in CURRENCIES
        }
        logo = base64.b64encode(self.logo).decode("ascii") if self.logo else ""
        command = LetterheadSave(fields, accounts, logo)
        letterhead.check_letterhead(command)  # every problem under its field, before saving
        return command

    def save(self, command: LetterheadSave) -> LetterheadInfo:
        return letterhead.save_letterhead(self.uow_factory(), self.actor, command)

    def refuse(self, failure: Failure) -> None:
        super().refuse(failure)
        self.save_button.setEnabled(self.loaded is not None)
