"""`vipdesk sync` as a real process: first sync builds the encrypted cache, later ones push and
pull; killed with SIGKILL at random moments, nothing is lost and nothing applied twice."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import UUID

from sqlalchemy import func, select

from tests.processes import PASSPHRASE, vipdesk_env
from tests.services.helpers import actor
from tests.storage.test_encrypted import find_plaintext
from vipdesk.config import resolve_settings
from vipdesk.local_cache import open_cache
from vipdesk.services import activity, portfolio, sync
from vipdesk.services.dto import NewInteraction, PortfolioQuery
from vipdesk.storage.database import create_database_engine
from vipdesk.storage.models import Case, Debtor, Interaction
from vipdesk.storage.uow import Database


def _env(home: Path, passphrase: str | None = PASSPHRASE) -> dict[str, str]:
    # These tests are about the passphrase path, whatever keychain the machine may offer.
    return vipdesk_env(home, passphrase, VIPDESK_KEYSTORE="passphrase")


def _sync(
    home: Path, url: str, passphrase: str | None = PASSPHRASE
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vipdesk", "sync", "--user", "ejecutivo1", "--database", url],
        env=_env(home, passphrase), capture_output=True, text=True, timeout=120, check=False,
        stdin=subprocess.DEVNULL,
    )  # fmt: skip


def _open(home: Path, url: str) -> Database:
    settings = resolve_settings(
        {"VIPDESK_HOME": str(home), "VIPDESK_KEYSTORE": "passphrase"}, database=url
    )
    return open_cache(settings, "ejecutivo1", lambda _creating: PASSPHRASE)


def test_first_sync_builds_then_syncs(vipdesk_home: Path, demo_db_url: str) -> None:
    first = _sync(vipdesk_home, demo_db_url)
    assert first.returncode == 0, first.stderr
    assert "built the local cache" in first.stdout and "pushed 0" in first.stdout
    second = _sync(vipdesk_home, demo_db_url)
    assert second.returncode == 0 and "built" not in second.stdout
    wrong = _sync(vipdesk_home, demo_db_url, passphrase="otra frase equivocada del todo")
    assert (
        wrong.returncode == 2 and wrong.stderr.strip() == "vipdesk: The passphrase is not correct."
    )
    missing = _sync(vipdesk_home, demo_db_url, passphrase=None)
    assert missing.returncode == 2 and len(missing.stderr.strip().splitlines()) == 1
    assert "VIPDESK_PASSPHRASE" in missing.stderr


def test_nothing_confidential_in_plaintext_under_vipdesk_home(
    vipdesk_home: Path, demo_db_url: str
) -> None:
    assert _sync(vipdesk_home, demo_db_url).returncode == 0
    cache = _open(vipdesk_home, demo_db_url)
    me = actor(cache, "ejecutivo1")
    numbers = portfolio.case_numbers(cache.unit_of_work(), me, PortfolioQuery())
    with cache.unit_of_work() as uow:
        debtors = uow.session.execute(
            select(Debtor.name, Debtor.tax_id).join(Case, Case.debtor_id == Debtor.id)
        ).all()
    case_id = portfolio.rows(cache.unit_of_work(), me, numbers[:1])[0].case_id
    activity.log_interaction(cache.unit_of_work(), me, _call(case_id, "Confidencial: Zacapa"))
    needles = {f"name:{n}": n.encode() for n, _ in debtors[:20]}
    needles |= {f"tax:{t}": t.encode() for _, t in debtors[:20]}
    needles["note"] = b"Confidencial: Zacapa"
    assert find_plaintext(vipdesk_home, needles) == {}  # open, with its WAL
    cache.dispose()
    assert find_plaintext(vipdesk_home, needles) == {}


def _call(case_id: UUID, notes: str) -> NewInteraction:
    return NewInteraction(
        case_id, "call", "outbound", datetime.now(UTC) - timedelta(minutes=1), "contacted",
        notes=notes,
    )  # fmt: skip


def test_sigkill_during_sync_loses_and_duplicates_nothing(
    vipdesk_home: Path, demo_db_url: str
) -> None:
    assert _sync(vipdesk_home, demo_db_url).returncode == 0
    # A sync with nothing to do: how long this machine, as loaded as it is now, takes to start
    # one and get to its push. The kills aim around that moment.
    started = time.perf_counter()
    assert _sync(vipdesk_home, demo_db_url).returncode == 0
    idle = time.perf_counter() - started
    rng = random.Random(2026)
    command = [sys.executable, "-m", "vipdesk", "sync", "--user", "ejecutivo1",
               "--database", demo_db_url]  # fmt: skip
    queued: list[UUID] = []
    interrupted = 0
    for round_number in range(12):
        # Fresh offline work each round, so every kill has a push to interrupt.
        cache = _open(vipdesk_home, demo_db_url)
        me = actor(cache, "ejecutivo1")
        numbers = portfolio.case_numbers(cache.unit_of_work(), me, PortfolioQuery())
        case_ids = [r.case_id for r in portfolio.rows(cache.unit_of_work(), me, numbers[:20])]
        # Enough work that the (batched, fast) push lasts long enough for kills to land in it.
        for i in range(120):
            notes = f"offline {round_number}-{i}"
            queued.append(
                activity.log_interaction(
                    cache.unit_of_work(), me, _call(case_ids[i % len(case_ids)], notes)
                )
            )
        waiting = sync.status(cache).pending
        cache.dispose()
        process = subprocess.Popen(
            command, env=_env(vipdesk_home), stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        time.sleep(rng.uniform(0.6 * idle, idle + 0.6))  # a push of 120 takes ~0.2 s
        process.send_signal(signal.SIGKILL)
        process.wait()
        cache = _open(vipdesk_home, demo_db_url)
        left = sync.status(cache).pending
        cache.dispose()
        interrupted += 0 < left < waiting
    # The kills must really have cut pushes short, or this test proves nothing.
    print(f"kills that interrupted a push: {interrupted} of 12")
    assert interrupted >= 3, f"only {interrupted} of 12 kills landed during a push"
    final = _sync(vipdesk_home, demo_db_url)
    assert final.returncode == 0, final.stderr
    central = Database(create_database_engine(demo_db_url))
    with central.unit_of_work() as uow:
        counts = dict(
            uow.session.execute(
                select(Interaction.id, func.count())
                .where(Interaction.id.in_(queued))
                .group_by(Interaction.id)
            ).all()
        )
    central.dispose()
    assert counts == dict.fromkeys(queued, 1)  # every command exactly once
    cache = _open(vipdesk_home, demo_db_url)  # and the cache still opens
    assert sync.status(cache).pending == 0
    cache.dispose()
