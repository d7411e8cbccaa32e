"""The Excel template for a debtor's financial statements: written here, read back by
``finance_template_read.read_template``.

One visible sheet: a title, a few lines of instructions, then a table with the concepts down
column A and one column per period from column C. Column B is hidden and holds each row's stable
key ("period_end", "cash", "income:salary"...), so reading back never depends on the labels,
which are in the user's language. A very hidden sheet (``META_SHEET``) records what the file is:
the template id, its version and the segment it was made for.

Layout (rows are 1-based)::

    1       title
    2..     instructions, one line per row
    header  "Concept" | key marker (hidden) | "Period 1" | "Period 2" | ...
    +1      Period label        | label      | text
    +2      Period end          | period_end | date
    +3      Months (companies)  | months     | whole number 1-24
    then    group caption rows (bold, key "group:<group>") and one row per figure, in
            FIELDS_COMPANY / FIELDS_INDIVIDUAL order; for individuals the income sources
            (key "income:<source>") come first, under the "Income" group.

Values come and go as strings (``TemplateColumn``), as the entry form and the service take them.
The module is free of Qt: the GUI passes ``TemplateLabels().translated(its translate)``.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from dataclasses import field as dc_field
from dataclasses import fields as dc_fields
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import MappingProxyType
from typing import Any

from vipdesk.core.catalog import Segment
from vipdesk.core.errors import QT_TRANSLATE_NOOP, EnvironmentProblem, Translate, ValidationError
from vipdesk.core.money import parse_amount
from vipdesk.core.ratio_catalog import FIELD_LABELS, GROUP_LABELS, INCOME_SOURCES
from vipdesk.core.ratio_inputs import FIELDS_COMPANY, FIELDS_INDIVIDUAL, MAX_MONTHS

CONTEXT = "finance_template"  # of the template's own texts; field labels are in "ratios"

TEMPLATE_ID = "vipdesk.financial_statements"
TEMPLATE_VERSION = "1"
META_SHEET = "vipdesk"
KEY_MARKER = "vipdesk.key"  # in the key column of the header row
KEY_LABEL, KEY_END, KEY_MONTHS = "label", "period_end", "months"
GROUP_PREFIX, INCOME_PREFIX = "group:", "income:"
KEY_COLUMN = 2  # B
FIRST_PERIOD_COLUMN = 3  # C
BLANK_PERIODS = 4
MAX_PERIODS = 12
MAX_ABS_AMOUNT = Decimal(10) ** 15
MIN_PERIOD_END = date(1990, 1, 1)
MAX_LABEL = 60  # a period's label and an income source's name, as the service takes them


def latest_period_end(today: date) -> date:
    """The latest period end accepted (as the service does: a year from today)."""
    return today + timedelta(days=366)


_AMOUNT_FORMAT = "#,##0.00"
_AMOUNT_LIMIT = "999999999999999.99"


@dataclass(frozen=True)
class TemplateColumn:
    """One period as typed: figures and income by key, Decimal strings ("-1250.50"), "" when
    blank; ``months`` None when blank (and always for individuals, whose periods are a month)."""

    label: str
    period_end: date | None
    months: int | None
    figures: Mapping[str, str] = dc_field(default_factory=dict)
    income: Mapping[str, str] = dc_field(default_factory=dict)


@dataclass(frozen=True)
class TemplateLabels:
    """Every text the template shows, in the user's language (default: the English sources)."""

    sheet_title: str = QT_TRANSLATE_NOOP("finance_template", "Financial statements")
    title: str = QT_TRANSLATE_NOOP("finance_template", "Financial statements")
    instructions_company: tuple[str, ...] = (
        QT_TRANSLATE_NOOP(
            "finance_template",
            "One column per period: its label, the closing date and its length in months "
            "(12 for a full year).",
        ),
        QT_TRANSLATE_NOOP(
            "finance_template",
            "Amounts in the currency of the statements, without symbols. Leave blank what you "
            "do not know: a blank is not read as zero.",
        ),
        QT_TRANSLATE_NOOP(
            "finance_template",
            "Negative numbers are allowed (a loss, negative equity). Enter expenses, interest, "
            "taxes and capital expenditure as positive amounts.",
        ),
        QT_TRANSLATE_NOOP(
            "finance_template",
            "Do not delete rows nor edit the hidden column B: it identifies each row.",
        ),
    )
    instructions_individual: tuple[str, ...] = (
        QT_TRANSLATE_NOOP(
            "finance_template",
            "One column per month: its label and the date the figures refer to. Income, "
            "expenses and debt payments are monthly; assets and liabilities are balances.",
        ),
        QT_TRANSLATE_NOOP(
            "finance_template",
            "Amounts in the currency of the debtor's finances, without symbols. Leave blank "
            "what you do not know: a blank is not read as zero.",
        ),
        QT_TRANSLATE_NOOP(
            "finance_template",
            "Negative numbers are allowed (a business at a loss). Enter expenses and debt "
            "payments as positive amounts.",
        ),
        QT_TRANSLATE_NOOP(
            "finance_template",
            "Do not delete rows nor edit the hidden column B: it identifies each row.",
        ),
    )
    concept: str = QT_TRANSLATE_NOOP("finance_template", "Concept")
    period_header: str = QT_TRANSLATE_NOOP("finance_template", "Period {number}")
    period_label: str = QT_TRANSLATE_NOOP("finance_template", "Period label")
    period_end: str = QT_TRANSLATE_NOOP("finance_template", "Period end")
    months: str = QT_TRANSLATE_NOOP("finance_template", "Months")
    amount_error: str = QT_TRANSLATE_NOOP(
        "finance_template", "Enter an amount such as 1250.50 (negative for a loss)."
    )
    date_error: str = QT_TRANSLATE_NOOP(
        "finance_template", "Enter the closing date of the period: from 1990 to a year from today."
    )
    months_error: str = QT_TRANSLATE_NOOP(
        "finance_template", "Enter the length of the period: a whole number of months, 1 to 24."
    )
    label_error: str = QT_TRANSLATE_NOOP(
        "finance_template", "A label of at most 60 characters, such as 2024 or Q1 2025."
    )
    groups: Mapping[str, str] = dc_field(default_factory=lambda: GROUP_LABELS)
    fields: Mapping[str, str] = dc_field(default_factory=lambda: FIELD_LABELS)
    income_sources: Mapping[str, str] = dc_field(default_factory=lambda: INCOME_SOURCES)
    # Excel's format for the dates, not a translation: "dd/mm/yyyy" where users expect it.
    date_format: str = "yyyy-mm-dd"

    def translated(self, translate: Translate) -> TemplateLabels:
        """These labels passed through ``translate(context, text)``: ours in ``CONTEXT``; the
        statement fields, groups and income sources in "ratios"."""
        changes: dict[str, Any] = {}
        for item in dc_fields(self):
            value = getattr(self, item.name)
            if item.name == "date_format":
                continue
            if isinstance(value, str):
                changes[item.name] = translate(CONTEXT, value)
            elif isinstance(value, tuple):
                changes[item.name] = tuple(translate(CONTEXT, line) for line in value)
            else:
                texts = {key: translate("ratios", text) for key, text in value.items()}
                changes[item.name] = MappingProxyType(texts)
        return replace(self, **changes)


class TemplateSaveFailed(EnvironmentProblem):
    """The template could not be written (no permission, disk full, a folder that vanished)."""


def figure_keys(segment: Segment) -> tuple[tuple[str, str], ...]:
    """(group, field) of the segment's figures, in display order."""
    return FIELDS_COMPANY if segment is Segment.COMPANY else FIELDS_INDIVIDUAL


def header_keys(segment: Segment) -> tuple[str, ...]:
    """The keys of the rows that describe a period, above the figures."""
    if segment is Segment.COMPANY:
        return (KEY_LABEL, KEY_END, KEY_MONTHS)
    return (KEY_LABEL, KEY_END)


def _rows(
    segment: Segment, periods: Sequence[TemplateColumn], labels: TemplateLabels
) -> list[tuple[str, str]]:
    """(key, label) of every row under the header, group captions included."""
    rows: list[tuple[str, str]] = [(KEY_LABEL, labels.period_label), (KEY_END, labels.period_end)]
    if segment is Segment.COMPANY:
        rows.append((KEY_MONTHS, labels.months))
    groups: list[tuple[str, list[tuple[str, str]]]] = []
    if segment is Segment.INDIVIDUAL:
        sources = dict(labels.income_sources)
        for period in periods:
            # Sources the suggested list lacks are shown as typed.
            sources.update({s: s for s in period.income if s not in sources})
        income = [(INCOME_PREFIX + s, label) for s, label in sources.items()]
        groups.append(("income", income))
    for group, name in figure_keys(segment):
        if not groups or groups[-1][0] != group:
            groups.append((group, []))
        groups[-1][1].append((name, labels.fields.get(name, name)))
    for group, members in groups:
        rows.append((GROUP_PREFIX + group, labels.groups.get(group, group)))
        rows.extend(members)
    return rows


def _amount(text: str) -> Decimal | str | None:
    """A draft's amount as a number for Excel; text it cannot read stays text (reading the
    template back then points the user to that cell)."""
    text = text.strip()
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        try:
            value = parse_amount(text, allow_zero=True, allow_negative=True)
        except ValidationError:
            return text
    return value if value.is_finite() and abs(value) < MAX_ABS_AMOUNT else text


def _check(segment: Segment, periods: Sequence[TemplateColumn]) -> None:
    if not isinstance(segment, Segment):
        raise TypeError(f"segment must be a Segment, got {type(segment).__name__}")
    if len(periods) > MAX_PERIODS:
        raise ValueError(f"at most {MAX_PERIODS} periods fit the template, got {len(periods)}")
    known = {name for _group, name in figure_keys(segment)}
    for period in periods:
        unknown = set(period.figures) - known
        if unknown:
            raise ValueError(f"not {segment.value} figures: {sorted(unknown)}")
        if segment is Segment.COMPANY and period.income:
            raise ValueError("a company has no income sources")


def write_template(
    path: Path,
    segment: Segment,
    periods: Sequence[TemplateColumn] = (),
    labels: TemplateLabels | None = None,
) -> None:
    """Write the template for ``segment`` to ``path`` (.xlsx), with ``periods`` filled in and
    blank columns after them (``BLANK_PERIODS`` when there are none, one to add a period
    otherwise, ``MAX_PERIODS`` columns at most). The file is written beside ``path`` and
    renamed over it when complete; ``TemplateSaveFailed`` when that fails."""
    path = Path(path)
    periods = list(periods)
    _check(segment, periods)
    book = _build(segment, periods, labels or TemplateLabels())
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as error:
        raise _failed(path, error) from error
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            book.save(handle)
        os.replace(temp, path)
    except OSError as error:
        raise _failed(path, error) from error
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def _failed(path: Path, error: OSError) -> TemplateSaveFailed:
    return TemplateSaveFailed(
        QT_TRANSLATE_NOOP("errors", "The template could not be saved to {path}: {reason}"),
        path=str(path),
        reason=error.strerror or str(error),
    )


_FORMATS = {KEY_LABEL: "@", KEY_MONTHS: "0"}  # and the labels' date format for KEY_END


def _build(segment: Segment, periods: list[TemplateColumn], labels: TemplateLabels) -> Any:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.worksheets[0]
    sheet.title = _sheet_title(labels.sheet_title)
    company = segment is Segment.COMPANY
    instructions = labels.instructions_company if company else labels.instructions_individual
    columns = min(max(len(periods) + 1, BLANK_PERIODS), MAX_PERIODS)
    first = get_column_letter(FIRST_PERIOD_COLUMN)
    last = get_column_letter(FIRST_PERIOD_COLUMN + columns - 1)
    bold, centred = Font(bold=True), Alignment(horizontal="center")

    _text(sheet, 1, 1, labels.title).font = Font(bold=True, size=14)
    for row, line in enumerate(instructions, start=2):
        _text(sheet, row, 1, line).font = Font(italic=True, color="555555")
    header = len(instructions) + 3  # a blank row between the instructions and the table
    captions = [labels.concept, KEY_MARKER]
    captions += [labels.period_header.format(number=n) for n in range(1, columns + 1)]
    for column, caption in enumerate(captions, start=1):
        cell = _text(sheet, header, column, caption)
        cell.font, cell.fill = bold, PatternFill("solid", fgColor="DDE4EE")
        cell.alignment = Alignment(horizontal="left") if column == 1 else centred

    validations = _validations(labels)
    for validation in validations.values():
        sheet.add_data_validation(validation)
    formats = {**_FORMATS, KEY_END: labels.date_format}
    for row, (key, label) in enumerate(_rows(segment, periods, labels), start=header + 1):
        concept = _text(sheet, row, 1, label)
        _text(sheet, row, KEY_COLUMN, key)
        heading = key.startswith(GROUP_PREFIX) or key in formats
        concept.font = bold if heading else Font()
        if key.startswith(GROUP_PREFIX):
            continue
        validations[key if key in formats else ""].add(f"{first}{row}:{last}{row}")
        for offset in range(columns):
            value = _value(key, periods[offset]) if offset < len(periods) else None
            column = FIRST_PERIOD_COLUMN + offset
            if isinstance(value, str):
                cell = _text(sheet, row, column, value)
            else:
                cell = sheet.cell(row, column)
                cell.value = value
            cell.number_format = formats.get(key, _AMOUNT_FORMAT)
            if key in formats:
                cell.font, cell.alignment = bold, centred

    sheet.column_dimensions["A"].width = 44
    sheet.column_dimensions[get_column_letter(KEY_COLUMN)].hidden = True
    for offset in range(columns):
        sheet.column_dimensions[get_column_letter(FIRST_PERIOD_COLUMN + offset)].width = 18
    # The concepts and the rows that name the periods stay in view while scrolling.
    sheet.freeze_panes = f"{first}{header + len(header_keys(segment)) + 1}"

    meta = book.create_sheet(META_SHEET)
    meta.sheet_state = "veryHidden"
    facts = [TEMPLATE_ID, TEMPLATE_VERSION, segment.value, sheet.title]
    for row, (fact, value) in enumerate(zip(_META_KEYS, facts, strict=True), start=1):
        meta.cell(row, 1, fact)
        _text(meta, row, 2, value)
    return book


_META_KEYS = ("template", "version", "segment", "sheet")


def _validations(labels: TemplateLabels) -> dict[str, Any]:
    """Excel's checks as the user types, by row key ("" for the amounts). Pasting skips them:
    reading the template back checks everything again."""
    from openpyxl.worksheet.datavalidation import DataValidation

    latest = latest_period_end(date.today())  # noqa: DTZ011 - a calendar date is meant
    checks: dict[str, tuple[Any, str, str, str]] = {
        "": ("decimal", f"-{_AMOUNT_LIMIT}", _AMOUNT_LIMIT, labels.amount_error),
        KEY_END: ("date", str(_serial(MIN_PERIOD_END)), str(_serial(latest)), labels.date_error),
        KEY_MONTHS: ("whole", "1", str(MAX_MONTHS), labels.months_error),
        KEY_LABEL: ("textLength", "0", str(MAX_LABEL), labels.label_error),
    }
    return {
        key: DataValidation(
            type=kind,
            operator="between",
            formula1=low,
            formula2=high,
            allow_blank=True,
            showErrorMessage=True,
            error=message,
            errorStyle="stop",
        )
        for key, (kind, low, high, message) in checks.items()
    }


def _value(key: str, period: TemplateColumn) -> Decimal | date | int | str | None:
    if key == KEY_LABEL:
        return period.label or None
    if key == KEY_END:
        return period.period_end
    if key == KEY_MONTHS:
        return period.months
    if key.startswith(INCOME_PREFIX):
        return _amount(period.income.get(key.removeprefix(INCOME_PREFIX), ""))
    return _amount(period.figures.get(key, ""))


def _text(sheet: Any, row: int, column: int, text: str) -> Any:
    """A text cell: never a formula, whatever it starts with, and without the control
    characters Excel refuses."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    cell = sheet.cell(row, column)
    cell.value = ILLEGAL_CHARACTERS_RE.sub("", text)
    cell.data_type = "s"
    return cell


def _serial(day: date) -> int:
    """Excel's number for ``day`` (1900 date system)."""
    return (day - date(1899, 12, 30)).days


def _sheet_title(title: str) -> str:
    # Excel refuses these characters in sheet names, and more than 31 of any.
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in title).strip()[:31]
    return cleaned if cleaned and cleaned.lower() != META_SHEET else "Sheet"
