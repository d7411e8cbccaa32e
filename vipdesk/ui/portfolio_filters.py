"""The filter bar under the portfolio's header band, and the user's saved views.

Each filter is a combo box whose first item means "any"; changing one reloads the list at
once (the services filter in SQL). A saved view is the whole query (search text, filters,
sort) under a name, kept per user (see saved_views).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QEvent, QSettings, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from vipdesk.core.buckets import Bucket
from vipdesk.core.catalog import CaseStatus, Segment
from vipdesk.core.money import SUPPORTED_CURRENCIES
from vipdesk.services.dto import NextActionDue, PortfolioQuery
from vipdesk.ui import labels
from vipdesk.ui.saved_views import MAX_VIEW_NAME, clean_view_name, load_views, save_views
from vipdesk.ui.widgets import named

__all__ = ["MAX_VIEW_NAME", "PortfolioFilters", "load_views"]


class PortfolioFilters(QFrame):
    changed = Signal()  # the user changed a filter: reload the list

    def __init__(
        self,
        settings: QSettings,
        username: str,
        current: Callable[[], PortfolioQuery],
        apply: Callable[[PortfolioQuery], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self._settings = settings
        self._username = username
        self._current = current
        self._apply = apply
        self.bucket_combo = self._combo("bucketFilter", [b.value for b in Bucket])
        self.status_combo = self._combo("statusFilter", [s.value for s in CaseStatus])
        self.currency_combo = self._combo("currencyFilter", sorted(SUPPORTED_CURRENCIES))
        self.segment_combo = self._combo("segmentFilter", [s.value for s in Segment])
        self.next_action_combo = self._combo("nextActionFilter", [n.value for n in NextActionDue])
        self.promise_check = named(QCheckBox(), "promiseFilter")
        self.promise_check.toggled.connect(lambda _on: self._user_changed())
        self.clear_button = named(QPushButton(), "clearFiltersButton")
        self.clear_button.clicked.connect(self.clear)
        self.views_combo = named(QComboBox(), "savedViews")
        self.views_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.views_combo.activated.connect(self._view_chosen)
        self.save_view_button = named(QPushButton(), "saveViewButton")
        self.save_view_button.clicked.connect(lambda: self.save_view())
        self.delete_view_button = named(QPushButton(), "deleteViewButton")
        self.delete_view_button.clicked.connect(lambda: self.delete_view())

        # Two groups: the five filter combo boxes, then the check box, Clear and the saved
        # views. They share one row when the window is wide enough, else the second group
        # goes to a second row (see _arrange) rather than every combo box being cut short.
        filters = QHBoxLayout()
        filters.setSpacing(8)
        for combo in self._combos():
            filters.addWidget(combo)
        filters.addStretch(1)
        self._views = QWidget(self)
        views = QHBoxLayout(self._views)
        views.setContentsMargins(0, 0, 0, 0)
        views.setSpacing(8)
        views.addWidget(self.promise_check)
        views.addWidget(self.clear_button)
        views.addStretch(1)
        views.addWidget(self.views_combo)
        views.addWidget(self.save_view_button)
        views.addWidget(self.delete_view_button)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(20, 6, 20, 6)
        self._grid.setHorizontalSpacing(16)
        self._grid.setVerticalSpacing(6)
        self._grid.addLayout(filters, 0, 0)
        self._grid.addWidget(self._views, 0, 1)
        self._one_row = True
        self._retranslate()
        self._fill_views()

    def _combo(self, name: str, codes: list[str]) -> QComboBox:
        combo = named(QComboBox(), name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.addItem("", None)
        for code in codes:
            combo.addItem("", code)
        combo.currentIndexChanged.connect(lambda _i: self._user_changed())
        return combo

    def _combos(self) -> list[QComboBox]:
        return [
            self.bucket_combo,
            self.status_combo,
            self.currency_combo,
            self.segment_combo,
            self.next_action_combo,
        ]

    # -- the filters ------------------------------------------------------------------------

    def applied_to(self, query: PortfolioQuery) -> PortfolioQuery:
        """``query`` with the filters chosen here."""

        def chosen(combo: QComboBox) -> tuple[str, ...]:
            code = combo.currentData()
            return (str(code),) if code else ()

        next_action = self.next_action_combo.currentData()
        return replace(
            query,
            buckets=tuple(Bucket(b) for b in chosen(self.bucket_combo)),
            statuses=chosen(self.status_combo),
            currencies=chosen(self.currency_combo),
            segments=chosen(self.segment_combo),
            next_action=NextActionDue(next_action) if next_action else None,
            promise_due_this_week=self.promise_check.isChecked(),
        )

    def show_filters(self, query: PortfolioQuery) -> None:
        """Set the controls to ``query``'s filters without reloading (the caller does).
        The bar offers one value per filter: a view with several keeps the first."""
        wanted = {
            self.bucket_combo: [b.value for b in query.buckets],
            self.status_combo: list(query.statuses),
            self.currency_combo: list(query.currencies),
            self.segment_combo: list(query.segments),
            self.next_action_combo: [query.next_action.value] if query.next_action else [],
        }
        for combo, codes in wanted.items():
            combo.blockSignals(True)
            index = combo.findData(codes[0]) if codes else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
        self.promise_check.blockSignals(True)
        self.promise_check.setChecked(query.promise_due_this_week)
        self.promise_check.blockSignals(False)
        self._mark_active()

    def is_filtering(self) -> bool:
        return any(c.currentIndex() > 0 for c in self._combos()) or self.promise_check.isChecked()

    def clear(self) -> None:
        if self.is_filtering():
            self.show_filters(PortfolioQuery())
            self._user_changed()

    def _user_changed(self) -> None:
        self._mark_active()
        # The list no longer is the chosen view.
        self.views_combo.setCurrentIndex(0)
        self._update_view_buttons()
        self.changed.emit()

    def _mark_active(self) -> None:
        # A filter in use stands out (see the stylesheet): a list that looks complete but is
        # not is how cases get forgotten.
        for combo in self._combos():
            active = combo.currentIndex() > 0
            if combo.property("active") != active:
                combo.setProperty("active", active)
                combo.style().unpolish(combo)
                combo.style().polish(combo)
        self.clear_button.setEnabled(self.is_filtering())
        self._arrange()  # bold text widens the combo box

    # -- saved views ------------------------------------------------------------------------

    def views(self) -> dict[str, PortfolioQuery]:
        return load_views(self._settings, self._username)

    def _fill_views(self, select: str | None = None) -> None:
        self.views_combo.blockSignals(True)
        self.views_combo.clear()
        self.views_combo.addItem(self.tr("Saved views"), None)
        for name in sorted(self.views(), key=str.casefold):
            self.views_combo.addItem(name, name)
        index = self.views_combo.findData(select) if select else 0
        self.views_combo.setCurrentIndex(max(index, 0))
        self.views_combo.blockSignals(False)
        self.views_combo.setEnabled(self.views_combo.count() > 1)
        self._update_view_buttons()

    def _update_view_buttons(self) -> None:
        self.delete_view_button.setEnabled(self.views_combo.currentIndex() > 0)

    def _view_chosen(self, index: int) -> None:
        name = self.views_combo.itemData(index)
        query = self.views().get(name) if name else None
        if query is not None:
            self._apply(query)
            self.views_combo.setCurrentIndex(index)  # applying reset it; it is this view again
        self._update_view_buttons()

    def apply_view(self, name: str) -> None:
        index = self.views_combo.findData(name)
        if index > 0:
            self.views_combo.setCurrentIndex(index)
            self._view_chosen(index)

    def save_view(self, name: str | None = None) -> bool:
        """Save what the list shows now under a name (asked for when not given)."""
        if name is None:
            name = self._ask_name()
            if name is None:
                return False
        name = clean_view_name(name)
        if not name:
            QMessageBox.warning(self, self.tr("Save view"), self.tr("Type a name for the view."))
            return False
        views = self.views()
        if name in views and not self._confirm(
            self.tr("A view named “{name}” already exists. Replace it?").format(name=name)
        ):
            return False
        views[name] = self._current()
        save_views(self._settings, self._username, views)
        self._fill_views(select=name)
        return True

    def delete_view(self) -> bool:
        name = self.views_combo.currentData()
        if not name or not self._confirm(self.tr("Delete the view “{name}”?").format(name=name)):
            return False
        views = self.views()
        views.pop(name, None)
        save_views(self._settings, self._username, views)
        self._fill_views()
        return True

    def _ask_name(self) -> str | None:
        dialog = named(QInputDialog(self), "viewNameDialog")
        dialog.setWindowTitle(self.tr("Save view"))
        dialog.setLabelText(self.tr("Name of the view (the search, filters and sort order):"))
        dialog.setTextValue(self.views_combo.currentData() or "")
        line = dialog.findChild(QLineEdit)
        if line is not None:
            line.setMaxLength(MAX_VIEW_NAME)
            line.setAccessibleName(self.tr("Name of the view"))
        accepted = dialog.exec() == QInputDialog.DialogCode.Accepted
        text = dialog.textValue()
        dialog.deleteLater()
        return text if accepted else None

    def _confirm(self, question: str) -> bool:
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Saved views"), question, buttons, self
        )
        box.setObjectName("viewConfirm")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        answer = box.exec()
        box.deleteLater()
        return answer == QMessageBox.StandardButton.Yes

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        margins = self._grid.contentsMargins()
        filters = self._grid.itemAtPosition(0, 0)
        assert filters is not None
        needed = (
            filters.sizeHint().width()
            + self._views.sizeHint().width()
            + self._grid.horizontalSpacing()
            + margins.left()
            + margins.right()
        )
        one_row = self.width() >= needed
        if one_row != self._one_row:
            self._one_row = one_row
            self._grid.removeWidget(self._views)
            if one_row:
                self._grid.addWidget(self._views, 0, 1)
            else:
                self._grid.addWidget(self._views, 1, 0)

    # -- language ---------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        texts: dict[QComboBox, tuple[str, str, Callable[[str], str]]] = {
            self.bucket_combo: (
                self.tr("All buckets"), self.tr("Filter by delinquency bucket"),
                labels.bucket_label,
            ),
            self.status_combo: (
                self.tr("All statuses"), self.tr("Filter by case status"),
                labels.case_status_label,
            ),
            self.currency_combo: (
                self.tr("All currencies"), self.tr("Filter by currency"), str,
            ),
            self.segment_combo: (
                self.tr("All segments"), self.tr("Filter by segment"), labels.segment_label,
            ),
            self.next_action_combo: (
                self.tr("Next action: any"), self.tr("Filter by next action date"),
                self._next_action_label,
            ),
        }  # fmt: skip
        for combo, (everything, accessible, label) in texts.items():
            combo.setItemText(0, everything)
            for i in range(1, combo.count()):
                combo.setItemText(i, label(str(combo.itemData(i))))
            combo.setAccessibleName(accessible)
            combo.setToolTip(accessible)
        self.promise_check.setText(self.tr("Promise due this week"))
        self.promise_check.setToolTip(
            self.tr("Cases with a pending promise to pay due between Monday and Sunday")
        )
        self.promise_check.setAccessibleName(self.tr("Only promises due this week"))
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Show every case again (the search stays)"))
        self.clear_button.setAccessibleName(self.tr("Clear the filters"))
        self.views_combo.setItemText(0, self.tr("Saved views"))
        self.views_combo.setAccessibleName(self.tr("Saved views"))
        self.views_combo.setToolTip(self.tr("Show a saved view: its search, filters and sort"))
        self.save_view_button.setText(self.tr("Save view…"))
        self.save_view_button.setAccessibleName(self.tr("Save this view"))
        self.save_view_button.setToolTip(self.tr("Save the search, filters and sort under a name"))
        self.delete_view_button.setText(self.tr("Delete view"))
        self.delete_view_button.setAccessibleName(self.tr("Delete the chosen saved view"))
        self._mark_active()

    def _next_action_label(self, code: str) -> str:
        return {
            NextActionDue.TODAY.value: self.tr("Next action: due today"),
            NextActionDue.OVERDUE.value: self.tr("Next action: overdue"),
            NextActionDue.TODAY_OR_OVERDUE.value: self.tr("Next action: today or overdue"),
        }.get(code, code)
