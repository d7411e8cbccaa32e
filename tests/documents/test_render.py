"""Every kind of letter rendered and read back with poppler, qpdf and pypdf."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.documents.pdf_tools import (
    flat,
    fonts,
    layout_pages,
    page_count,
    pypdf_pages,
    qpdf_check,
    write,
)
from vipdesk.core.money import Money, amount_in_words, format_money
from vipdesk.documents.kinds import KINDS
from vipdesk.documents.render import RenderedLetter, render_letter
from vipdesk.documents.samples import sample_letter, sample_letterhead
from vipdesk.documents.snapshot import LetterData

COUNTRIES = ("GT", "MX")


def render(data: LetterData, country: str = "GT", **head: object) -> RenderedLetter:
    return render_letter(data, dataclasses.replace(sample_letterhead(country), **head))


@pytest.mark.parametrize("country", COUNTRIES)
@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_renders_a_valid_pdf_that_reads_back(
    kind: str, country: str, tmp_path: Path
) -> None:
    data = sample_letter(kind, country)
    letter = render(data, country)
    path = write(tmp_path, letter.pdf)

    assert letter.sha256 == hashlib.sha256(letter.pdf).hexdigest()
    assert (letter.template, letter.template_version) == (kind, "1")
    assert page_count(letter.pdf) == letter.pages
    check = qpdf_check(path)
    assert check.returncode == 0, check.stdout + check.stderr
    listed = fonts(path)
    assert listed and all(emb == "yes" for _name, emb in listed), listed
    assert not any("Helvetica" in name for name, _emb in listed)

    pages = layout_pages(path)
    assert len(pages) == letter.pages
    for number, page in enumerate(pages, start=1):
        assert f"Página {number} de {letter.pages}" in page
        assert data.case_number in page  # the footer's reference
    text = flat("\n".join(pages))
    assert data.debtor.name in text
    assert data.number in text
    assert "Recuperaciones" in text or "Cobranza Patrimonial" in text  # the letterhead
    assert flat("\n".join(pypdf_pages(letter.pdf))).count(data.debtor.name) >= 1


@pytest.mark.parametrize("country", COUNTRIES)
def test_a_proposal_states_amounts_in_figures_and_words_and_the_condusef_items(
    country: str, tmp_path: Path
) -> None:
    data = sample_letter("propuesta", country)
    b = data.breakdown
    assert b is not None
    text = flat("\n".join(layout_pages(write(tmp_path, render(data, country).pdf))))
    suffix = " M.N." if country == "MX" else ""
    for amount in (b.total, b.discount, b.to_pay):
        figures = format_money(Money(amount, data.currency))
        words = amount_in_words(amount, data.currency)
        assert f"{figures}{suffix} ({words})" in text
    # Each component of the debt, in figures, with how it was computed.
    for amount in (b.principal, b.interest, b.default_interest, b.fees):
        assert format_money(Money(amount, data.currency)) in text
    assert "Tasa anual de 24.00 % sobre el capital vencido" in text
    assert f"{b.discount_pct * 100:.2f} %" in text
    # The creditor's own account and the credit number; who collects and where to complain.
    assert data.bank_account in text
    assert f"Crédito No. {data.credit_number}" in text
    assert data.executive_name in text and data.executive_phone in text
    assert ("CONDUSEF" if country == "MX" else "DIACO") in text
    assert "vinculante únicamente a partir de que ambas partes firmen el convenio" in text
    assert "válida hasta el 7 de diciembre de 2026" in text


def test_the_mexican_amounts_follow_the_mexican_form(tmp_path: Path) -> None:
    data = sample_letter("propuesta", "MX")
    text = flat("\n".join(layout_pages(write(tmp_path, render(data, "MX").pdf))))
    assert (
        "$ 5,306,500.75 M.N. (CINCO MILLONES TRESCIENTOS SEIS MIL QUINIENTOS PESOS 75/100 M.N.)"
        in text
    )


def test_an_agreement_dates_its_body_in_words_and_has_every_clause(tmp_path: Path) -> None:
    data = sample_letter("convenio")
    text = flat("\n".join(layout_pages(write(tmp_path, render(data).pdf))))
    assert "En Ciudad de Guatemala, a los veintidós días del mes de noviembre de dos mil" in text
    for clause in (
        "Reconocimiento de adeudo",
        "Descuento y su condición",
        "Forma y plazo de pago",
        "Lugar de pago",
        "Intereses sobre pagos vencidos",
        "Vencimiento anticipado",
        "Finiquito",
        "Domicilio y jurisdicción",
    ):
        assert clause in text
    assert "noventa (90) días naturales" in text
    assert "los tribunales del ramo civil del departamento de Guatemala" in text
    # Signature blocks: each signer's name, identity document and a date line.
    for party in data.parties:
        assert party.name in text
    assert text.count("Fecha: ____") == 3
    assert "Agroexportadora Los Volcanes, S.A." in text


def test_a_partial_agreement_says_so() -> None:
    data = sample_letter("convenio")
    partial = dataclasses.replace(
        data, terms=dataclasses.replace(data.terms, full_settlement=False)
    )
    text = flat("\n".join(pypdf_pages(render(partial).pdf)))
    assert "Pago parcial" in text
    assert "finiquito más amplio" not in text


def test_a_36_instalment_schedule_spans_pages_with_every_row_and_a_repeated_header(
    tmp_path: Path,
) -> None:
    data = sample_letter("convenio", installments=36)
    letter = render(data)
    pages = layout_pages(write(tmp_path, letter.pdf))
    text = "\n".join(pages)
    row_pages = set()
    for row in data.schedule:
        number = "Enganche" if row.number == 0 else str(row.number)
        day = f"{row.due_date.day:02d}/{row.due_date.month:02d}/{row.due_date.year}"
        amounts = [
            format_money(Money(getattr(row, n), "GTQ"))
            for n in ("payment", "principal", "interest", "balance")
        ]
        pattern = r"\s+".join(re.escape(x) for x in [number, day, *amounts])
        matches = [i for i, page in enumerate(pages) if re.search(rf"(?m)^\s*{pattern}\s*$", page)]
        assert matches, f"row {row.number} not found"
        row_pages.add(matches[0])
    assert len(row_pages) >= 2  # the table splits across pages...
    for index in row_pages:  # ...and each part has its header row
        assert re.search(
            r"No\.\s+Fecha de pago\s+Cuota\s+Capital\s+Intereses\s+Saldo", pages[index]
        )
    total = format_money(Money(sum(r.principal for r in data.schedule), "GTQ"))
    assert total in text


def test_the_same_data_renders_the_same_bytes() -> None:
    data = sample_letter("convenio")
    first, second = render(data), render(data)
    assert first.pdf == second.pdf
    assert first.sha256 == second.sha256
    other = render(dataclasses.replace(data, number="CNV-2026-000148"))
    assert other.sha256 != first.sha256


def test_the_file_is_dated_by_the_date_of_issue_and_described() -> None:
    data = dataclasses.replace(sample_letter("propuesta"), issued_on=date(2026, 11, 24))
    info = PdfReader(BytesIO(render(data).pdf)).metadata
    assert info is not None
    assert info["/CreationDate"].startswith("D:20261124")
    assert info["/Title"] == "Propuesta de arreglo de pago PRO-2026-000147"
    assert info["/Author"] == "Recuperaciones Patrimoniales"


def test_the_logo_is_drawn_on_every_page_and_optional() -> None:
    data = sample_letter("convenio")
    with_logo = PdfReader(BytesIO(render(data).pdf))
    assert len(with_logo.pages) > 1
    for page in with_logo.pages:
        assert page.images, "no logo on a page"
    without = PdfReader(BytesIO(render(data, logo=None).pdf))
    assert all(not page.images for page in without.pages)


LONG_NOTE = ("Nota de seguimiento con acuerdos y compromisos del deudor. " * 200)[:9_990] + (
    " FIN-DE-NOTA"
)


# An agreement prints no free notes: what it says is its clauses.
@pytest.mark.parametrize("kind", [k for k in KINDS if k != "convenio"])
def test_long_notes_wrap_across_pages(kind: str, tmp_path: Path) -> None:
    assert len(LONG_NOTE) >= 10_000
    data = sample_letter(kind)
    letter = render(dataclasses.replace(data, notes=LONG_NOTE))
    assert letter.pages >= render(data).pages + 2
    text = flat("\n".join(layout_pages(write(tmp_path, letter.pdf))))
    assert "FIN-DE-NOTA" in text
    assert text.count("Nota de seguimiento con acuerdos") >= 150


def test_long_text_in_the_dossier_tables_splits_inside_its_row(tmp_path: Path) -> None:
    data = sample_letter("expediente")
    contact = dataclasses.replace(data.contacts[0], notes=LONG_NOTE)
    approval = dataclasses.replace(data.approvals[0], comment=LONG_NOTE.replace("FIN", "FIN2"))
    letter = render(dataclasses.replace(data, contacts=(contact,), approvals=(approval,)))
    text = flat("\n".join(layout_pages(write(tmp_path, letter.pdf))))
    assert "FIN-DE-NOTA" in text and "FIN2-DE-NOTA" in text
    assert letter.pages >= 6


def test_amounts_that_are_zero_or_large_still_print_in_words(tmp_path: Path) -> None:
    data = sample_letter("recordatorio")
    for amount, words in (
        (Decimal("0.50"), "CERO QUETZALES CON 50/100"),
        (
            Decimal("999999999999.99"),
            "NOVECIENTOS NOVENTA Y NUEVE MIL NOVECIENTOS NOVENTA Y NUEVE MILLONES "
            "NOVECIENTOS NOVENTA Y NUEVE MIL NOVECIENTOS NOVENTA Y NUEVE QUETZALES CON 99/100",
        ),
    ):
        letter = render(dataclasses.replace(data, reminder_amount=amount))
        text = flat("\n".join(layout_pages(write(tmp_path, letter.pdf))))
        assert f"({words})" in text


def test_letters_rendered_at_once_on_several_threads_are_the_same_bytes() -> None:
    # The GUI renders off its own thread, and a batch may use several.
    head = sample_letterhead()
    expected = {kind: render_letter(sample_letter(kind), head).sha256 for kind in KINDS}
    jobs = [kind for kind in KINDS for _ in range(3)]
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda k: (k, render_letter(sample_letter(k), head).sha256), jobs))
    assert all(expected[kind] == sha for kind, sha in got)


def test_an_address_kept_on_several_lines_prints_as_an_address(tmp_path: Path) -> None:
    data = sample_letter("convenio")
    address = "5a. avenida 15-45, zona 10\r\nEdificio Centro Empresarial,\nCiudad de Guatemala"
    data = dataclasses.replace(data, debtor=dataclasses.replace(data.debtor, address=address))
    text = flat("\n".join(layout_pages(write(tmp_path, render(data).pdf))))
    assert (
        "con domicilio en 5a. avenida 15-45, zona 10, Edificio Centro Empresarial, Ciudad de "
        "Guatemala" in text
    )
    requerimiento = dataclasses.replace(sample_letter("requerimiento"), debtor=data.debtor)
    pages = layout_pages(write(tmp_path, render(requerimiento).pdf, "req.pdf"))
    lines = [line.strip() for line in pages[0].splitlines()]
    assert lines.index("Edificio Centro Empresarial,") == lines.index("Ciudad de Guatemala") - 1


def test_the_dossier_words_an_agreements_status_as_masculine(tmp_path: Path) -> None:
    # "broken" is "Incumplida" for a promise (la promesa), "Incumplido" for el convenio.
    data = dataclasses.replace(sample_letter("expediente"), agreement_status="broken")
    text = flat("\n".join(layout_pages(write(tmp_path, render(data).pdf))))
    assert "Convenio No. CNV-2026-0031, en estado Incumplido" in text
