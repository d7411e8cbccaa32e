"""The local cache's encryption key: random, 256-bit, one per user and per computer.

It lives in the OS keychain through ``keyring`` when a real one is there. Where none is (a server
with no desktop session, a locked-down workstation), it is derived from a passphrase with argon2id
and only the salt, the KDF parameters and a check value are stored beside the cache. There is
never a plaintext key file, and keyrings.alt backends are refused because their "plaintext" and
"encrypted" files are a key file by another name (base64, or a prompt on stdin a GUI cannot show).

Losing the key loses nothing (the cache is rebuilt from the central database), so every failure
here is an ``EnvironmentProblem`` the caller can answer by rebuilding or asking again, never a
traceback. Neither the key nor the passphrase ever appears in a message or a log.
"""

from __future__ import annotations

from pathlib import Path

import keyring
from keyring.backend import KeyringBackend

from vipdesk.storage.keys.base import (
    KEY_BYTES,
    SERVICE,
    KeychainUnavailable,
    KeyStore,
    PassphraseCancelled,
    WrongPassphrase,
    key_name,
    safe,
)
from vipdesk.storage.keys.keychain import KeychainKeyStore, keychain_usable
from vipdesk.storage.keys.passphrase import (
    DEFAULT_COST,
    MIN_PASSPHRASE_CHARS,
    KdfCost,
    PassphraseKeyStore,
    PassphrasePrompt,
)

__all__ = [
    "DEFAULT_COST",
    "KEY_BYTES",
    "MIN_PASSPHRASE_CHARS",
    "SERVICE",
    "KdfCost",
    "KeyStore",
    "KeychainKeyStore",
    "KeychainUnavailable",
    "PassphraseCancelled",
    "PassphraseKeyStore",
    "PassphrasePrompt",
    "WrongPassphrase",
    "choose_key_store",
    "key_name",
    "keychain_usable",
    "safe",
]


def choose_key_store(
    folder: Path,
    passphrase: PassphrasePrompt,
    backend: KeyringBackend | None = None,
    *,
    name: str | None = None,
    hint: str | None = None,
) -> KeyStore:
    """Where the key called ``name`` is (a passphrase key file, or a keychain marker, in
    ``folder``); for a new key, the keychain when it works now, else a passphrase.

    Sticky on purpose: a keychain that is locked or missing today must not make us look for
    the key elsewhere, find nothing, and treat the encrypted file as unreadable.
    """
    backend = backend if backend is not None else keyring.get_keyring()
    by_passphrase = PassphraseKeyStore(folder, passphrase, hint=hint)
    in_keychain = KeychainKeyStore(backend, marker_folder=folder)
    if name is not None:
        if by_passphrase.holds(name):
            return by_passphrase
        if in_keychain.holds(name):
            return in_keychain
    if keychain_usable(backend):
        return in_keychain
    return by_passphrase
