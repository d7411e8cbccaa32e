from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from vipdesk.core.case_summary import (
    ContactFigures,
    ObligationFigures,
    PromiseFigures,
    case_search_text,
    summarize,
)
from vipdesk.core.catalog import PromiseStatus

AS_OF = date(2026, 11, 25)


def _at(day: int) -> datetime:
    return datetime(2026, 11, day, 15, 0, tzinfo=UTC)


def test_exposure_counts_only_the_case_currency_and_oldest_unpaid_due_date() -> None:
    summary = summarize(
        "GTQ",
        [
            ObligationFigures("GTQ", Decimal("1000.50"), date(2026, 5, 1)),
            ObligationFigures("GTQ", Decimal("0.00"), date(2025, 1, 1)),  # paid off
            ObligationFigures("USD", Decimal("99.00"), date(2024, 1, 1)),
        ],
        [],
        [],
        AS_OF,
    )
    assert summary.exposure == Decimal("1000.50")
    # The USD obligation is not in the exposure but is still overdue debt of the case.
    assert summary.past_due_since == date(2024, 1, 1)
    assert summary.last_contact_at is None and summary.next_action_date is None
    assert summary.promise_status is None


def test_the_latest_contact_decides_the_next_action() -> None:
    earlier = ContactFigures(_at(10), "Llamar al gerente", date(2026, 11, 12))
    later_without_follow_up = ContactFigures(_at(20), "", None)
    summary = summarize("GTQ", [], [earlier, later_without_follow_up], [], AS_OF)
    assert summary.last_contact_at == _at(20)
    assert (summary.next_action, summary.next_action_date) == ("", None)
    later_with = ContactFigures(_at(21), "Enviar propuesta", date(2026, 11, 30))
    summary = summarize("GTQ", [], [later_with, earlier], [], AS_OF)
    assert (summary.next_action, summary.next_action_date) == (
        "Enviar propuesta",
        date(2026, 11, 30),
    )


def test_pending_promise_wins_else_latest_status_and_broken_count() -> None:
    promises = [
        PromiseFigures(date(2026, 9, 1), PromiseStatus.BROKEN),
        PromiseFigures(date(2026, 10, 1), PromiseStatus.KEPT),
        PromiseFigures(date(2026, 8, 1), PromiseStatus.BROKEN),
    ]
    summary = summarize("GTQ", [], [], promises, AS_OF)
    assert summary.promise_status is PromiseStatus.KEPT
    assert summary.broken_promises == 2
    pending = [*promises, PromiseFigures(date(2026, 12, 1), PromiseStatus.PENDING)]
    assert summarize("GTQ", [], [], pending, AS_OF).promise_status is PromiseStatus.PENDING


def test_priority_grows_with_delay_and_silence() -> None:
    owed = [ObligationFigures("USD", Decimal("500000.00"), date(2026, 10, 1))]
    recent = summarize("USD", owed, [ContactFigures(_at(24), "", None)], [], AS_OF)
    later = [ObligationFigures("USD", Decimal("500000.00"), date(2025, 10, 1))]
    silent = summarize("USD", later, [], [], AS_OF)
    assert Decimal(0) < recent.priority_score < silent.priority_score <= Decimal(100)
    assert recent.priority_as_of == AS_OF


def test_search_text_is_accent_free_with_bare_tax_id() -> None:
    text = case_search_text("José Gómez Núñez", "", "576937-K", ["GT-CRED-001"])
    assert "jose gomez nunez" in text
    assert "576937-k" in text and "576937k" in text and "gt-cred-001" in text


def test_search_text_includes_the_case_number_after_the_name() -> None:
    text = case_search_text("Ángel Ruiz", "", "1234567-9", [], "VIP-000042")
    assert text.startswith("angel ruiz") and "vip-000042" in text
