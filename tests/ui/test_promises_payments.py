"""Promesas and Pagos: recording a promise, then the payment that keeps it, as the executive
does it; hostile amounts and dates; problems the service finds shown next to their field."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.case_pages import OpenCase, closed, wait_saved
from tests.ui.conftest import LOAD_TIMEOUT_MS
from tests.ui.modals import when_shown
from vipdesk.core.catalog import PromiseStatus
from vipdesk.ui import labels
from vipdesk.ui.case.activity_models import STATUS_ROLE
from vipdesk.ui.case.payment_dialog import PaymentDialog
from vipdesk.ui.case.payments_page import PaymentsPage
from vipdesk.ui.case.promise_dialog import PromiseDialog
from vipdesk.ui.case.promises_page import PromisesPage
from vipdesk.ui.case.tab import CaseTab
from vipdesk.ui.formatting import money_text, today

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen


def discard_when_asked() -> None:
    when_shown(
        lambda w: w.objectName() == "discardBox",
        lambda box: box.button(QMessageBox.StandardButton.Discard).click(),  # type: ignore[attr-defined]
    )


def open_form(qtbot: QtBot, tab: CaseTab, slug: str) -> tuple[object, object]:
    assert tab.show_page(slug)
    page = tab.page(slug)
    assert isinstance(page, PromisesPage | PaymentsPage)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=LOAD_TIMEOUT_MS)
    return page, dialog


def test_a_payment_that_covers_the_promise_makes_it_kept(
    qtbot: QtBot, first_case: OpenCase
) -> None:
    tab, before = first_case.tab, first_case.stored()

    page, dialog = open_form(qtbot, tab, "promesas")
    assert isinstance(page, PromisesPage) and isinstance(dialog, PromiseDialog)
    assert dialog.currency.text() == before.currency
    qtbot.keyClicks(dialog.amount, "250.75")
    qtbot.keyClicks(dialog.notes, "Paga con transferencia")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    wait_saved(qtbot, tab, dialog)
    after = first_case.stored()
    (promise,) = [p for p in after.promises if p.id not in {q.id for q in before.promises}]
    assert (promise.amount, promise.status) == (Decimal("250.75"), PromiseStatus.PENDING)
    assert promise.due_date == today() + timedelta(days=7)
    row = page.model.row_of(promise.id)
    assert page.selected() == promise
    amount_index = page.model.index(row, page.model.column_of("amount"))
    assert amount_index.data() == money_text(Decimal("250.75"), before.currency)

    # Pay what every promise still open lacks, so that this one is covered too (payments go to
    # the earliest commitment first).
    owed = sum((p.amount - p.applied_amount for p in after.promises
                if p.status == PromiseStatus.PENDING), Decimal(0))  # fmt: skip
    payments, pay = open_form(qtbot, tab, "pagos")
    assert isinstance(payments, PaymentsPage) and isinstance(pay, PaymentDialog)
    largest = max(after.obligations, key=lambda o: o.total)
    assert largest.total >= owed
    pay.obligation.setCurrentIndex(pay.obligation.findData(str(largest.id)))
    assert pay.currency.text() == largest.currency
    assert pay.paid_on.value() == today()
    qtbot.keyClicks(pay.amount, f"{owed:.2f}")
    qtbot.keyClicks(pay.reference, "TRF-<i>889</i>")
    qtbot.keyClick(pay.reference, Qt.Key.Key_Return)
    wait_saved(qtbot, tab, pay)

    final = first_case.stored()
    (payment,) = [p for p in final.payments if p.id not in {q.id for q in after.payments}]
    assert (payment.amount, payment.reference, payment.method) == (owed, "TRF-<i>889</i>",
                                                                   "transfer")  # fmt: skip
    assert payment.obligation_account == largest.account_number
    kept = next(p for p in final.promises if p.id == promise.id)
    assert kept.status == PromiseStatus.KEPT and kept.applied_amount == Decimal("250.75")

    # Shown: the payment selected with its breakdown, the promise now kept.
    assert payments.selected() == payment
    parts = {
        "fees": payment.applied_fees,
        "default_interest": payment.applied_default_interest,
        "interest": payment.applied_interest,
        "principal": payment.applied_principal,
    }
    assert sum(parts.values()) == payment.amount
    for key, amount in parts.items():
        assert payments.parts[key].text() == money_text(amount, payment.currency)
    reference = payments.model.index(
        payments.model.row_of(payment.id), payments.model.column_of("reference")
    )
    assert reference.data() == "TRF-<i>889</i>"
    assert "<i>" not in reference.data(Qt.ItemDataRole.ToolTipRole)  # escaped, shown as typed
    assert tab.show_page("promesas")
    status = page.model.index(page.model.row_of(promise.id), page.model.column_of("status"))
    assert status.data(STATUS_ROLE) == "kept"
    assert status.data() == labels.promise_status_label("kept")


def test_hostile_amounts_and_dates_are_refused_and_nothing_is_stored(
    qtbot: QtBot, first_case: OpenCase
) -> None:
    tab, before = first_case.tab, first_case.stored()

    _page, pay = open_form(qtbot, tab, "pagos")
    assert isinstance(pay, PaymentDialog)
    for typed in ("", "-100", "0", "1e15", "1000000000000000", "12.345", "<b>5</b>"):
        pay.amount.clear()
        qtbot.keyClicks(pay.amount, typed)
        qtbot.keyClick(pay.amount, Qt.Key.Key_Return)
        assert pay.problem_fields() == {"amount"}, typed
        assert pay.field_error("amount").isVisibleTo(pay)
    pay.amount.clear()
    qtbot.keyClicks(pay.amount, "10")
    for day in (date(1900, 1, 1), date(2200, 12, 31), today() + timedelta(days=1)):
        pay.paid_on.set_value(day)
        qtbot.mouseClick(pay.save_button, Qt.MouseButton.LeftButton)
        assert pay.problem_fields() == {"paid_on"}, day
    pay.paid_on.set_value(today())
    pay.reference.insert("R" * 10_000)
    qtbot.mouseClick(pay.save_button, Qt.MouseButton.LeftButton)
    assert pay.problem_fields() == {"reference"}
    assert "120" in pay.field_error("reference").text()
    discard_when_asked()
    qtbot.keyClick(pay.reference, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: closed(pay), timeout=LOAD_TIMEOUT_MS)

    _page, promise = open_form(qtbot, tab, "promesas")
    assert isinstance(promise, PromiseDialog)
    promise.due_date.set_value(date(2200, 1, 1))
    qtbot.keyClicks(promise.amount, "-1")
    promise.notes.insertPlainText("n" * 10_000)
    qtbot.keyClick(promise.amount, Qt.Key.Key_Return)
    assert promise.problem_fields() == {"amount", "due_date", "notes"}
    discard_when_asked()
    qtbot.keyClick(promise.amount, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: closed(promise), timeout=LOAD_TIMEOUT_MS)
    after = first_case.stored()
    assert (len(after.payments), len(after.promises)) == (
        len(before.payments), len(before.promises),
    )  # fmt: skip


def test_problems_found_by_the_service_are_shown_next_to_their_field(
    qtbot: QtBot, first_case: OpenCase
) -> None:
    """The form checks against the balance it was opened with; when the debt shrank meanwhile
    (a payment synced in), the service refuses and says so under the amount."""
    tab = first_case.tab
    detail = first_case.stored()
    page = tab.page("promesas")
    assert isinstance(page, PromisesPage)
    stale = dataclasses.replace(detail, exposure=detail.exposure * 10)
    dialog = page.make_dialog(stale)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.amount, f"{detail.exposure * 2:.2f}")  # type: ignore[attr-defined]
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not dialog.busy, timeout=LOAD_TIMEOUT_MS)
    assert dialog.isVisible() and dialog.problem_fields() == {"amount"}
    assert dialog.field_error("amount").isVisibleTo(dialog)
    assert len(first_case.stored().promises) == len(detail.promises)
    dialog.interactive = False  # close without asking
    dialog.reject()
