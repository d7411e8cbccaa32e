"""The approval settings an admin keeps: the policy that routes agreements to a level and the
SLA of the approval queue; validated, admin only, audited, used at once by the routing and the
queue, and saved offline like any other change. SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from tests.services.agreement_helpers import BY_DISCOUNT, drafted, info, step
from tests.services.finance_helpers import fresh_case
from tests.services.helpers import CacheFor, actor, audit_count
from vipdesk.core.approval import DEFAULT_POLICY, policy_to_mapping
from vipdesk.core.errors import NotAllowed, ValidationError
from vipdesk.core.sla import BusinessCalendar, due_at
from vipdesk.services import approval_settings, approvals, sync
from vipdesk.services.agreement_dto import ApprovalSettingsSave
from vipdesk.storage.uow import Database


def _settings(policy: object, sla: str) -> ApprovalSettingsSave:
    return ApprovalSettingsSave(policy, sla)  # type: ignore[arg-type]


def test_admin_settings_route_and_time_the_queue(any_database: Database) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    agreement_id = drafted(db, case_id, "0.90")
    strict = policy_to_mapping(BY_DISCOUNT)
    strict["tiers"][0]["max_discount_pct"] = "0.05"  # 10 % off now needs a manager
    audits = audit_count(db)
    saved = approval_settings.save_approval_settings(
        db.unit_of_work(), actor(db, "admin1"), _settings(strict, " 4 ")
    )
    assert saved.sla_hours == 4 and saved.policy == strict
    read = approval_settings.approval_settings(db.unit_of_work(), actor(db, "ejecutivo1"))
    assert (read.policy, read.sla_hours) == (strict, 4)
    assert audit_count(db) == audits + 1
    assert info(db, case_id, agreement_id).required_level == "manager"
    step(db, case_id, agreement_id, "submit", "ejecutivo1")
    [item] = [
        q
        for q in approvals.approval_queue(db.unit_of_work(), actor(db, "supervisor1"))
        if q.agreement_id == agreement_id
    ]
    assert item.required_level == "manager" and not item.may_approve
    assert item.due_at == due_at(item.submitted_at, 4, BusinessCalendar())


@pytest.mark.parametrize(
    ("username", "changes", "fields"),
    [
        ("supervisor1", {}, None),
        ("gerente1", {}, None),
        ("ejecutivo1", {}, None),
        ("admin1", {"sla": "0"}, {"sla_hours"}),
        ("admin1", {"sla": "721"}, {"sla_hours"}),
        ("admin1", {"sla": "1.5"}, {"sla_hours"}),
        ("admin1", {"sla": "<b>4</b>"}, {"sla_hours"}),
        ("admin1", {"sla": "9" * 10_000}, {"sla_hours"}),
        ("admin1", {"pct": "1.5"}, {"tiers[0].max_discount_pct"}),
        ("admin1", {"pct": 0.1}, {"tiers[0].max_discount_pct"}),
        ("admin1", {"pct": "🌵", "sla": ""}, {"tiers[0].max_discount_pct", "sla_hours"}),
        ("admin1", {"level": "owner"}, {"tiers[0].level"}),
        ("admin1", {"tiers": []}, {"tiers"}),
        ("admin1", {"tiers": "x" * 10_000}, {"tiers"}),
    ],
)
def test_hostile_or_unauthorised_settings_change_nothing(
    any_database: Database, username: str, changes: dict[str, object], fields: set[str] | None
) -> None:
    db = any_database
    policy = policy_to_mapping(DEFAULT_POLICY)
    if "pct" in changes:
        policy["tiers"][0]["max_discount_pct"] = changes["pct"]
    if "level" in changes:
        policy["tiers"][0]["level"] = changes["level"]
    if "tiers" in changes:
        policy["tiers"] = changes["tiers"]
    command = _settings(policy, str(changes.get("sla", "24")))
    audits = audit_count(db)
    if fields is None:
        with pytest.raises(NotAllowed):
            approval_settings.save_approval_settings(
                db.unit_of_work(), actor(db, username), command
            )
    else:
        with pytest.raises(ValidationError) as caught:
            approval_settings.save_approval_settings(
                db.unit_of_work(), actor(db, username), command
            )
        assert {p.field for p in caught.value.problems} == fields
    current = approval_settings.approval_settings(db.unit_of_work(), actor(db, "admin1"))
    assert (current.policy, current.sla_hours) == (policy_to_mapping(DEFAULT_POLICY), 24)
    assert audit_count(db) == audits


def test_settings_saved_offline_reach_the_central_database(
    any_database: Database, cache_for: CacheFor
) -> None:
    central = any_database
    cache = cache_for("admin1")
    policy = policy_to_mapping(DEFAULT_POLICY)
    approval_settings.save_approval_settings(
        cache.unit_of_work(), actor(cache, "admin1"), _settings(policy, "36")
    )
    assert sync.sync_once(central, cache, "admin1").pushed == 1
    read = approval_settings.approval_settings(central.unit_of_work(), actor(central, "admin1"))
    assert read.sla_hours == 36
