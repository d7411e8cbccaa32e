from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.core.apple_statements import APPLE_FY2022, APPLE_FY2023
from vipdesk.core.capacity import (
    Capacity,
    CapacityAssumptions,
    CapacityFigure,
    Collateral,
    capacity_for,
    collateral_net_value,
    coverage,
    lump_sum_capacity,
    sustainable_payment,
)
from vipdesk.core.catalog import Segment
from vipdesk.core.errors import ValidationError
from vipdesk.core.ratios import CompanyPeriod, IndividualPeriod

D = Decimal
COMPANY = CapacityAssumptions.default_for(Segment.COMPANY)
INDIVIDUAL = CapacityAssumptions.default_for("individual")


def person(salary: str = "15000", fixed: str | None = "6000", **more: str) -> IndividualPeriod:
    return IndividualPeriod(
        "Mar",
        date(2025, 3, 31),
        {"salary": D(salary)},
        fixed_expenses=None if fixed is None else D(fixed),
        other_debt_service=D(2500),
        **{k: D(v) for k, v in more.items()},
    )


# --- assumptions --------------------------------------------------------------------------


def test_default_assumptions() -> None:
    assert CapacityAssumptions(D("0.50"), D("0.10"), D("0.30")) == COMPANY
    assert CapacityAssumptions(D("0.40"), D("0.10"), D("0.30")) == INDIVIDUAL
    assert CapacityAssumptions.default_for("company") == COMPANY
    with pytest.raises(ValueError):
        CapacityAssumptions.default_for("bank")  # type: ignore[arg-type]


def test_assumptions_are_fractions_between_0_and_1() -> None:
    CapacityAssumptions(D(0), D(1), D("0.5"))  # both ends are allowed
    with pytest.raises(ValidationError) as caught:
        CapacityAssumptions(D("1.5"), D("-0.1"), D("NaN"))
    assert [p.field for p in caught.value.problems] == [
        "payment_share",
        "liquidation_haircut",
        "forced_sale_haircut",
    ]
    assert caught.value.problems[0].message == "Enter a percentage between 0 % and 100 %"
    with pytest.raises(TypeError):
        CapacityAssumptions(0.4, D(0), D(0))  # type: ignore[arg-type]


def test_collateral_is_validated() -> None:
    car = Collateral("Car", D("50000.005"))
    assert (car.market_value, car.senior_liens) == (D("50000.01"), D("0.00"))
    with pytest.raises(ValidationError) as caught:
        Collateral("House", D(-1), D(-2), D("1.01"))
    assert [p.field for p in caught.value.problems] == [
        "market_value",
        "senior_liens",
        "forced_sale_haircut",
    ]
    with pytest.raises(TypeError):
        Collateral("House", 100000.0)  # type: ignore[arg-type]


# --- sustainable payment ------------------------------------------------------------------


def test_company_pays_a_share_of_its_monthly_free_cash_flow() -> None:
    figure = sustainable_payment(APPLE_FY2023, COMPANY, APPLE_FY2022)
    # FCF 81,285 (test_ratios) ÷ 12 × 50 % = 3,386.875 -> 3,386.88
    assert figure == CapacityFigure(
        D("3386.88"),
        None,
        {"free_cash_flow": D("81285.00"), "months": D(12), "payment_share": D("0.50")},
    )


def test_quarterly_free_cash_flow_is_spread_over_its_months() -> None:
    now = CompanyPeriod("Q4", date(2024, 12, 31), 3, **FLOWS, **balance(cash=1000))
    before = CompanyPeriod("Q3", date(2024, 9, 30), 3, **balance(cash=1000))
    # FCF = 1,500 − 300 − 200 − 0 = 1,000 a quarter; ÷ 3 × 50 % = 166.666 -> 166.67
    assert sustainable_payment(now, COMPANY, before).value == D("166.67")


FLOWS = {"ebitda": D(1500), "taxes": D(300), "capex": D(200)}


def balance(cash: int) -> dict[str, Decimal]:
    return {
        "cash": D(cash),
        "receivables": D(0),
        "inventory": D(0),
        "other_current_assets": D(0),
        "current_liabilities": D(500),
    }


@pytest.mark.parametrize("cash_now", [2000, 2001])  # FCF 0 and −1
def test_no_free_cash_flow_means_zero_with_a_reason(cash_now: int) -> None:
    now = CompanyPeriod("Q4", date(2024, 12, 31), 3, **FLOWS, **balance(cash_now))
    before = CompanyPeriod("Q3", date(2024, 9, 30), 3, **balance(1000))
    figure = sustainable_payment(now, COMPANY, before)
    assert figure.value == D("0.00")
    assert figure.reason is not None and figure.reason.message == "No free cash flow"
    assert figure.inputs["free_cash_flow"] == D(2000 - cash_now) - D("0.00")


def test_unknown_free_cash_flow_keeps_its_reason() -> None:
    figure = sustainable_payment(APPLE_FY2023, COMPANY)
    assert figure.value is None and figure.reason is not None
    assert figure.reason.message == "No previous period: the change in working capital is unknown"


def test_individual_pays_a_share_of_disposable_income() -> None:
    # 15,000 − 6,000 − 2,500 = 6,500; × 40 % = 2,600
    figure = sustainable_payment(person(), INDIVIDUAL)
    assert figure.value == D("2600.00") and figure.reason is None
    assert figure.inputs == {"disposable_income": D("6500.00"), "payment_share": D("0.40")}
    broke = sustainable_payment(person(fixed="20000"), INDIVIDUAL)
    assert broke.value == D("0.00")
    assert broke.reason is not None and broke.reason.message == "No disposable income"
    unknown = sustainable_payment(person(fixed=None), INDIVIDUAL)
    assert unknown.value is None
    assert unknown.reason is not None and unknown.reason.message == "Missing: Fixed expenses"


# --- lump sum -----------------------------------------------------------------------------


def test_lump_sum_by_hand() -> None:
    house = Collateral("House", D(500000), D(200000))
    car = Collateral("Car", D(50000), forced_sale_haircut=D("0.5"))
    flat = Collateral("Flat", D(100000), D(90000))  # under water: 70,000 − 90,000
    assert collateral_net_value(house, INDIVIDUAL) == D("150000.00")  # 500,000 × 0.7 − 200,000
    assert collateral_net_value(car, INDIVIDUAL) == D("25000.00")  # its own 50 % haircut
    assert collateral_net_value(flat, INDIVIDUAL) == D("0.00")  # 0, not −20,000
    figure = lump_sum_capacity(D(100000), [house, car, flat], INDIVIDUAL)
    # 100,000 × 0.9 + 150,000 + 25,000 + 0
    assert figure.value == D("265000.00") and figure.reason is None
    assert figure.inputs == {
        "liquid_assets": D("100000.00"),
        "liquidation_haircut": D("0.10"),
        "liquid_net": D("90000.00"),
        "forced_sale_haircut": D("0.30"),
        "collateral_market_value": D("650000.00"),
        "collateral_senior_liens": D("290000.00"),
        "collateral_net": D("175000.00"),
    }


def test_lump_sum_edge_cases() -> None:
    unknown = lump_sum_capacity(None, [Collateral("House", D(1000))], INDIVIDUAL)
    assert unknown.value is None
    assert unknown.reason is not None and unknown.reason.message == "Missing: Liquid assets"
    assert unknown.inputs["collateral_net"] == D("700.00")
    # an overdraft entered as negative cash takes nothing away from the collateral
    assert lump_sum_capacity(D(-500), [Collateral("House", D(1000))], INDIVIDUAL).value == D(700)
    nothing = lump_sum_capacity(D(0), [], INDIVIDUAL)
    assert nothing.value == D("0.00")
    assert nothing.reason is not None and nothing.reason.message == "No liquid assets or collateral"
    # 0.05 × 0.9 = 0.045 -> 0.05, half-up
    assert lump_sum_capacity(D("0.05"), [], INDIVIDUAL).value == D("0.05")


amounts = st.decimals(min_value=0, max_value=D(10) ** 12, places=2)
shares = st.decimals(min_value=0, max_value=1, places=4)


@given(
    amounts,
    st.lists(st.tuples(amounts, amounts, st.one_of(st.none(), shares)), max_size=5),
    shares,
    shares,
)
def test_lump_sum_is_never_negative_and_adds_up(
    liquid: Decimal,
    items: list[tuple[Decimal, Decimal, Decimal | None]],
    liquidation: Decimal,
    forced: Decimal,
) -> None:
    assumptions = CapacityAssumptions(D("0.5"), liquidation, forced)
    collaterals = [Collateral(f"#{i}", v, lien, h) for i, (v, lien, h) in enumerate(items)]
    figure = lump_sum_capacity(liquid, collaterals, assumptions)
    nets = [collateral_net_value(c, assumptions) for c in collaterals]
    assert figure.value is not None and figure.value >= 0
    assert all(n >= 0 for n in nets)
    liquid_net = figure.inputs["liquid_net"]
    assert liquid_net is not None and figure.value == liquid_net + sum(nets, D(0))
    assert figure.value <= liquid + sum((c.market_value for c in collaterals), D(0))


# --- coverage -----------------------------------------------------------------------------


def test_coverage() -> None:
    # 3,386.88 ÷ 2,000 = 1.69344
    assert coverage(D("3386.88"), D(2000)) == D("1.69")
    assert coverage(D("201"), D("200")) == D("1.01")  # 1.005, half-up
    assert coverage(CapacityFigure(D(500), None), D(1000)) == D("0.50")
    assert coverage(D(0), D(1000)) == D("0.00")
    assert coverage(None, D(1000)) is None
    assert coverage(CapacityFigure(None, None), D(1000)) is None
    assert coverage(D(500), None) is None
    assert coverage(D(500), D(0)) is None
    assert coverage(D(500), D(-10)) is None


# --- capacity_for -------------------------------------------------------------------------


def test_capacity_for_a_company_uses_the_latest_period() -> None:
    house = Collateral("Plant", D(50000), D(10000))
    capacity = capacity_for([APPLE_FY2023, APPLE_FY2022], [house], COMPANY)
    assert (capacity.segment, capacity.period_label) == (Segment.COMPANY, "FY2023")
    assert capacity.period_end == date(2023, 9, 30)
    assert capacity.sustainable.value == D("3386.88")
    # liquid assets = cash only: 29,965 × 0.9 = 26,968.50; plant 50,000 × 0.7 − 10,000 = 25,000
    assert capacity.lump_sum.value == D("51968.50")
    assert capacity.assumptions is COMPANY and capacity.collaterals == (house,)
    assert capacity.coverage(D(3000)) == D("1.13")  # 3,386.88 ÷ 3,000 = 1.12896


def test_capacity_for_one_company_period_has_no_sustainable_payment_yet() -> None:
    capacity = capacity_for([APPLE_FY2023], [], COMPANY)
    assert capacity.sustainable.value is None
    assert capacity.lump_sum.value == D("26968.50")
    assert capacity.coverage(D(1000)) is None


def test_capacity_for_an_individual() -> None:
    older = dataclasses.replace(person(salary="1"), period_end=date(2025, 2, 28))
    latest = person(cash="10000", investments="5000")
    capacity = capacity_for([latest, older], [], INDIVIDUAL)
    assert capacity.segment is Segment.INDIVIDUAL and capacity.period_label == "Mar"
    assert capacity.sustainable.value == D("2600.00")
    assert capacity.lump_sum.value == D("13500.00")  # (10,000 + 5,000) × 0.9


def test_capacity_for_without_periods_or_with_mixed_ones() -> None:
    capacity = capacity_for([], [Collateral("House", D(1000))], INDIVIDUAL)
    assert capacity == Capacity(
        None,
        None,
        None,
        capacity.sustainable,
        capacity.lump_sum,
        INDIVIDUAL,
        (Collateral("House", D(1000)),),
    )
    assert capacity.sustainable.reason is not None
    assert capacity.sustainable.reason.message == "No financial statements entered"
    assert capacity.lump_sum.inputs["collateral_net"] == D("700.00")
    with pytest.raises(ValidationError):
        capacity_for([APPLE_FY2023, person()], [], COMPANY)
