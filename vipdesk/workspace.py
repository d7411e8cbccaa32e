"""What the GUI works on after sign-in: the user's encrypted local cache, and sync with the
central database. Built here (bootstrap layer) so the GUI never touches storage."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from uuid import UUID

from vipdesk.config import Settings
from vipdesk.core.errors import QT_TRANSLATE_NOOP, EnvironmentProblem
from vipdesk.local_cache import PassphrasePrompt, cache_path, forget_cache, is_built, open_cache
from vipdesk.offline import save_profile
from vipdesk.services import assignments, auth, conflicts, sync
from vipdesk.services.conflicts import ConflictInfo
from vipdesk.services.dto import Actor, ReassignCase, TeamExecutives
from vipdesk.services.sync import SyncReport, SyncStatus
from vipdesk.storage.cache_build import build_cache
from vipdesk.storage.database import describe
from vipdesk.storage.uow import Database, UnitOfWork


@dataclass
class Workspace:
    settings: Settings
    # None while the app started without the central database; ``connect`` retries it.
    central: Database | None
    cache: Database
    actor: Actor
    passphrase: PassphrasePrompt
    label: str = ""  # the central database, for the status bar; never a password
    connect: Callable[[], Database] | None = None
    # One sync at a time, whichever thread (timer, menu) asks.
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def unit_of_work(self) -> UnitOfWork:
        return self.cache.unit_of_work()

    def _central(self) -> Database:
        if self.central is None:
            if self.connect is None:
                raise sync.Offline(
                    QT_TRANSLATE_NOOP("errors", "No connection to the central database: {reason}"),
                    reason="-",
                )
            try:
                self.central = self.connect()
            except EnvironmentProblem as exc:
                raise sync.Offline(
                    QT_TRANSLATE_NOOP("errors", "No connection to the central database: {reason}"),
                    reason=exc.message,
                ) from exc
        return self.central

    def sync(self) -> SyncReport:
        with self._lock:
            return sync.sync_once(self._central(), self.cache, self.actor.username)

    def status(self) -> SyncStatus:
        return sync.status(self.cache)

    def conflicts(self) -> list[ConflictInfo]:
        return conflicts.list_conflicts(self.cache.unit_of_work())

    def resolve(self, conflict_id: UUID, choice: str, chosen: dict[str, str] | None = None) -> None:
        conflicts.resolve(self.cache.unit_of_work, self.actor, conflict_id, choice, chosen)

    def team_executives(self, case_id: UUID) -> TeamExecutives:
        return assignments.team_executives(self.cache.unit_of_work(), self.actor, case_id)

    def reassign(self, case_id: UUID, executive: str, current: str | None = None) -> UUID:
        """Hand the case to ``executive`` on the cache; the next sync takes it centrally."""
        command = ReassignCase(case_id, executive, current)
        return assignments.reassign_case(self.cache.unit_of_work(), self.actor, command)

    def forget(self) -> None:
        """ "Forget this computer": the cache and its key are destroyed."""
        self.cache.dispose()
        forget_cache(self.settings, self.actor.username, self.passphrase)

    def close(self) -> None:
        self.cache.dispose()


def open_workspace(
    settings: Settings,
    central: Database | None,
    username: str,
    passphrase: PassphrasePrompt,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    *,
    label: str = "",
    connect: Callable[[], Database] | None = None,
    hint: str | None = None,
) -> Workspace:
    """Sign in and open (or build, the first time) the user's encrypted cache.

    With the central database (``central``) the user is checked there and the cache is built
    if needed. Without it (the app started offline) the cache must already be on this
    computer: the user works on it, and sync connects (``connect``) once the network is back.
    ``hint``: the passphrase that unlocked this computer's database, tried for the cache first.
    """
    if central is None:
        if not cache_path(settings, username).exists():
            raise sync.Offline(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "No connection to the central database, and {username} has no local copy "
                    "on this computer.",
                ),
                username=username,
            )
        cache = open_cache(settings, username, passphrase, hint)
        try:
            if not is_built(cache):
                raise sync.Offline(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "No connection to the central database, and the local copy of "
                        "{username} was never completed.",
                    ),
                    username=username,
                )
            actor = auth.sign_in(cache.unit_of_work(), username)
        except BaseException:
            cache.dispose()
            raise
        return Workspace(settings, None, cache, actor, passphrase, label, connect)
    label = label or describe(central.engine.url)
    actor = auth.sign_in(central.unit_of_work(), username)
    cache = open_cache(settings, actor.username, passphrase, hint)
    try:
        if not is_built(cache):
            build_cache(central.engine, cache.engine, actor, progress=progress,
                        cancelled=cancelled)  # fmt: skip
        save_profile(settings, actor)
    except BaseException:
        cache.dispose()
        raise
    return Workspace(settings, central, cache, actor, passphrase, label, connect)
