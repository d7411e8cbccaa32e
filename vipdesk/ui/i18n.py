"""Interface language: compile the Qt translation at first run and switch it live.

Source strings are English; Spanish is the default language. The ``.ts`` file in ``resources``
is the single source of truth; the compiled ``.qm`` is a cache kept in the settings folder,
rebuilt with ``pyside6-lrelease`` when missing or older than the ``.ts``. If compiling fails the
interface stays in English (a warning is logged): a missing translation must never stop someone
from working.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from vipdesk.ui.resources import translation_source

log = logging.getLogger(__name__)

SPANISH = "es"
ENGLISH = "en"
SUPPORTED_LANGUAGES = (SPANISH, ENGLISH)
DEFAULT_LANGUAGE = SPANISH

# Locales used for dates and numbers in each interface language (Guatemala first).
_LOCALES = {SPANISH: "es_GT", ENGLISH: "en_US"}

# Translators we installed, so that switching language removes exactly ours.
_installed: list[QTranslator] = []
_current = ENGLISH  # what the source strings are, before anything is installed


def normalise_language(value: object) -> str | None:
    text = str(value or "").strip().lower()[:2]
    return text if text in SUPPORTED_LANGUAGES else None


def current_language() -> str:
    return _current


def babel_locale() -> str:
    """Locale name for :func:`vipdesk.core.money.format_money` in the current language."""
    return _LOCALES[_current]


def qlocale() -> QLocale:
    return QLocale(_LOCALES[_current])


def _lrelease() -> Path | None:
    suffix = ".exe" if os.name == "nt" else ""
    beside = Path(sys.executable).parent / f"pyside6-lrelease{suffix}"
    if beside.exists():
        return beside
    for name in ("pyside6-lrelease", "lrelease"):
        found = shutil.which(name)
        if found:
            return Path(found)
    return None


def _is_fresh(target: Path, source: Path) -> bool:
    try:
        return target.stat().st_mtime >= source.stat().st_mtime
    except OSError:
        return False


def compiled_translation(language: str, settings_dir: Path) -> Path | None:
    """Path of an up-to-date ``.qm`` for ``language``, compiling it if needed; None on failure."""
    source = translation_source(language)
    if not source.exists():
        log.warning("No translation source for %r at %s", language, source)
        return None
    # An installer may ship a precompiled .qm beside the .ts (no lrelease in a bundle).
    shipped = source.with_suffix(".qm")
    if _is_fresh(shipped, source):
        return shipped
    target = settings_dir / "translations" / f"vipdesk_{language}.qm"
    if _is_fresh(target, source):
        return target
    tool = _lrelease()
    if tool is None:
        log.warning("pyside6-lrelease not found; the interface stays in English")
        return None
    partial = target.with_suffix(".qm.partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            [str(tool), "-silent", str(source), "-qm", str(partial)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        if done.returncode != 0 or not partial.exists():
            log.warning("Compiling %s failed: %s", source.name, (done.stderr or "").strip())
            return None
        # Atomic replace: a second instance starting at the same time never reads half a file.
        partial.replace(target)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("Compiling %s failed: %s", source.name, exc)
        return None
    return target


def apply_language(language: str, settings_dir: Path) -> str:
    """Install ``language`` (live: every widget receives a LanguageChange event).

    Returns the language actually in effect: English when the translation is unavailable.
    English has a (plural-forms only) translation too, so that "%Ln case(s)" reads "1 case" /
    "120 cases"; without it English still works, with the "(s)" of the source.
    """
    global _current
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("apply_language needs a QApplication")
    wanted = normalise_language(language) or DEFAULT_LANGUAGE
    new: list[QTranslator] = []
    compiled = compiled_translation(wanted, settings_dir)
    ours = QTranslator(app)
    if compiled is not None and ours.load(str(compiled)):
        new.append(ours)
        # Qt's own strings (message box buttons, context menus of line edits).
        qt_own = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if wanted != ENGLISH and qt_own.load(f"qtbase_{wanted}", qt_dir):
            new.append(qt_own)
    elif wanted != ENGLISH:
        if compiled is not None:
            log.warning("Translation %s could not be loaded", compiled)
        wanted = ENGLISH
    remove_translations()
    for translator in new:
        QCoreApplication.installTranslator(translator)
        _installed.append(translator)
    _current = wanted
    QLocale.setDefault(QLocale(_LOCALES[wanted]))
    return wanted


def remove_translations() -> None:
    """Back to the English source strings (also used by tests between cases)."""
    global _current
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())
    _current = ENGLISH
