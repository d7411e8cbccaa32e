"""Cases and the obligations they collect."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from vipdesk.storage.models.base import Base, Synced
from vipdesk.storage.models.debtors import Debtor
from vipdesk.storage.models.people import Team, User
from vipdesk.storage.types import ExactDecimal, MoneyAmount, UtcDateTime


class Case(Synced, Base):
    """One debtor's obligations under one executive.

    The columns after ``opened_on`` summarise the case's obligations, contacts and promises.
    Services keep them current in the same transaction as the change that moves them, so the
    portfolio (up to 100,000 rows) sorts and filters in SQL on indexed columns.
    """

    __tablename__ = "case_file"

    number: Mapped[str] = mapped_column(String(20), unique=True)
    debtor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("debtor.id"), index=True)
    executive_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"), index=True)
    team_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("team.id"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    opened_on: Mapped[date]

    currency: Mapped[str] = mapped_column(String(3))
    exposure: Mapped[Decimal] = mapped_column(MoneyAmount())
    past_due_since: Mapped[date | None]
    last_contact_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    next_action: Mapped[str] = mapped_column(String(300), default="")
    next_action_date: Mapped[date | None]
    promise_status: Mapped[str | None] = mapped_column(String(20))
    broken_promises: Mapped[int] = mapped_column(default=0)
    priority_score: Mapped[Decimal] = mapped_column(ExactDecimal(5, 1))
    priority_as_of: Mapped[date]
    # Lower-cased, accent-free debtor name, tax id and account numbers, for search.
    search_text: Mapped[str] = mapped_column(Text, default="")
    # Number of the last change to anything in this case (see models.sync.SyncCounter).
    change_seq: Mapped[int] = mapped_column(BigInteger, server_default="0", index=True)

    debtor: Mapped[Debtor] = relationship()
    executive: Mapped[User] = relationship()
    team: Mapped[Team] = relationship()
    obligations: Mapped[list[Obligation]] = relationship(
        back_populates="case", order_by="Obligation.account_number"
    )

    __table_args__ = (
        Index("ix_case_file_team_status", "team_id", "status"),
        # The agenda ("Mi día"): an executive's or a team's follow-ups due by a date, read as
        # one range of an index instead of every case of the person.
        Index("ix_case_file_executive_next", "executive_id", "next_action_date"),
        Index("ix_case_file_team_next", "team_id", "next_action_date"),
        # (sort column, number): the portfolio's ordered list of numbers is read from the
        # index alone, in either direction.
        *(
            Index(f"ix_case_file_sort_{column}", column, "number")
            for column in (
                "priority_score",
                "exposure",
                "past_due_since",
                "last_contact_at",
                "next_action_date",
                "promise_status",
                "status",
                "currency",
                "search_text",
            )
        ),
    )


class Obligation(Synced, Base):
    __tablename__ = "obligation"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    account_number: Mapped[str] = mapped_column(String(40), unique=True)
    contract_number: Mapped[str] = mapped_column(String(60), default="")
    product: Mapped[str] = mapped_column(String(80))
    currency: Mapped[str] = mapped_column(String(3))
    opened_on: Mapped[date]
    annual_rate: Mapped[Decimal] = mapped_column(ExactDecimal(9, 6))
    original_principal: Mapped[Decimal] = mapped_column(MoneyAmount())
    principal: Mapped[Decimal] = mapped_column(MoneyAmount())
    ordinary_interest: Mapped[Decimal] = mapped_column(MoneyAmount())
    default_interest: Mapped[Decimal] = mapped_column(MoneyAmount())
    fees: Mapped[Decimal] = mapped_column(MoneyAmount())
    past_due_since: Mapped[date | None]
    collateral_kind: Mapped[str] = mapped_column(String(40), default="")
    collateral_description: Mapped[str] = mapped_column(Text, default="")
    collateral_value: Mapped[Decimal | None] = mapped_column(MoneyAmount())

    case: Mapped[Case] = relationship(back_populates="obligations")

    @property
    def total(self) -> Decimal:
        return self.principal + self.ordinary_interest + self.default_interest + self.fees
