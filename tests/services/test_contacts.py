"""A debtor's contacts: validated, authorised, audited, one preferred per kind, applied once,
queued on a cache and replayed by sync, conflicts surfaced. SQLite and PostgreSQL."""

from __future__ import annotations

from uuid import UUID, uuid4

import pytest
from sqlalchemy import func, select

from tests.services.helpers import CacheFor, actor, audit_count, first_case_of
from vipdesk.core.errors import Conflict, NotFound, ValidationError
from vipdesk.services import cases, conflicts, contacts, sync
from vipdesk.services.dto import Actor, ContactInfo, ContactRemoval, ContactSave
from vipdesk.storage.models import Case, DebtorContact, SyncConflict
from vipdesk.storage.uow import Database


def _debtor_of(db: Database, username: str = "ejecutivo1") -> UUID:
    case_id = first_case_of(db, username)
    return cases.case_detail(db.unit_of_work(), actor(db, username), case_id).debtor_id


def _contacts(db: Database, debtor_id: UUID) -> list[ContactInfo]:
    return contacts.contacts_of(db.unit_of_work(), actor(db, "ejecutivo1"), debtor_id)


def _phone(debtor_id: UUID, value: str = "+502 5555-1234", **changes: object) -> ContactSave:
    fields: dict[str, object] = {
        "debtor_id": debtor_id,
        "contact_id": uuid4(),
        "kind": "phone",
        "label": "Celular",
        "value": value,
        "preferred": False,
        "best_hours": "9:00–12:00",
    }
    fields.update(changes)
    return ContactSave(**fields)  # type: ignore[arg-type]


def _change_seq(db: Database, debtor_id: UUID) -> list[int]:
    with db.unit_of_work() as uow:
        return list(uow.session.scalars(select(Case.change_seq).where(Case.debtor_id == debtor_id)))


def test_a_new_contact_is_stored_audited_and_its_cases_marked_for_sync(
    any_database: Database,
) -> None:
    db = any_database
    debtor_id = _debtor_of(db)
    before, audits, seqs = (
        len(_contacts(db, debtor_id)),
        audit_count(db),
        _change_seq(db, debtor_id),
    )
    command = _phone(debtor_id, " (502) 2222-3333 ", label=" Oficina <b>x</b> 📞 ")
    saved = contacts.save_contact(db.unit_of_work(), actor(db, "ejecutivo1"), command)
    assert saved == command.contact_id
    stored = contacts.contact_info(db.unit_of_work(), actor(db, "ejecutivo1"), debtor_id, saved)
    # Markup and emoji are just text; surrounding blanks are not kept.
    assert (stored.kind, stored.label, stored.value) == (
        "phone",
        "Oficina <b>x</b> 📞",
        "(502) 2222-3333",
    )
    assert len(_contacts(db, debtor_id)) == before + 1
    assert audit_count(db) == audits + 1
    assert all(new > old for new, old in zip(_change_seq(db, debtor_id), seqs, strict=True))


HOSTILE = [
    ("value", {"value": ""}),
    ("value", {"value": "   "}),
    ("value", {"value": "5" * 10_000}),
    ("value", {"value": "<b>5555-1234</b>"}),
    ("value", {"value": "55-12"}),  # too few digits
    ("value", {"value": "5555 1234 📞"}),
    ("value", {"value": "5555-1234 ext. 5"}),
    ("value", {"kind": "email", "value": "ana@"}),
    ("value", {"kind": "email", "value": "ana@@example.com"}),
    ("value", {"kind": "email", "value": "ana example@example.com"}),
    ("value", {"kind": "email", "value": "<b>x</b>@example.com"}),
    ("value", {"kind": "email", "value": "ana@example"}),
    ("value", {"kind": "email", "value": "ana@-example.com"}),
    ("value", {"kind": "email", "value": "😀@example.com"}),
    ("value", {"kind": "address", "value": ""}),
    ("value", {"kind": "address", "value": "x" * 201}),
    ("value", {"kind": "address", "value": "Línea 1\nLínea 2"}),
    ("label", {"label": "L" * 61}),
    ("label", {"label": "nul\x00"}),
    ("best_hours", {"best_hours": "h" * 10_000}),
    ("kind", {"kind": "fax"}),
    ("kind", {"kind": ""}),
    ("preferred", {"preferred": "yes"}),
]


@pytest.mark.parametrize(("field", "changes"), HOSTILE)
def test_hostile_input_names_the_field_and_stores_nothing(
    any_database: Database, field: str, changes: dict[str, object]
) -> None:
    db = any_database
    debtor_id = _debtor_of(db)
    before, audits = _contacts(db, debtor_id), audit_count(db)
    with pytest.raises(ValidationError) as caught:
        contacts.save_contact(
            db.unit_of_work(), actor(db, "ejecutivo1"), _phone(debtor_id, **changes)
        )
    assert caught.value.for_field(field), caught.value.problems
    assert _contacts(db, debtor_id) == before
    assert audit_count(db) == audits


def test_every_invalid_field_is_reported_at_once() -> None:
    with pytest.raises(ValidationError) as caught:
        contacts.check_contact("email", "L" * 61, "no es correo", "h" * 61)
    assert {p.field for p in caught.value.problems} == {"label", "value", "best_hours"}


def test_sane_values_pass() -> None:
    assert contacts.check_contact("email", "", " Ana.Lopez+vip@Correo.com.gt ", "")["value"] == (
        "Ana.Lopez+vip@Correo.com.gt"
    )
    assert contacts.check_contact("phone", "", "+52 (55) 1234-5678", "")["value"]
    assert contacts.check_contact("address", "", "5a. Avenida 10-20, Zona 10 🏢", "")["value"]


def test_one_preferred_contact_per_kind(any_database: Database) -> None:
    db = any_database
    me = actor(db, "ejecutivo1")
    debtor_id = _debtor_of(db)
    first = contacts.save_contact(db.unit_of_work(), me, _phone(debtor_id, preferred=True))
    email = contacts.save_contact(
        db.unit_of_work(),
        me,
        _phone(debtor_id, "ana@example.com", kind="email", preferred=True),
    )
    second = contacts.save_contact(
        db.unit_of_work(), me, _phone(debtor_id, "5555 9999", preferred=True)
    )
    preferred = {(c.kind, c.id) for c in _contacts(db, debtor_id) if c.preferred}
    assert preferred == {("phone", second), ("email", email)}
    assert first not in {c.id for c in _contacts(db, debtor_id) if c.preferred}


def test_an_edit_based_on_stale_values_is_a_conflict(any_database: Database) -> None:
    db = any_database
    me = actor(db, "ejecutivo1")
    debtor_id = _debtor_of(db)
    made = _phone(debtor_id)
    contacts.save_contact(db.unit_of_work(), me, made)
    seen = {"seen_label": made.label, "seen_value": made.value, "seen_best_hours": made.best_hours}
    edit = _phone(debtor_id, "5555 0000", contact_id=made.contact_id, **seen)
    contacts.save_contact(db.unit_of_work(), me, edit)
    stale = _phone(debtor_id, "5555 7777", contact_id=made.contact_id, **seen)
    with pytest.raises(Conflict) as caught:
        contacts.save_contact(db.unit_of_work(), me, stale)
    assert caught.value.theirs["value"] == "5555 0000"
    assert contacts.contact_info(db.unit_of_work(), me, debtor_id, made.contact_id).value == (
        "5555 0000"
    )


def test_a_command_is_applied_once(any_database: Database) -> None:
    db = any_database
    me = actor(db, "ejecutivo1")
    debtor_id = _debtor_of(db)
    command = _phone(debtor_id, id=uuid4())
    audits = audit_count(db)
    for _ in range(2):
        contacts.save_contact(db.unit_of_work(), me, command)
    assert audit_count(db) == audits + 1
    removal = ContactRemoval(debtor_id, command.contact_id, id=uuid4())
    for _ in range(2):
        contacts.remove_contact(db.unit_of_work(), me, removal)
    assert audit_count(db) == audits + 2
    assert command.contact_id not in {c.id for c in _contacts(db, debtor_id)}
    # Removing what someone else already removed changes nothing.
    contacts.remove_contact(db.unit_of_work(), me, ContactRemoval(debtor_id, command.contact_id))
    assert audit_count(db) == audits + 2


def test_only_who_may_work_the_debtor_changes_its_contacts(any_database: Database) -> None:
    db = any_database
    debtor_id = _debtor_of(db)
    stranger = actor(db, "ejecutivo2")
    with pytest.raises(NotFound):
        contacts.save_contact(db.unit_of_work(), stranger, _phone(debtor_id))
    existing = _contacts(db, debtor_id)
    if existing:
        with pytest.raises(NotFound):
            contacts.remove_contact(
                db.unit_of_work(), stranger, ContactRemoval(debtor_id, existing[0].id)
            )
    # Another debtor's contact cannot be reached through this debtor.
    other = _debtor_of(db, "ejecutivo2")
    theirs = contacts.save_contact(db.unit_of_work(), actor(db, "ejecutivo2"), _phone(other))
    with pytest.raises(NotFound):
        contacts.save_contact(
            db.unit_of_work(), actor(db, "ejecutivo1"), _phone(debtor_id, contact_id=theirs)
        )
    assert len(_contacts(db, debtor_id)) == len(existing)


def _count_contact(db: Database, contact_id: UUID) -> int:
    with db.unit_of_work() as uow:
        query = (
            select(func.count()).select_from(DebtorContact).where(DebtorContact.id == contact_id)
        )
        return uow.session.scalar(query) or 0


def test_contact_changes_on_a_cache_reach_the_central_database_once(
    any_database: Database, cache_for: CacheFor
) -> None:
    central, cache = any_database, cache_for("ejecutivo1")
    me = actor(cache, "ejecutivo1")
    debtor_id = _debtor_of(cache)
    kept = contacts.save_contact(cache.unit_of_work(), me, _phone(debtor_id, preferred=True))
    dropped = contacts.save_contact(cache.unit_of_work(), me, _phone(debtor_id, "5555 4444"))
    contacts.remove_contact(cache.unit_of_work(), me, ContactRemoval(debtor_id, dropped))
    assert sync.status(cache).pending == 3
    assert _count_contact(central, kept) == 0  # nothing reached central yet

    report = sync.sync_once(central, cache, "ejecutivo1")
    assert (report.pushed, report.refused, report.pending, report.conflicts) == (3, 0, 0, 0)
    assert (_count_contact(central, kept), _count_contact(central, dropped)) == (1, 0)
    stored = contacts.contact_info(
        central.unit_of_work(), actor(central, "ejecutivo1"), debtor_id, kept
    )
    assert stored.preferred and stored.value == "+502 5555-1234"
    again = sync.sync_once(central, cache, "ejecutivo1")
    assert again.pushed == 0 and _count_contact(central, kept) == 1


def _edited_on_both_sides(central: Database, cache: Database) -> tuple[UUID, ContactSave, Actor]:
    """A phone made centrally and synced down, then edited on the cache ("5555 1111") and,
    before that syncs, centrally by the supervisor ("5555 2222"). Returns the debtor, the phone
    as first saved and the cache's executive."""
    debtor_id = _debtor_of(cache)
    made = _phone(debtor_id)
    contacts.save_contact(central.unit_of_work(), actor(central, "ejecutivo1"), made)
    sync.sync_once(central, cache, "ejecutivo1")
    seen = {"seen_label": made.label, "seen_value": made.value, "seen_best_hours": made.best_hours}
    me = actor(cache, "ejecutivo1")
    contacts.save_contact(
        cache.unit_of_work(), me, _phone(debtor_id, "5555 1111", contact_id=made.contact_id, **seen)
    )
    contacts.save_contact(
        central.unit_of_work(),
        actor(central, "supervisor1"),
        _phone(debtor_id, "5555 2222", contact_id=made.contact_id, **seen),
    )
    return debtor_id, made, me


def test_a_contact_edited_meanwhile_becomes_a_conflict_settled_with_theirs(
    any_database: Database, cache_for: CacheFor
) -> None:
    central, cache = any_database, cache_for("ejecutivo1")
    debtor_id, made, me = _edited_on_both_sides(central, cache)
    report = sync.sync_once(central, cache, "ejecutivo1")
    assert (report.refused, report.conflicts) == (1, 1)
    [conflict] = conflicts.list_conflicts(cache.unit_of_work())
    assert conflict.kind == "contact.save" and conflict.fields == contacts.COMPARED
    assert (conflict.mine["value"], conflict.theirs and conflict.theirs["value"]) == (
        "5555 1111",
        "5555 2222",
    )
    assert conflict.reason(lambda _c, text: text)
    # The cache shows the central version until the user decides.
    assert contacts.contact_info(cache.unit_of_work(), me, debtor_id, made.contact_id).value == (
        "5555 2222"
    )
    conflicts.resolve(cache.unit_of_work, me, conflict.id, "theirs")
    with cache.unit_of_work() as uow:
        assert uow.session.scalar(select(func.count()).select_from(SyncConflict)) == 0
    assert sync.status(cache).pending == 0


def test_choosing_mine_applies_the_edit_again_on_top_of_theirs(
    any_database: Database, cache_for: CacheFor
) -> None:
    central, cache = any_database, cache_for("ejecutivo1")
    debtor_id, made, me = _edited_on_both_sides(central, cache)
    assert sync.sync_once(central, cache, "ejecutivo1").refused == 1
    [conflict] = conflicts.list_conflicts(cache.unit_of_work())
    conflicts.resolve(cache.unit_of_work, me, conflict.id, "mine")
    assert sync.sync_once(central, cache, "ejecutivo1").pushed == 1
    stored = contacts.contact_info(
        central.unit_of_work(), actor(central, "ejecutivo1"), debtor_id, made.contact_id
    )
    assert stored.value == "5555 1111"
