"""Portfolio filters and the indexed search, on SQLite (FTS5) and PostgreSQL (LIKE)."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.services.helpers import CacheFor, actor
from vipdesk.core.buckets import Bucket
from vipdesk.core.catalog import CaseStatus, PromiseStatus, Segment
from vipdesk.demo import generate
from vipdesk.embedded import encrypt_in_place
from vipdesk.services import portfolio
from vipdesk.services.dto import NextActionDue, PortfolioQuery, PortfolioRow, SortKey
from vipdesk.storage import schema, search_index
from vipdesk.storage.database import create_database_engine
from vipdesk.storage.encrypted import create_encrypted_engine
from vipdesk.storage.models import Case, Debtor, Obligation, Promise
from vipdesk.storage.uow import Database


def _numbers(db: Database, username: str = "admin1", **query: object) -> list[str]:
    return portfolio.case_numbers(db.unit_of_work(), actor(db, username), PortfolioQuery(**query))  # type: ignore[arg-type]


def _all_rows(db: Database, username: str = "admin1") -> list[PortfolioRow]:
    who = actor(db, username)
    numbers = portfolio.case_numbers(db.unit_of_work(), who, PortfolioQuery())
    return portfolio.rows(db.unit_of_work(), who, numbers)


def _expect(db: Database, keep: Callable[[PortfolioRow], bool], **query: object) -> list[str]:
    """The filtered list must be the unfiltered list (same order) with exactly ``keep``."""
    everything = _all_rows(db)
    expected = [r.case_number for r in everything if keep(r)]
    found = _numbers(db, **query)
    assert found == expected
    return found


def _today(db: Database) -> date:
    with db.unit_of_work() as uow:
        return uow.today()


@pytest.mark.parametrize("bucket", list(Bucket))
def test_bucket_filter(any_database: Database, bucket: Bucket) -> None:
    _expect(any_database, lambda r: r.bucket == bucket, buckets=(bucket,))


def test_several_buckets_are_alternatives(any_database: Database) -> None:
    chosen = {Bucket.CURRENT, Bucket.D180_PLUS}
    found = _expect(any_database, lambda r: r.bucket in chosen, buckets=tuple(chosen))
    assert found, "the demo portfolio has current and 180+ cases"


@pytest.mark.parametrize("status", list(CaseStatus))
def test_status_filter(any_database: Database, status: CaseStatus) -> None:
    _expect(any_database, lambda r: r.status == status.value, statuses=(status.value,))


@pytest.mark.parametrize("currency", ["GTQ", "MXN", "USD"])
def test_currency_filter(any_database: Database, currency: str) -> None:
    assert _expect(any_database, lambda r: r.currency == currency, currencies=(currency,))


@pytest.mark.parametrize("segment", list(Segment))
def test_segment_filter(any_database: Database, segment: Segment) -> None:
    assert _expect(any_database, lambda r: r.segment == segment.value, segments=(segment.value,))


def test_next_action_filters(any_database: Database) -> None:
    today = _today(any_database)

    def due(r: PortfolioRow) -> date:
        return r.next_action_date or date.max

    overdue = _expect(any_database, lambda r: due(r) < today, next_action=NextActionDue.OVERDUE)
    due_today = _expect(any_database, lambda r: due(r) == today, next_action=NextActionDue.TODAY)
    either = _expect(
        any_database, lambda r: due(r) <= today, next_action=NextActionDue.TODAY_OR_OVERDUE
    )
    assert overdue, "the demo portfolio has overdue follow-ups"
    assert set(either) == set(overdue) | set(due_today)


def test_promise_due_this_week(any_database: Database) -> None:
    today = _today(any_database)
    monday = today - timedelta(days=today.weekday())
    with any_database.unit_of_work() as uow:
        numbers = set(
            uow.session.scalars(
                select(Case.number)
                .join(Promise, Promise.case_id == Case.id)
                .where(
                    Promise.status == PromiseStatus.PENDING.value,
                    Promise.due_date >= monday,
                    Promise.due_date <= monday + timedelta(days=6),
                )
            )
        )
    _expect(any_database, lambda r: r.case_number in numbers, promise_due_this_week=True)


def test_filters_combine_with_each_other_search_and_sort(any_database: Database) -> None:
    rows = _all_rows(any_database)
    # A combination the demo portfolio certainly has: the first row's own values.
    first = rows[0]
    query = {
        "statuses": (first.status,),
        "currencies": (first.currency,),
        "segments": (first.segment,),
        "buckets": (first.bucket,),
    }

    def keep(r: PortfolioRow) -> bool:
        return (r.status, r.currency, r.segment, r.bucket) == (
            first.status,
            first.currency,
            first.segment,
            first.bucket,
        )

    assert first.case_number in _expect(any_database, keep, **query)
    word = first.debtor_name.split()[0].strip(",.")
    searched = _numbers(any_database, search=word, **query)
    assert first.case_number in searched
    assert set(searched) <= set(_numbers(any_database, **query))
    by_exposure = _numbers(any_database, sort=SortKey.EXPOSURE, descending=False, **query)
    assert sorted(by_exposure) == sorted(_numbers(any_database, **query))


def test_filters_keep_role_visibility(any_database: Database) -> None:
    mine = set(_numbers(any_database, "ejecutivo1"))
    for status in CaseStatus:
        assert set(_numbers(any_database, "ejecutivo1", statuses=(status.value,))) <= mine
    legal = _numbers(any_database, "juridico1", statuses=(CaseStatus.OPEN.value,))
    assert legal == [], "legal sees only escalated cases, whatever the filter asks"


# -- search -----------------------------------------------------------------------------------


def _first_case(db: Database) -> tuple[str, str, str, str]:
    with db.unit_of_work() as uow:
        case = uow.session.scalars(select(Case).order_by(Case.number)).first()
        assert case is not None
        account = uow.session.scalars(
            select(Obligation.account_number).where(Obligation.case_id == case.id)
        ).first()
        assert account is not None
        return case.number, case.debtor.name, case.debtor.tax_id, account


def test_search_prefix_accents_and_case(any_database: Database) -> None:
    with any_database.unit_of_work() as uow:
        name = next(n for n in uow.session.scalars(select(Debtor.name)) if "ó" in n or "é" in n)
    word = next(w for w in name.split() if "ó" in w or "é" in w).strip(",.")
    plain = word.replace("ó", "o").replace("é", "e")
    for typed in (plain.lower(), plain.upper(), word, plain[:3].lower()):
        assert any(name == r.debtor_name for r in _rows_for(any_database, typed)), typed


def _rows_for(db: Database, search: str) -> list[PortfolioRow]:
    who = actor(db, "admin1")
    numbers = portfolio.case_numbers(db.unit_of_work(), who, PortfolioQuery(search=search))
    return portfolio.rows(db.unit_of_work(), who, numbers)


def test_search_by_identifiers(any_database: Database) -> None:
    number, _name, tax_id, account = _first_case(any_database)
    bare_tax_id = "".join(ch for ch in tax_id if ch.isalnum())
    for typed in (tax_id, bare_tax_id, tax_id[:4], account, account.lower(), number, number[:6]):
        assert number in _numbers(any_database, search=typed), typed
    assert _numbers(any_database, search=account) == [number]
    assert _numbers(any_database, search=number.lower()) == [number]


@pytest.mark.parametrize(
    "hostile",
    [
        '"',
        '"gomez',
        'go"mez',
        "*",
        "AND",
        "OR NOT",
        "NEAR(",
        "NEAR(a b, 1)",
        "-",
        ":",
        "search_text:",
        "a" * 10_000,
        "😀",
        "%",
        "\\",
        "'; DROP TABLE case_file; --",
        "^",
        "(",
        ")",
    ],
)
def test_hostile_search_never_fails(any_database: Database, hostile: str) -> None:
    found = _numbers(any_database, search=hostile)
    assert len(found) <= len(_numbers(any_database))
    assert _numbers(any_database), "the table is still there"


@pytest.mark.parametrize("typed", ["*", "-", ":", '"', "😀", "^", "(", "a" * 10_000])
def test_nothing_searchable_matches_nothing(any_database: Database, typed: str) -> None:
    assert _numbers(any_database, search=typed) == []


def test_fts_operators_are_plain_words(demo_database: Database) -> None:
    # "and" is searched as a word prefix, not an operator: same as a search for "and".
    assert _numbers(demo_database, search="AND") == _numbers(demo_database, search="and")
    assert _numbers(demo_database, search="NEAR(") == _numbers(demo_database, search="near")


def test_the_cache_is_indexed_and_kept_current(cache_for: CacheFor) -> None:
    cache = cache_for("ejecutivo1")
    number, name, _tax_id, _account = _first_case(cache)
    word = name.split()[0].strip(",.").lower()
    assert number in _numbers(cache, "ejecutivo1", search=word[:3])
    with cache.unit_of_work() as uow:
        case = uow.session.scalars(select(Case).where(Case.number == number)).one()
        case.search_text = "zzyzx renamed"
        uow.commit()
    assert _numbers(cache, "ejecutivo1", search="zzyz") == [number]
    assert number not in _numbers(cache, "ejecutivo1", search=word)
    with cache.engine.connect() as connection:
        search_index.check(connection)


def test_ensure_rebuilds_a_missing_index(demo_database: Database) -> None:
    with demo_database.engine.begin() as connection:
        connection.exec_driver_sql(f"DROP TABLE {search_index.TABLE}")
        assert search_index.ensure(connection) is True
        assert search_index.ensure(connection) is False
        search_index.check(connection)
    number, _name, tax_id, _account = _first_case(demo_database)
    assert number in _numbers(demo_database, search=tax_id)


def test_index_survives_encrypting_the_embedded_database(tmp_path: Path) -> None:
    # The first start encrypts a plaintext central file with sqlcipher_export: the copy
    # must keep the virtual table, its triggers and rowids that still match the index.
    path = tmp_path / "plain.db"
    plain = create_database_engine(f"sqlite:///{path}")
    schema.upgrade(plain)
    generate(plain, cases=30, seed=5)
    plain.dispose()
    key = secrets.token_bytes(32)
    encrypt_in_place(path, key)
    db = Database(create_encrypted_engine(path, key))
    try:
        with db.engine.begin() as connection:
            assert search_index.ensure(connection) is False, "nothing was lost"
            search_index.check(connection)
        number, _name, tax_id, _account = _first_case(db)
        assert number in _numbers(db, search=tax_id)
    finally:
        db.dispose()
