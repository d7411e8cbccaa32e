"""The demo portfolio's financial analyses and scenarios: about one case in five (VIP-000157
among them), consistent statements of healthy and distressed debtors, assumptions and scenarios
the services read, value and validate like the users' own."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from uuid import UUID

import pytest
from sqlalchemy import select

from vipdesk.demo import generate
from vipdesk.demo.finance import has_analysis
from vipdesk.services import auth, finance, scenarios
from vipdesk.services.dto import Actor
from vipdesk.storage import schema
from vipdesk.storage.database import create_database_engine
from vipdesk.storage.models import (
    Case,
    Debtor,
    FinancialAssumptions,
    FinancialPeriod,
    SettlementScenario,
)
from vipdesk.storage.uow import Database

CASES = 400


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """A portfolio as of today (the services value scenarios as of the user's today)."""
    engine = create_database_engine(f"sqlite:///{tmp_path_factory.mktemp('fin') / 'demo.db'}")
    schema.upgrade(engine)
    generate(engine, cases=CASES, seed=2026)
    yield Database(engine)
    engine.dispose()


@pytest.fixture(scope="module")
def admin(demo: Database) -> Actor:
    return auth.sign_in(demo.unit_of_work(), "admin1")


def _analysed(db: Database) -> dict[str, tuple[UUID, str, str]]:
    """Case number -> (case id, segment, status) of the cases with statements."""
    with db.unit_of_work() as uow:
        rows = uow.session.execute(
            select(Case.number, Case.id, Debtor.segment, Case.status)
            .join(Debtor, Debtor.id == Case.debtor_id)
            .where(Case.id.in_(select(FinancialPeriod.case_id)))
        ).all()
    return {number: (case_id, segment, status) for number, case_id, segment, status in rows}


def test_one_case_in_five_has_an_analysis_vip_000157_among_them(demo: Database) -> None:
    analysed = _analysed(demo)
    expected = {f"VIP-{i + 1:06d}" for i in range(CASES) if has_analysis(i)}
    assert set(analysed) == expected and len(expected) == CASES // 5
    assert "VIP-000157" in analysed
    segments = Counter(segment for _id, segment, _status in analysed.values())
    assert segments["company"] > 10 and segments["individual"] > 10


def test_every_statement_is_valid_and_consistent(demo: Database) -> None:
    period = FinancialPeriod.__table__.c
    with demo.unit_of_work() as uow:
        rows = uow.session.execute(
            select(
                period.case_id,
                period.label,
                period.period_end,
                period.months,
                period.figures,
                period.income,
                Debtor.segment,
            )
            .join(Case, Case.id == period.case_id)
            .join(Debtor, Debtor.id == Case.debtor_id)
        ).all()
    per_case = Counter(row.case_id for row in rows)
    assert set(per_case.values()) <= {2, 3}
    negative_equity = zero_revenue = no_salary = 0
    for row in rows:
        segment = row.segment
        clean = finance.check_period(
            segment,
            row.label,
            row.period_end,
            row.months,
            row.figures,
            row.income,
            today=row.period_end,
        )
        assert clean.figures == row.figures and clean.income == row.income
        f = {k: Decimal(v) for k, v in row.figures.items()}
        if segment == "company":
            assert row.income == {} and row.months == 12
            current = sum(
                f[k] for k in ("cash", "receivables", "inventory", "other_current_assets") if k in f
            )
            if "other_current_assets" in f:
                liabilities = f["current_liabilities"] + f["long_term_debt"]
                assert abs(current + f["fixed_assets"] - liabilities - f["equity"]) <= 1
            assert (
                abs(f["revenue"] - f["cost_of_sales"] - f["operating_expenses"] - f["ebitda"]) <= 1
            )
            assert f["short_term_debt"] <= f["current_liabilities"]
            negative_equity += f["equity"] < 0
            zero_revenue += f["revenue"] == 0
        else:
            assert row.months == 1 and "salary" in row.income
            no_salary += Decimal(row.income["salary"]) == 0
    assert negative_equity and zero_revenue and no_salary  # distressed debtors too


def test_scenarios_and_assumptions_read_value_and_validate_like_the_users_own(
    demo: Database, admin: Actor
) -> None:
    kinds: Counter[str] = Counter()
    saved = 0
    for case_id, _segment, status in _analysed(demo).values():
        analysis = finance.financial_analysis(demo.unit_of_work(), admin, case_id)
        comparison = scenarios.compare_scenarios(demo.unit_of_work(), admin, case_id)
        infos = [row.info for row in comparison.rows if row.info]
        if status == "closed":
            assert not infos and not analysis.assumptions_saved
            continue
        assert 2 <= len(infos) <= 4 and len({i.kind for i in infos}) == len(infos)
        assert [i.chosen for i in infos].count(True) == 1
        assert all(i.choice_reason for i in infos if i.chosen)
        assert all(not i.choice_reason for i in infos if not i.chosen)
        assert comparison.chosen_index is not None
        for row in comparison.rows:
            assert row.problem is None and row.value is not None, row.problems
        assert comparison.best_index is not None
        kinds.update(i.kind for i in infos)
        if analysis.assumptions_saved:
            saved += 1
            values = {k: v for k, v in finance.assumptions_seen(analysis.assumptions).items()}
            ids = {c.obligation_id for c in analysis.collaterals}
            again = finance.check_assumptions(analysis.assumptions, values, ids)
            assert again == analysis.assumptions
    assert set(kinds) == {"lump_sum", "installment_plan", "restructuring", "payment_in_kind"}
    assert saved > 5


def test_the_assumptions_row_has_the_id_the_services_give_it(demo: Database) -> None:
    from vipdesk.storage.models.finance import assumptions_id

    with demo.unit_of_work() as uow:
        rows = uow.session.scalars(select(FinancialAssumptions)).all()
        assert rows and all(row.id == assumptions_id(row.case_id) for row in rows)
        authors = set(uow.session.scalars(select(SettlementScenario.user_id)))
        executives = set(uow.session.scalars(select(Case.executive_id)))
    assert authors <= executives
