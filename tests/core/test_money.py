from __future__ import annotations

import contextlib
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vipdesk.core.errors import ValidationError
from vipdesk.core.money import (
    CENT,
    SUPPORTED_CURRENCIES,
    CurrencyMismatch,
    Money,
    format_money,
    parse_amount,
    round_money,
)

amounts = st.decimals(
    min_value=Decimal("-999999999999.99"),
    max_value=Decimal("999999999999.99"),
    places=2,
    allow_nan=False,
    allow_infinity=False,
)
currencies = st.sampled_from(sorted(SUPPORTED_CURRENCIES))


def gtq(value: str) -> Money:
    return Money.of(value, "GTQ")


# --- round_money and construction ----------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0.005", "0.01"),
        ("0.004", "0.00"),
        ("-0.005", "-0.01"),
        ("2.675", "2.68"),
        ("-0.001", "0.00"),
        ("10", "10.00"),
    ],
)
def test_round_money_half_up(value: str, expected: str) -> None:
    result = round_money(Decimal(value))
    assert result == Decimal(expected)
    assert str(result) == expected  # also no "-0.00"


def test_round_money_rejects_float_and_non_finite() -> None:
    with pytest.raises(TypeError):
        round_money(0.1)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        round_money(Decimal("NaN"))
    with pytest.raises(ValueError):
        round_money(Decimal("Infinity"))


def test_money_construction() -> None:
    assert Money(Decimal("1.005"), "USD").amount == Decimal("1.01")
    assert Money.of(5, "MXN").amount == Decimal("5.00")
    assert Money.of(" 12.5 ", "GTQ") == Money(Decimal("12.50"), "GTQ")
    assert Money.zero("USD").is_zero()
    with pytest.raises(ValueError):
        Money.of("1", "EUR")
    with pytest.raises(ValueError):
        Money.of("abc", "GTQ")
    with pytest.raises(ValueError):
        Money.of("NaN", "GTQ")
    with pytest.raises(TypeError):
        Money.of(1.5, "GTQ")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money(1.5, "GTQ")  # type: ignore[arg-type]


def test_arithmetic_and_comparisons() -> None:
    assert gtq("10.10") + gtq("0.90") == gtq("11")
    assert gtq("10") - gtq("12.5") == gtq("-2.50")
    assert -gtq("3") == gtq("-3")
    assert gtq("10") * Decimal("0.125") == gtq("1.25")
    assert gtq("10") * Decimal("0.0005") == gtq("0.01")  # 0.005 rounds half-up
    assert 3 * gtq("1.11") == gtq("3.33")
    assert gtq("1") < gtq("2") <= gtq("2") and gtq("3") > gtq("2") >= gtq("2")
    assert gtq("-1").is_negative() and not gtq("0").is_negative()
    with pytest.raises(TypeError):
        gtq("1") * 1.5  # type: ignore[operator]


def test_currency_mismatch() -> None:
    usd = Money.of("1", "USD")
    for operation in (
        lambda: gtq("1") + usd,
        lambda: gtq("1") - usd,
        lambda: gtq("1") < usd,
        lambda: gtq("1") <= usd,
        lambda: gtq("1") > usd,
        lambda: gtq("1") >= usd,
    ):
        with pytest.raises(CurrencyMismatch):
            operation()
    assert gtq("1") != usd
    assert issubclass(CurrencyMismatch, ValueError)


# --- allocation ----------------------------------------------------------------------------


def test_allocate_examples() -> None:
    assert gtq("100.00").allocate(3) == [gtq("33.34"), gtq("33.33"), gtq("33.33")]
    assert gtq("0.05").allocate(3) == [gtq("0.02"), gtq("0.02"), gtq("0.01")]
    assert gtq("-100").allocate(3) == [gtq("-33.34"), gtq("-33.33"), gtq("-33.33")]
    assert gtq("7").allocate(1) == [gtq("7")]
    with pytest.raises(ValueError):
        gtq("1").allocate(0)


def test_allocate_by_weights_examples() -> None:
    weights = [Decimal(1), Decimal(1), Decimal(1)]
    assert gtq("100").allocate_by_weights(weights) == [gtq("33.34"), gtq("33.33"), gtq("33.33")]
    assert gtq("10").allocate_by_weights([Decimal(0), Decimal(2), Decimal(1)]) == [
        gtq("0"),
        gtq("6.67"),
        gtq("3.33"),
    ]
    with pytest.raises(ValueError):
        gtq("1").allocate_by_weights([])
    with pytest.raises(ValueError):
        gtq("1").allocate_by_weights([Decimal(0)])
    with pytest.raises(ValueError):
        gtq("1").allocate_by_weights([Decimal(-1), Decimal(2)])
    with pytest.raises(TypeError):
        gtq("1").allocate_by_weights([0.5])  # type: ignore[list-item]


@given(amounts, currencies, st.integers(min_value=1, max_value=400))
def test_allocate_never_loses_a_cent(amount: Decimal, currency: str, parts: int) -> None:
    money = Money(amount, currency)
    shares = money.allocate(parts)
    assert len(shares) == parts
    assert sum((s.amount for s in shares), Decimal(0)) == money.amount
    spread = max(s.amount for s in shares) - min(s.amount for s in shares)
    assert spread <= CENT
    assert all(s.currency == currency for s in shares)


@given(
    amounts,
    st.lists(
        st.decimals(min_value=0, max_value=10**9, places=4, allow_nan=False), min_size=1
    ).filter(lambda ws: sum(ws) > 0),
)
def test_allocate_by_weights_sums_exactly(amount: Decimal, weights: list[Decimal]) -> None:
    money = Money(amount, "MXN")
    shares = money.allocate_by_weights(weights)
    assert sum((s.amount for s in shares), Decimal(0)) == money.amount
    total_weight = sum(weights)
    for share, weight in zip(shares, weights, strict=True):
        if weight == 0:
            assert share.is_zero()
        # each share is within a cent of its exact proportion
        assert abs(share.amount - amount * weight / total_weight) < CENT + Decimal("1e-20")


@given(amounts, amounts, currencies)
def test_addition_is_exact(a: Decimal, b: Decimal, currency: str) -> None:
    total = Money(a, currency) + Money(b, currency)
    assert total.amount == a + b
    assert (total - Money(b, currency)).amount == a


# --- formatting ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "currency", "locale", "expected"),
    [
        ("125000.50", "GTQ", "es_GT", "Q 125,000.50"),
        ("2500000.75", "MXN", "es_MX", "$ 2,500,000.75"),
        ("10000", "USD", "es_GT", "US$ 10,000.00"),
        ("10000", "USD", "en_US", "US$ 10,000.00"),
        ("125000.50", "GTQ", "en_US", "Q 125,000.50"),
        ("2500000.75", "MXN", "en_US", "$ 2,500,000.75"),
        ("-10", "GTQ", "es_GT", "-Q 10.00"),
        ("0", "MXN", "es_MX", "$ 0.00"),
        ("1234.5", "GTQ", "es_GT", "Q 1,234.50"),
        ("0.07", "USD", "es_MX", "US$ 0.07"),
    ],
)
def test_format_money(amount: str, currency: str, locale: str, expected: str) -> None:
    assert format_money(Money.of(amount, currency), locale) == expected


def test_format_money_default_locale() -> None:
    assert format_money(gtq("125000.50")) == "Q 125,000.50"


# --- parse_amount --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,234.56", "1234.56"),
        ("1234.5", "1234.50"),
        (" 1234 ", "1234.00"),
        ("Q 1,250.00", "1250.00"),
        ("Q1250", "1250.00"),
        ("$2,500,000.75", "2500000.75"),
        ("US$ 10,000", "10000.00"),
        ("us$10", "10.00"),
        ("GTQ 5", "5.00"),
        (".5", "0.50"),
        ("7.", "7.00"),
        ("999,999,999,999.99", "999999999999.99"),
    ],
)
def test_parse_amount_accepts(text: str, expected: str) -> None:
    assert parse_amount(text) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Enter an amount, for example 1,250.00"),
        ("   ", "Enter an amount, for example 1,250.00"),
        ("abc", "Enter an amount, for example 1,250.00"),
        ("12a", "Enter an amount, for example 1,250.00"),
        ("NaN", "Enter an amount, for example 1,250.00"),
        ("Infinity", "Enter an amount, for example 1,250.00"),
        ("-inf", "Enter an amount, for example 1,250.00"),
        ("1e5", "Enter an amount, for example 1,250.00"),
        ("1E+5", "Enter an amount, for example 1,250.00"),
        ("1,23", "Enter an amount, for example 1,250.00"),
        ("1,2345", "Enter an amount, for example 1,250.00"),
        ("١٢٣", "Enter an amount, for example 1,250.00"),  # Arabic-Indic digits
        ("--5", "Enter an amount, for example 1,250.00"),
        (".", "Enter an amount, for example 1,250.00"),
        ("1.2.3", "Use a single decimal point, for example 1,250.00"),
        ("1.234", "Use at most 2 decimals, for example 1,250.00"),
        ("0", "The amount must be greater than zero"),
        ("0.00", "The amount must be greater than zero"),
        ("-5", "The amount cannot be negative"),
        ("1000000000000", "The amount cannot exceed 999,999,999,999.99"),
        ("9" * 10_000, "The amount cannot exceed 999,999,999,999.99"),
    ],
)
def test_parse_amount_rejects(text: str, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_amount(text, "payment_amount")
    assert caught.value.message == message
    assert [p.field for p in caught.value.problems] == ["payment_amount"]


def test_parse_amount_options() -> None:
    assert parse_amount("0", allow_zero=True) == Decimal("0.00")
    assert str(parse_amount("-0", allow_zero=True, allow_negative=True)) == "0.00"
    assert parse_amount("-Q 1,000.10", allow_negative=True) == Decimal("-1000.10")
    assert parse_amount("Q -3", allow_negative=True) == Decimal("-3.00")
    with pytest.raises(ValidationError, match="cannot be zero"):
        parse_amount("0", allow_negative=True)
    with pytest.raises(ValidationError, match=r"cannot exceed 100\.00"):
        parse_amount("100.01", max_value=Decimal(100))
    with pytest.raises(ValidationError, match=r"cannot exceed 100\.00"):
        parse_amount("-100.01", max_value=Decimal(100), allow_negative=True)


def test_parse_amount_hostile_non_string() -> None:
    with pytest.raises(ValidationError):
        parse_amount(None)  # type: ignore[arg-type]


@given(st.text())
def test_parse_amount_only_raises_validation_error(text: str) -> None:
    for kwargs in ({}, {"allow_zero": True, "allow_negative": True}):
        try:
            value = parse_amount(text, **kwargs)  # type: ignore[arg-type]
        except ValidationError:
            continue
        assert value == round_money(value)
        assert abs(value) <= Decimal("999999999999.99")


@given(st.text(alphabet="0123456789,.-$QqUS$ \t", max_size=30))
def test_parse_amount_only_raises_validation_error_near_misses(text: str) -> None:
    with contextlib.suppress(ValidationError):
        parse_amount(text, allow_negative=True)


@given(amounts.filter(lambda a: a > 0))
def test_parse_amount_round_trips_formatted_money(amount: Decimal) -> None:
    for currency in sorted(SUPPORTED_CURRENCIES):
        assert parse_amount(format_money(Money(amount, currency))) == amount
