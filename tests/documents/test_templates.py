"""Templates: the shipped ones load, an admin's edit prints, a bad edit is refused naming its
line before it is saved."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tests.documents.pdf_tools import flat, layout_pages, write
from vipdesk.core.errors import ValidationError
from vipdesk.documents.kinds import KINDS
from vipdesk.documents.placeholders import CONDITIONS, PLACEHOLDERS
from vipdesk.documents.render import render_letter
from vipdesk.documents.samples import sample_letter, sample_letterhead
from vipdesk.documents.templates import (
    BLOCKS,
    REQUIRED_BLOCKS,
    Block,
    Text,
    load_template,
    template_text,
)

REMINDER = """version: 7
title: Aviso de pago

[[addressee]]

Apreciable {debtor_name}:

Le recordamos **el pago de {reminder_amount}** con vencimiento el {reminder_due}.
Esta línea sigue el mismo párrafo.

## Formas de pago

- Transferencia a la cuenta {bank_account}
- Depósito en ventanilla con la referencia {credit_number}

[[payment]]

[[if overdue]]
Texto para un pago vencido.
[[else]]
Texto para un pago por vencer.
[[end]]

Atentamente,

[[sender]]

[[collector]]
"""


@pytest.mark.parametrize("kind", KINDS)
def test_the_shipped_templates_load(kind: str) -> None:
    template = load_template(kind)
    assert (template.name, template.version) == (kind, "1")
    assert template.title
    assert template.text == template_text(kind)
    present = {e.name for e in template.elements() if isinstance(e, Block)}
    assert set(REQUIRED_BLOCKS[kind]) <= present <= BLOCKS
    used = {
        p.value
        for e in template.elements()
        if isinstance(e, Text)
        for p in e.parts
        if p.kind == "field"
    }
    assert used <= set(PLACEHOLDERS)


def test_an_admins_edit_prints_with_its_version(tmp_path: Path) -> None:
    template = load_template("recordatorio", REMINDER)
    assert template.version == "7"
    letter = render_letter(sample_letter("recordatorio"), sample_letterhead(), template)
    assert (letter.template, letter.template_version) == ("recordatorio", "7")
    text = flat("\n".join(layout_pages(write(tmp_path, letter.pdf))))
    assert "AVISO DE PAGO" in text
    assert "vencimiento el 15 de marzo de 2027. Esta línea sigue el mismo párrafo." in text
    assert "• Transferencia a la cuenta Cuenta monetaria en quetzales No. 03-099-004512-7" in text
    assert "Texto para un pago por vencer." in text and "vencido" not in text


def test_a_condition_picks_its_branch(tmp_path: Path) -> None:
    template = load_template("recordatorio", REMINDER)
    data = sample_letter("recordatorio")
    assert data.reminder_due is not None
    late = dataclasses.replace(data, issued_on=data.reminder_due.replace(day=20))
    text = flat(
        "\n".join(
            layout_pages(write(tmp_path, render_letter(late, sample_letterhead(), template).pdf))
        )
    )
    assert "Texto para un pago vencido." in text and "por vencer" not in text


def test_template_text_is_escaped_and_markup_in_it_is_literal(tmp_path: Path) -> None:
    edited = REMINDER.replace("Atentamente,", "Tel. <b>5555</b> & fax")
    letter = render_letter(
        sample_letter("recordatorio"), sample_letterhead(), load_template("recordatorio", edited)
    )
    assert "Tel. <b>5555</b> & fax" in flat("\n".join(layout_pages(write(tmp_path, letter.pdf))))


BAD_EDITS: list[tuple[str, str, str, str]] = [
    ("version: 7\n", "", "Line 1 must give the template's version", "no version"),
    ("version: 7\n", "version: siete\n", "Line 1 must give the template's version", "bad"),
    ("title: Aviso de pago\n", "Aviso de pago\n", "Line 2 must give the letter's title", "title"),
    ("{reminder_due}.", "{fecha_de_pago}.", "Line 8: unknown placeholder {fecha_de_pago}", "ph"),
    ("[[payment]]", "[[pago]]", "Line 16: unknown block [[pago]]", "block"),
    ("[[if overdue]]", "[[if tarde]]", "Line 18: unknown condition tarde", "condition"),
    ("[[end]]\n", "", "Line 18: this [[if]] has no [[end]]", "open if"),
    ("[[else]]", "[[if overdue]]", "Line 20: an [[if]] cannot be inside another", "nested"),
    ("Atentamente,", "[[end]]", "Line 24: [[end]] without an [[if]] before it", "stray end"),
    ("Atentamente,", "Firma [[sender]]", "Line 24: a [[block]] must be alone on its line", "x"),
    (
        "**el pago",
        "**el {pago",
        "Line 8: a brace that does not open or close a placeholder",
        "brace",
    ),
    (
        "{reminder_due}.",
        "{reminder_due}**.",
        "Line 8: ** opens bold text that is never closed",
        "bold",
    ),
    (
        "Atentamente,",
        "Atentamente 😀",
        "Line 24 contains characters the letter cannot print: 😀",
        "emoji",
    ),
    ("[[payment]]\n", "", "The template must include the block [[payment]]", "required"),
]


@pytest.mark.parametrize(("old", "new", "message", "_id"), BAD_EDITS, ids=[b[3] for b in BAD_EDITS])
def test_a_bad_edit_is_refused_naming_the_line(old: str, new: str, message: str, _id: str) -> None:
    assert old in REMINDER
    with pytest.raises(ValidationError) as caught:
        load_template("recordatorio", REMINDER.replace(old, new, 1))
    messages = [p.message for p in caught.value.problems]
    assert any(m.startswith(message) for m in messages), messages
    assert all(p.field == "template" for p in caught.value.problems)


def test_every_bad_line_is_reported_at_once() -> None:
    edited = REMINDER.replace("{debtor_name}", "{nombre}").replace("[[payment]]", "[[pagos]]")
    with pytest.raises(ValidationError) as caught:
        load_template("recordatorio", edited)
    assert [p.params["line"] for p in caught.value.problems] == [6, 16]


def test_a_template_that_prints_data_the_letter_lacks_is_refused_naming_the_field() -> None:
    edited = REMINDER.replace("Atentamente,", "Plazo: {deadline}. Días: {acceleration_days}.")
    template = load_template("recordatorio", edited)
    with pytest.raises(ValidationError) as caught:
        render_letter(sample_letter("recordatorio"), sample_letterhead(), template)
    assert [p.field for p in caught.value.problems] == ["deadline", "terms.acceleration_days"]
    assert "The deadline to pay or to call is required" in str(caught.value)


def test_a_template_of_another_kind_or_an_unknown_kind() -> None:
    with pytest.raises(ValueError, match="template cannot print"):
        render_letter(
            sample_letter("recordatorio"), sample_letterhead(), load_template("propuesta")
        )
    with pytest.raises(ValidationError) as caught:
        load_template("carta")
    assert caught.value.problems[0].field == "kind"


def test_conditions_and_placeholders_have_values_for_every_sample() -> None:
    head = sample_letterhead()
    for kind in KINDS:
        data = sample_letter(kind)
        for name, condition in CONDITIONS.items():
            assert isinstance(condition(data, head), bool), name
        for placeholder in PLACEHOLDERS.values():
            value = placeholder.value(data, head)
            assert value is None or isinstance(value, str)
