"""The case workspace: opening a case from the portfolio, its header and pages, closing it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.ui.case_pages import OpenCase, assert_screenshot_taken, open_case_page, screenshot_case
from tests.ui.conftest import LOAD_TIMEOUT_MS
from vipdesk.services import cases
from vipdesk.services.dto import Actor
from vipdesk.services.timeline import EventKind, case_events
from vipdesk.storage.uow import Database
from vipdesk.ui.case.events_model import EventsModel
from vipdesk.ui.case.obligations_page import ObligationsModel
from vipdesk.ui.case.tab import page_slugs
from vipdesk.ui.main_window import MainWindow


def test_enter_on_a_case_opens_its_tab_with_the_header(
    qtbot: QtBot, open_window: Callable[[str], MainWindow]
) -> None:
    window = open_window("ejecutivo1")
    # The portfolio and "Mi día" (the agenda): two fixed tabs, so the tab bar shows.
    assert window.tabs.count() == 2 and not window.tabs.tabBar().isHidden()
    row = window.model.row_at(0)
    assert row is not None
    tab = open_case_page(qtbot, window)
    assert window.tabs.count() == 3
    assert window.tabs.tabText(2) == f"{row.case_number} · {row.debtor_name}"
    assert tab.header.debtor.text() == row.debtor_name
    assert tab.header.values["executive"].text() == "Ana Lucía Morales"
    assert tab.header.values["exposure"].text().startswith(("Q ", "US$ "))
    assert [tab.pages_tabs.tabText(i) for i in range(tab.pages_tabs.count())] == [
        "Resumen", "Deudor", "Obligaciones", "Gestiones", "Promesas", "Pagos", "Línea de tiempo",
        "Análisis financiero", "Estrategia", "Convenio", "Documentos",
    ]  # fmt: skip

    # The same case again: the same tab, not a second one.
    window.tabs.setCurrentIndex(0)
    window.open_case(tab.case_id)
    assert window.tabs.count() == 3 and window.tabs.currentWidget() is tab

    window.activateWindow()
    summary = tab.page("resumen")
    assert summary is not None
    summary.events_view.setFocus()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=LOAD_TIMEOUT_MS)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.count() == 2
    for fixed in (0, 1):
        window.tabs.setCurrentIndex(fixed)
        window.close_current_tab()  # the portfolio and the agenda are never closed
        assert window.tabs.count() == 2


def test_the_summary_and_obligations_show_the_stored_case(first_case: OpenCase) -> None:
    tab = first_case.tab
    stored = first_case.stored()
    summary = tab.page("resumen")
    assert summary is not None
    assert summary.values["tax_id"].text() == stored.tax_id  # type: ignore[attr-defined]
    events = summary.events  # type: ignore[attr-defined]
    expected = case_events(stored)[:5]
    assert events.rowCount() == len(expected)
    assert [events.event_at(r).id for r in range(events.rowCount())] == [e.id for e in expected]

    assert tab.show_page("obligaciones")
    obligations = tab.page("obligaciones")
    assert obligations is not None
    model = obligations.model  # type: ignore[attr-defined]
    assert model.rowCount() == len(stored.obligations)
    assert model.index(0, 0).data() == stored.obligations[0].account_number
    assert tab.current_slug() == "obligaciones"


def test_open_cases_are_remembered_for_the_next_session(
    qtbot: QtBot, open_window: Callable[[str], MainWindow]
) -> None:
    window = open_window("ejecutivo1")
    window.interactive = True
    tab = open_case_page(qtbot, window)
    window.close()
    again = open_window("ejecutivo1")
    again.restore_open_cases()
    assert [t.case_id for t in again.case_tabs()] == [tab.case_id]
    assert again.tabs.currentIndex() == 0  # back on the portfolio, the case a click away


def test_case_models_pass_the_qt_model_checks(
    qtmodeltester: ModelTester, demo_database: Database, actor_for: Callable[[str], Actor]
) -> None:
    from vipdesk.services import portfolio
    from vipdesk.services.dto import PortfolioQuery

    me = actor_for("ejecutivo1")
    number = portfolio.case_numbers(demo_database.unit_of_work(), me, PortfolioQuery())[0]
    case_id = portfolio.rows(demo_database.unit_of_work(), me, [number])[0].case_id
    detail = cases.case_detail(demo_database.unit_of_work(), me, case_id)
    events = EventsModel()
    events.set_events(case_events(detail))
    assert {events.event_at(r).kind for r in range(events.rowCount())} <= set(EventKind)
    qtmodeltester.check(events)
    obligations = ObligationsModel()
    obligations.set_obligations(detail.obligations)
    qtmodeltester.check(obligations)


def test_screenshot_of_a_case_page(tmp_path: Path, vipdesk_home: Path, demo_db_url: str) -> None:
    png = tmp_path / "case.png"
    assert_screenshot_taken(png, vipdesk_home, demo_db_url, "VIP-000003", "obligaciones")
    unknown = screenshot_case(png, vipdesk_home, demo_db_url, "VIP-000003", "--tab", "nada")
    assert unknown.returncode == 2
    assert unknown.stderr.strip() == (
        f"vipdesk: Pestaña desconocida nada; una de: {', '.join(page_slugs())}"
    )
    hidden = screenshot_case(png, vipdesk_home, demo_db_url, "VIP-000003", user="ejecutivo3")
    assert hidden.returncode == 2 and "ejecutivo3 no puede verlo" in hidden.stderr


def test_a_page_with_no_records_says_so(
    qtbot: QtBot,
    open_window: Callable[[str], MainWindow],
    demo_database: Database,
    actor_for: Callable[[str], Actor],
) -> None:
    from vipdesk.services import portfolio
    from vipdesk.services.dto import PortfolioQuery

    me = actor_for("ejecutivo1")
    numbers = portfolio.case_numbers(demo_database.unit_of_work(), me, PortfolioQuery())
    details = [
        cases.case_detail(demo_database.unit_of_work(), me, row.case_id)
        for row in portfolio.rows(demo_database.unit_of_work(), me, numbers)
    ]
    without = next(d for d in details if not d.payments)
    with_some = next(d for d in details if d.payments)
    window = open_window("ejecutivo1")
    empty = open_case_page(qtbot, window, "pagos", case=without.id).page("pagos")
    assert empty is not None
    assert empty.empty_label.isVisible()  # type: ignore[attr-defined]
    assert empty.empty_label.text() == "Aún no hay pagos registrados."  # type: ignore[attr-defined]
    full = open_case_page(qtbot, window, "pagos", case=with_some.id).page("pagos")
    assert full is not None and not full.empty_label.isVisible()  # type: ignore[attr-defined]
    assert full.model.rowCount() == len(with_some.payments)  # type: ignore[attr-defined]
