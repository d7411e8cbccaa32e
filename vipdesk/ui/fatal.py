"""A dialog for problems that stop the app before its window exists (bad database URL,
unreachable server, unwritable folder). Shown only when a display is available."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from vipdesk.core.errors import VipDeskError


def show_fatal_error(error: VipDeskError) -> None:
    app = QApplication.instance() or QApplication([])
    if QApplication.platformName() in {"offscreen", "minimal"}:
        return
    box = QMessageBox(
        QMessageBox.Icon.Critical, "VIP Desk", error.translated(QCoreApplication.translate)
    )
    box.exec()
    del app
