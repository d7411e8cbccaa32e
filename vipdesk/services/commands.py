"""Commands as data: what the outbox stores and sync replays on the central database.

A command is one of the ``New…`` dataclasses of :mod:`vipdesk.services.dto`, always with its
``id`` set. Payloads are JSON with exact text for decimals, dates and UUIDs.
"""

from __future__ import annotations

import dataclasses
import typing
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from vipdesk.services.dto import (
    ContactRemoval,
    ContactSave,
    DebtorUpdate,
    NewInteraction,
    NewPayment,
    NewPromise,
    PartyRemoval,
    PartySave,
    ReassignCase,
)

Command = (
    NewInteraction
    | NewPromise
    | NewPayment
    | DebtorUpdate
    | ReassignCase
    | ContactSave
    | ContactRemoval
    | PartySave
    | PartyRemoval
)

KINDS: dict[str, type[Any]] = {
    "interaction.log": NewInteraction,
    "promise.record": NewPromise,
    "payment.record": NewPayment,
    "debtor.update": DebtorUpdate,
    "case.reassign": ReassignCase,
    "contact.save": ContactSave,
    "contact.remove": ContactRemoval,
    "party.save": PartySave,
    "party.remove": PartyRemoval,
}
KIND_OF = {cls: kind for kind, cls in KINDS.items()}


def to_payload(command: Command) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for field in dataclasses.fields(command):
        value = getattr(command, field.name)
        if isinstance(value, Decimal | UUID):
            value = str(value)
        elif isinstance(value, date):  # datetime is a date too
            value = value.isoformat()
        out[field.name] = value
    return out


def _parse(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    options = set(typing.get_args(hint)) or {hint}
    if UUID in options:
        return UUID(value)
    if Decimal in options:
        return Decimal(value)
    if datetime in options:
        return datetime.fromisoformat(value)
    if date in options:
        return date.fromisoformat(value)
    return value


def from_payload(kind: str, payload: dict[str, Any]) -> Command:
    cls = KINDS[kind]
    hints = typing.get_type_hints(cls)
    values = {f.name: _parse(hints[f.name], payload.get(f.name)) for f in dataclasses.fields(cls)}
    command: Command = cls(**values)
    return command
