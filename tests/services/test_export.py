"""Exporting the portfolio list: read back with openpyxl and the csv module."""

from __future__ import annotations

import csv
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.services.helpers import actor
from vipdesk.core.catalog import CaseStatus
from vipdesk.services import export, portfolio
from vipdesk.services.dto import PortfolioQuery, PortfolioRow, SortKey
from vipdesk.storage.uow import Database

HEADERS = {field: f"H-{field.value}" for field in export.Field}
LAYOUT = export.Layout(HEADERS, lambda field, code: f"{field.value}:{code}", "Cartera [1]")


def _filtered(db: Database) -> tuple[list[str], list[PortfolioRow]]:
    who = actor(db, "admin1")
    query = PortfolioQuery(
        sort=SortKey.EXPOSURE, descending=False, statuses=(CaseStatus.OPEN.value, "negotiating")
    )
    numbers = portfolio.case_numbers(db.unit_of_work(), who, query)
    assert 0 < len(numbers) < 200, "a filtered list, not everything"
    return numbers, portfolio.rows(db.unit_of_work(), who, numbers)


def test_xlsx_has_every_case_in_order_with_typed_values(
    any_database: Database, tmp_path: Path
) -> None:
    numbers, rows = _filtered(any_database)
    path = tmp_path / "cartera.xlsx"
    seen: list[tuple[int, int]] = []
    count = export.export_cases(
        any_database.unit_of_work,
        actor(any_database, "admin1"),
        numbers,
        path,
        LAYOUT,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert count == len(numbers)
    assert seen[-1] == (len(numbers), len(numbers))
    sheet = load_workbook(path).active
    assert sheet is not None and sheet.title == "Cartera  1"
    values = list(sheet.iter_rows(values_only=True))
    assert list(values[0]) == [f"H-{f.value}" for f in export.Field]
    body = values[1:]
    assert [r[0] for r in body] == numbers
    column = {f: i for i, f in enumerate(export.Field)}
    for line, row in zip(body, rows, strict=True):
        assert line[column[export.Field.DEBTOR]] == row.debtor_name
        assert line[column[export.Field.CURRENCY]] == row.currency
        exposure = line[column[export.Field.EXPOSURE]]
        assert isinstance(exposure, int | float)
        assert Decimal(str(exposure)) == row.exposure
        assert line[column[export.Field.DAYS_PAST_DUE]] == row.days_past_due
        assert line[column[export.Field.STATUS]] == f"status:{row.status}"
        assert line[column[export.Field.BUCKET]] == f"bucket:{row.bucket.value}"
        due = line[column[export.Field.NEXT_ACTION_DATE]]
        if row.next_action_date is None:
            assert due is None
        else:  # openpyxl reads dates back as datetimes at midnight
            assert isinstance(due, datetime) and due.date() == row.next_action_date
        contact = line[column[export.Field.LAST_CONTACT]]
        assert (contact is None) == (row.last_contact_at is None)
        assert float(line[column[export.Field.PRIORITY]]) == float(row.priority)  # type: ignore[arg-type]


def test_csv_reads_back_with_bom_comma_and_plain_numbers(
    any_database: Database, tmp_path: Path
) -> None:
    numbers, rows = _filtered(any_database)
    path = tmp_path / "cartera.csv"
    export.export_cases(
        any_database.unit_of_work, actor(any_database, "admin1"), numbers, path, LAYOUT
    )
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0] == [f"H-{f.value}" for f in export.Field]
    assert len(lines) == len(numbers) + 1
    column = {f: i for i, f in enumerate(export.Field)}
    for line, row in zip(lines[1:], rows, strict=True):
        assert line[column[export.Field.CASE_NUMBER]] == row.case_number
        assert line[column[export.Field.DEBTOR]] == row.debtor_name  # accents intact
        assert Decimal(line[column[export.Field.EXPOSURE]]) == row.exposure
        due = line[column[export.Field.NEXT_ACTION_DATE]]
        assert due == (row.next_action_date.isoformat() if row.next_action_date else "")
        if due:
            date.fromisoformat(due)


def test_formulas_stay_text(tmp_path: Path) -> None:
    assert export._csv_text('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    assert export._csv_text("-5 llamar") == "'-5 llamar"
    assert export._csv_text("Gómez") == "Gómez"


def test_cancel_leaves_no_file_and_keeps_an_older_one(
    demo_database: Database, tmp_path: Path
) -> None:
    who = actor(demo_database, "admin1")
    numbers = portfolio.case_numbers(demo_database.unit_of_work(), who, PortfolioQuery())
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "cartera.xlsx"
    path.write_bytes(b"older")
    calls = iter([False, True])
    with pytest.raises(export.ExportCancelled):
        export.export_cases(
            demo_database.unit_of_work,
            who,
            numbers * 10,  # more than one chunk
            path,
            LAYOUT,
            cancelled=lambda: next(calls, True),
        )
    assert path.read_bytes() == b"older"
    assert [p.name for p in folder.iterdir()] == ["cartera.xlsx"]


def test_unwritable_folder_is_a_clear_error(demo_database: Database, tmp_path: Path) -> None:
    with pytest.raises(export.ExportFailed):
        export.export_cases(
            demo_database.unit_of_work,
            actor(demo_database, "admin1"),
            [],
            tmp_path / "missing" / "cartera.csv",
            LAYOUT,
        )


def test_invisible_cases_are_not_exported(demo_database: Database, tmp_path: Path) -> None:
    theirs = portfolio.case_numbers(
        demo_database.unit_of_work(), actor(demo_database, "ejecutivo2"), PortfolioQuery()
    )
    path = tmp_path / "x.csv"
    count = export.export_cases(
        demo_database.unit_of_work, actor(demo_database, "ejecutivo1"), theirs, path, LAYOUT
    )
    assert count == 0
    assert len(path.read_text(encoding="utf-8-sig").splitlines()) == 1
