"""Regression guard for the Qt binding we install.

PySide6-Essentials 6.12.0 hands back ``None`` from void C++ methods without a new reference; on
Python 3.11, where ``None`` is not immortal, the interpreter aborts ("deallocating None") after a
few thousand calls. pyproject.toml therefore pins 6.11.3 below Python 3.12. This test fails if an
upgrade brings the defect back.
"""

from __future__ import annotations

import subprocess
import sys

_MANY_VOID_CALLS = """
import sys
from PySide6.QtCore import QCoreApplication, QTimer
app = QCoreApplication([])
timer = QTimer()
before = sys.getrefcount(None)
for _ in range(before + 5000):  # more references than None has to lose
    timer.start(1000)  # returns void
print(before - sys.getrefcount(None))
"""


def test_void_qt_calls_do_not_steal_references_to_none() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _MANY_VOID_CALLS],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert abs(int(done.stdout.strip())) < 100
