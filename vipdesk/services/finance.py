"""A debtor's financial analysis on a case ("análisis financiero"): statements by period, their
ratios over time, the capacity to pay, the collateral and the legal route, from the
assumptions the executive edits.

Reading needs the case to be visible to the user (as the case's workspace); changing needs the
user to be able to work it (the assigned executive or the team's supervisor). Conventions for
the currency, the collateral and the default assumptions: services/finance_data.py. The
statements' use cases (save, remove, import) live in services/finance_periods.py and are
re-exported here, so the GUI needs this module alone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy import select

from vipdesk.core.access import can_work_case
from vipdesk.core.errors import QT_TRANSLATE_NOOP, Conflict, Problem, ValidationError
from vipdesk.core.money import parse_amount
from vipdesk.core.ratios import trend
from vipdesk.core.validation import check_int_range
from vipdesk.services.dto import Actor
from vipdesk.services.finance_data import (
    ASSUMPTION_FIELDS,
    INCOME_PREFIX,
    LIEN_PREFIX,
    CaseFinance,
    assumptions_seen,
    default_assumptions,
    legal_value,
    load_case_finance,
    period_seen,
)
from vipdesk.services.finance_dto import Assumptions, AssumptionsSave, FinancialAnalysis
from vipdesk.services.finance_import import IMPORT, import_periods
from vipdesk.services.finance_periods import (
    REMOVE,
    SAVE,
    check_period,
    finish,
    flush_or_conflict,
    period_of,
    remove_period,
    save_period,
)
from vipdesk.services.guard import visible_case, workable_case
from vipdesk.services.recording import command_moment, queue_if_offline
from vipdesk.services.scenario_terms import parse_fraction
from vipdesk.storage.models import AppliedCommand, FinancialAssumptions
from vipdesk.storage.models.finance import assumptions_id
from vipdesk.storage.uow import UnitOfWork

__all__ = [
    "ASSUMPTIONS_SAVE",
    "ASSUMPTION_FIELDS",
    "IMPORT",
    "INCOME_PREFIX",
    "LIEN_PREFIX",
    "MAX_LEGAL_MONTHS",
    "REMOVE",
    "SAVE",
    "assumptions_seen",
    "check_assumptions",
    "check_period",
    "default_assumptions",
    "financial_analysis",
    "import_periods",
    "period_of",
    "period_seen",
    "remove_period",
    "save_assumptions",
    "save_period",
]

ASSUMPTIONS_SAVE = "finance.assumptions.save"
MAX_LEGAL_MONTHS = 240
_ZERO = Decimal("0.00")


def _can_edit(actor: Actor, finance: CaseFinance) -> bool:
    case = finance.case
    return can_work_case(
        actor.role,
        actor.id,
        actor.team_id,
        case_executive_id=case.executive_id,
        case_team_id=case.team_id,
    )


def financial_analysis(uow: UnitOfWork, actor: Actor, case_id: UUID) -> FinancialAnalysis:
    """Everything the "Análisis financiero" tab shows for the case, as of the user's today."""
    with uow:
        session = uow.session
        case = visible_case(session, actor, case_id)
        finance = load_case_finance(session, case, uow.today())
        series = trend(finance.core_periods, finance.thresholds)
        return FinancialAnalysis(
            case_id=case.id,
            debtor_name=case.debtor.name,
            segment=finance.segment,
            currency=finance.currency,
            exposure=finance.exposure,
            as_of=finance.as_of,
            periods=finance.periods,
            ratios={key: tuple(values) for key, values in series.items()},
            capacity=finance.capacity,
            assumptions=finance.assumptions,
            assumptions_saved=finance.assumptions_saved,
            collaterals=finance.collaterals,
            legal_value=legal_value(session, finance),
            thresholds=finance.thresholds,
            can_edit=_can_edit(actor, finance),
        )


# --- assumptions ------------------------------------------------------------------------------

_FRACTION = QT_TRANSLATE_NOOP("errors", "Enter a fraction between 0 and 1, such as 0.20")
_SHARE = QT_TRANSLATE_NOOP("errors", "Enter a share from 0 up to (not including) 1")
_PROBABILITY = QT_TRANSLATE_NOOP("errors", "Enter a probability between 0 and 1")
_UNKNOWN = QT_TRANSLATE_NOOP("errors", "Unknown setting")
# (field, problem when out of range, whether 1 itself is allowed)
_FRACTIONS: dict[str, tuple[str, bool]] = {
    "discount_rate": (_FRACTION, True),
    "payment_share": (_SHARE, False),
    "liquidation_haircut": (_SHARE, False),
    "forced_sale_haircut": (_SHARE, False),
    "legal_p_win": (_PROBABILITY, True),
}


def _fraction(text: object, field: str) -> Decimal:
    template, one_allowed = _FRACTIONS[field]
    return parse_fraction(text, field, template, one_allowed=one_allowed)


def _months(text: object) -> int:
    typed = text.strip() if isinstance(text, str) else ""
    if not re.fullmatch(r"[0-9]{1,6}", typed, re.ASCII):
        raise ValidationError.single(
            "legal_months", QT_TRANSLATE_NOOP("errors", "Enter a whole number")
        )
    return check_int_range(int(typed), "legal_months", minimum=0, maximum=MAX_LEGAL_MONTHS)


def _amount(text: object, field: str) -> Decimal:
    return parse_amount(text, field, allow_zero=True)  # type: ignore[arg-type]


def check_assumptions(
    current: Assumptions, values: Mapping[str, str], collateral_ids: set[UUID]
) -> Assumptions:
    """``current`` with ``values`` applied (keys left out keep their value), or one
    ValidationError naming every invalid key. ``collateral_ids``: the obligations whose
    asset may carry a lien ("lien.<id>"; "" removes the lien). Pure, for forms too."""
    if not isinstance(values, Mapping):
        raise ValidationError.single("values", _UNKNOWN)
    problems: list[Problem] = []
    fields: dict[str, Any] = {name: getattr(current, name) for name in ASSUMPTION_FIELDS}
    liens = dict(current.collateral_liens)
    for key, text in values.items():
        try:
            if key in _FRACTIONS:
                fields[key] = _fraction(text, key)
            elif key == "legal_months":
                fields[key] = _months(text)
            elif key == "legal_costs":
                fields[key] = _amount(text, key)
            elif key == "legal_recoverable":
                blank = isinstance(text, str) and not text.strip()
                fields[key] = None if blank else _amount(text, key)
            elif isinstance(key, str) and key.startswith(LIEN_PREFIX):
                obligation = _obligation_id(key[len(LIEN_PREFIX) :])
                if obligation is None or obligation not in collateral_ids:
                    raise ValidationError.single(
                        key,
                        QT_TRANSLATE_NOOP(
                            "errors", "Choose an obligation of this case with collateral"
                        ),
                    )
                if isinstance(text, str) and not text.strip():
                    liens.pop(obligation, None)
                else:
                    liens[obligation] = _amount(text, key)
            else:
                raise ValidationError.single(str(key), _UNKNOWN)
        except ValidationError as error:
            problems.extend(error.problems)
    if problems:
        raise ValidationError(problems)
    return Assumptions(**fields, collateral_liens=liens)


def _obligation_id(text: str) -> UUID | None:
    try:
        return UUID(text)
    except ValueError:
        return None


def _store(row: FinancialAssumptions, values: Assumptions) -> None:
    for name in ASSUMPTION_FIELDS:
        setattr(row, name, getattr(values, name))
    row.collateral_liens = {str(k): format(v, "f") for k, v in values.collateral_liens.items()}


def save_assumptions(uow: UnitOfWork, actor: Actor, cmd: AssumptionsSave) -> Assumptions:
    """Save the case's assumptions (the first save starts from the defaults); return them."""
    now, today = command_moment(uow, cmd)
    command_id = cmd.id or uuid4()
    with uow:
        session = uow.session
        case = workable_case(session, actor, cmd.case_id)
        finance = load_case_finance(session, case, today)
        current = finance.assumptions
        if session.get(AppliedCommand, command_id) is not None:
            return current  # a replay of a change already applied
        collateral_ids = {c.obligation_id for c in finance.collaterals}
        clean = check_assumptions(current, cmd.values, collateral_ids)
        row = session.scalars(
            select(FinancialAssumptions).where(FinancialAssumptions.case_id == case.id)
        ).first()
        theirs = assumptions_seen(current)
        if row is not None and (cmd.seen is None or dict(cmd.seen) != theirs):
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The assumptions of case {case} were changed by someone else meanwhile.",
                ),
                theirs=theirs,
                case=case.number,
            )
        before = theirs if row is not None else None
        if row is None:
            row = FinancialAssumptions(id=assumptions_id(case.id), case_id=case.id)
            session.add(row)
        _store(row, clean)
        session.add(AppliedCommand(id=command_id, kind=ASSUMPTIONS_SAVE, applied_at=now))
        flush_or_conflict(session, case)
        finish(uow, actor, case, now, "finance.assumptions_saved", before, assumptions_seen(clean))
        queue_if_offline(uow, cmd, command_id, now)
        uow.commit()
        return clean
