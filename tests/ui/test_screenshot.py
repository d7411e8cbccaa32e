"""`vipdesk --screenshot`: renders the loaded portfolio offscreen and exits, no person needed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from tests.processes import run_vipdesk
from vipdesk.ui.main_window import MainWindow


def _run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    return run_vipdesk(*args, home=home)


def test_screenshot_mode_writes_the_portfolio_png(
    qapp: object, demo_db_url: str, vipdesk_home: Path, tmp_path: Path
) -> None:
    png = tmp_path / "portfolio.png"
    done = _run(
        "--screenshot", str(png), "--user", "supervisor1", "--database", demo_db_url,
        home=vipdesk_home,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert png.stat().st_size > 20_000
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1400, 800)
    # The language compiled at first run was cached in the settings folder.
    assert list((vipdesk_home / "settings" / "translations").glob("vipdesk_es.qm"))


def test_screenshot_with_an_unknown_user_prints_one_line_and_exits_2(
    demo_db_url: str, vipdesk_home: Path, tmp_path: Path
) -> None:
    png = tmp_path / "never.png"
    done = _run("--screenshot", str(png), "--user", "nadie", "--database", demo_db_url,
                home=vipdesk_home)  # fmt: skip
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "nadie" in lines[0]
    assert not png.exists()


def test_main_window_class_is_importable_without_a_qapplication() -> None:
    # Importing the interface creates no QApplication (no import-time side effects).
    code = "import vipdesk.ui.application, PySide6.QtWidgets as w; print(w.QApplication.instance())"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "None"
    assert MainWindow.__name__ == "MainWindow"
