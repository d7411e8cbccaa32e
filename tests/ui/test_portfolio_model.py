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


def _row(case_id: UUID, n: int) -> PortfolioRow:
    return PortfolioRow(
        case_id=case_id,
        case_number=f"GT-{n:06d}",
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
    def __init__(self, ids: Sequence[UUID]) -> None:
        self.numbers = {case_id: n for n, case_id in enumerate(ids)}
        self.calls: list[int] = []

    def __call__(self, ids: Sequence[UUID]) -> list[PortfolioRow]:
        self.calls.append(len(ids))
        return [_row(case_id, self.numbers[case_id]) for case_id in ids]


def _model(count: int) -> tuple[PortfolioModel, CountingFetcher, list[UUID]]:
    ids = [uuid.uuid4() for _ in range(count)]
    fetcher = CountingFetcher(ids)
    model = PortfolioModel(fetcher, today=lambda: TODAY)
    model.set_ids(ids)
    return model, fetcher, ids


def test_100000_ids_fetch_only_the_pages_looked_at() -> None:
    model, fetcher, ids = _model(100_000)
    assert model.rowCount() == 100_000
    assert fetcher.calls == []  # nothing fetched until a view asks

    assert model.index(99_999, COLUMN_OF[SortKey.CASE_NUMBER]).data() == "GT-099999"
    assert model.index(50_000, 0).data(CASE_ID_ROLE) == str(ids[50_000])
    assert fetcher.calls == [PortfolioModel.PAGE_SIZE]  # the last page (200 ids) only
    assert model.index(99_800, 1).data() == "Deudor 99800"
    assert len(fetcher.calls) == 1  # same page, cached

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
    def broken(_ids: Sequence[UUID]) -> list[PortfolioRow]:
        raise RuntimeError("database went away")

    model = PortfolioModel(broken)
    model.set_ids([uuid.uuid4()])
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
    model.set_ids(portfolio.case_ids(factory(), actor, PortfolioQuery()))
    assert model.rowCount() > 0
    qtmodeltester.check(model)
