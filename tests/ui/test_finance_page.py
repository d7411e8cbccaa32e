"""The case's "Análisis financiero" page, driven like a user: statements typed into the grid
(undo, hostile input, a new period), the Excel template down and back up, the ratios and
their trend, the assumptions typed as percentages."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from uuid import UUID

import pytest
from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.services.finance_helpers import fresh_case
from tests.ui.case_pages import LOAD_TIMEOUT_MS, open_case_page
from tests.ui.modals import when_shown
from vipdesk.core.catalog import Segment
from vipdesk.services import finance, finance_template
from vipdesk.services.dto import Actor
from vipdesk.services.finance_dto import FinancialAnalysis
from vipdesk.services.finance_template_read import read_template
from vipdesk.storage.models import Case
from vipdesk.storage.uow import Database
from vipdesk.ui.application import MainWindow
from vipdesk.ui.case.finance.page import FinancePage
from vipdesk.ui.case.finance.period_dialog import PeriodDialog
from vipdesk.ui.case.tab import CaseTab

OpenWindow = Callable[[str], MainWindow]
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def case_of(db: Database, number: str) -> UUID:
    with db.unit_of_work() as uow:
        return uow.session.scalars(select(Case.id).where(Case.number == number)).one()


def finance_page(qtbot: QtBot, window: MainWindow, case: UUID) -> tuple[CaseTab, FinancePage]:
    tab = open_case_page(qtbot, window, "analisis-financiero", case=case)
    page = tab.page("analisis-financiero")
    assert isinstance(page, FinancePage)
    qtbot.waitUntil(lambda: page.loaded is not None and tab.is_settled(), timeout=LOAD_TIMEOUT_MS)
    return tab, page


def stored(db: Database, actor: Actor, case: UUID) -> FinancialAnalysis:
    return finance.financial_analysis(db.unit_of_work(), actor, case)


def row_of(page: FinancePage, kind: str, key: str) -> int:
    rows = page.statements.model.rows
    return next(i for i, r in enumerate(rows) if (r.kind, r.key) == (kind, key))


def type_cell(qtbot: QtBot, page: FinancePage, row: int, column: int, text: str) -> None:
    """Select the cell, F2, type, Enter: as a keyboard user edits a grid."""
    table = page.statements.table
    table.window().activateWindow()  # after a dialog closed: keys go to the active window
    table.setFocus()
    table.setCurrentIndex(page.statements.model.index(row, column))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    [editor] = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]
    editor.selectAll()
    editor.insert(text)  # keyClicks cannot type every character (non-ASCII, markup)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits on the next turn of the event loop.
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)


def settle(qtbot: QtBot, tab: CaseTab, page: FinancePage) -> None:
    qtbot.waitUntil(lambda: tab.is_settled() and not page.runner.is_busy(), timeout=LOAD_TIMEOUT_MS)


def test_a_figure_typed_can_be_undone_then_is_saved(
    qtbot: QtBot, open_window: OpenWindow, demo_database: Database,
    actor_for: Callable[[str], Actor],
) -> None:  # fmt: skip
    me = actor_for("ejecutivo1")
    case = case_of(demo_database, "VIP-000157")
    window = open_window("ejecutivo1")
    tab, page = finance_page(qtbot, window, case)
    before = stored(demo_database, me, case)
    assert before.segment == Segment.INDIVIDUAL and len(before.periods) >= 2
    model, salary = page.statements.model, row_of(page, "income", "salary")
    old = before.periods[0].income["salary"]

    type_cell(qtbot, page, salary, 1, "45,000")
    assert model.index(salary, 1).data() == "45,000.00"
    assert page.statements.save_button.isEnabled() and tab.has_unsaved_changes()
    qtbot.keyClick(page.statements.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert model.index(salary, 1).data() == f"{old:,.2f}"
    assert not page.statements.save_button.isEnabled()

    type_cell(qtbot, page, salary, 1, "45000")
    qtbot.mouseClick(page.statements.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, tab, page)
    after = stored(demo_database, me, case)
    assert after.periods[0].income["salary"] == Decimal("45000.00")
    assert after.periods[1:] == before.periods[1:]
    assert after.ratios["disposable_income"][0] != before.ratios["disposable_income"][0]
    assert not tab.has_unsaved_changes()
    assert model.index(salary, 1).data() == "45,000.00"


@pytest.mark.parametrize(
    "typed",
    ["abc", "<b>1</b>", "1e999", "99999999999999999999", "12.345", "1,2,3", "🙂", "x" * 10_000],
)
def test_hostile_figures_are_refused_with_a_message(
    qtbot: QtBot, open_window: OpenWindow, demo_database: Database,
    actor_for: Callable[[str], Actor], typed: str,
) -> None:  # fmt: skip
    me = actor_for("ejecutivo1")
    case = case_of(demo_database, "VIP-000157")
    _tab, page = finance_page(qtbot, open_window("ejecutivo1"), case)
    before = stored(demo_database, me, case)
    row = row_of(page, "figure", "fixed_expenses")
    shown = page.statements.model.index(row, 1).data()
    type_cell(qtbot, page, row, 1, typed)
    assert page.statements.model.index(row, 1).data() == shown
    assert page.statements.message.isVisible()
    assert page.statements.message.text().startswith("Gastos fijos: ")
    assert not page.statements.save_button.isEnabled()
    assert stored(demo_database, me, case).periods == before.periods


def test_a_new_period_for_a_company(
    qtbot: QtBot, open_window: OpenWindow, demo_database: Database,
    actor_for: Callable[[str], Actor],
) -> None:  # fmt: skip
    me = actor_for("ejecutivo1")
    case = fresh_case(demo_database, "company")
    tab, page = finance_page(qtbot, open_window("ejecutivo1"), case)
    assert page.statements.model.columnCount() == 1  # no periods yet
    refused: list[str] = []

    def fill_in(dialog: QWidget) -> None:
        assert isinstance(dialog, PeriodDialog)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()  # empty label
        refused.append(dialog.errors.message("label"))
        qtbot.keyClicks(dialog.label, "Cierre 2025")
        dialog.end.setDate(QDate(2025, 12, 31))
        assert dialog.months.value() == 12
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    timer = when_shown(lambda w: isinstance(w, PeriodDialog), fill_in)
    qtbot.mouseClick(page.statements.add_button, Qt.MouseButton.LeftButton)
    timer.stop()
    assert refused == ["Escriba una etiqueta para el período"]
    assert page.statements.model.columnCount() == 2
    type_cell(qtbot, page, row_of(page, "figure", "cash"), 1, "500000")
    type_cell(qtbot, page, row_of(page, "figure", "current_liabilities"), 1, "250000")
    qtbot.keyClick(page.statements.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, tab, page)
    [saved] = stored(demo_database, me, case).periods
    assert (saved.label, saved.period_end, saved.months) == ("Cierre 2025", date(2025, 12, 31), 12)
    assert saved.figures["cash"] == Decimal("500000.00")
    assert saved.figures["equity"] is None
    # The ratios page shows the cash ratio (500,000 ÷ 250,000) and says why others are missing.
    ratios = page.ratios.model
    cash = next(r for r in range(ratios.rowCount()) if ratios.key_at(r) == "cash_ratio")
    assert ratios.index(cash, 1).data().endswith("2.00")
    quick = next(r for r in range(ratios.rowCount()) if ratios.key_at(r) == "quick_ratio")
    assert ratios.index(quick, 1).data() == "—"
    assert "Falta" in ratios.index(quick, 1).data(Qt.ItemDataRole.ToolTipRole)


def test_template_down_and_up_again(
    qtbot: QtBot, open_window: OpenWindow, demo_database: Database,
    actor_for: Callable[[str], Actor], tmp_path: Path,
) -> None:  # fmt: skip
    me = actor_for("ejecutivo1")
    case = case_of(demo_database, "VIP-000157")
    tab, page = finance_page(qtbot, open_window("ejecutivo1"), case)
    before = stored(demo_database, me, case)
    path = tmp_path / "estados.xlsx"
    page.statements.download_template(path)
    qtbot.waitUntil(path.exists, timeout=LOAD_TIMEOUT_MS)
    settle(qtbot, tab, page)
    read = read_template(path, Segment.INDIVIDUAL)
    assert [c.period_end for c in read] == [p.period_end for p in before.periods]
    # A new month added in the file, imported back: one more period, the others untouched.
    new = finance_template.TemplateColumn(
        "Noviembre 2026", date(2026, 11, 30), None,
        {k: "" for k in read[0].figures} | {"fixed_expenses": "20000"},
        {"salary": "40000"},
    )  # fmt: skip
    finance_template.write_template(path, Segment.INDIVIDUAL, [*read, new])
    page.statements.import_file(path)
    settle(qtbot, tab, page)
    after = stored(demo_database, me, case)
    assert len(after.periods) == len(before.periods) + 1
    assert after.periods[-1].income["salary"] == Decimal("40000.00")
    assert page.statements.model.columnCount() == len(after.periods) + 1


@pytest.mark.parametrize("content", [b"", b"not a workbook", b"PK\x03\x04broken"])
def test_a_hostile_file_is_refused_and_nothing_changes(
    qtbot: QtBot, open_window: OpenWindow, demo_database: Database,
    actor_for: Callable[[str], Actor], tmp_path: Path, content: bytes,
) -> None:  # fmt: skip
    me = actor_for("ejecutivo1")
    case = case_of(demo_database, "VIP-000157")
    _tab, page = finance_page(qtbot, open_window("ejecutivo1"), case)
    before = stored(demo_database, me, case)
    path = tmp_path / "estados.xlsx"
    path.write_bytes(content)
    messages: list[str] = []

    def read(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        messages.append(box.text())
        box.close()

    timer = when_shown(lambda w: isinstance(w, QMessageBox), read)
    page.statements.import_file(path)
    qtbot.waitUntil(lambda: bool(messages), timeout=LOAD_TIMEOUT_MS)
    timer.stop()
    assert "estados.xlsx" in messages[0]
    assert stored(demo_database, me, case).periods == before.periods


def test_assumptions_are_typed_as_percentages(
    qtbot: QtBot, open_window: OpenWindow, demo_database: Database,
    actor_for: Callable[[str], Actor],
) -> None:  # fmt: skip
    me = actor_for("ejecutivo1")
    case = fresh_case(demo_database, "individual")
    tab, page = finance_page(qtbot, open_window("ejecutivo1"), case)
    capacity = page.capacity
    assert capacity.defaults_note.text().startswith("Estos son los supuestos")
    rate = capacity.edits["discount_rate"]
    assert rate.text() == "12"
    rate.selectAll()
    qtbot.keyClicks(rate, "150")
    qtbot.mouseClick(capacity.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(capacity.errors.message("discount_rate")), timeout=LOAD_TIMEOUT_MS)
    assert "porcentaje" in capacity.errors.message("discount_rate")
    assert not stored(demo_database, me, case).assumptions_saved
    rate.selectAll()
    qtbot.keyClicks(rate, "15.5")
    qtbot.mouseClick(capacity.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, tab, page)
    saved = stored(demo_database, me, case)
    assert saved.assumptions_saved and saved.assumptions.discount_rate == Decimal("0.155")
    assert capacity.edits["discount_rate"].text() == "15.5"


def test_models_pass_the_model_tester(
    qtbot: QtBot, qtmodeltester: object, open_window: OpenWindow, demo_database: Database,
    actor_for: Callable[[str], Actor],
) -> None:  # fmt: skip
    case = case_of(demo_database, "VIP-000157")
    _tab, page = finance_page(qtbot, open_window("ejecutivo1"), case)
    qtmodeltester.check(page.statements.model)  # type: ignore[attr-defined]
    qtmodeltester.check(page.ratios.model)  # type: ignore[attr-defined]
    assert page.ratios.model.rowCount() == 4
    page.ratios.table.selectRow(0)
    assert page.ratios.formula_label.text().startswith("Fórmula: ")
    assert page.ratios.chart.chart.series()
    assert page.ratios.table.currentIndex() != QModelIndex()
