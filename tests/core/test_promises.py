from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vipdesk.core.catalog import PromiseStatus
from vipdesk.core.promises import Application, PaymentIn, PromiseIn, apply_payments

D = Decimal
MAR = date(2025, 3, 1)


def day(n: int) -> date:
    return MAR + timedelta(days=n - 1)


def promise(pid: str, amount: str, due: int, made: int = 1) -> PromiseIn:
    return PromiseIn(pid, D(amount), day(due), day(made))


def payment(pid: str, amount: str, paid: int) -> PaymentIn:
    return PaymentIn(pid, D(amount), day(paid))


def statuses(promises: list[PromiseIn], payments: list[PaymentIn], as_of: int) -> list[str]:
    outcomes, _ = apply_payments(promises, payments, day(as_of))
    return [o.status.value for o in outcomes]


def test_kept_before_due_date() -> None:
    outcomes, apps = apply_payments([promise("a", "1000", 10)], [payment("x", "1000", 5)], day(6))
    assert outcomes[0].status is PromiseStatus.KEPT
    assert outcomes[0].applied == D(1000)
    assert apps == [Application("x", "a", D(1000))]


def test_grace_period() -> None:
    p = [promise("a", "1000", 10)]
    assert statuses(p, [payment("x", "1000", 13)], 20) == ["kept"]  # due + 3 days
    assert statuses(p, [payment("x", "1000", 14)], 20) == ["broken"]
    assert statuses(p, [], 13) == ["pending"]
    assert statuses(p, [], 14) == ["broken"]
    outcomes, _ = apply_payments(p, [payment("x", "1000", 11)], day(20), grace_days=0)
    assert outcomes[0].status is PromiseStatus.BROKEN


def test_partially_kept_and_pending() -> None:
    p = [promise("a", "1000", 10)]
    pays = [payment("x", "400", 9)]
    assert statuses(p, pays, 13) == ["pending"]
    assert statuses(p, pays, 14) == ["partially_kept"]


def test_payment_before_promise_was_made_does_not_count() -> None:
    outcomes, apps = apply_payments(
        [promise("a", "1000", 10, made=5)], [payment("x", "1000", 4)], day(20)
    )
    assert outcomes[0].status is PromiseStatus.BROKEN and apps == []


def test_payment_split_across_promises_and_leftover() -> None:
    promises = [promise("b", "500", 20), promise("a", "500", 10)]
    outcomes, apps = apply_payments(promises, [payment("x", "800", 5)], day(15))
    assert [(o.promise_id, o.status, o.applied) for o in outcomes] == [
        ("b", PromiseStatus.PENDING, D(300)),
        ("a", PromiseStatus.KEPT, D(500)),
    ]
    assert apps == [Application("x", "a", D(500)), Application("x", "b", D(300))]

    outcomes, apps = apply_payments([promise("a", "1000", 10)], [payment("x", "1500", 5)], day(5))
    assert outcomes[0].applied == D(1000)
    assert sum(a.amount for a in apps) == D(1000)


def test_several_payments_fill_one_promise() -> None:
    pays = [payment("y", "600", 8), payment("x", "400", 3)]
    outcomes, apps = apply_payments([promise("a", "1000", 10)], pays, day(30))
    assert outcomes[0].status is PromiseStatus.KEPT
    assert [a.payment_id for a in apps] == ["x", "y"]


def test_earliest_due_promise_served_first() -> None:
    promises = [promise("late", "100", 20, made=1), promise("early", "100", 10, made=2)]
    outcomes, _ = apply_payments(promises, [payment("x", "100", 5)], day(25))
    assert [o.status for o in outcomes] == [PromiseStatus.BROKEN, PromiseStatus.KEPT]


def test_invalid_input() -> None:
    with pytest.raises(ValueError):
        apply_payments([promise("a", "1", 1), promise("a", "2", 2)], [], day(1))
    with pytest.raises(ValueError):
        apply_payments([], [payment("x", "1", 1), payment("x", "1", 2)], day(1))
    with pytest.raises(ValueError):
        apply_payments([], [], day(1), grace_days=-1)
    with pytest.raises(ValueError):
        promise("a", "0", 1)
    with pytest.raises(ValueError):
        payment("x", "-5", 1)
    with pytest.raises(TypeError):
        PaymentIn("x", 5.0, day(1))  # type: ignore[arg-type]


def test_promise_made_after_due_date_is_tolerated() -> None:
    outcomes, apps = apply_payments(
        [promise("a", "100", 5, made=10)], [payment("x", "100", 10)], day(20)
    )
    assert outcomes[0].status is PromiseStatus.BROKEN and apps == []


cents = st.integers(min_value=1, max_value=100_000).map(lambda c: D(c) / 100)


@st.composite
def scenario(draw: st.DrawFn) -> tuple[list[PromiseIn], list[PaymentIn], date, int]:
    promises = []
    for i in range(draw(st.integers(0, 6))):
        made = draw(st.integers(1, 40))
        due = made + draw(st.integers(0, 30))
        promises.append(PromiseIn(f"p{i}", draw(cents), day(due), day(made)))
    payments = [
        PaymentIn(f"x{i}", draw(cents), day(draw(st.integers(1, 80))))
        for i in range(draw(st.integers(0, 6)))
    ]
    return promises, payments, day(draw(st.integers(1, 90))), draw(st.integers(0, 5))


@given(scenario())
def test_invariants(case: tuple[list[PromiseIn], list[PaymentIn], date, int]) -> None:
    promises, payments, as_of, grace_days = case
    outcomes, apps = apply_payments(promises, payments, as_of, grace_days)
    by_promise = {p.id: p for p in promises}
    by_payment = {p.id: p for p in payments}
    per_promise: dict[str, Decimal] = defaultdict(Decimal)
    per_payment: dict[str, Decimal] = defaultdict(Decimal)
    grace = timedelta(days=grace_days)
    for app in apps:
        assert app.amount > 0
        p, pay = by_promise[app.promise_id], by_payment[app.payment_id]
        assert p.promised_on <= pay.paid_on <= p.due_date + grace
        per_promise[app.promise_id] += app.amount
        per_payment[app.payment_id] += app.amount
    for pay in payments:
        assert per_payment[pay.id] <= pay.amount
    assert [o.promise_id for o in outcomes] == [p.id for p in promises]
    for outcome in outcomes:
        p = by_promise[outcome.promise_id]
        assert D(0) <= outcome.applied == per_promise[p.id] <= p.amount
        if outcome.applied == p.amount:
            assert outcome.status is PromiseStatus.KEPT
        elif as_of > p.due_date + grace:
            expected = PromiseStatus.PARTIALLY_KEPT if outcome.applied else PromiseStatus.BROKEN
            assert outcome.status is expected
        else:
            assert outcome.status is PromiseStatus.PENDING
    # Nothing is left on a payment while a promise it could serve still lacks money.
    for pay in payments:
        if per_payment[pay.id] < pay.amount:
            for p in promises:
                if p.promised_on <= pay.paid_on <= p.due_date + grace:
                    assert per_promise[p.id] == p.amount


@given(scenario(), st.randoms(use_true_random=False))
def test_result_does_not_depend_on_input_order(
    case: tuple[list[PromiseIn], list[PaymentIn], date, int], rnd: random.Random
) -> None:
    promises, payments, as_of, grace_days = case
    outcomes, apps = apply_payments(promises, payments, as_of, grace_days)
    shuffled_promises = rnd.sample(promises, len(promises))
    shuffled_payments = rnd.sample(payments, len(payments))
    outcomes2, apps2 = apply_payments(shuffled_promises, shuffled_payments, as_of, grace_days)
    assert apps2 == apps
    assert sorted(outcomes2, key=lambda o: o.promise_id) == sorted(
        outcomes, key=lambda o: o.promise_id
    )
    assert [o.promise_id for o in outcomes2] == [p.id for p in shuffled_promises]
