"""The sync part of the status bar: what is synchronized, what waits, what conflicts.

Sync runs off the GUI thread, every :data:`SYNC_INTERVAL_MS` and on demand. Being offline is
never an error dialog: the label says so and the next tick tries again.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from vipdesk.core.errors import EnvironmentProblem
from vipdesk.ui.dialogs import report_failure
from vipdesk.ui.widgets import named
from vipdesk.ui.workers import Failure, TaskRunner
from vipdesk.ui.workspace_open import WorkspaceLike

SYNC_INTERVAL_MS = 60_000


class SyncPanel(QObject):
    """Owns the sync label and the conflicts button; the window puts them in its status bar."""

    dataChanged = Signal()  # noqa: N815 - the cache received changes: reload what is shown
    conflictsRequested = Signal()  # noqa: N815
    synced = Signal()  # after every sync attempt (done or offline), for tests and the window

    def __init__(
        self, workspace: WorkspaceLike, runner: TaskRunner, parent: QWidget, interactive: bool
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._runner = runner
        self._interactive = interactive
        self._parent_widget = parent
        self.label = named(QLabel(), "syncLabel")
        self.conflicts_button = named(QPushButton(), "conflictsButton")
        self.conflicts_button.setFlat(True)
        self.conflicts_button.hide()
        self.conflicts_button.clicked.connect(self.conflictsRequested)
        self.syncing = False
        self.offline = False
        self.offline_reason = ""
        self._again = False
        self._last_reported = ""
        self.pending = 0
        self.conflicts = 0
        self.last_sync_at: datetime | None = None
        self.timer = QTimer(self, interval=SYNC_INTERVAL_MS)
        self.timer.timeout.connect(self.sync_now)
        self.retranslate()

    def start(self) -> None:
        self.timer.start()
        self.sync_now()

    def stop(self) -> None:
        self.timer.stop()

    # -- sync -------------------------------------------------------------------------------

    def sync_now(self) -> None:
        if self.syncing:
            self._again = True  # one more right after, with whatever changed meanwhile
            return
        self.syncing = True
        self._show()
        workspace = self.workspace

        def run() -> tuple[Any, Any]:
            report = workspace.sync()
            return report, workspace.status()

        self._runner.submit("sync", run, self._synced, self._sync_failed)

    def _synced(self, result: tuple[Any, Any]) -> None:
        report, status = result
        self.offline = False
        self._apply(status)
        self._finish()
        if report.pulled or report.removed:
            self.dataChanged.emit()

    def _sync_failed(self, failure: Failure) -> None:
        if isinstance(failure.error, EnvironmentProblem):
            # Offline (or the central database is otherwise unreachable): say so, keep working.
            self.offline = True
            self.offline_reason = str(failure.error)
            self._finish()
            self.refresh_status()
            return
        self._finish()
        # A bug would come back at every tick: say it once, not every minute.
        if self._interactive and failure.details != self._last_reported:
            self._last_reported = failure.details
            report_failure(self._parent_widget, failure)

    def _finish(self) -> None:
        self.syncing = False
        self._show()
        self.synced.emit()
        if self._again:
            self._again = False
            self.sync_now()

    def refresh_status(self) -> None:
        """Re-read pending changes and conflicts (after a local change or a resolution)."""
        self._runner.submit("sync-status", self.workspace.status, self._status, self._status_failed)

    def _status(self, status: Any) -> None:
        self._apply(status)
        self._show()

    def _status_failed(self, failure: Failure) -> None:
        if self._interactive:
            report_failure(self._parent_widget, failure)

    def _apply(self, status: Any) -> None:
        self.pending = int(status.pending)
        self.conflicts = int(status.conflicts)
        self.last_sync_at = status.last_sync_at

    # -- text -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.label.setAccessibleName(self.tr("Synchronization status"))
        self.conflicts_button.setAccessibleName(self.tr("Open the synchronization conflicts"))
        self.conflicts_button.setToolTip(self.tr("Changes that need your decision"))
        self._show()

    def text(self) -> str:
        if self.syncing:
            return self.tr("Synchronizing…")
        if self.offline:
            return self.tr("Offline · %n change(s) waiting", "", self.pending)
        if self.pending:
            return self.tr("%n change(s) waiting", "", self.pending)
        if self.last_sync_at is not None:
            local = self.last_sync_at.astimezone()
            return self.tr("Synchronized at {time}").format(time=local.strftime("%H:%M"))
        return self.tr("Not synchronized yet")

    def _show(self) -> None:
        self.label.setText(self.text())
        self.label.setToolTip(self.offline_reason if self.offline else "")
        self.conflicts_button.setText(self.tr("%n conflict(s)", "", self.conflicts))
        self.conflicts_button.setVisible(self.conflicts > 0)
