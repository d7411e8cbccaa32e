"""Contacts edited on the Deudor page of an encrypted cache: queued, synced once, and a
refused edit shown in the conflicts dialog, where keeping the central version settles it."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.ui.case_pages import open_case_page, runner_idle, show_quiet_window
from tests.ui.conftest import WorkspaceFor
from vipdesk.services import auth, contacts, sync
from vipdesk.services.dto import ContactSave
from vipdesk.storage.uow import Database
from vipdesk.ui.application import GuiContext, MainWindow
from vipdesk.ui.case.debtor_page import DebtorPage
from vipdesk.workspace import Workspace

TIMEOUT_MS = 30_000
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def no_keychain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("keyring.get_keyring", fail.Keyring)  # a passphrase, as in the field


@pytest.fixture
def workspace(workspace_for: WorkspaceFor) -> Workspace:
    return workspace_for("ejecutivo1")


def _sync(qtbot: QtBot, window: MainWindow) -> None:
    assert window.sync_panel is not None
    with qtbot.waitSignal(window.sync_panel.synced, timeout=TIMEOUT_MS):
        window.sync_action.trigger()
    qtbot.waitUntil(window.is_settled, timeout=TIMEOUT_MS)


def test_a_contact_added_offline_syncs_and_a_refused_edit_is_a_conflict(
    qtbot: QtBot, gui_context: GuiContext, workspace: Workspace, demo_database: Database
) -> None:
    window = show_quiet_window(qtbot, gui_context, workspace.actor, workspace, TIMEOUT_MS)
    case_id = window.model.case_id(0)
    assert case_id is not None
    tab = open_case_page(qtbot, window, "deudor", case=case_id, timeout=TIMEOUT_MS)
    page = tab.page("deudor")
    assert isinstance(page, DebtorPage) and page.detail is not None
    debtor_id = page.detail.debtor_id

    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.contact_dialog
    assert dialog is not None
    dialog.kind.setCurrentIndex(dialog.kind.findData("email"))
    qtbot.keyClicks(dialog.value, "cobros@example.com")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    runner_idle(qtbot, tab, TIMEOUT_MS)
    [added] = [
        c
        for c in contacts.contacts_of(workspace.unit_of_work(), workspace.actor, debtor_id)
        if c.value == "cobros@example.com"
    ]
    boss = auth.sign_in(demo_database.unit_of_work(), "supervisor1")
    central = lambda: contacts.contacts_of(demo_database.unit_of_work(), boss, debtor_id)  # noqa: E731
    # Saving started a sync: the queued command reaches central, once however often it runs.
    qtbot.waitUntil(lambda: added.id in {c.id for c in central()}, timeout=TIMEOUT_MS)
    qtbot.waitUntil(window.is_settled, timeout=TIMEOUT_MS)
    _sync(qtbot, window)
    assert [c.id for c in central()].count(added.id) == 1
    assert sync.status(workspace.cache).pending == 0

    # Both change it: the supervisor centrally first, then the executive on the cache.
    seen: dict[str, Any] = {"seen_label": "", "seen_value": added.value, "seen_best_hours": ""}
    contacts.save_contact(
        demo_database.unit_of_work(),
        boss,
        ContactSave(
            debtor_id, added.id, "email", "Jurídico", "legal@example.com", False, "", **seen
        ),
    )
    contacts.save_contact(
        workspace.unit_of_work(),
        workspace.actor,
        ContactSave(
            debtor_id, added.id, "email", "Mío", "mio@example.com", False, "", id=uuid4(), **seen
        ),
    )
    _sync(qtbot, window)
    panel = window.sync_panel
    assert panel is not None and panel.conflicts_button.isVisible()
    panel.conflicts_button.click()
    conflicts = window.conflicts_dialog
    assert conflicts is not None
    qtbot.waitUntil(lambda: conflicts.loaded_once, timeout=TIMEOUT_MS)
    assert conflicts.conflict_list.count() == 1
    table = conflicts.fields_table
    assert table.rowCount() == len(contacts.COMPARED)
    values = {table.item(r, 1).text(): table.item(r, 2).text() for r in range(table.rowCount())}
    assert values["mio@example.com"] == "legal@example.com"
    with qtbot.waitSignal(conflicts.finished, timeout=TIMEOUT_MS):
        conflicts.use_theirs_button.click()
    qtbot.waitUntil(lambda: window.conflicts_dialog is None, timeout=TIMEOUT_MS)
    assert sync.status(workspace.cache).conflicts == 0
    mine = contacts.contact_info(workspace.unit_of_work(), workspace.actor, debtor_id, added.id)
    assert mine.value == "legal@example.com"
    window.close()
