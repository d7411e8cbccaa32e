"""The debtor's identity: what is fixed (name, segment, country, tax id, id document) and what
the executive maintains (trade name, risk rating, economic activity, notes).

Edits stay in the form, each one undoable (Ctrl+Z, Ctrl+Shift+Z) until saved; the fields are
checked as they are typed and nothing is saved while one is invalid. A save carries the
version the form was loaded from: when someone else changed the debtor meanwhile the service
refuses it and the form offers to reload their version.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vipdesk.core.errors import Conflict, ValidationError, VipDeskError
from vipdesk.core.text import clean_text
from vipdesk.core.validation import collect
from vipdesk.services import debtors
from vipdesk.services.dto import CaseDetail, DebtorInfo, DebtorUpdate
from vipdesk.ui import labels
from vipdesk.ui.case.base import CaseEnv
from vipdesk.ui.case.debtor_fields import FieldErrors, UndoKeys
from vipdesk.ui.dialogs import error_text, report_failure
from vipdesk.ui.widgets import named
from vipdesk.ui.workers import Failure, TaskRunner

EDITABLE = debtors.EDITABLE  # trade_name, risk_rating, economic_activity, notes
# The same limits as debtors.update_debtor, checked as the user types; the service checks
# again (and its verdict is shown the same way).
_LIMITS = {"trade_name": 300, "economic_activity": 200, "notes": 4000}
_FIXED = ("name", "segment", "country", "tax_id", "id_document")


def check_identity(values: dict[str, str]) -> None:
    """Raise one ValidationError naming every invalid field of ``values``."""

    def check(name: str) -> Callable[[], object]:
        return lambda: clean_text(values[name], name, max_length=_LIMITS[name], required=False,
                                  multiline=name == "notes")  # fmt: skip

    collect(*(check(name) for name in _LIMITS))


class FieldEdit(QUndoCommand):
    """One field changed from ``old`` to ``new``; typing on in the same field merges into it,
    so Ctrl+Z takes back a whole word typed, not a letter."""

    def __init__(self, form: IdentityForm, field: str, old: str, new: str) -> None:
        super().__init__()
        self.form, self.field, self.old, self.new = form, field, old, new

    def id(self) -> int:
        return EDITABLE.index(self.field)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, FieldEdit) or other.field != self.field:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.form.apply_value(self.field, self.new)

    def undo(self) -> None:
        self.form.apply_value(self.field, self.old)


class IdentityForm(QWidget):
    saved = Signal()  # the edit reached the database: the case should reload

    def __init__(self, env: CaseEnv, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env, self.runner = env, runner
        self.debtor_id: Any = None
        self.info: DebtorInfo | None = None
        self.loaded: dict[str, str] = {}
        self._known: dict[str, str] = {}  # each field's value as the undo stack knows it
        self._applying = False
        self.stack = QUndoStack(self)
        self.errors = FieldErrors()
        self._build()

    # -- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.captions: dict[str, QLabel] = {}
        self.facts: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setHorizontalSpacing(18)
        form.setVerticalSpacing(8)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key in _FIXED:
            caption, value = named(QLabel(), "fieldLabel"), named(QLabel(), "factText")
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)  # a name with "<b>" is just text
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(caption, value)
            self.captions[key], self.facts[key] = caption, value
        self.trade_name = named(QLineEdit(), "tradeNameEdit")
        self.risk_rating = named(QComboBox(), "riskRatingCombo")
        self.risk_rating.addItems(list(debtors.RISK_RATINGS))
        self.economic_activity = named(QLineEdit(), "economicActivityEdit")
        self.notes = named(QPlainTextEdit(), "debtorNotesEdit")
        self.notes.setTabChangesFocus(True)
        self.notes.setUndoRedoEnabled(False)  # the form's stack undoes, across fields
        self.notes.setMinimumHeight(90)
        self.notes.setMaximumHeight(160)
        self.inputs: dict[str, QWidget] = {
            "trade_name": self.trade_name, "risk_rating": self.risk_rating,
            "economic_activity": self.economic_activity, "notes": self.notes,
        }  # fmt: skip
        keys = UndoKeys(self.stack, self)
        for name, widget in self.inputs.items():
            caption = named(QLabel(), "fieldLabel")
            caption.setBuddy(widget)
            form.addRow(caption, self.errors.wrap(name, widget))
            self.captions[name] = caption
            widget.installEventFilter(keys)
        self.trade_name.textChanged.connect(lambda _t: self._typed("trade_name"))
        self.economic_activity.textChanged.connect(lambda _t: self._typed("economic_activity"))
        self.notes.textChanged.connect(lambda: self._typed("notes"))
        self.risk_rating.currentIndexChanged.connect(lambda _i: self._typed("risk_rating"))

        self.notice = named(QLabel(), "errorLabel")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.reload_button = named(QPushButton(), "reloadDebtorButton")
        self.reload_button.hide()
        self.reload_button.clicked.connect(self.reload)
        self.save_button = named(QPushButton(), "primaryButton")
        self.discard_button = named(QPushButton(), "discardDebtorButton")
        self.save_button.clicked.connect(self.save)
        save_keys = QShortcut(QKeySequence.StandardKey.Save, self)
        save_keys.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_keys.activated.connect(self.save)
        self.discard_button.clicked.connect(self.discard)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reload_button)
        buttons.addStretch(1)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self._update_buttons()

    def retranslate(self) -> None:
        captions = {
            "name": self.tr("Name"), "segment": self.tr("Segment"), "country": self.tr("Country"),
            "tax_id": self.tr("Tax id"), "id_document": self.tr("Identity document"),
            "trade_name": self.tr("&Trade name"), "risk_rating": self.tr("&Risk rating"),
            "economic_activity": self.tr("Economic &activity"), "notes": self.tr("&Notes"),
        }  # fmt: skip
        for key, text in captions.items():
            self.captions[key].setText(text)
            plain = text.replace("&", "")
            (self.facts.get(key) or self.inputs[key]).setAccessibleName(plain)
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setToolTip(self.tr("Save the debtor's changes (Ctrl+S)"))
        self.discard_button.setText(self.tr("D&iscard changes"))
        self.reload_button.setText(self.tr("Re&load"))
        self.reload_button.setToolTip(self.tr("Show the debtor as it is now; your edits are lost"))
        if self.notice.isVisible() and self.reload_button.isVisible():
            self._show_conflict()
        if self.errors.labels and any(label.text() for label in self.errors.labels.values()):
            self.validate()

    # -- loading ----------------------------------------------------------------------------

    def show_detail(self, detail: CaseDetail) -> None:
        self.facts["name"].setText(detail.debtor_name)
        self.facts["segment"].setText(labels.segment_label(detail.segment))
        self.facts["country"].setText(detail.country)
        self.facts["tax_id"].setText(detail.tax_id or "—")
        self.facts["id_document"].setText(detail.id_document or "—")
        self.debtor_id = detail.debtor_id
        if not self.has_unsaved_changes():  # never overwrite what the user is typing
            self.reload()

    def reload(self) -> None:
        if self.debtor_id is None:
            return
        env, debtor_id = self.env, self.debtor_id
        self.runner.submit(
            "debtor-info",
            lambda: debtors.debtor_info(env.uow_factory(), env.actor, debtor_id),
            self._loaded,
            self._failed,
        )

    def _loaded(self, info: DebtorInfo) -> None:
        self.info = info
        self.loaded = {name: getattr(info, name) for name in EDITABLE}
        for name, value in self.loaded.items():
            self.apply_value(name, value)
        self.stack.clear()
        self.notice.hide()
        self.reload_button.hide()
        self.errors.clear()
        self._update_buttons()

    # -- editing ----------------------------------------------------------------------------

    def value(self, name: str) -> str:
        widget = self.inputs[name]
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        assert isinstance(widget, QComboBox)
        return widget.currentText()

    def values(self) -> dict[str, str]:
        return {name: self.value(name) for name in EDITABLE}

    def apply_value(self, name: str, value: str) -> None:
        """Show ``value`` in the field without recording it as an edit (undo, redo, load)."""
        self._known[name] = value
        if self.value(name) != value:
            widget = self.inputs[name]
            self._applying = True
            try:
                if isinstance(widget, QLineEdit):
                    widget.setText(value)
                elif isinstance(widget, QPlainTextEdit):
                    widget.setPlainText(value)
                elif isinstance(widget, QComboBox):
                    index = widget.findText(value)
                    if index < 0:  # a rating outside the list (old data): shown, not lost
                        widget.addItem(value)
                        index = widget.count() - 1
                    widget.setCurrentIndex(index)
            finally:
                self._applying = False
        if self.loaded:
            self._after_change()

    def _typed(self, name: str) -> None:
        if self._applying or not self.loaded:
            return
        new, old = self.value(name), self._known.get(name, "")
        if new != old:
            self._known[name] = new
            self.stack.push(FieldEdit(self, name, old, new))

    def _after_change(self) -> None:
        self.validate()
        self._update_buttons()

    def validate(self) -> bool:
        try:
            check_identity(self.values())
        except ValidationError as error:
            self.errors.show(error.problems)
            return False
        self.errors.clear()
        return True

    def has_unsaved_changes(self) -> bool:
        return bool(self.loaded) and self.values() != self.loaded

    def _update_buttons(self) -> None:
        dirty = self.has_unsaved_changes() and not self.runner.is_busy("debtor-save")
        self.save_button.setEnabled(dirty)
        self.discard_button.setEnabled(dirty)

    def discard(self) -> None:
        for name, value in self.loaded.items():
            self.apply_value(name, value)
        self.stack.clear()
        self.errors.clear()
        self._update_buttons()

    # -- saving -----------------------------------------------------------------------------

    def save(self) -> None:
        if self.info is None or not self.has_unsaved_changes():
            return
        if not self.validate():
            self._focus_first_invalid()
            return
        values = self.values()
        command = DebtorUpdate(self.info.id, self.info.row_version, values["trade_name"],
                               values["risk_rating"], values["economic_activity"],
                               values["notes"])  # fmt: skip
        env = self.env
        self.runner.submit(
            "debtor-save",
            lambda: debtors.update_debtor(env.uow_factory(), env.actor, command),
            lambda _version: self._saved(values),
            self._save_failed,
        )
        self._update_buttons()

    def _saved(self, values: dict[str, str]) -> None:
        self.loaded = dict(values)
        self.stack.clear()
        self.notice.hide()
        self._update_buttons()
        self.saved.emit()

    def _save_failed(self, failure: Failure) -> None:
        self._update_buttons()
        error = failure.error
        if isinstance(error, ValidationError):
            self.errors.show(error.problems)
            self._focus_first_invalid()
        elif isinstance(error, Conflict):
            self._show_conflict()
        else:
            self._failed(failure)

    def _show_conflict(self) -> None:
        self.notice.setText(
            self.tr(
                "Someone else changed this debtor since you opened it, so your changes were "
                "not saved. Reload to see their version (your edits will be lost), or copy "
                "what you need first."
            )
        )
        self.notice.show()
        self.reload_button.show()

    def _failed(self, failure: Failure) -> None:
        if isinstance(failure.error, VipDeskError):
            self.notice.setText(error_text(failure.error))
            self.notice.show()
        else:
            report_failure(self, failure)

    def _focus_first_invalid(self) -> None:
        for name in EDITABLE:
            if self.errors.message(name):
                self.inputs[name].setFocus()
                return
