"""Obligaciones: each obligation with its balance broken down, days past due and collateral."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from vipdesk.core.errors import QT_TRANSLATE_NOOP
from vipdesk.services.dto import CaseDetail, ObligationInfo
from vipdesk.ui.case.base import CaseEnv, CasePage
from vipdesk.ui.column_memory import ColumnMemory
from vipdesk.ui.formatting import decimal_text, integer_text, money_text
from vipdesk.ui.table_model import RecordsModel
from vipdesk.ui.widgets import record_table
from vipdesk.ui.workers import TaskRunner

_COLUMNS = (
    ("account", QT_TRANSLATE_NOOP("ObligationsModel", "Account")),
    ("product", QT_TRANSLATE_NOOP("ObligationsModel", "Product")),
    ("rate", QT_TRANSLATE_NOOP("ObligationsModel", "Rate")),
    ("principal", QT_TRANSLATE_NOOP("ObligationsModel", "Principal")),
    ("interest", QT_TRANSLATE_NOOP("ObligationsModel", "Interest")),
    ("default", QT_TRANSLATE_NOOP("ObligationsModel", "Default interest")),
    ("fees", QT_TRANSLATE_NOOP("ObligationsModel", "Fees")),
    ("total", QT_TRANSLATE_NOOP("ObligationsModel", "Total")),
    ("days", QT_TRANSLATE_NOOP("ObligationsModel", "Days past due")),
    ("collateral", QT_TRANSLATE_NOOP("ObligationsModel", "Collateral")),
)
_MONEY = {"principal", "interest", "default", "fees", "total"}


def _collateral(o: ObligationInfo) -> str:
    if not o.collateral_kind and not o.collateral_description:
        return "—"
    value = f" ({money_text(o.collateral_value, o.currency)})" if o.collateral_value else ""
    return f"{o.collateral_description or o.collateral_kind}{value}"


class ObligationsModel(RecordsModel[ObligationInfo]):
    CONTEXT = "ObligationsModel"
    COLUMNS = _COLUMNS
    RIGHT = frozenset(_MONEY | {"rate", "days"})

    def set_obligations(self, rows: tuple[ObligationInfo, ...]) -> None:
        self.set_rows(rows)

    def cell(self, o: ObligationInfo, key: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            amounts = {"principal": o.principal, "interest": o.ordinary_interest,
                       "default": o.default_interest, "fees": o.fees, "total": o.total}  # fmt: skip
            if key in amounts:
                return money_text(amounts[key], o.currency)
            return {
                "account": o.account_number,
                "product": o.product,
                "rate": f"{decimal_text(o.annual_rate * 100, 2)} %",
                "days": integer_text(o.days_past_due),
                "collateral": _collateral(o),
            }[key]
        if role == Qt.ItemDataRole.ToolTipRole and key == "account" and o.contract_number:
            return QCoreApplication.translate("ObligationsModel", "Contract {number}").format(
                number=o.contract_number
            )
        return None


class ObligationsPage(CasePage):
    slug = "obligaciones"

    def __init__(self, env: CaseEnv, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(env, runner, parent)
        self.model = ObligationsModel(self)
        self.table = record_table("obligationsTable", self.model, single=False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.columns = ColumnMemory(
            self.table, env.settings, "obligationsTable", self.table.resizeColumnsToContents
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(self.table)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Obligations")

    def retranslate(self) -> None:
        self.table.setAccessibleName(self.tr("Obligations of the case"))
        self.model.retranslate()

    def show_detail(self, detail: CaseDetail) -> None:
        super().show_detail(detail)
        self.model.set_obligations(detail.obligations)
        self.columns.apply()
