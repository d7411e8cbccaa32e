"""One debtor with its contacts (2-4, one address, one preferred) and related parties (0-2)."""

from __future__ import annotations

import uuid
from datetime import datetime

from vipdesk.core.catalog import ContactKind, RelatedPartyRole, Segment
from vipdesk.demo.people import RISK_RATINGS, DebtorDraft, PeopleFactory, PersonName
from vipdesk.demo.recipes import City, CountryPools
from vipdesk.demo.rows import new_uuid, stamp

_PHONE = ContactKind.PHONE.value
_EMAIL = ContactKind.EMAIL.value
_ADDRESS = ContactKind.ADDRESS.value


def build_debtor(
    people: PeopleFactory, country: str, segment: Segment, created: datetime
) -> DebtorDraft:
    rng = people.rng
    recipes = people.recipes
    pools = recipes.countries[country]
    city = pools.cities.pick(rng)
    debtor_id = new_uuid(rng)
    draft = DebtorDraft(row={}, city=city)
    if segment is Segment.COMPANY:
        name, trade_name, domain = people.company_name(pools)
        founded = people.birth_date(3, 50)
        tax_id = people.nit() if country == "GT" else people.rfc_company(name, founded)
        document = ""
        activity = rng.choice(pools.activities_company)
        _company_contacts(people, draft, debtor_id, created, country, pools, city, domain)
    else:
        person = people.person(pools)
        founded = people.birth_date(32, 75)
        name, trade_name = person.full, ""
        if country == "GT":
            tax_id, document = people.nit(), people.dpi(city.code)
        else:
            tax_id = people.rfc_person(person, founded)
            document = people.curp(person, founded, city.code)
        activity = rng.choice(pools.activities_individual)
        draft.reachable.append(person.full)
        _individual_contacts(people, draft, debtor_id, created, country, pools, city, person)
    _related_parties(people, draft, debtor_id, created, country, pools, city, segment)

    # Exactly one preferred way to reach the debtor, never the postal address.
    reachable = [c for c in draft.contacts if c["kind"] != _ADDRESS]
    rng.choice(reachable)["preferred"] = True

    row = stamp(debtor_id, created)
    row.update(
        segment=segment.value,
        country=country,
        name=name,
        trade_name=trade_name,
        tax_id=tax_id,
        id_document=document,
        risk_rating=RISK_RATINGS.pick(rng),
        economic_activity=activity,
        born_or_incorporated_on=founded,
        notes=rng.choice(recipes.debtor_notes) if rng.random() < 0.2 else "",
    )
    draft.row = row
    return draft


def _company_contacts(
    people: PeopleFactory,
    draft: DebtorDraft,
    debtor_id: uuid.UUID,
    created: datetime,
    country: str,
    pools: CountryPools,
    city: City,
    domain: str,
) -> None:
    rng = people.rng
    recipes = people.recipes
    hours = recipes.best_hours
    draft.contacts.append(
        people.contact(
            debtor_id,
            created,
            _ADDRESS,
            "Domicilio fiscal",
            people.address(country, pools, city, office=True),
        )
    )
    draft.contacts.append(
        people.contact(
            debtor_id,
            created,
            _PHONE,
            "PBX oficinas",
            people.phone(country, city, mobile=False),
            rng.choice(hours),
        )
    )
    email_domain = f"{domain}.{pools.email_tld}"
    extras = rng.randint(0, 2)
    if extras == 0:  # still give a generic mailbox half of the time
        if rng.random() < 0.5:
            draft.contacts.append(
                people.contact(
                    debtor_id,
                    created,
                    _EMAIL,
                    "Correo general",
                    f"{rng.choice(recipes.company_mailboxes)}@{email_domain}",
                )
            )
        return
    for _ in range(extras):
        role = rng.choice(recipes.contact_roles)
        person = people.person(pools)
        shown = people.titled(person)
        draft.reachable.append(shown)
        if rng.random() < 0.6:
            draft.contacts.append(
                people.contact(
                    debtor_id,
                    created,
                    _PHONE,
                    f"{role}: {shown}",
                    people.phone(country, city, mobile=True),
                    rng.choice(hours),
                )
            )
        else:
            mailbox = rng.choice(recipes.company_mailboxes)
            draft.contacts.append(
                people.contact(
                    debtor_id, created, _EMAIL, f"{role}: {shown}", f"{mailbox}@{email_domain}"
                )
            )


def _individual_contacts(
    people: PeopleFactory,
    draft: DebtorDraft,
    debtor_id: uuid.UUID,
    created: datetime,
    country: str,
    pools: CountryPools,
    city: City,
    person: PersonName,
) -> None:
    rng = people.rng
    hours = people.recipes.best_hours
    office = rng.random() < 0.4
    draft.contacts.append(
        people.contact(
            debtor_id,
            created,
            _ADDRESS,
            "Oficina" if office else "Domicilio",
            people.address(country, pools, city, office=office),
        )
    )
    draft.contacts.append(
        people.contact(
            debtor_id,
            created,
            _PHONE,
            "Celular",
            people.phone(country, city, mobile=True),
            rng.choice(hours),
        )
    )
    kinds = rng.sample(("email", "home", "assistant"), rng.randint(0, 2))
    for kind in kinds:
        if kind == "email":
            draft.contacts.append(
                people.contact(
                    debtor_id,
                    created,
                    _EMAIL,
                    "Correo personal",
                    people.personal_email(pools, person),
                )
            )
        elif kind == "home":
            draft.contacts.append(
                people.contact(
                    debtor_id,
                    created,
                    _PHONE,
                    "Casa",
                    people.phone(country, city, mobile=False),
                    rng.choice(hours),
                )
            )
        else:
            assistant = people.person(pools, female=rng.random() < 0.8)
            shown = f"{assistant.given} {assistant.paternal}"
            draft.reachable.append(shown)
            draft.contacts.append(
                people.contact(
                    debtor_id,
                    created,
                    _PHONE,
                    f"Asistente: {shown}",
                    people.phone(country, city, mobile=False),
                    rng.choice(hours),
                )
            )


def _related_parties(
    people: PeopleFactory,
    draft: DebtorDraft,
    debtor_id: uuid.UUID,
    created: datetime,
    country: str,
    pools: CountryPools,
    city: City,
    segment: Segment,
) -> None:
    rng = people.rng
    roles: list[str] = []
    if segment is Segment.COMPANY:
        if rng.random() < 0.85:
            roles.append(RelatedPartyRole.LEGAL_REPRESENTATIVE.value)
        if rng.random() < 0.35:
            roles.append(RelatedPartyRole.GUARANTOR.value)
    else:
        draw = rng.random()
        if draw < 0.35:
            roles.append(RelatedPartyRole.GUARANTOR.value)
        elif draw < 0.5:
            roles.append(RelatedPartyRole.CO_DEBTOR.value)
        if draw < 0.1:
            roles.append(RelatedPartyRole.CO_DEBTOR.value)
    for role in roles:
        row, full_name = people.related_party(debtor_id, created, country, pools, city, role)
        draft.related.append(row)
        # The legal representative is who executives negotiate with; guarantors less often.
        if role != RelatedPartyRole.GUARANTOR.value or rng.random() < 0.5:
            draft.reachable.append(full_name)
