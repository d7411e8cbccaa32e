"""Small helpers shared by the windows."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject

T = TypeVar("T", bound=QObject)


def named(obj: T, name: str) -> T:
    """Set the object name (what the stylesheet and tests select on) and return the object."""
    obj.setObjectName(name)
    return obj
