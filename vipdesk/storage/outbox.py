"""The local outbox: commands done on the cache, waiting for the central database."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any
from uuid import UUID

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from vipdesk.storage.models import OutboxEntry


def append(session: Session, entry_id: UUID, kind: str, payload: dict[str, Any]) -> None:
    session.add(OutboxEntry(id=entry_id, kind=kind, payload=payload))


def pending(session: Session, limit: int | None = None) -> list[OutboxEntry]:
    query = select(OutboxEntry).order_by(OutboxEntry.seq)
    if limit is not None:
        query = query.limit(limit)
    return list(session.scalars(query))


def pending_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(OutboxEntry)) or 0


def remove(session: Session, seq: int) -> None:
    session.execute(delete(OutboxEntry).where(OutboxEntry.seq == seq))


def remove_many(session: Session, seqs: Collection[int]) -> None:
    if seqs:
        session.execute(delete(OutboxEntry).where(OutboxEntry.seq.in_(seqs)))


def note_failure(session: Session, seq: int, error: str) -> None:
    session.execute(
        update(OutboxEntry)
        .where(OutboxEntry.seq == seq)
        .values(attempts=OutboxEntry.attempts + 1, last_error=error[:2000])
    )
