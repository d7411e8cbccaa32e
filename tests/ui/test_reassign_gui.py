"""A supervisor reassigns a case from the portfolio: on their encrypted cache (the change waits
for sync, then reaches the central database) or directly on the central database. Executives
never get the action."""

from __future__ import annotations

import socket
from collections.abc import Callable
from typing import Any
from uuid import UUID

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, select, update

from vipdesk.services import assignments, auth
from vipdesk.services.dto import ReassignCase, SortKey
from vipdesk.storage.models import Case, User
from vipdesk.storage.uow import Database
from vipdesk.ui.application import GuiContext, MainWindow
from vipdesk.ui.portfolio_model import COLUMN_OF
from vipdesk.ui.reassign_dialog import USERNAME_ROLE, ReassignDialog
from vipdesk.ui.sync_panel import SyncPanel
from vipdesk.workspace import Workspace

from .conftest import LOAD_TIMEOUT_MS, WorkspaceFor

OpenWindow = Callable[[str], MainWindow]


@pytest.fixture
def supervisor_workspace(workspace_for: WorkspaceFor) -> Workspace:
    return workspace_for("supervisor1")


def _executive_of(central: Database, case_id: UUID) -> str:
    with central.unit_of_work() as uow:
        query = select(User.username).join(Case, Case.executive_id == User.id)
        return uow.session.scalars(query.where(Case.id == case_id)).one()


def _row_of(window: MainWindow, executive_name: str) -> int:
    """The first row of the portfolio whose case is with ``executive_name``."""
    for row in range(window.model.rowCount()):
        line = window.model.row_at(row)
        if line is not None and line.executive_name == executive_name:
            return row
    raise AssertionError(f"no case of {executive_name} in the portfolio")


def _click_row(qtbot: QtBot, window: MainWindow, row: int, button: Any = None) -> QPoint:
    index = window.model.index(row, 0)
    window.table.scrollTo(index)
    position = window.table.visualRect(index).center()
    qtbot.mouseClick(window.table.viewport(), button or Qt.MouseButton.LeftButton, pos=position)
    return position


def _shown_executive(window: MainWindow, number: str) -> str:
    row = window.model.case_numbers().index(number)
    return str(window.model.index(row, COLUMN_OF[SortKey.EXECUTIVE]).data())


def _click_executive(qtbot: QtBot, dialog: ReassignDialog, username: str) -> None:
    listed = dialog.executive_list
    for row in range(listed.count()):
        item = listed.item(row)
        if item.data(USERNAME_ROLE) == username:
            center = listed.visualItemRect(item).center()
            qtbot.mouseClick(listed.viewport(), Qt.MouseButton.LeftButton, pos=center)
            return
    raise AssertionError(f"{username} is not offered")


def _opened_dialog(qtbot: QtBot, window: MainWindow) -> ReassignDialog:
    dialog = window.reassign_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.team is not None, timeout=LOAD_TIMEOUT_MS)
    return dialog


def _unreachable() -> Database:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    return Database(
        create_engine(
            f"postgresql+psycopg://x@127.0.0.1:{port}/x", connect_args={"connect_timeout": 2}
        )
    )


def _settled_window(
    qtbot: QtBot, context: GuiContext, workspace: Workspace
) -> tuple[MainWindow, SyncPanel]:
    """The supervisor's window on the cache, loaded and past its first sync."""
    window = MainWindow(context, workspace.actor, workspace=workspace)
    qtbot.addWidget(window)
    window.show()
    panel = window.sync_panel
    assert panel is not None
    qtbot.waitUntil(lambda: window.is_settled() and not panel.syncing, timeout=LOAD_TIMEOUT_MS)
    return window, panel


def test_a_supervisor_reassigns_a_case_on_the_cache_and_sync_takes_it_centrally(
    qtbot: QtBot, gui_context: GuiContext, supervisor_workspace: Workspace,
    demo_database: Database,
) -> None:  # fmt: skip
    workspace = supervisor_workspace
    window, panel = _settled_window(qtbot, gui_context, workspace)
    try:
        reachable, workspace.central = workspace.central, _unreachable()
        _click_row(qtbot, window, _row_of(window, "Ana Lucía Morales"))
        assert window.reassign_action.isEnabled()
        number = window.selected_case_number()
        case_id = window.selected_case_id()
        assert number is not None and case_id is not None
        # The keyboard shortcut, as a supervisor working the list would.
        window.activateWindow()
        window.table.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.table)
        qtbot.keyClick(window.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
        dialog = _opened_dialog(qtbot, window)
        assert dialog.case_value.text().startswith(f"{number} · ")
        assert dialog.current_value.text() == "Ana Lucía Morales"
        assert not dialog.ok_button.isEnabled()  # nobody chosen yet
        _click_executive(qtbot, dialog, "ejecutivo1")  # the one who has it: not a choice
        assert not dialog.ok_button.isEnabled()
        _click_executive(qtbot, dialog, "ejecutivo2")
        assert dialog.ok_button.isEnabled()
        with qtbot.waitSignal(panel.synced, timeout=LOAD_TIMEOUT_MS):  # offline, this time
            qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.reassign_dialog is None, timeout=LOAD_TIMEOUT_MS)
        qtbot.waitUntil(window.is_settled, timeout=LOAD_TIMEOUT_MS)
        # Still in the supervisor's portfolio, with its new executive; one change waiting.
        assert _shown_executive(window, number) == "Carlos Enrique Pérez"
        assert panel.pending == 1
        assert panel.label.text() == "Sin conexión · 1 cambio en espera"
        assert _executive_of(demo_database, case_id) == "ejecutivo1"

        workspace.central.dispose()
        workspace.central = reachable
        with qtbot.waitSignal(panel.synced, timeout=LOAD_TIMEOUT_MS):
            window.sync_action.trigger()
        qtbot.waitUntil(window.is_settled, timeout=LOAD_TIMEOUT_MS)
        assert panel.pending == 0 and panel.conflicts == 0
        assert _executive_of(demo_database, case_id) == "ejecutivo2"
        assert _shown_executive(window, number) == "Carlos Enrique Pérez"
    finally:
        window.close()


def test_on_the_central_database_typing_a_name_and_enter_reassign_at_once(
    qtbot: QtBot, open_window: OpenWindow, demo_database: Database
) -> None:
    window = open_window("supervisor1")
    _click_row(qtbot, window, _row_of(window, "Carlos Enrique Pérez"))
    number, case_id = window.selected_case_number(), window.selected_case_id()
    assert number is not None and case_id is not None
    window.reassign_action.trigger()
    dialog = _opened_dialog(qtbot, window)
    assert dialog.executive_list.hasFocus()
    qtbot.keyClicks(dialog.executive_list, "Ana")  # jumps to "Ana Lucía Morales"
    assert dialog.chosen() == "ejecutivo1"
    with qtbot.waitSignal(dialog.finished, timeout=LOAD_TIMEOUT_MS):
        qtbot.keyClick(dialog.executive_list, Qt.Key.Key_Return)
    qtbot.waitUntil(window.is_settled, timeout=LOAD_TIMEOUT_MS)
    assert _executive_of(demo_database, case_id) == "ejecutivo1"
    assert _shown_executive(window, number) == "Ana Lucía Morales"


def test_a_refusal_is_shown_in_the_dialog_and_nothing_is_stored(
    qtbot: QtBot, open_window: OpenWindow, demo_database: Database
) -> None:
    window = open_window("supervisor1")
    _click_row(qtbot, window, _row_of(window, "Ana Lucía Morales"))
    case_id = window.selected_case_id()
    assert case_id is not None
    window.reassign_action.trigger()
    dialog = _opened_dialog(qtbot, window)
    _click_executive(qtbot, dialog, "ejecutivo2")
    with demo_database.unit_of_work() as uow:  # meanwhile: Carlos leaves the company
        uow.session.execute(update(User).where(User.username == "ejecutivo2").values(active=False))
        uow.commit()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=LOAD_TIMEOUT_MS)
    expected = QCoreApplication.translate("errors", "Choose an executive of the case's team")
    assert dialog.error_label.text() == expected
    assert dialog.isVisible() and not dialog.busy
    assert _executive_of(demo_database, case_id) == "ejecutivo1"
    dialog.cancel_button.click()
    assert window.reassign_dialog is None


# A popup menu, offscreen:
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")
def test_the_context_menu_offers_reassigning_the_clicked_case(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    window = open_window("supervisor1")
    assert window._case_menu.menuAction().isVisible()
    assert not window.reassign_action.isEnabled()  # nothing selected yet
    # A right click selects the row under the pointer; the window system then asks for the
    # context menu there (QTest does not synthesise that part).
    row = _row_of(window, "Ana Lucía Morales")
    position = _click_row(qtbot, window, row, Qt.MouseButton.RightButton)
    viewport = window.table.viewport()
    QApplication.sendEvent(
        viewport,
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, position, viewport.mapToGlobal(position)),
    )
    menu = window.table.findChild(QMenu, "caseContextMenu")
    assert window.selected_case_number() == window.model.case_number(row)
    assert menu is not None and window.reassign_action in menu.actions()
    assert window.reassign_action.isEnabled()
    menu.close()


@pytest.mark.parametrize("username", ["ejecutivo1", "juridico1", "admin1"])
def test_only_supervisors_get_the_action(
    qtbot: QtBot, open_window: OpenWindow, username: str
) -> None:
    window = open_window(username)
    if window.model.rowCount():
        _click_row(qtbot, window, 0)
        assert window.selected_case_id() is not None
    assert not window.reassign_action.isEnabled()
    assert not window._case_menu.menuAction().isVisible()
    assert window.reassign_selected_case() is None
    assert window.table.contextMenuPolicy() != Qt.ContextMenuPolicy.CustomContextMenu


def test_a_reassignment_over_someone_elses_is_settled_in_the_conflicts_dialog(
    qtbot: QtBot, gui_context: GuiContext, supervisor_workspace: Workspace,
    demo_database: Database,
) -> None:  # fmt: skip
    workspace = supervisor_workspace
    window, panel = _settled_window(qtbot, gui_context, workspace)
    try:
        row = _row_of(window, "Ana Lucía Morales")
        case_id, number = window.model.case_id(row), window.model.case_number(row)
        assert case_id is not None
        workspace.reassign(case_id, "ejecutivo2", "ejecutivo1")
        # Meanwhile, on the central database, the case went to a newly hired executive.
        with demo_database.unit_of_work() as uow:
            team = uow.session.scalars(select(Case.team_id).where(Case.id == case_id)).one()
            uow.session.add(User(username="ejecutivo4", full_name="Lucía Fernanda Ajú",
                                 role="executive", team_id=team))  # fmt: skip
            uow.commit()
        boss = auth.sign_in(demo_database.unit_of_work(), "supervisor1")
        command = ReassignCase(case_id, "ejecutivo4")
        assignments.reassign_case(demo_database.unit_of_work(), boss, command)
        with qtbot.waitSignal(panel.synced, timeout=LOAD_TIMEOUT_MS):
            window.sync_action.trigger()
        assert panel.conflicts == 1
        dialog = window.show_conflicts()
        assert dialog is not None
        qtbot.waitUntil(lambda: dialog.loaded_once, timeout=LOAD_TIMEOUT_MS)
        title = QCoreApplication.translate("ConflictsDialog", "Case reassignment")
        assert dialog.conflict_list.item(0).text().startswith(title)
        table = dialog.fields_table
        assert table.item(0, 0).text() == QCoreApplication.translate("ConflictsDialog", "Executive")
        assert (table.item(0, 1).text(), table.item(0, 2).text()) == (
            "Carlos Enrique Pérez", "Lucía Fernanda Ajú",
        )  # fmt: skip
        with qtbot.waitSignal(dialog.finished, timeout=LOAD_TIMEOUT_MS):
            dialog.use_theirs_button.click()
        qtbot.waitUntil(lambda: window.conflicts_dialog is None, timeout=LOAD_TIMEOUT_MS)
        qtbot.waitUntil(lambda: window.is_settled() and not panel.syncing, timeout=LOAD_TIMEOUT_MS)
        assert (panel.pending, panel.conflicts) == (0, 0)
        assert _executive_of(demo_database, case_id) == "ejecutivo4"
        assert _shown_executive(window, number) == "Lucía Fernanda Ajú"
    finally:
        window.close()
