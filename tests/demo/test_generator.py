"""The demo portfolio generator: contents, consistency with core rules, determinism, speed."""

from __future__ import annotations

import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from vipdesk.core.case_summary import (
    ContactFigures,
    ObligationFigures,
    PromiseFigures,
    case_search_text,
    summarize,
)
from vipdesk.core.catalog import CaseStatus, Country, PromiseStatus, Role, Segment
from vipdesk.core.identifiers import (
    dpi_check_digit,
    normalize_curp,
    normalize_dpi,
    normalize_nit,
    normalize_rfc,
    validate_id_document,
    validate_tax_id,
)
from vipdesk.core.promises import PaymentIn, PromiseIn, apply_payments
from vipdesk.core.text import normalize_for_search
from vipdesk.demo import DEMO_USERS, DemoStats, generate
from vipdesk.demo.people import curp_check_digit, rfc_check_character
from vipdesk.storage import schema
from vipdesk.storage.audit_log import verify_chain
from vipdesk.storage.database import create_database_engine
from vipdesk.storage.models import (
    AuditChainHead,
    AuditEvent,
    Case,
    Debtor,
    Interaction,
    Obligation,
    Payment,
    PaymentApplication,
    Promise,
    RelatedParty,
    Team,
    User,
)

AS_OF = date(2026, 3, 16)
DATA_TABLES = (
    "team", "app_user", "debtor", "debtor_contact", "related_party", "case_file", "obligation",
    "interaction", "promise", "payment", "payment_application", "financial_period",
    "financial_assumptions", "settlement_scenario",
)  # fmt: skip


def _engine(path: Path) -> Engine:
    engine = create_database_engine("sqlite:///" + str(path))
    schema.upgrade(engine)
    return engine


@pytest.fixture
def fresh_engine(tmp_path: Path) -> Iterator[Engine]:
    engine = _engine(tmp_path / "fresh.db")
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Engine, DemoStats]]:
    """The default 200-case portfolio, generated once for the read-only tests."""
    engine = _engine(tmp_path_factory.mktemp("demo") / "demo.db")
    stats = generate(engine, as_of=AS_OF)
    yield engine, stats
    engine.dispose()


@pytest.fixture
def session(portfolio: tuple[Engine, DemoStats]) -> Iterator[Session]:
    with Session(portfolio[0]) as session:
        yield session


def _count(session: Session, model: type[Any]) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def _dump(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    with engine.connect() as connection:
        return {
            table: sorted(tuple(row) for row in connection.execute(text(f"SELECT * FROM {table}")))
            for table in DATA_TABLES
        }


# --- what the default portfolio holds -----------------------------------------------------


def test_default_portfolio_counts(session: Session, portfolio: tuple[Engine, DemoStats]) -> None:
    stats = portfolio[1]
    assert stats.cases == stats.debtors == 200
    assert _count(session, Case) == _count(session, Debtor) == 200
    assert _count(session, Obligation) == stats.obligations
    assert _count(session, Interaction) == stats.interactions
    assert _count(session, Promise) == stats.promises
    assert _count(session, Payment) == stats.payments
    assert 200 < stats.obligations < 600
    assert 4 * 200 < stats.interactions < 8 * 200
    assert stats.promises > 50 and stats.payments > 50
    numbers = sorted(session.scalars(select(Case.number)))
    assert numbers == [f"VIP-{i:06d}" for i in range(1, 201)]


def test_every_demo_user_exists_in_its_team(session: Session) -> None:
    users = {u.username: u for u in session.scalars(select(User))}
    assert set(users) == {u.username for u in DEMO_USERS}
    teams = {t.id: t.name for t in session.scalars(select(Team))}
    assert sorted(teams.values()) == ["Cartera VIP Guatemala", "Cartera VIP México"]
    for demo in DEMO_USERS:
        user = users[demo.username]
        assert (user.full_name, Role(user.role), user.active) == (demo.full_name, demo.role, True)
        assert (teams[user.team_id] if user.team_id else None) == demo.team
    assert users["juridico1"].role == "legal" and users["admin1"].role == "admin"


def test_cases_follow_team_rules(session: Session) -> None:
    users = {u.id: u.username for u in session.scalars(select(User))}
    teams = {t.id: t.name for t in session.scalars(select(Team))}
    per_executive: Counter[str] = Counter()
    statuses: dict[str, Counter[str]] = defaultdict(Counter)
    for case, debtor in session.execute(select(Case, Debtor).join(Debtor)):
        executive = users[case.executive_id]
        per_executive[executive] += 1
        statuses[teams[case.team_id]][case.status] += 1
        if debtor.country == Country.GUATEMALA:
            assert executive in ("ejecutivo1", "ejecutivo2")
            assert teams[case.team_id] == "Cartera VIP Guatemala"
            assert case.currency in ("GTQ", "USD")
        else:
            assert executive == "ejecutivo3"
            assert teams[case.team_id] == "Cartera VIP México"
            assert case.currency in ("MXN", "USD")
    assert min(per_executive.values()) >= 30, per_executive
    assert 100 <= per_executive["ejecutivo1"] + per_executive["ejecutivo2"] <= 140
    for team, counter in statuses.items():
        assert counter[CaseStatus.LEGAL] >= 3, (team, counter)
        assert set(counter) <= {s.value for s in CaseStatus}
    overall = sum(statuses.values(), Counter[str]())
    assert set(overall) == {s.value for s in CaseStatus}
    assert 5 <= overall[CaseStatus.CLOSED] <= 16


def test_segments_and_currencies_are_mixed(session: Session) -> None:
    segments = Counter(session.scalars(select(Debtor.segment)))
    assert 0.4 < segments[Segment.COMPANY] / 200 < 0.7
    currencies = Counter(session.scalars(select(Case.currency)))
    assert set(currencies) == {"GTQ", "MXN", "USD"}
    for obligation, case in session.execute(select(Obligation, Case).join(Case)):
        assert obligation.currency == case.currency


def test_every_identifier_passes_the_validators(session: Session) -> None:
    for debtor in session.scalars(select(Debtor)):
        country, segment = Country(debtor.country), Segment(debtor.segment)
        assert validate_tax_id(debtor.tax_id, country, segment) == debtor.tax_id
        if segment is Segment.INDIVIDUAL:
            assert validate_id_document(debtor.id_document, country) == debtor.id_document
        else:
            assert debtor.id_document == ""
        _check_digits(debtor.tax_id, debtor.id_document, country)
    parties = session.execute(select(RelatedParty, Debtor.country).join(Debtor))
    for party, country_code in parties:
        if country_code == Country.GUATEMALA:
            assert normalize_nit(party.tax_id) == party.tax_id
            assert normalize_dpi(party.id_document) == party.id_document
        else:
            assert normalize_rfc(party.tax_id, Segment.INDIVIDUAL) == party.tax_id
            assert normalize_curp(party.id_document) == party.id_document
        _check_digits(party.tax_id, party.id_document, Country(country_code))


def _check_digits(tax_id: str, document: str, country: Country) -> None:
    """Beyond the validators: the check characters the validators do not enforce."""
    if country is Country.GUATEMALA:
        assert len(tax_id.split("-")[0]) in (7, 8)
        if document:
            assert document[8] == dpi_check_digit(document[:8])
            assert 1 <= int(document[11:13]) <= 20
    else:
        assert tax_id[-1] == rfc_check_character(tax_id[:-1])
        if document:
            assert document[-1] == curp_check_digit(document[:-1])


def test_identifiers_are_unique(session: Session) -> None:
    tax_ids = list(session.scalars(select(Debtor.tax_id)))
    tax_ids += list(session.scalars(select(RelatedParty.tax_id)))
    assert len(tax_ids) == len(set(tax_ids))
    accounts = list(session.scalars(select(Obligation.account_number)))
    assert len(accounts) == len(set(accounts))


def test_contacts_have_one_preferred_and_an_address(session: Session) -> None:
    debtors = session.scalars(select(Debtor)).all()
    for debtor in debtors:
        kinds = [c.kind for c in debtor.contacts]
        assert 2 <= len(kinds) <= 4 and kinds.count("address") == 1
        preferred = [c for c in debtor.contacts if c.preferred]
        assert len(preferred) == 1 and preferred[0].kind != "address"
        assert len(debtor.related_parties) <= 2
        for contact in debtor.contacts:
            if contact.kind == "phone":
                prefix = "+502 " if debtor.country == Country.GUATEMALA else "+52 "
                assert contact.value.startswith(prefix)
            if contact.kind == "email":
                assert "@" in contact.value
    roles = Counter(p.role for d in debtors for p in d.related_parties)
    assert roles["legal_representative"] > 0 and roles["guarantor"] > 0


def test_obligation_amounts_are_plausible(session: Session) -> None:
    obligations = session.scalars(select(Obligation)).all()
    for o in obligations:
        assert o.principal <= o.original_principal
        assert Decimal("0.05") < o.annual_rate < Decimal("0.5")
        assert o.annual_rate == o.annual_rate.quantize(Decimal("0.000001"))
        for amount in (o.ordinary_interest, o.default_interest, o.fees):
            assert amount >= 0
        assert (o.collateral_value is None) == (o.collateral_kind == "")
        if o.past_due_since is not None:
            assert AS_OF - timedelta(days=731) <= o.past_due_since < AS_OF
        assert o.opened_on < AS_OF
    current = sum(1 for o in obligations if o.past_due_since is None)
    collateral = sum(1 for o in obligations if o.collateral_kind)
    # Secondary obligations are often current (the first one sets how late a case is).
    assert 0.03 < current / len(obligations) < 0.35
    assert 0.25 < collateral / len(obligations) < 0.6


# --- consistency with the core rules -------------------------------------------------------


def test_promise_statuses_cover_every_kind(session: Session) -> None:
    statuses = set(session.scalars(select(Promise.status)))
    assert statuses == {s.value for s in PromiseStatus}


def test_promises_and_applications_match_apply_payments(session: Session) -> None:
    promises: dict[Any, list[Promise]] = defaultdict(list)
    for promise in session.scalars(select(Promise)):
        promises[promise.case_id].append(promise)
    payments: dict[Any, list[Payment]] = defaultdict(list)
    for payment in session.scalars(select(Payment)):
        payments[payment.case_id].append(payment)
    stored = {
        (str(a.payment_id), str(a.promise_id), a.amount)
        for a in session.scalars(select(PaymentApplication))
    }
    expected = set()
    for case_id, case_promises in promises.items():
        outcomes, applications = apply_payments(
            [PromiseIn(str(p.id), p.amount, p.due_date, p.promised_on) for p in case_promises],
            [PaymentIn(str(p.id), p.amount, p.paid_on) for p in payments[case_id]],
            AS_OF,
        )
        for promise, outcome in zip(case_promises, outcomes, strict=True):
            assert (promise.status, promise.applied_amount) == (outcome.status, outcome.applied)
        expected |= {(a.payment_id, a.promise_id, a.amount) for a in applications}
    assert stored == expected and stored


def test_payments_are_split_fees_first(session: Session) -> None:
    rows = session.execute(
        select(Payment, Obligation).join(Obligation).order_by(Payment.paid_on, Payment.reference)
    )
    seen: set[Any] = set()
    for payment, obligation in rows:
        parts = (
            payment.applied_fees, payment.applied_default_interest, payment.applied_interest,
            payment.applied_principal,
        )  # fmt: skip
        assert sum(parts) == payment.amount and min(parts) >= 0
        assert obligation.case_id == payment.case_id
        assert payment.currency == obligation.currency
        assert payment.paid_on <= AS_OF
        if obligation.id not in seen:
            seen.add(obligation.id)
            # The first payment on an obligation settles fees, then default interest, then
            # interest, and only what is left reaches principal.
            owed = (obligation.fees, obligation.default_interest, obligation.ordinary_interest)
            left = payment.amount
            for part, due in zip(parts[:3], owed, strict=True):
                assert part == min(left, due)
                left -= part
            assert payment.applied_principal == left
    assert seen


def test_case_summaries_equal_summarize(session: Session) -> None:
    cases = session.scalars(select(Case).order_by(Case.number)).all()
    obligations: dict[Any, list[Obligation]] = defaultdict(list)
    for o in session.scalars(select(Obligation)):
        obligations[o.case_id].append(o)
    contacts: dict[Any, list[Interaction]] = defaultdict(list)
    for i in session.scalars(select(Interaction)):
        contacts[i.case_id].append(i)
    promises: dict[Any, list[Promise]] = defaultdict(list)
    for p in session.scalars(select(Promise)):
        promises[p.case_id].append(p)
    for case in cases:
        summary = summarize(
            case.currency,
            [ObligationFigures(o.currency, o.total, o.past_due_since)
             for o in obligations[case.id]],
            [ContactFigures(i.occurred_at, i.next_action, i.next_action_date)
             for i in contacts[case.id]],
            [PromiseFigures(p.due_date, PromiseStatus(p.status)) for p in promises[case.id]],
            AS_OF,
        )  # fmt: skip
        assert (
            case.exposure, case.past_due_since, case.last_contact_at, case.next_action,
            case.next_action_date, case.promise_status, case.broken_promises,
            case.priority_score, case.priority_as_of,
        ) == (
            summary.exposure, summary.past_due_since, summary.last_contact_at,
            summary.next_action, summary.next_action_date, summary.promise_status,
            summary.broken_promises, summary.priority_score, summary.priority_as_of,
        ), case.number  # fmt: skip
        debtor = case.debtor
        accounts = [o.account_number for o in obligations[case.id]]
        assert case.search_text == case_search_text(
            debtor.name, debtor.trade_name, debtor.tax_id, accounts, case.number
        )


def test_history_is_dated_around_as_of(session: Session) -> None:
    as_of_start = datetime(AS_OF.year, AS_OF.month, AS_OF.day, tzinfo=UTC)
    first_contact: dict[Any, datetime] = {}
    for i in session.scalars(select(Interaction)):
        assert as_of_start - timedelta(days=549) <= i.occurred_at < as_of_start
        first_contact[i.case_id] = min(first_contact.get(i.case_id, i.occurred_at), i.occurred_at)
    follow_ups = []
    for case in session.scalars(select(Case)):
        if case.id in first_contact:
            assert case.opened_on < first_contact[case.id].date()
        if case.next_action_date is not None:
            follow_ups.append((case.next_action_date - AS_OF).days)
        if case.status == CaseStatus.CLOSED:  # settled weeks ago, nothing left to chase
            assert case.exposure == 0 and case.next_action_date is None
            assert case.promise_status != PromiseStatus.PENDING
            if case.last_contact_at is not None:
                assert case.last_contact_at.date() <= AS_OF - timedelta(days=40)
    assert any(d < 0 for d in follow_ups), "some follow-ups are overdue"
    assert any(d == 0 for d in follow_ups), "some are due today"
    assert any(0 < d <= 14 for d in follow_ups), "some are coming up"
    for promise in session.scalars(select(Promise)):
        assert promise.interaction_id is not None
        if promise.status == PromiseStatus.PENDING:
            assert promise.due_date + timedelta(days=3) >= AS_OF


def test_search_text_is_accent_free(session: Session) -> None:
    accented = [
        (d, c)
        for d, c in session.execute(select(Debtor, Case).join(Case, Case.debtor_id == Debtor.id))
        if d.name != d.name.encode("ascii", "ignore").decode()
    ]
    assert accented, "the demo needs accented names to exercise search"
    for debtor, case in accented:
        bare = "".join(
            c for c in unicodedata.normalize("NFKD", debtor.name) if not unicodedata.combining(c)
        ).lower()
        assert bare in case.search_text
        assert normalize_for_search(debtor.name) == bare


def test_one_audit_event_records_the_generation(session: Session) -> None:
    events = session.scalars(select(AuditEvent)).all()
    assert len(events) == 1
    event = events[0]
    assert (event.action, event.entity, event.username, event.user_id) == (
        "demo.generate", "portfolio", "system", None,
    )  # fmt: skip
    assert event.after == {"cases": 200, "seed": 2026}
    assert verify_chain(session) is None
    assert session.get(AuditChainHead, 1) is not None


# --- determinism, replacing, options ------------------------------------------------------


def test_same_seed_and_date_give_identical_rows(tmp_path: Path) -> None:
    first, second = _engine(tmp_path / "a.db"), _engine(tmp_path / "b.db")
    try:
        generate(first, cases=150, seed=7, as_of=AS_OF)
        generate(second, cases=150, seed=7, as_of=AS_OF)
        assert _dump(first) == _dump(second)
    finally:
        first.dispose()
        second.dispose()


def test_different_seeds_differ(tmp_path: Path) -> None:
    first, second = _engine(tmp_path / "a.db"), _engine(tmp_path / "b.db")
    try:
        generate(first, cases=50, seed=1, as_of=AS_OF)
        generate(second, cases=50, seed=2, as_of=AS_OF)
        one, two = _dump(first), _dump(second)
        assert one["debtor"] != two["debtor"] and one["case_file"] != two["case_file"]
    finally:
        first.dispose()
        second.dispose()


def test_generating_again_replaces_everything(fresh_engine: Engine) -> None:
    generate(fresh_engine, cases=120, seed=3, as_of=AS_OF)
    stats = generate(fresh_engine, cases=40, seed=4, as_of=AS_OF)
    with Session(fresh_engine) as session:
        assert _count(session, Case) == _count(session, Debtor) == 40
        assert _count(session, Interaction) == stats.interactions
        assert _count(session, User) == len(DEMO_USERS)
        assert _count(session, AuditEvent) == 1
        assert verify_chain(session) is None
    generate(fresh_engine, cases=0, as_of=AS_OF)
    with Session(fresh_engine) as session:
        assert _count(session, Case) == 0 and _count(session, User) == len(DEMO_USERS)


def test_as_of_defaults_to_today_and_progress_is_reported(fresh_engine: Engine) -> None:
    calls: list[tuple[int, int]] = []
    generate(fresh_engine, cases=30, progress=lambda done, total: calls.append((done, total)))
    assert calls and calls[-1] == (30, 30)
    today = datetime.now(UTC).astimezone().date()
    with Session(fresh_engine) as session:
        assert set(session.scalars(select(Case.priority_as_of))) <= {today, today - timedelta(1)}


def test_invalid_case_count_is_refused(fresh_engine: Engine) -> None:
    with pytest.raises(ValueError, match="non-negative"):
        generate(fresh_engine, cases=-1)


def test_5000_cases_are_fast(fresh_engine: Engine) -> None:
    started = time.perf_counter()
    stats = generate(fresh_engine, cases=5000, as_of=AS_OF)
    seconds = time.perf_counter() - started
    print(f"\n5,000 demo cases on SQLite: {seconds:.2f} s ({stats})")
    assert stats.cases == 5000
    assert seconds < 15


# --- PostgreSQL ----------------------------------------------------------------------------


@pytest.mark.postgres
def test_postgresql_gets_the_same_portfolio(pg_empty_url: str, tmp_path: Path) -> None:
    pg = create_database_engine(pg_empty_url)
    lite = _engine(tmp_path / "same.db")
    try:
        schema.upgrade(pg)
        generate(pg, cases=300, seed=11, as_of=AS_OF)
        stats = generate(pg, cases=250, seed=5, as_of=AS_OF)  # replaces the first run
        generate(lite, cases=250, seed=5, as_of=AS_OF)
        query = select(
            Case.number, Case.exposure, Case.priority_score, Case.last_contact_at,
            Case.search_text,
        ).order_by(Case.number)  # fmt: skip
        with Session(pg) as on_pg, Session(lite) as on_lite:
            assert _count(on_pg, Case) == stats.cases == 250
            assert on_pg.execute(query).all() == on_lite.execute(query).all()
            assert _count(on_pg, AuditEvent) == 1
            assert verify_chain(on_pg) is None
    finally:
        pg.dispose()
        lite.dispose()
