"""The events of a case as a table: the summary's last five and the timeline page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QIcon

from vipdesk.core.errors import QT_TRANSLATE_NOOP
from vipdesk.services.timeline import CaseEvent, EventKind
from vipdesk.ui import labels
from vipdesk.ui.formatting import date_text, datetime_text, money_text
from vipdesk.ui.resources import icon
from vipdesk.ui.table_model import RecordsModel

KIND_ROLE = Qt.ItemDataRole.UserRole + 1

_KINDS = {
    EventKind.INTERACTION: QT_TRANSLATE_NOOP("EventsModel", "Contact"),
    EventKind.PROMISE: QT_TRANSLATE_NOOP("EventsModel", "Promise"),
    EventKind.PAYMENT: QT_TRANSLATE_NOOP("EventsModel", "Payment"),
}
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


class EventsModel(RecordsModel[CaseEvent]):
    """``icons``: a line icon per kind beside its name (the timeline; the summary stays plain)."""

    CONTEXT = "EventsModel"
    COLUMNS = (
        ("when", QT_TRANSLATE_NOOP("EventsModel", "Date")),
        ("kind", QT_TRANSLATE_NOOP("EventsModel", "Kind")),
        ("what", QT_TRANSLATE_NOOP("EventsModel", "What happened")),
        ("amount", QT_TRANSLATE_NOOP("EventsModel", "Amount")),
        ("by", QT_TRANSLATE_NOOP("EventsModel", "By")),
    )
    RIGHT = frozenset({"amount"})

    def __init__(self, parent: QObject | None = None, *, icons: bool = False) -> None:
        super().__init__(parent)
        self._with_icons = icons
        self._icons: dict[EventKind, QIcon] = {}

    def set_events(self, events: list[CaseEvent]) -> None:
        self.set_rows(events)

    def event_at(self, row: int) -> CaseEvent:
        return self._rows[row]

    def cell(self, event: CaseEvent, key: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(event, key)
        if role == Qt.ItemDataRole.DecorationRole and key == "kind" and self._with_icons:
            if event.kind not in self._icons:  # made on first paint: a QIcon needs the app
                self._icons[event.kind] = icon(_ICONS[event.kind])
            return self._icons[event.kind]
        if role == Qt.ItemDataRole.ToolTipRole and key == "what" and event.text.strip():
            return event.text
        if role == KIND_ROLE:
            return event.kind.value
        return None

    def _text(self, event: CaseEvent, key: str) -> str:
        if key == "when":
            if event.kind is EventKind.INTERACTION:
                return datetime_text(event.when)
            return date_text(event.when.date())
        if key == "kind":
            return kind_label(event.kind)
        if key == "what":
            return _what(event)
        if key == "amount":
            return money_text(event.amount, event.currency) if event.amount is not None else ""
        return event.by
