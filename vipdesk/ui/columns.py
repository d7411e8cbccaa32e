"""The portfolio's columns: titles, tooltips, alignment, and a first-run width that fits.

Thirteen columns must fit a 1366–1440 px laptop screen without a horizontal scroll bar, so
long titles wrap onto two lines and the first-run widths come from the titles and the first
rows actually shown (the user's own widths, once changed, are restored instead).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QFontMetrics
from PySide6.QtWidgets import QTableView

from vipdesk.core.errors import QT_TRANSLATE_NOOP
from vipdesk.services.dto import SortKey


@dataclass(frozen=True)
class Column:
    key: SortKey
    title: str  # English source, translated in headerData
    tooltip: str
    numeric: bool = False  # right-aligned, sorted largest first on the first click


COLUMNS: tuple[Column, ...] = (
    Column(
        SortKey.CASE_NUMBER,
        QT_TRANSLATE_NOOP("PortfolioModel", "Case"),
        QT_TRANSLATE_NOOP("PortfolioModel", "Case file number"),
    ),
    Column(
        SortKey.DEBTOR,
        QT_TRANSLATE_NOOP("PortfolioModel", "Debtor"),
        QT_TRANSLATE_NOOP("PortfolioModel", "Person or company that owes the debt"),
    ),
    Column(
        SortKey.SEGMENT,
        QT_TRANSLATE_NOOP("PortfolioModel", "Segment"),
        QT_TRANSLATE_NOOP("PortfolioModel", "Company or individual"),
    ),
    Column(
        SortKey.CURRENCY,
        QT_TRANSLATE_NOOP("PortfolioModel", "Currency"),
        QT_TRANSLATE_NOOP("PortfolioModel", "Currency of the case"),
    ),
    Column(
        SortKey.EXPOSURE,
        QT_TRANSLATE_NOOP("PortfolioModel", "Exposure"),
        QT_TRANSLATE_NOOP("PortfolioModel", "Total owed: principal, interest and fees"),
        numeric=True,
    ),
    Column(
        SortKey.DAYS_PAST_DUE,
        QT_TRANSLATE_NOOP("PortfolioModel", "Days past due"),
        QT_TRANSLATE_NOOP("PortfolioModel", "Days since the oldest unpaid instalment"),
        numeric=True,
    ),
    Column(
        SortKey.BUCKET,
        QT_TRANSLATE_NOOP("PortfolioModel", "Bucket"),
        QT_TRANSLATE_NOOP("PortfolioModel", "Delinquency bucket by days past due"),
    ),
    Column(
        SortKey.LAST_CONTACT,
        QT_TRANSLATE_NOOP("PortfolioModel", "Last contact"),
        QT_TRANSLATE_NOOP("PortfolioModel", "Last logged interaction with the debtor"),
    ),
    Column(
        SortKey.NEXT_ACTION,
        QT_TRANSLATE_NOOP("PortfolioModel", "Next action"),
        QT_TRANSLATE_NOOP("PortfolioModel", "Date of the next planned action (red: overdue)"),
    ),
    Column(
        SortKey.PROMISE_STATUS,
        QT_TRANSLATE_NOOP("PortfolioModel", "Promise"),
        QT_TRANSLATE_NOOP("PortfolioModel", "Status of the latest promise to pay"),
    ),
    Column(
        SortKey.PRIORITY,
        QT_TRANSLATE_NOOP("PortfolioModel", "Priority"),
        QT_TRANSLATE_NOOP("PortfolioModel", "Score from 0 to 100: work the highest first"),
        numeric=True,
    ),
    Column(
        SortKey.EXECUTIVE,
        QT_TRANSLATE_NOOP("PortfolioModel", "Executive"),
        QT_TRANSLATE_NOOP("PortfolioModel", "Executive in charge of the case"),
    ),
    Column(
        SortKey.STATUS,
        QT_TRANSLATE_NOOP("PortfolioModel", "Status"),
        QT_TRANSLATE_NOOP("PortfolioModel", "Stage of the case"),
    ),
)

COLUMN_OF: dict[SortKey, int] = {column.key: i for i, column in enumerate(COLUMNS)}


def two_lines(title: str, longer_than: int = 10) -> str:
    """Break a long column title at the space nearest its middle ("Días de atraso" ->
    "Días de / atraso"): thirteen columns fit a laptop screen only if titles are not wider
    than their figures. Works for any language, so translators need not care."""
    if len(title) <= longer_than or " " not in title:
        return title
    middle = len(title) / 2
    cut = min((i for i, c in enumerate(title) if c == " "), key=lambda i: abs(i - middle))
    return f"{title[:cut]}\n{title[cut + 1 :]}"


# Limits so that one very long debtor or executive name cannot push other columns off screen.
_MAX_WIDTH = {SortKey.DEBTOR: 320, SortKey.EXECUTIVE: 190}
_MIN_DEBTOR = 200
_CELL_ROOM = 4  # beyond the cell padding of the stylesheet
_TITLE_ROOM = 18  # section padding (2 x 8 px) and border in the stylesheet
_ARROW_ROOM = 16  # the sort arrow of the sorted column


def compact_font(font: QFont) -> QFont:
    """The condensed cut of ``font`` where one is installed (DejaVu Sans Condensed on Linux,
    whose regular cut is unusually wide); elsewhere (Segoe UI, San Francisco) ``font``."""
    family = QFontInfo(font).family()
    installed = set(QFontDatabase.families())
    for candidate in (f"{family} Condensed", f"{family} Narrow"):
        if candidate in installed:
            compact = QFont(font)
            compact.setFamilies([candidate])
            return compact
    return font


def _title_widths(table: QTableView, sorted_column: int) -> list[int]:
    """Room each column title needs (its longest line, bold, plus the sort arrow if sorted)."""
    header = table.horizontalHeader()
    font = table.model().headerData(0, header.orientation(), Qt.ItemDataRole.FontRole)
    metrics = QFontMetrics(font if isinstance(font, QFont) else header.font())
    needs = []
    for column in range(len(COLUMNS)):
        title = str(table.model().headerData(column, header.orientation()) or "")
        width = max(metrics.horizontalAdvance(line) for line in title.split("\n"))
        needs.append(width + _TITLE_ROOM + (_ARROW_ROOM if column == sorted_column else 0))
    return needs


def widen_for_titles(table: QTableView, sorted_column: int) -> None:
    """Widen (never narrow: the widths are the user's) the columns whose title is cut."""
    for column, need in enumerate(_title_widths(table, sorted_column)):
        if table.columnWidth(column) < need:
            table.setColumnWidth(column, need)


def fit_columns(table: QTableView, sorted_column: int) -> None:
    """Size every column to its title and the rows now visible; any width left over goes to
    the debtor's name, the column people read most."""
    widths: list[int] = []
    for column, (spec, title) in enumerate(
        zip(COLUMNS, _title_widths(table, sorted_column), strict=True)
    ):
        width = max(title, table.sizeHintForColumn(column) + _CELL_ROOM)
        widths.append(min(width, _MAX_WIDTH.get(spec.key, width)))
    debtor = COLUMN_OF[SortKey.DEBTOR]
    # The vertical scroll bar may not be there yet: count it, or the last column hides under it.
    available = table.viewport().width() - table.verticalScrollBar().sizeHint().width()
    spare = available - sum(widths)
    # Grow (or, on a small screen, shrink) the debtor column to use exactly the width there is.
    widths[debtor] = min(max(widths[debtor] + spare, _MIN_DEBTOR), _MAX_WIDTH[SortKey.DEBTOR])
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
