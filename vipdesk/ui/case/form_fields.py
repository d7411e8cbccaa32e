"""Inputs shared by the case forms, and turning what was typed into checked values.

Inputs are deliberately permissive (a date edit reaching 1900 and 2200, a duration typed as
text): a value out of range must reach the check and come back as a clear message next to the
field, never be clamped silently into something the user did not type.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QComboBox, QDateEdit, QDateTimeEdit, QLineEdit, QWidget

from vipdesk.core.errors import QT_TRANSLATE_NOOP, ValidationError
from vipdesk.core.validation import check_int_range

# The widest dates the edits accept: far outside every range the services allow, so typing
# "1900" or "2200" is possible and gets the services' "between ... and ..." message.
EARLIEST = QDate(1900, 1, 1)
LATEST = QDate(2200, 12, 31)
# The "no date" value of an optional date edit: below EARLIEST, shown as special text.
_NO_DATE = QDate(1899, 12, 31)
DATE_FORMAT = "dd/MM/yyyy"


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class DateField(QDateEdit):
    """A day, typed as dd/mm/yyyy or picked from the calendar."""

    def __init__(self, value: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(DATE_FORMAT)
        self.setDateRange(EARLIEST, LATEST)
        self.setDate(to_qdate(value))

    def value(self) -> date:
        return to_date(self.date())

    def set_value(self, value: date) -> None:
        self.setDate(to_qdate(value))


class OptionalDateField(QDateEdit):
    """A day that may be left empty: its lowest value stands for "no date"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(DATE_FORMAT)
        self.setDateRange(_NO_DATE, LATEST)
        self.setDate(_NO_DATE)

    def set_empty_text(self, text: str) -> None:
        self.setSpecialValueText(text)

    def value(self) -> date | None:
        chosen = self.date()
        return None if chosen == _NO_DATE else to_date(chosen)

    def set_value(self, value: date | None) -> None:
        self.setDate(_NO_DATE if value is None else to_qdate(value))


class DateTimeField(QDateTimeEdit):
    """A moment in the machine's local time (when a contact happened)."""

    def __init__(self, value: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(f"{DATE_FORMAT} HH:mm")
        self.setDateTimeRange(QDateTime(EARLIEST, QTime(0, 0)), QDateTime(LATEST, QTime(23, 59)))
        self.set_value(value)

    def value(self) -> datetime:
        """Timezone-aware, as the services require."""
        moment = self.dateTime()
        day, time = moment.date(), moment.time()
        # The edit shows the machine's local time; astimezone() attaches its zone.
        naive = datetime(day.year(), day.month(), day.day(), time.hour(), time.minute())  # noqa: DTZ001
        return naive.astimezone()

    def set_value(self, value: datetime) -> None:
        local = value.astimezone() if value.tzinfo else value
        self.setDateTime(QDateTime(to_qdate(local.date()), QTime(local.hour, local.minute)))


class AmountEdit(QLineEdit):
    """An amount typed as text ("1,250.00"), right-aligned like amounts everywhere."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setMaxLength(40)  # far beyond any amount; a pasted essay is cut, not stored


def parse_minutes(text: str, field: str, maximum: int) -> int:
    """The whole number of minutes typed (empty is 0), or a ValidationError for ``field``."""
    typed = text.strip().replace(",", "")
    if not typed:
        return 0
    try:
        value = int(typed)
    except ValueError:
        raise ValidationError.single(
            field, QT_TRANSLATE_NOOP("errors", "Enter a whole number")
        ) from None
    return check_int_range(value, field, minimum=0, maximum=maximum)


def choice(combo: QComboBox) -> str:
    """The code of the chosen item ("" when nothing is chosen yet)."""
    data = combo.currentData()
    return str(data) if combo.currentIndex() >= 0 and data is not None else ""


def require_choice(value: str, field: str) -> str:
    if not value:
        raise ValidationError.single(
            field, QT_TRANSLATE_NOOP("errors", "Choose a value from the list")
        )
    return value


def amount_limit(value: Decimal, field: str, maximum: Decimal, maximum_text: str) -> Decimal:
    """The same ceiling the services apply (the balance owed), checked before saving."""
    if value > maximum:
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP("errors", "The amount cannot exceed the balance owed, {maximum}"),
            maximum=maximum_text,
        )
    return value
