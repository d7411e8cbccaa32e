"""Sync the local cache with the central database: push the outbox, then pull.

Push replays each queued command through the same use case on the central database, as the
same user: it is validated, authorised and audited there like any other change. Commands carry
their own ids, so a push interrupted after the central commit and replayed is applied once.
What the central database refuses (the record changed meanwhile, the case was reassigned, the
amount no longer fits) becomes a conflict for the user to settle; nothing is dropped silently.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError

from vipdesk.core.access import scope_for
from vipdesk.core.errors import (
    QT_TRANSLATE_NOOP,
    Conflict,
    EnvironmentProblem,
    NotAllowed,
    NotFound,
    ValidationError,
    VipDeskError,
)
from vipdesk.services import activity, auth, debtors
from vipdesk.services.commands import from_payload
from vipdesk.services.dto import Actor
from vipdesk.storage import outbox
from vipdesk.storage.cache_pull import pull
from vipdesk.storage.models import Case, SyncConflict, SyncState
from vipdesk.storage.portfolio import visibility
from vipdesk.storage.uow import Database

REPLAY: dict[str, Callable[..., Any]] = {
    "interaction.log": activity.log_interaction,
    "promise.record": activity.record_promise,
    "payment.record": activity.record_payment,
    "debtor.update": debtors.update_debtor,
}
REFUSALS = (Conflict, ValidationError, NotAllowed, NotFound)


class Offline(EnvironmentProblem):
    """The central database cannot be reached; local work is kept and retried later."""


@dataclass(frozen=True)
class SyncReport:
    pushed: int
    refused: int
    pulled: int
    removed: int
    pending: int
    conflicts: int
    cursor: int
    seconds: float


@dataclass(frozen=True)
class SyncStatus:
    pending: int
    conflicts: int
    last_sync_at: Any


def _offline(exc: BaseException) -> Offline:
    reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0:1]
    return Offline(
        QT_TRANSLATE_NOOP("errors", "No connection to the central database: {reason}"),
        reason=reason[0] if reason else type(exc).__name__,
    )


@dataclass(frozen=True)
class PushResult:
    accepted: int
    refused: int
    # Cases whose local copy holds a refused change: the pull must restore them.
    refused_cases: frozenset[UUID]


def _cases_of(cache: Database, payload: dict[str, Any]) -> set[UUID]:
    if payload.get("case_id"):
        return {UUID(payload["case_id"])}
    if payload.get("debtor_id"):
        with cache.unit_of_work() as uow:
            debtor = UUID(payload["debtor_id"])
            return set(uow.session.scalars(select(Case.id).where(Case.debtor_id == debtor)))
    return set()


def _reasons(problem: BaseException) -> list[dict[str, Any]]:
    if isinstance(problem, ValidationError):
        parts = [(p.template, dict(p.params)) for p in problem.problems]
    elif isinstance(problem, VipDeskError):
        parts = [(problem.template, problem.params)]
    else:
        return []
    return [
        {"template": template, "params": {k: str(v) for k, v in params.items()}}
        for template, params in parts
    ]


def push(central: Database, cache: Database, actor: Actor) -> PushResult:
    """Replay the outbox in order."""
    with cache.unit_of_work() as uow:
        entries = [(e.seq, e.kind, dict(e.payload)) for e in outbox.pending(uow.session)]
    accepted = refused = 0
    refused_cases: set[UUID] = set()
    for seq, kind, payload in entries:
        command = from_payload(kind, payload)
        problem: BaseException | None = None
        try:
            REPLAY[kind](central.unit_of_work(), actor, command)
        except REFUSALS as exc:
            problem = exc
        except (DBAPIError, EnvironmentProblem) as exc:
            raise _offline(exc) from exc
        # The central commit happened (or was refused for good); only now forget the entry. A
        # crash between the two replays the command next time, which applies it once.
        with cache.unit_of_work() as uow:
            outbox.remove(uow.session, seq)
            if problem is not None:
                uow.session.add(
                    SyncConflict(
                        kind=kind,
                        entity_id=str(payload.get("id")),
                        mine=payload,
                        theirs=getattr(problem, "theirs", None) or None,
                        message=str(getattr(problem, "message", problem)),
                        reasons=_reasons(problem),
                    )
                )
            uow.commit()
        if problem is None:
            accepted += 1
        else:
            refused += 1
            refused_cases |= _cases_of(cache, payload)
    return PushResult(accepted, refused, frozenset(refused_cases))


def sync_once(central: Database, cache: Database, username: str) -> SyncReport:
    started = time.perf_counter()
    try:
        actor = auth.sign_in(central.unit_of_work(), username)
    except DBAPIError as exc:
        raise _offline(exc) from exc
    pushed = push(central, cache, actor)
    try:
        result = pull(
            central.engine,
            cache.engine,
            visibility(scope_for(actor.role), actor.id, actor.team_id),
            cache.clock(),
            restore=pushed.refused_cases,
        )
    except DBAPIError as exc:
        raise _offline(exc) from exc
    state = status(cache)
    return SyncReport(
        pushed=pushed.accepted,
        refused=pushed.refused,
        pulled=result.pulled,
        removed=result.removed,
        pending=state.pending,
        conflicts=state.conflicts,
        cursor=result.cursor,
        seconds=time.perf_counter() - started,
    )


def status(cache: Database) -> SyncStatus:
    with cache.unit_of_work() as uow:
        conflicts = uow.session.scalar(select(func.count()).select_from(SyncConflict)) or 0
        last = uow.session.scalar(select(SyncState.last_sync_at).where(SyncState.id == 1))
        return SyncStatus(outbox.pending_count(uow.session), conflicts, last)
