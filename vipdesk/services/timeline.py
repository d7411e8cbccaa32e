"""The events of a case in one list, newest first: contacts, promises and payments.

Built from the :class:`CaseDetail` already loaded (no query of its own), so the summary's
"last events" and the timeline page always agree with the other pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal
from enum import StrEnum
from uuid import UUID

from vipdesk.services.dto import CaseDetail


class EventKind(StrEnum):
    INTERACTION = "interaction"
    PROMISE = "promise"
    PAYMENT = "payment"


@dataclass(frozen=True)
class CaseEvent:
    kind: EventKind
    id: UUID
    when: datetime  # aware; a day-only event (a payment) counts at the start of its day, UTC
    code: str  # the outcome, promise status or payment method, for the page to label
    text: str  # notes, reference: what the user wrote
    amount: Decimal | None = None
    currency: str = ""
    by: str = ""  # who logged it, when known
    due: date | None = None  # a promise's due date


def _day(value: date) -> datetime:
    return datetime.combine(value, time.min, tzinfo=UTC)


def case_events(detail: CaseDetail) -> list[CaseEvent]:
    events = [
        CaseEvent(EventKind.INTERACTION, i.id, i.occurred_at, i.outcome, i.notes, by=i.user_name)
        for i in detail.interactions
    ]
    events += [
        CaseEvent(
            EventKind.PROMISE,
            p.id,
            _day(p.promised_on),
            p.status,
            "",
            p.amount,
            p.currency,
            due=p.due_date,
        )
        for p in detail.promises
    ]
    events += [
        CaseEvent(
            EventKind.PAYMENT, p.id, _day(p.paid_on), p.method, p.reference, p.amount, p.currency
        )
        for p in detail.payments
    ]
    # Newest first; on the same moment, a fixed order so the list never shuffles on reload.
    order = {EventKind.PAYMENT: 0, EventKind.PROMISE: 1, EventKind.INTERACTION: 2}
    return sorted(events, key=lambda e: (-e.when.timestamp(), order[e.kind], str(e.id)))
