"""Indicadores: every ratio of the debtor's segment across the periods, each value with its
traffic light (or "—" and the reason it is undefined), and for the selected ratio its formula,
a plain reading, its thresholds and a chart of its trend."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from vipdesk.core.errors import QT_TRANSLATE_NOOP
from vipdesk.core.ratio_catalog import COMPANY_RATIOS, INDIVIDUAL_RATIOS, RATIOS, Unit
from vipdesk.core.ratio_thresholds import Band, Light
from vipdesk.core.ratios import RatioValue
from vipdesk.ui import formatting
from vipdesk.ui.case.finance.charts import GREEN, RED, TrendChart
from vipdesk.ui.table_model import RIGHT_ALIGNED
from vipdesk.ui.widgets import named, record_table

Index = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole + 1

_LIGHT_COLOURS = {Light.GREEN: "#2e7d32", Light.AMBER: "#b26a00", Light.RED: "#c62828"}
_LIGHT_WORDS = {
    Light.GREEN: QT_TRANSLATE_NOOP("RatiosModel", "In the green zone"),
    Light.AMBER: QT_TRANSLATE_NOOP("RatiosModel", "In the amber zone"),
    Light.RED: QT_TRANSLATE_NOOP("RatiosModel", "In the red zone"),
}


def ratios_text(key: str) -> str:
    return QCoreApplication.translate("ratios", key)


def value_text(value: RatioValue, currency: str) -> str:
    if value.value is None:
        return "—"
    unit = value.info.unit
    if unit is Unit.AMOUNT:
        return formatting.money_text(value.value, currency)
    if unit is Unit.DAYS:
        return formatting.integer_text(int(value.value))
    if unit is Unit.PERCENT:
        return formatting.decimal_text(value.value * 100, 1) + " %"
    return formatting.decimal_text(value.value, 2)


class RatiosModel(QAbstractTableModel):
    """Rows: the segment's ratios; columns: the ratio's name, then one per period."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._keys: tuple[str, ...] = ()
        self._periods: tuple[str, ...] = ()
        self._values: dict[str, tuple[RatioValue | None, ...]] = {}
        self._currency = "GTQ"

    def set_ratios(
        self,
        segment_is_company: bool,
        periods: Sequence[str],
        values: Mapping[str, Sequence[RatioValue]],
        currency: str,
    ) -> None:
        self.beginResetModel()
        self._keys = COMPANY_RATIOS if segment_is_company else INDIVIDUAL_RATIOS
        self._periods = tuple(periods)
        self._values = {
            key: tuple(values.get(key, ())) + (None,) * (len(periods) - len(values.get(key, ())))
            for key in self._keys
        }
        self._currency = currency
        self.endResetModel()

    def key_at(self, row: int) -> str | None:
        return self._keys[row] if 0 <= row < len(self._keys) else None

    def series(self, key: str) -> tuple[RatioValue | None, ...]:
        return self._values.get(key, ())

    def periods(self) -> tuple[str, ...]:
        return self._periods

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self._periods)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return QCoreApplication.translate("RatiosModel", "Indicator")
            return self._periods[section - 1] if section - 1 < len(self._periods) else None
        if role == Qt.ItemDataRole.TextAlignmentRole and section > 0:
            return RIGHT_ALIGNED
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = self._keys[index.row()]
        if role == KEY_ROLE:
            return key
        info = RATIOS[key]
        if index.column() == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return ratios_text(info.label)
            if role == Qt.ItemDataRole.ToolTipRole:
                return ratios_text(info.formula)
            return None
        value = self._values[key][index.column() - 1]
        if value is None:
            return "—" if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            text = value_text(value, self._currency)
            return f"● {text}" if value.light is not None else text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT_ALIGNED
        if role == Qt.ItemDataRole.ForegroundRole and value.light is not None:
            return QBrush(QColor(_LIGHT_COLOURS[value.light]))
        if role == Qt.ItemDataRole.ToolTipRole:
            if value.reason is not None:
                return value.reason.translated(QCoreApplication.translate)
            if value.light is not None:
                return QCoreApplication.translate("RatiosModel", _LIGHT_WORDS[value.light])
        if role == Qt.ItemDataRole.AccessibleTextRole:
            reason = value.reason.translated(QCoreApplication.translate) if value.reason else ""
            return f"{value_text(value, self._currency)} {reason}".strip()
        return None


def band_text(key: str, band: Band | None, currency: str) -> str:
    if band is None:
        return QCoreApplication.translate("RatiosView", "No thresholds: shown for information")
    info = RATIOS[key]
    green = value_text(RatioValue(key, band.green, None, None), currency)
    red = value_text(RatioValue(key, band.red, None, None), currency)
    if info.higher_is_better:
        text = QCoreApplication.translate("RatiosView", "Green from {green}; red below {red}")
    else:
        text = QCoreApplication.translate("RatiosView", "Green up to {green}; red above {red}")
    return text.format(green=green, red=red)


class RatiosView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RatiosModel(self)
        self.table = record_table("ratiosTable", self.model)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.name_label = named(QLabel(), "sectionTitle")
        self.formula_label = named(QLabel(), "ratioFormula")
        self.reading_label = named(QLabel(), "ratioReading")
        self.band_label = named(QLabel(), "ratioBand")
        for label in (self.formula_label, self.reading_label, self.band_label):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.chart = TrendChart(self)
        self._thresholds: Mapping[str, Band] = {}
        self._currency = "GTQ"
        details = QVBoxLayout()
        details.addWidget(self.name_label)
        details.addWidget(self.formula_label)
        details.addWidget(self.reading_label)
        details.addWidget(self.band_label)
        details.addWidget(self.chart.view, 1)
        right = QWidget()
        right.setLayout(details)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(splitter)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setAccessibleName(self.tr("Ratios by period"))
        self._show_selected()

    def show_ratios(
        self,
        segment_is_company: bool,
        periods: Sequence[str],
        values: Mapping[str, Sequence[RatioValue]],
        thresholds: Mapping[str, Band],
        currency: str,
    ) -> None:
        key = self.selected_key()
        self._thresholds, self._currency = thresholds, currency
        self.model.set_ratios(segment_is_company, periods, values, currency)
        self.table.resizeColumnsToContents()
        row = next((r for r in range(self.model.rowCount()) if self.model.key_at(r) == key), 0)
        if self.model.rowCount():
            self.table.selectRow(row)
        self._show_selected()

    def selected_key(self) -> str | None:
        return self.model.key_at(self.table.currentIndex().row())

    def _show_selected(self) -> None:
        key = self.selected_key()
        if key is None:
            for label in (self.name_label, self.formula_label, self.reading_label,
                          self.band_label):  # fmt: skip
                label.clear()
            return
        info = RATIOS[key]
        self.name_label.setText(ratios_text(info.label))
        self.formula_label.setText(self.tr("Formula: {formula}").format(
            formula=ratios_text(info.formula)))  # fmt: skip
        self.reading_label.setText(ratios_text(info.reading))
        band = self._thresholds.get(key)
        self.band_label.setText(band_text(key, band, self._currency))
        series = self.model.series(key)
        values: list[Decimal | None] = [v.value if v is not None else None for v in series]
        bands = []
        if band is not None and info.unit is not Unit.AMOUNT:
            bands = [(self.tr("Green"), band.green, GREEN), (self.tr("Red"), band.red, RED)]
        if info.unit is Unit.PERCENT:
            values = [v * 100 if v is not None else None for v in values]
            bands = [(name, level * 100, colour) for name, level, colour in bands]
        self.chart.show(ratios_text(info.label), self.model.periods(), values, bands)
