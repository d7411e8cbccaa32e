"""Admins set the approval policy and the queue's service level from File → "Approval
policy…": the tiers shown as typed (the discount in percent, amounts grouped), every bad value
refused under its own cell with nothing stored, and what is saved used at once by the routing
of agreements and by the queue."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from tests.ui.conftest import LOAD_TIMEOUT_MS
from tests.ui.test_agreement_page import BANK, case_with_chosen_scenario, draft, save_terms, stored
from vipdesk.core.approval import DEFAULT_POLICY, policy_from_mapping
from vipdesk.services import approval_settings, approvals
from vipdesk.services.agreement_dto import AgreementStep
from vipdesk.services.dto import Actor
from vipdesk.storage.uow import Database
from vipdesk.ui.approval_queue_model import queue_rows
from vipdesk.ui.approval_settings_dialog import PERCENT, ApprovalSettingsDialog
from vipdesk.ui.main_window import MainWindow

OpenWindow = Callable[[str], MainWindow]
ActorFor = Callable[[str], Actor]
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def errors(template: str, **params: object) -> str:
    return QCoreApplication.translate("errors", template).format(**params)


def opened(qtbot: QtBot, window: MainWindow) -> ApprovalSettingsDialog:
    dialog = window.edit_approval_policy()
    qtbot.waitUntil(lambda: dialog.loaded and dialog.save_button.isEnabled(),
                    timeout=LOAD_TIMEOUT_MS)  # fmt: skip
    return dialog


def edit(dialog: ApprovalSettingsDialog, tier: int, key: str) -> QLineEdit:
    widget = dialog.tiers[tier][key]
    assert isinstance(widget, QLineEdit)
    return widget


def refused(qtbot: QtBot, dialog: ApprovalSettingsDialog, field: str) -> str:
    """Save pressed and refused: the message under ``field``; the dialog stays open."""
    dialog.errors.clear()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.errors.message(field)), timeout=LOAD_TIMEOUT_MS)
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=LOAD_TIMEOUT_MS)
    assert dialog.isVisible()
    return dialog.errors.message(field)


def test_only_admins_get_the_menu_entry(open_window: OpenWindow) -> None:
    admin, supervisor = open_window("admin1"), open_window("supervisor1")
    assert admin.approval_policy_action in admin._file_menu.actions()
    assert admin.approval_policy_action.text().replace("&", "").rstrip("…")
    assert supervisor.approval_policy_action not in supervisor._file_menu.actions()


def test_bad_values_are_refused_under_their_cells_and_nothing_is_stored(
    qtbot: QtBot, open_window: OpenWindow, demo_database: Database, actor_for: ActorFor
) -> None:
    admin = actor_for("admin1")
    before = approval_settings.approval_settings(demo_database.unit_of_work(), admin)
    dialog = opened(qtbot, open_window("admin1"))
    assert len(dialog.tiers) == len(DEFAULT_POLICY.tiers)
    assert edit(dialog, 0, "max_discount_pct").text() == "20"  # a percentage, not 0.20
    assert edit(dialog, 0, "max_forgiven.GTQ").text() == "400,000"
    assert dialog.sla.text() == str(before.sla_hours)

    discount = edit(dialog, 0, "max_discount_pct")
    for bad in ("abc", "150", "-5", "<b>1</b>", "🙂", "1e999"):
        discount.setText(bad)
        assert refused(qtbot, dialog, "tiers[0].max_discount_pct") == errors(PERCENT)
    discount.setText("20")
    forgiven = edit(dialog, 0, "max_forgiven.MXN")
    forgiven.setText("-5")
    assert refused(qtbot, dialog, "tiers[0].max_forgiven.MXN")
    forgiven.setText("x" * 10_000)  # the edit keeps 40 of them: still not a number
    assert refused(qtbot, dialog, "tiers[0].max_forgiven.MXN")
    forgiven.setText("1,000,000")
    months = edit(dialog, 1, "max_term_months")
    months.setText("4.5")
    assert refused(qtbot, dialog, "tiers[1].max_term_months") == errors(
        "Enter a whole number of months"
    )
    months.setText("48")
    # A tier above may not allow less than the one below, nor name a lower level.
    edit(dialog, 1, "max_exposure.USD").setText("10")
    assert refused(qtbot, dialog, "tiers[1].max_exposure.USD")
    edit(dialog, 1, "max_exposure.USD").setText("5,000,000")
    level = dialog.tiers[1]["level"]
    assert isinstance(level, QComboBox)
    level.setCurrentIndex(0)  # supervisor, as the tier below
    assert refused(qtbot, dialog, "tiers[1].level")
    level.setCurrentIndex(1)
    for bad in ("0", "abc", "100000", ""):
        dialog.sla.setText(bad)
        assert refused(qtbot, dialog, "sla_hours")
    after = approval_settings.approval_settings(demo_database.unit_of_work(), admin)
    assert after == before


def test_a_saved_policy_routes_agreements_and_times_the_queue(
    qtbot: QtBot, open_window: OpenWindow, demo_database: Database, actor_for: ActorFor
) -> None:
    admin, me = actor_for("admin1"), actor_for("ejecutivo1")
    case_id = case_with_chosen_scenario(demo_database, "ejecutivo1")
    agreement_id = draft(demo_database, me, case_id)
    total = stored(demo_database, me, case_id, agreement_id).breakdown.total
    save_terms(demo_database, me, case_id, agreement_id, bank_account=BANK,
               discount_amount=f"{(total * Decimal('0.15')).quantize(Decimal('0.01'))}",
               installments="12", grace_periods="0", down_payment="0.00")  # fmt: skip
    assert stored(demo_database, me, case_id, agreement_id).required_level == "supervisor"

    window = open_window("admin1")
    dialog = opened(qtbot, window)
    # A third tier and back: the buttons keep the table's shape.
    assert dialog.add_button.isEnabled()
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert len(dialog.tiers) == 3 and not dialog.add_button.isEnabled()
    assert dialog.tiers[2]["level"].currentData() == "director"  # type: ignore[attr-defined]
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert len(dialog.tiers) == 2
    edit(dialog, 0, "max_discount_pct").setText("10")
    dialog.sla.setText("16")
    with qtbot.waitSignal(dialog.saved, timeout=LOAD_TIMEOUT_MS):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    saved = approval_settings.approval_settings(demo_database.unit_of_work(), admin)
    assert saved.sla_hours == 16
    policy = policy_from_mapping(saved.policy)
    lowest, default = policy.tiers[0], DEFAULT_POLICY.tiers[0]
    assert lowest.max_discount_pct == Decimal("0.1")  # typed 10 (%)
    assert lowest.max_forgiven == default.max_forgiven  # typed grouped, stored as numbers
    assert policy.tiers[1] == DEFAULT_POLICY.tiers[1]
    # Routing: 15 % is now beyond a supervisor.
    assert stored(demo_database, me, case_id, agreement_id).required_level == "manager"
    # The queue: 16 business hours from submission to due.
    approvals.step_agreement(demo_database.unit_of_work(), me,
                             AgreementStep(case_id, agreement_id, "submit"))  # fmt: skip
    rows = queue_rows(approvals.approval_queue(demo_database.unit_of_work(), admin))
    row = next(r for r in rows if r.item.agreement_id == agreement_id)
    assert row.sla_hours == 16
    page = window.show_approvals()
    qtbot.waitUntil(lambda: page.is_settled() and page.model.row_of(agreement_id) >= 0,
                    timeout=LOAD_TIMEOUT_MS)  # fmt: skip
    assert "16" in page.sla_label.text()
