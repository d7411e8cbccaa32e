"""One open case: the header, and its pages in tabs. Loads the case off the GUI thread and
reloads it whenever a page saved something."""

from __future__ import annotations

from uuid import UUID

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from vipdesk.core.errors import VipDeskError
from vipdesk.services import cases
from vipdesk.services.dto import CaseDetail
from vipdesk.ui.case.agreement.page import AgreementPage
from vipdesk.ui.case.base import CaseEnv, CasePage
from vipdesk.ui.case.debtor_page import DebtorPage
from vipdesk.ui.case.documents.page import DocumentsPage
from vipdesk.ui.case.finance.page import FinancePage
from vipdesk.ui.case.header import CaseHeader
from vipdesk.ui.case.interactions_page import InteractionsPage
from vipdesk.ui.case.obligations_page import ObligationsPage
from vipdesk.ui.case.payments_page import PaymentsPage
from vipdesk.ui.case.promises_page import PromisesPage
from vipdesk.ui.case.strategy.page import StrategyPage
from vipdesk.ui.case.summary_page import SummaryPage
from vipdesk.ui.case.timeline_page import TimelinePage
from vipdesk.ui.dialogs import error_text
from vipdesk.ui.widgets import named
from vipdesk.ui.workers import Failure, TaskRunner

# In the order the tabs appear. Each page's ``slug`` is its name for ``--tab``.
PAGES: tuple[type[CasePage], ...] = (
    SummaryPage,
    DebtorPage,
    ObligationsPage,
    InteractionsPage,
    PromisesPage,
    PaymentsPage,
    TimelinePage,
    FinancePage,
    StrategyPage,
    AgreementPage,
    DocumentsPage,
)


def page_slugs() -> list[str]:
    return [page.slug for page in PAGES]


class CaseTab(QWidget):
    loaded = Signal(object)  # the CaseDetail, after each (re)load
    changed = Signal()  # a page saved something (the window refreshes the portfolio, syncs)
    failed = Signal(object)  # a Failure the window reports (a bug)
    unavailable = Signal(str)  # the case cannot be shown (no longer visible...): why

    def __init__(self, env: CaseEnv, case_id: UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseTab")
        self.env = env
        self.case_id = case_id
        self.detail: CaseDetail | None = None
        self.last_failure: Failure | None = None
        self.runner = TaskRunner(self)
        self.header = CaseHeader()
        self.problem = named(QLabel(), "errorLabel")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.pages_tabs = named(QTabWidget(), "casePages")
        self.pages_tabs.setDocumentMode(True)
        self.pages: list[CasePage] = []
        for page_class in PAGES:
            page = page_class(env, self.runner)
            page.changed.connect(self._page_changed)
            self.pages.append(page)
            self.pages_tabs.addTab(page, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.problem)
        layout.addWidget(self.pages_tabs, 1)
        self.retranslate()
        self.reload()

    # -- pages ------------------------------------------------------------------------------

    def page(self, slug: str) -> CasePage | None:
        return next((p for p in self.pages if p.slug == slug), None)

    def show_page(self, slug: str) -> bool:
        page = self.page(slug)
        if page is None:
            return False
        self.pages_tabs.setCurrentWidget(page)
        return True

    def current_slug(self) -> str:
        current = self.pages_tabs.currentWidget()
        return current.slug if isinstance(current, CasePage) else ""

    def has_unsaved_changes(self) -> bool:
        return any(page.has_unsaved_changes() for page in self.pages)

    def title(self) -> str:
        if self.detail is None:
            return self.tr("Case…")
        return f"{self.detail.number} · {self.detail.debtor_name}"

    def retranslate(self) -> None:
        for index, page in enumerate(self.pages):
            self.pages_tabs.setTabText(index, page.title())
        self.pages_tabs.setAccessibleName(self.tr("Pages of the case"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- loading ----------------------------------------------------------------------------

    def reload(self) -> None:
        env, case_id = self.env, self.case_id
        self.runner.submit(
            "case",
            lambda: cases.case_detail(env.uow_factory(), env.actor, case_id),
            self._loaded,
            self._failed,
        )

    def is_settled(self) -> bool:
        return (self.detail is not None or self.last_failure is not None) and not (
            self.runner.is_busy()
        )

    def _loaded(self, detail: CaseDetail) -> None:
        self.detail = detail
        self.last_failure = None
        self.problem.hide()
        self.header.show_detail(detail)
        for page in self.pages:
            page.show_detail(detail)
        self.loaded.emit(detail)

    def _failed(self, failure: Failure) -> None:
        self.last_failure = failure
        if isinstance(failure.error, VipDeskError):
            # E.g. the case was reassigned away by the last sync: say so where the case was.
            self.problem.setText(error_text(failure.error))
            self.problem.show()
            self.unavailable.emit(self.problem.text())
        else:
            self.failed.emit(failure)

    def _page_changed(self) -> None:
        self.reload()
        self.changed.emit()

    def shutdown(self) -> None:
        self.runner.shutdown()
