"""The Deudor page: editing the identity with undo, field messages and unsaved-work checks;
adding, editing and removing contacts through the dialog; related parties shown."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.ui.case_pages import (
    OpenCase,
    case_detail_of,
    open_case_page,
    runner_idle,
    show_quiet_window,
)
from tests.ui.modals import when_shown
from vipdesk.services import contacts, debtors
from vipdesk.services.dto import Actor
from vipdesk.storage.uow import Database
from vipdesk.ui.case.contact_dialog import ContactDialog
from vipdesk.ui.case.debtor_models import ContactsModel, RelatedPartiesModel
from vipdesk.ui.case.debtor_page import DebtorPage
from vipdesk.ui.context import GuiContext
from vipdesk.ui.main_window import MainWindow

# Message boxes and dialogs on the offscreen platform say this; it is harmless.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot: QtBot, gui_context: GuiContext, actor_for: Callable[[str], Actor]) -> MainWindow:
    """An executive's main window (as ``open_window``) that, closed after the test, asks
    nothing: a failed test may leave typed work behind, and a question nobody answers would
    hang the run."""
    return show_quiet_window(qtbot, gui_context, actor_for("ejecutivo1"))


@pytest.fixture
def debtor(
    qtbot: QtBot, window: MainWindow, demo_database: Database, actor_for: Callable[[str], Actor]
) -> tuple[OpenCase, DebtorPage]:
    """The first case of ejecutivo1's portfolio open on its Deudor page, loaded."""
    tab = open_case_page(qtbot, window, "deudor")
    page = tab.page("deudor")
    assert isinstance(page, DebtorPage)
    qtbot.waitUntil(lambda: page.identity.info is not None and not tab.runner.is_busy())
    return OpenCase(window, actor_for("ejecutivo1"), tab, demo_database), page


def test_identity_edits_undo_and_save(qtbot: QtBot, debtor: tuple[OpenCase, DebtorPage]) -> None:
    case, page = debtor
    tab, me, demo_database = case.tab, case.me, case.db
    form = page.identity
    original = form.trade_name.text()
    assert not page.has_unsaved_changes() and not form.save_button.isEnabled()

    form.trade_name.setFocus()
    qtbot.keyClicks(form.trade_name, " Nuevo Nombre")
    assert page.has_unsaved_changes() and form.save_button.isEnabled()
    assert form.discard_button.isEnabled()
    qtbot.keyClick(form.trade_name, Qt.Key.Key_Z, CTRL)
    assert form.trade_name.text() == original  # the whole word taken back at once
    assert not page.has_unsaved_changes() and not form.save_button.isEnabled()
    qtbot.keyClick(form.trade_name, Qt.Key.Key_Z, CTRL | SHIFT)  # and redone
    assert form.trade_name.text() == original + " Nuevo Nombre"
    qtbot.keyClick(form.trade_name, Qt.Key.Key_Z, CTRL)

    form.trade_name.selectAll()
    qtbot.keyClicks(form.trade_name, "Comercial <b>x</b> ")
    form.trade_name.insert("Ñandú 🌵")  # as an input method (or a paste) enters it
    form.risk_rating.setFocus()
    qtbot.keyClick(form.risk_rating, Qt.Key.Key_End)  # E
    # Undo works across fields, most recent first.
    qtbot.keyClick(form.trade_name, Qt.Key.Key_Z, CTRL)
    assert form.risk_rating.currentText() == case.stored().risk_rating
    qtbot.keyClick(form.risk_rating, Qt.Key.Key_End)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    runner_idle(qtbot, tab)
    info = debtors.debtor_info(demo_database.unit_of_work(), me, page.detail.debtor_id)  # type: ignore[union-attr]
    assert (info.trade_name, info.risk_rating) == ("Comercial <b>x</b> Ñandú 🌵", "E")
    assert not page.has_unsaved_changes() and not form.save_button.isEnabled()
    assert tab.header.values["risk"].text() == "E"  # the tab reloaded the case
    assert form.trade_name.text() == "Comercial <b>x</b> Ñandú 🌵"


def test_invalid_identity_fields_show_a_message_and_save_nothing(
    qtbot: QtBot, debtor: tuple[OpenCase, DebtorPage]
) -> None:
    case, page = debtor
    tab, me, demo_database = case.tab, case.me, case.db
    form = page.identity
    before = debtors.debtor_info(demo_database.unit_of_work(), me, page.detail.debtor_id)  # type: ignore[union-attr]
    form.economic_activity.setFocus()
    form.economic_activity.setText("x" * 10_000)  # a paste
    assert form.errors.message("economic_activity")
    assert form.economic_activity.property("invalid") is True
    assert not form.errors.message("trade_name")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    runner_idle(qtbot, tab)
    assert debtors.debtor_info(demo_database.unit_of_work(), me, before.id) == before
    assert QApplication.focusWidget() is form.economic_activity
    # Fixing it clears the message; discarding brings the stored values back.
    form.economic_activity.setText("Comercio")
    assert not form.errors.message("economic_activity")
    assert form.economic_activity.property("invalid") is False
    qtbot.mouseClick(form.discard_button, Qt.MouseButton.LeftButton)
    assert form.economic_activity.text() == before.economic_activity
    assert not page.has_unsaved_changes()


def test_closing_the_case_with_unsaved_edits_asks(
    qtbot: QtBot, window: MainWindow, debtor: tuple[OpenCase, DebtorPage]
) -> None:
    case, page = debtor
    tab = case.tab
    qtbot.keyClicks(page.identity.notes, "Nota sin guardar")
    assert tab.has_unsaved_changes()

    def press(button: QMessageBox.StandardButton) -> Callable[[QWidget], None]:
        return lambda box: cast(QMessageBox, box).button(button).click()

    def is_box(widget: QWidget) -> bool:
        return isinstance(widget, QMessageBox)

    timer = when_shown(is_box, press(QMessageBox.StandardButton.Cancel))
    window.close_tab(window.tabs.indexOf(tab))
    timer.stop()
    assert window.tabs.indexOf(tab) >= 0  # kept, the note still there
    assert "Nota sin guardar" in page.identity.notes.toPlainText()
    timer = when_shown(is_box, press(QMessageBox.StandardButton.Discard))
    window.close_tab(window.tabs.indexOf(tab))
    timer.stop()
    assert window.tabs.indexOf(tab) == -1


def _dialog(qtbot: QtBot, page: DebtorPage) -> ContactDialog:
    qtbot.waitUntil(lambda: page.contact_dialog is not None and page.contact_dialog.isVisible())
    assert page.contact_dialog is not None
    return page.contact_dialog


def _save(qtbot: QtBot, dialog: ContactDialog) -> None:
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)


def test_adding_editing_and_removing_a_contact(
    qtbot: QtBot, debtor: tuple[OpenCase, DebtorPage]
) -> None:
    case, page = debtor
    tab, me, demo_database = case.tab, case.me, case.db
    debtor_id = page.detail.debtor_id  # type: ignore[union-attr]
    before = contacts.contacts_of(demo_database.unit_of_work(), me, debtor_id)

    # An invalid phone: the message is next to the field and nothing is stored.
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(qtbot, page)
    qtbot.keyClicks(dialog.label, "Oficina")
    qtbot.keyClicks(dialog.value, "55-12 abc")
    _save(qtbot, dialog)
    assert dialog.isVisible() and dialog.errors.message("value")
    assert dialog.value.property("invalid") is True
    assert dialog.focusWidget() is dialog.value  # where the user fixes it
    assert contacts.contacts_of(demo_database.unit_of_work(), me, debtor_id) == before
    dialog.value.clear()
    qtbot.keyClicks(dialog.value, "+502 2233-4455")
    assert not dialog.errors.message("value")  # re-checked as it is typed
    qtbot.keyClicks(dialog.best_hours, "Lunes a viernes 8 a 10")
    qtbot.keyClick(dialog.preferred, Qt.Key.Key_Space)
    _save(qtbot, dialog)
    runner_idle(qtbot, tab)
    stored = contacts.contacts_of(demo_database.unit_of_work(), me, debtor_id)
    [added] = [c for c in stored if c.value == "+502 2233-4455"]
    assert (added.kind, added.label, added.best_hours, added.preferred) == (
        "phone", "Oficina", "Lunes a viernes 8 a 10", True,
    )  # fmt: skip
    assert sum(c.preferred for c in stored if c.kind == "phone") == 1
    model = page.contacts_model
    row = next(r for r in range(model.rowCount()) if model.row_at(r) == added)

    # Edit it: select the row, Enter opens the dialog filled in.
    page.contacts_view.setFocus()
    page.contacts_view.selectRow(row)
    qtbot.keyClick(page.contacts_view, Qt.Key.Key_Return)
    dialog = _dialog(qtbot, page)
    assert dialog.value.text() == "+502 2233-4455"
    dialog.label.selectAll()
    qtbot.keyClicks(dialog.label, "Oficina central")
    _save(qtbot, dialog)
    runner_idle(qtbot, tab)
    edited = contacts.contact_info(demo_database.unit_of_work(), me, debtor_id, added.id)
    assert edited.label == "Oficina central"

    # Remove it, confirming.
    row = next(r for r in range(model.rowCount()) if model.row_at(r) == edited)
    page.contacts_view.selectRow(row)
    timer = when_shown(
        lambda w: isinstance(w, QMessageBox),
        lambda box: cast(QMessageBox, box).button(QMessageBox.StandardButton.Yes).click(),
    )
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    timer.stop()
    runner_idle(qtbot, tab)
    after = contacts.contacts_of(demo_database.unit_of_work(), me, debtor_id)
    assert added.id not in {c.id for c in after} and len(after) == len(before)
    assert model.rowCount() == len(after)


def test_related_parties_are_shown(debtor: tuple[OpenCase, DebtorPage]) -> None:
    _case, page = debtor
    detail = page.detail
    assert detail is not None
    assert page.parties_model.rowCount() == len(detail.related_parties)
    assert page.contacts_model.rowCount() == len(detail.contacts)
    assert page.identity.facts["tax_id"].text() == (detail.tax_id or "—")


def test_debtor_models_pass_the_qt_model_checks(
    qtmodeltester: ModelTester, demo_database: Database, actor_for: Callable[[str], Actor]
) -> None:
    from tests.services.helpers import first_case_of

    case_id = first_case_of(demo_database, "ejecutivo1")
    detail = case_detail_of(demo_database, actor_for("ejecutivo1"), case_id)
    contacts_model = ContactsModel()
    contacts_model.set_rows(detail.contacts)
    qtmodeltester.check(contacts_model)
    parties = RelatedPartiesModel()
    parties.set_rows(detail.related_parties)
    qtmodeltester.check(parties)
