"""The events of a case as a table: the summary's last five and the timeline page."""

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
from PySide6.QtGui import QIcon

from vipdesk.core.errors import QT_TRANSLATE_NOOP
from vipdesk.services.timeline import CaseEvent, EventKind
from vipdesk.ui import labels
from vipdesk.ui.formatting import date_text, datetime_text, money_text
from vipdesk.ui.resources import icon

KIND_ROLE = Qt.ItemDataRole.UserRole + 1

_KINDS = {
    EventKind.INTERACTION: QT_TRANSLATE_NOOP("EventsModel", "Contact"),
    EventKind.PROMISE: QT_TRANSLATE_NOOP("EventsModel", "Promise"),
    EventKind.PAYMENT: QT_TRANSLATE_NOOP("EventsModel", "Payment"),
}
_HEADERS = (
    QT_TRANSLATE_NOOP("EventsModel", "Date"),
    QT_TRANSLATE_NOOP("EventsModel", "Kind"),
    QT_TRANSLATE_NOOP("EventsModel", "What happened"),
    QT_TRANSLATE_NOOP("EventsModel", "Amount"),
    QT_TRANSLATE_NOOP("EventsModel", "By"),
)
AMOUNT_COLUMN = 3
KIND_COLUMN = 1
_ICONS = {EventKind.INTERACTION: "contact", EventKind.PROMISE: "promise",
          EventKind.PAYMENT: "payment"}  # fmt: skip


def kind_label(kind: EventKind) -> str:
    return QCoreApplication.translate("EventsModel", _KINDS[kind])


def _what(event: CaseEvent) -> str:
    if event.kind is EventKind.INTERACTION:
        label = labels.outcome_label(event.code)
    elif event.kind is EventKind.PROMISE:
        label = labels.promise_status_label(event.code)
        if event.due is not None:
            due = QCoreApplication.translate("EventsModel", "due {date}")
            label = f"{label} · {due.format(date=date_text(event.due))}"
    else:
        label = labels.payment_method_label(event.code)
    # One line in the table: the notes' first line, the whole text in the tooltip.
    first = event.text.strip().splitlines()[0] if event.text.strip() else ""
    return f"{label} — {first}" if first else label


class EventsModel(QAbstractTableModel):
    """``icons``: a line icon per kind beside its name (the timeline; the summary stays plain)."""

    def __init__(self, parent: QObject | None = None, *, icons: bool = False) -> None:
        super().__init__(parent)
        self._events: list[CaseEvent] = []
        self._with_icons = icons
        self._icons: dict[EventKind, QIcon] = {}

    def set_events(self, events: list[CaseEvent]) -> None:
        self.beginResetModel()
        self._events = list(events)
        self.endResetModel()

    def event_at(self, row: int) -> CaseEvent:
        return self._events[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(_HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("EventsModel", _HEADERS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole and section == AMOUNT_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._events):
            return None
        event = self._events[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return (
                    datetime_text(event.when)
                    if event.kind is EventKind.INTERACTION
                    else date_text(event.when.date())
                )
            if column == 1:
                return kind_label(event.kind)
            if column == 2:
                return _what(event)
            if column == AMOUNT_COLUMN:
                return money_text(event.amount, event.currency) if event.amount is not None else ""
            if column == 4:
                return event.by
            return None
        if role == Qt.ItemDataRole.DecorationRole and column == KIND_COLUMN and self._with_icons:
            if event.kind not in self._icons:  # made on first paint: a QIcon needs the app
                self._icons[event.kind] = icon(_ICONS[event.kind])
            return self._icons[event.kind]
        if role == Qt.ItemDataRole.ToolTipRole and column == 2 and event.text.strip():
            return event.text
        if role == Qt.ItemDataRole.TextAlignmentRole and column == AMOUNT_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == KIND_ROLE:
            return event.kind.value
        return None

    def retranslate(self) -> None:
        if self._events:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._events) - 1, 4))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(_HEADERS) - 1)
