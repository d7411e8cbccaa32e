"""Sync conflicts of the negotiation strategy (see services/conflicts.py).

A version saved offline on top of a version that, centrally, is no longer the latest is
refused with the latest central version. The two are compared section by section (and the
note); choosing "mine" (or combining) saves the chosen texts as a new version on top of the
central one now in the cache: a deliberate save, audited like any other, never an overwrite.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from vipdesk.services import strategy
from vipdesk.services.agreement_dto import StrategySave
from vipdesk.services.dto import Actor

FIELDS: tuple[str, ...] = (*strategy.SECTIONS, "note")
FLAT_KINDS = frozenset({strategy.SAVE})


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def flatten(
    _kind: str, mine: dict[str, Any], theirs: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any], tuple[str, ...]]:
    """(the command with each section beside its other fields, the central version's
    sections and note, the fields compared)."""
    sections = mine.get("sections") or {}
    flat = {name: _text(sections.get(name)) for name in strategy.SECTIONS}
    return (
        {**mine, **flat, "note": _text(mine.get("note"))},
        {name: _text(theirs.get(name)) for name in FIELDS},
        FIELDS,
    )


def _save_again(uow_factory: Any, actor: Actor, conflict: Any, values: dict[str, Any]) -> None:
    case_id = UUID(conflict.mine["case_id"])
    current = strategy.strategy_of(uow_factory(), actor, case_id).current
    typed = {name: _text(values.get(name)) for name in strategy.SECTIONS}
    sections, note = strategy.check_strategy(typed, _text(values.get("note")))
    if current is not None and not strategy.changes_between(current.sections, sections):
        return  # what the user chose is the central version already: nothing to save
    based_on = current.version if current is not None else 0
    command = StrategySave(case_id, based_on, sections, note)
    strategy.save_strategy(uow_factory(), actor, command)


APPLY_AGAIN: dict[str, Callable[[Any, Actor, Any, dict[str, Any]], None]] = {
    strategy.SAVE: _save_again,
}
