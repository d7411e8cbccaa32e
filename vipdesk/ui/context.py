"""What the bootstrap hands to the interface."""

from __future__ import annotations

import pathlib
from dataclasses import dataclass

from vipdesk.services import UowFactory


@dataclass(frozen=True)
class GuiContext:
    uow_factory: UowFactory  # a fresh UnitOfWork per service call
    database_label: str  # shown in the status bar; never contains a password
    settings_dir: pathlib.Path  # INI preferences and compiled translations go here
    user: str | None = None  # sign in directly as this user (no dialog)
    screenshot: pathlib.Path | None = None  # render the main window to this PNG and exit
    language: str | None = None  # "es" / "en"; default: the saved choice, else Spanish
