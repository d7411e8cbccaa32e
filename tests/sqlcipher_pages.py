"""Read an encrypted cache's files as they are on disk, page by page, decrypted with its key.

SQLite's own readers (queries, ``sqlcipher_export``) only see live rows. Deleted rows linger in
free space inside pages, in free pages and in old WAL frames; decrypting every page of the
database file and every frame of its WAL shows what anyone holding the key could recover from
the disk. SQLCipher 4 defaults: 4096-byte pages, AES-256-CBC, each page ending with a 16-byte
IV and a 64-byte HMAC; page 1 starts with the 16-byte salt. The key is used raw (``x'…'``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

PAGE = 4096
RESERVE = 80  # IV + HMAC-SHA512
SALT = 16
WAL_HEADER = 32
FRAME_HEADER = 24


def _decrypt(key: bytes, page: bytes, first: bool) -> bytes:
    ciphers = pytest.importorskip("cryptography.hazmat.primitives.ciphers")
    body = page[SALT if first else 0 : PAGE - RESERVE]
    iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
    decryptor = ciphers.Cipher(ciphers.algorithms.AES(key), ciphers.modes.CBC(iv)).decryptor()
    return bytes(decryptor.update(body) + decryptor.finalize())


def decrypted_pages(database: Path, key: bytes) -> Iterator[bytes]:
    """Every page of the database file, then every frame of its WAL, decrypted."""
    data = database.read_bytes()
    for start in range(0, len(data) - PAGE + 1, PAGE):
        yield _decrypt(key, data[start : start + PAGE], first=start == 0)
    wal = database.with_name(database.name + "-wal")
    frames = wal.read_bytes() if wal.exists() else b""
    for start in range(WAL_HEADER, len(frames) - FRAME_HEADER - PAGE + 1, FRAME_HEADER + PAGE):
        page_number = int.from_bytes(frames[start : start + 4], "big")
        page = frames[start + FRAME_HEADER : start + FRAME_HEADER + PAGE]
        yield _decrypt(key, page, first=page_number == 1)


def occurrences(database: Path, key: bytes, text: str) -> int:
    """How many times ``text`` (UTF-8) can be read back from the files of ``database``."""
    needle = text.encode()
    return sum(page.count(needle) for page in decrypted_pages(database, key))
