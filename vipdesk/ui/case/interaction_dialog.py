"""Nueva gestión: log a contact with the debtor and, when the outcome is a promise to pay,
record the promise in the same form.

Both records are checked here before anything is saved (the same checks as the services),
so a contact is never stored while its promise is invalid. Saving logs the contact, then the
promise linked to it. The contact's id is chosen once, here: should the promise still be refused
by the service (the balance dropped meanwhile), saving again does not log the contact twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from vipdesk.core.catalog import Channel, Direction, Outcome
from vipdesk.core.errors import ValidationError
from vipdesk.core.money import parse_amount
from vipdesk.core.text import clean_text
from vipdesk.core.validation import check_date_in_range, collect
from vipdesk.services import activity
from vipdesk.services.dto import CaseDetail, NewInteraction, NewPromise
from vipdesk.ui import labels
from vipdesk.ui.case.base import CaseEnv
from vipdesk.ui.case.form_dialog import FormDialog, amount_cell, new_form
from vipdesk.ui.case.form_fields import (
    AmountEdit,
    DateField,
    DateTimeField,
    OptionalDateField,
    amount_limit,
    choice,
    parse_minutes,
    require_choice,
)
from vipdesk.ui.formatting import date_text, money_text, today
from vipdesk.ui.resources import icon_path
from vipdesk.ui.widgets import named

MAX_MINUTES = 600  # as the service allows
PROMISE_DAYS_AHEAD = 7  # the usual "I'll pay next week"
# Problems of the promise come back from the service named after its own fields.
_PROMISE_FIELDS = {"amount": "promise_amount", "due_date": "promise_due_date"}
_CONTACT_FIELDS = ("occurred_at", "channel", "direction", "contact_name", "outcome", "notes",
                   "duration_minutes", "next_action", "next_action_date")  # fmt: skip


class PromiseRefused(ValidationError):
    """The contact was logged but the service refused its promise."""


def fill_combo(combo: QComboBox, items: list[tuple[str, str]]) -> None:
    """(code, label) items; keeps the chosen code across a relabelling."""
    chosen = choice(combo)
    combo.clear()
    for code, label in items:
        combo.addItem(label, code)
    combo.setCurrentIndex(combo.findData(chosen) if chosen else -1)


class InteractionDialog(FormDialog):
    def __init__(self, env: CaseEnv, detail: CaseDetail, parent: QWidget | None = None) -> None:
        super().__init__(env.interactive, parent)
        self.setObjectName("interactionDialog")
        self.setWindowIcon(QIcon(str(icon_path())))
        self.env = env
        self.detail = detail
        self.interaction_id: UUID = uuid4()
        self.contact_saved = False  # the contact is stored, its promise was refused
        self._build()
        self.retranslate()
        self.remember_initial()

    def _build(self) -> None:
        now = datetime.now(UTC).astimezone()
        self.occurred_at = named(DateTimeField(now), "occurredAt")
        self.channel = named(QComboBox(), "channelCombo")
        self.direction = named(QComboBox(), "directionCombo")
        fill_combo(self.channel, [(c.value, "") for c in Channel])
        fill_combo(self.direction, [(d.value, "") for d in Direction])
        self.channel.setCurrentIndex(self.channel.findData(Channel.CALL.value))
        self.direction.setCurrentIndex(self.direction.findData(Direction.OUTBOUND.value))
        self.contact_name = named(QComboBox(), "contactNameCombo")
        self.contact_name.setEditable(True)
        names = [self.detail.debtor_name, *(p.name for p in self.detail.related_parties)]
        self.contact_name.addItems(list(dict.fromkeys(n for n in names if n)))
        self.contact_name.setCurrentIndex(-1)
        self.outcome = named(QComboBox(), "outcomeCombo")
        fill_combo(self.outcome, [(o.value, "") for o in Outcome])
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self.notes = named(QPlainTextEdit(), "notesEdit")
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(90)
        self.duration = named(QLineEdit(), "durationEdit")
        self.duration.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.duration.setMaxLength(12)
        self.next_action = named(QLineEdit(), "nextActionEdit")
        self.next_action_date = named(OptionalDateField(), "nextActionDate")

        self.promise_box = named(QGroupBox(), "promiseBox")
        self.promise_amount = named(AmountEdit(), "promiseAmount")
        self.currency = named(QLabel(self.detail.currency), "currencyLabel")
        self.promise_due = named(DateField(today() + timedelta(days=PROMISE_DAYS_AHEAD)),
                                 "promiseDueDate")  # fmt: skip
        self.promised_on = named(QLabel(), "statusLabel")

        form = new_form()
        for name, widget in (
            ("occurred_at", self.occurred_at),
            ("channel", self.channel),
            ("direction", self.direction),
            ("contact_name", self.contact_name),
            ("outcome", self.outcome),
            ("notes", self.notes),
            ("duration_minutes", self.duration),
            ("next_action", self.next_action),
            ("next_action_date", self.next_action_date),
        ):
            self.add_row(
                form, name, widget, self._narrow(widget) if widget is self.duration else None
            )
        promise_form = new_form(self.promise_box)
        promise_cell = amount_cell(self.promise_amount, self.currency)
        self.add_row(promise_form, "promise_amount", self.promise_amount, promise_cell)
        self.add_row(promise_form, "promise_due_date", self.promise_due)
        promise_form.addRow("", self.promised_on)
        self.promise_box.setVisible(False)
        self.lay_out(form, self.promise_box, min_width=560)

    @staticmethod
    def _narrow(widget: QWidget) -> QWidget:
        """A short input at its own width; its message below still spans the column."""
        widget.setFixedWidth(110)
        cell = QWidget()
        row = QHBoxLayout(cell)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(widget)
        row.addStretch(1)
        return cell

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("New contact"))
        self.heading.setText(self.tr("New contact · {case}").format(case=self.detail.number))
        captions = {
            "occurred_at": self.tr("Date and &time"),
            "channel": self.tr("&Channel"),
            "direction": self.tr("&Direction"),
            "contact_name": self.tr("Contact &reached"),
            "outcome": self.tr("&Outcome"),
            "notes": self.tr("&Notes"),
            "duration_minutes": self.tr("Duration (&minutes)"),
            "next_action": self.tr("Ne&xt action"),
            "next_action_date": self.tr("Next action d&ate"),
            "promise_amount": self.tr("Amount &promised"),
            "promise_due_date": self.tr("Promise d&ue date"),
        }
        self.set_captions(captions)
        fill_combo(self.channel, [(c.value, labels.channel_label(c.value)) for c in Channel])
        fill_combo(self.direction, [(d.value, labels.direction_label(d.value)) for d in Direction])
        fill_combo(self.outcome, [(o.value, labels.outcome_label(o.value)) for o in Outcome])
        self.outcome.setPlaceholderText(self.tr("Choose the outcome…"))
        editor = self.contact_name.lineEdit()
        if editor is not None:
            editor.setPlaceholderText(self.tr("Who answered"))
        self.notes.setPlaceholderText(self.tr("What was said, what was agreed"))
        self.next_action_date.set_empty_text(self.tr("No date"))
        self.next_action.setPlaceholderText(self.tr("For example: call again"))
        self.promise_box.setTitle(self.tr("Promise to pay"))
        self.promise_amount.setPlaceholderText(
            self.tr("At most {maximum}").format(
                maximum=money_text(self.detail.exposure, self.detail.currency)
            )
        )
        self.promised_on.setText(self.tr("Promised on {date}").format(date=date_text(today())))
        self.currency.setAccessibleName(self.tr("Currency"))

    def _outcome_changed(self) -> None:
        self.promise_box.setVisible(choice(self.outcome) == Outcome.PROMISE.value)
        self.adjustSize()

    def wants_promise(self) -> bool:
        return choice(self.outcome) == Outcome.PROMISE.value

    def snapshot(self) -> object:
        return (
            self.occurred_at.dateTime(), choice(self.channel), choice(self.direction),
            self.contact_name.currentText(), choice(self.outcome), self.notes.toPlainText(),
            self.duration.text(), self.next_action.text(), self.next_action_date.value(),
            self.promise_amount.text(), self.promise_due.value(),
        )  # fmt: skip

    # -- saving -----------------------------------------------------------------------------

    def build_command(self) -> tuple[NewInteraction, NewPromise | None]:
        values: dict[str, Any] = {}
        day = today()
        ahead = day + timedelta(days=activity.AHEAD_DAYS)

        def put(name: str, value: Any) -> None:
            values[name] = value

        def occurred() -> None:
            moment = self.occurred_at.value()
            check_date_in_range(
                moment.date(),
                "occurred_at",
                earliest=day - timedelta(days=activity.BACKDATE_DAYS),
                latest=day,
            )
            put("occurred_at", moment)

        def next_date() -> None:
            chosen = self.next_action_date.value()
            if chosen is not None:
                check_date_in_range(chosen, "next_action_date", earliest=day, latest=ahead)
            put("next_action_date", chosen)

        def promise_amount() -> None:
            amount = parse_amount(self.promise_amount.text(), "promise_amount")
            exposure = self.detail.exposure
            put("amount", amount_limit(amount, "promise_amount", exposure,
                                       money_text(exposure, self.detail.currency)))  # fmt: skip

        checks: list[Callable[[], object]] = [
            occurred,
            lambda: put("channel", require_choice(choice(self.channel), "channel")),
            lambda: put("direction", require_choice(choice(self.direction), "direction")),
            lambda: put("outcome", require_choice(choice(self.outcome), "outcome")),
            lambda: put("contact_name", clean_text(self.contact_name.currentText(),
                        "contact_name", max_length=300, required=False)),
            lambda: put("notes", clean_text(self.notes.toPlainText(), "notes",
                        max_length=activity.MAX_NOTES, required=False, multiline=True)),
            lambda: put("duration_minutes", parse_minutes(self.duration.text(),
                        "duration_minutes", MAX_MINUTES)),
            next_date,
            lambda: put("next_action", clean_text(self.next_action.text(), "next_action",
                        max_length=300, required=self.next_action_date.value() is not None)),
        ]  # fmt: skip
        if self.wants_promise():
            checks += [
                promise_amount,
                lambda: check_date_in_range(self.promise_due.value(), "promise_due_date",
                                            earliest=day, latest=ahead),
            ]  # fmt: skip
        collect(*checks)
        promise = values.pop("amount", None)
        interaction = NewInteraction(case_id=self.detail.id, id=self.interaction_id, **values)
        if promise is None:
            return interaction, None
        return interaction, NewPromise(
            case_id=self.detail.id,
            amount=promise,
            due_date=self.promise_due.value(),
            interaction_id=self.interaction_id,
            notes=values["notes"],
        )

    def save(self, command: tuple[NewInteraction, NewPromise | None]) -> UUID:
        """On a pool thread: the contact, then its promise (each its own transaction)."""
        interaction, promise = command
        env = self.env
        logged = activity.log_interaction(env.uow_factory(), env.actor, interaction)
        if promise is not None:
            try:
                activity.record_promise(env.uow_factory(), env.actor, promise)
            except ValidationError as error:
                raise PromiseRefused(
                    [
                        replace(p, field=_PROMISE_FIELDS.get(p.field, p.field))
                        for p in error.problems
                    ]
                ) from error
        return logged

    def refuse(self, failure: Any) -> None:
        if isinstance(failure.error, PromiseRefused):
            # The contact is stored: only the promise can still change.
            self.contact_saved = True
            for name in _CONTACT_FIELDS:
                self.field_widget(name).setEnabled(False)
        super().refuse(failure)
        if self.contact_saved:
            saved = self.tr("The contact was saved; correct the promise and save again.")
            self.general_error.setText("\n".join(filter(None, [self.general_error.text(), saved])))
            self.general_error.show()
