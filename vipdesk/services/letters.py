"""Generating letters: one (the GUI, the command line) or a batch of them.

A letter is rendered from the case's data as it is now (services/letter_data.py) and stored
with the case: the PDF and its SHA-256, the template's name and version, the data snapshot it
was made from, who generated it and when, audited. Whoever works the case (its executive, the
team's supervisor) generates any kind; legal may generate the expediente of a case it sees.
What the rules forbid (a convenio without an approved agreement, a finiquito while something
is owed, a field the letter needs and the data lacks) is refused before anything is written.

On a local cache the document is queued with its bytes: sync stores the very same PDF
centrally (``store_document``), checked against its SHA-256, never a new rendering of data
that may have moved since.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy import select
from sqlalchemy.orm import Session

from vipdesk.core.agreements import IN_FORCE, AgreementStatus
from vipdesk.core.catalog import Role
from vipdesk.core.errors import (
    QT_TRANSLATE_NOOP,
    Conflict,
    EnvironmentProblem,
    NotAllowed,
    NotFound,
    ValidationError,
)
from vipdesk.documents import kinds
from vipdesk.documents.render import render_letter
from vipdesk.documents.snapshot import letter_from_mapping, letter_to_mapping
from vipdesk.documents.templates import Template, load_template
from vipdesk.services.agreement_dto import DocumentInfo
from vipdesk.services.document_dto import BatchRefusal, BatchResult, DocumentGenerate
from vipdesk.services.documents import document_info, next_number, safe_file_name, save_copy
from vipdesk.services.dto import Actor
from vipdesk.services.finance_periods import finish
from vipdesk.services.guard import visible_case, workable_case
from vipdesk.services.letter_data import build_letter
from vipdesk.services.letter_parts import check_settled
from vipdesk.services.letter_templates import stored_template_text
from vipdesk.services.recording import command_moment, queue_if_offline
from vipdesk.storage.models import Agreement, AppliedCommand, Case, Document
from vipdesk.storage.uow import UnitOfWork

GENERATE = "document.generate"
# A convenio stored by sync may come from a version superseded since it was generated.
_CONVENIO_FROM = frozenset({*IN_FORCE, AgreementStatus.SUPERSEDED})

Progress = Callable[[int, int], None]


def _may_generate(session: Session, actor: Actor, case_id: UUID, kind: str) -> Case:
    if kind not in kinds.KINDS:
        raise ValidationError.single(
            "kind", QT_TRANSLATE_NOOP("errors", "Choose a value from the list")
        )
    if actor.role is Role.LEGAL:
        case = visible_case(session, actor, case_id)
        if kind != kinds.EXPEDIENTE:
            raise NotAllowed(
                QT_TRANSLATE_NOOP("errors", "Legal may generate only the expediente of a case.")
            )
        return case
    return workable_case(session, actor, case_id)


def file_name_of(
    case_number: str, kind: str, number: str, agreement: tuple[str, int] | None
) -> str:
    """ "VIP-000157_propuesta_PRO-VIP-000157-1.pdf"; a convenio is named by its agreement's
    number and version: "VIP-000157_convenio_CV-VIP-000157-1_v2.pdf"."""
    if agreement is not None:
        return safe_file_name(f"{case_number}_{kind}_{agreement[0]}_v{agreement[1]}")
    return safe_file_name(f"{case_number}_{kind}_{number}")


def _snapshot(cmd: DocumentGenerate) -> dict[str, Any]:
    """What the audit trail keeps: the document's identity, not its bytes."""
    return {
        "document_id": str(cmd.document_id), "kind": cmd.kind, "number": cmd.number,
        "template": cmd.template, "template_version": cmd.template_version,
        "sha256": cmd.sha256, "pages": cmd.pages, "file_name": cmd.file_name,
        "agreement_id": str(cmd.agreement_id) if cmd.agreement_id else None,
    }  # fmt: skip


def _store(
    uow: UnitOfWork, actor: Actor, case: Case, cmd: DocumentGenerate, content: bytes,
    command_id: UUID, now: Any,
) -> None:  # fmt: skip
    session = uow.session
    session.add(
        Document(
            id=cmd.document_id, case_id=case.id, agreement_id=cmd.agreement_id, kind=cmd.kind,
            number=cmd.number, template=cmd.template, template_version=cmd.template_version,
            data=dict(cmd.data), sha256=cmd.sha256, content=content, pages=cmd.pages,
            file_name=cmd.file_name, user_id=actor.id, generated_at=now,
        )
    )  # fmt: skip
    session.add(AppliedCommand(id=command_id, kind=GENERATE, applied_at=now))
    session.flush()
    finish(uow, actor, case, now, "document.generated", None, _snapshot(cmd))
    queue_if_offline(uow, cmd, command_id, now)


def _template(session: Session, kind: str, text: str | None) -> Template:
    """``text``, else the admin's template of ``kind``, else the shipped one (an admin's that
    the parser of a newer version refuses falls back to the shipped one, which prints)."""
    if text is not None:
        return load_template(kind, text)
    stored = stored_template_text(session, kind)
    try:
        return load_template(kind, stored)
    except ValidationError:
        if stored is None:
            raise
        return load_template(kind)


def _generate(
    uow: UnitOfWork, actor: Actor, case_id: UUID, kind: str, template_text: str | None
) -> tuple[DocumentInfo, bytes]:
    now, today = uow.now(), uow.today()
    with uow:
        session = uow.session
        case = _may_generate(session, actor, case_id, kind)
        number = next_number(session, case, kind)
        source = build_letter(session, case, kind, number, today)
        template = _template(session, kind, template_text)
        rendered = render_letter(source.data, source.letterhead, template)
        version = source.agreement_version
        agreement = (
            (source.agreement_number, version) if kind == kinds.CONVENIO and version else None
        )
        cmd = DocumentGenerate(
            case_id=case.id, document_id=uuid4(), kind=kind, number=number,
            template=rendered.template, template_version=rendered.template_version,
            data=letter_to_mapping(source.data),
            pdf=base64.b64encode(rendered.pdf).decode("ascii"), sha256=rendered.sha256,
            pages=rendered.pages, file_name=file_name_of(case.number, kind, number, agreement),
            agreement_id=source.agreement_id,
        )  # fmt: skip
        _store(uow, actor, case, cmd, rendered.pdf, uuid4(), now)
        info = document_info(session, cmd.document_id)
        uow.commit()
        return info, rendered.pdf


def generate_letter(
    uow: UnitOfWork, actor: Actor, case_id: UUID, kind: str, *, template_text: str | None = None
) -> DocumentInfo:
    """Render a ``kind`` letter of the case (``template_text``: an edited template instead of
    the shipped one) and store it; return it as the documents list shows it."""
    return _generate(uow, actor, case_id, kind, template_text)[0]


def generate_pdf(
    uow: UnitOfWork, actor: Actor, case_id: UUID, kind: str, *, template_text: str | None = None
) -> tuple[DocumentInfo, bytes]:
    """:func:`generate_letter`, with the PDF's bytes (what the command line writes out)."""
    return _generate(uow, actor, case_id, kind, template_text)


def _content_of(cmd: DocumentGenerate) -> bytes:
    try:
        content = base64.b64decode(cmd.pdf, validate=True)
    except (binascii.Error, ValueError, TypeError):
        content = b""
    if not content.startswith(b"%PDF") or hashlib.sha256(content).hexdigest() != cmd.sha256:
        raise ValidationError.single(
            "pdf", QT_TRANSLATE_NOOP("errors", "The PDF received does not match its SHA-256")
        )
    return content


def store_document(uow: UnitOfWork, actor: Actor, cmd: DocumentGenerate) -> DocumentInfo:
    """Store a letter rendered elsewhere (a local cache, replayed by sync), as it was: the
    same rules as when it was generated, and its bytes checked against its SHA-256."""
    now, _today = command_moment(uow, cmd)
    command_id = cmd.id or uuid4()
    content = _content_of(cmd)
    try:
        letter_from_mapping(cmd.data)
    except (ValueError, TypeError, AttributeError):
        raise ValidationError.single(
            "data", QT_TRANSLATE_NOOP("errors", "The letter's data cannot be read")
        ) from None
    with uow:
        session = uow.session
        case = _may_generate(session, actor, cmd.case_id, cmd.kind)
        if session.get(AppliedCommand, command_id) is not None:
            return document_info(session, cmd.document_id)
        if session.get(Document, cmd.document_id) is not None:
            raise Conflict(
                QT_TRANSLATE_NOOP("errors", "Document {number} of case {case} exists already."),
                number=cmd.number, case=case.number,
            )  # fmt: skip
        if cmd.kind == kinds.CONVENIO:
            row = session.get(Agreement, cmd.agreement_id) if cmd.agreement_id else None
            if row is None or row.case_id != case.id or row.status not in _CONVENIO_FROM:
                raise ValidationError.single(
                    "kind", QT_TRANSLATE_NOOP("errors", "The case has no approved agreement")
                )
        if cmd.kind == kinds.FINIQUITO:
            check_settled(session, case)
        _check_record(cmd)
        _store(uow, actor, case, cmd, content, command_id, now)
        info = document_info(session, cmd.document_id)
        uow.commit()
        return info


def _check_record(cmd: DocumentGenerate) -> None:
    limits = {"number": 40, "template": 60, "template_version": 40, "file_name": 200}
    for name, maximum in limits.items():
        value = getattr(cmd, name)
        if not isinstance(value, str) or not value.strip() or len(value) > maximum:
            raise ValidationError.single(
                name, QT_TRANSLATE_NOOP("errors", "At most {maximum} characters"), maximum=maximum
            )
    if isinstance(cmd.pages, bool) or not isinstance(cmd.pages, int) or cmd.pages < 1:
        raise ValidationError.single("pages", QT_TRANSLATE_NOOP("errors", "Enter a whole number"))


# -- a batch ------------------------------------------------------------------------------------


def _numbers(uow: UnitOfWork, ids: Sequence[UUID]) -> dict[UUID, str]:
    with uow:
        query = select(Case.id, Case.number).where(Case.id.in_(list(ids)))
        return {case_id: number for case_id, number in uow.session.execute(query)}


def generate_batch(
    uow_factory: Callable[[], UnitOfWork],
    actor: Actor,
    case_ids: Sequence[UUID],
    kind: str,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    *,
    folder: Path | None = None,
) -> BatchResult:
    """A ``kind`` letter for each case, one transaction each: a case the rules refuse is
    listed with the reason and the batch goes on. ``progress(done, total)`` after each case;
    ``cancelled()`` is asked before each one: the batch stops between letters and keeps what
    it did. With ``folder``, each PDF is also saved there (never over an existing file)."""
    started = time.perf_counter()
    ids = list(dict.fromkeys(case_ids))
    numbers = _numbers(uow_factory(), ids) if ids else {}
    generated: list[DocumentInfo] = []
    refused: list[BatchRefusal] = []
    saved: list[str] = []
    stopped = False
    for done, case_id in enumerate(ids):
        if cancelled is not None and cancelled():
            stopped = True
            break
        try:
            info, pdf = _generate(uow_factory(), actor, case_id, kind, None)
        except (ValidationError, NotAllowed, NotFound, Conflict) as error:
            refused.append(BatchRefusal(case_id, numbers.get(case_id, str(case_id)), error))
        else:
            generated.append(info)
            if folder is not None:
                try:
                    saved.append(str(save_copy(pdf, folder, info.file_name)))
                except EnvironmentProblem as error:
                    refused.append(BatchRefusal(case_id, info.case_number, error))
        if progress is not None:
            progress(done + 1, len(ids))
    return BatchResult(
        tuple(generated), tuple(refused), stopped, time.perf_counter() - started, tuple(saved)
    )
