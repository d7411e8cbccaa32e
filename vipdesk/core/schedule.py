"""Instalment schedules: French (level payment), German (level principal) and bullet.

Conventions (FINANCE.md, "Schedules"):

- The periodic rate is the nominal annual rate divided by the periods per year (monthly 12,
  quarterly 4, biweekly 26, weekly 52).
- Each row's interest is the outstanding balance × the periodic rate, rounded half-up to cents.
  It is computed from the annual rate with ample precision, never from a rounded periodic rate:
  0.10 ÷ 12 rounded to any number of digits turns an exact half cent into 0.004999... and
  rounds the wrong way.
- French: level payment P·i ÷ (1 − (1 + i)^−n), rounded half-up to cents (P ÷ n at i = 0).
  German: level principal P ÷ n, rounded half-up to cents. Bullet: interest only, all the
  principal in the last row. Every row's principal is payment − interest; the last row repays
  whatever is left, so the principal column adds up exactly to the amount financed and the last
  balance is exactly 0.00.
- Grace: the first ``grace_periods`` instalments pay interest only; they count inside
  ``installments`` and the level amount is computed over the remaining n' rows.
- Balloon B: the level amount amortises F − B over the n' rows with interest on the full
  balance (French: (F − B·(1 + i)^−n')·i ÷ (1 − (1 + i)^−n'); German: (F − B) ÷ n'); the last
  row also repays B.
- Down payment: row number 0 on ``down_payment_date`` or, when none is given, one period before
  the first due date. The instalments finance the rest.

Rounding the level amount up can repay a small loan before its last row (3.00 in 600
instalments of 0.01 is paid off by row 300, and the last row would repay −2.99). When that
would happen the level amount is rounded down instead, which leaves the difference to the last
row; in the degenerate cases where even that is not enough (tiny amounts at extreme rates and
terms) a row never repays more than is left above the balloon, nor less than nothing.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_DOWN, ROUND_HALF_UP, Context, Decimal, localcontext
from typing import TypeGuard

from vipdesk.core.errors import QT_TRANSLATE_NOOP, Problem, ValidationError
from vipdesk.core.money import CENT, MAX_ABS_AMOUNT, require_decimal, round_money

FREQUENCIES: tuple[str, ...] = ("monthly", "biweekly", "weekly", "quarterly")
METHODS: tuple[str, ...] = ("french", "german", "bullet")
MAX_INSTALLMENTS = 600
MAX_PRINCIPAL = Decimal(10) ** 15
MAX_ANNUAL_RATE = Decimal(10)

_PERIODS_PER_YEAR = {"monthly": 12, "biweekly": 26, "weekly": 52, "quarterly": 4}
_MONTHS_PER_PERIOD = {"monthly": 1, "quarterly": 3}
_DAYS_PER_PERIOD = {"biweekly": 14, "weekly": 7}
ZERO = Decimal("0.00")
# Enough digits for balance × rate to be exact and for (1 + i)^−n to keep every cent of a
# 10^15 payment even when 1 − (1 + i)^−n cancels most of its digits (rates near zero).
_WIDE = Context(prec=100)


@dataclass(frozen=True)
class ScheduleRow:
    number: int  # 1..n for instalments; 0 for the down payment row
    due_date: date
    payment: Decimal
    interest: Decimal
    principal: Decimal
    balance: Decimal  # outstanding principal after this row


@dataclass(frozen=True)
class ScheduleTotals:
    payment: Decimal
    interest: Decimal
    principal: Decimal


def periods_per_year(frequency: str) -> int:
    """12, 26, 52 or 4; ``ValueError`` for anything not in ``FREQUENCIES``."""
    try:
        return _PERIODS_PER_YEAR[frequency]
    except (KeyError, TypeError):
        raise ValueError(f"unknown frequency: {frequency!r}") from None


def add_periods(first_due: date, k: int, frequency: str) -> date:
    """``first_due`` moved by ``k`` periods (``k`` may be negative).

    Monthly and quarterly keep ``first_due``'s day of month, or the month's last day when it is
    shorter; the day is always taken from ``first_due``, so 31 Jan gives 29 Feb and then 31 Mar,
    never drifting to the 29th. Biweekly and weekly add 14 and 7 days. ``OverflowError`` when the
    result falls outside ``date.min .. date.max``.
    """
    periods_per_year(frequency)
    if isinstance(k, bool) or not isinstance(k, int):
        raise TypeError(f"k must be an int, got {type(k).__name__}")
    if frequency in _DAYS_PER_PERIOD:
        return first_due + timedelta(days=_DAYS_PER_PERIOD[frequency] * k)
    month_index = first_due.year * 12 + first_due.month - 1 + k * _MONTHS_PER_PERIOD[frequency]
    year, month = divmod(month_index, 12)
    if not 1 <= year <= 9999:
        raise OverflowError("date value out of range")
    day = min(first_due.day, calendar.monthrange(year, month + 1)[1])
    return date(year, month + 1, day)


def schedule_totals(rows: Iterable[ScheduleRow]) -> ScheduleTotals:
    """Exact column sums (cent amounts add up exactly within the default decimal context)."""
    payment = interest = principal = ZERO
    for row in rows:
        payment += row.payment
        interest += row.interest
        principal += row.principal
    return ScheduleTotals(payment, interest, principal)


def _amount_in(value: object, what: str) -> Decimal:
    number = require_decimal(value, what)
    # Out-of-range values are left as they are for the validation to report.
    return round_money(number) if abs(number) < MAX_ABS_AMOUNT else number


def _is_date(value: object) -> TypeGuard[date]:
    # A datetime is a date too, but mixing one with dates breaks comparisons and arithmetic.
    return isinstance(value, date) and not isinstance(value, datetime)


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _problems(
    principal: Decimal,
    annual_rate: Decimal,
    installments: object,
    first_due: object,
    frequency: object,
    method: object,
    down_payment: Decimal,
    grace_periods: object,
    balloon: Decimal,
    down_payment_date: object,
) -> list[Problem]:
    problems: list[Problem] = []

    def add(field: str, template: str, **params: object) -> None:
        problems.append(Problem(field, template, params))

    if principal <= 0:
        add("principal", QT_TRANSLATE_NOOP("errors", "The amount must be greater than zero"))
    elif principal >= MAX_PRINCIPAL:
        add(
            "principal",
            QT_TRANSLATE_NOOP("errors", "The amount must be less than {maximum}"),
            maximum=f"{MAX_PRINCIPAL:,.2f}",
        )
    if not 0 <= annual_rate <= MAX_ANNUAL_RATE:
        add(
            "annual_rate",
            QT_TRANSLATE_NOOP("errors", "The annual rate must be between 0 % and {maximum} %"),
            maximum=int(MAX_ANNUAL_RATE * 100),
        )
    # The number of instalments, when valid: the grace and the dates are checked against it.
    count = installments if _is_int(installments) else None
    if count is None:
        add("installments", QT_TRANSLATE_NOOP("errors", "Enter a whole number"))
    elif not 1 <= count <= MAX_INSTALLMENTS:
        add(
            "installments",
            QT_TRANSLATE_NOOP("errors", "The value must be between {minimum} and {maximum}"),
            minimum=1,
            maximum=MAX_INSTALLMENTS,
        )
        count = None
    if frequency not in FREQUENCIES:
        add(
            "frequency",
            QT_TRANSLATE_NOOP("errors", "Unknown frequency {value}; use one of {allowed}"),
            value=str(frequency),
            allowed=", ".join(FREQUENCIES),
        )
    if method not in METHODS:
        add(
            "method",
            QT_TRANSLATE_NOOP("errors", "Unknown method {value}; use one of {allowed}"),
            value=str(method),
            allowed=", ".join(METHODS),
        )
    if down_payment < 0:
        add("down_payment", QT_TRANSLATE_NOOP("errors", "The down payment cannot be negative"))
    elif down_payment >= principal > 0:
        add(
            "down_payment",
            QT_TRANSLATE_NOOP("errors", "The down payment must be less than the amount"),
        )
    if not _is_int(grace_periods):
        add("grace_periods", QT_TRANSLATE_NOOP("errors", "Enter a whole number"))
    elif grace_periods < 0 or (count is not None and grace_periods >= count):
        add(
            "grace_periods",
            QT_TRANSLATE_NOOP(
                "errors", "The grace periods must be zero or more and fewer than the instalments"
            ),
        )
    financed = principal - down_payment
    if method == "bullet" and balloon != 0:
        add(
            "balloon",
            QT_TRANSLATE_NOOP(
                "errors", "A bullet schedule repays everything at the end: it has no balloon"
            ),
        )
    elif balloon < 0:
        add("balloon", QT_TRANSLATE_NOOP("errors", "The balloon cannot be negative"))
    elif balloon >= financed > 0:
        add(
            "balloon",
            QT_TRANSLATE_NOOP("errors", "The balloon must be less than the amount financed"),
        )
    if not _is_date(first_due):
        add("first_due", QT_TRANSLATE_NOOP("errors", "Enter a date"))
    elif isinstance(frequency, str) and frequency in FREQUENCIES and count is not None:
        try:
            add_periods(first_due, count - 1, frequency)
            if down_payment > 0 and down_payment_date is None:
                add_periods(first_due, -1, frequency)
        except OverflowError:
            add("first_due", QT_TRANSLATE_NOOP("errors", "The due dates fall outside the calendar"))
    if down_payment_date is not None and down_payment > 0:
        if not _is_date(down_payment_date):
            add("down_payment_date", QT_TRANSLATE_NOOP("errors", "Enter a date"))
        elif _is_date(first_due) and down_payment_date > first_due:
            add(
                "down_payment_date",
                QT_TRANSLATE_NOOP(
                    "errors", "The down payment cannot fall after the first instalment"
                ),
            )
    return problems


def _interest(balance: Decimal, annual_rate: Decimal, per_year: int) -> Decimal:
    with localcontext(_WIDE):
        exact = balance * annual_rate / per_year
    return exact.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class _Terms:
    method: str
    financed: Decimal
    balloon: Decimal
    annual_rate: Decimal
    per_year: int
    dates: list[date]
    grace: int

    def level(self, rounding: str) -> Decimal:
        """The French payment or the German principal, rounded to cents as asked."""
        rows = len(self.dates) - self.grace
        with localcontext(_WIDE):
            exact = (self.financed - self.balloon) / rows
            if self.method == "french" and self.annual_rate > 0:
                i = self.annual_rate / self.per_year
                discount = (1 + i) ** -rows
                if discount != 1:  # a rate so small that 1 + i rounds to 1 amortises like 0 %
                    exact = (self.financed - self.balloon * discount) * i / (1 - discount)
        return exact.quantize(CENT, rounding=rounding)

    def rows(self, level: Decimal, *, bounded: bool) -> list[ScheduleRow] | None:
        """The instalment rows, or None when ``bounded`` is False and a row other than the last
        would repay more than is left above the balloon, or less than nothing."""
        rows: list[ScheduleRow] = []
        balance = self.financed
        last = len(self.dates)
        for number, due in enumerate(self.dates, start=1):
            interest = _interest(balance, self.annual_rate, self.per_year)
            if number == last:
                principal = balance
            elif number <= self.grace or self.method == "bullet":
                principal = ZERO
            elif self.method == "german":
                principal = level
            else:
                principal = level - interest
            if number != last and not ZERO <= principal <= balance - self.balloon:
                if not bounded:
                    return None
                principal = min(max(principal, ZERO), balance - self.balloon)
            balance -= principal
            rows.append(
                ScheduleRow(number, due, interest + principal, interest, principal, balance)
            )
        return rows


def build_schedule(
    principal: Decimal,
    annual_rate: Decimal,
    installments: int,
    first_due: date,
    frequency: str = "monthly",
    method: str = "french",
    down_payment: Decimal = Decimal(0),
    grace_periods: int = 0,
    balloon: Decimal = Decimal(0),
    *,
    down_payment_date: date | None = None,
) -> list[ScheduleRow]:
    """The rows of the schedule: the down payment row (number 0) if any, then 1..installments.

    ``annual_rate`` is a fraction (Decimal("0.18") is 18 % a year). Amounts are rounded to cents
    on the way in. ``TypeError`` for a float or another non-Decimal amount or rate;
    ``ValidationError`` listing every invalid parameter (fields named as the parameters).
    """
    amount = _amount_in(principal, "principal")
    rate = require_decimal(annual_rate, "annual_rate")
    down = _amount_in(down_payment, "down_payment")
    lump = _amount_in(balloon, "balloon")
    problems = _problems(
        amount, rate, installments, first_due, frequency, method, down, grace_periods, lump,
        down_payment_date,
    )  # fmt: skip
    if problems:
        raise ValidationError(problems)

    financed = amount - down
    dates = [add_periods(first_due, k, frequency) for k in range(installments)]
    terms = _Terms(method, financed, lump, rate, periods_per_year(frequency), dates, grace_periods)
    rows = terms.rows(terms.level(ROUND_HALF_UP), bounded=False)
    if rows is None:
        rows = terms.rows(terms.level(ROUND_DOWN), bounded=True)
        assert rows is not None
    if down > 0:
        paid_on = down_payment_date or add_periods(first_due, -1, frequency)
        rows.insert(0, ScheduleRow(0, paid_on, down, ZERO, down, financed))
    return rows
