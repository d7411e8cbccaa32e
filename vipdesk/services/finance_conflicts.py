"""Sync conflicts of the financial analysis and the scenarios (see services/conflicts.py).

A period's figures, a scenario's terms and the liens of the assumptions are mappings whose
keys vary from record to record, so they are compared flat: the central version is stored flat
already (the ``*_seen`` form of the record, as the refusal carried it), the user's command is
flattened the same way, and the union of their fields is compared field by field. Choosing
"mine" (or combining) saves the chosen values again on top of the central version now in the
cache, like any other edit.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from typing import Any
from uuid import UUID

from vipdesk.core.errors import NotFound, ValidationError
from vipdesk.core.money import parse_amount
from vipdesk.services import finance, scenarios
from vipdesk.services.dto import Actor
from vipdesk.services.finance_data import INCOME_PREFIX
from vipdesk.services.finance_dto import AssumptionsSave, PeriodSave, ScenarioSave
from vipdesk.services.scenario_terms import AMOUNT_FIELDS, TERM_FIELDS

_PERIOD_HEAD = ("label", "period_end", "months")
_SCENARIO_HEAD = ("name", "kind", "notes")


def _canonical(text: Any) -> str:
    """A typed amount as stored ("1,250.5" -> "1250.50"), so equal values compare equal."""
    if not isinstance(text, str) or not text.strip():
        return "" if text is None else str(text)
    try:
        return format(parse_amount(text, "x", allow_zero=True, allow_negative=True), "f")
    except ValidationError:
        return text


def _period_mine(mine: dict[str, Any], _theirs: dict[str, Any]) -> dict[str, str]:
    flat = {"label": str(mine.get("label", "")), "period_end": str(mine.get("period_end", "")),
            "months": str(mine.get("months", ""))}  # fmt: skip
    flat.update({str(k): _canonical(v) for k, v in (mine.get("figures") or {}).items()})
    flat.update({INCOME_PREFIX + str(k): _canonical(v)
                 for k, v in (mine.get("income") or {}).items()})  # fmt: skip
    return flat


def _assumptions_mine(mine: dict[str, Any], theirs: dict[str, Any]) -> dict[str, str]:
    # The command carries only the values the user typed: their version is those on top of
    # the central one (as "use mine" will apply them).
    return {**theirs, **{str(k): str(v) for k, v in (mine.get("values") or {}).items()}}


def _scenario_mine(mine: dict[str, Any], _theirs: dict[str, Any]) -> dict[str, str]:
    flat = {name: str(mine.get(name) or "") for name in _SCENARIO_HEAD}
    for name, text in (mine.get("terms") or {}).items():
        flat[str(name)] = _canonical(text) if name in AMOUNT_FIELDS else str(text)
    return flat


_MINE: dict[str, Callable[[dict[str, Any], dict[str, Any]], dict[str, str]]] = {
    finance.SAVE: _period_mine,
    finance.ASSUMPTIONS_SAVE: _assumptions_mine,
    scenarios.SAVE: _scenario_mine,
}
FLAT_KINDS = frozenset(_MINE)


def flatten(
    kind: str, mine: dict[str, Any], theirs: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any], tuple[str, ...]]:
    """(mine with each compared field as text added, theirs with every compared field, the
    compared fields: the central version's order, then the user's other fields)."""
    flat = _MINE[kind](mine, theirs)
    fields = tuple(dict.fromkeys([*theirs, *flat]))
    return (
        {**mine, **{f: flat.get(f, "") for f in fields}},
        {f: "" if theirs.get(f) is None else str(theirs[f]) for f in fields},
        fields,
    )


def _whole(text: str) -> Any:
    try:
        return int(text)
    except ValueError:
        return text  # refused with a clear message by the use case


def _day(text: str) -> Any:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return text


def _save_period_again(
    uow_factory: Any, actor: Actor, conflict: Any, values: dict[str, Any]
) -> None:
    mine = conflict.mine
    case_id, period_id = UUID(mine["case_id"]), UUID(mine["period_id"])
    figures = {k: v for k, v in values.items()
               if k not in _PERIOD_HEAD and not k.startswith(INCOME_PREFIX)}  # fmt: skip
    income = {k[len(INCOME_PREFIX) :]: v for k, v in values.items() if k.startswith(INCOME_PREFIX)}
    command = PeriodSave(case_id, period_id, values["label"], _day(values["period_end"]),
                         _whole(values["months"]), figures, income)  # fmt: skip
    try:
        current = finance.period_of(uow_factory(), actor, case_id, period_id)
    except NotFound:
        pass  # removed meanwhile: the user chose to add theirs back
    else:
        command = dataclasses.replace(command, seen=finance.period_seen(current))
    finance.save_period(uow_factory(), actor, command)


def _save_assumptions_again(
    uow_factory: Any, actor: Actor, conflict: Any, values: dict[str, Any]
) -> None:
    case_id = UUID(conflict.mine["case_id"])
    current = finance.financial_analysis(uow_factory(), actor, case_id)
    seen = finance.assumptions_seen(current.assumptions) if current.assumptions_saved else None
    finance.save_assumptions(uow_factory(), actor, AssumptionsSave(case_id, values, seen))


def _save_scenario_again(
    uow_factory: Any, actor: Actor, conflict: Any, values: dict[str, Any]
) -> None:
    mine = conflict.mine
    case_id, scenario_id = UUID(mine["case_id"]), UUID(mine["scenario_id"])
    kind = values["kind"]
    terms = {k: v for k, v in values.items() if k in TERM_FIELDS.get(kind, ())}
    command = ScenarioSave(case_id, scenario_id, values["name"], kind, terms, values["notes"])
    current = next(
        (s for s in scenarios.scenarios_of(uow_factory(), actor, case_id) if s.id == scenario_id),
        None,
    )
    if current is not None:
        command = dataclasses.replace(command, seen=scenarios.scenario_seen(current))
    scenarios.save_scenario(uow_factory(), actor, command)


APPLY_AGAIN: dict[str, Callable[[Any, Actor, Any, dict[str, Any]], None]] = {
    finance.SAVE: _save_period_again,
    finance.ASSUMPTIONS_SAVE: _save_assumptions_again,
    scenarios.SAVE: _save_scenario_again,
}
