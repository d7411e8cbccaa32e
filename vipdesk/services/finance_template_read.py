"""Read a filled financial statements template (``finance_template``) back into drafts.

The file comes from outside and is treated as hostile: whatever it holds, the caller gets the
drafts, a ``TemplateProblem`` (the file as a whole: not a workbook, too large, another segment,
a broken template) or a ``ValidationError`` whose problems name the cells to correct, Excel
style ("'Financial statements'!C12", which Excel's name box accepts); never a traceback.

Limits are checked before the work they bound: the file's size before it is read, the declared
sizes of its parts before anything is decompressed (a zip bomb is refused, not inflated; Python's
zipfile stops at the declared size), then the rows and columns while the sheet streams.

Numbers arrive from Excel as floats: ``Decimal(repr(value))`` is the shortest decimal that reads
back as that float, i.e. the number Excel shows (Excel keeps 15 significant digits), rounded
half-up to cents like every amount. Formulas count when Excel saved their result.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from vipdesk.core.catalog import Segment
from vipdesk.core.errors import Problem, ValidationError, VipDeskError
from vipdesk.core.money import parse_amount, round_money
from vipdesk.core.ratio_catalog import INCOME_SOURCES
from vipdesk.core.ratio_inputs import MAX_MONTHS
from vipdesk.services.finance_template import (
    GROUP_PREFIX,
    INCOME_PREFIX,
    KEY_END,
    KEY_LABEL,
    KEY_MARKER,
    KEY_MONTHS,
    MAX_ABS_AMOUNT,
    MAX_LABEL,
    MAX_PERIODS,
    META_SHEET,
    MIN_PERIOD_END,
    TEMPLATE_ID,
    TEMPLATE_VERSION,
    TemplateColumn,
    figure_keys,
    header_keys,
    latest_period_end,
)
from vipdesk.services.finance_template_messages import CELL, FILE, TemplateProblem

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_UNPACKED_BYTES = 50 * 1024 * 1024  # every part together, decompressed
MAX_PART_BYTES = 10 * 1024 * 1024  # one sheet or the shared strings, decompressed
MAX_PARTS = 1000
MAX_ROWS, MAX_COLUMNS = 200, 60  # a cell with a value beyond these is refused
# Rows and columns even without values (formatting): a sheet this big is not a template, and
# is not read further.
MAX_SCAN_ROWS, MAX_SCAN_COLUMNS = 2000, 1024
MAX_PROBLEMS = 30


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_QUOTE_FREE_TITLE = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*")

# (row, column) -> (value, data type); only cells with a value.
Grid = dict[tuple[int, int], tuple[Any, str]]


def read_template(
    path: Path, segment: Segment, *, today: date | None = None
) -> list[TemplateColumn]:
    """The periods of the filled template at ``path`` for a debtor of ``segment``, in column
    order, blank columns skipped. Every figure and income source of the segment is in each
    draft ("" when blank), amounts as plain strings with two decimals ("-1250.50").
    Period ends must fall between 1990-01-01 and a year after ``today``, as the service takes
    them."""
    path = Path(path)
    name = path.name
    data = _read_bytes(path, name)
    _check_package(data, name)
    values, formulas, title = _load(data, name, segment)
    today = today or date.today()  # noqa: DTZ011 - a calendar date is meant
    return _Reader(values, formulas, title, segment, today, name).periods()


def _read_bytes(path: Path, name: str) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise TemplateProblem(
                FILE["too_big"], name=name, size=f"{size / 1048576:.1f}", maximum="5"
            )
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise TemplateProblem(
            FILE["unreadable"], name=name, reason=error.strerror or str(error)
        ) from error
    if not data:
        raise TemplateProblem(FILE["empty"], name=name)
    if len(data) > MAX_FILE_BYTES:  # it grew since stat()
        raise TemplateProblem(FILE["too_big"], name=name, size="> 5", maximum="5")
    return data


def _check_package(data: bytes, name: str) -> None:
    """Refuse what is not an .xlsx package, or one that would inflate beyond reason."""
    if data.startswith(_OLE_MAGIC):
        # An OLE compound file: an old .xls, or an .xlsx encrypted with a password.
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise TemplateProblem(FILE["encrypted"], name=name)
        if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
            raise TemplateProblem(FILE["xls"], name=name)
        raise TemplateProblem(FILE["not_xlsx"], name=name)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as error:
        raise TemplateProblem(FILE["not_xlsx"], name=name) from error
    names = {part.filename for part in parts}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise TemplateProblem(FILE["not_xlsx"], name=name)
    if (
        len(parts) > MAX_PARTS
        or sum(part.file_size for part in parts) > MAX_UNPACKED_BYTES
        or any(part.file_size > MAX_PART_BYTES for part in parts if part.filename.startswith("xl/"))
    ):
        raise TemplateProblem(FILE["too_much"], name=name)


def _load(data: bytes, name: str, segment: Segment) -> tuple[Grid, Grid, str]:
    """The data sheet's values (as Excel saved them), its formulas and its title."""
    from openpyxl import load_workbook

    empty: set[tuple[int, int]] = set()
    try:
        # openpyxl warns about what it skips (extensions, odd dates); they change nothing here.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                title, values = _data_sheet(book, name, segment, empty)
            finally:
                book.close()
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
            try:
                grid = _grid(book[title], name)
            finally:
                book.close()
    except VipDeskError:
        raise
    except Exception as error:  # a damaged package: every parser error is "not a workbook"
        raise TemplateProblem(FILE["not_xlsx"], name=name) from error
    formulas = {at: cell for at, cell in grid.items() if cell[1] == "f" and at not in empty}
    return values, formulas, title


def _data_sheet(
    book: Any, name: str, segment: Segment, empty: set[tuple[int, int]]
) -> tuple[str, Grid]:
    """The title and values of the sheet with the figures, once the workbook is known to be a
    template for ``segment``."""
    if META_SHEET not in book.sheetnames:
        raise TemplateProblem(FILE["not_template"], name=name)
    grid = _grid(book[META_SHEET], name)
    meta = {
        _plain(key): _plain(grid.get((row, 2), ("", ""))[0])
        for (row, column), (key, _type) in grid.items()
        if column == 1
    }
    if meta.get("template") != TEMPLATE_ID:
        raise TemplateProblem(FILE["not_template"], name=name)
    version = meta.get("version", "")
    if not version:
        raise TemplateProblem(FILE["no_version"], name=name)
    if version != TEMPLATE_VERSION:
        raise TemplateProblem(
            FILE["bad_version"], name=name, version=version[:20], expected=TEMPLATE_VERSION
        )
    made_for = meta.get("segment", "")
    if made_for not in {s.value for s in Segment}:
        raise TemplateProblem(FILE["no_segment"], name=name)
    if made_for != segment.value:
        key = "for_company" if made_for == Segment.COMPANY.value else "for_individual"
        raise TemplateProblem(FILE[key], name=name)
    title = meta.get("sheet", "")
    if title in book.sheetnames and title != META_SHEET:
        return title, _grid(book[title], name, empty)
    # The user renamed the sheet: the first one with the key column.
    refusal: TemplateProblem | None = None
    for other in book.sheetnames:
        if other != META_SHEET:
            try:
                grid = _grid(book[other], name, empty)
            except TemplateProblem as problem:
                refusal = refusal or problem
                continue
            if any(value == KEY_MARKER for value, _type in grid.values()):
                return other, grid
    raise refusal or TemplateProblem(FILE["no_keys"], name=name)


def _grid(sheet: Any, name: str, empty: set[tuple[int, int]] | None = None) -> Grid:
    """Every cell of ``sheet`` that holds a value; a value beyond ``MAX_ROWS`` x
    ``MAX_COLUMNS`` is refused, naming the cell, and so is a sheet beyond the scan limits.
    ``empty`` collects the cells whose formula saved an empty text ("" from an IF)."""
    sheet.reset_dimensions()  # the size the file declares may hide rows or columns
    grid: Grid = {}
    for number, row in enumerate(sheet.iter_rows(), start=1):
        if number > MAX_SCAN_ROWS or len(row) > MAX_SCAN_COLUMNS:
            raise TemplateProblem(FILE["too_much"], name=name)
        for cell in row:
            value = cell.value
            if value is None and cell.data_type == "str" and empty is not None:
                empty.add((cell.row, cell.column))
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            at = (cell.row, cell.column)
            if at[0] > MAX_ROWS or at[1] > MAX_COLUMNS:
                which = "rows" if at[0] > MAX_ROWS else "columns"
                raise TemplateProblem(
                    FILE[which],
                    cell=cell_ref(sheet.title, *at),
                    maximum=MAX_ROWS if which == "rows" else MAX_COLUMNS,
                )
            grid[at] = (value, cell.data_type)
    return grid


def cell_ref(title: str, row: int, column: int) -> str:
    """How Excel names a cell of another sheet: 'Financial statements'!C12."""
    from openpyxl.utils import get_column_letter

    sheet = title if _QUOTE_FREE_TITLE.fullmatch(title) else "'" + title.replace("'", "''") + "'"
    return f"{sheet}!{get_column_letter(column)}{row}"


def _plain(value: Any) -> str:
    """A short text for a cell: numbers without a useless ".0", dates as ISO."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return str(value).strip()


class _Reader:
    """Turns the data sheet's cells into drafts, collecting the cells' problems."""

    def __init__(
        self, values: Grid, formulas: Grid, title: str, segment: Segment, today: date, name: str
    ) -> None:
        self.values, self.formulas, self.title = values, formulas, title
        self.segment, self.name = segment, name
        self.latest = latest_period_end(today)
        self.problems: list[tuple[int, int, Problem]] = []

    def filled(self, row: int, column: int) -> bool:
        return (row, column) in self.values or (row, column) in self.formulas

    def problem(self, row: int, column: int, template: str, **params: Any) -> None:
        cell = cell_ref(self.title, row, column)
        self.problems.append((column, row, Problem(cell, template, {"cell": cell, **params})))

    def periods(self) -> list[TemplateColumn]:
        key_column, header = self.key_column()
        rows = self.rows(key_column, header)
        if KEY_END not in rows:
            raise TemplateProblem(FILE["no_end_row"], name=self.name)
        self.stray(key_column, header, rows)
        cells = {**self.values, **self.formulas}
        columns = sorted({c for (r, c) in cells if c > key_column and r in rows.values()})
        if len(columns) > MAX_PERIODS:
            raise TemplateProblem(
                FILE["too_many_periods"], name=self.name, count=len(columns), maximum=MAX_PERIODS
            )
        drafts = [self.period(rows, column) for column in columns]
        self.distinct_ends(rows[KEY_END], columns, drafts)
        if self.problems:
            # Period by period, top to bottom.
            ordered = sorted(self.problems, key=lambda found: found[:2])
            raise ValidationError([problem for _c, _r, problem in ordered[:MAX_PROBLEMS]])
        return drafts

    def key_column(self) -> tuple[int, int]:
        for (row, column), (value, _type) in sorted(self.values.items()):
            if value == KEY_MARKER:
                return column, row
        raise TemplateProblem(FILE["no_keys"], name=self.name)

    def rows(self, key_column: int, header: int) -> dict[str, int]:
        """The row of every key under the header; group captions are left out."""
        known = set(header_keys(self.segment)) | {n for _g, n in figure_keys(self.segment)}
        rows: dict[str, int] = {}
        for (row, column), (value, _type) in sorted(self.values.items()):
            if column != key_column or row <= header:
                continue
            key = _plain(value)
            label = _plain(self.values.get((row, 1), ("", ""))[0])[:MAX_LABEL]
            if key in rows:
                raise TemplateProblem(
                    FILE["duplicate_row"],
                    name=self.name,
                    first=abs(rows[key]),
                    second=row,
                    label=label,
                )
            source = key.removeprefix(INCOME_PREFIX) if key.startswith(INCOME_PREFIX) else ""
            income = self.segment is Segment.INDIVIDUAL and 0 < len(source) <= MAX_LABEL
            if key in known or income:
                rows[key] = row
            elif key.startswith(GROUP_PREFIX):
                rows[key] = -row  # taken, but holds no values
            else:
                raise TemplateProblem(FILE["unknown_row"], name=self.name, row=row, label=label)
        return {key: row for key, row in rows.items() if row > 0}

    def stray(self, key_column: int, header: int, rows: Mapping[str, int]) -> None:
        """Values in the period columns of rows the template does not read: they would be lost."""
        keyed, seen = set(rows.values()), set[int]()
        for row, column in sorted({**self.values, **self.formulas}):
            if row > header and column > key_column and row not in keyed | seen:
                seen.add(row)
                self.problem(row, column, CELL["stray"])

    def raw(self, row: int, column: int) -> Any:
        """The value Excel saved, None when blank; a formula without a saved result or an
        error value is reported, and None returned."""
        value, data_type = self.values.get((row, column), (None, "n"))
        if value is None:
            if (row, column) in self.formulas:
                self.problem(row, column, CELL["formula"])
            return None
        if data_type == "e":
            self.problem(row, column, CELL["error_value"], error=_plain(value)[:20])
            return None
        return value

    def period(self, rows: Mapping[str, int], column: int) -> TemplateColumn:
        label = self.label(rows[KEY_LABEL], column) if KEY_LABEL in rows else ""
        end = self.period_end(rows[KEY_END], column)
        months = self.months(rows[KEY_MONTHS], column) if KEY_MONTHS in rows else None
        figures = {
            name: self.amount(rows[name], column) if name in rows else ""
            for _group, name in figure_keys(self.segment)
        }
        income: dict[str, str] = {}
        if self.segment is Segment.INDIVIDUAL:
            income = dict.fromkeys(INCOME_SOURCES, "")
            for key, row in rows.items():
                if key.startswith(INCOME_PREFIX):
                    income[key.removeprefix(INCOME_PREFIX)] = self.amount(row, column)
        return TemplateColumn(label, end, months, figures, income)

    def label(self, row: int, column: int) -> str:
        value = self.raw(row, column)
        text = "" if value is None else _plain(value)
        if len(text) > MAX_LABEL:
            self.problem(row, column, CELL["label_long"], maximum=MAX_LABEL)
        return text[:MAX_LABEL]

    def period_end(self, row: int, column: int) -> date | None:
        if not self.filled(row, column):
            self.problem(row, column, CELL["no_end"])
            return None
        value = self.raw(row, column)
        found = None if value is None else _date(value)
        if value is not None and found is None:
            self.problem(row, column, CELL["date"], text=_plain(value)[:40], example="2024-12-31")
        elif found is not None and not MIN_PERIOD_END <= found <= self.latest:
            first, last = MIN_PERIOD_END.isoformat(), self.latest.isoformat()
            when = found.isoformat()
            self.problem(row, column, CELL["date_range"], date=when, first=first, last=last)
            return None
        return found

    def months(self, row: int, column: int) -> int | None:
        value = self.raw(row, column)
        if value is None:
            return None
        number = None if isinstance(value, bool | date) else _decimal(_plain(value))
        if (
            number is not None
            and number == number.to_integral_value()
            and 1 <= number <= MAX_MONTHS
        ):
            return int(number)
        self.problem(row, column, CELL["months"], text=_plain(value)[:40], maximum=MAX_MONTHS)
        return None

    def amount(self, row: int, column: int) -> str:
        value = self.raw(row, column)
        if value is None:
            return ""
        number = _number(value)
        if number is None:
            self.problem(row, column, CELL["number"], text=_plain(value)[:40], example="1250.50")
            return ""
        if abs(number) >= MAX_ABS_AMOUNT:
            self.problem(row, column, CELL["too_large"], maximum="999,999,999,999,999.99")
            return ""
        return f"{round_money(number):f}"

    def distinct_ends(self, row: int, columns: list[int], drafts: list[TemplateColumn]) -> None:
        first: dict[date, int] = {}
        for column, draft in zip(columns, drafts, strict=True):
            end = draft.period_end
            if end is not None and end in first:
                other = cell_ref(self.title, row, first[end])
                self.problem(row, column, CELL["same_end"], other=other, date=end.isoformat())
            elif end is not None:
                first[end] = column


def _decimal(text: str) -> Decimal | None:
    try:
        number = Decimal(text.strip())
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _number(value: Any) -> Decimal | None:
    """A cell's number; text such as "1,250.50" or "Q 1250" is read like the entry forms do."""
    if isinstance(value, bool | date):  # datetime is a date
        return None
    if isinstance(value, int | float):
        # repr: the shortest decimal that reads back as this float, the number Excel shows.
        return _decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if not isinstance(value, str):
        return None
    number = _decimal(value)
    if number is not None:
        return number
    try:
        return parse_amount(value, allow_zero=True, allow_negative=True, max_value=Decimal(10**18))
    except ValidationError:
        return None


def _date(value: Any) -> date | None:
    """A date cell, an Excel serial number that lost its date format, or text in ISO
    (2024-12-31) or day-first (31/12/2024) form."""
    from openpyxl.utils.datetime import from_excel

    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        try:
            serial = from_excel(value)
        except (OverflowError, ValueError, TypeError):
            return None
        return serial.date() if isinstance(serial, datetime) else None
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    match = _DMY.fullmatch(text)
    if match is None:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None
