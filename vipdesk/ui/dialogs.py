"""How errors reach the user.

A :class:`~vipdesk.core.errors.VipDeskError` is the user's or the environment's fault: show its
translated message. Anything else is a bug: log it and show a crash dialog whose details box
holds the traceback, so that the user can copy it into a support ticket.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMessageBox, QWidget

from vipdesk.core.errors import VipDeskError
from vipdesk.ui.resources import icon_path
from vipdesk.ui.workers import Failure

log = logging.getLogger(__name__)


def error_text(error: VipDeskError) -> str:
    return error.translated(QCoreApplication.translate)


def report_failure(parent: QWidget | None, failure: Failure) -> QMessageBox:
    """Show ``failure`` without blocking (``open()``, not ``exec()``); returns the box."""
    if isinstance(failure.error, VipDeskError):
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("dialogs", "VIP Desk"),
            error_text(failure.error),
            parent=parent,
        )
    else:
        log.error("Unexpected error in VIP Desk:\n%s", failure.details)
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("dialogs", "VIP Desk — unexpected error"),
            QCoreApplication.translate(
                "dialogs",
                "Something went wrong inside VIP Desk.\nPlease send the details below to support.",
            ),
            parent=parent,
        )
        box.setDetailedText(failure.details)
    box.setObjectName("errorBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def show_about(parent: QWidget, version: str, database_label: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("aboutBox")
    box.setWindowTitle(QCoreApplication.translate("dialogs", "About VIP Desk"))
    box.setIconPixmap(QIcon(str(icon_path())).pixmap(64, 64))
    box.setText(f"<b>VIP Desk {version}</b>")
    box.setInformativeText(
        QCoreApplication.translate("dialogs", "Workstation for the recovery of high-value debt.")
        + "\n"
        + QCoreApplication.translate("dialogs", "Database: {database}").format(
            database=database_label
        )
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
