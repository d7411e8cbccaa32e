"""Choosing the scenario to negotiate: which one, whether it is the recommended one (the best
expected present value within policy), and the reason, required when it is not (the service's
rule, checked here first with its own message). The view runs the command."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from vipdesk.core.errors import ValidationError
from vipdesk.core.text import clean_text
from vipdesk.services import scenarios
from vipdesk.services.finance_dto import Comparison, ScenarioChoice, ScenarioInfo
from vipdesk.ui.case.finance.scenario_dialog import CommandDialog
from vipdesk.ui.case.finance.scenarios_model import kind_label, level_text, percent_text
from vipdesk.ui.case.form_dialog import new_form
from vipdesk.ui.formatting import money_text
from vipdesk.ui.widgets import named


class ChoiceDialog(CommandDialog):
    def __init__(
        self,
        interactive: bool,
        comparison: Comparison,
        index: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(interactive, parent)
        self.setObjectName("choiceDialog")
        info = comparison.rows[index].info
        if info is None:
            raise ValueError("the legal route is not a scenario to choose")
        self.comparison = comparison
        self.index = index
        self.info: ScenarioInfo = info
        self.summary = named(QLabel(), "dialogIntro")
        self.recommendation = named(QLabel(), "choiceRecommendation")
        for text in (self.summary, self.recommendation):
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.PlainText)  # names are text, whatever they hold
        self.reason = named(QPlainTextEdit(), "reasonEdit")
        self.reason.setTabChangesFocus(True)
        self.reason.setMinimumHeight(90)
        if info.chosen:
            self.reason.setPlainText(info.choice_reason)
        form = new_form()
        self.add_row(form, "reason", self.reason)
        self.lay_out(self.summary, self.recommendation, form, min_width=600)
        self.retranslate()
        self.remember_initial()
        self.reason.textChanged.connect(self.recheck)
        self.reason.setFocus()

    @property
    def recommended(self) -> bool:
        return self.index == self.comparison.best_index

    def retranslate(self) -> None:
        super().retranslate()
        comparison, row = self.comparison, self.comparison.rows[self.index]
        currency = comparison.currency
        self.setWindowTitle(self.tr("Choose scenario"))
        self.heading.setText(self.tr("Negotiate “{name}”").format(name=self.info.name))
        self.save_button.setText(self.tr("C&hoose"))
        value = row.value
        facts = [kind_label(self.info.kind)]
        if value is not None:
            facts.append(self.tr("expected present value {amount}").format(
                amount=money_text(value.expected_pv, currency)))  # fmt: skip
            facts.append(self.tr("probability of completion {pct}").format(
                pct=percent_text(value.completion.p, 0)))  # fmt: skip
        self.summary.setText(" · ".join(facts))
        lines = []
        best = comparison.best_index
        if self.recommended:
            lines.append(self.tr("★ This is the recommended scenario: the best expected present "
                                 "value among those within policy."))  # fmt: skip
        elif best is not None:
            best_row = comparison.rows[best]
            amount = money_text(best_row.value.expected_pv, currency) if best_row.value else "—"
            if best_row.info is None:
                lines.append(self.tr("The legal route is worth more than any scenario within "
                                     "policy: an expected present value of {amount}.").format(
                    amount=amount))  # fmt: skip
            else:
                lines.append(self.tr("This is not the recommended scenario: “{best}” is, with an "
                                     "expected present value of {amount}.").format(
                    best=best_row.info.name, amount=amount))  # fmt: skip
        else:
            lines.append(self.tr("No scenario is recommended: none within policy can be valued."))
        if not row.within_policy and row.decision is not None:
            lines.append(self.tr("It is outside policy: a {level} must approve it.").format(
                level=level_text(row.decision.level).lower()))  # fmt: skip
        if not self.recommended:
            lines.append(self.tr("Say why you prefer it."))
        self.recommendation.setText("\n".join(lines))
        optional = self.tr("&Reason (optional)")
        self.set_captions({"reason": optional if self.recommended else self.tr("&Reason")})
        self.reason.setPlaceholderText(
            self.tr("e.g. The debtor confirmed in writing that this plan fits their cash flow")
        )

    def snapshot(self) -> object:
        return self.reason.toPlainText()

    def build_command(self) -> ScenarioChoice:
        reason = clean_text(self.reason.toPlainText(), "reason", max_length=scenarios.MAX_REASON,
                            required=False, multiline=True)  # fmt: skip
        if not reason and not self.recommended:
            raise ValidationError.single("reason", scenarios.REASON_NEEDED)
        return ScenarioChoice(self.comparison.case_id, self.info.id, self.reason.toPlainText())
