"""Plain, immutable data handed to the GUI and the command line."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from uuid import UUID

from vipdesk.core.buckets import Bucket
from vipdesk.core.catalog import Role


@dataclass(frozen=True)
class Actor:
    """The signed-in user, as services see them."""

    id: UUID
    username: str
    full_name: str
    role: Role
    team_id: UUID | None
    team_name: str = ""


@dataclass(frozen=True)
class UserListing:
    username: str
    full_name: str
    role: Role
    team_name: str


class SortKey(StrEnum):
    PRIORITY = "priority"
    CASE_NUMBER = "case_number"
    DEBTOR = "debtor"
    SEGMENT = "segment"
    CURRENCY = "currency"
    EXPOSURE = "exposure"
    DAYS_PAST_DUE = "days_past_due"
    BUCKET = "bucket"
    LAST_CONTACT = "last_contact"
    NEXT_ACTION = "next_action"
    PROMISE_STATUS = "promise_status"
    EXECUTIVE = "executive"
    STATUS = "status"


class NextActionDue(StrEnum):
    TODAY = "today"
    OVERDUE = "overdue"  # the follow-up date has passed
    TODAY_OR_OVERDUE = "today_or_overdue"


@dataclass(frozen=True)
class PortfolioQuery:
    """What the portfolio lists. Filters: an empty tuple or None means "any"; several values
    in one filter are alternatives (bucket 1-30 or 31-60); different filters all apply."""

    search: str = ""
    sort: SortKey = SortKey.PRIORITY
    descending: bool = True
    buckets: tuple[Bucket, ...] = ()
    statuses: tuple[str, ...] = ()  # core.catalog.CaseStatus values
    currencies: tuple[str, ...] = ()
    segments: tuple[str, ...] = ()  # core.catalog.Segment values
    next_action: NextActionDue | None = None
    promise_due_this_week: bool = False  # a pending promise falls due Monday to Sunday


@dataclass(frozen=True)
class PortfolioRow:
    case_id: UUID
    case_number: str
    debtor_name: str
    segment: str
    currency: str
    exposure: Decimal
    days_past_due: int
    bucket: Bucket
    last_contact_at: datetime | None
    next_action_date: date | None
    next_action: str
    promise_status: str | None
    priority: Decimal
    executive_name: str
    status: str


@dataclass(frozen=True)
class ContactInfo:
    id: UUID
    kind: str
    label: str
    value: str
    preferred: bool
    best_hours: str


@dataclass(frozen=True)
class RelatedPartyInfo:
    id: UUID
    role: str
    name: str
    capacity: str
    tax_id: str
    id_document: str
    phone: str
    email: str


@dataclass(frozen=True)
class ObligationInfo:
    id: UUID
    account_number: str
    contract_number: str
    product: str
    currency: str
    annual_rate: Decimal
    original_principal: Decimal
    principal: Decimal
    ordinary_interest: Decimal
    default_interest: Decimal
    fees: Decimal
    total: Decimal
    days_past_due: int
    collateral_kind: str
    collateral_description: str
    collateral_value: Decimal | None


@dataclass(frozen=True)
class InteractionInfo:
    id: UUID
    occurred_at: datetime
    user_name: str
    channel: str
    direction: str
    contact_name: str
    outcome: str
    notes: str
    duration_minutes: int
    next_action: str
    next_action_date: date | None


@dataclass(frozen=True)
class PromiseInfo:
    id: UUID
    amount: Decimal
    currency: str
    promised_on: date
    due_date: date
    status: str
    applied_amount: Decimal


@dataclass(frozen=True)
class PaymentInfo:
    id: UUID
    obligation_account: str
    amount: Decimal
    currency: str
    paid_on: date
    reference: str
    method: str
    applied_fees: Decimal
    applied_default_interest: Decimal
    applied_interest: Decimal
    applied_principal: Decimal


@dataclass(frozen=True)
class CaseDetail:
    id: UUID
    row_version: int
    number: str
    status: str
    debtor_id: UUID
    debtor_name: str
    segment: str
    country: str
    tax_id: str
    id_document: str
    risk_rating: str
    executive_name: str
    team_name: str
    currency: str
    exposure: Decimal
    days_past_due: int
    bucket: Bucket
    priority: Decimal
    next_action: str
    next_action_date: date | None
    last_contact_at: datetime | None
    contacts: tuple[ContactInfo, ...] = field(default_factory=tuple)
    related_parties: tuple[RelatedPartyInfo, ...] = field(default_factory=tuple)
    obligations: tuple[ObligationInfo, ...] = field(default_factory=tuple)
    interactions: tuple[InteractionInfo, ...] = field(default_factory=tuple)
    promises: tuple[PromiseInfo, ...] = field(default_factory=tuple)
    payments: tuple[PaymentInfo, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class NewInteraction:
    case_id: UUID
    channel: str
    direction: str
    occurred_at: datetime
    outcome: str
    contact_name: str = ""
    notes: str = ""
    duration_minutes: int = 0
    next_action: str = ""
    next_action_date: date | None = None
    # Chosen by the client, so a command replayed by sync is applied once.
    id: UUID | None = None
    # When the command was done (set when it is queued offline); sync replays validate
    # against this moment, not the moment the connection came back.
    recorded_at: datetime | None = None


@dataclass(frozen=True)
class NewPromise:
    case_id: UUID
    amount: Decimal
    due_date: date
    interaction_id: UUID | None = None
    notes: str = ""
    id: UUID | None = None
    # When the command was done (set when it is queued offline); sync replays validate
    # against this moment, not the moment the connection came back.
    recorded_at: datetime | None = None


@dataclass(frozen=True)
class NewPayment:
    case_id: UUID
    amount: Decimal
    paid_on: date
    method: str
    reference: str = ""
    obligation_id: UUID | None = None
    id: UUID | None = None
    # When the command was done (set when it is queued offline); sync replays validate
    # against this moment, not the moment the connection came back.
    recorded_at: datetime | None = None


@dataclass(frozen=True)
class DebtorUpdate:
    """New values for a debtor's editable fields, based on the version the user saw."""

    debtor_id: UUID
    base_version: int
    trade_name: str
    risk_rating: str
    economic_activity: str
    notes: str
    id: UUID | None = None
    recorded_at: datetime | None = None
    # Set when queued offline on top of an earlier unsynced edit of the same debtor: the
    # central database accepts it only right after that edit (never over someone else's).
    after_command: UUID | None = None


@dataclass(frozen=True)
class DebtorInfo:
    id: UUID
    row_version: int
    name: str
    trade_name: str
    risk_rating: str
    economic_activity: str
    notes: str


@dataclass(frozen=True)
class ReassignCase:
    """Hand a case to another executive of its team (a supervisor's decision)."""

    case_id: UUID
    executive: str  # the new executive's username
    # The executive's username the supervisor saw: when the case was handed to someone else
    # meanwhile, the reassignment is refused as a conflict instead of overriding that. Not the
    # case's row version: every contact the executive logs moves it.
    current: str | None = None
    id: UUID | None = None
    recorded_at: datetime | None = None


@dataclass(frozen=True)
class TeamExecutive:
    username: str
    full_name: str
    cases: int  # cases assigned now, closed ones left out


@dataclass(frozen=True)
class TeamExecutives:
    """A case, who has it, and the executives of its team it may be handed to."""

    case_id: UUID
    case_number: str
    debtor_name: str
    current: str  # username of the case's executive now
    current_name: str
    executives: tuple[TeamExecutive, ...]


@dataclass(frozen=True)
class ContactSave:
    """Add a debtor's contact (a ``contact_id`` not used yet, chosen by the client) or change
    one. Setting ``preferred`` makes it the only preferred contact of its kind."""

    debtor_id: UUID
    contact_id: UUID
    kind: str
    label: str
    value: str
    preferred: bool
    best_hours: str
    # What the user saw before editing (all None for a new contact): a contact changed meanwhile
    # by someone else is refused as a conflict, never overwritten. Values, not a row version:
    # an offline edit made on top of an earlier unsynced one then still matches centrally.
    seen_label: str | None = None
    seen_value: str | None = None
    seen_best_hours: str | None = None
    id: UUID | None = None
    recorded_at: datetime | None = None


@dataclass(frozen=True)
class ContactRemoval:
    debtor_id: UUID
    contact_id: UUID
    id: UUID | None = None
    recorded_at: datetime | None = None


@dataclass(frozen=True)
class PartySave:
    """Add someone standing beside the debtor (a guarantor, legal representative or co-debtor;
    a ``party_id`` not used yet, chosen by the client) or change one."""

    debtor_id: UUID
    party_id: UUID
    role: str  # core.catalog.RelatedPartyRole
    name: str
    capacity: str = ""
    tax_id: str = ""
    id_document: str = ""
    phone: str = ""
    email: str = ""
    # What the user saw before editing (all None for a new party): a party changed meanwhile
    # by someone else is refused as a conflict, never overwritten (values, as for contacts).
    seen_role: str | None = None
    seen_name: str | None = None
    seen_capacity: str | None = None
    seen_tax_id: str | None = None
    seen_id_document: str | None = None
    seen_phone: str | None = None
    seen_email: str | None = None
    id: UUID | None = None
    recorded_at: datetime | None = None


@dataclass(frozen=True)
class PartyRemoval:
    debtor_id: UUID
    party_id: UUID
    id: UUID | None = None
    recorded_at: datetime | None = None


class AgendaKind(StrEnum):
    FOLLOW_UP = "follow_up"  # the case's next action falls due
    PROMISE = "promise"  # a pending promise to pay falls due
    INSTALLMENT = "installment"  # an active agreement's instalment falls due, unpaid


@dataclass(frozen=True)
class AgendaItem:
    """One line of "Mi día": something on a case that needs the user today."""

    kind: AgendaKind
    case_id: UUID
    case_number: str
    debtor_name: str
    due: date
    days_overdue: int  # > 0: that many days late; 0: due today; < 0: due in that many days
    what: str = ""  # a follow-up's next action; an instalment's agreement number
    amount: Decimal | None = None  # what a promise or an instalment still asks, in ``currency``
    currency: str = ""
    item_id: UUID | None = None  # the promise's id; an instalment's agreement's id
    # An instalment's number and the schedule's count (0: the down payment).
    installment: tuple[int, int] | None = None


@dataclass(frozen=True)
class Agenda:
    as_of: date  # the user's today the agenda was computed for
    items: tuple[AgendaItem, ...] = ()

    @property
    def overdue_follow_ups(self) -> int:
        return sum(1 for i in self.items if i.kind is AgendaKind.FOLLOW_UP and i.days_overdue > 0)

    @property
    def follow_ups_today(self) -> int:
        return sum(1 for i in self.items if i.kind is AgendaKind.FOLLOW_UP and i.days_overdue == 0)

    @property
    def promises(self) -> int:
        return sum(1 for i in self.items if i.kind is AgendaKind.PROMISE)

    @property
    def installments(self) -> int:
        return sum(1 for i in self.items if i.kind is AgendaKind.INSTALLMENT)
