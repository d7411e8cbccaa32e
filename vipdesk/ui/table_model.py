"""The base of the read-only tables: rows of one record type, columns named by key."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

T = TypeVar("T")
RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class RecordsModel(QAbstractTableModel, Generic[T]):
    """Read-only rows of one record type.

    ``COLUMNS``: (key, English title) pairs, the titles translated in ``CONTEXT``; ``RIGHT``:
    the keys of the right-aligned columns (numbers); ``cell(row, key, role)``: what a cell
    holds for any other role.
    """

    CONTEXT = ""
    COLUMNS: tuple[tuple[str, str], ...] = ()
    RIGHT: frozenset[str] = frozenset()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[T, ...] = ()

    def set_rows(self, rows: Iterable[T]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def row_at(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

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
            return QCoreApplication.translate(self.CONTEXT, title)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in self.RIGHT:
            return RIGHT_ALIGNED
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        key = self.COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.TextAlignmentRole and key in self.RIGHT:
            return RIGHT_ALIGNED
        return self.cell(self._rows[index.row()], key, role)

    def cell(self, row: T, key: str, role: int) -> Any:
        return None

    def retranslate(self) -> None:
        """Titles and cells again, in the language just installed."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self.COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
