"""The tables of the Estrategia page: the saved versions of the strategy and its decision log,
newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from vipdesk.core.errors import QT_TRANSLATE_NOOP
from vipdesk.services.agreement_dto import DecisionInfo, StrategyVersionInfo
from vipdesk.ui.case.activity_models import first_line, plain_tooltip
from vipdesk.ui.formatting import date_text, datetime_text, integer_text
from vipdesk.ui.table_model import RecordsModel

VERSION_ROLE = Qt.ItemDataRole.UserRole + 1


class VersionsModel(RecordsModel[StrategyVersionInfo]):
    CONTEXT = "StrategyModels"
    COLUMNS = (
        ("version", QT_TRANSLATE_NOOP("StrategyModels", "Version")),
        ("author", QT_TRANSLATE_NOOP("StrategyModels", "Saved by")),
        ("saved_at", QT_TRANSLATE_NOOP("StrategyModels", "Saved")),
        ("note", QT_TRANSLATE_NOOP("StrategyModels", "Note")),
    )
    RIGHT = frozenset({"version"})

    def row_of(self, version: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.version == version), -1)

    def cell(self, row: StrategyVersionInfo, key: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "version": integer_text(row.version),
                "author": row.author,
                "saved_at": datetime_text(row.saved_at),
                "note": first_line(row.note),
            }[key]
        if role == Qt.ItemDataRole.ToolTipRole and key == "note" and row.note:
            return plain_tooltip(row.note)  # "<b>" typed in a note reads as typed
        if role == VERSION_ROLE:
            return row.version
        return None


class DecisionsModel(RecordsModel[DecisionInfo]):
    CONTEXT = "StrategyModels"
    COLUMNS = (
        ("decided_on", QT_TRANSLATE_NOOP("StrategyModels", "Date")),
        ("text", QT_TRANSLATE_NOOP("StrategyModels", "Decision")),
        ("author", QT_TRANSLATE_NOOP("StrategyModels", "Recorded by")),
        ("recorded_at", QT_TRANSLATE_NOOP("StrategyModels", "Recorded")),
    )

    def row_of(self, decision_id: object) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == decision_id), -1)

    def cell(self, row: DecisionInfo, key: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "decided_on": date_text(row.decided_on),
                "text": first_line(row.text),
                "author": row.author,
                "recorded_at": datetime_text(row.recorded_at),
            }[key]
        if role == Qt.ItemDataRole.ToolTipRole and key == "text":
            return plain_tooltip(row.text)
        return None
