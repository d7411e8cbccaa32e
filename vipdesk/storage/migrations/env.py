"""Alembic environment: always handed a live connection by vipdesk.storage.schema."""

from __future__ import annotations

from alembic import context

from vipdesk.storage.models import Base
from vipdesk.storage.schema import include_object

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    include_object=include_object,
    user_module_prefix="vipdesk.storage.types.",
)
with context.begin_transaction():
    context.run_migrations()
