from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from tests.services.helpers import actor
from vipdesk.core.catalog import CaseStatus
from vipdesk.services import portfolio
from vipdesk.services.dto import PortfolioQuery, SortKey
from vipdesk.storage.models import Case, Debtor, Obligation, User
from vipdesk.storage.uow import Database


def _all_ids(db: Database, username: str, **query: object) -> list:
    return portfolio.case_numbers(db.unit_of_work(), actor(db, username), PortfolioQuery(**query))


def _rows(db: Database, username: str, **query: object) -> list:
    who = actor(db, username)
    ids = portfolio.case_numbers(db.unit_of_work(), who, PortfolioQuery(**query))
    return portfolio.rows(db.unit_of_work(), who, ids)


def test_executive_sees_only_assigned_cases(any_database: Database) -> None:
    rows = _rows(any_database, "ejecutivo1")
    assert rows, "the demo portfolio gives ejecutivo1 cases"
    assert {r.executive_name for r in rows} == {"Ana Lucía Morales"}
    with any_database.unit_of_work() as uow:
        me = uow.session.scalars(select(User).where(User.username == "ejecutivo1")).one()
        expected = set(uow.session.scalars(select(Case.number).where(Case.executive_id == me.id)))
    assert {r.case_number for r in rows} == expected


def test_supervisor_sees_the_team_and_nothing_else(any_database: Database) -> None:
    rows = _rows(any_database, "supervisor1")
    assert {r.executive_name for r in rows} == {"Ana Lucía Morales", "Carlos Enrique Pérez"}
    assert len(rows) == len(_rows(any_database, "ejecutivo1")) + len(
        _rows(any_database, "ejecutivo2")
    )


def test_legal_sees_only_escalated_cases_and_admin_sees_all(any_database: Database) -> None:
    legal = _rows(any_database, "juridico1")
    assert legal and {r.status for r in legal} == {CaseStatus.LEGAL.value}
    with any_database.unit_of_work() as uow:
        total = len(uow.session.scalars(select(Case.id)).all())
    assert len(_all_ids(any_database, "admin1")) == total


def test_rows_of_invisible_cases_are_not_returned(any_database: Database) -> None:
    theirs = _all_ids(any_database, "ejecutivo2")
    me = actor(any_database, "ejecutivo1")
    assert portfolio.rows(any_database.unit_of_work(), me, theirs[:20]) == []


@pytest.mark.parametrize("key", list(SortKey))
@pytest.mark.parametrize("descending", [False, True])
def test_every_column_sorts(any_database: Database, key: SortKey, descending: bool) -> None:
    rows = _rows(any_database, "admin1", sort=key, descending=descending)
    extract = {
        SortKey.PRIORITY: lambda r: r.priority,
        SortKey.CASE_NUMBER: lambda r: r.case_number,
        SortKey.EXPOSURE: lambda r: r.exposure,
        SortKey.DAYS_PAST_DUE: lambda r: r.days_past_due,
        SortKey.CURRENCY: lambda r: r.currency,
        SortKey.STATUS: lambda r: r.status,
        SortKey.EXECUTIVE: lambda r: r.executive_name,
        SortKey.SEGMENT: lambda r: r.segment,
    }.get(key)
    assert len(rows) == len(_all_ids(any_database, "admin1"))
    if extract is not None:
        values = [extract(r) for r in rows]
        assert values == sorted(values, reverse=descending)


def test_dates_sort_with_blanks_last(any_database: Database) -> None:
    for descending in (False, True):
        rows = _rows(any_database, "admin1", sort=SortKey.NEXT_ACTION, descending=descending)
        dates = [r.next_action_date for r in rows]
        present = [d for d in dates if d is not None]
        assert dates[: len(present)] == sorted(present, reverse=descending)
        assert all(d is None for d in dates[len(present) :])


def test_search_ignores_accents_and_case(any_database: Database) -> None:
    with any_database.unit_of_work() as uow:
        name = next(
            n for n in uow.session.scalars(select(Debtor.name)) if any(c in n for c in "áéíóúñ")
        )
    # Without the punctuation around it ("Anáhuac,"): the SQLite index searches words.
    word = next(w for w in name.split() if any(c in w for c in "áéíóúñ")).strip(",.")
    plain = word.translate(str.maketrans("áéíóúñÁÉÍÓÚÑ", "aeiounAEIOUN")).upper()
    rows = _rows(any_database, "admin1", search=plain)
    assert rows and any(r.debtor_name == name for r in rows)
    assert all(word.lower() in r.debtor_name.lower() for r in rows)


def test_search_by_tax_id_account_and_case_number(any_database: Database) -> None:
    with any_database.unit_of_work() as uow:
        case = uow.session.scalars(select(Case).order_by(Case.number)).first()
        assert case is not None
        tax_id = case.debtor.tax_id
        account = uow.session.scalars(
            select(Obligation.account_number).where(Obligation.case_id == case.id)
        ).first()
        number = case.number
    assert number in {r.case_number for r in _rows(any_database, "admin1", search=tax_id)}
    assert [r.case_number for r in _rows(any_database, "admin1", search=account)] == [number]
    assert [r.case_number for r in _rows(any_database, "admin1", search=number.lower())] == [
        number
    ]


# More hostile input, with the SQLite index's own syntax, in test_portfolio_filters.py.
@pytest.mark.parametrize("hostile", ["%", "_", "\\", "' OR 1=1 -- xyzzy", "a" * 10_000, "😀"])
def test_hostile_search_text_matches_nothing_unexpected(
    any_database: Database, hostile: str
) -> None:
    assert _all_ids(any_database, "admin1", search=hostile) == []


def test_blank_search_is_everything(any_database: Database) -> None:
    assert len(_all_ids(any_database, "admin1", search="   ")) == len(
        _all_ids(any_database, "admin1")
    )


def test_priority_is_between_0_and_100(any_database: Database) -> None:
    rows = _rows(any_database, "admin1")
    assert all(Decimal(0) <= r.priority <= Decimal(100) for r in rows)
    assert rows[0].priority >= rows[-1].priority
