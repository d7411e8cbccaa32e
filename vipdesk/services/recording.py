"""What every command shares: the moment it counts as done, and queueing it for the central
database when it was done on a local cache."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta
from uuid import UUID

from vipdesk.services.commands import KIND_OF, Command, to_payload
from vipdesk.storage import outbox
from vipdesk.storage.uow import UnitOfWork

# A command done offline is judged as of when it was done, if that is believable.
MAX_OFFLINE_DAYS = 60


def command_moment(uow: UnitOfWork, command: Command) -> tuple[datetime, date]:
    """(now, today) for validating ``command``: when it was recorded offline, else now."""
    server = uow.now()
    when = command.recorded_at
    earliest = server - timedelta(days=MAX_OFFLINE_DAYS)
    if when is None or when.tzinfo is None or not earliest <= when <= server + timedelta(minutes=5):
        when = server
    return when, when.astimezone().date()


def queue_if_offline(uow: UnitOfWork, command: Command, entity_id: UUID, when: datetime) -> None:
    if uow.outbox:
        done = dataclasses.replace(command, id=entity_id, recorded_at=when)
        outbox.append(uow.session, entity_id, KIND_OF[type(command)], to_payload(done))
