"""Append audit events to the hash chain."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy import select
from sqlalchemy.orm import Session

from vipdesk.storage import batch
from vipdesk.storage.models import AuditChainHead, AuditEvent

GENESIS = "0" * 64


def _plain(value: Any) -> Any:
    """JSON-safe copy: Decimal and dates as strings so the hash is exact and portable."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal | UUID | date | datetime):
        return value.isoformat() if isinstance(value, date | datetime) else str(value)
    return value


def event_hash(prev_hash: str, payload: dict[str, Any]) -> str:
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((prev_hash + canonical).encode("utf-8")).hexdigest()


def record(
    session: Session,
    *,
    when: datetime,
    user_id: UUID | None,
    username: str,
    action: str,
    entity: str,
    entity_id: UUID | str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append an event. In a batch (see storage/batch.py) it is linked into the chain when the
    batch commits, in the same order; its seq and hashes are set then."""
    payload = {
        "occurred_at": when.isoformat(),
        "user_id": str(user_id) if user_id else None,
        "username": username,
        "action": action,
        "entity": entity,
        "entity_id": str(entity_id),
        "before": _plain(before),
        "after": _plain(after),
    }
    event = AuditEvent(
        id=uuid4(),
        occurred_at=when,
        user_id=user_id,
        username=username,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        before=payload["before"],
        after=payload["after"],
    )
    pending = batch.deferred(session)
    if pending is not None:
        pending.events.append((event, payload))
    else:
        link(session, [(event, payload)])
    return event


def link(session: Session, events: Sequence[tuple[AuditEvent, dict[str, Any]]]) -> None:
    """Chain ``events`` (each with its payload, all but "seq") after the head, in order. The
    head row stays locked until commit, so concurrent writers chain one after the other."""
    if not events:
        return
    head = session.execute(
        select(AuditChainHead).where(AuditChainHead.id == 1).with_for_update()
    ).scalar_one_or_none()
    if head is None:
        head = AuditChainHead(id=1, seq=0, last_hash=GENESIS)
        session.add(head)
    for event, payload in events:
        event.seq = head.seq + 1
        event.prev_hash = head.last_hash
        event.hash = event_hash(head.last_hash, {"seq": event.seq, **payload})
        head.seq = event.seq
        head.last_hash = event.hash
        session.add(event)


def verify_chain(session: Session) -> int | None:
    """Return the seq of the first event whose hash does not match, or None if intact."""
    prev = GENESIS
    for event in session.scalars(select(AuditEvent).order_by(AuditEvent.seq)):
        payload = {
            "seq": event.seq,
            "occurred_at": event.occurred_at.isoformat(),
            "user_id": str(event.user_id) if event.user_id else None,
            "username": event.username,
            "action": event.action,
            "entity": event.entity,
            "entity_id": event.entity_id,
            "before": event.before,
            "after": event.after,
        }
        if event.prev_hash != prev or event_hash(prev, payload) != event.hash:
            return event.seq
        prev = event.hash
    return None
