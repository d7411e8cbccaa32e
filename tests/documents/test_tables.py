"""Every table fits the page and nothing in it overlaps, however long the amounts: the
expediente's totals once ran over each other and its "Generado" column over the SHA-256.

Each table the blocks build is checked cell by cell (what a cell holds fits its column at the
size it is set in), then the PDF is read back with ``pdftotext -layout``: amounts, dates and
hashes come out as separate tokens.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

from tests.documents.pdf_tools import layout_pages, write
from vipdesk.core.money import Money, format_money
from vipdesk.documents.blocks import BUILDERS, Context
from vipdesk.documents.render import render_letter
from vipdesk.documents.samples import sample_letter, sample_letterhead
from vipdesk.documents.snapshot import (
    AmountBreakdown,
    LetterData,
    ScheduleLine,
    SentDocumentLine,
)
from vipdesk.documents.styles import FRAME_WIDTH
from vipdesk.documents.templates import Block, Condition, Element, load_template

LONG = Decimal("999999999.99")
HUGE = Decimal("99999999999999.99")  # below the limit amounts in words allow
SHA = "0123456789abcdef" * 4


def q(amount: Decimal) -> str:
    return format_money(Money(amount, "GTQ"))


def large(kind: str, amount: Decimal) -> LetterData:
    """The sample ``kind`` letter, three times its obligations, with every amount ``amount``
    (and sums of them): consistent, so that it renders."""
    data = sample_letter(kind)
    long_product = "Arrendamiento financiero de maquinaria agrícola"
    if kind == "finiquito":  # paid: its amounts are nought, its texts can still be long
        paid = tuple(dataclasses.replace(o, product=long_product) for o in data.obligations * 3)
        return dataclasses.replace(data, obligations=paid)
    obligations = tuple(
        dataclasses.replace(
            o, principal=amount, interest=amount, default_interest=amount, fees=amount,
            balance=amount * 4, product=long_product,
        )
        for o in data.obligations * 3
    )  # fmt: skip
    promises = tuple(dataclasses.replace(p, amount=amount, paid=amount) for p in data.promises)
    total = amount * 4
    breakdown = AmountBreakdown(amount, amount, amount, amount, total, Decimal("0.00"),
                                Decimal("0"), total)  # fmt: skip
    moment = datetime(2026, 12, 31, 23, 59, tzinfo=UTC)
    sent = SentDocumentLine("convenio", "CON-VIP-000127-1", moment, SHA)
    return dataclasses.replace(
        data, obligations=obligations, promises=promises, breakdown=breakdown, schedule=(),
        terms=dataclasses.replace(data.terms, installments=None, down_payment=None),
        documents_sent=(*data.documents_sent, sent), exposure=total * 3,
    )  # fmt: skip


def tables(data: LetterData) -> list[Table]:
    """The tables of every block the letter's template prints, with a schedule of 36 rows of
    the largest amounts (the blocks are built, not rendered: the rows need not add up)."""
    biggest = max(data.obligations[0].balance, Decimal("1"))
    rows = tuple(
        ScheduleLine(n, date(2027, 1, 15), biggest, biggest, biggest, biggest) for n in range(37)
    )
    ctx = Context(dataclasses.replace(data, schedule=rows), sample_letterhead())
    found: list[Table] = []

    def collect(flowable: Flowable) -> None:
        if isinstance(flowable, KeepTogether):
            for inner in flowable._content:
                collect(inner)
        elif isinstance(flowable, Table):
            found.append(flowable)

    for name in sorted(_blocks(load_template(data.kind).body)):
        for flowable in BUILDERS[name](ctx):
            collect(flowable)
    return found


def _blocks(elements: tuple[Element, ...]) -> set[str]:
    out: set[str] = set()
    for element in elements:
        if isinstance(element, Condition):
            out |= _blocks(element.then) | _blocks(element.otherwise)
        elif isinstance(element, Block):
            out.add(element.name)
    return out


def overflows(table: Table, *, words_may_break: bool = False) -> list[str]:
    """What does not fit its column: a string wider than the column less its padding (it
    would print over the next one), or a paragraph whose longest word is (it would break
    inside the word, unless ``words_may_break``)."""
    widths = table._colWidths
    problems = []
    for r, row in enumerate(table._cellvalues):
        for c, cell in enumerate(row):
            style = table._cellStyles[r][c]
            room = widths[c] - style.leftPadding - style.rightPadding
            if isinstance(cell, str):
                lines = cell.split("\n")
                need = max(stringWidth(x, style.fontname, style.fontsize) for x in lines)
            elif isinstance(cell, Paragraph) and not words_may_break:
                need = cell.minWidth()
            else:
                continue
            if need > room + 0.01:
                problems.append(f"row {r} column {c}: {cell!r} needs {need:.1f}, has {room:.1f}")
    return problems


@pytest.mark.parametrize("kind", ["expediente", "convenio", "propuesta", "finiquito"])
def test_every_table_fits_the_page_and_each_cell_its_column(kind: str) -> None:
    found = tables(large(kind, LONG))
    assert found
    for table in found:
        assert sum(table._colWidths) <= FRAME_WIDTH + 0.01
        assert overflows(table) == []


@pytest.mark.parametrize("kind", ["expediente", "convenio", "propuesta"])
def test_absurd_amounts_break_their_figures_rather_than_overlap(kind: str) -> None:
    # Hundreds of billions in every cell: nothing fits whole, even in 5 pt; every amount is
    # then a paragraph that breaks, none a string that runs into the next column.
    for table in tables(large(kind, HUGE)):
        assert sum(table._colWidths) <= FRAME_WIDTH + 0.01
        assert overflows(table, words_may_break=True) == []


def test_the_obligations_totals_and_the_hashes_read_back_as_separate_tokens(
    tmp_path: Path,
) -> None:
    data = large("expediente", LONG)
    letter = render_letter(data, sample_letterhead())
    pages = layout_pages(write(tmp_path, letter.pdf))
    lines = [line for page in pages for line in page.splitlines()]
    # Three obligations of Q 999,999,999.99 in each column: the total row, each amount apart.
    three, twelve = q(LONG * 3), q(LONG * 12)
    total = re.compile(
        rf"Total\s+{re.escape(three)}(\s+{re.escape(three)}){{3}}\s+{re.escape(twelve)}"
    )
    assert any(total.search(line) for line in lines), "\n".join(lines)
    row = re.compile(rf"({re.escape(q(LONG))}\s+){{4}}{re.escape(q(LONG * 4))}\s+214\b")
    assert sum(1 for line in lines if row.search(line)) == 3
    # The document sent: its date and its SHA-256 (on two lines of 32) are tokens of their own.
    at = next(
        i for i, line in enumerate(lines) if "CON-VIP-000127-1" in line and "31/12/2026" in line
    )
    first, second = lines[at].split(), lines[at + 1].split()
    assert "31/12/2026" in first and SHA[:32] in first
    assert "23:59" in second and SHA[32:] in second
