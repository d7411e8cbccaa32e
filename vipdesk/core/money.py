"""Money: ``Decimal`` amounts that carry their currency, rounded half-up to cents.

Floats are refused everywhere (``TypeError``): a float cannot hold most cent values exactly, and
one silently accepted float is enough to make a schedule miss its total by a cent.

Amounts are limited to ``MAX_ABS_AMOUNT`` (10^18, far beyond any real balance) so that every sum,
difference and product of two amounts stays exact within the default 28-digit decimal context:
nothing is ever rounded except by the explicit half-up-to-cents step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation
from fractions import Fraction

from babel.numbers import format_currency

from vipdesk.core.errors import QT_TRANSLATE_NOOP, ValidationError

SUPPORTED_CURRENCIES: frozenset[str] = frozenset({"GTQ", "MXN", "USD"})
CENT = Decimal("0.01")
MAX_ABS_AMOUNT = Decimal(10) ** 18

# The symbols our users write on paper and expect on screen and in letters. CLDR (and so babel)
# gives "GTQ"/"MX$"/"$" depending on the locale, which is ambiguous between MXN and USD and looks
# foreign in Guatemala; we keep one symbol per currency whatever the locale.
CURRENCY_SYMBOLS: dict[str, str] = {"GTQ": "Q", "MXN": "$", "USD": "US$"}


class CurrencyMismatch(ValueError):
    """Two amounts in different currencies were combined or compared."""


def require_decimal(value: object, what: str) -> Decimal:
    """``value`` as a Decimal; ``TypeError`` for a float, a bool or a non-number and
    ``ValueError`` for NaN or infinity, each naming ``what``."""
    if isinstance(value, float):
        raise TypeError(f"{what} must be a Decimal, not a float")
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise TypeError(f"{what} must be a Decimal, got {type(value).__name__}")
    result = Decimal(value)
    if not result.is_finite():
        raise ValueError(f"{what} must be finite, got {result}")
    return result


def round_money(value: Decimal) -> Decimal:
    """Quantize to cents, half-up (0.005 -> 0.01, -0.005 -> -0.01). Negative zero becomes 0.00."""
    number = require_decimal(value, "amount")
    if abs(number) >= MAX_ABS_AMOUNT:
        raise ValueError(f"amount out of range: {number}")
    rounded = number.quantize(CENT, rounding=ROUND_HALF_UP)
    return abs(rounded) if rounded.is_zero() else rounded


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        if self.currency not in SUPPORTED_CURRENCIES:
            raise ValueError(f"unsupported currency: {self.currency!r}")
        object.__setattr__(self, "amount", round_money(self.amount))

    @classmethod
    def of(cls, value: Decimal | int | str, currency: str) -> Money:
        """Build from a Decimal, an int or a plain decimal string such as ``"1250.50"``."""
        if isinstance(value, str):
            try:
                value = Decimal(value.strip())
            except InvalidOperation:
                raise ValueError(f"not a decimal number: {value!r}") from None
        return cls(require_decimal(value, "amount"), currency)

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(Decimal(0), currency)

    def _same(self, other: Money) -> Money:
        if self.currency != other.currency:
            raise CurrencyMismatch(f"cannot combine {self.currency} and {other.currency}")
        return other

    def __add__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.amount + self._same(other).amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.amount - self._same(other).amount, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __mul__(self, factor: Decimal | int) -> Money:
        number = require_decimal(factor, "factor")
        # Exact product first (enough precision for every digit), then one half-up rounding:
        # rounding twice could move a cent.
        digits = len(self.amount.as_tuple().digits) + len(number.as_tuple().digits)
        try:
            product = Context(prec=digits + 2).multiply(self.amount, number)
        except ArithmeticError:
            raise ValueError(f"amount out of range: {self.amount} * {number}") from None
        return Money(product, self.currency)

    __rmul__ = __mul__

    def __lt__(self, other: Money) -> bool:
        return self.amount < self._same(other).amount

    def __le__(self, other: Money) -> bool:
        return self.amount <= self._same(other).amount

    def __gt__(self, other: Money) -> bool:
        return self.amount > self._same(other).amount

    def __ge__(self, other: Money) -> bool:
        return self.amount >= self._same(other).amount

    def is_zero(self) -> bool:
        return self.amount.is_zero()

    def is_negative(self) -> bool:
        return self.amount < 0

    def _cents(self) -> int:
        return int(self.amount * 100)

    def _from_cents(self, cents: int) -> Money:
        return Money(Decimal(cents) / 100, self.currency)

    def allocate(self, n: int) -> list[Money]:
        """Split into ``n`` parts that add up exactly; leftover cents go to the first parts."""
        if isinstance(n, bool) or not isinstance(n, int) or n < 1:
            raise ValueError(f"number of parts must be a positive int, got {n!r}")
        sign = -1 if self._cents() < 0 else 1
        base, leftover = divmod(abs(self._cents()), n)
        return [self._from_cents(sign * (base + (1 if i < leftover else 0))) for i in range(n)]

    def allocate_by_weights(self, weights: list[Decimal]) -> list[Money]:
        """Split in proportion to ``weights`` so that the parts add up exactly.

        Each part gets its share rounded down to the cent; the cents left over go one by one to
        the parts with the largest discarded fraction (ties: the earlier part). A zero weight
        always gets zero. Shares are computed with exact fractions, never rounded twice.
        """
        if not weights:
            raise ValueError("at least one weight is needed")
        exact = [Fraction(require_decimal(w, "weight")) for w in weights]
        if any(w < 0 for w in exact):
            raise ValueError("weights cannot be negative")
        total_weight = sum(exact, Fraction(0))
        if total_weight == 0:
            raise ValueError("weights cannot all be zero")
        sign = -1 if self._cents() < 0 else 1
        cents = abs(self._cents())
        shares = [cents * w / total_weight for w in exact]
        floors = [int(s) for s in shares]  # shares are >= 0, so int() is floor
        leftover = cents - sum(floors)
        by_fraction = sorted(range(len(shares)), key=lambda i: (-(shares[i] - floors[i]), i))
        for i in by_fraction[:leftover]:
            floors[i] += 1
        return [self._from_cents(sign * c) for c in floors]


def format_money(money: Money, locale: str = "es_GT") -> str:
    """Format as "Q 125,000.50", "$ 2,500,000.75", "US$ 10,000.00"; negatives as "-Q 10.00".

    The symbol is ours (``CURRENCY_SYMBOLS``) and does not depend on the locale, because CLDR
    symbols are ambiguous for our users ("$" is USD in en_US but MXN in es_MX). Babel formats the
    number with the locale's separators (es_GT, es_MX and en_US all write 125,000.50), always with
    two decimals, and adds the minus sign in front of the symbol.
    """
    symbol = CURRENCY_SYMBOLS[money.currency]
    pattern = f"'{symbol}' #,##0.00"
    text: str = format_currency(
        money.amount, money.currency, format=pattern, locale=locale, currency_digits=False
    )
    return text


def amount_in_words(amount: Decimal | int, currency: str) -> str:
    """Spanish legal words for an amount, upper case: "CIENTO VEINTICINCO MIL QUETZALES CON
    50/100", "DOS MILLONES QUINIENTOS MIL PESOS 75/100 M.N." (``vipdesk.core.amount_words``)."""
    # Imported on call: amount_words itself imports this module.
    from vipdesk.core.amount_words import amount_in_words as in_words

    return in_words(amount, currency)


_SYMBOL_PREFIX = re.compile(r"^(?:US\$|\$|Q|GTQ|MXN|USD)\s*", re.IGNORECASE)
_GROUPED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?", re.ASCII)
_PLAIN = re.compile(r"[0-9]*(?:\.[0-9]*)?", re.ASCII)
_EXAMPLE = "1,250.00"


def parse_amount(
    text: str,
    field: str = "amount",
    *,
    max_value: Decimal = Decimal("999999999999.99"),
    allow_zero: bool = False,
    allow_negative: bool = False,
) -> Decimal:
    """Read an amount typed by a user; raise ``ValidationError`` (only) if it is not acceptable.

    Accepted: "1,234.56", "1234.5", " 1234 ", ".5", with an optional Q / $ / US$ symbol (or
    GTQ / MXN / USD code) and an optional minus before or after it. Commas are thousands
    separators only (the convention in Guatemala and Mexico), so they must group by three.
    The result is rounded to cents.
    """
    if not isinstance(text, str):
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP("errors", "Enter an amount, for example {example}"),
            example=_EXAMPLE,
        )
    rest = text.strip()
    negative = False
    if rest.startswith("-"):
        negative, rest = True, rest[1:].lstrip()
    rest = _SYMBOL_PREFIX.sub("", rest, count=1)
    if not negative and rest.startswith("-"):
        negative, rest = True, rest[1:].lstrip()
    if rest.count(".") > 1:
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP("errors", "Use a single decimal point, for example {example}"),
            example=_EXAMPLE,
        )
    if not rest or rest == "." or not (_GROUPED.fullmatch(rest) or _PLAIN.fullmatch(rest)):
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP("errors", "Enter an amount, for example {example}"),
            example=_EXAMPLE,
        )
    whole, _, decimals = rest.replace(",", "").partition(".")
    if len(decimals) > 2:
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP("errors", "Use at most 2 decimals, for example {example}"),
            example=_EXAMPLE,
        )
    # Money cannot hold 10^18 or more, whatever the caller allows.
    max_value = min(max_value, MAX_ABS_AMOUNT - CENT)
    maximum = f"{max_value:,.2f}"
    if len(whole.lstrip("0")) > 18:
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP("errors", "The amount cannot exceed {maximum}"),
            maximum=maximum,
        )
    value = Decimal(f"{whole or '0'}.{decimals or '0'}")
    if value > max_value:
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP("errors", "The amount cannot exceed {maximum}"),
            maximum=maximum,
        )
    value = round_money(-value if negative else value)
    if value.is_zero() and not allow_zero:
        if allow_negative:
            raise ValidationError.single(
                field, QT_TRANSLATE_NOOP("errors", "The amount cannot be zero")
            )
        raise ValidationError.single(
            field, QT_TRANSLATE_NOOP("errors", "The amount must be greater than zero")
        )
    if value < 0 and not allow_negative:
        raise ValidationError.single(
            field, QT_TRANSLATE_NOOP("errors", "The amount cannot be negative")
        )
    return value
