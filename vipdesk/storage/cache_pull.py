"""Pull: bring the cache up to date with the central database, case by case.

Every change on the central database stamps its case with a change number. A pull re-copies
the visible cases changed since the cache's cursor (and cases newly visible), removes the
cases the user may no longer see (reassigned, closed to them) together with everything under
them, and moves the cursor, all in one cache transaction. Removed rows are overwritten on
disk (``secure_delete``), not just unlinked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from sqlalchemy import ColumnElement, Connection, Engine, delete, insert, select, update

from vipdesk.storage.cache_build import (
    Copier,
    begin_snapshot,
    copy_cases,
    rows_of,
    table_of,
)
from vipdesk.storage.models import (
    Case,
    Debtor,
    DebtorContact,
    Interaction,
    Obligation,
    Payment,
    PaymentApplication,
    Promise,
    RelatedParty,
    SyncCounter,
    SyncState,
    Team,
    User,
)

BATCH = 500


@dataclass(frozen=True)
class PullResult:
    pulled: int
    removed: int
    cursor: int


def delete_cases(cache: Connection, case_ids: list[UUID]) -> None:
    """Delete cases, everything under them, and their debtors (a debtor's other cases are
    always deleted with it: callers pass whole debtors' case sets)."""
    for start in range(0, len(case_ids), BATCH):
        ids = case_ids[start : start + BATCH]
        payments = select(Payment.id).where(Payment.case_id.in_(ids)).scalar_subquery()
        debtors = list(cache.scalars(select(Case.debtor_id).where(Case.id.in_(ids))))
        cache.execute(delete(PaymentApplication).where(PaymentApplication.payment_id.in_(payments)))
        for model in (Payment, Promise, Interaction, Obligation):
            cache.execute(delete(model).where(model.case_id.in_(ids)))
        cache.execute(delete(Case).where(Case.id.in_(ids)))
        cache.execute(delete(DebtorContact).where(DebtorContact.debtor_id.in_(debtors)))
        cache.execute(delete(RelatedParty).where(RelatedParty.debtor_id.in_(debtors)))
        cache.execute(delete(Debtor).where(Debtor.id.in_(debtors)))


def _with_debtor_siblings(
    source: Connection, visible: ColumnElement[bool], ids: set[UUID]
) -> set[UUID]:
    """Debtors are copied whole, so every visible case of an affected debtor goes along."""
    if not ids:
        return ids
    debtors = select(Case.debtor_id).where(Case.id.in_(list(ids))).scalar_subquery()
    return ids | set(source.scalars(select(Case.id).where(visible, Case.debtor_id.in_(debtors))))


def _cached_siblings(cache: Connection, case_ids: set[UUID]) -> set[UUID]:
    """Cached cases sharing a debtor with these: deleted together with it."""
    if not case_ids:
        return set()
    debtors = select(Case.debtor_id).where(Case.id.in_(list(case_ids))).scalar_subquery()
    return set(cache.scalars(select(Case.id).where(Case.debtor_id.in_(debtors))))


def pull(
    central: Engine,
    cache: Engine,
    visible: ColumnElement[bool],
    now: datetime,
    restore: frozenset[UUID] = frozenset(),
) -> PullResult:
    """``restore``: cases to re-copy even if unchanged centrally (a local change to them was
    refused, so the local copy no longer matches the central one)."""
    with cache.connect() as target:
        cursor = target.scalar(select(SyncState.cursor).where(SyncState.id == 1)) or 0
    with begin_snapshot(central) as source, source.begin():
        current = source.scalar(select(SyncCounter.seq).where(SyncCounter.id == 1)) or 0
        visible_now = set(source.scalars(select(Case.id).where(visible)))
        changed = set(source.scalars(select(Case.id).where(visible, Case.change_seq > cursor)))
        with cache.connect() as target, target.begin():
            target.exec_driver_sql("PRAGMA secure_delete = ON")
            # Users are replaced whole while interactions still point at them: check the
            # foreign keys at commit, when every row is back.
            target.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
            cached = set(target.scalars(select(Case.id)))
            gone = cached - visible_now
            wanted = changed | (visible_now - cached) | (set(restore) & visible_now)
            fresh = _with_debtor_siblings(source, visible, wanted)
            replace = fresh | _cached_siblings(target, fresh)
            delete_cases(target, sorted(gone | replace))
            # Names are small and may have changed: replace users and teams whole.
            target.execute(delete(table_of(User)))
            target.execute(delete(table_of(Team)))
            copier = Copier(target)
            copier.put(table_of(Team), rows_of(source, select(table_of(Team))))
            copier.put(table_of(User), rows_of(source, select(table_of(User))))
            ordered = sorted(fresh)
            copied_debtors: set[UUID] = set()  # shared: a debtor's cases may span batches
            for start in range(0, len(ordered), BATCH):
                copy_cases(source, copier, ordered[start : start + BATCH], copied_debtors)
            updated = target.execute(
                update(SyncState).where(SyncState.id == 1).values(cursor=current, last_sync_at=now)
            )
            if updated.rowcount == 0:
                target.execute(
                    insert(SyncState),
                    {"id": 1, "username": "", "cursor": current, "last_sync_at": now},
                )
    return PullResult(pulled=len(fresh), removed=len(gone), cursor=current)
