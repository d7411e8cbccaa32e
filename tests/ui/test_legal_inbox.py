"""Legal's inbox, as the legal user works it: the documents sent to legal with their SHA-256,
the selected one previewed, "Acusar recibo" once; the executive then sees it received on the
case's documents. Only legal users have the inbox."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.services.letter_helpers import generate, owing_case
from tests.ui.case_pages import LOAD_TIMEOUT_MS, open_case_page
from vipdesk.services import documents
from vipdesk.services.dto import Actor
from vipdesk.storage.uow import Database
from vipdesk.ui.case.documents.page import DocumentsPage
from vipdesk.ui.case.tab import CaseTab
from vipdesk.ui.legal_inbox_page import LegalInboxPage
from vipdesk.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen


def test_legal_acknowledges_and_the_executive_sees_it(
    qtbot: QtBot,
    open_window: Callable[[str], MainWindow],
    actor_for: Callable[[str], Actor],
    demo_database: Database,
) -> None:
    db = demo_database
    case_id = owing_case(db)
    dossier = generate(db, "ejecutivo1", case_id, "expediente")
    note = "Demandar <b>ya</b> & embargar"
    documents.handoff(db.unit_of_work(), actor_for("ejecutivo1"), dossier.id, note)

    window = open_window("juridico1")
    page = window.show_legal_inbox()
    assert isinstance(page, LegalInboxPage)
    qtbot.waitUntil(page.is_settled, timeout=LOAD_TIMEOUT_MS)
    assert page.model.rowCount() == 1 and page.selected() is not None
    row = page.selected()
    assert row is not None and row.document.id == dossier.id
    assert (
        page.model.index(0, page.model.column_of("sha256")).data(Qt.ItemDataRole.ToolTipRole)
        == dossier.sha256
    )
    assert dossier.sha256 in page.details.text() and note in page.details.text()
    qtbot.waitUntil(lambda: page.preview.page_count() == dossier.pages, timeout=LOAD_TIMEOUT_MS)
    assert page.acknowledge_button.isEnabled()

    # Ctrl+K from the list acknowledges the selected document, as the button does.
    window.activateWindow()
    page.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table, timeout=LOAD_TIMEOUT_MS)
    qtbot.keyClick(page.table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: page.selected() is not None and page.selected().acknowledged_at is not None,  # type: ignore[union-attr]
        timeout=LOAD_TIMEOUT_MS,
    )
    qtbot.waitUntil(page.is_settled, timeout=LOAD_TIMEOUT_MS)
    assert not page.acknowledge_button.isEnabled()  # once
    assert not page.acknowledge()
    received = page.model.index(0, page.model.column_of("received")).data()
    assert "Lic. Roberto Alvarado Soto" in received
    (item,) = documents.legal_inbox(db.unit_of_work(), actor_for("juridico1"))
    assert item.acknowledged_by == "Lic. Roberto Alvarado Soto"

    # Enter on the line opens the case on its documents.
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    tab = window.tabs.currentWidget()
    assert isinstance(tab, CaseTab) and tab.case_id == case_id
    qtbot.waitUntil(tab.is_settled, timeout=LOAD_TIMEOUT_MS)
    assert tab.current_slug() == "documentos"

    executive = open_window("ejecutivo1")
    assert executive.legal_inbox_page is None  # only legal has the inbox
    mine = open_case_page(qtbot, executive, "documentos", case=case_id)
    documents_page = mine.page("documentos")
    assert isinstance(documents_page, DocumentsPage)
    qtbot.waitUntil(lambda: documents_page.selected() is not None, timeout=LOAD_TIMEOUT_MS)
    assert "Lic. Roberto Alvarado Soto" in documents_page.details.text()
    assert not documents_page.handoff_button.isEnabled()


def test_an_empty_inbox_says_so(qtbot: QtBot, open_window: Callable[[str], MainWindow]) -> None:
    window = open_window("juridico1")
    page = window.show_legal_inbox()
    qtbot.waitUntil(page.is_settled, timeout=LOAD_TIMEOUT_MS)
    assert page.model.rowCount() == 0 and not page.empty_label.isHidden()
    assert not page.acknowledge_button.isEnabled() and not page.open_button.isEnabled()
    assert page.preview.page_count() == 0
