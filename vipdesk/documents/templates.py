"""Letter templates: plain UTF-8 text an admin can edit, one file per kind in
``resources/letters/<kind>.es.txt``.

The format, line by line::

    version: 3                      the first line, always
    title: Propuesta de arreglo de pago
    ## Saldo adeudado               a heading
    Al {balance_as_of}, el saldo…   paragraph text; a blank line ends the paragraph
    - Llamar a {executive_name}     an item of a bulleted list
    [[breakdown]]                   a table or generated part, alone on its line
    [[if discount]] … [[else]] … [[end]]   text printed only when the condition holds

``{name}`` is replaced by the data's value (escaped: a debtor called "Müller & Söhne <GmbH>"
prints exactly so) and ``**text**`` is printed bold. A template is checked as a whole before it
is used or saved: an unknown placeholder, block or condition, a brace or ``**`` left open, a
missing version line or a required block left out is refused with a message naming the line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from vipdesk.core.errors import QT_TRANSLATE_NOOP, Problem, ValidationError
from vipdesk.documents import kinds
from vipdesk.documents.fonts import unprintable
from vipdesk.documents.placeholders import CONDITIONS, PLACEHOLDERS
from vipdesk.documents.resources import template_path

# The tables and generated parts a template may place (documents/blocks.py draws them).
BLOCKS = frozenset(
    {
        "addressee",
        "parties",
        "breakdown",
        "terms",
        "schedule",
        "payment",
        "signatures",
        "sender",
        "collector",
        "notes",
        "summary",
        "obligations",
        "contacts",
        "promises",
        "financial",
        "strategy",
        "agreement",
        "approvals",
        "documents",
        "recommendation",
    }
)

# What each kind must show, whatever an admin does to its template (LETTERS.md).
REQUIRED_BLOCKS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        kinds.PROPUESTA: ("breakdown", "terms", "payment", "collector"),
        kinds.CONVENIO: ("parties", "breakdown", "schedule", "payment", "signatures"),
        kinds.REQUERIMIENTO: ("breakdown", "payment", "collector"),
        kinds.RECORDATORIO: ("payment", "collector"),
        kinds.FINIQUITO: ("collector",),
        kinds.EXPEDIENTE: (
            "summary",
            "obligations",
            "contacts",
            "promises",
            "approvals",
            "documents",
            "recommendation",
        ),
    }
)

UNKNOWN_KIND = QT_TRANSLATE_NOOP("errors", "Unknown kind of letter {kind}; use one of {choices}")
NO_FILE = QT_TRANSLATE_NOOP("errors", "The template file {path} cannot be read")
NO_VERSION = QT_TRANSLATE_NOOP(
    "errors", 'Line 1 must give the template\'s version, for example "version: 2"'
)
NO_TITLE = QT_TRANSLATE_NOOP(
    "errors", 'Line {line} must give the letter\'s title, for example "title: Convenio de pago"'
)
UNKNOWN_PLACEHOLDER = QT_TRANSLATE_NOOP("errors", "Line {line}: unknown placeholder {name}")
STRAY_BRACE = QT_TRANSLATE_NOOP(
    "errors", "Line {line}: a brace that does not open or close a placeholder"
)
UNKNOWN_BLOCK = QT_TRANSLATE_NOOP("errors", "Line {line}: unknown block {name}")
UNKNOWN_CONDITION = QT_TRANSLATE_NOOP("errors", "Line {line}: unknown condition {name}")
BLOCK_NOT_ALONE = QT_TRANSLATE_NOOP("errors", "Line {line}: a [[block]] must be alone on its line")
NESTED_IF = QT_TRANSLATE_NOOP("errors", "Line {line}: an [[if]] cannot be inside another")
NO_IF = QT_TRANSLATE_NOOP("errors", "Line {line}: {marker} without an [[if]] before it")
OPEN_IF = QT_TRANSLATE_NOOP("errors", "Line {line}: this [[if]] has no [[end]]")
OPEN_BOLD = QT_TRANSLATE_NOOP("errors", "Line {line}: ** opens bold text that is never closed")
CANNOT_PRINT = QT_TRANSLATE_NOOP(
    "errors", "Line {line} contains characters the letter cannot print: {chars}"
)
MISSING_BLOCK = QT_TRANSLATE_NOOP("errors", "The template must include the block {name}")

_VERSION = re.compile(r"version:\s*([0-9]{1,6}(?:\.[0-9]{1,6}){0,3})\s*", re.ASCII)
_TITLE = re.compile(r"title:\s*(\S.*)")
_MARKER = re.compile(r"\[\[\s*(if\s+)?([A-Za-z_]+)\s*\]\]")
_INLINE = re.compile(r"\{([^{}]*)\}|\*\*")


@dataclass(frozen=True)
class Inline:
    """A piece of text: ``kind`` "text" (literal), "field" (a placeholder's name) or "bold"
    (toggles bold type)."""

    kind: str
    value: str


@dataclass(frozen=True)
class Text:
    style: str  # "paragraph", "heading" or "bullet"
    parts: tuple[Inline, ...]
    line: int


@dataclass(frozen=True)
class Block:
    name: str
    line: int


@dataclass(frozen=True)
class Condition:
    name: str
    then: tuple[Element, ...]
    otherwise: tuple[Element, ...]
    line: int


Element = Text | Block | Condition


@dataclass(frozen=True)
class Template:
    name: str  # the kind of letter
    version: str
    title: str
    body: tuple[Element, ...]
    text: str  # the source, as stored with an admin's edit

    def elements(self) -> Iterator[Element]:
        """Every element, those under conditions included (for checks, not for printing)."""
        yield from _flatten(self.body)


def _flatten(elements: tuple[Element, ...]) -> Iterator[Element]:
    for element in elements:
        yield element
        if isinstance(element, Condition):
            yield from _flatten(element.then)
            yield from _flatten(element.otherwise)


def _check_kind(kind: str) -> None:
    if kind not in kinds.KINDS:
        raise ValidationError.single(
            "kind", UNKNOWN_KIND, kind=kind, choices=", ".join(kinds.KINDS)
        )


def template_text(kind: str) -> str:
    """The shipped template of ``kind``, as text (what an admin starts editing from)."""
    _check_kind(kind)
    path = template_path(kind)
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise ValidationError.single("template", NO_FILE, path=str(path)) from None


def load_template(kind: str, text: str | None = None) -> Template:
    """The template of ``kind``: ``text`` (an admin's edited version) or else the shipped file.
    ``ValidationError`` listing every problem, each naming its line."""
    _check_kind(kind)
    result = _parse(kind, template_text(kind) if text is None else text)
    if isinstance(result, Template):
        return result
    raise ValidationError(list(result))


@lru_cache(maxsize=64)
def _parse(kind: str, text: str) -> Template | tuple[Problem, ...]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    parser = _Parser()
    version = _VERSION.fullmatch(lines[0].strip().lstrip("\ufeff"))
    if version is None:
        parser.fail(1, NO_VERSION)
    title, first_body = "", 1
    for number, line in enumerate(lines[1:], start=2):
        if line.strip():
            match = _TITLE.fullmatch(line.strip())
            if match is None:
                parser.fail(number, NO_TITLE)
            else:
                title, first_body = match.group(1).strip(), number
                parser.check_printable(number, title)
            break
    else:
        parser.fail(len(lines), NO_TITLE)
    body = parser.parse(lines, first_body) if not parser.problems else ()
    present = {e.name for e in _flatten(body) if isinstance(e, Block)}
    for name in REQUIRED_BLOCKS[kind]:
        if not parser.problems and name not in present:
            parser.problems.append(Problem("template", MISSING_BLOCK, {"name": f"[[{name}]]"}))
    if parser.problems or version is None:
        return tuple(parser.problems)
    return Template(kind, version.group(1), title, body, text)


class _Parser:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, line: int, template: str, **params: object) -> None:
        self.problems.append(Problem("template", template, {"line": line, **params}))

    def check_printable(self, number: int, line: str) -> None:
        missing, rtl = unprintable(line)
        if missing or rtl:
            self.fail(number, CANNOT_PRINT, chars=" ".join([*rtl, *missing][:8]))

    def parse(self, lines: list[str], after: int) -> tuple[Element, ...]:
        top: list[Element] = []
        branch: list[Element] = top  # where elements go: the top level or an [[if]]'s branch
        condition: tuple[str, int, list[Element], list[Element]] | None = None
        paragraph: list[tuple[int, str]] = []

        def flush() -> None:
            if paragraph:
                branch.append(self.text("paragraph", list(paragraph)))
                paragraph.clear()

        for number, raw in enumerate(lines[after:], start=after + 1):
            line = raw.strip()
            self.check_printable(number, line)
            marker = _MARKER.fullmatch(line)
            if not line or marker or line.startswith(("## ", "- ")) or line == "##":
                flush()
            if not line:
                continue
            if marker:
                is_if, name = marker.group(1) is not None, marker.group(2)
                if is_if:
                    if condition is not None:
                        self.fail(number, NESTED_IF)
                        continue
                    if name not in CONDITIONS:
                        self.fail(number, UNKNOWN_CONDITION, name=name)
                    condition = (name, number, [], [])
                    branch = condition[2]
                elif name in ("else", "end"):
                    if condition is None:
                        self.fail(number, NO_IF, marker=f"[[{name}]]")
                    elif name == "else":
                        branch = condition[3]
                    else:
                        top.append(
                            Condition(
                                condition[0], tuple(condition[2]), tuple(condition[3]), condition[1]
                            )
                        )
                        condition, branch = None, top
                elif name not in BLOCKS:
                    self.fail(number, UNKNOWN_BLOCK, name=f"[[{name}]]")
                else:
                    branch.append(Block(name, number))
            elif "[[" in line or "]]" in line:
                self.fail(number, BLOCK_NOT_ALONE)
            elif line.startswith("##"):
                branch.append(self.text("heading", [(number, line.lstrip("#").strip())]))
            elif line.startswith("- "):
                branch.append(self.text("bullet", [(number, line[2:].strip())]))
            else:
                paragraph.append((number, line))
        flush()
        if condition is not None:
            self.fail(condition[1], OPEN_IF)
        return tuple(top)

    def text(self, style: str, lines: list[tuple[int, str]]) -> Text:
        """One paragraph, heading or item from its source lines (joined by a space)."""
        parts: list[Inline] = []
        bold = False
        for index, (line, source) in enumerate(lines):
            if index:
                parts.append(Inline("text", " "))
            position = 0
            for match in _INLINE.finditer(source):
                if match.start() > position:
                    parts.append(self.literal(source[position : match.start()], line))
                position = match.end()
                if match.group(0) == "**":
                    bold = not bold
                    parts.append(Inline("bold", ""))
                    continue
                name = match.group(1).strip()
                if name not in PLACEHOLDERS:
                    self.fail(line, UNKNOWN_PLACEHOLDER, name=f"{{{name}}}")
                parts.append(Inline("field", name))
            if source[position:]:
                parts.append(self.literal(source[position:], line))
        if bold:
            self.fail(lines[0][0], OPEN_BOLD)
        return Text(style, tuple(parts), lines[0][0])

    def literal(self, text: str, line: int) -> Inline:
        if "{" in text or "}" in text:
            self.fail(line, STRAY_BRACE)
        return Inline("text", text)
