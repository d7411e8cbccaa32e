"""Capacidad de pago: what the debtor could pay each month and at once, from the latest
period, and the legal route valued as our alternative — with the assumptions behind them
shown and editable (rates and haircuts typed as percentages)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vipdesk.core.capacity import CapacityFigure
from vipdesk.core.errors import QT_TRANSLATE_NOOP, Problem, ValidationError
from vipdesk.services import finance
from vipdesk.services.finance_data import LIEN_PREFIX, assumptions_seen
from vipdesk.services.finance_dto import AssumptionsSave, FinancialAnalysis
from vipdesk.ui import formatting
from vipdesk.ui.case.base import CaseEnv
from vipdesk.ui.case.debtor_fields import FieldErrors
from vipdesk.ui.dialogs import report_failure
from vipdesk.ui.widgets import named
from vipdesk.ui.workers import Failure, TaskRunner

# Typed as percentages here, stored as fractions.
PERCENT_FIELDS = ("discount_rate", "payment_share", "liquidation_haircut", "forced_sale_haircut",
                  "legal_p_win")  # fmt: skip
HUNDRED = Decimal(100)
_PERCENT = QT_TRANSLATE_NOOP("errors", "Enter a percentage between 0 % and 100 %")


class CapacityView(QWidget):
    changed = Signal()

    def __init__(self, env: CaseEnv, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env, self.runner = env, runner
        self.analysis: FinancialAnalysis | None = None
        self.errors = FieldErrors()
        # What the debtor could pay.
        self.capacity_box = named(QGroupBox(), "debtorBox")
        self.figures = QFormLayout(self.capacity_box)
        self.figure_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for key in ("period", "sustainable", "lump_sum", "legal"):
            caption, value = named(QLabel(), "fieldLabel"), named(QLabel(), "factText")
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.figures.addRow(caption, value)
            self.figure_labels[key] = (caption, value)
        # The assumptions.
        self.assumptions_box = named(QGroupBox(), "debtorBox")
        self.form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        self.captions: dict[str, QLabel] = {}
        for name in finance.ASSUMPTION_FIELDS:
            self._add_field(name)
        self.liens_box = QFormLayout()
        self.defaults_note = named(QLabel(), "hintLabel")
        self.defaults_note.setWordWrap(True)
        self.discard_button = named(QPushButton(), "discardAssumptionsButton")
        self.save_button = named(QPushButton(), "primaryButton")
        self.discard_button.clicked.connect(self.discard)
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.save_button)
        box = QVBoxLayout(self.assumptions_box)
        box.addWidget(self.defaults_note)
        box.addLayout(self.form)
        box.addLayout(self.liens_box)
        box.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(self.capacity_box, 1)
        layout.addWidget(self.assumptions_box, 1)
        self.retranslate()
        self._update()

    def _add_field(self, name: str) -> QLineEdit:
        edit = named(QLineEdit(), f"assumption_{name}")
        edit.textEdited.connect(lambda _text: self._update())
        caption = named(QLabel(), "fieldLabel")
        caption.setBuddy(edit)
        layout = self.form if not name.startswith(LIEN_PREFIX) else self.liens_box
        layout.addRow(caption, self.errors.wrap(name, edit))
        self.edits[name], self.captions[name] = edit, caption
        return edit

    def retranslate(self) -> None:
        self.capacity_box.setTitle(self.tr("Capacity to pay"))
        self.assumptions_box.setTitle(self.tr("Assumptions"))
        captions = {
            "discount_rate": self.tr("&Discount rate (% a year)"),
            "payment_share": self.tr("&Share for payments (%)"),
            "liquidation_haircut": self.tr("&Liquidation haircut (%)"),
            "forced_sale_haircut": self.tr("&Forced-sale haircut (%)"),
            "legal_p_win": self.tr("&Probability of winning in court (%)"),
            "legal_costs": self.tr("Legal &costs"),
            "legal_months": self.tr("&Months to recover in court"),
            "legal_recoverable": self.tr("&Recoverable in court"),
        }
        for name, text in captions.items():
            self.captions[name].setText(text)
            self.edits[name].setAccessibleName(text.replace("&", ""))
        self.edits["legal_recoverable"].setPlaceholderText(
            self.tr("Blank: the collateral at forced-sale value, net of senior liens")
        )
        for key, text in (("period", self.tr("Latest period")),
                          ("sustainable", self.tr("Sustainable monthly payment")),
                          ("lump_sum", self.tr("Lump sum the debtor could raise")),
                          ("legal", self.tr("Legal route (our alternative)"))):  # fmt: skip
            self.figure_labels[key][0].setText(text)
        self.discard_button.setText(self.tr("Discard changes"))
        self.save_button.setText(self.tr("Save assumptions"))
        if self.analysis is not None:
            self.show_analysis(self.analysis)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- showing ----------------------------------------------------------------------------

    def _loaded_texts(self, analysis: FinancialAnalysis) -> dict[str, str]:
        seen = assumptions_seen(analysis.assumptions)
        texts = {name: formatting.percent_of_fraction(text) if name in PERCENT_FIELDS else text
                 for name, text in seen.items()}  # fmt: skip
        for collateral in analysis.collaterals:
            texts.setdefault(f"{LIEN_PREFIX}{collateral.obligation_id}", "0")
        return texts

    def show_analysis(self, analysis: FinancialAnalysis) -> None:
        self.analysis = analysis
        currency = analysis.currency
        capacity = analysis.capacity
        period = capacity.period_label or self.tr("No statements entered yet")
        self.figure_labels["period"][1].setText(period)
        self.figure_labels["sustainable"][1].setText(self._figure(capacity.sustainable, currency))
        self.figure_labels["lump_sum"][1].setText(self._figure(capacity.lump_sum, currency))
        legal = analysis.legal_value
        self.figure_labels["legal"][1].setText(
            "—"
            if legal is None
            else self.tr("{value} present value · probability {p} % · {months} months").format(
                value=formatting.money_text(legal.expected_pv, currency),
                p=formatting.decimal_text(legal.completion.p * HUNDRED, 0),
                months=legal.months_to_recover,
            )
        )
        for collateral in analysis.collaterals:
            name = f"{LIEN_PREFIX}{collateral.obligation_id}"
            if name not in self.edits:
                self._add_field(name)
            text = self.tr("Senior liens on {asset} (worth {value})").format(
                asset=collateral.description,
                value=formatting.money_text(collateral.market_value, currency),
            )
            self.captions[name].setText(text)
            self.edits[name].setAccessibleName(text)
        self._loaded = self._loaded_texts(analysis)
        for name, edit in self.edits.items():
            edit.setText(self._loaded.get(name, ""))
            edit.setReadOnly(not analysis.can_edit)
        self.defaults_note.setText(
            "" if analysis.assumptions_saved
            else self.tr("These are the default assumptions: change them and save to keep "
                         "them with the case."))  # fmt: skip
        self.defaults_note.setVisible(not analysis.assumptions_saved)
        self.errors.clear()
        self._update()

    def _figure(self, figure: CapacityFigure, currency: str) -> str:
        if figure.value is None:
            reason = figure.reason.translated(QCoreApplication.translate) if figure.reason else ""
            return f"— {reason}".strip()
        text = formatting.money_text(figure.value, currency)
        if figure.reason is not None:
            text += " · " + figure.reason.translated(QCoreApplication.translate)
        return text

    def typed(self) -> dict[str, str]:
        return {name: edit.text() for name, edit in self.edits.items()}

    def has_unsaved_changes(self) -> bool:
        return self.analysis is not None and any(
            self.edits[n].text() != self._loaded.get(n, "") for n in self.edits
        )

    def _update(self) -> None:
        busy = self.runner.is_busy("assumptions")
        editable = self.analysis is not None and self.analysis.can_edit and not busy
        changed = self.has_unsaved_changes()
        self.save_button.setEnabled(editable and (changed or not self.analysis_saved()))
        self.discard_button.setEnabled(changed and not busy)

    def analysis_saved(self) -> bool:
        return self.analysis is not None and self.analysis.assumptions_saved

    # -- saving -----------------------------------------------------------------------------

    def discard(self) -> None:
        if self.analysis is not None:
            self.show_analysis(self.analysis)

    def save(self) -> None:
        if self.analysis is None or not self.analysis.can_edit:
            return
        values = {name: formatting.fraction_of_percent(text) if name in PERCENT_FIELDS else text
                  for name, text in self.typed().items()}  # fmt: skip
        seen = assumptions_seen(self.analysis.assumptions) if self.analysis_saved() else None
        command = AssumptionsSave(self.analysis.case_id, values, seen)
        env = self.env
        self.runner.submit(
            "assumptions",
            lambda: finance.save_assumptions(env.uow_factory(), env.actor, command),
            lambda _r: self._saved(), self._failed)  # fmt: skip
        self._update()

    def _saved(self) -> None:
        self.errors.clear()
        self._update()
        self.changed.emit()

    def _failed(self, failure: Failure) -> None:
        self._update()
        error = failure.error
        if isinstance(error, ValidationError):
            # Fractions are the service's words; the form speaks in percentages.
            problems = [
                Problem(p.field, _PERCENT) if p.field in PERCENT_FIELDS else p
                for p in error.problems
            ]
            shown = self.errors.show(problems)
            if shown:
                self.edits[shown[0]].setFocus()
                return
        report_failure(self, failure)
