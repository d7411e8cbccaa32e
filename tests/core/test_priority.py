from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vipdesk.core.priority import (
    REFERENCE_USD_RATES,
    WEIGHTS,
    PriorityInputs,
    explain,
    exposure_in_usd,
    priority_score,
)


def inputs(
    exposure: str = "0", dpd: int = 0, broken: int = 0, contact: int | None = 0
) -> PriorityInputs:
    return PriorityInputs(Decimal(exposure), dpd, broken, contact)


def test_weights_add_up_to_100() -> None:
    assert sum(WEIGHTS.values()) == 100


def test_exposure_in_usd() -> None:
    assert exposure_in_usd(Decimal("100000"), "GTQ") == Decimal("13000.00")
    assert exposure_in_usd(Decimal("1000000"), "MXN") == Decimal("55000.00")
    assert exposure_in_usd(Decimal("12.345"), "USD") == Decimal("12.35")
    assert exposure_in_usd(Decimal(10), "GTQ", {"GTQ": Decimal("0.5")}) == Decimal("5.00")
    assert REFERENCE_USD_RATES["USD"] == 1
    with pytest.raises(ValueError):
        exposure_in_usd(Decimal(1), "EUR")
    with pytest.raises(TypeError):
        exposure_in_usd(1.0, "USD")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("case", "score"),
    [
        (inputs(), Decimal("0.0")),
        (inputs("10000"), Decimal("0.0")),
        (inputs("100000"), Decimal("13.3")),  # 40 × 1/3
        (inputs("1000000"), Decimal("26.7")),  # 40 × 2/3
        (inputs("10000000"), Decimal("40.0")),
        (inputs("50000000"), Decimal("40.0")),
        (inputs(dpd=90), Decimal("7.5")),
        (inputs(dpd=720), Decimal("30.0")),
        (inputs(broken=1), Decimal("5.0")),
        (inputs(broken=7), Decimal("15.0")),
        (inputs(contact=30), Decimal("7.5")),
        (inputs(contact=None), Decimal("15.0")),
        (inputs("1000000", 90, 1, None), Decimal("54.2")),
        (inputs("99999999", 9999, 99, 9999), Decimal("100.0")),
        (inputs("-5", -3, -1, -2), Decimal("0.0")),
    ],
)
def test_priority_score(case: PriorityInputs, score: Decimal) -> None:
    result = priority_score(case)
    assert result == score
    assert result.as_tuple().exponent == -1


def test_explain() -> None:
    case = inputs("1000000", 90, 1, None)
    assert explain(case) == [
        ("Exposure", Decimal("26.7")),
        ("Days past due", Decimal("7.5")),
        ("Broken promises", Decimal("5.0")),
        ("Days since last contact", Decimal("15.0")),
    ]


def test_inputs_reject_float() -> None:
    with pytest.raises(TypeError):
        PriorityInputs(1000.0, 1, 1, 1)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        PriorityInputs(Decimal("NaN"), 1, 1, 1)


priority_inputs = st.builds(
    PriorityInputs,
    st.decimals(min_value=-1000, max_value=10**12, places=2, allow_nan=False),
    st.integers(-10, 5000),
    st.integers(-2, 20),
    st.none() | st.integers(-10, 1000),
)


@given(priority_inputs)
def test_score_is_bounded_and_explained_exactly(case: PriorityInputs) -> None:
    score = priority_score(case)
    assert Decimal(0) <= score <= Decimal(100)
    assert score == score.quantize(Decimal("0.1"))
    parts = explain(case)
    assert sum(points for _, points in parts) == score
    for (_, points), weight in zip(parts, WEIGHTS.values(), strict=True):
        assert Decimal(0) <= points <= weight


@given(priority_inputs, st.integers(1, 100))
def test_score_grows_with_days_past_due(case: PriorityInputs, extra: int) -> None:
    later = PriorityInputs(
        case.exposure_usd, case.days_past_due + extra, case.broken_promises, case.days_since_contact
    )
    assert priority_score(later) >= priority_score(case)


@given(
    st.decimals(min_value=0, max_value=10**8, places=2, allow_nan=False),
    st.decimals(min_value=0, max_value=10**8, places=2, allow_nan=False),
)
def test_score_grows_with_exposure(a: Decimal, b: Decimal) -> None:
    low, high = sorted((a, b))
    assert priority_score(inputs(str(low))) <= priority_score(inputs(str(high)))
