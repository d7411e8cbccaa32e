"""Related parties on the Deudor page, through the widgets: adding a guarantor in the dialog,
messages under the invalid fields, editing (Enter or double-click), removing after a question,
cancelling typed work only after asking; and on an encrypted cache, an edit refused by the
central database shown in the conflicts dialog with the roles translated."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast
from uuid import UUID, uuid4

import pytest
import shiboken6
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.case_pages import OpenCase, open_case_page, runner_idle, show_quiet_window
from tests.ui.conftest import WorkspaceFor
from tests.ui.modals import when_shown
from vipdesk.services import auth, related_parties, sync
from vipdesk.services.dto import Actor, PartySave, RelatedPartyInfo
from vipdesk.storage.uow import Database
from vipdesk.ui.application import GuiContext
from vipdesk.ui.case.debtor_models import role_label
from vipdesk.ui.case.debtor_page import DebtorPage
from vipdesk.ui.case.parties_box import PartiesBox
from vipdesk.ui.case.party_dialog import PartyDialog
from vipdesk.ui.main_window import MainWindow

TIMEOUT_MS = 30_000
# Message boxes and dialogs on the offscreen platform say this; it is harmless.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def window(qtbot: QtBot, gui_context: GuiContext, actor_for: Callable[[str], Actor]) -> MainWindow:
    return show_quiet_window(qtbot, gui_context, actor_for("ejecutivo1"))


@pytest.fixture
def debtor(
    qtbot: QtBot, window: MainWindow, demo_database: Database, actor_for: Callable[[str], Actor]
) -> tuple[OpenCase, DebtorPage]:
    """The first case of ejecutivo1's portfolio (a Guatemalan debtor) on its Deudor page."""
    tab = open_case_page(qtbot, window, "deudor")
    page = tab.page("deudor")
    assert isinstance(page, DebtorPage)
    qtbot.waitUntil(lambda: page.identity.info is not None and not tab.runner.is_busy())
    return OpenCase(window, actor_for("ejecutivo1"), tab, demo_database), page


def _stored(case: OpenCase, page: DebtorPage) -> list[RelatedPartyInfo]:
    assert page.detail is not None
    return related_parties.parties_of(case.db.unit_of_work(), case.me, page.detail.debtor_id)


def _dialog(qtbot: QtBot, box: PartiesBox) -> PartyDialog:
    qtbot.waitUntil(lambda: box.dialog is not None and box.dialog.isVisible())
    assert box.dialog is not None
    return box.dialog


def _save(qtbot: QtBot, dialog: PartyDialog) -> None:
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)


def _row_of(box: PartiesBox, party_id: UUID) -> int:
    model = box.model
    return next(r for r in range(model.rowCount()) if model.row_at(r).id == party_id)


def _press(button: QMessageBox.StandardButton) -> Callable[[QWidget], None]:
    return lambda box: cast(QMessageBox, box).button(button).click()


def _is_box(widget: QWidget) -> bool:
    return isinstance(widget, QMessageBox)


def _add_stored_party(case: OpenCase, page: DebtorPage, **fields: Any) -> RelatedPartyInfo:
    """A party saved through the service, then the case reloaded (as after any save)."""
    assert page.detail is not None
    values: dict[str, Any] = {"role": "guarantor", "name": "Ana <b>Pérez</b>",
                              "phone": "+502 5555-1234", **fields}  # fmt: skip
    command = PartySave(page.detail.debtor_id, uuid4(), **values)
    related_parties.save_party(case.db.unit_of_work(), case.me, command)
    case.tab.reload()
    return related_parties.party_info(
        case.db.unit_of_work(), case.me, page.detail.debtor_id, command.party_id
    )


def test_adding_a_guarantor_by_typing_into_the_dialog(
    qtbot: QtBot, debtor: tuple[OpenCase, DebtorPage]
) -> None:
    case, page = debtor
    box = page.parties_box
    before = _stored(case, page)
    assert box.model.rowCount() == len(before)
    assert not box.edit_button.isEnabled() and not box.remove_button.isEnabled()

    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(qtbot, box)
    assert dialog.role.currentData() == "guarantor"
    assert dialog.focusWidget() is dialog.role
    dialog.name.setFocus()
    qtbot.keyClicks(dialog.name, "Ana <b>Lucia</b> ")
    dialog.name.insert("Núñez 🌵")  # as an input method (or a paste) enters it
    qtbot.keyClicks(dialog.capacity, "Fiadora solidaria")
    qtbot.keyClicks(dialog.tax_id, "576937k")
    qtbot.keyClicks(dialog.id_document, "2345 67891 0101")
    qtbot.keyClicks(dialog.phone, "+502 5555-1234")
    qtbot.keyClicks(dialog.email, "ana.nunez@example.com")
    assert page.has_unsaved_changes()
    _save(qtbot, dialog)
    runner_idle(qtbot, case.tab)

    after = _stored(case, page)
    [added] = [p for p in after if p not in before]
    assert (added.role, added.name, added.capacity, added.tax_id, added.id_document) == (
        "guarantor", "Ana <b>Lucia</b> Núñez 🌵", "Fiadora solidaria", "576937-K",
        "2345678910101",
    )  # fmt: skip
    assert (added.phone, added.email) == ("+502 5555-1234", "ana.nunez@example.com")
    # The tab reloaded the case: the table shows it, markup as text.
    row = _row_of(box, added.id)
    assert box.model.rowCount() == len(after)
    assert box.model.index(row, 0).data() == role_label("guarantor")
    assert box.model.index(row, 1).data() == "Ana <b>Lucia</b> Núñez 🌵"
    assert box.model.index(row, 3).data() == "576937-K"
    assert not page.has_unsaved_changes()


def test_invalid_fields_show_a_message_under_them_and_nothing_is_saved(
    qtbot: QtBot, debtor: tuple[OpenCase, DebtorPage]
) -> None:
    case, page = debtor
    box = page.parties_box
    before = _stored(case, page)
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(qtbot, box)
    qtbot.keyClicks(dialog.name, "Luis Ortiz")
    qtbot.keyClicks(dialog.email, "luis@")
    assert not dialog.errors.message("email")  # not judged before the first Save
    _save(qtbot, dialog)
    assert dialog.isVisible() and dialog.errors.message("email")
    assert dialog.email.property("invalid") is True
    assert dialog.email.accessibleDescription() == dialog.errors.message("email")
    assert not dialog.errors.message("name")
    assert dialog.focusWidget() is dialog.email  # where the user fixes it
    assert _stored(case, page) == before

    # A Mexican RFC for a Guatemalan debtor, and a name taken away: every message at once.
    qtbot.keyClicks(dialog.tax_id, "GOMJ850101AB1")
    dialog.name.clear()
    assert dialog.errors.message("tax_id") and dialog.errors.message("name")
    _save(qtbot, dialog)
    assert dialog.isVisible() and dialog.focusWidget() is dialog.name
    assert _stored(case, page) == before

    # Fixed as they are typed: the messages go away.
    qtbot.keyClicks(dialog.name, "Luis Ortiz")
    dialog.tax_id.clear()
    qtbot.keyClicks(dialog.email, "example.com")
    assert not any(dialog.errors.message(f) for f in ("name", "tax_id", "email"))
    assert dialog.email.property("invalid") is False
    _save(qtbot, dialog)
    runner_idle(qtbot, case.tab)
    assert [p.email for p in _stored(case, page) if p not in before] == ["luis@example.com"]


def test_editing_a_party_with_enter_or_a_double_click(
    qtbot: QtBot, debtor: tuple[OpenCase, DebtorPage]
) -> None:
    case, page = debtor
    box = page.parties_box
    party = _add_stored_party(case, page)
    runner_idle(qtbot, case.tab)
    view = box.view
    view.setFocus()
    view.selectRow(_row_of(box, party.id))
    assert box.edit_button.isEnabled() and box.remove_button.isEnabled()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    dialog = _dialog(qtbot, box)
    assert dialog.windowTitle() != "" and dialog.name.text() == "Ana <b>Pérez</b>"
    assert dialog.focusWidget() is dialog.name
    assert not dialog.has_unsaved_changes()
    dialog.role.setCurrentIndex(dialog.role.findData("co_debtor"))
    qtbot.keyClicks(dialog.capacity, "Codeudora")
    _save(qtbot, dialog)
    runner_idle(qtbot, case.tab)
    assert page.detail is not None
    edited = related_parties.party_info(
        case.db.unit_of_work(), case.me, page.detail.debtor_id, party.id
    )
    assert (edited.role, edited.capacity, edited.name) == ("co_debtor", "Codeudora", party.name)

    # A double-click opens it too, filled in with what is stored now.
    index = box.model.index(_row_of(box, party.id), 1)
    view.scrollTo(index)
    # A real double-click is a press and a release, then the double-click event.
    where = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    dialog = _dialog(qtbot, box)
    assert (dialog.role.currentData(), dialog.capacity.text()) == ("co_debtor", "Codeudora")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing typed: closes without asking
    qtbot.waitUntil(lambda: box.dialog is None)


def test_removing_a_party_asks_first(qtbot: QtBot, debtor: tuple[OpenCase, DebtorPage]) -> None:
    case, page = debtor
    box = page.parties_box
    party = _add_stored_party(case, page, name="Pedro <i>Gil</i>")
    runner_idle(qtbot, case.tab)
    box.view.selectRow(_row_of(box, party.id))
    asked: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> Callable[[QWidget], None]:
        def act(widget: QWidget) -> None:
            message = cast(QMessageBox, widget)
            assert message.textFormat() == Qt.TextFormat.PlainText
            asked.append(message.text())
            message.button(button).click()

        return act

    timer = when_shown(_is_box, answer(QMessageBox.StandardButton.Cancel))
    qtbot.mouseClick(box.remove_button, Qt.MouseButton.LeftButton)
    timer.stop()
    runner_idle(qtbot, case.tab)
    assert "Pedro <i>Gil</i>" in asked[0]  # the markup shown as the text it is
    assert party in _stored(case, page)

    timer = when_shown(_is_box, answer(QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(box.remove_button, Qt.MouseButton.LeftButton)
    timer.stop()
    runner_idle(qtbot, case.tab)
    after = _stored(case, page)
    assert party.id not in {p.id for p in after}
    assert box.model.rowCount() == len(after)


def test_cancelling_typed_work_asks_first(
    qtbot: QtBot, debtor: tuple[OpenCase, DebtorPage]
) -> None:
    case, page = debtor
    box = page.parties_box
    before = _stored(case, page)
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(qtbot, box)
    qtbot.keyClicks(dialog.name, "Marta Rivas")
    assert page.has_unsaved_changes() and case.tab.has_unsaved_changes()

    timer = when_shown(_is_box, _press(QMessageBox.StandardButton.Cancel))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    timer.stop()
    assert dialog.isVisible() and dialog.name.text() == "Marta Rivas"  # kept

    timer = when_shown(_is_box, _press(QMessageBox.StandardButton.Discard))
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    timer.stop()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    assert box.dialog is None or not box.dialog.isVisible()
    assert not page.has_unsaved_changes()
    assert _stored(case, page) == before


def test_every_control_of_the_dialog_is_named_and_roles_are_translated(
    qtbot: QtBot, debtor: tuple[OpenCase, DebtorPage]
) -> None:
    _case, page = debtor
    box = page.parties_box
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(qtbot, box)
    for name, widget in dialog.inputs.items():
        assert widget.accessibleName(), name
        assert dialog.captions[name].buddy() is widget
    texts = [dialog.role.itemText(i) for i in range(dialog.role.count())]
    assert texts == [role_label(code) for code in related_parties.ROLES]
    assert "guarantor" not in texts  # Spanish labels, not codes
    assert dialog.tax_id.placeholderText()  # the NIT's example, for a Guatemalan debtor
    assert box.view.accessibleName()
    for button in (box.add_button, box.edit_button, box.remove_button):
        assert button.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)


# -- on an encrypted cache -----------------------------------------------------------------


@pytest.fixture
def offline_keychain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("keyring.get_keyring", fail.Keyring)  # a passphrase, as in the field


def _sync(qtbot: QtBot, window: MainWindow) -> None:
    assert window.sync_panel is not None
    with qtbot.waitSignal(window.sync_panel.synced, timeout=TIMEOUT_MS):
        window.sync_action.trigger()
    qtbot.waitUntil(window.is_settled, timeout=TIMEOUT_MS)


@pytest.mark.usefixtures("offline_keychain")
def test_a_party_added_on_the_cache_syncs_and_a_refused_edit_is_a_conflict(
    qtbot: QtBot, gui_context: GuiContext, workspace_for: WorkspaceFor, demo_database: Database
) -> None:
    workspace = workspace_for("ejecutivo1")
    window = show_quiet_window(qtbot, gui_context, workspace.actor, workspace, TIMEOUT_MS)
    case_id = window.model.case_id(0)
    assert case_id is not None
    tab = open_case_page(qtbot, window, "deudor", case=case_id, timeout=TIMEOUT_MS)
    page = tab.page("deudor")
    assert isinstance(page, DebtorPage) and page.detail is not None
    debtor_id = page.detail.debtor_id

    qtbot.mouseClick(page.parties_box.add_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(qtbot, page.parties_box)
    qtbot.keyClicks(dialog.name, "Rosa Chacon")
    qtbot.keyClicks(dialog.phone, "+502 4444-5555")
    _save(qtbot, dialog)
    runner_idle(qtbot, tab, TIMEOUT_MS)
    [added] = [
        p
        for p in related_parties.parties_of(workspace.unit_of_work(), workspace.actor, debtor_id)
        if p.name == "Rosa Chacon"
    ]
    boss = auth.sign_in(demo_database.unit_of_work(), "supervisor1")

    def central() -> list[RelatedPartyInfo]:
        return related_parties.parties_of(demo_database.unit_of_work(), boss, debtor_id)

    # Saving started a sync: the queued command reaches central, once however often it runs.
    qtbot.waitUntil(lambda: added.id in {p.id for p in central()}, timeout=TIMEOUT_MS)
    qtbot.waitUntil(window.is_settled, timeout=TIMEOUT_MS)
    _sync(qtbot, window)
    assert [p.id for p in central()].count(added.id) == 1
    assert sync.status(workspace.cache).pending == 0

    # Both change it: the supervisor centrally first, then the executive on the cache.
    seen = {f"seen_{f}": getattr(added, f) for f in related_parties.COMPARED}
    related_parties.save_party(
        demo_database.unit_of_work(), boss,
        PartySave(debtor_id, added.id, "co_debtor", "Rosa Chacón", phone=added.phone, **seen),
    )  # fmt: skip
    related_parties.save_party(
        workspace.unit_of_work(), workspace.actor,
        PartySave(debtor_id, added.id, "guarantor", "Rosa Chacon", phone="+502 4444-0000",
                  id=uuid4(), **seen),
    )  # fmt: skip
    _sync(qtbot, window)
    panel = window.sync_panel
    assert panel is not None and panel.conflicts_button.isVisible()
    panel.conflicts_button.click()
    conflicts = window.conflicts_dialog
    assert conflicts is not None
    qtbot.waitUntil(lambda: conflicts.loaded_once, timeout=TIMEOUT_MS)
    assert conflicts.conflict_list.count() == 1
    assert conflicts.heading.text() and conflicts.heading.text() != "party.save"
    table = conflicts.fields_table
    assert table.rowCount() == len(related_parties.COMPARED)
    rows = {table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text())
            for r in range(table.rowCount())}  # fmt: skip
    # The role as a person reads it, not its code; each field's label translated.
    assert (role_label("guarantor"), role_label("co_debtor")) in rows.values()
    assert ("+502 4444-0000", "+502 4444-5555") in rows.values()
    assert not {"role", "phone", "name"} & set(rows)
    with qtbot.waitSignal(conflicts.finished, timeout=TIMEOUT_MS):
        conflicts.use_theirs_button.click()
    qtbot.waitUntil(lambda: window.conflicts_dialog is None, timeout=TIMEOUT_MS)
    assert sync.status(workspace.cache).conflicts == 0
    mine = related_parties.party_info(
        workspace.unit_of_work(), workspace.actor, debtor_id, added.id
    )
    assert (mine.role, mine.name) == ("co_debtor", "Rosa Chacón")
    window.close()
