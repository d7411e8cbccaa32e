"""The key derived from a passphrase with argon2id, where no usable keychain exists.

Beside the cache only ``<safe name>.key.json`` is stored: the salt, the KDF parameters and an
HMAC check value that tells a wrong passphrase from a right one. The key itself is never written.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import hmac
import json
import os
import secrets
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw

from vipdesk.core.errors import QT_TRANSLATE_NOOP, EnvironmentProblem, ValidationError
from vipdesk.storage.keys.base import KEY_BYTES, PassphraseCancelled, WrongPassphrase, safe

FILE_VERSION = 1
SALT_BYTES = 16
MIN_PASSPHRASE_CHARS = 12
# A key file is about 250 bytes; reading no more than this keeps a damaged or hostile file from
# costing memory before it is rejected.
MAX_FILE_BYTES = 16 * 1024
_CHECK_LABEL = b"vipdesk key check"
_KEY_SUFFIX = ".key.json"

# passphrase(creating) -> the passphrase, or None when the user cancels.
PassphrasePrompt = Callable[[bool], str | None]


def _damaged(path: Path, reason: str) -> EnvironmentProblem:
    return EnvironmentProblem(
        QT_TRANSLATE_NOOP(
            "errors",
            "The key file {file} is damaged ({reason}). Delete it: the local cache "
            "will be rebuilt from the central database.",
        ),
        file=str(path),
        reason=reason,
    )


def _unwritable(path: Path, exc: OSError) -> EnvironmentProblem:
    return EnvironmentProblem(
        QT_TRANSLATE_NOOP("errors", "Cannot read or write the key file {file}: {reason}."),
        file=str(path),
        reason=exc.strerror or type(exc).__name__,
    )


@dataclass(frozen=True)
class KdfCost:
    time_cost: int = 3
    memory_cost_kib: int = 65536  # 64 MiB: what makes guessing passphrases on a GPU expensive
    parallelism: int = 2


DEFAULT_COST = KdfCost()
# Bounds for parameters read back from a file: room for stronger future defaults, while a
# tampered file can make us spend at most 1 GiB and some seconds before the check fails.
_TIME_RANGE = range(1, 17)
_MEMORY_RANGE = range(8, 1024 * 1024 + 1)
_PARALLEL_RANGE = range(1, 17)


def _derive(passphrase: str, salt: bytes, cost: KdfCost) -> bytes:
    # NFC so the same passphrase typed through different input methods gives the same key.
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return hash_secret_raw(
        secret, salt, cost.time_cost, cost.memory_cost_kib, cost.parallelism, KEY_BYTES, Type.ID
    )


def _check_value(key: bytes) -> str:
    # A keyed one-way value under its own label: it tells a wrong passphrase from a right one
    # without revealing the key or any value the cache itself uses, and testing a guessed
    # passphrase against it still costs a full argon2 derivation.
    return hmac.new(key, _CHECK_LABEL, hashlib.sha256).hexdigest()


def _int_field(data: dict[str, Any], field: str, allowed: range) -> int:
    value = data.get(field)
    if type(value) is not int or value not in allowed:  # "is not int": JSON true is not 1
        raise ValueError(field)
    return value


@dataclass(frozen=True)
class _KeyFile:
    salt: bytes
    cost: KdfCost
    check: str

    @classmethod
    def parse(cls, raw: bytes) -> _KeyFile:
        """Raise ValueError naming what is wrong (never the content)."""
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            raise ValueError("not JSON") from None
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        if data.get("version") != FILE_VERSION or type(data.get("version")) is not int:
            raise ValueError("unknown version")
        if data.get("kdf") != "argon2id":
            raise ValueError("unknown kdf")
        salt_text, check = data.get("salt"), data.get("check")
        if not isinstance(salt_text, str) or not isinstance(check, str):
            raise ValueError("salt or check")
        try:
            salt = base64.b64decode(salt_text, validate=True)
        except binascii.Error:
            raise ValueError("salt") from None
        if len(salt) != SALT_BYTES:
            raise ValueError("salt")
        if len(check) != 64 or any(c not in "0123456789abcdef" for c in check):
            raise ValueError("check")
        cost = KdfCost(
            _int_field(data, "time_cost", _TIME_RANGE),
            _int_field(data, "memory_cost_kib", _MEMORY_RANGE),
            _int_field(data, "parallelism", _PARALLEL_RANGE),
        )
        if cost.memory_cost_kib < 8 * cost.parallelism:  # argon2's own minimum
            raise ValueError("memory_cost_kib")
        return cls(salt, cost, check)

    def dump(self) -> bytes:
        data = {
            "version": FILE_VERSION,
            "kdf": "argon2id",
            "salt": base64.b64encode(self.salt).decode("ascii"),
            "time_cost": self.cost.time_cost,
            "memory_cost_kib": self.cost.memory_cost_kib,
            "parallelism": self.cost.parallelism,
            "check": self.check,
        }
        return (json.dumps(data, indent=2) + "\n").encode("utf-8")


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; Windows cannot open a folder, and does not need to.
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(path: Path, content: bytes) -> None:
    """Readers see the old file or the new one, never half of one, and nobody else can read it."""
    temp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(temp, flags, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fsync_folder(path.parent)


class PassphraseKeyStore:
    kind: str = "passphrase"

    def __init__(
        self,
        folder: Path,
        passphrase: PassphrasePrompt,
        cost: KdfCost = DEFAULT_COST,
        hint: str | None = None,
    ) -> None:
        self._folder = Path(folder)
        self._ask = passphrase
        self._cost = cost
        # A passphrase the person already gave in this session (the one that unlocked this
        # computer's embedded database): tried before asking, and used to create new keys, so
        # that one computer means one passphrase to remember.
        self._hint = hint
        # The passphrase that last opened or created a key, for the caller to pass on as a hint.
        self.accepted: str | None = None

    def path(self, name: str) -> Path:
        return self._folder / f"{safe(name)}{_KEY_SUFFIX}"

    def holds(self, name: str) -> bool:
        """True when this computer has a passphrase-derived key of that name."""
        return self.path(name).exists()

    def load(self, name: str) -> bytes | None:
        path = self.path(name)
        try:
            with path.open("rb") as handle:
                raw = handle.read(MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise _unwritable(path, exc) from exc
        if len(raw) > MAX_FILE_BYTES:
            raise _damaged(path, "too large")
        try:
            stored = _KeyFile.parse(raw)
        except ValueError as exc:
            raise _damaged(path, str(exc)) from None
        if self._hint:
            key = _derive(self._hint, stored.salt, stored.cost)
            if hmac.compare_digest(_check_value(key), stored.check):
                self.accepted = self._hint
                return key
        passphrase = self._ask(False)
        if passphrase is None:
            raise PassphraseCancelled()
        key = _derive(passphrase, stored.salt, stored.cost)
        if not hmac.compare_digest(_check_value(key), stored.check):
            raise WrongPassphrase()
        self.accepted = passphrase
        return key

    def create(self, name: str) -> bytes:
        path = self.path(name)
        passphrase = self._hint or self._ask(True)
        if passphrase is None:
            raise PassphraseCancelled()
        if len(unicodedata.normalize("NFC", passphrase)) < MIN_PASSPHRASE_CHARS:
            raise ValidationError.single(
                "passphrase",
                QT_TRANSLATE_NOOP(
                    "errors", "The passphrase must have at least {minimum} characters."
                ),
                minimum=MIN_PASSPHRASE_CHARS,
            )
        salt = secrets.token_bytes(SALT_BYTES)
        key = _derive(passphrase, salt, self._cost)
        content = _KeyFile(salt, self._cost, _check_value(key)).dump()
        try:
            self._folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            write_atomically(path, content)
        except OSError as exc:
            raise _unwritable(path, exc) from exc
        self.accepted = passphrase
        return key

    def forget(self, name: str) -> None:
        path = self.path(name)
        try:
            path.unlink(missing_ok=True)
            if self._folder.is_dir():
                _fsync_folder(self._folder)
        except OSError as exc:
            raise _unwritable(path, exc) from exc
