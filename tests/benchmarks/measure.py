"""Timing helpers for the benchmarks."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass
class Results:
    timings: list[tuple[str, float, float | None]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)

    def add(self, name: str, seconds: float, limit: float | None = None) -> None:
        self.timings.append((name, seconds, limit))
        mark = "" if limit is None or seconds <= limit else f"  OVER LIMIT {limit:g} s"
        print(f"{name:<55} {_fmt(seconds):>10}{mark}", flush=True)

    def note(self, name: str, value: str) -> None:
        self.notes.append((name, value))
        print(f"{name:<55} {value:>10}", flush=True)

    def all_within_limits(self) -> bool:
        return all(limit is None or s <= limit for _, s, limit in self.timings)

    def print(self) -> None:
        print("\nsummary")
        for name, seconds, limit in self.timings:
            target = f"(target {_fmt(limit)})" if limit is not None else ""
            print(f"  {name:<55} {_fmt(seconds):>10} {target}")
        for name, value in self.notes:
            print(f"  {name:<55} {value:>10}")

    def as_dict(self) -> dict[str, object]:
        return {
            "timings": [{"name": n, "seconds": s, "limit": lim} for n, s, lim in self.timings],
            "notes": dict(self.notes),
        }


def _fmt(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


@contextlib.contextmanager
def timed(results: Results, name: str, limit: float | None = None) -> Iterator[None]:
    started = time.perf_counter()
    yield
    results.add(name, time.perf_counter() - started, limit)
