"""Data handed to the GUI (and the command line) about a case's negotiation strategy, its
payment agreements, the approval queue and the documents generated, and the commands that
change them.

As in finance_dto.py: commands carry what the user typed, as text ("" = not entered), and the
services validate it however it arrives (a form, the command line, a replay by sync).
``seen`` is what the user saw before editing: a record changed meanwhile by someone else is
refused as a conflict, never overwritten. Every command has ``id`` and ``recorded_at`` last,
for the outbox (services/commands.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from vipdesk.core.approval import Reason
from vipdesk.core.schedule import ScheduleRow

# --- strategy ------------------------------------------------------------------------------


@dataclass(frozen=True)
class StrategyVersionInfo:
    version: int
    sections: Mapping[str, str]  # services/strategy.SECTIONS, every one present ("" if empty)
    author: str
    saved_at: datetime
    note: str


@dataclass(frozen=True)
class DecisionInfo:
    id: UUID
    decided_on: date
    text: str
    author: str
    recorded_at: datetime


@dataclass(frozen=True)
class StrategyInfo:
    case_id: UUID
    current: StrategyVersionInfo | None  # None: never saved
    versions: tuple[StrategyVersionInfo, ...]  # newest first
    decisions: tuple[DecisionInfo, ...]  # newest first
    # The legal route's expected present value, to pre-fill "our alternative" ("" if none).
    alternative_hint: str
    can_edit: bool = False  # the user may save versions and add decisions (else: read only)


@dataclass(frozen=True)
class SectionChange:
    section: str
    before: str
    after: str


@dataclass(frozen=True)
class StrategySave:
    """Save the strategy as a new version ``based_on`` + 1 (0: the first). Refused as a
    conflict if someone saved another version since ``based_on``."""

    case_id: UUID
    based_on: int
    sections: Mapping[str, str]
    note: str = ""
    id: UUID | None = None
    recorded_at: datetime | None = None


@dataclass(frozen=True)
class NewDecision:
    case_id: UUID
    decision_id: UUID
    decided_on: str  # ISO date as typed
    text: str
    id: UUID | None = None
    recorded_at: datetime | None = None


# --- agreements ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Signatory:
    role: str  # "debtor", "guarantor", "legal_representative", "creditor"
    name: str
    id_document: str
    capacity: str = ""  # e.g. "Representante legal de …", "Fiador solidario"


@dataclass(frozen=True)
class Breakdown:
    """What the agreement recognises as owed, by component, and what is to be paid."""

    principal: Decimal
    interest: Decimal
    default_interest: Decimal
    fees: Decimal
    total: Decimal  # principal + interest + default interest + fees
    discount: Decimal  # amount forgiven ("quita")
    discount_pct: Decimal  # discount / total, a fraction
    to_pay: Decimal  # total - discount


@dataclass(frozen=True)
class ApprovalStep:
    action: str  # core.agreements.AgreementAction
    user_name: str
    occurred_at: datetime
    comment: str
    required_level: str | None


@dataclass(frozen=True)
class AgreementInfo:
    id: UUID
    series_id: UUID
    version: int
    number: str
    case_id: UUID
    case_number: str
    status: str  # core.agreements.AgreementStatus
    currency: str
    scenario_id: UUID | None
    scenario_name: str
    terms: Mapping[str, str]  # services/agreement_terms.TERM_FIELDS, as text
    breakdown: Breakdown
    schedule: tuple[ScheduleRow, ...]  # down payment row (number 0) first, if any
    signatories: tuple[Signatory, ...]
    required_level: str | None  # what the policy asks for these terms today / at submission
    # Why (core.approval Reason: a template of the "approval" context and its params, so the
    # GUI shows it in the user's language; .message is the English text).
    required_reasons: tuple[Reason, ...]
    author_id: UUID
    author_name: str
    submitted_at: datetime | None
    decided_at: datetime | None
    decided_by_name: str
    notes: str
    updated_at: datetime
    steps: tuple[ApprovalStep, ...]  # oldest first
    editable: bool


@dataclass(frozen=True)
class AgreementSummary:
    """One version in a case's list of agreements."""

    id: UUID
    series_id: UUID
    version: int
    number: str
    status: str
    currency: str
    to_pay: Decimal
    discount_pct: Decimal
    author_name: str
    updated_at: datetime


@dataclass(frozen=True)
class AgreementCreate:
    """A new draft agreement ``agreement_id`` from the case's scenario ``scenario_id`` (its
    terms become the agreement's; the signatories default to the debtor and the related
    parties)."""

    case_id: UUID
    agreement_id: UUID
    scenario_id: UUID
    id: UUID | None = None
    recorded_at: datetime | None = None


@dataclass(frozen=True)
class AgreementSave:
    """Change a draft (or a version sent back for changes): terms as typed, signatories,
    notes. ``seen``: services/agreements.agreement_seen of what the user edited."""

    case_id: UUID
    agreement_id: UUID
    terms: Mapping[str, str]
    signatories: tuple[Signatory, ...]
    notes: str = ""
    seen: Mapping[str, str] | None = None
    id: UUID | None = None
    recorded_at: datetime | None = None


@dataclass(frozen=True)
class AgreementStep:
    """Move an agreement version along (core.agreements.AgreementAction: submit, approve,
    reject, request_changes, activate, complete, break) with a comment (required to reject or
    to request changes)."""

    case_id: UUID
    agreement_id: UUID
    action: str
    comment: str = ""
    id: UUID | None = None
    recorded_at: datetime | None = None


@dataclass(frozen=True)
class AgreementRevision:
    """A new editable version ``new_id`` of the approved (or active, or rejected) version
    ``agreement_id``, with the same terms."""

    case_id: UUID
    agreement_id: UUID
    new_id: UUID
    id: UUID | None = None
    recorded_at: datetime | None = None


@dataclass(frozen=True)
class QueueItem:
    """A version waiting for approval, as the supervisor's queue shows it."""

    agreement_id: UUID
    case_id: UUID
    case_number: str
    debtor_name: str
    executive_name: str
    number: str
    version: int
    currency: str
    total: Decimal
    to_pay: Decimal
    discount_pct: Decimal
    term_months: int
    required_level: str
    submitted_at: datetime
    waited_hours: Decimal  # business hours (core.sla)
    due_at: datetime
    overdue: bool
    may_approve: bool
    why_not: Reason | None  # why the viewer may not approve it (None when they may)


@dataclass(frozen=True)
class ApprovalSettings:
    policy: Mapping[str, object]  # core.approval_config.policy_to_mapping
    sla_hours: int


@dataclass(frozen=True)
class ApprovalSettingsSave:
    """The approval policy (as policy_to_mapping writes it, values as text) and the SLA in
    business hours, as an admin typed them."""

    policy: Mapping[str, object]
    sla_hours: str
    id: UUID | None = None
    recorded_at: datetime | None = None


# --- documents -----------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentInfo:
    id: UUID
    case_id: UUID
    case_number: str
    kind: str  # documents kinds: propuesta, convenio, requerimiento, recordatorio, ...
    number: str
    template: str
    template_version: str
    sha256: str
    pages: int
    size: int
    file_name: str
    author: str
    generated_at: datetime
    agreement_id: UUID | None
    handed_off_at: datetime | None
    acknowledged_at: datetime | None
    acknowledged_by: str


@dataclass(frozen=True)
class InboxItem:
    handoff_id: UUID
    document: DocumentInfo
    debtor_name: str
    sent_by: str
    sent_at: datetime
    note: str
    acknowledged_at: datetime | None
    acknowledged_by: str


@dataclass(frozen=True)
class LetterTemplateInfo:
    kind: str
    version: str
    title: str
    text: str  # what letters of this kind are printed from now
    customised: bool  # an admin's edit, not the shipped template


@dataclass(frozen=True)
class LetterTemplateSave:
    """An admin's template for ``kind``; "" goes back to the shipped one."""

    kind: str
    text: str
    id: UUID | None = None
    recorded_at: datetime | None = None
