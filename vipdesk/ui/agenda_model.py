"""The lines of "Mi día" as a table: kind, case, debtor, what, amount, date, days late."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor, QIcon

from vipdesk.core.errors import QT_TRANSLATE_NOOP
from vipdesk.services.dto import AgendaItem, AgendaKind
from vipdesk.ui.formatting import date_text, money_text
from vipdesk.ui.resources import icon
from vipdesk.ui.table_model import RecordsModel

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
DAYS_ROLE = Qt.ItemDataRole.UserRole + 3  # days overdue, as an int (tests, sorting)

CONTEXT = "AgendaModel"
_KINDS = {
    AgendaKind.FOLLOW_UP: QT_TRANSLATE_NOOP("AgendaModel", "Follow-up"),
    AgendaKind.PROMISE: QT_TRANSLATE_NOOP("AgendaModel", "Promise"),
    AgendaKind.INSTALLMENT: QT_TRANSLATE_NOOP("AgendaModel", "Instalment"),
}
_ICONS = {
    AgendaKind.FOLLOW_UP: "contact",
    AgendaKind.PROMISE: "promise",
    AgendaKind.INSTALLMENT: "payment",
}
_COLUMNS = (
    ("kind", QT_TRANSLATE_NOOP("AgendaModel", "Kind")),
    ("case", QT_TRANSLATE_NOOP("AgendaModel", "Case")),
    ("debtor", QT_TRANSLATE_NOOP("AgendaModel", "Debtor")),
    ("what", QT_TRANSLATE_NOOP("AgendaModel", "What")),
    ("amount", QT_TRANSLATE_NOOP("AgendaModel", "Amount")),
    ("due", QT_TRANSLATE_NOOP("AgendaModel", "Due")),
    ("overdue", QT_TRANSLATE_NOOP("AgendaModel", "Overdue")),
)
KIND, CASE, DEBTOR, WHAT, AMOUNT, DUE, OVERDUE = range(len(_COLUMNS))
_ALERT = QColor("#b42318")  # the portfolio's red for what is late
_SOON = QColor("#52606d")  # not due yet: secondary text


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class AgendaModel(RecordsModel[AgendaItem]):
    CONTEXT = "AgendaModel"
    COLUMNS = _COLUMNS
    RIGHT = frozenset({"amount", "overdue"})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._icons: dict[AgendaKind, QIcon] = {}

    def set_items(self, items: tuple[AgendaItem, ...] | list[AgendaItem]) -> None:
        self.set_rows(items)

    def item_at(self, row: int) -> AgendaItem | None:
        return self.row_at(row)

    # self.tr(), not QCoreApplication.translate(): lupdate marks plurals only on tr() calls.
    def overdue_text(self, days: int) -> str:
        if days > 0:
            return self.tr("%n day(s) late", "", days)
        if days == 0:
            return self.tr("Today")
        return self.tr("in %n day(s)", "", -days)

    def _what(self, item: AgendaItem) -> str:
        if item.kind is AgendaKind.PROMISE:
            if item.days_overdue > 0:
                return self.tr("Promise to pay, not yet kept")
            return self.tr("Promise to pay falls due")
        if item.kind is AgendaKind.INSTALLMENT and item.installment is not None:
            number, count = item.installment
            if number == 0:
                return self.tr("Down payment of agreement {agreement}").format(agreement=item.what)
            return self.tr("Instalment {number} of {count} of agreement {agreement}").format(
                number=number, count=count, agreement=item.what
            )
        return item.what

    def _icon(self, kind: AgendaKind) -> QIcon:
        # Loaded on first paint, not at import: a QIcon needs the application object.
        if kind not in self._icons:
            self._icons[kind] = icon(_ICONS[kind])
        return self._icons[kind]

    def cell(self, item: AgendaItem, key: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, key)
        if role == Qt.ItemDataRole.DecorationRole and key == "kind":
            return self._icon(item.kind)
        if role == Qt.ItemDataRole.ToolTipRole and key == "what":
            return self._what(item) or None
        if role == Qt.ItemDataRole.ForegroundRole and key in ("due", "overdue"):
            if item.days_overdue > 0:
                return _ALERT
            return _SOON if item.days_overdue < 0 else None
        if role == CASE_ID_ROLE:
            return str(item.case_id)
        if role == KIND_ROLE:
            return item.kind.value
        if role == DAYS_ROLE:
            return item.days_overdue
        return None

    def _display(self, item: AgendaItem, key: str) -> str:
        if key == "kind":
            return _tr(_KINDS[item.kind])
        if key == "what":
            return self._what(item)
        if key == "amount":
            return money_text(item.amount, item.currency) if item.amount is not None else ""
        if key == "due":
            return date_text(item.due)
        if key == "overdue":
            return self.overdue_text(item.days_overdue)
        return item.case_number if key == "case" else item.debtor_name
