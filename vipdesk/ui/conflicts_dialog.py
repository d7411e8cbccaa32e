"""Settling sync conflicts: my version and the central one side by side; the user decides.

An edit that conflicted shows each compared field with both values and a per-field choice
("use mine"); a record the central database refused outright can only be acknowledged.
Resolving runs off the GUI thread; the dialog closes itself when nothing is left.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vipdesk.core.catalog import RelatedPartyRole
from vipdesk.core.errors import VipDeskError
from vipdesk.services import cases, debtors
from vipdesk.services.strategy import SECTION_LABELS
from vipdesk.ui.case.debtor_models import role_label
from vipdesk.ui.dialogs import report_failure
from vipdesk.ui.resources import icon_path
from vipdesk.ui.widgets import named
from vipdesk.ui.workers import Failure, TaskRunner
from vipdesk.ui.workspace_open import WorkspaceLike


def kind_label(kind: str) -> str:
    labels = {
        "debtor.update": QCoreApplication.translate("ConflictsDialog", "Debtor edit"),
        "payment.record": QCoreApplication.translate("ConflictsDialog", "Payment refused"),
        "interaction.log": QCoreApplication.translate("ConflictsDialog", "Interaction refused"),
        "promise.record": QCoreApplication.translate("ConflictsDialog", "Promise refused"),
        "case.reassign": QCoreApplication.translate("ConflictsDialog", "Case reassignment"),
        "contact.save": QCoreApplication.translate("ConflictsDialog", "Contact edit"),
        "contact.remove": QCoreApplication.translate("ConflictsDialog", "Contact removal refused"),
        "party.save": QCoreApplication.translate("ConflictsDialog", "Related party edit"),
        "party.remove": QCoreApplication.translate(
            "ConflictsDialog", "Related party removal refused"
        ),
        "finance.period.save": QCoreApplication.translate(
            "ConflictsDialog", "Financial statements edit"
        ),
        "finance.period.remove": QCoreApplication.translate(
            "ConflictsDialog", "Financial statements removal refused"
        ),
        "finance.periods.import": QCoreApplication.translate(
            "ConflictsDialog", "Financial statements import refused"
        ),
        "finance.assumptions.save": QCoreApplication.translate(
            "ConflictsDialog", "Financial assumptions edit"
        ),
        "scenario.save": QCoreApplication.translate("ConflictsDialog", "Settlement scenario edit"),
        "scenario.remove": QCoreApplication.translate(
            "ConflictsDialog", "Settlement scenario removal refused"
        ),
        "scenario.choose": QCoreApplication.translate(
            "ConflictsDialog", "Settlement scenario choice refused"
        ),
        "settings.thresholds.save": QCoreApplication.translate(
            "ConflictsDialog", "Ratio thresholds change refused"
        ),
        "document.generate": QCoreApplication.translate(
            "ConflictsDialog", "Generated letter refused"
        ),
        "document.handoff": QCoreApplication.translate(
            "ConflictsDialog", "Hand-off to legal refused"
        ),
        "document.acknowledge": QCoreApplication.translate(
            "ConflictsDialog", "Acknowledgement of receipt refused"
        ),
        "settings.letterhead.save": QCoreApplication.translate(
            "ConflictsDialog", "Letterhead change refused"
        ),
        "settings.letter_template.save": QCoreApplication.translate(
            "ConflictsDialog", "Letter template change refused"
        ),
        "agreement.create": QCoreApplication.translate(
            "ConflictsDialog", "New payment agreement refused"
        ),
        "agreement.save": QCoreApplication.translate("ConflictsDialog", "Payment agreement edit"),
        "agreement.step": QCoreApplication.translate(
            "ConflictsDialog", "Payment agreement step refused"
        ),
        "agreement.revise": QCoreApplication.translate(
            "ConflictsDialog", "New version of a payment agreement refused"
        ),
        "settings.approval.save": QCoreApplication.translate(
            "ConflictsDialog", "Approval settings change refused"
        ),
        "strategy.save": QCoreApplication.translate(
            "ConflictsDialog", "Negotiation strategy version"
        ),
        "strategy.decision": QCoreApplication.translate(
            "ConflictsDialog", "Strategy decision refused"
        ),
    }
    return labels.get(kind, kind)


def field_label(name: str) -> str:
    labels = {
        "trade_name": QCoreApplication.translate("ConflictsDialog", "Trade name"),
        "risk_rating": QCoreApplication.translate("ConflictsDialog", "Risk rating"),
        "economic_activity": QCoreApplication.translate("ConflictsDialog", "Economic activity"),
        "notes": QCoreApplication.translate("ConflictsDialog", "Notes"),
        "executive": QCoreApplication.translate("ConflictsDialog", "Executive"),
        "label": QCoreApplication.translate("ConflictsDialog", "Label"),
        "value": QCoreApplication.translate("ConflictsDialog", "Phone, email or address"),
        "best_hours": QCoreApplication.translate("ConflictsDialog", "Best hours"),
        # A related party's.
        "role": QCoreApplication.translate("ConflictsDialog", "Role"),
        "name": QCoreApplication.translate("ConflictsDialog", "Name"),
        "capacity": QCoreApplication.translate("ConflictsDialog", "Capacity"),
        "tax_id": QCoreApplication.translate("ConflictsDialog", "Tax id"),
        "id_document": QCoreApplication.translate("ConflictsDialog", "Identity document"),
        "phone": QCoreApplication.translate("ConflictsDialog", "Phone"),
        "email": QCoreApplication.translate("ConflictsDialog", "Email"),
        # A payment agreement's (notes and the terms keep their own names).
        "signatories": QCoreApplication.translate("ConflictsDialog", "Signatories"),
        # A strategy version's (its sections are labelled as on the Estrategia page).
        "note": QCoreApplication.translate("ConflictsDialog", "Note of the version"),
        **{s: QCoreApplication.translate("strategy", t) for s, t in SECTION_LABELS.items()},
    }
    return labels.get(name, name)


def _with_subjects(
    workspace: WorkspaceLike, conflicts: list[Any]
) -> tuple[list[Any], dict[str, str]]:
    """The conflicts, and for each the debtor (or case) it is about, read from the cache.
    Off the GUI thread."""
    subjects: dict[str, str] = {}
    for conflict in conflicts:
        try:
            if "debtor_id" in conflict.mine:
                info = debtors.debtor_info(
                    workspace.unit_of_work(), workspace.actor, UUID(conflict.mine["debtor_id"])
                )
                subjects[str(conflict.id)] = info.name
            elif "case_id" in conflict.mine:
                detail = cases.case_detail(
                    workspace.unit_of_work(), workspace.actor, UUID(conflict.mine["case_id"])
                )
                subjects[str(conflict.id)] = f"{detail.number} · {detail.debtor_name}"
        except (VipDeskError, ValueError):
            continue  # no longer visible to this user: the message alone will do
    return conflicts, subjects


def _party_roles() -> dict[str, str]:
    """How a related party's role code is shown (a guarantor, not "guarantor")."""
    return {role.value: role_label(role.value) for role in RelatedPartyRole}


def _value(value: Any, names: dict[str, str] | None = None) -> str:
    """``names``: how to show the usernames a value may be (a reassignment's executive)."""
    if value is None or value == "":
        return "—"
    return (names or {}).get(str(value), str(value))


class ConflictsDialog(QDialog):
    """Non-modal for the window (``open()``); emits :attr:`resolved` after each decision."""

    resolved = Signal()

    def __init__(self, workspace: WorkspaceLike, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictsDialog")
        self.setWindowIcon(QIcon(str(icon_path())))
        self.setMinimumSize(900, 480)
        self.workspace = workspace
        self.conflicts: list[Any] = []
        self.subjects: dict[str, str] = {}  # entity id -> what it is about ("debtor X")
        self.loaded_once = False
        self._runner = TaskRunner(self)
        self._build()
        self._retranslate()
        self.reload()

    # -- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.conflict_list = named(QListWidget(), "conflictList")
        self.conflict_list.setMinimumWidth(240)
        self.conflict_list.setSpacing(3)
        self.conflict_list.currentRowChanged.connect(self._show_current)

        self.heading = named(QLabel(), "dialogHeading")
        self.message = named(QLabel(), "conflictMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.fields_table = named(QTableWidget(0, 4), "conflictFields")
        self.fields_table.verticalHeader().hide()
        self.fields_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fields_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.fields_table.setWordWrap(True)
        self.fields_table.verticalHeader().setMinimumSectionSize(28)
        header = self.fields_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.use_theirs_button = named(QPushButton(), "useTheirsButton")
        self.use_mine_button = named(QPushButton(), "useMineButton")
        self.merge_button = named(QPushButton(), "mergeButton")
        self.use_theirs_button.clicked.connect(lambda: self._resolve("theirs"))
        self.use_mine_button.clicked.connect(lambda: self._resolve("mine"))
        self.merge_button.clicked.connect(lambda: self._resolve("merge"))
        edit_buttons = QHBoxLayout()
        edit_buttons.addStretch(1)
        edit_buttons.addWidget(self.use_theirs_button)
        edit_buttons.addWidget(self.use_mine_button)
        edit_buttons.addWidget(self.merge_button)
        edit_page = QWidget()
        edit_layout = QVBoxLayout(edit_page)
        edit_layout.setContentsMargins(0, 0, 0, 0)
        self.edit_hint = named(QLabel(), "dialogIntro")
        self.edit_hint.setWordWrap(True)
        edit_layout.addWidget(self.edit_hint)
        edit_layout.addWidget(self.fields_table, 1)
        edit_layout.addLayout(edit_buttons)

        self.acknowledge_button = named(QPushButton(), "acknowledgeButton")
        self.acknowledge_button.clicked.connect(lambda: self._resolve("theirs"))
        refusal_page = QWidget()
        refusal_layout = QVBoxLayout(refusal_page)
        refusal_layout.setContentsMargins(0, 0, 0, 0)
        self.refusal_hint = named(QLabel(), "dialogIntro")
        self.refusal_hint.setWordWrap(True)
        refusal_layout.addWidget(self.refusal_hint)
        refusal_layout.addStretch(1)
        ack_row = QHBoxLayout()
        ack_row.addStretch(1)
        ack_row.addWidget(self.acknowledge_button)
        refusal_layout.addLayout(ack_row)

        self.pages = QStackedWidget()
        self.pages.addWidget(edit_page)
        self.pages.addWidget(refusal_page)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(12, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.message)
        right_layout.addWidget(self.pages, 1)

        splitter = QSplitter()
        splitter.addWidget(self.conflict_list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 620])
        self.close_button = named(QPushButton(), "closeButton")
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Synchronization conflicts"))
        self.conflict_list.setAccessibleName(self.tr("Conflicts to settle"))
        self.fields_table.setAccessibleName(self.tr("My version and the central version"))
        self.fields_table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("My version"), self.tr("Central version"),
             self.tr("Use mine")]
        )  # fmt: skip
        self.edit_hint.setText(
            self.tr(
                "Someone changed this record in the central database while you were editing it. "
                "Keep the central version, apply yours again, or tick the fields where yours "
                "should win and combine."
            )
        )
        self.refusal_hint.setText(
            self.tr("The central database did not accept this record; it was not saved there.")
        )
        self.use_theirs_button.setText(self.tr("Use the central one"))
        self.use_mine_button.setText(self.tr("Use mine"))
        self.merge_button.setText(self.tr("Combine"))
        self.merge_button.setToolTip(self.tr("Use my version only in the ticked fields"))
        self.acknowledge_button.setText(self.tr("Understood"))
        self.close_button.setText(self.tr("Close"))
        self._fill_list()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- data -------------------------------------------------------------------------------

    def reload(self) -> None:
        self.setEnabled(True)
        workspace = self.workspace
        self._runner.submit(
            "list", lambda: _with_subjects(workspace, workspace.conflicts()), self._loaded,
            self._failed,
        )  # fmt: skip

    def _loaded(self, loaded: tuple[list[Any], dict[str, str]]) -> None:
        conflicts, subjects = loaded
        self.conflicts = conflicts
        self.subjects = subjects
        self.loaded_once = True
        if not conflicts:
            self.accept()
            return
        self._fill_list()

    def _fill_list(self) -> None:
        current = self.conflict_list.currentRow()
        self.conflict_list.blockSignals(True)
        self.conflict_list.clear()
        for conflict in self.conflicts:
            when = conflict.created_at.astimezone().strftime("%d/%m/%Y %H:%M")
            item = QListWidgetItem(f"{kind_label(conflict.kind)}\n{when}")
            self.conflict_list.addItem(item)
        self.conflict_list.blockSignals(False)
        if self.conflicts:
            self.conflict_list.setCurrentRow(min(max(current, 0), len(self.conflicts) - 1))
            self._show_current(self.conflict_list.currentRow())

    def current(self) -> Any | None:
        row = self.conflict_list.currentRow()
        return self.conflicts[row] if 0 <= row < len(self.conflicts) else None

    def _show_current(self, _row: int) -> None:
        conflict = self.current()
        if conflict is None:
            return
        self.heading.setText(kind_label(conflict.kind))
        fields = conflict.fields
        self.message.setText(self._explanation(conflict, bool(fields)))
        self.message.setToolTip(conflict.message)
        self.pages.setCurrentIndex(0 if fields else 1)
        self.fields_table.setRowCount(len(fields))
        bold = QFont(self.fields_table.font())
        bold.setBold(True)
        theirs = conflict.theirs or {}
        for row, name in enumerate(fields):
            mine, central = conflict.mine.get(name), theirs.get(name)
            names = _party_roles() if name == "role" else conflict.names
            cells = [QTableWidgetItem(field_label(name)),
                     QTableWidgetItem(_value(mine, names)),
                     QTableWidgetItem(_value(central, names))]  # fmt: skip
            if mine != central:
                for cell in cells:
                    cell.setFont(bold)
            choice = QTableWidgetItem()
            choice.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            choice.setCheckState(Qt.CheckState.Unchecked)
            label = self.tr("Use my version of {field}").format(field=field_label(name))
            choice.setData(Qt.ItemDataRole.AccessibleTextRole, label)
            for column, cell in enumerate([*cells, choice]):
                self.fields_table.setItem(row, column, cell)
        self.fields_table.resizeRowsToContents()

    def _explanation(self, conflict: Any, is_edit: bool) -> str:
        subject = self.subjects.get(str(conflict.id), "")
        if is_edit and subject and "debtor_id" in conflict.mine:
            return self.tr("{debtor} was changed in the central database meanwhile.").format(
                debtor=subject
            )
        reason = conflict.reason(QCoreApplication.translate)
        return f"{subject}: {reason}" if subject else reason

    def set_use_mine(self, field: str, use_mine: bool) -> None:
        conflict = self.current()
        if conflict is None or field not in conflict.fields:
            raise KeyError(field)
        item = self.fields_table.item(conflict.fields.index(field), 3)
        assert item is not None
        item.setCheckState(Qt.CheckState.Checked if use_mine else Qt.CheckState.Unchecked)

    def chosen(self) -> dict[str, Any]:
        """For "Combine": each field's value, mine where ticked, else the central one."""
        conflict = self.current()
        if conflict is None:
            return {}
        theirs = conflict.theirs or {}
        values: dict[str, Any] = {}
        for row, name in enumerate(conflict.fields):
            item = self.fields_table.item(row, 3)
            ticked = item is not None and item.checkState() == Qt.CheckState.Checked
            values[name] = conflict.mine.get(name) if ticked else theirs.get(name)
        return values

    def _resolve(self, choice: str) -> None:
        conflict = self.current()
        if conflict is None:
            return
        chosen = self.chosen() if choice == "merge" else None
        workspace = self.workspace
        self.setEnabled(False)  # one decision at a time

        def run() -> tuple[list[Any], dict[str, str]]:
            workspace.resolve(conflict.id, choice, chosen)
            return _with_subjects(workspace, workspace.conflicts())

        self._runner.submit("resolve", run, self._resolved, self._failed)

    def _resolved(self, loaded: tuple[list[Any], dict[str, str]]) -> None:
        self.setEnabled(True)
        self.resolved.emit()
        self._loaded(loaded)

    def _failed(self, failure: Failure) -> None:
        self.setEnabled(True)
        report_failure(self, failure)
        self.reload()

    def done(self, result: int) -> None:
        self._runner.shutdown()
        super().done(result)
