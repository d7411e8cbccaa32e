"""Fixtures shared by every test: isolated VIPDESK_HOME, demo portfolios on SQLite and on a
real PostgreSQL server."""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.postgres import create_database, running_server
from vipdesk.demo import generate
from vipdesk.storage import schema
from vipdesk.storage.database import create_database_engine
from vipdesk.storage.uow import Database

DEMO_CASES = 200
DEMO_SEED = 2026
_counter = itertools.count()


def pytest_configure(config: pytest.Config) -> None:
    # Tests never need a display; subprocesses inherit this too.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def vipdesk_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own VIPDESK_HOME and no inherited database URL."""
    home = tmp_path / "vipdesk-home"
    monkeypatch.setenv("VIPDESK_HOME", str(home))
    monkeypatch.delenv("VIPDESK_DATABASE_URL", raising=False)
    return home


@pytest.fixture(autouse=True)
def no_machine_keychain(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never touch the keychain of the machine (or one a previous test started and
    stopped): the default backend is keyring's "fail" one. Keychain tests pass a real
    Secret Service backend explicitly (tests/storage/test_keys.py)."""
    from keyring.backends import fail

    monkeypatch.setattr("keyring.get_keyring", fail.Keyring)


def _seed(url: str) -> None:
    engine = create_database_engine(url)
    try:
        schema.upgrade(engine)
        generate(engine, cases=DEMO_CASES, seed=DEMO_SEED)
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "demo.db"
    _seed(f"sqlite:///{path}")
    return path


@pytest.fixture
def demo_db_url(demo_template: Path, tmp_path: Path) -> str:
    path = tmp_path / "central.db"
    shutil.copyfile(demo_template, path)
    return f"sqlite:///{path}"


@pytest.fixture(scope="session")
def postgres_admin_url() -> Iterator[str]:
    with running_server() as url:
        yield url


@pytest.fixture(scope="session")
def pg_demo_template(postgres_admin_url: str) -> str:
    url = create_database(postgres_admin_url, "vipdesk_template")
    _seed(url)
    return "vipdesk_template"


@pytest.fixture
def pg_demo_url(postgres_admin_url: str, pg_demo_template: str) -> str:
    return create_database(
        postgres_admin_url, f"vipdesk_test_{next(_counter)}", template=pg_demo_template
    )


@pytest.fixture
def pg_empty_url(postgres_admin_url: str) -> str:
    return create_database(postgres_admin_url, f"vipdesk_empty_{next(_counter)}")


def _database(url: str) -> Iterator[Database]:
    database = Database(create_database_engine(url))
    try:
        yield database
    finally:
        database.dispose()


@pytest.fixture
def demo_database(demo_db_url: str) -> Iterator[Database]:
    yield from _database(demo_db_url)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_database(request: pytest.FixtureRequest) -> Iterator[Database]:
    """The 200-case demo portfolio on SQLite and on PostgreSQL."""
    fixture = "demo_db_url" if request.param == "sqlite" else "pg_demo_url"
    yield from _database(request.getfixturevalue(fixture))
