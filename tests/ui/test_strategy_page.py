"""The case's "Estrategia" page, driven like a user: sections typed (and undone), saved as
version 1 then version 2, the two compared with the change highlighted, decisions added to the
log, hostile input refused under its field with nothing stored, unsaved text kept on a reload
and asked about before it is lost, a version saved meanwhile by someone else shown and
settled, and read-only users who cannot change anything."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import cast
from uuid import UUID, uuid4

import pytest
from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPlainTextEdit, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import Select, func, select

from tests.ui.case_pages import (
    LOAD_TIMEOUT_MS,
    assert_screenshot_taken,
    closed,
    open_case_page,
    show_quiet_window,
)
from tests.ui.conftest import WorkspaceFor
from tests.ui.modals import when_shown
from vipdesk.services import strategy
from vipdesk.services.agreement_dto import NewDecision, StrategyInfo, StrategySave
from vipdesk.services.dto import Actor
from vipdesk.storage.database import create_database_engine
from vipdesk.storage.models import Case, StrategyDecision, StrategyVersion, User
from vipdesk.storage.uow import Database
from vipdesk.ui import i18n
from vipdesk.ui.application import GuiContext, MainWindow
from vipdesk.ui.case.strategy.decision_dialog import DecisionDialog
from vipdesk.ui.case.strategy.page import DECISIONS, HISTORY, StrategyPage
from vipdesk.ui.case.tab import CaseTab
from vipdesk.ui.formatting import today
from vipdesk.ui.resources import read_stylesheet

OpenWindow = Callable[[str], MainWindow]
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen


def _cases_of_ejecutivo1(db: Database, query: Select[UUID]) -> UUID:
    with db.unit_of_work() as uow:
        session = uow.session
        me = session.scalars(select(User.id).where(User.username == "ejecutivo1")).one()
        found = session.scalars(
            query.where(
                Case.executive_id == me, Case.status != "closed", Case.exposure > 0
            ).order_by(Case.number)
        ).first()
        assert found is not None
        return found


def unwritten_case(db: Database) -> UUID:
    """ejecutivo1's first case that owes something and has no strategy yet (the demo writes
    one for most analysed cases): the legal route has a value to offer."""
    written = select(StrategyVersion.case_id).union(select(StrategyDecision.case_id))
    return _cases_of_ejecutivo1(db, select(Case.id).where(Case.id.not_in(written)))


def written_case(db: Database) -> UUID:
    """ejecutivo1's first case whose demo strategy has two versions or more."""
    versions = (
        select(StrategyVersion.case_id).group_by(StrategyVersion.case_id).having(func.count() >= 2)
    )
    return _cases_of_ejecutivo1(db, select(Case.id).where(Case.id.in_(versions)))


def strategy_page(qtbot: QtBot, window: MainWindow, case: UUID) -> tuple[CaseTab, StrategyPage]:
    tab = open_case_page(qtbot, window, "estrategia", case=case)
    page = tab.page("estrategia")
    assert isinstance(page, StrategyPage)
    qtbot.waitUntil(lambda: page.info is not None and tab.is_settled(), timeout=LOAD_TIMEOUT_MS)
    return tab, page


def settle(qtbot: QtBot, tab: CaseTab) -> None:
    qtbot.waitUntil(lambda: tab.is_settled() and not tab.runner.is_busy(), timeout=LOAD_TIMEOUT_MS)


def stored(db: Database, me: Actor, case: UUID) -> StrategyInfo:
    return strategy.strategy_of(db.unit_of_work(), me, case)


def type_into(qtbot: QtBot, editor: QPlainTextEdit, text: str, replace: bool = True) -> None:
    """Click into the section and type (keyClicks types ASCII; the rest is inserted, as a
    paste would)."""
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton)
    if replace:
        editor.selectAll()
    if text.isascii():
        qtbot.keyClicks(editor, text)
    else:
        editor.insertPlainText(text)


def save_version(qtbot: QtBot, tab: CaseTab, page: StrategyPage, keys: bool = False) -> None:
    with qtbot.waitSignal(page.changed, timeout=LOAD_TIMEOUT_MS):
        if keys:
            qtbot.keyClick(page.editor.editors["situation"], Qt.Key.Key_S,
                           Qt.KeyboardModifier.ControlModifier)  # fmt: skip
        else:
            qtbot.mouseClick(page.editor.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, tab)


def press(button: QMessageBox.StandardButton) -> Callable[[QWidget], None]:
    return lambda box: cast(QMessageBox, box).button(button).click()


def is_box(widget: QWidget) -> bool:
    return isinstance(widget, QMessageBox)


def _errors(template: str, **params: object) -> str:
    return QCoreApplication.translate("errors", template).format(**params)


@pytest.fixture
def opened(
    qtbot: QtBot, open_window: OpenWindow, demo_database: Database
) -> tuple[MainWindow, CaseTab, StrategyPage, UUID]:
    case = unwritten_case(demo_database)
    window = open_window("ejecutivo1")
    tab, page = strategy_page(qtbot, window, case)
    return window, tab, page, case


# -- writing and saving ------------------------------------------------------------------------


def test_sections_typed_are_saved_as_version_1_then_2_and_the_change_is_highlighted(
    qtbot: QtBot, opened: tuple[MainWindow, CaseTab, StrategyPage, UUID],
    demo_database: Database, actor_for: Callable[[str], Actor], qtmodeltester: ModelTester,
) -> None:  # fmt: skip
    _window, tab, page, case = opened
    me, editor = actor_for("ejecutivo1"), page.editor
    assert stored(demo_database, me, case).current is None
    hint = stored(demo_database, me, case).alternative_hint
    assert hint.startswith("Vía judicial: valor presente esperado ")
    assert editor.editors["alternative"].toPlainText() == hint  # pre-filled, not a change
    assert not tab.has_unsaved_changes() and not editor.save_button.isEnabled()

    type_into(qtbot, editor.editors["situation"], "Ventas a la baja; dos creditos en mora.")
    type_into(qtbot, editor.editors["objective"], "Recuperar el 80 % en 12 meses, según plan.")
    assert tab.has_unsaved_changes() and editor.save_button.isEnabled()
    # The section's own undo takes back what was typed in it.
    qtbot.keyClick(editor.editors["objective"], Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.editors["objective"].toPlainText() == ""
    type_into(qtbot, editor.editors["objective"], "Recuperar el 80 % en 12 meses.")
    qtbot.keyClicks(editor.note, "Primera version")
    save_version(qtbot, tab, page, keys=True)  # Ctrl+S

    first = stored(demo_database, me, case).current
    assert first is not None and first.version == 1 and first.note == "Primera version"
    assert first.sections["situation"] == "Ventas a la baja; dos creditos en mora."
    assert first.sections["objective"] == "Recuperar el 80 % en 12 meses."
    assert first.sections["alternative"] == hint and first.sections["risks"] == ""
    assert not tab.has_unsaved_changes() and editor.note.text() == ""
    assert not editor.editors["objective"].document().isUndoAvailable()  # saved: no undo
    assert editor.version_label.text().startswith("Versión 1 · guardada por Ana Lucía Morales")

    type_into(qtbot, editor.editors["objective"], "Recuperar el 90 % en 12 meses.")
    save_version(qtbot, tab, page)
    info = stored(demo_database, me, case)
    assert [v.version for v in info.versions] == [2, 1]
    assert editor.version_label.text().startswith("Versión 2 ")

    page.show_view(HISTORY)
    history = page.history
    qtmodeltester.check(history.model)
    assert history.model.rowCount() == 2 and history.selected_versions() == [2]
    qtbot.waitUntil(lambda: history.changed_sections() == ["objective"], timeout=LOAD_TIMEOUT_MS)
    html = history.changes.toHtml()
    assert "line-through" in html and "#d3f9d8" in html  # deletions and insertions marked
    shown = history.changes.toPlainText()
    assert "De la versión 1" in shown and "80" in shown and "90" in shown
    # Version 1 alone: what it wrote first, every section it filled.
    table = history.table
    first_row = table.visualRect(history.model.index(1, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=first_row)
    qtbot.waitUntil(lambda: "situation" in history.changed_sections(), timeout=LOAD_TIMEOUT_MS)
    assert history.changed_sections() == ["situation", "objective", "alternative"]
    # Ctrl+click on version 2 too: from 1 to 2.
    second_row = table.visualRect(history.model.index(0, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.ControlModifier, second_row)  # fmt: skip
    assert history.selected_versions() == [1, 2]
    qtbot.waitUntil(lambda: history.changed_sections() == ["objective"], timeout=LOAD_TIMEOUT_MS)


def test_a_decision_added_is_listed_first_and_shown_in_full(
    qtbot: QtBot, opened: tuple[MainWindow, CaseTab, StrategyPage, UUID],
    demo_database: Database, actor_for: Callable[[str], Actor], qtmodeltester: ModelTester,
) -> None:  # fmt: skip
    _window, tab, page, case = opened
    me = actor_for("ejecutivo1")
    earlier = (today() - timedelta(days=10)).isoformat()
    strategy.add_decision(
        demo_database.unit_of_work(), me, NewDecision(case, uuid4(), earlier, "Una anterior")
    )
    page.reload()
    settle(qtbot, tab)
    page.show_view(DECISIONS)
    view = page.decisions
    assert view.model.rowCount() == 1
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, DecisionDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=LOAD_TIMEOUT_MS)
    dialog.activateWindow()  # the keys go to the active window
    qtbot.waitUntil(dialog.isActiveWindow, timeout=LOAD_TIMEOUT_MS)
    dialog.text.setFocus()
    dialog.text.insertPlainText("Se acordó <b>no</b> ofrecer quita sin enganche 🙂")
    with qtbot.waitSignal(page.changed, timeout=LOAD_TIMEOUT_MS):
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: closed(dialog), timeout=LOAD_TIMEOUT_MS)
    settle(qtbot, tab)
    decisions = stored(demo_database, me, case).decisions
    assert [d.text for d in decisions] == [
        "Se acordó <b>no</b> ofrecer quita sin enganche 🙂", "Una anterior"]  # fmt: skip
    assert view.model.rowCount() == 2
    qtmodeltester.check(view.model)
    assert view.model.index(0, 1).data() == decisions[0].text  # newest first, as typed
    assert view.selected() == decisions[0]
    assert decisions[0].text in view.detail.toPlainText()  # markup shown, not applied


@pytest.mark.parametrize(
    ("field", "day", "text"),
    [
        ("text", 0, ""),
        ("text", 0, "x" * 10_000),
        ("decided_on", 1, "Mañana"),
        ("decided_on", "2200-01-01", "Muy lejos"),
        ("decided_on", "1900-01-01", "Muy atrás"),
    ],
)
def test_a_hostile_decision_is_refused_under_its_field(
    qtbot: QtBot, opened: tuple[MainWindow, CaseTab, StrategyPage, UUID],
    demo_database: Database, actor_for: Callable[[str], Actor],
    field: str, day: int | str, text: str,
) -> None:  # fmt: skip
    _window, _tab, page, case = opened
    page.show_view(DECISIONS)
    dialog = page.decisions.open_form()
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=LOAD_TIMEOUT_MS)
    when = today() + timedelta(days=day) if isinstance(day, int) else date.fromisoformat(day)
    dialog.decided_on.setDate(QDate(when.year, when.month, when.day))
    dialog.text.setPlainText(text)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=LOAD_TIMEOUT_MS)
    assert dialog.isVisible() and dialog.problem_fields() == {field}
    assert dialog.field_error(field).isVisibleTo(dialog) and dialog.field_error(field).text()
    assert stored(demo_database, actor_for("ejecutivo1"), case).decisions == ()
    when_shown(lambda w: w.objectName() == "discardBox",
               press(QMessageBox.StandardButton.Discard))  # fmt: skip
    qtbot.keyClick(dialog.text, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: closed(dialog), timeout=LOAD_TIMEOUT_MS)


HOSTILE_SECTIONS = [
    ("situation", "x" * (strategy.MAX_SECTION + 1)),
    ("risks", "nul \x00 en el texto"),
    ("note", "n" * (strategy.MAX_NOTE + 1)),
]


@pytest.mark.parametrize(("field", "text"), HOSTILE_SECTIONS)
def test_hostile_text_is_refused_under_its_field_and_nothing_is_stored(
    qtbot: QtBot, opened: tuple[MainWindow, CaseTab, StrategyPage, UUID],
    demo_database: Database, actor_for: Callable[[str], Actor], field: str, text: str,
) -> None:  # fmt: skip
    _window, tab, page, case = opened
    editor = page.editor
    type_into(qtbot, editor.editors["objective"], "Objetivo <b>claro</b>")
    if field == "note":
        editor.note.setText(text)
    else:
        editor.editors[field].setPlainText(text)  # a paste
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, tab)
    assert editor.errors.message(field)
    assert editor.errors.fields[field].property("invalid") is True
    assert QApplication.focusWidget() is editor.errors.fields[field]
    assert stored(demo_database, actor_for("ejecutivo1"), case).current is None
    assert tab.has_unsaved_changes()  # what was typed is still there to fix


def test_nothing_written_or_nothing_changed_says_so(
    qtbot: QtBot, opened: tuple[MainWindow, CaseTab, StrategyPage, UUID],
    demo_database: Database, actor_for: Callable[[str], Actor],
) -> None:  # fmt: skip
    _window, tab, page, case = opened
    editor, me = page.editor, actor_for("ejecutivo1")
    type_into(qtbot, editor.editors["alternative"], "   ")  # the pre-filled text wiped out
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.general_error.isVisibleTo(editor)
    assert editor.general_error.text() == _errors(strategy.NOTHING_WRITTEN)
    assert stored(demo_database, me, case).current is None
    type_into(qtbot, editor.editors["situation"], "Algo escrito")
    save_version(qtbot, tab, page)
    assert not editor.general_error.isVisibleTo(editor)
    # Left empty, "our alternative" is offered again; wiped out again, and the situation
    # typed with spaces around it, it is the same version: the service says so.
    hint = stored(demo_database, me, case).alternative_hint
    assert editor.editors["alternative"].toPlainText() == hint
    type_into(qtbot, editor.editors["alternative"], " ")
    type_into(qtbot, editor.editors["situation"], "  Algo escrito  ")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, tab)
    assert editor.general_error.text() == _errors(strategy.NOTHING_CHANGED, version=1)
    assert [v.version for v in stored(demo_database, me, case).versions] == [1]


# -- unsaved work ------------------------------------------------------------------------------


def test_unsaved_text_survives_a_reload_and_is_asked_about_before_it_is_lost(
    qtbot: QtBot,
    opened: tuple[MainWindow, CaseTab, StrategyPage, UUID],
) -> None:
    window, tab, page, _case = opened
    editor = page.editor
    type_into(qtbot, editor.editors["risks"], "Que el fiador no firme")
    tab.reload()  # a sync, another page's save: the case loads again
    settle(qtbot, tab)
    assert editor.editors["risks"].toPlainText() == "Que el fiador no firme"
    assert tab.has_unsaved_changes()

    timer = when_shown(is_box, press(QMessageBox.StandardButton.Cancel))
    qtbot.mouseClick(editor.discard_button, Qt.MouseButton.LeftButton)
    timer.stop()
    assert editor.editors["risks"].toPlainText() == "Que el fiador no firme"
    timer = when_shown(is_box, press(QMessageBox.StandardButton.Cancel))
    assert not window.close_tab(window.tabs.indexOf(tab))
    timer.stop()
    assert window.tabs.indexOf(tab) >= 0
    timer = when_shown(is_box, press(QMessageBox.StandardButton.Discard))
    qtbot.mouseClick(editor.discard_button, Qt.MouseButton.LeftButton)
    timer.stop()
    assert editor.editors["risks"].toPlainText() == ""
    assert not tab.has_unsaved_changes()
    assert window.close_tab(window.tabs.indexOf(tab))  # nothing to lose: no question


def test_a_version_saved_meanwhile_is_named_compared_and_mine_saved_on_top(
    qtbot: QtBot, opened: tuple[MainWindow, CaseTab, StrategyPage, UUID],
    demo_database: Database, actor_for: Callable[[str], Actor],
) -> None:  # fmt: skip
    _window, tab, page, case = opened
    editor, me = page.editor, actor_for("ejecutivo1")
    type_into(qtbot, editor.editors["objective"], "Mi objetivo")
    # Meanwhile the supervisor saves version 1 (a sync brought it in).
    boss = actor_for("supervisor1")
    strategy.save_strategy(demo_database.unit_of_work(), boss,
                           StrategySave(case, 0, {"objective": "El de supervision"}))  # fmt: skip
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(editor.notice_box.isVisible, timeout=LOAD_TIMEOUT_MS)
    settle(qtbot, tab)
    assert "María José Castillo guardó la versión 1" in editor.notice.text()
    assert editor.editors["objective"].toPlainText() == "Mi objetivo"  # kept
    assert [v.version for v in stored(demo_database, me, case).versions] == [1]

    qtbot.mouseClick(editor.compare_button, Qt.MouseButton.LeftButton)
    assert page.views.currentIndex() == HISTORY
    qtbot.waitUntil(lambda: "su texto sin guardar" in page.history.changes.toPlainText(),
                    timeout=LOAD_TIMEOUT_MS)  # fmt: skip
    # Mine also holds "our alternative", pre-filled; theirs left it empty.
    assert page.history.changed_sections() == ["objective", "alternative"]
    assert "El de supervision" in page.history.changes.toPlainText()

    with qtbot.waitSignal(page.changed, timeout=LOAD_TIMEOUT_MS):
        qtbot.mouseClick(editor.overwrite_button, Qt.MouseButton.LeftButton)
    settle(qtbot, tab)
    current = stored(demo_database, me, case).current
    assert current is not None and current.version == 2
    assert current.sections["objective"] == "Mi objetivo"
    assert not editor.notice_box.isVisible() and not tab.has_unsaved_changes()


# -- who may -----------------------------------------------------------------------------------


def test_a_user_who_may_only_read_sees_the_strategy_and_cannot_change_it(
    qtbot: QtBot, open_window: OpenWindow, demo_database: Database,
    actor_for: Callable[[str], Actor],
) -> None:  # fmt: skip
    case = unwritten_case(demo_database)
    me = actor_for("ejecutivo1")
    strategy.save_strategy(demo_database.unit_of_work(), me,
                           StrategySave(case, 0, {"situation": "Escrito por Ana"}))  # fmt: skip
    tab, page = strategy_page(qtbot, open_window("admin1"), case)
    editor = page.editor
    assert editor.editors["situation"].toPlainText() == "Escrito por Ana"
    assert all(e.isReadOnly() for e in editor.editors.values())
    assert editor.editors["alternative"].toPlainText() == ""  # nothing pre-filled to read
    assert not editor.save_button.isVisible() and not editor.note.isVisible()
    assert editor.read_only_note.isVisible()
    qtbot.keyClick(editor.editors["situation"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, tab)
    assert not tab.has_unsaved_changes()
    assert page.window().grab().save("/tmp/strategy_read_only.png", "PNG")
    page.show_view(DECISIONS)
    assert not page.decisions.add_button.isEnabled()
    assert page.decisions.open_form() is None
    assert [v.version for v in stored(demo_database, me, case).versions] == [1]


# -- how it looks ------------------------------------------------------------------------------


def test_the_page_and_its_dialog_render(
    qtbot: QtBot, open_window: OpenWindow, demo_database: Database,
    actor_for: Callable[[str], Actor],
) -> None:  # fmt: skip
    """A demo strategy of several versions: the document, the first and the latest version
    compared, the decision log, and the decision form with its messages."""
    case = written_case(demo_database)
    info = stored(demo_database, actor_for("ejecutivo1"), case)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    previous = app.styleSheet()
    app.setStyleSheet(read_stylesheet())  # as the person sees it
    try:
        window = open_window("ejecutivo1")
        window.resize(1400, 900)
        tab, page = strategy_page(qtbot, window, case)
        qtbot.wait(50)
        assert page.editor.version_label.text().startswith(f"Versión {len(info.versions)} ")
        assert window.grab().save("/tmp/strategy_document.png", "PNG")
        page.show_view(HISTORY)
        page.history.select_versions(1, len(info.versions))
        qtbot.waitUntil(lambda: "De la versión 1 " in page.history.changes.toPlainText(),
                        timeout=LOAD_TIMEOUT_MS)  # fmt: skip
        assert page.history.changed_sections()
        qtbot.wait(50)
        assert window.grab().save("/tmp/strategy_history.png", "PNG")
        page.show_view(DECISIONS)
        assert page.decisions.model.rowCount() == len(info.decisions)
        qtbot.wait(50)
        assert window.grab().save("/tmp/strategy_decisions.png", "PNG")
        dialog = page.decisions.open_form()
        assert dialog is not None
        qtbot.waitUntil(dialog.isVisible, timeout=LOAD_TIMEOUT_MS)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.busy, timeout=LOAD_TIMEOUT_MS)
        qtbot.wait(50)
        assert dialog.grab().save("/tmp/strategy_decision_dialog.png", "PNG")
        dialog.reject()
        qtbot.waitUntil(lambda: closed(dialog), timeout=LOAD_TIMEOUT_MS)
        assert not tab.has_unsaved_changes()
    finally:
        app.setStyleSheet(previous)


def test_screenshot_of_the_strategy(tmp_path: Path, vipdesk_home: Path, demo_db_url: str) -> None:
    db = Database(create_database_engine(demo_db_url))
    try:
        with db.unit_of_work() as uow:
            number = uow.session.get_one(Case, written_case(db)).number
    finally:
        db.dispose()
    assert_screenshot_taken(tmp_path / "strategy.png", vipdesk_home, demo_db_url, number,
                            "estrategia")  # fmt: skip


# -- offline -----------------------------------------------------------------------------------


def test_a_version_written_offline_over_someone_elses_is_settled_in_the_conflicts_dialog(
    qtbot: QtBot, gui_context: GuiContext, workspace_for: WorkspaceFor,
    demo_database: Database, actor_for: Callable[[str], Actor],
) -> None:  # fmt: skip
    workspace = workspace_for("ejecutivo1")
    window = show_quiet_window(qtbot, gui_context, workspace.actor, workspace)
    panel = window.sync_panel
    assert panel is not None
    qtbot.waitUntil(lambda: not panel.syncing, timeout=LOAD_TIMEOUT_MS)
    case = unwritten_case(demo_database)
    tab, page = strategy_page(qtbot, window, case)
    # The supervisor writes version 1 on the central database; this cache does not know yet.
    strategy.save_strategy(demo_database.unit_of_work(), actor_for("supervisor1"),
                           StrategySave(case, 0, {"objective": "El de supervision"}))  # fmt: skip
    type_into(qtbot, page.editor.editors["objective"], "Mi objetivo")
    with qtbot.waitSignal(panel.synced, timeout=LOAD_TIMEOUT_MS):  # saving syncs at once
        qtbot.mouseClick(page.editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.conflicts == 1 and not panel.syncing, timeout=LOAD_TIMEOUT_MS)
    dialog = window.show_conflicts()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.loaded_once, timeout=LOAD_TIMEOUT_MS)
    title = QCoreApplication.translate("ConflictsDialog", "Negotiation strategy version")
    assert dialog.conflict_list.item(0).text().startswith(title)
    table = dialog.fields_table

    def cell(row: int, column: int) -> str:
        item = table.item(row, column)
        assert item is not None
        return item.text()

    rows = {cell(r, 0): r for r in range(table.rowCount())}
    objective = rows[QCoreApplication.translate("strategy", "Objective")]
    assert (cell(objective, 1), cell(objective, 2)) == ("Mi objetivo", "El de supervision")
    assert len(rows) == len(strategy.SECTIONS) + 1  # and the note
    with qtbot.waitSignal(dialog.finished, timeout=LOAD_TIMEOUT_MS):
        dialog.use_mine_button.click()
    qtbot.waitUntil(lambda: window.conflicts_dialog is None, timeout=LOAD_TIMEOUT_MS)
    # "Use mine" is a new save on the cache, sent at once.
    qtbot.waitUntil(lambda: panel.pending == 0 and panel.conflicts == 0 and not panel.syncing,
                    timeout=LOAD_TIMEOUT_MS)  # fmt: skip
    current = stored(demo_database, actor_for("ejecutivo1"), case).current
    assert current is not None and current.version == 2
    assert current.sections["objective"] == "Mi objetivo"
    settle(qtbot, tab)


def test_a_live_language_switch_relabels_the_page_and_keeps_what_is_typed(
    qtbot: QtBot, opened: tuple[MainWindow, CaseTab, StrategyPage, UUID], settings_dir: Path
) -> None:
    _window, tab, page, _case = opened
    type_into(qtbot, page.editor.editors["risks"], "Sin guardar")
    dialog = page.decisions.open_form()
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=LOAD_TIMEOUT_MS)
    assert dialog.cancel_button.text() == "Cancelar"
    assert i18n.apply_language(i18n.ENGLISH, settings_dir) == i18n.ENGLISH
    qtbot.waitUntil(lambda: dialog.cancel_button.text() == "Cancel")
    qtbot.waitUntil(lambda: page.editor.save_button.text() == "&Save version")
    assert tab.pages_tabs.tabText(tab.pages_tabs.indexOf(page)) == "Strategy"
    assert page.views.tabText(HISTORY) == "History"
    assert page.editor.captions["risks"].text() == "8. Risks"
    assert page.history.model.headerData(0, Qt.Orientation.Horizontal) == "Version"
    assert page.decisions.add_button.text() == "&Add decision…"
    assert page.editor.editors["risks"].toPlainText() == "Sin guardar"
    assert tab.has_unsaved_changes()
    dialog.reject()  # nothing typed in it: closes without asking
    qtbot.waitUntil(lambda: closed(dialog), timeout=LOAD_TIMEOUT_MS)
