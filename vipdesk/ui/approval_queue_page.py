"""Aprobaciones: the agreement versions waiting for a decision on the cases the user sees
(supervisors, managers and admins), overdue ones first. Selecting one shows what it asks for;
Approve, Reject… and Request changes… decide on it here (each asks for a comment: required to
reject or send back), and one click opens the case on its strategy, its financial analysis or
the agreement itself.

The main window shows it as a fixed tab and calls :meth:`refresh` whenever the portfolio may
have moved (a change saved, a sync that brought news, the tab shown again); a decision taken
here refreshes it and tells the window (``decided``).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import shiboken6
from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from vipdesk.core.agreements import AgreementAction
from vipdesk.core.approval import Reason
from vipdesk.core.errors import VipDeskError
from vipdesk.services import approvals
from vipdesk.services.agreement_dto import AgreementStep
from vipdesk.services.dto import Actor
from vipdesk.ui.approval_queue_model import ApprovalQueueModel, BadgeDelegate, QueueRow, queue_rows
from vipdesk.ui.case.agreement.labels import level_label, percent_text, translated_reason
from vipdesk.ui.case.agreement.step_dialog import StepDialog
from vipdesk.ui.dialogs import error_text, report_failure
from vipdesk.ui.formatting import datetime_text, decimal_text, money_text
from vipdesk.ui.list_page import ListPage, fit_columns
from vipdesk.ui.widgets import named
from vipdesk.ui.workers import Failure

A = AgreementAction
LOAD, DECIDE = "approvals", "approval-step"
# The case pages the links open (slugs of vipdesk.ui.case.tab.PAGES).
LINKS = (("strategy", "estrategia"), ("analysis", "analisis-financiero"), ("agreement", "convenio"))
_SLA_COLUMN = 9


class ApprovalQueuePage(ListPage):
    caseRequested = Signal(object, str)  # noqa: N815 - the case id (UUID), the page to show
    decided = Signal()  # a decision was stored: the window refreshes what depends on it

    def __init__(
        self,
        uow_factory: Callable[[], Any],
        actor: Actor,
        interactive: bool = True,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__("approvalQueuePage", parent)
        self.uow_factory, self.actor, self.interactive = uow_factory, actor, interactive
        self.rows: list[QueueRow] | None = None
        self.dialog: StepDialog | None = None
        self.runner.busyChanged.connect(lambda _busy: self._show_selected())
        self.sla_label = self.subtitle  # the service level, when all the rows share one

        self.model = ApprovalQueueModel(self)
        self.table = self.list_table("approvalQueueTable", self.model, settings, self._fit_columns)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setItemDelegateForColumn(_SLA_COLUMN, BadgeDelegate(self.table))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        # Enter and double-click: the agreement itself.
        self.table.activated.connect(lambda _index: self.open_link("convenio"))

        self.side = named(QFrame(), "approvalSide")
        self.side.setStyleSheet("QFrame#approvalSide { background: #ffffff; border-left: 1px "
                                "solid #dde3ea; }")  # fmt: skip
        self.heading = named(QLabel(), "dialogHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.details = named(QLabel(), "approvalDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)  # names are text, whatever they hold
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.why_not = named(QLabel(), "offlineNotice")
        self.why_not.setWordWrap(True)
        self.why_not.setTextFormat(Qt.TextFormat.PlainText)
        self.why_not.hide()
        self.notice = named(QLabel(), "errorLabel")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.hide()
        self.decide_buttons: dict[AgreementAction, QPushButton] = {}
        decide = QGridLayout()
        decide.setSpacing(8)
        places = {A.APPROVE: (0, 0, 1, 2), A.REJECT: (1, 0, 1, 1), A.REQUEST_CHANGES: (1, 1, 1, 1)}
        for action, name in ((A.APPROVE, "primaryButton"), (A.REJECT, "rejectButton"),
                             (A.REQUEST_CHANGES, "requestChangesButton")):  # fmt: skip
            button = named(QPushButton(), name)
            button.clicked.connect(lambda _checked=False, a=action: self.decide(a))
            self.decide_buttons[action] = button
            decide.addWidget(button, *places[action])
        self.link_buttons: dict[str, QPushButton] = {}
        links = QHBoxLayout()
        for key, slug in LINKS:
            button = named(QPushButton(), f"{key}LinkButton")
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setStyleSheet("QPushButton { color: #1f5f99; text-decoration: underline; "
                                 "border: none; min-width: 0px; padding: 4px 6px; }")  # fmt: skip
            button.clicked.connect(lambda _checked=False, s=slug: self.open_link(s))
            self.link_buttons[slug] = button
            links.addWidget(button)
        links.addStretch(1)
        side_layout = QVBoxLayout(self.side)
        side_layout.setContentsMargins(18, 14, 18, 14)
        side_layout.setSpacing(10)
        side_layout.addWidget(self.heading)
        side_layout.addWidget(self.details, 1)
        side_layout.addWidget(self.why_not)
        side_layout.addWidget(self.notice)
        side_layout.addLayout(decide)
        side_layout.addLayout(links)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1000, 400])
        self.side.setMinimumWidth(340)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.band)
        layout.addWidget(self.problem)
        layout.addWidget(splitter, 1)
        self.retranslate()

    # -- texts ------------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Approvals")

    def retranslate(self) -> None:
        self._title.setText(self.tr("Agreements waiting for approval"))
        self.loading_label.setText(self.tr("Loading…"))
        self.table.setAccessibleName(self.tr("Agreements waiting for approval"))
        self.table.setToolTip(self.tr("Enter or double-click opens the agreement"))
        self.counts_label.setAccessibleName(self.tr("Approval counts"))
        self.empty_label.setText(self.tr("Nothing is waiting for approval."))
        texts = {A.APPROVE: self.tr("&Approve…"), A.REJECT: self.tr("Re&ject…"),
                 A.REQUEST_CHANGES: self.tr("Request c&hanges…")}  # fmt: skip
        for action, text in texts.items():
            self.decide_buttons[action].setText(text)
            self.decide_buttons[action].setAccessibleName(text.replace("&", "").rstrip("…"))
        links = {"estrategia": self.tr("See strategy"),
                 "analisis-financiero": self.tr("See analysis"),
                 "convenio": self.tr("See agreement")}  # fmt: skip
        for slug, text in links.items():
            self.link_buttons[slug].setText(text)
            self.link_buttons[slug].setAccessibleName(text)
        self.model.retranslate()
        self._show_counts()
        self._show_selected()

    def _show_counts(self) -> None:
        rows = self.rows
        if rows is None:
            self.counts_label.clear()
            self.sla_label.clear()
            return
        overdue = sum(1 for r in rows if r.item.overdue)
        self.counts_label.setText(" · ".join([self.tr("%n waiting", "", len(rows)),
                                              self.tr("%n overdue", "", overdue)]))  # fmt: skip
        slas = sorted({r.sla_hours for r in rows})
        self.sla_label.setText(
            self.tr("Service level: {hours} business hours").format(
                hours=decimal_text(slas[0], 0)) if len(slas) == 1 else "")  # fmt: skip
        self.empty_label.setVisible(not rows)

    # -- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Load the queue again, off the GUI thread; an older load still running is dropped."""
        self.loading_label.show()
        factory, actor = self.uow_factory, self.actor
        self.runner.submit(LOAD, lambda: queue_rows(approvals.approval_queue(factory(), actor)),
                           self._loaded, self._failed)  # fmt: skip

    def is_settled(self) -> bool:
        return (self.rows is not None or self.last_failure is not None) and not (
            self.runner.is_busy()
        )

    def _loaded(self, rows: list[QueueRow]) -> None:
        selected = self.selected_row()
        keep = selected.item.agreement_id if selected is not None else None
        self.rows = rows
        self.last_failure = None
        self.problem.hide()
        self.loading_label.hide()
        self.model.set_rows(rows)
        self.columns.apply()
        self._show_counts()
        row = self.model.row_of(keep)
        if rows:
            self.table.selectRow(row if row >= 0 else 0)
        self._show_selected()

    def _fit_columns(self) -> None:
        fit_columns(self.table, {1: 240, 2: 240}, stretch=1)  # long names: capped

    # -- the selected request ---------------------------------------------------------------

    def selected_row(self) -> QueueRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _show_selected(self) -> None:
        row = self.selected_row()
        busy = self.runner.is_busy(DECIDE)
        for button in (*self.decide_buttons.values(), *self.link_buttons.values()):
            button.setEnabled(row is not None and not busy)
        if row is None:
            self.heading.setText(self.tr("Nothing selected"))
            self.details.setText(self.tr("Choose a request on the left to see what it asks."))
            self.why_not.hide()
            for button in self.decide_buttons.values():
                button.setToolTip("")
            return
        item = row.item
        self.heading.setText(self.tr("{number}, version {version}").format(
            number=item.number, version=item.version))  # fmt: skip

        def money(amount: Decimal) -> str:
            return money_text(amount, item.currency)

        lines = [
            self.tr("Case {case} · {debtor}").format(case=item.case_number,
                                                     debtor=item.debtor_name),
            self.tr("Executive: {name}").format(name=item.executive_name),
            "",
            self.tr("Total owed: {amount}").format(amount=money(item.total)),
            self.tr("Discount: {amount} ({pct})").format(amount=money(item.total - item.to_pay),
                                                         pct=percent_text(item.discount_pct)),
            self.tr("To pay: {amount}").format(amount=money(item.to_pay)),
            self.tr("Term: %n month(s)", "", item.term_months),
            self.tr("Needs: {level}").format(level=level_label(item.required_level)),
            "",
            self.tr("Submitted {when}").format(when=datetime_text(item.submitted_at)),
            self.tr("Waited {hours} of {sla} business hours; due {due}").format(
                hours=decimal_text(item.waited_hours), sla=decimal_text(row.sla_hours, 0),
                due=datetime_text(item.due_at)),
        ]  # fmt: skip
        if item.overdue:
            lines.append(self.tr("Overdue by {hours} business hours").format(
                hours=decimal_text(row.late_hours)))  # fmt: skip
        self.details.setText("\n".join(lines))
        why = "" if item.may_approve else self._why_not(item.why_not)
        self.why_not.setText(why)
        self.why_not.setVisible(bool(why))
        for button in self.decide_buttons.values():
            button.setEnabled(item.may_approve and not busy)
            button.setToolTip(why)

    def _why_not(self, reason: Reason | None) -> str:
        if reason is None:
            return self.tr("You may not decide on this agreement")
        return translated_reason(reason)

    def open_link(self, slug: str) -> None:
        row = self.selected_row()
        if row is not None:
            self.caseRequested.emit(row.item.case_id, slug)

    # -- deciding ---------------------------------------------------------------------------

    def decide(self, action: AgreementAction) -> StepDialog | None:
        row = self.selected_row()
        button = self.decide_buttons[action]
        if row is None or not button.isEnabled():
            return None
        if self.dialog is not None and shiboken6.isValid(self.dialog) and self.dialog.isVisible():
            self.dialog.raise_()
            return None
        item = row.item
        summary = self.tr("{number}, version {version} · {case} · {debtor}: {amount} to pay, "
                          "discount {pct}").format(
            number=item.number, version=item.version, case=item.case_number,
            debtor=item.debtor_name, amount=money_text(item.to_pay, item.currency),
            pct=percent_text(item.discount_pct))  # fmt: skip
        dialog = StepDialog(self.interactive, item.case_id, item.agreement_id, action, summary,
                            self)  # fmt: skip
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(lambda command: self._run(command, dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _run(self, command: object, dialog: StepDialog) -> None:
        assert isinstance(command, AgreementStep)
        factory, actor = self.uow_factory, self.actor
        self.notice.hide()
        self.runner.submit(
            DECIDE, lambda: approvals.step_agreement(factory(), actor, command),
            lambda _status: self._decided(dialog), lambda failure: self._refused(dialog, failure),
        )  # fmt: skip
        self._show_selected()

    def _decided(self, dialog: StepDialog) -> None:
        if shiboken6.isValid(dialog):
            dialog.finish(None)
        self.refresh()
        self.decided.emit()

    def _refused(self, dialog: StepDialog, failure: Failure) -> None:
        if shiboken6.isValid(dialog) and dialog.isVisible():
            dialog.refuse(failure)  # under the comment, or under the form
        elif isinstance(failure.error, VipDeskError):
            self.notice.setText(error_text(failure.error))
            self.notice.show()
        else:
            report_failure(self, failure)
        if isinstance(failure.error, VipDeskError):
            self.refresh()  # decided meanwhile by someone else: show the queue as it is now
