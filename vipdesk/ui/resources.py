"""Where the files shipped beside the code (icons, stylesheet, translations) live."""

from __future__ import annotations

import logging
from pathlib import Path

import vipdesk

log = logging.getLogger(__name__)


def resources_dir() -> Path:
    # The same layout in a checkout, an installed wheel with data files and a PyInstaller bundle:
    # `resources/` sits beside the `vipdesk` package.
    return Path(vipdesk.__file__).resolve().parent.parent / "resources"


def icon_path() -> Path:
    return resources_dir() / "icons" / "vipdesk.svg"


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
