"""The statements grid: one row per figure (grouped: balance sheet, income statement, cash
flow; or an individual's income by source, expenses, assets, liabilities), one column per
period, oldest first. Cells are typed amounts, checked as they are committed with the rules
the service applies (negatives and zero allowed: losses are real; blank = not entered).

Every edit is an undoable command on the model's stack; ``changed_periods`` lists the
periods whose figures differ from what was loaded, for the page to save."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
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
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QUndoCommand, QUndoStack

from vipdesk.core.errors import ValidationError
from vipdesk.core.money import parse_amount
from vipdesk.core.ratio_catalog import FIELD_LABELS, GROUP_LABELS, INCOME_SOURCES
from vipdesk.core.ratio_inputs import FIELDS_COMPANY, FIELDS_INDIVIDUAL
from vipdesk.ui import formatting
from vipdesk.ui.table_model import RIGHT_ALIGNED

Index = QModelIndex | QPersistentModelIndex
MAX_FIGURE = Decimal("999999999999999.99")
EDITED = QColor("#1f5f99")


@dataclass(frozen=True)
class Row:
    kind: str  # "group" (a caption), "figure" or "income"
    key: str

    @property
    def editable(self) -> bool:
        return self.kind != "group"


@dataclass(eq=False)  # compared by identity: undo commands find their column by it
class Column:
    """One period as the grid holds it: typed texts by row key ("figure:cash")."""

    period_id: UUID
    label: str
    period_end: date
    months: int
    values: dict[str, str]
    loaded: dict[str, str] = field(default_factory=dict)
    seen: dict[str, str] | None = None  # as the service gave it; None: a new period
    is_new: bool = False

    @property
    def changed(self) -> bool:
        return self.is_new or self.values != self.loaded


def rows_for(is_company: bool) -> tuple[Row, ...]:
    rows: list[Row] = []
    if not is_company:
        rows.append(Row("group", "income"))
        rows.extend(Row("income", source) for source in INCOME_SOURCES)
    group = None
    for name, key in FIELDS_COMPANY if is_company else FIELDS_INDIVIDUAL:
        if name != group:
            rows.append(Row("group", name))
            group = name
        rows.append(Row("figure", key))
    return tuple(rows)


def row_key(row: Row) -> str:
    return f"{row.kind}:{row.key}"


def amount_text(value: Decimal | None) -> str:
    return "" if value is None else f"{value:.2f}"


class CellEdit(QUndoCommand):
    def __init__(self, model: StatementsModel, column: Column, key: str, old: str, new: str):
        super().__init__()
        self.model, self.column, self.key, self.old, self.new = model, column, key, old, new

    def redo(self) -> None:
        self.model.put(self.column, self.key, self.new)

    def undo(self) -> None:
        self.model.put(self.column, self.key, self.old)


class StatementsModel(QAbstractTableModel):
    refused = Signal(str)  # a typed value was not accepted: the message to show

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple[Row, ...] = ()
        self.columns: list[Column] = []
        self.is_company = True
        self.stack = QUndoStack(self)

    def load(self, is_company: bool, columns: Sequence[Column]) -> None:
        self.beginResetModel()
        self.is_company = is_company
        self.rows = rows_for(is_company)
        self.columns = list(columns)
        for column in self.columns:
            column.loaded = dict(column.values)
        self.endResetModel()
        self.stack.clear()

    def changed_periods(self) -> list[Column]:
        return [c for c in self.columns if c.changed]

    def has_changes(self) -> bool:
        return any(c.changed for c in self.columns)

    def revert(self) -> None:
        self.beginResetModel()
        self.columns = [c for c in self.columns if not c.is_new]
        for column in self.columns:
            column.values = dict(column.loaded)
        self.endResetModel()
        self.stack.clear()

    def mark_saved(self) -> None:
        """What is shown was stored: it becomes the state later edits are compared with."""
        for column in self.columns:
            column.loaded, column.is_new = dict(column.values), False
        self.stack.clear()

    def add_column(self, column: Column) -> None:
        """A new period, not saved yet, in period-end order."""
        at = sum(1 for c in self.columns if c.period_end < column.period_end)
        self.beginInsertColumns(QModelIndex(), at + 1, at + 1)
        self.columns.insert(at, column)
        self.endInsertColumns()

    def figures_of(self, column: Column) -> tuple[dict[str, str], dict[str, str]]:
        """(figures, income) as the service's PeriodSave takes them: every row, "" = blank."""
        figures: dict[str, str] = {}
        income: dict[str, str] = {}
        for row in self.rows:
            if row.kind == "figure":
                figures[row.key] = column.values.get(row_key(row), "")
            elif row.kind == "income":
                income[row.key] = column.values.get(row_key(row), "")
        return figures, income

    # -- Qt ---------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return QCoreApplication.translate("StatementsModel", "Figure")
            column = self.columns[section - 1]
            ends = formatting.date_text(column.period_end)
            if not self.is_company:  # an individual's figures are monthly
                return f"{column.label}\n{ends}"
            months = QCoreApplication.translate("StatementsModel", "%n month(s)", "", column.months)
            return f"{column.label}\n{ends} · {months}"
        if role == Qt.ItemDataRole.TextAlignmentRole and section > 0:
            return RIGHT_ALIGNED
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        row = self.rows[index.row()]
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() > 0 and row.editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def caption(self, row: Row) -> str:
        if row.kind == "group":
            return QCoreApplication.translate("ratios", GROUP_LABELS.get(row.key, row.key))
        labels = INCOME_SOURCES if row.kind == "income" else FIELD_LABELS
        return QCoreApplication.translate("ratios", labels.get(row.key, row.key))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.FontRole and row.kind == "group":
            font = QFont()
            font.setBold(True)
            return font
        if index.column() == 0:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return self.caption(row) if row.kind == "group" else "   " + self.caption(row)
            return None
        if row.kind == "group":
            return None
        column = self.columns[index.column() - 1]
        text = column.values.get(row_key(row), "")
        if role == Qt.ItemDataRole.EditRole:
            return text
        if role == Qt.ItemDataRole.DisplayRole:
            return formatting.decimal_text(Decimal(text), 2) if text else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT_ALIGNED
        if role == Qt.ItemDataRole.ForegroundRole and text != column.loaded.get(row_key(row), ""):
            return QBrush(EDITED)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.caption(row)}, {column.label}: {text or '—'}"
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        row = self.rows[index.row()]
        typed = str(value).strip()
        try:
            new = (
                ""
                if not typed
                else amount_text(
                    parse_amount(
                        typed, row.key, max_value=MAX_FIGURE, allow_zero=True, allow_negative=True
                    )
                )
            )
        except ValidationError as error:
            self.refused.emit(
                f"{self.caption(row)}: {error.translated(QCoreApplication.translate)}"
            )
            return False
        column = self.columns[index.column() - 1]
        old = column.values.get(row_key(row), "")
        if new != old:
            self.stack.push(CellEdit(self, column, row_key(row), old, new))
        return True

    def put(self, column: Column, key: str, text: str) -> None:
        """Set a cell without undo (the undo stack's commands call this). Commands hold the
        column itself, not its position: adding a period moves the later ones."""
        if column not in self.columns:
            return
        values = column.values
        if text:
            values[key] = text
        else:
            values.pop(key, None)
        row = next(i for i, r in enumerate(self.rows) if row_key(r) == key)
        cell = self.index(row, self.columns.index(column) + 1)
        self.dataChanged.emit(cell, cell)
