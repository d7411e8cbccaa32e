"""Numbers, money and dates as the user reads them, in the current interface language."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QDate

from vipdesk.core.money import Money, format_money
from vipdesk.ui import i18n

# Day, abbreviated month, year: unambiguous to readers used to either 25/11 or 11/25.
_DATE_FORMAT = "d MMM yyyy"


def today() -> date:
    # The user's calendar day, in the machine's local time zone (as the services compute it).
    return datetime.now(UTC).astimezone().date()


def money_text(amount: Decimal, currency: str) -> str:
    try:
        return format_money(Money(amount, currency), i18n.babel_locale())
    except ValueError:
        # An unsupported currency code from newer data: still show the figure.
        return f"{currency} {amount:,.2f}"


def date_text(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone().date()
    return i18n.qlocale().toString(QDate(value.year, value.month, value.day), _DATE_FORMAT)


def datetime_text(value: datetime | None) -> str:
    if value is None:
        return ""
    local = value.astimezone()
    return f"{date_text(local)} {local:%H:%M}"


def decimal_text(value: Decimal, places: int = 1) -> str:
    quantum = Decimal(1).scaleb(-places)
    return f"{value.quantize(quantum):,}"


def integer_text(value: int) -> str:
    return f"{value:,}"


def percent_of_fraction(fraction: Decimal | str) -> str:
    """A stored fraction (0.18, "0.18") as the percentage a form shows and edits ("18");
    text that is not a number comes back as it is."""
    try:
        value = Decimal(fraction) * 100
    except InvalidOperation:
        return str(fraction)
    return format(value.normalize(), "f")


def fraction_of_percent(percent: str) -> str:
    """A percentage as typed ("40", "12.5 %") as the fraction text the services take ("0.4").
    What is not a number goes through as typed, for the service to refuse with its message."""
    cleaned = percent.strip().removesuffix("%").strip()
    try:
        value = Decimal(cleaned) / 100
    except InvalidOperation:
        return percent
    return format(value.normalize(), "f") if value.is_finite() else percent
