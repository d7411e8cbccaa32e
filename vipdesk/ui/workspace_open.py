"""Opening the signed-in user's encrypted local cache, with the GUI never blocked.

The workspace is opened (and, the first time, built) on a pool thread, behind a modal progress
dialog with a Cancel button. Where the computer has no keychain the key comes from a
passphrase: the request arrives on the worker thread and is asked on the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Protocol
from uuid import UUID

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from vipdesk.core.errors import VipDeskError
from vipdesk.services.conflicts import ConflictInfo
from vipdesk.services.dto import Actor, TeamExecutives
from vipdesk.services.sync import SyncReport, SyncStatus
from vipdesk.ui.context import GuiContext
from vipdesk.ui.dialogs import error_text, report_failure
from vipdesk.ui.passphrase import PassphrasePrompter
from vipdesk.ui.resources import icon_path
from vipdesk.ui.widgets import named
from vipdesk.ui.workers import Failure, TaskRunner

KEY_ERRORS = ("WrongPassphrase", "WrongKey")
CANCELLED = ("BuildCancelled", "PassphraseCancelled")  # the person chose to stop: no message


class WorkspaceLike(Protocol):
    """What the interface uses of ``vipdesk.workspace.Workspace``."""

    @property
    def actor(self) -> Actor: ...

    @property
    def label(self) -> str: ...

    def unit_of_work(self) -> Any: ...

    def sync(self) -> SyncReport: ...

    def status(self) -> SyncStatus: ...

    def conflicts(self) -> list[ConflictInfo]: ...

    def resolve(
        self, conflict_id: UUID, choice: str, chosen: dict[str, str] | None = None
    ) -> None: ...

    def team_executives(self, case_id: UUID) -> TeamExecutives: ...

    def reassign(self, case_id: UUID, executive: str, current: str | None = None) -> UUID: ...

    def forget(self) -> None: ...

    def close(self) -> None: ...


# -- progress --------------------------------------------------------------------------------


class OpenProgressDialog(QDialog):
    """Modal while the workspace opens; Cancel asks the build to stop and waits for it."""

    progressed = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openWorkspaceDialog")
        self.setWindowIcon(QIcon(str(icon_path())))
        self.setWindowTitle("VIP Desk")
        self.cancel_requested = threading.Event()
        self.label = named(QLabel(self.tr("Preparing your encrypted cache…")), "dialogIntro")
        self.bar = named(QProgressBar(), "openProgress")
        self.bar.setRange(0, 0)
        self.bar.setAccessibleName(self.tr("Progress of the local cache"))
        self.cancel_button = named(QPushButton(self.tr("Cancel")), "cancelOpen")
        self.cancel_button.setAccessibleName(self.tr("Cancel preparing the cache"))
        self.cancel_button.clicked.connect(self.request_cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignRight)
        self.progressed.connect(self._progress)
        hint = self.sizeHint()
        self.setMinimumSize(max(hint.width(), 440), hint.height() + 16)

    def report(self, done: int, total: int) -> None:
        """Called on the worker thread; the signal carries it to the GUI thread."""
        self.progressed.emit(done, total)

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, max(total, 1)))

    def request_cancel(self) -> None:
        self.cancel_requested.set()
        self.cancel_button.setEnabled(False)
        self.label.setText(self.tr("Cancelling…"))

    def reject(self) -> None:  # Escape, or the window's close button
        self.request_cancel()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.request_cancel()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()  # closes itself when the worker is done
        self.request_cancel()


def widen_message_box(box: QMessageBox, width: int) -> None:
    """QMessageBox sizes itself; a spacer in its grid is the documented way to widen it."""
    grid = box.layout()
    if isinstance(grid, QGridLayout):
        spacer = QSpacerItem(width, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)
        grid.addItem(spacer, grid.rowCount(), 0, 1, grid.columnCount())


def _key_problem_choice(parent: QWidget | None, error: VipDeskError, can_forget: bool) -> str:
    """ "retry", "forget" or "cancel"."""
    box = QMessageBox(parent)
    box.setObjectName("wrongPassphraseBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("VIP Desk")
    box.setText(
        QCoreApplication.translate(
            "workspace", "The local cache could not be opened with this passphrase or key."
        )
    )
    info = error_text(error)
    if can_forget:
        info += "\n\n" + QCoreApplication.translate(
            "workspace",
            "You may forget the cache and rebuild it from the central database; changes not "
            "yet synchronized would be lost.",
        )
    box.setInformativeText(info)
    retry = box.addButton(
        QCoreApplication.translate("workspace", "Retry"), QMessageBox.ButtonRole.AcceptRole
    )
    retry.setObjectName("retryButton")
    forget = None
    if can_forget:
        forget = box.addButton(
            QCoreApplication.translate("workspace", "Forget the cache and rebuild it"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        forget.setObjectName("forgetButton")
    cancel = box.addButton(
        QCoreApplication.translate("workspace", "Cancel"), QMessageBox.ButtonRole.RejectRole
    )
    cancel.setObjectName("cancelButton")
    box.setDefaultButton(retry)
    box.setEscapeButton(cancel)
    widen_message_box(box, 560)  # three long button labels side by side
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    if clicked is retry:
        return "retry"
    if forget is not None and clicked is forget:
        return "forget"
    return "cancel"


def _attempt(
    opener: Callable[..., Any],
    username: str,
    passphrase: Callable[[bool], str | None],
    parent: QWidget | None,
) -> tuple[dict[str, Any], bool]:
    """One try behind the progress dialog: ({"workspace": ...} or {"failure": ...}, cancelled)."""
    dialog = OpenProgressDialog(parent)
    runner = TaskRunner(dialog)
    outcome: dict[str, Any] = {}

    def done(result: Any) -> None:
        outcome["workspace"] = result
        dialog.done(QDialog.DialogCode.Accepted)

    def failed(failure: Failure) -> None:
        outcome["failure"] = failure
        dialog.done(QDialog.DialogCode.Rejected)

    cancelled = dialog.cancel_requested.is_set
    runner.submit(
        "open", lambda: opener(username, passphrase, dialog.report, cancelled), done, failed
    )
    dialog.exec()
    runner.shutdown()
    dialog.deleteLater()
    return outcome, cancelled()


def open_workspace_interactively(
    context: GuiContext, username: str, parent: QWidget | None = None
) -> WorkspaceLike | None:
    """The user's workspace, or None when they cancelled or it could not be opened (the
    reason was shown)."""
    opener = context.open_workspace
    assert opener is not None
    # Without a given passphrase, ask the person. The prompter lives as long as the
    # workspace that keeps it (it may need the key again later), so it has no parent.
    passphrase: Callable[[bool], str | None] = context.passphrase or PassphrasePrompter(parent)
    while True:
        outcome, dialog_cancelled = _attempt(opener, username, passphrase, parent)
        workspace = outcome.get("workspace")
        if workspace is not None:
            if dialog_cancelled:
                # Finished before it noticed the cancel: the person still wants out.
                workspace.close()
                return None
            return workspace  # type: ignore[no-any-return]
        failure: Failure | None = outcome.get("failure")
        if failure is None or dialog_cancelled:
            return None
        error = failure.error
        if isinstance(error, VipDeskError) and type(error).__name__ in KEY_ERRORS:
            choice = _key_problem_choice(parent, error, context.forget_cache is not None)
            if choice == "retry":
                continue
            if choice == "forget" and context.forget_cache is not None:
                context.forget_cache(username)
                continue
            return None
        if isinstance(error, VipDeskError) and type(error).__name__ in CANCELLED:
            return None
        box = report_failure(parent, failure)
        box.exec()
        return None
