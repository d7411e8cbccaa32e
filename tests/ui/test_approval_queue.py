"""The approval queue ("Aprobaciones"): a fixed tab for supervisors, managers and admins only;
the waiting versions in the service's order (overdue first) with how long each has waited
against the SLA; approving and rejecting from it with a comment; the author and a level too
low refused (buttons disabled with the reason, and the service refuses too); one click to the
case's strategy, analysis or agreement; refreshed when a sync brings news."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from uuid import UUID

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.ui.case_pages import closed, show_quiet_window
from tests.ui.conftest import LOAD_TIMEOUT_MS
from tests.ui.test_agreement_page import (
    BANK,
    case_with_chosen_scenario,
    draft,
    errors,
    pending,
    save_terms,
    stored,
)
from vipdesk.core.errors import NotAllowed
from vipdesk.services import approvals
from vipdesk.services.agreement_dto import AgreementStep
from vipdesk.services.dto import Actor
from vipdesk.storage.models import Agreement
from vipdesk.storage.uow import Database
from vipdesk.ui.approval_queue_model import (
    ALERT,
    ID_ROLE,
    OVERDUE_ROLE,
    ApprovalQueueModel,
    queue_rows,
)
from vipdesk.ui.approval_queue_page import ApprovalQueuePage
from vipdesk.ui.case.agreement.page import AgreementPage
from vipdesk.ui.case.agreement.step_dialog import COMMENT_NEEDED, StepDialog
from vipdesk.ui.case.tab import CaseTab
from vipdesk.ui.context import GuiContext
from vipdesk.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen

ActorFor = Callable[[str], Actor]
A = Qt.AlignmentFlag


def queue_of(qtbot: QtBot, window: MainWindow) -> ApprovalQueuePage:
    page = window.show_approvals()
    qtbot.waitUntil(page.is_settled, timeout=LOAD_TIMEOUT_MS)
    return page


def select(qtbot: QtBot, page: ApprovalQueuePage, agreement_id: UUID) -> int:
    row = page.model.row_of(agreement_id)
    assert row >= 0, "the agreement is in the queue"
    page.table.selectRow(row)
    return row


def listed_ids(page: ApprovalQueuePage) -> list[str]:
    return [page.model.index(r, 0).data(ID_ROLE) for r in range(page.model.rowCount())]


def backdate(db: Database, agreement_id: UUID, days: int) -> None:
    """As if it had been submitted ``days`` days ago."""
    with db.unit_of_work() as uow:
        row = uow.session.get(Agreement, agreement_id)
        assert row is not None and row.submitted_at is not None
        row.submitted_at = row.submitted_at - timedelta(days=days)
        uow.commit()


def column(key: str) -> int:
    return ApprovalQueueModel.COLUMNS.index(
        next(c for c in ApprovalQueueModel.COLUMNS if c[0] == key)
    )


def test_only_approvers_have_the_queue_and_it_stays_open(
    open_window: Callable[[str], MainWindow],
) -> None:
    for username in ("ejecutivo1", "juridico1"):
        window = open_window(username)
        assert window.approvals_page is None
        tabs = [window.tabs.widget(i) for i in range(window.tabs.count())]
        assert not any(isinstance(tab, ApprovalQueuePage) for tab in tabs)
    for username in ("supervisor1", "gerente1", "admin1"):
        window = open_window(username)
        page = window.approvals_page
        assert page is not None
        index = window.tabs.indexOf(page)
        assert window.tabs.tabText(index) in ("Aprobaciones", "Approvals")
        assert not window.close_tab(index) and window.tabs.indexOf(page) == index


def test_the_queue_puts_the_overdue_first_against_the_sla(
    qtbot: QtBot, gui_context: GuiContext, demo_database: Database, actor_for: ActorFor
) -> None:
    me, boss = actor_for("ejecutivo1"), actor_for("supervisor1")
    recent = pending(demo_database, me, case_with_chosen_scenario(demo_database, "ejecutivo1"))
    late = pending(demo_database, me, case_with_chosen_scenario(demo_database, "ejecutivo1"))
    backdate(demo_database, late, days=10)
    window = show_quiet_window(qtbot, gui_context, boss)
    page = queue_of(qtbot, window)
    expected = approvals.approval_queue(demo_database.unit_of_work(), boss)
    assert listed_ids(page) == [str(item.agreement_id) for item in expected]  # its order
    assert str(late) in listed_ids(page) and str(recent) in listed_ids(page)
    overdue = [page.model.index(r, 0).data(OVERDUE_ROLE) for r in range(page.model.rowCount())]
    assert overdue == sorted(overdue, reverse=True) and overdue[0]  # overdue first

    model = page.model
    late_row, recent_row = model.row_of(late), model.row_of(recent)
    sla = column("sla")
    assert model.index(late_row, sla).data() == QCoreApplication.translate(
        "ApprovalQueueModel", "Overdue")  # fmt: skip
    brush = model.index(late_row, sla).data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(brush, QBrush) and brush.color() == ALERT
    late_item = next(i for i in expected if i.agreement_id == late)
    assert late_item.overdue and late_item.waited_hours > 24
    waited = model.index(late_row, column("waited")).data()
    assert waited.startswith(f"{late_item.waited_hours:,.1f}") and "24" in waited
    assert "h" in model.index(recent_row, sla).data()  # business hours left
    assert not model.index(recent_row, 0).data(OVERDUE_ROLE)
    # Amounts right-aligned with their currency; the approver needed.
    to_pay = model.index(late_row, column("to_pay"))
    assert to_pay.data(Qt.ItemDataRole.TextAlignmentRole) == int(A.AlignRight | A.AlignVCenter)
    assert to_pay.data().startswith(("Q", "US$", "$"))
    counts = page.counts_label.text()
    assert str(len(expected)) in counts and str(sum(i.overdue for i in expected)) in counts
    assert "24" in page.sla_label.text()

    select(qtbot, page, late)
    assert late_item.case_number in page.details.text()
    assert page.why_not.isHidden()


def test_a_supervisor_approves_and_rejects_from_the_queue_with_a_comment(
    qtbot: QtBot, gui_context: GuiContext, demo_database: Database, actor_for: ActorFor
) -> None:
    me, boss = actor_for("ejecutivo1"), actor_for("supervisor1")
    first_case = case_with_chosen_scenario(demo_database, "ejecutivo1")
    first = pending(demo_database, me, first_case)
    second_case = case_with_chosen_scenario(demo_database, "ejecutivo1")
    second = pending(demo_database, me, second_case)
    window = show_quiet_window(qtbot, gui_context, boss)
    page = queue_of(qtbot, window)

    select(qtbot, page, first)
    approve = page.decide_buttons[approvals.A.APPROVE]
    assert approve.isEnabled() and not approve.toolTip()
    qtbot.mouseClick(approve, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, StepDialog) and dialog.isVisible()
    assert stored(demo_database, me, first_case, first).number in dialog.summary.text()
    qtbot.keyClicks(dialog.comment, "Dentro de la politica")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: closed(dialog), timeout=LOAD_TIMEOUT_MS)
    qtbot.waitUntil(lambda: str(first) not in listed_ids(page), timeout=LOAD_TIMEOUT_MS)
    approved = stored(demo_database, me, first_case, first)
    assert approved.status == "approved" and approved.decided_by_name == boss.full_name
    assert approved.steps[-1].comment == "Dentro de la politica"

    # Rejecting needs a comment: said under it, nothing stored.
    qtbot.waitUntil(page.is_settled, timeout=LOAD_TIMEOUT_MS)
    select(qtbot, page, second)
    qtbot.mouseClick(page.decide_buttons[approvals.A.REJECT], Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, StepDialog) and dialog.action is approvals.A.REJECT
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.field_error("comment").text() == errors(COMMENT_NEEDED)
    assert stored(demo_database, me, second_case, second).status == "pending"
    dialog.comment.setPlainText("x" * 2001)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.problem_fields() == {"comment"} and dialog.isVisible()
    dialog.comment.setPlainText("La quita no se justifica 🙂")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: closed(dialog), timeout=LOAD_TIMEOUT_MS)
    qtbot.waitUntil(lambda: str(second) not in listed_ids(page), timeout=LOAD_TIMEOUT_MS)
    rejected = stored(demo_database, me, second_case, second)
    assert rejected.status == "rejected" and rejected.steps[-1].comment.endswith("🙂")


def test_the_author_and_a_level_too_low_may_not_decide(
    qtbot: QtBot, gui_context: GuiContext, demo_database: Database, actor_for: ActorFor
) -> None:
    me, boss, manager = actor_for("ejecutivo1"), actor_for("supervisor1"), actor_for("gerente1")
    # A supervisor who draws up an agreement on a team case may not approve it.
    own_case = case_with_chosen_scenario(demo_database, "ejecutivo1")
    own = pending(demo_database, boss, own_case)
    # An agreement that forgives 30 %: a manager's to approve.
    big_case = case_with_chosen_scenario(demo_database, "ejecutivo1")
    big = draft(demo_database, me, big_case)
    total = stored(demo_database, me, big_case, big).breakdown.total
    save_terms(
        demo_database,
        me,
        big_case,
        big,
        bank_account=BANK,
        discount_amount=f"{(total * Decimal('0.30')).quantize(Decimal('0.01'))}",
    )
    approvals.step_agreement(demo_database.unit_of_work(), me,
                             AgreementStep(big_case, big, "submit"))  # fmt: skip
    assert stored(demo_database, me, big_case, big).required_level == "manager"

    window = show_quiet_window(qtbot, gui_context, boss)
    page = queue_of(qtbot, window)
    for agreement_id in (own, big):
        select(qtbot, page, agreement_id)
        for button in page.decide_buttons.values():
            assert not button.isEnabled() and button.toolTip()
        assert page.why_not.isVisible() and page.why_not.text()
        assert all(link.isEnabled() for link in page.link_buttons.values())
    with pytest.raises(NotAllowed):
        approvals.step_agreement(demo_database.unit_of_work(), boss,
                                 AgreementStep(own_case, own, "approve"))  # fmt: skip
    with pytest.raises(NotAllowed):
        approvals.step_agreement(demo_database.unit_of_work(), boss,
                                 AgreementStep(big_case, big, "approve"))  # fmt: skip
    assert stored(demo_database, me, own_case, own).status == "pending"

    # The manager may decide on both.
    manager_window = show_quiet_window(qtbot, gui_context, manager)
    manager_page = queue_of(qtbot, manager_window)
    for agreement_id in (own, big):
        select(qtbot, manager_page, agreement_id)
        assert manager_page.decide_buttons[approvals.A.APPROVE].isEnabled()
        assert manager_page.why_not.isHidden()


def test_links_open_the_case_on_its_strategy_analysis_and_agreement(
    qtbot: QtBot, gui_context: GuiContext, demo_database: Database, actor_for: ActorFor
) -> None:
    case_id = case_with_chosen_scenario(demo_database, "ejecutivo1")
    agreement_id = pending(demo_database, actor_for("ejecutivo1"), case_id)
    window = show_quiet_window(qtbot, gui_context, actor_for("supervisor1"))
    page = queue_of(qtbot, window)
    for slug in ("estrategia", "analisis-financiero", "convenio"):
        window.show_approvals()
        select(qtbot, page, agreement_id)
        qtbot.mouseClick(page.link_buttons[slug], Qt.MouseButton.LeftButton)
        tab = window.tabs.currentWidget()
        assert isinstance(tab, CaseTab) and tab.case_id == case_id
        assert tab.current_slug() == slug
        qtbot.waitUntil(tab.is_settled, timeout=LOAD_TIMEOUT_MS)
    assert len(window.case_tabs()) == 1  # the same case tab each time
    convenio = window.case_tabs()[0].page("convenio")
    assert isinstance(convenio, AgreementPage)
    qtbot.waitUntil(lambda: convenio.view.info is not None, timeout=LOAD_TIMEOUT_MS)
    assert convenio.view.info is not None and convenio.view.info.id == agreement_id


def test_the_queue_refreshes_when_a_sync_brings_news(
    qtbot: QtBot, gui_context: GuiContext, demo_database: Database, actor_for: ActorFor
) -> None:
    window = show_quiet_window(qtbot, gui_context, actor_for("supervisor1"))
    page = queue_of(qtbot, window)
    before = listed_ids(page)
    case_id = case_with_chosen_scenario(demo_database, "ejecutivo1")
    agreement_id = pending(demo_database, actor_for("ejecutivo1"), case_id)
    assert str(agreement_id) not in before
    window._reload()  # what the sync panel asks for when a sync brought changes
    qtbot.waitUntil(lambda: str(agreement_id) in listed_ids(page), timeout=LOAD_TIMEOUT_MS)
    assert len(listed_ids(page)) == len(before) + 1


def test_the_queue_model_passes_the_qt_model_checks(
    qtmodeltester: ModelTester, demo_database: Database, actor_for: ActorFor
) -> None:
    me = actor_for("ejecutivo1")
    late = pending(demo_database, me, case_with_chosen_scenario(demo_database, "ejecutivo1"))
    backdate(demo_database, late, days=5)
    rows = queue_rows(approvals.approval_queue(demo_database.unit_of_work(),
                                               actor_for("admin1")))  # fmt: skip
    model = ApprovalQueueModel()
    model.set_rows(rows)
    assert model.rowCount() == len(rows) > 0
    assert any(r.item.overdue for r in rows)
    qtmodeltester.check(model)
    model.set_rows(())
    qtmodeltester.check(model)
