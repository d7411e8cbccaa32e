"""Importing several periods of statements at once (a spreadsheet's columns): each checked
like a single period (services/finance_periods.py), all or nothing, every problem named by its
period's label and field ("2024.ebitda"). A period ending on the same day as one of the case's
replaces it without asking: the user chose to load the file over them.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy import select

from vipdesk.core.errors import QT_TRANSLATE_NOOP, Problem, ValidationError
from vipdesk.core.text import clean_text
from vipdesk.services.dto import Actor
from vipdesk.services.finance_dto import ImportPeriods, PeriodDraft
from vipdesk.services.finance_periods import (
    MAX_LABEL,
    CleanPeriod,
    check_period,
    dup_problem,
    finish,
    flush_or_conflict,
    snapshot,
    store,
)
from vipdesk.services.guard import workable_case
from vipdesk.services.recording import command_moment, queue_if_offline
from vipdesk.storage.models import AppliedCommand, FinancialPeriod
from vipdesk.storage.uow import UnitOfWork

IMPORT = "finance.periods.import"
MAX_IMPORT = 24  # periods in one import


def _prefixed(prefix: str, error: ValidationError) -> list[Problem]:
    return [Problem(f"{prefix}.{p.field}", p.template, p.params) for p in error.problems]


def _check_drafts(
    segment: str, drafts: tuple[PeriodDraft, ...], today: date
) -> list[tuple[PeriodDraft, CleanPeriod]]:
    """Every draft cleaned, or one ValidationError with every problem, each field prefixed
    by its period's label ("2024.ebitda"; "#2" when the label itself is unusable)."""
    if not isinstance(drafts, tuple | list) or not drafts or len(drafts) > MAX_IMPORT:
        raise ValidationError.single(
            "periods",
            QT_TRANSLATE_NOOP("errors", "Import between 1 and {maximum} periods"),
            maximum=MAX_IMPORT,
        )
    problems: list[Problem] = []
    cleaned: list[tuple[PeriodDraft, CleanPeriod]] = []
    ends: set[date] = set()
    for index, draft in enumerate(drafts, start=1):
        try:
            prefix = clean_text(draft.label, "label", max_length=MAX_LABEL)
        except ValidationError:
            prefix = f"#{index}"
        try:
            clean = check_period(
                segment,
                draft.label,
                draft.period_end,
                draft.months,
                draft.figures,
                draft.income,
                today=today,
            )
        except ValidationError as error:
            problems.extend(_prefixed(prefix, error))
            continue
        if clean.period_end in ends:
            problems.append(dup_problem(f"{prefix}.period_end", clean.period_end))
        ends.add(clean.period_end)
        cleaned.append((draft, clean))
    if problems:
        raise ValidationError(problems)
    return cleaned


def import_periods(uow: UnitOfWork, actor: Actor, cmd: ImportPeriods) -> list[UUID]:
    """Add the periods, or replace those of the case ending on the same days; all or nothing.
    Returns the ids of the periods written, in the order given."""
    now, today = command_moment(uow, cmd)
    command_id = cmd.id or uuid4()
    with uow:
        session = uow.session
        case = workable_case(session, actor, cmd.case_id)
        cleaned = _check_drafts(case.debtor.segment, cmd.periods, today)
        if session.get(AppliedCommand, command_id) is not None:
            return [d.period_id for d in cmd.periods]
        existing = {
            p.period_end: p
            for p in session.scalars(
                select(FinancialPeriod).where(FinancialPeriod.case_id == case.id)
            )
        }
        written: list[UUID] = []
        replaced: list[dict[str, Any]] = []
        for draft, clean in cleaned:
            period = existing.get(clean.period_end)
            if period is None:
                taken = session.get(FinancialPeriod, draft.period_id)
                # An id already used (by another period or case): this one gets a new one.
                period = FinancialPeriod(
                    id=draft.period_id if taken is None else uuid4(), case_id=case.id
                )
                session.add(period)
            else:
                replaced.append(snapshot(period))
            store(period, clean)
            written.append(period.id)
        session.add(AppliedCommand(id=command_id, kind=IMPORT, applied_at=now))
        flush_or_conflict(session, case)
        after = {"periods": [str(i) for i in written], "ends": [c.period_end for _d, c in cleaned]}
        finish(
            uow,
            actor,
            case,
            now,
            "finance.periods_imported",
            {"replaced": replaced} if replaced else None,
            after,
        )
        queue_if_offline(uow, cmd, command_id, now)
        uow.commit()
        return written
