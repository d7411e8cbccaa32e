from __future__ import annotations

from decimal import Decimal
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vipdesk.core.balances import Balance, apply_to_balance

D = Decimal


def balance(principal: str, ordinary: str, default: str, fees: str) -> Balance:
    return Balance(D(principal), D(ordinary), D(default), D(fees))


def test_total_and_zero() -> None:
    assert balance("1000", "50", "25", "10").total == D("1085")
    assert Balance.zero().total == 0


def test_imputation_order_fees_default_ordinary_principal() -> None:
    start = balance("1000", "50", "25", "10")
    new, applied, rest = apply_to_balance(start, D("30"))
    assert applied == balance("0", "0", "20", "10")
    assert new == balance("1000", "50", "5", "0")
    assert rest == 0

    new, applied, rest = apply_to_balance(start, D("100"))
    assert applied == balance("15", "50", "25", "10")
    assert new == balance("985", "0", "0", "0")
    assert rest == 0


def test_overpayment_leaves_a_remainder() -> None:
    new, applied, rest = apply_to_balance(balance("100", "0", "0", "5"), D("150.50"))
    assert new == Balance.zero()
    assert applied.total == D("105")
    assert rest == D("45.50")


def test_invalid_input() -> None:
    start = balance("100", "0", "0", "0")
    with pytest.raises(ValueError):
        apply_to_balance(start, D(0))
    with pytest.raises(ValueError):
        apply_to_balance(start, D("-1"))
    with pytest.raises(ValueError):
        apply_to_balance(start, D("NaN"))
    with pytest.raises(TypeError):
        apply_to_balance(start, 10.0)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        balance("-1", "0", "0", "0")
    with pytest.raises(TypeError):
        Balance(1.0, D(0), D(0), D(0))  # type: ignore[arg-type]


component = st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False)
balances = st.builds(Balance, component, component, component, component)


@given(balances, st.decimals(min_value="0.01", max_value=10**13, places=2, allow_nan=False))
def test_invariants(start: Balance, amount: Decimal) -> None:
    new, applied, rest = apply_to_balance(start, amount)
    assert applied.total + rest == amount
    assert new.total == start.total - applied.total
    assert rest >= 0
    assert rest == 0 or new.total == 0
    for name in ("principal", "ordinary_interest", "default_interest", "fees"):
        assert getattr(new, name) >= 0 and getattr(applied, name) >= 0
        assert getattr(new, name) + getattr(applied, name) == getattr(start, name)
    # A later component is touched only once every earlier one is paid off.
    order = ["fees", "default_interest", "ordinary_interest", "principal"]
    for earlier, later in pairwise(order):
        if getattr(applied, later) > 0:
            assert getattr(new, earlier) == 0
