"""Reassigning a case to another executive of the same team (supervisors only)."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import select

from vipdesk.core.catalog import Role
from vipdesk.core.errors import QT_TRANSLATE_NOOP, NotAllowed, ValidationError
from vipdesk.services.dto import Actor
from vipdesk.services.guard import visible_case
from vipdesk.storage import audit_log, changes
from vipdesk.storage.models import User
from vipdesk.storage.uow import UnitOfWork


def reassign_case(uow: UnitOfWork, actor: Actor, case_id: UUID, executive: str) -> None:
    with uow:
        session = uow.session
        case = visible_case(session, actor, case_id)
        if actor.role is not Role.SUPERVISOR or case.team_id != actor.team_id:
            raise NotAllowed(
                QT_TRANSLATE_NOOP("errors", "Only the team's supervisor may reassign {case}."),
                case=case.number,
            )
        target = session.scalars(
            select(User).where(User.username == executive.strip().lower(), User.active.is_(True))
        ).one_or_none()
        if target is None or target.role != Role.EXECUTIVE or target.team_id != case.team_id:
            raise ValidationError.single(
                "executive",
                QT_TRANSLATE_NOOP("errors", "Choose an executive of the case's team"),
            )
        before = {"executive": case.executive.username}
        case.executive_id = target.id
        session.flush()
        changes.touch_cases(session, [case.id])
        audit_log.record(
            session, when=uow.now(), user_id=actor.id, username=actor.username,
            action="case.reassigned", entity="case", entity_id=case.id,
            before=before, after={"executive": target.username},
        )  # fmt: skip
        uow.commit()
