"""The letter templates an admin edits as text ("Plantillas de cartas…").

Each kind ships with a template in ``resources/letters/`` (documents/templates.py); an admin's
edited version is kept as the global setting ``letter_template:<kind>`` and used for every
letter of that kind from then on, on every cache (settings are copied whole). An edit is
checked by the same parser that prints it, so a template that would refuse to print is
refused before it is saved, each problem naming its line. Saving an empty text goes back to
the shipped template. Only admins change templates; everyone's letters use them.
"""

from __future__ import annotations

from uuid import uuid4

from sqlalchemy.orm import Session

from vipdesk.core.errors import QT_TRANSLATE_NOOP, ValidationError
from vipdesk.documents import kinds
from vipdesk.documents.render import render_letter
from vipdesk.documents.samples import sample_letter, sample_letterhead
from vipdesk.documents.templates import load_template, template_text
from vipdesk.services.agreement_dto import LetterTemplateInfo, LetterTemplateSave
from vipdesk.services.dto import Actor
from vipdesk.services.recording import command_moment
from vipdesk.services.setting_changes import (
    already_applied,
    finish_setting_change,
    put_setting,
    require_admin,
)
from vipdesk.storage.models import AppSetting
from vipdesk.storage.uow import UnitOfWork

SAVE = "settings.letter_template.save"
KEY_PREFIX = "letter_template:"
MAX_TEMPLATE = 100_000  # characters: ten times the longest shipped template
TOO_LONG = QT_TRANSLATE_NOOP("errors", "A template may have at most {limit} characters")


def _key(kind: str) -> str:
    return f"{KEY_PREFIX}{kind}"


def stored_template_text(session: Session, kind: str) -> str | None:
    """The admin's template of ``kind``, or None: print from the shipped one."""
    row = session.get(AppSetting, _key(kind))
    if row is None or not isinstance(row.value, dict):
        return None
    text = row.value.get("text")
    return text if isinstance(text, str) and text else None


def _info(kind: str, stored: str | None) -> LetterTemplateInfo:
    try:
        template = load_template(kind, stored)
        customised = stored is not None
    except ValidationError:
        # Saved edits were checked; one the current parser refuses (after an upgrade) is
        # shown as refused by falling back to the shipped template, which always prints.
        template, customised = load_template(kind), False
    return LetterTemplateInfo(kind, template.version, template.title, template.text, customised)


def letter_templates(uow: UnitOfWork) -> list[LetterTemplateInfo]:
    """Every kind's template in force, in the order of documents.kinds.KINDS."""
    with uow:
        return [_info(kind, stored_template_text(uow.session, kind)) for kind in kinds.KINDS]


def shipped_template(kind: str) -> str:
    return template_text(kind)


def save_letter_template(
    uow: UnitOfWork, actor: Actor, cmd: LetterTemplateSave
) -> LetterTemplateInfo:
    """Check and store ``cmd.text`` as the template of ``cmd.kind`` ("": the shipped one
    again); return what is now in force. ``NotAllowed`` unless an admin; ``ValidationError``
    naming every line that would not print."""
    now, _today = command_moment(uow, cmd)
    require_admin(actor)
    text = cmd.text.replace("\r\n", "\n")
    if len(text) > MAX_TEMPLATE:
        raise ValidationError.single("template", TOO_LONG, limit=f"{MAX_TEMPLATE:,}")
    load_template(cmd.kind, text or None)  # refuses an unknown kind or a bad template
    command_id = cmd.id or uuid4()
    with uow:
        session = uow.session
        if already_applied(session, command_id):
            return _info(cmd.kind, stored_template_text(session, cmd.kind))
        key, value = _key(cmd.kind), {"text": text} if text.strip() else None
        before = put_setting(session, key, value)
        finish_setting_change(
            uow, actor, queued=LetterTemplateSave(cmd.kind, text), command_id=command_id,
            kind=SAVE, when=now, action="settings.letter_template_saved", key=key,
            before=before, after=value,
        )  # fmt: skip
        return _info(cmd.kind, text if text.strip() else None)


def preview_template(kind: str, text: str) -> bytes:
    """A sample letter of ``kind`` (documents.samples) printed with ``text`` ("": the shipped
    template), for the admin to see an edit before saving it; ValidationError as saving."""
    if len(text) > MAX_TEMPLATE:
        raise ValidationError.single("template", TOO_LONG, limit=f"{MAX_TEMPLATE:,}")
    template = load_template(kind, text or None)
    return render_letter(sample_letter(kind), sample_letterhead(), template).pdf
