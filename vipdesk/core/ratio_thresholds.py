"""When a ratio's light is green, amber or red, and checking thresholds configured by an admin.

Lights compare the *rounded* value, the one the user sees: a current ratio shown as 1.50 is
green even if it was 1.4996 before rounding, so the colour never contradicts the number.

Defaults follow /shared/FINANCE.md where it names a limit; the other bands are ours, documented
next to each. A ratio that is undefined, or has no band, has no light.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from types import MappingProxyType

from vipdesk.core.errors import QT_TRANSLATE_NOOP, Problem, ValidationError
from vipdesk.core.ratio_catalog import RATIOS


class Light(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"


def _finite_decimal(value: object, what: str) -> Decimal:
    if isinstance(value, float):
        raise TypeError(f"{what} must be a Decimal, not a float")
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise TypeError(f"{what} must be a Decimal, got {type(value).__name__}")
    result = Decimal(value)
    if not result.is_finite():
        raise ValueError(f"{what} must be finite, got {result}")
    return result


@dataclass(frozen=True)
class Band:
    """Where a ratio's light changes colour.

    Higher-is-better ratios: green when value >= ``green``, red when value < ``red``.
    Lower-is-better ratios (the mirror): green when value <= ``green``, red when value > ``red``.
    Amber in between; ``green == red`` leaves no amber. Both are compared with the rounded value.
    """

    green: Decimal
    red: Decimal

    def __post_init__(self) -> None:
        object.__setattr__(self, "green", _finite_decimal(self.green, "green threshold"))
        object.__setattr__(self, "red", _finite_decimal(self.red, "red threshold"))

    def light(self, value: Decimal, higher_is_better: bool) -> Light:
        if higher_is_better:
            if value >= self.green:
                return Light.GREEN
            return Light.RED if value < self.red else Light.AMBER
        if value <= self.green:
            return Light.GREEN
        return Light.RED if value > self.red else Light.AMBER


def _band_problems(key: str, band: Band) -> list[Problem]:
    info = RATIOS.get(key)
    if info is None:
        return [Problem(key, QT_TRANSLATE_NOOP("errors", "Unknown ratio"))]
    if info.higher_is_better and band.green < band.red:
        return [
            Problem(
                key, QT_TRANSLATE_NOOP("errors", "The green threshold cannot be below the red one")
            )
        ]
    if not info.higher_is_better and band.green > band.red:
        return [
            Problem(
                key, QT_TRANSLATE_NOOP("errors", "The green threshold cannot be above the red one")
            )
        ]
    return []


class Thresholds(Mapping[str, Band]):
    """An immutable mapping ratio key -> ``Band``. A key without a band gets no light."""

    __slots__ = ("_bands",)

    def __init__(self, bands: Mapping[str, Band] | None = None) -> None:
        given = dict(bands or {})
        for band in given.values():
            if not isinstance(band, Band):
                raise TypeError(f"thresholds must be Band values, got {type(band).__name__}")
        problems = [p for key, band in given.items() for p in _band_problems(key, band)]
        if problems:
            raise ValidationError(problems)
        # Catalogue order, so that as_config() and repr() read like the ratios screen.
        self._bands: Mapping[str, Band] = MappingProxyType(
            {key: given[key] for key in RATIOS if key in given}
        )

    def __getitem__(self, key: str) -> Band:
        return self._bands[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._bands)

    def __len__(self) -> int:
        return len(self._bands)

    def __hash__(self) -> int:
        return hash(frozenset(self._bands.items()))

    def __repr__(self) -> str:
        return f"Thresholds({dict(self._bands)!r})"

    def light(self, key: str, value: Decimal | None) -> Light | None:
        return light_for(self, key, value)

    def as_config(self) -> dict[str, dict[str, str]]:
        """The inverse of ``thresholds_from_mapping``: plain strings, ready for JSON."""
        return {k: {"green": str(b.green), "red": str(b.red)} for k, b in self._bands.items()}


def light_for(thresholds: Mapping[str, Band], key: str, value: Decimal | None) -> Light | None:
    """The light of ``value`` for ratio ``key``; None when undefined or without a band."""
    band = thresholds.get(key)
    if value is None or band is None:
        return None
    return band.light(value, RATIOS[key].higher_is_better)


# Amounts have no scale-free band, only a sign: positive green, zero amber, negative red. Values
# are in cents, so "positive" is ">= 0.01".
_SIGN = Band(Decimal("0.01"), Decimal(0))

DEFAULT_THRESHOLDS = Thresholds(
    {
        "working_capital": _SIGN,
        "current_ratio": Band(Decimal("1.5"), Decimal(1)),
        "quick_ratio": Band(Decimal(1), Decimal("0.7")),
        "cash_ratio": Band(Decimal("0.5"), Decimal("0.2")),
        "debt_to_equity": Band(Decimal(1), Decimal(2)),
        # FINANCE.md: "> 4-5 is heavy". Amber covers that grey zone; red is past its upper end.
        "debt_to_ebitda": Band(Decimal(3), Decimal(5)),
        "interest_coverage": Band(Decimal(3), Decimal("1.5")),
        "dscr": Band(Decimal("1.25"), Decimal(1)),
        "dso": Band(Decimal(60), Decimal(120)),
        "free_cash_flow": _SIGN,
        "disposable_income": _SIGN,
        "debt_to_income": Band(Decimal("0.35"), Decimal("0.5")),
        "net_worth": _SIGN,
        # liquid_assets: no band. Whether a sum is enough depends on the debt it is set against,
        # which the lump-sum capacity and the scenarios judge, not this figure alone.
    }
)


MAX_THRESHOLD = Decimal(10) ** 15


def _number(value: object, field: str, problems: list[Problem]) -> Decimal | None:
    if isinstance(value, float):
        # The layer rule: a float may already have lost the digits the admin typed. Configuration
        # loaders read JSON with parse_float=Decimal.
        raise TypeError(f"{field} must be a Decimal or a string, not a float")
    number: Decimal | None = None
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        number = Decimal(value)
    elif isinstance(value, str):
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            number = None
    # Beyond any ratio, amount or number of days a debtor's statements give: a typo (1e999).
    if number is None or not number.is_finite() or abs(number) >= MAX_THRESHOLD:
        problems.append(Problem(field, QT_TRANSLATE_NOOP("errors", "Enter a number")))
        return None
    return number


def thresholds_from_mapping(
    data: Mapping[str, object], base: Mapping[str, Band] = DEFAULT_THRESHOLDS
) -> Thresholds:
    """Validate a configured ``{key: {"green": "1.5", "red": "1"}}`` over ``base``.

    Keys given replace the band of ``base``; ``None`` (or ``null`` in JSON) removes it, so that
    ratio shows no light. Numbers may be Decimals, ints or decimal strings. Every problem is
    reported at once, named ``key`` or ``key.green`` / ``key.red``.
    """
    if not isinstance(data, Mapping):
        raise TypeError(f"thresholds must be a mapping, got {type(data).__name__}")
    bands = dict(base)
    problems: list[Problem] = []
    for key, entry in data.items():
        if key not in RATIOS:
            problems.append(Problem(str(key), QT_TRANSLATE_NOOP("errors", "Unknown ratio")))
            continue
        if entry is None:
            bands.pop(key, None)
            continue
        if isinstance(entry, Band):
            band: Band | None = entry
        elif isinstance(entry, Mapping):
            band = _band_from_mapping(key, entry, problems)
        else:
            problems.append(
                Problem(key, QT_TRANSLATE_NOOP("errors", "Enter the green and the red threshold"))
            )
            continue
        if band is not None:
            problems.extend(_band_problems(key, band))
            bands[key] = band
    if problems:
        raise ValidationError(problems)
    return Thresholds(bands)


def _band_from_mapping(
    key: str, entry: Mapping[object, object], problems: list[Problem]
) -> Band | None:
    for extra in sorted(str(k) for k in entry if k not in ("green", "red")):
        problems.append(Problem(f"{key}.{extra}", QT_TRANSLATE_NOOP("errors", "Unknown setting")))
    values: dict[str, Decimal | None] = {}
    for side in ("green", "red"):
        field = f"{key}.{side}"
        if side not in entry:
            problems.append(Problem(field, QT_TRANSLATE_NOOP("errors", "This value is required")))
            values[side] = None
        else:
            values[side] = _number(entry[side], field, problems)
    green, red = values["green"], values["red"]
    if green is None or red is None:
        return None
    return Band(green, red)
