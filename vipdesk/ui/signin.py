"""The sign-in dialog: pick a user from the list or type the user name.

Demo deployments identify users by name (real authentication comes with per-user PostgreSQL
roles). Both the user list and the sign-in itself are database calls, so they run off the GUI
thread; while they run the dialog says so instead of freezing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QCloseEvent, QColor, QFont, QFontMetrics, QIcon, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
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
from vipdesk.core.text import normalize_for_search
from vipdesk.services import auth
from vipdesk.services.dto import Actor, UserListing
from vipdesk.ui import labels
from vipdesk.ui.dialogs import error_text, report_failure
from vipdesk.ui.resources import icon_path
from vipdesk.ui.widgets import named
from vipdesk.ui.workers import Failure, TaskRunner

USERNAME_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2
DETAILS_ROLE = Qt.ItemDataRole.UserRole + 3


class _UserDelegate(QStyledItemDelegate):
    """Full name in bold, role, team and user name below it in a quieter grey."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        background = QStyleOptionViewItem(option)
        self.initStyleOption(background, index)
        background.text = ""  # the panel (hover, selection) from the style; text is ours
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, widget)
        rect = option.rect.adjusted(10, 6, -10, -6)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.save()
        painter.setFont(bold)
        painter.setPen(QColor("#102a43"))
        first = QFontMetrics(bold).height()
        painter.drawText(
            rect.adjusted(0, 0, 0, -first), Qt.AlignmentFlag.AlignLeft, str(index.data(NAME_ROLE))
        )
        painter.setFont(option.font)
        painter.setPen(QColor("#52606d"))
        painter.drawText(
            rect.adjusted(0, first + 2, 0, 0),
            Qt.AlignmentFlag.AlignLeft,
            str(index.data(DETAILS_ROLE)),
        )
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        height = QFontMetrics(option.font).height()
        return QSize(200, 2 * height + 16)


class SignInDialog(QDialog):
    """``exec()`` it; when accepted, :attr:`actor` is the signed-in user."""

    def __init__(
        self,
        uow_factory: Callable[[], Any] | None,
        parent: QWidget | None = None,
        initial_user: str = "",
        *,
        directory: auth.UserDirectory | None = None,
        offline: bool = False,
    ) -> None:
        """``directory``: who may sign in (default: the users of the central database behind
        ``uow_factory``). ``offline``: the central database is unreachable, say so."""
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.actor: Actor | None = None
        if directory is None:
            assert uow_factory is not None
            directory = auth.CentralDirectory(uow_factory)
        self._directory = directory
        self._offline = offline
        self._runner = TaskRunner(self)
        self._users: list[UserListing] = []
        self._build(initial_user)
        self._retranslate()
        self._load_users()

    # -- layout -----------------------------------------------------------------------------

    def _build(self, initial_user: str) -> None:
        self.setWindowIcon(QIcon(str(icon_path())))
        self.setMinimumSize(QSize(480, 600))

        self._heading = named(QLabel(), "dialogHeading")
        self._intro = named(QLabel(), "dialogIntro")
        self._intro.setWordWrap(True)
        self.offline_notice = named(QLabel(), "offlineNotice")
        self.offline_notice.setWordWrap(True)
        self.offline_notice.setVisible(self._offline)

        self._list_label = named(QLabel(), "fieldLabel")
        self.user_list = named(QListWidget(), "userList")
        self.user_list.setUniformItemSizes(True)
        self.user_list.setItemDelegate(_UserDelegate(self.user_list))
        self.user_list.itemClicked.connect(self._item_chosen)
        self.user_list.currentItemChanged.connect(self._current_changed)
        self.user_list.itemActivated.connect(lambda _item: self._sign_in())
        self._list_label.setBuddy(self.user_list)

        self.status_label = named(QLabel(), "statusLabel")

        self._name_label = named(QLabel(), "fieldLabel")
        self.user_field = named(QLineEdit(initial_user), "userName")
        self.user_field.setClearButtonEnabled(True)
        self.user_field.textEdited.connect(self._filter)
        # Up/Down in the name field move through the list: keyboard users never leave the field.
        self.user_field.installEventFilter(self)
        self._name_label.setBuddy(self.user_field)

        self.error_label = named(QLabel(), "errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        self._buttons = QDialogButtonBox()
        self.sign_in_button = named(QPushButton(), "primaryButton")
        self.sign_in_button.setDefault(True)
        self.cancel_button = QPushButton()
        self._buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self._buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        # Not QDialogButtonBox.accepted -> accept(): signing in is asynchronous and may fail.
        self.sign_in_button.clicked.connect(self._sign_in)
        self.cancel_button.clicked.connect(self.reject)

        header = QHBoxLayout()
        logo = named(QLabel(), "dialogLogo")
        logo.setPixmap(QIcon(str(icon_path())).pixmap(QSize(44, 44)))
        header.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self._heading)
        titles.addWidget(self._intro)
        header.addLayout(titles, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addSpacing(8)
        layout.addWidget(self.offline_notice)
        layout.addWidget(self._list_label)
        layout.addWidget(self.user_list, 1)
        layout.addWidget(self.status_label)
        layout.addSpacing(4)
        layout.addWidget(self._name_label)
        layout.addWidget(self.user_field)
        layout.addWidget(self.error_label)
        layout.addSpacing(8)
        layout.addWidget(self._buttons)
        self.user_field.setFocus()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sign in — VIP Desk"))
        self._heading.setText(self.tr("Sign in", "heading"))
        self._intro.setText(self.tr("Choose your user or type your user name."))
        self._list_label.setText(self.tr("&Users"))
        self._name_label.setText(self.tr("User &name"))
        self.user_field.setPlaceholderText(self.tr("for example ejecutivo1"))
        self.sign_in_button.setText(self.tr("Sign in", "button"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.user_list.setAccessibleName(self.tr("Users"))
        self.user_field.setAccessibleName(self.tr("User name"))
        self.sign_in_button.setAccessibleName(self.tr("Sign in", "button"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.error_label.setAccessibleName(self.tr("Sign-in error"))
        self.offline_notice.setText(
            self.tr(
                "No connection to the central database. You can sign in with the local copy "
                "kept on this computer; your changes are sent when the connection returns."
            )
        )
        self.offline_notice.setAccessibleName(self.tr("Working without a connection"))
        if self._runner.is_busy("users"):
            self.status_label.setText(self.tr("Loading…"))
        self._fill_list()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- users ------------------------------------------------------------------------------

    def _load_users(self) -> None:
        self.status_label.setText(self.tr("Loading…"))
        self.status_label.show()
        self._runner.submit(
            "users", self._directory.list_users, self._users_loaded, self._users_failed
        )

    def _users_loaded(self, users: list[UserListing]) -> None:
        self._users = users
        self.status_label.hide()
        self._fill_list()
        self._filter(self.user_field.text())

    def _users_failed(self, failure: Failure) -> None:
        self.status_label.hide()
        if isinstance(failure.error, VipDeskError):
            # The list is a convenience: a typed user name still works once the cause is fixed.
            self.show_error(error_text(failure.error))
        else:
            report_failure(self, failure)

    def _fill_list(self) -> None:
        current = self._selected_username()
        self.user_list.clear()
        for user in self._users:
            details = " · ".join(
                part for part in (labels.role_label(user.role), user.team_name) if part
            )
            details = f"{details} — {user.username}"
            # The plain text (both lines) is what screen readers and tests read.
            item = QListWidgetItem(f"{user.full_name}\n{details}")
            item.setData(NAME_ROLE, user.full_name)
            item.setData(DETAILS_ROLE, details)
            item.setData(USERNAME_ROLE, user.username)
            item.setToolTip(user.username)
            self.user_list.addItem(item)
            if user.username == current:
                self.user_list.setCurrentItem(item)

    def _selected_username(self) -> str:
        item = self.user_list.currentItem()
        return str(item.data(USERNAME_ROLE)) if item is not None else ""

    def _filter(self, text: str) -> None:
        """Show the users whose name or user name contains ``text`` (accents and case ignored)
        and select the best match, so that Enter signs in as the user being typed."""
        needle = normalize_for_search(text.strip())
        best: QListWidgetItem | None = None
        for row in range(self.user_list.count()):
            item = self.user_list.item(row)
            username = str(item.data(USERNAME_ROLE))
            haystack = normalize_for_search(f"{username} {item.text()}")
            visible = needle in haystack
            item.setHidden(not visible)
            if visible and (best is None or normalize_for_search(username) == needle):
                best = item
        self.error_label.hide()
        if best is not None and needle:
            self.user_list.blockSignals(True)
            self.user_list.setCurrentItem(best)
            self.user_list.blockSignals(False)
            self.user_list.scrollToItem(best)

    def _item_chosen(self, item: QListWidgetItem) -> None:
        self.user_field.setText(str(item.data(USERNAME_ROLE)))
        self.error_label.hide()

    def _current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None and self.user_list.hasFocus():
            self._item_chosen(current)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.user_field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            if step is not None:
                self._step(step)
                return True
        return super().eventFilter(watched, event)

    def _step(self, step: int) -> None:
        visible = [
            row for row in range(self.user_list.count()) if not self.user_list.item(row).isHidden()
        ]
        if not visible:
            return
        current = self.user_list.currentRow()
        if current in visible:
            position = min(max(visible.index(current) + step, 0), len(visible) - 1)
        else:
            position = 0 if step > 0 else len(visible) - 1
        item = self.user_list.item(visible[position])
        self.user_list.setCurrentItem(item)
        self._item_chosen(item)

    # -- signing in -------------------------------------------------------------------------

    def _sign_in(self) -> None:
        if self._runner.is_busy("sign_in"):
            return
        name = self.user_field.text().strip() or self._selected_username()
        if not name:
            self.show_error(self.tr("Choose a user from the list or type a user name."))
            self.user_field.setFocus()
            return
        self._set_busy(True)
        directory = self._directory
        self._runner.submit(
            "sign_in", lambda: directory.sign_in(name), self._signed_in, self._sign_in_failed
        )

    def _signed_in(self, actor: Actor) -> None:
        self.actor = actor
        self._set_busy(False)
        self.accept()

    def _sign_in_failed(self, failure: Failure) -> None:
        self._set_busy(False)
        if isinstance(failure.error, VipDeskError):
            self.show_error(error_text(failure.error))
            self.user_field.setFocus()
            self.user_field.selectAll()
        else:
            report_failure(self, failure)

    def _set_busy(self, busy: bool) -> None:
        self.sign_in_button.setEnabled(not busy)
        self.user_field.setReadOnly(busy)
        self.status_label.setText(self.tr("Signing in…") if busy else "")
        self.status_label.setVisible(busy)

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    # -- closing ----------------------------------------------------------------------------

    def done(self, result: int) -> None:
        # Background calls hold database sessions: finish them before the dialog goes away.
        self._runner.shutdown()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._runner.shutdown()
        super().closeEvent(event)
