"""What every admin's change of a global setting shares (ratio thresholds, approval policy,
letter templates, letterhead): only admins make it; it is applied once per command, audited
against the setting, queued for the central database when made on a cache, and committed.

Settings are small JSON values under a key (models.AppSetting), copied whole into every cache.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy.orm import Session

from vipdesk.core.catalog import Role
from vipdesk.core.errors import QT_TRANSLATE_NOOP, NotAllowed
from vipdesk.services.commands import Command
from vipdesk.services.dto import Actor
from vipdesk.services.recording import queue_if_offline
from vipdesk.storage import audit_log
from vipdesk.storage.models import AppliedCommand, AppSetting
from vipdesk.storage.uow import UnitOfWork


def require_admin(actor: Actor) -> None:
    if actor.role is not Role.ADMIN:
        raise NotAllowed(QT_TRANSLATE_NOOP("errors", "Only an administrator may change settings."))


def already_applied(session: Session, command_id: UUID) -> bool:
    return session.get(AppliedCommand, command_id) is not None


def put_setting(session: Session, key: str, value: Any | None) -> Any | None:
    """Store ``value`` under ``key`` (None: remove the setting); return what was there."""
    row = session.get(AppSetting, key)
    before = None if row is None else row.value
    if value is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(AppSetting(key=key, value=value))
    else:
        row.value = value
    return before


def finish_setting_change(
    uow: UnitOfWork,
    actor: Actor,
    *,
    queued: Command,
    command_id: UUID,
    kind: str,
    when: datetime,
    action: str,
    key: str,
    before: Any,
    after: Any,
) -> None:
    """Record the change made in ``uow``'s session (applied command, audit event), queue
    ``queued`` — the change as validated, so a replay stores exactly what took effect — and
    commit."""
    session = uow.session
    session.add(AppliedCommand(id=command_id, kind=kind, applied_at=when))
    session.flush()
    audit_log.record(
        session, when=when, user_id=actor.id, username=actor.username, action=action,
        entity="app_setting", entity_id=key, before=before, after=after,
    )  # fmt: skip
    queue_if_offline(uow, queued, command_id, when)
    uow.commit()
