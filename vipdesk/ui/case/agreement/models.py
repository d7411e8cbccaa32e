"""The tables of the Convenio page: the case's agreements (one row per version), the selected
version's schedule, its signatories and its approval trail."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from html import escape
from typing import Any
from uuid import UUID

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from vipdesk.core.errors import QT_TRANSLATE_NOOP
from vipdesk.core.schedule import ScheduleRow
from vipdesk.services.agreement_dto import AgreementSummary, ApprovalStep, Signatory
from vipdesk.ui.case.agreement.labels import (
    TONE_COLOURS,
    action_label,
    level_label,
    percent_text,
    role_label,
    status_label,
    tone_of,
)
from vipdesk.ui.formatting import date_text, datetime_text, integer_text, money_text
from vipdesk.ui.table_model import RecordsModel

CONTEXT = "AgreementModels"
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the agreement version's id, as text
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2  # its status code


class AgreementsModel(RecordsModel[AgreementSummary]):
    CONTEXT = CONTEXT
    COLUMNS = (
        ("number", QT_TRANSLATE_NOOP("AgreementModels", "Agreement")),
        ("version", QT_TRANSLATE_NOOP("AgreementModels", "Version")),
        ("status", QT_TRANSLATE_NOOP("AgreementModels", "Status")),
        ("to_pay", QT_TRANSLATE_NOOP("AgreementModels", "To pay")),
        ("discount", QT_TRANSLATE_NOOP("AgreementModels", "Discount")),
        ("author", QT_TRANSLATE_NOOP("AgreementModels", "Author")),
        ("updated", QT_TRANSLATE_NOOP("AgreementModels", "Updated")),
    )
    RIGHT = frozenset({"version", "to_pay", "discount"})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def row_of(self, agreement_id: UUID | None) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == agreement_id), -1)

    def summaries(self) -> tuple[AgreementSummary, ...]:
        return self._rows

    def cell(self, row: AgreementSummary, key: str, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, key)
        if role == Qt.ItemDataRole.ToolTipRole and key in ("number", "author"):
            return tooltip(self._text(row, key))
        if role == Qt.ItemDataRole.ForegroundRole and key == "status":
            return QBrush(QColor(TONE_COLOURS[tone_of(row.status)][0]))
        if role == Qt.ItemDataRole.FontRole and key == "status":
            font = QFont()
            font.setBold(True)
            return font
        if role == ID_ROLE:
            return str(row.id)
        if role == STATUS_ROLE:
            return row.status
        return None

    def _text(self, row: AgreementSummary, key: str) -> str:
        if key == "number":
            return row.number
        if key == "version":
            return integer_text(row.version)
        if key == "status":
            return status_label(row.status)
        if key == "to_pay":
            return money_text(row.to_pay, row.currency)
        if key == "discount":
            return percent_text(row.discount_pct)
        if key == "author":
            return row.author_name
        return datetime_text(row.updated_at)


class ScheduleModel(RecordsModel[ScheduleRow]):
    CONTEXT = CONTEXT
    COLUMNS = (
        ("number", QT_TRANSLATE_NOOP("AgreementModels", "No.")),
        ("due", QT_TRANSLATE_NOOP("AgreementModels", "Due")),
        ("payment", QT_TRANSLATE_NOOP("AgreementModels", "Payment")),
        ("principal", QT_TRANSLATE_NOOP("AgreementModels", "Principal")),
        ("interest", QT_TRANSLATE_NOOP("AgreementModels", "Interest")),
        ("balance", QT_TRANSLATE_NOOP("AgreementModels", "Balance")),
    )
    RIGHT = frozenset({"number", "payment", "principal", "interest", "balance"})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.currency = "GTQ"

    def set_schedule(self, rows: Iterable[ScheduleRow], currency: str) -> None:
        self.currency = currency
        self.set_rows(rows)

    def totals(self) -> tuple[Decimal, Decimal, Decimal]:
        """Payments, principal and interest over every row."""
        rows = self._rows
        return (
            sum((r.payment for r in rows), Decimal(0)),
            sum((r.principal for r in rows), Decimal(0)),
            sum((r.interest for r in rows), Decimal(0)),
        )

    def cell(self, row: ScheduleRow, key: str, role: int) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if key == "number":
            return self.tr("Down payment") if row.number == 0 else integer_text(row.number)
        if key == "due":
            return date_text(row.due_date)
        amount: Decimal = getattr(row, key)
        return money_text(amount, self.currency)


class SignatoriesModel(RecordsModel[Signatory]):
    CONTEXT = CONTEXT
    COLUMNS = (
        ("role", QT_TRANSLATE_NOOP("AgreementModels", "Role")),
        ("name", QT_TRANSLATE_NOOP("AgreementModels", "Name")),
        ("id_document", QT_TRANSLATE_NOOP("AgreementModels", "Identity document")),
        ("capacity", QT_TRANSLATE_NOOP("AgreementModels", "Capacity")),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def signatories(self) -> tuple[Signatory, ...]:
        return self._rows

    def cell(self, row: Signatory, key: str, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return role_label(row.role) if key == "role" else str(getattr(row, key))
        if role == Qt.ItemDataRole.ToolTipRole and key in ("name", "capacity"):
            return tooltip(str(getattr(row, key)))
        return None


class TrailModel(RecordsModel[ApprovalStep]):
    CONTEXT = CONTEXT
    COLUMNS = (
        ("when", QT_TRANSLATE_NOOP("AgreementModels", "Date")),
        ("who", QT_TRANSLATE_NOOP("AgreementModels", "Who")),
        ("action", QT_TRANSLATE_NOOP("AgreementModels", "Step")),
        ("comment", QT_TRANSLATE_NOOP("AgreementModels", "Comment")),
        ("level", QT_TRANSLATE_NOOP("AgreementModels", "Required level")),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def cell(self, row: ApprovalStep, key: str, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, key)
        if role == Qt.ItemDataRole.ToolTipRole and key == "comment":
            return tooltip(row.comment)  # the whole comment, however long
        return None

    def _text(self, row: ApprovalStep, key: str) -> str:
        if key == "when":
            return datetime_text(row.occurred_at)
        if key == "who":
            return row.user_name
        if key == "action":
            return action_label(row.action)
        if key == "comment":
            return " ".join(row.comment.split())  # one line in the table
        return level_label(row.required_level)


def tooltip(text: str) -> str | None:
    """``text`` as a tooltip: always rich text, escaped, so that "<b>" typed by a user shows
    as typed (Qt guesses plain or rich text, and guesses wrong both ways)."""
    return "<p>" + escape(text).replace("\n", "<br>") + "</p>" if text else None
