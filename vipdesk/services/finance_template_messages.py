"""What the template reader says when a file or a cell cannot be read: English templates with
``{named}`` parameters, translated in the ``errors`` context like every other message."""

from __future__ import annotations

from collections.abc import Mapping

from vipdesk.core.errors import QT_TRANSLATE_NOOP, VipDeskError


class TemplateProblem(VipDeskError):
    """The file cannot be read as a filled template; nothing was imported."""


# The file as a whole (``TemplateProblem``); {name} is the file's name.
FILE: Mapping[str, str] = {
    "unreadable": QT_TRANSLATE_NOOP("errors", "The file {name} could not be read: {reason}"),
    "empty": QT_TRANSLATE_NOOP("errors", "The file {name} is empty"),
    "too_big": QT_TRANSLATE_NOOP(
        "errors",
        "The file {name} is too large ({size} MB) to be a filled template (at most {maximum} MB)",
    ),
    "not_xlsx": QT_TRANSLATE_NOOP(
        "errors", "The file {name} is damaged or is not an Excel workbook (.xlsx)"
    ),
    "xls": QT_TRANSLATE_NOOP(
        "errors",
        "The file {name} is in the old Excel format (.xls): open it in Excel and save it as "
        "an Excel workbook (.xlsx)",
    ),
    "encrypted": QT_TRANSLATE_NOOP(
        "errors",
        "The file {name} is protected with a password: open it in Excel, remove the password "
        "and save it again",
    ),
    "too_much": QT_TRANSLATE_NOOP(
        "errors", "The file {name} holds far more data than a filled template"
    ),
    "not_template": QT_TRANSLATE_NOOP(
        "errors",
        "The file {name} is not a VIP Desk financial statements template: download the "
        "template from the Financial analysis tab and fill it in",
    ),
    "no_version": QT_TRANSLATE_NOOP(
        "errors",
        "The template {name} has no version: download a new template and copy the figures into it",
    ),
    "bad_version": QT_TRANSLATE_NOOP(
        "errors",
        "The template {name} is version {version}; this VIP Desk reads version {expected}: "
        "download a new template and copy the figures into it",
    ),
    "no_segment": QT_TRANSLATE_NOOP(
        "errors",
        "The template {name} does not say whether it is for a company or an individual: "
        "download a new template and copy the figures into it",
    ),
    "for_company": QT_TRANSLATE_NOOP(
        "errors",
        "The template {name} is for a company's statements, but this debtor is an individual: "
        "download the template from this case",
    ),
    "for_individual": QT_TRANSLATE_NOOP(
        "errors",
        "The template {name} is for an individual's finances, but this debtor is a company: "
        "download the template from this case",
    ),
    "no_keys": QT_TRANSLATE_NOOP(
        "errors",
        "The hidden column that identifies each row is missing from {name}: download a new "
        "template and copy the figures into it",
    ),
    "no_end_row": QT_TRANSLATE_NOOP(
        "errors",
        "The period end row is missing from {name}: download a new template and copy the "
        "figures into it",
    ),
    "duplicate_row": QT_TRANSLATE_NOOP(
        "errors",
        "Rows {first} and {second} of {name} are the same row of the template (“{label}”): "
        "keep one and delete the other",
    ),
    "unknown_row": QT_TRANSLATE_NOOP(
        "errors",
        "Row {row} of {name} (“{label}”) is not part of this template: delete it or download "
        "a new template",
    ),
    "too_many_periods": QT_TRANSLATE_NOOP(
        "errors",
        "The template {name} has {count} periods; at most {maximum} can be imported at once",
    ),
    "rows": QT_TRANSLATE_NOOP(
        "errors", "Cell {cell} is outside the template: it uses at most {maximum} rows"
    ),
    "columns": QT_TRANSLATE_NOOP(
        "errors", "Cell {cell} is outside the template: it uses at most {maximum} columns"
    ),
}

# One cell (``Problem`` of a ``ValidationError``; its field and {cell} name the cell).
CELL: Mapping[str, str] = {
    "formula": QT_TRANSLATE_NOOP(
        "errors",
        "Cell {cell}: the formula has no saved result; open the file in Excel and save it, or "
        "type the value",
    ),
    "error_value": QT_TRANSLATE_NOOP(
        "errors", "Cell {cell} shows the error {error}: correct it or type the value"
    ),
    "number": QT_TRANSLATE_NOOP(
        "errors", "Cell {cell}: “{text}” is not a number; enter one such as {example}"
    ),
    "too_large": QT_TRANSLATE_NOOP(
        "errors", "Cell {cell}: the amount is too large (at most {maximum})"
    ),
    "date": QT_TRANSLATE_NOOP(
        "errors", "Cell {cell}: “{text}” is not a date; enter one such as {example}"
    ),
    "date_range": QT_TRANSLATE_NOOP(
        "errors",
        "Cell {cell}: the period cannot end on {date}; enter a date from {first} to {last}",
    ),
    "no_end": QT_TRANSLATE_NOOP(
        "errors", "Cell {cell}: enter the date the period ends (its column has data)"
    ),
    "same_end": QT_TRANSLATE_NOOP(
        "errors",
        "Cell {cell}: the period in {other} also ends on {date}; each period ends on its own date",
    ),
    "months": QT_TRANSLATE_NOOP(
        "errors",
        "Cell {cell}: “{text}” is not a number of months; enter a whole number from 1 to {maximum}",
    ),
    "label_long": QT_TRANSLATE_NOOP(
        "errors", "Cell {cell}: the label is too long (at most {maximum} characters)"
    ),
    "stray": QT_TRANSLATE_NOOP(
        "errors",
        "Cell {cell}: this row is not part of the template, so its figures would be lost; move "
        "them to a row of the template or delete them",
    ),
}
