"""Admin-edited approval policies: a ``Policy`` to and from a JSON-friendly mapping.

``policy_to_mapping`` writes decimals as strings so that JSON keeps them exact;
``policy_from_mapping`` reads what it wrote, or what an admin edited, and names every invalid
field by its path. The policy itself, and what it decides: ``vipdesk.core.approval``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from vipdesk.core.approval import ApproverLevel, Policy, PolicyRule
from vipdesk.core.errors import QT_TRANSLATE_NOOP, Problem, ValidationError
from vipdesk.core.money import SUPPORTED_CURRENCIES

_LEVELS = tuple(ApproverLevel)
# Field problems (context "errors", as every Problem), one per line so lupdate sees each.
_NOT_A_LIST = QT_TRANSLATE_NOOP("errors", "Enter the policy as a list of tiers")
_NOT_A_TIER = QT_TRANSLATE_NOOP("errors", "Enter each tier as a set of named limits")
_UNKNOWN = QT_TRANSLATE_NOOP("errors", "Unknown setting {name}")
_REQUIRED = QT_TRANSLATE_NOOP("errors", "This setting is required")
_BAD_LEVEL = QT_TRANSLATE_NOOP("errors", "Unknown approver level {value}; use one of {choices}")
_PER_CURRENCY_MAP = QT_TRANSLATE_NOOP("errors", "Enter a limit for each currency: {currencies}")
_FLOAT = QT_TRANSLATE_NOOP("errors", "Write the number as text, such as {example}")
_NOT_A_NUMBER = QT_TRANSLATE_NOOP("errors", "Enter a number, for example {example}")
_NOT_MONTHS = QT_TRANSLATE_NOOP("errors", "Enter a whole number of months")


def policy_to_mapping(policy: Policy) -> dict[str, Any]:
    """``{"tiers": [{"level": "supervisor", "max_discount_pct": "0.20", "max_forgiven":
    {"GTQ": "400000", ...}, "max_term_months": 24, "max_exposure": {...}}, ...]}``: decimals
    as strings so that JSON keeps them exact."""
    return {
        "tiers": [
            {
                "level": tier.level.value,
                "max_discount_pct": format(tier.max_discount_pct, "f"),
                "max_forgiven": {c: format(v, "f") for c, v in sorted(tier.max_forgiven.items())},
                "max_term_months": tier.max_term_months,
                "max_exposure": {c: format(v, "f") for c, v in sorted(tier.max_exposure.items())},
            }
            for tier in policy.tiers
        ]
    }


def policy_from_mapping(data: Mapping[str, Any]) -> Policy:
    """Read a policy written by ``policy_to_mapping`` (or edited by an admin).

    Raises ``ValidationError`` listing every invalid field by path ("tiers[1].max_forgiven.MXN").
    Numbers are decimal strings, ints or Decimals; a float is refused because it is rarely the
    number the admin typed (read JSON with ``json.loads(text, parse_float=Decimal)``).
    """
    list_problem = Problem("tiers", _NOT_A_LIST)
    if not isinstance(data, Mapping):
        raise ValidationError([list_problem])
    problems = [_unknown(str(key), key) for key in data if key != "tiers"]
    raw_tiers = data.get("tiers")
    if not isinstance(raw_tiers, list | tuple):
        raise ValidationError([*problems, list_problem])
    tiers: list[PolicyRule] = []
    for index, raw in enumerate(raw_tiers):
        try:
            tiers.append(_tier_from_mapping(raw, f"tiers[{index}]"))
        except ValidationError as error:
            problems.extend(error.problems)
    if problems:
        raise ValidationError(problems)
    return Policy(tuple(tiers))


def _unknown(path: str, name: object) -> Problem:
    return Problem(path, _UNKNOWN, {"name": str(name)})


def _tier_from_mapping(raw: object, prefix: str) -> PolicyRule:
    if not isinstance(raw, Mapping):
        raise ValidationError.single(prefix, _NOT_A_TIER)
    parsers: dict[str, Callable[[object, str], object]] = {
        "level": _level,
        "max_discount_pct": _number,
        "max_forgiven": _limits,
        "max_term_months": _months,
        "max_exposure": _limits,
    }
    problems = [_unknown(f"{prefix}.{key}", key) for key in raw if key not in parsers]
    values: dict[str, Any] = {}
    for key, parse in parsers.items():
        if key in raw:
            values[key] = parse(raw[key], f"{prefix}.{key}")
        else:
            problems.append(Problem(f"{prefix}.{key}", _REQUIRED))
    for value in values.values():
        nested = value.values() if isinstance(value, dict) else (value,)
        problems += [item for item in nested if isinstance(item, Problem)]
    if problems:
        raise ValidationError(problems)
    try:
        return PolicyRule(**values)
    except ValidationError as error:
        raise ValidationError(
            [Problem(f"{prefix}.{p.field}", p.template, p.params) for p in error.problems]
        ) from None


def _level(raw: object, path: str) -> ApproverLevel | Problem:
    if isinstance(raw, str) and raw in _LEVELS:
        return ApproverLevel(raw)
    return Problem(path, _BAD_LEVEL, {"value": str(raw), "choices": ", ".join(_LEVELS)})


def _limits(raw: object, path: str) -> dict[str, Decimal | Problem] | Problem:
    if not isinstance(raw, Mapping):
        currencies = ", ".join(sorted(SUPPORTED_CURRENCIES))
        return Problem(path, _PER_CURRENCY_MAP, {"currencies": currencies})
    return {str(currency): _number(value, f"{path}.{currency}") for currency, value in raw.items()}


def _number(raw: object, path: str) -> Decimal | Problem:
    if isinstance(raw, float):
        return Problem(path, _FLOAT, {"example": f'"{raw!r}"'})
    value: Decimal | None = None
    if isinstance(raw, Decimal | int) and not isinstance(raw, bool):
        value = Decimal(raw)
    elif isinstance(raw, str):
        try:
            value = Decimal(raw.strip())
        except InvalidOperation:
            value = None
    if value is None or not value.is_finite():
        return Problem(path, _NOT_A_NUMBER, {"example": "50000.00"})
    return value


def _months(raw: object, path: str) -> int | Problem:
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and re.fullmatch(r"-?[0-9]+", raw.strip()):
        return int(raw.strip())
    return Problem(path, _NOT_MONTHS)
