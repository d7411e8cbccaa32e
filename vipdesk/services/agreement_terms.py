"""The terms of a payment agreement as a form has them (text by field), the plan they describe,
its schedule and the breakdown of what is recognised as owed.

Text conventions as in services/scenario_terms.py: amounts as core.money.parse_amount reads
them ("1,250.00"); rates as fractions ("0.24" is 24 % a year); dates ISO (yyyy-mm-dd), from
today up to ``MAX_YEARS_AHEAD`` years ahead; counts as whole numbers; frequency and method as
the codes of core.schedule; settlement "full" (finiquito: paying as agreed settles the whole
debt) or "partial". A field left "" takes its default (``DEFAULTS``); the down payment's date
defaults to one period before the first instalment; the offer's validity may stay open.

What the schedule repays is what is to pay: the total recognised less the discount. The bank
account, the credit number and the jurisdiction may stay empty in a draft; an agreement needs
them to be submitted for approval (``complete=True``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from vipdesk.core.approval import AgreementTerms
from vipdesk.core.completion import ratio
from vipdesk.core.errors import QT_TRANSLATE_NOOP, Problem, ValidationError
from vipdesk.core.money import parse_amount
from vipdesk.core.schedule import (
    FREQUENCIES,
    MAX_INSTALLMENTS,
    METHODS,
    ScheduleRow,
    add_periods,
    build_schedule,
    periods_per_year,
)
from vipdesk.core.text import clean_text
from vipdesk.core.validation import check_date_in_range, check_int_range
from vipdesk.core.valuation import InstallmentPlan, LumpSum, PaymentInKind, Restructuring
from vipdesk.services.agreement_dto import Breakdown
from vipdesk.services.scenario_terms import RATE, clean_terms, parse_fraction

MAX_YEARS_AHEAD = 5
MAX_GRACE_DAYS = 90
MAX_ACCELERATION_DAYS = 365
SETTLEMENTS: tuple[str, ...] = ("full", "partial")

# In the order a form shows them.
TERM_FIELDS: tuple[str, ...] = (
    "discount_amount",
    "down_payment",
    "down_payment_date",
    "installments",
    "frequency",
    "annual_rate",
    "first_due",
    "grace_periods",
    "balloon",
    "method",
    "grace_days",
    "late_rate",
    "acceleration_days",
    "settlement",
    "offer_valid_until",
    "bank_account",
    "credit_number",
    "jurisdiction",
)
DEFAULTS: Mapping[str, str] = MappingProxyType(
    {
        "discount_amount": "0.00",
        "down_payment": "0.00",
        "annual_rate": "0",
        "frequency": "monthly",
        "grace_periods": "0",
        "balloon": "0.00",
        "method": "french",
        "grace_days": "5",
        "late_rate": "0.24",
        "acceleration_days": "30",
        "settlement": "full",
    }
)
# Needed only to submit: a draft may leave them empty.
TO_SUBMIT = ("bank_account", "credit_number", "jurisdiction")
OPTIONAL = frozenset({*DEFAULTS, *TO_SUBMIT, "down_payment_date", "offer_valid_until"})
AMOUNT_FIELDS = frozenset({"discount_amount", "down_payment", "balloon"})
_DATES = frozenset({"down_payment_date", "first_due", "offer_valid_until"})
_COUNTS = {
    "installments": (1, MAX_INSTALLMENTS),
    "grace_periods": (0, MAX_INSTALLMENTS - 1),
    "grace_days": (0, MAX_GRACE_DAYS),
    "acceleration_days": (1, MAX_ACCELERATION_DAYS),
}
_CHOICES = {"frequency": FREQUENCIES, "method": METHODS, "settlement": SETTLEMENTS}
_FRACTIONS = frozenset({"annual_rate", "late_rate"})
# Single-line texts and their longest length.
_TEXTS = {"bank_account": 60, "credit_number": 40, "jurisdiction": 200}
# What the schedule is built from: a problem in any of them makes building it pointless.
_SCHEDULE_FIELDS = frozenset(TERM_FIELDS[:10])
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)

NOTHING_OWED = QT_TRANSLATE_NOOP(
    "errors", "Nothing is owed on this case: there is nothing to settle"
)
_REQUIRED = QT_TRANSLATE_NOOP("errors", "This field is required")
_REQUIRED_TO_SUBMIT = QT_TRANSLATE_NOOP(
    "errors", "Enter this before submitting the agreement for approval"
)


@dataclass(frozen=True)
class AgreementPlan:
    """The terms as values, with the total recognised they apply to."""

    total: Decimal
    discount: Decimal
    down_payment: Decimal
    down_payment_date: date | None
    installments: int
    frequency: str
    annual_rate: Decimal
    first_due: date
    grace_periods: int
    balloon: Decimal
    method: str
    grace_days: int
    late_rate: Decimal
    acceleration_days: int
    settlement: str
    offer_valid_until: date | None
    bank_account: str
    credit_number: str
    jurisdiction: str

    @property
    def to_pay(self) -> Decimal:
        return self.total - self.discount

    @property
    def term_months(self) -> int:
        """Months the instalments span, rounded up (as core.valuation counts a plan's term)."""
        return -(-self.installments * 12 // periods_per_year(self.frequency))


def _date(text: str, field: str, today: date | None) -> date:
    try:
        if not _ISO_DATE.fullmatch(text):
            raise ValueError(text)
        value = date.fromisoformat(text)
    except ValueError:
        raise ValidationError.single(
            field, QT_TRANSLATE_NOOP("errors", "Enter a date as yyyy-mm-dd")
        ) from None
    if today is None:  # stored terms: their dates were checked when they were saved
        return value
    latest = today + timedelta(days=366 * MAX_YEARS_AHEAD)
    return check_date_in_range(value, field, earliest=today, latest=latest)


def _count(text: str, field: str) -> int:
    if not re.fullmatch(r"[0-9]{1,6}", text, re.ASCII):
        raise ValidationError.single(field, QT_TRANSLATE_NOOP("errors", "Enter a whole number"))
    minimum, maximum = _COUNTS[field]
    return check_int_range(int(text), field, minimum=minimum, maximum=maximum)


def _value(field: str, text: str, today: date | None) -> Any:
    if field in AMOUNT_FIELDS:
        return parse_amount(text, field, allow_zero=True)
    if field in _DATES:
        return _date(text, field, today)
    if field in _COUNTS:
        return _count(text, field)
    if field in _CHOICES:
        if text not in _CHOICES[field]:
            raise ValidationError.single(
                field, QT_TRANSLATE_NOOP("errors", "Choose a value from the list")
            )
        return text
    if field in _FRACTIONS:
        return parse_fraction(text, field, RATE, one_allowed=True)
    return clean_text(text, field, max_length=_TEXTS[field])


def _text(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _read(
    terms: Mapping[str, str], today: date | None, *, complete: bool
) -> tuple[dict[str, str], dict[str, Any], list[Problem]]:
    """Each field on its own: (canonical text, values, problems)."""
    if not isinstance(terms, Mapping):
        raise ValidationError.single("terms", QT_TRANSLATE_NOOP("errors", "Enter the terms"))
    problems = [
        Problem(str(key), QT_TRANSLATE_NOOP("errors", "This term does not apply to an agreement"))
        for key in terms
        if key not in TERM_FIELDS
    ]
    clean: dict[str, str] = {}
    values: dict[str, Any] = {}
    for field in TERM_FIELDS:
        raw = terms.get(field, "")
        text = raw.strip() if isinstance(raw, str) else raw
        try:
            if text == "" or text is None:
                if field not in OPTIONAL:
                    raise ValidationError.single(field, _REQUIRED)
                if complete and field in TO_SUBMIT:
                    raise ValidationError.single(field, _REQUIRED_TO_SUBMIT)
                text = DEFAULTS.get(field, "")
                if not text:
                    clean[field] = ""
                    values[field] = None
                    continue
            if not isinstance(text, str):
                raise ValidationError.single(
                    field, QT_TRANSLATE_NOOP("errors", "This value is not text")
                )
            values[field] = _value(field, text, today)
            clean[field] = _text(values[field])
        except ValidationError as error:
            problems.extend(error.problems)
    return clean, values, problems


def _plan(values: dict[str, Any], total: Decimal) -> AgreementPlan:
    named: dict[str, Any] = {f: values.get(f) for f in TERM_FIELDS if f != "discount_amount"}
    named.update({f: named[f] or "" for f in TO_SUBMIT})
    return AgreementPlan(total=total, discount=values["discount_amount"], **named)


def _amount_checks(values: dict[str, Any], total: Decimal) -> list[Problem]:
    problems: list[Problem] = []
    if total <= 0:
        return [Problem("discount_amount", NOTHING_OWED)]
    discount, down = values.get("discount_amount"), values.get("down_payment")
    if discount is not None and discount >= total:
        problems.append(
            Problem(
                "discount_amount",
                QT_TRANSLATE_NOOP(
                    "errors", "The discount must be less than the total owed, {total}"
                ),
                {"total": f"{total:,.2f}"},
            )
        )
    elif discount is not None and down is not None and down >= total - discount:
        problems.append(
            Problem(
                "down_payment",
                QT_TRANSLATE_NOOP(
                    "errors", "The down payment must be less than the amount to pay, {to_pay}"
                ),
                {"to_pay": f"{total - discount:,.2f}"},
            )
        )
    return problems


def _implied_down_payment_date(values: dict[str, Any], today: date | None) -> list[Problem]:
    """A down payment without a date falls one period before the first instalment, which
    may be before today: then its date must be entered."""
    down, first, frequency = (values.get(f) for f in ("down_payment", "first_due", "frequency"))
    if today is None or not down or values.get("down_payment_date") is not None:
        return []
    if not isinstance(first, date) or frequency not in FREQUENCIES:
        return []
    try:
        implied = add_periods(first, -1, str(frequency))
    except OverflowError:
        return []  # build_schedule names it
    if implied >= today:
        return []
    template = QT_TRANSLATE_NOOP(
        "errors", "The down payment would fall on {date}, before today: enter its date"
    )
    return [Problem("down_payment_date", template, {"date": implied.isoformat()})]


# Plans are immutable values: checking terms builds the schedule once, and the agenda, the
# agreement's page and its letters then ask for the very same one (a thousand active
# agreements on every "Mi día" refresh).
@lru_cache(maxsize=4096)
def schedule_of(plan: AgreementPlan) -> tuple[ScheduleRow, ...]:
    """The rows of the plan's schedule (the down payment row, number 0, first if any); the
    principal repaid adds up exactly to what is to pay."""
    return tuple(
        build_schedule(
            plan.to_pay, plan.annual_rate, plan.installments, plan.first_due, plan.frequency,
            plan.method, plan.down_payment, plan.grace_periods, plan.balloon,
            down_payment_date=plan.down_payment_date,
        )
    )  # fmt: skip


def _clean(
    terms: Mapping[str, str], today: date | None, total: Decimal, *, complete: bool
) -> tuple[dict[str, str], AgreementPlan]:
    clean, values, problems = _read(terms, today, complete=complete)
    problems += _amount_checks(values, total)
    problems += _implied_down_payment_date(values, today)
    plan: AgreementPlan | None = None
    if not {p.field for p in problems} & _SCHEDULE_FIELDS:
        plan = _plan(values, total)
        try:
            schedule_of(plan)
        except ValidationError as error:
            renamed = {"principal": "discount_amount"}
            problems += [
                Problem(renamed.get(p.field, p.field), p.template, p.params) for p in error.problems
            ]
    if problems or plan is None:
        raise ValidationError(problems)
    return clean, plan


def clean_agreement_terms(
    terms: Mapping[str, str], today: date, total: Decimal, *, complete: bool = False
) -> tuple[dict[str, str], AgreementPlan]:
    """The terms as stored (every field, canonical text, defaults filled in) and the plan they
    describe for a total recognised of ``total``; or one ValidationError naming every invalid
    field. ``complete``: also require what submitting needs (``TO_SUBMIT``)."""
    return _clean(terms, today, total, complete=complete)


def stored_plan(terms: Mapping[str, str], total: Decimal) -> AgreementPlan:
    """The plan of terms as they were stored, whatever today is: an approved agreement's first
    due date may well be in the past now."""
    return _clean(terms, None, total, complete=False)[1]


def breakdown_of(
    principal: Decimal, interest: Decimal, default_interest: Decimal, fees: Decimal,
    discount: Decimal,
) -> Breakdown:  # fmt: skip
    """What is recognised as owed, by component, the discount granted and what is to pay."""
    total = principal + interest + default_interest + fees
    pct = ratio(discount, total) if total > 0 else Decimal("0.0000")
    return Breakdown(
        principal, interest, default_interest, fees, total, discount, pct, total - discount
    )


def policy_terms(plan: AgreementPlan, currency: str) -> AgreementTerms:
    """What the approval policy weighs (core.approval): the discount, as a fraction of the
    total recognised and as an amount, the term and the total recognised."""
    return AgreementTerms(
        discount_pct=min(ratio(plan.discount, plan.total), Decimal(1)),
        amount_forgiven=plan.discount,
        currency=currency,
        term_months=plan.term_months,
        exposure=plan.total,
    )


def terms_from_scenario(
    kind: str, scenario_terms: Mapping[str, str], total: Decimal, today: date
) -> tuple[dict[str, str], str]:
    """(the agreement's terms, a note) for a settlement scenario (services/scenario_terms) on
    a total recognised of ``total``: what it does not pay of the total is the discount. A lump
    sum or a payment in kind is one instalment on its date; a payment in kind counts at its
    appraised value, and the note says which asset it is. A down payment whose date would be
    past is paid at signing, ``today``. ValidationError (naming the scenario's fields) when
    its terms are no longer valid as of ``today``."""
    scenario = clean_terms(kind, scenario_terms, today, total)[1]
    terms: dict[str, str] = {}
    note = ""

    def discount(agreed: Decimal) -> str:
        return _text(max(total - agreed, Decimal("0.00")))

    if isinstance(scenario, LumpSum | PaymentInKind):
        if isinstance(scenario, LumpSum):
            agreed, on = scenario.amount, scenario.pay_on
        else:
            agreed, on = scenario.appraised_value, scenario.transfer_on
            note = (
                f"Dación en pago: {scenario.asset_description}, "
                f"valor de avalúo {scenario.appraised_value:,.2f}"
            )
        terms.update(
            discount_amount=discount(agreed), installments="1", first_due=on.isoformat(),
            annual_rate="0",
        )  # fmt: skip
    elif isinstance(scenario, InstallmentPlan):
        financed = scenario.financed if scenario.financed is not None else total
        paid_on = scenario.down_payment_date
        if scenario.down_payment > 0 and paid_on is None:
            # One period before the first instalment, unless that is past: then at signing.
            implied = add_periods(scenario.first_due, -1, scenario.frequency)
            paid_on = today if implied < today else None
        terms.update(
            discount_amount=discount(financed),
            down_payment=_text(scenario.down_payment),
            down_payment_date=paid_on.isoformat() if paid_on else "",
            installments=str(scenario.installments),
            frequency=scenario.frequency,
            annual_rate=_text(scenario.annual_rate),
            first_due=scenario.first_due.isoformat(),
            grace_periods=str(scenario.grace_periods),
            balloon=_text(scenario.balloon),
            method=scenario.method,
        )
    elif isinstance(scenario, Restructuring):
        terms.update(
            installments=str(scenario.new_term_installments),
            annual_rate=_text(scenario.annual_rate),
            first_due=scenario.first_due.isoformat(),
            frequency=scenario.frequency,
            method=scenario.method,
        )
    return terms, note
