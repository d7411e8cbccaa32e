"""Capacity to pay (/shared/FINANCE.md): what a debtor can sustainably pay each month, and what
they could raise at once by selling liquid assets and collateral.

Every figure comes with the inputs it was computed from and, when it is zero or unknown, a
``Reason``: the executive has to be able to explain a number to the debtor and to the approver.
The haircuts and the payment share are assumptions the user sees and may edit; the defaults:

- payment share: 50 % of a company's free cash flow (the rest keeps the business running and
  serves other creditors), 40 % of an individual's disposable income;
- liquidation haircut 10 %: selling investments in a hurry, fees and early-withdrawal penalties;
- forced-sale haircut 30 %: the usual discount of a court or distressed sale of property.

Amounts are rounded half-up to cents once, from exact arithmetic. The lump sum is the sum of its
parts as shown (liquid assets net, and each collateral's net value), so the parts always add up.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dc_field
from datetime import date
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Literal

from vipdesk.core.catalog import Segment
from vipdesk.core.errors import QT_TRANSLATE_NOOP, Problem, ValidationError
from vipdesk.core.ratio_inputs import (
    CompanyPeriod,
    IndividualPeriod,
    Period,
    Reason,
    clean_figure,
    order_periods,
    quantize_exact,
)
from vipdesk.core.ratios import company_ratio, individual_ratio

_ZERO = Decimal("0.00")
_SHARE_RANGE = QT_TRANSLATE_NOOP("errors", "Enter a percentage between 0 % and 100 %")

_NO_FCF = QT_TRANSLATE_NOOP("ratios", "No free cash flow")
_NO_DISPOSABLE = QT_TRANSLATE_NOOP("ratios", "No disposable income")
_NO_PERIODS = QT_TRANSLATE_NOOP("ratios", "No financial statements entered")
_MISSING = QT_TRANSLATE_NOOP("ratios", "Missing: {fields}")


def _decimal(value: object, what: str) -> Decimal:
    if isinstance(value, float):
        raise TypeError(f"{what} must be a Decimal, not a float")
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise TypeError(f"{what} must be a Decimal, got {type(value).__name__}")
    return Decimal(value)


def _share_problem(value: Decimal, field: str) -> list[Problem]:
    # is_finite first: NaN compares false with everything and would pass a range check.
    if value.is_finite() and 0 <= value <= 1:
        return []
    return [Problem(field, _SHARE_RANGE)]


@dataclass(frozen=True)
class CapacityAssumptions:
    """Fractions in [0, 1]: 0.40 = 40 %. ``ValidationError`` names every field out of range."""

    payment_share: Decimal
    liquidation_haircut: Decimal
    forced_sale_haircut: Decimal

    def __post_init__(self) -> None:
        problems: list[Problem] = []
        for name in ("payment_share", "liquidation_haircut", "forced_sale_haircut"):
            value = _decimal(getattr(self, name), name)
            object.__setattr__(self, name, value)
            problems.extend(_share_problem(value, name))
        if problems:
            raise ValidationError(problems)

    @classmethod
    def default_for(
        cls, segment: Segment | Literal["company", "individual"]
    ) -> CapacityAssumptions:
        share = Decimal("0.50") if Segment(segment) is Segment.COMPANY else Decimal("0.40")
        return cls(share, Decimal("0.10"), Decimal("0.30"))


@dataclass(frozen=True)
class Collateral:
    """An asset securing the debt. ``forced_sale_haircut`` None = use the assumptions' one."""

    description: str
    market_value: Decimal
    senior_liens: Decimal = Decimal(0)
    forced_sale_haircut: Decimal | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.description, str):
            raise TypeError(f"description must be a str, got {type(self.description).__name__}")
        problems: list[Problem] = []
        for name in ("market_value", "senior_liens"):
            value = clean_figure(_decimal(getattr(self, name), name), name)
            object.__setattr__(self, name, value)
            if value is not None and value < 0:
                problems.append(
                    Problem(name, QT_TRANSLATE_NOOP("errors", "The amount cannot be negative"))
                )
        if self.forced_sale_haircut is not None:
            haircut = _decimal(self.forced_sale_haircut, "forced_sale_haircut")
            object.__setattr__(self, "forced_sale_haircut", haircut)
            problems.extend(_share_problem(haircut, "forced_sale_haircut"))
        if problems:
            raise ValidationError(problems)


@dataclass(frozen=True)
class CapacityFigure:
    """A monthly or one-off amount in cents (None = unknown, ``reason`` says why; a zero has a
    reason too) and the figures it was computed from, by name, for the UI to show."""

    value: Decimal | None
    reason: Reason | None
    inputs: Mapping[str, Decimal | None] = dc_field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "inputs", MappingProxyType(dict(self.inputs)))

    def __hash__(self) -> int:
        return hash((self.value, self.reason, frozenset(self.inputs.items())))


def _exact_cents(value: Fraction) -> Decimal:
    return quantize_exact(value, 2)


def sustainable_payment(
    period: Period, assumptions: CapacityAssumptions, previous: CompanyPeriod | None = None
) -> CapacityFigure:
    """Monthly payment the debtor can sustain: company FCF ÷ months × share, or individual
    disposable income × share; zero (with a reason) when there is nothing to share.

    The company's free cash flow is the one the ratios show (rounded to cents), so the two
    screens never disagree; it needs ``previous`` for the change in working capital.
    """
    share = Fraction(assumptions.payment_share)
    if isinstance(period, CompanyPeriod):
        fcf = company_ratio("free_cash_flow", period, previous)
        inputs = {
            "free_cash_flow": fcf.value,
            "months": Decimal(period.months),
            "payment_share": assumptions.payment_share,
        }
        if fcf.value is None:
            return CapacityFigure(None, fcf.reason, inputs)
        if fcf.value <= 0:
            return CapacityFigure(_ZERO, Reason(_NO_FCF), inputs)
        return CapacityFigure(
            _exact_cents(Fraction(fcf.value) / period.months * share), None, inputs
        )
    if not isinstance(period, IndividualPeriod):
        raise TypeError(f"not a period: {type(period).__name__}")
    disposable = individual_ratio("disposable_income", period)
    inputs = {"disposable_income": disposable.value, "payment_share": assumptions.payment_share}
    if disposable.value is None:
        return CapacityFigure(None, disposable.reason, inputs)
    if disposable.value <= 0:
        return CapacityFigure(_ZERO, Reason(_NO_DISPOSABLE), inputs)
    return CapacityFigure(_exact_cents(Fraction(disposable.value) * share), None, inputs)


def collateral_net_value(collateral: Collateral, assumptions: CapacityAssumptions) -> Decimal:
    """What the collateral would bring to us: value × (1 − haircut) − senior liens, in cents.

    A collateral "under water" (liens above its forced-sale value) brings 0, never a negative:
    the senior creditor's shortfall is not ours to pay, and a negative would wrongly reduce
    what the other assets bring.
    """
    haircut = collateral.forced_sale_haircut
    if haircut is None:
        haircut = assumptions.forced_sale_haircut
    net = Fraction(collateral.market_value) * (1 - Fraction(haircut))
    return _exact_cents(max(Fraction(0), net - Fraction(collateral.senior_liens)))


def lump_sum_capacity(
    liquid_assets: Decimal | None,
    collaterals: Sequence[Collateral],
    assumptions: CapacityAssumptions,
) -> CapacityFigure:
    """One-off amount: liquid × (1 − liquidation haircut) + Σ net collateral values.

    Unknown liquid assets (None) make the total unknown: reading them as zero would understate
    the offer we can ask for without saying so. Negative liquid assets (an overdraft entered as
    cash) count as zero: they are a debt, not a reduction of what the collateral brings.
    """
    nets = [collateral_net_value(c, assumptions) for c in collaterals]
    inputs: dict[str, Decimal | None] = {
        "liquid_assets": None,
        "liquidation_haircut": assumptions.liquidation_haircut,
        "liquid_net": None,
        "forced_sale_haircut": assumptions.forced_sale_haircut,
        "collateral_market_value": sum((c.market_value for c in collaterals), _ZERO),
        "collateral_senior_liens": sum((c.senior_liens for c in collaterals), _ZERO),
        "collateral_net": sum(nets, _ZERO),
    }
    liquid = clean_figure(liquid_assets, "liquid assets")
    if liquid is None:
        return CapacityFigure(None, Reason(_MISSING, fields=("liquid_assets",)), inputs)
    keep = 1 - Fraction(assumptions.liquidation_haircut)
    liquid_net = _exact_cents(max(Fraction(0), Fraction(liquid)) * keep)
    inputs["liquid_assets"] = liquid
    inputs["liquid_net"] = liquid_net
    total = liquid_net + sum(nets, _ZERO)
    reason = (
        Reason(QT_TRANSLATE_NOOP("ratios", "No liquid assets or collateral"))
        if total == 0
        else None
    )
    return CapacityFigure(total, reason, inputs)


def coverage(
    sustainable: Decimal | CapacityFigure | None, plan_payment: Decimal | None
) -> Decimal | None:
    """Sustainable payment ÷ plan payment, 2 decimals; below 1 the plan is unlikely to hold.
    None when either is unknown or the plan payment is not positive."""
    if isinstance(sustainable, CapacityFigure):
        sustainable = sustainable.value
    capacity = clean_figure(sustainable, "sustainable payment")
    payment = clean_figure(plan_payment, "plan payment")
    if capacity is None or payment is None or payment <= 0:
        return None
    return quantize_exact(Fraction(capacity) / Fraction(payment), 2)


@dataclass(frozen=True)
class Capacity:
    """Everything the capacity panel shows, from the latest period."""

    segment: Segment | None
    period_label: str | None
    period_end: date | None
    sustainable: CapacityFigure
    lump_sum: CapacityFigure
    assumptions: CapacityAssumptions
    collaterals: tuple[Collateral, ...]

    def coverage(self, plan_payment: Decimal | None) -> Decimal | None:
        return coverage(self.sustainable, plan_payment)


def capacity_for(
    periods: Sequence[Period],
    collaterals: Sequence[Collateral],
    assumptions: CapacityAssumptions,
) -> Capacity:
    """Capacity from the latest period (the one before it gives a company's change in working
    capital). A company's liquid assets are its cash alone: marketable securities are entered
    within other current assets and cannot be told apart. ``ValidationError`` for mixed
    segments or two periods ending on the same day."""
    segment, ordered = order_periods(periods)
    items = tuple(collaterals)
    if not ordered:
        missing = CapacityFigure(None, Reason(_NO_PERIODS))
        lump = lump_sum_capacity(None, items, assumptions)
        return Capacity(None, None, None, missing, lump, assumptions, items)
    latest = ordered[-1]
    if isinstance(latest, CompanyPeriod):
        before = ordered[-2] if len(ordered) > 1 else None
        previous = before if isinstance(before, CompanyPeriod) else None
        sustainable = sustainable_payment(latest, assumptions, previous)
        liquid = latest.cash
    else:
        sustainable = sustainable_payment(latest, assumptions)
        liquid = individual_ratio("liquid_assets", latest).value
    lump = lump_sum_capacity(liquid, items, assumptions)
    return Capacity(segment, latest.label, latest.period_end, sustainable, lump, assumptions, items)
