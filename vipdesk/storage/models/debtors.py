"""Debtors (people or companies), how to reach them and who stands beside them."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import ForeignKey, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from vipdesk.storage.models.base import Base, Synced


class Debtor(Synced, Base):
    __tablename__ = "debtor"

    segment: Mapped[str] = mapped_column(String(20))
    country: Mapped[str] = mapped_column(String(2))
    name: Mapped[str] = mapped_column(String(300))
    trade_name: Mapped[str] = mapped_column(String(300), default="")
    tax_id: Mapped[str] = mapped_column(String(20), index=True)
    id_document: Mapped[str] = mapped_column(String(20), default="")
    risk_rating: Mapped[str] = mapped_column(String(2), default="C")
    economic_activity: Mapped[str] = mapped_column(String(200), default="")
    born_or_incorporated_on: Mapped[date | None]
    notes: Mapped[str] = mapped_column(Text, default="")
    # The command that produced this version: an offline edit made on top of an earlier,
    # still unsynced edit names that one instead of a version number (see debtors service).
    last_command_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)

    contacts: Mapped[list[DebtorContact]] = relationship(
        back_populates="debtor", cascade="all, delete-orphan", order_by="DebtorContact.kind"
    )
    related_parties: Mapped[list[RelatedParty]] = relationship(
        back_populates="debtor", cascade="all, delete-orphan"
    )


class DebtorContact(Synced, Base):
    __tablename__ = "debtor_contact"

    debtor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("debtor.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    label: Mapped[str] = mapped_column(String(80), default="")
    value: Mapped[str] = mapped_column(String(500))
    preferred: Mapped[bool] = mapped_column(default=False)
    best_hours: Mapped[str] = mapped_column(String(80), default="")

    debtor: Mapped[Debtor] = relationship(back_populates="contacts")


class RelatedParty(Synced, Base):
    __tablename__ = "related_party"

    debtor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("debtor.id"), index=True)
    role: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(300))
    capacity: Mapped[str] = mapped_column(String(200), default="")
    tax_id: Mapped[str] = mapped_column(String(20), default="")
    id_document: Mapped[str] = mapped_column(String(20), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(254), default="")

    debtor: Mapped[Debtor] = relationship(back_populates="related_parties")
