"""Administración → "Umbrales de las razones…" (admins only): where each ratio's traffic light
turns green and red. Values in the ratio's own unit (days for DSO, percentages for
debt-to-income); a ratio left blank shows no light. Checked and stored by the service, which
names the field of every problem."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from vipdesk.core.errors import Problem, ValidationError
from vipdesk.core.ratio_catalog import RATIOS, Unit
from vipdesk.core.ratio_thresholds import Thresholds
from vipdesk.services import app_settings
from vipdesk.services.dto import Actor
from vipdesk.ui.case.debtor_fields import FieldErrors
from vipdesk.ui.dialogs import report_failure
from vipdesk.ui.formatting import fraction_of_percent, percent_of_fraction
from vipdesk.ui.widgets import named
from vipdesk.ui.workers import Failure, TaskRunner

HUNDRED = Decimal(100)


def _shown(key: str, value: Decimal) -> str:
    if RATIOS[key].unit is Unit.PERCENT:
        return percent_of_fraction(value)
    return format(value.normalize(), "f")


def _stored(key: str, text: str) -> str:
    return fraction_of_percent(text) if RATIOS[key].unit is Unit.PERCENT else text.strip()


class ThresholdsDialog(QDialog):
    saved = Signal()

    def __init__(self, uow_factory: Callable[[], Any], actor: Actor, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("thresholdsDialog")
        self.setModal(True)
        self.setMinimumSize(640, 560)
        self.uow_factory, self.actor, self.runner = uow_factory, actor, runner
        self.errors = FieldErrors()
        self.edits: dict[str, QLineEdit] = {}
        self.heading = named(QLabel(), "dialogHeading")
        self.hint = named(QLabel(), "hintLabel")
        self.hint.setWordWrap(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.column_titles = [named(QLabel(), "fieldLabel") for _ in range(3)]
        for column, title in enumerate(self.column_titles):
            grid.addWidget(title, 0, column)
        self.captions: dict[str, QLabel] = {}
        for row, key in enumerate(RATIOS, start=1):
            caption = named(QLabel(), "fieldLabel")
            grid.addWidget(caption, row, 0)
            self.captions[key] = caption
            for column, end in enumerate(("green", "red"), start=1):
                edit = named(QLineEdit(), f"threshold_{key}_{end}")
                edit.setAlignment(Qt.AlignmentFlag.AlignRight)
                self.edits[f"{key}.{end}"] = edit
                grid.addWidget(self.errors.wrap(f"{key}.{end}", edit), row, column)
        body = QWidget()
        body.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.retranslate()
        runner.submit("thresholds", lambda: app_settings.thresholds(uow_factory()),
                      self.show_thresholds, self._failed)  # fmt: skip

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Ratio thresholds"))
        self.heading.setText(self.windowTitle())
        self.hint.setText(self.tr(
            "Where each ratio's light turns green and red, in the ratio's own unit (days for "
            "DSO, % for debt to income). Between the two it is amber. Leave both blank for no "
            "light."))  # fmt: skip
        titles = (self.tr("Ratio"), self.tr("Green from / up to"), self.tr("Red beyond"))
        for label, text in zip(self.column_titles, titles, strict=True):
            label.setText(text)
        for key, caption in self.captions.items():
            name = QCoreApplication.translate("ratios", RATIOS[key].label)
            caption.setText(name)
            direction = self.tr("higher is better") if RATIOS[key].higher_is_better else self.tr(
                "lower is better")  # fmt: skip
            caption.setToolTip(direction)
            green, red = self.tr("{ratio}: green"), self.tr("{ratio}: red")
            self.edits[f"{key}.green"].setAccessibleName(green.format(ratio=name))
            self.edits[f"{key}.red"].setAccessibleName(red.format(ratio=name))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def show_thresholds(self, thresholds: Thresholds) -> None:
        for key in RATIOS:
            band = thresholds.get(key)
            self.edits[f"{key}.green"].setText("" if band is None else _shown(key, band.green))
            self.edits[f"{key}.red"].setText("" if band is None else _shown(key, band.red))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)

    def typed(self) -> dict[str, object]:
        values: dict[str, object] = {}
        for key in RATIOS:
            green, red = self.edits[f"{key}.green"].text(), self.edits[f"{key}.red"].text()
            if not green.strip() and not red.strip():
                values[key] = None
            else:
                values[key] = {"green": _stored(key, green), "red": _stored(key, red)}
        return values

    def save(self) -> None:
        values, uow_factory, actor = self.typed(), self.uow_factory, self.actor
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        self.runner.submit("thresholds",
                           lambda: app_settings.save_thresholds(uow_factory(), actor, values),
                           self._saved, self._failed)  # fmt: skip

    def _saved(self, _thresholds: object) -> None:
        self.saved.emit()
        self.accept()

    def _failed(self, failure: Failure) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
        if isinstance(failure.error, ValidationError):
            # A problem with a whole ratio ("enter both") sits under its green field.
            problems = [p if "." in p.field or p.field not in RATIOS
                        else Problem(f"{p.field}.green", p.template, p.params)
                        for p in failure.error.problems]  # fmt: skip
            shown = self.errors.show(problems)
            if shown:
                self.edits[shown[0]].setFocus()
                return
        report_failure(self, failure)
