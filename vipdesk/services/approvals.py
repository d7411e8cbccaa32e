"""The approval of payment agreements: submitting a version, deciding on it (approve, reject,
request changes), and what follows (activate when signed, complete, break); and the queue of
versions waiting for a decision, against its SLA.

Four eyes, on every path (the GUI, the command line, a replay by sync): nobody decides on a
version they wrote, changed or submitted, whatever their level; the decider must see the case
and approve at the level the policy asked when the version was submitted. The decider's level
is read from their user record in the same transaction, never taken from the caller.

Every step is a command like any other (see services/agreements.py): an approval event on the
version's trail, an audit event, the case stamped for sync, queued when done on a cache.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any, NamedTuple
from uuid import UUID, uuid4

from sqlalchemy import select
from sqlalchemy.orm import Session

from vipdesk.core.access import scope_for
from vipdesk.core.agreements import AgreementAction, AgreementStatus, next_status
from vipdesk.core.approval import ApprovalCheck, ReasonCode, required_approver
from vipdesk.core.catalog import CaseStatus
from vipdesk.core.errors import QT_TRANSLATE_NOOP, NotAllowed, ValidationError
from vipdesk.core.schedule import FREQUENCIES, MAX_INSTALLMENTS, periods_per_year
from vipdesk.core.sla import BusinessCalendar, SlaState, order_queue, sla_state
from vipdesk.core.text import clean_text
from vipdesk.services.agreement_dto import AgreementStep, QueueItem
from vipdesk.services.agreement_records import (
    agreement_of,
    approval_check,
    approval_checks,
    breakdown_from_stored,
    clean_signatories,
    signatories_of,
    today_terms,
)
from vipdesk.services.agreement_terms import DEFAULTS, policy_terms
from vipdesk.services.agreements import flush_agreement
from vipdesk.services.approval_settings import sla_hours_in
from vipdesk.services.dto import Actor
from vipdesk.services.finance_data import policy_in
from vipdesk.services.finance_periods import finish
from vipdesk.services.guard import visible_case, workable_case
from vipdesk.services.recording import command_moment, queue_if_offline
from vipdesk.storage.models import Agreement, AppliedCommand, ApprovalEvent, Case, Debtor, User
from vipdesk.storage.portfolio import visibility
from vipdesk.storage.uow import UnitOfWork

STEP = "agreement.step"
MAX_COMMENT = 2000
A, S = AgreementAction, AgreementStatus
DECISIONS = frozenset({A.APPROVE, A.REJECT, A.REQUEST_CHANGES})
_NEED_COMMENT = frozenset({A.REJECT, A.REQUEST_CHANGES})
_COUNT = re.compile(r"[0-9]{1,6}", re.ASCII)  # as services/agreement_terms.py reads a count
# What the user may ask for: superseding is the consequence of approving a later version.
STEPS = tuple(action for action in AgreementAction if action is not A.SUPERSEDE)
# Why a decision is refused, as the user reads it (context "errors", like every refusal).
_REFUSALS = {
    ReasonCode.OWN_AGREEMENT: QT_TRANSLATE_NOOP(
        "errors", "Nobody may decide on an agreement they wrote, changed or submitted."
    ),
    ReasonCode.NOT_AN_APPROVER: QT_TRANSLATE_NOOP(
        "errors", "Your role does not approve agreements."
    ),
    ReasonCode.LEVEL_TOO_LOW: QT_TRANSLATE_NOOP(
        "errors", "This agreement needs a {required} or above; you approve as {level}."
    ),
}


def _action(text: str) -> AgreementAction:
    if text not in STEPS:
        raise ValidationError.single(
            "action", QT_TRANSLATE_NOOP("errors", "Choose a value from the list")
        )
    return AgreementAction(text)


def _refusal(check: ApprovalCheck) -> NotAllowed:
    reason = check.reason
    code = reason.code if reason is not None else ReasonCode.NOT_AN_APPROVER
    params = {k: str(v) for k, v in reason.params.items()} if reason is not None else {}
    return NotAllowed(_REFUSALS.get(code, _REFUSALS[ReasonCode.NOT_AN_APPROVER]), **params)


def _decider(session: Session, actor: Actor, row: Agreement) -> User:
    user = session.get(User, actor.id)
    if user is None:
        raise NotAllowed(_REFUSALS[ReasonCode.NOT_AN_APPROVER])
    check = approval_check(session, user, row)
    if not check:
        raise _refusal(check)
    return user


def _submit(session: Session, case: Case, row: Agreement, when: datetime, today: date) -> None:
    """Freeze the version for approval: its terms complete and valid as of when it is
    submitted, its signatories complete; the level the policy asks for is recorded."""
    problems = []
    plan = None
    try:
        _terms, plan = today_terms(row, today, complete=True)
    except ValidationError as error:
        problems += error.problems
    try:
        clean_signatories(signatories_of(row))
    except ValidationError as error:
        problems += error.problems
    if problems or plan is None:
        raise ValidationError(problems)
    pending = session.scalars(
        select(Agreement.number).where(
            Agreement.case_id == case.id,
            Agreement.status == S.PENDING.value,
            Agreement.id != row.id,
        )
    ).first()
    if pending is not None:
        raise NotAllowed(
            QT_TRANSLATE_NOOP(
                "errors", "Agreement {number} is waiting for approval: it must be decided first."
            ),
            number=pending,
        )
    decision = required_approver(policy_terms(plan, row.currency), policy_in(session))
    row.required_level = decision.level.value
    row.submitted_at = when
    row.decided_at = row.decided_by = None


def _supersede_earlier(
    session: Session, actor: Actor, row: Agreement, when: datetime
) -> list[Agreement]:
    """The series' versions in force before this one, now replaced by it."""
    earlier = session.scalars(
        select(Agreement).where(
            Agreement.series_id == row.series_id,
            Agreement.id != row.id,
            Agreement.status.in_([S.APPROVED.value, S.ACTIVE.value]),
        )
    ).all()
    for old in earlier:
        old.status = next_status(old.status, A.SUPERSEDE).value
        session.add(_event(old, A.SUPERSEDE, actor.id, when, ""))
    return list(earlier)


def _event(
    row: Agreement, action: AgreementAction, user_id: UUID, when: datetime, comment: str
) -> ApprovalEvent:
    return ApprovalEvent(
        id=uuid4(),
        case_id=row.case_id,
        agreement_id=row.id,
        action=action.value,
        user_id=user_id,
        occurred_at=when,
        comment=comment,
        required_level=row.required_level,
    )


def step_agreement(uow: UnitOfWork, actor: Actor, cmd: AgreementStep) -> str:
    """Move the version along with ``cmd.action``; return its new status. Submitting and what
    follows approval are for whoever may work the case; deciding is for an approver other than
    who wrote, changed or submitted it, at the level asked."""
    now, today = command_moment(uow, cmd)
    command_id = cmd.id or uuid4()
    action = _action(cmd.action)
    comment = clean_text(
        cmd.comment, "comment", max_length=MAX_COMMENT, required=action in _NEED_COMMENT,
        multiline=True,
    )  # fmt: skip
    with uow:
        session = uow.session
        case = visible_case(session, actor, cmd.case_id)
        row = agreement_of(session, case, cmd.agreement_id, lock=True)
        if session.get(AppliedCommand, command_id) is not None:
            return row.status
        before: dict[str, Any] = {"agreement_id": str(row.id), "status": row.status}
        status = next_status(row.status, action)
        if action in DECISIONS:
            user = _decider(session, actor, row)
            row.decided_at, row.decided_by = now, user.id
        else:
            workable_case(session, actor, case.id)
        if action is A.SUBMIT:
            _submit(session, case, row, now, today)
        row.status = status.value
        session.add(_event(row, action, actor.id, now, comment))
        superseded = _supersede_earlier(session, actor, row, now) if action is A.APPROVE else []
        if action is A.ACTIVATE:
            case.status = CaseStatus.AGREEMENT.value
        elif action is A.BREAK:
            case.status = CaseStatus.NEGOTIATING.value
        session.add(AppliedCommand(id=command_id, kind=STEP, applied_at=now))
        flush_agreement(session, case)
        after = {
            "agreement_id": str(row.id),
            "number": row.number,
            "version": row.version,
            "status": row.status,
            "required_level": row.required_level,
            "comment": comment,
            "superseded": [str(old.id) for old in superseded],
        }
        finish(uow, actor, case, now, f"agreement.{action.value}", before, after)
        queue_if_offline(uow, cmd, command_id, now)
        uow.commit()
        return row.status


def _term_months(terms: object) -> int:
    """The months the stored terms span (AgreementPlan.term_months), read from the two terms
    that set it; 0 when they do not read. Not the whole plan: a pending version's terms were
    checked in full when it was submitted and are frozen since, and reading them again with
    their schedule, row by row, would cost more than the rest of the queue together."""
    if not isinstance(terms, Mapping):
        return 0
    count, frequency = terms.get("installments"), terms.get("frequency")
    frequency = "" if frequency is None else frequency
    if not isinstance(count, str) or not isinstance(frequency, str):
        return 0
    count, frequency = count.strip(), frequency.strip() or DEFAULTS["frequency"]
    if not _COUNT.fullmatch(count) or frequency not in FREQUENCIES:
        return 0
    installments = int(count)
    if not 1 <= installments <= MAX_INSTALLMENTS:
        return 0
    return -(-installments * 12 // periods_per_year(frequency))


class _Pending(NamedTuple):
    """A version in the queue, as selected (core of QueueItem; approval_checks reads it)."""

    id: UUID
    case_id: UUID
    author_id: UUID
    required_level: str | None
    number: str
    version: int
    currency: str
    terms: dict[str, Any]
    breakdown: dict[str, str]
    submitted_at: datetime | None
    updated_at: datetime
    case_number: str
    debtor_name: str
    executive_name: str


def decision_right(
    uow: UnitOfWork, actor: Actor, case_id: UUID, agreement_id: UUID
) -> ApprovalCheck | None:
    """Whether the viewer may decide on the version ``agreement_id`` (with the reason when
    not), as their approval queue would say; None when it is not waiting for approval."""
    with uow:
        session = uow.session
        case = visible_case(session, actor, case_id)
        row = agreement_of(session, case, agreement_id)
        user = session.get(User, actor.id)
        if row.status != AgreementStatus.PENDING or user is None:
            return None
        return approval_check(session, user, row)


def approval_queue(uow: UnitOfWork, actor: Actor) -> list[QueueItem]:
    """The versions waiting for a decision on the cases the user sees (a supervisor: the
    team's; an admin: all), overdue first, then by the time left (core.sla.order_queue), each
    with whether the user may decide on it and, if not, why."""
    with uow:
        session = uow.session
        now = uow.now()
        hours, calendar = Decimal(sla_hours_in(session)), BusinessCalendar()
        viewer = session.get(User, actor.id)
        executive = User.__table__.alias("executive")
        # Columns, not Agreement rows: thousands of them for an admin, read once.
        columns = (
            Agreement.id, Agreement.case_id, Agreement.author_id, Agreement.required_level,
            Agreement.number, Agreement.version, Agreement.currency, Agreement.terms,
            Agreement.breakdown, Agreement.submitted_at, Agreement.updated_at, Case.number,
            Debtor.name,
        )  # fmt: skip
        query = (
            select(*columns, executive.c.full_name)
            .join(Case, Case.id == Agreement.case_id)
            .join(Debtor, Debtor.id == Case.debtor_id)
            .join(executive, executive.c.id == Case.executive_id)
            .where(Agreement.status == S.PENDING.value)
            .where(visibility(scope_for(actor.role), actor.id, actor.team_id))
        )
        rows = [_Pending(*row) for row in session.execute(query)]
        checks = approval_checks(session, viewer, rows) if viewer is not None else {}
        ranked: list[tuple[QueueItem, SlaState]] = []
        for row in rows:
            submitted = row.submitted_at or row.updated_at
            state = sla_state(submitted, now, hours, calendar)
            breakdown = breakdown_from_stored(row.breakdown or {})
            check = checks.get(row.id, ApprovalCheck(False))
            item = QueueItem(
                agreement_id=row.id,
                case_id=row.case_id,
                case_number=row.case_number,
                debtor_name=row.debtor_name,
                executive_name=row.executive_name,
                number=row.number,
                version=row.version,
                currency=row.currency,
                total=breakdown.total,
                to_pay=breakdown.to_pay,
                discount_pct=breakdown.discount_pct,
                term_months=_term_months(row.terms or {}),
                required_level=row.required_level or "",
                submitted_at=submitted,
                waited_hours=state.waited_hours,
                due_at=state.due_at,
                overdue=state.overdue,
                may_approve=bool(check),
                why_not=None if check or check.reason is None else check.reason,
            )
            ranked.append((item, state))
        return [item for item, _state in order_queue(ranked, key=lambda pair: pair[1])]
