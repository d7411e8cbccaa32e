"""What every page of the case workspace shares.

A page shows the :class:`CaseDetail` the tab loaded (``show_detail``) and, when it saved
something through a service, emits ``changed`` so the tab reloads the case, the portfolio
refreshes and a sync is started. Pages never touch the database: services go through
``env.uow_factory`` on the tab's :class:`TaskRunner`, off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QEvent, QSettings, Signal
from PySide6.QtWidgets import QWidget

from vipdesk.services.dto import Actor, CaseDetail
from vipdesk.ui.workers import TaskRunner


@dataclass(frozen=True)
class CaseEnv:
    """What a case tab and its pages need from the window."""

    uow_factory: Callable[[], Any]  # the encrypted cache's (or, in screenshots, central's)
    actor: Actor
    settings_dir: Path
    interactive: bool = True  # False: screenshots and scripted runs never wait on a dialog
    settings: QSettings | None = None  # the interface settings: column widths the user set


class CasePage(QWidget):
    """One page of a case tab. ``slug``: its name on the command line (``--tab``), the
    Spanish title in lower case without accents ("resumen", "linea-de-tiempo")."""

    slug: ClassVar[str] = ""
    changed = Signal()  # the page saved something: reload the case

    def __init__(self, env: CaseEnv, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.runner = runner
        self.detail: CaseDetail | None = None

    def title(self) -> str:
        raise NotImplementedError

    def show_detail(self, detail: CaseDetail) -> None:
        self.detail = detail

    def has_unsaved_changes(self) -> bool:
        return False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Re-set every text; called on a live language switch (and after building)."""
