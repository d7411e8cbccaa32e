"""Where the files shipped beside the code (icons, stylesheet, translations) live."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QIcon

import vipdesk

log = logging.getLogger(__name__)


def resources_dir() -> Path:
    # The same layout in a checkout, an installed wheel with data files and a PyInstaller bundle:
    # `resources/` sits beside the `vipdesk` package.
    return Path(vipdesk.__file__).resolve().parent.parent / "resources"


def icon_path() -> Path:
    return resources_dir() / "icons" / "vipdesk.svg"


# The line icons in resources/icons/ (one SVG each, drawn on a 24 px grid).
ICON_NAMES = frozenset(
    {"agenda", "case", "close", "contact", "export", "filter", "payment", "promise", "sync",
     "timeline"}
)  # fmt: skip


def named_icon_path(name: str) -> Path:
    return resources_dir() / "icons" / f"{name}.svg"


def icon(name: str) -> QIcon:
    """One of :data:`ICON_NAMES` as a QIcon; an empty icon if its file is missing (a plainer
    button, never a crash). Needs a QGuiApplication (Qt renders the SVG on demand)."""
    path = named_icon_path(name)
    if not path.is_file():
        log.warning("Icon not found: %s", path)
        return QIcon()
    return QIcon(str(path))


def stylesheet_path() -> Path:
    return resources_dir() / "styles" / "vipdesk.qss"


def translation_source(language: str) -> Path:
    return resources_dir() / "translations" / f"vipdesk_{language}.ts"


def read_stylesheet() -> str:
    """The application stylesheet, or "" (plain Qt look) if it cannot be read.

    ``@icons`` in ``url(...)`` becomes the icon folder: QSS resolves relative URLs against the
    working directory, which is anything at all for a desktop app.
    """
    try:
        text = stylesheet_path().read_text(encoding="utf-8")
        return text.replace("@icons/", icon_path().parent.as_posix() + "/")
    except OSError as exc:
        # A missing stylesheet makes the app plainer, not unusable.
        log.warning("Stylesheet not loaded: %s", exc)
        return ""
