"""The main window: the signed-in user's portfolio ("cartera") and the open cases' tabs.

The portfolio page itself (search, filters, table, loading) is the PortfolioPage mixin; the
export of the list, PortfolioExport; the case tabs and actions, their own mixins.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QProgressBar, QWidget

from vipdesk import __version__
from vipdesk.core.catalog import Role
from vipdesk.services.dto import Actor
from vipdesk.ui import i18n, labels
from vipdesk.ui.approval_settings_dialog import ApprovalSettingsDialog
from vipdesk.ui.case_actions import CaseActions
from vipdesk.ui.case_tabs import CaseTabs
from vipdesk.ui.conflicts_dialog import ConflictsDialog
from vipdesk.ui.context import GuiContext
from vipdesk.ui.dialogs import report_failure, show_about
from vipdesk.ui.letter_batch_dialog import LetterBatchDialog
from vipdesk.ui.letter_templates_dialog import LetterTemplatesDialog
from vipdesk.ui.letterhead_dialog import LetterheadDialog
from vipdesk.ui.portfolio_export import PortfolioExport
from vipdesk.ui.portfolio_page import SEARCH_DELAY_MS, PortfolioPage
from vipdesk.ui.resources import icon_path
from vipdesk.ui.settings import save_language, ui_settings
from vipdesk.ui.shortcuts_dialog import install_shortcuts_help
from vipdesk.ui.sync_panel import SyncPanel
from vipdesk.ui.thresholds_dialog import ThresholdsDialog
from vipdesk.ui.widgets import named
from vipdesk.ui.workers import Failure, TaskRunner
from vipdesk.ui.workspace_actions import WorkspaceActions
from vipdesk.ui.workspace_open import WorkspaceLike

__all__ = ["SEARCH_DELAY_MS", "MainWindow"]

_LANGUAGE_NAMES = {i18n.SPANISH: "Español", i18n.ENGLISH: "English"}  # each in its own language


class MainWindow(
    PortfolioPage, PortfolioExport, CaseTabs, CaseActions, WorkspaceActions, QMainWindow
):
    signOutRequested = Signal()  # noqa: N815
    closed = Signal()
    portfolioLoaded = Signal(int)  # noqa: N815 - number of cases now listed
    caseActivated = Signal(str)  # noqa: N815 - case id; the case workspace will open it
    exportFinished = Signal(str, int)  # noqa: N815 - path ("" if none), cases (-1: failed)

    forgetRequested = Signal()  # noqa: N815 - "Forget this computer" was confirmed

    def __init__(
        self,
        context: GuiContext,
        actor: Actor,
        parent: QWidget | None = None,
        workspace: WorkspaceLike | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.context = context
        self.actor = actor
        # With a workspace every service call works on the user's encrypted local cache.
        self.workspace = workspace
        self.uow_factory = workspace.unit_of_work if workspace is not None else context.uow_factory
        self.database_text = workspace.label if workspace is not None else context.database_label
        self.sync_panel: SyncPanel | None = None
        self.conflicts_dialog: ConflictsDialog | None = None
        # Screenshots and scripted runs must never wait on a dialog nobody will see.
        self.interactive = context.screenshot is None
        self.last_failure: Failure | None = None
        self._settings = ui_settings(context.settings_dir)
        self._runner = TaskRunner(self)
        self._runner.busyChanged.connect(self._busy_changed)
        self._init_portfolio()
        self._build()
        self._build_menus()
        self.shortcuts_help = install_shortcuts_help(self)
        self._retranslate()
        self._restore()
        self._reload()
        if self.sync_panel is not None:
            self.sync_panel.start()
        if self.interactive:
            self.restore_open_cases()

    # -- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.setWindowIcon(QIcon(str(icon_path())))
        # An explicit minimum stops the layouts from changing it whenever a label's text does
        # (each change is a round trip to the window system; offscreen Qt warns about it).
        self.setMinimumSize(960, 560)
        self.setCentralWidget(self._build_tabs(self._build_portfolio_page()))
        self._polish_table()

        self.user_label = named(QLabel(), "userLabel")
        self.database_label = named(QLabel(self.database_text), "databaseLabel")
        self.count_label = named(QLabel(), "countLabel")
        self.busy_bar = named(QProgressBar(), "busyBar")
        self.busy_bar.setRange(0, 0)  # indeterminate
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()
        status = self.statusBar()
        status.addWidget(self.user_label)
        status.addWidget(self.database_label, 1)
        if self.workspace is not None:
            self.sync_panel = SyncPanel(self.workspace, self._runner, self, self.interactive)
            self.sync_panel.dataChanged.connect(self._reload)
            self.sync_panel.conflictsRequested.connect(self.show_conflicts)
            status.addPermanentWidget(self.sync_panel.label)
            status.addPermanentWidget(self.sync_panel.conflicts_button)
        status.addPermanentWidget(self.busy_bar)
        status.addPermanentWidget(self.count_label)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self._file_menu = bar.addMenu("")
        self.sign_out_action = named(QAction(self), "signOutAction")
        self.sign_out_action.triggered.connect(self.signOutRequested)
        self.quit_action = named(QAction(self), "quitAction")
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.sync_action = named(QAction(self), "syncAction")
        self.sync_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.sync_action.triggered.connect(self.sync_now)
        self.forget_action = named(QAction(self), "forgetAction")
        self.forget_action.triggered.connect(self.forget_this_computer)
        self._file_menu.addAction(self._build_export_action())
        self._file_menu.addSeparator()
        if self.workspace is not None:
            self._file_menu.addAction(self.sync_action)
            self._file_menu.addAction(self.forget_action)
            self._file_menu.addSeparator()
        self.thresholds_action = named(QAction(self), "thresholdsAction")
        self.thresholds_action.triggered.connect(self.edit_thresholds)
        self.approval_policy_action = named(QAction(self), "approvalPolicyAction")
        self.approval_policy_action.triggered.connect(self.edit_approval_policy)
        self.letterhead_action = named(QAction(self), "letterheadAction")
        self.letterhead_action.triggered.connect(self.edit_letterhead)
        self.letter_templates_action = named(QAction(self), "letterTemplatesAction")
        self.letter_templates_action.triggered.connect(self.edit_letter_templates)
        self.batch_letters_action = named(QAction(self), "batchLettersAction")
        self.batch_letters_action.triggered.connect(self.generate_letters_in_batch)
        if self.actor.role in (Role.EXECUTIVE, Role.SUPERVISOR):
            self._file_menu.addAction(self.batch_letters_action)
            self._file_menu.addSeparator()
        if self.actor.role is Role.ADMIN:
            self._file_menu.addAction(self.letterhead_action)
            self._file_menu.addAction(self.letter_templates_action)
            self._file_menu.addAction(self.thresholds_action)
            self._file_menu.addAction(self.approval_policy_action)
            self._file_menu.addSeparator()
        self._file_menu.addAction(self.sign_out_action)
        self._file_menu.addSeparator()
        self._file_menu.addAction(self.quit_action)
        self._build_case_menu(bar)

        self._view_menu = bar.addMenu("")
        self._language_menu = self._view_menu.addMenu("")
        group = QActionGroup(self)
        group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for code, name in _LANGUAGE_NAMES.items():
            action = QAction(name, self, checkable=True)
            action.setObjectName(f"language_{code}")
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            group.addAction(action)
            self._language_menu.addAction(action)
            self.language_actions[code] = action

        self._help_menu = bar.addMenu("")
        self.about_action = named(QAction(self), "aboutAction")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self._about)
        self._help_menu.addAction(self.about_action)

        self.find_action = named(QAction(self), "findAction")
        self.find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.find_action.triggered.connect(self.focus_search)
        self.addAction(self.find_action)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("VIP Desk — Portfolio"))
        self.user_label.setText(f"{self.actor.full_name} · {labels.role_label(self.actor.role)}")
        self.user_label.setAccessibleName(self.tr("Signed-in user"))
        self.database_label.setToolTip(self.tr("Central database"))
        self.database_label.setAccessibleName(self.tr("Central database"))
        self.count_label.setAccessibleName(self.tr("Number of cases"))
        self._file_menu.setTitle(self.tr("&File"))
        self._retranslate_export()
        self.sign_out_action.setText(self.tr("Sign &out"))
        self.sync_action.setText(self.tr("&Synchronize now"))
        self.forget_action.setText(self.tr("&Forget this computer…"))
        self.thresholds_action.setText(self.tr("Ratio &thresholds…"))
        self.letterhead_action.setText(self.tr("&Letterhead and logo…"))
        self.letter_templates_action.setText(self.tr("Letter te&mplates…"))
        self.batch_letters_action.setText(self.tr("Generate &letters in batch…"))
        self.approval_policy_action.setText(self.tr("&Approval policy…"))
        if self.sync_panel is not None:
            self.sync_panel.retranslate()
        self.quit_action.setText(self.tr("&Quit"))
        self._retranslate_case_actions()
        self._retranslate_tabs()
        self._view_menu.setTitle(self.tr("&View"))
        self._language_menu.setTitle(self.tr("&Language"))
        self._help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About VIP Desk"))
        self.find_action.setText(self.tr("Find"))
        for code, action in self.language_actions.items():
            action.setChecked(code == i18n.current_language())
        self._retranslate_portfolio()

    def edit_thresholds(self) -> ThresholdsDialog:
        """Admins: where the ratios' lights change colour (every case's analysis uses them)."""
        dialog = ThresholdsDialog(self.uow_factory, self.actor, self._runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Open analyses show the new lights at once.
        dialog.saved.connect(self._reload_case_tabs)
        dialog.open()
        return dialog

    def edit_approval_policy(self) -> ApprovalSettingsDialog:
        """Admins: who approves which agreements, and the approval queue's service level."""
        dialog = ApprovalSettingsDialog(self.uow_factory, self.actor, self._runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Open agreements show the approver the new policy asks; the queue its new clock.
        dialog.saved.connect(self._reload_case_tabs)
        dialog.saved.connect(self._refresh_approvals_if_shown)
        dialog.open()
        return dialog

    def edit_letterhead(self) -> LetterheadDialog:
        """Admins: the company, bank accounts and logo every letter is printed with."""
        dialog = LetterheadDialog(self.uow_factory, self.actor, self.interactive, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def edit_letter_templates(self) -> LetterTemplatesDialog:
        """Admins: the text each kind of letter is printed from."""
        dialog = LetterTemplatesDialog(self.uow_factory, self.actor, self._runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def generate_letters_in_batch(self) -> LetterBatchDialog:
        """A letter for each case listed now (or every case of the user), into a folder."""
        dialog = LetterBatchDialog(self.uow_factory, self.actor, self.model.case_numbers(),
                                   self.interactive, self)  # fmt: skip
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Open cases list their new letters; a sync sends them.
        dialog.finished_batch.connect(lambda _result: self._reload_case_tabs())
        dialog.finished_batch.connect(lambda _result: self._case_changed())
        dialog.open()
        return dialog

    def _reload_case_tabs(self) -> None:
        for tab in self.case_tabs():
            tab.reload()

    # Plurals: lupdate marks a string as plural only in a tr() call, so they live here.
    def _cases_text(self, count: int) -> str:
        return self.tr("%Ln case(s)", "", count)

    def _exported_text(self, count: int) -> str:
        return self.tr("%Ln case(s) exported to {path}", "", count)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- loading ----------------------------------------------------------------------------

    def _failed(self, failure: Failure) -> None:
        self.last_failure = failure
        self.loading_label.hide()
        if self.interactive:
            report_failure(self, failure)

    def _busy_changed(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)

    # -- actions ----------------------------------------------------------------------------

    def set_language(self, language: str) -> None:
        effective = i18n.apply_language(language, self.context.settings_dir)
        save_language(self._settings, language)
        if effective != language and self.interactive:
            QMessageBox.information(
                self, "VIP Desk", "The translation could not be loaded; VIP Desk stays in English."
            )
        for code, action in self.language_actions.items():
            action.setChecked(code == effective)

    def _about(self) -> None:
        show_about(self, __version__, self.database_text)

    # -- state ------------------------------------------------------------------------------

    def _restore(self) -> None:
        geometry = self._settings.value("main/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1400, 800)
        state = self._settings.value("main/state")
        if state is not None:
            self.restoreState(state)

    def _save(self) -> None:
        self._settings.setValue("main/geometry", self.saveGeometry())
        self._settings.setValue("main/state", self.saveState())
        self._settings.setValue("portfolio/header", self.table.horizontalHeader().saveState())
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        unsaved = self.unsaved_case_tabs()
        if unsaved and self.interactive and not self._confirm_discard(unsaved[0]):
            event.ignore()
            return
        if self.interactive:  # a scripted screenshot must not move the user's window
            self._save()
        self.shutdown_case_tabs()
        self._search_timer.stop()
        self.cancel_export()
        if self.sync_panel is not None:
            self.sync_panel.stop()
        if self.conflicts_dialog is not None:
            self.conflicts_dialog.close()
        # Background calls hold database sessions: finish them before the window goes away.
        self._runner.shutdown()
        super().closeEvent(event)
        self.closed.emit()
