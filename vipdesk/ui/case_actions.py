"""The main window's actions on the selected case: for now, a supervisor reassigning it. A
mixin of :class:`MainWindow`, kept apart so the window module stays about the portfolio. Its
strings belong to the "MainWindow" context.

With a workspace the reassignment is done on the supervisor's encrypted cache (and queued for
the central database, where the next sync, started right away, takes it); without one (the
window works directly on the central database) it is done there at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast
from uuid import UUID

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QTableView, QWidget

from vipdesk.core.catalog import Role
from vipdesk.services import assignments
from vipdesk.services.dto import Actor, ReassignCase, TeamExecutives
from vipdesk.ui.reassign_dialog import ReassignDialog
from vipdesk.ui.widgets import named

if TYPE_CHECKING:
    from vipdesk.ui.context import GuiContext
    from vipdesk.ui.portfolio_model import PortfolioModel
    from vipdesk.ui.sync_panel import SyncPanel
    from vipdesk.ui.workspace_open import WorkspaceLike

REASSIGN_SHORTCUT = "Ctrl+R"


class CaseActions:
    # Provided by MainWindow.
    context: GuiContext
    actor: Actor
    workspace: WorkspaceLike | None
    sync_panel: SyncPanel | None
    table: QTableView
    model: PortfolioModel
    closed: Any  # the window's Qt signal

    reassign_dialog: ReassignDialog | None = None

    def _reload(self) -> None: ...
    def selected_case_id(self) -> UUID | None: ...

    def _may_reassign(self) -> bool:
        return self.actor.role is Role.SUPERVISOR

    def _build_case_menu(self, bar: QMenuBar) -> None:
        """The "Case" menu (supervisors only, for now its one action is theirs) and the
        table's context menu."""
        self._case_menu = bar.addMenu("")
        self._case_menu.menuAction().setVisible(self._may_reassign())
        self.reassign_action = named(QAction(cast(QObject, self)), "reassignAction")
        self.reassign_action.setShortcut(QKeySequence(REASSIGN_SHORTCUT))
        self.reassign_action.triggered.connect(self.reassign_selected_case)
        self._case_menu.addAction(self.reassign_action)
        if self._may_reassign():
            self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            self.table.customContextMenuRequested.connect(self._case_context_menu)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_case_actions())
        self.model.modelReset.connect(self._update_case_actions)
        self.closed.connect(self._close_case_dialogs)
        self._update_case_actions()

    def _retranslate_case_actions(self) -> None:
        # Literal calls: lupdate reads the context and text from them (a mixin's tr() would
        # file them under the wrong context).
        self._case_menu.setTitle(QCoreApplication.translate("MainWindow", "&Case"))
        self.reassign_action.setText(QCoreApplication.translate("MainWindow", "&Reassign case…"))
        tip = QCoreApplication.translate(
            "MainWindow", "Hand the selected case to another executive of the team"
        )
        self.reassign_action.setToolTip(tip)
        self.reassign_action.setStatusTip(tip)

    def _update_case_actions(self) -> None:
        self.reassign_action.setEnabled(
            self._may_reassign() and self.selected_case_id() is not None
        )

    def _case_context_menu(self, position: QPoint) -> None:
        if not self.table.indexAt(position).isValid():
            return
        menu = QMenu(self.table)
        menu.setObjectName("caseContextMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.reassign_action)
        menu.popup(self.table.viewport().mapToGlobal(position))

    def reassign_selected_case(self) -> ReassignDialog | None:
        case_id = self.selected_case_id()
        if case_id is None or not self._may_reassign():
            return None
        if self.reassign_dialog is not None:
            self.reassign_dialog.raise_()
            self.reassign_dialog.activateWindow()
            return self.reassign_dialog
        workspace = self.workspace
        if workspace is not None:

            def load() -> TeamExecutives:
                return workspace.team_executives(case_id)

            def reassign(executive: str, current: str) -> UUID:
                return workspace.reassign(case_id, executive, current)

        else:
            factory, actor = self.context.uow_factory, self.actor

            def load() -> TeamExecutives:
                return assignments.team_executives(factory(), actor, case_id)

            def reassign(executive: str, current: str) -> UUID:
                command = ReassignCase(case_id, executive, current)
                return assignments.reassign_case(factory(), actor, command)

        dialog = ReassignDialog(load, reassign, cast(QWidget, self))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._case_reassigned)
        dialog.finished.connect(self._reassign_closed)
        self.reassign_dialog = dialog
        dialog.open()
        return dialog

    def _case_reassigned(self) -> None:
        self._reload()  # the supervisor still sees the case, with its new executive
        if self.sync_panel is not None:
            self.sync_panel.refresh_status()  # one more change waiting
            self.sync_panel.sync_now()  # and on its way to the central database

    def _reassign_closed(self, _result: int) -> None:
        self.reassign_dialog = None

    def _close_case_dialogs(self) -> None:
        if self.reassign_dialog is not None:
            self.reassign_dialog.close()
