"""Estrategia: the negotiation strategy of the case as a structured document saved in versions,
the history of those versions with what changed between them, and the decision log.

The strategy is read by the service off the GUI thread each time the case loads (and after
anything here is saved); the document keeps what is being typed rather than being refreshed
under the user's hands (see editor.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from vipdesk.core.errors import VipDeskError
from vipdesk.services import strategy
from vipdesk.services.agreement_dto import StrategyInfo
from vipdesk.services.dto import CaseDetail
from vipdesk.ui.case.base import CaseEnv, CasePage
from vipdesk.ui.case.strategy.decisions_view import DecisionsView
from vipdesk.ui.case.strategy.editor import StrategyEditor
from vipdesk.ui.case.strategy.history_view import HistoryView
from vipdesk.ui.dialogs import error_text, report_failure
from vipdesk.ui.widgets import named
from vipdesk.ui.workers import Failure, TaskRunner

DOCUMENT, HISTORY, DECISIONS = range(3)  # the page's views, in their tabs' order


class StrategyPage(CasePage):
    slug = "estrategia"

    def __init__(self, env: CaseEnv, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(env, runner, parent)
        self.info: StrategyInfo | None = None
        self.problem = named(QLabel(), "errorLabel")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.editor = StrategyEditor(env, runner)
        self.history = HistoryView(env, runner)
        self.decisions = DecisionsView(env)
        self.editor.saved.connect(lambda _version: self.changed.emit())
        self.editor.reload_wanted.connect(self.reload)
        self.editor.compare_wanted.connect(self.compare_typed)
        self.decisions.changed.connect(self.changed)
        self.views = named(QTabWidget(), "strategyViews")
        self.views.setDocumentMode(True)
        for view in (self.editor, self.history, self.decisions):
            self.views.addTab(view, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(8)
        layout.addWidget(self.problem)
        layout.addWidget(self.views, 1)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Strategy")

    def retranslate(self) -> None:
        titles = (self.tr("Document"), self.tr("History"), self.tr("Decision log"))
        for index, text in enumerate(titles):
            self.views.setTabText(index, text)
        self.views.setAccessibleName(self.tr("Parts of the strategy"))

    def show_view(self, index: int) -> None:
        self.views.setCurrentIndex(index)

    # -- loading ----------------------------------------------------------------------------

    def show_detail(self, detail: CaseDetail) -> None:
        super().show_detail(detail)
        self.reload()

    def reload(self) -> None:
        if self.detail is None:
            return
        env, case_id = self.env, self.detail.id
        self.runner.submit(
            "strategy",
            lambda: strategy.strategy_of(env.uow_factory(), env.actor, case_id),
            self._loaded,
            self._failed,
        )

    def _loaded(self, info: StrategyInfo) -> None:
        self.info = info
        self.problem.hide()
        self.editor.show_strategy(info)
        self.history.show_versions(info)
        self.decisions.show_decisions(info, self.detail.number if self.detail else "")

    def _failed(self, failure: Failure) -> None:
        if isinstance(failure.error, VipDeskError):
            self.problem.setText(error_text(failure.error))
            self.problem.show()
        else:
            report_failure(self, failure)  # a bug: the details for support

    def compare_typed(self) -> None:
        """Show how the text being typed differs from the latest version (theirs)."""
        self.history.show_typed_against_latest(self.editor.typed())
        self.show_view(HISTORY)

    def has_unsaved_changes(self) -> bool:
        return self.editor.has_unsaved_changes() or self.decisions.has_unsaved_changes()
