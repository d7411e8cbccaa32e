"""Answering modal dialogs from a test: they block in ``exec()``, so a timer finds them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

# Every answering timer still waiting: stopped after each test (stop_waiting), so that one a
# test left running never answers a dialog of a later test.
_WAITING: list[QTimer] = []


def stop_waiting() -> None:
    for timer in _WAITING:
        timer.stop()
    _WAITING.clear()


def when_shown(match: Callable[[QWidget], bool], action: Callable[[QWidget], None]) -> QTimer:
    """Run ``action`` on the first visible top-level widget that matches (a modal dialog that
    is about to block the test in ``exec()``)."""
    timer = QTimer(interval=50)

    def poll() -> None:
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and match(widget):
                timer.stop()
                action(widget)
                return

    timer.timeout.connect(poll)
    timer.start()
    _WAITING.append(timer)
    return timer
