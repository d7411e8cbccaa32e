"""The lazy portfolio model, on its own: paging, roles, and Qt's model checks."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from uuid import UUID

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from vipdesk.core.buckets import Bucket
from vipdesk.services import portfolio
from vipdesk.services.dto import Actor, PortfolioQuery, PortfolioRow, SortKey
from vipdesk.storage.uow import Database
from vipdesk.ui.portfolio_model import CASE_ID_ROLE, COLUMN_OF, PortfolioModel

TODAY = date(2026, 3, 16)


def _case_id(number: str) -> UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, number)


def _row(number: str, n: int) -> PortfolioRow:
    return PortfolioRow(
        case_id=_case_id(number),
        case_number=number,
        debtor_name=f"Deudor {n}",
        segment="company" if n % 2 else "individual",
        currency="GTQ",
        exposure=Decimal("125000.50") + n,
        days_past_due=n % 200,
        bucket=Bucket.D91_180,
        last_contact_at=datetime(2026, 3, 1, 15, 30, tzinfo=UTC),
        next_action_date=TODAY - timedelta(days=1) if n % 3 == 0 else TODAY + timedelta(days=2),
        next_action="Llamar al gerente financiero",
        promise_status="broken" if n % 5 == 0 else "pending",
        priority=Decimal("87.5"),
        executive_name="Ana Lucía Morales",
        status="negotiating",
    )


class CountingFetcher:
    def __init__(self, numbers: Sequence[str]) -> None:
        self.position = {number: n for n, number in enumerate(numbers)}
        self.calls: list[int] = []

    def __call__(self, numbers: Sequence[str]) -> list[PortfolioRow]:
        self.calls.append(len(numbers))
        return [_row(number, self.position[number]) for number in numbers]


def _model(count: int) -> tuple[PortfolioModel, CountingFetcher, list[str]]:
    numbers = [f"GT-{n:06d}" for n in range(count)]
    fetcher = CountingFetcher(numbers)
    model = PortfolioModel(fetcher, today=lambda: TODAY)
    model.set_numbers(numbers)
    return model, fetcher, numbers


def test_100000_cases_fetch_only_the_pages_looked_at() -> None:
    model, fetcher, numbers = _model(100_000)
    assert model.rowCount() == 100_000
    assert fetcher.calls == []  # nothing fetched until a view asks

    assert model.index(99_999, COLUMN_OF[SortKey.CASE_NUMBER]).data() == "GT-099999"
    assert fetcher.calls == [PortfolioModel.PAGE_SIZE]  # the last page (200 rows) only
    assert model.index(99_800, 1).data() == "Deudor 99800"
    assert len(fetcher.calls) == 1  # same page, cached
    assert model.index(50_000, 0).data(CASE_ID_ROLE) == str(_case_id(numbers[50_000]))
    assert len(fetcher.calls) == 2  # the id comes with its row

    for page in range(PortfolioModel.MAX_CACHED_PAGES + 10):
        model.index(page * PortfolioModel.PAGE_SIZE, 0).data()
    assert len(model._pages) <= PortfolioModel.MAX_CACHED_PAGES


def test_cells_are_formatted_aligned_and_flagged() -> None:
    model, _fetcher, _ids = _model(30)
    exposure = model.index(0, COLUMN_OF[SortKey.EXPOSURE])
    assert exposure.data() == "Q 125,000.50"
    assert exposure.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert model.index(0, COLUMN_OF[SortKey.PRIORITY]).data() == "87.5"
    assert model.index(0, COLUMN_OF[SortKey.SEGMENT]).data() == "Persona"
    assert model.index(1, COLUMN_OF[SortKey.SEGMENT]).data() == "Empresa"
    assert model.index(0, COLUMN_OF[SortKey.BUCKET]).data() == "91–180 días"
    assert model.index(0, COLUMN_OF[SortKey.STATUS]).data() == "En negociación"

    next_action = COLUMN_OF[SortKey.NEXT_ACTION]
    overdue, upcoming = model.index(0, next_action), model.index(1, next_action)
    assert overdue.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert upcoming.data(Qt.ItemDataRole.ForegroundRole) is None
    assert overdue.data(Qt.ItemDataRole.ToolTipRole) == "Vencida: Llamar al gerente financiero"
    promise = COLUMN_OF[SortKey.PROMISE_STATUS]
    assert model.index(0, promise).data() == "Incumplida"
    assert model.index(0, promise).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(1, promise).data() == "Pendiente"


def test_header_click_becomes_a_sort_request_largest_first_for_amounts(qtbot: QtBot) -> None:
    model, _fetcher, _ids = _model(5)
    exposure = COLUMN_OF[SortKey.EXPOSURE]
    initial = model.headerData(
        exposure, Qt.Orientation.Horizontal, Qt.ItemDataRole.InitialSortOrderRole
    )
    assert initial == Qt.SortOrder.DescendingOrder.value
    with qtbot.waitSignal(model.sortRequested) as signal:
        model.sort(exposure, Qt.SortOrder.DescendingOrder)
    assert signal.args == ["exposure", True]
    with qtbot.assertNotEmitted(model.sortRequested):
        model.sort(exposure, Qt.SortOrder.DescendingOrder)  # same order: nothing to reload


def test_a_failing_fetch_is_reported_not_raised(qtbot: QtBot) -> None:
    def broken(_numbers: Sequence[str]) -> list[PortfolioRow]:
        raise RuntimeError("database went away")

    model = PortfolioModel(broken)
    model.set_numbers(["GT-000001"])
    with qtbot.waitSignal(model.fetchFailed) as signal:
        assert model.index(0, 0).data() is None
    assert "database went away" in signal.args[0].details


def test_qt_model_checks_pass_on_fake_rows(qtmodeltester: ModelTester) -> None:
    model, _fetcher, _ids = _model(450)
    qtmodeltester.check(model)


def test_qt_model_checks_pass_on_the_demo_portfolio(
    qtmodeltester: ModelTester, demo_database: Database, actor_for: Callable[[str], Actor]
) -> None:
    actor = actor_for("supervisor1")
    factory = demo_database.unit_of_work
    model = PortfolioModel(lambda ids: portfolio.rows(factory(), actor, ids))
    model.set_numbers(portfolio.case_numbers(factory(), actor, PortfolioQuery()))
    assert model.rowCount() > 0
    qtmodeltester.check(model)
