"""The terms, signatories and notes of a payment agreement as users type them: every field
checked, hostile input refused with the field named and nothing stored, what is kept kept in
canonical form with the defaults filled in, and the live preview. SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from tests.services.agreement_helpers import (
    BY_DISCOUNT,
    create,
    edit,
    in_days,
    info,
    lump_sum,
    store_policy,
    stored,
)
from tests.services.finance_helpers import fresh_case
from tests.services.helpers import actor, audit_count
from vipdesk.core.errors import ValidationError
from vipdesk.core.schedule import schedule_totals
from vipdesk.services import agreements
from vipdesk.services.agreement_dto import AgreementSave, Signatory
from vipdesk.services.agreement_terms import TERM_FIELDS
from vipdesk.storage.uow import Database

# -- terms -----------------------------------------------------------------------------------

HUGE = "1" + "0" * 20
FIELD_INPUT: list[tuple[str, str]] = [
    ("installments", ""),
    ("first_due", ""),
    *[(f, bad) for f in ("discount_amount", "down_payment", "balloon")
      for bad in ("abc", "-5", HUGE, "<b>1</b>", "5 🌵", "9" * 10_000)],
    ("discount_amount", "999,999,999,999.99"),  # more than is owed
    *[(f, bad) for f in ("first_due", "down_payment_date", "offer_valid_until")
      for bad in ("1900-01-01", "2200-01-01", "31/12/2026", "2026-02-30", "<i>x</i>", "🌵",
                  "x" * 10_000)],
    *[(f, bad) for f in ("installments", "grace_periods", "grace_days", "acceleration_days")
      for bad in ("abc", "-1", "1.5", HUGE, "<b>3</b>", "🌵", "9" * 10_000)],
    ("installments", "0"),
    ("installments", "601"),
    ("grace_periods", "12"),  # every instalment
    ("grace_days", "91"),
    ("acceleration_days", "0"),
    *[(f, bad) for f in ("annual_rate", "late_rate")
      for bad in ("abc", "-0.1", "1.5", HUGE, "12%", "<b>0.1</b>", "🌵", "0." + "1" * 10_000)],
    *[(f, bad) for f in ("frequency", "method", "settlement")
      for bad in ("daily", "<script>", "🌵", "x" * 10_000)],
    *[(f, "x" * 10_000) for f in ("bank_account", "credit_number", "jurisdiction")],
    ("bank_account", "línea\nrota"),
    ("credit_number", "nul\x00"),
    ("bogus", "1"),
]  # fmt: skip


@pytest.mark.parametrize(("field", "typed"), FIELD_INPUT)
def test_hostile_terms_name_the_field_and_store_nothing(
    any_database: Database, field: str, typed: str
) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    agreement_id = create(db, case_id, lump_sum(db, case_id, "0.9"))
    current = info(db, case_id, agreement_id)
    # Twelve monthly instalments to play with, a down payment a month before the first.
    base = {**current.terms, "installments": "12", "first_due": in_days(db, 40),
            "down_payment": "100", "down_payment_date": in_days(db, 10)}  # fmt: skip
    edit(db, current, **base)
    current = info(db, case_id, agreement_id)
    before, audits = stored(db, agreement_id), audit_count(db)
    terms = {**current.terms, field: typed}
    command = AgreementSave(case_id, agreement_id, terms, current.signatories, "",
                            agreements.agreement_seen(current))  # fmt: skip
    with pytest.raises(ValidationError) as caught:
        agreements.save_agreement(db.unit_of_work(), actor(db, "ejecutivo1"), command)
    assert {p.field for p in caught.value.problems} == {field}, caught.value.problems
    assert all(p.message for p in caught.value.problems)
    assert stored(db, agreement_id) == before and audit_count(db) == audits
    with pytest.raises(ValidationError):
        agreements.preview_terms(
            db.unit_of_work(), actor(db, "ejecutivo1"), case_id, agreement_id, terms
        )


def test_amounts_that_do_not_fit_what_is_owed(any_database: Database) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    agreement_id = create(db, case_id, lump_sum(db, case_id, "0.9"))
    current = info(db, case_id, agreement_id)
    total = current.breakdown.total

    def problems(**typed: str) -> set[str]:
        with pytest.raises(ValidationError) as caught:
            edit(db, current, **typed)
        return {p.field for p in caught.value.problems}

    assert problems(discount_amount=str(total)) == {"discount_amount"}
    assert problems(discount_amount="0", down_payment=str(total)) == {"down_payment"}
    assert problems(balloon=str(total)) == {"balloon"}
    assert problems(method="bullet", balloon="10") == {"balloon"}
    assert problems(down_payment="10", down_payment_date=in_days(db, 60)) == {"down_payment_date"}
    # A down payment without a date falls a period before the first instalment: not in the past.
    assert problems(down_payment="10", first_due=in_days(db, 5)) == {"down_payment_date"}
    assert stored(db, agreement_id)["terms"] == dict(current.terms)


def test_terms_are_kept_canonical_with_the_defaults_filled(any_database: Database) -> None:
    db = any_database
    store_policy(db, BY_DISCOUNT)
    case_id = fresh_case(db, "company")
    agreement_id = create(db, case_id, lump_sum(db, case_id, "0.9"))
    current = info(db, case_id, agreement_id)
    total = current.breakdown.total
    discount = (total * Decimal("0.30")).quantize(Decimal("0.01"))
    typed = {name: "" for name in TERM_FIELDS}
    typed.update(discount_amount=f" Q {discount:,.2f} ", installments=" 36 ",
                 first_due=in_days(db, 30), annual_rate=" .125 ",
                 bank_account=" <b>Banco</b> 🌵 ", down_payment="2,500.5")  # fmt: skip
    preview = agreements.preview_terms(
        db.unit_of_work(), actor(db, "ejecutivo1"), case_id, agreement_id, typed
    )
    assert stored(db, agreement_id)["terms"] == dict(current.terms)  # a preview saves nothing
    assert preview.required_level == "manager"  # 30 % off, 36 months
    assert len(preview.required_reasons) == 2
    assert preview.breakdown.discount == discount and preview.breakdown.to_pay == total - discount
    edit(db, current, **typed)
    saved = info(db, case_id, agreement_id)
    assert saved.terms == preview.terms
    assert saved.terms["discount_amount"] == format(discount, "f")
    assert saved.terms["annual_rate"] == "0.125" and saved.terms["down_payment"] == "2500.50"
    assert saved.terms["bank_account"] == "<b>Banco</b> 🌵"
    assert {saved.terms[k] for k in ("grace_days", "late_rate", "acceleration_days")} == {
        "5", "0.24", "30"
    }  # fmt: skip
    assert (saved.terms["settlement"], saved.terms["method"]) == ("full", "french")
    assert (saved.terms["credit_number"], saved.terms["jurisdiction"]) == ("", "")
    assert saved.schedule == preview.schedule and saved.breakdown == preview.breakdown
    assert schedule_totals(saved.schedule).principal == saved.breakdown.to_pay
    assert saved.required_level == "manager"
    assert stored(db, agreement_id)["breakdown"]["discount"] == format(discount, "f")


# -- signatories and notes -------------------------------------------------------------------


def _someone(**changes: str) -> Signatory:
    return dataclasses.replace(Signatory("guarantor", "Ana Pérez", "1234567890101", "Fiador"),
                               **changes)  # fmt: skip


@pytest.mark.parametrize(
    ("field", "changes"),
    [
        ("signatories", {"signatories": ()}),
        ("signatories", {"signatories": "keep"}),  # 11 of them
        ("signatories", {"signatories": "no debtor"}),
        ("signatories[1].name", {"signatory": {"name": ""}}),
        ("signatories[1].name", {"signatory": {"name": "n" * 10_000}}),
        ("signatories[1].name", {"signatory": {"name": "a\nb"}}),
        ("signatories[1].id_document", {"signatory": {"id_document": "  "}}),
        ("signatories[1].id_document", {"signatory": {"id_document": "9" * 41}}),
        ("signatories[1].capacity", {"signatory": {"capacity": "c" * 201}}),
        ("signatories[1].role", {"signatory": {"role": "witness"}}),
        ("notes", {"notes": "n" * 4001}),
        ("notes", {"notes": "bell\x07"}),
    ],
)
def test_hostile_signatories_and_notes(
    any_database: Database, field: str, changes: dict[str, object]
) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    agreement_id = create(db, case_id, lump_sum(db, case_id, "0.9"))
    current = info(db, case_id, agreement_id)
    debtor = current.signatories[0]
    signatories: tuple[Signatory, ...] = (debtor, _someone())
    if changes.get("signatories") == "keep":
        signatories = (debtor, *[_someone(name=f"Fiador {i}") for i in range(10)])
    elif changes.get("signatories") == "no debtor":
        signatories = (_someone(),)
    elif "signatories" in changes:
        signatories = ()
    if "signatory" in changes:
        signatories = (debtor, _someone(**changes["signatory"]))  # type: ignore[arg-type]
    before = stored(db, agreement_id)
    with pytest.raises(ValidationError) as caught:
        edit(db, current, signatories=signatories, notes=changes.get("notes", ""))
    assert {p.field for p in caught.value.problems} == {field}
    assert stored(db, agreement_id) == before


def test_signatories_and_notes_are_kept_as_typed(any_database: Database) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    agreement_id = create(db, case_id, lump_sum(db, case_id, "0.9"))
    current = info(db, case_id, agreement_id)
    guarantor = _someone(name=" <b>José</b> Núñez 🌵 ", capacity="")
    edit(db, current, signatories=(current.signatories[0], guarantor),
         notes=" Línea 1\r\nLínea <i>2</i> ")  # fmt: skip
    saved = info(db, case_id, agreement_id)
    assert saved.signatories == (current.signatories[0], _someone(name="<b>José</b> Núñez 🌵",
                                                                  capacity=""))  # fmt: skip
    assert saved.notes == "Línea 1\nLínea <i>2</i>"
