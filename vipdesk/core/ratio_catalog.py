"""What each financial ratio means and how it is shown; the labels of the statement fields.

Texts are English source strings marked with ``QT_TRANSLATE_NOOP("ratios", ...)`` so that lupdate
extracts them into the ``ratios`` context; the GUI translates them, the command line prints them
as they are. Formulas follow /shared/FINANCE.md word for word where it gives one, because the
app shows the formula next to the figure and a practitioner must be able to redo the sum.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from vipdesk.core.catalog import Segment
from vipdesk.core.errors import QT_TRANSLATE_NOOP

CONTEXT = "ratios"


class Unit(StrEnum):
    RATIO = "ratio"  # a multiple, 2 decimals (1.35 = 1.35 times)
    AMOUNT = "amount"  # in the statements' currency, cents
    DAYS = "days"  # whole days
    PERCENT = "percent"  # a fraction, 4 decimals, shown x 100 (0.3542 = 35.42 %)


# Decimal places each unit is rounded to (half-up). Percent keeps 4 so that the percentage the UI
# shows has 2 decimals, like every other figure.
UNIT_PLACES: Mapping[Unit, int] = MappingProxyType(
    {Unit.RATIO: 2, Unit.AMOUNT: 2, Unit.DAYS: 0, Unit.PERCENT: 4}
)


@dataclass(frozen=True)
class RatioInfo:
    key: str
    segment: Segment
    label: str
    formula: str
    reading: str
    unit: Unit
    higher_is_better: bool


def _add(
    key: str,
    segment: Segment,
    label: str,
    formula: str,
    reading: str,
    unit: Unit,
    higher_is_better: bool = True,
) -> None:
    _ratios[key] = RatioInfo(key, segment, label, formula, reading, unit, higher_is_better)


_C, _I = Segment.COMPANY, Segment.INDIVIDUAL
# In display order: company_ratios and individual_ratios return their values in this order.
_ratios: dict[str, RatioInfo] = {}

_add(
    "working_capital",
    _C,
    QT_TRANSLATE_NOOP("ratios", "Working capital"),
    QT_TRANSLATE_NOOP("ratios", "Current assets − current liabilities"),
    QT_TRANSLATE_NOOP(
        "ratios",
        "The cushion left after paying every short-term obligation from short-term assets. "
        "Negative: the debtor needs new money or must sell long-term assets to pay what "
        "falls due within the year.",
    ),
    Unit.AMOUNT,
)

_add(
    "current_ratio",
    _C,
    QT_TRANSLATE_NOOP("ratios", "Current ratio"),
    QT_TRANSLATE_NOOP("ratios", "Current assets ÷ current liabilities"),
    QT_TRANSLATE_NOOP(
        "ratios",
        "How many times short-term assets cover short-term debts. Below 1 they cannot cover them.",
    ),
    Unit.RATIO,
)

_add(
    "quick_ratio",
    _C,
    QT_TRANSLATE_NOOP("ratios", "Quick ratio"),
    QT_TRANSLATE_NOOP("ratios", "(Cash + receivables) ÷ current liabilities"),
    QT_TRANSLATE_NOOP(
        "ratios",
        "Like the current ratio, but without inventory and other current assets, which "
        "may be slow to turn into cash.",
    ),
    Unit.RATIO,
)

_add(
    "cash_ratio",
    _C,
    QT_TRANSLATE_NOOP("ratios", "Cash ratio"),
    QT_TRANSLATE_NOOP("ratios", "Cash ÷ current liabilities"),
    QT_TRANSLATE_NOOP(
        "ratios",
        "The strictest liquidity view: the share of short-term debts that the cash on hand "
        "could pay today.",
    ),
    Unit.RATIO,
)

_add(
    "debt_to_equity",
    _C,
    QT_TRANSLATE_NOOP("ratios", "Debt to equity"),
    QT_TRANSLATE_NOOP("ratios", "(Short-term debt + long-term debt) ÷ equity"),
    QT_TRANSLATE_NOOP(
        "ratios",
        "Leverage: financial debt for each unit of the owners' money. Undefined when "
        "equity is zero or negative, which means technical insolvency.",
    ),
    Unit.RATIO,
    higher_is_better=False,
)

_add(
    "debt_to_ebitda",
    _C,
    QT_TRANSLATE_NOOP("ratios", "Debt to EBITDA"),
    QT_TRANSLATE_NOOP(
        "ratios",
        "(Short-term debt + long-term debt) ÷ annualised EBITDA "
        "(EBITDA × 12 ÷ months in the period)",
    ),
    QT_TRANSLATE_NOOP(
        "ratios",
        "Years of operating cash flow needed to repay the financial debt. Above 4 to 5 the "
        "debt is heavy.",
    ),
    Unit.RATIO,
    higher_is_better=False,
)

_add(
    "interest_coverage",
    _C,
    QT_TRANSLATE_NOOP("ratios", "Interest coverage"),
    QT_TRANSLATE_NOOP("ratios", "EBIT ÷ interest expense, EBIT = EBITDA − depreciation"),
    QT_TRANSLATE_NOOP(
        "ratios",
        "How many times operating profit covers the interest. Below 1.5 the interest is "
        "barely covered.",
    ),
    Unit.RATIO,
)

_add(
    "dscr",
    _C,
    QT_TRANSLATE_NOOP("ratios", "Debt service coverage (DSCR)"),
    QT_TRANSLATE_NOOP("ratios", "(EBITDA − taxes − capex) ÷ (interest + scheduled principal)"),
    QT_TRANSLATE_NOOP(
        "ratios",
        "Whether the operating cash flow of the period can pay the interest and principal "
        "due in it. Below 1 it cannot.",
    ),
    Unit.RATIO,
)

_add(
    "dso",
    _C,
    QT_TRANSLATE_NOOP("ratios", "Days sales outstanding (DSO)"),
    QT_TRANSLATE_NOOP("ratios", "Receivables ÷ revenue × days in the period (months × 365 ÷ 12)"),
    QT_TRANSLATE_NOOP(
        "ratios",
        "How many days the debtor's customers take to pay. Long delays tie up cash that "
        "could pay creditors.",
    ),
    Unit.DAYS,
    higher_is_better=False,
)

_add(
    "free_cash_flow",
    _C,
    QT_TRANSLATE_NOOP("ratios", "Free cash flow"),
    QT_TRANSLATE_NOOP(
        "ratios",
        "EBITDA − taxes − capex − change in working capital since the previous period",
    ),
    QT_TRANSLATE_NOOP(
        "ratios",
        "The cash the business generated in the period that could go to creditors.",
    ),
    Unit.AMOUNT,
)

_add(
    "disposable_income",
    _I,
    QT_TRANSLATE_NOOP("ratios", "Disposable income"),
    QT_TRANSLATE_NOOP("ratios", "Net monthly income − fixed expenses − other debt service"),
    QT_TRANSLATE_NOOP(
        "ratios",
        "What is left each month after living costs and other debts: the source of any "
        "payment plan.",
    ),
    Unit.AMOUNT,
)

_add(
    "debt_to_income",
    _I,
    QT_TRANSLATE_NOOP("ratios", "Debt to income"),
    QT_TRANSLATE_NOOP("ratios", "(Other debt service + proposed payment) ÷ net monthly income"),
    QT_TRANSLATE_NOOP(
        "ratios",
        "Share of income that goes to debt payments, the proposed plan included. Above "
        "50 % a plan is hard to keep.",
    ),
    Unit.PERCENT,
    higher_is_better=False,
)

_add(
    "net_worth",
    _I,
    QT_TRANSLATE_NOOP("ratios", "Net worth"),
    QT_TRANSLATE_NOOP("ratios", "(Real estate + vehicles + investments + cash) − liabilities"),
    QT_TRANSLATE_NOOP(
        "ratios",
        "What would be left if every asset were sold at the entered value and every debt "
        "paid. Negative: the debtor owes more than they own.",
    ),
    Unit.AMOUNT,
)

_add(
    "liquid_assets",
    _I,
    QT_TRANSLATE_NOOP("ratios", "Liquid assets"),
    QT_TRANSLATE_NOOP("ratios", "Cash + investments"),
    QT_TRANSLATE_NOOP(
        "ratios",
        "Money available within 30 days. Assumes the entered investments can be sold "
        "within 30 days: leave out those that cannot.",
    ),
    Unit.AMOUNT,
)

RATIOS: Mapping[str, RatioInfo] = MappingProxyType(_ratios)

COMPANY_RATIOS: tuple[str, ...] = tuple(k for k, i in RATIOS.items() if i.segment is _C)
INDIVIDUAL_RATIOS: tuple[str, ...] = tuple(k for k, i in RATIOS.items() if i.segment is _I)

# Labels of the statement fields (``CompanyPeriod`` / ``IndividualPeriod`` attributes), of the
# figures capacity works from, and of the field groups; used by the "Missing: ..." reasons and
# by the entry forms and the Excel template.
FIELD_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "cash": QT_TRANSLATE_NOOP("ratios", "Cash"),
        "receivables": QT_TRANSLATE_NOOP("ratios", "Receivables"),
        "inventory": QT_TRANSLATE_NOOP("ratios", "Inventory"),
        "other_current_assets": QT_TRANSLATE_NOOP("ratios", "Other current assets"),
        "fixed_assets": QT_TRANSLATE_NOOP("ratios", "Fixed assets"),
        "current_liabilities": QT_TRANSLATE_NOOP("ratios", "Current liabilities"),
        "short_term_debt": QT_TRANSLATE_NOOP("ratios", "Short-term debt"),
        "long_term_debt": QT_TRANSLATE_NOOP("ratios", "Long-term debt"),
        "equity": QT_TRANSLATE_NOOP("ratios", "Equity"),
        "revenue": QT_TRANSLATE_NOOP("ratios", "Revenue"),
        "cost_of_sales": QT_TRANSLATE_NOOP("ratios", "Cost of sales"),
        "operating_expenses": QT_TRANSLATE_NOOP("ratios", "Operating expenses"),
        "ebitda": QT_TRANSLATE_NOOP("ratios", "EBITDA"),
        "depreciation": QT_TRANSLATE_NOOP("ratios", "Depreciation and amortisation"),
        "interest": QT_TRANSLATE_NOOP("ratios", "Interest expense"),
        "taxes": QT_TRANSLATE_NOOP("ratios", "Taxes"),
        "net_income": QT_TRANSLATE_NOOP("ratios", "Net income"),
        "capex": QT_TRANSLATE_NOOP("ratios", "Capital expenditure"),
        "scheduled_principal": QT_TRANSLATE_NOOP("ratios", "Scheduled principal"),
        "income": QT_TRANSLATE_NOOP("ratios", "Net monthly income"),
        "fixed_expenses": QT_TRANSLATE_NOOP("ratios", "Fixed expenses"),
        "other_debt_service": QT_TRANSLATE_NOOP("ratios", "Other debt service"),
        "real_estate": QT_TRANSLATE_NOOP("ratios", "Real estate"),
        "vehicles": QT_TRANSLATE_NOOP("ratios", "Vehicles"),
        "investments": QT_TRANSLATE_NOOP("ratios", "Investments"),
        "liabilities": QT_TRANSLATE_NOOP("ratios", "Liabilities"),
        "liquid_assets": QT_TRANSLATE_NOOP("ratios", "Liquid assets"),
    }
)

GROUP_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "balance_sheet": QT_TRANSLATE_NOOP("ratios", "Balance sheet"),
        "income_statement": QT_TRANSLATE_NOOP("ratios", "Income statement"),
        "cash_flow": QT_TRANSLATE_NOOP("ratios", "Cash flow"),
        "income": QT_TRANSLATE_NOOP("ratios", "Income"),
        "expenses": QT_TRANSLATE_NOOP("ratios", "Expenses"),
        "assets": QT_TRANSLATE_NOOP("ratios", "Assets"),
        "liabilities": QT_TRANSLATE_NOOP("ratios", "Liabilities"),
    }
)

# Suggested keys of ``IndividualPeriod.income``, in display order. Any other key is accepted and
# shown as typed.
INCOME_SOURCES: Mapping[str, str] = MappingProxyType(
    {
        "salary": QT_TRANSLATE_NOOP("ratios", "Salary"),
        "business": QT_TRANSLATE_NOOP("ratios", "Business"),
        "rent": QT_TRANSLATE_NOOP("ratios", "Rent"),
        "pension": QT_TRANSLATE_NOOP("ratios", "Pension"),
        "other": QT_TRANSLATE_NOOP("ratios", "Other income"),
    }
)
