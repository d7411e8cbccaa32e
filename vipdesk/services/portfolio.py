"""The portfolio a user may see: ordered ids first, rows fetched lazily by id."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement

from vipdesk.core.access import scope_for
from vipdesk.core.buckets import Bucket, bucket_for, days_past_due
from vipdesk.services.derived import refresh_cases
from vipdesk.services.dto import Actor, NextActionDue, PortfolioQuery, PortfolioRow
from vipdesk.storage import portfolio as queries
from vipdesk.storage.uow import UnitOfWork


def _visible(actor: Actor) -> ColumnElement[bool]:
    return queries.visibility(scope_for(actor.role), actor.id, actor.team_id)


def case_numbers(uow: UnitOfWork, actor: Actor, query: PortfolioQuery) -> list[str]:
    """The numbers of every case the user may see, filtered and in display order."""
    filters = queries.Filters(
        # Bucket(...) and NextActionDue(...) also accept (and check) plain strings.
        buckets=[Bucket(b).value for b in query.buckets],
        statuses=list(query.statuses),
        currencies=list(query.currencies),
        segments=list(query.segments),
        next_action=NextActionDue(query.next_action).value if query.next_action else None,
        promise_due_this_week=query.promise_due_this_week,
    )
    with uow:
        return queries.case_numbers(
            uow.session,
            _visible(actor),
            search=query.search,
            sort=query.sort.value,
            descending=query.descending,
            filters=filters,
            today=uow.today(),
        )


def rows(uow: UnitOfWork, actor: Actor, numbers: Sequence[str]) -> list[PortfolioRow]:
    """Rows for those case numbers, in that order; cases the user may not see are left out."""
    with uow:
        today = uow.today()
        result = []
        for case, debtor_name, segment, executive_name in queries.rows(
            uow.session, _visible(actor), numbers
        ):
            dpd = days_past_due(case.past_due_since, today)
            result.append(
                PortfolioRow(
                    case_id=case.id,
                    case_number=case.number,
                    debtor_name=debtor_name,
                    segment=segment,
                    currency=case.currency,
                    exposure=case.exposure,
                    days_past_due=dpd,
                    bucket=bucket_for(dpd),
                    last_contact_at=case.last_contact_at,
                    next_action_date=case.next_action_date,
                    next_action=case.next_action,
                    promise_status=case.promise_status,
                    priority=case.priority_score,
                    executive_name=executive_name,
                    status=case.status,
                )
            )
        return result


def refresh_stale(uow: UnitOfWork, actor: Actor) -> int:
    """Recompute the figures that move with the calendar for cases last computed before
    today. Returns how many cases changed."""
    with uow:
        today = uow.today()
        stale = queries.stale_case_ids(uow.session, _visible(actor), today)
        refresh_cases(uow.session, stale, today)
        uow.commit()
        return len(stale)
