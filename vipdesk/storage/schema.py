"""Schema upgrades with Alembic, driven from code (no alembic.ini to ship or find)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from vipdesk.core.errors import QT_TRANSLATE_NOOP, EnvironmentProblem
from vipdesk.storage import search_index

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


def include_object(
    _object: object, name: str | None, type_: str, _reflected: bool, _compare_to: object
) -> bool:
    """Alembic's filter for autogenerate and schema comparison: the SQLite search index is
    made by :func:`search_index.ensure`, not by migrations, and is no model's table."""
    return not (type_ == "table" and search_index.is_search_object(name))


def upgrade(engine: Engine) -> bool:
    """Bring the schema to head, then make sure the SQLite search index is in place. Returns
    True when a migration was applied."""
    with engine.begin() as connection:
        check_not_newer(connection)
        before = current_revisions(connection)
        applied = before != {head_revision()}
        if applied:
            command.upgrade(_config(connection), "head")
        search_index.ensure(connection)
    return applied


def is_current(engine: Engine) -> bool:
    with engine.connect() as connection:
        return current_revisions(connection) == {head_revision()}


def autogenerate_revision(engine: Engine, message: str) -> None:
    """Developer command: write a new revision from the difference between models and DB."""
    with engine.begin() as connection:
        command.revision(_config(connection), message=message, autogenerate=True)
