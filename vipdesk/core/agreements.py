"""The life of a payment agreement ("convenio de pago"): its statuses and which action moves
it from one to the next. Pure rules; services/agreements.py applies them and records each step.

A version is edited only as a draft or when changes were requested; once submitted it is
frozen. An approved (or active) agreement that must change gets a new version, which needs
approval again; when that one is approved, the old one is superseded.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType

from vipdesk.core.errors import QT_TRANSLATE_NOOP, NotAllowed


class AgreementStatus(StrEnum):
    DRAFT = "draft"
    PENDING = "pending"  # submitted, waiting for approval
    CHANGES_REQUESTED = "changes_requested"
    APPROVED = "approved"
    REJECTED = "rejected"
    ACTIVE = "active"  # signed: instalments are being paid
    COMPLETED = "completed"  # paid as agreed
    BROKEN = "broken"  # defaulted: the discount is lost
    SUPERSEDED = "superseded"  # replaced by a later approved version


class AgreementAction(StrEnum):
    SUBMIT = "submit"
    APPROVE = "approve"
    REJECT = "reject"
    REQUEST_CHANGES = "request_changes"
    ACTIVATE = "activate"
    COMPLETE = "complete"
    BREAK = "break"
    SUPERSEDE = "supersede"


S, A = AgreementStatus, AgreementAction
TRANSITIONS: Mapping[tuple[AgreementStatus, AgreementAction], AgreementStatus] = MappingProxyType(
    {
        (S.DRAFT, A.SUBMIT): S.PENDING,
        (S.CHANGES_REQUESTED, A.SUBMIT): S.PENDING,
        (S.PENDING, A.APPROVE): S.APPROVED,
        (S.PENDING, A.REJECT): S.REJECTED,
        (S.PENDING, A.REQUEST_CHANGES): S.CHANGES_REQUESTED,
        (S.APPROVED, A.ACTIVATE): S.ACTIVE,
        (S.ACTIVE, A.COMPLETE): S.COMPLETED,
        (S.ACTIVE, A.BREAK): S.BROKEN,
        (S.APPROVED, A.SUPERSEDE): S.SUPERSEDED,
        (S.ACTIVE, A.SUPERSEDE): S.SUPERSEDED,
    }
)
EDITABLE = frozenset({S.DRAFT, S.CHANGES_REQUESTED})
# Versions that are the agreement in force: letters of kind "convenio" come only from these.
IN_FORCE = frozenset({S.APPROVED, S.ACTIVE, S.COMPLETED})
# Versions a new version may be made from (a change to what was approved).
REVISABLE = frozenset({S.APPROVED, S.ACTIVE, S.REJECTED})

STATUS_LABELS: Mapping[AgreementStatus, str] = MappingProxyType(
    {
        S.DRAFT: QT_TRANSLATE_NOOP("agreements", "Draft"),
        S.PENDING: QT_TRANSLATE_NOOP("agreements", "Pending approval"),
        S.CHANGES_REQUESTED: QT_TRANSLATE_NOOP("agreements", "Changes requested"),
        S.APPROVED: QT_TRANSLATE_NOOP("agreements", "Approved"),
        S.REJECTED: QT_TRANSLATE_NOOP("agreements", "Rejected"),
        S.ACTIVE: QT_TRANSLATE_NOOP("agreements", "Active"),
        S.COMPLETED: QT_TRANSLATE_NOOP("agreements", "Completed"),
        S.BROKEN: QT_TRANSLATE_NOOP("agreements", "Broken"),
        S.SUPERSEDED: QT_TRANSLATE_NOOP("agreements", "Superseded"),
    }
)
ACTION_LABELS: Mapping[AgreementAction, str] = MappingProxyType(
    {
        A.SUBMIT: QT_TRANSLATE_NOOP("agreements", "Submitted for approval"),
        A.APPROVE: QT_TRANSLATE_NOOP("agreements", "Approved"),
        A.REJECT: QT_TRANSLATE_NOOP("agreements", "Rejected"),
        A.REQUEST_CHANGES: QT_TRANSLATE_NOOP("agreements", "Changes requested"),
        A.ACTIVATE: QT_TRANSLATE_NOOP("agreements", "Signed and active"),
        A.COMPLETE: QT_TRANSLATE_NOOP("agreements", "Completed"),
        A.BREAK: QT_TRANSLATE_NOOP("agreements", "Broken"),
        A.SUPERSEDE: QT_TRANSLATE_NOOP("agreements", "Superseded by a new version"),
    }
)


def next_status(status: AgreementStatus | str, action: AgreementAction | str) -> AgreementStatus:
    """The status ``action`` leads to from ``status``; NotAllowed (naming both) if it cannot
    be done from there, e.g. approving a draft or editing what was approved."""
    current, step = AgreementStatus(status), AgreementAction(action)
    try:
        return TRANSITIONS[(current, step)]
    except KeyError:
        raise NotAllowed(
            QT_TRANSLATE_NOOP("errors", "An agreement that is {status} cannot be {action}."),
            status=current.value,
            action=step.value,
        ) from None


def is_editable(status: AgreementStatus | str) -> bool:
    return AgreementStatus(status) in EDITABLE
