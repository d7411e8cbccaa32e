"""Fixtures shared by the service tests: encrypted caches built from the central database."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.services.helpers import CacheFor, actor
from vipdesk.storage.cache_build import build_cache
from vipdesk.storage.encrypted import create_encrypted_engine
from vipdesk.storage.uow import Database


@pytest.fixture
def cache_for(any_database: Database, vipdesk_home: Path) -> Iterator[CacheFor]:
    """``cache_for(username)``: that user's cache, built now (a random key; disposed after)."""
    made: list[Database] = []

    def make(username: str) -> Database:
        path = vipdesk_home / "cache" / f"{username}.db"
        engine = create_encrypted_engine(path, secrets.token_bytes(32))
        build_cache(any_database.engine, engine, actor(any_database, username))
        cache = Database(engine, outbox=True)
        made.append(cache)
        return cache

    yield make
    for cache in made:
        cache.dispose()
