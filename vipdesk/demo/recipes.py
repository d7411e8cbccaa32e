"""The demo portfolio's recipe data (JSON under ``resources/demo``), loaded once into pools.

The pools are tuples, and weighted pools carry cumulative weights, so that drawing from them in
the generator's hot loop is a single ``Random`` call with no per-draw preparation.
"""

from __future__ import annotations

import json
import random
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from importlib import resources as importlib_resources
from itertools import accumulate
from pathlib import Path
from typing import Any, Generic, TypeVar

import vipdesk

T = TypeVar("T")


def resources_dir() -> Path:
    """The ``resources`` folder: beside the package in a source checkout, otherwise wherever
    the installer put it inside the package (``vipdesk/resources``)."""
    candidates = [Path(vipdesk.__file__).resolve().parent.parent / "resources"]
    try:
        packaged = importlib_resources.files("vipdesk") / "resources"
        candidates.append(Path(str(packaged)))
    except (ModuleNotFoundError, TypeError):  # pragma: no cover - exotic loaders
        pass
    for candidate in candidates:
        if (candidate / "demo").is_dir():
            return candidate
    raise FileNotFoundError(
        "demo recipes not found; looked in " + ", ".join(str(c) for c in candidates)
    )


class Weighted(Generic[T]):
    """Items with relative weights; ``pick`` costs one ``random()`` and a bisection."""

    __slots__ = ("_cumulative", "_items", "_total")

    def __init__(self, pairs: list[tuple[T, float]]) -> None:
        if not pairs:
            raise ValueError("a weighted pool needs at least one item")
        self._items = tuple(item for item, _ in pairs)
        self._cumulative = tuple(accumulate(float(weight) for _, weight in pairs))
        self._total = self._cumulative[-1]

    def pick(self, rng: random.Random) -> T:
        return self._items[bisect_right(self._cumulative, rng.random() * self._total)]

    @property
    def items(self) -> tuple[T, ...]:
        return self._items


@cache
def ascii_upper(text: str) -> str:
    """ "Quiñónez" -> "QUINONEZ" (Ñ folds to N; callers that need the CURP's X handle Ñ first).
    Cached: the name pools are small, and identifiers are built from them 100,000 times."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).upper()


@cache
def ascii_lower_word(text: str) -> str:
    """Letters and digits only, lower case, no accents: for e-mail addresses and domains."""
    return "".join(c for c in ascii_upper(text).lower() if c.isalnum())


@dataclass(frozen=True)
class City:
    name: str
    region: str  # department (GT) or state abbreviation (MX) as written in an address
    code: str  # DPI department code (GT) or CURP state code (MX)
    area: str  # MX phone area code; "" for GT (no area codes)
    postal_prefixes: tuple[str, ...]
    districts: tuple[str, ...]  # zonas (GT) or colonias (MX)


@dataclass(frozen=True)
class CountryPools:
    male: tuple[str, ...]
    female: tuple[str, ...]
    surnames: tuple[str, ...]
    company_heads: tuple[str, ...]
    company_tails: tuple[str, ...]
    company_suffixes: tuple[str, ...]
    company_qualifiers: tuple[str, ...]
    email_tld: str
    personal_domains: tuple[str, ...]
    cities: Weighted[City]
    streets: tuple[str, ...]
    buildings: tuple[str, ...]
    activities_company: tuple[str, ...]
    activities_individual: tuple[str, ...]
    banks: tuple[tuple[str, str], ...]  # (reference prefix, bank name)
    collateral_templates: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class Product:
    name: str
    code: str
    rate_low: float
    rate_high: float
    collateral: tuple[str, ...]


@dataclass(frozen=True)
class Recipes:
    countries: dict[str, CountryPools]
    titles_male: tuple[str, ...]
    titles_female: tuple[str, ...]
    rfc_skip_words: frozenset[str]
    inconvenient_words: frozenset[str]
    amount_ranges: dict[str, tuple[int, int]]
    products: dict[str, Weighted[Product]]  # by segment
    collateral_value: dict[str, tuple[float, float]]  # fraction of original principal
    contact_roles: tuple[str, ...]
    company_mailboxes: tuple[str, ...]
    best_hours: tuple[str, ...]
    capacities: dict[str, tuple[str, ...]]
    channels: Weighted[str]
    outcomes: dict[str, Weighted[str]]  # by channel
    notes: dict[str, tuple[str, ...]]  # by outcome
    channel_notes: dict[str, tuple[str, ...]]  # channel-specific notes override outcome notes
    next_actions: tuple[str, ...]
    legal_next_actions: tuple[str, ...]
    debtor_notes: tuple[str, ...]
    promise_notes: tuple[str, ...]


def _read(name: str) -> dict[str, Any]:
    with (resources_dir() / "demo" / name).open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def _cities(country: str, places: dict[str, Any]) -> Weighted[City]:
    pairs = []
    for raw in places["cities"]:
        city = City(
            name=raw["city"],
            region=raw.get("department") or raw["state"],
            code=raw["code"],
            area=raw.get("area", ""),
            postal_prefixes=tuple(raw.get("cp", ())),
            districts=tuple(raw.get("zones") or raw["colonias"]),
        )
        pairs.append((city, float(raw["weight"])))
    return Weighted(pairs)


@cache
def load_recipes() -> Recipes:
    names = _read("names.json")
    places = _read("places.json")
    portfolio = _read("portfolio.json")
    countries = {}
    for country in ("GT", "MX"):
        pool, place = names[country], places[country]
        countries[country] = CountryPools(
            male=tuple(pool["male"]),
            female=tuple(pool["female"]),
            surnames=tuple(pool["surnames"]),
            company_heads=tuple(pool["company_heads"]),
            company_tails=tuple(pool["company_tails"]),
            company_suffixes=tuple(pool["company_suffixes"]),
            company_qualifiers=tuple(names["company_qualifiers"]),
            email_tld=pool["email_tld"],
            personal_domains=tuple(pool["personal_email_domains"]),
            cities=_cities(country, place),
            streets=tuple(place["streets"]),
            buildings=tuple(place["buildings"]),
            activities_company=tuple(portfolio["activities"]["company"]),
            activities_individual=tuple(portfolio["activities"]["individual"]),
            banks=tuple((b["code"], b["name"]) for b in portfolio["banks"][country]),
            collateral_templates={
                kind: tuple(spec[country]) for kind, spec in portfolio["collateral"].items()
            },
        )
    products: dict[str, list[tuple[Product, float]]] = {"company": [], "individual": []}
    for raw in portfolio["products"]:
        product = Product(
            name=raw["name"],
            code=raw["code"],
            rate_low=float(raw["rate"][0]),
            rate_high=float(raw["rate"][1]),
            collateral=tuple(raw["collateral"]),
        )
        for segment in raw["segments"]:
            products[segment].append((product, float(raw["weight"])))
    return Recipes(
        countries=countries,
        titles_male=tuple(names["titles_male"]),
        titles_female=tuple(names["titles_female"]),
        rfc_skip_words=frozenset(names["rfc_skip_words"]),
        inconvenient_words=frozenset(names["inconvenient_words"]),
        amount_ranges={k: (int(v[0]), int(v[1])) for k, v in portfolio["amount_ranges"].items()},
        products={segment: Weighted(pairs) for segment, pairs in products.items()},
        collateral_value={
            kind: (float(spec["value"][0]), float(spec["value"][1]))
            for kind, spec in portfolio["collateral"].items()
        },
        contact_roles=tuple(portfolio["contact_roles"]),
        company_mailboxes=tuple(portfolio["company_mailboxes"]),
        best_hours=tuple(portfolio["best_hours"]),
        capacities={k: tuple(v) for k, v in portfolio["capacities"].items()},
        channels=Weighted(list(portfolio["channels"].items())),
        outcomes={
            channel: Weighted(list(weights.items()))
            for channel, weights in portfolio["outcomes"].items()
        },
        notes={k: tuple(v) for k, v in portfolio["notes"].items()},
        channel_notes={k: tuple(v) for k, v in portfolio["channel_notes"].items()},
        next_actions=tuple(portfolio["next_actions"]),
        legal_next_actions=tuple(portfolio["legal_next_actions"]),
        debtor_notes=tuple(portfolio["debtor_notes"]),
        promise_notes=tuple(portfolio["promise_notes"]),
    )
