"""A supervisor reassigns a case on their laptop: after the next syncs it is gone from the old
executive's disk (not merely hidden: unreadable even with the cache's key) and on the new
executive's laptop with its whole history. SQLite and PostgreSQL centrals."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import UUID

import pytest
from sqlalchemy import func, select, update

from tests.services.helpers import actor
from tests.sqlcipher_pages import occurrences
from vipdesk.core.text import normalize_for_search
from vipdesk.services import activity, assignments, cases, portfolio, sync
from vipdesk.services.dto import NewInteraction, PortfolioQuery, ReassignCase
from vipdesk.storage import changes
from vipdesk.storage.cache_build import build_cache
from vipdesk.storage.encrypted import create_encrypted_engine
from vipdesk.storage.models import (
    AuditEvent,
    Case,
    Debtor,
    DebtorContact,
    Interaction,
    Obligation,
    Payment,
    Promise,
    RelatedParty,
    User,
)
from vipdesk.storage.uow import Database


@dataclass(frozen=True)
class Laptop:
    """A user's encrypted cache, with what it takes to read its files raw."""

    db: Database
    path: Path
    key: bytes

    def holds(self, text: str) -> bool:
        return occurrences(self.path, self.key, text) > 0


LaptopFor = Callable[[str], Laptop]


@pytest.fixture
def laptop_for(any_database: Database, vipdesk_home: Path) -> Iterator[LaptopFor]:
    made: list[Database] = []

    def make(username: str) -> Laptop:
        path, key = vipdesk_home / "cache" / f"{username}.db", secrets.token_bytes(32)
        engine = create_encrypted_engine(path, key)
        build_cache(any_database.engine, engine, actor(any_database, username))
        made.append(Database(engine, outbox=True))
        return Laptop(made[-1], path, key)

    yield make
    for cache in made:
        cache.dispose()


def _count(db: Database, model: type, column: str, value: object) -> int:
    with db.unit_of_work() as uow:
        query = select(func.count()).select_from(model).where(getattr(model, column) == value)
        return uow.session.scalar(query) or 0


def _case_with_history(central: Database, username: str) -> UUID:
    """A case of ``username`` with obligations, contacts, promises and payments."""
    with central.unit_of_work() as uow:
        user = uow.session.scalars(select(User.id).where(User.username == username)).one()
        owned = select(Case.id).where(Case.executive_id == user).order_by(Case.number)
        for case_id in uow.session.scalars(owned):
            if all(
                uow.session.scalar(select(func.count()).where(model.case_id == case_id))
                for model in (Obligation, Interaction, Promise, Payment)
            ):
                return case_id
    raise AssertionError(f"no case of {username} has a full history")


def _numbers(db: Database, username: str) -> list[str]:
    return portfolio.case_numbers(db.unit_of_work(), actor(db, username), PortfolioQuery())


def _secrets_of(central: Database, case_id: UUID) -> list[str]:
    """What identifies the debtor of the case: name, tax id and the search text."""
    with central.unit_of_work() as uow:
        case = uow.session.get(Case, case_id)
        assert case is not None
        debtor = case.debtor
        return [debtor.name, debtor.tax_id, normalize_for_search(debtor.name)]


def test_a_reassigned_case_leaves_the_old_executives_disk_and_reaches_the_new_one(
    any_database: Database, laptop_for: LaptopFor
) -> None:
    central = any_database
    old, boss, new = laptop_for("ejecutivo1"), laptop_for("supervisor1"), laptop_for("ejecutivo2")
    case_id = _case_with_history(central, "ejecutivo1")
    with central.unit_of_work() as uow:
        number = uow.session.scalars(select(Case.number).where(Case.id == case_id)).one()
        debtor_id = uow.session.scalars(select(Case.debtor_id).where(Case.id == case_id)).one()
    # The executive's own notes about the case (synced, so the local copy is all that is left).
    note = "Visité al deudor; confidencial 7Q4X"
    activity.log_interaction(
        old.db.unit_of_work(), actor(old.db, "ejecutivo1"),
        NewInteraction(case_id, "visit", "outbound", datetime.now(UTC) - timedelta(hours=1),
                       "contacted", notes=note),
    )  # fmt: skip
    assert sync.sync_once(central, old.db, "ejecutivo1").pushed == 1
    identifying = [*_secrets_of(central, case_id), note]
    # The scan reads through the encryption: before the reassignment it finds them all.
    assert all(old.holds(text) for text in identifying)

    who_had_it = assignments.team_executives(
        boss.db.unit_of_work(), actor(boss.db, "supervisor1"), case_id
    ).current
    assignments.reassign_case(
        boss.db.unit_of_work(), actor(boss.db, "supervisor1"),
        ReassignCase(case_id, "ejecutivo2", current=who_had_it),
    )  # fmt: skip
    assert sync.sync_once(central, boss.db, "supervisor1").pushed == 1

    gone = sync.sync_once(central, old.db, "ejecutivo1")
    assert gone.removed == 1
    assert number not in _numbers(old.db, "ejecutivo1")
    for model, column, value in [
        (Case, "id", case_id), (Debtor, "id", debtor_id), (DebtorContact, "debtor_id", debtor_id),
        (RelatedParty, "debtor_id", debtor_id), (Obligation, "case_id", case_id),
        (Interaction, "case_id", case_id), (Promise, "case_id", case_id),
        (Payment, "case_id", case_id), (AuditEvent, "entity_id", str(case_id)),
    ]:  # fmt: skip
        assert _count(old.db, model, column, value) == 0, model
    # Not in a live row, not in free space of a page, not in a free page, not in the WAL.
    assert [text for text in identifying if old.holds(text)] == []

    arrived = sync.sync_once(central, new.db, "ejecutivo2")
    assert arrived.pulled >= 1 and number in _numbers(new.db, "ejecutivo2")
    mine = actor(new.db, "ejecutivo2")
    here = cases.case_detail(new.db.unit_of_work(), mine, case_id)
    there = cases.case_detail(central.unit_of_work(), mine, case_id)
    assert here == there
    assert here.executive_name == "Carlos Enrique Pérez"
    assert here.obligations and here.interactions and here.promises and here.payments
    assert note in [i.notes for i in here.interactions]
    # The supervisor still sees it, now with the new executive.
    assert number in _numbers(boss.db, "supervisor1")
    seen = cases.case_detail(boss.db.unit_of_work(), actor(boss.db, "supervisor1"), case_id)
    assert seen.executive_name == "Carlos Enrique Pérez"


def test_a_debtor_with_another_case_stays_with_the_old_executive(
    any_database: Database, laptop_for: LaptopFor
) -> None:
    central = any_database
    first, second = _numbers(central, "ejecutivo1")[:2]
    with central.unit_of_work() as uow:  # the debtor of the first case takes on the second
        kept, moved = (
            uow.session.scalars(select(Case).where(Case.number == n)).one() for n in (first, second)
        )
        debtor_id, kept_id, moved_id = kept.debtor_id, kept.id, moved.id
        uow.session.execute(update(Case).where(Case.id == moved_id).values(debtor_id=debtor_id))
        changes.touch_cases(uow.session, [kept_id, moved_id])
        uow.commit()
    old = laptop_for("ejecutivo1")
    name = _secrets_of(central, kept_id)[0]
    assignments.reassign_case(
        central.unit_of_work(), actor(central, "supervisor1"), ReassignCase(moved_id, "ejecutivo2")
    )
    report = sync.sync_once(central, old.db, "ejecutivo1")
    assert report.removed == 1
    assert _count(old.db, Case, "id", moved_id) == 0
    assert _count(old.db, Interaction, "case_id", moved_id) == 0
    # The debtor is still the executive's through the other case: it stays, whole.
    assert _count(old.db, Case, "id", kept_id) == 1
    assert _count(old.db, Debtor, "id", debtor_id) == 1
    here = cases.case_detail(old.db.unit_of_work(), actor(old.db, "ejecutivo1"), kept_id)
    there = cases.case_detail(central.unit_of_work(), actor(central, "ejecutivo1"), kept_id)
    assert here == there and old.holds(name)
