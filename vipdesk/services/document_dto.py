"""The commands that generate letters, hand them to legal and acknowledge them, the company's
letterhead as the GUI edits it, and what a batch of letters reports.

The documents themselves (DocumentInfo, InboxItem) are in agreement_dto.py. As everywhere,
every command has ``id`` and ``recorded_at`` last, for the outbox (services/commands.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from vipdesk.core.errors import VipDeskError
from vipdesk.services.agreement_dto import DocumentInfo


@dataclass(frozen=True)
class DocumentGenerate:
    """A letter already rendered: the PDF travels with the command (base64 text) with its
    SHA-256, so that the central database stores the very bytes the user saw, never a new
    rendering of data that may have moved since. ``data``: the snapshot it was made from."""

    case_id: UUID
    document_id: UUID
    kind: str
    number: str
    template: str
    template_version: str
    data: Mapping[str, Any]
    pdf: str  # base64 of the PDF's bytes
    sha256: str
    pages: int
    file_name: str
    agreement_id: UUID | None = None
    id: UUID | None = None
    recorded_at: datetime | None = None


@dataclass(frozen=True)
class DocumentHandoff:
    """Send the document ``document_id`` to legal (a new hand-off ``handoff_id``)."""

    case_id: UUID
    document_id: UUID
    handoff_id: UUID
    note: str = ""
    id: UUID | None = None
    recorded_at: datetime | None = None


@dataclass(frozen=True)
class DocumentAcknowledge:
    """Legal confirms it received the hand-off ``handoff_id``."""

    case_id: UUID
    handoff_id: UUID
    id: UUID | None = None
    recorded_at: datetime | None = None


# The letterhead's text fields, in the order the admin's dialog shows them (the names of
# documents.snapshot.Letterhead); "country" is "GT" or "MX" (which tax id it is: NIT or RFC).
# "signatory_*": who signs agreements for the creditor (name, identity document, capacity).
LETTERHEAD_FIELDS = (
    "trade_name",
    "legal_name",
    "country",
    "tax_id",
    "address",
    "city",
    "phone",
    "email",
    "website",
    "complaints",
    "signatory_name",
    "signatory_id_document",
    "signatory_capacity",
)


@dataclass(frozen=True)
class BankAccount:
    """The creditor's own account for payments in one currency."""

    bank: str  # "Banco Industrial, S.A."
    account: str  # "Cuenta monetaria 000-123456-7"


@dataclass(frozen=True)
class LetterheadInfo:
    """The company's letterhead: ``fields`` by LETTERHEAD_FIELDS (every one present, "" if
    empty), the creditor's bank account per currency, the logo (PNG or JPEG bytes, or None)
    and whether it is still the built-in default."""

    fields: Mapping[str, str]
    bank_accounts: Mapping[str, BankAccount]
    logo: bytes | None
    logo_type: str  # "png", "jpeg" or "" without a logo
    is_default: bool
    updated_at: datetime | None


@dataclass(frozen=True)
class LetterheadSave:
    """The letterhead as an admin typed it: the text fields, the bank accounts by currency
    ({"GTQ": {"bank": "…", "account": "…"}}), the logo as base64 text ("" for none)."""

    fields: Mapping[str, str]
    bank_accounts: Mapping[str, Mapping[str, str]]
    logo: str = ""
    id: UUID | None = None
    recorded_at: datetime | None = None


@dataclass(frozen=True)
class BatchRefusal:
    """A case of a batch that got no letter, and why (translate with error.translated)."""

    case_id: UUID
    case_number: str
    error: VipDeskError

    @property
    def message(self) -> str:
        return self.error.message


@dataclass(frozen=True)
class BatchResult:
    generated: tuple[DocumentInfo, ...]
    refused: tuple[BatchRefusal, ...]
    cancelled: bool  # stopped before the end: the cases after the last one done got nothing
    seconds: float
    saved_to: tuple[str, ...] = ()  # the files written, when a folder was given
