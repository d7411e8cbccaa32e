"""Which steps the Convenio page offers for the version shown, and why one is not available.

A step that makes no sense in the version's status is hidden (nothing to approve in a draft);
one that does but that this user may not take now is shown disabled, its tooltip saying why
(the author cannot approve, a supervisor's level is too low, the edits are not saved yet). The
services decide in the end: these rules only spare the user a button that can only be refused.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from vipdesk.core.agreements import EDITABLE, REVISABLE, AgreementStatus
from vipdesk.core.approval import Reason
from vipdesk.core.catalog import Role
from vipdesk.services.agreement_dto import AgreementInfo, AgreementSummary
from vipdesk.services.dto import Actor
from vipdesk.ui.case.agreement.labels import translated_reason

S = AgreementStatus
CONTEXT = "AgreementActions"
# The steps of the page's buttons, in their order (core.agreements.AgreementAction values, and
# "save" and "revise").
STEPS = (
    "save",
    "submit",
    "approve",
    "reject",
    "request_changes",
    "activate",
    "complete",
    "break",
    "revise",
)
DECISIONS = ("approve", "reject", "request_changes")
_RELEVANT: Mapping[str, frozenset[AgreementStatus]] = {
    "save": frozenset(EDITABLE),
    "submit": frozenset(EDITABLE),
    "approve": frozenset({S.PENDING}),
    "reject": frozenset({S.PENDING}),
    "request_changes": frozenset({S.PENDING}),
    "activate": frozenset({S.APPROVED}),
    "complete": frozenset({S.ACTIVE}),
    "break": frozenset({S.ACTIVE}),
    "revise": frozenset(REVISABLE),
}


@dataclass(frozen=True)
class ApprovalRight:
    """Whether the viewer may decide on a pending version (from their approval queue)."""

    allowed: bool
    why_not: Reason | None = None


@dataclass(frozen=True)
class StepState:
    visible: bool
    enabled: bool
    why_not: str = ""


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def may_work(actor: Actor) -> bool:
    """Whoever sees a case and is its executive or its team's supervisor works it (legal reads,
    admins administer): services/guard.workable_case."""
    return actor.role in (Role.EXECUTIVE, Role.SUPERVISOR)


def open_version(info: AgreementInfo, summaries: Iterable[AgreementSummary]) -> int | None:
    """Another version of the same agreement already being edited or waiting for approval."""
    for summary in summaries:
        if (
            summary.series_id == info.series_id
            and summary.id != info.id
            and (summary.status in EDITABLE or summary.status == S.PENDING)
        ):
            return summary.version
    return None


def pending_version(summaries: Iterable[AgreementSummary]) -> AgreementSummary | None:
    return next((s for s in summaries if s.status == S.PENDING), None)


def create_state(actor: Actor, summaries: Iterable[AgreementSummary]) -> StepState:
    if not may_work(actor):
        return StepState(
            True,
            False,
            QCoreApplication.translate(
                "AgreementActions",
                "Only the case's executive or its supervisor may draw up agreements",
            ),
        )
    pending = pending_version(summaries)
    if pending is not None:
        return StepState(
            True,
            False,
            QCoreApplication.translate(
                "AgreementActions",
                "{number} (version {version}) is waiting for approval: it must be decided first",
            ).format(number=pending.number, version=pending.version),
        )
    return StepState(True, True)


def step_states(
    info: AgreementInfo | None,
    summaries: Iterable[AgreementSummary],
    actor: Actor,
    right: ApprovalRight | None,
    dirty: bool,
) -> dict[str, StepState]:
    """The state of each of ``STEPS`` for the version shown."""
    if info is None:
        return {step: StepState(False, False) for step in STEPS}
    status = info.status
    worker = may_work(actor)
    not_worker = QCoreApplication.translate(
        "AgreementActions", "Only the case's executive or its supervisor may change this agreement"
    )
    states: dict[str, StepState] = {}
    for step in STEPS:
        relevant = status in _RELEVANT[step]
        why = ""
        if step == "save":
            why = "" if info.editable else not_worker
            states[step] = StepState(relevant, info.editable and dirty, why)
            continue
        if step == "submit":
            if not info.editable:
                why = not_worker
            elif dirty:
                why = QCoreApplication.translate("AgreementActions", "Save your changes first")
        elif step in DECISIONS:
            why = _decision_why(info, actor, right)
        elif step == "revise":
            if not worker:
                why = not_worker
            else:
                version = open_version(info, list(summaries))
                if version is not None:
                    why = QCoreApplication.translate(
                        "AgreementActions",
                        "Version {version} is already being edited or waiting for approval",
                    ).format(version=version)
        elif not worker:
            why = not_worker
        states[step] = StepState(relevant, relevant and not why, why)
    return states


def _decision_why(info: AgreementInfo, actor: Actor, right: ApprovalRight | None) -> str:
    if info.author_id == actor.id:
        return QCoreApplication.translate("approval", "Nobody may approve their own agreement")
    if actor.role not in (Role.SUPERVISOR, Role.ADMIN):
        return QCoreApplication.translate("approval", "Your role does not approve agreements")
    if right is None:
        return QCoreApplication.translate(
            "AgreementActions", "This agreement is not in your approval queue"
        )
    if right.allowed:
        return ""
    if right.why_not is not None:
        return translated_reason(right.why_not)
    return QCoreApplication.translate("AgreementActions", "You may not decide on this agreement")
