"""The band at the top of a case tab: who the debtor is and where the case stands, always in
view whichever page is open."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from vipdesk.services.dto import CaseDetail
from vipdesk.ui import labels
from vipdesk.ui.formatting import date_text, integer_text, money_text, today
from vipdesk.ui.widgets import named


def exposure_by_currency(detail: CaseDetail) -> list[tuple[str, Decimal]]:
    """The debt per currency, from the obligations (a case may owe in quetzales and dollars);
    the case's own figure when it has none."""
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for obligation in detail.obligations:
        totals[obligation.currency] += obligation.total
    if not totals:
        return [(detail.currency, detail.exposure)]
    first = [detail.currency] if detail.currency in totals else []
    return [(c, totals[c]) for c in first + sorted(c for c in totals if c != detail.currency)]


class CaseHeader(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseHeader")
        self.detail: CaseDetail | None = None
        self.debtor = named(QLabel(), "caseDebtor")
        self.debtor.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = named(QLabel(), "caseSubtitle")
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.debtor)
        titles.addWidget(self.subtitle)

        self._captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        facts = QGridLayout()
        facts.setHorizontalSpacing(28)
        facts.setVerticalSpacing(2)
        for column, key in enumerate(
            ("exposure", "days", "bucket", "risk", "executive", "status", "next")
        ):
            caption = named(QLabel(), "factCaption")
            value = named(QLabel(), "factValue")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            facts.addWidget(caption, 0, column)
            facts.addWidget(value, 1, column)
            self._captions[key] = caption
            self.values[key] = value
        facts.setColumnStretch(6, 1)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(20, 12, 20, 12)
        layout.setSpacing(32)
        layout.addLayout(titles)
        layout.addLayout(facts, 1)
        self.retranslate()

    def retranslate(self) -> None:
        captions = {
            "exposure": self.tr("Exposure"),
            "days": self.tr("Days past due"),
            "bucket": self.tr("Bucket"),
            "risk": self.tr("Risk"),
            "executive": self.tr("Executive"),
            "status": self.tr("Status"),
            "next": self.tr("Next action"),
        }
        for key, text in captions.items():
            self._captions[key].setText(text)
            self.values[key].setAccessibleName(text)
        if self.detail is not None:
            self.show_detail(self.detail)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_detail(self, detail: CaseDetail) -> None:
        self.detail = detail
        self.debtor.setText(detail.debtor_name)
        self.subtitle.setText(
            " · ".join(
                part
                for part in (detail.number, labels.segment_label(detail.segment), detail.tax_id)
                if part
            )
        )
        self.values["exposure"].setText(
            "\n".join(
                money_text(amount, currency) for currency, amount in exposure_by_currency(detail)
            )
        )
        self.values["days"].setText(integer_text(detail.days_past_due))
        self.values["bucket"].setText(labels.bucket_label(detail.bucket))
        self.values["risk"].setText(detail.risk_rating or "—")
        self.values["executive"].setText(detail.executive_name)
        self.values["status"].setText(labels.case_status_label(detail.status))
        when = detail.next_action_date
        next_text = " · ".join(p for p in (date_text(when), detail.next_action) if p) or "—"
        self.values["next"].setText(next_text)
        overdue = when is not None and when < today()
        self.values["next"].setProperty("overdue", overdue)
        self.values["next"].style().unpolish(self.values["next"])
        self.values["next"].style().polish(self.values["next"])
