"""Pagos: the payments received, and how the selected one was applied to the obligation's
balance (fees first, then default interest, interest and principal); "Record payment"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QWidget

from vipdesk.services.dto import CaseDetail, PaymentInfo
from vipdesk.ui.case.activity_models import PaymentsModel
from vipdesk.ui.case.base import CaseEnv
from vipdesk.ui.case.form_dialog import FormDialog
from vipdesk.ui.case.payment_dialog import PaymentDialog
from vipdesk.ui.case.records_page import RecordsPage
from vipdesk.ui.formatting import money_text
from vipdesk.ui.widgets import named
from vipdesk.ui.workers import TaskRunner

# In the order a payment is applied.
PARTS = ("fees", "default_interest", "interest", "principal", "total")


class PaymentsPage(RecordsPage):
    slug = "pagos"

    def __init__(self, env: CaseEnv, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(env, runner, PaymentsModel(), "paymentsTable", parent)
        self.model.setParent(self)
        self.breakdown_box = named(QGroupBox(), "paymentBreakdown")
        grid = QGridLayout(self.breakdown_box)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(4)
        self._captions: dict[str, QLabel] = {}
        self.parts: dict[str, QLabel] = {}
        for column, key in enumerate(PARTS):
            caption = named(QLabel(), "factCaption")
            value = named(QLabel(), "factValue")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(caption, 0, column)
            grid.addWidget(value, 1, column)
            self._captions[key], self.parts[key] = caption, value
        grid.setColumnStretch(len(PARTS), 1)
        self.page_layout.addWidget(self.breakdown_box)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Payments")

    def empty_text(self) -> str:
        return self.tr("No payments recorded yet.")

    def count_text(self, count: int) -> str:
        return self.tr("%n payment(s), newest first", "", count)

    def retranslate(self) -> None:
        super().retranslate()
        self.new_button.setText(self.tr("&Record payment"))
        self.new_button.setAccessibleName(self.tr("Record payment"))
        self.table.setAccessibleName(self.tr("Payments of the case"))
        self.breakdown_box.setTitle(self.tr("How the selected payment was applied"))
        captions = {
            "fees": self.tr("Fees"),
            "default_interest": self.tr("Default interest"),
            "interest": self.tr("Interest"),
            "principal": self.tr("Principal"),
            "total": self.tr("Total"),
        }
        for key, text in captions.items():
            self._captions[key].setText(text)
            self.parts[key].setAccessibleName(text)
        self.show_selected(self.selected())

    def rows_of(self, detail: CaseDetail) -> tuple[Any, ...]:
        return detail.payments

    def make_dialog(self, detail: CaseDetail) -> FormDialog:
        return PaymentDialog(self.env, detail, self)

    def show_selected(self, row: PaymentInfo | None) -> None:
        self.breakdown_box.setEnabled(row is not None)
        if row is None:
            for value in self.parts.values():
                value.setText("—")
            return
        amounts = {
            "fees": row.applied_fees,
            "default_interest": row.applied_default_interest,
            "interest": row.applied_interest,
            "principal": row.applied_principal,
            "total": row.amount,
        }
        for key, amount in amounts.items():
            self.parts[key].setText(money_text(amount, row.currency))
