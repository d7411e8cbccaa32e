"""Recompute what is derived from a case's records: promise statuses, how payments kept
them, and the case's portfolio summary. Called inside the transaction of every change, and
once a day for figures that move with the calendar (days past due, expired promises)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID

from sqlalchemy.orm import Session

from vipdesk.core.case_summary import (
    ContactFigures,
    ObligationFigures,
    PromiseFigures,
    summarize,
)
from vipdesk.core.catalog import PromiseStatus
from vipdesk.core.promises import PaymentIn, PromiseIn, apply_payments
from vipdesk.storage import batch, case_state

BATCH = 500


def refresh_cases(session: Session, case_ids: Sequence[UUID], as_of: date) -> int:
    ids = list(case_ids)
    pending = batch.deferred(session)
    if pending is not None:
        # In a batch, once at its end (or before a later command of the batch reads the
        # case): the figures depend only on the records and the day, so the result is the same.
        pending.refresh.update(dict.fromkeys(ids, as_of))
        return len(ids)
    for start in range(0, len(ids), BATCH):
        _refresh_batch(session, ids[start : start + BATCH], as_of)
    return len(ids)


def _refresh_batch(session: Session, ids: Sequence[UUID], as_of: date) -> None:
    inputs = case_state.load_inputs(session, ids)
    promise_changes: list[dict[str, Any]] = []
    rewrite_payments: list[UUID] = []
    new_applications: list[tuple[UUID, UUID, Decimal]] = []
    summaries: list[dict[str, Any]] = []
    for case_id, data in inputs.items():
        by_id = {str(p[0]): p for p in data.promises}
        outcomes, applications = apply_payments(
            [PromiseIn(str(p[0]), p[1], p[2], p[3]) for p in data.promises],
            [PaymentIn(str(pay[0]), pay[1], pay[2]) for pay in data.payments],
            as_of,
        )
        for outcome in outcomes:
            stored = by_id[outcome.promise_id]
            if stored[4] != outcome.status.value or stored[5] != outcome.applied:
                promise_changes.append(
                    {
                        "pid": stored[0],
                        "new_status": outcome.status.value,
                        "new_applied": outcome.applied,
                    }
                )
        computed = {(UUID(a.payment_id), UUID(a.promise_id)): a.amount for a in applications}
        if computed != data.applications:
            rewrite_payments += [pay[0] for pay in data.payments]
            new_applications += [(pay, prom, amt) for (pay, prom), amt in computed.items()]
        due = {str(p[0]): p[2] for p in data.promises}
        summary = summarize(
            data.currency,
            [ObligationFigures(c, total, since) for c, total, since in data.obligations],
            [ContactFigures(when, action, on) for when, action, on in data.contacts],
            [PromiseFigures(due[o.promise_id], PromiseStatus(o.status)) for o in outcomes],
            as_of,
        )
        summaries.append(
            {
                "cid": case_id,
                "exposure": summary.exposure,
                "past_due_since": summary.past_due_since,
                "last_contact_at": summary.last_contact_at,
                "next_action": summary.next_action,
                "next_action_date": summary.next_action_date,
                "promise_status": summary.promise_status.value if summary.promise_status else None,
                "broken_promises": summary.broken_promises,
                "priority_score": summary.priority_score,
                "priority_as_of": summary.priority_as_of,
            }
        )
    case_state.write_promises(session, promise_changes)
    case_state.replace_applications(session, rewrite_payments, new_applications)
    case_state.write_summaries(session, summaries)
