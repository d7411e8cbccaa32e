"""The sign-in dialog, used the way a person uses it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from vipdesk.services import auth
from vipdesk.storage.uow import Database
from vipdesk.ui.application import GuiContext, SignInDialog
from vipdesk.ui.signin import USERNAME_ROLE

TIMEOUT_MS = 10_000


def _dialog(qtbot: QtBot, context: GuiContext) -> SignInDialog:
    dialog = SignInDialog(context.uow_factory)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _wait_for_users(qtbot: QtBot, dialog: SignInDialog, expected: int) -> None:
    qtbot.waitUntil(lambda: dialog.user_list.count() == expected, timeout=TIMEOUT_MS)


def test_lists_the_demo_users_with_translated_roles_and_teams(
    qtbot: QtBot, gui_context: GuiContext, demo_database: Database
) -> None:
    users = auth.list_users(demo_database.unit_of_work())
    dialog = _dialog(qtbot, gui_context)
    assert dialog.windowTitle() == "Iniciar sesión — VIP Desk"
    _wait_for_users(qtbot, dialog, len(users))

    assert not dialog.status_label.isVisible()  # "Cargando…" is gone
    texts = [dialog.user_list.item(row).text() for row in range(dialog.user_list.count())]
    assert [dialog.user_list.item(r).data(USERNAME_ROLE) for r in range(len(users))] == [
        u.username for u in users
    ]
    ana = next(t for t in texts if t.endswith("ejecutivo1"))
    assert "Ana Lucía Morales" in ana
    assert "Ejecutivo" in ana
    assert "Cartera VIP Guatemala" in ana
    assert any("Jurídico" in t for t in texts)
    assert dialog.sign_in_button.text() == "Entrar"
    assert dialog.cancel_button.text() == "Cancelar"


def test_click_a_user_then_entrar_signs_in(qtbot: QtBot, gui_context: GuiContext) -> None:
    dialog = _dialog(qtbot, gui_context)
    qtbot.waitUntil(lambda: dialog.user_list.count() > 0, timeout=TIMEOUT_MS)
    row = next(
        r
        for r in range(dialog.user_list.count())
        if dialog.user_list.item(r).data(USERNAME_ROLE) == "ejecutivo1"
    )
    rect = dialog.user_list.visualItemRect(dialog.user_list.item(row))
    qtbot.mouseClick(dialog.user_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.user_field.text() == "ejecutivo1"

    with qtbot.waitSignal(dialog.accepted, timeout=TIMEOUT_MS):
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert dialog.actor is not None
    assert dialog.actor.username == "ejecutivo1"
    assert dialog.actor.full_name == "Ana Lucía Morales"


def test_typing_filters_arrows_choose_and_enter_signs_in(
    qtbot: QtBot, gui_context: GuiContext
) -> None:
    dialog = _dialog(qtbot, gui_context)
    qtbot.waitUntil(lambda: dialog.user_list.count() > 0, timeout=TIMEOUT_MS)
    dialog.user_field.setFocus()

    qtbot.keyClicks(dialog.user_field, "super")
    visible = [
        dialog.user_list.item(r).data(USERNAME_ROLE)
        for r in range(dialog.user_list.count())
        if not dialog.user_list.item(r).isHidden()
    ]
    # gerente1 is found by the role: a supervisor who approves at the manager's level.
    assert visible == ["gerente1", "supervisor1", "supervisor2"]

    for _ in range(3):
        qtbot.keyClick(dialog.user_field, Qt.Key.Key_Down)
    assert dialog.user_field.text() == "supervisor2"
    qtbot.keyClick(dialog.user_field, Qt.Key.Key_Up)
    assert dialog.user_field.text() == "supervisor1"

    with qtbot.waitSignal(dialog.accepted, timeout=TIMEOUT_MS):
        qtbot.keyClick(dialog.user_field, Qt.Key.Key_Return)
    assert dialog.actor is not None
    assert dialog.actor.username == "supervisor1"


def test_typing_an_accent_free_full_name_finds_the_user(
    qtbot: QtBot, gui_context: GuiContext
) -> None:
    dialog = _dialog(qtbot, gui_context)
    qtbot.waitUntil(lambda: dialog.user_list.count() > 0, timeout=TIMEOUT_MS)
    qtbot.keyClicks(dialog.user_field, "sofia")
    current = dialog.user_list.currentItem()
    assert current is not None
    assert current.data(USERNAME_ROLE) == "admin1"


def test_unknown_user_shows_an_inline_message_and_the_dialog_stays(
    qtbot: QtBot, gui_context: GuiContext
) -> None:
    dialog = _dialog(qtbot, gui_context)
    qtbot.waitUntil(lambda: dialog.user_list.count() > 0, timeout=TIMEOUT_MS)
    qtbot.keyClicks(dialog.user_field, "xyz")
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(dialog.error_label.isVisible, timeout=TIMEOUT_MS)
    assert dialog.error_label.text() == "Usuario desconocido: xyz"
    assert dialog.isVisible()
    assert dialog.actor is None
    assert dialog.sign_in_button.isEnabled()

    # Typing again hides the stale message.
    qtbot.keyClick(dialog.user_field, Qt.Key.Key_Backspace)
    assert not dialog.error_label.isVisible()


def test_empty_name_asks_for_a_user(qtbot: QtBot, gui_context: GuiContext) -> None:
    dialog = _dialog(qtbot, gui_context)
    qtbot.waitUntil(lambda: dialog.user_list.count() > 0, timeout=TIMEOUT_MS)
    dialog.user_list.setCurrentRow(-1)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.isVisible()
    assert "Elija un usuario" in dialog.error_label.text()


def test_cancel_rejects(qtbot: QtBot, gui_context: GuiContext) -> None:
    dialog = _dialog(qtbot, gui_context)
    with qtbot.waitSignal(dialog.rejected, timeout=TIMEOUT_MS):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.actor is None
