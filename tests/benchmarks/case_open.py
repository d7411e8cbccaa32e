"""Opening a heavy case: one with 5,000 logged contacts (plus its promises and payments), in
the service and in the GUI (the case tab, every page filled, the tab painted)."""

from __future__ import annotations

import random
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.benchmarks.measure import Results, timed

INTERACTIONS = 5_000


def _add_history(engine: object, case_number: str, count: int) -> uuid.UUID:
    """``count`` interactions on one case, bulk-inserted as the demo generator would."""
    from sqlalchemy import insert, select
    from sqlalchemy.orm import Session

    from vipdesk.storage.models import Case, Interaction

    rng = random.Random(5000)
    with Session(engine) as session:  # type: ignore[call-overload]
        case = session.scalars(select(Case).where(Case.number == case_number)).one()
        start = datetime(2022, 1, 3, 9, tzinfo=UTC)
        rows = [
            {
                "id": uuid.uuid4(),
                "case_id": case.id,
                "user_id": case.executive_id,
                "occurred_at": start + timedelta(hours=6 * i, minutes=rng.randrange(60)),
                "channel": rng.choice(["call", "email", "visit", "whatsapp"]),
                "direction": "outbound",
                "contact_name": "Contacto de prueba",
                "outcome": rng.choice(["contacted", "no_answer", "message_left", "callback"]),
                "notes": f"Gestión {i}: " + "seguimiento del saldo. " * rng.randrange(1, 6),
                "duration_minutes": rng.randrange(0, 45),
                "next_action": "",
            }
            for i in range(count)
        ]
        session.execute(insert(Interaction), rows)
        session.commit()
        return case.id


def measure_case_open(results: Results, cases: int = 2_000) -> None:
    from PySide6.QtWidgets import QApplication

    from vipdesk.demo import generate
    from vipdesk.services import auth, derived
    from vipdesk.services import cases as case_service
    from vipdesk.storage import schema
    from vipdesk.storage.database import create_database_engine
    from vipdesk.storage.uow import Database
    from vipdesk.ui import i18n
    from vipdesk.ui.application import GuiContext, MainWindow, application, apply_look

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        engine = create_database_engine(f"sqlite:///{folder / 'heavy.db'}")
        schema.upgrade(engine)
        generate(engine, cases=cases, seed=2026)
        case_id = _add_history(engine, "VIP-000003", INTERACTIONS)
        db = Database(engine)
        with db.unit_of_work() as uow:
            derived.refresh_cases(uow.session, [case_id], uow.today())
            uow.commit()
        boss = auth.sign_in(db.unit_of_work(), "admin1")

        rounds = []
        for _ in range(5):
            started = time.perf_counter()
            detail = case_service.case_detail(db.unit_of_work(), boss, case_id)
            rounds.append(time.perf_counter() - started)
        results.add(f"case_detail, {len(detail.interactions):,} contacts (median)",
                    sorted(rounds)[2], 0.5)  # fmt: skip

        app = application()
        settings = folder / "settings"
        settings.mkdir()
        i18n.apply_language("es", settings)
        apply_look(app)
        window = MainWindow(GuiContext(db.unit_of_work, "bench", settings), boss)
        window.resize(1400, 800)
        window.show()
        while not window.is_settled():
            app.processEvents()
        timings = []
        for page in ("resumen", "gestiones", "linea-de-tiempo"):
            started = time.perf_counter()
            tab = window.open_case(case_id, page)
            while not tab.is_settled():
                app.processEvents()
            tab.repaint()
            QApplication.processEvents()
            timings.append((page, time.perf_counter() - started))
            window.close_tab(window.tabs.indexOf(tab))
            QApplication.processEvents()
        for page, seconds in timings:
            results.add(f"open the case tab on '{page}' (5,000 contacts)", seconds, 1.0)
        with timed(results, "close the window"):
            window.close()
        db.dispose()
