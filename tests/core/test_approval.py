from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import Any
from uuid import uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vipdesk.core.approval import (
    DEFAULT_POLICY,
    AgreementTerms,
    ApproverLevel,
    Policy,
    PolicyRule,
    ReasonCode,
    approver_level_for,
    may_approve,
    policy_from_mapping,
    policy_to_mapping,
    required_approver,
)
from vipdesk.core.catalog import Role
from vipdesk.core.errors import ValidationError

SUPERVISOR, MANAGER, DIRECTOR = (
    ApproverLevel.SUPERVISOR,
    ApproverLevel.MANAGER,
    ApproverLevel.DIRECTOR,
)


def terms(currency: str = "GTQ", **changes: Any) -> AgreementTerms:
    base = AgreementTerms(Decimal(0), Decimal(0), currency, 1, Decimal(0))
    return replace(base, **changes)


# --- levels ---------------------------------------------------------------------------------


def test_levels_are_ordered_by_authority_not_alphabetically() -> None:
    assert sorted([DIRECTOR, SUPERVISOR, MANAGER]) == [SUPERVISOR, MANAGER, DIRECTOR]
    assert max(ApproverLevel) is DIRECTOR
    assert SUPERVISOR < MANAGER < DIRECTOR
    assert DIRECTOR >= MANAGER >= MANAGER > SUPERVISOR <= SUPERVISOR
    assert "manager" < DIRECTOR  # noqa: SIM300 (a plain string is read as a level)
    assert DIRECTOR > "supervisor"
    with pytest.raises(ValueError):
        _ = SUPERVISOR < "boss"
    with pytest.raises(TypeError):
        _ = SUPERVISOR < 1  # type: ignore[operator]


def test_role_levels() -> None:
    assert approver_level_for(Role.SUPERVISOR) is SUPERVISOR
    assert approver_level_for(Role.LEGAL) is None
    assert approver_level_for(Role.ADMIN) is None
    assert approver_level_for(Role.EXECUTIVE) is None
    mapping = {Role.ADMIN: DIRECTOR, Role.EXECUTIVE: DIRECTOR}
    assert approver_level_for(Role.ADMIN, mapping) is DIRECTOR
    assert approver_level_for(Role.EXECUTIVE, mapping) is None  # executives never approve


# --- routing with the default policy --------------------------------------------------------

# (field, supervisor limit, manager limit, smallest step above a limit), per currency.
LIMITS: list[tuple[str, str, Any, Any, Any]] = [
    ("discount_pct", "GTQ", Decimal("0.20"), Decimal("0.40"), Decimal("0.0001")),
    ("amount_forgiven", "GTQ", Decimal(400_000), Decimal(2_000_000), Decimal("0.01")),
    ("amount_forgiven", "MXN", Decimal(1_000_000), Decimal(5_000_000), Decimal("0.01")),
    ("amount_forgiven", "USD", Decimal(50_000), Decimal(250_000), Decimal("0.01")),
    ("term_months", "GTQ", 24, 48, 1),
    ("exposure", "GTQ", Decimal(8_000_000), Decimal(40_000_000), Decimal("0.01")),
    ("exposure", "MXN", Decimal(20_000_000), Decimal(100_000_000), Decimal("0.01")),
    ("exposure", "USD", Decimal(1_000_000), Decimal(5_000_000), Decimal("0.01")),
]
CODES = {
    "discount_pct": ReasonCode.DISCOUNT,
    "amount_forgiven": ReasonCode.FORGIVEN,
    "term_months": ReasonCode.TERM,
    "exposure": ReasonCode.EXPOSURE,
}


@pytest.mark.parametrize(("name", "currency", "supervisor", "manager", "step"), LIMITS)
def test_each_limit_alone_escalates_at_its_boundaries(
    name: str, currency: str, supervisor: Any, manager: Any, step: Any
) -> None:
    def route(value: Any) -> tuple[ApproverLevel, list[tuple[ReasonCode, str]]]:
        decision = required_approver(terms(currency, **{name: value}), DEFAULT_POLICY)
        return decision.level, [(r.code, r.params["level"]) for r in decision.reasons]

    code = CODES[name]
    assert route(supervisor - step) == (SUPERVISOR, [])
    assert route(supervisor) == (SUPERVISOR, [])  # exactly at the limit stays in the tier
    assert route(supervisor + step) == (MANAGER, [(code, SUPERVISOR)])
    assert route(manager) == (MANAGER, [(code, SUPERVISOR)])
    assert route(manager + step) == (DIRECTOR, [(code, SUPERVISOR), (code, MANAGER)])


def test_nothing_to_approve_goes_to_a_supervisor() -> None:
    assert required_approver(terms(term_months=0), DEFAULT_POLICY).level is SUPERVISOR


def test_limits_are_per_currency() -> None:
    # 60,000 is within a supervisor's quetzal and peso limits but not the dollar one.
    for currency, level in (("GTQ", SUPERVISOR), ("MXN", SUPERVISOR), ("USD", MANAGER)):
        decided = required_approver(
            terms(currency, amount_forgiven=Decimal(60_000)), DEFAULT_POLICY
        )
        assert decided.level is level, currency


def test_reasons_explain_every_limit_in_english() -> None:
    decision = required_approver(
        AgreementTerms(Decimal("0.25"), Decimal("400000.01"), "GTQ", 25, Decimal("8000000.01")),
        DEFAULT_POLICY,
    )
    assert decision.level is MANAGER
    assert [r.message for r in decision.reasons] == [
        "Discount 25 % exceeds the supervisor limit of 20 %",
        "Amount forgiven Q 400,000.01 exceeds the supervisor limit of Q 400,000.00",
        "Term of 25 months exceeds the supervisor limit of 24 months",
        "Exposure Q 8,000,000.01 exceeds the supervisor limit of Q 8,000,000.00",
    ]


def test_reasons_name_the_tier_they_were_pushed_from() -> None:
    decision = required_approver(
        terms("USD", discount_pct=Decimal("0.125"), exposure=Decimal(6_000_000)), DEFAULT_POLICY
    )
    assert decision.level is DIRECTOR
    assert [r.message for r in decision.reasons] == [
        "Exposure US$ 6,000,000.00 exceeds the supervisor limit of US$ 1,000,000.00",
        "Exposure US$ 6,000,000.00 exceeds the manager limit of US$ 5,000,000.00",
    ]
    fractional = required_approver(terms(discount_pct=Decimal("0.205")), DEFAULT_POLICY)
    assert fractional.reasons[0].message == "Discount 20.5 % exceeds the supervisor limit of 20 %"


def test_reasons_translate_template_and_level() -> None:
    spanish = {
        "Term of {value} months exceeds the {level} limit of {limit} months": (
            "El plazo de {value} meses excede el límite de {limit} meses del {level}"
        ),
        "supervisor": "supervisor",
        "manager": "gerente",
    }
    contexts: set[str] = set()

    def translate(context: str, text: str) -> str:
        contexts.add(context)
        return spanish.get(text, text)

    decision = required_approver(terms(term_months=60), DEFAULT_POLICY)
    assert [r.translated(translate) for r in decision.reasons] == [
        "El plazo de 60 meses excede el límite de 24 meses del supervisor",
        "El plazo de 60 meses excede el límite de 48 meses del gerente",
    ]
    assert contexts == {"approval"}


def single_tier(level: ApproverLevel = SUPERVISOR, pct: str = "0.10") -> PolicyRule:
    limits = {"GTQ": Decimal(1000), "MXN": Decimal(1000), "USD": Decimal(1000)}
    return PolicyRule(level, Decimal(pct), limits, 12, limits)


def test_beyond_every_tier_is_the_director() -> None:
    policy = Policy((single_tier(),))
    assert required_approver(terms(term_months=13), policy).level is DIRECTOR
    only_director = Policy((single_tier(DIRECTOR),))
    assert required_approver(terms(term_months=6), only_director).level is DIRECTOR
    beyond = required_approver(terms(term_months=13), only_director)
    assert beyond.level is DIRECTOR
    assert [r.code for r in beyond.reasons] == [ReasonCode.TERM]


# --- terms and rules are checked when built -------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"discount_pct": 0.1}, TypeError),
        ({"amount_forgiven": "10"}, TypeError),
        ({"term_months": True}, TypeError),
        ({"term_months": Decimal(3)}, TypeError),
        ({"discount_pct": Decimal("-0.01")}, ValueError),
        ({"discount_pct": Decimal("1.01")}, ValueError),
        ({"amount_forgiven": Decimal(-1)}, ValueError),
        ({"exposure": Decimal("NaN")}, ValueError),
        ({"term_months": -1}, ValueError),
        ({"currency": "EUR"}, ValueError),
    ],
)
def test_terms_refuse_bad_values(changes: dict[str, Any], error: type[Exception]) -> None:
    with pytest.raises(error):
        terms(**changes)


def test_terms_accept_ints() -> None:
    built = AgreementTerms(0, 10, "MXN", 3, 1000)  # type: ignore[arg-type]
    assert built.amount_forgiven == Decimal(10) and isinstance(built.exposure, Decimal)


def test_rules_refuse_floats_and_are_read_only() -> None:
    limits = {"GTQ": Decimal(1), "MXN": Decimal(1), "USD": Decimal(1)}
    with pytest.raises(TypeError):
        PolicyRule(SUPERVISOR, 0.2, limits, 12, limits)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        PolicyRule("supervisor", Decimal("0.2"), limits, 12, limits)  # type: ignore[arg-type]
    rule = PolicyRule(SUPERVISOR, Decimal("0.2"), limits, 12, limits)
    limits["GTQ"] = Decimal(10**9)
    assert rule.max_forgiven["GTQ"] == 1
    with pytest.raises(TypeError):
        rule.max_forgiven["GTQ"] = Decimal(5)  # type: ignore[index]
    with pytest.raises(ValidationError) as raised:
        Policy(())
    assert raised.value.problems[0].field == "tiers"


# --- mapping for admins ---------------------------------------------------------------------


def test_mapping_is_json_friendly_and_round_trips() -> None:
    data = policy_to_mapping(DEFAULT_POLICY)
    assert data["tiers"][0] == {
        "level": "supervisor",
        "max_discount_pct": "0.20",
        "max_forgiven": {"GTQ": "400000", "MXN": "1000000", "USD": "50000"},
        "max_term_months": 24,
        "max_exposure": {"GTQ": "8000000", "MXN": "20000000", "USD": "1000000"},
    }
    assert [tier["level"] for tier in data["tiers"]] == ["supervisor", "manager"]
    assert policy_from_mapping(json.loads(json.dumps(data))) == DEFAULT_POLICY


def test_mapping_accepts_json_read_with_decimal_floats() -> None:
    text = json.dumps(policy_to_mapping(DEFAULT_POLICY)).replace('"0.20"', "0.125")
    policy = policy_from_mapping(json.loads(text, parse_float=Decimal))
    assert policy.tiers[0].max_discount_pct == Decimal("0.125")


limit_values = st.decimals(min_value=0, max_value=10**12, places=2)


@given(
    pct=st.decimals(min_value=0, max_value=1, places=4),
    months=st.integers(0, 600),
    forgiven=st.tuples(limit_values, limit_values, limit_values),
    levels=st.lists(st.sampled_from(list(ApproverLevel)), min_size=1, max_size=3, unique=True),
)
def test_any_valid_policy_round_trips(
    pct: Decimal, months: int, forgiven: tuple[Decimal, ...], levels: list[ApproverLevel]
) -> None:
    limits = dict(zip(("GTQ", "MXN", "USD"), forgiven, strict=True))
    policy = Policy(
        tuple(PolicyRule(level, pct, limits, months, limits) for level in sorted(levels))
    )
    assert policy_from_mapping(json.loads(json.dumps(policy_to_mapping(policy)))) == policy


def edit(change: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
    data = copy.deepcopy(policy_to_mapping(DEFAULT_POLICY))
    change(data)
    return data


def _set(path: str, value: object) -> Callable[[dict[str, Any]], object]:
    def change(data: dict[str, Any]) -> None:
        *parents, last = path.split("/")
        target: Any = data
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(last) if last.isdigit() else last] = value

    return change


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (
            _set("tiers/0/level", "boss"),
            "tiers[0].level",
            "Unknown approver level boss; use one of supervisor, manager, director",
        ),
        (
            _set("tiers/0/level", None),
            "tiers[0].level",
            "Unknown approver level None; use one of supervisor, manager, director",
        ),
        (
            _set("tiers/0/max_discount_pct", "abc"),
            "tiers[0].max_discount_pct",
            "Enter a number, for example 50000.00",
        ),
        (
            _set("tiers/0/max_discount_pct", "NaN"),
            "tiers[0].max_discount_pct",
            "Enter a number, for example 50000.00",
        ),
        (
            _set("tiers/0/max_discount_pct", 0.2),
            "tiers[0].max_discount_pct",
            'Write the number as text, such as "0.2"',
        ),
        (
            _set("tiers/0/max_discount_pct", "1.5"),
            "tiers[0].max_discount_pct",
            "Enter a fraction between 0 and 1, such as 0.20",
        ),
        (
            _set("tiers/0/max_discount_pct", "-0.1"),
            "tiers[0].max_discount_pct",
            "Enter a fraction between 0 and 1, such as 0.20",
        ),
        (
            _set("tiers/0/max_term_months", "twelve"),
            "tiers[0].max_term_months",
            "Enter a whole number of months",
        ),
        (
            _set("tiers/0/max_term_months", True),
            "tiers[0].max_term_months",
            "Enter a whole number of months",
        ),
        (
            _set("tiers/0/max_term_months", "-1"),
            "tiers[0].max_term_months",
            "The limit cannot be negative",
        ),
        (
            _set("tiers/1/max_forgiven/GTQ", "-5"),
            "tiers[1].max_forgiven.GTQ",
            "The limit cannot be negative",
        ),
        (
            _set("tiers/0/max_forgiven/EUR", "5"),
            "tiers[0].max_forgiven.EUR",
            "Unknown currency EUR",
        ),
        (
            lambda d: d["tiers"][1]["max_exposure"].pop("USD"),
            "tiers[1].max_exposure.USD",
            "Enter a limit for USD",
        ),
        (
            _set("tiers/0/max_exposure", "1000000"),
            "tiers[0].max_exposure",
            "Enter a limit for each currency: GTQ, MXN, USD",
        ),
        (
            lambda d: d["tiers"][0].pop("max_term_months"),
            "tiers[0].max_term_months",
            "This setting is required",
        ),
        (_set("tiers/0/colour", "red"), "tiers[0].colour", "Unknown setting colour"),
        (_set("version", 2), "version", "Unknown setting version"),
        (_set("tiers/1", "manager"), "tiers[1]", "Enter each tier as a set of named limits"),
        (_set("tiers", []), "tiers", "The policy needs at least one tier"),
        (_set("tiers", "supervisor"), "tiers", "Enter the policy as a list of tiers"),
        (lambda d: d.pop("tiers"), "tiers", "Enter the policy as a list of tiers"),
        (
            _set("tiers/1/level", "supervisor"),
            "tiers[1].level",
            "Choose a higher level than the tier before (supervisor)",
        ),
        (
            lambda d: d["tiers"].reverse(),
            "tiers[1].level",
            "Choose a higher level than the tier before (manager)",
        ),
        (
            _set("tiers/1/max_discount_pct", "0.15"),
            "tiers[1].max_discount_pct",
            "Enter at least the limit of the tier before (0.20)",
        ),
        (
            _set("tiers/1/max_term_months", 12),
            "tiers[1].max_term_months",
            "Enter at least the limit of the tier before (24)",
        ),
        (
            _set("tiers/1/max_forgiven/MXN", "999999.99"),
            "tiers[1].max_forgiven.MXN",
            "Enter at least the limit of the tier before (1000000)",
        ),
    ],
)
def test_bad_configs_name_the_field(
    change: Callable[[dict[str, Any]], object], field: str, message: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        policy_from_mapping(edit(change))
    assert [(p.field, p.message) for p in raised.value.problems if p.field == field] == [
        (field, message)
    ]


def test_every_problem_of_every_tier_is_reported_at_once() -> None:
    def change(data: dict[str, Any]) -> None:
        data["tiers"][0]["level"] = "boss"
        data["tiers"][0]["max_discount_pct"] = "x"
        data["tiers"][1]["max_forgiven"]["USD"] = "y"

    with pytest.raises(ValidationError) as raised:
        policy_from_mapping(edit(change))
    assert [p.field for p in raised.value.problems] == [
        "tiers[0].level",
        "tiers[0].max_discount_pct",
        "tiers[1].max_forgiven.USD",
    ]


def test_not_a_mapping_is_refused() -> None:
    with pytest.raises(ValidationError):
        policy_from_mapping(["supervisor"])  # type: ignore[arg-type]


# --- four eyes ------------------------------------------------------------------------------


def test_nobody_approves_their_own_agreement() -> None:
    me = uuid4()
    check = may_approve(me, DIRECTOR, me, SUPERVISOR)
    assert not check
    assert check.reason is not None and check.reason.code is ReasonCode.OWN_AGREEMENT
    assert check.reason.message == "Nobody may approve their own agreement"


def test_level_must_reach_the_required_one() -> None:
    author = uuid4()
    assert may_approve(uuid4(), SUPERVISOR, author, SUPERVISOR)
    assert may_approve(uuid4(), DIRECTOR, author, MANAGER)
    check = may_approve(uuid4(), SUPERVISOR, author, MANAGER)
    assert not check.allowed
    assert check.reason is not None and check.reason.code is ReasonCode.LEVEL_TOO_LOW
    assert (
        check.reason.message == "This agreement needs a manager or above; you approve as supervisor"
    )
    spanish = {"manager": "gerente", "supervisor": "supervisor"}
    translated = check.reason.translated(lambda _context, text: spanish.get(text, text))
    assert translated == "This agreement needs a gerente or above; you approve as supervisor"


def test_roles_without_a_level_never_approve() -> None:
    check = may_approve(uuid4(), approver_level_for(Role.EXECUTIVE), uuid4(), SUPERVISOR)
    assert not check
    assert check.reason is not None and check.reason.code is ReasonCode.NOT_AN_APPROVER
