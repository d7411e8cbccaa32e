"""Build the local cache: a copy of exactly what the signed-in user may see.

The cache has the central database's schema and keeps every column value as it is centrally
(ids, row versions, timestamps), so later sync can compare row versions and the services run
on the cache unchanged. Audit events are not copied: the central database keeps the audit
trail, and they would carry other users' before/after values.

The copy is read from one snapshot of the central database (REPEATABLE READ on PostgreSQL;
a single transaction on SQLite already is one) and written in one cache transaction, so a
cancelled or failed build leaves the previous cache exactly as it was.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol
from uuid import UUID

from sqlalchemy import Connection, Engine, Table, delete, insert, select

from vipdesk.core.access import scope_for
from vipdesk.core.catalog import Role
from vipdesk.core.errors import QT_TRANSLATE_NOOP, EnvironmentProblem
from vipdesk.storage import schema
from vipdesk.storage.models import (
    Agreement,
    ApprovalEvent,
    AppSetting,
    AuditChainHead,
    AuditEvent,
    Base,
    Case,
    Debtor,
    DebtorContact,
    Document,
    FinancialAssumptions,
    FinancialPeriod,
    Interaction,
    LegalHandoff,
    Obligation,
    Payment,
    PaymentApplication,
    Promise,
    RelatedParty,
    SettlementScenario,
    StrategyDecision,
    StrategyVersion,
    SyncCounter,
    SyncState,
    Team,
    User,
)
from vipdesk.storage.portfolio import visibility

DEFAULT_BATCH_SIZE = 1000
# SQLite page cache for the build (KiB): random UUID keys scatter every index, and with the
# default 2 MiB cache dirty pages would be spilled and rewritten many times inside the one
# big transaction (same reasoning as the demo generator).
_BUILD_CACHE_KIB = 256 * 1024


def table_of(entity: type[Base]) -> Table:
    # Base.metadata's Table (not the mapper's FromClause), so its typed columns are usable.
    return Base.metadata.tables[entity.__tablename__]


_team = table_of(Team)
_user = table_of(User)
_debtor = table_of(Debtor)
_contact = table_of(DebtorContact)
_related = table_of(RelatedParty)
_case = table_of(Case)
_obligation = table_of(Obligation)
_interaction = table_of(Interaction)
_promise = table_of(Promise)
_payment = table_of(Payment)
_application = table_of(PaymentApplication)
_period = table_of(FinancialPeriod)
_assumptions = table_of(FinancialAssumptions)
_scenario = table_of(SettlementScenario)
_setting = table_of(AppSetting)
# A case's financial analysis, negotiation and documents: copied, deleted and forgotten with
# the case; in foreign-key order (deleted in reverse).
CASE_RECORD_TABLES: tuple[Table, ...] = (
    _period,
    _assumptions,
    _scenario,
    table_of(StrategyVersion),
    table_of(StrategyDecision),
    table_of(Agreement),
    table_of(ApprovalEvent),
    table_of(Document),
    table_of(LegalHandoff),
)

Progress = Callable[[int, int], None]

# What a build copies, in foreign-key order.
COPIED_TABLES: tuple[Table, ...] = (
    _setting,
    _team,
    _user,
    _debtor,
    _contact,
    _related,
    _case,
    _obligation,
    _interaction,
    _promise,
    _payment,
    _application,
    *CASE_RECORD_TABLES,
)
# What a build empties first, children first. The audit tables too: a rebuilt cache starts
# clean, and local audit rows hold before/after values the user may no longer be allowed to
# see. Nothing else (the sync bookkeeping, e.g. an outbox of commands not yet accepted
# centrally, is not the builder's to throw away).
CLEARED_TABLES: tuple[Table, ...] = (
    *reversed(COPIED_TABLES),
    table_of(AuditEvent),
    table_of(AuditChainHead),
)


class Viewer(Protocol):
    """Whose cache this is (``services.dto.Actor`` fits; storage does not import services)."""

    @property
    def id(self) -> UUID: ...
    @property
    def username(self) -> str: ...
    @property
    def role(self) -> Role: ...
    @property
    def team_id(self) -> UUID | None: ...


class BuildCancelled(EnvironmentProblem):
    """The user cancelled the build; the cache is left as it was before."""


@dataclass(frozen=True)
class CacheStats:
    cases: int
    rows: int  # every row written, teams and users included
    seconds: float


def rows_of(connection: Connection, query: Any) -> list[dict[str, Any]]:
    # Python values (UUID, Decimal, aware datetime) come out of the column types and go back in
    # through them, so a PostgreSQL central and a SQLite cache agree value for value.
    return [dict(row._mapping) for row in connection.execute(query)]


def _chunks(items: Sequence[UUID], size: int) -> Iterable[list[UUID]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


def begin_snapshot(central: Engine) -> Connection:
    connection = central.connect()
    if central.dialect.name == "postgresql":
        # One consistent snapshot for every batch: a payment committed mid-build must not
        # appear without the case summary it updated. Read-only: the build never writes there.
        connection = connection.execution_options(
            isolation_level="REPEATABLE READ", postgresql_readonly=True
        )
    else:
        # A deferred BEGIN: in WAL mode still a snapshot, without holding the write lock
        # (see database.configure_sqlite) for the minute a large build can take.
        connection = connection.execution_options(vipdesk_read_only=True)
    return connection


class Copier:
    """Writes rows into the cache, counting them."""

    def __init__(self, cache: Connection) -> None:
        self.cache = cache
        self.rows = 0

    def put(self, table: Table, rows: list[dict[str, Any]]) -> None:
        if rows:
            self.cache.execute(insert(table), rows)
            self.rows += len(rows)


def _clear(cache: Connection) -> None:
    for table in CLEARED_TABLES:
        cache.execute(delete(table))


def copy_cases(
    central: Connection, copier: Copier, case_ids: list[UUID], copied_debtors: set[UUID]
) -> None:
    """Copy these cases with their debtors and everything under them (debtors in
    ``copied_debtors`` are taken as already present)."""
    cases = rows_of(central, select(_case).where(_case.c.id.in_(case_ids)))
    # A debtor can have several cases, possibly in different batches: copy it once.
    debtor_ids = list({row["debtor_id"] for row in cases} - copied_debtors)
    copied_debtors.update(debtor_ids)
    if debtor_ids:
        copier.put(_debtor, rows_of(central, select(_debtor).where(_debtor.c.id.in_(debtor_ids))))
        for child in (_contact, _related):
            copier.put(
                child, rows_of(central, select(child).where(child.c.debtor_id.in_(debtor_ids)))
            )
    copier.put(_case, cases)
    # Foreign-key order: promises point at interactions, payments at obligations.
    for table in (_obligation, _interaction, _promise, _payment):
        copier.put(table, rows_of(central, select(table).where(table.c.case_id.in_(case_ids))))
    # Applications have no case_id: they belong to a case through their payment. Their promise
    # is one of the same case's (copied just above), as the payment services record them.
    applications = (
        select(_application)
        .join(_payment, _payment.c.id == _application.c.payment_id)
        .where(_payment.c.case_id.in_(case_ids))
    )
    copier.put(_application, rows_of(central, applications))
    for table in CASE_RECORD_TABLES:
        copier.put(table, rows_of(central, select(table).where(table.c.case_id.in_(case_ids))))


def _check_cancelled(cancelled: Callable[[], bool]) -> None:
    if cancelled():
        raise BuildCancelled(QT_TRANSLATE_NOOP("errors", "Building the local cache was cancelled."))


def build_cache(
    central: Engine,
    cache: Engine,
    actor: Viewer,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> CacheStats:
    """Replace the cache's contents with the cases ``actor`` may see and everything under them.

    ``progress(done_cases, total_cases)`` is called after each batch. ``cancelled()`` is asked
    before each batch and before committing; when it answers True the cache transaction is
    rolled back and :class:`BuildCancelled` is raised.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    started = time.perf_counter()
    schema.upgrade(cache)
    visible = visibility(scope_for(actor.role), actor.id, actor.team_id)
    with begin_snapshot(central) as source, source.begin(), cache.connect() as target:
        previous_cache_size: int | None = None
        try:
            with target.begin():
                previous_cache_size = int(target.exec_driver_sql("PRAGMA cache_size").scalar_one())
                target.exec_driver_sql(f"PRAGMA cache_size = -{_BUILD_CACHE_KIB}")
                # The first pull starts where this copy's snapshot ends.
                cursor = source.scalar(select(SyncCounter.seq).where(SyncCounter.id == 1)) or 0
                case_ids: list[UUID] = list(
                    source.scalars(select(_case.c.id).where(visible).order_by(_case.c.number))
                )
                total = len(case_ids)
                copier = Copier(target)
                _clear(target)
                # Names of executives, teams and whoever logged an interaction, and the global
                # settings (ratio thresholds, approval policy): small tables, copied whole
                # (they hold no secrets).
                copier.put(_setting, rows_of(source, select(_setting)))
                copier.put(_team, rows_of(source, select(_team)))
                copier.put(_user, rows_of(source, select(_user)))
                copied_debtors: set[UUID] = set()
                done = 0
                for batch in _chunks(case_ids, batch_size):
                    _check_cancelled(cancelled)
                    copy_cases(source, copier, batch, copied_debtors)
                    done += len(batch)
                    if progress is not None:
                        progress(done, total)
                _check_cancelled(cancelled)
                target.execute(delete(table_of(SyncState)))
                target.execute(
                    insert(table_of(SyncState)),
                    {"id": 1, "username": actor.username, "cursor": cursor, "last_sync_at": None},
                )
        finally:
            if previous_cache_size is not None:
                # The setting is per connection and this one goes back to the pool.
                target.exec_driver_sql(f"PRAGMA cache_size = {previous_cache_size}")
                target.rollback()  # ends the transaction the PRAGMA began; nothing in it
    return CacheStats(cases=total, rows=copier.rows, seconds=time.perf_counter() - started)
