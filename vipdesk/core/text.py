"""Free text typed by users: cleaning on entry and a folded form for searching.

Emoji, accents, markup such as ``<b>`` and right-to-left text are accepted as they are: they are
just text, and escaping is the job of whatever outputs it (Qt widgets, PDF letters). What is
refused is what cannot be shown or stored reliably: control characters (NUL above all, which
PostgreSQL rejects in text) and lone surrogates (which cannot be encoded as UTF-8).
"""

from __future__ import annotations

import unicodedata

from vipdesk.core.errors import QT_TRANSLATE_NOOP, ValidationError


def normalize_for_search(text: str) -> str:
    """Fold case and accents and collapse whitespace: "  José  GÓMEZ " -> "jose gomez"."""
    # Decompose again after casefold: folding can produce new decomposable characters.
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    bare = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(bare.split())


def clean_text(
    value: str,
    field: str,
    *,
    max_length: int,
    required: bool = True,
    multiline: bool = False,
) -> str:
    """Strip ``value`` and check it; raise ``ValidationError`` if it cannot be accepted.

    In multiline text, Windows and old Mac line ends (CRLF, CR) become LF, since pasted text
    often carries them; tabs are allowed everywhere, line breaks only in multiline text.
    The length limit counts characters (code points) after stripping.
    """
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError.single(field, QT_TRANSLATE_NOOP("errors", "This value is not text"))
    if multiline:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    text = value.strip()
    if not text:
        if required:
            raise ValidationError.single(
                field, QT_TRANSLATE_NOOP("errors", "This field is required")
            )
        return ""
    if len(text) > max_length:
        raise ValidationError.single(
            field, QT_TRANSLATE_NOOP("errors", "At most {maximum} characters"), maximum=max_length
        )
    for char in text:
        if char == "\t" or (char == "\n" and multiline):
            continue
        if char == "\n":
            raise ValidationError.single(
                field, QT_TRANSLATE_NOOP("errors", "Line breaks are not allowed here")
            )
        category = unicodedata.category(char)
        if category == "Cc":
            raise ValidationError.single(
                field,
                QT_TRANSLATE_NOOP("errors", "The text contains control characters (U+{code})"),
                code=f"{ord(char):04X}",
            )
        if category == "Cs":
            raise ValidationError.single(
                field, QT_TRANSLATE_NOOP("errors", "The text contains invalid characters")
            )
    return text
