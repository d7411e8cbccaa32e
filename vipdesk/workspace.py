"""What the GUI works on after sign-in: the user's encrypted local cache, and sync with the
central database. Built here (bootstrap layer) so the GUI never touches storage."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from uuid import UUID

from vipdesk.config import Settings
from vipdesk.local_cache import PassphrasePrompt, forget_cache, is_built, open_cache
from vipdesk.services import auth, conflicts, sync
from vipdesk.services.conflicts import ConflictInfo
from vipdesk.services.dto import Actor
from vipdesk.services.sync import SyncReport, SyncStatus
from vipdesk.storage.cache_build import build_cache
from vipdesk.storage.database import describe
from vipdesk.storage.uow import Database, UnitOfWork


@dataclass
class Workspace:
    settings: Settings
    central: Database
    cache: Database
    actor: Actor
    passphrase: PassphrasePrompt
    # One sync at a time, whichever thread (timer, menu) asks.
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def unit_of_work(self) -> UnitOfWork:
        return self.cache.unit_of_work()

    @property
    def label(self) -> str:
        return describe(self.central.engine.url)

    def sync(self) -> SyncReport:
        with self._lock:
            return sync.sync_once(self.central, self.cache, self.actor.username)

    def status(self) -> SyncStatus:
        return sync.status(self.cache)

    def conflicts(self) -> list[ConflictInfo]:
        return conflicts.list_conflicts(self.cache.unit_of_work())

    def resolve(self, conflict_id: UUID, choice: str, chosen: dict[str, str] | None = None) -> None:
        conflicts.resolve(self.cache.unit_of_work, self.actor, conflict_id, choice, chosen)

    def forget(self) -> None:
        """ "Forget this computer": the cache and its key are destroyed."""
        self.cache.dispose()
        forget_cache(self.settings, self.actor.username, self.passphrase)

    def close(self) -> None:
        self.cache.dispose()


def open_workspace(
    settings: Settings,
    central: Database,
    username: str,
    passphrase: PassphrasePrompt,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Workspace:
    """Sign in against the central database, open (or build, the first time) the encrypted
    cache. (Starting while the central database is unreachable is not supported yet; once
    open, the workspace keeps working offline and syncs when the connection returns.)"""
    actor = auth.sign_in(central.unit_of_work(), username)
    cache = open_cache(settings, actor.username, passphrase)
    try:
        if not is_built(cache):
            build_cache(central.engine, cache.engine, actor, progress=progress,
                        cancelled=cancelled)  # fmt: skip
    except BaseException:
        cache.dispose()
        raise
    return Workspace(settings, central, cache, actor, passphrase)


