"""Admins set where the ratios' lights change colour; the analyses then use them."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.ui.case_pages import LOAD_TIMEOUT_MS
from vipdesk.services import app_settings
from vipdesk.storage.uow import Database
from vipdesk.ui.application import MainWindow

OpenWindow = Callable[[str], MainWindow]
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def test_only_admins_get_the_menu_entry(open_window: OpenWindow) -> None:
    admin, executive = open_window("admin1"), open_window("ejecutivo1")
    assert admin.thresholds_action in admin._file_menu.actions()
    assert admin.thresholds_action.text() == "&Umbrales de las razones…"
    assert executive.thresholds_action not in executive._file_menu.actions()


def test_an_admin_changes_a_threshold_and_bad_values_are_refused(
    qtbot: QtBot, open_window: OpenWindow, demo_database: Database
) -> None:
    window = open_window("admin1")
    dialog = window.edit_thresholds()
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.waitUntil(save.isEnabled, timeout=LOAD_TIMEOUT_MS)
    assert dialog.edits["current_ratio.green"].text() == "1.5"
    assert dialog.edits["debt_to_income.green"].text() == "35"  # shown as a percentage

    for bad in ("abc", "<b>1</b>", "🙂", "1e999"):
        green = dialog.edits["current_ratio.green"]
        green.selectAll()
        green.insert(bad)
        dialog.errors.clear()
        save.click()
        qtbot.waitUntil(lambda: bool(dialog.errors.message("current_ratio.green")),
                        timeout=LOAD_TIMEOUT_MS)  # fmt: skip
        qtbot.waitUntil(save.isEnabled, timeout=LOAD_TIMEOUT_MS)
        assert dialog.isVisible()
    unchanged = app_settings.thresholds(demo_database.unit_of_work())
    assert unchanged["current_ratio"].green == Decimal("1.5")

    dialog.edits["current_ratio.green"].setText("2")
    dialog.edits["debt_to_income.green"].setText("30")
    dialog.edits["dso.green"].clear()
    dialog.edits["dso.red"].clear()  # no light for DSO
    with qtbot.waitSignal(dialog.saved, timeout=LOAD_TIMEOUT_MS):
        save.click()
    stored = app_settings.thresholds(demo_database.unit_of_work())
    assert stored["current_ratio"].green == Decimal(2)
    assert stored["debt_to_income"].green == Decimal("0.3")
    assert "dso" not in stored
