"""What the Convenio page and the approval queue call the agreements' codes: statuses, steps,
approver levels, signatories' roles and kinds of settlement, each an English source string
translated when shown (an unknown code from newer data is shown as it is)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication

from vipdesk.core.agreements import (
    ACTION_LABELS,
    STATUS_LABELS,
    AgreementAction,
    AgreementStatus,
)
from vipdesk.core.approval import LEVEL_LABELS, ApproverLevel, Reason
from vipdesk.core.errors import QT_TRANSLATE_NOOP
from vipdesk.ui.formatting import decimal_text

CONTEXT = "AgreementLabels"

SIGNATORY_ROLES: Mapping[str, str] = {
    "debtor": QT_TRANSLATE_NOOP("AgreementLabels", "Debtor"),
    "guarantor": QT_TRANSLATE_NOOP("AgreementLabels", "Guarantor"),
    "legal_representative": QT_TRANSLATE_NOOP("AgreementLabels", "Legal representative"),
    "creditor": QT_TRANSLATE_NOOP("AgreementLabels", "Creditor"),
}
SETTLEMENTS: Mapping[str, str] = {
    "full": QT_TRANSLATE_NOOP("AgreementLabels", "Full settlement"),
    "partial": QT_TRANSLATE_NOOP("AgreementLabels", "Partial payment"),
}

# How a status is drawn: the banner's and the list's colours (text, background, border).
GOOD, WAITING, BAD, NEUTRAL = "good", "waiting", "bad", "neutral"
TONES: Mapping[str, str] = {
    AgreementStatus.DRAFT: NEUTRAL,
    AgreementStatus.CHANGES_REQUESTED: WAITING,
    AgreementStatus.PENDING: WAITING,
    AgreementStatus.APPROVED: GOOD,
    AgreementStatus.ACTIVE: GOOD,
    AgreementStatus.COMPLETED: GOOD,
    AgreementStatus.REJECTED: BAD,
    AgreementStatus.BROKEN: BAD,
    AgreementStatus.SUPERSEDED: NEUTRAL,
}
TONE_COLOURS: Mapping[str, tuple[str, str, str]] = {
    GOOD: ("#1e5631", "#e6f4ea", "#a8d5b5"),
    WAITING: ("#7a4a00", "#fff4e0", "#f0c987"),
    BAD: ("#b42318", "#fdecea", "#f5c2bd"),
    NEUTRAL: ("#334e68", "#eef2f7", "#c4cdd5"),
}


def _label(context: str, table: Mapping[Any, str], code: str | None) -> str:
    if code is None:
        return ""
    return QCoreApplication.translate(context, table[code]) if code in table else code


def status_label(status: str) -> str:
    try:
        return _label("agreements", STATUS_LABELS, AgreementStatus(status))
    except ValueError:
        return status


def action_label(action: str) -> str:
    try:
        return _label("agreements", ACTION_LABELS, AgreementAction(action))
    except ValueError:
        return action


def level_label(level: str | None) -> str:
    """An approver level as a title ("Gerente"); "" for none."""
    if not level:
        return ""
    try:
        text = _label("approval", LEVEL_LABELS, ApproverLevel(level))
    except ValueError:
        return level
    return text[:1].upper() + text[1:]


def role_label(role: str) -> str:
    return _label(CONTEXT, SIGNATORY_ROLES, role)


def settlement_label(code: str) -> str:
    return _label(CONTEXT, SETTLEMENTS, code)


def tone_of(status: str) -> str:
    return TONES.get(status, NEUTRAL)


def percent_text(fraction: Decimal, places: int = 1) -> str:
    return decimal_text(fraction * 100, places) + " %"


def translated_reason(reason: Reason) -> str:
    """A reason of the approval policy (core.approval) in the user's language, its approver
    levels translated too."""
    return reason.translated(QCoreApplication.translate)
