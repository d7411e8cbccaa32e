"""A debtor's financial analysis on a case: statements saved, edited, removed and imported, the
ratios and the capacity to pay they give, the assumptions, the ratio thresholds; validated,
authorised, audited, applied once, queued on a cache and synced, conflicts settled; the cache
copying and forgetting it all. SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from uuid import UUID, uuid4

import pytest
from sqlalchemy import select

from tests.services.finance_helpers import (
    COMPANY,
    INCOME,
    INDIVIDUAL,
    audit_actions,
    change_seq,
    count,
    fresh_case,
    period,
)
from tests.services.helpers import CacheFor, actor, audit_count
from vipdesk.core.capacity import CapacityAssumptions, Collateral, collateral_net_value
from vipdesk.core.errors import Conflict, NotAllowed, NotFound, ValidationError
from vipdesk.core.ratios import DEFAULT_THRESHOLDS, Band, Light
from vipdesk.services import (
    app_settings,
    assignments,
    commands,
    conflicts,
    finance,
    scenarios,
    sync,
)
from vipdesk.services.dto import ReassignCase
from vipdesk.services.finance_dto import (
    AssumptionsSave,
    FinancialAnalysis,
    ImportPeriods,
    PeriodDraft,
    PeriodRemoval,
    PeriodSave,
    ScenarioChoice,
    ScenarioRemoval,
    ScenarioSave,
    ThresholdsSave,
)
from vipdesk.storage.models import (
    AppSetting,
    AuditEvent,
    Case,
    FinancialAssumptions,
    FinancialPeriod,
    Obligation,
    SettlementScenario,
    User,
)
from vipdesk.storage.uow import Database

Y23, Y24, Y25 = date(2023, 12, 31), date(2024, 12, 31), date(2025, 12, 31)


def _analysis(db: Database, case_id: UUID, username: str = "ejecutivo1") -> FinancialAnalysis:
    return finance.financial_analysis(db.unit_of_work(), actor(db, username), case_id)


def _save(db: Database, command: PeriodSave, username: str = "ejecutivo1") -> UUID:
    return finance.save_period(db.unit_of_work(), actor(db, username), command)


def _values(analysis: FinancialAnalysis, key: str) -> list[Decimal | None]:
    return [value.value for value in analysis.ratios[key]]


# -- statements: saved, edited, removed; their ratios and capacity ---------------------------


def test_a_period_is_stored_cleaned_audited_and_its_case_marked_for_sync(
    any_database: Database,
) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    seq, audits = change_seq(db, case_id), audit_count(db)
    figures = {**COMPANY, "net_income": "-250,000.50", "taxes": "0", "capex": " "}
    saved = _save(db, period(case_id, Y24, label="  Ejercicio <b>2024</b> 🌵 ", figures=figures))
    analysis = _analysis(db, case_id)
    [stored] = analysis.periods
    assert (stored.id, stored.label, stored.period_end, stored.months) == (
        saved,
        "Ejercicio <b>2024</b> 🌵",
        Y24,
        12,
    )
    assert stored.figures["cash"] == Decimal("500000.00")
    assert stored.figures["net_income"] == Decimal("-250000.50")  # losses are real
    assert stored.figures["taxes"] == Decimal("0.00")  # zero is a figure...
    assert stored.figures["capex"] is None  # ...blank is "not entered"
    assert list(stored.figures) == [name for _group, name in finance_fields("company")]
    assert stored.income == {}
    with db.unit_of_work() as uow:
        row = uow.session.get(FinancialPeriod, saved)
        assert row is not None and "capex" not in row.figures
        assert row.figures["cash"] == "500000.00"  # decimal text, never a JSON number
    assert audit_count(db) == audits + 1
    assert audit_actions(db, case_id)[-1] == "finance.period_saved"
    assert change_seq(db, case_id) > seq
    assert analysis.can_edit and analysis.segment == "company"


def finance_fields(segment: str) -> list[tuple[str, str]]:
    from vipdesk.core.ratios import FIELDS_COMPANY, FIELDS_INDIVIDUAL

    return list(FIELDS_COMPANY if segment == "company" else FIELDS_INDIVIDUAL)


def test_ratios_and_capacity_follow_the_periods(any_database: Database) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    first = _save(db, period(case_id, Y23))
    second = period(case_id, Y24, figures={**COMPANY, "cash": "300,000"})
    _save(db, second)
    analysis = _analysis(db, case_id)
    assert [p.period_end for p in analysis.periods] == [Y23, Y24]  # oldest first
    assert _values(analysis, "working_capital") == [Decimal("600000.00"), Decimal("400000.00")]
    assert _values(analysis, "current_ratio") == [Decimal("1.30"), Decimal("1.20")]
    assert _values(analysis, "debt_to_equity") == [Decimal("2.29")] * 2
    assert _values(analysis, "dscr") == [Decimal("1.00")] * 2
    assert _values(analysis, "dso") == [Decimal("49")] * 2
    # Free cash flow needs the previous period: EBITDA − taxes − capex − Δ working capital.
    assert _values(analysis, "free_cash_flow") == [None, Decimal("950000.00")]
    assert analysis.ratios["free_cash_flow"][0].reason is not None
    assert analysis.ratios["current_ratio"][0].light is Light.AMBER
    # Capacity from the latest period, with the default assumptions.
    capacity = analysis.capacity
    assert (capacity.period_label, capacity.period_end) == ("Ejercicio 2024", Y24)
    assert capacity.sustainable.value == Decimal("39583.33")  # 950,000 ÷ 12 × 50 %
    shares = CapacityAssumptions.default_for("company")
    nets = sum(
        (
            collateral_net_value(Collateral(c.description, c.market_value), shares)
            for c in analysis.collaterals
        ),
        Decimal("0.00"),
    )
    assert capacity.lump_sum.value == Decimal("270000.00") + nets  # cash × 90 % + collateral

    # Editing the older period moves the change in working capital; removing it leaves the
    # latest period without a previous one.
    older = next(p for p in analysis.periods if p.id == first)
    edit = period(
        case_id,
        Y23,
        period_id=first,
        figures={**COMPANY, "cash": "100,000"},
        seen=finance.period_seen(older),
    )
    _save(db, edit)
    assert _values(_analysis(db, case_id), "free_cash_flow")[1] == Decimal("550000.00")
    me = actor(db, "ejecutivo1")
    finance.remove_period(db.unit_of_work(), me, PeriodRemoval(case_id, first))
    after = _analysis(db, case_id)
    assert [p.id for p in after.periods] == [second.period_id]
    assert _values(after, "free_cash_flow") == [None]
    assert after.capacity.sustainable.value is None and after.capacity.sustainable.reason
    assert audit_actions(db, case_id)[-2:] == ["finance.period_saved", "finance.period_removed"]


def test_zero_revenue_and_negative_equity_are_explained_not_errors(
    any_database: Database,
) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    broke = {
        **COMPANY,
        "revenue": "0",
        "equity": "-1,250,000",
        "ebitda": "-300000",
        "current_liabilities": "0",
        "interest": "0",
        "scheduled_principal": "0",
    }
    _save(db, period(case_id, Y24, figures=broke))
    analysis = _analysis(db, case_id)
    reasons = {key: values[0].reason for key, values in analysis.ratios.items()}
    for key in (
        "dso",
        "debt_to_equity",
        "debt_to_ebitda",
        "current_ratio",
        "interest_coverage",
        "dscr",
    ):
        assert _values(analysis, key) == [None], key
        assert reasons[key] is not None and reasons[key].message, key
    assert "insolvency" in reasons["debt_to_equity"].message  # type: ignore[union-attr]
    assert analysis.capacity.sustainable.value is None  # one period: no free cash flow yet


def test_an_individuals_income_comes_by_source(any_database: Database) -> None:
    db = any_database
    case_id = fresh_case(db, "individual")
    command = period(
        case_id,
        date(2025, 11, 30),
        label="Noviembre 2025",
        months=1,
        figures=INDIVIDUAL,
        income={**INCOME, "Pensión de viudez": "1,500"},
    )
    _save(db, command)
    analysis = _analysis(db, case_id)
    [stored] = analysis.periods
    assert stored.income == {
        "salary": Decimal("45000.00"),
        "rent": Decimal("5000.00"),
        "Pensión de viudez": Decimal("1500.00"),
    }
    assert _values(analysis, "disposable_income") == [Decimal("31500.00")]  # 51,500 − 20,000
    assert _values(analysis, "net_worth") == [Decimal("1200000.00")]
    assert _values(analysis, "liquid_assets") == [Decimal("200000.00")]
    assert analysis.capacity.sustainable.value == Decimal("12600.00")  # 40 % of disposable
    # Without income, debt-to-income is undefined and says why.
    _save(
        db,
        period(
            case_id,
            date(2025, 12, 31),
            label="Diciembre 2025",
            months=1,
            figures=INDIVIDUAL,
            income={"salary": "0"},
        ),
    )
    latest = _analysis(db, case_id).ratios["debt_to_income"][-1]
    assert latest.value is None and latest.reason is not None


HOSTILE: list[tuple[str, dict[str, Any]]] = [
    ("label", {"label": ""}),
    ("label", {"label": "   "}),
    ("label", {"label": "L" * 10_000}),
    ("label", {"label": "L" * 61}),
    ("label", {"label": "Línea 1\nLínea 2"}),
    ("label", {"label": "nul\x00"}),
    ("label", {"label": "mitad \ud800"}),
    ("period_end", {"period_end": date(1900, 1, 1)}),
    ("period_end", {"period_end": date(2200, 12, 31)}),
    ("period_end", {"period_end": date(1989, 12, 31)}),
    ("period_end", {"period_end": datetime(2024, 12, 31, tzinfo=UTC)}),
    ("months", {"months": 0}),
    ("months", {"months": 25}),
    ("months", {"months": -12}),
    ("months", {"months": True}),
    ("months", {"months": "12"}),
    ("ebitda", {"figures": {**COMPANY, "ebitda": "1" + "0" * 20}}),  # 10^20
    ("ebitda", {"figures": {**COMPANY, "ebitda": "1,000,000,000,000.00"}}),
    ("ebitda", {"figures": {**COMPANY, "ebitda": "9" * 10_000}}),
    ("ebitda", {"figures": {**COMPANY, "ebitda": "abc"}}),
    ("ebitda", {"figures": {**COMPANY, "ebitda": "<b>900000</b>"}}),
    ("ebitda", {"figures": {**COMPANY, "ebitda": "900000 🌵"}}),
    ("ebitda", {"figures": {**COMPANY, "ebitda": "900.001"}}),
    ("ebitda", {"figures": {**COMPANY, "ebitda": "9,00,000"}}),
    ("ebitda", {"figures": {**COMPANY, "ebitda": "1e6"}}),
    ("ebitda", {"figures": {**COMPANY, "ebitda": "NaN"}}),
    ("ebitda", {"figures": {**COMPANY, "ebitda": "--5"}}),
    ("ebitda", {"figures": {**COMPANY, "ebitda": "9\x00"}}),
    ("revenue", {"figures": {**COMPANY, "revenue": 9_000_000}}),  # not text
    ("bogus", {"figures": {**COMPANY, "bogus": "1"}}),
    ("fixed_expenses", {"figures": {**COMPANY, "fixed_expenses": "1"}}),  # an individual's
    ("income", {"income": {"salary": "1000"}}),  # a company's income is its revenue
]


@pytest.mark.parametrize(("field", "changes"), HOSTILE)
def test_hostile_input_names_the_field_and_stores_nothing(
    any_database: Database, field: str, changes: dict[str, Any]
) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    audits = audit_count(db)
    with pytest.raises(ValidationError) as caught:
        _save(db, period(case_id, Y24, **changes))
    assert {p.field for p in caught.value.problems} == {field}, caught.value.problems
    assert count(db, FinancialPeriod, case_id=case_id) == 0
    assert audit_count(db) == audits


INDIVIDUAL_HOSTILE: list[tuple[str, dict[str, Any]]] = [
    ("income.salary", {"income": {"salary": "abc"}}),
    ("income.salary", {"income": {"salary": "1" + "0" * 20}}),
    ("income.", {"income": {"": "1000"}}),
    ("income." + "s" * 61, {"income": {"s" * 61: "1000"}}),
    ("income.a\x00", {"income": {"a\x00": "1000"}}),
    ("income", {"income": {f"fuente {i}": "1" for i in range(21)}}),
    ("revenue", {"figures": {**INDIVIDUAL, "revenue": "1"}}),  # a company's
]


@pytest.mark.parametrize(("field", "changes"), INDIVIDUAL_HOSTILE)
def test_an_individuals_hostile_income_names_the_source(
    any_database: Database, field: str, changes: dict[str, Any]
) -> None:
    db = any_database
    case_id = fresh_case(db, "individual")
    base = {"figures": INDIVIDUAL, "income": INCOME, "months": 1}
    with pytest.raises(ValidationError) as caught:
        _save(db, period(case_id, Y24, **{**base, **changes}))
    assert {p.field for p in caught.value.problems} == {field}, caught.value.problems
    assert count(db, FinancialPeriod, case_id=case_id) == 0


def test_every_invalid_field_is_reported_at_once() -> None:
    with pytest.raises(ValidationError) as caught:
        finance.check_period(
            "company",
            "",
            date(1900, 1, 1),
            0,
            {"cash": "x", "bogus": "1", "ebitda": "1e9"},
            {"salary": "1"},
            today=date(2026, 1, 1),
        )
    assert {p.field for p in caught.value.problems} == {
        "label",
        "period_end",
        "months",
        "cash",
        "bogus",
        "ebitda",
        "income",
    }


def test_two_periods_cannot_end_on_the_same_day(any_database: Database) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    _save(db, period(case_id, Y24))
    with pytest.raises(ValidationError) as caught:
        _save(db, period(case_id, Y24, label="Otra"))
    assert [p.field for p in caught.value.problems] == ["period_end"]
    assert count(db, FinancialPeriod, case_id=case_id) == 1


# -- who may ---------------------------------------------------------------------------------


def test_only_who_may_work_the_case_changes_its_analysis(any_database: Database) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    saved = _save(db, period(case_id, Y24))
    audits = audit_count(db)
    # Another executive does not even see the case.
    with pytest.raises(NotFound):
        _analysis(db, case_id, "ejecutivo2")
    with pytest.raises(NotFound):
        _save(db, period(case_id, Y23), "ejecutivo2")
    # An admin reads it but does not collect.
    assert not _analysis(db, case_id, "admin1").can_edit
    with pytest.raises(NotAllowed):
        _save(db, period(case_id, Y23), "admin1")
    with pytest.raises(NotAllowed):
        finance.remove_period(db.unit_of_work(), actor(db, "admin1"), PeriodRemoval(case_id, saved))
    with pytest.raises(NotAllowed):
        finance.save_assumptions(
            db.unit_of_work(), actor(db, "admin1"), AssumptionsSave(case_id, {"legal_months": "12"})
        )
    # The team's supervisor works it.
    assert _analysis(db, case_id, "supervisor1").can_edit
    _save(db, period(case_id, Y23), "supervisor1")
    assert audit_count(db) == audits + 1


def test_legal_reads_a_case_in_legal_but_changes_nothing(any_database: Database) -> None:
    db = any_database
    try:
        case_id = fresh_case(db, "individual", status="legal")
    except AssertionError:
        case_id = fresh_case(db, "company", status="legal")
    analysis = _analysis(db, case_id, "juridico1")
    assert not analysis.can_edit and analysis.legal_value is not None
    with pytest.raises(NotAllowed):
        _save(db, period(case_id, Y24, figures=INDIVIDUAL, months=1), "juridico1")
    other = fresh_case(db, "company")  # not in legal: not visible to legal
    with pytest.raises(NotFound):
        _analysis(db, other, "juridico1")


# -- conflicts, applied once, payloads -------------------------------------------------------


def test_an_edit_based_on_stale_values_is_a_conflict(any_database: Database) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    made = period(case_id, Y24)
    _save(db, made)
    [seen] = _analysis(db, case_id).periods
    _save(
        db,
        dataclasses.replace(made, figures={**COMPANY, "cash": "1"}, seen=finance.period_seen(seen)),
    )
    audits = audit_count(db)
    stale = dataclasses.replace(made, label="Mío", seen=finance.period_seen(seen))
    with pytest.raises(Conflict) as caught:
        _save(db, stale)
    assert caught.value.theirs["cash"] == "1.00" and caught.value.theirs["label"] == made.label
    assert audit_count(db) == audits
    # Adding with an id already taken is not an edit either.
    with pytest.raises(Conflict):
        _save(db, dataclasses.replace(made, seen=None))
    # An edit of a period removed meanwhile says so.
    finance.remove_period(
        db.unit_of_work(), actor(db, "ejecutivo1"), PeriodRemoval(case_id, made.period_id)
    )
    with pytest.raises(NotFound):
        _save(db, stale)
    assert count(db, FinancialPeriod, case_id=case_id) == 0


def test_another_cases_period_cannot_be_reached_through_this_one(any_database: Database) -> None:
    db = any_database
    mine, other = fresh_case(db, "company"), fresh_case(db, "individual")
    made = _save(db, period(other, Y24, figures=INDIVIDUAL, months=1))
    me = actor(db, "ejecutivo1")
    with pytest.raises(NotFound):
        _save(db, period(mine, Y23, period_id=made))
    with pytest.raises(NotFound):
        finance.remove_period(db.unit_of_work(), me, PeriodRemoval(mine, made))
    assert count(db, FinancialPeriod, id=made) == 1


def test_a_command_is_applied_once(any_database: Database) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    command = period(case_id, Y24, id=uuid4())
    audits = audit_count(db)
    for _ in range(2):
        _save(db, command)
    removal = PeriodRemoval(case_id, command.period_id, id=uuid4())
    for _ in range(2):
        finance.remove_period(db.unit_of_work(), actor(db, "ejecutivo1"), removal)
    assumptions = AssumptionsSave(case_id, {"legal_months": "36"}, id=uuid4())
    for _ in range(2):
        finance.save_assumptions(db.unit_of_work(), actor(db, "ejecutivo1"), assumptions)
    assert audit_count(db) == audits + 3
    assert count(db, FinancialPeriod, case_id=case_id) == 0


def test_commands_survive_the_outbox_payload() -> None:
    case_id = uuid4()
    drafts = (
        PeriodDraft(uuid4(), "2024", Y24, 12, {"cash": "1,000"}),
        PeriodDraft(uuid4(), "2025", Y25, 6, {}, {"salary": "5"}),
    )
    every = [
        (period(case_id, Y24, id=uuid4(), seen={"label": "x", "cash": ""}), finance.SAVE),
        (PeriodRemoval(case_id, uuid4(), id=uuid4()), finance.REMOVE),
        (ImportPeriods(case_id, drafts, id=uuid4()), finance.IMPORT),
        (
            AssumptionsSave(case_id, {"discount_rate": "0.1"}, None, id=uuid4()),
            finance.ASSUMPTIONS_SAVE,
        ),
        (
            ScenarioSave(
                case_id,
                uuid4(),
                "Quita",
                "lump_sum",
                {"amount": "1"},
                "n",
                {"name": "a"},
                id=uuid4(),
            ),
            scenarios.SAVE,
        ),
        (ScenarioRemoval(case_id, uuid4(), id=uuid4()), scenarios.REMOVE),
        (ScenarioChoice(case_id, uuid4(), "porque sí", id=uuid4()), scenarios.CHOOSE),
        (ScenarioChoice(case_id, None, id=uuid4()), scenarios.CHOOSE),
        (
            ThresholdsSave({"dscr": {"green": "1.5", "red": "1"}, "dso": None}, id=uuid4()),
            app_settings.SAVE_THRESHOLDS,
        ),
    ]
    for command, kind in every:
        assert commands.KIND_OF[type(command)] == kind
        assert commands.from_payload(kind, commands.to_payload(command)) == command
        assert kind in sync.REPLAY


# -- importing several periods ------------------------------------------------------------------


def test_an_import_adds_and_replaces_periods_by_their_end(any_database: Database) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    kept = _save(db, period(case_id, Y23))
    replaced = _save(db, period(case_id, Y24))
    me = actor(db, "ejecutivo1")
    drafts = (
        PeriodDraft(uuid4(), "2024 auditado", Y24, 12, {**COMPANY, "cash": "111"}),
        PeriodDraft(uuid4(), "2025", Y25, 12, {**COMPANY, "cash": "222"}),
    )
    written = finance.import_periods(db.unit_of_work(), me, ImportPeriods(case_id, drafts))
    assert written == [replaced, drafts[1].period_id]  # the 2024 period keeps its id
    periods = _analysis(db, case_id).periods
    assert [(p.id, p.label, p.figures["cash"]) for p in periods] == [
        (kept, "Ejercicio 2023", Decimal("500000.00")),
        (replaced, "2024 auditado", Decimal("111.00")),
        (drafts[1].period_id, "2025", Decimal("222.00")),
    ]
    assert audit_actions(db, case_id)[-1] == "finance.periods_imported"


def test_an_import_is_all_or_nothing_and_names_each_periods_problems(
    any_database: Database,
) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    audits = audit_count(db)
    drafts = (
        PeriodDraft(uuid4(), "2023", Y23, 12, dict(COMPANY)),  # fine
        PeriodDraft(uuid4(), "2024", Y24, 25, {**COMPANY, "ebitda": "mucho"}),
        PeriodDraft(uuid4(), "", Y25, 12, {"bogus": "1"}),
        PeriodDraft(uuid4(), "Otra vez 2023", Y23, 12, dict(COMPANY)),
    )
    with pytest.raises(ValidationError) as caught:
        finance.import_periods(
            db.unit_of_work(), actor(db, "ejecutivo1"), ImportPeriods(case_id, drafts)
        )
    assert {p.field for p in caught.value.problems} == {
        "2024.months",
        "2024.ebitda",
        "#3.label",
        "#3.bogus",
        "Otra vez 2023.period_end",
    }
    assert count(db, FinancialPeriod, case_id=case_id) == 0 and audit_count(db) == audits
    for empty in ((), tuple(drafts[:1]) * 25):
        with pytest.raises(ValidationError) as caught:
            finance.import_periods(
                db.unit_of_work(), actor(db, "ejecutivo1"), ImportPeriods(case_id, empty)
            )
        assert [p.field for p in caught.value.problems] == ["periods"]


# -- assumptions --------------------------------------------------------------------------------


def test_default_assumptions_until_the_executive_saves_some(any_database: Database) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    analysis = _analysis(db, case_id)
    assert not analysis.assumptions_saved
    assert analysis.assumptions == finance.default_assumptions("company", analysis.exposure)
    defaults = analysis.assumptions
    assert (defaults.discount_rate, defaults.payment_share, defaults.legal_p_win) == (
        Decimal("0.12"),
        Decimal("0.50"),
        Decimal("0.60"),
    )
    assert defaults.legal_costs == (analysis.exposure / 10).quantize(Decimal("0.01"), ROUND_HALF_UP)
    assert (defaults.legal_months, defaults.legal_recoverable) == (24, None)
    assert finance.default_assumptions("individual", Decimal(0)).payment_share == Decimal("0.40")
    legal = analysis.legal_value
    assert legal is not None and legal.completion.p == Decimal("0.60")

    me = actor(db, "ejecutivo1")
    saved = finance.save_assumptions(
        db.unit_of_work(),
        me,
        AssumptionsSave(
            case_id,
            {
                "discount_rate": " 0.10 ",
                "legal_p_win": "0.8",
                "legal_recoverable": "1,000.50",
                "legal_months": "12",
            },
        ),
    )
    after = _analysis(db, case_id)
    assert after.assumptions_saved and after.assumptions == saved
    assert (saved.discount_rate, saved.legal_p_win, saved.legal_recoverable) == (
        Decimal("0.10"),
        Decimal("0.8"),
        Decimal("1000.50"),
    )
    assert saved.payment_share == defaults.payment_share  # left out: kept
    assert after.legal_value is not None and after.legal_value.completion.p == Decimal("0.80")
    assert after.legal_value.expected_pv != legal.expected_pv
    assert audit_actions(db, case_id)[-1] == "finance.assumptions_saved"
    with db.unit_of_work() as uow:
        assert uow.session.scalars(
            select(FinancialAssumptions.case_id).where(FinancialAssumptions.case_id == case_id)
        ).one()


ASSUMPTIONS_HOSTILE: list[tuple[str, str]] = [
    ("discount_rate", "1.5"),
    ("discount_rate", "-0.1"),
    ("discount_rate", "12%"),
    ("discount_rate", "doce"),
    ("discount_rate", ""),
    ("discount_rate", "0.1234567"),
    ("discount_rate", "1" * 10_000),
    ("payment_share", "1"),
    ("liquidation_haircut", "1.0"),
    ("forced_sale_haircut", "2"),
    ("legal_p_win", "1.01"),
    ("legal_p_win", "<b>0.5</b>"),
    ("legal_months", "241"),
    ("legal_months", "-1"),
    ("legal_months", "1.5"),
    ("legal_months", "🌵"),
    ("legal_costs", "-5"),
    ("legal_costs", "1" + "0" * 20),
    ("legal_costs", ""),
    ("legal_recoverable", "abc"),
    ("bogus", "1"),
    (f"lien.{uuid4()}", "1000"),
    ("lien.no-es-un-id", "1000"),
]


@pytest.mark.parametrize(("field", "text"), ASSUMPTIONS_HOSTILE)
def test_hostile_assumptions_name_the_field_and_store_nothing(
    any_database: Database, field: str, text: str
) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    with pytest.raises(ValidationError) as caught:
        finance.save_assumptions(
            db.unit_of_work(), actor(db, "ejecutivo1"), AssumptionsSave(case_id, {field: text})
        )
    assert {p.field for p in caught.value.problems} == {field}
    assert count(db, FinancialAssumptions, case_id=case_id) == 0


def test_senior_liens_lower_what_the_collateral_brings(any_database: Database) -> None:
    db = any_database
    case_id = _secured_case(db)
    before = _analysis(db, case_id)
    [first, *_] = before.collaterals
    me = actor(db, "ejecutivo1")
    liens = f"{finance.LIEN_PREFIX}{first.obligation_id}"
    finance.save_assumptions(
        db.unit_of_work(), me, AssumptionsSave(case_id, {liens: str(first.market_value)})
    )
    after = _analysis(db, case_id)
    assert after.collaterals[0].senior_liens == first.market_value
    assert after.assumptions.collateral_liens == {first.obligation_id: first.market_value}
    assert (
        after.capacity.lump_sum.inputs["collateral_net"]
        < (
            before.capacity.lump_sum.inputs["collateral_net"]  # type: ignore[operator]
        )
    )
    seen = finance.assumptions_seen(after.assumptions)
    assert seen[liens] == str(first.market_value)
    # "" removes the lien again.
    finance.save_assumptions(db.unit_of_work(), me, AssumptionsSave(case_id, {liens: ""}, seen))
    assert _analysis(db, case_id).collaterals[0].senior_liens == 0


def _secured_case(db: Database) -> UUID:
    """A case of ejecutivo1 with collateral in its currency and no analysis yet."""
    with db.unit_of_work() as uow:
        session = uow.session
        me = session.scalars(select(User.id).where(User.username == "ejecutivo1")).one()
        query = (
            select(Case.id)
            .join(Obligation, Obligation.case_id == Case.id)
            .where(Case.executive_id == me, Case.status != "closed", Case.exposure > 0)
            .where(Obligation.currency == Case.currency, Obligation.collateral_value.is_not(None))
            .where(Case.id.not_in(select(FinancialAssumptions.case_id)))
            .order_by(Case.number)
        )
        found = session.scalars(query).first()
        assert found is not None
        return found


def test_assumptions_changed_meanwhile_are_a_conflict(any_database: Database) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    me, boss = actor(db, "ejecutivo1"), actor(db, "supervisor1")
    finance.save_assumptions(
        db.unit_of_work(), me, AssumptionsSave(case_id, {"legal_months": "30"})
    )
    seen = finance.assumptions_seen(_analysis(db, case_id).assumptions)
    assert seen["legal_months"] == "30" and seen["discount_rate"] == "0.12"
    finance.save_assumptions(
        db.unit_of_work(), boss, AssumptionsSave(case_id, {"legal_p_win": "0.5"}, seen)
    )
    with pytest.raises(Conflict) as caught:
        finance.save_assumptions(
            db.unit_of_work(), me, AssumptionsSave(case_id, {"legal_months": "12"}, seen)
        )
    assert caught.value.theirs["legal_p_win"] == "0.5"
    # A first save on top of someone else's is refused too.
    with pytest.raises(Conflict):
        finance.save_assumptions(
            db.unit_of_work(), me, AssumptionsSave(case_id, {"legal_months": "12"})
        )
    assert _analysis(db, case_id).assumptions.legal_months == 30


# -- ratio thresholds ------------------------------------------------------------------------


def test_only_an_admin_sets_the_ratio_thresholds(any_database: Database) -> None:
    db = any_database
    assert app_settings.thresholds(db.unit_of_work()) == DEFAULT_THRESHOLDS
    for username in ("ejecutivo1", "supervisor1", "juridico1"):
        with pytest.raises(NotAllowed):
            app_settings.save_thresholds(db.unit_of_work(), actor(db, username), {})
    admin = actor(db, "admin1")
    with pytest.raises(ValidationError) as caught:
        app_settings.save_thresholds(
            db.unit_of_work(),
            admin,
            {"dscr": {"green": "1", "red": "2"}, "bogus": None, "dso": {"green": "x"}},
        )
    assert {p.field for p in caught.value.problems} == {"dscr", "bogus", "dso.green", "dso.red"}
    audits = audit_count(db)
    saved = app_settings.save_thresholds(
        db.unit_of_work(),
        admin,
        {"current_ratio": {"green": "1.2", "red": "1"}, "dso": None},
    )
    assert saved["current_ratio"] == Band(Decimal("1.2"), Decimal(1)) and "dso" not in saved
    assert app_settings.thresholds(db.unit_of_work()) == saved
    assert audit_count(db) == audits + 1
    # The analysis lights follow them.
    case_id = fresh_case(db, "company")
    _save(db, period(case_id, Y24))
    analysis = _analysis(db, case_id)
    assert analysis.thresholds == saved
    assert analysis.ratios["current_ratio"][0].light is Light.GREEN  # 1.30 ≥ 1.2
    assert analysis.ratios["dso"][0].light is None


# -- on a cache: queued, synced, pulled, conflicts settled, forgotten ------------------------------


def test_analysis_done_offline_reaches_the_central_database_and_other_caches(
    any_database: Database, cache_for: CacheFor
) -> None:
    central = any_database
    case_id = fresh_case(central, "company")
    boss_cache, cache = cache_for("supervisor1"), cache_for("ejecutivo1")
    me = actor(cache, "ejecutivo1")
    first = _save(cache, period(case_id, Y23))
    dropped = _save(cache, period(case_id, Y24))
    finance.remove_period(cache.unit_of_work(), me, PeriodRemoval(case_id, dropped))
    drafts = (
        PeriodDraft(uuid4(), "2024", Y24, 12, dict(COMPANY)),
        PeriodDraft(uuid4(), "2025", Y25, 12, dict(COMPANY)),
    )
    finance.import_periods(cache.unit_of_work(), me, ImportPeriods(case_id, drafts))
    finance.save_assumptions(
        cache.unit_of_work(), me, AssumptionsSave(case_id, {"discount_rate": "0.15"})
    )
    assert sync.status(cache).pending == 5
    assert count(central, FinancialPeriod, case_id=case_id) == 0  # nothing reached central yet

    report = sync.sync_once(central, cache, "ejecutivo1")
    assert (report.pushed, report.refused, report.conflicts, report.pending) == (5, 0, 0, 0)
    on_central = _analysis(central, case_id)
    on_cache = _analysis(cache, case_id)
    assert [p.period_end for p in on_central.periods] == [Y23, Y24, Y25]
    assert on_central.periods[0].id == first
    assert on_central.assumptions.discount_rate == Decimal("0.15")
    assert on_cache.periods == on_central.periods and on_cache.ratios == on_central.ratios
    assert audit_actions(central, case_id)[-5:] == [
        "finance.period_saved",
        "finance.period_saved",
        "finance.period_removed",
        "finance.periods_imported",
        "finance.assumptions_saved",
    ]
    # The supervisor's laptop gets it at its next sync.
    sync.sync_once(central, boss_cache, "supervisor1")
    assert _analysis(boss_cache, case_id, "supervisor1").periods == on_central.periods
    assert sync.sync_once(central, cache, "ejecutivo1").pushed == 0


def test_a_period_edited_on_both_sides_is_settled_field_by_field(
    any_database: Database, cache_for: CacheFor
) -> None:
    central = any_database
    case_id = fresh_case(central, "company")
    made = period(case_id, Y24)
    _save(central, made)
    cache = cache_for("ejecutivo1")
    [seen] = _analysis(cache, case_id).periods
    _save(
        cache,
        dataclasses.replace(
            made, figures={**COMPANY, "ebitda": "1,000,000"}, seen=finance.period_seen(seen)
        ),
    )
    _save(
        central,
        dataclasses.replace(
            made,
            figures={**COMPANY, "ebitda": "800000", "cash": "1"},
            seen=finance.period_seen(seen),
        ),
        "supervisor1",
    )
    report = sync.sync_once(central, cache, "ejecutivo1")
    assert (report.refused, report.conflicts) == (1, 1)
    [conflict] = conflicts.list_conflicts(cache.unit_of_work())
    assert conflict.kind == finance.SAVE and {"ebitda", "cash", "label"} <= set(conflict.fields)
    assert conflict.theirs is not None
    assert (conflict.mine["ebitda"], conflict.theirs["ebitda"]) == ("1000000.00", "800000.00")
    assert (conflict.mine["cash"], conflict.theirs["cash"]) == ("500000.00", "1.00")
    assert conflict.mine["capex"] == conflict.theirs["capex"] == "100000.00"
    # Theirs everywhere but the EBITDA.
    chosen = {**{f: conflict.theirs[f] for f in conflict.fields}, "ebitda": "1000000.00"}
    conflicts.resolve(cache.unit_of_work, actor(cache, "ejecutivo1"), conflict.id, "merge", chosen)
    assert sync.sync_once(central, cache, "ejecutivo1").pushed == 1
    [stored] = _analysis(central, case_id).periods
    assert (stored.figures["ebitda"], stored.figures["cash"]) == (
        Decimal("1000000.00"),
        Decimal("1.00"),
    )


def test_assumptions_edited_on_both_sides_can_be_applied_again(
    any_database: Database, cache_for: CacheFor
) -> None:
    central = any_database
    case_id = fresh_case(central, "company")
    cache = cache_for("ejecutivo1")
    finance.save_assumptions(
        cache.unit_of_work(),
        actor(cache, "ejecutivo1"),
        AssumptionsSave(case_id, {"legal_months": "36"}),
    )
    finance.save_assumptions(
        central.unit_of_work(),
        actor(central, "supervisor1"),
        AssumptionsSave(case_id, {"legal_p_win": "0.3"}),
    )
    assert sync.sync_once(central, cache, "ejecutivo1").refused == 1
    [conflict] = conflicts.list_conflicts(cache.unit_of_work())
    assert conflict.kind == finance.ASSUMPTIONS_SAVE
    assert conflict.theirs is not None and "legal_months" in conflict.fields
    assert (conflict.mine["legal_months"], conflict.theirs["legal_months"]) == ("36", "24")
    assert conflict.mine["legal_p_win"] == conflict.theirs["legal_p_win"] == "0.3"
    conflicts.resolve(cache.unit_of_work, actor(cache, "ejecutivo1"), conflict.id, "mine")
    assert sync.sync_once(central, cache, "ejecutivo1").pushed == 1
    result = _analysis(central, case_id).assumptions
    # "Mine" is my edit applied again on top of theirs: my months, their p(win).
    assert (result.legal_months, result.legal_p_win) == (36, Decimal("0.3"))


def test_thresholds_set_on_an_admins_laptop_reach_every_cache(
    any_database: Database, cache_for: CacheFor
) -> None:
    central = any_database
    laptop, other = cache_for("admin1"), cache_for("ejecutivo1")
    app_settings.save_thresholds(
        laptop.unit_of_work(), actor(laptop, "admin1"), {"dscr": {"green": "2", "red": "1.5"}}
    )
    assert app_settings.thresholds(central.unit_of_work()) == DEFAULT_THRESHOLDS
    assert sync.sync_once(central, laptop, "admin1").pushed == 1
    wanted = app_settings.thresholds(laptop.unit_of_work())
    assert wanted["dscr"] == Band(Decimal(2), Decimal("1.5"))
    assert app_settings.thresholds(central.unit_of_work()) == wanted
    sync.sync_once(central, other, "ejecutivo1")  # a pull copies the settings whole
    assert app_settings.thresholds(other.unit_of_work()) == wanted
    assert count(cache_for("supervisor1"), AppSetting) == 1  # and so does a build


def test_a_reassigned_cases_analysis_leaves_the_old_executives_cache(
    any_database: Database, cache_for: CacheFor
) -> None:
    central = any_database
    case_id = fresh_case(central, "company")
    cache = cache_for("ejecutivo1")
    me = actor(cache, "ejecutivo1")
    _save(cache, period(case_id, Y24))
    finance.save_assumptions(
        cache.unit_of_work(), me, AssumptionsSave(case_id, {"legal_months": "6"})
    )
    today = cache.unit_of_work().today()
    scenarios.save_scenario(
        cache.unit_of_work(),
        me,
        ScenarioSave(
            case_id,
            uuid4(),
            "Quita",
            "lump_sum",
            {"amount": "1000", "pay_on": (today + timedelta(days=30)).isoformat()},
        ),
    )
    assert sync.sync_once(central, cache, "ejecutivo1").pushed == 3
    assert count(cache, AuditEvent, entity_id=str(case_id)) == 3  # my own work, locally

    assignments.reassign_case(
        central.unit_of_work(),
        actor(central, "supervisor1"),
        ReassignCase(case_id, "ejecutivo2", "ejecutivo1"),
    )
    assert sync.sync_once(central, cache, "ejecutivo1").removed >= 1
    for model in (FinancialPeriod, FinancialAssumptions, SettlementScenario):
        assert count(cache, model, case_id=case_id) == 0, model
    assert count(cache, AuditEvent, entity_id=str(case_id)) == 0
    # Centrally it all stays, now for the new executive.
    assert count(central, FinancialPeriod, case_id=case_id) == 1
    assert _analysis(central, case_id, "ejecutivo2").can_edit
