"""The approval queue as a table: case, debtor, executive, agreement, what is to be paid, the
discount, the term, the level the policy asks, and how long each request has waited in
business hours against the SLA — overdue ones first (the service's order), marked with a red
"Overdue" badge; the others say how many business hours are left."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from vipdesk.core.errors import QT_TRANSLATE_NOOP
from vipdesk.core.sla import BusinessCalendar, business_hours_between
from vipdesk.services.agreement_dto import QueueItem
from vipdesk.ui.case.agreement.labels import level_label, percent_text
from vipdesk.ui.formatting import datetime_text, decimal_text, money_text
from vipdesk.ui.table_model import RecordsModel

CONTEXT = "ApprovalQueueModel"
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the agreement version's id, as text
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 2  # bool: past its SLA
ALERT = QColor("#b42318")
SOON = QColor("#9a5b00")  # a quarter of the SLA or less left
SOON_SHARE = Decimal("0.25")


@dataclass(frozen=True)
class QueueRow:
    """A request and where its SLA clock stands (worked out off the GUI thread)."""

    item: QueueItem
    sla_hours: Decimal  # business hours allowed: submitted → due
    left_hours: Decimal  # business hours left (0 once overdue)
    late_hours: Decimal  # business hours past the SLA (0 while on time)


def queue_rows(
    items: Iterable[QueueItem], calendar: BusinessCalendar | None = None
) -> list[QueueRow]:
    """Each item with its SLA in hours: the business hours from submission to the moment it
    is due (the same calendar the service counts with), so nothing depends on this machine's
    clock."""
    calendar = calendar or BusinessCalendar()
    rows = []
    for item in items:
        allowed = business_hours_between(item.submitted_at, item.due_at, calendar)
        left = max(allowed - item.waited_hours, Decimal(0))
        late = max(item.waited_hours - allowed, Decimal(0)) if item.overdue else Decimal(0)
        rows.append(QueueRow(item, allowed, left, late))
    return rows


class ApprovalQueueModel(RecordsModel[QueueRow]):
    CONTEXT = CONTEXT
    COLUMNS = (
        ("case", QT_TRANSLATE_NOOP("ApprovalQueueModel", "Case")),
        ("debtor", QT_TRANSLATE_NOOP("ApprovalQueueModel", "Debtor")),
        ("executive", QT_TRANSLATE_NOOP("ApprovalQueueModel", "Executive")),
        ("agreement", QT_TRANSLATE_NOOP("ApprovalQueueModel", "Agreement")),
        ("to_pay", QT_TRANSLATE_NOOP("ApprovalQueueModel", "To pay")),
        ("discount", QT_TRANSLATE_NOOP("ApprovalQueueModel", "Discount")),
        ("term", QT_TRANSLATE_NOOP("ApprovalQueueModel", "Term")),
        ("level", QT_TRANSLATE_NOOP("ApprovalQueueModel", "Needs")),
        ("waited", QT_TRANSLATE_NOOP("ApprovalQueueModel", "Waited")),
        ("sla", QT_TRANSLATE_NOOP("ApprovalQueueModel", "SLA")),
    )
    RIGHT = frozenset({"to_pay", "discount", "term", "waited"})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def row_of(self, agreement_id: object) -> int:
        return next((i for i, r in enumerate(self._rows) if r.item.agreement_id == agreement_id),
                    -1)  # fmt: skip

    def rows(self) -> tuple[QueueRow, ...]:
        return self._rows

    def cell(self, row: QueueRow, key: str, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, key)
        if role == Qt.ItemDataRole.ForegroundRole and key in ("waited", "sla"):
            if row.item.overdue:
                return QBrush(ALERT)
            if row.sla_hours and row.left_hours <= row.sla_hours * SOON_SHARE:
                return QBrush(SOON)
        if role == ID_ROLE:
            return str(row.item.agreement_id)
        if role == OVERDUE_ROLE:
            return row.item.overdue
        return None

    # self.tr(): lupdate marks plurals only on tr() calls.
    def text(self, row: QueueRow, key: str) -> str:
        item = row.item
        if key == "case":
            return item.case_number
        if key == "debtor":
            return item.debtor_name
        if key == "executive":
            return item.executive_name
        if key == "agreement":
            return self.tr("{number} v{version}").format(number=item.number, version=item.version)
        if key == "to_pay":
            return money_text(item.to_pay, item.currency)
        if key == "discount":
            return percent_text(item.discount_pct)
        if key == "term":
            return self.tr("%n month(s)", "", item.term_months)
        if key == "level":
            return level_label(item.required_level)
        if key == "waited":
            return self.tr("{hours} of {sla} h").format(
                hours=decimal_text(item.waited_hours), sla=decimal_text(row.sla_hours, 0)
            )
        if item.overdue:
            return self.tr("Overdue")
        return self.tr("{hours} h left").format(hours=decimal_text(row.left_hours))

    def tooltip(self, row: QueueRow, key: str) -> str | None:
        item = row.item
        if key in ("waited", "sla"):
            text = self.tr("Submitted {submitted}; due {due} ({sla} business hours)").format(
                submitted=datetime_text(item.submitted_at), due=datetime_text(item.due_at),
                sla=decimal_text(row.sla_hours, 0))  # fmt: skip
            if item.overdue:
                text += "\n" + self.tr("{hours} business hours past the SLA").format(
                    hours=decimal_text(row.late_hours))  # fmt: skip
            return text
        if key in ("debtor", "executive"):
            return self.text(row, key)
        return None


class BadgeDelegate(QStyledItemDelegate):
    """Draws the SLA cell of an overdue request as a red badge: seen at a glance, even when
    the row is selected."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 24, size.height())  # the badge's padding and margin

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if not index.data(OVERDUE_ROLE):
            super().paint(painter, option, index)
            return
        view_option = QStyleOptionViewItem(option)
        self.initStyleOption(view_option, index)
        text = view_option.text
        view_option.text = ""
        style = view_option.widget.style() if view_option.widget is not None else None
        if style is not None:  # the row's background and selection, without the text
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, view_option, painter,
                              view_option.widget)  # fmt: skip
        metrics = view_option.fontMetrics
        width = metrics.horizontalAdvance(text) + 16
        height = min(metrics.height() + 6, option.rect.height() - 4)
        rect = QRectF(option.rect.left() + 6, option.rect.center().y() - height / 2 + 0.5,
                      width, height)  # fmt: skip
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        path = QPainterPath()
        path.addRoundedRect(rect, height / 2, height / 2)
        painter.fillPath(path, ALERT)
        font = view_option.font
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()
