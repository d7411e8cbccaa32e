"""Convenio: the case's payment agreements, one row per version, and the selected version on
the right — its status, terms, breakdown, schedule, signatories and approval trail — with the
steps its status and the user's role allow.

Everything runs through the services on the tab's runner, off the GUI thread: loading
(channels ``LOAD`` and ``ONE``), the live preview of typed terms (``PREVIEW``: a newer preview
makes an older one stale) and every change (``BUSY``; page_steps.py). After a change the page
emits ``changed``, the tab reloads the case and the page reloads its agreements, selecting the
version just touched. Edits not yet saved are never overwritten by a reload; choosing another
version asks first.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

import shiboken6
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from vipdesk.core.agreements import AgreementStatus
from vipdesk.core.catalog import Role
from vipdesk.core.errors import NotFound, VipDeskError
from vipdesk.services import agreements, approvals
from vipdesk.services.agreement_dto import (
    AgreementInfo,
    AgreementSummary,
)
from vipdesk.services.dto import CaseDetail
from vipdesk.ui.case.agreement.actions import ApprovalRight, create_state, step_states
from vipdesk.ui.case.agreement.models import AgreementsModel
from vipdesk.ui.case.agreement.page_steps import BUSY, PREVIEW, AgreementSteps
from vipdesk.ui.case.agreement.version_view import VersionView
from vipdesk.ui.case.base import CaseEnv, CasePage
from vipdesk.ui.case.finance.scenario_dialog import CommandDialog
from vipdesk.ui.dialogs import error_text, report_failure
from vipdesk.ui.formatting import money_text
from vipdesk.ui.widgets import empty_overlay, named, record_table
from vipdesk.ui.workers import Failure, TaskRunner

LOAD, ONE = "agreements", "agreement"


@dataclass(frozen=True)
class Loaded:
    summaries: tuple[AgreementSummary, ...]
    info: AgreementInfo | None
    right: ApprovalRight | None


class AgreementPage(AgreementSteps, CasePage):
    slug = "convenio"

    def __init__(self, env: CaseEnv, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(env, runner, parent)
        self.summaries: tuple[AgreementSummary, ...] = ()
        self.right: ApprovalRight | None = None
        self.dialog: CommandDialog | None = None
        self.last_failure: Failure | None = None
        self._select: UUID | None = None  # the version to show once the next load arrives
        self._own_save: UUID | None = None  # the version this page just saved
        self._selecting = False
        self.problem = named(QLabel(), "errorLabel")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.summary = named(QLabel(), "countLabel")
        self.summary.setWordWrap(True)
        self.new_button = named(QPushButton(), "newAgreementButton")
        self.new_button.clicked.connect(self.new_agreement)
        self.model = AgreementsModel(self)
        self.table = record_table("agreementsTable", self.model)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._chosen())
        self.empty = empty_overlay(self.table)
        self.empty.setMinimumWidth(300)
        self.view = VersionView(env.interactive)
        self.view.previewRequested.connect(self.preview)
        self.view.saveRequested.connect(self.save)
        self.view.reloadRequested.connect(self.reload_version)
        self.view.edits.changed.connect(self._update_steps)
        for step, button in self.view.step_buttons.items():
            button.clicked.connect(lambda _checked=False, s=step: self.take_step(s))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addStretch(1)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.summary)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([400, 1000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(self.problem)
        layout.addWidget(splitter, 1)
        runner.busyChanged.connect(self._busy_changed)  # a bound slot: gone with the page
        self.retranslate()

    def title(self) -> str:
        return self.tr("Agreement")

    def retranslate(self) -> None:
        self.new_button.setText(self.tr("&New agreement from scenario…"))
        self.new_button.setAccessibleName(self.tr("New agreement from scenario"))
        self.table.setAccessibleName(self.tr("Agreements of the case"))
        self.empty.setText(self.tr("No agreements yet: create one from the case's chosen "
                                   "scenario."))  # fmt: skip
        self.model.retranslate()
        self.view.retranslate()
        self._show_summary()
        self._update_steps()

    # -- loading ----------------------------------------------------------------------------

    def show_detail(self, detail: CaseDetail) -> None:
        super().show_detail(detail)
        env, case_id = self.env, detail.id
        wanted = self._select or self._shown_id()

        def load() -> Loaded:
            summaries = tuple(agreements.agreements_of(env.uow_factory(), env.actor, case_id))
            ids = [s.id for s in summaries]
            chosen = wanted if wanted in ids else (ids[0] if ids else None)
            if chosen is None:
                return Loaded(summaries, None, None)
            info = agreements.agreement(env.uow_factory(), env.actor, case_id, chosen)
            return Loaded(summaries, info, self._approval_right(info))

        self.runner.submit(LOAD, load, self._loaded, self._failed)

    def reload_version(self) -> None:
        """After a conflict: drop the edits and show the version as it is now."""
        self.view.discard()
        if self.detail is not None:
            self.show_detail(self.detail)

    def is_settled(self) -> bool:
        return not any(self.runner.is_busy(c) for c in (LOAD, ONE, PREVIEW, BUSY))

    def _approval_right(self, info: AgreementInfo) -> ApprovalRight | None:
        """On a worker thread: whether the viewer may decide on a pending version (with the
        reason when not)."""
        env = self.env
        if info.status != AgreementStatus.PENDING or env.actor.role not in (
            Role.SUPERVISOR, Role.ADMIN) or info.author_id == env.actor.id:  # fmt: skip
            return None
        try:
            check = approvals.decision_right(env.uow_factory(), env.actor, info.case_id, info.id)
        except NotFound:
            return None  # no longer visible: as absent from the queue
        return None if check is None else ApprovalRight(bool(check), check.reason)

    def _loaded(self, loaded: Loaded) -> None:
        self._select = None
        own_save, self._own_save = self._own_save, None
        self.last_failure = None
        self.problem.hide()
        self.summaries = loaded.summaries
        self.right = loaded.right
        self._selecting = True
        try:
            self.model.set_rows(loaded.summaries)
            self._fit_columns()
            if loaded.info is not None:
                row = self.model.row_of(loaded.info.id)
                self.table.selectionModel().setCurrentIndex(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
        finally:
            self._selecting = False
        self.empty.setVisible(not loaded.summaries)
        keep = (
            loaded.info is not None
            and self.view.info is not None
            and self.view.info.id == loaded.info.id
            and self.view.has_unsaved_changes()
        )
        if not keep:  # never overwrite what the user is typing
            self.view.show_info(loaded.info)
        elif loaded.info is not None and loaded.info.id == own_save:
            self.view.rebase(loaded.info)  # typed on after saving: the next save builds on it
        elif loaded.info is not None and self._changed_meanwhile(loaded.info):
            # Changed (or decided) meanwhile under the user's edits: say so, offer to reload.
            if self.view.notice.isHidden():
                self.view.show_notice(self.conflict_text(), conflict=True)
            self.view.reload_button.show()
        self._show_summary()
        self._update_steps()

    def _changed_meanwhile(self, info: AgreementInfo) -> bool:
        shown = self.view.info
        return shown is not None and (info.updated_at, info.status) != (
            shown.updated_at,
            shown.status,
        )

    def _failed(self, failure: Failure) -> None:
        self.last_failure = failure
        if isinstance(failure.error, VipDeskError):
            self.problem.setText(error_text(failure.error))
            self.problem.show()
        else:
            report_failure(self, failure)

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def _shown_id(self) -> UUID | None:
        return self.view.info.id if self.view.info is not None else None

    def _show_summary(self) -> None:
        count = len(self.summaries)
        if not count:
            self.summary.setText(self.tr("No agreements"))
            return
        current = next((s for s in self.summaries if s.status in (
            AgreementStatus.ACTIVE, AgreementStatus.APPROVED)), None)  # fmt: skip
        text = self.tr("%n version(s)", "", count)
        if current is not None:
            # The amount in one piece: a line never breaks between "Q" and the figure.
            amount = money_text(current.to_pay, current.currency).replace(" ", "\u00a0")
            text += " · " + self.tr("in force: {number} v{version}, {amount}").format(
                number=current.number, version=current.version, amount=amount)  # fmt: skip
        self.summary.setText(text)

    # -- choosing a version ------------------------------------------------------------------

    def selected_summary(self) -> AgreementSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _chosen(self) -> None:
        if self._selecting:
            return
        summary = self.selected_summary()
        if summary is None or summary.id == self._shown_id():
            return
        if self.view.has_unsaved_changes() and not self._may_discard():
            self._selecting = True
            try:
                row = self.model.row_of(self._shown_id())
                self.table.selectRow(row)
            finally:
                self._selecting = False
            return
        if self.detail is None:
            return
        env, case_id, agreement_id = self.env, self.detail.id, summary.id

        def load() -> Loaded:
            info = agreements.agreement(env.uow_factory(), env.actor, case_id, agreement_id)
            return Loaded(self.summaries, info, self._approval_right(info))

        self.view.preview_timer.stop()
        self.runner.cancel(PREVIEW)
        self.runner.submit(ONE, load, self._loaded, self._failed)

    def _may_discard(self) -> bool:
        if not self.env.interactive:
            return True
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unsaved changes"),
            self.tr("This version has changes that are not saved. Discard them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("discardAgreementBox")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Discard

    def has_unsaved_changes(self) -> bool:
        dialogs = [self.dialog, self.view.signatories.dialog]
        typed = any(
            d is not None and shiboken6.isValid(d) and d.isVisible() and d.has_typed()
            for d in dialogs
        )
        return typed or self.view.has_unsaved_changes()

    # -- the buttons --------------------------------------------------------------------------

    def _busy_changed(self, _busy: bool) -> None:
        self._update_steps()

    def _update_steps(self) -> None:
        busy = self.runner.is_busy(BUSY)
        self.view.set_saving(busy)
        states = step_states(self.view.info, self.summaries, self.env.actor, self.right,
                             self.view.has_unsaved_changes())  # fmt: skip
        self.view.set_steps(states)
        create = create_state(self.env.actor, self.summaries)
        self.new_button.setEnabled(create.enabled and self.detail is not None and not busy)
        self.new_button.setToolTip(create.why_not)
