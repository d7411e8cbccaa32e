"""Interface preferences (language, window geometry, column widths) in an INI file.

Always the INI file inside the settings folder the bootstrap gives us, never Qt's default
location: tests and several users on one machine (each with their own ``VIPDESK_HOME``) must
never share or clobber each other's preferences.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from vipdesk.ui import i18n

FILE_NAME = "vipdesk-ui.ini"
LANGUAGE_KEY = "ui/language"


def ui_settings(settings_dir: Path) -> QSettings:
    return QSettings(str(settings_dir / FILE_NAME), QSettings.Format.IniFormat)


def saved_language(settings: QSettings) -> str | None:
    return i18n.normalise_language(settings.value(LANGUAGE_KEY, ""))


def save_language(settings: QSettings, language: str) -> None:
    settings.setValue(LANGUAGE_KEY, language)
    settings.sync()
