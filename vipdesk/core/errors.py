"""Errors that carry a user-facing message.

Messages are English source strings with ``{named}`` parameters. They are marked with
``QT_TRANSLATE_NOOP`` so that ``pyside6-lupdate`` extracts them into the ``errors`` context of
the translation files; the GUI translates the template and then fills the parameters, the
command line prints the template as is. ``core`` stays free of Qt: the marker is ours.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any

CONTEXT = "errors"

Translate = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Mark ``text`` for extraction by lupdate; returns it unchanged."""
    return text


def _identity(_context: str, text: str) -> str:
    return text


class VipDeskError(Exception):
    """Base of every error the user is meant to read (never a bug)."""

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params: dict[str, Any] = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return self.template.format(**self.params)

    def translated(self, translate: Translate = _identity) -> str:
        return translate(CONTEXT, self.template).format(**self.params)


class EnvironmentProblem(VipDeskError):
    """The environment's fault: unreachable server, unwritable folder, newer schema..."""


class NotFound(VipDeskError):
    """The record asked for does not exist (or is not visible to the user)."""


class NotAllowed(VipDeskError):
    """The signed-in user may not do this."""


class Conflict(VipDeskError):
    """The record changed since it was read (optimistic concurrency). ``theirs`` holds the
    record as it is now, for the user to compare with their version."""

    def __init__(self, template: str, theirs: Mapping[str, Any] | None = None, **params: Any):
        super().__init__(template, **params)
        self.theirs: dict[str, Any] = dict(theirs or {})


@dataclass(frozen=True)
class Problem:
    """One invalid field: ``field`` names the input, ``template`` is the message."""

    field: str
    template: str
    params: Mapping[str, Any] = dc_field(default_factory=dict)

    @property
    def message(self) -> str:
        return self.template.format(**self.params)

    def translated(self, translate: Translate = _identity) -> str:
        return translate(CONTEXT, self.template).format(**self.params)


class ValidationError(VipDeskError):
    """One or more fields are invalid; nothing was saved."""

    def __init__(self, problems: list[Problem]) -> None:
        if not problems:
            raise ValueError("ValidationError needs at least one problem")
        self.problems = list(problems)
        VipDeskError.__init__(self, "{details}", details="; ".join(p.message for p in problems))

    @classmethod
    def single(cls, field_name: str, template: str, **params: Any) -> ValidationError:
        return cls([Problem(field_name, template, params)])

    def translated(self, translate: Translate = _identity) -> str:
        return "; ".join(p.translated(translate) for p in self.problems)

    def for_field(self, field_name: str) -> list[Problem]:
        return [p for p in self.problems if p.field == field_name]
