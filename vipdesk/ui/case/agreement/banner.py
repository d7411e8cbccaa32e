"""The band above an agreement version saying where it stands and what it needs: "Pending
approval — needs a manager: discount 32 % exceeds the supervisor limit of 20 %", "Approved by
María José Castillo on 24 Nov 2026 10:15; frozen". Coloured by how it stands (waiting, done,
refused)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from vipdesk.core.agreements import IN_FORCE, AgreementAction, AgreementStatus
from vipdesk.core.approval import ApproverLevel
from vipdesk.services.agreement_dto import AgreementInfo, ApprovalStep
from vipdesk.ui.case.agreement.labels import (
    TONE_COLOURS,
    level_label,
    status_label,
    tone_of,
    translated_reason,
)
from vipdesk.ui.formatting import datetime_text

S, A = AgreementStatus, AgreementAction
_STEP_OF = {S.APPROVED: A.APPROVE, S.REJECTED: A.REJECT, S.CHANGES_REQUESTED: A.REQUEST_CHANGES,
            S.ACTIVE: A.ACTIVATE, S.COMPLETED: A.COMPLETE, S.BROKEN: A.BREAK,
            S.SUPERSEDED: A.SUPERSEDE, S.PENDING: A.SUBMIT}  # fmt: skip


def last_step(info: AgreementInfo, action: str) -> ApprovalStep | None:
    return next((s for s in reversed(info.steps) if s.action == action), None)


def status_of(info: AgreementInfo) -> AgreementStatus | None:
    """The version's status, None for a status newer than this program knows."""
    try:
        return AgreementStatus(info.status)
    except ValueError:
        return None


def deciding_step(info: AgreementInfo) -> ApprovalStep | None:
    """The step that brought the version to its status (the last one of its kind)."""
    status = status_of(info)
    return last_step(info, _STEP_OF[status]) if status in _STEP_OF else None


class StatusBanner(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementBanner")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)  # names and comments are text
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tone = ""

    def show_info(self, info: AgreementInfo | None) -> None:
        if info is None:
            self.setText(self.tr("No agreement selected"))
            self._paint("neutral")
            return
        lines = [self._headline(info)]
        step = deciding_step(info)
        commented = (S.REJECTED, S.CHANGES_REQUESTED, S.APPROVED, S.PENDING)
        if step is not None and step.comment and status_of(info) in commented:
            lines.append(self.tr("“{comment}” — {who}").format(
                comment=" ".join(step.comment.split()), who=step.user_name))  # fmt: skip
        self.setText("\n".join(lines))
        self.setAccessibleName(self.tr("Status of the agreement"))
        self._paint(tone_of(info.status))

    def _needs(self, info: AgreementInfo) -> str:
        """Who must approve it and why: "needs a manager: discount 32 % exceeds …"."""
        if not info.required_level:
            return ""
        level = level_label(info.required_level).lower()
        reasons = "; ".join(translated_reason(r) for r in info.required_reasons)
        if not reasons:
            if info.required_level == ApproverLevel.SUPERVISOR:
                return self.tr("within policy: a supervisor may approve it")
            return self.tr("needs a {level}").format(level=level)
        return self.tr("needs a {level}: {reasons}").format(level=level, reasons=reasons)

    def _headline(self, info: AgreementInfo) -> str:
        status = status_of(info)
        label = status_label(info.status)
        who, when = info.decided_by_name, datetime_text(info.decided_at)
        if status in (S.DRAFT, S.CHANGES_REQUESTED, S.PENDING):
            needs = self._needs(info)
            text = f"{label} — {needs}" if needs else label
            if status is S.PENDING and info.submitted_at is not None:
                submitted = last_step(info, A.SUBMIT)
                text += "\n" + self.tr("Submitted by {who} on {when}").format(
                    who=submitted.user_name if submitted else info.author_name,
                    when=datetime_text(info.submitted_at))  # fmt: skip
            return text
        step = deciding_step(info)
        if step is not None:
            who, when = step.user_name, datetime_text(step.occurred_at)
        if status is S.APPROVED:
            return self.tr("Approved by {who} on {when}; frozen").format(who=who, when=when)
        if status is S.REJECTED:
            return self.tr("Rejected by {who} on {when}").format(who=who, when=when)
        if status is S.ACTIVE:
            return self.tr("Signed and active since {when} (recorded by {who}); "
                           "frozen").format(who=who, when=when)  # fmt: skip
        if status in IN_FORCE or status in (S.BROKEN, S.SUPERSEDED):
            return self.tr("{status} on {when} ({who})").format(status=label, when=when, who=who)
        return label

    def _paint(self, tone: str) -> None:
        if tone == self.tone:
            return
        self.tone = tone
        text, background, border = TONE_COLOURS.get(tone, TONE_COLOURS["neutral"])
        self.setStyleSheet(
            f"QLabel#agreementBanner {{ color: {text}; background: {background}; border: 1px "
            f"solid {border}; border-radius: 5px; padding: 8px 10px; font-weight: 600; }}"
        )
