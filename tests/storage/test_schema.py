"""The migration chain builds the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from vipdesk.core.errors import EnvironmentProblem
from vipdesk.storage import schema
from vipdesk.storage.database import create_database_engine
from vipdesk.storage.models import Base


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'empty.db'}"
    return str(request.getfixturevalue("pg_empty_url"))


def test_empty_database_upgrades_to_head_matching_the_models(empty_url: str) -> None:
    engine = create_database_engine(empty_url)
    try:
        assert schema.upgrade(engine) is True
        assert schema.is_current(engine)
        assert schema.upgrade(engine) is False  # idempotent
        with engine.connect() as connection:
            diff = compare_metadata(
                MigrationContext.configure(
                    connection,
                    opts={"compare_type": True, "include_object": schema.include_object},
                ),
                Base.metadata,
            )
        assert diff == [], "models changed without a migration: run 'vipdesk db revision -m ...'"
    finally:
        engine.dispose()


def test_database_from_a_newer_version_is_refused(empty_url: str) -> None:
    engine = create_database_engine(empty_url)
    try:
        schema.upgrade(engine)
        with engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = 'ffffffffffff'"))
        with pytest.raises(EnvironmentProblem, match="newer schema"):
            schema.upgrade(engine)
    finally:
        engine.dispose()
