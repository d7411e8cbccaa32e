from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vipdesk.core.errors import ValidationError
from vipdesk.core.valuation import (
    CashFlow,
    Completion,
    Factor,
    InstallmentPlan,
    LegalRoute,
    LumpSum,
    PaymentInKind,
    Restructuring,
    ScenarioKind,
    ScenarioValue,
    ValuationContext,
    best_index,
    present_value,
    value_scenario,
    value_scenarios,
)

D = Decimal


def context(**changes: Any) -> ValuationContext:
    arguments: dict[str, Any] = {
        "exposure": D("1200"),
        "as_of": date(2026, 1, 1),
        "discount_rate": D(0),
        "legal": LegalRoute(D("0.5"), D("1000"), D("100"), 2),
        "sustainable_payment": D("450"),
        "lump_sum_capacity": None,
        "promises_kept": 0,
        "promises_broken": 0,
        "promises_partial": 0,
        "days_past_due": 30,
    }
    return ValuationContext(**(arguments | changes))


def plan(**changes: Any) -> InstallmentPlan:
    arguments: dict[str, Any] = {
        "down_payment": D(0),
        "installments": 4,
        "frequency": "monthly",
        "annual_rate": D(0),
        "first_due": date(2026, 2, 1),
    }
    return InstallmentPlan(**(arguments | changes))


def factors(value: ScenarioValue) -> dict[str, tuple[Decimal | int | None, Decimal]]:
    return {f.key: (f.input, f.multiplier) for f in value.completion.factors}


# --- present value ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("flows", "rate", "as_of", "expected"),
    [
        # 1,000 in 365 days at 10 %: 1000 ÷ 1.1 = 909.0909
        ([(date(2026, 1, 1), D(1000))], D("0.10"), date(2025, 1, 1), D("909.09")),
        # 500 in 365 days and 500 in 730: 500 ÷ 1.1 + 500 ÷ 1.21 = 454.5455 + 413.2231 = 867.7686
        (
            [(date(2026, 1, 1), D(500)), (date(2027, 1, 1), D(500))],
            D("0.10"),
            date(2025, 1, 1),
            D("867.77"),
        ),
        # as_of in a leap year: 2024-01-01 → 2025-01-01 is 366 days: 1000 ÷ 1.1^(366/365)
        # = 1000 ÷ 1.1002873 = 908.8536
        ([(date(2025, 1, 1), D(1000))], D("0.10"), date(2024, 1, 1), D("908.85")),
        # 31 days: 1000 ÷ 1.1^(31/365) = 991.9378
        ([(date(2026, 2, 1), D(1000))], D("0.10"), date(2026, 1, 1), D("991.94")),
        # A flow a year before as_of is compounded forward: 1000 × 1.1 = 1100
        ([(date(2025, 1, 1), D(1000))], D("0.10"), date(2026, 1, 1), D("1100.00")),
        # Rate 0: the plain sum, whatever the dates
        (
            [(date(2030, 1, 1), D("1000")), (date(2020, 1, 1), D("234.56"))],
            D(0),
            date(2026, 1, 1),
            D("1234.56"),
        ),
        # Same day: face value; costs are negative flows
        (
            [(date(2026, 1, 1), D("100")), (date(2026, 1, 1), D("-30.25"))],
            D("0.5"),
            date(2026, 1, 1),
            D("69.75"),
        ),
        # The total is rounded once, half-up: 0.0025 + 0.0025 = 0.005 → 0.01
        (
            [(date(2026, 1, 1), D("0.0025")), (date(2026, 1, 1), D("0.0025"))],
            D(0),
            date(2026, 1, 1),
            D("0.01"),
        ),
        ([], D("0.10"), date(2026, 1, 1), D("0.00")),
    ],
)
def test_present_value_by_hand(
    flows: list[tuple[date, Decimal]], rate: Decimal, as_of: date, expected: Decimal
) -> None:
    assert present_value(flows, rate, as_of) == expected
    assert present_value([CashFlow(*f) for f in flows], rate, as_of) == expected


def test_present_value_validation() -> None:
    flows = [CashFlow(date(2026, 1, 1), D(1))]
    for rate in (D("-0.01"), D("10.01")):
        with pytest.raises(ValidationError) as caught:
            present_value(flows, rate, date(2026, 1, 1))
        assert [p.field for p in caught.value.problems] == ["annual_rate"]
    with pytest.raises(ValidationError) as caught:
        present_value(flows, D("0.1"), datetime(2026, 1, 1))  # type: ignore[arg-type]  # noqa: DTZ001
    assert [p.field for p in caught.value.problems] == ["as_of"]
    with pytest.raises(TypeError):
        present_value(flows, 0.1, date(2026, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        CashFlow(date(2026, 1, 1), 1.0)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        CashFlow(datetime(2026, 1, 1), D(1))  # noqa: DTZ001
    with pytest.raises(TypeError):
        present_value([(date(2026, 1, 1), 10.5)], D("0.1"), date(2026, 1, 1))  # type: ignore[list-item]


future_flows = st.lists(
    st.tuples(
        st.dates(min_value=date(2026, 1, 1), max_value=date(2076, 1, 1)),
        st.integers(min_value=0, max_value=10**12).map(lambda cents: D(cents) / 100),
    ),
    max_size=20,
)


@given(future_flows, st.integers(0, 10000), st.integers(0, 10000))
def test_present_value_is_at_most_the_sum_and_falls_with_the_rate(
    flows: list[tuple[date, Decimal]], bp_low: int, bp_high: int
) -> None:
    low, high = sorted((D(bp_low) / 10000, D(bp_high) / 10000))
    total = sum((amount for _, amount in flows), D(0))
    as_of = date(2026, 1, 1)
    assert present_value(flows, D(0), as_of) == total
    assert total >= present_value(flows, low, as_of) >= present_value(flows, high, as_of)


# --- scenarios by hand --------------------------------------------------------------------------


def test_instalment_plan_expected_pv_by_hand() -> None:
    # Exposure 1,200 in 4 monthly instalments of 300 at 0 %, discount rate 0 so PV = nominal.
    # p: coverage 450 ÷ 300 = 1.5 → 0.90; no promise history → 0.85; 30 days past due → 1.00;
    # 0.90 × 0.85 × 1.00 = 0.765 → 0.77 (half-up).
    # Failure: default after floor(4 × 0.5) = 2 instalments (600 paid) on 2026-04-01, the third
    # due date; the legal route on the 600 left: 0.5 × min(600, 1000) = 300 two months later,
    # costs 100 as 50 + 50 on 2026-04-01 and 2026-05-01. F = 600 + 300 − 100 = 800.
    # Expected PV = 0.77 × 1200 + 0.23 × 800 = 924 + 184 = 1108.00.
    value = value_scenario(plan(), context())
    assert value.kind is ScenarioKind.INSTALLMENT_PLAN
    assert value.completion.p == D("0.77")
    assert factors(value) == {
        "coverage": (D("1.5"), D("0.90")),
        "promise_history": (None, D("0.85")),
        "days_past_due": (30, D("1.00")),
    }
    assert value.present_value == value.nominal_total == D("1200")
    assert value.failure_pv == D("800.00")
    assert value.expected_pv == D("1108.00")
    assert value.recovery_pct == value.pv_recovery_pct == D("1.0000")
    assert (value.discount_amount, value.discount_pct) == (D(0), D(0))
    assert value.months_to_recover == 4
    assert value.term_months == 4
    assert [f.amount for f in value.cashflows] == [D("300.00")] * 4
    assert len(value.schedule) == 4

    # Default at once: the claim is the whole 1,200, capped by the 1,000 recoverable:
    # F = 0.5 × 1000 − 100 = 400; 0.77 × 1200 + 0.23 × 400 = 924 + 92 = 1016.00.
    early = value_scenario(plan(), context(), default_after_share=D(0))
    assert (early.failure_pv, early.expected_pv) == (D("400.00"), D("1016.00"))
    # After 3 of 4: F = 900 + 0.5 × 300 − 100 = 950; 924 + 0.23 × 950 = 1142.50.
    late = value_scenario(plan(), context(), default_after_share=D("0.75"))
    assert (late.failure_pv, late.expected_pv) == (D("950.00"), D("1142.50"))


def test_lump_sum_expected_pv_by_hand() -> None:
    # 1,000 of a 2,000 exposure paid in 365 days, discounted at 10 %: PV 909.09.
    # p: coverage 1500 ÷ 1000 = 1.5 → 0.90; promises 2 kept, 2 broken: h = 0.5 → 0.75;
    # 400 days past due → 0.70; 0.90 × 0.75 × 0.70 = 0.4725 → 0.47.
    # Failure: nothing paid; the legal route starts on the payment date and recovers
    # 0.5 × min(2000, 5000) = 1000 twelve months later, 730 days from as_of: 1000 ÷ 1.21 = 826.45.
    # Expected PV = 0.47 × 909.09 + 0.53 × 826.45 = 427.2723 + 438.0185 = 865.2908 → 865.29.
    ctx = context(
        exposure=D(2000), as_of=date(2025, 1, 1), discount_rate=D("0.10"),
        legal=LegalRoute(D("0.5"), D(5000), D(0), 12), lump_sum_capacity=D(1500),
        promises_kept=2, promises_broken=2, days_past_due=400,
    )  # fmt: skip
    value = value_scenario(LumpSum(D(1000), date(2026, 1, 1)), ctx)
    assert value.kind is ScenarioKind.LUMP_SUM
    assert value.present_value == D("909.09")
    assert value.completion.p == D("0.47")
    assert factors(value) == {
        "coverage": (D("1.5"), D("0.90")),
        "promise_history": (D("0.5"), D("0.75")),
        "days_past_due": (400, D("0.70")),
    }
    assert value.failure_pv == D("826.45")
    assert value.expected_pv == D("865.29")
    assert value.recovery_pct == D("0.5000")
    assert value.pv_recovery_pct == D("0.4545")  # 909.09 ÷ 2000
    assert (value.discount_amount, value.discount_pct) == (D(1000), D("0.5000"))
    assert value.months_to_recover == 12
    assert value.term_months == 0
    assert value.schedule == ()


def test_plan_with_discount_and_down_payment() -> None:
    # 900 agreed of 1,200 (25 % off): 300 down one month before the first of 3 instalments.
    # After default (1 of 3 instalments paid) the claim is 1200 − 300 − 200 = 700: the
    # discount is lost. F = 300 + 200 + 0.5 × 700 − 100 = 750.
    scenario = plan(down_payment=D(300), installments=3, financed=D(900))
    value = value_scenario(scenario, context(lump_sum_capacity=D(150)))
    assert [(f.on, f.amount) for f in value.cashflows] == [
        (date(2026, 1, 1), D(300)),
        (date(2026, 2, 1), D(200)),
        (date(2026, 3, 1), D(200)),
        (date(2026, 4, 1), D(200)),
    ]
    assert value.schedule[0].number == 0
    assert (value.discount_amount, value.discount_pct) == (D(300), D("0.2500"))
    assert value.nominal_total == D(900)
    assert value.recovery_pct == D("0.7500")
    assert value.failure_pv == D("750.00")
    # Coverage 450 ÷ 200 = 2.25 → 0.90; lump sums: 150 ÷ 300 = 0.5 → 0.75;
    # 0.90 × 0.75 × 0.85 = 0.57375 → 0.57
    assert factors(value)["lump_sums"] == (D("0.5"), D("0.75"))
    assert value.completion.p == D("0.57")
    assert value.expected_pv == D("835.50")  # 0.57 × 900 + 0.43 × 750 = 513 + 322.5


def test_restructuring_re_amortises_the_whole_exposure() -> None:
    value = value_scenario(Restructuring(12, D("0.12"), date(2026, 2, 1)), context())
    assert value.kind is ScenarioKind.RESTRUCTURING
    assert sum(r.principal for r in value.schedule) == D(1200)
    assert value.discount_amount == 0
    assert value.nominal_total == sum(r.payment for r in value.schedule) > D(1200)
    assert value.term_months == 12
    quarterly = value_scenario(
        Restructuring(4, D(0), date(2026, 3, 31), "quarterly", "german"), context()
    )
    assert quarterly.term_months == 12
    # Monthly capacity 450 is 1350 a quarter; 1350 ÷ 300 = 4.5 → 0.90.
    assert factors(quarterly)["coverage"] == (D("4.5"), D("0.90"))


def test_payment_in_kind() -> None:
    # 1,000 appraised, 30 % forced-sale haircut, 50 of transfer costs: 1000 × 0.7 − 50 = 650.
    scenario = PaymentInKind("Local en zona 10", D(1000), D("0.3"), D(50), date(2026, 3, 1))
    value = value_scenario(scenario, context())
    assert value.kind is ScenarioKind.PAYMENT_IN_KIND
    assert [(f.on, f.amount) for f in value.cashflows] == [(date(2026, 3, 1), D(650))]
    assert (value.discount_amount, value.discount_pct) == (D(550), D("0.4583"))
    # 0.75 × 0.85 × 1.00 = 0.6375 → 0.64; F = 0.5 × 1000 − 100 = 400;
    # 0.64 × 650 + 0.36 × 400 = 416 + 144 = 560
    assert factors(value)["asset_transfer"] == (None, D("0.75"))
    assert value.completion.p == D("0.64")
    assert value.expected_pv == D("560.00")
    assert value.months_to_recover == 2


def test_legal_route_as_a_scenario() -> None:
    # 0.6 × min(100000, 80000) = 48000 after 24 months, less 12000 in 24 monthly 500s.
    route = LegalRoute(D("0.6"), D(80000), D(12000), 24)
    value = value_scenario(route, context(exposure=D(100000), legal=route))
    assert value.kind is ScenarioKind.LEGAL
    assert value.nominal_total == value.present_value == value.expected_pv == D(36000)
    assert value.completion == Completion(D("0.60"), (Factor("p_win", D("0.6"), D("0.6")),))
    assert value.months_to_recover == value.term_months == 24
    costs = [f for f in value.cashflows if f.amount < 0]
    assert [f.amount for f in costs] == [D(-500)] * 24
    assert costs[0].on == date(2026, 1, 1) and costs[-1].on == date(2027, 12, 1)
    assert value.cashflows[-1] == CashFlow(date(2028, 1, 1), D(48000))
    assert value.discount_amount == 0


def test_legal_route_discounted_and_costs_split_to_the_cent() -> None:
    # Costs 100.00 over 3 months: 33.34 + 33.33 + 33.33 on days 0, 31 and 59; the recovery,
    # 0.5 × min(2000, 1000) = 500, on day 90. At 10 %:
    #   500 ÷ 1.1^(90/365) = 488.3864
    #   33.33 ÷ 1.1^(31/365) = 33.0613; 33.33 ÷ 1.1^(59/365) = 32.8204
    #   488.3864 − 33.34 − 33.0613 − 32.8204 = 389.1647 → 389.16
    route = LegalRoute(D("0.5"), D(1000), D(100), 3)
    ctx = context(exposure=D(2000), legal=route, discount_rate=D("0.10"))
    value = value_scenario(route, ctx)
    assert [(f.on, f.amount) for f in value.cashflows] == [
        (date(2026, 1, 1), D("-33.34")),
        (date(2026, 2, 1), D("-33.33")),
        (date(2026, 3, 1), D("-33.33")),
        (date(2026, 4, 1), D(500)),
    ]
    assert value.present_value == value.expected_pv == D("389.16")
    # Months 0: everything today, 0.5 × 1000 − 100.
    immediate = value_scenario(LegalRoute(D("0.5"), D(1000), D(100), 0), ctx)
    assert immediate.present_value == D(400)
    assert immediate.months_to_recover == 0
    # 500 a year out, no costs: 500 ÷ 1.1 = 454.55.
    no_costs = value_scenario(LegalRoute(D("0.5"), D(1000), D(0), 12), ctx)
    assert no_costs.present_value == D("454.55")


# --- probability model --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("capacity", "expected_input", "base"),
    [
        (D(2000), D(2), D("0.90")),
        (D(1500), D("1.5"), D("0.90")),
        (D(1250), D("1.25"), D("0.75")),  # 0.60 + 0.60 × 0.25
        (D(1000), D(1), D("0.60")),
        (D(500), D("0.5"), D("0.30")),  # 0.60 × 0.5
        (D(50), D("0.05"), D("0.05")),  # 0.60 × 0.05 = 0.03, floor 0.05
        (D(0), D(0), D("0.05")),
        (None, None, D("0.50")),
    ],
)
def test_coverage_factor(capacity: Decimal | None, expected_input: Any, base: Decimal) -> None:
    value = value_scenario(LumpSum(D(1000), date(2026, 2, 1)), context(lump_sum_capacity=capacity))
    assert factors(value)["coverage"] == (expected_input, base)
    assert value.completion.p == (base * D("0.85")).quantize(D("0.01"), "ROUND_HALF_UP")


@pytest.mark.parametrize(
    ("kept", "broken", "partial", "expected"),
    [
        (0, 0, 0, (None, D("0.85"))),
        (3, 0, 1, (D("0.875"), D("0.9375"))),  # (3 + 0.5) ÷ 4
        (1, 2, 1, (D("0.375"), D("0.6875"))),  # (1 + 0.5) ÷ 4
        (0, 3, 0, (D(0), D("0.5"))),
        (2, 0, 0, (D(1), D(1))),
    ],
)
def test_promise_history_factor(
    kept: int, broken: int, partial: int, expected: tuple[Decimal | None, Decimal]
) -> None:
    ctx = context(promises_kept=kept, promises_broken=broken, promises_partial=partial)
    assert factors(value_scenario(plan(), ctx))["promise_history"] == expected


@pytest.mark.parametrize(
    ("days", "multiplier"),
    [(0, "1"), (90, "1"), (91, "0.9"), (180, "0.9"), (181, "0.8"), (360, "0.8"), (361, "0.7")],
)
def test_days_past_due_factor(days: int, multiplier: str) -> None:
    value = value_scenario(plan(), context(days_past_due=days))
    assert factors(value)["days_past_due"] == (days, D(multiplier))


def test_probability_is_clamped_and_lumps_count() -> None:
    # Coverage 0 → 0.05; all promises broken → 0.5; 400 days → 0.7; a down payment with no
    # lump-sum capacity → 0.5: 0.00875, clamped to 0.01.
    ctx = context(
        sustainable_payment=D(-100), lump_sum_capacity=D(0), promises_broken=4, days_past_due=400
    )
    value = value_scenario(plan(down_payment=D(100)), ctx)
    assert factors(value)["lump_sums"] == (D(0), D("0.5"))
    assert value.completion.p == D("0.01")
    # Unknown capacity for the lumps: 0.80.
    unknown = value_scenario(plan(down_payment=D(100)), context())
    assert factors(unknown)["lump_sums"] == (None, D("0.80"))
    # No lumps, no factor.
    assert "lump_sums" not in factors(value_scenario(plan(), context()))


def test_bullet_and_balloon_compare_the_lump_with_lump_sum_capacity() -> None:
    # Bullet at 12 %: regular payments are the 12.00 of interest; the 1,200 is a lump.
    bullet = value_scenario(plan(method="bullet", annual_rate=D("0.12")), context())
    assert factors(bullet)["coverage"] == (D("37.5"), D("0.90"))  # 450 ÷ 12
    assert factors(bullet)["lump_sums"] == (None, D("0.80"))
    balloon = value_scenario(
        plan(balloon=D(600)), context(lump_sum_capacity=D(300), sustainable_payment=D(150))
    )
    # 600 over 4 rows = 150 a month (coverage 1.0 → 0.60); the 600 balloon: 300 ÷ 600 → 0.75.
    assert factors(balloon)["coverage"] == (D(1), D("0.60"))
    assert factors(balloon)["lump_sums"] == (D("0.5"), D("0.75"))


# --- comparison ---------------------------------------------------------------------------------


def test_value_scenarios_and_best_index() -> None:
    ctx = context()
    scenarios = [
        LumpSum(D(900), date(2026, 1, 15)),
        plan(),
        Restructuring(6, D("0.10"), date(2026, 2, 1)),
        ctx.legal,
    ]
    values = value_scenarios(scenarios, ctx)
    assert [v.kind for v in values] == [
        ScenarioKind.LUMP_SUM, ScenarioKind.INSTALLMENT_PLAN, ScenarioKind.RESTRUCTURING,
        ScenarioKind.LEGAL,
    ]  # fmt: skip
    ranked = sorted(range(4), key=lambda i: values[i].expected_pv, reverse=True)
    assert best_index(values, [True] * 4) == ranked[0]
    allowed = [i != ranked[0] for i in range(4)]
    assert best_index(values, allowed) == ranked[1]
    assert best_index(values, [False] * 4) is None
    assert best_index([], []) is None
    with pytest.raises(ValueError):
        best_index(values, [True])


def test_best_index_takes_the_first_on_a_tie() -> None:
    value = value_scenario(plan(), context())
    assert best_index([value, value, value], [False, True, True]) == 1


# --- validation ---------------------------------------------------------------------------------


def problem_fields(scenario: Any, ctx: ValuationContext, **kwargs: Any) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        value_scenario(scenario, ctx, **kwargs)
    return [p.field for p in caught.value.problems]


def test_context_problems_are_reported_with_the_scenario_ones() -> None:
    ctx = context(
        exposure=D(0), discount_rate=D(-1), legal=LegalRoute(D("1.5"), D(-1), D(-1), -1),
        lump_sum_capacity=D(-1), promises_kept=-1, days_past_due=True,
    )  # fmt: skip
    assert problem_fields(LumpSum(D(0), date(2025, 1, 1)), ctx) == [
        "exposure", "discount_rate", "p_win", "recoverable", "legal_costs", "months",
        "lump_sum_capacity", "promises_kept", "days_past_due", "amount", "pay_on",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("scenario", "field"),
    [
        (LumpSum(D(100), date(2025, 12, 31)), "pay_on"),
        (plan(financed=D(0)), "financed"),
        (plan(installments=0), "installments"),
        (plan(frequency="daily"), "frequency"),
        (plan(grace_periods=4), "grace_periods"),
        (plan(first_due=date(2025, 12, 1)), "first_due"),
        (plan(down_payment=D(1), down_payment_date=date(2025, 1, 1)), "down_payment_date"),
        (plan(balloon=D(1200)), "balloon"),
        (plan(annual_rate=D(11)), "annual_rate"),
        (Restructuring(0, D(0), date(2026, 2, 1)), "new_term_installments"),
        (Restructuring(12, D(0), date(2026, 2, 1), method="american"), "method"),
        (PaymentInKind("", D(1), D(0), D(0), date(2026, 2, 1)), "asset_description"),
        (PaymentInKind("x", D(0), D(0), D(0), date(2026, 2, 1)), "appraised_value"),
        (PaymentInKind("x", D(1), D(1), D(0), date(2026, 2, 1)), "forced_sale_haircut"),
        (PaymentInKind("x", D(1), D(0), D(-1), date(2026, 2, 1)), "transfer_costs"),
        (PaymentInKind("x", D(1), D(0), D(0), "2026-02-01"), "transfer_on"),
        (LegalRoute(D(-1), D(0), D(0), 1), "p_win"),
        (LegalRoute(D(1), D(0), D(0), 601), "months"),
    ],
)
def test_invalid_scenarios_name_the_field(scenario: Any, field: str) -> None:
    assert problem_fields(scenario, context()) == [field]


def test_default_share_and_types() -> None:
    assert problem_fields(plan(), context(), default_after_share=D(1)) == ["default_after_share"]
    with pytest.raises(TypeError):
        value_scenario(plan(), context(), default_after_share=0.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        LumpSum(1000.0, date(2026, 2, 1))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        plan(annual_rate=0.1)
    with pytest.raises(TypeError):
        context(exposure="1200")
    with pytest.raises(TypeError):
        LegalRoute(0.5, D(0), D(0), 1)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        value_scenario("lump sum", context())  # type: ignore[arg-type]
