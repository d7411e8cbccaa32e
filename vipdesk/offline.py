"""Starting without the central database: who may sign in from this computer's local caches.

Beside each cache, a small profile (user name, display name, role, team; nothing about any
debtor) lets the sign-in dialog list the people who can work here while the central database
is unreachable. Signing in still opens the user's encrypted cache with its key, which is the
real proof: without the key nothing opens.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from uuid import UUID

from vipdesk.config import Settings
from vipdesk.core.catalog import Role
from vipdesk.core.errors import QT_TRANSLATE_NOOP, NotFound
from vipdesk.local_cache import cache_path, profile_path
from vipdesk.services.dto import Actor, UserListing
from vipdesk.storage.keys.passphrase import write_atomically

PROFILE_SUFFIX = ".profile.json"
MAX_PROFILE_BYTES = 4096


def save_profile(settings: Settings, actor: Actor) -> None:
    data = {
        "username": actor.username,
        "full_name": actor.full_name,
        "role": actor.role.value,
        "team_name": actor.team_name,
        "id": str(actor.id),
        "team_id": str(actor.team_id) if actor.team_id else None,
    }
    path = profile_path(settings, actor.username)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    write_atomically(path, (json.dumps(data, ensure_ascii=False) + "\n").encode("utf-8"))


def _actor(data: Any) -> Actor | None:
    """The profile as an Actor, or None when it is damaged (it is then simply not listed)."""
    try:
        team = data.get("team_id")
        return Actor(
            id=UUID(str(data["id"])),
            username=str(data["username"]),
            full_name=str(data["full_name"]),
            role=Role(data["role"]),
            team_id=UUID(str(team)) if team else None,
            team_name=str(data.get("team_name") or ""),
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def _read(path: Path) -> Actor | None:
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_PROFILE_BYTES + 1)
        if len(raw) > MAX_PROFILE_BYTES:
            return None
        return _actor(json.loads(raw.decode("utf-8")))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return None


class OfflineDirectory:
    """The users with a local cache (and its profile) on this computer."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings

    def _actors(self) -> list[Actor]:
        folder = cache_path(self._settings, "x").parent
        found = []
        for path in sorted(folder.glob(f"*{PROFILE_SUFFIX}")):
            actor = _read(path)
            # Only a profile whose cache is still there: a forgotten computer lists nobody.
            if actor is not None and cache_path(self._settings, actor.username).exists():
                found.append(actor)
        return found

    def list_users(self) -> list[UserListing]:
        return [UserListing(a.username, a.full_name, a.role, a.team_name) for a in self._actors()]

    def sign_in(self, username: str) -> Actor:
        name = username.strip().lower()
        for actor in self._actors():
            if actor.username == name:
                return actor
        raise NotFound(
            QT_TRANSLATE_NOOP(
                "errors",
                "{username} has no local copy on this computer. Sign in while connected to "
                "the central database the first time.",
            ),
            username=username.strip(),
        )
