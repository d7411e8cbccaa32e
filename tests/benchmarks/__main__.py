"""Benchmarks on realistic volumes (not part of the test suite).

    python -m tests.benchmarks [--cases 100000] [--seed 2026] [--database URL]

Generates the portfolio with the demo generator, then times: opening it, listing it for a
user who sees everything, sorting by each column, searching, fetching pages of rows, and the
GUI (window to first loaded portfolio, a header click, scrolling to the end, typing a search).
Prints a table and writes bench-results/<timestamp>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tests.benchmarks.measure import Results, timed


def _services(results: Results, url: str, cases: int, seed: int) -> None:
    from vipdesk.demo import generate
    from vipdesk.services import auth, portfolio
    from vipdesk.services.dto import PortfolioQuery, SortKey
    from vipdesk.storage import schema
    from vipdesk.storage.database import create_database_engine
    from vipdesk.storage.uow import Database

    engine = create_database_engine(url)
    schema.upgrade(engine)
    with timed(results, f"generate {cases:,} cases", limit=120.0):
        generate(engine, cases=cases, seed=seed)
    if url.startswith("sqlite:///"):
        size = Path(url.removeprefix("sqlite:///")).stat().st_size
        results.note("database file size", f"{size / 1e6:.0f} MB")
    db = Database(engine)
    admin = auth.sign_in(db.unit_of_work(), "admin1")
    with timed(results, "open: ordered numbers of every case (priority)", limit=0.4):
        ids = portfolio.case_numbers(db.unit_of_work(), admin, PortfolioQuery())
    results.note("cases visible to admin1", f"{len(ids):,}")
    with timed(results, "first page of 200 rows", limit=0.05):
        portfolio.rows(db.unit_of_work(), admin, ids[:200])
    with timed(results, "last page of 200 rows", limit=0.05):
        portfolio.rows(db.unit_of_work(), admin, ids[-200:])
    for key in SortKey:
        for descending in (False, True):
            query = PortfolioQuery(sort=key, descending=descending)
            label = f"sort by {key.value} {'desc' if descending else 'asc'}"
            with timed(results, label, limit=0.4):
                portfolio.case_numbers(db.unit_of_work(), admin, query)
    for term in ("gomez", "grupo agro", "ana maria", "1234", "VIP-050000"):
        with timed(results, f"search '{term}'", limit=0.5):
            found = portfolio.case_numbers(db.unit_of_work(), admin, PortfolioQuery(search=term))
        results.note(f"  matches for '{term}'", f"{len(found):,}")
    _typing_and_filters(results, db, admin)
    with timed(results, "refresh stale figures (none stale)", limit=1.0):
        portfolio.refresh_stale(db.unit_of_work(), admin)
    _negotiation(results, db)
    db.dispose()


def _negotiation(results: Results, db: Any) -> None:
    """'Mi día' (with the active agreements' instalments) and the approval queue, for a
    supervisor (a team) and an admin (everything)."""
    from vipdesk.core.agreements import AgreementStatus
    from vipdesk.services import agenda, approvals, auth
    from vipdesk.storage.models import Agreement

    with db.unit_of_work() as uow:
        for status in (AgreementStatus.ACTIVE, AgreementStatus.PENDING):
            count = uow.session.query(Agreement).filter(Agreement.status == status.value).count()
            results.note(f"{status.value} agreements", f"{count:,}")
    for username in ("supervisor1", "admin1"):
        who = auth.sign_in(db.unit_of_work(), username)
        with timed(results, f"Mi día for {username} (follow-ups, promises, instalments)",
                   limit=1.0):  # fmt: skip
            day = agenda.my_day(db.unit_of_work(), who)
        results.note(f"  {username}'s agenda lines", f"{len(day.items):,}")
        with timed(results, f"approval queue for {username}", limit=1.0):
            queue = approvals.approval_queue(db.unit_of_work(), who)
        results.note(f"  {username}'s queue", f"{len(queue):,}")


def _typing_and_filters(results: Results, db: Any, admin: Any) -> None:
    """Search as the user types (one query per keystroke, through the SQLite index) and
    each portfolio filter on its own."""
    import statistics
    import time

    from vipdesk.core.buckets import Bucket
    from vipdesk.services import portfolio
    from vipdesk.services.dto import NextActionDue, PortfolioQuery

    per_key = []
    for length in range(1, len("gonzalez") + 1):
        started = time.perf_counter()
        found = portfolio.case_numbers(
            db.unit_of_work(), admin, PortfolioQuery(search="gonzalez"[:length])
        )
        per_key.append(time.perf_counter() - started)
        results.note(f"  matches for '{'gonzalez'[:length]}'", f"{len(found):,}")
    results.add("typing 'gonzalez': median per keystroke", statistics.median(per_key), 0.1)
    results.add("typing 'gonzalez': worst keystroke", max(per_key), 0.3)
    filters = {
        "bucket 91-180": PortfolioQuery(buckets=(Bucket.D91_180,)),
        "status negotiating": PortfolioQuery(statuses=("negotiating",)),
        "currency USD": PortfolioQuery(currencies=("USD",)),
        "segment company": PortfolioQuery(segments=("company",)),
        "next action overdue": PortfolioQuery(next_action=NextActionDue.OVERDUE),
        "next action today": PortfolioQuery(next_action=NextActionDue.TODAY),
        "promise due this week": PortfolioQuery(promise_due_this_week=True),
        "all filters + search 'gon'": PortfolioQuery(
            search="gon", currencies=("GTQ",), segments=("individual",),
            next_action=NextActionDue.TODAY_OR_OVERDUE,
        ),
    }  # fmt: skip
    for label, query in filters.items():
        with timed(results, f"filter: {label}", limit=0.4):
            found = portfolio.case_numbers(db.unit_of_work(), admin, query)
        results.note(f"  cases for {label}", f"{len(found):,}")


def _gui(results: Results, url: str, home: Path) -> None:
    from tests.benchmarks.gui import measure_gui

    measure_gui(results, url)
    env = {**os.environ, "VIPDESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    png = home / "bench.png"
    with timed(results, "process start to screenshot (admin1, all cases)", limit=5.0):
        subprocess.run(
            [
                sys.executable,
                "-m",
                "vipdesk",
                "--screenshot",
                str(png),
                "--user",
                "admin1",
                "--database",
                url,
            ],
            env=env,
            check=True,
            capture_output=True,
        )


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", default="bench-results")
    parser.add_argument(
        "--part",
        choices=["all", "portfolio", "sync", "case", "finance", "letters"],
        default="all",
        help="what to measure",
    )
    parser.add_argument("--sync-cases", type=int, default=10_000)
    parser.add_argument("--changes", type=int, default=10_000)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    results = Results()
    with tempfile.TemporaryDirectory(prefix="vipdesk-bench-") as tmp:
        home = Path(tmp)
        os.environ["VIPDESK_HOME"] = str(home)
        url = f"sqlite:///{home / 'bench.db'}"
        if args.part in ("all", "portfolio"):
            _services(results, url, args.cases, args.seed)
            _gui(results, url, home)
        if args.part in ("all", "sync"):
            from tests.benchmarks.sync import measure_sync

            measure_sync(results, args.sync_cases, args.changes)
        if args.part in ("all", "case"):
            from tests.benchmarks.case_open import measure_case_open

            measure_case_open(results)
        if args.part in ("all", "finance"):
            from tests.benchmarks.finance import measure_finance

            measure_finance(results)
        if args.part in ("all", "letters"):
            from tests.benchmarks.letters import measure_letters

            measure_letters(results)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    results.note("peak memory (this process)", f"{peak:.0f} MB")
    results.print()
    out = Path(args.out)
    out.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    (out / f"{stamp}.json").write_text(json.dumps(results.as_dict(), indent=2))
    return 0 if results.all_within_limits() else 1


if __name__ == "__main__":
    raise SystemExit(main())
