"""Financial ratios of a debtor's statements, per period, as defined in /shared/FINANCE.md.

A ratio that cannot be computed - a missing input, a zero or negative denominator, no previous
period for a change - is *undefined*: its value is None and ``reason`` says why, in words the
user can act on. Nothing here raises or returns infinity for bad figures: a statement typed in a
hurry must still show every ratio that can be shown.

Arithmetic is exact (``Fraction``) and rounded once, half-up, to the unit's places (ratios 2,
amounts cents, days 0, percentages 4 as a fraction), so results never depend on the decimal
context and never round twice.

Conventions the formulas leave open (input conventions: see ``ratio_inputs``):
- Days in the period = months × 365 ÷ 12, not the calendar days: a period only records its end
  and its length in months, and calendar days would make a February quarter "worse" in DSO.
- Debt to EBITDA annualises EBITDA (× 12 ÷ months) because debt is a balance, not a flow; the
  other ratios compare figures of the same period and need no annualising.
- Working capital in free cash flow is the same current assets − current liabilities as the
  working-capital ratio (FINANCE.md), cash and short-term debt included.
- Lights compare the rounded value, the one shown (see ``ratio_thresholds``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import TypeAlias

from vipdesk.core.errors import QT_TRANSLATE_NOOP
from vipdesk.core.ratio_catalog import (
    COMPANY_RATIOS,
    FIELD_LABELS,
    GROUP_LABELS,
    INCOME_SOURCES,
    INDIVIDUAL_RATIOS,
    RATIOS,
    UNIT_PLACES,
    RatioInfo,
    Unit,
)
from vipdesk.core.ratio_inputs import (
    FIELDS_COMPANY,
    FIELDS_INDIVIDUAL,
    CompanyPeriod,
    IndividualPeriod,
    Period,
    Reason,
    clean_figure,
    order_periods,
    quantize_exact,
)
from vipdesk.core.ratio_thresholds import (
    DEFAULT_THRESHOLDS,
    Band,
    Light,
    Thresholds,
    light_for,
    thresholds_from_mapping,
)

__all__ = [
    "COMPANY_RATIOS",
    "DEFAULT_THRESHOLDS",
    "FIELDS_COMPANY",
    "FIELDS_INDIVIDUAL",
    "FIELD_LABELS",
    "GROUP_LABELS",
    "INCOME_SOURCES",
    "INDIVIDUAL_RATIOS",
    "RATIOS",
    "Band",
    "CompanyPeriod",
    "IndividualPeriod",
    "Light",
    "Period",
    "RatioInfo",
    "RatioValue",
    "Reason",
    "Thresholds",
    "Unit",
    "company_ratio",
    "company_ratios",
    "individual_ratio",
    "individual_ratios",
    "light_for",
    "order_periods",
    "quantize_exact",
    "thresholds_from_mapping",
    "trend",
]


@dataclass(frozen=True)
class RatioValue:
    key: str
    value: Decimal | None
    reason: Reason | None
    light: Light | None

    @property
    def info(self) -> RatioInfo:
        return RATIOS[self.key]


# --- reasons ----------------------------------------------------------------------------------

_MISSING = QT_TRANSLATE_NOOP("ratios", "Missing: {fields}")
_MISSING_PREVIOUS = QT_TRANSLATE_NOOP("ratios", "Missing in the previous period: {fields}")
_NO_PREVIOUS = QT_TRANSLATE_NOOP(
    "ratios", "No previous period: the change in working capital is unknown"
)
_PREVIOUS_NOT_BEFORE = QT_TRANSLATE_NOOP(
    "ratios", "The previous period ({previous}) must end before this one ({current})"
)
_CL_NOT_POSITIVE = Reason(QT_TRANSLATE_NOOP("ratios", "Current liabilities are zero or negative"))
_INSOLVENT = Reason(QT_TRANSLATE_NOOP("ratios", "Equity is zero or negative: technical insolvency"))
_EBITDA_NOT_POSITIVE = Reason(
    QT_TRANSLATE_NOOP(
        "ratios", "EBITDA is zero or negative: the debt cannot be repaid from operations"
    )
)
_NO_INTEREST = Reason(QT_TRANSLATE_NOOP("ratios", "Interest expense is zero or negative"))
_NO_DEBT_SERVICE = Reason(
    QT_TRANSLATE_NOOP("ratios", "Interest and scheduled principal are zero or negative")
)
_NO_REVENUE = Reason(QT_TRANSLATE_NOOP("ratios", "Revenue is zero or negative"))
_NO_NET_INCOME = Reason(QT_TRANSLATE_NOOP("ratios", "Net income is zero or negative"))

_Outcome: TypeAlias = Fraction | Reason


def _figures(
    period: Period, names: Sequence[str], template: str = _MISSING
) -> list[Fraction] | Reason:
    """The named figures, exact; or the Reason listing every one that was not entered."""
    values = [period.net_income if name == "income" else getattr(period, name) for name in names]
    missing = tuple(name for name, value in zip(names, values, strict=True) if value is None)
    if missing:
        return Reason(template, fields=missing)
    return [Fraction(v) for v in values if v is not None]


_CURRENT = ("cash", "receivables", "inventory", "other_current_assets", "current_liabilities")


def _working_capital(period: CompanyPeriod, template: str = _MISSING) -> _Outcome:
    got = _figures(period, _CURRENT, template)
    if isinstance(got, Reason):
        return got
    *assets, liabilities = got
    return sum(assets, Fraction(0)) - liabilities


def _liquidity(period: CompanyPeriod, numerator: Sequence[str]) -> _Outcome:
    got = _figures(period, (*numerator, "current_liabilities"))
    if isinstance(got, Reason):
        return got
    *assets, liabilities = got
    if liabilities <= 0:
        return _CL_NOT_POSITIVE
    return sum(assets, Fraction(0)) / liabilities


def _debt_to_equity(period: CompanyPeriod) -> _Outcome:
    got = _figures(period, ("short_term_debt", "long_term_debt", "equity"))
    if isinstance(got, Reason):
        return got
    short, long, equity = got
    return _INSOLVENT if equity <= 0 else (short + long) / equity


def _debt_to_ebitda(period: CompanyPeriod) -> _Outcome:
    got = _figures(period, ("short_term_debt", "long_term_debt", "ebitda"))
    if isinstance(got, Reason):
        return got
    short, long, ebitda = got
    if ebitda <= 0:
        return _EBITDA_NOT_POSITIVE
    return (short + long) / (ebitda * 12 / period.months)


def _interest_coverage(period: CompanyPeriod) -> _Outcome:
    got = _figures(period, ("ebitda", "depreciation", "interest"))
    if isinstance(got, Reason):
        return got
    ebitda, depreciation, interest = got
    return _NO_INTEREST if interest <= 0 else (ebitda - depreciation) / interest


def _dscr(period: CompanyPeriod) -> _Outcome:
    got = _figures(period, ("ebitda", "taxes", "capex", "interest", "scheduled_principal"))
    if isinstance(got, Reason):
        return got
    ebitda, taxes, capex, interest, principal = got
    service = interest + principal
    return _NO_DEBT_SERVICE if service <= 0 else (ebitda - taxes - capex) / service


def _dso(period: CompanyPeriod) -> _Outcome:
    got = _figures(period, ("receivables", "revenue"))
    if isinstance(got, Reason):
        return got
    receivables, revenue = got
    if revenue <= 0:
        return _NO_REVENUE
    return receivables / revenue * Fraction(period.months * 365, 12)


def _free_cash_flow(period: CompanyPeriod, previous: CompanyPeriod | None) -> _Outcome:
    got = _figures(period, ("ebitda", "taxes", "capex", *_CURRENT))
    if isinstance(got, Reason):
        return got
    if previous is None:
        return Reason(_NO_PREVIOUS)
    if previous.period_end >= period.period_end:
        dates = {
            "previous": previous.period_end.isoformat(),
            "current": period.period_end.isoformat(),
        }
        return Reason(_PREVIOUS_NOT_BEFORE, dates)
    before = _working_capital(previous, _MISSING_PREVIOUS)
    if isinstance(before, Reason):
        return before
    ebitda, taxes, capex, *assets, liabilities = got
    current = sum(assets, Fraction(0)) - liabilities
    return ebitda - taxes - capex - (current - before)


def _disposable_income(period: IndividualPeriod) -> _Outcome:
    got = _figures(period, ("income", "fixed_expenses", "other_debt_service"))
    if isinstance(got, Reason):
        return got
    income, fixed, other_debt = got
    return income - fixed - other_debt


def _debt_to_income(period: IndividualPeriod, proposed: Fraction) -> _Outcome:
    got = _figures(period, ("income", "other_debt_service"))
    if isinstance(got, Reason):
        return got
    income, other_debt = got
    return _NO_NET_INCOME if income <= 0 else (other_debt + proposed) / income


def _net_worth(period: IndividualPeriod) -> _Outcome:
    got = _figures(period, ("real_estate", "vehicles", "investments", "cash", "liabilities"))
    if isinstance(got, Reason):
        return got
    *assets, liabilities = got
    return sum(assets, Fraction(0)) - liabilities


def _liquid_assets(period: IndividualPeriod) -> _Outcome:
    # Assumes the entered investments can be sold within 30 days (the form says so).
    got = _figures(period, ("cash", "investments"))
    return got if isinstance(got, Reason) else got[0] + got[1]


def _result(key: str, outcome: _Outcome, thresholds: Mapping[str, Band]) -> RatioValue:
    if isinstance(outcome, Reason):
        return RatioValue(key, None, outcome, None)
    value = quantize_exact(outcome, UNIT_PLACES[RATIOS[key].unit])
    return RatioValue(key, value, None, light_for(thresholds, key, value))


def _company_outcome(key: str, period: CompanyPeriod, previous: CompanyPeriod | None) -> _Outcome:
    match key:
        case "working_capital":
            return _working_capital(period)
        case "current_ratio":
            return _liquidity(period, ("cash", "receivables", "inventory", "other_current_assets"))
        case "quick_ratio":
            return _liquidity(period, ("cash", "receivables"))
        case "cash_ratio":
            return _liquidity(period, ("cash",))
        case "debt_to_equity":
            return _debt_to_equity(period)
        case "debt_to_ebitda":
            return _debt_to_ebitda(period)
        case "interest_coverage":
            return _interest_coverage(period)
        case "dscr":
            return _dscr(period)
        case "dso":
            return _dso(period)
        case "free_cash_flow":
            return _free_cash_flow(period, previous)
    raise KeyError(f"not a company ratio: {key!r}")


def _individual_outcome(key: str, period: IndividualPeriod, proposed: Fraction) -> _Outcome:
    match key:
        case "disposable_income":
            return _disposable_income(period)
        case "debt_to_income":
            return _debt_to_income(period, proposed)
        case "net_worth":
            return _net_worth(period)
        case "liquid_assets":
            return _liquid_assets(period)
    raise KeyError(f"not an individual ratio: {key!r}")


def company_ratio(
    key: str,
    period: CompanyPeriod,
    previous: CompanyPeriod | None = None,
    thresholds: Mapping[str, Band] = DEFAULT_THRESHOLDS,
) -> RatioValue:
    """One company ratio; ``previous`` is only used by free cash flow."""
    if not isinstance(period, CompanyPeriod):
        raise TypeError(f"period must be a CompanyPeriod, got {type(period).__name__}")
    if previous is not None and not isinstance(previous, CompanyPeriod):
        raise TypeError(f"previous must be a CompanyPeriod, got {type(previous).__name__}")
    return _result(key, _company_outcome(key, period, previous), thresholds)


def company_ratios(
    period: CompanyPeriod,
    previous: CompanyPeriod | None = None,
    thresholds: Mapping[str, Band] = DEFAULT_THRESHOLDS,
) -> list[RatioValue]:
    """Every company ratio, in catalogue order (``COMPANY_RATIOS``)."""
    return [company_ratio(key, period, previous, thresholds) for key in COMPANY_RATIOS]


def _proposed(payment: Decimal | None) -> Fraction:
    if payment is None:
        return Fraction(0)
    value = clean_figure(payment, "proposed payment")
    if value is None or value < 0:
        raise ValueError(f"proposed payment cannot be negative, got {payment}")
    return Fraction(value)


def individual_ratio(
    key: str,
    period: IndividualPeriod,
    proposed_payment: Decimal | None = None,
    thresholds: Mapping[str, Band] = DEFAULT_THRESHOLDS,
) -> RatioValue:
    """One individual ratio; ``proposed_payment`` (monthly) only enters debt-to-income."""
    if not isinstance(period, IndividualPeriod):
        raise TypeError(f"period must be an IndividualPeriod, got {type(period).__name__}")
    proposed = _proposed(proposed_payment)
    return _result(key, _individual_outcome(key, period, proposed), thresholds)


def individual_ratios(
    period: IndividualPeriod,
    proposed_payment: Decimal | None = None,
    thresholds: Mapping[str, Band] = DEFAULT_THRESHOLDS,
) -> list[RatioValue]:
    """Every individual ratio, in catalogue order (``INDIVIDUAL_RATIOS``)."""
    return [
        individual_ratio(key, period, proposed_payment, thresholds) for key in INDIVIDUAL_RATIOS
    ]


def trend(
    periods: Sequence[Period], thresholds: Mapping[str, Band] = DEFAULT_THRESHOLDS
) -> dict[str, list[RatioValue]]:
    """Each ratio over the periods, oldest first: ``{key: [value per period]}``.

    Each company period's previous is the one before it, so the oldest has no free cash flow.
    No periods: an empty dict.
    """
    _segment, ordered = order_periods(periods)
    series: dict[str, list[RatioValue]] = {}
    previous: CompanyPeriod | None = None
    for period in ordered:
        if isinstance(period, CompanyPeriod):
            values = company_ratios(period, previous, thresholds)
            previous = period
        else:
            values = individual_ratios(period, thresholds=thresholds)
        for value in values:
            series.setdefault(value.key, []).append(value)
    return series
