"""'Mi día': follow-ups and promises falling due, on the visible cases only."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

from sqlalchemy import select

from tests.services.helpers import actor, log_follow_up
from vipdesk.services import agenda
from vipdesk.services.activity import record_payment
from vipdesk.services.dto import AgendaKind, NewPayment
from vipdesk.storage.models import Agreement, Case, Debtor, Obligation, Promise, User
from vipdesk.storage.uow import Database


def _today() -> object:
    return datetime.now(UTC).astimezone().date()


def _expected_follow_ups(db: Database, where: object) -> list[tuple[str, object]]:
    """The follow-ups straight from the tables: (case number, next action date)."""
    with db.unit_of_work() as uow:
        today = uow.today()
        rows = uow.session.execute(
            select(Case.number, Case.next_action_date, Case.status)
            .join(User, User.id == Case.executive_id)
            .where(where)  # type: ignore[arg-type]
        ).all()
    due = [(n, d) for n, d, status in rows if d is not None and d <= today and status != "closed"]
    return sorted(due, key=lambda row: (row[1], row[0]))


def _expected_promises(db: Database, where: object) -> list[tuple[str, object]]:
    with db.unit_of_work() as uow:
        today = uow.today()
        rows = uow.session.execute(
            select(Case.number, Promise.due_date, Promise.status, Case.status)
            .join(Case, Case.id == Promise.case_id)
            .join(User, User.id == Case.executive_id)
            .where(where)  # type: ignore[arg-type]
        ).all()
    due = [
        (n, d)
        for n, d, status, case_status in rows
        if status == "pending" and abs((d - today).days) <= 7 and case_status != "closed"
    ]
    return sorted(due, key=lambda row: (row[1], row[0]))


def test_an_executive_sees_the_follow_ups_and_promises_of_their_cases(
    any_database: Database,
) -> None:
    db = any_database
    day = agenda.my_day(db.unit_of_work(), actor(db, "ejecutivo1"))
    assert day.as_of == _today()
    follow_ups = [i for i in day.items if i.kind is AgendaKind.FOLLOW_UP]
    promises = [i for i in day.items if i.kind is AgendaKind.PROMISE]
    mine = User.username == "ejecutivo1"
    assert [(i.case_number, i.due) for i in follow_ups] == _expected_follow_ups(db, mine)
    assert [(i.case_number, i.due) for i in promises] == _expected_promises(db, mine)
    # The demo portfolio has every kind of line, so this test compares something.
    assert day.overdue_follow_ups > 0 and day.follow_ups_today > 0 and day.promises > 0
    # Follow-ups first, the oldest (most overdue) first; then promises by due date.
    assert day.items[: len(follow_ups)] == tuple(follow_ups)
    assert [i.days_overdue for i in follow_ups] == sorted(
        (i.days_overdue for i in follow_ups), reverse=True
    )
    for item in day.items:
        assert item.days_overdue == (day.as_of - item.due).days
    for item in follow_ups:
        assert item.what and item.amount is None
    for item in promises:
        assert item.amount is not None and item.amount > 0
        assert item.currency in {"GTQ", "USD", "MXN"}
        assert item.item_id is not None
    with db.unit_of_work() as uow:
        first = follow_ups[0]
        case = uow.session.get(Case, first.case_id)
        assert case is not None and case.number == first.case_number
        assert case.next_action == first.what
        debtor = uow.session.get(Debtor, case.debtor_id)
        assert debtor is not None and debtor.name == first.debtor_name


def test_a_supervisor_sees_the_team_and_legal_only_escalated_cases(any_database: Database) -> None:
    db = any_database
    boss = actor(db, "supervisor1")
    day = agenda.my_day(db.unit_of_work(), boss)
    with db.unit_of_work() as uow:
        team_cases = set(
            uow.session.scalars(select(Case.number).where(Case.team_id == boss.team_id))
        )
    assert {i.case_number for i in day.items} <= team_cases
    team = Case.team_id == boss.team_id
    assert [(i.case_number, i.due) for i in day.items if i.kind is AgendaKind.FOLLOW_UP] == (
        _expected_follow_ups(db, team)
    )
    lawyer_day = agenda.my_day(db.unit_of_work(), actor(db, "juridico1"))
    with db.unit_of_work() as uow:
        legal = set(uow.session.scalars(select(Case.number).where(Case.status == "legal")))
    assert {i.case_number for i in lawyer_day.items} <= legal


def _case_without_follow_up(db: Database, username: str) -> UUID:
    with db.unit_of_work() as uow:
        today = uow.today()
        return uow.session.scalars(
            select(Case.id)
            .join(User, User.id == Case.executive_id)
            .where(User.username == username, Case.status != "closed")
            .where((Case.next_action_date.is_(None)) | (Case.next_action_date > today))
            .order_by(Case.number)
        ).first()  # type: ignore[return-value]


def test_a_follow_up_set_for_today_joins_the_agenda(any_database: Database) -> None:
    db = any_database
    me = actor(db, "ejecutivo1")
    case_id = _case_without_follow_up(db, "ejecutivo1")
    before = agenda.my_day(db.unit_of_work(), me)
    assert case_id not in {i.case_id for i in before.items if i.kind is AgendaKind.FOLLOW_UP}
    today = before.as_of
    log_follow_up(db, me, case_id, "Llamar de nuevo a las 16:00", today, minutes_ago=5)
    after = agenda.my_day(db.unit_of_work(), me)
    added = [i for i in after.items if i.case_id == case_id and i.kind is AgendaKind.FOLLOW_UP]
    assert len(added) == 1
    assert added[0].what == "Llamar de nuevo a las 16:00" and added[0].days_overdue == 0
    assert after.follow_ups_today == before.follow_ups_today + 1
    assert after.overdue_follow_ups == before.overdue_follow_ups


def test_an_active_agreements_unpaid_instalments_are_listed_until_paid(
    any_database: Database,
) -> None:
    """The demo signs some agreements weeks ago: their instalments due so far (and within a
    week) are listed, each for what is still unpaid; a payment covers them in order."""
    db = any_database
    with db.unit_of_work() as uow:
        executives = uow.session.scalars(
            select(User.username)
            .join(Case, Case.executive_id == User.id)
            .join(Agreement, Agreement.case_id == Case.id)
            .where(Agreement.status == "active")
        ).all()
    assert executives, "the demo has active agreements"
    me = actor(db, sorted(executives)[0])
    items = [
        i for i in agenda.my_day(db.unit_of_work(), me).items if i.kind is AgendaKind.INSTALLMENT
    ]
    assert items, "the demo has active agreements with instalments due"
    first = items[0]
    assert first.amount is not None and first.amount > 0 and first.installment is not None
    assert first.what.startswith(f"CV-{first.case_number}-")
    same = [i for i in items if i.item_id == first.item_id]
    assert [i.due for i in same] == sorted(i.due for i in same)
    with db.unit_of_work() as uow:
        obligation = uow.session.scalar(
            select(Obligation.id).where(
                Obligation.case_id == first.case_id, Obligation.currency == first.currency
            )
        )
    paid_on = datetime.now(UTC).astimezone().date()
    payment = NewPayment(first.case_id, first.amount, paid_on, "transfer", "cuota",
                         obligation_id=obligation)  # fmt: skip
    record_payment(db.unit_of_work(), me, payment)
    after = [
        (i.installment, i.amount)
        for i in agenda.my_day(db.unit_of_work(), me).items
        if i.kind is AgendaKind.INSTALLMENT and i.item_id == first.item_id
    ]
    assert (first.installment, first.amount) not in after
    assert after == [(i.installment, i.amount) for i in same[1:]]
