"""The portfolio table: a list of case ids, rows fetched lazily in pages.

The model holds only the ordered case ids (cheap even for 100,000 cases); the columns of a row
are fetched the first time a view asks for them, one page of ``PAGE_SIZE`` ids at a time, and a
bounded number of pages is cached. Sorting is done by the services (the view's ``sort`` call
becomes a ``sortRequested`` signal and the owner reloads the ids), because only the database can
order 100,000 cases without loading them all.
"""

from __future__ import annotations

import logging
import traceback
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from vipdesk.services.dto import PortfolioRow, SortKey
from vipdesk.ui import formatting, labels
from vipdesk.ui.columns import COLUMN_OF, COLUMNS, two_lines
from vipdesk.ui.workers import Failure

log = logging.getLogger(__name__)

__all__ = ["CASE_ID_ROLE", "COLUMNS", "COLUMN_OF", "PortfolioModel"]

CONTEXT = "PortfolioModel"
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1

RowFetcher = Callable[[Sequence[str]], list[PortfolioRow]]
AnyIndex = QModelIndex | QPersistentModelIndex

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_ALERT = QColor("#b42318")  # overdue actions, broken promises: readable red on white
_PRIORITY_TINT = (234, 88, 12)  # warm orange; alpha grows with the score


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class PortfolioModel(QAbstractTableModel):
    PAGE_SIZE = 200
    # 64 pages = 12,800 rows in memory: far more than any screen shows, bounded for 100,000.
    MAX_CACHED_PAGES = 64

    sortRequested = Signal(str, bool)  # noqa: N815 - SortKey value, descending
    fetchFailed = Signal(object)  # noqa: N815 - a workers.Failure

    def __init__(
        self,
        fetch_rows: RowFetcher,
        parent: QObject | None = None,
        today: Callable[[], date] = formatting.today,
    ) -> None:
        super().__init__(parent)
        self._fetch_rows = fetch_rows
        self._today_fn = today
        self._today = today()
        self._numbers: list[str] = []
        self._pages: OrderedDict[int, list[_Line | None]] = OrderedDict()
        self._sort = SortKey.PRIORITY
        self._descending = True
        self._title_font: QFont | None = None

    # -- contents -------------------------------------------------------------------------

    def set_numbers(self, numbers: Sequence[str]) -> None:
        self.beginResetModel()
        self._numbers = list(numbers)
        self._pages.clear()
        self._today = self._today_fn()
        self.endResetModel()

    def case_numbers(self) -> list[str]:
        return list(self._numbers)

    def case_number(self, row: int) -> str:
        return self._numbers[row]

    def case_id(self, row: int) -> UUID | None:
        line = self._line(row)
        return line.row.case_id if line is not None else None

    def row_at(self, row: int) -> PortfolioRow | None:
        line = self._line(row)
        return line.row if line is not None else None

    def _line(self, row: int) -> _Line | None:
        if not 0 <= row < len(self._numbers):
            return None
        page_number, offset = divmod(row, self.PAGE_SIZE)
        page = self._pages.get(page_number)
        if page is None:
            page = self._load_page(page_number)
        else:
            self._pages.move_to_end(page_number)
        return page[offset]

    def _load_page(self, page_number: int) -> list[_Line | None]:
        start = page_number * self.PAGE_SIZE
        numbers = self._numbers[start : start + self.PAGE_SIZE]
        try:
            fetched = self._fetch_rows(numbers)
        except Exception as exc:
            failure = Failure(exc, traceback.format_exc())
            # Not from inside data()/paint: whoever shows a dialog must do it on a clean stack.
            QTimer.singleShot(0, lambda: self.fetchFailed.emit(failure))
            fetched = []
        # By number, not by position: a case that stopped being visible (reassigned since the
        # list was loaded) leaves an empty row instead of shifting every row below it.
        by_number = {row.case_number: _Line(row) for row in fetched}
        page = [by_number.get(number) for number in numbers]
        self._pages[page_number] = page
        while len(self._pages) > self.MAX_CACHED_PAGES:
            self._pages.popitem(last=False)
        return page

    def current_sort(self) -> tuple[SortKey, bool]:
        return self._sort, self._descending

    def set_current_sort(self, key: SortKey, descending: bool) -> None:
        """Record the order the ids are in (the owner loads them)."""
        self._sort, self._descending = key, descending

    def set_title_font(self, font: QFont) -> None:
        """The column titles' font. Given through the model because the header paints with
        it even under a stylesheet, which otherwise replaces the header widget's own font."""
        self._title_font = font
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def title_font(self) -> QFont | None:
        return self._title_font

    def retranslate(self) -> None:
        """Labels and formats depend on the language: reformat and repaint everything."""
        for page in self._pages.values():
            for line in page:
                if line is not None:
                    line.texts = None
        if COLUMNS:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._numbers:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._numbers) - 1, len(COLUMNS) - 1)
            )

    # -- QAbstractTableModel ----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._numbers)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _FLAGS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        column = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return two_lines(_tr(column.title))
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tr(column.tooltip)
        if role == Qt.ItemDataRole.FontRole:
            return self._title_font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            # Left even over figures: the stylesheet's sort arrow sits at the right end of the
            # title and would cover the last letters of a right-aligned one.
            return _LEFT
        if role == Qt.ItemDataRole.InitialSortOrderRole:
            # Big amounts, long delays and high priorities first: what a collector looks for.
            order = Qt.SortOrder.DescendingOrder if column.numeric else Qt.SortOrder.AscendingOrder
            return order.value
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called thousands of times per repaint: plain int roles, per-row cached strings.
        row, column = index.row(), index.column()
        if row < 0 or not 0 <= column < len(COLUMNS):
            return None
        if role == _DISPLAY:
            line = self._line(row)
            if line is None:
                return None
            if line.texts is None:
                line.texts = tuple(self._display(line.row, c.key) for c in COLUMNS)
            return line.texts[column]
        if role == _ALIGNMENT:
            return _ALIGNMENTS[column]
        if role == _FOREGROUND:
            if column not in _ALERT_COLUMNS:
                return None
            line = self._line(row)
            return _ALERT if line is not None and self._is_alert(line.row, column) else None
        if role == _BACKGROUND:
            if column != _PRIORITY_COLUMN:
                return None
            line = self._line(row)
            return _priority_tint(line.row.priority) if line is not None else None
        if role == _TOOLTIP:
            line = self._line(row)
            return self._tooltip(line.row, COLUMNS[column].key) if line is not None else None
        if role == CASE_ID_ROLE:
            case_id = self.case_id(row)
            return str(case_id) if case_id is not None else None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column].key
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self._sort, self._descending):
            self._sort, self._descending = key, descending
            self.sortRequested.emit(key.value, descending)

    # -- cells ------------------------------------------------------------------------------

    def _display(self, row: PortfolioRow, key: SortKey) -> str:
        match key:
            case SortKey.CASE_NUMBER:
                return row.case_number
            case SortKey.DEBTOR:
                return row.debtor_name
            case SortKey.SEGMENT:
                return labels.segment_label(row.segment)
            case SortKey.CURRENCY:
                return row.currency
            case SortKey.EXPOSURE:
                return formatting.money_text(row.exposure, row.currency)
            case SortKey.DAYS_PAST_DUE:
                return formatting.integer_text(row.days_past_due)
            case SortKey.BUCKET:
                return labels.bucket_label(row.bucket)
            case SortKey.LAST_CONTACT:
                return formatting.date_text(row.last_contact_at)
            case SortKey.NEXT_ACTION:
                return formatting.date_text(row.next_action_date)
            case SortKey.PROMISE_STATUS:
                return labels.promise_status_label(row.promise_status)
            case SortKey.PRIORITY:
                return formatting.decimal_text(row.priority, 1)
            case SortKey.EXECUTIVE:
                return row.executive_name
            case SortKey.STATUS:
                return labels.case_status_label(row.status)
        return ""

    def _is_overdue(self, row: PortfolioRow) -> bool:
        return row.next_action_date is not None and row.next_action_date < self._today

    def _is_alert(self, row: PortfolioRow, column: int) -> bool:
        if column == COLUMN_OF[SortKey.NEXT_ACTION]:
            return self._is_overdue(row)
        return column == COLUMN_OF[SortKey.PROMISE_STATUS] and row.promise_status == "broken"

    def _tooltip(self, row: PortfolioRow, key: SortKey) -> str | None:
        match key:
            case SortKey.DEBTOR:
                return f"{row.debtor_name}\n{labels.segment_label(row.segment)}"
            case SortKey.EXPOSURE:
                return f"{formatting.money_text(row.exposure, row.currency)} ({row.currency})"
            case SortKey.LAST_CONTACT:
                if row.last_contact_at is None:
                    return self.tr("No contact logged yet")
                return formatting.datetime_text(row.last_contact_at)
            case SortKey.NEXT_ACTION:
                text = row.next_action or self.tr("No action planned")
                if self._is_overdue(row):
                    return self.tr("Overdue: {action}").format(action=text)
                return text
            case SortKey.PRIORITY:
                return self.tr("Priority {score} of 100").format(
                    score=formatting.decimal_text(row.priority, 1)
                )
        return None


@dataclass
class _Line:
    """A fetched row and its formatted cells, formatted once on first display."""

    row: PortfolioRow
    texts: tuple[str, ...] | None = None


_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_BACKGROUND = Qt.ItemDataRole.BackgroundRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_ALIGNMENTS = tuple(_RIGHT if column.numeric else _LEFT for column in COLUMNS)
_ALERT_COLUMNS = frozenset({COLUMN_OF[SortKey.NEXT_ACTION], COLUMN_OF[SortKey.PROMISE_STATUS]})
_PRIORITY_COLUMN = COLUMN_OF[SortKey.PRIORITY]


def _priority_tint(priority: Decimal) -> QColor | None:
    # A quiet heat scale: nothing below 40, then up to a light orange wash at 100, so the eye
    # finds the urgent cases without the table turning into a traffic light.
    score = float(priority)  # display only: a colour, never an amount
    if score < 40:
        return None
    alpha = int(12 + (min(score, 100.0) - 40) * 1.1)
    return QColor(*_PRIORITY_TINT, alpha)
