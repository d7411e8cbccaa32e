"""What a case's financial analysis and its scenarios are worked out from, read in one session:
the case's main currency and exposure, the statements, the assumptions (saved or the
defaults), the collateral, the capacity to pay and the legal route, and the global settings.

Conventions (documented here once, used by services/finance*.py and services/scenarios.py):

- Main currency: the currency with the largest total owed among the case's obligations (a tie
  goes to the case's own currency, then alphabetically); exposure = Σ the totals of the
  obligations in it. Every amount of the analysis is in that currency: a debtor's statements
  are entered in the currency of the debt they are weighed against.
- Collateral: the obligations in the main currency with a collateral value; the senior liens
  on each asset come from the assumptions.
- Default assumptions (``default_assumptions``): discount rate 12 % a year (a typical cost of
  funds plus risk premium for the banks we serve); payment share and haircuts as
  core.capacity's defaults (company 50 % of free cash flow, individual 40 % of disposable
  income; liquidation 10 %, forced sale 30 %); legal route: p(win) 60 %, costs 10 % of the
  exposure, 24 months, recoverable = what the collateral brings at forced-sale value.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.orm import Session

from vipdesk.core.approval import DEFAULT_POLICY, Policy, policy_from_mapping
from vipdesk.core.buckets import days_past_due
from vipdesk.core.capacity import (
    Capacity,
    CapacityAssumptions,
    Collateral,
    capacity_for,
    collateral_net_value,
)
from vipdesk.core.catalog import PromiseStatus, Segment
from vipdesk.core.errors import ValidationError
from vipdesk.core.money import round_money
from vipdesk.core.promises import PaymentIn, PromiseIn, apply_payments
from vipdesk.core.ratios import (
    DEFAULT_THRESHOLDS,
    FIELDS_COMPANY,
    FIELDS_INDIVIDUAL,
    CompanyPeriod,
    IndividualPeriod,
    Period,
    Thresholds,
    thresholds_from_mapping,
)
from vipdesk.core.valuation import LegalRoute, ScenarioValue, ValuationContext, value_scenario
from vipdesk.services.finance_dto import Assumptions, CollateralInfo, PeriodInfo
from vipdesk.storage.models import (
    AppSetting,
    Case,
    FinancialAssumptions,
    FinancialPeriod,
    Obligation,
    Payment,
    Promise,
)

THRESHOLDS_KEY = "ratio_thresholds"
POLICY_KEY = "approval_policy"
DEFAULT_DISCOUNT_RATE = Decimal("0.12")
DEFAULT_P_WIN = Decimal("0.60")
DEFAULT_LEGAL_COST_SHARE = Decimal("0.10")
DEFAULT_LEGAL_MONTHS = 24
# The assumptions' fields, in the order a form shows them; "lien.<obligation id>" keys add the
# senior liens on each collateralised obligation's asset.
ASSUMPTION_FIELDS = (
    "discount_rate",
    "payment_share",
    "liquidation_haircut",
    "forced_sale_haircut",
    "legal_p_win",
    "legal_costs",
    "legal_months",
    "legal_recoverable",
)
LIEN_PREFIX = "lien."
INCOME_PREFIX = "income."
_ZERO = Decimal("0.00")


def segment_fields(segment: str) -> tuple[str, ...]:
    """The statement fields of a segment, in display order."""
    fields = FIELDS_COMPANY if segment == Segment.COMPANY else FIELDS_INDIVIDUAL
    return tuple(name for _group, name in fields)


def _decimal(text: object) -> Decimal | None:
    try:
        value = Decimal(str(text))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def period_info(row: FinancialPeriod, segment: str) -> PeriodInfo:
    stored = row.figures or {}
    figures = {
        name: _decimal(stored[name]) if name in stored else None for name in segment_fields(segment)
    }
    income: dict[str, Decimal] = {}
    if segment != Segment.COMPANY:
        for source, text in (row.income or {}).items():
            value = _decimal(text)
            if value is not None:
                income[source] = value
    return PeriodInfo(row.id, row.label, row.period_end, row.months, figures, income)


def core_period(info: PeriodInfo, segment: str) -> Period:
    if segment == Segment.COMPANY:
        return CompanyPeriod(info.label, info.period_end, info.months, **info.figures)
    return IndividualPeriod(info.label, info.period_end, info.income, **info.figures)


def _text(value: Decimal | None) -> str:
    return "" if value is None else format(value, "f")


def period_seen(info: PeriodInfo) -> dict[str, str]:
    """A period as the user sees it, flat and as text: what ``PeriodSave.seen`` takes, and the
    fields compared when an edit conflicts (label, period_end, months, each figure by name,
    each income source as "income.<source>"; "" = not entered)."""
    seen = {
        "label": info.label,
        "period_end": info.period_end.isoformat(),
        "months": str(info.months),
    }
    seen.update({name: _text(value) for name, value in info.figures.items()})
    seen.update({INCOME_PREFIX + source: _text(v) for source, v in info.income.items()})
    return seen


def default_assumptions(segment: str, exposure: Decimal) -> Assumptions:
    """The assumptions of a case nobody has edited yet (see the module docstring)."""
    capacity = CapacityAssumptions.default_for(Segment(segment))
    return Assumptions(
        discount_rate=DEFAULT_DISCOUNT_RATE,
        payment_share=capacity.payment_share,
        liquidation_haircut=capacity.liquidation_haircut,
        forced_sale_haircut=capacity.forced_sale_haircut,
        legal_p_win=DEFAULT_P_WIN,
        legal_costs=round_money(max(exposure, _ZERO) * DEFAULT_LEGAL_COST_SHARE),
        legal_months=DEFAULT_LEGAL_MONTHS,
        legal_recoverable=None,
        collateral_liens={},
    )


def assumptions_of(row: FinancialAssumptions) -> Assumptions:
    liens: dict[UUID, Decimal] = {}
    for key, text in (row.collateral_liens or {}).items():
        value = _decimal(text)
        if value is not None:
            liens[UUID(key)] = value
    return Assumptions(
        row.discount_rate,
        row.payment_share,
        row.liquidation_haircut,
        row.forced_sale_haircut,
        row.legal_p_win,
        row.legal_costs,
        row.legal_months,
        row.legal_recoverable,
        liens,
    )


def assumptions_seen(assumptions: Assumptions) -> dict[str, str]:
    """Assumptions as text, flat ("lien.<obligation id>" for each lien): what
    ``AssumptionsSave.seen`` takes when they were saved, and the fields compared on a
    conflict. Decimals are normalised (0.400000 and 0.40 read the same)."""
    seen: dict[str, str] = {}
    for name in ASSUMPTION_FIELDS:
        value = getattr(assumptions, name)
        if isinstance(value, Decimal) and name not in ("legal_costs", "legal_recoverable"):
            seen[name] = _fraction_text(value)
        else:
            seen[name] = "" if value is None else str(value)
    for obligation_id, amount in sorted(assumptions.collateral_liens.items(), key=str):
        seen[f"{LIEN_PREFIX}{obligation_id}"] = str(amount)
    return seen


def _fraction_text(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text if "." in text else f"{text}.0"


def setting(session: Session, key: str) -> Any:
    row = session.get(AppSetting, key)
    return None if row is None else row.value


def thresholds_in(session: Session) -> Thresholds:
    """The admin's ratio thresholds; the defaults when none (or an unreadable one) is stored."""
    stored = setting(session, THRESHOLDS_KEY)
    if not isinstance(stored, Mapping):
        return DEFAULT_THRESHOLDS
    try:
        return thresholds_from_mapping(stored)
    except (ValidationError, TypeError):
        return DEFAULT_THRESHOLDS


def policy_in(session: Session) -> Policy:
    """The approval policy an admin stored, else DEFAULT_POLICY."""
    stored = setting(session, POLICY_KEY)
    if not isinstance(stored, Mapping):
        return DEFAULT_POLICY
    try:
        return policy_from_mapping(stored)
    except (ValidationError, TypeError, ValueError):
        return DEFAULT_POLICY


def main_currency(default: str, obligations: Sequence[Obligation]) -> tuple[str, Decimal]:
    totals: dict[str, Decimal] = {}
    for o in obligations:
        totals[o.currency] = totals.get(o.currency, _ZERO) + o.total
    if not totals:
        return default, _ZERO
    currency = min(totals, key=lambda c: (-totals[c], c != default, c))
    return currency, totals[currency]


def _description(o: Obligation) -> str:
    kind, text = o.collateral_kind.strip(), o.collateral_description.strip()
    return f"{kind}: {text}" if kind and text else kind or text or o.account_number


@dataclass(frozen=True)
class CaseFinance:
    """Everything the analysis and the comparison are computed from, for one case."""

    case: Case
    segment: str
    currency: str
    exposure: Decimal
    as_of: date
    days_past_due: int
    periods: tuple[PeriodInfo, ...]  # oldest first
    core_periods: tuple[Period, ...]
    assumptions: Assumptions
    assumptions_saved: bool
    collaterals: tuple[CollateralInfo, ...]
    capacity: Capacity
    legal: LegalRoute
    thresholds: Thresholds

    def context(self, session: Session) -> ValuationContext:
        """The valuation context (exposure must be positive: see ``valuable``)."""
        kept, broken, partial = promise_counts(session, self.case.id, self.as_of)
        return ValuationContext(
            exposure=self.exposure,
            as_of=self.as_of,
            discount_rate=self.assumptions.discount_rate,
            legal=self.legal,
            sustainable_payment=self.capacity.sustainable.value,
            lump_sum_capacity=self.capacity.lump_sum.value,
            promises_kept=kept,
            promises_broken=broken,
            promises_partial=partial,
            days_past_due=self.days_past_due,
        )

    @property
    def valuable(self) -> bool:
        """Whether scenarios can be valued at all: something is owed in the currency."""
        return self.exposure > 0


def promise_counts(session: Session, case_id: UUID, as_of: date) -> tuple[int, int, int]:
    """(kept, broken, partially kept) promises of the case, derived from its payments as of
    ``as_of`` (core.promises, the same rule as the stored statuses)."""
    promises = session.execute(
        select(Promise.id, Promise.amount, Promise.due_date, Promise.promised_on).where(
            Promise.case_id == case_id
        )
    ).all()
    if not promises:
        return 0, 0, 0
    payments = session.execute(
        select(Payment.id, Payment.amount, Payment.paid_on).where(Payment.case_id == case_id)
    ).all()
    outcomes, _applications = apply_payments(
        [PromiseIn(str(p.id), p.amount, p.due_date, p.promised_on) for p in promises],
        [PaymentIn(str(p.id), p.amount, p.paid_on) for p in payments],
        as_of,
    )
    statuses = [o.status for o in outcomes]
    return (
        statuses.count(PromiseStatus.KEPT),
        statuses.count(PromiseStatus.BROKEN),
        statuses.count(PromiseStatus.PARTIALLY_KEPT),
    )


def load_case_finance(session: Session, case: Case, as_of: date) -> CaseFinance:
    segment = case.debtor.segment
    obligations = list(
        session.scalars(
            select(Obligation)
            .where(Obligation.case_id == case.id)
            .order_by(Obligation.account_number)
        )
    )
    currency, exposure = main_currency(case.currency, obligations)
    mine = [o for o in obligations if o.currency == currency]
    dpd = max((days_past_due(o.past_due_since, as_of) for o in mine), default=0)
    rows = session.scalars(
        select(FinancialPeriod)
        .where(FinancialPeriod.case_id == case.id)
        .order_by(FinancialPeriod.period_end)
    ).all()
    periods = tuple(period_info(row, segment) for row in rows)
    saved = session.scalars(
        select(FinancialAssumptions).where(FinancialAssumptions.case_id == case.id)
    ).first()
    assumptions = assumptions_of(saved) if saved else default_assumptions(segment, exposure)
    collaterals = tuple(
        CollateralInfo(
            o.id, _description(o), o.collateral_value, assumptions.collateral_liens.get(o.id, _ZERO)
        )
        for o in mine
        if o.collateral_value is not None and o.collateral_value > 0
    )
    capacity_assumptions = CapacityAssumptions(
        assumptions.payment_share,
        assumptions.liquidation_haircut,
        assumptions.forced_sale_haircut,
    )
    core_collaterals = [
        Collateral(c.description, c.market_value, c.senior_liens) for c in collaterals
    ]
    core_periods = tuple(core_period(p, segment) for p in periods)
    capacity = capacity_for(core_periods, core_collaterals, capacity_assumptions)
    recoverable = assumptions.legal_recoverable
    if recoverable is None:
        recoverable = sum(
            (collateral_net_value(c, capacity_assumptions) for c in core_collaterals), _ZERO
        )
    legal = LegalRoute(
        assumptions.legal_p_win, recoverable, assumptions.legal_costs, assumptions.legal_months
    )
    return CaseFinance(
        case,
        segment,
        currency,
        exposure,
        as_of,
        dpd,
        periods,
        core_periods,
        assumptions,
        saved is not None,
        collaterals,
        capacity,
        legal,
        thresholds_in(session),
    )


def legal_value(session: Session, finance: CaseFinance) -> ScenarioValue | None:
    """The legal route valued on the case's exposure; None when nothing is owed."""
    if not finance.valuable:
        return None
    return value_scenario(finance.legal, finance.context(session))
