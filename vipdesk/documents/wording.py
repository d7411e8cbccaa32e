"""Amounts, dates, counts and rates as the letters write them in Spanish.

Amounts in the body always carry their words: "Q 125,000.50 (CIENTO VEINTICINCO MIL QUETZALES
CON 50/100)", "$ 2,500,000.75 M.N. (DOS MILLONES QUINIENTOS MIL PESOS 75/100 M.N.)". The figures
come from core.money.format_money and the words from core.money.amount_in_words; this module
only puts them together. User text is printed composed (NFC), with plain line ends.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from num2words import num2words

from vipdesk.core.amount_words import MONTHS, date_in_words
from vipdesk.core.money import Money, amount_in_words, format_money


def printable_text(value: str) -> str:
    """``value`` as the letter prints it: composed accents (NFC), Windows line ends as LF."""
    return unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n")


def one_line(value: str) -> str:
    """Text of several lines (an address) on one line, the lines joined by commas."""
    lines = (line.strip().rstrip(",") for line in printable_text(value).split("\n"))
    return ", ".join(line for line in lines if line)


NO_BREAK = "\u00a0"

# Mexican practice marks peso amounts as national currency after the figures too.
_FIGURE_SUFFIX = {"MXN": " M.N."}

CURRENCY_NAMES = {"GTQ": "quetzales", "MXN": "pesos mexicanos", "USD": "dólares de los EE. UU."}


def figures(amount: Decimal, currency: str) -> str:
    """The figures alone, as tables show them: "Q 125,000.50"."""
    return format_money(Money(amount, currency))


def money(amount: Decimal, currency: str) -> str:
    """Figures with currency and the amount in words, as the body of a letter writes it. The
    figures are joined to their sign by no-break spaces: a line never ends in a lone "Q"."""
    suffix = _FIGURE_SUFFIX.get(currency, "")
    joined = f"{figures(amount, currency)}{suffix}".replace(" ", NO_BREAK)
    return f"{joined} ({amount_in_words(amount, currency)})"


def long_date(day: date) -> str:
    """A date as a letter writes it: "22 de noviembre de 2026"."""
    return f"{day.day} de {MONTHS[day.month - 1]} de {day.year}"


def date_words(day: date) -> str:
    """The date clause of an agreement: "a los veintidós días del mes de noviembre de dos mil
    veintiséis"."""
    return date_in_words(day)


def short_date(day: date) -> str:
    """A date in a table: "22/11/2026"."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def short_datetime(moment: datetime) -> str:
    """A moment in a table, "22/11/2026 14:05", in its own time zone (the service gives local
    time)."""
    return f"{short_date(moment.date())} {moment.hour:02d}:{moment.minute:02d}"


def percent(fraction: Decimal) -> str:
    """A fraction as a percentage with two decimals: Decimal("0.15") -> "15.00 %"."""
    value = (fraction * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{value:,.2f} %"


def _feminine(words: str) -> str:
    # "cuotas" is feminine: "veintiuna cuotas", "doscientas una cuotas".
    out = []
    for word in words.split():
        if word in ("uno", "un"):
            word = "una"
        elif word == "veintiuno":
            word = "veintiuna"
        elif word.endswith("cientos"):
            word = word[: -len("cientos")] + "cientas"
        out.append(word)
    return " ".join(out)


def _masculine(words: str) -> str:
    # Before a masculine noun ("días"), "uno" loses its last letter: "treinta y un días".
    return " ".join({"uno": "un", "veintiuno": "veintiún"}.get(w, w) for w in words.split())


def count(number: int, *, feminine: bool = False) -> str:
    """A count in words and figures, as agreements write it: "treinta y seis (36)"."""
    words: str = num2words(number, lang="es")
    return f"{_feminine(words) if feminine else _masculine(words)} ({number})"


def counted(number: int, singular: str, plural: str, *, feminine: bool = False) -> str:
    """A count with its noun, agreeing in number: "una (1) cuota", "doce (12) cuotas",
    "un (1) día"."""
    return f"{count(number, feminine=feminine)} {singular if number == 1 else plural}"


def account_only(account: str, bank: str) -> str:
    """The account as the line under the bank prints it: without the bank's name when the
    account repeats it ("Banco Industrial, S.A. Cuenta monetaria 000-1" under "Banco
    Industrial, S.A." prints "Cuenta monetaria 000-1"); as written otherwise."""
    text = account.strip()
    for name in (bank.strip(), bank.split(",")[0].strip()):  # with its "S.A." or without
        ends_word = len(text) == len(name) or not text[len(name) : len(name) + 1].isalnum()
        if name and ends_word and text[: len(name)].casefold() == name.casefold():
            rest = text[len(name) :].lstrip(" ,.;:-")
            return rest[0].upper() + rest[1:] if rest else text
    return text
