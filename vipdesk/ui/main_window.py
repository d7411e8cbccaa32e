"""The main window: the signed-in user's portfolio ("cartera").

The ordered case ids load off the GUI thread (search and sort included); the table then fetches
the visible rows page by page. What the user may see is decided by the services, never here.
"""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vipdesk import __version__
from vipdesk.core.catalog import Role
from vipdesk.services import portfolio
from vipdesk.services.dto import Actor, PortfolioQuery, PortfolioRow, SortKey
from vipdesk.ui import i18n, labels
from vipdesk.ui.case_actions import CaseActions
from vipdesk.ui.case_tabs import CaseTabs
from vipdesk.ui.columns import compact_font, fit_columns, widen_for_titles
from vipdesk.ui.conflicts_dialog import ConflictsDialog
from vipdesk.ui.context import GuiContext
from vipdesk.ui.dialogs import report_failure, show_about
from vipdesk.ui.portfolio_model import CASE_ID_ROLE, COLUMN_OF, PortfolioModel
from vipdesk.ui.resources import icon_path
from vipdesk.ui.settings import save_language, ui_settings
from vipdesk.ui.sync_panel import SyncPanel
from vipdesk.ui.widgets import named
from vipdesk.ui.workers import Failure, TaskRunner
from vipdesk.ui.workspace_actions import WorkspaceActions
from vipdesk.ui.workspace_open import WorkspaceLike

SEARCH_DELAY_MS = 250
_LANGUAGE_NAMES = {i18n.SPANISH: "Español", i18n.ENGLISH: "English"}  # each in its own language


class MainWindow(CaseTabs, CaseActions, WorkspaceActions, QMainWindow):
    signOutRequested = Signal()  # noqa: N815
    closed = Signal()
    portfolioLoaded = Signal(int)  # noqa: N815 - number of cases now listed
    caseActivated = Signal(str)  # noqa: N815 - case id; the case workspace will open it

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
        self.loaded_once = False
        self._refreshed = False
        self._settings = ui_settings(context.settings_dir)
        self._runner = TaskRunner(self)
        self._runner.busyChanged.connect(self._busy_changed)
        self.model = PortfolioModel(self._fetch_rows, self)
        self.model.sortRequested.connect(lambda _key, _descending: self._reload())
        self.model.fetchFailed.connect(self._failed)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._reload)
        self._build()
        self._build_menus()
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
        band = named(QFrame(), "headerBand")
        self._title = named(QLabel(), "headerTitle")
        self._subtitle = named(QLabel(), "headerSubtitle")
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self._title)
        titles.addWidget(self._subtitle)
        self.search_box = named(QLineEdit(), "searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(420)
        self.search_box.textChanged.connect(lambda _text: self._search_timer.start())
        self.loading_label = named(QLabel(), "loadingLabel")
        band_layout = QHBoxLayout(band)
        band_layout.setContentsMargins(20, 12, 20, 12)
        band_layout.setSpacing(16)
        band_layout.addLayout(titles)
        band_layout.addStretch(1)
        band_layout.addWidget(self.loading_label)
        band_layout.addWidget(self.search_box)

        self.table = named(QTableView(), "portfolioTable")
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(30)
        # Column widths are fitted to the first rows only (Qt would read 1,000 by default).
        self.table.horizontalHeader().setResizeContentsPrecision(60)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        saved = self._settings.value("portfolio/header")
        # The user's widths and column order; else fitted to the first rows once they arrive.
        self._fit_pending = saved is None or not header.restoreState(saved)
        # Widths stay ours (refitted when the language changes) until the user drags one.
        self._auto_widths = self._fit_pending
        self._fitting = False
        header.sectionResized.connect(self._section_resized)
        # The ids arrive ordered by priority, highest first (the order the day's work is done
        # in), whatever order was last used: say so before sorting is switched on, so that
        # switching it on does not trigger a reload.
        header.setSortIndicator(COLUMN_OF[SortKey.PRIORITY], Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.activated.connect(self._activated)

        # Over the (empty) rows, below the column titles: the headers stay, so that a search
        # with no results does not look like a broken table.
        self.empty_label = named(QLabel(), "emptyLabel")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()
        overlay = QVBoxLayout(self.table.viewport())
        overlay.addWidget(self.empty_label, 0, Qt.AlignmentFlag.AlignCenter)

        body = named(QWidget(), "centralArea")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(band)
        layout.addWidget(self.table, 1)
        self.setCentralWidget(self._build_tabs(body))
        # Only now: reparenting re-polishes the table and would drop a font set earlier.
        self.table.setFont(compact_font(self.table.font()))
        title_font = compact_font(self.table.font())
        title_font.setBold(True)
        self.model.set_title_font(title_font)

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
        if self.workspace is not None:
            self._file_menu.addAction(self.sync_action)
            self._file_menu.addAction(self.forget_action)
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
        self._title.setText(self.tr("Portfolio"))
        self._subtitle.setText(self._scope_text())
        self.search_box.setPlaceholderText(self.tr("Search by debtor, NIT/RFC or account number"))
        self.search_box.setAccessibleName(self.tr("Search the portfolio"))
        self.search_box.setToolTip(self.tr("Search by debtor, NIT/RFC or account number (Ctrl+F)"))
        self.table.setAccessibleName(self.tr("Portfolio cases"))
        self.loading_label.setText(self.tr("Loading…"))
        self.user_label.setText(f"{self.actor.full_name} · {labels.role_label(self.actor.role)}")
        self.user_label.setAccessibleName(self.tr("Signed-in user"))
        self.database_label.setToolTip(self.tr("Central database"))
        self.database_label.setAccessibleName(self.tr("Central database"))
        self.count_label.setAccessibleName(self.tr("Number of cases"))
        self._file_menu.setTitle(self.tr("&File"))
        self.sign_out_action.setText(self.tr("Sign &out"))
        self.sync_action.setText(self.tr("&Synchronize now"))
        self.forget_action.setText(self.tr("&Forget this computer…"))
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
        self._update_count()
        self.model.retranslate()
        if self.loaded_once:
            self._fit_columns()  # titles change length with the language

    def _scope_text(self) -> str:
        role = self.actor.role
        if role == Role.EXECUTIVE:
            return self.tr("Cases assigned to you")
        if role == Role.SUPERVISOR:
            return self.tr("Cases of your team: {team}").format(team=self.actor.team_name or "—")
        if role == Role.LEGAL:
            return self.tr("Cases escalated to legal")
        return self.tr("All cases")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- loading ----------------------------------------------------------------------------

    def _fetch_rows(self, numbers: Sequence[str]) -> list[PortfolioRow]:
        # On the GUI thread by design: one page is ~5-10 ms, less than a frame.
        return portfolio.rows(self.uow_factory(), self.actor, numbers)

    def current_query(self) -> PortfolioQuery:
        key, descending = self.model.current_sort()
        return PortfolioQuery(self.search_box.text().strip(), key, descending)

    def _reload(self) -> None:
        self._search_timer.stop()
        query = self.current_query()
        factory, actor = self.uow_factory, self.actor
        self.loading_label.show()
        self._runner.submit(
            "ids", lambda: portfolio.case_numbers(factory(), actor, query), self._ids_loaded,
            self._failed,
        )  # fmt: skip

    def _ids_loaded(self, numbers: list[str]) -> None:
        selected = self.selected_case_number()
        self.model.set_numbers(numbers)
        self.loaded_once = True
        if selected is not None and selected in numbers:
            # A reload (refresh, new sort) must not lose the case the user was looking at.
            row = numbers.index(selected)
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        if self._fit_pending and numbers:
            self._fit_pending = False
            self._fit_columns()
        self.loading_label.hide()
        self._update_count()
        self.portfolioLoaded.emit(len(numbers))
        if not self._refreshed:
            # Once per sign-in, after the first paint: recompute yesterday's priorities and
            # promise statuses, then reload if anything moved.
            self._refreshed = True
            factory, actor = self.uow_factory, self.actor
            self._runner.submit(
                "refresh", lambda: portfolio.refresh_stale(factory(), actor),
                self._refresh_done, self._failed,
            )  # fmt: skip

    def _refresh_done(self, changed: int) -> None:
        if changed > 0:
            self._reload()

    def _fit_columns(self) -> None:
        sorted_column = COLUMN_OF[self.model.current_sort()[0]]
        self._fitting = True
        try:
            if self._auto_widths:
                fit_columns(self.table, sorted_column)
            else:
                widen_for_titles(self.table, sorted_column)
        finally:
            self._fitting = False

    def _section_resized(self, _section: int, _old: int, _new: int) -> None:
        if not self._fitting:
            self._auto_widths = False

    def _update_count(self) -> None:
        count = self.model.rowCount()
        self.count_label.setText(self.tr("%Ln case(s)", "", count) if self.loaded_once else "")
        searching = bool(self.search_box.text().strip())
        show_empty = self.loaded_once and count == 0
        if show_empty:
            self.empty_label.setText(
                self.tr("No cases match your search.")
                if searching
                else self.tr("There are no cases in your portfolio.")
            )
        self.empty_label.setVisible(show_empty)

    def _failed(self, failure: Failure) -> None:
        self.last_failure = failure
        self.loading_label.hide()
        if self.interactive:
            report_failure(self, failure)

    def _busy_changed(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)

    def is_settled(self) -> bool:
        """Loaded, refreshed, nothing pending: what a screenshot or a test waits for."""
        return self.loaded_once and not self._runner.is_busy() and not self._search_timer.isActive()

    # -- actions ----------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def set_language(self, language: str) -> None:
        effective = i18n.apply_language(language, self.context.settings_dir)
        save_language(self._settings, language)
        if effective != language and self.interactive:
            QMessageBox.information(
                self, "VIP Desk", "The translation could not be loaded; VIP Desk stays in English."
            )
        for code, action in self.language_actions.items():
            action.setChecked(code == effective)

    def selected_case_number(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.case_number(rows[0].row()) if rows else None

    def selected_case_id(self) -> UUID | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.case_id(rows[0].row()) if rows else None

    def _activated(self, index: QModelIndex) -> None:
        case_id = self.model.data(index, CASE_ID_ROLE)
        if case_id:
            self.caseActivated.emit(str(case_id))
            self.open_case(UUID(str(case_id)))

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
        if self.sync_panel is not None:
            self.sync_panel.stop()
        if self.conflicts_dialog is not None:
            self.conflicts_dialog.close()
        # Background calls hold database sessions: finish them before the window goes away.
        self._runner.shutdown()
        super().closeEvent(event)
        self.closed.emit()
