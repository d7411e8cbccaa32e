from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vipdesk.core import amount_words
from vipdesk.core.money import amount_in_words

MAX = "999999999999999.99"
MAX_WORDS = (
    "NOVECIENTOS NOVENTA Y NUEVE BILLONES NOVECIENTOS NOVENTA Y NUEVE MIL NOVECIENTOS NOVENTA Y "
    "NUEVE MILLONES NOVECIENTOS NOVENTA Y NUEVE MIL NOVECIENTOS NOVENTA Y NUEVE"
)

# (amount, words before the currency noun, including "DE" where Spanish needs it), in quetzales.
GTQ_TABLE: list[tuple[str, str]] = [
    ("0", "CERO QUETZALES CON 00/100"),
    ("0.01", "CERO QUETZALES CON 01/100"),
    ("0.50", "CERO QUETZALES CON 50/100"),
    ("1", "UN QUETZAL CON 00/100"),
    ("1.99", "UN QUETZAL CON 99/100"),
    ("2", "DOS QUETZALES CON 00/100"),
    ("3", "TRES QUETZALES CON 00/100"),
    ("9", "NUEVE QUETZALES CON 00/100"),
    ("10", "DIEZ QUETZALES CON 00/100"),
    ("11", "ONCE QUETZALES CON 00/100"),
    ("12", "DOCE QUETZALES CON 00/100"),
    ("13", "TRECE QUETZALES CON 00/100"),
    ("14", "CATORCE QUETZALES CON 00/100"),
    ("15", "QUINCE QUETZALES CON 00/100"),
    ("16", "DIECISÉIS QUETZALES CON 00/100"),
    ("17", "DIECISIETE QUETZALES CON 00/100"),
    ("18", "DIECIOCHO QUETZALES CON 00/100"),
    ("19", "DIECINUEVE QUETZALES CON 00/100"),
    ("20", "VEINTE QUETZALES CON 00/100"),
    ("21", "VEINTIÚN QUETZALES CON 00/100"),
    ("22", "VEINTIDÓS QUETZALES CON 00/100"),
    ("23", "VEINTITRÉS QUETZALES CON 00/100"),
    ("26", "VEINTISÉIS QUETZALES CON 00/100"),
    ("29", "VEINTINUEVE QUETZALES CON 00/100"),
    ("30", "TREINTA QUETZALES CON 00/100"),
    ("31", "TREINTA Y UN QUETZALES CON 00/100"),
    ("45", "CUARENTA Y CINCO QUETZALES CON 00/100"),
    ("50", "CINCUENTA QUETZALES CON 00/100"),
    ("61", "SESENTA Y UN QUETZALES CON 00/100"),
    ("70", "SETENTA QUETZALES CON 00/100"),
    ("80", "OCHENTA QUETZALES CON 00/100"),
    ("99", "NOVENTA Y NUEVE QUETZALES CON 00/100"),
    ("100", "CIEN QUETZALES CON 00/100"),
    ("101", "CIENTO UN QUETZALES CON 00/100"),
    ("115", "CIENTO QUINCE QUETZALES CON 00/100"),
    ("121", "CIENTO VEINTIÚN QUETZALES CON 00/100"),
    ("200", "DOSCIENTOS QUETZALES CON 00/100"),
    ("300", "TRESCIENTOS QUETZALES CON 00/100"),
    ("400", "CUATROCIENTOS QUETZALES CON 00/100"),
    ("500", "QUINIENTOS QUETZALES CON 00/100"),
    ("555", "QUINIENTOS CINCUENTA Y CINCO QUETZALES CON 00/100"),
    ("600", "SEISCIENTOS QUETZALES CON 00/100"),
    ("700", "SETECIENTOS QUETZALES CON 00/100"),
    ("800", "OCHOCIENTOS QUETZALES CON 00/100"),
    ("900", "NOVECIENTOS QUETZALES CON 00/100"),
    ("999", "NOVECIENTOS NOVENTA Y NUEVE QUETZALES CON 00/100"),
    # One thousand is "MIL", never "UN MIL".
    ("1000", "MIL QUETZALES CON 00/100"),
    ("1001", "MIL UN QUETZALES CON 00/100"),
    ("1100", "MIL CIEN QUETZALES CON 00/100"),
    ("2000", "DOS MIL QUETZALES CON 00/100"),
    ("16000", "DIECISÉIS MIL QUETZALES CON 00/100"),
    ("21000", "VEINTIÚN MIL QUETZALES CON 00/100"),
    ("31000", "TREINTA Y UN MIL QUETZALES CON 00/100"),
    ("100000", "CIEN MIL QUETZALES CON 00/100"),
    ("101000", "CIENTO UN MIL QUETZALES CON 00/100"),
    ("125000.50", "CIENTO VEINTICINCO MIL QUETZALES CON 50/100"),
    ("999999", "NOVECIENTOS NOVENTA Y NUEVE MIL NOVECIENTOS NOVENTA Y NUEVE QUETZALES CON 00/100"),
    ("1000000", "UN MILLÓN DE QUETZALES CON 00/100"),
    ("1000000.50", "UN MILLÓN DE QUETZALES CON 50/100"),
    ("1000001", "UN MILLÓN UN QUETZALES CON 00/100"),
    ("1500000", "UN MILLÓN QUINIENTOS MIL QUETZALES CON 00/100"),
    ("2000000", "DOS MILLONES DE QUETZALES CON 00/100"),
    ("2500000", "DOS MILLONES QUINIENTOS MIL QUETZALES CON 00/100"),
    ("21000000", "VEINTIÚN MILLONES DE QUETZALES CON 00/100"),
    ("22000000", "VEINTIDÓS MILLONES DE QUETZALES CON 00/100"),
    ("1000000000", "MIL MILLONES DE QUETZALES CON 00/100"),
    ("1001000000", "MIL UN MILLONES DE QUETZALES CON 00/100"),
    ("2000000000", "DOS MIL MILLONES DE QUETZALES CON 00/100"),
    ("21000000000", "VEINTIÚN MIL MILLONES DE QUETZALES CON 00/100"),
    ("1000000000000", "UN BILLÓN DE QUETZALES CON 00/100"),
    ("1000000000001", "UN BILLÓN UN QUETZALES CON 00/100"),
    ("1000001000000", "UN BILLÓN UN MILLÓN DE QUETZALES CON 00/100"),
    ("2000000000000", "DOS BILLONES DE QUETZALES CON 00/100"),
    ("101000000000000", "CIENTO UN BILLONES DE QUETZALES CON 00/100"),
    (MAX, f"{MAX_WORDS} QUETZALES CON 99/100"),
]


@pytest.mark.parametrize(("amount", "expected"), GTQ_TABLE)
def test_quetzales(amount: str, expected: str) -> None:
    assert amount_in_words(Decimal(amount), "GTQ") == expected


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        ("10000", "USD", "DIEZ MIL DÓLARES CON 00/100"),
        ("1", "USD", "UN DÓLAR CON 00/100"),
        ("21", "USD", "VEINTIÚN DÓLARES CON 00/100"),
        ("1000000", "USD", "UN MILLÓN DE DÓLARES CON 00/100"),
        ("0.75", "USD", "CERO DÓLARES CON 75/100"),
        ("2500000.75", "MXN", "DOS MILLONES QUINIENTOS MIL PESOS 75/100 M.N."),
        ("1", "MXN", "UN PESO 00/100 M.N."),
        ("2000000", "MXN", "DOS MILLONES DE PESOS 00/100 M.N."),
        ("0.50", "MXN", "CERO PESOS 50/100 M.N."),
        ("16", "MXN", "DIECISÉIS PESOS 00/100 M.N."),
        ("1000000000000", "MXN", "UN BILLÓN DE PESOS 00/100 M.N."),
        (MAX, "MXN", f"{MAX_WORDS} PESOS 99/100 M.N."),
        (MAX, "USD", f"{MAX_WORDS} DÓLARES CON 99/100"),
    ],
)
def test_pesos_and_dollars(amount: str, currency: str, expected: str) -> None:
    assert amount_in_words(Decimal(amount), currency) == expected


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (Decimal("0.005"), "CERO QUETZALES CON 01/100"),
        (Decimal("0.004"), "CERO QUETZALES CON 00/100"),
        (Decimal("2.675"), "DOS QUETZALES CON 68/100"),
        (Decimal("1.995"), "DOS QUETZALES CON 00/100"),
        (Decimal("999999.995"), "UN MILLÓN DE QUETZALES CON 00/100"),
        (7, "SIETE QUETZALES CON 00/100"),
    ],
)
def test_rounds_half_up_to_cents_first(amount: Decimal | int, expected: str) -> None:
    assert amount_in_words(amount, "GTQ") == expected


def test_module_function_is_the_one_money_exposes() -> None:
    assert amount_words.amount_in_words(Decimal("21"), "USD") == amount_in_words(
        Decimal("21"), "USD"
    )


@pytest.mark.parametrize(
    ("amount", "currency", "error"),
    [
        (Decimal("-1"), "GTQ", ValueError),
        (Decimal("-0.01"), "GTQ", ValueError),
        (Decimal("-0.001"), "GTQ", ValueError),
        (Decimal(10) ** 15, "GTQ", ValueError),
        (Decimal("999999999999999.995"), "GTQ", ValueError),  # rounds up to 10^15
        (Decimal("NaN"), "GTQ", ValueError),
        (Decimal("Infinity"), "GTQ", ValueError),
        (Decimal("10"), "EUR", ValueError),
        (Decimal("10"), "gtq", ValueError),
        (10.0, "GTQ", TypeError),
        ("10", "GTQ", TypeError),
        (True, "GTQ", TypeError),
    ],
)
def test_refuses(amount: object, currency: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        amount_in_words(amount, currency)  # type: ignore[arg-type]


# --- an independent reading of the words back into a number --------------------------------

_UNITS = {
    "CERO": 0, "UN": 1, "UNO": 1, "DOS": 2, "TRES": 3, "CUATRO": 4, "CINCO": 5, "SEIS": 6,
    "SIETE": 7, "OCHO": 8, "NUEVE": 9, "DIEZ": 10, "ONCE": 11, "DOCE": 12, "TRECE": 13,
    "CATORCE": 14, "QUINCE": 15, "DIECISÉIS": 16, "DIECISIETE": 17, "DIECIOCHO": 18,
    "DIECINUEVE": 19, "VEINTE": 20, "VEINTIÚN": 21, "VEINTIUNO": 21, "VEINTIDÓS": 22,
    "VEINTITRÉS": 23, "VEINTICUATRO": 24, "VEINTICINCO": 25, "VEINTISÉIS": 26,
    "VEINTISIETE": 27, "VEINTIOCHO": 28, "VEINTINUEVE": 29, "TREINTA": 30, "CUARENTA": 40,
    "CINCUENTA": 50, "SESENTA": 60, "SETENTA": 70, "OCHENTA": 80, "NOVENTA": 90, "CIEN": 100,
    "CIENTO": 100, "DOSCIENTOS": 200, "TRESCIENTOS": 300, "CUATROCIENTOS": 400,
    "QUINIENTOS": 500, "SEISCIENTOS": 600, "SETECIENTOS": 700, "OCHOCIENTOS": 800,
    "NOVECIENTOS": 900,
}  # fmt: skip


def parse_spanish(words: str) -> int:
    """Spanish long-scale words to an int: a multiplier applies to everything said since the
    last larger one ("MIL UN MILLONES" = 1001 * 10^6). Accents are required: an unaccented
    "DIECISEIS" or "MILLON" is an unknown word here."""
    billions = millions = thousands = small = 0
    for word in words.split():
        if word == "Y":
            continue
        if word in _UNITS:
            small += _UNITS[word]
        elif word == "MIL":
            thousands += (small or 1) * 1000
            small = 0
        elif word in ("MILLÓN", "MILLONES"):
            millions += (thousands + small) * 10**6
            thousands = small = 0
        elif word in ("BILLÓN", "BILLONES"):
            billions += (millions + thousands + small) * 10**12
            millions = thousands = small = 0
        else:
            raise AssertionError(f"unknown word {word!r} in {words!r}")
    return billions + millions + thousands + small


_NOUNS = {"GTQ": ("QUETZAL", "QUETZALES"), "MXN": ("PESO", "PESOS"), "USD": ("DÓLAR", "DÓLARES")}
_SHAPE = re.compile(
    r"(?P<words>.+?) (?P<de>DE )?(?P<noun>QUETZALES|QUETZAL|PESOS|PESO|DÓLARES|DÓLAR) "
    r"(?P<con>CON )?(?P<cents>[0-9]{2})/100(?P<mn> M\.N\.)?"
)


def test_parser_reads_the_examples() -> None:
    assert parse_spanish("MIL UN MILLONES") == 1_001_000_000
    assert parse_spanish("UN BILLÓN MIL MILLONES") == 1_001_000_000_000
    assert parse_spanish("CIENTO VEINTICINCO MIL") == 125_000
    assert parse_spanish(MAX_WORDS) == 999_999_999_999_999


# Spread over every magnitude: uniform amounts below 10^15 would almost all be in the billones.
units_strategy = st.integers(0, 15).flatmap(lambda digits: st.integers(0, 10**digits - 1))


@given(units=units_strategy, cents=st.integers(0, 99), currency=st.sampled_from(sorted(_NOUNS)))
def test_words_read_back_to_the_amount(units: int, cents: int, currency: str) -> None:
    amount = Decimal(units) + Decimal(cents) / 100
    text = amount_in_words(amount, currency)
    match = _SHAPE.fullmatch(text)
    assert match, text
    words = match["words"]
    assert parse_spanish(words) == units
    assert int(match["cents"]) == cents
    singular, plural = _NOUNS[currency]
    assert match["noun"] == (singular if units == 1 else plural)
    mexican = currency == "MXN"
    assert bool(match["mn"]) is mexican
    assert bool(match["con"]) is not mexican
    # "DE" exactly after round millions / billones.
    assert bool(match["de"]) is words.endswith(("MILLÓN", "MILLONES", "BILLÓN", "BILLONES"))
    # Apocope everywhere: the currency (and mil, millones, billones) is masculine.
    assert not {"UNO", "VEINTIUNO"} & set(words.split())
    # One thousand is "MIL", never "UN MIL" (but "TREINTA Y UN MIL", "CIENTO UN MIL").
    assert not re.search(r"(^|MILLÓN |MILLONES |BILLÓN |BILLONES )UN MIL( |$)", words)


# --- dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 11, 22), "a los veintidós días del mes de noviembre de dos mil veintiséis"),
        (date(2026, 11, 1), "al primer día del mes de noviembre de dos mil veintiséis"),
        (date(2026, 1, 2), "a los dos días del mes de enero de dos mil veintiséis"),
        (date(2026, 3, 16), "a los dieciséis días del mes de marzo de dos mil veintiséis"),
        (date(2026, 1, 21), "a los veintiún días del mes de enero de dos mil veintiséis"),
        (date(2026, 12, 31), "a los treinta y un días del mes de diciembre de dos mil veintiséis"),
        (date(2026, 5, 23), "a los veintitrés días del mes de mayo de dos mil veintiséis"),
        (date(2000, 2, 29), "a los veintinueve días del mes de febrero de dos mil"),
        # The year is not followed by a noun: no apocope.
        (date(2021, 9, 10), "a los diez días del mes de septiembre de dos mil veintiuno"),
        (date(2031, 6, 30), "a los treinta días del mes de junio de dos mil treinta y uno"),
        (
            datetime(2026, 7, 4, 9, 30, tzinfo=UTC),
            "a los cuatro días del mes de julio de dos mil veintiséis",
        ),
    ],
)
def test_date_in_words(day: date, expected: str) -> None:
    assert amount_words.date_in_words(day) == expected


@pytest.mark.parametrize(
    ("month", "name"),
    list(
        enumerate(
            [
                "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                "septiembre", "octubre", "noviembre", "diciembre",
            ],
            start=1,
        )
    ),
)  # fmt: skip
def test_date_in_words_months(month: int, name: str) -> None:
    assert amount_words.date_in_words(date(2026, month, 15)).endswith(
        f"días del mes de {name} de dos mil veintiséis"
    )


def test_date_in_words_refuses_text() -> None:
    with pytest.raises(TypeError):
        amount_words.date_in_words("2026-11-22")  # type: ignore[arg-type]
