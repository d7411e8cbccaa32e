"""The embedded central database (the single-computer default) is encrypted like the caches,
with one key per computer; starting without the central database works on the local caches."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.processes import PASSPHRASE, run_vipdesk
from tests.storage.test_encrypted import confidential_values, find_plaintext, needles_for
from vipdesk.app import Central, open_central
from vipdesk.config import Settings, prepare_paths, resolve_settings
from vipdesk.demo import generate
from vipdesk.embedded import CentralKeyMissing, CentralPassphraseMissing, central_path
from vipdesk.gui_start import Connection, connect
from vipdesk.services import activity, portfolio
from vipdesk.services.dto import NewInteraction, PortfolioQuery
from vipdesk.services.sync import Offline
from vipdesk.storage import schema
from vipdesk.storage.database import Unreachable, create_database_engine
from vipdesk.storage.keys import WrongPassphrase
from vipdesk.storage.models import Case, Interaction
from vipdesk.storage.uow import Database
from vipdesk.workspace import open_workspace

NOTE = "Confidencial: reunión en Zacapa"


class Prompt:
    """A passphrase prompt that answers ``answer`` and records whether it was asked to create."""

    def __init__(self, answer: str | None) -> None:
        self.answer = answer
        self.calls: list[bool] = []

    def __call__(self, creating: bool) -> str | None:
        self.calls.append(creating)
        return self.answer


def _settings(home: Path, database: str | None = None) -> Settings:
    return resolve_settings({"VIPDESK_HOME": str(home)}, database=database)


def _cases(database: Database) -> int:
    with database.unit_of_work() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(Case)) or 0)


def _call(case_id: object, notes: str = NOTE) -> NewInteraction:
    when = datetime.now(UTC) - timedelta(minutes=2)
    return NewInteraction(case_id, "call", "outbound", when, "contacted", notes=notes)  # type: ignore[arg-type]


def test_the_first_start_creates_an_encrypted_seeded_database(vipdesk_home: Path) -> None:
    settings = _settings(vipdesk_home)
    prompt = Prompt(PASSPHRASE)
    central = open_central(settings, passphrase=prompt)
    try:
        assert prompt.calls == [True]  # a new key: chosen once, no keychain here
        assert central.passphrase == PASSPHRASE
        assert central.label == str(central_path(settings))
        assert _cases(central.database) == 200
        needles = needles_for(confidential_values(central.database.engine))
        assert find_plaintext(vipdesk_home, needles) == {}  # open, with its WAL
    finally:
        central.database.dispose()
    assert not central_path(settings).read_bytes().startswith(b"SQLite format 3")
    assert find_plaintext(vipdesk_home, needles) == {}
    assert central_path(settings).stat().st_mode & 0o777 == 0o600


def test_reopening_needs_the_right_passphrase(vipdesk_home: Path) -> None:
    settings = _settings(vipdesk_home)
    open_central(settings, passphrase=Prompt(PASSPHRASE)).database.dispose()
    before = central_path(settings).read_bytes()
    with pytest.raises(WrongPassphrase):
        open_central(settings, passphrase=Prompt("otra frase equivocada del todo"))
    with pytest.raises(CentralPassphraseMissing):
        open_central(settings)  # no way to ask: a clear problem, not a new database
    assert central_path(settings).read_bytes() == before
    again = open_central(settings, passphrase=Prompt(PASSPHRASE))
    assert _cases(again.database) == 200
    again.database.dispose()


def test_a_lost_key_never_replaces_the_database(vipdesk_home: Path) -> None:
    settings = _settings(vipdesk_home)
    open_central(settings, passphrase=Prompt(PASSPHRASE)).database.dispose()
    before = central_path(settings).read_bytes()
    for key_file in (vipdesk_home / "data" / "keys").glob("central*"):
        key_file.unlink()
    with pytest.raises(CentralKeyMissing, match="move the file away"):
        open_central(settings, passphrase=Prompt(PASSPHRASE))
    assert central_path(settings).read_bytes() == before


def test_a_plaintext_database_of_an_older_version_is_encrypted_in_place(
    vipdesk_home: Path,
) -> None:
    settings = _settings(vipdesk_home)
    prepare_paths(settings.paths)
    plain = create_database_engine(f"sqlite:///{central_path(settings)}")
    schema.upgrade(plain)
    generate(plain, cases=40, seed=11)
    needles = needles_for(confidential_values(plain))
    plain.dispose()
    assert find_plaintext(vipdesk_home, needles) != {}  # the scan does see plaintext

    central = open_central(settings, passphrase=Prompt(PASSPHRASE))
    assert _cases(central.database) == 40  # the same data, not a new demo
    central.database.dispose()
    assert find_plaintext(vipdesk_home, needles) == {}
    assert sorted(p.name for p in central_path(settings).parent.glob("vipdesk-central*")) == [
        "vipdesk-central.db"
    ]


def test_the_cache_is_opened_with_the_computer_passphrase_without_asking(
    vipdesk_home: Path,
) -> None:
    settings = _settings(vipdesk_home)
    central = open_central(settings, passphrase=Prompt(PASSPHRASE))
    try:
        for _ in range(2):  # built, then reopened: never asked
            never = Prompt(None)
            workspace = open_workspace(
                settings, central.database, "ejecutivo1", never, hint=central.passphrase
            )
            assert never.calls == []
            workspace.close()
    finally:
        central.database.dispose()


def test_a_session_in_the_default_embedded_mode_leaves_no_plaintext(
    vipdesk_home: Path, tmp_path: Path
) -> None:
    """The issue's scan, in the default mode: the central file, the cache, their WALs, key
    files, settings and logs under VIPDESK_HOME, after real processes did their work."""
    first = run_vipdesk("sync", "--user", "ejecutivo1", home=vipdesk_home)
    assert first.returncode == 0, first.stderr
    shot = run_vipdesk("--screenshot", str(tmp_path / "s.png"), home=vipdesk_home)
    assert shot.returncode == 0, shot.stderr

    settings = _settings(vipdesk_home)
    central = open_central(settings, passphrase=Prompt(PASSPHRASE))
    workspace = open_workspace(
        settings, central.database, "ejecutivo1", Prompt(None), hint=central.passphrase
    )
    me = workspace.actor
    numbers = portfolio.case_numbers(workspace.unit_of_work(), me, PortfolioQuery())
    case_id = portfolio.rows(workspace.unit_of_work(), me, numbers[:1])[0].case_id
    activity.log_interaction(workspace.unit_of_work(), me, _call(case_id))
    assert workspace.sync().pushed == 1
    needles = needles_for(confidential_values(central.database.engine))
    needles["note"] = NOTE.encode()
    assert find_plaintext(vipdesk_home, needles) == {}  # both files open, WALs in use
    workspace.close()
    central.database.dispose()
    again = run_vipdesk("sync", "--user", "ejecutivo1", home=vipdesk_home)
    assert again.returncode == 0 and "pushed 0" in again.stdout, again.stderr
    assert find_plaintext(vipdesk_home, needles) == {}


def test_without_a_passphrase_the_command_line_says_how_to_give_one(
    vipdesk_home: Path, tmp_path: Path
) -> None:
    result = run_vipdesk(
        "--screenshot", str(tmp_path / "x.png"), home=vipdesk_home, passphrase=None
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "VIPDESK_PASSPHRASE" in result.stderr
    assert not (tmp_path / "x.png").exists()


UNREACHABLE = "postgresql://vipdesk@127.0.0.1:1/central"  # nothing listens on port 1


def test_starting_with_an_unreachable_server_and_no_local_copy_is_a_clear_problem(
    vipdesk_home: Path,
) -> None:
    with pytest.raises(Unreachable):
        connect(_settings(vipdesk_home, UNREACHABLE), None, interactive=True, passphrase=None)


def _copy_then_start_offline(home: Path, central_url: str) -> tuple[Central, Connection]:
    """ejecutivo1 builds a local copy while connected; the next start finds no server."""
    online = _settings(home, central_url)
    central = open_central(online)
    open_workspace(online, central.database, "ejecutivo1", Prompt(PASSPHRASE)).close()
    started = connect(_settings(home, UNREACHABLE), None, interactive=True, passphrase=None)
    assert started is not None and started.central is None
    return central, started


def test_starting_offline_works_on_the_local_copy_and_syncs_when_back(
    vipdesk_home: Path, pg_demo_url: str
) -> None:
    # Next morning, on a train: the server does not answer.
    central, started = _copy_then_start_offline(vipdesk_home, pg_demo_url)
    context = started.context(user=None, screenshot=None, language=None, passphrase=None)
    assert context.offline
    assert [u.username for u in context.user_directory().list_users()] == ["ejecutivo1"]
    assert context.user_directory().sign_in("EJECUTIVO1").username == "ejecutivo1"
    assert context.open_workspace is not None
    workspace = context.open_workspace("ejecutivo1", Prompt(PASSPHRASE), None, lambda: False)
    me = workspace.actor
    numbers = portfolio.case_numbers(workspace.unit_of_work(), me, PortfolioQuery())
    case_id = portfolio.rows(workspace.unit_of_work(), me, numbers[:1])[0].case_id
    activity.log_interaction(workspace.unit_of_work(), me, _call(case_id, "hecho sin red"))
    with pytest.raises(Offline):
        workspace.sync()
    assert workspace.status().pending == 1

    # Back at the office: the same workspace reaches the server, the change arrives once.
    workspace.connect = lambda: central.database
    report = workspace.sync()
    assert (report.pushed, report.pending) == (1, 0)
    with central.database.unit_of_work() as uow:
        notes = uow.session.scalars(
            select(Interaction.notes).where(Interaction.notes == "hecho sin red")
        ).all()
    assert notes == ["hecho sin red"]
    workspace.close()
    central.database.dispose()


def test_someone_without_a_local_copy_cannot_start_offline(
    vipdesk_home: Path, pg_demo_url: str
) -> None:
    central, started = _copy_then_start_offline(vipdesk_home, pg_demo_url)
    central.database.dispose()
    directory = started.context(
        user=None, screenshot=None, language=None, passphrase=None
    ).user_directory()
    with pytest.raises(Exception, match="no local copy on this computer"):
        directory.sign_in("ejecutivo2")
