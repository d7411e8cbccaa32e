"""Sync the local cache with the central database: push the outbox, then pull.

Push replays each queued command through the same use case on the central database, as the
same user: it is validated, authorised and audited there like any other change. It does so in
batches, one central transaction each, every command in a savepoint of its own (see
services/replay.py). Commands carry their own ids, so a push interrupted after a central commit
and replayed is applied once.
What the central database refuses (the record changed meanwhile, the case was reassigned, the
amount no longer fits) becomes a conflict for the user to settle; nothing is dropped silently.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

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
from vipdesk.services import (
    activity,
    agreements,
    app_settings,
    approval_settings,
    approvals,
    assignments,
    auth,
    contacts,
    debtors,
    documents,
    finance,
    letterhead,
    related_parties,
    scenarios,
    strategy,
)
from vipdesk.services.commands import from_payload
from vipdesk.services.dto import Actor
from vipdesk.services.replay import ReplayBatch
from vipdesk.storage import outbox
from vipdesk.storage.cache_pull import pull
from vipdesk.storage.models import Case, SyncConflict, SyncState
from vipdesk.storage.portfolio import visibility
from vipdesk.storage.uow import Database


def _lazy(module: str, name: str) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    return call


REPLAY: dict[str, Callable[..., Any]] = {
    "interaction.log": activity.log_interaction,
    "promise.record": activity.record_promise,
    "payment.record": activity.record_payment,
    "debtor.update": debtors.update_debtor,
    "case.reassign": assignments.reassign_case,
    contacts.SAVE: contacts.save_contact,
    contacts.REMOVE: contacts.remove_contact,
    related_parties.SAVE: related_parties.save_party,
    related_parties.REMOVE: related_parties.remove_party,
    finance.SAVE: finance.save_period,
    finance.REMOVE: finance.remove_period,
    finance.IMPORT: finance.import_periods,
    finance.ASSUMPTIONS_SAVE: finance.save_assumptions,
    scenarios.SAVE: scenarios.save_scenario,
    scenarios.REMOVE: scenarios.remove_scenario,
    scenarios.CHOOSE: scenarios.choose_scenario,
    strategy.SAVE: strategy.save_strategy,
    strategy.DECISION: strategy.add_decision,
    app_settings.SAVE_THRESHOLDS: app_settings.save_thresholds,
    agreements.CREATE: agreements.create_agreement,
    agreements.SAVE: agreements.save_agreement,
    agreements.REVISE: agreements.revise_agreement,
    approvals.STEP: approvals.step_agreement,
    approval_settings.SAVE_APPROVAL: approval_settings.save_approval_settings,
    # Loaded on first replay: the letters pull in ReportLab, which the command line's start
    # (every "vipdesk sync") should not pay for.
    "document.generate": _lazy("vipdesk.services.letters", "store_document"),
    documents.HANDOFF: documents.send_to_legal,
    documents.ACKNOWLEDGE: documents.acknowledge_receipt,
    letterhead.SAVE: letterhead.save_letterhead,
    "settings.letter_template.save": _lazy(
        "vipdesk.services.letter_templates", "save_letter_template"
    ),
}
REFUSALS = (Conflict, ValidationError, NotAllowed, NotFound)

# Commands replayed per central transaction: one commit for many is what makes a push fast.
# The first batch is small so that over a flaky link some work gets through before the next
# drop; each next one doubles, up to MAX_BATCH. Each command is a savepoint, and PostgreSQL
# keeps only 64 subtransactions of a transaction in shared memory: past that, every other
# session's visibility checks slow down (subtransaction overflow) until the batch commits.
FIRST_BATCH = 8
MAX_BATCH = 64
# A batch holds its write locks until it commits (the rows it changed; on SQLite the whole
# database) and other writers wait for them: it takes no further command after this long.
BATCH_SECONDS = 0.2


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


def _cases_of(session: Session, payload: dict[str, Any]) -> set[UUID]:
    if payload.get("case_id"):
        return {UUID(payload["case_id"])}
    if payload.get("debtor_id"):
        debtor = UUID(payload["debtor_id"])
        return set(session.scalars(select(Case.id).where(Case.debtor_id == debtor)))
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


@dataclass(frozen=True)
class _Replayed:
    seq: int
    kind: str
    payload: dict[str, Any]
    problem: BaseException | None  # why the central database refused it, if it did


def _conflict(done: _Replayed) -> SyncConflict:
    problem = done.problem
    return SyncConflict(
        kind=done.kind,
        entity_id=str(done.payload.get("id")),
        mine=done.payload,
        theirs=getattr(problem, "theirs", None) or None,
        message=str(getattr(problem, "message", problem)),
        reasons=_reasons(problem) if problem is not None else [],
    )


def _replay_batch(
    central: Database, actor: Actor, entries: list[tuple[int, str, dict[str, Any]]]
) -> tuple[list[_Replayed], tuple[int, Exception] | None]:
    """Replay ``entries`` in order in one central transaction, each command in a savepoint of
    its own so that a refused one leaves no trace, then commit.

    Returns the commands replayed (accepted or refused) and, when one failed unexpectedly (a
    bug, not a refusal), its outbox seq and error: those before it are committed, it and those
    after it are not. A lost connection rolls the whole batch back and raises Offline.
    """
    done: list[_Replayed] = []
    failure: tuple[int, Exception] | None = None
    deadline = time.monotonic() + BATCH_SECONDS
    try:
        with ReplayBatch(central) as batch:
            for seq, kind, payload in entries:
                problem: BaseException | None = None
                try:
                    case_id = UUID(payload["case_id"]) if payload.get("case_id") else None
                    batch.run(REPLAY[kind], actor, from_payload(kind, payload), case_id)
                except REFUSALS as exc:
                    problem = exc
                except (DBAPIError, EnvironmentProblem):
                    raise
                except Exception as exc:  # a bug: push reports it once the rest is safe
                    failure = (seq, exc)
                    break
                done.append(_Replayed(seq, kind, payload, problem))
                if time.monotonic() > deadline:
                    break
            batch.commit()
    except (DBAPIError, EnvironmentProblem) as exc:
        raise _offline(exc) from exc
    return done, failure


def _settle(
    cache: Database, done: list[_Replayed], failure: tuple[int, Exception] | None
) -> set[UUID]:
    """Forget the replayed entries and keep each refusal as a conflict, in one cache
    transaction. Returns the cases whose local copy holds a refused change."""
    refused_cases: set[UUID] = set()
    with cache.unit_of_work() as uow:
        outbox.remove_many(uow.session, [d.seq for d in done])
        for d in done:
            if d.problem is not None:
                uow.session.add(_conflict(d))
                refused_cases |= _cases_of(uow.session, d.payload)
        if failure is not None:
            outbox.note_failure(uow.session, failure[0], repr(failure[1]))
        uow.commit()
    return refused_cases


def push(central: Database, cache: Database, actor: Actor) -> PushResult:
    """Replay the outbox in order, a batch of commands per central transaction."""
    accepted = refused = 0
    refused_cases: set[UUID] = set()
    size = FIRST_BATCH
    while True:
        with cache.unit_of_work() as uow:
            pending = outbox.pending(uow.session, limit=size)
            entries = [(e.seq, e.kind, dict(e.payload)) for e in pending]
        if not entries:
            return PushResult(accepted, refused, frozenset(refused_cases))
        done, failure = _replay_batch(central, actor, entries)
        # The central commit happened; only now forget the entries. A crash between the two
        # replays the batch next time, which applies each command once (they carry their ids).
        refused_cases |= _settle(cache, done, failure)
        refusals = sum(d.problem is not None for d in done)
        accepted += len(done) - refusals
        refused += refusals
        if failure is not None:
            # A bug, not a refusal: the command stays queued (with the error noted on it) and
            # the sync fails loudly rather than skip it.
            raise failure[1]
        size = min(size * 2, MAX_BATCH)


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
