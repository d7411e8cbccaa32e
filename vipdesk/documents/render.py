"""Render a letter: :class:`LetterData` and a template in, PDF bytes out.

Nothing is drawn until everything the letter will print has been checked
(``required_problems`` and the template's own needs): a letter that lacks a field, or holds
text the font cannot print, is refused with a ``ValidationError`` naming each field.

The same data renders the same bytes: the file is dated by ``issued_on`` and ReportLab runs in
its invariant mode (fixed document id), so a stored SHA-256 can be checked by rendering again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO

from reportlab.platypus import (
    Flowable,
    ListFlowable,
    ListItem,
    SimpleDocTemplate,
)

from vipdesk.core.errors import QT_TRANSLATE_NOOP, Problem, ValidationError
from vipdesk.documents import kinds
from vipdesk.documents.blocks import BLOCK_NEEDS, BUILDERS, Context
from vipdesk.documents.fields import item_key, spec
from vipdesk.documents.flow import place
from vipdesk.documents.fonts import REGULAR, register_fonts
from vipdesk.documents.page import Band, canvas_maker, page_decorator
from vipdesk.documents.placeholders import CONDITIONS, PLACEHOLDERS
from vipdesk.documents.requirements import required_problems
from vipdesk.documents.snapshot import LetterData, Letterhead
from vipdesk.documents.styles import (
    FRAME_PADDING,
    MARGIN_BOTTOM,
    MARGIN_X,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    esc,
    para,
)
from vipdesk.documents.templates import Block, Condition, Element, Template, Text, load_template
from vipdesk.documents.wording import long_date, printable_text

__all__ = ["RenderedLetter", "render_letter", "required_problems"]

_LANGUAGE = {"GT": "es-GT", "MX": "es-MX"}
PRINTED_BY_TEMPLATE = QT_TRANSLATE_NOOP("errors", "{label} is required: the template prints it")


@dataclass(frozen=True)
class RenderedLetter:
    pdf: bytes
    pages: int
    sha256: str
    template: str
    template_version: str


def render_letter(
    data: LetterData, letterhead: Letterhead, template: Template | None = None
) -> RenderedLetter:
    """The PDF of ``data`` on ``letterhead``, with ``template`` (default: the shipped one of
    the letter's kind). ``ValidationError`` naming every missing or unprintable field, before
    anything is drawn."""
    problems = required_problems(data, letterhead)
    if problems:
        raise ValidationError(problems)
    if template is None:
        template = load_template(data.kind)
    elif template.name != data.kind:
        raise ValueError(f"a {template.name} template cannot print a {data.kind} letter")
    ctx = Context(data, letterhead)
    body = list(_active(template.body, ctx))
    problems = _template_problems(body, ctx)
    if problems:
        raise ValidationError(problems)

    register_fonts()
    band = Band(letterhead)
    # Drawn straight on the canvas (no markup), but composed like every other text.
    reference = printable_text(f"Caso {data.case_number} · {kinds.TITLES[data.kind]} {data.number}")
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        leftMargin=MARGIN_X - FRAME_PADDING,
        rightMargin=MARGIN_X - FRAME_PADDING,
        topMargin=band.top_margin - FRAME_PADDING,
        bottomMargin=MARGIN_BOTTOM - FRAME_PADDING,
        title=f"{template.title} {data.number}",
        author=letterhead.trade_name,
        subject=f"Caso {data.case_number}",
        creator="VIP Desk",
        lang=_LANGUAGE[letterhead.country],
        invariant=1,
        initialFontName=REGULAR,
        initialFontSize=9.5,
    )
    pages: list[int] = []
    decorate = page_decorator(band, reference)
    doc.build(
        _story(template, body, ctx),
        onFirstPage=decorate,
        onLaterPages=decorate,
        canvasmaker=canvas_maker(data.issued_on, pages),
    )
    pdf = buffer.getvalue()
    return RenderedLetter(
        pdf=pdf,
        pages=pages[0],
        sha256=hashlib.sha256(pdf).hexdigest(),
        template=template.name,
        template_version=template.version,
    )


def _active(elements: tuple[Element, ...], ctx: Context) -> Iterator[Text | Block]:
    """The elements printed for this data: each condition resolved to its branch."""
    for element in elements:
        if isinstance(element, Condition):
            holds = CONDITIONS[element.name](ctx.data, ctx.head)
            yield from _active(element.then if holds else element.otherwise, ctx)
        else:
            yield element


def _lookup(ctx: Context, path: str) -> object:
    value: object = ctx.head if path.startswith("letterhead.") else ctx.data
    for part in path.removeprefix("letterhead.").split("."):
        value = getattr(value, part)
    return value


def _template_problems(body: list[Text | Block], ctx: Context) -> list[Problem]:
    """What the printed parts of the template need and the data lacks."""
    missing: dict[str, Problem] = {}

    def need(path: str) -> None:
        if path not in missing:
            missing[path] = Problem(path, spec(item_key(path)).required)

    for element in body:
        if isinstance(element, Block):
            for path in BLOCK_NEEDS.get(element.name, ()):
                value = _lookup(ctx, path)
                if value is None or value == () or (isinstance(value, str) and not value.strip()):
                    need(path)
        else:
            for part in element.parts:
                if part.kind == "field":
                    placeholder = PLACEHOLDERS[part.value]
                    if not placeholder.value(ctx.data, ctx.head):
                        need(placeholder.field)
    # A field whose message is empty is never required by the rules; a template that prints
    # it makes it so, under its label.
    return [
        p if p.template else Problem(p.field, PRINTED_BY_TEMPLATE, {"label": _label(p.field)})
        for p in missing.values()
    ]


def _label(path: str) -> str:
    return spec(item_key(path)).label


def _markup(element: Text, ctx: Context) -> str:
    out, bold = [], False
    for part in element.parts:
        if part.kind == "bold":
            out.append("</b>" if bold else "<b>")
            bold = not bold
        elif part.kind == "field":
            value = PLACEHOLDERS[part.value].value(ctx.data, ctx.head) or ""
            if out and value.startswith("el "):
                out[-1], value = _contracted(out[-1], value)
            out.append(esc(value))
        else:
            literal = part.value
            if literal.startswith(".") and out and out[-1].endswith("."):
                literal = literal[1:]  # "… de Banco del Istmo, S.A." ends the sentence too
            out.append(esc(literal))
    return "".join(out)


def _contracted(before: str, value: str) -> tuple[str, str]:
    """Spanish contracts "a el" and "de el": "corresponde a {reminder_for}" with "el enganche…"
    reads "corresponde al enganche…" (a capital "El", as in "a El Salvador", stays)."""
    for word, joined in ((" a ", " al "), (" de ", " del ")):
        padded = f" {before}"
        if padded.endswith(word):
            return (padded[: -len(word)] + joined)[1:], value[len("el ") :]
    return before, value


def _story(template: Template, body: list[Text | Block], ctx: Context) -> list[Flowable]:
    data = ctx.data
    story: list[Flowable] = []
    if data.kind != kinds.CONVENIO:  # an agreement states its place and date in its first words
        story.append(para(f"{esc(data.place)}, {long_date(data.issued_on)}", "dateline"))
    reference = f"Ref.: caso {esc(data.case_number)} · documento {esc(data.number)}"
    if data.credit_number.strip():
        reference += f" · crédito No. {esc(data.credit_number)}"
    story.append(para(reference, "reference"))
    story.append(para(esc(template.title).upper(), "title"))
    bullets: list[Flowable] = []

    def flush_bullets() -> None:
        if bullets:
            items = [ListItem(b, leftIndent=14) for b in bullets]
            story.append(
                ListFlowable(
                    items, bulletType="bullet", start="•", leftIndent=14, bulletFontName=REGULAR
                )
            )
            bullets.clear()

    for element in body:
        if isinstance(element, Text) and element.style == "bullet":
            bullets.append(para(_markup(element, ctx), "body"))
            continue
        flush_bullets()
        if isinstance(element, Block):
            flowables = BUILDERS[element.name](ctx)
            story += place(story, element.name, flowables)
        else:
            style = "heading" if element.style == "heading" else "body"
            story.append(para(_markup(element, ctx), style))
    flush_bullets()
    return story
