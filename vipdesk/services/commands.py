"""Commands as data: what the outbox stores and sync replays on the central database.

A command is one of the ``New…`` dataclasses of :mod:`vipdesk.services.dto` (or of
:mod:`vipdesk.services.finance_dto`), always with its ``id`` set. Payloads are JSON with exact
text for decimals, dates and UUIDs; mappings are JSON objects, and a tuple of dataclasses (the
periods of an import) a list of objects.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from vipdesk.services.agreement_dto import (
    AgreementCreate,
    AgreementRevision,
    AgreementSave,
    AgreementStep,
    ApprovalSettingsSave,
    LetterTemplateSave,
    NewDecision,
    StrategySave,
)
from vipdesk.services.document_dto import (
    DocumentAcknowledge,
    DocumentGenerate,
    DocumentHandoff,
    LetterheadSave,
)
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
from vipdesk.services.finance_dto import (
    AssumptionsSave,
    ImportPeriods,
    PeriodRemoval,
    PeriodSave,
    ScenarioChoice,
    ScenarioRemoval,
    ScenarioSave,
    ThresholdsSave,
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
    | PeriodSave
    | PeriodRemoval
    | ImportPeriods
    | AssumptionsSave
    | ScenarioSave
    | ScenarioRemoval
    | ScenarioChoice
    | ThresholdsSave
    | AgreementCreate
    | AgreementSave
    | AgreementStep
    | AgreementRevision
    | ApprovalSettingsSave
    | StrategySave
    | NewDecision
    | DocumentGenerate
    | DocumentHandoff
    | DocumentAcknowledge
    | LetterheadSave
    | LetterTemplateSave
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
    "finance.period.save": PeriodSave,
    "finance.period.remove": PeriodRemoval,
    "finance.periods.import": ImportPeriods,
    "finance.assumptions.save": AssumptionsSave,
    "scenario.save": ScenarioSave,
    "scenario.remove": ScenarioRemoval,
    "scenario.choose": ScenarioChoice,
    "strategy.save": StrategySave,
    "strategy.decision": NewDecision,
    "settings.thresholds.save": ThresholdsSave,
    "agreement.create": AgreementCreate,
    "agreement.save": AgreementSave,
    "agreement.step": AgreementStep,
    "agreement.revise": AgreementRevision,
    "settings.approval.save": ApprovalSettingsSave,
    "document.generate": DocumentGenerate,
    "document.handoff": DocumentHandoff,
    "document.acknowledge": DocumentAcknowledge,
    "settings.letterhead.save": LetterheadSave,
    "settings.letter_template.save": LetterTemplateSave,
}
KIND_OF = {cls: kind for kind, cls in KINDS.items()}


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal | UUID):
        return str(value)
    if isinstance(value, date):  # datetime is a date too
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def to_payload(command: Command) -> dict[str, Any]:
    return {f.name: _plain(getattr(command, f.name)) for f in dataclasses.fields(command)}


def _dataclass_of(cls: type[Any], payload: dict[str, Any]) -> Any:
    hints = typing.get_type_hints(cls)
    return cls(
        **{f.name: _parse(hints[f.name], payload.get(f.name)) for f in dataclasses.fields(cls)}
    )


def _parse(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    if typing.get_origin(hint) is tuple:
        item = typing.get_args(hint)[0]
        if dataclasses.is_dataclass(item) and isinstance(item, type):
            return tuple(_dataclass_of(item, v) for v in value)
        return tuple(value)
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
    command: Command = _dataclass_of(KINDS[kind], payload)
    return command
