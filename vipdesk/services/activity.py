"""Working a case: log a contact, record a promise to pay, record a payment.

Each use case validates everything first (all problems at once), checks the user may work the
case, writes the record, recomputes what is derived from it, writes the audit event, and
commits: one transaction, all or nothing.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy import select

from vipdesk.core.balances import Balance, apply_to_balance
from vipdesk.core.catalog import Channel, Direction, Outcome, PaymentMethod, PromiseStatus
from vipdesk.core.errors import QT_TRANSLATE_NOOP, ValidationError
from vipdesk.core.money import Money, format_money
from vipdesk.core.text import clean_text
from vipdesk.core.validation import check_date_in_range, check_int_range, collect
from vipdesk.services.commands import Command
from vipdesk.services.derived import refresh_cases
from vipdesk.services.dto import Actor, NewInteraction, NewPayment, NewPromise
from vipdesk.services.guard import workable_case
from vipdesk.services.recording import command_moment, queue_if_offline
from vipdesk.storage import audit_log, changes
from vipdesk.storage.models import Interaction, Obligation, Payment, Promise
from vipdesk.storage.uow import UnitOfWork

# How far back a contact or payment may be recorded, and how far ahead a date may be set.
BACKDATE_DAYS = 366
AHEAD_DAYS = 366
MAX_NOTES = 4000


def _already_applied(uow: UnitOfWork, model: type[Any], entity_id: UUID) -> bool:
    """A replayed command (sync after a crash, a retried push) is applied only once."""
    return uow.session.get(model, entity_id) is not None


def _finish(
    uow: UnitOfWork, case_id: UUID, command: Command, entity_id: UUID, when: datetime
) -> None:
    """What every change ends with: stamp the case for sync, and queue the command when
    working on a local cache."""
    changes.touch_cases(uow.session, [case_id])
    queue_if_offline(uow, command, entity_id, when)


def _choice(value: str, allowed: type[Any], field: str) -> None:
    if value not in {member.value for member in allowed}:
        raise ValidationError.single(
            field, QT_TRANSLATE_NOOP("errors", "Choose a value from the list")
        )


def _amount(value: Decimal, field: str, maximum: Decimal, currency: str) -> Decimal:
    if not isinstance(value, Decimal) or not value.is_finite():
        raise ValidationError.single(field, QT_TRANSLATE_NOOP("errors", "Enter an amount"))
    if value <= 0:
        raise ValidationError.single(
            field, QT_TRANSLATE_NOOP("errors", "The amount must be greater than zero")
        )
    exponent = value.normalize().as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        raise ValidationError.single(
            field, QT_TRANSLATE_NOOP("errors", "At most two decimal places")
        )
    if value > maximum:
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP("errors", "The amount cannot exceed the balance owed, {maximum}"),
            maximum=format_money(Money(maximum, currency)),
        )
    return value


def log_interaction(uow: UnitOfWork, actor: Actor, cmd: NewInteraction) -> UUID:
    now, today = command_moment(uow, cmd)
    values: dict[str, Any] = {}

    def occurred() -> None:
        if cmd.occurred_at.tzinfo is None:
            raise ValidationError.single("occurred_at", QT_TRANSLATE_NOOP("errors", "Enter a date"))
        check_date_in_range(
            cmd.occurred_at.astimezone().date(),
            "occurred_at",
            earliest=today - timedelta(days=BACKDATE_DAYS),
            latest=today,
        )
        if cmd.occurred_at > now + timedelta(minutes=5):
            raise ValidationError.single(
                "occurred_at", QT_TRANSLATE_NOOP("errors", "A contact cannot be in the future")
            )

    def next_date() -> None:
        if cmd.next_action_date is not None:
            check_date_in_range(
                cmd.next_action_date,
                "next_action_date",
                earliest=today,
                latest=today + timedelta(days=AHEAD_DAYS),
            )

    collect(
        lambda: _choice(cmd.channel, Channel, "channel"),
        lambda: _choice(cmd.direction, Direction, "direction"),
        lambda: _choice(cmd.outcome, Outcome, "outcome"),
        occurred,
        lambda: values.__setitem__(
            "contact_name",
            clean_text(cmd.contact_name, "contact_name", max_length=300, required=False),
        ),
        lambda: values.__setitem__(
            "notes",
            clean_text(cmd.notes, "notes", max_length=MAX_NOTES, required=False, multiline=True),
        ),
        lambda: check_int_range(cmd.duration_minutes, "duration_minutes", minimum=0, maximum=600),
        lambda: values.__setitem__(
            "next_action",
            clean_text(
                cmd.next_action,
                "next_action",
                max_length=300,
                required=cmd.next_action_date is not None,
            ),
        ),
        next_date,
    )
    entity_id = cmd.id or uuid4()
    with uow:
        if _already_applied(uow, Interaction, entity_id):
            return entity_id
        case = workable_case(uow.session, actor, cmd.case_id)
        interaction = Interaction(
            id=entity_id,
            case_id=case.id,
            user_id=actor.id,
            channel=cmd.channel,
            direction=cmd.direction,
            occurred_at=cmd.occurred_at,
            outcome=cmd.outcome,
            duration_minutes=cmd.duration_minutes,
            next_action_date=cmd.next_action_date,
            **values,
        )
        uow.session.add(interaction)
        uow.session.flush()
        refresh_cases(uow.session, [case.id], today)
        audit_log.record(
            uow.session,
            when=now,
            user_id=actor.id,
            username=actor.username,
            action="interaction.logged",
            entity="interaction",
            entity_id=interaction.id,
            after={
                "case": case.number,
                "channel": cmd.channel,
                "direction": cmd.direction,
                "outcome": cmd.outcome,
                "occurred_at": cmd.occurred_at,
                "next_action_date": cmd.next_action_date,
                **values,
            },
        )
        _finish(uow, case.id, cmd, entity_id, now)
        uow.commit()
        return interaction.id


def record_promise(uow: UnitOfWork, actor: Actor, cmd: NewPromise) -> UUID:
    now, today = command_moment(uow, cmd)
    notes: list[str] = []
    entity_id = cmd.id or uuid4()
    with uow:
        if _already_applied(uow, Promise, entity_id):
            return entity_id
        case = workable_case(uow.session, actor, cmd.case_id)
        collect(
            lambda: _amount(cmd.amount, "amount", case.exposure, case.currency),
            lambda: check_date_in_range(
                cmd.due_date, "due_date", earliest=today, latest=today + timedelta(days=AHEAD_DAYS)
            ),
            lambda: notes.append(
                clean_text(cmd.notes, "notes", max_length=MAX_NOTES, required=False, multiline=True)
            ),
        )
        promise = Promise(
            id=entity_id,
            case_id=case.id,
            interaction_id=cmd.interaction_id,
            user_id=actor.id,
            amount=cmd.amount,
            currency=case.currency,
            promised_on=today,
            due_date=cmd.due_date,
            status=PromiseStatus.PENDING.value,
            applied_amount=Decimal("0.00"),
            notes=notes[0],
        )
        uow.session.add(promise)
        uow.session.flush()
        refresh_cases(uow.session, [case.id], today)
        audit_log.record(
            uow.session,
            when=now,
            user_id=actor.id,
            username=actor.username,
            action="promise.recorded",
            entity="promise",
            entity_id=promise.id,
            after={
                "case": case.number,
                "amount": cmd.amount,
                "currency": case.currency,
                "due_date": cmd.due_date,
            },
        )
        _finish(uow, case.id, cmd, entity_id, now)
        uow.commit()
        return promise.id


def _balance(o: Obligation) -> Balance:
    return Balance(o.principal, o.ordinary_interest, o.default_interest, o.fees)


def _pick_obligation(obligations: list[Obligation], wanted: UUID | None) -> Obligation:
    if wanted is not None:
        for o in obligations:
            if o.id == wanted:
                return o
        raise ValidationError.single(
            "obligation", QT_TRANSLATE_NOOP("errors", "Choose an obligation of this case")
        )
    owing = [o for o in obligations if o.total > 0] or obligations
    # Without a choice, pay the most overdue first (current obligations last).
    return min(owing, key=lambda o: (o.past_due_since or date.max, o.account_number))


def record_payment(uow: UnitOfWork, actor: Actor, cmd: NewPayment) -> UUID:
    now, today = command_moment(uow, cmd)
    reference: list[str] = []
    entity_id = cmd.id or uuid4()
    with uow:
        session = uow.session
        if _already_applied(uow, Payment, entity_id):
            return entity_id
        case = workable_case(session, actor, cmd.case_id)
        obligations = list(session.scalars(select(Obligation).where(Obligation.case_id == case.id)))
        if not obligations:
            raise ValidationError.single(
                "obligation", QT_TRANSLATE_NOOP("errors", "This case has no obligations")
            )
        obligation = _pick_obligation(obligations, cmd.obligation_id)
        collect(
            lambda: _amount(cmd.amount, "amount", obligation.total, obligation.currency),
            lambda: check_date_in_range(
                cmd.paid_on,
                "paid_on",
                earliest=today - timedelta(days=BACKDATE_DAYS),
                latest=today,
            ),
            lambda: _choice(cmd.method, PaymentMethod, "method"),
            lambda: reference.append(
                clean_text(cmd.reference, "reference", max_length=120, required=False)
            ),
        )
        before = _balance(obligation)
        after, applied, _rest = apply_to_balance(before, cmd.amount)
        obligation.principal = after.principal
        obligation.ordinary_interest = after.ordinary_interest
        obligation.default_interest = after.default_interest
        obligation.fees = after.fees
        if after.total == 0:
            obligation.past_due_since = None
        payment = Payment(
            id=entity_id,
            case_id=case.id,
            obligation_id=obligation.id,
            user_id=actor.id,
            amount=cmd.amount,
            currency=obligation.currency,
            paid_on=cmd.paid_on,
            reference=reference[0],
            method=cmd.method,
            applied_fees=applied.fees,
            applied_default_interest=applied.default_interest,
            applied_interest=applied.ordinary_interest,
            applied_principal=applied.principal,
        )
        session.add(payment)
        session.flush()
        refresh_cases(session, [case.id], today)
        audit_log.record(
            session,
            when=now,
            user_id=actor.id,
            username=actor.username,
            action="payment.recorded",
            entity="payment",
            entity_id=payment.id,
            before={"obligation": obligation.account_number, "balance": vars_of(before)},
            after={
                "obligation": obligation.account_number,
                "balance": vars_of(after),
                "amount": cmd.amount,
                "paid_on": cmd.paid_on,
                "method": cmd.method,
                "applied": vars_of(applied),
            },
        )
        _finish(uow, case.id, cmd, entity_id, now)
        uow.commit()
        return payment.id


def vars_of(balance: Balance) -> dict[str, Decimal]:
    return {
        "principal": balance.principal,
        "ordinary_interest": balance.ordinary_interest,
        "default_interest": balance.default_interest,
        "fees": balance.fees,
    }
