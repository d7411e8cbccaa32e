"""Cache and sync figures: building an encrypted cache, pushing and pulling changes against a
real PostgreSQL on loopback, and reads on the encrypted cache versus plain SQLite."""

from __future__ import annotations

import secrets
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.benchmarks.measure import Results, timed
from tests.postgres import create_database, running_server


def _reads(database: object, actor: object) -> float:
    from vipdesk.services import portfolio
    from vipdesk.services.dto import PortfolioQuery, SortKey

    rounds = []
    for _ in range(3):
        started = time.perf_counter()
        for key in (SortKey.PRIORITY, SortKey.EXPOSURE, SortKey.DEBTOR, SortKey.LAST_CONTACT):
            numbers = portfolio.case_numbers(
                database.unit_of_work(), actor, PortfolioQuery(sort=key)
            )  # type: ignore[attr-defined]
            for start in range(0, 2000, 200):
                portfolio.rows(database.unit_of_work(), actor, numbers[start : start + 200])  # type: ignore[attr-defined]
        rounds.append(time.perf_counter() - started)
    return min(rounds)


def measure_sync(results: Results, cases: int, changes: int) -> None:
    from vipdesk.demo import generate
    from vipdesk.services import activity, auth, portfolio, sync
    from vipdesk.services.dto import NewInteraction, PortfolioQuery
    from vipdesk.storage import schema
    from vipdesk.storage.cache_build import build_cache
    from vipdesk.storage.database import create_database_engine
    from vipdesk.storage.encrypted import create_encrypted_engine
    from vipdesk.storage.uow import Database

    with running_server() as admin_url, tempfile.TemporaryDirectory() as tmp:
        url = create_database(admin_url, "bench_central")
        central = Database(create_database_engine(url))
        schema.upgrade(central.engine)
        with timed(results, f"PostgreSQL: generate {cases:,} cases"):
            generate(central.engine, cases=cases, seed=2026)
        boss = auth.sign_in(central.unit_of_work(), "supervisor1")
        admin = auth.sign_in(central.unit_of_work(), "admin1")

        folder = Path(tmp)
        encrypted = Database(
            create_encrypted_engine(folder / "admin.db", secrets.token_bytes(32)), outbox=True
        )
        with timed(results, f"encrypted cache build, {cases:,} cases (admin)", limit=60.0):
            stats = build_cache(central.engine, encrypted.engine, admin)
        results.note("  rows copied", f"{stats.rows:,}")
        plain = Database(create_database_engine(f"sqlite:///{folder / 'plain.db'}"))
        build_cache(central.engine, plain.engine, admin)
        ratio = _reads(encrypted, admin) / _reads(plain, admin)
        results.note("encrypted / plain SQLite read time", f"{ratio:.2f}x")
        encrypted.dispose()
        plain.dispose()

        cache = Database(
            create_encrypted_engine(folder / "boss.db", secrets.token_bytes(32)), outbox=True
        )
        build_cache(central.engine, cache.engine, boss)
        numbers = portfolio.case_numbers(cache.unit_of_work(), boss, PortfolioQuery())
        case_ids = [r.case_id for r in portfolio.rows(cache.unit_of_work(), boss, numbers[:500])]
        when = datetime.now(UTC) - timedelta(minutes=30)
        started = time.perf_counter()
        per_change = []
        for i in range(changes):
            one = time.perf_counter()
            activity.log_interaction(
                cache.unit_of_work(), boss,
                NewInteraction(case_ids[i % len(case_ids)], "call", "outbound", when,
                               "contacted", notes=f"bench {i}"),
            )  # fmt: skip
            per_change.append(time.perf_counter() - one)
        results.add(f"queue {changes:,} changes offline (encrypted cache)",
                    time.perf_counter() - started)  # fmt: skip
        results.add("  one offline change, median", statistics.median(per_change), 0.05)
        with timed(results, f"push {changes:,} changes to PostgreSQL"):
            pushed = sync.push(central, cache, boss)
            accepted, refused = pushed.accepted, pushed.refused
        results.note("  accepted / refused", f"{accepted:,} / {refused:,}")
        other = Database(
            create_encrypted_engine(folder / "exec.db", secrets.token_bytes(32)), outbox=True
        )
        build_cache(
            central.engine, other.engine, auth.sign_in(central.unit_of_work(), "ejecutivo1")
        )
        # The build read the cursor after the push: roll it back so the pull has work to do.
        from sqlalchemy import update

        from vipdesk.storage.models import SyncState

        with other.engine.begin() as connection:
            connection.execute(update(SyncState).values(cursor=0))
        with timed(results, "pull of those changes into another cache (ejecutivo1)"):
            report = sync.sync_once(central, other, "ejecutivo1")
        results.note("  cases pulled", f"{report.pulled:,}")
        for database in (cache, other, central):
            database.dispose()
