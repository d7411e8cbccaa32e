"""The encrypted local cache: SQLCipher through SQLAlchemy, and the promise that no
confidential byte reaches the disk in plaintext (database, WAL, shared memory, temp files)."""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from vipdesk.core.errors import EnvironmentProblem
from vipdesk.demo import generate
from vipdesk.storage import audit_log, schema
from vipdesk.storage.database import create_database_engine
from vipdesk.storage.encrypted import WrongKey, create_encrypted_engine, rekey
from vipdesk.storage.models import Case, Debtor, DebtorContact, User

KEY = bytes(range(32))
OTHER_KEY = bytes(range(100, 132))
NEW_PHONE = "+502 5987-6543"  # inserted during the work session, never generated
# Open temporary files are only observable through /proc (Linux); elsewhere those checks skip.
HAS_PROC = Path("/proc/self/fd").is_dir()
needs_proc = pytest.mark.skipif(not HAS_PROC, reason="needs /proc to see unlinked temp files")


# --------------------------------------------------------------------------------------------
# Helpers (find_plaintext is meant to be reused to scan a whole VIPDESK_HOME)


def find_plaintext(folder: Path, needles: Mapping[str, bytes]) -> dict[str, list[str]]:
    """Which needles occur, byte for byte, in which files under ``folder`` (recursively).

    Returns ``{label: [relative file paths]}`` for the needles found; empty means clean.
    Whole files are read: caches are small, and a needle split across chunk boundaries
    must not slip through.
    """
    found: dict[str, list[str]] = {}
    for file in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = file.read_bytes()
        for label, needle in needles.items():
            if needle in data:
                found.setdefault(label, []).append(str(file.relative_to(folder)))
    return found


def needles_for(values: Mapping[str, list[str]]) -> dict[str, bytes]:
    """UTF-8 needles for every value; names also in UTF-16-LE (what a Windows API or a Qt
    string dump would write)."""
    needles: dict[str, bytes] = {}
    for kind, strings in values.items():
        for value in strings:
            needles[f"{kind} utf-8: {value}"] = value.encode("utf-8")
            if kind == "name":
                needles[f"{kind} utf-16-le: {value}"] = value.encode("utf-16-le")
    return needles


def open_temp_files() -> dict[str, bytes]:
    """SQLite's temporary files currently open by this process, with their contents. They are
    unlinked as soon as they are opened, so no folder scan can ever see them: /proc is the only
    witness (Linux)."""
    files: dict[str, bytes] = {}
    if not HAS_PROC:
        return files
    for fd in Path("/proc/self/fd").iterdir():
        try:
            target = os.readlink(fd)
            if "etilqs_" in target:
                files[target] = fd.read_bytes()
        except OSError:  # the fd closed meanwhile (e.g. the one iterdir itself used)
            continue
    return files


def leaked(files: Mapping[str, bytes], needles: Mapping[str, bytes]) -> set[str]:
    return {label for label, needle in needles.items() for data in files.values() if needle in data}


BIG_SORT = (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
    "SELECT d.name || ' ' || d.tax_id || ' ' || n.i FROM debtor AS d, n ORDER BY random()"
)


@dataclass(frozen=True)
class WorkResult:
    confidential: dict[str, list[str]]  # kind -> strings that must never be seen on disk
    temp_files_during_sort: dict[str, bytes]  # path -> contents, read while the sort ran


def confidential_values(engine: Engine) -> dict[str, list[str]]:
    """Names, tax ids, phones and amounts of the generated portfolio, read through the engine
    (so the needles are the real data, whatever the generator does)."""
    with Session(engine) as session:
        debtors = session.execute(
            select(Debtor.name, Debtor.tax_id).order_by(Debtor.country, Debtor.name)
        ).all()
        gt = [d for d in debtors if "-" in d.tax_id][:4]  # NIT: 27011915-9
        mx = [d for d in debtors if "-" not in d.tax_id][:4]  # RFC: FME001001PQ2
        phones = session.scalars(
            select(DebtorContact.value)
            .where(DebtorContact.kind == "phone")
            .order_by(DebtorContact.value)
            .limit(4)
        ).all()
        exposures = session.scalars(
            select(Case.exposure).order_by(Case.exposure.desc()).limit(3)
        ).all()
    assert len(gt) == 4 and len(mx) == 4 and len(phones) == 4 and len(exposures) == 3
    return {
        "name": [d.name for d in gt + mx],
        "tax id": [d.tax_id for d in gt + mx],
        "phone": [*phones, NEW_PHONE],
        "amount": [str(amount) for amount in exposures],
    }


def work_session(engine: Engine) -> WorkResult:
    """What a user's day does to the cache: the portfolio arrives, some cases are updated and
    audited, a contact is added (separate transactions), and a big sort runs."""
    schema.upgrade(engine)
    generate(engine, cases=60, seed=7)
    confidential = confidential_values(engine)
    amounts = confidential["amount"]

    # Updates, one transaction each: the audit trail stores amounts as decimal strings, which
    # is where amounts exist as text at all (the columns hold scaled integers).
    for amount in amounts:
        with Session(engine) as session, session.begin():
            case = session.scalars(select(Case).where(Case.exposure == Decimal(amount))).one()
            name = session.scalars(select(Debtor.name).where(Debtor.id == case.debtor_id)).one()
            case.next_action = f"Llamar a {name} por el saldo de {amount}"
            audit_log.record(
                session,
                when=case.updated_at,
                user_id=None,
                username="ejecutivo1",
                action="case.update",
                entity="case",
                entity_id=case.id,
                before={"exposure": Decimal(amount)},
                after={"exposure": Decimal(amount) - Decimal("1000.00")},
            )

    # An insert, in its own transaction.
    with Session(engine) as session, session.begin():
        debtor = session.scalars(select(Debtor).order_by(Debtor.name).limit(1)).one()
        session.add(DebtorContact(debtor_id=debtor.id, kind="phone", value=NEW_PHONE))

    # A sort far larger than SQLite's in-memory sorter budget (~2 MB by default): with
    # temp_store FILE it would spill plaintext rows (names, tax ids) to a temporary file.
    with engine.connect() as connection:
        result = connection.execute(text(BIG_SORT))
        result.fetchone()  # the sort is complete here; its temp files are still open
        during_sort = open_temp_files()
        result.close()
    return WorkResult(confidential, during_sort)


def file_modes(folder: Path) -> dict[str, int]:
    return {p.name: stat.S_IMODE(p.stat().st_mode) for p in folder.iterdir() if p.is_file()}


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "cache"
    folder.mkdir()
    return folder


@pytest.fixture
def encrypted(cache_dir: Path) -> Iterator[Engine]:
    engine = create_encrypted_engine(cache_dir / "cache.db", KEY)
    yield engine
    engine.dispose()


# --------------------------------------------------------------------------------------------
# 1. Schema, data, reopening, wrong key


def test_schema_and_demo_portfolio_live_in_an_encrypted_file(cache_dir: Path) -> None:
    path = cache_dir / "cache.db"
    engine = create_encrypted_engine(path, KEY)
    try:
        assert schema.upgrade(engine) is True  # Alembic through SQLCipher
        assert generate(engine, cases=60, seed=7).cases == 60
        with Session(engine) as session:
            assert session.scalar(select(func.count()).select_from(Case)) == 60
            top = session.scalars(select(Case).order_by(Case.priority_score.desc())).first()
            assert top is not None and top.debtor.name
        with engine.connect() as connection:
            pragma = connection.exec_driver_sql
            assert pragma("PRAGMA temp_store").scalar() == 2  # MEMORY
            assert pragma("PRAGMA foreign_keys").scalar() == 1
            assert pragma("PRAGMA journal_mode").scalar() == "wal"
            assert pragma("PRAGMA cipher_version").scalar()  # really SQLCipher
    finally:
        engine.dispose()

    reopened = create_encrypted_engine(path, KEY)
    try:
        assert schema.is_current(reopened)
        with Session(reopened) as session:
            assert session.scalar(select(func.count()).select_from(Case)) == 60
    finally:
        reopened.dispose()

    with pytest.raises(WrongKey) as caught:
        create_encrypted_engine(path, OTHER_KEY)
    assert type(caught.value) is WrongKey
    assert isinstance(caught.value, EnvironmentProblem)
    assert caught.value.message == f"The encrypted cache {path} cannot be opened with this key."
    assert caught.value.__cause__ is None and caught.value.__suppress_context__

    plain = sqlite3.connect(path)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
            plain.execute("SELECT count(*) FROM sqlite_master").fetchall()
    finally:
        plain.close()


def test_wrong_key_is_silent_in_a_fresh_process(cache_dir: Path) -> None:
    """SQLCipher logs decryption failures to stderr unless told not to; the log level is
    process-wide, so only a fresh process shows whether the first connection silences it."""
    path = cache_dir / "cache.db"
    create_encrypted_engine(path, KEY).dispose()
    script = (
        "import sys; from pathlib import Path\n"
        "from vipdesk.storage.encrypted import WrongKey, create_encrypted_engine\n"
        "try:\n"
        f"    create_encrypted_engine(Path(sys.argv[1]), bytes.fromhex('{OTHER_KEY.hex()}'))\n"
        "except WrongKey as exc:\n"
        "    print(exc.message)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout.strip() == f"The encrypted cache {path} cannot be opened with this key."
    assert done.stderr == ""


def test_key_must_be_32_bytes_and_is_never_shown(cache_dir: Path) -> None:
    with pytest.raises(ValueError, match="32 bytes") as caught:
        create_encrypted_engine(cache_dir / "cache.db", KEY[:31])
    assert KEY[:31].hex() not in str(caught.value)
    with pytest.raises(ValueError):
        create_encrypted_engine(cache_dir / "cache.db", KEY.hex().encode())


def test_unopenable_path_is_an_environment_problem(cache_dir: Path) -> None:
    with pytest.raises(EnvironmentProblem, match="cannot be opened") as caught:
        create_encrypted_engine(cache_dir, KEY)  # a folder, not a file
    assert not isinstance(caught.value, WrongKey)


def test_rekey_reencrypts_without_the_key_reaching_logs(
    cache_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="sqlalchemy")
    path = cache_dir / "cache.db"
    engine = create_encrypted_engine(path, KEY)
    try:
        schema.upgrade(engine)
        rekey(engine, OTHER_KEY)
        assert schema.is_current(engine)  # the same engine keeps working, with the new key
    finally:
        engine.dispose()
    with pytest.raises(WrongKey):
        create_encrypted_engine(path, KEY)
    again = create_encrypted_engine(path, OTHER_KEY)
    try:
        assert schema.is_current(again)
    finally:
        again.dispose()
    assert caplog.text  # SQLAlchemy did log statements...
    for key in (KEY, OTHER_KEY):
        assert key.hex() not in caplog.text.lower()  # ...but never a key


# --------------------------------------------------------------------------------------------
# 2. The plaintext scan


def test_no_confidential_plaintext_on_disk_after_a_working_session(
    cache_dir: Path, encrypted: Engine
) -> None:
    work = work_session(encrypted)
    needles = needles_for(work.confidential)
    assert len(needles) >= 30

    # Still open: the WAL holds the day's pages and the -shm its index.
    names = {p.name for p in cache_dir.iterdir()}
    assert {"cache.db", "cache.db-wal", "cache.db-shm"} <= names
    assert find_plaintext(cache_dir, needles) == {}
    assert work.temp_files_during_sort == {}  # temp_store = MEMORY: the sort never spilled

    encrypted.dispose()  # checkpoint: everything is now in the main file
    assert find_plaintext(cache_dir, needles) == {}


def test_control_the_same_session_on_plain_sqlite_is_readable(cache_dir: Path) -> None:
    """Proves the scan can see plaintext: without encryption every needle is found, and the
    same big sort does spill to a temporary file."""
    engine = create_database_engine(f"sqlite:///{cache_dir / 'plain.db'}")
    try:
        work = work_session(engine)
        utf8 = {k: v for k, v in needles_for(work.confidential).items() if "utf-8" in k}
        assert {"plain.db", "plain.db-wal"} <= {p.name for p in cache_dir.iterdir()}
        assert set(find_plaintext(cache_dir, utf8)) == set(utf8)
        if HAS_PROC:
            assert work.temp_files_during_sort, "the sort should spill with temp_store FILE"
            names = {k for k in utf8 if k.startswith("name")}
            assert leaked(work.temp_files_during_sort, utf8) >= names
    finally:
        engine.dispose()
    assert set(find_plaintext(cache_dir, utf8)) == set(utf8)


@needs_proc
def test_sqlcipher_would_spill_plaintext_sorts_without_temp_store_memory(
    encrypted: Engine,
) -> None:
    """Why the engine sets temp_store = MEMORY: SQLCipher encrypts the database, WAL and
    journal, but not SQLite's temporary files. Forcing temp_store back to FILE on one
    connection shows the sort writing debtor names in clear to a temporary file."""
    schema.upgrade(encrypted)
    generate(encrypted, cases=60, seed=7)
    names = {"name": confidential_values(encrypted)["name"]}
    needles = {k: v for k, v in needles_for(names).items() if "utf-8" in k}
    raw = encrypted.raw_connection()  # PRAGMA temp_store is refused inside a transaction
    try:
        raw.cursor().execute("PRAGMA temp_store = FILE")
        cursor = raw.cursor()
        cursor.execute(BIG_SORT)
        cursor.fetchone()
        spilled = open_temp_files()
        cursor.close()
        raw.cursor().execute("PRAGMA temp_store = MEMORY")
    finally:
        raw.close()
    assert spilled
    assert leaked(spilled, needles) == set(needles)


def test_every_pooled_connection_keeps_temporary_data_in_memory(encrypted: Engine) -> None:
    # Raw connections: a SQLAlchemy connection would BEGIN IMMEDIATE, and three writers held
    # at once by one thread would wait on each other.
    connections = [encrypted.raw_connection() for _ in range(3)]  # three distinct ones
    try:
        for connection in connections:
            cursor = connection.cursor()
            cursor.execute("PRAGMA temp_store")
            assert cursor.fetchone() == (2,)  # MEMORY
            cursor.close()
    finally:
        for connection in connections:
            connection.close()


# --------------------------------------------------------------------------------------------
# 3. File modes


def test_cache_files_are_private_to_the_user(cache_dir: Path) -> None:
    path = cache_dir / "cache.db"
    engine = create_encrypted_engine(path, KEY)
    try:
        schema.upgrade(engine)
        generate(engine, cases=5, seed=1)
        modes = file_modes(cache_dir)
        assert set(modes) == {"cache.db", "cache.db-wal", "cache.db-shm"}
        assert set(modes.values()) == {0o600}, {k: oct(v) for k, v in modes.items()}
    finally:
        engine.dispose()

    path.chmod(0o644)  # e.g. restored from a backup with loose permissions
    engine = create_encrypted_engine(path, KEY)
    try:
        with engine.begin() as connection:
            connection.execute(select(func.count()).select_from(User))
        assert set(file_modes(cache_dir).values()) == {0o600}
    finally:
        engine.dispose()


# --------------------------------------------------------------------------------------------
# 4. Cost of encryption


def _twenty_reads(engine: Engine) -> float:
    query = (
        select(Case.number, Case.priority_score, Case.exposure, Debtor.name, User.full_name)
        .join(Debtor, Case.debtor_id == Debtor.id)
        .join(User, Case.executive_id == User.id)
        .order_by(Case.priority_score.desc(), Case.number)
        .limit(200)
    )
    started = time.perf_counter()
    for _ in range(20):
        with engine.connect() as connection:
            assert len(connection.execute(query).all()) == 200
    return time.perf_counter() - started


def test_encryption_costs_less_than_five_times_on_reads(cache_dir: Path) -> None:
    plain_path, secret_path = cache_dir / "plain.db", cache_dir / "secret.db"
    for engine in (
        create_database_engine(f"sqlite:///{plain_path}"),
        create_encrypted_engine(secret_path, KEY),
    ):
        try:
            schema.upgrade(engine)
            generate(engine, cases=2_000, seed=7)
        finally:
            engine.dispose()

    # Fresh engines (cold page caches), measured alternately; best of three rounds each.
    plain = create_database_engine(f"sqlite:///{plain_path}")
    secret = create_encrypted_engine(secret_path, KEY)
    try:
        plain_times, secret_times = [], []
        for _ in range(3):
            plain_times.append(_twenty_reads(plain))
            secret_times.append(_twenty_reads(secret))
    finally:
        plain.dispose()
        secret.dispose()
    ratio = min(secret_times) / min(plain_times)
    # The first round includes reading pages into a new connection's cache (decrypting them).
    cold = secret_times[0] / plain_times[0]
    print(
        f"\n20 reads of 200 cases (2,000-case portfolio): plain {min(plain_times) * 1000:.1f} ms,"
        f" encrypted {min(secret_times) * 1000:.1f} ms, ratio {ratio:.2f}x"
        f" (first round, cold cache: {plain_times[0] * 1000:.1f} ms vs"
        f" {secret_times[0] * 1000:.1f} ms, {cold:.2f}x)"
    )
    assert ratio < 5
