"""Reassigning a case: who has it now, and the team's executives with their workload.

The dialog neither knows nor cares whether it works on the local cache or the central
database: it is given a ``load`` and a ``reassign`` callable, and runs both off the GUI thread.
A refusal (the executive left the team meanwhile, the case is no longer visible) is shown in
the dialog, which stays open so the supervisor can choose again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from vipdesk.core.errors import VipDeskError
from vipdesk.services.dto import TeamExecutive, TeamExecutives
from vipdesk.ui.dialogs import error_text, report_failure
from vipdesk.ui.resources import icon_path
from vipdesk.ui.widgets import named
from vipdesk.ui.workers import Failure, TaskRunner

USERNAME_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2
DETAILS_ROLE = Qt.ItemDataRole.UserRole + 3

Loader = Callable[[], TeamExecutives]
# reassign(executive's username, the executive the supervisor saw) -> anything
Reassigner = Callable[[str, str], Any]


class _ExecutiveDelegate(QStyledItemDelegate):
    """The name in bold, the workload below it in a quieter grey (greyer still when the row
    cannot be chosen: the case's executive now)."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        panel = QStyleOptionViewItem(option)
        self.initStyleOption(panel, index)
        panel.text = ""  # hover and selection from the style; the text is drawn below
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, panel, painter, widget)
        enabled = bool(index.flags() & Qt.ItemFlag.ItemIsEnabled)
        rect = option.rect.adjusted(10, 6, -10, -6)
        bold = QFont(option.font)
        bold.setBold(True)
        first = QFontMetrics(bold).height()
        painter.save()
        painter.setFont(bold)
        painter.setPen(QColor("#102a43" if enabled else "#7b8794"))
        painter.drawText(
            rect.adjusted(0, 0, 0, -first), Qt.AlignmentFlag.AlignLeft, str(index.data(NAME_ROLE))
        )
        painter.setFont(option.font)
        painter.setPen(QColor("#52606d" if enabled else "#9aa5b1"))
        painter.drawText(
            rect.adjusted(0, first + 2, 0, 0),
            Qt.AlignmentFlag.AlignLeft,
            str(index.data(DETAILS_ROLE)),
        )
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(260, 2 * QFontMetrics(option.font).height() + 16)


class ReassignDialog(QDialog):
    """Open it with ``open()``; it is accepted once the case was reassigned."""

    loaded = Signal()  # the team is listed (or could not be): for tests and screenshots

    def __init__(self, load: Loader, reassign: Reassigner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reassignDialog")
        self.setWindowIcon(QIcon(str(icon_path())))
        self._reassign = reassign
        self.team: TeamExecutives | None = None
        self.busy = True
        # What went wrong, as a function: a language switch must re-translate it.
        self._problem: Callable[[], str] | None = None
        self._runner = TaskRunner(self)
        self._build()
        self._retranslate()
        self._runner.submit("load", load, self._loaded, self._failed)

    # -- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = named(QLabel(), "dialogHeading")
        self.intro = named(QLabel(), "dialogIntro")
        self.intro.setWordWrap(True)
        self.case_label = named(QLabel(), "fieldLabel")
        self.case_value = named(QLabel(), "caseValue")
        self.case_value.setWordWrap(True)
        self.case_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.current_label = named(QLabel(), "fieldLabel")
        self.current_value = named(QLabel(), "currentExecutive")
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(8)
        form.addRow(self.case_label, self.case_value)
        form.addRow(self.current_label, self.current_value)

        self.list_label = named(QLabel(), "fieldLabel")
        # The sign-in list's look: it is a list of people too.
        self.executive_list = named(QListWidget(), "userList")
        self.executive_list.setUniformItemSizes(True)
        self.executive_list.setItemDelegate(_ExecutiveDelegate(self.executive_list))
        self.executive_list.setMinimumHeight(130)  # four people; more scroll
        # The selection, not the current item, is the choice: focusing the list makes its first
        # row current without anyone having chosen it.
        self.executive_list.itemSelectionChanged.connect(self._update_buttons)
        # Enter is the dialog's (its default button); the list takes only a double click, so a
        # key press never asks twice.
        self.executive_list.itemDoubleClicked.connect(lambda _item: self.submit())
        self.list_label.setBuddy(self.executive_list)

        self.status_label = named(QLabel(), "statusLabel")
        self.error_label = named(QLabel(), "errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        self.buttons = QDialogButtonBox()
        self.ok_button = named(QPushButton(), "reassignButton")
        self.ok_button.setDefault(True)
        self.cancel_button = named(QPushButton(), "cancelButton")
        self.cancel_button.setAutoDefault(False)  # Enter must never mean "cancel"
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addSpacing(4)
        layout.addLayout(form)
        layout.addSpacing(4)
        layout.addWidget(self.list_label)
        layout.addWidget(self.executive_list, 1)
        layout.addWidget(self.status_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumSize(520, 450)
        self._update_buttons()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Reassign case"))
        self.heading.setText(self.windowTitle())  # the case itself is on the first row below
        self.intro.setText(
            self.tr(
                "Choose the executive of the team who takes over the case. It leaves the "
                "current executive's portfolio, and their computer, at their next "
                "synchronization."
            )
        )
        self.case_label.setText(self.tr("Case"))
        self.case_value.setAccessibleName(self.tr("Case"))
        self.current_label.setText(self.tr("Current executive"))
        self.current_value.setAccessibleName(self.tr("Current executive"))
        self.list_label.setText(self.tr("&New executive"))
        self.executive_list.setAccessibleName(self.tr("Executives of the team"))
        self.executive_list.setAccessibleDescription(
            self.tr("Each executive with the number of cases assigned now")
        )
        self.error_label.setAccessibleName(self.tr("Problem with the reassignment"))
        self.ok_button.setText(self.tr("&Reassign"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.status_label.setText(self.tr("Loading…") if self.busy else "")
        if self._problem is not None:
            self.error_label.setText(self._problem())
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- data -------------------------------------------------------------------------------

    def _details(self, executive: TeamExecutive, current: bool) -> str:
        cases = self.tr("%n case(s)", "", executive.cases)
        if current:
            return self.tr("Has the case now · {cases}").format(cases=cases)
        return cases

    def _fill(self) -> None:
        team = self.team
        if team is None:
            return
        self.case_value.setText(f"{team.case_number} · {team.debtor_name}")
        self.current_value.setText(team.current_name)
        chosen = self.chosen()
        self.executive_list.blockSignals(True)
        self.executive_list.clear()
        for executive in team.executives:
            current = executive.username == team.current
            details = self._details(executive, current)
            # The plain text (both lines) is what screen readers and tests read.
            item = QListWidgetItem(f"{executive.full_name}\n{details}")
            item.setData(USERNAME_ROLE, executive.username)
            item.setData(NAME_ROLE, executive.full_name)
            item.setData(DETAILS_ROLE, details)
            item.setToolTip(executive.username)
            if current:  # shown for comparison, never a choice
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.executive_list.addItem(item)
            if executive.username == chosen:
                self.executive_list.setCurrentItem(item)
        self.executive_list.blockSignals(False)
        self._update_buttons()

    def _loaded(self, team: TeamExecutives) -> None:
        self.team = team
        self.busy = False
        self._retranslate()
        if not any(e.username != team.current for e in team.executives):
            self._show_problem(lambda: self.tr("The team has no other executive to take the case."))
        self.executive_list.setFocus(Qt.FocusReason.OtherFocusReason)
        self.loaded.emit()

    def chosen(self) -> str | None:
        """The username of the executive chosen, if it is not the one who has the case."""
        selected = self.executive_list.selectedItems()
        item = selected[0] if selected else None
        if item is None or self.team is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return None
        username = str(item.data(USERNAME_ROLE))
        return username if username != self.team.current else None

    def choose(self, username: str) -> None:
        """Select ``username`` in the list (as a click would)."""
        for row in range(self.executive_list.count()):
            item = self.executive_list.item(row)
            if item.data(USERNAME_ROLE) == username:
                self.executive_list.setCurrentItem(item)
                return
        raise KeyError(username)

    def _update_buttons(self) -> None:
        self.ok_button.setEnabled(not self.busy and self.chosen() is not None)
        self.executive_list.setEnabled(not self.busy)

    # -- running ----------------------------------------------------------------------------

    def submit(self) -> None:
        executive = self.chosen()
        if self.busy or executive is None or self.team is None:
            return
        current = self.team.current
        self.busy = True
        self.error_label.hide()
        self._problem = None
        self.status_label.setText(self.tr("Reassigning…"))
        self._update_buttons()
        self._runner.submit(
            "reassign", lambda: self._reassign(executive, current), self._done, self._failed
        )

    def _done(self, _result: object) -> None:
        self.busy = False
        self.accept()

    def _failed(self, failure: Failure) -> None:
        self.busy = False
        self.status_label.setText("")
        error = failure.error
        if isinstance(error, VipDeskError):
            self._show_problem(lambda: error_text(error))
        else:
            report_failure(self, failure)
        self._update_buttons()
        if self.team is None:
            self.loaded.emit()

    def _show_problem(self, text: Callable[[], str]) -> None:
        self._problem = text
        self.error_label.setText(text())
        self.error_label.show()

    def done(self, result: int) -> None:
        # Background calls hold database sessions: finish them before the dialog goes away.
        self._runner.shutdown()
        super().done(result)
