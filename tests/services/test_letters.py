"""Letters generated from demo cases: each kind read back as an auditor would (pypdf,
pdftotext, qpdf, pdffonts, pdfinfo) and its stored record checked; the rules that refuse a
letter (a convenio without an approved agreement, a finiquito while something is owed, a field
the letter needs and the data lacks) refuse before anything is written; hostile names print
exactly or are refused naming the field; who may generate; a batch with progress and cancel.
SQLite for the read-backs, SQLite and PostgreSQL for the records and rules."""

from __future__ import annotations

import base64
import dataclasses
from pathlib import Path
from uuid import uuid4

import pytest
from sqlalchemy import select, update

from tests.services.agreement_helpers import case_numbered, info
from tests.services.finance_helpers import count
from tests.services.helpers import CacheFor, actor, audit_count
from tests.services.letter_helpers import (
    Both,
    approved_agreement,
    case_number_of,
    case_with_chosen_scenario,
    case_with_pending_promise,
    check_record,
    executive_of,
    figures,
    generate,
    owing_case,
    pdftotext,
    pypdf_text,
    read_back,
    settled_case,
    stored_document,
    write,
)
from vipdesk.core.amount_words import amount_in_words
from vipdesk.core.errors import NotAllowed, NotFound, ValidationError, VipDeskError
from vipdesk.documents.snapshot import letter_from_mapping
from vipdesk.documents.templates import template_text
from vipdesk.documents.wording import short_date
from vipdesk.services import (
    documents,
    letter_templates,
    letterhead,
    letters,
    related_parties,
    strategy,
    sync,
)
from vipdesk.services.agreement_dto import LetterTemplateSave, StrategySave
from vipdesk.services.commands import from_payload
from vipdesk.services.document_dto import DocumentGenerate, LetterheadSave
from vipdesk.services.dto import PartySave
from vipdesk.storage.models import AppSetting, Case, Debtor, Document, OutboxEntry, User
from vipdesk.storage.uow import Database

# -- every kind, from the demo portfolio ------------------------------------------------------


def test_a_proposal_from_the_chosen_scenario(demo_database: Database, tmp_path: Path) -> None:
    db = demo_database
    case_id = case_with_chosen_scenario(db)
    made = generate(db, "ejecutivo1", case_id, "propuesta")
    record, text = read_back(db, made.id, tmp_path)
    check_record(made, record, "propuesta", "ejecutivo1")
    data = letter_from_mapping(record["data"])  # type: ignore[arg-type]
    assert data.debtor.name in text
    assert data.breakdown is not None
    total, to_pay = data.breakdown.total, data.breakdown.to_pay
    for amount in (total, to_pay):
        assert figures(amount, data.currency) in text
        assert amount_in_words(amount, data.currency) in text
    for row in data.schedule:
        assert short_date(row.due_date) in text and figures(row.payment, data.currency) in text
    assert made.number == f"PRO-{made.case_number}-1"
    assert made.file_name == f"{made.case_number}_propuesta_{made.number}.pdf"


def test_a_convenio_only_from_an_approved_agreement(
    demo_database: Database, tmp_path: Path
) -> None:
    db = demo_database
    case_id = owing_case(db)
    before = count(db, Document)
    with pytest.raises(ValidationError) as refused:
        generate(db, "ejecutivo1", case_id, "convenio")
    assert refused.value.message == "The case has no approved agreement"
    assert count(db, Document) == before  # nothing written

    agreement_id = approved_agreement(db, case_id)
    agreement = info(db, case_id, agreement_id)
    made = generate(db, "ejecutivo1", case_id, "convenio")
    record, text = read_back(db, made.id, tmp_path)
    check_record(made, record, "convenio", "ejecutivo1")
    assert record["agreement_id"] == agreement_id
    assert made.file_name == f"{made.case_number}_convenio_{agreement.number}_v1.pdf"
    data = letter_from_mapping(record["data"])  # type: ignore[arg-type]
    assert data.agreement_number == agreement.number
    assert data.debtor.name in text
    to_pay = agreement.breakdown.to_pay
    assert figures(to_pay, agreement.currency) in text
    assert amount_in_words(to_pay, agreement.currency) in text
    assert len(data.schedule) == len(agreement.schedule)
    for row in agreement.schedule:
        assert short_date(row.due_date) in text
        assert figures(row.payment, agreement.currency) in text
    creditor = [p for p in data.parties if p.role == "creditor"]
    assert creditor and creditor[0].name in text  # the company's signatory signs


def test_a_demand_a_reminder_and_a_dossier(demo_database: Database, tmp_path: Path) -> None:
    db = demo_database
    case_id = owing_case(db)
    demand = generate(db, "ejecutivo1", case_id, "requerimiento")
    record, text = read_back(db, demand.id, tmp_path)
    check_record(demand, record, "requerimiento", "ejecutivo1")
    data = letter_from_mapping(record["data"])  # type: ignore[arg-type]
    assert data.breakdown is not None and data.deadline is not None
    assert data.debtor.name in text and data.debtor.address in text
    assert amount_in_words(data.breakdown.total, data.currency) in text

    promised = case_with_pending_promise(db)
    reminder = generate(db, "ejecutivo1", promised, "recordatorio")
    record, text = read_back(db, reminder.id, tmp_path)
    check_record(reminder, record, "recordatorio", "ejecutivo1")
    data = letter_from_mapping(record["data"])  # type: ignore[arg-type]
    assert data.reminder_amount is not None
    assert figures(data.reminder_amount, data.currency) in text
    assert amount_in_words(data.reminder_amount, data.currency) in text

    # VIP-000157 has statements, scenarios and a history: the dossier shows them, with the
    # letters already generated for the case and their SHA-256.
    big = case_numbered(db, "VIP-000157")
    owner = executive_of(db, big)
    earlier = generate(db, owner, big, "requerimiento")
    dossier = generate(db, owner, big, "expediente")
    record, text = read_back(db, dossier.id, tmp_path)
    check_record(dossier, record, "expediente", owner)
    data = letter_from_mapping(record["data"])  # type: ignore[arg-type]
    assert data.debtor.name in text
    assert earlier.number in text and earlier.sha256[:20] in text.replace(" ", "")
    assert data.obligations and all(o.credit_number in text for o in data.obligations)
    assert data.financial_summary and data.contacts and data.recommendation


def test_a_finiquito_only_when_nothing_is_owed(any_database: Database, tmp_path: Path) -> None:
    db = any_database
    owing = owing_case(db)
    with db.unit_of_work() as uow:
        case = uow.session.get(Case, owing)
        assert case is not None
        number, currency, exposure = case.number, case.currency, case.exposure
    with pytest.raises(ValidationError) as refused:
        generate(db, "ejecutivo1", owing, "finiquito")
    assert refused.value.message == (
        f"Case {number} still has a balance of {figures(exposure, currency)}"
    )
    settled = settled_case(db)
    made = generate(db, "ejecutivo1", settled, "finiquito")
    record, text = read_back(db, made.id, tmp_path)
    check_record(made, record, "finiquito", "ejecutivo1")
    data = letter_from_mapping(record["data"])  # type: ignore[arg-type]
    assert data.debtor.name in text and data.credit_number in text


# -- what the letters need --------------------------------------------------------------------


def test_a_missing_field_names_it_and_nothing_is_written(any_database: Database) -> None:
    db = any_database
    case_id = owing_case(db)
    with db.unit_of_work() as uow:
        uow.session.execute(update(User).where(User.username == "ejecutivo1").values(phone=""))
        uow.commit()
    before, events = count(db, Document), audit_count(db)
    with pytest.raises(ValidationError) as refused:
        generate(db, "ejecutivo1", case_id, "requerimiento")
    assert [p.field for p in refused.value.problems] == ["executive_phone"]
    assert refused.value.message == "The executive's phone is required"

    # The letterhead without an account for the case's currency: "bank_name", "bank_account".
    admin = actor(db, "admin1")
    current = letterhead.letterhead(db.unit_of_work())
    with db.unit_of_work() as uow:
        uow.session.execute(update(User).where(User.username == "ejecutivo1").values(phone="1"))
        uow.commit()
    letterhead.save_letterhead(db.unit_of_work(), admin, LetterheadSave(dict(current.fields), {}))
    with pytest.raises(ValidationError) as refused:
        generate(db, "ejecutivo1", case_id, "requerimiento")
    assert {"bank_name", "bank_account"} <= {p.field for p in refused.value.problems}
    assert count(db, Document) == before
    assert audit_count(db) == events + 1  # the letterhead saved, no letter


def test_hostile_names_print_exactly_or_are_refused(
    demo_database: Database, tmp_path: Path
) -> None:
    """The debtor's legal name comes from the core banking system (no screen edits it): set
    here in the database. A guarantor is added as users add one; a 10,000-character section
    of the strategy is saved through the strategy service."""
    db = demo_database
    case_id = owing_case(db)
    with db.unit_of_work() as uow:
        debtor_id = uow.session.get(Case, case_id).debtor_id  # type: ignore[union-attr]

    def rename(name: str) -> None:
        with db.unit_of_work() as uow:
            uow.session.execute(update(Debtor).where(Debtor.id == debtor_id).values(name=name))
            uow.commit()

    rename("Müller & Söhne <GmbH>")
    made = generate(db, "ejecutivo1", case_id, "requerimiento")
    _record, text = read_back(db, made.id, tmp_path)
    assert "Müller & Söhne <GmbH>" in text and "&amp;" not in text

    before = count(db, Document)
    for name, words in (("Pedro 😀 Pérez", "cannot print"), ("שלום Cohen", "right-to-left")):
        rename(name)
        with pytest.raises(ValidationError) as refused:
            generate(db, "ejecutivo1", case_id, "requerimiento")
        assert [p.field for p in refused.value.problems] == ["debtor.name"]
        assert words in refused.value.message
    rename("Comercial <b>Negrita</b> & Cía.")
    me = actor(db, "ejecutivo1")
    related = PartySave(debtor_id, uuid4(), "guarantor", "Müller & Söhne <GmbH>",
                        id_document="2456789010101")  # fmt: skip
    related_parties.save_party(db.unit_of_work(), me, related)
    long_text = "Riesgo <i>alto</i> & creciente. " * 320  # 10,240 characters
    sections = {"risks": long_text, "objective": "🙂 cobrar"}
    current = strategy.strategy_of(db.unit_of_work(), me, case_id).current
    based_on = current.version if current is not None else 0
    strategy.save_strategy(db.unit_of_work(), me, StrategySave(case_id, based_on, sections))
    dossier = generate(db, "ejecutivo1", case_id, "expediente")
    record, text = read_back(db, dossier.id, tmp_path)
    assert "Comercial <b>Negrita</b> & Cía." in text
    assert text.count("Riesgo <i>alto</i> & creciente.") == 320
    assert int(str(record["pages"])) >= 4
    assert "[?] cobrar" in text  # the emoji of a saved strategy is marked, not refused
    assert count(db, Document) == before + 1


# -- who may, and where it goes ---------------------------------------------------------------


def test_who_may_generate(any_database: Database) -> None:
    db = any_database
    case_id = owing_case(db)
    with pytest.raises(NotFound):
        generate(db, "ejecutivo2", case_id, "requerimiento")  # not their case
    made = generate(db, "supervisor1", case_id, "requerimiento")  # the team's supervisor
    assert made.author == "María José Castillo"
    with pytest.raises(NotFound):
        generate(db, "juridico1", case_id, "expediente")  # not handed to legal yet
    dossier = generate(db, "ejecutivo1", case_id, "expediente")
    documents.handoff(db.unit_of_work(), actor(db, "ejecutivo1"), dossier.id, "Para demanda")
    assert generate(db, "juridico1", case_id, "expediente").author == "Lic. Roberto Alvarado Soto"
    with pytest.raises(NotAllowed):
        generate(db, "juridico1", case_id, "requerimiento")
    with pytest.raises(NotAllowed):
        generate(db, "admin1", case_id, "requerimiento")
    with pytest.raises(ValidationError) as unknown:
        generate(db, "ejecutivo1", case_id, "<b>carta</b>")
    assert unknown.value.problems[0].field == "kind"


def test_offline_letters_reach_the_central_database_byte_for_byte(
    any_database: Database, cache_for: CacheFor
) -> None:
    db = any_database
    case_id = owing_case(db)
    cache = cache_for("ejecutivo1")
    made = generate(cache, "ejecutivo1", case_id, "requerimiento")
    with cache.unit_of_work() as uow:
        queued = uow.session.scalars(select(OutboxEntry)).one()
        kind, payload = queued.kind, dict(queued.payload)
    assert kind == "document.generate"
    assert base64.b64decode(payload["pdf"]) == stored_document(cache, made.id)["content"]
    report = sync.sync_once(db, cache, "ejecutivo1")
    assert (report.pushed, report.refused) == (1, 0)
    central = stored_document(db, made.id)
    assert central["content"] == stored_document(cache, made.id)["content"]
    assert central["sha256"] == made.sha256 and central["author"] == "ejecutivo1"
    # Replayed again (a push cut off after the central commit): applied once.
    command = from_payload("document.generate", payload)
    assert isinstance(command, DocumentGenerate)
    letters.store_document(db.unit_of_work(), actor(db, "ejecutivo1"), command)
    assert count(db, Document, case_id=case_id) == 1


def test_a_forged_replay_is_refused(any_database: Database) -> None:
    db = any_database
    case_id = owing_case(db)
    me = actor(db, "ejecutivo1")
    made = generate(db, "ejecutivo1", case_id, "requerimiento")
    record = stored_document(db, made.id)
    content, data = record["content"], record["data"]
    assert isinstance(content, bytes) and isinstance(data, dict)
    real = DocumentGenerate(
        case_id, uuid4(), "requerimiento", "REQ-X-9", "requerimiento", "1", data,
        base64.b64encode(content).decode(), str(record["sha256"]), 2, "x.pdf",
    )  # fmt: skip
    tampered = base64.b64encode(content + b"%").decode()
    for forged, field in (
        (dataclasses.replace(real, pdf=tampered), "pdf"),
        (dataclasses.replace(real, data={"format": 99}), "data"),
        (dataclasses.replace(real, kind="finiquito"), "kind"),
        (dataclasses.replace(real, kind="convenio"), "kind"),
    ):
        with pytest.raises(ValidationError) as refused:
            letters.store_document(db.unit_of_work(), me, forged)
        assert refused.value.problems[0].field == field
    assert count(db, Document, case_id=case_id) == 1


# -- a batch ----------------------------------------------------------------------------------


def test_a_batch_with_progress_refusals_and_cancel(demo_database: Database, tmp_path: Path) -> None:
    db = demo_database
    me = actor(db, "ejecutivo1")
    with db.unit_of_work() as uow:
        mine = uow.session.scalars(select(Case.id).where(
            Case.executive_id == me.id).order_by(Case.number)).all()  # fmt: skip
    assert len(mine) >= 25
    someone_elses = owing_case(db, "ejecutivo3")
    ids = [*mine[:24], someone_elses, *mine[24:]][:50]
    seen: list[tuple[int, int]] = []
    folder = tmp_path / "cartas"
    folder.mkdir()
    result = letters.generate_batch(db.unit_of_work, me, ids, "requerimiento",
                                    lambda done, total: seen.append((done, total)),
                                    folder=folder)  # fmt: skip
    assert not result.cancelled
    assert seen[-1] == (len(ids), len(ids)) and len(seen) == len(ids)
    refused = {r.case_number: r.error for r in result.refused}
    (theirs,) = [n for n in refused if n not in {d.case_number for d in result.generated}
                 and isinstance(refused[n], NotFound)]  # fmt: skip
    assert theirs == case_number_of(db, someone_elses)
    assert len(result.generated) + len(result.refused) == len(ids)
    assert sorted(p.name for p in folder.iterdir()) == sorted(d.file_name for d in result.generated)
    # Cancelled after the tenth letter: those ten are kept, nothing after them.
    progress: list[int] = []
    again = letters.generate_batch(db.unit_of_work, me, mine[:30], "propuesta",
                                   lambda done, _total: progress.append(done),
                                   lambda: len(progress) >= 10)  # fmt: skip
    assert again.cancelled and progress == list(range(1, 11))
    assert len(again.generated) + len(again.refused) == 10
    for refusal in again.refused:
        assert isinstance(refusal.error, VipDeskError) and refusal.message


def test_the_letterhead_is_what_the_letters_print(any_database: Database, tmp_path: Path) -> None:
    db = any_database
    case_id = owing_case(db)
    current = letterhead.letterhead(db.unit_of_work())
    assert current.is_default and current.fields["trade_name"] == "Cartera VIP"
    fields = {**current.fields, "trade_name": "Recuperaciones Ñandú", "city": "Antigua Guatemala"}
    accounts = {c: {"bank": a.bank, "account": a.account} for c, a in current.bank_accounts.items()}
    letterhead.save_letterhead(db.unit_of_work(), actor(db, "admin1"),
                               LetterheadSave(fields, accounts))  # fmt: skip
    made = generate(db, "ejecutivo1", case_id, "requerimiento")
    record = stored_document(db, made.id)
    pdf = record["content"]
    assert isinstance(pdf, bytes)
    text = Both(pdftotext(write(pdf, tmp_path)), pypdf_text(pdf))
    assert "Recuperaciones Ñandú" in text and "Antigua Guatemala" in text
    with db.unit_of_work() as uow:
        assert uow.session.get(AppSetting, "letterhead") is not None


def test_an_admins_template_is_the_one_letters_use(any_database: Database, tmp_path: Path) -> None:
    db = any_database
    case_id = owing_case(db)
    shipped = template_text("requerimiento")
    edited = shipped.replace("version: 1", "version: 7", 1).replace(
        "Atentamente,", "Texto añadido por la administración & <jurídico>.\n\nAtentamente,", 1
    )
    letter_templates.save_letter_template(db.unit_of_work(), actor(db, "admin1"),
                                          LetterTemplateSave("requerimiento", edited))  # fmt: skip
    made = generate(db, "ejecutivo1", case_id, "requerimiento")
    assert (made.template, made.template_version) == ("requerimiento", "7")
    _record, text = read_back(db, made.id, tmp_path)
    assert "Texto añadido por la administración & <jurídico>." in text
