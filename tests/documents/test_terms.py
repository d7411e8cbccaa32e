"""How the payment terms read: counts agree with their nouns, and one payment reads as one
(a lump sum printed "una (1) cuotas mensuales", with a first and a last instalment on the same
day and a 0.00 % rate on a balance that never runs)."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from tests.documents.pdf_tools import flat, layout_pages, write
from vipdesk.core.schedule import build_schedule
from vipdesk.documents.render import render_letter
from vipdesk.documents.samples import sample_letter, sample_letterhead
from vipdesk.documents.snapshot import LetterData, PaymentTerms, ScheduleLine

FIRST = date(2027, 1, 15)
PLAN_KINDS = ("propuesta", "convenio", "expediente")


def planned(
    kind: str, installments: int, down: str = "0.00", rate: str = "0", **terms: object
) -> LetterData:
    """The sample ``kind`` letter paying its amount in ``installments`` after ``down``."""
    data = sample_letter(kind)
    assert data.breakdown is not None
    down_payment = Decimal(down)
    rows = build_schedule(
        data.breakdown.to_pay, Decimal(rate), installments, FIRST, "monthly", "french",
        down_payment, down_payment_date=FIRST - timedelta(days=31),
    )  # fmt: skip
    schedule = tuple(
        ScheduleLine(r.number, r.due_date, r.payment, r.principal, r.interest, r.balance)
        for r in rows
    )
    plan = PaymentTerms(
        down_payment=down_payment or None,
        down_payment_date=FIRST - timedelta(days=31) if down_payment else None,
        installments=installments, frequency="monthly", annual_rate=Decimal(rate),
        first_due=FIRST, grace_days=5, late_rate=Decimal("0.24"), acceleration_days=30,
        offer_valid_until=date(2026, 12, 7),
    )  # fmt: skip
    return dataclasses.replace(data, terms=dataclasses.replace(plan, **terms), schedule=schedule)


def text_of(data: LetterData, tmp_path: Path) -> str:
    letter = render_letter(data, sample_letterhead())
    return flat("\n".join(layout_pages(write(tmp_path, letter.pdf, f"{data.kind}.pdf"))))


@pytest.mark.parametrize("kind", PLAN_KINDS)
def test_a_lump_sum_reads_as_one_payment(kind: str, tmp_path: Path) -> None:
    text = text_of(planned(kind, 1), tmp_path)
    assert "Forma de pago un (1) pago único el 15 de enero de 2027" in text
    assert "cuotas mensuales" not in text and "una (1) cuotas" not in text
    # No first and last instalment on the same day, no rate on a balance that never runs.
    assert "Primera cuota" not in text and "Última cuota" not in text
    assert "Tasa de interés anual" not in text and "0.00 % sobre saldos insolutos" not in text
    assert "Interés moratorio 24.00 % anual sobre pagos vencidos" in text
    assert "tras treinta (30) días de atraso en el pago" in text
    assert "Días de gracia por pago cinco (5) días" in text


@pytest.mark.parametrize("kind", PLAN_KINDS)
def test_an_enganche_and_one_instalment(kind: str, tmp_path: Path) -> None:
    text = text_of(planned(kind, 1, down="150000.00"), tmp_path)
    assert "Enganche Q 150,000.00 el 15 de diciembre de 2026" in text
    assert "Forma de pago una (1) cuota el 15 de enero de 2027" in text
    assert "una (1) cuotas" not in text and "pago único" not in text
    assert "en cualquier pago" in text


@pytest.mark.parametrize("kind", PLAN_KINDS)
def test_twelve_instalments_are_counted_in_the_plural(kind: str, tmp_path: Path) -> None:
    text = text_of(planned(kind, 12, rate="0.12"), tmp_path)
    assert "Forma de pago doce (12) cuotas mensuales" in text
    assert "Primera cuota 15 de enero de 2027" in text
    assert "Última cuota 15 de diciembre de 2027" in text
    assert "Tasa de interés anual 12.00 % sobre saldos insolutos" in text
    assert "Interés moratorio 24.00 % anual sobre cuotas vencidas" in text
    assert "en cualquier cuota" in text


def test_instalments_that_vary_are_not_given_one_amount(tmp_path: Path) -> None:
    data = planned("convenio", 12, rate="0.12")
    # Each instalment a little smaller than the one before (as with constant principal): the
    # interest carries the difference, so the rows still add up.
    varying = tuple(
        dataclasses.replace(
            r, payment=r.payment + (12 - r.number), interest=r.interest + 12 - r.number
        )
        for r in data.schedule
    )
    text = text_of(dataclasses.replace(data, schedule=varying), tmp_path)
    low = min(r.payment for r in varying if r.number)
    high = max(r.payment for r in varying if r.number)
    assert f"Cuotas variables, de Q {low:,.2f} a Q {high:,.2f}, según el calendario" in text
    assert "Cuota Q" not in text


def test_an_interest_free_plan_says_so(tmp_path: Path) -> None:
    text = text_of(planned("convenio", 6), tmp_path)
    assert "Forma de pago seis (6) cuotas mensuales" in text
    assert "Tasa de interés anual sin intereses" in text


def test_the_agreements_clauses_read_for_one_payment_and_one_day(tmp_path: Path) -> None:
    data = planned("convenio", 1, grace_days=1, acceleration_days=1)
    text = text_of(data, tmp_path)
    assert "Días de gracia por pago un (1) día" in text
    assert "dentro de un plazo de gracia de un (1) día a partir de su fecha de vencimiento" in text
    assert "un atraso de más de un (1) día natural en cualquier pago pactado" in text
    assert "cuota vencida" not in text and "cualquiera de las cuotas" not in text
    assert "comparece(n)" not in text and "fiador(es)" not in text


def test_the_account_line_does_not_repeat_the_bank(tmp_path: Path) -> None:
    data = sample_letter("convenio")
    account = f"{data.bank_name} cuenta monetaria 03-099-1"
    text = text_of(dataclasses.replace(data, bank_account=account), tmp_path)
    assert f"Banco {data.bank_name} Cuenta No. Cuenta monetaria 03-099-1" in text
    assert account not in text


def test_a_lead_in_ending_in_a_colon_never_ends_a_page(tmp_path: Path) -> None:
    # "… en las condiciones siguientes:" once ended a page, its table on the next one. Notes
    # of growing length move every later line down the pages.
    base = planned("propuesta", 12, rate="0.12")
    assert base.breakdown is not None
    for words in range(0, 400, 16):
        note = " ".join(["Intereses del periodo"] * words)[:600]
        data = dataclasses.replace(
            base, breakdown=dataclasses.replace(base.breakdown, interest_note=note)
        )
        letter = render_letter(data, sample_letterhead())
        for page in layout_pages(write(tmp_path, letter.pdf))[:-1]:
            lines = [x.strip() for x in page.splitlines() if x.strip()]
            assert lines[-1].startswith("Caso ")  # the footer
            assert not lines[-2].endswith(":"), (words, lines[-3:])


def test_spanish_contracts_a_el_and_de_el(tmp_path: Path) -> None:
    data = sample_letter("recordatorio")
    text = text_of(
        dataclasses.replace(data, reminder_for="el enganche del convenio CV-1"), tmp_path
    )
    assert "Este pago corresponde al enganche del convenio CV-1." in text
    assert "a el" not in text
    text = text_of(dataclasses.replace(data, reminder_for="El Salvador, sucursal"), tmp_path)
    assert "Este pago corresponde a El Salvador, sucursal." in text
