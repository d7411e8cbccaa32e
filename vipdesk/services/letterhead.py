"""The company's letterhead on every letter: name, legal name, tax id, address, phone, email,
website, where a debtor may complain, the creditor's bank account for each currency, and the
logo. An admin keeps it (File → "Membrete y logotipo…"); every database has one from the
start: until an admin saves theirs, the built-in default below is in force.

Stored as the app setting "letterhead" (copied whole into every local cache, like the ratio
thresholds), the logo as base64 text. Saving is a command like any other: validated (every
problem named by its field: "email", "bank_accounts.MXN", "logo"), admins only, audited,
queued when done on a cache and replayed centrally.
"""

from __future__ import annotations

import base64
import binascii
import io
import re
import warnings
from collections.abc import Mapping
from typing import Any
from uuid import uuid4

from PIL import Image, UnidentifiedImageError
from sqlalchemy.orm import Session

from vipdesk.core.errors import QT_TRANSLATE_NOOP, Problem, ValidationError
from vipdesk.core.money import SUPPORTED_CURRENCIES
from vipdesk.core.text import clean_text
from vipdesk.services.document_dto import (
    LETTERHEAD_FIELDS,
    BankAccount,
    LetterheadInfo,
    LetterheadSave,
)
from vipdesk.services.dto import Actor
from vipdesk.services.recording import command_moment
from vipdesk.services.setting_changes import (
    already_applied,
    finish_setting_change,
    put_setting,
    require_admin,
)
from vipdesk.storage.models import AppSetting
from vipdesk.storage.uow import UnitOfWork

KEY = "letterhead"
SAVE = "settings.letterhead.save"
MAX_LOGO_BYTES = 512 * 1024
MAX_LOGO_PIXELS = 4000  # per side: a logo is printed a few centimetres wide
MAX_BANK = 120  # documents.fields: what a letter prints of each
MAX_ACCOUNT = 60
COUNTRIES = ("GT", "MX")
# (maximum length, required, multiline) of each text field: what the letters print of them.
LIMITS: dict[str, tuple[int, bool, bool]] = {
    "trade_name": (60, True, False),
    "legal_name": (120, True, False),
    "country": (2, True, False),
    "tax_id": (30, True, False),
    "address": (160, True, False),
    "city": (60, True, False),
    "phone": (40, True, False),
    "email": (100, True, False),
    "website": (100, False, False),
    "complaints": (600, True, False),
    "signatory_name": (300, True, False),
    "signatory_id_document": (60, True, False),
    "signatory_capacity": (200, True, False),
}
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")

DEFAULT_FIELDS: Mapping[str, str] = {
    "trade_name": "Cartera VIP",
    "legal_name": "Cartera VIP, Sociedad Anónima",
    "country": "GT",
    "tax_id": "4567812-K",
    "address": "Diagonal 6, 10-01 zona 10, Edificio Las Margaritas, Torre II, nivel 8",
    "city": "Ciudad de Guatemala",
    "phone": "+502 2385-4000",
    "email": "cobranza@carteravip.example",
    "website": "www.carteravip.example",
    "complaints": (
        "quejas@carteravip.example o +502 2385-4099; en Guatemala, la Dirección de Atención y "
        "Asistencia al Consumidor (DIACO), 1544; en México, la CONDUSEF, 55 5340 0999, "
        "www.condusef.gob.mx"
    ),
    "signatory_name": "Lic. Ernesto Javier Solís Pineda",
    "signatory_id_document": "DPI 2547 81236 0101",
    "signatory_capacity": "Mandatario especial con representación de Cartera VIP, S.A.",
}
DEFAULT_ACCOUNTS: Mapping[str, BankAccount] = {
    "GTQ": BankAccount("Banco Industrial, S.A.", "Cuenta monetaria 000-123456-7"),
    "MXN": BankAccount("BBVA México, S.A.", "CLABE 012180001234567899"),
    "USD": BankAccount("Banco Industrial, S.A.", "Cuenta en dólares 000-765432-1"),
}


def _accounts(value: object) -> dict[str, BankAccount]:
    if not isinstance(value, Mapping):
        return {}
    found = {}
    for currency, account in value.items():
        if currency in SUPPORTED_CURRENCIES and isinstance(account, Mapping):
            bank, number = str(account.get("bank") or ""), str(account.get("account") or "")
            if bank or number:
                found[str(currency)] = BankAccount(bank, number)
    return found


def _info(value: Any, updated_at: Any = None) -> LetterheadInfo:
    """The stored setting read leniently: what an older version stored (or a field it did not
    know) reads as "" rather than failing every letter."""
    if not isinstance(value, Mapping):
        return LetterheadInfo(dict(DEFAULT_FIELDS), dict(DEFAULT_ACCOUNTS), None, "", True, None)
    fields = {name: str(value.get(name) or "") for name in LETTERHEAD_FIELDS}
    logo = None
    kind = ""
    if isinstance(value.get("logo"), str) and value["logo"]:
        try:
            logo = base64.b64decode(value["logo"], validate=True)
            kind = _image_kind(logo)
        except (binascii.Error, ValidationError):
            logo = None
    return LetterheadInfo(
        fields, _accounts(value.get("bank_accounts")), logo if kind else None, kind, False,
        updated_at,
    )  # fmt: skip


def letterhead_in(session: Session) -> LetterheadInfo:
    row = session.get(AppSetting, KEY)
    return _info(None) if row is None else _info(row.value, row.updated_at)


def letterhead(uow: UnitOfWork) -> LetterheadInfo:
    """The letterhead in force: the admin's, else the built-in default. Everyone reads it."""
    with uow:
        return letterhead_in(uow.session)


def _bad_logo() -> ValidationError:
    return ValidationError.single(
        "logo", QT_TRANSLATE_NOOP("errors", "The logo must be a PNG or JPEG image")
    )


def _image_kind(data: bytes) -> str:
    """ "png" or "jpeg" when ``data`` is a whole, readable image of that format (a renamed
    text file, a truncated picture or another format is refused)."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = "png"
    elif data.startswith(b"\xff\xd8\xff"):
        kind = "jpeg"
    else:
        raise _bad_logo()
    try:
        with warnings.catch_warnings():
            # A huge declared size is refused below, not warned about.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
                if image.format not in ("PNG", "JPEG"):
                    raise _bad_logo()
                if max(width, height) > MAX_LOGO_PIXELS:
                    raise ValidationError.single(
                        "logo",
                        QT_TRANSLATE_NOOP(
                            "errors", "The logo is too large: at most {maximum} pixels a side"
                        ),
                        maximum=MAX_LOGO_PIXELS,
                    )
                image.load()  # decodes every byte: a cut-off file fails here
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise _bad_logo() from None
    return kind


def check_logo_size(size: int) -> None:
    """ValidationError on "logo" when a file of ``size`` bytes is too big to be the logo
    (checked before a chosen file is even read)."""
    if size > MAX_LOGO_BYTES:
        raise ValidationError.single(
            "logo",
            QT_TRANSLATE_NOOP(
                "errors", "The logo must be at most {maximum} KB (this one: {size} KB)"
            ),
            maximum=MAX_LOGO_BYTES // 1024,
            size=(size + 1023) // 1024,
        )


def check_logo(data: bytes) -> str:
    """The logo's kind ("png" or "jpeg"), or ValidationError on "logo": more than 512 KB, not
    an image, not PNG or JPEG, absurdly large. Pure: the dialog calls it on the chosen file."""
    check_logo_size(len(data))
    return _image_kind(data)


def check_letterhead(cmd: LetterheadSave) -> dict[str, Any]:
    """The value to store, or one ValidationError naming every invalid field."""
    problems: list[Problem] = []
    stored: dict[str, Any] = {}
    fields = cmd.fields if isinstance(cmd.fields, Mapping) else {}
    for name in LETTERHEAD_FIELDS:
        maximum, required, multiline = LIMITS[name]
        try:
            text = clean_text(fields.get(name, ""), name, max_length=maximum, required=required,
                              multiline=multiline)  # fmt: skip
            if name == "country" and text not in COUNTRIES:
                raise ValidationError.single(
                    name, QT_TRANSLATE_NOOP("errors", "Choose a value from the list")
                )
            if name == "email" and not _EMAIL.fullmatch(text):
                raise ValidationError.single(
                    name, QT_TRANSLATE_NOOP("errors", "Enter an email address like {example}"),
                    example="cobranza@empresa.com",
                )  # fmt: skip
            stored[name] = text
        except ValidationError as error:
            problems.extend(error.problems)
    accounts: dict[str, dict[str, str]] = {}
    given = cmd.bank_accounts if isinstance(cmd.bank_accounts, Mapping) else {}
    for currency, account in given.items():
        field = f"bank_accounts.{currency}"
        if currency not in SUPPORTED_CURRENCIES or not isinstance(account, Mapping):
            problems.append(
                Problem(field, QT_TRANSLATE_NOOP("errors", "Unknown currency: {currency}"),
                        {"currency": str(currency)})
            )  # fmt: skip
            continue
        parts: dict[str, str] = {}
        for part, maximum in (("bank", MAX_BANK), ("account", MAX_ACCOUNT)):
            try:
                parts[part] = clean_text(account.get(part, ""), f"{field}.{part}",
                                         max_length=maximum, required=False)  # fmt: skip
            except ValidationError as error:
                problems.extend(error.problems)
        if len(parts) == 2 and bool(parts["bank"]) != bool(parts["account"]):
            missing = "bank" if not parts["bank"] else "account"
            problems.append(Problem(
                f"{field}.{missing}",
                QT_TRANSLATE_NOOP("errors", "Give both the bank and the account, or neither"),
            ))  # fmt: skip
        elif len(parts) == 2 and parts["bank"]:
            accounts[currency] = parts
    stored["bank_accounts"] = accounts
    stored["logo"] = ""
    if isinstance(cmd.logo, str) and cmd.logo.strip():
        try:
            data = base64.b64decode(cmd.logo.strip(), validate=True)
            check_logo(data)
            stored["logo"] = base64.b64encode(data).decode("ascii")
        except binascii.Error:
            problems.extend(_bad_logo().problems)
        except ValidationError as error:
            problems.extend(error.problems)
    elif cmd.logo not in ("", None):
        problems.extend(_bad_logo().problems)
    if problems:
        raise ValidationError(problems)
    return stored


def _audited(value: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """The setting as the audit trail keeps it: the logo by size, not by its bytes."""
    if value is None:
        return None
    logo = value.get("logo") or ""
    return {**value, "logo": f"{len(logo) * 3 // 4} bytes" if logo else ""}


def save_letterhead(uow: UnitOfWork, actor: Actor, cmd: LetterheadSave) -> LetterheadInfo:
    """Store the letterhead an admin typed; return what is now in force. ``NotAllowed``
    unless the user is an admin; ``ValidationError`` naming every invalid field."""
    now, _today = command_moment(uow, cmd)
    require_admin(actor)
    stored = check_letterhead(cmd)
    command_id = cmd.id or uuid4()
    with uow:
        session = uow.session
        if already_applied(session, command_id):
            return letterhead_in(session)
        before = put_setting(session, KEY, stored)
        queued = LetterheadSave(
            {n: stored[n] for n in LETTERHEAD_FIELDS}, stored["bank_accounts"], stored["logo"]
        )
        finish_setting_change(
            uow, actor, queued=queued, command_id=command_id, kind=SAVE, when=now,
            action="settings.letterhead_saved", key=KEY,
            before=_audited(dict(before) if before is not None else None), after=_audited(stored),
        )  # fmt: skip
        row = session.get(AppSetting, KEY)
        return _info(stored, row.updated_at if row is not None else now)
