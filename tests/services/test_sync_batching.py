"""Push replays the outbox in batches, one central transaction per batch and a savepoint per
command: every command still applied exactly once, a refusal still confined to its own
command, the audit chain still intact, and a connection lost mid-batch still loses nothing."""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import psycopg
import pytest
from sqlalchemy import event, func, select

from tests.services.helpers import actor
from vipdesk.core.errors import QT_TRANSLATE_NOOP, ValidationError
from vipdesk.services import activity, cases, portfolio, sync
from vipdesk.services.derived import refresh_cases
from vipdesk.services.dto import NewInteraction, NewPayment, NewPromise, PortfolioQuery
from vipdesk.storage import audit_log, changes, outbox
from vipdesk.storage.batch import Deferred, SavepointUnitOfWork
from vipdesk.storage.cache_build import build_cache
from vipdesk.storage.database import create_database_engine
from vipdesk.storage.encrypted import create_encrypted_engine
from vipdesk.storage.models import AuditEvent, Case, Interaction, OutboxEntry, Promise, SyncConflict
from vipdesk.storage.uow import Database

# The cache's clock is fixed, so the day every command counts as done on is known.
NOW = datetime.now(UTC)
SUMMARY = ("exposure", "last_contact_at", "next_action_date", "promise_status", "priority_score")


def _open_cache(central: Database, home: Path) -> Database:
    engine = create_encrypted_engine(home / "cache" / "ejecutivo1.db", secrets.token_bytes(32))
    build_cache(central.engine, engine, actor(central, "ejecutivo1"))
    return Database(engine, clock=lambda: NOW, outbox=True)


@pytest.fixture
def cache(any_database: Database, vipdesk_home: Path) -> Iterator[Database]:
    database = _open_cache(any_database, vipdesk_home)
    yield database
    database.dispose()


def _my_cases(cache: Database, count: int) -> list[UUID]:
    me = actor(cache, "ejecutivo1")
    numbers = portfolio.case_numbers(cache.unit_of_work(), me, PortfolioQuery())
    return [r.case_id for r in portfolio.rows(cache.unit_of_work(), me, numbers[:count])]


def _queue_calls(cache: Database, case_ids: list[UUID], count: int, tag: str) -> list[UUID]:
    me = actor(cache, "ejecutivo1")
    return [
        activity.log_interaction(
            cache.unit_of_work(), me,
            NewInteraction(case_ids[i % len(case_ids)], "call", "outbound",
                           NOW - timedelta(minutes=10), "contacted", notes=f"{tag} {i}"),
        )
        for i in range(count)
    ]  # fmt: skip


def _copies(central: Database, ids: list[UUID]) -> dict[UUID, int]:
    with central.unit_of_work() as uow:
        return dict(
            uow.session.execute(
                select(Interaction.id, func.count())
                .where(Interaction.id.in_(ids))
                .group_by(Interaction.id)
            ).all()
        )


def _entries(cache: Database) -> list[tuple[UUID, str, dict[str, Any]]]:
    with cache.unit_of_work() as uow:
        return [(e.id, e.kind, dict(e.payload)) for e in outbox.pending(uow.session)]


def _audited(central: Database, entity_ids: list[UUID]) -> list[tuple[int, str]]:
    """(seq, entity_id) of the central audit events about these records, in chain order."""
    with central.unit_of_work() as uow:
        assert audit_log.verify_chain(uow.session) is None
        wanted = [str(i) for i in entity_ids]
        rows = uow.session.execute(
            select(AuditEvent.seq, AuditEvent.entity_id)
            .where(AuditEvent.entity_id.in_(wanted))
            .order_by(AuditEvent.seq)
        )
        return [(seq, entity) for seq, entity in rows]


def test_a_push_over_several_batches_applies_every_command_once(
    any_database: Database, cache: Database
) -> None:
    central = any_database
    case_ids = _my_cases(cache, 20)
    queued = _queue_calls(cache, case_ids, 300, "lote")
    entries = _entries(cache)
    assert len(entries) == 300 > 4 * sync.MAX_BATCH  # several batches, and full ones
    with central.unit_of_work() as uow:
        before = changes.current_change(uow.session)

    pushed = sync.push(central, cache, actor(central, "ejecutivo1"))
    assert (pushed.accepted, pushed.refused, pushed.refused_cases) == (300, 0, frozenset())
    assert sync.status(cache).pending == 0
    assert _copies(central, queued) == dict.fromkeys(queued, 1)

    # One audit event per command, chained in the order the commands were done.
    audited = _audited(central, queued)
    assert [UUID(entity) for _, entity in audited] == queued
    assert [seq for seq, _ in audited] == list(range(audited[0][0], audited[0][0] + 300))
    with central.unit_of_work() as uow:
        # Every case was stamped for the pull, and its figures are what a fresh recompute of
        # its records gives: the once-per-batch refresh left nothing stale.
        rows = uow.session.scalars(select(Case).where(Case.id.in_(case_ids))).all()
        assert all(row.change_seq > before for row in rows)
        stored = {row.id: tuple(getattr(row, f) for f in SUMMARY) for row in rows}
        uow.session.expunge_all()
        refresh_cases(uow.session, case_ids, NOW.astimezone().date())
        rows = uow.session.scalars(select(Case).where(Case.id.in_(case_ids))).all()
        assert {row.id: tuple(getattr(row, f) for f in SUMMARY) for row in rows} == stored

    # A crash after the central commit but before the outbox forgot the batch: the replay of
    # the same commands is accepted and applies none of them twice.
    with cache.unit_of_work() as uow:
        for entry_id, kind, payload in entries[:100]:
            outbox.append(uow.session, entry_id, kind, payload)
        uow.commit()
    again = sync.push(central, cache, actor(central, "ejecutivo1"))
    assert (again.accepted, again.refused) == (100, 0)
    assert _copies(central, queued) == dict.fromkeys(queued, 1)
    assert len(_audited(central, queued)) == 300


def _stale_promise(cache: Database, case_id: UUID) -> UUID:
    """A promise from a laptop offline for 70 days: too old to be judged as of when it was
    made, so the central database refuses it (its due date is long past)."""
    then = NOW - timedelta(days=70)
    old_laptop = Database(cache.engine, clock=lambda: then, outbox=True)
    due = then.astimezone().date() + timedelta(days=5)
    return activity.record_promise(
        old_laptop.unit_of_work(),
        actor(cache, "ejecutivo1"),
        NewPromise(case_id, Decimal("100.00"), due),
    )


def test_a_refusal_in_mid_batch_is_a_conflict_and_the_rest_of_the_batch_applies(
    any_database: Database, cache: Database
) -> None:
    central = any_database
    first, second = _my_cases(cache, 2)
    calls = _queue_calls(cache, [first], 2, "antes")
    promise_id = _stale_promise(cache, second)
    calls += _queue_calls(cache, [first], 2, "después")
    [refused_entry] = [e for e in _entries(cache) if e[1] == "promise.record"]
    assert len(_entries(cache)) == 5 <= sync.FIRST_BATCH  # all five in the first batch

    pushed = sync.push(central, cache, actor(central, "ejecutivo1"))
    assert (pushed.accepted, pushed.refused, pushed.refused_cases) == (4, 1, frozenset({second}))
    assert _copies(central, calls) == dict.fromkeys(calls, 1)
    with central.unit_of_work() as uow:
        assert uow.session.get(Promise, promise_id) is None
    assert len(_audited(central, [*calls, promise_id])) == 4  # and the chain verifies
    with cache.unit_of_work() as uow:
        conflict = uow.session.scalars(select(SyncConflict)).one()
        assert (conflict.kind, conflict.entity_id) == ("promise.record", str(promise_id))
        assert conflict.mine == refused_entry[2]
        assert conflict.message and conflict.reasons
        assert conflict.reasons[0]["template"].startswith("The date")
    assert sync.status(cache).pending == 0


def test_a_promise_is_judged_on_the_exposure_an_earlier_payment_of_its_batch_left(
    any_database: Database, cache: Database
) -> None:
    """Derived figures are recomputed once per batch, but a command that reads them (a
    promise is checked against the case's exposure) sees those of the commands before it."""
    central = any_database
    [case_id] = _my_cases(cache, 1)
    me = actor(cache, "ejecutivo1")
    detail = cases.case_detail(cache.unit_of_work(), me, case_id)
    # The exposure counts the obligations in the case's currency.
    obligation = max(
        (o for o in detail.obligations if o.currency == detail.currency), key=lambda o: o.total
    )
    today = NOW.astimezone().date()
    paid = obligation.total - Decimal("1.00")
    activity.record_payment(
        cache.unit_of_work(), me,
        NewPayment(case_id, paid, today, "transfer", obligation_id=obligation.id),
    )  # fmt: skip
    # All that is left owing locally: fine here, but a peso too much once central also
    # records the peso paid there meanwhile.
    promise_id = activity.record_promise(
        cache.unit_of_work(), me,
        NewPromise(case_id, detail.exposure - paid, today + timedelta(days=7)),
    )  # fmt: skip
    activity.record_payment(
        central.unit_of_work(), actor(central, "ejecutivo1"),
        NewPayment(case_id, Decimal("1.00"), today, "cash", obligation_id=obligation.id),
    )  # fmt: skip

    pushed = sync.push(central, cache, actor(central, "ejecutivo1"))
    assert (pushed.accepted, pushed.refused) == (1, 1)
    with central.unit_of_work() as uow:
        assert uow.session.get(Promise, promise_id) is None
        case = uow.session.get(Case, case_id)
        assert case is not None and case.exposure == detail.exposure - paid - Decimal("1.00")
    with cache.unit_of_work() as uow:
        assert uow.session.scalars(select(SyncConflict.kind)).all() == ["promise.record"]


def test_an_unexpected_error_keeps_the_command_and_everything_after_it(
    any_database: Database, cache: Database
) -> None:
    central = any_database
    [case_id] = _my_cases(cache, 1)
    before = _queue_calls(cache, [case_id], 3, "antes")
    with cache.unit_of_work() as uow:  # e.g. queued by a newer version of the app
        outbox.append(uow.session, uuid4(), "case.unknown", {"case_id": str(case_id)})
        uow.commit()
    after = _queue_calls(cache, [case_id], 2, "después")

    with pytest.raises(KeyError):
        sync.push(central, cache, actor(central, "ejecutivo1"))
    assert _copies(central, before + after) == dict.fromkeys(before, 1)
    with cache.unit_of_work() as uow:
        left = outbox.pending(uow.session)
        assert [e.kind for e in left] == ["case.unknown", "interaction.log", "interaction.log"]
        assert left[0].attempts == 1 and "KeyError" in left[0].last_error
        uow.session.delete(left[0])  # once the app knows what to do with it
        uow.commit()
    assert sync.push(central, cache, actor(central, "ejecutivo1")).accepted == 2
    assert _copies(central, before + after) == dict.fromkeys(before + after, 1)


def test_a_savepoint_unit_of_work_rolls_back_only_its_own_command(
    any_database: Database,
) -> None:
    database = any_database
    me = actor(database, "ejecutivo1")
    case_ids = _cases_of(database, me)
    written: list[UUID] = []
    into = Deferred()
    with database.unit_of_work() as outer:
        for number, case_id in enumerate(case_ids):
            uow = SavepointUnitOfWork(outer, into)
            assert (uow.outbox, uow.clock) == (outer.outbox, outer.clock)
            with contextlib.suppress(ValidationError):  # the refusal of the second
                written.append(_log_then_maybe_refuse(uow, me, case_id, refuse=number == 1))
        # The refused command's writes are gone, and so is its deferred bookkeeping.
        assert list(into.touched) == [case_ids[0], case_ids[2]]
        assert [e.entity_id for e, _ in into.events] == [str(i) for i in written]
        audit_log.link(outer.session, into.events)
        outer.commit()
    with database.unit_of_work() as check:
        session = check.session
        found = session.scalars(select(Interaction.case_id).where(Interaction.id.in_(written)))
        assert sorted(found) == sorted([case_ids[0], case_ids[2]])
        assert session.scalar(select(func.count()).where(Interaction.notes == "refused")) == 0
    assert [UUID(e) for _, e in _audited(database, written)] == written


def _cases_of(database: Database, me: Any) -> list[UUID]:
    numbers = portfolio.case_numbers(database.unit_of_work(), me, PortfolioQuery())
    return [r.case_id for r in portfolio.rows(database.unit_of_work(), me, numbers[:3])]


def _log_then_maybe_refuse(uow: SavepointUnitOfWork, me: Any, case_id: UUID, refuse: bool) -> UUID:
    """Writes first and refuses last: the savepoint, not the use case, must undo the writes."""
    with uow:
        row = Interaction(
            id=uuid4(), case_id=case_id, user_id=me.id, channel="call", direction="outbound",
            occurred_at=NOW - timedelta(minutes=1), outcome="contacted",
            notes="refused" if refuse else "kept",
        )  # fmt: skip
        uow.session.add(row)
        uow.session.flush()
        audit_log.record(
            uow.session, when=NOW, user_id=me.id, username=me.username,
            action="interaction.logged", entity="interaction", entity_id=row.id,
        )  # fmt: skip
        changes.touch_cases(uow.session, [case_id])
        if refuse:
            raise ValidationError.single("notes", QT_TRANSLATE_NOOP("errors", "Refused"))
        uow.commit()
        return row.id


def _terminate(admin_url: str, pid: int) -> None:
    conninfo = admin_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute("SELECT pg_terminate_backend(%s, 5000)", (pid,))


@pytest.mark.postgres
@pytest.mark.parametrize("where", ["mid-batch", "at commit"])
def test_a_connection_dropped_in_a_batch_loses_nothing(
    pg_demo_url: str, postgres_admin_url: str, vipdesk_home: Path, where: str
) -> None:
    central = Database(create_database_engine(pg_demo_url))
    cache = _open_cache(central, vipdesk_home)
    queued = _queue_calls(cache, _my_cases(cache, 10), 40, "caída")
    me = actor(central, "ejecutivo1")
    first = sync.FIRST_BATCH
    inserts = commits = 0

    # The central server drops the connection in the second batch: on its third command, or
    # as it commits.
    def on_insert(_conn: Any, cursor: Any, statement: str, *_args: Any) -> None:
        nonlocal inserts
        if statement.startswith("INSERT INTO interaction "):
            inserts += 1
            if inserts == first + 3 and where == "mid-batch":
                _terminate(postgres_admin_url, cursor.connection.info.backend_pid)

    def on_commit(conn: Any) -> None:
        nonlocal commits
        commits += 1
        if commits == 2 and where == "at commit":
            _terminate(postgres_admin_url, conn.connection.dbapi_connection.info.backend_pid)

    event.listen(central.engine, "before_cursor_execute", on_insert)
    event.listen(central.engine, "commit", on_commit)
    try:
        with pytest.raises(sync.Offline):
            sync.push(central, cache, me)
    finally:
        event.remove(central.engine, "before_cursor_execute", on_insert)
        event.remove(central.engine, "commit", on_commit)
    # The first batch got through; of the second nothing reached central and nothing left the
    # outbox.
    assert _copies(central, queued) == dict.fromkeys(queued[:first], 1)
    with cache.unit_of_work() as uow:
        left = uow.session.scalars(select(OutboxEntry.id).order_by(OutboxEntry.seq)).all()
    assert left == queued[first:]

    pushed = sync.push(central, cache, me)
    assert (pushed.accepted, pushed.refused) == (len(queued) - first, 0)
    assert _copies(central, queued) == dict.fromkeys(queued, 1)
    assert len(_audited(central, queued)) == len(queued)
    cache.dispose()
    central.dispose()
