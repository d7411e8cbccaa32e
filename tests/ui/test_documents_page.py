"""Documentos, as the executive uses it: a letter refused by the rules says why under the
choice and stores nothing; a letter generated appears in the list and in the preview with all
its pages; it is saved to a folder (never over a file), printed, its SHA-256 copied; an
expediente is sent to legal with a note. Hostile notes refused or kept exactly."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from uuid import UUID

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from tests.services.letter_helpers import generate, owing_case, pdfinfo_pages
from tests.ui.case_pages import LOAD_TIMEOUT_MS, closed, open_case_page, runner_idle
from tests.ui.modals import when_shown
from vipdesk.services import documents
from vipdesk.services.dto import Actor
from vipdesk.storage.uow import Database
from vipdesk.ui.case.documents.dialogs import GenerateDialog, HandoffDialog
from vipdesk.ui.case.documents.model import DocumentsModel, InboxModel, legal_state
from vipdesk.ui.case.documents.page import DocumentsPage
from vipdesk.ui.case.tab import CaseTab
from vipdesk.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen


def _page(qtbot: QtBot, window: MainWindow, case_id: UUID) -> tuple[CaseTab, DocumentsPage]:
    tab = open_case_page(qtbot, window, "documentos", case=case_id)
    page = tab.page("documentos")
    assert isinstance(page, DocumentsPage)
    qtbot.waitUntil(lambda: page.rows is not None, timeout=LOAD_TIMEOUT_MS)
    return tab, page


def _generate(qtbot: QtBot, tab: CaseTab, page: DocumentsPage, kind: str) -> GenerateDialog:
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, GenerateDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=LOAD_TIMEOUT_MS)
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: closed(dialog) or not dialog.busy, timeout=LOAD_TIMEOUT_MS)
    return dialog


def _shown(qtbot: QtBot, tab: CaseTab, page: DocumentsPage, count: int) -> None:
    qtbot.waitUntil(lambda: page.model.rowCount() == count, timeout=LOAD_TIMEOUT_MS)
    runner_idle(qtbot, tab)
    qtbot.waitUntil(lambda: page.preview.page_count() > 0, timeout=LOAD_TIMEOUT_MS)


def test_generate_preview_save_print_and_copy(
    qtbot: QtBot,
    open_window: Callable[[str], MainWindow],
    actor_for: Callable[[str], Actor],
    demo_database: Database,
    tmp_path: Path,
) -> None:
    case_id = owing_case(demo_database)
    window = open_window("ejecutivo1")
    tab, page = _page(qtbot, window, case_id)
    assert tab.pages_tabs.tabText(tab.pages_tabs.indexOf(page)) == page.title()
    assert tab.pages[-1] is page and not page.empty_label.isHidden()
    assert not page.save_button.isEnabled() and not page.print_button.isEnabled()

    refused = _generate(qtbot, tab, page, "convenio")
    assert refused.isVisible()  # stays open, the reason under the choice
    assert refused.field_error("kind").text() == "El caso no tiene un convenio aprobado"
    assert documents.documents_of(demo_database.unit_of_work(), actor_for("ejecutivo1"),
                                  case_id) == []  # fmt: skip
    refused.kind.setCurrentIndex(refused.kind.findData("requerimiento"))
    qtbot.mouseClick(refused.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: closed(refused), timeout=LOAD_TIMEOUT_MS)
    _shown(qtbot, tab, page, 1)

    (stored,) = documents.documents_of(demo_database.unit_of_work(), actor_for("ejecutivo1"),
                                       case_id)  # fmt: skip
    assert page.selected() == stored
    assert page.preview.page_count() == stored.pages and page.preview.view.isVisible()
    number = page.model.index(0, page.model.column_of("number"))
    assert number.data() == stored.number and number.data(Qt.ItemDataRole.ToolTipRole)
    sha = page.model.index(0, page.model.column_of("sha256"))
    assert sha.data(Qt.ItemDataRole.ToolTipRole) == stored.sha256
    assert stored.sha256 in page.details.text()
    assert not page.handoff_button.isEnabled()  # a demand for payment is not sent to legal

    pdf = documents.document_pdf(demo_database.unit_of_work(), actor_for("ejecutivo1"),
                                 stored.id)  # fmt: skip

    # "Guardar en carpeta…": the folder chosen in the dialog (answered here), then again into
    # the same folder: a second copy beside the first, never over it.
    folder = tmp_path / "cartas"
    folder.mkdir()

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        dialog.setDirectory(str(folder))
        dialog.accept()

    when_shown(lambda w: isinstance(w, QFileDialog), choose)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_saved is not None, timeout=LOAD_TIMEOUT_MS)
    for name in (stored.file_name, stored.file_name.replace(".pdf", " (2).pdf")):
        expected = folder / name
        if name != stored.file_name:
            assert page.save_to_folder(folder)
        qtbot.waitUntil(lambda e=expected: page.last_saved == e, timeout=LOAD_TIMEOUT_MS)  # type: ignore[misc]
        assert expected.read_bytes() == pdf
        assert str(expected) in page.status.text()

    # Print: the dialog cancelled prints nothing; printed to a PDF printer, every page.
    when_shown(lambda w: isinstance(w, QPrintDialog), lambda dialog: dialog.reject())  # type: ignore[attr-defined]
    assert not page.ask_print()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "impreso.pdf"
    printer.setOutputFileName(str(printed))
    assert page.print_on(printer)
    assert pdfinfo_pages(printed) == stored.pages

    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == stored.sha256
    QGuiApplication.clipboard().clear()
    window.activateWindow()
    page.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table, timeout=LOAD_TIMEOUT_MS)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(page.table, Qt.Key.Key_C, ctrl_shift)
    assert QGuiApplication.clipboard().text() == stored.sha256
    # Ctrl+G opens the letter dialog from the list, as the button does.
    qtbot.keyClick(page.table, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(page.dialog, GenerateDialog)
    qtbot.waitUntil(page.dialog.isVisible, timeout=LOAD_TIMEOUT_MS)
    page.dialog.reject()


def test_an_expediente_is_sent_to_legal_with_a_note(
    qtbot: QtBot,
    open_window: Callable[[str], MainWindow],
    actor_for: Callable[[str], Actor],
    demo_database: Database,
) -> None:
    case_id = owing_case(demo_database)
    window = open_window("ejecutivo1")
    tab, page = _page(qtbot, window, case_id)
    _generate(qtbot, tab, page, "expediente")
    _shown(qtbot, tab, page, 1)
    assert page.handoff_button.isEnabled()
    qtbot.mouseClick(page.handoff_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, HandoffDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=LOAD_TIMEOUT_MS)
    assert page.selected() is not None and page.selected().sha256 in dialog.summary.text()  # type: ignore[union-attr]

    dialog.note.setPlainText("x" * 10_000)  # too long: said under the note, nothing sent
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.field_error("note").text() == "Como máximo 2000 caracteres"
    assert dialog.isVisible()
    dialog.note.clear()
    qtbot.keyClicks(dialog.note, "Demandar <b>ya</b> & embargar")
    dialog.note.insertPlainText(" — señor Müller 🙂")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: closed(dialog), timeout=LOAD_TIMEOUT_MS)
    qtbot.waitUntil(lambda: page.selected() is not None and
                    page.selected().handed_off_at is not None, timeout=LOAD_TIMEOUT_MS)  # type: ignore[union-attr]  # fmt: skip
    legal = page.model.index(0, page.model.column_of("legal"))
    assert legal.data() == legal_state(page.selected())  # type: ignore[arg-type]
    assert "Sent to legal" in page.details.text() or "Enviado" in page.details.text()
    assert not page.handoff_button.isEnabled()  # once per document
    (item,) = documents.legal_inbox(demo_database.unit_of_work(), actor_for("juridico1"))
    assert item.note == "Demandar <b>ya</b> & embargar — señor Müller 🙂"
    assert item.document.id == page.selected().id  # type: ignore[union-attr]


def test_the_models(qtmodeltester: object, demo_database: Database,
                    actor_for: Callable[[str], Actor]) -> None:  # fmt: skip
    case_id = owing_case(demo_database)
    me = actor_for("ejecutivo1")
    made = generate(demo_database, "ejecutivo1", case_id, "expediente")
    documents.handoff(demo_database.unit_of_work(), me, made.id, "nota")
    model = DocumentsModel()
    model.set_rows(documents.documents_of(demo_database.unit_of_work(), me, case_id))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    inbox = InboxModel()
    inbox.set_rows(documents.legal_inbox(demo_database.unit_of_work(), actor_for("juridico1")))
    qtmodeltester.check(inbox)  # type: ignore[attr-defined]
    assert inbox.rowCount() == 1 and model.row_of(made.id) == 0
