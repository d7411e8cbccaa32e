"""The data a document is made from, stored as JSON and read back exactly."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal

import pytest

from vipdesk.documents.kinds import KINDS
from vipdesk.documents.render import render_letter
from vipdesk.documents.samples import sample_letter, sample_letterhead
from vipdesk.documents.snapshot import (
    letter_from_mapping,
    letter_to_mapping,
    letterhead_from_mapping,
    letterhead_to_mapping,
)


@pytest.mark.parametrize("country", ["GT", "MX"])
@pytest.mark.parametrize("kind", KINDS)
def test_the_mapping_round_trips_through_json(kind: str, country: str) -> None:
    data = sample_letter(kind, country)
    stored = json.loads(json.dumps(letter_to_mapping(data)))
    assert letter_from_mapping(stored) == data


def test_values_are_stored_as_plain_text() -> None:
    mapping = letter_to_mapping(sample_letter("expediente"))
    assert mapping["format"] == 1
    assert mapping["issued_on"] == "2026-11-22"
    assert mapping["breakdown"]["total"] == "1324121.00"
    assert mapping["contacts"][0]["occurred_at"] == "2026-09-03T10:15:00-06:00"
    assert mapping["terms"]["full_settlement"] is True
    assert isinstance(mapping["schedule"], list)


def test_a_document_renders_again_to_the_same_bytes_from_what_was_stored() -> None:
    data = sample_letter("convenio", "MX")
    head = sample_letterhead("MX")
    first = render_letter(data, head)
    again = render_letter(
        letter_from_mapping(json.loads(json.dumps(letter_to_mapping(data)))), head
    )
    assert again.sha256 == first.sha256


def test_decimals_keep_their_exponent() -> None:
    data = dataclasses.replace(sample_letter("recordatorio"), reminder_amount=Decimal("100.50"))
    back = letter_from_mapping(letter_to_mapping(data))
    assert str(back.reminder_amount) == "100.50"


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda m: m.update(format=2), "format"),
        (lambda m: m["breakdown"].update(total="mucho"), "data.breakdown.total"),
        (lambda m: m.update(issued_on="22/11/2026"), "data.issued_on"),
        (lambda m: m["contacts"][0].update(occurred_at="2026-09-03T10:15:00"), "occurred_at"),
        (lambda m: m.update(schedule="none"), "data.schedule"),
        (lambda m: m["debtor"].update(nickname="x"), "data.debtor"),
        (lambda m: m["debtor"].pop("name"), "data.debtor"),
        (lambda m: m.update(days_past_due=True), "data.days_past_due"),
        (lambda m: m["breakdown"].update(total="NaN"), "data.breakdown.total"),
    ],
)
def test_a_damaged_mapping_is_refused_naming_the_path(change: object, path: str) -> None:
    mapping = letter_to_mapping(sample_letter("expediente"))
    change(mapping)  # type: ignore[operator]
    with pytest.raises(ValueError, match=path.replace(".", r"\.")):
        letter_from_mapping(mapping)


@pytest.mark.parametrize("logo", [True, False])
def test_the_letterhead_round_trips_too(logo: bool) -> None:
    head = sample_letterhead("MX", logo=logo)
    stored = json.loads(json.dumps(letterhead_to_mapping(head)))
    assert letterhead_from_mapping(stored) == head
    with pytest.raises(ValueError, match=r"letterhead\.logo"):
        letterhead_from_mapping({**stored, "logo": "no es base64!"})
