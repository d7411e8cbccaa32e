"""The strategy as a document: one editor per section, each with what goes there under its
title, and "Save version" (Ctrl+S) with an optional note.

Each editor undoes its own typing (Ctrl+Z) until the version is saved. A reload of the case
never overwrites what is being typed: when someone else saved a version meanwhile (here or
through a sync) the editor says so, keeps the text, and offers to compare it with theirs and to
save it on top of theirs, or to discard it. "Our alternative" starts from the legal route's
value when the section is empty. Users who may see but not work the case read it only.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from vipdesk.core.errors import Conflict, Problem, ValidationError, VipDeskError
from vipdesk.services import strategy
from vipdesk.services.agreement_dto import StrategyInfo, StrategySave
from vipdesk.ui.case.activity_models import first_line
from vipdesk.ui.case.base import CaseEnv
from vipdesk.ui.case.debtor_fields import FieldErrors
from vipdesk.ui.case.strategy.sections import section_hint, section_label
from vipdesk.ui.dialogs import error_text, report_failure
from vipdesk.ui.formatting import datetime_text
from vipdesk.ui.widgets import named
from vipdesk.ui.workers import Failure, TaskRunner

BUSY = "strategy-save"  # the runner's channel for saving a version
EDITOR_HEIGHT = 120
NOTE_SHOWN = 80  # characters of a version's note beside its number


class StrategyEditor(QWidget):
    saved = Signal(int)  # the version number just saved
    reload_wanted = Signal()  # the strategy changed elsewhere: load it again
    compare_wanted = Signal()  # show how the typed text differs from the latest version

    def __init__(self, env: CaseEnv, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env, self.runner = env, runner
        self.info: StrategyInfo | None = None
        self.based_on = 0  # the version the typed text starts from
        self.baseline: dict[str, str] = {}  # the sections as loaded (pre-filled included)
        self.errors = FieldErrors()
        self.editors: dict[str, QPlainTextEdit] = {}
        self.captions: dict[str, QLabel] = {}
        self.hints: dict[str, QLabel] = {}
        self._build()
        self.retranslate()
        self._update()

    # -- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.version_label = named(QLabel(), "countLabel")
        self.version_label.setTextFormat(Qt.TextFormat.PlainText)
        self.version_label.setWordWrap(True)
        self.note = named(QLineEdit(), "strategyNote")
        self.note.setClearButtonEnabled(True)
        self.note.textChanged.connect(lambda _t: self._update())
        self.discard_button = named(QPushButton(), "discardStrategyButton")
        self.discard_button.clicked.connect(lambda: self.discard())
        self.save_button = named(QPushButton(), "primaryButton")
        self.save_button.clicked.connect(lambda: self.save())
        # An action, not a bare shortcut: Help → Keyboard shortcuts lists it.
        self.save_action = QAction(self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_action.triggered.connect(lambda: self.save())
        self.addAction(self.save_action)
        bar = QHBoxLayout()
        bar.addWidget(self.version_label, 1)
        bar.addWidget(self.errors.wrap("note", self.note), 1)
        bar.addWidget(self.discard_button, 0, Qt.AlignmentFlag.AlignTop)
        bar.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)

        self.read_only_note = named(QLabel(), "statusLabel")
        self.read_only_note.setWordWrap(True)
        self.read_only_note.hide()
        self.general_error = named(QLabel(), "fieldError")
        self.general_error.setTextFormat(Qt.TextFormat.PlainText)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.notice = named(QLabel(), "errorLabel")
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        self.compare_button = named(QPushButton(), "compareTheirsButton")
        self.compare_button.clicked.connect(self.compare_wanted)
        self.overwrite_button = named(QPushButton(), "saveOnTopButton")
        self.overwrite_button.clicked.connect(lambda: self.save(on_latest=True))
        self.notice_box = QWidget()
        notice_row = QHBoxLayout(self.notice_box)
        notice_row.setContentsMargins(0, 0, 0, 0)
        notice_row.addWidget(self.notice, 1)
        notice_row.addWidget(self.compare_button, 0, Qt.AlignmentFlag.AlignVCenter)
        notice_row.addWidget(self.overwrite_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.notice_box.hide()

        grid = QGridLayout()
        grid.setHorizontalSpacing(20)
        grid.setVerticalSpacing(14)
        for index, name in enumerate(strategy.SECTIONS):
            grid.addLayout(self._section(name), index // 2, index % 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        sheet = named(QWidget(), "strategySheet")
        sheet_layout = QVBoxLayout(sheet)
        sheet_layout.setContentsMargins(0, 0, 8, 8)
        sheet_layout.addLayout(grid)
        sheet_layout.addStretch(1)
        self.sheet_area = named(QScrollArea(), "strategyScroll")
        self.sheet_area.setWidgetResizable(True)
        self.sheet_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.sheet_area.setWidget(sheet)
        # The page's own background behind the sections, not the scroll area's grey.
        self.sheet_area.viewport().setAutoFillBackground(False)
        sheet.setAutoFillBackground(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(bar)
        layout.addWidget(self.read_only_note)
        layout.addWidget(self.general_error)
        layout.addWidget(self.notice_box)
        layout.addWidget(self.sheet_area, 1)

    def _section(self, name: str) -> QVBoxLayout:
        editor = named(QPlainTextEdit(), f"section_{name}")
        editor.setTabChangesFocus(True)
        editor.setMinimumHeight(EDITOR_HEIGHT)
        editor.textChanged.connect(self._update)
        caption = named(QLabel(), "fieldLabel")
        caption.setBuddy(editor)
        hint = named(QLabel(), "dialogIntro")
        hint.setWordWrap(True)
        self.editors[name], self.captions[name], self.hints[name] = editor, caption, hint
        column = QVBoxLayout()
        column.setSpacing(3)
        column.addWidget(caption)
        column.addWidget(hint)
        column.addWidget(self.errors.wrap(name, editor), 1)
        return column

    def retranslate(self) -> None:
        for number, name in enumerate(strategy.SECTIONS, start=1):
            label = section_label(name)
            self.captions[name].setText(self.tr("{number}. {title}").format(
                number=number, title=label))  # fmt: skip
            self.editors[name].setAccessibleName(label)
            self.editors[name].setToolTip(section_hint(name))
            self.hints[name].setText(section_hint(name))
        self.note.setPlaceholderText(self.tr("Note of this version (optional)"))
        self.note.setAccessibleName(self.tr("Note of this version"))
        self.save_button.setText(self.tr("&Save version"))
        self.save_action.setText(self.tr("Save the strategy as a new version"))
        self.save_button.setToolTip(self.tr("Save the strategy as a new version (Ctrl+S)"))
        self.discard_button.setText(self.tr("&Discard changes"))
        self.compare_button.setText(self.tr("&Compare with theirs"))
        self.overwrite_button.setText(self.tr("Save &mine on top"))
        self.overwrite_button.setToolTip(
            self.tr("Save your text as a new version after theirs; theirs stays in the history")
        )
        self.read_only_note.setText(self.tr("You may read this case's strategy but not change it."))
        self._show_version()
        self._show_notice()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- showing ----------------------------------------------------------------------------

    def typed(self) -> dict[str, str]:
        return {name: editor.toPlainText() for name, editor in self.editors.items()}

    def can_edit(self) -> bool:
        return self.info is not None and self.info.can_edit

    def latest(self) -> int:
        current = self.info.current if self.info is not None else None
        return current.version if current is not None else 0

    def show_strategy(self, info: StrategyInfo) -> None:
        """The strategy as just loaded; what is being typed stays as it is."""
        self.info = info
        if not self.has_unsaved_changes():
            self._load(info)
        self._show_version()
        self._show_notice()
        self._update()

    def _load(self, info: StrategyInfo) -> None:
        sections = dict(info.current.sections) if info.current is not None else {}
        if info.can_edit and not sections.get("alternative") and info.alternative_hint:
            sections["alternative"] = info.alternative_hint
        self.baseline = {name: sections.get(name, "") for name in strategy.SECTIONS}
        self.based_on = self.latest()
        for name, editor in self.editors.items():
            if editor.toPlainText() != self.baseline[name]:
                editor.setPlainText(self.baseline[name])  # which also empties its undo
            editor.document().clearUndoRedoStacks()
            editor.setReadOnly(not info.can_edit)
        self.note.clear()
        self.errors.clear()
        self._show_general("")

    def has_unsaved_changes(self) -> bool:
        if self.info is None or not self.baseline:
            return False  # nothing loaded yet
        return self.typed() != self.baseline or bool(self.note.text().strip())

    def _stale(self) -> bool:
        """Someone saved a version after the one being edited."""
        return self.has_unsaved_changes() and self.latest() != self.based_on

    def _show_version(self) -> None:
        current = self.info.current if self.info is not None else None
        if self.info is None:
            text = self.tr("Loading the strategy…")
        elif current is None:
            text = (self.tr("No version saved yet: write the strategy and save it as version 1.")
                    if self.info.can_edit
                    else self.tr("No strategy has been written for this case yet."))  # fmt: skip
        else:
            text = self.tr("Version {version} · saved by {author} on {when}").format(
                version=current.version, author=current.author,
                when=datetime_text(current.saved_at))  # fmt: skip
            note = first_line(current.note)
            if note:  # the whole note in the tooltip
                text += f" · “{note if len(note) <= NOTE_SHOWN else note[:NOTE_SHOWN] + '…'}”"
        self.version_label.setText(text)
        self.version_label.setToolTip(current.note if current is not None else "")

    def _show_notice(self) -> None:
        stale = self.info is not None and self._stale()
        if stale and self.info is not None and self.info.current is not None:
            current = self.info.current
            text = self.tr(
                "{author} saved version {version} on {when} while you were editing version "
                "{mine}. Your text is still here: compare it with theirs, then save yours on "
                "top of theirs or discard it."
            )
            self.notice.setText(text.format(author=current.author, version=current.version,
                                            when=datetime_text(current.saved_at),
                                            mine=self.based_on))  # fmt: skip
        self.notice_box.setVisible(stale)

    def _show_general(self, text: str) -> None:
        self.general_error.setText(text)
        self.general_error.setVisible(bool(text))

    def _update(self) -> None:
        editable = self.can_edit()
        busy = self.runner.is_busy(BUSY)
        dirty = self.has_unsaved_changes()
        for widget in (self.note, self.save_button, self.discard_button):
            widget.setVisible(editable or self.info is None)
        self.note.setEnabled(editable and not busy)
        self.save_button.setEnabled(editable and not busy and self.typed() != self.baseline)
        self.discard_button.setEnabled(dirty and not busy)
        self.overwrite_button.setEnabled(editable and not busy)
        self.read_only_note.setVisible(self.info is not None and not editable)
        if self.notice_box.isVisible() and not dirty:
            self.notice_box.hide()

    # -- saving -----------------------------------------------------------------------------

    def save(self, on_latest: bool = False) -> None:
        """Save what is typed as the next version; ``on_latest``: after the latest version,
        whoever saved it (the user saw theirs and chose to keep their own text)."""
        if self.info is None or not self.can_edit() or self.runner.is_busy(BUSY):
            return
        typed, note = self.typed(), self.note.text()
        try:
            sections, note = strategy.check_strategy(typed, note)
        except ValidationError as error:
            self._show_problems(error.problems)
            return
        based_on = self.latest() if on_latest else self.based_on
        command = StrategySave(self.info.case_id, based_on, sections, note)
        env = self.env
        self.runner.submit(
            BUSY,
            lambda: strategy.save_strategy(env.uow_factory(), env.actor, command),
            lambda version: self._saved(version, sections),
            self._failed,
        )
        self._update()

    def _saved(self, version: int, sections: Mapping[str, str]) -> None:
        # The next save starts from this version even before the reload arrives.
        self.based_on = version
        self.baseline = dict(sections)
        for name, editor in self.editors.items():
            if editor.toPlainText() != sections[name]:
                editor.setPlainText(sections[name])  # as stored: stripped, line ends as LF
            editor.document().clearUndoRedoStacks()
        self.note.clear()
        self.errors.clear()
        self._show_general("")
        self.notice_box.hide()
        self._update()
        self.saved.emit(version)

    def _failed(self, failure: Failure) -> None:
        self._update()
        error = failure.error
        if isinstance(error, ValidationError):
            self._show_problems(error.problems)
        elif isinstance(error, Conflict):
            self._show_general("")
            self.reload_wanted.emit()  # learn their version: the notice then names it
        elif isinstance(error, VipDeskError):
            self._show_general(error_text(error))
        else:
            report_failure(self, failure)

    def _show_problems(self, problems: list[Problem]) -> None:
        shown = self.errors.show(problems)
        translate = QCoreApplication.translate
        general = [p.translated(translate) for p in problems if p.field not in self.errors.fields]
        self._show_general("\n".join(general))
        if shown:
            widget = self.errors.fields[shown[0]]
            widget.setFocus()
            self.sheet_area.ensureWidgetVisible(widget)

    # -- discarding -------------------------------------------------------------------------

    def discard(self) -> bool:
        """Back to the latest version, after asking; False if the user kept their text."""
        if self.info is None or not self.has_unsaved_changes():
            return True
        if self.env.interactive:
            box = QMessageBox(
                QMessageBox.Icon.Question,
                self.tr("Discard changes"),
                self.tr("Discard what you typed in the strategy since version {version}?").format(
                    version=self.based_on
                ),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                self,
            )
            box.setObjectName("discardStrategyBox")
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
            if box.exec() != QMessageBox.StandardButton.Discard:
                return False
        self._load(self.info)
        self._show_version()
        self._show_notice()
        self._update()
        return True
