"""Business-hours SLA clocks: how long an item has waited, when it is due, what is overdue.

Business hours are the opening hours of each working day (not a holiday) in the calendar's time
zone. Hours are real elapsed time: instants are compared in UTC, never by subtracting two local
wall-clock times (Python subtracts datetimes that share a tzinfo by wall clock, which is off by
an hour across a daylight-saving change). Spans are walked day by day, so months or years cost
a few hundred steps, not one per hour.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import TypeVar
from zoneinfo import ZoneInfo

T = TypeVar("T")

MONDAY_TO_FRIDAY: frozenset[int] = frozenset(range(5))  # date.weekday(): Monday 0 ... Sunday 6
DEFAULT_TIME_ZONE = "America/Guatemala"

_ONE_DAY = timedelta(days=1)
_MICROSECOND = timedelta(microseconds=1)
_MICROSECONDS_PER_HOUR = 3_600_000_000
_HUNDREDTH = Decimal("0.01")


def _guatemala() -> ZoneInfo:
    return ZoneInfo(DEFAULT_TIME_ZONE)


@dataclass(frozen=True)
class BusinessCalendar:
    """Working days (``date.weekday()`` numbers), daily opening hours ``start``-``end`` in local
    time, local holiday dates and the time zone they are all read in."""

    workdays: frozenset[int] = MONDAY_TO_FRIDAY
    start: time = time(8)
    end: time = time(17)
    holidays: frozenset[date] = frozenset()
    # A factory, so that importing the module reads no time zone data.
    tz: ZoneInfo = field(default_factory=_guatemala)

    def __post_init__(self) -> None:
        object.__setattr__(self, "workdays", frozenset(self.workdays))
        object.__setattr__(self, "holidays", frozenset(self.holidays))
        if not self.workdays or not self.workdays <= frozenset(range(7)):
            raise ValueError(f"workdays must be weekday numbers 0-6, got {set(self.workdays)}")
        if not isinstance(self.start, time) or not isinstance(self.end, time):
            raise TypeError("start and end must be times of day")
        if self.start.tzinfo is not None or self.end.tzinfo is not None:
            raise ValueError("start and end are local times: give the time zone as tz")
        if not self.start < self.end:
            raise ValueError(f"start {self.start} must be before end {self.end}")
        if any(not isinstance(d, date) or isinstance(d, datetime) for d in self.holidays):
            raise TypeError("holidays must be dates")
        if not isinstance(self.tz, ZoneInfo):
            raise TypeError(f"tz must be a ZoneInfo, got {type(self.tz).__name__}")

    def opening(self, day: date) -> tuple[datetime, datetime] | None:
        """The business hours of a local date as UTC instants, or None if it is not a workday."""
        if day.weekday() not in self.workdays or day in self.holidays:
            return None
        opens = datetime.combine(day, self.start, tzinfo=self.tz).astimezone(UTC)
        closes = datetime.combine(day, self.end, tzinfo=self.tz).astimezone(UTC)
        return (opens, closes) if opens < closes else None


def _utc(moment: datetime, what: str) -> datetime:
    if not isinstance(moment, datetime):
        raise TypeError(f"{what} must be a datetime, got {type(moment).__name__}")
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware, got {moment.isoformat()}")
    return moment.astimezone(UTC)


def _hours(microseconds: int) -> Decimal:
    hours = (Decimal(microseconds) / _MICROSECONDS_PER_HOUR).quantize(_HUNDREDTH, ROUND_HALF_UP)
    return abs(hours) if hours.is_zero() else hours  # never "-0.00"


def _business_microseconds(start: datetime, end: datetime, calendar: BusinessCalendar) -> int:
    """Business time between two UTC instants, exactly; 0 if ``end`` is not after ``start``."""
    if end <= start:
        return 0
    total = 0
    day, last = start.astimezone(calendar.tz).date(), end.astimezone(calendar.tz).date()
    while day <= last:
        hours = calendar.opening(day)
        if hours is not None:
            lo, hi = max(hours[0], start), min(hours[1], end)
            if hi > lo:
                total += (hi - lo) // _MICROSECOND
        day += _ONE_DAY
    return total


def business_hours_between(start: datetime, end: datetime, calendar: BusinessCalendar) -> Decimal:
    """Business hours from ``start`` to ``end`` (aware datetimes), rounded half-up to 2 decimals.

    Time outside business hours does not count, so a span that starts on a Saturday counts from
    Monday's opening. An ``end`` before ``start`` gives 0. Naive datetimes raise ``ValueError``.
    """
    return _hours(_business_microseconds(_utc(start, "start"), _utc(end, "end"), calendar))


def _duration(hours: object) -> int:
    """``hours`` as whole microseconds (rounded half-up below the microsecond)."""
    if isinstance(hours, float):
        raise TypeError("hours must be a Decimal, not a float")
    if isinstance(hours, bool) or not isinstance(hours, Decimal | int):
        raise TypeError(f"hours must be a Decimal, got {type(hours).__name__}")
    number = Decimal(hours)
    if not number.is_finite() or number < 0:
        raise ValueError(f"hours must be a finite number >= 0, got {hours}")
    return int((number * _MICROSECONDS_PER_HOUR).to_integral_value(ROUND_HALF_UP))


def due_at(start: datetime, hours: Decimal | int, calendar: BusinessCalendar) -> datetime:
    """The first moment at which ``hours`` business hours have passed since ``start``.

    In the calendar's time zone. Work that ends exactly at closing time is due at closing (Friday
    17:00), not at the next opening; zero hours are due at ``start`` itself.
    """
    moment = _utc(start, "start")
    remaining = _duration(hours)
    if remaining == 0:
        return moment.astimezone(calendar.tz)
    day = moment.astimezone(calendar.tz).date()
    try:
        while True:
            opening = calendar.opening(day)
            if opening is not None and opening[1] > moment:
                lo = max(opening[0], moment)
                available = (opening[1] - lo) // _MICROSECOND
                if remaining <= available:
                    return (lo + remaining * _MICROSECOND).astimezone(calendar.tz)
                remaining -= available
            day += _ONE_DAY
    except OverflowError:
        raise ValueError(f"{hours} business hours after {start} is beyond the calendar") from None


@dataclass(frozen=True)
class SlaState:
    """Where one SLA clock stands at ``now``. ``remaining_hours`` is negative once the item has
    waited more business hours than allowed; ``overdue`` is true as soon as ``now`` is past
    ``due_at``, even outside business hours (then ``remaining_hours`` may still be 0)."""

    waited_hours: Decimal
    due_at: datetime
    overdue: bool
    remaining_hours: Decimal


def sla_state(
    submitted_at: datetime, now: datetime, sla_hours: Decimal | int, calendar: BusinessCalendar
) -> SlaState:
    allowed = _duration(sla_hours)
    start, current = _utc(submitted_at, "submitted_at"), _utc(now, "now")
    waited = _business_microseconds(start, current, calendar)
    due = due_at(submitted_at, sla_hours, calendar)
    return SlaState(
        waited_hours=_hours(waited),
        due_at=due,
        overdue=current > due,
        remaining_hours=_hours(allowed - waited),
    )


def order_queue(items: Iterable[T], key: Callable[[T], SlaState]) -> list[T]:
    """Overdue items first, most overdue first; then the rest by least time remaining.

    Ties go to the earlier due moment, then keep their order (the sort is stable).
    """

    def rank(item: T) -> tuple[bool, Decimal, datetime]:
        state = key(item)
        return (not state.overdue, state.remaining_hours, state.due_at)

    return sorted(items, key=rank)
