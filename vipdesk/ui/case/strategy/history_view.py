"""Historial: the saved versions of the strategy (version, author, date, note) and, for the
versions chosen, what changed section by section, insertions and deletions highlighted.

One version chosen: what it changed from the one before (the first version: everything it
wrote). Two or more (Ctrl+click, Shift+click): from the oldest to the newest chosen. The
comparison and the word-level diff run off the GUI thread; user text is escaped into the HTML.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from html import escape

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from vipdesk.core.errors import VipDeskError
from vipdesk.services import strategy
from vipdesk.services.agreement_dto import SectionChange, StrategyInfo, StrategyVersionInfo
from vipdesk.services.strategy_diff import Change, Piece, diff_text
from vipdesk.ui.case.base import CaseEnv
from vipdesk.ui.case.strategy.models import VersionsModel
from vipdesk.ui.case.strategy.sections import section_label
from vipdesk.ui.dialogs import error_text, report_failure
from vipdesk.ui.formatting import datetime_text
from vipdesk.ui.widgets import empty_overlay, named, record_table
from vipdesk.ui.workers import Failure, TaskRunner

BUSY = "strategy-compare"
ADDED_STYLE = "background-color:#d3f9d8; color:#0b5d1e; text-decoration:underline"
REMOVED_STYLE = "background-color:#ffe3e3; color:#8a1c12; text-decoration:line-through"

Diff = list[tuple[SectionChange, tuple[Piece, ...]]]


def diffs_of(changes: Sequence[SectionChange]) -> Diff:
    """Each change with its word-level diff (pure; run off the GUI thread)."""
    return [(change, diff_text(change.before, change.after)) for change in changes]


def _text_html(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def _whole_lines_replaced(pieces: Sequence[Piece], index: int) -> bool:
    """Lines removed from the start of a line and new ones added after them: shown one
    under the other, not run together."""
    piece = pieces[index]
    starts_line = index == 0 or pieces[index - 1].text.endswith("\n")
    followed = index + 1 < len(pieces) and pieces[index + 1].change is Change.ADDED
    return piece.change is Change.REMOVED and starts_line and followed


def pieces_html(pieces: Sequence[Piece]) -> str:
    out = []
    for index, piece in enumerate(pieces):
        body = _text_html(piece.text)
        if piece.change is Change.ADDED:
            out.append(f"<span style='{ADDED_STYLE}'>{body}</span>")
        elif piece.change is Change.REMOVED:
            out.append(f"<span style='{REMOVED_STYLE}'>{body}</span>")
            if _whole_lines_replaced(pieces, index) and not piece.text.endswith("\n"):
                out.append("<br>")
        else:
            out.append(body)
    return "".join(out)


class HistoryView(QWidget):
    def __init__(self, env: CaseEnv, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env, self.runner = env, runner
        self.info: StrategyInfo | None = None
        self.shown: tuple[str, Diff] | None = None  # the heading and the changes on display
        self.model = VersionsModel(self)
        self.table = record_table("strategyVersions", self.model, single=False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.compare_selected())
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.empty_label = empty_overlay(self.table)
        self.empty_label.setMinimumWidth(260)
        self.hint = named(QLabel(), "dialogIntro")
        self.hint.setWordWrap(True)
        self.changes = named(QTextBrowser(), "strategyChanges")
        self.changes.setOpenLinks(False)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.hint)
        left_layout.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.changes)
        left.setMinimumWidth(300)
        self.changes.setMinimumWidth(360)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([400, 600])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(splitter, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.hint.setText(
            self.tr("Choose a version to see what it changed, or two (Ctrl+click) to compare them.")
        )
        self.table.setAccessibleName(self.tr("Saved versions of the strategy"))
        self.changes.setAccessibleName(self.tr("What changed between the versions chosen"))
        self.empty_label.setText(self.tr("No version saved yet."))
        self.model.retranslate()
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- showing ----------------------------------------------------------------------------

    def show_versions(self, info: StrategyInfo) -> None:
        newest = info.versions[0].version if info.versions else 0
        known = self.model.row_at(0)
        # The choice stays across reloads, unless a new version came: then it is shown.
        keep = self.selected_versions() if known and known.version == newest else []
        self.info = info
        self.table.selectionModel().blockSignals(True)
        self.model.set_rows(info.versions)
        self.table.selectionModel().blockSignals(False)
        self.empty_label.setVisible(not info.versions)
        kept = [v for v in keep if self.model.row_of(v) >= 0] or ([newest] if newest else [])
        self.select_versions(*kept)
        if not info.versions:
            self.shown = None
            self._render()

    def selected_versions(self) -> list[int]:
        """The version numbers chosen, oldest first."""
        rows = [index.row() for index in self.table.selectionModel().selectedRows()]
        return sorted(v.version for r in rows if (v := self.model.row_at(r)) is not None)

    def select_versions(self, *versions: int) -> None:
        """Choose these versions in the table, as Ctrl+click does (the comparison follows)."""
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        self.table.clearSelection()
        flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
        for version in versions:
            row = self.model.row_of(version)
            if row >= 0:
                selection.select(self.model.index(row, 0), flags)
        selection.blockSignals(False)
        self.table.viewport().update()
        self.compare_selected()

    def _version(self, number: int) -> StrategyVersionInfo | None:
        versions = self.info.versions if self.info is not None else ()
        return next((v for v in versions if v.version == number), None)

    def compare_selected(self) -> None:
        chosen = self.selected_versions()
        if self.info is None or not chosen:
            return
        newer = max(chosen)
        older = min(chosen) if len(chosen) > 1 else newer - 1
        env, case_id = self.env, self.info.case_id
        after = self._version(newer)
        if after is None:
            return
        if older < 1:  # the first version: everything it wrote is new
            title = self.tr("Version {version}, the first one: everything it wrote").format(
                version=newer
            )
            sections = dict(after.sections)
            self._run(title, lambda: diffs_of(strategy.changes_between({}, sections)))
            return
        before = self._version(older)
        title = self.tr("From version {older} ({older_by}, {older_on}) to version {newer} "
                        "({newer_by}, {newer_on})").format(
            older=older, newer=newer,
            older_by=before.author if before else "", newer_by=after.author,
            older_on=datetime_text(before.saved_at) if before else "",
            newer_on=datetime_text(after.saved_at))  # fmt: skip
        self._run(
            title,
            lambda: diffs_of(
                strategy.compare_versions(env.uow_factory(), env.actor, case_id, older, newer)
            ),
        )

    def show_typed_against_latest(self, typed: Mapping[str, str]) -> None:
        """What the text being edited changes from the latest saved version (theirs, after
        a conflict)."""
        current = self.info.current if self.info is not None else None
        if current is None:
            return
        self.table.clearSelection()
        title = self.tr("From version {version} ({author}) to your unsaved text").format(
            version=current.version, author=current.author
        )
        before, after = dict(current.sections), dict(typed)
        self._run(title, lambda: diffs_of(strategy.changes_between(before, after)))

    def _run(self, title: str, work: Callable[[], Diff]) -> None:
        self.runner.submit(BUSY, work, lambda diff: self._show(title, diff), self._failed)

    def _show(self, title: str, diff: Diff) -> None:
        self.shown = (title, diff)
        self._render()

    def _failed(self, failure: Failure) -> None:
        if isinstance(failure.error, VipDeskError):  # e.g. no longer visible after a sync
            self.shown = None
            self.changes.setHtml(f"<p>{escape(error_text(failure.error))}</p>")
        else:
            report_failure(self, failure)

    def _render(self) -> None:
        if self.shown is None:
            self.changes.clear()
            return
        title, diff = self.shown
        # Translated outside the f-strings: lupdate does not look inside them.
        added, removed = escape(self.tr("added")), escape(self.tr("removed"))
        legend = (f"<span style='{ADDED_STYLE}'>{added}</span> · "
                  f"<span style='{REMOVED_STYLE}'>{removed}</span>")  # fmt: skip
        parts = [f"<h3>{escape(title)}</h3>", f"<p style='color:#52606d'>{legend}</p>"]
        if not diff:
            parts.append("<p>" + escape(self.tr("No section changed.")) + "</p>")
        for change, pieces in diff:
            parts.append(f"<h4>{escape(section_label(change.section))}</h4>")
            parts.append(f"<p>{pieces_html(pieces)}</p>")
        self.changes.setHtml("".join(parts))

    def changed_sections(self) -> list[str]:
        """The sections the comparison on display shows as changed."""
        return [change.section for change, _pieces in self.shown[1]] if self.shown else []
