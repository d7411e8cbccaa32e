"""Building the encrypted local cache from the central database: exactly what the user may see,
value for value, from SQLite and PostgreSQL centrals, all-or-nothing, and never in plaintext."""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from sqlalchemy import Engine, Select, func, select, text, update
from sqlalchemy.engine import make_url

from tests.storage.test_encrypted import find_plaintext, needles_for
from vipdesk.core.access import scope_for
from vipdesk.core.errors import EnvironmentProblem
from vipdesk.demo import generate
from vipdesk.services import cases, portfolio
from vipdesk.services.auth import sign_in
from vipdesk.services.dto import Actor, PortfolioQuery
from vipdesk.storage import schema
from vipdesk.storage.cache_build import (
    CLEARED_TABLES,
    COPIED_TABLES,
    BuildCancelled,
    CacheStats,
    build_cache,
)
from vipdesk.storage.database import create_database_engine
from vipdesk.storage.encrypted import create_encrypted_engine
from vipdesk.storage.models import Base, Case, Debtor, DebtorContact, Payment
from vipdesk.storage.portfolio import visibility
from vipdesk.storage.uow import Database

USERS = ("ejecutivo1", "supervisor1", "juridico1", "admin1")
COPIED = [
    Base.metadata.tables[name]
    for name in (
        "app_setting", "team", "app_user", "debtor", "debtor_contact", "related_party",
        "case_file", "obligation", "interaction", "promise", "payment", "payment_application",
        "financial_period", "financial_assumptions", "settlement_scenario",
        "strategy_version", "strategy_decision", "agreement", "approval_event", "document",
        "legal_handoff",
    )
]  # fmt: skip
CASE_CHILDREN = (
    "obligation", "interaction", "promise", "payment", "financial_period",
    "financial_assumptions", "settlement_scenario", "strategy_version", "strategy_decision",
    "agreement", "approval_event", "document", "legal_handoff",
)  # fmt: skip
DEBTOR_CHILDREN = ("debtor_contact", "related_party")


# --------------------------------------------------------------------------------------------
# Helpers


def open_cache(home: Path, name: str, key: bytes | None = None) -> Engine:
    return create_encrypted_engine(home / "cache" / f"{name}.db", key or secrets.token_bytes(32))


def actor_for(db: Database, name: str) -> Actor:
    return sign_in(db.unit_of_work(), name)


def expected_counts(central: Engine, actor: Actor) -> dict[str, int]:
    """Rows per table the actor may see, counted on central independently of the builder."""
    tables = Base.metadata.tables
    visible_cases = select(Case.id).where(
        visibility(scope_for(actor.role), actor.id, actor.team_id)
    )
    visible_debtors = select(Case.debtor_id).where(Case.id.in_(visible_cases))
    queries: dict[str, Select[Any]] = {
        "app_setting": select(func.count()).select_from(tables["app_setting"]),
        "team": select(func.count()).select_from(tables["team"]),
        "app_user": select(func.count()).select_from(tables["app_user"]),
        "case_file": select(func.count()).where(Case.id.in_(visible_cases)),
        "debtor": select(func.count()).where(Debtor.id.in_(visible_debtors)),
        "payment_application": select(func.count())
        .select_from(tables["payment_application"])
        .join(Payment, Payment.id == tables["payment_application"].c.payment_id)
        .where(Payment.case_id.in_(visible_cases)),
    }
    for name in CASE_CHILDREN:
        table = tables[name]
        queries[name] = (
            select(func.count()).select_from(table).where(table.c.case_id.in_(visible_cases))
        )
    for name in DEBTOR_CHILDREN:
        table = tables[name]
        queries[name] = (
            select(func.count()).select_from(table).where(table.c.debtor_id.in_(visible_debtors))
        )
    with central.connect() as connection:
        return {name: int(connection.scalar(query) or 0) for name, query in queries.items()}


def table_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            table.name: int(connection.scalar(select(func.count()).select_from(table)) or 0)
            for table in Base.metadata.sorted_tables
        }


def rows_by_id(engine: Engine, table_name: str, ids: list[Any]) -> dict[Any, dict[str, Any]]:
    table = Base.metadata.tables[table_name]
    [key] = table.primary_key.columns  # "id", or app_setting's "key"
    found: dict[Any, dict[str, Any]] = {}
    with engine.connect() as connection:
        for start in range(0, len(ids), 500):
            query = select(table).where(key.in_(ids[start : start + 500]))
            found.update(
                {row._mapping[key]: dict(row._mapping) for row in connection.execute(query)}
            )
    return found


def case_ids(engine: Engine) -> set[UUID]:
    with engine.connect() as connection:
        return set(connection.scalars(select(Case.id)))


@pytest.fixture
def cache_engines() -> Iterator[list[Engine]]:
    """Engines a test opens, disposed at the end even when an assertion fails."""
    engines: list[Engine] = []
    yield engines
    for engine in engines:
        engine.dispose()


# --------------------------------------------------------------------------------------------
# What the cache holds


@pytest.mark.parametrize("username", USERS)
def test_cache_holds_exactly_what_the_user_sees(
    any_database: Database, vipdesk_home: Path, cache_engines: list[Engine], username: str
) -> None:
    central = any_database.engine
    actor = actor_for(any_database, username)
    cache = open_cache(vipdesk_home, username)
    cache_engines.append(cache)
    reported: list[tuple[int, int]] = []

    stats = build_cache(central, cache, actor, progress=lambda d, t: reported.append((d, t)))

    # The services run on the cache unchanged and show the same portfolio, in the same order.
    local = Database(cache)
    on_central = portfolio.case_numbers(any_database.unit_of_work(), actor, PortfolioQuery())
    on_cache = portfolio.case_numbers(local.unit_of_work(), actor, PortfolioQuery())
    assert on_cache == on_central
    assert on_central, "every demo user sees some cases"
    assert stats.cases == len(on_central)
    assert reported[-1] == (len(on_central), len(on_central))

    # Row counts per table are those of the visible cases; nothing of the audit trail.
    counts = table_counts(cache)
    expected = expected_counts(central, actor)
    assert {name: counts[name] for name in expected} == expected
    assert counts["audit_event"] == 0 and counts["audit_chain_head"] == 0
    assert stats.rows == sum(expected.values())

    # Every column of every row identical to central (ids, row versions, timestamps, amounts).
    for table in COPIED:
        with cache.connect() as connection:
            ids = list(connection.scalars(select(*table.primary_key.columns)))
        cached = rows_by_id(cache, table.name, ids)
        assert cached == rows_by_id(central, table.name, ids), table.name

    # A case's workspace reads the same on both; the one with the most history, and the first.
    with cache.connect() as connection:
        busiest = connection.scalar(
            select(Payment.case_id).group_by(Payment.case_id).order_by(func.count().desc())
        )
        first = connection.scalar(select(Case.id).where(Case.number == on_central[0]))
    for case_id in {busiest, first} - {None}:
        assert isinstance(case_id, UUID)
        detail = cases.case_detail(local.unit_of_work(), actor, case_id)
        assert detail == cases.case_detail(any_database.unit_of_work(), actor, case_id)

    # Rebuilding replaces rather than appends.
    again = build_cache(central, cache, actor)
    assert (again.cases, again.rows) == (stats.cases, stats.rows)
    assert table_counts(cache) == counts


def test_an_executive_cache_has_no_other_executives_cases(
    any_database: Database, vipdesk_home: Path, cache_engines: list[Engine]
) -> None:
    actor = actor_for(any_database, "ejecutivo1")
    cache = open_cache(vipdesk_home, "ejecutivo1")
    cache_engines.append(cache)
    build_cache(any_database.engine, cache, actor)
    with cache.connect() as connection:
        executives = set(connection.scalars(select(Case.executive_id).distinct()))
        debtors = set(connection.scalars(select(Debtor.id)))
        case_debtors = set(connection.scalars(select(Case.debtor_id)))
    assert executives == {actor.id}
    assert debtors == case_debtors  # no debtor without a visible case
    with any_database.engine.connect() as connection:
        others = set(connection.scalars(select(Case.id).where(Case.executive_id != actor.id)))
    assert others, "the demo portfolio has other executives' cases"
    assert not others & case_ids(cache)


def test_a_cancelled_build_leaves_the_previous_cache_intact(
    any_database: Database, vipdesk_home: Path, cache_engines: list[Engine]
) -> None:
    central = any_database.engine
    cache = open_cache(vipdesk_home, "shared")
    cache_engines.append(cache)
    build_cache(central, cache, actor_for(any_database, "ejecutivo1"))
    before_counts = table_counts(cache)
    before_cases = case_ids(cache)

    admin = actor_for(any_database, "admin1")
    reported: list[tuple[int, int]] = []
    with pytest.raises(BuildCancelled) as caught:
        build_cache(
            central,
            cache,
            admin,
            batch_size=25,
            progress=lambda d, t: reported.append((d, t)),
            cancelled=lambda: len(reported) >= 1,
        )
    assert isinstance(caught.value, EnvironmentProblem)
    assert caught.value.message == "Building the local cache was cancelled."
    total = len(case_ids(central))
    assert reported == [(25, total)]  # one batch copied, then stopped before the second
    assert table_counts(cache) == before_counts
    assert case_ids(cache) == before_cases

    # Nothing is left locked or half-open: the cache can be written and rebuilt at once.
    with cache.begin() as connection:
        connection.execute(text("SELECT count(*) FROM case_file"))
    assert build_cache(central, cache, admin, batch_size=25).cases == total


def test_cancelling_after_the_last_batch_still_rolls_back(
    demo_database: Database, vipdesk_home: Path, cache_engines: list[Engine]
) -> None:
    cache = open_cache(vipdesk_home, "late")
    cache_engines.append(cache)
    schema.upgrade(cache)
    with pytest.raises(BuildCancelled):
        build_cache(
            demo_database.engine,
            cache,
            actor_for(demo_database, "admin1"),
            cancelled=iter([False, True]).__next__,  # one batch (200 < 1,000), then cancel
        )
    assert set(table_counts(cache).values()) == {0}


def test_build_into_a_brand_new_cache_file_creates_the_schema(
    demo_database: Database, vipdesk_home: Path, cache_engines: list[Engine]
) -> None:
    cache = open_cache(vipdesk_home, "new")
    cache_engines.append(cache)
    assert not schema.is_current(cache)
    build_cache(demo_database.engine, cache, actor_for(demo_database, "juridico1"))
    assert schema.is_current(cache)


def test_only_the_copied_tables_and_the_audit_trail_are_emptied() -> None:
    """Anything else in the cache (sync bookkeeping: outbox, cursor, conflicts) survives."""
    assert list(COPIED_TABLES) == COPIED
    assert {t.name for t in CLEARED_TABLES} == {t.name for t in COPIED} | {
        "audit_event",
        "audit_chain_head",
    }
    # Children before parents, so deleting never trips a foreign key.
    cleared = [t.name for t in CLEARED_TABLES]
    for position, table in enumerate(CLEARED_TABLES):
        for key in table.foreign_keys:
            assert cleared.index(key.column.table.name) > position, (table.name, key)


def test_batch_size_must_be_positive(demo_database: Database, vipdesk_home: Path) -> None:
    cache = open_cache(vipdesk_home, "bad")
    try:
        with pytest.raises(ValueError):
            build_cache(
                demo_database.engine, cache, actor_for(demo_database, "admin1"), batch_size=0
            )
    finally:
        cache.dispose()


def test_small_batches_copy_the_same_as_one(
    demo_database: Database, vipdesk_home: Path, cache_engines: list[Engine]
) -> None:
    """Debtors shared between cases in different batches are copied once."""
    actor = actor_for(demo_database, "admin1")
    one = open_cache(vipdesk_home, "one")
    many = open_cache(vipdesk_home, "many")
    cache_engines.extend([one, many])
    whole = build_cache(demo_database.engine, one, actor)
    reported: list[tuple[int, int]] = []
    batched = build_cache(
        demo_database.engine,
        many,
        actor,
        batch_size=7,
        progress=lambda d, t: reported.append((d, t)),
    )
    assert (batched.cases, batched.rows) == (whole.cases, whole.rows)
    assert table_counts(many) == table_counts(one)
    assert len(reported) == -(-whole.cases // 7)
    assert [done for done, _ in reported] == sorted({done for done, _ in reported})


@pytest.mark.postgres
def test_postgresql_central_is_read_from_one_snapshot(
    pg_demo_url: str, vipdesk_home: Path, cache_engines: list[Engine]
) -> None:
    """A change committed on central while the build runs does not reach this build: every
    batch reads the snapshot taken at the start. (A SQLite central cannot even be written
    meanwhile: the build's read transaction holds its write lock.)"""
    database = Database(create_database_engine(pg_demo_url))
    cache_engines.append(database.engine)
    actor = actor_for(database, "admin1")
    with database.engine.connect() as connection:
        last = connection.execute(
            select(Case.id, Case.row_version, Case.next_action).order_by(Case.number.desc())
        ).first()
    assert last is not None

    def change_central(done: int, _total: int) -> None:
        if done == 25:  # after the first batch; the last case is in the last batch
            with database.engine.begin() as connection:
                connection.execute(
                    update(Case)
                    .where(Case.id == last.id)
                    .values(next_action="changed meanwhile", row_version=Case.row_version + 1)
                )

    cache = open_cache(vipdesk_home, "admin1")
    cache_engines.append(cache)
    build_cache(database.engine, cache, actor, batch_size=25, progress=change_central)
    with cache.connect() as connection:
        cached = connection.execute(
            select(Case.row_version, Case.next_action).where(Case.id == last.id)
        ).one()
    assert tuple(cached) == (last.row_version, last.next_action)
    with database.engine.connect() as connection:
        assert connection.scalar(select(Case.next_action).where(Case.id == last.id)) == (
            "changed meanwhile"
        )


# --------------------------------------------------------------------------------------------
# Confidentiality at rest


def test_no_plaintext_of_the_users_cases_anywhere_under_vipdesk_home(
    demo_db_url: str, vipdesk_home: Path, cache_engines: list[Engine]
) -> None:
    central_path = Path(str(make_url(demo_db_url).database)).resolve()
    # The central file must not be under VIPDESK_HOME, or the scan would find it by design.
    assert not central_path.is_relative_to(vipdesk_home.resolve())
    database = Database(create_database_engine(demo_db_url))
    try:
        actor = actor_for(database, "ejecutivo1")
        visible = select(Case.debtor_id).where(Case.executive_id == actor.id)
        with database.engine.connect() as connection:
            debtors = connection.execute(
                select(Debtor.name, Debtor.tax_id).where(Debtor.id.in_(visible))
            ).all()
            phones = list(
                connection.scalars(
                    select(DebtorContact.value).where(
                        DebtorContact.kind == "phone", DebtorContact.debtor_id.in_(visible)
                    )
                )
            )
        assert debtors and phones
        needles = needles_for(
            {
                "name": [d.name for d in debtors],
                "tax id": [d.tax_id for d in debtors],
                "phone": phones,
            }
        )
        # Control: the scan does find them in the (plaintext) central file.
        assert find_plaintext(central_path.parent, needles)

        cache = open_cache(vipdesk_home, "ejecutivo1")
        cache_engines.append(cache)
        build_cache(database.engine, cache, actor)
        with cache.connect() as connection:  # the values really are in the cache
            assert set(connection.scalars(select(Debtor.name))) == {d.name for d in debtors}
        assert find_plaintext(vipdesk_home, needles) == {}  # WAL and shared memory open
        cache.dispose()
        assert find_plaintext(vipdesk_home, needles) == {}  # after checkpoint on close
    finally:
        database.dispose()


# --------------------------------------------------------------------------------------------
# Timing


def test_timing_admin_cache_from_a_2000_case_central(
    tmp_path: Path,
    vipdesk_home: Path,
    cache_engines: list[Engine],
    capsys: pytest.CaptureFixture[str],
) -> None:
    central = create_database_engine(f"sqlite:///{tmp_path / 'big.db'}")
    cache_engines.append(central)
    schema.upgrade(central)
    generate(central, cases=2000, seed=11)
    database = Database(central)
    actor = actor_for(database, "admin1")
    cache = open_cache(vipdesk_home, "admin1")
    cache_engines.append(cache)
    schema.upgrade(cache)  # measured separately from the copy
    started = time.perf_counter()
    stats: CacheStats = build_cache(central, cache, actor)
    first = time.perf_counter() - started
    rebuilt = build_cache(central, cache, actor)
    assert stats.cases == 2000
    with capsys.disabled():
        print(
            f"\ncache build, admin, 2,000 cases: {stats.rows:,} rows in {first:.2f} s "
            f"(empty cache), {rebuilt.seconds:.2f} s (rebuild over the previous copy)"
        )
