"""What the ratios are computed from: one period of a company's statements or of an
individual's finances, and ``Reason``, why a figure is undefined.

Figures are rounded half-up to cents when a period is built (like ``Money``) and must stay below
10^18 in absolute value (``ValueError`` otherwise); floats raise ``TypeError``. With cents and
that bound every quotient the ratios take is finite, and exact arithmetic stays cheap.

Expenses and outflows (cost of sales, operating expenses, depreciation, interest, taxes, capex,
scheduled principal) are entered as positive amounts; ``current_liabilities`` is the total,
short-term debt included; ``scheduled_principal`` is the principal falling due within the period
(for DSCR). None means "not entered" and is never read as zero.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dc_field
from dataclasses import fields as dc_fields
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from math import floor
from types import MappingProxyType
from typing import TypeAlias

from vipdesk.core.catalog import Segment
from vipdesk.core.errors import QT_TRANSLATE_NOOP, Translate, ValidationError
from vipdesk.core.money import round_money
from vipdesk.core.ratio_catalog import FIELD_LABELS

CONTEXT = "ratios"
MAX_MONTHS = 24


def _identity(_context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class Reason:
    """Why a figure is undefined (or zero): a ``ratios`` template with ``{named}`` parameters.

    ``fields`` names the inputs concerned; they fill ``{fields}`` with their labels (translated
    by ``translated``), so "Missing: {fields}" reads "Missing: Cash, Equity".
    """

    template: str
    params: Mapping[str, str] = dc_field(default_factory=dict)
    fields: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "params", MappingProxyType(dict(self.params)))
        object.__setattr__(self, "fields", tuple(self.fields))

    def __hash__(self) -> int:
        # The generated hash would fail on the params mapping.
        return hash((self.template, frozenset(self.params.items()), self.fields))

    def _params(self, translate: Translate) -> dict[str, str]:
        params = dict(self.params)
        if self.fields:
            labels = (translate(CONTEXT, FIELD_LABELS.get(f, f)) for f in self.fields)
            params["fields"] = ", ".join(labels)
        return params

    @property
    def message(self) -> str:
        return self.template.format(**self._params(_identity))

    def translated(self, translate: Translate = _identity) -> str:
        return translate(CONTEXT, self.template).format(**self._params(translate))


def clean_figure(value: object, what: str) -> Decimal | None:
    """A statement figure: None stays None; Decimal or int -> Decimal rounded to cents."""
    if value is None:
        return None
    if isinstance(value, float):
        raise TypeError(f"{what} must be a Decimal, not a float")
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise TypeError(f"{what} must be a Decimal or None, got {type(value).__name__}")
    if not Decimal(value).is_finite():
        raise ValueError(f"{what} must be finite, got {value}")
    return round_money(Decimal(value))


def _check_header(label: object, period_end: object) -> None:
    if not isinstance(label, str):
        raise TypeError(f"label must be a str, got {type(label).__name__}")
    # A datetime is a date too, but sorting it with dates raises TypeError.
    if not isinstance(period_end, date) or isinstance(period_end, datetime):
        raise TypeError(f"period_end must be a date, got {type(period_end).__name__}")


@dataclass(frozen=True)
class CompanyPeriod:
    """One period of a company's statements. Figures are for the whole period (``months``
    long, ending on ``period_end``), balances as of ``period_end``; None = not entered."""

    label: str
    period_end: date
    months: int = 12
    cash: Decimal | None = None
    receivables: Decimal | None = None
    inventory: Decimal | None = None
    other_current_assets: Decimal | None = None
    fixed_assets: Decimal | None = None
    current_liabilities: Decimal | None = None
    short_term_debt: Decimal | None = None
    long_term_debt: Decimal | None = None
    equity: Decimal | None = None
    revenue: Decimal | None = None
    cost_of_sales: Decimal | None = None
    operating_expenses: Decimal | None = None
    ebitda: Decimal | None = None
    depreciation: Decimal | None = None
    interest: Decimal | None = None
    taxes: Decimal | None = None
    net_income: Decimal | None = None
    capex: Decimal | None = None
    scheduled_principal: Decimal | None = None

    def __post_init__(self) -> None:
        _check_header(self.label, self.period_end)
        months = self.months
        if isinstance(months, bool) or not isinstance(months, int):
            raise TypeError(f"months must be an int, got {type(months).__name__}")
        if not 1 <= months <= MAX_MONTHS:
            raise ValueError(f"months must be between 1 and {MAX_MONTHS}, got {months}")
        for _group, name in FIELDS_COMPANY:
            object.__setattr__(self, name, clean_figure(getattr(self, name), name))


@dataclass(frozen=True)
class IndividualPeriod:
    """One month of an individual's finances as of ``period_end``: ``income`` is net monthly
    income by source (e.g. {"salary": ..., "rent": ...}; empty = not entered), the rest are
    monthly flows or balances; None = not entered."""

    label: str
    period_end: date
    income: Mapping[str, Decimal] = dc_field(default_factory=dict)
    fixed_expenses: Decimal | None = None
    other_debt_service: Decimal | None = None
    real_estate: Decimal | None = None
    vehicles: Decimal | None = None
    investments: Decimal | None = None
    cash: Decimal | None = None
    liabilities: Decimal | None = None

    def __post_init__(self) -> None:
        _check_header(self.label, self.period_end)
        if not isinstance(self.income, Mapping):
            raise TypeError(f"income must be a mapping, got {type(self.income).__name__}")
        income: dict[str, Decimal] = {}
        for source, amount in self.income.items():
            if not isinstance(source, str):
                raise TypeError(f"income sources must be str, got {type(source).__name__}")
            value = clean_figure(amount, f"income[{source!r}]")
            if value is None:
                raise TypeError(f"income[{source!r}] must be a Decimal; leave the source out")
            income[source] = value
        # A read-only copy: the caller's dict must not change a period after the fact.
        object.__setattr__(self, "income", MappingProxyType(income))
        for _group, name in FIELDS_INDIVIDUAL:
            object.__setattr__(self, name, clean_figure(getattr(self, name), name))

    def __hash__(self) -> int:
        # The generated hash would fail on the income mapping.
        values = tuple(getattr(self, f.name) for f in dc_fields(self) if f.name != "income")
        return hash((values, frozenset(self.income.items())))

    @property
    def net_income(self) -> Decimal | None:
        """Net monthly income from every source; None when no source was entered."""
        return sum(self.income.values(), Decimal(0)) if self.income else None


Period: TypeAlias = CompanyPeriod | IndividualPeriod

# (group, field) in display order; the keys of GROUP_LABELS and FIELD_LABELS.
FIELDS_COMPANY: tuple[tuple[str, str], ...] = (
    *(
        ("balance_sheet", name)
        for name in (
            "cash", "receivables", "inventory", "other_current_assets", "fixed_assets",
            "current_liabilities", "short_term_debt", "long_term_debt", "equity",
        )
    ),
    *(
        ("income_statement", name)
        for name in (
            "revenue", "cost_of_sales", "operating_expenses", "ebitda", "depreciation",
            "interest", "taxes", "net_income",
        )
    ),
    ("cash_flow", "capex"),
    ("cash_flow", "scheduled_principal"),
)  # fmt: skip

# The "income" group is the ``income`` mapping: one row per source (see INCOME_SOURCES), so it
# has no Decimal field here.
FIELDS_INDIVIDUAL: tuple[tuple[str, str], ...] = (
    ("expenses", "fixed_expenses"),
    ("expenses", "other_debt_service"),
    ("assets", "real_estate"),
    ("assets", "vehicles"),
    ("assets", "investments"),
    ("assets", "cash"),
    ("liabilities", "liabilities"),
)


def quantize_exact(value: Fraction | Decimal | int, places: int) -> Decimal:
    """``value`` rounded half-up (away from zero) to ``places`` decimals, exactly: no decimal
    context is involved, so nothing is rounded before this one step. Never negative zero."""
    if isinstance(value, float):
        raise TypeError("value must be exact, not a float")
    scaled = Fraction(value) * 10**places
    magnitude = floor(abs(scaled) + Fraction(1, 2))
    sign = 1 if scaled < 0 and magnitude else 0
    return Decimal((sign, tuple(int(d) for d in str(magnitude)), -places))


def order_periods(periods: Sequence[Period]) -> tuple[Segment | None, list[Period]]:
    """The periods' segment (None if there are none) and the periods oldest first.

    ``ValidationError`` (field "periods") when companies and individuals are mixed or two
    periods end on the same day: either would make "the previous period" ambiguous.
    """
    for period in periods:
        if not isinstance(period, CompanyPeriod | IndividualPeriod):
            raise TypeError(f"not a period: {type(period).__name__}")
    kinds = {type(p) for p in periods}
    if len(kinds) > 1:
        raise ValidationError.single(
            "periods",
            QT_TRANSLATE_NOOP("errors", "Company and individual statements cannot be mixed"),
        )
    ordered = sorted(periods, key=lambda p: p.period_end)
    for before, after in itertools.pairwise(ordered):
        if before.period_end == after.period_end:
            raise ValidationError.single(
                "periods",
                QT_TRANSLATE_NOOP("errors", "Two periods end on {date}"),
                date=after.period_end.isoformat(),
            )
    if not ordered:
        return None, ordered
    segment = Segment.COMPANY if kinds == {CompanyPeriod} else Segment.INDIVIDUAL
    return segment, ordered
