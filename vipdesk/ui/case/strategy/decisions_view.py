"""Bitácora de decisiones: the strategy's dated decisions, newest first, the selected one in
full below the list, and "Add decision…" (append-only: an entry is never changed)."""

from __future__ import annotations

from uuid import UUID

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from vipdesk.services.agreement_dto import DecisionInfo, StrategyInfo
from vipdesk.ui.case.base import CaseEnv
from vipdesk.ui.case.strategy.decision_dialog import DecisionDialog
from vipdesk.ui.case.strategy.models import DecisionsModel
from vipdesk.ui.formatting import date_text, datetime_text
from vipdesk.ui.widgets import empty_overlay, named, record_table


class DecisionsView(QWidget):
    changed = Signal()  # a decision was added: reload

    def __init__(self, env: CaseEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.info: StrategyInfo | None = None
        self.case_number = ""
        self.dialog: DecisionDialog | None = None
        self._select: UUID | None = None
        self.model = DecisionsModel(self)
        self.table = record_table("strategyDecisions", self.model)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.empty_label = empty_overlay(self.table)
        self.count_label = named(QLabel(), "countLabel")
        self.add_button = named(QPushButton(), "primaryButton")
        self.add_button.clicked.connect(lambda: self.open_form())
        self.add_button.setEnabled(False)
        self.detail = named(QTextBrowser(), "decisionDetail")
        self.detail.setOpenLinks(False)
        bar = QHBoxLayout()
        bar.addWidget(self.count_label, 1)
        bar.addWidget(self.add_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([600, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("&Add decision…"))
        self.add_button.setAccessibleName(self.tr("Add decision"))
        self.table.setAccessibleName(self.tr("Decisions of the strategy"))
        self.detail.setAccessibleName(self.tr("The decision selected, in full"))
        self.empty_label.setText(self.tr("No decision recorded yet."))
        self.model.retranslate()
        self._show_count()
        self._show_selected()
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- showing ----------------------------------------------------------------------------

    def show_decisions(self, info: StrategyInfo, case_number: str) -> None:
        chosen = self.selected()
        keep = self._select or (chosen.id if chosen is not None else None)
        self._select = None
        self.info, self.case_number = info, case_number
        self.model.set_rows(info.decisions)
        self._fit_columns()
        self.empty_label.setVisible(not info.decisions)
        row = self.model.row_of(keep) if keep is not None else -1
        if row < 0 and info.decisions:
            row = 0  # the newest
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self._show_count()
        self._show_selected()
        self._update()

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setResizeContentsPrecision(80)  # widths from the first rows: a long log stays fast
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The decision takes the room left (its first line; the whole text is below).
        header.setSectionResizeMode(self.model.column_of("text"), QHeaderView.ResizeMode.Stretch)

    def selected(self) -> DecisionInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _show_count(self) -> None:
        count = len(self.info.decisions) if self.info is not None else 0
        self.count_label.setText(self.tr("%n decision(s)", "", count))

    def _show_selected(self) -> None:
        decision = self.selected()
        if decision is None:
            self.detail.clear()
            return
        heading = self.tr("{date} · recorded by {author} on {when}").format(
            date=date_text(decision.decided_on), author=decision.author,
            when=datetime_text(decision.recorded_at))  # fmt: skip
        # Plain text: markup typed in a decision is shown as typed, never interpreted.
        self.detail.setPlainText(f"{heading}\n\n{decision.text}")

    def _update(self) -> None:
        editable = self.info is not None and self.info.can_edit
        self.add_button.setEnabled(editable)
        self.add_button.setToolTip(
            ""
            if editable or self.info is None
            else self.tr("You may read this case's decisions but not add to them")
        )

    # -- adding -----------------------------------------------------------------------------

    def open_form(self) -> DecisionDialog | None:
        if self.info is None or not self.info.can_edit:
            return None
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        dialog = DecisionDialog(self.env, self.info.case_id, self.case_number, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)
        dialog.destroyed.connect(lambda _obj=None: self._forget(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _forget(self, dialog: DecisionDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _saved(self, decision_id: object) -> None:
        self._select = decision_id if isinstance(decision_id, UUID) else None
        self.changed.emit()

    def has_unsaved_changes(self) -> bool:
        dialog = self.dialog
        return dialog is not None and dialog.isVisible() and dialog.has_typed()
