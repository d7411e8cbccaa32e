"""Escenarios: the case's settlement scenarios valued side by side with the legal route (our
alternative), a chart of their present and expected present values, and for the selected row
how its probability of completion was worked out, who must approve it and its schedule.

Scenarios are added, edited (Enter or double-click on a row), removed (Delete, after asking)
and chosen here; the dialogs build the commands and the view runs them on the page's runner
(channel ``BUSY``), then emits ``changed`` for the page to reload the analysis and the
comparison (``show_comparison``). The legal route is valued from the assumptions of the
capacity view: it is edited there, not here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from html import escape
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from vipdesk.core.completion import Factor
from vipdesk.core.errors import ValidationError, VipDeskError
from vipdesk.services import scenarios
from vipdesk.services.finance_dto import Comparison, ScenarioChoice, ScenarioRemoval, ScenarioSave
from vipdesk.ui.case.base import CaseEnv
from vipdesk.ui.case.finance.charts import ComparisonChart
from vipdesk.ui.case.finance.choice_dialog import ChoiceDialog
from vipdesk.ui.case.finance.scenario_dialog import CommandDialog, ScenarioDialog
from vipdesk.ui.case.finance.scenarios_model import (
    FACTOR_LABELS,
    FREQUENCY_LABELS,
    Line,
    ScenariosModel,
    kind_label,
    label,
    level_text,
    lines_of,
    marks_text,
    percent_text,
    problem_lines,
    reasons_text,
)
from vipdesk.ui.dialogs import report_failure
from vipdesk.ui.formatting import date_text, datetime_text, decimal_text, integer_text, money_text
from vipdesk.ui.widgets import named, record_table
from vipdesk.ui.workers import Failure, TaskRunner

BUSY = "scenario"  # the runner's channel for saving, removing and choosing scenarios
SCHEDULE_ROWS = 6  # the first rows of a schedule the details show (then the last one)
CHART_NAME = 18  # characters of a name under its bars
CD = TypeVar("CD", bound=CommandDialog)


class ScenariosView(QWidget):
    changed = Signal()  # a scenario was saved, removed or chosen: reload the comparison

    def __init__(self, env: CaseEnv, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env, self.runner = env, runner
        self.comparison: Comparison | None = None
        self.can_edit = False
        self.dialog: CommandDialog | None = None
        self._select: str | None = None  # the row to select once the next comparison arrives
        self.model = ScenariosModel(self)
        self.table = record_table("scenariosTable", self.model)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.activated.connect(lambda _index: self.edit_scenario())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.table.installEventFilter(self)  # Delete on a row removes it (after asking)
        self.summary = named(QLabel(), "countLabel")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)  # long names wrap rather than push the buttons away
        self.new_button = named(QPushButton(), "primaryButton")
        self.edit_button = named(QPushButton(), "editScenarioButton")
        self.remove_button = named(QPushButton(), "removeScenarioButton")
        self.choose_button = named(QPushButton(), "chooseScenarioButton")
        self.new_button.clicked.connect(self.add_scenario)
        self.edit_button.clicked.connect(self.edit_scenario)
        self.remove_button.clicked.connect(self.remove_scenario)
        self.choose_button.clicked.connect(self.choose_scenario)
        self.details = named(QTextBrowser(), "scenarioDetails")
        self.details.setOpenLinks(False)
        self.chart = ComparisonChart(self)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        for button in (self.new_button, self.edit_button, self.remove_button,
                       self.choose_button):  # fmt: skip
            bar.addWidget(button)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.details)
        lower.addWidget(self.chart.view)
        self.details.setMinimumWidth(360)
        self.chart.view.setMinimumWidth(360)
        lower.setChildrenCollapsible(False)
        lower.setStretchFactor(0, 1)
        lower.setStretchFactor(1, 1)
        lower.setSizes([1000, 1000])  # half each, whatever the size hints say
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([400, 600])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        runner.busyChanged.connect(self._busy_changed)  # a bound slot: gone with the view
        self.retranslate()

    # -- the page's side ----------------------------------------------------------------------

    def show_comparison(self, comparison: Comparison, can_edit: bool) -> None:
        line = self.selected_line()
        keep = self._select or (line.key if line is not None else None)
        self._select = None
        self.comparison, self.can_edit = comparison, can_edit
        self.model.set_comparison(comparison)
        self._fit_columns()
        row = self.model.row_of(keep)
        if self.model.rowCount():
            row = row if row >= 0 else 0
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self._show_summary()
        self._show_chart()
        self._selection_changed()

    def has_unsaved_changes(self) -> bool:
        dialog = self.dialog
        return dialog is not None and dialog.isVisible() and dialog.has_typed()

    def retranslate(self) -> None:
        self.new_button.setText(self.tr("&New scenario…"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.remove_button.setText(self.tr("Re&move"))
        self.choose_button.setText(self.tr("C&hoose this scenario…"))
        self.table.setAccessibleName(self.tr("Settlement scenarios compared"))
        self.details.setAccessibleName(self.tr("Details of the selected scenario"))
        self.chart.view.setAccessibleName(self.tr("Chart of present and expected values"))
        self.summary.setAccessibleName(self.tr("Summary of the comparison"))
        for button in (self.new_button, self.edit_button, self.remove_button,
                       self.choose_button):  # fmt: skip
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
        self.model.retranslate()
        self._show_summary()
        self._show_chart()
        self._selection_changed()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Delete
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            self.remove_scenario()
            return True
        return super().eventFilter(watched, event)

    # -- showing ----------------------------------------------------------------------------

    def selected_line(self) -> Line | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.line_at(rows[0].row()) if rows else None

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the name takes the rest

    def _show_summary(self) -> None:
        """How many scenarios, which one is recommended and which one chosen (the page says
        the balance owed and the day above)."""
        comparison = self.comparison
        if comparison is None:
            self.summary.clear()
            return
        count = len([r for r in comparison.rows if r.info is not None])
        if not count:
            self.summary.setText(self.tr("No scenarios yet: add one to compare it with the "
                                         "legal route"))  # fmt: skip
            return
        facts = [self.tr("%n scenario(s) and the legal route", "", count)]
        lines = lines_of(comparison)
        best = next((line.name for line in lines if line.recommended), None)
        chosen = next((line.name for line in lines if line.chosen), None)
        facts.append(self.tr("recommended: {name}").format(name=best) if best is not None
                     else self.tr("nothing recommended"))  # fmt: skip
        if chosen is not None:
            facts.append(self.tr("chosen: {name}").format(name=chosen))
        self.summary.setText(" · ".join(facts))

    def _show_chart(self) -> None:
        comparison = self.comparison
        lines = [self.model.line_at(r) for r in range(self.model.rowCount())]
        shown = [line for line in lines if line is not None]
        if comparison is None or not shown:
            return  # nothing loaded yet (an empty chart leaves its axis behind once redrawn)
        names = [_short(("★ " if line.recommended else "") + line.name) for line in shown]
        currency = comparison.currency

        def axis(scale: int) -> str:
            if scale >= 1_000_000:
                return self.tr("millions of {currency}").format(currency=currency)
            if scale >= 1_000:
                return self.tr("thousands of {currency}").format(currency=currency)
            return currency

        self.chart.show(
            self.tr("Present value and expected present value"),
            [escape(name) for name in names],  # axis labels are rich text: names stay text
            [line.row.value.present_value if line.row.value else None for line in shown],
            [line.row.value.expected_pv if line.row.value else None for line in shown],
            (self.tr("Present value"), self.tr("Expected PV")),
            axis,
        )

    def _selection_changed(self) -> None:
        line = self.selected_line()
        self.details.setHtml(self.details_html(line) if line is not None else "")
        self._update_buttons()

    def _busy_changed(self, _busy: bool) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        comparison, line = self.comparison, self.selected_line()
        editable = self.can_edit and comparison is not None and not self.runner.is_busy(BUSY)
        scenario = line is not None and line.row.info is not None
        valued = line is not None and line.row.value is not None
        owed = comparison is not None and comparison.exposure > 0
        self.new_button.setEnabled(editable and owed)
        self.edit_button.setEnabled(editable and scenario)
        self.remove_button.setEnabled(editable and scenario)
        self.choose_button.setEnabled(editable and scenario and valued)
        if comparison is not None and not self.can_edit:
            tip = self.tr("You may see this case's scenarios but not change them")
            tips = dict.fromkeys(("new", "edit", "remove", "choose"), tip)
        else:
            tips = dict.fromkeys(("new", "edit", "remove", "choose"), "")
            if comparison is not None and not owed:
                tips["new"] = QCoreApplication.translate("errors", scenarios.NOTHING_OWED)
            if line is not None and not scenario:
                legal = self.tr("The legal route is valued from the assumptions: change them "
                                "under “Capacity to pay”")  # fmt: skip
                tips.update(edit=legal, remove=legal, choose=legal)
            elif scenario and not valued:
                tips["choose"] = QCoreApplication.translate("errors", scenarios.NOT_VALUABLE)
        self.new_button.setToolTip(tips["new"])
        self.edit_button.setToolTip(tips["edit"])
        self.remove_button.setToolTip(tips["remove"])
        self.choose_button.setToolTip(tips["choose"])

    # -- the details --------------------------------------------------------------------------

    def details_html(self, line: Line) -> str:
        row, value, info = line.row, line.row.value, line.row.info
        parts = [f"<h3>{escape(line.name)}</h3>"]
        subtitle = " · ".join(filter(None, [kind_label(line.kind), marks_text(line)]))
        parts.append(f"<p>{escape(subtitle)}</p>")
        if value is None:
            lines = "<br>".join(escape(text) for text in problem_lines(row))
            parts.append(f"<p style='color:#b42318'>{lines}</p>")
        else:

            def money(amount: Decimal) -> str:
                return money_text(amount, line.currency)

            figures = [
                (self.tr("Nominal total"), money(value.nominal_total)),
                (self.tr("Present value"), money(value.present_value)),
                (self.tr("Recovery of the balance owed"),
                 self.tr("{nominal} (at present value {present})").format(
                     nominal=percent_text(value.recovery_pct),
                     present=percent_text(value.pv_recovery_pct))),
                (self.tr("Probability of completion"), percent_text(value.completion.p, 0)),
                (self.tr("Expected present value"), money(value.expected_pv)),
            ]  # fmt: skip
            if info is not None:
                figures += [
                    (self.tr("Worth if it fails"), money(value.failure_pv)),
                    (self.tr("Discount"), self.tr("{amount} ({pct})").format(
                        amount=money(value.discount_amount),
                        pct=percent_text(value.discount_pct))),
                    (self.tr("Term"), self.tr("{months} months").format(
                        months=integer_text(value.term_months))),
                ]  # fmt: skip
            figures.append((self.tr("Months to recover"), integer_text(value.months_to_recover)))
            parts.append(_table([(escape(a), escape(b)) for a, b in figures], right=(1,)))
            parts.append(self._completion_html(value.completion.p, value.completion.factors,
                                               legal=info is None))  # fmt: skip
            parts.append(self._approval_html(line))
            if value.schedule:
                parts.append(self._schedule_html(line))
        if info is None:
            parts.append("<p><i>" + escape(self.tr(
                "The legal route is valued from the case's assumptions (probability of "
                "winning, legal costs, duration and what the collateral would bring): change "
                "them under “Capacity to pay”.")) + "</i></p>")  # fmt: skip
            return "".join(parts)
        if info.chosen:
            parts.append("<h4>" + escape(self.tr("Why it was chosen")) + "</h4>")
            parts.append(_paragraph(info.choice_reason or self.tr("No reason given")))
        if info.notes:
            parts.append("<h4>" + escape(self.tr("Notes")) + "</h4>")
            parts.append(_paragraph(info.notes))
        parts.append("<p style='color:#52606d'>" + escape(self.tr("By {author}, {when}").format(
            author=info.author_name, when=datetime_text(info.updated_at))) + "</p>")  # fmt: skip
        return "".join(parts)

    def _completion_html(self, p: Decimal, factors: tuple[Factor, ...], legal: bool) -> str:
        title = "<h4>" + escape(self.tr("Probability of completion")) + "</h4>"
        if legal:
            text = self.tr("p = the probability of winning in court, {pct}").format(
                pct=percent_text(p, 0))  # fmt: skip
            return title + f"<p>{escape(text)}</p>"
        product = Decimal(1)
        for factor in factors:
            product *= factor.multiplier
        text = self.tr(
            "p = the product of the factors below, {product}, kept between 0.01 and 0.99 and "
            "rounded to two decimals: {p}"
        ).format(product=decimal_text(product, 4), p=decimal_text(p, 2))
        rows = [(escape(label(FACTOR_LABELS, f.key)), escape(self.factor_input(f)),
                 escape(decimal_text(f.multiplier, 4))) for f in factors]  # fmt: skip
        head = (self.tr("Factor"), self.tr("Input"), self.tr("Multiplier"))
        return title + f"<p>{escape(text)}</p>" + _table(rows, right=(2,), head=head)

    def factor_input(self, factor: Factor) -> str:
        value = factor.input
        if value is None:
            if factor.key == "promise_history":
                return self.tr("No promises yet")
            if factor.key == "asset_transfer":
                return self.tr("Fixed: title, registration and appraisal are the risk")
            return self.tr("Capacity unknown")
        if factor.key in ("coverage", "lump_sums"):
            return self.tr("capacity ÷ what is due = {ratio}").format(
                ratio=decimal_text(Decimal(value), 2))  # fmt: skip
        if factor.key == "promise_history":
            return self.tr("{pct} kept").format(pct=percent_text(Decimal(value), 0))
        if factor.key == "days_past_due":
            return self.tr("{days} days").format(days=integer_text(int(value)))
        if factor.key == "p_win":
            return percent_text(Decimal(value), 0)
        return str(value)

    def _approval_html(self, line: Line) -> str:
        row = line.row
        title = "<h4>" + escape(self.tr("Approval")) + "</h4>"
        if row.info is None or row.decision is None:
            return title + "<p>" + escape(self.tr("The legal route needs no approval")) + "</p>"
        if row.within_policy:
            text = self.tr("Within policy: a {level} may approve it").format(
                level=level_text(row.decision.level).lower())  # fmt: skip
            return title + f"<p>{escape(text)}</p>"
        text = self.tr("Outside policy: a {level} must approve it, because:").format(
            level=level_text(row.decision.level).lower())  # fmt: skip
        reasons = "".join(f"<li>{escape(r)}</li>" for r in reasons_text(row.decision))
        return title + f"<p>{escape(text)}</p><ul>{reasons}</ul>"

    def _schedule_html(self, line: Line) -> str:
        value, info = line.row.value, line.row.info
        assert value is not None
        rows = value.schedule
        instalments = [r for r in rows if r.number > 0]

        def money(amount: Decimal) -> str:
            return money_text(amount, line.currency)

        frequency = (info.terms.get("frequency") if info else "") or "monthly"
        text = self.tr("{count} instalments, {frequency}, from {first} to {last}").format(
            count=integer_text(len(instalments)),
            frequency=label(FREQUENCY_LABELS, frequency).lower(),
            first=date_text(instalments[0].due_date) if instalments else "",
            last=date_text(instalments[-1].due_date) if instalments else "",
        )
        totals = self.tr("Totals: payments {payment}, interest {interest}, principal "
                         "{principal}").format(
            payment=money(sum((r.payment for r in rows), Decimal(0))),
            interest=money(sum((r.interest for r in rows), Decimal(0))),
            principal=money(sum((r.principal for r in rows), Decimal(0))),
        )  # fmt: skip
        shown = list(rows[:SCHEDULE_ROWS])
        if len(rows) > SCHEDULE_ROWS:
            shown.append(rows[-1])
        cells = [
            (escape(self.tr("Down payment")) if r.number == 0 else integer_text(r.number),
             escape(date_text(r.due_date)), escape(money(r.payment)), escape(money(r.interest)),
             escape(money(r.principal)), escape(money(r.balance)))
            for r in shown
        ]  # fmt: skip
        if len(rows) > SCHEDULE_ROWS:
            cells.insert(SCHEDULE_ROWS, ("…", "", "", "", "", ""))
        head = (self.tr("No."), self.tr("Due"), self.tr("Payment"), self.tr("Interest"),
                self.tr("Principal"), self.tr("Balance"))  # fmt: skip
        heading = self.tr("Schedule")
        return (f"<h4>{escape(heading)}</h4><p>{escape(text)}<br>{escape(totals)}</p>"
                + _table(cells, right=(0, 2, 3, 4, 5), head=head))  # fmt: skip

    # -- acting -------------------------------------------------------------------------------

    def _editable_line(self) -> Line | None:
        """The selected scenario, when it may be changed now (never the legal route)."""
        line = self.selected_line()
        ok = self.can_edit and self.comparison is not None and not self.runner.is_busy(BUSY)
        return line if ok and line is not None and line.row.info is not None else None

    def add_scenario(self) -> ScenarioDialog | None:
        if not self.new_button.isEnabled() or self.comparison is None or self._form_open():
            return None
        dialog = ScenarioDialog(self.env.interactive, self.comparison, None, self)
        dialog.submitted.connect(lambda command: self._save(dialog, command))
        return self._open(dialog)

    def edit_scenario(self) -> ScenarioDialog | None:
        line = self._editable_line()
        if line is None or self.comparison is None or self._form_open():
            return None
        dialog = ScenarioDialog(self.env.interactive, self.comparison, line.row.info, self)
        dialog.submitted.connect(lambda command: self._save(dialog, command))
        return self._open(dialog)

    def choose_scenario(self) -> ChoiceDialog | None:
        line = self._editable_line()
        if line is None or self.comparison is None or line.row.value is None:
            return None
        if self._form_open():
            return None
        index = self.model.row_of(line.key)
        dialog = ChoiceDialog(self.env.interactive, self.comparison, index, self)
        dialog.submitted.connect(lambda command: self._choose(dialog, command))
        return self._open(dialog)

    def _form_open(self) -> bool:
        """One form at a time: the open one is brought back to the front."""
        dialog = self.dialog
        if dialog is None or not dialog.isVisible():
            return False
        dialog.raise_()
        dialog.activateWindow()
        return True

    def _open(self, dialog: CD) -> CD:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _obj=None: self._forget(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _forget(self, dialog: CommandDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _save(self, dialog: ScenarioDialog, command: object) -> None:
        assert isinstance(command, ScenarioSave)
        env = self.env
        self._select = str(command.scenario_id)
        self._run(lambda: scenarios.save_scenario(env.uow_factory(), env.actor, command), dialog)

    def _choose(self, dialog: ChoiceDialog, command: object) -> None:
        assert isinstance(command, ScenarioChoice)
        env = self.env
        self._select = str(command.scenario_id)
        self._run(lambda: scenarios.choose_scenario(env.uow_factory(), env.actor, command), dialog)

    def remove_scenario(self) -> None:
        line = self._editable_line()
        if line is None or line.row.info is None:
            return
        info = line.row.info
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove scenario"),
            self.tr("Remove the scenario “{name}” ({kind}) from this case?").format(
                name=info.name, kind=kind_label(info.kind)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )  # fmt: skip
        box.setObjectName("removeScenarioBox")
        box.setTextFormat(Qt.TextFormat.PlainText)  # a name may hold "<b>": it is text
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        if box.exec() != QMessageBox.StandardButton.Yes or self.comparison is None:
            return
        env, command = self.env, ScenarioRemoval(self.comparison.case_id, info.id)
        self._run(lambda: scenarios.remove_scenario(env.uow_factory(), env.actor, command), None)

    def _run(self, call: Callable[[], object], dialog: CommandDialog | None) -> None:
        self.runner.submit(
            BUSY, call, lambda result: self._done(dialog, result),
            lambda failure: self._failed(dialog, failure),
        )  # fmt: skip
        self._update_buttons()

    def _done(self, dialog: CommandDialog | None, result: object) -> None:
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.finish(result)
        self._update_buttons()
        self.changed.emit()

    def _failed(self, dialog: CommandDialog | None, failure: Failure) -> None:
        self._select = None
        self._update_buttons()
        if dialog is not None and shiboken6.isValid(dialog) and dialog.isVisible():
            dialog.refuse(failure)  # under the fields, or under the form
        else:
            report_failure(self, failure)
        if isinstance(failure.error, VipDeskError) and not isinstance(
            failure.error, ValidationError
        ):
            self.changed.emit()  # changed or removed meanwhile: show it as it is now


def _short(name: str) -> str:
    return name if len(name) <= CHART_NAME else name[: CHART_NAME - 1].rstrip() + "…"


def _paragraph(text: str) -> str:
    return "<p>" + escape(text).replace("\n", "<br>") + "</p>"


def _table(
    rows: Sequence[tuple[str, ...]], right: tuple[int, ...] = (), head: tuple[str, ...] = ()
) -> str:
    """An HTML table of cells already escaped (``head``: plain titles)."""

    def cell(tag: str, index: int, text: str) -> str:
        align = " align='right'" if index in right else " align='left'"
        return f"<{tag}{align}>{text}</{tag}>"

    out = ["<table cellspacing='0' cellpadding='3'>"]
    if head:
        out.append("<tr>" + "".join(cell("th", i, escape(t)) for i, t in enumerate(head)) + "</tr>")
    out += ["<tr>" + "".join(cell("td", i, t) for i, t in enumerate(row)) + "</tr>" for row in rows]
    out.append("</table>")
    return "".join(out)
