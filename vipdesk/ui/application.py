"""Entry point of the interface: ``run_gui(context)``.

Creates (or, in tests, reuses) the QApplication, installs the language and the look, signs the
user in and shows the main window. In screenshot mode nothing waits for a person: it signs in
directly, renders the loaded portfolio to a PNG and exits (any problem: one line on stderr and
exit code 2).
"""

from __future__ import annotations

import logging
import pathlib
import sys
import time
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog

from vipdesk.core.errors import VipDeskError
from vipdesk.services import auth
from vipdesk.services.dto import Actor
from vipdesk.ui import i18n
from vipdesk.ui.context import GuiContext
from vipdesk.ui.dialogs import error_text, report_failure
from vipdesk.ui.main_window import MainWindow
from vipdesk.ui.portfolio_model import PortfolioModel
from vipdesk.ui.resources import icon_path, read_stylesheet
from vipdesk.ui.settings import saved_language, ui_settings
from vipdesk.ui.signin import SignInDialog
from vipdesk.ui.workers import Failure
from vipdesk.ui.workspace_open import WorkspaceLike, open_workspace_interactively

__all__ = ["GuiContext", "MainWindow", "PortfolioModel", "SignInDialog", "run_gui"]

log = logging.getLogger(__name__)

EXIT_PROBLEM = 2
SCREENSHOT_USER = "ejecutivo1"
SCREENSHOT_SIZE = (1400, 800)
SCREENSHOT_TIMEOUT_S = 20.0


def application() -> QApplication:
    """The QApplication, created on first use (never at import time)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName("VIP Desk")
    app.setApplicationDisplayName("VIP Desk")
    app.setOrganizationName("VIPDesk")
    return app


def apply_look(app: QApplication) -> None:
    """Fusion (identical on every platform, so the stylesheet looks the same) plus our QSS."""
    app.setStyle("Fusion")
    app.setStyleSheet(read_stylesheet())
    app.setWindowIcon(QIcon(str(icon_path())))


def install_language(context: GuiContext) -> str:
    return _install_language(context.settings_dir, context.language)


def _install_language(settings_dir: pathlib.Path, language: str | None) -> str:
    wanted = (
        i18n.normalise_language(language)
        or saved_language(ui_settings(settings_dir))
        or i18n.DEFAULT_LANGUAGE
    )
    return i18n.apply_language(wanted, settings_dir)


def prepare_application(settings_dir: pathlib.Path, language: str | None) -> QApplication:
    """The QApplication in the user's language and look, for dialogs shown before sign-in
    (this computer's passphrase)."""
    app = application()
    _install_language(settings_dir, language)
    apply_look(app)
    return app


def run_gui(context: GuiContext) -> int:
    if context.screenshot is not None:
        return _screenshot(context)
    app = application()
    install_language(context)
    apply_look(app)
    previous_hook = sys.excepthook
    sys.excepthook = _show_crash
    try:
        session = _Session(app, context)
        if not session.start():
            return 0
        return app.exec()
    finally:
        sys.excepthook = previous_hook


class _Session(QObject):
    """Sign in, show the portfolio, and back to sign-in after "Sign out"."""

    def __init__(self, app: QApplication, context: GuiContext) -> None:
        super().__init__(app)
        self._app = app
        self._context = context
        self._window: MainWindow | None = None
        self._workspace: WorkspaceLike | None = None
        self._signing_out = False
        # We decide when to quit: between sign-out and the next sign-in no window is visible.
        app.setQuitOnLastWindowClosed(False)

    def start(self) -> bool:
        actor = self._direct_sign_in() if self._context.user else self._ask()
        return self._open_until_done(actor)

    def _open_until_done(self, actor: Actor | None) -> bool:
        """Open ``actor``'s window; if their workspace cannot be opened (cancelled, wrong
        passphrase given up), back to the sign-in dialog. False: the person gave up."""
        while actor is not None:
            if self._open(actor):
                return True
            actor = self._ask(actor.username)
        return False

    def _direct_sign_in(self) -> Actor | None:
        name = self._context.user or ""
        try:
            return self._context.user_directory().sign_in(name)
        except VipDeskError as error:
            # A wrong --user is not fatal: let the person pick the right one.
            return self._ask(name, error_text(error))

    def _ask(self, initial_user: str = "", message: str = "") -> Actor | None:
        dialog = SignInDialog(
            None,
            initial_user=initial_user,
            directory=self._context.user_directory(),
            offline=self._context.offline,
        )
        if message:
            dialog.show_error(message)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.actor if accepted else None
        finally:
            dialog.deleteLater()

    def _open(self, actor: Actor) -> bool:
        workspace: WorkspaceLike | None = None
        if self._context.open_workspace is not None:
            workspace = open_workspace_interactively(self._context, actor.username)
            if workspace is None:
                return False
            actor = workspace.actor
        self._workspace = workspace
        window = MainWindow(self._context, actor, workspace=workspace)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.signOutRequested.connect(self._sign_out)
        window.forgetRequested.connect(self._forget)
        window.closed.connect(self._window_closed)
        self._window = window
        window.show()
        return True

    def _sign_out(self, forget: bool = False) -> None:
        if self._window is None:
            return
        self._signing_out = True
        # Waits for its background calls: nothing uses the cache now. The person may keep
        # the window instead, to save a case with unsaved work.
        if not self._window.close():
            self._signing_out = False
            return
        self._window = None
        self._signing_out = False
        workspace, self._workspace = self._workspace, None
        if workspace is not None:
            if forget:
                try:
                    workspace.forget()  # deletes two files: the cache and its key
                except VipDeskError as error:  # e.g. a file the system would not delete
                    report_failure(None, Failure(error, "")).exec()
            else:
                workspace.close()
        if not self._open_until_done(self._ask()):
            self._app.quit()

    def _forget(self) -> None:
        self._sign_out(forget=True)

    def _window_closed(self) -> None:
        if not self._signing_out:
            workspace, self._workspace = self._workspace, None
            if workspace is not None:
                workspace.close()
            self._app.quit()


def _show_crash(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """A bug escaped a slot: log it and tell the user instead of dying silently."""
    details = "".join(traceback.format_exception(kind, error, tb))
    if not isinstance(error, Exception):  # KeyboardInterrupt, SystemExit
        sys.__excepthook__(kind, error, tb)
        return
    report_failure(QApplication.activeWindow(), Failure(error, details))


def _screenshot(context: GuiContext) -> int:
    assert context.screenshot is not None
    window: MainWindow | None = None
    try:
        app = application()
        install_language(context)
        apply_look(app)
        actor = auth.sign_in(context.uow_factory(), context.user or SCREENSHOT_USER)
        window = MainWindow(context, actor)
        window.resize(*SCREENSHOT_SIZE)
        window.show()
        deadline = time.monotonic() + SCREENSHOT_TIMEOUT_S
        while not window.is_settled():
            if window.last_failure is not None:
                raise window.last_failure.error
            if time.monotonic() > deadline:
                raise TimeoutError(f"the portfolio did not load in {SCREENSHOT_TIMEOUT_S:.0f} s")
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            time.sleep(0.01)
        if window.last_failure is not None:
            raise window.last_failure.error
        if context.open_case:
            _open_case_for_screenshot(app, window, actor, context, deadline)
        app.processEvents()  # let the table paint the rows it just received
        if not window.grab().save(str(context.screenshot), "PNG"):
            raise OSError(f"cannot write {context.screenshot}")
        return 0
    except VipDeskError as error:
        print(f"vipdesk: {error.translated(QCoreApplication.translate)}", file=sys.stderr)
        return EXIT_PROBLEM
    except Exception as error:
        log.exception("Screenshot failed")
        print(f"vipdesk: screenshot failed: {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_PROBLEM
    finally:
        if window is not None:
            window.close()
            window.deleteLater()


def _open_case_for_screenshot(
    app: QApplication, window: MainWindow, actor: Actor, context: GuiContext, deadline: float
) -> None:
    """``--open-case ID [--tab NAME]``: the case by its number (VIP-000157) or id."""
    from uuid import UUID

    from vipdesk.core.errors import QT_TRANSLATE_NOOP, NotFound
    from vipdesk.services import portfolio
    from vipdesk.ui.case.tab import page_slugs

    wanted = (context.open_case or "").strip()
    if context.tab and context.tab not in page_slugs():
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "Unknown tab {tab}; one of: {tabs}"),
            tab=context.tab,
            tabs=", ".join(page_slugs()),
        )
    try:
        case_id = UUID(wanted)
    except ValueError:
        rows = portfolio.rows(context.uow_factory(), actor, [wanted.upper()])
        if not rows:
            raise NotFound(
                QT_TRANSLATE_NOOP("errors", "Case {case} not found, or not visible to {user}."),
                case=wanted,
                user=actor.username,
            ) from None
        case_id = rows[0].case_id
    tab = window.open_case(case_id, context.tab)
    while not tab.is_settled():
        if time.monotonic() > deadline:
            raise TimeoutError(f"the case did not load in {SCREENSHOT_TIMEOUT_S:.0f} s")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)
    if tab.last_failure is not None:
        raise tab.last_failure.error
