"""All mapped classes; importing this package registers them on ``Base.metadata``."""

from vipdesk.storage.models.activity import Interaction, Payment, PaymentApplication, Promise
from vipdesk.storage.models.audit import AuditChainHead, AuditEvent
from vipdesk.storage.models.base import Base
from vipdesk.storage.models.cases import Case, Obligation
from vipdesk.storage.models.debtors import Debtor, DebtorContact, RelatedParty
from vipdesk.storage.models.documents import Document, LegalHandoff
from vipdesk.storage.models.finance import (
    AppSetting,
    FinancialAssumptions,
    FinancialPeriod,
    SettlementScenario,
)
from vipdesk.storage.models.negotiation import (
    Agreement,
    ApprovalEvent,
    StrategyDecision,
    StrategyVersion,
)
from vipdesk.storage.models.people import Team, User
from vipdesk.storage.models.sync import (
    AppliedCommand,
    OutboxEntry,
    SyncConflict,
    SyncCounter,
    SyncState,
)

__all__ = [
    "Agreement",
    "AppSetting",
    "AppliedCommand",
    "ApprovalEvent",
    "AuditChainHead",
    "AuditEvent",
    "Base",
    "Case",
    "Debtor",
    "DebtorContact",
    "Document",
    "FinancialAssumptions",
    "FinancialPeriod",
    "Interaction",
    "LegalHandoff",
    "Obligation",
    "OutboxEntry",
    "Payment",
    "PaymentApplication",
    "Promise",
    "RelatedParty",
    "SettlementScenario",
    "StrategyDecision",
    "StrategyVersion",
    "SyncConflict",
    "SyncCounter",
    "SyncState",
    "Team",
    "User",
]
