"""Small checks shared by forms, and ``collect`` to report every invalid field at once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from vipdesk.core.errors import QT_TRANSLATE_NOOP, Problem, ValidationError


def check_date_in_range(value: date, field: str, *, earliest: date, latest: date) -> date:
    """``value`` if ``earliest <= value <= latest``; dates in the message are ISO (YYYY-MM-DD)."""
    if earliest > latest:
        raise ValueError(f"empty range: {earliest} > {latest}")
    # A datetime is a date too, but comparing one with a date raises TypeError.
    if not isinstance(value, date) or isinstance(value, datetime):
        raise ValidationError.single(field, QT_TRANSLATE_NOOP("errors", "Enter a date"))
    if not earliest <= value <= latest:
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP("errors", "The date must be between {earliest} and {latest}"),
            earliest=earliest.isoformat(),
            latest=latest.isoformat(),
        )
    return value


def check_int_range(value: int, field: str, *, minimum: int, maximum: int) -> int:
    """``value`` if it is a whole number with ``minimum <= value <= maximum``."""
    if minimum > maximum:
        raise ValueError(f"empty range: {minimum} > {maximum}")
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError.single(field, QT_TRANSLATE_NOOP("errors", "Enter a whole number"))
    if not minimum <= value <= maximum:
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP("errors", "The value must be between {minimum} and {maximum}"),
            minimum=minimum,
            maximum=maximum,
        )
    return value


def collect(*checks: Callable[[], object]) -> None:
    """Run every check; if any raised ``ValidationError``, raise one with all their problems.

    Each check is a zero-argument callable (typically a lambda around one of the checks above);
    any other exception is a bug and propagates at once.
    """
    problems: list[Problem] = []
    for check in checks:
        try:
            check()
        except ValidationError as error:
            problems.extend(error.problems)
    if problems:
        raise ValidationError(problems)
