"""Where the files shipped beside the code (letter templates, fonts) live, without Qt."""

from __future__ import annotations

from pathlib import Path

import vipdesk


def resources_dir() -> Path:
    # The same layout as vipdesk/ui/resources.py (a checkout, a wheel with data files, a
    # PyInstaller bundle): `resources/` sits beside the `vipdesk` package.
    return Path(vipdesk.__file__).resolve().parent.parent / "resources"


def letters_dir() -> Path:
    return resources_dir() / "letters"


def template_path(kind: str, language: str = "es") -> Path:
    return letters_dir() / f"{kind}.{language}.txt"


def font_path(file_name: str) -> Path:
    return resources_dir() / "fonts" / file_name
