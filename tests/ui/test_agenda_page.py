"""'Mi día': the agenda tab lists what falls due, opens the case on the right page, refreshes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from uuid import UUID

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.services.helpers import log_follow_up
from tests.ui.conftest import LOAD_TIMEOUT_MS
from vipdesk.services import agenda
from vipdesk.services.dto import Actor, AgendaKind
from vipdesk.storage.models import Case, Promise, User
from vipdesk.storage.uow import Database
from vipdesk.ui.agenda_model import CASE, DAYS_ROLE, DUE, KIND_ROLE, OVERDUE, AgendaModel
from vipdesk.ui.agenda_page import PAGE_FOR, AgendaPage
from vipdesk.ui.case.tab import CaseTab
from vipdesk.ui.main_window import MainWindow


def _shown_agenda(qtbot: QtBot, window: MainWindow) -> AgendaPage:
    window.tabs.setCurrentWidget(window.agenda_page)  # as a click on the "Mi día" tab does
    page = window.agenda_page
    qtbot.waitUntil(page.is_settled, timeout=LOAD_TIMEOUT_MS)
    return page


def _listed(page: AgendaPage) -> list[tuple[str, str]]:
    model = page.model
    return [
        (model.index(r, 0).data(KIND_ROLE), model.index(r, CASE).data())
        for r in range(model.rowCount())
    ]


def test_the_agenda_is_a_fixed_second_tab_listing_what_falls_due(
    qtbot: QtBot, open_window: Callable[[str], MainWindow], demo_database: Database
) -> None:
    window = open_window("ejecutivo1")
    assert window.tabs.indexOf(window.agenda_page) == 1
    assert window.tabs.tabText(1) == "Mi día" or window.tabs.tabText(1) == "My day"
    page = _shown_agenda(qtbot, window)

    # Straight from the demo tables: ejecutivo1's open cases due today or earlier, oldest
    # first; their pending promises due within a week either side of today.
    with demo_database.unit_of_work() as uow:
        today = uow.today()
        mine = User.username == "ejecutivo1"
        follow_ups = uow.session.execute(
            select(Case.number)
            .join(User, User.id == Case.executive_id)
            .where(mine, Case.status != "closed", Case.next_action_date <= today)
            .order_by(Case.next_action_date, Case.number)
        ).scalars()
        promises = uow.session.execute(
            select(Case.number)
            .join(Promise, Promise.case_id == Case.id)
            .join(User, User.id == Case.executive_id)
            .where(mine, Case.status != "closed", Promise.status == "pending")
            .where(Promise.due_date.between(today - timedelta(days=7), today + timedelta(days=7)))
            .order_by(Promise.due_date, Case.number)
        ).scalars()
        expected = [("follow_up", n) for n in follow_ups] + [("promise", n) for n in promises]
    assert _listed(page) == expected
    assert len(expected) > 5  # the demo data gives the test something to compare

    model = page.model
    days = [model.index(r, 0).data(DAYS_ROLE) for r in range(model.rowCount())]
    overdue = sum(1 for r, d in enumerate(days) if d > 0 and expected[r][0] == "follow_up")
    due_today = sum(1 for r, d in enumerate(days) if d == 0 and expected[r][0] == "follow_up")
    promised = sum(1 for kind, _ in expected if kind == "promise")
    counts = page.counts_label.text()
    for number in (overdue, due_today, promised):
        assert str(number) in counts
    assert counts.count(" · ") == 2
    late = days.index(max(days))
    assert model.index(late, OVERDUE).data(Qt.ItemDataRole.ForegroundRole) == QColor("#b42318")
    assert model.index(late, DUE).data(Qt.ItemDataRole.ForegroundRole) == QColor("#b42318")
    assert str(max(days)) in model.index(late, OVERDUE).data()
    on_time = days.index(0)
    assert model.index(on_time, OVERDUE).data(Qt.ItemDataRole.ForegroundRole) is None

    # Fixed: Ctrl+W on the agenda closes nothing; the tab bar shows (two tabs, always).
    window.close_current_tab()
    assert window.tabs.count() == 2 and window.tabs.currentWidget() is page
    assert not window.tabs.tabBar().isHidden()


def _row_of(page: AgendaPage, kind: AgendaKind) -> int:
    return next(
        r
        for r in range(page.model.rowCount())
        if page.model.index(r, 0).data(KIND_ROLE) == kind.value
    )


def _expected_slug(tab: CaseTab, kind: AgendaKind) -> str:
    # The page for that kind of line; the first page when that page is not built (yet).
    wanted = PAGE_FOR[kind]
    return wanted if tab.page(wanted) is not None else tab.pages[0].slug


def test_enter_and_double_click_open_the_case_on_the_right_page(
    qtbot: QtBot, open_window: Callable[[str], MainWindow]
) -> None:
    window = open_window("ejecutivo1")
    page = _shown_agenda(qtbot, window)

    row = _row_of(page, AgendaKind.FOLLOW_UP)
    item = page.model.item_at(row)
    assert item is not None
    page.table.setFocus()
    page.table.selectRow(row)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    tab = window.tabs.currentWidget()
    assert isinstance(tab, CaseTab) and tab.case_id == item.case_id
    qtbot.waitUntil(tab.is_settled, timeout=LOAD_TIMEOUT_MS)
    assert tab.detail is not None and tab.detail.number == item.case_number
    assert tab.current_slug() == _expected_slug(tab, AgendaKind.FOLLOW_UP)

    window.tabs.setCurrentWidget(page)
    row = _row_of(page, AgendaKind.PROMISE)
    promise = page.model.item_at(row)
    assert promise is not None
    rect = page.table.visualRect(page.model.index(row, CASE))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    tab = window.tabs.currentWidget()
    assert isinstance(tab, CaseTab) and tab.case_id == promise.case_id
    qtbot.waitUntil(tab.is_settled, timeout=LOAD_TIMEOUT_MS)
    assert tab.current_slug() == _expected_slug(tab, AgendaKind.PROMISE)


def test_a_follow_up_logged_for_today_shows_when_the_agenda_is_shown_again(
    qtbot: QtBot,
    open_window: Callable[[str], MainWindow],
    demo_database: Database,
    actor_for: Callable[[str], Actor],
) -> None:
    window = open_window("ejecutivo1")
    page = _shown_agenda(qtbot, window)
    me = actor_for("ejecutivo1")
    listed = {page.model.item_at(r).case_id for r in range(page.model.rowCount())}  # type: ignore[union-attr]
    with demo_database.unit_of_work() as uow:
        today = uow.today()
        case_id: UUID = next(
            c
            for c in uow.session.scalars(
                select(Case.id)
                .where(Case.executive_id == me.id, Case.status != "closed")
                .order_by(Case.number)
            )
            if c not in listed
        )
    before = page.agenda
    assert before is not None

    log_follow_up(
        demo_database, me, case_id, "Volver a llamar hoy por la tarde", today, minutes_ago=3
    )
    window.tabs.setCurrentIndex(0)  # back to the portfolio...
    page = _shown_agenda(qtbot, window)  # ... and to "Mi día": it reloads
    rows = [
        r
        for r in range(page.model.rowCount())
        if page.model.item_at(r).case_id == case_id  # type: ignore[union-attr]
    ]
    assert len(rows) == 1
    assert page.model.index(rows[0], 3).data() == "Volver a llamar hoy por la tarde"
    assert page.model.index(rows[0], 0).data(DAYS_ROLE) == 0
    assert page.agenda is not None
    assert page.agenda.follow_ups_today == before.follow_ups_today + 1
    assert str(page.agenda.follow_ups_today) in page.counts_label.text()

    # A change saved in a case tab refreshes the agenda as well (the window's hook).
    page.agenda = None
    window._case_changed()
    qtbot.waitUntil(page.is_settled, timeout=LOAD_TIMEOUT_MS)
    assert page.agenda is not None


def test_the_agenda_model_passes_the_qt_model_checks(
    qtmodeltester: ModelTester, demo_database: Database, actor_for: Callable[[str], Actor]
) -> None:
    day = agenda.my_day(demo_database.unit_of_work(), actor_for("supervisor1"))
    model = AgendaModel()
    model.set_items(day.items)
    assert model.rowCount() == len(day.items) > 0
    qtmodeltester.check(model)
    model.set_items([])
    qtmodeltester.check(model)
