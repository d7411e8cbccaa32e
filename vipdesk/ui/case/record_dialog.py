"""The small dialogs that edit one of a debtor's records (a contact, a related party): checked
with the service's own pure check when Save is pressed and, from then on, as the user types,
each message under its field; Cancel and Escape ask before dropping what was typed."""

from __future__ import annotations

from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from vipdesk.core.errors import ValidationError
from vipdesk.ui.case.debtor_fields import FieldErrors


class RecordDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, interactive: bool = True) -> None:
        super().__init__(parent)
        self.interactive = interactive
        self.errors = FieldErrors()
        self.inputs: dict[str, QWidget] = {}  # by the service's field names
        self._checked = False  # after the first Save, fields are re-checked as they change

    def has_unsaved_changes(self) -> bool:
        raise NotImplementedError

    def check(self) -> object:
        """The service's pure check of what is typed: raises ValidationError."""
        raise NotImplementedError

    def validate(self) -> bool:
        """Check what is typed; show the messages and focus the first field named."""
        self._checked = True
        try:
            self.check()
        except ValidationError as error:
            named_fields = self.errors.show(error.problems)
            if named_fields:
                self.inputs[named_fields[0]].setFocus()
            return False
        self.errors.clear()
        return True

    def recheck(self) -> None:
        """Once Save was pressed, the messages follow what is typed."""
        if self._checked:
            try:
                self.check()
                self.errors.clear()
            except ValidationError as error:
                self.errors.show(error.problems)

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
