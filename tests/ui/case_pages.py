"""Helpers the case-workspace tests share: opening a case on one of its pages the way users do,
waiting for a form to save, reading back what was stored, and windows on a workspace."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.processes import run_vipdesk
from vipdesk.services import cases
from vipdesk.services.dto import Actor, CaseDetail
from vipdesk.storage.uow import Database
from vipdesk.ui.case.tab import CaseTab
from vipdesk.ui.context import GuiContext
from vipdesk.ui.main_window import MainWindow
from vipdesk.workspace import Workspace

# How long a window, a tab or a dialog may take to load (re-exported by conftest.py).
LOAD_TIMEOUT_MS = 15_000


@dataclass
class OpenCase:
    """A case open in its tab: the window, who opened it and the database it was read from."""

    window: MainWindow
    me: Actor
    tab: CaseTab
    db: Database

    def stored(self) -> CaseDetail:
        """The case as the database has it now."""
        return stored(self.db, self.me, self.tab)


def open_case_page(
    qtbot: QtBot,
    window: MainWindow,
    slug: str | None = None,
    case: UUID | None = None,
    timeout: int = LOAD_TIMEOUT_MS,
) -> CaseTab:
    """Open a case and wait until its tab has loaded; then show the page ``slug``, if given.

    Without ``case``: the first row of the portfolio, selected and opened with Enter, as a
    keyboard user does, then the page chosen. With it: that case opened straight on the page
    ``slug`` (as the agenda and the ``--open-case`` option do)."""
    if case is None:
        window.table.setFocus()
        window.table.selectRow(0)
        qtbot.keyClick(window.table, Qt.Key.Key_Return)
        tab = window.tabs.currentWidget()
    else:
        tab = window.open_case(case, slug)
    assert isinstance(tab, CaseTab)
    qtbot.waitUntil(tab.is_settled, timeout=timeout)
    if case is None and slug is not None:
        assert tab.show_page(slug)
    return tab


def stored(db: Database, actor: Actor, tab: CaseTab) -> CaseDetail:
    """The case of ``tab`` as the database has it now."""
    return case_detail_of(db, actor, tab.case_id)


def case_detail_of(db: Database, actor: Actor, case_id: UUID) -> CaseDetail:
    return cases.case_detail(db.unit_of_work(), actor, case_id)


def closed(dialog: QWidget) -> bool:
    return not shiboken6.isValid(dialog) or not dialog.isVisible()  # deleted on close


def wait_saved(qtbot: QtBot, tab: CaseTab, dialog: QWidget) -> None:
    """The dialog closed (it saved) and the tab reloaded the case."""
    qtbot.waitUntil(lambda: closed(dialog), timeout=LOAD_TIMEOUT_MS)
    qtbot.waitUntil(tab.is_settled, timeout=LOAD_TIMEOUT_MS)


def runner_idle(qtbot: QtBot, tab: CaseTab, timeout: int = LOAD_TIMEOUT_MS) -> None:
    """Wait until the tab has no background call running (a save and its reload done)."""
    qtbot.waitUntil(lambda: not tab.runner.is_busy(), timeout=timeout)


def show_quiet_window(
    qtbot: QtBot,
    context: GuiContext,
    actor: Actor,
    workspace: Workspace | None = None,
    timeout: int = LOAD_TIMEOUT_MS,
) -> MainWindow:
    """A main window, shown and loaded, that asks nothing when it is closed after the test: a
    failed test may leave typed work behind, and a question nobody answers would hang the run."""
    window = MainWindow(context, actor, workspace=workspace)
    qtbot.addWidget(window, before_close_func=lambda w: setattr(w, "interactive", False))
    window.show()
    qtbot.waitUntil(window.is_settled, timeout=timeout)
    return window


def screenshot_case(
    png: Path, home: Path, db_url: str, case_number: str, *tab: str, user: str = "ejecutivo1"
) -> subprocess.CompletedProcess[str]:
    """``vipdesk --screenshot`` of one case opened by ``user`` (``*tab``: "--tab", slug)."""
    return run_vipdesk(
        "--screenshot", str(png), "--user", user, "--database", db_url,
        "--open-case", case_number, *tab, home=home,
    )  # fmt: skip


def assert_screenshot_taken(
    png: Path, home: Path, db_url: str, case_number: str, slug: str
) -> None:
    """``vipdesk --screenshot`` of the case on the page ``slug`` succeeds and writes the PNG."""
    done = screenshot_case(png, home, db_url, case_number, "--tab", slug)
    assert done.returncode == 0, done.stderr
    assert QImage(str(png)).width() == 1400
