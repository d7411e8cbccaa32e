"""Adding or changing a settlement scenario: its name, its kind (only when adding) and the terms
of that kind (scenario_terms.TERM_FIELDS), then notes.

Terms are checked with the service's own rules (``scenario_terms.clean_terms``, against the
balance owed and the day the comparison was made) when the user presses Save and, from then
on, as they type; each message sits under its field. Rates and haircuts are typed as
percentages ("18" is 18 %) and sent as the fractions the service stores ("0.18").

The dialog only builds the command: the view runs it on its runner (``CommandDialog``) and
answers with ``finish`` or ``refuse``; what the service refuses comes back under the fields.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any
from uuid import uuid4

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from vipdesk.core.errors import QT_TRANSLATE_NOOP, Problem, ValidationError
from vipdesk.core.schedule import FREQUENCIES, METHODS
from vipdesk.core.text import clean_text
from vipdesk.core.validation import collect
from vipdesk.services import scenario_terms, scenarios
from vipdesk.services.finance_dto import Comparison, ScenarioInfo, ScenarioSave
from vipdesk.ui.case.finance.scenarios_model import (
    FREQUENCY_LABELS,
    METHOD_LABELS,
    kind_label,
    label,
)
from vipdesk.ui.case.form_dialog import FormDialog, amount_cell, new_form
from vipdesk.ui.case.form_fields import (
    AmountEdit,
    DateField,
    OptionalDateField,
    choice,
    to_date,
)
from vipdesk.ui.formatting import date_text, money_text, percent_of_fraction
from vipdesk.ui.resources import icon_path
from vipdesk.ui.widgets import named

DAYS_AHEAD = 30  # the dates a new scenario starts with
PERCENT_FIELDS = {"annual_rate": True, "forced_sale_haircut": False}  # field: 100 % allowed
PERCENT_PLACES = scenario_terms.FRACTION_PLACES - 2
PERCENT_RATE = QT_TRANSLATE_NOOP("errors", "Enter a percentage from 0 to 100, such as 18")
PERCENT_SHARE = QT_TRANSLATE_NOOP(
    "errors", "Enter a percentage from 0 up to (not including) 100, such as 30"
)
COUNT_DEFAULTS = {"installments": 12, "new_term_installments": 36, "grace_periods": 0}
_PERCENT = re.compile(r"(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)", re.ASCII)
_DATES = ("pay_on", "first_due", "transfer_on")
# The form's order: every kind's fields keep their relative order (TERM_FIELDS) but for the
# restructuring's frequency, shown where a plan shows it.
_ORDER = tuple(
    dict.fromkeys(
        (
            "amount", "pay_on", "financed", "down_payment", "down_payment_date", "installments",
            "new_term_installments", "frequency", "annual_rate", "first_due", "grace_periods",
            "balloon", "method",
            *(f for fields in scenario_terms.TERM_FIELDS.values() for f in fields),
        )
    )
)  # fmt: skip


def percent_to_fraction(text: str, field: str) -> str:
    """A percentage as typed ("18", "12.5", "12,5 %") as the fraction text the service takes
    ("0.18"); ValidationError for ``field`` when it is not one."""
    one_allowed = PERCENT_FIELDS[field]
    template = PERCENT_RATE if one_allowed else PERCENT_SHARE
    typed = text.strip().removesuffix("%").strip()
    if not _PERCENT.fullmatch(typed):
        raise ValidationError.single(field, template)
    value = Decimal(typed.replace(",", "."))
    if not (0 <= value <= 100 if one_allowed else 0 <= value < 100):
        raise ValidationError.single(field, template)
    exponent = value.normalize().as_tuple().exponent
    if isinstance(exponent, int) and exponent < -PERCENT_PLACES:
        raise ValidationError.single(
            field, QT_TRANSLATE_NOOP("errors", "Use at most {places} decimals"),
            places=PERCENT_PLACES,
        )  # fmt: skip
    return format((value / 100).normalize(), "f")


def amount_shown(text: str) -> str:
    """A stored amount ("352867.92") as a user types it ("352,867.92")."""
    try:
        return f"{Decimal(text):,.2f}"
    except InvalidOperation:
        return text


class CommandDialog(FormDialog):
    """A form whose command the view runs on its own runner: ``submitted`` hands the command
    over; the view answers with :meth:`finish` (saved: close) or :meth:`refuse`."""

    submitted = Signal(object)

    def __init__(self, interactive: bool, parent: QWidget | None = None) -> None:
        super().__init__(interactive, parent)
        self.setWindowIcon(QIcon(str(icon_path())))
        self.checked = False  # after the first Save the form is re-checked as it changes
        # Headings name the scenario: what it holds ("<b>") is text, and long names wrap.
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)

    def submit(self) -> None:
        if not self.busy:
            self.checked = True
        super().submit()

    def start_save(self, command: Any) -> None:
        self.submitted.emit(command)  # the view runs it and answers finish / refuse

    def recheck(self) -> None:
        """Once Save was pressed, the messages follow what is typed (focus stays put)."""
        if not self.checked or self.busy:
            return
        focus = self.focusWidget()
        try:
            self.build_command()
        except ValidationError as error:
            self.show_problems(error.problems)
        else:
            self.clear_problems()
        if focus is not None and self.focusWidget() is not focus:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)


class ScenarioDialog(CommandDialog):
    def __init__(
        self,
        interactive: bool,
        comparison: Comparison,
        info: ScenarioInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(interactive, parent)
        self.setObjectName("scenarioDialog")
        self.comparison = comparison
        self.info = info
        self.scenario_id = info.id if info is not None else uuid4()
        start = comparison.as_of + timedelta(days=DAYS_AHEAD)
        self.intro = named(QLabel(), "dialogIntro")
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.name = named(QLineEdit(), "scenarioNameEdit")
        self.kind = named(QComboBox(), "scenarioKindCombo")
        for code in scenario_terms.KINDS:
            self.kind.addItem("", code)
        self.inputs: dict[str, QWidget] = {}
        self.units: dict[str, QLabel] = {}
        cells: dict[str, QWidget] = {}
        for field in _ORDER:
            widget, cell = self._input(field, start)
            self.inputs[field] = named(widget, f"term_{field}")
            cells[field] = cell
        self.notes = named(QPlainTextEdit(), "notesEdit")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(72)
        self.form: QFormLayout = new_form()
        self.add_row(self.form, "name", self.name)
        self.add_row(self.form, "kind", self.kind)
        self.rows: dict[str, int] = {}
        for field in _ORDER:
            self.rows[field] = self.form.rowCount()
            self.add_row(self.form, field, self.inputs[field], cells[field])
        self.add_row(self.form, "notes", self.notes)
        self.lay_out(self.intro, self.form, min_width=600)
        if info is not None:
            self._fill(info)
        self.kind.setEnabled(info is None)  # a scenario's kind is fixed once saved
        self._show_kind()
        self.retranslate()
        self.remember_initial()
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._watch()
        self.name.setFocus()

    # -- building ---------------------------------------------------------------------------

    def _input(self, field: str, start: date) -> tuple[QWidget, QWidget]:
        """The input of a term and the cell holding it (with its unit beside it)."""
        widget: QWidget
        if field in scenario_terms.AMOUNT_FIELDS:
            widget = AmountEdit()
        elif field == "down_payment_date":
            widget = OptionalDateField()
        elif field in _DATES:
            widget = DateField(start)
        elif field in COUNT_DEFAULTS:
            spin = QSpinBox()
            # Wide on purpose: 0 or 601 instalments reach the check and get its message.
            spin.setRange(0, 999_999)
            spin.setValue(COUNT_DEFAULTS[field])
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            widget = spin
        elif field in ("frequency", "method"):
            combo = QComboBox()
            for code in FREQUENCIES if field == "frequency" else METHODS:
                combo.addItem("", code)
            widget = combo
        elif field in PERCENT_FIELDS:
            edit = QLineEdit()
            edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            edit.setMaxLength(40)
            widget = edit
        else:  # asset_description
            widget = QLineEdit()
        if field in scenario_terms.AMOUNT_FIELDS:
            unit = named(QLabel(self.comparison.currency), "currencyLabel")
        elif field in PERCENT_FIELDS:
            unit = named(QLabel("%"), "currencyLabel")
        else:
            return widget, widget
        bold = QFont(unit.font())
        bold.setBold(True)  # as the stylesheet shows it: "%" as wide as "GTQ", inputs aligned
        unit.setMinimumWidth(QFontMetrics(bold).horizontalAdvance("MXN") + 2)
        self.units[field] = unit
        return widget, amount_cell(widget, unit)

    def _fill(self, info: ScenarioInfo) -> None:
        self.name.setText(info.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(info.kind)))
        self.notes.setPlainText(info.notes)
        for field in scenario_terms.TERM_FIELDS.get(info.kind, ()):
            stored = str(info.terms.get(field, ""))
            widget = self.inputs[field]
            if isinstance(widget, OptionalDateField):
                widget.set_value(_iso(stored))
            elif isinstance(widget, DateField):
                day = _iso(stored)
                if day is not None:  # an unreadable stored date: the default, for the user
                    widget.set_value(day)
            elif isinstance(widget, QSpinBox):
                if stored.isdigit():
                    widget.setValue(int(stored))
            elif isinstance(widget, QComboBox):
                code = stored or scenario_terms.DEFAULTS.get(field, "")
                widget.setCurrentIndex(max(0, widget.findData(code)))
            elif isinstance(widget, QLineEdit):
                if field in PERCENT_FIELDS:
                    widget.setText(percent_of_fraction(stored) if stored else "")
                elif field in scenario_terms.AMOUNT_FIELDS:
                    widget.setText(amount_shown(stored) if stored else "")
                else:
                    widget.setText(stored)

    def _watch(self) -> None:
        self.name.textChanged.connect(self.recheck)
        self.notes.textChanged.connect(self.recheck)
        for widget in self.inputs.values():
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(self.recheck)
            elif isinstance(widget, QSpinBox):
                widget.valueChanged.connect(self.recheck)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self.recheck)
            elif isinstance(widget, DateField | OptionalDateField):
                widget.dateChanged.connect(self.recheck)

    def kind_code(self) -> str:
        return choice(self.kind)

    def fields(self) -> tuple[str, ...]:
        return tuple(scenario_terms.TERM_FIELDS.get(self.kind_code(), ()))

    def _show_kind(self) -> None:
        shown = set(self.fields())
        for field, row in self.rows.items():
            self.form.setRowVisible(row, field in shown)

    def _kind_changed(self) -> None:
        self._show_kind()
        if self.checked:
            self.recheck()
        else:
            self.clear_problems()
        self.adjustSize()

    # -- texts ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        super().retranslate()
        editing = self.info is not None
        self.setWindowTitle(self.tr("Edit scenario") if editing else self.tr("New scenario"))
        self.heading.setText(
            self.tr("Edit scenario “{name}”").format(name=self.info.name)
            if self.info is not None
            else self.tr("New settlement scenario")
        )
        comparison = self.comparison
        self.intro.setText(
            self.tr("Balance owed {exposure}, valued as of {date}. Rates and haircuts are "
                    "typed as percentages: 18 means 18 %.").format(
                exposure=money_text(comparison.exposure, comparison.currency),
                date=date_text(comparison.as_of),
            )
        )  # fmt: skip
        for index in range(self.kind.count()):
            self.kind.setItemText(index, kind_label(str(self.kind.itemData(index))))
        for field, table in (("frequency", FREQUENCY_LABELS), ("method", METHOD_LABELS)):
            combo = self.inputs[field]
            assert isinstance(combo, QComboBox)
            for index in range(combo.count()):
                combo.setItemText(index, label(table, str(combo.itemData(index))))
        captions = {
            "name": self.tr("&Name"),
            "kind": self.tr("&Kind"),
            "notes": self.tr("N&otes"),
            "amount": self.tr("&Amount to pay"),
            "pay_on": self.tr("&Pay on"),
            "financed": self.tr("&Amount agreed"),
            "down_payment": self.tr("&Down payment"),
            "down_payment_date": self.tr("Down payment da&te"),
            "installments": self.tr("&Instalments"),
            "new_term_installments": self.tr("&Instalments in the new term"),
            "frequency": self.tr("&Frequency"),
            "annual_rate": self.tr("Annual &rate"),
            "first_due": self.tr("First d&ue date"),
            "grace_periods": self.tr("&Grace periods"),
            "balloon": self.tr("&Balloon (final lump)"),
            "method": self.tr("&Method"),
            "asset_description": self.tr("&Asset"),
            "appraised_value": self.tr("A&ppraised value"),
            "forced_sale_haircut": self.tr("Forced-sale &haircut"),
            "transfer_costs": self.tr("&Transfer costs"),
            "transfer_on": self.tr("Transfer &date"),
        }
        self.set_captions(captions)
        self._placeholders()
        for field, unit in self.units.items():
            if field in PERCENT_FIELDS:
                unit.setAccessibleName(self.tr("Percent"))
            else:
                unit.setAccessibleName(self.tr("Currency"))

    def _placeholders(self) -> None:
        exposure = money_text(self.comparison.exposure, self.comparison.currency)
        hints = {
            "name": self.tr("e.g. Lump sum with a 15 % discount"),
            "amount": self.tr("At most {maximum}").format(maximum=exposure),
            "financed": self.tr("Empty: the whole balance, {amount}").format(amount=exposure),
            "down_payment": self.tr("Empty: none"),
            "balloon": self.tr("Empty: none"),
            "transfer_costs": self.tr("Empty: none"),
            "appraised_value": self.tr("e.g. 1,250,000.00"),
            "annual_rate": self.tr("e.g. 18"),
            "forced_sale_haircut": self.tr("e.g. 30"),
            "asset_description": self.tr("e.g. House in zone 10, deed 1234"),
        }
        for field, text in hints.items():
            widget = self.name if field == "name" else self.inputs[field]
            assert isinstance(widget, QLineEdit)
            widget.setPlaceholderText(text)
        optional = self.inputs["down_payment_date"]
        assert isinstance(optional, OptionalDateField)
        optional.set_empty_text(self.tr("One period before the first instalment"))
        grace = self.inputs["grace_periods"]
        grace.setToolTip(self.tr("First instalments that pay interest only (counted within "
                                 "the instalments)"))  # fmt: skip
        balloon = self.inputs["balloon"]
        balloon.setToolTip(self.tr("Paid with the last instalment, on top of it"))

    # -- the command ------------------------------------------------------------------------

    def term_texts(self) -> dict[str, str]:
        """The terms of the chosen kind as typed (percentages as typed, not converted)."""
        texts: dict[str, str] = {}
        for field in self.fields():
            widget = self.inputs[field]
            if isinstance(widget, OptionalDateField):
                day = widget.value()
                texts[field] = day.isoformat() if day is not None else ""
            elif isinstance(widget, DateField):
                texts[field] = to_date(widget.date()).isoformat()
            elif isinstance(widget, QSpinBox):
                texts[field] = str(widget.value())
            elif isinstance(widget, QComboBox):
                texts[field] = choice(widget)
            elif isinstance(widget, QLineEdit):
                texts[field] = widget.text()
        return texts

    def snapshot(self) -> object:
        return (self.name.text(), self.kind_code(), tuple(self.term_texts().items()),
                self.notes.toPlainText())  # fmt: skip

    def _terms(self) -> dict[str, str]:
        """The terms as the service takes them; ValidationError naming every invalid one."""
        kind = self.kind_code()
        terms = self.term_texts()
        own: list[Problem] = []
        for field in PERCENT_FIELDS:
            if field in terms and terms[field].strip():
                try:
                    terms[field] = percent_to_fraction(terms[field], field)
                except ValidationError as error:
                    own.extend(error.problems)
        try:
            scenario_terms.clean_terms(kind, terms, self.comparison.as_of,
                                       self.comparison.exposure)  # fmt: skip
        except ValidationError as error:
            mine = {p.field for p in own}
            own.extend(p for p in error.problems if p.field not in mine)
        if own:
            raise ValidationError(own)
        return terms

    def build_command(self) -> ScenarioSave:
        values: dict[str, Any] = {}
        collect(
            lambda: clean_text(self.name.text(), "name", max_length=scenarios.MAX_NAME),
            lambda: clean_text(self.notes.toPlainText(), "notes", max_length=scenarios.MAX_NOTES,
                               required=False, multiline=True),
            lambda: values.__setitem__("terms", self._terms()),
        )  # fmt: skip
        info = self.info
        return ScenarioSave(
            case_id=self.comparison.case_id,
            scenario_id=self.scenario_id,
            name=self.name.text(),
            kind=self.kind_code(),
            terms=values["terms"],
            notes=self.notes.toPlainText(),
            seen=scenarios.scenario_seen(info) if info is not None else None,
        )


def _iso(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None
