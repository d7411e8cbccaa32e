"""Change numbers on the central database: every transaction that changes a case stamps it
with the next number, so clients can pull "what changed since number N"."""

from __future__ import annotations

from collections.abc import Iterable
from uuid import UUID

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from vipdesk.storage import batch
from vipdesk.storage.models import Case, SyncCounter


def next_change(session: Session) -> int:
    """Take the next change number. The counter row stays locked until commit, so numbers
    become visible in the order they were taken: a reader that saw N has seen all below N."""
    counter = session.execute(
        select(SyncCounter).where(SyncCounter.id == 1).with_for_update()
    ).scalar_one_or_none()
    if counter is None:
        counter = SyncCounter(id=1, seq=0)
        session.add(counter)
    counter.seq += 1
    session.flush()
    return counter.seq


def current_change(session: Session) -> int:
    return session.scalar(select(SyncCounter.seq).where(SyncCounter.id == 1)) or 0


def touch_cases(session: Session, case_ids: Iterable[UUID]) -> int | None:
    """Stamp the cases with the next change number and return it. In a batch (see
    storage/batch.py) the whole batch is stamped with one number when it commits: None."""
    ids = list(case_ids)
    pending = batch.deferred(session)
    if pending is not None:
        pending.touched.update(dict.fromkeys(ids))
        return None
    seq = next_change(session)
    if ids:
        session.execute(
            update(Case)
            .where(Case.id.in_(ids))
            .values(change_seq=seq)
            .execution_options(synchronize_session=False)
        )
    return seq
