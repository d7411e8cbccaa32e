"""The Convenio page, through its widgets as users work it: an executive creates an agreement
from the case's chosen scenario, edits the terms and sees the breakdown, the schedule and the
approver needed follow, undoes, saves, is told what is missing to submit, submits; the version
is then frozen and its author cannot approve it; a supervisor sends it back or approves it;
the executive sees it approved and makes a new version. Hostile input is refused under its
field with nothing stored; an edit that conflicts offers to reload; every model passes Qt's
model checks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from uuid import UUID, uuid4

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QSpinBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.case_pages import assert_screenshot_taken, closed, open_case_page, show_quiet_window
from tests.ui.conftest import LOAD_TIMEOUT_MS
from tests.ui.modals import when_shown
from vipdesk.core.errors import NotAllowed
from vipdesk.services import agreements, approvals, scenarios
from vipdesk.services.agreement_dto import (
    AgreementCreate,
    AgreementInfo,
    AgreementSave,
    AgreementStep,
)
from vipdesk.services.dto import Actor
from vipdesk.storage.models import Agreement, Case, SettlementScenario, User
from vipdesk.storage.uow import Database
from vipdesk.ui.case.agreement.create_dialog import CreateDialog
from vipdesk.ui.case.agreement.labels import level_label, status_label
from vipdesk.ui.case.agreement.models import (
    AgreementsModel,
    ScheduleModel,
    SignatoriesModel,
    TrailModel,
)
from vipdesk.ui.case.agreement.page import AgreementPage
from vipdesk.ui.case.agreement.signatories import SignatoryDialog
from vipdesk.ui.case.agreement.step_dialog import COMMENT_NEEDED, StepDialog
from vipdesk.ui.case.form_fields import DateField
from vipdesk.ui.case.tab import CaseTab
from vipdesk.ui.context import GuiContext
from vipdesk.ui.formatting import datetime_text, money_text
from vipdesk.ui.main_window import MainWindow
from vipdesk.ui.table_model import RIGHT_ALIGNED

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen

CTRL = Qt.KeyboardModifier.ControlModifier
ActorFor = Callable[[str], Actor]
BANK = "Banco Industrial, monetaria 000-123456-7"


# -- helpers shared with test_approval_queue.py -----------------------------------------------


def case_with_chosen_scenario(db: Database, username: str, skip: int = 0) -> UUID:
    """One of the user's open cases with a chosen scenario and no agreement waiting for
    approval (a new one may be drawn up), the smallest debts first (their agreements stay
    within what a supervisor approves)."""
    with db.unit_of_work() as uow:
        session = uow.session
        me = session.scalars(select(User.id).where(User.username == username)).one()
        chosen = select(SettlementScenario.case_id).where(SettlementScenario.chosen)
        waiting = select(Agreement.case_id).where(Agreement.status == "pending")
        query = (
            select(Case.id)
            .where(Case.executive_id == me, Case.status != "closed", Case.id.in_(chosen))
            .where(Case.id.not_in(waiting))
            .order_by(Case.exposure, Case.number)
        )
        found = list(session.scalars(query))
    assert len(found) > skip, "the demo gives the executive cases with a chosen scenario"
    return found[skip]


def draft(db: Database, actor: Actor, case_id: UUID) -> UUID:
    """A new draft from the case's chosen scenario, through the service."""
    chosen = next(s for s in scenarios.scenarios_of(db.unit_of_work(), actor, case_id) if s.chosen)
    agreement_id = uuid4()
    agreements.create_agreement(
        db.unit_of_work(), actor, AgreementCreate(case_id, agreement_id, chosen.id)
    )
    return agreement_id


def stored(db: Database, actor: Actor, case_id: UUID, agreement_id: UUID) -> AgreementInfo:
    return agreements.agreement(db.unit_of_work(), actor, case_id, agreement_id)


def save_terms(
    db: Database, actor: Actor, case_id: UUID, agreement_id: UUID, notes: str | None = None,
    **changes: str,
) -> None:  # fmt: skip
    info = stored(db, actor, case_id, agreement_id)
    terms = {**info.terms, **changes}
    command = AgreementSave(case_id, agreement_id, terms, info.signatories,
                            info.notes if notes is None else notes,
                            agreements.agreement_seen(info))  # fmt: skip
    agreements.save_agreement(db.unit_of_work(), actor, command)


def pending(db: Database, actor: Actor, case_id: UUID) -> UUID:
    """A draft within a supervisor's limits (no discount, twelve instalments), submitted."""
    agreement_id = draft(db, actor, case_id)
    save_terms(db, actor, case_id, agreement_id, bank_account=BANK, discount_amount="0.00",
               installments="12", grace_periods="0", down_payment="0.00")  # fmt: skip
    approvals.step_agreement(db.unit_of_work(), actor, AgreementStep(case_id, agreement_id,
                                                                     "submit"))  # fmt: skip
    return agreement_id


def convenio(qtbot: QtBot, window: MainWindow, case_id: UUID) -> tuple[CaseTab, AgreementPage]:
    tab = open_case_page(qtbot, window, "convenio", case=case_id)
    page = tab.page("convenio")
    assert isinstance(page, AgreementPage)
    settle(qtbot, tab, page)
    return tab, page


def settle(qtbot: QtBot, tab: CaseTab, page: AgreementPage) -> None:
    qtbot.waitUntil(lambda: tab.is_settled() and page.is_settled(), timeout=LOAD_TIMEOUT_MS)


def retype(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Select what the field holds and type over it, as a user does (ASCII only)."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def answer(name: str, button: QMessageBox.StandardButton) -> None:
    """Answer the next message box called ``name`` with ``button``."""

    def press(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        box.button(button).click()

    when_shown(lambda w: isinstance(w, QMessageBox) and w.objectName() == name, press)


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Keyboard shortcuts reach the active window only."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=LOAD_TIMEOUT_MS)


def errors(template: str, **params: object) -> str:
    return QCoreApplication.translate("errors", template).format(**params)


@pytest.fixture
def executive(qtbot: QtBot, gui_context: GuiContext, actor_for: ActorFor) -> MainWindow:
    return show_quiet_window(qtbot, gui_context, actor_for("ejecutivo1"))


# -- the executive's side ---------------------------------------------------------------------


def test_an_executive_drafts_edits_saves_and_submits_an_agreement(
    qtbot: QtBot, executive: MainWindow, demo_database: Database, actor_for: ActorFor
) -> None:
    me = actor_for("ejecutivo1")
    case_id = case_with_chosen_scenario(demo_database, "ejecutivo1")
    tab, page = convenio(qtbot, executive, case_id)
    assert tab.pages_tabs.tabText(tab.pages_tabs.indexOf(page)) in ("Convenio", "Agreement")
    listed = agreements.agreements_of(demo_database.unit_of_work(), me, case_id)
    assert page.model.rowCount() == len(listed)
    assert page.empty.isVisible() == (not listed)

    # "New agreement from scenario…": the chosen scenario is preselected.
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(page.dialog, CreateDialog) and page.dialog.isVisible(),
                    timeout=LOAD_TIMEOUT_MS)  # fmt: skip
    dialog = page.dialog
    assert isinstance(dialog, CreateDialog)
    chosen = next(s for s in scenarios.scenarios_of(demo_database.unit_of_work(), me, case_id)
                  if s.chosen)  # fmt: skip
    assert dialog.scenario.currentData() == str(chosen.id)
    assert chosen.name in dialog.scenario.currentText()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: closed(dialog), timeout=LOAD_TIMEOUT_MS)
    activate(qtbot, executive)  # as the window system does when a dialog closes
    qtbot.waitUntil(lambda: page.model.rowCount() == len(listed) + 1, timeout=LOAD_TIMEOUT_MS)
    settle(qtbot, tab, page)
    now_listed = agreements.agreements_of(demo_database.unit_of_work(), me, case_id)
    [summary] = [s for s in now_listed if s.id not in {old.id for old in listed}]
    assert summary.status == "draft" and summary.version == 1
    info = page.view.info
    assert info is not None and info.id == summary.id and info.editable  # the new one shown
    row = page.model.row_of(summary.id)
    assert page.table.selectionModel().isRowSelected(row)
    assert page.model.index(row, 2).data() == status_label("draft")
    assert page.view.banner.text().startswith(status_label("draft"))
    assert page.view.breakdown.values["to_pay"].text() == page.model.index(row, 3).data()
    assert page.view.schedule.model.rowCount() > 0
    payments, principal, _interest = page.view.schedule.model.totals()
    assert principal == info.breakdown.to_pay  # the schedule repays what is to pay

    # A discount of 30 %: the preview follows once typing pauses — breakdown, schedule and
    # the approver needed (above a supervisor's 20 %).
    form = page.view.form
    discount = form.inputs["discount_amount"]
    assert isinstance(discount, QLineEdit)
    before = discount.text()
    wanted = (info.breakdown.total * Decimal("0.30")).quantize(Decimal("0.01"))
    retype(qtbot, discount, f"{wanted}")
    assert tab.has_unsaved_changes() and page.view.save_button.isEnabled()
    assert not page.view.step_buttons["submit"].isEnabled()  # save first
    assert page.view.step_buttons["submit"].toolTip()
    qtbot.waitUntil(lambda: "30.0 %" in page.view.breakdown.values["discount"].text(),
                    timeout=LOAD_TIMEOUT_MS)  # fmt: skip
    manager = level_label("manager").lower()
    assert manager in page.view.banner.text()
    assert page.view.schedule.model.totals()[1] == info.breakdown.total - wanted
    assert page.view.schedule.model.totals()[0] != payments

    # Ctrl+Z takes the typing back; Ctrl+Shift+Z (redo) puts it again.
    qtbot.keyClick(discount, Qt.Key.Key_Z, CTRL)
    assert discount.text() == before and not tab.has_unsaved_changes()
    qtbot.keyClick(discount, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert discount.text() == f"{wanted}"

    # Ctrl+S saves; nothing is left unsaved.
    qtbot.keyClick(discount, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not tab.has_unsaved_changes(), timeout=LOAD_TIMEOUT_MS)
    settle(qtbot, tab, page)
    saved = stored(demo_database, me, case_id, info.id)
    assert Decimal(saved.terms["discount_amount"]) == wanted
    assert saved.required_level == "manager" and saved.status == "draft"

    # Submitting asks first; the bank account is missing: said under its field.
    assert not form.inputs["bank_account"].property("invalid")
    answer("confirmStepBox", QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.view.step_buttons["submit"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(form.errors.message("bank_account")), timeout=LOAD_TIMEOUT_MS)
    assert form.errors.message("bank_account") == errors(
        "Enter this before submitting the agreement for approval"
    )
    assert stored(demo_database, me, case_id, info.id).status == "draft"

    bank = form.inputs["bank_account"]
    assert isinstance(bank, QLineEdit)
    retype(qtbot, bank, BANK)
    qtbot.mouseClick(page.view.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.has_unsaved_changes(), timeout=LOAD_TIMEOUT_MS)
    settle(qtbot, tab, page)
    answer("confirmStepBox", QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.view.step_buttons["submit"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.view.info is not None and page.view.info.status == "pending",
                    timeout=LOAD_TIMEOUT_MS)  # fmt: skip
    settle(qtbot, tab, page)
    now = stored(demo_database, me, case_id, info.id)
    assert now.status == "pending" and now.terms["bank_account"] == BANK
    assert now.submitted_at is not None

    # Frozen; the author sees the decisions, disabled, and why.
    assert page.view.banner.text().startswith(status_label("pending"))
    assert manager in page.view.banner.text()
    assert discount.isReadOnly() and bank.isReadOnly()
    assert not page.view.save_button.isVisible()
    approve = page.view.step_buttons["approve"]
    assert approve.isVisible() and not approve.isEnabled()
    assert approve.toolTip() == QCoreApplication.translate(
        "approval", "Nobody may approve their own agreement"
    )
    assert not page.view.step_buttons["submit"].isVisible()
    with pytest.raises(NotAllowed):  # a client calling the service is refused as well
        approvals.step_agreement(demo_database.unit_of_work(), me,
                                 AgreementStep(case_id, info.id, "approve"))  # fmt: skip
    assert stored(demo_database, me, case_id, info.id).status == "pending"
    # And no new agreement while one is waiting.
    assert not page.new_button.isEnabled() and now.number in page.new_button.toolTip()


def test_hostile_terms_are_refused_under_their_fields_and_nothing_is_stored(
    qtbot: QtBot, executive: MainWindow, demo_database: Database, actor_for: ActorFor
) -> None:
    me = actor_for("ejecutivo1")
    case_id = case_with_chosen_scenario(demo_database, "ejecutivo1")
    agreement_id = draft(demo_database, me, case_id)
    before = stored(demo_database, me, case_id, agreement_id)
    tab, page = convenio(qtbot, executive, case_id)
    view, form = page.view, page.view.form

    def line(field: str) -> QLineEdit:
        widget = form.inputs[field]
        assert isinstance(widget, QLineEdit)
        return widget

    def unchanged() -> None:
        now = stored(demo_database, me, case_id, agreement_id)
        assert (now.terms, now.notes, now.signatories) == (
            before.terms, before.notes, before.signatories)  # fmt: skip

    def refused(field: str) -> str:
        """Ctrl+S refused: the message under ``field``, nothing stored, typed work kept."""
        qtbot.keyClick(line("bank_account"), Qt.Key.Key_S, CTRL)
        qtbot.waitUntil(lambda: bool(form.errors.message(field)), timeout=LOAD_TIMEOUT_MS)
        settle(qtbot, tab, page)
        unchanged()
        assert tab.has_unsaved_changes() and view.notice.isHidden()
        return form.errors.message(field)

    for text in ("-5", "abc", "1" + "0" * 20, "<b>x</b>", "🙂", f"{before.breakdown.total:,.2f}"):
        line("discount_amount").setText(text)  # the last: everything forgiven
        assert refused("discount_amount")
    line("discount_amount").setText(before.terms["discount_amount"])
    for text in ("abc", "-3", "150", "<i>1</i>"):
        line("annual_rate").setText(text)
        assert refused("annual_rate") == errors("Enter a percentage from 0 to 100, such as 18")
    line("annual_rate").setText("12")
    line("bank_account").setText("x" * 10_000)
    assert refused("bank_account") == errors("At most {maximum} characters", maximum=60)
    line("bank_account").setText("")
    installments = form.inputs["installments"]
    assert isinstance(installments, QSpinBox)
    for count in (0, 601):
        installments.setValue(count)
        assert refused("installments")
    installments.setValue(12)
    first_due = form.inputs["first_due"]
    assert isinstance(first_due, DateField)
    for year in (1900, 2200):
        first_due.set_value(date(year, 6, 1))
        assert refused("first_due")
    first_due.set_value(date.fromisoformat(before.terms["first_due"]))

    # 10,000 characters of notes: said under the notes, on their tab.
    view.notes.setPlainText("n" * 10_000)
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(view.notes_error.isVisible, timeout=LOAD_TIMEOUT_MS)
    settle(qtbot, tab, page)
    assert view.parts.currentIndex() == 2 and "4000" in view.notes_error.text().replace(",", "")
    unchanged()

    # A signatory with neither name nor document: refused in its dialog, nothing added.
    view.signatories.set_editable(True)
    rows = view.signatories.model.rowCount()
    dialog = view.signatories.add_signatory()
    assert isinstance(dialog, SignatoryDialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.problem_fields() == {"name", "id_document"} and dialog.isVisible()
    dialog.interactive = False
    dialog.reject()
    assert view.signatories.model.rowCount() == rows

    # Markup and emoji are text: stored as typed, shown as typed.
    view.notes.setPlainText("<b>ojo</b> 🙂")
    line("jurisdiction").setText("<i>Ciudad de Guatemala</i>")
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.has_unsaved_changes(), timeout=LOAD_TIMEOUT_MS)
    settle(qtbot, tab, page)
    saved = stored(demo_database, me, case_id, agreement_id)
    assert saved.notes == "<b>ojo</b> 🙂"
    assert saved.terms["jurisdiction"] == "<i>Ciudad de Guatemala</i>"
    assert line("jurisdiction").text() == "<i>Ciudad de Guatemala</i>"


# -- deciding, and what follows --------------------------------------------------------------


def test_a_supervisor_sends_it_back_then_approves_and_the_executive_makes_a_new_version(
    qtbot: QtBot, gui_context: GuiContext, demo_database: Database, actor_for: ActorFor
) -> None:
    me, boss = actor_for("ejecutivo1"), actor_for("supervisor1")
    case_id = case_with_chosen_scenario(demo_database, "ejecutivo1")
    agreement_id = pending(demo_database, me, case_id)
    assert stored(demo_database, me, case_id, agreement_id).required_level == "supervisor"
    supervisor = show_quiet_window(qtbot, gui_context, boss)
    tab, page = convenio(qtbot, supervisor, case_id)
    assert page.view.info is not None and page.view.info.id == agreement_id
    buttons = page.view.step_buttons
    for step in ("approve", "reject", "request_changes"):
        assert buttons[step].isVisible() and buttons[step].isEnabled(), step
    assert not buttons["submit"].isVisible() and not buttons["revise"].isVisible()

    # Sending it back needs a comment: the dialog says so under it, nothing is stored.
    qtbot.mouseClick(buttons["request_changes"], Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, StepDialog) and dialog.isVisible()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.problem_fields() == {"comment"}
    assert dialog.field_error("comment").text() == errors(COMMENT_NEEDED)
    dialog.comment.setPlainText("   ")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.problem_fields() == {"comment"} and dialog.isVisible()
    assert stored(demo_database, me, case_id, agreement_id).status == "pending"
    dialog.comment.setPlainText("Pida el enganche antes de la primera cuota <b>sin falta</b>")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: closed(dialog), timeout=LOAD_TIMEOUT_MS)
    qtbot.waitUntil(
        lambda: page.view.info is not None and page.view.info.status == "changes_requested",
        timeout=LOAD_TIMEOUT_MS,
    )
    settle(qtbot, tab, page)
    back = stored(demo_database, me, case_id, agreement_id)
    assert back.status == "changes_requested"
    assert back.steps[-1].comment.startswith("Pida el enganche")
    assert back.steps[-1].user_name == boss.full_name
    assert "<b>sin falta</b>" in page.view.banner.text()  # a comment is text, shown as typed
    assert page.view.trail.rowCount() == len(back.steps)

    # The executive sees why, may edit again and resubmits.
    executive = show_quiet_window(qtbot, gui_context, me)
    my_tab, mine = convenio(qtbot, executive, case_id)
    assert mine.view.info is not None and mine.view.info.editable
    assert mine.view.banner.text().startswith(status_label("changes_requested"))
    assert not mine.view.form.inputs["discount_amount"].isReadOnly()  # type: ignore[attr-defined]
    answer("confirmStepBox", QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(mine.view.step_buttons["submit"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: mine.view.info is not None and mine.view.info.status == "pending",
                    timeout=LOAD_TIMEOUT_MS)  # fmt: skip
    settle(qtbot, my_tab, mine)

    # The supervisor approves, with a comment.
    tab.reload()
    qtbot.waitUntil(lambda: page.view.info is not None and page.view.info.status == "pending",
                    timeout=LOAD_TIMEOUT_MS)  # fmt: skip
    settle(qtbot, tab, page)
    qtbot.mouseClick(buttons["approve"], Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, StepDialog) and dialog.action.value == "approve"
    qtbot.keyClicks(dialog.comment, "Conforme con la politica")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: closed(dialog), timeout=LOAD_TIMEOUT_MS)
    qtbot.waitUntil(lambda: page.view.info is not None and page.view.info.status == "approved",
                    timeout=LOAD_TIMEOUT_MS)  # fmt: skip
    approved = stored(demo_database, me, case_id, agreement_id)
    assert approved.status == "approved" and approved.decided_by_name == boss.full_name
    assert approved.steps[-1].comment == "Conforme con la politica"

    # The executive sees it approved and frozen, then makes a new version of it.
    my_tab.reload()
    qtbot.waitUntil(lambda: mine.view.info is not None and mine.view.info.status == "approved",
                    timeout=LOAD_TIMEOUT_MS)  # fmt: skip
    settle(qtbot, my_tab, mine)
    decided = approved.steps[-1]
    assert mine.view.banner.text().startswith(
        QCoreApplication.translate("StatusBanner", "Approved by {who} on {when}; frozen").format(
            who=boss.full_name, when=datetime_text(decided.occurred_at)))  # fmt: skip
    form = mine.view.form
    assert all(not w.isEnabled() or getattr(w, "isReadOnly", lambda: True)()
               for w in form.inputs.values())  # fmt: skip
    assert (
        not mine.view.save_button.isVisible() and not mine.view.signatories.add_button.isEnabled()
    )
    revise = mine.view.step_buttons["revise"]
    assert revise.isVisible() and revise.isEnabled()
    assert mine.view.step_buttons["activate"].isVisible()
    qtbot.mouseClick(revise, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: mine.view.info is not None and mine.view.info.version == 2,
                    timeout=LOAD_TIMEOUT_MS)  # fmt: skip
    settle(qtbot, my_tab, mine)
    versions = [s for s in agreements.agreements_of(demo_database.unit_of_work(), me, case_id)
                if s.series_id == approved.series_id]  # fmt: skip
    assert sorted((s.version, s.status) for s in versions) == [(1, "approved"), (2, "draft")]
    assert mine.view.info.editable and mine.view.info.terms == approved.terms
    assert mine.view.info.status == "draft"
    # Only one open version at a time: the approved one offers no second new version.
    mine.table.selectRow(mine.model.row_of(agreement_id))
    qtbot.waitUntil(lambda: mine.view.info is not None and mine.view.info.id == agreement_id,
                    timeout=LOAD_TIMEOUT_MS)  # fmt: skip
    assert mine.view.step_buttons["revise"].isVisible()
    assert not mine.view.step_buttons["revise"].isEnabled()
    assert mine.view.step_buttons["revise"].toolTip()


def test_signatories_are_added_changed_removed_undone_and_saved(
    qtbot: QtBot, executive: MainWindow, demo_database: Database, actor_for: ActorFor
) -> None:
    me = actor_for("ejecutivo1")
    case_id = case_with_chosen_scenario(demo_database, "ejecutivo1")
    agreement_id = draft(demo_database, me, case_id)
    before = stored(demo_database, me, case_id, agreement_id).signatories
    assert any(s.role == "debtor" for s in before)
    tab, page = convenio(qtbot, executive, case_id)
    view = page.view
    view.parts.setCurrentIndex(2)
    box = view.signatories
    assert box.model.rowCount() == len(before)

    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    dialog = box.dialog
    assert isinstance(dialog, SignatoryDialog) and dialog.isVisible()
    dialog.role.setCurrentIndex(dialog.role.findData("guarantor"))
    qtbot.keyClicks(dialog.name, "Rosa Elena Gil")
    qtbot.keyClicks(dialog.id_document, "2345678901234")
    dialog.capacity.insert("Fiadora <b>solidaria</b>")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert box.model.rowCount() == len(before) + 1 and tab.has_unsaved_changes()
    row = box.model.rowCount() - 1
    assert box.model.index(row, 1).data() == "Rosa Elena Gil"
    assert box.model.index(row, 3).data() == "Fiadora <b>solidaria</b>"  # text, as typed

    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)  # the whole row
    assert box.model.signatories() == before and not tab.has_unsaved_changes()
    view.redo_action.trigger()
    assert box.model.rowCount() == len(before) + 1

    box.table.selectRow(row)
    qtbot.mouseClick(box.edit_button, Qt.MouseButton.LeftButton)
    dialog = box.dialog
    assert isinstance(dialog, SignatoryDialog) and dialog.name.text() == "Rosa Elena Gil"
    dialog.name.setText("Rosa Elena Gil de León")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert box.model.index(row, 1).data() == "Rosa Elena Gil de León"

    # Without the debtor the service refuses: said under the table, nothing stored.
    debtor = next(i for i, s in enumerate(box.model.signatories()) if s.role == "debtor")
    box.table.selectRow(debtor)
    qtbot.keyClick(box.table, Qt.Key.Key_Delete)
    assert not any(s.role == "debtor" for s in box.model.signatories())
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(box.problem.isVisible, timeout=LOAD_TIMEOUT_MS)
    settle(qtbot, tab, page)
    assert box.problem.text() == errors("The debtor must sign the agreement")
    assert stored(demo_database, me, case_id, agreement_id).signatories == before

    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)  # the debtor back
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.has_unsaved_changes(), timeout=LOAD_TIMEOUT_MS)
    settle(qtbot, tab, page)
    saved = stored(demo_database, me, case_id, agreement_id).signatories
    assert saved[: len(before)] == before
    assert saved[-1].name == "Rosa Elena Gil de León" and saved[-1].role == "guarantor"
    assert saved[-1].capacity == "Fiadora <b>solidaria</b>"


def test_a_conflicting_edit_offers_to_reload_the_other_version(
    qtbot: QtBot, executive: MainWindow, demo_database: Database, actor_for: ActorFor
) -> None:
    me = actor_for("ejecutivo1")
    case_id = case_with_chosen_scenario(demo_database, "ejecutivo1")
    agreement_id = draft(demo_database, me, case_id)
    tab, page = convenio(qtbot, executive, case_id)
    # Meanwhile, from somewhere else (another laptop, a sync):
    save_terms(demo_database, me, case_id, agreement_id, notes="Acordado por teléfono")
    page.view.notes.setPlainText("Mi versión de las notas")
    qtbot.mouseClick(page.view.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.view.reload_button.isVisible, timeout=LOAD_TIMEOUT_MS)
    settle(qtbot, tab, page)
    assert page.view.notice.isVisible() and page.view.notice.text()
    assert stored(demo_database, me, case_id, agreement_id).notes == "Acordado por teléfono"
    assert page.view.notes.toPlainText() == "Mi versión de las notas"  # kept until reloaded
    qtbot.mouseClick(page.view.reload_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.view.notes.toPlainText() == "Acordado por teléfono",
                    timeout=LOAD_TIMEOUT_MS)  # fmt: skip
    settle(qtbot, tab, page)
    assert not tab.has_unsaved_changes() and not page.view.reload_button.isVisible()


def test_choosing_another_version_asks_before_dropping_edits(
    qtbot: QtBot, executive: MainWindow, demo_database: Database, actor_for: ActorFor
) -> None:
    me = actor_for("ejecutivo1")
    case_id = case_with_chosen_scenario(demo_database, "ejecutivo1")
    first, second = draft(demo_database, me, case_id), draft(demo_database, me, case_id)
    tab, page = convenio(qtbot, executive, case_id)
    shown = page.view.info
    assert shown is not None and shown.id in (first, second)
    other = second if shown.id == first else first
    notes = page.view.notes
    notes.setFocus()
    qtbot.keyClicks(notes, "Nota sin guardar")
    assert tab.has_unsaved_changes()
    qtbot.keyClick(notes, Qt.Key.Key_Z, CTRL)  # the version's history: the whole word
    assert notes.toPlainText() == shown.notes and not tab.has_unsaved_changes()
    qtbot.keyClicks(notes, "Nota sin guardar")

    answer("discardAgreementBox", QMessageBox.StandardButton.Cancel)
    page.table.selectRow(page.model.row_of(other))
    assert page.view.info is not None and page.view.info.id == shown.id
    assert page.table.selectionModel().isRowSelected(page.model.row_of(shown.id))
    assert notes.toPlainText().endswith("Nota sin guardar")

    answer("discardAgreementBox", QMessageBox.StandardButton.Discard)
    page.table.selectRow(page.model.row_of(other))
    qtbot.waitUntil(lambda: page.view.info is not None and page.view.info.id == other,
                    timeout=LOAD_TIMEOUT_MS)  # fmt: skip
    assert not tab.has_unsaved_changes()
    assert stored(demo_database, me, case_id, shown.id).notes == shown.notes


def test_an_admin_reads_agreements_without_a_button_to_change_them(
    qtbot: QtBot, gui_context: GuiContext, demo_database: Database, actor_for: ActorFor
) -> None:
    admin = actor_for("admin1")  # sees every case, works none
    case_id = case_with_chosen_scenario(demo_database, "ejecutivo1")
    draft(demo_database, actor_for("ejecutivo1"), case_id)
    window = show_quiet_window(qtbot, gui_context, admin)
    _tab, page = convenio(qtbot, window, case_id)
    assert page.view.info is not None and not page.view.info.editable
    assert not page.new_button.isEnabled() and page.new_button.toolTip()
    assert not page.view.save_button.isVisible()
    submit = page.view.step_buttons["submit"]
    assert submit.isVisible() and not submit.isEnabled() and submit.toolTip()
    assert page.view.form.inputs["bank_account"].isReadOnly()  # type: ignore[attr-defined]


def test_the_models_pass_the_qt_model_checks(
    qtmodeltester: ModelTester, demo_database: Database, actor_for: ActorFor
) -> None:
    me = actor_for("ejecutivo1")
    case_id = case_with_chosen_scenario(demo_database, "ejecutivo1")
    agreement_id = pending(demo_database, me, case_id)
    info = stored(demo_database, me, case_id, agreement_id)
    summaries = agreements.agreements_of(demo_database.unit_of_work(), me, case_id)
    listing = AgreementsModel()
    listing.set_rows(summaries)
    schedule = ScheduleModel()
    schedule.set_schedule(info.schedule, info.currency)
    signatories = SignatoriesModel()
    signatories.set_rows(info.signatories)
    trail = TrailModel()
    trail.set_rows(info.steps)
    # Amounts right-aligned, with their currency.
    payment = schedule.index(0, schedule.column_of("payment"))
    assert payment.data(Qt.ItemDataRole.TextAlignmentRole) == RIGHT_ALIGNED
    assert payment.data() == money_text(info.schedule[0].payment, info.currency)
    for model in (listing, schedule, signatories, trail):
        assert model.rowCount() > 0
        qtmodeltester.check(model)
        model.set_rows(())
        qtmodeltester.check(model)


def test_a_screenshot_shows_the_page(
    tmp_path: Path, vipdesk_home: Path, demo_db_url: str, demo_database: Database,
    actor_for: ActorFor,
) -> None:  # fmt: skip
    case_id = case_with_chosen_scenario(demo_database, "ejecutivo1")
    with demo_database.unit_of_work() as uow:
        number = uow.session.get(Case, case_id).number  # type: ignore[union-attr]
    assert_screenshot_taken(tmp_path / "convenio.png", vipdesk_home, demo_db_url, number,
                            "convenio")  # fmt: skip
