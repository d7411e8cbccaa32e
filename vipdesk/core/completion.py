"""The probability that a settlement scenario is completed (FINANCE.md, "Valuation of settlement
scenarios"), used by ``vipdesk.core.valuation`` for the expected PV.

Probability of completion p (the legal route's p is p(win)), the product of these factors,
clamped to [0.01, 0.99] and rounded half-up to two decimals; that rounded p is the one used:

- "coverage" (base), c = capacity ÷ what the debtor must pay, to 4 decimals. For a plan, the
  monthly ``sustainable_payment`` converted to the plan's period (× 12 ÷ periods per year)
  ÷ its largest regular instalment (the balloon, or a bullet's principal, counts as a lump, not
  as a regular instalment); for a lump sum, ``lump_sum_capacity`` ÷ amount.
  c ≥ 1.5 → 0.90; 1 ≤ c < 1.5 → 0.60 + 0.60 × (c − 1); c < 1 → max(0.05, 0.60 × c);
  capacity unknown → 0.50 (input None). Payment in kind: key "asset_transfer", 0.75 (the asset
  exists; title, registration and appraisal are the risk).
- "lump_sums" (plans with a down payment, a balloon or a bullet principal, L their sum):
  l = lump_sum_capacity ÷ L; l ≥ 1 → 1.00, l < 1 → 0.50 + 0.50 × l, unknown → 0.80.
- "promise_history": 0.5 + 0.5 × h, h = (kept + 0.5 × partial) ÷ (kept + partial + broken)
  (input h); 0.85 when there is no history (input None).
- "days_past_due": 1.00 up to 90 days, 0.90 up to 180, 0.80 up to 360, 0.70 beyond.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from vipdesk.core.scenario_inputs import ValuationContext
from vipdesk.core.schedule import ScheduleRow

ZERO = Decimal("0.00")
ONE = Decimal(1)
_PCT = Decimal("0.0001")
_P = Decimal("0.01")


@dataclass(frozen=True)
class Factor:
    key: str
    input: Decimal | int | None
    multiplier: Decimal


@dataclass(frozen=True)
class Completion:
    p: Decimal
    factors: tuple[Factor, ...]


ASSET_TRANSFER = Factor("asset_transfer", None, Decimal("0.75"))


def ratio(numerator: Decimal, denominator: Decimal) -> Decimal:
    """numerator ÷ denominator rounded half-up to 4 decimals."""
    return (numerator / denominator).quantize(_PCT, rounding=ROUND_HALF_UP)


def round_p(p: Decimal) -> Decimal:
    """A probability rounded half-up to two decimals: the p that is used."""
    return p.quantize(_P, rounding=ROUND_HALF_UP)


def coverage_factor(c: Decimal | None) -> Factor:
    if c is None:
        return Factor("coverage", None, Decimal("0.50"))
    if c >= Decimal("1.5"):
        base = Decimal("0.90")
    elif c >= 1:
        base = Decimal("0.60") + Decimal("0.60") * (c - 1)
    else:
        base = max(Decimal("0.05"), Decimal("0.60") * c)
    return Factor("coverage", c, base)


def _history_and_arrears(context: ValuationContext) -> tuple[Factor, Factor]:
    kept, partial = context.promises_kept, context.promises_partial
    total = kept + partial + context.promises_broken
    if total == 0:
        history = Factor("promise_history", None, Decimal("0.85"))
    else:
        h = ratio(kept + Decimal("0.5") * partial, Decimal(total))
        history = Factor("promise_history", h, Decimal("0.5") + Decimal("0.5") * h)
    dpd = context.days_past_due
    arrears = next(m for limit, m in _ARREARS if limit is None or dpd <= limit)
    return history, Factor("days_past_due", dpd, arrears)


_ARREARS: tuple[tuple[int | None, Decimal], ...] = (
    (90, Decimal("1.00")),
    (180, Decimal("0.90")),
    (360, Decimal("0.80")),
    (None, Decimal("0.70")),
)


def completion_of(factors: list[Factor], context: ValuationContext) -> Completion:
    """p from the scenario's own ``factors`` (extended with the history and arrears factors)."""
    factors.extend(_history_and_arrears(context))
    # Multipliers to 4 decimals: what the user reads is exactly what was multiplied.
    shown = [Factor(f.key, f.input, f.multiplier.quantize(_PCT, ROUND_HALF_UP)) for f in factors]
    p = ONE
    for factor in shown:
        p *= factor.multiplier
    return Completion(round_p(min(max(p, Decimal("0.01")), Decimal("0.99"))), tuple(shown))


def legal_completion(p_win: Decimal) -> Completion:
    """The legal route's p is p(win) itself."""
    return Completion(round_p(p_win), (Factor("p_win", p_win, p_win),))


def capacity_ratio(capacity: Decimal | None, due: Decimal) -> Decimal | None:
    if capacity is None:
        return None
    return ratio(max(capacity, ZERO), due) if due > 0 else Decimal("1.5")


def plan_factors(
    rows: list[ScheduleRow], per_year: int, end_lump: Decimal, context: ValuationContext
) -> list[Factor]:
    """The "coverage" and "lump_sums" factors of a plan's schedule; ``end_lump`` is its balloon
    or bullet principal, inside the last instalment."""
    instalments = [r for r in rows if r.number > 0]
    regular = max(r.payment - (end_lump if r is instalments[-1] else 0) for r in instalments)
    capacity = context.sustainable_payment
    per_period = None if capacity is None else capacity * 12 / per_year
    factors = [coverage_factor(capacity_ratio(per_period, regular))]
    lumps = end_lump + sum((r.payment for r in rows if r.number == 0), ZERO)
    if lumps > 0:
        lump_ratio = capacity_ratio(context.lump_sum_capacity, lumps)
        if lump_ratio is None:
            factors.append(Factor("lump_sums", None, Decimal("0.80")))
        else:
            multiplier = ONE if lump_ratio >= 1 else Decimal("0.5") + Decimal("0.5") * lump_ratio
            factors.append(Factor("lump_sums", lump_ratio, multiplier))
    return factors
