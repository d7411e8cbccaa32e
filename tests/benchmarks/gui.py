"""GUI timings on a large portfolio: the real MainWindow, offscreen."""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tests.benchmarks.measure import Results


def _wait(app: object, done: Callable[[], bool], timeout: float = 30.0) -> float:
    from PySide6.QtWidgets import QApplication

    started = time.perf_counter()
    while not done():
        QApplication.processEvents()
        time.sleep(0.001)
        if time.perf_counter() - started > timeout:
            raise TimeoutError("the window did not settle")
    return time.perf_counter() - started


def measure_gui(results: Results, url: str) -> None:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from vipdesk.services import auth
    from vipdesk.services.dto import SortKey
    from vipdesk.storage.database import create_database_engine
    from vipdesk.storage.uow import Database
    from vipdesk.ui.application import GuiContext, MainWindow, application
    from vipdesk.ui.columns import COLUMN_OF

    app = application()
    db = Database(create_database_engine(url))
    with tempfile.TemporaryDirectory() as settings:
        context = GuiContext(db.unit_of_work, "bench", Path(settings))
        actor = auth.sign_in(db.unit_of_work(), "admin1")
        started = time.perf_counter()
        window = MainWindow(context, actor)
        window.resize(1400, 800)
        window.show()
        _wait(app, window.is_settled)
        results.add("GUI: window shown to portfolio loaded", time.perf_counter() - started, 2.0)

        header = window.table.horizontalHeader()
        section = COLUMN_OF[SortKey.EXPOSURE]
        started = time.perf_counter()
        point = QPoint(header.sectionViewportPosition(section) + 10, header.height() // 2)
        QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=point)
        QApplication.processEvents()
        _wait(app, window.is_settled)
        results.add(
            "GUI: header click (sort by exposure) to rows", time.perf_counter() - started, 1.0
        )

        bar = window.table.verticalScrollBar()

        def frame(value: int) -> float:
            started = time.perf_counter()
            bar.setValue(value)
            window.table.viewport().repaint()
            QApplication.processEvents()
            return time.perf_counter() - started

        # Dragging the scroll thumb: every step lands on rows never fetched before.
        jumps = [frame(bar.maximum() * step // 59) for step in range(60)]
        results.add("GUI: scroll jump to unseen rows, worst frame", max(jumps), 0.1)
        results.add("GUI: scroll jump to unseen rows, median", statistics.median(jumps), 0.05)
        # The mouse wheel: three rows a notch through the middle of the list.
        bar.setValue(bar.maximum() // 2)
        QApplication.processEvents()
        wheel = [frame(bar.value() + 3) for _ in range(300)]
        results.add("GUI: wheel scroll, worst frame", max(wheel), 0.05)
        results.add("GUI: wheel scroll, median frame", statistics.median(wheel), 0.016)

        keystrokes = []
        for char in "gomez":
            started = time.perf_counter()
            QTest.keyClick(window.search_box, char)
            QApplication.processEvents()
            keystrokes.append(time.perf_counter() - started)
        results.add("GUI: keystroke in search box, worst", max(keystrokes), 0.05)
        started = time.perf_counter()
        _wait(app, window.is_settled)
        results.add("GUI: last keystroke to search results", time.perf_counter() - started, 1.0)
        results.note("GUI: rows matching 'gomez'", f"{window.model.rowCount():,}")
        window.search_box.clear()
        _wait(app, window.is_settled)

        # Keystroke to results, as the user types: the search delay (which waits for the
        # next keystroke) is taken out, so this is the work one keystroke costs.
        window._search_timer.setInterval(0)
        typed = []
        for char in "gonzalez":
            started = time.perf_counter()
            QTest.keyClick(window.search_box, char)
            _wait(app, window.is_settled)
            typed.append(time.perf_counter() - started)
        results.add("GUI: 'gonzalez' keystroke to rows, median", statistics.median(typed), 0.1)
        results.add("GUI: 'gonzalez' keystroke to rows, worst", max(typed), 0.3)
        results.note("GUI: rows matching 'gonzalez'", f"{window.model.rowCount():,}")
        window.search_box.clear()
        _wait(app, window.is_settled)

        bar = window.filters
        for label, combo, code in (
            ("status negotiating", bar.status_combo, "negotiating"),
            ("bucket 180+", bar.bucket_combo, "180+"),
            ("next action overdue", bar.next_action_combo, "overdue"),
        ):
            started = time.perf_counter()
            combo.setCurrentIndex(combo.findData(code))
            _wait(app, window.is_settled)
            results.add(f"GUI: filter {label} to rows", time.perf_counter() - started, 0.5)
        started = time.perf_counter()
        bar.clear()
        _wait(app, window.is_settled)
        results.add("GUI: clear filters to rows", time.perf_counter() - started, 0.5)

        # No success message box: nobody would close it.
        window.interactive = False
        export_path = Path(settings) / "bench.xlsx"
        started = time.perf_counter()
        window.export_list(export_path)
        _wait(app, window.is_settled, timeout=600)
        results.add(
            f"GUI: export {window.model.rowCount():,} cases to Excel",
            time.perf_counter() - started,
            60.0,
        )
        started = time.perf_counter()
        window.export_list(export_path.with_suffix(".csv"))
        _wait(app, window.is_settled, timeout=600)
        results.add("GUI: export to CSV", time.perf_counter() - started, 30.0)
        window.close()
        _wait(app, window.is_settled)
    db.dispose()
