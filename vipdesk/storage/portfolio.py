"""Portfolio queries: visibility, search, filters and ordering done in SQL on indexed columns.

Search: on SQLite through the FTS5 index (see ``search_index``: each word typed is a prefix of
a word of the case's search text); on PostgreSQL ``LIKE`` on the same normalised text (each
word typed anywhere in it).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, Row, and_, false, literal_column, or_, select, text, true
from sqlalchemy.orm import Session

from vipdesk.core.access import CaseScope
from vipdesk.core.buckets import Bucket, bucket_bounds
from vipdesk.core.catalog import CaseStatus, PromiseStatus
from vipdesk.core.text import normalize_for_search
from vipdesk.storage import search_index
from vipdesk.storage.models import Case, Debtor, LegalHandoff, Promise, User

# Ascending expressions per sort key; "days past due" grows as past_due_since shrinks.
_SORTS: dict[str, tuple[Any, bool]] = {
    "priority": (Case.priority_score, False),
    "case_number": (Case.number, False),
    "debtor": (Case.search_text, False),
    "segment": (Debtor.segment, False),
    "currency": (Case.currency, False),
    "exposure": (Case.exposure, False),
    "days_past_due": (Case.past_due_since, True),
    "bucket": (Case.past_due_since, True),
    "last_contact": (Case.last_contact_at, False),
    "next_action": (Case.next_action_date, False),
    "promise_status": (Case.promise_status, False),
    "executive": (User.full_name, False),
    "status": (Case.status, False),
}
SORT_KEYS = frozenset(_SORTS)


def visibility(scope: CaseScope, user_id: UUID, team_id: UUID | None) -> ColumnElement[bool]:
    if scope is CaseScope.ALL:
        return true()
    if scope is CaseScope.OWN:
        return Case.executive_id == user_id
    if scope is CaseScope.TEAM:
        return Case.team_id == team_id if team_id is not None else false()
    # Legal sees the cases escalated to it and those it was sent a document of.
    handed = select(LegalHandoff.case_id).scalar_subquery()
    return or_(Case.status == CaseStatus.LEGAL.value, Case.id.in_(handed))


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_clause(search: str, dialect: str = "postgresql") -> ColumnElement[bool]:
    """Every word typed must appear in the case's search text (SQLite: begin one of its
    words, through the index). Words with no letter or digit (a lone "-", "*", an emoji) are
    left out on both databases, since the index cannot see them; if nothing else was typed,
    nothing matches."""
    typed = normalize_for_search(search).split()
    if not typed:
        return true()
    words = search_index.searchable(typed)
    if not words:
        return false()
    if dialect == "sqlite":
        # The index's rowids are case_file's rowids; the expression is a bound parameter.
        matches = text(
            f"SELECT rowid FROM {search_index.TABLE} WHERE {search_index.TABLE} MATCH :terms"
        ).bindparams(terms=search_index.match_expression(words))
        return literal_column("case_file.rowid").in_(matches)
    return and_(*(Case.search_text.like(f"%{_escape_like(word)}%", escape="\\") for word in words))


class NextActionDue:
    """Values of ``Filters.next_action`` (the service's enum carries the same strings)."""

    TODAY = "today"
    OVERDUE = "overdue"
    TODAY_OR_OVERDUE = "today_or_overdue"


@dataclass(frozen=True)
class Filters:
    """Empty collections and None mean "any"; values within one filter are alternatives."""

    buckets: Collection[str] = ()
    statuses: Collection[str] = ()
    currencies: Collection[str] = ()
    segments: Collection[str] = ()
    next_action: str | None = None
    promise_due_this_week: bool = False


def _bucket_clause(bucket: str, today: date) -> ColumnElement[bool]:
    # days past due = today - past_due_since, 0 when none or in the future (core.buckets).
    low, high = bucket_bounds(Bucket(bucket))
    since = Case.past_due_since
    upper = true() if high is None else since >= today - timedelta(days=high)
    if low == 0:
        return or_(since.is_(None), upper)
    return and_(since <= today - timedelta(days=low), upper)


def filter_clauses(filters: Filters, today: date) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = []
    if filters.buckets:
        clauses.append(or_(*(_bucket_clause(b, today) for b in filters.buckets)))
    if filters.statuses:
        clauses.append(Case.status.in_(list(filters.statuses)))
    if filters.currencies:
        clauses.append(Case.currency.in_(list(filters.currencies)))
    if filters.segments:
        debtors = select(Debtor.id).where(Debtor.segment.in_(list(filters.segments)))
        clauses.append(Case.debtor_id.in_(debtors))
    due = Case.next_action_date
    if filters.next_action == NextActionDue.TODAY:
        clauses.append(due == today)
    elif filters.next_action == NextActionDue.OVERDUE:
        clauses.append(due < today)
    elif filters.next_action == NextActionDue.TODAY_OR_OVERDUE:
        clauses.append(due <= today)
    elif filters.next_action is not None:
        raise ValueError(f"unknown next-action filter: {filters.next_action!r}")
    if filters.promise_due_this_week:
        # Monday to Sunday of the current week; a promise still open (pending) falls due then.
        monday = today - timedelta(days=today.weekday())
        promised = select(Promise.case_id).where(
            Promise.status == PromiseStatus.PENDING.value,
            Promise.due_date.between(monday, monday + timedelta(days=6)),
        )
        clauses.append(Case.id.in_(promised))
    return clauses


def case_numbers(
    session: Session,
    visible: ColumnElement[bool],
    *,
    search: str,
    sort: str,
    descending: bool,
    filters: Filters = Filters(),
    today: date | None = None,
) -> list[str]:
    """Case numbers in display order. Numbers, not UUIDs: they are unique and short, and the
    indexes on (sort column, number) answer the whole query without touching the table, which
    keeps 100,000 cases well under a frame budget of a few hundred milliseconds."""
    column, inverted = _SORTS[sort]
    ascending = descending == inverted
    order = column.asc() if ascending else column.desc()
    if inverted:
        # No past-due date means 0 days: it belongs with the smallest values.
        order = order.nulls_first() if not ascending else order.nulls_last()
    else:
        # Blanks (never contacted, no follow-up) sort last in either direction.
        order = order.nulls_last()
    tie = Case.number.asc() if ascending else Case.number.desc()
    dialect = session.get_bind().dialect.name
    query = select(Case.number).where(visible, search_clause(search, dialect))
    if today is not None:
        query = query.where(*filter_clauses(filters, today))
    elif filters != Filters():
        raise ValueError("filters need today's date")
    if sort == "segment":
        query = query.join(Debtor, Debtor.id == Case.debtor_id)
    elif sort == "executive":
        query = query.join(User, User.id == Case.executive_id)
    return list(session.scalars(query.order_by(order, tie)))


def rows(
    session: Session, visible: ColumnElement[bool], numbers: Sequence[str]
) -> list[Row[Case, str, str, str]]:
    if not numbers:
        return []
    query = (
        select(Case, Debtor.name, Debtor.segment, User.full_name)
        .join(Debtor, Debtor.id == Case.debtor_id)
        .join(User, User.id == Case.executive_id)
        .where(visible, Case.number.in_(list(numbers)))
    )
    found = {row[0].number: row for row in session.execute(query)}
    return [found[n] for n in numbers if n in found]


def stale_case_ids(session: Session, visible: ColumnElement[bool], as_of: Any) -> list[UUID]:
    return list(session.scalars(select(Case.id).where(visible, Case.priority_as_of < as_of)))
