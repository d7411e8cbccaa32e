"""Análisis financiero: the debtor's statements, the ratios and their trend, the capacity to
pay with its assumptions, and the settlement scenarios valued side by side.

The analysis and the scenario comparison are computed by the services off the GUI thread each
time the case loads (and after anything here is saved); a view with typed, unsaved work keeps
it rather than being refreshed under the user's hands."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from vipdesk.core.catalog import Segment
from vipdesk.core.errors import VipDeskError
from vipdesk.services import finance, scenarios
from vipdesk.services.dto import CaseDetail
from vipdesk.services.finance_dto import Comparison, FinancialAnalysis
from vipdesk.ui import formatting
from vipdesk.ui.case.base import CaseEnv, CasePage
from vipdesk.ui.case.finance.capacity_view import CapacityView
from vipdesk.ui.case.finance.ratios_view import RatiosView
from vipdesk.ui.case.finance.scenarios_view import ScenariosView
from vipdesk.ui.case.finance.statements_view import StatementsView
from vipdesk.ui.dialogs import error_text, report_failure
from vipdesk.ui.widgets import named
from vipdesk.ui.workers import Failure, TaskRunner


@dataclass(frozen=True)
class Loaded:
    analysis: FinancialAnalysis
    comparison: Comparison


class FinancePage(CasePage):
    slug = "analisis-financiero"

    def __init__(self, env: CaseEnv, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(env, runner, parent)
        self.loaded: Loaded | None = None
        self.summary = named(QLabel(), "countLabel")
        self.problem = named(QLabel(), "errorLabel")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.statements = StatementsView(env, runner)
        self.ratios = RatiosView()
        self.capacity = CapacityView(env, runner)
        self.scenarios = ScenariosView(env, runner)
        self.statements.changed.connect(self.changed)
        self.capacity.changed.connect(self.changed)
        self.scenarios.changed.connect(self.changed)
        self.views = named(QTabWidget(), "financeViews")
        self.views.setDocumentMode(True)
        views: tuple[QWidget, ...] = (self.statements, self.ratios, self.capacity, self.scenarios)
        for view in views:
            self.views.addTab(view, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(8)
        layout.addWidget(self.summary)
        layout.addWidget(self.problem)
        layout.addWidget(self.views, 1)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Financial analysis")

    def retranslate(self) -> None:
        titles = (self.tr("Statements"), self.tr("Ratios"), self.tr("Capacity to pay"),
                  self.tr("Scenarios"))  # fmt: skip
        for index, text in enumerate(titles):
            self.views.setTabText(index, text)
        self.views.setAccessibleName(self.tr("Parts of the financial analysis"))
        self._show_summary()

    def show_view(self, index: int) -> None:
        self.views.setCurrentIndex(index)

    # -- loading ----------------------------------------------------------------------------

    def show_detail(self, detail: CaseDetail) -> None:
        super().show_detail(detail)
        env, case_id = self.env, detail.id

        def load() -> Loaded:
            return Loaded(
                finance.financial_analysis(env.uow_factory(), env.actor, case_id),
                scenarios.compare_scenarios(env.uow_factory(), env.actor, case_id),
            )

        self.runner.submit("finance", load, self._loaded, self._failed)

    def _loaded(self, loaded: Loaded) -> None:
        self.loaded = loaded
        self.problem.hide()
        analysis = loaded.analysis
        if not self.statements.has_unsaved_changes():
            self.statements.show_analysis(analysis)
        labels = [p.label for p in analysis.periods]
        self.ratios.show_ratios(analysis.segment == Segment.COMPANY, labels, analysis.ratios,
                                analysis.thresholds, analysis.currency)  # fmt: skip
        if not self.capacity.has_unsaved_changes():
            self.capacity.show_analysis(analysis)
        self.scenarios.show_comparison(loaded.comparison, analysis.can_edit)
        self._show_summary()

    def _failed(self, failure: Failure) -> None:
        if isinstance(failure.error, VipDeskError):
            self.problem.setText(error_text(failure.error))
            self.problem.show()
        else:
            report_failure(self, failure)  # a bug: the details for support

    def _show_summary(self) -> None:
        if self.loaded is None:
            self.summary.setText(self.tr("Loading the financial analysis…"))
            return
        analysis = self.loaded.analysis
        self.summary.setText(
            self.tr("Amounts in {currency} · exposure {exposure} · as of {date}").format(
                currency=analysis.currency,
                exposure=formatting.money_text(analysis.exposure, analysis.currency),
                date=formatting.date_text(analysis.as_of),
            )
        )

    def has_unsaved_changes(self) -> bool:
        return (self.statements.has_unsaved_changes() or self.capacity.has_unsaved_changes()
                or self.scenarios.has_unsaved_changes())  # fmt: skip
