"""Settlement scenarios valued side by side ("escenarios de arreglo"), and choosing the one to
negotiate.

Each saved scenario is valued with core.valuation in the case's analysis (services/finance.py):
the exposure and currency of the case, the capacity to pay from its latest statements, its
promise-kept history, its days past due, and the discount rate and legal route of its
assumptions. The legal route (our alternative) closes the comparison. The approval policy
(DEFAULT_POLICY unless an admin stored one as the "approval_policy" setting) says who would
have to approve each scenario as an agreement; the recommendation is the best expected present
value among the rows a supervisor may approve, the legal route included (it needs no approval).

Terms are valued as of the user's today: terms that can no longer be valued (a first due date
now in the past, say) stay listed with the reason, for the user to edit. Saving and removing a
scenario are edits like any other (see services/related_parties.py); choosing one unchooses the
others and needs a reason when it is not the recommended one.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy import select
from sqlalchemy.orm import Session

from vipdesk.core.approval import AgreementTerms, Policy, required_approver
from vipdesk.core.errors import QT_TRANSLATE_NOOP, Conflict, NotFound, ValidationError
from vipdesk.core.text import clean_text
from vipdesk.core.validation import collect
from vipdesk.core.valuation import ScenarioValue, ValuationContext, best_index, value_scenario
from vipdesk.services.dto import Actor
from vipdesk.services.finance_data import CaseFinance, load_case_finance, policy_in
from vipdesk.services.finance_dto import (
    Comparison,
    ScenarioChoice,
    ScenarioInfo,
    ScenarioRemoval,
    ScenarioRow,
    ScenarioSave,
)
from vipdesk.services.finance_periods import finish, remove_case_record
from vipdesk.services.guard import visible_case, workable_case
from vipdesk.services.recording import command_moment, queue_if_offline
from vipdesk.services.scenario_terms import TERM_FIELDS, clean_terms
from vipdesk.storage.models import AppliedCommand, Case, SettlementScenario, User
from vipdesk.storage.uow import UnitOfWork

SAVE = "scenario.save"
REMOVE = "scenario.remove"
CHOOSE = "scenario.choose"
MAX_NAME = 120  # the column's size
MAX_NOTES = 4000
MAX_REASON = 2000
NOT_VALUABLE = QT_TRANSLATE_NOOP("errors", "These terms can no longer be valued: edit the scenario")
NOTHING_OWED = QT_TRANSLATE_NOOP(
    "errors", "Nothing is owed on this case: there is nothing to settle"
)
REASON_NEEDED = QT_TRANSLATE_NOOP(
    "errors", "Say why you prefer this scenario to the recommended one"
)


def scenario_seen(info: ScenarioInfo) -> dict[str, str]:
    """A scenario as the user sees it, flat and as text: what ``ScenarioSave.seen`` takes, and
    the fields compared when an edit conflicts (name, kind, notes and each term by name)."""
    return {"name": info.name, "kind": info.kind, "notes": info.notes, **dict(info.terms)}


def _info(row: SettlementScenario, author: str) -> ScenarioInfo:
    terms = {str(k): str(v) for k, v in (row.terms or {}).items()}
    return ScenarioInfo(
        row.id,
        row.name,
        row.kind,
        terms,
        row.chosen,
        row.choice_reason,
        author,
        row.notes,
        row.updated_at,
    )


def _scenarios(session: Session, case_id: UUID) -> list[tuple[SettlementScenario, str]]:
    query = (
        select(SettlementScenario, User.full_name)
        .join(User, User.id == SettlementScenario.user_id)
        .where(SettlementScenario.case_id == case_id)
        .order_by(SettlementScenario.created_at, SettlementScenario.id)
    )
    return [(row, name) for row, name in session.execute(query)]


def _decision_row(
    info: ScenarioInfo, value: ScenarioValue, finance: CaseFinance, policy: Policy
) -> ScenarioRow:
    exposure = finance.exposure
    terms = AgreementTerms(
        discount_pct=min(value.discount_pct, Decimal(1)),
        amount_forgiven=min(value.discount_amount, exposure),
        currency=finance.currency,
        term_months=value.term_months,
        exposure=exposure,
    )
    decision = required_approver(terms, policy)
    return ScenarioRow(info, value, None, decision, decision.level == policy.tiers[0].level)


def _row(
    info: ScenarioInfo, finance: CaseFinance, context: ValuationContext | None, policy: Policy
) -> ScenarioRow:
    if context is None:
        return ScenarioRow(info, None, NOTHING_OWED, None, False)
    try:
        scenario = clean_terms(info.kind, info.terms, finance.as_of, finance.exposure)[1]
        value = value_scenario(scenario, context)
    except ValidationError as error:
        return ScenarioRow(info, None, NOT_VALUABLE, None, False, tuple(error.problems))
    return _decision_row(info, value, finance, policy)


def _compare(session: Session, case: Case, as_of: date) -> Comparison:
    finance = load_case_finance(session, case, as_of)
    context = finance.context(session) if finance.valuable else None
    policy = policy_in(session)
    rows = [
        _row(_info(s, author), finance, context, policy)
        for s, author in _scenarios(session, case.id)
    ]
    if context is None:
        rows.append(ScenarioRow(None, None, NOTHING_OWED, None, True))
    else:
        legal = value_scenario(finance.legal, context)
        rows.append(ScenarioRow(None, legal, None, None, True))
    candidates = [(i, r.value) for i, r in enumerate(rows) if r.value and r.within_policy]
    best = best_index([value for _i, value in candidates], [True] * len(candidates))
    chosen = next((i for i, r in enumerate(rows) if r.info is not None and r.info.chosen), None)
    return Comparison(
        case_id=case.id,
        currency=finance.currency,
        exposure=finance.exposure,
        as_of=as_of,
        rows=tuple(rows),
        best_index=None if best is None else candidates[best][0],
        chosen_index=chosen,
    )


def compare_scenarios(uow: UnitOfWork, actor: Actor, case_id: UUID) -> Comparison:
    """The case's scenarios valued side by side, as of the user's today."""
    with uow:
        case = visible_case(uow.session, actor, case_id)
        return _compare(uow.session, case, uow.today())


def scenarios_of(uow: UnitOfWork, actor: Actor, case_id: UUID) -> list[ScenarioInfo]:
    with uow:
        case = visible_case(uow.session, actor, case_id)
        return [_info(row, author) for row, author in _scenarios(uow.session, case.id)]


def _scenario_of(session: Session, case: Case, scenario_id: UUID) -> SettlementScenario:
    scenario = session.get(SettlementScenario, scenario_id)
    if scenario is None or scenario.case_id != case.id:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "This scenario of case {case} no longer exists."),
            case=case.number,
        )
    return scenario


def _seen_of(session: Session, row: SettlementScenario) -> dict[str, str]:
    author = session.get(User, row.user_id)
    return scenario_seen(_info(row, author.full_name if author else ""))


def _same(a: Mapping[str, str], b: Mapping[str, str]) -> bool:
    return {k: v for k, v in a.items() if v != ""} == {k: v for k, v in b.items() if v != ""}


def _snapshot(row: SettlementScenario) -> dict[str, Any]:
    return {
        "scenario_id": str(row.id),
        "name": row.name,
        "kind": row.kind,
        "terms": dict(row.terms),
        "notes": row.notes,
        "chosen": row.chosen,
    }


def save_scenario(uow: UnitOfWork, actor: Actor, cmd: ScenarioSave) -> UUID:
    """Add or change the scenario ``cmd.scenario_id`` (its terms must be valuable today);
    return its id."""
    now, today = command_moment(uow, cmd)
    command_id = cmd.id or uuid4()
    text: dict[str, str] = {}
    collect(
        lambda: text.__setitem__("name", clean_text(cmd.name, "name", max_length=MAX_NAME)),
        lambda: text.__setitem__(
            "notes",
            clean_text(cmd.notes, "notes", max_length=MAX_NOTES, required=False, multiline=True),
        ),
        lambda: _check_kind(cmd.kind),
    )
    with uow:
        session = uow.session
        case = workable_case(session, actor, cmd.case_id)
        # A replay of a change already applied (before the checks that depend on the case as
        # it is now: a payment since may have changed the exposure).
        if session.get(AppliedCommand, command_id) is not None:
            return cmd.scenario_id
        finance = load_case_finance(session, case, today)
        if not finance.valuable:
            raise ValidationError.single("kind", NOTHING_OWED)
        terms, scenario = clean_terms(cmd.kind, cmd.terms, today, finance.exposure)
        value_scenario(scenario, finance.context(session))  # proves the terms can be valued
        row = session.get(SettlementScenario, cmd.scenario_id)
        if row is not None and row.case_id != case.id:
            raise NotFound(
                QT_TRANSLATE_NOOP("errors", "Case not found: {case}"), case=str(cmd.case_id)
            )
        if row is None and cmd.seen is not None:
            _scenario_of(session, case, cmd.scenario_id)  # removed meanwhile: say so
        if row is not None and (cmd.seen is None or not _same(_seen_of(session, row), cmd.seen)):
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "errors", "A scenario of case {case} was changed by someone else meanwhile."
                ),
                theirs=_seen_of(session, row),
                case=case.number,
            )
        before = _snapshot(row) if row is not None else None
        if row is None:
            row = SettlementScenario(
                id=cmd.scenario_id,
                case_id=case.id,
                user_id=actor.id,
                chosen=False,
                choice_reason="",
            )
            session.add(row)
        row.name, row.kind, row.terms, row.notes = text["name"], cmd.kind, terms, text["notes"]
        session.add(AppliedCommand(id=command_id, kind=SAVE, applied_at=now))
        session.flush()  # the ORM's version check: a concurrent writer makes this fail
        finish(uow, actor, case, now, "scenario.saved", before, _snapshot(row))
        queue_if_offline(uow, cmd, command_id, now)
        uow.commit()
        return row.id


def _check_kind(kind: str) -> None:
    if kind not in TERM_FIELDS:
        raise ValidationError.single(
            "kind", QT_TRANSLATE_NOOP("errors", "Choose a value from the list")
        )


def remove_scenario(uow: UnitOfWork, actor: Actor, cmd: ScenarioRemoval) -> None:
    """Remove the scenario; removing one already gone (by someone else) changes nothing."""
    remove_case_record(
        uow, actor, cmd, model=SettlementScenario, record_id=cmd.scenario_id, kind=REMOVE,
        action="scenario.removed", snapshot_of=_snapshot, owned=_scenario_of,
    )  # fmt: skip


def choose_scenario(uow: UnitOfWork, actor: Actor, cmd: ScenarioChoice) -> None:
    """Choose the scenario to negotiate (None: none); the case's others are unchosen. A reason
    is required unless it is the recommended one (Comparison.best_index) as of today."""
    now, today = command_moment(uow, cmd)
    command_id = cmd.id or uuid4()
    reason = clean_text(cmd.reason, "reason", max_length=MAX_REASON, required=False, multiline=True)
    with uow:
        session = uow.session
        case = workable_case(session, actor, cmd.case_id)
        if session.get(AppliedCommand, command_id) is not None:
            return
        if cmd.scenario_id is not None:
            _scenario_of(session, case, cmd.scenario_id)
        if cmd.scenario_id is not None:
            comparison = _compare(session, case, today)
            index = next(
                i
                for i, r in enumerate(comparison.rows)
                if r.info is not None and r.info.id == cmd.scenario_id
            )
            if comparison.rows[index].value is None:
                raise ValidationError.single("scenario_id", NOT_VALUABLE)
            if index != comparison.best_index and not reason:
                raise ValidationError.single("reason", REASON_NEEDED)
        rows = session.scalars(
            select(SettlementScenario).where(SettlementScenario.case_id == case.id)
        ).all()
        before = next(
            ({"scenario_id": str(r.id), "reason": r.choice_reason} for r in rows if r.chosen), None
        )
        for row in rows:
            mine = row.id == cmd.scenario_id
            if row.chosen != mine or (mine and row.choice_reason != reason):
                row.chosen = mine
                row.choice_reason = reason if mine else ""
        session.add(AppliedCommand(id=command_id, kind=CHOOSE, applied_at=now))
        session.flush()
        after = (
            None
            if cmd.scenario_id is None
            else {"scenario_id": str(cmd.scenario_id), "reason": reason}
        )
        finish(uow, actor, case, now, "scenario.chosen", before, after)
        queue_if_offline(uow, cmd, command_id, now)
        uow.commit()
