"""Table models of the Deudor page: the debtor's contacts and its related parties."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from vipdesk.core.errors import QT_TRANSLATE_NOOP
from vipdesk.services.dto import ContactInfo, RelatedPartyInfo
from vipdesk.ui import labels

Row = TypeVar("Row")

_ROLES = {
    "guarantor": QT_TRANSLATE_NOOP("RelatedPartiesModel", "Guarantor"),
    "legal_representative": QT_TRANSLATE_NOOP("RelatedPartiesModel", "Legal representative"),
    "co_debtor": QT_TRANSLATE_NOOP("RelatedPartiesModel", "Co-debtor"),
}


def role_label(code: str) -> str:
    source = _ROLES.get(code)
    return QCoreApplication.translate("RelatedPartiesModel", source) if source else code


class _RowsModel(QAbstractTableModel, Generic[Row]):
    """Read-only rows of dataclasses; ``_COLUMNS``: (key, English title) in the subclass's
    translation context; ``_text(row, key)`` what a cell shows."""

    CONTEXT = ""
    COLUMNS: tuple[tuple[str, str], ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[Row, ...] = ()

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self.CONTEXT, self.COLUMNS[section][1])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        key = self.COLUMNS[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._text(self._rows[index.row()], key)
            return text if role == Qt.ItemDataRole.DisplayRole or text != "—" else None
        return None

    def _text(self, row: Row, key: str) -> str:
        raise NotImplementedError

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self.COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)


def _or_dash(text: str) -> str:
    return text or "—"


class ContactsModel(_RowsModel[ContactInfo]):
    CONTEXT = "ContactsModel"
    COLUMNS = (
        ("kind", QT_TRANSLATE_NOOP("ContactsModel", "Kind")),
        ("label", QT_TRANSLATE_NOOP("ContactsModel", "Label")),
        ("value", QT_TRANSLATE_NOOP("ContactsModel", "Phone, email or address")),
        ("preferred", QT_TRANSLATE_NOOP("ContactsModel", "Preferred")),
        ("best_hours", QT_TRANSLATE_NOOP("ContactsModel", "Best hours")),
    )

    def _text(self, row: ContactInfo, key: str) -> str:
        texts: dict[str, Callable[[], str]] = {
            "kind": lambda: labels.contact_kind_label(row.kind),
            "label": lambda: _or_dash(row.label),
            "value": lambda: row.value,
            "preferred": lambda: (
                "★ " + QCoreApplication.translate("ContactsModel", "Preferred")
                if row.preferred
                else ""
            ),
            "best_hours": lambda: _or_dash(row.best_hours),
        }
        return texts[key]()


class RelatedPartiesModel(_RowsModel[RelatedPartyInfo]):
    CONTEXT = "RelatedPartiesModel"
    COLUMNS = (
        ("role", QT_TRANSLATE_NOOP("RelatedPartiesModel", "Role")),
        ("name", QT_TRANSLATE_NOOP("RelatedPartiesModel", "Name")),
        ("capacity", QT_TRANSLATE_NOOP("RelatedPartiesModel", "Capacity")),
        ("tax_id", QT_TRANSLATE_NOOP("RelatedPartiesModel", "Tax id")),
        ("phone", QT_TRANSLATE_NOOP("RelatedPartiesModel", "Phone")),
        ("email", QT_TRANSLATE_NOOP("RelatedPartiesModel", "Email")),
    )

    def _text(self, row: RelatedPartyInfo, key: str) -> str:
        if key == "role":
            return role_label(row.role)
        return _or_dash(str(getattr(row, key)))
