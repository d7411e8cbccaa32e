"""Help → Keyboard shortcuts (F1): read from the window's actions, per role, closed by Esc."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import LOAD_TIMEOUT_MS, WorkspaceFor
from vipdesk.ui.application import GuiContext
from vipdesk.ui.main_window import MainWindow
from vipdesk.ui.shortcuts_dialog import ShortcutsDialog, ShortcutsHelp, install_shortcuts_help
from vipdesk.workspace import Workspace


def _keys(text: str) -> str:
    # As the dialog writes them, in the language of the moment ("Control+F" in Spanish).
    return QKeySequence(text).toString(QKeySequence.SequenceFormat.NativeText)


def _open_dialog(qtbot: QtBot, window: MainWindow) -> ShortcutsDialog:
    help_ = install_shortcuts_help(window)
    assert install_shortcuts_help(window) is help_  # once, however often it is called
    assert help_.action in window._help_menu.actions()
    window.activateWindow()
    window.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=LOAD_TIMEOUT_MS)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F1)
    dialog = help_.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=LOAD_TIMEOUT_MS)
    return dialog


def _listed(dialog: ShortcutsDialog) -> set[str]:
    """Every key text in the dialog's tree, one entry per sequence."""
    tree, found = dialog.tree, set()
    for g in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(g)
        for c in range(group.childCount()):
            found.update(group.child(c).text(1).split(", "))
    return found


def _shown_to(qtbot: QtBot, window: MainWindow) -> tuple[MainWindow, ShortcutsDialog, set[str]]:
    """F1 on the window: the window, the dialog and every key text it lists."""
    dialog = _open_dialog(qtbot, window)
    return window, dialog, _listed(dialog)


def test_an_executive_sees_the_window_shortcuts_and_esc_closes(
    qtbot: QtBot, open_window: Callable[[str], MainWindow]
) -> None:
    window, dialog, listed = _shown_to(qtbot, open_window("ejecutivo1"))
    for keys in ("Ctrl+F", "Ctrl+W", "Ctrl+Q", "F1"):
        assert _keys(keys) in listed
    assert _keys("Ctrl+R") not in listed  # reassigning is a supervisor's
    assert _keys("F5") not in listed  # no workspace, nothing to synchronize
    groups = dialog.shortcuts()
    window_group = QCoreApplication.translate("ShortcutsDialog", "Window")
    find = next(s for s in groups[window_group] if s.keys == _keys("Ctrl+F"))
    assert find.text == window.find_action.text().replace("&", "")
    assert dialog.tree.topLevelItemCount() == len(groups)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=LOAD_TIMEOUT_MS)


def test_a_supervisor_also_sees_reassign(
    qtbot: QtBot, open_window: Callable[[str], MainWindow]
) -> None:
    window, dialog, listed = _shown_to(qtbot, open_window("supervisor1"))
    assert _keys("Ctrl+R") in listed
    reassign = [s for shortcuts in dialog.shortcuts().values() for s in shortcuts
                if s.keys == _keys("Ctrl+R")]  # fmt: skip
    assert [s.text for s in reassign] == [
        window.reassign_action.text().replace("&", "").removesuffix("…")
    ]
    dialog.reject()


@pytest.fixture
def workspace(workspace_for: WorkspaceFor) -> Workspace:
    return workspace_for("ejecutivo1")


def test_with_a_workspace_f5_synchronizes(
    qtbot: QtBot, gui_context: GuiContext, workspace: Workspace
) -> None:
    window = MainWindow(gui_context, workspace.actor, workspace=workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.is_settled, timeout=30_000)
    dialog = _open_dialog(qtbot, window)
    assert _keys("F5") in _listed(dialog)
    assert window.findChild(ShortcutsHelp) is not None
    dialog.close()
