from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from tests.services.helpers import actor, audit_count, first_case_of
from vipdesk.core.errors import NotAllowed, NotFound, ValidationError
from vipdesk.services import activity, cases
from vipdesk.services.dto import NewInteraction, NewPayment, NewPromise
from vipdesk.storage.audit_log import verify_chain
from vipdesk.storage.models import Interaction, Obligation, Payment, Promise
from vipdesk.storage.uow import Database


def _call(case_id, **overrides) -> NewInteraction:  # type: ignore[no-untyped-def]
    values = {
        "case_id": case_id,
        "channel": "call",
        "direction": "outbound",
        "occurred_at": datetime.now(UTC) - timedelta(minutes=10),
        "outcome": "contacted",
        "contact_name": "Gerente financiero",
        "notes": "Solicita propuesta de reestructura.",
        "duration_minutes": 12,
        "next_action": "Enviar propuesta",
        "next_action_date": datetime.now(UTC).astimezone().date() + timedelta(days=2),
    }
    values.update(overrides)
    return NewInteraction(**values)


def test_logging_a_call_updates_the_case_and_audits_it(any_database: Database) -> None:
    db = any_database
    me = actor(db, "ejecutivo1")
    case_id = first_case_of(db, "ejecutivo1")
    before_events = audit_count(db)
    cmd = _call(case_id)
    interaction_id = activity.log_interaction(db.unit_of_work(), me, cmd)
    detail = cases.case_detail(db.unit_of_work(), me, case_id)
    assert detail.interactions[0].id == interaction_id
    assert detail.interactions[0].notes == cmd.notes
    assert detail.next_action == "Enviar propuesta"
    assert detail.next_action_date == cmd.next_action_date
    assert detail.last_contact_at == cmd.occurred_at
    assert audit_count(db) == before_events + 1
    with db.unit_of_work() as uow:
        assert verify_chain(uow.session) is None


@pytest.mark.parametrize(
    ("field", "overrides"),
    [
        ("channel", {"channel": "pigeon"}),
        ("outcome", {"outcome": ""}),
        ("notes", {"notes": "x" * 10_001}),
        ("notes", {"notes": "bad\x00byte"}),
        ("contact_name", {"contact_name": "line\nbreak"}),
        ("duration_minutes", {"duration_minutes": -5}),
        ("duration_minutes", {"duration_minutes": 10**9}),
        ("occurred_at", {"occurred_at": datetime(1900, 1, 1, tzinfo=UTC)}),
        ("occurred_at", {"occurred_at": datetime(2200, 1, 1, tzinfo=UTC)}),
        ("next_action_date", {"next_action_date": datetime(2200, 1, 1, tzinfo=UTC).date()}),
        ("next_action", {"next_action": ""}),
    ],
)
def test_bad_interaction_is_refused_and_nothing_saved(
    any_database: Database, field: str, overrides: dict
) -> None:
    db = any_database
    me = actor(db, "ejecutivo1")
    case_id = first_case_of(db, "ejecutivo1")
    events = audit_count(db)
    with pytest.raises(ValidationError) as caught:
        activity.log_interaction(db.unit_of_work(), me, _call(case_id, **overrides))
    assert caught.value.for_field(field), caught.value.message
    assert audit_count(db) == events
    with db.unit_of_work() as uow:
        notes = set(
            uow.session.scalars(select(Interaction.notes).where(Interaction.case_id == case_id))
        )
    assert "Solicita propuesta de reestructura." not in notes


def test_markup_and_emoji_are_kept_exactly(any_database: Database) -> None:
    db = any_database
    me = actor(db, "ejecutivo1")
    case_id = first_case_of(db, "ejecutivo1")
    notes = "Müller & Söhne <GmbH> 😀 مرحبا\nsegunda línea"
    activity.log_interaction(db.unit_of_work(), me, _call(case_id, notes=notes))
    detail = cases.case_detail(db.unit_of_work(), me, case_id)
    assert detail.interactions[0].notes == notes


def test_every_problem_is_reported_at_once(any_database: Database) -> None:
    db = any_database
    case_id = first_case_of(db, "ejecutivo1")
    with pytest.raises(ValidationError) as caught:
        activity.log_interaction(
            db.unit_of_work(),
            actor(db, "ejecutivo1"),
            _call(case_id, channel="x", outcome="y", duration_minutes=-1),
        )
    assert {p.field for p in caught.value.problems} >= {"channel", "outcome", "duration_minutes"}


def test_others_cannot_work_a_case(any_database: Database) -> None:
    db = any_database
    case_id = first_case_of(db, "ejecutivo1")
    with pytest.raises(NotFound):  # another executive does not even see it
        activity.log_interaction(db.unit_of_work(), actor(db, "ejecutivo2"), _call(case_id))
    with pytest.raises(NotFound):  # the other team's supervisor neither
        activity.log_interaction(db.unit_of_work(), actor(db, "supervisor2"), _call(case_id))
    with pytest.raises(NotAllowed):  # admin sees everything but does not collect
        activity.log_interaction(db.unit_of_work(), actor(db, "admin1"), _call(case_id))
    # the team's supervisor may
    activity.log_interaction(db.unit_of_work(), actor(db, "supervisor1"), _call(case_id))


def _fresh_case(db: Database) -> tuple:  # type: ignore[type-arg]
    """A case of ejecutivo1 with no promises yet, and its most overdue obligation."""
    me = actor(db, "ejecutivo1")
    with db.unit_of_work() as uow:
        promised = set(uow.session.scalars(select(Promise.case_id)))
    for case_id in _ids(db, me):
        if case_id not in promised:
            detail = cases.case_detail(db.unit_of_work(), me, case_id)
            if detail.obligations and detail.status != "closed" and detail.exposure > 1000:
                return me, detail
    raise AssertionError("no suitable demo case")


def _ids(db: Database, me):  # type: ignore[no-untyped-def]
    from vipdesk.services import portfolio
    from vipdesk.services.dto import PortfolioQuery

    numbers = portfolio.case_numbers(db.unit_of_work(), me, PortfolioQuery())
    return [row.case_id for row in portfolio.rows(db.unit_of_work(), me, numbers)]


def test_promise_kept_by_a_payment(any_database: Database) -> None:
    db = any_database
    me, detail = _fresh_case(db)
    today = datetime.now(UTC).astimezone().date()
    promise_id = activity.record_promise(
        db.unit_of_work(),
        me,
        NewPromise(detail.id, Decimal("1000.00"), today + timedelta(days=7)),
    )
    after = cases.case_detail(db.unit_of_work(), me, detail.id)
    assert [p.status for p in after.promises if p.id == promise_id] == ["pending"]
    activity.record_payment(
        db.unit_of_work(),
        me,
        NewPayment(detail.id, Decimal("1000.00"), today, "transfer", reference="BI-1"),
    )
    after = cases.case_detail(db.unit_of_work(), me, detail.id)
    kept = next(p for p in after.promises if p.id == promise_id)
    assert kept.status == "kept" and kept.applied_amount == Decimal("1000.00")
    assert after.exposure == detail.exposure - Decimal("1000.00")


def test_promise_broken_once_its_deadline_passes(any_database: Database) -> None:
    db = any_database
    me, detail = _fresh_case(db)
    today = datetime.now(UTC).astimezone().date()
    activity.record_promise(
        db.unit_of_work(), me, NewPromise(detail.id, Decimal("500.00"), today + timedelta(days=1))
    )
    later = Database(db.engine, clock=lambda: datetime.now(UTC) + timedelta(days=10))
    from vipdesk.services import portfolio

    assert portfolio.refresh_stale(later.unit_of_work(), me) > 0
    after = cases.case_detail(later.unit_of_work(), me, detail.id)
    assert after.promises[0].status == "broken"


def test_payment_is_applied_fees_first(any_database: Database) -> None:
    db = any_database
    me, detail = _fresh_case(db)
    obligation = max(detail.obligations, key=lambda o: o.total)
    amount = obligation.fees + obligation.default_interest + Decimal("0.01")
    today = datetime.now(UTC).astimezone().date()
    activity.record_payment(
        db.unit_of_work(),
        me,
        NewPayment(detail.id, amount, today, "deposit", obligation_id=obligation.id),
    )
    with db.unit_of_work() as uow:
        stored = uow.session.get(Obligation, obligation.id)
        assert stored is not None
        assert stored.fees == Decimal("0.00")
        assert stored.default_interest == Decimal("0.00")
        if obligation.ordinary_interest > 0:
            assert stored.ordinary_interest == obligation.ordinary_interest - Decimal("0.01")
        payment = uow.session.scalars(
            select(Payment).where(Payment.obligation_id == obligation.id).order_by(
                Payment.created_at.desc()
            )
        ).first()
        assert payment is not None and payment.applied_fees == obligation.fees


@pytest.mark.parametrize(
    ("field", "amount", "days"),
    [
        ("amount", Decimal("0"), 0),
        ("amount", Decimal("-10.00"), 0),
        ("amount", Decimal("1.001"), 0),
        ("amount", Decimal("1e30"), 0),
        ("amount", Decimal("NaN"), 0),
        ("paid_on", Decimal("10.00"), 1),
        ("paid_on", Decimal("10.00"), -40_000),
    ],
)
def test_bad_payment_is_refused_and_balance_untouched(
    any_database: Database, field: str, amount: Decimal, days: int
) -> None:
    db = any_database
    me, detail = _fresh_case(db)
    today = datetime.now(UTC).astimezone().date()
    with pytest.raises(ValidationError) as caught:
        activity.record_payment(
            db.unit_of_work(),
            me,
            NewPayment(detail.id, amount, today + timedelta(days=days), "cash"),
        )
    assert caught.value.for_field(field)
    assert cases.case_detail(db.unit_of_work(), me, detail.id).exposure == detail.exposure


def test_payment_above_the_balance_is_refused(any_database: Database) -> None:
    db = any_database
    me, detail = _fresh_case(db)
    obligation = detail.obligations[0]
    today = datetime.now(UTC).astimezone().date()
    with pytest.raises(ValidationError, match="cannot exceed"):
        activity.record_payment(
            db.unit_of_work(),
            me,
            NewPayment(
                detail.id, obligation.total + Decimal("0.01"), today, "cash",
                obligation_id=obligation.id,
            ),
        )
