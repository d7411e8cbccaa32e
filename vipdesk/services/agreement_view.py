"""An agreement version as the GUI sees it (services/agreement_dto.AgreementInfo): its terms,
the schedule and breakdown they give, the approver the policy asks, the approval trail, and
whether the user may edit it; and what an edit compares to detect someone else's change."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.orm import Session

from vipdesk.core.access import can_work_case
from vipdesk.core.agreements import is_editable
from vipdesk.core.approval import Reason, required_approver
from vipdesk.core.errors import ValidationError
from vipdesk.services.agreement_dto import AgreementInfo, ApprovalStep
from vipdesk.services.agreement_records import (
    breakdown_from_stored,
    signatories_of,
    signatories_text,
)
from vipdesk.services.agreement_terms import AgreementPlan, policy_terms, schedule_of, stored_plan
from vipdesk.services.dto import Actor
from vipdesk.services.finance_data import policy_in
from vipdesk.storage.models import Agreement, ApprovalEvent, Case, User


def agreement_seen(info: AgreementInfo) -> dict[str, str]:
    """An agreement as the user sees it, flat and as text: what ``AgreementSave.seen`` takes,
    and the fields compared when an edit conflicts (notes, each term by name, signatories)."""
    return {
        "notes": info.notes,
        **dict(info.terms),
        "signatories": signatories_text(info.signatories),
    }


def may_work(actor: Actor, case: Case) -> bool:
    return can_work_case(
        actor.role, actor.id, actor.team_id,
        case_executive_id=case.executive_id, case_team_id=case.team_id,
    )  # fmt: skip


def _names(session: Session, ids: set[UUID | None]) -> dict[UUID, str]:
    wanted = sorted((i for i in ids if i is not None), key=str)
    if not wanted:
        return {}
    query = select(User.id, User.full_name).where(User.id.in_(wanted))
    return {user_id: name for user_id, name in session.execute(query)}


def _steps(session: Session, agreement_id: UUID) -> tuple[ApprovalStep, ...]:
    query = (
        select(ApprovalEvent, User.full_name)
        .join(User, User.id == ApprovalEvent.user_id)
        .where(ApprovalEvent.agreement_id == agreement_id)
        .order_by(ApprovalEvent.occurred_at, ApprovalEvent.created_at)
    )
    return tuple(
        ApprovalStep(e.action, name, e.occurred_at, e.comment, e.required_level)
        for e, name in session.execute(query)
    )


def agreement_info(
    session: Session,
    actor: Actor,
    case: Case,
    row: Agreement,
    *,
    typed: tuple[dict[str, str], AgreementPlan] | None = None,
) -> AgreementInfo:
    """``row`` as the GUI shows it; ``typed``: cleaned terms shown instead of the stored ones
    (the form's preview). The approver the policy asks is worked out for the terms as they
    are while the version can be edited, and is the one recorded at submission after."""
    terms: dict[str, str] = {str(k): str(v) for k, v in (row.terms or {}).items()}
    breakdown = breakdown_from_stored(row.breakdown or {})
    plan: AgreementPlan | None = None
    if typed is not None:
        terms, plan = typed
    else:
        try:
            plan = stored_plan(terms, breakdown.total)
        except ValidationError:
            plan = None  # nothing to show but the terms themselves, for the user to fix
    schedule = schedule_of(plan) if plan is not None else ()
    if plan is not None:
        breakdown = breakdown_from_stored(row.breakdown or {}, plan.discount)
    level = row.required_level
    reasons: tuple[Reason, ...] = ()
    if plan is not None:
        decision = required_approver(policy_terms(plan, row.currency), policy_in(session))
        if is_editable(row.status) or decision.level == level:
            level, reasons = decision.level.value, tuple(decision.reasons)
    names = _names(session, {row.author_id, row.decided_by})
    return AgreementInfo(
        id=row.id,
        series_id=row.series_id,
        version=row.version,
        number=row.number,
        case_id=case.id,
        case_number=case.number,
        status=row.status,
        currency=row.currency,
        scenario_id=row.scenario_id,
        scenario_name=row.scenario_name,
        terms=terms,
        breakdown=breakdown,
        schedule=schedule,
        signatories=signatories_of(row),
        required_level=level,
        required_reasons=reasons,
        author_id=row.author_id,
        author_name=names.get(row.author_id, ""),
        submitted_at=row.submitted_at,
        decided_at=row.decided_at,
        decided_by_name=names.get(row.decided_by, "") if row.decided_by else "",
        notes=row.notes,
        updated_at=row.updated_at,
        steps=_steps(session, row.id),
        editable=is_editable(row.status) and may_work(actor, case),
    )


def snapshot(row: Agreement) -> dict[str, Any]:
    """What the audit trail keeps of a version."""
    return {
        "agreement_id": str(row.id),
        "number": row.number,
        "version": row.version,
        "status": row.status,
        "terms": dict(row.terms or {}),
        "signatories": list(row.signatories or []),
        "notes": row.notes,
    }
