"""What happens on a case: contacts logged, promises to pay, payments and their application."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from vipdesk.storage.models.base import Base, Synced
from vipdesk.storage.types import MoneyAmount, UtcDateTime


class Interaction(Synced, Base):
    """A contact with the debtor ("gestión"); append-only."""

    __tablename__ = "interaction"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"))
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"), index=True)
    channel: Mapped[str] = mapped_column(String(20))
    direction: Mapped[str] = mapped_column(String(10))
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime)
    contact_name: Mapped[str] = mapped_column(String(300), default="")
    outcome: Mapped[str] = mapped_column(String(30))
    notes: Mapped[str] = mapped_column(Text, default="")
    duration_minutes: Mapped[int] = mapped_column(default=0)
    next_action: Mapped[str] = mapped_column(String(300), default="")
    next_action_date: Mapped[date | None]

    __table_args__ = (Index("ix_interaction_case_when", "case_id", "occurred_at"),)


class Promise(Synced, Base):
    """A promise to pay; its status is derived from the payments applied to it."""

    __tablename__ = "promise"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    interaction_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("interaction.id"), index=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"), index=True)
    amount: Mapped[Decimal] = mapped_column(MoneyAmount())
    currency: Mapped[str] = mapped_column(String(3))
    promised_on: Mapped[date]
    due_date: Mapped[date] = mapped_column(index=True)
    status: Mapped[str] = mapped_column(String(20))
    applied_amount: Mapped[Decimal] = mapped_column(MoneyAmount(), default=Decimal("0.00"))
    notes: Mapped[str] = mapped_column(Text, default="")

    # The agenda: pending promises falling due in a window of days, one index range.
    __table_args__ = (Index("ix_promise_status_due", "status", "due_date"),)


class Payment(Synced, Base):
    """A payment received; append-only. Its split over the balance is recorded with it."""

    __tablename__ = "payment"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    obligation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("obligation.id"), index=True)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"), index=True)
    amount: Mapped[Decimal] = mapped_column(MoneyAmount())
    currency: Mapped[str] = mapped_column(String(3))
    paid_on: Mapped[date]
    reference: Mapped[str] = mapped_column(String(120), default="")
    method: Mapped[str] = mapped_column(String(20))
    applied_fees: Mapped[Decimal] = mapped_column(MoneyAmount())
    applied_default_interest: Mapped[Decimal] = mapped_column(MoneyAmount())
    applied_interest: Mapped[Decimal] = mapped_column(MoneyAmount())
    applied_principal: Mapped[Decimal] = mapped_column(MoneyAmount())


class PaymentApplication(Synced, Base):
    """How much of a payment kept which promise (derived; rewritten when payments change)."""

    __tablename__ = "payment_application"

    payment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("payment.id"), index=True)
    promise_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("promise.id"), index=True)
    amount: Mapped[Decimal] = mapped_column(MoneyAmount())
