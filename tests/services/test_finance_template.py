"""The financial statements template: written, filled as a user would (with openpyxl), read back;
and every file or cell the reader refuses, with its own message."""

from __future__ import annotations

import re
import time
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl import Workbook, load_workbook

from vipdesk.core.catalog import Segment
from vipdesk.core.errors import ValidationError
from vipdesk.core.ratio_catalog import INCOME_SOURCES
from vipdesk.core.ratio_inputs import FIELDS_COMPANY, FIELDS_INDIVIDUAL
from vipdesk.services.finance_template import (
    META_SHEET,
    TemplateColumn,
    TemplateLabels,
    TemplateSaveFailed,
    write_template,
)
from vipdesk.services.finance_template_read import (
    CELL,
    FILE,
    TemplateProblem,
    cell_ref,
    read_template,
)

TODAY = date(2025, 6, 15)
SHEET = "Financial statements"
CO, IND = Segment.COMPANY, Segment.INDIVIDUAL


def company(label: str, end: date | None, months: int | None, **figures: str) -> TemplateColumn:
    blank = {name: "" for _group, name in FIELDS_COMPANY}
    return TemplateColumn(label, end, months, {**blank, **figures}, {})


def individual(
    label: str, end: date | None, income: dict[str, str], **figures: str
) -> TemplateColumn:
    blank = {name: "" for _group, name in FIELDS_INDIVIDUAL}
    return TemplateColumn(
        label, end, None, {**blank, **figures}, {**dict.fromkeys(INCOME_SOURCES, ""), **income}
    )


COMPANY_DRAFTS = [
    company(
        "2023",
        date(2023, 12, 31),
        12,
        cash="150000.00",
        receivables="-0.01",
        equity="-1250.50",
        revenue="12345678901.23",
        ebitda="0.00",
        net_income="-987654.32",
        scheduled_principal="1.10",
    ),
    company("1S 2024", date(2024, 6, 30), 6, cash="99999999999.99", taxes="0.07"),
    company("", date(2022, 12, 31), None, capex="5.00"),
]
INDIVIDUAL_DRAFTS = [
    individual(
        "Mayo",
        date(2025, 5, 31),
        {"salary": "18500.00", "rent": "-300.00", "bonus": "1000.10"},
        fixed_expenses="7250.35",
        liabilities="420000.00",
    ),
    # Every period has a row for every source in the file, blank when it did not have it.
    individual(
        "=cmd|' /C calc'!A0", date(2025, 4, 30), {"pension": "0.01", "bonus": ""}, cash="12.00"
    ),
]


def written(tmp_path: Path, segment: Segment, drafts: list[TemplateColumn] | None = None) -> Path:
    path = tmp_path / f"{segment.value}.xlsx"
    write_template(path, segment, drafts or [])
    return path


def read(path: Path, segment: Segment) -> list[TemplateColumn]:
    return read_template(path, segment, today=TODAY)


def row_of(sheet: Any, key: str) -> int:
    for (value,) in sheet.iter_rows(min_col=2, max_col=2):
        if value.value == key:
            return int(value.row)
    raise AssertionError(f"no row {key}")


def edit(path: Path, change: Callable[[Any], None]) -> None:
    """Change the template's sheet as a user would in Excel, and save it."""
    book = load_workbook(path)
    change(book.worksheets[0])
    book.save(path)


def put(path: Path, key: str, column: str, value: Any) -> str:
    """Type ``value`` in the row ``key`` of ``column``; the cell's reference."""
    where: list[str] = []

    def change(sheet: Any) -> None:
        row = row_of(sheet, key)
        sheet[f"{column}{row}"] = value
        where.append(cell_ref(sheet.title, row, sheet[f"{column}{row}"].column))

    edit(path, change)
    return where[0]


def one_problem(path: Path, segment: Segment, template: str, cell: str) -> dict[str, Any]:
    with pytest.raises(ValidationError) as caught:
        read(path, segment)
    [problem] = caught.value.problems
    assert (problem.template, problem.field) == (template, cell)
    assert problem.message.startswith(f"Cell {cell}")
    return dict(problem.params)


def refused(path: Path, segment: Segment, template: str) -> TemplateProblem:
    with pytest.raises(TemplateProblem) as caught:
        read(path, segment)
    assert caught.value.template == template
    caught.value.message  # every parameter is there  # noqa: B018
    return caught.value


# Round trips -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("segment", "drafts"),
    [(CO, COMPANY_DRAFTS), (IND, INDIVIDUAL_DRAFTS)],
    ids=["company", "individual"],
)
def test_round_trip_gives_the_same_drafts(
    tmp_path: Path, segment: Segment, drafts: list[TemplateColumn]
) -> None:
    path = written(tmp_path, segment, drafts)
    assert read(path, segment) == drafts


@pytest.mark.parametrize("segment", [CO, IND])
def test_blank_template_reads_as_no_periods(tmp_path: Path, segment: Segment) -> None:
    path = written(tmp_path, segment)
    assert read(path, segment) == []
    sheet = load_workbook(path).worksheets[0]
    header = row_of(sheet, "vipdesk.key")
    periods = [c.value for c in sheet[header][2:]]
    assert periods == ["Period 1", "Period 2", "Period 3", "Period 4"]


def test_layout_of_the_sheet(tmp_path: Path) -> None:
    path = written(tmp_path, CO, COMPANY_DRAFTS[:1])
    book = load_workbook(path)
    sheet = book.worksheets[0]
    assert book.sheetnames == [SHEET, META_SHEET]
    assert book[META_SHEET].sheet_state == "veryHidden"
    assert [[c.value for c in r] for r in book[META_SHEET].iter_rows()] == [
        ["template", "vipdesk.financial_statements"],
        ["version", "1"],
        ["segment", "company"],
        ["sheet", SHEET],
    ]
    assert sheet["A1"].value == SHEET and sheet["A1"].font.bold
    assert sheet.column_dimensions["B"].hidden
    keys = [sheet.cell(r, 2).value for r in range(row_of(sheet, "label"), sheet.max_row + 1)]
    assert keys[:4] == ["label", "period_end", "months", "group:balance_sheet"]
    assert [k for k in keys if not k.startswith("group:")][3:] == [n for _g, n in FIELDS_COMPANY]
    assert sheet.cell(row_of(sheet, "group:cash_flow"), 1).font.bold
    end = sheet.cell(row_of(sheet, "period_end"), 3)
    assert end.value.date() == date(2023, 12, 31) and end.number_format == "yyyy-mm-dd"
    cash = sheet.cell(row_of(sheet, "cash"), 3)
    assert cash.value == 150000 and cash.number_format == "#,##0.00"
    assert sheet.freeze_panes == f"C{row_of(sheet, 'months') + 1}"
    kinds = {v.type: str(v.sqref) for v in sheet.data_validations.dataValidation}
    months = row_of(sheet, "months")
    assert kinds["whole"] == f"C{months}:F{months}"  # one period, 4 columns in all
    assert f"C{row_of(sheet, 'cash')}:F{row_of(sheet, 'cash')}" in kinds["decimal"].split()
    individual_sheet = load_workbook(written(tmp_path, IND)).worksheets[0]
    keys = [c.value for (c,) in individual_sheet.iter_rows(min_col=2, max_col=2)]
    assert "months" not in keys
    assert keys[keys.index("group:income") + 1 :][:5] == [f"income:{s}" for s in INCOME_SOURCES]


def test_template_filled_by_hand_is_read_like_the_entry_form(tmp_path: Path) -> None:
    path = written(tmp_path, CO)

    def fill(sheet: Any) -> None:
        def at(key: str, column: str, value: Any) -> None:
            sheet[f"{column}{row_of(sheet, key)}"] = value

        at("label", "C", 2024)
        at("period_end", "C", date(2024, 12, 31))
        at("months", "C", 12)
        at("cash", "C", 1250)
        at("receivables", "C", 0.1 + 0.2)
        at("inventory", "C", 1234.565)  # binary 1234.56499..., shown and read as 1234.565
        at("equity", "C", "1,250.50")
        at("revenue", "C", " Q 1,000 ")
        at("taxes", "C", -0.004)
        at("interest", "C", "   ")
        # The second period in column E (D left blank), its date typed as text.
        at("label", "E", "Cierre 2023")
        at("period_end", "E", "31/12/2023")
        at("ebitda", "E", -5)
        # A note beside the table, in column A, is not a figure.
        sheet["A80"] = "Fuente: estados auditados"

    edit(path, fill)
    first = company(
        "2024",
        date(2024, 12, 31),
        12,
        cash="1250.00",
        receivables="0.30",
        inventory="1234.57",
        equity="1250.50",
        revenue="1000.00",
        taxes="0.00",
    )
    second = company("Cierre 2023", date(2023, 12, 31), None, ebitda="-5.00")
    assert read(path, CO) == [first, second]


def test_labels_in_spanish_do_not_matter(tmp_path: Path) -> None:
    spanish = {
        "Financial statements": "Estados financieros",
        "Concept": "Concepto",
        "Period {number}": "Período {number}",
        "Period label": "Etiqueta del período",
        "Period end": "Fecha de cierre",
        "Months": "Meses",
        "Cash": "Efectivo",
        "Balance sheet": "Balance general",
    }
    seen: set[str] = set()

    def translate(context: str, text: str) -> str:
        seen.add(context)
        return spanish.get(text, text)

    labels = TemplateLabels(date_format="dd/mm/yyyy").translated(translate)
    assert seen == {"finance_template", "ratios"} and labels.date_format == "dd/mm/yyyy"
    path = tmp_path / "plantilla.xlsx"
    write_template(path, CO, COMPANY_DRAFTS, labels)
    sheet = load_workbook(path).worksheets[0]
    assert sheet.title == "Estados financieros"
    cash = row_of(sheet, "cash")
    assert sheet.cell(cash, 1).value == "Efectivo"
    assert sheet.cell(row_of(sheet, "vipdesk.key"), 3).value == "Período 1"
    assert read(path, CO) == COMPANY_DRAFTS
    # Relabelled by the user, rows moved: the keys still find every figure.
    edit(path, lambda s: (s.move_range(f"A{cash}:F{cash}", rows=40), s.cell(cash + 40, 1, "Caja")))
    assert read(path, CO) == COMPANY_DRAFTS
    cell = put(path, "cash", "D", "abc")
    assert cell == f"'Estados financieros'!D{cash + 40}"
    one_problem(path, CO, CELL["number"], cell)


def _saved_results(path: Path, results: dict[str, str]) -> None:
    """Give the formulas of these cells the result Excel would save with them."""
    with zipfile.ZipFile(path) as package:
        parts = {n: package.read(n) for n in package.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    for coordinate, saved in results.items():
        sheet, count = re.subn(rf'<c r="{coordinate}"[^>]*><f>(.*?)</f><v\s*/>', saved, sheet)
        assert count == 1, sheet
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)


def test_a_formula_with_its_saved_result_counts(tmp_path: Path) -> None:
    path = written(tmp_path, CO)
    put(path, "period_end", "C", date(2024, 12, 31))
    cash = put(path, "cash", "C", "=1000+250").split("!")[1]
    equity = put(path, "equity", "C", '=IF(TRUE,"","")').split("!")[1]
    _saved_results(
        path,
        {
            cash: f'<c r="{cash}"><f>1000+250</f><v>1250</v>',
            equity: f'<c r="{equity}" t="str"><f>IF(TRUE,"","")</f><v></v>',
        },
    )
    [draft] = read(path, CO)
    assert (draft.figures["cash"], draft.figures["equity"]) == ("1250.00", "")


def test_user_renamed_the_sheet_and_added_another(tmp_path: Path) -> None:
    path = written(tmp_path, IND, INDIVIDUAL_DRAFTS)
    book = load_workbook(path)
    book.worksheets[0].title = "Mis datos"
    book.create_sheet("Notas", 0)["A500"] = "apuntes"
    book.save(path)
    assert read(path, IND) == INDIVIDUAL_DRAFTS


def test_writer_keeps_what_it_cannot_read_as_text_for_the_reader_to_point_at(
    tmp_path: Path,
) -> None:
    draft = company("2024", date(2024, 12, 31), 12, cash="12,5", equity="1,250.50")
    path = written(tmp_path, CO, [draft])
    sheet = load_workbook(path).worksheets[0]
    assert sheet.cell(row_of(sheet, "equity"), 3).value == 1250.5
    cell = cell_ref(SHEET, row_of(sheet, "cash"), 3)
    assert one_problem(path, CO, CELL["number"], cell)["text"] == "12,5"


def test_texts_are_never_formulas_nor_control_characters(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    draft = company("\x01Cierre\x1f", date(2024, 12, 31), 12)
    write_template(path, CO, [draft], TemplateLabels(title='=HYPERLINK("http://x","y")'))
    sheet = load_workbook(path).worksheets[0]
    assert (sheet["A1"].value, sheet["A1"].data_type) == ('=HYPERLINK("http://x","y")', "s")
    assert sheet.cell(row_of(sheet, "label"), 3).value == "Cierre"
    assert read(path, CO) == [company("Cierre", date(2024, 12, 31), 12)]


def test_writer_refuses_what_no_template_holds(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not company figures"):
        write_template(tmp_path / "x.xlsx", CO, [company("x", None, None, salary="1")])
    with pytest.raises(ValueError, match="at most 12"):
        write_template(tmp_path / "x.xlsx", CO, [company("x", None, None)] * 13)
    with pytest.raises(TemplateSaveFailed) as caught:
        write_template(tmp_path / "missing" / "x.xlsx", CO)
    assert "could not be saved" in caught.value.message
    assert list(tmp_path.iterdir()) == []


# Cells the reader refuses ------------------------------------------------------------------

END = date(2024, 12, 31)


@pytest.mark.parametrize(
    ("key", "value", "template", "params"),
    [
        ("cash", "abc", "number", {"text": "abc"}),
        ("cash", "1,2,3", "number", {"text": "1,2,3"}),
        ("cash", "'=A1+B1", "number", {"text": "'=A1+B1"}),
        ("cash", True, "number", {"text": "TRUE"}),
        ("cash", "NaN", "number", {"text": "NaN"}),
        ("cash", "=A1+B1", "formula", {}),
        ("months", "=12", "formula", {}),
        ("cash", "#DIV/0!", "error_value", {"error": "#DIV/0!"}),
        ("revenue", 10**15, "too_large", {}),
        ("revenue", -1e16, "too_large", {}),
        ("revenue", "1e15", "too_large", {}),
        ("months", 0, "months", {"text": "0"}),
        ("months", 25, "months", {"text": "25"}),
        ("months", 12.5, "months", {"text": "12.5"}),
        ("months", "doce", "months", {"text": "doce"}),
        ("label", "x" * 61, "label_long", {"maximum": 60}),
        ("group:balance_sheet", 5, "stray", {}),
    ],
)
def test_a_bad_cell_is_named_with_its_own_message(
    tmp_path: Path, key: str, value: Any, template: str, params: dict[str, Any]
) -> None:
    path = written(tmp_path, CO)
    put(path, "period_end", "D", END)
    cell = put(path, key, "D", value)
    found = one_problem(path, CO, CELL[template], cell)
    assert params.items() <= found.items()


@pytest.mark.parametrize(
    ("value", "template", "params"),
    [
        ("31 dic 2024", "date", {"text": "31 dic 2024"}),
        ("31/02/2024", "date", {"text": "31/02/2024"}),
        (True, "date", {"text": "TRUE"}),
        (date(1900, 1, 1), "date_range", {"date": "1900-01-01"}),
        (date(2200, 1, 1), "date_range", {"date": "2200-01-01"}),
        (date(2026, 6, 17), "date_range", {"first": "1990-01-01", "last": "2026-06-16"}),
        ("1989-12-31", "date_range", {"date": "1989-12-31"}),
    ],
)
def test_a_bad_period_end_is_named(
    tmp_path: Path, value: Any, template: str, params: dict[str, Any]
) -> None:
    path = written(tmp_path, CO)
    put(path, "cash", "C", 100)
    cell = put(path, "period_end", "C", value)
    found = one_problem(path, CO, CELL[template], cell)
    assert {k: str(v) for k, v in params.items()}.items() <= {
        k: str(v) for k, v in found.items()
    }.items()


def test_period_end_as_a_number_is_an_excel_date(tmp_path: Path) -> None:
    path = written(tmp_path, CO)

    def serials(sheet: Any) -> None:
        row = row_of(sheet, "period_end")
        sheet.cell(row, 3, 45657).number_format = "General"  # the date format was lost
        sheet.cell(row, 4, 2024).number_format = "General"  # a year typed as a date

    edit(path, serials)
    found = one_problem(path, CO, CELL["date_range"], cell_ref(SHEET, row_of_path(path), 4))
    assert found["date"] == "1905-07-16"


def row_of_path(path: Path) -> int:
    return row_of(load_workbook(path).worksheets[0], "period_end")


def test_a_column_with_figures_needs_its_period_end(tmp_path: Path) -> None:
    path = written(tmp_path, CO)
    put(path, "cash", "E", 10)
    cell = cell_ref(SHEET, row_of_path(path), 5)
    one_problem(path, CO, CELL["no_end"], cell)


def test_two_periods_cannot_end_on_the_same_day(tmp_path: Path) -> None:
    path = written(tmp_path, CO)
    first = put(path, "period_end", "C", END)
    second = put(path, "period_end", "F", END)
    found = one_problem(path, CO, CELL["same_end"], second)
    assert found["other"] == first and found["date"] == "2024-12-31"


def test_figures_in_a_row_the_template_does_not_have_would_be_lost(tmp_path: Path) -> None:
    path = written(tmp_path, CO)
    put(path, "period_end", "C", END)

    def insert(sheet: Any) -> None:
        sheet.insert_rows(row_of(sheet, "cash") + 1)
        sheet.cell(row_of(sheet, "cash") + 1, 1, "Caja chica")
        sheet.cell(row_of(sheet, "cash") + 1, 3, 500)

    edit(path, insert)
    one_problem(path, CO, CELL["stray"], cell_ref(SHEET, row_of_path(path) + 4, 3))


def test_every_bad_cell_is_reported_at_once(tmp_path: Path) -> None:
    path = written(tmp_path, CO)
    put(path, "period_end", "C", "ayer")
    put(path, "cash", "C", "abc")
    put(path, "months", "D", 99)
    with pytest.raises(ValidationError) as caught:
        read(path, CO)
    assert [p.template for p in caught.value.problems] == [
        CELL["date"],
        CELL["number"],
        CELL["no_end"],
        CELL["months"],
    ]


# Files the reader refuses ------------------------------------------------------------------


def test_a_file_over_5_mb_is_refused_before_it_is_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "grande.xlsx"
    with path.open("wb") as handle:
        handle.truncate(6 * 1024 * 1024)
    monkeypatch.setattr(openpyxl, "load_workbook", None)  # would fail if called
    started = time.perf_counter()
    problem = refused(path, CO, FILE["too_big"])
    assert time.perf_counter() - started < 0.2
    assert problem.params["size"] == "6.0"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"Concepto;2024\nEfectivo;1000\n", "not_xlsx"),
        (b"PK\x03\x04 truncated zip", "not_xlsx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500 + "Workbook".encode("utf-16-le"), "xls"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
            + b"\0" * 500
            + "EncryptionInfo\0EncryptedPackage".encode("utf-16-le"),
            "encrypted",
        ),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500, "not_xlsx"),
    ],
    ids=["empty", "text", "broken-zip", "xls", "encrypted", "other-ole"],
)
def test_what_is_not_an_xlsx_is_refused(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "estados.xlsx"
    path.write_bytes(content)
    assert refused(path, CO, FILE[message]).params["name"] == "estados.xlsx"


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    refused(tmp_path / "nope.xlsx", CO, FILE["unreadable"])


def _zip(path: Path, parts: dict[str, bytes | int]) -> None:
    """A zip with those parts; an int is that many zero bytes, written in chunks."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            if isinstance(data, bytes):
                package.writestr(name, data)
                continue
            with package.open(name, "w", force_zip64=True) as member:
                for _ in range(data // 2**20):
                    member.write(bytes(2**20))


def test_a_zip_bomb_is_refused_without_inflating_it(tmp_path: Path) -> None:
    path = tmp_path / "bomba.xlsx"
    _zip(path, {"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<x/>", "xl/s.xml": 60 << 20})
    assert path.stat().st_size < 1 << 20
    started = time.perf_counter()
    refused(path, CO, FILE["too_much"])
    assert time.perf_counter() - started < 0.2


def test_a_zip_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "doc.xlsx"
    _zip(path, {"[Content_Types].xml": b"<x/>", "word/document.xml": b"<x/>"})
    refused(path, CO, FILE["not_xlsx"])
    _zip(path, {"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<not xml"})
    refused(path, CO, FILE["not_xlsx"])


def test_another_workbook_is_not_a_template(tmp_path: Path) -> None:
    path = tmp_path / "otro.xlsx"
    book = Workbook()
    sheet = book.worksheets[0]
    sheet.append(["Concepto", "2024"])
    sheet.append(["Efectivo", 1000])
    book.save(path)
    refused(path, CO, FILE["not_template"])


def test_a_template_without_its_key_column_is_refused(tmp_path: Path) -> None:
    path = written(tmp_path, CO, COMPANY_DRAFTS)
    edit(path, lambda sheet: sheet.delete_cols(2))
    refused(path, CO, FILE["no_keys"])


@pytest.mark.parametrize(
    ("made_for", "debtor", "message"),
    [(CO, IND, "for_company"), (IND, CO, "for_individual")],
)
def test_a_template_of_the_other_segment_is_refused(
    tmp_path: Path, made_for: Segment, debtor: Segment, message: str
) -> None:
    refused(written(tmp_path, made_for), debtor, FILE[message])


@pytest.mark.parametrize(
    ("row", "value", "message"),
    [
        (2, None, "no_version"),
        (2, "2", "bad_version"),
        (3, "empresa", "no_segment"),
        (1, "something.else", "not_template"),
    ],
)
def test_the_template_facts_are_checked(
    tmp_path: Path, row: int, value: str | None, message: str
) -> None:
    path = written(tmp_path, CO)
    book = load_workbook(path)
    book[META_SHEET].cell(row, 2).value = value
    book.save(path)
    refused(path, CO, FILE[message])


def test_a_duplicated_or_unknown_row_is_refused(tmp_path: Path) -> None:
    path = written(tmp_path, CO)
    edit(path, lambda sheet: sheet.cell(row_of(sheet, "equity"), 2, "cash"))
    problem = refused(path, CO, FILE["duplicate_row"])
    assert problem.params["label"] == "Equity"
    path = written(tmp_path, CO)
    edit(path, lambda sheet: sheet.cell(row_of(sheet, "equity"), 2, "group:cash_flow"))
    problem = refused(path, CO, FILE["duplicate_row"])
    assert 0 < problem.params["first"] < problem.params["second"]  # rows as the user sees them
    path = written(tmp_path, CO)
    edit(path, lambda sheet: sheet.cell(row_of(sheet, "equity"), 2, "salary"))
    assert refused(path, CO, FILE["unknown_row"]).params["label"] == "Equity"
    path = written(tmp_path, CO)
    edit(path, lambda sheet: sheet.delete_rows(row_of(sheet, "period_end")))
    refused(path, CO, FILE["no_end_row"])


@pytest.mark.parametrize(
    ("cell", "message", "reference"),
    [("A201", "rows", f"'{SHEET}'!A201"), ("BI5", "columns", f"'{SHEET}'!BI5")],
)
def test_a_value_outside_the_template_is_refused(
    tmp_path: Path, cell: str, message: str, reference: str
) -> None:
    path = written(tmp_path, CO)
    edit(path, lambda sheet: sheet.__setitem__(cell, "x"))
    assert refused(path, CO, FILE[message]).params["cell"] == reference


def test_a_huge_formatted_sheet_is_not_read_to_its_end(tmp_path: Path) -> None:
    path = written(tmp_path, CO)
    edit(path, lambda sheet: setattr(sheet["A3000"], "number_format", "0.00"))
    refused(path, CO, FILE["too_much"])


def test_more_than_12_periods_are_refused(tmp_path: Path) -> None:
    path = written(tmp_path, CO)

    def thirteen(sheet: Any) -> None:
        for column in range(3, 16):
            sheet.cell(row_of(sheet, "period_end"), column, date(2010 + column, 12, 31))

    edit(path, thirteen)
    problem = refused(path, CO, FILE["too_many_periods"])
    assert (problem.params["count"], problem.params["maximum"]) == (13, 12)
