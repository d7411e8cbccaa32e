"""The case's documents as a table: kind, number, when and by whom, pages, SHA-256 and where
its hand-off to legal stands; and legal's inbox of documents received."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from PySide6.QtCore import QCoreApplication, Qt

from vipdesk.core.errors import QT_TRANSLATE_NOOP
from vipdesk.services.agreement_dto import DocumentInfo, InboxItem
from vipdesk.ui.case.documents.labels import CONTEXT, handoff_text, kind_label, short_hash
from vipdesk.ui.formatting import date_text, datetime_text, integer_text
from vipdesk.ui.table_model import RecordsModel

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the document's (or the hand-off's) id
SHA_ROLE = Qt.ItemDataRole.UserRole + 2  # the whole SHA-256


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def legal_state(info: DocumentInfo) -> str:
    """The short form the table shows ("Received", "Sent", "")."""
    if info.acknowledged_at is not None:
        return QCoreApplication.translate("documents", "Received")
    if info.handed_off_at is not None:
        return QCoreApplication.translate("documents", "Sent")
    return ""


class DocumentsModel(RecordsModel[DocumentInfo]):
    CONTEXT = CONTEXT
    COLUMNS = (
        ("kind", QT_TRANSLATE_NOOP("documents", "Kind")),
        ("number", QT_TRANSLATE_NOOP("documents", "Number")),
        ("generated", QT_TRANSLATE_NOOP("documents", "Generated")),
        ("author", QT_TRANSLATE_NOOP("documents", "By")),
        ("pages", QT_TRANSLATE_NOOP("documents", "Pages")),
        ("sha256", QT_TRANSLATE_NOOP("documents", "SHA-256")),
        ("legal", QT_TRANSLATE_NOOP("documents", "Legal")),
    )
    RIGHT = frozenset({"pages"})

    def row_of(self, document_id: UUID) -> int:
        return next((i for i in range(self.rowCount()) if self._id(i) == document_id), -1)

    def _id(self, row: int) -> UUID | None:
        info = self.row_at(row)
        return info.id if info is not None else None

    def cell(self, row: DocumentInfo, key: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "kind": lambda: kind_label(row.kind),
                "number": lambda: row.number,
                "generated": lambda: date_text(row.generated_at),
                "author": lambda: row.author,
                "pages": lambda: integer_text(row.pages),
                "sha256": lambda: short_hash(row.sha256, 10),
                "legal": lambda: legal_state(row),
            }[key]()
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "sha256":
                return row.sha256
            if key == "legal":
                return handoff_text(row) or None
            if key == "number":
                return row.file_name
            if key == "generated":
                return datetime_text(row.generated_at)
        if role == ID_ROLE:
            return str(row.id)
        if role == SHA_ROLE:
            return row.sha256
        return None


class InboxModel(RecordsModel[InboxItem]):
    CONTEXT = CONTEXT
    COLUMNS = (
        ("case", QT_TRANSLATE_NOOP("documents", "Case")),
        ("debtor", QT_TRANSLATE_NOOP("documents", "Debtor")),
        ("kind", QT_TRANSLATE_NOOP("documents", "Kind")),
        ("number", QT_TRANSLATE_NOOP("documents", "Number")),
        ("sent_by", QT_TRANSLATE_NOOP("documents", "Sent by")),
        ("sent_at", QT_TRANSLATE_NOOP("documents", "Sent")),
        ("sha256", QT_TRANSLATE_NOOP("documents", "SHA-256")),
        ("received", QT_TRANSLATE_NOOP("documents", "Received")),
    )

    def row_of(self, handoff_id: UUID) -> int:
        rows = (self.row_at(i) for i in range(self.rowCount()))
        return next((i for i, r in enumerate(rows) if r and r.handoff_id == handoff_id), -1)

    def cell(self, row: InboxItem, key: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "case": lambda: row.document.case_number,
                "debtor": lambda: row.debtor_name,
                "kind": lambda: kind_label(row.document.kind),
                "number": lambda: row.document.number,
                "sent_by": lambda: row.sent_by,
                "sent_at": lambda: datetime_text(row.sent_at),
                "sha256": lambda: short_hash(row.document.sha256, 8),
                "received": lambda: (
                    QCoreApplication.translate("documents", "{date} by {name}").format(
                        date=date_text(row.acknowledged_at), name=row.acknowledged_by
                    )
                    if row.acknowledged_at is not None
                    else QCoreApplication.translate("documents", "Pending")
                ),
            }[key]()
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "sha256":
                return row.document.sha256
            if key == "debtor":
                return row.debtor_name
            if key == "number" and row.note:
                return row.note
        if role == ID_ROLE:
            return str(row.handoff_id)
        if role == SHA_ROLE:
            return row.document.sha256
        return None
