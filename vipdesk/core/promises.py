"""Promise-to-pay status, derived from the payments received (never stored by hand).

Payments are taken oldest first ((paid_on, id) order) and applied to the promises they can serve
in (due_date, promised_on, id) order, so the earliest commitment is honoured first. A payment
serves a promise only if it was made inside the promise's window - from the day the promise was
made to ``grace_days`` after it fell due - and only up to what the promise still lacks; one
payment may cover several promises, and what is left of it stays unapplied (it still reduces
the balance, it just keeps no promise).

Status:
- KEPT: the applied amount reaches the promised amount (even before the due date);
- once the grace period has passed (``as_of > due_date + grace_days``): PARTIALLY_KEPT if
  something was applied, BROKEN if nothing was;
- PENDING otherwise.

Both orders are total (ids are unique), so the result does not depend on the input order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from vipdesk.core.catalog import PromiseStatus


def _positive(value: object, what: str) -> None:
    if isinstance(value, float) or not isinstance(value, Decimal):
        raise TypeError(f"{what} must be a Decimal, got {type(value).__name__}")
    if not value.is_finite() or value <= 0:
        raise ValueError(f"{what} must be a positive amount, got {value}")


@dataclass(frozen=True)
class PromiseIn:
    id: str
    amount: Decimal
    due_date: date
    promised_on: date

    def __post_init__(self) -> None:
        # promised_on after due_date is not rejected: such a promise simply has a short (or
        # empty) window, and one badly entered record must not make a whole case unreadable.
        _positive(self.amount, "promise amount")


@dataclass(frozen=True)
class PaymentIn:
    id: str
    amount: Decimal
    paid_on: date

    def __post_init__(self) -> None:
        _positive(self.amount, "payment amount")


@dataclass(frozen=True)
class Application:
    payment_id: str
    promise_id: str
    amount: Decimal


@dataclass(frozen=True)
class PromiseOutcome:
    promise_id: str
    status: PromiseStatus
    applied: Decimal


def _unique_ids(ids: list[str], what: str) -> None:
    if len(set(ids)) != len(ids):
        raise ValueError(f"{what} ids must be unique")


def apply_payments(
    promises: Sequence[PromiseIn],
    payments: Sequence[PaymentIn],
    as_of: date,
    grace_days: int = 3,
) -> tuple[list[PromiseOutcome], list[Application]]:
    """Outcomes in the input order of ``promises``; applications in the order they were made."""
    if isinstance(grace_days, bool) or not isinstance(grace_days, int) or grace_days < 0:
        raise ValueError(f"grace_days must be a non-negative int, got {grace_days!r}")
    _unique_ids([p.id for p in promises], "promise")
    _unique_ids([p.id for p in payments], "payment")
    grace = timedelta(days=grace_days)

    ordered = sorted(promises, key=lambda p: (p.due_date, p.promised_on, p.id))
    applied: dict[str, Decimal] = {p.id: Decimal(0) for p in promises}
    applications: list[Application] = []

    for payment in sorted(payments, key=lambda p: (p.paid_on, p.id)):
        left = payment.amount
        for promise in ordered:
            if left <= 0:
                break
            lacking = promise.amount - applied[promise.id]
            if lacking <= 0 or not promise.promised_on <= payment.paid_on <= (
                promise.due_date + grace
            ):
                continue
            take = min(left, lacking)
            applied[promise.id] += take
            left -= take
            applications.append(Application(payment.id, promise.id, take))

    outcomes = []
    for promise in promises:
        got = applied[promise.id]
        if got >= promise.amount:
            status = PromiseStatus.KEPT
        elif as_of > promise.due_date + grace:
            status = PromiseStatus.PARTIALLY_KEPT if got > 0 else PromiseStatus.BROKEN
        else:
            status = PromiseStatus.PENDING
        outcomes.append(PromiseOutcome(promise.id, status, got))
    return outcomes, applications
