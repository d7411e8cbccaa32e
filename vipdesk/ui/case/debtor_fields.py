"""Field-level validation messages for the debtor's forms, and routing Ctrl+Z to a form's
undo stack.

A message sits right under its field and the field is marked (the ``invalid`` property the
stylesheet draws a red border for), so the user sees what to fix where they type it.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from vipdesk.core.errors import Problem
from vipdesk.ui.widgets import named


def _restyle(widget: QWidget) -> None:
    # A dynamic property changes the look only once the style is applied again.
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


class FieldErrors:
    """The message labels of a form's fields, by field name (the services' field names)."""

    def __init__(self) -> None:
        self.fields: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}

    def wrap(self, name: str, field: QWidget) -> QWidget:
        """``field`` with its (hidden) message label under it: put this in the form."""
        label = named(QLabel(), "fieldError")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.hide()
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        layout.addWidget(label)
        self.fields[name], self.labels[name] = field, label
        return box

    def show(self, problems: Iterable[Problem]) -> list[str]:
        """Show these problems (clearing every other field's); returns the fields named."""
        messages: dict[str, list[str]] = {}
        for problem in problems:
            text = problem.translated(QCoreApplication.translate)
            messages.setdefault(problem.field, []).append(text)
        for name, label in self.labels.items():
            field = self.fields[name]
            text = "\n".join(messages.get(name, []))
            label.setText(text)
            label.setVisible(bool(text))
            if bool(field.property("invalid")) != bool(text):
                field.setProperty("invalid", bool(text))
                _restyle(field)
            field.setAccessibleDescription(text)
        return [name for name in self.labels if name in messages]

    def clear(self) -> None:
        self.show(())

    def message(self, name: str) -> str:
        label = self.labels[name]
        return "" if label.isHidden() else label.text()


class UndoKeys(QObject):
    """Sends the undo and redo keys of the fields it filters to ``stack`` rather than to the
    fields' own undo (which knows nothing of the form's other fields)."""

    def __init__(self, stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = stack

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(
            event, QKeyEvent
        ):
            undo = event.matches(QKeySequence.StandardKey.Undo)
            redo = event.matches(QKeySequence.StandardKey.Redo)
            if undo or redo:
                if kind == QEvent.Type.ShortcutOverride:
                    event.accept()  # ours, not a window shortcut's
                elif undo:
                    self.stack.undo()
                else:
                    self.stack.redo()
                return True
        return super().eventFilter(watched, event)
