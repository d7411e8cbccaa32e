"""Editing a debtor's file. Edits carry the version they were based on: a change made
meanwhile by someone else is refused as a conflict, never overwritten."""

from __future__ import annotations

import dataclasses
from uuid import UUID, uuid4

from sqlalchemy import select
from sqlalchemy.orm import Session

from vipdesk.core.access import can_work_case
from vipdesk.core.errors import QT_TRANSLATE_NOOP, Conflict, NotFound, ValidationError
from vipdesk.core.text import clean_text
from vipdesk.core.validation import collect
from vipdesk.services.dto import Actor, DebtorInfo, DebtorUpdate
from vipdesk.services.recording import command_moment, queue_if_offline
from vipdesk.storage import audit_log, changes, outbox
from vipdesk.storage.models import AppliedCommand, Case, Debtor
from vipdesk.storage.uow import UnitOfWork

EDITABLE = ("trade_name", "risk_rating", "economic_activity", "notes")
RISK_RATINGS = ("A", "B", "C", "D", "E")


def pending_edit(session: Session, debtor_id: UUID) -> UUID | None:
    """The latest edit of this debtor still waiting in the outbox, if any."""
    for entry in reversed(outbox.pending(session)):
        if entry.kind == "debtor.update" and entry.payload.get("debtor_id") == str(debtor_id):
            return entry.id
    return None


def _fields(debtor: Debtor) -> dict[str, str]:
    return {name: getattr(debtor, name) for name in EDITABLE}


def _workable_debtor(uow: UnitOfWork, actor: Actor, debtor_id: UUID) -> Debtor:
    debtor = uow.session.get(Debtor, debtor_id)
    cases = uow.session.scalars(select(Case).where(Case.debtor_id == debtor_id)).all()
    if debtor is None or not any(
        can_work_case(
            actor.role,
            actor.id,
            actor.team_id,
            case_executive_id=c.executive_id,
            case_team_id=c.team_id,
        )
        for c in cases
    ):
        raise NotFound(QT_TRANSLATE_NOOP("errors", "Debtor not found: {debtor}"), debtor=debtor_id)
    return debtor


def debtor_info(uow: UnitOfWork, actor: Actor, debtor_id: UUID) -> DebtorInfo:
    with uow:
        d = _workable_debtor(uow, actor, debtor_id)
        return DebtorInfo(d.id, d.row_version, d.name, **_fields(d))


def update_debtor(uow: UnitOfWork, actor: Actor, cmd: DebtorUpdate) -> int:
    """Apply the edit; return the debtor's new row version."""
    now, _today = command_moment(uow, cmd)
    clean: dict[str, str] = {}

    def rating() -> None:
        if cmd.risk_rating not in RISK_RATINGS:
            raise ValidationError.single(
                "risk_rating", QT_TRANSLATE_NOOP("errors", "Choose a value from the list")
            )
        clean["risk_rating"] = cmd.risk_rating

    collect(
        lambda: clean.__setitem__(
            "trade_name", clean_text(cmd.trade_name, "trade_name", max_length=300, required=False)
        ),
        rating,
        lambda: clean.__setitem__(
            "economic_activity",
            clean_text(cmd.economic_activity, "economic_activity", max_length=200, required=False),
        ),
        lambda: clean.__setitem__(
            "notes", clean_text(cmd.notes, "notes", max_length=4000, required=False, multiline=True)
        ),
    )
    command_id = cmd.id or uuid4()
    with uow:
        session = uow.session
        debtor = _workable_debtor(uow, actor, cmd.debtor_id)
        if session.get(AppliedCommand, command_id) is not None:
            return debtor.row_version  # a replay of an edit already applied
        before = _fields(debtor)
        if cmd.after_command is not None:
            current = debtor.last_command_id == cmd.after_command
        else:
            current = debtor.row_version == cmd.base_version
        if not current:
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "errors", "{debtor} was changed by someone else since you opened it."
                ),
                theirs={"row_version": debtor.row_version, **before},
                debtor=debtor.name,
            )
        # What central will be told this edit builds on: the previous unsynced edit of this
        # debtor if there is one (its version number here is local, unknown centrally).
        chained = dataclasses.replace(
            cmd, after_command=pending_edit(session, debtor.id) if uow.outbox else cmd.after_command
        )
        for name, value in clean.items():
            setattr(debtor, name, value)
        debtor.last_command_id = command_id
        session.add(AppliedCommand(id=command_id, kind="debtor.update", applied_at=now))
        session.flush()  # the ORM's version check: a concurrent writer makes this fail
        case_ids = list(session.scalars(select(Case.id).where(Case.debtor_id == debtor.id)))
        # Audit chain head first, change counter second: the order every use case locks them
        # in, so two writers never wait on each other crosswise.
        audit_log.record(
            session, when=now, user_id=actor.id, username=actor.username,
            action="debtor.updated", entity="debtor", entity_id=debtor.id,
            before=before, after=clean,
        )  # fmt: skip
        changes.touch_cases(session, case_ids)
        queue_if_offline(uow, chained, command_id, now)
        version = debtor.row_version
        uow.commit()
        return version
