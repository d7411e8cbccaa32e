"""Generated documents (PDF letters) kept with their case, and their hand-off to legal.

A document row holds the PDF itself, its SHA-256 and the data it was made from, so that what
legal receives can be checked byte for byte against what the executive generated. Documents
and hand-offs are append-only, but for the acknowledgement of a hand-off.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, LargeBinary, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from vipdesk.storage.models.base import Base, Synced
from vipdesk.storage.types import UtcDateTime


class Document(Synced, Base):
    """A generated letter: ``kind`` (documents.kinds: propuesta, convenio, requerimiento,
    recordatorio, finiquito, expediente), ``number`` its reference, the template's name and
    version, ``data`` the snapshot it was rendered from, the PDF bytes and their SHA-256."""

    __tablename__ = "document"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    agreement_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    kind: Mapped[str] = mapped_column(String(20))
    number: Mapped[str] = mapped_column(String(40))
    template: Mapped[str] = mapped_column(String(60))
    template_version: Mapped[str] = mapped_column(String(40))
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    pages: Mapped[int]
    file_name: Mapped[str] = mapped_column(String(200))
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"), index=True)
    generated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class LegalHandoff(Synced, Base):
    """A document sent to legal; ``acknowledged_*`` set once a legal user confirms receipt."""

    __tablename__ = "legal_handoff"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    # Unique: a document is handed to legal once, even by two people at the same moment.
    document_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("document.id"), unique=True)
    sent_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"), index=True)
    sent_at: Mapped[datetime] = mapped_column(UtcDateTime)
    note: Mapped[str] = mapped_column(Text, default="")
    acknowledged_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"))
    acknowledged_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
