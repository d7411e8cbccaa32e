"""Who signs the agreement: a table of signatories (role, name, identity document, capacity)
added, changed (Enter or double-click on a row) and removed here. Changes are part of the
version's edits — undone with the rest and stored when the version is saved; the service checks
them again then, and its messages about a signatory show under the table."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vipdesk.core.errors import Problem
from vipdesk.core.text import clean_text
from vipdesk.core.validation import collect
from vipdesk.services.agreement_dto import Signatory
from vipdesk.services.agreement_records import (
    MAX_CAPACITY,
    MAX_ID_DOCUMENT,
    MAX_SIGNATORIES,
    MAX_SIGNATORY_NAME,
)
from vipdesk.ui.case.agreement.labels import SIGNATORY_ROLES, role_label
from vipdesk.ui.case.agreement.models import SignatoriesModel
from vipdesk.ui.case.form_dialog import FormDialog, new_form
from vipdesk.ui.case.form_fields import choice, require_choice
from vipdesk.ui.widgets import named, record_table

LIMITS = {"name": MAX_SIGNATORY_NAME, "id_document": MAX_ID_DOCUMENT, "capacity": MAX_CAPACITY}


class SignatoryDialog(FormDialog):
    """One signatory; Save hands it to the box (nothing is stored until the version is)."""

    def __init__(
        self, interactive: bool, signatory: Signatory | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(interactive, parent)
        self.setObjectName("signatoryDialog")
        self.editing = signatory is not None
        self.role = named(QComboBox(), "signatoryRoleCombo")
        for code in SIGNATORY_ROLES:
            self.role.addItem("", code)
        self.name = named(QLineEdit(), "signatoryNameEdit")
        self.id_document = named(QLineEdit(), "signatoryIdEdit")
        self.capacity = named(QLineEdit(), "signatoryCapacityEdit")
        for edit, field in ((self.name, "name"), (self.id_document, "id_document"),
                            (self.capacity, "capacity")):  # fmt: skip
            edit.setMaxLength(LIMITS[field] * 2)  # beyond the limit: it gets its message
        form = new_form()
        for field, widget in (
            ("role", self.role),
            ("name", self.name),
            ("id_document", self.id_document),
            ("capacity", self.capacity),
        ):
            self.add_row(form, field, widget)  # fmt: skip
        self.lay_out(form, min_width=480)
        if signatory is not None:
            index = self.role.findData(signatory.role)
            if index < 0:  # a role from newer data: kept as it is
                self.role.addItem(signatory.role, signatory.role)
                index = self.role.count() - 1
            self.role.setCurrentIndex(index)
            self.name.setText(signatory.name)
            self.id_document.setText(signatory.id_document)
            self.capacity.setText(signatory.capacity)
        self.retranslate()
        self.remember_initial()
        self.name.setFocus()

    def retranslate(self) -> None:
        super().retranslate()
        title = self.tr("Edit signatory") if self.editing else self.tr("Add signatory")
        self.setWindowTitle(title)
        self.heading.setText(title)
        self.save_button.setText(self.tr("&OK"))
        for index in range(self.role.count()):
            self.role.setItemText(index, role_label(str(self.role.itemData(index))))
        self.set_captions({
            "role": self.tr("&Role"), "name": self.tr("&Name"),
            "id_document": self.tr("&Identity document"), "capacity": self.tr("&Capacity"),
        })  # fmt: skip
        self.capacity.setPlaceholderText(self.tr("e.g. Legal representative of the company"))

    def snapshot(self) -> object:
        return (choice(self.role), self.name.text(), self.id_document.text(),
                self.capacity.text())  # fmt: skip

    def build_command(self) -> Signatory:
        values: dict[str, str] = {}

        def text(field: str, edit: QLineEdit, required: bool = True) -> None:
            values[field] = clean_text(edit.text(), field, max_length=LIMITS[field],
                                       required=required)  # fmt: skip

        collect(
            lambda: values.__setitem__("role", require_choice(choice(self.role), "role")),
            lambda: text("name", self.name),
            lambda: text("id_document", self.id_document),
            lambda: text("capacity", self.capacity, required=False),
        )
        return Signatory(values["role"], values["name"], values["id_document"],
                         values["capacity"])  # fmt: skip

    def start_save(self, command: object) -> None:
        self.finish(command)  # the box keeps it; the version's save stores it


class SignatoriesBox(QGroupBox):
    edited = Signal(object)  # the new tuple of signatories, as the user left it

    def __init__(self, interactive: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("debtorBox")
        self.interactive = interactive
        self.editable = False
        self.dialog: SignatoryDialog | None = None
        self.model = SignatoriesModel(self)
        self.table = record_table("signatoriesTable", self.model)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.activated.connect(lambda _index: self.edit_signatory())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.installEventFilter(self)  # Delete removes the row
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.problem = named(QLabel(), "fieldError")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.hide()
        self.add_button = named(QPushButton(), "addSignatoryButton")
        self.edit_button = named(QPushButton(), "editSignatoryButton")
        self.remove_button = named(QPushButton(), "removeSignatoryButton")
        self.add_button.clicked.connect(self.add_signatory)
        self.edit_button.clicked.connect(self.edit_signatory)
        self.remove_button.clicked.connect(self.remove_signatory)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Signatories"))
        self.table.setAccessibleName(self.tr("Signatories"))
        self.add_button.setText(self.tr("Add signatory…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.remove_button.setText(self.tr("Remove"))
        for button in (self.add_button, self.edit_button, self.remove_button):
            button.setAccessibleName(button.text().rstrip("…"))
        self.model.retranslate()
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Delete
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            self.remove_signatory()
            return True
        return super().eventFilter(watched, event)

    # -- showing ----------------------------------------------------------------------------

    def signatories(self) -> tuple[Signatory, ...]:
        return self.model.signatories()

    def set_signatories(self, signatories: object) -> None:
        """Show these (loaded, undone or redone): not an edit."""
        assert isinstance(signatories, tuple)
        if signatories == self.model.signatories():
            return
        row = self.selected_row()
        self.model.set_rows(signatories)
        if self.model.rowCount():
            self.table.selectRow(min(max(row, 0), self.model.rowCount() - 1))
        self._update_buttons()

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        self._update_buttons()

    def show_problems(self, problems: list[Problem]) -> None:
        """The service's messages about the signatories (field "signatories..."), under the
        table, each naming the row it is about."""
        lines = [self._problem_text(p) for p in problems]
        self.problem.setText("\n".join(lines))
        self.problem.setVisible(bool(lines))

    def _problem_text(self, problem: Problem) -> str:
        message = problem.translated(QCoreApplication.translate)
        rest = problem.field.removeprefix("signatories")
        if rest.startswith("[") and "]" in rest:
            number = rest[1 : rest.index("]")]
            if number.isdigit():
                return self.tr("Signatory {row}: {message}").format(
                    row=int(number) + 1, message=message)  # fmt: skip
        return message

    def selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _update_buttons(self) -> None:
        selected = self.selected_row() >= 0
        full = self.model.rowCount() >= MAX_SIGNATORIES
        self.add_button.setEnabled(self.editable and not full)
        self.edit_button.setEnabled(self.editable and selected)
        self.remove_button.setEnabled(self.editable and selected)
        self.add_button.setToolTip(
            self.tr("At most {count} signatories").format(count=MAX_SIGNATORIES) if full else ""
        )

    # -- editing ----------------------------------------------------------------------------

    def add_signatory(self) -> SignatoryDialog | None:
        if not self.add_button.isEnabled():
            return None
        return self._open(SignatoryDialog(self.interactive, None, self), -1)

    def edit_signatory(self) -> SignatoryDialog | None:
        row = self.selected_row()
        signatory = self.model.row_at(row)
        if not self.editable or signatory is None:
            return None
        return self._open(SignatoryDialog(self.interactive, signatory, self), row)

    def remove_signatory(self) -> None:
        row = self.selected_row()
        if not self.editable or row < 0:
            return
        rows = list(self.model.signatories())
        del rows[row]
        self.edited.emit(tuple(rows))  # undoable: no question asked

    def _open(self, dialog: SignatoryDialog, row: int) -> SignatoryDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda signatory: self._saved(row, signatory))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _saved(self, row: int, signatory: object) -> None:
        assert isinstance(signatory, Signatory)
        rows = list(self.model.signatories())
        if 0 <= row < len(rows):
            rows[row] = signatory
        else:
            rows.append(signatory)
        self.edited.emit(tuple(rows))
        index = row if row >= 0 else len(rows) - 1
        self.table.selectRow(index)
