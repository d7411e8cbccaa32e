"""Problems before the main window exists get a dialog in the user's language."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from vipdesk.core.errors import EnvironmentProblem
from vipdesk.storage.database import parse_url
from vipdesk.ui.fatal import fatal_error_box


def _problem() -> EnvironmentProblem:
    try:
        parse_url("mysql://root@localhost/x")
    except EnvironmentProblem as problem:
        return problem
    raise AssertionError("mysql URLs must be refused")


def test_fatal_error_dialog_is_in_spanish(qtbot: QtBot, settings_dir: Path) -> None:
    box = fatal_error_box(_problem(), settings_dir)
    qtbot.addWidget(box)
    assert box.text() == "VIP Desk no puede iniciar."
    assert box.informativeText().startswith("La base de datos mysql no es compatible")


def test_fatal_error_dialog_in_english_when_asked(qtbot: QtBot, settings_dir: Path) -> None:
    box = fatal_error_box(_problem(), settings_dir, "en")
    qtbot.addWidget(box)
    assert box.text() == "VIP Desk cannot start."
    assert "Unsupported database mysql" in box.informativeText()


def test_fatal_error_dialog_with_an_unwritable_settings_folder(
    qtbot: QtBot, tmp_path: Path
) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    box = fatal_error_box(_problem(), not_a_folder)
    qtbot.addWidget(box)
    assert box.text() == "VIP Desk no puede iniciar."
