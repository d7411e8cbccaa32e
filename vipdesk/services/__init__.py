"""Use cases. Each runs in one transaction, checks authorisation and writes the audit event.

Every function takes a fresh :class:`~vipdesk.storage.uow.UnitOfWork` and the acting user and
returns plain data (dataclasses from :mod:`vipdesk.services.dto`), never live ORM objects.
"""

from collections.abc import Callable

from vipdesk.storage.uow import UnitOfWork

UowFactory = Callable[[], UnitOfWork]

__all__ = ["UnitOfWork", "UowFactory"]
