"""Batches: many use cases in one transaction, each inside a savepoint of its own.

Sync replays many commands in one central transaction: one commit instead of one per command.
Each command keeps its all-or-nothing: a refused one rolls back to its savepoint and leaves no
trace while the others stand. The use cases take a :class:`UnitOfWork` and do
``with uow: ...; uow.commit()``; :class:`SavepointUnitOfWork` turns that block into a savepoint
of the batch's transaction, so their code is unchanged.

What every change ends with and what is the same for a whole transaction (stamping the cases
with a change number, linking audit events into the chain, recomputing a case's derived
figures) is, within a batch, noted in a :class:`Deferred` and done once when the batch commits:
the same result as after each command, at a fraction of the statements and lock time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from types import TracebackType
from typing import Any
from uuid import UUID

from sqlalchemy.orm import Session, SessionTransaction

from vipdesk.storage.models import AuditEvent
from vipdesk.storage.uow import UnitOfWork

_KEY = "vipdesk.deferred"


@dataclass
class Deferred:
    """Bookkeeping a batch does once, at its end, rather than after each command."""

    # Cases to stamp with the batch's change number (a dict: a set that keeps the order).
    touched: dict[UUID, None] = field(default_factory=dict)
    # Cases whose derived figures to recompute, each as of the day its last command counted.
    refresh: dict[UUID, date] = field(default_factory=dict)
    # Audit events to link into the chain, in order, with the hashed payload but its "seq".
    events: list[tuple[AuditEvent, dict[str, Any]]] = field(default_factory=list)

    def merge(self, later: Deferred) -> None:
        self.touched.update(later.touched)
        self.refresh.update(later.refresh)  # the later command's day wins, as it would
        self.events.extend(later.events)


def deferred(session: Session) -> Deferred | None:
    """Where a use case running in a batch notes its bookkeeping; None outside a batch."""
    found = session.info.get(_KEY)
    return found if isinstance(found, Deferred) else None


class SavepointUnitOfWork(UnitOfWork):
    """``with uow:`` opens a savepoint in ``outer``'s transaction; ``commit()`` releases it
    (the outer transaction decides whether it is kept); leaving without commit rolls back to
    the savepoint only. Same clock and outbox flag as ``outer``.

    With ``into``, the command's bookkeeping is deferred and, once its savepoint is released,
    added to ``into`` for the batch to do at its end; a rolled-back command's is dropped.
    """

    def __init__(self, outer: UnitOfWork, into: Deferred | None = None) -> None:
        super().__init__(lambda: outer.session, outer.clock, outer.outbox)
        self._outer = outer
        self._into = into
        self._mine: Deferred | None = None
        self._savepoint: SessionTransaction | None = None
        self._released = False

    def __enter__(self) -> SavepointUnitOfWork:
        if self._session is not None:
            raise RuntimeError("UnitOfWork is not re-entrant")
        session = self._outer.session
        self._savepoint = session.begin_nested()
        self._released = False
        self._session = session
        if self._into is not None:
            self._mine = Deferred()
            session.info[_KEY] = self._mine
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._session is not None and self._savepoint is not None
        session, savepoint, mine = self._session, self._savepoint, self._mine
        self._session = self._savepoint = self._mine = None
        session.info.pop(_KEY, None)
        try:
            if self._released:
                if mine is not None and self._into is not None:
                    self._into.merge(mine)
            else:
                # Also after a failed release (an error while flushing): the savepoint is then
                # inactive but must still be rolled back before the session can go on.
                savepoint.rollback()
        except Exception:
            # With the connection gone the rollback fails too; the error already on its way
            # says more, and the owner of the outer transaction rolls all of it back.
            if exc is None:
                raise
        finally:
            # The next command reads afresh, as it would in a transaction of its own: rows
            # another user changed meanwhile are not served stale from the identity map.
            session.expunge_all()

    def commit(self) -> None:
        if self._savepoint is None:
            raise RuntimeError("UnitOfWork used outside its with-block")
        self._savepoint.commit()
        self._released = True
