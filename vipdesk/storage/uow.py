"""Unit of work: one session, one transaction per use case."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from types import TracebackType

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker


def system_clock() -> datetime:
    return datetime.now(UTC)


class UnitOfWork:
    """``with uow: ...; uow.commit()``; leaving the block without commit rolls back.

    A UnitOfWork is cheap; make one per operation (they are not shared across threads).
    ``clock`` is injected so tests can fix "now".
    """

    def __init__(
        self,
        session_factory: Callable[[], Session],
        clock: Callable[[], datetime] = system_clock,
        outbox: bool = False,
    ) -> None:
        self._session_factory = session_factory
        self.clock = clock
        # True on a local cache: every command is also queued for the central database.
        self.outbox = outbox
        self._session: Session | None = None

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("UnitOfWork used outside its with-block")
        return self._session

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        # The user's calendar day: local time of the machine they sit at.
        return self.clock().astimezone().date()

    def __enter__(self) -> UnitOfWork:
        if self._session is not None:
            raise RuntimeError("UnitOfWork is not re-entrant")
        self._session = self._session_factory()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._session is not None
        try:
            self._session.rollback()
        finally:
            self._session.close()
            self._session = None

    def commit(self) -> None:
        self.session.commit()


class Database:
    """The central database as the rest of the app sees it: an engine and a UoW factory."""

    def __init__(
        self,
        engine: Engine,
        clock: Callable[[], datetime] = system_clock,
        *,
        outbox: bool = False,
    ) -> None:
        self.engine = engine
        self.clock = clock
        self.outbox = outbox
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    def unit_of_work(self) -> UnitOfWork:
        return UnitOfWork(self._sessions, self.clock, self.outbox)

    def dispose(self) -> None:
        self.engine.dispose()
