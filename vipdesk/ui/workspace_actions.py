"""The main window's actions on the workspace (the encrypted cache and its sync): sync now,
settle conflicts, forget this computer. A mixin of :class:`MainWindow`, kept apart so the window
module stays about the portfolio. Its strings belong to the "MainWindow" context."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from vipdesk.ui.conflicts_dialog import ConflictsDialog
from vipdesk.ui.workspace_open import widen_message_box

if TYPE_CHECKING:
    from vipdesk.ui.sync_panel import SyncPanel
    from vipdesk.ui.workers import TaskRunner
    from vipdesk.ui.workspace_open import WorkspaceLike


class WorkspaceActions:
    # Provided by MainWindow.
    workspace: WorkspaceLike | None
    sync_panel: SyncPanel | None
    conflicts_dialog: ConflictsDialog | None
    _runner: TaskRunner
    forgetRequested: Any  # noqa: N815 - the window's Qt signal

    def _reload(self) -> None: ...
    def _failed(self, failure: Any) -> None: ...

    def sync_now(self) -> None:
        if self.sync_panel is not None:
            self.sync_panel.sync_now()

    def show_conflicts(self) -> ConflictsDialog | None:
        if self.workspace is None:
            return None
        if self.conflicts_dialog is not None:
            self.conflicts_dialog.raise_()
            self.conflicts_dialog.activateWindow()
            return self.conflicts_dialog
        dialog = ConflictsDialog(self.workspace, cast(QWidget, self))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.resolved.connect(self._conflict_resolved)
        dialog.finished.connect(self._conflicts_closed)
        self.conflicts_dialog = dialog
        dialog.open()
        return dialog

    def _conflict_resolved(self) -> None:
        self._reload()  # the cache holds the chosen version now
        if self.sync_panel is not None:
            self.sync_panel.sync_now()  # "mine" and "combine" are new edits: send them

    def _conflicts_closed(self, _result: int) -> None:
        self.conflicts_dialog = None

    def forget_this_computer(self) -> None:
        """Ask first (with the number of unsynchronized changes, read off the GUI thread)."""
        if self.workspace is None:
            return
        self._runner.submit("forget-status", self.workspace.status, self._confirm_forget,
                            self._failed)  # fmt: skip

    def _confirm_forget(self, status: object) -> None:
        pending = int(getattr(status, "pending", 0))
        box = QMessageBox(cast(QWidget, self))  # the mixin is always a MainWindow
        box.setObjectName("forgetBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("MainWindow", "Forget this computer"))
        box.setText(QCoreApplication.translate("MainWindow", "Forget this computer?"))
        info = QCoreApplication.translate(
            "MainWindow",
            "Your encrypted local cache and its key are destroyed on this computer. The next "
            "time you sign in, the cache is rebuilt from the central database.",
        )
        # Two messages rather than %n: lupdate only sees plurals in tr(), and a mixin's tr()
        # would be extracted under the wrong context.
        if pending == 1:
            info += "\n\n" + QCoreApplication.translate(
                "MainWindow",
                "1 change not yet synchronized will be lost. Synchronize first (F5) if the "
                "central database is reachable.",
            )
        elif pending > 1:
            info += "\n\n" + QCoreApplication.translate(
                "MainWindow",
                "{count} changes not yet synchronized will be lost. Synchronize first (F5) if "
                "the central database is reachable.",
            ).format(count=pending)
        box.setInformativeText(info)
        forget = box.addButton(QCoreApplication.translate("MainWindow", "Forget this computer"),
                               QMessageBox.ButtonRole.DestructiveRole)  # fmt: skip
        forget.setObjectName("confirmForgetButton")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setText(QCoreApplication.translate("MainWindow", "Cancel"))
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        widen_message_box(box, 520)
        box.exec()
        confirmed = box.clickedButton() is forget
        box.deleteLater()
        if confirmed:
            if self.sync_panel is not None:
                self.sync_panel.stop()
            self.forgetRequested.emit()
