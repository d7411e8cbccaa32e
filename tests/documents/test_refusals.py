"""A letter is refused, naming the field, before anything is drawn: missing data, hostile text,
absurd amounts and dates, a finiquito for a debt not paid, figures that do not add up."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tests.documents.pdf_tools import flat, layout_pages, write
from vipdesk.core.errors import ValidationError
from vipdesk.documents.kinds import KINDS
from vipdesk.documents.render import render_letter, required_problems
from vipdesk.documents.samples import sample_letter, sample_letterhead
from vipdesk.documents.snapshot import LetterData, Letterhead, PartyData

Change = Callable[[LetterData], LetterData]


def refused(data: LetterData, head: Letterhead | None = None) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        render_letter(data, head or sample_letterhead())
    return caught.value


def fields(error: ValidationError) -> list[str]:
    return [p.field for p in error.problems]


def with_debtor(data: LetterData, **changes: object) -> LetterData:
    return dataclasses.replace(data, debtor=dataclasses.replace(data.debtor, **changes))


def with_terms(data: LetterData, **changes: object) -> LetterData:
    return dataclasses.replace(data, terms=dataclasses.replace(data.terms, **changes))


@pytest.mark.parametrize("kind", KINDS)
def test_every_sample_is_complete(kind: str) -> None:
    for country in ("GT", "MX"):
        assert required_problems(sample_letter(kind, country), sample_letterhead(country)) == []


MISSING: list[tuple[str, str, Change, str]] = [
    (
        "propuesta",
        "debtor.name",
        lambda d: with_debtor(d, name="  "),
        "The debtor's name is required",
    ),
    (
        "propuesta",
        "bank_account",
        lambda d: dataclasses.replace(d, bank_account=""),
        "The creditor's bank account is required",
    ),
    (
        "propuesta",
        "credit_number",
        lambda d: dataclasses.replace(d, credit_number=""),
        "The credit number is required",
    ),
    (
        "propuesta",
        "breakdown",
        lambda d: dataclasses.replace(d, breakdown=None),
        "The breakdown of the amount owed is required",
    ),
    (
        "propuesta",
        "terms.offer_valid_until",
        lambda d: with_terms(d, offer_valid_until=None),
        "The date the offer is valid until is required",
    ),
    (
        "propuesta",
        "executive_phone",
        lambda d: dataclasses.replace(d, executive_phone=""),
        "The executive's phone is required",
    ),
    (
        "convenio",
        "schedule",
        lambda d: dataclasses.replace(d, schedule=()),
        "The payment schedule is required",
    ),
    (
        "convenio",
        "creditor_signatory",
        lambda d: dataclasses.replace(
            d, parties=tuple(p for p in d.parties if p.role != "creditor")
        ),
        "The person who signs for the creditor is required",
    ),
    (
        "convenio",
        "parties[2].id_document",
        lambda d: dataclasses.replace(
            d, parties=(*d.parties[:2], dataclasses.replace(d.parties[2], id_document=""))
        ),
        "The identity document of Julio César Méndez Arriaga is required",
    ),
    (
        "convenio",
        "jurisdiction",
        lambda d: dataclasses.replace(d, jurisdiction=""),
        "The jurisdiction is required",
    ),
    (
        "convenio",
        "terms.acceleration_days",
        lambda d: with_terms(d, acceleration_days=None),
        "The days late before the whole balance falls due are required",
    ),
    (
        "requerimiento",
        "deadline",
        lambda d: dataclasses.replace(d, deadline=None),
        "The deadline to pay or to call is required",
    ),
    (
        "recordatorio",
        "reminder_due",
        lambda d: dataclasses.replace(d, reminder_due=None),
        "The due date is required",
    ),
    (
        "finiquito",
        "paid_in_full_on",
        lambda d: dataclasses.replace(d, paid_in_full_on=None),
        "The date the debt was paid in full is required",
    ),
    (
        "expediente",
        "recommendation",
        lambda d: dataclasses.replace(d, recommendation=" \n"),
        "The recommendation is required",
    ),
]


@pytest.mark.parametrize(("kind", "field", "change", "message"), MISSING)
def test_a_missing_required_field_is_refused_naming_it(
    kind: str, field: str, change: Change, message: str
) -> None:
    error = refused(change(sample_letter(kind)))
    assert field in fields(error)
    assert message in [p.message for p in error.problems]
    assert message in str(error)


def test_where_to_complain_is_required_in_letters_to_the_debtor_only() -> None:
    head = dataclasses.replace(sample_letterhead(), complaints="")
    assert "letterhead.complaints" in fields(refused(sample_letter("requerimiento"), head))
    render_letter(sample_letter("expediente"), head)  # legal's dossier: no complaints office


def test_a_finiquito_with_a_balance_is_refused() -> None:
    data = sample_letter("finiquito")
    owed = dataclasses.replace(data.obligations[0], balance=Decimal("0.01"))
    error = refused(dataclasses.replace(data, obligations=(owed,)))
    assert fields(error) == ["obligations[0].balance"]
    assert "Q 0.01 is still owed" in str(error)
    breakdown = sample_letter("propuesta").breakdown
    error = refused(dataclasses.replace(data, breakdown=breakdown))
    assert "breakdown.to_pay" in fields(error)


def test_figures_that_do_not_add_up_are_refused() -> None:
    data = sample_letter("convenio")
    b = data.breakdown
    assert b is not None
    error = refused(dataclasses.replace(data, breakdown=dataclasses.replace(b, fees=b.fees + 1)))
    assert fields(error) == ["breakdown.total"]
    pct = dataclasses.replace(b, discount_pct=Decimal("0.2"))
    assert fields(refused(dataclasses.replace(data, breakdown=pct))) == ["breakdown.discount_pct"]
    rows = (*data.schedule[:-1], dataclasses.replace(data.schedule[-1], balance=Decimal("1.00")))
    assert "schedule" in fields(refused(dataclasses.replace(data, schedule=rows)))
    fewer = with_terms(data, installments=24)
    assert fields(refused(fewer)) == ["terms.installments"]


HOSTILE_PRINTS = [
    "Müller & Söhne <GmbH>",
    "<b>negrita</b> & <i>cursiva</i>",
    "AT&T a <b",
    "Ñandú Pérez-O'Connor &amp; Cía.",
    '5 > 3 < 4 "comillas"',
]


@pytest.mark.parametrize("name", HOSTILE_PRINTS)
def test_markup_in_user_text_prints_exactly(name: str, tmp_path: Path) -> None:
    data = with_debtor(sample_letter("propuesta"), name=name)
    data = dataclasses.replace(data, notes=f"Nota: {name}")
    text = flat(
        "\n".join(layout_pages(write(tmp_path, render_letter(data, sample_letterhead()).pdf)))
    )
    assert f"Apreciable {name}:" in text
    assert f"Nota: {name}" in text


def test_markup_in_the_letterhead_prints_exactly(tmp_path: Path) -> None:
    head = dataclasses.replace(sample_letterhead(), trade_name="Cobros <Rápidos> & Cía")
    text = flat(
        "\n".join(
            layout_pages(write(tmp_path, render_letter(sample_letter("recordatorio"), head).pdf))
        )
    )
    assert "Cobros <Rápidos> & Cía" in text


@pytest.mark.parametrize(
    ("change", "field", "chars"),
    [
        (lambda d: with_debtor(d, name="Ana 😀 López"), "debtor.name", "😀"),
        (lambda d: dataclasses.replace(d, notes="Pagará 👍🏽 mañana"), "notes", "👍 🏽"),
        (lambda d: dataclasses.replace(d, bank_account="000\u200b123"), "bank_account", "\u200b"),
        (lambda d: dataclasses.replace(d, executive_name="Ana\x00"), "executive_name", "\x00"),
        (lambda d: dataclasses.replace(d, credit_number="\ue000-1"), "credit_number", "\ue000"),
    ],
)
def test_text_the_font_cannot_print_is_refused_naming_the_field(
    change: Change, field: str, chars: str
) -> None:
    error = refused(change(sample_letter("propuesta")))
    assert fields(error) == [field]
    assert error.problems[0].params["chars"] == chars
    assert "contains characters the letter cannot print: " + chars in str(error)


def test_emoji_in_a_dossier_list_item_names_the_item() -> None:
    data = sample_letter("expediente")
    contact = dataclasses.replace(data.contacts[1], notes="Muy amable 🙂")
    error = refused(dataclasses.replace(data, contacts=(data.contacts[0], contact)))
    assert fields(error) == ["contacts[1].notes"]
    assert error.problems[0].params["label"] == "A contact's notes"


@pytest.mark.parametrize(
    "text", ["שלום עולם", "محمد بن سلمان", "Pago \u202eolleh", "Name \u200f mark"]
)
def test_right_to_left_text_is_refused_naming_the_field(text: str) -> None:
    # Without bidi reordering and Arabic shaping, ReportLab would print Hebrew backwards and
    # Arabic in isolated letters: a name printed wrongly in a legal letter. Refused instead.
    error = refused(with_debtor(sample_letter("requerimiento"), name=text))
    assert fields(error) == ["debtor.name"]
    assert "right-to-left text" in str(error)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: with_debtor(d, name="A" * 10_000), "debtor.name"),
        (lambda d: dataclasses.replace(d, bank_account="1" * 61), "bank_account"),
        (lambda d: dataclasses.replace(d, case_number="VIP\n000157"), "case_number"),
    ],
)
def test_text_too_long_for_its_place_or_broken_over_lines_is_refused(
    change: Change, field: str
) -> None:
    error = refused(change(sample_letter("propuesta")))
    assert fields(error) == [field]


def test_absurd_amounts_and_dates_are_refused_naming_the_field() -> None:
    data = sample_letter("recordatorio")
    cases: list[tuple[LetterData, str, str]] = [
        (
            dataclasses.replace(data, reminder_amount=Decimal("-5.00")),
            "reminder_amount",
            "The amount due cannot be negative",
        ),
        (
            dataclasses.replace(data, reminder_amount=Decimal("1e16")),
            "reminder_amount",
            "The amount due is too large to write in a letter",
        ),
        (
            dataclasses.replace(data, reminder_due=date(2200, 1, 1)),
            "reminder_due",
            "The due date must be between 1900-01-01 and 2199-12-31",
        ),
        (
            dataclasses.replace(data, issued_on=date(1900, 1, 1)),
            "issued_on",
            "The date of issue must be between 2000-01-01 and 2099-12-31",
        ),
        (
            dataclasses.replace(data, currency="EUR"),
            "currency",
            "Unsupported currency EUR; use one of GTQ, MXN, USD",
        ),
        (
            dataclasses.replace(data, kind="carta"),
            "kind",
            "Unknown kind of letter carta; use one of propuesta, convenio, requerimiento, "
            "recordatorio, finiquito, expediente",
        ),
    ]
    for bad, field, message in cases:
        error = refused(bad)
        assert fields(error) == [field]
        assert str(error) == message


def test_dates_that_contradict_the_letter_are_refused() -> None:
    offer = with_terms(sample_letter("propuesta"), offer_valid_until=date(2026, 11, 21))
    assert fields(refused(offer)) == ["terms.offer_valid_until"]
    demand = dataclasses.replace(sample_letter("requerimiento"), deadline=date(2026, 11, 22))
    assert fields(refused(demand)) == ["deadline"]


def test_an_unknown_party_role_is_refused() -> None:
    data = sample_letter("convenio")
    stranger = PartyData("accomplice", "Nadie")
    error = refused(dataclasses.replace(data, parties=(*data.parties, stranger)))
    assert fields(error) == ["parties[3].role"]


def test_a_bad_logo_is_refused_and_a_float_is_a_bug() -> None:
    data = sample_letter("recordatorio")
    for logo in (b"GIF89a....", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40):
        error = refused(data, dataclasses.replace(sample_letterhead(), logo=logo))
        assert fields(error) == ["letterhead.logo"]
    with pytest.raises(TypeError):
        render_letter(dataclasses.replace(data, reminder_amount=12.5), sample_letterhead())  # type: ignore[arg-type]


def test_every_problem_is_reported_at_once() -> None:
    data = dataclasses.replace(
        sample_letter("convenio"), bank_account="", jurisdiction="", executive_email=""
    )
    data = with_debtor(data, name="Ana 😀")
    assert set(fields(refused(data))) >= {
        "bank_account",
        "jurisdiction",
        "executive_email",
        "debtor.name",
    }
