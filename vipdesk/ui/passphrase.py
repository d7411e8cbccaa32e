"""Asking for a passphrase where the computer has no keychain: for this computer's embedded
database ("computer") or for the user's local cache ("cache")."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from vipdesk.core.errors import VipDeskError
from vipdesk.ui.dialogs import error_text
from vipdesk.ui.resources import icon_path
from vipdesk.ui.widgets import named

MIN_PASSPHRASE = 12
T = TypeVar("T")


class PassphraseDialog(QDialog):
    """Asks for a passphrase; twice, and at least 12 characters, when creating.

    ``purpose``: "cache" (the user's local cache, which can be rebuilt) or "computer" (this
    computer's embedded database, which cannot)."""

    def __init__(
        self, creating: bool, parent: QWidget | None = None, purpose: str = "cache"
    ) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.setWindowIcon(QIcon(str(icon_path())))
        self.creating = creating
        self.purpose = purpose
        intro = named(QLabel(), "dialogIntro")
        intro.setWordWrap(True)
        if purpose == "computer":
            self.setWindowTitle(self.tr("Passphrase of this computer"))
            text = self.tr(
                "This computer has no system keychain: the VIP Desk database on it is "
                "encrypted with a passphrase."
            )
            if creating:
                text += " " + self.tr(
                    "Choose one of at least {n} characters and keep it safe: without it, the "
                    "data on this computer cannot be opened."
                ).format(n=MIN_PASSPHRASE)
            else:
                text += " " + self.tr("Enter it to open VIP Desk.")
        else:
            self.setWindowTitle(self.tr("Passphrase of your local cache"))
            text = self.tr(
                "This computer has no system keychain: your cache is encrypted with a passphrase."
            )
            if creating:
                text += " " + self.tr(
                    "Choose one of at least {n} characters. If you forget it, the cache is "
                    "simply rebuilt from the central database."
                ).format(n=MIN_PASSPHRASE)
            else:
                text += " " + self.tr("Enter it to open your cache.")
        intro.setText(text)
        self.heading = named(QLabel(self.windowTitle()), "dialogHeading")
        self.passphrase_label = named(QLabel(self.tr("&Passphrase")), "fieldLabel")
        self.repeat_label = named(QLabel(self.tr("&Repeat")), "fieldLabel")
        self.repeat_label.setVisible(creating)
        self.passphrase = named(QLineEdit(), "passphraseEdit")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.setPlaceholderText(
            self.tr("At least {n} characters").format(n=MIN_PASSPHRASE) if creating else ""
        )
        self.repeat = named(QLineEdit(), "repeatEdit")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Repeat the passphrase"))
        self.repeat.setPlaceholderText(self.tr("The same passphrase again"))
        self.repeat.setVisible(creating)
        self.message = named(QLabel(), "errorLabel")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Problem with the passphrase"))
        self.message.hide()
        # Room for the message from the start: the dialog never changes size (offscreen and
        # some window managers dislike a window whose minimum size changes).
        message_room = QWidget()
        message_room.setFixedHeight(2 * self.message.fontMetrics().height() + 16)
        room_layout = QVBoxLayout(message_room)
        room_layout.setContentsMargins(0, 0, 0, 0)
        room_layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Continue"))
        ok.setObjectName("passphraseOk")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        self.passphrase_label.setBuddy(self.passphrase)
        self.repeat_label.setBuddy(self.repeat)
        layout.addWidget(self.heading)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addWidget(self.passphrase_label)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.repeat_label)
        layout.addWidget(self.repeat)
        layout.addWidget(message_room)
        layout.addWidget(buttons)
        hint = self.sizeHint()
        self.setMinimumSize(max(hint.width(), 480), hint.height() + 8)

    def value(self) -> str:
        return self.passphrase.text()

    def show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _check(self) -> None:
        text = self.passphrase.text()
        problem = ""
        if not text:
            problem = self.tr("Enter the passphrase.")
        elif self.creating and len(text) < MIN_PASSPHRASE:
            problem = self.tr("The passphrase needs at least {n} characters.").format(
                n=MIN_PASSPHRASE
            )
        elif self.creating and self.repeat.text() != text:
            problem = self.tr("The two passphrases are different.")
        if problem:
            self.message.setText(problem)
            self.message.show()
            return
        self.accept()


class PassphrasePrompter(QObject):
    """A ``passphrase(creating)`` callable usable from any thread: it asks on the GUI thread
    and waits for the answer."""

    _asked = Signal(bool)

    def __init__(self, parent_widget: QWidget | None = None) -> None:
        super().__init__()
        self._parent_widget = parent_widget
        self._event = threading.Event()
        self._answer: str | None = None
        self._asked.connect(self._ask, Qt.ConnectionType.QueuedConnection)

    def __call__(self, creating: bool) -> str | None:
        if QThread.currentThread() is self.thread():
            return self._dialog(creating)
        self._event.clear()
        self._asked.emit(creating)
        self._event.wait()
        return self._answer

    def _dialog(self, creating: bool) -> str | None:
        dialog = PassphraseDialog(creating, self._parent_widget)
        try:
            ok = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.value() if ok else None
        finally:
            dialog.deleteLater()

    @Slot(bool)
    def _ask(self, creating: bool) -> None:
        try:
            self._answer = self._dialog(creating)
        finally:
            self._event.set()


class _ComputerPrompt:
    """The prompt handed to the opener: remembers a problem to show, and whether the person
    cancelled (so a "no passphrase" error is not reported as a failure)."""

    def __init__(self, parent: QWidget | None) -> None:
        self.parent = parent
        self.problem = ""
        self.cancelled = False

    def __call__(self, creating: bool) -> str | None:
        dialog = PassphraseDialog(creating, self.parent, purpose="computer")
        if self.problem:
            dialog.show_problem(self.problem)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.value()
            self.cancelled = True
            return None
        finally:
            dialog.deleteLater()


def unlock_with_passphrase(
    opener: Callable[[Callable[[bool], str | None]], T], parent: QWidget | None = None
) -> T | None:
    """``opener(prompt)`` on this (GUI) thread, before any window exists, asking for this
    computer's passphrase only if the opener needs one; a wrong one is said in the dialog and
    asked again. None: the person cancelled."""
    prompt = _ComputerPrompt(parent)
    while True:
        try:
            return opener(prompt)
        except VipDeskError as error:
            if prompt.cancelled:
                return None
            if type(error).__name__ != "WrongPassphrase":
                raise
            prompt.problem = error_text(error)
