"""Reassigning a case: a supervisor's command, queued on their cache, applied centrally once,
refused (as a conflict when it comes from a cache) when it no longer fits. SQLite and
PostgreSQL."""

from __future__ import annotations

from uuid import UUID, uuid4

import pytest
from sqlalchemy import func, select, update

from tests.services.helpers import CacheFor, actor, audit_count, first_case_of
from vipdesk.core.errors import Conflict, NotAllowed, NotFound, ValidationError
from vipdesk.services import assignments, conflicts, sync
from vipdesk.services.dto import ReassignCase
from vipdesk.storage import outbox
from vipdesk.storage.models import AppliedCommand, AuditEvent, Case, SyncConflict, User
from vipdesk.storage.uow import Database


def executive_of(db: Database, case_id: UUID) -> str:
    with db.unit_of_work() as uow:
        query = select(User.username).join(Case, Case.executive_id == User.id)
        return uow.session.scalars(query.where(Case.id == case_id)).one()


def _count(db: Database, model: type) -> int:
    with db.unit_of_work() as uow:
        return uow.session.scalar(select(func.count()).select_from(model)) or 0


def _pending(db: Database) -> int:
    with db.unit_of_work() as uow:
        return outbox.pending_count(uow.session)


def _add_executive(central: Database, username: str, like: str = "ejecutivo1") -> None:
    """A new executive in the team of ``like`` (the demo's Guatemala team has only two)."""
    with central.unit_of_work() as uow:
        team = uow.session.scalars(select(User.team_id).where(User.username == like)).one()
        uow.session.add(User(username=username, full_name="Lucía Fernanda Ajú", role="executive",
                             team_id=team))  # fmt: skip
        uow.commit()


def _deactivate(central: Database, username: str) -> None:
    with central.unit_of_work() as uow:
        uow.session.execute(update(User).where(User.username == username).values(active=False))
        uow.commit()


def test_a_reassignment_on_the_supervisors_cache_is_queued_once(
    any_database: Database, cache_for: CacheFor
) -> None:
    central, cache = any_database, cache_for("supervisor1")
    case_id = first_case_of(central, "ejecutivo1")
    boss = actor(cache, "supervisor1")
    command_id = assignments.reassign_case(
        cache.unit_of_work(), boss, ReassignCase(case_id, " Ejecutivo2 ")
    )
    assert executive_of(cache, case_id) == "ejecutivo2"
    assert executive_of(central, case_id) == "ejecutivo1"  # nothing reached central yet
    with cache.unit_of_work() as uow:
        [entry] = outbox.pending(uow.session)
        assert (entry.kind, entry.id) == ("case.reassign", command_id)
        # Central will be told whom the case was taken from, to detect a reassignment meanwhile.
        assert (entry.payload["executive"], entry.payload["current"]) == (
            "ejecutivo2",
            "ejecutivo1",
        )
        event = uow.session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
        assert event is not None and event.action == "case.reassigned"


def test_sync_applies_a_reassignment_once_even_when_replayed_after_a_crash(
    any_database: Database, cache_for: CacheFor
) -> None:
    central, cache = any_database, cache_for("supervisor1")
    case_id = first_case_of(central, "ejecutivo1")
    assignments.reassign_case(
        cache.unit_of_work(), actor(cache, "supervisor1"), ReassignCase(case_id, "ejecutivo2")
    )
    with cache.unit_of_work() as uow:
        entry = outbox.pending(uow.session)[0]
        kind, payload, entry_id = entry.kind, dict(entry.payload), entry.id
    events = audit_count(central)
    assert sync.push(central, cache, actor(central, "supervisor1")).accepted == 1
    # The crash: central committed, the local outbox entry survived.
    with cache.unit_of_work() as uow:
        outbox.append(uow.session, entry_id, kind, payload)
        uow.commit()
    report = sync.sync_once(central, cache, "supervisor1")
    assert (report.pushed, report.refused, report.conflicts, report.pending) == (1, 0, 0, 0)
    assert executive_of(central, case_id) == "ejecutivo2"
    assert audit_count(central) == events + 1  # applied once
    assert _count(central, AppliedCommand) == 1
    assert executive_of(cache, case_id) == "ejecutivo2"  # the pulled central version


@pytest.mark.parametrize(
    ("username", "refusal"),
    [("ejecutivo1", NotAllowed), ("ejecutivo2", NotFound), ("supervisor2", NotFound),
     ("admin1", NotAllowed), ("juridico1", NotFound)],
)  # fmt: skip
def test_only_the_supervisor_of_the_cases_team_may_reassign_it(
    any_database: Database, username: str, refusal: type[Exception]
) -> None:
    central = any_database
    case_id = first_case_of(central, "ejecutivo1")
    events = audit_count(central)
    with pytest.raises(refusal):
        assignments.reassign_case(
            central.unit_of_work(), actor(central, username), ReassignCase(case_id, "ejecutivo2")
        )
    with pytest.raises(refusal):
        assignments.team_executives(central.unit_of_work(), actor(central, username), case_id)
    assert executive_of(central, case_id) == "ejecutivo1"
    assert audit_count(central) == events


@pytest.mark.parametrize(
    "executive",
    ["nadie", "", "   ", "x" * 10_000, "ejecutivo2\x00", "ejecutivo3", "supervisor1", "juridico1",
     "ejecutivo2'; DROP TABLE case_file; --"],
    ids=["unknown", "empty", "blank", "10000-chars", "nul", "other-team", "supervisor", "legal",
         "injection"],
)  # fmt: skip
def test_the_new_executive_must_be_an_active_executive_of_the_team(
    any_database: Database, cache_for: CacheFor, executive: str
) -> None:
    central = any_database
    case_id = first_case_of(central, "ejecutivo1")
    events = audit_count(central)
    with pytest.raises(ValidationError) as raised:
        assignments.reassign_case(
            central.unit_of_work(), actor(central, "supervisor1"), ReassignCase(case_id, executive)
        )
    [problem] = raised.value.problems
    assert problem.field == "executive"
    assert problem.message in {"Choose an executive", "Choose an executive of the case's team"}
    assert len(str(raised.value)) < 100  # a clear message, not the input echoed back
    assert executive_of(central, case_id) == "ejecutivo1"
    assert audit_count(central) == events
    assert _count(central, AppliedCommand) == 0


def test_a_deactivated_executive_cannot_receive_cases(any_database: Database) -> None:
    central = any_database
    case_id = first_case_of(central, "ejecutivo1")
    boss = actor(central, "supervisor1")
    offered = assignments.team_executives(central.unit_of_work(), boss, case_id)
    assert [e.username for e in offered.executives] == ["ejecutivo1", "ejecutivo2"]
    _deactivate(central, "ejecutivo2")
    offered = assignments.team_executives(central.unit_of_work(), boss, case_id)
    assert [e.username for e in offered.executives] == ["ejecutivo1"]
    with pytest.raises(ValidationError):
        assignments.reassign_case(central.unit_of_work(), boss, ReassignCase(case_id, "ejecutivo2"))


def test_reassigning_to_the_current_executive_says_so(any_database: Database) -> None:
    central = any_database
    case_id = first_case_of(central, "ejecutivo1")
    with pytest.raises(ValidationError) as raised:
        assignments.reassign_case(
            central.unit_of_work(), actor(central, "supervisor1"),
            ReassignCase(case_id, "ejecutivo1"),
        )  # fmt: skip
    number = assignments.team_executives(
        central.unit_of_work(), actor(central, "supervisor1"), case_id
    ).case_number
    assert str(raised.value) == f"{number} is already assigned to Ana Lucía Morales."


def test_a_case_the_supervisor_cannot_see_is_not_found(
    any_database: Database, cache_for: CacheFor
) -> None:
    cache = cache_for("supervisor1")
    boss = actor(cache, "supervisor1")
    mexican = first_case_of(any_database, "ejecutivo3")  # another team: not in this cache
    for case_id in (uuid4(), mexican):
        with pytest.raises(NotFound) as raised:
            assignments.reassign_case(
                cache.unit_of_work(), boss, ReassignCase(case_id, "ejecutivo2")
            )
        assert str(raised.value) == f"Case not found: {case_id}"
    assert _pending(cache) == 0


def test_hostile_input_on_the_cache_stores_and_queues_nothing(
    any_database: Database, cache_for: CacheFor
) -> None:
    cache = cache_for("supervisor1")
    boss = actor(cache, "supervisor1")
    case_id = first_case_of(any_database, "ejecutivo1")
    events = audit_count(cache)
    for executive in ["nadie", "", "x" * 10_000, "ejecutivo2\x00", "ejecutivo1", "EJECUTIVO3"]:
        with pytest.raises(ValidationError):
            assignments.reassign_case(cache.unit_of_work(), boss, ReassignCase(case_id, executive))
    with pytest.raises(Conflict):  # the case is not with whom the caller believes
        assignments.reassign_case(
            cache.unit_of_work(), boss, ReassignCase(case_id, "ejecutivo2", current="x" * 10_000)
        )
    assert (_pending(cache), audit_count(cache), _count(cache, AppliedCommand)) == (0, events, 0)
    assert executive_of(cache, case_id) == "ejecutivo1"


def test_team_executives_lists_the_team_with_their_workload(any_database: Database) -> None:
    central = any_database
    case_id = first_case_of(central, "ejecutivo1")
    offered = assignments.team_executives(
        central.unit_of_work(), actor(central, "supervisor1"), case_id
    )
    assert (offered.case_id, offered.current, offered.current_name) == (
        case_id, "ejecutivo1", "Ana Lucía Morales",
    )  # fmt: skip
    with central.unit_of_work() as uow:
        for executive in offered.executives:
            open_cases = uow.session.scalar(
                select(func.count()).select_from(Case).join(User, User.id == Case.executive_id)
                .where(User.username == executive.username, Case.status != "closed")
            )  # fmt: skip
            assert executive.cases == open_cases > 0


def test_a_reassignment_refused_at_push_becomes_a_conflict_that_can_be_acknowledged(
    any_database: Database, cache_for: CacheFor
) -> None:
    central, cache = any_database, cache_for("supervisor1")
    case_id = first_case_of(central, "ejecutivo1")
    boss = actor(cache, "supervisor1")
    assignments.reassign_case(cache.unit_of_work(), boss, ReassignCase(case_id, "ejecutivo2"))
    _deactivate(central, "ejecutivo2")  # meanwhile, at the central office
    report = sync.sync_once(central, cache, "supervisor1")
    assert (report.pushed, report.refused, report.conflicts, report.pending) == (0, 1, 1, 0)
    assert executive_of(central, case_id) == "ejecutivo1"
    assert executive_of(cache, case_id) == "ejecutivo1"  # the cache shows the central truth
    [conflict] = conflicts.list_conflicts(cache.unit_of_work())
    assert conflict.kind == "case.reassign" and conflict.theirs is None
    assert conflict.fields == ()  # nothing to compare: only to acknowledge
    assert conflict.reason(lambda _c, text: text) == "Choose an executive of the case's team"
    conflicts.resolve(cache.unit_of_work, boss, conflict.id, "theirs")
    assert _count(cache, SyncConflict) == 0
    assert sync.sync_once(central, cache, "supervisor1").pending == 0
    assert executive_of(central, case_id) == "ejecutivo1"


@pytest.mark.parametrize(("choice", "expected"), [("theirs", "ejecutivo4"), ("mine", "ejecutivo2")])
def test_a_reassignment_over_someone_elses_becomes_a_conflict(
    any_database: Database, cache_for: CacheFor, choice: str, expected: str
) -> None:
    central = any_database
    _add_executive(central, "ejecutivo4")
    cache = cache_for("supervisor1")
    case_id = first_case_of(central, "ejecutivo1")
    boss = actor(cache, "supervisor1")
    assignments.reassign_case(cache.unit_of_work(), boss, ReassignCase(case_id, "ejecutivo2"))
    # Meanwhile the case was handed to someone else centrally (the supervisor on another
    # computer): the offline reassignment must not silently override that.
    assignments.reassign_case(
        central.unit_of_work(), actor(central, "supervisor1"), ReassignCase(case_id, "ejecutivo4")
    )
    with pytest.raises(Conflict):  # what the push meets
        assignments.reassign_case(
            central.unit_of_work(), actor(central, "supervisor1"),
            ReassignCase(case_id, "ejecutivo2", current="ejecutivo1"),
        )  # fmt: skip
    report = sync.sync_once(central, cache, "supervisor1")
    assert (report.refused, report.conflicts) == (1, 1)
    [conflict] = conflicts.list_conflicts(cache.unit_of_work())
    assert conflict.fields == ("executive",)
    assert (conflict.mine["executive"], conflict.theirs) == (
        "ejecutivo2",
        {"executive": "ejecutivo4"},
    )
    assert conflict.names == {
        "ejecutivo2": "Carlos Enrique Pérez",
        "ejecutivo4": "Lucía Fernanda Ajú",
    }
    assert executive_of(cache, case_id) == "ejecutivo4"
    conflicts.resolve(cache.unit_of_work, boss, conflict.id, choice)
    final = sync.sync_once(central, cache, "supervisor1")
    assert (final.conflicts, final.pending, final.refused) == (0, 0, 0)
    assert executive_of(central, case_id) == expected
