"""The figures a case shows in the portfolio, derived from its obligations, contacts and
promises. One function, used both by the services after every change and by the demo
generator, so stored summaries can never disagree with how they are computed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from vipdesk.core.buckets import days_past_due
from vipdesk.core.catalog import PromiseStatus
from vipdesk.core.priority import PriorityInputs, exposure_in_usd, priority_score
from vipdesk.core.text import normalize_for_search


@dataclass(frozen=True)
class ObligationFigures:
    currency: str
    total: Decimal
    past_due_since: date | None


@dataclass(frozen=True)
class ContactFigures:
    occurred_at: datetime
    next_action: str
    next_action_date: date | None


@dataclass(frozen=True)
class PromiseFigures:
    due_date: date
    status: PromiseStatus


@dataclass(frozen=True)
class CaseSummary:
    exposure: Decimal
    past_due_since: date | None
    last_contact_at: datetime | None
    next_action: str
    next_action_date: date | None
    promise_status: PromiseStatus | None
    broken_promises: int
    priority_score: Decimal
    priority_as_of: date


def summarize(
    currency: str,
    obligations: Sequence[ObligationFigures],
    contacts: Sequence[ContactFigures],
    promises: Sequence[PromiseFigures],
    as_of: date,
) -> CaseSummary:
    """Exposure counts only obligations in the case's currency (the portfolio compares one
    figure per case); the oldest unpaid due date gives days past due; the most recent contact
    gives the next action (none if it set no follow-up); any pending promise makes the case
    "pending", otherwise the latest promise's status stands."""
    exposure = sum((o.total for o in obligations if o.currency == currency), Decimal("0.00"))
    overdue = [o.past_due_since for o in obligations if o.past_due_since and o.total > 0]
    past_due_since = min(overdue) if overdue else None
    latest = max(contacts, key=lambda c: c.occurred_at) if contacts else None
    last_contact = latest.occurred_at if latest else None
    # Logging a contact closes the previous follow-up: only the latest one's next step stands.
    follow_up = latest if latest and latest.next_action_date is not None else None
    broken = sum(1 for p in promises if p.status is PromiseStatus.BROKEN)
    if any(p.status is PromiseStatus.PENDING for p in promises):
        promise_status: PromiseStatus | None = PromiseStatus.PENDING
    elif promises:
        promise_status = max(promises, key=lambda p: p.due_date).status
    else:
        promise_status = None
    score = priority_score(
        PriorityInputs(
            exposure_usd=exposure_in_usd(exposure, currency),
            days_past_due=days_past_due(past_due_since, as_of),
            broken_promises=broken,
            days_since_contact=(
                max(0, (as_of - last_contact.date()).days) if last_contact else None
            ),
        )
    )
    return CaseSummary(
        exposure=exposure,
        past_due_since=past_due_since,
        last_contact_at=last_contact,
        next_action=follow_up.next_action if follow_up else "",
        next_action_date=follow_up.next_action_date if follow_up else None,
        promise_status=promise_status,
        broken_promises=broken,
        priority_score=score,
        priority_as_of=as_of,
    )


def case_search_text(
    debtor_name: str,
    trade_name: str,
    tax_id: str,
    account_numbers: Sequence[str],
    case_number: str = "",
) -> str:
    """What the portfolio search matches against: accent- and case-free names, the tax id
    with and without punctuation, the account numbers and the case number. The name comes
    first: sorting by debtor orders by this text."""
    bare_tax_id = "".join(ch for ch in tax_id if ch.isalnum()).lower()
    parts = [normalize_for_search(debtor_name), normalize_for_search(trade_name)]
    parts += [tax_id.lower(), bare_tax_id, *(a.lower() for a in account_numbers)]
    parts.append(case_number.lower())
    return " | ".join(p for p in parts if p)
