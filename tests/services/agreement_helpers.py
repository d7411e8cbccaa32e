"""What the agreement and approval tests share: scenarios and agreements made the way a user
makes them (through the services), policies, and small readers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy import select, union

from tests.services.helpers import actor
from vipdesk.core.approval import ApproverLevel, Policy, PolicyRule, policy_to_mapping
from vipdesk.services import agreements, approvals, finance, scenarios
from vipdesk.services.agreement_dto import (
    AgreementCreate,
    AgreementInfo,
    AgreementSave,
    AgreementStep,
)
from vipdesk.services.finance_dto import ScenarioSave
from vipdesk.storage.models import (
    Agreement,
    AppSetting,
    Case,
    Debtor,
    FinancialPeriod,
    RelatedParty,
    SettlementScenario,
    User,
)
from vipdesk.storage.uow import Database

BANK = "Banco Industrial, cuenta monetaria 000-123456-7"


def in_days(db: Database, days: int) -> str:
    return (db.unit_of_work().today() + timedelta(days=days)).isoformat()


def exposure(db: Database, case_id: UUID, username: str = "ejecutivo1") -> Decimal:
    return finance.financial_analysis(db.unit_of_work(), actor(db, username), case_id).exposure


def lump_sum(
    db: Database, case_id: UUID, share: str, username: str = "ejecutivo1", days: int = 30
) -> UUID:
    """A lump-sum scenario paying ``share`` of the exposure in ``days`` days; its id."""
    amount = (exposure(db, case_id, username) * Decimal(share)).quantize(Decimal("0.01"))
    command = ScenarioSave(
        case_id,
        uuid4(),
        f"Liquidación al {share}",
        "lump_sum",
        {"amount": f"{amount:,.2f}", "pay_on": in_days(db, days)},
    )
    return scenarios.save_scenario(db.unit_of_work(), actor(db, username), command)


def plan(db: Database, case_id: UUID, terms: dict[str, str], username: str = "ejecutivo1") -> UUID:
    """An instalment-plan scenario with ``terms`` (over sensible defaults); its id."""
    typed = {"installments": "12", "annual_rate": "0.12", "first_due": in_days(db, 30), **terms}
    command = ScenarioSave(case_id, uuid4(), "Plan de pagos", "installment_plan", typed)
    return scenarios.save_scenario(db.unit_of_work(), actor(db, username), command)


def create(db: Database, case_id: UUID, scenario_id: UUID, username: str = "ejecutivo1") -> UUID:
    command = AgreementCreate(case_id, uuid4(), scenario_id)
    return agreements.create_agreement(db.unit_of_work(), actor(db, username), command)


def info(
    db: Database, case_id: UUID, agreement_id: UUID, username: str = "ejecutivo1"
) -> AgreementInfo:
    return agreements.agreement(db.unit_of_work(), actor(db, username), case_id, agreement_id)


def edit(
    db: Database, current: AgreementInfo, username: str = "ejecutivo1", **changes: Any
) -> None:
    """Save ``current`` with ``changes`` (terms by name, or signatories / notes), as seen."""
    terms = {**current.terms, **{k: v for k, v in changes.items() if k in current.terms}}
    command = AgreementSave(
        current.case_id,
        current.id,
        terms,
        changes.get("signatories", current.signatories),
        changes.get("notes", current.notes),
        agreements.agreement_seen(current),
    )
    agreements.save_agreement(db.unit_of_work(), actor(db, username), command)


def step(
    db: Database,
    case_id: UUID,
    agreement_id: UUID,
    action: str,
    username: str,
    comment: str = "",
) -> str:
    command = AgreementStep(case_id, agreement_id, action, comment)
    return approvals.step_agreement(db.unit_of_work(), actor(db, username), command)


def drafted(db: Database, case_id: UUID, share: str = "0.90", username: str = "ejecutivo1") -> UUID:
    """A draft agreement settling for ``share`` of the exposure, ready to submit."""
    agreement_id = create(db, case_id, lump_sum(db, case_id, share, username), username)
    edit(db, info(db, case_id, agreement_id, username), username, bank_account=BANK)
    return agreement_id


def submitted(
    db: Database, case_id: UUID, share: str = "0.90", username: str = "ejecutivo1"
) -> UUID:
    agreement_id = drafted(db, case_id, share, username)
    assert step(db, case_id, agreement_id, "submit", username) == "pending"
    return agreement_id


def _tier(level: ApproverLevel, pct: str, months: int) -> PolicyRule:
    big = {c: Decimal(10**14) for c in ("GTQ", "MXN", "USD")}
    return PolicyRule(level, Decimal(pct), big, months, big)


# Supervisors approve up to 20 % off and 24 months, managers 40 % and 48 months, whatever the
# amounts: who approves depends on the discount and the term alone.
BY_DISCOUNT = Policy(
    (_tier(ApproverLevel.SUPERVISOR, "0.20", 24), _tier(ApproverLevel.MANAGER, "0.40", 48))
)


def store_policy(db: Database, policy: Policy = BY_DISCOUNT) -> None:
    with db.unit_of_work() as uow:
        uow.session.merge(AppSetting(key="approval_policy", value=policy_to_mapping(policy)))
        uow.commit()


_COLUMNS = (
    "status", "terms", "breakdown", "signatories", "notes", "required_level", "version",
    "row_version", "submitted_at", "decided_by",
)  # fmt: skip


def stored(db: Database, agreement_id: UUID) -> dict[str, Any]:
    """The version's row as stored, as plain values."""
    with db.unit_of_work() as uow:
        row = uow.session.get(Agreement, agreement_id)
        assert row is not None
        return {name: getattr(row, name) for name in _COLUMNS}


def case_status(db: Database, case_id: UUID) -> str:
    with db.unit_of_work() as uow:
        return uow.session.scalars(select(Case.status).where(Case.id == case_id)).one()


def user_id(db: Database, username: str) -> UUID:
    with db.unit_of_work() as uow:
        return uow.session.scalars(select(User.id).where(User.username == username)).one()


def case_numbered(db: Database, number: str) -> UUID:
    with db.unit_of_work() as uow:
        return uow.session.scalars(select(Case.id).where(Case.number == number)).one()


@dataclass(frozen=True)
class DebtorFacts:
    segment: str
    name: str
    id_document: str
    tax_id: str


def debtor_of(db: Database, case_id: UUID) -> DebtorFacts:
    with db.unit_of_work() as uow:
        query = select(Debtor).join(Case, Case.debtor_id == Debtor.id).where(Case.id == case_id)
        debtor = uow.session.scalars(query).one()
        return DebtorFacts(debtor.segment, debtor.name, debtor.id_document, debtor.tax_id)


def mexican_company(db: Database) -> UUID:
    """The first company case of ejecutivo3 in pesos owing over six million, with a legal
    representative, and no analysis, scenario nor agreement yet (the demo negotiates many)."""
    with db.unit_of_work() as uow:
        session = uow.session
        executive = session.scalars(select(User.id).where(User.username == "ejecutivo3")).one()
        represented = select(RelatedParty.debtor_id).where(
            RelatedParty.role == "legal_representative"
        )
        touched = union(
            select(FinancialPeriod.case_id),
            select(SettlementScenario.case_id),
            select(Agreement.case_id),
        ).subquery()
        query = (
            select(Case.id)
            .join(Debtor, Debtor.id == Case.debtor_id)
            .where(Case.executive_id == executive, Case.currency == "MXN")
            .where(Debtor.segment == "company", Debtor.id.in_(represented))
            .where(Case.status != "closed", Case.exposure > 6_000_000)
            .where(Case.id.not_in(select(touched.c.case_id)))
            .order_by(Case.number)
        )
        found = session.scalars(query).first()
        assert found is not None
        return found
