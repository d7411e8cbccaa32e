"""Estados: the debtor's statements by period, typed into a grid (undo with Ctrl+Z until
saved), imported from the Excel template the app provides, or downloaded into it.

Saving writes each changed period as one command (the same checks, conflicts and offline
queue as any edit); an import writes all its periods at once, or none."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from uuid import uuid4

from PySide6.QtCore import QCoreApplication, QDir, QEvent, QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vipdesk.core.catalog import Segment
from vipdesk.services import finance, finance_template, finance_template_read
from vipdesk.services.finance_data import period_seen
from vipdesk.services.finance_dto import (
    FinancialAnalysis,
    ImportPeriods,
    PeriodDraft,
    PeriodRemoval,
    PeriodSave,
)
from vipdesk.ui.case.base import CaseEnv
from vipdesk.ui.case.finance.period_dialog import PeriodDialog
from vipdesk.ui.case.finance.statements_model import Column, StatementsModel, amount_text
from vipdesk.ui.dialogs import report_failure
from vipdesk.ui.formatting import today
from vipdesk.ui.widgets import named, record_table
from vipdesk.ui.workers import Failure, TaskRunner


def columns_of(analysis: FinancialAnalysis) -> list[Column]:
    columns = []
    for period in analysis.periods:
        values = {f"figure:{k}": amount_text(v) for k, v in period.figures.items() if v is not None}
        values.update({f"income:{k}": amount_text(v) for k, v in period.income.items()})
        columns.append(Column(period.id, period.label, period.period_end, period.months,
                              values, seen=period_seen(period)))  # fmt: skip
    return columns


class StatementsView(QWidget):
    changed = Signal()  # something was saved: reload the analysis

    def __init__(self, env: CaseEnv, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env, self.runner = env, runner
        self.analysis: FinancialAnalysis | None = None
        self.model = StatementsModel(self)
        self.model.refused.connect(self._refused)
        self.model.dataChanged.connect(lambda *_: self._update())
        self.model.stack.indexChanged.connect(lambda _i: self._update())
        self.table = record_table("statementsTable", self.model)
        self.table.setSelectionBehavior(self.table.SelectionBehavior.SelectItems)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.message = named(QLabel(), "fieldError")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()
        self.add_button = named(QPushButton(), "addPeriodButton")
        self.remove_button = named(QPushButton(), "removePeriodButton")
        self.import_button = named(QPushButton(), "importTemplateButton")
        self.template_button = named(QPushButton(), "downloadTemplateButton")
        self.discard_button = named(QPushButton(), "discardStatementsButton")
        self.save_button = named(QPushButton(), "primaryButton")
        self.add_button.clicked.connect(self.add_period)
        self.remove_button.clicked.connect(self.remove_period)
        self.import_button.clicked.connect(lambda: self.import_file())
        self.template_button.clicked.connect(lambda: self.download_template())
        self.discard_button.clicked.connect(self.discard)
        self.save_button.clicked.connect(self.save)
        self.undo_action = self.model.stack.createUndoAction(self)
        self.redo_action = self.model.stack.createRedoAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.save_action = QAction(self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save)
        for action in (self.undo_action, self.redo_action, self.save_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._update())
        bar = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.import_button,
                       self.template_button):  # fmt: skip
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.discard_button)
        bar.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self.retranslate()
        self._update()

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("&Add period…"))
        self.remove_button.setText(self.tr("Remove period…"))
        self.import_button.setText(self.tr("&Import from Excel…"))
        self.template_button.setText(self.tr("Download &template…"))
        self.discard_button.setText(self.tr("Discard changes"))
        self.save_button.setText(self.tr("&Save statements"))
        self.table.setAccessibleName(self.tr("Financial statements by period"))
        self.remove_button.setToolTip(self.tr("Removes the period of the selected cell"))
        self.import_button.setToolTip(
            self.tr(
                "Adds the periods of a filled template, or replaces those ending on the same days"
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- showing ----------------------------------------------------------------------------

    def show_analysis(self, analysis: FinancialAnalysis) -> None:
        self.analysis = analysis
        self.message.hide()
        self.model.load(analysis.segment == Segment.COMPANY, columns_of(analysis))
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(1, self.model.columnCount()):
            header.resizeSection(column, max(header.sectionSize(column), 150))
        self._update()

    def has_unsaved_changes(self) -> bool:
        return self.model.has_changes()

    def _busy(self) -> bool:
        return self.runner.is_busy("statements")

    def _update(self) -> None:
        editable = self.analysis is not None and self.analysis.can_edit and not self._busy()
        changes = self.model.has_changes()
        triggers = self.table.EditTrigger
        self.table.setEditTriggers(
            triggers.DoubleClicked | triggers.EditKeyPressed | triggers.AnyKeyPressed
            if editable
            else triggers.NoEditTriggers
        )
        self.add_button.setEnabled(editable)
        self.import_button.setEnabled(editable and not changes)
        self.template_button.setEnabled(self.analysis is not None)
        self.remove_button.setEnabled(editable and self._current_column() is not None)
        self.discard_button.setEnabled(changes and not self._busy())
        self.save_button.setEnabled(editable and changes)

    def _current_column(self) -> Column | None:
        column = self.table.currentIndex().column() - 1
        return self.model.columns[column] if 0 <= column < len(self.model.columns) else None

    def _refused(self, message: str) -> None:
        self.message.setText(message)
        self.message.show()

    # -- editing ----------------------------------------------------------------------------

    def add_period(self) -> None:
        if self.analysis is None:
            return
        taken = [c.period_end for c in self.model.columns]
        dialog = PeriodDialog(self.model.is_company, taken, today(), self)
        if dialog.exec() != PeriodDialog.DialogCode.Accepted:
            return
        column = Column(uuid4(), dialog.label.text().strip(), dialog.period_end(),
                        dialog.months.value(), {}, is_new=True)  # fmt: skip
        self.model.add_column(column)
        at = self.model.columns.index(column) + 1
        self.table.setCurrentIndex(self.model.index(1, at))
        self.table.resizeColumnToContents(at)
        self._update()

    def discard(self) -> None:
        self.model.revert()
        self.message.hide()
        self._update()

    def save(self) -> None:
        if self.analysis is None or not self.model.has_changes() or self._busy():
            return
        case_id = self.analysis.case_id
        commands = []
        for column in self.model.changed_periods():
            figures, income = self.model.figures_of(column)
            commands.append(PeriodSave(case_id, column.period_id, column.label,
                                       column.period_end, column.months, figures,
                                       income if not self.model.is_company else {},
                                       seen=None if column.is_new else column.seen))  # fmt: skip
        env = self.env

        def save_all() -> None:
            for command in commands:
                finance.save_period(env.uow_factory(), env.actor, command)

        self._run(save_all, self._saved)

    def remove_period(self) -> None:
        column = self._current_column()
        if column is None or self.analysis is None:
            return
        if column.is_new:
            self.model.revert()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove period"),
            self.tr("Remove the period {label} and its figures?").format(label=column.label),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        if self.env.interactive and box.exec() != QMessageBox.StandardButton.Yes:
            return
        env, command = self.env, PeriodRemoval(self.analysis.case_id, column.period_id)
        self._run(lambda: finance.remove_period(env.uow_factory(), env.actor, command))

    # -- the Excel template -----------------------------------------------------------------

    def _segment(self) -> Segment:
        return Segment.COMPANY if self.model.is_company else Segment.INDIVIDUAL

    def _labels(self) -> finance_template.TemplateLabels:
        return finance_template.TemplateLabels().translated(QCoreApplication.translate)

    def download_template(self, path: Path | None = None) -> None:
        if self.analysis is None:
            return
        if path is None:
            folder = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation) or QDir.homePath()  # fmt: skip
            suggested = Path(folder) / self.tr("statements {debtor}.xlsx").format(
                debtor=self.analysis.debtor_name[:40].replace("/", "-"))  # fmt: skip
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save the statements template"), str(suggested),
                self.tr("Excel workbook (*.xlsx)"))  # fmt: skip
            if not chosen:
                return
            path = Path(chosen) if chosen.lower().endswith(".xlsx") else Path(chosen + ".xlsx")
        columns = [
            finance_template.TemplateColumn(
                c.label, c.period_end, c.months, *self.model.figures_of(c)
            )
            for c in self.model.columns
        ][-finance_template.MAX_PERIODS :]
        segment, labels = self._segment(), self._labels()
        target = path
        self.runner.submit(
            "template",
            lambda: finance_template.write_template(target, segment, columns, labels),
            lambda _r: self._refused(self.tr("Template saved to {path}").format(path=target)),
            self._failed,
        )

    def import_file(self, path: Path | None = None) -> None:
        if self.analysis is None or self.model.has_changes():
            return
        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self, self.tr("Import a filled template"), QDir.homePath(),
                self.tr("Excel workbook (*.xlsx)"))  # fmt: skip
            if not chosen:
                return
            path = Path(chosen)
        existing = {c.period_end: c.period_id for c in self.model.columns}
        env, case_id, segment, source = self.env, self.analysis.case_id, self._segment(), path

        def read_and_import() -> int:
            columns = finance_template_read.read_template(source, segment, today=today())
            drafts = tuple(
                PeriodDraft(
                    existing.get(c.period_end) or uuid4(),
                    c.label,
                    c.period_end,
                    c.months or 1,
                    c.figures,
                    c.income if segment is Segment.INDIVIDUAL else {},
                )
                for c in columns
                if c.period_end is not None
            )
            if drafts:
                finance.import_periods(env.uow_factory(), env.actor,
                                       ImportPeriods(case_id, drafts))  # fmt: skip
            return len(drafts)

        self._run(read_and_import, self._imported)

    def _imported(self, count: object) -> None:
        self._done(None)
        if count == 0:
            self._refused(self.tr("The template holds no period to import."))

    # -- running ----------------------------------------------------------------------------

    def _run(self, call: Callable[[], object], done: Callable[[object], None] | None = None
             ) -> None:  # fmt: skip
        self.message.hide()
        self.runner.submit("statements", call, done or self._done, self._failed)
        self._update()

    def _saved(self, _result: object) -> None:
        self.model.mark_saved()  # the reload that follows then shows what was stored
        self._done(None)

    def _done(self, _result: object) -> None:
        self._update()
        self.changed.emit()

    def _failed(self, failure: Failure) -> None:
        self._update()
        report_failure(self, failure)
