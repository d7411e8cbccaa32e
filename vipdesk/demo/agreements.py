"""Payment agreements on the demo cases that are being negotiated, in every state of their
life (core.agreements.AgreementStatus), with the approval trail that led there.

Made from the case's chosen settlement scenario exactly as services/agreements.py makes one
(services/agreement_terms.terms_from_scenario and clean_agreement_terms), so the services read,
value, approve and print demo agreements like any others. Which state a case gets follows its
status: cases in "agreement" hold an active (or, every third one, completed) agreement whose
first instalment fell due in the last weeks — so "Mi día" lists instalments — and negotiating
or open cases cycle through draft, pending (some overdue against the 24-hour SLA), changes
requested, approved, rejected, broken, and an approved agreement superseded by an approved
second version. Terms the policy reserves for a level nobody of the case's team holds
stay a draft, unless the case's turn is "pending" (they then wait in the queue). VIP-000012 and
VIP-000157 get none: they are where a user tries the whole flow from the start.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

from vipdesk.core.agreements import AgreementAction, AgreementStatus
from vipdesk.core.approval import DEFAULT_POLICY, ApproverLevel, required_approver
from vipdesk.core.catalog import CaseStatus, Segment
from vipdesk.core.errors import ValidationError
from vipdesk.demo.rows import OFFICE_UTC_OFFSET, DemoRandom, Row, new_uuid, office_time, stamp
from vipdesk.services.agreement_records import JURISDICTIONS
from vipdesk.services.agreement_terms import (
    breakdown_of,
    clean_agreement_terms,
    policy_terms,
    stored_plan,
    terms_from_scenario,
)
from vipdesk.services.letterhead import DEFAULT_ACCOUNTS

S, A = AgreementStatus, AgreementAction
OFFICE_TZ = timezone(-OFFICE_UTC_OFFSET)
# Left without a negotiation (see the module's docstring).
UNTOUCHED = frozenset({"VIP-000012", "VIP-000157"})
_OPEN_CYCLE = (
    S.DRAFT, S.PENDING, S.CHANGES_REQUESTED, S.APPROVED, S.PENDING, S.REJECTED, S.SUPERSEDED,
    S.BROKEN,
)  # fmt: skip
_COMMENTS = {
    A.APPROVE: "Aprobado: los términos están dentro de la política y el flujo los respalda.",
    A.REJECT: "Rechazado: la quita no se justifica con la capacidad de pago documentada.",
    A.REQUEST_CHANGES: "Pedir enganche mayor y reducir el plazo a 18 meses.",
    A.BREAK: "Dos cuotas sin pagar; se pierde la quita según la cláusula de vencimiento.",
}


@dataclass
class AgreementRows:
    agreements: list[Row] = field(default_factory=list)
    events: list[Row] = field(default_factory=list)


@dataclass(frozen=True)
class Staff:
    executive: uuid.UUID
    approvers: dict[ApproverLevel, uuid.UUID]  # the levels someone of the team approves at


def _signatories(debtor: Row, related: list[Row]) -> list[dict[str, str]]:
    company = debtor["segment"] == Segment.COMPANY.value
    own_id = debtor["tax_id"] if company else debtor["id_document"] or debtor["tax_id"]
    found = [{"role": "debtor", "name": debtor["name"], "id_document": own_id, "capacity": ""}]
    for party in related:
        if party["role"] == "legal_representative" and not company:
            continue
        capacity = {"guarantor": "Fiador solidario", "co_debtor": "Codeudor"}.get(
            party["role"], f"Representante legal de {debtor['name']}"
        )
        document = party.get("id_document") or party.get("tax_id") or ""
        found.append(
            {"role": party["role"], "name": party["name"], "id_document": document,
             "capacity": capacity}
        )  # fmt: skip
    return found


def _owed(obligation: Row) -> Decimal:
    return sum(
        (obligation[c] for c in ("principal", "ordinary_interest", "default_interest", "fees")),
        Decimal("0.00"),
    )


def _debt(obligations: list[Row], default: str) -> tuple[str, dict[str, Decimal], str]:
    totals: dict[str, Decimal] = {}
    for o in obligations:
        totals[o["currency"]] = totals.get(o["currency"], Decimal(0)) + _owed(o)
    currency = min(totals, key=lambda c: (-totals[c], c != default, c)) if totals else default
    mine = [o for o in obligations if o["currency"] == currency]
    parts = {
        name: sum((o[column] for o in mine), Decimal("0.00"))
        for name, column in (
            ("principal", "principal"), ("interest", "ordinary_interest"),
            ("default_interest", "default_interest"), ("fees", "fees"),
        )
    }  # fmt: skip
    main = max(mine, key=_owed, default=None)
    return currency, parts, main["account_number"] if main else ""


class AgreementBuilder:
    def __init__(self, seed: int, as_of: date) -> None:
        self.rng = DemoRandom(f"vipdesk-demo-agreements-{seed}")
        self.as_of = as_of
        self.turn = 0

    def build(
        self,
        case: Row,
        debtor: Row,
        related: list[Row],
        obligations: list[Row],
        scenarios: list[Row],
        staff: Staff,
    ) -> AgreementRows:
        chosen = next((s for s in scenarios if s["chosen"]), None)
        if chosen is None or case["number"] in UNTOUCHED:
            return AgreementRows()
        if case["status"] == CaseStatus.AGREEMENT.value:
            state = S.COMPLETED if self.turn % 3 == 2 else S.ACTIVE
        elif case["status"] in (CaseStatus.OPEN.value, CaseStatus.NEGOTIATING.value):
            state = _OPEN_CYCLE[self.turn % len(_OPEN_CYCLE)]
        else:
            return AgreementRows()
        self.turn += 1
        try:
            return self._agreement(case, debtor, related, obligations, chosen, staff, state)
        except ValidationError:
            return AgreementRows()  # a scenario that no longer makes valid terms: none

    def _agreement(
        self,
        case: Row,
        debtor: Row,
        related: list[Row],
        obligations: list[Row],
        scenario: Row,
        staff: Staff,
        state: AgreementStatus,
    ) -> AgreementRows:
        rng, as_of = self.rng, self.as_of
        currency, parts, credit = _debt(obligations, case["currency"])
        total = sum(parts.values(), Decimal("0.00"))
        if total <= 0:
            return AgreementRows()
        terms, note = terms_from_scenario(scenario["kind"], scenario["terms"], total, as_of)
        account = DEFAULT_ACCOUNTS[currency]
        country = debtor.get("country") or ("MX" if currency == "MXN" else "GT")
        terms.update(
            bank_account=f"{account.bank} {account.account}"[:60],
            credit_number=credit,
            jurisdiction=JURISDICTIONS.get(country, JURISDICTIONS["GT"]),
            offer_valid_until=(as_of + timedelta(days=15)).isoformat(),
        )
        in_force = state in (S.ACTIVE, S.COMPLETED, S.BROKEN)
        if in_force:
            # Signed weeks ago: the first instalment fell due in the last four weeks.
            terms["first_due"] = (as_of - timedelta(days=rng.randint(0, 25))).isoformat()
            terms["down_payment_date"] = ""
            if Decimal(terms.get("down_payment") or "0") > 0:
                terms["down_payment_date"] = (as_of - timedelta(days=35)).isoformat()
        clean, plan = clean_agreement_terms(terms, as_of - timedelta(days=60), total)
        plan = stored_plan(clean, total)
        breakdown = breakdown_of(
            parts["principal"], parts["interest"], parts["default_interest"], parts["fees"],
            plan.discount,
        )  # fmt: skip
        level = required_approver(policy_terms(plan, currency), DEFAULT_POLICY).level
        approver = staff.approvers.get(level)
        if approver is None and state not in (S.DRAFT, S.PENDING):
            state = S.DRAFT  # nobody of the team may approve it: still being worked on
        stored_breakdown = {
            name: format(getattr(breakdown, name), "f")
            for name in ("principal", "interest", "default_interest", "fees", "total",
                         "discount", "to_pay")
        }  # fmt: skip
        series = new_uuid(rng)
        number = f"CV-{case['number']}-1"
        base: dict[str, Any] = {
            "case_id": case["id"], "series_id": series, "number": number, "currency": currency,
            "scenario_id": scenario["id"], "scenario_name": scenario["name"], "terms": clean,
            "breakdown": stored_breakdown,
            "signatories": _signatories(debtor, related), "author_id": staff.executive,
            "notes": note,
        }  # fmt: skip
        rows = AgreementRows()
        started = as_of - timedelta(days=rng.randint(40, 60) if in_force else rng.randint(3, 12))
        created = office_time(started, 9 * 60 + rng.randint(0, 120))
        if state is S.SUPERSEDED:
            self._version(rows, base, 1, S.SUPERSEDED, level, created, staff, approver)
            revised = created + timedelta(days=3)
            self._version(rows, base, 2, S.APPROVED, level, revised, staff, approver)
            return rows
        self._version(rows, base, 1, state, level, created, staff, approver)
        return rows

    def _version(
        self,
        rows: AgreementRows,
        base: dict[str, Any],
        version: int,
        state: AgreementStatus,
        level: ApproverLevel,
        created: datetime,
        staff: Staff,
        approver: uuid.UUID | None,
    ) -> Row:
        rng = self.rng
        row = stamp(new_uuid(rng), created)
        row.update(base, version=version, status=state.value, required_level=None,
                   submitted_at=None, decided_at=None, decided_by=None)  # fmt: skip
        rows.agreements.append(row)
        if state is S.DRAFT:
            return row
        # Pending ones: every other one submitted days ago (overdue against the SLA).
        late = rng.random() < 0.5
        hours = rng.randint(30, 90) if late else rng.randint(1, 6)
        submitted = max(created + timedelta(hours=1), self._now() - timedelta(hours=hours))
        if state is not S.PENDING:
            submitted = created + timedelta(hours=2)
        row.update(required_level=level.value, submitted_at=submitted)
        when = submitted
        self._event(rows, row, A.SUBMIT, staff.executive, when, level)
        if state in (S.PENDING,) or approver is None:
            return row
        when = self._office_after(when, 0)
        decision = {S.REJECTED: A.REJECT, S.CHANGES_REQUESTED: A.REQUEST_CHANGES}.get(
            state, A.APPROVE
        )
        self._event(rows, row, decision, approver, when, level)
        row.update(decided_at=when, decided_by=approver)
        if state in (S.ACTIVE, S.COMPLETED, S.BROKEN):
            when = self._office_after(when, 2)
            self._event(rows, row, A.ACTIVATE, staff.executive, when, None)
        if state in (S.COMPLETED, S.BROKEN):
            when = self._office_after(when, rng.randint(20, 30))
            step = A.COMPLETE if state is S.COMPLETED else A.BREAK
            self._event(rows, row, step, staff.executive, when, None)
        if state is S.SUPERSEDED:
            self._event(rows, row, A.SUPERSEDE, staff.executive, when + timedelta(days=3), None)
        row["updated_at"] = when
        return row

    def _office_after(self, moment: datetime, days: int) -> datetime:
        """A moment of office hours (9:00 to 17:00 local) ``days`` days after ``moment``, and
        after it: people decide, sign and record during the working day."""
        day = (moment + timedelta(days=days)).astimezone(OFFICE_TZ).date()
        later = office_time(day, self.rng.randint(9 * 60, 17 * 60))
        return later if later > moment else office_time(day + timedelta(days=1), 10 * 60)

    def _now(self) -> datetime:
        return office_time(self.as_of, 11 * 60)

    def _event(
        self,
        rows: AgreementRows,
        agreement: Row,
        action: AgreementAction,
        user: uuid.UUID,
        when: datetime,
        level: ApproverLevel | None,
    ) -> None:
        row = stamp(new_uuid(self.rng), when)
        row.update(
            case_id=agreement["case_id"], agreement_id=agreement["id"], action=action.value,
            user_id=user, occurred_at=when, comment=_COMMENTS.get(action, ""),
            required_level=level.value if level else None,
        )  # fmt: skip
        rows.events.append(row)
