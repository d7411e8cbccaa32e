"""What the use cases on a debtor's own records (contacts, related parties) share: auditing a
change and stamping the debtor's cases for sync, and removing a record by command."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy import select
from sqlalchemy.orm import Session

from vipdesk.services.debtors import _workable_debtor as workable_debtor
from vipdesk.services.dto import Actor, ContactRemoval, PartyRemoval
from vipdesk.services.recording import command_moment, queue_if_offline
from vipdesk.storage import audit_log, changes
from vipdesk.storage.models import AppliedCommand, Case, Debtor
from vipdesk.storage.uow import UnitOfWork


def finish_debtor_change(uow: UnitOfWork, debtor: Debtor, actor: Actor, when: datetime,
                         action: str, before: dict[str, object] | None,
                         after: dict[str, object] | None) -> None:  # fmt: skip
    """Audit the change and stamp the debtor's cases so every sync pulls them."""
    session = uow.session
    case_ids = list(session.scalars(select(Case.id).where(Case.debtor_id == debtor.id)))
    # Audit chain head first, change counter second: the order every use case locks them in,
    # so two writers never wait on each other crosswise. The event is about the debtor: a
    # cache forgetting the debtor forgets it too (see storage/cache_pull.forget_local_audit).
    audit_log.record(
        session, when=when, user_id=actor.id, username=actor.username, action=action,
        entity="debtor", entity_id=debtor.id, before=before, after=after,
    )  # fmt: skip
    changes.touch_cases(session, case_ids)


def remove_debtor_record(
    uow: UnitOfWork,
    actor: Actor,
    cmd: ContactRemoval | PartyRemoval,
    *,
    model: type[Any],
    record_id: UUID,
    kind: str,
    action: str,
    key: str,
    fields: Callable[[Any], dict[str, object]],
    owned: Callable[[Session, Debtor, UUID], object],
) -> None:
    """Remove the debtor's record ``record_id`` of ``model``; one already gone (removed by
    someone else) changes nothing. ``owned`` raises NotFound for another debtor's record."""
    now, _today = command_moment(uow, cmd)
    command_id = cmd.id or uuid4()
    with uow:
        session = uow.session
        debtor = workable_debtor(uow, actor, cmd.debtor_id)
        if session.get(AppliedCommand, command_id) is not None:
            return
        record = session.get(model, record_id)
        if record is None:
            return  # what the user wanted is already so
        owned(session, debtor, record_id)
        before = {key: str(record.id), **fields(record)}
        session.delete(record)
        session.add(AppliedCommand(id=command_id, kind=kind, applied_at=now))
        session.flush()
        finish_debtor_change(uow, debtor, actor, now, action, before, None)
        queue_if_offline(uow, cmd, command_id, now)
        uow.commit()
