"""A debtor's related parties (guarantors, legal representatives, co-debtors): validated with
the identifier rules of the debtor's country, authorised, audited, applied once, queued on a
cache and replayed by sync, conflicts surfaced and settled. SQLite and PostgreSQL."""

from __future__ import annotations

from uuid import UUID, uuid4

import pytest
from sqlalchemy import func, select

from tests.services.helpers import CacheFor, actor, audit_count, first_case_of
from vipdesk.core.errors import Conflict, NotFound, ValidationError
from vipdesk.services import cases, commands, conflicts, related_parties, sync
from vipdesk.services.dto import Actor, PartyRemoval, PartySave, RelatedPartyInfo
from vipdesk.storage.models import AuditEvent, Case, RelatedParty, SyncConflict
from vipdesk.storage.uow import Database

# Valid identifiers by country: (tax id, identity document). The demo portfolio's executives:
# ejecutivo1 and ejecutivo2 work Guatemalan debtors, ejecutivo3 Mexican ones.
GT = ("576937-K", "2345678910101")
MX = ("GOMJ850101AB1", "GOMJ800101HDFRRN09")


def _debtor_of(db: Database, username: str = "ejecutivo1") -> UUID:
    case_id = first_case_of(db, username)
    return cases.case_detail(db.unit_of_work(), actor(db, username), case_id).debtor_id


def _parties(db: Database, debtor_id: UUID, username: str = "ejecutivo1") -> list[RelatedPartyInfo]:
    return related_parties.parties_of(db.unit_of_work(), actor(db, username), debtor_id)


def _guarantor(debtor_id: UUID, **changes: object) -> PartySave:
    fields: dict[str, object] = {
        "debtor_id": debtor_id,
        "party_id": uuid4(),
        "role": "guarantor",
        "name": "Ana Lucía Pérez Gómez",
        "capacity": "Fiadora solidaria",
        "tax_id": GT[0],
        "id_document": GT[1],
        "phone": "+502 5555-1234",
        "email": "ana.perez@example.com",
    }
    fields.update(changes)
    return PartySave(**fields)  # type: ignore[arg-type]


def _seen(party: PartySave | RelatedPartyInfo) -> dict[str, object]:
    """The seen_* values of an edit made on top of ``party`` (as stored: cleaned)."""
    return {f"seen_{name}": getattr(party, name) for name in related_parties.COMPARED}


def _change_seq(db: Database, debtor_id: UUID) -> list[int]:
    with db.unit_of_work() as uow:
        return list(uow.session.scalars(select(Case.change_seq).where(Case.debtor_id == debtor_id)))


def _last_audit(db: Database) -> AuditEvent:
    with db.unit_of_work() as uow:
        event = uow.session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
        assert event is not None
        uow.session.expunge(event)
        return event


def _count_party(db: Database, party_id: UUID) -> int:
    with db.unit_of_work() as uow:
        query = select(func.count()).select_from(RelatedParty).where(RelatedParty.id == party_id)
        return uow.session.scalar(query) or 0


# -- adding, editing, removing -------------------------------------------------------------


def test_a_new_party_is_stored_cleaned_audited_and_its_cases_marked_for_sync(
    any_database: Database,
) -> None:
    db = any_database
    me = actor(db, "ejecutivo1")
    debtor_id = _debtor_of(db)
    before, audits, seqs = len(_parties(db, debtor_id)), audit_count(db), _change_seq(db, debtor_id)
    command = _guarantor(
        debtor_id,
        name="  <b>Ana</b> Ñandú 🌵 ",
        capacity=" Aval <i>y</i> fiador ",
        tax_id=" 576937k ",
        id_document="2345 67891 0101",
        phone=" (502) 2222-3333 ",
        email=" Ana.Perez+vip@Correo.com.gt ",
    )
    saved = related_parties.save_party(db.unit_of_work(), me, command)
    assert saved == command.party_id
    stored = related_parties.party_info(db.unit_of_work(), me, debtor_id, saved)
    # Markup and emoji are just text; blanks around are not kept; identifiers canonical.
    assert stored == RelatedPartyInfo(
        saved, "guarantor", "<b>Ana</b> Ñandú 🌵", "Aval <i>y</i> fiador", "576937-K",
        "2345678910101", "(502) 2222-3333", "Ana.Perez+vip@Correo.com.gt",
    )  # fmt: skip
    assert len(_parties(db, debtor_id)) == before + 1
    assert audit_count(db) == audits + 1
    event = _last_audit(db)
    assert (event.action, event.entity, event.entity_id) == (
        "debtor.party_saved", "debtor", str(debtor_id),
    )  # fmt: skip
    assert event.before is None and event.after is not None
    assert event.after["party_id"] == str(saved) and event.after["tax_id"] == "576937-K"
    assert all(new > old for new, old in zip(_change_seq(db, debtor_id), seqs, strict=True))
    # The case shows it.
    detail = cases.case_detail(db.unit_of_work(), me, first_case_of(db, "ejecutivo1"))
    assert stored in detail.related_parties


def test_only_the_name_is_required(any_database: Database) -> None:
    db = any_database
    me = actor(db, "ejecutivo1")
    debtor_id = _debtor_of(db)
    command = PartySave(debtor_id, uuid4(), "co_debtor", "Inversiones del Sur, S.A.")
    related_parties.save_party(db.unit_of_work(), me, command)
    stored = related_parties.party_info(db.unit_of_work(), me, debtor_id, command.party_id)
    assert (stored.role, stored.name, stored.tax_id, stored.phone, stored.email) == (
        "co_debtor", "Inversiones del Sur, S.A.", "", "", "",
    )  # fmt: skip


def test_editing_and_removing_a_party(any_database: Database) -> None:
    db = any_database
    me = actor(db, "ejecutivo1")
    debtor_id = _debtor_of(db)
    made = _guarantor(debtor_id)
    related_parties.save_party(db.unit_of_work(), me, made)
    stored = related_parties.party_info(db.unit_of_work(), me, debtor_id, made.party_id)
    edit = _guarantor(
        debtor_id, party_id=made.party_id, role="legal_representative",
        capacity="Administradora única", phone="", email="", **_seen(stored),
    )  # fmt: skip
    related_parties.save_party(db.unit_of_work(), me, edit)
    edited = related_parties.party_info(db.unit_of_work(), me, debtor_id, made.party_id)
    assert (edited.role, edited.capacity, edited.phone, edited.email) == (
        "legal_representative", "Administradora única", "", "",
    )  # fmt: skip
    event = _last_audit(db)
    assert event.action == "debtor.party_saved"
    assert event.before is not None and event.before["role"] == "guarantor"

    related_parties.remove_party(db.unit_of_work(), me, PartyRemoval(debtor_id, made.party_id))
    assert made.party_id not in {p.id for p in _parties(db, debtor_id)}
    event = _last_audit(db)
    assert (event.action, event.after) == ("debtor.party_removed", None)
    assert event.before is not None and event.before["name"] == made.name


# -- validation ----------------------------------------------------------------------------

HOSTILE = [
    ("name", {"name": ""}),
    ("name", {"name": "   "}),
    ("name", {"name": "N" * 10_000}),
    ("name", {"name": "N" * 301}),
    ("name", {"name": "nul\x00"}),
    ("name", {"name": "Línea 1\nLínea 2"}),
    ("name", {"name": "bell\x07"}),
    ("name", {"name": "mitad \ud800"}),  # a lone surrogate: not encodable
    ("capacity", {"capacity": "c" * 201}),
    ("capacity", {"capacity": "c" * 10_000}),
    ("capacity", {"capacity": "esc\x1b"}),
    ("tax_id", {"tax_id": MX[0]}),  # a Mexican RFC for a Guatemalan debtor
    ("tax_id", {"tax_id": "576937-1"}),  # the NIT's check character does not match
    ("tax_id", {"tax_id": "<b>576937-K</b>"}),
    ("tax_id", {"tax_id": "5" * 10_000}),
    ("tax_id", {"tax_id": "576937-K\x00"}),
    ("tax_id", {"tax_id": "576937-K 🌵"}),
    ("id_document", {"id_document": "123"}),
    ("id_document", {"id_document": MX[1]}),  # a CURP for a Guatemalan debtor
    ("id_document", {"id_document": "2345678919901"}),  # no department 99
    ("id_document", {"id_document": "2" * 10_000}),
    ("phone", {"phone": "55-12"}),  # too few digits
    ("phone", {"phone": "<b>5555-1234</b>"}),
    ("phone", {"phone": "5555 1234 📞"}),
    ("phone", {"phone": "5" * 41}),
    ("phone", {"phone": "5555\t1234\x00"}),
    ("email", {"email": "ana@"}),
    ("email", {"email": "ana@@example.com"}),
    ("email", {"email": "<b>x</b>@example.com"}),
    ("email", {"email": "😀@example.com"}),
    ("email", {"email": "a" * 250 + "@example.com"}),
    ("email", {"email": "ana@example.com\n" + "bcc@example.com"}),
    ("role", {"role": "spouse"}),
    ("role", {"role": ""}),
]


@pytest.mark.parametrize(("field", "changes"), HOSTILE)
def test_hostile_input_names_the_field_and_stores_nothing(
    any_database: Database, field: str, changes: dict[str, object]
) -> None:
    db = any_database
    debtor_id = _debtor_of(db)
    before, audits = _parties(db, debtor_id), audit_count(db)
    command = _guarantor(debtor_id, **changes)
    with pytest.raises(ValidationError) as caught:
        related_parties.save_party(db.unit_of_work(), actor(db, "ejecutivo1"), command)
    assert caught.value.for_field(field), caught.value.problems
    assert {p.field for p in caught.value.problems} == {field}
    assert _parties(db, debtor_id) == before
    assert audit_count(db) == audits


def test_every_invalid_field_is_reported_at_once() -> None:
    with pytest.raises(ValidationError) as caught:
        related_parties.check_party(
            "aval", "", "c" * 201, "ABC", "123", "55", "no es correo", country="GT"
        )
    assert {p.field for p in caught.value.problems} == {
        "role", "name", "capacity", "tax_id", "id_document", "phone", "email",
    }  # fmt: skip


def test_identifiers_follow_the_debtors_country() -> None:
    def check(country: str, tax_id: str, id_document: str) -> dict[str, str]:
        return related_parties.check_party(
            "guarantor", "Ana", "", tax_id, id_document, "", "", country=country
        )

    assert check("GT", "0576937-k", "2345-67891-0101")["tax_id"] == "576937-K"
    clean = check("MX", "gomj 850101 ab1", "gomj800101hdfrrn09")
    assert (clean["tax_id"], clean["id_document"]) == MX
    # A party may be a company: a company's RFC (12 characters) is accepted too.
    assert check("MX", "ABC850101AB1", "")["tax_id"] == "ABC850101AB1"
    for country, tax_id, id_document in (("MX", GT[0], ""), ("MX", "", GT[1])):
        with pytest.raises(ValidationError):
            check(country, tax_id, id_document)


def test_a_mexican_debtors_party_takes_an_rfc_and_a_curp(any_database: Database) -> None:
    db = any_database
    debtor_id = _debtor_of(db, "ejecutivo3")
    me = actor(db, "ejecutivo3")
    with pytest.raises(ValidationError) as caught:
        related_parties.save_party(db.unit_of_work(), me, _guarantor(debtor_id))  # GT's NIT, DPI
    assert {p.field for p in caught.value.problems} == {"tax_id", "id_document"}
    command = _guarantor(
        debtor_id, tax_id=MX[0].lower(), id_document=MX[1], phone="+52 55 1234 5678"
    )
    related_parties.save_party(db.unit_of_work(), me, command)
    stored = related_parties.party_info(db.unit_of_work(), me, debtor_id, command.party_id)
    assert (stored.tax_id, stored.id_document) == MX


# -- who may, conflicts, applied once --------------------------------------------------------


def test_only_who_may_work_the_debtor_changes_its_parties(any_database: Database) -> None:
    db = any_database
    debtor_id = _debtor_of(db)
    existing = _parties(db, debtor_id)
    audits = audit_count(db)
    stranger = actor(db, "ejecutivo2")
    with pytest.raises(NotFound):
        related_parties.save_party(db.unit_of_work(), stranger, _guarantor(debtor_id))
    with pytest.raises(NotFound):
        related_parties.parties_of(db.unit_of_work(), stranger, debtor_id)
    if existing:
        with pytest.raises(NotFound):
            related_parties.remove_party(
                db.unit_of_work(), stranger, PartyRemoval(debtor_id, existing[0].id)
            )
    # Another debtor's party cannot be reached through this debtor.
    other = _debtor_of(db, "ejecutivo2")
    theirs = related_parties.save_party(
        db.unit_of_work(), actor(db, "ejecutivo2"), _guarantor(other)
    )
    me = actor(db, "ejecutivo1")
    with pytest.raises(NotFound):
        related_parties.save_party(db.unit_of_work(), me, _guarantor(debtor_id, party_id=theirs))
    with pytest.raises(NotFound):
        related_parties.remove_party(db.unit_of_work(), me, PartyRemoval(debtor_id, theirs))
    assert _parties(db, debtor_id) == existing
    assert _count_party(db, theirs) == 1
    assert audit_count(db) == audits + 1  # only ejecutivo2's own party


def test_an_edit_based_on_stale_values_is_a_conflict(any_database: Database) -> None:
    db = any_database
    me = actor(db, "ejecutivo1")
    debtor_id = _debtor_of(db)
    made = _guarantor(debtor_id)
    related_parties.save_party(db.unit_of_work(), me, made)
    edit = _guarantor(debtor_id, party_id=made.party_id, phone="5555 0000", **_seen(made))
    related_parties.save_party(db.unit_of_work(), me, edit)
    audits = audit_count(db)
    stale = _guarantor(debtor_id, party_id=made.party_id, name="Otra", **_seen(made))
    with pytest.raises(Conflict) as caught:
        related_parties.save_party(db.unit_of_work(), me, stale)
    assert caught.value.theirs["phone"] == "5555 0000"
    assert set(caught.value.theirs) == set(related_parties.COMPARED)
    stored = related_parties.party_info(db.unit_of_work(), me, debtor_id, made.party_id)
    assert (stored.name, stored.phone) == (made.name, "5555 0000")
    assert audit_count(db) == audits


def test_editing_a_party_removed_meanwhile_says_so(any_database: Database) -> None:
    db = any_database
    me = actor(db, "ejecutivo1")
    debtor_id = _debtor_of(db)
    made = _guarantor(debtor_id)
    related_parties.save_party(db.unit_of_work(), me, made)
    related_parties.remove_party(db.unit_of_work(), me, PartyRemoval(debtor_id, made.party_id))
    with pytest.raises(NotFound):
        related_parties.save_party(
            db.unit_of_work(), me, _guarantor(debtor_id, party_id=made.party_id, **_seen(made))
        )
    assert _count_party(db, made.party_id) == 0


def test_a_command_is_applied_once(any_database: Database) -> None:
    db = any_database
    me = actor(db, "ejecutivo1")
    debtor_id = _debtor_of(db)
    command = _guarantor(debtor_id, id=uuid4())
    audits = audit_count(db)
    for _ in range(2):
        related_parties.save_party(db.unit_of_work(), me, command)
    assert audit_count(db) == audits + 1 and _count_party(db, command.party_id) == 1
    removal = PartyRemoval(debtor_id, command.party_id, id=uuid4())
    for _ in range(2):
        related_parties.remove_party(db.unit_of_work(), me, removal)
    assert audit_count(db) == audits + 2
    assert _count_party(db, command.party_id) == 0
    # Removing what someone else already removed changes nothing.
    related_parties.remove_party(db.unit_of_work(), me, PartyRemoval(debtor_id, command.party_id))
    assert audit_count(db) == audits + 2


def test_commands_survive_the_outbox_payload() -> None:
    save = _guarantor(uuid4(), id=uuid4(), seen_name="Ana", seen_phone="")
    removal = PartyRemoval(uuid4(), uuid4(), id=uuid4())
    for command, kind in ((save, related_parties.SAVE), (removal, related_parties.REMOVE)):
        assert commands.KIND_OF[type(command)] == kind
        assert commands.from_payload(kind, commands.to_payload(command)) == command
        assert kind in sync.REPLAY


# -- on a cache: queued, synced once, conflicts settled ---------------------------------------


def test_party_changes_on_a_cache_reach_the_central_database_once(
    any_database: Database, cache_for: CacheFor
) -> None:
    central, cache = any_database, cache_for("ejecutivo1")
    me = actor(cache, "ejecutivo1")
    debtor_id = _debtor_of(cache)
    kept = related_parties.save_party(cache.unit_of_work(), me, _guarantor(debtor_id))
    stored = related_parties.party_info(cache.unit_of_work(), me, debtor_id, kept)
    # An edit on top of the unsynced addition, and a party added then removed.
    related_parties.save_party(
        cache.unit_of_work(), me,
        _guarantor(debtor_id, party_id=kept, capacity="Aval", **_seen(stored)),
    )  # fmt: skip
    dropped = related_parties.save_party(
        cache.unit_of_work(), me, _guarantor(debtor_id, role="co_debtor", name="Luis")
    )
    related_parties.remove_party(cache.unit_of_work(), me, PartyRemoval(debtor_id, dropped))
    assert sync.status(cache).pending == 4
    assert _count_party(central, kept) == 0  # nothing reached central yet

    report = sync.sync_once(central, cache, "ejecutivo1")
    assert (report.pushed, report.refused, report.pending, report.conflicts) == (4, 0, 0, 0)
    assert (_count_party(central, kept), _count_party(central, dropped)) == (1, 0)
    boss = actor(central, "supervisor1")
    on_central = related_parties.party_info(central.unit_of_work(), boss, debtor_id, kept)
    assert on_central == RelatedPartyInfo(
        kept, "guarantor", "Ana Lucía Pérez Gómez", "Aval", GT[0], GT[1], "+502 5555-1234",
        "ana.perez@example.com",
    )  # fmt: skip
    with central.unit_of_work() as uow:
        actions = list(uow.session.scalars(
            select(AuditEvent.action).where(AuditEvent.entity_id == str(debtor_id))
            .order_by(AuditEvent.seq)
        ))  # fmt: skip
    assert actions[-4:] == ["debtor.party_saved"] * 3 + ["debtor.party_removed"]
    again = sync.sync_once(central, cache, "ejecutivo1")
    assert again.pushed == 0 and _count_party(central, kept) == 1


def test_a_party_changed_centrally_is_pulled_into_the_cache(
    any_database: Database, cache_for: CacheFor
) -> None:
    central, cache = any_database, cache_for("ejecutivo1")
    debtor_id = _debtor_of(cache)
    made = _guarantor(debtor_id)
    related_parties.save_party(central.unit_of_work(), actor(central, "supervisor1"), made)
    me = actor(cache, "ejecutivo1")
    assert made.party_id not in {p.id for p in _parties(cache, debtor_id)}
    assert sync.sync_once(central, cache, "ejecutivo1").pulled > 0
    assert related_parties.party_info(cache.unit_of_work(), me, debtor_id, made.party_id).name == (
        made.name
    )
    related_parties.remove_party(
        central.unit_of_work(),
        actor(central, "supervisor1"),
        PartyRemoval(debtor_id, made.party_id),
    )
    sync.sync_once(central, cache, "ejecutivo1")
    assert made.party_id not in {p.id for p in _parties(cache, debtor_id)}


def _edited_on_both_sides(central: Database, cache: Database) -> tuple[UUID, PartySave, Actor]:
    """A guarantor made centrally and synced down, then edited on the cache (phone "5555 1111",
    capacity "Mía") and, before that syncs, centrally by the supervisor (phone "5555 2222").
    Returns the debtor, the party as first saved and the cache's executive."""
    debtor_id = _debtor_of(cache)
    made = _guarantor(debtor_id)
    related_parties.save_party(central.unit_of_work(), actor(central, "ejecutivo1"), made)
    sync.sync_once(central, cache, "ejecutivo1")
    me = actor(cache, "ejecutivo1")
    mine = _guarantor(
        debtor_id, party_id=made.party_id, phone="5555 1111", capacity="Mía", **_seen(made)
    )
    related_parties.save_party(cache.unit_of_work(), me, mine)
    related_parties.save_party(
        central.unit_of_work(),
        actor(central, "supervisor1"),
        _guarantor(debtor_id, party_id=made.party_id, phone="5555 2222", **_seen(made)),
    )
    return debtor_id, made, me


def test_a_party_edited_meanwhile_becomes_a_conflict_settled_with_theirs(
    any_database: Database, cache_for: CacheFor
) -> None:
    central, cache = any_database, cache_for("ejecutivo1")
    debtor_id, made, me = _edited_on_both_sides(central, cache)
    report = sync.sync_once(central, cache, "ejecutivo1")
    assert (report.refused, report.conflicts) == (1, 1)
    [conflict] = conflicts.list_conflicts(cache.unit_of_work())
    assert conflict.kind == "party.save" and conflict.fields == related_parties.COMPARED
    assert conflict.theirs is not None
    assert (conflict.mine["phone"], conflict.theirs["phone"]) == ("5555 1111", "5555 2222")
    assert conflict.reason(lambda _c, text: text)
    # The cache shows the central version until the user decides.
    assert related_parties.party_info(cache.unit_of_work(), me, debtor_id, made.party_id).phone == (
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
    stored = related_parties.party_info(
        central.unit_of_work(), actor(central, "ejecutivo1"), debtor_id, made.party_id
    )
    assert (stored.phone, stored.capacity) == ("5555 1111", "Mía")


def test_combining_keeps_theirs_except_the_fields_ticked(
    any_database: Database, cache_for: CacheFor
) -> None:
    central, cache = any_database, cache_for("ejecutivo1")
    debtor_id, made, me = _edited_on_both_sides(central, cache)
    sync.sync_once(central, cache, "ejecutivo1")
    [conflict] = conflicts.list_conflicts(cache.unit_of_work())
    assert conflict.theirs is not None
    chosen = {**{f: conflict.theirs[f] for f in conflict.fields}, "capacity": "Mía"}
    conflicts.resolve(cache.unit_of_work, me, conflict.id, "merge", chosen)
    assert sync.sync_once(central, cache, "ejecutivo1").pushed == 1
    stored = related_parties.party_info(
        central.unit_of_work(), actor(central, "ejecutivo1"), debtor_id, made.party_id
    )
    assert (stored.phone, stored.capacity) == ("5555 2222", "Mía")


def test_an_edit_of_a_party_removed_centrally_can_only_be_acknowledged(
    any_database: Database, cache_for: CacheFor
) -> None:
    central, cache = any_database, cache_for("ejecutivo1")
    debtor_id = _debtor_of(cache)
    made = _guarantor(debtor_id)
    related_parties.save_party(central.unit_of_work(), actor(central, "ejecutivo1"), made)
    sync.sync_once(central, cache, "ejecutivo1")
    me = actor(cache, "ejecutivo1")
    related_parties.save_party(
        cache.unit_of_work(), me, _guarantor(debtor_id, party_id=made.party_id, name="Ana María",
                                             **_seen(made))
    )  # fmt: skip
    related_parties.remove_party(
        central.unit_of_work(),
        actor(central, "supervisor1"),
        PartyRemoval(debtor_id, made.party_id),
    )
    assert sync.sync_once(central, cache, "ejecutivo1").refused == 1
    [conflict] = conflicts.list_conflicts(cache.unit_of_work())
    assert conflict.kind == "party.save" and conflict.fields == ()
    with pytest.raises(ValidationError):
        conflicts.resolve(cache.unit_of_work, me, conflict.id, "mine")
    conflicts.resolve(cache.unit_of_work, me, conflict.id, "theirs")
    assert made.party_id not in {p.id for p in _parties(cache, debtor_id)}
    assert _count_party(central, made.party_id) == 0
