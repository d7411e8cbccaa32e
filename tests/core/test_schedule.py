from __future__ import annotations

import time
from datetime import date, datetime
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from fractions import Fraction
from itertools import pairwise
from typing import Any

import numpy as np
import numpy_financial as npf
import pytest
from hypothesis import given
from hypothesis import strategies as st

from vipdesk.core.errors import ValidationError
from vipdesk.core.schedule import (
    FREQUENCIES,
    METHODS,
    ScheduleRow,
    ScheduleTotals,
    add_periods,
    build_schedule,
    periods_per_year,
    schedule_totals,
)

D = Decimal
CENT = D("0.01")

principals = st.integers(min_value=100, max_value=10**9).map(lambda cents: D(cents) / 100)
# 0 % .. 60 % a year, in basis points of a basis point.
rates = st.integers(min_value=0, max_value=6000).map(lambda bp: D(bp) / 10000)
counts = st.integers(min_value=1, max_value=600)
frequencies = st.sampled_from(FREQUENCIES)
first_dues = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))


def exact_interest(balance: Decimal, rate: Decimal, per_year: int) -> Decimal:
    """balance × rate ÷ periods, rounded half-up to cents, with exact fractions."""
    cents = Fraction(balance) * Fraction(rate) / per_year * 100
    return D(int(cents + Fraction(1, 2))) / 100  # cents >= 0, so int() is floor


def check_exact_columns(rows: list[ScheduleRow], financed: Decimal, balloon: Decimal) -> None:
    """The invariants every schedule keeps, whatever the rounding did."""
    instalments = [r for r in rows if r.number > 0]
    assert [r.number for r in instalments] == list(range(1, len(instalments) + 1))
    assert sum(r.principal for r in instalments) == financed
    assert instalments[-1].balance == 0
    balance = financed
    for row in instalments:
        assert row.payment == row.interest + row.principal
        assert row.principal >= 0 and row.interest >= 0
        balance -= row.principal
        assert row.balance == balance
        for amount in (row.payment, row.interest, row.principal, row.balance):
            assert amount == amount.quantize(CENT)
    # Only the last row repays the balloon: every other balance stays at or above it.
    assert all(r.balance >= balloon for r in instalments[:-1])
    assert all(a.balance >= b.balance for a, b in pairwise(instalments))


# --- French schedules against numpy-financial ---------------------------------------------------
#
# How far can a row's interest honestly be from the exact (unrounded) schedule's, ipmt?
# Let d_k be our balance after row k minus the exact one. Each row rounds its interest by at
# most half a cent (δ_k), and the level payment differs from the exact one by e, less than half
# a cent when rounded half-up and less than a cent when it had to be rounded down (see the
# module docstring). Then d_k = d_(k-1)·(1 + i) + δ_k − e, so
#     |d_k| ≤ 0.015 · ((1 + i)^k − 1) / i,
# and row k's interest, round(B_(k-1)·i), is within 0.005 + i·|d_(k-1)| of ipmt:
#     bound_k = 0.005 + 0.015 · ((1 + i)^(k-1) − 1).
# The drift compounds: it is a few cents for ordinary loans ((1 + i)^n ≈ 2 for 18 % over four
# years: 0.02) but grows without limit for long, dear ones (60 % a year over 50 years), where the
# exact schedule repays fractions of a cent for decades that a cent-rounded one cannot. Any
# fixed bound of "a few cents" would be false for the range we test. The bound holds up to the
# first row the schedule had to cap (tiny loans only: see test_tiny_loans_never_go_negative);
# the reference's own float error is allowed for with a relative 1e-9.


def float_slack(principal: Decimal, growth: float) -> float:
    return 1e-9 * float(principal) * growth + 1e-9


def check_against_reference(
    rows: list[ScheduleRow], financed: Decimal, rate: Decimal, frequency: str, grace: int,
    balloon: Decimal,
) -> None:  # fmt: skip
    per_year = periods_per_year(frequency)
    i = float(rate) / per_year
    n = len(rows) - grace
    level = -float(npf.pmt(i, n, float(financed), -float(balloon)))
    periods = np.arange(1, n + 1)
    ipmt = -npf.ipmt(i, periods, n, float(financed), -float(balloon)) if i > 0 else np.zeros(n)
    ppmt = -npf.ppmt(i, periods, n, float(financed), -float(balloon)) if i > 0 else None
    for row in rows[:grace]:
        assert row.payment == row.interest == exact_interest(financed, rate, per_year)
        assert row.principal == 0 and row.balance == financed
    amortising = rows[grace:]
    ours = amortising[0].payment
    if n > 1:
        assert abs(float(ours) - level) < 0.01 + float_slack(financed, 1)
    before = financed
    for k, row in enumerate(amortising, start=1):
        assert row.interest == exact_interest(before, rate, per_year)
        before = row.balance
        if k < n and row.payment != ours:
            # Capped: the row repaid everything left above the balloon, or only its interest.
            assert row.balance == balloon or row.principal == 0
            break
        growth = (1 + i) ** (k - 1)
        bound = 0.005 + 0.015 * (growth - 1) + float_slack(financed, growth)
        assert abs(float(row.interest) - float(ipmt[k - 1])) <= bound, (k, row)
        if ppmt is not None and k < n:
            # principal = payment − interest: the payment's error plus the interest's.
            assert abs(float(row.principal) - float(ppmt[k - 1])) <= bound + 0.01, (k, row)


@given(principals, rates, counts, frequencies, first_dues)
def test_french_matches_numpy_financial(
    principal: Decimal, rate: Decimal, n: int, frequency: str, first_due: date
) -> None:
    rows = build_schedule(principal, rate, n, first_due, frequency)
    assert len(rows) == n
    check_exact_columns(rows, principal, D(0))
    check_against_reference(rows, principal, rate, frequency, 0, D(0))
    assert [r.due_date for r in rows] == [add_periods(first_due, k, frequency) for k in range(n)]


@given(principals, rates, counts, frequencies, st.data())
def test_french_with_grace_and_balloon_matches_numpy_financial(
    principal: Decimal, rate: Decimal, n: int, frequency: str, data: st.DataObject
) -> None:
    grace = data.draw(st.integers(min_value=0, max_value=n - 1), label="grace")
    balloon_cents = data.draw(st.integers(0, int(principal * 100) - 1), label="balloon cents")
    balloon = D(balloon_cents) / 100
    rows = build_schedule(
        principal, rate, n, date(2026, 1, 31), frequency, grace_periods=grace, balloon=balloon
    )
    assert len(rows) == n
    check_exact_columns(rows, principal, balloon)
    check_against_reference(rows, principal, rate, frequency, grace, balloon)
    assert rows[-1].principal >= balloon


def test_ordinary_loan_stays_within_two_cents_of_the_exact_schedule() -> None:
    # 100,000.00 at 18 % over 48 months: (1.015)^47 ≈ 2.0, so the bound above is 0.02.
    rows = build_schedule(D("100000"), D("0.18"), 48, date(2026, 1, 15))
    expected = -npf.ipmt(0.015, np.arange(1, 49), 48, 100000.0)
    assert max(abs(float(r.interest) - e) for r, e in zip(rows, expected, strict=True)) <= 0.02
    assert rows[0].payment == D("2937.50")  # 100000 × 0.015 ÷ (1 − 1.015^−48) = 2937.49996


def test_known_french_schedule() -> None:
    # 10,000 at 18 %, 12 months: payment 10000 × 0.015 ÷ (1 − 1.015^−12) = 916.7999 → 916.80;
    # row 1: interest 150.00, principal 766.80; the last row takes the 903.26 left (+ 13.55).
    rows = build_schedule(D("10000"), D("0.18"), 12, date(2026, 1, 31))
    assert (rows[0].payment, rows[0].interest, rows[0].principal) == (
        D("916.80"), D("150.00"), D("766.80"),
    )  # fmt: skip
    assert rows[0].balance == D("9233.20")
    assert (rows[-1].payment, rows[-1].interest, rows[-1].principal) == (
        D("916.81"), D("13.55"), D("903.26"),
    )  # fmt: skip
    assert schedule_totals(rows) == ScheduleTotals(D("11001.61"), D("1001.61"), D("10000.00"))


def test_interest_rounds_an_exact_half_cent_up() -> None:
    # 120.60 × 0.10 ÷ 12 = 1.005 exactly: 1.01. With 0.10 ÷ 12 rounded to any number of digits
    # the product would be 1.00499... and round down.
    rows = build_schedule(D("120.60"), D("0.10"), 2, date(2026, 1, 1))
    assert rows[0].interest == D("1.01")


# --- German and bullet ---------------------------------------------------------------------------


@given(principals, rates, counts, frequencies, st.data())
def test_german_properties(
    principal: Decimal, rate: Decimal, n: int, frequency: str, data: st.DataObject
) -> None:
    grace = data.draw(st.integers(min_value=0, max_value=n - 1), label="grace")
    balloon = D(data.draw(st.integers(0, int(principal * 100) - 1), label="balloon")) / 100
    rows = build_schedule(
        principal, rate, n, date(2026, 1, 31), frequency, "german", D(0), grace, balloon
    )
    check_exact_columns(rows, principal, balloon)
    per_year = periods_per_year(frequency)
    amortising = n - grace
    half_up = ((principal - balloon) / amortising).quantize(CENT, ROUND_HALF_UP)
    fits = half_up * (amortising - 1) <= principal - balloon
    level = half_up if fits else ((principal - balloon) / amortising).quantize(CENT, ROUND_DOWN)
    balance = principal
    for row in rows:
        assert row.interest == exact_interest(balance, rate, per_year)
        if row.number <= grace:
            assert row.principal == 0
        elif row.number < n:
            assert row.principal == level
        balance = row.balance
    assert rows[-1].principal == principal - level * (amortising - 1)


@given(principals, rates, counts, frequencies)
def test_bullet_pays_interest_only_until_the_end(
    principal: Decimal, rate: Decimal, n: int, frequency: str
) -> None:
    rows = build_schedule(principal, rate, n, date(2026, 1, 31), frequency, "bullet")
    check_exact_columns(rows, principal, D(0))
    interest = exact_interest(principal, rate, periods_per_year(frequency))
    assert all(r.interest == interest and r.principal == 0 for r in rows[:-1])
    assert rows[-1].principal == principal
    assert rows[-1].payment == principal + interest


def test_tiny_loans_never_go_negative() -> None:
    # 1,000 in 600 German rows: 1.67 (half-up) × 599 = 1,000.33 would leave the last row −0.33,
    # so the level is rounded down: 599 × 1.66 and 5.66 in the last row.
    rows = build_schedule(D("1000"), D(0), 600, date(2026, 1, 1), method="german")
    assert {r.principal for r in rows[:-1]} == {D("1.66")}
    assert rows[-1].principal == D("5.66")
    # 3.00 in 600 instalments at 0 %: 0.005 rounds up to 0.01 and would repay the loan by row
    # 300; rounded down it is 0.00, and the last row pays the 3.00.
    rows = build_schedule(D("3"), D(0), 600, date(2026, 1, 1))
    assert {r.payment for r in rows[:-1]} == {D("0.00")}
    assert rows[-1].payment == D("3.00")
    # Even the rounded-down level (0.01) outruns this loan: rows stop once it is repaid.
    rows = build_schedule(D("3.84"), D("0.0211"), 436, date(2026, 1, 1), "biweekly")
    check_exact_columns(rows, D("3.84"), D(0))


# --- special cases ------------------------------------------------------------------------------


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("frequency", FREQUENCIES)
def test_zero_rate(method: str, frequency: str) -> None:
    rows = build_schedule(D("1200"), D(0), 12, date(2026, 1, 31), frequency, method)
    assert all(r.interest == 0 for r in rows)
    if method == "bullet":
        assert [r.payment for r in rows] == [D(0)] * 11 + [D("1200")]
    else:
        assert [r.payment for r in rows] == [D("100.00")] * 12


@pytest.mark.parametrize("method", METHODS)
def test_single_instalment(method: str) -> None:
    rows = build_schedule(D("1000"), D("0.12"), 1, date(2026, 1, 31), method=method)
    assert rows == [ScheduleRow(1, date(2026, 1, 31), D("1010.00"), D("10.00"), D("1000"), D(0))]


def test_600_instalments_are_fast() -> None:
    def best_of_three() -> float:
        times = []
        for _ in range(3):
            start = time.perf_counter()
            rows = build_schedule(D("987654321.99"), D("0.2399"), 600, date(2026, 1, 31))
            times.append(time.perf_counter() - start)
        assert len(rows) == 600
        return min(times)

    assert best_of_three() < 0.1


def test_grace_rows_are_interest_only_and_counted_in_installments() -> None:
    rows = build_schedule(D("12000"), D("0.12"), 12, date(2026, 1, 31), grace_periods=3)
    assert len(rows) == 12
    assert [(r.payment, r.principal) for r in rows[:3]] == [(D("120.00"), D(0))] * 3
    # The 9 amortising rows: 12000 × 0.01 ÷ (1 − 1.01^−9) = 1400.8844.
    assert {r.payment for r in rows[3:-1]} == {D("1400.88")}
    check_exact_columns(rows, D("12000"), D(0))


def test_balloon_is_paid_with_the_last_instalment() -> None:
    rows = build_schedule(D("10000"), D("0.12"), 12, date(2026, 1, 31), balloon=D("4000"))
    # (10000 − 4000 × 1.01^−12) × 0.01 ÷ (1 − 1.01^−12) = 573.0927
    assert {r.payment for r in rows[:-1]} == {D("573.09")}
    assert rows[-2].balance > D("4000")
    assert rows[-1].payment > D("4000")
    check_exact_columns(rows, D("10000"), D("4000"))
    german = build_schedule(
        D("10000"), D("0.12"), 12, date(2026, 1, 31), method="german", balloon=D("4000")
    )
    assert {r.principal for r in german[:-1]} == {D("500.00")}
    assert german[-1].principal == D("4500.00")


def test_down_payment_row() -> None:
    rows = build_schedule(D("12000"), D("0.12"), 10, date(2026, 3, 31), down_payment=D("2000"))
    assert rows[0] == ScheduleRow(0, date(2026, 2, 28), D("2000"), D(0), D("2000"), D("10000"))
    assert len(rows) == 11
    assert sum(r.principal for r in rows) == D("12000")
    check_exact_columns(rows, D("10000"), D(0))
    dated = build_schedule(
        D("12000"), D("0.12"), 10, date(2026, 3, 31), down_payment=D("2000"),
        down_payment_date=date(2026, 3, 5),
    )  # fmt: skip
    assert dated[0].due_date == date(2026, 3, 5)
    assert dated[1:] == rows[1:]
    # The date is ignored when there is no down payment.
    assert build_schedule(D("10"), D(0), 1, date(2026, 1, 1), down_payment_date=date(2030, 1, 1))


def test_amounts_are_rounded_to_cents_on_the_way_in() -> None:
    rows = build_schedule(D("1000.005"), 0, 2, date(2026, 1, 1))
    assert sum(r.principal for r in rows) == D("1000.01")


# --- due dates ----------------------------------------------------------------------------------


def test_monthly_dates_keep_the_day_or_take_the_last_day_of_the_month() -> None:
    rows = build_schedule(D("1200"), D("0.1"), 14, date(2023, 1, 31))
    assert [r.due_date for r in rows] == [
        date(2023, 1, 31), date(2023, 2, 28), date(2023, 3, 31), date(2023, 4, 30),
        date(2023, 5, 31), date(2023, 6, 30), date(2023, 7, 31), date(2023, 8, 31),
        date(2023, 9, 30), date(2023, 10, 31), date(2023, 11, 30), date(2023, 12, 31),
        date(2024, 1, 31), date(2024, 2, 29),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("start", "k", "frequency", "expected"),
    [
        (date(2024, 1, 31), 1, "monthly", date(2024, 2, 29)),  # leap year
        (date(2100, 1, 31), 1, "monthly", date(2100, 2, 28)),  # 2100 is not a leap year
        (date(2024, 2, 29), 12, "monthly", date(2025, 2, 28)),
        (date(2024, 2, 29), 48, "monthly", date(2028, 2, 29)),
        (date(2023, 11, 30), 1, "quarterly", date(2024, 2, 29)),
        (date(2023, 11, 30), 2, "quarterly", date(2024, 5, 30)),
        (date(2026, 12, 15), 1, "monthly", date(2027, 1, 15)),
        (date(2026, 3, 31), -1, "monthly", date(2026, 2, 28)),
        (date(2026, 1, 31), -1, "monthly", date(2025, 12, 31)),
        (date(2026, 1, 1), 2, "biweekly", date(2026, 1, 29)),
        (date(2026, 2, 26), 1, "weekly", date(2026, 3, 5)),
        (date(2026, 1, 1), -1, "weekly", date(2025, 12, 25)),
    ],
)
def test_add_periods(start: date, k: int, frequency: str, expected: date) -> None:
    assert add_periods(start, k, frequency) == expected


def test_add_periods_errors() -> None:
    with pytest.raises(ValueError):
        add_periods(date(2026, 1, 1), 1, "yearly")
    with pytest.raises(TypeError):
        add_periods(date(2026, 1, 1), 1.0, "monthly")  # type: ignore[arg-type]
    with pytest.raises(OverflowError):
        add_periods(date(9999, 12, 1), 1, "monthly")
    with pytest.raises(OverflowError):
        add_periods(date(9999, 12, 31), 1, "weekly")
    assert [periods_per_year(f) for f in FREQUENCIES] == [12, 26, 52, 4]


# --- validation ---------------------------------------------------------------------------------


def good(**changes: Any) -> dict[str, Any]:
    arguments: dict[str, Any] = {
        "principal": D("10000"), "annual_rate": D("0.18"), "installments": 12,
        "first_due": date(2026, 1, 31), "frequency": "monthly", "method": "french",
    }  # fmt: skip
    return arguments | changes


def fields_of(error: ValidationError) -> list[str]:
    return [p.field for p in error.problems]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"principal": D(0)}, "principal"),
        ({"principal": D("-5")}, "principal"),
        ({"principal": D("0.004")}, "principal"),
        ({"principal": D(10) ** 15}, "principal"),
        ({"principal": D(10) ** 30}, "principal"),
        ({"annual_rate": D("-0.01")}, "annual_rate"),
        ({"annual_rate": D("10.01")}, "annual_rate"),
        ({"installments": 0}, "installments"),
        ({"installments": 601}, "installments"),
        ({"installments": True}, "installments"),
        ({"installments": 12.0}, "installments"),
        ({"installments": "12"}, "installments"),
        ({"frequency": "yearly"}, "frequency"),
        ({"method": "american"}, "method"),
        ({"down_payment": D("-1")}, "down_payment"),
        ({"down_payment": D("10000")}, "down_payment"),
        ({"grace_periods": 12}, "grace_periods"),
        ({"grace_periods": -1}, "grace_periods"),
        ({"grace_periods": False}, "grace_periods"),
        ({"balloon": D("-1")}, "balloon"),
        ({"balloon": D("8000"), "down_payment": D("2000")}, "balloon"),
        ({"balloon": D("1"), "method": "bullet"}, "balloon"),
        ({"first_due": datetime(2026, 1, 31, 9, 0)}, "first_due"),  # noqa: DTZ001
        ({"first_due": "2026-01-31"}, "first_due"),
        ({"first_due": date(9999, 6, 30), "installments": 12}, "first_due"),
        ({"first_due": date(1, 1, 1), "down_payment": D(1)}, "first_due"),
        (
            {"down_payment": D(1), "down_payment_date": date(2026, 2, 1)},
            "down_payment_date",
        ),
        ({"down_payment": D(1), "down_payment_date": "2026-01-01"}, "down_payment_date"),
    ],
)
def test_invalid_input_names_the_field(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        build_schedule(**good(**changes))
    assert fields_of(caught.value) == [field]
    problem = caught.value.problems[0]
    assert problem.message  # the template formats with its parameters


def test_every_problem_is_reported_at_once() -> None:
    arguments = good(
        principal=D(0), annual_rate=D(-1), installments=0, frequency="daily", method="x",
        grace_periods=-1, first_due=None,
    )  # fmt: skip
    with pytest.raises(ValidationError) as caught:
        build_schedule(**arguments)
    assert fields_of(caught.value) == [
        "principal", "annual_rate", "installments", "frequency", "method", "grace_periods",
        "first_due",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "changes",
    [
        {"principal": 10000.0},
        {"principal": "10000"},
        {"annual_rate": 0.18},
        {"annual_rate": "0.18"},
        {"down_payment": 100.0},
        {"balloon": 1.5},
        {"principal": True},
    ],
)
def test_floats_and_strings_are_type_errors(changes: dict[str, Any]) -> None:
    with pytest.raises(TypeError):
        build_schedule(**good(**changes))


def test_ints_are_accepted_as_amounts() -> None:
    rows = build_schedule(10000, 0, 4, date(2026, 1, 1))
    assert [r.payment for r in rows] == [D("2500.00")] * 4


def test_schedule_totals() -> None:
    assert schedule_totals([]) == ScheduleTotals(D(0), D(0), D(0))
    rows = build_schedule(D("5000"), D("0.24"), 6, date(2026, 1, 31), down_payment=D("1000"))
    totals = schedule_totals(rows)
    assert totals.principal == D("5000")
    assert totals.payment == totals.interest + totals.principal
