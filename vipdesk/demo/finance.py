"""The financial analysis of about one demo case in five: two or three periods of statements,
for some the assumptions the executive edited, and two to four settlement scenarios of
different kinds, one of them chosen.

Which cases: every fifth, from the second (VIP-000002, VIP-000007, ..., VIP-000157, ...), so a
given case always has an analysis whatever the portfolio's size. The figures come from a random
stream of their own (seeded from the portfolio's seed), so adding the analysis changed nothing
else in the portfolio. Statements are sized on the case's exposure and internally consistent
(equity = assets − liabilities, EBITDA = revenue − costs, ...): about half of the debtors are
healthy, the others distressed, some with negative equity or without revenue in the last year.
The chosen scenario always carries the executive's reason (the services require one only when
it is not the recommended scenario; valuing every scenario here would double the run's time).

Every text is as the services store it (services/finance_periods.py, services/scenario_terms.py),
so the services read, value and edit demo records like any others.
"""

from __future__ import annotations

import calendar
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from vipdesk.core.amount_words import MONTHS as _MONTHS
from vipdesk.core.catalog import CaseStatus, Segment
from vipdesk.demo.rows import DemoRandom, Row, cents, new_uuid, office_time, stamp
from vipdesk.storage.models.finance import assumptions_id

EVERY = 5
_REASONS = (
    "El deudor confirmó por escrito que puede cumplir este esquema con el flujo de su negocio.",
    "Preferimos asegurar la recuperación en el corto plazo, aunque el valor esperado sea menor.",
    "El fiador respalda este esquema y reduce el riesgo de incumplimiento.",
    "Evita el costo y la demora del proceso judicial, que el deudor ya anunció que impugnaría.",
    "La junta directiva del deudor ya aprobó estos términos en la última reunión.",
)
_NOTES = (
    "",
    "",
    "Propuesta comentada con el deudor en la última visita.",
    "Sujeto a la revisión del avalúo por el departamento de garantías.",
    "El deudor pidió evaluar también un plazo mayor.",
)


@dataclass
class FinanceRows:
    periods: list[Row] = field(default_factory=list)
    assumptions: list[Row] = field(default_factory=list)
    scenarios: list[Row] = field(default_factory=list)


def has_analysis(index: int) -> bool:
    """Whether the case numbered ``index + 1`` gets an analysis (VIP-000157 does)."""
    return index % EVERY == 1


def _amount(value_c: float) -> str:
    return format(cents(int(value_c)), "f")


def _fraction(value: float, places: int = 2) -> str:
    return format(Decimal(str(round(value, places))), "f")


class FinanceBuilder:
    def __init__(self, seed: int, as_of: date) -> None:
        self.rng = DemoRandom(f"vipdesk-demo-finance-{seed}")
        self.as_of = as_of

    def build(
        self,
        index: int,
        segment: Segment,
        case: Row,
        obligations: list[Row],
        executive_id: uuid.UUID,
    ) -> FinanceRows:
        rows = FinanceRows()
        if not has_analysis(index):
            return rows
        rng = self.rng
        exposure_c = int(case["exposure"] * 100)
        size_c = exposure_c or sum(int(o["original_principal"] * 100) for o in obligations)
        healthy = rng.random() < 0.5
        created = office_time(self.as_of - timedelta(days=rng.randint(20, 90)), 9 * 60)
        if segment is Segment.COMPANY:
            periods = self._company(size_c, healthy)
        else:
            periods = self._individual(size_c, healthy)
        for label, end, months, figures, income in periods:
            row = stamp(new_uuid(rng), created)
            row.update(
                case_id=case["id"],
                label=label,
                period_end=end,
                months=months,
                figures=figures,
                income=income,
            )
            rows.periods.append(row)
        if case["status"] == CaseStatus.CLOSED.value or exposure_c <= 0:
            return rows  # settled: nothing left to negotiate
        secured = [o for o in obligations if o["collateral_value"] is not None]
        if rng.random() < 0.5:
            rows.assumptions.append(self._assumptions(case, exposure_c, secured, created))
        rows.scenarios.extend(self._scenarios(case, exposure_c, secured, executive_id, created))
        return rows

    # --- statements ------------------------------------------------------------------------

    def _company(
        self, size_c: int, healthy: bool
    ) -> list[tuple[str, date, int, dict[str, str], dict[str, str]]]:
        rng = self.rng
        count = rng.choice((2, 3, 3))
        # A healthy company owes us a small part of its debt and sells several times it.
        debt = size_c * (rng.uniform(2.5, 6.0) if healthy else rng.uniform(1.3, 3.0))
        revenue = debt * (rng.uniform(1.4, 3.0) if healthy else rng.uniform(0.5, 1.4))
        margin = rng.uniform(0.12, 0.25) if healthy else rng.uniform(0.03, 0.09)
        # Equity as a share of liabilities: comfortable, or thin and sinking below zero.
        equity = rng.uniform(0.25, 0.8) if healthy else rng.uniform(-0.1, 0.2)
        ceased = not healthy and rng.random() < 0.25
        out: list[tuple[str, date, int, dict[str, str], dict[str, str]]] = []
        for k in range(count):
            year = self.as_of.year - count + k
            last = k == count - 1
            if k:
                revenue *= 1 + (rng.uniform(0.0, 0.12) if healthy else rng.uniform(-0.3, -0.05))
                margin += rng.uniform(-0.02, 0.02) if healthy else -rng.uniform(0.02, 0.06)
                debt *= rng.uniform(0.9, 1.0) if healthy else rng.uniform(1.0, 1.12)
                equity += rng.uniform(-0.03, 0.06) if healthy else -rng.uniform(0.05, 0.2)
            figures = self._statement(
                debt, revenue if not (ceased and last) else 0.0, margin, equity, healthy
            )
            if k == 0 and rng.random() < 0.15:
                del figures[rng.choice(("capex", "other_current_assets", "taxes"))]
            out.append((f"Ejercicio {year}", date(year, 12, 31), 12, figures, {}))
        return out

    def _statement(
        self, debt: float, revenue: float, margin: float, equity: float, healthy: bool
    ) -> dict[str, str]:
        rng = self.rng
        short = debt * rng.uniform(0.2, 0.45)
        base = revenue or debt * 0.05  # a company without sales still has some balances left
        dso = rng.uniform(30, 90) if healthy else rng.uniform(70, 160)
        receivables = base * dso / 365
        inventory = base * rng.uniform(0.05, 0.18)
        cash = base * (rng.uniform(0.03, 0.10) if healthy else rng.uniform(0.003, 0.02))
        other = base * rng.uniform(0.01, 0.04)
        payables = base * (rng.uniform(0.08, 0.16) if healthy else rng.uniform(0.15, 0.35))
        current_liabilities = short + payables
        liabilities = current_liabilities + debt - short
        current = cash + receivables + inventory + other
        fixed = max(debt * 0.1, liabilities * (1 + equity) - current)
        ebitda = revenue * margin if revenue else -fixed * rng.uniform(0.05, 0.12)
        cost_of_sales = revenue * rng.uniform(0.55, 0.68)
        depreciation = fixed * rng.uniform(0.06, 0.10)
        interest = debt * rng.uniform(0.09, 0.16)
        taxes = max(0.0, (ebitda - depreciation - interest) * 0.25)
        values = {
            "cash": cash,
            "receivables": receivables,
            "inventory": inventory,
            "other_current_assets": other,
            "fixed_assets": fixed,
            "current_liabilities": current_liabilities,
            "short_term_debt": short,
            "long_term_debt": debt - short,
            "equity": current + fixed - liabilities,
            "revenue": revenue,
            "cost_of_sales": cost_of_sales,
            "operating_expenses": revenue - cost_of_sales - ebitda,
            "ebitda": ebitda,
            "depreciation": depreciation,
            "interest": interest,
            "taxes": taxes,
            "net_income": ebitda - depreciation - interest - taxes,
            "capex": depreciation * (rng.uniform(0.4, 1.2) if healthy else rng.uniform(0, 0.4)),
            "scheduled_principal": short * rng.uniform(0.5, 1.0),
        }
        return {name: _amount(value) for name, value in values.items()}

    def _individual(
        self, size_c: int, healthy: bool
    ) -> list[tuple[str, date, int, dict[str, str], dict[str, str]]]:
        rng = self.rng
        count = rng.choice((2, 3, 3))
        salary = size_c * (rng.uniform(0.02, 0.06) if healthy else rng.uniform(0.008, 0.03))
        side = rng.choice(("rent", "business", "")) if healthy else rng.choice(("business", ""))
        side_income = salary * rng.uniform(0.1, 0.5) if side else 0.0
        lost_job = not healthy and rng.random() < 0.25
        out: list[tuple[str, date, int, dict[str, str], dict[str, str]]] = []
        for k in range(count):
            months_back = 6 * (count - 1 - k) + 1
            year, month = divmod(self.as_of.year * 12 + self.as_of.month - 1 - months_back, 12)
            end = date(year, month + 1, calendar.monthrange(year, month + 1)[1])
            last = k == count - 1
            if k and not healthy:
                salary *= rng.uniform(0.6, 0.95)
            income = {"salary": _amount(0 if lost_job and last else salary)}
            if side:
                income[side] = _amount(side_income * (rng.uniform(0.8, 1.2)))
            total = (0 if lost_job and last else salary) + side_income
            fixed_share = rng.uniform(0.35, 0.55) if healthy else rng.uniform(0.6, 0.85)
            debt_share = rng.uniform(0.05, 0.2) if healthy else rng.uniform(0.25, 0.5)
            figures = {
                "fixed_expenses": _amount(max(total, salary) * fixed_share),
                "other_debt_service": _amount(max(total, salary) * debt_share),
                "real_estate": _amount(
                    size_c * (rng.uniform(0.8, 2.5) if healthy else rng.uniform(0.2, 1.0))
                ),
                "vehicles": _amount(size_c * rng.uniform(0.05, 0.3)),
                "investments": _amount(
                    size_c * (rng.uniform(0.2, 1.0) if healthy else rng.uniform(0.0, 0.05))
                ),
                "cash": _amount(salary * rng.uniform(0.5, 4.0)),
                "liabilities": _amount(size_c * rng.uniform(1.0, 1.6)),
            }
            label = f"{_MONTHS[end.month - 1].capitalize()} {end.year}"
            out.append((label, end, 1, figures, income))
        return out

    # --- assumptions and scenarios -----------------------------------------------------------

    def _assumptions(
        self, case: Row, exposure_c: int, secured: list[Row], created: datetime
    ) -> Row:
        rng = self.rng
        row = stamp(assumptions_id(case["id"]), created)
        liens = {
            str(o["id"]): _amount(int(o["collateral_value"] * 100) * rng.uniform(0.1, 0.5))
            for o in secured
            if rng.random() < 0.4
        }
        row.update(
            case_id=case["id"],
            discount_rate=Decimal(rng.choice(("0.10", "0.12", "0.12", "0.14"))),
            payment_share=Decimal(rng.choice(("0.30", "0.40", "0.50"))),
            liquidation_haircut=Decimal(rng.choice(("0.10", "0.15"))),
            forced_sale_haircut=Decimal(rng.choice(("0.25", "0.30", "0.35", "0.40"))),
            legal_p_win=Decimal(_fraction(rng.randint(9, 15) * 0.05)),
            legal_costs=cents(int(exposure_c * rng.uniform(0.06, 0.15))),
            legal_months=rng.choice((18, 24, 30, 36)),
            legal_recoverable=(
                cents(int(exposure_c * rng.uniform(0.3, 0.8))) if rng.random() < 0.2 else None
            ),
            collateral_liens=liens,
        )
        return row

    def _terms(self, kind: str, exposure_c: int, secured: list[Row]) -> tuple[str, dict[str, str]]:
        rng = self.rng
        start = self.as_of + timedelta(days=rng.randint(20, 45))
        if kind == "lump_sum":
            share = rng.randint(11, 18) * 0.05  # 55 % to 90 % of the exposure
            terms = {"amount": _amount(exposure_c * share), "pay_on": start.isoformat()}
            return f"Liquidación con quita del {round((1 - share) * 100)} %", terms
        if kind == "installment_plan":
            n = rng.choice((12, 18, 24, 36))
            financed = exposure_c * rng.uniform(0.85, 1.0)
            terms = {
                "financed": _amount(financed),
                "down_payment": _amount(financed * rng.uniform(0.05, 0.2)),
                "down_payment_date": "",
                "installments": str(n),
                "frequency": "monthly",
                "annual_rate": _fraction(rng.randint(8, 18) / 100),
                "first_due": start.isoformat(),
                "grace_periods": rng.choice(("", "", "2")),
                "balloon": "",
                "method": rng.choice(("french", "french", "german")),
            }
            return f"Plan de pagos a {n} meses", terms
        if kind == "restructuring":
            n = rng.choice((36, 48, 60, 84))
            terms = {
                "new_term_installments": str(n),
                "annual_rate": _fraction(rng.randint(10, 20) / 100),
                "first_due": start.isoformat(),
                "frequency": "monthly",
                "method": "french",
            }
            return f"Reestructuración a {n} meses", terms
        asset = rng.choice(secured)
        appraised_c = int(asset["collateral_value"] * 100) * rng.uniform(0.85, 1.05)
        terms = {
            "asset_description": asset["collateral_description"][:300],
            "appraised_value": _amount(appraised_c),
            "forced_sale_haircut": _fraction(rng.uniform(0.25, 0.40)),
            "transfer_costs": _amount(appraised_c * rng.uniform(0.02, 0.06)),
            "transfer_on": (start + timedelta(days=rng.randint(30, 90))).isoformat(),
        }
        return f"Dación en pago: {asset['collateral_kind']}", terms

    def _scenarios(
        self,
        case: Row,
        exposure_c: int,
        secured: list[Row],
        executive_id: uuid.UUID,
        created: datetime,
    ) -> list[Row]:
        rng = self.rng
        kinds = ["lump_sum", "installment_plan", "restructuring"]
        if secured:
            kinds.append("payment_in_kind")
        rng.shuffle(kinds)
        kinds = kinds[: rng.randint(2, len(kinds))]
        chosen = rng.randrange(len(kinds))
        rows = []
        for position, kind in enumerate(kinds):
            name, terms = self._terms(kind, exposure_c, secured)
            when = created + timedelta(days=position, minutes=rng.randint(0, 300))
            row = stamp(new_uuid(rng), when)
            row.update(
                case_id=case["id"],
                name=name,
                kind=kind,
                terms=terms,
                chosen=position == chosen,
                choice_reason=rng.choice(_REASONS) if position == chosen else "",
                user_id=executive_id,
                notes=rng.choice(_NOTES),
            )
            rows.append(row)
        return rows
