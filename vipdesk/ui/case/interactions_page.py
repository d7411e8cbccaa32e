"""Gestiones: the contact log of the case, newest first, the selected contact in full below it,
and "New contact" (also Ctrl+N anywhere in the case tab)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vipdesk.services.dto import CaseDetail, InteractionInfo
from vipdesk.ui import labels
from vipdesk.ui.case.activity_models import InteractionsModel
from vipdesk.ui.case.base import CaseEnv
from vipdesk.ui.case.form_dialog import FormDialog
from vipdesk.ui.case.interaction_dialog import InteractionDialog
from vipdesk.ui.case.records_page import RecordsPage
from vipdesk.ui.formatting import date_text, datetime_text
from vipdesk.ui.widgets import named
from vipdesk.ui.workers import TaskRunner

NEW_CONTACT_SHORTCUT = "Ctrl+N"
_FACTS = ("when", "outcome", "contact", "next")


class InteractionsPage(RecordsPage):
    slug = "gestiones"

    def __init__(self, env: CaseEnv, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(env, runner, InteractionsModel(), "interactionsTable", parent)
        self.model.setParent(self)
        self.new_action = named(QAction(self), "newContactAction")
        self.new_action.setShortcut(QKeySequence(NEW_CONTACT_SHORTCUT))
        self.new_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.new_action.triggered.connect(self.new_contact)
        self._shortcut_home: QWidget | None = None

        self.detail_box = named(QGroupBox(), "interactionDetail")
        facts = QFormLayout()
        facts.setHorizontalSpacing(16)
        facts.setVerticalSpacing(4)
        self._captions: dict[str, QLabel] = {}
        self.facts: dict[str, QLabel] = {}
        for key in _FACTS:
            caption, value = named(QLabel(), "fieldLabel"), named(QLabel(), "factText")
            value.setTextFormat(Qt.TextFormat.PlainText)  # typed text is shown as typed
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            facts.addRow(caption, value)
            self._captions[key], self.facts[key] = caption, value
        self.notes_view = named(QPlainTextEdit(), "interactionNotes")
        self.notes_view.setReadOnly(True)
        self.notes_view.setTabChangesFocus(True)
        box_layout = QVBoxLayout(self.detail_box)
        box_layout.addLayout(facts)
        box_layout.addWidget(self.notes_view, 1)
        self.page_layout.addWidget(self.detail_box, 2)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Contacts")

    def empty_text(self) -> str:
        return self.tr("No contacts logged yet.")

    def count_text(self, count: int) -> str:
        return self.tr("%n contact(s), newest first", "", count)

    def retranslate(self) -> None:
        super().retranslate()
        self.new_button.setText(self.tr("&New contact"))
        self.new_button.setToolTip(self.tr("Log a contact with the debtor (Ctrl+N)"))
        self.new_button.setAccessibleName(self.tr("New contact"))
        self.new_action.setText(self.tr("New contact"))
        self.table.setAccessibleName(self.tr("Contacts of the case"))
        self.detail_box.setTitle(self.tr("Selected contact"))
        captions = {
            "when": self.tr("When"),
            "outcome": self.tr("Outcome"),
            "contact": self.tr("Contact reached"),
            "next": self.tr("Next action"),
        }
        for key, text in captions.items():
            self._captions[key].setText(text)
            self.facts[key].setAccessibleName(text)
        self.notes_view.setAccessibleName(self.tr("Notes of the selected contact"))
        self.show_selected(self.selected())

    def show_detail(self, detail: CaseDetail) -> None:
        self._attach_shortcut()
        super().show_detail(detail)

    def _attach_shortcut(self) -> None:
        """Ctrl+N belongs to the whole case tab, not only this page: the action goes on the
        tab (found once the page sits in it), where Qt triggers it only while the tab is the
        one shown, so two open cases never both answer."""
        if self._shortcut_home is not None:
            return
        home = self.parentWidget()
        while home is not None and home.objectName() != "caseTab":
            home = home.parentWidget()
        if home is not None:
            home.addAction(self.new_action)
            self._shortcut_home = home

    def rows_of(self, detail: CaseDetail) -> tuple[Any, ...]:
        return detail.interactions

    def new_contact(self) -> FormDialog | None:
        """Show this page and open the form (Ctrl+N from any page of the case)."""
        stack = self.parentWidget()
        tabs = stack.parentWidget() if stack is not None else None
        if isinstance(tabs, QTabWidget):
            tabs.setCurrentWidget(self)
        return self.open_form()

    def make_dialog(self, detail: CaseDetail) -> FormDialog:
        dialog = InteractionDialog(self.env, detail, self)
        dialog.finished.connect(lambda result: self._finished(dialog, result))
        return dialog

    def _finished(self, dialog: InteractionDialog, result: int) -> None:
        # Cancelled after the contact was stored (its promise was refused): still reload.
        if result != FormDialog.DialogCode.Accepted and dialog.contact_saved:
            self._saved(dialog.interaction_id)

    def show_selected(self, row: InteractionInfo | None) -> None:
        if row is None:
            for value in self.facts.values():
                value.setText("")
            self.notes_view.setPlainText("")
            self.detail_box.setEnabled(False)
            return
        self.detail_box.setEnabled(True)
        how = " · ".join(
            [labels.channel_label(row.channel), labels.direction_label(row.direction),
             self.tr("%n minute(s)", "", row.duration_minutes)]
        )  # fmt: skip
        self.facts["when"].setText(
            self.tr("{when} · {how} · by {who}").format(
                when=datetime_text(row.occurred_at), how=how, who=row.user_name
            )
        )
        self.facts["outcome"].setText(labels.outcome_label(row.outcome))
        self.facts["contact"].setText(row.contact_name or "—")
        next_action = " · ".join(filter(None, [row.next_action, date_text(row.next_action_date)]))
        self.facts["next"].setText(next_action or "—")
        self.notes_view.setPlainText(row.notes)
