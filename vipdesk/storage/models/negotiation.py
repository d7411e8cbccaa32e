"""The negotiation on a case: the strategy, as versions of a structured document, and its
decision log; the agreement ("convenio de pago"), one row per version, with its approval trail.

Amounts inside JSON columns are decimal strings ("1250.00"), never JSON numbers: a float would
lose the cents. Strategy versions, decisions and approval events are append-only; an agreement
version is edited only while it is a draft (or sent back for changes), and frozen once it is
submitted: a change to an approved agreement is a new version of the same ``series_id``.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from vipdesk.storage.models.base import Base, Synced
from vipdesk.storage.types import UtcDateTime


class StrategyVersion(Synced, Base):
    """One saved version of a case's negotiation strategy ("estrategia de negociación").

    ``sections``: {section name: text} (see services/strategy.py for the names). ``version``
    counts from 1 per case; two saves of the same version are a conflict, never an overwrite.
    """

    __tablename__ = "strategy_version"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    version: Mapped[int]
    sections: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"), index=True)
    saved_at: Mapped[datetime] = mapped_column(UtcDateTime)
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (UniqueConstraint("case_id", "version"),)


class StrategyDecision(Synced, Base):
    """A dated entry of the strategy's decision log; append-only."""

    __tablename__ = "strategy_decision"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    decided_on: Mapped[date]
    text: Mapped[str] = mapped_column(Text)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"), index=True)
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Agreement(Synced, Base):
    """One version of a payment agreement. Versions of the same agreement share ``series_id``
    and count ``version`` from 1; ``number`` is the agreement's reference in letters.

    ``status``: core.agreements.AgreementStatus. ``terms``: the adjusted terms as cleaned text
    (services/agreement_terms.py). ``breakdown``: what is recognised as owed, by component
    ({"principal": "…", "interest": …, "default_interest", "fees", "discount", "total",
    "to_pay"}). ``signatories``: [{"role", "name", "id_document", "capacity"}].
    ``required_level``: the approver level the policy asked when it was submitted.
    ``scenario_id``: the scenario it was created from (no foreign key: a scenario may be
    removed later; ``scenario_name`` keeps its name).
    """

    __tablename__ = "agreement"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    series_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    version: Mapped[int]
    number: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20))
    currency: Mapped[str] = mapped_column(String(3))
    scenario_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    scenario_name: Mapped[str] = mapped_column(String(120), default="")
    terms: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    breakdown: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    signatories: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    required_level: Mapped[str | None] = mapped_column(String(20))
    author_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"), index=True)
    submitted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    decided_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"))
    notes: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        UniqueConstraint("series_id", "version"),
        # The approval queue: pending versions, oldest first.
        Index("ix_agreement_status_submitted", "status", "submitted_at"),
    )


class ApprovalEvent(Synced, Base):
    """One step of an agreement version's approval trail (submitted, approved, rejected,
    changes requested, activated, completed, broken), with its comment; append-only."""

    __tablename__ = "approval_event"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    agreement_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agreement.id"), index=True)
    action: Mapped[str] = mapped_column(String(20))
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"), index=True)
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime)
    comment: Mapped[str] = mapped_column(Text, default="")
    required_level: Mapped[str | None] = mapped_column(String(20))
