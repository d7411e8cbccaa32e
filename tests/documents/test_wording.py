"""Amounts, dates and counts as the letters write them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from vipdesk.documents.wording import (
    account_only,
    count,
    counted,
    long_date,
    money,
    percent,
    short_datetime,
)


@pytest.mark.parametrize(
    ("amount", "currency", "text"),
    [
        ("125000.50", "GTQ", "Q 125,000.50 (CIENTO VEINTICINCO MIL QUETZALES CON 50/100)"),
        (
            "2500000.75",
            "MXN",
            "$ 2,500,000.75 M.N. (DOS MILLONES QUINIENTOS MIL PESOS 75/100 M.N.)",
        ),
        ("10000", "USD", "US$ 10,000.00 (DIEZ MIL DÓLARES CON 00/100)"),
    ],
)
def test_money_as_letters_md_writes_it(amount: str, currency: str, text: str) -> None:
    written = money(Decimal(amount), currency)
    assert written.replace("\u00a0", " ") == text
    # The sign, the figures and "M.N." never part at a line end: no-break spaces join them.
    figures = text.split(" (")[0]
    assert written.startswith(figures.replace(" ", "\u00a0") + " (")


@pytest.mark.parametrize(
    ("number", "feminine", "text"),
    [
        (36, True, "treinta y seis (36)"),
        (21, True, "veintiuna (21)"),
        (1, True, "una (1)"),
        (201, True, "doscientas una (201)"),
        (31, False, "treinta y un (31)"),
        (21, False, "veintiún (21)"),
        (90, False, "noventa (90)"),
    ],
)
def test_counts_agree_with_their_noun(number: int, feminine: bool, text: str) -> None:
    assert count(number, feminine=feminine) == text


def test_dates_and_rates() -> None:
    assert long_date(date(2026, 11, 22)) == "22 de noviembre de 2026"
    assert long_date(date(2027, 1, 1)) == "1 de enero de 2027"
    assert percent(Decimal("0.149543")) == "14.95 %"
    assert percent(Decimal("1.5")) == "150.00 %"
    assert short_datetime(datetime(2026, 3, 4, 7, 5, tzinfo=UTC)) == "04/03/2026 07:05"


@pytest.mark.parametrize(
    ("number", "singular", "plural", "feminine", "text"),
    [
        (1, "cuota", "cuotas", True, "una (1) cuota"),
        (12, "cuota", "cuotas", True, "doce (12) cuotas"),
        (21, "cuota", "cuotas", True, "veintiuna (21) cuotas"),
        (1, "pago único", "pagos únicos", False, "un (1) pago único"),
        (1, "día", "días", False, "un (1) día"),
        (31, "día natural", "días naturales", False, "treinta y un (31) días naturales"),
    ],
)
def test_a_count_and_its_noun_agree_in_number(
    number: int, singular: str, plural: str, feminine: bool, text: str
) -> None:
    assert counted(number, singular, plural, feminine=feminine) == text


@pytest.mark.parametrize(
    ("account", "bank", "printed"),
    [
        # The demo's agreements write the bank into the account; the line under "Banco"
        # does not repeat it.
        (
            "Banco Industrial, S.A. Cuenta monetaria 000-123456-7",
            "Banco Industrial, S.A.",
            "Cuenta monetaria 000-123456-7",
        ),
        (
            "Banco Industrial, cuenta monetaria 000-123456-7",
            "Banco Industrial, S.A.",
            "Cuenta monetaria 000-123456-7",
        ),
        ("CLABE 012180001234567891", "BBVA México, S.A.", "CLABE 012180001234567891"),
        ("Banco Industrial, S.A.", "Banco Industrial, S.A.", "Banco Industrial, S.A."),
        ("Banrural 3-033-12345-6", "Banco Industrial, S.A.", "Banrural 3-033-12345-6"),
        ("Bancomer 0123", "Banco", "Bancomer 0123"),  # a name, not a word of it
    ],
)
def test_the_account_line_does_not_repeat_the_bank(account: str, bank: str, printed: str) -> None:
    assert account_only(account, bank) == printed
