"""The main window's tabs: the portfolio first and "Mi día" (the agenda) second, both never
closed, then one tab per open case. A mixin of :class:`MainWindow`; its strings belong to the
"MainWindow" context.

Opening a case already open switches to its tab. Ctrl+W closes the current case tab, asking
first when one of its pages holds unsaved work. The open cases are remembered per user.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast
from uuid import UUID

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QTabBar, QTabWidget, QWidget

from vipdesk.core.catalog import Role
from vipdesk.services import agenda
from vipdesk.services.dto import Actor, Agenda
from vipdesk.ui.agenda_page import AgendaPage
from vipdesk.ui.approval_queue_page import ApprovalQueuePage
from vipdesk.ui.case.base import CaseEnv
from vipdesk.ui.case.tab import CaseTab
from vipdesk.ui.legal_inbox_page import LegalInboxPage
from vipdesk.ui.resources import icon
from vipdesk.ui.widgets import named

if TYPE_CHECKING:
    from vipdesk.ui.context import GuiContext
    from vipdesk.ui.sync_panel import SyncPanel
    from vipdesk.ui.workers import Failure

MAX_REMEMBERED = 12


class CaseTabs:
    # Provided by MainWindow.
    context: GuiContext
    actor: Actor
    uow_factory: Any
    interactive: bool
    sync_panel: SyncPanel | None
    _settings: QSettings
    portfolioLoaded: Any  # noqa: N815 - the window's Qt signal, after each portfolio load

    def _reload(self) -> None: ...
    def _failed(self, failure: Failure) -> None: ...

    def _build_tabs(self, portfolio_page: QWidget) -> QTabWidget:
        self.tabs = named(QTabWidget(), "mainTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.setTabBarAutoHide(True)  # a single tab needs no tab bar
        self.tabs.addTab(portfolio_page, "")
        factory, actor = self.uow_factory, self.actor
        self.agenda_page = AgendaPage(lambda: _my_day(factory, actor), settings=self._settings)
        self.agenda_page.caseRequested.connect(self.open_case)
        self.agenda_page.failed.connect(self._failed)
        self.tabs.addTab(self.agenda_page, icon("agenda"), "")
        for fixed in (0, 1):
            self.tabs.tabBar().setTabButton(fixed, QTabBar.ButtonPosition.RightSide, None)
            self.tabs.tabBar().setTabButton(fixed, QTabBar.ButtonPosition.LeftSide, None)
        self._build_approvals_tab()
        self._build_legal_inbox_tab()
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(self._current_tab_changed)
        # A reload of the portfolio (a change saved, a sync that brought news) may move the
        # agenda too; while the agenda is hidden its next showing refreshes it instead.
        self.portfolioLoaded.connect(lambda _count: self._refresh_agenda_if_shown())
        self.close_tab_action = named(QAction(cast(QObject, self)), "closeTabAction")
        # Ctrl+W everywhere (the promise), plus the platform's own "close" key.
        keys = [QKeySequence("Ctrl+W"), *QKeySequence.keyBindings(QKeySequence.StandardKey.Close)]
        self.close_tab_action.setShortcuts(list(dict.fromkeys(keys)))
        self.close_tab_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.close_tab_action.triggered.connect(self.close_current_tab)
        cast(QWidget, self).addAction(self.close_tab_action)
        return self.tabs

    def _build_approvals_tab(self) -> None:
        """Supervisors (managers among them) and admins: the approval queue, a fixed tab."""
        self.approvals_page: ApprovalQueuePage | None = None
        if self.actor.role not in (Role.SUPERVISOR, Role.ADMIN):
            return
        page = ApprovalQueuePage(self.uow_factory, self.actor, self.interactive,
                                 settings=self._settings)  # fmt: skip
        page.caseRequested.connect(self.open_case)
        page.failed.connect(self._failed)
        page.decided.connect(self._approval_decided)
        index = self.tabs.addTab(page, "")
        for side in (QTabBar.ButtonPosition.RightSide, QTabBar.ButtonPosition.LeftSide):
            self.tabs.tabBar().setTabButton(index, side, None)
        self.portfolioLoaded.connect(lambda _count: self._refresh_approvals_if_shown())
        self.tabs.currentChanged.connect(lambda _index: self._refresh_approvals_if_shown())
        self.approvals_page = page

    def _refresh_approvals_if_shown(self) -> None:
        page = self.approvals_page
        if page is not None and self.tabs.currentWidget() is page:
            page.refresh()

    def show_approvals(self) -> ApprovalQueuePage:
        assert self.approvals_page is not None, "only supervisors and admins have the queue"
        self.tabs.setCurrentWidget(self.approvals_page)
        return self.approvals_page

    def _approval_decided(self) -> None:
        for tab in self.case_tabs():
            tab.reload()  # an open case shows the decision at once
        self._case_changed()

    def _build_legal_inbox_tab(self) -> None:
        """Legal users: the documents sent to legal, to open and acknowledge, a fixed tab."""
        self.legal_inbox_page: LegalInboxPage | None = None
        if self.actor.role is not Role.LEGAL:
            return
        page = LegalInboxPage(self.uow_factory, self.actor, settings=self._settings)
        page.caseRequested.connect(self.open_case)
        page.failed.connect(self._failed)
        page.acknowledged.connect(self._approval_decided)  # open cases show it; then a sync
        index = self.tabs.addTab(page, "")
        for side in (QTabBar.ButtonPosition.RightSide, QTabBar.ButtonPosition.LeftSide):
            self.tabs.tabBar().setTabButton(index, side, None)
        self.portfolioLoaded.connect(lambda _count: self._refresh_inbox_if_shown())
        self.tabs.currentChanged.connect(lambda _index: self._refresh_inbox_if_shown())
        self.legal_inbox_page = page

    def _refresh_inbox_if_shown(self) -> None:
        page = self.legal_inbox_page
        if page is not None and self.tabs.currentWidget() is page:
            page.refresh()

    def show_legal_inbox(self) -> LegalInboxPage:
        assert self.legal_inbox_page is not None, "only legal users have the inbox"
        self.tabs.setCurrentWidget(self.legal_inbox_page)
        return self.legal_inbox_page

    def _retranslate_tabs(self) -> None:
        self.tabs.setTabText(0, QCoreApplication.translate("MainWindow", "Portfolio"))
        agenda_index = self.tabs.indexOf(self.agenda_page)
        self.tabs.setTabText(agenda_index, QCoreApplication.translate("MainWindow", "My day"))
        self.tabs.setTabToolTip(
            agenda_index,
            QCoreApplication.translate("MainWindow", "Follow-ups and promises falling due"),
        )
        self.close_tab_action.setText(QCoreApplication.translate("MainWindow", "Close case tab"))
        if self.approvals_page is not None:
            index = self.tabs.indexOf(self.approvals_page)
            self.tabs.setTabText(index, QCoreApplication.translate("MainWindow", "Approvals"))
            self.tabs.setTabToolTip(index, QCoreApplication.translate(
                "MainWindow", "Agreements waiting for your approval"))  # fmt: skip
        if self.legal_inbox_page is not None:
            index = self.tabs.indexOf(self.legal_inbox_page)
            self.tabs.setTabText(index, QCoreApplication.translate("MainWindow", "Received"))
            self.tabs.setTabToolTip(index, QCoreApplication.translate(
                "MainWindow", "Documents sent to legal by collections"))  # fmt: skip

    # -- opening and closing -----------------------------------------------------------------

    def case_tabs(self) -> list[CaseTab]:
        return [
            w for i in range(self.tabs.count()) if isinstance(w := self.tabs.widget(i), CaseTab)
        ]

    def open_case(self, case_id: UUID, page: str | None = None) -> CaseTab:
        for tab in self.case_tabs():
            if tab.case_id == case_id:
                break
        else:
            env = CaseEnv(self.uow_factory, self.actor, self.context.settings_dir,
                          self.interactive, self._settings)  # fmt: skip
            tab = CaseTab(env, case_id)
            tab.loaded.connect(lambda _detail, t=tab: self._tab_loaded(t))
            tab.changed.connect(self._case_changed)
            tab.failed.connect(self._failed)
            self.tabs.addTab(tab, tab.title())
            self._remember_open_cases()
        if page:
            tab.show_page(page)
        self.tabs.setCurrentWidget(tab)
        return tab

    def _tab_loaded(self, tab: CaseTab) -> None:
        index = self.tabs.indexOf(tab)
        if index >= 0:
            self.tabs.setTabText(index, tab.title())
            self.tabs.setTabToolTip(index, tab.title())

    def _case_changed(self) -> None:
        self._reload()  # the portfolio's figures (last contact, promise status...) changed
        self.agenda_page.refresh()  # a follow-up done or moved, a promise recorded...
        if self.sync_panel is not None:
            self.sync_panel.sync_now()

    def _current_tab_changed(self, _index: int) -> None:
        self._refresh_agenda_if_shown()

    def _refresh_agenda_if_shown(self) -> None:
        if self.tabs.currentWidget() is self.agenda_page:
            self.agenda_page.refresh()

    def show_agenda(self) -> AgendaPage:
        self.tabs.setCurrentWidget(self.agenda_page)
        return self.agenda_page

    def close_current_tab(self) -> None:
        self.close_tab(self.tabs.currentIndex())

    def close_tab(self, index: int) -> bool:
        tab = self.tabs.widget(index)
        if not isinstance(tab, CaseTab):
            return False  # the portfolio and the agenda stay
        if tab.has_unsaved_changes() and self.interactive and not self._confirm_discard(tab):
            return False
        self.tabs.removeTab(index)
        tab.shutdown()
        tab.deleteLater()
        self._remember_open_cases()
        return True

    def _confirm_discard(self, tab: CaseTab) -> bool:
        answer = QMessageBox.question(
            cast(QWidget, self),
            "VIP Desk",
            QCoreApplication.translate(
                "MainWindow", "{case} has unsaved changes. Close it and discard them?"
            ).format(case=tab.title()),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def unsaved_case_tabs(self) -> list[CaseTab]:
        return [tab for tab in self.case_tabs() if tab.has_unsaved_changes()]

    def shutdown_case_tabs(self) -> None:
        for tab in self.case_tabs():
            tab.shutdown()
        self.agenda_page.shutdown()
        if self.approvals_page is not None:
            self.approvals_page.shutdown()
        if self.legal_inbox_page is not None:
            self.legal_inbox_page.shutdown()

    # -- remembered between sessions ---------------------------------------------------------

    def _open_cases_key(self) -> str:
        return f"session/{self.actor.username}/open_cases"

    def _remember_open_cases(self) -> None:
        if self.interactive:
            ids = [str(tab.case_id) for tab in self.case_tabs()][-MAX_REMEMBERED:]
            self._settings.setValue(self._open_cases_key(), ids)

    def restore_open_cases(self) -> None:
        saved = self._settings.value(self._open_cases_key()) or []
        for text in saved if isinstance(saved, list) else [saved]:
            try:
                case_id = UUID(str(text))
            except ValueError:
                continue  # a hand-edited settings file: skip what is not an id
            tab = self.open_case(case_id)
            # A case no longer visible (reassigned, closed to us) closes itself quietly.
            tab.unavailable.connect(lambda _why, t=tab: self.close_tab(self.tabs.indexOf(t)))
        if self.tabs.count():
            self.tabs.setCurrentIndex(0)


def _my_day(uow_factory: Any, actor: Actor) -> Agenda:
    # Runs on the agenda's worker thread: a fresh unit of work each time.
    return agenda.my_day(uow_factory(), actor)
