"""The inputs of a scenario valuation (FINANCE.md, "Valuation of settlement scenarios"): the five
settlement scenarios, the context of the case they are valued in, and the checks that name every
invalid input by its field. How each scenario is valued: ``vipdesk.core.valuation``.

The dataclasses only refuse floats and non-numbers in their decimal fields (``TypeError``) and
round amounts half-up to cents; ranges, counts and dates are checked when a scenario is valued
(``InputChecks``), so that one ``ValidationError`` names every invalid input at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TypeGuard

from vipdesk.core.errors import QT_TRANSLATE_NOOP, Problem
from vipdesk.core.money import require_decimal, round_money
from vipdesk.core.schedule import MAX_ANNUAL_RATE, MAX_PRINCIPAL

MAX_LEGAL_MONTHS = 600


def is_date(value: object) -> TypeGuard[date]:
    # A datetime is a date too, but mixing one with dates breaks comparisons and arithmetic.
    return isinstance(value, date) and not isinstance(value, datetime)


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def store_decimals(instance: object, *names: str, money: bool = False) -> None:
    """Check the named fields (``TypeError`` for floats and non-numbers; None is left alone)
    and store them as Decimals, amounts rounded half-up to cents."""
    for name in names:
        value = getattr(instance, name)
        if value is not None:
            number = require_decimal(value, name)
            object.__setattr__(instance, name, round_money(number) if money else number)


@dataclass(frozen=True)
class LumpSum:
    amount: Decimal
    pay_on: date

    def __post_init__(self) -> None:
        store_decimals(self, "amount", money=True)


@dataclass(frozen=True)
class InstallmentPlan:
    down_payment: Decimal
    installments: int
    frequency: str
    annual_rate: Decimal
    first_due: date
    grace_periods: int = 0
    balloon: Decimal = Decimal(0)
    method: str = "french"
    financed: Decimal | None = None  # the amount agreed, down payment included; None: exposure
    down_payment_date: date | None = None  # None: one period before first_due

    def __post_init__(self) -> None:
        store_decimals(self, "down_payment", "balloon", "financed", money=True)
        store_decimals(self, "annual_rate")


@dataclass(frozen=True)
class Restructuring:
    new_term_installments: int
    annual_rate: Decimal
    first_due: date
    frequency: str = "monthly"
    method: str = "french"

    def __post_init__(self) -> None:
        store_decimals(self, "annual_rate")


@dataclass(frozen=True)
class PaymentInKind:
    asset_description: str
    appraised_value: Decimal
    forced_sale_haircut: Decimal
    transfer_costs: Decimal
    transfer_on: date

    def __post_init__(self) -> None:
        store_decimals(self, "appraised_value", "transfer_costs", money=True)
        store_decimals(self, "forced_sale_haircut")


@dataclass(frozen=True)
class LegalRoute:
    p_win: Decimal
    recoverable: Decimal  # at forced-sale value
    legal_costs: Decimal
    months: int

    def __post_init__(self) -> None:
        store_decimals(self, "recoverable", "legal_costs", money=True)
        store_decimals(self, "p_win")


Scenario = LumpSum | InstallmentPlan | Restructuring | PaymentInKind | LegalRoute


@dataclass(frozen=True)
class ValuationContext:
    exposure: Decimal
    as_of: date
    discount_rate: Decimal
    legal: LegalRoute
    sustainable_payment: Decimal | None  # per month; negative means no capacity at all
    lump_sum_capacity: Decimal | None
    promises_kept: int
    promises_broken: int
    promises_partial: int
    days_past_due: int

    def __post_init__(self) -> None:
        store_decimals(self, "exposure", "sustainable_payment", "lump_sum_capacity", money=True)
        store_decimals(self, "discount_rate")


class InputChecks:
    """Collects the problems of a valuation's inputs, each under its field's name."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, field: str, template: str, **params: object) -> None:
        self.problems.append(Problem(field, template, params))

    def for_field(self, field: str) -> list[Problem]:
        return [p for p in self.problems if p.field == field]

    def amount(self, field: str, value: Decimal | None, *, positive: bool = False) -> None:
        if value is None:
            return
        if positive and value <= 0:
            self.add(field, QT_TRANSLATE_NOOP("errors", "The amount must be greater than zero"))
        elif value < 0:
            self.add(field, QT_TRANSLATE_NOOP("errors", "The amount cannot be negative"))
        elif value >= MAX_PRINCIPAL:
            self.add(
                field,
                QT_TRANSLATE_NOOP("errors", "The amount must be less than {maximum}"),
                maximum=f"{MAX_PRINCIPAL:,.2f}",
            )

    def rate(self, field: str, value: Decimal) -> None:
        if not 0 <= value <= MAX_ANNUAL_RATE:
            self.add(
                field,
                QT_TRANSLATE_NOOP("errors", "The annual rate must be between 0 % and {maximum} %"),
                maximum=int(MAX_ANNUAL_RATE * 100),
            )

    def fraction(self, field: str, value: Decimal, *, below_one: bool = False) -> None:
        if not (0 <= value < 1 if below_one else 0 <= value <= 1):
            template = (
                QT_TRANSLATE_NOOP("errors", "Enter a share from 0 up to (not including) 1")
                if below_one
                else QT_TRANSLATE_NOOP("errors", "Enter a probability between 0 and 1")
            )
            self.add(field, template)

    def count(self, field: str, value: object, maximum: int) -> None:
        if not _is_int(value):
            self.add(field, QT_TRANSLATE_NOOP("errors", "Enter a whole number"))
        elif not 0 <= value <= maximum:
            self.add(
                field,
                QT_TRANSLATE_NOOP("errors", "The value must be between {minimum} and {maximum}"),
                minimum=0,
                maximum=maximum,
            )

    def date_from(self, field: str, value: object, earliest: object) -> None:
        if not is_date(value):
            self.add(field, QT_TRANSLATE_NOOP("errors", "Enter a date"))
        elif is_date(earliest) and value < earliest:
            self.add(
                field,
                QT_TRANSLATE_NOOP("errors", "The date cannot be before {earliest}"),
                earliest=earliest.isoformat(),
            )

    def legal(self, route: LegalRoute) -> None:
        self.fraction("p_win", route.p_win)
        self.amount("recoverable", route.recoverable)
        self.amount("legal_costs", route.legal_costs)
        self.count("months", route.months, MAX_LEGAL_MONTHS)

    def context(self, context: ValuationContext) -> None:
        self.amount("exposure", context.exposure, positive=True)
        self.date_from("as_of", context.as_of, None)
        self.rate("discount_rate", context.discount_rate)
        self.legal(context.legal)
        self.amount("lump_sum_capacity", context.lump_sum_capacity)
        for field in ("promises_kept", "promises_broken", "promises_partial"):
            self.count(field, getattr(context, field), 10**6)
        self.count("days_past_due", context.days_past_due, 10**6)
