"""The local cache: one SQLCipher 4 file, encrypted as a whole (pages, indexes, WAL).

The key is a raw 256-bit key (random, from the keychain, or argon2-derived from a passphrase by
the caller), handed to SQLCipher as ``x'<hex>'`` so SQLCipher skips its own PBKDF2: deriving
twice would only slow every new pooled connection down. The key never appears in a message,
a log line or a SQL statement that SQLAlchemy sees (it is sent on the raw DBAPI connection).

A wrong key is reported as :class:`WrongKey`, so callers can offer to forget the cache and
rebuild it from the central database (nothing is lost: the cache is only a copy).
"""

from __future__ import annotations

import os
import weakref
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine
from sqlalchemy.pool import QueuePool

from vipdesk.core.errors import QT_TRANSLATE_NOOP, EnvironmentProblem

# The plain engine's recipe (isolation_level None, foreign_keys, busy_timeout, WAL,
# synchronous NORMAL, BEGIN IMMEDIATE on "begin"): both engines configured the same.
from vipdesk.storage.database import check_connection, configure_sqlite
from vipdesk.storage.keys.base import KEY_BYTES

SQLITE_NOTADB = 26  # "file is not a database": what SQLCipher says for a wrong key
FILE_MODE = 0o600
SIDE_FILES = ("-wal", "-shm", "-journal")


class WrongKey(EnvironmentProblem):
    """The cache file exists but this key does not decrypt it (or it is not a SQLCipher file)."""


@dataclass
class _KeyBox:
    """The key the engine's creator uses; mutable so :func:`rekey` can swap it."""

    key: bytes


# Engine -> its key box, for rekey(); weak so a disposed, dropped engine takes its key along.
_KEYS: weakref.WeakKeyDictionary[Engine, _KeyBox] = weakref.WeakKeyDictionary()


def _check_key(key: bytes) -> None:
    if not isinstance(key, bytes) or len(key) != KEY_BYTES:
        # Only the length is mentioned: the key itself must never reach a message.
        raise ValueError(f"the cache key must be {KEY_BYTES} bytes")


def _key_literal(key: bytes) -> str:
    return f"\"x'{key.hex()}'\""


def _cannot_open(path: Path, exc: BaseException) -> EnvironmentProblem:
    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return EnvironmentProblem(
        QT_TRANSLATE_NOOP("errors", "The encrypted cache {path} cannot be opened: {reason}"),
        path=str(path),
        reason=reason,
    )


def _wrong_key(path: Path) -> WrongKey:
    return WrongKey(
        QT_TRANSLATE_NOOP("errors", "The encrypted cache {path} cannot be opened with this key."),
        path=str(path),
    )


def _restrict_files(path: Path) -> None:
    """Make the database and any side file owner-only.

    SQLite already creates -wal/-shm/-journal with the database file's permissions; this
    also covers files left by an older run or copied in with looser ones. The process umask
    is deliberately not touched: it is process-wide and other threads may be creating files.
    """
    for candidate in [path, *(path.with_name(path.name + suffix) for suffix in SIDE_FILES)]:
        try:
            if candidate.stat().st_mode & 0o777 != FILE_MODE:
                candidate.chmod(FILE_MODE)
        except FileNotFoundError:
            continue


def _create_file(path: Path) -> None:
    """Create the (empty) database file as 0600 before SQLCipher ever opens it, so there is
    no moment where it exists with the umask's looser mode."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE)
    os.close(fd)
    _restrict_files(path)


def _connect(path: Path, box: _KeyBox) -> sqlcipher.Connection:
    try:
        connection = sqlcipher.connect(str(path), check_same_thread=False)
    except sqlcipher.Error as exc:
        raise _cannot_open(path, exc) from exc
    try:
        cursor = connection.cursor()
        # Before anything else: SQLCipher logs decryption failures to stderr by default.
        cursor.execute("PRAGMA cipher_log_level = NONE")
        cursor.execute(f"PRAGMA key = {_key_literal(box.key)}")
        try:
            # PRAGMA key never fails; the first read of page 1 is what proves the key.
            cursor.execute("SELECT count(*) FROM sqlite_master").fetchall()
        except sqlcipher.DatabaseError as exc:
            if getattr(exc, "sqlite_errorcode", None) == SQLITE_NOTADB:
                # The cause is fully known; chaining SQLCipher's error adds only noise.
                raise _wrong_key(path) from None
            raise
        # Sorts, temporary tables and indexes stay in RAM: SQLCipher does not encrypt SQLite's
        # temporary files, which would hold plaintext rows. The bundled sqlcipher3 happens to
        # default to memory (TEMP_STORE=2), a system SQLCipher built with TEMP_STORE=1 does not.
        cursor.execute("PRAGMA temp_store = MEMORY")
        # Deleted rows (a case reassigned away, a settled conflict, a sent outbox entry) are
        # overwritten with zeros, not left in free pages readable by anyone with the key.
        cursor.execute("PRAGMA secure_delete = ON")
        cursor.close()
    except WrongKey:
        connection.close()
        raise
    except sqlcipher.Error as exc:
        connection.close()
        raise _cannot_open(path, exc) from exc
    return connection


def create_encrypted_engine(path: Path, key: bytes) -> Engine:
    """Open (creating if needed) the encrypted cache at ``path`` and prove the key works.

    Raises :class:`WrongKey` when the key does not decrypt the file, :class:`EnvironmentProblem`
    when it cannot be opened at all, ``ValueError`` when ``key`` is not 32 bytes.
    """
    _check_key(key)
    path = Path(path)
    try:
        _create_file(path)
    except OSError as exc:
        raise _cannot_open(path, exc) from exc
    box = _KeyBox(key)
    engine = create_engine(
        "sqlite://",
        creator=lambda: _connect(path, box),
        # The dialect must know SQLCipher's exception classes, or its errors would escape
        # SQLAlchemy's DBAPIError wrapping (they are not sqlite3's classes).
        module=sqlcipher,
        # "sqlite://" looks like :memory: to SQLAlchemy, which would pick a single-connection
        # pool; this is a file shared by several threads.
        poolclass=QueuePool,
    )
    configure_sqlite(engine)
    try:
        # Surfaces WrongKey / EnvironmentProblem now rather than on the first query.
        check_connection(engine)
    except EnvironmentProblem:
        engine.dispose()
        raise
    _restrict_files(path)  # -wal and -shm now exist
    _KEYS[engine] = box
    return engine


def rekey(engine: Engine, new_key: bytes) -> None:
    """Re-encrypt the cache with ``new_key``. Call it while no connection is checked out:
    connections opened before the rekey would still use the old key."""
    _check_key(new_key)
    box = _KEYS.get(engine)
    if box is None:
        raise ValueError("not an engine made by create_encrypted_engine")
    engine.dispose()  # idle pooled connections hold the old key
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        # On the raw connection, so the statement (with the key) never reaches SQLAlchemy's
        # logging or an exception message.
        cursor.execute(f"PRAGMA rekey = {_key_literal(new_key)}")
        cursor.close()
    except sqlcipher.Error as exc:
        raise EnvironmentProblem(
            QT_TRANSLATE_NOOP("errors", "The encrypted cache could not be re-keyed: {reason}"),
            reason=str(exc).strip().splitlines()[0],
        ) from exc
    finally:
        raw.close()
    box.key = new_key
    engine.dispose()  # the connection that rekeyed is back in the pool; start clean
    check_connection(engine)
