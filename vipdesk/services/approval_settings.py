"""The approval settings an admin keeps: the approval policy (core.approval: which level
approves which terms) and the SLA of the approval queue, in business hours. Everyone reads
them; only an admin changes them, audited, like the ratio thresholds (services/app_settings.py:
a command like any other, queued on a local cache and replayed by sync as the same admin).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from uuid import uuid4

from sqlalchemy.orm import Session

from vipdesk.core.approval import Policy, policy_from_mapping, policy_to_mapping
from vipdesk.core.errors import QT_TRANSLATE_NOOP, Problem, ValidationError
from vipdesk.core.validation import check_int_range
from vipdesk.services.agreement_dto import ApprovalSettings, ApprovalSettingsSave
from vipdesk.services.dto import Actor
from vipdesk.services.finance_data import POLICY_KEY, policy_in, setting
from vipdesk.services.recording import command_moment
from vipdesk.services.setting_changes import (
    already_applied,
    finish_setting_change,
    put_setting,
    require_admin,
)
from vipdesk.storage.uow import UnitOfWork

SAVE_APPROVAL = "settings.approval.save"
SLA_KEY = "approval_sla_hours"
DEFAULT_SLA_HOURS = 24
MAX_SLA_HOURS = 720  # 80 working days of 9 hours: beyond that it is no longer a service level


def sla_hours_in(session: Session) -> int:
    """The SLA of the approval queue the admin stored, else DEFAULT_SLA_HOURS."""
    stored = setting(session, SLA_KEY)
    if isinstance(stored, int) and not isinstance(stored, bool) and 1 <= stored <= MAX_SLA_HOURS:
        return stored
    return DEFAULT_SLA_HOURS


def approval_settings(uow: UnitOfWork, actor: Actor) -> ApprovalSettings:
    """The policy and SLA in force (the defaults when none is stored)."""
    with uow:
        session = uow.session
        return ApprovalSettings(policy_to_mapping(policy_in(session)), sla_hours_in(session))


def _sla_hours(text: object) -> int:
    typed = text.strip() if isinstance(text, str) else ""
    if not re.fullmatch(r"[0-9]{1,6}", typed, re.ASCII):
        raise ValidationError.single(
            "sla_hours", QT_TRANSLATE_NOOP("errors", "Enter a whole number of hours")
        )
    return check_int_range(int(typed), "sla_hours", minimum=1, maximum=MAX_SLA_HOURS)


def _policy(mapping: object) -> Policy:
    if not isinstance(mapping, Mapping):
        raise ValidationError.single(
            "tiers", QT_TRANSLATE_NOOP("errors", "Enter the policy as a list of tiers")
        )
    return policy_from_mapping(mapping)


def save_approval_settings(
    uow: UnitOfWork, actor: Actor, cmd: ApprovalSettingsSave
) -> ApprovalSettings:
    """Validate the policy (core.approval_config.policy_from_mapping: every problem named by
    its path, "tiers[1].max_forgiven.MXN") and the SLA (whole hours, 1 to MAX_SLA_HOURS,
    "sla_hours"), store both and return what is now in force. NotAllowed unless the user is
    an admin."""
    now, _today = command_moment(uow, cmd)
    require_admin(actor)
    problems: list[Problem] = []
    policy: Policy | None = None
    hours = DEFAULT_SLA_HOURS
    try:
        policy = _policy(cmd.policy)
    except ValidationError as error:
        problems += error.problems
    try:
        hours = _sla_hours(cmd.sla_hours)
    except ValidationError as error:
        problems += error.problems
    if problems or policy is None:
        raise ValidationError(problems)
    command_id = cmd.id or uuid4()
    with uow:
        session = uow.session
        if already_applied(session, command_id):
            return ApprovalSettings(policy_to_mapping(policy_in(session)), sla_hours_in(session))
        stored = policy_to_mapping(policy)
        before = {
            "policy": put_setting(session, POLICY_KEY, stored),
            "sla_hours": put_setting(session, SLA_KEY, hours),
        }
        finish_setting_change(
            uow, actor, queued=ApprovalSettingsSave(stored, str(hours)), command_id=command_id,
            kind=SAVE_APPROVAL, when=now, action="settings.approval_saved", key=POLICY_KEY,
            before=before, after={"policy": stored, "sla_hours": hours},
        )  # fmt: skip
        return ApprovalSettings(stored, hours)
