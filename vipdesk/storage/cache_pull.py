"""Pull: bring the cache up to date with the central database, case by case.

Every change on the central database stamps its case with a change number. A pull re-copies
the visible cases changed since the cache's cursor (and cases newly visible), removes the
cases the user may no longer see (reassigned, closed to them) together with everything under
them and the local audit events about them, and moves the cursor, all in one cache
transaction. Removed rows are overwritten on disk (``secure_delete``), not just unlinked, and
the write-ahead log, which still holds the pages as they were, is then emptied into the
database file and truncated.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from sqlalchemy import ColumnElement, Connection, Engine, delete, insert, select, union, update

from vipdesk.storage.cache_build import (
    CASE_RECORD_TABLES,
    Copier,
    begin_snapshot,
    copy_cases,
    rows_of,
    table_of,
)
from vipdesk.storage.models import (
    AppSetting,
    AuditEvent,
    Case,
    Debtor,
    DebtorContact,
    FinancialAssumptions,
    FinancialPeriod,
    Interaction,
    Obligation,
    Payment,
    PaymentApplication,
    Promise,
    RelatedParty,
    SettlementScenario,
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
        for table in reversed(CASE_RECORD_TABLES):
            cache.execute(delete(table).where(table.c.case_id.in_(ids)))
        for model in (Payment, Promise, Interaction, Obligation):
            cache.execute(delete(model).where(model.case_id.in_(ids)))
        cache.execute(delete(Case).where(Case.id.in_(ids)))
        cache.execute(delete(DebtorContact).where(DebtorContact.debtor_id.in_(debtors)))
        cache.execute(delete(RelatedParty).where(RelatedParty.debtor_id.in_(debtors)))
        cache.execute(delete(Debtor).where(Debtor.id.in_(debtors)))


def forget_local_audit(cache: Connection, case_ids: list[UUID], debtor_ids: set[UUID]) -> None:
    """Delete the cache's audit events about these cases, what is under them and these
    debtors: their before/after values (notes, amounts, names) are the cases' data too. The
    central database keeps the audit trail; the local one only mirrors the user's own work."""
    entities = {str(d) for d in debtor_ids}
    for start in range(0, len(case_ids), BATCH):
        ids = case_ids[start : start + BATCH]
        children = union(
            *(select(model.id).where(model.case_id.in_(ids))
              for model in (Interaction, Promise, Payment, Obligation, FinancialPeriod,
                            FinancialAssumptions, SettlementScenario))
        )  # fmt: skip
        entities |= {str(i) for i in [*ids, *cache.scalars(children)]}
    listed = sorted(entities)
    for start in range(0, len(listed), BATCH):
        chunk = listed[start : start + BATCH]
        cache.execute(delete(AuditEvent).where(AuditEvent.entity_id.in_(chunk)))


def _with_debtor_siblings(
    source: Connection, visible: ColumnElement[bool], ids: set[UUID]
) -> set[UUID]:
    """Debtors are copied whole, so every visible case of an affected debtor goes along."""
    if not ids:
        return ids
    debtors = select(Case.debtor_id).where(Case.id.in_(list(ids))).scalar_subquery()
    return ids | set(source.scalars(select(Case.id).where(visible, Case.debtor_id.in_(debtors))))


def _debtors_only_of(cache: Connection, gone: set[UUID], staying: set[UUID]) -> set[UUID]:
    def debtors(ids: set[UUID]) -> set[UUID]:
        if not ids:
            return set()
        return set(cache.scalars(select(Case.debtor_id).where(Case.id.in_(list(ids)))))

    return debtors(gone) - debtors(staying)


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
            # A debtor leaves with its cases; its cases still visible come back with it.
            staying = _cached_siblings(target, gone) & visible_now
            wanted = changed | (visible_now - cached) | (set(restore) & visible_now) | staying
            fresh = _with_debtor_siblings(source, visible, wanted)
            replace = fresh | _cached_siblings(target, fresh)
            forget_local_audit(target, sorted(gone), _debtors_only_of(target, gone, staying))
            delete_cases(target, sorted(gone | replace))
            # Names and settings are small and may have changed: replace users, teams and the
            # global settings whole.
            target.execute(delete(table_of(User)))
            target.execute(delete(table_of(Team)))
            target.execute(delete(table_of(AppSetting)))
            copier = Copier(target)
            copier.put(table_of(AppSetting), rows_of(source, select(table_of(AppSetting))))
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
    scrub_log(cache)
    return PullResult(pulled=len(fresh), removed=len(gone), cursor=current)


def scrub_log(cache: Engine) -> None:
    """Move the write-ahead log into the database file and truncate it: until then its frames
    hold the pages as they were before rows were (securely) deleted. Every pull does it, so a
    reader that holds it up this time (the checkpoint then stops short) is caught up next time."""
    raw = cache.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cursor.fetchall()
        cursor.close()
    finally:
        raw.close()
