"""The lines of "Mi día" as a table: kind, case, debtor, what, amount, date, days late."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QIcon

from vipdesk.core.errors import QT_TRANSLATE_NOOP
from vipdesk.services.dto import AgendaItem, AgendaKind
from vipdesk.ui.formatting import date_text, money_text
from vipdesk.ui.resources import icon

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
DAYS_ROLE = Qt.ItemDataRole.UserRole + 3  # days overdue, as an int (tests, sorting)

CONTEXT = "AgendaModel"
_KINDS = {
    AgendaKind.FOLLOW_UP: QT_TRANSLATE_NOOP("AgendaModel", "Follow-up"),
    AgendaKind.PROMISE: QT_TRANSLATE_NOOP("AgendaModel", "Promise"),
}
_ICONS = {AgendaKind.FOLLOW_UP: "contact", AgendaKind.PROMISE: "promise"}
_HEADERS = (
    QT_TRANSLATE_NOOP("AgendaModel", "Kind"),
    QT_TRANSLATE_NOOP("AgendaModel", "Case"),
    QT_TRANSLATE_NOOP("AgendaModel", "Debtor"),
    QT_TRANSLATE_NOOP("AgendaModel", "What"),
    QT_TRANSLATE_NOOP("AgendaModel", "Amount"),
    QT_TRANSLATE_NOOP("AgendaModel", "Due"),
    QT_TRANSLATE_NOOP("AgendaModel", "Overdue"),
)
KIND, CASE, DEBTOR, WHAT, AMOUNT, DUE, OVERDUE = range(len(_HEADERS))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ALERT = QColor("#b42318")  # the portfolio's red for what is late
_SOON = QColor("#52606d")  # not due yet: secondary text


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class AgendaModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[AgendaItem] = []
        self._icons: dict[AgendaKind, QIcon] = {}

    def set_items(self, items: tuple[AgendaItem, ...] | list[AgendaItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item_at(self, row: int) -> AgendaItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(_HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr(_HEADERS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole and section in (AMOUNT, OVERDUE):
            return _RIGHT
        return None

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
        return item.what

    def _icon(self, kind: AgendaKind) -> QIcon:
        # Loaded on first paint, not at import: a QIcon needs the application object.
        if kind not in self._icons:
            self._icons[kind] = icon(_ICONS[kind])
        return self._icons[kind]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.DecorationRole and column == KIND:
            return self._icon(item.kind)
        if role == Qt.ItemDataRole.ToolTipRole and column == WHAT:
            return self._what(item) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (AMOUNT, OVERDUE):
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column in (DUE, OVERDUE):
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

    def _display(self, item: AgendaItem, column: int) -> str | None:
        if column == KIND:
            return _tr(_KINDS[item.kind])
        if column == CASE:
            return item.case_number
        if column == DEBTOR:
            return item.debtor_name
        if column == WHAT:
            return self._what(item)
        if column == AMOUNT:
            return money_text(item.amount, item.currency) if item.amount is not None else ""
        if column == DUE:
            return date_text(item.due)
        if column == OVERDUE:
            return self.overdue_text(item.days_overdue)
        return None

    def retranslate(self) -> None:
        if self._items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._items) - 1, OVERDUE))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(_HEADERS) - 1)
