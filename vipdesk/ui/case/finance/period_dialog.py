"""A new period of statements: its label, the day it ends and how many months it covers (an
individual's figures are monthly: one month, fixed)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from vipdesk.core.errors import Problem
from vipdesk.core.ratio_inputs import MAX_MONTHS
from vipdesk.ui.case.debtor_fields import FieldErrors
from vipdesk.ui.widgets import named

MAX_LABEL = 60
EARLIEST_END = date(1990, 1, 1)


class PeriodDialog(QDialog):
    def __init__(
        self,
        is_company: bool,
        taken: Collection[date],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("periodDialog")
        self.setModal(True)
        self.setMinimumWidth(420)
        self.is_company, self.taken, self.today = is_company, set(taken), today
        self.errors = FieldErrors()
        self.heading = named(QLabel(), "dialogHeading")
        self.label = named(QLineEdit(), "periodLabelEdit")
        self.label.setMaxLength(MAX_LABEL)
        self.end = named(QDateEdit(), "periodEndEdit")
        self.end.setCalendarPopup(True)
        self.end.setDisplayFormat("dd/MM/yyyy")
        self.end.setMinimumDate(QDate(EARLIEST_END.year, 1, 1))
        self.end.setMaximumDate(QDate(today.year + 1, today.month, min(today.day, 28)))
        self.end.setDate(QDate(today.year - 1, 12, 31))
        self.months = named(QSpinBox(), "periodMonthsSpin")
        self.months.setRange(1, MAX_MONTHS)
        self.months.setValue(12 if is_company else 1)
        self.months.setEnabled(is_company)
        self.captions = [named(QLabel(), "fieldLabel") for _ in range(3)]
        form = QFormLayout()
        for caption, widget, name in zip(
            self.captions,
            (self.label, self.end, self.months),
            ("label", "period_end", "months"),
            strict=True,
        ):
            caption.setBuddy(widget)
            form.addRow(caption, self.errors.wrap(name, widget))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.label.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Add period"))
        self.heading.setText(self.windowTitle())
        texts = (self.tr("&Label"), self.tr("Period &ends on"), self.tr("&Months covered"))
        for caption, text, widget in zip(
            self.captions, texts, (self.label, self.end, self.months), strict=True
        ):
            caption.setText(text)
            widget.setAccessibleName(text.replace("&", ""))
        self.label.setPlaceholderText(self.tr("e.g. 2025, Q1 2026, June 2026"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Add"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def period_end(self) -> date:
        value = self.end.date().toPython()
        assert isinstance(value, date)
        return value

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        label = self.label.text().strip()
        if not label:
            found["label"] = self.tr("Enter a label for the period")
        elif any(ord(c) < 32 for c in label):
            found["label"] = self.tr("The label cannot hold control characters")
        if self.period_end() in self.taken:
            found["period_end"] = self.tr("Another period already ends on this day")
        return found

    def accept(self) -> None:
        problems = self.problems()
        # Already in the user's language (and without braces): shown as they are.
        self.errors.show(Problem(name, message) for name, message in problems.items())
        if problems:
            return
        super().accept()
