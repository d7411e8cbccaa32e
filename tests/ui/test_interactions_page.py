"""Gestiones: logging a contact (with its promise) as the executive does it, and every field
refusing hostile input with a message next to it and nothing stored."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.ui.case_pages import OpenCase, closed, wait_saved
from tests.ui.conftest import LOAD_TIMEOUT_MS
from tests.ui.modals import when_shown
from vipdesk.services import cases
from vipdesk.services.dto import Actor, CaseDetail
from vipdesk.storage.uow import Database
from vipdesk.ui.case.activity_models import InteractionsModel, PaymentsModel, PromisesModel
from vipdesk.ui.case.interaction_dialog import InteractionDialog
from vipdesk.ui.case.interactions_page import InteractionsPage
from vipdesk.ui.case.tab import CaseTab
from vipdesk.ui.formatting import today
from vipdesk.ui.main_window import MainWindow

# The offscreen platform warns whenever a dialog's size constraints change (the promise
# fields appearing, a message box): harmless, and not what these tests check.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def contacts_page(tab: CaseTab) -> InteractionsPage:
    page = tab.page("gestiones")
    assert isinstance(page, InteractionsPage)
    return page


def press_ctrl_n(qtbot: QtBot, window: MainWindow, page: InteractionsPage) -> InteractionDialog:
    """Ctrl+N from whatever has the focus in the case tab (here: the Resumen page)."""
    window.activateWindow()
    summary = page.parentWidget()
    assert summary is not None
    focus = window.tabs.currentWidget().findChild(QWidget, "lastEvents")
    assert focus is not None
    focus.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=LOAD_TIMEOUT_MS)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert isinstance(dialog, InteractionDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=LOAD_TIMEOUT_MS)
    return dialog


def new_contact(
    qtbot: QtBot, case: OpenCase
) -> tuple[CaseTab, InteractionsPage, CaseDetail, InteractionDialog]:
    """The case as stored before anything is typed, then Ctrl+N: the new contact's form."""
    page = contacts_page(case.tab)
    before = case.stored()
    return case.tab, page, before, press_ctrl_n(qtbot, case.window, page)


def choose(qtbot: QtBot, combo: QWidget, typed: str) -> None:
    """Pick an item of a closed combo by typing its first letters, as keyboard users do."""
    combo.setFocus()
    qtbot.keyClicks(combo, typed)


def test_ctrl_n_logs_a_contact_and_its_promise_in_one_form(
    qtbot: QtBot, first_case: OpenCase
) -> None:
    tab, page, before, dialog = new_contact(qtbot, first_case)
    assert tab.current_slug() == "gestiones"
    assert dialog.channel.currentData() == "call" and dialog.direction.currentData() == "outbound"
    assert not dialog.promise_box.isVisibleTo(dialog)

    editor = dialog.contact_name.lineEdit()
    assert editor is not None
    qtbot.keyClicks(editor, "Lucia <b>x</b> ")
    editor.insert("Peñate 😀")  # QTest types ASCII only: the rest is pasted, as users do
    choose(qtbot, dialog.outcome, "Promesa")
    assert dialog.outcome.currentData() == "promise"
    assert dialog.promise_box.isVisibleTo(dialog)
    assert dialog.currency.text() == before.currency
    assert dialog.promise_due.value() == today() + timedelta(days=7)
    qtbot.keyClicks(dialog.notes, "Promete pagar el viernes.")
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Return)  # a new line in the notes, not "save"
    qtbot.keyClicks(dialog.notes, "Confirma por correo.")
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.duration, "12")
    qtbot.keyClicks(dialog.next_action, "Verificar el pago")
    dialog.next_action_date.set_value(today() + timedelta(days=8))
    qtbot.keyClicks(dialog.promise_amount, "1,500.50")
    interaction_id = dialog.interaction_id
    qtbot.keyClick(dialog.promise_amount, Qt.Key.Key_Return)  # Enter saves
    wait_saved(qtbot, tab, dialog)

    after = first_case.stored()
    assert len(after.interactions) == len(before.interactions) + 1
    new = next(i for i in after.interactions if i.id == interaction_id)
    assert (new.channel, new.direction, new.outcome) == ("call", "outbound", "promise")
    assert new.contact_name == "Lucia <b>x</b> Peñate 😀"
    assert new.notes == "Promete pagar el viernes.\nConfirma por correo."
    assert (new.duration_minutes, new.next_action) == (12, "Verificar el pago")
    assert new.next_action_date == today() + timedelta(days=8)
    promises = {p.id for p in after.promises} - {p.id for p in before.promises}
    assert len(promises) == 1
    promise = next(p for p in after.promises if p.id in promises)
    assert promise.amount == Decimal("1500.50") and promise.status == "pending"
    assert promise.due_date == today() + timedelta(days=7) and promise.promised_on == today()

    # Shown: the new row, selected, its notes' first line in the table and all of it below.
    row = page.model.row_of(new.id)
    assert row >= 0 and page.selected() == new
    notes_column = page.model.column_of("notes")
    assert page.model.index(row, notes_column).data() == "Promete pagar el viernes."
    assert page.notes_view.toPlainText() == new.notes
    contact = page.facts["contact"]
    assert contact.text() == "Lucia <b>x</b> Peñate 😀"
    assert contact.textFormat() == Qt.TextFormat.PlainText
    tooltip = page.model.index(row, page.model.column_of("contact")).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert tooltip is None or "<b>" not in tooltip
    promises_page = tab.page("promesas")
    assert promises_page is not None
    assert promises_page.model.row_of(promise.id) >= 0  # type: ignore[attr-defined]


def test_hostile_input_is_refused_next_to_each_field_and_nothing_is_stored(
    qtbot: QtBot, first_case: OpenCase
) -> None:
    _tab, _page, before, dialog = new_contact(qtbot, first_case)

    # Nothing chosen: the outcome is required.
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.problem_fields() == {"outcome"}
    assert dialog.field_error("outcome").isVisibleTo(dialog)
    assert dialog.outcome.property("invalid") is True

    choose(qtbot, dialog.outcome, "Promesa")
    dialog.notes.insertPlainText("x" * 10_000)  # pasted
    qtbot.keyClicks(dialog.duration, "-5")
    dialog.occurred_at.set_value(dialog.occurred_at.value().replace(year=1900))
    dialog.next_action_date.set_value(date(2200, 1, 1))
    qtbot.keyClicks(dialog.promise_amount, "1e15")
    dialog.promise_due.set_value(date(1900, 1, 1))
    qtbot.keyClick(dialog.duration, Qt.Key.Key_Return)
    assert dialog.problem_fields() == {
        "notes", "duration_minutes", "occurred_at", "next_action_date", "next_action",
        "promise_amount", "promise_due_date",
    }  # fmt: skip
    assert "4000" in dialog.field_error("notes").text().replace(",", "")
    assert "600" in dialog.field_error("duration_minutes").text()
    assert "2200" not in dialog.field_error("next_action_date").text()  # the allowed range
    for name in dialog.problem_fields():
        assert dialog.field_error(name).isVisibleTo(dialog), name
        assert dialog.field_error(name).textFormat() == Qt.TextFormat.PlainText

    for amount in ("-5", "0", "1000000000000000", "<b>1</b>", ""):
        dialog.promise_amount.clear()
        qtbot.keyClicks(dialog.promise_amount, amount)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert "promise_amount" in dialog.problem_fields(), amount
    dialog.duration.clear()
    qtbot.keyClicks(dialog.duration, "100000")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "duration_minutes" in dialog.problem_fields()
    assert dialog.isVisible() and not dialog.busy
    after = first_case.stored()
    assert (len(after.interactions), len(after.promises)) == (
        len(before.interactions), len(before.promises),
    )  # fmt: skip

    # Escape asks first, since something was typed: "Cancel" keeps the form...
    when_shown(lambda w: w.objectName() == "discardBox",
               lambda box: box.button(QMessageBox.StandardButton.Cancel).click())  # type: ignore[attr-defined]  # fmt: skip
    dialog.interactive = True
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    # ... "Discard" closes it, and nothing was stored.
    when_shown(lambda w: w.objectName() == "discardBox",
               lambda box: box.button(QMessageBox.StandardButton.Discard).click())  # type: ignore[attr-defined]  # fmt: skip
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: closed(dialog), timeout=5000)
    assert len(first_case.stored().interactions) == len(before.interactions)


def test_escape_on_an_untouched_form_closes_it_without_asking(
    qtbot: QtBot, first_case: OpenCase
) -> None:
    tab = first_case.tab
    page = contacts_page(tab)
    tab.show_page("gestiones")
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=LOAD_TIMEOUT_MS)
    dialog.interactive = True  # would ask, if anything had been typed
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: closed(dialog), timeout=5000)


def test_activity_models_pass_the_qt_model_checks(
    qtmodeltester: ModelTester, demo_database: Database, actor_for: Callable[[str], Actor]
) -> None:
    from vipdesk.services import portfolio
    from vipdesk.services.dto import PortfolioQuery

    me = actor_for("ejecutivo1")
    numbers = portfolio.case_numbers(demo_database.unit_of_work(), me, PortfolioQuery())
    rows = portfolio.rows(demo_database.unit_of_work(), me, numbers[:40])
    details = [cases.case_detail(demo_database.unit_of_work(), me, r.case_id) for r in rows]
    detail = max(details, key=lambda d: len(d.payments) + len(d.promises))
    assert detail.payments and detail.promises and detail.interactions
    interactions = InteractionsModel()
    interactions.set_rows(detail.interactions)
    qtmodeltester.check(interactions)
    promises = PromisesModel()
    promises.set_rows(detail.promises)
    qtmodeltester.check(promises)
    payments = PaymentsModel()
    payments.set_rows(detail.payments)
    qtmodeltester.check(payments)
    assert payments.index(0, payments.column_of("amount")).data(
        Qt.ItemDataRole.TextAlignmentRole
    ) == int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
