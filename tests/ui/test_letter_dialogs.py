"""File → "Membrete y logotipo…" (admins) and "Generar cartas en lote…" (executives and
supervisors): hostile logo files refused with the reason under the logo, the letterhead saved;
a batch over the portfolio listed now, with progress, a summary and the letters in the folder,
and a batch cancelled halfway that keeps what it did."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.case_pages import LOAD_TIMEOUT_MS, closed
from vipdesk.services import letterhead
from vipdesk.storage.uow import Database
from vipdesk.ui.letter_batch_dialog import LetterBatchDialog
from vipdesk.ui.letterhead_dialog import LetterheadDialog
from vipdesk.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen


def test_the_menus_offer_what_each_role_may_do(open_window: Callable[[str], MainWindow]) -> None:
    for username, letterhead_offered, batch_offered in (
        ("admin1", True, False), ("ejecutivo1", False, True), ("supervisor1", False, True),
        ("juridico1", False, False),
    ):  # fmt: skip
        window = open_window(username)
        actions = window._file_menu.actions()
        assert (window.letterhead_action in actions) is letterhead_offered, username
        assert (window.batch_letters_action in actions) is batch_offered, username


def test_the_letterhead_and_its_logo(
    qtbot: QtBot, open_window: Callable[[str], MainWindow], demo_database: Database,
    tmp_path: Path,
) -> None:  # fmt: skip
    window = open_window("admin1")
    dialog = window.edit_letterhead()
    assert isinstance(dialog, LetterheadDialog)
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=LOAD_TIMEOUT_MS)
    assert dialog.edits["trade_name"].text() == "Cartera VIP"
    assert dialog.bank_edits["bank_accounts.MXN.account"].text().startswith("CLABE")

    renamed = tmp_path / "logo.png"
    renamed.write_text("esto es texto, no una imagen")
    assert not dialog.choose_logo(renamed)
    assert dialog.field_error("logo").text() == "El logotipo debe ser una imagen PNG o JPEG"
    huge = tmp_path / "enorme.png"
    with huge.open("wb") as handle:  # 50 MB, sparse: refused by its size, never read
        handle.truncate(50 * 1024 * 1024)
    assert not dialog.choose_logo(huge)
    assert "512 KB" in dialog.field_error("logo").text()
    assert dialog.logo is None and not dialog.remove_button.isEnabled()
    real = tmp_path / "real.png"
    Image.new("RGB", (300, 90), (10, 50, 110)).save(real, "PNG")
    assert dialog.choose_logo(real)
    assert dialog.field_error("logo").isHidden() and not dialog.logo_view.pixmap().isNull()

    # A required field emptied: said under it, nothing saved; then fixed and saved.
    dialog.edits["trade_name"].clear()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.field_error("trade_name").isHidden()
    assert letterhead.letterhead(demo_database.unit_of_work()).is_default
    qtbot.keyClicks(dialog.edits["trade_name"], "Cobros <b>VIP</b> & Cia")
    dialog.complaints.setPlainText("quejas@cobros.example\nCONDUSEF 55 5340 0999")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: closed(dialog), timeout=LOAD_TIMEOUT_MS)
    saved = letterhead.letterhead(demo_database.unit_of_work())
    assert saved.fields["trade_name"] == "Cobros <b>VIP</b> & Cia"
    assert saved.fields["complaints"] == "quejas@cobros.example CONDUSEF 55 5340 0999"
    assert saved.logo == real.read_bytes() and saved.logo_type == "png"


def _start(qtbot: QtBot, window: MainWindow, kind: str, folder: Path) -> LetterBatchDialog:
    dialog = window.generate_letters_in_batch()
    qtbot.waitUntil(dialog.isVisible, timeout=LOAD_TIMEOUT_MS)
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    dialog.folder.setText(str(folder))
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    return dialog


def test_a_batch_over_the_listed_cases(
    qtbot: QtBot, open_window: Callable[[str], MainWindow], tmp_path: Path
) -> None:
    window = open_window("ejecutivo1")
    listed = window.model.case_numbers()
    assert len(listed) > 20
    missing = _start(qtbot, window, "requerimiento", tmp_path / "no-existe")
    assert not missing.problem.isHidden() and missing.result_value is None
    missing.reject()

    folder = tmp_path / "lote"
    folder.mkdir()
    dialog = _start(qtbot, window, "recordatorio", folder)
    assert dialog.listed_choice.isChecked() and str(len(listed)) in dialog.listed_choice.text()
    qtbot.waitUntil(lambda: dialog.result_value is not None, timeout=60_000)
    result = dialog.result_value
    assert result is not None and not result.cancelled
    assert len(result.generated) + len(result.refused) == len(listed)
    assert result.generated and result.refused  # cases with nothing to remind are refused
    assert sorted(p.name for p in folder.iterdir()) == sorted(d.file_name for d in result.generated)
    assert dialog.bar.value() == dialog.bar.maximum()
    summary = dialog.summary.toPlainText()
    for refusal in result.refused:
        assert refusal.case_number in summary
    assert dialog.cancel_button.isEnabled()
    dialog.reject()
    qtbot.waitUntil(lambda: closed(dialog), timeout=LOAD_TIMEOUT_MS)


def test_a_batch_cancelled_keeps_what_it_did(
    qtbot: QtBot, open_window: Callable[[str], MainWindow], tmp_path: Path
) -> None:
    window = open_window("supervisor1")  # the team's cases: more than a few seconds' work
    folder = tmp_path / "lote"
    folder.mkdir()
    dialog = _start(qtbot, window, "expediente", folder)
    qtbot.waitUntil(lambda: dialog.bar.maximum() > 1 and dialog.bar.value() >= 3,
                    timeout=LOAD_TIMEOUT_MS)  # fmt: skip
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_value is not None, timeout=60_000)
    result = dialog.result_value
    assert result is not None and result.cancelled
    done = len(result.generated) + len(result.refused)
    assert 3 <= done < dialog.bar.maximum() or dialog.bar.maximum() == 1
    assert len(os.listdir(folder)) == len(result.generated) > 0
    assert dialog.isVisible()  # the summary stays to be read


def test_a_jpeg_is_a_logo_too() -> None:
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, "JPEG")
    assert letterhead.check_logo(out.getvalue()) == "jpeg"
