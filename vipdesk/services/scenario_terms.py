"""The terms of a settlement scenario as a form has them (text by field) and the core scenario
they describe (core.valuation).

Text conventions: amounts as core.money.parse_amount reads them ("1,250.00"); rates, shares and
haircuts as fractions ("0.12" is 12 %); dates ISO (yyyy-mm-dd), from today up to
``MAX_YEARS_AHEAD`` years ahead; counts as whole numbers; frequency and method as the codes of
core.schedule (FREQUENCIES, METHODS). A field left "" takes its default where it has one
(``DEFAULTS``; the amount financed defaults to the whole exposure, the down payment's date to
one period before the first instalment).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from vipdesk.core.errors import QT_TRANSLATE_NOOP, Problem, ValidationError
from vipdesk.core.money import parse_amount
from vipdesk.core.schedule import FREQUENCIES, MAX_INSTALLMENTS, METHODS
from vipdesk.core.text import clean_text
from vipdesk.core.validation import check_date_in_range, check_int_range
from vipdesk.core.valuation import (
    InstallmentPlan,
    LumpSum,
    PaymentInKind,
    Restructuring,
    Scenario,
    ScenarioKind,
)

MAX_YEARS_AHEAD = 5
MAX_DESCRIPTION = 300
FRACTION_PLACES = 6

# The fields of each kind's terms, in the order a form shows them.
TERM_FIELDS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        ScenarioKind.LUMP_SUM.value: ("amount", "pay_on"),
        ScenarioKind.INSTALLMENT_PLAN.value: (
            "financed",
            "down_payment",
            "down_payment_date",
            "installments",
            "frequency",
            "annual_rate",
            "first_due",
            "grace_periods",
            "balloon",
            "method",
        ),
        ScenarioKind.RESTRUCTURING.value: (
            "new_term_installments",
            "annual_rate",
            "first_due",
            "frequency",
            "method",
        ),
        ScenarioKind.PAYMENT_IN_KIND.value: (
            "asset_description",
            "appraised_value",
            "forced_sale_haircut",
            "transfer_costs",
            "transfer_on",
        ),
    }
)
KINDS: tuple[str, ...] = tuple(TERM_FIELDS)
# What "" means in the optional fields ("" in financed and down_payment_date: see above).
DEFAULTS: Mapping[str, str] = MappingProxyType(
    {
        "down_payment": "0.00",
        "grace_periods": "0",
        "balloon": "0.00",
        "frequency": "monthly",
        "method": "french",
        "transfer_costs": "0.00",
    }
)
OPTIONAL = frozenset({*DEFAULTS, "financed", "down_payment_date"})

AMOUNT_FIELDS = frozenset(
    {"amount", "financed", "down_payment", "balloon", "appraised_value", "transfer_costs"}
)
_POSITIVE = {"amount", "financed", "appraised_value"}
_DATES = {"pay_on", "first_due", "down_payment_date", "transfer_on"}
_COUNTS = {
    "installments": (1, MAX_INSTALLMENTS),
    "new_term_installments": (1, MAX_INSTALLMENTS),
    "grace_periods": (0, MAX_INSTALLMENTS - 1),
}
_CHOICES = {"frequency": FREQUENCIES, "method": METHODS}
RATE = QT_TRANSLATE_NOOP("errors", "Enter a fraction between 0 and 1, such as 0.20")
SHARE = QT_TRANSLATE_NOOP("errors", "Enter a share from 0 up to (not including) 1")
_NUMBER = re.compile(r"-?(?:[0-9]+\.?[0-9]*|\.[0-9]+)", re.ASCII)
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


def parse_fraction(text: object, field: str, template: str, *, one_allowed: bool) -> Decimal:
    """A fraction typed as text ("0.40"), in [0, 1] (or [0, 1) when 1 is not allowed), with at
    most FRACTION_PLACES decimals; ValidationError for ``field`` with ``template`` otherwise."""
    typed = text.strip() if isinstance(text, str) else ""
    if not _NUMBER.fullmatch(typed):
        raise ValidationError.single(field, template)
    value = Decimal(typed)
    if not (0 <= value <= 1 if one_allowed else 0 <= value < 1):
        raise ValidationError.single(field, template)
    exponent = value.normalize().as_tuple().exponent
    if isinstance(exponent, int) and exponent < -FRACTION_PLACES:
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP("errors", "Use at most {places} decimals"),
            places=FRACTION_PLACES,
        )
    return value


def _date(text: str, field: str, as_of: date) -> date:
    try:
        if not _ISO_DATE.fullmatch(text):
            raise ValueError(text)
        value = date.fromisoformat(text)
    except ValueError:
        raise ValidationError.single(
            field, QT_TRANSLATE_NOOP("errors", "Enter a date as yyyy-mm-dd")
        ) from None
    latest = as_of + timedelta(days=366 * MAX_YEARS_AHEAD)
    return check_date_in_range(value, field, earliest=as_of, latest=latest)


def _count(text: str, field: str) -> int:
    if not re.fullmatch(r"[0-9]{1,6}", text, re.ASCII):
        raise ValidationError.single(field, QT_TRANSLATE_NOOP("errors", "Enter a whole number"))
    minimum, maximum = _COUNTS[field]
    return check_int_range(int(text), field, minimum=minimum, maximum=maximum)


def _value(field: str, text: str, as_of: date, exposure: Decimal) -> Any:
    if field in AMOUNT_FIELDS:
        amount = parse_amount(text, field, allow_zero=field not in _POSITIVE)
        if field in ("amount", "financed") and 0 < exposure < amount:
            raise ValidationError.single(
                field,
                QT_TRANSLATE_NOOP("errors", "The amount cannot exceed the balance owed, {maximum}"),
                maximum=f"{exposure:,.2f}",
            )
        return amount
    if field in _DATES:
        return _date(text, field, as_of)
    if field in _COUNTS:
        return _count(text, field)
    if field in _CHOICES:
        if text not in _CHOICES[field]:
            raise ValidationError.single(
                field, QT_TRANSLATE_NOOP("errors", "Choose a value from the list")
            )
        return text
    if field == "annual_rate":
        return parse_fraction(text, field, RATE, one_allowed=True)
    if field == "forced_sale_haircut":
        return parse_fraction(text, field, SHARE, one_allowed=False)
    return clean_text(text, field, max_length=MAX_DESCRIPTION)  # asset_description


def _text(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def clean_terms(
    kind: str, terms: Mapping[str, str], as_of: date, exposure: Decimal
) -> tuple[dict[str, str], Scenario]:
    """The terms as stored (every field of the kind, canonical text, "" for a default left
    out) and the core scenario; or one ValidationError naming every invalid field."""
    if kind not in TERM_FIELDS:
        raise ValidationError.single(
            "kind", QT_TRANSLATE_NOOP("errors", "Choose a value from the list")
        )
    if not isinstance(terms, Mapping):
        raise ValidationError.single("terms", QT_TRANSLATE_NOOP("errors", "Enter the terms"))
    fields = TERM_FIELDS[kind]
    problems = [
        Problem(
            str(key),
            QT_TRANSLATE_NOOP("errors", "This term does not apply to this kind of scenario"),
        )
        for key in terms
        if key not in fields
    ]
    clean: dict[str, str] = {}
    values: dict[str, Any] = {}
    for field in fields:
        raw = terms.get(field, "")
        text = raw.strip() if isinstance(raw, str) else raw
        try:
            if text == "" or text is None:
                if field not in OPTIONAL:
                    raise ValidationError.single(
                        field, QT_TRANSLATE_NOOP("errors", "This field is required")
                    )
                clean[field] = ""
                continue
            if not isinstance(text, str):
                raise ValidationError.single(
                    field, QT_TRANSLATE_NOOP("errors", "This value is not text")
                )
            values[field] = _value(field, text, as_of, exposure)
            clean[field] = _text(values[field])
        except ValidationError as error:
            problems.extend(error.problems)
    if not problems and kind == ScenarioKind.PAYMENT_IN_KIND:
        kept = values["appraised_value"] * (1 - values["forced_sale_haircut"])
        if kept <= values.get("transfer_costs", 0):
            problems.append(
                Problem(
                    "transfer_costs",
                    QT_TRANSLATE_NOOP(
                        "errors", "The transfer costs take all the asset would bring"
                    ),
                )
            )
    if problems:
        raise ValidationError(problems)
    return clean, _scenario(kind, values)


def _scenario(kind: str, v: dict[str, Any]) -> Scenario:
    def default(field: str) -> Any:
        return v.get(field, _parse_default(field))

    if kind == ScenarioKind.LUMP_SUM:
        return LumpSum(v["amount"], v["pay_on"])
    if kind == ScenarioKind.INSTALLMENT_PLAN:
        return InstallmentPlan(
            down_payment=default("down_payment"),
            installments=v["installments"],
            frequency=default("frequency"),
            annual_rate=v["annual_rate"],
            first_due=v["first_due"],
            grace_periods=default("grace_periods"),
            balloon=default("balloon"),
            method=default("method"),
            financed=v.get("financed"),
            down_payment_date=v.get("down_payment_date"),
        )
    if kind == ScenarioKind.RESTRUCTURING:
        return Restructuring(
            v["new_term_installments"],
            v["annual_rate"],
            v["first_due"],
            default("frequency"),
            default("method"),
        )
    return PaymentInKind(
        v["asset_description"],
        v["appraised_value"],
        v["forced_sale_haircut"],
        default("transfer_costs"),
        v["transfer_on"],
    )


def _parse_default(field: str) -> Any:
    text = DEFAULTS[field]
    if field in AMOUNT_FIELDS:
        return Decimal(text)
    if field in _COUNTS:
        return int(text)
    return text


def parse_terms(kind: str, terms: Mapping[str, str], as_of: date, exposure: Decimal) -> Scenario:
    """The core scenario the terms describe, valued on ``as_of`` against ``exposure``; one
    ValidationError naming every invalid term by its field otherwise."""
    return clean_terms(kind, terms, as_of, exposure)[1]
