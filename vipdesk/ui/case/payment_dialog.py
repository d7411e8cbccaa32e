"""Registrar pago: an amount received, when, how, and the obligation it pays (by default the
most overdue one, as the service chooses)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from uuid import UUID

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from vipdesk.core.catalog import PaymentMethod
from vipdesk.core.money import parse_amount
from vipdesk.core.text import clean_text
from vipdesk.core.validation import check_date_in_range, collect
from vipdesk.services import activity
from vipdesk.services.dto import CaseDetail, NewPayment, ObligationInfo
from vipdesk.ui import labels
from vipdesk.ui.case.base import CaseEnv
from vipdesk.ui.case.form_dialog import FormDialog, amount_cell, new_form
from vipdesk.ui.case.form_fields import AmountEdit, DateField, amount_limit, choice, require_choice
from vipdesk.ui.case.interaction_dialog import fill_combo
from vipdesk.ui.formatting import money_text, today
from vipdesk.ui.resources import icon_path
from vipdesk.ui.widgets import named

AUTOMATIC = ""  # the obligation combo's first item: let the service choose


def most_overdue(obligations: tuple[ObligationInfo, ...]) -> ObligationInfo | None:
    """The obligation the service pays when none is chosen (see activity._pick_obligation)."""
    owing = [o for o in obligations if o.total > 0] or list(obligations)
    return min(owing, key=lambda o: (-o.days_past_due, o.account_number), default=None)


class PaymentDialog(FormDialog):
    def __init__(self, env: CaseEnv, detail: CaseDetail, parent: QWidget | None = None) -> None:
        super().__init__(env.interactive, parent)
        self.setObjectName("paymentDialog")
        self.setWindowIcon(QIcon(str(icon_path())))
        self.env = env
        self.detail = detail
        self.obligation = named(QComboBox(), "obligationCombo")
        self.amount = named(AmountEdit(), "paymentAmount")
        self.currency = named(QLabel(), "currencyLabel")
        self.paid_on = named(DateField(today()), "paidOnDate")
        self.method = named(QComboBox(), "methodCombo")
        fill_combo(self.method, [(m.value, "") for m in PaymentMethod])
        self.method.setCurrentIndex(self.method.findData(PaymentMethod.TRANSFER.value))
        self.reference = named(QLineEdit(), "referenceEdit")
        form = new_form()
        self.add_row(form, "obligation", self.obligation)
        self.add_row(form, "amount", self.amount, amount_cell(self.amount, self.currency))
        self.add_row(form, "paid_on", self.paid_on)
        self.add_row(form, "method", self.method)
        self.add_row(form, "reference", self.reference)
        self.obligation.currentIndexChanged.connect(self._obligation_changed)
        self.lay_out(form, min_width=520)
        self.retranslate()
        self.remember_initial()

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Record payment"))
        self.heading.setText(self.tr("Record payment · {case}").format(case=self.detail.number))
        captions = {
            "obligation": self.tr("O&bligation"),
            "amount": self.tr("&Amount"),
            "paid_on": self.tr("&Paid on"),
            "method": self.tr("&Method"),
            "reference": self.tr("&Reference"),
        }
        self.set_captions(captions)
        self.reference.setPlaceholderText(self.tr("Bank reference, receipt or check number"))
        fill_combo(self.method, [(m.value, labels.payment_method_label(m.value))
                                 for m in PaymentMethod])  # fmt: skip
        first = most_overdue(self.detail.obligations)
        automatic = self.tr("Most overdue first ({account})").format(
            account=first.account_number if first else "—"
        )
        items = [(AUTOMATIC, automatic)] + [
            (str(o.id), f"{o.account_number} · {o.product} · {money_text(o.total, o.currency)}")
            for o in self.detail.obligations
        ]
        index = max(self.obligation.currentIndex(), 0)
        self.obligation.blockSignals(True)
        self.obligation.clear()
        for code, text in items:
            self.obligation.addItem(text, code)
        self.obligation.setCurrentIndex(index)
        self.obligation.blockSignals(False)
        self._obligation_changed()

    def chosen_obligation(self) -> ObligationInfo | None:
        """The obligation the payment goes to (the service's own choice when automatic)."""
        code = choice(self.obligation)
        if code == AUTOMATIC:
            return most_overdue(self.detail.obligations)
        return next((o for o in self.detail.obligations if str(o.id) == code), None)

    def _obligation_changed(self) -> None:
        target = self.chosen_obligation()
        self.currency.setText(target.currency if target else self.detail.currency)
        if target is not None:
            self.amount.setPlaceholderText(
                self.tr("At most {maximum}").format(
                    maximum=money_text(target.total, target.currency)
                )
            )

    def snapshot(self) -> object:
        return (choice(self.obligation), self.amount.text(), self.paid_on.value(),
                choice(self.method), self.reference.text())  # fmt: skip

    def build_command(self) -> NewPayment:
        day = today()
        values: dict[str, Any] = {}
        target = self.chosen_obligation()

        def amount() -> None:
            value = parse_amount(self.amount.text(), "amount")
            if target is not None:
                amount_limit(value, "amount", target.total,
                             money_text(target.total, target.currency))  # fmt: skip
            values["amount"] = value

        collect(
            amount,
            lambda: check_date_in_range(self.paid_on.value(), "paid_on", latest=day,
                                        earliest=day - timedelta(days=activity.BACKDATE_DAYS)),
            lambda: values.__setitem__("method", require_choice(choice(self.method), "method")),
            lambda: values.__setitem__("reference", clean_text(
                self.reference.text(), "reference", max_length=120, required=False)),
        )  # fmt: skip
        code = choice(self.obligation)
        return NewPayment(
            case_id=self.detail.id,
            paid_on=self.paid_on.value(),
            obligation_id=UUID(code) if code else None,
            **values,
        )

    def save(self, command: NewPayment) -> UUID:
        return activity.record_payment(self.env.uow_factory(), self.env.actor, command)
