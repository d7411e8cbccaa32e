"""What an agreement version adds up to: the breakdown of what is owed, the discount and what
is to be paid (right-aligned, with the currency), and the schedule of payments with its
totals. Both show the saved version or, while the terms are being edited, the live preview."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from vipdesk.core.schedule import ScheduleRow
from vipdesk.services.agreement_dto import Breakdown
from vipdesk.ui.case.agreement.labels import percent_text
from vipdesk.ui.case.agreement.models import ScheduleModel
from vipdesk.ui.formatting import date_text, money_text
from vipdesk.ui.widgets import named, record_table

_LINES = ("principal", "interest", "default_interest", "fees", "total", "discount", "to_pay")


class BreakdownStrip(QFrame):
    """The figures side by side, caption over value, always in view above the version's parts
    (the live preview changes them while the terms are typed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("breakdownStrip")
        self.setStyleSheet(
            "QFrame#breakdownStrip { background: #ffffff; border: 1px solid #dde3ea; "
            "border-radius: 6px; }"
        )
        self.breakdown: Breakdown | None = None
        self.currency = ""
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 6, 12, 6)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(0)
        self.captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for column, key in enumerate(_LINES):
            caption = named(QLabel(), "factCaption")
            value = named(QLabel("—"), "factValue")
            for label in (caption, value):
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if key == "to_pay":
                value.setStyleSheet("color: #1f5f99;")
            grid.addWidget(caption, 0, column)
            grid.addWidget(value, 1, column)
            grid.setColumnStretch(column, 1)
            self.captions[key], self.values[key] = caption, value
        self.retranslate()

    def retranslate(self) -> None:
        texts = {
            "principal": self.tr("Principal"),
            "interest": self.tr("Ordinary interest"),
            "default_interest": self.tr("Default interest"),
            "fees": self.tr("Fees and charges"),
            "total": self.tr("Total owed"),
            "discount": self.tr("Discount"),
            "to_pay": self.tr("To pay"),
        }
        for key, text in texts.items():
            self.captions[key].setText(text)
            self.values[key].setAccessibleName(text)
        if self.breakdown is not None:
            self.show_breakdown(self.breakdown, self.currency)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_breakdown(self, breakdown: Breakdown, currency: str) -> None:
        self.breakdown, self.currency = breakdown, currency
        for key in _LINES:
            text = money_text(getattr(breakdown, key), currency)
            if key == "discount":
                text = self.tr("{amount} ({pct})").format(
                    amount=text, pct=percent_text(breakdown.discount_pct)
                )
            self.values[key].setText(text)

    def clear(self) -> None:
        self.breakdown = None
        for value in self.values.values():
            value.setText("—")


class ScheduleView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ScheduleModel(self)
        self.table = record_table("scheduleTable", self.model)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.summary = named(QLabel(), "countLabel")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setAccessibleName(self.tr("Schedule of payments"))
        self.model.retranslate()
        self._show_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_schedule(self, rows: tuple[ScheduleRow, ...], currency: str) -> None:
        self.model.set_schedule(rows, currency)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self._show_summary()

    def _show_summary(self) -> None:
        rows = [self.model.row_at(i) for i in range(self.model.rowCount())]
        instalments = [r for r in rows if r is not None and r.number > 0]
        if not instalments:
            self.summary.setText(self.tr("No schedule: the terms are not complete"))
            return
        payment, principal, interest = self.model.totals()
        currency = self.model.currency
        self.summary.setText(
            self.tr("%n instalment(s) from {first} to {last} · payments {payment} · "
                    "principal {principal} · interest {interest}", "", len(instalments)).format(
                first=date_text(instalments[0].due_date),
                last=date_text(instalments[-1].due_date),
                payment=money_text(payment, currency),
                principal=money_text(principal, currency),
                interest=money_text(interest, currency),
            )
        )  # fmt: skip
