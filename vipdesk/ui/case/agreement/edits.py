"""The undo history of an agreement's edits until they are saved: every value the user changes
(a term, the notes, the list of signatories) is one step of a QUndoStack, so Ctrl+Z takes
back the last change whichever part of the form it was in.

Typing on in the same field merges into one step, so Ctrl+Z takes back what was typed there,
not a letter at a time. Loading a version, undoing and redoing put values in the widgets
without recording them (``applying``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack


class ValueEdit(QUndoCommand):
    def __init__(self, edits: Edits, key: str, old: object, new: object, merge: bool) -> None:
        super().__init__()
        self.edits, self.key, self.old, self.new = edits, key, old, new
        self._id = edits.merge_id(key) if merge else -1

    def id(self) -> int:
        return self._id

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ValueEdit) or other.key != self.key or self._id < 0:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.edits.apply(self.key, self.new)

    def undo(self) -> None:
        self.edits.apply(self.key, self.old)


class Edits(QObject):
    changed = Signal()  # a value changed: typed, undone or redone (not loaded)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = QUndoStack(self)
        self.applying = False
        self._known: dict[str, object] = {}
        self._setters: dict[str, Callable[[object], None]] = {}
        self._keys: list[str] = []

    def register(self, key: str, setter: Callable[[object], None]) -> None:
        """``setter`` shows a value of ``key`` in its widget (without it counting as typed);
        it leaves a widget that already shows the value alone (the cursor stays put)."""
        self._setters[key] = setter
        self._keys.append(key)

    def merge_id(self, key: str) -> int:
        return self._keys.index(key)

    def load(self, values: dict[str, object]) -> None:
        """Show ``values`` as the saved state: the history starts again from them."""
        for key, value in values.items():
            self._put(key, value)
        self.stack.clear()

    def typed(self, key: str, new: object, merge: bool = True) -> None:
        """The user changed ``key`` to ``new`` in its widget: one step of the history."""
        if self.applying:
            return
        old = self._known.get(key)
        if new != old:
            self._known[key] = new
            self.stack.push(ValueEdit(self, key, old, new, merge))

    def apply(self, key: str, value: object) -> None:
        """Undo or redo (and a step just typed): show ``value`` and tell the form."""
        self._put(key, value)
        self.changed.emit()

    def _put(self, key: str, value: object) -> None:
        self._known[key] = value
        self.applying = True
        try:
            self._setters[key](value)
        finally:
            self.applying = False
