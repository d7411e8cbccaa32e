"""Reassigning a case to another executive of its team (the team's supervisor decides).

A reassignment is a command like any other change: done on the supervisor's cache it is queued
and replayed on the central database by sync, applied once by its id. The executive who had
the case loses it from their cache at their next sync.
"""

from __future__ import annotations

import dataclasses
from uuid import UUID, uuid4

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from vipdesk.core.catalog import CaseStatus, Role
from vipdesk.core.errors import QT_TRANSLATE_NOOP, Conflict, NotAllowed, ValidationError
from vipdesk.services.dto import Actor, ReassignCase, TeamExecutive, TeamExecutives
from vipdesk.services.guard import visible_case
from vipdesk.services.recording import command_moment, queue_if_offline
from vipdesk.storage import audit_log, changes
from vipdesk.storage.models import AppliedCommand, Case, User
from vipdesk.storage.uow import UnitOfWork

KIND = "case.reassign"
MAX_USERNAME = 64  # the column's length: anything longer names nobody


def _supervised_case(session: Session, actor: Actor, case_id: UUID) -> Case:
    case = visible_case(session, actor, case_id)
    if actor.role is not Role.SUPERVISOR or case.team_id != actor.team_id:
        raise NotAllowed(
            QT_TRANSLATE_NOOP("errors", "Only the team's supervisor may reassign {case}."),
            case=case.number,
        )
    return case


def _executives(session: Session, team_id: UUID) -> list[User]:
    return list(
        session.scalars(
            select(User)
            .where(
                User.team_id == team_id,
                User.role == Role.EXECUTIVE.value,
                User.active.is_(True),
            )
            .order_by(User.full_name, User.username)
        )
    )


def team_executives(uow: UnitOfWork, actor: Actor, case_id: UUID) -> TeamExecutives:
    """The case, its executive, and the active executives of its team with their workload."""
    with uow:
        session = uow.session
        case = _supervised_case(session, actor, case_id)
        executives = _executives(session, case.team_id)
        counts = {
            executive_id: count
            for executive_id, count in session.execute(
                select(Case.executive_id, func.count())
                .where(Case.team_id == case.team_id, Case.status != CaseStatus.CLOSED.value)
                .group_by(Case.executive_id)
            )
        }
        return TeamExecutives(
            case_id=case.id,
            case_number=case.number,
            debtor_name=case.debtor.name,
            current=case.executive.username,
            current_name=case.executive.full_name,
            executives=tuple(
                TeamExecutive(u.username, u.full_name, counts.get(u.id, 0)) for u in executives
            ),
        )


def _wanted_username(executive: object) -> str:
    name = executive.strip().lower() if isinstance(executive, str) else ""
    if not name:
        raise ValidationError.single(
            "executive", QT_TRANSLATE_NOOP("errors", "Choose an executive")
        )
    return name


def _target(session: Session, case: Case, name: str) -> User:
    target = None
    if len(name) <= MAX_USERNAME and name.isprintable():
        target = next((u for u in _executives(session, case.team_id) if u.username == name), None)
    if target is None:
        raise ValidationError.single(
            "executive", QT_TRANSLATE_NOOP("errors", "Choose an executive of the case's team")
        )
    if target.id == case.executive_id:
        raise ValidationError.single(
            "executive",
            QT_TRANSLATE_NOOP("errors", "{case} is already assigned to {executive}."),
            case=case.number,
            executive=target.full_name,
        )
    return target


def reassign_case(uow: UnitOfWork, actor: Actor, command: ReassignCase) -> UUID:
    """Hand the case to ``command.executive``; returns the command's id."""
    now, _today = command_moment(uow, command)
    name = _wanted_username(command.executive)
    command_id = command.id or uuid4()
    with uow:
        session = uow.session
        case = _supervised_case(session, actor, command.case_id)
        if session.get(AppliedCommand, command_id) is not None:
            return command_id  # a replay of a reassignment already applied
        previous = case.executive
        if command.current is not None and command.current != previous.username:
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "errors", "{case} was reassigned to {executive} by someone else meanwhile."
                ),
                theirs={"executive": previous.username},
                case=case.number,
                executive=previous.full_name,
            )
        target = _target(session, case, name)
        case.executive_id = target.id
        session.add(AppliedCommand(id=command_id, kind=KIND, applied_at=now))
        session.flush()
        audit_log.record(
            session, when=now, user_id=actor.id, username=actor.username,
            action="case.reassigned", entity="case", entity_id=case.id,
            before={"case": case.number, "executive": previous.username},
            after={"case": case.number, "executive": target.username},
        )  # fmt: skip
        changes.touch_cases(session, [case.id])  # after the audit lock, as everywhere
        # Central is told whom the case was taken from, so that it refuses the reassignment
        # if someone else moved the case in the meantime.
        queue_if_offline(
            uow, dataclasses.replace(command, executive=name, current=previous.username),
            command_id, now,
        )  # fmt: skip
        uow.commit()
        return command_id
