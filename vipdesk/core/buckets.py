"""Delinquency buckets ("tramos de mora") by days past due.

The bounds live in one table so that Python (``bucket_for``) and SQL filters built from
``bucket_bounds`` can never disagree about where 30 or 180 days falls.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum


class Bucket(StrEnum):
    CURRENT = "current"
    D1_30 = "1-30"
    D31_60 = "31-60"
    D61_90 = "61-90"
    D91_180 = "91-180"
    D180_PLUS = "180+"  # more than 180 days: 181 and up


# Inclusive minimum and maximum days past due; None is an open end. In Bucket order.
_BOUNDS: dict[Bucket, tuple[int, int | None]] = {
    Bucket.CURRENT: (0, 0),
    Bucket.D1_30: (1, 30),
    Bucket.D31_60: (31, 60),
    Bucket.D61_90: (61, 90),
    Bucket.D91_180: (91, 180),
    Bucket.D180_PLUS: (181, None),
}


def bucket_bounds(bucket: Bucket) -> tuple[int, int | None]:
    """Inclusive (minimum, maximum) days past due of ``bucket``; maximum None = no upper bound."""
    return _BOUNDS[Bucket(bucket)]


def bucket_for(days_past_due: int) -> Bucket:
    if isinstance(days_past_due, bool) or not isinstance(days_past_due, int):
        raise TypeError(f"days past due must be an int, got {type(days_past_due).__name__}")
    if days_past_due < 0:
        raise ValueError(f"days past due cannot be negative: {days_past_due}")
    for bucket, (_low, high) in _BOUNDS.items():
        if high is None or days_past_due <= high:
            return bucket
    raise AssertionError("unreachable: the last bucket is open-ended")


def days_past_due(past_due_since: date | None, as_of: date) -> int:
    """Days from ``past_due_since`` to ``as_of``; 0 when not past due or the date is later."""
    if past_due_since is None:
        return 0
    return max((as_of - past_due_since).days, 0)
