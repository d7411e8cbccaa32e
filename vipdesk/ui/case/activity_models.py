"""Tables of a case's contacts, promises and payments (Gestiones, Promesas, Pagos)."""

from __future__ import annotations

from html import escape
from typing import Any, Generic, TypeVar
from uuid import UUID

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from vipdesk.core.errors import QT_TRANSLATE_NOOP
from vipdesk.services.dto import InteractionInfo, PaymentInfo, PromiseInfo
from vipdesk.ui import labels
from vipdesk.ui.formatting import date_text, datetime_text, integer_text, money_text

R = TypeVar("R", InteractionInfo, PromiseInfo, PaymentInfo)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
TOOLTIP_CHARS = 1200  # a tooltip is a glance; the whole text is in the page's detail pane
CONTEXT = "ActivityModels"
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def first_line(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[0] if lines else ""


class RowsModel(QAbstractTableModel, Generic[R]):
    """Rows of one kind, read-only; ``COLUMNS``: (key, English title) pairs."""

    COLUMNS: tuple[tuple[str, str], ...] = ()
    RIGHT: frozenset[str] = frozenset()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[R, ...] = ()

    def set_rows(self, rows: tuple[R, ...]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def row_of(self, row_id: UUID) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == row_id), -1)

    def column_of(self, key: str) -> int:
        return [k for k, _ in self.COLUMNS].index(key)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        key, title = self.COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(CONTEXT, title)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in self.RIGHT:
            return _RIGHT
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        key = self.COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in self.RIGHT:
            return _RIGHT
        if role == ID_ROLE:
            return str(row.id)
        return None

    def text(self, row: R, key: str) -> str:
        raise NotImplementedError

    def tooltip(self, row: R, key: str) -> str | None:
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self.COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)


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

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        status = self._rows[index.row()].status
        if role == STATUS_ROLE:
            return status
        if role == Qt.ItemDataRole.ForegroundRole and self.COLUMNS[index.column()][0] == "status":
            colour = _STATUS_COLOURS.get(status)
            return QColor(colour) if colour else None
        return super().data(index, role)


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
