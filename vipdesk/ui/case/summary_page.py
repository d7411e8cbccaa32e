"""Resumen: the key facts of the case and its last five events."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from vipdesk.core.catalog import PromiseStatus
from vipdesk.services.dto import CaseDetail
from vipdesk.services.timeline import case_events
from vipdesk.ui import labels
from vipdesk.ui.case.base import CaseEnv, CasePage
from vipdesk.ui.case.events_model import EventsModel
from vipdesk.ui.formatting import datetime_text, decimal_text, money_text
from vipdesk.ui.widgets import named, record_table
from vipdesk.ui.workers import TaskRunner

LAST_EVENTS = 5
_FACTS = ("tax_id", "id_document", "country", "segment", "team", "priority", "last_contact",
          "promises", "paid")  # fmt: skip


class SummaryPage(CasePage):
    slug = "resumen"

    def __init__(self, env: CaseEnv, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(env, runner, parent)
        self.facts_box = named(QGroupBox(), "factsBox")
        form = QFormLayout(self.facts_box)
        form.setHorizontalSpacing(18)
        form.setVerticalSpacing(8)
        self._captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for key in _FACTS:
            caption, value = named(QLabel(), "fieldLabel"), named(QLabel(), "factText")
            value.setWordWrap(True)
            caption.setBuddy(value)
            form.addRow(caption, value)
            self._captions[key], self.values[key] = caption, value

        self.events_box = named(QGroupBox(), "eventsBox")
        self.events = EventsModel(self)
        self.events_view = record_table("lastEvents", self.events, single=False)
        self.events_view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        events_layout = QVBoxLayout(self.events_box)
        events_layout.addWidget(self.events_view)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(16)
        layout.addWidget(self.facts_box, 2)
        layout.addWidget(self.events_box, 5)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Summary")

    def retranslate(self) -> None:
        self.facts_box.setTitle(self.tr("Key facts"))
        self.events_box.setTitle(self.tr("Last events"))
        self.events_view.setAccessibleName(self.tr("Last events of the case"))
        captions = {
            "tax_id": self.tr("Tax id"),
            "id_document": self.tr("Identity document"),
            "country": self.tr("Country"),
            "segment": self.tr("Segment"),
            "team": self.tr("Team"),
            "priority": self.tr("Priority"),
            "last_contact": self.tr("Last contact"),
            "promises": self.tr("Promises"),
            "paid": self.tr("Paid"),
        }
        for key, text in captions.items():
            self._captions[key].setText(text)
            self.values[key].setAccessibleName(text)
        self.events.retranslate()
        if self.detail is not None:
            self.show_detail(self.detail)

    def show_detail(self, detail: CaseDetail) -> None:
        super().show_detail(detail)
        values = self.values
        values["tax_id"].setText(detail.tax_id or "—")
        values["id_document"].setText(detail.id_document or "—")
        values["country"].setText(detail.country)
        values["segment"].setText(labels.segment_label(detail.segment))
        values["team"].setText(detail.team_name)
        values["priority"].setText(decimal_text(detail.priority))
        values["last_contact"].setText(datetime_text(detail.last_contact_at) or "—")
        pending = sum(1 for p in detail.promises if p.status == PromiseStatus.PENDING)
        broken = sum(1 for p in detail.promises if p.status == PromiseStatus.BROKEN)
        values["promises"].setText(
            self.tr("{total} in all · {pending} pending · {broken} broken").format(
                total=len(detail.promises), pending=pending, broken=broken
            )
        )
        paid: dict[str, Decimal] = defaultdict(Decimal)
        for payment in detail.payments:
            paid[payment.currency] += payment.amount
        values["paid"].setText(
            "\n".join(money_text(amount, currency) for currency, amount in sorted(paid.items()))
            or "—"
        )
        self.events.set_events(case_events(detail)[:LAST_EVENTS])
        self.events_view.resizeColumnsToContents()
        self.events_view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
