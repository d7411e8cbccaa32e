"""Reading one case with everything the workspace shows."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import select

from vipdesk.core.buckets import bucket_for, days_past_due
from vipdesk.services import dto
from vipdesk.services.guard import visible_case
from vipdesk.storage.models import Interaction, Obligation, Payment, Promise, User
from vipdesk.storage.uow import UnitOfWork


def case_detail(uow: UnitOfWork, actor: dto.Actor, case_id: UUID) -> dto.CaseDetail:
    with uow:
        session = uow.session
        today = uow.today()
        case = visible_case(session, actor, case_id)
        debtor = case.debtor
        dpd = days_past_due(case.past_due_since, today)
        obligations = session.scalars(
            select(Obligation)
            .where(Obligation.case_id == case.id)
            .order_by(Obligation.account_number)
        ).all()
        accounts = {o.id: o.account_number for o in obligations}
        interactions = session.execute(
            select(Interaction, User.full_name)
            .join(User, User.id == Interaction.user_id)
            .where(Interaction.case_id == case.id)
            .order_by(Interaction.occurred_at.desc())
        ).all()
        promises = session.scalars(
            select(Promise).where(Promise.case_id == case.id).order_by(Promise.due_date.desc())
        ).all()
        payments = session.scalars(
            select(Payment).where(Payment.case_id == case.id).order_by(Payment.paid_on.desc())
        ).all()
        return dto.CaseDetail(
            id=case.id,
            row_version=case.row_version,
            number=case.number,
            status=case.status,
            debtor_id=debtor.id,
            debtor_name=debtor.name,
            segment=debtor.segment,
            country=debtor.country,
            tax_id=debtor.tax_id,
            id_document=debtor.id_document,
            risk_rating=debtor.risk_rating,
            executive_name=case.executive.full_name,
            team_name=case.team.name,
            currency=case.currency,
            exposure=case.exposure,
            days_past_due=dpd,
            bucket=bucket_for(dpd),
            priority=case.priority_score,
            next_action=case.next_action,
            next_action_date=case.next_action_date,
            last_contact_at=case.last_contact_at,
            contacts=tuple(
                dto.ContactInfo(c.id, c.kind, c.label, c.value, c.preferred, c.best_hours)
                for c in debtor.contacts
            ),
            related_parties=tuple(
                dto.RelatedPartyInfo(
                    r.id, r.role, r.name, r.capacity, r.tax_id, r.id_document, r.phone, r.email
                )
                for r in debtor.related_parties
            ),
            obligations=tuple(
                dto.ObligationInfo(
                    id=o.id,
                    account_number=o.account_number,
                    contract_number=o.contract_number,
                    product=o.product,
                    currency=o.currency,
                    annual_rate=o.annual_rate,
                    original_principal=o.original_principal,
                    principal=o.principal,
                    ordinary_interest=o.ordinary_interest,
                    default_interest=o.default_interest,
                    fees=o.fees,
                    total=o.total,
                    days_past_due=days_past_due(o.past_due_since, today),
                    collateral_kind=o.collateral_kind,
                    collateral_description=o.collateral_description,
                    collateral_value=o.collateral_value,
                )
                for o in obligations
            ),
            interactions=tuple(
                dto.InteractionInfo(
                    id=i.id,
                    occurred_at=i.occurred_at,
                    user_name=name,
                    channel=i.channel,
                    direction=i.direction,
                    contact_name=i.contact_name,
                    outcome=i.outcome,
                    notes=i.notes,
                    duration_minutes=i.duration_minutes,
                    next_action=i.next_action,
                    next_action_date=i.next_action_date,
                )
                for i, name in interactions
            ),
            promises=tuple(
                dto.PromiseInfo(
                    p.id,
                    p.amount,
                    p.currency,
                    p.promised_on,
                    p.due_date,
                    p.status,
                    p.applied_amount,
                )
                for p in promises
            ),
            payments=tuple(
                dto.PaymentInfo(
                    id=p.id,
                    obligation_account=accounts.get(p.obligation_id, ""),
                    amount=p.amount,
                    currency=p.currency,
                    paid_on=p.paid_on,
                    reference=p.reference,
                    method=p.method,
                    applied_fees=p.applied_fees,
                    applied_default_interest=p.applied_default_interest,
                    applied_interest=p.applied_interest,
                    applied_principal=p.applied_principal,
                )
                for p in payments
            ),
        )
