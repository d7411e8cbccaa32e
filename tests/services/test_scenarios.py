"""Settlement scenarios valued side by side: every kind valued in the case's analysis with the
legal route last, the approver each would need, the recommendation among those a supervisor may
approve, choosing one (and saying why when it is not the recommended one); validated,
authorised, audited, applied once, queued on a cache and synced, conflicts settled. SQLite and
PostgreSQL."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID, uuid4

import pytest
from sqlalchemy import select

from tests.services.finance_helpers import COMPANY, audit_actions, count, fresh_case, period
from tests.services.helpers import CacheFor, actor, audit_count
from vipdesk.core.approval import (
    AgreementTerms,
    ApproverLevel,
    Policy,
    PolicyRule,
    policy_to_mapping,
    required_approver,
)
from vipdesk.core.capacity import CapacityAssumptions, Collateral, collateral_net_value
from vipdesk.core.errors import Conflict, NotAllowed, NotFound, ValidationError
from vipdesk.core.valuation import LegalRoute, ValuationContext, value_scenario
from vipdesk.services import cases, conflicts, finance, scenarios, sync
from vipdesk.services.finance_dto import (
    Comparison,
    ScenarioChoice,
    ScenarioRemoval,
    ScenarioSave,
)
from vipdesk.services.scenario_terms import TERM_FIELDS, parse_terms
from vipdesk.storage.models import AppSetting, Case, Obligation, SettlementScenario, User
from vipdesk.storage.uow import Database


def _today(db: Database) -> date:
    return db.unit_of_work().today()


def _in(db: Database, days: int) -> str:
    return (_today(db) + timedelta(days=days)).isoformat()


def _compare(db: Database, case_id: UUID, username: str = "ejecutivo1") -> Comparison:
    return scenarios.compare_scenarios(db.unit_of_work(), actor(db, username), case_id)


def _save(db: Database, command: ScenarioSave, username: str = "ejecutivo1") -> UUID:
    return scenarios.save_scenario(db.unit_of_work(), actor(db, username), command)


def _choose(db: Database, case_id: UUID, scenario_id: UUID | None, reason: str = "") -> None:
    scenarios.choose_scenario(
        db.unit_of_work(), actor(db, "ejecutivo1"), ScenarioChoice(case_id, scenario_id, reason)
    )


def _exposure(db: Database, case_id: UUID) -> Decimal:
    return finance.financial_analysis(db.unit_of_work(), actor(db, "ejecutivo1"), case_id).exposure


def _lump(db: Database, case_id: UUID, share: str, days: int = 30, **changes: Any) -> ScenarioSave:
    amount = (_exposure(db, case_id) * Decimal(share)).quantize(Decimal("0.01"))
    fields: dict[str, Any] = {
        "case_id": case_id,
        "scenario_id": uuid4(),
        "name": f"Liquidación al {share}",
        "kind": "lump_sum",
        "terms": {"amount": f"{amount:,.2f}", "pay_on": _in(db, days)},
        "notes": "",
    }
    fields.update(changes)
    return ScenarioSave(**fields)


def _plan(db: Database, case_id: UUID, months: int = 24, **changes: Any) -> ScenarioSave:
    terms = {
        "installments": str(months),
        "annual_rate": "0.12",
        "first_due": _in(db, 30),
        "down_payment": "1,000",
    }
    return ScenarioSave(
        case_id,
        uuid4(),
        f"Plan a {months} meses",
        "installment_plan",
        {**terms, **changes.pop("terms", {})},
        **changes,
    )


def _secured_case(db: Database) -> UUID:
    with db.unit_of_work() as uow:
        session = uow.session
        me = session.scalars(select(User.id).where(User.username == "ejecutivo1")).one()
        query = (
            select(Case.id)
            .join(Obligation, Obligation.case_id == Case.id)
            .where(Case.executive_id == me, Case.status != "closed", Case.exposure > 0)
            .where(Obligation.currency == Case.currency, Obligation.collateral_value.is_not(None))
            .where(Case.id.not_in(select(SettlementScenario.case_id)))
            .order_by(Case.number)
        )
        found = session.scalars(query).first()
        assert found is not None
        return found


def _context(db: Database, case_id: UUID) -> ValuationContext:
    """The valuation context, put together here from what the case and its analysis show."""
    me = actor(db, "ejecutivo1")
    analysis = finance.financial_analysis(db.unit_of_work(), me, case_id)
    detail = cases.case_detail(db.unit_of_work(), me, case_id)
    statuses = [p.status for p in detail.promises]
    a = analysis.assumptions
    shares = CapacityAssumptions(a.payment_share, a.liquidation_haircut, a.forced_sale_haircut)
    recoverable = sum(
        (
            collateral_net_value(Collateral(c.description, c.market_value, c.senior_liens), shares)
            for c in analysis.collaterals
        ),
        Decimal("0.00"),
    )
    return ValuationContext(
        analysis.exposure,
        analysis.as_of,
        a.discount_rate,
        LegalRoute(a.legal_p_win, recoverable, a.legal_costs, a.legal_months),
        analysis.capacity.sustainable.value,
        analysis.capacity.lump_sum.value,
        statuses.count("kept"),
        statuses.count("broken"),
        statuses.count("partially_kept"),
        detail.days_past_due,
    )


def _store_policy(db: Database, policy: Policy) -> None:
    with db.unit_of_work() as uow:
        uow.session.add(AppSetting(key="approval_policy", value=policy_to_mapping(policy)))
        uow.commit()


def _tier(level: ApproverLevel, pct: str, months: int) -> PolicyRule:
    big = {c: Decimal(10**14) for c in ("GTQ", "MXN", "USD")}
    return PolicyRule(level, Decimal(pct), big, months, big)


# Supervisors approve up to 20 % off and 12 months; managers 40 % and 48 months; whatever the
# amounts: what is within policy depends on the discount and the term alone.
STRICT = Policy(
    (_tier(ApproverLevel.SUPERVISOR, "0.20", 12), _tier(ApproverLevel.MANAGER, "0.40", 48))
)


# -- valued side by side ---------------------------------------------------------------------


def test_every_kind_is_valued_side_by_side_with_the_legal_route_last(
    any_database: Database,
) -> None:
    db = any_database
    case_id = _secured_case(db)
    analysis = finance.financial_analysis(db.unit_of_work(), actor(db, "ejecutivo1"), case_id)
    asset = analysis.collaterals[0]
    saved = [
        _lump(db, case_id, "0.75"),
        _plan(db, case_id, 24),
        ScenarioSave(
            case_id,
            uuid4(),
            "Reestructuración",
            "restructuring",
            {"new_term_installments": "60", "annual_rate": "0.15", "first_due": _in(db, 45)},
        ),
        ScenarioSave(
            case_id,
            uuid4(),
            "Dación en pago",
            "payment_in_kind",
            {
                "asset_description": asset.description[:300],
                "appraised_value": str(asset.market_value),
                "forced_sale_haircut": "0.30",
                "transfer_costs": "1,000",
                "transfer_on": _in(db, 60),
            },
            "Avalúo de 2025",
        ),
    ]
    for command in saved:
        _save(db, command)
    comparison = _compare(db, case_id)
    context = _context(db, case_id)
    assert (comparison.currency, comparison.exposure) == (analysis.currency, analysis.exposure)
    assert comparison.as_of == _today(db) and comparison.chosen_index is None
    rows = comparison.rows
    assert [r.info.name for r in rows[:-1] if r.info] == [c.name for c in saved]
    for row, command in zip(rows, saved, strict=False):
        assert row.info is not None and row.problem is None and row.value is not None
        assert (row.info.kind, row.info.author_name) == (command.kind, "Ana Lucía Morales")
        assert set(row.info.terms) == set(TERM_FIELDS[command.kind])
        expected = value_scenario(
            parse_terms(command.kind, command.terms, context.as_of, context.exposure), context
        )
        assert row.value == expected
        terms = AgreementTerms(
            expected.discount_pct,
            expected.discount_amount,
            comparison.currency,
            expected.term_months,
            context.exposure,
        )
        assert row.decision == required_approver(terms, _default_policy())
        assert row.within_policy == (row.decision.level is ApproverLevel.SUPERVISOR)
    legal = rows[-1]
    assert legal.info is None and legal.decision is None and legal.within_policy
    assert legal.value == value_scenario(context.legal, context) == analysis.legal_value
    valued = [i for i, r in enumerate(rows) if r.value is not None and r.within_policy]
    best = comparison.best_index
    assert best in valued
    assert all(rows[i].value.expected_pv <= rows[best].value.expected_pv for i in valued)  # type: ignore[union-attr]


def _default_policy() -> Policy:
    from vipdesk.core.approval import DEFAULT_POLICY

    return DEFAULT_POLICY


def test_the_recommendation_is_the_best_expected_value_a_supervisor_may_approve(
    any_database: Database,
) -> None:
    db = any_database
    _store_policy(db, STRICT)
    case_id = fresh_case(db, "company")
    rich = {**COMPANY, "cash": f"{_exposure(db, case_id) * 2:.2f}"}  # pays a lump sum at once
    finance.save_period(
        db.unit_of_work(),
        actor(db, "ejecutivo1"),
        period(case_id, date(2024, 12, 31), figures=rich),
    )
    whole_plan = _save(db, _plan(db, case_id, 36))  # no discount, 36 months: a manager's
    small = _save(db, _lump(db, case_id, "0.85"))  # 15 % off: a supervisor's
    deep = _save(db, _lump(db, case_id, "0.50"))  # 50 % off: a director's
    comparison = _compare(db, case_id)
    by_id = {r.info.id: r for r in comparison.rows if r.info}
    levels = {i: r.decision.level for i, r in by_id.items() if r.decision}
    assert levels == {
        whole_plan: ApproverLevel.MANAGER,
        small: ApproverLevel.SUPERVISOR,
        deep: ApproverLevel.DIRECTOR,
    }
    assert [r.within_policy for r in comparison.rows] == [False, True, False, True]
    best = comparison.best_index
    assert best in (1, 3)
    other = 4 - best
    assert comparison.rows[best].value.expected_pv >= comparison.rows[other].value.expected_pv  # type: ignore[union-attr]


# -- choosing ------------------------------------------------------------------------------------


def _two_options(db: Database) -> tuple[UUID, UUID, UUID]:
    """A case with statements where the 85 % lump sum (within policy) is recommended and a
    36-month plan (a manager's) is not. Returns (case, recommended, other)."""
    _store_policy(db, STRICT)
    case_id = fresh_case(db, "company")
    rich = {**COMPANY, "cash": f"{_exposure(db, case_id) * 2:.2f}"}
    finance.save_period(
        db.unit_of_work(),
        actor(db, "ejecutivo1"),
        period(case_id, date(2024, 12, 31), figures=rich),
    )
    other = _save(db, _plan(db, case_id, 36))
    recommended = _save(db, _lump(db, case_id, "0.85", days=10))
    comparison = _compare(db, case_id)
    assert comparison.rows[comparison.best_index or 0].info is not None
    assert comparison.rows[comparison.best_index or 0].info.id == recommended  # type: ignore[union-attr]
    return case_id, recommended, other


def test_choosing_a_scenario_other_than_the_recommended_one_needs_a_reason(
    any_database: Database,
) -> None:
    db = any_database
    case_id, recommended, other = _two_options(db)
    audits = audit_count(db)
    for reason in ("", "   "):
        with pytest.raises(ValidationError) as caught:
            _choose(db, case_id, other, reason)
        [problem] = caught.value.problems
        assert problem.field == "reason"
        assert problem.template == "Say why you prefer this scenario to the recommended one"
    with pytest.raises(ValidationError) as caught:
        _choose(db, case_id, other, "r" * 2001)
    assert [p.field for p in caught.value.problems] == ["reason"]
    assert _compare(db, case_id).chosen_index is None and audit_count(db) == audits

    _choose(db, case_id, recommended)  # the recommended one needs no reason
    comparison = _compare(db, case_id)
    assert comparison.chosen_index == comparison.best_index
    _choose(db, case_id, other, "  El deudor <b>no</b> tiene liquidez 🌵\r\nhasta marzo ")
    comparison = _compare(db, case_id)
    chosen = [r.info for r in comparison.rows if r.info and r.info.chosen]
    assert [c.id for c in chosen] == [other]  # only one chosen at a time
    assert chosen[0].choice_reason == "El deudor <b>no</b> tiene liquidez 🌵\nhasta marzo"
    assert comparison.chosen_index == 0 and not comparison.rows[0].within_policy
    assert audit_actions(db, case_id)[-2:] == ["scenario.chosen", "scenario.chosen"]
    _choose(db, case_id, None)  # none chosen any more
    assert _compare(db, case_id).chosen_index is None


def test_terms_that_can_no_longer_be_valued_say_why(any_database: Database) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    stale = _save(db, _plan(db, case_id, 12, terms={"first_due": _in(db, 5)}))
    fine = _save(db, _lump(db, case_id, "0.9", days=200))
    later = Database(db.engine, clock=lambda: datetime.now(UTC) + timedelta(days=40))
    comparison = _compare(later, case_id)
    row = comparison.rows[0]
    assert row.info is not None and row.info.id == stale
    assert row.value is None and row.decision is None and not row.within_policy
    assert row.problem == scenarios.NOT_VALUABLE
    assert {p.field for p in row.problems} == {"first_due"}
    assert comparison.rows[1].value is not None and comparison.best_index != 0
    with pytest.raises(ValidationError) as caught:
        scenarios.choose_scenario(
            later.unit_of_work(),
            actor(later, "ejecutivo1"),
            ScenarioChoice(case_id, stale, "Lo prefiero"),
        )
    assert [p.field for p in caught.value.problems] == ["scenario_id"]
    scenarios.choose_scenario(
        later.unit_of_work(),
        actor(later, "ejecutivo1"),
        ScenarioChoice(case_id, fine, "Pago seguro"),
    )


def test_nothing_to_settle_on_a_case_that_owes_nothing(any_database: Database) -> None:
    db = any_database
    with db.unit_of_work() as uow:
        case_id = uow.session.scalars(
            select(Case.id)
            .join(User, User.id == Case.executive_id)
            .where(User.username == "ejecutivo1", Case.exposure == 0)
            .order_by(Case.number)
        ).first()
    assert case_id is not None
    comparison = _compare(db, case_id)
    assert comparison.best_index is None and comparison.exposure == 0
    assert comparison.rows[-1].value is None and comparison.rows[-1].problem
    analysis = finance.financial_analysis(db.unit_of_work(), actor(db, "ejecutivo1"), case_id)
    assert analysis.legal_value is None
    with pytest.raises(ValidationError) as caught:
        _save(
            db,
            ScenarioSave(
                case_id, uuid4(), "Quita", "lump_sum", {"amount": "1", "pay_on": _in(db, 5)}
            ),
        )
    assert [p.field for p in caught.value.problems] == ["kind"]


# -- validation ----------------------------------------------------------------------------------

FAR = "2200-01-01"
HOSTILE: list[tuple[str, str, dict[str, str]]] = [
    ("amount", "lump_sum", {"amount": ""}),
    ("amount", "lump_sum", {"amount": "0"}),
    ("amount", "lump_sum", {"amount": "-5"}),
    ("amount", "lump_sum", {"amount": "1" + "0" * 20}),
    ("amount", "lump_sum", {"amount": "<b>100</b>"}),
    ("amount", "lump_sum", {"amount": "100 🌵"}),
    ("amount", "lump_sum", {"amount": "999,999,999,999.99"}),  # above the exposure
    ("pay_on", "lump_sum", {"pay_on": "2020-01-01"}),
    ("pay_on", "lump_sum", {"pay_on": "1900-01-01"}),
    ("pay_on", "lump_sum", {"pay_on": FAR}),
    ("pay_on", "lump_sum", {"pay_on": "31/12/2026"}),
    ("pay_on", "lump_sum", {"pay_on": "2026-02-30"}),
    ("pay_on", "lump_sum", {"pay_on": "x" * 10_000}),
    ("bogus", "lump_sum", {"bogus": "1"}),
    ("installments", "lump_sum", {"installments": "12"}),  # not a lump sum's term
    ("installments", "installment_plan", {"installments": "0"}),
    ("installments", "installment_plan", {"installments": "601"}),
    ("installments", "installment_plan", {"installments": "1.5"}),
    ("installments", "installment_plan", {"installments": ""}),
    ("frequency", "installment_plan", {"frequency": "daily"}),
    ("method", "installment_plan", {"method": "<script>"}),
    ("annual_rate", "installment_plan", {"annual_rate": "1.5"}),
    ("annual_rate", "installment_plan", {"annual_rate": "-0.1"}),
    ("annual_rate", "installment_plan", {"annual_rate": "12%"}),
    ("first_due", "installment_plan", {"first_due": FAR}),
    ("down_payment", "installment_plan", {"down_payment": "-1"}),
    ("grace_periods", "installment_plan", {"grace_periods": "24"}),  # every instalment
    ("new_term_installments", "restructuring", {"new_term_installments": "0"}),
    ("forced_sale_haircut", "payment_in_kind", {"forced_sale_haircut": "1"}),
    ("transfer_costs", "payment_in_kind", {"transfer_costs": "999,999"}),  # takes all
    ("asset_description", "payment_in_kind", {"asset_description": ""}),
    ("asset_description", "payment_in_kind", {"asset_description": "d" * 301}),
    ("asset_description", "payment_in_kind", {"asset_description": "nul\x00"}),
]
VALID = {
    "lump_sum": {"amount": "1,000", "pay_on": "+30"},
    "installment_plan": {"installments": "24", "annual_rate": "0.12", "first_due": "+30"},
    "restructuring": {"new_term_installments": "60", "annual_rate": "0.1", "first_due": "+30"},
    "payment_in_kind": {
        "asset_description": "Finca 123",
        "appraised_value": "500,000",
        "forced_sale_haircut": "0.3",
        "transfer_on": "+60",
    },
}


def _terms(db: Database, kind: str, changes: dict[str, str]) -> dict[str, str]:
    terms = {**VALID[kind], **changes}
    return {k: _in(db, int(v)) if v.startswith("+") else v for k, v in terms.items()}


@pytest.mark.parametrize(("field", "kind", "changes"), HOSTILE)
def test_hostile_terms_name_the_field_and_store_nothing(
    any_database: Database, field: str, kind: str, changes: dict[str, str]
) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    audits = audit_count(db)
    with pytest.raises(ValidationError) as caught:
        _save(db, ScenarioSave(case_id, uuid4(), "Escenario", kind, _terms(db, kind, changes)))
    assert {p.field for p in caught.value.problems} == {field}, caught.value.problems
    assert count(db, SettlementScenario, case_id=case_id) == 0 and audit_count(db) == audits


@pytest.mark.parametrize(
    ("field", "changes"),
    [
        ("name", {"name": ""}),
        ("name", {"name": "n" * 121}),
        ("name", {"name": "n" * 10_000}),
        ("name", {"name": "a\nb"}),
        ("notes", {"notes": "n" * 4001}),
        ("notes", {"notes": "bell\x07"}),
        ("kind", {"kind": "legal"}),
        ("kind", {"kind": "bogus"}),
    ],
)
def test_hostile_names_notes_and_kinds(
    any_database: Database, field: str, changes: dict[str, str]
) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    command = ScenarioSave(case_id, uuid4(), "Escenario", "lump_sum", _terms(db, "lump_sum", {}))
    with pytest.raises(ValidationError) as caught:
        _save(db, dataclasses.replace(command, **changes))
    assert field in {p.field for p in caught.value.problems}
    assert count(db, SettlementScenario, case_id=case_id) == 0


def test_markup_and_emoji_are_kept_and_defaults_filled(any_database: Database) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    saved = _save(
        db,
        ScenarioSave(
            case_id,
            uuid4(),
            " <b>Plan</b> 🌵 ",
            "installment_plan",
            _terms(db, "installment_plan", {"annual_rate": " .125 "}),
            "Línea 1\r\nLínea 2",
        ),
    )
    [info] = scenarios.scenarios_of(db.unit_of_work(), actor(db, "ejecutivo1"), case_id)
    assert (info.id, info.name, info.notes) == (saved, "<b>Plan</b> 🌵", "Línea 1\nLínea 2")
    assert info.terms["annual_rate"] == "0.125" and info.terms["installments"] == "24"
    assert info.terms["frequency"] == "" and info.terms["method"] == ""  # defaults
    assert _compare(db, case_id).rows[0].value is not None


# -- who may, conflicts, applied once ---------------------------------------------------


def test_only_who_may_work_the_case_changes_its_scenarios(any_database: Database) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    made = _save(db, _lump(db, case_id, "0.9"))
    for username, refusal in (("ejecutivo2", NotFound), ("admin1", NotAllowed)):
        who = actor(db, username)
        with pytest.raises(refusal):
            scenarios.save_scenario(db.unit_of_work(), who, _lump(db, case_id, "0.8"))
        with pytest.raises(refusal):
            scenarios.remove_scenario(db.unit_of_work(), who, ScenarioRemoval(case_id, made))
        with pytest.raises(refusal):
            scenarios.choose_scenario(db.unit_of_work(), who, ScenarioChoice(case_id, made, "x"))
    with pytest.raises(NotFound):
        _compare(db, case_id, "ejecutivo2")
    assert len(_compare(db, case_id, "admin1").rows) == 2
    _save(db, _lump(db, case_id, "0.8"), "supervisor1")  # the team's supervisor may
    assert count(db, SettlementScenario, case_id=case_id) == 2


def test_legal_compares_a_case_in_legal_but_changes_nothing(any_database: Database) -> None:
    db = any_database
    try:
        case_id = fresh_case(db, "company", status="legal")
    except AssertionError:
        case_id = fresh_case(db, "individual", status="legal")
    _save(db, _lump(db, case_id, "0.6"))
    comparison = _compare(db, case_id, "juridico1")
    assert len(comparison.rows) == 2
    with pytest.raises(NotAllowed):
        _save(db, _lump(db, case_id, "0.7"), "juridico1")


def test_an_edit_based_on_stale_values_is_a_conflict(any_database: Database) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    made = _lump(db, case_id, "0.9")
    _save(db, made)
    [seen] = scenarios.scenarios_of(db.unit_of_work(), actor(db, "ejecutivo1"), case_id)
    edit = dataclasses.replace(made, name="Quita mayor", seen=scenarios.scenario_seen(seen))
    _save(db, edit, "supervisor1")
    stale = dataclasses.replace(made, notes="Mío", seen=scenarios.scenario_seen(seen))
    with pytest.raises(Conflict) as caught:
        _save(db, stale)
    assert caught.value.theirs["name"] == "Quita mayor"
    assert caught.value.theirs["pay_on"] == made.terms["pay_on"]
    scenarios.remove_scenario(
        db.unit_of_work(), actor(db, "ejecutivo1"), ScenarioRemoval(case_id, made.scenario_id)
    )
    with pytest.raises(NotFound):
        _save(db, stale)
    with pytest.raises(NotFound):
        _choose(db, case_id, made.scenario_id, "porque sí")
    other = fresh_case(db, "individual")
    theirs = _save(db, _lump(db, other, "0.9"))
    with pytest.raises(NotFound):
        _save(db, _lump(db, case_id, "0.9", scenario_id=theirs))
    with pytest.raises(NotFound):
        scenarios.remove_scenario(
            db.unit_of_work(), actor(db, "ejecutivo1"), ScenarioRemoval(case_id, theirs)
        )


def test_a_command_is_applied_once(any_database: Database) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    command = _lump(db, case_id, "0.9", id=uuid4())
    audits = audit_count(db)
    for _ in range(2):
        _save(db, command)
    choice = ScenarioChoice(case_id, command.scenario_id, "porque sí", id=uuid4())
    removal = ScenarioRemoval(case_id, command.scenario_id, id=uuid4())
    for _ in range(2):
        scenarios.choose_scenario(db.unit_of_work(), actor(db, "ejecutivo1"), choice)
    for _ in range(2):
        scenarios.remove_scenario(db.unit_of_work(), actor(db, "ejecutivo1"), removal)
    assert audit_count(db) == audits + 3
    assert count(db, SettlementScenario, case_id=case_id) == 0
    assert audit_actions(db, case_id)[-3:] == [
        "scenario.saved",
        "scenario.chosen",
        "scenario.removed",
    ]


# -- on a cache ------------------------------------------------------------------------


def test_scenarios_done_offline_reach_the_central_database_and_other_caches(
    any_database: Database, cache_for: CacheFor
) -> None:
    central = any_database
    case_id = fresh_case(central, "company")
    boss, cache = cache_for("supervisor1"), cache_for("ejecutivo1")
    first = _save(cache, _lump(cache, case_id, "0.95"))
    dropped = _save(cache, _plan(cache, case_id, 12))
    scenarios.remove_scenario(
        cache.unit_of_work(), actor(cache, "ejecutivo1"), ScenarioRemoval(case_id, dropped)
    )
    _choose(cache, case_id, first, "El deudor paga esta semana")
    assert sync.status(cache).pending == 4
    report = sync.sync_once(central, cache, "ejecutivo1")
    assert (report.pushed, report.refused, report.pending) == (4, 0, 0)
    on_central = _compare(central, case_id)
    assert on_central == _compare(cache, case_id)
    [info] = [r.info for r in on_central.rows if r.info]
    assert (info.id, info.chosen, info.choice_reason) == (first, True, "El deudor paga esta semana")
    sync.sync_once(central, boss, "supervisor1")
    assert _compare(boss, case_id, "supervisor1") == on_central


def test_a_scenario_edited_on_both_sides_is_settled(
    any_database: Database, cache_for: CacheFor
) -> None:
    central = any_database
    case_id = fresh_case(central, "company")
    made = _lump(central, case_id, "0.9")
    _save(central, made)
    cache = cache_for("ejecutivo1")
    [seen] = scenarios.scenarios_of(cache.unit_of_work(), actor(cache, "ejecutivo1"), case_id)
    mine = dataclasses.replace(
        made,
        terms={**made.terms, "pay_on": _in(cache, 40)},
        notes="Mía",
        seen=scenarios.scenario_seen(seen),
    )
    _save(cache, mine)
    _save(
        central,
        dataclasses.replace(made, name="De ellos", seen=scenarios.scenario_seen(seen)),
        "supervisor1",
    )
    assert sync.sync_once(central, cache, "ejecutivo1").refused == 1
    [conflict] = conflicts.list_conflicts(cache.unit_of_work())
    assert conflict.kind == scenarios.SAVE
    assert {"name", "notes", "pay_on", "amount"} <= set(conflict.fields)
    assert conflict.theirs is not None
    assert (conflict.mine["pay_on"], conflict.theirs["pay_on"]) == (_in(cache, 40), _in(cache, 30))
    assert (conflict.mine["name"], conflict.theirs["name"]) == (made.name, "De ellos")
    conflicts.resolve(cache.unit_of_work, actor(cache, "ejecutivo1"), conflict.id, "mine")
    assert sync.sync_once(central, cache, "ejecutivo1").pushed == 1
    [info] = scenarios.scenarios_of(central.unit_of_work(), actor(central, "ejecutivo1"), case_id)
    assert (info.name, info.notes, info.terms["pay_on"]) == (made.name, "Mía", _in(cache, 40))


def test_a_choice_refused_centrally_can_only_be_acknowledged(
    any_database: Database, cache_for: CacheFor
) -> None:
    central = any_database
    case_id = fresh_case(central, "company")
    made = _save(central, _lump(central, case_id, "0.9"))
    cache = cache_for("ejecutivo1")
    _choose(cache, case_id, made, "Lo prefiero")
    scenarios.remove_scenario(
        central.unit_of_work(), actor(central, "supervisor1"), ScenarioRemoval(case_id, made)
    )
    assert sync.sync_once(central, cache, "ejecutivo1").refused == 1
    [conflict] = conflicts.list_conflicts(cache.unit_of_work())
    assert conflict.kind == scenarios.CHOOSE and conflict.fields == ()
    conflicts.resolve(cache.unit_of_work, actor(cache, "ejecutivo1"), conflict.id, "theirs")
    assert _compare(cache, case_id).rows[:-1] == ()
