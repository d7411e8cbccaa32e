from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vipdesk.core.errors import ValidationError
from vipdesk.core.text import clean_text, normalize_for_search


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  José  GÓMEZ ", "jose gomez"),
        ("Ñandú", "nandu"),
        ("Straße", "strasse"),
        ("ÁÉÍÓÚ üñ", "aeiou un"),
        ("Ｆｕｌｌ\u00a0width", "full width"),
        ("a\tb\nc", "a b c"),
        ("", ""),
    ],
)
def test_normalize_for_search(text: str, expected: str) -> None:
    assert normalize_for_search(text) == expected


@given(st.text())
def test_normalize_for_search_is_idempotent(text: str) -> None:
    once = normalize_for_search(text)
    assert normalize_for_search(once) == once
    assert once == once.strip()
    assert "  " not in once


def test_clean_text_strips_and_accepts_rich_text() -> None:
    assert clean_text("  hello  ", "notes", max_length=10) == "hello"
    rich = ("😀👨‍👩‍👧", "Ñandú à la carte", "<b>bold</b> & <script>", "مرحبا بالعالم", "a\tb")
    for value in rich:
        assert clean_text(value, "notes", max_length=100) == value


def test_clean_text_required_and_optional() -> None:
    with pytest.raises(ValidationError) as caught:
        clean_text("   ", "name", max_length=10)
    assert caught.value.message == "This field is required"
    assert caught.value.problems[0].field == "name"
    assert clean_text("  ", "name", max_length=10, required=False) == ""
    assert clean_text(None, "name", max_length=10, required=False) == ""  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="This field is required"):
        clean_text(None, "name", max_length=10)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        clean_text(42, "name", max_length=10)  # type: ignore[arg-type]


def test_clean_text_length() -> None:
    assert clean_text("x" * 10, "name", max_length=10) == "x" * 10
    with pytest.raises(ValidationError) as caught:
        clean_text("x" * 11, "name", max_length=10)
    assert caught.value.message == "At most 10 characters"
    with pytest.raises(ValidationError):
        clean_text("x" * 100_000, "name", max_length=200)


def test_clean_text_line_breaks() -> None:
    assert clean_text("one\ntwo", "notes", max_length=50, multiline=True) == "one\ntwo"
    assert clean_text("one\r\ntwo\rthree", "notes", max_length=50, multiline=True) == (
        "one\ntwo\nthree"
    )
    with pytest.raises(ValidationError, match="Line breaks are not allowed here"):
        clean_text("one\ntwo", "name", max_length=50)
    with pytest.raises(ValidationError, match="control characters"):
        clean_text("one\rtwo", "name", max_length=50)


@pytest.mark.parametrize("bad", ["a\x00b", "\x07bell", "esc\x1b[31m", "del\x7f", "nel\x85inside"])
@pytest.mark.parametrize("multiline", [False, True])
def test_clean_text_rejects_control_characters(bad: str, multiline: bool) -> None:
    with pytest.raises(ValidationError, match="control characters"):
        clean_text(bad, "notes", max_length=50, multiline=multiline)


def test_clean_text_rejects_lone_surrogates() -> None:
    with pytest.raises(ValidationError, match="invalid characters"):
        clean_text("a\ud800b", "notes", max_length=50)


@given(st.text(), st.booleans(), st.booleans())
def test_clean_text_only_raises_validation_error(
    text: str, required: bool, multiline: bool
) -> None:
    try:
        result = clean_text(text, "f", max_length=20, required=required, multiline=multiline)
    except ValidationError:
        return
    assert len(result) <= 20
    assert result == result.strip()
    assert "\x00" not in result
    result.encode("utf-8")
    assert clean_text(result, "f", max_length=20, required=required, multiline=multiline) == result
