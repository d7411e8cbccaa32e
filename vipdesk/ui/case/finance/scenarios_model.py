"""The comparison table of the settlement scenarios: one row per saved scenario, then the legal
route, with the figures of each valuation (FINANCE.md, "Valuation of settlement scenarios"),
the approver the policy requires, and the recommended and chosen rows marked.

Also the labels the view and the dialogs share: kinds, terms, frequencies, methods and the
factors of the completion model, each an English source string translated when shown."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from html import escape
from typing import Any
from uuid import UUID

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from vipdesk.core.approval import LEVEL_LABELS, ApproverLevel, Decision
from vipdesk.core.errors import QT_TRANSLATE_NOOP, Problem
from vipdesk.services.finance_dto import Comparison, ScenarioRow
from vipdesk.ui.formatting import decimal_text, integer_text, money_text
from vipdesk.ui.table_model import RecordsModel

CONTEXT = "ScenariosModel"
KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # the scenario's id as text, "legal" for the route
LEGAL_KEY = "legal"
PROBLEM_COLOUR = QColor("#b42318")
MARK_COLOUR = QColor("#2e7d32")

KIND_LABELS: Mapping[str, str] = {
    "lump_sum": QT_TRANSLATE_NOOP("ScenariosModel", "Lump sum with discount"),
    "installment_plan": QT_TRANSLATE_NOOP("ScenariosModel", "Instalment plan"),
    "restructuring": QT_TRANSLATE_NOOP("ScenariosModel", "Restructuring"),
    "payment_in_kind": QT_TRANSLATE_NOOP("ScenariosModel", "Payment in kind"),
    "legal": QT_TRANSLATE_NOOP("ScenariosModel", "Legal route"),
}
FREQUENCY_LABELS: Mapping[str, str] = {
    "monthly": QT_TRANSLATE_NOOP("ScenariosModel", "Monthly"),
    "biweekly": QT_TRANSLATE_NOOP("ScenariosModel", "Every two weeks"),
    "weekly": QT_TRANSLATE_NOOP("ScenariosModel", "Weekly"),
    "quarterly": QT_TRANSLATE_NOOP("ScenariosModel", "Quarterly"),
}
METHOD_LABELS: Mapping[str, str] = {
    "french": QT_TRANSLATE_NOOP("ScenariosModel", "Level payment (French)"),
    "german": QT_TRANSLATE_NOOP("ScenariosModel", "Level principal (German)"),
    "bullet": QT_TRANSLATE_NOOP("ScenariosModel", "Interest only, principal at the end (bullet)"),
}
FACTOR_LABELS: Mapping[str, str] = {
    "coverage": QT_TRANSLATE_NOOP("ScenariosModel", "Coverage of the capacity to pay"),
    "promise_history": QT_TRANSLATE_NOOP("ScenariosModel", "Promise history"),
    "days_past_due": QT_TRANSLATE_NOOP("ScenariosModel", "Days past due"),
    "lump_sums": QT_TRANSLATE_NOOP("ScenariosModel", "Lump-sum payments"),
    "asset_transfer": QT_TRANSLATE_NOOP("ScenariosModel", "Payment in kind"),
    "p_win": QT_TRANSLATE_NOOP("ScenariosModel", "Probability of winning"),
}
# The terms by field, without mnemonics: for messages about stored terms ("First due date: ...").
TERM_LABELS: Mapping[str, str] = {
    "amount": QT_TRANSLATE_NOOP("ScenariosModel", "Amount"),
    "pay_on": QT_TRANSLATE_NOOP("ScenariosModel", "Pay on"),
    "financed": QT_TRANSLATE_NOOP("ScenariosModel", "Amount agreed"),
    "down_payment": QT_TRANSLATE_NOOP("ScenariosModel", "Down payment"),
    "down_payment_date": QT_TRANSLATE_NOOP("ScenariosModel", "Down payment date"),
    "installments": QT_TRANSLATE_NOOP("ScenariosModel", "Instalments"),
    "frequency": QT_TRANSLATE_NOOP("ScenariosModel", "Frequency"),
    "annual_rate": QT_TRANSLATE_NOOP("ScenariosModel", "Annual rate"),
    "first_due": QT_TRANSLATE_NOOP("ScenariosModel", "First due date"),
    "grace_periods": QT_TRANSLATE_NOOP("ScenariosModel", "Grace periods"),
    "balloon": QT_TRANSLATE_NOOP("ScenariosModel", "Balloon"),
    "method": QT_TRANSLATE_NOOP("ScenariosModel", "Method"),
    "new_term_installments": QT_TRANSLATE_NOOP("ScenariosModel", "Instalments in the new term"),
    "asset_description": QT_TRANSLATE_NOOP("ScenariosModel", "Asset"),
    "appraised_value": QT_TRANSLATE_NOOP("ScenariosModel", "Appraised value"),
    "forced_sale_haircut": QT_TRANSLATE_NOOP("ScenariosModel", "Forced-sale haircut"),
    "transfer_costs": QT_TRANSLATE_NOOP("ScenariosModel", "Transfer costs"),
    "transfer_on": QT_TRANSLATE_NOOP("ScenariosModel", "Transfer date"),
}


def translated(source: str) -> str:
    """A source string of this context held in a table (lupdate found it in its marker)."""
    return QCoreApplication.translate(CONTEXT, source)


def label(table: Mapping[str, str], code: str) -> str:
    """The translated label of a code; an unknown code (newer data) shown as it is."""
    return translated(table[code]) if code in table else code


def kind_label(kind: str) -> str:
    return label(KIND_LABELS, kind)


def percent_text(fraction: Decimal, places: int = 1) -> str:
    return decimal_text(fraction * 100, places) + " %"


def level_text(level: ApproverLevel) -> str:
    text = QCoreApplication.translate("approval", LEVEL_LABELS[level])
    return text[:1].upper() + text[1:]


def approval_text(row: ScenarioRow) -> str:
    """What the approval column says: within policy, or the level that must approve."""
    if row.info is None or row.decision is None:
        return "—"
    if row.within_policy:
        return QCoreApplication.translate("ScenariosModel", "Within policy")
    return level_text(row.decision.level)


def reasons_text(decision: Decision) -> list[str]:
    return [reason.translated(QCoreApplication.translate) for reason in decision.reasons]


def problem_lines(row: ScenarioRow) -> list[str]:
    """Why a row cannot be valued: the general message, then each term's problem."""
    lines = []
    if row.problem:
        lines.append(QCoreApplication.translate("errors", row.problem))
    lines.extend(term_problem(p) for p in row.problems)
    return lines


def term_problem(problem: Problem) -> str:
    message = problem.translated(QCoreApplication.translate)
    if problem.field in TERM_LABELS:
        text = QCoreApplication.translate("ScenariosModel", "{field}: {message}")
        return text.format(field=translated(TERM_LABELS[problem.field]), message=message)
    return message


@dataclass(frozen=True)
class Line:
    """One row of the table: the service's row and where it stands in the comparison."""

    row: ScenarioRow
    recommended: bool
    chosen: bool
    currency: str

    @property
    def key(self) -> str:
        return str(self.row.info.id) if self.row.info is not None else LEGAL_KEY

    @property
    def name(self) -> str:
        return (
            self.row.info.name
            if self.row.info is not None
            else QCoreApplication.translate("ScenariosModel", "Legal route")
        )

    @property
    def kind(self) -> str:
        return self.row.info.kind if self.row.info is not None else LEGAL_KEY


def lines_of(comparison: Comparison) -> list[Line]:
    best, chosen = comparison.best_index, comparison.chosen_index
    return [
        Line(row, index == best, index == chosen, comparison.currency)
        for index, row in enumerate(comparison.rows)
    ]


def marks_text(line: Line) -> str:
    marks = []
    if line.recommended:
        marks.append(QCoreApplication.translate("ScenariosModel", "★ Recommended"))
    if line.chosen:
        marks.append(QCoreApplication.translate("ScenariosModel", "✔ Chosen"))
    if line.row.value is None:
        marks.append(QCoreApplication.translate("ScenariosModel", "⚠ Cannot be valued"))
    return "  ".join(marks)


class ScenariosModel(RecordsModel[Line]):
    CONTEXT = CONTEXT
    COLUMNS = (
        ("name", QT_TRANSLATE_NOOP("ScenariosModel", "Scenario")),
        ("kind", QT_TRANSLATE_NOOP("ScenariosModel", "Kind")),
        ("nominal", QT_TRANSLATE_NOOP("ScenariosModel", "Nominal total")),
        ("present", QT_TRANSLATE_NOOP("ScenariosModel", "Present value")),
        ("recovery", QT_TRANSLATE_NOOP("ScenariosModel", "Recovery")),
        ("p", QT_TRANSLATE_NOOP("ScenariosModel", "Probability")),
        ("expected", QT_TRANSLATE_NOOP("ScenariosModel", "Expected PV")),
        ("months", QT_TRANSLATE_NOOP("ScenariosModel", "Months")),
        ("approval", QT_TRANSLATE_NOOP("ScenariosModel", "Approval")),
        ("marks", QT_TRANSLATE_NOOP("ScenariosModel", "Status")),
    )
    RIGHT = frozenset({"nominal", "present", "recovery", "p", "expected", "months"})
    _HEADER_TIPS: Mapping[str, str] = {
        "recovery": QT_TRANSLATE_NOOP("ScenariosModel", "Nominal total ÷ the balance owed"),
        "p": QT_TRANSLATE_NOOP("ScenariosModel", "Probability that the debtor completes it"),
        "expected": QT_TRANSLATE_NOOP(
            "ScenariosModel",
            "p × present value + (1 − p) × what it is worth if it fails (the legal route)",
        ),
        "months": QT_TRANSLATE_NOOP("ScenariosModel", "Months until the last payment"),
        "approval": QT_TRANSLATE_NOOP("ScenariosModel", "Who must approve it as an agreement"),
    }

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.set_rows(lines_of(comparison) if comparison is not None else ())

    def line_at(self, row: int) -> Line | None:
        return self.row_at(row)

    def row_of(self, key: str | UUID | None) -> int:
        wanted = str(key) if key is not None else None
        return next((i for i, line in enumerate(self._rows) if line.key == wanted), -1)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.COLUMNS)
        ):
            tip = self._HEADER_TIPS.get(self.COLUMNS[section][0])
            return translated(tip) if tip else None
        return super().headerData(section, orientation, role)

    def cell(self, line: Line, key: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(line, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(line, key)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return (
                self.text(line, key)
                if key != "marks"
                else marks_text(line) or QCoreApplication.translate("ScenariosModel", "None")
            )
        if role == KEY_ROLE:
            return line.key
        if role == Qt.ItemDataRole.FontRole and line.recommended:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if line.row.value is None and key in ("marks", "name"):
                return QBrush(PROBLEM_COLOUR)
            if key == "marks" and (line.recommended or line.chosen):
                return QBrush(MARK_COLOUR)
        return None

    def text(self, line: Line, key: str) -> str:
        if key == "name":
            return line.name
        if key == "kind":
            return kind_label(line.kind)
        if key == "marks":
            return marks_text(line)
        if key == "approval":
            return approval_text(line.row)
        value = line.row.value
        if value is None:
            return "—"
        if key == "nominal":
            return money_text(value.nominal_total, line.currency)
        if key == "present":
            return money_text(value.present_value, line.currency)
        if key == "recovery":
            return percent_text(value.recovery_pct)
        if key == "p":
            return percent_text(value.completion.p, 0)
        if key == "expected":
            return money_text(value.expected_pv, line.currency)
        if key == "months":
            return integer_text(value.months_to_recover)
        return ""

    def tooltip(self, line: Line, key: str) -> str | None:
        row = line.row
        if row.value is None:
            # Qt reads a tooltip that looks like markup as rich text: names stay text.
            return "<br>".join(escape(text) for text in [line.name, *problem_lines(row)])
        if key == "name":
            return escape(line.name)
        if key == "approval" and row.decision is not None:
            reasons = reasons_text(row.decision)
            if row.within_policy:
                return escape(
                    QCoreApplication.translate("ScenariosModel", "A supervisor may approve it")
                )
            return "<br>".join(escape(text) for text in reasons)
        if key == "approval":
            return escape(
                QCoreApplication.translate("ScenariosModel", "The legal route needs no approval")
            )
        if key == "recovery":
            text = QCoreApplication.translate("ScenariosModel", "At present value: {pct}")
            return escape(text.format(pct=percent_text(row.value.pv_recovery_pct)))
        return None
