"""Admins edit the letter templates as text: preview with sample data, save, go back to the
shipped one; an edit that would not print names its line and is not saved."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.case_pages import LOAD_TIMEOUT_MS
from tests.ui.modals import when_shown
from vipdesk.documents.templates import template_text
from vipdesk.services import letter_templates
from vipdesk.storage.uow import Database
from vipdesk.ui.application import MainWindow
from vipdesk.ui.letter_templates_dialog import LetterTemplatesDialog

OpenWindow = Callable[[str], MainWindow]
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
KIND = "recordatorio"


def _customised(db: Database) -> dict[str, bool]:
    return {t.kind: t.customised for t in letter_templates.letter_templates(db.unit_of_work())}


def _open(qtbot: QtBot, window: MainWindow) -> LetterTemplatesDialog:
    dialog = window.edit_letter_templates()
    qtbot.waitUntil(lambda: dialog.kinds.count() == 6, timeout=LOAD_TIMEOUT_MS)
    qtbot.waitUntil(lambda: dialog.preview.page_count() > 0, timeout=LOAD_TIMEOUT_MS)
    return dialog


def _choose(qtbot: QtBot, dialog: LetterTemplatesDialog, kind: str) -> None:
    row = next(
        i
        for i in range(dialog.kinds.count())
        if dialog.kinds.item(i).data(Qt.ItemDataRole.UserRole) == kind
    )
    dialog.kinds.setCurrentRow(row)
    qtbot.waitUntil(lambda: dialog.editor.toPlainText() == template_text(kind))


def _press(box: QWidget, button: QMessageBox.StandardButton) -> None:
    cast(QMessageBox, box).button(button).click()


def _is_question(widget: QWidget) -> bool:
    return isinstance(widget, QMessageBox)


def test_only_admins_get_the_menu_entry(open_window: OpenWindow) -> None:
    admin, executive = open_window("admin1"), open_window("ejecutivo1")
    assert admin.letter_templates_action in admin._file_menu.actions()
    assert admin.letter_templates_action.text() == "&Plantillas de cartas…"
    assert executive.letter_templates_action not in executive._file_menu.actions()


def test_an_admin_previews_and_saves_an_edit_then_restores_the_original(
    qtbot: QtBot, open_window: OpenWindow, demo_database: Database
) -> None:
    dialog = _open(qtbot, open_window("admin1"))
    assert dialog.kinds.item(0).text() == "Propuesta de arreglo de pago"
    _choose(qtbot, dialog, KIND)
    edited = template_text(KIND).replace("version: 1", "version: 2", 1)
    edited = edited.replace("Reciba un cordial saludo.", "Reciba un saludo muy cordial.")
    dialog.editor.selectAll()
    dialog.editor.insertPlainText(edited)
    assert "sin guardar" in dialog.state.text()
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.preview.page_count() >= 1, timeout=LOAD_TIMEOUT_MS)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _customised(demo_database)[KIND], timeout=LOAD_TIMEOUT_MS)
    qtbot.waitUntil(lambda: "Versión 2" in dialog.state.text(), timeout=LOAD_TIMEOUT_MS)

    when_shown(_is_question, lambda box: _press(box, QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not _customised(demo_database)[KIND], timeout=LOAD_TIMEOUT_MS)
    qtbot.waitUntil(lambda: dialog.editor.toPlainText() == template_text(KIND))


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("{no_such_field}", "no_such_field"),
        ("[[no_such_block]]", "no_such_block"),
        ("Saludos 😀", "😀"),
        ("<b>**abierto</b>", "**"),
    ],
)
def test_an_edit_that_would_not_print_names_its_line_and_is_not_saved(
    qtbot: QtBot, open_window: OpenWindow, demo_database: Database, typed: str, shown: str
) -> None:
    dialog = _open(qtbot, open_window("admin1"))
    _choose(qtbot, dialog, KIND)
    dialog.editor.moveCursor(dialog.editor.textCursor().MoveOperation.End)
    dialog.editor.insertPlainText("\n" + typed + "\n")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.problems.isVisible, timeout=LOAD_TIMEOUT_MS)
    assert shown in dialog.problems.text() and "línea" in dialog.problems.text().lower()
    assert not _customised(demo_database)[KIND]

    # Closing with the unsaved edit asks; "No" keeps the dialog and the text.
    when_shown(_is_question, lambda box: _press(box, QMessageBox.StandardButton.No))
    dialog.close()
    assert dialog.isVisible() and typed in dialog.editor.toPlainText()
    when_shown(_is_question, lambda box: _press(box, QMessageBox.StandardButton.Yes))
    dialog.close()
    qtbot.waitUntil(lambda: not dialog.isVisible())
