"""Offline work on an encrypted cache reaches the central database exactly once; edits made
meanwhile by someone else are surfaced as conflicts, never overwritten. SQLite and PostgreSQL."""

from __future__ import annotations

import socket
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from tests.services.helpers import CacheFor, actor
from vipdesk.services import activity, assignments, cases, debtors, portfolio, sync
from vipdesk.services.dto import (
    DebtorUpdate,
    NewInteraction,
    NewPayment,
    PortfolioQuery,
    ReassignCase,
)
from vipdesk.storage import outbox
from vipdesk.storage.models import Case, Interaction, Payment, SyncConflict
from vipdesk.storage.uow import Database


def _numbers(db: Database, username: str) -> list[str]:
    return portfolio.case_numbers(db.unit_of_work(), actor(db, username), PortfolioQuery())


def _case_id(db: Database, number: str):  # type: ignore[no-untyped-def]
    with db.unit_of_work() as uow:
        return uow.session.scalars(select(Case.id).where(Case.number == number)).one()


def _call(case_id, notes: str) -> NewInteraction:  # type: ignore[no-untyped-def]
    return NewInteraction(
        case_id,
        "call",
        "outbound",
        datetime.now(UTC) - timedelta(minutes=5),
        "contacted",
        notes=notes,
    )


def _count(db: Database, model: type, **where: object) -> int:
    with db.unit_of_work() as uow:
        query = select(func.count()).select_from(model)
        for name, value in where.items():
            query = query.where(getattr(model, name) == value)
        return uow.session.scalar(query) or 0


def test_offline_work_reaches_the_central_database_exactly_once(
    any_database: Database, cache_for: CacheFor
) -> None:
    central = any_database
    cache = cache_for("ejecutivo1")
    me = actor(cache, "ejecutivo1")
    case_id = _case_id(cache, _numbers(cache, "ejecutivo1")[0])
    call_id = activity.log_interaction(cache.unit_of_work(), me, _call(case_id, "sin conexión"))
    assert sync.status(cache).pending == 1
    assert _count(central, Interaction, id=call_id) == 0  # nothing reached central yet

    report = sync.sync_once(central, cache, "ejecutivo1")
    assert (report.pushed, report.refused, report.pending, report.conflicts) == (1, 0, 0, 0)
    assert _count(central, Interaction, id=call_id) == 1
    detail = cases.case_detail(central.unit_of_work(), actor(central, "ejecutivo1"), case_id)
    assert detail.interactions[0].notes == "sin conexión"
    # Syncing again changes nothing.
    again = sync.sync_once(central, cache, "ejecutivo1")
    assert (again.pushed, again.pulled) == (0, 0)
    assert _count(central, Interaction, id=call_id) == 1


def test_a_push_replayed_after_a_crash_is_applied_once(
    any_database: Database, cache_for: CacheFor
) -> None:
    central = any_database
    cache = cache_for("ejecutivo1")
    me = actor(cache, "ejecutivo1")
    case_id = _case_id(cache, _numbers(cache, "ejecutivo1")[1])
    activity.log_interaction(cache.unit_of_work(), me, _call(case_id, "antes del corte"))
    with cache.unit_of_work() as uow:
        entry = outbox.pending(uow.session)[0]
        kind, payload, entry_id = entry.kind, dict(entry.payload), entry.id
    sync.push(central, cache, actor(central, "ejecutivo1"))
    # The crash: central committed, the local outbox entry survived.
    with cache.unit_of_work() as uow:
        outbox.append(uow.session, entry_id, kind, payload)
        uow.commit()
    pushed = sync.push(central, cache, actor(central, "ejecutivo1"))
    assert (pushed.accepted, pushed.refused) == (1, 0)
    assert _count(central, Interaction, case_id=case_id, notes="antes del corte") == 1


def test_concurrent_edits_become_a_conflict_not_a_lost_update(
    any_database: Database, cache_for: CacheFor
) -> None:
    central = any_database
    mine, boss = cache_for("ejecutivo1"), cache_for("supervisor1")
    number = _numbers(mine, "ejecutivo1")[0]
    case_id = _case_id(mine, number)
    debtor_id = cases.case_detail(mine.unit_of_work(), actor(mine, "ejecutivo1"), case_id).debtor_id

    def edit(cache: Database, user: str, notes: str) -> None:
        who = actor(cache, user)
        info = debtors.debtor_info(cache.unit_of_work(), who, debtor_id)
        debtors.update_debtor(
            cache.unit_of_work(),
            who,
            DebtorUpdate(
                debtor_id, info.row_version, info.trade_name, "D", info.economic_activity, notes
            ),
        )

    edit(mine, "ejecutivo1", "Nota del ejecutivo")
    edit(boss, "supervisor1", "Nota del supervisor")
    first = sync.sync_once(central, boss, "supervisor1")
    assert (first.pushed, first.refused) == (1, 0)
    second = sync.sync_once(central, mine, "ejecutivo1")
    assert (second.pushed, second.refused, second.conflicts) == (0, 1, 1)
    central_info = debtors.debtor_info(
        central.unit_of_work(), actor(central, "supervisor1"), debtor_id
    )
    assert central_info.notes == "Nota del supervisor"  # not overwritten
    with mine.unit_of_work() as uow:
        conflict = uow.session.scalars(select(SyncConflict)).one()
        assert conflict.mine["notes"] == "Nota del ejecutivo"
        assert conflict.theirs is not None and conflict.theirs["notes"] == "Nota del supervisor"
    # The executive's cache now shows the central version, to compare with their own.
    assert debtors.debtor_info(mine.unit_of_work(), actor(mine, "ejecutivo1"), debtor_id).notes == (
        "Nota del supervisor"
    )


def test_a_refused_payment_is_kept_as_a_conflict(
    any_database: Database, cache_for: CacheFor
) -> None:
    central = any_database
    cache = cache_for("ejecutivo1")
    me = actor(cache, "ejecutivo1")
    number = _numbers(cache, "ejecutivo1")[2]
    case_id = _case_id(cache, number)
    detail = cases.case_detail(cache.unit_of_work(), me, case_id)
    obligation = detail.obligations[0]
    today = datetime.now(UTC).astimezone().date()
    payment = NewPayment(case_id, obligation.total, today, "transfer", obligation_id=obligation.id)
    payment_id = activity.record_payment(cache.unit_of_work(), me, payment)
    # Meanwhile at the central database part of the balance was paid.
    activity.record_payment(
        central.unit_of_work(), actor(central, "ejecutivo1"),
        NewPayment(case_id, Decimal("1.00"), today, "cash", obligation_id=obligation.id),
    )  # fmt: skip
    report = sync.sync_once(central, cache, "ejecutivo1")
    assert (report.refused, report.conflicts, report.pending) == (1, 1, 0)
    assert _count(central, Payment, id=payment_id) == 0
    with cache.unit_of_work() as uow:
        conflict = uow.session.scalars(select(SyncConflict)).one()
        assert conflict.kind == "payment.record" and "exceed" in conflict.message
    # The cache no longer shows the refused payment: the case is back to the central truth.
    assert _count(cache, Payment, id=payment_id) == 0
    back = cases.case_detail(cache.unit_of_work(), me, case_id)
    assert back.exposure == detail.exposure - Decimal("1.00")


def test_a_reassigned_case_leaves_the_old_executives_cache(
    any_database: Database, cache_for: CacheFor
) -> None:
    central = any_database
    old, new = cache_for("ejecutivo1"), cache_for("ejecutivo2")
    number = _numbers(old, "ejecutivo1")[0]
    case_id = _case_id(central, number)
    assignments.reassign_case(
        central.unit_of_work(), actor(central, "supervisor1"), ReassignCase(case_id, "ejecutivo2")
    )
    gone = sync.sync_once(central, old, "ejecutivo1")
    assert gone.removed == 1
    assert number not in _numbers(old, "ejecutivo1")
    assert _count(old, Case, id=case_id) == 0
    arrived = sync.sync_once(central, new, "ejecutivo2")
    assert arrived.pulled >= 1 and number in _numbers(new, "ejecutivo2")


def test_unreachable_central_database_keeps_local_work(
    any_database: Database, cache_for: CacheFor
) -> None:
    cache = cache_for("ejecutivo1")
    me = actor(cache, "ejecutivo1")
    case_id = _case_id(cache, _numbers(cache, "ejecutivo1")[0])
    activity.log_interaction(cache.unit_of_work(), me, _call(case_id, "sin red"))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    from sqlalchemy import create_engine

    dead = Database(
        create_engine(
            f"postgresql+psycopg://vip@127.0.0.1:{port}/vipdesk",
            connect_args={"connect_timeout": 2},
        )
    )
    with pytest.raises(sync.Offline):
        sync.sync_once(dead, cache, "ejecutivo1")
    dead.dispose()
    assert sync.status(cache).pending == 1
    assert sync.sync_once(any_database, cache, "ejecutivo1").pushed == 1


def _conflicting_edit(central: Database, mine: Database) -> tuple[object, object]:
    number = _numbers(mine, "ejecutivo1")[0]
    case_id = _case_id(mine, number)
    me = actor(mine, "ejecutivo1")
    debtor_id = cases.case_detail(mine.unit_of_work(), me, case_id).debtor_id
    info = debtors.debtor_info(mine.unit_of_work(), me, debtor_id)
    debtors.update_debtor(
        mine.unit_of_work(), me,
        DebtorUpdate(debtor_id, info.row_version, "Marca mía", "E", info.economic_activity,
                     "Mis notas"),
    )  # fmt: skip
    boss = actor(central, "supervisor1")
    theirs = debtors.debtor_info(central.unit_of_work(), boss, debtor_id)
    debtors.update_debtor(
        central.unit_of_work(), boss,
        DebtorUpdate(debtor_id, theirs.row_version, "Marca central", "B",
                     theirs.economic_activity, "Notas centrales"),
    )  # fmt: skip
    assert sync.sync_once(central, mine, "ejecutivo1").conflicts == 1
    return debtor_id, me


@pytest.mark.parametrize(
    ("choice", "chosen", "expected"),
    [
        ("mine", None, ("Marca mía", "E", "Mis notas")),
        ("theirs", None, ("Marca central", "B", "Notas centrales")),
        ("merge", {"notes": "Mis notas"}, ("Marca central", "B", "Mis notas")),
    ],
)
def test_settling_a_conflict(
    any_database: Database, cache_for: CacheFor, choice: str, chosen: dict | None,
    expected: tuple[str, str, str],
) -> None:  # fmt: skip
    from vipdesk.services import conflicts

    central, mine = any_database, cache_for("ejecutivo1")
    debtor_id, me = _conflicting_edit(central, mine)
    [conflict] = conflicts.list_conflicts(mine.unit_of_work())
    assert conflict.fields == debtors.EDITABLE
    if choice == "merge":
        # Merge starts from theirs, taking only the fields chosen from mine.
        chosen = {**{f: conflict.theirs[f] for f in conflict.fields}, **(chosen or {})}
    conflicts.resolve(mine.unit_of_work, me, conflict.id, choice, chosen)
    report = sync.sync_once(central, mine, "ejecutivo1")
    assert (report.conflicts, report.pending, report.refused) == (0, 0, 0)
    final = debtors.debtor_info(central.unit_of_work(), actor(central, "supervisor1"), debtor_id)
    assert (final.trade_name, final.risk_rating, final.notes) == expected


def _promise_from_a_laptop_offline_for_70_days(cache: Database, case_index: int):  # type: ignore[no-untyped-def]
    """A promise recorded on a laptop left offline for 70 days: long past due, and too old to
    be judged as of when it was made, so the central database refuses it."""
    from vipdesk.services.dto import NewPromise

    me = actor(cache, "ejecutivo1")
    case_id = _case_id(cache, _numbers(cache, "ejecutivo1")[case_index])
    then = datetime.now(UTC) - timedelta(days=70)
    old_laptop = Database(cache.engine, clock=lambda: then, outbox=True)
    due = then.astimezone().date() + timedelta(days=5)
    return activity.record_promise(
        old_laptop.unit_of_work(), me, NewPromise(case_id, Decimal("100.00"), due)
    )


def test_a_refused_command_leaves_no_phantom_in_the_cache(
    any_database: Database, cache_for: CacheFor
) -> None:
    from vipdesk.storage.models import Promise

    central = any_database
    cache = cache_for("ejecutivo1")
    promise_id = _promise_from_a_laptop_offline_for_70_days(cache, 3)
    report = sync.sync_once(central, cache, "ejecutivo1")
    assert (report.refused, report.conflicts) == (1, 1)
    assert _count(central, Promise, id=promise_id) == 0
    assert _count(cache, Promise, id=promise_id) == 0  # no phantom left behind locally


def test_a_refusal_reason_can_be_shown_in_spanish(
    any_database: Database, cache_for: CacheFor
) -> None:
    from vipdesk.services import conflicts

    cache = cache_for("ejecutivo1")
    _promise_from_a_laptop_offline_for_70_days(cache, 4)
    sync.sync_once(any_database, cache, "ejecutivo1")
    [conflict] = conflicts.list_conflicts(cache.unit_of_work())
    template = "The date must be between {earliest} and {latest}"
    spanish = {template: "La fecha debe estar entre {earliest} y {latest}"}
    text = conflict.reason(lambda _context, source: spanish.get(source, source))
    assert text.startswith("La fecha debe estar entre ")
    assert conflict.reason(lambda _c, source: source) == conflict.message


def test_a_debtor_with_cases_in_different_pull_batches_is_copied_once(
    any_database: Database, cache_for: CacheFor, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy import update

    from vipdesk.storage import cache_pull, changes
    from vipdesk.storage.models import Debtor

    central = any_database
    cache = cache_for("ejecutivo1")
    first, second = (_case_id(central, n) for n in _numbers(cache, "ejecutivo1")[:2])
    with central.unit_of_work() as uow:  # the debtor takes on a second case
        debtor_id = uow.session.scalars(select(Case.debtor_id).where(Case.id == first)).one()
        uow.session.execute(update(Case).where(Case.id == second).values(debtor_id=debtor_id))
        changes.touch_cases(uow.session, [first, second])
        uow.commit()
    monkeypatch.setattr(cache_pull, "BATCH", 1)
    report = sync.sync_once(central, cache, "ejecutivo1")
    assert report.pulled == 2
    assert _count(cache, Debtor, id=debtor_id) == 1
    assert _count(cache, Case, debtor_id=debtor_id) == 2
