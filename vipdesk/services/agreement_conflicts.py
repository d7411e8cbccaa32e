"""Sync conflicts of agreement drafts (see services/conflicts.py).

A draft saved offline on top of values someone else changed centrally meanwhile is refused
with the central version, flat (services/agreement_view.agreement_seen: the notes, each term
by name, the signatories as one text). The user's command is flattened the same way and the
two compared field by field; choosing "mine" (or combining) saves the chosen values again on
top of the central version now in the cache, like any other edit. A version submitted
meanwhile is frozen: that refusal can only be acknowledged.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any
from uuid import UUID

from vipdesk.core.errors import ValidationError
from vipdesk.core.money import parse_amount
from vipdesk.services import agreements
from vipdesk.services.agreement_dto import AgreementSave, Signatory
from vipdesk.services.agreement_records import signatories_text
from vipdesk.services.agreement_terms import AMOUNT_FIELDS, TERM_FIELDS
from vipdesk.services.dto import Actor

FIELDS: tuple[str, ...] = ("notes", *TERM_FIELDS, "signatories")
FLAT_KINDS = frozenset({agreements.SAVE})


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _amount(value: Any) -> str:
    """A typed amount as stored ("1,250.5" -> "1250.50"), so equal values compare equal."""
    if not isinstance(value, str) or not value.strip():
        return _text(value)
    try:
        return format(parse_amount(value, "amount", allow_zero=True), "f")
    except ValidationError:
        return value


def _signatories(payload: Any) -> tuple[Signatory, ...]:
    """The signatories of a command's payload (a list of objects)."""
    if not isinstance(payload, list):
        return ()
    return tuple(
        Signatory(*(_text(item.get(name)) for name in ("role", "name", "id_document", "capacity")))
        for item in payload
        if isinstance(item, dict)
    )


def flatten(
    _kind: str, mine: dict[str, Any], theirs: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any], tuple[str, ...]]:
    """(the command with each compared field beside its other fields, the central version's
    compared fields, the fields compared)."""
    terms = mine.get("terms") or {}
    flat = {
        name: _amount(terms.get(name)) if name in AMOUNT_FIELDS else _text(terms.get(name))
        for name in TERM_FIELDS
    }
    flat["notes"] = _text(mine.get("notes"))
    flat["signatories"] = signatories_text(_signatories(mine.get("signatories")))
    return {**mine, **flat}, {name: _text(theirs.get(name)) for name in FIELDS}, FIELDS


def _save_again(uow_factory: Any, actor: Actor, conflict: Any, values: dict[str, Any]) -> None:
    mine = conflict.mine
    case_id, agreement_id = UUID(mine["case_id"]), UUID(mine["agreement_id"])
    # The cache now holds the central version: the edit is based on it.
    current = agreements.agreement(uow_factory(), actor, case_id, agreement_id)
    ours = _signatories(mine.get("signatories"))
    chose_ours = values.get("signatories") == signatories_text(ours)
    command = AgreementSave(
        case_id,
        agreement_id,
        {name: _text(values.get(name)) for name in TERM_FIELDS},
        ours if chose_ours else current.signatories,
        _text(values.get("notes")),
    )
    command = dataclasses.replace(command, seen=agreements.agreement_seen(current))
    agreements.save_agreement(uow_factory(), actor, command)


APPLY_AGAIN: dict[str, Callable[[Any, Actor, Any, dict[str, Any]], None]] = {
    agreements.SAVE: _save_again,
}
