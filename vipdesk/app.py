"""Bootstrap shared by the GUI and the command line: settings, database, schema, demo seed."""

from __future__ import annotations

import logging
import logging.handlers
from dataclasses import dataclass

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import SQLAlchemyError

from vipdesk.config import Settings, prepare_paths
from vipdesk.core.errors import QT_TRANSLATE_NOOP, EnvironmentProblem
from vipdesk.embedded import central_path, open_embedded
from vipdesk.local_cache import PassphrasePrompt
from vipdesk.storage import schema
from vipdesk.storage.database import create_database_engine, describe
from vipdesk.storage.models import User
from vipdesk.storage.uow import Database

log = logging.getLogger(__name__)

DEFAULT_DEMO_CASES = 200


def configure_logging(settings: Settings) -> None:
    handler = logging.handlers.RotatingFileHandler(
        settings.paths.logs / "vipdesk.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def _has_users(engine: Engine) -> bool:
    with engine.connect() as connection:
        return bool(connection.execute(select(func.count()).select_from(User)).scalar_one())


def prepare_schema(engine: Engine, label: str | None = None) -> None:
    try:
        applied = schema.upgrade(engine)
    except EnvironmentProblem:
        raise
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise EnvironmentProblem(
            QT_TRANSLATE_NOOP("errors", "Cannot prepare the database {url}: {reason}"),
            url=label or describe(engine.url),
            reason=reason,
        ) from exc
    if applied:
        log.info("schema upgraded to %s", schema.head_revision())


@dataclass(frozen=True)
class Central:
    database: Database
    label: str  # for the status bar and messages; never a password
    # The passphrase that unlocked the embedded database, if one did (see vipdesk.embedded).
    passphrase: str | None = None


def _no_passphrase(_creating: bool) -> str | None:
    return None


def open_central(
    settings: Settings,
    *,
    create: bool = False,
    passphrase: PassphrasePrompt = _no_passphrase,
    hint: str | None = None,
) -> Central:
    """Connect, upgrade the schema, and seed the demo portfolio into our own default file,
    which is encrypted with this computer's key (``passphrase`` asks for it where no keychain
    exists; ``hint`` is tried first).

    An explicit SQLite URL must name an existing file unless ``create`` (the ``demo`` and
    ``db upgrade`` commands), so a typo never starts a silent empty database.
    """
    prepare_paths(settings.paths)
    unlocked_with: str | None = None
    if settings.database_is_default:
        unlocked = open_embedded(settings, passphrase, hint)
        engine, unlocked_with = unlocked.engine, unlocked.passphrase
        label = str(central_path(settings))
    else:
        engine = create_database_engine(settings.database_url, must_exist=not create)
        label = describe(engine.url)
    try:
        prepare_schema(engine, label)
        if settings.database_is_default and not _has_users(engine):
            from vipdesk.demo import generate

            log.info("seeding the demo portfolio into %s", label)
            generate(engine, cases=DEFAULT_DEMO_CASES)
    except BaseException:
        engine.dispose()
        raise
    return Central(Database(engine), label, unlocked_with)


def open_database(
    settings: Settings, *, create: bool = False, passphrase: PassphrasePrompt = _no_passphrase
) -> Database:
    return open_central(settings, create=create, passphrase=passphrase).database
