"""One case's content: obligations, contact history, promises, payments and its summary.

Money is drawn as integer cents (floats only ever pick a number, never reach the database) and
turned into two-place Decimals once. Promise statuses and which payment kept which promise come
from :func:`vipdesk.core.promises.apply_payments`, and the case's summary columns from
:func:`vipdesk.core.case_summary.summarize`, so stored figures match what the services compute.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from vipdesk.core.balances import Balance, apply_to_balance
from vipdesk.core.case_summary import (
    ContactFigures,
    ObligationFigures,
    PromiseFigures,
    case_search_text,
    summarize,
)
from vipdesk.core.catalog import CaseStatus, Segment
from vipdesk.core.promises import PaymentIn, PromiseIn, apply_payments
from vipdesk.demo.debtors import build_debtor
from vipdesk.demo.history import GRACE_DAYS, History, build_history
from vipdesk.demo.people import DebtorDraft, PeopleFactory
from vipdesk.demo.recipes import City, Recipes, Weighted
from vipdesk.demo.rows import Row, cents, new_uuid, office_time, stamp

OBLIGATION_COUNTS: Weighted[int] = Weighted([(1, 55), (2, 32), (3, 13)])

# (share, min days, max days): a high-value book with most cases in early or middle
# delinquency and a long tail, so every bucket has cases to work.
_DELINQUENCY_MIX = (
    (0.17, 1, 30),
    (0.15, 31, 60),
    (0.13, 61, 90),
    (0.25, 91, 180),
    (0.17, 181, 365),
    (0.13, 366, 730),
)


@dataclass(frozen=True)
class CaseContext:
    number: str
    country: str
    currency: str
    segment: Segment
    status: CaseStatus
    executive_id: uuid.UUID
    team_id: uuid.UUID


@dataclass
class CaseRows:
    debtor: DebtorDraft
    case: Row
    obligations: list[Row] = field(default_factory=list)
    interactions: list[Row] = field(default_factory=list)
    promises: list[Row] = field(default_factory=list)
    payments: list[Row] = field(default_factory=list)
    applications: list[Row] = field(default_factory=list)


class CaseBuilder:
    def __init__(self, people: PeopleFactory, recipes: Recipes, as_of: date) -> None:
        self.people = people
        self.rng = people.rng
        self.recipes = recipes
        self.as_of = as_of
        self._obligation_seq = 0
        low, high = {}, {}
        for currency, (lo, hi) in recipes.amount_ranges.items():
            low[currency], high[currency] = math.log(lo), math.log(hi)
        self._log_low, self._log_high = low, high

    # --- obligations --------------------------------------------------------------------

    def _days_past_due(self, status: CaseStatus, first: bool) -> int | None:
        """None for a current obligation; legal and closed cases are long overdue."""
        rng = self.rng
        if status is CaseStatus.LEGAL and first:
            return rng.randint(200, 730)
        if status is CaseStatus.CLOSED and first:  # old enough to have been worked and settled
            return rng.randint(150, 730)
        # A case is as late as its latest obligation, so secondary obligations are often
        # current; otherwise the portfolio would pile up in the oldest bucket.
        if rng.random() < (0.04 if first else 0.45):
            return None
        draw = rng.random()
        for share, low, high in _DELINQUENCY_MIX:
            if draw < share:
                return rng.randint(low, high)
            draw -= share
        return rng.randint(366, 730)

    def _account_number(self, country: str, code: str) -> str:
        # Spaced-out sequence plus jitter: unique across the run (each obligation owns its own
        # block of 29 numbers) without looking consecutive.
        self._obligation_seq += 1
        number = 10_000_000 + self._obligation_seq * 29 + self.rng.randrange(29)
        digits = str(number)
        check = sum(int(d) * (2 if i % 2 else 1) for i, d in enumerate(digits)) % 10
        return f"{country}-{code}-{digits}-{check}"

    def _collateral(self, country: str, city: City, kind: str, original_c: int) -> Row:
        rng = self.rng
        pools = self.recipes.countries[country]
        template = rng.choice(pools.collateral_templates[kind])
        bank = rng.choice(pools.banks)[1]
        description = template.format(
            n=rng.randint(1000, 99999),
            f=rng.randint(1, 999),
            l=rng.randint(1, 300),
            building=rng.choice(pools.buildings),
            city=city.name,
            m2=rng.randint(3, 90) * 50,
            street=rng.choice(pools.streets),
            num=rng.randint(10, 2999),
            colonia=rng.choice(city.districts),
            year=rng.randint(2012, self.as_of.year),
            plate=f"{rng.randrange(1000):03d}{rng.choice('BCDFGHJKLMNPRSTVWXYZ')}"
            f"{rng.choice('BCDFGHJKLMNPRSTVWXYZ')}{rng.choice('BCDFGHJKLMNPRSTVWXYZ')}",
            serial=f"{rng.getrandbits(40):010X}",
            k=rng.randint(3, 12),
            bank=bank,
        )
        low, high = self.recipes.collateral_value[kind]
        value_units = int(original_c / 100 * rng.uniform(low, high)) // 1000 * 1000
        return {
            "collateral_kind": kind,
            "collateral_description": description,
            "collateral_value": cents(max(value_units, 1000) * 100),
        }

    def _obligation(
        self,
        ctx: CaseContext,
        case_id: uuid.UUID,
        city: City,
        created: datetime,
        past_due_since: date | None,
        case_opened: date,
    ) -> Row:
        rng = self.rng
        product = self.recipes.products[ctx.segment.value].pick(rng)
        original = math.exp(rng.uniform(self._log_low[ctx.currency], self._log_high[ctx.currency]))
        step = 1000 if original >= 1_000_000 else 100
        original_c = max(int(original) // step, 1) * step * 100
        principal_c = int(original_c * rng.uniform(0.30, 1.0))
        rate_steps = round(rng.uniform(product.rate_low, product.rate_high) * 400)  # 0.25 %
        rate = Decimal(rate_steps * 2500).scaleb(-6)  # six places, e.g. 0.185000
        daily = rate_steps / 400 / 365
        if ctx.status is CaseStatus.CLOSED:  # settled: nothing left to collect
            principal_c = interest_c = default_c = fees_c = 0
            past_due_since = None
        elif past_due_since is None:
            interest_c = int(principal_c * daily * rng.randint(0, 30))
            default_c = fees_c = 0
        else:
            days = (self.as_of - past_due_since).days
            interest_c = int(principal_c * daily * min(days, 540) * rng.uniform(0.4, 1.0))
            # Moratorium surcharge is typically half the ordinary rate on the overdue balance.
            default_c = int(principal_c * daily * 0.5 * days * rng.uniform(0.6, 1.0))
            fees_c = int(principal_c * rng.uniform(0.001, 0.006)) + rng.randint(250, 2500) * 100
        start = past_due_since or case_opened
        opened_on = start - timedelta(days=rng.randint(120, 2500))
        row = stamp(new_uuid(rng), created)
        row.update(
            case_id=case_id,
            account_number=self._account_number(ctx.country, product.code),
            contract_number=f"CTR-{opened_on.year}-{rng.randrange(1, 1_000_000):06d}",
            product=product.name,
            currency=ctx.currency,
            opened_on=opened_on,
            annual_rate=rate,
            original_principal=cents(original_c),
            principal=cents(principal_c),
            ordinary_interest=cents(interest_c),
            default_interest=cents(default_c),
            fees=cents(fees_c),
            past_due_since=past_due_since,
            collateral_kind="",
            collateral_description="",
            collateral_value=None,
        )
        kinds = product.collateral
        # Mortgages always have their property; revolving cards never have collateral.
        # About 40 % of all obligations end up secured.
        if kinds and (product.code == "CH" or rng.random() < 0.33):
            row.update(self._collateral(ctx.country, city, rng.choice(kinds), original_c))
        row["_total_c"] = principal_c + interest_c + default_c + fees_c
        row["_original_c"] = original_c
        return row

    # --- the case -----------------------------------------------------------------------

    def build(self, ctx: CaseContext) -> CaseRows:
        rng = self.rng
        as_of = self.as_of
        count = OBLIGATION_COUNTS.pick(rng)
        overdue_days = [self._days_past_due(ctx.status, i == 0) for i in range(count)]
        # The first obligation sets how late the case is; the others are no later.
        lead = overdue_days[0]
        if lead is not None:
            overdue_days[1:] = [None if d is None else min(d, lead) for d in overdue_days[1:]]
        overdue_since = [None if d is None else as_of - timedelta(days=d) for d in overdue_days]
        known = [d for d in overdue_since if d is not None]
        # A case is opened some weeks after the debtor first falls behind.
        if known:
            opened = min(min(known) + timedelta(days=rng.randint(15, 60)), as_of - timedelta(1))
        else:
            opened = as_of - timedelta(days=rng.randint(20, 240))
        created = office_time(opened, rng.randint(8 * 60, 11 * 60))

        debtor = build_debtor(self.people, ctx.country, ctx.segment, created)
        case_id = new_uuid(rng)
        city = debtor.city
        assert city is not None
        obligations = [
            self._obligation(ctx, case_id, city, created, since, opened) for since in overdue_since
        ]
        total_c = sum(o["_total_c"] for o in obligations)
        size_c = total_c if total_c > 0 else sum(o["_original_c"] for o in obligations)

        history = build_history(self, ctx, case_id, debtor, opened, size_c)
        payments = history.payments
        self._split_payments(payments, obligations)
        self._apply_promises(history)

        summary = summarize(
            ctx.currency,
            [
                ObligationFigures(ctx.currency, cents(o["_total_c"]), o["past_due_since"])
                for o in obligations
            ],
            [
                ContactFigures(i["occurred_at"], i["next_action"], i["next_action_date"])
                for i in history.interactions
            ],
            [PromiseFigures(p["due_date"], p["_status"]) for p in history.promises],
            as_of,
        )
        updated = max(
            [created]
            + [i["occurred_at"] for i in history.interactions]
            + [p["created_at"] for p in payments]
        )
        case = stamp(case_id, created, updated)
        case.update(
            number=ctx.number,
            debtor_id=debtor.row["id"],
            executive_id=ctx.executive_id,
            team_id=ctx.team_id,
            status=ctx.status.value,
            opened_on=opened,
            currency=ctx.currency,
            exposure=summary.exposure,
            past_due_since=summary.past_due_since,
            last_contact_at=summary.last_contact_at,
            next_action=summary.next_action,
            next_action_date=summary.next_action_date,
            promise_status=summary.promise_status.value if summary.promise_status else None,
            broken_promises=summary.broken_promises,
            priority_score=summary.priority_score,
            priority_as_of=summary.priority_as_of,
            search_text=case_search_text(
                debtor.row["name"],
                debtor.row["trade_name"],
                debtor.row["tax_id"],
                [o["account_number"] for o in obligations],
                ctx.number,
            ),
        )
        for row in obligations:
            del row["_total_c"], row["_original_c"]
        for row in history.promises:
            del row["_status"]
        return CaseRows(
            debtor,
            case,
            obligations,
            history.interactions,
            history.promises,
            payments,
            history.applications,
        )

    def _split_payments(self, payments: list[Row], obligations: list[Row]) -> None:
        """Fees first, then default interest, then ordinary interest, then principal.

        The split is taken against the obligation's balance before its payments (today's
        balance with what went to principal added back), so the parts always sum to the amount.
        """
        rng = self.rng
        for payment in payments:
            payment["obligation_id"] = rng.choice(obligations)["id"]
        for obligation in obligations:
            own = [p for p in payments if p["obligation_id"] == obligation["id"]]
            if not own:
                continue
            balance = Balance(
                principal=obligation["principal"] + sum((p["amount"] for p in own), Decimal(0)),
                ordinary_interest=obligation["ordinary_interest"],
                default_interest=obligation["default_interest"],
                fees=obligation["fees"],
            )
            for payment in sorted(own, key=lambda p: (p["paid_on"], p["reference"])):
                balance, applied, left = apply_to_balance(balance, payment["amount"])
                payment["applied_fees"] = applied.fees
                payment["applied_default_interest"] = applied.default_interest
                payment["applied_interest"] = applied.ordinary_interest
                payment["applied_principal"] = applied.principal + left

    def _apply_promises(self, history: History) -> None:
        promises, payments = history.promises, history.payments
        outcomes, applications = apply_payments(
            [
                PromiseIn(str(p["id"]), p["amount"], p["due_date"], p["promised_on"])
                for p in promises
            ],
            [PaymentIn(str(p["id"]), p["amount"], p["paid_on"]) for p in payments],
            self.as_of,
            grace_days=GRACE_DAYS,
        )
        for promise, outcome in zip(promises, outcomes, strict=True):
            promise["status"] = outcome.status.value
            promise["_status"] = outcome.status
            promise["applied_amount"] = outcome.applied
        by_id = {str(p["id"]): p for p in payments}
        for application in applications:
            payment = by_id[application.payment_id]
            row = stamp(new_uuid(self.rng), payment["created_at"])
            row.update(
                payment_id=payment["id"],
                promise_id=uuid.UUID(application.promise_id),
                amount=application.amount,
            )
            history.applications.append(row)
