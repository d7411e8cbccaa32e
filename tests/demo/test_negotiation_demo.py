"""The demo's negotiations: strategies with versions and decision logs, and agreements in every
state with an approval trail that the policy and the four-eyes rule would have allowed; all
read by the services like the users' own. VIP-000012 and VIP-000157 are left untouched."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from vipdesk.core.agreements import AgreementAction, AgreementStatus
from vipdesk.core.approval import ApproverLevel
from vipdesk.demo import generate
from vipdesk.demo.agreements import UNTOUCHED
from vipdesk.services import agreements, auth
from vipdesk.storage import schema
from vipdesk.storage.database import create_database_engine
from vipdesk.storage.models import (
    Agreement,
    ApprovalEvent,
    Case,
    StrategyDecision,
    StrategyVersion,
    User,
)
from vipdesk.storage.uow import Database

CASES = 200


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    engine = create_database_engine(f"sqlite:///{tmp_path_factory.mktemp('neg') / 'demo.db'}")
    schema.upgrade(engine)
    generate(engine, cases=CASES, seed=2026)
    yield Database(engine)
    engine.dispose()


def test_every_agreement_state_is_in_the_demo(demo: Database) -> None:
    with demo.unit_of_work() as uow:
        states = Counter(uow.session.scalars(select(Agreement.status)))
    assert set(states) == {s.value for s in AgreementStatus}


def test_the_services_read_every_demo_agreement_with_a_schedule_that_pays_it(
    demo: Database,
) -> None:
    admin = auth.sign_in(demo.unit_of_work(), "admin1")
    with demo.unit_of_work() as uow:
        rows = uow.session.execute(select(Agreement.id, Agreement.case_id)).all()
    for agreement_id, case_id in rows:
        info = agreements.agreement(demo.unit_of_work(), admin, case_id, agreement_id)
        assert info.signatories and info.signatories[0].role == "debtor"
        assert sum(r.principal for r in info.schedule) == info.breakdown.to_pay
        assert info.breakdown.total == (
            info.breakdown.principal + info.breakdown.interest
            + info.breakdown.default_interest + info.breakdown.fees
        )  # fmt: skip


def test_every_demo_decision_respects_four_eyes_and_the_required_level(demo: Database) -> None:
    with demo.unit_of_work() as uow:
        session = uow.session
        levels = {u.id: u.approval_level or u.role for u in session.scalars(select(User))}
        authors = dict(session.execute(select(Agreement.id, Agreement.author_id)).all())
        decisions = session.scalars(
            select(ApprovalEvent).where(
                ApprovalEvent.action.in_(
                    [AgreementAction.APPROVE, AgreementAction.REJECT,
                     AgreementAction.REQUEST_CHANGES]
                )
            )
        ).all()  # fmt: skip
        assert decisions
        for event in decisions:
            assert event.user_id != authors[event.agreement_id]
            assert ApproverLevel(levels[event.user_id]) >= ApproverLevel(event.required_level)


def test_strategies_have_numbered_versions_and_untouched_cases_have_no_negotiation(
    demo: Database,
) -> None:
    with demo.unit_of_work() as uow:
        session = uow.session
        versions: dict[object, list[int]] = defaultdict(list)
        for case_id, version in session.execute(
            select(StrategyVersion.case_id, StrategyVersion.version)
        ):
            versions[case_id].append(version)
        assert versions
        assert all(sorted(v) == list(range(1, len(v) + 1)) for v in versions.values())
        assert session.scalar(select(StrategyDecision.id).limit(1)) is not None
        untouched = list(session.scalars(select(Case.id).where(Case.number.in_(UNTOUCHED))))
        assert len(untouched) == 2
        for table in (StrategyVersion, Agreement):
            found = session.scalar(select(table.id).where(table.case_id.in_(untouched)).limit(1))
            assert found is None
