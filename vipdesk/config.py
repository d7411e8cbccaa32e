"""Where local files live and which central database to use.

Nothing here runs at import time: the command line resolves a :class:`Settings` once and hands
it to whatever needs it, so tests and parallel users with their own ``VIPDESK_HOME`` never
collide.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from vipdesk.core.errors import QT_TRANSLATE_NOOP, EnvironmentProblem

APP_NAME = "VIPDesk"
HOME_ENV = "VIPDESK_HOME"
DATABASE_ENV = "VIPDESK_DATABASE_URL"
DEFAULT_DATABASE_FILE = "vipdesk-central.db"
KEYSTORE_ENV = "VIPDESK_KEYSTORE"
KEYSTORES = ("auto", "keychain", "passphrase")


@dataclass(frozen=True)
class Paths:
    data: Path
    cache: Path
    settings: Path
    logs: Path

    def all(self) -> tuple[Path, ...]:
        return (self.data, self.cache, self.settings, self.logs)


@dataclass(frozen=True)
class Settings:
    paths: Paths
    database_url: str
    # True when the URL is our own default file, which we may create and seed.
    database_is_default: bool
    # Where cache keys live: "auto" (the OS keychain when usable, else a passphrase),
    # "keychain" or "passphrase" (servers with no desktop session, tests).
    key_store: str = "auto"


def resolve_paths(env: Mapping[str, str]) -> Paths:
    home = env.get(HOME_ENV, "").strip()
    if home:
        root = Path(home).expanduser()
        return Paths(root / "data", root / "cache", root / "settings", root / "logs")
    return Paths(
        Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
    )


def prepare_paths(paths: Paths) -> None:
    """Create the folders with owner-only permissions and prove they are writable."""
    for folder in paths.all():
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=folder, prefix=".probe-"):
                pass
        except OSError as exc:
            raise EnvironmentProblem(
                QT_TRANSLATE_NOOP(
                    "errors", "Cannot write to the folder {folder}: {reason}. Check {variable}."
                ),
                folder=str(folder),
                reason=exc.strerror or str(exc),
                variable=HOME_ENV,
            ) from exc


def resolve_settings(env: Mapping[str, str] | None = None, database: str | None = None) -> Settings:
    env = os.environ if env is None else env
    paths = resolve_paths(env)
    key_store = env.get(KEYSTORE_ENV, "auto").strip().lower() or "auto"
    if key_store not in KEYSTORES:
        raise EnvironmentProblem(
            QT_TRANSLATE_NOOP("errors", "{variable} must be one of: {choices}."),
            variable=KEYSTORE_ENV,
            choices=", ".join(KEYSTORES),
        )
    explicit = (database or env.get(DATABASE_ENV, "")).strip()
    if explicit:
        return Settings(paths, explicit, database_is_default=False, key_store=key_store)
    url = "sqlite:///" + str(paths.data / DEFAULT_DATABASE_FILE)
    return Settings(paths, url, database_is_default=True, key_store=key_store)
