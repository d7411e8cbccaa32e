"""The portfolio's filter bar, saved views and File > Export list…, driven like a user."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.modals import when_shown
from vipdesk.core.catalog import CaseStatus
from vipdesk.services import portfolio
from vipdesk.services.dto import Actor, NextActionDue, PortfolioQuery
from vipdesk.storage.uow import Database
from vipdesk.ui.application import MainWindow
from vipdesk.ui.portfolio_filters import MAX_VIEW_NAME, load_views
from vipdesk.ui.settings import ui_settings

from .conftest import LOAD_TIMEOUT_MS

OpenWindow = Callable[[str], MainWindow]
# Dialogs (input, message, file) size themselves; offscreen Qt warns that it cannot follow.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _expected(db: Database, actor: Actor, **query: object) -> list[str]:
    return portfolio.case_numbers(db.unit_of_work(), actor, PortfolioQuery(**query))  # type: ignore[arg-type]


def _choose(qtbot: QtBot, window: MainWindow, combo: QComboBox, code: str | None) -> None:
    """Pick an item with the keyboard, as a user tabbing through the bar would."""
    target = combo.findData(code) if code is not None else 0
    assert target >= 0
    combo.setFocus()
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, key)
    qtbot.waitUntil(window.is_settled, timeout=LOAD_TIMEOUT_MS)


def _settings(window: MainWindow) -> QSettings:
    return ui_settings(window.context.settings_dir)


def test_a_filter_changes_the_rows_and_the_count(
    qtbot: QtBot,
    open_window: OpenWindow,
    actor_for: Callable[[str], Actor],
    demo_database: Database,
) -> None:
    window = open_window("admin1")
    admin = actor_for("admin1")
    everything = window.model.rowCount()
    bar = window.filters

    _choose(qtbot, window, bar.status_combo, CaseStatus.LEGAL.value)
    legal = _expected(demo_database, admin, statuses=("legal",))
    assert 0 < len(legal) < everything
    assert window.model.case_numbers() == legal
    assert window.count_label.text() == f"{len(legal)} casos"
    assert {window.model.row_at(r).status for r in range(len(legal))} == {"legal"}  # type: ignore[union-attr]
    assert bar.status_combo.property("active") is True

    _choose(qtbot, window, bar.currency_combo, "USD")
    both = _expected(demo_database, admin, statuses=("legal",), currencies=("USD",))
    assert window.model.case_numbers() == both

    qtbot.mouseClick(bar.promise_check, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.is_settled, timeout=LOAD_TIMEOUT_MS)
    assert window.model.case_numbers() == _expected(
        demo_database, admin, statuses=("legal",), currencies=("USD",), promise_due_this_week=True
    )

    qtbot.mouseClick(bar.clear_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.is_settled, timeout=LOAD_TIMEOUT_MS)
    assert window.model.rowCount() == everything
    assert not bar.is_filtering() and not bar.clear_button.isEnabled()


def test_next_action_filter_and_the_empty_message(
    qtbot: QtBot,
    open_window: OpenWindow,
    actor_for: Callable[[str], Actor],
    demo_database: Database,
) -> None:
    window = open_window("ejecutivo1")
    me = actor_for("ejecutivo1")
    _choose(qtbot, window, window.filters.next_action_combo, NextActionDue.OVERDUE.value)
    assert window.model.case_numbers() == _expected(
        demo_database, me, next_action=NextActionDue.OVERDUE
    )
    window.search_box.setFocus()
    qtbot.keyClicks(window.search_box, "zzqx")
    qtbot.waitUntil(window.is_settled, timeout=LOAD_TIMEOUT_MS)
    assert window.model.rowCount() == 0 and window.empty_label.isVisible()


def _answer_name(name: str) -> object:
    def type_it(widget: QWidget) -> None:
        assert isinstance(widget, QInputDialog)
        widget.setTextValue(name)
        widget.accept()

    return when_shown(lambda w: w.objectName() == "viewNameDialog", type_it)


def _answer_confirm(button: QMessageBox.StandardButton) -> object:
    def press(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox)
        widget.button(button).click()

    return when_shown(lambda w: w.objectName() == "viewConfirm", press)


def test_save_a_view_clear_and_apply_it_again(
    qtbot: QtBot,
    open_window: OpenWindow,
    actor_for: Callable[[str], Actor],
    demo_database: Database,
) -> None:
    window = open_window("supervisor1")
    bar = window.filters
    _choose(qtbot, window, bar.bucket_combo, "180+")
    window.search_box.setFocus()
    qtbot.keyClicks(window.search_box, "s")
    qtbot.waitUntil(window.is_settled, timeout=LOAD_TIMEOUT_MS)
    shown = window.model.case_numbers()
    assert shown == _expected(
        demo_database, actor_for("supervisor1"), search="s", buckets=("180+",)
    )

    timer = _answer_name("  Más de 180 días  ")
    qtbot.mouseClick(bar.save_view_button, Qt.MouseButton.LeftButton)
    timer.stop()  # type: ignore[attr-defined]
    stored = load_views(_settings(window), "supervisor1")
    assert list(stored) == ["Más de 180 días"]
    assert stored["Más de 180 días"].search == "s"
    assert [b.value for b in stored["Más de 180 días"].buckets] == ["180+"]
    assert load_views(_settings(window), "ejecutivo1") == {}, "views are per user"
    assert bar.views_combo.currentText() == "Más de 180 días"

    qtbot.mouseClick(bar.clear_button, Qt.MouseButton.LeftButton)
    window.search_box.clear()
    qtbot.waitUntil(window.is_settled, timeout=LOAD_TIMEOUT_MS)
    assert bar.views_combo.currentIndex() == 0 and window.model.rowCount() > len(shown)

    bar.views_combo.setFocus()
    qtbot.keyClick(bar.views_combo, Qt.Key.Key_Down)
    qtbot.waitUntil(window.is_settled, timeout=LOAD_TIMEOUT_MS)
    assert window.search_box.text() == "s"
    assert bar.bucket_combo.currentData() == "180+"
    assert window.model.case_numbers() == shown
    assert bar.delete_view_button.isEnabled()

    timer = _answer_confirm(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(bar.delete_view_button, Qt.MouseButton.LeftButton)
    timer.stop()  # type: ignore[attr-defined]
    assert load_views(_settings(window), "supervisor1") == {}
    assert bar.views_combo.count() == 1


def test_view_names_empty_huge_and_duplicate(qtbot: QtBot, open_window: OpenWindow) -> None:
    window = open_window("ejecutivo1")
    bar = window.filters
    warned: list[str] = []

    def close_warning(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox)
        warned.append(widget.text())
        widget.accept()

    timer = when_shown(lambda w: isinstance(w, QMessageBox), close_warning)
    assert bar.save_view(" \t ") is False
    timer.stop()
    assert warned and load_views(_settings(window), "ejecutivo1") == {}

    assert bar.save_view("x" * 10_000) is True
    assert [len(name) for name in load_views(_settings(window), "ejecutivo1")] == [MAX_VIEW_NAME]

    _choose(qtbot, window, bar.segment_combo, "company")
    assert bar.save_view("Empresas") is True
    _choose(qtbot, window, bar.segment_combo, "individual")
    timer = _answer_confirm(QMessageBox.StandardButton.No)
    assert bar.save_view("Empresas") is False
    timer.stop()  # type: ignore[attr-defined]
    assert load_views(_settings(window), "ejecutivo1")["Empresas"].segments == ("company",)
    timer = _answer_confirm(QMessageBox.StandardButton.Yes)
    assert bar.save_view("Empresas") is True
    timer.stop()  # type: ignore[attr-defined]
    assert load_views(_settings(window), "ejecutivo1")["Empresas"].segments == ("individual",)


def test_unreadable_saved_views_are_ignored(open_window: OpenWindow, settings_dir: Path) -> None:
    settings = ui_settings(settings_dir)
    settings.setValue("portfolioViews/ejecutivo1", '{"ok": {"sort": "nonsense"}, "x": 3')
    settings.sync()
    window = open_window("ejecutivo1")
    assert window.filters.views_combo.count() == 1


def test_export_action_writes_the_filtered_list_to_excel(
    qtbot: QtBot,
    open_window: OpenWindow,
    actor_for: Callable[[str], Actor],
    demo_database: Database,
    tmp_path: Path,
) -> None:
    window = open_window("admin1")
    _choose(qtbot, window, window.filters.status_combo, CaseStatus.NEGOTIATING.value)
    expected = window.model.case_numbers()
    assert expected == _expected(demo_database, actor_for("admin1"), statuses=("negotiating",))
    target = tmp_path / "mi cartera"  # no extension: the chosen file type adds it

    def fill_in(widget: QWidget) -> None:
        assert isinstance(widget, QFileDialog)
        name = widget.findChild(QLineEdit, "fileNameEdit")  # Qt's own (non-native) dialog
        assert name is not None and name.text().endswith(".xlsx")  # a name is proposed
        name.setText(str(target))
        widget.accept()

    messages: list[str] = []

    def read_message(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox)
        messages.append(widget.text())
        widget.accept()

    dialog_timer = when_shown(lambda w: isinstance(w, QFileDialog), fill_in)
    message_timer = when_shown(lambda w: isinstance(w, QMessageBox), read_message)
    with qtbot.waitSignal(window.exportFinished, timeout=LOAD_TIMEOUT_MS) as finished:
        window.export_action.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=LOAD_TIMEOUT_MS)
    dialog_timer.stop()
    message_timer.stop()
    path = tmp_path / "mi cartera.xlsx"
    assert finished.args == [str(path), len(expected)]
    assert str(path) in messages[0]
    rows = list(load_workbook(path).active.iter_rows(values_only=True))  # type: ignore[union-attr]
    assert rows[0][:3] == ("Caso", "Deudor", "Segmento")
    assert [r[0] for r in rows[1:]] == expected
    assert {r[-1] for r in rows[1:]} == {"En negociación"}


def test_export_to_csv_with_a_path(qtbot: QtBot, open_window: OpenWindow, tmp_path: Path) -> None:
    window = open_window("ejecutivo1")
    path = tmp_path / "cartera.csv"
    with qtbot.waitSignal(window.exportFinished, timeout=LOAD_TIMEOUT_MS):
        messages = when_shown(lambda w: isinstance(w, QMessageBox), lambda w: w.close())
        assert window.export_list(path) is True
    messages.stop()
    with path.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0][0] == "Caso"
    assert [line[0] for line in lines[1:]] == window.model.case_numbers()


def test_export_follows_the_column_order_the_user_dragged(
    qtbot: QtBot, open_window: OpenWindow, tmp_path: Path
) -> None:
    window = open_window("ejecutivo1")
    header = window.table.horizontalHeader()
    viewport = header.viewport()
    debtor = 1
    # Drag the Debtor column's title to the far left, as a user would.
    start = QPoint(header.sectionViewportPosition(debtor) + 20, header.height() // 2)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for x in range(start.x(), -1, -10):
        qtbot.mouseMove(viewport, QPoint(x, start.y()))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=QPoint(2, start.y()))
    assert header.visualIndex(debtor) == 0

    path = tmp_path / "cartera.csv"
    with qtbot.waitSignal(window.exportFinished, timeout=LOAD_TIMEOUT_MS):
        messages = when_shown(lambda w: isinstance(w, QMessageBox), lambda w: w.close())
        assert window.export_list(path) is True
    messages.stop()
    with path.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0][:3] == ["Deudor", "Caso", "Segmento"]
    # The next action's column gives its date, then its text.
    at = lines[0].index("Próxima acción")
    assert lines[0][at - 1] == "Fecha de próxima acción"
    assert len(lines[0]) == len(set(lines[0])) == header.count() + 1
    names = [window.model.index(row, debtor).data() for row in range(window.model.rowCount())]
    assert [line[0] for line in lines[1:]] == names
