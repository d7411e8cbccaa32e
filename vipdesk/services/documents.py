"""The documents kept with a case, their copies in a folder, and their hand-off to legal.

A document's PDF is read back only after its SHA-256 is checked against the stored bytes:
what legal opens is byte for byte what the executive generated, or it is refused loudly.

Hand-off ("enviar a jurídico"): the executive (or the team's supervisor) sends the convenio of
an approved or active agreement, or an expediente, to legal, once per document; from then on
legal sees the case. Legal's inbox lists every document received with its hash; a legal user
acknowledges receipt once, and the executive sees it on the document. Both are commands like
any other edit: authorised, audited, applied once by their id, queued on a local cache.
Generating letters is services/letters.py.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
import unicodedata
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy import Select, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from vipdesk.core.agreements import AgreementStatus
from vipdesk.core.catalog import Role
from vipdesk.core.errors import (
    QT_TRANSLATE_NOOP,
    Conflict,
    EnvironmentProblem,
    NotAllowed,
    NotFound,
    VipDeskError,
)
from vipdesk.core.text import clean_text
from vipdesk.documents import kinds
from vipdesk.services.agreement_dto import DocumentInfo, InboxItem
from vipdesk.services.document_dto import DocumentAcknowledge, DocumentHandoff
from vipdesk.services.dto import Actor
from vipdesk.services.finance_periods import finish
from vipdesk.services.guard import visible_case, workable_case
from vipdesk.services.recording import command_moment, queue_if_offline
from vipdesk.storage.models import (
    Agreement,
    AppliedCommand,
    Case,
    Debtor,
    Document,
    LegalHandoff,
    User,
)
from vipdesk.storage.uow import UnitOfWork

HANDOFF = "document.handoff"
ACKNOWLEDGE = "document.acknowledge"
# The letters, in the order the GUI offers them (``--kind`` on the command line).
KINDS = kinds.KINDS
# The start of each kind's document numbers: "CON-VIP-000157-2".
PREFIXES = {
    "propuesta": "PRO",
    "convenio": "CON",
    "requerimiento": "REQ",
    "recordatorio": "REC",
    "finiquito": "FIN",
    "expediente": "EXP",
}
HANDED_KINDS = frozenset({"convenio", "expediente"})
HANDED_STATUSES = frozenset({AgreementStatus.APPROVED, AgreementStatus.ACTIVE})
MAX_NOTE = 2000
MAX_FILE_NAME = 150  # the column holds 200; room for " (12)" and the folder's own limits
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class DocumentTampered(VipDeskError):
    """A stored PDF no longer matches the SHA-256 recorded when it was generated."""


# -- reading ------------------------------------------------------------------------------------

_acknowledger = aliased(User)


def _info_query() -> Select[Any]:
    """Every column a DocumentInfo needs, the PDF's size but not its bytes."""
    return (
        select(
            Document.id, Document.case_id, Case.number, Document.kind, Document.number,
            Document.template, Document.template_version, Document.sha256, Document.pages,
            func.length(Document.content), Document.file_name, User.full_name,
            Document.generated_at, Document.agreement_id, LegalHandoff.sent_at,
            LegalHandoff.acknowledged_at, _acknowledger.full_name,
        )
        .join(Case, Case.id == Document.case_id)
        .join(User, User.id == Document.user_id)
        .outerjoin(LegalHandoff, LegalHandoff.document_id == Document.id)
        .outerjoin(_acknowledger, _acknowledger.id == LegalHandoff.acknowledged_by)
    )  # fmt: skip


def _info(row: Any) -> DocumentInfo:
    (doc_id, case_id, case_number, kind, number, template, version, sha256, pages, size,
     file_name, author, generated_at, agreement_id, sent_at, acknowledged_at,
     acknowledged_by) = row  # fmt: skip
    return DocumentInfo(
        id=doc_id, case_id=case_id, case_number=case_number, kind=kind, number=number,
        template=template, template_version=version, sha256=sha256, pages=pages,
        size=int(size or 0), file_name=file_name, author=author, generated_at=generated_at,
        agreement_id=agreement_id, handed_off_at=sent_at, acknowledged_at=acknowledged_at,
        acknowledged_by=acknowledged_by or "",
    )  # fmt: skip


def document_info(session: Session, document_id: UUID) -> DocumentInfo:
    row = session.execute(_info_query().where(Document.id == document_id)).first()
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This document no longer exists."))
    return _info(row)


def documents_of(uow: UnitOfWork, actor: Actor, case_id: UUID) -> list[DocumentInfo]:
    """The case's documents, newest first."""
    with uow:
        case = visible_case(uow.session, actor, case_id)
        query = _info_query().where(Document.case_id == case.id)
        query = query.order_by(Document.generated_at.desc(), Document.number.desc())
        return [_info(row) for row in uow.session.execute(query)]


def _visible_document(session: Session, actor: Actor, document_id: UUID) -> Document:
    document = session.get(Document, document_id)
    if document is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This document no longer exists."))
    try:
        visible_case(session, actor, document.case_id)
    except NotFound:
        # Same message as a missing one: a hidden case's documents do not exist for the user.
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This document no longer exists.")) from None
    return document


def verified(document: Document) -> bytes:
    """The document's PDF, after checking it against its recorded SHA-256."""
    content = bytes(document.content)
    if hashlib.sha256(content).hexdigest() != document.sha256:
        raise DocumentTampered(
            QT_TRANSLATE_NOOP(
                "errors",
                "Document {number} does not match its SHA-256: the stored file was altered. "
                "Do not use it; tell your administrator.",
            ),
            number=document.number,
        )
    return content


def document_pdf(uow: UnitOfWork, actor: Actor, document_id: UUID) -> bytes:
    """The PDF of a document the user may see, verified against its SHA-256
    (``DocumentTampered`` on a mismatch)."""
    with uow:
        return verified(_visible_document(uow.session, actor, document_id))


def case_reference(uow: UnitOfWork, reference: str) -> tuple[UUID, str]:
    """(the case's id, its executive's username) for a case number ("VIP-000157", any case)
    or id, as the command line takes it; NotFound otherwise. Who may act on it is checked by
    the use case the caller runs next, as that user."""
    text = reference.strip()
    try:
        wanted = Case.id == UUID(text)
    except ValueError:
        wanted = Case.number == text.upper()
    with uow:
        row = uow.session.execute(
            select(Case.id, User.username).join(User, User.id == Case.executive_id).where(wanted)
        ).first()
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "Case not found: {case}"), case=text)
        return row[0], row[1]


def next_number(session: Session, case: Case, kind: str) -> str:
    """The next reference of a ``kind`` letter of the case: "CON-VIP-000157-2"."""
    taken = session.scalar(
        select(func.count()).select_from(Document)
        .where(Document.case_id == case.id, Document.kind == kind)
    ) or 0  # fmt: skip
    return f"{PREFIXES[kind]}-{case.number}-{taken + 1}"


# -- a copy in a folder -------------------------------------------------------------------------


def safe_file_name(name: str) -> str:
    """``name`` with only letters, digits, ".", "-" and "_" (accents dropped, anything else
    a "_"), ending in ".pdf": the same on every file system and in every e-mail client."""
    bare = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in bare if not unicodedata.combining(c))
    stem = bare[:-4] if bare.lower().endswith(".pdf") else bare
    stem = _UNSAFE.sub("_", stem).strip("._-")[: MAX_FILE_NAME - 4] or "documento"
    return f"{stem}.pdf"


def _fsync_folder(folder: Path) -> None:
    if os.name == "posix":  # Windows cannot open a folder to flush it
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _place(temporary: Path, target: Path) -> bool:
    """Put the written file at ``target`` unless something is there already."""
    try:
        os.link(temporary, target)  # atomic, and never replaces an existing file
        return True
    except FileExistsError:
        return False
    except OSError:
        # A file system without hard links (FAT, some shares): check, then move.
        if target.exists():
            return False
        os.replace(temporary, target)
        return True


def save_copy(pdf: bytes, folder: Path | str, name: str) -> Path:
    """Write ``pdf`` into ``folder`` as ``name`` (made safe); an existing file is never
    overwritten: the copy becomes "name (2).pdf", "name (3).pdf"…. Written whole or not at all
    (a temporary file in the folder, flushed to disk, then put in place). Returns the path."""
    folder = Path(folder)
    file_name = safe_file_name(name)
    stem = file_name[:-4]
    try:
        if not folder.is_dir():
            raise FileNotFoundError(f"not a folder: {folder}")
        with tempfile.NamedTemporaryFile(
            dir=folder, prefix=".vipdesk-", suffix=".part", delete=False
        ) as handle:
            temporary = Path(handle.name)
            handle.write(pdf)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            for attempt in range(1, 1000):
                target = folder / (file_name if attempt == 1 else f"{stem} ({attempt}).pdf")
                if _place(temporary, target):
                    _fsync_folder(folder)
                    return target
        finally:
            with contextlib.suppress(FileNotFoundError):
                temporary.unlink()
        raise FileExistsError(f"{folder / file_name} and 998 numbered copies exist")
    except OSError as error:
        raise EnvironmentProblem(
            QT_TRANSLATE_NOOP("errors", "The PDF could not be saved in {folder}: {reason}"),
            folder=str(folder),
            reason=error.strerror or str(error),
        ) from error


# -- hand-off to legal --------------------------------------------------------------------------


def _snapshot(handoff: LegalHandoff) -> dict[str, Any]:
    return {
        "handoff_id": str(handoff.id),
        "document_id": str(handoff.document_id),
        "note": handoff.note,
        "acknowledged_at": handoff.acknowledged_at,
    }


def _check_handoff(session: Session, case: Case, document: Document) -> None:
    if document.kind not in HANDED_KINDS:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "Only a convenio or an expediente is sent to legal."))  # fmt: skip
    if document.kind == "convenio":
        agreement = session.get(Agreement, document.agreement_id) if document.agreement_id else None
        if agreement is None or agreement.status not in HANDED_STATUSES:
            raise NotAllowed(QT_TRANSLATE_NOOP(
                "errors", "Only the convenio of an approved or active agreement is sent to legal."
            ))  # fmt: skip
    sent = session.scalars(
        select(LegalHandoff).where(LegalHandoff.document_id == document.id)
    ).first()
    if sent is not None:
        raise Conflict(
            QT_TRANSLATE_NOOP("errors", "Document {number} was already sent to legal on {date}."),
            number=document.number, date=sent.sent_at.date().isoformat(),
        )  # fmt: skip


def send_to_legal(uow: UnitOfWork, actor: Actor, cmd: DocumentHandoff) -> UUID:
    """Hand the document to legal (the case's executive or supervisor); return the hand-off's
    id. Refused for another kind of letter, a convenio whose agreement is not approved or
    active, or a document sent already."""
    now, _today = command_moment(uow, cmd)
    command_id = cmd.id or uuid4()
    note = clean_text(cmd.note, "note", max_length=MAX_NOTE, required=False, multiline=True)
    with uow:
        session = uow.session
        case = workable_case(session, actor, cmd.case_id)
        if session.get(AppliedCommand, command_id) is not None:
            return cmd.handoff_id
        document = session.get(Document, cmd.document_id)
        if document is None or document.case_id != case.id:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "This document no longer exists."))
        _check_handoff(session, case, document)
        handoff = LegalHandoff(id=cmd.handoff_id, case_id=case.id, document_id=document.id,
                               sent_by=actor.id, sent_at=now, note=note)  # fmt: skip
        session.add(handoff)
        session.add(AppliedCommand(id=command_id, kind=HANDOFF, applied_at=now))
        try:
            session.flush()
        except IntegrityError:
            # Someone else sent it in the meantime (the document's hand-off is unique).
            raise Conflict(
                QT_TRANSLATE_NOOP("errors", "Document {number} was sent to legal meanwhile."),
                number=document.number,
            ) from None
        after = {**_snapshot(handoff), "number": document.number, "sha256": document.sha256}
        finish(uow, actor, case, now, "document.handed_off", None, after)
        queue_if_offline(uow, cmd, command_id, now)
        uow.commit()
        return handoff.id


def handoff(uow: UnitOfWork, actor: Actor, document_id: UUID, note: str = "") -> UUID:
    """Send ``document_id`` to legal with ``note``: :func:`send_to_legal` for a document the
    user may see (whose case it reads first, in a unit of work of its own)."""
    with uow:
        case_id = _visible_document(uow.session, actor, document_id).case_id
    return send_to_legal(uow, actor, DocumentHandoff(case_id, document_id, uuid4(), note))


def acknowledge_receipt(uow: UnitOfWork, actor: Actor, cmd: DocumentAcknowledge) -> None:
    """A legal user confirms the hand-off was received; once (a second time is refused,
    naming who acknowledged it and when)."""
    now, _today = command_moment(uow, cmd)
    command_id = cmd.id or uuid4()
    if actor.role is not Role.LEGAL:
        raise NotAllowed(QT_TRANSLATE_NOOP("errors", "Only legal acknowledges receipt."))
    with uow:
        session = uow.session
        case = visible_case(session, actor, cmd.case_id)
        if session.get(AppliedCommand, command_id) is not None:
            return
        handoff_row = session.get(LegalHandoff, cmd.handoff_id)
        if handoff_row is None or handoff_row.case_id != case.id:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "This hand-off no longer exists."))
        if handoff_row.acknowledged_at is not None:
            who = session.get(User, handoff_row.acknowledged_by)
            raise Conflict(
                QT_TRANSLATE_NOOP("errors", "{name} already acknowledged receipt of it on {date}."),
                name=who.full_name if who is not None else "",
                date=handoff_row.acknowledged_at.date().isoformat(),
            )
        before = _snapshot(handoff_row)
        handoff_row.acknowledged_by, handoff_row.acknowledged_at = actor.id, now
        session.add(AppliedCommand(id=command_id, kind=ACKNOWLEDGE, applied_at=now))
        session.flush()  # the row version: a concurrent acknowledgement fails here
        finish(uow, actor, case, now, "document.acknowledged", before, _snapshot(handoff_row))
        queue_if_offline(uow, cmd, command_id, now)
        uow.commit()


def acknowledge(uow: UnitOfWork, actor: Actor, handoff_id: UUID) -> None:
    """:func:`acknowledge_receipt` of the hand-off ``handoff_id``."""
    with uow:
        row = uow.session.get(LegalHandoff, handoff_id)
        case_id = row.case_id if row is not None else None
    if case_id is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This hand-off no longer exists."))
    acknowledge_receipt(uow, actor, DocumentAcknowledge(case_id, handoff_id))


def legal_inbox(uow: UnitOfWork, actor: Actor) -> list[InboxItem]:
    """Every document sent to legal: those not acknowledged yet first, then the newest.
    Legal users and admins."""
    if actor.role not in (Role.LEGAL, Role.ADMIN):
        raise NotAllowed(QT_TRANSLATE_NOOP("errors", "Only legal sees the documents it received."))
    sender = aliased(User)
    query = (
        _info_query()
        .add_columns(LegalHandoff.id, Debtor.name, sender.full_name, LegalHandoff.note)
        .join(Debtor, Debtor.id == Case.debtor_id)
        .join(sender, sender.id == LegalHandoff.sent_by)
        .where(LegalHandoff.id.is_not(None))
        .order_by(LegalHandoff.acknowledged_at.is_not(None), LegalHandoff.sent_at.desc())
    )
    with uow:
        items = []
        for row in uow.session.execute(query):
            info = _info(row[:17])
            handoff_id, debtor_name, sent_by, note = row[17:]
            assert info.handed_off_at is not None  # an inner join in effect
            items.append(InboxItem(handoff_id, info, debtor_name, sent_by, info.handed_off_at,
                                   note, info.acknowledged_at, info.acknowledged_by))  # fmt: skip
        return items
