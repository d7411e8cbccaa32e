"""Línea de tiempo: every event of the case in one list, filtered by kind, in either order."""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from vipdesk.services.dto import CaseDetail
from vipdesk.services.timeline import EventKind, case_events
from vipdesk.ui.case.base import CaseEnv, CasePage
from vipdesk.ui.case.events_model import KIND_ROLE, EventsModel
from vipdesk.ui.column_memory import ColumnMemory
from vipdesk.ui.resources import icon
from vipdesk.ui.widgets import empty_overlay, named, record_table
from vipdesk.ui.workers import TaskRunner

_KIND_ICONS = {EventKind.INTERACTION: "contact", EventKind.PROMISE: "promise",
               EventKind.PAYMENT: "payment"}  # fmt: skip
NEWEST_FIRST, OLDEST_FIRST = 0, 1  # the order box's entries


class TimelineFilter(QSortFilterProxyModel):
    """Shows the events of the chosen kinds, newest or oldest first.

    The source lists events newest first in a fixed, tie-broken order (``case_events``), so
    the order is the source's row order, reversed or not: no re-comparing of dates."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._kinds: set[str] = {kind.value for kind in EventKind}
        self._newest_first = True
        self.sort(0, Qt.SortOrder.DescendingOrder)

    def kind_shown(self, kind: EventKind) -> bool:
        return kind.value in self._kinds

    def set_kind_shown(self, kind: EventKind, shown: bool) -> None:
        if shown == self.kind_shown(kind):
            return
        self.beginFilterChange()
        if shown:
            self._kinds.add(kind.value)
        else:
            self._kinds.discard(kind.value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def newest_first(self) -> bool:
        return self._newest_first

    def set_newest_first(self, newest: bool) -> None:
        self._newest_first = newest
        self.sort(0, Qt.SortOrder.DescendingOrder if newest else Qt.SortOrder.AscendingOrder)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        return bool(index.data(KIND_ROLE) in self._kinds)

    def lessThan(
        self,
        source_left: QModelIndex | QPersistentModelIndex,
        source_right: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        # A later source row is an older event: "less" in time.
        return source_left.row() > source_right.row()


class TimelinePage(CasePage):
    slug = "linea-de-tiempo"

    def __init__(self, env: CaseEnv, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(env, runner, parent)
        self.events = EventsModel(self, icons=True)
        self.proxy = TimelineFilter(self)
        self.proxy.setSourceModel(self.events)

        self.show_label = named(QLabel(), "fieldLabel")
        self.kind_boxes: dict[EventKind, QCheckBox] = {}
        for kind in EventKind:
            box = named(QCheckBox(), f"kind_{kind.value}")
            box.setIcon(icon(_KIND_ICONS[kind]))
            box.setChecked(True)
            box.toggled.connect(lambda shown, k=kind: self._kind_toggled(k, shown))
            self.kind_boxes[kind] = box
        self.order_label = named(QLabel(), "fieldLabel")
        self.order_box = named(QComboBox(), "timelineOrder")
        self.order_box.addItems(["", ""])
        self.order_label.setBuddy(self.order_box)
        self.order_box.currentIndexChanged.connect(self._order_changed)
        self.count_label = named(QLabel(), "timelineCount")

        bar = QHBoxLayout()
        bar.setSpacing(14)
        bar.addWidget(self.show_label)
        for box in self.kind_boxes.values():
            bar.addWidget(box)
        bar.addSpacing(18)
        bar.addWidget(self.order_label)
        bar.addWidget(self.order_box)
        bar.addStretch(1)
        bar.addWidget(self.count_label)

        self.table = record_table("timelineTable", self.proxy, single=False)
        self.table.horizontalHeader().setHighlightSections(False)
        self.empty_label = empty_overlay(self.table)
        self.columns = ColumnMemory(self.table, env.settings, "timelineTable", self._fit_columns)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(10)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Timeline")

    def retranslate(self) -> None:
        self.show_label.setText(self.tr("Show:"))
        texts = {
            EventKind.INTERACTION: (self.tr("&Contacts"), self.tr("Show contacts")),
            EventKind.PROMISE: (self.tr("&Promises"), self.tr("Show promises to pay")),
            EventKind.PAYMENT: (self.tr("P&ayments"), self.tr("Show payments")),
        }
        for kind, (text, name) in texts.items():
            self.kind_boxes[kind].setText(text)
            self.kind_boxes[kind].setAccessibleName(name)
        self.order_label.setText(self.tr("&Order:"))
        self.order_box.setItemText(NEWEST_FIRST, self.tr("Newest first"))
        self.order_box.setItemText(OLDEST_FIRST, self.tr("Oldest first"))
        self.order_box.setAccessibleName(self.tr("Order of the events"))
        self.table.setAccessibleName(self.tr("Events of the case"))
        self.count_label.setAccessibleName(self.tr("Number of events shown"))
        self.events.retranslate()
        self._update_count()

    def show_detail(self, detail: CaseDetail) -> None:
        super().show_detail(detail)
        self.events.set_events(case_events(detail))
        self.columns.apply()

    def _fit_columns(self) -> None:
        # Widths from the first rows only: Qt reads 1,000 by default, which with a case of
        # 5,000 contacts is most of the time it takes to open the tab.
        self.table.horizontalHeader().setResizeContentsPrecision(80)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def _kind_toggled(self, kind: EventKind, shown: bool) -> None:
        self.proxy.set_kind_shown(kind, shown)
        self._update_count()

    def _order_changed(self, index: int) -> None:
        self.proxy.set_newest_first(index != OLDEST_FIRST)

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.events.rowCount()
        text = self.tr("%n event(s)", "", shown)
        if shown != total:
            text = self.tr("{shown} of {total}").format(shown=text, total=total)
        self.count_label.setText(text)
        if total == 0:
            self.empty_label.setText(self.tr("Nothing has happened on this case yet."))
        else:
            self.empty_label.setText(self.tr("No events of the kinds chosen."))
        self.empty_label.setVisible(self.detail is not None and shown == 0)
