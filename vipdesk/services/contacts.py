"""How to reach a debtor: phones, emails and addresses, each with a label, the best hours to
call and at most one preferred contact per kind.

Adding, changing and removing a contact are commands like any other change: validated,
authorised like editing the debtor (the user must be able to work one of its cases), audited,
queued when done on a local cache and applied once by their id. A change based on values
someone else has changed meanwhile is refused as a conflict, never overwritten.
"""

from __future__ import annotations

import re
from uuid import UUID, uuid4

from sqlalchemy import select
from sqlalchemy.orm import Session

from vipdesk.core.catalog import ContactKind
from vipdesk.core.errors import QT_TRANSLATE_NOOP, Conflict, NotFound, ValidationError
from vipdesk.core.text import clean_text
from vipdesk.core.validation import collect
from vipdesk.services.debtor_records import finish_debtor_change, remove_debtor_record
from vipdesk.services.debtors import _workable_debtor as workable_debtor
from vipdesk.services.dto import Actor, ContactInfo, ContactRemoval, ContactSave
from vipdesk.services.recording import command_moment, queue_if_offline
from vipdesk.storage.models import AppliedCommand, Debtor, DebtorContact
from vipdesk.storage.uow import UnitOfWork

SAVE = "contact.save"
REMOVE = "contact.remove"
MAX_LABEL = 60
MAX_VALUE = 200
MAX_HOURS = 60
MIN_PHONE_DIGITS = 7
KINDS = tuple(kind.value for kind in ContactKind)
# The fields a person compares when an edit conflicts (``preferred`` is left out: saving
# another contact as preferred unsets it, which is not a change of this one's content).
COMPARED = ("label", "value", "best_hours")

_PHONE = re.compile(r"[0-9 +\-()]+")
# A sane address rather than RFC 5322: what mail systems actually deliver to. ASCII only, one
# @, a dotted domain whose labels neither start nor end with a hyphen.
_EMAIL = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}"
)


def check_phone(text: str, field: str) -> str:
    """``text`` (already cleaned) if it is a phone number; else a ValidationError for ``field``.
    Shared with the related parties' phone."""
    digits = sum(c.isdigit() for c in text)
    if not _PHONE.fullmatch(text) or digits < MIN_PHONE_DIGITS:
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP(
                "errors",
                "Enter a phone number: at least {digits} digits; only digits, spaces, "
                "+, - and parentheses",
            ),
            digits=MIN_PHONE_DIGITS,
        )
    return text


def check_email(text: str, field: str) -> str:
    """``text`` (already cleaned) if it is an email address; else a ValidationError for
    ``field``. Shared with the related parties' email."""
    if not _EMAIL.fullmatch(text):
        raise ValidationError.single(
            field, QT_TRANSLATE_NOOP("errors", "Enter an email address like name@example.com")
        )
    return text


def _check_value(kind: str, value: str) -> str:
    text = clean_text(value, "value", max_length=MAX_VALUE)
    if kind == ContactKind.PHONE:
        return check_phone(text, "value")
    if kind == ContactKind.EMAIL:
        return check_email(text, "value")
    return text


def check_contact(kind: str, label: str, value: str, best_hours: str) -> dict[str, str]:
    """The cleaned fields of a contact, or one ValidationError naming every invalid field.
    Pure: forms call it as the user types, the use case before storing anything."""
    clean: dict[str, str] = {}

    def kind_ok() -> None:
        if kind not in KINDS:
            raise ValidationError.single(
                "kind", QT_TRANSLATE_NOOP("errors", "Choose a value from the list")
            )
        clean["kind"] = kind

    def value_ok() -> None:
        clean["value"] = _check_value(kind, value)

    collect(
        kind_ok,
        lambda: clean.__setitem__("label", clean_text(label, "label", max_length=MAX_LABEL,
                                                      required=False)),
        value_ok,
        lambda: clean.__setitem__("best_hours", clean_text(best_hours, "best_hours",
                                                           max_length=MAX_HOURS, required=False)),
    )  # fmt: skip
    return clean


def _fields(contact: DebtorContact) -> dict[str, object]:
    return {
        "kind": contact.kind,
        "label": contact.label,
        "value": contact.value,
        "preferred": contact.preferred,
        "best_hours": contact.best_hours,
    }


def _info(c: DebtorContact) -> ContactInfo:
    return ContactInfo(c.id, c.kind, c.label, c.value, c.preferred, c.best_hours)


def contact_info(uow: UnitOfWork, actor: Actor, debtor_id: UUID, contact_id: UUID) -> ContactInfo:
    with uow:
        return _info(_contact_of(uow.session, workable_debtor(uow, actor, debtor_id), contact_id))


def contacts_of(uow: UnitOfWork, actor: Actor, debtor_id: UUID) -> list[ContactInfo]:
    with uow:
        debtor = workable_debtor(uow, actor, debtor_id)
        return [_info(c) for c in debtor.contacts]


def _contact_of(session: Session, debtor: Debtor, contact_id: UUID) -> DebtorContact:
    contact = session.get(DebtorContact, contact_id)
    if contact is None or contact.debtor_id != debtor.id:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "This contact of {debtor} no longer exists."),
            debtor=debtor.name,
        )
    return contact


def save_contact(uow: UnitOfWork, actor: Actor, cmd: ContactSave) -> UUID:
    """Add or change the contact ``cmd.contact_id``; return its id."""
    now, _today = command_moment(uow, cmd)
    clean = check_contact(cmd.kind, cmd.label, cmd.value, cmd.best_hours)
    if not isinstance(cmd.preferred, bool):
        raise ValidationError.single(
            "preferred", QT_TRANSLATE_NOOP("errors", "Choose a value from the list")
        )
    command_id = cmd.id or uuid4()
    with uow:
        session = uow.session
        debtor = workable_debtor(uow, actor, cmd.debtor_id)
        if session.get(AppliedCommand, command_id) is not None:
            return cmd.contact_id  # a replay of a change already applied
        contact = session.get(DebtorContact, cmd.contact_id)
        seen = (cmd.seen_label, cmd.seen_value, cmd.seen_best_hours)
        if contact is not None and contact.debtor_id != debtor.id:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "Debtor not found: {debtor}"),
                           debtor=cmd.debtor_id)  # fmt: skip
        if contact is None and cmd.seen_value is not None:
            _contact_of(session, debtor, cmd.contact_id)  # removed meanwhile: say so
        before = _fields(contact) if contact is not None else None
        if contact is not None and (contact.label, contact.value, contact.best_hours) != seen:
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "errors", "A contact of {debtor} was changed by someone else meanwhile."
                ),
                theirs=before,
                debtor=debtor.name,
            )
        if contact is None:
            contact = DebtorContact(id=cmd.contact_id, debtor_id=debtor.id)
            session.add(contact)
        contact.kind, contact.label = clean["kind"], clean["label"]
        contact.value, contact.best_hours = clean["value"], clean["best_hours"]
        contact.preferred = cmd.preferred
        if cmd.preferred:
            others = select(DebtorContact).where(
                DebtorContact.debtor_id == debtor.id,
                DebtorContact.kind == contact.kind,
                DebtorContact.preferred.is_(True),
                DebtorContact.id != contact.id,
            )
            for other in session.scalars(others):
                other.preferred = False
        session.add(AppliedCommand(id=command_id, kind=SAVE, applied_at=now))
        session.flush()  # the ORM's version check: a concurrent writer makes this fail
        after = {"contact_id": str(contact.id), **_fields(contact)}
        finish_debtor_change(uow, debtor, actor, now, "debtor.contact_saved", before, after)
        queue_if_offline(uow, cmd, command_id, now)
        uow.commit()
        return contact.id


def remove_contact(uow: UnitOfWork, actor: Actor, cmd: ContactRemoval) -> None:
    """Remove the contact; removing one already gone (by someone else) changes nothing."""
    remove_debtor_record(
        uow, actor, cmd, model=DebtorContact, record_id=cmd.contact_id, kind=REMOVE,
        action="debtor.contact_removed", key="contact_id", fields=_fields, owned=_contact_of,
    )  # fmt: skip
