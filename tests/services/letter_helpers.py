"""What the letter and document tests share: demo cases fit for each kind of letter, an
agreement approved the way users approve one, and reading a generated PDF back with the tools
an auditor would use (pypdf, pdftotext, qpdf, pdffonts, pdfinfo)."""

from __future__ import annotations

import hashlib
import io
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any
from uuid import UUID

from pypdf import PdfReader
from sqlalchemy import select

from tests.services.agreement_helpers import step, submitted
from tests.services.helpers import actor
from vipdesk.core.money import Money, format_money
from vipdesk.documents.snapshot import letter_from_mapping
from vipdesk.services import letters
from vipdesk.services.agreement_dto import DocumentInfo
from vipdesk.storage.models import Agreement, Case, Document, Promise, SettlementScenario, User
from vipdesk.storage.uow import Database


def generate(db: Database, username: str, case_id: UUID, kind: str) -> DocumentInfo:
    return letters.generate_letter(db.unit_of_work(), actor(db, username), case_id, kind)


def _cases_of(db: Database, username: str, *where: Any) -> list[UUID]:
    with db.unit_of_work() as uow:
        me = uow.session.scalars(select(User.id).where(User.username == username)).one()
        query = select(Case.id).where(Case.executive_id == me, *where).order_by(Case.number)
        return list(uow.session.scalars(query))


def owing_case(db: Database, username: str = "ejecutivo1") -> UUID:
    """The first case of ``username`` that owes something and has no agreement yet."""
    agreed = select(Agreement.case_id)
    return _cases_of(db, username, Case.exposure > 0, Case.status != "closed",
                     Case.id.not_in(agreed))[0]  # fmt: skip


def settled_case(db: Database, username: str = "ejecutivo1") -> UUID:
    """A case of ``username`` that owes nothing (the demo closes some)."""
    return _cases_of(db, username, Case.exposure == 0)[0]


def case_with_chosen_scenario(db: Database, username: str = "ejecutivo1") -> UUID:
    chosen = select(SettlementScenario.case_id).where(SettlementScenario.chosen)
    return _cases_of(db, username, Case.id.in_(chosen), Case.exposure > 0)[0]


def case_with_pending_promise(db: Database, username: str = "ejecutivo1") -> UUID:
    pending = select(Promise.case_id).where(Promise.status == "pending")
    return _cases_of(db, username, Case.id.in_(pending))[0]


def approved_agreement(db: Database, case_id: UUID, username: str = "ejecutivo1") -> UUID:
    """An agreement settling for 90 % of the case, submitted by ``username`` and approved by
    the manager (another person, at a level that approves it)."""
    agreement_id = submitted(db, case_id, "0.90", username)
    assert step(db, case_id, agreement_id, "approve", "gerente1") == "approved"
    return agreement_id


def stored_document(db: Database, document_id: UUID) -> dict[str, Any]:
    with db.unit_of_work() as uow:
        row = uow.session.get(Document, document_id)
        assert row is not None
        author = uow.session.get(User, row.user_id)
        assert author is not None
        return {
            "content": bytes(row.content), "sha256": row.sha256, "data": dict(row.data),
            "template": row.template, "template_version": row.template_version,
            "author": author.username, "pages": row.pages, "kind": row.kind,
            "number": row.number, "file_name": row.file_name, "agreement_id": row.agreement_id,
            "generated_at": row.generated_at,
        }  # fmt: skip


def flat(text: str) -> str:
    """Whitespace collapsed: a name or an amount in words may wrap across lines."""
    return " ".join(text.split())


def pypdf_text(pdf: bytes) -> str:
    return flat(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


def write(pdf: bytes, folder: Path, name: str = "letter.pdf") -> Path:
    path = folder / name
    path.write_bytes(pdf)
    return path


def pdftotext(path: Path) -> str:
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          text=True, check=True)  # fmt: skip
    return flat(done.stdout)


def pdfinfo_pages(path: Path) -> int:
    done = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    line = next(x for x in done.stdout.splitlines() if x.startswith("Pages:"))
    return int(line.split()[1])


def assert_sound_pdf(path: Path, pages: int) -> None:
    """A well-formed PDF (qpdf), of ``pages`` pages (pdfinfo), every font embedded."""
    check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert pdfinfo_pages(path) == pages
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    rows = fonts.stdout.splitlines()[2:]  # after the header and its underline
    assert rows, fonts.stdout
    for row in rows:
        # name type encoding emb sub uni object ID: "emb" is the fourth column from the end
        # but two (object, ID); counted from the right, names may contain spaces.
        columns = row.split()
        assert columns[-5] == "yes", row


def executive_of(db: Database, case_id: UUID) -> str:
    with db.unit_of_work() as uow:
        query = select(User.username).join(Case, Case.executive_id == User.id)
        return uow.session.scalars(query.where(Case.id == case_id)).one()


def case_number_of(db: Database, case_id: UUID) -> str:
    with db.unit_of_work() as uow:
        return uow.session.scalars(select(Case.number).where(Case.id == case_id)).one()


def figures(amount: Decimal, currency: str) -> str:
    return format_money(Money(amount, currency))


class Both:
    """The text of a PDF as pdftotext and as pypdf read it: ``x in text`` holds only when
    both read ``x`` (they order a page's columns differently, so each is searched whole)."""

    def __init__(self, poppler: str, pypdf: str) -> None:
        self.poppler, self.pypdf = poppler, pypdf

    def __contains__(self, wanted: str) -> bool:
        return wanted in self.poppler and wanted in self.pypdf

    def count(self, wanted: str) -> int:
        return min(self.poppler.count(wanted), self.pypdf.count(wanted))

    def replace(self, old: str, new: str) -> Both:
        return Both(self.poppler.replace(old, new), self.pypdf.replace(old, new))


def read_back(db: Database, document_id: UUID, folder: Path) -> tuple[dict[str, object], Both]:
    """The stored record and its text, after checking the file is a sound PDF."""
    record = stored_document(db, document_id)
    pdf = record["content"]
    assert isinstance(pdf, bytes)
    path = write(pdf, folder, str(record["file_name"]))
    assert_sound_pdf(path, int(str(record["pages"])))
    return record, Both(pdftotext(path), pypdf_text(pdf))


def check_record(info: DocumentInfo, record: dict[str, object], kind: str, username: str) -> None:
    """The stored record of a ``kind`` letter generated by ``username``, as the issue asks:
    the SHA-256 of the very bytes stored, the data snapshot, the template, the author."""
    content = record["content"]
    assert isinstance(content, bytes)
    assert record["sha256"] == hashlib.sha256(content).hexdigest()
    assert record["kind"] == kind and record["template"] == kind
    assert str(record["template_version"]).strip()
    assert record["author"] == username
    data = letter_from_mapping(record["data"])  # type: ignore[arg-type]
    assert data.kind == kind and data.number == record["number"]
    assert info.sha256 == record["sha256"] and info.size == len(content)
