"""What every case form shares: a message under each invalid field, saving off the GUI thread,
Enter to save and Escape to cancel (asking first when something was typed).

A subclass registers its inputs with :meth:`FormDialog.add_field`, builds the command in
``build_command`` (raising ``ValidationError`` for what it can check itself: nothing goes to
the service while a field is invalid) and saves it in ``save`` (run on a pool thread). Problems
the service raises come back as the same per-field messages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vipdesk.core.errors import Problem, ValidationError, VipDeskError
from vipdesk.ui.dialogs import error_text, report_failure
from vipdesk.ui.widgets import named
from vipdesk.ui.workers import Failure, TaskRunner


def field_column(widget: QWidget, error: QLabel) -> QVBoxLayout:
    """The input with its message under it, as one cell of a form."""
    column = QVBoxLayout()
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(widget)
    column.addWidget(error)
    return column


def amount_cell(amount: QWidget, currency: QLabel) -> QWidget:
    """An amount input with its currency code beside it, as one cell."""
    cell = QWidget()
    row = QHBoxLayout(cell)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(amount, 1)
    row.addWidget(currency)
    return cell


def new_form(parent: QWidget | None = None) -> QFormLayout:
    form = QFormLayout(parent) if parent is not None else QFormLayout()
    form.setHorizontalSpacing(16)
    form.setVerticalSpacing(6)
    return form


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    widget.setProperty("invalid", invalid)
    # A dynamic property only restyles once the style is re-applied.
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class FormDialog(QDialog):
    saved = Signal(object)  # what ``save`` returned, once it succeeded

    def __init__(self, interactive: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.interactive = interactive
        self.busy = False
        self.result_value: object = None
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self._captions: dict[str, QLabel] = {}
        self._problems: list[Problem] = []
        self._general: Callable[[], str] | None = None
        self._initial: object = None
        self._runner = TaskRunner(self)
        self.heading = named(QLabel(), "dialogHeading")
        self.general_error = named(QLabel(), "errorLabel")
        self.general_error.setTextFormat(Qt.TextFormat.PlainText)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.status_label = named(QLabel(), "statusLabel")
        self.buttons = QDialogButtonBox()
        self.save_button = named(QPushButton(), "primaryButton")
        self.save_button.setDefault(True)
        self.cancel_button = named(QPushButton(), "cancelButton")
        self.cancel_button.setAutoDefault(False)  # Enter must never mean "cancel"
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        # In a notes box Enter is a new line; Ctrl+Enter saves from anywhere.
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(key), self, self.submit)

    # -- for subclasses ---------------------------------------------------------------------

    def add_field(self, name: str, widget: QWidget) -> QLabel:
        """Register ``widget`` as the input of service field ``name``; returns its message
        label (to place under the widget)."""
        error = named(QLabel(), "fieldError")
        error.setTextFormat(Qt.TextFormat.PlainText)
        error.setWordWrap(True)
        error.hide()
        self._fields[name] = (widget, error)
        return error

    def add_row(
        self, form: QFormLayout, name: str, widget: QWidget, cell: QWidget | None = None
    ) -> None:
        """A captioned row for field ``name``: its input (or ``cell`` holding it) with the
        message under it. The caption's text comes from :meth:`set_captions`."""
        caption = named(QLabel(), "fieldLabel")
        caption.setBuddy(widget)
        self._captions[name] = caption
        form.addRow(caption, field_column(cell or widget, self.add_field(name, widget)))

    def set_captions(self, captions: dict[str, str]) -> None:
        """Caption texts (with their mnemonics) by field; each input is named after its own."""
        for name, text in captions.items():
            self._captions[name].setText(text)
            self.field_widget(name).setAccessibleName(text.replace("&", ""))

    def lay_out(self, *parts: QWidget | QFormLayout, min_width: int) -> None:
        """Heading, the given forms and boxes, the general message, status and buttons."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        for part in parts:
            if isinstance(part, QFormLayout):
                layout.addLayout(part)
            else:
                layout.addWidget(part)
        layout.addWidget(self.general_error)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(min_width)

    def field_widget(self, name: str) -> QWidget:
        return self._fields[name][0]

    def field_error(self, name: str) -> QLabel:
        return self._fields[name][1]

    def snapshot(self) -> object:
        """What the user typed, to tell whether closing loses anything."""
        raise NotImplementedError

    def build_command(self) -> Any:
        raise NotImplementedError

    def save(self, command: Any) -> Any:
        """Runs on a pool thread: call the service."""
        raise NotImplementedError

    def retranslate(self) -> None:
        self.save_button.setText(self.tr("&Save"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.general_error.setAccessibleName(self.tr("Problem with the form"))
        self._show_messages()

    def remember_initial(self) -> None:
        self._initial = self.snapshot()

    def has_typed(self) -> bool:
        return self._initial is not None and self.snapshot() != self._initial

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- messages ---------------------------------------------------------------------------

    def show_problems(self, problems: list[Problem]) -> None:
        self._problems = list(problems)
        self._general = None
        self._show_messages()
        first = next((self._fields[p.field][0] for p in problems if p.field in self._fields), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_general(self, text: Callable[[], str]) -> None:
        self._problems = []
        self._general = text
        self._show_messages()

    def clear_problems(self) -> None:
        self._problems = []
        self._general = None
        self._show_messages()

    def problem_fields(self) -> set[str]:
        return {p.field for p in self._problems if p.field in self._fields}

    def _show_messages(self) -> None:
        translate = QCoreApplication.translate
        general = [p.translated(translate) for p in self._problems if p.field not in self._fields]
        for name, (widget, label) in self._fields.items():
            mine = [p.translated(translate) for p in self._problems if p.field == name]
            label.setText("\n".join(mine))
            label.setVisible(bool(mine))
            mark_invalid(widget, bool(mine))
            widget.setAccessibleDescription("\n".join(mine))
        if self._general is not None:
            general.append(self._general())
        self.general_error.setText("\n".join(general))
        self.general_error.setVisible(bool(general))

    # -- saving -----------------------------------------------------------------------------

    def submit(self) -> None:
        if self.busy:
            return
        try:
            command = self.build_command()
        except ValidationError as error:
            self.show_problems(error.problems)
            return
        self.clear_problems()
        self.set_busy(True)
        self.start_save(command)

    def start_save(self, command: Any) -> None:
        """Run ``save`` off the GUI thread; answer with :meth:`finish` or :meth:`refuse`.
        A dialog whose caller runs the command instead overrides this."""
        self._runner.submit("save", lambda: self.save(command), self.finish, self.refuse)

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.save_button.setEnabled(not busy)
        self.status_label.setText(self.tr("Saving…") if busy else "")

    def finish(self, result: object) -> None:
        """Saved: say so and close."""
        self.set_busy(False)
        self.result_value = result
        self.saved.emit(result)
        self.accept()

    def refuse(self, failure: Failure) -> None:
        """Not saved: the messages under the fields, or under the form."""
        self.set_busy(False)
        error = failure.error
        if isinstance(error, ValidationError):
            self.show_problems(error.problems)
        elif isinstance(error, VipDeskError):
            self.show_general(lambda: error_text(error))
        else:
            report_failure(self, failure)

    # -- closing ----------------------------------------------------------------------------

    def reject(self) -> None:
        if self.busy:
            return  # the save is under way: its answer decides
        if self.has_typed() and self.interactive and not self._confirm_discard():
            return
        super().reject()

    def _confirm_discard(self) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.windowTitle(),
            self.tr("Discard what you typed?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("discardBox")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Discard

    def done(self, result: int) -> None:
        # Background calls hold database sessions: finish them before the dialog goes away.
        self._runner.shutdown()
        super().done(result)
