"""The negotiation strategy of a case ("estrategia de negociación"): a structured document saved
as numbered versions, and a log of dated decisions.

Every save is a new version, never an overwrite: a save says which version it was based on
(``StrategySave.based_on``), and one based on a version that is no longer the latest (someone
else saved meanwhile, here or through a sync) is refused as a conflict carrying the latest
version, so the user can compare both and decide. A save identical to the latest version is
refused too: a version is a change. Decisions are appended, never changed.

Like every edit (see services/scenarios.py): validated first, every problem at once and named
by its section; authorised on the case (the assigned executive or the team's supervisor; legal
and admins read); audited about the case; applied once by its command id; queued when done on
a local cache.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from vipdesk.core.access import can_work_case
from vipdesk.core.errors import QT_TRANSLATE_NOOP, Conflict, NotFound, Problem, ValidationError
from vipdesk.core.money import Money, format_money
from vipdesk.core.text import clean_text
from vipdesk.core.validation import check_date_in_range, collect
from vipdesk.services.agreement_dto import (
    DecisionInfo,
    NewDecision,
    SectionChange,
    StrategyInfo,
    StrategySave,
    StrategyVersionInfo,
)
from vipdesk.services.dto import Actor
from vipdesk.services.finance_data import legal_value, load_case_finance
from vipdesk.services.finance_periods import finish
from vipdesk.services.guard import visible_case, workable_case
from vipdesk.services.recording import command_moment, queue_if_offline
from vipdesk.storage.models import AppliedCommand, Case, StrategyDecision, StrategyVersion, User
from vipdesk.storage.uow import UnitOfWork

SAVE = "strategy.save"
DECISION = "strategy.decision"

SECTIONS: tuple[str, ...] = (
    "situation",
    "objective",
    "alternative",
    "debtor_position",
    "concessions",
    "walk_away",
    "talking_points",
    "risks",
)
SECTION_LABELS: dict[str, str] = {
    "situation": QT_TRANSLATE_NOOP("strategy", "Situation summary"),
    "objective": QT_TRANSLATE_NOOP("strategy", "Objective"),
    "alternative": QT_TRANSLATE_NOOP("strategy", "Our alternative (legal route)"),
    "debtor_position": QT_TRANSLATE_NOOP("strategy", "Debtor's likely position and constraints"),
    "concessions": QT_TRANSLATE_NOOP("strategy", "Concessions plan"),
    "walk_away": QT_TRANSLATE_NOOP("strategy", "Walk-away point"),
    "talking_points": QT_TRANSLATE_NOOP("strategy", "Talking points"),
    "risks": QT_TRANSLATE_NOOP("strategy", "Risks"),
}
MAX_SECTION = 20_000
MAX_NOTE = 2_000
MAX_DECISION = 4_000
EARLIEST_DECISION = date(1990, 1, 1)

NOTHING_WRITTEN = QT_TRANSLATE_NOOP("errors", "Write at least one section of the strategy")
NOTHING_CHANGED = QT_TRANSLATE_NOOP("errors", "Nothing changed since version {version}")
_STALE = QT_TRANSLATE_NOOP(
    "errors",
    "Someone else saved version {version} of the strategy of case {case} meanwhile.",
)
_NO_VERSION = QT_TRANSLATE_NOOP(
    "errors", "Version {version} of the strategy of case {case} does not exist."
)
_UNKNOWN_SECTION = QT_TRANSLATE_NOOP(
    "errors", "This section does not belong to the strategy: {section}"
)


# -- pure checks ---------------------------------------------------------------------------


def check_strategy(sections: Mapping[str, str], note: str) -> tuple[dict[str, str], str]:
    """The cleaned sections (every one of SECTIONS, "" when empty) and note, or one
    ValidationError naming every invalid section. Pure: the page calls it before saving."""
    clean: dict[str, str] = dict.fromkeys(SECTIONS, "")
    cleaned_note: list[str] = []

    def section_checks() -> None:
        if not isinstance(sections, Mapping):
            raise ValidationError.single("sections", NOTHING_WRITTEN)
        problems: list[Problem] = []
        for name, text in sections.items():
            if name not in clean:
                problems.append(Problem("sections", _UNKNOWN_SECTION, {"section": str(name)}))
                continue
            try:
                clean[name] = clean_text(
                    text, name, max_length=MAX_SECTION, required=False, multiline=True
                )
            except ValidationError as error:
                problems.extend(error.problems)
        if problems:
            raise ValidationError(problems)
        if not any(clean.values()):
            raise ValidationError.single("sections", NOTHING_WRITTEN)

    collect(
        section_checks,
        lambda: cleaned_note.append(
            clean_text(note, "note", max_length=MAX_NOTE, required=False, multiline=True)
        ),
    )
    return clean, cleaned_note[0]


def changes_between(before: Mapping[str, str], after: Mapping[str, str]) -> list[SectionChange]:
    """The sections whose text differs, in the document's order (a missing one reads "")."""
    return [
        SectionChange(name, before.get(name, "") or "", after.get(name, "") or "")
        for name in SECTIONS
        if (before.get(name, "") or "") != (after.get(name, "") or "")
    ]


def check_decision(decided_on: str, text: str, *, today: date) -> tuple[date, str]:
    """The decision's day (ISO, from 1990 to ``today``) and cleaned text, or one
    ValidationError naming every invalid field. Pure."""
    values: dict[str, Any] = {}

    def day_check() -> None:
        try:
            day = date.fromisoformat(decided_on.strip()) if isinstance(decided_on, str) else None
        except ValueError:
            day = None
        if day is None:
            raise ValidationError.single("decided_on", QT_TRANSLATE_NOOP("errors", "Enter a date"))
        values["day"] = check_date_in_range(
            day, "decided_on", earliest=EARLIEST_DECISION, latest=today
        )

    collect(
        day_check,
        lambda: values.__setitem__(
            "text", clean_text(text, "text", max_length=MAX_DECISION, multiline=True)
        ),
    )
    return values["day"], values["text"]


# -- reading -------------------------------------------------------------------------------


def _sections_of(row: StrategyVersion) -> dict[str, str]:
    stored = row.sections or {}
    return {name: str(stored.get(name) or "") for name in SECTIONS}


def _version_info(row: StrategyVersion, author: str) -> StrategyVersionInfo:
    return StrategyVersionInfo(row.version, _sections_of(row), author, row.saved_at, row.note)


def _versions(session: Session, case_id: UUID) -> list[tuple[StrategyVersion, str]]:
    query = (
        select(StrategyVersion, User.full_name)
        .join(User, User.id == StrategyVersion.user_id)
        .where(StrategyVersion.case_id == case_id)
        .order_by(StrategyVersion.version.desc())
    )
    return [(row, name) for row, name in session.execute(query)]


def _latest(session: Session, case_id: UUID) -> StrategyVersion | None:
    query = (
        select(StrategyVersion)
        .where(StrategyVersion.case_id == case_id)
        .order_by(StrategyVersion.version.desc())
        .limit(1)
    )
    return session.scalars(query).first()


def _decisions(session: Session, case_id: UUID) -> list[DecisionInfo]:
    query = (
        select(StrategyDecision, User.full_name)
        .join(User, User.id == StrategyDecision.user_id)
        .where(StrategyDecision.case_id == case_id)
        .order_by(StrategyDecision.decided_on.desc(), StrategyDecision.recorded_at.desc())
    )
    return [
        DecisionInfo(row.id, row.decided_on, row.text, name, row.recorded_at)
        for row, name in session.execute(query)
    ]


def _percent(fraction: Decimal) -> str:
    return str((fraction * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _alternative_hint(session: Session, case: Case, today: date) -> str:
    """The legal route as our alternative, in Spanish: the text pre-fills the document, whose
    language is the letters' (Spanish first), not the interface's."""
    finance = load_case_finance(session, case, today)
    try:
        value = legal_value(session, finance)
    except ValidationError:
        return ""  # assumptions that cannot be valued: nothing sensible to suggest
    if value is None:
        return ""
    amount = format_money(Money(value.expected_pv, finance.currency))
    months = value.months_to_recover
    return (
        f"Vía judicial: valor presente esperado {amount} "
        f"(recuperación {_percent(value.pv_recovery_pct)} %), "
        f"{months} {'mes' if months == 1 else 'meses'}, "
        f"probabilidad de ganar {_percent(value.completion.p)} %."
    )


def _can_work(actor: Actor, case: Case) -> bool:
    return can_work_case(
        actor.role,
        actor.id,
        actor.team_id,
        case_executive_id=case.executive_id,
        case_team_id=case.team_id,
    )


def strategy_of(uow: UnitOfWork, actor: Actor, case_id: UUID) -> StrategyInfo:
    """The case's strategy: its versions and decisions (newest first), the legal route's value
    to pre-fill "our alternative", and whether the user may change it."""
    with uow:
        session = uow.session
        case = visible_case(session, actor, case_id)
        versions = tuple(_version_info(row, author) for row, author in _versions(session, case.id))
        return StrategyInfo(
            case_id=case.id,
            current=versions[0] if versions else None,
            versions=versions,
            decisions=tuple(_decisions(session, case.id)),
            alternative_hint=_alternative_hint(session, case, uow.today()),
            can_edit=_can_work(actor, case),
        )


def _version_of(session: Session, case: Case, version: int) -> StrategyVersion:
    query = select(StrategyVersion).where(
        StrategyVersion.case_id == case.id, StrategyVersion.version == version
    )
    row = session.scalars(query).first()
    if row is None:
        raise NotFound(_NO_VERSION, version=version, case=case.number)
    return row


def compare_versions(
    uow: UnitOfWork, actor: Actor, case_id: UUID, older: int, newer: int
) -> list[SectionChange]:
    """What changed from version ``older`` to version ``newer``: only the sections that
    differ, in the document's order."""
    with uow:
        session = uow.session
        case = visible_case(session, actor, case_id)
        before = _sections_of(_version_of(session, case, older))
        after = _sections_of(_version_of(session, case, newer))
        return changes_between(before, after)


# -- changing ------------------------------------------------------------------------------


def strategy_seen(row: StrategyVersion, author: str) -> dict[str, str]:
    """A version as a conflict shows it: each section and the note, plus who saved it when."""
    return {
        **_sections_of(row),
        "note": row.note,
        "version": str(row.version),
        "author": author,
        "saved_at": row.saved_at.isoformat(),
    }


def _stale(session: Session, case: Case, latest: StrategyVersion) -> Conflict:
    author = session.get(User, latest.user_id)
    theirs = strategy_seen(latest, author.full_name if author else "")
    return Conflict(_STALE, theirs=theirs, version=latest.version, case=case.number)


def save_strategy(uow: UnitOfWork, actor: Actor, cmd: StrategySave) -> int:
    """Save the strategy as version ``cmd.based_on`` + 1; return the new version's number."""
    now, _today = command_moment(uow, cmd)
    command_id = cmd.id or uuid4()
    sections, note = check_strategy(cmd.sections, cmd.note)
    with uow:
        session = uow.session
        case = workable_case(session, actor, cmd.case_id)
        if session.get(AppliedCommand, command_id) is not None:
            done = session.get(StrategyVersion, command_id)  # a replay of a save applied
            return done.version if done is not None else cmd.based_on + 1
        latest = _latest(session, case.id)
        number = latest.version if latest is not None else 0
        if latest is None and cmd.based_on != 0:
            # Based on a version this case never had: made up, not stale.
            raise NotFound(_NO_VERSION, version=cmd.based_on, case=case.number)
        if latest is not None and cmd.based_on != number:
            raise _stale(session, case, latest)
        if latest is not None and not changes_between(_sections_of(latest), sections):
            raise ValidationError.single("sections", NOTHING_CHANGED, version=number)
        row = StrategyVersion(id=command_id, case_id=case.id, version=number + 1,
                              sections=sections, user_id=actor.id, saved_at=now,
                              note=note)  # fmt: skip
        session.add(row)
        session.add(AppliedCommand(id=command_id, kind=SAVE, applied_at=now))
        try:
            session.flush()
        except IntegrityError as error:
            # Another save took the same number between our read and our write.
            raise Conflict(_STALE, version=number + 1, case=case.number) from error
        before = {"version": number} if latest is not None else None
        changed = [c.section for c in changes_between(
            _sections_of(latest) if latest is not None else {}, sections)]  # fmt: skip
        # The text itself is kept, unchangeable, in the version: the event says what changed.
        after = {"version_id": str(row.id), "version": row.version, "sections": changed,
                 "note": note}  # fmt: skip
        finish(uow, actor, case, now, "strategy.saved", before, after)
        queue_if_offline(uow, cmd, command_id, now)
        uow.commit()
        return row.version


def add_decision(uow: UnitOfWork, actor: Actor, cmd: NewDecision) -> UUID:
    """Append a dated entry to the strategy's decision log; return its id."""
    now, today = command_moment(uow, cmd)
    command_id = cmd.id or uuid4()
    day, text = check_decision(cmd.decided_on, cmd.text, today=today)
    with uow:
        session = uow.session
        case = workable_case(session, actor, cmd.case_id)
        if session.get(AppliedCommand, command_id) is not None:
            return cmd.decision_id
        existing = session.get(StrategyDecision, cmd.decision_id)
        if existing is not None:
            if existing.case_id != case.id:
                raise NotFound(
                    QT_TRANSLATE_NOOP("errors", "Case not found: {case}"), case=str(cmd.case_id)
                )
            return existing.id  # the same entry sent again: it is already in the log
        row = StrategyDecision(id=cmd.decision_id, case_id=case.id, decided_on=day, text=text,
                               user_id=actor.id, recorded_at=now)  # fmt: skip
        session.add(row)
        session.add(AppliedCommand(id=command_id, kind=DECISION, applied_at=now))
        session.flush()
        after = {"decision_id": str(row.id), "decided_on": day, "text": text}
        finish(uow, actor, case, now, "strategy.decision_added", None, after)
        queue_if_offline(uow, cmd, command_id, now)
        uow.commit()
        return row.id
