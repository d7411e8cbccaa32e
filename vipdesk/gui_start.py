"""Starting the GUI: reach the central database before anyone signs in.

The embedded database is unlocked with this computer's key (asking for its passphrase in a
dialog where no keychain exists). A PostgreSQL server that does not answer is not the end of the
day: the people with a local copy on this computer sign in and work on it, and sync connects
when the network is back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vipdesk.app import Central, open_central
from vipdesk.config import Settings
from vipdesk.local_cache import forget_cache
from vipdesk.offline import OfflineDirectory
from vipdesk.services.sync import Offline
from vipdesk.storage.database import Unreachable, describe, parse_url
from vipdesk.storage.uow import Database, UnitOfWork
from vipdesk.ui.context import GuiContext
from vipdesk.workspace import open_workspace

log = logging.getLogger(__name__)


def _no_central() -> UnitOfWork:
    # Started offline, every screen works on the user's cache; nothing may reach this.
    raise Offline("No connection to the central database: {reason}", reason="-")


@dataclass
class Connection:
    settings: Settings
    central: Central | None  # None: started without it
    label: str

    def _open_workspace(self) -> Callable[..., Any]:
        settings, central, label = self.settings, self.central, self.label
        if central is not None:
            database, hint = central.database, central.passphrase

            def online(user: str, prompt: Any, progress: Any, cancelled: Any) -> Any:
                return open_workspace(settings, database, user, prompt, progress, cancelled,
                                      label=label, hint=hint)  # fmt: skip

            return online

        def connect() -> Database:
            return open_central(settings).database

        def offline(user: str, prompt: Any, progress: Any, cancelled: Any) -> Any:
            return open_workspace(settings, None, user, prompt, progress, cancelled,
                                  label=label, connect=connect)  # fmt: skip

        return offline

    def context(
        self,
        *,
        user: str | None,
        screenshot: Path | None,
        language: str | None,
        passphrase: str | None,
        open_case: str | None = None,
        tab: str | None = None,
    ) -> GuiContext:
        settings = self.settings
        return GuiContext(
            uow_factory=self.central.database.unit_of_work if self.central else _no_central,
            database_label=self.label,
            settings_dir=settings.paths.settings,
            user=user,
            screenshot=screenshot,
            language=language,
            open_case=open_case,
            tab=tab,
            # A screenshot renders the central database directly: nothing may wait for a
            # passphrase there. Interactive sessions work on the encrypted cache.
            open_workspace=None if screenshot else self._open_workspace(),
            passphrase=(lambda _creating: passphrase) if passphrase else None,
            forget_cache=lambda name: forget_cache(settings, name, lambda _creating: None),
            directory=None if self.central else OfflineDirectory(settings),
            offline=self.central is None,
        )

    def close(self) -> None:
        if self.central is not None:
            self.central.database.dispose()


def connect(
    settings: Settings, language: str | None, *, interactive: bool, passphrase: str | None
) -> Connection | None:
    """None: the person cancelled the passphrase dialog."""
    if settings.database_is_default:
        if passphrase or not interactive:
            central = open_central(settings, passphrase=lambda _creating: passphrase)
        else:
            from vipdesk.ui.application import prepare_application
            from vipdesk.ui.passphrase import unlock_with_passphrase

            prepare_application(settings.paths.settings, language)
            unlocked = unlock_with_passphrase(
                lambda prompt: open_central(settings, passphrase=prompt)
            )
            if unlocked is None:
                return None
            central = unlocked
        return Connection(settings, central, central.label)
    try:
        central = open_central(settings)
    except Unreachable:
        remote = parse_url(settings.database_url).get_backend_name() == "postgresql"
        if not (interactive and remote and OfflineDirectory(settings).list_users()):
            raise
        log.warning("central database unreachable; starting on the local caches")
        return Connection(settings, None, describe(parse_url(settings.database_url)))
    return Connection(settings, central, central.label)
