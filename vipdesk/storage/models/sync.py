"""Bookkeeping for offline work and sync.

Central database: ``SyncCounter`` hands out change numbers; each case carries the number of
its last change (``Case.change_seq``), so a client pulls "cases changed since my cursor".
Local cache: ``OutboxEntry`` holds the commands done offline, in order, until the central
database has accepted them; ``SyncState`` the cursor; ``SyncConflict`` what the central
database refused or what changed there meanwhile, for the user to decide.
Both sides share one schema (one migration chain); each uses only its own tables.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from vipdesk.storage.models.base import Base, utcnow
from vipdesk.storage.types import UtcDateTime


class SyncCounter(Base):
    __tablename__ = "sync_counter"

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, default=0)


class OutboxEntry(Base):
    __tablename__ = "sync_outbox"

    # Autoincrement: commands replay in the order they were done.
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True, default=uuid.uuid4)
    kind: Mapped[str] = mapped_column(String(40))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")


class SyncState(Base):
    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64))
    cursor: Mapped[int] = mapped_column(BigInteger, default=0)
    last_sync_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class SyncConflict(Base):
    __tablename__ = "sync_conflict"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    kind: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(40))
    mine: Mapped[dict[str, Any]] = mapped_column(JSON)
    theirs: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    message: Mapped[str] = mapped_column(Text, default="")
    # The message as templates and parameters ([{"template": ..., "params": {...}}]), so the
    # interface can show it in the user's language.
    reasons: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class AppliedCommand(Base):
    """Central database: commands already applied, so a replayed update is not applied (or
    refused as a conflict) a second time."""

    __tablename__ = "sync_applied_command"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    applied_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
