"""Everything a letter can show, as plain frozen values: the data a document is made from.

The service fills a :class:`LetterData` from the database (each kind fills what it needs; the
rest keeps its empty default) and stores :func:`letter_to_mapping` of it with the PDF, so the
document can always be explained, or made again, from exactly what it printed.

Conventions: amounts are ``Decimal`` in the letter's currency; rates and shares are fractions
(``Decimal("0.12")`` is 12 %); dates are ``date``, moments timezone-aware ``datetime`` in the
time zone the letter should show. Codes (party roles, channels, statuses, frequencies) are the
domain's codes; the letter words them in Spanish (documents/labels.py). An identity document is
written with its type, as it should print: "DPI 2456 78901 0101", "NIT 1234567-9",
"INE 1234567890123".
"""

from __future__ import annotations

import base64
import dataclasses
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Any, Union

MAPPING_FORMAT = 1


@dataclass(frozen=True)
class Letterhead:
    """The company that sends the letter (the collector), as its letterhead shows it."""

    trade_name: str
    legal_name: str
    tax_id: str  # the number alone; the label (NIT / RFC) follows ``country``
    address: str
    city: str
    phone: str
    email: str
    website: str = ""
    # Where a debtor may complain, with its contact: "CONDUSEF, 55 5340 0999, www.condusef.gob.mx".
    complaints: str = ""
    country: str = "GT"  # "GT" or "MX"
    logo: bytes | None = None  # PNG or JPEG


@dataclass(frozen=True)
class PartyData:
    role: str  # "debtor", "creditor", "guarantor", "co_debtor", "legal_representative"
    name: str
    id_document: str = ""
    capacity: str = ""  # "Representante legal de Exportadora del Sur, S.A.", "Apoderado"
    address: str = ""


@dataclass(frozen=True)
class AmountBreakdown:
    """What is owed, by component, and what is to be paid. The notes say how each component
    was computed ("Tasa anual de 18.00 % sobre saldos insolutos del 01/03/2026 al ..."); an
    empty note prints a general description."""

    principal: Decimal
    interest: Decimal
    default_interest: Decimal
    fees: Decimal
    total: Decimal  # principal + interest + default interest + fees
    discount: Decimal = Decimal("0.00")  # forgiven ("quita")
    discount_pct: Decimal = Decimal("0")  # discount / total, a fraction
    to_pay: Decimal = Decimal("0.00")  # total - discount
    principal_note: str = ""
    interest_note: str = ""
    default_interest_note: str = ""
    fees_note: str = ""


@dataclass(frozen=True)
class PaymentTerms:
    """The terms offered or agreed. ``installments`` 0 (or None) is a single payment of the
    amount to pay on ``first_due``."""

    down_payment: Decimal | None = None
    down_payment_date: date | None = None
    installments: int | None = None
    frequency: str = ""  # core.schedule.FREQUENCIES
    annual_rate: Decimal | None = None  # on the instalments, a fraction
    first_due: date | None = None
    grace_days: int | None = None  # days after a due date before a payment is late
    late_rate: Decimal | None = None  # annual, on late instalments, a fraction
    acceleration_days: int | None = None  # days late before the whole balance falls due
    full_settlement: bool = True  # paying as agreed settles the debt (finiquito); else partial
    offer_valid_until: date | None = None


@dataclass(frozen=True)
class ScheduleLine:
    number: int  # 0: the down payment
    due_date: date
    payment: Decimal
    principal: Decimal
    interest: Decimal
    balance: Decimal


@dataclass(frozen=True)
class ObligationLine:
    credit_number: str
    product: str
    contract: str = ""
    opened_on: date | None = None
    principal: Decimal = Decimal("0.00")
    interest: Decimal = Decimal("0.00")
    default_interest: Decimal = Decimal("0.00")
    fees: Decimal = Decimal("0.00")
    balance: Decimal = Decimal("0.00")
    days_past_due: int = 0
    collateral: str = ""


@dataclass(frozen=True)
class ContactLine:
    occurred_at: datetime
    channel: str
    direction: str
    outcome: str
    contact_name: str = ""
    notes: str = ""
    author: str = ""


@dataclass(frozen=True)
class PromiseLine:
    promised_on: date
    due_date: date
    amount: Decimal
    status: str
    paid: Decimal = Decimal("0.00")
    notes: str = ""


@dataclass(frozen=True)
class ApprovalLine:
    occurred_at: datetime
    action: str  # core.agreements.AgreementAction
    user_name: str
    comment: str = ""
    required_level: str = ""


@dataclass(frozen=True)
class SentDocumentLine:
    kind: str
    number: str
    generated_at: datetime
    sha256: str


@dataclass(frozen=True)
class SummaryLine:
    """One figure of the financial analysis, worded by the service: ("Razón corriente", "0.84")."""

    label: str
    value: str


@dataclass(frozen=True)
class TextSection:
    """One section of the negotiation strategy: its title and the text."""

    title: str
    text: str


@dataclass(frozen=True)
class LetterData:
    kind: str  # documents.kinds.KINDS
    number: str  # the document's reference
    case_number: str
    place: str  # "Ciudad de Guatemala"
    issued_on: date
    currency: str
    debtor: PartyData
    parties: tuple[PartyData, ...] = ()  # creditor's signatory, guarantors, representatives
    executive_name: str = ""
    executive_phone: str = ""
    executive_email: str = ""
    creditor_name: str = ""  # "" when the company collects its own portfolio
    bank_name: str = ""  # the creditor's own account, where payments go
    bank_account: str = ""
    credit_number: str = ""
    obligation_origin: str = ""  # "el contrato de préstamo No. 2019-0448 de fecha ..."
    balance_as_of: date | None = None
    breakdown: AmountBreakdown | None = None
    terms: PaymentTerms = field(default_factory=PaymentTerms)
    schedule: tuple[ScheduleLine, ...] = ()
    agreement_number: str = ""
    agreement_status: str = ""
    deadline: date | None = None  # requerimiento: pay or call by then
    reminder_amount: Decimal | None = None
    reminder_due: date | None = None
    reminder_for: str = ""  # "la cuota No. 3 del convenio CNV-2026-0012"
    paid_in_full_on: date | None = None
    jurisdiction: str = ""  # "los tribunales del ramo civil del departamento de Guatemala"
    notes: str = ""  # an additional paragraph the executive wrote
    # The dossier (expediente)
    case_status: str = ""
    exposure: Decimal | None = None
    days_past_due: int | None = None
    obligations: tuple[ObligationLine, ...] = ()
    contacts: tuple[ContactLine, ...] = ()
    promises: tuple[PromiseLine, ...] = ()
    financial_summary: tuple[SummaryLine, ...] = ()
    strategy: tuple[TextSection, ...] = ()
    approvals: tuple[ApprovalLine, ...] = ()
    documents_sent: tuple[SentDocumentLine, ...] = ()
    recommendation: str = ""


# --- the JSON-safe mapping ---------------------------------------------------------------------


def letter_to_mapping(data: LetterData) -> dict[str, Any]:
    """``data`` as JSON-safe values: Decimals and dates as strings, tuples as lists."""
    mapping = _dump(data)
    assert isinstance(mapping, dict)
    mapping["format"] = MAPPING_FORMAT
    return mapping


def letter_from_mapping(mapping: Mapping[str, Any]) -> LetterData:
    """The :class:`LetterData` that :func:`letter_to_mapping` wrote; ``ValueError`` naming the
    path of the first value that does not fit (a stored snapshot is never user input)."""
    if mapping.get("format") != MAPPING_FORMAT:
        raise ValueError(f"unknown letter data format: {mapping.get('format')!r}")
    rest = {k: v for k, v in mapping.items() if k != "format"}
    data = _load(LetterData, rest, "data")
    assert isinstance(data, LetterData)
    return data


def letterhead_to_mapping(head: Letterhead) -> dict[str, Any]:
    """``head`` as JSON-safe values, the logo in base64: with the letter's data, all that is
    needed to render a stored document again, byte for byte."""
    mapping = _dump(head)
    assert isinstance(mapping, dict)
    return mapping


def letterhead_from_mapping(mapping: Mapping[str, Any]) -> Letterhead:
    head = _load(Letterhead, mapping, "letterhead")
    assert isinstance(head, Letterhead)
    return head


def _dump(value: object) -> object:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _dump(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple):
        return [_dump(item) for item in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, date):  # datetimes too: isoformat keeps the offset
        return value.isoformat()
    if value is None or isinstance(value, str | int | bool):
        return value
    raise TypeError(f"cannot store {type(value).__name__} in letter data")


@cache
def _hints(cls: Any) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _load(kind: Any, raw: object, path: str) -> Any:
    origin = typing.get_origin(kind)
    if origin in (Union, types.UnionType):
        options = [k for k in typing.get_args(kind) if k is not type(None)]
        return None if raw is None else _load(options[0], raw, path)
    if origin is tuple:
        item_kind = typing.get_args(kind)[0]
        if not isinstance(raw, list):
            raise ValueError(f"{path}: expected a list")
        return tuple(_load(item_kind, item, f"{path}[{i}]") for i, item in enumerate(raw))
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _load_record(kind, raw, path)
    return _load_scalar(kind, raw, path)


def _load_record(cls: Any, raw: object, path: str) -> object:
    if not isinstance(raw, Mapping):
        raise ValueError(f"{path}: expected a mapping")
    hints = _hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    unknown = set(raw) - names
    if unknown:
        raise ValueError(f"{path}: unknown fields {sorted(unknown)}")
    values = {name: _load(hints[name], value, f"{path}.{name}") for name, value in raw.items()}
    try:
        return cls(**values)
    except TypeError as exc:  # a required field is missing
        raise ValueError(f"{path}: {exc}") from None


def _load_scalar(kind: Any, raw: object, path: str) -> object:
    try:
        if kind is Decimal and isinstance(raw, str):
            number = Decimal(raw)
            if number.is_finite():
                return number
        elif kind is datetime and isinstance(raw, str):
            moment = datetime.fromisoformat(raw)
            if moment.tzinfo is not None:
                return moment
        elif kind is date and isinstance(raw, str):
            return date.fromisoformat(raw)
        elif kind is bytes and isinstance(raw, str):
            return base64.b64decode(raw, validate=True)
        elif (kind is int and isinstance(raw, int) and not isinstance(raw, bool)) or (
            kind in (str, bool) and isinstance(raw, kind)
        ):
            return raw
    except (ValueError, ArithmeticError):  # decimal's InvalidOperation, binascii.Error
        pass
    raise ValueError(f"{path}: {raw!r} is not a valid {getattr(kind, '__name__', kind)}")
