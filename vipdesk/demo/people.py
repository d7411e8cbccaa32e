"""People and companies for demo debtors: names, identifiers and ways to reach them.

Identifiers are built the way the issuing authorities build them (initials, dates, check
characters), so that a user checking one by eye sees something plausible and every one of them
passes the validators in :mod:`vipdesk.core.identifiers`.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache

from vipdesk.core.identifiers import dpi_check_digit, nit_check_character
from vipdesk.demo.recipes import (
    City,
    CountryPools,
    Recipes,
    Weighted,
    ascii_lower_word,
    ascii_upper,
)
from vipdesk.demo.rows import Row, new_uuid, stamp

RISK_RATINGS: Weighted[str] = Weighted([("A", 5), ("B", 15), ("C", 35), ("D", 30), ("E", 15)])

# Words that do not count when taking initials for RFC and CURP (surname particles).
_PARTICLES = frozenset({"DE", "DEL", "LA", "LAS", "LOS", "Y", "MC", "MAC", "VAN", "VON", "DA"})
# Compound given names starting with these take their initial from the second name.
_COMMON_FIRST = frozenset({"JOSE", "MARIA", "MA", "J"})
_VOWELS = frozenset("AEIOU")
_HOMOCLAVE = "123456789ABCDEFGHIJKLMNPQRSTUVWXYZ"
_RFC_VALUES = {c: i for i, c in enumerate("0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ")}
_CURP_VALUES = {c: i for i, c in enumerate("0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ")}


@dataclass(frozen=True, slots=True)
class PersonName:
    given: str
    paternal: str
    maternal: str
    female: bool

    @property
    def full(self) -> str:
        return f"{self.given} {self.paternal} {self.maternal}"


@dataclass
class DebtorDraft:
    """A debtor row with its children, plus what the case builder needs to know about it."""

    row: Row
    contacts: list[Row] = field(default_factory=list)
    related: list[Row] = field(default_factory=list)
    reachable: list[str] = field(default_factory=list)  # people an executive talks to
    city: City | None = None


@cache
def _id_words(text: str) -> tuple[str, ...]:
    """Upper-case ASCII words for initials; Ñ becomes X as both RFC and CURP write it."""
    words = ascii_upper(text.replace("Ñ", "X").replace("ñ", "x")).replace(",", " ").split()
    return tuple(w for w in words if w.isalpha())


def _key_word(text: str) -> str:
    words = _id_words(text)
    kept = [w for w in words if w not in _PARTICLES]
    return (kept or list(words) or ["X"])[0]


def _given_word(given: str) -> str:
    words = [w for w in _id_words(given) if w not in _PARTICLES]
    if len(words) > 1 and words[0] in _COMMON_FIRST:
        return words[1]
    return words[0] if words else "X"


def _internal(word: str, vowels: bool) -> str:
    """First internal vowel (or consonant) after the first letter; X when there is none."""
    for char in word[1:]:
        if (char in _VOWELS) == vowels:
            return char
    return "X"


def _yymmdd(day: date) -> str:
    return f"{day.year % 100:02d}{day.month:02d}{day.day:02d}"


def rfc_check_character(first: str) -> str:
    """The RFC's verification character over its first 11 (company) or 12 characters."""
    padded = first.rjust(12)  # companies are padded with one leading space
    total = sum(_RFC_VALUES.get(c, 0) * (13 - i) for i, c in enumerate(padded))
    remainder = total % 11
    check = 0 if remainder == 0 else 11 - remainder
    return "A" if check == 10 else str(check)


def curp_check_digit(first17: str) -> str:
    total = sum(_CURP_VALUES.get(c, 0) * (18 - i) for i, c in enumerate(first17))
    return str((10 - total % 10) % 10)


class PeopleFactory:
    """Draws people, companies and their identifiers; ids are unique within one run."""

    def __init__(self, rng: random.Random, recipes: Recipes, as_of: date) -> None:
        self.rng = rng
        self.recipes = recipes
        self.as_of = as_of
        self._tax_ids: set[str] = set()
        self._documents: set[str] = set()

    # --- names --------------------------------------------------------------------------

    def person(self, pools: CountryPools, female: bool | None = None) -> PersonName:
        rng = self.rng
        if female is None:
            female = rng.random() < 0.4
        given = rng.choice(pools.female if female else pools.male)
        paternal = rng.choice(pools.surnames)
        maternal = rng.choice(pools.surnames)
        while maternal == paternal:
            maternal = rng.choice(pools.surnames)
        return PersonName(given, paternal, maternal, female)

    def company_name(self, pools: CountryPools) -> tuple[str, str, str]:
        """(legal name, trade name, e-mail domain without the country suffix)."""
        rng = self.rng
        head = rng.choice(pools.company_heads)
        draw = rng.random()
        if draw < 0.55:
            brand = rng.choice(pools.company_tails)
            base = f"{head} {brand}"
        elif draw < 0.75:
            brand = rng.choice(pools.company_tails)
            base = f"{head} {brand} {rng.choice(pools.company_qualifiers)}"
        elif draw < 0.92:
            brand = rng.choice(pools.surnames)
            base = f"{head} {brand}"
        else:
            brand = rng.choice(pools.surnames)
            base = f"{head} {brand} Hermanos"
        trade = ""
        if rng.random() < 0.5:  # "Maya del Pacífico", but "Servicios del Valle", not "del Valle"
            trade = brand if brand[0].isupper() else f"{head.split()[0]} {brand}"
        # "Distribuidora Castillo" needs its head word in the domain; "Maya del Pacífico" not.
        domain = ascii_lower_word(brand)
        if draw >= 0.75:
            domain = ascii_lower_word(head.split()[0]) + domain
        return f"{base}, {rng.choice(pools.company_suffixes)}", trade, domain

    # --- identifiers --------------------------------------------------------------------

    def _unique(self, used: set[str], make: Callable[[], str]) -> str:
        while True:
            value: str = make()
            if value not in used:
                used.add(value)
                return value

    def nit(self) -> str:
        def make() -> str:
            body = str(self.rng.randrange(1_000_000, 100_000_000))  # 7 or 8 digits
            return f"{body}-{nit_check_character(body)}"

        return self._unique(self._tax_ids, make)

    def dpi(self, department: str) -> str:
        def make() -> str:
            while True:
                serial = str(self.rng.randrange(10_000_000, 100_000_000))
                try:
                    check = dpi_check_digit(serial)
                except ValueError:  # a serial with no check digit is never issued
                    continue
                return f"{serial}{check}{department}{self.rng.randint(1, 20):02d}"

        return self._unique(self._documents, make)

    def _homoclave(self, first: str) -> str:
        rng = self.rng
        partial = first + rng.choice(_HOMOCLAVE) + rng.choice(_HOMOCLAVE)
        return partial + rfc_check_character(partial)

    def _person_letters(self, name: PersonName) -> str:
        paternal = _key_word(name.paternal)
        return (
            paternal[0]
            + _internal(paternal, vowels=True)
            + _key_word(name.maternal)[0]
            + _given_word(name.given)[0]
        )

    def rfc_person(self, name: PersonName, born: date) -> str:
        letters = self._person_letters(name)
        if letters in self.recipes.inconvenient_words:
            letters = letters[:3] + "X"
        return self._unique(self._tax_ids, lambda: self._homoclave(letters + _yymmdd(born)))

    def rfc_company(self, legal_name: str, incorporated: date) -> str:
        skip = self.recipes.rfc_skip_words
        words = [w for w in _id_words(legal_name.split(",")[0]) if w not in skip]
        if len(words) >= 3:
            letters = words[0][0] + words[1][0] + words[2][0]
        elif len(words) == 2:
            letters = words[0][0] + words[1][:2]
        else:
            letters = (words[0] if words else "XXX")[:3].ljust(3, "X")
        return self._unique(self._tax_ids, lambda: self._homoclave(letters + _yymmdd(incorporated)))

    def curp(self, name: PersonName, born: date, state: str) -> str:
        letters = self._person_letters(name)
        if letters in self.recipes.inconvenient_words:
            letters = letters[0] + "X" + letters[2:]
        consonants = (
            _internal(_key_word(name.paternal), vowels=False)
            + _internal(_key_word(name.maternal), vowels=False)
            + _internal(_given_word(name.given), vowels=False)
        )
        stem = f"{letters}{_yymmdd(born)}{'M' if name.female else 'H'}{state}{consonants}"

        def make() -> str:
            rng = self.rng
            # The 17th character tells the century: a digit before 2000, a letter after.
            differ = str(rng.randrange(10)) if born.year < 2000 else rng.choice(_HOMOCLAVE[9:])
            return stem + differ + curp_check_digit(stem + differ)

        return self._unique(self._documents, make)

    # --- contact data -------------------------------------------------------------------

    def phone(self, country: str, city: City, mobile: bool) -> str:
        rng = self.rng
        if country == "GT":
            first = rng.choice("345") if mobile else "2"
            return f"+502 {first}{rng.randrange(1000):03d}-{rng.randrange(10000):04d}"
        area = rng.choice(("55", "33", "81")) if mobile else city.area
        if len(area) == 2:
            return f"+52 {area} {rng.randrange(1000, 10000)} {rng.randrange(10000):04d}"
        return f"+52 {area} {rng.randrange(100, 1000)} {rng.randrange(10000):04d}"

    def address(self, country: str, pools: CountryPools, city: City, office: bool) -> str:
        rng = self.rng
        street = rng.choice(pools.streets)
        district = rng.choice(city.districts)
        if country == "GT":
            number = f"{rng.randint(1, 24)}-{rng.randint(1, 99):02d}"
            suite = f"{rng.randint(1, 18)}0{rng.randint(1, 9)}"
            building = f", {rng.choice(pools.buildings)}, oficina {suite}"
            return (
                f"{street} {number}{building if office else ''}, {district}, "
                f"{city.name}, {city.region}"
            )
        postal = f"{rng.choice(city.postal_prefixes)}{rng.randrange(1000):03d}"
        building = f", {rng.choice(pools.buildings)}" if office else ""
        return (
            f"{street} {rng.randint(10, 2999)}{building}, Col. {district}, C.P. {postal}, "
            f"{city.name}, {city.region}"
        )

    def personal_email(self, pools: CountryPools, name: PersonName) -> str:
        rng = self.rng
        given = ascii_lower_word(name.given.split()[0])
        surname = ascii_lower_word(name.paternal)
        style = rng.randrange(3)
        if style == 0:
            local = f"{given}.{surname}"
        elif style == 1:
            local = f"{given[0]}{surname}{rng.randint(1, 99)}"
        else:
            local = f"{given}{surname[0]}{ascii_lower_word(name.maternal)}"
        return f"{local}@{rng.choice(pools.personal_domains)}"

    def titled(self, name: PersonName) -> str:
        """How a contact person is written down: often with a title, always one surname."""
        rng = self.rng
        titles = self.recipes.titles_female if name.female else self.recipes.titles_male
        plain = f"{name.given} {name.paternal}"
        return f"{rng.choice(titles)} {plain}" if rng.random() < 0.6 else plain

    def birth_date(self, min_years: int, max_years: int) -> date:
        days = self.rng.randint(min_years * 365, max_years * 365)
        return self.as_of - timedelta(days=days)

    def contact(
        self,
        debtor_id: object,
        created: datetime,
        kind: str,
        label: str,
        value: str,
        best_hours: str = "",
    ) -> Row:
        row = stamp(new_uuid(self.rng), created)
        row.update(
            debtor_id=debtor_id,
            kind=kind,
            label=label,
            value=value,
            preferred=False,
            best_hours=best_hours,
        )
        return row

    def related_party(
        self,
        debtor_id: object,
        created: datetime,
        country: str,
        pools: CountryPools,
        city: City,
        role: str,
        name: PersonName | None = None,
    ) -> tuple[Row, str]:
        """A person standing beside the debtor, with their own tax id and identity document."""
        name = name or self.person(pools)
        born = self.birth_date(30, 72)
        if country == "GT":
            tax_id, document = self.nit(), self.dpi(city.code)
        else:
            tax_id, document = self.rfc_person(name, born), self.curp(name, born, city.code)
        row = stamp(new_uuid(self.rng), created)
        row.update(
            debtor_id=debtor_id,
            role=role,
            name=name.full,
            capacity=self.rng.choice(self.recipes.capacities[role]),
            tax_id=tax_id,
            id_document=document,
            phone=self.phone(country, city, mobile=True),
            email=self.personal_email(pools, name),
        )
        return row, name.full
