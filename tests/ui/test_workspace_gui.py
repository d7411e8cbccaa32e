"""The interface on a real encrypted workspace: cache after sign-in, sync status in the status
bar (offline included), settling a conflict, and "Forget this computer"."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from keyring.backends import fail
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine

from tests.ui.modals import when_shown as _when_shown
from vipdesk.config import resolve_settings
from vipdesk.services import activity, auth, debtors, portfolio
from vipdesk.services.dto import DebtorUpdate, NewInteraction, PortfolioQuery
from vipdesk.storage.uow import Database
from vipdesk.ui import application
from vipdesk.ui.application import GuiContext, MainWindow, SignInDialog
from vipdesk.ui.passphrase import PassphraseDialog
from vipdesk.ui.resources import read_stylesheet
from vipdesk.ui.signin import USERNAME_ROLE
from vipdesk.ui.workspace_open import (
    OpenProgressDialog,
    open_workspace_interactively,
)
from vipdesk.workspace import Workspace, open_workspace

TIMEOUT_MS = 30_000
PASSPHRASE = "frase de prueba bastante larga"


@pytest.fixture(autouse=True)
def no_keychain(monkeypatch: pytest.MonkeyPatch) -> None:
    """As on the computers these tests describe: no OS keychain, so a passphrase. (Pinned:
    keyring caches the backend it found first, maybe a test keychain since stopped.)"""
    monkeypatch.setattr("keyring.get_keyring", fail.Keyring)


@pytest.fixture
def settings(vipdesk_home: Path, demo_db_url: str) -> Any:
    return resolve_settings({"VIPDESK_HOME": str(vipdesk_home)}, database=demo_db_url)


@pytest.fixture
def workspace_context(
    gui_context: GuiContext, demo_database: Database, settings: Any
) -> GuiContext:
    return GuiContext(
        uow_factory=gui_context.uow_factory,
        database_label=gui_context.database_label,
        settings_dir=gui_context.settings_dir,
        open_workspace=lambda user, pw, progress, cancelled: open_workspace(
            settings, demo_database, user, pw, progress, cancelled
        ),
        passphrase=lambda creating: PASSPHRASE,
    )


@pytest.fixture
def workspace(qtbot: QtBot, demo_database: Database, settings: Any) -> Iterator[Workspace]:
    opened = open_workspace(settings, demo_database, "ejecutivo1", lambda creating: PASSPHRASE)
    yield opened
    opened.close()


def _open_window(qtbot: QtBot, context: GuiContext, workspace: Workspace) -> MainWindow:
    window = MainWindow(context, workspace.actor, workspace=workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.is_settled, timeout=TIMEOUT_MS)
    return window


def _sync_text(window: MainWindow) -> str:
    assert window.sync_panel is not None
    return window.sync_panel.label.text()


def _sync(qtbot: QtBot, window: MainWindow) -> None:
    assert window.sync_panel is not None
    with qtbot.waitSignal(window.sync_panel.synced, timeout=TIMEOUT_MS):
        window.sync_action.trigger()
    qtbot.waitUntil(window.is_settled, timeout=TIMEOUT_MS)


def _closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_sign_in_opens_the_portfolio_from_the_encrypted_cache_and_syncs(
    qtbot: QtBot, workspace_context: GuiContext, demo_database: Database, vipdesk_home: Path
) -> None:
    def sign_in(widget: QWidget) -> None:
        assert isinstance(widget, SignInDialog)

        def choose() -> None:
            rows = range(widget.user_list.count())
            row = next(
                r for r in rows if widget.user_list.item(r).data(USERNAME_ROLE) == "ejecutivo1"
            )
            widget.user_list.setCurrentRow(row)
            widget.sign_in_button.click()

        qtbot.waitUntil(lambda: widget.user_list.count() > 0, timeout=TIMEOUT_MS)
        choose()

    timer = _when_shown(lambda w: isinstance(w, SignInDialog), sign_in)
    app = application.application()
    session = application._Session(app, workspace_context)
    try:
        assert session.start()
        timer.stop()
        window = session._window
        assert window is not None and window.workspace is not None
        assert (vipdesk_home / "data" / "caches" / "ejecutivo1.db").exists()
        qtbot.waitUntil(window.is_settled, timeout=TIMEOUT_MS)
        me = auth.sign_in(demo_database.unit_of_work(), "ejecutivo1")
        central = portfolio.case_numbers(demo_database.unit_of_work(), me, PortfolioQuery())
        assert window.model.rowCount() == len(central) > 0
        assert window.database_label.text() == window.workspace.label
        assert window.sync_action.text() == "&Sincronizar ahora"
        _sync(qtbot, window)
        assert _sync_text(window).startswith("Sincronizado a las ")
        assert window.sync_panel is not None
        assert not window.sync_panel.conflicts_button.isVisible()
        window.close()
    finally:
        timer.stop()
        app.setQuitOnLastWindowClosed(True)
        session.deleteLater()


def test_offline_says_so_in_the_status_bar_and_the_next_sync_catches_up(
    qtbot: QtBot, gui_context: GuiContext, workspace: Workspace
) -> None:
    window = _open_window(qtbot, gui_context, workspace)
    try:
        assert _sync_text(window).startswith("Sincronizado a las ")
        reachable = workspace.central
        unreachable = Database(
            create_engine(
                f"postgresql+psycopg://x@127.0.0.1:{_closed_port()}/x",
                connect_args={"connect_timeout": 2},
            )
        )
        workspace.central = unreachable
        case_id = window.model.case_id(0)
        assert case_id is not None
        activity.log_interaction(
            workspace.unit_of_work(),
            workspace.actor,
            NewInteraction(
                case_id, "call", "outbound", datetime.now(UTC) - timedelta(minutes=5),
                "contacted", notes="Llamada sin conexión",
            ),
        )  # fmt: skip
        _sync(qtbot, window)
        assert _sync_text(window) == "Sin conexión · 1 cambio en espera"
        assert not QApplication.activeModalWidget()  # offline is never a dialog
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        previous = app.styleSheet()
        app.setStyleSheet(read_stylesheet())  # as the person sees it
        try:
            qtbot.wait(50)
            window.statusBar().grab().save("/tmp/ui-offline.png", "PNG")
        finally:
            app.setStyleSheet(previous)
        workspace.central = reachable
        unreachable.dispose()
        _sync(qtbot, window)
        assert _sync_text(window).startswith("Sincronizado a las ")
    finally:
        window.close()


def _first_debtor_and_supervisor(
    window: Any, workspace: Workspace, demo_database: Database
) -> tuple[Any, Any]:
    """The debtor of the first case shown, and supervisor1 signed in centrally (who edits it
    meanwhile)."""
    from vipdesk.services import cases

    case_id = window.model.case_id(0)
    assert case_id is not None
    debtor_id = cases.case_detail(workspace.unit_of_work(), workspace.actor, case_id).debtor_id
    return debtor_id, auth.sign_in(demo_database.unit_of_work(), "supervisor1")


def test_a_conflict_is_shown_and_my_version_reaches_the_central_database(
    qtbot: QtBot, gui_context: GuiContext, workspace: Workspace, demo_database: Database
) -> None:
    window = _open_window(qtbot, gui_context, workspace)
    try:
        debtor_id, boss = _first_debtor_and_supervisor(window, workspace, demo_database)

        def edit(factory: Callable[[], Any], who: Any, notes: str) -> None:
            info = debtors.debtor_info(factory(), who, debtor_id)
            update = DebtorUpdate(
                debtor_id, info.row_version, info.trade_name, "D", info.economic_activity, notes
            )
            debtors.update_debtor(factory(), who, update)

        edit(workspace.unit_of_work, workspace.actor, "Nota del ejecutivo")
        edit(demo_database.unit_of_work, boss, "Nota del supervisor")
        _sync(qtbot, window)
        panel = window.sync_panel
        assert panel is not None
        assert panel.conflicts_button.isVisible()
        assert panel.conflicts_button.text() == "1 conflicto"

        panel.conflicts_button.click()
        dialog = window.conflicts_dialog
        assert dialog is not None
        qtbot.waitUntil(lambda: dialog.loaded_once, timeout=TIMEOUT_MS)
        assert dialog.windowTitle() == "Conflictos de sincronización"
        assert dialog.conflict_list.item(0).text().startswith("Edición del deudor")
        debtor_name = debtors.debtor_info(workspace.unit_of_work(), workspace.actor, debtor_id).name
        assert dialog.message.text() == (
            f"{debtor_name} se modificó mientras tanto en la base de datos central."
        )
        table = dialog.fields_table
        labels = [table.item(r, 0).text() for r in range(table.rowCount())]
        assert labels == [
            "Nombre comercial", "Calificación de riesgo", "Actividad económica", "Notas",
        ]  # fmt: skip
        notes_row = labels.index("Notas")
        assert table.item(notes_row, 1).text() == "Nota del ejecutivo"
        assert table.item(notes_row, 2).text() == "Nota del supervisor"
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        previous = app.styleSheet()
        app.setStyleSheet(read_stylesheet())  # as the person sees it
        try:
            dialog.resize(1000, 520)
            qtbot.wait(50)
            dialog.grab().save("/tmp/ui-conflicts.png", "PNG")
            window.statusBar().grab().save("/tmp/ui-statusbar-conflict.png", "PNG")
        finally:
            app.setStyleSheet(previous)

        with qtbot.waitSignal(dialog.finished, timeout=TIMEOUT_MS):
            dialog.use_mine_button.click()
        qtbot.waitUntil(lambda: window.conflicts_dialog is None, timeout=TIMEOUT_MS)
        qtbot.waitUntil(window.is_settled, timeout=TIMEOUT_MS)
        _sync(qtbot, window)
        assert not panel.conflicts_button.isVisible()
        assert _sync_text(window).startswith("Sincronizado a las ")
        central = debtors.debtor_info(demo_database.unit_of_work(), boss, debtor_id)
        assert central.notes == "Nota del ejecutivo"
    finally:
        window.close()


def test_merge_uses_my_value_only_where_ticked(
    qtbot: QtBot, gui_context: GuiContext, workspace: Workspace, demo_database: Database
) -> None:
    window = _open_window(qtbot, gui_context, workspace)
    try:
        debtor_id, boss = _first_debtor_and_supervisor(window, workspace, demo_database)

        def edit(factory: Callable[[], Any], who: Any, rating: str, notes: str) -> None:
            info = debtors.debtor_info(factory(), who, debtor_id)
            update = DebtorUpdate(
                debtor_id, info.row_version, info.trade_name, rating, info.economic_activity,
                notes,
            )  # fmt: skip
            debtors.update_debtor(factory(), who, update)

        edit(workspace.unit_of_work, workspace.actor, "E", "Mía")
        edit(demo_database.unit_of_work, boss, "B", "Central")
        _sync(qtbot, window)
        dialog = window.show_conflicts()
        assert dialog is not None
        qtbot.waitUntil(lambda: dialog.loaded_once, timeout=TIMEOUT_MS)
        dialog.set_use_mine("notes", True)
        with qtbot.waitSignal(dialog.finished, timeout=TIMEOUT_MS):
            dialog.merge_button.click()
        qtbot.waitUntil(window.is_settled, timeout=TIMEOUT_MS)
        _sync(qtbot, window)
        central = debtors.debtor_info(demo_database.unit_of_work(), boss, debtor_id)
        assert (central.risk_rating, central.notes) == ("B", "Mía")
    finally:
        window.close()


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # QMessageBox, offscreen
def test_forget_this_computer_destroys_the_cache_and_returns_to_sign_in(
    qtbot: QtBot, workspace_context: GuiContext, vipdesk_home: Path
) -> None:
    context = GuiContext(
        workspace_context.uow_factory, "x", workspace_context.settings_dir, user="ejecutivo1",
        open_workspace=workspace_context.open_workspace, passphrase=workspace_context.passphrase,
    )  # fmt: skip
    cache = vipdesk_home / "data" / "caches" / "ejecutivo1.db"
    seen: dict[str, Any] = {}

    def confirm(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox)
        seen["text"] = widget.informativeText()
        seen["default"] = widget.defaultButton().text()
        widget.grab().save("/tmp/ui-forget.png", "PNG")
        button = widget.findChild(QPushButton, "confirmForgetButton")
        assert button is not None
        button.click()

    def back_at_sign_in(widget: QWidget) -> None:
        seen["cache_exists"] = cache.exists()
        assert isinstance(widget, QDialog)
        widget.reject()

    app = application.application()
    session = application._Session(app, context)
    timers: list[QTimer] = []
    try:
        assert session.start()
        window = session._window
        assert window is not None
        qtbot.waitUntil(window.is_settled, timeout=TIMEOUT_MS)
        assert cache.exists()
        assert window.forget_action.text() == "&Olvidar este equipo…"
        assert window.workspace is not None
        case_id = window.model.case_id(0)
        assert case_id is not None
        activity.log_interaction(
            window.workspace.unit_of_work(), window.workspace.actor,
            NewInteraction(
                case_id, "call", "outbound", datetime.now(UTC) - timedelta(minutes=5),
                "contacted", notes="Sin sincronizar",
            ),
        )  # fmt: skip
        timers.append(_when_shown(lambda w: w.objectName() == "forgetBox", confirm))
        timers.append(_when_shown(lambda w: isinstance(w, SignInDialog), back_at_sign_in))
        window.forget_action.trigger()
        qtbot.waitUntil(lambda: "cache_exists" in seen, timeout=TIMEOUT_MS)
        assert seen["cache_exists"] is False
        assert not cache.exists()
        assert "caché local cifrada" in seen["text"]
        assert "Se perderá 1 cambio aún no sincronizado." in seen["text"]
        assert seen["default"] == "Cancelar"
        assert session._window is None
    finally:
        for timer in timers:
            timer.stop()
        app.setQuitOnLastWindowClosed(True)
        session.deleteLater()


def test_the_passphrase_dialog_asks_twice_and_for_twelve_characters(qtbot: QtBot) -> None:
    dialog = PassphraseDialog(creating=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.repeat.isVisible()
    dialog.passphrase.setText("corta")
    dialog.repeat.setText("corta")
    dialog._check()
    assert "12" in dialog.message.text()
    dialog.passphrase.setText(PASSPHRASE)
    dialog.repeat.setText(PASSPHRASE + "x")
    dialog._check()
    assert dialog.message.text() == "Las dos frases de contraseña no coinciden."
    dialog.repeat.setText(PASSPHRASE)
    dialog._check()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.value() == PASSPHRASE
    opening = PassphraseDialog(creating=False)
    qtbot.addWidget(opening)
    opening.show()
    assert not opening.repeat.isVisible()
    assert "llavero del sistema" in opening.findChild(QWidget, "dialogIntro").text()


def _type_passphrase(text: str, repeat: bool) -> Callable[[QWidget], None]:
    def answer(widget: QWidget) -> None:
        assert isinstance(widget, PassphraseDialog)
        assert widget.repeat.isVisible() is repeat
        widget.passphrase.setText(text)
        widget.repeat.setText(text)
        widget.findChild(QPushButton, "passphraseOk").click()

    return answer


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # QMessageBox, offscreen
def test_the_passphrase_is_asked_on_the_gui_thread_and_a_wrong_one_can_be_retried(
    qtbot: QtBot, demo_database: Database, settings: Any, settings_dir: Path
) -> None:
    context = GuiContext(
        demo_database.unit_of_work, "x", settings_dir,
        open_workspace=lambda user, pw, progress, cancelled: open_workspace(
            settings, demo_database, user, pw, progress, cancelled
        ),
    )  # fmt: skip
    is_prompt = lambda w: isinstance(w, PassphraseDialog)  # noqa: E731
    # First time: a new key, so the passphrase is asked twice (from the worker thread).
    timer = _when_shown(is_prompt, _type_passphrase(PASSPHRASE, repeat=True))
    first = open_workspace_interactively(context, "ejecutivo1")
    timer.stop()
    assert first is not None
    first.close()

    # Next sign-in: a wrong passphrase, "Reintentar", then the right one.
    steps: list[str] = []

    def wrong(widget: QWidget) -> None:
        steps.append("wrong")
        _type_passphrase("una frase equivocada", repeat=False)(widget)
        timers.append(_when_shown(lambda w: w.objectName() == "wrongPassphraseBox", retry))

    def retry(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox)
        steps.append(widget.text())
        widget.findChild(QPushButton, "retryButton").click()
        timers.append(_when_shown(is_prompt, right))

    def right(widget: QWidget) -> None:
        steps.append("right")
        _type_passphrase(PASSPHRASE, repeat=False)(widget)

    timers = [_when_shown(is_prompt, wrong)]
    try:
        second = open_workspace_interactively(context, "ejecutivo1")
    finally:
        for t in timers:
            t.stop()
    assert second is not None
    assert steps == [
        "wrong", "No se pudo abrir la caché local con esta frase de contraseña o clave.", "right",
    ]  # fmt: skip
    second.close()


def test_cancel_stops_opening_the_workspace_without_an_error(
    qtbot: QtBot, demo_database: Database, settings_dir: Path
) -> None:
    from vipdesk.storage.cache_build import BuildCancelled

    progress_seen: list[tuple[int, int]] = []

    def slow_open(
        user: str, pw: Any, progress: Callable[[int, int], None], cancelled: Callable[[], bool]
    ) -> Any:
        progress(5, 200)
        while not cancelled():
            time.sleep(0.01)
        raise BuildCancelled("Building the local cache was cancelled.")

    def cancel(widget: QWidget) -> None:
        assert isinstance(widget, OpenProgressDialog)
        qtbot.waitUntil(lambda: widget.bar.maximum() == 200, timeout=TIMEOUT_MS)
        progress_seen.append((widget.bar.value(), widget.bar.maximum()))
        assert widget.label.text() == "Preparando su caché cifrada…"
        widget.cancel_button.click()

    context = GuiContext(
        demo_database.unit_of_work, "x", settings_dir, open_workspace=slow_open,
        passphrase=lambda creating: PASSPHRASE,
    )  # fmt: skip
    timer = _when_shown(lambda w: isinstance(w, OpenProgressDialog), cancel)
    try:
        assert open_workspace_interactively(context, "ejecutivo1") is None
    finally:
        timer.stop()
    assert progress_seen == [(5, 200)]
    assert QApplication.activeModalWidget() is None
