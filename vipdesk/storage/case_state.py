"""Load what a case's derived figures are computed from, and write them back, in batches."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, cast
from uuid import UUID, uuid4

from sqlalchemy import Table, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from vipdesk.storage.models import (
    Case,
    Interaction,
    Obligation,
    Payment,
    PaymentApplication,
    Promise,
)

# Core tables for executemany UPDATEs of derived figures (the ORM path would bump versions).
_PROMISES = cast(Table, Promise.__table__)
_CASES = cast(Table, Case.__table__)


@dataclass
class CaseInputs:
    currency: str
    # (currency, total, past_due_since)
    obligations: list[tuple[str, Decimal, date | None]] = field(default_factory=list)
    # (occurred_at, next_action, next_action_date)
    contacts: list[tuple[datetime, str, date | None]] = field(default_factory=list)
    # (id, amount, due_date, promised_on, status, applied)
    promises: list[tuple[UUID, Decimal, date, date, str, Decimal]] = field(default_factory=list)
    # (id, amount, paid_on)
    payments: list[tuple[UUID, Decimal, date]] = field(default_factory=list)
    # {(payment_id, promise_id): amount}
    applications: dict[tuple[UUID, UUID], Decimal] = field(default_factory=dict)


def load_inputs(session: Session, case_ids: Sequence[UUID]) -> dict[UUID, CaseInputs]:
    ids = list(case_ids)
    result = {
        cid: CaseInputs(currency)
        for cid, currency in session.execute(select(Case.id, Case.currency).where(Case.id.in_(ids)))
    }
    for o in session.execute(
        select(
            Obligation.case_id,
            Obligation.currency,
            Obligation.principal,
            Obligation.ordinary_interest,
            Obligation.default_interest,
            Obligation.fees,
            Obligation.past_due_since,
        ).where(Obligation.case_id.in_(ids))
    ):
        result[o.case_id].obligations.append(
            (
                o.currency,
                o.principal + o.ordinary_interest + o.default_interest + o.fees,
                o.past_due_since,
            )
        )
    for i in session.execute(
        select(
            Interaction.case_id,
            Interaction.occurred_at,
            Interaction.next_action,
            Interaction.next_action_date,
        ).where(Interaction.case_id.in_(ids))
    ):
        result[i.case_id].contacts.append((i.occurred_at, i.next_action, i.next_action_date))
    for p in session.execute(
        select(
            Promise.case_id,
            Promise.id,
            Promise.amount,
            Promise.due_date,
            Promise.promised_on,
            Promise.status,
            Promise.applied_amount,
        ).where(Promise.case_id.in_(ids))
    ):
        result[p.case_id].promises.append(
            (p.id, p.amount, p.due_date, p.promised_on, p.status, p.applied_amount)
        )
    payment_case: dict[UUID, UUID] = {}
    for pay in session.execute(
        select(Payment.case_id, Payment.id, Payment.amount, Payment.paid_on).where(
            Payment.case_id.in_(ids)
        )
    ):
        result[pay.case_id].payments.append((pay.id, pay.amount, pay.paid_on))
        payment_case[pay.id] = pay.case_id
    if payment_case:
        for a in session.execute(
            select(
                PaymentApplication.payment_id,
                PaymentApplication.promise_id,
                PaymentApplication.amount,
            ).where(PaymentApplication.payment_id.in_(list(payment_case)))
        ):
            result[payment_case[a.payment_id]].applications[(a.payment_id, a.promise_id)] = a.amount
    return result


def write_promises(session: Session, changes: Sequence[dict[str, Any]]) -> None:
    """changes: {"pid": UUID, "new_status": str, "new_applied": Decimal}; derived figures,
    so the row version is left alone."""
    if changes:
        session.execute(
            # Core (not ORM) UPDATE: derived figures, executemany, no version check wanted.
            update(_PROMISES)
            .where(_PROMISES.c.id == bindparam("pid"))
            .values(status=bindparam("new_status"), applied_amount=bindparam("new_applied")),
            list(changes),
        )


def replace_applications(
    session: Session,
    payment_ids: Sequence[UUID],
    applications: Sequence[tuple[UUID, UUID, Decimal]],
) -> None:
    if payment_ids:
        session.execute(
            delete(PaymentApplication)
            .where(PaymentApplication.payment_id.in_(list(payment_ids)))
            .execution_options(synchronize_session=False)
        )
    if applications:
        session.execute(
            insert(PaymentApplication),
            [
                {"id": uuid4(), "payment_id": pay, "promise_id": prom, "amount": amount}
                for pay, prom, amount in applications
            ],
        )


def write_summaries(session: Session, summaries: Sequence[dict[str, Any]]) -> None:
    """summaries: {"cid": UUID, <Case column>: value, ...}, all with the same keys."""
    if not summaries:
        return
    columns = [k for k in summaries[0] if k != "cid"]
    # Bind names may not equal column names in an executemany UPDATE.
    session.execute(
        update(_CASES)
        .where(_CASES.c.id == bindparam("cid"))
        .values({c: bindparam("v_" + c) for c in columns}),
        [{"cid": s["cid"], **{"v_" + c: s[c] for c in columns}} for s in summaries],
    )
