"""The approval policy: which approver level an agreement needs, and who may approve it.

A policy is an ordered list of tiers, lowest first. Each tier names an approver level and the
limits within which that level may approve: largest discount (a fraction of the balance), largest
amount forgiven and largest exposure (per currency: the same figure means very different money in
quetzales, pesos and dollars, and a conversion rate would make the rule drift day by day) and the
longest term. The first tier whose limits all hold decides; an agreement beyond every tier needs
the highest level, a director. Limits are inclusive: exactly 20 % stays with a 20 % supervisor.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING
from uuid import UUID

from vipdesk.core.catalog import Role
from vipdesk.core.errors import QT_TRANSLATE_NOOP, Problem, Translate, ValidationError
from vipdesk.core.money import SUPPORTED_CURRENCIES, Money, format_money

if TYPE_CHECKING:
    from vipdesk.core.approval_config import policy_from_mapping, policy_to_mapping

__all__ = [
    "CONTEXT",
    "DEFAULT_POLICY",
    "DEFAULT_ROLE_LEVELS",
    "LEVEL_LABELS",
    "TOP_LEVEL",
    "AgreementTerms",
    "ApprovalCheck",
    "ApproverLevel",
    "Decision",
    "Policy",
    "PolicyRule",
    "Reason",
    "ReasonCode",
    "approver_level_for",
    "may_approve",
    "policy_from_mapping",
    "policy_to_mapping",
    "required_approver",
]

CONTEXT = "approval"


class ApproverLevel(StrEnum):
    """Approver levels in increasing authority: compare with <, max(), sorted()."""

    SUPERVISOR = "supervisor"
    MANAGER = "manager"
    DIRECTOR = "director"

    @property
    def rank(self) -> int:
        return _ORDER.index(self)

    # str compares alphabetically ("director" < "supervisor"): authority needs its own order.
    # A plain string is read as a level (ValueError if it is none), never compared as text.
    def __lt__(self, other: str) -> bool:
        return self.rank < ApproverLevel(other).rank if isinstance(other, str) else NotImplemented

    def __le__(self, other: str) -> bool:
        return self.rank <= ApproverLevel(other).rank if isinstance(other, str) else NotImplemented

    def __gt__(self, other: str) -> bool:
        return self.rank > ApproverLevel(other).rank if isinstance(other, str) else NotImplemented

    def __ge__(self, other: str) -> bool:
        return self.rank >= ApproverLevel(other).rank if isinstance(other, str) else NotImplemented


_ORDER = tuple(ApproverLevel)
TOP_LEVEL = _ORDER[-1]

LEVEL_LABELS: Mapping[ApproverLevel, str] = MappingProxyType(
    {
        ApproverLevel.SUPERVISOR: QT_TRANSLATE_NOOP("approval", "supervisor"),
        ApproverLevel.MANAGER: QT_TRANSLATE_NOOP("approval", "manager"),
        ApproverLevel.DIRECTOR: QT_TRANSLATE_NOOP("approval", "director"),
    }
)

# Only supervisors approve today; managers and directors (or admins) get a level here, or from
# a per-user setting passed as ``levels``, without touching the callers.
DEFAULT_ROLE_LEVELS: Mapping[Role, ApproverLevel] = MappingProxyType(
    {Role.SUPERVISOR: ApproverLevel.SUPERVISOR}
)


def approver_level_for(
    role: Role, levels: Mapping[Role, ApproverLevel] = DEFAULT_ROLE_LEVELS
) -> ApproverLevel | None:
    """The level at which a user of ``role`` approves, or None if the role never approves."""
    if role is Role.EXECUTIVE:
        return None  # executives write agreements: no mapping can make them approvers
    return levels.get(role)


class ReasonCode(StrEnum):
    DISCOUNT = "discount"
    FORGIVEN = "forgiven"
    TERM = "term"
    EXPOSURE = "exposure"
    OWN_AGREEMENT = "own_agreement"
    NOT_AN_APPROVER = "not_an_approver"
    LEVEL_TOO_LOW = "level_too_low"


@dataclass(frozen=True)
class Reason:
    """Why an agreement needs a higher approver, or why a user may not approve it.

    ``template`` is an English source string of the ``approval`` translation context; params
    that are ``ApproverLevel`` values are translated as well ("the supervisor limit").
    """

    code: ReasonCode
    template: str
    params: Mapping[str, str] = field(default_factory=dict, hash=False)

    @property
    def message(self) -> str:
        return self.template.format(**self.params)

    def translated(self, translate: Translate) -> str:
        params = {
            name: translate(CONTEXT, LEVEL_LABELS[v]) if isinstance(v, ApproverLevel) else v
            for name, v in self.params.items()
        }
        return translate(CONTEXT, self.template).format(**params)


_LIMIT_TEMPLATES = {
    ReasonCode.DISCOUNT: QT_TRANSLATE_NOOP(
        "approval", "Discount {value} exceeds the {level} limit of {limit}"
    ),
    ReasonCode.FORGIVEN: QT_TRANSLATE_NOOP(
        "approval", "Amount forgiven {value} exceeds the {level} limit of {limit}"
    ),
    ReasonCode.TERM: QT_TRANSLATE_NOOP(
        "approval", "Term of {value} months exceeds the {level} limit of {limit} months"
    ),
    ReasonCode.EXPOSURE: QT_TRANSLATE_NOOP(
        "approval", "Exposure {value} exceeds the {level} limit of {limit}"
    ),
}


def _decimal(value: object, what: str) -> Decimal:
    if isinstance(value, float):
        raise TypeError(f"{what} must be a Decimal, not a float")
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise TypeError(f"{what} must be a Decimal, got {type(value).__name__}")
    if not Decimal(value).is_finite():
        raise ValueError(f"{what} must be finite, got {value}")
    return Decimal(value)


def _whole(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} must be an int, got {type(value).__name__}")
    return value


@dataclass(frozen=True)
class AgreementTerms:
    """What approval depends on. ``discount_pct`` is a fraction: 0.25 is 25 %."""

    discount_pct: Decimal
    amount_forgiven: Decimal
    currency: str
    term_months: int
    exposure: Decimal

    def __post_init__(self) -> None:
        for name in ("discount_pct", "amount_forgiven", "exposure"):
            number = _decimal(getattr(self, name), name)
            if number < 0:
                raise ValueError(f"{name} cannot be negative: {number}")
            object.__setattr__(self, name, number)
        if self.discount_pct > 1:
            raise ValueError(f"discount_pct is a fraction of at most 1: {self.discount_pct}")
        if _whole(self.term_months, "term_months") < 0:
            raise ValueError(f"term_months cannot be negative: {self.term_months}")
        if self.currency not in SUPPORTED_CURRENCIES:
            raise ValueError(f"unsupported currency: {self.currency!r}")


_PER_CURRENCY = ("max_forgiven", "max_exposure")
# Field problems (context "errors", as every Problem), one per line so lupdate sees each.
_NEGATIVE = QT_TRANSLATE_NOOP("errors", "The limit cannot be negative")
_FRACTION = QT_TRANSLATE_NOOP("errors", "Enter a fraction between 0 and 1, such as 0.20")
_NEED_CURRENCY = QT_TRANSLATE_NOOP("errors", "Enter a limit for {currency}")
_BAD_CURRENCY = QT_TRANSLATE_NOOP("errors", "Unknown currency {currency}")
_NO_TIERS = QT_TRANSLATE_NOOP("errors", "The policy needs at least one tier")
_LEVEL_ORDER = QT_TRANSLATE_NOOP(
    "errors", "Choose a higher level than the tier before ({previous})"
)
_LIMIT_ORDER = QT_TRANSLATE_NOOP(
    "errors", "Enter at least the limit of the tier before ({previous})"
)


@dataclass(frozen=True)
class PolicyRule:
    """One tier: ``level`` may approve terms within every limit (limits inclusive).

    Invalid limits raise ``ValidationError`` naming the field ("max_forgiven.MXN"); floats and
    other non-numbers raise ``TypeError`` (a programming error, not an admin's typo).
    """

    level: ApproverLevel
    max_discount_pct: Decimal
    max_forgiven: Mapping[str, Decimal] = field(hash=False)
    max_term_months: int
    max_exposure: Mapping[str, Decimal] = field(hash=False)

    def __post_init__(self) -> None:
        if not isinstance(self.level, ApproverLevel):
            raise TypeError(f"level must be an ApproverLevel, got {self.level!r}")
        pct = _decimal(self.max_discount_pct, "max_discount_pct")
        object.__setattr__(self, "max_discount_pct", pct)
        problems: list[Problem] = []
        if not 0 <= pct <= 1:
            problems.append(Problem("max_discount_pct", _FRACTION))
        if _whole(self.max_term_months, "max_term_months") < 0:
            problems.append(Problem("max_term_months", _NEGATIVE))
        for name in _PER_CURRENCY:
            limits = {key: _decimal(value, name) for key, value in getattr(self, name).items()}
            # A read-only copy: a policy in use cannot change under the caller's feet.
            object.__setattr__(self, name, MappingProxyType(limits))
            for currency in sorted(SUPPORTED_CURRENCIES - limits.keys()):
                problems.append(
                    Problem(f"{name}.{currency}", _NEED_CURRENCY, {"currency": currency})
                )
            for currency, limit in limits.items():
                if currency not in SUPPORTED_CURRENCIES:
                    problems.append(
                        Problem(f"{name}.{currency}", _BAD_CURRENCY, {"currency": currency})
                    )
                elif limit < 0:
                    problems.append(Problem(f"{name}.{currency}", _NEGATIVE))
        if problems:
            raise ValidationError(problems)

    def exceeded_by(self, terms: AgreementTerms) -> tuple[Reason, ...]:
        """The limits of this tier that ``terms`` exceed: empty when this level may approve."""
        currency = terms.currency

        def money(amount: Decimal) -> str:
            return format_money(Money(amount, currency))

        checks: tuple[tuple[ReasonCode, Decimal, Decimal, Callable[[Decimal], str]], ...] = (
            (ReasonCode.DISCOUNT, terms.discount_pct, self.max_discount_pct, _percent),
            (ReasonCode.FORGIVEN, terms.amount_forgiven, self.max_forgiven[currency], money),
            (ReasonCode.TERM, Decimal(terms.term_months), Decimal(self.max_term_months), str),
            (ReasonCode.EXPOSURE, terms.exposure, self.max_exposure[currency], money),
        )
        return tuple(
            Reason(
                code,
                _LIMIT_TEMPLATES[code],
                {"value": show(value), "level": self.level, "limit": show(limit)},
            )
            for code, value, limit, show in checks
            if value > limit
        )


def _percent(fraction: Decimal) -> str:
    return format((fraction * 100).normalize(), "f") + " %"


@dataclass(frozen=True)
class Policy:
    """Tiers, lowest first: levels strictly increasing, no limit lower than the tier before's.

    Beyond the last tier an agreement needs ``TOP_LEVEL`` (director).
    """

    tiers: tuple[PolicyRule, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "tiers", tuple(self.tiers))
        if not self.tiers:
            raise ValidationError.single("tiers", _NO_TIERS)
        problems: list[Problem] = []
        for index in range(1, len(self.tiers)):
            lower, tier = self.tiers[index - 1], self.tiers[index]
            if tier.level <= lower.level:
                previous = {"previous": lower.level.value}
                problems.append(Problem(f"tiers[{index}].level", _LEVEL_ORDER, previous))
            pairs = [
                ("max_discount_pct", lower.max_discount_pct, tier.max_discount_pct),
                ("max_term_months", Decimal(lower.max_term_months), Decimal(tier.max_term_months)),
            ]
            for name in _PER_CURRENCY:
                low, high = getattr(lower, name), getattr(tier, name)
                pairs += [(f"{name}.{c}", low[c], high[c]) for c in sorted(SUPPORTED_CURRENCIES)]
            problems += [
                Problem(f"tiers[{index}].{name}", _LIMIT_ORDER, {"previous": format(low, "f")})
                for name, low, high in pairs
                if high < low
            ]
        if problems:
            raise ValidationError(problems)


@dataclass(frozen=True)
class Decision:
    """The level that must approve, and every limit that pushed the agreement above the lowest
    tier, tier by tier (empty when the lowest tier may approve)."""

    level: ApproverLevel
    reasons: tuple[Reason, ...]


def required_approver(terms: AgreementTerms, policy: Policy) -> Decision:
    reasons: list[Reason] = []
    for tier in policy.tiers:
        exceeded = tier.exceeded_by(terms)
        if not exceeded:
            return Decision(tier.level, tuple(reasons))
        reasons.extend(exceeded)
    return Decision(TOP_LEVEL, tuple(reasons))


def _tier(
    level: ApproverLevel, pct: str, months: int, **per_currency: tuple[int, int, int]
) -> PolicyRule:
    limits = {
        name: {c: Decimal(f) for c, f in zip(("GTQ", "MXN", "USD"), figures, strict=True)}
        for name, figures in per_currency.items()
    }
    return PolicyRule(level, Decimal(pct), limits["forgiven"], months, limits["exposure"])


# Per-currency figures at round planning rates of about 8 GTQ and 20 MXN to the US dollar.
#
#   approver    discount  term  forgiven GTQ / MXN / USD         exposure GTQ / MXN / USD
#   supervisor  <= 20 %   <= 24  400,000 / 1,000,000 / 50,000     8 M / 20 M / 1 M
#   manager     <= 40 %   <= 48  2,000,000 / 5,000,000 / 250,000  40 M / 100 M / 5 M
#   director    anything beyond the manager tier
DEFAULT_POLICY = Policy(
    (
        _tier(
            ApproverLevel.SUPERVISOR, "0.20", 24,
            forgiven=(400_000, 1_000_000, 50_000), exposure=(8_000_000, 20_000_000, 1_000_000),
        ),
        _tier(
            ApproverLevel.MANAGER, "0.40", 48,
            forgiven=(2_000_000, 5_000_000, 250_000), exposure=(40_000_000, 100_000_000, 5_000_000),
        ),
    )
)  # fmt: skip


@dataclass(frozen=True)
class ApprovalCheck:
    """Whether a user may approve: false in a boolean context when refused, with the reason."""

    allowed: bool
    reason: Reason | None = None

    def __bool__(self) -> bool:
        return self.allowed


def may_approve(
    approver_id: UUID,
    approver_level: ApproverLevel | None,
    author_id: UUID,
    required_level: ApproverLevel,
) -> ApprovalCheck:
    """Four eyes: nobody approves their own agreement, whatever their level; otherwise the
    approver's level (None: the role does not approve) must be at least the required one."""
    if approver_id == author_id:
        template = QT_TRANSLATE_NOOP("approval", "Nobody may approve their own agreement")
        return ApprovalCheck(False, Reason(ReasonCode.OWN_AGREEMENT, template))
    if approver_level is None:
        template = QT_TRANSLATE_NOOP("approval", "Your role does not approve agreements")
        return ApprovalCheck(False, Reason(ReasonCode.NOT_AN_APPROVER, template))
    if approver_level < required_level:
        template = QT_TRANSLATE_NOOP(
            "approval", "This agreement needs a {required} or above; you approve as {level}"
        )
        params = {"required": required_level, "level": approver_level}
        return ApprovalCheck(False, Reason(ReasonCode.LEVEL_TOO_LOW, template, params))
    return ApprovalCheck(True)


# Re-exported lazily (PEP 562): approval_config imports this module's classes, so a top-level
# import here would be a cycle, and one at the bottom fails whenever approval_config is imported
# first. Type checkers read the TYPE_CHECKING import instead, so misspelt names still fail there.
if not TYPE_CHECKING:

    def __getattr__(name: str) -> object:
        if name in ("policy_from_mapping", "policy_to_mapping"):
            from vipdesk.core import approval_config

            return getattr(approval_config, name)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
