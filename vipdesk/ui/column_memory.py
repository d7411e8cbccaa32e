"""Column widths (and order) the user set by hand, remembered in the interface settings.

A table's columns are fitted to its contents until the user drags a column edge (or moves a
column): from then on that table's layout is the user's, saved under ``columns/<key>`` and
restored in every case tab, every session. Widths Qt changes by itself (a stretched last column
following the window, fitting to new rows) are never saved: only a change made while the
mouse is pressed on the header is the user's. "Fit columns to contents" in the header's
context menu forgets the saved layout and fits again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QSettings, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView

SAVE_DELAY_MS = 300


class ColumnMemory(QObject):
    def __init__(
        self,
        table: QTableView,
        settings: QSettings | None,
        key: str,
        fit: Callable[[], None],
    ) -> None:
        super().__init__(table)
        self.table = table
        self.settings = settings
        self.key = f"columns/{key}"
        self._fit = fit
        self._pressed = False
        self._dirty = False
        self.user_layout = False  # the user's widths are in force
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save)
        header = self.header
        header.sectionResized.connect(self._resized)
        header.sectionMoved.connect(self._resized)
        header.viewport().installEventFilter(self)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._menu)

    @property
    def header(self) -> QHeaderView:
        return self.table.horizontalHeader()

    def apply(self) -> None:
        """Lay the columns out for new rows: the user's saved layout, else fitted."""
        if self.user_layout:
            return
        saved = self.settings.value(self.key) if self.settings is not None else None
        if saved is not None and self.header.restoreState(saved):
            self.user_layout = True
            return
        self._fit()

    def fit_to_contents(self) -> None:
        """Forget the user's layout and fit the columns again."""
        self._save_timer.stop()
        self.user_layout = False
        if self.settings is not None:
            self.settings.remove(self.key)
        header = self.header
        for logical in range(header.count()):
            header.moveSection(header.visualIndex(logical), logical)
        self._fit()

    def save(self) -> None:
        self._save_timer.stop()
        if self.settings is not None and self.user_layout:
            self.settings.setValue(self.key, self.header.saveState())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress:
            self._pressed, self._dirty = True, False
        elif kind == QEvent.Type.MouseButtonRelease:
            self._pressed = False
            if self._dirty:
                self._user_changed()
        elif kind == QEvent.Type.MouseButtonDblClick:
            # A double click on a column edge fits that column: a choice like a drag.
            self._pressed, self._dirty = True, False
        return False

    def _resized(self, *_args: int) -> None:
        if self._pressed:
            self._dirty = True

    def _user_changed(self) -> None:
        self._dirty = False
        self.user_layout = True
        self._save_timer.start()

    def _menu(self, position: QPoint) -> None:
        menu = QMenu(self.table)
        menu.setObjectName("columnsMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        action = menu.addAction(
            QCoreApplication.translate("ColumnMemory", "Fit columns to contents")
        )
        action.triggered.connect(self.fit_to_contents)
        menu.popup(self.header.viewport().mapToGlobal(position))
