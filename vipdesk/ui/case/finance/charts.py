"""The two charts of the financial analysis (QtCharts): a ratio's trend across periods, with
its green and red thresholds, and the scenarios' present values side by side.

Values arrive as ``Decimal``; charts draw floats, which is fine for a picture (the figures the
user reads and decides on are in the tables, exact)."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from decimal import Decimal

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QWidget

from vipdesk.ui.widgets import named

LINE = QColor("#1f5f99")
GREEN = QColor("#2e7d32")
RED = QColor("#c62828")
PV_COLOUR = QColor("#9fb8d3")
EXPECTED_COLOUR = QColor("#1f5f99")
BEST_COLOUR = QColor("#2e7d32")


def _chart() -> QChart:
    chart = QChart()
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    title_font = QFont(chart.titleFont())
    title_font.setBold(True)
    chart.setTitleFont(title_font)
    return chart


def _view(chart: QChart, name: str, parent: QWidget | None) -> QChartView:
    view = named(QChartView(chart, parent), name)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(220)
    return view


def _range(values: Sequence[float]) -> tuple[float, float]:
    low, high = min([0.0, *values]), max([0.0, *values])
    if low == high:
        high = low + 1
    pad = (high - low) * 0.1
    return low - (pad if low < 0 else 0), high + pad


class _Chart:
    chart: QChart
    view: QChartView

    def _fresh(self) -> QChart:
        """A new chart for new data: axes removed from a QChart leave their labels behind."""
        old, self.chart = self.chart, _chart()
        self.view.setChart(self.chart)
        old.deleteLater()
        return self.chart


class TrendChart(_Chart):
    """One ratio across the periods (oldest first); undefined periods leave a gap."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.chart = _chart()
        self.view = _view(self.chart, "ratioTrendChart", parent)

    def show(
        self,
        title: str,
        periods: Sequence[str],
        values: Sequence[Decimal | None],
        bands: Sequence[tuple[str, Decimal, QColor]] = (),
    ) -> None:
        chart = self._fresh()
        chart.setTitle(title)
        categories = QBarCategoryAxis()
        categories.append(list(periods))
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        numbers = QValueAxis()
        numbers.setLabelFormat("%.2f")
        chart.addAxis(numbers, Qt.AlignmentFlag.AlignLeft)
        drawn = [float(v) for v in values if v is not None]
        # A line per run of defined values: an undefined period is a gap, not a zero.
        run = QLineSeries()
        runs = [run]
        dots = QScatterSeries()
        dots.setMarkerSize(8)
        for index, value in enumerate(values):
            if value is None:
                run = QLineSeries()
                runs.append(run)
                continue
            # Category axes place category i at i + 0.5 of the value range below.
            point = QPointF(index + 0.5, float(value))
            run.append(point)
            dots.append(point)
        x_axis = QValueAxis()
        x_axis.setRange(0, max(1, len(periods)))
        x_axis.setVisible(False)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignTop)
        pen = QPen(LINE, 2.5)
        for series in runs:
            if series.count():
                series.setPen(pen)
                chart.addSeries(series)
                series.attachAxis(x_axis)
                series.attachAxis(numbers)
        dots.setColor(LINE)
        dots.setBorderColor(LINE)
        chart.addSeries(dots)
        dots.attachAxis(x_axis)
        dots.attachAxis(numbers)
        for name, level, colour in bands:
            line = QLineSeries()
            line.setName(html.escape(name))  # legends read rich text: "< 1" is not a tag
            line.append(0, float(level))
            line.append(max(1, len(periods)), float(level))
            line.setPen(QPen(colour, 1.2, Qt.PenStyle.DashLine))
            chart.addSeries(line)
            line.attachAxis(x_axis)
            line.attachAxis(numbers)
            drawn.append(float(level))
        low, high = _range(drawn)
        numbers.setRange(low, high)
        numbers.applyNiceNumbers()
        for marker in chart.legend().markers():
            marker.setVisible(bool(marker.series().name()))


class ComparisonChart(_Chart):
    """Present value and expected present value of each scenario, as grouped bars."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.chart = _chart()
        self.view = _view(self.chart, "scenarioChart", parent)

    def show(
        self,
        title: str,
        names: Sequence[str],
        present: Sequence[Decimal | None],
        expected: Sequence[Decimal | None],
        labels: tuple[str, str],
        axis_title: Callable[[int], str],
    ) -> None:
        """``axis_title(scale)``: the value axis' title for amounts divided by ``scale`` (1,
        1,000 or 1,000,000: axis labels have no thousands separators, so big amounts are
        shown in thousands or millions)."""
        chart = self._fresh()
        chart.setTitle(title)
        pv_set, expected_set = QBarSet(labels[0]), QBarSet(labels[1])
        pv_set.setColor(PV_COLOUR)
        expected_set.setColor(EXPECTED_COLOUR)
        largest = max([abs(float(v or 0)) for v in (*present, *expected)] or [0.0])
        scale = 1_000_000 if largest >= 10_000_000 else 1_000 if largest >= 10_000 else 1
        pv_set.append([float(v or 0) / scale for v in present])
        expected_set.append([float(v or 0) / scale for v in expected])
        series = QBarSeries()
        series.append(pv_set)
        series.append(expected_set)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append(list(names))
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        numbers = QValueAxis()
        numbers.setLabelFormat("%.0f")
        numbers.setTitleText(axis_title(scale))
        low, high = _range([float(v or 0) / scale for v in (*present, *expected)])
        numbers.setRange(low, high)
        numbers.applyNiceNumbers()
        chart.addAxis(numbers, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(numbers)
