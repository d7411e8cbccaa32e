"""Settling sync conflicts: the user sees their version and the central one side by side and
chooses theirs, mine, or field by field. Choosing "mine" re-issues the edit on top of the
central version (so it is a new, deliberate change, audited as such), never a blind overwrite."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import delete, select

from vipdesk.core.errors import CONTEXT, QT_TRANSLATE_NOOP, NotFound, Translate, ValidationError
from vipdesk.services import (
    agreement_conflicts,
    assignments,
    contacts,
    debtors,
    finance_conflicts,
    related_parties,
    strategy_conflicts,
)
from vipdesk.services.dto import Actor, ContactSave, DebtorUpdate, PartySave, ReassignCase
from vipdesk.storage.models import SyncConflict, User
from vipdesk.storage.uow import UnitOfWork

# Fields a person compares, per kind of command that can conflict on an edit.
COMPARED: dict[str, tuple[str, ...]] = {
    "debtor.update": debtors.EDITABLE,
    assignments.KIND: ("executive",),
    contacts.SAVE: contacts.COMPARED,
    related_parties.SAVE: related_parties.COMPARED,
}
# Kinds whose compared fields depend on the record (a period's figures, a scenario's terms,
# the liens of the assumptions): both versions flattened, the union of their fields compared.
# A strategy's sections are nested in its command: flattened the same way.
_FLATTEN = {
    **dict.fromkeys(finance_conflicts.FLAT_KINDS, finance_conflicts.flatten),
    **dict.fromkeys(strategy_conflicts.FLAT_KINDS, strategy_conflicts.flatten),
    **dict.fromkeys(agreement_conflicts.FLAT_KINDS, agreement_conflicts.flatten),
}
FLAT_KINDS = frozenset(_FLATTEN)


@dataclass(frozen=True)
class ConflictInfo:
    id: UUID
    kind: str
    entity_id: str
    message: str
    mine: dict[str, Any]
    theirs: dict[str, Any] | None
    created_at: datetime
    reasons: tuple[tuple[str, dict[str, str]], ...] = ()
    # Full names of the users the compared values name (a reassignment compares usernames).
    names: dict[str, str] = field(default_factory=dict)
    # The compared fields of a FLAT_KINDS conflict (``mine`` and ``theirs`` hold each as text).
    flat_fields: tuple[str, ...] = ()

    def reason(self, translate: Translate) -> str:
        """Why the central database refused it, in the interface's language."""
        if not self.reasons:
            return translate(CONTEXT, self.message)
        return "; ".join(translate(CONTEXT, t).format(**p) for t, p in self.reasons)

    @property
    def fields(self) -> tuple[str, ...]:
        """The fields to show side by side (empty when the central database refused a new
        record outright: there is nothing of theirs to compare, only to acknowledge)."""
        if not self.theirs:
            return ()
        return self.flat_fields if self.kind in FLAT_KINDS else COMPARED.get(self.kind, ())


def _user_names(uow: UnitOfWork, rows: Sequence[SyncConflict]) -> dict[str, str]:
    usernames = {
        str(side["executive"])
        for c in rows
        if c.kind == assignments.KIND
        for side in (c.mine, c.theirs or {})
        if side.get("executive")
    }
    if not usernames:
        return {}
    query = select(User.username, User.full_name).where(User.username.in_(sorted(usernames)))
    return {username: full_name for username, full_name in uow.session.execute(query)}


def list_conflicts(uow: UnitOfWork) -> list[ConflictInfo]:
    with uow:
        rows = uow.session.scalars(select(SyncConflict).order_by(SyncConflict.created_at)).all()
        names = _user_names(uow, rows)
        found: list[ConflictInfo] = []
        for c in rows:
            mine, theirs = dict(c.mine), dict(c.theirs) if c.theirs else None
            flat: tuple[str, ...] = ()
            if c.kind in FLAT_KINDS and theirs:
                mine, theirs, flat = _FLATTEN[c.kind](c.kind, mine, theirs)
            found.append(
                ConflictInfo(c.id, c.kind, c.entity_id, c.message, mine, theirs, c.created_at,
                             tuple((r["template"], dict(r["params"])) for r in c.reasons or ()),
                             names if c.kind == assignments.KIND else {}, flat)
            )  # fmt: skip
        return found


def _edit_debtor_again(
    uow_factory: Any, actor: Actor, conflict: ConflictInfo, values: dict[str, Any]
) -> None:
    debtor_id = UUID(conflict.mine["debtor_id"])
    # The cache now holds the central version: the edit is based on it.
    current = debtors.debtor_info(uow_factory(), actor, debtor_id)
    debtors.update_debtor(
        uow_factory(), actor, DebtorUpdate(debtor_id, current.row_version, **values)
    )


def _reassign_again(
    uow_factory: Any, actor: Actor, conflict: ConflictInfo, values: dict[str, Any]
) -> None:
    case_id = UUID(conflict.mine["case_id"])
    current = assignments.team_executives(uow_factory(), actor, case_id).current
    if values["executive"] != current:  # else it already went where the user wanted
        assignments.reassign_case(
            uow_factory(), actor, ReassignCase(case_id, values["executive"], current)
        )


def _save_contact_again(
    uow_factory: Any, actor: Actor, conflict: ConflictInfo, values: dict[str, Any]
) -> None:
    mine = conflict.mine
    debtor_id, contact_id = UUID(mine["debtor_id"]), UUID(mine["contact_id"])
    # The cache now holds the central version: the edit is based on it (or, when the contact
    # was removed meanwhile, adds it back: the user chose their version).
    command = ContactSave(debtor_id, contact_id, mine["kind"], values["label"], values["value"],
                          bool(mine["preferred"]), values["best_hours"])  # fmt: skip
    try:
        current = contacts.contact_info(uow_factory(), actor, debtor_id, contact_id)
        command = dataclasses.replace(
            command,
            seen_label=current.label,
            seen_value=current.value,
            seen_best_hours=current.best_hours,
        )
    except NotFound:
        pass
    contacts.save_contact(uow_factory(), actor, command)


def _save_party_again(
    uow_factory: Any, actor: Actor, conflict: ConflictInfo, values: dict[str, Any]
) -> None:
    mine = conflict.mine
    debtor_id, party_id = UUID(mine["debtor_id"]), UUID(mine["party_id"])
    # As for contacts: on top of the central version now in the cache, or (when the party was
    # removed meanwhile) adding it back.
    command = PartySave(debtor_id, party_id, **{f: values[f] for f in related_parties.COMPARED})
    try:
        current = related_parties.party_info(uow_factory(), actor, debtor_id, party_id)
    except NotFound:
        pass
    else:
        seen = {f"seen_{f}": getattr(current, f) for f in related_parties.COMPARED}
        command = dataclasses.replace(command, **seen)
    related_parties.save_party(uow_factory(), actor, command)


_APPLY_AGAIN: dict[str, Callable[[Any, Actor, ConflictInfo, dict[str, Any]], None]] = {
    "debtor.update": _edit_debtor_again,
    assignments.KIND: _reassign_again,
    contacts.SAVE: _save_contact_again,
    related_parties.SAVE: _save_party_again,
    **finance_conflicts.APPLY_AGAIN,
    **strategy_conflicts.APPLY_AGAIN,
    **agreement_conflicts.APPLY_AGAIN,
}


def resolve(
    uow_factory: Any, actor: Actor, conflict_id: UUID, choice: str,
    chosen: dict[str, str] | None = None,
) -> None:  # fmt: skip
    """``choice``: "theirs" (keep the central version / acknowledge a refusal), "mine" (apply
    my values again on top of theirs) or "merge" (``chosen`` gives each field's value)."""
    if choice not in {"theirs", "mine", "merge"}:
        raise ValueError(choice)
    conflict = next((c for c in list_conflicts(uow_factory()) if c.id == conflict_id), None)
    if conflict is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "That conflict was already settled."))
    if choice != "theirs":
        if not conflict.fields:
            raise ValidationError.single(
                "choice", QT_TRANSLATE_NOOP("errors", "Only an edit can be applied again.")
            )
        values = {f: conflict.mine[f] for f in conflict.fields}
        if choice == "merge":
            values.update({f: v for f, v in (chosen or {}).items() if f in conflict.fields})
        _APPLY_AGAIN[conflict.kind](uow_factory, actor, conflict, values)
    with uow_factory() as uow:
        uow.session.execute(delete(SyncConflict).where(SyncConflict.id == conflict_id))
        uow.commit()
