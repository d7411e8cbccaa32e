"""A dialog for problems that stop the app before its window exists (bad database URL,
unreachable server, unwritable folder), in the user's language."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from vipdesk.core.errors import VipDeskError
from vipdesk.ui import i18n
from vipdesk.ui.application import application
from vipdesk.ui.settings import saved_language, ui_settings


def _language(settings_dir: Path, language: str | None) -> str:
    if i18n.normalise_language(language):
        return str(i18n.normalise_language(language))
    if settings_dir.is_dir():
        return saved_language(ui_settings(settings_dir)) or i18n.DEFAULT_LANGUAGE
    return i18n.DEFAULT_LANGUAGE


def fatal_error_box(
    error: VipDeskError, settings_dir: Path, language: str | None = None
) -> QMessageBox:
    application()
    # The problem may be that the settings folder is unwritable: compile the translation
    # somewhere that works, so the message is still in Spanish.
    writable = settings_dir.is_dir() and os.access(settings_dir, os.W_OK)
    target = settings_dir if writable else Path(tempfile.mkdtemp(prefix="vipdesk-i18n-"))
    i18n.apply_language(_language(settings_dir, language), target)
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        "VIP Desk",
        QCoreApplication.translate("FatalError", "VIP Desk cannot start."),
    )
    box.setInformativeText(error.translated(QCoreApplication.translate))
    box.setObjectName("fatalErrorBox")
    # QMessageBox sizes itself to its shortest line; a path or URL needs room to read.
    box.setStyleSheet(
        "QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel { min-width: 420px; }"
    )
    return box


def show_fatal_error(error: VipDeskError, settings_dir: Path, language: str | None = None) -> None:
    box = fatal_error_box(error, settings_dir, language)
    if QApplication.platformName() not in {"offscreen", "minimal"}:
        box.exec()
