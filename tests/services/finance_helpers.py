"""What the financial-analysis and scenario tests share: demo cases without an analysis yet,
statements as a user types them, and small readers."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy import func, select, union

from vipdesk.services.finance_dto import PeriodSave
from vipdesk.storage.models import (
    AuditEvent,
    Case,
    Debtor,
    FinancialAssumptions,
    FinancialPeriod,
    SettlementScenario,
    User,
)
from vipdesk.storage.uow import Database

# A company's statements as typed: symbols, thousands separators, a loss.
COMPANY = {
    "cash": "Q 500,000.00",
    "receivables": "1,200,000",
    "inventory": "800000",
    "other_current_assets": "100000.00",
    "fixed_assets": "4000000",
    "current_liabilities": "2,000,000",
    "short_term_debt": "900000",
    "long_term_debt": "3000000",
    "equity": "1,700,000",
    "revenue": "9,000,000",
    "cost_of_sales": "6000000",
    "operating_expenses": "2100000",
    "ebitda": "900000",
    "depreciation": "200000",
    "interest": "350000",
    "taxes": "50000",
    "net_income": "300000",
    "capex": "100000",
    "scheduled_principal": "400000",
}
INDIVIDUAL = {
    "fixed_expenses": "12,000",
    "other_debt_service": "8000",
    "real_estate": "2,500,000",
    "vehicles": "300000",
    "investments": "150000",
    "cash": "50000",
    "liabilities": "1800000",
}
INCOME = {"salary": "45,000.00", "rent": "5000"}


def fresh_case(
    db: Database, segment: str, username: str = "ejecutivo1", status: str | None = None
) -> UUID:
    """The first case of ``username`` (not closed, or of ``status``) whose debtor is of
    ``segment`` and that has no financial analysis nor scenarios yet."""
    with db.unit_of_work() as uow:
        session = uow.session
        user = session.scalars(select(User.id).where(User.username == username)).one()
        analysed = union(
            select(FinancialPeriod.case_id),
            select(FinancialAssumptions.case_id),
            select(SettlementScenario.case_id),
        ).subquery()
        wanted = Case.status == status if status else Case.status != "closed"
        query = (
            select(Case.id)
            .join(Debtor, Debtor.id == Case.debtor_id)
            .where(Case.executive_id == user, Debtor.segment == segment, wanted)
            .where(Case.id.not_in(select(analysed.c.case_id)), Case.exposure > 0)
            .order_by(Case.number)
        )
        found = session.scalars(query).first()
        assert found is not None, (segment, username, status)
        return found


def period(case_id: UUID, end: date, **changes: Any) -> PeriodSave:
    fields: dict[str, Any] = {
        "case_id": case_id,
        "period_id": uuid4(),
        "label": f"Ejercicio {end.year}",
        "period_end": end,
        "months": 12,
        "figures": dict(COMPANY),
        "income": {},
    }
    fields.update(changes)
    return PeriodSave(**fields)


def audit_actions(db: Database, entity_id: UUID) -> list[str]:
    with db.unit_of_work() as uow:
        query = (
            select(AuditEvent.action)
            .where(AuditEvent.entity_id == str(entity_id))
            .order_by(AuditEvent.seq)
        )
        return list(uow.session.scalars(query))


def count(db: Database, model: type[Any], **where: Any) -> int:
    with db.unit_of_work() as uow:
        query = select(func.count()).select_from(model)
        for column, value in where.items():
            query = query.where(getattr(model, column) == value)
        return uow.session.scalar(query) or 0


def change_seq(db: Database, case_id: UUID) -> int:
    with db.unit_of_work() as uow:
        return uow.session.scalars(select(Case.change_seq).where(Case.id == case_id)).one()
