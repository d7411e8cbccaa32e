"""The portfolio window: what each role sees, sorting, searching, language, preferences."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from vipdesk.core.catalog import CaseStatus
from vipdesk.services import portfolio
from vipdesk.services.dto import Actor, PortfolioQuery, SortKey
from vipdesk.storage.uow import Database
from vipdesk.ui.application import GuiContext, MainWindow
from vipdesk.ui.portfolio_model import COLUMN_OF, COLUMNS

from .conftest import LOAD_TIMEOUT_MS

OpenWindow = Callable[[str], MainWindow]


def _column(window: MainWindow, key: SortKey) -> list[str]:
    model, column = window.model, COLUMN_OF[key]
    return [model.index(row, column).data() for row in range(model.rowCount())]


def _headers(window: MainWindow) -> list[str]:
    return [window.model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(COLUMNS))]


def _click_header(qtbot: QtBot, window: MainWindow, key: SortKey) -> None:
    header = window.table.horizontalHeader()
    section = COLUMN_OF[key]
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    header_pos = header.rect().center()
    header_pos.setX(x)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=header_pos)


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def test_executive_sees_only_their_own_cases(
    open_window: OpenWindow, actor_for: Callable[[str], Actor], demo_database: Database
) -> None:
    actor = actor_for("ejecutivo1")
    expected = portfolio.case_numbers(demo_database.unit_of_work(), actor, PortfolioQuery())
    window = open_window("ejecutivo1")

    assert window.windowTitle() == "VIP Desk — Cartera"
    assert 0 < window.model.rowCount() == len(expected)
    assert window.model.case_numbers() == expected  # priority, highest first
    assert set(_column(window, SortKey.EXECUTIVE)) == {"Ana Lucía Morales"}
    assert window.user_label.text() == "Ana Lucía Morales · Ejecutivo"
    assert window.count_label.text() == f"{len(expected)} casos"
    assert window.database_label.text() == "sqlite:///demo-tests.db"
    header = window.table.horizontalHeader()
    assert header.sortIndicatorSection() == COLUMN_OF[SortKey.PRIORITY]
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert _headers(window)[:5] == ["Caso", "Deudor", "Segmento", "Moneda", "Exposición"]
    assert set(_column(window, SortKey.SEGMENT)) <= {"Empresa", "Persona"}
    priorities = [window.model.row_at(r).priority for r in range(window.model.rowCount())]
    assert priorities == sorted(priorities, reverse=True)


def test_supervisor_sees_both_executives_of_the_team(
    open_window: OpenWindow, actor_for: Callable[[str], Actor], demo_database: Database
) -> None:
    actor = actor_for("supervisor1")
    expected = portfolio.case_numbers(demo_database.unit_of_work(), actor, PortfolioQuery())
    window = open_window("supervisor1")

    assert window.model.rowCount() == len(expected)
    assert set(_column(window, SortKey.EXECUTIVE)) == {
        "Ana Lucía Morales",
        "Carlos Enrique Pérez",
    }
    assert "Cartera VIP Guatemala" in window._subtitle.text()


def test_legal_sees_only_escalated_cases(
    open_window: OpenWindow, actor_for: Callable[[str], Actor], demo_database: Database
) -> None:
    actor = actor_for("juridico1")
    expected = portfolio.case_numbers(demo_database.unit_of_work(), actor, PortfolioQuery())
    window = open_window("juridico1")

    assert 0 < window.model.rowCount() == len(expected)
    assert set(_column(window, SortKey.STATUS)) == {"En jurídico"}
    assert {window.model.row_at(r).status for r in range(len(expected))} == {CaseStatus.LEGAL}


def test_clicking_exposure_sorts_descending_then_ascending(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    window = open_window("supervisor1")
    header = window.table.horizontalHeader()

    _click_header(qtbot, window, SortKey.EXPOSURE)
    qtbot.waitUntil(
        lambda: window.is_settled() and window.model.current_sort() == (SortKey.EXPOSURE, True),
        timeout=LOAD_TIMEOUT_MS,
    )
    assert header.sortIndicatorSection() == COLUMN_OF[SortKey.EXPOSURE]
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    first = [window.model.row_at(r).exposure for r in range(10)]
    assert first == sorted(first, reverse=True)
    assert (
        window.model.index(0, COLUMN_OF[SortKey.EXPOSURE]).data().startswith(("Q ", "$ ", "US$ "))
    )

    _click_header(qtbot, window, SortKey.EXPOSURE)
    qtbot.waitUntil(
        lambda: window.is_settled() and window.model.current_sort() == (SortKey.EXPOSURE, False),
        timeout=LOAD_TIMEOUT_MS,
    )
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    first = [window.model.row_at(r).exposure for r in range(10)]
    assert first == sorted(first)


def test_search_narrows_rows_ignoring_accents(
    qtbot: QtBot,
    open_window: OpenWindow,
    actor_for: Callable[[str], Actor],
    demo_database: Database,
) -> None:
    window = open_window("supervisor1")
    total = window.model.rowCount()
    names = _column(window, SortKey.DEBTOR)
    accented = next(
        word for name in names for word in name.split() if len(word) >= 4 and not word.isascii()
    )
    fragment = _strip_accents(accented).lower()
    assert fragment != accented.lower()

    qtbot.keyClicks(window.search_box, fragment)
    qtbot.waitUntil(
        lambda: window.is_settled() and window.model.rowCount() < total, timeout=LOAD_TIMEOUT_MS
    )
    expected = portfolio.case_numbers(
        demo_database.unit_of_work(), actor_for("supervisor1"), PortfolioQuery(search=fragment)
    )
    assert window.model.case_numbers() == expected
    assert any(accented in name for name in _column(window, SortKey.DEBTOR))
    assert window.count_label.text() in {f"{len(expected)} casos", "1 caso"}

    window.search_box.clear()
    qtbot.waitUntil(
        lambda: window.is_settled() and window.model.rowCount() == total, timeout=LOAD_TIMEOUT_MS
    )


def test_search_without_matches_says_so(qtbot: QtBot, open_window: OpenWindow) -> None:
    window = open_window("ejecutivo1")
    qtbot.keyClicks(window.search_box, "zzzzqqq")
    qtbot.waitUntil(
        lambda: window.is_settled() and window.model.rowCount() == 0, timeout=LOAD_TIMEOUT_MS
    )
    assert window.empty_label.isVisible()
    assert window.count_label.text() == "0 casos"


def test_switching_language_relabels_headers_live_and_is_remembered(
    qtbot: QtBot, open_window: OpenWindow, gui_context: GuiContext
) -> None:
    window = open_window("ejecutivo1")
    window.language_actions["en"].trigger()
    assert _headers(window)[:5] == ["Case", "Debtor", "Segment", "Currency", "Exposure"]
    # Widgets relabel themselves on the LanguageChange event Qt posts to each of them.
    qtbot.waitUntil(lambda: window.windowTitle() == "VIP Desk — Portfolio")
    assert window.user_label.text() == "Ana Lucía Morales · Executive"
    assert window.count_label.text().endswith(" cases")
    assert set(_column(window, SortKey.SEGMENT)) <= {"Company", "Individual"}
    assert window.language_actions["en"].isChecked()

    from vipdesk.ui.settings import saved_language, ui_settings

    assert saved_language(ui_settings(gui_context.settings_dir)) == "en"

    window.language_actions["es"].trigger()
    assert _headers(window)[:5] == ["Caso", "Deudor", "Segmento", "Moneda", "Exposición"]
    qtbot.waitUntil(lambda: window.windowTitle() == "VIP Desk — Cartera")
    assert window.count_label.text().endswith(" casos")
    assert saved_language(ui_settings(gui_context.settings_dir)) == "es"


def test_ctrl_f_focuses_the_search_box(qtbot: QtBot, open_window: OpenWindow) -> None:
    window = open_window("ejecutivo1")
    window.activateWindow()
    window.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.table, timeout=LOAD_TIMEOUT_MS)
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_box.hasFocus()


def test_overdue_next_action_is_red_and_explained(open_window: OpenWindow) -> None:
    window = open_window("supervisor1")
    model, column = window.model, COLUMN_OF[SortKey.NEXT_ACTION]
    today = model._today
    overdue = [
        r
        for r in range(model.rowCount())
        if (row := model.row_at(r)) and row.next_action_date and row.next_action_date < today
    ]
    assert overdue, "the demo portfolio has overdue follow-ups"
    index = model.index(overdue[0], column)
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert index.data(Qt.ItemDataRole.ToolTipRole).startswith("Vencida:")


def test_column_widths_and_geometry_are_remembered(qtbot: QtBot, open_window: OpenWindow) -> None:
    window = open_window("ejecutivo1")
    debtor = COLUMN_OF[SortKey.DEBTOR]
    window.table.setColumnWidth(debtor, 333)
    window.resize(1111, 666)
    window.close()

    again = open_window("ejecutivo1")
    assert again.table.columnWidth(debtor) == 333
    # The offscreen screen is small, so Qt fits the width to it; the height comes back as saved.
    assert again.size().height() == 666
    # Rows always start by priority, even if the header state remembered another order.
    assert again.model.current_sort() == (SortKey.PRIORITY, True)


def test_sign_out_action_asks_to_return_to_sign_in(qtbot: QtBot, open_window: OpenWindow) -> None:
    window = open_window("ejecutivo1")
    with qtbot.waitSignal(window.signOutRequested, timeout=LOAD_TIMEOUT_MS):
        window.sign_out_action.trigger()
    assert window.sign_out_action.text() == "&Cerrar sesión"
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"


def test_the_selected_case_stays_selected_when_the_order_changes(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    window = open_window("supervisor1")
    window.table.selectRow(5)
    chosen = window.selected_case_id()
    assert chosen is not None
    _click_header(qtbot, window, SortKey.DEBTOR)
    qtbot.waitUntil(
        lambda: window.is_settled() and window.model.current_sort() == (SortKey.DEBTOR, False),
        timeout=LOAD_TIMEOUT_MS,
    )
    assert window.selected_case_id() == chosen
