"""Amounts and dates in Spanish words, as letters and agreements write them.

``amount_in_words`` gives the legal form that follows the figures in every letter:
"CIENTO VEINTICINCO MIL QUETZALES CON 50/100", "DOS MILLONES QUINIENTOS MIL PESOS 75/100 M.N.",
"DIEZ MIL DÓLARES CON 00/100". ``date_in_words`` gives the date clause of agreement bodies:
"a los veintidós días del mes de noviembre de dos mil veintiséis".

The words come from ``num2words``; this module adds only what it gets wrong or leaves out for
this use (checked against num2words 0.5.14, and pinned by tests/core/test_amount_words.py):

- apocope: a numeral in front of a masculine noun loses its final "o". num2words writes "uno"
  and "veintiuno" everywhere, also before "mil", "millones", "billones" ("veintiuno mil",
  "ciento uno millones", "mil uno millones"), where Spanish requires "veintiún mil", "ciento un
  millones", "mil un millones"; and the currency or "días" that follows our numbers is masculine
  too ("veintiún quetzales", "treinta y un días").
- "de" between a round number of millions or billions and the noun ("un millón de pesos",
  "mil millones de dólares", but "dos millones quinientos mil pesos").
- currency names, singular for exactly one unit, the cents as NN/100, the Mexican "M.N." form.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from num2words import num2words

from vipdesk.core.money import SUPPORTED_CURRENCIES, round_money

# 10^15 is "mil billones"; amounts in letters never come near it and the limit keeps every
# number inside what the billones-based words (and our tests) cover.
WORDS_LIMIT = Decimal(10) ** 15

# (singular, plural) as written in legal documents of each country.
_CURRENCY_NOUNS: dict[str, tuple[str, str]] = {
    "GTQ": ("quetzal", "quetzales"),
    "MXN": ("peso", "pesos"),
    "USD": ("dólar", "dólares"),
}

# A noun after one of these needs "de": "un millón de quetzales".
_TAKES_DE = frozenset({"millón", "millones", "billón", "billones"})

_APOCOPE = {"uno": "un", "veintiuno": "veintiún"}

MONTHS = (  # the months' names, as written in Spanish dates
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)


def _cardinal(number: int) -> str:
    text: str = num2words(number, lang="es")
    return text


def _before_masculine_noun(number: int) -> str:
    """Cardinal words for a number followed by a masculine noun (currency, "días").

    Every "uno" in such a number precedes either a multiplier (mil, millones, billones) or the
    noun itself, so every one of them takes the apocope.
    """
    return " ".join(_APOCOPE.get(word, word) for word in _cardinal(number).split())


def amount_in_words(amount: Decimal | int, currency: str) -> str:
    """Spanish legal words for ``amount`` in ``currency`` (GTQ, MXN or USD), upper case.

    The amount is rounded half-up to cents first; the cents are always written as two digits
    over 100. Guatemalan quetzales and US dollars use "... CON NN/100"; Mexican pesos use the
    Mexican form "... PESOS NN/100 M.N." (moneda nacional).

    Raises ``TypeError`` for a float (or any non-number), ``ValueError`` for a negative amount,
    an amount of 10^15 or more, or another currency.
    """
    if isinstance(amount, bool) or not isinstance(amount, Decimal | int):
        raise TypeError(f"amount must be a Decimal, got {type(amount).__name__}")
    rounded = round_money(Decimal(amount))  # ValueError for NaN and infinity
    if Decimal(amount) < 0:
        raise ValueError(f"amount in words cannot be negative: {amount}")
    if rounded >= WORDS_LIMIT:
        raise ValueError(f"amount too large to write in words: {amount}")
    if currency not in SUPPORTED_CURRENCIES:
        raise ValueError(f"unsupported currency: {currency!r}")

    units = int(rounded)
    cents = int((rounded - units) * 100)
    words = _before_masculine_noun(units)
    singular, plural = _CURRENCY_NOUNS[currency]
    noun = singular if units == 1 else plural
    if words.rsplit(" ", 1)[-1] in _TAKES_DE:
        noun = f"de {noun}"
    if currency == "MXN":
        text = f"{words} {noun} {cents:02d}/100 M.N."
    else:
        text = f"{words} {noun} con {cents:02d}/100"
    return text.upper()


def date_in_words(day: date) -> str:
    """The date clause of an agreement, lower case.

    "a los veintidós días del mes de noviembre de dos mil veintiséis"; the first of the month is
    "al primer día del mes de ..."; "veintiún días", "treinta y un días" (apocope before "días").
    The year keeps its full form ("de dos mil veintiuno"): no noun follows it.
    """
    if not isinstance(day, date):
        raise TypeError(f"expected a date, got {type(day).__name__}")
    month = MONTHS[day.month - 1]
    year = _cardinal(day.year)
    if day.day == 1:
        return f"al primer día del mes de {month} de {year}"
    return f"a los {_before_masculine_noun(day.day)} días del mes de {month} de {year}"
