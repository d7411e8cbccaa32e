from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vipdesk.core.buckets import Bucket, bucket_bounds, bucket_for, days_past_due


@pytest.mark.parametrize(
    ("days", "bucket"),
    [
        (0, Bucket.CURRENT),
        (1, Bucket.D1_30),
        (30, Bucket.D1_30),
        (31, Bucket.D31_60),
        (60, Bucket.D31_60),
        (61, Bucket.D61_90),
        (90, Bucket.D61_90),
        (91, Bucket.D91_180),
        (180, Bucket.D91_180),
        (181, Bucket.D180_PLUS),
        (10_000, Bucket.D180_PLUS),
    ],
)
def test_bucket_for(days: int, bucket: Bucket) -> None:
    assert bucket_for(days) is bucket


def test_bucket_values_are_stable_codes() -> None:
    assert [b.value for b in Bucket] == ["current", "1-30", "31-60", "61-90", "91-180", "180+"]


def test_bucket_for_rejects_bad_input() -> None:
    with pytest.raises(ValueError):
        bucket_for(-1)
    with pytest.raises(TypeError):
        bucket_for(1.5)  # type: ignore[arg-type]


def test_bounds_cover_every_day_once() -> None:
    assert bucket_bounds(Bucket.CURRENT) == (0, 0)
    assert bucket_bounds(Bucket.D91_180) == (91, 180)
    assert bucket_bounds(Bucket.D180_PLUS) == (181, None)
    expected_low = 0
    for bucket in Bucket:
        low, high = bucket_bounds(bucket)
        assert low == expected_low
        if high is None:
            assert bucket is list(Bucket)[-1]
        else:
            expected_low = high + 1


@given(st.integers(min_value=0, max_value=100_000))
def test_bucket_for_agrees_with_bounds(days: int) -> None:
    low, high = bucket_bounds(bucket_for(days))
    assert low <= days and (high is None or days <= high)


def test_days_past_due() -> None:
    as_of = date(2025, 3, 31)
    assert days_past_due(None, as_of) == 0
    assert days_past_due(as_of, as_of) == 0
    assert days_past_due(as_of + timedelta(days=5), as_of) == 0
    assert days_past_due(date(2025, 3, 1), as_of) == 30
    assert days_past_due(date(2024, 2, 29), date(2025, 2, 28)) == 365
