"""Checks of every value a letter would print: text the font can draw and that fits, amounts
that can be written in words, dates in a sensible range.

These find what would print wrongly (an empty box for an emoji, Hebrew backwards, a name of ten
thousand characters in a signature block, an amount too large for words); the rules of each
kind (what is required, what must add up) are in documents/requirements.py.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO

from reportlab.lib.utils import ImageReader

from vipdesk.core.amount_words import WORDS_LIMIT
from vipdesk.core.errors import QT_TRANSLATE_NOOP, Problem
from vipdesk.documents.fields import item_key, spec
from vipdesk.documents.fonts import unprintable
from vipdesk.documents.snapshot import LetterData, Letterhead
from vipdesk.documents.wording import printable_text

EARLIEST = date(1900, 1, 1)
LATEST = date(2199, 12, 31)
# A letter is issued now: a date of issue far from today is a mistake in the data.
ISSUED_EARLIEST = date(2000, 1, 1)
ISSUED_LATEST = date(2099, 12, 31)
MAX_RATE = Decimal(10)  # 1,000 % a year, as core.schedule
MAX_COUNT = 36_500
MAX_LOGO_BYTES = 5 * 1024 * 1024

# Fields holding codes, checked against their lists (documents/requirements.py) and not
# printed as they are.
CODE_KEYS = frozenset(
    {"kind", "currency", "debtor.role", "parties.role", "terms.frequency", "letterhead.country"}
)
# Fractions (rates, shares) rather than amounts.
RATE_KEYS = frozenset({"terms.annual_rate", "terms.late_rate", "breakdown.discount_pct"})

TOO_LONG = QT_TRANSLATE_NOOP(
    "errors", "{label} is too long for a letter: at most {maximum} characters"
)
CANNOT_PRINT = QT_TRANSLATE_NOOP(
    "errors", "{label} contains characters the letter cannot print: {chars}"
)
RIGHT_TO_LEFT = QT_TRANSLATE_NOOP(
    "errors",
    "{label} contains right-to-left text, which the letter cannot print in the right order: "
    "{chars}",
)
LINE_BREAK = QT_TRANSLATE_NOOP("errors", "{label} cannot contain line breaks")
NEGATIVE = QT_TRANSLATE_NOOP("errors", "{label} cannot be negative")
TOO_LARGE = QT_TRANSLATE_NOOP("errors", "{label} is too large to write in a letter")
OUT_OF_RANGE = QT_TRANSLATE_NOOP("errors", "{label} must be between {earliest} and {latest}")
BAD_LOGO = QT_TRANSLATE_NOOP("errors", "The company's logo is not a PNG or JPEG image")
LOGO_TOO_LARGE = QT_TRANSLATE_NOOP("errors", "The company's logo is too large (at most 5 MB)")


def walk(record: object, prefix: str) -> Iterator[tuple[str, object]]:
    """Every leaf value of a dataclass, by path ("parties[1].name"), lists entered."""
    for f in dataclasses.fields(record):  # type: ignore[arg-type]
        value = getattr(record, f.name)
        path = f"{prefix}{f.name}"
        if dataclasses.is_dataclass(value):
            yield from walk(value, f"{path}.")
        elif isinstance(value, tuple):
            for i, item in enumerate(value):
                if dataclasses.is_dataclass(item):
                    yield from walk(item, f"{path}[{i}].")
                else:
                    yield f"{path}[{i}]", item
        else:
            yield path, value


def value_problems(data: LetterData, letterhead: Letterhead) -> list[Problem]:
    """What in ``data`` and ``letterhead`` cannot be printed as it is."""
    problems: list[Problem] = []
    for path, value in [*walk(letterhead, "letterhead."), *walk(data, "")]:
        key = item_key(path)
        if key in CODE_KEYS or key == "letterhead.logo":
            continue
        problem = _check(path, key, value)
        if problem is not None:
            problems.append(problem)
    if letterhead.logo is not None:
        problems.extend(_logo_problems(letterhead.logo))
    return problems


def _check(path: str, key: str, value: object) -> Problem | None:
    if isinstance(value, str):
        return _text_problem(path, key, value)
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, Decimal):
        return _amount_problem(path, key, value)
    if isinstance(value, int):
        if not 0 <= value <= MAX_COUNT:
            return Problem(path, OUT_OF_RANGE, _range(key, 0, MAX_COUNT))
        return None
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise TypeError(f"{path} must be a timezone-aware datetime")
        return _date_problem(path, key, value.date())
    if isinstance(value, date):
        return _date_problem(path, key, value)
    # A float or anything else is a bug in the caller, not something to tell the user.
    raise TypeError(f"{path}: unexpected {type(value).__name__} in letter data")


def _text_problem(path: str, key: str, value: str) -> Problem | None:
    field = spec(key)
    text = printable_text(value).strip()
    if len(text) > field.max_length:
        return Problem(path, TOO_LONG, {"label": field.label, "maximum": field.max_length})
    if not field.multiline and "\n" in text:
        return Problem(path, LINE_BREAK, {"label": field.label})
    missing, rtl = unprintable(text)
    if rtl:
        return Problem(path, RIGHT_TO_LEFT, {"label": field.label, "chars": "".join(rtl[:8])})
    if missing:
        return Problem(path, CANNOT_PRINT, {"label": field.label, "chars": " ".join(missing[:8])})
    return None


def _amount_problem(path: str, key: str, value: Decimal) -> Problem | None:
    label = spec(key).label
    if not value.is_finite():
        raise TypeError(f"{path} must be a finite Decimal, got {value}")
    if value < 0:
        return Problem(path, NEGATIVE, {"label": label})
    limit = MAX_RATE if key in RATE_KEYS else WORDS_LIMIT
    if value >= limit:
        return Problem(path, TOO_LARGE, {"label": label})
    return None


def _date_problem(path: str, key: str, value: date) -> Problem | None:
    earliest, latest = (
        (ISSUED_EARLIEST, ISSUED_LATEST) if key == "issued_on" else (EARLIEST, LATEST)
    )
    if not earliest <= value <= latest:
        return Problem(path, OUT_OF_RANGE, _range(key, earliest.isoformat(), latest.isoformat()))
    return None


def _range(key: str, earliest: object, latest: object) -> dict[str, object]:
    return {"label": spec(key).label, "earliest": earliest, "latest": latest}


def _logo_problems(logo: bytes) -> list[Problem]:
    if len(logo) > MAX_LOGO_BYTES:
        return [Problem("letterhead.logo", LOGO_TOO_LARGE)]
    if not (logo.startswith(b"\x89PNG\r\n\x1a\n") or logo.startswith(b"\xff\xd8\xff")):
        return [Problem("letterhead.logo", BAD_LOGO)]
    try:
        image = ImageReader(BytesIO(logo))
        width, height = image.getSize()
        image.getRGBData()  # decode it all: a truncated file fails here, not while drawing
    except Exception:  # whatever the decoder raises, the image cannot be printed
        return [Problem("letterhead.logo", BAD_LOGO)]
    if width < 1 or height < 1:
        return [Problem("letterhead.logo", BAD_LOGO)]
    return []
