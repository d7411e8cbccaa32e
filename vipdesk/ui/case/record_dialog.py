"""The small dialogs that edit one of a debtor's records (a contact, a related party): Cancel
and Escape ask before dropping what was typed."""

from __future__ import annotations

from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget


class RecordDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, interactive: bool = True) -> None:
        super().__init__(parent)
        self.interactive = interactive

    def has_unsaved_changes(self) -> bool:
        raise NotImplementedError

    def discard_question(self) -> str:
        """The question asked before dropping typed work, in the interface language."""
        raise NotImplementedError

    def cancel(self) -> None:
        """Cancel or Escape: asks before dropping what was typed. (Closing the window that
        owns the dialog does not come here: the window already asked about unsaved work.)"""
        if self.interactive and self.has_unsaved_changes():
            answer = QMessageBox.question(
                self,
                self.windowTitle(),
                self.discard_question(),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        self.reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Cancel):
            self.cancel()
            return
        super().keyPressEvent(event)
