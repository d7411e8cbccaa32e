"""'Mi día': what the user's visible cases need today.

Follow-ups whose date has come (the case's denormalised ``next_action_date``, read through its
``(next_action_date, number)`` index) and pending promises to pay falling due within a week
either side of today (``promise.due_date`` is indexed); then the unpaid instalments of active
agreements due within a week (services/agenda_installments.py). The first two are range scans
on an index, so the agenda stays quick on 100,000 cases; the visibility filter is the
portfolio's.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import and_, select

from vipdesk.core.access import scope_for
from vipdesk.core.catalog import CaseStatus, PromiseStatus
from vipdesk.services.agenda_installments import installments_due
from vipdesk.services.dto import Actor, Agenda, AgendaItem, AgendaKind
from vipdesk.storage import portfolio as queries
from vipdesk.storage.models import Case, Debtor, Promise
from vipdesk.storage.uow import UnitOfWork

# Promises due this many days before or after today are "falling due".
PROMISE_WINDOW_DAYS = 7


def _late(due: date, today: date) -> int:
    return (today - due).days


def my_day(uow: UnitOfWork, actor: Actor) -> Agenda:
    """Follow-ups due today or earlier (the oldest first), then promises falling due, then
    agreements' instalments (each the earliest first). Closed cases need nothing and are left
    out."""
    with uow:
        session = uow.session
        today = uow.today()
        visible = queries.visibility(scope_for(actor.role), actor.id, actor.team_id)
        open_case = Case.status != CaseStatus.CLOSED.value
        follow_ups = session.execute(
            select(Case.id, Case.number, Debtor.name, Case.next_action, Case.next_action_date)
            .join(Debtor, Debtor.id == Case.debtor_id)
            .where(visible, open_case, Case.next_action_date <= today)
            .order_by(Case.next_action_date, Case.number)
        ).all()
        window = timedelta(days=PROMISE_WINDOW_DAYS)
        promises = session.execute(
            # Columns, not the Promise entity: thousands of rows for a supervisor, and no ORM
            # identity bookkeeping needed for a read-only list.
            select(
                Promise.id,
                Promise.case_id,
                Promise.amount,
                Promise.currency,
                Promise.due_date,
                Case.number,
                Debtor.name,
            )
            .join(Case, Case.id == Promise.case_id)
            .join(Debtor, Debtor.id == Case.debtor_id)
            .where(
                visible,
                open_case,
                Promise.status == PromiseStatus.PENDING.value,
                Promise.due_date.between(today - window, today + window),
            )
            .order_by(Promise.due_date, Case.number, Promise.id)
        ).all()
        items = [
            AgendaItem(
                AgendaKind.FOLLOW_UP, case_id, number, debtor, due, _late(due, today), what=action
            )
            for case_id, number, debtor, action, due in follow_ups
            if due is not None  # never: the filter needs a date; says so to the type checker
        ]
        items += [
            AgendaItem(
                AgendaKind.PROMISE,
                case_id,
                number,
                debtor,
                due,
                _late(due, today),
                amount=amount,
                currency=currency,
                item_id=promise_id,
            )
            for promise_id, case_id, amount, currency, due, number, debtor in promises
        ]
        items += installments_due(session, and_(visible, open_case), today)
        return Agenda(today, tuple(items))
