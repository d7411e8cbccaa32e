"""Approving, rejecting or sending back an agreement version, with a comment: required to
reject or to ask for changes (the service's rule, checked here first with its own words),
optional to approve. The dialog builds the step; whoever opened it (the Convenio page or the
approval queue) runs it and answers ``finish`` or ``refuse``, so a refusal — four eyes, a level
too low, someone faster — shows in the dialog."""

from __future__ import annotations

from uuid import UUID

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from vipdesk.core.agreements import AgreementAction
from vipdesk.core.errors import QT_TRANSLATE_NOOP, ValidationError
from vipdesk.core.text import clean_text
from vipdesk.services.agreement_dto import AgreementStep
from vipdesk.ui.case.finance.scenario_dialog import CommandDialog
from vipdesk.ui.case.form_dialog import new_form
from vipdesk.ui.widgets import named

MAX_COMMENT = 2000
COMMENT_NEEDED = QT_TRANSLATE_NOOP("errors", "Say why, for the executive to act on it")
COMMENTED = frozenset({AgreementAction.APPROVE, AgreementAction.REJECT,
                       AgreementAction.REQUEST_CHANGES})  # fmt: skip


class StepDialog(CommandDialog):
    def __init__(
        self,
        interactive: bool,
        case_id: UUID,
        agreement_id: UUID,
        action: AgreementAction,
        summary: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(interactive, parent)
        if action not in COMMENTED:
            raise ValueError(f"{action} takes no comment dialog")
        self.setObjectName("stepDialog")
        self.case_id, self.agreement_id, self.action = case_id, agreement_id, action
        self.summary_text = summary
        self.summary = named(QLabel(), "dialogIntro")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.comment = named(QPlainTextEdit(), "commentEdit")
        self.comment.setTabChangesFocus(True)
        self.comment.setMinimumHeight(110)
        form = new_form()
        self.add_row(form, "comment", self.comment)
        self.lay_out(self.summary, form, min_width=520)
        self.retranslate()
        self.remember_initial()
        self.comment.textChanged.connect(self.recheck)
        self.comment.setFocus()

    @property
    def required(self) -> bool:
        return self.action is not AgreementAction.APPROVE

    def retranslate(self) -> None:
        super().retranslate()
        titles = {
            AgreementAction.APPROVE: (self.tr("Approve agreement"), self.tr("&Approve")),
            AgreementAction.REJECT: (self.tr("Reject agreement"), self.tr("&Reject")),
            AgreementAction.REQUEST_CHANGES: (self.tr("Request changes"),
                                              self.tr("Send &back for changes")),
        }  # fmt: skip
        title, button = titles[self.action]
        self.setWindowTitle(title)
        self.heading.setText(title)
        self.save_button.setText(button)
        self.summary.setText(self.summary_text)
        caption = self.tr("&Comment") if self.required else self.tr("&Comment (optional)")
        self.set_captions({"comment": caption})
        hints = {
            AgreementAction.APPROVE: self.tr("e.g. Within the plan agreed with the debtor"),
            AgreementAction.REJECT: self.tr("Why it cannot be accepted"),
            AgreementAction.REQUEST_CHANGES: self.tr("What must change before it is approved"),
        }
        self.comment.setPlaceholderText(hints[self.action])

    def snapshot(self) -> object:
        return self.comment.toPlainText()

    def build_command(self) -> AgreementStep:
        comment = clean_text(self.comment.toPlainText(), "comment", max_length=MAX_COMMENT,
                             required=False, multiline=True)  # fmt: skip
        if self.required and not comment:
            raise ValidationError.single("comment", COMMENT_NEEDED)
        return AgreementStep(self.case_id, self.agreement_id, self.action.value, comment)
