"""Agreement rows for services/agreements.py and services/approvals.py: what a new agreement
starts from (the breakdown of the case's obligations, the signatories, the credit number and
the courts), the signatories as typed, and who may not decide on a version.

The breakdown counts the obligations in the case's main currency (services/finance_data.py):
the agreement settles the debt the analysis and the scenarios weigh. Stored amounts are
decimal strings (models.Agreement).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Protocol
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.orm import Session

from vipdesk.core.agreements import AgreementAction
from vipdesk.core.approval import (
    TOP_LEVEL,
    ApprovalCheck,
    ApproverLevel,
    approver_level_for,
    may_approve,
)
from vipdesk.core.catalog import Country, RelatedPartyRole, Role, Segment
from vipdesk.core.errors import QT_TRANSLATE_NOOP, NotFound, Problem, ValidationError
from vipdesk.core.text import clean_text
from vipdesk.services.agreement_dto import Breakdown, Signatory
from vipdesk.services.agreement_terms import (
    AgreementPlan,
    breakdown_of,
    clean_agreement_terms,
)
from vipdesk.services.finance_data import main_currency
from vipdesk.storage import batch
from vipdesk.storage.models import (
    Agreement,
    ApprovalEvent,
    AuditEvent,
    Case,
    Debtor,
    Obligation,
    User,
)

MAX_SIGNATORIES = 10
SIGNATORY_ROLES: tuple[str, ...] = (
    "debtor",
    "guarantor",
    "legal_representative",
    "co_debtor",
    "creditor",
)
MAX_SIGNATORY_NAME = 300
MAX_ID_DOCUMENT = 40
MAX_CAPACITY = 200
SAVED = "agreement.saved"
# What a related party signs as when their record says nothing more precise.
_CAPACITIES = {
    RelatedPartyRole.GUARANTOR.value: "Fiador",
    RelatedPartyRole.LEGAL_REPRESENTATIVE.value: "Representante legal",
    RelatedPartyRole.CO_DEBTOR.value: "Codeudor",
}


def agreement_of(
    session: Session, case: Case, agreement_id: UUID, *, lock: bool = False
) -> Agreement:
    """The case's agreement version ``agreement_id`` (locked for update when ``lock``: two
    approvers deciding at once are served one after the other); NotFound otherwise."""
    row = session.get(Agreement, agreement_id, with_for_update=lock or None)
    if row is None or row.case_id != case.id:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "This agreement of case {case} no longer exists."),
            case=case.number,
        )
    return row


# -- what a new agreement starts from -------------------------------------------------------


def case_debt(session: Session, case: Case) -> tuple[str, Breakdown, str]:
    """(main currency, what is owed in it by component, the main obligation's account
    number: the one owing the most)."""
    obligations = list(
        session.scalars(
            select(Obligation)
            .where(Obligation.case_id == case.id)
            .order_by(Obligation.account_number)
        )
    )
    currency, _total = main_currency(case.currency, obligations)
    mine = [o for o in obligations if o.currency == currency]
    zero = Decimal("0.00")

    def summed(column: str) -> Decimal:
        return sum((getattr(o, column) for o in mine), zero)

    breakdown = breakdown_of(
        summed("principal"), summed("ordinary_interest"), summed("default_interest"),
        summed("fees"), zero,
    )  # fmt: skip
    main = max(mine, key=lambda o: o.total, default=None)
    return currency, breakdown, main.account_number if main is not None else ""


def default_signatories(debtor: Debtor) -> tuple[Signatory, ...]:
    """The debtor (a person by their identity document, a company by its tax id), then each
    related party: guarantors and co-debtors always, a legal representative for a company."""
    own_id = debtor.tax_id if debtor.segment == Segment.COMPANY else debtor.id_document
    found = [Signatory("debtor", debtor.name, own_id or debtor.tax_id, "")]
    for party in sorted(debtor.related_parties, key=lambda p: (p.role, p.name)):
        if (
            party.role == RelatedPartyRole.LEGAL_REPRESENTATIVE
            and debtor.segment != Segment.COMPANY
        ):
            continue
        capacity = party.capacity.strip() or _CAPACITIES.get(party.role, "")
        if party.role == RelatedPartyRole.LEGAL_REPRESENTATIVE:
            capacity = f"{capacity} de {debtor.name}"
        document = party.id_document or party.tax_id
        found.append(Signatory(party.role, party.name, document, capacity[:MAX_CAPACITY]))
    return tuple(found[:MAX_SIGNATORIES])


JURISDICTIONS: Mapping[str, str] = MappingProxyType(
    {
        Country.GUATEMALA.value: "los tribunales de la Ciudad de Guatemala",
        Country.MEXICO.value: "los tribunales competentes de la Ciudad de México",
    }
)
_COUNTRY_OF_CURRENCY = {"GTQ": Country.GUATEMALA.value, "MXN": Country.MEXICO.value}


def jurisdiction_for(country: str, currency: str = "") -> str:
    """The courts an agreement submits to by default: the debtor's country's, else those of
    the currency's country; "" when neither is known."""
    known = country if country in JURISDICTIONS else _COUNTRY_OF_CURRENCY.get(currency, "")
    return JURISDICTIONS.get(known, "")


_COMPONENTS = ("principal", "interest", "default_interest", "fees")


def breakdown_to_stored(breakdown: Breakdown) -> dict[str, str]:
    """The stored form (models.Agreement.breakdown): decimal strings."""
    return {
        name: format(getattr(breakdown, name), "f")
        for name in (*_COMPONENTS, "total", "discount", "to_pay")
    }


def breakdown_from_stored(stored: Mapping[str, str], discount: Decimal | None = None) -> Breakdown:
    """The stored breakdown, with ``discount`` instead of the stored one if given."""

    def part(name: str) -> Decimal:
        return Decimal(str(stored.get(name, "0")))

    granted = part("discount") if discount is None else discount
    return breakdown_of(
        part("principal"), part("interest"), part("default_interest"), part("fees"), granted
    )


def with_discount(breakdown: Breakdown, discount: Decimal) -> Breakdown:
    return breakdown_of(
        breakdown.principal, breakdown.interest, breakdown.default_interest, breakdown.fees,
        discount,
    )  # fmt: skip


# -- signatories ----------------------------------------------------------------------------


def clean_signatories(signatories: object) -> tuple[Signatory, ...]:
    """The signatories as stored, or one ValidationError naming every invalid field
    ("signatories[2].id_document"): 1 to MAX_SIGNATORIES, the debtor among them, each with
    a known role, a name and an identity document."""
    if not isinstance(signatories, list | tuple) or not all(
        isinstance(s, Signatory) for s in signatories
    ):
        raise ValidationError.single(
            "signatories", QT_TRANSLATE_NOOP("errors", "List who signs the agreement")
        )
    problems: list[Problem] = []
    if not 1 <= len(signatories) <= MAX_SIGNATORIES:
        problems.append(
            Problem(
                "signatories",
                QT_TRANSLATE_NOOP("errors", "An agreement has from 1 to {maximum} signatories"),
                {"maximum": MAX_SIGNATORIES},
            )
        )
    elif not any(s.role == "debtor" for s in signatories):
        problems.append(
            Problem(
                "signatories", QT_TRANSLATE_NOOP("errors", "The debtor must sign the agreement")
            )
        )
    clean: list[Signatory] = []
    for index, signatory in enumerate(signatories):
        prefix = f"signatories[{index}]"
        values: dict[str, str] = {}
        for name, maximum, required in (
            ("name", MAX_SIGNATORY_NAME, True),
            ("id_document", MAX_ID_DOCUMENT, True),
            ("capacity", MAX_CAPACITY, False),
        ):
            try:
                values[name] = clean_text(
                    getattr(signatory, name),
                    f"{prefix}.{name}",
                    max_length=maximum,
                    required=required,
                )
            except ValidationError as error:
                problems.extend(error.problems)
        if signatory.role not in SIGNATORY_ROLES:
            problems.append(
                Problem(
                    f"{prefix}.role", QT_TRANSLATE_NOOP("errors", "Choose a value from the list")
                )
            )
        if len(values) == 3:
            clean.append(
                Signatory(signatory.role, values["name"], values["id_document"], values["capacity"])
            )
    if problems:
        raise ValidationError(problems)
    return tuple(clean)


def signatories_of(row: Agreement) -> tuple[Signatory, ...]:
    return tuple(
        Signatory(
            str(s.get("role", "")),
            str(s.get("name", "")),
            str(s.get("id_document", "")),
            str(s.get("capacity", "")),
        )
        for s in row.signatories or ()
    )


def stored_signatories(signatories: Sequence[Signatory]) -> list[dict[str, str]]:
    return [
        {"role": s.role, "name": s.name, "id_document": s.id_document, "capacity": s.capacity}
        for s in signatories
    ]


def signatories_text(signatories: Sequence[Signatory]) -> str:
    """One line per signatory, to compare two versions by eye."""
    lines = []
    for s in signatories:
        capacity = f" ({s.capacity})" if s.capacity else ""
        lines.append(f"{s.role}: {s.name}, {s.id_document}{capacity}")
    return "\n".join(lines)


# -- four eyes ------------------------------------------------------------------------------


def approver_level(user: User) -> ApproverLevel | None:
    """The level ``user`` approves at: their own setting, else their role's; never an
    executive (they write agreements) nor an inactive user."""
    role = Role(user.role)
    if not user.active or role is Role.EXECUTIVE:
        return None
    if user.approval_level:
        try:
            return ApproverLevel(user.approval_level)
        except ValueError:
            return None
    return approver_level_for(role)


class Version(Protocol):
    """What the four-eyes check reads of an agreement version (an ``Agreement`` row, or the
    same columns selected on their own)."""

    @property
    def id(self) -> UUID: ...
    @property
    def case_id(self) -> UUID: ...
    @property
    def author_id(self) -> UUID: ...
    @property
    def required_level(self) -> str | None: ...


# Up to this many versions, the trails are read through their agreement and case indexes; a
# whole queue reads the user's own submissions and saves once instead of probing each case.
_FEW = 20


def _touched_by(session: Session, user_id: UUID, versions: Sequence[Version]) -> set[UUID]:
    """The versions among ``versions`` that ``user_id`` submitted (the approval trail) or saved
    changes to (the audit trail, and the events of the replay batch not yet written to it)."""
    ids = {v.id for v in versions}
    # A save counts on the version it names, recorded on that version's case.
    case_of = {str(v.id): (v.id, str(v.case_id)) for v in versions}
    submitted = select(ApprovalEvent.agreement_id).where(
        ApprovalEvent.user_id == user_id, ApprovalEvent.action == AgreementAction.SUBMIT.value
    )
    saves = select(AuditEvent.entity_id, AuditEvent.after).where(
        AuditEvent.entity == "case", AuditEvent.action == SAVED, AuditEvent.user_id == user_id
    )
    if len(versions) <= _FEW:
        submitted = submitted.where(ApprovalEvent.agreement_id.in_(ids))
        saves = saves.where(AuditEvent.entity_id.in_({case for _id, case in case_of.values()}))
    touched = {agreement_id for agreement_id in session.scalars(submitted) if agreement_id in ids}
    for entity_id, after in session.execute(saves):
        found = case_of.get(_named_version(after))
        if found is not None and found[1] == entity_id:
            touched.add(found[0])
    pending = batch.deferred(session)
    if pending is not None:
        for event, _payload in pending.events:
            if event.action == SAVED and event.user_id == user_id:
                found = case_of.get(_named_version(event.after))
                if found is not None:
                    touched.add(found[0])
    return touched


def _named_version(after: object) -> str:
    """The version a save's audit event names ("" if none)."""
    named = after.get("agreement_id") if isinstance(after, Mapping) else None
    return named if isinstance(named, str) else ""


def approval_checks(
    session: Session, user: User, versions: Sequence[Version]
) -> dict[UUID, ApprovalCheck]:
    """Whether ``user`` may decide on each of ``versions``, by id (core.approval.may_approve:
    four eyes, then the level the version was submitted for; none recorded asks for the
    highest). Four eyes: nobody decides on a version they wrote, saved changes to or
    submitted. The trails are read once for all the versions."""
    touched = _touched_by(session, user.id, versions)
    level = approver_level(user)
    checks: dict[UUID, ApprovalCheck] = {}
    for version in versions:
        required = ApproverLevel(version.required_level) if version.required_level else TOP_LEVEL
        author = user.id if version.id in touched else version.author_id
        checks[version.id] = may_approve(user.id, level, author, required)
    return checks


def approval_check(session: Session, user: User, row: Agreement) -> ApprovalCheck:
    """Whether ``user`` may decide on ``row`` (``approval_checks``, for one version)."""
    return approval_checks(session, user, [row])[row.id]


def today_terms(
    row: Agreement, today: date, *, complete: bool
) -> tuple[dict[str, str], AgreementPlan]:
    """The version's terms checked as of ``today`` (submitting re-checks the dates)."""
    total = breakdown_from_stored(row.breakdown or {}).total
    return clean_agreement_terms(row.terms or {}, today, total, complete=complete)
