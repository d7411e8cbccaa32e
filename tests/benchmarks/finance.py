"""The financial analysis on a heavy case: 12 periods of a company's statements and 20
settlement scenarios of every kind (instalment plans up to 600 instalments), in the services
and in the GUI (the case tab opened on "Análisis financiero", every view filled and painted);
and the core on its own (schedules of 600 instalments, present values)."""

from __future__ import annotations

import tempfile
import time
import uuid
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from tests.benchmarks.measure import Results, timed

PERIODS = 12
SCENARIOS = 20


def _company_case(db: object) -> uuid.UUID:
    from sqlalchemy import select

    from vipdesk.storage.models import Case, Debtor

    with db.unit_of_work() as uow:  # type: ignore[attr-defined]
        query = (
            select(Case.id).join(Debtor, Debtor.id == Case.debtor_id)
            .where(Debtor.segment == "company", Case.status != "closed", Case.exposure > 0)
            .order_by(Case.number)
        )  # fmt: skip
        found: uuid.UUID = uow.session.scalars(query).first()
        return found


def _fill(db: object, actor: object, case_id: uuid.UUID, today: date) -> None:
    from vipdesk.services import finance, scenarios
    from vipdesk.services.finance_dto import PeriodSave, ScenarioSave

    for i in range(PERIODS):
        end = date(today.year - PERIODS + i, 12, 31)
        figures = {
            "cash": str(400_000 + 10_000 * i), "receivables": "1200000", "inventory": "800000",
            "other_current_assets": "100000", "fixed_assets": "4000000",
            "current_liabilities": str(2_000_000 - 50_000 * i), "short_term_debt": "900000",
            "long_term_debt": "3000000", "equity": str(1_000_000 + 70_000 * i),
            "revenue": "9000000", "cost_of_sales": "6000000", "operating_expenses": "2100000",
            "ebitda": str(900_000 + 20_000 * i), "depreciation": "200000", "interest": "350000",
            "taxes": "50000", "net_income": "300000", "capex": "100000",
            "scheduled_principal": "400000",
        }  # fmt: skip
        finance.save_period(db.unit_of_work(), actor,  # type: ignore[attr-defined]
                            PeriodSave(case_id, uuid.uuid4(), f"Cierre {end.year}", end, 12,
                                       figures))  # fmt: skip
    first_due = (today + timedelta(days=40)).isoformat()
    kinds = [
        ("lump_sum", {"amount": "250000", "pay_on": (today + timedelta(days=20)).isoformat()}),
        ("installment_plan", {"installments": "600", "frequency": "monthly",
                              "annual_rate": "0.14", "first_due": first_due}),
        ("installment_plan", {"installments": "36", "annual_rate": "0.18", "down_payment": "20000",
                              "first_due": first_due, "grace_periods": "3", "balloon": "5000"}),
        ("restructuring", {"new_term_installments": "120", "annual_rate": "0.12",
                           "first_due": first_due}),
        ("payment_in_kind", {"asset_description": "Bodega zona 12", "appraised_value": "400000",
                             "forced_sale_haircut": "0.3", "transfer_costs": "10000",
                             "transfer_on": first_due}),
    ]  # fmt: skip
    for i in range(SCENARIOS):
        kind, terms = kinds[i % len(kinds)]
        scenarios.save_scenario(db.unit_of_work(), actor,  # type: ignore[attr-defined]
                                ScenarioSave(case_id, uuid.uuid4(), f"Escenario {i + 1}", kind,
                                             terms))  # fmt: skip


def measure_finance(results: Results, cases: int = 2_000) -> None:
    from PySide6.QtWidgets import QApplication

    from vipdesk.core.schedule import build_schedule
    from vipdesk.core.valuation import CashFlow, present_value
    from vipdesk.demo import generate
    from vipdesk.services import auth, finance, scenarios
    from vipdesk.storage import schema
    from vipdesk.storage.database import create_database_engine
    from vipdesk.storage.uow import Database
    from vipdesk.ui import i18n
    from vipdesk.ui.application import GuiContext, MainWindow, application, apply_look

    started = time.perf_counter()
    for _ in range(100):
        rows = build_schedule(Decimal("1234567.89"), Decimal("0.18"), 600, date(2027, 1, 31))
    results.add("build_schedule, 600 instalments (mean of 100)",
                (time.perf_counter() - started) / 100, 0.05)  # fmt: skip
    flows = [CashFlow(r.due_date, r.payment) for r in rows]
    started = time.perf_counter()
    for _ in range(100):
        present_value(flows, Decimal("0.12"), date(2026, 12, 1))
    results.add("present_value of 600 dated flows (mean of 100)",
                (time.perf_counter() - started) / 100, 0.05)  # fmt: skip

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        engine = create_database_engine(f"sqlite:///{folder / 'finance.db'}")
        schema.upgrade(engine)
        generate(engine, cases=cases, seed=2026)
        db = Database(engine)
        boss = auth.sign_in(db.unit_of_work(), "admin1")
        case_id = _company_case(db)
        with db.unit_of_work() as uow:
            from vipdesk.storage.models import Case

            executive = uow.session.get(Case, case_id).executive_id  # type: ignore[union-attr]
            from vipdesk.storage.models import User

            username = uow.session.get(User, executive).username  # type: ignore[union-attr]
        me = auth.sign_in(db.unit_of_work(), username)
        with timed(results, f"enter {PERIODS} periods and {SCENARIOS} scenarios (services)"):
            _fill(db, me, case_id, date.today())  # noqa: DTZ011 - the demo's own today
        for name, call in (
            ("financial_analysis, 12 periods", lambda: finance.financial_analysis(
                db.unit_of_work(), boss, case_id)),
            ("compare_scenarios, 20 scenarios + legal route", lambda: scenarios.compare_scenarios(
                db.unit_of_work(), boss, case_id)),
        ):  # fmt: skip
            rounds = []
            for _ in range(5):
                started = time.perf_counter()
                call()
                rounds.append(time.perf_counter() - started)
            results.add(f"{name} (median)", sorted(rounds)[2], 0.5)

        app = application()
        settings = folder / "settings"
        settings.mkdir()
        i18n.apply_language("es", settings)
        apply_look(app)
        window = MainWindow(GuiContext(db.unit_of_work, "bench", settings), me)
        window.resize(1400, 900)
        window.show()
        while not window.is_settled():
            app.processEvents()
        started = time.perf_counter()
        tab = window.open_case(case_id, "analisis-financiero")
        page = tab.page("analisis-financiero")
        while not tab.is_settled() or getattr(page, "loaded", None) is None:
            app.processEvents()
        tab.repaint()
        QApplication.processEvents()
        results.add("open the case tab on 'analisis-financiero' (GUI)",
                    time.perf_counter() - started, 1.5)  # fmt: skip
        with timed(results, "close the window"):
            window.close()
        db.dispose()
