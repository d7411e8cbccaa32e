"""Two clients work the same debtor offline, in any order, against a real PostgreSQL central
database: no edit vanishes, every contact arrives exactly once, both caches converge, and the
audit chain stays intact.

A reference model says what the central database should accept: an edit is accepted only when
the central debtor is still the very state its author was looking at (the one they pulled, or
their own earlier accepted edit); otherwise it becomes a conflict on its author's cache.
"""

from __future__ import annotations

import itertools
import secrets
import socket
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import UUID

import psycopg
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, func, select

from tests.postgres import create_database
from tests.services.helpers import actor, first_case_of
from vipdesk.services import activity, debtors, sync
from vipdesk.services.dto import Actor, DebtorUpdate, NewInteraction
from vipdesk.storage import audit_log
from vipdesk.storage.cache_build import build_cache
from vipdesk.storage.database import create_database_engine
from vipdesk.storage.encrypted import create_encrypted_engine
from vipdesk.storage.models import AuditEvent, Case, Interaction, SyncConflict
from vipdesk.storage.uow import Database

pytestmark = pytest.mark.postgres

USERS = {"A": "ejecutivo1", "B": "supervisor1"}
STEPS = ("A edit", "B edit", "A log", "B log", "A sync", "B sync", "A offline sync")
INITIAL = "<initial>"  # the model's name for the debtor state both caches were built from
_counter = itertools.count()


class LostUpdate(AssertionError):
    """The central database accepted an edit whose author never saw the state it replaced."""


@dataclass
class Edit:
    client: str
    notes: str
    base: str  # the state (initial, or the notes of an edit) the author was looking at


@dataclass
class Model:
    central: str = INITIAL
    local: dict[str, str] = field(default_factory=lambda: dict.fromkeys(USERS, INITIAL))
    pending: dict[str, list[Edit]] = field(default_factory=lambda: {c: [] for c in USERS})
    edits: list[Edit] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)
    conflicts: dict[str, list[str]] = field(default_factory=lambda: {c: [] for c in USERS})

    def edit(self, client: str, notes: str) -> None:
        done = Edit(client, notes, self.local[client])
        self.local[client] = notes
        self.pending[client].append(done)
        self.edits.append(done)

    def sync(self, client: str) -> None:
        for done in self.pending[client]:
            if done.base == self.central:
                self.central = done.notes
                self.accepted.append(done.notes)
            else:
                self.conflicts[client].append(done.notes)
        self.pending[client] = []
        self.local[client] = self.central


@dataclass
class World:
    central: Database
    dead: Database
    caches: dict[str, Database]
    actors: dict[str, Actor]
    case_id: UUID
    debtor_id: UUID
    initial_notes: str


def _dead_central() -> Database:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return Database(
        create_engine(
            f"postgresql+psycopg://vip@127.0.0.1:{port}/vipdesk",
            connect_args={"connect_timeout": 2},
        )
    )


def _drop(admin_url: str, name: str) -> None:
    conninfo = admin_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def _world(admin_url: str) -> Iterator[World]:
    """A fresh central database from the demo template and fresh encrypted caches of both
    users, all disposed of afterwards."""
    name = f"interleave_{next(_counter)}"
    url = create_database(admin_url, name, template="vipdesk_template")
    with ExitStack() as stack:
        stack.callback(_drop, admin_url, name)
        central = Database(create_database_engine(url))
        stack.callback(central.dispose)
        dead = _dead_central()
        stack.callback(dead.dispose)
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        caches: dict[str, Database] = {}
        for client, username in USERS.items():
            engine = create_encrypted_engine(folder / f"{username}.db", secrets.token_bytes(32))
            build_cache(central.engine, engine, actor(central, username))
            caches[client] = Database(engine, outbox=True)
            stack.callback(caches[client].dispose)
        actors = {c: actor(caches[c], USERS[c]) for c in USERS}
        case_id = first_case_of(central, "ejecutivo1")
        with central.unit_of_work() as uow:
            debtor_id = uow.session.scalars(select(Case.debtor_id).where(Case.id == case_id)).one()
        initial = debtors.debtor_info(
            central.unit_of_work(), actor(central, "ejecutivo1"), debtor_id
        )
        yield World(central, dead, caches, actors, case_id, debtor_id, initial.notes)


def _edit(world: World, client: str, notes: str) -> None:
    cache, who = world.caches[client], world.actors[client]
    info = debtors.debtor_info(cache.unit_of_work(), who, world.debtor_id)
    debtors.update_debtor(
        cache.unit_of_work(),
        who,
        DebtorUpdate(
            world.debtor_id,
            info.row_version,
            info.trade_name,
            info.risk_rating,
            info.economic_activity,
            notes,
        ),
    )


def _log(world: World, client: str, notes: str) -> UUID:
    command = NewInteraction(
        world.case_id,
        "call",
        "outbound",
        datetime.now(UTC) - timedelta(minutes=5),
        "contacted",
        notes=notes,
    )
    return activity.log_interaction(
        world.caches[client].unit_of_work(), world.actors[client], command
    )


def _local_debtor(world: World, client: str) -> tuple[str, int]:
    info = debtors.debtor_info(
        world.caches[client].unit_of_work(), world.actors[client], world.debtor_id
    )
    return info.notes, info.row_version


def _offline_sync(world: World) -> None:
    cache = world.caches["A"]
    before = (sync.status(cache), _local_debtor(world, "A"))
    with pytest.raises(sync.Offline):
        sync.sync_once(world.dead, cache, USERS["A"])
    after = (sync.status(cache), _local_debtor(world, "A"))
    assert (after[0].pending, after[0].conflicts, after[1]) == (
        before[0].pending,
        before[0].conflicts,
        before[1],
    ), "a sync against an unreachable central database changed the cache"


def _conflicted_notes(cache: Database) -> list[str]:
    with cache.unit_of_work() as uow:
        rows = uow.session.scalars(
            select(SyncConflict)
            .where(SyncConflict.kind == "debtor.update")
            .order_by(SyncConflict.created_at)
        )
        return [str(row.mine["notes"]) for row in rows]


def _accepted_notes(world: World, ours: set[str]) -> list[str]:
    """Notes of the debtor updates the central audit log recorded, in order."""
    with world.central.unit_of_work() as uow:
        rows = uow.session.scalars(
            select(AuditEvent)
            .where(
                AuditEvent.action == "debtor.updated",
                AuditEvent.entity_id == str(world.debtor_id),
            )
            .order_by(AuditEvent.seq)
        )
        notes = [str((row.after or {}).get("notes")) for row in rows]
    return [n for n in notes if n in ours]


def _run(world: World, steps: list[str]) -> tuple[Model, list[UUID]]:
    model = Model()
    logged: list[UUID] = []
    for number, step in enumerate(steps):
        client, action = step.split(" ", 1)
        text = f"interleave step {number}: {step}"
        if action == "edit":
            _edit(world, client, text)
            model.edit(client, text)
        elif action == "log":
            logged.append(_log(world, client, text))
        elif action == "sync":
            sync.sync_once(world.central, world.caches[client], USERS[client])
            model.sync(client)
        else:
            _offline_sync(world)
    for client in ("A", "B", "A", "B"):
        sync.sync_once(world.central, world.caches[client], USERS[client])
        model.sync(client)
    return model, logged


def _check(world: World, model: Model, logged: list[UUID]) -> None:
    central_info = debtors.debtor_info(
        world.central.unit_of_work(), actor(world.central, "ejecutivo1"), world.debtor_id
    )
    ours = {e.notes for e in model.edits}
    accepted = _accepted_notes(world, ours)
    conflicts = {c: _conflicted_notes(world.caches[c]) for c in USERS}

    # 1. No edit vanishes: each one was accepted at central (audited) or is a conflict on its
    # author's cache, exactly once; the central notes are the last accepted edit.
    for done in model.edits:
        fates = accepted.count(done.notes) + conflicts[done.client].count(done.notes)
        assert fates == 1, f"{done} accepted/conflicted {fates} times"
    assert central_info.notes == (accepted[-1] if accepted else world.initial_notes)

    # 2. Every contact logged on either cache reached central exactly once.
    with world.central.unit_of_work() as uow:
        for interaction_id in logged:
            count = uow.session.scalar(
                select(func.count())
                .select_from(Interaction)
                .where(Interaction.id == interaction_id)
            )
            assert count == 1, f"interaction {interaction_id} is at central {count} times"

    # 3. Both caches converged on the central debtor, with nothing left to push.
    for client in USERS:
        assert sync.status(world.caches[client]).pending == 0
        assert _local_debtor(world, client) == (central_info.notes, central_info.row_version)

    # 4. The central audit chain is intact.
    with world.central.unit_of_work() as uow:
        assert audit_log.verify_chain(uow.session) is None

    # Last, the strict model: an edit is accepted only if its author saw the state it replaces.
    if (accepted, conflicts) != (model.accepted, model.conflicts):
        raise LostUpdate(
            "central accepted/refused edits unlike the model\n"
            f"  accepted: {accepted}\n  expected: {model.accepted}\n"
            f"  conflicts: {conflicts}\n  expected: {model.conflicts}"
        )


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    # No shrinking: each example builds a database and two caches; the minimal case of the
    # lost update this test once found is the deterministic test below.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
@given(steps=st.lists(st.sampled_from(STEPS), min_size=1, max_size=12))
def test_random_interleavings_of_two_clients_lose_nothing(
    postgres_admin_url: str, pg_demo_template: str, steps: list[str]
) -> None:
    assert pg_demo_template == "vipdesk_template"
    with _world(postgres_admin_url) as world:
        model, logged = _run(world, steps)
        _check(world, model, logged)


def test_an_edit_on_top_of_a_refused_edit_does_not_overwrite_an_unseen_version(
    postgres_admin_url: str, pg_demo_template: str
) -> None:
    steps = ["A edit", "A edit", "B edit", "B sync", "A sync"]
    with _world(postgres_admin_url) as world:
        model, logged = _run(world, steps)
        # The model: A's first edit is refused (B changed the debtor), so A's second edit,
        # written on top of the first, must be refused too; B's notes stay.
        assert model.accepted == ["interleave step 2: B edit"]
        _check(world, model, logged)
