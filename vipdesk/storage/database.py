"""Engines for the central database: SQLite file or PostgreSQL, same models.

Connection failures and unusable URLs become :class:`EnvironmentProblem` with a message a
person can act on; the password never appears in it.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from vipdesk.core.errors import QT_TRANSLATE_NOOP, EnvironmentProblem

SUPPORTED_BACKENDS = ("sqlite", "postgresql")


class Unreachable(EnvironmentProblem):
    """The database did not answer (server down, network gone, file unreadable)."""


def parse_url(raw: str) -> URL:
    try:
        url = make_url(raw)
    except (ArgumentError, ValueError) as exc:
        raise EnvironmentProblem(
            QT_TRANSLATE_NOOP(
                "errors",
                "Invalid database URL: {url}. Use sqlite:///path/to/file.db or "
                "postgresql://user@host:port/database.",
            ),
            url=raw,
        ) from exc
    if url.get_backend_name() not in SUPPORTED_BACKENDS:
        raise EnvironmentProblem(
            QT_TRANSLATE_NOOP(
                "errors", "Unsupported database {backend}: use SQLite or PostgreSQL."
            ),
            backend=url.get_backend_name(),
        )
    if url.get_backend_name() == "postgresql" and url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    return url


def describe(url: URL | str) -> str:
    """The URL without its password, for messages and the status bar."""
    url = make_url(url) if isinstance(url, str) else url
    return url.render_as_string(hide_password=True)


def configure_sqlite(engine: Engine) -> None:
    # pysqlite's own transaction handling defers BEGIN and would let two writers deadlock;
    # we start every transaction ourselves with BEGIN IMMEDIATE (SQLAlchemy's documented recipe).
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA busy_timeout = 10000")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # Readers that ask for it (long snapshots: cache builds, sync pulls) take no write lock.
        if connection.get_execution_options().get("vipdesk_read_only"):
            connection.exec_driver_sql("BEGIN")
        else:
            connection.exec_driver_sql("BEGIN IMMEDIATE")


def create_database_engine(raw_url: str, *, must_exist: bool = False) -> Engine:
    """Create an engine and prove it can connect.

    ``must_exist``: refuse to create a new SQLite file (used for explicit URLs, where a typo
    would otherwise silently start an empty database).
    """
    url = parse_url(raw_url)
    kwargs: dict[str, Any] = {}
    if url.get_backend_name() == "postgresql":
        kwargs["connect_args"] = {"connect_timeout": 5}
        kwargs["pool_pre_ping"] = True
    else:
        if must_exist and url.database and url.database != ":memory:":
            from pathlib import Path

            if not Path(url.database).exists():
                raise EnvironmentProblem(
                    QT_TRANSLATE_NOOP("errors", "The database file {path} does not exist."),
                    path=url.database,
                )
    try:
        engine = create_engine(url, **kwargs)
    except (NoSuchModuleError, ArgumentError, TypeError) as exc:
        raise EnvironmentProblem(
            QT_TRANSLATE_NOOP("errors", "Invalid database URL: {url}."), url=describe(url)
        ) from exc
    if url.get_backend_name() == "sqlite":
        configure_sqlite(engine)
    check_connection(engine)
    return engine


def check_connection(engine: Engine) -> None:
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except DBAPIError as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise Unreachable(
            QT_TRANSLATE_NOOP("errors", "Cannot open the database {url}: {reason}"),
            url=describe(engine.url),
            reason=reason,
        ) from exc


def has_tables(engine: Engine) -> bool:
    return bool(inspect(engine).get_table_names())
