"""What the bootstrap hands to the interface."""

from __future__ import annotations

import pathlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from vipdesk.services import UowFactory
from vipdesk.services.auth import CentralDirectory, UserDirectory


@dataclass(frozen=True)
class GuiContext:
    uow_factory: UowFactory  # a fresh UnitOfWork per service call
    database_label: str  # shown in the status bar; never contains a password
    settings_dir: pathlib.Path  # INI preferences and compiled translations go here
    user: str | None = None  # sign in directly as this user (no dialog)
    screenshot: pathlib.Path | None = None  # render the main window to this PNG and exit
    language: str | None = None  # "es" / "en"; default: the saved choice, else Spanish
    open_case: str | None = None  # screenshots: open this case (number or id) ...
    tab: str | None = None  # ... on this page ("resumen", "obligaciones"...)
    # open_workspace(username, passphrase, progress, cancelled) -> the user's encrypted cache
    # and sync; None: work directly on the central database (screenshots, most tests).
    open_workspace: (
        Callable[
            [str, Callable[[bool], str | None], Callable[[int, int], None] | None,
             Callable[[], bool]],
            Any,
        ]
        | None
    ) = None  # fmt: skip
    # When set (tests, $VIPDESK_PASSPHRASE), used instead of asking for the passphrase.
    passphrase: Callable[[bool], str | None] | None = None
    # forget_cache(username): destroy a cache that cannot be opened (wrong passphrase or key)
    # so that it is rebuilt; None: the interface only offers to retry.
    forget_cache: Callable[[str], None] | None = None
    # Who may sign in (default: the users of the central database behind uow_factory); when
    # the app started without the central database, the users with a local copy here.
    directory: UserDirectory | None = None
    offline: bool = False  # started without the central database: say so at sign-in

    def user_directory(self) -> UserDirectory:
        if self.directory is not None:
            return self.directory
        return CentralDirectory(self.uow_factory)
