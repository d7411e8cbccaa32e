"""What each kind of letter needs (LETTERS.md) and what must add up before it is printed.

A letter that lacks a required field is refused with a message naming the field, before
anything is drawn: a blank where the creditor's bank account should be is worse than no letter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal

from vipdesk.core.errors import QT_TRANSLATE_NOOP, Problem
from vipdesk.core.money import SUPPORTED_CURRENCIES
from vipdesk.core.schedule import FREQUENCIES
from vipdesk.documents import kinds
from vipdesk.documents.checks import value_problems
from vipdesk.documents.fields import item_key, spec
from vipdesk.documents.labels import PARTY_TERMS
from vipdesk.documents.snapshot import LetterData, Letterhead
from vipdesk.documents.wording import figures, percent

COUNTRIES = ("GT", "MX")
PARTY_ROLES = tuple(role for role in PARTY_TERMS if role != "debtor")

UNKNOWN_KIND = QT_TRANSLATE_NOOP("errors", "Unknown kind of letter {kind}; use one of {choices}")
UNKNOWN_CURRENCY = QT_TRANSLATE_NOOP(
    "errors", "Unsupported currency {currency}; use one of {choices}"
)
UNKNOWN_COUNTRY = QT_TRANSLATE_NOOP("errors", "Unknown country {country}; use one of {choices}")
UNKNOWN_ROLE = QT_TRANSLATE_NOOP("errors", "Unknown party role {role}; use one of {choices}")
UNKNOWN_FREQUENCY = QT_TRANSLATE_NOOP(
    "errors", "Unknown payment frequency {frequency}; use one of {choices}"
)
BREAKDOWN_TOTAL = QT_TRANSLATE_NOOP(
    "errors", "The total owed ({total}) is not the sum of its parts ({expected})"
)
TO_PAY = QT_TRANSLATE_NOOP(
    "errors", "The amount to pay ({to_pay}) is not the total owed less the discount ({expected})"
)
DISCOUNT_PCT = QT_TRANSLATE_NOOP(
    "errors", "The discount percentage ({pct}) does not match the discount ({expected})"
)
ROW_SUM = QT_TRANSLATE_NOOP(
    "errors", "Row {number} of the schedule: the payment is not principal plus interest"
)
SCHEDULE_PRINCIPAL = QT_TRANSLATE_NOOP(
    "errors", "The schedule repays {scheduled}, but the amount to pay is {to_pay}"
)
SCHEDULE_BALANCE = QT_TRANSLATE_NOOP("errors", "The schedule does not end with a zero balance")
SCHEDULE_ORDER = QT_TRANSLATE_NOOP(
    "errors", "The schedule's rows are not in order of number and date (row {number})"
)
SCHEDULE_COUNT = QT_TRANSLATE_NOOP(
    "errors", "The schedule has {rows} instalments but the terms say {installments}"
)
DOWN_PAYMENT = QT_TRANSLATE_NOOP(
    "errors", "The schedule's down payment ({scheduled}) differs from the terms' ({agreed})"
)
NOT_SETTLED = QT_TRANSLATE_NOOP(
    "errors", "A settlement letter can only be issued when nothing is owed: {amount} is still owed"
)
OFFER_EXPIRED = QT_TRANSLATE_NOOP(
    "errors", "The offer must be valid at least until the date of issue"
)
DEADLINE_PAST = QT_TRANSLATE_NOOP("errors", "The deadline must be after the date of issue")
PAID_LATER = QT_TRANSLATE_NOOP(
    "errors", "The date the debt was paid in full cannot be after the date of issue"
)
BALANCE_LATER = QT_TRANSLATE_NOOP(
    "errors", "The date of the balance cannot be after the date of issue"
)

_COMMON = ("number", "case_number", "place", "debtor.name")
_LETTERHEAD = ("trade_name", "legal_name", "tax_id", "address", "phone", "email")
_TO_DEBTOR = ("executive_name", "executive_phone", "executive_email")
_PAYMENT = ("credit_number", "bank_name", "bank_account")
_OWED = ("balance_as_of", "breakdown")
_BY_KIND: dict[str, tuple[str, ...]] = {
    kinds.PROPUESTA: (*_PAYMENT, *_OWED, "terms.first_due", "terms.offer_valid_until"),
    kinds.CONVENIO: (
        *_PAYMENT,
        *_OWED,
        "terms.first_due",
        "terms.late_rate",
        "terms.acceleration_days",
        "obligation_origin",
        "jurisdiction",
        "debtor.id_document",
        "debtor.address",
        "schedule",
    ),
    kinds.REQUERIMIENTO: (*_PAYMENT, *_OWED, "obligation_origin", "deadline", "debtor.address"),
    kinds.RECORDATORIO: (*_PAYMENT, "reminder_amount", "reminder_due"),
    kinds.FINIQUITO: ("credit_number", "obligation_origin", "paid_in_full_on"),
    kinds.EXPEDIENTE: ("executive_name", "obligations", "recommendation"),
}


def required_problems(data: LetterData, letterhead: Letterhead) -> list[Problem]:
    """Every reason ``data`` cannot make a correct letter of its kind: required fields that
    are missing, codes that are unknown, text the letter cannot print (or too long for its
    place), amounts that do not add up, a finiquito for a debt not yet paid. Empty when the
    letter can be printed."""
    if data.kind not in kinds.KINDS:
        choices = ", ".join(kinds.KINDS)
        return [Problem("kind", UNKNOWN_KIND, {"kind": data.kind, "choices": choices})]
    problems = _code_problems(data, letterhead)
    if problems:  # amounts cannot even be worded in an unknown currency
        return problems
    problems = value_problems(data, letterhead)
    if not problems:  # sums of amounts that are themselves refused would only add noise
        problems = _consistency(data)
    problems = _missing(data, letterhead) + problems
    seen: set[str] = set()
    unique = []
    for problem in problems:  # one message per field: the first is the one to fix
        if problem.field not in seen:
            seen.add(problem.field)
            unique.append(problem)
    return unique


def _code_problems(data: LetterData, letterhead: Letterhead) -> list[Problem]:
    problems = []
    if data.currency not in SUPPORTED_CURRENCIES:
        choices = ", ".join(sorted(SUPPORTED_CURRENCIES))
        params = {"currency": data.currency, "choices": choices}
        problems.append(Problem("currency", UNKNOWN_CURRENCY, params))
    if letterhead.country not in COUNTRIES:
        params = {"country": letterhead.country, "choices": ", ".join(COUNTRIES)}
        problems.append(Problem("letterhead.country", UNKNOWN_COUNTRY, params))
    for i, party in enumerate(data.parties):
        if party.role not in PARTY_ROLES:
            params = {"role": party.role, "choices": ", ".join(PARTY_ROLES)}
            problems.append(Problem(f"parties[{i}].role", UNKNOWN_ROLE, params))
    frequency = data.terms.frequency
    if frequency and frequency not in FREQUENCIES:
        params = {"frequency": frequency, "choices": ", ".join(FREQUENCIES)}
        problems.append(Problem("terms.frequency", UNKNOWN_FREQUENCY, params))
    return problems


def _value_at(data: LetterData, path: str) -> object:
    value: object = data
    for part in path.split("."):
        value = getattr(value, part)
    return value


def _is_empty(value: object) -> bool:
    return value is None or value == () or (isinstance(value, str) and not value.strip())


def _need(path: str, value: object, **params: object) -> list[Problem]:
    if _is_empty(value):
        return [Problem(path, spec(item_key(path)).required, params)]
    return []


def _missing(data: LetterData, letterhead: Letterhead) -> list[Problem]:
    problems: list[Problem] = []
    for name in _LETTERHEAD:
        problems += _need(f"letterhead.{name}", getattr(letterhead, name))
    paths = list(_COMMON) + list(_BY_KIND[data.kind])
    if data.kind in kinds.TO_DEBTOR:
        paths += _TO_DEBTOR
        problems += _need("letterhead.complaints", letterhead.complaints)
    if data.kind in (kinds.PROPUESTA, kinds.CONVENIO) and (data.terms.installments or 0) > 0:
        paths += ["terms.frequency", "terms.annual_rate", "schedule"]
    for path in dict.fromkeys(paths):
        problems += _need(path, _value_at(data, path))
    for i, party in enumerate(data.parties):
        problems += _need(f"parties[{i}].name", party.name)
        if data.kind == kinds.CONVENIO:
            problems += _need(f"parties[{i}].id_document", party.id_document, name=party.name)
    if data.kind == kinds.CONVENIO and not any(p.role == "creditor" for p in data.parties):
        problems += _need("creditor_signatory", None)
    return problems


def _consistency(data: LetterData) -> list[Problem]:
    problems = _breakdown_problems(data) + _schedule_problems(data) + _date_problems(data)
    if data.kind == kinds.FINIQUITO:
        owed = [("breakdown.to_pay", data.breakdown.to_pay)] if data.breakdown else []
        owed += [(f"obligations[{i}].balance", o.balance) for i, o in enumerate(data.obligations)]
        for path, amount in owed:
            if amount > 0:
                params = {"amount": figures(amount, data.currency)}
                problems.append(Problem(path, NOT_SETTLED, params))
    return problems


def _breakdown_problems(data: LetterData) -> list[Problem]:
    b = data.breakdown
    if b is None:
        return []
    money = _money(data.currency)
    problems = []
    expected = b.principal + b.interest + b.default_interest + b.fees
    if b.total != expected:
        params = {"total": money(b.total), "expected": money(expected)}
        problems.append(Problem("breakdown.total", BREAKDOWN_TOTAL, params))
    if b.to_pay != b.total - b.discount:
        params = {"to_pay": money(b.to_pay), "expected": money(b.total - b.discount)}
        problems.append(Problem("breakdown.to_pay", TO_PAY, params))
    # Compared as printed: the letter shows the percentage with two decimals.
    share = b.discount / b.total if b.total > 0 else Decimal(0)
    if percent(b.discount_pct) != percent(share):
        params = {"pct": percent(b.discount_pct), "expected": percent(share)}
        problems.append(Problem("breakdown.discount_pct", DISCOUNT_PCT, params))
    return problems


def _schedule_problems(data: LetterData) -> list[Problem]:
    rows = data.schedule
    if not rows:
        return []
    money = _money(data.currency)
    problems = []
    for i, row in enumerate(rows):
        if row.payment != row.principal + row.interest:
            problems.append(Problem(f"schedule[{i}].payment", ROW_SUM, {"number": row.number}))
        if i and (row.number <= rows[i - 1].number or row.due_date < rows[i - 1].due_date):
            problems.append(
                Problem(f"schedule[{i}].number", SCHEDULE_ORDER, {"number": row.number})
            )
    if rows[-1].balance != 0:
        problems.append(Problem("schedule", SCHEDULE_BALANCE))
    repaid = sum((row.principal for row in rows), Decimal("0.00"))
    if data.breakdown is not None and repaid != data.breakdown.to_pay:
        params = {"scheduled": money(repaid), "to_pay": money(data.breakdown.to_pay)}
        problems.append(Problem("schedule", SCHEDULE_PRINCIPAL, params))
    instalments = sum(1 for row in rows if row.number > 0)
    agreed = data.terms.installments
    if agreed and instalments != agreed:
        counts = {"rows": instalments, "installments": agreed}
        problems.append(Problem("terms.installments", SCHEDULE_COUNT, counts))
    down = data.terms.down_payment or Decimal("0.00")
    scheduled_down = sum((row.payment for row in rows if row.number == 0), Decimal("0.00"))
    if down != scheduled_down:
        params = {"scheduled": money(scheduled_down), "agreed": money(down)}
        problems.append(Problem("terms.down_payment", DOWN_PAYMENT, params))
    return problems


def _date_problems(data: LetterData) -> list[Problem]:
    issued = data.issued_on
    checks: Iterable[tuple[str, bool, str]] = (
        (
            "terms.offer_valid_until",
            data.terms.offer_valid_until is not None and data.terms.offer_valid_until < issued,
            OFFER_EXPIRED,
        ),
        ("deadline", data.deadline is not None and data.deadline <= issued, DEADLINE_PAST),
        (
            "paid_in_full_on",
            data.paid_in_full_on is not None and data.paid_in_full_on > issued,
            PAID_LATER,
        ),
        (
            "balance_as_of",
            data.balance_as_of is not None and data.balance_as_of > issued,
            BALANCE_LATER,
        ),
    )
    return [Problem(path, message) for path, wrong, message in checks if wrong]


def _money(currency: str) -> Callable[[Decimal], str]:
    def money(amount: Decimal) -> str:
        return figures(amount, currency)

    return money
