"""Every interface string has a finished Spanish translation, and compiling it is robust."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import vipdesk
from vipdesk.ui import i18n
from vipdesk.ui.resources import translation_source

PACKAGE = Path(vipdesk.__file__).resolve().parent
Message = tuple[str, str]  # (context, source)


def _lupdate() -> str:
    beside = Path(sys.executable).parent / "pyside6-lupdate"
    found = str(beside) if beside.exists() else shutil.which("pyside6-lupdate")
    if found is None:
        pytest.skip("pyside6-lupdate is not installed")
    return found


def _messages(ts: Path) -> dict[Message, ET.Element]:
    messages: dict[Message, ET.Element] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            messages[(name, message.findtext("source", ""))] = message
    return messages


def _is_finished(message: ET.Element) -> bool:
    translation = message.find("translation")
    if translation is None or translation.get("type") in {"unfinished", "vanished", "obsolete"}:
        return False
    if message.get("numerus") == "yes":
        forms = [form.text or "" for form in translation.iter("numerusform")]
        return bool(forms) and all(form.strip() for form in forms)
    return bool((translation.text or "").strip())


def test_every_source_string_has_a_finished_spanish_translation(tmp_path: Path) -> None:
    extracted = tmp_path / "extracted_es.ts"
    subprocess.run(
        [_lupdate(), "-silent", "-extensions", "py", "-target-language", "es", str(PACKAGE),
         "-ts", str(extracted)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    fresh = _messages(extracted)
    assert len(fresh) > 100, "lupdate found suspiciously few strings"
    # The markers in core and services are extracted too (errors shown to the user).
    assert ("errors", "Unknown user: {username}") in fresh

    shipped = _messages(translation_source("es"))
    missing = sorted(key for key in fresh if key not in shipped)
    unfinished = sorted(key for key in fresh if key in shipped and not _is_finished(shipped[key]))
    assert missing == [], f"run lupdate and translate: {missing}"
    assert unfinished == [], f"translate: {unfinished}"


def test_english_has_its_plural_forms(tmp_path: Path) -> None:
    extracted = tmp_path / "extracted_en.ts"
    subprocess.run(
        [_lupdate(), "-silent", "-extensions", "py", "-pluralonly", "-target-language", "en",
         str(PACKAGE), "-ts", str(extracted)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    fresh = _messages(extracted)
    assert ("MainWindow", "%Ln case(s)") in fresh
    shipped = _messages(translation_source("en"))
    assert [k for k in fresh if k not in shipped or not _is_finished(shipped[k])] == []


@pytest.mark.parametrize("language", ["es", "en"])
def test_placeholders_survive_translation(language: str) -> None:
    for (context, source), message in _messages(translation_source(language)).items():
        translation = message.find("translation")
        assert translation is not None
        texts = [translation.text or ""] + [f.text or "" for f in translation.iter("numerusform")]
        for field in _fields(source):
            assert all(field in text for text in texts if text.strip()), (context, source)


def _fields(text: str) -> set[str]:
    import re

    return set(re.findall(r"\{[a-z_]+\}|%L?n", text))


def test_translation_compiles_into_the_settings_folder(tmp_path: Path) -> None:
    compiled = i18n.compiled_translation("es", tmp_path)
    assert compiled is not None
    assert compiled.parent == tmp_path / "translations"
    assert compiled.stat().st_size > 1000
    # Up to date: the second start does not compile again.
    mtime = compiled.stat().st_mtime_ns
    assert i18n.compiled_translation("es", tmp_path) == compiled
    assert compiled.stat().st_mtime_ns == mtime


def test_without_lrelease_the_interface_falls_back_to_english(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(i18n, "_lrelease", lambda: None)
    assert i18n.apply_language("es", tmp_path / "empty-settings") == "en"
    assert i18n.current_language() == "en"
    assert "lrelease" in caplog.text
