"""Applying a payment to the balance of one obligation.

Imputation order: fees, then default interest ("moratorios"), then ordinary interest, then
principal. This is the usual order in Guatemalan and Mexican credit contracts (costs and
interest before capital), and it is what the debtor's statement is expected to show.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal

# Component names in imputation order.
IMPUTATION_ORDER: tuple[str, ...] = ("fees", "default_interest", "ordinary_interest", "principal")


def _check_amount(value: object, what: str) -> Decimal:
    if isinstance(value, float) or not isinstance(value, Decimal):
        raise TypeError(f"{what} must be a Decimal, got {type(value).__name__}")
    if not value.is_finite():
        raise ValueError(f"{what} must be finite, got {value}")
    return value


@dataclass(frozen=True)
class Balance:
    principal: Decimal
    ordinary_interest: Decimal
    default_interest: Decimal
    fees: Decimal

    def __post_init__(self) -> None:
        for item in fields(self):
            value = _check_amount(getattr(self, item.name), item.name)
            if value < 0:
                raise ValueError(f"{item.name} cannot be negative, got {value}")

    @property
    def total(self) -> Decimal:
        return self.principal + self.ordinary_interest + self.default_interest + self.fees

    @classmethod
    def zero(cls) -> Balance:
        return cls(Decimal(0), Decimal(0), Decimal(0), Decimal(0))


def apply_to_balance(balance: Balance, amount: Decimal) -> tuple[Balance, Balance, Decimal]:
    """Return (new balance, what was applied to each component, unapplied remainder).

    The remainder is what exceeds the whole balance (an overpayment to refund or hold).
    """
    _check_amount(amount, "amount")
    if amount <= 0:
        raise ValueError(f"the amount applied must be positive, got {amount}")
    left = amount
    remaining: dict[str, Decimal] = {}
    applied: dict[str, Decimal] = {}
    for name in IMPUTATION_ORDER:
        owed: Decimal = getattr(balance, name)
        take = min(left, owed)
        applied[name] = take
        remaining[name] = owed - take
        left -= take
    return Balance(**remaining), Balance(**applied), left
