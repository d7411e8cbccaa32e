"""Small helpers shared by the row builders: deterministic ids, stamps and money."""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any, TypeVar

Row = dict[str, Any]
T = TypeVar("T")

# Demo debtors live in Guatemala and Mexico City time (UTC-6 all year, no daylight saving
# since 2022), so local office hours are stored six hours later in UTC.
OFFICE_UTC_OFFSET = timedelta(hours=6)


class DemoRandom(random.Random):
    """``random.Random`` whose ``randint``, ``randrange`` and ``choice`` cost one C call.

    The stock versions go through several Python frames (``_randbelow``) and the generator
    makes about a hundred draws per case, a tenth of the whole run at 100,000 cases. Scaling
    ``random()`` is biased only for ranges near 2**53, far beyond anything drawn here.
    """

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:
        if step != 1:
            return super().randrange(start, stop, step)
        if stop is None:
            return int(self.random() * start)
        return start + int(self.random() * (stop - start))

    def choice(self, seq: Sequence[T]) -> T:  # type: ignore[override]
        return seq[int(self.random() * len(seq))]


def new_uuid(rng: random.Random) -> uuid.UUID:
    """A version-4 UUID drawn from ``rng``, so ids are the same on every run with the seed."""
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def stamp(row_id: uuid.UUID, created: datetime, updated: datetime | None = None) -> Row:
    """The columns every synced record has, set explicitly so output is reproducible."""
    return {
        "id": row_id,
        "row_version": 1,
        "created_at": created,
        "updated_at": created if updated is None else updated,
    }


def cents(amount: int) -> Decimal:
    """Integer cents to a two-place Decimal: exact, and cheaper than quantizing a float."""
    return Decimal(amount).scaleb(-2)


def midnight_utc(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def office_time(day: date, minute_of_day: int) -> datetime:
    """``minute_of_day`` local office time on ``day``, as an aware UTC datetime."""
    return midnight_utc(day) + OFFICE_UTC_OFFSET + timedelta(minutes=minute_of_day)
