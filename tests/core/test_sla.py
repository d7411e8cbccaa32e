from __future__ import annotations

import time as clock
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vipdesk.core.sla import (
    BusinessCalendar,
    SlaState,
    business_hours_between,
    due_at,
    order_queue,
    sla_state,
)

GT = ZoneInfo("America/Guatemala")
NY = ZoneInfo("America/New_York")
MX = ZoneInfo("America/Mexico_City")
CAL = BusinessCalendar()  # Monday-Friday 08:00-17:00, America/Guatemala: 9-hour days


def gt(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=GT)


# 2026-11-20 is a Friday.
FRIDAY_16 = gt(2026, 11, 20, 16)


def test_defaults() -> None:
    assert CAL.workdays == frozenset({0, 1, 2, 3, 4})
    assert (CAL.start, CAL.end) == (time(8), time(17))
    assert CAL.tz == GT
    assert FRIDAY_16.weekday() == 4


@pytest.mark.parametrize(
    ("start", "hours", "expected"),
    [
        # Fri 16-17 gives 1 (23 left); Sat, Sun closed; Mon 9 (14 left); Tue 9 (5 left);
        # Wed 08:00 + 5 = 13:00.
        (FRIDAY_16, Decimal(24), gt(2026, 11, 25, 13)),
        # Exactly used up at closing: due at Friday 17:00, not at Monday's opening.
        (FRIDAY_16, Decimal(1), gt(2026, 11, 20, 17)),
        # Fri 16-17 gives 1; the remaining 0.5 is Monday 08:00-08:30.
        (FRIDAY_16, Decimal("1.5"), gt(2026, 11, 23, 8, 30)),
        # Fri 16-17 gives 1, then four full days Mon-Thu (36, 37 in all): Fri 08:00 + 8 = 16:00.
        (FRIDAY_16, Decimal(45), gt(2026, 11, 27, 16)),
        # Saturday: the clock starts at Monday's opening, 08:00 + 2 = 10:00.
        (gt(2026, 11, 21, 10), Decimal(2), gt(2026, 11, 23, 10)),
        # Before opening: Monday 06:00 counts from 08:00, a full day ends at 17:00.
        (gt(2026, 11, 23, 6), Decimal(9), gt(2026, 11, 23, 17)),
        # After closing: Monday 18:00 counts from Tuesday 08:00; a quarter hour is 08:15.
        (gt(2026, 11, 23, 18), Decimal("0.25"), gt(2026, 11, 24, 8, 15)),
        # One hundredth of an hour is 36 seconds.
        (gt(2026, 11, 23, 9), Decimal("0.01"), gt(2026, 11, 23, 9, 0, 36)),
        # Zero hours: due at once, even outside business hours.
        (gt(2026, 11, 21, 10), Decimal(0), gt(2026, 11, 21, 10)),
        # The same Friday 16:00 given in UTC (Guatemala is UTC-6 all year).
        (datetime(2026, 11, 20, 22, tzinfo=UTC), 24, gt(2026, 11, 25, 13)),
    ],
)
def test_due_at_hand_computed(start: datetime, hours: Decimal, expected: datetime) -> None:
    result = due_at(start, hours, CAL)
    assert result == expected
    assert result.tzinfo == GT


def test_holidays_are_skipped() -> None:
    # 24 and 25 December 2026 are Thursday and Friday. From Wednesday 23 at 16:00: Wed 16-17
    # gives 1 (9 left); Thu, Fri holidays; Sat, Sun closed; Mon 28 08:00 + 9 = 17:00.
    christmas = BusinessCalendar(holidays=frozenset({date(2026, 12, 24), date(2026, 12, 25)}))
    start = gt(2026, 12, 23, 16)
    assert due_at(start, 10, christmas) == gt(2026, 12, 28, 17)
    assert due_at(start, 10, CAL) == gt(2026, 12, 24, 17)  # Wed 1 + Thu 9
    assert business_hours_between(start, gt(2026, 12, 28, 12), christmas) == Decimal("5.00")
    # Wed 1 + Thu 9 + Fri 9 + Mon 08-12 4 = 23 without the holidays.
    assert business_hours_between(start, gt(2026, 12, 28, 12), CAL) == Decimal("23.00")


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (FRIDAY_16, gt(2026, 11, 25, 13), "24.00"),
        (gt(2026, 11, 23, 10, 15), gt(2026, 11, 23, 11), "0.75"),
        (gt(2026, 11, 23, 7), gt(2026, 11, 23, 7, 59), "0.00"),  # before opening
        (gt(2026, 11, 21, 9), gt(2026, 11, 22, 16), "0.00"),  # a weekend
        (gt(2026, 11, 20, 17), gt(2026, 11, 23, 8), "0.00"),  # closing to next opening
        (gt(2026, 11, 23, 6), gt(2026, 11, 23, 20), "9.00"),  # a whole day
        (gt(2026, 11, 23, 12), gt(2026, 11, 30, 12), "45.00"),  # a week: 5 x 9
        (gt(2026, 11, 23, 9), gt(2026, 11, 23, 9, 1), "0.02"),  # 1/60 h rounds half-up
        (gt(2026, 11, 23, 9), gt(2026, 11, 23, 9, 0, 18), "0.01"),  # exactly 0.005 h
        (gt(2026, 11, 23, 9), gt(2026, 11, 23, 9, 0, 17), "0.00"),
        (gt(2026, 11, 25, 13), FRIDAY_16, "0.00"),  # end before start
        (FRIDAY_16, FRIDAY_16, "0.00"),
    ],
)
def test_business_hours_between_hand_computed(
    start: datetime, end: datetime, expected: str
) -> None:
    assert business_hours_between(start, end, CAL) == Decimal(expected)


def test_naive_datetimes_are_refused() -> None:
    naive = datetime(2026, 11, 20, 16)  # noqa: DTZ001 (the point of the test)
    with pytest.raises(ValueError, match="timezone-aware"):
        business_hours_between(naive, FRIDAY_16, CAL)
    with pytest.raises(ValueError, match="timezone-aware"):
        business_hours_between(FRIDAY_16, naive, CAL)
    with pytest.raises(ValueError, match="timezone-aware"):
        due_at(naive, 1, CAL)
    with pytest.raises(ValueError, match="timezone-aware"):
        sla_state(FRIDAY_16, naive, 8, CAL)
    with pytest.raises(TypeError):
        due_at(date(2026, 11, 20), 1, CAL)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("hours", "error"),
    [(1.5, TypeError), ("2", TypeError), (True, TypeError), (Decimal(-1), ValueError),
     (Decimal("NaN"), ValueError), (Decimal("Infinity"), ValueError)],
)  # fmt: skip
def test_due_at_refuses_bad_hours(hours: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        due_at(FRIDAY_16, hours, CAL)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "changes",
    [
        {"workdays": frozenset()},
        {"workdays": frozenset({7})},
        {"start": time(17), "end": time(8)},
        {"start": time(9), "end": time(9)},
        {"start": time(8, tzinfo=UTC)},
    ],
)
def test_calendar_refuses_bad_settings(changes: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        BusinessCalendar(**changes)  # type: ignore[arg-type]


def test_calendar_refuses_wrong_types() -> None:
    with pytest.raises(TypeError):
        BusinessCalendar(holidays=frozenset({gt(2026, 12, 25)}))
    with pytest.raises(TypeError):
        BusinessCalendar(tz="America/Guatemala")  # type: ignore[arg-type]


# --- time zones -----------------------------------------------------------------------------


def test_new_york_across_the_spring_change() -> None:
    # Clocks go from 02:00 EST to 03:00 EDT on Sunday 8 March 2026. Friday 6 March 16:00 EST is
    # 21:00 UTC; 9 business hours are Fri 16-17 (1) and Mon 08-16 (8): Monday 16:00 EDT, which
    # is 20:00 UTC, 71 real hours later (72 by the wall clock).
    ny = BusinessCalendar(tz=NY)
    start = datetime(2026, 3, 6, 21, tzinfo=UTC)
    due = due_at(start, 9, ny)
    assert due == datetime(2026, 3, 9, 16, tzinfo=NY)
    assert due.astimezone(UTC) == datetime(2026, 3, 9, 20, tzinfo=UTC)
    assert business_hours_between(start, due.astimezone(UTC), ny) == Decimal("9.00")


def test_new_york_across_the_autumn_change() -> None:
    # Clocks go from 02:00 EDT back to 01:00 EST on Sunday 1 November 2026. Friday 30 October
    # 16:00 EDT (20:00 UTC) + 9 business hours = Monday 2 November 16:00 EST (21:00 UTC).
    ny = BusinessCalendar(tz=NY)
    start = datetime(2026, 10, 30, 16, tzinfo=NY)
    due = due_at(start, 9, ny)
    assert due.astimezone(UTC) == datetime(2026, 11, 2, 21, tzinfo=UTC)
    assert business_hours_between(start, due, ny) == Decimal("9.00")


def test_hours_are_real_time_when_the_change_falls_in_business_hours() -> None:
    # Open every day 00:00-12:00: the spring Sunday loses an hour (11 h), the autumn one
    # gains one (13 h); other days have 12.
    midnight_to_noon = BusinessCalendar(frozenset(range(7)), time(0), time(12), tz=NY)

    def sunday(month: int, day: int) -> Decimal:
        start = datetime(2026, month, day, tzinfo=NY)
        return business_hours_between(start, start + timedelta(days=1), midnight_to_noon)

    assert sunday(3, 8) == Decimal("11.00")
    assert sunday(11, 1) == Decimal("13.00")
    assert sunday(3, 15) == Decimal("12.00")
    spring = datetime(2026, 3, 8, tzinfo=NY)
    assert due_at(spring, 11, midnight_to_noon) == datetime(2026, 3, 8, 12, tzinfo=NY)
    assert due_at(spring, 12, midnight_to_noon) == datetime(2026, 3, 9, 1, tzinfo=NY)


def test_mexico_city_keeps_utc_minus_six_since_2022() -> None:
    # Until 2022 Mexico City moved to UTC-5 on the first Sunday of April; since then it stays at
    # UTC-6. Friday 31 March 2023 16:00 + 9 business hours = Monday 3 April 16:00, UTC-6.
    mexico = BusinessCalendar(tz=MX)
    due = due_at(datetime(2023, 3, 31, 16, tzinfo=MX), 9, mexico)
    assert due == datetime(2023, 4, 3, 16, tzinfo=MX)
    assert due.utcoffset() == timedelta(hours=-6)
    assert due.astimezone(UTC) == datetime(2023, 4, 3, 22, tzinfo=UTC)


def test_long_spans_are_fast_and_exact() -> None:
    start, end = gt(2020, 1, 1), gt(2030, 1, 1)
    weekdays = sum(
        1 for n in range((end - start).days) if (date(2020, 1, 1) + timedelta(n)).weekday() < 5
    )
    began = clock.perf_counter()
    assert business_hours_between(start, end, CAL) == Decimal(weekdays * 9)
    assert due_at(start, weekdays * 9, CAL) == gt(2029, 12, 31, 17)
    assert clock.perf_counter() - began < 0.5


# --- SLA state and the queue ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "waited", "remaining", "overdue"),
    [
        # Fri 16-17 (1) + Mon (9) + Tue 08-12 (4) = 14 waited, 10 left.
        (gt(2026, 11, 24, 12), "14.00", "10.00", False),
        # Exactly at the due moment (Wed 13:00): not yet overdue.
        (gt(2026, 11, 25, 13), "24.00", "0.00", False),
        # Thu 09:30: 1 + 9 + 9 + 9 + 1.5 = 29.5 waited, 5.5 over.
        (gt(2026, 11, 26, 9, 30), "29.50", "-5.50", True),
        # Before submission (clocks out of step): nothing waited.
        (gt(2026, 11, 20, 15), "0.00", "24.00", False),
    ],
)
def test_sla_state(now: datetime, waited: str, remaining: str, overdue: bool) -> None:
    state = sla_state(FRIDAY_16, now, 24, CAL)
    assert state == SlaState(Decimal(waited), gt(2026, 11, 25, 13), overdue, Decimal(remaining))


def test_overdue_after_closing_with_nothing_remaining() -> None:
    # 28 hours from Friday 16:00 end at Wednesday 17:00; at 18:00 the item is late although no
    # business hour has passed since.
    state = sla_state(FRIDAY_16, gt(2026, 11, 25, 18), 28, CAL)
    assert state.due_at == gt(2026, 11, 25, 17)
    assert state.overdue
    assert state.remaining_hours == Decimal("0.00")
    assert str(state.remaining_hours) == "0.00"


def test_order_queue() -> None:
    now = gt(2026, 11, 26, 12)  # Thursday noon
    submitted = {
        "late by 10": (gt(2026, 11, 25, 8), 3),  # due Wed 11:00; waited Wed 9 + Thu 4 = 13
        "late by 2": (gt(2026, 11, 26, 8), 2),  # due Thu 10:00; waited 4
        "due in 1 (a)": (gt(2026, 11, 26, 8), 5),  # due Thu 13:00; waited 4
        "due in 1 (b)": (gt(2026, 11, 25, 16), 6),  # due Thu 13:00; waited Wed 1 + Thu 4 = 5
        "due in 3": (gt(2026, 11, 26, 11), 4),  # due Thu 15:00; waited 1
    }
    states = {name: sla_state(at, now, hours, CAL) for name, (at, hours) in submitted.items()}
    assert [states[name].remaining_hours for name in submitted] == [
        Decimal(n) for n in (-10, -2, 1, 1, 3)
    ]
    queue = ["due in 3", "due in 1 (b)", "late by 2", "due in 1 (a)", "late by 10"]
    assert order_queue(queue, key=states.__getitem__) == [
        "late by 10",
        "late by 2",
        "due in 1 (b)",  # a tie keeps the order it came in
        "due in 1 (a)",
        "due in 3",
    ]


def test_order_queue_overdue_with_nothing_remaining_comes_before_the_punctual() -> None:
    now = gt(2026, 11, 25, 18)  # Wednesday, after closing
    just_late = sla_state(FRIDAY_16, now, 28, CAL)  # due Wed 17:00: late, 0 remaining
    very_late = sla_state(FRIDAY_16, now, 25, CAL)  # due Wed 14:00: 3 over
    punctual = sla_state(gt(2026, 11, 25, 9), now, 9, CAL)  # Wed 09-17 is 8: due Thu 09:00
    assert (just_late.overdue, just_late.remaining_hours) == (True, Decimal(0))
    assert (very_late.overdue, very_late.remaining_hours) == (True, Decimal(-3))
    assert (punctual.overdue, punctual.remaining_hours) == (False, Decimal(1))
    assert order_queue([punctual, just_late, very_late], key=lambda state: state) == [
        very_late,
        just_late,
        punctual,
    ]


# --- properties -----------------------------------------------------------------------------

CALENDARS = [
    CAL,
    BusinessCalendar(
        holidays=frozenset({date(2026, 12, 24), date(2026, 12, 25), date(2027, 1, 1)})
    ),
    BusinessCalendar(frozenset({0, 2, 5}), time(9, 30), time(13, 15), tz=NY),
    BusinessCalendar(frozenset(range(7)), time(0), time(12), tz=NY),  # DST inside hours
    BusinessCalendar(tz=MX),
]
zones = st.sampled_from([GT, NY, MX, UTC])
moments = st.datetimes(
    min_value=datetime(2025, 1, 1),  # noqa: DTZ001 (hypothesis takes naive bounds)
    max_value=datetime(2028, 1, 1),  # noqa: DTZ001
    timezones=zones,
)
calendars = st.sampled_from(CALENDARS)
hours = st.decimals(min_value=0, max_value=2000, places=2)


@given(start=moments, h=hours, calendar=calendars)
def test_due_at_then_hours_between_gives_the_hours_back(
    start: datetime, h: Decimal, calendar: BusinessCalendar
) -> None:
    due = due_at(start, h, calendar)
    assert due >= start
    assert business_hours_between(start, due, calendar) == h
    if h > 0:  # and it is the first such moment
        assert business_hours_between(start, due - timedelta(minutes=1), calendar) < h


@given(start=moments, h1=hours, h2=hours, calendar=calendars)
def test_due_at_is_monotonic(
    start: datetime, h1: Decimal, h2: Decimal, calendar: BusinessCalendar
) -> None:
    low, high = sorted((h1, h2))
    assert due_at(start, low, calendar) <= due_at(start, high, calendar)


@given(a=moments, b=moments, c=moments, calendar=calendars)
def test_hours_between_is_monotonic_and_additive(
    a: datetime, b: datetime, c: datetime, calendar: BusinessCalendar
) -> None:
    first, middle, last = sorted((a, b, c))
    whole = business_hours_between(first, last, calendar)
    part = business_hours_between(first, middle, calendar)
    assert Decimal(0) <= part <= whole
    rest = business_hours_between(middle, last, calendar)
    assert abs(part + rest - whole) <= Decimal("0.01")  # each is rounded to the hundredth
