"""A case's contact history ("gestiones") with the promises made in it and the payments received.

Payments are planned around each promise (kept, partly kept, broken, not yet due) but the
statuses are *not* decided here: :mod:`vipdesk.core.promises` derives them afterwards from the
dates and amounts, exactly as the services do.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from vipdesk.core.catalog import CaseStatus, Channel, Direction, Outcome, PaymentMethod
from vipdesk.demo.people import DebtorDraft
from vipdesk.demo.recipes import Weighted
from vipdesk.demo.rows import (
    OFFICE_UTC_OFFSET,
    Row,
    cents,
    midnight_utc,
    new_uuid,
    office_time,
    stamp,
)

if TYPE_CHECKING:
    from vipdesk.demo.cases import CaseBuilder, CaseContext

# 0 to 15 contacts per case, about 6.5 on average.
INTERACTION_COUNTS: Weighted[int] = Weighted(
    list(enumerate([4, 5, 7, 8, 9, 10, 10, 9, 8, 7, 6, 5, 4, 3, 3, 2]))
)
HISTORY_DAYS = 548  # about 18 months
MAX_PAYMENTS = 4
GRACE_DAYS = 3  # promises.apply_payments' default grace, used to plan payments around it
PROMISE_CHANNELS: Weighted[str] = Weighted(
    [
        (Channel.CALL.value, 55),
        (Channel.VISIT.value, 15),
        (Channel.WHATSAPP.value, 20),
        (Channel.EMAIL.value, 10),
    ]
)
# Share of contacts the debtor started, by channel (the others are outbound only).
INBOUND_SHARE = {Channel.CALL.value: 0.2, Channel.EMAIL.value: 0.3, Channel.WHATSAPP.value: 0.4}
TALKING = frozenset(
    {
        Outcome.CONTACTED.value,
        Outcome.PROMISE.value,
        Outcome.REFUSAL.value,
        Outcome.DISPUTE.value,
        Outcome.CALLBACK.value,
    }
)
UNREACHED = frozenset({Outcome.NO_ANSWER.value, Outcome.WRONG_NUMBER.value})
FOLLOW_UP_PROMISE = "Verificar el pago prometido"
# Plain strings for the hot loop (an enum's .value is a descriptor call each time).
_PROMISE, _LETTER, _SMS = Outcome.PROMISE.value, Channel.LETTER.value, Channel.SMS.value
_VISIT, _CALL = Channel.VISIT.value, Channel.CALL.value
_INBOUND, _OUTBOUND = Direction.INBOUND.value, Direction.OUTBOUND.value
PAYMENT_METHODS: Weighted[str] = Weighted(
    [
        (PaymentMethod.TRANSFER.value, 50),
        (PaymentMethod.DEPOSIT.value, 25),
        (PaymentMethod.CHECK.value, 15),
        (PaymentMethod.CARD.value, 7),
        (PaymentMethod.CASH.value, 3),
    ]
)
# How many promises a case has, by status: cases in negotiation or under an agreement have
# more commitments on record; closed ones were mostly settled without many.
PROMISE_COUNTS: dict[CaseStatus, Weighted[int]] = {
    CaseStatus.OPEN: Weighted([(0, 45), (1, 35), (2, 15), (3, 5)]),
    CaseStatus.NEGOTIATING: Weighted([(0, 20), (1, 40), (2, 28), (3, 12)]),
    CaseStatus.AGREEMENT: Weighted([(0, 10), (1, 35), (2, 35), (3, 20)]),
    CaseStatus.LEGAL: Weighted([(0, 20), (1, 30), (2, 30), (3, 20)]),
    CaseStatus.CLOSED: Weighted([(0, 50), (1, 40), (2, 10)]),
}
# The fate of a promise whose window has closed, by case status.
FATES: dict[CaseStatus, Weighted[str]] = {
    CaseStatus.AGREEMENT: Weighted([("kept", 55), ("partial", 25), ("broken", 20)]),
    CaseStatus.LEGAL: Weighted([("kept", 10), ("partial", 25), ("broken", 65)]),
    CaseStatus.CLOSED: Weighted([("kept", 80), ("partial", 15), ("broken", 5)]),
    CaseStatus.OPEN: Weighted([("kept", 35), ("partial", 25), ("broken", 40)]),
    CaseStatus.NEGOTIATING: Weighted([("kept", 35), ("partial", 25), ("broken", 40)]),
}


@dataclass
class History:
    interactions: list[Row] = field(default_factory=list)
    promises: list[Row] = field(default_factory=list)
    payments: list[Row] = field(default_factory=list)
    applications: list[Row] = field(default_factory=list)


def _round_hundreds(amount_c: float, minimum_units: int) -> int:
    """Cents rounded down to whole hundreds of currency units: how people promise and pay."""
    return max(int(amount_c) // 10_000 * 10_000, minimum_units * 100)


def _late_biased_day(rng: random.Random, first: date, last: date) -> date:
    """A day in [first, last], more often near ``last`` (people pay close to the due date)."""
    span = (last - first).days
    if span <= 0:
        return first
    return first + timedelta(days=max(rng.randint(0, span), rng.randint(0, span)))


def build_history(
    builder: CaseBuilder,
    ctx: CaseContext,
    case_id: uuid.UUID,
    debtor: DebtorDraft,
    opened: date,
    size_c: int,
) -> History:
    rng = builder.rng
    recipes = builder.recipes
    as_of = builder.as_of
    status = ctx.status
    history = History()

    # A closed case stopped being worked some weeks ago (its first obligation fell behind at
    # least 150 days ago, so it was opened before that); every promise in it has fallen due.
    end = as_of
    if status is CaseStatus.CLOSED:
        end = as_of - timedelta(days=rng.randint(40, 90))
    first_day = max(opened + timedelta(days=1), as_of - timedelta(days=HISTORY_DAYS))
    span = max((end - first_day).days, 0)  # contacts happen from first_day to the day before end
    count = min(INTERACTION_COUNTS.pick(rng), max(span // 2, 0))
    # Skewed towards recent days: a case is worked more as it ages into the VIP desk.
    offsets = sorted(int(span * rng.random() ** 0.7) for _ in range(count))
    promise_count = min(PROMISE_COUNTS[status].pick(rng), count)
    promise_at: list[int] = []
    if promise_count:
        if rng.random() < 0.5:  # the latest contact often is the one that got the promise
            promise_at.append(count - 1)
        rest = [i for i in range(count) if i not in promise_at]
        promise_at += rng.sample(rest, promise_count - len(promise_at))

    reachable = debtor.reachable
    office_start = midnight_utc(first_day) + OFFICE_UTC_OFFSET
    for index, offset in enumerate(offsets):
        day = first_day + timedelta(days=offset)
        is_promise = index in promise_at
        channel = PROMISE_CHANNELS.pick(rng) if is_promise else recipes.channels.pick(rng)
        outcome = _PROMISE if is_promise else recipes.outcomes[channel].pick(rng)
        talking = outcome in TALKING
        inbound = talking and rng.random() < INBOUND_SHARE.get(channel, 0.0)
        if channel in recipes.channel_notes:
            notes = rng.choice(recipes.channel_notes[channel])
        else:
            notes = rng.choice(recipes.notes[outcome])
        if channel == _LETTER:
            contact_name = debtor.row["name"]
        elif outcome in UNREACHED or channel == _SMS:
            contact_name = ""
        else:
            contact_name = rng.choice(reachable) if reachable else "Gerencia general"
        if channel == _VISIT:
            duration = rng.randint(30, 120)
        elif channel == _CALL:
            duration = rng.randint(3, 25) if talking else rng.randint(1, 2)
        else:
            duration = 0
        occurred = office_start + timedelta(days=offset, minutes=rng.randrange(8 * 60, 18 * 60))
        interaction_id = new_uuid(rng)

        next_action, next_date = "", None
        if is_promise:
            due = day + timedelta(days=rng.randint(3, 30))
            _promise(builder, ctx, case_id, history, interaction_id, occurred, day, due, size_c)
            if status is not CaseStatus.CLOSED:
                next_action, next_date = FOLLOW_UP_PROMISE, due + timedelta(days=1)
        elif status is not CaseStatus.CLOSED:
            next_action, next_date = _follow_up(builder, status, day, last=index == count - 1)

        history.interactions.append(
            {
                "id": interaction_id,
                "row_version": 1,
                "created_at": occurred,
                "updated_at": occurred,
                "case_id": case_id,
                "user_id": ctx.executive_id,
                "channel": channel,
                "direction": _INBOUND if inbound else _OUTBOUND,
                "occurred_at": occurred,
                "contact_name": contact_name,
                "outcome": outcome,
                "notes": notes,
                "duration_minutes": duration,
                "next_action": next_action,
                "next_action_date": next_date,
            }
        )

    _other_payments(builder, ctx, case_id, history, opened, end, size_c)
    return history


def _follow_up(
    builder: CaseBuilder, status: CaseStatus, day: date, last: bool
) -> tuple[str, date | None]:
    """The latest contact usually schedules the next step: some already overdue, some for
    today, most within two weeks. Older contacts scheduled theirs a few days ahead."""
    rng = builder.rng
    as_of = builder.as_of
    pool = (
        builder.recipes.legal_next_actions
        if status is CaseStatus.LEGAL and last
        else (builder.recipes.next_actions)
    )
    if last:
        if rng.random() >= 0.85:
            return "", None
        draw = rng.random()
        if draw < 0.25:
            when = max(as_of - timedelta(days=rng.randint(1, 20)), day + timedelta(days=1))
        elif draw < 0.40:
            when = as_of
        else:
            when = as_of + timedelta(days=rng.randint(1, 14))
        return rng.choice(pool), min(when, as_of + timedelta(days=14))
    if rng.random() < 0.55:
        return rng.choice(pool), day + timedelta(days=rng.randint(1, 14))
    return "", None


def _payment(
    builder: CaseBuilder,
    ctx: CaseContext,
    case_id: uuid.UUID,
    history: History,
    amount_c: int,
    paid_on: date,
) -> None:
    """A payment; which obligation it went to and how it split are filled in by the caller."""
    if len(history.payments) >= MAX_PAYMENTS or amount_c <= 0:
        return
    rng = builder.rng
    bank = rng.choice(builder.recipes.countries[ctx.country].banks)[0]
    row = stamp(new_uuid(rng), office_time(paid_on, rng.randrange(9 * 60, 17 * 60)))
    row.update(
        case_id=case_id,
        user_id=ctx.executive_id,
        amount=cents(amount_c),
        currency=ctx.currency,
        paid_on=paid_on,
        reference=f"{bank}-{rng.randrange(1_000_000, 10_000_000)}",
        method=PAYMENT_METHODS.pick(rng),
    )
    history.payments.append(row)


def _promise(
    builder: CaseBuilder,
    ctx: CaseContext,
    case_id: uuid.UUID,
    history: History,
    interaction_id: uuid.UUID,
    occurred: datetime,
    day: date,
    due: date,
    size_c: int,
) -> None:
    rng = builder.rng
    as_of = builder.as_of
    amount_c = _round_hundreds(size_c * rng.uniform(0.03, 0.25), 1000)
    row = stamp(new_uuid(rng), occurred)
    row.update(
        case_id=case_id,
        interaction_id=interaction_id,
        user_id=ctx.executive_id,
        amount=cents(amount_c),
        currency=ctx.currency,
        promised_on=day,
        due_date=due,
        notes=rng.choice(builder.recipes.promise_notes),
    )
    history.promises.append(row)

    window_end = due + timedelta(days=GRACE_DAYS)
    if window_end >= as_of:  # still open: mostly waiting, some paid early
        draw = rng.random()
        fate = "pending" if draw < 0.7 else "kept" if draw < 0.9 else "partial"
    else:
        fate = FATES[ctx.status].pick(rng)
    last_day = min(window_end, as_of)
    if fate == "kept":
        paid_c = amount_c
        if rng.random() < 0.1:  # some pay a little more than promised
            paid_c = _round_hundreds(amount_c * rng.uniform(1.0, 1.2), 1000)
        _payment(builder, ctx, case_id, history, paid_c, _late_biased_day(rng, day, last_day))
    elif fate == "partial":
        paid_c = _round_hundreds(amount_c * rng.uniform(0.3, 0.8), 100)
        _payment(builder, ctx, case_id, history, paid_c, _late_biased_day(rng, day, last_day))
    elif fate == "broken" and rng.random() < 0.2:  # paid, but too late to keep the promise
        late = window_end + timedelta(days=rng.randint(2, 40))
        if late <= as_of:
            paid_c = _round_hundreds(amount_c * rng.uniform(0.2, 1.0), 100)
            _payment(builder, ctx, case_id, history, paid_c, late)


def _other_payments(
    builder: CaseBuilder,
    ctx: CaseContext,
    case_id: uuid.UUID,
    history: History,
    opened: date,
    end: date,
    size_c: int,
) -> None:
    """Payments made without a promise; a closed case ends with its settlement payment."""
    rng = builder.rng
    first = max(opened, builder.as_of - timedelta(days=365))
    if ctx.status is CaseStatus.CLOSED:
        paid_on = _late_biased_day(rng, max(first, end - timedelta(days=30)), end)
        settlement_c = _round_hundreds(size_c * rng.uniform(0.3, 0.9), 1000)
        _payment(builder, ctx, case_id, history, settlement_c, paid_on)
    for _ in range(rng.choice((0, 0, 0, 1, 1, 2))):
        paid_on = first + timedelta(days=rng.randint(0, max((end - first).days, 0)))
        amount_c = _round_hundreds(size_c * rng.uniform(0.01, 0.08), 500)
        _payment(builder, ctx, case_id, history, amount_c, paid_on)
