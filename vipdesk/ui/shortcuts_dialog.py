"""Help → Keyboard shortcuts (F1): every shortcut the window answers to, grouped.

The list is read from the window's live QActions each time it opens (their current texts and
key sequences, only those a user can trigger now), so it cannot fall behind the code: a new
action with a shortcut shows up by itself, a supervisor-only one only for supervisors.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vipdesk.core.errors import QT_TRANSLATE_NOOP
from vipdesk.ui.widgets import named

# Keys Qt's own widgets answer to (no QAction to read them from).
_BUILT_IN = (
    ("Return", QT_TRANSLATE_NOOP("ShortcutsDialog", "Open the selected case")),
    ("Ctrl+Tab", QT_TRANSLATE_NOOP("ShortcutsDialog", "Next tab")),
    ("Ctrl+Shift+Tab", QT_TRANSLATE_NOOP("ShortcutsDialog", "Previous tab")),
    ("Esc", QT_TRANSLATE_NOOP("ShortcutsDialog", "Close a dialog")),
)


@dataclass(frozen=True)
class Shortcut:
    text: str  # what it does: the action's text, without its mnemonic "&"
    keys: str  # the key sequences, as the platform writes them ("Ctrl+F", "F5")


def plain_text(action: QAction) -> str:
    text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.removesuffix("…").removesuffix("...").strip()


# Keys of special keyboards (a "Close" or "Help" key) that the platform adds to standard
# bindings: listing them next to Ctrl+W only confuses.
_EXOTIC = {Qt.Key.Key_Close, Qt.Key.Key_Help}


def _typeable(sequence: QKeySequence) -> bool:
    # QKeySequence is indexable at run time; the type stubs do not say so.
    keys = [sequence[i].key() for i in range(sequence.count())]  # type: ignore[index]
    return bool(keys) and all(key not in _EXOTIC and key < Qt.Key.Key_Back for key in keys)


def keys_text(action: QAction) -> str:
    sequences = [s for s in action.shortcuts() if _typeable(s)]
    texts = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences]
    return ", ".join(dict.fromkeys(texts))


def _reachable(action: QAction, window: QWidget) -> bool:
    """A shortcut works only while its action sits in a widget that is shown (or in a menu of
    the menu bar that is): an action in a hidden menu (a supervisor's, for an executive) or in
    no widget at all (sync, without a workspace) is left out."""
    if not action.isVisible():
        return False
    for owner in action.associatedObjects():
        if isinstance(owner, QMenu):
            if owner.menuAction().isVisible():
                return True
        elif isinstance(owner, QWidget) and (owner is window or window.isAncestorOf(owner)):
            return True
    return False


def collect_shortcuts(window: QMainWindow) -> list[tuple[str, list[Shortcut]]]:
    """(group title, shortcuts) in the order of the menu bar, then the window's own actions,
    then the case workspace's, then the keys of Qt's lists and tabs."""
    groups: list[tuple[str, list[Shortcut]]] = []
    seen: set[tuple[str, str]] = set()

    def add(title: str, actions: list[QAction]) -> None:
        found = []
        for action in actions:
            keys = keys_text(action)
            if not keys or action.isSeparator() or not _reachable(action, window):
                continue
            entry = Shortcut(plain_text(action), keys)
            if (entry.text, entry.keys) not in seen:
                seen.add((entry.text, entry.keys))
                found.append(entry)
        if found:
            groups.append((title, found))

    def menu_actions(menu: QMenu) -> list[QAction]:
        result = []
        for action in menu.actions():
            sub = action.menu()
            result += menu_actions(sub) if isinstance(sub, QMenu) else [action]
        return result

    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu) and top.isVisible():
            add(plain_text(top), menu_actions(menu))
    add(QCoreApplication.translate("ShortcutsDialog", "Window"), window.actions())
    # Pages of open cases (and anything else inside the window) with their own actions.
    central = window.centralWidget()
    inner = central.findChildren(QAction) if central is not None else []
    add(QCoreApplication.translate("ShortcutsDialog", "Case workspace"), inner)
    built_in = [
        Shortcut(
            QCoreApplication.translate("ShortcutsDialog", text),
            QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText),
        )
        for keys, text in _BUILT_IN
    ]
    groups.append((QCoreApplication.translate("ShortcutsDialog", "Lists and tabs"), built_in))
    return groups


class ShortcutsDialog(QDialog):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self._window = window
        self.heading = named(QLabel(), "dialogHeading")
        self.tree = named(QTreeWidget(), "shortcutsTree")
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.tree.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        close.setFocus()  # Enter or Esc closes; the list is for reading
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        # Fixed minimum: otherwise every relayout renegotiates it with the window system.
        self.setMinimumSize(460, 480)
        self.resize(520, 560)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.heading.setText(self.tr("Keyboard shortcuts"))
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.fill()

    def fill(self) -> None:
        self.tree.clear()
        bold = self.tree.font()
        bold.setBold(True)
        band = QColor("#eef2f7")
        for title, shortcuts in collect_shortcuts(self._window):
            group = QTreeWidgetItem(self.tree, [title])
            group.setFont(0, bold)
            group.setBackground(0, band)
            group.setBackground(1, band)
            group.setFirstColumnSpanned(True)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for shortcut in shortcuts:
                item = QTreeWidgetItem(group, [shortcut.text, shortcut.keys])
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.tree.expandAll()

    def shortcuts(self) -> dict[str, list[Shortcut]]:
        """What is listed, by group title (tests)."""
        return dict(collect_shortcuts(self._window))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ShortcutsHelp(QObject):
    """The F1 action in the window's Help menu, and the dialog it opens."""

    def __init__(self, window: QMainWindow, help_menu: QMenu) -> None:
        super().__init__(window)
        self._window = window
        self.dialog: ShortcutsDialog | None = None
        self.action = named(QAction(window), "shortcutsAction")
        self.action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.triggered.connect(self.show_dialog)
        existing = help_menu.actions()
        if existing:
            help_menu.insertAction(existing[0], self.action)  # above "About": used more
        else:
            help_menu.addAction(self.action)
        window.addAction(self.action)
        window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.action.setText(self.tr("&Keyboard shortcuts"))
        self.action.setStatusTip(self.tr("Every keyboard shortcut of VIP Desk"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def show_dialog(self) -> ShortcutsDialog:
        if self.dialog is not None:
            self.dialog.fill()  # shortcuts may have come and gone since it was made
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        self.dialog = ShortcutsDialog(self._window)
        self.dialog.finished.connect(self._closed)
        self.dialog.show()  # not modal: it can stay open beside the window while one tries
        return self.dialog

    def _closed(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None


def install_shortcuts_help(window: QMainWindow) -> ShortcutsHelp:
    """Add Help → Keyboard shortcuts (F1) to ``window`` (which has a ``_help_menu``); once."""
    help_menu = getattr(window, "_help_menu", None)
    if not isinstance(help_menu, QMenu):
        raise TypeError("install_shortcuts_help needs a window with a _help_menu")
    installed = window.findChild(ShortcutsHelp)
    if isinstance(installed, ShortcutsHelp):
        return installed  # twice would make F1 ambiguous (Qt then ignores it)
    return ShortcutsHelp(window, help_menu)
