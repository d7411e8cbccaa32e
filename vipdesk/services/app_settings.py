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

from vipdesk.core.ratios import RATIOS, Thresholds, thresholds_from_mapping
from vipdesk.services.dto import Actor
from vipdesk.services.finance_data import THRESHOLDS_KEY, thresholds_in
from vipdesk.services.finance_dto import ThresholdsSave
from vipdesk.services.recording import command_moment
from vipdesk.services.setting_changes import (
    already_applied,
    finish_setting_change,
    put_setting,
    require_admin,
)
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
    require_admin(actor)
    values = thresholds_from_mapping(cmd.values)
    command_id = cmd.id or uuid4()
    with uow:
        session = uow.session
        if already_applied(session, command_id):
            return thresholds_in(session)
        stored = _stored(values)
        before = put_setting(session, THRESHOLDS_KEY, stored)
        finish_setting_change(
            uow, actor, queued=ThresholdsSave(stored), command_id=command_id,
            kind=SAVE_THRESHOLDS, when=now, action="settings.thresholds_saved",
            key=THRESHOLDS_KEY, before=before, after=stored,
        )  # fmt: skip
        return values
