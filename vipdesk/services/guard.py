"""Authorisation checks shared by the use cases."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import select
from sqlalchemy.orm import Session

from vipdesk.core.access import can_see_case, can_work_case
from vipdesk.core.catalog import Role
from vipdesk.core.errors import QT_TRANSLATE_NOOP, NotAllowed, NotFound
from vipdesk.services.dto import Actor
from vipdesk.storage.models import Case, LegalHandoff


def _handed_to_legal(session: Session, case_id: UUID) -> bool:
    query = select(LegalHandoff.id).where(LegalHandoff.case_id == case_id).limit(1)
    return session.scalar(query) is not None


def visible_case(session: Session, actor: Actor, case_id: UUID) -> Case:
    case = session.get(Case, case_id)
    if case is None or not can_see_case(
        actor.role,
        actor.id,
        actor.team_id,
        case_executive_id=case.executive_id,
        case_team_id=case.team_id,
        case_status=case.status,
        handed_to_legal=actor.role is Role.LEGAL and _handed_to_legal(session, case_id),
    ):
        # Same message whether missing or hidden: existence is itself confidential.
        raise NotFound(QT_TRANSLATE_NOOP("errors", "Case not found: {case}"), case=str(case_id))
    return case


def workable_case(session: Session, actor: Actor, case_id: UUID) -> Case:
    case = visible_case(session, actor, case_id)
    if not can_work_case(
        actor.role,
        actor.id,
        actor.team_id,
        case_executive_id=case.executive_id,
        case_team_id=case.team_id,
    ):
        raise NotAllowed(
            QT_TRANSLATE_NOOP("errors", "You may not change case {case}."), case=case.number
        )
    return case
