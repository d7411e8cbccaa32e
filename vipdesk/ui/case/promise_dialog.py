"""Nueva promesa: a promise to pay, in the case's currency, due a week ahead by default."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from uuid import UUID

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from vipdesk.core.money import parse_amount
from vipdesk.core.text import clean_text
from vipdesk.core.validation import check_date_in_range, collect
from vipdesk.services import activity
from vipdesk.services.dto import CaseDetail, NewPromise
from vipdesk.ui.case.base import CaseEnv
from vipdesk.ui.case.form_dialog import FormDialog, amount_cell, new_form
from vipdesk.ui.case.form_fields import AmountEdit, DateField, amount_limit
from vipdesk.ui.formatting import date_text, money_text, today
from vipdesk.ui.resources import icon_path
from vipdesk.ui.widgets import named

PROMISE_DAYS_AHEAD = 7


class PromiseDialog(FormDialog):
    def __init__(self, env: CaseEnv, detail: CaseDetail, parent: QWidget | None = None) -> None:
        super().__init__(env.interactive, parent)
        self.setObjectName("promiseDialog")
        self.setWindowIcon(QIcon(str(icon_path())))
        self.env = env
        self.detail = detail
        self.amount = named(AmountEdit(), "promiseAmount")
        self.currency = named(QLabel(detail.currency), "currencyLabel")
        self.due_date = named(DateField(today() + timedelta(days=PROMISE_DAYS_AHEAD)),
                              "promiseDueDate")  # fmt: skip
        self.notes = named(QPlainTextEdit(), "notesEdit")
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(80)
        self.promised_on = named(QLabel(), "statusLabel")
        form = new_form()
        self.add_row(form, "amount", self.amount, amount_cell(self.amount, self.currency))
        self.add_row(form, "due_date", self.due_date)
        self.add_row(form, "notes", self.notes)
        form.addRow("", self.promised_on)
        self.lay_out(form, min_width=480)
        self.retranslate()
        self.remember_initial()

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("New promise"))
        self.heading.setText(self.tr("New promise · {case}").format(case=self.detail.number))
        captions = {
            "amount": self.tr("&Amount promised"),
            "due_date": self.tr("&Due date"),
            "notes": self.tr("&Notes"),
        }
        self.set_captions(captions)
        self.amount.setPlaceholderText(
            self.tr("At most {maximum}").format(
                maximum=money_text(self.detail.exposure, self.detail.currency)
            )
        )
        self.currency.setAccessibleName(self.tr("Currency"))
        self.promised_on.setText(self.tr("Promised on {date}").format(date=date_text(today())))

    def snapshot(self) -> object:
        return (self.amount.text(), self.due_date.value(), self.notes.toPlainText())

    def build_command(self) -> NewPromise:
        day = today()
        values: dict[str, Any] = {}
        exposure = self.detail.exposure
        collect(
            lambda: values.__setitem__("amount", amount_limit(
                parse_amount(self.amount.text(), "amount"), "amount", exposure,
                money_text(exposure, self.detail.currency))),
            lambda: check_date_in_range(self.due_date.value(), "due_date", earliest=day,
                                        latest=day + timedelta(days=activity.AHEAD_DAYS)),
            lambda: values.__setitem__("notes", clean_text(
                self.notes.toPlainText(), "notes", max_length=activity.MAX_NOTES,
                required=False, multiline=True)),
        )  # fmt: skip
        return NewPromise(case_id=self.detail.id, due_date=self.due_date.value(), **values)

    def save(self, command: NewPromise) -> UUID:
        return activity.record_promise(self.env.uow_factory(), self.env.actor, command)
