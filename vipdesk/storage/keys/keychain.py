"""The key in the OS keychain (Secret Service, macOS Keychain, Windows Credential Locker)."""

from __future__ import annotations

import contextlib
import secrets
from pathlib import Path

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import PasswordDeleteError

from vipdesk.core.errors import QT_TRANSLATE_NOOP, EnvironmentProblem
from vipdesk.storage.keys.base import KEY_BYTES, SERVICE, KeychainUnavailable, safe
from vipdesk.storage.keys.passphrase import write_atomically

_MARKER_SUFFIX = ".keychain"
_MARKER_TEXT = b"The key of this VIP Desk file is in the system keychain.\n"


class KeychainKeyStore:
    kind: str = "keychain"

    def __init__(
        self,
        backend: KeyringBackend | None = None,
        service: str = SERVICE,
        marker_folder: Path | None = None,
    ) -> None:
        self._backend = backend if backend is not None else keyring.get_keyring()
        self._service = service
        # Where a marker (no secret in it) records that a key went to the keychain: when the
        # keychain is later locked or gone, the caller must say so rather than mistake the key
        # for lost and replace the file it opens.
        self._markers = marker_folder

    def marker(self, name: str) -> Path | None:
        return None if self._markers is None else self._markers / f"{safe(name)}{_MARKER_SUFFIX}"

    def holds(self, name: str) -> bool:
        marker = self.marker(name)
        return marker is not None and marker.exists()

    def load(self, name: str) -> bytes | None:
        try:
            stored = self._backend.get_password(self._service, name)
        except Exception as exc:  # backends raise D-Bus/OS errors keyring does not wrap
            raise KeychainUnavailable(type(exc).__name__) from exc
        if stored is None:
            return None
        try:
            key = bytes.fromhex(stored)
        except ValueError:
            key = b""
        if len(key) != KEY_BYTES:
            # Returning None would make the caller silently replace someone's entry; say so.
            raise EnvironmentProblem(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The keychain entry {name} of {service} is not a VIP Desk key. "
                    "Delete it: the local cache will be rebuilt.",
                ),
                name=name,
                service=self._service,
            )
        return key

    def create(self, name: str) -> bytes:
        key = secrets.token_bytes(KEY_BYTES)
        try:
            self._backend.set_password(self._service, name, key.hex())
            stored = self._backend.get_password(self._service, name)
        except Exception as exc:
            # "from None": a backend's message might echo what it was given.
            raise KeychainUnavailable(type(exc).__name__) from None
        # Some backends accept a write and drop it; a key we cannot read back is a lost cache.
        if stored != key.hex():
            raise KeychainUnavailable("the key could not be read back")
        marker = self.marker(name)
        if marker is not None:
            try:
                marker.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
                write_atomically(marker, _MARKER_TEXT)
            except OSError as exc:
                raise KeychainUnavailable(type(exc).__name__) from exc
        return key

    def forget(self, name: str) -> None:
        try:
            self._backend.delete_password(self._service, name)
        except PasswordDeleteError:
            pass  # already gone: forgetting is idempotent
        except Exception as exc:
            raise KeychainUnavailable(type(exc).__name__) from exc
        marker = self.marker(name)
        if marker is not None:
            with contextlib.suppress(FileNotFoundError):
                marker.unlink()


def _refused(backend: KeyringBackend) -> bool:
    """Backends that cannot keep a secret, whatever a probe says."""
    if isinstance(backend, fail.Keyring | null.Keyring):
        return True
    # The whole MRO, so a subclass of a keyrings.alt backend defined elsewhere is caught too.
    if any(cls.__module__.startswith("keyrings.alt") for cls in type(backend).__mro__):
        return True
    if isinstance(backend, chainer.ChainerBackend):
        members = list(backend.backends)
        # A chainer reads from every member: one unsafe member is enough to refuse it.
        return not members or any(_refused(member) for member in members)
    return False


def keychain_usable(backend: KeyringBackend | None = None) -> bool:
    """True when ``backend`` (default: keyring's choice) is a real keychain that works now."""
    backend = backend if backend is not None else keyring.get_keyring()
    if _refused(backend):
        return False
    # A backend can be present yet useless (locked collection, no D-Bus session, access denied):
    # only a round trip under a throwaway name tells.
    probe, value = f"probe/{secrets.token_hex(8)}", secrets.token_hex(16)
    try:
        backend.set_password(SERVICE, probe, value)
        try:
            return backend.get_password(SERVICE, probe) == value
        finally:
            backend.delete_password(SERVICE, probe)
    except Exception:  # any failure means "not usable", which is the answer asked for
        return False
