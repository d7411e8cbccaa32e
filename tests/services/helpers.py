"""Small readers the service tests share (not fixtures: plain functions over a Database)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from uuid import UUID

from sqlalchemy import func, select

from vipdesk.services import activity, auth
from vipdesk.services.dto import Actor, NewInteraction
from vipdesk.storage.models import AuditEvent, Case, User
from vipdesk.storage.uow import Database


def actor(db: Database, username: str) -> Actor:
    return auth.sign_in(db.unit_of_work(), username)


def first_case_of(db: Database, username: str) -> UUID:
    with db.unit_of_work() as uow:
        user = uow.session.scalars(select(User).where(User.username == username)).one()
        return uow.session.scalars(
            select(Case.id)
            .where(Case.executive_id == user.id, Case.status != "closed")
            .order_by(Case.number)
        ).first()  # type: ignore[return-value]


def audit_count(db: Database) -> int:
    with db.unit_of_work() as uow:
        return uow.session.scalar(select(func.count()).select_from(AuditEvent)) or 0


def log_follow_up(
    db: Database, me: Actor, case_id: UUID, next_action: str, on: date, minutes_ago: int
) -> None:
    """An outbound call, logged ``minutes_ago`` minutes ago, that sets the case's next action."""
    activity.log_interaction(
        db.unit_of_work(),
        me,
        NewInteraction(
            case_id=case_id,
            channel="call",
            direction="outbound",
            occurred_at=datetime.now(UTC) - timedelta(minutes=minutes_ago),
            outcome="callback",
            next_action=next_action,
            next_action_date=on,
        ),
    )


# cache_for(username) -> that user's cache (the fixture in conftest.py)
CacheFor = Callable[[str], Database]
