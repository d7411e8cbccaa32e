"""A debtor's statements on a case: add, change and remove a period, or import several at once.

Like every edit (see services/related_parties.py): validated first, every problem at once and
named by its field (a figure's problem by the figure's name, "ebitda"); authorised on the case
(the assigned executive or the team's supervisor); audited; applied once by its id; queued when
done on a local cache; an edit based on values someone else changed meanwhile is refused as a
conflict. Importing several periods at once: services/finance_import.py.

Figures are typed amounts (core.money.parse_amount rules: "1,250.00", an optional symbol and
minus); negatives and zero are accepted, since losses and empty accounts are real. "" is "not
entered", never zero.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from vipdesk.core.catalog import Segment
from vipdesk.core.errors import QT_TRANSLATE_NOOP, Conflict, NotFound, Problem, ValidationError
from vipdesk.core.money import parse_amount
from vipdesk.core.text import clean_text
from vipdesk.core.validation import check_date_in_range, check_int_range, collect
from vipdesk.services.dto import Actor
from vipdesk.services.finance_data import INCOME_PREFIX, period_info, period_seen, segment_fields
from vipdesk.services.finance_dto import (
    PeriodInfo,
    PeriodRemoval,
    PeriodSave,
    ScenarioRemoval,
)
from vipdesk.services.guard import visible_case, workable_case
from vipdesk.services.recording import command_moment, queue_if_offline
from vipdesk.storage import audit_log, changes
from vipdesk.storage.models import AppliedCommand, Case, FinancialPeriod
from vipdesk.storage.uow import UnitOfWork

SAVE = "finance.period.save"
REMOVE = "finance.period.remove"
MAX_LABEL = 60  # the column's size
MAX_MONTHS = 24
MAX_SOURCE = 60  # an income source's name
MAX_SOURCES = 20
EARLIEST_END = date(1990, 1, 1)
_UNKNOWN_FIGURE = QT_TRANSLATE_NOOP(
    "errors", "This figure does not belong to this debtor's statements"
)


@dataclass(frozen=True)
class CleanPeriod:
    label: str
    period_end: date
    months: int
    figures: dict[str, str]  # entered figures only, as decimal text ("-1250.00")
    income: dict[str, str]


def _figure(text: object, field: str) -> str | None:
    if isinstance(text, str) and not text.strip():
        return None
    amount = parse_amount(text, field, allow_zero=True, allow_negative=True)  # type: ignore[arg-type]
    return format(amount, "f")


def check_period(
    segment: str,
    label: str,
    period_end: date,
    months: int,
    figures: Mapping[str, str],
    income: Mapping[str, str],
    *,
    today: date,
) -> CleanPeriod:
    """The cleaned period of a debtor of ``segment``, or one ValidationError naming every
    invalid field. Pure: a form calls it as the user types, the use case before storing."""
    known = set(segment_fields(segment))
    values: dict[str, Any] = {}
    clean_figures: dict[str, str] = {}
    clean_income: dict[str, str] = {}

    def figure_checks() -> None:
        problems: list[Problem] = []
        if not isinstance(figures, Mapping):
            raise ValidationError.single("figures", _UNKNOWN_FIGURE)
        for name, text in figures.items():
            if name not in known:
                problems.append(Problem(str(name), _UNKNOWN_FIGURE))
                continue
            try:
                value = _figure(text, name)
            except ValidationError as error:
                problems.extend(error.problems)
            else:
                if value is not None:
                    clean_figures[name] = value
        if problems:
            raise ValidationError(problems)

    def income_checks() -> None:
        if not isinstance(income, Mapping):
            raise ValidationError.single("income", _UNKNOWN_FIGURE)
        if segment == Segment.COMPANY:
            if any(isinstance(t, str) and t.strip() for t in income.values()):
                raise ValidationError.single(
                    "income",
                    QT_TRANSLATE_NOOP(
                        "errors", "A company's income goes in its income statement (revenue)"
                    ),
                )
            return
        if len(income) > MAX_SOURCES:
            raise ValidationError.single(
                "income",
                QT_TRANSLATE_NOOP("errors", "At most {maximum} sources of income"),
                maximum=MAX_SOURCES,
            )
        problems: list[Problem] = []
        for source, text in income.items():
            field = f"{INCOME_PREFIX}{source}"
            try:
                name = clean_text(source, field, max_length=MAX_SOURCE)
                value = _figure(text, field)
            except ValidationError as error:
                problems.extend(error.problems)
                continue
            if value is None:
                continue
            if name in clean_income:
                problems.append(
                    Problem(
                        field, QT_TRANSLATE_NOOP("errors", "This source of income is listed twice")
                    )
                )
            clean_income[name] = value
        if problems:
            raise ValidationError(problems)

    collect(
        lambda: values.__setitem__("label", clean_text(label, "label", max_length=MAX_LABEL)),
        lambda: check_date_in_range(
            period_end, "period_end", earliest=EARLIEST_END, latest=today + timedelta(days=366)
        ),
        lambda: check_int_range(months, "months", minimum=1, maximum=MAX_MONTHS),
        figure_checks,
        income_checks,
    )
    return CleanPeriod(values["label"], period_end, months, clean_figures, clean_income)


def _seen_of(row: FinancialPeriod, segment: str) -> dict[str, str]:
    return period_seen(period_info(row, segment))


def _same(a: Mapping[str, str], b: Mapping[str, str]) -> bool:
    """Equal once "not entered" is read the same whether it is "" or left out."""
    return {k: v for k, v in a.items() if v != ""} == {k: v for k, v in b.items() if v != ""}


def _period_of(session: Session, case: Case, period_id: UUID) -> FinancialPeriod:
    period = session.get(FinancialPeriod, period_id)
    if period is None or period.case_id != case.id:
        raise NotFound(
            QT_TRANSLATE_NOOP(
                "errors", "This period of the statements of case {case} no longer exists."
            ),
            case=case.number,
        )
    return period


def period_of(uow: UnitOfWork, actor: Actor, case_id: UUID, period_id: UUID) -> PeriodInfo:
    """One period of the case's statements (NotFound when it no longer exists)."""
    with uow:
        case = visible_case(uow.session, actor, case_id)
        return period_info(_period_of(uow.session, case, period_id), case.debtor.segment)


def _duplicate_end(session: Session, case: Case, period_end: date, other_than: UUID) -> bool:
    query = select(FinancialPeriod.id).where(
        FinancialPeriod.case_id == case.id,
        FinancialPeriod.period_end == period_end,
        FinancialPeriod.id != other_than,
    )
    return session.scalars(query).first() is not None


def dup_problem(field: str, period_end: date) -> Problem:
    return Problem(
        field,
        QT_TRANSLATE_NOOP("errors", "Another period of this case ends on {date}"),
        {"date": period_end.isoformat()},
    )


def store(period: FinancialPeriod, clean: CleanPeriod) -> None:
    period.label, period.period_end, period.months = clean.label, clean.period_end, clean.months
    period.figures, period.income = dict(clean.figures), dict(clean.income)


def flush_or_conflict(session: Session, case: Case) -> None:
    """Flush; a unique key taken meanwhile by a concurrent writer (the same period end, a
    case's first assumptions) is a conflict to settle, not a crash."""
    try:
        session.flush()
    except IntegrityError as error:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "errors", "The analysis of case {case} was changed by someone else meanwhile."
            ),
            case=case.number,
        ) from error


def finish(
    uow: UnitOfWork,
    actor: Actor,
    case: Case,
    when: datetime,
    action: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    """Audit a change of the case's analysis (the event is about the case: a cache forgetting
    the case forgets it too) and stamp the case so every sync pulls it."""
    audit_log.record(
        uow.session,
        when=when,
        user_id=actor.id,
        username=actor.username,
        action=action,
        entity="case",
        entity_id=case.id,
        before=before,
        after=after,
    )
    changes.touch_cases(uow.session, [case.id])


def snapshot(row: FinancialPeriod) -> dict[str, Any]:
    return {
        "period_id": str(row.id),
        "label": row.label,
        "period_end": row.period_end,
        "months": row.months,
        "figures": dict(row.figures),
        "income": dict(row.income),
    }


def save_period(uow: UnitOfWork, actor: Actor, cmd: PeriodSave) -> UUID:
    """Add or change the period ``cmd.period_id``; return its id."""
    now, today = command_moment(uow, cmd)
    command_id = cmd.id or uuid4()
    with uow:
        session = uow.session
        case = workable_case(session, actor, cmd.case_id)
        segment = case.debtor.segment
        clean = check_period(
            segment, cmd.label, cmd.period_end, cmd.months, cmd.figures, cmd.income, today=today
        )
        if session.get(AppliedCommand, command_id) is not None:
            return cmd.period_id  # a replay of a change already applied
        period = session.get(FinancialPeriod, cmd.period_id)
        if period is not None and period.case_id != case.id:
            raise NotFound(
                QT_TRANSLATE_NOOP("errors", "Case not found: {case}"), case=str(cmd.case_id)
            )
        if period is None and cmd.seen is not None:
            _period_of(session, case, cmd.period_id)  # removed meanwhile: say so
        if period is not None and (
            cmd.seen is None or not _same(_seen_of(period, segment), cmd.seen)
        ):
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "A period of the statements of case {case} was "
                    "changed by someone else meanwhile.",
                ),
                theirs=_seen_of(period, segment),
                case=case.number,
            )
        if _duplicate_end(session, case, clean.period_end, cmd.period_id):
            raise ValidationError([dup_problem("period_end", clean.period_end)])
        before = snapshot(period) if period is not None else None
        if period is None:
            period = FinancialPeriod(id=cmd.period_id, case_id=case.id)
            session.add(period)
        store(period, clean)
        session.add(AppliedCommand(id=command_id, kind=SAVE, applied_at=now))
        flush_or_conflict(session, case)  # the ORM's version check, and unique period ends
        finish(uow, actor, case, now, "finance.period_saved", before, snapshot(period))
        queue_if_offline(uow, cmd, command_id, now)
        uow.commit()
        return period.id


def remove_case_record(
    uow: UnitOfWork,
    actor: Actor,
    cmd: PeriodRemoval | ScenarioRemoval,
    *,
    model: type[Any],
    record_id: UUID,
    kind: str,
    action: str,
    snapshot_of: Callable[[Any], dict[str, Any]],
    owned: Callable[[Session, Case, UUID], object],
) -> None:
    """Remove a record of the case's analysis (a period, a scenario); one already gone
    (removed by someone else) changes nothing. ``owned`` raises NotFound for another case's."""
    now, _today = command_moment(uow, cmd)
    command_id = cmd.id or uuid4()
    with uow:
        session = uow.session
        case = workable_case(session, actor, cmd.case_id)
        if session.get(AppliedCommand, command_id) is not None:
            return
        record = session.get(model, record_id)
        if record is None:
            return  # what the user wanted is already so
        owned(session, case, record_id)
        before = snapshot_of(record)
        session.delete(record)
        session.add(AppliedCommand(id=command_id, kind=kind, applied_at=now))
        session.flush()
        finish(uow, actor, case, now, action, before, None)
        queue_if_offline(uow, cmd, command_id, now)
        uow.commit()


def remove_period(uow: UnitOfWork, actor: Actor, cmd: PeriodRemoval) -> None:
    """Remove the period; removing one already gone (by someone else) changes nothing."""
    remove_case_record(
        uow, actor, cmd, model=FinancialPeriod, record_id=cmd.period_id, kind=REMOVE,
        action="finance.period_removed", snapshot_of=snapshot, owned=_period_of,
    )  # fmt: skip
