"""Users, their roles and teams."""

from __future__ import annotations

import uuid

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from vipdesk.storage.models.base import Base, Synced


class Team(Synced, Base):
    __tablename__ = "team"

    name: Mapped[str] = mapped_column(String(120), unique=True)
    members: Mapped[list[User]] = relationship(back_populates="team")


class User(Synced, Base):
    __tablename__ = "app_user"

    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    team_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("team.id"), index=True)
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    active: Mapped[bool] = mapped_column(default=True)
    # The level this user approves agreements at (core.approval.ApproverLevel); None: the
    # role's default (core.approval.approver_level_for).
    approval_level: Mapped[str | None] = mapped_column(String(20))

    team: Mapped[Team | None] = relationship(back_populates="members")
