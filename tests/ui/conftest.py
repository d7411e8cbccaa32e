"""Fixtures for the interface tests: a GuiContext on the demo portfolio, Spanish installed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.case_pages import LOAD_TIMEOUT_MS as LOAD_TIMEOUT_MS
from tests.ui.case_pages import OpenCase, open_case_page
from tests.ui.modals import stop_waiting
from vipdesk.config import resolve_settings
from vipdesk.services import auth
from vipdesk.services.dto import Actor
from vipdesk.storage.uow import Database
from vipdesk.ui import i18n
from vipdesk.ui.application import GuiContext, MainWindow
from vipdesk.workspace import Workspace, open_workspace

PASSPHRASE = "frase de prueba bastante larga"

# workspace_for(username) -> that user's workspace on an encrypted cache (the fixture below)
WorkspaceFor = Callable[[str], Workspace]


@pytest.fixture
def settings_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "ui-settings"
    folder.mkdir()
    return folder


@pytest.fixture
def gui_context(qtbot: QtBot, demo_database: Database, settings_dir: Path) -> GuiContext:
    # qtbot is requested first so that it is torn down last: windows close (and wait for their
    # background calls) before the database is disposed.
    return GuiContext(
        uow_factory=demo_database.unit_of_work,
        database_label="sqlite:///demo-tests.db",
        settings_dir=settings_dir,
    )


@pytest.fixture(autouse=True)
def spanish(qapp: object, settings_dir: Path) -> Iterator[None]:
    """Spanish is the default language; every test starts in it and leaves no translator."""
    assert i18n.apply_language(i18n.SPANISH, settings_dir) == i18n.SPANISH
    yield
    i18n.remove_translations()


@pytest.fixture
def actor_for(demo_database: Database) -> Callable[[str], Actor]:
    return lambda username: auth.sign_in(demo_database.unit_of_work(), username)


_OPENED: list[MainWindow] = []


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """A test that failed with typed work open must not hang on "discard your changes?"
    when pytest-qt closes its windows (which it does before fixtures are torn down)."""
    for window in _OPENED:
        window.interactive = False
    stop_waiting()
    yield


@pytest.fixture
def open_window(
    qtbot: QtBot, gui_context: GuiContext, actor_for: Callable[[str], Actor]
) -> Iterator[Callable[[str], MainWindow]]:
    opened: list[MainWindow] = []

    def open_as(username: str) -> MainWindow:
        window = MainWindow(gui_context, actor_for(username))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(window.is_settled, timeout=LOAD_TIMEOUT_MS)
        opened.append(window)
        _OPENED.append(window)
        return window

    yield open_as
    _OPENED.clear()


@pytest.fixture
def first_case(
    qtbot: QtBot,
    open_window: Callable[[str], MainWindow],
    demo_database: Database,
    actor_for: Callable[[str], Actor],
) -> OpenCase:
    """ejecutivo1's window with the first case of the portfolio open (Enter on its row)."""
    window = open_window("ejecutivo1")
    tab = open_case_page(qtbot, window)
    return OpenCase(window, actor_for("ejecutivo1"), tab, demo_database)


@pytest.fixture
def workspace_for(
    qtbot: QtBot, demo_database: Database, vipdesk_home: Path, demo_db_url: str
) -> Iterator[WorkspaceFor]:
    """``workspace_for(username)``: that user's workspace on the demo database, its cache
    encrypted with a passphrase; closed after the test (qtbot first: windows close before)."""
    settings = resolve_settings({"VIPDESK_HOME": str(vipdesk_home)}, database=demo_db_url)
    opened: list[Workspace] = []

    def open_as(username: str) -> Workspace:
        workspace = open_workspace(settings, demo_database, username, lambda creating: PASSPHRASE)
        opened.append(workspace)
        return workspace

    yield open_as
    for workspace in opened:
        workspace.close()
