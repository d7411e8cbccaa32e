"""Create (or replace) the demo portfolio: teams, users and any number of realistic cases.

Everything happens in one transaction: the old portfolio is deleted, the new one is inserted
with Core bulk inserts in batches of a few thousand cases (memory stays bounded and no ORM object
is built per row), and one audit event records the generation. Output depends only on
``(seed, as_of, cases)``: one ``random.Random`` drives every choice and every id.
"""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Generic, TypeVar

from sqlalchemy import Connection, Engine, Table, insert
from sqlalchemy.orm import Session

from vipdesk.core.approval import ApproverLevel
from vipdesk.core.catalog import CaseStatus, Country, Segment
from vipdesk.demo.agreements import UNTOUCHED, AgreementBuilder, AgreementRows, Staff
from vipdesk.demo.cases import CaseBuilder, CaseContext, CaseRows
from vipdesk.demo.finance import FinanceBuilder, FinanceRows
from vipdesk.demo.people import PeopleFactory
from vipdesk.demo.recipes import load_recipes
from vipdesk.demo.rows import DemoRandom, Row, midnight_utc, new_uuid, stamp
from vipdesk.demo.strategy import StrategyBuilder, StrategyRows
from vipdesk.demo.users import DEMO_USERS, TEAM_GUATEMALA, TEAM_MEXICO
from vipdesk.storage import audit_log
from vipdesk.storage.models import (
    Agreement,
    ApprovalEvent,
    Base,
    Case,
    Debtor,
    DebtorContact,
    FinancialAssumptions,
    FinancialPeriod,
    Interaction,
    Obligation,
    Payment,
    PaymentApplication,
    Promise,
    RelatedParty,
    SettlementScenario,
    StrategyDecision,
    StrategyVersion,
    Team,
    User,
)

T = TypeVar("T")
LATER_USERS = frozenset({"gerente1"})

BATCH_CASES = 2_000
# Parents before children, so foreign keys hold at every statement.
INSERT_ORDER: tuple[str, ...] = tuple(
    model.__tablename__
    for model in (
        Debtor,
        DebtorContact,
        RelatedParty,
        Case,
        Obligation,
        Interaction,
        Promise,
        Payment,
        PaymentApplication,
        FinancialPeriod,
        FinancialAssumptions,
        SettlementScenario,
        StrategyVersion,
        StrategyDecision,
        Agreement,
        ApprovalEvent,
    )
)
# 60 % of debtors are Guatemalan; 55 % of all debtors are companies.
COUNTRY_CARDS = ("GT", "GT", "GT", "MX", "MX")
COMPANY_SHARE = 0.55
# Two half-decks of 50 statuses (6 % legal, 5 % closed overall), dealt per team: each block of
# 50 cases of a team holds 3 legal ones, so even a small demo gives the legal user work to see.
STATUS_HALVES: tuple[tuple[CaseStatus, ...], ...] = tuple(
    (CaseStatus.LEGAL,) * 3
    + (CaseStatus.CLOSED,) * closed
    + (CaseStatus.OPEN,) * (25 - closed)
    + (CaseStatus.NEGOTIATING,) * 14
    + (CaseStatus.AGREEMENT,) * 8
    for closed in (3, 2)
)
LOCAL_CURRENCY = {"GT": ("GTQ", 0.75), "MX": ("MXN", 0.80)}  # otherwise USD


@dataclass(frozen=True)
class DemoStats:
    cases: int
    debtors: int
    obligations: int
    interactions: int
    promises: int
    payments: int
    seconds: float
    periods: int = 0  # of financial statements
    scenarios: int = 0  # settlement scenarios
    strategies: int = 0  # saved strategy versions
    agreements: int = 0  # agreement versions


class _Deck(Generic[T]):
    """Draws without replacement from shuffled copies of its halves, refilling when empty:
    exact proportions over every half-deck instead of merely on average."""

    def __init__(self, rng: random.Random, halves: Sequence[Sequence[T]]) -> None:
        self._rng = rng
        self._halves = halves
        self._cards: list[T] = []

    def draw(self) -> T:
        if not self._cards:
            for half in self._halves:
                cards = list(half)
                self._rng.shuffle(cards)
                self._cards.extend(cards)
            self._cards.reverse()  # pop() from the end keeps each half's shuffled order
        return self._cards.pop()


def _today() -> date:
    return datetime.now(UTC).astimezone().date()  # the user's local calendar day


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _clear(connection: Connection) -> None:
    """Empty every table the models know (the audit chain included), children first."""
    tables = list(reversed(Base.metadata.sorted_tables))
    if connection.dialect.name == "postgresql":
        # One transactional TRUNCATE: a DELETE would check every deleted parent row against
        # its child tables, and some foreign-key columns (promise.interaction_id, ...) have no
        # index, which turns replacing a large portfolio into minutes of scans.
        preparer = connection.dialect.identifier_preparer
        names = ", ".join(preparer.format_table(table) for table in tables)
        connection.exec_driver_sql(f"TRUNCATE TABLE {names}")
    else:
        for table in tables:
            connection.execute(table.delete())


def _insert_staff(
    connection: Connection, rng: random.Random, as_of: date
) -> tuple[dict[str, uuid.UUID], dict[str, uuid.UUID]]:
    created = midnight_utc(as_of - timedelta(days=730)) + timedelta(hours=15)
    teams: dict[str, uuid.UUID] = {}
    team_rows: list[Row] = []
    for name in (TEAM_GUATEMALA, TEAM_MEXICO):
        row = stamp(new_uuid(rng), created)
        row["name"] = name
        teams[name] = row["id"]
        team_rows.append(row)
    users: dict[str, uuid.UUID] = {}
    user_rows: list[Row] = []
    for user in DEMO_USERS:
        # Accounts added after the first portfolio take no draw from ``rng``: every case of a
        # given seed stays the same as before they existed (tests and notes name demo cases).
        own_id = uuid.uuid5(uuid.NAMESPACE_URL, f"vipdesk-demo-user:{user.username}")
        row = stamp(own_id if user.username in LATER_USERS else new_uuid(rng), created)
        row.update(
            username=user.username,
            full_name=user.full_name,
            role=user.role.value,
            team_id=teams[user.team] if user.team else None,
            email=user.email,
            phone=user.phone,
            active=True,
            approval_level=user.approval_level,
        )
        users[user.username] = row["id"]
        user_rows.append(row)
    connection.execute(insert(_table(Team.__tablename__)), team_rows)
    connection.execute(insert(_table(User.__tablename__)), user_rows)
    return teams, users


@dataclass(frozen=True)
class _Negotiation:
    """What builds the negotiation of the cases that have something to negotiate."""

    strategy: StrategyBuilder
    agreements: AgreementBuilder
    staff: dict[str, Staff]  # by team name

    def build(
        self, built: CaseRows, analysis: FinanceRows, team: str
    ) -> tuple[StrategyRows, AgreementRows]:
        case = built.case
        if not analysis.scenarios or case["number"] in UNTOUCHED:
            return StrategyRows(), AgreementRows()
        staff = self.staff[team]
        created = min(s["created_at"] for s in analysis.scenarios)
        strategy = self.strategy.build(case["id"], built.debtor.row["name"], case["exposure"],
                                       case["currency"], staff.executive, created)  # fmt: skip
        debtor = built.debtor
        agreements = self.agreements.build(case, debtor.row, debtor.related, built.obligations,
                                           analysis.scenarios, staff)  # fmt: skip
        return strategy, agreements


def _collect_negotiation(
    batch: dict[str, list[Row]], strategy: StrategyRows, agreements: AgreementRows
) -> None:
    batch[StrategyVersion.__tablename__].extend(strategy.versions)
    batch[StrategyDecision.__tablename__].extend(strategy.decisions)
    batch[Agreement.__tablename__].extend(agreements.agreements)
    batch[ApprovalEvent.__tablename__].extend(agreements.events)


def _collect(batch: dict[str, list[Row]], built: CaseRows, finance: FinanceRows) -> None:
    batch[Debtor.__tablename__].append(built.debtor.row)
    batch[DebtorContact.__tablename__].extend(built.debtor.contacts)
    batch[RelatedParty.__tablename__].extend(built.debtor.related)
    batch[Case.__tablename__].append(built.case)
    batch[Obligation.__tablename__].extend(built.obligations)
    batch[Interaction.__tablename__].extend(built.interactions)
    batch[Promise.__tablename__].extend(built.promises)
    batch[Payment.__tablename__].extend(built.payments)
    batch[PaymentApplication.__tablename__].extend(built.applications)
    batch[FinancialPeriod.__tablename__].extend(finance.periods)
    batch[FinancialAssumptions.__tablename__].extend(finance.assumptions)
    batch[SettlementScenario.__tablename__].extend(finance.scenarios)


def _record_audit(connection: Connection, cases: int, seed: int) -> None:
    session = Session(bind=connection)
    try:
        audit_log.record(
            session,
            when=datetime.now(UTC),
            user_id=None,
            username="system",
            action="demo.generate",
            entity="portfolio",
            entity_id="demo",
            after={"cases": cases, "seed": seed},
        )
        session.flush()
    finally:
        session.close()  # the outer transaction (the caller's) is left to commit


def _enlarge_sqlite_cache(connection: Connection, cases: int) -> int | None:
    """Give SQLite a page cache sized to the run (up to 256 MiB) and return the old setting.

    Random UUID keys land all over every index; with the default 2 MiB cache, dirty index
    pages are spilled to the WAL and rewritten again and again inside the one big transaction.
    """
    if connection.dialect.name != "sqlite":
        return None
    previous = int(connection.exec_driver_sql("PRAGMA cache_size").scalar_one())
    kibibytes = min(256 * 1024, max(2 * 1024, cases * 3))
    connection.exec_driver_sql(f"PRAGMA cache_size = -{kibibytes}")
    return previous


def _fill(
    connection: Connection,
    rng: random.Random,
    builder: CaseBuilder,
    finance: FinanceBuilder,
    talks: tuple[StrategyBuilder, AgreementBuilder],
    as_of: date,
    cases: int,
    progress: Callable[[int, int], None] | None,
) -> dict[str, int]:
    """Delete everything, then insert staff and cases batch by batch; returns row counts."""
    _clear(connection)
    teams, users = _insert_staff(connection, rng, as_of)
    countries = _Deck(rng, [COUNTRY_CARDS])
    gt_executives = _Deck(rng, [(users["ejecutivo1"], users["ejecutivo2"])])
    statuses = {team: _Deck(rng, STATUS_HALVES) for team in (TEAM_GUATEMALA, TEAM_MEXICO)}
    negotiation = _Negotiation(
        *talks,
        {
            TEAM_GUATEMALA: Staff(users["ejecutivo1"], {
                ApproverLevel.SUPERVISOR: users["supervisor1"],
                ApproverLevel.MANAGER: users["gerente1"]}),
            TEAM_MEXICO: Staff(users["ejecutivo3"], {
                ApproverLevel.SUPERVISOR: users["supervisor2"]}),
        },
    )  # fmt: skip
    totals = dict.fromkeys(INSERT_ORDER, 0)
    for start in range(0, cases, BATCH_CASES):
        batch: dict[str, list[Row]] = {name: [] for name in INSERT_ORDER}
        for index in range(start, min(start + BATCH_CASES, cases)):
            country = countries.draw()
            if country == Country.GUATEMALA.value:
                team, executive = TEAM_GUATEMALA, gt_executives.draw()
            else:
                team, executive = TEAM_MEXICO, users["ejecutivo3"]
            local, share = LOCAL_CURRENCY[country]
            context = CaseContext(
                number=f"VIP-{index + 1:06d}",
                country=country,
                currency=local if rng.random() < share else "USD",
                segment=Segment.COMPANY if rng.random() < COMPANY_SHARE else Segment.INDIVIDUAL,
                status=statuses[team].draw(),
                executive_id=executive,
                team_id=teams[team],
            )
            built = builder.build(context)
            analysis = finance.build(index, context.segment, built.case, built.obligations,
                                     executive)  # fmt: skip
            _collect(batch, built, analysis)
            negotiation.staff[team] = replace(negotiation.staff[team], executive=executive)
            _collect_negotiation(batch, *negotiation.build(built, analysis, team))
        for name, rows in batch.items():
            if rows:
                connection.execute(insert(_table(name)), rows)
                totals[name] += len(rows)
        if progress is not None:
            progress(min(start + BATCH_CASES, cases), cases)
    return totals


def generate(
    engine: Engine,
    *,
    cases: int = 200,
    seed: int = 2026,
    as_of: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> DemoStats:
    """Replace whatever the database holds with a demo portfolio of ``cases`` cases.

    Every date is relative to ``as_of`` (default: today), so the portfolio always looks
    current: overdue follow-ups, promises falling due this week, recent payments.
    """
    if isinstance(cases, bool) or not isinstance(cases, int) or cases < 0:
        raise ValueError(f"cases must be a non-negative int, got {cases!r}")
    started = time.perf_counter()
    as_of = as_of or _today()
    rng = DemoRandom(seed)
    recipes = load_recipes()
    builder = CaseBuilder(PeopleFactory(rng, recipes, as_of), recipes, as_of)

    with engine.connect() as connection:
        previous_cache: int | None = None
        try:
            with connection.begin():
                previous_cache = _enlarge_sqlite_cache(connection, cases)
                finance = FinanceBuilder(seed, as_of)
                talks = (StrategyBuilder(seed, as_of), AgreementBuilder(seed, as_of))
                totals = _fill(connection, rng, builder, finance, talks, as_of, cases, progress)
                _record_audit(connection, cases, seed)
        finally:
            if previous_cache is not None:
                connection.exec_driver_sql(f"PRAGMA cache_size = {previous_cache}")
                connection.rollback()  # ends the transaction the PRAGMA began; nothing in it

    return DemoStats(
        cases=totals[Case.__tablename__],
        debtors=totals[Debtor.__tablename__],
        obligations=totals[Obligation.__tablename__],
        interactions=totals[Interaction.__tablename__],
        promises=totals[Promise.__tablename__],
        payments=totals[Payment.__tablename__],
        seconds=time.perf_counter() - started,
        periods=totals[FinancialPeriod.__tablename__],
        scenarios=totals[SettlementScenario.__tablename__],
        strategies=totals[StrategyVersion.__tablename__],
        agreements=totals[Agreement.__tablename__],
    )
