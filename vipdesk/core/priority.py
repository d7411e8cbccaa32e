"""Priority score of a case: 0 to 100, one decimal, higher means work it first.

    score = 40 × exposure factor
          + 30 × min(days past due, 360) / 360
          + 15 × min(broken promises, 3) / 3
          + 15 × min(days since last contact, 60) / 60      (never contacted counts as 60)

    exposure factor = 0 at or below US$10,000, 1 at or above US$10,000,000, and in between
                      (log10(exposure in USD) − 4) / 3, i.e. linear in orders of magnitude.

Exposure is on a log scale because in a high-value portfolio balances span three orders of
magnitude: a linear scale would let a handful of the largest cases drown everything else.
Exposure in other currencies is converted with ``REFERENCE_USD_RATES``. Negative inputs (a credit
balance, a contact dated in the future by a skewed clock) count as zero rather than failing, so
one odd record never breaks a sorted list of 100,000 cases.

The total is rounded half-up to one decimal. ``explain`` rounds each component to one decimal
too, distributing the tenths so that the components always add up to exactly the score shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from types import MappingProxyType

from vipdesk.core.errors import QT_TRANSLATE_NOOP
from vipdesk.core.money import round_money

# Reference rates for *ranking only*: they put cases in different currencies on one scale. They
# are deliberately fixed and approximate, and must never be used for accounting or for any
# amount shown to a debtor.
REFERENCE_USD_RATES: Mapping[str, Decimal] = MappingProxyType(
    {"USD": Decimal(1), "GTQ": Decimal("0.13"), "MXN": Decimal("0.055")}
)

WEIGHTS: Mapping[str, Decimal] = MappingProxyType(
    {
        "exposure": Decimal(40),
        "days_past_due": Decimal(30),
        "broken_promises": Decimal(15),
        "days_since_contact": Decimal(15),
    }
)

# Labels of ``explain``; marked for lupdate in the "priority" context for the GUI to translate.
LABELS: Mapping[str, str] = MappingProxyType(
    {
        "exposure": QT_TRANSLATE_NOOP("priority", "Exposure"),
        "days_past_due": QT_TRANSLATE_NOOP("priority", "Days past due"),
        "broken_promises": QT_TRANSLATE_NOOP("priority", "Broken promises"),
        "days_since_contact": QT_TRANSLATE_NOOP("priority", "Days since last contact"),
    }
)

EXPOSURE_FLOOR_USD = Decimal(10_000)
EXPOSURE_CEILING_USD = Decimal(10_000_000)
MAX_DAYS_PAST_DUE = 360
MAX_BROKEN_PROMISES = 3
MAX_DAYS_SINCE_CONTACT = 60

_TENTH = Decimal("0.1")


def exposure_in_usd(
    amount: Decimal, currency: str, rates: Mapping[str, Decimal] = REFERENCE_USD_RATES
) -> Decimal:
    """``amount`` converted at the reference rate, rounded to cents (for ranking only)."""
    if currency not in rates:
        raise ValueError(f"no reference rate for currency {currency!r}")
    return round_money(round_money(amount) * rates[currency])


@dataclass(frozen=True)
class PriorityInputs:
    exposure_usd: Decimal
    days_past_due: int
    broken_promises: int
    days_since_contact: int | None  # None: never contacted

    def __post_init__(self) -> None:
        if isinstance(self.exposure_usd, float) or not isinstance(self.exposure_usd, Decimal):
            raise TypeError("exposure_usd must be a Decimal")
        if not self.exposure_usd.is_finite():
            raise ValueError("exposure_usd must be finite")


def _exposure_factor(exposure_usd: Decimal) -> Decimal:
    if exposure_usd <= EXPOSURE_FLOOR_USD:
        return Decimal(0)
    if exposure_usd >= EXPOSURE_CEILING_USD:
        return Decimal(1)
    low, high = EXPOSURE_FLOOR_USD.log10(), EXPOSURE_CEILING_USD.log10()
    return (exposure_usd.log10() - low) / (high - low)


def _capped(value: int, cap: int) -> Decimal:
    return Decimal(min(max(value, 0), cap)) / cap


def _components(inputs: PriorityInputs) -> dict[str, Decimal]:
    contact = (
        MAX_DAYS_SINCE_CONTACT if inputs.days_since_contact is None else inputs.days_since_contact
    )
    factors = {
        "exposure": _exposure_factor(inputs.exposure_usd),
        "days_past_due": _capped(inputs.days_past_due, MAX_DAYS_PAST_DUE),
        "broken_promises": _capped(inputs.broken_promises, MAX_BROKEN_PROMISES),
        "days_since_contact": _capped(contact, MAX_DAYS_SINCE_CONTACT),
    }
    return {key: WEIGHTS[key] * factor for key, factor in factors.items()}


def priority_score(inputs: PriorityInputs) -> Decimal:
    """The score, 0.0 to 100.0, rounded half-up to one decimal."""
    total = sum(_components(inputs).values(), Decimal(0))
    return min(max(total, Decimal(0)), Decimal(100)).quantize(_TENTH, rounding=ROUND_HALF_UP)


def explain(inputs: PriorityInputs) -> list[tuple[str, Decimal]]:
    """(English label, points) per component, in ``WEIGHTS`` order, adding up to the score.

    Each component is rounded down to a tenth; the tenths still missing to reach the score go to
    the components that lost the most in that rounding (largest remainder).
    """
    exact = _components(inputs)
    floors = {k: v.quantize(_TENTH, rounding=ROUND_FLOOR) for k, v in exact.items()}
    missing = int((priority_score(inputs) - sum(floors.values(), Decimal(0))) / _TENTH)
    keys = list(WEIGHTS)
    by_remainder = sorted(keys, key=lambda k: (-(exact[k] - floors[k]), keys.index(k)))
    for key in by_remainder[: max(missing, 0)]:
        floors[key] += _TENTH
    return [(LABELS[key], floors[key]) for key in keys]
