from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.core.apple_statements import APPLE_FY2022, APPLE_FY2023
from tests.core.company_figures import FULL, company
from vipdesk.core.catalog import Segment
from vipdesk.core.errors import ValidationError
from vipdesk.core.ratios import (
    COMPANY_RATIOS,
    DEFAULT_THRESHOLDS,
    FIELD_LABELS,
    FIELDS_COMPANY,
    FIELDS_INDIVIDUAL,
    GROUP_LABELS,
    INDIVIDUAL_RATIOS,
    RATIOS,
    CompanyPeriod,
    IndividualPeriod,
    Light,
    RatioValue,
    Reason,
    Unit,
    company_ratio,
    company_ratios,
    individual_ratio,
    individual_ratios,
    quantize_exact,
    trend,
)

D = Decimal


def by_key(values: list[RatioValue]) -> dict[str, RatioValue]:
    return {v.key: v for v in values}


def test_apple_fy2023_ratios() -> None:
    r = by_key(company_ratios(APPLE_FY2023, APPLE_FY2022))
    # 143,566 − 145,308
    assert r["working_capital"].value == D("-1742.00")
    # 143,566 ÷ 145,308 = 0.98801: the widely published 0.99
    assert r["current_ratio"].value == D("0.99")
    # (29,965 + 29,508) ÷ 145,308 = 59,473 ÷ 145,308 = 0.40929
    assert r["quick_ratio"].value == D("0.41")
    # 29,965 ÷ 145,308 = 0.20622 (0.42 if marketable securities counted as cash; they do not)
    assert r["cash_ratio"].value == D("0.21")
    # (5,985 + 9,822 + 95,281) ÷ 62,146 = 111,088 ÷ 62,146 = 1.78753
    assert r["debt_to_equity"].value == D("1.79")
    # 111,088 ÷ 125,820 = 0.88291
    assert r["debt_to_ebitda"].value == D("0.88")
    # EBIT 114,301 ÷ 3,933 = 29.0621
    assert r["interest_coverage"].value == D("29.06")
    # (125,820 − 16,741 − 10,959) ÷ (3,933 + 9,822) = 98,120 ÷ 13,755 = 7.13340
    assert r["dscr"].value == D("7.13")
    # 29,508 ÷ 383,285 × 365 = 28.10 days
    assert r["dso"].value == D(28)
    # Δ working capital = −1,742 − (135,405 − 153,982 = −18,577) = 16,835
    # FCF = 125,820 − 16,741 − 10,959 − 16,835 = 81,285
    assert r["free_cash_flow"].value == D("81285.00")
    assert all(v.reason is None for v in r.values())
    lights = {k: v.light for k, v in r.items()}
    assert lights == {
        "working_capital": Light.RED,
        "current_ratio": Light.RED,
        "quick_ratio": Light.RED,
        "cash_ratio": Light.AMBER,
        "debt_to_equity": Light.AMBER,
        "debt_to_ebitda": Light.GREEN,
        "interest_coverage": Light.GREEN,
        "dscr": Light.GREEN,
        "dso": Light.GREEN,
        "free_cash_flow": Light.GREEN,
    }


def test_results_come_in_catalogue_order() -> None:
    assert [v.key for v in company_ratios(APPLE_FY2023)] == list(COMPANY_RATIOS)
    period = IndividualPeriod("Mar", date(2025, 3, 31))
    assert [v.key for v in individual_ratios(period)] == list(INDIVIDUAL_RATIOS)
    assert company_ratios(APPLE_FY2023)[0].info is RATIOS["working_capital"]


def test_quarterly_period_annualises_ebitda_and_counts_its_days() -> None:
    r = by_key(company_ratios(company(**{**FULL, "months": 3})))
    # EBITDA 240 a quarter = 960 a year; debt 400 ÷ 960 = 0.41667
    assert r["debt_to_ebitda"].value == D("0.42")
    # days = 3 × 365 ÷ 12 = 91.25; 200 ÷ 1,200 × 91.25 = 15.21
    assert r["dso"].value == D(15)
    # same-period flows are not annualised: (240 − 30 − 10) ÷ (20 + 80) = 2
    assert r["dscr"].value == D("2.00")


def test_rounding_is_half_up_once() -> None:
    # 201 ÷ 200 = 1.005 exactly: half-up gives 1.01 (banker's rounding would give 1.00)
    period = company(**{**FULL, "cash": 1, "receivables": 200, "current_liabilities": 200})
    assert company_ratio("quick_ratio", period).value == D("1.01")
    # 1 ÷ 730 × 365 = 0.5 days -> 1
    assert company_ratio("dso", company(receivables=1, revenue=730)).value == D(1)
    assert quantize_exact(D("-0.005"), 2) == D("-0.01")
    assert str(quantize_exact(D("-0.004"), 2)) == "0.00"  # never negative zero


# --- undefined, never an exception --------------------------------------------------------


def reason_of(value: RatioValue) -> str:
    assert value.value is None and value.light is None and value.reason is not None
    return value.reason.message


@pytest.mark.parametrize("liabilities", ["0", "-1"])
def test_current_liabilities_zero_or_negative(liabilities: str) -> None:
    r = by_key(company_ratios(company(**{**FULL, "current_liabilities": liabilities})))
    for key in ("current_ratio", "quick_ratio", "cash_ratio"):
        assert reason_of(r[key]) == "Current liabilities are zero or negative"
    assert r["working_capital"].value == D("1000.00") - D(liabilities)


@pytest.mark.parametrize("equity", ["0", "-250"])
def test_equity_zero_or_negative_is_technical_insolvency(equity: str) -> None:
    value = company_ratio("debt_to_equity", company(**{**FULL, "equity": equity}))
    assert reason_of(value) == "Equity is zero or negative: technical insolvency"


NO_EBITDA = "EBITDA is zero or negative: the debt cannot be repaid from operations"
NO_SERVICE = "Interest and scheduled principal are zero or negative"


@pytest.mark.parametrize(
    ("changes", "key", "message"),
    [
        ({"ebitda": 0}, "debt_to_ebitda", NO_EBITDA),
        ({"ebitda": -5}, "debt_to_ebitda", NO_EBITDA),
        ({"interest": 0}, "interest_coverage", "Interest expense is zero or negative"),
        ({"interest": 0, "scheduled_principal": 0}, "dscr", NO_SERVICE),
        ({"interest": 10, "scheduled_principal": -10}, "dscr", NO_SERVICE),
        ({"revenue": 0}, "dso", "Revenue is zero or negative"),
        ({"revenue": -100}, "dso", "Revenue is zero or negative"),
    ],
)  # fmt: skip
def test_zero_or_negative_denominators(changes: dict[str, int], key: str, message: str) -> None:
    assert reason_of(company_ratio(key, company(**{**FULL, **changes}))) == message


def test_a_loss_is_a_real_figure() -> None:
    r = by_key(company_ratios(company(**{**FULL, "ebitda": -100, "revenue": -50})))
    # EBIT −140 ÷ 20 = −7: defined, and red
    assert r["interest_coverage"].value == D("-7.00")
    assert r["interest_coverage"].light is Light.RED
    # (−100 − 30 − 10) ÷ 100
    assert r["dscr"].value == D("-1.40")


def test_missing_fields_are_listed() -> None:
    empty = CompanyPeriod("P", date(2024, 12, 31))
    r = by_key(company_ratios(empty, empty))
    assert reason_of(r["current_ratio"]) == (
        "Missing: Cash, Receivables, Inventory, Other current assets, Current liabilities"
    )
    assert reason_of(r["debt_to_equity"]) == "Missing: Short-term debt, Long-term debt, Equity"
    assert r["dso"].reason == Reason("Missing: {fields}", fields=("receivables", "revenue"))
    assert all(v.value is None for v in r.values())
    partial = company(**{k: v for k, v in FULL.items() if k != "inventory"})
    assert reason_of(company_ratio("current_ratio", partial)) == "Missing: Inventory"
    assert company_ratio("quick_ratio", partial).value == D("0.60")  # needs no inventory


def test_free_cash_flow_needs_the_previous_period() -> None:
    full = company(**FULL)
    assert reason_of(company_ratio("free_cash_flow", full)) == (
        "No previous period: the change in working capital is unknown"
    )
    previous = dataclasses.replace(full, period_end=date(2023, 12, 31), cash=None)
    assert reason_of(company_ratio("free_cash_flow", full, previous)) == (
        "Missing in the previous period: Cash"
    )
    assert reason_of(company_ratio("free_cash_flow", full, full)) == (
        "The previous period (2024-12-31) must end before this one (2024-12-31)"
    )
    previous = dataclasses.replace(full, period_end=date(2023, 12, 31), cash=D(50))
    # 240 − 30 − 10 − (500 − 450) = 150
    assert company_ratio("free_cash_flow", full, previous).value == D("150.00")


def test_reason_is_translated_with_field_labels() -> None:
    def translate(context: str, text: str) -> str:
        assert context == "ratios"
        return {"Missing: {fields}": "Falta: {fields}", "Cash": "Efectivo"}.get(text, text)

    reason = Reason("Missing: {fields}", fields=("cash", "equity"))
    assert reason.translated(translate) == "Falta: Efectivo, Equity"
    assert reason.message == "Missing: Cash, Equity"
    assert hash(reason) == hash(Reason("Missing: {fields}", fields=("cash", "equity")))


# --- individuals --------------------------------------------------------------------------


def person(
    income: Mapping[str, str] | None = None, figures: Mapping[str, str] | None = None
) -> IndividualPeriod:
    sources = {k: D(v) for k, v in (income or {}).items()}
    values = {k: D(v) for k, v in (figures or {}).items()}
    return IndividualPeriod("Mar", date(2025, 3, 31), sources, **values)


HOUSEHOLD = {
    "fixed_expenses": "6000", "other_debt_service": "2500", "real_estate": "800000",
    "vehicles": "90000", "investments": "40000", "cash": "15000", "liabilities": "350000",
}  # fmt: skip


def test_individual_ratios_by_hand() -> None:
    period = person({"salary": "12000", "rent": "3000"}, HOUSEHOLD)
    r = by_key(individual_ratios(period, proposed_payment=D(2000)))
    # 15,000 − 6,000 − 2,500
    assert r["disposable_income"].value == D("6500.00")
    # (2,500 + 2,000) ÷ 15,000 = 30 %
    assert r["debt_to_income"].value == D("0.3000")
    assert r["debt_to_income"].info.unit is Unit.PERCENT
    # 800,000 + 90,000 + 40,000 + 15,000 − 350,000
    assert r["net_worth"].value == D("595000.00")
    assert r["liquid_assets"].value == D("55000.00")
    assert [v.light for v in r.values()] == [Light.GREEN, Light.GREEN, Light.GREEN, None]
    # without the proposed payment: 2,500 ÷ 15,000 = 16.67 %
    assert individual_ratio("debt_to_income", period).value == D("0.1667")


def test_negative_net_income() -> None:
    period = person({"business": "-1000", "salary": "400"}, HOUSEHOLD)
    r = by_key(individual_ratios(period, D(100)))
    assert r["disposable_income"].value == D("-9100.00")
    assert r["disposable_income"].light is Light.RED
    assert reason_of(r["debt_to_income"]) == "Net income is zero or negative"


def test_individual_missing_income() -> None:
    r = by_key(individual_ratios(person(None, HOUSEHOLD)))
    assert reason_of(r["disposable_income"]) == "Missing: Net monthly income"
    assert r["net_worth"].value is not None


def test_proposed_payment_must_be_a_non_negative_decimal() -> None:
    with pytest.raises(ValueError):
        individual_ratios(person(), D(-1))
    with pytest.raises(TypeError):
        individual_ratios(person(), 1.5)  # type: ignore[arg-type]


# --- building periods ---------------------------------------------------------------------


def test_figures_are_rounded_to_cents_and_checked() -> None:
    assert company(cash="10.005").cash == D("10.01")
    assert CompanyPeriod("P", date(2024, 1, 31), cash=7).cash == D("7.00")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        CompanyPeriod("P", date(2024, 1, 31), cash=1.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        CompanyPeriod("P", date(2024, 1, 31), cash=D("NaN"))
    with pytest.raises(ValueError):
        CompanyPeriod("P", date(2024, 1, 31), cash=D(10) ** 18)
    for months in (0, 25):
        with pytest.raises(ValueError):
            CompanyPeriod("P", date(2024, 1, 31), months)
    with pytest.raises(TypeError):
        CompanyPeriod("P", datetime(2024, 1, 31))  # noqa: DTZ001
    with pytest.raises(TypeError):
        IndividualPeriod("P", date(2024, 1, 31), {"salary": 100.0})  # type: ignore[dict-item]


def test_individual_period_is_immutable_and_hashable() -> None:
    income = {"salary": D(100)}
    period = IndividualPeriod("P", date(2024, 1, 31), income)
    income["salary"] = D(1)
    assert period.net_income == D("100.00")
    assert hash(period) == hash(IndividualPeriod("P", date(2024, 1, 31), {"salary": D(100)}))


def test_field_tables_cover_the_dataclasses() -> None:
    # every Decimal field, in declaration order (label, period_end, months / income come first)
    company_fields = [f.name for f in dataclasses.fields(CompanyPeriod)]
    assert [name for _, name in FIELDS_COMPANY] == company_fields[3:]
    individual_fields = [f.name for f in dataclasses.fields(IndividualPeriod)]
    assert [name for _, name in FIELDS_INDIVIDUAL] == individual_fields[3:]
    for group, name in (*FIELDS_COMPANY, *FIELDS_INDIVIDUAL):
        assert group in GROUP_LABELS and name in FIELD_LABELS


def test_catalogue_entries_are_complete() -> None:
    for key, info in RATIOS.items():
        assert info.key == key and info.label and info.formula and info.reading
        assert info.segment in (Segment.COMPANY, Segment.INDIVIDUAL)
        assert isinstance(info.unit, Unit)
    assert set(COMPANY_RATIOS) | set(INDIVIDUAL_RATIOS) == set(RATIOS)
    assert set(DEFAULT_THRESHOLDS) == set(RATIOS) - {"liquid_assets"}


# --- trend --------------------------------------------------------------------------------


def test_trend_sorts_periods_and_chains_the_previous_one() -> None:
    series = trend([APPLE_FY2023, APPLE_FY2022])
    assert [v.value for v in series["current_ratio"]] == [D("0.88"), D("0.99")]
    assert series["free_cash_flow"][0].value is None
    assert series["free_cash_flow"][1].value == D("81285.00")
    assert trend([]) == {}
    people = trend(
        [person({"salary": "10"}), dataclasses.replace(person(), period_end=date(2025, 2, 28))]
    )
    assert [v.value for v in people["liquid_assets"]] == [None, None]


def test_trend_rejects_mixed_segments_and_duplicate_dates() -> None:
    with pytest.raises(ValidationError) as mixed:
        trend([APPLE_FY2023, person()])
    assert mixed.value.problems[0].field == "periods"
    with pytest.raises(ValidationError) as twice:
        trend([APPLE_FY2023, dataclasses.replace(APPLE_FY2023, label="again")])
    assert twice.value.problems[0].message == "Two periods end on 2023-09-30"


# --- property: never raises, never infinite -----------------------------------------------

BIG = D(10) ** 15
amounts = st.one_of(
    st.sampled_from([D(0), D("0.01"), D("-0.01"), BIG, -BIG, D(10) ** 17, -(D(10) ** 17)]),
    st.decimals(min_value=-BIG, max_value=BIG, places=2, allow_nan=False, allow_infinity=False),
)
figures = st.one_of(st.none(), amounts)
COMPANY_FIELDS = [name for _, name in FIELDS_COMPANY]
INDIVIDUAL_FIELDS = [name for _, name in FIELDS_INDIVIDUAL]


def check(values: list[RatioValue]) -> None:
    for v in values:
        if v.value is None:
            assert v.reason is not None and v.light is None
            assert v.reason.message
        else:
            assert v.value.is_finite() and v.reason is None
            assert v.value.as_tuple().exponent == -{
                Unit.RATIO: 2, Unit.AMOUNT: 2, Unit.DAYS: 0, Unit.PERCENT: 4
            }[v.info.unit]  # fmt: skip


@settings(max_examples=300)
@given(
    st.sampled_from([figures, amounts]),  # amounts only: every formula is reached
    st.data(),
    st.integers(min_value=1, max_value=24),
    st.booleans(),
)
def test_company_ratios_never_raise(
    strategy: st.SearchStrategy[Decimal | None], data: st.DataObject, months: int, chain: bool
) -> None:
    now = data.draw(st.fixed_dictionaries({name: strategy for name in COMPANY_FIELDS}))
    before = data.draw(st.fixed_dictionaries({name: strategy for name in COMPANY_FIELDS}))
    period = CompanyPeriod("now", date(2024, 12, 31), months, **now)
    previous = CompanyPeriod("before", date(2023, 12, 31), **before)  # type: ignore[arg-type]
    check(company_ratios(period, previous if chain else None))
    check([v for values in trend([period, previous]).values() for v in values])


@settings(max_examples=300)
@given(
    st.dictionaries(st.sampled_from(["salary", "rent", "business"]), amounts),
    st.sampled_from([figures, amounts]),
    st.data(),
    st.one_of(st.none(), st.decimals(min_value=0, max_value=BIG, places=2)),
)
def test_individual_ratios_never_raise(
    income: dict[str, Decimal],
    strategy: st.SearchStrategy[Decimal | None],
    data: st.DataObject,
    proposed: Decimal | None,
) -> None:
    rest = data.draw(st.fixed_dictionaries({name: strategy for name in INDIVIDUAL_FIELDS}))
    period = IndividualPeriod("now", date(2024, 12, 31), income, **rest)
    check(individual_ratios(period, proposed))
