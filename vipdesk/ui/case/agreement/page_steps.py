"""What the Convenio page does with a version: the live preview of typed terms, saving them,
each step of its approval and life (with a comment for the decisions, a question before the
others), a new version and a new agreement from a scenario. A mixin of
:class:`~vipdesk.ui.case.agreement.page.AgreementPage`; its strings belong to the
"AgreementPage" context.

Every change runs on the tab's runner (channel ``BUSY``). What the service refuses shows where
the user acts: under the fields, in the dialog that asked for it, or above the buttons (with
Reload when someone else changed the version meanwhile); then the page reloads to show the
version as it is now, keeping what the user typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from uuid import UUID, uuid4

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from vipdesk.core.agreements import AgreementAction
from vipdesk.core.errors import Conflict, ValidationError, VipDeskError
from vipdesk.services import agreements, approvals, scenarios
from vipdesk.services.agreement_dto import (
    AgreementCreate,
    AgreementInfo,
    AgreementRevision,
    AgreementSave,
    AgreementStep,
)
from vipdesk.services.dto import CaseDetail
from vipdesk.services.finance_dto import ScenarioInfo
from vipdesk.ui.case.agreement.create_dialog import CreateDialog
from vipdesk.ui.case.agreement.labels import percent_text
from vipdesk.ui.case.agreement.step_dialog import StepDialog
from vipdesk.ui.case.agreement.version_view import VersionView
from vipdesk.ui.case.finance.scenario_dialog import CommandDialog
from vipdesk.ui.dialogs import error_text, report_failure
from vipdesk.ui.formatting import money_text
from vipdesk.ui.workers import Failure, TaskRunner

if TYPE_CHECKING:
    from vipdesk.ui.case.base import CaseEnv

PREVIEW, BUSY = "agreement-preview", "agreement-step"
A = AgreementAction


class AgreementSteps:
    # Provided by AgreementPage.
    env: CaseEnv
    runner: TaskRunner
    view: VersionView
    detail: CaseDetail | None
    dialog: CommandDialog | None
    new_button: QPushButton
    changed: Any  # the page's Qt signal
    _select: UUID | None
    _own_save: UUID | None

    if TYPE_CHECKING:  # only declared: at run time super() must reach the page's own

        def show_detail(self, detail: CaseDetail) -> None: ...
        def _update_steps(self) -> None: ...

    # -- previewing and saving ----------------------------------------------------------------

    def preview(self) -> None:
        info = self.view.info
        if info is None or not info.editable:
            return
        try:
            terms = self.view.form.service_terms()
        except ValidationError as error:
            self.view.show_problems(error.problems)
            return
        env, case_id, agreement_id = self.env, info.case_id, info.id
        self.runner.submit(
            PREVIEW,
            lambda: agreements.preview_terms(env.uow_factory(), env.actor, case_id,
                                             agreement_id, terms),
            self._previewed, self._preview_failed,
        )  # fmt: skip

    def _previewed(self, info: AgreementInfo) -> None:
        if self.view.info is None or info.id != self.view.info.id:
            return
        self.view.form.show_problems([])
        self.view.show_figures(info)

    def _preview_failed(self, failure: Failure) -> None:
        error = failure.error
        if isinstance(error, ValidationError):
            self.view.show_problems(error.problems)
        elif isinstance(error, VipDeskError):
            self.view.show_notice(error_text(error))
        else:
            report_failure(self._widget(), failure)

    def save(self) -> None:
        info = self.view.info
        if info is None or not info.editable or self.runner.is_busy(BUSY):
            return
        if not self.view.has_unsaved_changes():
            return
        try:
            terms = self.view.form.service_terms()
        except ValidationError as error:
            self.view.show_problems(error.problems)
            return
        command = AgreementSave(
            info.case_id, info.id, terms, self.view.signatory_rows(),
            self.view.notes.toPlainText(), agreements.agreement_seen(info),
        )  # fmt: skip
        env = self.env
        self.view.preview_timer.stop()
        self.runner.cancel(PREVIEW)
        self._run(lambda: agreements.save_agreement(env.uow_factory(), env.actor, command),
                  info.id, None, saving=True)  # fmt: skip

    # -- steps --------------------------------------------------------------------------------

    def take_step(self, step: str) -> StepDialog | None:
        info = self.view.info
        button = self.view.step_buttons.get(step)
        if info is None or button is None or not button.isEnabled() or not button.isVisible():
            return None
        if step == "revise":
            new_id = uuid4()
            command = AgreementRevision(info.case_id, info.id, new_id)
            env = self.env
            self._run(lambda: agreements.revise_agreement(env.uow_factory(), env.actor, command),
                      new_id, None)  # fmt: skip
            return None
        action = AgreementAction(step)
        if action in (A.APPROVE, A.REJECT, A.REQUEST_CHANGES):
            dialog = StepDialog(self.env.interactive, info.case_id, info.id, action,
                                self._summary_of(info), self._widget())  # fmt: skip
            dialog.submitted.connect(lambda command: self._step(command, dialog))
            self._open(dialog)
            return dialog
        if not self._confirm(action, info):
            return None
        self._step(AgreementStep(info.case_id, info.id, action.value), None)
        return None

    def _summary_of(self, info: AgreementInfo) -> str:
        text = QCoreApplication.translate(
            "AgreementPage", "{number}, version {version}: {amount} to pay, discount {pct}"
        )
        return text.format(
            number=info.number,
            version=info.version,
            amount=money_text(info.breakdown.to_pay, info.currency),
            pct=percent_text(info.breakdown.discount_pct),
        )

    def _confirm(self, action: AgreementAction, info: AgreementInfo) -> bool:
        if not self.env.interactive:
            return True
        questions = {
            A.SUBMIT: QCoreApplication.translate(
                "AgreementPage", "Send {name} for approval? It cannot be changed while it waits."
            ),
            A.ACTIVATE: QCoreApplication.translate(
                "AgreementPage", "Mark {name} as signed and active? Its schedule is then followed."
            ),
            A.COMPLETE: QCoreApplication.translate(
                "AgreementPage", "Mark {name} as completed, paid as agreed?"
            ),
            A.BREAK: QCoreApplication.translate(
                "AgreementPage",
                "Mark {name} as broken? The debtor defaulted and the discount is lost.",
            ),
        }
        name = QCoreApplication.translate("AgreementPage", "{number} (version {version})").format(
            number=info.number, version=info.version
        )
        box = QMessageBox(
            QMessageBox.Icon.Question, QCoreApplication.translate("AgreementPage", "Agreement"),
            questions[action].format(name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self._widget(),
        )  # fmt: skip
        box.setObjectName("confirmStepBox")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _step(self, command: object, dialog: CommandDialog | None) -> None:
        assert isinstance(command, AgreementStep)
        env = self.env
        self._run(lambda: approvals.step_agreement(env.uow_factory(), env.actor, command),
                  command.agreement_id, dialog)  # fmt: skip

    # -- a new agreement ----------------------------------------------------------------------

    def new_agreement(self) -> None:
        if self.detail is None or not self.new_button.isEnabled() or self._form_open():
            return
        env, case_id = self.env, self.detail.id
        self.runner.submit(
            BUSY, lambda: scenarios.scenarios_of(env.uow_factory(), env.actor, case_id),
            self._choose_scenario, self._refused_failure,
        )  # fmt: skip
        self._update_steps()

    def _choose_scenario(self, found: list[ScenarioInfo]) -> None:
        self._update_steps()
        if self.detail is None:
            return
        dialog = CreateDialog(self.env.interactive, self.detail.id, found, self._widget())
        env = self.env

        def create(command: object) -> None:
            assert isinstance(command, AgreementCreate)
            self._run(lambda: agreements.create_agreement(env.uow_factory(), env.actor, command),
                      command.agreement_id, dialog)  # fmt: skip

        dialog.submitted.connect(create)
        self._open(dialog)

    # -- running ------------------------------------------------------------------------------

    def _form_open(self) -> bool:
        dialog = self.dialog
        if dialog is None or not shiboken6.isValid(dialog) or not dialog.isVisible():
            return False
        dialog.raise_()
        dialog.activateWindow()
        return True

    def _open(self, dialog: CommandDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def _run(self, call: Callable[[], object], select: UUID, dialog: CommandDialog | None,
             saving: bool = False) -> None:  # fmt: skip
        self.view.hide_notice()
        self.runner.submit(
            BUSY, call, lambda _result: self._done(select, dialog, saving),
            lambda failure: self._refused(failure, dialog),
        )  # fmt: skip
        self._update_steps()

    def _done(self, select: UUID, dialog: CommandDialog | None, saving: bool) -> None:
        if saving:
            self.view.mark_saved()
            self._own_save = select
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.finish(None)
        self._select = select
        self._update_steps()
        self.changed.emit()

    def _refused(self, failure: Failure, dialog: CommandDialog | None) -> None:
        self._update_steps()
        error = failure.error
        if dialog is not None and shiboken6.isValid(dialog) and dialog.isVisible():
            dialog.refuse(failure)  # under the comment, or under the form
        elif isinstance(error, ValidationError):
            self.view.show_problems(error.problems)
            return
        elif isinstance(error, Conflict):
            self.view.show_notice(self.conflict_text(), conflict=True)
            return
        else:
            self._refused_failure(failure)
        # Decided or changed meanwhile: show it as it is now (what was typed is kept).
        if isinstance(error, VipDeskError) and self.detail is not None:
            self.show_detail(self.detail)

    def _refused_failure(self, failure: Failure) -> None:
        self._update_steps()
        if isinstance(failure.error, VipDeskError):
            self.view.show_notice(error_text(failure.error))
        else:
            report_failure(self._widget(), failure)

    def conflict_text(self) -> str:
        return QCoreApplication.translate(
            "AgreementPage",
            "Someone else changed this agreement since you opened it, so your changes were "
            "not saved. Reload to see their version (your edits will be lost), or copy what "
            "you need first.",
        )

    def _widget(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self
