"""A case's data as a letter of each kind prints it (documents.snapshot.LetterData), read from
the database in the caller's transaction.

Every letter carries the debtor, the case's debt in its main currency by component, the
executive who signs the contact details and the company's letterhead; each kind adds its own:

- propuesta: the terms of the agreement being drafted (a draft, pending or sent back version),
  else of the scenario chosen; refused when there is neither, or when their dates have passed.
- convenio: only from the agreement in force (approved, active or completed; the latest such
  version), with its parties, schedule and clauses; refused otherwise.
- requerimiento: the debt and a deadline of five business days.
- recordatorio: the next instalment of the agreement in force not yet covered by payments, or
  the next pending promise to pay, whichever falls due first; refused when there is none.
- finiquito: refused while anything is owed ("Case VIP-… still has a balance of Q …").
- expediente: services/letter_dossier.py.

Rule refusals name the field "kind" (the choice the user made); a field the letter needs and
the data lacks (no bank account for the currency, no phone for the executive) is refused by
documents.requirements naming that field. Nothing is written either way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from vipdesk.core.agreements import AgreementStatus
from vipdesk.core.errors import QT_TRANSLATE_NOOP, ValidationError
from vipdesk.documents import kinds
from vipdesk.documents.requirements import required_problems
from vipdesk.documents.snapshot import (
    LetterData,
    Letterhead,
    PartyData,
)
from vipdesk.documents.wording import long_date
from vipdesk.services.agreement_dto import Breakdown
from vipdesk.services.agreement_records import breakdown_from_stored, case_debt, jurisdiction_for
from vipdesk.services.agreement_terms import (
    AgreementPlan,
    breakdown_of,
    clean_agreement_terms,
    schedule_of,
    stored_plan,
    terms_from_scenario,
)
from vipdesk.services.document_dto import LetterheadInfo
from vipdesk.services.letter_dossier import dossier
from vipdesk.services.letter_parts import (
    agreement_in_force,
    amount_breakdown,
    business_days_after,
    check_settled,
    debtor_address,
    debtor_identity,
    document_text,
    letterhead_of,
    main_obligation,
    origin,
    payment_terms,
    schedule_lines,
)
from vipdesk.services.letterhead import letterhead_in
from vipdesk.storage.models import (
    Agreement,
    Case,
    Payment,
    Promise,
    SettlementScenario,
)

DEADLINE_BUSINESS_DAYS = 5  # requerimiento: to pay or to get in touch
OFFER_DAYS = 15  # propuesta: how long the offer stands unless the agreement says
OPEN_STATUSES = (
    AgreementStatus.DRAFT,
    AgreementStatus.PENDING,
    AgreementStatus.CHANGES_REQUESTED,
)
NO_AGREEMENT = QT_TRANSLATE_NOOP("errors", "The case has no approved agreement")
NO_TERMS = QT_TRANSLATE_NOOP(
    "errors", "Choose a settlement scenario or draft an agreement before writing a proposal"
)
STALE_TERMS = QT_TRANSLATE_NOOP(
    "errors", "The terms to propose can no longer be offered (a date has passed): update them"
)
NOTHING_TO_REMIND = QT_TRANSLATE_NOOP(
    "errors", "There is nothing to remind: no pending promise and no instalment falls due"
)


@dataclass(frozen=True)
class LetterSource:
    """What a letter is rendered from, and the agreement it comes from (if any)."""

    data: LetterData
    letterhead: Letterhead
    agreement_id: UUID | None = None
    agreement_number: str = ""
    agreement_version: int | None = None


# -- the kinds ----------------------------------------------------------------------------------


def _plan_of(row: Agreement) -> tuple[AgreementPlan, Breakdown]:
    total = breakdown_from_stored(row.breakdown or {}).total
    plan = stored_plan({str(k): str(v) for k, v in (row.terms or {}).items()}, total)
    return plan, breakdown_from_stored(row.breakdown or {}, plan.discount)


def _proposal(session: Session, case: Case, today: date, debt: Breakdown) -> dict[str, Any]:
    row = session.scalars(
        select(Agreement)
        .where(Agreement.case_id == case.id,
               Agreement.status.in_([s.value for s in OPEN_STATUSES]))
        .order_by(Agreement.updated_at.desc(), Agreement.version.desc())
    ).first()  # fmt: skip
    if row is not None:
        try:
            plan, breakdown = _plan_of(row)
        except ValidationError:
            raise ValidationError.single("kind", STALE_TERMS) from None
        as_of = min(row.created_at.astimezone().date(), today)
        source: dict[str, Any] = {"agreement_number": row.number, "agreement": row}
    else:
        scenario = session.scalars(
            select(SettlementScenario)
            .where(SettlementScenario.case_id == case.id, SettlementScenario.chosen)
        ).first()  # fmt: skip
        if scenario is None:
            raise ValidationError.single("kind", NO_TERMS)
        try:
            terms, _note = terms_from_scenario(scenario.kind, scenario.terms, debt.total, today)
            plan = clean_agreement_terms(terms, today, debt.total)[1]
        except ValidationError:
            raise ValidationError.single("kind", STALE_TERMS) from None
        breakdown = breakdown_of(debt.principal, debt.interest, debt.default_interest,
                                 debt.fees, plan.discount)  # fmt: skip
        as_of, source = today, {}
    if plan.first_due < today:
        raise ValidationError.single("kind", STALE_TERMS)
    until = plan.offer_valid_until
    if until is None or until < today:
        until = max(min(today + timedelta(days=OFFER_DAYS), plan.first_due), today)
    return {
        **source,
        "breakdown": amount_breakdown(breakdown),
        "balance_as_of": as_of,
        "terms": payment_terms(plan, until),
        "schedule": schedule_lines(schedule_of(plan)),
    }


def _agreement(session: Session, case: Case, today: date) -> dict[str, Any]:
    row = agreement_in_force(session, case)
    if row is None:
        raise ValidationError.single("kind", NO_AGREEMENT)
    plan, breakdown = _plan_of(row)
    decided = (row.decided_at or row.updated_at).astimezone().date()
    extra: dict[str, Any] = {
        "agreement": row,
        "agreement_number": row.number,
        "agreement_status": row.status,
        "breakdown": amount_breakdown(breakdown),
        "balance_as_of": min(decided, today),
        "terms": payment_terms(plan),
        "schedule": schedule_lines(schedule_of(plan)),
    }
    if plan.credit_number:
        extra["credit_number"] = plan.credit_number
    if plan.bank_account:
        extra["bank_account"] = plan.bank_account
    if plan.jurisdiction:
        extra["jurisdiction"] = plan.jurisdiction
    return extra


def _signatories(
    row: Agreement, debtor: PartyData, letterhead: LetterheadInfo, country: str
) -> dict[str, Any]:
    """The agreement's signatories as the letter's parties; the creditor signs through the
    company's signatory unless the agreement names one."""
    parties = []
    own = debtor
    for s in row.signatories or []:
        role, name = str(s.get("role", "")), str(s.get("name", ""))
        document = document_text(str(s.get("id_document", "")), country)
        party = PartyData(role, name, document, str(s.get("capacity", "")))
        if role == "debtor":
            own = PartyData("debtor", name or debtor.name, party.id_document or debtor.id_document,
                            party.capacity, debtor.address)  # fmt: skip
        else:
            parties.append(party)
    if not any(p.role == "creditor" for p in parties):
        f = letterhead.fields
        parties.insert(0, PartyData("creditor", f["signatory_name"], f["signatory_id_document"],
                                    f["signatory_capacity"]))  # fmt: skip
    return {"debtor": own, "parties": tuple(parties)}


def _reminder(session: Session, case: Case, today: date) -> dict[str, Any]:
    found: list[tuple[date, Decimal, str]] = []
    promise = session.scalars(
        select(Promise)
        .where(Promise.case_id == case.id, Promise.status == "pending")
        .order_by(Promise.due_date)
    ).first()
    if promise is not None and promise.amount > promise.applied_amount:
        found.append((promise.due_date, promise.amount - promise.applied_amount,
                      f"su promesa de pago del {long_date(promise.promised_on)}"))  # fmt: skip
    row = agreement_in_force(session, case)
    if row is not None and row.status != AgreementStatus.COMPLETED:
        plan, _breakdown = _plan_of(row)
        since = (row.decided_at or row.updated_at).astimezone().date()
        paid = session.scalar(
            select(func.coalesce(func.sum(Payment.amount), 0))
            .where(Payment.case_id == case.id, Payment.paid_on >= since)
        ) or Decimal(0)  # fmt: skip
        covered = Decimal(paid)
        for line in schedule_of(plan):
            if covered >= line.payment:
                covered -= line.payment
                continue
            what = "el enganche" if line.number == 0 else f"la cuota No. {line.number}"
            found.append((line.due_date, line.payment - covered,
                          f"{what} del convenio {row.number}"))  # fmt: skip
            break
    if not found:
        raise ValidationError.single("kind", NOTHING_TO_REMIND)
    due, amount, what = min(found, key=lambda f: f[0])
    return {"reminder_due": due, "reminder_amount": amount, "reminder_for": what}


def _settlement(session: Session, case: Case, today: date) -> dict[str, Any]:
    check_settled(session, case)
    last = session.scalar(select(func.max(Payment.paid_on)).where(Payment.case_id == case.id))
    return {"paid_in_full_on": min(last or today, today), "breakdown": None}


def _dossier_agreement(session: Session, case: Case) -> dict[str, Any]:
    """The agreement the expediente describes: the one in force, else the latest version."""
    row = agreement_in_force(session, case) or session.scalars(
        select(Agreement)
        .where(Agreement.case_id == case.id)
        .order_by(Agreement.updated_at.desc(), Agreement.version.desc())
    ).first()  # fmt: skip
    if row is None:
        return {}
    try:
        plan, breakdown = _plan_of(row)
    except ValidationError:  # terms a newer version reads differently: named, not detailed
        return {"agreement": row, "agreement_number": row.number, "agreement_status": row.status}
    return {
        "agreement": row, "agreement_number": row.number, "agreement_status": row.status,
        "breakdown": amount_breakdown(breakdown), "terms": payment_terms(plan),
    }  # fmt: skip


# -- putting it together ------------------------------------------------------------------------


def build_letter(session: Session, case: Case, kind: str, number: str, today: date) -> LetterSource:
    """The data of a ``kind`` letter numbered ``number`` for ``case``, issued ``today``;
    ValidationError (nothing written) when the rules refuse it or a field it needs is
    missing."""
    if kind not in kinds.KINDS:
        raise ValidationError.single(
            "kind", QT_TRANSLATE_NOOP("errors", "Choose a value from the list")
        )
    info = letterhead_in(session)
    letterhead = letterhead_of(info)
    debtor = case.debtor
    currency, debt, main_account = case_debt(session, case)
    account = info.bank_accounts.get(currency)
    party = PartyData("debtor", debtor.name, debtor_identity(debtor), "", debtor_address(debtor))
    executive = case.executive
    fields: dict[str, Any] = {
        "kind": kind, "number": number, "case_number": case.number, "place": letterhead.city,
        "issued_on": today, "currency": currency, "debtor": party,
        "executive_name": executive.full_name, "executive_phone": executive.phone,
        "executive_email": executive.email,
        "bank_name": account.bank if account else "",
        "bank_account": account.account if account else "",
        "credit_number": main_account,
        "obligation_origin": origin(main_obligation(session, case, currency)),
        "balance_as_of": today, "breakdown": amount_breakdown(debt),
        "jurisdiction": jurisdiction_for(debtor.country, currency),
    }  # fmt: skip
    if kind == kinds.PROPUESTA:
        fields.update(_proposal(session, case, today, debt))
    elif kind == kinds.CONVENIO:
        fields.update(_agreement(session, case, today))
        fields.update(_signatories(fields["agreement"], party, info, debtor.country))
    elif kind == kinds.REQUERIMIENTO:
        fields["deadline"] = business_days_after(today, DEADLINE_BUSINESS_DAYS)
    elif kind == kinds.RECORDATORIO:
        fields.update(_reminder(session, case, today))
    elif kind == kinds.FINIQUITO:
        fields.update(_settlement(session, case, today))
        fields.update(dossier(session, case, currency, today, obligations_only=True))
    else:
        fields.update(dossier(session, case, currency, today))
        fields.update(_dossier_agreement(session, case))
    row: Agreement | None = fields.pop("agreement", None)
    data = LetterData(**fields)
    problems = required_problems(data, letterhead)
    if problems:
        raise ValidationError(problems)
    return LetterSource(
        data, letterhead,
        agreement_id=row.id if row is not None else None,
        agreement_number=row.number if row is not None else "",
        agreement_version=row.version if row is not None else None,
    )  # fmt: skip
