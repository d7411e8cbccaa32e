from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from vipdesk.core.errors import ValidationError
from vipdesk.core.validation import check_date_in_range, check_int_range, collect

EARLIEST = date(2025, 1, 1)
LATEST = date(2025, 12, 31)


def test_check_date_in_range() -> None:
    for value in (EARLIEST, date(2025, 6, 15), LATEST):
        assert check_date_in_range(value, "due_date", earliest=EARLIEST, latest=LATEST) == value
    with pytest.raises(ValidationError) as caught:
        check_date_in_range(date(2026, 1, 1), "due_date", earliest=EARLIEST, latest=LATEST)
    assert caught.value.message == "The date must be between 2025-01-01 and 2025-12-31"
    assert caught.value.problems[0].field == "due_date"
    assert caught.value.problems[0].params == {"earliest": "2025-01-01", "latest": "2025-12-31"}


def test_check_date_in_range_bad_input() -> None:
    with pytest.raises(ValidationError, match="Enter a date"):
        check_date_in_range(None, "d", earliest=EARLIEST, latest=LATEST)  # type: ignore[arg-type]
    moment = datetime(2025, 6, 1, tzinfo=UTC)
    with pytest.raises(ValidationError, match="Enter a date"):
        check_date_in_range(moment, "d", earliest=EARLIEST, latest=LATEST)
    with pytest.raises(ValueError):
        check_date_in_range(EARLIEST, "d", earliest=LATEST, latest=EARLIEST)


def test_check_int_range() -> None:
    assert check_int_range(5, "term", minimum=1, maximum=360) == 5
    with pytest.raises(ValidationError) as caught:
        check_int_range(0, "term", minimum=1, maximum=360)
    assert caught.value.message == "The value must be between 1 and 360"
    with pytest.raises(ValidationError, match="Enter a whole number"):
        check_int_range(True, "term", minimum=0, maximum=1)
    with pytest.raises(ValidationError, match="Enter a whole number"):
        check_int_range(1.0, "term", minimum=0, maximum=1)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        check_int_range(1, "term", minimum=2, maximum=1)


def test_collect_reports_every_problem() -> None:
    with pytest.raises(ValidationError) as caught:
        collect(
            lambda: check_int_range(0, "term", minimum=1, maximum=12),
            lambda: check_int_range(5, "grace", minimum=0, maximum=10),
            lambda: check_date_in_range(date(2030, 1, 1), "due", earliest=EARLIEST, latest=LATEST),
        )
    assert [p.field for p in caught.value.problems] == ["term", "due"]
    assert caught.value.for_field("due")[0].params["latest"] == "2025-12-31"


def test_collect_passes_when_all_checks_pass_and_lets_bugs_through() -> None:
    collect()
    collect(lambda: check_int_range(1, "n", minimum=0, maximum=1))
    with pytest.raises(ZeroDivisionError):
        collect(lambda: 1 / 0)
