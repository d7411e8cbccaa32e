"""What every key store shares: the size of a key, the errors, the protocol, the names."""

from __future__ import annotations

import hashlib
import socket
from typing import Protocol
from urllib.parse import quote

from vipdesk.core.errors import QT_TRANSLATE_NOOP, EnvironmentProblem

KEY_BYTES = 32
SERVICE = "VIP Desk"


class WrongPassphrase(EnvironmentProblem):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("errors", "The passphrase is not correct."))


class KeychainUnavailable(EnvironmentProblem):
    """The keychain refused or failed; ``reason`` is an exception class name, never its text."""

    def __init__(self, reason: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "The system keychain could not be used ({reason}). Unlock it or sign "
                "in to the desktop session again.",
            ),
            reason=reason,
        )


class PassphraseCancelled(EnvironmentProblem):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors", "No passphrase was given, so the local cache cannot be opened."
            )
        )


class KeyStore(Protocol):
    kind: str

    def load(self, name: str) -> bytes | None: ...

    def create(self, name: str) -> bytes: ...

    def forget(self, name: str) -> None: ...


def key_name(purpose: str, username: str, computer: str | None = None) -> str:
    """``"cache/ejecutivo1@host"``: the key is per user and per computer, never shared."""
    if not purpose or "/" in purpose or not username:
        raise ValueError("key_name needs a purpose without '/' and a username")
    # Host names are case-insensitive; folding them keeps one key when DNS changes the case.
    host = (computer if computer is not None else socket.gethostname()).lower()
    return f"{purpose}/{username}@{host}"


def safe(name: str) -> str:
    """A file-name stem for ``name``: reversible percent-encoding, so two names never collide."""
    if not name:
        raise ValueError("empty key name")
    stem = quote(name, safe="@._-")
    # Stay well under the 255-byte limit of common file systems; the hash keeps it unique, and
    # "+" never appears in quote()'s output, so a shortened stem cannot equal an unshortened one.
    if len(stem) > 150:
        stem = f"{stem[:80]}+{hashlib.sha256(name.encode()).hexdigest()[:32]}"
    return stem
