"""Run service calls off the GUI thread and deliver results back on it.

Each call is submitted on a named *channel* ("ids", "users", ...). Submitting again on a
channel makes every earlier call on it stale: its result is dropped when it arrives, so a slow
search typed three keystrokes ago can never overwrite the rows of the latest one.
"""

from __future__ import annotations

import itertools
import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Failure:
    """An exception raised by a background call, with its traceback text already captured
    (the traceback object itself must not cross threads)."""

    error: BaseException
    details: str


class _Relay(QObject):
    # Emitted from a pool thread; the receiver lives on the GUI thread, so Qt queues it.
    finished = Signal(int, bool, object)


class _Call(QRunnable):
    def __init__(self, ticket: int, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._ticket = ticket
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:
            self._relay.finished.emit(self._ticket, False, Failure(exc, traceback.format_exc()))
        else:
            self._relay.finished.emit(self._ticket, True, result)


@dataclass
class _Pending:
    channel: str
    generation: int
    on_result: Callable[[Any], None]
    on_failure: Callable[[Failure], None]


class TaskRunner(QObject):
    """Owns a small thread pool; call :meth:`shutdown` before the owner goes away."""

    busyChanged = Signal(bool)  # noqa: N815 - Qt signal naming

    def __init__(self, parent: QObject | None = None, max_threads: int = 3) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver)
        self._tickets = itertools.count(1)
        self._generations: dict[str, int] = {}
        self._pending: dict[int, _Pending] = {}
        self._closed = False

    def submit(
        self,
        channel: str,
        fn: Callable[[], Any],
        on_result: Callable[[Any], None],
        on_failure: Callable[[Failure], None],
    ) -> int:
        if self._closed:
            raise RuntimeError("TaskRunner already shut down")
        generation = self._generations.get(channel, 0) + 1
        self._generations[channel] = generation
        ticket = next(self._tickets)
        was_idle = not self._pending
        self._pending[ticket] = _Pending(channel, generation, on_result, on_failure)
        self._pool.start(_Call(ticket, fn, self._relay))
        if was_idle:
            self.busyChanged.emit(True)
        return ticket

    def is_busy(self, channel: str | None = None) -> bool:
        if channel is None:
            return bool(self._pending)
        return any(p.channel == channel for p in self._pending.values())

    def cancel(self, channel: str) -> None:
        """Forget the calls on ``channel``: they finish in the pool, their results are dropped."""
        self._generations[channel] = self._generations.get(channel, 0) + 1

    def shutdown(self) -> None:
        """Drop every pending result and wait for running calls (they hold database sessions
        that must be closed before the database goes away)."""
        self._closed = True
        self._pool.clear()
        self._pool.waitForDone()
        self._pending.clear()

    @Slot(int, bool, object)
    def _deliver(self, ticket: int, ok: bool, payload: object) -> None:
        pending = self._pending.pop(ticket, None)
        if not self._pending and not self._closed:
            self.busyChanged.emit(False)
        if pending is None or self._closed:
            return
        if self._generations.get(pending.channel) != pending.generation:
            log.debug("Dropping stale result on channel %s", pending.channel)
            return
        if ok:
            pending.on_result(payload)
        else:
            assert isinstance(payload, Failure)
            pending.on_failure(payload)
