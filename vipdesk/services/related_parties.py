"""Who stands beside a debtor: guarantors, legal representatives and co-debtors, each with
their own tax id, identity document and a way to reach them.

Adding, changing and removing one works exactly like a contact (see services/contacts.py): a
command validated, authorised like editing the debtor (the user must be able to work one of
its cases), audited, queued when done on a local cache and applied once by its id; an edit
based on values someone else has changed meanwhile is refused as a conflict.

Identifiers follow the debtor's country (core/identifiers.py): NIT and DPI in Guatemala, RFC
and CURP in Mexico. A party may be a person or a company, so a Mexican RFC of either length is
accepted; both identifiers are optional (a company has no identity document).
"""

from __future__ import annotations

from uuid import UUID, uuid4

from sqlalchemy.orm import Session

from vipdesk.core import identifiers
from vipdesk.core.catalog import Country, RelatedPartyRole
from vipdesk.core.errors import QT_TRANSLATE_NOOP, Conflict, NotFound, ValidationError
from vipdesk.core.text import clean_text
from vipdesk.core.validation import collect
from vipdesk.services.contacts import check_email, check_phone
from vipdesk.services.debtor_records import finish_debtor_change, remove_debtor_record
from vipdesk.services.debtors import _workable_debtor as workable_debtor
from vipdesk.services.dto import Actor, PartyRemoval, PartySave, RelatedPartyInfo
from vipdesk.services.recording import command_moment, queue_if_offline
from vipdesk.storage.models import AppliedCommand, Debtor, RelatedParty
from vipdesk.storage.uow import UnitOfWork

SAVE = "party.save"
REMOVE = "party.remove"
ROLES = tuple(role.value for role in RelatedPartyRole)
# The columns' sizes (storage/models/debtors.RelatedParty).
MAX_NAME = 300
MAX_CAPACITY = 200
MAX_PHONE = 40
MAX_EMAIL = 254
# What people type around an identifier (spaces, hyphens) may be longer than what is stored;
# core.identifiers turns it into the canonical form, which fits the 20-character columns.
_MAX_TYPED_IDENTIFIER = 64
# The fields a person compares when an edit conflicts: all of them.
COMPARED = ("role", "name", "capacity", "tax_id", "id_document", "phone", "email")


def _tax_id(text: str, country: str) -> str:
    typed = clean_text(text, "tax_id", max_length=_MAX_TYPED_IDENTIFIER, required=False)
    if not typed:
        return ""
    if country == Country.GUATEMALA:
        return identifiers.normalize_nit(typed)
    if country == Country.MEXICO:  # a person's RFC (13 characters) or a company's (12)
        return identifiers.normalize_rfc(typed)
    return clean_text(typed, "tax_id", max_length=20)  # no rules known: as typed


def _id_document(text: str, country: str) -> str:
    typed = clean_text(text, "id_document", max_length=_MAX_TYPED_IDENTIFIER, required=False)
    if not typed:
        return ""
    if country in (Country.GUATEMALA, Country.MEXICO):
        return identifiers.validate_id_document(typed, Country(country))
    return clean_text(typed, "id_document", max_length=20)


def check_party(
    role: str,
    name: str,
    capacity: str,
    tax_id: str,
    id_document: str,
    phone: str,
    email: str,
    *,
    country: str,
) -> dict[str, str]:
    """The cleaned fields of a related party of a debtor of ``country`` (a Country code), or
    one ValidationError naming every invalid field. Pure: the dialog calls it as the user
    types, the use case before storing anything."""
    clean: dict[str, str] = {}

    def role_ok() -> None:
        if role not in ROLES:
            raise ValidationError.single(
                "role", QT_TRANSLATE_NOOP("errors", "Choose a value from the list")
            )
        clean["role"] = role

    def phone_ok() -> None:
        text = clean_text(phone, "phone", max_length=MAX_PHONE, required=False)
        clean["phone"] = check_phone(text, "phone") if text else ""

    def email_ok() -> None:
        text = clean_text(email, "email", max_length=MAX_EMAIL, required=False)
        clean["email"] = check_email(text, "email") if text else ""

    collect(
        role_ok,
        lambda: clean.__setitem__("name", clean_text(name, "name", max_length=MAX_NAME)),
        lambda: clean.__setitem__("capacity", clean_text(capacity, "capacity",
                                                         max_length=MAX_CAPACITY, required=False)),
        lambda: clean.__setitem__("tax_id", _tax_id(tax_id, country)),
        lambda: clean.__setitem__("id_document", _id_document(id_document, country)),
        phone_ok,
        email_ok,
    )  # fmt: skip
    return clean


def _fields(party: RelatedParty) -> dict[str, object]:
    return {name: getattr(party, name) for name in COMPARED}


def _info(p: RelatedParty) -> RelatedPartyInfo:
    return RelatedPartyInfo(
        p.id, p.role, p.name, p.capacity, p.tax_id, p.id_document, p.phone, p.email
    )


def party_info(uow: UnitOfWork, actor: Actor, debtor_id: UUID, party_id: UUID) -> RelatedPartyInfo:
    with uow:
        return _info(_party_of(uow.session, workable_debtor(uow, actor, debtor_id), party_id))


def parties_of(uow: UnitOfWork, actor: Actor, debtor_id: UUID) -> list[RelatedPartyInfo]:
    with uow:
        debtor = workable_debtor(uow, actor, debtor_id)
        return [_info(p) for p in debtor.related_parties]


def _party_of(session: Session, debtor: Debtor, party_id: UUID) -> RelatedParty:
    party = session.get(RelatedParty, party_id)
    if party is None or party.debtor_id != debtor.id:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "This related party of {debtor} no longer exists."),
            debtor=debtor.name,
        )
    return party


def _seen(cmd: PartySave) -> tuple[str | None, ...]:
    return tuple(getattr(cmd, f"seen_{name}") for name in COMPARED)


def save_party(uow: UnitOfWork, actor: Actor, cmd: PartySave) -> UUID:
    """Add or change the related party ``cmd.party_id``; return its id."""
    now, _today = command_moment(uow, cmd)
    command_id = cmd.id or uuid4()
    with uow:
        session = uow.session
        debtor = workable_debtor(uow, actor, cmd.debtor_id)
        # The identifiers' rules are the debtor's country's: known only once it is read.
        clean = check_party(cmd.role, cmd.name, cmd.capacity, cmd.tax_id, cmd.id_document,
                            cmd.phone, cmd.email, country=debtor.country)  # fmt: skip
        if session.get(AppliedCommand, command_id) is not None:
            return cmd.party_id  # a replay of a change already applied
        party = session.get(RelatedParty, cmd.party_id)
        if party is not None and party.debtor_id != debtor.id:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "Debtor not found: {debtor}"),
                           debtor=cmd.debtor_id)  # fmt: skip
        if party is None and cmd.seen_name is not None:
            _party_of(session, debtor, cmd.party_id)  # removed meanwhile: say so
        before = _fields(party) if party is not None else None
        if party is not None and tuple(_fields(party).values()) != _seen(cmd):
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "errors", "A related party of {debtor} was changed by someone else meanwhile."
                ),
                theirs=before,
                debtor=debtor.name,
            )
        if party is None:
            party = RelatedParty(id=cmd.party_id, debtor_id=debtor.id)
            session.add(party)
        for name, value in clean.items():
            setattr(party, name, value)
        session.add(AppliedCommand(id=command_id, kind=SAVE, applied_at=now))
        session.flush()  # the ORM's version check: a concurrent writer makes this fail
        after = {"party_id": str(party.id), **_fields(party)}
        finish_debtor_change(uow, debtor, actor, now, "debtor.party_saved", before, after)
        queue_if_offline(uow, cmd, command_id, now)
        uow.commit()
        return party.id


def remove_party(uow: UnitOfWork, actor: Actor, cmd: PartyRemoval) -> None:
    """Remove the related party; removing one already gone (by someone else) changes nothing."""
    remove_debtor_record(
        uow, actor, cmd, model=RelatedParty, record_id=cmd.party_id, kind=REMOVE,
        action="debtor.party_removed", key="party_id", fields=_fields, owned=_party_of,
    )  # fmt: skip
