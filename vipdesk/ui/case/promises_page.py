"""Promesas: each promise to pay with its status (derived from the payments received) and how
much of it the payments covered; "New promise"."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from vipdesk.core.catalog import PromiseStatus
from vipdesk.services.dto import CaseDetail
from vipdesk.ui.case.activity_models import PromisesModel
from vipdesk.ui.case.base import CaseEnv
from vipdesk.ui.case.form_dialog import FormDialog
from vipdesk.ui.case.promise_dialog import PromiseDialog
from vipdesk.ui.case.records_page import RecordsPage
from vipdesk.ui.workers import TaskRunner


class PromisesPage(RecordsPage):
    slug = "promesas"

    def __init__(self, env: CaseEnv, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(env, runner, PromisesModel(), "promisesTable", parent)
        self.model.setParent(self)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Promises")

    def empty_text(self) -> str:
        return self.tr("No promises recorded yet.")

    def count_text(self, count: int) -> str:
        if self.detail is None:
            return self.tr("%n promise(s)", "", count)
        pending = sum(1 for p in self.detail.promises if p.status == PromiseStatus.PENDING)
        return self.tr("%n promise(s) · {pending} pending", "", count).format(pending=pending)

    def retranslate(self) -> None:
        super().retranslate()
        self.new_button.setText(self.tr("&New promise"))
        self.new_button.setAccessibleName(self.tr("New promise"))
        self.table.setAccessibleName(self.tr("Promises of the case"))

    def rows_of(self, detail: CaseDetail) -> tuple[Any, ...]:
        return detail.promises

    def make_dialog(self, detail: CaseDetail) -> FormDialog:
        return PromiseDialog(self.env, detail, self)
