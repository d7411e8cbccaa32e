"""Table models of the Deudor page: the debtor's contacts and its related parties."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, Qt

from vipdesk.core.errors import QT_TRANSLATE_NOOP
from vipdesk.services.dto import ContactInfo, RelatedPartyInfo
from vipdesk.ui import labels
from vipdesk.ui.table_model import RecordsModel

Row = TypeVar("Row")

_ROLES = {
    "guarantor": QT_TRANSLATE_NOOP("RelatedPartiesModel", "Guarantor"),
    "legal_representative": QT_TRANSLATE_NOOP("RelatedPartiesModel", "Legal representative"),
    "co_debtor": QT_TRANSLATE_NOOP("RelatedPartiesModel", "Co-debtor"),
}


def role_label(code: str) -> str:
    source = _ROLES.get(code)
    return QCoreApplication.translate("RelatedPartiesModel", source) if source else code


class _RowsModel(RecordsModel[Row]):
    """Read-only rows of dataclasses; ``_text(row, key)`` what a cell shows, also as its
    tooltip unless it is the dash of an empty value."""

    def cell(self, row: Row, key: str, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._text(row, key)
            return text if role == Qt.ItemDataRole.DisplayRole or text != "—" else None
        return None

    def _text(self, row: Row, key: str) -> str:
        raise NotImplementedError


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
