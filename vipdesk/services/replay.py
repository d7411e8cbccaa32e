"""Replaying many commands in one transaction of the central database (sync's push).

Each command runs through its own use case, in a savepoint of its own (storage/batch.py): a
refused one rolls back alone. What every change ends with (recomputing the case's derived
figures, linking the audit event into the chain, stamping the case with a change number) is
deferred and done once for the whole batch when it commits, in that order, as each use case
does it. One commit and a handful of set-based statements replace a dozen statements and a
commit per command.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from types import TracebackType
from typing import Any, TypeVar
from uuid import UUID

from vipdesk.services.derived import refresh_cases
from vipdesk.services.dto import Actor
from vipdesk.storage import audit_log, changes
from vipdesk.storage.batch import Deferred, SavepointUnitOfWork
from vipdesk.storage.uow import Database

T = TypeVar("T")


class ReplayBatch:
    """``with ReplayBatch(db) as batch: batch.run(...); ...; batch.commit()``; leaving the
    block without commit rolls back every command of the batch."""

    def __init__(self, database: Database) -> None:
        self._outer = database.unit_of_work()
        self._pending = Deferred()

    def __enter__(self) -> ReplayBatch:
        self._outer.__enter__()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._pending = Deferred()
        self._outer.__exit__(exc_type, exc, tb)

    def run(
        self, use_case: Callable[..., T], actor: Actor, command: Any, case_id: UUID | None
    ) -> T:
        """Run ``use_case(uow, actor, command)`` as the batch's next command. ``case_id``: the
        case it works on, or None if it may be any (e.g. a debtor's)."""
        # A use case may read the figures of its case (a promise is checked against the
        # exposure): an earlier command's pending refresh of that case is done first.
        self._catch_up(case_id)
        return use_case(SavepointUnitOfWork(self._outer, self._pending), actor, command)

    def commit(self) -> None:
        session = self._outer.session
        self._catch_up(None)
        audit_log.link(session, self._pending.events)
        if self._pending.touched:
            changes.touch_cases(session, list(self._pending.touched))
        self._outer.commit()
        self._pending = Deferred()

    def _catch_up(self, case_id: UUID | None) -> None:
        pending = self._pending.refresh
        if case_id is None:
            due = dict(pending)
        elif case_id in pending:
            due = {case_id: pending[case_id]}
        else:
            return
        by_day: dict[date, list[UUID]] = {}
        for due_case, day in due.items():
            by_day.setdefault(day, []).append(due_case)
        for day, case_ids in by_day.items():
            refresh_cases(self._outer.session, case_ids, day)
        for due_case in due:
            del pending[due_case]
