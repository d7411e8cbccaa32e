"""File → "Approval policy…" (admins only): who approves which agreements, and how long a
request may wait.

The policy is a table of tiers, one column each, lowest first: the approver level and the
limits within which that level approves — the largest discount (typed as a percentage), the
largest amount forgiven and exposure in each currency, the longest term. Beyond the last tier a
director approves. Below it, the queue's service level in business hours. The service checks
everything and names each problem by its path ("tiers[1].max_forgiven.MXN"): its message shows
under that cell.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from vipdesk.core.approval import ApproverLevel
from vipdesk.core.errors import QT_TRANSLATE_NOOP, Problem, ValidationError
from vipdesk.core.money import SUPPORTED_CURRENCIES
from vipdesk.services import approval_settings
from vipdesk.services.agreement_dto import ApprovalSettings, ApprovalSettingsSave
from vipdesk.services.dto import Actor
from vipdesk.ui.case.agreement.labels import level_label
from vipdesk.ui.case.debtor_fields import FieldErrors
from vipdesk.ui.dialogs import report_failure
from vipdesk.ui.formatting import fraction_of_percent, percent_of_fraction
from vipdesk.ui.widgets import named
from vipdesk.ui.workers import Failure, TaskRunner

CURRENCIES = tuple(sorted(SUPPORTED_CURRENCIES))
PER_CURRENCY = ("max_forgiven", "max_exposure")
# The rows of each tier's column, by the path of their field within the tier.
LIMITS = ("max_discount_pct", *(f"max_forgiven.{c}" for c in CURRENCIES), "max_term_months",
          *(f"max_exposure.{c}" for c in CURRENCIES))  # fmt: skip
PERCENT = QT_TRANSLATE_NOOP("errors", "Enter a percentage between 0 % and 100 %")
_GROUPED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?", re.ASCII)
_BUSY = "approval-settings"


def _shown_amount(text: str) -> str:
    """A stored limit ("400000") as an admin reads it ("400,000")."""
    try:
        return f"{int(text):,}" if text.isdigit() else text
    except ValueError:
        return text


def _stored_amount(text: str) -> str:
    """What was typed, without thousands separators ("400,000" → "400000"); anything else as
    typed, for the service to refuse with its message."""
    typed = text.strip()
    return typed.replace(",", "") if _GROUPED.fullmatch(typed) else typed


class ApprovalSettingsDialog(QDialog):
    saved = Signal()

    def __init__(self, uow_factory: Callable[[], Any], actor: Actor, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("approvalSettingsDialog")
        self.setModal(True)
        self.setMinimumSize(760, 620)
        self.uow_factory, self.actor, self.runner = uow_factory, actor, runner
        self.loaded = False
        self.errors = FieldErrors()
        self.tiers: list[dict[str, QWidget]] = []
        self.heading = named(QLabel(), "dialogHeading")
        self.hint = named(QLabel(), "hintLabel")
        self.hint.setWordWrap(True)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(4)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        self.add_button = named(QPushButton(), "addTierButton")
        self.remove_button = named(QPushButton(), "removeTierButton")
        self.add_button.clicked.connect(self.add_tier)
        self.remove_button.clicked.connect(self.remove_tier)
        tier_buttons = QHBoxLayout()
        tier_buttons.addWidget(self.add_button)
        tier_buttons.addWidget(self.remove_button)
        tier_buttons.addStretch(1)
        self.sla_caption = named(QLabel(), "fieldLabel")
        self.sla = named(QLineEdit(), "slaHoursEdit")
        self.sla.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.sla.setMaxLength(40)
        self.sla.setMaximumWidth(120)
        self.sla_caption.setBuddy(self.sla)
        self.sla_unit = named(QLabel(), "currencyLabel")
        for label in (self.sla_caption, self.sla_unit):
            label.setContentsMargins(0, 6, 0, 0)
        sla_row = QHBoxLayout()
        sla_row.addWidget(self.sla_caption, 0, Qt.AlignmentFlag.AlignTop)
        sla_cell = QHBoxLayout()
        sla_cell.addWidget(self.errors.wrap("sla_hours", self.sla))
        sla_cell.addWidget(self.sla_unit, 0, Qt.AlignmentFlag.AlignTop)
        sla_row.addLayout(sla_cell)
        sla_row.addStretch(1)
        self.general = named(QLabel(), "errorLabel")
        self.general.setWordWrap(True)
        self.general.setTextFormat(Qt.TextFormat.PlainText)
        self.general.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(scroll, 1)
        layout.addLayout(tier_buttons)
        layout.addLayout(sla_row)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)
        self.retranslate()
        runner.submit(_BUSY, lambda: approval_settings.approval_settings(uow_factory(), actor),
                      self.show_settings, self._failed)  # fmt: skip

    # -- texts ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Approval policy"))
        self.heading.setText(self.windowTitle())
        self.hint.setText(self.tr(
            "Each tier names an approver level and the limits within which that level "
            "approves; the lowest tier whose limits all hold decides, and beyond the last one a "
            "director approves. Limits are inclusive. Amounts are per currency; the discount is "
            "a percentage of what is owed."))  # fmt: skip
        self.add_button.setText(self.tr("&Add tier"))
        self.remove_button.setText(self.tr("&Remove last tier"))
        self.sla_caption.setText(self.tr("Service level of the approval &queue"))
        self.sla.setAccessibleName(self.tr("Service level in business hours"))
        self.sla_unit.setText(self.tr("business hours"))
        self.save_button.setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        if self.loaded:
            self._rebuild(self.typed_tiers())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _captions(self) -> dict[str, str]:
        captions = {
            "level": self.tr("Approver"),
            "max_discount_pct": self.tr("Largest discount (%)"),
            "max_term_months": self.tr("Longest term (months)"),
        }
        for currency in CURRENCIES:
            captions[f"max_forgiven.{currency}"] = self.tr(
                "Largest amount forgiven, {currency}"
            ).format(currency=currency)
            captions[f"max_exposure.{currency}"] = self.tr("Largest exposure, {currency}").format(
                currency=currency)  # fmt: skip
        return captions

    # -- the table of tiers -----------------------------------------------------------------

    def show_settings(self, settings: ApprovalSettings) -> None:
        raw = settings.policy.get("tiers", [])
        tiers: list[dict[str, str]] = []
        for tier in raw if isinstance(raw, list | tuple) else []:
            if not isinstance(tier, Mapping):
                continue
            values = {"level": str(tier.get("level", "")),
                      "max_discount_pct": percent_of_fraction(str(tier.get("max_discount_pct",
                                                                            ""))),
                      "max_term_months": str(tier.get("max_term_months", ""))}  # fmt: skip
            for name in PER_CURRENCY:
                limits = tier.get(name, {})
                for currency in CURRENCIES:
                    stored = str(limits.get(currency, "")) if isinstance(limits, Mapping) else ""
                    values[f"{name}.{currency}"] = _shown_amount(stored)
            tiers.append(values)
        self._rebuild(tiers)
        self.sla.setText(str(settings.sla_hours))
        self.loaded = True
        self.save_button.setEnabled(True)

    def _rebuild(self, tiers: list[dict[str, str]]) -> None:
        """Lay the grid out again for ``tiers`` (values as shown)."""
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        sla_field, sla_label = self.errors.fields["sla_hours"], self.errors.labels["sla_hours"]
        self.errors = FieldErrors()
        self.errors.fields["sla_hours"], self.errors.labels["sla_hours"] = sla_field, sla_label
        self.tiers = []
        captions = self._captions()
        for row, key in enumerate(("level", *LIMITS), start=1):
            caption = named(QLabel(captions[key]), "fieldLabel")
            caption.setContentsMargins(0, 6, 0, 0)  # level with the input beside it
            self.grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
        for index, values in enumerate(tiers):
            column = index + 1
            title = named(QLabel(self.tr("Tier {number}").format(number=index + 1)),
                          "fieldLabel")  # fmt: skip
            self.grid.addWidget(title, 0, column)
            widgets: dict[str, QWidget] = {}
            level = named(QComboBox(), f"tier{index}_level")
            level.setMinimumHeight(30)  # as tall as the styled line edits under it
            for code in ApproverLevel:
                level.addItem(level_label(code.value), code.value)
            found = level.findData(values.get("level", ""))
            level.setCurrentIndex(found if found >= 0 else min(index, level.count() - 1))
            widgets["level"] = level
            for key in LIMITS:
                edit = named(QLineEdit(values.get(key, "")), f"tier{index}_{key}")
                edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                edit.setMaxLength(40)
                widgets[key] = edit
            for row, key in enumerate(("level", *LIMITS), start=1):
                widget = widgets[key]
                widget.setAccessibleName(f"{captions[key]} · {title.text()}")
                cell = self.errors.wrap(f"tiers[{index}].{key}", widget)
                self.grid.addWidget(cell, row, column)
            self.tiers.append(widgets)
        self.grid.setColumnStretch(len(tiers) + 1, 1)
        self.grid.setRowStretch(len(LIMITS) + 2, 1)
        self.add_button.setEnabled(len(tiers) < len(ApproverLevel))
        self.remove_button.setEnabled(len(tiers) > 1)

    def typed_tiers(self) -> list[dict[str, str]]:
        """Each tier as typed (what ``_rebuild`` shows)."""
        tiers = []
        for widgets in self.tiers:
            values: dict[str, str] = {}
            for key, widget in widgets.items():
                if isinstance(widget, QComboBox):
                    values[key] = str(widget.currentData() or "")
                elif isinstance(widget, QLineEdit):
                    values[key] = widget.text()
            tiers.append(values)
        return tiers

    def add_tier(self) -> None:
        tiers = self.typed_tiers()
        if len(tiers) >= len(ApproverLevel):
            return
        levels = [t.get("level", "") for t in tiers]
        new = dict(tiers[-1]) if tiers else {}
        new["level"] = next((lv.value for lv in ApproverLevel if lv.value not in levels), "")
        tiers.append(new)
        self._rebuild(tiers)

    def remove_tier(self) -> None:
        tiers = self.typed_tiers()
        if len(tiers) > 1:
            self._rebuild(tiers[:-1])

    # -- saving -----------------------------------------------------------------------------

    def command(self) -> ApprovalSettingsSave:
        tiers: list[dict[str, object]] = []
        for values in self.typed_tiers():
            tier: dict[str, object] = {
                "level": values["level"],
                "max_discount_pct": fraction_of_percent(values["max_discount_pct"]),
                "max_term_months": values["max_term_months"].strip(),
            }
            for name in PER_CURRENCY:
                tier[name] = {c: _stored_amount(values[f"{name}.{c}"]) for c in CURRENCIES}
            tiers.append(tier)
        return ApprovalSettingsSave({"tiers": tiers}, self.sla.text())

    def save(self) -> None:
        if not self.loaded or self.runner.is_busy(_BUSY):
            return
        command, factory, actor = self.command(), self.uow_factory, self.actor
        self.save_button.setEnabled(False)
        self.runner.submit(
            _BUSY, lambda: approval_settings.save_approval_settings(factory(), actor, command),
            self._saved, self._failed,
        )  # fmt: skip

    def _saved(self, _settings: object) -> None:
        self.saved.emit()
        self.accept()

    def _failed(self, failure: Failure) -> None:
        self.save_button.setEnabled(self.loaded)
        if isinstance(failure.error, ValidationError):
            problems = [_in_percent(p) for p in failure.error.problems]
            shown = self.errors.show(problems)
            rest = [p.translated(QCoreApplication.translate) for p in problems
                    if p.field not in self.errors.labels]  # fmt: skip
            self.general.setText("\n".join(rest))
            self.general.setVisible(bool(rest))
            if shown:
                self.errors.fields[shown[0]].setFocus()
            return
        report_failure(self, failure)


def _in_percent(problem: Problem) -> Problem:
    """The discount is typed as a percentage: so are its messages."""
    if not problem.field.endswith(".max_discount_pct"):
        return problem
    previous = problem.params.get("previous")
    if previous is not None:  # "at least the limit of the tier before (0.20)"
        return Problem(
            problem.field,
            problem.template,
            {**problem.params, "previous": f"{percent_of_fraction(str(previous))} %"},
        )
    return Problem(problem.field, PERCENT)
