"""The command line, as administrators and scripts use it: real processes, real exit codes."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.processes import run_vipdesk, vipdesk_env
from vipdesk.storage.database import create_database_engine


def vipdesk(*args: str, home: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return run_vipdesk(*args, home=home, timeout=timeout)


def _one_line_problem(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def test_demo_command_creates_a_portfolio(tmp_path: Path, vipdesk_home: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    result = vipdesk("demo", "--cases", "25", "--seed", "3", "--database", url, home=vipdesk_home)
    assert result.returncode == 0, result.stderr
    assert "25 cases" in result.stdout
    engine = create_database_engine(url)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM case_file")).scalar_one() == 25
    engine.dispose()


def test_db_upgrade_on_an_empty_file(tmp_path: Path, vipdesk_home: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    result = vipdesk("db", "upgrade", "--database", url, home=vipdesk_home)
    assert result.returncode == 0, result.stderr
    assert "schema at" in result.stdout


def test_screenshot_of_the_default_embedded_database(tmp_path: Path, vipdesk_home: Path) -> None:
    png = tmp_path / "main.png"
    result = vipdesk("--screenshot", str(png), "--user", "ejecutivo2", home=vipdesk_home)
    assert result.returncode == 0, result.stderr
    assert png.stat().st_size > 10_000
    assert (vipdesk_home / "data" / "vipdesk-central.db").exists()


def test_unknown_user(tmp_path: Path, vipdesk_home: Path, demo_db_url: str) -> None:
    result = vipdesk(
        "--screenshot", str(tmp_path / "x.png"), "--user", "nadie", "--database", demo_db_url,
        home=vipdesk_home,
    )
    assert "nadie" in _one_line_problem(result)
    assert not (tmp_path / "x.png").exists()


@pytest.mark.parametrize(
    "url", ["not a url", "mysql://root@localhost/x", "sqlite:////nonexistent/dir/file.db"]
)
def test_wrong_database_url(tmp_path: Path, vipdesk_home: Path, url: str) -> None:
    result = vipdesk("--screenshot", str(tmp_path / "x.png"), "--database", url, home=vipdesk_home)
    _one_line_problem(result)


def test_unreachable_postgresql(tmp_path: Path, vipdesk_home: Path) -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"postgresql://vip:secret@127.0.0.1:{port}/vipdesk"
    result = vipdesk("--screenshot", str(tmp_path / "x.png"), "--database", url, home=vipdesk_home)
    line = _one_line_problem(result)
    assert "secret" not in line and "Cannot open the database" in line


def test_database_from_a_newer_version(
    tmp_path: Path, vipdesk_home: Path, demo_db_url: str
) -> None:
    engine = create_database_engine(demo_db_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'ffffffffffff'"))
    engine.dispose()
    result = vipdesk(
        "--screenshot", str(tmp_path / "x.png"), "--database", demo_db_url, home=vipdesk_home
    )
    assert "newer" in _one_line_problem(result)


def test_read_only_home(tmp_path: Path) -> None:
    home = tmp_path / "ro"
    home.mkdir()
    png = tmp_path / "x.png"
    if os.geteuid() == 0:
        # Root writes through permission bits, so make the folder truly read-only: a
        # read-only bind mount in a private mount namespace.
        script = (
            f'mount --bind "{home}" "{home}" && mount -o remount,bind,ro "{home}" && '
            f'exec "{sys.executable}" -m vipdesk --screenshot "{png}"'
        )
        result = subprocess.run(
            ["unshare", "-m", "sh", "-c", script],
            env=vipdesk_env(home), capture_output=True, text=True, timeout=60, check=False,
        )
    else:
        home.chmod(stat.S_IRUSR | stat.S_IXUSR)
        result = vipdesk("--screenshot", str(png), home=home)
    assert "Cannot write" in _one_line_problem(result)
    assert list(home.iterdir()) == []


def test_home_that_is_a_file(tmp_path: Path) -> None:
    # Works as root too: nobody can create folders inside a regular file.
    home = tmp_path / "not-a-folder"
    home.write_text("x")
    result = vipdesk("--screenshot", str(tmp_path / "x.png"), home=home)
    assert "Cannot write" in _one_line_problem(result)


def test_database_url_from_the_environment(
    tmp_path: Path, vipdesk_home: Path, demo_db_url: str
) -> None:
    env = vipdesk_env(vipdesk_home, VIPDESK_DATABASE_URL=demo_db_url)
    png = tmp_path / "env.png"
    result = subprocess.run(
        [sys.executable, "-m", "vipdesk", "--screenshot", str(png), "--user", "juridico1"],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert png.exists()
    # The given database was used: no embedded default file was created.
    assert not (vipdesk_home / "data" / "vipdesk-central.db").exists()


def test_postgresql_database_for_the_gui(
    tmp_path: Path, vipdesk_home: Path, pg_demo_url: str
) -> None:
    png = tmp_path / "pg.png"
    result = vipdesk(
        "--screenshot", str(png), "--user", "supervisor2", "--database", pg_demo_url,
        home=vipdesk_home,
    )
    assert result.returncode == 0, result.stderr
    assert png.stat().st_size > 10_000


def test_unknown_key_store_choice(tmp_path: Path, vipdesk_home: Path) -> None:
    env = vipdesk_env(vipdesk_home, VIPDESK_KEYSTORE="postit")
    result = subprocess.run(
        [sys.executable, "-m", "vipdesk", "sync", "--user", "ejecutivo1"],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )
    assert "VIPDESK_KEYSTORE must be one of" in _one_line_problem(result)
