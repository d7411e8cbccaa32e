"""The documents kept with a case: listed, read back only when they match their SHA-256, saved
to a folder without ever overwriting a file; handed to legal (a convenio of an approved
agreement or an expediente, once), listed in legal's inbox, acknowledged once, and the
executive sees it received; offline and synced. The company's letterhead: a default in every
database, changed by admins only, hostile logos refused. SQLite and PostgreSQL."""

from __future__ import annotations

import base64
import io
import os
import stat
from pathlib import Path
from uuid import uuid4

import pytest
from PIL import Image
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from tests.services.agreement_helpers import step
from tests.services.finance_helpers import audit_actions, count
from tests.services.helpers import CacheFor, actor, audit_count
from tests.services.letter_helpers import (
    approved_agreement,
    generate,
    owing_case,
    stored_document,
)
from vipdesk.core.errors import Conflict, EnvironmentProblem, NotAllowed, NotFound, ValidationError
from vipdesk.services import documents, letterhead, sync
from vipdesk.services.document_dto import DocumentAcknowledge, DocumentHandoff, LetterheadSave
from vipdesk.storage.models import AppSetting, Document, LegalHandoff, OutboxEntry
from vipdesk.storage.uow import Database

# -- reading and saving -----------------------------------------------------------------------


def test_documents_are_listed_newest_first_and_verified(any_database: Database) -> None:
    db = any_database
    case_id = owing_case(db)
    me = actor(db, "ejecutivo1")
    first = generate(db, "ejecutivo1", case_id, "requerimiento")
    second = generate(db, "ejecutivo1", case_id, "requerimiento")
    assert (first.number, second.number) == (
        f"REQ-{first.case_number}-1",
        f"REQ-{first.case_number}-2",
    )
    listed = documents.documents_of(db.unit_of_work(), me, case_id)
    assert [d.id for d in listed] == [second.id, first.id]
    assert listed[0].author == "Ana Lucía Morales" and listed[0].handed_off_at is None
    pdf = documents.document_pdf(db.unit_of_work(), me, first.id)
    assert pdf == stored_document(db, first.id)["content"] and pdf.startswith(b"%PDF")
    with pytest.raises(NotFound):
        documents.document_pdf(db.unit_of_work(), actor(db, "ejecutivo2"), first.id)
    with pytest.raises(NotFound):
        documents.documents_of(db.unit_of_work(), actor(db, "ejecutivo2"), case_id)
    assert audit_actions(db, case_id)[-2:] == ["document.generated", "document.generated"]

    # Altered in the database behind the application's back: refused, loudly.
    with db.unit_of_work() as uow:
        uow.session.execute(
            update(Document).where(Document.id == first.id).values(content=pdf[:-1] + b" ")
        )
        uow.commit()
    with pytest.raises(documents.DocumentTampered) as tampered:
        documents.document_pdf(db.unit_of_work(), me, first.id)
    assert first.number in tampered.value.message and "SHA-256" in tampered.value.message


def test_a_copy_is_written_whole_and_never_over_a_file(tmp_path: Path) -> None:
    pdf = b"%PDF-1.4 una carta"
    first = documents.save_copy(pdf, tmp_path, "VIP-000001_convenio_CV-VIP-000001-1_v2.pdf")
    assert first.name == "VIP-000001_convenio_CV-VIP-000001-1_v2.pdf"
    (tmp_path / "otro.pdf").write_bytes(b"ya estaba")
    second = documents.save_copy(pdf, tmp_path, "otro.pdf")
    third = documents.save_copy(pdf, tmp_path, "otro.pdf")
    assert (second.name, third.name) == ("otro (2).pdf", "otro (3).pdf")
    assert (tmp_path / "otro.pdf").read_bytes() == b"ya estaba"
    assert second.read_bytes() == pdf == third.read_bytes()
    odd = documents.save_copy(pdf, tmp_path, "../Müller & Söhne <GmbH>/carta 😀.pdf")
    assert odd.parent == tmp_path and odd.name == "Muller_Sohne_GmbH_carta.pdf"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".vipdesk-")]
    with pytest.raises(EnvironmentProblem):
        documents.save_copy(pdf, tmp_path / "no-existe", "x.pdf")
    if os.geteuid() != 0:  # root writes anywhere
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
        with pytest.raises(EnvironmentProblem):
            documents.save_copy(pdf, locked, "x.pdf")


# -- hand-off to legal ------------------------------------------------------------------------


def test_hand_off_inbox_acknowledge_and_the_executive_sees_it(any_database: Database) -> None:
    db = any_database
    case_id = owing_case(db)
    me, legal = actor(db, "ejecutivo1"), actor(db, "juridico1")
    demand = generate(db, "ejecutivo1", case_id, "requerimiento")
    with pytest.raises(NotAllowed):
        documents.handoff(db.unit_of_work(), me, demand.id, "")  # neither convenio nor dossier
    assert documents.legal_inbox(db.unit_of_work(), legal) == []
    with pytest.raises(NotFound):
        documents.documents_of(db.unit_of_work(), legal, case_id)  # not legal's yet

    dossier = generate(db, "ejecutivo1", case_id, "expediente")
    handoff_id = documents.handoff(db.unit_of_work(), me, dossier.id, "Demandar <b>ya</b> 🙂")
    with pytest.raises(Conflict) as twice:
        documents.handoff(db.unit_of_work(), me, dossier.id, "otra vez")
    assert dossier.number in twice.value.message
    inbox = documents.legal_inbox(db.unit_of_work(), legal)
    assert [(i.handoff_id, i.document.id, i.sent_by, i.note) for i in inbox] == [
        (handoff_id, dossier.id, "Ana Lucía Morales", "Demandar <b>ya</b> 🙂")
    ]
    assert inbox[0].document.sha256 == dossier.sha256 and inbox[0].acknowledged_at is None
    # Legal now sees the case and its documents, and reads the very bytes that were sent.
    pdf = documents.document_pdf(db.unit_of_work(), legal, dossier.id)
    assert pdf == stored_document(db, dossier.id)["content"]
    with pytest.raises(NotAllowed):
        documents.acknowledge(db.unit_of_work(), me, handoff_id)  # only legal acknowledges
    documents.acknowledge(db.unit_of_work(), legal, handoff_id)
    with pytest.raises(Conflict) as again:
        documents.acknowledge(db.unit_of_work(), legal, handoff_id)
    assert again.value.message.startswith("Lic. Roberto Alvarado Soto already acknowledged")

    seen = {d.id: d for d in documents.documents_of(db.unit_of_work(), me, case_id)}[dossier.id]
    assert seen.handed_off_at is not None and seen.acknowledged_at is not None
    assert seen.acknowledged_by == "Lic. Roberto Alvarado Soto"
    assert audit_actions(db, case_id)[-2:] == ["document.handed_off", "document.acknowledged"]
    with pytest.raises(NotAllowed):
        documents.legal_inbox(db.unit_of_work(), me)
    assert len(documents.legal_inbox(db.unit_of_work(), actor(db, "admin1"))) == 1


def test_only_the_convenio_of_an_agreement_in_force_goes_to_legal(any_database: Database) -> None:
    db = any_database
    case_id = owing_case(db)
    me = actor(db, "ejecutivo1")
    agreement_id = approved_agreement(db, case_id)
    approved = generate(db, "ejecutivo1", case_id, "convenio")
    assert approved.agreement_id == agreement_id
    events = audit_count(db)
    documents.handoff(db.unit_of_work(), me, approved.id, "")  # approved: it goes
    assert audit_count(db) == events + 1
    assert step(db, case_id, agreement_id, "activate", "ejecutivo1") == "active"
    active = generate(db, "ejecutivo1", case_id, "convenio")
    assert step(db, case_id, agreement_id, "break", "ejecutivo1") == "broken"
    with pytest.raises(NotAllowed) as refused:
        documents.handoff(db.unit_of_work(), me, active.id, "")  # broken since: it does not
    assert "approved or active" in refused.value.message
    with pytest.raises(ValidationError) as no_agreement:
        generate(db, "ejecutivo1", case_id, "convenio")  # broken is not in force
    assert no_agreement.value.message == "The case has no approved agreement"
    dossier = generate(db, "ejecutivo1", case_id, "expediente")
    with pytest.raises(ValidationError) as long_note:
        documents.handoff(db.unit_of_work(), me, dossier.id, "x" * 2001)
    assert long_note.value.problems[0].field == "note"
    assert count(db, LegalHandoff) == 1


def test_hand_off_and_receipt_offline_are_synced(
    any_database: Database, cache_for: CacheFor
) -> None:
    db = any_database
    case_id = owing_case(db)
    executive = cache_for("ejecutivo1")
    dossier = generate(executive, "ejecutivo1", case_id, "expediente")
    handoff_id = documents.handoff(executive.unit_of_work(), actor(db, "ejecutivo1"), dossier.id)
    with executive.unit_of_work() as uow:
        kinds = [e.kind for e in uow.session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq))]
    assert kinds == ["document.generate", "document.handoff"]
    assert sync.sync_once(db, executive, "ejecutivo1").pushed == 2

    legal = cache_for("juridico1")  # built now: the case is legal's since the hand-off
    inbox = documents.legal_inbox(legal.unit_of_work(), actor(db, "juridico1"))
    assert [i.handoff_id for i in inbox] == [handoff_id]
    pdf = documents.document_pdf(legal.unit_of_work(), actor(db, "juridico1"), dossier.id)
    assert pdf == stored_document(db, dossier.id)["content"]
    documents.acknowledge(legal.unit_of_work(), actor(db, "juridico1"), handoff_id)
    assert sync.sync_once(db, legal, "juridico1").pushed == 1
    sync.sync_once(db, executive, "ejecutivo1")
    mine = documents.documents_of(executive.unit_of_work(), actor(db, "ejecutivo1"), case_id)
    assert mine[0].acknowledged_by == "Lic. Roberto Alvarado Soto"
    # A replay of the same command changes nothing; another acknowledgement is refused.
    legal_actor = actor(db, "juridico1")
    replay = DocumentAcknowledge(case_id, handoff_id, id=uuid4())
    with pytest.raises(Conflict):
        documents.acknowledge_receipt(db.unit_of_work(), legal_actor, replay)
    forged = DocumentHandoff(case_id, uuid4(), uuid4(), "")
    with pytest.raises(NotFound):
        documents.send_to_legal(db.unit_of_work(), actor(db, "ejecutivo1"), forged)


# -- the letterhead ---------------------------------------------------------------------------


def _png(size: tuple[int, int] = (120, 40)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (20, 60, 120)).save(out, "PNG")
    return out.getvalue()


def _save(db: Database, username: str, **changes: object) -> object:
    current = letterhead.letterhead(db.unit_of_work())
    fields = {**current.fields, **{k: v for k, v in changes.items() if k != "logo" and
                                   k != "bank_accounts"}}  # fmt: skip
    accounts = changes.get("bank_accounts") or {
        c: {"bank": a.bank, "account": a.account} for c, a in current.bank_accounts.items()
    }
    command = LetterheadSave(fields, accounts, str(changes.get("logo", "")))  # type: ignore[arg-type]
    return letterhead.save_letterhead(db.unit_of_work(), actor(db, username), command)


def test_every_database_has_a_letterhead_and_admins_change_it(any_database: Database) -> None:
    db = any_database
    default = letterhead.letterhead(db.unit_of_work())
    assert default.is_default and default.logo is None
    assert set(default.bank_accounts) == {"GTQ", "MXN", "USD"}
    with pytest.raises(NotAllowed):
        _save(db, "ejecutivo1", trade_name="Otra")
    logo = base64.b64encode(_png()).decode()
    saved = _save(db, "admin1", trade_name="Cobros Ñandú <S.A.>", logo=logo)
    now = letterhead.letterhead(db.unit_of_work())
    assert saved == now and not now.is_default
    assert now.fields["trade_name"] == "Cobros Ñandú <S.A.>" and now.logo == _png()
    assert now.logo_type == "png"
    with db.unit_of_work() as uow:
        stored = uow.session.get(AppSetting, "letterhead")
        assert stored is not None and stored.value["logo"] == logo


@pytest.mark.parametrize(
    ("logo", "field"),
    [
        (base64.b64encode(b"esto es un texto renombrado a .png").decode(), "logo"),
        (base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\0" * 40).decode(), "logo"),  # cut off
        (base64.b64encode(b"\0" * (letterhead.MAX_LOGO_BYTES + 1)).decode(), "logo"),
        ("no es base64 !!!", "logo"),
    ],
)
def test_hostile_logos_are_refused(any_database: Database, logo: str, field: str) -> None:
    db = any_database
    events = audit_count(db)
    with pytest.raises(ValidationError) as refused:
        _save(db, "admin1", logo=logo)
    assert [p.field for p in refused.value.problems] == [field]
    assert letterhead.letterhead(db.unit_of_work()).is_default
    assert audit_count(db) == events


def test_a_logo_too_big_is_refused_by_its_size_before_it_is_read() -> None:
    with pytest.raises(ValidationError) as refused:
        letterhead.check_logo_size(50 * 1024 * 1024)
    assert refused.value.message == "The logo must be at most 512 KB (this one: 51200 KB)"
    gif = io.BytesIO()
    Image.new("RGB", (10, 10)).save(gif, "GIF")
    with pytest.raises(ValidationError):
        letterhead.check_logo(gif.getvalue())
    with pytest.raises(ValidationError):
        letterhead.check_logo(_png((5000, 10)))


@pytest.mark.parametrize(
    ("changes", "fields"),
    [
        ({"trade_name": ""}, ["trade_name"]),
        ({"email": "no es correo", "country": "US"}, ["country", "email"]),
        ({"legal_name": "x" * 121, "phone": "a\nb"}, ["legal_name", "phone"]),
        ({"complaints": "\0"}, ["complaints"]),
        ({"bank_accounts": {"EUR": {"bank": "x", "account": "1"}}}, ["bank_accounts.EUR"]),
        (
            {"bank_accounts": {"GTQ": {"bank": "Banco", "account": ""}}},
            ["bank_accounts.GTQ.account"],
        ),
    ],
)
def test_hostile_letterheads_name_the_field(
    any_database: Database, changes: dict[str, object], fields: list[str]
) -> None:
    db = any_database
    with pytest.raises(ValidationError) as refused:
        _save(db, "admin1", **changes)
    assert sorted(p.field for p in refused.value.problems) == fields
    assert letterhead.letterhead(db.unit_of_work()).is_default


def test_the_letterhead_saved_offline_is_synced(
    any_database: Database, cache_for: CacheFor
) -> None:
    db = any_database
    cache = cache_for("admin1")
    _save(cache, "admin1", trade_name="Hecho sin conexión")
    assert letterhead.letterhead(db.unit_of_work()).is_default
    assert sync.sync_once(db, cache, "admin1").pushed == 1
    assert letterhead.letterhead(db.unit_of_work()).fields["trade_name"] == "Hecho sin conexión"


def test_the_database_itself_keeps_a_document_from_being_handed_off_twice(
    any_database: Database,
) -> None:
    """Two people sending the same letter at the same moment both pass the service's check;
    the unique hand-off per document stops the second (the service turns it into a Conflict)."""
    db = any_database
    case_id = owing_case(db)
    me = actor(db, "ejecutivo1")
    dossier = generate(db, "ejecutivo1", case_id, "expediente")
    documents.handoff(db.unit_of_work(), me, dossier.id, "")
    with db.unit_of_work() as uow, pytest.raises(IntegrityError):
        first = uow.session.scalars(select(LegalHandoff)).one()
        uow.session.add(
            LegalHandoff(case_id=case_id, document_id=dossier.id, sent_by=me.id,
                         sent_at=first.sent_at, note="")
        )  # fmt: skip
        uow.session.flush()
