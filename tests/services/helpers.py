"""Small readers the service tests share (not fixtures: plain functions over a Database)."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from sqlalchemy import func, select

from vipdesk.services import auth
from vipdesk.services.dto import Actor
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


# cache_for(username) -> that user's cache (the fixture in conftest.py)
CacheFor = Callable[[str], Database]
