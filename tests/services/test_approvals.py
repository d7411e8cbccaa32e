"""The approval of payment agreements: the policy routes each version to a level, four eyes
on every path (the services called directly, a forged caller, a replay by sync), frozen once
submitted, changes requested and resubmitted, new versions superseding approved ones, what
follows approval, and the queue against its SLA. The admin's settings:
test_approval_settings.py. SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import threading
from datetime import UTC, datetime, time, timedelta
from decimal import Decimal
from uuid import UUID, uuid4
from zoneinfo import ZoneInfo

import pytest

from tests.services.agreement_helpers import (
    BANK,
    BY_DISCOUNT,
    case_status,
    create,
    drafted,
    edit,
    in_days,
    info,
    lump_sum,
    step,
    store_policy,
    stored,
    submitted,
    user_id,
)
from tests.services.finance_helpers import audit_actions, fresh_case
from tests.services.helpers import CacheFor, actor, audit_count
from vipdesk.core.approval import DEFAULT_POLICY, required_approver
from vipdesk.core.catalog import Role
from vipdesk.core.errors import Conflict, NotAllowed, NotFound, ValidationError
from vipdesk.core.sla import BusinessCalendar, sla_state
from vipdesk.services import agreements, approvals, conflicts, sync
from vipdesk.services.agreement_dto import AgreementRevision, AgreementStep, QueueItem
from vipdesk.services.agreement_terms import policy_terms, stored_plan
from vipdesk.services.commands import to_payload
from vipdesk.storage import outbox
from vipdesk.storage.database import create_database_engine
from vipdesk.storage.uow import Database

OWN = "Nobody may decide on an agreement they wrote, changed or submitted."


def _refused(db: Database, case_id: UUID, agreement_id: UUID, username: str) -> str:
    with pytest.raises(NotAllowed) as caught:
        step(db, case_id, agreement_id, "approve", username)
    return caught.value.message


def _queue(db: Database, username: str) -> list[QueueItem]:
    return approvals.approval_queue(db.unit_of_work(), actor(db, username))


# -- who approves -----------------------------------------------------------------------------


def test_the_policy_routes_each_version_to_its_level(any_database: Database) -> None:
    db = any_database
    store_policy(db, BY_DISCOUNT)
    small_case, big_case = fresh_case(db, "company"), fresh_case(db, "individual")
    small = submitted(db, small_case, "0.90")  # 10 % off: a supervisor's
    big = submitted(db, big_case, "0.70")  # 30 % off: a manager's
    assert stored(db, small)["required_level"] == "supervisor"
    assert stored(db, big)["required_level"] == "manager"
    pending = info(db, big_case, big)
    assert pending.required_level == "manager"
    assert [r.message for r in pending.required_reasons] == [
        "Discount 30 % exceeds the supervisor limit of 20 %"
    ]
    [row] = [q for q in _queue(db, "supervisor1") if q.agreement_id == big]
    assert not row.may_approve
    assert row.why_not is not None
    assert (
        row.why_not.message == "This agreement needs a manager or above; you approve as supervisor"
    )
    # One version's right, as the agreement page asks it: the same answer as the queue's.
    right = approvals.decision_right(db.unit_of_work(), actor(db, "supervisor1"), big_case, big)
    assert right is not None and not right and right.reason == row.why_not
    manager = approvals.decision_right(db.unit_of_work(), actor(db, "gerente1"), big_case, big)
    assert manager is not None and manager
    message = _refused(db, big_case, big, "supervisor1")
    assert message == "This agreement needs a manager or above; you approve as supervisor."
    assert stored(db, big)["status"] == "pending"
    assert step(db, big_case, big, "approve", "gerente1") == "approved"
    decided_right = approvals.decision_right(
        db.unit_of_work(), actor(db, "gerente1"), big_case, big
    )
    assert decided_right is None  # no longer waiting for approval
    assert step(db, small_case, small, "approve", "supervisor1") == "approved"
    decided = info(db, big_case, big)
    assert (decided.decided_by_name, decided.required_level) == (
        "Luis Fernando Quiñónez",
        "manager",
    )
    assert [(s.action, s.user_name, s.required_level) for s in decided.steps] == [
        ("submit", "Ana Lucía Morales", "manager"),
        ("approve", "Luis Fernando Quiñónez", "manager"),
    ]
    assert audit_actions(db, big_case)[-2:] == ["agreement.submit", "agreement.approve"]
    assert not decided.editable


def test_the_default_policy_weighs_the_amounts_too(any_database: Database) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    agreement_id = drafted(db, case_id, "0.99")
    current = info(db, case_id, agreement_id)
    plan = stored_plan(current.terms, current.breakdown.total)
    expected = required_approver(policy_terms(plan, current.currency), DEFAULT_POLICY)
    assert current.required_level == expected.level.value
    assert current.required_reasons == tuple(expected.reasons)


# -- four eyes --------------------------------------------------------------------------------


def test_nobody_approves_what_they_wrote_changed_or_submitted(any_database: Database) -> None:
    db = any_database
    store_policy(db, BY_DISCOUNT)
    # Written by a supervisor: that supervisor may not approve it, even at the right level.
    case_id = fresh_case(db, "company")
    theirs = submitted(db, case_id, "0.90", "supervisor1")
    assert _refused(db, case_id, theirs, "supervisor1") == OWN
    assert _refused(db, case_id, theirs, "ejecutivo1") == "Your role does not approve agreements."
    [row] = [q for q in _queue(db, "supervisor1") if q.agreement_id == theirs]
    assert not row.may_approve and row.why_not is not None
    assert row.why_not.message == "Nobody may approve their own agreement"
    assert step(db, case_id, theirs, "approve", "gerente1") == "approved"

    # Written by the executive, submitted by the manager: the manager may not approve it.
    other = fresh_case(db, "individual")
    agreement_id = drafted(db, other, "0.90")
    step(db, other, agreement_id, "submit", "gerente1")
    assert _refused(db, other, agreement_id, "gerente1") == OWN
    # Changed by the supervisor while sent back: the supervisor may not approve it either.
    step(db, other, agreement_id, "request_changes", "supervisor1", "Revise la tasa")
    edit(db, info(db, other, agreement_id), "supervisor1", annual_rate="0.05")
    step(db, other, agreement_id, "submit", "ejecutivo1")
    for username in ("supervisor1", "gerente1", "ejecutivo1"):
        assert _refused(db, other, agreement_id, username) == OWN
    # Nor reject it or send it back.
    with pytest.raises(NotAllowed):
        step(db, other, agreement_id, "reject", "supervisor1", "No")
    assert stored(db, agreement_id)["status"] == "pending"


def test_a_client_that_forges_its_caller_is_still_refused(any_database: Database) -> None:
    db = any_database
    store_policy(db, BY_DISCOUNT)
    case_id = fresh_case(db, "company")
    agreement_id = submitted(db, case_id, "0.90")
    colleague = actor(db, "ejecutivo2")  # same team, never wrote nor touched it
    # The level comes from the user's record, never from what the caller claims.
    forged = dataclasses.replace(colleague, role=Role.SUPERVISOR, username="supervisor1")
    with pytest.raises(NotAllowed):
        approvals.step_agreement(
            db.unit_of_work(), forged, AgreementStep(case_id, agreement_id, "approve")
        )
    # Someone else's supervisor does not see the case at all.
    with pytest.raises(NotFound):
        step(db, case_id, agreement_id, "approve", "supervisor2")
    with pytest.raises(NotAllowed):
        step(db, case_id, agreement_id, "approve", "admin1")  # sees all, approves nothing
    with pytest.raises(ValidationError) as caught:
        step(db, case_id, agreement_id, "supersede", "supervisor1")
    assert [p.field for p in caught.value.problems] == ["action"]
    assert stored(db, agreement_id)["status"] == "pending"


# -- the life of a version --------------------------------------------------------------------


def test_frozen_once_submitted_then_sent_back_changed_and_resubmitted(
    any_database: Database,
) -> None:
    db = any_database
    store_policy(db, BY_DISCOUNT)
    case_id = fresh_case(db, "company")
    agreement_id = drafted(db, case_id, "0.95")
    before_submit = info(db, case_id, agreement_id)
    step(db, case_id, agreement_id, "submit", "ejecutivo1")
    frozen = info(db, case_id, agreement_id)
    assert not frozen.editable and frozen.submitted_at is not None
    with pytest.raises(NotAllowed):
        edit(db, frozen, notes="Un cambio tardío")
    with pytest.raises(NotAllowed):
        step(db, case_id, agreement_id, "submit", "ejecutivo1")  # twice
    for action in ("request_changes", "reject"):
        for comment in ("", "   ", "c" * 2001):
            with pytest.raises(ValidationError) as caught:
                step(db, case_id, agreement_id, action, "supervisor1", comment)
            assert [p.field for p in caught.value.problems] == ["comment"]
    audits = audit_count(db)
    assert step(db, case_id, agreement_id, "request_changes", "supervisor1", "Baje la quita") == (
        "changes_requested"
    )
    back = info(db, case_id, agreement_id)
    assert back.editable and back.steps[-1].comment == "Baje la quita"
    edit(db, back, discount_amount="0")
    assert step(db, case_id, agreement_id, "submit", "ejecutivo1") == "pending"
    assert step(db, case_id, agreement_id, "approve", "supervisor1") == "approved"
    final = info(db, case_id, agreement_id)
    assert final.breakdown.discount == 0 and final.terms != before_submit.terms
    assert [s.action for s in final.steps] == ["submit", "request_changes", "submit", "approve"]
    assert audit_count(db) == audits + 4


def test_a_change_to_what_was_approved_is_a_new_version(any_database: Database) -> None:
    db = any_database
    store_policy(db, BY_DISCOUNT)
    case_id = fresh_case(db, "company")
    first = submitted(db, case_id, "0.95")
    draft = fresh_case(db, "individual")
    with pytest.raises(NotAllowed):  # a draft is edited, not revised
        _revise(db, draft, drafted(db, draft))
    with pytest.raises(NotAllowed):  # nor a pending version
        _revise(db, case_id, first)
    step(db, case_id, first, "approve", "supervisor1")
    second = _revise(db, case_id, first)
    v2 = info(db, case_id, second)
    v1 = info(db, case_id, first)
    assert (v2.version, v2.status, v2.number, v2.series_id) == (2, "draft", v1.number, v1.series_id)
    assert (v2.terms, v2.signatories, v2.breakdown) == (v1.terms, v1.signatories, v1.breakdown)
    assert v2.editable and v2.steps == () and v1.status == "approved"
    with pytest.raises(NotAllowed):  # one open version per agreement
        _revise(db, case_id, first)
    edit(db, v2, installments="6", first_due=in_days(db, 30))
    step(db, case_id, second, "submit", "ejecutivo1")
    assert step(db, case_id, second, "approve", "supervisor1") == "approved"
    assert stored(db, first)["status"] == "superseded"
    assert [s.action for s in info(db, case_id, first).steps][-1] == "supersede"
    summaries = agreements.agreements_of(db.unit_of_work(), actor(db, "ejecutivo1"), case_id)
    assert [(s.version, s.status) for s in summaries] == [(2, "approved"), (1, "superseded")]


def _revise(db: Database, case_id: UUID, agreement_id: UUID) -> UUID:
    command = AgreementRevision(case_id, agreement_id, uuid4())
    return agreements.revise_agreement(db.unit_of_work(), actor(db, "ejecutivo1"), command)


def test_signed_kept_and_broken_agreements_move_the_case(any_database: Database) -> None:
    db = any_database
    store_policy(db, BY_DISCOUNT)
    case_id = fresh_case(db, "company")
    agreement_id = submitted(db, case_id)
    with pytest.raises(NotAllowed):
        step(db, case_id, agreement_id, "activate", "ejecutivo1")  # not approved yet
    step(db, case_id, agreement_id, "approve", "supervisor1")
    with pytest.raises(NotAllowed):
        step(db, case_id, agreement_id, "activate", "admin1")
    assert step(db, case_id, agreement_id, "activate", "ejecutivo1") == "active"
    assert case_status(db, case_id) == "agreement"
    assert step(db, case_id, agreement_id, "break", "ejecutivo1", "Dejó de pagar") == "broken"
    assert case_status(db, case_id) == "negotiating"
    # A rejected version may be revised; a new one approved, signed and paid.
    other = fresh_case(db, "individual")
    rejected = submitted(db, other)
    assert step(db, other, rejected, "reject", "supervisor1", "Quita excesiva") == "rejected"
    second = _revise(db, other, rejected)
    step(db, other, second, "submit", "ejecutivo1")
    step(db, other, second, "approve", "gerente1")
    step(db, other, second, "activate", "supervisor1")
    assert step(db, other, second, "complete", "ejecutivo1") == "completed"
    assert stored(db, rejected)["status"] == "rejected"  # never in force: not superseded


def test_submitting_needs_complete_terms_and_one_pending_version_per_case(
    any_database: Database,
) -> None:
    db = any_database
    store_policy(db, BY_DISCOUNT)
    case_id = fresh_case(db, "company")
    agreement_id = create(db, case_id, lump_sum(db, case_id, "0.9"))
    current = info(db, case_id, agreement_id)
    edit(db, current, credit_number="", jurisdiction="")
    with pytest.raises(ValidationError) as caught:
        step(db, case_id, agreement_id, "submit", "ejecutivo1")
    fields = {p.field for p in caught.value.problems}
    assert fields == {"bank_account", "credit_number", "jurisdiction"}
    assert stored(db, agreement_id)["status"] == "draft"
    # A second agreement of the case drafted meanwhile waits for the first to be decided.
    edit(db, info(db, case_id, agreement_id), bank_account=BANK, credit_number="GT-1",
         jurisdiction="los tribunales de Mixco")  # fmt: skip
    other = create(db, case_id, lump_sum(db, case_id, "0.8"))
    edit(db, info(db, case_id, other), bank_account=BANK)
    step(db, case_id, agreement_id, "submit", "ejecutivo1")
    with pytest.raises(NotAllowed):
        step(db, case_id, other, "submit", "ejecutivo1")
    # Dates that have passed since the draft was saved are named at submission.
    later = Database(db.engine, clock=lambda: datetime.now(UTC) + timedelta(days=60))
    step(db, case_id, agreement_id, "reject", "supervisor1", "No")
    with pytest.raises(ValidationError) as caught:
        step(later, case_id, other, "submit", "ejecutivo1")
    assert {p.field for p in caught.value.problems} == {"first_due"}


# -- the queue -----------------------------------------------------------------------------------


def _monday_nine(weeks_ahead: int = 1) -> datetime:
    zone = ZoneInfo("America/Guatemala")
    today = datetime.now(zone).date()
    monday = today + timedelta(days=7 * weeks_ahead - today.weekday())
    return datetime.combine(monday, time(9), tzinfo=zone)


def test_the_queue_shows_overdue_requests_first(any_database: Database) -> None:
    db = any_database
    store_policy(db, BY_DISCOUNT)
    monday = _monday_nine()

    def at(moment: datetime) -> Database:
        return Database(db.engine, clock=lambda: moment)

    segments = ["company", "individual", "company"]
    moments = [monday + timedelta(days=2, hours=1), monday, monday + timedelta(hours=6)]
    made: dict[datetime, UUID] = {}
    cases: list[UUID] = []
    for segment, moment in zip(segments, moments, strict=True):  # Wednesday's first
        cases.append(fresh_case(db, segment))
        made[moment] = submitted(at(moment), cases[-1], "0.90")
    now = monday + timedelta(days=3, hours=3, minutes=30)  # Thursday 12:30
    queue = _queue(at(now), "supervisor1")
    ours = [q for q in queue if q.agreement_id in made.values()]
    # Monday 9:00 waited 30.5 business hours and Monday 15:00 24.5 (both past the 24-hour
    # SLA, the longer first); Wednesday 10:00, 11.5.
    assert [q.agreement_id for q in ours] == [made[monday], made[moments[2]], made[moments[0]]]
    assert [q.waited_hours for q in ours] == [Decimal("30.50"), Decimal("24.50"), Decimal("11.50")]
    assert [q.overdue for q in ours] == [True, True, False]
    calendar = BusinessCalendar()
    for item in ours:
        state = sla_state(item.submitted_at, now, 24, calendar)
        assert (item.due_at, item.overdue) == (state.due_at, state.overdue)
        assert item.may_approve and item.why_not is None and item.required_level == "supervisor"
        assert item.executive_name == "Ana Lucía Morales" and item.debtor_name
        assert item.discount_pct == Decimal("0.1000") and item.term_months == 1
        assert item.to_pay == item.total - (item.total - item.to_pay) < item.total
    assert [q for q in _queue(at(now), "supervisor2") if q.agreement_id in made.values()] == []
    everyone = [q for q in _queue(at(now), "admin1") if q.agreement_id in made.values()]
    assert len(everyone) == 3 and not any(q.may_approve for q in everyone)
    mine = [q for q in _queue(at(now), "ejecutivo1") if q.agreement_id in made.values()]
    assert len(mine) == 3 and all(q.why_not for q in mine)
    # Decided requests leave the queue.
    step(at(now), cases[1], made[monday], "approve", "supervisor1")
    left = [q.agreement_id for q in _queue(at(now), "supervisor1")]
    assert made[monday] not in left and made[moments[0]] in left


# -- offline -----------------------------------------------------------------------------------


def test_an_approval_made_offline_is_checked_again_centrally(
    any_database: Database, cache_for: CacheFor
) -> None:
    central = any_database
    case_id = fresh_case(central, "company")
    agreement_id = submitted(central, case_id, "0.90", "supervisor1")
    boss = cache_for("supervisor1")
    manager = cache_for("gerente1")
    # A client that skips the services' checks puts its author's approval in the outbox.
    with boss.unit_of_work() as uow:
        command = AgreementStep(case_id, agreement_id, "approve", id=uuid4(),
                                recorded_at=datetime.now(UTC))  # fmt: skip
        outbox.append(uow.session, command.id, approvals.STEP, to_payload(command))  # type: ignore[arg-type]
        uow.commit()
    report = sync.sync_once(central, boss, "supervisor1")
    assert (report.pushed, report.refused) == (0, 1)
    [conflict] = conflicts.list_conflicts(boss.unit_of_work())
    assert conflict.kind == approvals.STEP and conflict.fields == ()
    assert conflict.reason(lambda _c, text: text) == OWN
    assert stored(central, agreement_id)["status"] == "pending"
    assert stored(boss, agreement_id)["status"] == "pending"
    # The manager approves on their laptop: queued, then accepted centrally.
    assert step(manager, case_id, agreement_id, "approve", "gerente1") == "approved"
    assert sync.status(manager).pending == 1
    assert sync.sync_once(central, manager, "gerente1").pushed == 1
    there = stored(central, agreement_id)
    assert (there["status"], there["decided_by"]) == ("approved", user_id(central, "gerente1"))
    sync.sync_once(central, boss, "supervisor1")
    assert info(boss, case_id, agreement_id, "supervisor1") == info(
        central, case_id, agreement_id, "supervisor1"
    )


@pytest.mark.postgres
def test_two_approvers_at_once_decide_once(pg_demo_url: str) -> None:
    db = Database(create_database_engine(pg_demo_url))
    try:
        store_policy(db, BY_DISCOUNT)
        case_id = fresh_case(db, "company")
        agreement_id = submitted(db, case_id, "0.90")
        deciders = {name: actor(db, name) for name in ("supervisor1", "gerente1")}
        start = threading.Barrier(len(deciders))
        outcomes: dict[str, object] = {}

        def decide(username: str) -> None:
            command = AgreementStep(case_id, agreement_id, "approve")
            start.wait()
            try:
                outcomes[username] = approvals.step_agreement(
                    db.unit_of_work(), deciders[username], command
                )
            except (NotAllowed, Conflict) as refused:  # the other one was first
                outcomes[username] = refused

        threads = [threading.Thread(target=decide, args=(name,)) for name in deciders]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert len(outcomes) == 2 and list(outcomes.values()).count("approved") == 1
        [winner] = [name for name, outcome in outcomes.items() if outcome == "approved"]
        decided = info(db, case_id, agreement_id)
        assert [s.action for s in decided.steps] == ["submit", "approve"]
        assert stored(db, agreement_id)["decided_by"] == user_id(db, winner)
    finally:
        db.dispose()
