"""The embedded central database: the single-computer default, one file under ``VIPDESK_HOME``.

It holds every case of the portfolio, so it is encrypted like the caches (SQLCipher 4, whole
file) with a key per computer: random in the OS keychain, or derived from a passphrase where no
keychain exists. A plaintext file left by an older version is encrypted in place on first open.

Unlike a cache, this file is the data of record: a missing key is never answered by starting
over silently. An explicit ``--database`` URL is used as given and never comes through here.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine

from vipdesk.config import DEFAULT_DATABASE_FILE, Settings
from vipdesk.core.errors import QT_TRANSLATE_NOOP, EnvironmentProblem
from vipdesk.local_cache import PassphrasePrompt, key_store, remove_files
from vipdesk.storage.encrypted import FILE_MODE, WrongKey, create_encrypted_engine
from vipdesk.storage.keys import KeyStore, PassphraseCancelled, PassphraseKeyStore, key_name

KEY_PURPOSE = "central"
KEY_OWNER = "embedded"  # one key for the computer: every user's cases are in this one file
PLAIN_HEADER = b"SQLite format 3\x00"


class CentralKeyMissing(EnvironmentProblem):
    """The embedded database is encrypted, and this computer no longer has its key."""


class CentralPassphraseMissing(EnvironmentProblem):
    """No passphrase was given (cancelled, or none in the environment)."""


@dataclass(frozen=True)
class Unlocked:
    engine: Engine
    # The passphrase that opened it, if one did: offered to the user's cache so that one
    # computer means one passphrase. None when the key came from the keychain.
    passphrase: str | None


def central_path(settings: Settings) -> Path:
    return settings.paths.data / DEFAULT_DATABASE_FILE


def central_key_name() -> str:
    return key_name(KEY_PURPOSE, KEY_OWNER)


def is_plain_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(PLAIN_HEADER)) == PLAIN_HEADER
    except FileNotFoundError:
        return False


def _load_or_create(store: KeyStore, name: str) -> bytes:
    key = store.load(name)
    return key if key is not None else store.create(name)


def _overwrite(path: Path) -> None:
    """Best effort: zeros over the plaintext before it is unlinked, so a copy of the disk
    taken later does not find it in free blocks (not a guarantee on SSDs)."""
    size = path.stat().st_size
    with path.open("r+b") as handle:
        chunk = b"\x00" * 65536
        for _ in range(0, size, len(chunk)):
            handle.write(chunk)
        handle.flush()
        os.fsync(handle.fileno())


def encrypt_in_place(path: Path, key: bytes) -> None:
    """Turn the plaintext SQLite file at ``path`` into a SQLCipher file with ``key``.

    The encrypted copy is written beside it (owner-only from the start), made durable, then
    replaces the original in one rename: an interruption leaves the plaintext file as it was.
    """
    temp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.encrypting")
    fd = os.open(temp, os.O_RDWR | os.O_CREAT | os.O_EXCL, FILE_MODE)
    os.close(fd)
    try:
        source = sqlcipher.connect(str(path), isolation_level=None)
        try:
            source.execute("PRAGMA cipher_log_level = NONE")
            source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            # Parameters, so the key never appears in the statement text.
            source.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(temp), f"x'{key.hex()}'"))
            source.execute("SELECT sqlcipher_export('encrypted')")
            source.execute("DETACH DATABASE encrypted")
        finally:
            source.close()
        with temp.open("rb") as handle:
            os.fsync(handle.fileno())
        _overwrite(path)
        os.replace(temp, path)
    except BaseException:
        remove_files(temp)
        raise
    for side in ("-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            path.with_name(path.name + side).unlink()


def _key_missing(path: Path) -> CentralKeyMissing:
    return CentralKeyMissing(
        QT_TRANSLATE_NOOP(
            "errors",
            "The database {path} is encrypted and this computer no longer has its key (it was "
            "in the system keychain or a passphrase file that is gone). Restore the key, or "
            "move the file away to start a new demo database.",
        ),
        path=str(path),
    )


def open_embedded(
    settings: Settings, passphrase: PassphrasePrompt, hint: str | None = None
) -> Unlocked:
    """Open (creating it the first time) the computer's encrypted embedded database."""
    path = central_path(settings)
    name = central_key_name()
    store = key_store(settings, passphrase, name, hint)
    try:
        if not path.exists() or path.stat().st_size == 0:
            # A new file gets a new key; an old key for a file that is gone guards nothing.
            store.forget(name)
            key = store.create(name)
        elif is_plain_sqlite(path):
            key = _load_or_create(store, name)
            encrypt_in_place(path, key)
        else:
            found = store.load(name)
            if found is None:
                raise _key_missing(path)
            key = found
    except PassphraseCancelled:
        raise CentralPassphraseMissing(
            QT_TRANSLATE_NOOP(
                "errors",
                "No passphrase was given, so this computer's encrypted database cannot be opened.",
            )
        ) from None
    except OSError as exc:
        raise EnvironmentProblem(
            QT_TRANSLATE_NOOP("errors", "Cannot open the database {path}: {reason}"),
            path=str(path),
            reason=exc.strerror or type(exc).__name__,
        ) from exc
    try:
        engine = create_encrypted_engine(path, key)
    except WrongKey:
        raise WrongKey(
            QT_TRANSLATE_NOOP(
                "errors", "The database {path} cannot be opened with this computer's key."
            ),
            path=str(path),
        ) from None
    accepted = store.accepted if isinstance(store, PassphraseKeyStore) else None
    return Unlocked(engine, accepted)
