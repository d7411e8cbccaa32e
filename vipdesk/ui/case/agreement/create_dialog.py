"""A new agreement from one of the case's settlement scenarios: which one (the chosen scenario
preselected), then the page creates the draft with that scenario's terms, and the debtor and
related parties as signatories."""

from __future__ import annotations

from uuid import UUID, uuid4

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from vipdesk.services.agreement_dto import AgreementCreate
from vipdesk.services.finance_dto import ScenarioInfo
from vipdesk.ui.case.finance.scenario_dialog import CommandDialog
from vipdesk.ui.case.finance.scenarios_model import kind_label
from vipdesk.ui.case.form_dialog import new_form
from vipdesk.ui.case.form_fields import choice, require_choice
from vipdesk.ui.formatting import datetime_text
from vipdesk.ui.widgets import named


class CreateDialog(CommandDialog):
    def __init__(
        self,
        interactive: bool,
        case_id: UUID,
        scenarios: list[ScenarioInfo],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(interactive, parent)
        self.setObjectName("createAgreementDialog")
        self.case_id = case_id
        self.scenarios = {s.id: s for s in scenarios}
        self.intro = named(QLabel(), "dialogIntro")
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.about = named(QLabel(), "scenarioAbout")
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        self.scenario = named(QComboBox(), "scenarioCombo")
        self.scenario.setMinimumContentsLength(36)
        for info in scenarios:
            self.scenario.addItem("", str(info.id))
        chosen = next((i for i, s in enumerate(scenarios) if s.chosen), 0)
        self.scenario.setCurrentIndex(chosen if scenarios else -1)
        form = new_form()
        self.add_row(form, "scenario_id", self.scenario)
        self.lay_out(self.intro, form, self.about, min_width=560)
        self.retranslate()
        self.remember_initial()
        self.scenario.currentIndexChanged.connect(lambda _i: self._show_about())
        self.scenario.setFocus()

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("New agreement"))
        self.heading.setText(self.tr("New agreement from a scenario"))
        self.save_button.setText(self.tr("C&reate draft"))
        self.intro.setText(
            self.tr(
                "The draft takes the scenario's terms; the debtor and the related parties are its "
                "signatories. Everything can be adjusted before it is sent for approval."
            )
        )
        for index in range(self.scenario.count()):
            info = self.scenarios[UUID(str(self.scenario.itemData(index)))]
            text = f"{info.name} · {kind_label(info.kind)}"
            if info.chosen:
                text += " · " + self.tr("✔ chosen")
            self.scenario.setItemText(index, text)
        self.set_captions({"scenario_id": self.tr("&Scenario")})
        self._show_about()

    def _show_about(self) -> None:
        code = choice(self.scenario)
        info = self.scenarios.get(UUID(code)) if code else None
        if info is None:
            self.about.setText(self.tr("The case has no scenarios: add one under “Financial "
                                       "analysis → Scenarios” first."))  # fmt: skip
            return
        facts = [
            self.tr("By {author}, {when}").format(
                author=info.author_name, when=datetime_text(info.updated_at)
            )
        ]
        if info.chosen and info.choice_reason:
            facts.append(self.tr("Why it was chosen: {reason}").format(reason=info.choice_reason))
        self.about.setText("\n".join(facts))

    def snapshot(self) -> object:
        return None  # choosing from a list loses nothing worth a question

    def build_command(self) -> AgreementCreate:
        code = require_choice(choice(self.scenario), "scenario_id")
        return AgreementCreate(self.case_id, uuid4(), UUID(code))
