"""The central PostgreSQL drops every connection, again and again, in the middle of a sync:
the app reports "offline", keeps what is not yet accepted, and a later sync finishes the job
with every command applied exactly once."""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import func, select

from tests.services.helpers import actor
from vipdesk.services import activity, portfolio, sync
from vipdesk.services.dto import NewInteraction, PortfolioQuery
from vipdesk.storage.cache_build import build_cache
from vipdesk.storage.database import create_database_engine
from vipdesk.storage.encrypted import create_encrypted_engine
from vipdesk.storage.models import Interaction
from vipdesk.storage.uow import Database

pytestmark = pytest.mark.postgres


@pytest.fixture
def central(pg_demo_url: str) -> Iterator[Database]:
    database = Database(create_database_engine(pg_demo_url))
    yield database
    database.dispose()


def _terminator(admin_url: str, database: str, stop: threading.Event) -> None:
    conninfo = admin_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(conninfo, autocommit=True) as conn:
        while not stop.is_set():
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                (database,),
            )
            time.sleep(0.15)


def test_connections_dropped_mid_sync_lose_and_duplicate_nothing(
    central: Database, postgres_admin_url: str, pg_demo_url: str, vipdesk_home: Path
) -> None:
    cache = Database(
        create_encrypted_engine(vipdesk_home / "cache.db", secrets.token_bytes(32)), outbox=True
    )
    me = actor(central, "ejecutivo1")
    build_cache(central.engine, cache.engine, me)
    numbers = portfolio.case_numbers(cache.unit_of_work(), me, PortfolioQuery())
    case_ids = [r.case_id for r in portfolio.rows(cache.unit_of_work(), me, numbers[:10])]
    when = datetime.now(UTC) - timedelta(minutes=10)
    queued = [
        activity.log_interaction(
            cache.unit_of_work(), me,
            NewInteraction(case_ids[i % 10], "call", "outbound", when, "no_answer",
                           notes=f"caída {i}"),
        )
        for i in range(120)
    ]  # fmt: skip
    stop = threading.Event()
    killer = threading.Thread(
        target=_terminator, args=(postgres_admin_url, pg_demo_url.rsplit("/", 1)[1], stop)
    )
    killer.start()
    offline = 0
    applied = 0
    try:
        for _ in range(200):
            try:
                sync.sync_once(central, cache, "ejecutivo1")
                if sync.status(cache).pending == 0:
                    break
            except sync.Offline:
                offline += 1
                # Nothing is lost: every command is applied or still waiting. At most the batch
                # in flight can be both (dropped during its COMMIT); its replay is a no-op.
                with central.unit_of_work() as uow:
                    applied = (
                        uow.session.scalar(select(func.count()).where(Interaction.id.in_(queued)))
                        or 0
                    )
                both = applied + sync.status(cache).pending - len(queued)
                assert 0 <= both <= sync.MAX_BATCH
    finally:
        stop.set()
        killer.join()
    print(f"syncs cut off by a dropped connection: {offline}; applied meanwhile: {applied}")
    assert applied > 0, "no command got through between drops"
    assert offline >= 1, "the connection was never dropped mid-sync: the test proved nothing"
    sync.sync_once(central, cache, "ejecutivo1")
    with central.unit_of_work() as uow:
        counts = dict(
            uow.session.execute(
                select(Interaction.id, func.count())
                .where(Interaction.id.in_(queued))
                .group_by(Interaction.id)
            ).all()
        )
    assert counts == dict.fromkeys(queued, 1)
    assert sync.status(cache).pending == 0
    cache.dispose()
