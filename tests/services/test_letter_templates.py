"""Letter templates an admin edits as text: checked by the parser that prints them, stored as
a setting, used from then on; a bad edit names its line and changes nothing."""

from __future__ import annotations

import pytest

from tests.services.helpers import actor
from vipdesk.core.errors import NotAllowed, ValidationError
from vipdesk.documents.kinds import KINDS
from vipdesk.documents.templates import template_text
from vipdesk.services import letter_templates
from vipdesk.services.agreement_dto import LetterTemplateSave
from vipdesk.storage.models import AppSetting
from vipdesk.storage.uow import Database

KIND = "recordatorio"


def _edited(text: str) -> str:
    lines = text.split("\n")
    lines[0] = "version: 7"
    return "\n".join(lines).replace("Reciba un cordial saludo.", "Reciba un saludo muy cordial.")


def _in_force(db: Database, kind: str = KIND) -> letter_templates.LetterTemplateInfo:
    found = {t.kind: t for t in letter_templates.letter_templates(db.unit_of_work())}
    assert list(found) == list(KINDS)
    return found[kind]


def test_every_kind_starts_with_the_shipped_template(any_database: Database) -> None:
    for info in letter_templates.letter_templates(any_database.unit_of_work()):
        assert not info.customised
        assert info.text == template_text(info.kind) and info.version and info.title


def test_an_admin_edits_a_template_and_can_go_back_to_the_shipped_one(
    any_database: Database,
) -> None:
    db = any_database
    admin = actor(db, "admin1")
    edited = _edited(template_text(KIND))
    saved = letter_templates.save_letter_template(
        db.unit_of_work(), admin, LetterTemplateSave(KIND, edited)
    )
    assert saved.customised and saved.version == "7"
    shown = _in_force(db)
    assert shown.customised and "muy cordial" in shown.text and shown.version == "7"
    letter_templates.save_letter_template(db.unit_of_work(), admin, LetterTemplateSave(KIND, ""))
    back = _in_force(db)
    assert not back.customised and back.text == template_text(KIND)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("title: sin versión\n\nHola", "version"),
        ("version: 2\ntitle: x\n\nHola {no_such_field}", "no_such_field"),
        ("version: 2\ntitle: x\n\n[[no_such_block]]", "no_such_block"),
        ("version: 2\ntitle: Saludo 😀\n\n[[addressee]]", "😀"),
        ("version: 2\ntitle: x\n\n<b>Hola</b> {", "Line"),
    ],
)
def test_a_template_that_would_not_print_is_refused_naming_the_problem(
    any_database: Database, text: str, words: str
) -> None:
    db = any_database
    with pytest.raises(ValidationError) as refused:
        letter_templates.save_letter_template(
            db.unit_of_work(), actor(db, "admin1"), LetterTemplateSave(KIND, text)
        )
    assert words.lower() in refused.value.message.lower()
    assert not _in_force(db).customised
    with db.unit_of_work() as uow:
        assert uow.session.get(AppSetting, f"letter_template:{KIND}") is None


def test_huge_templates_unknown_kinds_and_other_roles_are_refused(any_database: Database) -> None:
    db = any_database
    admin = actor(db, "admin1")
    huge = template_text(KIND) + "\n" + "x" * letter_templates.MAX_TEMPLATE
    with pytest.raises(ValidationError, match="at most"):
        letter_templates.save_letter_template(
            db.unit_of_work(), admin, LetterTemplateSave(KIND, huge)
        )
    with pytest.raises(ValidationError, match="Unknown kind"):
        letter_templates.save_letter_template(
            db.unit_of_work(), admin, LetterTemplateSave("carta", "version: 1\ntitle: x\n")
        )
    for username in ("ejecutivo1", "supervisor1", "juridico1"):
        with pytest.raises(NotAllowed):
            letter_templates.save_letter_template(
                db.unit_of_work(),
                actor(db, username),
                LetterTemplateSave(KIND, _edited(template_text(KIND))),
            )
    assert not _in_force(db).customised
