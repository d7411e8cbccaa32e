"""Who may see and change which cases. Pure rules; storage turns them into SQL filters."""

from __future__ import annotations

from enum import StrEnum
from uuid import UUID

from vipdesk.core.catalog import CaseStatus, Role


class CaseScope(StrEnum):
    OWN = "own"  # cases assigned to the user
    TEAM = "team"  # cases of the user's team
    LEGAL = "legal"  # cases escalated to legal
    ALL = "all"


_SCOPES = {
    Role.EXECUTIVE: CaseScope.OWN,
    Role.SUPERVISOR: CaseScope.TEAM,
    Role.LEGAL: CaseScope.LEGAL,
    Role.ADMIN: CaseScope.ALL,
}


def scope_for(role: Role) -> CaseScope:
    return _SCOPES[role]


def can_see_case(
    role: Role,
    user_id: UUID,
    team_id: UUID | None,
    *,
    case_executive_id: UUID,
    case_team_id: UUID,
    case_status: str,
    handed_to_legal: bool = False,
) -> bool:
    """``handed_to_legal``: a document of the case was sent to legal, who then sees it."""
    scope = scope_for(role)
    if scope is CaseScope.ALL:
        return True
    if scope is CaseScope.OWN:
        return case_executive_id == user_id
    if scope is CaseScope.TEAM:
        return team_id is not None and case_team_id == team_id
    return case_status == CaseStatus.LEGAL or handed_to_legal


def can_work_case(
    role: Role,
    user_id: UUID,
    team_id: UUID | None,
    *,
    case_executive_id: UUID,
    case_team_id: UUID,
) -> bool:
    """Log contacts, record promises and payments: the assigned executive or the team's
    supervisor. Legal reads; admins administer and do not collect."""
    if role is Role.EXECUTIVE:
        return case_executive_id == user_id
    if role is Role.SUPERVISOR:
        return team_id is not None and case_team_id == team_id
    return False
