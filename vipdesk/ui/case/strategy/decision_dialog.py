"""Agregar decisión: a dated entry of the strategy's decision log (today by default)."""

from __future__ import annotations

from uuid import UUID, uuid4

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from vipdesk.services import strategy
from vipdesk.services.agreement_dto import NewDecision
from vipdesk.ui.case.base import CaseEnv
from vipdesk.ui.case.form_dialog import FormDialog, new_form
from vipdesk.ui.case.form_fields import DateField
from vipdesk.ui.formatting import today
from vipdesk.ui.resources import icon_path
from vipdesk.ui.widgets import named


class DecisionDialog(FormDialog):
    def __init__(
        self, env: CaseEnv, case_id: UUID, case_number: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(env.interactive, parent)
        self.setObjectName("decisionDialog")
        self.setWindowIcon(QIcon(str(icon_path())))
        self.env, self.case_id, self.case_number = env, case_id, case_number
        self.decided_on = named(DateField(today()), "decisionDate")
        self.text = named(QPlainTextEdit(), "decisionText")
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(140)
        form = new_form()
        self.add_row(form, "decided_on", self.decided_on)
        self.add_row(form, "text", self.text)
        self.lay_out(form, min_width=560)
        self.retranslate()
        self.remember_initial()

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Add decision"))
        self.heading.setText(self.tr("New decision · {case}").format(case=self.case_number))
        self.set_captions({"decided_on": self.tr("&Date"), "text": self.tr("De&cision")})
        self.text.setPlaceholderText(
            self.tr("What was decided, by whom, and why (Ctrl+Enter saves)")
        )

    def snapshot(self) -> object:
        return (self.decided_on.value(), self.text.toPlainText())

    def build_command(self) -> NewDecision:
        day = self.decided_on.value().isoformat()
        # The service's own pure check: each message under its field before anything is sent.
        strategy.check_decision(day, self.text.toPlainText(), today=today())
        return NewDecision(self.case_id, uuid4(), day, self.text.toPlainText())

    def save(self, command: NewDecision) -> UUID:
        return strategy.add_decision(self.env.uow_factory(), self.env.actor, command)
