"""Opening a user's encrypted local cache: where it lives, where its key comes from, and
what to do when the key is gone (the cache is only a copy: start a new one)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from vipdesk.config import Settings
from vipdesk.storage import schema
from vipdesk.storage.encrypted import SIDE_FILES, create_encrypted_engine
from vipdesk.storage.keys import (
    KeychainKeyStore,
    KeyStore,
    PassphraseKeyStore,
    choose_key_store,
    key_name,
    safe,
)
from vipdesk.storage.models import SyncState
from vipdesk.storage.uow import Database

PassphrasePrompt = Callable[[bool], str | None]


def cache_path(settings: Settings, username: str) -> Path:
    return settings.paths.data / "caches" / f"{safe(username)}.db"


def profile_path(settings: Settings, username: str) -> Path:
    """Who the cache belongs to, for signing in offline (see :mod:`vipdesk.offline`)."""
    return settings.paths.data / "caches" / f"{safe(username)}.profile.json"


def key_store(
    settings: Settings, passphrase: PassphrasePrompt, name: str, hint: str | None = None
) -> KeyStore:
    """Where the key ``name`` lives (or will): see :func:`choose_key_store`. ``hint``: a
    passphrase already given in this session, tried before asking again."""
    folder = settings.paths.data / "keys"
    if settings.key_store == "passphrase":
        return PassphraseKeyStore(folder, passphrase, hint=hint)
    if settings.key_store == "keychain":
        return KeychainKeyStore(marker_folder=folder)
    return choose_key_store(folder, passphrase, name=name, hint=hint)


def remove_files(path: Path) -> None:
    for file in (path, *(path.with_name(path.name + side) for side in SIDE_FILES)):
        file.unlink(missing_ok=True)


def open_cache(
    settings: Settings, username: str, passphrase: PassphrasePrompt, hint: str | None = None
) -> Database:
    """The user's cache, with the outbox on. Raises ``WrongKey`` when the key does not open
    it (the caller offers :func:`forget_cache`)."""
    path = cache_path(settings, username)
    name = key_name("cache", username)
    store = key_store(settings, passphrase, name, hint)
    key = store.load(name) if path.exists() else None
    if key is None:
        # No key, or no file: whatever is on disk is unreadable; start over from central.
        remove_files(path)
        key = store.create(name)
    engine = create_encrypted_engine(path, key)
    schema.upgrade(engine)
    return Database(engine, outbox=True)


def is_built(cache: Database) -> bool:
    with cache.unit_of_work() as uow:
        return uow.session.scalar(select(SyncState.id).where(SyncState.id == 1)) is not None


def forget_cache(settings: Settings, username: str, passphrase: PassphrasePrompt) -> None:
    """ "Forget this computer": destroy the cache, its key and its profile."""
    remove_files(cache_path(settings, username))
    profile_path(settings, username).unlink(missing_ok=True)
    name = key_name("cache", username)
    key_store(settings, passphrase, name).forget(name)
