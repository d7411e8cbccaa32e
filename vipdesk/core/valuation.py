"""Present values and the valuation of settlement scenarios (FINANCE.md, "Valuation of
settlement scenarios").

Present value, actual/365: PV = Σ amount ÷ (1 + r)^(days / 365), days = (on − as_of).days,
worked out with 40 significant digits and rounded half-up to cents once, on the total. A flow
dated before ``as_of`` has negative days and is compounded forward to ``as_of`` (money received
earlier is worth more, at the same rate), so that moving ``as_of`` never changes a ranking.

Scenarios (the dataclasses of ``vipdesk.core.scenario_inputs``), all valued at the context's
``discount_rate`` on ``as_of``:

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

Probability of completion p: the model of ``vipdesk.core.completion`` (the legal route's p is
p(win)).

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
from datetime import date
from decimal import ROUND_FLOOR, Context, Decimal, localcontext
from enum import StrEnum

from vipdesk.core.completion import (
    ASSET_TRANSFER,
    ONE,
    ZERO,
    Completion,
    Factor,
    capacity_ratio,
    completion_of,
    coverage_factor,
    legal_completion,
    plan_factors,
    ratio,
)
from vipdesk.core.errors import QT_TRANSLATE_NOOP, Problem, ValidationError
from vipdesk.core.money import require_decimal, round_money
from vipdesk.core.scenario_inputs import (
    MAX_LEGAL_MONTHS,
    InputChecks,
    InstallmentPlan,
    LegalRoute,
    LumpSum,
    PaymentInKind,
    Restructuring,
    Scenario,
    ValuationContext,
    is_date,
    store_decimals,
)
from vipdesk.core.schedule import ScheduleRow, add_periods, build_schedule, periods_per_year

# Other code imports the scenarios and the completion classes from here: they stay public here.
__all__ = [
    "DEFAULT_AFTER_SHARE",
    "MAX_LEGAL_MONTHS",
    "ONE",
    "ZERO",
    "CashFlow",
    "Completion",
    "Factor",
    "InstallmentPlan",
    "LegalRoute",
    "LumpSum",
    "PaymentInKind",
    "Restructuring",
    "Scenario",
    "ScenarioKind",
    "ScenarioValue",
    "ValuationContext",
    "best_index",
    "present_value",
    "value_scenario",
    "value_scenarios",
]

DEFAULT_AFTER_SHARE = Decimal("0.5")
_PV = Context(prec=40)


@dataclass(frozen=True)
class CashFlow:
    on: date
    amount: Decimal

    def __post_init__(self) -> None:
        if not is_date(self.on):
            raise TypeError(f"on must be a date, got {type(self.on).__name__}")
        store_decimals(self, "amount")


class ScenarioKind(StrEnum):
    LUMP_SUM = "lump_sum"
    INSTALLMENT_PLAN = "installment_plan"
    RESTRUCTURING = "restructuring"
    PAYMENT_IN_KIND = "payment_in_kind"
    LEGAL = "legal"


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
    rate = require_decimal(annual_rate, "annual_rate")
    checks = InputChecks()
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
    checks: InputChecks,
    kind: ScenarioKind,
    plan: InstallmentPlan,
    context: ValuationContext,
    share: Decimal,
    renamed: dict[str, str],
) -> _Valued | None:
    # Dates that are not dates are left to build_schedule, which reports them once.
    if is_date(plan.first_due):
        checks.date_from("first_due", plan.first_due, context.as_of)
    if plan.down_payment > 0 and is_date(plan.down_payment_date):
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
        completion_of(plan_factors(rows, per_year, end_lump, context), context),
        [CashFlow(r.due_date, r.payment) for r in before]
        + _legal_flows(context.legal, claim, instalments[paid].due_date),
        tuple(rows),
    )


def _single(kind: ScenarioKind, flow: CashFlow, base: Factor, context: ValuationContext) -> _Valued:
    """A scenario paid in one go: if it fails, nothing is paid and the legal route starts."""
    failure = _legal_flows(context.legal, context.exposure, flow.on)
    return _Valued(kind, [flow], flow.amount, 0, completion_of([base], context), failure)


def _value(scenario: Scenario, context: ValuationContext, share: Decimal) -> _Valued:
    checks = InputChecks()
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
            c = capacity_ratio(context.lump_sum_capacity, scenario.amount)
            flow = CashFlow(scenario.pay_on, scenario.amount)
            valued = _single(ScenarioKind.LUMP_SUM, flow, coverage_factor(c), context)
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
            valued = _single(ScenarioKind.PAYMENT_IN_KIND, flow, ASSET_TRANSFER, context)
    elif isinstance(scenario, LegalRoute):
        if scenario != context.legal:
            checks.legal(scenario)
        if not checks.problems:
            completion = legal_completion(scenario.p_win)
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
    share = require_decimal(default_after_share, "default_after_share")
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
        recovery_pct=ratio(nominal, exposure),
        pv_recovery_pct=ratio(pv, exposure),
        completion=valued.completion,
        expected_pv=expected,
        months_to_recover=_months_between(as_of, max(f.on for f in valued.flows)),
        discount_amount=discount,
        discount_pct=ratio(discount, exposure),
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
