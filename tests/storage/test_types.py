from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Column, Engine, MetaData, Table, insert, select
from sqlalchemy.exc import StatementError

from vipdesk.storage.database import create_database_engine
from vipdesk.storage.types import MoneyAmount, UtcDateTime

meta = MetaData()
table = Table("t", meta, Column("amount", MoneyAmount()), Column("at", UtcDateTime()))


@pytest.fixture(scope="module")
def engine() -> Iterator[Engine]:
    engine = create_database_engine("sqlite://")
    meta.create_all(engine)
    yield engine
    engine.dispose()


@given(value=st.decimals(min_value=-(10**15), max_value=10**15, places=2, allow_nan=False))
def test_money_round_trips_exactly_on_sqlite(engine: Engine, value: Decimal) -> None:
    with engine.begin() as connection:
        connection.execute(table.delete())
        connection.execute(insert(table), {"amount": value})
        assert connection.execute(select(table.c.amount)).scalar_one() == value


@pytest.mark.parametrize("bad", [1.5, Decimal("1.234")])
def test_float_or_excess_precision_is_refused(engine: Engine, bad: object) -> None:
    with engine.begin() as connection, pytest.raises(StatementError):
        connection.execute(insert(table), {"amount": bad})


def test_naive_datetimes_are_refused(engine: Engine) -> None:
    with engine.begin() as connection, pytest.raises(StatementError):
        connection.execute(insert(table), {"at": datetime(2026, 1, 1)})  # noqa: DTZ001
