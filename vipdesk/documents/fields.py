"""The text fields a letter prints: their names in messages, the message when one is missing,
and how long each may be.

A field's key is its path in :class:`~vipdesk.documents.snapshot.LetterData` (or
``letterhead.…``); items of a list share one key ("parties.name" for every ``parties[i].name``)
while a :class:`~vipdesk.core.errors.Problem` names the exact item ("parties[2].name").

Labels are marked for translation like every message (context "errors"); a message that names
a field passes the English label as its ``label`` parameter, which the GUI translates in the
same context before filling it in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from vipdesk.core.errors import QT_TRANSLATE_NOOP

# Free text (notes, comments, strategy) may run over pages, within reason.
LONG_TEXT = 20_000


@dataclass(frozen=True)
class FieldSpec:
    label: str
    required: str  # the message when it is required and missing ("" if it never is)
    max_length: int
    multiline: bool = False


def _line(label: str, required: str, max_length: int) -> FieldSpec:
    return FieldSpec(label, required, max_length)


def _text(label: str, required: str = "") -> FieldSpec:
    return FieldSpec(label, required, LONG_TEXT, multiline=True)


FIELDS: Mapping[str, FieldSpec] = MappingProxyType(
    {
        "letterhead.trade_name": _line(
            QT_TRANSLATE_NOOP("errors", "The company's trade name"),
            QT_TRANSLATE_NOOP("errors", "The company's trade name is required"),
            60,
        ),
        "letterhead.legal_name": _line(
            QT_TRANSLATE_NOOP("errors", "The company's legal name"),
            QT_TRANSLATE_NOOP("errors", "The company's legal name is required"),
            120,
        ),
        "letterhead.tax_id": _line(
            QT_TRANSLATE_NOOP("errors", "The company's tax id"),
            QT_TRANSLATE_NOOP("errors", "The company's tax id is required"),
            30,
        ),
        "letterhead.address": _line(
            QT_TRANSLATE_NOOP("errors", "The company's address"),
            QT_TRANSLATE_NOOP("errors", "The company's address is required"),
            160,
        ),
        "letterhead.city": _line(QT_TRANSLATE_NOOP("errors", "The company's city"), "", 60),
        "letterhead.phone": _line(
            QT_TRANSLATE_NOOP("errors", "The company's phone"),
            QT_TRANSLATE_NOOP("errors", "The company's phone is required"),
            40,
        ),
        "letterhead.email": _line(
            QT_TRANSLATE_NOOP("errors", "The company's email"),
            QT_TRANSLATE_NOOP("errors", "The company's email is required"),
            100,
        ),
        "letterhead.website": _line(QT_TRANSLATE_NOOP("errors", "The company's website"), "", 100),
        "letterhead.complaints": _line(
            QT_TRANSLATE_NOOP("errors", "Where debtors may complain"),
            QT_TRANSLATE_NOOP("errors", "Where debtors may complain is required"),
            600,
        ),
        "number": _line(
            QT_TRANSLATE_NOOP("errors", "The document number"),
            QT_TRANSLATE_NOOP("errors", "The document number is required"),
            40,
        ),
        "case_number": _line(
            QT_TRANSLATE_NOOP("errors", "The case number"),
            QT_TRANSLATE_NOOP("errors", "The case number is required"),
            40,
        ),
        "place": _line(
            QT_TRANSLATE_NOOP("errors", "The place of issue"),
            QT_TRANSLATE_NOOP("errors", "The place of issue is required"),
            80,
        ),
        "debtor.name": _line(
            QT_TRANSLATE_NOOP("errors", "The debtor's name"),
            QT_TRANSLATE_NOOP("errors", "The debtor's name is required"),
            300,
        ),
        "debtor.id_document": _line(
            QT_TRANSLATE_NOOP("errors", "The debtor's identity document"),
            QT_TRANSLATE_NOOP("errors", "The debtor's identity document is required"),
            60,
        ),
        "debtor.capacity": _line(QT_TRANSLATE_NOOP("errors", "The debtor's capacity"), "", 200),
        "debtor.address": FieldSpec(
            QT_TRANSLATE_NOOP("errors", "The debtor's address"),
            QT_TRANSLATE_NOOP("errors", "The debtor's address is required"),
            400,
            multiline=True,  # an address as stored may keep its line breaks
        ),
        "parties.name": _line(
            QT_TRANSLATE_NOOP("errors", "A party's name"),
            QT_TRANSLATE_NOOP("errors", "Every party's name is required"),
            300,
        ),
        "parties.id_document": _line(
            QT_TRANSLATE_NOOP("errors", "A party's identity document"),
            QT_TRANSLATE_NOOP("errors", "The identity document of {name} is required"),
            60,
        ),
        "parties.capacity": _line(QT_TRANSLATE_NOOP("errors", "A party's capacity"), "", 200),
        "parties.address": FieldSpec(
            QT_TRANSLATE_NOOP("errors", "A party's address"), "", 400, multiline=True
        ),
        "executive_name": _line(
            QT_TRANSLATE_NOOP("errors", "The executive's name"),
            QT_TRANSLATE_NOOP("errors", "The executive's name is required"),
            200,
        ),
        "executive_phone": _line(
            QT_TRANSLATE_NOOP("errors", "The executive's phone"),
            QT_TRANSLATE_NOOP("errors", "The executive's phone is required"),
            40,
        ),
        "executive_email": _line(
            QT_TRANSLATE_NOOP("errors", "The executive's email"),
            QT_TRANSLATE_NOOP("errors", "The executive's email is required"),
            254,
        ),
        "creditor_name": _line(QT_TRANSLATE_NOOP("errors", "The creditor's name"), "", 200),
        "bank_name": _line(
            QT_TRANSLATE_NOOP("errors", "The creditor's bank"),
            QT_TRANSLATE_NOOP("errors", "The creditor's bank is required"),
            120,
        ),
        "bank_account": _line(
            QT_TRANSLATE_NOOP("errors", "The creditor's bank account"),
            QT_TRANSLATE_NOOP("errors", "The creditor's bank account is required"),
            60,
        ),
        "credit_number": _line(
            QT_TRANSLATE_NOOP("errors", "The credit number"),
            QT_TRANSLATE_NOOP("errors", "The credit number is required"),
            60,
        ),
        "obligation_origin": _line(
            QT_TRANSLATE_NOOP("errors", "The origin of the obligation"),
            QT_TRANSLATE_NOOP("errors", "The origin of the obligation is required"),
            400,
        ),
        "agreement_number": _line(
            QT_TRANSLATE_NOOP("errors", "The agreement number"),
            QT_TRANSLATE_NOOP("errors", "The agreement number is required"),
            40,
        ),
        "agreement_status": _line(QT_TRANSLATE_NOOP("errors", "The agreement's status"), "", 40),
        "reminder_for": _line(QT_TRANSLATE_NOOP("errors", "What the reminder is for"), "", 300),
        "jurisdiction": _line(
            QT_TRANSLATE_NOOP("errors", "The jurisdiction"),
            QT_TRANSLATE_NOOP("errors", "The jurisdiction is required"),
            300,
        ),
        "notes": _text(QT_TRANSLATE_NOOP("errors", "The notes")),
        "case_status": _line(QT_TRANSLATE_NOOP("errors", "The case status"), "", 40),
        "recommendation": _text(
            QT_TRANSLATE_NOOP("errors", "The recommendation"),
            QT_TRANSLATE_NOOP("errors", "The recommendation is required"),
        ),
        "breakdown.principal_note": _line(
            QT_TRANSLATE_NOOP("errors", "How the principal was computed"), "", 600
        ),
        "breakdown.interest_note": _line(
            QT_TRANSLATE_NOOP("errors", "How the interest was computed"), "", 600
        ),
        "breakdown.default_interest_note": _line(
            QT_TRANSLATE_NOOP("errors", "How the default interest was computed"), "", 600
        ),
        "breakdown.fees_note": _line(
            QT_TRANSLATE_NOOP("errors", "How the charges were computed"), "", 600
        ),
        "obligations.credit_number": _line(
            QT_TRANSLATE_NOOP("errors", "An obligation's credit number"), "", 60
        ),
        "obligations.product": _line(
            QT_TRANSLATE_NOOP("errors", "An obligation's product"), "", 120
        ),
        "obligations.contract": _line(
            QT_TRANSLATE_NOOP("errors", "An obligation's contract"), "", 400
        ),
        "obligations.collateral": _text(QT_TRANSLATE_NOOP("errors", "An obligation's collateral")),
        "contacts.channel": _line(QT_TRANSLATE_NOOP("errors", "A contact's channel"), "", 40),
        "contacts.direction": _line(QT_TRANSLATE_NOOP("errors", "A contact's direction"), "", 20),
        "contacts.outcome": _line(QT_TRANSLATE_NOOP("errors", "A contact's outcome"), "", 60),
        "contacts.contact_name": _line(
            QT_TRANSLATE_NOOP("errors", "The person reached in a contact"), "", 300
        ),
        "contacts.notes": _text(QT_TRANSLATE_NOOP("errors", "A contact's notes")),
        "contacts.author": _line(QT_TRANSLATE_NOOP("errors", "A contact's author"), "", 120),
        "promises.status": _line(QT_TRANSLATE_NOOP("errors", "A promise's status"), "", 40),
        "promises.notes": _text(QT_TRANSLATE_NOOP("errors", "A promise's notes")),
        "financial_summary.label": _line(
            QT_TRANSLATE_NOOP("errors", "A financial figure's name"), "", 200
        ),
        "financial_summary.value": _line(
            QT_TRANSLATE_NOOP("errors", "A financial figure's value"), "", 300
        ),
        "strategy.title": _line(QT_TRANSLATE_NOOP("errors", "A strategy section's title"), "", 200),
        "strategy.text": _text(QT_TRANSLATE_NOOP("errors", "A strategy section's text")),
        "approvals.action": _line(QT_TRANSLATE_NOOP("errors", "An approval step's action"), "", 40),
        "approvals.user_name": _line(
            QT_TRANSLATE_NOOP("errors", "The person who took an approval step"), "", 120
        ),
        "approvals.comment": _text(QT_TRANSLATE_NOOP("errors", "An approval step's comment")),
        "approvals.required_level": _line(
            QT_TRANSLATE_NOOP("errors", "An approval step's required level"), "", 40
        ),
        "documents_sent.kind": _line(QT_TRANSLATE_NOOP("errors", "A sent document's kind"), "", 40),
        "documents_sent.number": _line(
            QT_TRANSLATE_NOOP("errors", "A sent document's number"), "", 40
        ),
        "documents_sent.sha256": _line(
            QT_TRANSLATE_NOOP("errors", "A sent document's SHA-256"), "", 64
        ),
    }
)


def _value(label: str, required: str = "") -> FieldSpec:
    return FieldSpec(label, required, 0)


# Amounts, counts and dates: only the label and the "required" message apply.
VALUE_FIELDS: Mapping[str, FieldSpec] = MappingProxyType(
    {
        "issued_on": _value(QT_TRANSLATE_NOOP("errors", "The date of issue")),
        "balance_as_of": _value(
            QT_TRANSLATE_NOOP("errors", "The date of the balance"),
            QT_TRANSLATE_NOOP("errors", "The date of the balance is required"),
        ),
        "breakdown": _value(
            QT_TRANSLATE_NOOP("errors", "The breakdown of the amount owed"),
            QT_TRANSLATE_NOOP("errors", "The breakdown of the amount owed is required"),
        ),
        "breakdown.principal": _value(QT_TRANSLATE_NOOP("errors", "The principal")),
        "breakdown.interest": _value(QT_TRANSLATE_NOOP("errors", "The ordinary interest")),
        "breakdown.default_interest": _value(QT_TRANSLATE_NOOP("errors", "The default interest")),
        "breakdown.fees": _value(QT_TRANSLATE_NOOP("errors", "The other charges")),
        "breakdown.total": _value(QT_TRANSLATE_NOOP("errors", "The total owed")),
        "breakdown.discount": _value(QT_TRANSLATE_NOOP("errors", "The discount")),
        "breakdown.discount_pct": _value(QT_TRANSLATE_NOOP("errors", "The discount percentage")),
        "breakdown.to_pay": _value(QT_TRANSLATE_NOOP("errors", "The amount to pay")),
        "terms.down_payment": _value(QT_TRANSLATE_NOOP("errors", "The down payment")),
        "terms.down_payment_date": _value(
            QT_TRANSLATE_NOOP("errors", "The date of the down payment")
        ),
        "terms.installments": _value(QT_TRANSLATE_NOOP("errors", "The number of instalments")),
        "terms.annual_rate": _value(
            QT_TRANSLATE_NOOP("errors", "The interest rate"),
            QT_TRANSLATE_NOOP("errors", "The interest rate of the instalments is required"),
        ),
        "terms.first_due": _value(
            QT_TRANSLATE_NOOP("errors", "The first due date"),
            QT_TRANSLATE_NOOP("errors", "The first due date is required"),
        ),
        "terms.grace_days": _value(QT_TRANSLATE_NOOP("errors", "The days of grace")),
        "terms.late_rate": _value(
            QT_TRANSLATE_NOOP("errors", "The rate on late instalments"),
            QT_TRANSLATE_NOOP("errors", "The rate on late instalments is required"),
        ),
        "terms.acceleration_days": _value(
            QT_TRANSLATE_NOOP("errors", "The days late before the whole balance falls due"),
            QT_TRANSLATE_NOOP(
                "errors", "The days late before the whole balance falls due are required"
            ),
        ),
        "terms.offer_valid_until": _value(
            QT_TRANSLATE_NOOP("errors", "The date the offer is valid until"),
            QT_TRANSLATE_NOOP("errors", "The date the offer is valid until is required"),
        ),
        "terms.frequency": _value(
            QT_TRANSLATE_NOOP("errors", "The payment frequency"),
            QT_TRANSLATE_NOOP("errors", "The payment frequency is required"),
        ),
        "schedule": _value(
            QT_TRANSLATE_NOOP("errors", "The payment schedule"),
            QT_TRANSLATE_NOOP("errors", "The payment schedule is required"),
        ),
        "schedule.number": _value(QT_TRANSLATE_NOOP("errors", "A schedule row's number")),
        "schedule.due_date": _value(QT_TRANSLATE_NOOP("errors", "A schedule row's date")),
        "schedule.payment": _value(QT_TRANSLATE_NOOP("errors", "A schedule row's payment")),
        "schedule.principal": _value(QT_TRANSLATE_NOOP("errors", "A schedule row's principal")),
        "schedule.interest": _value(QT_TRANSLATE_NOOP("errors", "A schedule row's interest")),
        "schedule.balance": _value(QT_TRANSLATE_NOOP("errors", "A schedule row's balance")),
        "deadline": _value(
            QT_TRANSLATE_NOOP("errors", "The deadline"),
            QT_TRANSLATE_NOOP("errors", "The deadline to pay or to call is required"),
        ),
        "reminder_amount": _value(
            QT_TRANSLATE_NOOP("errors", "The amount due"),
            QT_TRANSLATE_NOOP("errors", "The amount due is required"),
        ),
        "reminder_due": _value(
            QT_TRANSLATE_NOOP("errors", "The due date"),
            QT_TRANSLATE_NOOP("errors", "The due date is required"),
        ),
        "paid_in_full_on": _value(
            QT_TRANSLATE_NOOP("errors", "The date the debt was paid in full"),
            QT_TRANSLATE_NOOP("errors", "The date the debt was paid in full is required"),
        ),
        "exposure": _value(QT_TRANSLATE_NOOP("errors", "The exposure")),
        "days_past_due": _value(QT_TRANSLATE_NOOP("errors", "The days past due")),
        "obligations": _value(
            QT_TRANSLATE_NOOP("errors", "The obligations"),
            QT_TRANSLATE_NOOP("errors", "At least one obligation is required"),
        ),
        "obligations.opened_on": _value(QT_TRANSLATE_NOOP("errors", "An obligation's date")),
        "obligations.principal": _value(QT_TRANSLATE_NOOP("errors", "An obligation's principal")),
        "obligations.interest": _value(QT_TRANSLATE_NOOP("errors", "An obligation's interest")),
        "obligations.default_interest": _value(
            QT_TRANSLATE_NOOP("errors", "An obligation's default interest")
        ),
        "obligations.fees": _value(QT_TRANSLATE_NOOP("errors", "An obligation's charges")),
        "obligations.balance": _value(QT_TRANSLATE_NOOP("errors", "An obligation's balance")),
        "obligations.days_past_due": _value(
            QT_TRANSLATE_NOOP("errors", "An obligation's days past due")
        ),
        "contacts.occurred_at": _value(QT_TRANSLATE_NOOP("errors", "A contact's date")),
        "promises.promised_on": _value(QT_TRANSLATE_NOOP("errors", "A promise's date")),
        "promises.due_date": _value(QT_TRANSLATE_NOOP("errors", "A promise's due date")),
        "promises.amount": _value(QT_TRANSLATE_NOOP("errors", "A promise's amount")),
        "promises.paid": _value(QT_TRANSLATE_NOOP("errors", "A promise's amount paid")),
        "approvals.occurred_at": _value(QT_TRANSLATE_NOOP("errors", "An approval step's date")),
        "documents_sent.generated_at": _value(
            QT_TRANSLATE_NOOP("errors", "A sent document's date")
        ),
        "creditor_signatory": _value(
            QT_TRANSLATE_NOOP("errors", "The creditor's signatory"),
            QT_TRANSLATE_NOOP("errors", "The person who signs for the creditor is required"),
        ),
    }
)


def spec(key: str) -> FieldSpec:
    """The field ``key`` ("debtor.name", "parties.name", "breakdown.total"...)."""
    found = FIELDS.get(key) or VALUE_FIELDS.get(key)
    if found is None:
        raise KeyError(f"no such letter field: {key}")
    return found


def item_key(path: str) -> str:
    """The key shared by the items of a list: "parties[2].name" -> "parties.name"."""
    parts = []
    for part in path.split("."):
        parts.append(part.split("[", 1)[0])
    return ".".join(parts)
