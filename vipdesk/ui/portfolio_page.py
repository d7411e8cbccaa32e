"""The portfolio page of the main window: the header band with the search box, the filter bar,
the table, and loading the ordered case numbers. A mixin of :class:`MainWindow`; its strings
belong to the "MainWindow" context.

The ordered case numbers load off the GUI thread (search, filters and sort included); the
table then fetches the visible rows page by page. What the user may see is decided by the
services, never here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast
from uuid import UUID

from PySide6.QtCore import QCoreApplication, QModelIndex, QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from vipdesk.core.catalog import Role
from vipdesk.services import portfolio
from vipdesk.services.dto import Actor, PortfolioQuery, PortfolioRow, SortKey
from vipdesk.ui.columns import compact_font, fit_columns, widen_for_titles
from vipdesk.ui.portfolio_filters import PortfolioFilters
from vipdesk.ui.portfolio_model import CASE_ID_ROLE, COLUMN_OF, PortfolioModel
from vipdesk.ui.widgets import empty_overlay, named, record_table

if TYPE_CHECKING:
    from vipdesk.ui.workers import Failure, TaskRunner

SEARCH_DELAY_MS = 250


class PortfolioPage:
    # Provided by MainWindow.
    actor: Actor
    uow_factory: Any
    _settings: QSettings
    _runner: TaskRunner
    portfolioLoaded: Any  # noqa: N815 - the window's Qt signal
    caseActivated: Any  # noqa: N815
    count_label: QLabel  # built by MainWindow with the status bar

    if TYPE_CHECKING:  # a stub here would hide CaseTabs' method (this mixin comes first)

        def _failed(self, failure: Failure) -> None: ...
        def open_case(self, case_id: UUID, page: str | None = None) -> Any: ...
        def _cases_text(self, count: int) -> str: ...

    def _init_portfolio(self) -> None:
        owner = cast(QWidget, self)
        self.loaded_once = False
        self._refreshed = False
        self.model = PortfolioModel(self._fetch_rows, owner)
        self.model.sortRequested.connect(lambda _key, _descending: self._reload())
        self.model.fetchFailed.connect(self._failed)
        self._search_timer = QTimer(owner, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._reload)

    def _build_portfolio_page(self) -> QWidget:
        band = named(QFrame(), "headerBand")
        self._title = named(QLabel(), "headerTitle")
        self._subtitle = named(QLabel(), "headerSubtitle")
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self._title)
        titles.addWidget(self._subtitle)
        self.search_box = named(QLineEdit(), "searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(420)
        self.search_box.textChanged.connect(lambda _text: self._search_timer.start())
        self.loading_label = named(QLabel(), "loadingLabel")
        band_layout = QHBoxLayout(band)
        band_layout.setContentsMargins(20, 12, 20, 12)
        band_layout.setSpacing(16)
        band_layout.addLayout(titles)
        band_layout.addStretch(1)
        band_layout.addWidget(self.loading_label)
        band_layout.addWidget(self.search_box)

        self.filters = PortfolioFilters(
            self._settings, self.actor.username, self.current_query, self.apply_query
        )
        self.filters.changed.connect(self._reload)

        self.table = record_table("portfolioTable", self.model)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(30)
        # Column widths are fitted to the first rows only (Qt would read 1,000 by default).
        self.table.horizontalHeader().setResizeContentsPrecision(60)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        saved = self._settings.value("portfolio/header")
        # The user's widths and column order; else fitted to the first rows once they arrive.
        self._fit_pending = saved is None or not header.restoreState(saved)
        # Widths stay ours (refitted when the language changes) until the user drags one.
        self._auto_widths = self._fit_pending
        self._fitting = False
        header.sectionResized.connect(self._section_resized)
        # The ids arrive ordered by priority, highest first (the order the day's work is done
        # in), whatever order was last used: say so before sorting is switched on, so that
        # switching it on does not trigger a reload.
        header.setSortIndicator(COLUMN_OF[SortKey.PRIORITY], Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.activated.connect(self._activated)

        # Over the (empty) rows, below the column titles: the headers stay, so that a search
        # with no results does not look like a broken table.
        self.empty_label = empty_overlay(self.table)

        body = named(QWidget(), "centralArea")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(band)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)
        return body

    def _polish_table(self) -> None:
        # Only once the page is in the window: reparenting re-polishes the table and would
        # drop a font set earlier.
        self.table.setFont(compact_font(self.table.font()))
        title_font = compact_font(self.table.font())
        title_font.setBold(True)
        self.model.set_title_font(title_font)

    def _retranslate_portfolio(self) -> None:
        self._title.setText(QCoreApplication.translate("MainWindow", "Portfolio"))
        self._subtitle.setText(self._scope_text())
        self.search_box.setPlaceholderText(
            QCoreApplication.translate("MainWindow", "Search by debtor, NIT/RFC or account number")
        )
        self.search_box.setAccessibleName(
            QCoreApplication.translate("MainWindow", "Search the portfolio")
        )
        self.search_box.setToolTip(
            QCoreApplication.translate(
                "MainWindow", "Search by debtor, NIT/RFC or account number (Ctrl+F)"
            )
        )
        self.table.setAccessibleName(QCoreApplication.translate("MainWindow", "Portfolio cases"))
        self.loading_label.setText(QCoreApplication.translate("MainWindow", "Loading…"))
        self._update_count()
        self.model.retranslate()
        if self.loaded_once:
            self._fit_columns()  # titles change length with the language

    def _scope_text(self) -> str:
        role = self.actor.role
        if role == Role.EXECUTIVE:
            return QCoreApplication.translate("MainWindow", "Cases assigned to you")
        if role == Role.SUPERVISOR:
            return QCoreApplication.translate("MainWindow", "Cases of your team: {team}").format(
                team=self.actor.team_name or "—"
            )
        if role == Role.LEGAL:
            return QCoreApplication.translate("MainWindow", "Cases escalated to legal")
        return QCoreApplication.translate("MainWindow", "All cases")

    # -- loading ----------------------------------------------------------------------------

    def _fetch_rows(self, numbers: Sequence[str]) -> list[PortfolioRow]:
        # On the GUI thread by design: one page is ~5-10 ms, less than a frame.
        return portfolio.rows(self.uow_factory(), self.actor, numbers)

    def current_query(self) -> PortfolioQuery:
        key, descending = self.model.current_sort()
        query = PortfolioQuery(self.search_box.text().strip(), key, descending)
        return self.filters.applied_to(query)

    def apply_query(self, query: PortfolioQuery) -> None:
        """Show ``query`` (a saved view): search text, sort and filters, then one reload."""
        self.search_box.blockSignals(True)
        self.search_box.setText(query.search)
        self.search_box.blockSignals(False)
        self.filters.show_filters(query)
        order = Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder
        header = self.table.horizontalHeader()
        if (header.sortIndicatorSection(), header.sortIndicatorOrder()) != (
            COLUMN_OF[query.sort],
            order,
        ):
            self.table.sortByColumn(COLUMN_OF[query.sort], order)  # reloads through the model
        else:
            self._reload()

    def _reload(self) -> None:
        self._search_timer.stop()
        query = self.current_query()
        factory, actor = self.uow_factory, self.actor
        self.loading_label.show()
        self._runner.submit(
            "ids", lambda: portfolio.case_numbers(factory(), actor, query), self._ids_loaded,
            self._failed,
        )  # fmt: skip

    def _ids_loaded(self, numbers: list[str]) -> None:
        selected = self.selected_case_number()
        self.model.set_numbers(numbers)
        self.loaded_once = True
        if selected is not None and selected in numbers:
            # A reload (refresh, new sort) must not lose the case the user was looking at.
            row = numbers.index(selected)
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        if self._fit_pending and numbers:
            self._fit_pending = False
            self._fit_columns()
        self.loading_label.hide()
        self._update_count()
        self.portfolioLoaded.emit(len(numbers))
        if not self._refreshed:
            # Once per sign-in, after the first paint: recompute yesterday's priorities and
            # promise statuses, then reload if anything moved.
            self._refreshed = True
            factory, actor = self.uow_factory, self.actor
            self._runner.submit(
                "refresh", lambda: portfolio.refresh_stale(factory(), actor),
                self._refresh_done, self._failed,
            )  # fmt: skip

    def _refresh_done(self, changed: int) -> None:
        if changed > 0:
            self._reload()

    def _fit_columns(self) -> None:
        sorted_column = COLUMN_OF[self.model.current_sort()[0]]
        self._fitting = True
        try:
            if self._auto_widths:
                fit_columns(self.table, sorted_column)
            else:
                widen_for_titles(self.table, sorted_column)
        finally:
            self._fitting = False

    def _section_resized(self, _section: int, _old: int, _new: int) -> None:
        if not self._fitting:
            self._auto_widths = False

    def _update_count(self) -> None:
        count = self.model.rowCount()
        self.count_label.setText(self._cases_text(count) if self.loaded_once else "")
        show_empty = self.loaded_once and count == 0
        if show_empty:
            if self.filters.is_filtering():
                text = QCoreApplication.translate(
                    "MainWindow", "No cases match your search and filters."
                )
            elif self.search_box.text().strip():
                text = QCoreApplication.translate("MainWindow", "No cases match your search.")
            else:
                text = QCoreApplication.translate(
                    "MainWindow", "There are no cases in your portfolio."
                )
            self.empty_label.setText(text)
        self.empty_label.setVisible(show_empty)

    def is_settled(self) -> bool:
        """Loaded, refreshed, nothing pending: what a screenshot or a test waits for."""
        return self.loaded_once and not self._runner.is_busy() and not self._search_timer.isActive()

    # -- actions ----------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def selected_case_number(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.case_number(rows[0].row()) if rows else None

    def selected_case_id(self) -> UUID | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.case_id(rows[0].row()) if rows else None

    def _activated(self, index: QModelIndex) -> None:
        case_id = self.model.data(index, CASE_ID_ROLE)
        if case_id:
            self.caseActivated.emit(str(case_id))
            self.open_case(UUID(str(case_id)))
