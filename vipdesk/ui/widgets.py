"""Small helpers shared by the windows."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout

T = TypeVar("T", bound=QObject)


def named(obj: T, name: str) -> T:
    """Set the object name (what the stylesheet and tests select on) and return the object."""
    obj.setObjectName(name)
    return obj


def record_table(
    name: str, model: QAbstractItemModel | None = None, *, single: bool = True
) -> QTableView:
    """A read-only table of records: whole rows selected (one at a time if ``single``), one
    line per row, alternate rows shaded, no grid and no row numbers."""
    table = named(QTableView(), name)
    if model is not None:
        table.setModel(model)
    table.verticalHeader().hide()
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single:
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return table


def empty_overlay(table: QTableView) -> QLabel:
    """A hidden label centred over the table's rows, under its column titles: what an empty
    list says ("no results", "nothing yet") without the table looking broken."""
    label = named(QLabel(), "emptyLabel")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    # A wrapped label asks for little width; without a floor short texts break into lines.
    label.setMinimumWidth(440)
    label.hide()
    overlay = QVBoxLayout(table.viewport())
    overlay.addWidget(label, 0, Qt.AlignmentFlag.AlignCenter)
    return label
