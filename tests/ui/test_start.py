"""Before anyone signs in: this computer's passphrase, and signing in without a connection."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.processes import PASSPHRASE
from tests.ui.modals import when_shown
from vipdesk.app import Central, open_central
from vipdesk.config import resolve_settings
from vipdesk.local_cache import cache_path
from vipdesk.offline import OfflineDirectory, save_profile
from vipdesk.services import auth
from vipdesk.ui.passphrase import PassphraseDialog, unlock_with_passphrase
from vipdesk.ui.signin import SignInDialog

WRONG = "una frase equivocada del todo"


def _answer(qtbot: QtBot, text: str, seen: list[str]):  # type: ignore[no-untyped-def]
    def answer(widget: QWidget) -> None:
        assert isinstance(widget, PassphraseDialog)
        seen.append(widget.windowTitle())
        seen.append(widget.message.text() if widget.message.isVisible() else "")
        qtbot.keyClicks(widget.passphrase, text)
        if widget.repeat.isVisible():
            qtbot.keyClicks(widget.repeat, text)
        widget.findChild(QPushButton, "passphraseOk").click()

    return answer


def test_this_computers_passphrase_is_asked_again_after_a_wrong_one(
    qtbot: QtBot, vipdesk_home: Path
) -> None:
    settings = resolve_settings({"VIPDESK_HOME": str(vipdesk_home)})
    seen: list[str] = []
    is_prompt = lambda w: isinstance(w, PassphraseDialog)  # noqa: E731

    timer = when_shown(is_prompt, _answer(qtbot, PASSPHRASE, seen))
    created = unlock_with_passphrase(lambda prompt: open_central(settings, passphrase=prompt))
    timer.stop()
    assert isinstance(created, Central)
    created.database.dispose()
    assert seen == ["Frase de contraseña de este equipo", ""]

    seen.clear()
    timers = [when_shown(is_prompt, _answer(qtbot, WRONG, seen))]

    def opener(prompt):  # type: ignore[no-untyped-def]
        # After the first (wrong) answer, arm the right one for the second dialog.
        if len(seen) == 2:
            timers.append(when_shown(is_prompt, _answer(qtbot, PASSPHRASE, seen)))
        return open_central(settings, passphrase=prompt)

    try:
        opened = unlock_with_passphrase(opener)
    finally:
        for timer in timers:
            timer.stop()
    assert isinstance(opened, Central)
    opened.database.dispose()
    assert seen[1::2] == ["", "La frase de contraseña no es correcta."]


def test_cancelling_this_computers_passphrase_opens_nothing(
    qtbot: QtBot, vipdesk_home: Path
) -> None:
    settings = resolve_settings({"VIPDESK_HOME": str(vipdesk_home)})

    def cancel(widget: QWidget) -> None:
        qtbot.keyClick(widget, Qt.Key.Key_Escape)

    timer = when_shown(lambda w: isinstance(w, PassphraseDialog), cancel)
    result = unlock_with_passphrase(lambda prompt: open_central(settings, passphrase=prompt))
    timer.stop()
    assert result is None
    assert not (vipdesk_home / "data" / "vipdesk-central.db").exists()


def test_signing_in_offline_lists_the_people_with_a_local_copy(
    qtbot: QtBot, vipdesk_home: Path, demo_database: object
) -> None:
    settings = resolve_settings({"VIPDESK_HOME": str(vipdesk_home)}, database="sqlite:///x")
    actor = auth.sign_in(demo_database.unit_of_work(), "ejecutivo2")  # type: ignore[attr-defined]
    cache = cache_path(settings, actor.username)
    cache.parent.mkdir(parents=True)
    cache.write_bytes(b"encrypted")  # only its presence matters to the list
    save_profile(settings, actor)

    dialog = SignInDialog(None, directory=OfflineDirectory(settings), offline=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.user_list.count() == 1)
    assert dialog.offline_notice.isVisible()
    assert dialog.offline_notice.text().startswith("Sin conexión con la base de datos central")
    assert actor.full_name in dialog.user_list.item(0).text()

    qtbot.keyClicks(dialog.user_field, "ejecutivo1")  # no local copy here
    qtbot.keyClick(dialog.user_field, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.error_label.isVisible)
    assert "no tiene copia local en este equipo" in dialog.error_label.text()

    dialog.user_field.clear()
    qtbot.keyClicks(dialog.user_field, "ejecutivo2")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.user_field, Qt.Key.Key_Return)
    assert dialog.actor is not None and dialog.actor.username == "ejecutivo2"
