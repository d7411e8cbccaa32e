"""Schema upgrades with Alembic, driven from code (no alembic.ini to ship or find)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from vipdesk.core.errors import QT_TRANSLATE_NOOP, EnvironmentProblem

MIGRATIONS = Path(__file__).with_name("migrations")


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None, "the migration chain is empty"
    return head


def current_revisions(connection: Connection) -> set[str]:
    return set(MigrationContext.configure(connection).get_current_heads())


def check_not_newer(connection: Connection) -> None:
    """Refuse a database whose schema this version of the app does not know."""
    script = ScriptDirectory.from_config(_config())
    known = {rev.revision for rev in script.walk_revisions()}
    unknown = current_revisions(connection) - known
    if unknown:
        raise EnvironmentProblem(
            QT_TRANSLATE_NOOP(
                "errors",
                "This database uses a newer schema ({revision}) than this version of VIP Desk "
                "knows. Install the newer version of VIP Desk.",
            ),
            revision=", ".join(sorted(unknown)),
        )


def upgrade(engine: Engine) -> bool:
    """Bring the schema to head. Returns True when anything was applied."""
    with engine.begin() as connection:
        check_not_newer(connection)
        before = current_revisions(connection)
        if before == {head_revision()}:
            return False
        command.upgrade(_config(connection), "head")
    return True


def is_current(engine: Engine) -> bool:
    with engine.connect() as connection:
        return current_revisions(connection) == {head_revision()}


def autogenerate_revision(engine: Engine, message: str) -> None:
    """Developer command: write a new revision from the difference between models and DB."""
    with engine.begin() as connection:
        command.revision(_config(connection), message=message, autogenerate=True)
