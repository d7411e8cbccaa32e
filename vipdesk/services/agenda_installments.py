"""The instalments of active payment agreements that "Mi día" lists: each one not yet covered
by the payments received since the agreement was signed, falling due within a week or already
overdue.

Payments are not tied to a particular instalment: what was received in the agreement's
currency since it became active pays the instalments in order, so a partial payment leaves
the rest of its instalment due. Active agreements are few next to the cases (one per case at
most), so their schedules are rebuilt here rather than stored; when each became active and
what each case received are read in one query each for all of them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from datetime import date, datetime, timedelta
from decimal import Decimal
from itertools import accumulate
from typing import Any, NamedTuple
from uuid import UUID

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from vipdesk.core.agreements import AgreementAction, AgreementStatus
from vipdesk.core.errors import ValidationError
from vipdesk.core.schedule import ScheduleRow
from vipdesk.services.agreement_terms import schedule_of, stored_plan
from vipdesk.services.dto import AgendaItem, AgendaKind
from vipdesk.storage.models import Agreement, ApprovalEvent, Case, Debtor, Payment

# Instalments due this many days ahead are listed with the overdue ones.
WINDOW_DAYS = 7
ZERO = Decimal("0.00")


class _Active(NamedTuple):
    id: UUID
    case_id: UUID
    number: str
    currency: str
    terms: dict[str, Any]
    breakdown: dict[str, str]
    created_at: datetime
    case_number: str
    debtor_name: str


class _Received:
    """What each case received in each currency, by day: the total from any day on."""

    def __init__(self, rows: list[tuple[UUID, str, date, Decimal]]) -> None:
        days: dict[tuple[UUID, str], list[tuple[date, Decimal]]] = defaultdict(list)
        for case_id, currency, paid_on, amount in rows:
            days[(case_id, currency)].append((paid_on, amount))
        self._days: dict[tuple[UUID, str], tuple[list[date], list[Decimal]]] = {}
        for key, found in days.items():
            found.sort()
            # Totals from each day to the last, so any "since" is one lookup.
            since = list(accumulate(reversed([amount for _day, amount in found])))[::-1]
            self._days[key] = ([day for day, _amount in found], since)

    def since(self, case_id: UUID, currency: str, day: date) -> Decimal:
        found = self._days.get((case_id, currency))
        if found is None:
            return ZERO
        days, totals = found
        at = bisect_left(days, day)
        return totals[at] if at < len(totals) else ZERO


def _schedule(agreement: _Active) -> tuple[ScheduleRow, ...] | None:
    try:
        plan = stored_plan(agreement.terms, Decimal(agreement.breakdown.get("total", "0")))
        return schedule_of(plan)
    except (ValidationError, ArithmeticError):
        return None  # terms that no longer make a schedule: the Convenio tab says why


def installments_due(
    session: Session, visible: ColumnElement[bool], today: date
) -> list[AgendaItem]:
    """The unpaid instalments due up to a week from ``today`` of the visible cases' active
    agreements, the earliest first."""

    def active(*columns: Any) -> Select[Any]:
        return (
            select(*columns)
            .join(Case, Case.id == Agreement.case_id)
            .where(visible, Agreement.status == AgreementStatus.ACTIVE.value)
        )

    rows = [
        _Active(*row)
        for row in session.execute(
            active(
                Agreement.id, Agreement.case_id, Agreement.number, Agreement.currency,
                Agreement.terms, Agreement.breakdown, Agreement.created_at, Case.number,
                Debtor.name,
            ).join(Debtor, Debtor.id == Case.debtor_id)
        )
    ]  # fmt: skip
    if not rows:
        return []
    activated: dict[UUID, datetime] = {
        agreement_id: when
        for agreement_id, when in session.execute(
            select(ApprovalEvent.agreement_id, func.min(ApprovalEvent.occurred_at))
            .where(
                ApprovalEvent.action == AgreementAction.ACTIVATE.value,
                ApprovalEvent.agreement_id.in_(active(Agreement.id).scalar_subquery()),
            )
            .group_by(ApprovalEvent.agreement_id)
        )
    }
    planned: list[tuple[_Active, tuple[ScheduleRow, ...], date]] = []
    for agreement in rows:
        schedule = _schedule(agreement)
        if schedule is None:
            continue
        when = activated.get(agreement.id)
        since = when.date() if when is not None else agreement.created_at.date()
        planned.append((agreement, schedule, min([since, *(row.due_date for row in schedule)])))
    if not planned:
        return []
    received = _Received(
        [
            (case_id, currency, paid_on, amount)
            for case_id, currency, paid_on, amount in session.execute(
                select(Payment.case_id, Payment.currency, Payment.paid_on, func.sum(Payment.amount))
                .where(
                    Payment.case_id.in_(active(Agreement.case_id).scalar_subquery()),
                    Payment.paid_on >= min(start for _a, _s, start in planned),
                )
                .group_by(Payment.case_id, Payment.currency, Payment.paid_on)
            )
        ]
    )
    horizon = today + timedelta(days=WINDOW_DAYS)
    items: list[AgendaItem] = []
    for agreement, schedule, start in planned:
        left = received.since(agreement.case_id, agreement.currency, start)
        count = sum(1 for row in schedule if row.number > 0)
        for row in schedule:
            covered = min(left, row.payment)
            left -= covered
            if covered >= row.payment or row.due_date > horizon:
                continue
            items.append(
                AgendaItem(
                    AgendaKind.INSTALLMENT,
                    agreement.case_id,
                    agreement.case_number,
                    agreement.debtor_name,
                    row.due_date,
                    (today - row.due_date).days,
                    what=agreement.number,
                    amount=row.payment - covered,
                    currency=agreement.currency,
                    item_id=agreement.id,
                    installment=(row.number, count),
                )
            )
    items.sort(key=lambda item: (item.due, item.case_number, item.what))
    return items
