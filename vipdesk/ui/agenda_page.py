"""'Mi día': the follow-ups and promises falling due on the user's cases, one click (or Enter)
from the case. The main window shows it as its second fixed tab and calls :meth:`refresh`
whenever the portfolio may have moved (a change, a sync, the tab shown again)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from uuid import UUID

from PySide6.QtCore import QDate, QLocale, QModelIndex, QSettings, Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from vipdesk.services.dto import Agenda, AgendaKind
from vipdesk.ui import i18n
from vipdesk.ui.agenda_model import CASE_ID_ROLE, DEBTOR, WHAT, AgendaModel
from vipdesk.ui.list_page import ListPage, fit_columns

# The case page each kind of line opens on (slugs of vipdesk.ui.case.tab.PAGES; a page that
# does not exist yet leaves the case on its first page).
PAGE_FOR = {AgendaKind.FOLLOW_UP: "gestiones", AgendaKind.PROMISE: "promesas"}


class AgendaPage(ListPage):
    caseRequested = Signal(object, str)  # noqa: N815 - the case id (UUID), the page to show

    def __init__(
        self,
        load: Callable[[], Agenda],
        parent: QWidget | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__("agendaPage", parent)
        self._load = load
        self.agenda: Agenda | None = None
        self.date_label = self.subtitle  # the day the agenda is for

        self.model = AgendaModel(self)
        self.table = self.list_table("agendaTable", self.model, settings, self._fit_columns)
        header = self.table.horizontalHeader()
        # Widths from the first rows only: a supervisor's agenda can run to thousands of lines.
        header.setResizeContentsPrecision(60)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # Enter and double-click (or a single click, on platforms set up that way).
        self.table.activated.connect(self._activated)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.band)
        layout.addWidget(self.problem)
        layout.addWidget(self.table, 1)
        self.retranslate()

    # -- texts ------------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("My day")

    def retranslate(self) -> None:
        self._title.setText(self.title())
        self.loading_label.setText(self.tr("Loading…"))
        self.table.setAccessibleName(self.tr("Follow-ups and promises due"))
        self.table.setToolTip(self.tr("Enter or double-click opens the case"))
        self.counts_label.setAccessibleName(self.tr("Agenda counts"))
        self.empty_label.setText(self.tr("Nothing falls due today: no follow-ups or promises."))
        self.model.retranslate()
        self._show_counts()

    def _show_counts(self) -> None:
        agenda = self.agenda
        if agenda is None:
            self.counts_label.clear()
            self.date_label.clear()
            return
        parts = [
            self.tr("%n overdue", "", agenda.overdue_follow_ups),
            self.tr("%n due today", "", agenda.follow_ups_today),
            self.tr("%n promise(s)", "", agenda.promises),
        ]
        if agenda.installments:
            parts.append(self.tr("%n instalment(s)", "", agenda.installments))
        self.counts_label.setText(" · ".join(parts))
        self.date_label.setText(_long_date(agenda.as_of))
        self.empty_label.setVisible(not agenda.items)

    # -- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Load the agenda again, off the GUI thread; an older load still running is dropped."""
        self.loading_label.show()
        self.runner.submit("agenda", self._load, self._loaded, self._failed)

    def is_settled(self) -> bool:
        return (self.agenda is not None or self.last_failure is not None) and not (
            self.runner.is_busy()
        )

    def _loaded(self, agenda: Agenda) -> None:
        selected = self.selected_item_key()
        self.agenda = agenda
        self.last_failure = None
        self.problem.hide()
        self.loading_label.hide()
        self.model.set_items(agenda.items)
        self.columns.apply()
        self._show_counts()
        if selected is not None:
            # A refresh keeps the line the user was on, if it is still due.
            for row in range(self.model.rowCount()):
                item = self.model.item_at(row)
                if item is not None and (item.kind, item.case_id, item.item_id) == selected:
                    self.table.selectRow(row)
                    break

    def _fit_columns(self) -> None:
        # Long names and notes: capped, the rest in the tooltip; "What" takes the slack.
        fit_columns(self.table, {DEBTOR: 360, WHAT: 360}, stretch=WHAT)

    # -- opening a case ---------------------------------------------------------------------

    def selected_item_key(self) -> tuple[AgendaKind, UUID, UUID | None] | None:
        rows = self.table.selectionModel().selectedRows()
        item = self.model.item_at(rows[0].row()) if rows else None
        return (item.kind, item.case_id, item.item_id) if item is not None else None

    def _activated(self, index: QModelIndex) -> None:
        item = self.model.item_at(index.row())
        if item is not None and index.data(CASE_ID_ROLE):
            self.caseRequested.emit(item.case_id, PAGE_FOR.get(item.kind, ""))


def _long_date(value: date) -> str:
    text = i18n.qlocale().toString(
        QDate(value.year, value.month, value.day), QLocale.FormatType.LongFormat
    )
    return text[:1].upper() + text[1:]  # Spanish weekdays are lower case; a heading is not
