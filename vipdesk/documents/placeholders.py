"""The ``{placeholders}`` and ``[[if conditions]]`` a letter template may use, and their values.

A placeholder's value is plain text (the renderer escapes it); ``None`` or "" means the data
lacks it, and the letter is refused naming ``field``, the data's field that would supply it.
Amounts always come with their words, dates written out: what the body of a letter needs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from types import MappingProxyType

from vipdesk.documents.labels import FREQUENCIES
from vipdesk.documents.snapshot import LetterData, Letterhead
from vipdesk.documents.wording import (
    CURRENCY_NAMES,
    count,
    counted,
    date_words,
    long_date,
    money,
    one_line,
    percent,
)

Getter = Callable[[LetterData, Letterhead], str | None]

TAX_ID_LABELS = {"GT": "NIT", "MX": "RFC"}


@dataclass(frozen=True)
class Placeholder:
    field: str  # what to name when the value is missing
    value: Getter


def _text(get: Callable[[LetterData, Letterhead], str]) -> Getter:
    return lambda d, h: get(d, h).strip() or None


def _amount(get: Callable[[LetterData], Decimal | None]) -> Getter:
    def value(data: LetterData, _head: Letterhead) -> str | None:
        amount = get(data)
        return None if amount is None else money(amount, data.currency)

    return value


def _date(get: Callable[[LetterData], date | None], words: bool = False) -> Getter:
    def value(data: LetterData, _head: Letterhead) -> str | None:
        day = get(data)
        if day is None:
            return None
        return date_words(day) if words else long_date(day)

    return value


def _breakdown(name: str) -> Getter:
    return _amount(lambda d: None if d.breakdown is None else getattr(d.breakdown, name))


def _first_instalment(data: LetterData) -> Decimal | None:
    return next((row.payment for row in data.schedule if row.number > 0), None)


def _count(get: Callable[[LetterData], int | None], feminine: bool = False) -> Getter:
    def value(data: LetterData, _head: Letterhead) -> str | None:
        number = get(data)
        return None if number is None else count(number, feminine=feminine)

    return value


def _days(get: Callable[[LetterData], int | None], singular: str, plural: str) -> Getter:
    def value(data: LetterData, _head: Letterhead) -> str | None:
        number = get(data)
        return None if number is None else counted(number, singular, plural)

    return value


def _rate(get: Callable[[LetterData], Decimal | None]) -> Getter:
    def value(data: LetterData, _head: Letterhead) -> str | None:
        rate = get(data)
        return None if rate is None else percent(rate)

    return value


def _frequency(data: LetterData, _head: Letterhead) -> str | None:
    names = FREQUENCIES.get(data.terms.frequency)
    return None if names is None else names[1]


def _company_address(_data: LetterData, head: Letterhead) -> str | None:
    parts = [head.address.strip(), head.city.strip()]
    return ", ".join(p for p in parts if p) or None


def _company_tax_id(_data: LetterData, head: Letterhead) -> str | None:
    number = head.tax_id.strip()
    return f"{TAX_ID_LABELS.get(head.country, '')} {number}".strip() if number else None


def creditor(data: LetterData, head: Letterhead) -> str:
    """Whom the debt is owed to: the creditor named in the data, else the company itself."""
    return data.creditor_name.strip() or head.legal_name.strip()


def _guarantors(data: LetterData, _head: Letterhead) -> str | None:
    names = [p.name.strip() for p in data.parties if p.role == "guarantor" and p.name.strip()]
    if not names:
        return None
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} y {names[-1]}"


P = Placeholder
PLACEHOLDERS: Mapping[str, Placeholder] = MappingProxyType(
    {
        "company": P("letterhead.trade_name", _text(lambda d, h: h.trade_name)),
        "company_legal_name": P("letterhead.legal_name", _text(lambda d, h: h.legal_name)),
        "company_tax_id": P("letterhead.tax_id", _company_tax_id),
        "company_address": P("letterhead.address", _company_address),
        "company_phone": P("letterhead.phone", _text(lambda d, h: h.phone)),
        "company_email": P("letterhead.email", _text(lambda d, h: h.email)),
        "company_website": P("letterhead.website", _text(lambda d, h: h.website)),
        "complaints": P("letterhead.complaints", _text(lambda d, h: h.complaints)),
        "creditor": P("creditor_name", _text(creditor)),
        "case_number": P("case_number", _text(lambda d, h: d.case_number)),
        "document_number": P("number", _text(lambda d, h: d.number)),
        "place": P("place", _text(lambda d, h: d.place)),
        "issued_on": P("issued_on", _date(lambda d: d.issued_on)),
        "issued_on_words": P("issued_on", _date(lambda d: d.issued_on, words=True)),
        "debtor_name": P("debtor.name", _text(lambda d, h: d.debtor.name)),
        "debtor_id_document": P("debtor.id_document", _text(lambda d, h: d.debtor.id_document)),
        "debtor_address": P("debtor.address", _text(lambda d, h: one_line(d.debtor.address))),
        "executive_name": P("executive_name", _text(lambda d, h: d.executive_name)),
        "executive_phone": P("executive_phone", _text(lambda d, h: d.executive_phone)),
        "executive_email": P("executive_email", _text(lambda d, h: d.executive_email)),
        "bank_name": P("bank_name", _text(lambda d, h: d.bank_name)),
        "bank_account": P("bank_account", _text(lambda d, h: d.bank_account)),
        "credit_number": P("credit_number", _text(lambda d, h: d.credit_number)),
        "obligation_origin": P("obligation_origin", _text(lambda d, h: d.obligation_origin)),
        "currency_name": P("currency", lambda d, h: CURRENCY_NAMES.get(d.currency)),
        "balance_as_of": P("balance_as_of", _date(lambda d: d.balance_as_of)),
        "principal": P("breakdown", _breakdown("principal")),
        "interest": P("breakdown", _breakdown("interest")),
        "default_interest": P("breakdown", _breakdown("default_interest")),
        "fees": P("breakdown", _breakdown("fees")),
        "total": P("breakdown", _breakdown("total")),
        "discount": P("breakdown", _breakdown("discount")),
        "to_pay": P("breakdown", _breakdown("to_pay")),
        "discount_pct": P(
            "breakdown", _rate(lambda d: None if d.breakdown is None else d.breakdown.discount_pct)
        ),
        "down_payment": P("terms.down_payment", _amount(lambda d: d.terms.down_payment)),
        "down_payment_date": P(
            "terms.down_payment_date", _date(lambda d: d.terms.down_payment_date)
        ),
        "installments": P(
            "terms.installments", _count(lambda d: d.terms.installments, feminine=True)
        ),
        "installment_amount": P("schedule", _amount(_first_instalment)),
        "frequency": P("terms.frequency", _frequency),
        "annual_rate": P("terms.annual_rate", _rate(lambda d: d.terms.annual_rate)),
        "first_due": P("terms.first_due", _date(lambda d: d.terms.first_due)),
        "last_due": P("schedule", _date(lambda d: d.schedule[-1].due_date if d.schedule else None)),
        "grace_days": P("terms.grace_days", _count(lambda d: d.terms.grace_days)),
        # With their noun, agreeing in number: "cinco (5) días", "un (1) día".
        "grace_period": P("terms.grace_days", _days(lambda d: d.terms.grace_days, "día", "días")),
        "late_rate": P("terms.late_rate", _rate(lambda d: d.terms.late_rate)),
        "acceleration_days": P(
            "terms.acceleration_days", _count(lambda d: d.terms.acceleration_days)
        ),
        "acceleration_period": P(
            "terms.acceleration_days",
            _days(lambda d: d.terms.acceleration_days, "día natural", "días naturales"),
        ),
        "offer_valid_until": P(
            "terms.offer_valid_until", _date(lambda d: d.terms.offer_valid_until)
        ),
        "deadline": P("deadline", _date(lambda d: d.deadline)),
        "reminder_amount": P("reminder_amount", _amount(lambda d: d.reminder_amount)),
        "reminder_due": P("reminder_due", _date(lambda d: d.reminder_due)),
        "reminder_for": P("reminder_for", _text(lambda d, h: d.reminder_for)),
        "paid_in_full_on": P("paid_in_full_on", _date(lambda d: d.paid_in_full_on)),
        "jurisdiction": P("jurisdiction", _text(lambda d, h: d.jurisdiction)),
        "agreement_number": P("agreement_number", _text(lambda d, h: d.agreement_number)),
        "exposure": P("exposure", _amount(lambda d: d.exposure)),
        "guarantor_names": P("parties", _guarantors),
    }
)


def _positive(value: Decimal | int | None) -> bool:
    return value is not None and value > 0


CONDITIONS: Mapping[str, Callable[[LetterData, Letterhead], bool]] = MappingProxyType(
    {
        "discount": lambda d, h: d.breakdown is not None and d.breakdown.discount > 0,
        "full_settlement": lambda d, h: d.terms.full_settlement,
        "installments": lambda d, h: _positive(d.terms.installments),
        "down_payment": lambda d, h: _positive(d.terms.down_payment),
        "grace": lambda d, h: _positive(d.terms.grace_days),
        "guarantors": lambda d, h: any(p.role == "guarantor" for p in d.parties),
        "overdue": lambda d, h: d.reminder_due is not None and d.reminder_due < d.issued_on,
        "reminder_for": lambda d, h: bool(d.reminder_for.strip()),
        # The company collects for another creditor (rather than its own portfolio).
        "agent": lambda d, h: (
            bool(d.creditor_name.strip()) and d.creditor_name.strip() != h.legal_name.strip()
        ),
        "agreement": lambda d, h: bool(d.agreement_number.strip()),
        "notes": lambda d, h: bool(d.notes.strip()),
        "schedule": lambda d, h: bool(d.schedule),
        "obligations": lambda d, h: bool(d.obligations),
    }
)
