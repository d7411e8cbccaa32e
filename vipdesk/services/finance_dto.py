"""Data handed to the GUI for a case's financial analysis and settlement scenarios, and the
commands that change them (kept apart from dto.py, which is long enough).

Commands carry what the user typed, as text ("" = not entered): the services validate it with
the same rules however it arrives (a form, an Excel import, a replay by sync). ``seen`` is what
the user saw before editing, as the ``*_seen`` helpers of the services give it: a record
changed meanwhile by someone else is refused as a conflict, never overwritten.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from vipdesk.core.approval import Decision
from vipdesk.core.capacity import Capacity
from vipdesk.core.errors import Problem
from vipdesk.core.ratios import RatioValue, Thresholds
from vipdesk.core.valuation import ScenarioValue

# --- the analysis --------------------------------------------------------------------------


@dataclass(frozen=True)
class PeriodInfo:
    id: UUID
    label: str
    period_end: date
    months: int
    # Every field of the debtor's segment, in display order; None = not entered.
    figures: Mapping[str, Decimal | None]
    # An individual's net monthly income by source; {} for a company.
    income: Mapping[str, Decimal]


@dataclass(frozen=True)
class Assumptions:
    """What the capacity to pay and the legal route are worked out with. Rates, shares and
    haircuts are fractions (0.40 = 40 %); amounts in the case's main currency."""

    discount_rate: Decimal  # annual, for present values
    payment_share: Decimal  # of free cash flow / disposable income
    liquidation_haircut: Decimal  # selling liquid assets in a hurry
    forced_sale_haircut: Decimal  # a court or distressed sale of the collateral
    legal_p_win: Decimal
    legal_costs: Decimal
    legal_months: int
    # None: what the collateral brings at forced-sale value, net of senior liens.
    legal_recoverable: Decimal | None
    # Senior liens on the asset of each collateralised obligation (absent: none).
    collateral_liens: Mapping[UUID, Decimal] = field(default_factory=dict)


@dataclass(frozen=True)
class CollateralInfo:
    obligation_id: UUID
    description: str
    market_value: Decimal
    senior_liens: Decimal


@dataclass(frozen=True)
class FinancialAnalysis:
    case_id: UUID
    debtor_name: str
    segment: str  # core.catalog.Segment value
    currency: str  # the case's main currency: every amount below is in it
    exposure: Decimal  # what the debtor owes in that currency
    as_of: date
    periods: tuple[PeriodInfo, ...]  # oldest first
    # core.ratios.trend: each ratio's value per period, oldest first.
    ratios: Mapping[str, tuple[RatioValue, ...]]
    capacity: Capacity
    assumptions: Assumptions
    assumptions_saved: bool  # False: the defaults (default_assumptions)
    collaterals: tuple[CollateralInfo, ...]
    # The legal route valued (our alternative); None when nothing is owed in the currency.
    legal_value: ScenarioValue | None
    thresholds: Thresholds
    can_edit: bool  # the user may change the analysis and the scenarios


# --- commands: statements and assumptions ---------------------------------------------------


@dataclass(frozen=True)
class PeriodSave:
    """Add a period of statements (a ``period_id`` not used yet, chosen by the client) or
    change one. ``figures``: {field: typed amount} (fields of the debtor's segment; "" = not
    entered; negatives and zero allowed: losses are real). ``income``: an individual's net
    monthly income by source ({source: typed amount}); leave it empty for a company."""

    case_id: UUID
    period_id: UUID
    label: str
    period_end: date
    months: int
    figures: Mapping[str, str]
    income: Mapping[str, str] = field(default_factory=dict)
    # finance.period_seen of the period as the user saw it; None for a new period.
    seen: Mapping[str, str] | None = None
    id: UUID | None = None
    recorded_at: datetime | None = None


@dataclass(frozen=True)
class PeriodRemoval:
    case_id: UUID
    period_id: UUID
    id: UUID | None = None
    recorded_at: datetime | None = None


@dataclass(frozen=True)
class PeriodDraft:
    """One period of an import (a spreadsheet's column): like ``PeriodSave`` without the case.
    ``period_id`` is used when the case has no period ending on ``period_end`` yet."""

    period_id: UUID
    label: str
    period_end: date
    months: int
    figures: Mapping[str, str]
    income: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportPeriods:
    """Add or replace (by ``period_end``) several periods at once: all or nothing."""

    case_id: UUID
    periods: tuple[PeriodDraft, ...]
    id: UUID | None = None
    recorded_at: datetime | None = None


@dataclass(frozen=True)
class AssumptionsSave:
    """New values of a case's assumptions, as typed: fractions ("0.40") for rates, shares,
    haircuts and p(win); amounts for legal costs and recoverable ("" = computed from the
    collateral); a whole number of months. Keys (finance.ASSUMPTION_FIELDS, plus
    "lien.<obligation id>" for the senior liens on a collateralised obligation's asset) that are
    left out keep their current value."""

    case_id: UUID
    values: Mapping[str, str]
    # finance.assumptions_seen of the analysis the user edited (None: none were saved yet).
    seen: Mapping[str, str] | None = None
    id: UUID | None = None
    recorded_at: datetime | None = None


# --- scenarios ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ScenarioInfo:
    id: UUID
    name: str
    kind: str  # core.valuation.ScenarioKind value, never "legal"
    terms: Mapping[str, str]  # scenario_terms.TERM_FIELDS[kind], as stored ("" = default)
    chosen: bool
    choice_reason: str
    author_name: str
    notes: str
    updated_at: datetime


@dataclass(frozen=True)
class ScenarioRow:
    info: ScenarioInfo | None  # None: the legal route (our alternative), valued from assumptions
    value: ScenarioValue | None  # None when the terms cannot be valued any more
    # Why not (an "errors" template without parameters), with the details by term field.
    problem: str | None
    decision: Decision | None  # the approver the policy requires; None for the legal route
    within_policy: bool  # the lowest tier (a supervisor) may approve it
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Comparison:
    case_id: UUID
    currency: str
    exposure: Decimal
    as_of: date
    rows: tuple[ScenarioRow, ...]  # saved scenarios in creation order, then the legal route
    best_index: int | None  # the best expected PV among the valued rows within policy
    chosen_index: int | None


@dataclass(frozen=True)
class ScenarioSave:
    """Add a scenario (a ``scenario_id`` not used yet) or change one; ``terms`` as typed, by
    scenario_terms.TERM_FIELDS[kind] ("" = the field's default, where it has one)."""

    case_id: UUID
    scenario_id: UUID
    name: str
    kind: str
    terms: Mapping[str, str]
    notes: str = ""
    # scenarios.scenario_seen of the scenario as the user saw it; None for a new one.
    seen: Mapping[str, str] | None = None
    id: UUID | None = None
    recorded_at: datetime | None = None


@dataclass(frozen=True)
class ScenarioRemoval:
    case_id: UUID
    scenario_id: UUID
    id: UUID | None = None
    recorded_at: datetime | None = None


@dataclass(frozen=True)
class ScenarioChoice:
    """Choose the scenario to negotiate (the others are no longer chosen); None: choose none.
    ``reason`` is required when it is not the recommended one (Comparison.best_index)."""

    case_id: UUID
    scenario_id: UUID | None
    reason: str = ""
    id: UUID | None = None
    recorded_at: datetime | None = None


# --- settings -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ThresholdsSave:
    """The ratio thresholds an admin set: {ratio: {"green": "1.5", "red": "1"} or None (no
    light)}, over the defaults (core.ratios.thresholds_from_mapping)."""

    values: Mapping[str, object]
    id: UUID | None = None
    recorded_at: datetime | None = None
