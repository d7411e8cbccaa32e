"""Export the portfolio list the user is looking at to Excel (.xlsx) or CSV.

Every case of the list, in its order (not just the rows the table has fetched), read in
chunks so that 100,000 cases never sit in memory as rows at once. Values keep their type:
amounts are numbers with the currency in its own column, dates are dates, so the file can be
summed, filtered and sorted in Excel. Headers and code labels (status, bucket...) come from
the caller, already in the user's language; services do not translate.

CSV: UTF-8 with a byte-order mark (without it Excel reads "Gómez" as "GÃ³mez") and a comma
between fields. The comma, not the semicolon: Guatemala and Mexico write decimals with a
point, so Excel there splits on commas (the semicolon is for locales with a decimal comma,
such as Spain). Numbers are written plain ("1234.50"), dates as ISO 8601, which Excel reads
as dates in any locale.

The file is written beside its destination and renamed over it only when complete: a
cancelled or failed export leaves no half-written file (and an older file untouched).
"""

from __future__ import annotations

import contextlib
import csv
import os
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

from vipdesk.core.errors import QT_TRANSLATE_NOOP, EnvironmentProblem
from vipdesk.services import portfolio
from vipdesk.services.dto import Actor, PortfolioRow
from vipdesk.storage.uow import UnitOfWork

CHUNK = 1000
Cell = str | int | Decimal | date | datetime | None


class ExportFormat(StrEnum):
    XLSX = "xlsx"
    CSV = "csv"


class Field(StrEnum):
    """The exported columns, in file order (the portfolio's default column order, with the
    next action's date and its text apart)."""

    CASE_NUMBER = "case_number"
    DEBTOR = "debtor"
    SEGMENT = "segment"
    CURRENCY = "currency"
    EXPOSURE = "exposure"
    DAYS_PAST_DUE = "days_past_due"
    BUCKET = "bucket"
    LAST_CONTACT = "last_contact"
    NEXT_ACTION_DATE = "next_action_date"
    NEXT_ACTION = "next_action"
    PROMISE_STATUS = "promise_status"
    PRIORITY = "priority"
    EXECUTIVE = "executive"
    STATUS = "status"


# Fields whose stored value is a code the caller turns into a label.
CODED = frozenset({Field.SEGMENT, Field.BUCKET, Field.PROMISE_STATUS, Field.STATUS})


@dataclass(frozen=True)
class Layout:
    headers: Mapping[Field, str]  # header text per field, in the user's language
    label: Callable[[Field, str], str]  # (coded field, code) -> label in the user's language
    sheet_title: str = "Portfolio"
    # The columns and their order: the user's order on screen. Default: every field.
    fields: Sequence[Field] = tuple(Field)


class ExportCancelled(Exception):
    """The user cancelled; nothing was written."""


class ExportFailed(EnvironmentProblem):
    """The file could not be written (no permission, disk full, a folder that vanished)."""


def format_for(path: Path) -> ExportFormat:
    return ExportFormat.CSV if path.suffix.lower() == ".csv" else ExportFormat.XLSX


def _values(row: PortfolioRow, layout: Layout) -> list[Cell]:
    every = dict(zip(Field, _all_values(row, layout), strict=True))
    return [every[field] for field in layout.fields]


def _all_values(row: PortfolioRow, layout: Layout) -> list[Cell]:
    def label(field: Field, code: str | None) -> str:
        return layout.label(field, code) if code else ""

    last_contact = row.last_contact_at
    return [
        row.case_number,
        row.debtor_name,
        label(Field.SEGMENT, row.segment),
        row.currency,
        row.exposure,
        row.days_past_due,
        label(Field.BUCKET, row.bucket.value),
        # Excel has no time zones: the user's local wall-clock time, as the table shows it.
        last_contact.astimezone().replace(tzinfo=None) if last_contact is not None else None,
        row.next_action_date,
        row.next_action,
        label(Field.PROMISE_STATUS, row.promise_status),
        row.priority,
        row.executive_name,
        label(Field.STATUS, row.status),
    ]


def _rows(
    uow_factory: Callable[[], UnitOfWork],
    actor: Actor,
    numbers: Sequence[str],
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> Iterator[PortfolioRow]:
    total = len(numbers)
    for start in range(0, total, CHUNK):
        if cancelled is not None and cancelled():
            raise ExportCancelled
        yield from portfolio.rows(uow_factory(), actor, numbers[start : start + CHUNK])
        if progress is not None:
            progress(min(start + CHUNK, total), total)


def export_cases(
    uow_factory: Callable[[], UnitOfWork],
    actor: Actor,
    numbers: Sequence[str],
    path: Path,
    layout: Layout,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write the cases ``numbers`` (in that order; cases the user may not see are left out)
    to ``path``, as Excel or CSV by its extension. Returns the number of cases written.
    ``progress(done, total)`` and ``cancelled()`` are called between chunks (from the thread
    this runs on)."""
    path = Path(path)
    if not layout.fields or len(set(layout.fields)) != len(layout.fields):
        raise ValueError(f"export fields must be distinct and not empty: {layout.fields}")
    header = [layout.headers[field] for field in layout.fields]
    rows = _rows(uow_factory, actor, numbers, progress, cancelled)
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as error:
        raise _failed(path, error) from error
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            if format_for(path) is ExportFormat.CSV:
                count = _write_csv(handle, header, rows, layout)
            else:
                count = _write_xlsx(handle, header, rows, layout)
        os.replace(temp, path)
    except OSError as error:
        raise _failed(path, error) from error
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    return count


def _failed(path: Path, error: OSError) -> ExportFailed:
    return ExportFailed(
        QT_TRANSLATE_NOOP("errors", "The list could not be saved to {path}: {reason}"),
        path=str(path),
        reason=error.strerror or str(error),
    )


# A text cell starting with one of these is a formula to Excel when it opens a CSV file.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _csv_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal | int):
        return str(value)
    # A debtor called "=HYPERLINK(...)" must stay text: the quote is how Excel says so.
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def _write_csv(handle: Any, header: list[str], rows: Iterator[PortfolioRow], layout: Layout) -> int:
    import io

    text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
    writer = csv.writer(text, delimiter=",", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    count = 0
    for row in rows:
        writer.writerow([_csv_text(v) for v in _values(row, layout)])
        count += 1
    text.flush()
    text.detach()
    return count


_NUMBER_FORMATS = {
    Field.EXPOSURE: "#,##0.00",
    Field.PRIORITY: "0.0",
    Field.DAYS_PAST_DUE: "0",
    Field.LAST_CONTACT: "yyyy-mm-dd hh:mm",
    Field.NEXT_ACTION_DATE: "yyyy-mm-dd",
}
_WIDTHS = {Field.DEBTOR: 42, Field.NEXT_ACTION: 40, Field.EXECUTIVE: 26, Field.LAST_CONTACT: 17}


def _write_xlsx(
    handle: Any, header: list[str], rows: Iterator[PortfolioRow], layout: Layout
) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    # Write-only: rows stream to the file instead of building 100,000 cell objects.
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_sheet_title(layout.sheet_title))
    fields = list(layout.fields)
    for i, field in enumerate(fields, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = _WIDTHS.get(field, 14)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    titles = []
    for title in header:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        titles.append(cell)
    sheet.append(titles)
    count = 0
    try:
        for row in rows:
            cells = []
            for field, value in zip(fields, _values(row, layout), strict=True):
                # openpyxl writes Decimal and date natively; its stubs list fewer types.
                cell = WriteOnlyCell(sheet, value=value)  # type: ignore[arg-type]
                if isinstance(value, str):
                    cell.data_type = "s"  # text that starts with "=" is not a formula
                elif field in _NUMBER_FORMATS and value is not None:
                    cell.number_format = _NUMBER_FORMATS[field]
                cells.append(cell)
            sheet.append(cells)
            count += 1
    except BaseException:
        # openpyxl streams the rows to a temporary file of its own: close and remove it now
        # (it holds confidential data), not when the interpreter exits.
        sheet.close()
        if sheet._writer is not None:
            sheet._writer.cleanup()
        raise
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(fields))}{count + 1}"
    book.save(handle)
    return count


def _sheet_title(title: str) -> str:
    # Excel refuses these characters in sheet names, and more than 31 of any.
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in title).strip()
    return cleaned[:31] or "Sheet"
