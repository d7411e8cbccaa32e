"""Línea de tiempo: every event of the case, filtered by kind, in either order, counted."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from uuid import UUID

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from tests.ui.case_pages import assert_screenshot_taken, case_detail_of, open_case_page
from vipdesk.services import cases
from vipdesk.services.dto import Actor
from vipdesk.services.timeline import EventKind, case_events
from vipdesk.storage.models import Case, Interaction, Payment, Promise, User
from vipdesk.storage.uow import Database
from vipdesk.ui.case.events_model import KIND_ROLE, EventsModel
from vipdesk.ui.case.tab import page_slugs
from vipdesk.ui.case.timeline_page import OLDEST_FIRST, TimelineFilter, TimelinePage
from vipdesk.ui.main_window import MainWindow


def _case_with_every_kind(db: Database, username: str) -> UUID:
    """The first of the user's cases with contacts, promises and payments."""
    with db.unit_of_work() as uow:
        has = [
            select(func.count()).select_from(model).where(model.case_id == Case.id)
            for model in (Interaction, Promise, Payment)
        ]
        return uow.session.scalars(
            select(Case.id)
            .join(User, User.id == Case.executive_id)
            .where(User.username == username, *(q.scalar_subquery() > 0 for q in has))
            .order_by(Case.number)
        ).first()  # type: ignore[return-value]


def _kinds_shown(page: TimelinePage) -> list[str]:
    proxy = page.proxy
    return [proxy.index(r, 0).data(KIND_ROLE) for r in range(proxy.rowCount())]


def _open_timeline(qtbot: QtBot, window: MainWindow, case_id: UUID) -> TimelinePage:
    tab = open_case_page(qtbot, window, "linea-de-tiempo", case=case_id)
    page = tab.page("linea-de-tiempo")
    assert isinstance(page, TimelinePage) and tab.current_slug() == "linea-de-tiempo"
    return page


def test_the_timeline_filters_by_kind_orders_and_counts(
    qtbot: QtBot,
    open_window: Callable[[str], MainWindow],
    demo_database: Database,
    actor_for: Callable[[str], Actor],
) -> None:
    assert "linea-de-tiempo" in page_slugs()
    window = open_window("ejecutivo1")
    case_id = _case_with_every_kind(demo_database, "ejecutivo1")
    page = _open_timeline(qtbot, window, case_id)
    stored = cases.case_detail(demo_database.unit_of_work(), actor_for("ejecutivo1"), case_id)
    events = case_events(stored)
    total = len(events)
    payments = sum(1 for e in events if e.kind is EventKind.PAYMENT)
    assert payments > 0 and total > payments
    assert [page.proxy.index(r, 0).data() for r in range(2)] == [
        page.events.index(r, 0).data() for r in range(2)
    ]  # newest first, as stored
    assert _kinds_shown(page) == [e.kind.value for e in events]
    assert page.count_label.text().startswith(str(total))
    assert all(box.isChecked() for box in page.kind_boxes.values())

    # Payments off: a click on the box, as a user does.
    payments_box = page.kind_boxes[EventKind.PAYMENT]
    qtbot.mouseClick(payments_box, Qt.MouseButton.LeftButton)
    assert not payments_box.isChecked()
    assert "payment" not in _kinds_shown(page)
    assert len(_kinds_shown(page)) == total - payments
    assert page.count_label.text().startswith(str(total - payments))
    assert str(total) in page.count_label.text()  # "N events of M"

    # Oldest first: the same events, the other way round.
    page.order_box.setFocus()
    page.order_box.setCurrentIndex(OLDEST_FIRST)
    shown = [e for e in events if e.kind is not EventKind.PAYMENT]
    first = page.proxy.mapToSource(page.proxy.index(0, 0)).row()
    assert page.events.event_at(first).id == shown[-1].id
    assert _kinds_shown(page) == [e.kind.value for e in reversed(shown)]

    # Everything off: an empty list says why; back on: all of them again.
    for box in page.kind_boxes.values():
        box.setChecked(False)
    assert page.proxy.rowCount() == 0 and page.empty_label.isVisibleTo(page)
    assert page.count_label.text().startswith("0")
    for box in page.kind_boxes.values():
        qtbot.keyClick(box, Qt.Key.Key_Space)  # the keyboard works too
    assert page.proxy.rowCount() == total and not page.empty_label.isVisibleTo(page)
    assert page.count_label.text().startswith(str(total))
    assert str(total) == page.count_label.text().split()[0]


def test_the_timeline_models_pass_the_qt_model_checks(
    qtmodeltester: ModelTester, demo_database: Database, actor_for: Callable[[str], Actor]
) -> None:
    case_id = _case_with_every_kind(demo_database, "ejecutivo1")
    detail = case_detail_of(demo_database, actor_for("ejecutivo1"), case_id)
    events = EventsModel(icons=True)
    events.set_events(case_events(detail))
    assert not events.index(0, 1).data(Qt.ItemDataRole.DecorationRole).isNull()
    qtmodeltester.check(events)
    proxy = TimelineFilter()
    proxy.setSourceModel(events)
    proxy.set_kind_shown(EventKind.INTERACTION, False)
    proxy.set_newest_first(False)
    qtmodeltester.check(proxy)


def test_screenshot_of_the_timeline(tmp_path: Path, vipdesk_home: Path, demo_db_url: str) -> None:
    png = tmp_path / "timeline.png"
    assert_screenshot_taken(png, vipdesk_home, demo_db_url, "VIP-000157", "linea-de-tiempo")
