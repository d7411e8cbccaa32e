"""Legal's inbox ("Recibidos de cobranza"): every document sent to legal, those not yet
acknowledged first, with its SHA-256; the selected one shown beside the list; "Acusar recibo"
confirms it was received (the executive then sees it on the document); Enter or a double click
opens the case on its documents. The main window shows it as a fixed tab for legal users and
calls :meth:`refresh` when it may have moved (a sync, the tab shown again)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from PySide6.QtCore import QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from vipdesk.core.catalog import Role
from vipdesk.services import documents
from vipdesk.services.agreement_dto import InboxItem
from vipdesk.services.dto import Actor
from vipdesk.ui.case.documents.model import InboxModel
from vipdesk.ui.case.documents.preview import PdfPreview
from vipdesk.ui.list_page import ListPage, fit_columns
from vipdesk.ui.widgets import named

# Capped widths (the whole text is in the tooltip), so that every column fits beside the preview.
CAPPED = {1: 160, 2: 130, 4: 130}


class LegalInboxPage(ListPage):
    caseRequested = Signal(object, str)  # noqa: N815 - the case id (UUID), the page to show
    acknowledged = Signal()  # a receipt was acknowledged: the window syncs

    def __init__(
        self,
        uow_factory: Callable[[], Any],
        actor: Actor,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__("legalInboxPage", parent, max_threads=2)  # the list, and a PDF
        self.uow_factory, self.actor = uow_factory, actor
        self.items: list[InboxItem] | None = None
        self.pdf_for: UUID | None = None  # the hand-off whose PDF is shown

        self.model = InboxModel(self)
        self.table = self.list_table("inboxTable", self.model, settings, self._fit_columns)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.details = named(QLabel(), "documentDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.acknowledge_button = named(QPushButton(), "primaryButton")
        self.acknowledge_button.clicked.connect(lambda: self.acknowledge())
        self.open_button = named(QPushButton(), "openCaseButton")
        self.open_button.clicked.connect(self.open_selected_case)
        self.copy_button = named(QPushButton(), "copyHashButton")
        self.copy_button.clicked.connect(self.copy_hash)
        self.status = named(QLabel(), "statusLabel")
        self.status.setWordWrap(True)
        self.preview = PdfPreview()
        self.preview.setMinimumWidth(340)
        self.acknowledge_action = named(QAction(self), "acknowledgeAction")
        self.acknowledge_action.setShortcut(QKeySequence("Ctrl+K"))
        self.acknowledge_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.acknowledge_action.triggered.connect(lambda: self.acknowledge())
        self.addAction(self.acknowledge_action)

        buttons = QHBoxLayout()
        buttons.addWidget(self.acknowledge_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(8)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.details)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.status)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([960, 400])
        body = QVBoxLayout()
        body.setContentsMargins(16, 12, 16, 16)
        body.setSpacing(8)
        body.addWidget(self.problem)
        body.addWidget(splitter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.band)
        layout.addLayout(body, 1)
        self.runner.busyChanged.connect(lambda _busy: self._update_buttons())
        self.retranslate()

    # -- texts ------------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Received")

    def retranslate(self) -> None:
        self._title.setText(self.tr("Documents received from collections"))
        self.subtitle.setText(self.tr("Check each one against its SHA-256, then acknowledge it"))
        self.loading_label.setText(self.tr("Loading…"))
        self.table.setAccessibleName(self.tr("Documents received"))
        self.table.setToolTip(self.tr("Enter or double-click opens the case"))
        self.details.setAccessibleName(self.tr("Details of the selected document"))
        self.acknowledge_button.setText(self.tr("&Acknowledge receipt"))
        self.open_button.setText(self.tr("&Open case"))
        self.copy_button.setText(self.tr("Copy SHA-256"))
        self.acknowledge_action.setText(self.tr("Acknowledge receipt"))
        self.acknowledge_button.setToolTip(self.tr("Acknowledge receipt (Ctrl+K)"))
        for button in (self.acknowledge_button, self.open_button, self.copy_button):
            button.setAccessibleName(button.text().replace("&", ""))
        self.counts_label.setAccessibleName(self.tr("Inbox counts"))
        self.empty_label.setText(self.tr("Nothing received from collections yet."))
        self.model.retranslate()
        self.preview.retranslate()
        self._show_counts()
        self._show_selected()

    def _show_counts(self) -> None:
        items = self.items
        if items is None:
            self.counts_label.clear()
            return
        pending = sum(1 for i in items if i.acknowledged_at is None)
        parts = (self.tr("%n to acknowledge", "", pending), self.tr("%n received", "", len(items)))
        self.counts_label.setText(" · ".join(parts))
        self.empty_label.setVisible(not items)

    # -- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Load the inbox again, off the GUI thread; an older load still running is dropped."""
        self.loading_label.show()
        factory, actor = self.uow_factory, self.actor
        self.runner.submit("inbox", lambda: documents.legal_inbox(factory(), actor),
                           self._loaded, self._failed)  # fmt: skip

    def is_settled(self) -> bool:
        return (self.items is not None or self.last_failure is not None) and not (
            self.runner.is_busy()
        )

    def _loaded(self, items: list[InboxItem]) -> None:
        chosen = self.selected()
        self.items = items
        self.last_failure = None
        self.problem.hide()
        self.loading_label.hide()
        self.model.set_rows(items)
        self.columns.apply()
        self._show_counts()
        row = self.model.row_of(chosen.handoff_id) if chosen is not None else -1
        if row < 0 and items:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
        self._selection_changed()

    def _fit_columns(self) -> None:
        fit_columns(self.table, CAPPED)

    # -- the selected document --------------------------------------------------------------

    def selected(self) -> InboxItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        item = self.selected()
        self._show_selected()
        self._update_buttons()
        if item is None:
            self.pdf_for = None
            self.preview.clear()
            return
        if item.handoff_id == self.pdf_for:
            return
        self.pdf_for = None
        self.preview.clear()
        factory, actor, handoff_id = self.uow_factory, self.actor, item.handoff_id
        document_id = item.document.id
        self.runner.submit(
            "pdf", lambda: (handoff_id, documents.document_pdf(factory(), actor, document_id)),
            self._pdf_loaded, self._failed,
        )  # fmt: skip

    def _pdf_loaded(self, loaded: tuple[UUID, bytes]) -> None:
        handoff_id, pdf = loaded
        item = self.selected()
        if item is None or item.handoff_id != handoff_id:
            return
        self.pdf_for = handoff_id
        self.preview.show_pdf(pdf, item.document.number)

    def _show_selected(self) -> None:
        item = self.selected()
        if item is None:
            self.details.clear()
            return
        lines = [
            self.tr("{number} · case {case} · {debtor}").format(
                number=item.document.number, case=item.document.case_number,
                debtor=item.debtor_name),
            f"SHA-256: {item.document.sha256}",
        ]  # fmt: skip
        if item.note:
            lines.append(self.tr("Note: {note}").format(note=item.note))
        self.details.setText("\n".join(lines))

    def _update_buttons(self) -> None:
        item = self.selected()
        busy = self.runner.is_busy("acknowledge")
        self.acknowledge_button.setEnabled(
            item is not None and item.acknowledged_at is None and not busy
            and self.actor.role is Role.LEGAL
        )  # fmt: skip
        self.open_button.setEnabled(item is not None)
        self.copy_button.setEnabled(item is not None)

    # -- actions ----------------------------------------------------------------------------

    def acknowledge(self) -> bool:
        """Acknowledge receipt of the selected document (once)."""
        item = self.selected()
        if item is None or not self.acknowledge_button.isEnabled():
            return False
        factory, actor, handoff_id = self.uow_factory, self.actor, item.handoff_id
        self.runner.submit("acknowledge",
                           lambda: documents.acknowledge(factory(), actor, handoff_id),
                           lambda _none: self._acknowledged(item), self._failed)  # fmt: skip
        self._update_buttons()
        return True

    def _acknowledged(self, item: InboxItem) -> None:
        self.status.setText(
            self.tr("Receipt of {number} acknowledged.").format(number=item.document.number)
        )
        self.acknowledged.emit()
        self.refresh()

    def _activated(self, index: QModelIndex) -> None:
        item = self.model.row_at(index.row())
        if item is not None:
            self.caseRequested.emit(item.document.case_id, "documentos")

    def open_selected_case(self) -> None:
        item = self.selected()
        if item is not None:
            self.caseRequested.emit(item.document.case_id, "documentos")

    def copy_hash(self) -> None:
        item = self.selected()
        if item is not None:
            QGuiApplication.clipboard().setText(item.document.sha256)
            self.status.setText(self.tr("SHA-256 copied."))
