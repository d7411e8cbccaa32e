"""Letters: each kind generated once (data read, rendered, stored), then a batch of 1,000
demands for payment over a demo portfolio, as the executives would run it (each over their own
cases, saved into a folder), with the time per letter; and one PDF read back for its SHA-256.

    python -m tests.benchmarks --part letters
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path
from uuid import UUID

from tests.benchmarks.measure import Results

BATCH = 1_000
CASES = 1_600  # enough cases that owe something to give every executive a share of the batch


def measure_letters(results: Results, batch: int = BATCH) -> None:
    from sqlalchemy import select

    from vipdesk.core.errors import VipDeskError
    from vipdesk.demo import generate
    from vipdesk.services import auth, documents, letters
    from vipdesk.storage import schema
    from vipdesk.storage.database import create_database_engine
    from vipdesk.storage.models import Case, Document, User
    from vipdesk.storage.uow import Database

    with tempfile.TemporaryDirectory(prefix="vipdesk-letters-") as tmp:
        folder = Path(tmp)
        engine = create_database_engine(f"sqlite:///{folder / 'letters.db'}")
        schema.upgrade(engine)
        generate(engine, cases=CASES, seed=2026)
        db = Database(engine)
        with db.unit_of_work() as uow:
            rows = uow.session.execute(
                select(User.username, Case.id)
                .join(User, User.id == Case.executive_id)
                .where(Case.exposure > 0, Case.status != "closed")
                .order_by(Case.number)
            ).all()
        by_executive: dict[str, list[UUID]] = {}
        for username, case_id in rows:
            by_executive.setdefault(username, []).append(case_id)

        # One of each kind that the demo data allows without further set-up.
        username, cases = next(iter(by_executive.items()))
        me = auth.sign_in(db.unit_of_work(), username)
        for kind in ("requerimiento", "expediente", "propuesta", "recordatorio"):
            rounds: list[float] = []
            for case_id in cases[:40]:
                started = time.perf_counter()
                try:
                    letters.generate_letter(db.unit_of_work(), me, case_id, kind)
                except VipDeskError:  # a case the rules refuse: try the next
                    continue
                rounds.append(time.perf_counter() - started)
                if len(rounds) == 5:
                    break
            if rounds:
                results.add(f"one {kind} letter, generated and stored (median)",
                            statistics.median(rounds), 1.0)  # fmt: skip

        out = folder / "cartas"
        out.mkdir()
        total = generated = refused = 0
        per_executive = -(-batch // len(by_executive))
        started = time.perf_counter()
        for username, cases in by_executive.items():
            me = auth.sign_in(db.unit_of_work(), username)
            chosen = cases[: min(per_executive, batch - total)]
            if not chosen:
                break
            outcome = letters.generate_batch(db.unit_of_work, me, chosen, "requerimiento",
                                             folder=out)  # fmt: skip
            total += len(chosen)
            generated += len(outcome.generated)
            refused += len(outcome.refused)
        elapsed = time.perf_counter() - started
        results.add(f"batch of {total:,} demands for payment, saved to a folder", elapsed)
        results.add("  time per letter in the batch", elapsed / max(total, 1), 0.5)
        results.note("  letters generated / refused", f"{generated:,} / {refused:,}")
        size = sum(p.stat().st_size for p in out.iterdir())
        results.note("  PDFs written", f"{len(list(out.iterdir())):,} ({size / 1e6:.1f} MB)")

        admin = auth.sign_in(db.unit_of_work(), "admin1")
        with db.unit_of_work() as uow:
            some = uow.session.scalars(select(Document.id).limit(1)).one()
        started = time.perf_counter()
        documents.document_pdf(db.unit_of_work(), admin, some)
        results.add("read one PDF back, SHA-256 checked", time.perf_counter() - started, 0.2)
        db.dispose()
