"""A small company's round figures (``FULL``) and ``company``, which builds a 12-month period
(by default) from them, for the ratio and threshold tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from vipdesk.core.ratios import CompanyPeriod

D = Decimal


def company(**figures: str | int) -> CompanyPeriod:
    months = int(figures.pop("months", 12))
    values = {k: D(v) for k, v in figures.items()}
    return CompanyPeriod("P", date(2024, 12, 31), months, **values)


FULL: dict[str, str | int] = {
    "cash": 100, "receivables": 200, "inventory": 300, "other_current_assets": 400,
    "current_liabilities": 500, "short_term_debt": 100, "long_term_debt": 300, "equity": 400,
    "revenue": 1200, "ebitda": 240, "depreciation": 40, "interest": 20, "taxes": 30,
    "capex": 10, "scheduled_principal": 80,
}  # fmt: skip
