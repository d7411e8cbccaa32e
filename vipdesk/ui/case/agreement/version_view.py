"""One agreement version, as the right side of the Convenio page shows it: the banner, the
buttons of its steps, and in tabs its terms beside the breakdown, its schedule, its signatories
and notes, and its approval trail; under them Undo, Discard and Save.

The view holds the edits until they are saved (``Edits``: undoable, compared with what was
loaded to tell unsaved work) and asks for a preview (``previewRequested``) once typing pauses;
the page runs the services and hands back what they answer.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vipdesk.core.errors import Problem
from vipdesk.services.agreement_dto import AgreementInfo, Signatory
from vipdesk.ui.case.agreement.actions import STEPS, StepState
from vipdesk.ui.case.agreement.banner import StatusBanner
from vipdesk.ui.case.agreement.edits import Edits
from vipdesk.ui.case.agreement.figures import BreakdownStrip, ScheduleView
from vipdesk.ui.case.agreement.models import TrailModel
from vipdesk.ui.case.agreement.signatories import SignatoriesBox
from vipdesk.ui.case.agreement.terms_form import TermsForm
from vipdesk.ui.case.debtor_fields import UndoKeys
from vipdesk.ui.widgets import named, record_table

PREVIEW_DELAY_MS = 600  # a pause in typing, not every keystroke
NOTES, SIGNATORIES = "notes", "signatories"


class VersionView(QWidget):
    previewRequested = Signal()  # noqa: N815 - typing paused on terms that changed
    saveRequested = Signal()  # noqa: N815 - Save or Ctrl+S
    reloadRequested = Signal()  # noqa: N815 - after a conflict: show the version as it is now

    def __init__(self, interactive: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info: AgreementInfo | None = None
        self.loaded: dict[str, object] = {}
        self.edits = Edits(self)
        self.edits.changed.connect(self._edited)
        self.banner = StatusBanner()
        self.step_buttons: dict[str, QPushButton] = {}
        steps = QHBoxLayout()
        steps.setSpacing(6)
        for step in STEPS:
            if step == "save":
                continue
            button = named(QPushButton(), f"{step}Button")
            button.hide()
            self.step_buttons[step] = button
            steps.addWidget(button)
        steps.addStretch(1)
        # Terms, beside what they add up to.
        self.form = TermsForm(self.edits)
        self.form.submitted.connect(self.saveRequested)
        scroll = QScrollArea()
        scroll.setObjectName("termsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(4, 8, 12, 8)
        holder_layout.addWidget(self.form)
        scroll.setWidget(holder)
        self.breakdown = BreakdownStrip()
        self.schedule = ScheduleView()
        # Signatories and notes.
        self.signatories = SignatoriesBox(interactive)
        self.signatories.edited.connect(lambda rows: self.edits.typed(SIGNATORIES, rows, False))
        self.edits.register(SIGNATORIES, self.signatories.set_signatories)
        self.notes_box = named(QGroupBox(), "debtorBox")
        self.notes = named(QPlainTextEdit(), "agreementNotesEdit")
        self.notes.setTabChangesFocus(True)
        self.notes.setUndoRedoEnabled(False)  # the version's history undoes, across fields
        self.notes.installEventFilter(UndoKeys(self.edits.stack, self))
        self.notes.textChanged.connect(lambda: self.edits.typed(NOTES, self.notes.toPlainText()))
        self.edits.register(NOTES, self._put_notes)
        self.notes_error = named(QLabel(), "fieldError")
        self.notes_error.setWordWrap(True)
        self.notes_error.hide()
        notes_layout = QVBoxLayout(self.notes_box)
        notes_layout.addWidget(self.notes, 1)
        notes_layout.addWidget(self.notes_error)
        people_tab = QWidget()
        people_layout = QHBoxLayout(people_tab)
        people_layout.setContentsMargins(0, 8, 0, 0)
        people_layout.addWidget(self.signatories, 3)
        people_layout.addWidget(self.notes_box, 2)
        # The approval trail.
        self.trail = TrailModel(self)
        self.trail_table = record_table("trailTable", self.trail)
        self.trail_table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.parts = named(QTabWidget(), "agreementParts")
        self.parts.setDocumentMode(True)
        for part in (scroll, self.schedule, people_tab, self.trail_table):
            self.parts.addTab(part, "")
        self.placeholder = named(QLabel(), "emptyLabel")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        # Saving.
        self.notice = named(QLabel(), "errorLabel")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.hide()
        self.reload_button = named(QPushButton(), "reloadAgreementButton")
        self.reload_button.hide()
        self.reload_button.clicked.connect(self.reloadRequested)
        self.status = named(QLabel(), "statusLabel")
        self.undo_button = named(QPushButton(), "undoAgreementButton")
        self.undo_button.clicked.connect(self.edits.stack.undo)
        self.edits.stack.canUndoChanged.connect(self._can_undo_changed)
        self.discard_button = named(QPushButton(), "discardAgreementButton")
        self.discard_button.clicked.connect(self.discard)
        self.save_button = named(QPushButton(), "primaryButton")
        self.save_button.clicked.connect(self.saveRequested)
        # Actions, not bare shortcuts: Help → Keyboard shortcuts lists them. In a field, the
        # field's undo keys reach the version's history too (UndoKeys).
        self.save_action = QAction(self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.saveRequested)
        self.undo_action = self.edits.stack.createUndoAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.edits.stack.createRedoAction(self)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        for action in (self.save_action, self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        bottom = QHBoxLayout()
        bottom.addWidget(self.reload_button)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.undo_button)
        bottom.addWidget(self.discard_button)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.banner)
        layout.addLayout(steps)
        layout.addWidget(self.breakdown)
        layout.addWidget(self.parts, 1)
        layout.addWidget(self.placeholder, 1)
        layout.addWidget(self.notice)
        layout.addLayout(bottom)
        self.preview_timer = QTimer(self)
        self.preview_timer.setSingleShot(True)
        self.preview_timer.setInterval(PREVIEW_DELAY_MS)
        self.preview_timer.timeout.connect(self.previewRequested)
        self.saving = False
        self.retranslate()
        self.show_info(None)

    def retranslate(self) -> None:
        for index, text in enumerate((self.tr("Terms"), self.tr("Schedule"),
                                      self.tr("Signatories and notes"),
                                      self.tr("Approval trail"))):  # fmt: skip
            self.parts.setTabText(index, text)
        self.parts.setAccessibleName(self.tr("Parts of the agreement"))
        texts = {
            "submit": self.tr("Send for &approval"),
            "approve": self.tr("A&pprove…"),
            "reject": self.tr("Re&ject…"),
            "request_changes": self.tr("Request c&hanges…"),
            "activate": self.tr("Mark signed / &active"),
            "complete": self.tr("Mark co&mpleted"),
            "break": self.tr("Mark &broken"),
            "revise": self.tr("New &version"),
        }
        for step, text in texts.items():
            self.step_buttons[step].setText(text)
            self.step_buttons[step].setAccessibleName(text.replace("&", "").rstrip("…"))
        self.notes_box.setTitle(self.tr("Notes"))
        self.notes.setAccessibleName(self.tr("Notes of the agreement"))
        self.notes.setPlaceholderText(self.tr("What the parties agreed besides the terms, and "
                                              "anything the approver should know"))  # fmt: skip
        self.trail_table.setAccessibleName(self.tr("Approval trail"))
        self.placeholder.setText(self.tr("Choose a version on the left, or create an agreement "
                                         "from one of the case's scenarios."))  # fmt: skip
        self.trail.retranslate()
        self.reload_button.setText(self.tr("Re&load"))
        self.reload_button.setToolTip(self.tr("Show the agreement as it is now; your edits are "
                                              "lost"))  # fmt: skip
        self.undo_button.setText(self.tr("&Undo"))
        self.undo_button.setToolTip(self.tr("Take back the last change (Ctrl+Z)"))
        self.discard_button.setText(self.tr("D&iscard changes"))
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setToolTip(self.tr("Save the agreement's changes (Ctrl+S)"))
        self.save_action.setText(self.tr("Save the agreement"))
        self.banner.show_info(self.info)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- showing ----------------------------------------------------------------------------

    def show_info(self, info: AgreementInfo | None) -> None:
        """Show a saved version (or none): the edits start again from it."""
        self.preview_timer.stop()
        self.info = info
        for part in (self.parts, self.breakdown):
            part.setVisible(info is not None)
        self.placeholder.setVisible(info is None)
        self.notice.hide()
        self.reload_button.hide()
        self.clear_problems()
        if info is None:
            self.loaded = {}
            self.edits.load({SIGNATORIES: (), NOTES: "", **self.form.shown({})})
            self.breakdown.clear()
            self.schedule.show_schedule((), "GTQ")
            self.trail.set_rows(())
        else:
            self.form.set_currency(info.currency)
            values: dict[str, object] = dict(self.form.shown(info.terms))
            values[SIGNATORIES] = tuple(info.signatories)
            values[NOTES] = info.notes
            self.edits.load(values)
            self.loaded = self.current()
            self.show_figures(info)
            self.trail.set_rows(info.steps)
            self._fit_trail()
        self.form.set_editable(info is not None and info.editable)
        self.signatories.set_editable(info is not None and info.editable)
        self.notes.setReadOnly(info is None or not info.editable)
        self.banner.show_info(info)
        self.update_save()

    def rebase(self, info: AgreementInfo) -> None:
        """``info`` is what the user last saved, reloaded while they typed on: the edits stay,
        compared with it from now on."""
        self.info = info
        self.banner.show_info(info)
        self.trail.set_rows(info.steps)

    def show_figures(self, info: AgreementInfo) -> None:
        """The breakdown, the schedule and who must approve, of ``info`` (saved or preview)."""
        self.breakdown.show_breakdown(info.breakdown, info.currency)
        self.schedule.show_schedule(info.schedule, info.currency)
        if self.info is not None and info is not self.info:
            self.banner.show_info(_with_level(self.info, info))

    def _fit_trail(self) -> None:
        header = self.trail_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # the comment

    def set_steps(self, states: dict[str, StepState]) -> None:
        for step, button in self.step_buttons.items():
            state = states.get(step, StepState(False, False))
            button.setVisible(state.visible)
            button.setEnabled(state.enabled and not self.saving)
            button.setToolTip(state.why_not)

    # -- editing ----------------------------------------------------------------------------

    def current(self) -> dict[str, object]:
        values: dict[str, object] = dict(self.form.values())
        values[SIGNATORIES] = self.signatories.signatories()
        values[NOTES] = self.notes.toPlainText()
        return values

    def has_unsaved_changes(self) -> bool:
        return self.info is not None and self.info.editable and self.current() != self.loaded

    def signatory_rows(self) -> tuple[Signatory, ...]:
        return self.signatories.signatories()

    def _put_notes(self, value: object) -> None:
        if self.notes.toPlainText() != value:
            self.notes.setPlainText(str(value))
            self.notes.moveCursor(self.notes.textCursor().MoveOperation.End)

    def _edited(self) -> None:
        self.update_save()
        if self.info is not None and self.info.editable:
            self.preview_timer.start()  # again: the preview waits for a pause

    def update_save(self) -> None:
        dirty = self.has_unsaved_changes()
        editable = self.info is not None and self.info.editable
        for button in (self.save_button, self.discard_button, self.undo_button):
            button.setVisible(editable)
        self.save_button.setEnabled(dirty and not self.saving)
        self.discard_button.setEnabled(dirty and not self.saving)
        self._can_undo_changed(self.edits.stack.canUndo())
        self.status.setText(self.tr("Saving…") if self.saving else (
            self.tr("Unsaved changes") if dirty else ""))  # fmt: skip

    def _can_undo_changed(self, can_undo: bool) -> None:
        self.undo_button.setEnabled(can_undo and not self.saving)

    def set_saving(self, saving: bool) -> None:
        self.saving = saving
        self.update_save()

    def discard(self) -> None:
        if self.info is not None:
            self.show_info(self.info)

    def mark_saved(self) -> None:
        """The edits reached the database: they are the loaded state now (the page reloads)."""
        self.loaded = self.current()
        self.edits.stack.clear()
        self.update_save()

    # -- messages ---------------------------------------------------------------------------

    def show_problems(self, problems: list[Problem]) -> None:
        """The service's (or the form's) messages under their fields; the terms tab shown if
        a term is named, else the signatories'."""
        terms = [p for p in problems if p.field in self.form.inputs]
        people = [p for p in problems if p.field.startswith(SIGNATORIES)]
        notes = [p for p in problems if p.field == NOTES]
        named_fields = self.form.show_problems(terms)
        self.signatories.show_problems(people)
        self.notes_error.setText("\n".join(p.translated(QCoreApplication.translate)
                                           for p in notes))  # fmt: skip
        self.notes_error.setVisible(bool(notes))
        rest = [p for p in problems if p not in terms and p not in people and p not in notes]
        if rest:
            self.show_notice("\n".join(p.translated(QCoreApplication.translate) for p in rest))
        if named_fields:
            self.parts.setCurrentIndex(0)
            self.form.inputs[named_fields[0]].setFocus()
        elif people or notes:
            self.parts.setCurrentIndex(2)

    def clear_problems(self) -> None:
        self.form.show_problems([])
        self.signatories.show_problems([])
        self.notes_error.hide()

    def show_notice(self, text: str, conflict: bool = False) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        self.reload_button.setVisible(conflict)

    def hide_notice(self) -> None:
        self.notice.hide()
        self.reload_button.hide()


def _with_level(saved: AgreementInfo, preview: AgreementInfo) -> AgreementInfo:
    """The saved version with the approver the previewed terms would need."""
    return replace(saved, required_level=preview.required_level,
                   required_reasons=preview.required_reasons)  # fmt: skip
