"""A debtor's financial analysis on a case: statements by period, the assumptions the capacity
to pay and the legal route are worked out with, and the settlement scenarios valued side by
side; and the app's global settings (ratio thresholds, approval policy).

Amounts inside JSON columns are decimal strings ("1250.00"), never JSON numbers: a float would
lose the cents. The figures, income and terms are validated by the services before they are
stored (services/finance_periods.py, services/scenario_terms.py).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import NAMESPACE_URL, uuid5

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from vipdesk.storage.models.base import Base, Synced, utcnow
from vipdesk.storage.types import ExactDecimal, MoneyAmount, UtcDateTime


class FinancialPeriod(Synced, Base):
    """One period of the debtor's statements: a company's (``months`` long, ending on
    ``period_end``) or an individual's monthly finances as of ``period_end``.

    ``figures``: {field: "decimal"} for the fields entered (core.ratios FIELDS_COMPANY or
    FIELDS_INDIVIDUAL; a field left out was not entered). ``income``: an individual's net
    monthly income by source ({source: "decimal"}); {} for a company.
    """

    __tablename__ = "financial_period"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    label: Mapped[str] = mapped_column(String(60))
    period_end: Mapped[date]
    months: Mapped[int] = mapped_column(default=12)
    figures: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    income: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)

    __table_args__ = (UniqueConstraint("case_id", "period_end"),)


class FinancialAssumptions(Synced, Base):
    """The assumptions of one case's analysis, as the user edited them (no row: the defaults).

    Rates, shares and haircuts are fractions (0.40 = 40 %). ``legal_recoverable`` None: what
    the collateral brings at forced-sale value. ``collateral_liens``: {obligation id: "decimal"},
    the senior liens on each collateralised obligation's asset.
    """

    __tablename__ = "financial_assumptions"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), unique=True)
    discount_rate: Mapped[Decimal] = mapped_column(ExactDecimal(9, 6))
    payment_share: Mapped[Decimal] = mapped_column(ExactDecimal(9, 6))
    liquidation_haircut: Mapped[Decimal] = mapped_column(ExactDecimal(9, 6))
    forced_sale_haircut: Mapped[Decimal] = mapped_column(ExactDecimal(9, 6))
    legal_p_win: Mapped[Decimal] = mapped_column(ExactDecimal(9, 6))
    legal_costs: Mapped[Decimal] = mapped_column(MoneyAmount())
    legal_months: Mapped[int]
    legal_recoverable: Mapped[Decimal | None] = mapped_column(MoneyAmount())
    collateral_liens: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)


def assumptions_id(case_id: uuid.UUID) -> uuid.UUID:
    """The id of a case's assumptions row: the same on every cache, centrally and in the demo,
    so two first saves of the same case cannot both insert."""
    return uuid5(NAMESPACE_URL, f"vipdesk:financial-assumptions:{case_id}")


class SettlementScenario(Synced, Base):
    """A settlement the executive is weighing: its kind (core.valuation.ScenarioKind, never
    "legal": the legal route is valued from the assumptions) and its terms as typed strings,
    cleaned ({field: "text"}, see services/scenario_terms.TERM_FIELDS). At most one scenario of
    a case is ``chosen``; ``choice_reason`` says why when it is not the recommended one."""

    __tablename__ = "settlement_scenario"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(20))
    terms: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    chosen: Mapped[bool] = mapped_column(default=False)
    choice_reason: Mapped[str] = mapped_column(Text, default="")
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"), index=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class AppSetting(Base):
    """A global setting by key ("ratio_thresholds", "approval_policy"): small, copied whole
    into every local cache like users and teams."""

    __tablename__ = "app_setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    row_version: Mapped[int] = mapped_column(nullable=False, default=1)
    updated_at: Mapped[datetime] = mapped_column(
        UtcDateTime, nullable=False, default=utcnow, onupdate=utcnow
    )

    __mapper_args__ = {"version_id_col": row_version}  # noqa: RUF012 - SQLAlchemy's protocol
