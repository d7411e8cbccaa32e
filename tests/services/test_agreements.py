"""Payment agreements made from a settlement scenario: the debt recognised by component, the
terms it brings, the schedule and the approver the policy asks, the signatories; creations
refused, who may, applied once, conflicts, and offline work synced. Typed input:
test_agreement_input.py. SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from uuid import uuid4

import pytest
from sqlalchemy import select

from tests.services.agreement_helpers import (
    BANK,
    case_numbered,
    create,
    debtor_of,
    drafted,
    edit,
    exposure,
    in_days,
    info,
    lump_sum,
    mexican_company,
    plan,
    step,
    stored,
)
from tests.services.finance_helpers import audit_actions, count, fresh_case
from tests.services.helpers import CacheFor, actor, audit_count
from vipdesk.core.approval import DEFAULT_POLICY, required_approver
from vipdesk.core.errors import Conflict, NotAllowed, NotFound, ValidationError
from vipdesk.core.schedule import schedule_totals
from vipdesk.services import agreements, conflicts, scenarios, sync
from vipdesk.services.agreement_dto import AgreementCreate, AgreementSave
from vipdesk.services.agreement_terms import TERM_FIELDS, policy_terms, stored_plan
from vipdesk.services.finance_dto import ScenarioSave
from vipdesk.storage.models import Agreement, Obligation, SettlementScenario
from vipdesk.storage.uow import Database

# -- made from a scenario ----------------------------------------------------------------------


def test_an_agreement_from_a_scenario_of_vip_000157(any_database: Database) -> None:
    db = any_database
    case_id = case_numbered(db, "VIP-000157")  # ejecutivo1's individual case in quetzales
    with db.unit_of_work() as uow:
        owed = [
            o
            for o in uow.session.scalars(select(Obligation).where(Obligation.case_id == case_id))
            if o.currency == "GTQ"
        ]
        components = [
            sum((getattr(o, c) for o in owed), Decimal("0.00"))
            for c in ("principal", "ordinary_interest", "default_interest", "fees")
        ]
        account = max(owed, key=lambda o: o.total).account_number
        [(scenario_id, financed)] = [
            (s.id, Decimal(s.terms["financed"]))
            for s in uow.session.scalars(
                select(SettlementScenario).where(SettlementScenario.case_id == case_id)
            )
            if s.kind == "installment_plan"
        ]
    person = debtor_of(db, case_id)
    audits = audit_count(db)
    agreement_id = create(db, case_id, scenario_id)
    made = info(db, case_id, agreement_id)
    assert (made.number, made.version, made.status) == ("CV-VIP-000157-1", 1, "draft")
    assert (made.series_id, made.currency, made.author_name) == (
        agreement_id,
        "GTQ",
        "Ana Lucía Morales",
    )
    b = made.breakdown
    assert [b.principal, b.interest, b.default_interest, b.fees] == components
    assert b.total == sum(components) == exposure(db, case_id)
    assert (b.discount, b.to_pay) == (b.total - financed, financed)
    assert b.discount_pct == (b.discount / b.total).quantize(Decimal("0.0001"))
    # The schedule repays exactly what is to pay, the down payment first.
    assert made.schedule[0].number == 0
    assert schedule_totals(made.schedule).principal == b.to_pay
    assert made.terms["credit_number"] == account
    assert made.terms["jurisdiction"] == "los tribunales de la Ciudad de Guatemala"
    assert made.terms["bank_account"] == "" and set(made.terms) == set(TERM_FIELDS)
    # The default policy: under 4 % off over 24 months, about Q 127,000 forgiven: all within
    # a supervisor's limits, so nothing to explain.
    plan_now = stored_plan(made.terms, b.total)
    decision = required_approver(policy_terms(plan_now, "GTQ"), DEFAULT_POLICY)
    assert made.required_level == decision.level.value == "supervisor"
    assert made.required_reasons == tuple(decision.reasons) == ()
    # A person signs with their identity document; no legal representative signs for them.
    first, *others = made.signatories
    assert person.segment == "individual" and person.id_document
    assert (first.role, first.name, first.id_document) == (
        "debtor",
        person.name,
        person.id_document,
    )
    assert all(s.name and s.id_document for s in others)
    assert "legal_representative" not in {s.role for s in others}
    assert made.editable and made.steps == ()
    for username in ("supervisor1", "gerente1"):  # the team's supervisors may edit it too
        assert info(db, case_id, agreement_id, username).editable
    assert not info(db, case_id, agreement_id, "admin1").editable
    for username in ("ejecutivo3", "supervisor2"):  # the other team does not see it
        with pytest.raises(NotFound):
            info(db, case_id, agreement_id, username)
    assert audit_count(db) == audits + 1
    assert audit_actions(db, case_id)[-1] == "agreement.created"
    summaries = agreements.agreements_of(db.unit_of_work(), actor(db, "ejecutivo1"), case_id)
    assert [(s.id, s.to_pay, s.discount_pct) for s in summaries] == [
        (agreement_id, b.to_pay, b.discount_pct)
    ]


def test_an_agreement_in_pesos_for_a_mexican_company(any_database: Database) -> None:
    db = any_database
    case_id = mexican_company(db)
    total = exposure(db, case_id, "ejecutivo3")
    forgiven = Decimal("1200000.00")
    financed = total - forgiven
    typed = {"financed": str(financed), "installments": "12"}
    agreement_id = create(db, case_id, plan(db, case_id, typed, "ejecutivo3"), "ejecutivo3")
    made = info(db, case_id, agreement_id, "ejecutivo3")
    assert (made.currency, made.author_name, made.status) == (
        "MXN",
        "Jorge Ramírez Ortega",
        "draft",
    )
    b = made.breakdown
    assert (b.total, b.discount, b.to_pay) == (total, forgiven, financed)
    assert b.discount_pct < Decimal("0.20")
    assert schedule_totals(made.schedule).principal == financed
    assert made.terms["jurisdiction"] == "los tribunales competentes de la Ciudad de México"
    # The default policy: a small discount and a short term, but more than a million pesos
    # forgiven: a manager's, and the reason says so in pesos.
    assert made.required_level == "manager"
    assert [r.message for r in made.required_reasons] == [
        "Amount forgiven $ 1,200,000.00 exceeds the supervisor limit of $ 1,000,000.00"
    ]
    # A company signs with its tax id, its legal representative on its behalf.
    company = debtor_of(db, case_id)
    first, *others = made.signatories
    assert (first.role, first.name, first.id_document) == ("debtor", company.name, company.tax_id)
    representatives = [s for s in others if s.role == "legal_representative"]
    assert representatives and all(s.name and s.id_document for s in others)
    assert all(s.capacity.endswith(f" de {company.name}") for s in representatives)
    assert info(db, case_id, agreement_id, "supervisor2").editable
    for username in ("ejecutivo1", "supervisor1", "gerente1"):  # the other team
        with pytest.raises(NotFound):
            info(db, case_id, agreement_id, username)


def test_a_lump_sum_and_an_instalment_plan_from_fresh_cases(any_database: Database) -> None:
    db = any_database
    company = fresh_case(db, "company")
    owed = exposure(db, company)
    lump = lump_sum(db, company, "0.80", days=45)
    made = info(db, company, create(db, company, lump))
    # One instalment on the date of payment; what it does not pay is the discount.
    [row] = made.schedule
    assert (row.number, row.due_date.isoformat(), row.interest) == (1, in_days(db, 45), Decimal(0))
    amount = (owed * Decimal("0.80")).quantize(Decimal("0.01"))
    assert (row.payment, made.breakdown.to_pay, made.breakdown.discount) == (
        amount,
        amount,
        owed - amount,
    )
    assert made.terms["jurisdiction"] == "los tribunales de la Ciudad de Guatemala"
    assert made.number.startswith("CV-VIP-") and made.number.endswith("-1")
    representatives = [s for s in made.signatories if s.role == "legal_representative"]
    for signatory in representatives:
        assert signatory.capacity.endswith(f" de {made.signatories[0].name}")

    person = fresh_case(db, "individual")
    total = exposure(db, person)
    financed = (total * Decimal("0.95")).quantize(Decimal("0.01"))
    typed = {"financed": str(financed), "down_payment": "1,000", "installments": "18",
             "frequency": "quarterly", "method": "german", "grace_periods": "2"}  # fmt: skip
    made = info(db, person, create(db, person, plan(db, person, typed)))
    assert made.terms["installments"] == "18" and made.terms["method"] == "german"
    assert (made.terms["frequency"], made.terms["grace_periods"]) == ("quarterly", "2")
    assert made.breakdown.to_pay == financed and made.breakdown.discount == total - financed
    assert [r.number for r in made.schedule] == list(range(19))
    assert schedule_totals(made.schedule).principal == financed
    assert made.schedule[1].principal == made.schedule[2].principal == 0  # the grace
    assert [s.role for s in made.signatories if s.role == "legal_representative"] == []
    assert made.signatories[0].role == "debtor" and made.signatories[0].id_document


def test_a_payment_in_kind_is_one_instalment_with_a_note(any_database: Database) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    appraised = (exposure(db, case_id) * Decimal("0.70")).quantize(Decimal("0.01"))
    command = ScenarioSave(
        case_id, uuid4(), "Dación", "payment_in_kind",
        {"asset_description": "Bodega en zona 12", "appraised_value": str(appraised),
         "forced_sale_haircut": "0.3", "transfer_on": in_days(db, 60)},
    )  # fmt: skip
    scenario_id = scenarios.save_scenario(db.unit_of_work(), actor(db, "ejecutivo1"), command)
    made = info(db, case_id, create(db, case_id, scenario_id))
    assert made.breakdown.to_pay == appraised and len(made.schedule) == 1
    assert made.notes.startswith("Dación en pago: Bodega en zona 12, valor de avalúo ")


# -- refused creations -------------------------------------------------------------------------


def test_creations_that_cannot_be(any_database: Database) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    other = fresh_case(db, "individual")
    theirs = lump_sum(db, other, "0.9")
    with pytest.raises(NotFound):
        create(db, case_id, theirs)  # another case's scenario
    with pytest.raises(NotFound):
        create(db, case_id, uuid4())
    # Nothing owed any more: the agreement has nothing to settle.
    scenario_id = lump_sum(db, case_id, "0.9")
    with db.unit_of_work() as uow:
        for o in uow.session.scalars(select(Obligation).where(Obligation.case_id == case_id)):
            o.principal = o.ordinary_interest = o.default_interest = o.fees = Decimal("0.00")
        uow.commit()
    with pytest.raises(ValidationError) as caught:
        create(db, case_id, scenario_id)
    assert [p.field for p in caught.value.problems] == ["scenario_id"]
    # One version of a case waiting for approval at a time.
    first = drafted(db, other)
    step(db, other, first, "submit", "ejecutivo1")
    with pytest.raises(NotAllowed):
        create(db, other, theirs)
    # Terms no longer valid (the date of payment is past): edit the scenario first.
    stale = fresh_case(db, "company")
    old = lump_sum(db, stale, "0.9", days=3)
    later = Database(db.engine, clock=lambda: db.clock() + timedelta(days=10))
    with pytest.raises(ValidationError) as caught:
        create(later, stale, old)
    assert [p.field for p in caught.value.problems] == ["scenario_id"]
    assert count(db, Agreement, case_id=case_id) == count(db, Agreement, case_id=stale) == 0
    assert count(db, Agreement, case_id=other) == 1


def test_only_who_works_the_case_makes_and_edits_agreements(any_database: Database) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    scenario_id = lump_sum(db, case_id, "0.9")
    for username, refusal in (("ejecutivo2", NotFound), ("admin1", NotAllowed)):
        with pytest.raises(refusal):
            create(db, case_id, scenario_id, username)
    made = create(db, case_id, scenario_id, "supervisor1")  # the team's supervisor may
    current = info(db, case_id, made)
    assert current.author_name == "María José Castillo" and current.editable
    for username, refusal in (("ejecutivo2", NotFound), ("admin1", NotAllowed)):
        with pytest.raises(refusal):
            edit(db, current, username, notes="Mío")
    with pytest.raises(NotFound):
        info(db, case_id, made, "ejecutivo3")
    assert info(db, case_id, made, "admin1").editable is False


def test_a_command_is_applied_once(any_database: Database) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    command = AgreementCreate(case_id, uuid4(), lump_sum(db, case_id, "0.9"), id=uuid4())
    audits = audit_count(db)
    for _ in range(2):
        agreements.create_agreement(db.unit_of_work(), actor(db, "ejecutivo1"), command)
    current = info(db, case_id, command.agreement_id)
    save = AgreementSave(case_id, current.id, {**current.terms, "bank_account": BANK},
                         current.signatories, "Una vez", agreements.agreement_seen(current),
                         id=uuid4())  # fmt: skip
    for _ in range(2):
        agreements.save_agreement(db.unit_of_work(), actor(db, "ejecutivo1"), save)
    assert audit_count(db) == audits + 2 and count(db, Agreement, case_id=case_id) == 1
    assert stored(db, command.agreement_id)["notes"] == "Una vez"


# -- conflicts -------------------------------------------------------------------------------


def test_an_edit_based_on_stale_values_is_a_conflict(any_database: Database) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    agreement_id = create(db, case_id, lump_sum(db, case_id, "0.9"))
    seen = info(db, case_id, agreement_id)
    edit(db, seen, "supervisor1", bank_account=BANK)
    with pytest.raises(Conflict) as caught:
        edit(db, seen, notes="Mío")
    assert caught.value.theirs["bank_account"] == BANK
    assert caught.value.theirs["notes"] == ""
    assert stored(db, agreement_id)["notes"] == ""
    stale = AgreementSave(case_id, agreement_id, dict(seen.terms), seen.signatories, "x", None)
    with pytest.raises(Conflict):
        agreements.save_agreement(db.unit_of_work(), actor(db, "ejecutivo1"), stale)
    other = fresh_case(db, "individual")
    with pytest.raises(NotFound):  # another case's agreement
        agreements.agreement(db.unit_of_work(), actor(db, "ejecutivo1"), other, agreement_id)


# -- offline ---------------------------------------------------------------------------------


def test_agreements_made_offline_reach_the_central_database(
    any_database: Database, cache_for: CacheFor
) -> None:
    central = any_database
    case_id = fresh_case(central, "company")
    scenario_id = lump_sum(central, case_id, "0.9")
    cache = cache_for("ejecutivo1")
    agreement_id = create(cache, case_id, scenario_id)
    edit(cache, info(cache, case_id, agreement_id), bank_account=BANK, notes="Sin conexión")
    assert step(cache, case_id, agreement_id, "submit", "ejecutivo1") == "pending"
    assert sync.status(cache).pending == 3
    report = sync.sync_once(central, cache, "ejecutivo1")
    assert (report.pushed, report.refused, report.pending) == (3, 0, 0)
    there = info(central, case_id, agreement_id)
    assert (there.status, there.notes, there.terms["bank_account"]) == (
        "pending",
        "Sin conexión",
        BANK,
    )
    assert [s.action for s in there.steps] == ["submit"]
    assert info(cache, case_id, agreement_id) == there


def test_a_draft_edited_on_both_sides_is_settled(
    any_database: Database, cache_for: CacheFor
) -> None:
    central = any_database
    case_id = fresh_case(central, "company")
    agreement_id = create(central, case_id, lump_sum(central, case_id, "0.9"))
    cache = cache_for("ejecutivo1")
    mine = info(cache, case_id, agreement_id)
    edit(cache, mine, notes="Mía", grace_days="10")
    edit(central, info(central, case_id, agreement_id), "supervisor1", bank_account=BANK)
    assert sync.sync_once(central, cache, "ejecutivo1").refused == 1
    [conflict] = conflicts.list_conflicts(cache.unit_of_work())
    assert conflict.kind == agreements.SAVE
    assert {"notes", "grace_days", "bank_account", "signatories"} <= set(conflict.fields)
    assert conflict.theirs is not None
    assert (conflict.mine["grace_days"], conflict.theirs["grace_days"]) == ("10", "5")
    assert (conflict.mine["bank_account"], conflict.theirs["bank_account"]) == ("", BANK)
    chosen = {**conflict.theirs, "notes": "Mía", "grace_days": "10"}
    conflicts.resolve(cache.unit_of_work, actor(cache, "ejecutivo1"), conflict.id, "merge", chosen)
    assert sync.sync_once(central, cache, "ejecutivo1").pushed == 1
    final = info(central, case_id, agreement_id)
    assert (final.notes, final.terms["grace_days"], final.terms["bank_account"]) == (
        "Mía",
        "10",
        BANK,
    )
    assert final.signatories == mine.signatories
