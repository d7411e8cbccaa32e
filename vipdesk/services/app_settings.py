"""Global settings an admin keeps: the ratio thresholds (when a ratio's light turns green,
amber or red). Everyone reads them; only an admin changes them, audited.

A change is a command like any other: done on a local cache it is queued and replayed by sync
on the central database (as the same admin, checked again there); every cache gets the
settings whole at each build and pull.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from uuid import uuid4

from vipdesk.core.catalog import Role
from vipdesk.core.errors import QT_TRANSLATE_NOOP, NotAllowed
from vipdesk.core.ratios import RATIOS, Thresholds, thresholds_from_mapping
from vipdesk.services.dto import Actor
from vipdesk.services.finance_data import THRESHOLDS_KEY, thresholds_in
from vipdesk.services.finance_dto import ThresholdsSave
from vipdesk.services.recording import command_moment, queue_if_offline
from vipdesk.storage import audit_log
from vipdesk.storage.models import AppliedCommand, AppSetting
from vipdesk.storage.uow import UnitOfWork

SAVE_THRESHOLDS = "settings.thresholds.save"


def thresholds(uow: UnitOfWork) -> Thresholds:
    """The ratio thresholds in force: the admin's, else core.ratios.DEFAULT_THRESHOLDS."""
    with uow:
        return thresholds_in(uow.session)


def _stored(values: Thresholds) -> dict[str, Any]:
    """Every ratio, its band or None (no light): stored whole, so that removing a default band
    survives reading it back over the defaults."""
    config = values.as_config()
    return {key: config.get(key) for key in RATIOS}


def save_thresholds(
    uow: UnitOfWork, actor: Actor, mapping: Mapping[str, object] | ThresholdsSave
) -> Thresholds:
    """Validate ``mapping`` over the defaults (core.ratios.thresholds_from_mapping: every
    problem named "key" or "key.green"/"key.red") and store it; return what is now in force.
    ``NotAllowed`` unless the user is an admin."""
    cmd = mapping if isinstance(mapping, ThresholdsSave) else ThresholdsSave(dict(mapping))
    now, _today = command_moment(uow, cmd)
    if actor.role is not Role.ADMIN:
        raise NotAllowed(QT_TRANSLATE_NOOP("errors", "Only an administrator may change settings."))
    values = thresholds_from_mapping(cmd.values)
    command_id = cmd.id or uuid4()
    with uow:
        session = uow.session
        if session.get(AppliedCommand, command_id) is not None:
            return thresholds_in(session)
        row = session.get(AppSetting, THRESHOLDS_KEY)
        before = None if row is None else row.value
        stored = _stored(values)
        if row is None:
            session.add(AppSetting(key=THRESHOLDS_KEY, value=stored))
        else:
            row.value = stored
        session.add(AppliedCommand(id=command_id, kind=SAVE_THRESHOLDS, applied_at=now))
        session.flush()
        audit_log.record(
            session,
            when=now,
            user_id=actor.id,
            username=actor.username,
            action="settings.thresholds_saved",
            entity="app_setting",
            entity_id=THRESHOLDS_KEY,
            before=before,
            after=stored,
        )
        # Queued as validated: the replay stores exactly what this admin saw take effect.
        queue_if_offline(uow, ThresholdsSave(stored), command_id, now)
        uow.commit()
        return values
