"""The portfolio's full-text search index on SQLite: an FTS5 table over ``case_file.search_text``.

Why FTS5: ``LIKE '%word%'`` reads all 100,000 search texts on every keystroke (~160 ms); the
index answers a prefix query from a few pages. PostgreSQL keeps the LIKE path (its planner and
a server CPU make it fast enough, and its role grants would need a new table too).

Why outside Alembic: autogenerate cannot describe a virtual table, and a later batch migration
of ``case_file`` (SQLite recreates the table) silently drops its triggers. :func:`ensure` runs
after every :func:`vipdesk.storage.schema.upgrade` instead: it creates whatever is missing and
rebuilds the index from the table, so databases made before the index, and tables recreated
by a migration, are indexed again. :func:`is_search_object` keeps the FTS tables out of the
schema comparison.

The index is an *external content* table: it stores only the index, reads the text from
``case_file`` by rowid, and triggers keep it current whoever writes the table (the services'
ORM updates, the Core bulk inserts of the demo generator and the cache build, the pull).
"""

from __future__ import annotations

import unicodedata

from sqlalchemy import Connection

TABLE = "case_search"
_TRIGGERS = {
    f"{TABLE}_insert": f"""
        CREATE TRIGGER IF NOT EXISTS {TABLE}_insert AFTER INSERT ON case_file BEGIN
            INSERT INTO {TABLE}(rowid, search_text) VALUES (new.rowid, new.search_text);
        END""",
    f"{TABLE}_delete": f"""
        CREATE TRIGGER IF NOT EXISTS {TABLE}_delete AFTER DELETE ON case_file BEGIN
            INSERT INTO {TABLE}({TABLE}, rowid, search_text)
                VALUES ('delete', old.rowid, old.search_text);
        END""",
    # Only when the text really changes: summary updates rewrite other columns all day.
    f"{TABLE}_update": f"""
        CREATE TRIGGER IF NOT EXISTS {TABLE}_update AFTER UPDATE OF search_text ON case_file
        WHEN old.search_text IS NOT new.search_text BEGIN
            INSERT INTO {TABLE}({TABLE}, rowid, search_text)
                VALUES ('delete', old.rowid, old.search_text);
            INSERT INTO {TABLE}(rowid, search_text) VALUES (new.rowid, new.search_text);
        END""",
}
# unicode61 splits on anything but letters and digits, as the search text's " | " and the
# hyphens of tax ids and account numbers need. prefix='2 3': short prefixes (what the first
# keystrokes produce) get their own index instead of a scan of every longer term.
_CREATE_TABLE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(search_text, "
    "content='case_file', content_rowid='rowid', tokenize='unicode61', prefix='2 3')"
)
# FTS5 keeps its data in these ordinary tables (external content: no _content table).
_SHADOW_SUFFIXES = ("_data", "_idx", "_docsize", "_config", "_content")


def is_search_object(name: str | None) -> bool:
    """The index's virtual and shadow tables, which the models do not (cannot) describe."""
    return name is not None and (
        name == TABLE or any(name == TABLE + suffix for suffix in _SHADOW_SUFFIXES)
    )


def ensure(connection: Connection) -> bool:
    """Create the index and its triggers where missing (SQLite only) and fill it. Returns True
    when anything was created. Cheap when all is in place: one read of sqlite_master."""
    if connection.dialect.name != "sqlite":
        return False
    wanted = {TABLE, *_TRIGGERS}
    present = set(
        connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger') "
            f"AND name LIKE '{TABLE}%'"
        ).scalars()
    )
    if wanted <= present:
        return False
    connection.exec_driver_sql(_CREATE_TABLE)
    for statement in _TRIGGERS.values():
        connection.exec_driver_sql(statement)
    # Whatever was missing, the index may not match the table: rebuild it from the table.
    connection.exec_driver_sql(f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')")
    return True


def check(connection: Connection) -> None:
    """Raise if the index does not match the table (FTS5's own integrity check)."""
    connection.exec_driver_sql(f"INSERT INTO {TABLE}({TABLE}, rank) VALUES ('integrity-check', 1)")


def searchable(words: list[str]) -> list[str]:
    """The words with a letter or a digit: the only characters the index sees."""
    return [w for w in words if any(unicodedata.category(ch)[0] in "LN" for ch in w)]


def match_expression(words: list[str]) -> str:
    """An FTS5 query for normalised, :func:`searchable` ``words``: each a prefix phrase, all
    required.

    Each word goes in double quotes (quotes inside doubled), so nothing the user types is FTS
    syntax: ``AND``, ``NEAR(``, ``*``, ``:`` or ``-`` are just text, which the tokenizer
    splits like the indexed text ("gt-cred-0" becomes the phrase gt cred 0*).
    """
    return " ".join('"' + word.replace('"', '""') + '"*' for word in words)
