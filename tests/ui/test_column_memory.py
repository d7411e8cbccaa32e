"""Column widths a user sets by dragging are remembered for every case and every session;
widths Qt changes by itself are not; "Fit columns to contents" forgets them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QHeaderView, QMenu
from pytestqt.qtbot import QtBot

from tests.ui.case_pages import OpenCase, open_case_page
from vipdesk.ui.case.records_page import RecordsPage

KEY = "columns/interactionsTable"


def drag_edge(qtbot: QtBot, header: QHeaderView, section: int, by: int) -> None:
    """Press on the right edge of ``section``, move ``by`` pixels, release: a user's drag."""
    viewport = header.viewport()
    edge = header.sectionViewportPosition(section) + header.sectionSize(section) - 1
    start = QPoint(edge, header.height() // 2)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 5):
        qtbot.mouseMove(viewport, start + QPoint(by * step // 4, 0))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + QPoint(by, 0))


def gestiones(first_case: OpenCase) -> RecordsPage:
    assert first_case.tab.show_page("gestiones")
    page = first_case.tab.page("gestiones")
    assert isinstance(page, RecordsPage)
    return page


def test_a_dragged_width_is_kept_for_other_cases_and_saved(
    qtbot: QtBot, first_case: OpenCase
) -> None:
    page = gestiones(first_case)
    header = page.table.horizontalHeader()
    settings = first_case.window._settings
    fitted = header.sectionSize(0)
    page.resize(page.width() + 200, page.height())  # Qt moves the stretched column: not saved
    qtbot.wait(400)
    assert settings.value(KEY) is None

    drag_edge(qtbot, header, 0, 80)
    assert header.sectionSize(0) == fitted + 80
    qtbot.waitUntil(lambda: settings.value(KEY) is not None)

    # Another case, another tab: the user's width, not one fitted to that case's rows.
    window = first_case.window
    other = window.model.case_id(1)
    assert other is not None and other != first_case.tab.case_id
    tab = open_case_page(qtbot, window, "gestiones", case=other)
    other_page = tab.page("gestiones")
    assert isinstance(other_page, RecordsPage)
    assert other_page.table.horizontalHeader().sectionSize(0) == fitted + 80


# A popup menu, offscreen:
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")
def test_fit_columns_to_contents_forgets_the_users_widths(
    qtbot: QtBot, first_case: OpenCase
) -> None:
    page = gestiones(first_case)
    header = page.table.horizontalHeader()
    settings = first_case.window._settings
    fitted = header.sectionSize(0)
    drag_edge(qtbot, header, 0, 60)
    qtbot.waitUntil(lambda: settings.value(KEY) is not None)

    # The window system asks for the header's context menu (QTest does not synthesise that).
    viewport = header.viewport()
    where = QPoint(10, header.height() // 2)
    QApplication.sendEvent(
        viewport,
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where, viewport.mapToGlobal(where)),
    )
    menu = page.table.findChild(QMenu, "columnsMenu")
    assert menu is not None
    [action] = menu.actions()
    assert action.text() == "Ajustar columnas al contenido"
    action.trigger()
    menu.close()
    qtbot.waitUntil(lambda: settings.value(KEY) is None)
    assert header.sectionSize(0) == fitted
