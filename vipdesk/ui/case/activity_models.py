"""Tables of a case's contacts, promises and payments (Gestiones, Promesas, Pagos)."""

from __future__ import annotations

from html import escape
from typing import Any, TypeVar
from uuid import UUID

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from vipdesk.core.errors import QT_TRANSLATE_NOOP
from vipdesk.services.dto import InteractionInfo, PaymentInfo, PromiseInfo
from vipdesk.ui import labels
from vipdesk.ui.formatting import date_text, datetime_text, integer_text, money_text
from vipdesk.ui.table_model import RecordsModel

R = TypeVar("R", InteractionInfo, PromiseInfo, PaymentInfo)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
TOOLTIP_CHARS = 1200  # a tooltip is a glance; the whole text is in the page's detail pane
CONTEXT = "ActivityModels"


def first_line(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[0] if lines else ""


class RowsModel(RecordsModel[R]):
    """A case's rows of one kind: ``text`` and ``tooltip`` per cell, the id in ``ID_ROLE``."""

    CONTEXT = "ActivityModels"

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def row_of(self, row_id: UUID) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == row_id), -1)

    def cell(self, row: R, key: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, key)
        if role == ID_ROLE:
            return str(row.id)
        return None

    def text(self, row: R, key: str) -> str:
        raise NotImplementedError

    def tooltip(self, row: R, key: str) -> str | None:
        return None


class InteractionsModel(RowsModel[InteractionInfo]):
    COLUMNS = (
        ("when", QT_TRANSLATE_NOOP("ActivityModels", "Date")),
        ("channel", QT_TRANSLATE_NOOP("ActivityModels", "Channel")),
        ("direction", QT_TRANSLATE_NOOP("ActivityModels", "Direction")),
        ("contact", QT_TRANSLATE_NOOP("ActivityModels", "Contact reached")),
        ("outcome", QT_TRANSLATE_NOOP("ActivityModels", "Outcome")),
        ("notes", QT_TRANSLATE_NOOP("ActivityModels", "Notes")),
        ("duration", QT_TRANSLATE_NOOP("ActivityModels", "Minutes")),
        ("next", QT_TRANSLATE_NOOP("ActivityModels", "Next action")),
        ("by", QT_TRANSLATE_NOOP("ActivityModels", "By")),
    )
    RIGHT = frozenset({"duration"})

    def text(self, row: InteractionInfo, key: str) -> str:
        if key == "next":
            when = date_text(row.next_action_date)
            return " · ".join(filter(None, [row.next_action, when]))
        return {
            "when": datetime_text(row.occurred_at),
            "channel": labels.channel_label(row.channel),
            "direction": labels.direction_label(row.direction),
            "contact": row.contact_name,
            "outcome": labels.outcome_label(row.outcome),
            "notes": first_line(row.notes),
            "duration": integer_text(row.duration_minutes) if row.duration_minutes else "",
            "by": row.user_name,
        }[key]

    def tooltip(self, row: InteractionInfo, key: str) -> str | None:
        # Qt shows a tooltip as rich text when it looks like markup: "<b>x</b>" typed in the
        # notes must read as typed, so the text is escaped into a plain paragraph.
        if key == "notes" and row.notes.strip():
            return plain_tooltip(row.notes)
        if key == "next" and row.next_action:
            return plain_tooltip(row.next_action)
        return None


class PromisesModel(RowsModel[PromiseInfo]):
    COLUMNS = (
        ("promised_on", QT_TRANSLATE_NOOP("ActivityModels", "Promised on")),
        ("due", QT_TRANSLATE_NOOP("ActivityModels", "Due date")),
        ("amount", QT_TRANSLATE_NOOP("ActivityModels", "Amount")),
        ("applied", QT_TRANSLATE_NOOP("ActivityModels", "Applied")),
        ("missing", QT_TRANSLATE_NOOP("ActivityModels", "Still missing")),
        ("status", QT_TRANSLATE_NOOP("ActivityModels", "Status")),
    )
    RIGHT = frozenset({"amount", "applied", "missing"})

    def text(self, row: PromiseInfo, key: str) -> str:
        missing = max(row.amount - row.applied_amount, 0 * row.amount)
        return {
            "promised_on": date_text(row.promised_on),
            "due": date_text(row.due_date),
            "amount": money_text(row.amount, row.currency),
            "applied": money_text(row.applied_amount, row.currency),
            "missing": money_text(missing, row.currency),
            "status": labels.promise_status_label(row.status),
        }[key]

    def cell(self, row: PromiseInfo, key: str, role: int) -> Any:
        if role == STATUS_ROLE:
            return row.status
        if role == Qt.ItemDataRole.ForegroundRole and key == "status":
            colour = _STATUS_COLOURS.get(row.status)
            return QColor(colour) if colour else None
        return super().cell(row, key, role)


# Broken in the error red, kept in green: the status is what the executive scans for.
_STATUS_COLOURS = {"broken": "#b42318", "kept": "#1e7b34", "partially_kept": "#9a5b00"}


class PaymentsModel(RowsModel[PaymentInfo]):
    COLUMNS = (
        ("paid_on", QT_TRANSLATE_NOOP("ActivityModels", "Date")),
        ("amount", QT_TRANSLATE_NOOP("ActivityModels", "Amount")),
        ("reference", QT_TRANSLATE_NOOP("ActivityModels", "Reference")),
        ("method", QT_TRANSLATE_NOOP("ActivityModels", "Method")),
        ("account", QT_TRANSLATE_NOOP("ActivityModels", "Obligation")),
    )
    RIGHT = frozenset({"amount"})

    def text(self, row: PaymentInfo, key: str) -> str:
        return {
            "paid_on": date_text(row.paid_on),
            "amount": money_text(row.amount, row.currency),
            "reference": row.reference,
            "method": labels.payment_method_label(row.method),
            "account": row.obligation_account,
        }[key]

    def tooltip(self, row: PaymentInfo, key: str) -> str | None:
        return plain_tooltip(row.reference) if key == "reference" and row.reference else None


def plain_tooltip(text: str) -> str:
    """``text`` as a tooltip that shows exactly what was typed (see InteractionsModel)."""
    shown = text.strip()
    if len(shown) > TOOLTIP_CHARS:
        shown = shown[:TOOLTIP_CHARS] + "…"
    body = escape(shown).replace("\n", "<br>")
    return f"<p style='white-space:pre-wrap'>{body}</p>"
