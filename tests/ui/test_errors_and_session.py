"""What the user sees when something fails, and the sign-out round trip."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from vipdesk.core.errors import EnvironmentProblem
from vipdesk.services.dto import Actor
from vipdesk.ui import application
from vipdesk.ui.application import GuiContext, MainWindow, SignInDialog

TIMEOUT_MS = 10_000


def _unreachable() -> NoReturn:
    raise EnvironmentProblem("Cannot open the database {url}: {reason}", url="db", reason="down")


def _bug() -> NoReturn:
    raise ZeroDivisionError("a bug in VIP Desk")


def _boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]


def test_a_database_problem_while_listing_users_is_shown_inline(qtbot: QtBot) -> None:
    dialog = SignInDialog(_unreachable)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.error_label.isVisible, timeout=TIMEOUT_MS)
    assert dialog.error_label.text() == "No se puede abrir la base de datos db: down"
    assert not dialog.status_label.isVisible()


# QMessageBox fixes its own size while being shown, which the offscreen platform reports.
@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_a_bug_shows_a_crash_dialog_with_the_traceback(
    qtbot: QtBot,
    gui_context: GuiContext,
    actor_for: Callable[[str], Actor],
    caplog: pytest.LogCaptureFixture,
) -> None:
    actor = actor_for("ejecutivo1")
    broken = GuiContext(_bug, "sqlite:///broken.db", gui_context.settings_dir)
    window = MainWindow(broken, actor)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.last_failure is not None, timeout=TIMEOUT_MS)
    boxes = _boxes()
    assert len(boxes) == 1
    box = boxes[0]
    qtbot.addWidget(box)
    assert box.icon() == QMessageBox.Icon.Critical
    assert "ZeroDivisionError: a bug in VIP Desk" in box.detailedText()
    assert "Traceback" in box.detailedText()
    assert "Ocurrió un error interno" in box.text()
    assert "ZeroDivisionError" in caplog.text  # logged too
    box.close()


def test_sign_out_returns_to_sign_in_and_opens_the_next_users_portfolio(
    qtbot: QtBot,
    gui_context: GuiContext,
    actor_for: Callable[[str], Actor],
    monkeypatch: pytest.MonkeyPatch,
    settings_dir: Path,
) -> None:
    asked: list[str] = []

    def fake_ask(self: object, initial_user: str = "", message: str = "") -> Actor:
        asked.append("supervisor1")
        return actor_for("supervisor1")

    monkeypatch.setattr(application._Session, "_ask", fake_ask)
    context = GuiContext(
        gui_context.uow_factory, "sqlite:///demo.db", settings_dir, user="ejecutivo1"
    )
    app = application.application()
    session = application._Session(app, context)
    try:
        assert session.start()
        first = session._window
        assert first is not None and first.actor.username == "ejecutivo1"
        qtbot.waitUntil(first.is_settled, timeout=TIMEOUT_MS)

        first.sign_out_action.trigger()
        assert asked == ["supervisor1"]
        second = session._window
        assert second is not None and second is not first
        assert second.actor.username == "supervisor1"
        assert not first.isVisible()
        qtbot.waitUntil(second.is_settled, timeout=TIMEOUT_MS)
        second.close()
    finally:
        app.setQuitOnLastWindowClosed(True)
        session.deleteLater()


def test_a_wrong_user_on_the_command_line_opens_the_dialog_with_the_reason(
    qtbot: QtBot, gui_context: GuiContext, monkeypatch: pytest.MonkeyPatch, settings_dir: Path
) -> None:
    seen: list[tuple[str, str]] = []

    def fake_ask(self: object, initial_user: str = "", message: str = "") -> None:
        seen.append((initial_user, message))

    monkeypatch.setattr(application._Session, "_ask", fake_ask)
    context = GuiContext(gui_context.uow_factory, "x", settings_dir, user="nadie")
    app = application.application()
    session = application._Session(app, context)
    try:
        assert not session.start()  # the person cancelled
        assert seen == [("nadie", "Usuario desconocido: nadie")]
    finally:
        app.setQuitOnLastWindowClosed(True)
        session.deleteLater()
