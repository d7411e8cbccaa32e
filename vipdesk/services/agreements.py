"""Payment agreements ("convenios de pago"): made from a settlement scenario of the case, their
terms adjusted and their signatories listed while they are drafts, and a new version made when
what was approved must change.

An agreement is a series of versions (models.Agreement, one row each) that share a number
("CV-<case number>-<n>"). A version is edited only as a draft or when changes were requested;
once submitted it is frozen (core.agreements). Its approval: services/approvals.py.

Like every edit (see services/scenarios.py): validated first, every problem at once and named
by its field; authorised on the case (its executive or the team's supervisor); audited; applied
once by its id; queued when done on a local cache; an edit based on values someone else changed
meanwhile is refused as a conflict.
"""

from __future__ import annotations

from collections.abc import Mapping
from uuid import UUID, uuid4

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from vipdesk.core.agreements import EDITABLE, REVISABLE, AgreementStatus, is_editable
from vipdesk.core.errors import QT_TRANSLATE_NOOP, Conflict, NotAllowed, NotFound, ValidationError
from vipdesk.core.text import clean_text
from vipdesk.services.agreement_dto import (
    AgreementCreate,
    AgreementInfo,
    AgreementRevision,
    AgreementSave,
    AgreementSummary,
)
from vipdesk.services.agreement_records import (
    SAVED,
    agreement_of,
    breakdown_from_stored,
    breakdown_to_stored,
    case_debt,
    clean_signatories,
    default_signatories,
    jurisdiction_for,
    stored_signatories,
    with_discount,
)
from vipdesk.services.agreement_terms import clean_agreement_terms, terms_from_scenario
from vipdesk.services.agreement_view import agreement_info, snapshot
from vipdesk.services.agreement_view import agreement_seen as agreement_seen  # the GUI's
from vipdesk.services.dto import Actor
from vipdesk.services.finance_periods import finish
from vipdesk.services.guard import visible_case, workable_case
from vipdesk.services.recording import command_moment, queue_if_offline
from vipdesk.services.scenarios import NOT_VALUABLE, NOTHING_OWED
from vipdesk.storage.models import Agreement, AppliedCommand, Case, SettlementScenario, User
from vipdesk.storage.uow import UnitOfWork

CREATE = "agreement.create"
SAVE = "agreement.save"
REVISE = "agreement.revise"
MAX_NOTES = 4000
_OPEN = frozenset({*EDITABLE, AgreementStatus.PENDING})


def flush_agreement(session: Session, case: Case) -> None:
    """Flush; a version changed or added meanwhile by a concurrent writer (the row version
    moved, the same version number taken) is a conflict to settle, not a crash."""
    try:
        session.flush()
    except (StaleDataError, IntegrityError) as error:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "errors", "An agreement of case {case} was changed by someone else meanwhile."
            ),
            case=case.number,
        ) from error


def agreements_of(uow: UnitOfWork, actor: Actor, case_id: UUID) -> list[AgreementSummary]:
    """Every version of the case's agreements, the newest first."""
    with uow:
        case = visible_case(uow.session, actor, case_id)
        query = (
            select(Agreement, User.full_name)
            .join(User, User.id == Agreement.author_id)
            .where(Agreement.case_id == case.id)
            .order_by(Agreement.created_at.desc(), Agreement.version.desc())
        )
        found = []
        for row, author in uow.session.execute(query):
            breakdown = breakdown_from_stored(row.breakdown or {})
            found.append(
                AgreementSummary(
                    row.id, row.series_id, row.version, row.number, row.status, row.currency,
                    breakdown.to_pay, breakdown.discount_pct, author, row.updated_at,
                )
            )  # fmt: skip
        return found


def agreement(uow: UnitOfWork, actor: Actor, case_id: UUID, agreement_id: UUID) -> AgreementInfo:
    """One version with its schedule, breakdown, required approver and trail."""
    with uow:
        session = uow.session
        case = visible_case(session, actor, case_id)
        return agreement_info(session, actor, case, agreement_of(session, case, agreement_id))


def preview_terms(
    uow: UnitOfWork, actor: Actor, case_id: UUID, agreement_id: UUID, terms: Mapping[str, str]
) -> AgreementInfo:
    """The version as it would be with ``terms`` as typed (the form's live preview): nothing
    is saved. ValidationError naming every invalid term."""
    with uow:
        session = uow.session
        case = visible_case(session, actor, case_id)
        row = agreement_of(session, case, agreement_id)
        total = breakdown_from_stored(row.breakdown or {}).total
        typed = clean_agreement_terms(terms, uow.today(), total)
        return agreement_info(session, actor, case, row, typed=typed)


def _refuse_if_pending(session: Session, case: Case) -> None:
    query = select(Agreement.number).where(
        Agreement.case_id == case.id, Agreement.status == AgreementStatus.PENDING.value
    )
    number = session.scalars(query).first()
    if number is not None:
        raise NotAllowed(
            QT_TRANSLATE_NOOP(
                "errors", "Agreement {number} is waiting for approval: it must be decided first."
            ),
            number=number,
        )


def create_agreement(uow: UnitOfWork, actor: Actor, cmd: AgreementCreate) -> UUID:
    """A draft agreement (version 1 of a new series) from the case's scenario: its terms, the
    case's debt by component, the debtor and the related parties as signatories."""
    now, today = command_moment(uow, cmd)
    command_id = cmd.id or uuid4()
    with uow:
        session = uow.session
        case = workable_case(session, actor, cmd.case_id)
        if session.get(AppliedCommand, command_id) is not None:
            return cmd.agreement_id
        existing = session.get(Agreement, cmd.agreement_id)
        if existing is not None:
            agreement_of(session, case, existing.id)  # another case's: NotFound
            return existing.id
        scenario = session.get(SettlementScenario, cmd.scenario_id)
        if scenario is None or scenario.case_id != case.id:
            raise NotFound(
                QT_TRANSLATE_NOOP("errors", "This scenario of case {case} no longer exists."),
                case=case.number,
            )
        currency, debt, credit_number = case_debt(session, case)
        if debt.total <= 0:
            raise ValidationError.single("scenario_id", NOTHING_OWED)
        _refuse_if_pending(session, case)
        try:
            terms, note = terms_from_scenario(scenario.kind, scenario.terms, debt.total, today)
            terms["credit_number"] = credit_number
            terms["jurisdiction"] = jurisdiction_for(case.debtor.country, currency)
            clean, plan = clean_agreement_terms(terms, today, debt.total)
        except ValidationError:
            raise ValidationError.single("scenario_id", NOT_VALUABLE) from None
        series = select(func.count(func.distinct(Agreement.series_id))).where(
            Agreement.case_id == case.id
        )
        row = Agreement(
            id=cmd.agreement_id,
            case_id=case.id,
            # The first version's id: the same on a cache and on the central database.
            series_id=cmd.agreement_id,
            version=1,
            number=f"CV-{case.number}-{(session.scalar(series) or 0) + 1}",
            status=AgreementStatus.DRAFT.value,
            currency=currency,
            scenario_id=scenario.id,
            scenario_name=scenario.name,
            terms=clean,
            breakdown=breakdown_to_stored(with_discount(debt, plan.discount)),
            signatories=stored_signatories(default_signatories(case.debtor)),
            required_level=None,
            author_id=actor.id,
            notes=note[:MAX_NOTES],
        )
        session.add(row)
        session.add(AppliedCommand(id=command_id, kind=CREATE, applied_at=now))
        flush_agreement(session, case)
        finish(uow, actor, case, now, "agreement.created", None, snapshot(row))
        queue_if_offline(uow, cmd, command_id, now)
        uow.commit()
        return row.id


def _same(a: Mapping[str, str], b: Mapping[str, str]) -> bool:
    """Equal once "not entered" is read the same whether it is "" or left out."""
    return {k: v for k, v in a.items() if v != ""} == {k: v for k, v in b.items() if v != ""}


def _frozen(row: Agreement) -> NotAllowed:
    return NotAllowed(
        QT_TRANSLATE_NOOP(
            "errors",
            "Version {version} of agreement {number} is {status}: it can no longer be changed.",
        ),
        version=row.version,
        number=row.number,
        status=row.status,
    )


def save_agreement(uow: UnitOfWork, actor: Actor, cmd: AgreementSave) -> None:
    """Change a draft (or a version sent back for changes): its terms, signatories and notes."""
    now, today = command_moment(uow, cmd)
    command_id = cmd.id or uuid4()
    problems = []
    notes = ""
    try:
        notes = clean_text(cmd.notes, "notes", max_length=MAX_NOTES, required=False, multiline=True)
    except ValidationError as error:
        problems += error.problems
    try:
        signatories = clean_signatories(cmd.signatories)
    except ValidationError as error:
        problems += error.problems
    with uow:
        session = uow.session
        case = workable_case(session, actor, cmd.case_id)
        if session.get(AppliedCommand, command_id) is not None:
            return
        row = agreement_of(session, case, cmd.agreement_id, lock=True)
        if not is_editable(row.status):
            raise _frozen(row)
        total = breakdown_from_stored(row.breakdown or {}).total
        try:
            terms, plan = clean_agreement_terms(cmd.terms, today, total)
        except ValidationError as error:
            problems += error.problems
        if problems:
            raise ValidationError(problems)
        theirs = agreement_seen(agreement_info(session, actor, case, row))
        if cmd.seen is None or not _same(theirs, cmd.seen):
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Agreement {number} of case {case} was changed by someone else meanwhile.",
                ),
                theirs=theirs,
                number=row.number,
                case=case.number,
            )
        before = snapshot(row)
        row.terms = terms
        row.breakdown = breakdown_to_stored(
            breakdown_from_stored(row.breakdown or {}, plan.discount)
        )
        row.signatories = stored_signatories(signatories)
        row.notes = notes
        session.add(AppliedCommand(id=command_id, kind=SAVE, applied_at=now))
        flush_agreement(session, case)
        finish(uow, actor, case, now, SAVED, before, snapshot(row))
        queue_if_offline(uow, cmd, command_id, now)
        uow.commit()


def revise_agreement(uow: UnitOfWork, actor: Actor, cmd: AgreementRevision) -> UUID:
    """A new draft version ``cmd.new_id`` of an approved, active or rejected version, with the
    same terms, signatories and notes; it needs approval again."""
    now, _today = command_moment(uow, cmd)
    command_id = cmd.id or uuid4()
    with uow:
        session = uow.session
        case = workable_case(session, actor, cmd.case_id)
        if session.get(AppliedCommand, command_id) is not None:
            return cmd.new_id
        row = agreement_of(session, case, cmd.agreement_id, lock=True)
        if AgreementStatus(row.status) not in REVISABLE:
            raise NotAllowed(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Version {version} of agreement {number} is {status}: only an approved, "
                    "active or rejected version can be revised.",
                ),
                version=row.version,
                number=row.number,
                status=row.status,
            )
        versions = session.execute(
            select(Agreement.version, Agreement.status).where(Agreement.series_id == row.series_id)
        ).all()
        still_open = sorted(v for v, status in versions if status in _OPEN)
        if still_open:
            raise NotAllowed(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Version {version} of agreement {number} is still open: finish it first.",
                ),
                version=still_open[0],
                number=row.number,
            )
        new = Agreement(
            id=cmd.new_id,
            case_id=case.id,
            series_id=row.series_id,
            version=max(v for v, _status in versions) + 1,
            number=row.number,
            status=AgreementStatus.DRAFT.value,
            currency=row.currency,
            scenario_id=row.scenario_id,
            scenario_name=row.scenario_name,
            terms=dict(row.terms or {}),
            breakdown=dict(row.breakdown or {}),
            signatories=list(row.signatories or []),
            required_level=None,
            author_id=actor.id,
            notes=row.notes,
        )
        session.add(new)
        session.add(AppliedCommand(id=command_id, kind=REVISE, applied_at=now))
        flush_agreement(session, case)
        finish(uow, actor, case, now, "agreement.revised", snapshot(row), snapshot(new))
        queue_if_offline(uow, cmd, command_id, now)
        uow.commit()
        return new.id
