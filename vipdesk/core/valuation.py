"""Present values and the valuation of settlement scenarios (FINANCE.md, "Valuation of
settlement scenarios").

Present value, actual/365: PV = Σ amount ÷ (1 + r)^(days / 365), days = (on − as_of).days,
worked out with 40 significant digits and rounded half-up to cents once, on the total. A flow
dated before ``as_of`` has negative days and is compounded forward to ``as_of`` (money received
earlier is worth more, at the same rate), so that moving ``as_of`` never changes a ranking.

Scenarios, all valued at the context's ``discount_rate`` on ``as_of``:

- ``LumpSum``: one flow on ``pay_on``.
- ``InstallmentPlan``: the flows of ``build_schedule`` (down payment first) for the amount
  agreed, ``financed`` (the exposure less its discount, down payment included; None = the whole
  exposure). ``Restructuring``: the whole exposure re-amortised, no discount, no down payment.
- ``PaymentInKind``: appraised × (1 − forced-sale haircut) − transfer costs, on ``transfer_on``.
- ``LegalRoute`` on a claim C, started on S: p(win) × min(C, recoverable) on S + ``months``
  months, less the legal costs split evenly into ``months`` monthly amounts paid on S, S + 1
  month, ... (at the start of each month: filing fees come first). Its flows are already weighted
  by p(win), so as a scenario its present value is also its expected PV (claim = exposure,
  S = as_of).

Probability of completion p (the legal route's p is p(win)), the product of these factors,
clamped to [0.01, 0.99] and rounded half-up to two decimals; that rounded p is the one used:

- "coverage" (base), c = capacity ÷ what the debtor must pay, to 4 decimals. For a plan, the
  monthly ``sustainable_payment`` converted to the plan's period (× 12 ÷ periods per year)
  ÷ its largest regular instalment (the balloon, or a bullet's principal, counts as a lump, not
  as a regular instalment); for a lump sum, ``lump_sum_capacity`` ÷ amount.
  c ≥ 1.5 → 0.90; 1 ≤ c < 1.5 → 0.60 + 0.60 × (c − 1); c < 1 → max(0.05, 0.60 × c);
  capacity unknown → 0.50 (input None). Payment in kind: key "asset_transfer", 0.75 (the asset
  exists; title, registration and appraisal are the risk).
- "lump_sums" (plans with a down payment, a balloon or a bullet principal, L their sum):
  l = lump_sum_capacity ÷ L; l ≥ 1 → 1.00, l < 1 → 0.50 + 0.50 × l, unknown → 0.80.
- "promise_history": 0.5 + 0.5 × h, h = (kept + 0.5 × partial) ÷ (kept + partial + broken)
  (input h); 0.85 when there is no history (input None).
- "days_past_due": 1.00 up to 90 days, 0.90 up to 180, 0.80 up to 360, 0.70 beyond.

Expected PV = p × PV(scenario) + (1 − p) × F, F the PV of what happens if it fails: the
payments made before default plus the legal route on the claim that remains, started on the
default date. A plan is assumed to default after ``floor(n × default_after_share)`` of its n
instalments (default share 0.5; the down payment is paid at signing), on the due date of the
first instalment missed; a lump sum or a payment in kind fails on its date, with nothing paid.
The remaining claim is the exposure less the principal repaid: a discount is conditional on
completion, as settlement agreements usually state; the recoverable cap still limits it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Context, Decimal, localcontext
from enum import StrEnum
from typing import TypeGuard

from vipdesk.core.errors import QT_TRANSLATE_NOOP, Problem, ValidationError
from vipdesk.core.money import _require_decimal, round_money
from vipdesk.core.schedule import (
    MAX_ANNUAL_RATE,
    MAX_PRINCIPAL,
    ScheduleRow,
    add_periods,
    build_schedule,
    periods_per_year,
)

ZERO = Decimal("0.00")
ONE = Decimal(1)
DEFAULT_AFTER_SHARE = Decimal("0.5")
MAX_LEGAL_MONTHS = 600
_PV = Context(prec=40)
_PCT = Decimal("0.0001")
_P = Decimal("0.01")


def _is_date(value: object) -> TypeGuard[date]:
    # A datetime is a date too, but mixing one with dates breaks comparisons and arithmetic.
    return isinstance(value, date) and not isinstance(value, datetime)


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _decimals(instance: object, *names: str, money: bool = False) -> None:
    """Check the named fields (``TypeError`` for floats and non-numbers; None is left alone)
    and store them as Decimals, amounts rounded half-up to cents."""
    for name in names:
        value = getattr(instance, name)
        if value is not None:
            number = _require_decimal(value, name)
            object.__setattr__(instance, name, round_money(number) if money else number)


@dataclass(frozen=True)
class CashFlow:
    on: date
    amount: Decimal

    def __post_init__(self) -> None:
        if not _is_date(self.on):
            raise TypeError(f"on must be a date, got {type(self.on).__name__}")
        _decimals(self, "amount")


class ScenarioKind(StrEnum):
    LUMP_SUM = "lump_sum"
    INSTALLMENT_PLAN = "installment_plan"
    RESTRUCTURING = "restructuring"
    PAYMENT_IN_KIND = "payment_in_kind"
    LEGAL = "legal"


@dataclass(frozen=True)
class LumpSum:
    amount: Decimal
    pay_on: date

    def __post_init__(self) -> None:
        _decimals(self, "amount", money=True)


@dataclass(frozen=True)
class InstallmentPlan:
    down_payment: Decimal
    installments: int
    frequency: str
    annual_rate: Decimal
    first_due: date
    grace_periods: int = 0
    balloon: Decimal = Decimal(0)
    method: str = "french"
    financed: Decimal | None = None  # the amount agreed, down payment included; None: exposure
    down_payment_date: date | None = None  # None: one period before first_due

    def __post_init__(self) -> None:
        _decimals(self, "down_payment", "balloon", "financed", money=True)
        _decimals(self, "annual_rate")


@dataclass(frozen=True)
class Restructuring:
    new_term_installments: int
    annual_rate: Decimal
    first_due: date
    frequency: str = "monthly"
    method: str = "french"

    def __post_init__(self) -> None:
        _decimals(self, "annual_rate")


@dataclass(frozen=True)
class PaymentInKind:
    asset_description: str
    appraised_value: Decimal
    forced_sale_haircut: Decimal
    transfer_costs: Decimal
    transfer_on: date

    def __post_init__(self) -> None:
        _decimals(self, "appraised_value", "transfer_costs", money=True)
        _decimals(self, "forced_sale_haircut")


@dataclass(frozen=True)
class LegalRoute:
    p_win: Decimal
    recoverable: Decimal  # at forced-sale value
    legal_costs: Decimal
    months: int

    def __post_init__(self) -> None:
        _decimals(self, "recoverable", "legal_costs", money=True)
        _decimals(self, "p_win")


Scenario = LumpSum | InstallmentPlan | Restructuring | PaymentInKind | LegalRoute


@dataclass(frozen=True)
class ValuationContext:
    exposure: Decimal
    as_of: date
    discount_rate: Decimal
    legal: LegalRoute
    sustainable_payment: Decimal | None  # per month; negative means no capacity at all
    lump_sum_capacity: Decimal | None
    promises_kept: int
    promises_broken: int
    promises_partial: int
    days_past_due: int

    def __post_init__(self) -> None:
        _decimals(self, "exposure", "sustainable_payment", "lump_sum_capacity", money=True)
        _decimals(self, "discount_rate")


@dataclass(frozen=True)
class Factor:
    key: str
    input: Decimal | int | None
    multiplier: Decimal


@dataclass(frozen=True)
class Completion:
    p: Decimal
    factors: tuple[Factor, ...]


@dataclass(frozen=True)
class ScenarioValue:
    kind: ScenarioKind
    nominal_total: Decimal
    present_value: Decimal
    recovery_pct: Decimal
    pv_recovery_pct: Decimal
    completion: Completion
    expected_pv: Decimal
    months_to_recover: int
    discount_amount: Decimal
    discount_pct: Decimal
    term_months: int
    cashflows: tuple[CashFlow, ...]
    schedule: tuple[ScheduleRow, ...]
    # F in the expected PV: what the scenario is worth if it fails (the legal route: its value).
    failure_pv: Decimal


def present_value(
    cashflows: Iterable[CashFlow | tuple[date, Decimal]], annual_rate: Decimal, as_of: date
) -> Decimal:
    """Σ amount ÷ (1 + r)^(days / 365) rounded half-up to cents (see the module docstring)."""
    rate = _require_decimal(annual_rate, "annual_rate")
    checks = _Checks()
    checks.rate("annual_rate", rate)
    checks.date_from("as_of", as_of, None)
    if checks.problems:
        raise ValidationError(checks.problems)
    flows = [f if isinstance(f, CashFlow) else CashFlow(*f) for f in cashflows]
    total = Decimal(0)
    with localcontext(_PV):
        log = (ONE + rate).ln()
        for flow in flows:
            days = (flow.on - as_of).days
            total += flow.amount * (-log * days / 365).exp()
    return round_money(total)


class _Checks:
    """Collects the problems of a valuation's inputs, each under its field's name."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, field: str, template: str, **params: object) -> None:
        self.problems.append(Problem(field, template, params))

    def for_field(self, field: str) -> list[Problem]:
        return [p for p in self.problems if p.field == field]

    def amount(self, field: str, value: Decimal | None, *, positive: bool = False) -> None:
        if value is None:
            return
        if positive and value <= 0:
            self.add(field, QT_TRANSLATE_NOOP("errors", "The amount must be greater than zero"))
        elif value < 0:
            self.add(field, QT_TRANSLATE_NOOP("errors", "The amount cannot be negative"))
        elif value >= MAX_PRINCIPAL:
            self.add(
                field,
                QT_TRANSLATE_NOOP("errors", "The amount must be less than {maximum}"),
                maximum=f"{MAX_PRINCIPAL:,.2f}",
            )

    def rate(self, field: str, value: Decimal) -> None:
        if not 0 <= value <= MAX_ANNUAL_RATE:
            self.add(
                field,
                QT_TRANSLATE_NOOP("errors", "The annual rate must be between 0 % and {maximum} %"),
                maximum=int(MAX_ANNUAL_RATE * 100),
            )

    def fraction(self, field: str, value: Decimal, *, below_one: bool = False) -> None:
        if not (0 <= value < 1 if below_one else 0 <= value <= 1):
            template = (
                QT_TRANSLATE_NOOP("errors", "Enter a share from 0 up to (not including) 1")
                if below_one
                else QT_TRANSLATE_NOOP("errors", "Enter a probability between 0 and 1")
            )
            self.add(field, template)

    def count(self, field: str, value: object, maximum: int) -> None:
        if not _is_int(value):
            self.add(field, QT_TRANSLATE_NOOP("errors", "Enter a whole number"))
        elif not 0 <= value <= maximum:
            self.add(
                field,
                QT_TRANSLATE_NOOP("errors", "The value must be between {minimum} and {maximum}"),
                minimum=0,
                maximum=maximum,
            )

    def date_from(self, field: str, value: object, earliest: object) -> None:
        if not _is_date(value):
            self.add(field, QT_TRANSLATE_NOOP("errors", "Enter a date"))
        elif _is_date(earliest) and value < earliest:
            self.add(
                field,
                QT_TRANSLATE_NOOP("errors", "The date cannot be before {earliest}"),
                earliest=earliest.isoformat(),
            )

    def legal(self, route: LegalRoute) -> None:
        self.fraction("p_win", route.p_win)
        self.amount("recoverable", route.recoverable)
        self.amount("legal_costs", route.legal_costs)
        self.count("months", route.months, MAX_LEGAL_MONTHS)

    def context(self, context: ValuationContext) -> None:
        self.amount("exposure", context.exposure, positive=True)
        self.date_from("as_of", context.as_of, None)
        self.rate("discount_rate", context.discount_rate)
        self.legal(context.legal)
        self.amount("lump_sum_capacity", context.lump_sum_capacity)
        for field in ("promises_kept", "promises_broken", "promises_partial"):
            self.count(field, getattr(context, field), 10**6)
        self.count("days_past_due", context.days_past_due, 10**6)


# --- probability of completion -----------------------------------------------------------------


def _ratio(numerator: Decimal, denominator: Decimal) -> Decimal:
    return (numerator / denominator).quantize(_PCT, rounding=ROUND_HALF_UP)


def _coverage(c: Decimal | None) -> Factor:
    if c is None:
        return Factor("coverage", None, Decimal("0.50"))
    if c >= Decimal("1.5"):
        base = Decimal("0.90")
    elif c >= 1:
        base = Decimal("0.60") + Decimal("0.60") * (c - 1)
    else:
        base = max(Decimal("0.05"), Decimal("0.60") * c)
    return Factor("coverage", c, base)


def _history_and_arrears(context: ValuationContext) -> tuple[Factor, Factor]:
    kept, partial = context.promises_kept, context.promises_partial
    total = kept + partial + context.promises_broken
    if total == 0:
        history = Factor("promise_history", None, Decimal("0.85"))
    else:
        h = _ratio(kept + Decimal("0.5") * partial, Decimal(total))
        history = Factor("promise_history", h, Decimal("0.5") + Decimal("0.5") * h)
    dpd = context.days_past_due
    arrears = next(m for limit, m in _ARREARS if limit is None or dpd <= limit)
    return history, Factor("days_past_due", dpd, arrears)


_ARREARS: tuple[tuple[int | None, Decimal], ...] = (
    (90, Decimal("1.00")),
    (180, Decimal("0.90")),
    (360, Decimal("0.80")),
    (None, Decimal("0.70")),
)


def _completion(factors: list[Factor], context: ValuationContext) -> Completion:
    factors.extend(_history_and_arrears(context))
    # Multipliers to 4 decimals: what the user reads is exactly what was multiplied.
    shown = [Factor(f.key, f.input, f.multiplier.quantize(_PCT, ROUND_HALF_UP)) for f in factors]
    p = ONE
    for factor in shown:
        p *= factor.multiplier
    p = min(max(p, Decimal("0.01")), Decimal("0.99")).quantize(_P, rounding=ROUND_HALF_UP)
    return Completion(p, tuple(shown))


def _capacity_ratio(capacity: Decimal | None, due: Decimal) -> Decimal | None:
    if capacity is None:
        return None
    return _ratio(max(capacity, ZERO), due) if due > 0 else Decimal("1.5")


def _plan_factors(
    rows: list[ScheduleRow], per_year: int, end_lump: Decimal, context: ValuationContext
) -> list[Factor]:
    instalments = [r for r in rows if r.number > 0]
    regular = max(r.payment - (end_lump if r is instalments[-1] else 0) for r in instalments)
    capacity = context.sustainable_payment
    per_period = None if capacity is None else capacity * 12 / per_year
    factors = [_coverage(_capacity_ratio(per_period, regular))]
    lumps = end_lump + sum((r.payment for r in rows if r.number == 0), ZERO)
    if lumps > 0:
        ratio = _capacity_ratio(context.lump_sum_capacity, lumps)
        if ratio is None:
            factors.append(Factor("lump_sums", None, Decimal("0.80")))
        else:
            multiplier = ONE if ratio >= 1 else Decimal("0.5") + Decimal("0.5") * ratio
            factors.append(Factor("lump_sums", ratio, multiplier))
    return factors


# --- scenario flows ----------------------------------------------------------------------------


def _legal_flows(route: LegalRoute, claim: Decimal, start: date) -> list[CashFlow]:
    recovery = round_money(route.p_win * min(max(claim, ZERO), route.recoverable))
    months = route.months
    flows = [CashFlow(add_periods(start, months, "monthly"), recovery)]
    if route.legal_costs > 0:
        # Whole cents that add up exactly; the leftover cents go to the first months.
        base, leftover = divmod(int(route.legal_costs * 100), max(months, 1))
        for k in range(max(months, 1)):
            cents = base + (1 if k < leftover else 0)
            if cents:
                flows.append(CashFlow(add_periods(start, k, "monthly"), Decimal(-cents).scaleb(-2)))
    return sorted(flows, key=lambda f: f.on)


def _months_between(start: date, end: date) -> int:
    """Whole months from ``start`` to ``end``, rounded up (0 when ``end`` is not later)."""
    if end <= start:
        return 0
    months = (end.year - start.year) * 12 + end.month - start.month
    return months if add_periods(start, months, "monthly") >= end else months + 1


@dataclass
class _Valued:
    kind: ScenarioKind
    flows: list[CashFlow]
    agreed: Decimal  # the nominal amount agreed, for the discount
    term_months: int
    completion: Completion
    failure: list[CashFlow]  # the flows if the scenario fails
    schedule: tuple[ScheduleRow, ...] = ()


def _plan(
    checks: _Checks,
    kind: ScenarioKind,
    plan: InstallmentPlan,
    context: ValuationContext,
    share: Decimal,
    renamed: dict[str, str],
) -> _Valued | None:
    # Dates that are not dates are left to build_schedule, which reports them once.
    if _is_date(plan.first_due):
        checks.date_from("first_due", plan.first_due, context.as_of)
    if plan.down_payment > 0 and _is_date(plan.down_payment_date):
        checks.date_from("down_payment_date", plan.down_payment_date, context.as_of)
    agreed = plan.financed if plan.financed is not None else context.exposure
    if plan.financed is None and checks.for_field("exposure"):
        return None
    try:
        rows = build_schedule(
            agreed, plan.annual_rate, plan.installments, plan.first_due, plan.frequency,
            plan.method, plan.down_payment, plan.grace_periods, plan.balloon,
            down_payment_date=plan.down_payment_date,
        )  # fmt: skip
    except ValidationError as error:
        for p in error.problems:
            checks.problems.append(Problem(renamed.get(p.field, p.field), p.template, p.params))
        return None
    if checks.problems:
        return None
    per_year = periods_per_year(plan.frequency)
    instalments = [r for r in rows if r.number > 0]
    paid = int((len(instalments) * share).to_integral_value(rounding=ROUND_FLOOR))
    before = [r for r in rows if r.number <= paid]
    claim = context.exposure - sum((r.principal for r in before), ZERO)
    end_lump = rows[-1].principal if plan.method == "bullet" else plan.balloon
    return _Valued(
        kind,
        [CashFlow(r.due_date, r.payment) for r in rows],
        agreed,
        -(-len(instalments) * 12 // per_year),
        _completion(_plan_factors(rows, per_year, end_lump, context), context),
        [CashFlow(r.due_date, r.payment) for r in before]
        + _legal_flows(context.legal, claim, instalments[paid].due_date),
        tuple(rows),
    )


def _single(kind: ScenarioKind, flow: CashFlow, base: Factor, context: ValuationContext) -> _Valued:
    """A scenario paid in one go: if it fails, nothing is paid and the legal route starts."""
    failure = _legal_flows(context.legal, context.exposure, flow.on)
    return _Valued(kind, [flow], flow.amount, 0, _completion([base], context), failure)


def _value(scenario: Scenario, context: ValuationContext, share: Decimal) -> _Valued:
    checks = _Checks()
    checks.context(context)
    checks.fraction("default_after_share", share, below_one=True)
    as_of = context.as_of
    valued: _Valued | None = None
    if isinstance(scenario, InstallmentPlan):
        renamed = {"principal": "financed"}
        valued = _plan(checks, ScenarioKind.INSTALLMENT_PLAN, scenario, context, share, renamed)
    elif isinstance(scenario, Restructuring):
        plan = InstallmentPlan(
            ZERO, scenario.new_term_installments, scenario.frequency, scenario.annual_rate,
            scenario.first_due, method=scenario.method,
        )  # fmt: skip
        renamed = {"installments": "new_term_installments"}
        valued = _plan(checks, ScenarioKind.RESTRUCTURING, plan, context, share, renamed)
    elif isinstance(scenario, LumpSum):
        checks.amount("amount", scenario.amount, positive=True)
        checks.date_from("pay_on", scenario.pay_on, as_of)
        if not checks.problems:
            c = _capacity_ratio(context.lump_sum_capacity, scenario.amount)
            flow = CashFlow(scenario.pay_on, scenario.amount)
            valued = _single(ScenarioKind.LUMP_SUM, flow, _coverage(c), context)
    elif isinstance(scenario, PaymentInKind):
        if not isinstance(scenario.asset_description, str) or not scenario.asset_description:
            checks.add("asset_description", QT_TRANSLATE_NOOP("errors", "Describe the asset"))
        checks.amount("appraised_value", scenario.appraised_value, positive=True)
        checks.fraction("forced_sale_haircut", scenario.forced_sale_haircut, below_one=True)
        checks.amount("transfer_costs", scenario.transfer_costs)
        checks.date_from("transfer_on", scenario.transfer_on, as_of)
        if not checks.problems:
            sold = round_money(scenario.appraised_value * (1 - scenario.forced_sale_haircut))
            flow = CashFlow(scenario.transfer_on, sold - scenario.transfer_costs)
            base = Factor("asset_transfer", None, Decimal("0.75"))
            valued = _single(ScenarioKind.PAYMENT_IN_KIND, flow, base, context)
    elif isinstance(scenario, LegalRoute):
        if scenario != context.legal:
            checks.legal(scenario)
        if not checks.problems:
            p = scenario.p_win.quantize(_P, rounding=ROUND_HALF_UP)
            completion = Completion(p, (Factor("p_win", scenario.p_win, scenario.p_win),))
            flows = _legal_flows(scenario, context.exposure, as_of)
            months = scenario.months
            valued = _Valued(ScenarioKind.LEGAL, flows, context.exposure, months, completion, [])
    else:
        raise TypeError(f"not a scenario: {type(scenario).__name__}")
    if checks.problems:
        raise ValidationError(checks.problems)
    assert valued is not None
    return valued


def value_scenario(
    scenario: Scenario,
    context: ValuationContext,
    *,
    default_after_share: Decimal = DEFAULT_AFTER_SHARE,
) -> ScenarioValue:
    """Value one scenario; ``ValidationError`` naming every invalid input (context included)."""
    share = _require_decimal(default_after_share, "default_after_share")
    valued = _value(scenario, context, share)
    rate, as_of, exposure = context.discount_rate, context.as_of, context.exposure
    pv = present_value(valued.flows, rate, as_of)
    nominal = sum((f.amount for f in valued.flows), ZERO)
    if valued.kind is ScenarioKind.LEGAL:
        # p(win) is already inside the flows: the route's value is its expected PV.
        failure = expected = pv
    else:
        failure = present_value(valued.failure, rate, as_of)
        p = valued.completion.p
        expected = round_money(p * pv + (1 - p) * failure)
    discount = max(exposure - valued.agreed, ZERO)
    return ScenarioValue(
        kind=valued.kind,
        nominal_total=nominal,
        present_value=pv,
        recovery_pct=_ratio(nominal, exposure),
        pv_recovery_pct=_ratio(pv, exposure),
        completion=valued.completion,
        expected_pv=expected,
        months_to_recover=_months_between(as_of, max(f.on for f in valued.flows)),
        discount_amount=discount,
        discount_pct=_ratio(discount, exposure),
        term_months=valued.term_months,
        cashflows=tuple(valued.flows),
        schedule=valued.schedule,
        failure_pv=failure,
    )


def value_scenarios(
    scenarios: Iterable[Scenario],
    context: ValuationContext,
    *,
    default_after_share: Decimal = DEFAULT_AFTER_SHARE,
) -> list[ScenarioValue]:
    return [value_scenario(s, context, default_after_share=default_after_share) for s in scenarios]


def best_index(values: Sequence[ScenarioValue], allowed: Sequence[bool]) -> int | None:
    """Index of the highest expected PV among the allowed values (the first one on a tie);
    None when none is allowed. The approval policy decides ``allowed``, not this module."""
    if len(values) != len(allowed):
        raise ValueError(f"{len(values)} values but {len(allowed)} allowed flags")
    best: int | None = None
    for index, (value, ok) in enumerate(zip(values, allowed, strict=True)):
        if ok and (best is None or value.expected_pv > values[best].expected_pv):
            best = index
    return best
