"""The terms of an agreement version as a form: two columns of fields (what is paid and when;
then the conditions and the legal details), each with its message under it.

Amounts are typed as the user reads them ("1,250.00") and rates as percentages ("18" is
18 %); the form hands the services the text they take (rates as fractions, dates ISO, codes).
Every change goes through the page's undo history (``Edits``): the fields' own undo would know
nothing of the other fields.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal
from functools import partial

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from vipdesk.core.errors import Problem
from vipdesk.core.schedule import FREQUENCIES, METHODS
from vipdesk.ui.case.agreement.edits import Edits
from vipdesk.ui.case.agreement.labels import settlement_label
from vipdesk.ui.case.debtor_fields import FieldErrors, UndoKeys
from vipdesk.ui.case.finance.scenario_dialog import PERCENT_RATE, amount_shown
from vipdesk.ui.case.finance.scenarios_model import FREQUENCY_LABELS, METHOD_LABELS, label
from vipdesk.ui.case.form_dialog import amount_cell, mark_invalid
from vipdesk.ui.case.form_fields import AmountEdit, DateField, OptionalDateField, choice
from vipdesk.ui.formatting import percent_of_fraction, today
from vipdesk.ui.widgets import named

# In the order of services/agreement_terms.TERM_FIELDS, split into the form's two columns.
PAYMENT_FIELDS = ("discount_amount", "down_payment", "down_payment_date", "installments",
                  "frequency", "annual_rate", "first_due", "grace_periods", "balloon")  # fmt: skip
CONDITION_FIELDS = ("method", "grace_days", "late_rate", "acceleration_days", "settlement",
                    "offer_valid_until", "bank_account", "credit_number",
                    "jurisdiction")  # fmt: skip
TERM_ORDER = PAYMENT_FIELDS + CONDITION_FIELDS
AMOUNTS = frozenset({"discount_amount", "down_payment", "balloon"})
PERCENTS = frozenset({"annual_rate", "late_rate"})
DAYS = frozenset({"grace_days", "acceleration_days"})
COUNTS = frozenset({"installments", "grace_periods"}) | DAYS
OPTIONAL_DATES = frozenset({"down_payment_date", "offer_valid_until"})
SETTLEMENTS = ("full", "partial")
CHOICES: Mapping[str, tuple[str, ...]] = {
    "frequency": FREQUENCIES, "method": METHODS, "settlement": SETTLEMENTS,
}  # fmt: skip
MAX_TEXT = 300  # the widest a bank account, credit number or court could sensibly be
_PERCENT = re.compile(r"(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)", re.ASCII)


def percent_as_fraction(text: str) -> str | None:
    """ "18", "12.5 %", "12,5" as the fraction text the services store ("0.18"); None when it
    is not a percentage (the service's range check sees 150 % as 1.5)."""
    typed = text.strip().removesuffix("%").strip()
    if not _PERCENT.fullmatch(typed):
        return None
    return format((Decimal(typed.replace(",", ".")) / 100).normalize(), "f")


def _iso(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


class TermsForm(QWidget):
    """``edits`` records what is typed; ``changed`` (of ``edits``) tells the page."""

    submitted = Signal()  # Enter in a line: save

    def __init__(self, edits: Edits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edits = edits
        self.errors = FieldErrors()
        self.inputs: dict[str, QWidget] = {}
        self.captions: dict[str, QLabel] = {}
        self.units: dict[str, QLabel] = {}
        self.currency = ""
        keys = UndoKeys(edits.stack, self)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        for column, fields in enumerate((PAYMENT_FIELDS, CONDITION_FIELDS)):
            for row, field in enumerate(fields):
                widget, cell = self._input(field)
                widget.installEventFilter(keys)
                caption = named(QLabel(), "fieldLabel")
                caption.setBuddy(widget)
                caption.setContentsMargins(0, 6, 0, 0)  # level with the input beside it
                grid.addWidget(caption, row, column * 2, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(self.errors.wrap(field, cell), row, column * 2 + 1)
                self.inputs[field], self.captions[field] = widget, caption
                edits.register(field, partial(self._put_value, field))
                self._watch(field, widget)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setColumnMinimumWidth(2, 24)
        grid.setRowStretch(len(PAYMENT_FIELDS), 1)
        self.setStyleSheet(
            "QAbstractSpinBox:read-only, QComboBox:disabled { background: #eef1f4; "
            "color: #1f2933; }"
        )
        self.retranslate()

    # -- building ---------------------------------------------------------------------------

    def _input(self, field: str) -> tuple[QWidget, QWidget]:
        """The input of a term and the cell holding it (with its unit beside it)."""
        widget: QWidget
        if field in AMOUNTS:
            widget = AmountEdit()
        elif field in OPTIONAL_DATES:
            widget = OptionalDateField()
        elif field == "first_due":
            widget = DateField(today() + timedelta(days=30))
        elif field in COUNTS:
            spin = QSpinBox()
            # Wide on purpose: 0 or 601 instalments reach the check and get its message.
            spin.setRange(0, 999_999)
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            widget = spin
        elif field in CHOICES:
            combo = QComboBox()
            for code in CHOICES[field]:
                combo.addItem("", code)
            widget = combo
        else:
            edit = QLineEdit()
            edit.setMaxLength(40 if field in PERCENTS else MAX_TEXT)
            if field in PERCENTS:
                edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            widget = edit
        named(widget, f"term_{field}")
        if not isinstance(widget, QLineEdit):
            widget.setMinimumHeight(30)  # as tall as the styled line edits beside them
        if isinstance(widget, QLineEdit):
            widget.returnPressed.connect(self.submitted)
        if field not in AMOUNTS | PERCENTS | DAYS:
            return widget, widget
        unit = named(QLabel("%" if field in PERCENTS else ""), "currencyLabel")
        bold = QFont(unit.font())
        bold.setBold(True)  # as the stylesheet shows it: every unit as wide, inputs aligned
        unit.setMinimumWidth(QFontMetrics(bold).horizontalAdvance("MXN") + 6)
        self.units[field] = unit
        return widget, amount_cell(widget, unit)

    def _watch(self, field: str, widget: QWidget) -> None:
        def typed() -> None:
            self.edits.typed(field, self.value(field))

        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(typed)
        elif isinstance(widget, QSpinBox):
            widget.valueChanged.connect(typed)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(typed)
        elif isinstance(widget, DateField | OptionalDateField):
            widget.dateChanged.connect(typed)

    def retranslate(self) -> None:
        captions = {
            "discount_amount": self.tr("Discount (forgiven)"),
            "down_payment": self.tr("Down payment"),
            "down_payment_date": self.tr("Down payment date"),
            "installments": self.tr("Instalments"),
            "frequency": self.tr("Frequency"),
            "annual_rate": self.tr("Annual rate"),
            "first_due": self.tr("First due date"),
            "grace_periods": self.tr("Grace periods"),
            "balloon": self.tr("Balloon"),
            "method": self.tr("Method"),
            "grace_days": self.tr("Days of grace"),
            "late_rate": self.tr("Late-payment rate"),
            "acceleration_days": self.tr("Acceleration after"),
            "settlement": self.tr("Settlement"),
            "offer_valid_until": self.tr("Offer valid until"),
            "bank_account": self.tr("Bank account"),
            "credit_number": self.tr("Credit number"),
            "jurisdiction": self.tr("Jurisdiction"),
        }
        for field, text in captions.items():
            self.captions[field].setText(text)
            self.inputs[field].setAccessibleName(text)
        for field in DAYS:
            self.units[field].setText(self.tr("days"))
        for field, unit in self.units.items():
            unit.setAccessibleName(self.tr("Percent") if field in PERCENTS else (
                self.tr("Days") if field in DAYS else self.tr("Currency")))  # fmt: skip
        tables = {"frequency": FREQUENCY_LABELS, "method": METHOD_LABELS}
        for field in CHOICES:
            combo = self.inputs[field]
            assert isinstance(combo, QComboBox)
            for index in range(combo.count()):
                code = str(combo.itemData(index))
                text = settlement_label(code) if field == "settlement" else label(
                    tables[field], code)  # fmt: skip
                combo.setItemText(index, text)
        hints = {
            "discount_amount": self.tr("0.00: no discount"),
            "down_payment": self.tr("0.00: none"),
            "balloon": self.tr("0.00: none"),
            "annual_rate": self.tr("e.g. 12"),
            "late_rate": self.tr("e.g. 24"),
            "bank_account": self.tr("Bank, account type and number"),
            "jurisdiction": self.tr("The courts the parties submit to"),
        }
        for field, text in hints.items():
            widget = self.inputs[field]
            assert isinstance(widget, QLineEdit)
            widget.setPlaceholderText(text)
        for field, text in (("down_payment_date", self.tr("One period before the first due date")),
                            ("offer_valid_until", self.tr("No limit"))):  # fmt: skip
            optional = self.inputs[field]
            assert isinstance(optional, OptionalDateField)
            optional.set_empty_text(text)
        self.inputs["grace_periods"].setToolTip(
            self.tr("First instalments that pay interest only (counted within the instalments)")
        )
        self.inputs["grace_days"].setToolTip(
            self.tr("Days after a due date before a payment counts as late")
        )
        self.inputs["acceleration_days"].setToolTip(
            self.tr("Days in default after which the whole balance falls due and the discount is "
                    "lost"))  # fmt: skip

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- values -----------------------------------------------------------------------------

    def set_currency(self, currency: str) -> None:
        self.currency = currency
        for field in AMOUNTS:
            self.units[field].setText(currency)

    def value(self, field: str) -> str:
        """What the field shows, as text: an amount or a percentage as typed, a date ISO
        ("" when an optional one is empty), a count, a code."""
        widget = self.inputs[field]
        if isinstance(widget, OptionalDateField):
            day = widget.value()
            return day.isoformat() if day is not None else ""
        if isinstance(widget, DateField):
            return widget.value().isoformat()
        if isinstance(widget, QSpinBox):
            return str(widget.value())
        if isinstance(widget, QComboBox):
            return choice(widget)
        assert isinstance(widget, QLineEdit)
        return widget.text()

    def values(self) -> dict[str, str]:
        return {field: self.value(field) for field in TERM_ORDER}

    def shown(self, terms: Mapping[str, str]) -> dict[str, str]:
        """Stored terms as the form shows them (what ``value`` reads back)."""
        out: dict[str, str] = {}
        for field in TERM_ORDER:
            stored = str(terms.get(field, ""))
            if field in PERCENTS:
                out[field] = percent_of_fraction(stored) if stored else ""
            elif field in AMOUNTS:
                out[field] = amount_shown(stored) if stored else ""
            else:
                out[field] = stored
        return out

    def _put_value(self, field: str, value: object) -> None:
        self._put(field, str(value))

    def _put(self, field: str, text: str) -> None:
        """Show ``text`` (as ``value`` reads it) in the field, if it does not already."""
        if self.value(field) == text:
            return
        widget = self.inputs[field]
        if isinstance(widget, OptionalDateField):
            widget.set_value(_iso(text))
        elif isinstance(widget, DateField):
            day = _iso(text)
            if day is not None:  # an unreadable stored date: the default, for the user to fix
                widget.set_value(day)
        elif isinstance(widget, QSpinBox):
            if text.isdigit():
                widget.setValue(int(text))
        elif isinstance(widget, QComboBox):
            index = widget.findData(text)
            if index < 0 and text:  # a code from newer data: shown, not lost
                widget.addItem(text, text)
                index = widget.count() - 1
            widget.setCurrentIndex(max(0, index))
        else:
            assert isinstance(widget, QLineEdit)
            widget.setText(text)
            widget.setCursorPosition(len(text))

    def set_editable(self, editable: bool) -> None:
        """A frozen version reads like the stylesheet's read-only line edits, every kind of
        input alike, and stays legible (a disabled input's grey text is hard to read)."""
        for widget in self.inputs.values():
            if isinstance(widget, QLineEdit):
                widget.setReadOnly(not editable)
            elif isinstance(widget, QAbstractSpinBox):
                widget.setReadOnly(not editable)
                symbols = QAbstractSpinBox.ButtonSymbols
                widget.setButtonSymbols(symbols.UpDownArrows if editable else symbols.NoButtons)
            else:
                widget.setEnabled(editable)

    def service_terms(self) -> dict[str, str]:
        """The terms as the services take them: rates as fractions. A rate that is not a
        percentage goes as typed, for the service to refuse with the other problems (and
        ``show_problems`` to word its message in percentages)."""
        terms = self.values()
        for field in PERCENTS:
            if terms[field].strip():
                terms[field] = percent_as_fraction(terms[field]) or terms[field]
        return terms

    def show_problems(self, problems: list[Problem]) -> list[str]:
        """The messages under their fields, a rate's in percentages (the service words it as
        a fraction). Returns the fields named."""
        shown = [Problem(p.field, PERCENT_RATE) if p.field in PERCENTS else p for p in problems]
        named_fields = self.errors.show(shown)
        for field, widget in self.inputs.items():
            # The message marks the cell; the red border belongs on the input inside it.
            if bool(widget.property("invalid")) != (field in named_fields):
                mark_invalid(widget, field in named_fields)
        return named_fields
