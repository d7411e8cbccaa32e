"""The cache key: in a real Secret Service keychain, or derived from a passphrase with argon2id."""

from __future__ import annotations

import json
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import SecretService, chainer, fail, null

from tests.keychain import running_secret_service
from vipdesk.core.errors import EnvironmentProblem, ValidationError
from vipdesk.storage.keys import (
    DEFAULT_COST,
    KEY_BYTES,
    KdfCost,
    KeychainKeyStore,
    KeychainUnavailable,
    PassphraseCancelled,
    PassphraseKeyStore,
    WrongPassphrase,
    choose_key_store,
    key_name,
    keychain_usable,
    safe,
)

PASSPHRASE = "correct horse battery staple"
# Tests only: argon2's minimum memory, so a derivation takes microseconds, not 100+ ms.
FAST = KdfCost(time_cost=1, memory_cost_kib=64, parallelism=1)
NAME = key_name("cache", "ejecutivo1", "Desk-01")


@pytest.fixture(scope="module")
def secret_service() -> Iterator[SecretService.Keyring]:
    with pytest.MonkeyPatch.context() as monkeypatch, running_secret_service(monkeypatch) as kr:
        yield kr


class Prompt:
    """A scripted passphrase dialog that records what it was asked."""

    def __init__(self, *answers: str | None) -> None:
        self.answers = list(answers)
        self.asked: list[bool] = []

    def __call__(self, creating: bool) -> str | None:
        self.asked.append(creating)
        return self.answers.pop(0)


def store(folder: Path, *answers: str | None) -> tuple[PassphraseKeyStore, Prompt]:
    prompt = Prompt(*answers)
    return PassphraseKeyStore(folder, prompt, cost=FAST), prompt


# --- the real keychain -------------------------------------------------------------------


def test_keychain_round_trip(secret_service: SecretService.Keyring) -> None:
    keys = KeychainKeyStore(secret_service, service="VIP Desk tests")
    assert keys.kind == "keychain"
    assert keys.load(NAME) is None
    key = keys.create(NAME)
    assert isinstance(key, bytes) and len(key) == KEY_BYTES
    assert keys.load(NAME) == key
    # A fresh store on the same keychain (the next start of the app) finds the same key.
    assert KeychainKeyStore(secret_service, service="VIP Desk tests").load(NAME) == key
    assert secret_service.get_password("VIP Desk tests", NAME) == key.hex()
    keys.forget(NAME)
    assert keys.load(NAME) is None
    keys.forget(NAME)  # idempotent


def test_keychain_keys_are_random_and_per_name(secret_service: SecretService.Keyring) -> None:
    keys = KeychainKeyStore(secret_service, service="VIP Desk tests")
    other = key_name("cache", "ejecutivo2", "Desk-01")
    first, second = keys.create(NAME), keys.create(other)
    assert first != second
    assert len(set(first)) > 8  # not a constant or a counter
    replaced = keys.create(NAME)
    assert replaced != first and keys.load(NAME) == replaced
    keys.forget(NAME)
    keys.forget(other)


def test_real_secret_service_is_usable(secret_service: SecretService.Keyring) -> None:
    assert keychain_usable(secret_service)
    assert isinstance(choose_key_store(Path("unused"), Prompt(), secret_service), KeychainKeyStore)


def test_keychain_entry_that_is_not_a_key(secret_service: SecretService.Keyring) -> None:
    secret_service.set_password("VIP Desk tests", NAME, "hunter2")
    with pytest.raises(EnvironmentProblem, match="not a VIP Desk key"):
        KeychainKeyStore(secret_service, service="VIP Desk tests").load(NAME)
    secret_service.delete_password("VIP Desk tests", NAME)


# --- no usable keychain ------------------------------------------------------------------


class PlaintextLike(KeyringBackend):
    """Stands in for keyrings.alt's PlaintextKeyring (not installed): works, but is refused."""

    # No priority: keyring registers every subclass, and one without a priority is never viable,
    # so keyring's own backend discovery in this process cannot pick it up.
    __module__ = "keyrings.alt.file"

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[service, username] = password

    def delete_password(self, service: str, username: str) -> None:
        del self.items[service, username]


class Broken(PlaintextLike):
    __module__ = __name__

    def set_password(self, service: str, username: str, password: str) -> None:
        raise OSError("locked")


def test_no_keychain_is_not_usable(tmp_path: Path) -> None:
    assert not keychain_usable(fail.Keyring())
    assert not keychain_usable(null.Keyring())
    assert not keychain_usable(PlaintextLike())
    assert not keychain_usable(Broken())  # the probe round trip fails
    chosen = choose_key_store(tmp_path, Prompt(), fail.Keyring())
    assert isinstance(chosen, PassphraseKeyStore) and chosen.kind == "passphrase"


def test_default_backend_is_keyrings_choice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As on a server with no desktop session, whatever the machine running the tests has.
    monkeypatch.setattr("keyring.get_keyring", fail.Keyring)
    assert not keychain_usable()
    assert isinstance(choose_key_store(tmp_path, Prompt()), PassphraseKeyStore)


def test_empty_chainer_is_not_usable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
    assert not keychain_usable(chainer.ChainerBackend())
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [PlaintextLike()])
    assert not keychain_usable(chainer.ChainerBackend())


def test_keychain_failure_is_keychain_unavailable() -> None:
    with pytest.raises(KeychainUnavailable) as caught:
        KeychainKeyStore(fail.Keyring()).create(NAME)
    assert isinstance(caught.value, EnvironmentProblem)
    assert "NoKeyringError" in caught.value.message


# --- the passphrase fallback -------------------------------------------------------------


def test_passphrase_round_trip(tmp_path: Path) -> None:
    keys, prompt = store(tmp_path, PASSPHRASE, PASSPHRASE)
    assert keys.kind == "passphrase"
    assert keys.load(NAME) is None
    assert prompt.asked == []  # nothing to unlock: never ask
    key = keys.create(NAME)
    assert isinstance(key, bytes) and len(key) == KEY_BYTES
    assert keys.load(NAME) == key
    assert prompt.asked == [True, False]


def test_same_passphrase_new_salt_new_key(tmp_path: Path) -> None:
    keys, _ = store(tmp_path, PASSPHRASE, PASSPHRASE)
    assert keys.create(NAME) != keys.create(key_name("cache", "ejecutivo2", "Desk-01"))


def test_wrong_passphrase(tmp_path: Path) -> None:
    keys, _ = store(tmp_path, PASSPHRASE, "correct horse battery stapler")
    keys.create(NAME)
    with pytest.raises(WrongPassphrase) as caught:
        keys.load(NAME)
    assert caught.value.message == "The passphrase is not correct."
    assert isinstance(caught.value, EnvironmentProblem)


def test_cancelled(tmp_path: Path) -> None:
    keys, _ = store(tmp_path, None, PASSPHRASE, None)
    with pytest.raises(PassphraseCancelled):
        keys.create(NAME)
    assert list(tmp_path.iterdir()) == []
    keys.create(NAME)
    with pytest.raises(EnvironmentProblem):
        keys.load(NAME)


def test_short_passphrase_refused(tmp_path: Path) -> None:
    keys, _ = store(tmp_path, "elevenchars")
    with pytest.raises(ValidationError) as caught:
        keys.create(NAME)
    assert caught.value.for_field("passphrase")
    assert "elevenchars" not in caught.value.message
    assert not keys.path(NAME).exists()


def test_key_file_is_private_and_holds_no_secret(tmp_path: Path) -> None:
    keys, _ = store(tmp_path, PASSPHRASE)
    key = keys.create(NAME)
    path = keys.path(NAME)
    assert path.name == "cache%2Fejecutivo1@desk-01.key.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    raw = path.read_bytes()
    for secret in (key, key.hex().encode(), key.hex().upper().encode(), PASSPHRASE.encode()):
        assert secret not in raw
    data = json.loads(raw)
    assert data["version"] == 1 and data["kdf"] == "argon2id"
    assert (data["time_cost"], data["memory_cost_kib"], data["parallelism"]) == (1, 64, 1)
    assert set(data) == {
        "version",
        "kdf",
        "salt",
        "time_cost",
        "memory_cost_kib",
        "parallelism",
        "check",
    }
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temp file left behind


def test_default_cost_is_memory_hard() -> None:
    assert KdfCost(time_cost=3, memory_cost_kib=65536, parallelism=2) == DEFAULT_COST
    assert PassphraseKeyStore(Path("x"), Prompt())._cost == DEFAULT_COST


def test_default_cost_round_trip(tmp_path: Path) -> None:
    # Once with the real 64 MiB parameters, so they are known to work on the machines we test on.
    prompt = Prompt(PASSPHRASE, PASSPHRASE)
    keys = PassphraseKeyStore(tmp_path, prompt)
    key = keys.create(NAME)
    assert json.loads(keys.path(NAME).read_bytes())["memory_cost_kib"] == 65536
    assert keys.load(NAME) == key


def test_forget_deletes_the_file(tmp_path: Path) -> None:
    keys, _ = store(tmp_path, PASSPHRASE)
    keys.create(NAME)
    keys.forget(NAME)
    assert not keys.path(NAME).exists()
    keys.forget(NAME)  # idempotent
    assert keys.load(NAME) is None


def _valid_file(tmp_path: Path) -> tuple[PassphraseKeyStore, dict[str, object]]:
    keys, _ = store(tmp_path, PASSPHRASE, PASSPHRASE)
    keys.create(NAME)
    return keys, json.loads(keys.path(NAME).read_bytes())


DAMAGE: dict[str, object] = {
    "empty": b"",
    "not json": b"{not json",
    "truncated": None,  # the valid file cut in half
    "binary": b"\xff\xfe\x00garbage",
    "a list": b"[1, 2]",
    "deeply nested": b"[" * 15_000,
    "ten megabytes": b"{" + b" " * (10 * 1024 * 1024) + b"}",
    "unknown version": {"version": 2},
    "version true": {"version": True},
    "unknown kdf": {"kdf": "scrypt"},
    "salt a number": {"salt": 5},
    "salt not base64": {"salt": "!!!"},
    "salt too short": {"salt": "AAAA"},
    "check a list": {"check": [1]},
    "check not hex": {"check": "zz" * 32},
    "time cost a string": {"time_cost": "3"},
    "time cost zero": {"time_cost": 0},
    "memory huge": {"memory_cost_kib": 2**40},
    "memory over 1 GiB": {"memory_cost_kib": 1024 * 1024 + 1},
    "parallelism a float": {"parallelism": 2.0},
    "missing fields": {"salt": None, "check": None},
}


@pytest.mark.parametrize("damage", list(DAMAGE), ids=list(DAMAGE))
def test_damaged_file_is_an_environment_problem(tmp_path: Path, damage: str) -> None:
    keys, data = _valid_file(tmp_path)
    path = keys.path(NAME)
    change = DAMAGE[damage]
    if change is None:
        raw = path.read_bytes()
        path.write_bytes(raw[: len(raw) // 2])
    elif isinstance(change, bytes):
        path.write_bytes(change)
    else:
        assert isinstance(change, dict)
        path.write_text(json.dumps({**data, **change}))
    with pytest.raises(EnvironmentProblem) as caught:
        keys.load(NAME)
    assert type(caught.value) is EnvironmentProblem
    assert str(path) in caught.value.message
    assert PASSPHRASE not in caught.value.message


def test_unreadable_key_file(tmp_path: Path) -> None:
    keys, _ = store(tmp_path, PASSPHRASE)
    keys.path(NAME).mkdir()  # a folder where the file should be
    with pytest.raises(EnvironmentProblem, match="key file"):
        keys.load(NAME)
    with pytest.raises(EnvironmentProblem, match="key file"):
        keys.create(NAME)


def test_create_replaces_the_old_key(tmp_path: Path) -> None:
    keys, _ = store(tmp_path, PASSPHRASE, "another long passphrase", "another long passphrase")
    old = keys.create(NAME)
    new = keys.create(NAME)
    assert new != old and keys.load(NAME) == new


def test_passphrase_is_unicode_normalised(tmp_path: Path) -> None:
    composed, decomposed = "contraseña segura", "contrasen\u0303a segura"
    keys, _ = store(tmp_path, composed, decomposed)
    assert keys.load(NAME) is None
    assert keys.create(NAME) == keys.load(NAME)


# --- names -------------------------------------------------------------------------------


def test_key_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("socket.gethostname", lambda: "Oficina-07")
    assert key_name("cache", "ejecutivo1") == "cache/ejecutivo1@oficina-07"
    assert key_name("cache", "ejecutivo1", "pc2") == "cache/ejecutivo1@pc2"
    with pytest.raises(ValueError):
        key_name("", "ejecutivo1")


def test_safe_names_never_collide_or_escape() -> None:
    names = ["cache/a", "cache_a", "cache%2Fa", "../../etc/passwd", "a\\b", "x" * 300, "x" * 301]
    stems = [safe(n) for n in names]
    assert len(set(stems)) == len(names)
    for stem in stems:
        assert "/" not in stem and "\\" not in stem and len(stem) < 200
        assert stem not in {".", ".."}


def test_the_store_that_holds_a_key_is_remembered(
    secret_service: SecretService.Keyring, tmp_path: Path
) -> None:
    """A key made in the keychain is looked for there even when the keychain is gone later:
    the caller hears "keychain unavailable", never "no key" (which would replace the file)."""
    name = f"cache/sticky-{tmp_path.name}@host"
    chosen = choose_key_store(tmp_path, Prompt(), secret_service, name=name)
    assert isinstance(chosen, KeychainKeyStore)
    key = chosen.create(name)
    assert [p.suffix for p in tmp_path.iterdir()] == [".keychain"]
    assert key.hex().encode() not in next(tmp_path.iterdir()).read_bytes()

    later = choose_key_store(tmp_path, Prompt(), fail.Keyring(), name=name)
    assert isinstance(later, KeychainKeyStore)
    with pytest.raises(KeychainUnavailable):
        later.load(name)
    # A new name on the same keychain-less day goes to a passphrase.
    assert isinstance(choose_key_store(tmp_path, Prompt(), fail.Keyring(), name="cache/x@h"),
                      PassphraseKeyStore)  # fmt: skip

    back = choose_key_store(tmp_path, Prompt(), secret_service, name=name)
    assert back.load(name) == key
    back.forget(name)
    assert list(tmp_path.iterdir()) == []


def test_a_passphrase_key_stays_with_the_passphrase_when_a_keychain_appears(
    secret_service: SecretService.Keyring, tmp_path: Path
) -> None:
    name = "cache/p@host"
    keys, _ = store(tmp_path, PASSPHRASE)
    created = keys.create(name)
    chosen = choose_key_store(tmp_path, Prompt(PASSPHRASE), secret_service, name=name)
    assert isinstance(chosen, PassphraseKeyStore) and chosen.load(name) == created


def test_a_hint_opens_and_creates_keys_without_asking(tmp_path: Path) -> None:
    never = Prompt()
    keys = PassphraseKeyStore(tmp_path, never, cost=FAST, hint=PASSPHRASE)
    created = keys.create("a")
    assert keys.load("a") == created and never.asked == []
    assert keys.accepted == PASSPHRASE
    wrong_hint = PassphraseKeyStore(tmp_path, Prompt(PASSPHRASE), cost=FAST, hint="otra cosa")
    assert wrong_hint.load("a") == created  # the hint failed quietly; the person was asked
