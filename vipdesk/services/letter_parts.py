"""Pieces every letter is made of, read from the database in the caller's transaction: the
letterhead as the renderer takes it, identity documents worded with their type, the debtor's
address, the debt by component, an agreement's terms and schedule, where the debt comes from,
the agreement in force and what the case still owes (a finiquito only when nothing is)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from vipdesk.core.agreements import IN_FORCE
from vipdesk.core.catalog import ContactKind, Segment
from vipdesk.core.errors import QT_TRANSLATE_NOOP, ValidationError
from vipdesk.core.money import Money, format_money
from vipdesk.documents.snapshot import (
    AmountBreakdown,
    Letterhead,
    PaymentTerms,
    ScheduleLine,
)
from vipdesk.documents.wording import long_date
from vipdesk.services.agreement_dto import Breakdown
from vipdesk.services.agreement_terms import (
    AgreementPlan,
)
from vipdesk.services.document_dto import LetterheadInfo
from vipdesk.storage.models import (
    Agreement,
    Case,
    Debtor,
    Obligation,
)

STILL_OWED = QT_TRANSLATE_NOOP("errors", "Case {case} still has a balance of {amount}")
_ID_TYPES = {("GT", True): "NIT", ("GT", False): "DPI", ("MX", True): "RFC", ("MX", False): "CURP"}


def letterhead_of(info: LetterheadInfo) -> Letterhead:
    f = info.fields
    return Letterhead(
        trade_name=f["trade_name"], legal_name=f["legal_name"], tax_id=f["tax_id"],
        address=f["address"], city=f["city"], phone=f["phone"], email=f["email"],
        website=f["website"], complaints=f["complaints"], country=f["country"] or "GT",
        logo=info.logo,
    )  # fmt: skip


def identity(country: str, company: bool, number: str) -> str:
    """An identity document as letters print it: "NIT 1234567-9", "DPI 2456 78901 0101"."""
    number = number.strip()
    if not number:
        return ""
    kind = _ID_TYPES.get((country, company), "")
    if kind == "DPI" and re.fullmatch(r"[0-9]{13}", number):
        number = f"{number[:4]} {number[4:9]} {number[9:]}"
    return f"{kind} {number}".strip()


def document_text(raw: str, country: str) -> str:
    """A document as a signatory typed it, with its type when it has none: 13 digits are a
    DPI, a CURP has 18 characters, an RFC 12 or 13, a NIT ends in a hyphen and its check."""
    text = " ".join(raw.split())
    if not text or re.match(r"[A-Za-zÁÉÍÓÚÑáéíóúñ.]+ ", text):
        return text  # empty, or already "DPI …", "Pasaporte …"
    bare = text.replace(" ", "")
    if re.fullmatch(r"[0-9]{13}", bare):
        return identity("GT", False, bare)
    if re.fullmatch(r"[0-9]+-[0-9Kk]", bare):
        return f"NIT {bare.upper()}"
    if re.fullmatch(r"[A-Z]{4}[0-9]{6}[A-Z0-9]{8}", bare.upper()):
        return f"CURP {bare.upper()}"
    if re.fullmatch(r"[A-Z&Ñ]{3,4}[0-9]{6}[A-Z0-9]{3}", bare.upper()):
        return f"RFC {bare.upper()}"
    return text


def debtor_identity(debtor: Debtor) -> str:
    company = debtor.segment == Segment.COMPANY
    if company or not debtor.id_document:
        return identity(debtor.country, True, debtor.tax_id)
    return identity(debtor.country, False, debtor.id_document)


def debtor_address(debtor: Debtor) -> str:
    addresses = [c for c in debtor.contacts if c.kind == ContactKind.ADDRESS]
    addresses.sort(key=lambda c: (not c.preferred, c.label))
    return " ".join(addresses[0].value.split()) if addresses else ""


def amount_breakdown(b: Breakdown) -> AmountBreakdown:
    return AmountBreakdown(
        principal=b.principal, interest=b.interest, default_interest=b.default_interest,
        fees=b.fees, total=b.total, discount=b.discount, discount_pct=b.discount_pct,
        to_pay=b.to_pay,
    )  # fmt: skip


def schedule_lines(rows: Any) -> tuple[ScheduleLine, ...]:
    return tuple(
        ScheduleLine(r.number, r.due_date, r.payment, r.principal, r.interest, r.balance)
        for r in rows
    )


def payment_terms(plan: AgreementPlan, offer_until: date | None = None) -> PaymentTerms:
    return PaymentTerms(
        down_payment=plan.down_payment if plan.down_payment > 0 else None,
        down_payment_date=plan.down_payment_date if plan.down_payment > 0 else None,
        installments=plan.installments, frequency=plan.frequency, annual_rate=plan.annual_rate,
        first_due=plan.first_due, grace_days=plan.grace_days, late_rate=plan.late_rate,
        acceleration_days=plan.acceleration_days, full_settlement=plan.settlement == "full",
        offer_valid_until=offer_until or plan.offer_valid_until,
    )  # fmt: skip


def main_obligation(session: Session, case: Case, currency: str) -> Obligation | None:
    obligations = session.scalars(
        select(Obligation).where(Obligation.case_id == case.id).order_by(Obligation.account_number)
    ).all()
    mine = [o for o in obligations if o.currency == currency] or list(obligations)
    return max(mine, key=lambda o: o.total, default=None)


def origin(obligation: Obligation | None) -> str:
    """Where the debt comes from, as the letters word it; the templates add the credit's
    number after it ("…, crédito No. GT-CH-10000155-8")."""
    if obligation is None:
        return ""
    product = obligation.product.strip().lower()
    since = long_date(obligation.opened_on)
    if obligation.contract_number.strip():
        contract = obligation.contract_number.strip()
        return f"el contrato de {product} No. {contract} de fecha {since}"
    return f"el crédito de {product} otorgado el {since}"


def business_days_after(day: date, count: int) -> date:
    while count:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def agreement_in_force(session: Session, case: Case) -> Agreement | None:
    """The latest version approved, active or completed: what a convenio is made from."""
    query = (
        select(Agreement)
        .where(Agreement.case_id == case.id, Agreement.status.in_([s.value for s in IN_FORCE]))
        .order_by(Agreement.decided_at.desc(), Agreement.version.desc())
    )
    return session.scalars(query).first()


def balance_owed(session: Session, case: Case) -> tuple[Decimal, str]:
    """What the case still owes, in the currency it owes most in (0 when nothing is owed)."""
    totals: dict[str, Decimal] = {}
    for obligation in session.scalars(select(Obligation).where(Obligation.case_id == case.id)):
        totals[obligation.currency] = totals.get(obligation.currency, Decimal(0)) + obligation.total
    owed = {c: t for c, t in totals.items() if t > 0}
    if not owed:
        return Decimal("0.00"), case.currency
    currency = max(owed, key=lambda c: owed[c])
    return owed[currency], currency


def check_settled(session: Session, case: Case) -> None:
    """A finiquito is issued only when nothing is owed."""
    owed, currency = balance_owed(session, case)
    if owed > 0:
        raise ValidationError.single(
            "kind", STILL_OWED, case=case.number, amount=format_money(Money(owed, currency))
        )
