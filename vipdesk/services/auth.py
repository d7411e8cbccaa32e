"""Signing in. Demo deployments identify users by name; real authentication arrives with the
PostgreSQL roles (each user connects as themself) in a later issue."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from sqlalchemy import select

from vipdesk.core.catalog import Role
from vipdesk.core.errors import QT_TRANSLATE_NOOP, NotFound
from vipdesk.services.dto import Actor, UserListing
from vipdesk.storage.models import User
from vipdesk.storage.uow import UnitOfWork

_ROLE_ORDER = {Role.EXECUTIVE: 0, Role.SUPERVISOR: 1, Role.LEGAL: 2, Role.ADMIN: 3}


def list_users(uow: UnitOfWork) -> list[UserListing]:
    with uow:
        users = uow.session.scalars(select(User).where(User.active.is_(True))).all()
        listing = [
            UserListing(u.username, u.full_name, Role(u.role), u.team.name if u.team else "")
            for u in users
        ]
    return sorted(listing, key=lambda u: (_ROLE_ORDER[u.role], u.username))


def sign_in(uow: UnitOfWork, username: str) -> Actor:
    name = username.strip().lower()
    with uow:
        user = uow.session.scalars(
            select(User).where(User.username == name, User.active.is_(True))
        ).one_or_none()
        if user is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("errors", "Unknown user: {username}"), username=username.strip()
            )
        return Actor(
            id=user.id,
            username=user.username,
            full_name=user.full_name,
            role=Role(user.role),
            team_id=user.team_id,
            team_name=user.team.name if user.team else "",
        )


class UserDirectory(Protocol):
    """Who may sign in here: the central database's users, or (offline) the users who have a
    local cache on this computer."""

    def list_users(self) -> list[UserListing]: ...

    def sign_in(self, username: str) -> Actor: ...


class CentralDirectory:
    def __init__(self, uow_factory: Callable[[], UnitOfWork]) -> None:
        self._uow_factory = uow_factory

    def list_users(self) -> list[UserListing]:
        return list_users(self._uow_factory())

    def sign_in(self, username: str) -> Actor:
        return sign_in(self._uow_factory(), username)
